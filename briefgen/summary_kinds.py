"""Sentences 'What happened' does not tell as events (background, explainers, non-responses) and the ones it
tells apart: what comes next.

Word lists are in summary.yml (background, next).
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta
from typing import Any

from briefgen.extract.lexicon import load_data
from briefgen.summary_events import counts

_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[A-Za-z][A-Za-z'’-]*")
_DAY = re.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|tomorrow"
                  r"|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
                  r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b"
                  r"|(?:next|this|last) (?:week|month|year))", re.IGNORECASE)
_RECORD = re.compile(r"\b(?:first|biggest|largest|worst|highest|lowest|deadliest|longest)\b[^.;]*\bsince\b",
                     re.IGNORECASE)
_NUMBER = re.compile(r"\d[\d,.]*")
_YEAR = re.compile(r"(?:19|20)\d\d")
_BULLET = re.compile(r"^[-–—•*·]\s+")


@functools.cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = load_data("summary.yml")
    return data


def clear() -> None:
    """Drop the tables read from summary.yml (a project's additions to it came into force)."""
    for table in (_data, _lists, _next, _markets):
        table.cache_clear()


@functools.cache
def _lists() -> dict[str, frozenset[str]]:
    table = _data()["background"]
    return {key: frozenset(str(w).lower() for w in table[key]) for key in table}


def _words(text: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]


def unbullet(text: str) -> str:
    """A sentence without the bullet a list or a live blog opens it with ('- But she ordered …' -> 'But she …')."""
    return _BULLET.sub("", text)


_CONJUNCTION = re.compile(r"^(?:But|Yet|And|However,|Still,|Meanwhile,)\s+(?=[A-Za-z])")


def unjoined(text: str) -> str:
    """A sentence without the conjunction tying it to the one before ('But the judge also ordered a retest' -> 'The
    judge also ordered a retest'); its subject then decides whether it stands alone ('But it was not enough' -> 'It
    was …', still anaphoric)."""
    match = _CONJUNCTION.match(text)
    if match is None:
        return text
    rest = text[match.end() :]
    return rest[:1].upper() + rest[1:]


NEXT = 3  # 'What comes next' tells at most this many sentences


@functools.cache
def _next() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _data()["next"])


def upcoming(text: str) -> bool:
    """True for a sentence telling what comes next (summary.yml next): a day named and a word of the future or of a
    schedule ('Parliament is scheduled to vote on Monday', 'with results due by 11 December'); not a past day's
    report without one ('Parliament voted on Monday'), nor a reported intention ('said it would appeal')."""
    words = _words(unbullet(text))
    return names_day(text) and _phrase_in(words, _next()) and not _past_first(words)


# before a past participle these make it no finite past ('has summoned', 'is expected', 'was due to')
_AUXILIARIES = frozenset(["has", "have", "had", "is", "are", "be", "been", "being", "will", "to", "was", "were"])


def _past_first(words: list[str]) -> bool:
    """Whether a sentence's first finite verb is in the past ('Flights were cancelled on Monday due to the strike',
    'Lawmakers refused on Tuesday to vote on the bill'): a past day's report, whatever future word it holds."""
    past, saying = _lists()["past"] - {"had"}, _lists()["saying"]
    for i, w in enumerate(words):
        before = words[i - 1] if i else ""
        if w in saying:
            continue  # a report of what is to come ('Forecasters said more rain was expected from Saturday')
        if w in _next_heads() or w in ("has", "have"):  # 'is', 'are', 'will' open next phrases too
            return False
        if (w in past or (len(w) > 4 and w.endswith("ed"))) and before not in _AUXILIARIES:
            return True
    return False


@functools.cache
def _next_heads() -> frozenset[str]:
    """The first words of summary.yml's next phrases ('scheduled', 'due', 'set')."""
    return frozenset(p.split()[0] for p in _next())


def days_named(text: str) -> frozenset[str]:
    """The days a sentence names, lowercased ('monday', '30 november', 'next week')."""
    return frozenset(" ".join(m.group(0).lower().replace(".", "").split()) for m in _DAY.finditer(text))


@functools.cache
def _markets() -> tuple[frozenset[str], frozenset[str]]:
    moves = _data()["moves"]
    return (frozenset(str(w).lower() for w in _data()["markets"]),
            frozenset(str(w).lower() for w in [*moves["up"], *moves["down"]]))


_SHARE = re.compile(r"\d(?:[.,]\d+)?\s*(?:%|per ?cent\b|percent\b)", re.IGNORECASE)


def market(text: str) -> bool:
    """True for a market's reaction (summary.yml markets, moves): a market word, a move and a share ('Kestrel shares
    fell 23% on Tuesday'); not a share without a move ('holds 38% of the market') nor a move without a share."""
    words = _words(text)
    low = " " + " ".join(words) + " "
    things, moves = _markets()
    return (_SHARE.search(text) is not None and any(f" {w} " in low for w in things)
            and any(f" {w} " in low for w in moves))


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATE = re.compile(r"\b(\d{1,2}) (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:,? ((?:19|20)\d\d))?"
                   r"|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2})\b(?:,? ((?:19|20)\d\d))?",
                   re.IGNORECASE)


def _dates(text: str, year: int) -> list[date]:
    out = []
    for m in _DATE.finditer(text):
        day, month, when = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        try:
            out.append(date(int(when) if when else year, _MONTHS.index(month[:3].lower()) + 1, int(day)))
        except ValueError:
            continue
    return out


def still_ahead(text: str, written: str | None, last: str | None) -> bool:
    """Whether what a sentence says comes next is still ahead when the corpus's last article was written (ISO
    ``last``): a date it names is that day or later ('on Monday, 30 November', '2 February 2027'); a weekday
    ('due to brief the media Wednesday') or 'next week' counts from the day the article was ``written`` (the next
    such weekday, that day included); an undated article or corpus tells nothing ahead by a weekday."""
    if not last:
        return False
    end = date.fromisoformat(last[:10])
    named = _dates(text, end.year)
    if named:
        return max(named) >= end
    if not written:
        return False
    start = date.fromisoformat(str(written)[:10])
    days = [start + timedelta(days=ahead) for ahead in _weekdays_ahead(text, start)]
    return bool(days) and max(days) >= end


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekdays_ahead(text: str, start: date) -> list[int]:
    """How many days after ``start`` each day a sentence names by a weekday or relatively falls ('on Sunday' in an
    article of a Saturday: 1; 'next week': 7; 'today': 0)."""
    out = []
    for day in days_named(text):
        if day in _WEEKDAYS:
            out.append((_WEEKDAYS.index(day) - start.weekday()) % 7)
        else:
            out.extend({"today": [0], "tonight": [0], "tomorrow": [1], "next week": [7], "next month": [28]}.get(
                day, []))
    return out


def names_day(text: str) -> bool:
    """True when a sentence names a day ('on Tuesday', '24 November', 'Nov. 24', 'next week')."""
    return _DAY.search(text) is not None


def _phrase_in(words: list[str], phrases: frozenset[str]) -> bool:
    low = " " + " ".join(words) + " "
    return any(f" {p} " in low for p in phrases)


def background(text: str, first: bool = False) -> bool:
    """True for a sentence that reports no event (summary.yml background): an explainer's opening ('here are answers
    to the most common questions'), a non-response ('did not respond to requests for comment'), or, further down an
    article (not its ``first`` sentence), a timeless description in the present ('X is not new', 'Other brands look
    different', 'The country has 600 reservoirs') naming no day and reporting no one's words."""
    words = _words(unbullet(text))
    lists = _lists()
    if _phrase_in(words, lists["explainer"]) or _phrase_in(words, lists["no_response"]):
        return True
    return not first and timeless(text)


def timeless(text: str) -> bool:
    """True when a sentence's first finite verb is a present of summary.yml background.present not opening a
    progressive, passive or perfect ('is not new', 'look different'; not 'are searching', 'is set down for',
    'has risen', 'has just spoken', 'is to report'), before any past verb, and it names no day, no figure but a year
    ('The toll is now 11', 'is down 31%') and no verb of saying."""
    if _RECORD.search(text):
        return False  # a record is news ('the first Portugal has imposed since 2019')
    if names_day(text) or counts(text) or any(not _YEAR.fullmatch(n.rstrip(",.")) for n in _NUMBER.findall(text)):
        return False  # a figure is news or its measure ('120,000 people remain without water', 'is down 31%')
    words = _words(unbullet(text))
    lists = _lists()
    if any(w in lists["saying"] for w in words):
        return False
    for i, word in enumerate(words):
        if word in lists["present"]:
            rest = [w for w in words[i + 1 : i + 5] if w not in lists["adverbs"] and not w.endswith("ly")]
            nxt = rest[0] if rest else ""
            return not (nxt.endswith(("ing", "ed")) or (len(nxt) > 4 and nxt.endswith("en"))
                        or nxt in lists["participles"] or (word in ("is", "are") and nxt == "to"))
        passive = words[i + 1 : i + 2] == ["by"]  # 'tablets made by other firms look …': a participle
        if not passive and (word in lists["past"] or (word.endswith("ed") and i > 0)):
            return False
    return False
