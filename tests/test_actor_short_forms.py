"""Organisation names and their short forms: a leading preposition is no part of a name, and "the union"
refers back to an organisation already named, never forward to one named later."""

from __future__ import annotations

from tests.extract_utils import analyse_text


def _actors(text: str) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    return {a.name: (a.country, tuple(a.aliases)) for a in analyse_text(text).actors}


def test_a_sentence_opening_preposition_is_not_part_of_an_organisation_name() -> None:
    found = _actors("Under European Union rules, passengers are owed a refund. Among European Union states, few agree.")
    assert "European Union" in found
    assert not any(n.startswith(("Under ", "Among ")) for n in found)


def test_the_short_form_before_the_organisation_is_named_does_not_refer_to_it() -> None:
    text = (
        "LISBON - Airport workers walked out on Friday.\n\n"
        "The Union has asked a court in Lisbon to rule on the strike. Its national coordinator, Helena Carvalhal, "
        'said: "This is an attack on our rights."\n\n'
        "Under European Union rules, passengers are owed a refund."
    )
    found = _actors(text)
    assert found["Helena Carvalhal"][0] != "European Union"
    assert "Union" not in found["European Union"][1]


def test_the_short_form_after_the_organisation_is_named_still_refers_to_it() -> None:
    text = (
        "BRUSSELS - The European Union agreed new rules on Friday.\n\n"
        'The Union said the rules would start in May. "This is a good day," its spokesman Piet Maas said.'
    )
    found = _actors(text)
    assert "European Union" in found
    assert not any(n == "Union" for n in found)
