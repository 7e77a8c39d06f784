"""The summary's per-article digests are kept between builds: a rebuild reads only the changed article again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import briefgen.summary as summary
from briefgen.build import generate
from briefgen.cache import summary_cache_path
from briefgen.config import load_settings

pytestmark = pytest.mark.slow


def test_rebuild_reads_only_the_changed_article_for_the_summary(
    sample_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(project_dir=sample_project, executor="serial")
    read: list[str] = []
    real = summary.leads

    def counting(source: summary.Source, article: summary.Article, *args: int) -> list[summary.Lead]:
        read.append(article.path)
        return real(source, article, *args)

    monkeypatch.setattr(summary, "leads", counting)
    summary._DIGESTS.clear()  # the process memo must not stand in for the build's cache
    generate(settings)
    path = summary_cache_path(settings)
    articles = sorted((sample_project / "content").glob("*.txt"))
    assert path.is_file() and len(summary.load_digests(path)) == len(articles)
    assert set(read) == {a.name for a in articles}

    read.clear()
    summary._DIGESTS.clear()
    generate(settings)
    assert read == []  # every digest came from the file

    changed = articles[2]
    text = changed.read_text("utf-8")
    changed.write_text(text.replace("\n\n", "\n\nOfficials met again on Tuesday in a closed session.\n\n", 1), "utf-8")
    summary._DIGESTS.clear()
    generate(settings)
    assert read and set(read) == {changed.name}
    warm = (sample_project / "build" / "docs" / "index.md").read_text("utf-8")

    # the summary from cached digests is the summary of a build without any cache
    shutil.rmtree(settings.path(settings.cache_dir))
    summary._DIGESTS.clear()
    generate(settings, force=True)
    assert (sample_project / "build" / "docs" / "index.md").read_text("utf-8") == warm


def test_digests_of_another_code_version_are_dropped(sample_project: Path) -> None:
    settings = load_settings(project_dir=sample_project, executor="serial")
    stale = summary_cache_path(settings).with_name("0" * 32 + ".pickle")
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    generate(settings)
    assert [p.name for p in stale.parent.iterdir()] == [summary_cache_path(settings).name]
