"""Quote spans, kinds and attribution, one small rule family per test."""

from __future__ import annotations

import time

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extract_utils import analyse_text, marked, speaker_name

MARK_STYLES = [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("“", '"'), ('"', "”")]


@pytest.mark.parametrize(("open_", "close"), MARK_STYLES)
def test_double_mark_styles_and_mismatched_pairs_give_one_attributed_quote(open_: str, close: str) -> None:
    a = analyse_text(f"NATO chief Mark Rutte said: {open_}We will not accept this deal.{close}")
    quotes = marked(a)
    assert [q.text for q in quotes] == ["We will not accept this deal."]
    assert speaker_name(a, quotes[0]) == "Mark Rutte"


@pytest.mark.parametrize(("open_", "close"), [("‘", "’"), ("'", "'")])
def test_single_marks_are_quotes_when_the_article_uses_them_for_speech(open_: str, close: str) -> None:
    a = analyse_text(f"{open_}We've seen no sign of progress,{close} said Finnish President Alexander Stubb.")
    quotes = marked(a)
    assert [q.text for q in quotes] == ["We've seen no sign of progress,"]
    assert speaker_name(a, quotes[0]) == "Alexander Stubb"


def test_single_marked_headline_quote_is_ignored_when_the_body_uses_double_marks() -> None:
    a = analyse_text(
        "Minister calls plan 'a dangerous gamble'\n\n"
        "“The plan is a gamble,” said Polish Foreign Minister Radek Sikorski."
    )
    assert [q.text for q in marked(a)] == ["The plan is a gamble,"]


def test_nested_single_quote_stays_inside_the_outer_quote() -> None:
    a = analyse_text(
        "“They told us, ‘wait and see,’ and we waited,” said Estonian Prime Minister Kristen Michal."
    )
    quotes = marked(a)
    assert len(quotes) == 1
    assert "‘wait and see,’" in quotes[0].text


def test_quote_left_open_at_paragraph_end_continues_with_same_speaker() -> None:
    a = analyse_text(
        "Asked about the deal, Mr Sikorski said: “This is only the first step.\n\n"
        "“We will need much more from our allies,” he said."
    )
    quotes = marked(a)
    assert [q.text for q in quotes] == [
        "This is only the first step.",
        "We will need much more from our allies,",
    ]
    assert {speaker_name(a, q) for q in quotes} == {"Sikorski"}


def test_partial_direct_and_indirect_kinds() -> None:
    a = analyse_text(
        "Italian Prime Minister Giorgia Meloni described the talks as “largely positive” on Monday. "
        "“We are ready to help,” Meloni said. Meloni said that Rome would send more air defence systems."
    )
    kinds = {q.text: q.kind for q in a.quotes}
    assert kinds["largely positive"] == "partial"
    assert kinds["We are ready to help,"] == "direct"
    assert kinds["Rome would send more air defence systems"] == "indirect"
    assert {speaker_name(a, q) for q in a.quotes} == {"Giorgia Meloni"}


def test_inverted_attribution_said_name() -> None:
    a = analyse_text("“Europe must act now,” said Spanish Foreign Minister José Manuel Albares.")
    (q,) = marked(a)
    assert speaker_name(a, q) == "José Manuel Albares"


def test_according_to_attributes_the_clause() -> None:
    a = analyse_text(
        "According to Danish Prime Minister Mette Frederiksen, the alliance must spend more on defence."
    )
    (q,) = a.quotes
    assert q.kind == "indirect"
    assert q.text == "the alliance must spend more on defence"
    assert speaker_name(a, q) == "Mette Frederiksen"


def test_pronoun_goes_to_most_recent_compatible_speaker() -> None:
    a = analyse_text(
        "Mr Healey said the meeting had been useful. Ms Baerbock said she had not been briefed. "
        "“We need a seat at the table,” he said."
    )
    (q,) = marked(a)
    assert speaker_name(a, q) == "Healey"


def test_unattributed_quote_paragraph_continues_the_previous_speaker() -> None:
    a = analyse_text(
        "“The alliance is strong,” Norwegian Prime Minister Jonas Gahr Store told reporters.\n\n"
        "“Nobody should doubt our commitment.”"
    )
    assert [speaker_name(a, q) for q in marked(a)] == ["Jonas Gahr Store", "Jonas Gahr Store"]


def test_role_only_reference_resolves_to_the_one_holder_of_that_role() -> None:
    a = analyse_text(
        "US Defense Secretary Pete Hegseth arrived in Brussels on Wednesday. "
        "The defense secretary said that Europe must take charge of its own security."
    )
    statements = [q for q in a.quotes if q.kind == "indirect"]
    assert [speaker_name(a, q) for q in statements] == ["Pete Hegseth"]


def test_name_inside_a_quote_is_never_its_speaker() -> None:
    a = analyse_text("“Vladimir Putin cannot be trusted with a ceasefire,” the joint statement said.")
    (q,) = marked(a)
    assert q.speaker is None


def test_scare_quotes_have_no_speaker() -> None:
    a = analyse_text("The so-called “peace plan” circulated in several capitals on Monday.")
    assert all(q.speaker is None for q in a.quotes)


def test_coordinated_subject_is_a_group_not_a_speaker() -> None:
    a = analyse_text("“We stand with Ukraine,” France and Germany said in a joint statement.")
    (q,) = marked(a)
    assert q.speaker is None


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "“",
                "”",
                '"',
                "'",
                "‘",
                "’",
                "«",
                "»",
                "„",
                " ",
                "\n\n",
                "Rutte",
                " said ",
                "he",
                "We",
                " will.",
                ",",
                ":",
                "Mr ",
                "NATO",
                "according to ",
                "x",
            ]
        ),
        max_size=60,
    )
)
def test_every_quote_text_is_the_article_text_at_its_offsets(parts: list[str]) -> None:
    text = "".join(parts)
    a = analyse_text(text)
    keys = {actor.key for actor in a.actors}
    for q in a.quotes:
        assert q.text == text[q.start : q.end]
        assert q.kind in ("direct", "partial", "indirect")
        assert q.speaker is None or q.speaker in keys


def test_large_paragraph_of_quote_marks_finishes_in_time_linear_in_input() -> None:
    text = ("“ \" ‘ ' « » „ ” x' 'y \"said Rutte\" " * 12000)[:300_000]
    nlp = spacy.blank("en")
    t0 = time.perf_counter()
    nlp.make_doc(text)
    tokenize = time.perf_counter() - t0
    t0 = time.perf_counter()
    a = analyse_text(text)
    extract = time.perf_counter() - t0
    assert all(q.text == text[q.start : q.end] for q in a.quotes)
    assert extract < 40 * tokenize + 1.0


def test_time_phrase_between_subject_and_verb_keeps_the_subject() -> None:
    a = analyse_text('French President Emmanuel Macron on Tuesday called on leaders to "wake up" at once.')
    (q,) = marked(a)
    assert speaker_name(a, q) == "Emmanuel Macron"


def test_second_quote_after_its_own_attribution_sentence_keeps_the_speaker() -> None:
    a = analyse_text(
        '"We cannot wait any longer," Macron told reporters at the palace. "Europe must defend itself."'
    )
    assert [speaker_name(a, q) for q in marked(a)] == ["Macron", "Macron"]


def test_possessive_noun_without_reported_content_is_not_a_statement() -> None:
    a = analyse_text("German Chancellor Olaf Scholz's comments came after a long meeting in Berlin.")
    assert a.quotes == ()


def test_verb_inside_a_reported_clause_does_not_take_over_the_quote() -> None:
    a = analyse_text('Iranian Foreign Minister Abbas Araghchi added that Tehran would respond "within days".')
    (q,) = marked(a)
    assert speaker_name(a, q) == "Abbas Araghchi"


def test_cue_word_inside_a_name_is_not_a_cue() -> None:
    a = analyse_text(
        'Secretary of State Marco Rubio said the United States would not "sit on the sidelines".'
    )
    (q,) = marked(a)
    assert (speaker_name(a, q), q.cue) == ("Marco Rubio", "said")


def test_role_words_before_a_speaker_after_the_quote() -> None:
    a = analyse_text(
        'Beijing "opposes unilateral sanctions," foreign ministry spokeswoman Mao Ning told reporters.'
    )
    (q,) = marked(a)
    assert speaker_name(a, q) == "Mao Ning"


def test_role_reference_with_another_country_is_not_resolved() -> None:
    a = analyse_text(
        "Secretary of State Marco Rubio arrived on Monday. "
        'The European Union\'s foreign policy chief said the bloc was "ready to facilitate" talks.'
    )
    (q,) = marked(a)
    assert q.speaker is None


def test_dateline_is_not_the_subject_of_the_first_sentence() -> None:
    a = analyse_text(
        "KYIV, Ukraine (AP) — Ukrainian President Volodymyr Zelenskyy on Friday urged allies to hurry, "
        "saying Russia had launched 400 drones."
    )
    assert {speaker_name(a, q) for q in a.quotes} == {"Volodymyr Zelenskyy"}


def test_participle_after_a_quote_sentence_goes_to_its_subject() -> None:
    a = analyse_text(
        '"We will not rule anything out," Merz told lawmakers, adding that a decision would be taken '
        '"in close coordination with our partners."'
    )
    assert [speaker_name(a, q) for q in marked(a)] == ["Merz", "Merz"]


def test_organisation_closing_an_aside_is_not_the_speaker() -> None:
    a = analyse_text(
        "Dmitry Medvedev, deputy head of Russia's Security Council, warned that it would make Germany "
        '"a direct participant in the war."'
    )
    (q,) = marked(a)
    assert speaker_name(a, q) == "Dmitry Medvedev"


def test_single_mark_quote_running_over_paragraphs_after_a_colon_intro() -> None:
    a = analyse_text(
        "Defence Secretary John Healey told MPs: 'Our commitment is total.\n\n"
        "'We will not waver.\n\n"
        "'And we will not be intimidated,' he added."
    )
    quotes = marked(a)
    assert [q.text for q in quotes] == [
        "Our commitment is total.",
        "We will not waver.",
        "And we will not be intimidated,",
    ]
    assert {speaker_name(a, q) for q in quotes} == {"John Healey"}
    assert [q.paragraph for q in quotes] == [1, 2, 3]


def test_collective_pronoun_they_is_not_resolved_to_a_person() -> None:
    a = analyse_text(
        "Mr Healey spoke first. European leaders said they would meet again. They said the plan needed work."
    )
    assert all(speaker_name(a, q) != "Healey" or "plan" not in q.text for q in a.quotes)


def test_name_in_apposition_after_the_role_is_the_subject() -> None:
    a = analyse_text(
        "Iran's foreign minister, Abbas Araghchi, rejected the demand. "
        '"We will never negotiate under pressure," he wrote on Telegram.'
    )
    assert {speaker_name(a, q) for q in a.quotes} == {"Abbas Araghchi"}


def test_headline_quote_with_says_attribution() -> None:
    a = analyse_text(
        '"No talks about Ukraine without Ukraine", says Healey\n\nUK defence secretary John Healey spoke.'
    )
    (q,) = marked(a)
    assert (q.text, speaker_name(a, q)) == ("No talks about Ukraine without Ukraine", "John Healey")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_text_never_raises(text: str) -> None:
    a = analyse_text(text)
    assert all(q.text == text[q.start : q.end] for q in a.quotes)


def test_the_two_after_two_named_people_reports_both() -> None:
    a = analyse_text(
        "In a call between Emmanuel Macron and Olaf Scholz, the two agreed to coordinate their aid to Kyiv."
    )
    assert sorted(speaker_name(a, q) or "" for q in a.quotes) == ["Emmanuel Macron", "Olaf Scholz"]


def test_verb_of_a_reported_clause_without_that_does_not_govern() -> None:
    a = analyse_text(
        "The Commission's spokesperson, Paula Pinho, said the bloc would respond "
        "“firmly and proportionately”."
    )
    (q,) = marked(a)
    assert speaker_name(a, q) == "Paula Pinho"


def test_colon_intro_with_a_listener_takes_the_first_verb() -> None:
    a = analyse_text("Hungarian Prime Minister Viktor Orbán told state radio: „Europe has lost this war.“")
    (q,) = marked(a)
    assert (speaker_name(a, q), q.cue) == ("Viktor Orbán", "told")


def test_participle_after_before_goes_to_the_sentence_subject() -> None:
    a = analyse_text(
        "“We are not at war,” Italian Foreign Minister Antonio Tajani said, before adding that Rome would "
        "“continue to support” Kyiv."
    )
    assert [speaker_name(a, q) for q in marked(a)] == ["Antonio Tajani", "Antonio Tajani"]


def test_trailing_attribution_reports_the_clause_before_it() -> None:
    a = analyse_text(
        "Russian troops advanced near Kupiansk, the Institute for the Study of War said in its update."
    )
    (q,) = a.quotes
    assert (q.kind, q.text) == ("indirect", "Russian troops advanced near Kupiansk")


def test_statement_nested_in_another_report_is_not_a_report_of_its_own() -> None:
    a = analyse_text(
        "French President Emmanuel Macron said talks would resume in March.\n\n"
        "Spanish Defence Minister Luis Robles said on Monday that it would have been wiser if Paris "
        "had not made what he called promises to Beijing before the summit."
    )
    second = [q for q in a.quotes if q.kind == "indirect" and q.paragraph == 2]
    assert len(second) == 1
    assert second[0].text.startswith("it would have been wiser")
    assert speaker_name(a, second[0]) == "Luis Robles"


def test_reported_clause_stops_before_another_speakers_quote_in_the_same_sentence() -> None:
    a = analyse_text(
        "Polish Defence Minister Tomasz Nowak criticized Berlin for delaying the order, and Czech Defence "
        "Minister Petr Dvorak warned against “a summer of waiting.”"
    )
    nowak = [q for q in a.quotes if q.kind == "indirect" and speaker_name(a, q) == "Tomasz Nowak"]
    assert [q.text for q in nowak] == ["Berlin for delaying the order"]
    assert all("Dvorak" not in q.text for q in nowak)


def test_tidy_drops_an_indirect_statement_nested_inside_another() -> None:
    from briefgen.extract.quotes.statements import _tidy_statements
    from briefgen.records import LocalQuote

    text = "Robles said it would be wiser if Paris had not made what he called promises to Beijing."
    outer_start = text.index("it would")
    inner_start = text.index("promises")
    outer = LocalQuote(text[outer_start:-1], outer_start, len(text) - 1, "indirect", "Robles", "said", 1)
    inner = LocalQuote(text[inner_start:-1], inner_start, len(text) - 1, "indirect", "Macron", "called", 1)
    assert _tidy_statements(text, [outer, inner]) == [outer]


def test_every_quote_and_statement_names_the_rule_that_made_it() -> None:
    analysis = analyse_text(
        "“We will not back down,” Anna Weber said on Monday.\n\n"
        "Weber said the government would present a budget in May.\n\n"
        "A critic called the plan “reckless”."
    )
    rules = {(q.kind, q.text): q.rule for q in analysis.quotes}
    assert rules[("direct", "We will not back down,")] == "quote.cue_after.subject"
    assert rules[("indirect", "the government would present a budget in May")] == "statement.cue.subject"
    assert all(q.rule.startswith(("quote.", "statement.")) for q in analysis.quotes)
