"""Word lists a project adds to the shipped data: ``site_config/cues.yml`` and ``site_config/roles.yml``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from briefgen.config import read_schema
from briefgen.extract.lexicon import UserData

Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class CueWords(BaseModel):
    """``site_config/cues.yml``: entries added to the lists of the same name in ``briefgen/data/cues.yml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    verbs: list[Word] = Field(default_factory=list)  # reporting verbs as lemmas: "quip" also finds "quipped"
    phrasal: list[Word] = Field(default_factory=list)  # "lemma particle": "sound off"
    nouns: list[Word] = Field(default_factory=list)  # "pronouncement": "X's pronouncement that ..."
    source_phrases: list[Word] = Field(default_factory=list)  # "according to"
    listeners: list[Word] = Field(default_factory=list)  # who is told: "told *delegates*"
    adverbs: list[Word] = Field(default_factory=list)  # between speaker and verb: "X *later* said"
    collective_nouns: list[Word] = Field(default_factory=list)  # plural speakers that are never one actor


class RoleWords(BaseModel):
    """``site_config/roles.yml``: entries added to the lists of the same name in ``briefgen/data/roles.yml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    heads: list[Word] = Field(default_factory=list)  # role nouns: "harbourmaster" in "Harbourmaster Jan Visser"
    modifiers: list[Word] = Field(default_factory=list)  # words before a head: "chief" in "chief harbourmaster"
    objects: list[Word] = Field(default_factory=list)  # "minister of *fisheries*"
    honorifics: dict[Word, Literal["male", "female"] | None] = Field(default_factory=dict)  # "Cllr": null
    org_heads: list[Word] = Field(default_factory=list)  # words that make a name an organisation: "Authority"
    not_names: list[Word] = Field(default_factory=list)  # capitalised words that never start a name
    collectives: list[Word] = Field(default_factory=list)  # plural subjects that are never one actor


FILES: dict[str, type[CueWords] | type[RoleWords]] = {"cues.yml": CueWords, "roles.yml": RoleWords}


def load_user_data(site_config: Path) -> UserData:
    """The project's additions to the shipped word lists; missing files add nothing.

    Raises ConfigError naming file, line and key of every bad entry.
    """
    additions: dict[str, dict[str, object]] = {}
    for name, schema in FILES.items():
        path = site_config / name
        if path.is_file():
            words = read_schema(path, schema, f"word lists ({name})")
            added = {key: value for key, value in words.model_dump().items() if value}
            if added:
                additions[name] = added
    return UserData(additions)
