"""Boilerplate removal driven by the rules in ``briefgen/data/boilerplate.yml`` (+ the project's own)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from briefgen.errors import ConfigError
from briefgen.records import Removed

DATA = Path(__file__).resolve().parent.parent / "data" / "boilerplate.yml"
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML was built with it
PROJECT_FILE = "boilerplate.yml"
SECTIONS = ("lines", "patterns", "tails", "structural", "outlets", "signatures", "disable")
_END_PUNCT = " .:;,!?…|·•-–—"


@dataclass(frozen=True, slots=True)
class Line:
    """A line of an article being cleaned: its number in the source and its normalised text."""

    number: int
    text: str


@dataclass(frozen=True, slots=True)
class Rules:
    """Compiled boilerplate rules."""

    exact: Mapping[str, str] = field(default_factory=dict)
    patterns: tuple[tuple[str, re.Pattern[str]], ...] = ()
    tails: tuple[tuple[str, re.Pattern[str]], ...] = ()
    structural: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    outlets: Mapping[str, str] = field(default_factory=dict)
    signatures: tuple[tuple[str, re.Pattern[str]], ...] = ()
    any_pattern: re.Pattern[str] | None = None  # all patterns in one regex: one call per line
    any_tail: re.Pattern[str] | None = None


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def combine(pairs: Sequence[tuple[str, re.Pattern[str]]]) -> re.Pattern[str] | None:
    """One regex matching a line when any rule does; group ``r<i>`` says which (None if not combinable)."""
    if not pairs:
        return None
    parts = [f"(?P<r{i}>{_NAMED_GROUP.sub('(?:', rx.pattern)})" for i, (_, rx) in enumerate(pairs)]
    try:
        return re.compile("|".join(parts), re.IGNORECASE)
    except re.error:
        return None


def first_rule(
    text: str, pairs: Sequence[tuple[str, re.Pattern[str]]], combined: re.Pattern[str] | None
) -> str | None:
    """The name of the first rule (in file order) whose regex matches the whole line."""
    if combined is not None:
        match = combined.fullmatch(text)
        if match is None:
            return None
        index = next(int(k[1:]) for k, v in match.groupdict().items() if v is not None)
        return pairs[index][0]
    return next((name for name, rx in pairs if rx.fullmatch(text)), None)


def _key(text: str) -> str:
    return text.casefold().strip(_END_PUNCT)


def _compile(name: str, regex: Any, where: str) -> re.Pattern[str]:
    if not isinstance(regex, str):
        raise ConfigError(f"rule '{name}' must be a regex string, not {type(regex).__name__}", where)
    try:
        return re.compile(regex, re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(
            f"rule '{name}' is not a valid regular expression: {exc}", where, "fix the regex (Python syntax)"
        ) from None


def _compile_all(section: Mapping[str, Any], where: Sequence[Path]) -> list[tuple[str, re.Pattern[str]]]:
    out: list[tuple[str, re.Pattern[str]]] = []
    for name, regexes in section.items():
        for rx in regexes if isinstance(regexes, list) else [regexes]:
            out.append((str(name), _compile(str(name), rx, _line_of(where, str(name)))))
    return out


def _line_of(paths: Sequence[Path], key: str) -> str:
    """'file:line' of the last definition of a rule, for error messages."""
    for path in reversed(paths):
        try:
            for number, text in enumerate(path.read_text("utf-8").splitlines(), 1):
                if re.match(rf"\s*['\"]?{re.escape(key)}['\"]?\s*:", text):
                    return f"{path}:{number}"
        except OSError:
            continue
    return str(paths[-1])


def _load(path: Path) -> dict[str, Any]:
    from briefgen.config import load_yaml

    lines: dict[str, int] = {}
    if path == DATA:  # the shipped file parses: libyaml, ~10x faster (a project's file gets its lines)
        data = yaml.load(path.read_text("utf-8"), Loader=_YAML_LOADER)
    else:
        data, lines = load_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("boilerplate rules must be a mapping of sections", str(path))
    for key in data:
        if key not in SECTIONS:
            raise ConfigError(
                f"unknown section '{key}'", f"{path}:{lines.get(str(key), 1)}", f"use one of: {', '.join(SECTIONS)}"
            )
        if key != "disable" and not isinstance(data[key], dict):
            raise ConfigError(f"section '{key}' must be a mapping of rule names", f"{path}:{lines.get(key, 1)}")
    if "disable" in data and not isinstance(data["disable"], list):
        raise ConfigError("'disable' must be a list of rule names", f"{path}:{lines.get('disable', 1)}")
    return data


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged: dict[str, dict[str, Any]] = {k: dict(v) for k, v in base.items() if isinstance(v, dict)}
    for section, value in extra.items():
        if section == "disable":
            continue
        target = merged.setdefault(section, {})
        for name, rule in value.items():
            if section == "lines" and isinstance(target.get(name), list) and isinstance(rule, list):
                target[name] = [*target[name], *rule]
            else:
                target[name] = rule
    for name in extra.get("disable", []):
        for rules in merged.values():
            rules.pop(str(name), None)
    return dict(merged)


def load_rules(project_file: Path | None = None) -> Rules:
    """The package's rules, extended (and partly disabled) by a project file when it exists."""
    return _load_rules(project_file if project_file is not None and project_file.is_file() else None)


@lru_cache(maxsize=8)
def _load_rules(project_file: Path | None) -> Rules:
    data = _load(DATA)
    where = [DATA]
    if project_file is not None:
        data = _merge(data, _load(project_file))
        where.append(project_file)
    exact: dict[str, str] = {}
    for name, words in data.get("lines", {}).items():
        if not isinstance(words, list):
            raise ConfigError(f"rule '{name}' must be a list of lines", _line_of(where, name))
        for word in words:
            exact[_key(str(word))] = name
    patterns = tuple(_compile_all(data.get("patterns", {}), where))
    tails = tuple(_compile_all(data.get("tails", {}), where))
    signatures = _compile_all(data.get("signatures", {}), where)
    structural = {k: (v if isinstance(v, dict) else {}) for k, v in data.get("structural", {}).items()}
    for part in ("header", "bullet"):  # checked here, so a bad project regex is reported before any reading
        if part in structural.get("summary-box", {}):
            _compile("summary-box", structural["summary-box"][part], _line_of(where, "summary-box"))
    outlets = {str(k).lower(): str(v) for k, v in data.get("outlets", {}).items()}
    return Rules(
        exact, patterns, tails, structural, outlets, tuple(signatures), combine(patterns), combine(tails)
    )


def line_rule(rules: Rules, text: str) -> str | None:
    """The name of the exact-line or pattern rule that matches a whole line, if any."""
    return rules.exact.get(_key(text)) or first_rule(text, rules.patterns, rules.any_pattern)


def _words(text: str) -> int:
    return len(text.split())


def _is_headline(text: str, max_words: int) -> bool:
    """A short line with a capital start and no final full stop: a headline, not a sentence."""
    return (
        0 < _words(text) <= max_words
        and text[:1].isupper()
        and not text.rstrip("”’\"')").endswith((".", ",", ";", ":"))
        and ". " not in text
    )


def strip_boilerplate(lines: Sequence[Line], rules: Rules) -> tuple[list[Line], list[Removed]]:
    """Drop boilerplate lines (blank lines are kept for paragraph structure); return kept and removed lines."""
    kept: list[Line] = []
    removed: list[Removed] = []
    total = sum(1 for line in lines if line.text)
    seen_text = 0
    position = rules.structural.get("tail-position", {})
    share = float(position.get("share", 0.5))
    min_lines = int(position.get("min_lines", 3))
    strong = set(position.get("anywhere-after", ()))
    repeated = rules.structural.get("repeated-line")
    media_title = rules.structural.get("media-title")
    boxes = _summary_boxes(lines, rules.structural.get("summary-box"))
    previous: Line | None = None
    for index, line in enumerate(lines):
        if not line.text:
            kept.append(line)
            continue
        if index in boxes:
            removed.append(Removed(line.number, line.text, "summary-box"))
            seen_text += 1
            continue
        seen_text += 1
        tail = first_rule(line.text, rules.tails, rules.any_tail) if seen_text > min_lines else None
        if tail and (seen_text > share * total or tail in strong):
            removed.extend(Removed(x.number, x.text, tail) for x in lines[index:] if x.text)
            break
        rule = line_rule(rules, line.text)
        if (
            rule is None
            and repeated is not None
            and previous is not None
            and previous.text == line.text
            and _words(line.text) >= int(repeated.get("min_words", 6))
        ):
            rule = "repeated-line"
        if rule is not None:
            if rule.startswith("media") and media_title is not None:
                _drop_media_title(kept, removed, int(media_title.get("max_words", 16)))
            removed.append(Removed(line.number, line.text, rule))
        else:
            kept.append(line)
        previous = line
    related = rules.structural.get("related-headline")
    if related is not None:
        body = [line for line in kept if line.text]
        last = body[-1].text if body else ""
        # a closing question is more often the reporter's own than a link: keep it
        if len(body) >= 3 and _is_headline(last, int(related.get("max_words", 16))) and not last.endswith("?"):
            kept.remove(body[-1])
            removed.append(Removed(body[-1].number, body[-1].text, "related-headline"))
    removed.sort(key=lambda r: r.line)
    return kept, removed


@lru_cache(maxsize=8)
def _fullmatcher(regex: str) -> Callable[[str], re.Match[str] | None]:
    return re.compile(regex, re.IGNORECASE).fullmatch


def _summary_boxes(lines: Sequence[Line], rule: Mapping[str, Any] | None) -> set[int]:
    """Indexes of the lines of every summary box: a header line and the bullet lines right below it."""
    if not rule or not rule.get("header") or not rule.get("bullet"):
        return set()
    header, bullet = _fullmatcher(str(rule["header"])), _fullmatcher(str(rule["bullet"]))
    found: set[int] = set()
    for index, line in enumerate(lines):
        if not line.text or not header(line.text):
            continue
        items = []
        for below in range(index + 1, len(lines)):
            if not lines[below].text or not bullet(lines[below].text):
                break
            items.append(below)
        if items:
            found.update((index, *items))
    return found


def _drop_media_title(kept: list[Line], removed: list[Removed], max_words: int) -> None:
    """The short headline right before a media player line is the programme's title."""
    for back in range(len(kept) - 1, -1, -1):
        if not kept[back].text:
            continue
        candidate = kept[back]
        if _is_headline(candidate.text, max_words) and back > 0:
            del kept[back]
            removed.append(Removed(candidate.number, candidate.text, "media-title"))
        return
