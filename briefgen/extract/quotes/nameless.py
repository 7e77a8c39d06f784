"""Nameless but specific sources of a reported statement, as written: "U.S. officials said", "analysts say"."""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.extract.lexicon import load_data
from briefgen.extract.quotes.subjects import Attributor

_MAX_WORDS = 6  # the longest source phrase ("Senior administration officials in Washington")


@lru_cache(maxsize=1)
def _nameless_words() -> tuple[int, frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The nameless sources' word limit, head nouns, pronouns, stop words and links (cues.yml)."""
    data = load_data("cues.yml")["nameless_sources"]
    return (
        _MAX_WORDS,
        frozenset(str(w) for w in data["heads"]),
        frozenset(str(w) for w in data["pronouns"]),
        frozenset(str(w) for w in data["stop"]),
        frozenset(str(w) for w in data["links"]),
    )


@lru_cache(maxsize=1)
def _nameless_verbs() -> frozenset[str]:
    """The cue lemmas that report a nameless source's clause (cues.yml nameless_sources.verbs)."""
    return frozenset(str(w) for w in load_data("cues.yml")["nameless_sources"]["verbs"])


_SOURCE_WORD = re.compile(r"[\w’'.-]+")


def nameless_source(att: Attributor, text: str, s0: int, cs: int, ce: int) -> str | None:
    """The nameless source right before a cue, as written ("U.S. officials", "a spokesman for the ministry").

    The words back to a clause boundary, after adverbs; their head noun is last or followed by a link
    ("officials at the ministry"); None when there is no head, a pronoun, or more than the word limit.
    """
    limit, heads, pronouns, stop, links = _nameless_words()
    if att.lex.cue_forms.get(text[cs:ce].lower()) not in _nameless_verbs() or text.startswith(",", ce):
        return None  # "critics praised X" reports no clause; "X, analysts said, has ...": a parenthesis
    words = list(_SOURCE_WORD.finditer(text, max(s0, cs - 120), cs))
    end = cs
    while words and words[-1].group().lower() in att.lex.adverbs:
        end = words.pop().start()
    if not words or text[words[-1].end() : end].strip():
        return None  # "The report, written by analysts, said": a comma before the cue
    phrase: list[re.Match[str]] = []
    for w in reversed(words):
        low = w.group().lower().rstrip(".")
        if phrase and text[w.end() : phrase[0].start()].strip():
            break  # a comma or a mark: the phrase starts after it
        if low in stop and low not in links:
            break
        if low in pronouns:
            return None  # "his aides", "they", "which critics say": no source as written
        phrase.insert(0, w)
        if len(phrase) > limit:
            return None
    while phrase and phrase[0].group().lower() in links:
        phrase.pop(0)  # "In Washington officials said": the phrase starts after the preposition
    lows = [w.group().lower().rstrip(".") for w in phrase]
    if not lows or lows[-1] in links:
        return None  # "campaign in states ...": a noun "states", no source
    head = next(
        (i for i in range(len(lows) - 1, -1, -1) if lows[i] in heads and (i == len(lows) - 1 or lows[i + 1] in links)),
        None,
    )
    if head is None:
        return None
    return text[phrase[0].start() : phrase[-1].end()].rstrip(".")
