"""Reported statements on other newsrooms' copy: one class of construction per test, with a near miss."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from briefgen.build import extract
from briefgen.config import load_settings
from briefgen.export import briefing_json
from briefgen.extract.analyse import held_stances
from briefgen.extract.quotes.marks import _sentences, _stops, scan_quotes
from briefgen.extract.quotes.statements import _clause_end
from briefgen.records import LocalQuote
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
        ("the plan “reckless”", "Paul Martin", "statement.around_partial.subject"),
        ("the party would vote against the budget", "Paul Martin", "statement.cue.coordinated_main_subject"),
    ]


def test_a_clause_the_speakers_partial_quote_ends_is_a_statement_around_it() -> None:
    assert _statements("Paul Martin said the plan was “reckless and unfunded”.") == [
        ("the plan was “reckless and unfunded”", "Paul Martin", "statement.around_partial.subject")
    ]


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


# --- a doubled '' quote (some newsrooms' house style) opens a new sentence after a full stop


def test_a_doubled_single_mark_quote_after_a_full_stop_starts_a_new_sentence() -> None:
    text = "Anna Weber said the budget would be late. ''We need more time,'' she said."
    assert _statements(text) == [("the budget would be late", "Anna Weber", "statement.cue.subject")]
    assert [q.text.strip("'") for q in analyse_text(text).quotes if q.kind != "indirect"] == ["We need more time,"]


def test_a_doubled_quote_ending_in_a_full_stop_ends_its_sentence() -> None:
    for opening, closing in (("''", "''"), ("\u201c", "\u201d")):
        text = f"Lou left. {opening}It is over.{closing} Weber stayed."
        quotes = scan_quotes(text, 0, len(text))
        assert [text[a:b] for a, b in _sentences(text, 0, len(text), quotes, _stops(text))] == [
            "Lou left. ", f"{opening}It is over.{closing} ", "Weber stayed."
        ], opening


def test_a_doubled_quote_inside_a_sentence_does_not_split_it() -> None:
    # no full stop before the marks: one sentence, one statement around the speaker's own partial quote
    assert [t for t, _, _ in _statements("Anna Weber said the plan was ''a disaster'' for the town.")] == [
        "the plan was ''a disaster'' for the town"
    ]


# --- "CLAUSE, Mr. X said.": the dot of an honorific or an initial is no sentence end


def test_a_trailing_cue_after_an_honorific_or_an_initial_reports_the_clause_before_it() -> None:
    for subject, name in (("Mr. Lou", "Paul Lou"), ("Paul J. Lou", "Paul J. Lou"), ("Sen. Paul Lou", "Paul Lou")):
        text = f"Paul Lou spoke on Monday.\n\nThe talks had failed, {subject} said."
        assert _statements(text) == [("The talks had failed", name, "statement.trailing_cue.subject")], subject


def test_a_unit_with_a_slash_ends_its_sentence_so_the_next_sentence_is_not_reported() -> None:
    text = ("Korva Rail says the train was doing 74km/h on a stretch limited to 60 km/h. Police in Korva have "
            "opened an investigation.\n\nPaul J. Lou said the limit was raised.")
    assert _statements(text) == [
        ("the train was doing 74km/h on a stretch limited to 60 km/h", "Korva Rail", "statement.cue.subject"),
        ("the limit was raised", "Paul J. Lou", "statement.cue.subject"),
    ]


def test_a_live_blog_time_stamp_is_no_part_of_the_statement_after_it() -> None:
    for stamp in ("12:15 — ", "3:12 PM — ", "09.40 CET: "):
        text = f"{stamp}A rescue team has arrived at the site, according to the Interior Ministry. It was late."
        assert _statements(text) == [
            ("A rescue team has arrived at the site", "Interior Ministry", "statement.according_to.closing")], stamp


def test_a_comma_closing_an_apposition_with_an_honorific_is_no_trailing_report() -> None:
    text = "Paul Lou spoke on Monday.\n\nThe envoy, Mr. Lou, said the plan was dead."
    assert _statements(text) == [("the plan was dead", "Paul Lou", "statement.cue.subject")]


# --- "according to ROLE NAME": a role or title before the name is that person's; another source is not


def test_according_to_a_role_or_title_and_a_name_reports_for_that_person() -> None:
    for source in ("Rep. Anna Weber", "conservative columnist Anna Weber", "spokeswoman Anna Weber",
                   "a spokeswoman, Anna Weber"):
        found = _statements(f"The law was clear, according to {source}.")
        assert found == [("The law was clear", "Anna Weber", "statement.according_to.closing")], source


def test_according_to_someone_around_a_name_is_no_statement_of_that_person() -> None:
    for source in ("people close to Anna Weber", "Anna Weber's lawyer", "a poll by pollster Anna Weber",
                   "an interview his friend Anna Weber gave", "a former aide to Anna Weber"):
        # no statement of hers; "people close to X" may be a nameless source as written, with no speaker
        assert all(who is None for _, who, _ in _statements(f"According to {source}, the law was clear.")), source


# --- cue verbs as data: quote-only verbs ("barked"), clause-only verbs ("hinted that"), particles


def test_a_quote_only_verb_attributes_a_quote_and_reports_no_statement() -> None:
    analysis = analyse_text("“Go back to your seat,” Anna Weber barked. The dog barked at the gate.")
    assert [(q.text, speaker_name(analysis, q)) for q in analysis.quotes] == [("Go back to your seat,", "Anna Weber")]


def test_a_clause_only_verb_reports_its_that_clause_and_nothing_else() -> None:
    assert _statements("Anna Weber hinted that the budget would be late.") == [
        ("the budget would be late", "Anna Weber", "statement.cue.subject")
    ]
    assert _statements("Anna Weber reminded voters that the budget was late.") == [
        ("the budget was late", "Anna Weber", "statement.cue.subject")
    ]
    for text in ("Anna Weber hinted at that in a speech on Monday.", "Anna Weber clarified her remarks on Monday."):
        assert _statements(text) == [], text


def test_a_particle_after_a_cue_needs_a_that_clause() -> None:
    assert _statements("Anna Weber writes back that the budget would be late.") == [
        ("the budget would be late", "Anna Weber", "statement.cue.subject")
    ]
    assert _statements("Anna Weber joked around with reporters before the vote.") == []
    assert _statements("Anna Weber stressed out the staff before the vote.") == []


def test_a_quantity_or_a_compound_after_said_is_no_particle() -> None:
    for clause in ("up to ten people had died", "around 200 people had died", "down-ballot races would help"):
        assert _statements(f"Anna Weber said {clause}.") == [(clause, "Anna Weber", "statement.cue.subject")], clause


def test_called_out_is_a_phrasal_cue() -> None:
    assert _statements("Anna Weber called out her rival Paul Lou for alienating voters.") == [
        ("her rival Paul Lou for alienating voters", "Anna Weber", "statement.cue.subject")
    ]


def test_a_title_before_a_works_people_or_after_a_work_noun_and_comma_is_no_quote() -> None:
    assert _marked("Since then, the “Jane the Virgin” actress has spoken out.") == []
    assert _marked("“Orange Is the New Black” star Anna Weber opened up about her career.") == []
    assert _marked("He stars in the Netflix thriller, “Bloodline,” this week.") == []


def test_title_cased_words_with_punctuation_inside_the_marks_before_a_role_stay_a_quote() -> None:
    assert _marked("“We Are Ready,” star Anna Weber said.") == ["We Are Ready,"]
    assert _marked("Anna Weber called the plan “A Real Mess” before the vote.") == ["A Real Mess"]


# --- "CLAUSE, X said, adding, “…”": the trailing report stands beside the quote that follows


def test_a_trailing_cue_followed_by_adding_and_a_quote_reports_the_clause_before_it() -> None:
    text = "Paul Lou spoke.\n\nThe talks will resume next week, Lou said on Monday, adding: “We need to sit down.”"
    assert _statements(text) == [("The talks will resume next week", "Paul Lou", "statement.trailing_cue.subject")]
    assert _marked(text) == ["We need to sit down."]


def test_an_opening_participle_before_said_adding_is_no_trailing_report() -> None:
    text = "Paul Lou spoke.\n\nAsked about the talks, Lou said, adding: “We need to sit down.”"
    assert _statements(text) == []


def test_according_to_an_organisation_or_person_and_a_role_credits_the_role_holder() -> None:
    text = "Anna Weber spoke.\n\nAccording to Weber spokeswoman Lena Park, the plan was dead."
    assert _statements(text) == [("the plan was dead", "Lena Park", "statement.according_to.opening")]
    # a name in the reported clause is no role holder of the source
    assert _statements("According to Anna Weber, Lena Park lied.") == [
        ("Lena Park lied", "Anna Weber", "statement.according_to.opening")
    ]


# --- a reported clause holding a partial quote is a statement too (the partial quote stays)


def _items(text: str) -> list[tuple[str, str, str | None, str, tuple[int, ...], str | None]]:
    """(kind, text, speaker, rule, contains, speaker_text) of every quote and statement of a text."""
    analysis = analyse_text(text)
    return [
        (q.kind, q.text, speaker_name(analysis, q), q.rule, q.contains, q.speaker_text) for q in analysis.quotes
    ]


def test_a_clause_around_a_partial_quote_is_also_a_statement_naming_the_quote() -> None:
    text = "Anna Weber said the plan was “dead on arrival” and would fail."
    items = _items(text)
    assert [i[:4] for i in items] == [
        ("indirect", "the plan was “dead on arrival” and would fail", "Anna Weber", "statement.around_partial.subject"),
        ("partial", "dead on arrival", "Anna Weber", "quote.governing_cue.subject"),
    ]
    assert items[0][4] == (text.index("dead"),)  # the start of the partial quote it holds


def test_the_statement_around_a_partial_quote_ends_before_a_full_quote() -> None:
    items = _items("Anna Weber said the plan was “dead on arrival,” adding, “We will vote it down.”")
    assert [i[1] for i in items if i[0] == "indirect"] == ["the plan was “dead on arrival,”"]


def test_a_clause_that_is_little_more_than_its_partial_quote_is_no_statement() -> None:
    # near misses: one word outside the marks, a naming cue's object, words after a naming cue's quote
    for text in ("Anna Weber called it “a disaster.”", "Anna Weber said “the plan is dead on arrival” on Monday."):
        assert not [i for i in _items(text) if i[0] == "indirect"], text
    items = _items("Anna Weber called the plan “a disaster” and then left the room.")
    assert [i[1] for i in items if i[0] == "indirect"] == ["the plan “a disaster”"]


def test_the_statement_around_a_partial_quote_ends_where_the_speakers_next_report_begins() -> None:
    items = _items("Anna Weber said the plan was “dead on arrival” and warned that the party would vote against it.")
    assert [(i[1], i[3]) for i in items if i[0] == "indirect"] == [
        ("the plan was “dead on arrival”", "statement.around_partial.subject"),
        ("the party would vote against it", "statement.cue.coordinated_main_subject"),
    ]


def test_a_clause_ends_where_the_speakers_participle_report_with_a_fragment_begins() -> None:
    # the fragment is the participle's ("telling reporters that “…”"), the clause before it a statement
    items = _items("Anna Weber said the budget would be late, telling reporters that “we need more time.”")
    assert [(i[1], i[3]) for i in items if i[0] == "indirect"] == [
        ("the budget would be late", "statement.cue.subject")
    ]
    assert [i[1] for i in items if i[0] == "partial"] == ["we need more time."]


def test_a_clause_after_a_medium_and_that_starts_after_that() -> None:
    # "said in an e-mail that ...": the medium is no part of what was said; near miss: no "that", no skip
    items = _items("Anna Weber said in an e-mail that the mayor “has to act” on the report.")
    assert [i[1] for i in items if i[0] == "indirect"] == ["the mayor “has to act” on the report"]
    assert [i[1] for i in _items("Anna Weber said the call was short.") if i[0] == "indirect"] == [
        "the call was short"
    ]


def test_a_second_fragment_after_and_and_a_cue_is_held_by_the_next_statement() -> None:
    text = "Anna Weber said the deal is “an important step” and praised Tom Brown as “the best negotiator in town”."
    statements = [(i[1], i[4]) for i in _items(text) if i[0] == "indirect"]
    assert statements == [
        ("the deal is “an important step”", (text.index("an important"),)),
        ("Tom Brown as “the best negotiator in town”", (text.index("the best"),)),
    ]


def test_a_statement_without_a_stance_takes_the_stance_of_the_partial_quote_it_holds() -> None:
    partial = LocalQuote("reckless", 30, 38, "partial", "w", "said", 1, stance="against", target="the plan")
    plain = LocalQuote("the plan was “reckless”", 15, 39, "indirect", "w", "said", 1, contains=(30,))
    own = replace(plain, stance="for", target="the vote")
    assert held_stances((plain, partial))[0].stance == "against"
    assert held_stances((plain, partial))[0].target == "the plan"
    assert held_stances((own, partial))[0] == own  # its own stance stays
    assert held_stances((replace(plain, contains=()), partial))[0].stance is None


def test_an_aside_after_a_trailing_cue_is_no_clause_around_the_next_fragment() -> None:
    text = "Anna Weber spoke. “We did it before,” she said, referring to the ban on fuel oil, “and trade did not stop.”"
    assert not [i for i in _items(text) if i[0] == "indirect"]


def test_a_partial_quote_of_a_later_cue_gives_the_earlier_cue_no_statement_around_it() -> None:
    items = _items("Anna Weber proposed a debate on Monday, but Tom Brown rejected the idea as “ludicrous” and unfair.")
    weber = [i for i in items if i[0] == "indirect" and i[2] == "Anna Weber"]
    assert [(i[1], i[3]) for i in weber] == [("a debate on Monday", "statement.cue.subject")]


def test_the_briefing_names_the_partial_quotes_a_statement_holds(tmp_path: Path) -> None:
    data = _briefing(tmp_path, "Anna Weber said the plan was “dead on arrival” and would fail.\n")
    partial = next(q for q in data["quotes"] if q["kind"] == "partial")
    statement = next(q for q in data["quotes"] if q["kind"] == "indirect")
    assert statement["contains_quotes"] == [partial["id"]]
    assert partial["contains_quotes"] == []
    assert statement["speaker"] == partial["speaker"] is not None


# --- nameless but specific sources: a statement with the source as written and no actor


def test_a_nameless_source_gives_a_statement_with_the_source_as_written_and_no_speaker() -> None:
    cases = {
        "U.S. officials said the talks would resume in May.": ("the talks would resume in May", "U.S. officials"),
        "The talks will resume in May, analysts say.": ("The talks will resume in May", "analysts"),
        "The ministry said in a statement that the talks would resume.": ("the talks would resume", "The ministry"),
        "A spokesman for the ministry said the talks would resume.": (
            "the talks would resume", "A spokesman for the ministry"),
        "Republicans contend that the bill is too costly.": ("the bill is too costly", "Republicans"),
    }
    for text, (said, source) in cases.items():
        found = [i for i in _items(text) if i[0] == "indirect"]
        assert [(i[1], i[2], i[5]) for i in found] == [(said, None, source)], text
        assert found[0][3].endswith(".nameless_source"), found


def test_no_nameless_source_without_a_source_noun_or_with_a_pronoun_or_relative() -> None:
    for text in (
        "His aides said the talks would resume.",  # a pronoun: no source as written
        "Others said the talks would resume.",  # no source noun
        "The plan, which critics say is flawed, passed.",  # a relative clause
        "Anna Weber met officials who said the talks would resume.",
        "The report, which was written by analysts, said the plan was flawed.",  # a comma before the cue
        "The cuts, what economists call spending, passed.",  # a relative "what"
        "Syria, analysts said, has other reasons to stay out.",  # a parenthesis: no clause after the cue
        "Only three senators endorsed him on Monday.",  # a cue with an object, no reported clause
        "Mrs. Clinton will campaign in states with looming primaries.",  # "states" is a noun here
    ):
        assert not [i for i in _items(text) if i[0] == "indirect" and i[5]], text


def test_a_nameless_source_becomes_no_actor_and_is_shown_with_its_words(tmp_path: Path) -> None:
    data = _briefing(tmp_path, "Anna Weber spoke on Monday.\n\nU.S. officials said the talks would resume in May.\n")
    statement = next(q for q in data["quotes"] if q.get("speaker_text"))
    assert statement["speaker"] is None
    assert statement["speaker_text"] == "U.S. officials"
    assert statement["display"].startswith("U.S. officials said")
    assert statement["stance"] is None
    assert not [a for a in data["actors"] if "official" in a["name"].lower()]


def _briefing(tmp_path: Path, text: str) -> dict[str, Any]:
    """briefing.json of a one-article corpus."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text("# Talks\n\n" + text, encoding="utf-8")
    briefing, _, _ = extract(load_settings(content_dir=content, quiet=True))
    data: dict[str, Any] = json.loads(briefing_json(briefing))
    return data


# --- a passive report: the subject is the listener (or what is said), not a speaker


def test_a_passive_cue_without_its_agent_makes_no_statement_of_its_subject() -> None:
    for text in (
        "Ministers were told on Monday that the budget would be cut.",
        "Officials were warned last week that the dam could burst.",
        "Officials were quietly warned that the dam could burst.",
        "Anna Weber was told on Monday that the budget would be cut.",
        "Anna Weber has been told that the budget would be cut.",
        "Ministers got told that the budget would be cut.",
    ):
        assert _statements(text) == [], text


def test_the_active_cue_a_progressive_and_a_state_of_mind_still_report() -> None:
    assert _statements("Anna Weber told ministers on Monday that the budget would be cut.") == [
        ("the budget would be cut", "Anna Weber", "statement.cue.subject")]
    assert [i[5] for i in _items("Officials were saying that the dam could burst.") if i[0] == "indirect"] == [
        "Officials"]
    assert [s for _, s, _ in _statements("Anna Weber was worried that the dam could burst.")] == ["Anna Weber"]


# --- "according to" a poll, a document, an outlet or a nameless official: the source as written, no actor


def test_according_to_a_document_or_outlet_gives_a_statement_with_the_source_as_written() -> None:
    cases = {
        "According to a new poll by the Pew Research Center, the mayor leads by ten points.": (
            "the mayor leads by ten points", "a new poll by the Pew Research Center"),
        "The mayor leads by ten points, according to a poll released Monday.": (
            "The mayor leads by ten points", "a poll released Monday"),
        "The mayor owed taxes, according to court filings.": ("The mayor owed taxes", "court filings"),
        "The mayor will resign, according to Politico.": ("The mayor will resign", "Politico"),
        "The mayor will resign, according to a State Department official.": (
            "The mayor will resign", "a State Department official"),
    }
    for text, (said, source) in cases.items():
        found = [i for i in _items(text) if i[0] == "indirect"]
        assert [(i[1], i[2], i[5]) for i in found] == [(said, None, source)], text


def test_according_to_a_plan_a_rule_or_a_pronoun_s_people_is_no_source() -> None:
    for text in (
        "The bridge was finished on time, according to plan.",
        "According to the rules, the mayor must resign.",
        "The vote was held according to tradition.",
        "The mayor will resign, according to his aides.",
        "The seats were filled according to their size.",
    ):
        assert [i for i in _items(text) if i[0] == "indirect"] == [], text
    # a person named in the text stays the speaker
    assert _statements("The mayor owed taxes, according to Anna Weber.") == [
        ("The mayor owed taxes", "Anna Weber", "statement.according_to.closing")]


# --- a document's finding: "A new poll shows X leading": the document as written, no actor


def test_a_poll_or_records_finding_gives_a_statement_with_the_document_as_written() -> None:
    cases = {
        "A new poll shows Anna Weber leading by ten points.": ("Anna Weber leading by ten points", "A new poll"),
        "A Fox News poll, conducted jointly with two firms, shows Anna Weber leading.": (
            "Anna Weber leading", "A Fox News poll"),
        "Federal Election Commission records show that the campaign spent more than it raised.": (
            "the campaign spent more than it raised", "Federal Election Commission records"),
        "A survey by the Pew Research Center released Monday found that most voters back the plan.": (
            "most voters back the plan", "A survey by the Pew Research Center released Monday"),
        "The polls have shown a tight race.": ("a tight race", "The polls"),
    }
    for text, (said, source) in cases.items():
        found = [i for i in _items(text) if i[0] == "indirect"]
        assert [(i[1], i[2], i[3], i[5]) for i in found] == [(said, None, "statement.finding", source)], text


def test_no_finding_from_a_passive_a_pronoun_a_noun_modifier_a_person_or_a_relative_clause() -> None:
    for text in (
        "The report was shown to reporters on Monday.",
        "The survey was found in a drawer.",
        "His study found that taxes were too high.",
        "The poll tax found support among farmers.",
        "Anna Weber showed reporters the report on Monday.",
        "Police found the body near the river.",
        "After the report came out, police found the body.",
        "A poll that showed Anna Weber leading was released.",
        "Voters showed up early.",
    ):
        assert [i for i in _items(text) if i[0] == "indirect"] == [], text
    # an aside after the verb: the speaker's statement, no finding
    found = _items("The documents show, Anna Weber said, that the plan was late.")
    assert [(i[1], i[2], i[3]) for i in found] == [("the plan was late", "Anna Weber", "statement.cue.subject")]


def test_a_trailing_finding_and_an_opening_in_a_poll_frame_report_the_clause() -> None:
    found = [i for i in _items("Anna Weber leads Tom Brown by ten points, the poll found.") if i[0] == "indirect"]
    assert [(i[1], i[5]) for i in found] == [("Anna Weber leads Tom Brown by ten points", "the poll")]
    text = "In a new CNN poll released Monday, half of the voters chose Anna Weber."
    found = [i for i in _items(text) if i[0] == "indirect"]
    assert [(i[1], i[5]) for i in found] == [("half of the voters chose Anna Weber", "a new CNN poll released Monday")]
    for text in (
        "In the end, the poll found nothing.",  # one word after the verb, no clause before it
        "In the study hall, students read quietly.",  # the head qualifies another noun
        "In its report, the court set a date.",  # a pronoun in front
        "In the poll, which was released Monday, half chose Anna Weber.",  # an aside after the comma
    ):
        assert [i for i in _items(text) if i[0] == "indirect"] == [], text


# --- where a reported clause ends: another speaker's report after a conjunction; a negated trailing cue


def test_a_report_of_someone_else_after_a_conjunction_ends_the_clause() -> None:
    assert _statements("Anna Weber insisted the plan would fail, but Tom Brown did not say when.") == [
        ("the plan would fail", "Anna Weber", "statement.cue.subject")]
    found = _statements("Anna Weber said the plan would fail; Tom Brown said it would work.")
    assert found == [("the plan would fail", "Anna Weber", "statement.cue.subject"),
                     ("it would work", "Tom Brown", "statement.cue.subject")]


def test_the_speaker_s_own_coordinated_clause_is_not_cut() -> None:
    for text, said in (
        ("Anna Weber said the party would not cut taxes and would not reject the plan.",
         "the party would not cut taxes and would not reject the plan"),
        ("Anna Weber said the budget would be late and the cuts would hurt.",
         "the budget would be late and the cuts would hurt"),
    ):
        assert [t for t, _, _ in _statements(text)] == [said], text


def test_a_negated_or_question_word_trailing_cue_reports_nothing() -> None:
    for text in ("The plan had failed, Anna Weber would not say.", "The plan had failed, Anna Weber declined to say.",
                 "The vote was delayed, but Anna Weber did not say when."):
        assert _statements(text) == [], text


def test_a_trailing_clause_holding_a_partial_quote_is_also_a_statement() -> None:
    items = _items("The plan will “fail miserably,” Anna Weber said.")
    assert [(i[0], i[1], i[2]) for i in items] == [
        ("indirect", "The plan will “fail miserably,”", "Anna Weber"),
        ("partial", "fail miserably,", "Anna Weber"),
    ]
    # a full quote before the cue stays a quote only
    assert [i[0] for i in _items("“The plan will fail,” Anna Weber said.")] == ["direct"]


def test_a_doubled_mark_quote_keeps_neither_mark_in_its_text() -> None:
    quotes = [q for q in analyse_text("''It is over,'' Anna Weber said. ''We lost.''").quotes if q.kind != "indirect"]
    assert [q.text for q in quotes] == ["It is over,", "We lost."]
    partial = [q.text for q in analyse_text("Anna Weber called the plan ''a disaster'' on Monday.").quotes
               if q.kind == "partial"]
    assert partial == ["a disaster"]
    # a single mark keeps its one-character span
    assert [q.text for q in analyse_text("Anna Weber said 'no' twice.").quotes if q.kind != "indirect"] == ["no"]


# --- a partial quote inside a clause after a parenthetical cue, or after an infinitive "continue to"


def test_a_clause_after_a_parenthetical_cue_holding_a_partial_quote_is_a_statement() -> None:
    items = _items("In 2008, Anna Weber said, the donation had made her father a “presenting sponsor.”")
    assert [(i[0], i[2]) for i in items] == [("indirect", "Anna Weber"), ("partial", "Anna Weber")]
    assert items[0][1].startswith("the donation had made her father")
    # a participle aside after the cue is no reported clause
    items = _items("“We won,” Anna Weber said, referring to the vote, “and we will win again.”")
    assert [i[0] for i in items if i[0] == "indirect"] == []


def test_continue_to_before_a_partial_quote_is_no_other_speaker_s_cue() -> None:
    items = _items("Anna Weber said she is certain Tom Brown will continue to be “a champion for the town.”")
    assert [(i[0], i[2]) for i in items] == [("indirect", "Anna Weber"), ("partial", "Anna Weber")]
    # another speaker's real cue between still keeps the quote theirs
    items = _items("Anna Weber proposed a debate, but Tom Brown rejected it as “ludicrous.”")
    assert {i[2] for i in items} == {"Tom Brown"}


# --- "It said", "The ministry said": an organisation named just before (quotes/orgref.py)


def test_it_after_an_organisation_that_reported_is_that_organisation() -> None:
    found = _statements(
        "The Harbour Workers Association criticised the plan on Monday. "
        "In a statement, it said the port would lose jobs."
    )
    assert ("the port would lose jobs", "Harbour Workers Association", "statement.cue.org_antecedent") in found


def test_it_after_an_organisation_that_reported_nothing_or_a_second_clause_is_nobody() -> None:
    for text in (
        "Parliament passed the law on Monday. It says platforms must verify ages.",
        "Anna Weber criticised the plan on Monday. It said the port would lose jobs.",
        "The Ministry of Water defended the plan, and the report was published. It said reservoirs were low.",
    ):
        found = _statements(text)
        assert not [s for t, s, _ in found if t.startswith(("platforms", "the port", "reservoirs")) and s], text


def test_the_ministry_is_the_one_ministry_named_before() -> None:
    found = _statements(
        "According to the Ministry of Water, reservoirs are low. The ministry said rationing would start."
    )
    assert ("rationing would start", "Ministry of Water", "statement.cue.org_antecedent") in found


def test_a_noun_that_fits_no_named_organisation_is_nobody() -> None:
    found = _statements(
        "The Teachers Union criticised Nordwind Holdings over the layoffs on Monday. The union said pay was too low. "
        "The Dockers Union met later. The union said the strike would go on."
    )
    assert ("pay was too low", "Teachers Union", "statement.cue.org_antecedent") in found or (
        "pay was too low", "Teachers Union", "statement.cue.subject") in found
    assert not [s for t, s, _ in found if t == "the strike would go on" and s == "Teachers Union"], found


def test_an_organisation_with_an_auxiliary_before_the_cue_is_the_subject() -> None:
    # "the X has said": "has" is the verb's auxiliary, not a noun that "the X" modifies ("the NATO summit")
    for text in ("The Harbour Workers Association has said the port would lose jobs.",
                 "Hospitals are full, and the Harbour Workers Association has warned that jobs would go."):
        found = _statements(text)
        assert [s for _, s, _ in found] == ["Harbour Workers Association"], (text, found)
    found = _statements("The Harbour Workers Association summit has ended, and Anna Weber said the talks failed.")
    assert [s for _, s, _ in found] == ["Anna Weber"], found


def test_a_single_name_in_apposition_to_an_organisation_noun_is_an_organisation() -> None:
    for text, name in (
        ("Keldoran, the main business federation, has urged the government to expand the scheme.", "Keldoran"),
        ("Wahlo, Ruritania's largest environmental organisation, said smelters had polluted the coast.", "Wahlo"),
        ("A smaller union, the NASTUW, said it would ballot its members.", "NASTUW"),
        ("The second platform, the messaging app Vuzor, said in a statement that it accepted the fine.", "Vuzor"),
    ):
        found = _statements(text)
        assert [s for _, s, _ in found] == [name], (text, found)


def test_a_name_apposed_to_what_a_person_heads_or_belongs_to_is_not_the_speaker() -> None:
    for text in (
        "In Paris, the head of the largest farm union, the FNSEB, said the deal would hurt producers.",
        "The head of the platform, the messaging app Vuzor, said in a statement that it accepted the fine.",
        "Wexler, a union member, said the deal would hurt producers.",
    ):
        found = _statements(text)
        assert not [s for _, s, _ in found if s in ("FNSEB", "Vuzor", "Wexler")], (text, found)


def test_a_negated_cue_before_an_open_question_states_nothing() -> None:
    for text in ("Anna Weber did not say whether the motion had majority support.",
                 "The minister, Anna Weber, has not said whether she will adopt the plan.",
                 "Anna Weber declined to say when the plan would start."):
        assert _statements(text) == [], text
    # the cue itself is not negated: the clause is what she said
    found = _statements("Anna Weber said she did not know whether the motion would pass.")
    assert found == [("she did not know whether the motion would pass", "Anna Weber", "statement.cue.subject")]


def test_a_passive_participle_opening_the_sentence_leaves_the_speaker_s_own_cue() -> None:
    found = _statements("Accused of corruption, Mayor Anna Weber said she had done nothing wrong.")
    assert found == [("she had done nothing wrong", "Anna Weber", "statement.cue.subject")]
    # an active participle clause after the subject stays the subject's next report
    found = _statements("Anna Weber accused the mayor of corruption, saying the contracts were rigged.")
    assert ("the contracts were rigged", "Anna Weber", "statement.next_verb") in found


def test_according_to_the_noun_of_the_organisation_just_named() -> None:
    found = _statements("The Tanners Guild rejects the tax. According to the guild, its members cut water use.")
    assert ("its members cut water use", "Tanners Guild", "statement.according_to.opening") in found
    # no organisation named before: the phrase as written, no speaker
    found = _statements("Heavy rain fell on Monday. According to the guild, its members cut water use.")
    assert not [s for _, s, _ in found if s], found


def test_a_name_before_two_organisation_nouns_is_the_organisation() -> None:
    found = _statements("On the left, the CUT union federation said the reform did not go far enough.")
    assert found == [("the reform did not go far enough", "CUT", "statement.cue.subject")]
    found = _statements("The Unite union group leaders said the reform did not go far enough.")
    assert not [s for _, s, _ in found if s == "Unite"], found


def test_a_quote_after_it_urged_is_the_organisation_s() -> None:
    analysis = analyse_text(
        "The Harbour Workers Association criticised the plan on Monday. "
        'It urged the unions to "return to the negotiating table".'
    )
    quotes = [(q.text, speaker_name(analysis, q)) for q in analysis.quotes if q.kind != "indirect"]
    assert quotes == [("return to the negotiating table", "Harbour Workers Association")]
    analysis = analyse_text('Parliament passed the law on Monday. It says platforms must "verify every age."')
    assert [speaker_name(analysis, q) for q in analysis.quotes] == [None]


def test_a_cue_after_an_apposition_with_a_preposition_next_is_the_main_verb() -> None:
    found = _statements("Its senior researcher, Dr Eirik Nyland, said on Thursday that nothing had changed.")
    assert found == [("nothing had changed", "Eirik Nyland", "statement.cue.subject")]
    # an aside closed by a comma before the subject's own verb reports nothing itself
    found = _statements("Mark Rutte, asked about the dispute, said the alliance was united.")
    assert found == [("the alliance was united", "Mark Rutte", "statement.cue.subject")]
    # a preposition after the cue and no "that" clause: no report ("posted on X: “…”")
    found = _statements('The minister, Bronwyn Keaton, posted on X: "We congratulate the voters."')
    assert found == [], found


def test_the_noun_of_an_organisation_is_not_read_off_the_sentence_before_or_a_list() -> None:
    assert _statements("The union said the offer was too low. The Pentagon said nothing. "
                       "The union said talks would resume.") == []
    assert _statements("The Kremlin, the miners' union and the mine owners met on Monday. "
                       "The union said the talks had failed.") == []
    # near miss: an apposition closed by a comma still describes its name
    found = _statements("A smaller union, the NASUWT, said on Monday that it would strike. "
                        "The union said talks had failed.")
    assert [s for _, s, _ in found] == ["NASUWT", "NASUWT"]


def test_a_verb_coordinated_inside_a_relative_or_place_clause_is_not_the_main_subjects() -> None:
    assert _statements("Mayor Anna Weber met the fishermen, who protested and opposed the ferry plan.") == []
    assert _statements("Mayor Anna Weber visited the port, where the fishermen protested and opposed the plan.") == []
    # near miss: a relative clause closed by its comma leaves the coordination to the main subject
    found = _statements("Anna Weber, who heads the council, said the plan was dead and added that the ferry would end.")
    assert [s for _, s, _ in found] == ["Anna Weber", "Anna Weber"]


def test_a_passive_statement_is_shown_as_its_sentence_with_the_agent_named_in_it() -> None:
    analysis = analyse_text("Tom Brown said the ferry would stop.\n\nThis was echoed by Mayor Anna Weber. "
                            "“We need to be heard,” she said.")
    echoed = [q for q in analysis.quotes if q.rule == "statement.passive_by"]
    assert [(q.display, q.verb) for q in echoed] == [(": This was echoed by Mayor Anna Weber", "echoed")]
