"""Attribution classes found on third-party copy (PolNeAR train): each test uses invented wording."""

from __future__ import annotations

from tests.extract_utils import analyse_text, marked, speaker_name


def test_middle_initial_spelling_is_the_same_person() -> None:
    a = analyse_text(
        "Gov. Walter P. Brandt met donors on Monday.\n\n"
        "“We will win this state,” Walter Brandt said.\n\n"
        "Brandt said, “It was close.”"
    )
    assert [speaker_name(a, q) for q in marked(a)] == ["Walter P. Brandt", "Walter P. Brandt"]
    assert [x.name for x in a.actors if x.kind == "person"] == ["Walter P. Brandt"]


def test_shared_surname_goes_to_the_one_named_in_full_just_before() -> None:
    a = analyse_text(
        "Mara Lindqvist and her husband, Olof Lindqvist, both ran for the council.\n\n"
        "Olof Lindqvist spoke first at the town hall.\n\n"
        "“Taxes are too high,” Lindqvist said.\n\n"
        "Later, Mara Lindqvist took the stage.\n\n"
        "“We need new schools,” Lindqvist said."
    )
    assert [speaker_name(a, q) for q in marked(a)] == ["Olof Lindqvist", "Mara Lindqvist"]


def test_shared_surname_stays_unknown_when_both_are_named_nearby() -> None:
    a = analyse_text(
        "Mara Lindqvist and her husband, Olof Lindqvist, both ran for the council.\n\n"
        "“Taxes are too high,” Lindqvist said."
    )
    (q,) = marked(a)
    assert speaker_name(a, q) is None


def test_title_case_headline_with_a_full_stop_invents_no_person() -> None:
    a = analyse_text(
        "Casino Donor Hartmann and Vale May be Aligning on Taxes.\n\n"
        "The casino owner Rudolf Hartmann met Senator Ida Vale in Reno.\n\n"
        "“We talked about taxes,” Hartmann said."
    )
    (q,) = marked(a)
    assert speaker_name(a, q) == "Rudolf Hartmann"
    assert not {"Casino Donor Hartmann", "Vale May"} & {x.name for x in a.actors}

