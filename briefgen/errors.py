"""The exception tree: every error briefgen reports on purpose is a BriefgenError."""

from __future__ import annotations

import errno
import traceback


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


class EnvironmentFault(BriefgenError):
    """The machine refused something (disk full, read-only folder) or a theme template failed."""


_OS_FIXES = {
    errno.ENOSPC: ("disk full", "free space on that disk, or choose another --site-dir / build_dir"),
    errno.EDQUOT: ("disk quota exceeded", "free space, or choose another --site-dir / build_dir"),
    errno.EROFS: ("read-only file system", "choose a writable --site-dir / build_dir"),
    errno.EACCES: ("permission denied", "make the folder writable, or choose another --site-dir / build_dir"),
    errno.EPERM: ("operation not permitted", "make the folder writable, or choose another --site-dir / build_dir"),
}


def template_line(exc: BaseException) -> str | None:
    """``file:line`` of the innermost template frame of a Jinja error (Jinja rewrites the traceback)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith((".html", ".j2", ".xml"))]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else None


def explain(exc: BaseException) -> BriefgenError | None:
    """A what-where-fix error for an environment fault or a failing theme template; None for anything else."""
    if isinstance(exc, BriefgenError):
        return exc
    if isinstance(exc, OSError):
        what, fix = _OS_FIXES.get(exc.errno or 0, (exc.strerror or str(exc), None))
        where = exc.filename if isinstance(exc.filename, str) else None
        return EnvironmentFault(f"cannot write or read a file: {what}", where, fix)
    import jinja2

    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = f"{exc.filename or exc.name or 'a template'}:{exc.lineno}"
        return EnvironmentFault(
            f"template syntax error: {exc.message}", where, "fix that template (a theme override in overrides/?)"
        )
    if isinstance(exc, jinja2.TemplateError):
        return EnvironmentFault(
            f"template error: {exc}", template_line(exc), "fix that template (a theme override in overrides/?)"
        )
    return None
