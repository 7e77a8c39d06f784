"""Executors: serial, a process pool and Dask give byte-identical results; failures name the articles."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, cast

import pytest
from click.testing import CliRunner

from briefgen.build import read
from briefgen.cli import main
from briefgen.config import load_settings
from briefgen.errors import BriefgenError
from briefgen.executor import AnalysisError, DaskExecutor, ProcessExecutor, SerialExecutor, analyse_batch
from briefgen.extract.lexicon import UserData
from briefgen.records import Article
from tests.conftest import local_cluster


def _extract_cli(project: Path, out: str, *options: str) -> bytes:
    result = CliRunner().invoke(
        main,
        ["extract", "--content", str(project / "content"), "-o", str(project / out), "--no-cache", *options],
    )
    assert result.exit_code == 0, result.output
    return (project / out).read_bytes()


@pytest.fixture
def articles(sample_project: Path) -> tuple[Article, ...]:
    return read(load_settings(project_dir=sample_project)).articles


def test_process_pool_returns_the_serial_results_in_input_order(articles: tuple[Article, ...]) -> None:
    serial = list(SerialExecutor().map(articles))
    pool = ProcessExecutor(jobs=2, batch_size=1)
    try:
        parallel = list(pool.map(articles))
    finally:
        pool.close()
    assert parallel == serial
    assert [a.article.path for a in parallel] == [a.path for a in articles]


def test_jobs_1_and_jobs_2_write_byte_identical_briefing_json(sample_project: Path) -> None:
    one = _extract_cli(sample_project, "one.json", "--jobs", "1")
    two = _extract_cli(sample_project, "two.json", "--jobs", "2", "--executor", "process")
    assert one == two


def test_process_pool_failure_names_the_articles(articles: tuple[Article, ...]) -> None:
    pool = ProcessExecutor(jobs=2, user_data=cast(Any, "not word lists"), batch_size=2)  # workers fail
    try:
        with pytest.raises(AnalysisError) as info:
            list(pool.map(articles))
    finally:
        pool.close()
    assert articles[0].path in info.value.message()


def test_dask_executor_without_dask_installed_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen.executor import make_executor

    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    with pytest.raises(BriefgenError) as info:
        make_executor("dask", jobs=2)
    assert "pip install 'briefgen[dask]'" in info.value.message()


@pytest.mark.slow
def test_dask_local_cluster_writes_the_serial_briefing_json(sample_project: Path) -> None:
    serial = _extract_cli(sample_project, "serial.json", "--executor", "serial")
    dask = _extract_cli(sample_project, "dask.json", "--executor", "dask", "--jobs", "2")
    assert dask == serial


# --- failures on a real cluster (one cluster shared by the tests below) ---


@pytest.fixture(scope="module")
def cluster_address() -> Iterator[str]:
    with local_cluster() as address:
        yield address


def flaky_batch(marker: str, user_data: UserData | None, articles: Sequence[Article]) -> list[dict[str, object]]:
    """Fails the first time it runs for a batch (per marker file), then analyses it."""
    path = Path(marker) / articles[0].path.replace("/", "_")
    if not path.exists():
        path.write_text("failed once")
        raise RuntimeError("simulated worker failure")
    return analyse_batch(user_data, articles)


def dying_batch(marker: str, user_data: UserData | None, articles: Sequence[Article]) -> list[dict[str, object]]:
    """Kills its worker process the first time it runs for a batch, then analyses it."""
    path = Path(marker) / articles[0].path.replace("/", "_")
    if not path.exists():
        path.write_text("died once")
        os._exit(1)
    return analyse_batch(user_data, articles)


@pytest.mark.slow
@pytest.mark.parametrize("task", [flaky_batch, dying_batch])
def test_dask_batch_that_fails_once_is_retried_and_the_result_is_complete(
    cluster_address: str, articles: tuple[Article, ...], tmp_path: Path, task: object
) -> None:
    import functools

    markers = tmp_path / "markers"
    markers.mkdir()
    serial = list(SerialExecutor().map(articles))
    executor = DaskExecutor(cluster_address, batch_size=2)
    executor.task = functools.partial(task, str(markers))
    try:
        assert list(executor.map(articles)) == serial
    finally:
        executor.close()
    assert len(list(markers.iterdir())) == 3  # every batch failed once


@pytest.mark.slow
def test_dask_batch_that_keeps_failing_names_the_articles(
    cluster_address: str, articles: tuple[Article, ...]
) -> None:
    executor = DaskExecutor(cluster_address, user_data=cast(Any, "not word lists"), batch_size=5, retries=1)
    try:
        with pytest.raises(AnalysisError) as info:
            list(executor.map(articles))
    finally:
        executor.close()
    message = info.value.message()
    assert all(a.path in message for a in articles)
    assert "failed after 1 retry " in message


def test_cli_no_cache_leaves_no_cache_folder_and_jobs_zero_is_a_usage_error(sample_project: Path) -> None:
    _extract_cli(sample_project, "out.json", "--jobs", "1")
    assert not (sample_project / ".briefgen").exists()
    result = CliRunner().invoke(
        main, ["extract", "--content", str(sample_project / "content"), "-o", "x.json", "--jobs", "0"]
    )
    assert result.exit_code == 2


def test_cli_scheduler_that_cannot_be_reached_is_a_clear_error(
    sample_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("dask.distributed")
    monkeypatch.setattr(DaskExecutor, "connect_timeout", "1s")
    result = CliRunner().invoke(
        main,
        ["extract", "--content", str(sample_project / "content"), "-o", str(sample_project / "x.json"),
         "--no-cache", "--scheduler", "tcp://127.0.0.1:9"],
    )
    assert result.exit_code == 1
    assert "Dask scheduler" in result.output


def test_windowed_map_keeps_a_bounded_number_of_batches_in_flight_and_yields_in_order(
    articles: tuple[Article, ...],
) -> None:
    from briefgen.cache import payload_of
    from briefgen.executor import _run_windowed

    many = [a for _ in range(8) for a in articles]  # 40 articles, batches of 3 -> 14 batches
    analyses = {a.article.path: a for a in SerialExecutor().map(articles)}
    in_flight = 0
    most = 0

    def submit(batch: list[Article]) -> list[Article]:
        nonlocal in_flight, most
        in_flight += 1
        most = max(most, in_flight)
        return batch

    def result(batch: list[Article], future: list[Article]) -> list[dict[str, object]]:
        nonlocal in_flight
        in_flight -= 1
        return [payload_of(analyses[a.path]) for a in future]

    out = list(_run_windowed(many, 3, 4, submit, result))
    assert [a.article for a in out] == many
    assert most == 4


def test_process_pool_started_while_another_thread_runs_gives_the_serial_results(
    articles: tuple[Article, ...],
) -> None:
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)  # like a progress bar's refresh thread
    thread.start()
    pool = ProcessExecutor(jobs=2, batch_size=1)
    try:
        parallel = list(pool.map(articles))
    finally:
        pool.close()
        stop.set()
    assert parallel == list(SerialExecutor().map(articles))
