"""The speed helpers of the actor stage give exactly what the plain code they replace gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.extract.actors.mentions import _THE, _after_the, _scan
from briefgen.extract.actors.words import _CONNECTORS, _RUN, _WORD
from briefgen.extract.fastre import trie_alternation
from briefgen.extract.lexicon import APOS

_WORDS = st.lists(st.text(alphabet="abAB -.", min_size=1, max_size=5), min_size=1, max_size=10)
_TEXT = st.text(alphabet="abAB -.x", max_size=14)


def _sorted_alternation(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


@settings(max_examples=300, deadline=None)
@given(words=_WORDS, text=_TEXT, ignore_case=st.booleans(), tail=st.sampled_from(["", "b", "(?![ab])", " a"]))
def test_trie_alternation_matches_like_the_sorted_alternation(
    words: list[str], text: str, ignore_case: bool, tail: str
) -> None:
    flags = re.IGNORECASE if ignore_case else 0
    # inside a repeat followed by more pattern, so that backtracking order matters too
    plain = re.compile(f"(?:{_sorted_alternation(words)}[ -]?){{0,3}}{_sorted_alternation(words)}{tail}", flags)
    trie = trie_alternation(words, ignore_case=ignore_case)
    fast = re.compile(f"(?:{trie}[ -]?){{0,3}}{trie}{tail}", flags)
    for pos in range(len(text) + 1):
        a, b = plain.match(text, pos), fast.match(text, pos)
        assert (a and a.span()) == (b and b.span())


def test_trie_alternation_of_non_ascii_words_ignoring_case_falls_back_to_the_alternation() -> None:
    assert trie_alternation(["Šef", "šefica"], ignore_case=True) == _sorted_alternation(["Šef", "šefica"])


_RUN_PLAIN = re.compile(rf"(?<![\w{APOS}]){_WORD}(?: (?:(?:{'|'.join(_CONNECTORS)}) )*{_WORD})*")
_THE_PLAIN = re.compile(r"(?<![\w])[Tt]he ([\w’'.-]+)")


@settings(max_examples=500, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(
            ["A", "a", "Z", " ", ".", "'", "’", "-", "É", "Â", "\u0080", "€", "of", "the", "The", "M.", "x", "Ka"]
        ),
        max_size=16,
    ).map("".join),
    start=st.integers(0, 2),
)
def test_rewritten_scans_find_the_same_spans_as_the_plain_patterns(text: str, start: int) -> None:
    assert [m.span() for m in _RUN.finditer(text, start)] == [m.span() for m in _RUN_PLAIN.finditer(text, start)]
    the_fast = [(m.start() - 1, m.group(1)) for m in _THE.finditer(text, start + 1)]
    assert the_fast == [(m.start(), m.group(1)) for m in _THE_PLAIN.finditer(text, start)]


_PARAGRAPH = st.lists(
    st.sampled_from(["The", "the", "minister", "company", "Anna", "Berg", "of", "US", "President", "x,"]),
    max_size=6,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(paragraphs=st.lists(_PARAGRAPH, min_size=1, max_size=5), drop=st.sets(st.integers(0, 4), max_size=1))
def test_one_scan_of_line_separated_paragraphs_finds_what_each_paragraph_scan_finds(
    paragraphs: list[str], drop: set[int]
) -> None:
    text = "\n\n".join(paragraphs)
    spans, pos = [], 0
    for i, p in enumerate(paragraphs):
        if i not in drop:  # a headline paragraph left out of the scan
            spans.append((pos, pos + len(p)))
        pos += len(p) + 2
    runs, refs = _scan(text, spans)
    each_runs = [m.span() for a, b in spans for m in _RUN.finditer(text, a, b)]
    each_refs = [
        (m.span(), b) for a, b in spans for m in _THE.finditer(text, a + 1, b) if _after_the(m.group(1)) is not None
    ]
    assert [m.span() for m in runs] == each_runs
    assert [(m.span(), b) for m, b in refs] == each_refs
