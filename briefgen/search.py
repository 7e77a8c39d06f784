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
import shutil
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from briefgen.errors import SiteError

BUNDLE = "pagefind"  # the bundle's folder inside the site
THEME_DIR = "theme"  # in the build folder: briefgen's search partial plus the project's overrides
MANIFEST = ".briefgen-pagefind.json"  # in the build folder: {site path: sha256} of the last bundle written
SEARCH_PARTIAL = "partials/search.html"
MATERIAL_PARTIAL = "partials/material-search.html"  # Material's own search box, kept for file://
# What Pagefind reads of each page: the article column, without the permalink marks, the hidden search
# words written for Material's index and what briefgen marks as no search material (section headings,
# a source's file line). The nav, header, footer and table of contents are outside the root.
ROOT_SELECTOR = "article.md-content__inner"
EXCLUDE_SELECTORS = ("[hidden]", ".headerlink", "[data-search-exclude]", "[data-pagefind-ignore]")
# The pages worth finding. The What's new page, history and the 404 page repeat or date other pages.
GLOB = "{index,matrix,sources/*,actors/*,topics/*,countries/*}.html"
TIMEOUT_S = 1800
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


def _command(site: Path, out: Path) -> list[str]:
    args = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(out)]
    args += ["--root-selector", ROOT_SELECTOR, "--glob", GLOB, "--force-language", "en", "--quiet"]
    args += ["--keep-index-url"]  # links name index.html: the site also works on hosts without directory indexes
    for selector in EXCLUDE_SELECTORS:
        args += ["--exclude-selectors", selector]
    return args


def index_site(site: Path) -> IndexStats:
    """Index the built site's HTML into ``site/pagefind/`` (replacing an older bundle there)."""
    site = site.resolve()
    out = site / BUNDLE
    shutil.rmtree(out, ignore_errors=True)
    t0, before = time.perf_counter(), os.times()
    try:
        done = subprocess.run(
            _command(site, out), capture_output=True, text=True, timeout=TIMEOUT_S, check=False,
            env=_env(), cwd=site,  # no pagefind.yml of the user's working folder is read
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SiteError(f"Pagefind could not index the site: {exc}", str(site), "set 'search: material'") from None
    after = os.times()
    if done.returncode != 0 or not (out / "pagefind.js").is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise SiteError(
            f"Pagefind failed (exit {done.returncode}): {' '.join(detail)}", str(site), "set 'search: material'"
        )
    for pattern in UNUSED:
        for path in out.glob(pattern):
            path.unlink()
    files = [p for p in out.rglob("*") if p.is_file()]
    meta = next(out.glob("pagefind-entry.json"), None)
    pages = 0
    if meta is not None:
        entry: Any = json.loads(meta.read_text("utf-8"))
        for lang in (entry.get("languages") or {}).values():
            pages += int(lang.get("page_count", 0))
    return IndexStats(
        pages=pages,
        files=len(files),
        bytes=sum(p.stat().st_size for p in files),
        wall_s=time.perf_counter() - t0,
        cpu_s=(after.children_user + after.children_system) - (before.children_user + before.children_system),
    )


def _env() -> dict[str, str]:
    # settings come from the command line only, not from PAGEFIND_* variables of a user's shell
    return {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}


def bundle_hashes(site: Path) -> dict[str, str]:
    """{site path: sha256} of the Pagefind bundle in ``site``."""
    out = site / BUNDLE
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def save_manifest(build: Path, hashes: Mapping[str, str]) -> None:
    """Remember the bundle the published site holds (checked by the next build's site check)."""
    (build / MANIFEST).write_text(json.dumps(dict(sorted(hashes.items())), indent=0), "utf-8")


def load_manifest(build: Path) -> dict[str, str]:
    """The bundle files the last build published, or {} (no Pagefind, or never built)."""
    try:
        data = json.loads((build / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


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
