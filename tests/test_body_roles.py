"""A body role ("commissioner") gives the body's country only when the role names the body's office."""

from __future__ import annotations

import pytest

from tests.extract_utils import analyse_text

EU_CONTEXT = "The European Union has proposed new rules on flood insurance. "


def _country_and_roles(text: str, name: str) -> tuple[str | None, tuple[str, ...]]:
    found = {a.name: a for a in analyse_text(text).actors}
    return found[name].country, tuple(found[name].roles)


@pytest.mark.parametrize(
    "role",
    ["Commissioner", "EU Trade Commissioner", "Competition Commissioner"],
)
def test_commissioner_of_the_body_named_in_the_article_belongs_to_it(role: str) -> None:
    text = EU_CONTEXT + f'{role} Pia Holm said the rules were "overdue". Holm spoke in Brussels.'
    assert _country_and_roles(text, "Pia Holm")[0] == "European Union"


@pytest.mark.parametrize("office", ["Delta", "Police", "Harbour"])
def test_another_office_called_commissioner_is_not_the_body_s(office: str) -> None:
    text = EU_CONTEXT + f'{office} Commissioner Joost Ruis said the dykes were "ready". Ruis spoke on Monday.'
    country, roles = _country_and_roles(text, "Joost Ruis")
    assert country != "European Union"
    assert roles == (f"{office} Commissioner",)


def test_a_sentence_opening_word_is_no_office_name() -> None:
    text = EU_CONTEXT + 'Meanwhile Commissioner Pia Holm said the rules were "overdue". Holm spoke.'
    country, roles = _country_and_roles(text, "Pia Holm")
    assert country == "European Union"
    assert roles == ("Commissioner",)
