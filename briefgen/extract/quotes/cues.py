"""Reporting cues ("said", "according to", "in X's view") found in an article's text."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from briefgen.extract.fastre import trie_alternation
from briefgen.extract.lexicon import Lexicon, lexicon, load_data

_DETERMINER_END = re.compile(r"(?:^|\W)(?:the|a|an|his|her|its|their|our|of|this|that)\s+$")


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


@lru_cache(maxsize=4096)
def _is_participle(cue: str) -> bool:
    """Whether a cue as written starts with an -ing form ("saying", "Adding that")."""
    return cue.lower().split()[0].endswith("ing")


@lru_cache(maxsize=1)
def _clause_only_cues() -> frozenset[str]:
    """Cues (lemmas, as in cues.yml) that report speech only when a clause follows them."""
    return frozenset(str(c) for c in load_data("cues.yml").get("clause_only", []))


@lru_cache(maxsize=1)
def _quote_only_cues() -> frozenset[str]:
    """Cues (lemmas, as in cues.yml) that report speech only as the cue of a quote."""
    return frozenset(str(c) for c in load_data("cues.yml").get("quote_only", []))


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
