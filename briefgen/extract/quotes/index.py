"""One article's mentions, pronouns and cues, indexed by offset for the attribution rules."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from operator import attrgetter

from briefgen.extract.actors import ArticleActors
from briefgen.extract.lexicon import Lexicon, lexicon
from briefgen.extract.quotes.cues import _NOT_LETTER, Cue, CueSpeaker, _find_cues, _frame_words, _letters, _source_cores
from briefgen.extract.quotes.marks import QSpan
from briefgen.extract.quotes.patterns import _WORD
from briefgen.records import Mention

_PRONOUN_WORDS = (b" he ", b" He ", b" she ", b" She ")
_WORDISH = re.compile(r"[\w’']")
_CAPITALISED_NEXT = re.compile(r" (?!(?:He|She|They|It|I|We|You|The|A|An)\b)[A-Z][a-z]")
_CLAUSE_BREAK = re.compile(r"[!?;:\n]|\.\s")


@dataclass(slots=True)
class State:
    """The attribution context carried through an article in reading order."""

    history: list[str] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    last_para_speaker: str | None = None
    exchange: tuple[str, str] | None = None  # (asker, answerer) of the last question-and-reply


def _pronoun_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the whole words he, He, she, She, via a find() per pronoun on the text's ASCII-letter runs."""
    # each match is a whole [A-Za-z]+ run (its neighbours are no word characters): find the runs, then check
    padded = b" " + text.encode("ascii", "replace").translate(_NOT_LETTER) + b" "
    n = len(text)
    spans = []
    for needle in _PRONOUN_WORDS:
        size = len(needle) - 2
        pos = padded.find(needle)
        while pos != -1:
            end = pos + size
            if (pos == 0 or not _WORDISH.match(text, pos - 1)) and (end >= n or not _WORDISH.match(text, end)):
                spans.append((pos, end))
            pos = padded.find(needle, pos + 1)
    spans.sort()
    return spans


_ROLES: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _role_words(lex: Lexicon) -> frozenset[str]:
    """Role heads and modifiers in one set (built once per lexicon)."""
    known = _ROLES.get(id(lex))
    if known is not None and known[0] is lex:
        return known[1]
    roles = lex.role_heads | lex.role_modifiers
    _ROLES[id(lex)] = (lex, roles)
    return roles


def _visible_mentions(text: str, actors: ArticleActors, quotes: list[QSpan]) -> list[Mention]:
    """The actor stage's mentions and the pronouns outside marked quotes, in text order."""
    mentions: list[Mention] = [*actors.mentions, *actors.unresolved]
    pronouns = _pronoun_spans(text)
    if quotes:
        # not inside a marked quote (``in_quote``, inlined: the quote at or before each start)
        q_ends = [q.me for q in quotes]
        q_starts = [q.ms for q in quotes]
        mentions = [
            m for m in mentions if (i := bisect.bisect_right(q_starts, m.start) - 1) < 0 or q_ends[i] <= m.start
        ]
        pronouns = [p for p in pronouns if (i := bisect.bisect_right(q_starts, p[0]) - 1) < 0 or q_ends[i] <= p[0]]
    for ps, pe in pronouns:
        word = text[ps:pe]
        mentions.append(Mention(ps, pe, word, "\x00" + word.lower(), "person", rule="pronoun"))
    mentions.sort(key=attrgetter("start"))
    return mentions


class ArticleIndex:
    """An article's mentions (outside quotes), possessors and cues, with the reading-order state."""

    def __init__(self, text: str, actors: ArticleActors, quotes: list[QSpan]) -> None:
        self.text = text
        self.lex = lexicon()
        self.roles = _role_words(self.lex)
        self.quotes = quotes
        self.q_starts = [q.ms for q in quotes]
        mentions = self._absorb(_visible_mentions(text, actors, quotes))
        self.mentions = mentions
        self.m_starts = [m.start for m in mentions]
        self.possessors = [m for m in mentions if text.startswith(("’s ", "'s "), m.end)]
        self.p_starts = [m.start for m in self.possessors]
        self.kinds = {a.key: a.kind for a in actors.actors}
        self.salience = {a.key: a.mentions for a in actors.actors}
        self.state = State(genders=dict(actors.genders))
        # genders from names and role words and the holders of roles are worked out when first needed
        self.actor_of = {a.key: a for a in actors.actors}
        self.guessed: set[str] = set()
        self.holders_of: dict[str, set[str]] | None = None
        self.depth = 0
        low = text.lower()
        self.low = low
        # the lower-cased text keeps every offset (the usual case): sentence slices of it are lower-cased slices
        self.low_aligned = len(low) == len(text)
        letters, joiners = _letters(low)
        self._index_cues(letters, joiners)
        self._index_frames(letters)
        self.resolved_pronouns: dict[int, str | None] = {}
        # per-article memos of pure predicates, keyed by offsets (a pronoun's speaker is fixed once resolved,
        # so repeating a lookup never changes its answer)
        self.memo_collective: dict[tuple[int, int], bool] = {}
        self.memo_modifier: dict[tuple[int, int, str], bool] = {}
        self.memo_preposition: dict[tuple[int, int], bool] = {}
        self.memo_subject: dict[tuple[int, int, int], tuple[bool, str | None]] = {}
        self.memo_cue_speaker: dict[tuple[int, int, int, int], CueSpeaker] = {}
        self.askers: frozenset[str] | None = None  # interviewer labels, read on the first labelled paragraph

    def _index_cues(self, letters: bytes, joiners: bytes) -> None:
        """The article's reporting cues that are not part of a name, with their starts and ends."""
        text = self.text
        spans = [(m.start, m.end) for m in self.mentions if m.rule != "pronoun"]
        starts = [a for a, _ in spans]
        cues_found = []
        for c in _find_cues(text, self.low, letters, joiners, self.lex):
            i = bisect.bisect_right(starts, c.s) - 1
            if i >= 0 and spans[i][0] <= c.s < spans[i][1]:
                continue  # "United States", "Secretary of State": part of a name
            if text[c.s].isupper() and _CAPITALISED_NEXT.match(text, c.e):
                continue  # "State Bank ...", "Post Office": a capitalised cue word before a name word
            cues_found.append(c)
        self.cue_list = cues_found
        self.cue_starts = [c.s for c in self.cue_list]
        ends = [c.e for c in self.cue_list]
        # sorted like the starts unless a phrasal cue ("pointed out") reaches past the start of the next one
        self.cue_ends = ends if ends == sorted(ends) else None

    def _index_frames(self, letters: bytes) -> None:
        """Which rare frames (source, view, stance) occur at all: most sentences then skip their regexes."""
        low = self.low
        source_words, stance_words, view_words = _frame_words(self.lex)
        self.source_words = [w for w, b in source_words if (b in letters if b else w in low)]
        self.stance_words = [w for w, b in stance_words if (b in letters if b else w in low)]
        # pieces of source phrases that occur in the article (a sentence without any skips the source regex)
        cores = _source_cores(self.lex)
        self.source_cores = [c for c in cores if c in low] if self.low_aligned else list(cores)
        has_view = any((b in letters if b else w in low) for w, b in view_words)
        self.frame_flags = (bool(self.source_words), has_view, bool(self.stance_words))
        # a source frame needs one of its words and one of the cores (mostly no core occurs in an article)
        self.source_frames = bool(self.source_words) and bool(self.source_cores)

    def _absorb(self, mentions: list[Mention]) -> list[Mention]:
        """Drop a place mention that only qualifies the role of the person named next ("EU ... chief X")."""
        # only a non-person mention followed by a person can absorb it, so the merged pairs never overlap
        out = list(mentions)
        last = len(mentions) - 1
        for i in reversed([i for i, m in enumerate(mentions) if m.kind != "person" and i < last]):
            m = mentions[i]
            n = mentions[i + 1]
            if n.kind != "person" or n.rule == "pronoun" or n.start < m.end or n.start - m.end >= 80:
                continue
            gap = self.text[m.end : n.start]
            if gap[:1] == "," or _CLAUSE_BREAK.search(gap):
                continue  # not the same clause ("In Beijing, spokeswoman X": the comma ends a fronted adverbial)
            between = [w.lower() for w in _WORD.findall(gap.replace("’s", " ").replace("'s", " "))]
            roles = self.roles
            has_role = any(w in roles for w in between) or gap.strip() in ("’s", "'s")
            if has_role and all(w in roles or w in ("of", "the") for w in between):
                out[i : i + 2] = [
                    Mention(
                        m.start,
                        n.end,
                        self.text[m.start : n.end],
                        n.name,
                        n.kind,
                        role=n.role,
                        country=n.country,
                        affiliation=n.affiliation,
                        rule=n.rule,
                    )
                ]
        return out

    def cues(self, a: int, b: int) -> list[Cue]:
        """Cues lying inside [a, b)."""
        lo = bisect.bisect_left(self.cue_starts, a)
        if self.cue_ends is not None:
            # the cues ending by b are the first ones of those starting at or after a
            return self.cue_list[lo : bisect.bisect_right(self.cue_ends, b, lo)]
        hi = bisect.bisect_left(self.cue_starts, b)
        return [c for c in self.cue_list[lo:hi] if c.e <= b]

    def first_cue(self, a: int, b: int) -> Cue | None:
        """The first of ``cues(a, b)``, or None."""
        lo = bisect.bisect_left(self.cue_starts, a)
        hi = bisect.bisect_left(self.cue_starts, b)
        for c in self.cue_list[lo:hi]:
            if c.e <= b:
                return c
        return None

    def in_quote(self, pos: int) -> bool:
        """Whether a character offset lies inside a marked quote (marks included)."""
        i = bisect.bisect_right(self.q_starts, pos) - 1
        return i >= 0 and self.quotes[i].ms <= pos < self.quotes[i].me

    def possessors_in(self, a: int, b: int) -> list[Mention]:
        """Mentions (outside quotes) starting in [a, b) and followed by "’s " or "'s "."""
        lo = bisect.bisect_left(self.p_starts, a)
        hi = bisect.bisect_left(self.p_starts, b)
        return self.possessors[lo:hi]

    def mentions_in(self, a: int, b: int) -> list[Mention]:
        """Mentions (outside quotes) starting in [a, b)."""
        lo = bisect.bisect_left(self.m_starts, a)
        hi = bisect.bisect_left(self.m_starts, b)
        return self.mentions[lo:hi]

    def remember(self, speaker: str | None) -> None:
        """Record a speaker in reading order (for pronouns and continuations)."""
        if speaker:
            self.state.history.append(speaker)
            self.state.last_para_speaker = speaker
