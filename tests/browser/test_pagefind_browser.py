"""Pagefind answers the header's search box over http (full text, index loaded in chunks); file:// keeps
Material's own search."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from briefgen.build import build
from briefgen.config import load_settings
from briefgen.search import available
from tests.browser.conftest import Watched, screenshot, search

pytestmark = pytest.mark.browser

# "Tessavolt" occurs once, in the narrative of one article: no quote, title, name or speaker holds it.
# "Orlanvik" is in the other article (and on the summary page, which quotes its first sentence).
FIRST = (
    "Ministers met in Vienna on Monday to discuss the grid.\n\n"
    '"We will build the lines together," said Petra Hollund, the energy minister.\n\n'
    "The Tessavolt substation outside the city was shut for the day <b>and</b> guarded.\n"
)
SECOND = (
    "Farmers protested in Brussels on Tuesday.\n\n"
    '"The rules are too strict," said Anton Varga, a farmers\' leader.\n\n'
    "Tractors from Orlanvik blocked the road to the parliament.\n"
)


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A two-article project built with the default search setting (Pagefind)."""
    if not available():
        pytest.fail("the pagefind[bin] wheel is a dependency of briefgen: pip install .")
    root = tmp_path_factory.mktemp("pagefind")
    (root / "content").mkdir()
    (root / "content" / "grid.txt").write_text(FIRST, encoding="utf-8")
    (root / "content" / "farmers.txt").write_text(SECOND, encoding="utf-8")
    build(load_settings(project_dir=root, executor="serial"))
    return root / "site"


def test_word_only_in_article_text_finds_its_source_page_over_http(
    pagefind_site: Path, serve_dir: Any, watched: Watched
) -> None:
    base = serve_dir(pagefind_site)
    page = watched.page
    page.goto(base + "index.html")
    search(page, "tessavolt")
    # an answer to the first letters typed may show first (a prefix of many words): wait for the whole word's
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent === '1 matching page'", timeout=15000
    )
    hrefs = page.eval_on_selector_all(".md-search-result__item a.md-search-result__link", "els => els.map(e => e.href)")
    paths = [urlsplit(h).path for h in hrefs]
    assert paths and all(p.startswith("/sources/") for p in paths), paths
    assert len(paths) == 1, paths  # the other article does not hold the word
    excerpt = page.inner_text(".md-search-result__item p")
    assert "Tessavolt" in excerpt and "<b>and</b>" in excerpt  # the article's text, its markup shown as text
    assert page.locator(".md-search-result__item mark").first.inner_text().lower() == "tessavolt"
    assert any("/pagefind/" in u for u in watched.requests)
    assert not any("search_index" in u for u in watched.requests)  # Material's lunr index is never loaded
    screenshot(page, "pagefind-result")
    page.keyboard.press("Enter")  # Enter opens the first result
    page.wait_for_url("**/sources/**")
    assert "Tessavolt" in page.inner_text("article")
    assert watched.console_errors == [] and watched.page_errors == []
    assert watched.off_host() == []


def test_a_site_without_its_bundle_says_so_and_throws_nothing(
    pagefind_site: Path, serve_dir: Any, watched: Watched, tmp_path: Path
) -> None:
    import shutil

    bare = tmp_path / "site"  # as a plain `mkdocs build -f build/mkdocs.yml` leaves it: no pagefind/ folder
    shutil.copytree(pagefind_site, bare, ignore=shutil.ignore_patterns("pagefind"))
    page = watched.page
    page.goto(serve_dir(bare) + "index.html")
    page.click("input.md-search__input")  # focus loads the engine, which is not there
    page.wait_for_timeout(1500)
    assert any(urlsplit(u).path == "/pagefind/bundles.json" for u in watched.requests)
    assert watched.page_errors == []
    page.keyboard.type("tessavolt", delay=20)
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.startsWith('No search index here')",
        timeout=15000,
    )
    assert watched.page_errors == []


def test_search_box_is_usable_by_keyboard_and_at_phone_width(
    pagefind_site: Path, serve_dir: Any, browser: Any
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(serve_dir(pagefind_site) + "sources/index.html")
        page.keyboard.press("/")  # Material's shortcut opens the search box
        assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
        page.keyboard.type("tessavolt", delay=20)
        # results for the first letters typed may show first: wait for the whole word's answer
        page.wait_for_function("document.querySelectorAll('.md-search-result__item').length === 1", timeout=15000)
        assert page.locator(".md-search-result__item").count() == 1
        page.keyboard.press("ArrowDown")
        focused = page.evaluate("document.activeElement.getAttribute('href')")
        assert focused is not None and "sources/" in focused
        box = page.locator(".md-search-result__item").first.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        screenshot(page, "pagefind-phone")
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__search').checked")
    finally:
        context.close()


def test_file_url_keeps_materials_search(pagefind_site: Path, watched: Watched) -> None:
    page = watched.page
    page.goto((pagefind_site / "index.html").as_uri())
    hrefs = search(page, "Hollund")  # a speaker's name: Material's index holds it
    assert any("sources/" in h or "actors/" in h for h in hrefs), hrefs
    assert not any("/pagefind/" in u for u in watched.requests)
    assert watched.page_errors == []
