"""The site stage: write Markdown + a generated mkdocs.yml, run a plain MkDocs build, swap it in safely."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from briefgen.config import load_yaml
from briefgen.errors import ConfigError, SiteError

MARKER = ".briefgen-site"
SHIM = "assets/javascripts/iframe-worker-shim.js"
CSS = "assets/stylesheets/briefgen.css"
DEFAULT_EPOCH = 315532800  # 1980-01-01, the earliest date zip and gzip headers can hold

DEFAULT_MKDOCS: dict[str, Any] = {
    "site_name": "Briefing",
    "theme": {
        "name": "material",
        "font": False,
        "features": ["navigation.sections", "navigation.indexes", "search.highlight", "search.suggest"],
        "palette": [
            {"scheme": "default", "toggle": {"icon": "material/brightness-7", "name": "Dark mode"}},
            {"scheme": "slate", "toggle": {"icon": "material/brightness-4", "name": "Light mode"}},
        ],
    },
    "plugins": ["search", "tags", "offline"],
    "markdown_extensions": [
        {"toc": {"permalink": True}},
        "tables",
        "attr_list",
        "admonition",
        "pymdownx.superfences",
    ],
}
# Settings briefgen owns: they keep the site O(pages) to build and usable offline.
NAV = [
    {"What's new": "whats-new.md"},
    {"Summary": "index.md"},
    {"Matrix": "matrix.md"},
    {"Topics": "topics/index.md"},
    {"Countries": "countries/index.md"},
    {"Actors": "actors/index.md"},
    {"Sources": "sources/index.md"},
]
FORBIDDEN_EXTENSIONS = {"pymdownx.snippets"}


@dataclass(frozen=True, slots=True)
class WriteStats:
    """How many generated files were written, left alone because unchanged, or removed."""

    written: int
    unchanged: int
    removed: int


@dataclass
class SiteResult:
    """What the site stage did."""

    pages: int
    writes: WriteStats
    warnings: list[str] = field(default_factory=list)


def _names(items: list[Any]) -> list[str]:
    return [next(iter(i)) if isinstance(i, dict) else str(i) for i in items]


def mkdocs_settings(
    user_yml: Path | None, title: str, nav: list[dict[str, str]], site_url: str | None
) -> dict[str, Any]:
    """The generated mkdocs.yml: the user's settings over briefgen's defaults, with briefgen's own keys forced."""
    cfg: dict[str, Any] = {k: (v.copy() if isinstance(v, dict | list) else v) for k, v in DEFAULT_MKDOCS.items()}
    if user_yml is not None and user_yml.is_file():
        data, _ = load_yaml(user_yml)
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ConfigError("mkdocs settings must be a mapping", str(user_yml))
        for key in ("docs_dir", "site_dir", "nav", "not_in_nav", "hooks"):
            data.pop(key, None)
        cfg.update(data)
        if "site_name" not in data:
            cfg["site_name"] = title
    else:
        cfg["site_name"] = title
    theme = cfg.setdefault("theme", {"name": "material"})
    if isinstance(theme, str):
        theme = cfg["theme"] = {"name": theme}
    theme.setdefault("font", False)
    plugins = list(cfg.get("plugins") or [])
    for required in ("search", "offline"):
        if required not in _names(plugins):
            plugins.append(required)
    cfg["plugins"] = plugins
    exts = [e for e in cfg.get("markdown_extensions") or [] if _names([e])[0] not in FORBIDDEN_EXTENSIONS]
    if "attr_list" not in _names(exts):
        exts.append("attr_list")
    cfg["markdown_extensions"] = exts
    extra = dict(cfg.get("extra") or {})
    polyfills = [p for p in extra.get("polyfills") or [] if "iframe-worker" not in str(p)]
    extra["polyfills"] = [*polyfills, SHIM]
    cfg["extra"] = extra
    cfg["extra_css"] = [CSS, *[c for c in cfg.get("extra_css") or [] if c != CSS]]
    cfg["docs_dir"] = "docs"
    cfg["use_directory_urls"] = False
    cfg["nav"] = nav
    cfg["not_in_nav"] = "/actors/*\n/countries/*\n/sources/*\n/topics/*\n"
    cfg["validation"] = {"links": {"not_found": "warn", "anchors": "warn", "unrecognized_links": "warn"}}
    if site_url:
        cfg["site_url"] = site_url
    return cfg


def _write_if_changed(path: Path, data: bytes) -> bool:
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


def write_build_dir(build: Path, pages: Mapping[str, str], mkdocs_cfg: dict[str, Any]) -> WriteStats:
    """Write docs/ and mkdocs.yml into the build folder, touching only files whose bytes changed."""
    docs = build / "docs"
    files: dict[str, bytes] = {rel: text.encode("utf-8") for rel, text in pages.items()}
    assets = resources.files("briefgen.assets")
    files[SHIM] = assets.joinpath("iframe-worker-shim.js").read_bytes()
    files["assets/javascripts/iframe-worker-LICENSE.txt"] = assets.joinpath("iframe-worker-LICENSE.txt").read_bytes()
    files[CSS] = assets.joinpath("briefgen.css").read_bytes()
    written = unchanged = 0
    for rel in sorted(files):
        target = (docs / rel).resolve()
        if not target.is_relative_to(docs.resolve()):
            raise SiteError(f"refusing to write outside the build folder: {rel}", str(docs))
        if _write_if_changed(target, files[rel]):
            written += 1
        else:
            unchanged += 1
    removed = 0
    if docs.is_dir():
        expected = {(docs / rel).resolve() for rel in files}
        for path in sorted(docs.rglob("*"), reverse=True):
            if path.is_file() and path.resolve() not in expected:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    header = "# Generated by briefgen from the project's mkdocs.yml; edit that file, not this one.\n"
    yml = header + yaml.safe_dump(mkdocs_cfg, sort_keys=False, allow_unicode=True)
    if _write_if_changed(build / "mkdocs.yml", yml.encode("utf-8")):
        written += 1
    return WriteStats(written, unchanged, removed)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _mkdocs_logging() -> Iterator[_Collect]:
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    old_level, old_propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        logger.propagate = old_propagate


def check_site_dir(site: Path, project_dir: Path) -> None:
    """Refuse a site folder that would destroy something that is not a previous briefgen output."""
    resolved = site.resolve()
    project = project_dir.resolve()
    if resolved == project or project.is_relative_to(resolved):
        raise SiteError(
            "refusing to use the project folder (or a folder above it) as the site folder",
            str(site),
            "choose a dedicated --site-dir such as site/",
        )
    if resolved.exists() and not resolved.is_dir():
        raise SiteError("the site folder is a file", str(site), "remove it or choose another --site-dir")
    if resolved.is_dir() and any(resolved.iterdir()) and not (resolved / MARKER).is_file():
        raise SiteError(
            "refusing to replace a folder that briefgen did not build (no .briefgen-site marker)",
            str(site),
            "choose an empty or new --site-dir, or delete that folder yourself",
        )


def source_date_epoch(dates: list[str]) -> int:
    """A reproducible build time: the newest publication date of the corpus, else a fixed date."""
    import datetime as dt

    best = DEFAULT_EPOCH
    for value in dates:
        with contextlib.suppress(ValueError):
            day = dt.date.fromisoformat(value[:10])
            best = max(best, int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()))
    return best


def run_mkdocs(build: Path, out: Path, strict: bool) -> list[str]:
    """Run an unmodified in-process MkDocs build of build/mkdocs.yml into ``out``."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

    with _mkdocs_logging() as collected:
        try:
            cfg = load_config(config_file=str(build / "mkdocs.yml"), site_dir=str(out), strict=strict)
            cfg.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(cfg, dirty=False)
            finally:
                cfg.plugins.on_shutdown()
        except ConfigurationError as exc:
            raise ConfigError(f"MkDocs rejected the settings: {exc}", "mkdocs.yml", "fix mkdocs.yml") from None
        except (Abort, MkDocsException) as exc:
            detail = "; ".join(collected.messages[-5:])
            raise SiteError(f"MkDocs build failed: {exc} {detail}".strip(), str(build / "mkdocs.yml")) from None
    return collected.messages


def publish(build: Path, site: Path, extra_files: Mapping[str, bytes], strict: bool) -> list[str]:
    """Build into a temporary folder beside ``site`` and swap it in; the old site survives any failure."""
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site.name}.new-", dir=site.parent))
    try:
        warnings = run_mkdocs(build, tmp, strict)
        for rel, data in sorted(extra_files.items()):
            target = (tmp / rel).resolve()
            if not target.is_relative_to(tmp.resolve()):
                raise SiteError(f"refusing to write outside the site folder: {rel}", str(site))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        (tmp / MARKER).write_text("This folder was built by briefgen and is replaced by each build.\n")
        old: Path | None = None
        if site.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-", dir=site.parent))
            os.replace(site, old / site.name)
        os.replace(tmp, site)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return warnings
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
