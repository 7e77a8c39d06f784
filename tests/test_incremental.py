"""Rebuilds: one changed article re-analyses one article and rewrites only the pages whose bytes changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefgen.build import build
from briefgen.config import load_settings

pytestmark = pytest.mark.slow


def _snapshot(docs: Path) -> dict[str, tuple[bytes, int]]:
    files = (p for p in docs.rglob("*") if p.is_file())
    return {p.relative_to(docs).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in files}


def test_rebuild_after_one_changed_article_rewrites_only_changed_pages(sample_project: Path) -> None:
    settings = load_settings(project_dir=sample_project, executor="serial")
    cold = build(settings)
    docs = sample_project / "build" / "docs"
    assert cold.written == len(_snapshot(docs)) + 1  # every page, the assets and mkdocs.yml
    build(settings)  # the "what's new" page changes once: from "first build" to "no changes"
    before = _snapshot(docs)

    # a rebuild with no change writes nothing and analyses nothing
    again = build(settings)
    assert (again.written, again.analysed, again.cached) == (0, 0, cold.articles)
    assert _snapshot(docs) == before

    article = sorted((sample_project / "content").glob("*.txt"))[1]
    lines = article.read_text("utf-8").split("\n")
    new = "“We expect a reply by Friday,” said Zelda Quorn, a spokesperson for the ministry."
    article.write_text("\n".join([*lines[:4], new, *lines[4:]]), encoding="utf-8")  # mid-article, not a tail
    warm = build(settings)
    after = _snapshot(docs)
    changed = {rel for rel in after if rel not in before or after[rel][0] != before[rel][0]}
    assert warm.analysed == 1
    assert changed, "the new paragraph must show up somewhere"
    assert len(changed) < len(before) // 2
    assert warm.written == len(changed)
    # pages with the same bytes were not touched at all (mtime unchanged), so `serve` does not loop
    untouched = [rel for rel in after if rel in before and rel not in changed]
    assert untouched and all(after[rel][1] == before[rel][1] for rel in untouched)


def test_rebuild_after_removing_an_article_deletes_its_source_page(sample_project: Path) -> None:
    settings = load_settings(project_dir=sample_project, executor="serial")
    build(settings)
    docs = sample_project / "build" / "docs"
    sources_before = set((docs / "sources").glob("*.md"))
    victim = sorted((sample_project / "content").glob("*.txt"))[0]
    shutil.move(victim, sample_project / victim.name)
    report = build(settings)
    assert report.analysed == 0
    assert len(set((docs / "sources").glob("*.md"))) == len(sources_before) - 1


def test_rebuild_with_nothing_changed_skips_mkdocs_and_keeps_the_site(sample_project: Path) -> None:
    settings = load_settings(project_dir=sample_project, executor="serial")
    build(settings)
    first = build(settings)  # the "what's new" page changes once: from "first build" to "no changes"
    index = sample_project / "site" / "index.html"
    mtime = index.stat().st_mtime_ns
    second = build(settings)
    assert first.site_rebuilt and not second.site_rebuilt
    assert index.stat().st_mtime_ns == mtime
    assert second.warnings == first.warnings  # MkDocs warnings of the kept site are reported again


def test_deleted_site_or_changed_mkdocs_settings_rebuild_the_site(sample_project: Path) -> None:
    settings = load_settings(project_dir=sample_project, executor="serial")
    build(settings)
    shutil.rmtree(sample_project / "site")
    assert build(settings).site_rebuilt
    yml = sample_project / "mkdocs.yml"
    yml.write_text(yml.read_text("utf-8") + "copyright: Changed\n", encoding="utf-8")
    report = build(settings)
    assert report.site_rebuilt
    assert "Changed" in (sample_project / "site" / "index.html").read_text("utf-8")
