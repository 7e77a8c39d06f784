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
    before = _snapshot(docs)
    assert cold.written == len(before) + 1  # every page, the assets and mkdocs.yml

    # a rebuild with no change writes nothing and analyses nothing
    again = build(settings)
    assert (again.written, again.analysed, again.cached) == (0, 0, cold.articles)
    assert _snapshot(docs) == before

    article = sorted((sample_project / "content").glob("*.txt"))[1]
    article.write_text(
        article.read_text("utf-8") + '\nZelda Quorn, a spokesperson, said "We expect a reply by Friday."\n',
        encoding="utf-8",
    )
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
