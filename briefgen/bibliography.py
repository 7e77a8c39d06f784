"""Sources as a bibliography: a readable title for every article and dates completed across the corpus."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from typing import Any

from briefgen.corpus.metadata import after_dateline, complete_date
from briefgen.extract.lexicon import load_data
from briefgen.records import Article, Source

TITLE_WORDS = 12
LABEL_CHARS = 28  # a summary cites many times: a long label per link crowds out what the page says
_SENTENCE_END = re.compile(r"(?<=[.!?…])[”’\"')\]]*\s+(?=[“‘\"'(\[]?[A-Z0-9])")


@functools.cache
def _words() -> dict[str, Any]:
    data: dict[str, Any] = load_data("bibliography.yml")
    return data


@functools.cache
def _abbreviation() -> re.Pattern[str]:
    names = "|".join(re.escape(str(w)) for w in _words()["abbreviations"])
    return re.compile(rf"(?:\b[A-Z]\.)+$|\b(?:{names})\.$")


@functools.cache
def _abbreviation_reach() -> int:
    """How far before a full stop an abbreviation ending there can start (the longest one and its dot)."""
    return max([2, *(len(str(w)) + 1 for w in _words()["abbreviations"])])


def _weak_endings() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _words()["weak_endings"])


_CLOCK = re.compile(r"\b[ap]\.m\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a text; an initial ('U.S.') or 'Mr.' does not end one."""
    spans: list[tuple[int, int]] = []
    start = 0
    abbreviation, reach = _abbreviation(), _abbreviation_reach()
    for match in _SENTENCE_END.finditer(text):
        # only the characters just before the stop can hold an abbreviation ending there: looking at those
        # alone keeps this linear (the whole unfinished sentence made it quadratic: 27 s for 100 KB of "U.S.")
        if abbreviation.search(text, max(start, match.start() - reach), match.start()) is None and not (
            _CLOCK.search(text, max(start, match.start() - 5), match.start()) and text.startswith("(", match.end())
        ):  # '11:47 p.m. (1802 GMT), when …' goes on
            spans.append((start, match.start()))
            start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def first_sentence(text: str) -> str:
    """The first sentence of a text, without a leading dateline."""
    text = " ".join(text.split())
    text = text[after_dateline(text) :]
    spans = sentence_spans(text)
    return text[spans[0][0] : spans[0][1]].strip() if spans else ""


def title_from_text(text: str, limit: int = TITLE_WORDS) -> str | None:
    """A title for an article that has none: its first sentence, cut to ``limit`` words with '…'."""
    words = first_sentence(text).split()
    if not words:
        return None
    if len(words) <= limit:
        return " ".join(words).rstrip(".")
    cut = words[:limit]
    while len(cut) > limit // 2 and cut[-1].lower().strip(",;:") in _weak_endings():
        cut.pop()
    return " ".join(cut).rstrip(",;:—–-") + " …"


def complete_dates(sources: Sequence[Source]) -> tuple[Source, ...]:
    """Sources dated only by a year-less dateline take the year nearest the corpus's other dates."""
    known = [s.published for s in sources if s.published]
    out = []
    for s in sources:
        if s.published is None and s.month_day and (date := complete_date(s.month_day, known)):
            s = dataclasses.replace(s, published=date, date_basis="dateline, year from the corpus")
        out.append(s)
    return tuple(out)


def source_title(article: Article) -> tuple[str | None, bool]:
    """The article's title, or its first words when it has none (True then); never the file name."""
    if article.title:
        return article.title, False
    title = title_from_text(article.text)
    return title, title is not None


@functools.cache
def _leading_time() -> re.Pattern[str]:
    words = "|".join(re.escape(str(w)) for w in sorted(_words()["leading_time"], key=len, reverse=True))
    return re.compile(rf"(?i:(?:on|early|late|by)\s+)?(?i:{words})(?i:\s+(?:morning|afternoon|evening|night))?,\s+")


_OPENING_QUOTE = re.compile(r"(?<!\S)[‘“\"']")
_CLOSING_QUOTE = re.compile(r"[’”\"'](?![A-Za-z])")


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    opening = [m.start() for m in _OPENING_QUOTE.finditer(cut)]
    if opening and not _CLOSING_QUOTE.search(cut, opening[-1] + 1) and opening[-1] > 0:
        cut = cut[: opening[-1]]  # not "… Putin ‘not a …": a quotation cut open
    return cut.rstrip(",;:—–- ") + " …"


def citation_label(source: Source, limit: int = LABEL_CHARS) -> str:
    """A short citation label: the outlet, else the headline's first words, else the article's first words.

    The first words skip an opening time phrase ("On Thursday, …"); the summary shows them in italics, as
    the Sources page shows such titles. A source with none of these is "untitled article".
    """
    if source.outlet:
        return source.outlet
    if not source.title:
        return "untitled article"
    if not source.title_from_text:
        return _cut(source.title, limit)
    text = source.title.removesuffix("…").strip()
    lead = _leading_time().match(text)
    if lead and len(text) > lead.end():
        text = text[lead.end()].upper() + text[lead.end() + 1 :]
    return _cut(text, limit)
