"""The Pagefind build step: what it indexes of a page, the theme partial, and the site check after it."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from briefgen import search
from briefgen.build import build
from briefgen.config import load_settings
from briefgen.search import BUNDLE, THEME_DIR, index_site, search_theme

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
    for path in sorted((site / BUNDLE).glob("*/fragment/*")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        out.append(json.loads(data[len(b"pagefind_dcd"):]))
    return out


@needs_pagefind
def test_index_holds_the_article_text_and_not_the_page_furniture(tmp_path: Path) -> None:
    site = _site(tmp_path)
    stats = index_site(site)
    (first,) = json.loads((site / BUNDLE / search.BUNDLES).read_text("utf-8"))  # one bucket: its own page's
    assert first == search.bucket_of("sources/a.html") and (site / BUNDLE / first / "pagefind.js").is_file()
    assert stats.pages == 1 and stats.files == len(search.bundle_hashes(site)) and stats.bytes > 0
    (page,) = _fragments(site)  # What's new, 404, history and pages below sources/*/ are not indexed
    assert page["url"] == "/sources/a.html"
    content = str(page["content"])
    assert "Tessavolt substation" in content and "Grid talks" in content
    for word in ("Navwordonly", "Hiddenwordonly", "Footerwordonly", "¶", "Text."):
        assert word not in content, word
    assert not list((site / BUNDLE).rglob("pagefind-*ui*")) and (site / BUNDLE / first / "pagefind-worker.js").is_file()


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
    assert "pagefind/bundles.json" in ours and "mergeIndex" in ours
    assert 'include "partials/material-search.html"' in ours
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
    assert bundle and search.load_manifest(tmp_path / "build") == bundle
    assert any("Tessavolt" in str(f["content"]) for f in _fragments(site))
    assert not build(settings).site_rebuilt  # nothing changed: the bundle counts as part of the site
    victim = next((site / BUNDLE).glob("*/fragment/*"))
    victim.unlink()
    report = build(settings)
    assert report.site_rebuilt and victim.is_file() and search.bundle_hashes(site) == bundle
    assert report.search_buckets == (1, len(search.load_buckets(tmp_path / "build")))  # only the damaged one
    (site / BUNDLE / search.BUNDLES).write_text('["x"]', encoding="utf-8")  # the list of bundles, defaced
    assert build(settings).site_rebuilt and search.bundle_hashes(site) == bundle
    plain = build(load_settings(project_dir=tmp_path, executor="serial", search="material"))
    assert plain.site_rebuilt and not (site / BUNDLE).exists() and not (tmp_path / "build" / THEME_DIR).exists()


def test_pages_go_to_stable_buckets_and_the_always_changed_pages_share_the_hub() -> None:
    for rel in ("index.html", "matrix.html", "topics/peace-talks.html", "countries/france.html",
                "sources/index.html", "actors/index.html"):
        assert search.bucket_of(rel) == search.HUB, rel
    names = {search.bucket_of(f"sources/article-{i}.html") for i in range(400)}
    width = len(str(search.SHARDS - 1))
    assert names == {f"s{i:0{width}d}" for i in range(search.SHARDS)}  # spread over every shard, never the hub
    assert search.bucket_of("actors/petra-hollund.html") == search.bucket_of("actors/petra-hollund.html")
    assert search.bucket_of("sources/a.html", 4) in {"s0", "s1", "s2", "s3"}


def test_indexed_form_drops_link_targets_and_ignored_paragraph_numbers_only() -> None:
    cite = (
        '<li>said so <a class="x" href="../sources/a.html#p{n}">Wire, 2 Jan, '
        "<span data-pagefind-ignore>¶{n}</span></a></li>"
    )
    three, four = (search.indexed_form(cite.format(n=n).encode()) for n in (3, 4))
    assert three == four and b'<a class="x">' in three  # a renumbered citation reads the same to Pagefind
    assert search.indexed_form(b"<p>said so</p>") != search.indexed_form(b"<p>said no</p>")
    ignored = b'<span data-pagefind-ignore class="y">text</span><span>kept 3</span>'
    assert search.indexed_form(ignored) == ignored  # only the bare span the template writes is read as ignored
    assert search.indexed_form(b'<link href="a.css"><img src="a.png">') == b'<link href="a.css"><img src="a.png">'


def _corpus(root: Path) -> None:
    (root / "content").mkdir()
    for i, (place, name) in enumerate([("Vienna", "Petra Hollund"), ("Brussels", "Anton Varga"),
                                       ("Lisbon", "Marta Quist"), ("Riga", "Ilze Berzina")]):
        (root / "content" / f"a{i}.txt").write_text(
            f"Ministers met in {place} on Monday.\n\n\"We agree on the plan,\" said {name}, the minister.\n\n"
            f"The talks in {place} ended late.\n\n\"We will sign the deal soon,\" said {name}.\n",
            encoding="utf-8",
        )


@needs_pagefind
def test_rebuild_reindexes_only_changed_buckets_and_equals_a_cold_index(tmp_path: Path) -> None:
    _corpus(tmp_path)
    settings = load_settings(project_dir=tmp_path, executor="serial")
    first = build(settings)
    assert first.search_buckets[0] == first.search_buckets[1] > 2  # cold: every bucket indexed
    article = tmp_path / "content" / "a1.txt"
    text = article.read_text("utf-8")  # a new first paragraph: the later ones, cited on other pages, renumber
    article.write_text("Farmers drove tractors into Zentrovia square.\n\n" + text, encoding="utf-8")
    report = build(settings)
    indexed, total = report.search_buckets
    assert report.site_rebuilt and 1 <= indexed < total
    site = tmp_path / "site"
    assert any("Zentrovia" in str(f["content"]) for f in _fragments(site))
    cold = tmp_path / "cold"
    shutil.copytree(site, cold)
    shutil.rmtree(cold / BUNDLE)
    index_site(cold)
    assert search.bundle_hashes(cold) == search.bundle_hashes(site)


@needs_pagefind
def test_a_new_pagefind_release_rebuilds_the_site_and_every_bucket(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _corpus(tmp_path)
    settings = load_settings(project_dir=tmp_path, executor="serial")
    build(settings)
    build(settings)
    assert not build(settings).site_rebuilt
    monkeypatch.setattr(search, "version", lambda: "pagefind=9.9.9 pagefind_bin=9.9.9")
    import briefgen.build as build_module

    monkeypatch.setattr(build_module, "search_version", search.version)
    report = build(settings)
    assert report.site_rebuilt and report.search_buckets[0] == report.search_buckets[1] > 0
    assert not build(settings).site_rebuilt


@needs_pagefind
def test_a_bucket_record_pointing_outside_its_folder_is_not_followed(tmp_path: Path) -> None:
    site = _site(tmp_path)
    stats = index_site(site)
    (name,) = stats.buckets
    outside = tmp_path / "secret.txt"
    outside.write_text("not the site's", encoding="utf-8")
    forged = {name: {**stats.buckets[name], "files": {"../secret.txt": search._page_digest(outside)}}}
    fresh = tmp_path / "fresh"
    shutil.copytree(site, fresh)
    shutil.rmtree(fresh / BUNDLE)
    again = index_site(fresh, previous=site, built=forged)
    assert again.indexed == 1 and again.reused == 0  # indexed afresh, the forged record ignored
    assert search.bundle_hashes(fresh) == search.bundle_hashes(site)


@needs_pagefind
def test_pagefind_runs_as_its_binary_and_falls_back_to_the_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib
    import sys

    command = search._command(tmp_path / "site", tmp_path / "out")
    assert command[0] != sys.executable and Path(command[0]).is_file()  # no interpreter started per bucket
    assert command[1:3] == ["--site", str(tmp_path / "site")]
    real = importlib.import_module

    def no_wheel(name: str, *args: object) -> object:
        if name.startswith("pagefind_bin"):
            raise ImportError(name)
        return real(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib, "import_module", no_wheel)
    assert search._command(tmp_path / "site", tmp_path / "out")[:3] == [sys.executable, "-m", "pagefind"]
