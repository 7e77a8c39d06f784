"""The ingest benchmark helper runs and measures what it says (speed itself is judged in benchmarks/)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.ingest import make_corpus, measure
from briefgen.config import load_settings
from briefgen.corpus import read_corpus


def test_benchmark_corpus_copies_are_distinct_articles(tmp_path: Path) -> None:
    make_corpus(tmp_path / "content", 12)
    result = read_corpus(load_settings(project_dir=tmp_path))
    assert len(result.articles) == 12
    assert not result.skipped
    assert not any("near-duplicate" in w for a in result.articles for w in a.warnings)


def test_benchmark_reports_both_timings_and_their_ratio() -> None:
    result = measure(10, repeat=1)
    assert result["articles"] == 10
    assert result["ratio"] == result["ingest_s"] / result["tokenizer_s"]


def test_tokenizer_versus_analysis_probe_runs_on_a_small_project(tmp_path: Path) -> None:
    from benchmarks.probe import tokenize_vs_analysis

    make_corpus(tmp_path / "content", 6)
    result = tokenize_vs_analysis(tmp_path)
    assert result["articles"] == 6
    assert result["quotes"] > 0
    assert result["tokenize_s"] > 0 and result["analysis_s"] > 0
    assert set(result["timings"]) >= {"read", "analyse", "reduce"}
