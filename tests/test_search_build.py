"""The Pagefind build step: what it indexes of a page, the theme partial, and the site check after it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from briefgen import search
from briefgen.build import build
from briefgen.config import load_settings
from briefgen.search import BUNDLE, MANIFEST, THEME_DIR, index_site, search_theme

needs_pagefind = pytest.mark.skipif(not search.available(), reason="pagefind[bin] is not installed")

PAGE = """<!doctype html><html lang="en"><head><title>{title}</title></head><body>
<nav class="md-nav">Navwordonly</nav>
<article class="md-content__inner md-typeset">
<h1 id="t">{title}<a class="headerlink" href="#t">&para;</a></h1>
<p hidden>Hiddenwordonly</p>
<h2 data-search-exclude id="text">Text</h2>
<p id="p1">{body}</p>
</article>
<footer>Footerwordonly</footer></body></html>
"""


def _site(root: Path) -> Path:
    site = root / "site"
    (site / "sources").mkdir(parents=True)
    (site / "sources" / "a.html").write_text(
        PAGE.format(title="Grid talks", body="The Tessavolt substation was shut."), encoding="utf-8"
    )
    for rel in ("whats-new.html", "404.html", "history/2025-01-01.html", "sources/notes/a.html"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(PAGE.format(title="Elsewhere", body="Tessavolt appears here too."), encoding="utf-8")
    return site


def _fragments(site: Path) -> list[dict[str, object]]:
    out = []
    for path in sorted((site / BUNDLE / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        out.append(json.loads(data[len(b"pagefind_dcd"):]))
    return out


@needs_pagefind
def test_index_holds_the_article_text_and_not_the_page_furniture(tmp_path: Path) -> None:
    site = _site(tmp_path)
    stats = index_site(site)
    assert (site / BUNDLE / "pagefind.js").is_file()
    assert stats.pages == 1 and stats.files == len(search.bundle_hashes(site)) and stats.bytes > 0
    (page,) = _fragments(site)  # What's new, 404, history and pages below sources/*/ are not indexed
    assert page["url"] == "/sources/a.html"
    content = str(page["content"])
    assert "Tessavolt substation" in content and "Grid talks" in content
    for word in ("Navwordonly", "Hiddenwordonly", "Footerwordonly", "¶", "Text."):
        assert word not in content, word
    assert not list((site / BUNDLE).glob("pagefind-*ui*")) and (site / BUNDLE / "pagefind-worker.js").is_file()


@needs_pagefind
def test_reindexing_the_same_pages_gives_the_same_bundle(tmp_path: Path) -> None:
    site = _site(tmp_path)
    index_site(site)
    first = search.bundle_hashes(site)
    index_site(site)
    assert search.bundle_hashes(site) == first


def test_theme_partial_is_added_and_the_projects_own_partials_win(tmp_path: Path) -> None:
    build_dir, overrides = tmp_path / "build", tmp_path / "overrides"
    (overrides / "partials").mkdir(parents=True)
    (overrides / "partials" / "footer.html").write_text("<footer>mine</footer>", encoding="utf-8")
    cfg = {"theme": {"name": "material", "custom_dir": "../overrides"}}
    build_dir.mkdir()
    out = search_theme(cfg, build_dir, pagefind=True)
    theme = build_dir / THEME_DIR
    assert out["theme"]["custom_dir"] == THEME_DIR and cfg["theme"]["custom_dir"] == "../overrides"
    assert (theme / "partials" / "footer.html").read_text(encoding="utf-8") == "<footer>mine</footer>"
    ours = (theme / "partials" / "search.html").read_text(encoding="utf-8")
    assert "pagefind/pagefind.js" in ours and 'include "partials/material-search.html"' in ours
    assert 'data-md-component="search"' in (theme / "partials" / "material-search.html").read_text(encoding="utf-8")
    (overrides / "partials" / "search.html").write_text("<div>own search</div>", encoding="utf-8")
    search_theme(cfg, build_dir, pagefind=True)
    assert (theme / "partials" / "search.html").read_text(encoding="utf-8") == "<div>own search</div>"
    assert search_theme(cfg, build_dir, pagefind=False) == cfg and not theme.exists()


def test_without_the_binary_the_build_keeps_materials_search_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "available", lambda: False)
    used, warning = search.engine("pagefind")
    assert used == "material" and warning is not None and "pagefind" in warning
    assert search.engine("material") == ("material", None)


@needs_pagefind
def test_build_publishes_the_bundle_and_repairs_a_deleted_chunk(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "grid.txt").write_text(
        'Ministers met in Vienna.\n\n"We agree," said Petra Hollund.\n\nThe Tessavolt substation was shut.\n',
        encoding="utf-8",
    )
    settings = load_settings(project_dir=tmp_path, executor="serial")
    assert settings.search == "pagefind"
    build(settings)
    build(settings)  # the second build adds the first to history (What's new); the third has nothing to do
    site = tmp_path / "site"
    bundle = search.bundle_hashes(site)
    assert bundle and json.loads((tmp_path / "build" / MANIFEST).read_text("utf-8")) == bundle
    assert any("Tessavolt" in str(f["content"]) for f in _fragments(site))
    assert not build(settings).site_rebuilt  # nothing changed: the bundle counts as part of the site
    victim = next((site / BUNDLE / "fragment").iterdir())
    victim.unlink()
    assert build(settings).site_rebuilt and victim.is_file()
    plain = build(load_settings(project_dir=tmp_path, executor="serial", search="material"))
    assert plain.site_rebuilt and not (site / BUNDLE).exists() and not (tmp_path / "build" / THEME_DIR).exists()
