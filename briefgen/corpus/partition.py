"""Partitioned reading: the client lists the corpus as partitions; whoever runs a partition reads it.

The client side (``plan``) only walks the content folder and stats files: it never opens an article.
Single-article files are grouped into partitions of at most ``files`` files or ``blocksize`` bytes;
a ``.jsonl`` file larger than ``blocksize`` becomes one partition per byte range of about ``blocksize``
bytes. A range owns the lines that *begin* in it (the line running across its start belongs to the
range before), like ``dask.bag.read_text(blocksize=...)``. To keep the whole-file line numbers in
paths (``news.jsonl:1234``) and skip reasons, a range needs the number of line breaks before it:
``count_newlines`` gives each range's count (run where the data is) and ``with_line_counts`` turns the
counts into every range's ``lines_before``. The worker side (``read_partition``) yields cleaned Articles
and Skipped inputs in exactly the order ``read_corpus`` meets them, so concatenating the partitions in
plan order gives the serial sequence.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefgen.corpus.boilerplate import Rules
from briefgen.corpus.formats import FORMATS, read_jsonl
from briefgen.corpus.reader import clean_safely, entries, read_single
from briefgen.records import Article, Skipped

_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Part:
    """One file, or (``end`` set) the lines of a ``.jsonl`` file that begin in ``[start, end)``."""

    path: str
    rel: str
    start: int = 0
    end: int | None = None
    lines_before: int = 0
    size: int = 0  # of the whole file when listed, with its change times: the partition cache's check
    mtime_ns: int = 0
    ctime_ns: int = 0  # changes on chmod too, so a file skipped as unreadable is read again once fixed

    @property
    def label(self) -> str:
        """How error messages name the part."""
        return self.rel if self.end is None else f"{self.rel} (bytes {self.start:,}–{self.end:,})"


Partition = tuple[Part, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    """The corpus as partitions and listing-time skips, in reading order, and the ignored files."""

    items: tuple[Partition | Skipped, ...]
    ignored: tuple[str, ...]

    @property
    def partitions(self) -> list[Partition]:
        """The partitions alone, in order."""
        return [item for item in self.items if not isinstance(item, Skipped)]


def _stat(path: Path) -> tuple[int, int, int]:
    try:
        info = path.stat()
    except OSError:
        return 0, 0, 0  # the reader reports why it cannot be read
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns


def plan(content: Path, blocksize: int, files: int = 32) -> Plan:
    """List the corpus as partitions without opening any article (stat only)."""
    items: list[Partition | Skipped] = []
    ignored: list[str] = []
    group: list[Part] = []
    group_bytes = 0

    def flush() -> None:
        nonlocal group, group_bytes
        if group:
            items.append(tuple(group))
        group, group_bytes = [], 0

    for entry in entries(content):
        if isinstance(entry, Skipped):
            flush()
            items.append(entry)
            continue
        path, rel = entry
        suffix = path.suffix.lower()
        if suffix not in FORMATS:
            ignored.append(rel)
            continue
        size, mtime, ctime = _stat(path)
        if suffix == ".jsonl" and size > blocksize:
            flush()
            for start in range(0, size, blocksize):
                end = min(start + blocksize, size)
                items.append((Part(str(path), rel, start, end, size, mtime, ctime),))
            continue
        group.append(Part(str(path), rel, size=size, mtime_ns=mtime, ctime_ns=ctime))
        group_bytes += size
        if len(group) >= files or group_bytes >= blocksize:
            flush()
    flush()
    return Plan(tuple(items), tuple(ignored))


def count_newlines(path: str, start: int, end: int) -> int:
    """Line breaks in the byte range ``[start, end)`` of a file (0 when it cannot be read)."""
    count = 0
    try:
        with open(path, "rb") as handle:
            handle.seek(start)
            left = end - start
            while left > 0:
                chunk = handle.read(min(_CHUNK, left))
                if not chunk:
                    break
                count += chunk.count(b"\n")
                left -= len(chunk)
    except OSError:
        return 0
    return count


def ranges_to_count(partitions: Sequence[Partition]) -> list[Part]:
    """The byte ranges whose line breaks must be counted: every range of a file but its last."""
    ranges = [part for partition in partitions for part in partition if part.end is not None]
    return [part for part, after in itertools.pairwise(ranges) if after.path == part.path]


def with_line_counts(partitions: Sequence[Partition], counts: dict[tuple[str, int], int]) -> list[Partition]:
    """Partitions whose ranges know the line breaks before them, from each range's own count."""
    before: dict[str, int] = {}
    out: list[Partition] = []
    for partition in partitions:
        fixed = []
        for part in partition:
            if part.end is not None:
                part = dataclasses.replace(part, lines_before=before.get(part.path, 0))
                before[part.path] = part.lines_before + counts.get((part.path, part.start), 0)
            fixed.append(part)
        out.append(tuple(fixed))
    return out


def read_partition(partition: Partition, rules: Rules, max_bytes: int) -> Iterator[Article | Skipped]:
    """Worker side: read, decode and clean the articles of a partition, in reading order."""
    for part in partition:
        path = Path(part.path)
        if part.end is None:
            drafts = read_single(path, part.rel, max_bytes)
        else:
            drafts = read_jsonl(path, part.rel, max_bytes, part.start, part.end, part.lines_before)
        for draft in drafts:
            yield draft if isinstance(draft, Skipped) else clean_safely(draft, rules)
