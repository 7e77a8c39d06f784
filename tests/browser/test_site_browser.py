"""The built sample site in headless Chromium: search, clean pages, quote anchors, file:// use."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import Watched, screenshot, search

pytestmark = pytest.mark.browser


def _paths(hrefs: list[str]) -> set[str]:
    return {urlsplit(h).path for h in hrefs}


def _quoted_actor(site: Path) -> tuple[str, str, str]:
    """(actor id, surname, a distinctive word of one of their quotes) from briefing.json."""
    data = json.loads((site / "briefing.json").read_text("utf-8"))
    counts: dict[str, int] = {}
    for q in data["quotes"]:
        if q["speaker"] and q["kind"] != "indirect":
            counts[q["speaker"]] = counts.get(q["speaker"], 0) + 1
    actor_id = max(sorted(counts), key=lambda a: counts[a])
    actor = next(a for a in data["actors"] if a["id"] == actor_id)
    texts = [q["text"] for q in data["quotes"] if q["speaker"] == actor_id]
    words = [w for text in texts for w in re.findall(r"[A-Za-z]{8,}", text)]
    return actor_id, actor["name"].split()[-1], sorted(words, key=lambda w: (-len(w), w))[0].lower()


def test_search_for_surname_and_quote_word_finds_the_actor_page_and_opens_it(
    sample_site: Path, serve_dir: Any, watched: Watched
) -> None:
    actor_id, surname, word = _quoted_actor(sample_site)
    base = serve_dir(sample_site)
    page = watched.page
    page.goto(base + "index.html")
    target = f"/actors/{actor_id}.html"
    hrefs = search(page, surname)
    assert target in _paths(hrefs), hrefs
    page.fill("input.md-search__input", "")
    hrefs = search(page, f"{surname} {word}")
    assert target in _paths(hrefs), hrefs
    page.fill("input.md-search__input", "")
    search(page, surname)
    link = page.locator(f'.md-search-result__item a[href*="actors/{actor_id}.html"]').first
    link.click()
    page.wait_for_url(re.compile(rf"actors/{re.escape(actor_id)}\.html"))
    assert surname in page.inner_text("article h1")
    screenshot(page, "search-result-actor")
    assert watched.console_errors == [] and watched.page_errors == []
    assert watched.off_host() == []


def _main_pages(site: Path) -> list[str]:
    pages = ["index.html", "countries/index.html", "actors/index.html", "sources/index.html"]
    for folder in ("countries", "actors", "sources"):
        first = sorted(p.name for p in (site / folder).glob("*.html") if p.name != "index.html")
        if first:
            pages.append(f"{folder}/{first[0]}")
    if (site / "matrix.html").is_file():
        pages.append("matrix.html")
    return pages


MAIN_PAGES = ["index.html", "countries/index.html", "actors/index.html", "sources/index.html",
              "countries/*", "actors/*", "sources/*", "matrix.html"]


def _resolve(site: Path, pattern: str) -> str | None:
    if not pattern.endswith("*"):
        return pattern if (site / pattern).is_file() else None
    folder = pattern[:-2]
    pages = sorted(p.name for p in (site / folder).glob("*.html") if p.name != "index.html")
    return f"{folder}/{pages[0]}" if pages else None


@pytest.mark.parametrize("pattern", MAIN_PAGES)
def test_main_page_loads_without_console_errors_or_off_host_requests(
    pattern: str, sample_site: Path, serve_dir: Any, watched: Watched
) -> None:
    name = _resolve(sample_site, pattern)
    if name is None:
        pytest.skip(f"the sample build has no {pattern} page (extraction found none on this branch)")
    base = serve_dir(sample_site)
    page = watched.page
    response = page.goto(base + name, wait_until="networkidle")
    assert response is not None and response.ok
    assert page.inner_text("article h1").strip()
    screenshot(page, name.replace("/", "_").removesuffix(".html"))
    assert watched.console_errors == [], watched.console_errors
    assert watched.page_errors == [], watched.page_errors
    assert watched.off_host() == [], watched.off_host()
    assert any(u.startswith(base) for u in watched.requests)


def test_every_quote_link_lands_on_an_existing_paragraph_anchor(
    sample_site: Path, serve_dir: Any, watched: Watched
) -> None:
    base = serve_dir(sample_site)
    page = watched.page
    targets: set[str] = set()
    for name in _main_pages(sample_site):
        page.goto(base + name)
        hrefs = page.eval_on_selector_all(
            "article a[href*='sources/'][href*='#p']", "els => els.map(e => e.href)"
        )
        targets.update(hrefs)
    assert targets, "no quote links found on the main pages"
    by_page: dict[str, set[str]] = {}
    for href in targets:
        url, _, fragment = href.partition("#")
        by_page.setdefault(url, set()).add(fragment)
    missing = []
    for url, fragments in sorted(by_page.items()):
        page.goto(url)
        for fragment in sorted(fragments):
            if not page.evaluate("id => !!document.getElementById(id)", fragment):
                missing.append(f"{urlsplit(url).path}#{fragment}")
    assert missing == []
    # Following one link scrolls its paragraph into view and marks it as the target.
    first = sorted(targets)[0]
    source_path = urlsplit(first).path.rsplit("/", 1)[-1]
    page.goto(base + "index.html")
    page.locator(f"article a[href*='{source_path}#']").first.click()
    page.wait_for_url(re.compile(r"#p\d+$"))
    fragment = page.url.rsplit("#", 1)[1]
    in_view = page.evaluate(
        "id => { const el = document.getElementById(id); const r = el.getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight && el.matches(':target'); }",
        fragment,
    )
    assert in_view
    assert watched.console_errors == []


def test_search_works_over_file_url_with_no_network(sample_site: Path, watched: Watched) -> None:
    actor_id, surname, _ = _quoted_actor(sample_site)
    page = watched.page
    page.goto((sample_site / "index.html").as_uri())
    hrefs = search(page, surname)
    assert any(p.endswith(f"/actors/{actor_id}.html") for p in _paths(hrefs)), hrefs
    assert all(h.startswith("file://") for h in hrefs)
    screenshot(page, "file-url-search")
    assert [u for u in watched.requests if not u.startswith(("file:", "data:", "blob:"))] == []
    assert watched.page_errors == []


def test_summary_and_matrix_fit_a_phone_and_wide_tables_keep_their_first_column_while_scrolling(
    sample_site: Path, serve_dir: Any, watched: Watched
) -> None:
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})
    base = serve_dir(sample_site)
    page.goto(base + "index.html")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert "What happened" in page.inner_text("article")
    # the stance matrix: one card per country, each filled cell under its topic's name, nothing to scroll
    page.goto(base + "matrix.html")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    table = page.locator("article table").first
    assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth")
    assert not page.locator("article table thead").first.is_visible()
    cards = page.evaluate(
        "[...document.querySelectorAll('article table tbody tr')].map(tr => {"
        " const head = [...tr.closest('table').querySelectorAll('thead th')].map(th => th.innerText.trim());"
        " const cells = [...tr.children].map((td, i) => [td, head[i]]).slice(1)"
        "  .filter(([td]) => getComputedStyle(td).display !== 'none');"
        " return {x: tr.children[0].getBoundingClientRect().x, cells: cells.map(([td, h]) =>"
        "  [td.querySelector('.bg-cell-topic')?.innerText.trim(), h, td.innerText.trim()])}; })"
    )
    filled = [c for card in cards for c in card["cells"]]
    assert filled and all(label == head for label, head, _ in filled), filled[:5]  # each under its column's topic
    assert all(0 <= card["x"] < 40 for card in cards)  # the country heads its card at the left edge
    assert all(not text.endswith("–") for _, _, text in filled)  # empty cells are left out
    labels = page.locator("article table .bg-cell-topic")
    assert labels.count() == len(filled) and labels.first.get_attribute("data-pagefind-ignore") is not None
    # the table head is hidden at this width: a screen reader hears each cell's topic from its own label
    spoken = _cell_names(page)
    assert all(any(name.startswith(f"{label}: ") for name in spoken) for label, _, _ in filled), spoken[:5]
    screenshot(page, "matrix-phone")
    # a wide table elsewhere (the list of sources) scrolls sideways under its first column
    page.goto(base + "sources/index.html")
    wrap = page.locator(".md-typeset__scrollwrap").first
    first_cell = page.locator(".md-typeset__scrollwrap table tbody tr td").first
    second_cell = page.locator(".md-typeset__scrollwrap table tbody tr td:nth-child(2)").first
    before = second_cell.bounding_box()
    wrap.evaluate("el => { el.scrollLeft = 300; }")
    first, moved = first_cell.bounding_box(), second_cell.bounding_box()
    assert wrap.evaluate("el => el.scrollLeft") > 0  # the table is wider than the phone and scrolls
    assert before is not None and first is not None and moved is not None
    assert moved["x"] < before["x"] - 100  # the cells scrolled away ...
    assert 0 <= first["x"] < 30  # ... while the first column stays at the left edge
    page.set_viewport_size({"width": 1200, "height": 844})
    page.goto(base + "matrix.html")  # on a wide screen the matrix stays a table, the topic names in its head
    assert page.locator("article table thead").first.is_visible()
    assert not page.locator("article table .bg-cell-topic").first.is_visible()
    spoken = _cell_names(page)  # ... where the column head names the topic, not a label read out in every cell
    assert spoken and not any(name.startswith(f"{label}: ") for name in spoken for label, _, _ in filled)


def _cell_names(page: Any) -> list[str]:
    """The accessible names of the table cells in Chromium's own accessibility tree (what a screen reader reads)."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    return [
        str(n.get("name", {}).get("value", "")) for n in nodes
        if not n.get("ignored") and n.get("role", {}).get("value") == "cell"
    ]
