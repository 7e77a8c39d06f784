"""Hostile corpora in headless Chromium: no payload runs, text shows literally, search stays inert."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.render import build_context, make_env, render_pages
from briefgen.site import NAV, mkdocs_settings, publish, write_build_dir
from tests.browser.conftest import Watched, screenshot, search
from tests.hostile import HOSTILE_NAME, LITERALS, PAYLOADS, make_hostile_project
from tests.test_security import EVIL, hostile_briefing

pytestmark = pytest.mark.browser

XSS_UNSET = "() => typeof window.__xss === 'undefined'"


@pytest.fixture(scope="module")
def hostile_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The hostile corpus built through the CLI, and a hand-made briefing with EVIL in every field."""
    root = tmp_path_factory.mktemp("hostile-browser")
    project = make_hostile_project(root / "corpus")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(project)
        result = CliRunner().invoke(main, ["build", "-q"])
    assert result.exit_code == 0, result.output
    briefing, articles = hostile_briefing()
    pages = render_pages(build_context(briefing, EVIL, articles), make_env(None))
    write_build_dir(root / "fields" / "build", pages, mkdocs_settings(None, "Fields", NAV, None))
    publish(root / "fields" / "build", root / "fields" / "site", {}, strict=False)
    return {"corpus": project / "site", "fields": root / "fields" / "site"}


def _visit_all(site: Path, base: str, watched: Watched) -> int:
    page = watched.page
    count = 0
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        page.goto(base + rel, wait_until="networkidle")
        for element in page.locator("article em, article a, article strong, article code").all()[:40]:
            element.hover(timeout=2_000, force=True)
        assert page.evaluate(XSS_UNSET), f"a payload ran on {rel}"
        count += 1
    return count


@pytest.mark.parametrize("which", ["corpus", "fields"])
def test_no_payload_runs_on_any_page(which: str, hostile_sites: dict[str, Path], serve_dir: Any,
                                     watched: Watched) -> None:
    site = hostile_sites[which]
    visited = _visit_all(site, serve_dir(site), watched)
    assert visited >= 5
    assert watched.dialogs == []
    assert watched.page_errors == []
    assert watched.off_host() == []


def test_payloads_show_literally_on_the_source_page(hostile_sites: dict[str, Path], serve_dir: Any,
                                                    watched: Watched) -> None:
    site = hostile_sites["corpus"]
    page = watched.page
    name = next(p.name for p in (site / "sources").glob("hostile*.html"))
    page.goto(serve_dir(site) + f"sources/{name}")
    text = " ".join(page.inner_text("article").split())
    for payload in PAYLOADS + LITERALS:
        assert " ".join(payload.split()) in text, payload
    screenshot(page, "hostile-source")
    assert page.evaluate(XSS_UNSET)


def test_hostile_titles_show_literally_in_the_tab_and_heading(hostile_sites: dict[str, Path], serve_dir: Any,
                                                              watched: Watched) -> None:
    page = watched.page
    site = hostile_sites["fields"]
    page.goto(serve_dir(site) + "actors/evil-actor.html")
    assert page.title().startswith(" ".join(EVIL.split()))
    assert page.inner_text("article h1").strip().removesuffix("¶") == " ".join(EVIL.split())
    corpus = hostile_sites["corpus"]
    # An untitled source is titled by its first words; its file name shows literally on its own page.
    shown = []
    for source_page in sorted((corpus / "sources").glob("*.html")):
        page.goto(serve_dir(corpus) + f"sources/{source_page.name}")
        shown.append(HOSTILE_NAME in page.inner_text("article"))
    assert any(shown)
    assert page.evaluate(XSS_UNSET) and watched.dialogs == []


@pytest.mark.parametrize("query", ["onerror", "reject", "Kallas"])
def test_searching_for_payload_words_shows_results_and_runs_nothing(
    query: str, hostile_sites: dict[str, Path], serve_dir: Any, watched: Watched
) -> None:
    site = hostile_sites["corpus"]
    page = watched.page
    page.goto(serve_dir(site) + "index.html")
    hrefs = search(page, query)
    assert hrefs
    page.wait_for_timeout(300)
    for element in page.locator(".md-search-result__item").all()[:10]:
        element.hover(force=True)
    assert page.evaluate(XSS_UNSET)
    assert watched.dialogs == [] and watched.page_errors == []
