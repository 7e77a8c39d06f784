"""The summary page's account of events: stories (articles grouped by their leads) and what happened in each.

Extractive and explainable: each article's lead sentences are compared by the content words they share
(weighted by how rare a word is in the corpus), articles with similar leads form a story, and within a
story the lead sentences that several articles share form an event, told in the words of one of them.
"""

from __future__ import annotations

import functools
import hashlib
import math
import pickle
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from briefgen import summary_events, summary_kinds
from briefgen.bibliography import citation_label, sentence_spans
from briefgen.cache import read_pickle
from briefgen.corpus.language import load_language_rules
from briefgen.corpus.metadata import after_dateline
from briefgen.extract.claims import article_context
from briefgen.extract.lexicon import lexicon, load_data
from briefgen.extract.quotes.coref import _gender_of, _word_gender
from briefgen.extract.quotes.marks import TIME_STAMP
from briefgen.extract.stance import polarity, same_words
from briefgen.records import Actor, Article, Claim, Quote, Source
from briefgen.summary_events import (
    counts,
    decided,
    decision,
    feature_time,
    fold_counts,
    objection,
    other_decisions,
    totals,
    units,
)
from briefgen.summary_kinds import NEXT, background, days_named, market, still_ahead, unbullet, unjoined, upcoming

LEAD_PARAGRAPHS = 8  # where an article's lead sentences are looked for
LEAD_SENTENCES = 3
STORY_SIMILARITY = 0.15  # an article joins a story when the names it mentions are this close to the story's
CORE_SHARE = 0.4  # two stories are one when this share of the smaller one's core names is the other's core ...
CORE_NAMES = 3  # ... and at least this many names ...
LEAD_SIMILARITY = 0.07  # ... and their leads' words (weighted by rarity) are this close (other stories: < 0.05)
EVENT_SIMILARITY = 0.25  # two lead sentences report the same event
MAX_WORDS = 40  # a longer event sentence is cut with '…'
SHORT_WORDS = 26  # ... and to this with several stories
MAX_SENTENCES = 8  # 'What happened' of a corpus with several stories: at most this many sentences
BODY_PARAGRAPHS = 12  # where other articles are searched for the same event
BODY_WORDS = 600  # the words of an article that decide its story
BODY_SAMPLE = 12  # the articles of a story whose later sentences are candidate events too ...
BODY_CANDIDATES = 12  # ... this many of each (an article's leads included)
DECISIONS_PER_ARTICLE = 12  # official decisions further down an article kept as event candidates
WIDELY = 3  # 'What happened' of one story may tell up to EXTRA more events that this many articles report
EXTRA = 3
TOLLS = 2  # ... and up to this many lines each giving a human toll (dead, displaced …) no line above gives
DECISIONS = 2  # ... and up to this many more official decisions that several articles report (a state of emergency)
MARKETS = 1  # ... and this many market reactions ('shares fell 31%')
ALSO_WORDS = 80  # the names of stories without a sentence take at most this many words on the summary ...
SHORT_LABEL = 32  # ... each cut to this many characters
STORY_SAMPLE = 40  # the articles of a story whose sentences are compared to find its events
STEM = 5  # words are compared by their first letters ("negotiations" ~ "negotiate")


@functools.cache
def _lists() -> dict[str, Any]:
    data: dict[str, Any] = load_data("summary.yml")
    return data


@functools.cache
def _ignored() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | frozenset(str(w).lower() for w in _lists()["generic"])


_ANOTHER = re.compile(r"\b(?:another|second|third|again)\b", re.IGNORECASE)  # a repeat is an event
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|\d+(?:[.,]\d+)?")


@functools.lru_cache(maxsize=1 << 16)  # the same claim, headline and event texts are compared many times
def stems(text: str) -> frozenset[str]:
    """The content words of a text, each cut to its first letters (stop words and news words left out)."""
    ignored = _ignored()
    out = set()
    for match in _WORD.finditer(text):
        word = re.sub(r"['’]s$", "", match.group(0).lower())
        if word in ignored or (len(word) < 3 and not word.isdigit()):
            continue
        out.add(word[:STEM])
    return frozenset(out)


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*|\b[A-Z]{2,}\b")


def names(text: str) -> frozenset[str]:
    """The names in a text (capitalised words not starting a sentence, acronyms), as stems: what tells
    one story from another better than its common words."""
    ignored = _ignored()
    out = set()
    for match in _NAME.finditer(text):
        word = re.sub(r"['’]s$", "", match.group(0)).lower()
        if word not in ignored:
            out.add(word[:STEM])
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Lead:
    """One lead sentence of an article: where it is and what it is about."""

    source: Source
    paragraph: int
    text: str
    stems: frozenset[str]
    order: int  # 0 for the article's first sentence


@dataclass(frozen=True, slots=True)
class Evidence:
    """An article that reports an event, and the paragraph where it does."""

    source: Source
    paragraph: int

    @property
    def href(self) -> str:
        """The link from the site root to the evidence paragraph."""
        return f"sources/{self.source.slug}.md#p{self.paragraph}"


@dataclass(frozen=True, slots=True)
class Event:
    """Something several articles report: one article's sentence, and every article that reports it."""

    text: str
    evidence: tuple[Evidence, ...]
    story: int
    earlier: str = ""  # a running count's first figure when it changed ('up from 9 dead, 14 Oct 2026')

    @property
    def articles(self) -> int:
        """How many articles report it."""
        return len({e.source.id for e in self.evidence})

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets that report it, in order of first report."""
        return tuple(dict.fromkeys(e.source.outlet for e in self.evidence if e.source.outlet))

    @property
    def day(self) -> str:
        """When it was first reported ('13 Feb 2025'), or '' when no report is dated."""
        return first_day(e.source for e in self.evidence)

    @property
    def first_reported(self) -> str:
        """The day it was first reported when the evidence link shown is undated, else '' (the line then gives a
        date already: 'Reuters, 30 Nov 2026, ¶1'; the Sources page dates every report)."""
        return self.day if not self.evidence[0].source.day else ""


@dataclass(frozen=True, slots=True)
class Story:
    """Articles whose leads tell the same story, its label words and its events (most reported first)."""

    number: int
    label: str
    sources: tuple[Source, ...]
    events: tuple[Event, ...]

    @property
    def short(self) -> str:
        """The name cut to SHORT_LABEL characters on a word boundary, for lists of many stories."""
        if len(self.label) <= SHORT_LABEL:
            return self.label
        return self.label[:SHORT_LABEL].rsplit(" ", 1)[0].rstrip(",;:") + " …"

    @property
    def outlets(self) -> tuple[str, ...]:
        """The story's distinct outlets."""
        return tuple(sorted({s.outlet for s in self.sources if s.outlet}))

    @property
    def days(self) -> str:
        """The story's date range: '3 Mar 2025', '3–5 Mar 2025', '28 Feb 2025 – 2 Mar 2025' ('' when undated)."""
        dated = sorted((s for s in self.sources if s.published or s.month_day), key=_date_key)
        if not dated:
            return ""
        first, last = dated[0].day, dated[-1].day
        if first == last:
            return first
        a, b = first.split(" ", 1), last.split(" ", 1)
        return f"{a[0]}–{last}" if a[1] == b[1] else f"{first} – {last}"  # '3–4 Mar 2025'


@dataclass(frozen=True, slots=True)
class Summary:
    """The summary page's account: every story, and the sentences of 'What happened' given to each."""

    stories: tuple[Story, ...]
    happened: tuple[Event, ...]
    articles: Mapping[str, Article] = field(default_factory=dict, compare=False, repr=False)  # by source id
    upcoming: tuple[Event, ...] = ()  # 'What comes next': a hearing, a vote, results due (summary_kinds.upcoming)

    @property
    def shown(self) -> tuple[Event, ...]:
        """The lines of 'What happened' and 'What comes next': the main claims share their words (a claim may still
        tell a demand a next step names: 'demanded an inquiry; a motion is due to be voted on Monday')."""
        return (*self.happened, *self.upcoming)

    def chronicle(self, claims: Sequence[ClaimView]) -> tuple[Event, ...]:
        """A one-story summary's lines in date order: the main event first, then the others and ``more`` by the
        date of the report each cites (an undated one by its first dated report; among one day's the order of their
        weight): the dates the reader sees beside the lines run forward."""
        lines = (*self.happened, *self.more(claims))
        if not lines:
            return ()
        return (lines[0], *sorted(lines[1:], key=_shown_day))

    @staticmethod
    def label(source: Source) -> str:
        """How the summary cites a source ("The Moscow Times", a headline's first words, or the text's)."""
        return citation_label(source)

    def claim_words(self, view: ClaimView) -> int:
        """Words a main claim takes on the page: speakers, words, its evidence link and 'N articles'."""
        source = next((s for story in self.stories for s in story.sources if view.quote and s.id == view.quote.source),
                      None)
        link = _cite_words(source) if source else (LINK_WORDS if view.quote else 0)
        return _words_shown(view) + link + (2 if view.articles > 1 else 0)

    @property
    def several(self) -> bool:
        """True when the corpus holds more than one story."""
        return len(self.stories) > 1

    def told(self, story: Story) -> tuple[Event, ...]:
        """The 'What happened' sentences given to a story."""
        return tuple(e for e in self.happened if e.story == story.number)

    def lines(self, story: Story, more: Sequence[Event] = ()) -> tuple[Event, ...]:
        """A story's sentences on the summary: its 'What happened' ones, then those of ``more`` (``Summary.more``)
        that are its own (they are the first story's: the template shows each under the story it tells)."""
        return self.told(story) + tuple(e for e in more if e.story == story.number)

    @property
    def untold(self) -> tuple[Story, ...]:
        """Stories too small for a sentence of their own (listed by name only)."""
        return tuple(s for s in self.stories if not self.told(s))

    def more(self, claims: Sequence[ClaimView]) -> tuple[Event, ...]:
        """Further events of a one-story corpus, or of a story holding DOMINANT of a corpus's articles, that
        several articles report, told after its 'What happened' sentences while they and the main claims leave
        words of their SUMMARY_WORDS (at most MORE of them), none repeating a claim shown: a short page tells
        more of what the outlets report."""
        if not self.stories or (self.several and len(self.stories[0].sources) < DOMINANT * sum(
                len(s.sources) for s in self.stories)):
            return ()
        left = SUMMARY_WORDS - sum(_event_words(e, several=self.several) for e in (*self.happened, *self.upcoming))
        left -= self.also_words
        left -= sum(self.claim_words(v) for v in claims)
        said = [stems((v.quote.display or v.quote.text) if v.quote else v.claim.text) for v in claims]
        speakers = {p.name.split()[-1] for v in claims for p in v.people if p.name.split()}
        # a sentence naming a claim's speaker in full with a verb of saying reports that speaker's statement ('The
        # IMF's representative, Clara Lind, has told us the fund was consulted' beside Lind's claim)
        full = [p.name for v in claims for p in v.people if len(p.name.split()) > 1]
        verbs = lexicon().cue_forms
        places = {(v.quote.source, v.quote.paragraph) for v in claims if v.quote}
        told = [(stems(e.text), e.text) for e in (*self.happened, *self.upcoming)]
        places |= {(e.evidence[0].source.id, e.evidence[0].paragraph) for e in self.upcoming}
        out: list[Event] = []
        # first what several articles report; then the first sentence of an article of the story no
        # sentence above is taken from (the Commission's call in a Brussels outlet, the inquiry in the
        # government's paper: one outlet's news is news too)
        shown = {e.evidence[0].source.id for e in self.happened}
        # (an article a main claim quotes still may: the claim shows what one person said, not its news)
        widely = [e for e in self.stories[0].events if e.articles >= 2]
        own: list[Event] = []
        first: dict[str, int] = {}  # each article's first paragraph any event is found in: its lead
        for e in self.stories[0].events:
            for ev in e.evidence:
                first[ev.source.id] = min(first.get(ev.source.id, ev.paragraph), ev.paragraph)
        for e in self.stories[0].events:
            if (e.articles == 1 and e.evidence[0].source.id not in shown
                    and e.evidence[0].paragraph == first[e.evidence[0].source.id]):
                shown.add(e.evidence[0].source.id)
                own.append(e)
        # a feature's scene goes on after its first sentence ('At four in the morning the night bus …. Most of them
        # will spend the next eight hours lifting suitcases …'): no line is taken from its paragraph
        scenes = {(e.evidence[0].source.id, e.evidence[0].paragraph) for e in self.stories[0].events
                  if feature_lede(e.text)}
        for n, e in enumerate(widely + own):
            if len(out) >= (MORE if n < len(widely) else MORE + OWN) or (
                    n >= len(widely) and any(o.evidence[0].source.id == e.evidence[0].source.id for o in out)):
                continue
            words = stems(e.text)
            cost = _event_words(e, _shorten(e.text, SHORT_WORDS) if self.several else e.text, self.several)
            if (cost > left or subject_name(e.text) in speakers or feature_lede(e.text)
                    or (e.evidence[0].source.id, e.evidence[0].paragraph) in scenes
                    or (any(name in e.text for name in full) and any(w.lower() in verbs for w in _WORD.findall(e.text)))
                    or _speaks(e.text, speakers, verbs)
                    or any(_overlaps(words, w) and not _other_day(e.text, t) for w, t in told)
                    or (e.evidence[0].source.id, e.evidence[0].paragraph) in places
                    or any(len(words & w) >= REPEATS * min(len(words), len(w)) for w in said if w)):
                continue
            out.append(replace(e, text=_shorten(e.text, SHORT_WORDS)) if self.several else e)
            told.append((words, e.text))
            left -= cost
        return tuple(out)

    @property
    def also_words(self) -> int:
        """Words the 'Also in this corpus' line takes: its opening, each story's short name and count, and
        'and N more stories' (0 when every story is told)."""
        if not self.untold:
            return 0
        named = sum(len(s.short.split()) + 1 for s in self.also)
        return 4 + named + (3 if len(self.untold) > len(self.also) else 0)

    @property
    def also(self) -> tuple[Story, ...]:
        """The untold stories named on the summary: as many as fit in ALSO_WORDS (the rest are counted)."""
        named: list[Story] = []
        left = ALSO_WORDS
        for story in self.untold:
            left -= len(story.short.split()) + 1
            if left < 0:
                break
            named.append(story)
        return tuple(named)


def _speaks(text: str, surnames: Iterable[str], verbs: Iterable[str]) -> bool:
    """True when a sentence has a speaker whose claim the page shows saying something, by surname and a verb of
    saying ('Speaking after the meeting, Rutte said it remains to be seen …' beside Mark Rutte's claim)."""
    words = _WORD.findall(text)
    cues = set(verbs)
    return any(w in surnames and i + 1 < len(words) and words[i + 1].lower() in cues for i, w in enumerate(words))


def _shown_day(event: Event) -> str:
    """The date of the report a line cites, else of its first dated report (ISO; '9999…' when none is dated)."""
    shown = event.evidence[0].source
    return _date_key(shown) if shown.published else min(_date_key(ev.source) for ev in event.evidence)


def _date_key(source: Source) -> str:
    return source.published or ("9999" + (source.month_day or "")[1:])


def first_day(sources: Iterable[Source]) -> str:
    """The earliest date among sources, for display ('' when none is dated)."""
    dated = sorted((s for s in sources if s.published or s.month_day), key=_date_key)
    return dated[0].day if dated else ""


def _is_caption(text: str) -> bool:
    return any(cue.lower() in text.lower() for cue in _lists()["caption"])


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _quoted_share(text: str) -> float:
    """How much of a sentence is inside quotation marks (a quote is a claim, not an account of events)."""
    return sum(len(m.group(0)) for m in _QUOTED.finditer(text)) / max(len(text), 1)


def leads(
    source: Source, article: Article, limit: int = LEAD_SENTENCES, paragraphs: int = LEAD_PARAGRAPHS
) -> list[Lead]:
    """The first few sentences of an article that read as reporting (not a caption, quote or fragment)."""
    found: list[Lead] = []
    previous = ""
    for para in article.paragraphs[:paragraphs]:
        block = article.text[para.start : para.end]
        # also below a byline ("ABU DHABI — The …"); a live blog's time stamp ("16:20 — The …") opens no sentence
        offset = after_dateline(block) or _place_colon(block) or _time_stamp(block)
        for start, end in sentence_spans(block[offset:]):
            # '- But she ordered …' in a live blog: 'She ordered …', told when the sentence before names her
            text = unjoined(unbullet(block[offset + start : offset + end].strip()))
            text, previous = resolve_subject(text, *subject_person(previous)), text
            words = text.split()
            if (
                len(words) < 8
                or not text.endswith((".", "”", '"', "’"))
                or text.startswith(("“", '"', "‘"))
                or _is_caption(text)
                or text.endswith("?")
                or _quoted_share(text) > 0.5
                or words[0].lower() in _lists()["anaphora"]
                or (found and len(words) > 1 and words[0] == "The" and words[1].lower() in _lists()["anaphoric_nouns"])
                or text.count("“") != text.count("”")
                or text.count('"') % 2  # a sentence cut out of a quote ('We stand with you," she said.')
            ):
                continue
            if len(found) >= LEAD_SENTENCES and _points_back(text) and not (decision(text) or market(text)):
                continue  # out of the lead, 'echoed her concerns' or 'rejected the accusation' needs its context; an
                # authority's decision does not ('The judge also ordered a retest')
            found.append(Lead(source, para.number, text, stems(text), len(found)))
            if len(found) == limit:
                return found
    return found


_PRONOUN_SUBJECT = re.compile(r"^((?:[A-Z][\w’'-]*(?: [\w’'-]+){0,3}, )?)([Hh]e|[Ss]he) (?=[a-z])")
@functools.cache
def _named_subject() -> re.Pattern[str]:
    """A sentence opened by a name: an optional opening phrase ('On Monday, '), then capitalised words and
    lowercase role words ('union leader', 'foreign minister'), the surname, an optional aside, then a verb."""
    roles = "|".join(re.escape(str(w)) for w in _lists()["roles"])
    return re.compile(
        r"^(?:[A-Z][\w’'-]*(?: [\w’'-]+){0,3}, )?(?:(?:Mr|Ms|Mrs|Dr)\.? )?"
        rf"((?:(?:[A-Z][\w.’'-]*[\w.]|{roles}) (?:of (?:the )?)?)*?)"
        r"([A-Z][a-z][\w’'-]*[a-z])(?:,[^,]{1,80},)? (?!(?:of|the|and|or|for|in|on|at|to|a|an|with|from)\b)"
        rf"(?!(?:{roles})\b)(?=[a-z])"
    )


def subject_name(sentence: str) -> str:
    """The person a sentence is about when a name opens it and a verb follows ('U.S. Secretary of Defense Pete
    Hegseth told …', 'Mr Trump held …', 'Trump, who …, said …' -> 'Hegseth', 'Trump'), else ''."""
    match = _named_subject().match(sentence)
    if not match or match.group(2).lower() in _ignored() or match.group(2).endswith(("'s", "’s")):
        return ""
    name = match.group(2)
    lex = lexicon()
    if name in lex.places or name in lex.capitals or name in lex.demonyms:
        return ""  # 'Britain said …', 'Moscow denied …': a 'he' after it is not Britain
    return name


@functools.cache
def _full_given_name() -> dict[str, str]:
    """Short form of a given name -> its full form ("Tom" -> "Thomas"), from first_names.yml's nicknames."""
    data = load_data("first_names.yml")
    return {str(n): str(full) for full, shorts in (data.get("nicknames") or {}).items() for n in shorts}


def pronoun_of(name_words: Sequence[str]) -> str | None:
    """ "he"/"she" for a person written with a gendered honorific or title or a given name of one gender (the
    genders coreference reads, a short form by its full name), else None."""
    gender = _gender_of("", (" ".join(name_words),)) or next(
        (g for w in name_words if (full := _full_given_name().get(w)) and (g := _word_gender(full))), None
    )
    return {"male": "he", "female": "she"}.get(gender or "")


def subject_person(sentence: str) -> tuple[str, str | None]:
    """The person a sentence opens with (as ``subject_name``) and the pronoun their name or honorific gives
    ("Finance Minister Anna Lund met …" -> ("Lund", "she")); ("", None) for no person ('Police said …')."""
    name = subject_name(sentence)
    match = _named_subject().match(sentence) if name else None
    if match is None:
        return "", None
    before = sentence[: match.start(2)].split()
    return name, pronoun_of(before[-2:])


def resolve_subject(sentence: str, name: str, pronoun: str | None = None) -> str:
    """A sentence whose subject is 'he' or 'she' with the person it refers to in brackets, the journalistic
    convention ('Hours later, he briefed …' -> 'Hours later, [Trump] briefed …'), when the sentence before it
    opens with that person's name (``name``) and their name gives that pronoun (``pronoun``: never a guess —
    'Police said …' or 'Anna Lund … He told her' bracket nobody); unchanged otherwise."""
    match = _PRONOUN_SUBJECT.match(sentence) if name and pronoun else None
    if match is None or re.search(r"\b(?:he|she|him|her)\b", sentence[: match.start(2)], re.IGNORECASE):
        return sentence
    if match.group(2).lower() != pronoun:
        return sentence
    return f"{match.group(1)}[{name}] {sentence[match.end():]}"


_PLACE_COLON = re.compile(r"([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2}): (?=[A-Z])")


def _place_colon(block: str) -> int:
    """Where a paragraph's words start after a capital's name and a colon ('New Delhi: An Indian Air Force
    aircraft …', the dateline of some outlets), 0 without one ('Analysis: …', 'Ukraine: …')."""
    match = _PLACE_COLON.match(block)
    return match.end() if match and match.group(1) in lexicon().capitals else 0


def _time_stamp(block: str) -> int:
    """Where a paragraph's words start after a live blog's time stamp ('16:20 — The Red Cross …', '9.05am:
    …'), 0 without one ('10.5 million people …' is no time stamp)."""
    match = TIME_STAMP.match(block)
    return match.end() if match else 0


def _points_back(text: str) -> bool:
    """True when a sentence refers to something said before it (a pronoun, 'also', 'the accusation')."""
    return bool({w.lower() for w in _WORD.findall(text)} & set(_lists()["points_back"]))


def _idf(docs: Sequence[frozenset[str]]) -> dict[str, float]:
    df: Counter[str] = Counter(w for d in docs for w in d)
    n = len(docs)
    # log(1 + N/df): a word every document shares still weighs something (in a one-story corpus every
    # article names the same people), a word of one document weighs most
    return {w: math.log(1 + n / c) for w, c in df.items()}


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def _unit(vec: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm else {}


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[k] for k, v in a.items() if k in b)


def _vector(words: Iterable[str], idf: Mapping[str, float]) -> dict[str, float]:
    return {w: idf.get(w, 0.0) for w in words}


def _group(items: Sequence[dict[str, float]], threshold: float) -> list[list[int]]:
    """Greedy grouping: each item joins the group whose summed vector is closest, if close enough."""
    groups: list[list[int]] = []
    centroids: list[dict[str, float]] = []
    for i, vec in enumerate(items):
        best, score = -1, threshold
        for g, centroid in enumerate(centroids):
            s = _cosine(vec, centroid)
            if s >= score:
                best, score = g, s
        if best < 0:
            groups.append([i])
            centroids.append(dict(vec))
        else:
            groups[best].append(i)
            for k, v in vec.items():
                centroids[best][k] = centroids[best].get(k, 0.0) + v
    return groups


def _core(members: Sequence[int], words: Sequence[frozenset[str]]) -> frozenset[str]:
    """The names most of a story's articles mention (all of an article's names when it is alone)."""
    if len(members) == 1:
        return words[members[0]]
    counts = Counter(w for i in members for w in words[i])
    return frozenset(w for w, n in counts.items() if n >= max(2, len(members) / 2))


def _merge_cores(
    groups: list[list[int]], words: Sequence[frozenset[str]], lead_vectors: Sequence[Mapping[str, float]] = ()
) -> list[list[int]]:
    """Stories whose core names largely coincide and whose leads tell of the same things are one story: in a
    corpus that is all one story, its shared names are common and weigh little, so an article whose own
    names (byline, one-off speakers) dominate starts a story of its own; its core still holds the story's
    places and parties. The leads guard against a few generic names ('South', 'National', 'Election')
    joining a power-cut story to an election. Each pass takes the smallest story first, each joining the
    bigger story whose core it shares most."""
    for _ in range(MERGE_PASSES):  # a story grown by a merge may now take one it could not before
        merged = _merge_pass(groups, words, lead_vectors)
        if len(merged) == len(groups):
            break
        groups = merged
    return groups


MERGE_PASSES = 4
COMMON = 0.5  # names this share of a corpus's articles mention (three or more) are its common names
SIGNATURE = 0.8  # names this share of a corpus's articles mention (three or more) make its stories one


def _merge_pass(
    groups: list[list[int]], words: Sequence[frozenset[str]], lead_vectors: Sequence[Mapping[str, float]]
) -> list[list[int]]:
    groups = sorted(groups, key=lambda m: (-len(m), m[0]))
    cores = [_core(g, words) for g in groups]
    # the names nearly every article of the corpus mentions (the place and country of a corpus that is one
    # story): two stories whose cores both hold them are one, whatever their side names (the survivors
    # quoted in one, the opposition leader in the other)
    counts = Counter(w for ws in words for w in ws)
    signature = frozenset(w for w, n in counts.items() if n >= SIGNATURE * len(words) and n > 2)
    signature = signature if len(signature) >= CORE_NAMES else frozenset({""})
    # the names at least half the corpus's articles mention (its place, its ship, its city): two stories whose
    # cores share CORE_NAMES of them are one, however many side names each has (a Red Cross desk and its
    # volunteers in one, the opposition and the minister in the other)
    common = frozenset(w for w, n in counts.items() if n >= COMMON * len(words) and n > 2)
    leads_of = [_centroid(g, lead_vectors) for g in groups]
    alive = [True] * len(groups)
    for small in range(len(groups) - 1, 0, -1):
        best, share = -1, CORE_SHARE
        for big in range(small):
            if not alive[big]:
                continue
            shared = len(cores[small] & cores[big])
            ratio = shared / max(1, min(len(cores[small]), len(cores[big])))
            if len(cores[small] & cores[big] & common) >= CORE_NAMES:
                ratio = max(ratio, CORE_SHARE)
            if signature <= cores[small] and signature <= cores[big]:
                shared, ratio = max(shared, len(signature)), 1.0
            if shared >= CORE_NAMES and ratio >= share and (
                not lead_vectors or _cosine(leads_of[small], leads_of[big]) >= LEAD_SIMILARITY
            ):
                best, share = big, ratio
        if best >= 0:
            groups[best] = sorted(groups[best] + groups[small])
            cores[best] = _core(groups[best], words)
            leads_of[best] = _centroid(groups[best], lead_vectors)
            alive[small] = False
    return [g for g, keep in zip(groups, alive, strict=True) if keep]


def _centroid(members: Sequence[int], vectors: Sequence[Mapping[str, float]]) -> dict[str, float]:
    out: dict[str, float] = defaultdict(float)
    for i in members:
        if i < len(vectors):
            for k, v in vectors[i].items():
                out[k] += v
    return out


def _shorten(text: str, limit: int = MAX_WORDS) -> str:
    words = text.split()
    return text if len(words) <= limit else " ".join(words[:limit]).rstrip(",;:") + " …"


def _sentences(article: Article) -> list[tuple[int, frozenset[str]]]:
    """(paragraph, content words) of each sentence in an article's first paragraphs."""
    out: list[tuple[int, frozenset[str]]] = []
    for para in article.paragraphs[:BODY_PARAGRAPHS]:
        block = article.text[para.start : para.end]
        out.extend((para.number, stems(block[a:b])) for a, b in sentence_spans(block))
    return out


def _events(
    story: int, story_leads: Sequence[Lead], body: Mapping[str, Sequence[tuple[int, frozenset[str]]]]
) -> tuple[Event, ...]:
    """A story's events: lead sentences ranked by how many of the story's articles report the same thing
    (a sentence anywhere in their first paragraphs close to it), each told once."""
    idf = _idf([words for sentences in body.values() for _, words in sentences])
    # unit vectors: a cosine is then a dot product (a 1,000-article corpus compares ~10^5 sentence pairs)
    vectors = {sid: [(p, _unit(_vector(words, idf))) for p, words in sentences] for sid, sentences in body.items()}
    by_id = {lead.source.id: lead.source for lead in story_leads}
    main = main_lead(story_leads, idf)
    candidates: list[tuple[tuple[Any, ...], Lead, list[Evidence], dict[str, float]]] = []
    for lead in story_leads:
        vec = _unit(_vector(lead.stems, idf))
        evidence = [Evidence(lead.source, lead.paragraph)]
        for sid, sentences in vectors.items():
            if sid == lead.source.id:
                continue
            best, where = EVENT_SIMILARITY, 0
            for paragraph, other in sentences:
                score = _dot(vec, other)
                if score >= best:
                    best, where = score, paragraph
            if where:
                evidence.append(Evidence(by_id[sid], where))
        # the story's main event first (the first sentence most of its articles lead with), then the most
        # widely reported; among equals an article's lead before its later sentences
        rank = (lead is not main, -len(evidence), lead.order >= LEAD_SENTENCES, feature_lede(lead.text),
                lead.order, len(lead.text), lead.source.path)
        candidates.append((rank, lead, evidence, vec))
    events: list[Event] = []
    chosen: list[tuple[int, dict[str, float]]] = []  # (the event, a sentence's vector) of every sentence told
    texts: list[tuple[int, str]] = []  # (the event, a sentence's text) of every sentence told
    told: list[tuple[frozenset[str], frozenset[tuple[str, int]]]] = []
    words_of: list[frozenset[str]] = []  # each event's content words
    richer: set[int] = set()  # events already told in a fuller sentence
    leads_of_main: list[dict[str, float]] = []  # other outlets' leads the main event absorbed
    for _, lead, evidence, vec in sorted(candidates, key=lambda c: c[0]):
        first, rest = evidence[0], sorted(evidence[1:], key=lambda e: (_date_key(e.source), e.source.path))
        event = Event(_shorten(lead.text), (first, *rest), story)
        places = frozenset((e.source.id, e.paragraph) for e in evidence)
        same = [i for i, other in chosen if _dot(vec, other) >= EVENT_SIMILARITY or _same_figure(vec, other)]
        same = same or [i for i, text in texts if same_quantity(lead.text, text)]
        # a move the other way is another event ('the cedi clawed back 4% on Thursday' after 'the cedi lost 14% in
        # November'), however many words they share
        same = [i for i in same if not any(j == i and opposite_moves(lead.text, text) for j, text in texts)]
        # so are two decisions by different verbs ('Congress summoned the minister' / 'the cabinet declared an
        # emergency, and the minister ordered the mine shut')
        same = [i for i in same if not any(j == i and other_decisions(lead.text, text) for j, text in texts)]
        if not same and lead.order == 0:  # another outlet's lead, close to a lead the main event absorbed
            same = [0 for other in leads_of_main if _dot(vec, other) >= EVENT_SIMILARITY]
        # close to the main event but on another day: what followed it ('Operations at the two terminals hit by
        # the attack resumed on Thursday' after 'An attack shut down two terminals on Tuesday'); not when the
        # main event's sentence already holds most of its words ('A train derailed near Brateni late on Sunday'
        # after 'Police evacuated 4,300 people on Monday after a train derailed near Brateni': the day named
        # was the evacuation's, the derailment is told)
        own = main is not None and bool(events) and _other_day(lead.text, events[0].text) and (bool(
            lead.stems - words_of[0] - _time_words()) or _ANOTHER.search(lead.text) is not None)
        if same and same[0] == 0 and own:
            same = same[1:]
        if same:
            # the same event, already told by a better-supported sentence; a sentence that tells it with
            # much more (the place, the day) and at least half its reports takes its place
            i = same[0]
            if (i not in richer and (i or main is None or lead.order == 0)  # the main event: another lead
                    and len(lead.stems) >= RICHER * len(words_of[i]) and _covers(lead.stems, words_of[i])
                    and 2 * event.articles >= events[i].articles and len(lead.text.split()) <= MAX_WORDS):
                events[i], words_of[i] = event, lead.stems
                richer.add(i)
                chosen.append((i, vec))
                texts.append((i, lead.text))
                told.append((lead.stems, places))
            elif i == 0 and main is not None:
                # another outlet's report of the main event: its articles report the main event, and another
                # outlet's lead close to this lead is the main event again (not a later sentence: a lead
                # telling the main event and a second fact must not swallow the second fact's reports)
                have = {e.source.id for e in events[0].evidence}
                extra = tuple(e for e in event.evidence if e.source.id not in have)
                events[0] = replace(events[0], evidence=(*events[0].evidence, *sorted(
                    extra, key=lambda e: (_date_key(e.source), e.source.path))))
                if lead.order == 0:
                    leads_of_main.append(vec)
            continue
        if any(_retells(lead.stems, places, words, where) for n, (words, where) in enumerate(told) if n or not own):
            continue  # the same event in other words, found in the same paragraphs
        chosen.append((len(events), vec))
        texts.append((len(events), lead.text))
        told.append((lead.stems, places))
        words_of.append(lead.stems)
        events.append(event)
    return tuple(events)


_FROM_TO = re.compile(r"From [^,;]{2,60}? to [^,;]{2,60},")  # a span of places opening a sentence


def feature_lede(sentence: str) -> bool:
    """True for a feature's opening: a scene or a span of time before the subject (summary.yml feature_openers:
    'For centuries the islanders have fought the sea.', 'On the pier where the ferry left, mothers sat waiting.',
    'Seven years after the last sinking, overloading is routine.'), naming no day and attributing nothing; told
    after the sentences that report ('On Monday the council announced …', 'In a statement, police said …',
    'Norway's Labour party won the most seats …')."""
    span = _FROM_TO.match(sentence)
    if span and not _days(span.group(0)) and not re.search(r"\d", sentence) and not decision(sentence):
        return True  # 'From the taxi ranks to the guesthouses of Alfama, businesses …': a scene, whatever day it names
    words = [w.lower() for w in _WORD.findall(sentence)]
    lists = _lists()
    if not words or not (words[0] in lists["feature_openers"] or set(words[:4]) & set(lists["feature_spans"])
                         or feature_time(sentence)):
        return False
    if _days(sentence) or re.search(r"\b(?:according to|overnight|this week|last week|last night)\b", sentence, re.I):
        return False
    if re.search(r"\d|\b(?:at least|at most|first time|a surprise)\b", sentence, re.I) or decision(sentence):
        return False  # 'At least 40 people were killed …', 'For the first time, the bank cut …' report
    verbs = lexicon().cue_forms
    return not any(w in verbs for w in words)


MAIN_ARTICLES = 3  # a story of this many articles opens with the first sentence most of them lead with


def main_lead(story_leads: Sequence[Lead], idf: Mapping[str, float]) -> Lead | None:
    """The first sentence closest to the other articles' first sentences (content words weighted by rarity):
    what most outlets lead with, the story's main event ('A ransomware attack shut down two terminals …'
    rather than 'The port repeated it would not pay', told lower down by more of them); among those nearly as
    close (NEAR), the earliest report's: the first report leads with the event, later ones with what followed
    ('Operations at the terminals hit by the attack resumed on Thursday'). None below MAIN_ARTICLES articles."""
    firsts = [lead for lead in story_leads if lead.order == 0]
    if len({lead.source.id for lead in firsts}) < MAIN_ARTICLES:
        return None
    vectors = [_unit(_vector(lead.stems, idf)) for lead in firsts]
    total: dict[str, float] = defaultdict(float)  # the sum of the unit vectors: each lead's closeness to the
    for v in vectors:  # others is its dot with the sum less its own (one pass, not all pairs)
        for k, x in v.items():
            total[k] += x
    central = [round(_dot(v, total) - _dot(v, v), 9) for v in vectors]  # rounded: equal sums tie, as pairs did
    top = max(central)
    if top <= 0:
        return None
    near = [i for i in range(len(firsts)) if central[i] >= NEAR * top]
    # a preview ('Ministers will meet on Tuesday to …') is no report of the event when one is near
    near = [i for i in near if not _PREVIEW.search(firsts[i].text)] or near
    return firsts[min(near, key=lambda i: (not (firsts[i].source.published or firsts[i].source.month_day),
                                           _date_key(firsts[i].source), -central[i], firsts[i].source.path))]


_PREVIEW = re.compile(r"\b(?:will|are|is) (?:expected|set|due|scheduled|poised) to\b|\b(?:will|shall) (?!not\b|have\b)"
                      r"[a-z]+\b", re.IGNORECASE)
NEAR = 0.8  # a first sentence this close to the other leads as the closest one is as much the main event


RICHER = 2  # a sentence with this many times the content words of an event told before, most of them ...
COVERS = 0.6  # ... (this share, compared by their first 4 letters: 'killed' ~ 'killing'), tells it better


@functools.cache
def _moves() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns of summary.yml moves: words of a rise and of a fall."""
    def pattern(words: Iterable[object]) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(re.escape(str(w)) for w in words) + r")\b", re.IGNORECASE)

    moves = _lists()["moves"]
    return pattern(moves["up"]), pattern(moves["down"])


def opposite_moves(text: str, other: str) -> bool:
    """True when one sentence tells only of a rise and the other only of a fall (summary.yml moves: 'The cedi
    rebounded 4% on Thursday' / 'The cedi lost 14% in November'); False when either tells of both or neither."""
    up, down = _moves()

    def way(sentence: str) -> int:
        rise, fall = bool(up.search(sentence)), bool(down.search(sentence))
        return 0 if rise == fall else (1 if rise else -1)

    a, b = way(text), way(other)
    return a * b == -1


@functools.cache
def _time_words() -> frozenset[str]:
    """Stems of summary.yml time_words: a sentence adding only these to the main event's words tells when, not
    what happened next."""
    return stems(" ".join(str(w) for w in _lists()["time_words"]))


def _covers(words: frozenset[str], event_words: frozenset[str]) -> bool:
    """True when a sentence holds most of an event sentence's content words."""
    mine = {w[:4] for w in words}
    return bool(event_words) and sum(w[:4] in mine for w in event_words) >= COVERS * len(event_words)


_DAY = re.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight"
                  r"|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
                  r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b)", re.IGNORECASE)


def _days(text: str) -> frozenset[str]:
    return frozenset(" ".join(m.group(0).lower().replace(".", "").split()) for m in _DAY.finditer(text))


def _other_day(text: str, event_text: str) -> bool:
    """True when two sentences both name a day and share none ('resumed on Thursday' / 'shut down on Tuesday'):
    they tell two events, however many words they share."""
    mine, theirs = _days(text), _days(event_text)
    if not (mine and theirs) or mine & theirs:
        return False
    # a weekday, 'yesterday' and a date may name one day ('on Sunday' / 'on 14 June'): only two of one kind differ
    return any(_day_kind(a) == _day_kind(b) for a in mine for b in theirs)


def _day_kind(day: str) -> str:
    """The kind of a day ``_DAY`` found: 'relative' (today, yesterday, tonight), 'weekday' or 'date' ('14 june')."""
    if day in _RELATIVE_DAYS:
        return "relative"
    return "weekday" if day.endswith("day") else "date"


_RELATIVE_DAYS = frozenset(["today", "yesterday", "tonight"])  # the relative days ``_DAY`` finds


RETOLD_WORDS = 0.4  # a sentence retells an event when this share of its words are the event's ...
RETOLD_PLACES = 0.5  # ... and this share of the paragraphs that report it report the event


def _retells(
    words: frozenset[str], places: frozenset[tuple[str, int]], event_words: frozenset[str],
    event_places: frozenset[tuple[str, int]],
) -> bool:
    """A sentence says again what an event told: many of its words are the event's and most of the paragraphs
    that report it report the event ('The deal was signed by the foreign ministers in Luanda on Saturday' after
    'Congo and Rwanda signed a ceasefire in Luanda on Saturday'); a new fact in the same lead paragraph has
    words of its own ('… but the rebels rejected it')."""
    return (
        bool(words) and len(places) > 1
        and len(words & event_words) >= RETOLD_WORDS * len(words)
        and len(places & event_places) >= RETOLD_PLACES * len(places)
    )


def _same_figure(a: Mapping[str, float], b: Mapping[str, float]) -> bool:
    """Two sentences sharing a figure and two more content words tell the same fact in other words
    ('leave their positions around Goma within 30 days' / 'withdraw from positions around Goma within 30 days')."""
    shared = a.keys() & b.keys()
    return any(_is_figure(w) for w in shared) and len(shared) >= 3


def _is_figure(word: str) -> bool:
    """True for a number as ``stems`` keeps it ('300', '24.5', '4,300', '120,0' for 120,000)."""
    return word[:1].isdigit() and word.replace(",", "").replace(".", "").isdigit()


_FIGURE_WORDS = re.compile(r"\d[\d.,]*\d|\d|[A-Za-z][A-Za-z'’-]*[A-Za-z]")
NEAR_FIGURE = 3  # a content word this many words from a figure tells what the figure counts


def same_quantity(text: str, other: str) -> bool:
    """Two sentences giving one figure (two digits or more, not a year) counting the same thing: a word that is no
    unit (summary.yml units: 'per cent', 'million', 'euros') within NEAR_FIGURE words of it in both ('evacuated
    about 4,300 people' / 'About 4,300 people were evacuated from …'), no verb beside it in one that the other's
    verbs lack ('Voltra will cut 2,000 jobs' / 'a rival plans to create 2,000 jobs'; 'freed 40 hostages' / 'seized
    40 hostages'), and the first no figure the second lacks; 'a record low of 19.8' / 'the cedi rose back from
    19.8' share the figure, not what it counts, and 'cut its rate to 12.5 per cent' / 'inflation rose to 12.5 per
    cent' share only the unit."""
    mine, theirs = _around_figures(text), _around_figures(other)
    if mine.keys() - theirs.keys():
        return False  # a figure of its own is a fact of its own ('58 tonnes escaped … 120,000 people downstream')
    for f in mine.keys() & theirs.keys():
        (nouns, verbs), (other_nouns, other_verbs) = mine[f], theirs[f]
        if (nouns & other_nouns or verbs & other_verbs) and (not verbs or not other_verbs or verbs & other_verbs):
            return True
    return False


@functools.lru_cache(maxsize=1 << 14)  # each told sentence is compared with every later candidate: read it once
def _around_figures(sentence: str) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Each figure of a sentence (two digits or more, not a year) with the words within NEAR_FIGURE words of it
    that are no unit, as (other words, verbs: '-ed' forms and summary.yml figure_verbs), by their first letters."""
    tokens = _FIGURE_WORDS.findall(sentence)
    ignored, unit_words = _ignored(), units()
    verb_forms = {str(w) for w in _lists()["figure_verbs"]}
    found: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for i, token in enumerate(tokens):
        figure = token.rstrip(".,")
        if not figure[:1].isdigit() or len(figure.replace(",", "").replace(".", "")) < 2 or _YEAR.fullmatch(figure):
            continue
        nouns, verbs = set(found.get(figure, ((), ()))[0]), set(found.get(figure, ((), ()))[1])
        for word in tokens[max(0, i - NEAR_FIGURE) : i] + tokens[i + 1 : i + 1 + NEAR_FIGURE]:
            word = re.sub(r"['’]s$", "", word.lower())
            if word in ignored or word in unit_words or len(word) < 3 or word[:1].isdigit():
                continue
            (verbs if word.endswith("ed") or word in verb_forms else nouns).add(word[:4])
        found[figure] = (frozenset(nouns), frozenset(verbs))
    return found


_NAME_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*")


LABEL_WORDS = 8  # a story named by a headline: its first clause, at most this many words


def _headline_label(sources: Sequence[Source], events: Sequence[Event]) -> str:
    """A story's name from its articles' headlines: the one sharing most words with the others and the main
    event (ties: the shorter), cut to its first clause ('ECB holds rates steady, signals …' -> 'ECB holds
    rates steady'); '' when no article has a headline."""
    titles = [s.title for s in sources[:STORY_SAMPLE] if s.title and not s.title_from_text]
    if not titles:
        return ""
    main = stems(events[0].text) if events else frozenset()
    words = [stems(t) for t in titles]
    best = min(range(len(titles)), key=lambda i: (
        -sum(len(words[i] & w) for j, w in enumerate(words) if j != i) - len(words[i] & main),
        len(titles[i]), titles[i]))
    title = titles[best]
    genre = re.match(r"([^:]{1,20}):\s", title)  # 'Analysis: …', 'Live: …', 'EXCLUSIVE: …'
    if genre and len(genre.group(1).split()) <= 2 and len(title[genre.end():].split()) >= 4:
        title = title[genre.end():]
    for cut in re.finditer(r"[;:]\s|,\s|\s[–—-]\s|\s(?:as|after|but|while)\s", title):
        if len(title[: cut.start()].split()) >= 4:
            title = title[: cut.start()]
            break
    return _shorten(title.strip(" '‘’\"“”"), LABEL_WORDS)


def _label(events: Sequence[Event], story_leads: Sequence[Lead], idf: Mapping[str, float]) -> str:
    """A few words that name a story: the names in its main event's sentence (runs of capitalised words),
    then the rarest words most of its leads share, as the articles write them."""
    ignored = _ignored()
    picked: list[str] = []
    seen: set[str] = set()

    def add(name: str) -> None:
        keys = {w.lower()[:4] for w in name.split()}
        if not keys & seen and len(picked) < 3:
            seen.update(keys)
            picked.append(name)

    if events:
        text = re.sub(r"['’]s\b", " ,", events[0].text)
        # names written mid-sentence somewhere in the story, by their first letters ('Kenyan' ~ 'Kenya')
        mid = {w.lower()[:STEM] for lead in story_leads for m in _NAME_RUN.finditer(lead.text)
               for w in m.group(0).split()[0 if m.start() else 1 :]}  # 'The Kenyan government': 'Kenyan'
        for match in _NAME_RUN.finditer(text):
            words = [w.rstrip(".,") for w in match.group(0).split()]
            words = [w for w in words if w and not (w.isupper() and len(w) > 5)]
            while words and words[0].lower() in ignored:  # 'of' inside a name stays: 'Republic of Congo'
                words.pop(0)
            while words and words[-1].lower() in ignored:
                words.pop()
            if match.start() == 0 and len(words) == 1 and not words[0].isupper() and words[0].lower()[:STEM] not in mid:
                continue  # "Tens of thousands …": capitalised only because it starts the sentence
            if words:
                add(" ".join(words))
    counts: Counter[str] = Counter()
    surface: dict[str, Counter[str]] = defaultdict(Counter)
    for lead in story_leads:  # a word of an article's first sentence counts most
        counts.update({w: 1 / (1 + lead.order) for w in lead.stems})
        for match in _WORD.finditer(lead.text):
            word = re.sub(r"['’]s$", "", match.group(0))
            surface[word.lower()[:STEM]][word] += 1
    for w in sorted(counts, key=lambda w: (-counts[w] * idf.get(w, 0.0), w)):
        if len(picked) >= 2:
            break
        if w in surface and not w.isdigit():
            add(surface[w].most_common(1)[0][0])
    return ", ".join(picked)


@dataclass(frozen=True, slots=True)
class ArticleDigest:
    """What the summary reads from one article alone, computed once per article content: its lead sentences
    and names, and (when its story samples it) its later candidate sentences and every sentence's words."""

    leads: tuple[tuple[int, str, frozenset[str], int], ...]  # (paragraph, text, content words, order)
    names: frozenset[str]
    later: tuple[tuple[int, str, frozenset[str], int], ...] | None = None
    sentences: tuple[tuple[int, frozenset[str]], ...] | None = None


DIGEST_VERSION = "7"  # part of every digest key: a cache kept between builds is void when this changes

# digests of the articles summarised in this process, by content key (a long-running process or a test suite
# summarising many corpora keeps at most DIGESTS of them)
_DIGESTS: dict[str, ArticleDigest] = {}
DIGESTS = 50_000


def _headline(title: str | None) -> str:
    """A headline to read names from, closed as a sentence ('Govt orders probe into Lake Victoria ferry
    accident' names Lake Victoria when the article's text does not), '' for a Title Case headline (its
    capitals are not names)."""
    if not title:
        return ""
    words = [w for w in title.split()[1:] if len(w) > 3 and w[0].isalpha()]
    if words and sum(w[0].isupper() for w in words) > TITLE_CASE * len(words):
        return ""
    return title.rstrip(" .") + ". "


TITLE_CASE = 0.6  # a headline with more than this share of its longer words capitalised is in Title Case


DATA_FILES = ("summary.yml", "roles.yml", "cues.yml", "first_names.yml")  # the word lists an article's leads read
_DATA: list[tuple[object, str]] = []  # (the lexicon in force, the hash of the word lists read with it)


def data_key() -> str:
    """A hash of the word lists the leads are read with, the project's additions included (a new lexicon
    after ``use_user_data`` hashes them again and drops this module's tables derived from the old ones)."""
    lex = lexicon()
    if not _DATA or _DATA[0][0] is not lex:
        for table in (_lists, _ignored, _named_subject, _full_given_name, stems, _reversing, _time_words, _moves,
                      _around_figures, _opposing):
            table.cache_clear()
        summary_events.clear()
        summary_kinds.clear()
        h = hashlib.blake2b(digest_size=8)
        for name in DATA_FILES:
            h.update(repr(load_data(name)).encode("utf-8", "surrogatepass"))
        _DATA[:] = [(lex, h.hexdigest())]
    return _DATA[0][1]


def digest_key(article: Article) -> str:
    """The key of an article's digest: its text, paragraph spans and title, hashed, with the digest version and
    the hash of the word lists in force (under ``briefgen serve`` a change of the project's lists reads the
    leads again)."""
    h = hashlib.blake2b(article.text.encode("utf-8", "surrogatepass"), digest_size=16)
    h.update(data_key().encode())
    h.update(repr([(p.start, p.end, p.number) for p in article.paragraphs]).encode())
    h.update((article.title or "").encode("utf-8", "surrogatepass"))
    return f"{DIGEST_VERSION}:{h.hexdigest()}"


def _lead_tuples(found: Sequence[Lead]) -> tuple[tuple[int, str, frozenset[str], int], ...]:
    return tuple((lead.paragraph, lead.text, lead.stems, lead.order) for lead in found)


def digest(
    article: Article, cache: MutableMapping[str, ArticleDigest] | None = None, *, body: bool = False
) -> ArticleDigest:
    """An article's digest, from ``cache`` (this process's memo by default) when its content was read before;
    ``body`` asks for the later sentences and sentence words too (computed once, then kept)."""
    store = _DIGESTS if cache is None else cache
    key = digest_key(article)
    found = store.get(key)
    if found is None:
        dummy = Source("", article.path, "", None, None, None, None, 0)
        found = ArticleDigest(_lead_tuples(leads(dummy, article)),
                              names(_headline(article.title) + " ".join(article.text.split()[:BODY_WORDS])))
    if body and (found.later is None or found.sentences is None):
        dummy = Source("", article.path, "", None, None, None, None, 0)
        later = leads(dummy, article, BODY_CANDIDATES, BODY_PARAGRAPHS)[LEAD_SENTENCES:]
        # an official decision (or a market's reaction) further down is a candidate wherever it is told (the state of
        # emergency an article reports in its ninth paragraph)
        seen = {(lead.paragraph, lead.text) for lead in later}
        later += [lead for lead in leads(dummy, article, len(article.paragraphs) * 4, len(article.paragraphs))
                  [LEAD_SENTENCES:] if (decision(lead.text) or market(lead.text))
                  and (lead.paragraph, lead.text) not in seen
                  ][:DECISIONS_PER_ARTICLE]  # bounded: a 3,000-paragraph article must not give thousands
        found = replace(found, later=_lead_tuples(later), sentences=tuple(_sentences(article)))
    if store.get(key) is not found:
        if store is _DIGESTS and len(_DIGESTS) >= DIGESTS:
            _DIGESTS.clear()
        store[key] = found
    return found


def load_digests(path: Path) -> dict[str, ArticleDigest]:
    """Digests kept by an earlier build (pickled by ``save_digests``); empty when missing or unreadable."""
    data = read_pickle(path)
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and k.startswith(DIGEST_VERSION + ":")
            and isinstance(v, ArticleDigest)}


def save_digests(path: Path, cache: Mapping[str, ArticleDigest], keep: Iterable[str] | None = None) -> None:
    """Keep digests for the next build (only the ``keep`` keys when given: the articles of this corpus)."""
    kept = dict(cache) if keep is None else {k: cache[k] for k in keep if k in cache}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("wb") as f:
        pickle.dump(kept, f, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)


def _leads_of(source: Source, rows: Iterable[tuple[int, str, frozenset[str], int]]) -> list[Lead]:
    return [Lead(source, paragraph, text, words, order) for paragraph, text, words, order in rows]


def summarise(
    sources: Sequence[Source], articles: Mapping[str, Article], sentences: int = 5,
    cache: MutableMapping[str, ArticleDigest] | None = None,
) -> Summary:
    """Stories and the 'What happened' sentences: ``sentences`` in all (2 to 5) for one story; with several,
    at least one per story, the rest shared in proportion to their articles. What is read from each article
    alone (its leads, names, later sentences) comes from ``cache`` by content key when it was read before (this
    process's memo by default; a build may pass a mapping it keeps between builds): a rebuild reads only the
    changed articles again, the rest of the work compares articles."""
    analysed = load_language_rules().analysed  # articles in other languages are listed, not analysed
    english = [s for s in sources if s.path in articles and (not s.language or s.language == analysed)]
    digests = {s.id: digest(articles[s.path], cache) for s in english}
    per_source = [(s, _leads_of(s, digests[s.id].leads)) for s in english]
    per_source = [(s, ls) for s, ls in per_source if ls]
    if not per_source:
        return Summary((), ())
    ordered = sorted(per_source, key=lambda sl: (_date_key(sl[0]), sl[0].path))
    # stories: whole articles compared (the leads alone are too short to show that two articles share a story)
    words = {s.id: digests[s.id].names for s, _ in ordered}
    idf = _idf(list(words.values()))
    article_vectors = [_vector(words[s.id], idf) for s, _ in ordered]
    stories: list[Story] = []
    # an article's leads and its headline ('Govt orders probe into Lake Victoria ferry accident' over leads
    # that tell only of the inquiry)
    lead_words = [frozenset(w for lead in ls for w in lead.stems) | stems(s.title or "") for s, ls in ordered]
    lead_idf = _idf(lead_words)
    grouped = _merge_cores(_group(article_vectors, STORY_SIMILARITY), [words[s.id] for s, _ in ordered],
                           [_vector(w, lead_idf) for w in lead_words])
    for members in sorted(grouped, key=lambda m: (-len(m), m[0])):
        srcs = tuple(ordered[i][0] for i in members)
        # events are read from the story's first articles (in date order): enough to see what is widely
        # reported, and a 5,000-article story costs no more than a 40-article one
        sample = members[:STORY_SAMPLE]
        # background is no event: an explainer's opening, a non-response, a timeless description (summary_kinds)
        story_leads = [lead for i in sample for lead in ordered[i][1] if not background(lead.text, lead.order == 0)]
        number = len(stories) + 1
        full = {ordered[i][0].id: digest(articles[ordered[i][0].path], cache, body=True) for i in sample}
        body = {sid: list(d.sentences or ()) for sid, d in full.items()}
        later = _later([(ordered[i][0], full[ordered[i][0].id]) for i in sample])
        events = tuple(fold_counts(_events(number, story_leads + later, body)))
        # name words weighed by their rarity among the corpus's leads (all words: 'wheat' names a story
        # better than 'Bakers', capitalised only because it starts a sentence)
        label = _headline_label(srcs, events) or _label(events, story_leads, lead_idf)
        stories.append(Story(number, label, srcs, events))
    # with several stories: one sentence per story, up to MAX_SENTENCES in all (the biggest stories first,
    # a bigger one may get two); the stories left without a sentence are still listed by name
    total = min(max(sentences, len(stories)), MAX_SENTENCES) if len(stories) > 1 else sentences
    shares = allocate([len(s.sources) for s in stories], total)
    happened: list[Event] = []
    for story, share in zip(stories, shares, strict=True):
        # a feature's scene is no event ('At four in the morning the night bus …'), unless it is all the story has
        widely = [e for n, e in enumerate(story.events) if e.articles > 1 and not (n and feature_lede(e.text))] or list(
            story.events[:1])
        if len(stories) == 1:  # one story: up to EXTRA more sentences when a third of its articles report them
            least = max(WIDELY, len(story.sources) // 3)
            share += sum(1 for e in widely[share : share + EXTRA] if e.articles >= least)
            widely = widely if len(widely) >= 2 else list(story.events[:2])
        else:
            widely = [replace(e, text=_shorten(e.text, SHORT_WORDS)) for e in widely]
        happened.extend(widely[:share])
        if story.number == 1 and len(story.sources) >= DOMINANT * len(english):
            # official decisions several articles report are told though others are more widely (a one-story
            # corpus, or a story holding most of its articles)
            happened.extend(_decisions(story, happened, len(stories) > 1))
    told, upcoming = _split_next(stories, happened, english)
    return Summary(tuple(stories), told, {s.id: articles[s.path] for s in english}, upcoming)


def _later(sample: Sequence[tuple[Source, ArticleDigest]]) -> list[Lead]:
    """Later sentences of a story's first BODY_SAMPLE articles as candidate events: what most outlets report further
    down ('7 million people are displaced') is an event even when no article leads with it; an official decision or
    a market's reaction is one wherever it is told (from every article of the sample); background never is."""
    return [lead for n, (source, found) in enumerate(sample) for lead in _leads_of(source, found.later or ())
            if (n < BODY_SAMPLE or decision(lead.text) or market(lead.text)) and not background(lead.text)]


def _split_next(stories: Sequence[Story], happened: Sequence[Event], english: Sequence[Source]
                ) -> tuple[tuple[Event, ...], tuple[Event, ...]]:
    """'What happened' without the lines telling what comes next, and those lines (``next_lines``: of the first
    story when it is the corpus's or holds DOMINANT of its articles), cut to SHORT_WORDS."""
    if not (len(stories) == 1 or len(stories[0].sources) >= DOMINANT * len(english)):
        return tuple(happened), ()
    upcoming = next_lines(stories[0], happened, max((_date_key(s) for s in english if s.published), default=None))
    return (tuple(e for e in happened if e not in upcoming),
            tuple(replace(e, text=_shorten(e.text, SHORT_WORDS)) for e in upcoming))


def _person_opens(sentence: str) -> bool:
    """True when a person's full name opens a sentence ('Gentian Hoxha, leader of …, has demanded'; not
    'Parliament is scheduled to vote')."""
    match = _named_subject().match(sentence) if subject_name(sentence) else None
    return match is not None and bool(match.group(1).strip())


def next_lines(story: Story, happened: Sequence[Event], last: str | None) -> list[Event]:
    """Up to NEXT sentences of a story telling what comes next (summary_kinds.upcoming: a vote, a hearing, results
    due), the most widely reported first, one per paragraph and day and none repeating another; a line 'What
    happened' tells that is one of them moves here (not its first: the main event stays the news); only what is
    still ahead on the corpus's ``last`` day (ISO; ``summary_kinds.still_ahead``)."""
    out: list[Event] = []
    places: set[tuple[str, int]] = set()
    told: list[frozenset[str]] = []
    # a sentence opened by a person's name tells their demand or claim, which 'Main claims' may show: others first
    for e in sorted(story.events, key=lambda e: (e not in happened, _person_opens(e.text), -e.articles)):
        place = (e.evidence[0].source.id, e.evidence[0].paragraph)
        words = stems(e.text)
        if len(out) >= NEXT or not upcoming(e.text) or place in places or any(_overlaps(words, w) for w in told):
            continue
        if not still_ahead(e.text, e.evidence[0].source.published, last):
            continue  # 'due to brief the media Wednesday' in an article of last week is past
        if (happened and e is happened[0]) or any(days_named(e.text) & days_named(o.text) for o in out):
            continue  # the vote on Monday told once ('a motion is due to be voted on Monday' / 'is scheduled to vote')
        if e in happened or e.articles > 1 or not out:
            out.append(e)
            places.add(place)
            told.append(words)
    return out


def _decisions(story: Story, happened: Sequence[Event], short: bool) -> list[Event]:
    """Up to DECISIONS official decisions and MARKETS market reactions ('shares fell 23%') of a story that several
    articles report, none told above (by place or by most of its words: 'the government ordered them back to
    work' after 'the cabinet approved a civil requisition' of the same strikers is not told again when it shares
    their words); then up to TOLLS lines each
    giving a human toll (summary.yml totals: displaced, injured …) that no line above gives, when several report
    it."""
    places = {(e.evidence[0].source.id, e.evidence[0].paragraph) for e in happened}
    told = [stems(e.text) for e in happened]
    out: list[Event] = []
    for kind, most in ((decision, DECISIONS), (market, MARKETS)):
        taken = 0
        for e in story.events:
            words = stems(e.text)
            if (taken < most and e.articles > 1 and kind(e.text)
                    and (e.evidence[0].source.id, e.evidence[0].paragraph) not in places
                    and not any(_overlaps(words, w) for w in told)):
                out.append(replace(e, text=_shorten(e.text, SHORT_WORDS)) if short else e)
                told.append(words)
                taken += 1
    # and up to TOLLS human tolls no line above gives ('about 1,800 people had been displaced' beside the dead and
    # missing)
    given = {k.split(":")[0] for e in [*happened, *out] for k in counts(e.text)}
    tolls = 0
    for e in story.events:
        found = {k.split(":")[0] for k in counts(e.text)} & totals()
        if (tolls < TOLLS and e.articles > 1 and found and not found & given and not feature_lede(e.text)
                and (e.evidence[0].source.id, e.evidence[0].paragraph) not in places):
            out.append(replace(e, text=_shorten(e.text, SHORT_WORDS)) if short else e)
            given |= found
            tolls += 1
    return out


def allocate(sizes: Sequence[int], total: int) -> list[int]:
    """``total`` slots shared in proportion to ``sizes`` (largest remainder), at least one each when they fit."""
    if not sizes:
        return []
    n = sum(sizes)
    base = [1 if total >= len(sizes) else 0 for _ in sizes]
    left = total - sum(base)
    quotas = [left * s / n for s in sizes]
    shares = [b + int(q) for b, q in zip(base, quotas, strict=True)]
    order = sorted(range(len(sizes)), key=lambda i: (-(quotas[i] - int(quotas[i])), -sizes[i], i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


# --- main claims and disagreements (from the corpus-wide Claim records) ------------------------------


TARGET_WORDS = 10  # a main claim's stance target is printed up to this many words


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A claim as the summary shows it: who made it (people and their countries) and one quote."""

    claim: Claim
    people: tuple[Actor, ...]
    countries: tuple[str, ...]
    quote: Quote | None
    story: int = 0
    articles: int = 0  # articles that carry the claim, or the same speaker saying it in other words
    context: str = ""  # the reporter's sentence around the quote, when it tells more than the quote alone
    also: tuple[Actor, ...] = ()  # other speakers who made the same claim in other words
    denies: str = ""  # the words told above that it goes against (then it is shown under 'Where they disagree')

    @property
    def target_shown(self) -> bool:
        """True when the stance's target deserves its own words: stated, at most TARGET_WORDS long (a longer one
        is a clause saying the claim again: 'for: Europe should not fall under the illusion that …'), and not
        already in the quote shown."""
        if not (self.claim.stance and self.claim.target) or len(self.claim.target.split()) > TARGET_WORDS:
            return False
        words = self.context or ((self.quote.display or self.quote.text) if self.quote else self.claim.text)
        return _target_key(self.claim.target) not in _target_key(words)

    @property
    def more_people(self) -> int:
        """Speakers beyond those named on the summary."""
        return max(0, len(self.claim.speakers) - len(self.people))


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Claims on the same target with opposite stances, the most widely made on each side."""

    target: str
    support: ClaimView
    oppose: ClaimView


def _view(
    claim: Claim, actors: Mapping[str, Actor], quotes: Mapping[str, Quote], story: int = 0,
    nameless: Callable[[Actor], bool] = lambda a: False,
) -> ClaimView:
    people = tuple(actors[a] for a in claim.speakers if a in actors and actors[a].kind == "person")[:2]
    if not people:
        people = tuple(actors[a] for a in claim.speakers if a in actors)[:2]
    if any(not nameless(p) for p in people):  # a named speaker beside 'Minority' is who made the claim
        people = tuple(p for p in people if not nameless(p))
    quote = next((quotes[q] for q in claim.evidence if q in quotes and quotes[q].text == claim.text), None)
    quote = quote or next((quotes[q] for q in claim.evidence if q in quotes), None)
    return ClaimView(claim, people, claim.countries[:3], quote, story, claim.articles)


CLAIM_WORDS = 6  # a shorter claim text is a fragment ("no longer tolerate"), not something to lead with


CLAIM_CONTENT = 3  # ... nor is one with fewer content words ('There is no option to not be at the table')


def _says_something(claim: Claim) -> bool:
    """A statement a reader understands without its article: CLAIM_WORDS words, CLAIM_CONTENT of them content words."""
    return len(claim.text.split()) >= CLAIM_WORDS and len(stems(claim.text)) >= CLAIM_CONTENT


def _claim_rank(claim: Claim) -> tuple[int, int, int, str]:
    return (-claim.articles, -len(claim.speakers), -len(claim.evidence), claim.id)


@dataclass(frozen=True, slots=True)
class _Voice:
    """One speaker's statement, with the same speaker's other statements in other words."""

    claim: Claim  # the representative: the clearest of them
    articles: int  # distinct articles that carry any of them
    echoed: bool  # an article's headline quotes it ('not a betrayal')
    places: frozenset[tuple[str, int]]  # (source id, paragraph) of every quote of them


SAME_WORDS = 0.6  # two statements of one speaker say the same when this share of the shorter one's content words ...
SAME_MIN = 2  # ... and at least this many are shared


def _voices(
    made: Sequence[Claim], quotes: Mapping[str, Quote], titles: Mapping[str, str],
    in_context: Callable[[Claim], bool] = lambda c: False, speaker: Callable[[Claim], str] = lambda c: c.speakers[0],
) -> list[_Voice]:
    """Each leading speaker's claims, those sharing most content words taken as one statement said in several
    articles (claim grouping keeps 'It's appeasement' and 'this was appeasement' apart when the wording differs)."""
    clusters: dict[str, list[tuple[frozenset[str], list[Claim]]]] = defaultdict(list)
    for c in sorted(made, key=_claim_rank):
        words = stems(c.text)
        groups = clusters[speaker(c)]
        for i, (seen, members) in enumerate(groups):
            shared = len(words & seen)
            if shared >= SAME_MIN and shared >= SAME_WORDS * min(len(words), len(seen)):
                members.append(c)
                groups[i] = (seen | words, members)
                break
        else:
            groups.append((words, [c]))
    out: list[_Voice] = []
    headlined: dict[str, bool] = {}
    for groups in clusters.values():
        for words, members in groups:
            found = [quotes[q] for c in members for q in c.evidence if q in quotes]
            places = frozenset((q.source, q.paragraph) for q in found)
            sources = {src for src, _ in places}
            echoed = any(_echoes(titles.get(src, ""), words) for src in sources)

            def quoted(c: Claim) -> bool:  # a headline of the claim's own articles quotes it
                if c.id not in headlined:
                    mine = {quotes[q].source for q in c.evidence if q in quotes}
                    headlined[c.id] = any(_echoes(titles.get(src, ""), stems(c.text)) for src in mine)
                return headlined[c.id]

            # a fragment ('We came very close') adds its article to the statement but is not shown, unless
            # a headline quotes it ('deeply disappointed')
            shown = [c for c in members if _says_something(c) or (len(c.text.split()) >= ECHO_WORDS and quoted(c))
                     or in_context(c)]
            if not shown:
                continue
            best = min(shown, key=lambda c: (-quoted(c), -c.articles, -_has_target(c), -len(c.evidence),
                                              -min(len(c.text.split()), 30), c.id))
            out.append(_Voice(best, max(len(sources), best.articles), echoed, places))
    return out


ECHO_WORDS = 3  # a statement a headline quotes is shown from this many words (others from CLAIM_WORDS)


_HEADLINE_QUOTE = re.compile(r"[‘'“\"]([^‘’'“”\"]{3,60})[’'”\"]")


REPEATS = 0.6  # a claim sharing this share of its content words with a sentence above it repeats it


def _repeats(words: frozenset[str], other: frozenset[str], idf: Mapping[str, float]) -> bool:
    """True when a statement's content words are mostly in a sentence already shown, or the two are as close
    as two reports of one event ('welcomed the extension of the moratorium' / 'agreed to extend a moratorium')."""
    shared = len(words & other)
    if len(words) < 3 or not shared:
        return False
    close = _cosine(_vector(words, idf), _vector(other, idf)) >= EVENT_SIMILARITY
    return shared >= REPEATS * len(words) or close or _same_toll(words, other)


_YEAR = re.compile(r"(?:19|20)\d\d")


def _same_toll(words: frozenset[str], other: frozenset[str]) -> bool:
    """Two sentences giving the same figure (not a year) with another word in common ('At least 157 people
    were killed' / 'the quake struck late on Friday, killing at least 157 people') tell the same fact."""
    figures = {w for w in words & other if w.replace(".", "").isdigit() and len(w) >= 2 and not _YEAR.fullmatch(w)}
    return bool(figures) and len({w[:4] for w in words - figures} & {w[:4] for w in other - figures}) >= 1


def _echoes(title: str, words: frozenset[str]) -> bool:
    """True when a headline quotes words of the statement (a headline quotes an article's key statement)."""
    for match in _HEADLINE_QUOTE.finditer(title):
        quoted = stems(match.group(1))
        if quoted and quoted <= words:
            return True
    return False


def nameless_in(articles: Iterable[Article]) -> Callable[[Actor], bool]:
    """A test for speakers named by a common noun: one word the articles also write in lower case ('the
    minority in parliament' makes 'Minority' a collective without a name, as 'Police' is; 'Hamas', 'Reuters'
    are never written so)."""
    texts = [a.text for a in articles]
    found: dict[str, bool] = {}

    def test(actor: Actor) -> bool:
        name = actor.name
        if name not in found:
            found[name] = bool(re.fullmatch(r"[A-Z][a-z]+", name)) and any(
                re.search(rf"\b{name.lower()}\b", text) for text in texts)
        return found[name]

    return test


def main_claims(
    claims: Sequence[Claim], summary: Summary, actors: Mapping[str, Actor], quotes: Mapping[str, Quote],
    limit: int = 5,
) -> tuple[ClaimView, ...]:
    """One statement per speaker, those carried by most articles or made by the speakers quoted in most
    articles first, a statement a headline quotes or one with a stance on a stated target before others;
    nothing 'What happened' already tells; with several stories, each story gets places in proportion."""
    story_of = {s.id: story.number for story in summary.stories for s in story.sources}
    nameless = nameless_in(summary.articles.values())
    titles = {s.id: s.title or "" for story in summary.stories for s in story.sources if not s.title_from_text}
    made = [c for c in claims if c.speakers and c.evidence]

    def who(c: Claim) -> str:  # the speaker the summary names first: a person before their country
        return next((a for a in c.speakers if a in actors and actors[a].kind == "person"), c.speakers[0])

    reach: dict[str, set[str]] = defaultdict(set)  # a speaker's prominence: the articles that quote them
    for q in quotes.values():
        if q.speaker:
            reach[q.speaker].add(q.source)

    def story(c: Claim) -> int:
        q = quotes.get(c.evidence[0])
        return story_of.get(q.source, 0) if q else 0

    # a statement whose quote is a sentence 'What happened' already shows would say it twice
    shown = {(e.evidence[0].source.id, e.evidence[0].paragraph) for e in summary.happened}
    def sentence(c: Claim) -> str:  # the reporter's sentence shown around the claim's quote, or ''
        person = actors.get(who(c))
        q = next((quotes[q] for q in c.evidence if q in quotes), None)
        return context(q, person.name, summary.articles.get(q.source)) if q and person else ""

    voices = [v for v in _voices(made, quotes, titles, lambda c: bool(sentence(c)), who) if not v.places & shown]
    # a speaker What happened already reports on the same matter ('Pistorius said … concessions …') is not
    # shown again with it
    reported: dict[str, frozenset[str]] = defaultdict(frozenset)
    for e in summary.happened:
        if name := subject_name(e.text):
            reported[name] |= stems(e.text) - stems(name)
    voices = [v for v in voices if not stems(v.claim.text) & reported[_surname(actors, who(v.claim))]]
    # weight: the articles that carry the statement plus the articles that quote its speaker (a statement
    # widely reported, or a central speaker's); then one a headline quotes, a speaker's own before one
    # several share, one with a stance on a stated target
    # the other side of a dispute first: a statement several articles carry objecting to a decision told above
    # ('declared the requisition illegal' after 'the cabinet approved a civil requisition of the strikers')
    decided_words = [stems(decided(e.text)) for e in summary.happened if decision(e.text)]
    counter = {v.claim.id for v in voices if v.articles >= COUNTER_ARTICLES and objection(v.claim.text)
               and any(stems(v.claim.text) & w for w in decided_words)}
    ordered = sorted(voices, key=lambda v: (
        v.claim.id not in counter, -(v.articles + len(reach[who(v.claim)])), -v.echoed, len(v.claim.speakers) > 1,
        -_has_target(v.claim), -v.articles, -len(v.claim.evidence), -min(len(v.claim.text.split()), 30),
        v.claim.id))
    chosen: list[_Voice] = []
    # one statement per speaker; after every speaker's first, a second one when it makes a demand and the
    # first did not ('There is no betrayal', then 'will no longer tolerate Europe relying on the US')
    heard: dict[str, bool] = {}  # speaker -> whether the statement shown makes a demand
    second: list[_Voice] = []
    said = [stems(e.text) for e in summary.happened]  # ... that does not repeat what is said above it
    idf = _idf([*said, *(stems(c.text) for c in made)])  # words every statement uses tell nothing apart
    also: dict[str, list[str]] = defaultdict(list)  # claim id -> other speakers making it in other words
    # what the page says above a statement, and who says it (the surname opening a sentence, a claim's speakers)
    above: list[tuple[str, frozenset[str]]] = [(e.text, frozenset({subject_name(e.text)}) - {""})
                                               for e in summary.happened]
    dissents: dict[str, str] = {}  # claim id -> the words it goes against ('a seat at the negotiating table')
    for v in ordered:
        words = stems(v.claim.text)
        speaker = who(v.claim)
        same = _same_claim(v.claim, [c.claim for c in chosen])
        mine = frozenset(_surname(actors, a) for a in v.claim.speakers) - {""}
        if speaker in heard:
            second.append(v)
        elif same is not None and (not summary.several or story(same) == story(v.claim)):
            also[same.id].append(speaker)  # 'must be at the table' after 'must not be excluded': one claim
            heard[speaker] = _demands(v.claim.text)
        elif _denied(v.claim, [c.claim for c in chosen]) is None and len(dissents) < DISSENTS and (matter := next(
                (m for text, who_ in above if not who_ & mine and (m := against(v.claim.text, text))), "")):
            # a statement turning round what the page tells above in most of its words ('You can't request a
            # seat at the negotiating table' after 'ministers demanded a seat at the negotiating table') is no
            # repeat but a dissent: it goes to 'Where they disagree', ahead of the claims that fit after it
            heard[speaker] = _demands(v.claim.text)
            dissents[v.claim.id] = matter
            chosen.insert(min(DISSENT_PLACE, len(chosen)), v)
            said.append(words)
        elif (denied := _denied(v.claim, [c.claim for c in chosen])) is not None or not any(
                _repeats(words, other, idf) for other in said):
            heard[speaker] = _demands(v.claim.text)
            # a speaker denying a claim shown ('Harbour fees must not be cut' after 'Harbour fees must be cut';
            # in the same words, yet no repeat) is heard right after it: the dissent is what a reader must not miss
            chosen.insert(denied + 1 if denied is not None else len(chosen), v)
            said.append(words)
            above.append((v.claim.text, mine))
    for v in second:
        words = stems(v.claim.text)
        if not heard[who(v.claim)] and _demands(v.claim.text) and not any(
            _repeats(words, other, idf) for other in said
        ):
            heard[who(v.claim)] = True
            chosen.append(v)
            said.append(words)
    if summary.several:
        sizes = [len(s.sources) for s in summary.stories]
        shares = dict(zip((s.number for s in summary.stories), allocate(sizes, limit), strict=True))
        kept: list[_Voice] = []
        for v in chosen:
            if shares.get(story(v.claim), 0) > 0:
                shares[story(v.claim)] -= 1
                kept.append(v)
        chosen = kept
    # the page stays short: What happened and the main claims share SUMMARY_WORDS (the rest of the page,
    # header, matrix and most quoted, takes about 150 of the 600)
    left = SUMMARY_WORDS - sum(_event_words(e, several=summary.several) for e in summary.shown)
    left -= summary.also_words  # the names of the stories without a sentence
    # and 'Where they disagree': its pairs of claims (the page shows them below the main claims)
    left -= sum(summary.claim_words(d.support) + summary.claim_words(d.oppose) + len(d.target[:80].split()) + 2
                for d in disagreements(claims, actors, quotes))
    if summary.several:  # each story told has a heading line: its name, article count and dates
        left -= sum(len(s.label.split()) + STORY_META_WORDS for s in summary.stories if summary.told(s))
    candidates: list[ClaimView] = []
    minor: set[str] = set()  # claims one article carries
    for v in chosen[:limit]:
        view = replace(_view(v.claim, actors, quotes, story(v.claim), nameless), articles=v.articles,
                       denies=dissents.get(v.claim.id, ""),
                       also=tuple(actors[a] for a in also[v.claim.id] if a in actors and not nameless(actors[a]))
                       [:MORE_SPEAKERS])
        if view.quote and view.people:
            view = replace(view, context=context(view.quote, view.people[0].name,
                                                 summary.articles.get(view.quote.source)))
        candidates.append(view)
        if v.articles <= 1 and not view.denies and not v.echoed:  # a headline quoting it makes it news
            minor.add(v.claim.id)
    views: list[ClaimView] = []
    for view in candidates:
        if view.claim.id in minor:
            continue
        cost = summary.claim_words(view)
        if cost > left and views:
            break
        left -= cost
        views.append(view)
    # a claim one article carries comes after the further events that two or more articles report
    # (Summary.more): what several outlets report is more of a briefing than one voice in one of them
    left -= sum(_event_words(e, several=summary.several) for e in summary.more(views) if e.articles >= 2)
    added: set[str] = set()
    for view in candidates:
        if view.claim.id in minor:
            cost = summary.claim_words(view)
            if cost > left and (views or added):  # the page shows one claim at least
                break
            left -= cost
            added.add(view.claim.id)
    return tuple(v for v in candidates if v in views or v.claim.id in added)


CONTEXT_WORDS = 40  # a reporter's sentence is shown around a quote up to this many words ...
ACTION_WORDS = 4  # ... when its words outside the quote hold this many content words beyond the speaker and verb


def _sentence_at(article: Article, start: int, end: int) -> tuple[int, int]:
    """Start and end offsets of the sentences holding ``article.text[start:end]`` ('U.S.' ends none)."""
    para = next((p for p in article.paragraphs if p.start <= start < p.end), None)
    if para is None:
        return start, end
    spans = [(para.start + a, para.start + b) for a, b in sentence_spans(article.text[para.start : para.end])]
    left = max((a for a, _ in spans if a <= start), default=start)
    right = min((b for _, b in spans if b >= end), default=end)
    return left, max(right, end)


def context(quote: Quote, speaker: str, article: Article | None) -> str:
    """The sentence that reports a quote, when the speaker is its subject and it tells what the quote alone
    does not: a fragment's sentence
    ('[Hegseth] also said the U.S. would “no longer tolerate” European members relying on it'), or one whose
    words outside the quote report an act ('Trump held calls with Putin and Zelenskiy and announced “…”',
    'Orban praised Trump, saying “…”'); a pronoun subject is the speaker's name in brackets; '' otherwise."""
    if article is None or not 0 <= quote.start < quote.end <= len(article.text) or not speaker:
        return ""
    left, right = _sentence_at(article, quote.start, quote.end)
    sentence = " ".join(article.text[left:right].split())
    surname = speaker.split()[-1]
    # a pronoun is the speaker only as the subject of the quote's own cue, the speaker not named again
    # ("She told Hale, who called the plan “a disaster”" is about someone else) and of the speaker's gender
    pronoun = pronoun_of(speaker.split()[:-1])
    own_cue = bool(quote.cue) and re.match(
        rf"(?:[A-Z][\w’'-]*(?: [\w’'-]+){{0,3}}, )?(?:[Hh]e|[Ss]he) (?:\w+ )?{re.escape(quote.cue or '')}\b", sentence
    ) is not None and surname not in sentence
    resolved = resolve_subject(sentence, surname, pronoun if own_cue else None)
    verbs = lexicon().cue_forms
    after = article.text[quote.end : right]
    if resolved == sentence and subject_name(sentence) != surname:
        return ""  # the sentence is about someone else ('Pistorius criticized …, and Lecornu said …')
    sentence = resolved
    if len(sentence.split()) > CONTEXT_WORDS or any(
        w.lower() in verbs for w in _WORD.findall(after)
    ):
        return ""  # too long, the speaker unnamed, or another statement follows ('…, and Lecornu said …')
    if len(quote.text.split()) < CLAIM_WORDS:
        return sentence
    outside = article.text[left : quote.start] + " " + after
    own = stems(speaker)
    words = [w for w in _WORD.findall(outside) if w.lower() not in verbs]
    return sentence if len(stems(" ".join(words)) - own) >= ACTION_WORDS else ""


DOMINANT = 2 / 3  # a story with this share of a corpus's articles may tell more, as a one-story corpus does
OWN = 2  # ... and at most this many more, each the first sentence of an article nothing above is taken from
MORE = 3  # a one-story summary with words to spare tells at most this many further events ...
OVERLAP_WORDS, OVERLAP_SHARE = 3, 0.4  # ... none sharing this many and this share of its words with one told


def _overlaps(words: frozenset[str], told: frozenset[str]) -> bool:
    """True when a sentence shares three of its content words, and 40 % of them, with a sentence told above
    ('Talks broke down after India refused to accept the text' after 'India refused to join a consensus …')."""
    shared = len(words & told)
    return shared >= OVERLAP_WORDS and shared >= OVERLAP_SHARE * len(words)
SUMMARY_WORDS = 450  # visible words of 'What happened' + 'Main claims' together
STORY_META_WORDS = 5  # a story's heading line beside its name ('2 articles · 16 Feb 2026')
LINK_WORDS = 6  # an evidence link whose source is unknown here ('Reuters, 14 Mar 2025, ¶2')
EVIDENCE_SHOWN = 1  # a 'What happened' sentence cites this many articles (then '+N more'; the template's `shown`)


def _cite_words(source: Source) -> int:
    """Words of one evidence link as the page shows it: 'Reuters, 30 Nov 2026, ¶2', or a headline's first
    words when the outlet is unknown ('Q&A: The Brăteni derailment …, ¶4' is four words and the ¶)."""
    label = [w for w in citation_label(source).split() if any(c.isalnum() for c in w)]
    return len(label) + len(source.day.split()) + 1


def _event_words(event: Event, text: str | None = None, several: bool = False) -> int:
    """Words a 'What happened' line takes: its sentence, its evidence link, '+N more' and (one story) 'first
    reported' when its first link does not give that day."""
    words = len((event.text if text is None else text).split())
    words += sum(_cite_words(ev.source) for ev in event.evidence[:EVIDENCE_SHOWN])
    words += 2 if event.articles > EVIDENCE_SHOWN else 0
    day = "" if several else event.first_reported
    return words + (len(day.split()) + 2 if day else 0)
SHOWN_CHARACTERS = 200  # the summary shows a claim's words up to this many characters


def _words_shown(view: ClaimView) -> int:
    """About how many words a main claim takes on the page: its speakers and its (trimmed) words."""
    text = view.context or ((view.quote.display or view.quote.text) if view.quote else view.claim.text)
    words = len(text[:SHOWN_CHARACTERS].split()) + sum(len(p.name.split()) + 1 for p in (*view.people, *view.also))
    words += len(view.denies.split()) + 1 if view.denies else 0  # the matter and 'against:'
    return words + (len(view.claim.target.split()) + 1 if view.target_shown and view.claim.target else 0)


MORE_SPEAKERS = 3  # a claim shows at most this many other speakers who made it in other words


_NEGATION = re.compile(r"\b(?:not|no|never|cannot)\b|n't\b", re.IGNORECASE)  # 'without delay' negates nothing


def asserts(text: str) -> bool:
    """False when a statement is negated an odd number of times ('must not be cut', 'There is no option to not
    be at the table' asserts)."""
    return len(_NEGATION.findall(text.replace("’", "'"))) % 2 == 0


def _alike(claim: Claim, other: Claim) -> bool:
    """Two speakers' statements on one matter: every content word of the shorter one, SAME_MIN or more, is the
    other's ('Harbour fees for fishermen must be cut' / 'The fees the harbour charges fishermen must be cut now'); a
    word of its own may turn it round ('Tariffs on steel must be cut' / '… must be raised')."""
    a, b = stems(claim.text), stems(other.text)
    extra = (b - a) if len(a) <= len(b) else (a - b)  # the longer one's own words may turn it round ('must
    # refuse to give up territory', 'Nobody believes the ceasefire will hold', 'Rumours that … are false')
    return same_words(a, b, 1.0, SAME_MIN) and not extra & _reversing()


@functools.cache
def _reversing() -> frozenset[str]:
    """Stems of words that turn a claim round when another claim adds them (summary.yml reversing: 'Engineers
    doubt the bridge is safe' is not 'The bridge is safe')."""
    return stems(" ".join(str(w) for w in _lists()["reversing"]))


def _same_claim(claim: Claim, chosen: Sequence[Claim]) -> Claim | None:
    """The claim already chosen that ``claim`` makes in other words (on one matter, both asserting or both
    negating it), else None."""
    return next((o for o in chosen if _alike(claim, o) and asserts(claim.text) == asserts(o.text)), None)


def _denied(claim: Claim, chosen: Sequence[Claim]) -> int | None:
    """The place among ``chosen`` of the claim ``claim`` denies (one matter, one of them negated), else None."""
    return next((i for i, o in enumerate(chosen) if _alike(claim, o) and asserts(claim.text) != asserts(o.text)),
                None)


COUNTER_ARTICLES = 2  # a statement objecting to a decision told goes first among the claims when this many carry it
DISSENTS = 1  # 'Where they disagree' shows at most this many statements against what the page tells above ...
DISSENT_PLACE = 2  # ... each ranked after this many main claims for the word budget
AGAINST_SHARED, AGAINST_SHARE = 3, 0.5  # ... sharing this many content words, and this share of its own
MATTER_WORDS = 8  # ... within fewer words than this in both (the matter: 'seat at the negotiating table')
NEGATION_REACH = 3  # a negation governs the words it comes at most this many words before ('can't request a seat')
_TOKEN = re.compile(r"[\w’'-]+")


def against(statement: str, told: str) -> str:
    """The words of ``told`` that ``statement`` turns round, '' when it does not: most of its content words are
    told's (AGAINST_SHARED and AGAINST_SHARE of them) and a negation governs them in one of the two and not in
    the other ('You can't request a seat at the negotiating table' against 'Ministers demanded a seat at the
    negotiating table' -> 'seat at the negotiating table'; 'We will not give up our seat at the table' keeps
    the seat: the negation is too far from it)."""
    shared = stems(statement) & stems(told)
    if len(shared) < AGAINST_SHARED or len(shared) < AGAINST_SHARE * len(stems(statement)):
        return ""

    if "?" in statement:
        return ""  # a question asserts nothing ('Why should Europe not have a seat at the table?')

    def governed(text: str, told: bool) -> tuple[bool, int, int] | None:  # an odd count of negations
        tokens = _TOKEN.findall(text)
        at = [i for i, t in enumerate(tokens) if stems(t) & shared]
        if not at:
            return None  # the shared stems are in no single word ('12.5', '4,300'): nothing to turn round
        span = " ".join(tokens[max(0, at[0] - NEGATION_REACH) : at[-1] + 1]).replace("’", "'")
        if told:  # what the page tells: 'without' and a protest turn it round ('nurses protested against the closure')
            count = len(_NEGATION.findall(span)) + len(re.findall(r"\bwithout\b", span, re.I)) + len(
                _opposing().findall(span))
        else:  # a statement: only a verb's negation ('You can't request a seat'); 'no seat', 'without a seat' deny
            count = len(_VERB_NEGATION.findall(span))  # nobody the seat ('There is still no seat for Europe')
        return count % 2 == 1, at[0], at[-1]

    said, heard = governed(statement, False), governed(told, True)
    if said is None or heard is None:
        return ""
    (negated, start, end), (told_negated, first, last) = said, heard
    if negated == told_negated or not negated or max(end - start, last - first) >= MATTER_WORDS:
        return ""  # the same; a statement that negates nothing may agree with a protest told ('The closure is a
        # scandal' beside 'nurses protested against the closure'); or the shared words are no one matter
    return " ".join(_TOKEN.findall(told)[first : last + 1])


_VERB_NEGATION = re.compile(r"\b(?:not|never|cannot)\b|n't\b", re.IGNORECASE)


@functools.cache
def _opposing() -> re.Pattern[str]:
    """summary.yml opposing: words of a told sentence that turn its matter round ('protested against the closure')."""
    words = sorted((str(w) for w in _lists()["opposing"]), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def _surname(actors: Mapping[str, Actor], actor: str) -> str:
    return actors[actor].name.split()[-1] if actor in actors and actors[actor].name.split() else ""


def _demands(text: str) -> bool:
    """True when a statement makes a demand or draws a line ('must', 'will no longer tolerate', 'have to')."""
    low = " " + " ".join(re.findall(r"[\w’']+", text.lower())) + " "
    return any(f" {cue} " in low for cue in _lists()["demands"])


def _has_target(claim: Claim) -> bool:
    """A stance on a target of three words or more ("Ukraine's return to its 1991 borders", not "these concerns")."""
    return bool(claim.stance and claim.target and len(claim.target.split()) >= 3)


def _target_key(target: str) -> str:
    words = [w for w in re.findall(r"[\w'’-]+", target.casefold()) if w not in {"the", "a", "an", "of", "for"}]
    return " ".join(words)


def disagreements(
    claims: Sequence[Claim], actors: Mapping[str, Actor], quotes: Mapping[str, Quote], limit: int = 3
) -> tuple[Disagreement, ...]:
    """Targets that some claims are for and others against, most widely discussed first."""
    sides: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    keys: dict[str, frozenset[str]] = {}  # target key -> its content words
    for c in claims:
        if c.target and c.stance in ("for", "against") and c.speakers and _says_something(c):
            key, words = _target_key(c.target), stems(c.target)
            # the same target in other words: three quarters of the content words of BOTH (three or more): 'Ukraine's
            # NATO membership' is not 'discuss Ukraine's NATO membership or territorial losses before concessions'
            key = next((k for k, w in keys.items() if same_words(words, w, 0.75, 3)
                        and len(words & w) >= 0.75 * max(len(words), len(w))), key)
            keys.setdefault(key, words)
            sides[key][polarity(c.stance, c.target)].append(c)  # "for: X must not go" sides with "against: X"
    context = article_context(tuple(quotes.values()), tuple(actors.values()))

    def story(claim: Claim) -> frozenset[str]:  # the speakers and countries of the articles carrying it
        sources = {quotes[e].source for e in claim.evidence if e in quotes}
        return frozenset().union(*(context.get(s, frozenset()) for s in sources))

    found: list[tuple[tuple[int, str], Disagreement]] = []
    for key, by in sides.items():
        pairs = (
            (pro, con)
            for pro in sorted(by["for"], key=_claim_rank)
            for con in sorted(by["against"], key=_claim_rank)
            # one speaker of two minds is not a disagreement between parties; nor are "the decision" of an
            # oil cartel and "the decision" of a central bank: their articles must share a speaker or country
            if set(pro.speakers) != set(con.speakers) and story(pro) & story(con)
        )
        pair_found = next(pairs, None)
        if pair_found is None:
            continue
        pro, con = pair_found
        total = sum(c.articles for c in by["for"] + by["against"])
        pair = Disagreement(pro.target or key, _view(pro, actors, quotes), _view(con, actors, quotes))
        found.append(((-total, key), pair))
    return tuple(d for _, d in sorted(found, key=lambda f: f[0])[:limit])
