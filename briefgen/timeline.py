"""Timelines: statements in publication order, flagging where a speaker's stance on a topic changes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from briefgen.extract.stance import opposed
from briefgen.records import Quote, Source


@dataclass(frozen=True, slots=True)
class Moment:
    """One dated statement on a timeline, and the stance shift it marks (if any)."""

    quote: Quote
    date: str | None
    file_date: bool
    shifts: tuple[tuple[str, str, str], ...] = ()  # (topic, earlier stance, this stance)


def _date(source: Source | None) -> tuple[str | None, bool]:
    if source is None or not source.published:
        return None, False
    return source.published[:10], source.date_from_file


def timeline(quotes: Iterable[Quote], sources: Mapping[str, Source], topic: str | None = None) -> tuple[Moment, ...]:
    """Quotes ordered by their source's date (undated last); a shift is flagged when a speaker's explicit
    stance on a topic differs from their stance on it at an earlier date."""

    def key(q: Quote) -> tuple[str, str, int, int]:
        day, _ = _date(sources.get(q.source))
        return (day or "9999-99-99", q.source, q.paragraph, q.start)

    last: dict[tuple[str | None, str], tuple[str, str | None, str | None]] = {}
    moments: list[Moment] = []
    for q in sorted(quotes, key=key):
        day, from_file = _date(sources.get(q.source))
        shifts: list[tuple[str, str, str]] = []
        for t in q.topics if topic is None else [topic]:
            if not q.stance or not q.speaker or t not in q.topics:
                continue
            before = last.get((q.speaker, t))
            # a shift only between two stances on the same target: for X then against Y is no change of mind
            if (before and day and before[1] and before[1] < day
                    and opposed(before[0], before[2], q.stance, q.target)):
                shifts.append((t, before[0], q.stance))
            last[(q.speaker, t)] = (q.stance, day, q.target)
        moments.append(Moment(q, day, from_file, tuple(shifts)))
    return tuple(moments)
