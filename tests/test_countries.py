"""Countries from the words around a name: every example of briefgen/data/countries.yml, plus the helpers."""

from __future__ import annotations

from typing import Any

import pytest

from briefgen.extract.actors import local_actors_of
from briefgen.extract.actors.country_context import _PLACE_BEFORE, phrase_country
from briefgen.extract.lexicon import lexicon, load_data


def _examples() -> list[dict[str, Any]]:
    return list(load_data("countries.yml")["examples"])


def _country(text: str, name: str) -> str | None:
    actors = local_actors_of(text, [(0, len(text))]).actors
    found = [a for a in actors if a.name == name]
    assert found, f"no actor {name!r} in {[a.name for a in actors]}"
    return found[0].country


@pytest.mark.parametrize("example", _examples(), ids=lambda e: f"{e['actor']}->{e['country']}")
def test_example(example: dict[str, Any]) -> None:
    assert _country(example["text"], example["actor"]) == example["country"]


def test_examples_hold_negatives() -> None:
    """The file holds near-miss negatives, not only positives."""
    assert any(e["country"] is None for e in _examples())
    assert sum(e["country"] is not None for e in _examples()) >= 5


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("Japanese ambassador in Manila", "Japan"),
        ("U.S. ambassador in Nairobi", "United States"),
        ("premier of the German state of Brandenburg", "Germany"),
        ("governor of East Java", "Indonesia"),
        ("youth delegate from Tonga", "Tonga"),
        ("envoy to Japan", None),
        ("critic of Japan", None),
        ("professor of Chinese history", None),
        ("expert on Russia", None),
        ("South American confederation", None),
    ],
)
def test_phrase_country(phrase: str, country: str | None) -> None:
    assert phrase_country(phrase, lexicon()) == country


def test_place_before_office_reads_a_sentence_opening_or_a_modifier_only() -> None:
    """ "In Beijing, spokeswoman X" and "Nairobi police commander X" name the place; "moved to Beijing,
    foreign minister X said" does not (the comma ends another clause)."""
    assert _PLACE_BEFORE.search("In Beijing, foreign ministry spokeswoman ") is not None
    assert _PLACE_BEFORE.search("Nairobi police commander ") is not None
    assert _PLACE_BEFORE.search("The talks moved to Beijing, foreign minister ") is None


def test_a_national_body_described_as_another_country_s_takes_no_home_country() -> None:
    lead = ("LIMA, Peru — Heavy rain flooded Lima on Monday. Peru's government declared an emergency in Peru. "
            "Peruvian officials said roads were closed in Peru. ")
    text = lead + "The National Weather Service, which tracks storms for the U.S. government, said it would weaken."
    actors = {a.name: a.country for a in local_actors_of(text, [(0, len(text))]).actors}
    assert actors["National Weather Service"] is None
    text = lead + "The National Emergency Institute, which reports to Peru's president, said 12 people had died."
    actors = {a.name: a.country for a in local_actors_of(text, [(0, len(text))]).actors}
    assert actors["National Emergency Institute"] == "Peru"
