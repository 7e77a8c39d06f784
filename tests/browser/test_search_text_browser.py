"""Search reaches the article text: a word found only in an article's narrative returns its source page."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from briefgen.build import build
from briefgen.config import load_settings
from tests.browser.conftest import Watched, screenshot, search

pytestmark = pytest.mark.browser

# "Quorvendale" and "Brixtonhope" occur only in the narrative text (no quote, no title, no name of a speaker).
ARTICLE = (
    "Delegates gathered in Quorvendale on Tuesday under a grey sky.\n\n"
    '"We must act before the ice is gone," said Ingrid Solberg, the foreign minister.\n\n'
    "The talks were broadcast by the small Brixtonhope radio station.\n"
)


def test_word_only_in_the_article_text_finds_its_source_page(
    tmp_path: Path, serve_dir: Any, watched: Watched
) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "oslo-talks.txt").write_text(ARTICLE, encoding="utf-8")
    build(load_settings(project_dir=tmp_path, executor="serial"))
    site = tmp_path / "site"
    base = serve_dir(site)
    page = watched.page
    page.goto(base + "index.html")
    for word in ("Quorvendale", "brixtonhope"):
        page.fill("input.md-search__input", "")
        hrefs = search(page, word)
        paths = {urlsplit(h).path for h in hrefs}
        assert any(p.startswith("/sources/") for p in paths), (word, hrefs)
    screenshot(page, "search-article-word")
    page.locator(".md-search-result__item a[href*='sources/']").first.click()
    page.wait_for_url("**/sources/**")
    assert "Brixtonhope" in page.inner_text("article")
    assert watched.console_errors == [] and watched.page_errors == []
    assert watched.off_host() == []
