"""The quote stage's patterns rewritten for speed find exactly what the plain patterns they replace find."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.extract.lexicon import lexicon
from briefgen.extract.quotes.coref import _THE_ROLE
from briefgen.extract.quotes.cues import _cue_noun_re
from briefgen.extract.quotes.find import _ALNUM
from briefgen.extract.quotes.marks import _SENT_END, _sentence_ends, _stops
from briefgen.extract.quotes.speakers import _BARE_ROLE, _NEW_CLAUSE, _ROLE_OFFICE
from tests.extract_utils import analyse_text, speaker_name

_THE_ROLE_PLAIN = re.compile(r"(?<![\w’'])[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*)\b")
_ROLE_OFFICE_PLAIN = re.compile(
    r"(?<![\w’'])[Tt]he\s+([a-z]+)[’']s\s+(?:office|spokesman|spokeswoman|spokesperson|press office|press secretary)"
    r"(?:\s+(?:also|later|has|had|then))?\s*$"
)
_BARE_ROLE_PLAIN = re.compile(r"(?<![\w’'])[Tt]he\s+([a-z]+)(?:\s+(?:also|later|then|has|had))?\s*$")

_PIECES = [
    "the",
    "The",
    "tThe",
    "xthe",
    "’the",
    " ",
    "  ",
    "\n",
    ".",
    "!?",
    "”",
    ")",
    "“",
    "A",
    "É",
    "7",
    "a",
    "minister",
    "’s",
    "'s",
    "office",
    "also",
    "said",
    ",",
    "-",
]


@settings(max_examples=600, deadline=None)
@given(
    text=st.lists(st.sampled_from(_PIECES), max_size=14).map("".join),
    start=st.integers(0, 4),
    cut=st.integers(0, 4),
)
def test_rewritten_quote_patterns_match_like_the_plain_ones(text: str, start: int, cut: int) -> None:
    end = max(start, len(text) - cut)
    for fast, plain in (
        (_THE_ROLE, _THE_ROLE_PLAIN),
        (_ROLE_OFFICE, _ROLE_OFFICE_PLAIN),
        (_BARE_ROLE, _BARE_ROLE_PLAIN),
    ):
        found = [(m.span(), m.groups()) for m in fast.finditer(text, start, end)]
        assert found == [(m.span(), m.groups()) for m in plain.finditer(text, start, end)]


def test_every_view_frame_of_the_lexicon_passes_the_cheap_sentence_gate() -> None:
    # the gate tests pieces of each frame before the view regex runs: a piece missing from a frame's own
    # wording would silently drop that frame's statements
    for frame in lexicon().view_frames:
        opening = frame.replace("{}", "Healey")
        text = (
            f"Defence Secretary John Healey spoke on Monday. {opening[0].upper()}{opening[1:]}, Europe must spend more."
        )
        analysis = analyse_text(text)
        found = [(q.kind, q.cue, speaker_name(analysis, q)) for q in analysis.quotes]
        assert ("indirect", "view", "John Healey") in found, (frame, found)


@settings(max_examples=400, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(
            ["post", "posts", "claim", "claims", "view", "words", "wordsmith", "x", "é", " ", "_", "9", "."]
        ),
        max_size=8,
    ).map("".join)
)
def test_reporting_noun_pattern_matches_like_the_longest_first_alternation(text: str) -> None:
    nouns = sorted(lexicon().cue_nouns, key=len, reverse=True)
    plain = re.compile(r"(?<![\w])(" + "|".join(nouns) + r")\b")
    assert [m.span(1) for m in _cue_noun_re().finditer(text)] == [m.span(1) for m in plain.finditer(text)]


_NEW_CLAUSE_PLAIN = re.compile(r"(?:[;—–]|,\s+(?:and|but|while|whereas)\b|\b(?:while|whereas)\b)\s*")


@settings(max_examples=400, deadline=None)
@given(
    text=st.lists(
        st.sampled_from([";", "—", "–", ",", " ", "and", "but", "while", "whereas", "x", "é", "_"]), max_size=9
    ).map("".join)
)
def test_clause_break_pattern_matches_like_the_plain_one(text: str) -> None:
    assert [m.span() for m in _NEW_CLAUSE.finditer(text)] == [m.span() for m in _NEW_CLAUSE_PLAIN.finditer(text)]


def test_alphanumeric_pattern_agrees_with_str_isalnum_on_every_character() -> None:
    mismatched = [c for c in map(chr, range(sys.maxunicode + 1)) if bool(_ALNUM.match(c)) != c.isalnum()]
    assert not mismatched


@settings(max_examples=500, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(["A", "b", "7", "É", " ", "\n", ".", "...", "!", "?", "”", ")", "“", "(", "x."]), max_size=14
    ).map("".join),
    start=st.integers(0, 4),
    cut=st.integers(0, 4),
)
def test_sentence_ends_from_stops_are_the_pattern_matches(text: str, start: int, cut: int) -> None:
    end = max(start, len(text) - cut)
    found = [m.span() for m in _sentence_ends(text, start, end, _stops(text))]
    assert found == [m.span() for m in _SENT_END.finditer(text, start, end)]
