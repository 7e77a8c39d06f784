"""Reported statements on other newsrooms' copy: one class of construction per test, with a near miss."""

from __future__ import annotations

from briefgen.extract.quotes.statements import _clause_end
from tests.extract_utils import analyse_text, speaker_name


def _statements(text: str) -> list[tuple[str, str | None, str]]:
    """(text, speaker, rule) of every reported statement of a text."""
    analysis = analyse_text(text)
    return [(q.text, speaker_name(analysis, q), q.rule) for q in analysis.quotes if q.kind == "indirect"]


# --- a speaker's next reporting verb ends the reported clause and reports again


def test_a_participle_cue_after_a_comma_starts_a_second_statement() -> None:
    found = _statements("Anna Weber said the budget would be late, adding that the ministry needed more staff.")
    assert found == [
        ("the budget would be late", "Anna Weber", "statement.cue.subject"),
        ("the ministry needed more staff", "Anna Weber", "statement.next_verb"),
    ]


def test_and_with_an_inflected_cue_starts_a_second_statement() -> None:
    found = _statements("Anna Weber said the budget would be late and stressed that the ministry needed staff.")
    assert [t for t, _, _ in found] == ["the budget would be late", "the ministry needed staff"]
    assert {s for _, s, _ in found} == {"Anna Weber"}


def test_a_second_verb_that_may_be_the_reported_subject_s_makes_no_second_statement() -> None:
    # who warned, who accused? The reported clause's subject as often as the speaker: one statement, unsplit
    for text in ("Anna Weber said the rebels had shelled the town and warned residents to flee.",
                 "Anna Weber said police had raided the office, accusing its editors of fraud."):
        found = _statements(text)
        assert len(found) == 1 and found[0][1] == "Anna Weber", found
        assert found[0][0].endswith(("to flee", "of fraud")), found


def test_a_dash_before_the_speaker_s_own_condition_does_not_cut_the_statement() -> None:
    found = _statements("Anna Weber said she would resign \u2013 if the court ruled against her.")
    assert found and found[0][0].endswith("ruled against her"), found


def test_a_listener_after_told_is_no_reported_clause() -> None:
    for tail in ("told a news conference", "told his supporters at a rally", "told the BBC's Today programme"):
        found = _statements(f"The plan had failed, Anna Weber {tail}.")
        assert found == [("The plan had failed", "Anna Weber", "statement.trailing_cue.subject")], tail


def test_a_bare_verb_after_and_stays_inside_the_reported_clause() -> None:
    found = _statements("Anna Weber said the ministers would meet and ask for more time.")
    assert found == [("the ministers would meet and ask for more time", "Anna Weber", "statement.cue.subject")]


def test_clause_end_needs_two_words_before_the_break() -> None:
    text = "it, saying so"
    assert _clause_end(text, 0, len(text)) == len(text)
    text = "prices rose, noting the risk"
    assert text[: _clause_end(text, 0, len(text))] == "prices rose"


# --- "ADVERBIAL, X said CLAUSE.": the cue's own clause follows it, the opening is no report


def test_an_opening_adjunct_is_not_read_as_a_trailing_report() -> None:
    found = _statements("Asked whether he would stand again, Paul Martin said he had not decided.")
    assert found == [("he had not decided", "Paul Martin", "statement.cue.subject")]


def test_an_adjunct_after_the_cue_keeps_the_trailing_report() -> None:
    for tail in ("said on Monday", "told reporters", "told the BBC", "said"):
        found = _statements(f"The budget would be presented in May, Anna Weber {tail}.")
        assert found == [("The budget would be presented in May", "Anna Weber", "statement.trailing_cue.subject")], tail


# --- a speaker quoted in a sentence still makes a statement in another clause of it


def test_a_statement_beside_the_speakers_partial_quote_in_another_clause() -> None:
    text = "Paul Martin called the plan “reckless” and said the party would vote against the budget."
    assert _statements(text) == [
        ("the party would vote against the budget", "Paul Martin", "statement.cue.coordinated_main_subject")
    ]


def test_no_statement_where_the_speakers_partial_quote_says_it() -> None:
    assert _statements("Paul Martin said the plan was “reckless and unfunded”.") == []


# --- titles of programmes and works in marks are nobody's words


def _marked(text: str) -> list[str]:
    return [q.text for q in analyse_text(text).quotes if q.kind != "indirect"]


def test_a_programme_title_after_a_broadcasters_possessive_is_no_quote() -> None:
    text = "Anna Weber told NBC’s “Meet the Press” that the budget would be late."
    assert _marked(text) == []
    assert _statements(text) == [("the budget would be late", "Anna Weber", "statement.cue.subject")]


def test_a_title_after_a_work_noun_or_said_on_is_no_quote() -> None:
    assert _marked("Anna Weber wrote the book “Winning the Long Game” in 2019.") == []
    assert _marked("“We are ready,” Anna Weber said on “Morning Joe.”") == ["We are ready,"]


def test_title_cased_words_the_speaker_said_stay_a_quote() -> None:
    assert _marked("Anna Weber called the plan “A Real Mess.”") == ["A Real Mess."]
    assert _marked("Anna Weber told NBC’s reporter: “We Are Ready!”") == ["We Are Ready!"]


# --- stance verbs report a position: "X endorsed Y", "X opposes Y", "..., citing Z"


def test_stance_verbs_report_a_statement() -> None:
    assert _statements("Paul Martin endorsed Anna Weber in the primary.") == [
        ("Anna Weber in the primary", "Paul Martin", "statement.cue.subject")
    ]
    assert _statements("Paul Martin opposes the new tax on fuel.") == [
        ("the new tax on fuel", "Paul Martin", "statement.cue.subject")
    ]


def test_a_stance_verb_as_a_noun_reports_nothing() -> None:
    assert _statements("The endorsement came late. Paul Martin's support for the plan was a surprise.") == []


def test_a_spaced_dash_ends_the_reported_clause() -> None:
    found = _statements("Anna Weber said she would run again – a move that surprised her party.")
    assert found == [("she would run again", "Anna Weber", "statement.cue.subject")]
    found = _statements("Anna Weber said the pro-EU vote had failed.")
    assert found == [("the pro-EU vote had failed", "Anna Weber", "statement.cue.subject")]


# --- "told LISTENER CLAUSE" without "that": the clause starts after the listener


def test_the_listener_of_told_is_not_part_of_the_statement() -> None:
    assert _statements("Anna Weber told reporters she would resign.") == [
        ("she would resign", "Anna Weber", "statement.cue.subject")
    ]
    assert _statements("Anna Weber told the BBC the plan had failed.") == [
        ("the plan had failed", "Anna Weber", "statement.cue.subject")
    ]


def test_told_with_an_object_and_no_clause_keeps_the_object() -> None:
    assert _statements("Anna Weber told Congress about the plan.") == [
        ("Congress about the plan", "Anna Weber", "statement.cue.subject")
    ]


# --- "X, who said A, is now B": the relative clause's report ends before the main verb


def test_a_relative_clause_report_ends_before_the_main_verb() -> None:
    found = _statements("Anna Weber, who said the plan would fail, resigned on Monday.")
    assert found == [("the plan would fail", "Anna Weber", "statement.cue.relative_who")]
