"""Caches a rebuild keeps of whole-corpus work: the summary's per-article digests and briefing.json's records."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import briefgen.summary as summary
from briefgen.build import generate
from briefgen.cache import summary_cache_path
from briefgen.config import load_settings
from briefgen.export import encode_briefing, load_fragments, save_fragments
from briefgen.history import comparable, compare, read_previous, save_comparable
from briefgen.records import Article, Source

pytestmark = pytest.mark.slow


def test_rebuild_reads_only_the_changed_article_for_the_summary(
    sample_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(project_dir=sample_project, executor="serial")
    read: list[str] = []
    real = summary.leads

    def counting(source: Source, article: Article, *args: int) -> list[summary.Lead]:
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


def test_encode_briefing_equals_json_dumps_with_and_without_kept_fragments() -> None:
    data = {
        "generator": {"name": "g", "version": "1"},
        "sources": [{"id": "s1", "title": "Zürich \u2028 “q”\n", "warnings": [], "rules": {}},
                    {"id": "s2", "words": 3, "share": 0.5, "url": None, "roles": ["a", "b"], "rules": {"k": "v"}}],
        "actors": [],
        "numbers": [1, 2],
    }
    cold, used = encode_briefing(data, {})
    assert cold == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert len(used) == 2
    # a kept fragment is used as it is: a wrong one shows up in the output (so the cache is really read)
    key = next(iter(used))
    marked, _ = encode_briefing(data, {key: "    MARK"})
    assert "MARK" in marked and marked.replace("    MARK", used[key]) == cold


def test_briefing_json_from_kept_fragments_equals_a_cold_build(sample_project: Path) -> None:
    settings = load_settings(project_dir=sample_project, executor="serial")
    generate(settings)
    path = settings.path(settings.cache_dir) / "briefing" / "fragments.pickle"
    kept = load_fragments(path)
    assert len(kept) > 10  # sources, actors, quotes, positions, claims
    article = sorted((sample_project / "content").glob("*.txt"))[0]
    text = article.read_text("utf-8")
    article.write_text(text.replace("\n\n", "\n\n“We will answer on Friday,” said Tomas Brill.\n\n", 1), "utf-8")
    _, _, extra = generate(settings)
    warm = extra["briefing.json"]
    assert set(load_fragments(path)) != set(kept)  # the changed article's records were encoded again
    shutil.rmtree(settings.path(settings.cache_dir))
    _, _, cold = generate(settings)
    assert warm == cold["briefing.json"]
    # --force reads no kept fragment: a damaged cache is repaired, never published
    save_fragments(path, {k: "    {}" for k in load_fragments(path)})
    _, _, forced = generate(settings, force=True)
    assert forced["briefing.json"] == warm and load_fragments(path) != {}


def test_previous_briefing_is_compared_from_kept_fields_only_when_kept_for_that_file(tmp_path: Path) -> None:
    old = {
        "sources": [{"id": "s1", "title": "Talks", "path": "a.txt", "outlet": "Daily", "published": "2025-01-02",
                     "words": 30}],
        "actors": [{"id": "a1", "name": "Jana Novak", "country": "Ruritania", "roles": ["minister"]}],
        "quotes": [{"id": "q1", "text": "We want a seat.", "speaker": "a1", "source": "s1", "paragraph": 1}],
        "positions": [{"kind": "actor", "actor": "a1", "topic": "talks", "stance": "for", "target": "talks",
                       "evidence": ["q1"], "summary": "We want a seat."}],
        "claims": [],
    }
    new = json.loads(json.dumps(old))
    new["quotes"].append({"id": "q2", "text": "We will wait.", "speaker": "a1", "source": "s1", "paragraph": 2})
    new["positions"][0]["evidence"].append("q2")
    text = json.dumps(old, ensure_ascii=False, indent=2) + "\n"
    site = tmp_path / "site"
    site.mkdir()
    (site / "briefing.json").write_text(text, "utf-8")
    kept = tmp_path / "compared.pickle"
    save_comparable(kept, text, old)
    previous = read_previous(site, kept)
    assert previous.briefing == comparable(old) and "claims" not in previous.briefing
    assert previous.raw == text.encode("utf-8")  # history/ still keeps the file as written
    changes = compare(previous.briefing, new)
    assert changes == compare(old, new)
    assert [i.id for i in changes.new_quotes] == ["q2"] and changes.positions[0].added == ("q2",)
    # the fields were kept for another briefing.json: the file is parsed whole
    (site / "briefing.json").write_text(text.replace("Talks", "Talk"), "utf-8")
    reparsed = read_previous(site, kept).briefing
    assert reparsed is not None and "claims" in reparsed and reparsed["sources"][0]["title"] == "Talk"
