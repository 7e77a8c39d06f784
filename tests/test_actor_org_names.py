"""Organisation names and their short forms: a leading preposition is no part of a name, "the union" refers
back to an organisation already named, and companies named the Spanish or Portuguese way ("Minera Andina del
Sur", "Grupo Bimbo") are organisations, not people."""

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


def _kinds(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse_text(text).actors}


def test_a_company_named_with_a_leading_romance_head_word_is_an_organisation() -> None:
    text = (
        "LIMA - The mine is operated by Minera Andina del Sur (MADS), a unit of Cordillera Metals.\n\n"
        'Minera Andina del Sur said the rain was "extreme." Grupo Bimbo declined to comment.\n\n'
        '"We complied with every rule," MADS said.'
    )
    kinds = _kinds(text)
    assert kinds.get("Minera Andina del Sur") == "organisation"
    assert kinds.get("Grupo Bimbo") == "organisation"
    assert kinds.get("Cordillera Metals") == "organisation"
    assert "MADS" not in kinds and "Sur" not in kinds  # the acronym is the company's; no person "Sur"


def test_a_person_with_a_del_particle_is_one_person() -> None:
    text = 'MEXICO CITY - "Cinema is alive," the director Guillermo del Toro said on Friday.'
    assert _kinds(text).get("Guillermo del Toro") == "person"


def test_per_is_a_given_name_before_a_surname() -> None:
    text = '"We will defend the krone," said central bank governor Per Jensen.'
    assert _kinds(text).get("Per Jensen") == "person"


def _kinds(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse_text(text).actors}


def test_a_preposition_and_a_name_before_be_or_have_is_a_locative_not_a_company() -> None:
    found = _kinds("President Vladimir Putin met his council. Behind Putin is a circle of spies, Anna Weber said.")
    assert "Behind Putin" not in found
    assert "Beyond Weber" not in _kinds("Beyond Weber was a row of police officers, witnesses said.")
    assert _kinds("Under Armour said sales fell in the quarter.").get("Under Armour") == "organisation"
    # the second word is a person of the text: never a company
    assert "Behind Putin" not in _kinds("Vladimir Putin met his council. Behind Putin said the council would meet.")


def test_a_single_name_before_which_is_an_organisation_only_as_a_subject() -> None:
    assert _kinds("Fans booed Ronaldo, which upset the coach. Ronaldo said he would not leave.")["Ronaldo"] == "person"
    text = "The council sacked its auditor, Weber, which angered residents. Weber said the decision was unfair."
    assert _kinds(text)["Weber"] == "person"
    assert _kinds("Lumenor, which is based in Austin, said it would appeal.")["Lumenor"] == "organisation"


def test_pronouns_and_imperatives_opening_a_sentence_are_no_names() -> None:
    found = _kinds('"Nobody has called for a ban," Anna Weber said. Multiply Nomsa by a thousand and you see it.')
    assert "Nobody" not in found and "Multiply Nomsa" not in found and "Anna Weber" in found


def test_names_ending_in_borders_are_organisations() -> None:
    found = _kinds("Doctors Without Borders said the clinic had closed.")
    assert found.get("Doctors Without Borders") == "organisation"


def test_a_weekday_after_on_is_no_part_of_a_court_s_name() -> None:
    found = _kinds("SINGAPORE – The High Court on Tuesday dismissed an appeal by the site.")
    assert found == {"High Court": "organisation"}


def test_all_opens_an_organisation_s_name() -> None:
    found = _kinds("The All Ruritania Textile Mills Association said the increase would hurt.")
    assert "All Ruritania Textile Mills Association" in found
    assert "All Democrats" not in _kinds("All Democrats voted against the bill, Anna Weber said.")


def test_a_councillor_s_title_is_no_part_of_the_name() -> None:
    assert "Grant Mulholland" in _kinds("Cr Grant Mulholland, who led the opposition, said the vote was wrong.")
