"""Titles of local office, clergy and school years written before a name are not part of the name (roles.yml
honorifics); a capitalised word that only looks like one stays where it is."""

from __future__ import annotations

from tests.extract_utils import analyse_text


def people(text: str) -> set[str]:
    return {a.name for a in analyse_text(text).actors if a.kind == "person"}


def test_office_clergy_and_school_year_titles_are_left_out_of_the_name() -> None:
    text = (
        "Cllr Ann Bell, the council's housing lead, said the waiting list had doubled.\n"
        "Father Tom Walsh, who runs the night shelter, said the beds were full by nine.\n"
        "Sophomore Ava Lind, 15, said the new rule was fair.\n"
        "Councillor Ruth Omar said the vote would come in March."
    )
    assert people(text) == {"Ann Bell", "Tom Walsh", "Ava Lind", "Ruth Omar"}


def test_a_title_word_that_is_not_before_a_name_leaves_the_sentence_alone() -> None:
    assert people("On Father's Day, Tom Walsh said the shelter was full.") == {"Tom Walsh"}
