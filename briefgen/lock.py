"""One build of a project at a time: an advisory file lock, as cargo takes on its build folder.

Two builds of one project at once (a cron job and a hand-run build, or ``briefgen serve`` beside a
``briefgen build``) would write the same ``build/`` folder and cache and race on publishing ``site/``. The
second one waits for the first, saying so, instead. The lock is ``fcntl.flock`` on a file under the
project's ``.briefgen/`` folder: the kernel drops it when the holder exits, even when killed, so a crash
never leaves a stale lock behind. Where ``fcntl`` is missing (Windows), builds are not locked.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = Path(".briefgen") / "build.lock"


@contextmanager
def build_lock(project_dir: Path, waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the project's build lock for the ``with`` block; if another build holds it, say so and wait."""
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    path = project_dir / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+", encoding="utf-8") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "unknown"
            if waiting is not None:
                waiting(f"waiting for another briefgen build of this project to finish (pid {holder}, lock {path})")
            fcntl.flock(fh, fcntl.LOCK_EX)
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        try:
            yield
        finally:
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh, fcntl.LOCK_UN)
