"""The summary page's table of countries in headless Chromium: a card per country on a phone, a table on a desk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Watched, screenshot

pytestmark = pytest.mark.browser

_CARDS = (
    "[...document.querySelectorAll('article table tbody tr')].map(tr => {"
    " const head = [...tr.closest('table').querySelectorAll('thead th')].map(th => th.innerText.trim());"
    " return [...tr.children].slice(1).map((td, i) => [td, head[i + 1]])"
    "  .filter(([td]) => getComputedStyle(td).display !== 'none')"
    "  .map(([td, h]) => [getComputedStyle(td.querySelector('.bg-cell-topic'), '::before').content, h,"
    "   td.innerText.trim()]); })"
)


def test_the_summarys_country_table_is_cards_at_phone_width(
    sample_site: Path, serve_dir: Any, watched: Watched
) -> None:
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(serve_dir(sample_site) + "index.html")
    table = page.locator("article table").first
    assert table.count() == 1 and page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth")  # nothing scrolls sideways
    assert not page.locator("article table thead").first.is_visible()
    cells = [c for card in page.evaluate(_CARDS) for c in card]
    assert cells and all(label == f'"{head}"' for label, head, _ in cells), cells[:5]  # each after its topic
    assert all(not text.endswith("–") for _, _, text in cells)  # empty cells are left out
    screenshot(page, "summary-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    assert page.locator("article table thead").first.is_visible()  # a table again, the topics in its head
    assert not page.locator("article table .bg-cell-topic").first.is_visible()
