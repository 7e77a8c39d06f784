"""Claims: statements saying the same thing are grouped across speakers and articles; others are not."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from briefgen.extract.claims import fold_words, group_claims
from briefgen.records import Actor, Quote, Source


def _q(qid: str, text: str, speaker: str, source: str, stance: str | None = None, target: str | None = None) -> Quote:
    return Quote(qid, text, speaker, source, 1, 0, len(text), "said", "direct", (), (), stance, target)


ACTORS = (
    Actor("ann", "Ann Lee", "person", "Canada", None),
    Actor("bob", "Bob Roy", "person", "Mexico", None),
    Actor("cy", "Cy Dunn", "person", "Chile", None),
)
SOURCES = tuple(Source(f"s-{n}", f"{n}.txt", str(n), None, None, None, f"2025-03-0{n}", 10) for n in (1, 2, 3))


def test_paraphrases_across_speakers_and_articles_make_one_claim_with_supporters() -> None:
    quotes = (
        _q("q-1", "Farmers must be part of any talks on the river water.", "ann", "s-1"),
        _q("q-2", "There will be no negotiations on the river water without farmers involved.", "bob", "s-2"),
        _q("q-3", "The central bank will cut interest rates in June.", "cy", "s-3"),
    )
    claims = group_claims(quotes, ACTORS, SOURCES)
    water = next(c for c in claims if "q-1" in c.evidence)
    assert set(water.evidence) == {"q-1", "q-2"}
    assert water.speakers == ("ann", "bob") or set(water.speakers) == {"ann", "bob"}
    assert set(water.countries) == {"Canada", "Mexico"} and water.articles == 2
    assert next(c for c in claims if "q-3" in c.evidence).evidence == ("q-3",)


def test_opposite_stances_on_one_target_are_two_claims() -> None:
    quotes = (
        _q("q-1", "We support the new harbour toll.", "ann", "s-1", "for", "the new harbour toll"),
        _q("q-2", "We reject the new harbour toll.", "bob", "s-2", "against", "the new harbour toll"),
    )
    claims = group_claims(quotes, ACTORS, SOURCES)
    assert len(claims) == 2 and all(c.stance for c in claims)


def test_claim_ids_are_stable_and_every_statement_is_in_exactly_one_claim() -> None:
    quotes = tuple(_q(f"q-{i}", f"Statement number {i} about the budget of town {i}.", "ann", "s-1") for i in range(5))
    first, second = group_claims(quotes, ACTORS, SOURCES), group_claims(quotes, ACTORS, SOURCES)
    assert [c.id for c in first] == [c.id for c in second]
    assert sorted(e for c in first for e in c.evidence) == sorted(q.id for q in quotes)


def _examples() -> list[dict[str, Any]]:
    from importlib import resources

    data = yaml.safe_load(resources.files("briefgen.data").joinpath("claims.yml").read_text("utf-8"))
    return list(data["examples"])


@pytest.mark.parametrize("example", _examples())
def test_claim_examples_of_the_data_file(example: dict[str, Any]) -> None:
    texts = example.get("same") or example["different"]
    quotes = (_q("q-1", texts[0], "ann", "s-1"), _q("q-2", texts[1], "bob", "s-2"))
    grouped = len(group_claims(quotes, ACTORS, SOURCES)) == 1
    assert grouped == ("same" in example), (fold_words(texts[0]), fold_words(texts[1]))


def test_candidate_claims_tie_by_index_not_by_insertion_order() -> None:
    from briefgen.extract.claims import MAX_CANDIDATES, MIN_SHARED, top_candidates

    # more tied claims than candidates: which are scored must not follow the order words were iterated in
    # (a frozenset's order, i.e. the hash seed), or two builds of one corpus group claims differently
    counts = {g: MIN_SHARED for g in range(MAX_CANDIDATES + 4)}
    forward = top_candidates(dict(counts.items()))
    backward = top_candidates(dict(reversed(list(counts.items()))))
    assert forward == backward == list(range(MAX_CANDIDATES))
    assert top_candidates({3: MIN_SHARED - 1, 5: MIN_SHARED}) == [5]


def test_alike_statements_of_two_unrelated_stories_are_two_claims() -> None:
    # each article quotes several people; they share no speaker and no country: two stories
    actors = (*ACTORS, Actor("dee", "Dee Moss", "person", "Peru", None),
              Actor("eve", "Eve Sand", "person", "Peru", None), Actor("fay", "Fay Holm", "person", "Chile", None))
    quotes = (
        _q("q-1", "The party would vote against the budget for the new harbour scheme.", "ann", "s-1"),
        _q("q-2", "Ports must stay open all winter.", "bob", "s-1"),
        _q("q-3", "His party would vote against any budget that raised the harbour scheme levy.", "dee", "s-2"),
        _q("q-4", "Fishermen want lower fuel prices this winter.", "eve", "s-2"),
    )
    claims = group_claims(quotes, actors, SOURCES)
    assert not any({"q-1", "q-3"} <= set(c.evidence) for c in claims)
    # the same statements from articles that share a speaker's country are one claim
    related = (*quotes[:3], _q("q-4", "Fishermen want lower fuel prices this winter.", "fay", "s-2"),
               _q("q-5", "Ports must stay open all winter long.", "cy", "s-1"))  # Cy Dunn and Fay Holm: Chile
    claims = group_claims(related, actors, SOURCES)
    assert any({"q-1", "q-3"} <= set(c.evidence) for c in claims)
