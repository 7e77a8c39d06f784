"""Two builds of one project never run at once: the second waits for the first and says so."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefgen.lock import LOCK_FILE, build_lock


def test_second_build_waits_for_the_first_and_says_why(tmp_path: Path) -> None:
    order: list[str] = []
    messages: list[str] = []
    holding = threading.Event()
    release = threading.Event()

    def first() -> None:
        with build_lock(tmp_path):
            order.append("first in")
            holding.set()
            release.wait(10)
            order.append("first out")

    thread = threading.Thread(target=first)
    thread.start()
    assert holding.wait(10)
    threading.Timer(0.5, release.set).start()
    with build_lock(tmp_path, waiting=messages.append):
        order.append("second in")
    thread.join(10)
    assert order == ["first in", "first out", "second in"]
    assert len(messages) == 1 and "waiting for another briefgen build" in messages[0]
    assert str(tmp_path / LOCK_FILE) in messages[0]


def test_lock_is_released_when_the_build_fails(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), build_lock(tmp_path):
        raise RuntimeError("build failed")
    start = time.monotonic()
    messages: list[str] = []
    with build_lock(tmp_path, waiting=messages.append):
        pass
    assert messages == [] and time.monotonic() - start < 1


def test_lock_lives_in_the_project_state_folder_not_in_the_output(tmp_path: Path) -> None:
    with build_lock(tmp_path):
        assert (tmp_path / ".briefgen" / "build.lock").is_file()
    assert not (tmp_path / "site").exists() and not (tmp_path / "build").exists()


_HOLD_THEN_DIE = """
import multiprocessing, os, signal, sys, time
from pathlib import Path
from briefgen.lock import build_lock
with build_lock(Path(sys.argv[1])):
    worker = multiprocessing.get_context("fork").Process(target=time.sleep, args=(60,))
    worker.start()  # a pool worker forked while the lock is held
    print(worker.pid, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # the OOM killer, or timeout -s KILL
"""


def test_orphaned_workers_of_a_killed_build_do_not_keep_the_lock(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD_THEN_DIE, str(tmp_path)], env=env, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    orphan = int(proc.stdout.readline())  # the orphan keeps the pipe open: read one line, not to EOF
    assert proc.wait(timeout=60) == -signal.SIGKILL
    try:
        os.kill(orphan, 0)  # the worker outlived the build
        messages: list[str] = []
        start = time.monotonic()
        with build_lock(tmp_path, waiting=messages.append):
            assert (tmp_path / LOCK_FILE).read_text().strip() == str(os.getpid())
        assert time.monotonic() - start < 5
        assert len(messages) == 1 and f"pid {proc.pid}" in messages[0] and "taking the lock over" in messages[0]
    finally:
        os.kill(orphan, signal.SIGKILL)
