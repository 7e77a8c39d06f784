"""The quote stage's rule registry (``briefgen/data/quote_rules.yml``): ids, patterns, word lists, examples."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from briefgen.errors import ConfigError

RULES_FILE = "quote_rules.yml"
# the frames whose ids end with the way their cue's subject was found ("quote.cue_after" + ".subject")
CUE_FRAMES = (
    "quote.cue_after",
    "quote.cue_before",
    "quote.governing_cue",
    "statement.cue",
    "statement.trailing_cue",
    "statement.around_partial",
)
_ID = r"^[a-z_]+(\.[a-z_]+)*$"


class RuleExample(BaseModel):
    """One example text and what the rules must make of it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1)
    find: str | None = None  # a piece of the quote's or statement's text; None: the only one
    rule: str | None = Field(default=None, pattern=_ID)  # the full rule id; None: nothing contains `find`
    speaker: str | None = None  # the speaker's name; None: nobody named


class Rule(BaseModel):
    """One attribution rule (or cue frame, or way of finding a cue's subject)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=_ID)
    pattern: str = Field(min_length=1)
    assigns: str = Field(min_length=1)
    code: str = Field(min_length=1)
    words: dict[str, list[str]] = Field(default_factory=dict)
    misfires: bool = True  # whether it can take what it should not (then it needs a negative example)
    unproven: str | None = None  # why no example text shows the rule firing (a candidate for removal)
    examples: list[RuleExample] = Field(min_length=1)


class RuleFile(BaseModel):
    """The whole registry: frames and rules, and the ways a cue's subject is found."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    frames: list[Rule]
    subjects: list[Rule]

    @model_validator(mode="after")
    def _ids_unique(self) -> RuleFile:
        for group in (self.frames, self.subjects):
            ids = [r.id for r in group]
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"duplicate rule ids {dupes}")
        return self


def covers(rule: Rule, full_id: str, subject: bool) -> bool:
    """Whether a quote's full rule id was made by this entry (a frame or rule id, or a subject way)."""
    if subject:
        return any(full_id == f"{frame}.{rule.id}" for frame in CUE_FRAMES)
    return full_id == rule.id or full_id.startswith(rule.id + ".")


def known(registry: RuleFile, full_id: str) -> bool:
    """Whether a full rule id is one the registry describes."""
    for frame in CUE_FRAMES:
        if full_id.startswith(frame + "."):
            way = full_id[len(frame) + 1 :]
            if any(s.id == way for s in registry.subjects):
                return True
    return any(r.id == full_id for r in registry.frames)


def _item_lines(text: str) -> dict[tuple[str, int], int]:
    """The line of each entry of the top-level lists ("frames", 3) -> 42."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    lines: dict[tuple[str, int], int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(value, yaml.SequenceNode):
                for i, item in enumerate(value.value):
                    lines[(str(key.value), i)] = item.start_mark.line + 1
    return lines


def parse_rules(text: str, where: str) -> RuleFile:
    """Validate a rule registry; every problem is reported at once as ``file:line: key: message``."""
    try:
        data: Any = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise ConfigError(f"invalid YAML: {exc.problem}", f"{where}:{line}", "correct the YAML syntax") from exc
    try:
        return RuleFile.model_validate(data)
    except ValidationError as exc:
        lines = _item_lines(text)
        problems = []
        for err in exc.errors():
            loc = err["loc"]
            line = lines.get((str(loc[0]), int(loc[1])), 0) if len(loc) >= 2 and isinstance(loc[1], int) else 0
            key = ".".join(str(p) for p in loc)
            problems.append(f"{where}:{line}: {key}: {err['msg']}")
        raise ConfigError(
            "invalid quote rule registry:\n  " + "\n  ".join(problems), where, "fix the entries named above"
        ) from None


@lru_cache(maxsize=1)
def registry() -> RuleFile:
    """The packaged rule registry, validated once."""
    path = resources.files("briefgen.data").joinpath(RULES_FILE)
    return parse_rules(path.read_text(encoding="utf-8"), str(Path("briefgen/data") / RULES_FILE))


def word_list(rule_id: str, name: str) -> list[str]:
    """A word list of one rule (frames and subjects alike), in file order."""
    reg = registry()
    for rule in (*reg.frames, *reg.subjects):
        if rule.id == rule_id:
            return list(rule.words[name])
    raise KeyError(rule_id)


def words(rule_id: str, name: str) -> frozenset[str]:
    """A word list of one rule, as a set."""
    return frozenset(word_list(rule_id, name))


def alternation(rule_id: str, name: str) -> str:
    """A word list of one rule as a regex group matching any of its entries (in file order)."""
    return "(?:" + "|".join(re.escape(w) for w in word_list(rule_id, name)) + ")"
