"""Shared fixtures: the sample corpus, tiny corpora in tmp dirs, the blank pipeline."""

from __future__ import annotations

import os
import shutil
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.config import load_settings
from briefgen.serve import BriefingServer

# Every build in the tests renders each page and checks that a page reused from the last build equals it.
os.environ.setdefault("BRIEFGEN_VERIFY_PAGES", "1")

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "content"
# The sample corpus's hand-made gold (copied from the team's shared/eval/gold: the project's own data)
GOLD = REPO / "tests" / "data" / "gold"

# ``briefgen serve`` tests: a one-article project, and a quote appended to it while serving
ARTICLE = 'Ministers met in Oslo on Tuesday.\n\n"We must act before the ice is gone," said Ingrid Solberg.\n'
NEW_QUOTE = "Bananas are the future of Arctic diplomacy"


def copy_sample(root: Path) -> Path:
    """Make ``root`` a project holding a copy of the sample corpus and the repository's mkdocs.yml."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(SAMPLE, root / "content")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with an empty content/ folder."""
    (tmp_path / "content").mkdir()
    return tmp_path


@pytest.fixture
def sample_project(tmp_path: Path) -> Path:
    """A project folder holding a copy of the sample corpus and the repository's mkdocs.yml."""
    return copy_sample(tmp_path)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(project: Path) -> Iterator[BriefingServer]:
    """``briefgen serve`` of ``project`` (given the one ARTICLE) in a thread on a free port, shut down on exit."""
    (project / "content" / "oslo.txt").write_text(ARTICLE, encoding="utf-8")
    server = BriefingServer(lambda: load_settings(project_dir=project), f"127.0.0.1:{free_port()}")
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.server.shutdown()
        thread.join(timeout=10)


@contextmanager
def local_cluster() -> Iterator[str]:
    """A real ``dask.distributed`` LocalCluster on 127.0.0.1 (2 worker processes); yields its address."""
    distributed = pytest.importorskip("dask.distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None, silence_logs=50
    )
    try:
        yield str(cluster.scheduler_address)
    finally:
        cluster.close()


def run_cli(args: list[str], cwd: Path) -> tuple[int, str]:
    """``briefgen ARGS`` run in ``cwd``: its exit code and output (exceptions propagate)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(cwd)
        result = CliRunner().invoke(main, args, catch_exceptions=False)
    return result.exit_code, result.output
