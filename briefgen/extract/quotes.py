"""Quotes (direct, partial) and reported statements (indirect), attributed to a speaker or None."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice
from operator import attrgetter
from typing import Any, NamedTuple

from briefgen.extract.actors import ArticleActors
from briefgen.extract.fastre import trie_alternation
from briefgen.extract.lexicon import Lexicon, fold, lexicon, load_data
from briefgen.records import LocalQuote, Mention, QuoteKind

# Opening and closing marks. A straight " opens or closes by position; “ closes „ (German style).
_DOUBLE_OPEN = {"“": "”", "„": "“", "«": "»", '"': '"', "”": "”"}
_DOUBLE_CLOSE = frozenset('”“»"')
_SINGLE_OPEN = frozenset("‘'‚‹")
_SINGLE_CLOSE = frozenset("’'›‘")
_MARKS = re.compile("[“”„«»\"‘’‚‹›']")
_OPEN_BEFORE = frozenset(" \t\n([{—–-/:")
_CLOSE_AFTER = frozenset(" \t\n,.;:!?)]}—–-…")
_ABBREV = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "sgt",
        "capt",
        "prof",
        "jr",
        "sr",
        "no",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "mt",
        "ft",
        "jan",
        "feb",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
        "adm",
        "maj",
        "cmdr",
        "rev",
        "hon",
    }
)
_SENT_END = re.compile(r"[.!?]+[”\"’)]*\s+(?=[“\"‘(]?[A-Z0-9\u00c0-\u024f])")
_WORD = re.compile(r"[\w’'-]+")
_OPENING_SPAN = 300  # chars: a sentence-opening subject ("Some economists, however,") is far shorter
_PRONOUN = re.compile(r"(?<![\w’'])(?:[Hh]e|[Ss]he)(?![\w’'])")
_PRONOUN_WORDS = (b" he ", b" He ", b" she ", b" She ")
_PREPOSITION_BREAK = re.compile(r"[,;:—–“”\"]")
# at least nine [\w’'-]+ runs (each run is matched whole: a separator must follow it)
_NINE_WORDS = re.compile(r"[^\w’'-]*[\w’'-]+(?:[^\w’'-]+[\w’'-]+){8}")
# two [\w’'-]+ runs: a word character, a separator, a word character
_TWO_WORDS = re.compile(r"[\w’'-][^\w’'-]+[\w’'-]")
# character sets the rules test for presence (one search instead of a generator over the characters)
_STOP_MARK = re.compile('[.;:“”"]')
_COMMA_STOP_MARK = re.compile('[,.;:“”"]')
_SENTENCE_STOP = re.compile("[.;!?]")
_WORDISH = re.compile(r"[\w’']")
_ALNUM = re.compile(r"[^\W_]")  # a character for which str.isalnum() is true
_PREPOSITIONS = frozenset(
    {
        "with",
        "to",
        "of",
        "by",
        "from",
        "between",
        "against",
        "on",
        "for",
        "about",
        "at",
        "in",
        "into",
        "over",
        "among",
        "than",
        "like",
        "via",
        "under",
        "toward",
        "towards",
        "without",
        "within",
        "including",
        "through",
        "behind",
        "beyond",
        "upon",
        "onto",
        "across",
        "around",
        "near",
        "during",
        "amid",
        "despite",
        "versus",
        "per",
        "regarding",
        "concerning",
        "whom",
        "called",
        "named",
        "met",
        "meet",
        "meeting",
        "praised",
        "urged",
        "told",
        "asked",
        "accused",
        "criticized",
        "criticised",
        "thanked",
        "blamed",
        "spoke",
        "phoned",
        "visited",
    }
)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# lower-case words that qualify a title before a name ("state Sen.", "former deputy minister")
_TITLE_QUALIFIERS = frozenset(
    {"state", "federal", "former", "acting", "interim", "deputy", "senior", "junior", "local", "regional", "county"}
)
# "KYIV, Ukraine (AP) — ", "BRUSSELS — ": where a wire story starts, not part of its first sentence
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]{2,40}(?:, [A-Z][\w .'’-]{1,40})?(?: \([A-Za-z .]{1,20}\))? ?[—–-]{1,2} ")
_PAIR = re.compile(r"\b(?:[Tt]he two|[Bb]oth)(?: (?:men|women|leaders|sides|presidents|ministers))?\s+$")
_NEXT_CAPITAL = re.compile(r"\s+(?=[“\"‘A-Z])")
_CLAUSE_START = re.compile(
    r"(?:^|\s)(?:and|but|as|while|though|although|because|that|when|after|before|since|however)\s*$",
    re.IGNORECASE,
)
# where a clause's subject may start: the sentence start or a clause break before a new subject
_CLAUSE_OPENING = re.compile(r"(?:[;:—–]|,\s+(?:and|but|while|whereas)\b|\b(?:while|whereas)\b)\s*")
_QUOTE_MARK = re.compile('[“”"«»„]')
# "a note circulated by (the)", "the report published by": a document its issuer stands behind
_DOCUMENT_BY = re.compile(
    r"(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+){0,2}?(?:note|report|statement|document|memo|memorandum|letter|"
    r"paper|briefing|filing|release|assessment|study|analysis|estimates?|figures|data|forecast|survey)s?\s+"
    r"(?:circulated|issued|published|released|prepared|compiled|drafted|sent|distributed|put out)\s+by(?:\s+the)?"
)
_APPOSITIVE_OPENER = re.compile(r",\s+(?:a|an|the|who|whose|one of)\s")
_DETERMINER_ONLY = re.compile(r"\s+(?:(?:the|this|that|his|her|its|their|our|a|an)\s+)?")
_CAPITALISED_NEXT = re.compile(r" (?!(?:He|She|They|It|I|We|You|The|A|An)\b)[A-Z][a-z]")
# hot-path patterns, compiled once
_LAST_WORD = re.compile(r"([\w.]+)$")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
_CLAUSE_BREAK = re.compile(r"[!?;:\n]|\.\s")
_COORDINATED_SUBJECT = re.compile(r"[^,]\s(?:and|or|&)\s+$")
_LIST_INTRO = re.compile(r"\b(?:including|such as|like|from)\b")
_LIST_NEXT = re.compile(r"(?:,\s*[A-Z][\w’'-]*(?:,|\s+and\s)|\s+(?:and|or)\s+[A-Z])")
_SUBORDINATOR_END = re.compile(r"\b(?:before|after|while|when|by|without)\s+$")
_OBJECT_LINK = re.compile(r"\b(?:that|to|about|with)\b")
_ONLY_ABBREVIATIONS = re.compile(r"[^.;!?]*(?:[A-Z]\.)+[^.;!?]*")
_ABBREV_DOT = re.compile(r"\b(?:" + "|".join(sorted(_ABBREV)) + r")\.", re.IGNORECASE)
_COORDINATED_VERB = re.compile(r"(?:\band|\bbut|,)\s+(?:\w+\s+)?$")
_RELATIVE_VERB = re.compile(r"\b(?:who|which)\s+(?:\w+\s+)?$")
_THAT = re.compile(r"\bthat\b")
_POSSESSOR_END = re.compile(r"(?:[’']s?|\bthe|\bhis|\bher|\btheir|\bits)\s+(?:\w+\s+)?$")
_DETERMINER_END = re.compile(r"(?:^|\W)(?:the|a|an|his|her|its|their|our|of|this|that)\s+$")
_THAT_SOON = re.compile(r"(?:\s+[\w’'.-]+){0,4}?\s+that\b")
_ASIDE_PREPOSITION = re.compile(r"\s+(?:about|on|whether|if|over)\b")
_SENTENCE_ENDINGS = (".", "!", "?", "…", "”", '"', "’", "»", "“", ".)")
_ANSWER_LABEL = re.compile(r"([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}):\s+(?=\S)")
_SCARE_BEFORE = re.compile(
    r"(?:\bso-called|(?<![\w’'])(?:the|a|an|its|their|his|her|our|this|that))\s+(?:[a-z][\w-]*\s+)?$"
)
_ACRONYM_ASIDE = re.compile(r"\([A-Z][A-Za-z&.-]{1,9}\)")
_ACCORDING_AFTER = re.compile(r"[,;]?\s*according to\s+(?:the\s+)?", re.IGNORECASE)
_SPOKESMAN_OF = re.compile(r"[’']s (?:office|spokesman|spokeswoman|spokesperson|press office|press secretary)\s*")
_AFFILIATION_LINK = frozenset({"of", "at", "from"})
_BY = re.compile(r"\s+by\s+")
_GROUP_NOUNS = frozenset({"opposition", "protesters", "demonstrators", "residents", "unions", "farmers", "workers"})
_BRANCH_OF = re.compile(
    r"[’']s (?:[A-Za-z-]+ ){0,2}(?:section|branch|office|wing|unit|division|chapter|arm|spokesman|spokeswoman|"
    r"spokesperson|press office)\s*"
)
@lru_cache(maxsize=4)
def _group_nouns(collectives: frozenset[str]) -> frozenset[str]:
    """The lexicon's collective subjects and the bare group nouns that open a sentence ("The opposition")."""
    return collectives | _GROUP_NOUNS


_RELATIVE_WORD = re.compile(r"\b(?:that|which|who|whose)\s")
_WITH_BEFORE = re.compile(r"\b[Ww]ith\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,4}$")
_LOCATION_GAP = re.compile(r"in (?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2}")
# after a cue and before the comma that opens a quote: a listener or a short adjunct, maybe then "that"
_SHORT_ADJUNCT = re.compile(
    r"(?:(?:[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,2}|reporters|supporters|the (?:crowd|audience))"
    r"(?:\s+(?:via|in|on|at|during|after|before|from|over)\s+[\w’'-]+(?:\s+[\w’'-]+){0,2})?"
    r"|(?:via|in|on|at|during|to|with|after|before|from|over|through)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3})"
    r"(?:,?\s+that)?"
)
_ROLE_LEAD_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*[A-Za-z]")
_MEMBER_OF = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?")
_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|been|being)\s+$")
MAX_QUOTE_CHARS = 5000
MAX_QUOTES_PER_PARAGRAPH = 200


@dataclass(slots=True)
class QSpan:
    """A marked quote inside one paragraph: mark and content offsets."""

    ms: int
    qs: int
    qe: int
    me: int
    open_end: bool = False
    speaker: str | None = None
    cue: str | None = None
    kind: QuoteKind = "direct"
    attributed: bool = False
    unnamed: bool = False  # the cue's subject is found but names nobody ("a senior official said")
    rule: str = ""  # the id of the rule that chose the speaker (or decided there is none)


class Cue(NamedTuple):
    """A reporting cue found in the text: its offsets and the cue as written (a tuple, cheap to build)."""

    s: int
    e: int
    surface: str


# (speaker, cue as written lower-cased, attributed, rule id): what a quote attribution rule decides
Attribution = tuple[str | None, str | None, bool, str]
# (found, speaker, how): whether a cue's subject was found, who it stands for, and the id of the way it was found
CueSpeaker = tuple[bool, str | None, str]


# every byte that is not an ASCII letter becomes a space: ``bytes.split`` then yields the [A-Za-z]+ runs
_NOT_LETTER = bytes(c if (65 <= c <= 90 or 97 <= c <= 122) else 32 for c in range(256))
# ' and - join a word to its neighbour, as does ’ (which, like any non-ASCII character, becomes "?")
_JOINERS = bytes(35 if c in b"'-?" else 32 for c in range(256))
_BOUNDARY_MARKS = "’'-"


_HEADS: dict[int, tuple[Lexicon, re.Pattern[bytes], dict[bytes, tuple[str, dict[str, str] | None, bool]]]] = {}


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation of words as a trie (each branch starts with a distinct character)."""
    trie: dict[str, dict[str, Any]] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        return "(?:" + "|".join(alts) + ")" + ("?" if "" in node else "")

    return build(trie)


def _cue_heads(
    lex: Lexicon,
) -> tuple[re.Pattern[bytes], dict[bytes, tuple[str, dict[str, str] | None, bool]]]:
    """Single cue words and first words of phrasal cues, as one bytes regex for ``_letters`` of a text,
    and for each (as matched, with its leading space) the word, its phrasal tails and whether it is a cue alone.
    """
    known = _HEADS.get(id(lex))
    if known is not None and known[0] is lex:
        return known[1], known[2]
    words = sorted(w for w in lex.cue_forms.keys() | lex.cue_phrasal.keys() if w.isascii() and w.isalpha())
    heads = re.compile((" " + _trie_pattern(words) + "(?= )").encode("ascii"))
    table = {(" " + w).encode("ascii"): (w, lex.cue_phrasal.get(w), w in lex.cue_forms) for w in words}
    _HEADS[id(lex)] = (lex, heads, table)
    return heads, table


def _letters(low: str) -> tuple[bytes, bytes]:
    """``low`` with every character that is not an ASCII letter as a space (a non-ASCII character encodes to
    one "?"), padded: each maximal [A-Za-z]+ run w of ``low`` is an occurrence of b" w " at the same offset;
    and, aligned with it, "#" where ``low`` has a character that may join a word to its neighbour."""
    ascii_low = low.encode("ascii", "replace")
    return b" " + ascii_low.translate(_NOT_LETTER) + b" ", b" " + ascii_low.translate(_JOINERS) + b" "


def find_cues(text: str, lex: Lexicon) -> list[Cue]:
    """Every reporting cue of a text: its whole words that are cue words or heads of phrasal cues."""
    low = text.lower()
    return _find_cues(text, low, *_letters(low), lex)


def _find_cues(text: str, low: str, letters: bytes, joiners: bytes, lex: Lexicon) -> list[Cue]:
    heads, table = _cue_heads(lex)
    out: list[Cue] = []
    for hm in heads.finditer(letters):
        pos = hm.start()
        w, tails, alone = table[hm.group()]
        end = pos + len(w)
        # a whole word: no letter, ’, ' or - on either side (only non-ASCII ones, ' and - need a closer look)
        if joiners[pos] == 35 and (low[pos - 1].isalpha() or low[pos - 1] in _BOUNDARY_MARKS):
            continue
        if joiners[end + 1] == 35 and (low[end].isalpha() or low[end] in _BOUNDARY_MARKS):
            continue
        if tails:
            rest = " ".join(low[end : end + 24].split()[:2])
            for tail in tails:
                if rest == tail or rest.startswith(tail + " ") or rest.rstrip(",.;:") == tail or (
                    rest.partition(",")[0] == tail  # "shot back, “...”"
                ):
                    stop = low.find(tail.split()[-1], end) + len(tail.split()[-1])
                    out.append(Cue(pos, stop, text[pos:stop]))
                    break
            else:
                if alone:
                    out.append(Cue(pos, end, text[pos:end]))
        elif alone:
            out.append(Cue(pos, end, text[pos:end]))
    return out  # in text order already: one hit per whole word, found left to right


@dataclass(slots=True)
class State:
    """The attribution context carried through an article in reading order."""

    history: list[str] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    last_para_speaker: str | None = None
    exchange: tuple[str, str] | None = None  # (asker, answerer) of the last question-and-reply


def scan_quotes(text: str, start: int, end: int) -> list[QSpan]:
    """Marked quote spans of one paragraph, in one linear pass over the marks."""
    spans: list[QSpan] = []
    dbl: tuple[int, str] | None = None
    sgl: int | None = None
    for m in _MARKS.finditer(text, start, end):
        i = m.start()
        c = m.group()
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if dbl is not None:
            opener_pos, opener = dbl
            closes = c in _DOUBLE_CLOSE and (c != "“" or opener == "„") and (c != '"' or not nxt.isalnum())
            if closes and (c != '"' or not prev.isspace()):
                if i > opener_pos + 1:
                    spans.append(QSpan(opener_pos, opener_pos + 1, i, i + 1))
                dbl = None
                sgl = None
            elif c == "“" and opener == "“":
                dbl = (i, c)  # the earlier opening mark was never closed: start again here
            continue
        if c in _DOUBLE_OPEN and c != "”":
            if c == '"' and (nxt.isspace() or not (prev in _OPEN_BEFORE or i == start)):
                continue
            if c == "“" and nxt.isspace():
                continue
            dbl = (i, c)
            sgl = None
            continue
        if sgl is None:
            if c in _SINGLE_OPEN and (prev in _OPEN_BEFORE or i == start) and not nxt.isspace() and c != "’":
                sgl = i
        elif c in _SINGLE_CLOSE and not prev.isspace() and (nxt in _CLOSE_AFTER or i + 1 >= end):
            if not (prev.isalpha() and nxt.isalpha()) and i > sgl + 1:
                spans.append(QSpan(sgl, sgl + 1, i, i + 1))
                spans[-1].kind = "partial"
                spans[-1].cue = "'"  # marks single-quoted spans; cleared below
            sgl = None
        if len(spans) > MAX_QUOTES_PER_PARAGRAPH * 10:
            break
    if dbl is not None and end - dbl[0] > 2:
        spans.append(QSpan(dbl[0], dbl[0] + 1, end, end, open_end=True))
    elif sgl is not None and end - sgl > 2 and text[end - 1] in ".!?" and " " in text[sgl:end]:
        # single-mark house style: a quote left open at a paragraph end continues in the next one
        spans.append(QSpan(sgl, sgl + 1, end, end, open_end=True, kind="partial", cue="'"))
    spans.sort(key=lambda s: s.ms)
    # drop spans nested in another span (quotes inside quotes are part of the outer quote)
    out: list[QSpan] = []
    for s in spans:
        if out and s.ms < out[-1].me:
            continue
        out.append(s)
    return out


def _stops(text: str) -> list[int]:
    """Offsets of every ".", "!" and "?" of a text, in order: where a sentence end (``_SENT_END``) can start."""
    found = []
    for ch in ".!?":
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    return found


def _sentence_ends(text: str, start: int, end: int, stops: list[int]) -> list[re.Match[str]]:
    """What ``_SENT_END.finditer(text, start, end)`` finds, trying the pattern only at the stops in [start, end)
    (``str.find`` scans a text faster than the regex engine)."""
    found = []
    resume = start
    lo = bisect.bisect_left(stops, start)
    for pos in stops[lo : bisect.bisect_left(stops, end, lo)]:
        if pos >= resume and (m := _SENT_END.match(text, pos, end)) is not None:
            found.append(m)
            resume = m.end()
    return found


def _sentences(text: str, start: int, end: int, quotes: list[QSpan], stops: list[int]) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph (``stops``: the text's ``_stops``); boundaries inside quotes do not count."""
    dateline = _DATELINE.match(text, start, end)
    bounds = [dateline.end() if dateline else start]
    qi = 0
    for m in _sentence_ends(text, start, end, stops):
        pos = m.start()
        while qi < len(quotes) and quotes[qi].me <= pos:
            qi += 1
        if qi < len(quotes) and quotes[qi].ms <= pos < quotes[qi].me - 1:
            continue
        if text[pos] == ".":
            wm = _LAST_WORD.search(text, max(start, pos - 12), pos)
            word = wm.group(1) if wm else ""
            if word.lower() in _ABBREV or _INITIALS.fullmatch(word):
                continue
        bounds.append(m.end())
    # a quote ending in . ! ? followed by a capitalised word ends its sentence (“…?” Major argued)
    for q in quotes:
        if q.open_end or q.me >= end:
            continue
        if text[q.qs : q.qe].rstrip()[-1:] in (".", "!", "?") and (nxt := _NEXT_CAPITAL.match(text, q.me)):
            bounds.append(nxt.end())
    if len(bounds) == 1:
        return [(bounds[0], end)] if end > bounds[0] else []
    bounds = sorted(set(bounds))
    return [(a, b) for a, b in zip(bounds, [*bounds[1:], end], strict=True) if b > a]


@lru_cache(maxsize=1)
def _cue_noun_re() -> re.Pattern[str]:
    """Reporting nouns ("statement", "warning"), longest first, not inside a word."""
    # the lookbehind first: it fails at once inside a word, where most positions are
    return re.compile(r"(?<![\w])(" + trie_alternation(lexicon().cue_nouns) + r")\b")


@lru_cache(maxsize=1)
def _cue_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon()
    source = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(p) for p in lex.source_phrases) + r")\s+", re.IGNORECASE)
    frames = [f.replace("{}", "\x00") for f in lex.view_frames]
    view = re.compile(
        r"(?<![\w])(?:" + "|".join(re.escape(f).replace("\x00", r"(?P<who>[^,]{1,80}?)") for f in frames[:1]) + r")",
        re.IGNORECASE,
    )
    frame_alt = "|".join(re.escape(f).replace("\x00", r"[^,]{1,80}?") for f in frames)
    view = re.compile(r"(?<![\w])(?:" + frame_alt + r")\s*,", re.IGNORECASE)
    stance = re.compile(
        r"\s\s*(?:"
        + "|".join(
            re.escape(f)
            for f in sorted(
                {f for f, lemma in _verb_surface(lex).items() if lemma in lex.stance_copulas},
                key=len,
                reverse=True,
            )
        )
        + r")\s+(?:"
        + "|".join(re.escape(a) for a in sorted(lex.stance_adjectives))
        + r")\b",
        re.IGNORECASE,
    )
    return source, view, stance


_CORES: dict[int, tuple[Lexicon, tuple[str, ...]]] = {}


def _source_cores(lex: Lexicon) -> tuple[str, ...]:
    """For each source phrase, a piece that the lower-cased text of any match of the source regex contains.

    The piece avoids i, k and s, the ASCII letters that ``re.IGNORECASE`` also matches to other characters
    (ı, İ, K, ſ), so the check is a necessary condition of a match: sentences without any piece skip the regex.
    """
    known = _CORES.get(id(lex))
    if known is not None and known[0] is lex:
        return known[1]
    cores = []
    for phrase in lex.source_phrases:
        low = phrase.lower()
        pieces = re.split(r"[^a-hjlmnoprt-z ]", low) if low == phrase else [""]
        cores.append(max(pieces, key=len))
    _CORES[id(lex)] = (lex, tuple(cores))
    return tuple(cores)


_VIEW_CORES: dict[int, tuple[Lexicon, tuple[tuple[str, ...], ...]]] = {}


def _view_cores(lex: Lexicon) -> tuple[tuple[str, ...], ...]:
    """For each view frame ("in {}’s view"), pieces that the lower-cased text of any match of it contains.

    As for ``_source_cores``, the pieces avoid i, k and s (and any character outside a-z and space), so
    a sentence that lacks a piece of every frame cannot match the view regex.
    """
    known = _VIEW_CORES.get(id(lex))
    if known is not None and known[0] is lex:
        return known[1]
    cores: dict[tuple[str, ...], None] = {}
    for frame in lex.view_frames:
        parts = frame.split("{}")
        pieces = [p for part in parts for p in re.split(r"[^a-hjlmnoprt-z ]", part) if len(p) >= 2]
        cores[tuple(pieces) if frame.lower() == frame else ()] = None
    found = tuple(cores)
    _VIEW_CORES[id(lex)] = (lex, found)
    return found


_FRAME_WORDS: dict[int, tuple[Lexicon, tuple[tuple[tuple[str, bytes | None], ...], ...]]] = {}


def _frame_words(lex: Lexicon) -> tuple[tuple[tuple[str, bytes | None], ...], ...]:
    """First words of source phrases, stance adjectives and the nouns of view frames, each with its bytes
    when it is ASCII letters only (then it occurs in a lower-cased text exactly when in the first bytes of
    its ``_letters``).
    """
    known = _FRAME_WORDS.get(id(lex))
    if known is not None and known[0] is lex:
        return known[1]

    def encoded(words: list[str]) -> tuple[tuple[str, bytes | None], ...]:
        return tuple((w, w.encode("ascii") if w.isascii() and w.isalpha() else None) for w in words)

    found = (
        encoded(list(dict.fromkeys(p.split()[0] for p in lex.source_phrases))),
        encoded(sorted(lex.stance_adjectives)),
        encoded(list(dict.fromkeys(f.split("{}")[-1].strip(" ’'s") for f in lex.view_frames))),
    )
    _FRAME_WORDS[id(lex)] = (lex, found)
    return found


def _verb_surface(lex: Lexicon) -> dict[str, str]:
    forms = {
        "remain": "remain",
        "remains": "remain",
        "remained": "remain",
        "is": "be",
        "was": "be",
        "are": "be",
        "were": "be",
        "appears": "appear",
        "appeared": "appear",
        "seems": "seem",
        "seemed": "seem",
        "sounded": "sound",
        "sounds": "sound",
    }
    return forms


def _pronoun_spans(text: str) -> list[tuple[int, int]]:
    """The spans ``_PRONOUN.finditer`` finds, via a find() per pronoun on the text's ASCII-letter runs."""
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


@lru_cache(maxsize=1)
def _gender_words() -> tuple[dict[str, str], dict[str, str]]:
    """(first name -> gender, gendered role word or title -> gender), lower-cased, from first_names.yml."""
    data = load_data("first_names.yml")
    names = {fold(str(n)): "female" for n in data["female"]} | {fold(str(n)): "male" for n in data["male"]}
    words = {str(w).lower(): "female" for w in data["female_words"]}
    words |= {str(w).lower(): "male" for w in data["male_words"]}
    return names, words


@lru_cache(maxsize=4096)
def _word_gender(word: str) -> str | None:
    """The gender of a capitalised word used as a first name ("Sofía", "Jan-Willem"), or None."""
    names = _gender_words()[0]
    first = fold(word)  # without diacritics: "Sofía" and "Sofia" alike
    return names.get(first) or names.get(first.split("-")[0])


def _gender_of(name: str, texts: Sequence[str]) -> str | None:
    """A person's gender from a gendered role word or title in its mentions, else from the first name."""
    words = _gender_words()[1]
    found = {words[w] for t in texts if t for w in _WORD.findall(t.lower().replace(".", "")) if w in words}
    if len(found) == 1:
        return found.pop()
    if found:
        return None  # contradictory words: unknown
    for text in (name, *texts):  # the name, then its mentions ("Mayor Ana Ruiz" when the name is "Ruiz")
        for word in text.split():
            if not word[:1].isupper():
                continue
            gender = _word_gender(word)
            if gender:
                return gender
            if text is name:
                break  # only the first word of the name itself
    return None


# "X is the country's minister of ...", "X, who is a senior adviser": a role given by a copula
_COPULAR_ROLE = re.compile(
    r"\s+(?:is|was|has been|had been|became|serves as|, who is|, who was)\s+(?:the|a|an)\s+([^,;.]{1,80})"
)
_COPULAS = (" is ", " was ", " has been ", " had been ", " became ", " serves as ", ", who is ", ", who was ")
# "the minister", "the energy minister": a role named without a name (its head is checked against the roles)
# "[Tt](?<![\w’'][Tt])he" here and in the role patterns below matches what "(?<![\w’'])[Tt]he" matches, but
# opening with a character class lets the regex engine skip ahead to the next "T" or "t"
_THE_ROLE = re.compile(r"[Tt](?<![\w’'][Tt])he\s+(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*)\b")


class Attributor:
    """Attribution for one article: mentions, pronouns and the reading-order speaker history."""

    def __init__(self, text: str, actors: ArticleActors, quotes: list[QSpan]) -> None:
        self.text = text
        self.lex = lexicon()
        self.roles = _role_words(self.lex)
        self.quotes = quotes
        self.q_starts = [q.ms for q in quotes]
        mentions: list[Mention] = [*actors.mentions, *actors.unresolved]
        pronouns = _pronoun_spans(text)
        if quotes:
            # not inside a marked quote (``in_quote``, inlined: the quote at or before each start)
            q_ends = [q.me for q in quotes]
            q_starts = self.q_starts
            mentions = [
                m for m in mentions if (i := bisect.bisect_right(q_starts, m.start) - 1) < 0 or q_ends[i] <= m.start
            ]
            pronouns = [p for p in pronouns if (i := bisect.bisect_right(q_starts, p[0]) - 1) < 0 or q_ends[i] <= p[0]]
        for ps, pe in pronouns:
            word = text[ps:pe]
            mentions.append(Mention(ps, pe, word, "\x00" + word.lower(), "person", rule="pronoun"))
        mentions.sort(key=attrgetter("start"))
        mentions = self._absorb(mentions)
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
        spans = [(m.start, m.end) for m in mentions if m.rule != "pronoun"]
        starts = [a for a, _ in spans]
        cues_found = []
        low = text.lower()
        self.low = low
        # the lower-cased text keeps every offset (the usual case): sentence slices of it are lower-cased slices
        self.low_aligned = len(low) == len(text)
        letters, joiners = _letters(low)
        for c in _find_cues(text, low, letters, joiners, self.lex):
            i = bisect.bisect_right(starts, c.s) - 1
            if i >= 0 and spans[i][0] <= c.s < spans[i][1]:
                continue  # "United States", "Secretary of State": part of a name
            if text[c.s].isupper() and _CAPITALISED_NEXT.match(text, c.e):
                continue  # "State Bank ...", "Post Office": a capitalised cue word before a name word
            cues_found.append(c)
        self.cue_list = cues_found
        # which rare frames occur at all in this article: most sentences then skip their regexes
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
        self.cue_starts = [c.s for c in self.cue_list]
        ends = [c.e for c in self.cue_list]
        # sorted like the starts unless a phrasal cue ("pointed out") reaches past the start of the next one
        self.cue_ends = ends if ends == sorted(ends) else None
        self.resolved_pronouns: dict[int, str | None] = {}
        # per-article memos of pure predicates, keyed by offsets (a pronoun's speaker is fixed once resolved,
        # so repeating a lookup never changes its answer)
        self.memo_collective: dict[tuple[int, int], bool] = {}
        self.memo_modifier: dict[tuple[int, int, str], bool] = {}
        self.memo_preposition: dict[tuple[int, int], bool] = {}
        self.memo_subject: dict[tuple[int, int, int], tuple[bool, str | None]] = {}
        self.memo_cue_speaker: dict[tuple[int, int, int, int], CueSpeaker] = {}
        self.askers: frozenset[str] | None = None  # interviewer labels, read on the first labelled paragraph

    def _gender(self, key: str) -> str | None:
        """A person's known gender: from the actor stage or pronouns, else from role words, titles, first names."""
        known = self.state.genders.get(key)
        if known is not None or key in self.guessed:
            return known
        self.guessed.add(key)
        actor = self.actor_of.get(key)
        if actor is None or actor.kind != "person":
            return None
        gender = _gender_of(actor.name, (*actor.aliases, *actor.roles))
        if gender:
            self.state.genders[key] = gender
        return gender

    def _role_holders(self) -> dict[str, set[str]]:
        """Role head words -> the person actors holding them (from titles, roles and "X is the <role>")."""
        if self.holders_of is not None:
            return self.holders_of
        heads = self.lex.role_heads
        holders: dict[str, set[str]] = {}

        def add(words: str, key: str) -> None:
            for w in _WORD.findall(words.lower()):
                if w in heads:
                    holders.setdefault(w, set()).add(key)

        for a in self.actor_of.values():
            if a.kind == "person":
                for role in a.roles:
                    add(role, a.key)
        for m in self.mentions:
            if m.kind != "person" or m.rule in ("pronoun", "role-ref") or not m.name:
                continue
            add(m.role or "", m.name)
            if self.text.startswith(_COPULAS, m.end):
                cop = _COPULAR_ROLE.match(self.text, m.end, m.end + 120)
                if cop is not None:
                    add(cop.group(1), m.name)
        self.holders_of = holders
        return holders

    def _holder(self, head: str, gender: str | None, at: int = -1) -> str | None:
        """The person a bare "the <role>" stands for: the most mentioned holder of the role of that gender."""
        holders = self._role_holders().get(head, ())
        just = self._just_named(sorted(k for k in holders if self._compatible(k, gender)), at)
        if just is not None:
            return just  # "X struck a harder tone. The minister said ...": the holder named just before
        cands = [k for k in holders if gender is None or self._gender(k) == gender]
        if not cands:
            return None
        cands.sort(key=lambda k: self.salience.get(k, 0), reverse=True)
        if len(cands) > 1 and self.salience.get(cands[0], 0) == self.salience.get(cands[1], 0):
            return None  # two equally prominent holders: unsure
        return cands[0]

    def _just_named(self, cands: list[str], at: int) -> str | None:
        """Among role holders, the one named in the sentence right before ``at`` when only one of them is."""
        if at < 0:
            return None
        chunk = self.text[max(0, at - 300) : at].rstrip()
        cut = max(chunk.rfind(". ", 0, len(chunk) - 1), chunk.rfind("\n"))
        lo = at - len(self.text[max(0, at - 300) : at]) + cut + 1 if cut >= 0 else max(0, at - 300)
        named = {m.name for m in self.mentions_in(lo, at) if m.rule not in ("pronoun", "role-ref") and m.name in cands}
        return next(iter(named)) if len(named) == 1 else None

    def _role_subject(self, a: int, b: int, gender: str | None) -> str | None:
        """A "the <role>" subject in [a, b) (at the start or after a comma), resolved to its holder."""
        for rm in _THE_ROLE.finditer(self.text, a, b):
            if rm.group(1) not in self.lex.role_heads or self.in_quote(rm.start()):
                continue
            lead = self.text[a : rm.start()].rstrip()
            if lead and not lead.endswith(","):
                continue
            return self._holder(rm.group(1), gender, rm.start())
        return None

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

    # --- speakers -------------------------------------------------------------------------------
    def speaker_of(self, m: Mention, sent: tuple[int, int]) -> str | None:
        """The actor key a mention stands for (pronouns resolved), or None."""
        if m.rule == "role-ref" and not m.name:
            words = m.text.split()
            if len(words) == 2 and words[0] in ("The", "the") and words[1] in self.lex.role_heads:
                return self._holder(words[1], None, m.start)  # "The minister told ...": its holder, if one is clear
            return None
        if m.rule != "pronoun":
            return m.name or None
        if m.start in self.resolved_pronouns:
            return self.resolved_pronouns[m.start]
        gender = self.lex.pronouns.get(m.text.lower())
        result: str | None = None
        head = self.text[sent[0] : m.start]
        if _NARRATOR_CLAUSE.match(head) and head.rstrip().endswith(","):
            # "When I met X in May, she told me": the one person the narrator met
            met = {
                c.name
                for c in self.mentions_in(sent[0], m.start)
                if c.rule not in ("pronoun", "role-ref") and self.kinds.get(c.name) == "person"
            }
            if len(met) == 1 and self._compatible(next(iter(met)), gender):
                result = next(iter(met))
                self.resolved_pronouns[m.start] = result
                return result
        # a pronoun later in a sentence refers to the sentence's first compatible person
        for cand in self.mentions_in(sent[0], m.start):
            if cand.rule in ("pronoun", "role-ref") or self.kinds.get(cand.name) != "person":
                continue
            if self._is_modifier(cand) or self._preceded_by_preposition(cand, sent):
                continue  # "Speaking in <place>, he ...", "Asked about Y's plan, she ...": not the antecedent
            if self._compatible(cand.name, gender):
                result = cand.name
                break
        if result is None and "he " in self.text[sent[0] : m.start]:  # "the"/"The" occurs before the pronoun
            result = self._role_subject(sent[0], m.start, gender)  # "the minister is asked whether she ..."
        if result is None and self.depth < 4:
            self.depth += 1
            try:
                result = self._previous_subject(sent, gender)
            finally:
                self.depth -= 1
        if result is None:
            for name in reversed(self.state.history[-6:]):
                if self.kinds.get(name) == "person" and self._compatible(name, gender):
                    result = name
                    break
        if result is None and gender:
            result = self._recent_person(sent[0], gender)
        if result and gender:
            self.state.genders.setdefault(result, gender)
        self.resolved_pronouns[m.start] = result
        return result

    def _previous_subject(self, sent: tuple[int, int], gender: str | None) -> str | None:
        """The person opening the previous sentence ("The secretary, X, struck a tone. He said ...")."""
        lo = max(0, sent[0] - 400)
        chunk = self.text[lo : sent[0]].rstrip()
        cut = max(chunk.rfind(". ", 0, len(chunk) - 1), chunk.rfind("\n"), chunk.rfind("? "), chunk.rfind("! "))
        p_start = lo + cut + 1 if cut >= 0 else lo
        ms = self.mentions_in(p_start, sent[0])
        first = next(iter(ms), None)
        lead = self.text[p_start : first.start if first else sent[0]]
        if "he " in lead.lower() and _THE_ROLE.search(lead):
            # "The minister is unrepentant. ... she explains": the role stands for its holder
            role = self._role_subject(p_start + len(lead) - len(lead.lstrip()), p_start + len(lead), gender)
            if role is not None:
                return role
        if first is not None and self.text.startswith(("’s ", "'s "), first.end) and len(ms) > 1:
            second = ms[1]
            chain = self.text[first.end + 3 : second.start].split()
            if all(w.lower() in self.roles or w in self.lex.honorifics for w in chain):
                first = second  # "Y's analyst X was cautious.": X opens the sentence, not the possessor Y
        if first is None or first.rule == "role-ref" or self._is_modifier(first):
            return None
        if first.rule == "pronoun":
            name = self.resolved_pronouns.get(first.start, "")
            if name == "":
                name = self.speaker_of(first, (p_start, sent[0]))
        elif self.kinds.get(first.name) == "person" and not self._preceded_by_preposition(first, (p_start, sent[0])):
            name = first.name
        else:
            return None
        return name if name and self._compatible(name, gender) else None

    def _recent_person(self, before: int, gender: str) -> str | None:
        """The nearest person named in the preceding text (~two paragraphs) known to be of this gender."""
        lo = bisect.bisect_left(self.m_starts, max(0, before - 800))
        hi = bisect.bisect_left(self.m_starts, before)
        unknown: str | None = None  # the nearest person of unknown gender, if nobody of this gender is named
        for cand in reversed(self.mentions[lo:hi]):
            if cand.rule in ("pronoun", "role-ref") or self.kinds.get(cand.name) != "person":
                continue
            if self._is_modifier(cand) or self._preposition_before(cand, max(0, cand.start - 40)):
                continue
            known = self._gender(cand.name)
            if known == gender:
                return cand.name
            if known is None and unknown is None:
                unknown = cand.name
        return unknown

    def _compatible(self, name: str, gender: str | None) -> bool:
        if gender is None:
            return True
        known = self._gender(name)
        return known is None or known == gender

    def _is_collective(self, m: Mention) -> bool:
        key = (m.start, m.end)
        known = self.memo_collective.get(key)
        if known is None:
            known = self.memo_collective[key] = self._collective(m)
        return known

    def _collective(self, m: Mention) -> bool:
        words = m.text.split()
        if (
            m.rule != "pronoun"
            and len(words) <= 2
            and words[-1].lower() in self.lex.collective_nouns
            and (len(words) == 1 or words[0].lower() in _DETERMINERS)
        ):
            return True  # "Officials said", "Others warned": an unnamed group, not a speaker
        after = self.text[m.end : m.end + 40].split(None, 1)
        nxt = after[0].strip(",.;:’'").lower() if after else ""
        if nxt in self.lex.collective_nouns:
            return True
        before = self.text[max(0, m.start - 8) : m.start].lower()
        # "X and Y said": a coordinated subject is a group, not one speaker (", and X said" is a new clause)
        if not _COORDINATED_SUBJECT.search(before):
            return False
        if (
            m.kind == "person"
            and ("’s " in m.text or "'s " in m.text)
            and _NAME_AND.search(self.text, max(0, m.start - 30), m.start)
        ):
            return False  # "the Energy and Water Authority's deputy chair, X": the "and" sits inside the body's name
        lead = self.text[max(0, m.start - 60) : m.start].rstrip()
        titled = any(w.lower() in self.lex.role_heads for w in m.text.split()[:-1])
        if titled and _PORTFOLIO_WORD_AND.search(lead) and not self.mentions_in(max(0, m.start - 60), m.start):
            return False  # "Plantation and Commodities Minister X": a portfolio word, not a second person
        return not (titled and _PORTFOLIO_LEAD.search(lead))  # "Trade, Industry and Energy Minister X"

    def _is_modifier(self, m: Mention) -> bool:
        key = (m.start, m.end, m.kind)
        known = self.memo_modifier.get(key)
        if known is None:
            known = self.memo_modifier[key] = self._modifier(m)
        return known

    def _modifier(self, m: Mention) -> bool:
        if self.text.startswith(("’s", "'s"), m.end):
            return True
        if m.kind == "country":
            return False
        before = self.text[max(0, m.start - 5) : m.start].lower().split()
        if not before or before[-1] not in _DETERMINERS:
            return False
        after = self.text[m.end : m.end + 20].split(None, 1)
        if after and after[0][:1].islower():
            word = after[0].lower().strip(",.")
            # "the NATO summit" is a modifier; "the Bank of Japan raised ..." is a subject and its verb
            return word not in self.lex.cue_forms and not word.endswith("ed")
        return False

    def subject_before(self, cue_start: int, sent: tuple[int, int]) -> tuple[bool, str | None]:
        """(found, speaker) for the subject of a verb at cue_start; found=False when none is visible."""
        key = (cue_start, sent[0], sent[1])
        known = self.memo_subject.get(key)
        if known is None:
            known = self.memo_subject[key] = self._subject_before(cue_start, sent)
        return known

    def _subject_before(self, cue_start: int, sent: tuple[int, int]) -> tuple[bool, str | None]:
        cands = self.mentions_in(sent[0], cue_start)
        gap_text = ""
        for m in reversed(cands):
            if m.end > cue_start:
                continue
            gap_text = self.text[m.end : cue_start]
            person = m.kind == "person"
            pronoun = m.rule == "pronoun"  # (a pronoun is always a person)
            if person and not pronoun and gap_text[:1] in ("’", "'") and _SPOKESMAN_OF.fullmatch(gap_text):
                return True, self.speaker_of(m, sent)  # "Yoon's office said": the office speaks for him
            if m.kind == "organisation" and gap_text[:1] in ("’", "'") and _BRANCH_OF.fullmatch(gap_text):
                return True, self.speaker_of(m, sent)  # "Amnesty International's Finnish section said"
            if not self._gap_ok(gap_text, person or m.rule == "org-apposed"):
                continue
            if gap_text.strip() == "," and self._inside_relative(m, sent[0]):
                continue  # "X, the company that operates Las Bambas, said": the object of a relative clause
            if self._is_modifier(m):
                continue
            if self._preceded_by_preposition(m, sent):
                if m.kind == "organisation" and self._members_of(m, sent[0]):
                    return True, self.speaker_of(m, sent)  # "Analysts at X said", "Observers from X said"
                if (
                    m.rule != "pronoun"
                    and not gap_text.strip()
                    and _WITH_BEFORE.search(self.text, max(sent[0], m.start - 60), m.start)
                    and _is_participle(self.text[cue_start : cue_start + 30])
                ):
                    return True, self.speaker_of(m, sent)  # "..., with X calling it “a disgrace”"
                owner = self._member_before(m, cands)
                if owner is not None and self._gap_ok(gap_text, True):
                    return True, self.speaker_of(owner, sent)  # "X of the Sierra Club, a lawyer, said"
                continue
            if not pronoun and self._is_collective(m):
                return True, None
            return True, self.speaker_of(m, sent)
        if self._role_only_before(cue_start, sent) or self._collective_only_before(cue_start, sent):
            return True, None  # "a senior Israeli official said", "Critics said": nobody named
        return False, None

    def _member_before(self, m: Mention, cands: list[Mention]) -> Mention | None:
        """The named person right before "of/from/at (the)" and an organisation mention ``m``."""
        i = cands.index(m)
        if i == 0 or m.kind != "organisation":
            return None
        p = cands[i - 1]
        if p.kind != "person" or p.rule == "pronoun" or not _MEMBER_OF.fullmatch(self.text, p.end, m.start):
            return None
        return p

    def _collective_only_before(self, cue_start: int, sent: tuple[int, int]) -> bool:
        """Whether the subject before a cue is a bare group noun opening the sentence ("Critics said",
        "Some economists warned", "The opposition called ...")."""
        if cue_start - sent[0] > _OPENING_SPAN:
            return False  # not an opening subject; and scanning every cue's whole sentence is quadratic
        words = _WORD.findall(self.text, sent[0], cue_start)
        while words and words[-1].lower() in self.lex.adverbs:
            words.pop()
        if not words or len(words) > 3 or words[-1].lower() not in _group_nouns(self.lex.collectives):
            return False
        return all(w.lower() in _DETERMINERS or w.lower() in ("some", "many", "most", "other") for w in words[:-1])

    def _inside_relative(self, m: Mention, floor: int) -> bool:
        """Whether a mention ends a comma-bounded relative clause ("..., the firm that runs X,")."""
        comma = self.text.rfind(",", floor, m.start)
        return comma >= 0 and _RELATIVE_WORD.search(self.text, comma, m.start) is not None

    def _members_of(self, m: Mention, floor: int) -> bool:
        """Whether an organisation is named after "<collective> at/from" ("analysts at X", "observers from the X")."""
        words = _WORD.findall(self.text, max(floor, m.start - 40), m.start)
        if words and words[-1].lower() == "the":
            words.pop()
        return (
            len(words) >= 2
            and words[-1].lower() in ("at", "from")
            and words[-2].lower() in self.lex.collective_nouns
            and not _PREPOSITION_BREAK.search(self.text, max(floor, m.start - 40), m.start)
        )

    def _role_only_before(self, cue_start: int, sent: tuple[int, int]) -> bool:
        """Whether the subject before a cue is a role with no name ("a senior official", "X's envoy, ..., ")."""
        last = self.text[max(sent[0], cue_start - 24) : cue_start].rsplit(None, 1)[-1:]
        word = last[0].lower() if last else ""
        if word[-1:].isalpha() and word not in self.lex.adverbs and word not in self.lex.role_heads:
            return False  # the cheapest test: "<role> said" needs a role word right before the cue
        stretch = self.text[max(sent[0], cue_start - 300) : cue_start].rstrip()
        if stretch.endswith(","):
            aside = stretch.rfind(",", 0, len(stretch) - 1)
            if aside < 0 or _QUOTE_MARK.search(stretch, aside):
                return False
            stretch = stretch[:aside]  # "X, speaking on condition of anonymity, said": skip the aside
        near = _WORD.findall(stretch, max(0, len(stretch) - 40))
        while near and near[-1].lower() in self.lex.adverbs:
            near.pop()
        if not near or near[-1].lower() not in self.lex.role_heads:
            return False  # the cheap test first: a role word must end the subject
        breaks = [m.end() for m in _CLAUSE_OPENING.finditer(stretch)]
        if breaks:
            stretch = stretch[breaks[-1] :]
        words = _WORD.findall(stretch)
        while words and words[-1].lower() in self.lex.adverbs:
            words.pop()
        if not words or words[-1].lower() not in self.lex.role_heads or len(words) > 7:
            return False
        if words[0].lower() not in ("a", "an", "the") and not words[0].endswith(("’s", "'s")):
            return False  # a determiner or a possessor opens a role-only subject
        loose = 0
        for w in words[:-1]:
            low = w.lower()
            if low in _DETERMINERS or low in self.roles or w[:1].isupper() or low.endswith(("’s", "'s")):
                continue
            loose += 1
        return loose <= 1

    def _preceded_by_preposition(self, m: Mention, sent: tuple[int, int]) -> bool:
        key = (m.start, sent[0])
        known = self.memo_preposition.get(key)
        if known is None:
            known = self.memo_preposition[key] = self._preposition_before(m, sent[0])
        return known

    def _preposition_before(self, m: Mention, floor: int) -> bool:
        before = self.text[max(floor, m.start - 40) : m.start]
        before = _PREPOSITION_BREAK.split(before)[-1]
        by = self.text.rfind(" by ", max(floor, m.start - 90), m.start)
        if by >= 0:
            wide = _PREPOSITION_BREAK.split(self.text[max(floor, m.start - 90) : m.start])[-1]
            by = wide.rfind(" by ")
        if by >= 0:
            # "led by former NASA engineer X", "a report by the bank's chief economist X": an agent, not a subject
            rest = _WORD.findall(wide, by + 4)
            loose = [w for w in rest if not (w[:1].isupper() or w.lower() in self.roles or w.lower() in _DETERMINERS)]
            if len(rest) <= 8 and len(loose) <= 1:
                return True
        words = _WORD.findall(before)
        lex_org = self.lex.org_heads
        # skip role words and determiners between a preposition and a name ("with the new US Secretary")
        for k in range(len(words) - 1, -1, -1):
            w = words[k]
            low = w.lower()
            if (
                low == "of"
                and k
                and m.kind == "person"
                and (words[k - 1].lower() in self.lex.role_heads or words[k - 1] in lex_org)
            ):
                continue  # "Secretary of State X", "Bank of Japan Governor X": "of" inside a title or a body's name
            if low in _PREPOSITIONS:
                return True
            if (
                low in _DETERMINERS
                or low in self.lex.role_heads
                or low in self.lex.role_modifiers
                or w in self.lex.places
                or w in self.lex.demonyms
                or low in ("s",)
            ):
                continue
            return False
        return False

    def _gap_ok(self, gap: str, person: bool = True) -> bool:
        """Between subject and verb: nothing, adverbs, time phrases, or one comma-bounded aside."""
        g = gap.strip()
        if not g or (g[0] == "(" and _ACRONYM_ASIDE.fullmatch(g)):
            return True  # nothing, or "(UKHSA)" after the full name
        if _LOCATION_GAP.fullmatch(g):
            return True  # "Japan's embassy in Manila said": where the subject is, not a new subject
        if g == ",":
            # "The chancellor, Olaf Scholz, told": a name closing an apposition is the subject;
            # "X, deputy head of the Council, warned": an organisation closing one is not
            return person
        if g.startswith(",") and g.endswith(",") and len(g) <= 220:
            if "“" not in g and '"' not in g:
                return True
            if _APPOSITIVE_OPENER.match(g) and g.count('"') % 2 == 0 and g.count("“") == g.count("”"):
                return True  # "X, a former officer who promised to “put order”, told ...": an apposition
        if g.startswith(",") and g.rfind(",") > 1 and len(g) <= 220 and not _QUOTE_MARK.search(g):
            tail = g[g.rfind(",") + 1 :].split()
            if tail and len(tail) <= 3 and all(w.lower() in self.lex.adverbs for w in tail):
                return True  # "X, which must approve the plan, has said": an aside, then an auxiliary
        if _NINE_WORDS.match(g):
            return False  # more than eight words: neither an affiliation nor a short adverbial gap
        words = _WORD.findall(g)
        if (
            person
            and len(words) <= 8
            and words
            and words[0].lower() in _AFFILIATION_LINK
            and not _COMMA_STOP_MARK.search(self._affiliation_part(g))
        ):
            return True  # "X of the DIW institute in Berlin told": an affiliation, not a new subject
        if len(words) > 5 or _STOP_MARK.search(g):
            return False
        return all(
            w.lower() in self.lex.adverbs
            or w in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
            for w in words
        )

    def _affiliation_part(self, gap: str) -> str:
        """A gap without the comma closing an apposition ("of Mills Stone, had" -> "of Mills Stone")."""
        head, comma, tail = gap.rpartition(",")
        if comma and all(w.lower() in self.lex.adverbs for w in tail.split()):
            return head
        return gap

    def main_subject(self, sent: tuple[int, int], before: int) -> tuple[bool, str | None]:
        """The subject of a sentence's main clause: the first subject-like mention."""
        for m in self.mentions_in(sent[0], before):
            if self._is_modifier(m) or self._preceded_by_preposition(m, sent):
                continue
            near = self.text[max(sent[0], m.start - 60) : m.start].lower()
            if _LIST_INTRO.search(near) or _LIST_NEXT.match(self.text[m.end : m.end + 30]):
                continue  # an element of a list, not the subject
            if self._is_collective(m):
                return True, None
            head = self.text[sent[0] : m.start]
            if head.strip() in ("The", "the", "A", "An") or self._title_chain(head) or self._qualified_title(head):
                head = ""  # "The Bank of X raised rates and signalled ...": the determiner opens the subject
            if (
                head.strip()
                and not head.rstrip().endswith((",", "—", "–", "”", '"'))
                and not _CLAUSE_START.search(head)
            ):
                continue  # a mention in the middle of a clause (object, apposition) is not the subject
            return True, self.speaker_of(m, sent)
        return False, None

    def _qualified_title(self, head: str) -> bool:
        """Whether text before a name is a qualified title: "Republican state Sen.", "former Deputy Governor"."""
        words = head.split()
        if not words or len(words) > 6 or _COMMA_STOP_MARK.search(head.replace(".", "")):
            return False
        last = words[-1]
        if not (last in self.lex.honorifics or last.lower() in self.roles):
            return False
        return all(
            w[:1].isupper() or w.lower() in self.roles or w.lower() in _TITLE_QUALIFIERS or w.lower() in _DETERMINERS
            for w in words[:-1]
        )

    def _title_chain(self, head: str) -> bool:
        """Whether text before a name only qualifies it: "Y's spokeswoman", "the bank's chief economist"."""
        if "’s" not in head and "'s" not in head:
            return False
        words = _WORD.findall(head)
        if not words or len(words) > 8 or _COMMA_STOP_MARK.search(head):
            return False
        for w in words:
            low = w.lower().removesuffix("’s").removesuffix("'s")
            if not (w[:1].isupper() or low in self.roles or low in _DETERMINERS):
                return False
        last = words[-1]
        return last.lower() in self.roles or last in self.lex.honorifics or last.endswith(("’s", "'s"))

    def remember(self, speaker: str | None) -> None:
        """Record a speaker in reading order (for pronouns and continuations)."""
        if speaker:
            self.state.history.append(speaker)
            self.state.last_para_speaker = speaker


def _cue_at(text: str, start: int, lex: Lexicon) -> tuple[str, int] | None:
    m = lex.cue_re.match(text, start)  # only used on short strings
    if m:
        return m.group(), m.end()
    return None


def _kind_of(text: str, q: QSpan, para_start: int, intro_cue: bool) -> QuoteKind:
    before = text[para_start : q.ms].rstrip()
    content = text[q.qs : q.qe].lstrip("[(")
    if not before or before[-1] in '.!?:”"' or intro_cue:
        return "direct"
    if content[:1].isupper() and before.endswith(","):
        return "direct"
    return "partial"


# a US party-and-state tag after a name: "Sen. Ann Roe (D-Mo.)", "(R-N.Y.)", "(I-Vt.)", "(D)"
_PARTY_TAG = re.compile(r" ?\((?:D|R|I|Dem|Rep|Ind)(?:[-–] ?[A-Z][A-Za-z.]{0,5}(?: ?[A-Z][A-Za-z.]{0,5})?)?\)")


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int, int]], actors: ArticleActors) -> Iterator[LocalQuote]:
    """Every quote and reported statement of an article, attributed in reading order; party tags after
    names are read as blanks (same offsets), so their full stops end no sentence."""
    masked = _PARTY_TAG.sub(lambda m: " " * len(m.group()), text) if "(" in text else text
    if masked is text or masked == text:
        yield from _find_quotes(text, paragraphs, actors)
        return
    for lq in _find_quotes(masked, paragraphs, actors):
        if lq.text == masked[lq.start : lq.end]:
            lq = replace(lq, text=text[lq.start : lq.end])
        yield lq


def _find_quotes(text: str, paragraphs: Sequence[tuple[int, int, int]], actors: ArticleActors) -> Iterator[LocalQuote]:
    lex = lexicon()
    para_quotes: list[list[QSpan]] = []
    all_quotes: list[QSpan] = []
    double_used = False
    for _, p_start, p_end in paragraphs:
        qs = scan_quotes(text, p_start, p_end)
        para_quotes.append(qs)
        all_quotes.extend(qs)
        if qs and not double_used:
            double_used = any(q.cue != "'" for q in qs)
    # house style: where an article quotes in double marks, single marks are headline or scare quotes
    if double_used:
        para_quotes = [[q for q in qs if q.cue != "'"] for qs in para_quotes]
        all_quotes = [q for q in all_quotes if q.cue != "'"]
    for q in all_quotes:
        if q.cue == "'":
            q.cue = None
            q.kind = "direct"
    att = Attributor(text, actors, all_quotes)
    source_re, view_re, stance_re = _cue_regexes()
    prev_open = False
    narrator: tuple[int, int] | None = None
    in_body = False
    captions = any(w in text for w in _CAPTION_WORDS)
    stops = _stops(text)
    for (number, p_start, p_end), quotes in zip(paragraphs, para_quotes, strict=True):
        if captions and _looks_like_caption(text, p_start, p_end):
            prev_open = False
            continue
        # before the first paragraph that ends a sentence: headline, standfirst, byline, where a quoted
        # fragment is a teaser ("Union accuses operator of ‘bad faith’"), not reported speech
        teaser = not in_body and not text[p_start:p_end].rstrip().endswith(_SENTENCE_ENDINGS)
        in_body = in_body or not teaser
        sents = _sentences(text, p_start, p_end, quotes, stops)
        answer = _answer_speaker(att, text, p_start, p_end) or _unnamed_answer(
            att, text, paragraphs, number, p_start, p_end
        )
        if answer is not None and sents:
            # an interview answer ("Lévesque: We will ...", or "A: We are ..." after a "Q:" line): its opening
            # sentence is the statement; quotes inside it are read as anywhere else
            speaker, body, rule = answer
            a, b = _trim(text, max(sents[0][0], body), sents[0][1])
            if not _QUOTE_MARK.search(text, a, b):  # a sentence with a quote in it is read as usual
                if len(_WORD.findall(text[a:b])) >= 2:
                    yield LocalQuote(text[a:b], a, b, "indirect", speaker, None, number, a, b, rule)
                    att.remember(speaker)
                sents = sents[1:]
        used_cues: set[int] = set()
        for sent in sents:
            out: list[LocalQuote] = []
            for qi, q in enumerate(quotes):
                if not sent[0] <= q.ms < sent[1]:
                    continue
                _attribute_quote(att, text, quotes, qi, q, sent, p_start, p_end, used_cues, lex)
                if not q.attributed:
                    _continue_speaker(att, text, quotes, qi, q, p_start, p_end, prev_open, narrator)
                if not q.attributed and q.kind == "partial" and q.cue is None:
                    continue  # a scare quote: no speaker, no cue, not a quote of anyone
                if teaser and q.kind == "partial":
                    continue
                if q.speaker is None and q.kind == "partial" and not q.unnamed and _scare_quote(text, q, p_start, lex):
                    continue  # "the so-called “X” strategy", "the public “unity”": the writer's scare quotes
                a, b = _trim(text, q.qs, q.qe)
                if b - a < 1 or b - a > MAX_QUOTE_CHARS or not _ALNUM.search(text, a, b):
                    continue
                rule = q.rule or "quote.unattributed"
                out.append(LocalQuote(text[a:b], a, b, q.kind, q.speaker, q.cue, number, sent[0], sent[1], rule))
            statements = _statements(att, text, sent, number, quotes, used_cues, source_re, view_re, stance_re)
            if statements:  # quotes alone need no tidying
                out.extend(statements)
                out = _tidy_statements(text, out)
            if len(out) > 1:
                out.sort(key=lambda lq: lq.start)
            for lq in out:
                att.remember(lq.speaker)
            yield from out
        if quotes and quotes[-1].speaker:
            att.state.last_para_speaker = quotes[-1].speaker
        prev_open = bool(quotes) and quotes[-1].open_end
        # a paragraph without quotes whose last sentence has a person as subject ("She pauses."): a quote
        # paragraph right after it is that person's
        narrator = sents[-1] if sents and not quotes else None


_STATEMENT_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+")


def _tidy_statements(text: str, found: list[LocalQuote]) -> list[LocalQuote]:
    """Keep reported statements of one sentence from swallowing each other.

    A statement nested inside another one ("said it would be better if X had not given what he called
    concessions") is part of the outer report, not a report of its own; a statement whose clause runs on
    into someone else's quote or statement ("criticised X, and French minister Y warned against “…”")
    ends at the last clause break before it.
    """
    indirect = [q for q in found if q.kind == "indirect"]
    if not indirect:
        return found  # only quotes: nothing to tidy
    kept: list[LocalQuote] = []
    for q in found:
        if q.kind == "indirect" and any(
            o is not q and o.start <= q.start and q.end <= o.end and (o.start, o.end) != (q.start, q.end)
            for o in indirect
        ):
            continue
        if q.kind == "indirect":
            later = [o.start for o in found if o.speaker != q.speaker and q.start < o.start < q.end]
            if later:
                breaks = [m.start() for m in _STATEMENT_BREAK.finditer(text, q.start, min(later))]
                if breaks:
                    a, b = _trim(text, q.start, breaks[-1])
                    if b - a >= 3:
                        q = replace(q, text=text[a:b], start=a, end=b)
        kept.append(q)
    return kept


def _scare_quote(text: str, q: QSpan, p_start: int, lex: Lexicon) -> bool:
    """A short quote inside the writer's own noun phrase, with no reporting verb right before it."""
    if len(_WORD.findall(text[q.qs : q.qe])) > 3:
        return False
    m = _SCARE_BEFORE.search(text, max(p_start, q.ms - 40), q.ms)
    if m is None:
        return False
    if m.group().startswith("so-called"):
        return True
    prev = _WORD.findall(text[max(p_start, m.start() - 20) : m.start()])
    return not (prev and prev[-1].lower() in lex.cue_forms)  # "what they called a “betrayal”"


def _answer_speaker(att: Attributor, text: str, p_start: int, p_end: int) -> tuple[str, int, str] | None:
    """(speaker, body start, rule) for a paragraph opening with a person's name and a colon (Q&A answers)."""
    m = _ANSWER_LABEL.match(text, p_start, p_end)
    if m is None:
        return None
    if att.askers is None:
        att.askers = _askers(text)  # once per article, not per answer
    if m.group(1) in att.askers:
        return None
    for mention in att.mentions_in(p_start, m.end()):
        if mention.start == p_start and mention.end == m.end(1) and att.kinds.get(mention.name) == "person":
            speaker = att.speaker_of(mention, (p_start, p_end))
            return (speaker, m.end(), "statement.answer.name_label") if speaker else None
    label = m.group(1)
    if label.isupper() and len(label) > 2 and " " not in label:
        # a transcript line "DALTON: ..." is the one person of the article with that surname
        names = [n for n, k in att.kinds.items() if k == "person" and n.rsplit(" ", 1)[-1].upper() == label]
        if len(names) == 1:
            return names[0], m.end(), "statement.answer.surname_label"
    return None


_LABELLED_PARAGRAPH = re.compile(r"^([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}):\s+([^\n]*?)[ \t]*$", re.MULTILINE)
_QUESTION_END = re.compile(r"\?[”\"’)]*$")


def _askers(text: str) -> frozenset[str]:
    """The interview label ("Fitzgerald:") whose paragraphs most often end with a question: the interviewer's."""
    if "?" not in text:
        return frozenset()
    asked: dict[str, list[int]] = {}
    for m in _LABELLED_PARAGRAPH.finditer(text):
        counts = asked.setdefault(m.group(1), [0, 0])
        counts[0] += 1
        counts[1] += _QUESTION_END.search(m.group(2)) is not None
    ratios = {label: q / n for label, (n, q) in asked.items() if q}
    if not ratios:
        return frozenset()
    top = max(ratios.values())  # an interviewee's rhetorical question does not make them the interviewer
    return frozenset(label for label, r in ratios.items() if r == top)


_UNNAMED_ANSWER = re.compile(r"(?:A|Answer):\s+(?=\S)")
_QUESTION_LABEL = re.compile(r"(?:Q|Question):\s")


def _unnamed_answer(
    att: Attributor, text: str, paragraphs: Sequence[tuple[int, int, int]], number: int, p_start: int, p_end: int
) -> tuple[str, int, str] | None:
    """(interviewee, body start, rule) for an "A:" paragraph right after a "Q:" one: the person quoted most so far."""
    m = _UNNAMED_ANSWER.match(text, p_start, p_end)
    if m is None:
        return None
    prev = [p for p in paragraphs if p[0] < number and p[2] > p[1]]
    if not prev or not _QUESTION_LABEL.match(text, prev[-1][1], prev[-1][2]):
        return None
    people = [k for k in att.state.history if att.kinds.get(k) == "person"]
    if not people:
        return None
    counts: dict[str, int] = {}
    for k in people:
        counts[k] = counts.get(k, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None  # two people quoted as often: unsure who answers
    return ranked[0][0], m.end(), "statement.answer.unnamed_label"


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


_CAPTION = re.compile(
    r"(?:Photograph|Photo|Picture|Image|Illustration)\s*:|Getty Images|/AFP|/Reuters|\(Photo\b|^FILE( PHOTO)?:"
)


# every match of _CAPTION contains one of these (a whole-article check before the per-paragraph search)
_CAPTION_WORDS = ("Photo", "Picture", "Image", "Illustration", "/AFP", "/Reuters", "FILE")


def _looks_like_caption(text: str, a: int, b: int) -> bool:
    return bool(_CAPTION.search(text[a:b]))


def _only_quotes(text: str, quotes: list[QSpan], a: int, b: int) -> bool:
    rest = []
    pos = a
    for q in quotes:
        rest.append(text[pos : q.ms])
        pos = q.me
    rest.append(text[pos:b])
    return not any(ch.isalpha() for ch in "".join(rest))


def _continue_speaker(
    att: Attributor,
    text: str,
    quotes: list[QSpan],
    qi: int,
    q: QSpan,
    p_start: int,
    p_end: int,
    prev_open: bool,
    narrator: tuple[int, int] | None = None,
) -> None:
    """A quote with no attribution continues the previous quote's (or paragraph's) speaker."""
    before = text[quotes[qi - 1].me if qi else p_start : q.ms]
    if qi and quotes[qi - 1].speaker and not _has_other_subject(att, before, quotes[qi - 1].speaker):
        if not before.strip() or before.rstrip()[-1:] in ".!?":
            q.speaker, q.attributed = quotes[qi - 1].speaker, True
            q.rule = "quote.continues.previous_quote"
    elif qi == 0 and not before.strip() and (prev_open or _only_quotes(text, quotes, p_start, p_end)):
        subject = None if prev_open or narrator is None else _last_subject(att, narrator)
        q.speaker = subject or att.state.last_para_speaker
        q.attributed = q.speaker is not None
        if q.speaker is not None:
            q.rule = "quote.continues.narrator_subject" if subject else "quote.continues.previous_paragraph"


def _last_subject(att: Attributor, sent: tuple[int, int]) -> str | None:
    """The person who is the subject of a narrative sentence ("She pauses.", "Rutte walked out."), or None."""
    if sent[1] - sent[0] > 200 or not att.mentions_in(sent[0], sent[1]):
        return None
    found, spk = att.main_subject(sent, sent[1])
    return spk if found and spk and att.kinds.get(spk) == "person" else None


def _has_other_subject(att: Attributor, gap: str, speaker: str | None) -> bool:
    """Whether narrative between two quotes names a different speaker with a cue."""
    if speaker and any(speaker.split()[-1] in word for word in gap.split()[:6]):
        return False  # the gap is the previous quote's own attribution ("Macron told reporters.")
    # the cheap tests first: the cue regex is a long alternation
    stripped = gap.strip()
    return len(stripped) > 40 and stripped[:1].isupper() and bool(att.lex.cue_re.search(gap[:200]))


def _attribute_quote(
    att: Attributor,
    text: str,
    quotes: list[QSpan],
    qi: int,
    q: QSpan,
    sent: tuple[int, int],
    p_start: int,
    p_end: int,
    used: set[int],
    lex: Lexicon,
) -> None:
    nxt_start = quotes[qi + 1].ms if qi + 1 < len(quotes) else p_end
    prev_end = quotes[qi - 1].me if qi else p_start
    content = text[q.qs : q.qe].rstrip()
    ends_sentence = content[-1:] in (".", "!", "?", "…") and q.me < p_end
    after = text[q.me : nxt_start]
    before = text[prev_end : q.ms]
    used_intro: set[int] = set()
    used_inline: set[int] = set()
    intro = _intro(att, before, prev_end, q.ms, sent, used_intro, lex)
    inline = _after_attribution(att, text, q, after, nxt_start, sent, used_inline, lex)
    q.kind = _kind_of(text, q, max(prev_end, sent[0]), intro is not None)
    if q.kind == "partial":
        source = _ACCORDING_AFTER.match(text, q.me, nxt_start)
        if source is not None:
            ms = att.mentions_in(source.end(), source.end() + 1)
            if ms and ms[0].kind != "country":
                spk = att.speaker_of(ms[0], sent)
                # "X's view is “too sanguine,” according to Y": the source after the quote speaks
                q.speaker, q.cue, q.attributed = spk, "according to", spk is not None
                q.rule = "quote.according_to_after"
                return
        governing = _governing_cue(att, text, q, sent, used, lex)
        if governing is not None:
            q.speaker, q.cue, q.attributed = governing[0], governing[1], governing[2]
            q.unnamed, q.rule = governing[3], governing[4]
            return
        if inline is not None:
            q.speaker, q.cue, q.attributed, q.rule = inline
            used |= used_inline
        return
    first, second = (intro, inline) if ends_sentence and not _lower_start(after) else (inline, intro)
    if first is not None and second is not None and not first[2] and second[2] and first[0] is None:
        first, second = second, first
    for choice in (first, second):
        if choice is not None:
            q.speaker, q.cue, q.attributed, q.rule = choice
            used |= used_intro if choice is intro else used_inline
            return


def _lower_start(after: str) -> bool:
    s = after.lstrip(" ,")
    return bool(s) and s[0].islower()


def _intro(
    att: Attributor, before: str, a: int, b: int, sent: tuple[int, int], used: set[int], lex: Lexicon
) -> Attribution | None:
    """A cue ending the text before a quote: "Hegseth said:", "..., saying,", "Rutte:"."""
    stripped = before.rstrip()
    if not stripped:
        return None
    end = a + len(stripped)
    tail = stripped.rstrip(",:")
    tail_end = a + len(tail)
    m = None
    colon = stripped.endswith(":")
    punctuated_comma = stripped.endswith(",")
    window = att.cues(max(a, tail_end - 40), tail_end)
    if window and window[-1].e == tail_end:
        window = window[-1:]  # "..., and added:": the verb right before the mark introduces the quote
    for cm in window:
        between = text_of(att)[cm.e : tail_end].strip()
        if cm.e == tail_end or between.lower() in ("that", "it", "this", "me", "us", "him", "her", "them"):
            m = cm
        elif colon and len(between.split()) <= 4 and not any(ch in between for ch in '.;!?”"'):
            m = cm  # "told MPs:", "said in a statement:"
            break  # the first verb: in "told state radio:" the later "state" is a noun
        elif punctuated_comma and _SHORT_ADJUNCT.fullmatch(between) and not _noun_use(text_of(att), cm.s, a):
            m = cm  # "told CBS,", "said via email that,", "said in a statement Monday,"
            break
    punctuated = stripped.endswith((",", ":"))
    if m is not None and not punctuated:
        word = m.surface.lower().split()[0]
        lemma = lex.cue_forms.get(word)
        if (not word.endswith("ing") and lemma not in lex.intro_verbs) or lemma in _quote_only_cues():
            m = None  # "would respond “within days”", "would continue “for as long as”": no quotation follows
    if m is None:
        if stripped.endswith(":"):
            ms = att.mentions_in(max(a, sent[0]), end)
            if ms and not text_of(att)[ms[-1].end : end - 1].strip():
                return att.speaker_of(ms[-1], sent), None, True, "quote.name_colon"
        return None
    used.add(m.s)
    cue = m.surface
    found, speaker, how = _speaker_for_cue(att, m.s, m.e, cue, sent, lex)
    return speaker, cue.lower(), found and speaker is not None, "quote.cue_before." + how


def text_of(att: Attributor) -> str:
    """The article text an attributor works on."""
    return att.text


def _speaker_for_cue(
    att: Attributor, start: int, end: int, cue: str, sent: tuple[int, int], lex: Lexicon
) -> CueSpeaker:
    # a cue's text is text[start:end], so the offsets identify the call within an article
    key = (start, end, sent[0], sent[1])
    known = att.memo_cue_speaker.get(key)
    if known is None:
        known = att.memo_cue_speaker[key] = _cue_speaker(att, start, end, cue, sent, lex)
    return known


@lru_cache(maxsize=4096)
def _is_participle(cue: str) -> bool:
    """Whether a cue as written starts with an -ing form ("saying", "Adding that")."""
    return cue.lower().split()[0].endswith("ing")


_ROLE_OFFICE = re.compile(
    r"[Tt](?<![\w’'][Tt])he\s+([a-z]+)[’']s\s+"
    r"(?:office|spokesman|spokeswoman|spokesperson|press office|press secretary)"
    r"(?:\s+(?:also|later|has|had|then))?\s*$"
)
_BARE_ROLE = re.compile(r"[Tt](?<![\w’'][Tt])he\s+([a-z]+)(?:\s+(?:also|later|then|has|had))?\s*$")
_NAME_AND = re.compile(r"[A-Z][\w’'-]*\s+and\s+$")
_NOUN_TO_QUOTE_BREAK = re.compile(r"\s(?:and|but|while|or)\s|[;—–]")
_PORTFOLIO_WORD_AND = re.compile(r"(?:^|[.;:]\s+|\n)[A-Z][a-z]+\s+and$")
_PORTFOLIO_LEAD = re.compile(r",\s+(?:[A-Z][\w’'-]*,\s+)*[A-Z][\w’'-]*,?\s+and$")
_TITLE_WORD = re.compile(r"\s+[A-Z][\w’'-]*")
_NARRATOR_CLAUSE = re.compile(r"(?:When|After|As|Before|Once|Since)\s+(?:I|we)\s")
_DOC_NOUNS = r"(?:statement|report|assessment|communiqu[eé]|document|study|memo|letter|declaration)"
# "The statement said ...", "The 300-page report, compiled by ..., concludes ...": a document as the subject
_DOCUMENT_SUBJECT = re.compile(r"(?:The|the)\s+(?:[\w,-]+\s+){0,2}?" + _DOC_NOUNS + r"\b[^.;:“”\"]{0,120}$")
_DOCUMENT_ORIGIN = re.compile(
    _DOC_NOUNS
    + r"\s+(?:(?:circulated|issued|published|released|prepared|compiled|drafted|put out)\s+)?by\s+(?:the\s+)?"
)


def _document_source(att: Attributor, sent: tuple[int, int]) -> tuple[bool, str | None]:
    """For a document subject: the body that issued the document mentioned just before, else unknown."""
    text = att.text
    lo = max(0, sent[0] - 1500)
    origins = list(_DOCUMENT_ORIGIN.finditer(text, lo, sent[0]))
    if not origins:
        return True, None
    ms = att.mentions_in(origins[-1].end(), origins[-1].end() + 1)
    if not ms or ms[0].kind == "person" or ms[0].rule == "pronoun":
        return True, None
    return True, att.speaker_of(ms[0], sent)


_WHO_CUE = re.compile(r",\s+who\s+(?:(?:also|has|have|had|later|now|still)\s+)?$")


def _cue_speaker(
    att: Attributor, start: int, end: int, cue: str, sent: tuple[int, int], lex: Lexicon
) -> CueSpeaker:
    text = att.text
    lo = max(sent[0], start - 40)
    rel = _WHO_CUE.search(text, lo, start) if text.find("who", lo, start) >= 0 else None
    if rel is not None:
        # "..., led by the writer X, who alleges that ...": the person the relative clause hangs on
        people = [m for m in att.mentions_in(max(sent[0], rel.start() - 80), rel.start()) if m.end == rel.start()]
        if people and people[-1].kind == "person" and people[-1].rule != "pronoun":
            return True, att.speaker_of(people[-1], sent), "relative_who"
    before = text[max(sent[0], start - 3) : start]
    participle = _is_participle(cue)
    if participle and (
        before.rstrip().endswith(",")
        or start == sent[0]
        or before.strip() == ""
        or _SUBORDINATOR_END.search(text[max(sent[0], start - 10) : start])
    ):
        return (*att.main_subject(sent, start), "participle_main_subject")
    lo = max(sent[0], start - 30)
    # "and"/"but" among the last two words needs "and" or "but" in the lower-cased stretch
    low = att.low[lo:start] if att.low_aligned else text[lo:start].lower()
    before_words = _WORD.findall(text[lo:start]) if "and" in low or "but" in low else []
    if (before_words and before_words[-1].lower() in ("and", "but")) or (
        len(before_words) >= 2
        and before_words[-2].lower() in ("and", "but")
        and before_words[-1].lower() in lex.adverbs
    ):
        found, spk = att.subject_before(start, sent)
        if found and spk:
            return found, spk, "coordinated_subject"
        found, spk = att.main_subject(sent, start)
        if found:
            return found, spk, "coordinated_main_subject"
        for c in reversed(att.cues(sent[0], max(sent[0], start - 1))):
            # "..., she said X, and added: ...": the subject of the first verb of the coordination
            if not att.in_quote(c.s) and c.s < start - 2:
                found, spk = att.subject_before(c.s, sent)
                if found and spk:
                    return found, spk, "coordinated_first_verb"
        return False, None, "coordinated_none"
    lo = max(sent[0], start - 60)
    # both patterns need "he" ("[Tt]he"), the office one also "’s" or "'s": str.find is cheaper than a search
    if text.find("he", lo, start) < 0:
        office = bare = None
    else:
        office = (
            _ROLE_OFFICE.search(text, lo, start)
            if text.find("’s", lo, start) >= 0 or text.find("'s", lo, start) >= 0
            else None
        )
        bare = _BARE_ROLE.search(text, max(sent[0], start - 40), start)
    if office is not None and office.group(1) in att.lex.role_heads:
        # "The governor's office said": the office speaks for the one holder of the role
        return True, att._holder(office.group(1), None, office.start()), "role_office"
    if (
        bare is not None
        and bare.group(1) in att.lex.role_heads
        and (not text[sent[0] : bare.start()].strip() or text[sent[0] : bare.start()].rstrip().endswith(","))
    ):
        holder = att._holder(bare.group(1), None, bare.start())
        if holder is not None:
            return True, holder, "role_holder"  # "The minister told reporters ...": the holder named before
    found, spk = att.subject_before(start, sent)
    if found:
        return found, spk, "subject"
    if _DOCUMENT_SUBJECT.match(text, sent[0], start):
        return (*_document_source(att, sent), "document")
    # inverted: "..., said Rutte", "” said European Union foreign policy chief Kaja Kallas"
    lead = text[max(sent[0], start - 3) : start].rstrip()
    if lead.endswith((",", "”", '"', "’")) or start == sent[0]:
        return (*_inverted(att, end, sent), "inverted")
    return False, None, "none"


def _inverted(att: Attributor, end: int, sent: tuple[int, int]) -> tuple[bool, str | None]:
    text = att.text
    window_end = min(sent[1], end + 90)
    ms = att.mentions_in(end, window_end)
    if not ms:
        return False, None
    gap = text[end : ms[0].start].strip().lower()
    if gap and gap.split()[0] in ("that", "to", "it", "on", "in"):
        return False, None
    if text.startswith(("’s", "'s"), ms[0].end):
        return False, None
    person = next((m for m in ms if m.kind == "person" and m.rule != "pronoun"), None)
    first = ms[0]
    if first.rule == "pronoun" and not text[end : first.start].strip():
        return True, att.speaker_of(first, sent)
    if person is not None and _opens_clause(text, person.end, sent[1]):
        return False, None  # "said Lisbon expected ...": the subject of the reported clause, not the speaker
    if first is not person and _opens_clause(text, first.end, sent[1]):
        return False, None
    if person is not None:
        between = text[end : person.start]
        if "." in between:
            between = _ABBREV_DOT.sub("", between)  # "said Rep. Maria Lopez"
        if "." not in between and len(between) < 90 and not _OBJECT_LINK.search(between):
            return True, att.speaker_of(person, sent)
    if not text[end : first.start].strip(" ,").lower().removeprefix("the").strip():
        if att._is_collective(first):
            return True, None
        return True, att.speaker_of(first, sent)
    return False, None


_AUXILIARIES = frozenset(
    {"would", "will", "could", "can", "should", "must", "might", "may", "shall"}
    | {"was", "were", "is", "are", "had", "has", "have", "did", "does", "do"}
)
_NEXT_WORD = re.compile(r"\s+([a-z][\w’'-]*)")


def _opens_clause(text: str, end: int, limit: int) -> bool:
    """Whether a mention is followed by a finite verb: the subject of a clause ("X would", "X hoped")."""
    m = _NEXT_WORD.match(text, end, limit)
    if m is None:
        return False
    word = m.group(1)
    return word in _AUXILIARIES or (word.endswith("ed") and word not in _PREPOSITIONS)


def _after_attribution(
    att: Attributor,
    text: str,
    q: QSpan,
    after: str,
    limit: int,
    sent: tuple[int, int],
    used: set[int],
    lex: Lexicon,
) -> Attribution | None:
    """Attribution right after a quote: ", she said", "said Kallas", "Mr Rutte told reporters"."""
    s = after.lstrip(" ,")
    if not s:
        return None
    start = q.me + (len(after) - len(s))
    stretch_end = min(limit, start + 120)
    m = att.first_cue(start, stretch_end)
    if m is None:
        return None
    head = text[start : m.s]
    bare_head = _ABBREV_DOT.sub("", head) if "." in head else head
    if _SENTENCE_STOP.search(bare_head) and not _ONLY_ABBREVIATIONS.fullmatch(bare_head):
        return None
    used.add(m.s)
    cue = m.surface.lower()
    if not head.strip():
        found, spk = _inverted(att, m.e, (sent[0], max(sent[1], min(limit, m.e + 120))))
        return (spk, cue, found and spk is not None, "quote.cue_after.inverted") if found else (
            None, cue, False, "quote.cue_after.inverted"
        )
    ms = [x for x in att.mentions_in(start, m.s) if x.end <= m.s]
    if not ms:
        bare = _BARE_ROLE.match(text, start, m.s)
        if bare is not None and bare.group(1) in att.lex.role_heads:
            holder = att._holder(bare.group(1), None, start)  # "“...,” the minister said": the role's holder
            return holder, cue, holder is not None, "quote.cue_after.role_holder"
        if head.rstrip().endswith(","):
            # "X “drew well” in 2008, said professor Ann Roe": the clause ends, the speaker follows the cue
            found, spk = _inverted(att, m.e, (sent[0], max(sent[1], min(limit, m.e + 120))))
            if found and spk is not None:
                return spk, cue, True, "quote.cue_after.clause_inverted"
        return None, cue, False, "quote.cue_after.no_subject"
    subj = ms[-1]
    opener = ms[0]
    if (
        opener is not subj
        and opener.kind == "person"
        and opener.rule != "pronoun"
        and not text[start : opener.start].strip()
        and text.startswith(",", opener.end)
        and att._gap_ok(text[opener.end : m.s], True)
    ):
        subj = opener  # the later mentions sit inside the apposition
    lead_raw = text[start : subj.start].strip()
    lead = lead_raw.lower()
    roles = att.roles
    lead_words = lead_raw.split()
    qualified_role = (
        bool(lead_words)
        and lead_words[-1].lower() in roles
        and all(w[:1].isupper() or w.lower() in roles for w in lead_words)
    )  # "IG Metall negotiator X", "Texas Gov. X"
    role_lead = qualified_role or all(
        w.lower() in roles
        or w.lower() in ("the", "a", "of")
        or w.title() in att.lex.demonyms
        or w in att.lex.honorifics
        or (w.isupper() and len(w) <= 5)  # an acronym qualifying the role: "RN president X"
        for w in lead_raw.split()
    )
    if _PORTFOLIO_LEAD.search(lead_raw):
        role_lead = True  # "..., Trade, Industry and Energy Minister X said": a portfolio list opens the title
    elif 1 < len(lead_words) <= 4 and lead_words[-1].lower() in att.lex.role_heads:
        role_lead = all(w.isalpha() for w in lead_words)  # "union president X told", "the party leader X said"
    if not role_lead and 1 < len(lead_words) <= 6 and lead_words[-1].lower() in att.lex.role_heads:
        # "CrowdStrike co-founder X told", "former State policy planning director X wrote": words only, no
        # verb or clause joint among them
        role_lead = all(
            _ROLE_LEAD_WORD.fullmatch(w)
            and w.lower() not in att.lex.cue_forms
            and w.lower() not in _AUXILIARIES
            and w.lower() not in ("and", "but", "while", "or", "that", "who", "which")
            for w in lead_words
        )
    if lead not in ("", "the") and not lead.endswith(",") and not role_lead:
        return None, cue, False, "quote.cue_after.noun_phrase"  # "the statement", "seven countries and the EU"
    if not att._gap_ok(text[subj.end : m.s], subj.kind == "person") or att._is_collective(subj):
        return None, cue, False, "quote.cue_after.collective"
    turn = _dialogue_turn(att, subj, cue) if subj.rule == "pronoun" and subj is ms[-1] else None
    spk = turn or att.speaker_of(subj, sent)
    return spk, cue, spk is not None, "quote.cue_after.dialogue_turn" if turn else "quote.cue_after.subject"


_REPLY_LEMMAS = frozenset({"reply", "answer", "respond", "retort"})


def _dialogue_turn(att: Attributor, subj: Mention, cue: str) -> str | None:
    """A pronoun answering a question is the person asked ("X asked Y whether ... “No,” he replied"); the next
    "she asked" goes back to the asker."""
    lemma = att.lex.cue_forms.get(cue.split()[0])
    gender = att.lex.pronouns.get(subj.text.lower())
    text = att.text
    if lemma in _REPLY_LEMMAS:
        for c in reversed(att.cues(max(0, subj.start - 400), subj.start)):
            if att.lex.cue_forms.get(c.surface.lower()) != "ask" or att.in_quote(c.s):
                continue
            after = att.mentions_in(c.e, c.e + 40)
            if not after or text[c.e : after[0].start].strip():
                return None
            if after[0].kind != "person" or after[0].rule == "pronoun":
                return None
            sent = (max(0, c.s - 200), c.e)
            found, asker = att.subject_before(c.s, sent)
            asked = att.speaker_of(after[0], sent)
            if not found or asker is None or asked is None or asker == asked or not att._compatible(asked, gender):
                return None
            att.state.exchange = (asker, asked)
            return asked
        return None
    if lemma == "ask" and att.state.exchange is not None:
        asker, asked = att.state.exchange
        if att.state.history[-1:] == [asked] and att._compatible(asker, gender):
            return asker
    return None


def _governing_cue(
    att: Attributor, text: str, q: QSpan, sent: tuple[int, int], used: set[int], lex: Lexicon
) -> tuple[str | None, str | None, bool, bool, str] | None:
    """For a partial quote: the nearest reporting verb or noun before it in the same sentence."""
    best = None
    outer = None
    for m in att.cues(sent[0], q.ms):
        if att.in_quote(m.s) or _noun_use(text, m.s, sent[0]):
            continue
        if lex.cue_forms.get(m.surface.lower().split()[0]) in _quote_only_cues():
            continue  # "prices continued to “soar”"
        lead = text[max(sent[0], m.s - 20) : m.s]
        coordinated = _may_coordinate(lead) and _COORDINATED_VERB.search(lead)
        relative = ("who" in lead or "which" in lead) and _RELATIVE_VERB.search(lead)
        if outer is not None and not coordinated and not relative and not _new_clause(att, text, outer.e, m.s, sent):
            continue  # a verb inside the reported clause ("said the bloc would respond") is not the cue
        best = m
        if outer is None and _speaker_for_cue(att, m.s, m.e, m.surface, sent, lex)[1] is not None:
            outer = m
    noun = None
    for nm in _cue_noun_re().finditer(text[sent[0] : q.ms]):
        noun = (sent[0] + nm.start(), sent[0] + nm.end(), nm.group())
    if noun and best is not None and _DETERMINER_ONLY.fullmatch(text, best.e, noun[0]):
        noun = None  # "called the proposal “a bad idea”": the noun is the verb's object, the verb reports
    if noun and best is not None and best.s < noun[0] and _NOUN_TO_QUOTE_BREAK.search(text, noun[1], q.ms):
        noun = None  # "said Beijing welcomes Seoul's position and opposes “...”": the quote is not the noun's content
    if noun and best is not None and best.s < noun[0]:
        first = _NEXT_WORD.match(" " + text[q.qs : q.qs + 20].lower())
        if first is not None and (first.group(1) in _AUXILIARIES or first.group(1) == "not"):
            noun = None  # "said the minister's comments “do not help”": the noun is the subject the verb reports on
    if noun and (best is None or noun[0] > best.s):
        # "X's mantra of ...": only the possessor speaks; otherwise nobody we know
        pos = text[max(sent[0], noun[0] - 60) : noun[0]]
        ms = [
            x
            for x in att.mentions_in(max(sent[0], noun[0] - 60), noun[0])
            if text.startswith(("’s ", "'s "), x.end) and x.end + 3 >= noun[0] - 20
        ]
        if ms and text[ms[-1].end : noun[0]].strip() in ("’s", "'s"):
            spk = att.speaker_of(ms[-1], sent)
            return spk, noun[2].lower(), spk is not None, False, "quote.reporting_noun.possessor"
        if _POSSESSOR_END.search(pos) or best is None:
            holder = _relative_antecedent(att, text, sent, noun[0])
            if holder is not None:
                return holder, noun[2].lower(), True, False, "quote.reporting_noun.relative_who"
            return None, noun[2].lower(), False, False, "quote.reporting_noun.unknown"
    if best is None:
        return None
    used.add(best.s)
    found, spk, how = _speaker_for_cue(att, best.s, best.e, best.surface, sent, lex)
    rule = "quote.governing_cue." + how
    return spk, best.surface.lower(), found and spk is not None, found and spk is None, rule


# (?:[;—–]|,\s+(?:and|but|while|whereas)\b|\b(?:while|whereas)\b)\s* with each branch opening with a character
_NEW_CLAUSE = re.compile(r"(?:;|—|–|,\s+(?:and|but|while|whereas)\b|w(?<=\bw)(?:hile|hereas)\b)\s*")


@lru_cache(maxsize=1)
def _clause_only_cues() -> frozenset[str]:
    """Cues (lemmas, as in cues.yml) that report speech only when a clause follows them."""
    return frozenset(str(c) for c in load_data("cues.yml").get("clause_only", []))


@lru_cache(maxsize=1)
def _quote_only_cues() -> frozenset[str]:
    """Cues (lemmas, as in cues.yml) that report speech only as the cue of a quote."""
    return frozenset(str(c) for c in load_data("cues.yml").get("quote_only", []))


# after a cue: an object of at most four words, then "that" or "to <verb>"
_GOVERNS_CLAUSE = re.compile(r"\s+(?:[\w’'-]+\s+){0,4}?(?:that\s|to\s+[a-z])")


def _new_clause(att: Attributor, text: str, a: int, b: int, sent: tuple[int, int]) -> bool:
    """Whether a cue at b starts a new clause after [a, b): a clause break ("; ", ", while") and its own subject."""
    if not _NEW_CLAUSE.search(text, max(a, b - 300), b):
        return False
    return att.subject_before(b, sent)[0]


_WHO = re.compile(r"(?:^|\s)who\s(?:[^,;:“”\"]*)$")
_APPOSITION_TAIL = re.compile(r"(?:,\s+(?:a|an|the)\s[^,;]*)?\s*,?\s*$")


def _relative_antecedent(att: Attributor, text: str, sent: tuple[int, int], at: int) -> str | None:
    """For a reporting noun inside "X, a former officer who ran on a promise to ...": the person X."""
    lo = max(sent[0], at - 200)
    rel = _WHO.search(text, lo, at)
    if rel is None:
        return None
    who = rel.start() + (0 if text[rel.start()] == "w" else 1)
    people = [m for m in att.mentions_in(lo, who) if m.kind == "person" and m.rule != "pronoun" and m.end <= who]
    if not people or not _APPOSITION_TAIL.fullmatch(text, people[-1].end, who):
        return None
    return att.speaker_of(people[-1], sent)


def _may_coordinate(lead: str) -> bool:
    """A cheap necessary condition for ``_COORDINATED_VERB``: "and", "but" or a comma in the stretch."""
    return "and" in lead or "but" in lead or "," in lead


def _coordinated(lead: str) -> bool:
    """Whether a verb follows "and", "but" or a comma (``_COORDINATED_VERB`` on the stretch before it)."""
    return _may_coordinate(lead) and _COORDINATED_VERB.search(lead) is not None


def _noun_use(text: str, start: int, floor: int) -> bool:
    """Whether a cue word is used as a noun ("a post", "the report", "its call")."""
    before = text[max(floor, start - 6) : start].lower()
    if _DETERMINER_END.search(before):
        return True
    # right after another reporting verb it qualifies a noun: "told state radio"
    if start - 1 <= floor or text[start - 1] != " ":
        return False
    prev = text[max(floor, start - 16) : start - 1].rsplit(" ", 1)[-1]
    return prev.islower() and prev in lexicon().cue_forms


def _trailing_attribution(att: Attributor, text: str, sent: tuple[int, int], start: int, end: int) -> int | None:
    """For "CLAUSE, X said (in ...)." the end of CLAUSE; None when the cue starts the report."""
    rest = text[end : sent[1]]
    if ("that" in rest and _THAT.search(rest)) or len(rest.split()) > 6 or '"' in rest or "“" in rest:
        return None
    comma = text.rfind(",", sent[0], start)
    if comma != -1 and not text[comma + 1 : start].strip():
        return None  # "The body, Bawaslu, said it ...": the comma closes an apposition of the subject
    while comma > sent[0]:
        prev = text.rfind(",", sent[0], comma)
        if prev == -1 or not _TITLE_WORD.fullmatch(text, prev + 1, comma):
            break
        comma = prev  # "..., Trade, Industry and Energy Minister X said": the list belongs to the title
    if comma == -1 or len(text[sent[0] : comma].split()) < 3:
        return None
    between = text[comma + 1 : start]
    if (
        all(w.lower() in att.lex.adverbs for w in between.split())
        or len(between.split()) > 8
        or _STOP_MARK.search(between)
    ):
        return None  # "X, the bloc's largest donor, welcomed ...": the comma closes an apposition, not a clause
    return comma


def _clause_after(text: str, cue_end: int, sent_end: int, lex: Lexicon) -> tuple[int, int]:
    """The reported clause after a cue: skip listeners up to "that", stop at the sentence end."""
    start = cue_end
    for w in islice(_WORD.finditer(text, cue_end, sent_end), 14):
        word = w.group()
        low = word.lower()
        if low == "that":
            nxt = _NEXT_WORD.match(text, w.end(), sent_end)
            if nxt is not None and nxt.group(1) in _AUXILIARIES:
                break  # "the states that had ...": a relative "that", the report starts at the cue
            start = w.end()
            break
        if low not in lex.listeners and not word[:1].isupper():
            break
    end = sent_end
    while end > start and text[end - 1] in " \n.!?;:,":
        end -= 1
    while start < end and text[start] in " ,:":
        start += 1
    return start, end


# "the decision", "its plan": a determiner and one word, an object rather than reported content
_BARE_OBJECT = re.compile(r"(?:the|a|an|its|their|his|her|this|that)\s+[\w’'-]+", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never|n[’']t)\s+(?:\w+\s+)?$")
_REQUEST_FOR = re.compile(r"\s+(?:[\w’'.-]+\s+){1,6}?for\s")
_AUX_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+\s+)?$")


def _no_report(text: str, lemma: str | None, cs: int, ce: int, s0: int, s1: int) -> bool:
    """Cues that report nothing: "did not respond to a request", "is expected to", "asked X for help"."""
    before = text[max(s0, cs - 20) : cs]
    if lemma in ("respond", "reply", "answer", "comment") and (
        _NEGATED.search(before) or text.startswith((" to a request", " to requests"), ce)
    ):
        return True  # "did not respond to a request for comment"
    if lemma == "expect" and _AUX_BEFORE.search(before) and not text.startswith(" by ", ce):
        return True  # "the bank is expected to cut": a forecast by nobody named
    if lemma == "ask":
        m = _REQUEST_FOR.match(text, ce, s1)
        if m is not None and not re.search(r"\b(?:whether|if|why|how|what|that)\b", text[ce : m.end()]):
            return True  # "asked the government for aid": a request, not speech
    return False


def _statements(
    att: Attributor,
    text: str,
    sent: tuple[int, int],
    number: int,
    quotes: list[QSpan],
    used: set[int],
    source_re: re.Pattern[str],
    view_re: re.Pattern[str],
    stance_re: re.Pattern[str],
) -> list[LocalQuote]:
    """The reported statements of one sentence, in the order the rules find them."""
    lex = att.lex
    sent_cues = att.cues(sent[0], sent[1])
    sent_text = text[sent[0] : sent[1]]
    flags = att.frame_flags
    if not sent_cues and not any(flags) and "’s " not in sent_text and "'s " not in sent_text:
        return []  # nothing in this sentence can report speech
    sent_low = att.low[sent[0] : sent[1]] if att.low_aligned else sent_text.lower()
    # the source cores first: mostly none occurs in the article, and rarely one in a sentence
    has_source = (
        att.source_frames
        and any(core in sent_low for core in att.source_cores)
        and any(w in sent_low for w in att.source_words)
    )
    # a view frame ends in a comma, and its words leave pieces in the lower-cased sentence
    has_view = (
        flags[1]
        and ("’s" in sent_text or "'s" in sent_text)
        and "," in sent_text
        and any(all(p in sent_low for p in pieces) for pieces in _view_cores(lex))
    )
    has_stance = flags[2] and any(adj in sent_low for adj in att.stance_words)
    possessors = att.possessors_in(sent[0], sent[1])
    if not (sent_cues or has_source or has_view or has_stance or possessors):
        return []  # no cue, no source, view or stance frame, no "X's statement": nothing to report
    quoted_speakers = {q.speaker for q in quotes if sent[0] <= q.ms < sent[1] and q.speaker}
    emitted: set[str | None] = set()
    out: list[LocalQuote] = []

    def emit(speaker: str | None, cue: str, a: int, b: int, rule: str) -> None:
        if speaker is None or speaker in emitted or speaker in quoted_speakers:
            return
        a, b = _trim(text, a, b)
        while b > a and text[b - 1] in ".;:, ":
            b -= 1
        if b - a > MAX_QUOTE_CHARS or not _TWO_WORDS.search(text, a, b):
            return  # fewer than two words
        if _BARE_OBJECT.fullmatch(text, a, b):
            return  # "welcomed the agreement": an object, no reported content
        emitted.add(speaker)
        out.append(LocalQuote(text[a:b], a, b, "indirect", speaker, cue, number, sent[0], sent[1], rule))

    # "According to X, ..." / "..., according to X."
    for m in source_re.finditer(text, sent[0], sent[1]) if has_source else ():
        if att.in_quote(m.start()):
            continue
        ms = att.mentions_in(m.end(), min(sent[1], m.end() + 120))
        if not ms:
            continue
        gap = text[m.end() : ms[0].start].strip().lower()
        if gap not in ("", "the") and not _DOCUMENT_BY.fullmatch(gap):
            continue  # "according to a note issued by X" counts as X; "a document seen by X" does not
        spk = att.speaker_of(ms[0], sent)
        comma = text.find(",", ms[0].end, sent[1])
        if m.start() - sent[0] < 3 and comma != -1:
            emit(spk, "according to", comma + 1, sent[1], "statement.according_to.opening")
        else:
            emit(spk, "according to", sent[0], m.start(), "statement.according_to.closing")
    for m in view_re.finditer(text, sent[0], sent[1]) if has_view else ():
        ms = att.mentions_in(m.start(), m.end())
        if ms and not att.in_quote(m.start()):
            emit(att.speaker_of(ms[0], sent), "view", m.end(), sent[1], "statement.view_frame")
    for m in stance_re.finditer(text, sent[0], sent[1]) if has_stance else ():
        found, spk = att.subject_before(m.start() + 1, sent)
        if found and not att.in_quote(m.start()):
            emit(spk, m.group().strip().lower(), m.end(), sent[1], "statement.stance_frame")
    # possessor + reporting noun: "Trump's announcement that ..."
    for mention in possessors:
        words = text[mention.end + 3 : mention.end + 40].split()[:2]
        for w in words:
            w = w.strip(",.;:")
            if w.lower() in lex.cue_nouns and w.lower() not in (
                "view",
                "position",
                "words",
                "mantra",
                "slogan",
            ):
                cue_pos = text.find(w, mention.end)
                tail = text[cue_pos + len(w) : cue_pos + len(w) + 6].lstrip()
                if not tail.startswith(("of ", "that ", "to ")):
                    break  # "X's comments came after ...": no reported content follows
                a, b = _clause_after(text, cue_pos + len(w), sent[1], lex)
                if tail.startswith("of "):
                    a = cue_pos + len(w) + text[cue_pos + len(w) :].index("of ") + 3
                emit(att.speaker_of(mention, sent), w.lower(), a, b, "statement.possessor_noun")
                break
    clause_from = -1  # inside the "that" clause of an earlier cue, a verb reports nothing new
    s0, s1 = sent
    for c in sent_cues:
        cs, ce = c.s, c.e
        if att.in_quote(cs):
            continue
        if (
            clause_from >= 0
            and cs > clause_from
            and not _coordinated(text[s0 if cs - 20 < s0 else cs - 20 : cs])
            and not _new_clause(att, text, clause_from, cs, sent)
        ):
            continue
        if clause_from < 0:
            window = text[ce : ce + 50]
            that = _THAT_SOON.match(window) if "that" in window else None
            if that:
                clause_from = ce + that.end()
        if cs in used:
            if clause_from < 0:
                clause_from = ce  # the cue of a quote: its reported clause follows
            continue
        if text[s0 if cs - 2 < s0 else cs - 2 : cs].strip() == "," and _ASIDE_PREPOSITION.match(text[ce : ce + 10]):
            continue  # "Rutte, asked about the dispute, said ...": an aside, not a statement
        if text[ce : ce + 1].isspace() and _BY.match(text[ce : ce + 5]):
            passive = _PASSIVE_AUX.search(text[s0 if cs - 8 < s0 else cs - 8 : cs])
        else:
            passive = None
        if passive:
            ms = att.mentions_in(ce, min(s1, ce + 90))
            if ms and ms[0].kind == "person":
                emit(att.speaker_of(ms[0], sent), c.surface.lower(), s0, ce, "statement.passive_by")
            continue
        if text.startswith(("’s", "'s"), ce):
            continue
        if _noun_use(text, cs, s0):
            continue  # a noun ("the report", "her post"), not a verb
        lemma = lex.cue_forms.get(c.surface.lower())
        if lemma in _clause_only_cues() and not _GOVERNS_CLAUSE.match(text, ce, s1):
            continue  # "appealed to the court": an object, no reported clause
        if lemma in _quote_only_cues():
            continue  # "X continued to rise": only a quote's cue
        if _no_report(text, lemma, cs, ce, s0, s1):
            continue
        found, spk, how = _speaker_for_cue(att, cs, ce, c.surface, sent, lex)
        if not found and (pair := _PAIR.search(text, max(s0, cs - 30), cs)):
            # "the two agreed", "both leaders said": the last two people named before in the sentence
            people = [m.name for m in att.mentions_in(sent[0], pair.start()) if m.kind == "person" and m.name]
            people = [p for p in people if not p.startswith("\x00")]
            pair_names = list(dict.fromkeys(reversed(people)))[:2]
            if len(pair_names) == 2:
                a, b = _clause_after(text, c.e, sent[1], lex)
                for name in pair_names:
                    emit(name, c.surface.lower(), a, b, "statement.pair")
            continue
        if found and clause_from < 0:
            clause_from = ce  # "X said Y expected ...": later verbs belong to X's reported clause
        if not found or spk is None or spk in emitted or spk in quoted_speakers:
            continue  # (a speaker already reported in this sentence: ``emit`` would drop the statement)
        a, b = _clause_after(text, c.e, sent[1], lex)
        trailing = _trailing_attribution(att, text, sent, c.s, c.e)
        rule = "statement.cue." + how
        if trailing is not None:
            a, b = sent[0], trailing  # "Russian troops advanced, the institute said in its update."
            rule = "statement.trailing_cue." + how
        emit(spk, c.surface.lower(), a, b, rule)
    return out
