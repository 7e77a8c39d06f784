"""Full-text search with Pagefind: a chunked index of the built HTML, loaded fragment by fragment.

Material's search (lunr) builds its whole index in the browser on every page load, so briefgen keeps it to
a few words per article. With ``search: pagefind`` the site also gets a Pagefind bundle (``pagefind/``),
indexed after MkDocs from the pages' article text; over http the header's search box queries it and
Material's index is never loaded. Pagefind cannot run from file:// (it imports an ES module and fetches
its wasm and index chunks), so there the same box stays Material's own search.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from briefgen.errors import SiteError
from briefgen.incremental import file_stat, link_or_copy, same_file

BUNDLE = "pagefind"  # the bundle's folder inside the site
THEME_DIR = "theme"  # in the build folder: briefgen's search partial plus the project's overrides
MANIFEST = ".briefgen-pagefind.json"  # in the build folder: the buckets of the last bundle written, their files
SEARCH_PARTIAL = "partials/search.html"
MATERIAL_PARTIAL = "partials/material-search.html"  # Material's own search box, kept for file://
# What Pagefind reads of each page: the article column, without the permalink marks, the hidden search
# words written for Material's index and what briefgen marks as no search material (section headings,
# a source's file line). The nav, header, footer and table of contents are outside the root.
ROOT_SELECTOR = "article.md-content__inner"
EXCLUDE_SELECTORS = ("[hidden]", ".headerlink", "[data-search-exclude]", "[data-pagefind-ignore]")
# The pages worth finding. The What's new page, history and the 404 page repeat or date other pages.
GLOB = "{index,matrix,sources/*,actors/*,topics/*,countries/*}.html"
TOP_PAGES = ("index.html", "matrix.html")
PAGE_FOLDERS = ("sources", "actors", "topics", "countries")
# One Pagefind bundle per bucket: a rebuild re-indexes only the buckets whose pages changed, and the search
# box merges them (Pagefind's mergeIndex). The pages one article's edit always changes share the hub.
SHARDS = 16
HUB = "hub"
HUB_FOLDERS = ("topics/", "countries/")
BUNDLES = "bundles.json"  # in pagefind/: the buckets' folders, the hub first (the first one's pagefind.js is loaded)
MANIFEST_FORMAT = 2
_HREF = re.compile(rb'(<a\s[^>]*?)\s?href="[^"]*"')  # a link's target: not read by Pagefind
_IGNORED_SPAN = re.compile(rb"(<span data-pagefind-ignore>)[^<]*(</span>)")
# in a bucket other than the first: the script and wasm, which the search box loads from the first bundle only
SHARED = ("pagefind.js", "pagefind-worker.js", "wasm.*.pagefind")
TIMEOUT_S = 1800
PARALLEL = 2  # Pagefind runs at a time: a bucket is small, two keep both cores of a small machine busy
# Pagefind's ready-made UIs: the search box uses its JS API (pagefind.js) in Material's own box instead
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")


@dataclass(frozen=True, slots=True)
class IndexStats:
    """What one Pagefind run indexed and what it cost."""

    pages: int
    files: int
    bytes: int
    wall_s: float
    cpu_s: float
    indexed: int = 0  # buckets Pagefind indexed
    reused: int = 0  # buckets hard-linked from the previous site
    buckets: Mapping[str, Any] = field(default_factory=dict)  # {name: {"digest", "pages", "files"}}
    other: Mapping[str, str] = field(default_factory=dict)  # {site path: sha256} of pagefind/'s own files
    page_digests: Mapping[str, list[Any]] = field(default_factory=dict)  # bucket_digest's ``known``


def available() -> bool:
    """Whether the Pagefind binary (the ``pagefind_bin`` wheel) can be run."""
    import importlib.util

    return importlib.util.find_spec("pagefind_bin") is not None and importlib.util.find_spec("pagefind") is not None


def engine(setting: str) -> tuple[str, str | None]:
    """The search engine a build uses for the ``search`` setting, and a warning when it falls back."""
    if setting == "pagefind" and not available():
        return "material", (
            "search: Pagefind is not installed (pip install 'pagefind[bin]'), so the site keeps Material's "
            "search, which finds few words of the articles' text"
        )
    return setting, None


def _launcher() -> list[str]:
    """The Pagefind binary of the installed wheel, run directly: ``python -m pagefind`` (the fallback) starts
    an interpreter only to find and exec it, 0.08 s of CPU and 0.7 s of wall per bundle on a loaded machine."""
    import importlib

    for module in ("pagefind_bin_extended", "pagefind_bin"):  # the order ``python -m pagefind`` tries them
        try:
            found = Path(importlib.import_module(module).get_executable())
        except Exception:  # not installed, or no binary for this platform: try the next
            continue
        if found.is_file() and os.access(found, os.X_OK):
            return [str(found)]
    return [sys.executable, "-m", "pagefind"]


def _command(site: Path, out: Path) -> list[str]:
    return [*_launcher(), *_options(site, out)]


def _options(site: Path, out: Path) -> list[str]:
    """Pagefind's command-line options (what the bundles' digests record of the settings)."""
    args = ["--site", str(site), "--output-path", str(out)]
    args += ["--root-selector", ROOT_SELECTOR, "--glob", GLOB, "--force-language", "en", "--quiet"]
    args += ["--keep-index-url"]  # links name index.html: the site also works on hosts without directory indexes
    for selector in EXCLUDE_SELECTORS:
        args += ["--exclude-selectors", selector]
    return args


def version() -> str:
    """The Pagefind release that indexes (the wheel's version: it carries the binary), or '' without one."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as _dist_version

    found = []
    for dist in ("pagefind", "pagefind_bin", "pagefind_extended_bin"):
        try:
            found.append(f"{dist}={_dist_version(dist)}")
        except PackageNotFoundError:
            continue
    return " ".join(found)


def bucket_of(rel: str, shards: int | None = None) -> str:
    """The bundle a page's index goes to: the pages one article's edit always changes (summary, matrix,
    topics, countries, the lists of sources and actors) share ``hub``; every other page goes to one of
    ``shards`` by a hash of its path."""
    shards = SHARDS if shards is None else shards
    if "/" not in rel or rel.startswith(HUB_FOLDERS) or rel.endswith("/index.html") or shards < 1:
        return HUB  # the summary, matrix, topics, countries and the lists of sources and actors
    slot = int.from_bytes(hashlib.sha256(rel.encode("utf-8")).digest()[:4], "big") % shards
    return f"s{slot:0{len(str(shards - 1))}d}"


def indexed_pages(site: Path) -> list[str]:
    """The site paths of the pages Pagefind indexes (``GLOB``), sorted."""
    found = [name for name in TOP_PAGES if (site / name).is_file()]
    for folder in PAGE_FOLDERS:
        found += [f"{folder}/{p.name}" for p in (site / folder).glob("*.html") if p.is_file()]
    return sorted(found)


def _page_digest(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def indexed_form(html: bytes) -> bytes:
    """A page's HTML without what Pagefind does not read: link targets (``href``) and the text of a bare
    ``<span data-pagefind-ignore>`` (a citation's paragraph number). Two pages with the same form give the
    same index entry, so an edit that only renumbers the paragraphs cited elsewhere re-indexes nothing there."""
    return _IGNORED_SPAN.sub(rb"\1\2", _HREF.sub(rb"\1", html))


def bucket_digest(
    site: Path, pages: list[str], primary: bool = False, known: dict[str, list[Any]] | None = None
) -> str:
    """What a bucket's bundle is made from: the Pagefind release, the indexing settings, whether it carries
    the script (``primary``) and its pages as Pagefind reads them (``indexed_form``).

    ``known`` ({page: [inode, size, mtime_ns, digest]}, updated here) saves reading a page the last build
    read: a page the site driver reused is a hard link to the previous site's file, the same inode."""
    digest = hashlib.sha256()
    digest.update(repr((version(), _options(Path("."), Path(".")), primary)).encode("utf-8"))
    for rel in pages:
        st = (site / rel).stat()
        key = [st.st_ino, st.st_size, st.st_mtime_ns]
        seen = (known or {}).get(rel)
        if isinstance(seen, list) and len(seen) == 4 and seen[:3] == key:
            page = str(seen[3])
        else:
            page = hashlib.sha256(indexed_form((site / rel).read_bytes())).hexdigest()
        if known is not None:
            known[rel] = [*key, page]
        digest.update(f"{rel}\0{page}\0".encode())
    return digest.hexdigest()


def _run_pagefind(site: Path, out: Path) -> None:
    try:
        done = subprocess.run(
            _command(site, out), capture_output=True, text=True, timeout=TIMEOUT_S, check=False,
            env=_env(), cwd=site,  # no pagefind.yml of the user's working folder is read
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SiteError(f"Pagefind could not index the site: {exc}", str(site), "set 'search: material'") from None
    if done.returncode != 0 or not (out / "pagefind-entry.json").is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise SiteError(
            f"Pagefind failed (exit {done.returncode}): {' '.join(detail)}", str(site), "set 'search: material'"
        )


def _index_bucket(site: Path, pages: list[str], out: Path, primary: bool) -> None:
    """Index ``pages`` of ``site`` into ``out``: Pagefind reads a mirror of hard links to just those pages."""
    with tempfile.TemporaryDirectory(prefix=".pagefind-", dir=site.parent) as tmp:
        mirror = Path(tmp)
        for rel in pages:
            link_or_copy(site / rel, mirror / rel)
        _run_pagefind(mirror, out)
    for pattern in UNUSED if primary else UNUSED + SHARED:
        for path in out.glob(pattern):
            path.unlink()


def _index_buckets(site: Path, groups: Mapping[str, list[str]], primary: str) -> None:
    """Index the buckets, ``PARALLEL`` Pagefind processes at a time (each bucket into its own folder)."""
    from concurrent.futures import ThreadPoolExecutor

    if not groups:
        return
    with ThreadPoolExecutor(max_workers=min(PARALLEL, len(groups))) as pool:
        jobs = [
            pool.submit(_index_bucket, site, pages, site / BUNDLE / name, name == primary)
            for name, pages in groups.items()
        ]
        for job in jobs:
            job.result()  # the first failure is raised here


def _reuse(
    previous: Path | None, files: Mapping[str, str], site: Path, name: str, stats: Mapping[str, Any]
) -> bool:
    """Hard-link a bucket's bundle from the previous site when every file is there with its recorded hash
    (and inside the bucket's folder: the record is a file in the build folder, not trusted blindly). A file
    whose inode, size and mtime are the recorded ``stats`` is not read again (``incremental.same_file``)."""
    if previous is None or not files:
        return False
    for rel, want in files.items():
        parts = Path(rel).parts
        if parts[:2] != (BUNDLE, name) or len(parts) < 3 or ".." in parts or Path(rel).is_absolute():
            return False
        path = previous / rel
        stat = stats.get(rel)
        if path.is_symlink() or not same_file(path, want, stat if isinstance(stat, list) else []):
            return False
    for rel in files:
        link_or_copy(previous / rel, site / rel)
    return True


def index_site(
    site: Path,
    previous: Path | None = None,
    built: Mapping[str, Any] | None = None,
    known: Mapping[str, list[Any]] | None = None,
) -> IndexStats:
    """Index the built site's HTML into ``site/pagefind/``: one Pagefind bundle per bucket of pages
    (``bucket_of``), listed in ``pagefind/bundles.json`` for the search box, which merges them.

    A bucket whose pages and settings are those ``built`` records (the last build's ``load_buckets``) and
    whose bundle the ``previous`` site still holds intact is hard-linked from there, not indexed again.
    ``known`` are the last build's page digests (``load_page_digests``).
    """
    site = site.resolve()
    out = site / BUNDLE
    shutil.rmtree(out, ignore_errors=True)
    t0, before = time.perf_counter(), os.times()
    groups: dict[str, list[str]] = {}
    for rel in indexed_pages(site):
        groups.setdefault(bucket_of(rel), []).append(rel)
    names = sorted(groups, key=lambda name: (name != HUB, name))  # the first answers the search box
    listed = {rel for pages in groups.values() for rel in pages}
    seen = {rel: list(v) for rel, v in (known or {}).items() if rel in listed}
    buckets: dict[str, dict[str, Any]] = {}
    todo: list[str] = []
    for name in names:
        digest = bucket_digest(site, groups[name], primary=name == names[0], known=seen)
        old = (built or {}).get(name) or {}
        recorded: dict[str, str] = old["files"] if isinstance(old.get("files"), dict) else {}
        stats = old["stats"] if isinstance(old.get("stats"), dict) else {}
        if old.get("digest") != digest or not _reuse(previous, recorded, site, name, stats):
            todo.append(name)
            recorded = {}
        buckets[name] = {"digest": digest, "pages": len(groups[name]), "files": recorded}
    _index_buckets(site, {name: groups[name] for name in todo}, primary=names[0])
    for name, bucket in buckets.items():
        if name in todo:
            bucket["files"] = bundle_hashes(site, name)
        # the files move with the site (a folder rename): the same inodes next time
        bucket["stats"] = {rel: file_stat(site / rel) for rel in bucket["files"]}
    indexed, reused = len(todo), len(names) - len(todo)
    (out / BUNDLES).write_text(json.dumps(names) + "\n", "utf-8")
    after = os.times()
    files = [p for p in out.rglob("*") if p.is_file()]
    return IndexStats(
        pages=sum(len(groups[n]) for n in names),
        files=len(files),
        bytes=sum(p.stat().st_size for p in files),
        wall_s=time.perf_counter() - t0,
        cpu_s=(after.children_user + after.children_system) - (before.children_user + before.children_system),
        indexed=indexed,
        reused=reused,
        buckets=buckets,
        other={f"{BUNDLE}/{BUNDLES}": _page_digest(out / BUNDLES)},
        page_digests=seen,
    )


def _env() -> dict[str, str]:
    # settings come from the command line only, not from PAGEFIND_* variables of a user's shell
    return {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}


def bundle_hashes(site: Path, bucket: str = "") -> dict[str, str]:
    """{site path: sha256} of the Pagefind bundle in ``site`` (or of one bucket's)."""
    out = site / BUNDLE / bucket if bucket else site / BUNDLE
    return {p.relative_to(site).as_posix(): _page_digest(p) for p in sorted(out.rglob("*")) if p.is_file()}


def save_manifest(
    build: Path,
    buckets: Mapping[str, Any],
    listing: Mapping[str, str] | None = None,
    pages: Mapping[str, list[Any]] | None = None,
) -> None:
    """Remember the bundles the published site holds: each bucket's digest and files (checked by the next
    build's site check, reused by its indexing), the other files of ``pagefind/`` and the page digests."""
    data = {
        "format": MANIFEST_FORMAT, "buckets": dict(sorted(buckets.items())), "other": dict(listing or {}),
        "pages": dict(pages or {}),
    }
    (build / MANIFEST).write_text(json.dumps(data, indent=0, sort_keys=True), "utf-8")


def _load(build: Path) -> dict[str, Any]:
    try:
        data = json.loads((build / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("format") == MANIFEST_FORMAT else {}


def load_buckets(build: Path) -> dict[str, Any]:
    """The buckets the last build published: {name: {"digest", "pages", "files"}}, or {}."""
    buckets = _load(build).get("buckets")
    return buckets if isinstance(buckets, dict) else {}


def load_page_digests(build: Path) -> dict[str, list[Any]]:
    """The page digests the last build's indexing computed (``bucket_digest``'s ``known``), or {}."""
    pages = _load(build).get("pages")
    return {str(k): v for k, v in pages.items() if isinstance(v, list)} if isinstance(pages, dict) else {}


def load_manifest(build: Path) -> dict[str, str]:
    """{site path: sha256} of every bundle file the last build published, or {} (no Pagefind, never built)."""
    data = _load(build)
    files: dict[str, str] = {}
    for bucket in (data.get("buckets") or {}).values():
        if isinstance(bucket, dict) and isinstance(bucket.get("files"), dict):
            files.update({str(k): str(v) for k, v in bucket["files"].items()})
    other = data.get("other")
    if isinstance(other, dict):
        files.update({str(k): str(v) for k, v in other.items()})
    return files


def theme_files() -> dict[str, bytes]:
    """The theme partials the Pagefind search box needs: its own search partial and Material's original."""
    original = resources.files("material").joinpath("templates", SEARCH_PARTIAL)
    ours = resources.files("briefgen.assets").joinpath("pagefind-search.html").read_bytes()
    return {SEARCH_PARTIAL: ours, MATERIAL_PARTIAL: original.read_bytes()}


def write_theme_dir(build: Path, user_dir: Path | None) -> Path:
    """Write build/theme/: the project's theme overrides with briefgen's search partial (the project's wins)."""
    target = build / THEME_DIR
    files: dict[str, bytes] = {}
    if user_dir is not None and user_dir.is_dir():
        for path in sorted(user_dir.rglob("*")):
            if path.is_file():
                files[path.relative_to(user_dir).as_posix()] = path.read_bytes()
    for rel, data in theme_files().items():
        files.setdefault(rel, data)
    for rel, data in files.items():
        path = target / rel
        try:
            if path.read_bytes() == data:
                continue
        except OSError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if target.is_dir():
        for path in sorted(target.rglob("*"), reverse=True):
            if path.is_file() and path.relative_to(target).as_posix() not in files:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return target


def search_theme(mkdocs_cfg: dict[str, Any], build: Path, pagefind: bool) -> dict[str, Any]:
    """The generated mkdocs.yml, with theme.custom_dir at build/theme/ (the project's overrides copied in)
    when Pagefind answers the search box; without Pagefind, build/theme/ is removed."""
    if not pagefind:
        shutil.rmtree(build / THEME_DIR, ignore_errors=True)
        return mkdocs_cfg
    theme = dict(mkdocs_cfg.get("theme") or {})
    given = theme.get("custom_dir")
    user_dir = (build / given).resolve() if isinstance(given, str) and given else None
    write_theme_dir(build, user_dir)
    theme["custom_dir"] = THEME_DIR
    return {**mkdocs_cfg, "theme": theme}
