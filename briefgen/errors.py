"""The exception tree: every error briefgen reports on purpose is a BriefgenError."""

from __future__ import annotations


class BriefgenError(Exception):
    """Base class: a problem briefgen explains to the user instead of crashing."""

    def __init__(self, what: str, where: str | None = None, fix: str | None = None) -> None:
        self.what = what
        self.where = where
        self.fix = fix
        super().__init__(self.message())

    def message(self) -> str:
        """The message in the form *what* – *where* – *how to fix*."""
        parts = [self.what]
        if self.where:
            parts.append(f"in {self.where}")
        text = " – ".join(parts)
        if self.fix:
            text += f"\n  fix: {self.fix}"
        return text


class ConfigError(BriefgenError):
    """A settings file (site_config/*.yml, mkdocs.yml) is malformed or invalid."""


class CorpusError(BriefgenError):
    """The corpus as a whole cannot be read (missing folder, nothing to build)."""


class TemplateError(BriefgenError):
    """A page template is missing or fails to render."""


class SiteError(BriefgenError):
    """The static site could not be built or written."""


class StrictError(BriefgenError):
    """Warnings were raised and --strict turns them into a failure."""
