"""The map's shared speed-ups give what the plain code gives (issue 18)."""

from __future__ import annotations

import re

from briefgen.extract.display import _SENTENCE_END, sentence_limits
from briefgen.extract.fastre import match_ends
from briefgen.nlp import make_nlp

TEXTS = (
    'Mr. Smith said the U.S. would act. "We will see!" he said.  Then  "no."\nA new line. It ends?',
    "One. Two.\n\nThree! \u201cFour.\u201d five.\nDr. Who (maybe). Last",
    "No end mark at all\n. Starts with a stop.\n",
)


def _plain_limits(text: str, start: int, end: int) -> tuple[int, tuple[int, int] | None, int]:
    """sentence_limits as it was written before the per-article scan: one truncated scan per call."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end == -1 else para_end
    left = para_start
    for m in _SENTENCE_END.finditer(text, para_start, min(para_end, start + 1)):
        if m.end() <= start:
            left = m.end()
    stop = _SENTENCE_END.search(text, end, para_end)
    return left, stop.span() if stop else None, para_end


def test_sentence_limits_same_as_one_scan_per_call() -> None:
    for text in TEXTS:
        for start in range(len(text) + 1):
            for end in {start, min(len(text), start + 7), len(text)}:
                left, stop, para_end = sentence_limits(text, start, end)
                assert (left, stop.span() if stop else None, para_end) == _plain_limits(text, start, end)


def test_match_ends_follows_the_text() -> None:
    word = re.compile(r"\w+")
    first = "alpha beta"
    assert match_ends(word, first, 0, len(first)) == [5, 10]
    second = "gamma"
    assert match_ends(word, second, 0, len(second)) == [5]  # another text: scanned again, not the last list
    assert match_ends(word, first, 6, len(first)) == [10]


def test_pipeline_keeps_a_punctuation_run_whole() -> None:
    nlp = make_nlp()
    doc = nlp("He said " + "!" * 25 + " then left.")
    assert "!" * 25 in [t.text for t in doc]
    assert nlp.pipe_names == ["sentencizer", "lemmatizer"]
    assert [t.lemma_ for t in nlp("He was running")][1:] == ["be", "run"]


def test_few_collections_raises_the_young_threshold_and_restores_it() -> None:
    import gc

    from briefgen.executor import few_collections

    before = gc.get_threshold()
    with few_collections(12_345):
        inside = gc.get_threshold()
    assert inside[0] == max(12_345, before[0]) and inside[1:] == before[1:]
    assert gc.get_threshold() == before
