"""Two builds of one project never run at once: the second waits for the first and says so."""

from __future__ import annotations

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
