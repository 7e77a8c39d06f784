"""Immutable records passed from stage to stage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

ActorKind = Literal["person", "organisation", "country"]
QuoteKind = Literal["direct", "partial", "indirect"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a cleaned article: its number (from 1) and character span."""

    number: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Removed:
    """A line dropped by cleaning, and the rule that dropped it."""

    line: int
    text: str
    rule: str


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: metadata, text and paragraph spans."""

    path: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    slug: str | None = None
    content_hash: str = ""
    date_from_file: bool = False
    warnings: tuple[str, ...] = ()
    removed: tuple[Removed, ...] = ()
    dateline: str | None = None
    month_day: str | None = None  # '--MM-DD' when the only date found has no year (a dateline "Feb 13")
    date_basis: str | None = None  # where the date comes from: metadata, url, dateline, file name

    @property
    def words(self) -> int:
        """Word count of the cleaned text."""
        return len(self.text.split())

    def paragraph_at(self, offset: int) -> int:
        """Number of the paragraph containing a character offset (1-based)."""
        for para in self.paragraphs:
            if para.start <= offset < para.end:
                return para.number
        return self.paragraphs[-1].number if self.paragraphs else 1


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read, and why."""

    path: str
    reason: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of an article that names an actor, with what the context says about it."""

    start: int
    end: int
    text: str
    name: str
    kind: ActorKind
    role: str | None = None
    country: str | None = None
    affiliation: str | None = None
    rule: str = ""


@dataclass(frozen=True, slots=True)
class LocalQuote:
    """A quote or statement found in one article; the speaker is a local actor key."""

    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None
    cue: str | None
    paragraph: int
    sentence_start: int = 0
    sentence_end: int = 0
    display: str = ""  # how it is shown (reporting verb kept), filled after the quote stage (analyse.py)
    verb: str | None = None
    stance: str | None = None  # the stance it states, with its target (analyse.py), or none
    target: str | None = None
    rule: str = ""  # the id of the rule that found the quote and chose its speaker ("quote.cue_after.subject")
    stance_rule: str = ""  # the stance construction that read the stance ("stance.verb"), "" without one
    withheld: tuple[str, str, str] | None = None  # (stance, target, construction) of a label not shown (stances.yml)
    contains: tuple[int, ...] = ()  # a statement: the starts of the speaker's partial quotes inside it
    speaker_text: str | None = None  # a nameless source as written ("U.S. officials"); the speaker stays None


@dataclass(frozen=True, slots=True)
class LocalActor:
    """An actor as known inside one article (its key is the canonical name there)."""

    key: str
    name: str
    kind: ActorKind
    country: str | None
    affiliation: str | None
    roles: tuple[str, ...]
    aliases: tuple[str, ...]
    mentions: int
    rules: tuple[tuple[str, int], ...] = ()  # (rule id, how many of its mentions that rule made), by id


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the per-article map produces: the pure, cacheable unit of work."""

    article: Article
    actors: tuple[LocalActor, ...]
    quotes: tuple[LocalQuote, ...]
    warnings: tuple[str, ...] = ()  # why the article was not (fully) analysed; such results are not cached


@dataclass(frozen=True, slots=True)
class Source:
    """An article as listed in the briefing."""

    id: str
    path: str
    slug: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    words: int
    warnings: tuple[str, ...] = ()
    date_from_file: bool = False
    language: str | None = None  # ISO 639 code, stated or detected; None when unknown (analysed as English)
    month_day: str | None = None
    date_basis: str | None = None
    title_from_text: bool = False  # no headline: the title is the article's first words

    @property
    def day(self) -> str:
        """The date for display: '13 Feb 2025', '13 Feb' when only a year-less dateline dates it, or ''."""
        if self.published:
            return format_day(self.published)
        try:
            if self.month_day:
                return f"{int(self.month_day[5:7])} {_MONTH_NAMES[int(self.month_day[2:4]) - 1]}"
        except (ValueError, IndexError):
            return ""
        return ""


_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_day(value: str | None) -> str:
    """'2025-02-13' -> '13 Feb 2025' (other text is returned as it is)."""
    if not value:
        return ""
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{day.day} {_MONTH_NAMES[day.month - 1]} {day.year}"


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor merged across the corpus."""

    id: str
    name: str
    kind: ActorKind
    country: str | None
    affiliation: str | None
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    rules: tuple[tuple[str, int], ...] = ()  # provenance: (mention rule id, mentions it made), by id


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote or reported statement with its evidence location."""

    id: str
    text: str
    speaker: str | None
    source: str
    paragraph: int
    start: int
    end: int
    cue: str | None
    kind: QuoteKind
    topics: tuple[str, ...] = ()
    also_in: tuple[str, ...] = ()
    stance: str | None = None
    target: str | None = None
    display: str = ""
    verb: str | None = None
    rule: str = ""  # provenance: the id of the extraction rule that made this quote or statement
    stance_rule: str = ""  # provenance: the stance construction that read ``stance`` ("stance.verb"), or ""
    # (stance, target, construction) of a label read but not shown: its construction is not in stances.yml
    # ``shown`` (kept for measurement only: no page, matrix, position or claim reads it)
    withheld: tuple[str, str, str] | None = None
    contains_quotes: tuple[str, ...] = ()  # a statement: the ids of the speaker's partial quotes inside it
    speaker_text: str | None = None  # a nameless source as written ("U.S. officials"); never an actor


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic the briefing tracks."""

    id: str
    name: str
    description: str = ""
    cues: tuple[str, ...] = ()
    short: str = ""

    @property
    def label(self) -> str:
        """The short label for table columns (the name when no short label is set)."""
        return self.short or self.name


@dataclass(frozen=True, slots=True)
class Position:
    """What one actor (or country) said on one topic, with evidence."""

    actor: str
    topic: str
    summary: str
    evidence: tuple[str, ...]
    stance: str | None = None
    speakers: tuple[str, ...] = ()
    kind: str = "actor"
    target: str | None = None


StanceValue = Literal["for", "against"]


@dataclass(frozen=True, slots=True)
class Claim:
    """Statements that say the same thing, grouped across speakers, outlets, quotes and reported speech.

    Fields (stable; ``briefing.json`` ``claims`` has the same keys):
    ``id`` "c-" + hash of the evidence ids (stable across rebuilds of the same input);
    ``text`` the representative wording (the article's words of the best statement, speaker and verb kept for
    reported speech); ``target`` what the claim is for or against, in the article's words, or None;
    ``stance`` "for" / "against" only when every labelled statement of the group agrees on it, else None;
    ``topics`` topic ids of its statements (most frequent first); ``speakers`` actor ids (most statements
    first); ``countries`` the speakers' countries or international bodies (same order, no repeats);
    ``evidence`` quote ids (publication order); ``articles`` how many distinct articles carry it.
    """

    id: str
    text: str
    target: str | None
    stance: str | None
    topics: tuple[str, ...]
    speakers: tuple[str, ...]
    countries: tuple[str, ...]
    evidence: tuple[str, ...]
    articles: int

    @property
    def statements(self) -> int:
        """How many quotes and statements make the claim."""
        return len(self.evidence)


@dataclass(frozen=True, slots=True)
class Briefing:
    """The whole analysed corpus: what render, export and site consume."""

    sources: tuple[Source, ...]
    actors: tuple[Actor, ...]
    quotes: tuple[Quote, ...]
    positions: tuple[Position, ...] = ()
    topics: tuple[Topic, ...] = ()
    skipped: tuple[Skipped, ...] = field(default=())
    claims: tuple[Claim, ...] = ()
