"""User overrides for actors (``site_config/actors.yml``): canonical name, aliases, kind, country, role."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from briefgen.config import read_schema
from briefgen.extract.merge import ActorOverride


class ActorEntry(BaseModel):
    """One actor as the user wants it shown; only ``name`` is required."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    kind: Literal["person", "organisation", "country"] | None = None
    country: str | None = None
    role: str | None = None


class ActorsFile(BaseModel):
    """The schema of ``site_config/actors.yml``: a list of entries under ``actors``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    actors: list[ActorEntry] | None = None


def load_overrides(path: Path) -> tuple[ActorOverride, ...]:
    """Parse the overrides file; a missing file means no overrides. Errors name file, line and key."""
    if not path.is_file():
        return ()
    entries = read_schema(path, ActorsFile, "actor overrides", wrap="actors").actors or ()
    return tuple(ActorOverride(e.name, tuple(e.aliases), e.kind, e.country, e.role) for e in entries)
