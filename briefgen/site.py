"""The site stage: write Markdown + a generated mkdocs.yml, run a plain MkDocs build, swap it in safely."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from briefgen.config import load_yaml
from briefgen.errors import ConfigError, SiteError

MARKER = ".briefgen-site"
SITE_STATE = ".briefgen-site-state.json"  # in the build folder: what each page of the published site was built from
BUILD_MARKER = ".briefgen-build"
EXTRA_CSS_FILE = "extra.css"  # site_config/extra.css: the project's CSS hook, added after Material's
EXTRA_CSS = "assets/stylesheets/extra.css"
OVERRIDES_DIR = "overrides"  # the project's Material theme partials (theme.custom_dir)
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
    user_yml: Path | None,
    title: str,
    nav: list[dict[str, str]],
    site_url: str | None,
    *,
    project_dir: Path | None = None,
    build_dir: Path | None = None,
) -> dict[str, Any]:
    """The generated mkdocs.yml: the user's settings over briefgen's defaults, briefgen's own keys forced.

    With ``project_dir`` and ``build_dir``, a project ``overrides/`` folder becomes ``theme.custom_dir``
    and ``site_config/extra.css`` is added to ``extra_css``.
    """
    cfg: dict[str, Any] = {
        k: (v.copy() if isinstance(v, dict | list) else v) for k, v in DEFAULT_MKDOCS.items()
    }
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
    if not isinstance(theme, dict):
        raise ConfigError(
            f"'theme' must be a theme name or a mapping, not {type(theme).__name__}",
            str(user_yml or "mkdocs.yml"),
            "write 'theme: {name: material}'",
        )
    theme.setdefault("font", False)
    if build_dir is not None:
        _rebase_custom_dir(theme, user_yml, project_dir, build_dir)
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
    css = [CSS, *[c for c in cfg.get("extra_css") or [] if c not in (CSS, EXTRA_CSS)]]
    if project_dir is not None and (project_dir / "site_config" / EXTRA_CSS_FILE).is_file():
        css.append(EXTRA_CSS)
    cfg["extra_css"] = css
    cfg["docs_dir"] = "docs"
    cfg["use_directory_urls"] = False
    cfg["nav"] = nav
    cfg["not_in_nav"] = "/actors/*\n/countries/*\n/sources/*\n/topics/*\n"
    cfg["validation"] = {"links": {"not_found": "warn", "anchors": "warn", "unrecognized_links": "warn"}}
    if site_url:
        cfg["site_url"] = site_url
    return cfg


def _rebase_custom_dir(
    theme: dict[str, Any], user_yml: Path | None, project_dir: Path | None, build_dir: Path
) -> None:
    """Point theme.custom_dir, relative to the generated mkdocs.yml, at the project's theme overrides."""
    given = theme.get("custom_dir")
    folder: Path | None = None
    if isinstance(given, str) and given:
        base = user_yml.parent if user_yml is not None else (project_dir or Path.cwd())
        folder = Path(given) if Path(given).is_absolute() else base / given
        if not folder.is_dir():
            raise ConfigError(
                f"theme.custom_dir folder not found: {given}", str(user_yml), "create it or remove the key"
            )
    elif project_dir is not None and (project_dir / OVERRIDES_DIR).is_dir():
        folder = project_dir / OVERRIDES_DIR
    if folder is None:
        theme.pop("custom_dir", None)
        return
    theme["custom_dir"] = Path(os.path.relpath(folder.resolve(), build_dir.resolve())).as_posix()


def project_docs(project_dir: Path, mkdocs_cfg: Mapping[str, Any]) -> dict[str, bytes]:
    """The project's own files the generated docs need: site_config/extra.css and local extra_css files."""
    files: dict[str, bytes] = {}
    extra = project_dir / "site_config" / EXTRA_CSS_FILE
    if extra.is_file():
        files[EXTRA_CSS] = extra.read_bytes()
    root = project_dir.resolve()
    for entry in mkdocs_cfg.get("extra_css") or []:
        if not isinstance(entry, str) or entry in (CSS, EXTRA_CSS) or "://" in entry or entry.startswith("/"):
            continue
        local = (root / entry).resolve()
        if local.is_relative_to(root) and local.is_file():
            files[Path(entry).as_posix()] = local.read_bytes()
    return files


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


def _generated_yml(build: Path) -> bool:
    try:
        with (build / "mkdocs.yml").open("rb") as fh:
            return fh.read(40).startswith(b"# Generated by briefgen")
    except OSError:
        return False


def check_build_dir(build: Path) -> None:
    """Refuse a build folder whose docs/ briefgen would prune but did not create."""
    docs = build / "docs"
    ours = (build / BUILD_MARKER).is_file() or _generated_yml(build)
    if docs.is_dir() and any(docs.iterdir()) and not ours:
        raise SiteError(
            "refusing to reuse a docs/ folder that briefgen did not generate (no .briefgen-build marker)",
            str(build),
            "set build_dir to a new folder such as build/",
        )


def write_build_dir(
    build: Path,
    pages: Mapping[str, str],
    mkdocs_cfg: dict[str, Any],
    extra_files: Mapping[str, bytes] | None = None,
    on_disk: Collection[str] = (),
) -> WriteStats:
    """Write docs/ and mkdocs.yml into the build folder, touching only files whose bytes changed.

    ``on_disk`` names pages this build read from docs/ and checked (``PageMemo``): they are not read again.
    """
    check_build_dir(build)
    docs = build / "docs"
    build.mkdir(parents=True, exist_ok=True)
    _write_if_changed(build / BUILD_MARKER, b"Generated by briefgen; docs/ is rewritten by each build.\n")
    files: dict[str, bytes] = {rel: text.encode("utf-8") for rel, text in pages.items()}
    files.update(extra_files or {})
    assets = resources.files("briefgen.assets")
    files[SHIM] = assets.joinpath("iframe-worker-shim.js").read_bytes()
    license_file = assets.joinpath("iframe-worker-LICENSE.txt")
    files["assets/javascripts/iframe-worker-LICENSE.txt"] = license_file.read_bytes()
    files[CSS] = assets.joinpath("briefgen.css").read_bytes()
    written = unchanged = 0
    root = docs.resolve()
    folders: dict[str, Path] = {}  # resolved once per folder, not per file (1,400 resolve() calls cost 0.2 s)

    def inside(rel: str) -> Path:
        folder, _, name = rel.rpartition("/")
        if folder not in folders:
            folders[folder] = (docs / folder).resolve()
        if name in ("", ".", "..") or not (folders[folder] / name).is_relative_to(root):
            raise SiteError(f"refusing to write outside the build folder: {rel}", str(docs))
        return folders[folder] / name

    for rel in sorted(files):
        target = inside(rel)
        if rel in on_disk and not target.is_symlink():
            unchanged += 1
        elif _write_if_changed(target, files[rel]):
            written += 1
        else:
            unchanged += 1
    removed = 0
    if docs.is_dir():
        for path in sorted(docs.rglob("*"), reverse=True):
            if path.is_file() and path.relative_to(docs).as_posix() not in files:
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


def check_site_dir(site: Path, project_dir: Path, inputs: Sequence[Path] = ()) -> None:
    """Refuse a site folder that would destroy something that is not a previous briefgen output.

    ``inputs`` (content, templates, settings, build folder) may neither be, contain nor lie inside it.
    """
    resolved = site.resolve()
    project = project_dir.resolve()
    if resolved == project or project.is_relative_to(resolved):
        raise SiteError(
            "refusing to use the project folder (or a folder above it) as the site folder",
            str(site),
            "choose a dedicated --site-dir such as site/",
        )
    for folder in inputs:
        other = folder.resolve()
        if other == resolved or other.is_relative_to(resolved) or resolved.is_relative_to(other):
            raise SiteError(
                f"refusing a site folder that overlaps the input folder {folder}",
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


def site_is_intact(
    site: Path, state: Path, extra_files: Mapping[str, bytes], bundle: Mapping[str, str] | None = None
) -> bool:
    """Whether ``site`` holds exactly the files its last build wrote (MkDocs', ``extra_files`` and the
    search ``bundle``: {path: sha256})."""
    import hashlib

    from briefgen.cache import SITE_STAMP
    from briefgen.incremental import SiteState, site_matches

    expected = dict(SiteState.load(state).files)
    if not expected:
        return False
    expected.update({rel: hashlib.sha256(data).hexdigest() for rel, data in extra_files.items()})
    expected.update(bundle or {})
    return site_matches(site, expected, skip=frozenset({MARKER, SITE_STAMP}))


def source_date_epoch(dates: list[str]) -> int:
    """A reproducible build time: the newest publication date of the corpus, else a fixed date."""
    import datetime as dt

    best = DEFAULT_EPOCH
    for value in dates:
        with contextlib.suppress(ValueError):
            day = dt.date.fromisoformat(value[:10])
            best = max(best, int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()))
    return best


def run_mkdocs(
    build: Path,
    out: Path,
    strict: bool,
    *,
    previous: Path | None = None,
    state: Path | None = None,
    force: bool = False,
) -> list[str]:
    """Run MkDocs' build steps on build/mkdocs.yml into ``out``: a plain MkDocs build, page for page.

    With ``previous`` (the published site) and ``state`` (its record), pages whose inputs did not change
    are reused from ``previous`` instead of rendered again (``briefgen.incremental``); ``force`` renders all.
    """
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

    from briefgen.incremental import build_site

    with _mkdocs_logging() as collected:
        try:
            build_site(build / "mkdocs.yml", out, strict=strict, previous=previous, state_path=state, force=force)
        except ConfigurationError as exc:
            raise ConfigError(
                f"MkDocs rejected the settings: {exc}", "mkdocs.yml", "fix mkdocs.yml"
            ) from None
        except (Abort, MkDocsException) as exc:
            detail = "; ".join(collected.messages[-5:])
            where = str(build / "mkdocs.yml")
            if "configuration error" in str(exc).lower():
                raise ConfigError(
                    f"MkDocs rejected the settings: {detail}",
                    where,
                    "edit the project's mkdocs.yml (the file named here is generated from it)",
                ) from None
            raise SiteError(f"MkDocs build failed: {exc} {detail}".strip(), where) from None
    return collected.messages


@contextlib.contextmanager
def scoped_env(**values: str) -> Iterator[None]:
    """Set environment variables for the duration of a block, then restore the previous values."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


SWAP_MARKER = ".briefgen-swap"  # inside each temporary folder publish creates: the site it belongs to


def _siblings(site: Path, kind: str) -> list[Path]:
    if not site.parent.is_dir():
        return []
    return sorted(p for p in site.parent.glob(f".{site.name}.{kind}-*") if p.is_dir() and not p.is_symlink())


def _ours(folder: Path, site: Path) -> bool:
    """Whether ``folder`` is a temporary folder publish made for ``site`` (its marker names the site)."""
    try:
        return (folder / SWAP_MARKER).read_text("utf-8") == f"{site}\n"
    except (OSError, UnicodeDecodeError):
        return False


def _swap_folder(site: Path, kind: str) -> Path:
    """A new temporary folder beside the site, marked as briefgen's before anything goes into it."""
    folder = Path(tempfile.mkdtemp(prefix=f".{site.name}.{kind}-", dir=site.parent))
    try:
        (folder / SWAP_MARKER).write_text(f"{site}\n", encoding="utf-8")
    except BaseException:
        folder.rmdir()
        raise
    return folder


def _umask_mode(folder: Path) -> None:
    """Give a mkdtemp folder (0700) the permissions a normal mkdir would have, so hosts can serve it."""
    mask = os.umask(0)
    os.umask(mask)
    folder.chmod(0o777 & ~mask)


def recover_site(site: Path) -> bool:
    """Undo an interrupted swap and remove stale temporary folders; True when a previous site was restored.

    ``publish`` moves the old site into ``.<name>.old-*/<name>`` and then the new one into place; a build
    killed between the two renames leaves no site, so the old one is moved back. Only folders holding
    publish's marker for this site are touched (an empty one, left by a kill right after its creation, is
    removed with ``rmdir``); anything else with a similar name is the user's and is left alone.
    """
    site = site.resolve()
    restored = False
    for kind in ("old", "new"):
        for folder in _siblings(site, kind):
            if not _ours(folder, site):
                with contextlib.suppress(OSError):
                    folder.rmdir()  # only succeeds when empty
                continue
            kept = folder / site.name
            if kind == "old" and not site.exists() and (kept / MARKER).is_file():
                os.replace(kept, site)
                restored = True
            shutil.rmtree(folder, ignore_errors=True)
    return restored


def prepare_site_dir(site: Path, project_dir: Path, inputs: Sequence[Path] = ()) -> None:
    """Recover from an interrupted build, then refuse a site folder briefgen must not replace."""
    check_site_dir(site, project_dir, inputs)
    recover_site(site)
    check_site_dir(site, project_dir, inputs)


def publish(
    build: Path,
    site: Path,
    extra_files: Mapping[str, bytes],
    strict: bool,
    epoch: int | None = None,
    *,
    state: Path | None = None,
    force: bool = False,
    search: str = "material",
    stats: list[Any] | None = None,
) -> list[str]:
    """Build into a temporary folder beside ``site`` and swap it in; the old site survives any failure.

    ``epoch`` is the reproducible build time, used as SOURCE_DATE_EPOCH during the MkDocs build unless the
    environment already sets one. With ``search="pagefind"`` the built pages are indexed by Pagefind
    (``briefgen.search``) before the swap: only the buckets of pages that changed since the ``site`` it
    replaces; what that cost is appended to ``stats``.
    """
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    recover_site(site)
    swap = _swap_folder(site, "new")
    tmp = swap / site.name
    try:
        sde = os.environ.get("SOURCE_DATE_EPOCH") or str(DEFAULT_EPOCH if epoch is None else epoch)
        with scoped_env(SOURCE_DATE_EPOCH=sde):
            warnings = run_mkdocs(build, tmp, strict, previous=site, state=state, force=force)
        tmp.mkdir(exist_ok=True)
        _umask_mode(tmp)
        for rel, data in sorted(extra_files.items()):
            target = (tmp / rel).resolve()
            if not target.is_relative_to(tmp.resolve()):
                raise SiteError(f"refusing to write outside the site folder: {rel}", str(site))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        indexed = None
        if search == "pagefind":
            from briefgen.search import index_site, load_buckets, load_page_digests

            built, known = ({}, {}) if force else (load_buckets(build), load_page_digests(build))
            indexed = index_site(tmp, previous=site if site.is_dir() else None, built=built, known=known)
            if stats is not None:
                stats.append(indexed)
        (tmp / MARKER).write_text("This folder was built by briefgen and is replaced by each build.\n")
        old: Path | None = None
        if site.exists():
            old = _swap_folder(site, "old")
            os.replace(site, old / site.name)
        try:
            os.replace(tmp, site)
        except BaseException:  # also Ctrl-C between the two renames: put the previous site back
            if old is not None and not site.exists():
                os.replace(old / site.name, site)
                shutil.rmtree(old, ignore_errors=True)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        if indexed is not None:
            from briefgen.search import save_manifest

            save_manifest(build, indexed.buckets, indexed.other, indexed.page_digests)
        return warnings
    finally:
        shutil.rmtree(swap, ignore_errors=True)

