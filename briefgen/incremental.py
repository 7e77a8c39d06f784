"""An incremental driver of MkDocs' own build steps: re-render only the pages whose inputs changed.

It runs the steps of ``mkdocs.commands.build.build`` (MkDocs 1.6) in the same order with the same plugin
events, so its output is byte for byte what a plain ``mkdocs build -f build/mkdocs.yml`` writes. A page is
re-rendered unless all of these hold, in which case its HTML is hard-linked from the previous site:

* its Markdown, front matter, destination and the site-wide key (settings, theme, versions, nav, tags listings) are the
  ones recorded when it was last rendered;
* every link it resolved still resolves the same way (a linked page that appeared or vanished re-renders it);
* the previous site still holds its HTML with the recorded hash (a deleted or defaced page is repaired).

Reused pages keep their recorded search-index entries, anchors and warnings, so the search index, the
sitemap, anchor validation and the warnings list equal a cold build's. Everything else (static files,
404 page, sitemap, search index, tags export) is rebuilt every time. Only the plugins named in
``INCREMENTAL_PLUGINS`` are known to be safe; with any other plugin every page is rendered.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import jinja2

from briefgen import __version__

STATE_FORMAT = 2  # 2: the front matter is part of a page's key
INCREMENTAL_PLUGINS = frozenset({"search", "material/search", "tags", "material/tags", "offline", "material/offline"})
LISTING_MARK = "<!-- material/tags"
THEME_CACHE = ".briefgen-theme-cache"  # beside the state file: compiled theme templates
log = logging.getLogger("mkdocs.briefgen")


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "-"


def sha256_file(path: Path) -> str | None:
    """Hex SHA-256 of a file, or None when it cannot be read."""
    try:
        with path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def file_stat(path: Path) -> list[int]:
    """Inode, size and modification time (ns) of a file, or [] when it cannot be read."""
    try:
        st = path.stat()
    except OSError:
        return []
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def same_file(path: Path, sha: str, stat: list[int]) -> bool:
    """Whether ``path`` still holds the bytes of SHA-256 ``sha``: taken as so without reading it when its
    inode, size and mtime are the ``stat`` recorded with the hash (a reused page is a hard link to the
    file that was hashed; any rewrite or replacement of it changes its mtime or inode)."""
    if stat and file_stat(path) == stat:
        return True
    return sha256_file(path) == sha


def _tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    if root.is_dir():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(f"{path.relative_to(root).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _folder_key(folder: str) -> Any:
    """What decides the theme files a folder offers: a package's folder by its version (14,000 files of
    Material's icons are not walked on every build), any other folder by its listing."""
    from importlib.util import find_spec

    here = Path(folder).resolve()
    for module, name in (("material", "mkdocs-material"), ("mkdocs", "mkdocs")):
        spec = find_spec(module)
        if spec is not None and spec.origin and here.is_relative_to(Path(spec.origin).resolve().parent):
            return [folder, name, _version(name)]
    listing = []
    for top, dirs, names in os.walk(folder):
        dirs.sort()
        listing += sorted(os.path.relpath(os.path.join(top, n), folder) for n in names)
    return [folder, listing]


def add_theme_files(files: Any, env: jinja2.Environment, config: Any, cache: Path | None) -> None:
    """``Files.add_files_from_theme`` with the theme's list of static files kept in ``cache`` (a folder)
    between builds: the same files, in the same order, without walking and matching every theme file."""
    from mkdocs import utils
    from mkdocs.structure.files import File

    dirs = list(config.theme.dirs)
    key = hashlib.sha256(json.dumps([
        [_folder_key(d) for d in dirs], sorted(config.theme.static_templates), sorted(utils.markdown_extensions),
    ]).encode()).hexdigest()
    path = cache / "static-files.json" if cache is not None else None
    listed: list[list[str]] | None = None
    if path is not None:
        with contextlib.suppress(OSError, ValueError, TypeError, AttributeError, KeyError):
            data: Any = json.loads(path.read_text("utf-8"))
            if data.get("key") == key and all(isinstance(x, list) and len(x) == 2 for x in data["files"]):
                listed = data["files"]
    if listed is None:
        probe = type(files)([])
        probe.add_files_from_theme(env, config)  # MkDocs' own walk, into an empty collection
        listed = [[f.src_uri, f.src_dir] for f in probe]
        if path is not None:
            with contextlib.suppress(OSError):
                tmp = path.with_name(path.name + ".tmp")
                tmp.write_text(json.dumps({"key": key, "files": listed}), "utf-8")
                os.replace(tmp, path)
    for src, folder in listed:
        if files.get_file_from_path(src) is None:  # theme files do not override docs_dir files
            files.append(File(src, folder, config.site_dir, config.use_directory_urls))


@dataclass
class PageRecord:
    """What a rendered page left behind: enough to reuse its HTML without rendering it again."""

    key: str
    dest: str
    sha: str
    title: str | None
    entries: list[dict[str, Any]]
    anchors: list[str]
    links: dict[str, dict[str, str]]
    deps: list[tuple[str, bool]]
    read_warnings: list[tuple[int, str]]
    build_warnings: list[tuple[int, str]]
    stat: list[int] = field(default_factory=list)  # inode, size and mtime of the file ``sha`` was taken of

    def to_json(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "key": self.key, "dest": self.dest, "sha": self.sha, "title": self.title, "entries": self.entries,
            "anchors": self.anchors, "links": self.links, "deps": self.deps,
            "read_warnings": self.read_warnings, "build_warnings": self.build_warnings, "stat": self.stat,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PageRecord:
        """Inverse of ``to_json`` (KeyError/TypeError on a malformed record)."""
        return cls(
            key=str(data["key"]), dest=str(data["dest"]), sha=str(data["sha"]),
            title=data["title"] if isinstance(data["title"], str) else None,
            entries=list(data["entries"]), anchors=[str(a) for a in data["anchors"]],
            links={str(k): dict(v) for k, v in data["links"].items()},
            deps=[(str(u), bool(f)) for u, f in data["deps"]],
            read_warnings=[(int(lv), str(m)) for lv, m in data["read_warnings"]],
            build_warnings=[(int(lv), str(m)) for lv, m in data["build_warnings"]],
            stat=[int(x) for x in data.get("stat") or []],
        )


@dataclass
class SiteState:
    """The record of the last published site: its key, its pages and the hash of every file in it."""

    site_key: str = ""
    pages: dict[str, PageRecord] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    last: dict[str, Any] = field(default_factory=dict)  # what the build that wrote it did (BuildStats)

    @classmethod
    def load(cls, path: Path | None) -> SiteState:
        """The stored state, or an empty one when there is none or it is unreadable (a full render)."""
        if path is None:
            return cls()
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("format") != STATE_FORMAT:
                return cls()
            pages = {str(k): PageRecord.from_json(v) for k, v in data["pages"].items()}
            files = {str(k): str(v) for k, v in data["files"].items()}
            return cls(str(data["site_key"]), pages, files, dict(data.get("last") or {}))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls()

    def save(self, path: Path) -> None:
        """Write the state atomically (a missing or broken state only costs a full render)."""
        data = {
            "format": STATE_FORMAT,
            "site_key": self.site_key,
            "pages": {k: v.to_json() for k, v in sorted(self.pages.items())},
            "files": dict(sorted(self.files.items())),
            "last": self.last,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        for target, value in ((path, data), (last_path(path), self.last)):
            tmp = target.with_name(target.name + ".tmp")
            tmp.write_text(json.dumps(value, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, target)

    @staticmethod
    def load_last(path: Path) -> dict[str, Any]:
        """What the last build did (``last``), without parsing the whole state (7 MB at 1,000 articles)."""
        try:
            data = json.loads(last_path(path).read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}


def last_path(state: Path) -> Path:
    """The small file beside the state that repeats its ``last`` record."""
    return state.with_name(state.name + ".last")


def site_files(site: Path, skip: frozenset[str] = frozenset()) -> dict[str, str]:
    """{relative path: SHA-256} of every file below ``site`` (names in ``skip`` left out)."""
    found: dict[str, str] = {}
    if not site.is_dir():
        return found
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if rel in skip or not path.is_file() or path.is_symlink():
            continue
        digest = sha256_file(path)
        if digest is not None:
            found[rel] = digest
    return found


def site_matches(site: Path, expected: dict[str, str], skip: frozenset[str] = frozenset()) -> bool:
    """True when ``site`` holds exactly the files of ``expected`` with the same bytes."""
    return bool(expected) and site_files(site, skip) == expected


@dataclass
class BuildStats:
    """What one driver run did."""

    rendered: int = 0
    reused: int = 0
    reasons: dict[str, int] = field(default_factory=dict)


class _Capture(logging.Handler):
    """Holds back the MkDocs warnings logged while one page is read, rendered or built.

    While capturing, it is the ``mkdocs`` logger's only handler; the caller replays what it kept (now or
    on a later build that reuses the page), so the warnings of a page are reported exactly once.
    """

    def __init__(self, logger: logging.Logger) -> None:
        super().__init__(logging.WARNING)
        self.logger = logger
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.getMessage()))

    @contextlib.contextmanager
    def into(self, target: list[tuple[int, str]]) -> Iterator[None]:
        """Capture into ``target`` for the duration of the block."""
        saved, propagate = self.logger.handlers[:], self.logger.propagate
        self.records = target
        self.logger.handlers = [self]
        self.logger.propagate = False
        try:
            yield
        finally:
            self.logger.handlers = saved
            self.logger.propagate = propagate


def _replay(logger: logging.Logger, warnings: list[tuple[int, str]]) -> None:
    for level, message in warnings:
        logger.log(level, message)


def link_or_copy(src: Path, dst: Path) -> None:
    """A hard link to ``src`` at ``dst`` (its folder made), a copy where links are not possible."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _nav_key(nav: Any) -> list[Any]:
    """Titles and URLs of the nav, which every page renders (sidebar, previous/next links)."""

    def walk(items: Any) -> list[Any]:
        out: list[Any] = []
        for item in items:
            children = getattr(item, "children", None)
            out.append([type(item).__name__, item.title, getattr(item, "url", None), walk(children or [])])
        return out

    return walk(nav.items)


def _plugin_names(config: Any) -> list[str]:
    return list(config.plugins.keys())


def site_key(config: Any, config_file: Path) -> str:
    """The part of every page's key that is not the page itself: settings, theme, versions."""
    digest = hashlib.sha256()
    parts: list[Any] = [
        STATE_FORMAT, __version__, _version("mkdocs"), _version("mkdocs-material"), _version("pymdown-extensions"),
        _version("markdown"), config.site_url, config.use_directory_urls, sorted(_plugin_names(config)),
    ]
    custom = config.theme.custom_dir
    if custom or config.theme.name != "material":  # user templates may print the build date
        parts.append(os.environ.get("SOURCE_DATE_EPOCH"))
    digest.update(repr(parts).encode())
    digest.update(config_file.read_bytes())
    if custom:
        digest.update(_tree_digest(Path(custom)).encode())
    return digest.hexdigest()


def _search_index(config: Any) -> Any:
    """The Material search plugin's index object (its ``entries`` list), or None."""
    for name, plugin in config.plugins.items():
        index = getattr(plugin, "search_index", None) if name in ("search", "material/search") else None
        if isinstance(getattr(index, "entries", None), list):  # Material's; MkDocs' own keeps no such list
            return index
    return None


def build_site(
    config_file: Path,
    out: Path,
    *,
    strict: bool = False,
    previous: Path | None = None,
    state_path: Path | None = None,
    force: bool = False,
    serve_url: str | None = None,
    adjust: Callable[[Any], None] | None = None,
) -> BuildStats:
    """Build ``config_file`` into ``out`` (a new, empty folder), reusing pages of ``previous`` when safe.

    ``state_path`` holds the record of ``previous``; it is rewritten to describe ``out``. ``adjust`` may
    change the loaded config (``serve`` sets its site_url). Errors are MkDocs' own exceptions.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file), site_dir=str(out), strict=strict)
    if adjust is not None:
        adjust(config)
    config.plugins.on_startup(command="serve" if serve_url else "build", dirty=False)
    try:
        return _build(config, config_file, previous, state_path, force, serve_url)
    finally:
        config.plugins.on_shutdown()


def _build(
    config: Any, config_file: Path, previous: Path | None, state_path: Path | None, force: bool,
    serve_url: str | None,
) -> BuildStats:
    """``mkdocs.commands.build.build`` step by step, with page reuse."""
    from mkdocs import utils
    from mkdocs.commands.build import _build_extra_template, _build_page, _build_theme_template
    from mkdocs.exceptions import Abort, BuildError
    from mkdocs.structure.files import InclusionLevel, get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    logger = logging.getLogger("mkdocs")
    warning_counter = utils.CountHandler()
    warning_counter.setLevel(logging.WARNING)
    capture = _Capture(logger)
    if config.strict:
        logger.addHandler(warning_counter)
    inclusion = InclusionLevel.is_in_serve if serve_url else InclusionLevel.is_included
    old = SiteState() if force else SiteState.load(state_path)
    new = SiteState()
    stats = BuildStats()
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        utils.clean_directory(config.site_dir)
        files = get_files(config)
        env = config.theme.get_env()
        compiled: Path | None = None
        if state_path is not None:  # the theme's templates compiled once, not on every build (~0.5 s)
            with contextlib.suppress(OSError):
                compiled = state_path.parent / THEME_CACHE
                compiled.mkdir(exist_ok=True)
                env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(compiled))
        add_theme_files(files, env, config, compiled)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)

        doc_files = files.documentation_pages(inclusion=inclusion)
        read_warnings: dict[str, list[tuple[int, str]]] = {}
        sources: dict[str, bytes] = {}
        metas: dict[str, bytes] = {}
        for file in doc_files:  # read every page (cheap): plugins such as tags see them all
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)
            page = file.page
            assert page is not None
            warnings = read_warnings.setdefault(file.src_uri, [])
            config._current_page = page
            try:
                with capture.into(warnings):
                    page = config.plugins.on_pre_page(page, config=config, files=files)
                    page.read_source(config)
                    assert page.markdown is not None
                    page.markdown = config.plugins.on_page_markdown(
                        page.markdown, page=page, config=config, files=files
                    )
            except Exception as e:
                if not isinstance(e, BuildError):
                    log.error(f"Error reading page '{file.src_uri}': {e}")
                raise
            finally:
                config._current_page = None
            sources[file.src_uri] = page.markdown.encode("utf-8")
            # the front matter is not in ``page.markdown``: a title, ``search: exclude`` or tags change alone
            # changes the page
            metas[file.src_uri] = json.dumps(page.meta, sort_keys=True, default=repr).encode("utf-8")

        key = site_key(config, config_file)
        listings = sorted(f.src_uri for f in doc_files if LISTING_MARK in (f.page.markdown or ""))
        digest = hashlib.sha256(key.encode())
        digest.update(json.dumps([_nav_key(nav), listings], default=str).encode())
        new.site_key = digest.hexdigest()
        index = _search_index(config)
        safe = set(_plugin_names(config)) <= INCREMENTAL_PLUGINS and index is not None
        reuse_any = safe and previous is not None and old.site_key == new.site_key

        reused: dict[str, PageRecord] = {}
        found: dict[str, bool] = {}  # link lookups are many (a quote list links every quote's source)

        by_uri = {f.src_uri: f for f in files}  # the records' uris are src_uris already: no path parsing

        def exists(uri: str) -> bool:
            if uri not in found:
                found[uri] = (by_uri.get(uri) or files.get_file_from_path(uri)) is not None
            return found[uri]

        for file in doc_files:
            page = file.page
            assert page is not None
            parts = [
                new.site_key.encode(), file.src_uri.encode(), file.dest_uri.encode(), sources[file.src_uri],
                metas[file.src_uri],
            ]
            page_key = hashlib.sha256(b"\0".join(parts)).hexdigest()
            record = old.pages.get(file.src_uri) if reuse_any else None
            reason = _stale(record, page_key, file, exists, previous, listings)
            if record is not None and reason is None:
                assert previous is not None
                reused[file.src_uri] = record
                page._title_from_render = record.title
                page.present_anchor_ids = set(record.anchors)
                links: dict[Any, dict[str, str]] = {}
                for uri, anchors in record.links.items():
                    target = by_uri.get(uri) or files.get_file_from_path(uri)
                    if target is not None:
                        links[target] = anchors
                page.links_to_anchors = links
                _replay(logger, read_warnings[file.src_uri])
                _replay(logger, record.read_warnings)
                new.pages[file.src_uri] = record
                stats.reused += 1
                continue
            stats.reasons[reason or "new"] = stats.reasons.get(reason or "new", 0) + 1
            deps: dict[str, bool] = {}
            lookup = files.get_file_from_path

            def recording(path: str, _lookup: Any = lookup, _deps: dict[str, bool] = deps) -> Any:
                found = _lookup(path)
                _deps.setdefault(path, found is not None)
                return found

            render_warnings: list[tuple[int, str]] = []
            config._current_page = page
            files.get_file_from_path = recording
            try:
                with capture.into(render_warnings):
                    page.render(config, files)
                    assert page.content is not None
                    page.content = config.plugins.on_page_content(
                        page.content, page=page, config=config, files=files
                    )
            except Exception as e:
                if not isinstance(e, BuildError):
                    log.error(f"Error reading page '{file.src_uri}': {e}")
                raise
            finally:
                del files.get_file_from_path
                config._current_page = None
            _replay(logger, read_warnings[file.src_uri])
            _replay(logger, render_warnings)
            new.pages[file.src_uri] = PageRecord(
                key=page_key, dest=file.dest_uri, sha="", title=page._title_from_render, entries=[],
                anchors=sorted(page.present_anchor_ids or ()),
                links={f.src_uri: dict(a) for f, a in (page.links_to_anchors or {}).items()},
                deps=sorted(deps.items()), read_warnings=render_warnings, build_warnings=[],
            )
            stats.rendered += 1

        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files(dirty=False, inclusion=inclusion)
        for template in config.theme.static_templates:
            _build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            _build_extra_template(template, files, config, nav)

        out = Path(config.site_dir)
        for file in doc_files:
            page = file.page
            assert page is not None
            record = new.pages[file.src_uri]
            if file.src_uri in reused:
                assert previous is not None and index is not None
                link_or_copy(previous / record.dest, out / record.dest)
                record.stat = file_stat(out / record.dest)  # a copy (no hard links here) is a new inode
                index.entries.extend(record.entries)
                _replay(logger, record.build_warnings)
                continue
            before = len(index.entries) if index is not None else 0
            with capture.into(record.build_warnings):
                _build_page(page, config, doc_files, nav, env, False, excluded=file.inclusion.is_excluded())
            _replay(logger, record.build_warnings)
            if index is not None:
                record.entries = index.entries[before:]
            record.sha = sha256_file(out / file.dest_uri) or ""
            record.stat = file_stat(out / file.dest_uri)

        log_level = config.validation.links.anchors
        for file in doc_files:
            assert file.page is not None
            file.page.validate_anchor_links(files=files, log_level=log_level)
        config.plugins.on_post_build(config=config)
        if counts := warning_counter.get_counts():
            msg = ", ".join(f"{v} {k.lower()}s" for k, v in counts)
            raise Abort(f"Aborted with {msg} in strict mode!")
    except Exception as e:
        config.plugins.on_build_error(error=e)
        if isinstance(e, BuildError):
            log.error(str(e))
            raise Abort("Aborted with a BuildError!") from None
        raise
    finally:
        logger.removeHandler(warning_counter)
    if state_path is not None:  # pages' hashes are known (reused ones were checked by _stale): hash the rest
        pages = {record.dest: record.sha for record in new.pages.values() if record.sha} if safe else {}
        new.files = {**site_files(Path(config.site_dir), frozenset(pages)), **pages}
        new.last = {"rendered": stats.rendered, "reused": stats.reused, "reasons": stats.reasons}
        new.save(state_path)
    return stats


def _stale(
    record: PageRecord | None,
    page_key: str,
    file: Any,
    exists: Callable[[str], bool],
    previous: Path | None,
    listings: list[str],
) -> str | None:
    """Why a page must be rendered again (None: its previous HTML can be reused)."""
    if record is None or previous is None:
        return "new"
    if record.key != page_key:
        return "changed"
    if file.src_uri in listings:
        return "listing"
    for uri, found in record.deps:
        if exists(uri) != found:
            return "link"
    if not same_file(previous / record.dest, record.sha, record.stat):
        return "repair"
    return None
