"""One build of a project at a time: a lock file under ``.briefgen/``, as cargo takes on its build folder.

Two builds of one project at once (a cron job and a hand-run build, or ``briefgen serve`` beside a
``briefgen build``) would write the same ``build/`` folder and cache and race on publishing ``site/``. The
second one waits for the first, saying so, instead.

The lock must die with the build, even a killed one, and only with it. On POSIX it is a record lock
(``fcntl.lockf``): the kernel drops it when the holding process exits, and unlike ``flock`` it is *not*
inherited by forked children, so worker processes orphaned by a SIGKILL of the main process (OOM killer,
``timeout``) never keep the project locked. The file also names the holder's pid; a pid left behind by a
build that did not finish is reported when the next build takes the lock over. On Windows the lock is
``filelock``'s (a handle lock that spawned workers do not inherit either).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = Path(".briefgen") / "build.lock"
Say = Callable[[str], None]

# A record lock belongs to the process, so it cannot keep two threads of one process apart (and closing
# any descriptor of the file would drop it): threads queue on this lock first.
_in_process: dict[str, threading.Lock] = {}
_in_process_guard = threading.Lock()


def _thread_lock(path: Path) -> threading.Lock:
    with _in_process_guard:
        return _in_process.setdefault(str(path.resolve()), threading.Lock())


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. another user's process
        return True
    return True


def _waiting_message(pid: int | None, path: Path) -> str:
    holder = str(pid) if pid is not None else "unknown"
    return f"waiting for another briefgen build of this project to finish (pid {holder}, lock {path})"


@contextmanager
def _posix_lock(path: Path, waiting: Say | None) -> Iterator[None]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            if waiting is not None:
                waiting(_waiting_message(_read_pid(fd), path))
            fcntl.lockf(fd, fcntl.LOCK_EX)
        left = _read_pid(fd)
        if left is not None and left != os.getpid() and waiting is not None:
            state = "was stopped" if not _alive(left) else "did not finish"
            waiting(f"a previous briefgen build (pid {left}) {state} before releasing {path}; taking the lock over")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            fcntl.lockf(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextmanager
def _portable_lock(path: Path, waiting: Say | None) -> Iterator[None]:  # pragma: no cover - Windows
    from filelock import FileLock, Timeout

    lock = FileLock(str(path) + ".lock")
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if waiting is not None:
            pid = path.read_text("ascii", "replace").strip() if path.is_file() else ""
            waiting(_waiting_message(int(pid) if pid.isdigit() else None, path))
        lock.acquire()
    try:
        path.write_text(f"{os.getpid()}\n", encoding="ascii")
        yield
    finally:
        with contextlib.suppress(OSError):
            path.write_text("", encoding="ascii")
        lock.release()


@contextmanager
def build_lock(project_dir: Path, waiting: Say | None = None) -> Iterator[None]:
    """Hold the project's build lock for the ``with`` block; if another build holds it, say so and wait."""
    path = project_dir / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    in_process = _thread_lock(path)
    if not in_process.acquire(blocking=False):
        if waiting is not None:
            waiting(_waiting_message(os.getpid(), path))
        in_process.acquire()
    try:
        with (_posix_lock if fcntl is not None else _portable_lock)(path, waiting):
            yield
    finally:
        in_process.release()
