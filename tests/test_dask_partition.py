"""Partitioned reading on Dask: the client only lists the corpus; workers read, clean and analyse it.

One LocalCluster (2 worker processes on 127.0.0.1) is shared by the module's cluster tests.
"""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from benchmarks.generate import generate
from briefgen.build import BuildReport, extract
from briefgen.cli import main
from briefgen.config import load_settings
from briefgen.corpus.boilerplate import load_rules
from briefgen.corpus.clean import clean
from briefgen.corpus.formats import read_jsonl
from briefgen.corpus.partition import count_newlines, plan, ranges_to_count, read_partition, with_line_counts
from briefgen.export import briefing_json
from briefgen.records import Article, Skipped
from tests.conftest import local_cluster


def _jsonl_corpus(content: Path, count: int = 12) -> Path:
    """A .jsonl file of generated articles with bad, blank and duplicate lines among them."""
    articles = sorted(generate(count, content.parent / "generated"))
    lines: list[str] = []
    for i, path in enumerate(articles):
        text = path.read_text("utf-8")
        lines.append(json.dumps({"title": f"Story {i}", "text": text, "published": f"2025-03-{i % 28 + 1:02d}"}))
        if i == 2:
            lines += ["", "{not json", json.dumps(["a list"]), json.dumps({"title": "no text"})]
        if i == 5:
            lines.append(lines[0])  # the same record again: read once, the copy is reported
    target = content / "news.jsonl"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.rmtree(content.parent / "generated")
    return target


def _read_in_ranges(content: Path, blocksize: int) -> list[Article | Skipped]:
    """Plan, count line breaks and read every partition in this process."""
    listing = plan(content, blocksize)
    ranges = ranges_to_count(listing.partitions)
    counts = {(r.path, r.start): count_newlines(r.path, r.start, r.end or 0) for r in ranges}
    rules = load_rules()
    return [
        result
        for partition in with_line_counts(listing.partitions, counts)
        for result in read_partition(partition, rules, 5_000_000)
    ]


def test_jsonl_read_in_line_aligned_ranges_gives_the_whole_file_records(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    target = _jsonl_corpus(content, count=6)
    rules = load_rules()
    whole = [d if isinstance(d, Skipped) else clean(d, rules) for d in read_jsonl(target, "news.jsonl", 5_000_000)]
    data = target.read_bytes()
    for blocksize in (1, 7, 500, 1999, 4096, len(data) - 1, len(data), len(data) + 10):
        assert _read_in_ranges(content, blocksize) == whole, blocksize
    assert len(plan(content, 500).partitions) > 5
    assert any(isinstance(r, Skipped) and r.line == 5 and "JSON" in r.reason for r in whole)


def test_partition_cache_returns_what_was_stored_and_misses_once_a_file_changes(tmp_path: Path) -> None:
    import os
    import time

    from briefgen.cache import PartitionCache
    from briefgen.partitioned import _partition_key

    content = tmp_path / "content"
    generate(3, content)
    (content / "empty.txt").write_bytes(b"")
    cache = PartitionCache(tmp_path / "cache", "h")
    [partition] = plan(content, 1_000_000).partitions
    records = list(read_partition(partition, load_rules(), 5_000_000))
    assert any(isinstance(r, Skipped) for r in records) and any(isinstance(r, Article) for r in records)
    cache.put(_partition_key(cache, partition), records)
    assert cache.get(_partition_key(cache, plan(content, 1_000_000).partitions[0])) == records
    victim = next(p for p in content.iterdir() if p.name != "empty.txt")
    time.sleep(0.05)
    victim.chmod(0o600)  # same size and mtime, new ctime (a permission fix must re-read the file)
    assert cache.get(_partition_key(cache, plan(content, 1_000_000).partitions[0])) is None
    cache.put(_partition_key(cache, plan(content, 1_000_000).partitions[0]), records)
    stat = victim.stat()
    os.utime(victim, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert cache.get(_partition_key(cache, plan(content, 1_000_000).partitions[0])) is None


def test_dask_blocksize_must_be_positive(project: Path) -> None:
    from briefgen.errors import ConfigError

    (project / "site_config").mkdir()
    (project / "site_config" / "briefgen.yml").write_text("dask_blocksize: 0\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(project_dir=project)
    assert "dask_blocksize" in info.value.message()


def test_worker_that_cannot_see_the_content_folder_fails_instead_of_skipping_everything(tmp_path: Path) -> None:
    from briefgen.errors import CorpusError
    from briefgen.partitioned import ReadJob, read_and_analyse

    content = tmp_path / "content"
    generate(2, content)
    [partition] = plan(content, 1_000_000).partitions
    job = ReadJob(load_rules(), 5_000_000, None, None, "", content_root=str(tmp_path / "elsewhere"))
    with pytest.raises(CorpusError) as info:
        read_and_analyse(job, partition)
    assert "shared file system" in info.value.message()


def test_dask_build_without_dask_installed_says_how_to_install(
    sample_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util
    import sys

    from briefgen.errors import BriefgenError

    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *args: None)
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    with pytest.raises(BriefgenError) as info:
        _extract(sample_project, executor="dask", cache=False)
    assert "pip install 'briefgen[dask]'" in info.value.message()


# --- on a real cluster ---


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with local_cluster() as address:
        yield address


def _extract(project: Path, **overrides: Any) -> tuple[bytes, BuildReport]:
    settings = load_settings(project_dir=project, **overrides)
    briefing, _, report = extract(settings)
    return briefing_json(briefing).encode("utf-8"), report


def _forbid_reading_on_the_client(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every reader and decoder of article files raises in this (the client) process."""
    import briefgen.corpus.formats
    import briefgen.corpus.partition
    import briefgen.corpus.reader
    import briefgen.partitioned

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the client read article text")

    for module, names in (
        (briefgen.corpus.formats, ("decode_text", "read_jsonl", "read_txt", "read_md", "read_html")),
        (briefgen.corpus.reader, ("read_file", "read_single", "read_jsonl", "clean", "clean_safely")),
        (briefgen.corpus.partition, ("read_partition", "read_single", "read_jsonl", "clean_safely")),
        (briefgen.partitioned, ("read_partition",)),
    ):
        for name in names:
            monkeypatch.setattr(module, name, refuse)


def _same_as_serial(project: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch, **overrides: Any) -> tuple[
    BuildReport, BuildReport
]:
    serial, serial_report = _extract(project, executor="serial", cache=False, **overrides)
    with monkeypatch.context() as patch:
        _forbid_reading_on_the_client(patch)
        dask, dask_report = _extract(project, executor="dask", scheduler=scheduler, cache=False, **overrides)
    assert dask == serial
    assert dask_report.skipped == serial_report.skipped
    assert dask_report.warnings == serial_report.warnings
    assert dask_report.ignored == serial_report.ignored
    return serial_report, dask_report


@pytest.mark.slow
def test_sample_corpus_on_dask_without_reading_on_the_client_matches_serial(
    sample_project: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, report = _same_as_serial(sample_project, scheduler, monkeypatch)
    assert report.articles == 5 and report.analysed == 5


@pytest.mark.slow
def test_jsonl_split_into_ranges_on_dask_matches_serial_and_strict_still_fails(
    project: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _jsonl_corpus(project / "content")
    (project / "content" / "empty.txt").write_bytes(b"")
    (project / "content" / "notes.pdf").write_bytes(b"%PDF-1.4")
    blocksize = 3000
    assert len(plan(project / "content", blocksize).partitions) >= 10
    # a record runs across a range boundary
    starts = [0]
    for line in target.read_bytes().splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    assert any(a < b < c for a, c in itertools.pairwise(starts) for b in range(0, starts[-1], blocksize))
    (project / "site_config").mkdir()
    (project / "site_config" / "briefgen.yml").write_text(f"dask_blocksize: {blocksize}\n", encoding="utf-8")
    _serial, dask = _same_as_serial(project, scheduler, monkeypatch)
    assert {(s.path, s.line) for s in dask.skipped} >= {
        ("news.jsonl", 5), ("news.jsonl", 6), ("news.jsonl", 7), ("empty.txt", None)
    }
    assert any("same text as news.jsonl:1" in s.reason for s in dask.skipped)
    outputs = []
    for options in (["--executor", "serial"], ["--scheduler", scheduler]):
        result = CliRunner().invoke(
            main, ["extract", "--content", str(project / "content"), "-o", str(project / "x.json"), "--no-cache",
                   "--strict", *options],
        )
        assert result.exit_code == 1
        outputs.append([line for line in result.output.splitlines() if line.startswith("warning:")])
    assert outputs[0] == outputs[1]
    assert any("news.jsonl:5" in line for line in outputs[1])


@pytest.mark.slow
def test_many_file_corpus_on_dask_matches_serial_and_an_unchanged_rebuild_starts_no_cluster(
    project: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(generate(40, project / "content" / "generated"))
    shutil.copy(files[3], project / "content" / "copy.txt")  # an exact duplicate: skipped, still cached
    (project / "content" / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    _same_as_serial(project, scheduler, monkeypatch)
    serial, _ = _extract(project, executor="serial", cache=False)
    first, report = _extract(project, executor="dask", scheduler=scheduler)
    assert report.analysed == report.articles > 30
    with monkeypatch.context() as patch:
        _forbid_reading_on_the_client(patch)
        patch.setattr("briefgen.partitioned.DaskExecutor", None)  # no Dask at all when nothing changed
        again, report = _extract(project, executor="dask", scheduler=scheduler)
    assert (report.analysed, report.cached) == (0, report.articles)
    assert first == again == serial
    files[5].write_text(files[5].read_text("utf-8").replace(" said", " told reporters"), encoding="utf-8")
    changed, report = _extract(project, executor="dask", scheduler=scheduler)
    assert (report.analysed, report.cached) == (1, report.articles - 1)
    assert changed == _extract(project, executor="serial", cache=False)[0] != serial


def failing_partition(job: object, partition: object) -> None:
    """A partition task that always fails on its worker."""
    raise RuntimeError("simulated worker failure")


@pytest.mark.slow
def test_partition_that_keeps_failing_on_dask_names_its_files(
    sample_project: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefgen.executor import AnalysisError

    monkeypatch.setattr("briefgen.partitioned.read_and_analyse", failing_partition)
    with pytest.raises(AnalysisError) as info:
        _extract(sample_project, executor="dask", scheduler=scheduler, cache=False)
    message = info.value.message()
    assert "retries" in message
    assert all(path.name in message for path in sorted((sample_project / "content").iterdir()))
