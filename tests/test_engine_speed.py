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



def test_stance_tokens_from_the_word_memo_keep_offsets_and_lemmas() -> None:
    from briefgen.extract.stance_words import tokens

    table = {"was": "be", "rejected": "reject"}
    first = [tuple(t) for t in tokens("He rejected it. It wasn\u2019t \u201cfair\u201d", table)]
    assert first == [
        ("He", "he", "he", 0, 2), ("rejected", "rejected", "reject", 3, 11), ("it", "it", "it", 12, 14),
        (".", ".", ".", 14, 15), ("It", "it", "it", 16, 18), ("was", "was", "be", 19, 22),
        ("n't", "n't", "not", 22, 25), ("fair", "fair", "fair", 27, 31),
    ]
    again = [tuple(t) for t in tokens("So it wasn\u2019t.", table)]  # the same words elsewhere: their own offsets
    assert again[2:] == [("was", "was", "be", 6, 9), ("n't", "n't", "not", 9, 12), (".", ".", ".", 12, 13)]
    other = {"rejected": "rejected"}  # another table: its own lemmas, not the memo's
    assert tokens("He rejected it", other)[1].lemma == "rejected"


def test_lower_words_looked_up_one_at_a_time_as_the_whole_set() -> None:
    from briefgen.extract.actors.coref import _LOWER_WORD, LowerWords

    text = "Like Corker, like-minded ones said like\u2019s and Another it's o'clock; another r\u00e9sum\u00e9 x2 x"
    whole = frozenset(_LOWER_WORD.findall(text))
    lazy = LowerWords(text)
    for word in ("like", "another", "ones", "said", "minded", "it", "s", "clock", "o", "r", "x", "x2", "Like", "",
                 "sum", "corker", "and", "and "):
        assert (word in lazy) == (word in whole), word
    assert "ones" in lazy and "another" in lazy and "like" not in lazy and "minded" not in lazy


def test_claim_similarity_is_exactly_rounded_whatever_the_set_order() -> None:
    import itertools
    import math
    from typing import cast

    from briefgen.extract.claims import _Item, _similarity
    from briefgen.records import Quote

    words = [f"w{i}" for i in range(10)]
    idf = dict.fromkeys(words, 0.1)  # ten times 0.1: a left-to-right sum gives 0.9999999999999999, fsum 1.0
    assert sum(idf.values()) != 1.0
    scores = set()
    for order in itertools.islice(itertools.permutations(words), 50):
        a = _Item(cast(Quote, None), frozenset(order), math.fsum(idf.values()))
        b = _Item(cast(Quote, None), frozenset(reversed(order)), 1.0)
        scores.add(_similarity(a, b, idf))
    assert scores == {1.0}


def test_one_story_counts_a_speaker_shared_by_two_articles_as_the_pairwise_test_does() -> None:
    import random

    from briefgen.extract.positions import _one_story

    rng = random.Random(7)
    for _ in range(300):
        articles = {f"s{i}" for i in range(rng.randint(0, 7))}
        speakers = {a: {f"p{rng.randint(0, 5)}" for _ in range(rng.randint(0, 3))}
                    for a in articles if rng.random() < 0.8}
        pairwise = {a for a in articles
                    if any(speakers.get(a, set()) & speakers.get(b, set()) for b in articles if b != a)}
        assert _one_story(articles, speakers) == pairwise


def test_lemmas_from_the_word_memo_are_the_lookup_tables() -> None:
    from briefgen.extract.positions import lemmas
    from briefgen.nlp import lookup_table

    nlp = make_nlp()
    table = lookup_table(nlp)
    assert table is not None
    text = "The Ministers were Running talks; the ministers\u2019 talks ran.  Again: talks"
    plain = tuple(str(table.get(t.text, t.text)).lower() for t in nlp.make_doc(text.replace("\u2019", "'"))
                  if not t.is_space)
    assert lemmas(nlp, text) == plain == lemmas(nlp, text)  # cold, then from the memo
    assert "minister" in plain and "run" in plain


def test_stance_phrase_match_is_the_all_of_its_words() -> None:
    from briefgen.extract.stance_words import _at, tokens

    sent = tokens("They would not put the farms at risk at all", {"farms": "farm", "would": "would"})
    for i in range(len(sent) + 1):
        for phrase in (("at", "risk"), ("at",), ("at", "all"), ("risk", "at", "all"), ("all", "x"), ("put", "the")):
            expected = i + len(phrase) <= len(sent) and all(sent[i + k].lemma == w for k, w in enumerate(phrase))
            assert _at(sent, i, phrase) == expected
    assert _at(sent, 6, ("at", "risk")) and _at(sent, 8, ("at", "all")) and not _at(sent, 9, ("all", "x"))
