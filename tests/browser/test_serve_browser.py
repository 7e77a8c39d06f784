"""``briefgen serve`` in Chromium: an open page reloads by itself and shows a newly added quote."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefgen.serve import BriefingServer
from tests.browser.conftest import Watched
from tests.conftest import NEW_QUOTE, serving

pytestmark = pytest.mark.browser


@pytest.fixture
def live(project: Path) -> Iterator[tuple[BriefingServer, Path]]:
    with serving(project) as server:
        yield server, project


def test_open_page_live_reloads_after_an_article_edit(
    live: tuple[BriefingServer, Path], watched: Watched
) -> None:
    server, project = live
    page = watched.page
    for _ in range(100):
        try:
            page.goto(server.url + "actors/ingrid-solberg.html")
            break
        except Exception:  # the first build is still running
            page.wait_for_timeout(200)
    assert "We must act before the ice is gone" in page.inner_text("article")
    with (project / "content" / "oslo.txt").open("a", encoding="utf-8") as fh:
        fh.write(f'\n"{NEW_QUOTE}," said Ingrid Solberg.\n')
    # No navigation by the test: MkDocs' live-reload script reloads the page when the rebuild is done.
    page.wait_for_function(f"document.body.innerText.includes({NEW_QUOTE!r})", timeout=45_000)
    assert watched.page_errors == []
    assert watched.off_host() == []
