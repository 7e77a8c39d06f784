"""The per-article analysis cache: hits give identical output, bad entries are recomputed with a warning."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefgen.build import BuildReport, extract
from briefgen.cache import AnalysisCache, from_data, to_data
from briefgen.config import load_settings
from briefgen.export import briefing_json
from briefgen.records import Analysis


def _extract(project: Path, **overrides: object) -> tuple[str, BuildReport]:
    settings = load_settings(project_dir=project, executor="serial", **overrides)
    briefing, _, report = extract(settings)
    return briefing_json(briefing), report


def _entries(project: Path) -> list[Path]:
    return sorted((project / ".briefgen" / "cache" / "analysis").rglob("*.json"))


def test_second_build_takes_every_article_from_cache_with_identical_output(sample_project: Path) -> None:
    cold, first = _extract(sample_project)
    warm, second = _extract(sample_project)
    assert (first.analysed, first.cached) == (5, 0)
    assert (second.analysed, second.cached) == (0, 5)
    assert warm == cold
    assert len(_entries(sample_project)) == 5


def test_no_cache_reanalyses_everything_and_stores_nothing(sample_project: Path) -> None:
    _, report = _extract(sample_project, cache=False)
    assert report.analysed == 5
    assert _entries(sample_project) == []


def test_changed_article_is_the_only_one_reanalysed(sample_project: Path) -> None:
    _extract(sample_project)
    article = sorted((sample_project / "content").glob("*.txt"))[2]
    article.write_text(article.read_text("utf-8") + "\nA new closing paragraph.\n", encoding="utf-8")
    _, report = _extract(sample_project)
    assert (report.analysed, report.cached) == (1, 4)


def test_corrupt_cache_entry_is_recomputed_with_a_warning(sample_project: Path) -> None:
    cold, _ = _extract(sample_project)
    victim = _entries(sample_project)[0]
    victim.write_bytes(b'{"tag": "briefgen-analysis", "format": 1, "key": tru')
    warm, report = _extract(sample_project)
    assert warm == cold
    assert report.analysed == 1
    assert any("cache entry" in w and "corrupt" in w for w in report.warnings)
    # the recomputed entry replaced the broken one, so the next build is clean
    _, again = _extract(sample_project)
    assert again.analysed == 0 and not again.warnings


def test_entry_stored_under_another_articles_key_is_not_trusted(sample_project: Path) -> None:
    cold, _ = _extract(sample_project)
    first, second = _entries(sample_project)[:2]
    second.write_bytes(first.read_bytes())
    warm, report = _extract(sample_project)
    assert warm == cold
    assert report.analysed == 1
    assert any("another article" in w for w in report.warnings)


def test_entry_with_a_field_of_the_wrong_type_is_rejected(sample_project: Path) -> None:
    cold, _ = _extract(sample_project)
    for path in _entries(sample_project):
        entry = json.loads(path.read_text("utf-8"))
        if entry["analysis"]["quotes"]:
            entry["analysis"]["quotes"][0]["start"] = "twelve"
            path.write_text(json.dumps(entry), encoding="utf-8")
            break
    warm, report = _extract(sample_project)
    assert warm == cold
    assert report.analysed == 1
    assert any("corrupt" in w for w in report.warnings)


def test_new_project_rule_file_invalidates_every_entry(sample_project: Path) -> None:
    _extract(sample_project)
    (sample_project / "site_config").mkdir()
    (sample_project / "site_config" / "cues.yml").write_text("verbs: [quip]\n", encoding="utf-8")
    _, report = _extract(sample_project)
    assert report.analysed == 5


def test_settings_topic_and_actor_override_files_read_after_the_map_keep_the_cache(sample_project: Path) -> None:
    _extract(sample_project)
    (sample_project / "site_config").mkdir()
    (sample_project / "site_config" / "briefgen.yml").write_text("title: Another title\n", encoding="utf-8")
    topics = "topics:\n  - id: renamed-topic\n    name: A renamed topic\n    cues: [ceasefire]\n"
    (sample_project / "site_config" / "topics.yml").write_text(topics, encoding="utf-8")
    (sample_project / "site_config" / "actors.yml").write_text("actors: []\n", encoding="utf-8")
    _, report = _extract(sample_project)
    assert report.analysed == 0


def test_unwritable_cache_folder_warns_once_and_the_build_goes_on(sample_project: Path) -> None:
    (sample_project / "blocker").write_text("a file where the cache folder should be", encoding="utf-8")
    cold, report = _extract(sample_project, cache_dir="blocker/cache")
    assert report.analysed == 5
    assert sum("cannot write the analysis cache" in w for w in report.warnings) == 1
    assert json.loads(cold)["sources"]


def test_stored_analysis_round_trips_to_equal_records(sample_project: Path) -> None:
    from briefgen.extract import analyse_many
    from briefgen.nlp import make_nlp

    settings = load_settings(project_dir=sample_project)
    from briefgen.build import read

    articles = read(settings).articles
    cache = AnalysisCache.for_settings(settings)
    for analysis in analyse_many(make_nlp(), articles):
        cache.put(analysis.article, analysis)
        assert cache.get(analysis.article) == analysis
    assert cache.stats.hits == len(articles)


@pytest.mark.parametrize(
    ("tp", "data"),
    [(int, "1"), (int, True), (str, 3), (tuple[int, ...], {"a": 1}), (int | None, "x")],
)
def test_from_data_rejects_values_of_the_wrong_type(tp: object, data: object) -> None:
    with pytest.raises(ValueError):
        from_data(tp, data)


def test_to_data_of_a_record_decodes_back_to_it() -> None:
    from briefgen.records import Article, LocalActor, LocalQuote, Paragraph

    article = Article("a.txt", "x", (Paragraph(1, 0, 1),))
    analysis = Analysis(
        article,
        (LocalActor("K", "K", "person", None, "NATO", ("chief",), ("K.",), 2),),
        (LocalQuote("hi", 0, 2, "direct", None, "said", 1),),
    )
    assert from_data(Analysis, to_data(analysis)) == analysis


def _poison(project: Path, change: Callable[[dict[str, Any]], None]) -> None:
    for path in _entries(project):
        entry = json.loads(path.read_text("utf-8"))
        if entry["analysis"]["quotes"]:
            change(entry)
            path.write_text(json.dumps(entry), encoding="utf-8")
            return
    raise AssertionError("no cached entry has a quote")


def _put_words_in_a_mouth(entry: dict[str, Any]) -> None:
    quote = entry["analysis"]["quotes"][0]
    quote["text"] = "I resign today"  # well-typed, under the right key, but not what the article says
    quote["end"] = quote["start"] + len(quote["text"])


def _negative_offsets(entry: dict[str, Any]) -> None:
    entry["analysis"]["quotes"][0]["start"] = -5


def _unknown_speaker(entry: dict[str, Any]) -> None:
    entry["analysis"]["quotes"][0]["speaker"] = "Somebody Else"


def _other_text(entry: dict[str, Any]) -> None:
    entry["text"] = "0" * 64


@pytest.mark.parametrize("change", [_put_words_in_a_mouth, _negative_offsets, _unknown_speaker, _other_text])
def test_valid_but_wrong_entry_is_checked_against_the_article_and_reanalysed(
    sample_project: Path, change: Callable[[dict[str, Any]], None]
) -> None:
    cold, _ = _extract(sample_project)
    _poison(sample_project, change)
    warm, report = _extract(sample_project)
    assert warm == cold and "I resign today" not in warm
    assert report.analysed == 1
    assert any("re-analysed" in w for w in report.warnings)
