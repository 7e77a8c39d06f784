"""The summary spends its words on facts: one event told once (same figure, same time), no nameless collective
beside a named speaker, a statement turning round what the page tells shown as a dissent."""

from __future__ import annotations

from dataclasses import replace

from briefgen.records import Actor, Article, Paragraph
from briefgen.summary import (
    SUMMARY_WORDS,
    Event,
    Evidence,
    Lead,
    Story,
    Summary,
    _event_words,
    _events,
    against,
    main_claims,
    same_quantity,
    stems,
)
from tests.test_summary import _claim, _people, _quote
from tests.test_summary_main import _src


def _lead(source: object, text: str, order: int = 0, paragraph: int = 1) -> Lead:
    return Lead(source, paragraph, text, stems(text), order)  # type: ignore[arg-type]


def test_one_figure_counting_the_same_thing_is_one_fact() -> None:
    assert same_quantity("Police evacuated about 4,300 people on Monday after the derailment.",
                         "About 4,300 people were evacuated from the town and two villages.")
    assert same_quantity("The bank raised its rate to 24.5% on Wednesday.",
                         "The new rate of 24.5 per cent is the highest.")
    # near misses: the figure is shared, not what it counts; a year; a one-digit figure
    assert not same_quantity("The currency hit a record low of 19.8 on Tuesday.",
                             "The currency traded at 19.0 on Thursday, up from 19.8 a day earlier.")
    assert not same_quantity("Floods in 2024 destroyed the bridge.", "The bridge built in 2024 reopened.")
    assert not same_quantity("Rescuers found 3 survivors.", "3 survivors were flown to Mwanza.")
    assert not same_quantity("Roughly 58 tonnes escaped and reached the river that 120,000 people drink from.",
                             "The hearing is about the derailment that spilled some 58 tonnes of acrylonitrile.")


def test_one_figure_with_other_verbs_or_only_a_unit_shared_is_two_facts() -> None:
    assert not same_quantity("Voltra will cut 2,000 jobs next year.", "A rival plans to create 2,000 jobs in the town.")
    assert not same_quantity("The army freed 40 hostages on Monday.", "Gunmen seized 40 hostages at the school.")
    assert not same_quantity("The central bank cut its rate to 12.5 per cent.",
                             "Inflation rose to 12.5 per cent in May.")
    assert not same_quantity("The strike cost 45 million euros.", "The port lost 45 million euros in fees.")
    # the same verb, or a verb in one only, is the same fact
    assert same_quantity("Voltra will cut 2,000 jobs next year.", "The 2,000 jobs Voltra will cut are in Ohio.")
    assert same_quantity("The army freed 40 hostages on Monday.", "The 40 hostages were freed after talks.")


def test_a_decimal_figure_and_words_shared_make_the_same_event() -> None:
    a, b, c = _src("a"), _src("b"), _src("c")
    main = "The central bank raised its main rate by 300 basis points to 24.5% on Wednesday at an emergency meeting."
    told = "The committee raised the policy rate by three percentage points, from 21.5 per cent to 24.5 per cent."
    other = "Inflation reached 23.1 per cent in November, up from 18.7 per cent in October."
    leads = [_lead(a, main), _lead(b, main.replace("emergency", "unscheduled")), _lead(c, main),
             _lead(b, told, order=1, paragraph=3), _lead(c, other, order=1, paragraph=4)]
    body = {s.id: [(lead.paragraph, lead.stems) for lead in leads if lead.source is s] for s in (a, b, c)}
    texts = [e.text for e in _events(1, leads, body)]
    assert told not in texts  # the rate rise told again with its figure
    assert other in texts  # near miss: 'per cent' and a decimal figure, but another figure and another fact


def test_a_sentence_adding_only_the_time_to_the_main_event_is_not_a_later_event() -> None:
    a, b, c = _src("a"), _src("b"), _src("c")
    main = "Police evacuated 4,300 people on Monday after a freight train carrying chlorine derailed near Brateni."
    when = "A freight train carrying chlorine derailed near Brateni late on Sunday night."
    later = "Freight trains carrying chlorine resumed running past Brateni on Thursday."
    leads = [_lead(a, main), _lead(b, main), _lead(c, main), _lead(b, when, order=1, paragraph=2),
             _lead(c, later, order=1, paragraph=3)]
    body = {s.id: [(lead.paragraph, lead.stems) for lead in leads if lead.source is s] for s in (a, b, c)}
    texts = [e.text for e in _events(1, leads, body)]
    assert when not in texts  # Sunday is another day than Monday, yet it adds only when the derailment was
    assert later in texts  # near miss: another day and words of its own ('resumed running'): what followed
    again = "Another freight train carrying chlorine derailed near Brateni early on Thursday."
    leads = [*leads[:3], _lead(b, again, order=1, paragraph=2)]
    body = {s.id: [(lead.paragraph, lead.stems) for lead in leads if lead.source is s] for s in (a, b, c)}
    assert again in [e.text for e in _events(1, leads, body)]  # a second derailment is an event of its own


def _corpus(text: str) -> dict[str, Article]:
    return {"s1": Article("s1.txt", text, (Paragraph(1, 0, len(text)),))}


def test_a_nameless_collective_beside_a_named_speaker_is_not_shown() -> None:
    actors = {**_people("kim", "lee"), "min": Actor("min", "Minority", "organisation", None, None),
              "hamas": Actor("hamas", "Hamas", "organisation", None, None)}
    c = _claim("c1", "The finance minister must publish every loan taken since July", ("kim", "min"), 2)
    d = _claim("c2", "The ceasefire must hold until the hostages are released", ("min",), 1)
    quotes = {q.id: q for q in (_quote("c1", c.text, "kim"), _quote("c2", d.text, "min"))}
    story = Story(1, "loans", (), ())
    text = "The minority in parliament blamed the government. Kim spoke for them. Hamas said nothing."
    summary = Summary((story,), (), _corpus(text))
    views = {v.claim.id: v for v in main_claims([c, d], summary, actors, quotes, limit=5)}  # type: ignore[list-item]
    assert [p.name for p in views["c1"].people] == ["Kim"]  # 'the minority' is written in lower case: no name
    assert [p.name for p in views["c2"].people] == ["Minority"]  # near miss: alone, it is all the page can say
    from briefgen.summary import nameless_in

    assert not nameless_in(summary.articles.values())(actors["hamas"])  # a name never written in lower case


def test_a_statement_turning_round_what_the_page_tells_is_a_dissent() -> None:
    told = ("Defence ministers meeting in Brussels demanded a seat at the negotiating table, warning that a deal "
            "would fail.")
    assert against("You can't request a seat at the negotiating table. You have to earn it!", told) == (
        "seat at the negotiating table")
    # near misses: the negation governs other words; two negations ask for the same; too few words shared
    assert against("We will never give up our seat at the negotiating table", told) == ""
    assert against("There can be no negotiating table without a seat for Europe", told) == ""
    assert against("Ukraine does not want a seat", told) == ""
    assert against("Ministers demanded a seat at the negotiating table again", told) == ""  # no negation at all


def test_statements_agreeing_with_what_is_told_are_no_dissent() -> None:
    told = "Defence ministers demanded a seat at the negotiating table on Thursday."
    # 'without', 'no' + noun and questions assert no contrary: they ask for the same seat
    assert against("Without a seat at the negotiating table, Europe will be ignored.", told) == ""
    assert against("There is still no seat for Europe at the negotiating table.", told) == ""
    assert against("Why should Europe not have a seat at the negotiating table?", told) == ""
    # a protest told is a negation: never accepting the closure agrees with the protesters
    protest = "Nurses protested against the closure of the children's ward at Tarvik hospital."
    assert against("We will never accept the closure of the children's ward.", protest) == ""
    # near misses: a verb's negation still turns round what is told; a statement negating nothing beside a protest
    # is no dissent, whether it agrees ('is a scandal') or not ('is necessary'): its evaluation is not read, so say less
    assert against("You can't request a seat at the negotiating table.", told) == "seat at the negotiating table"
    assert against("The closure of the children's ward is necessary.", protest) == ""


def test_the_dissent_goes_to_where_they_disagree_not_out_as_a_repeat() -> None:
    s1 = _src("s1")
    said = Event("Defence ministers demanded a seat at the negotiating table on Thursday.", (Evidence(s1, 1),), 1)
    dissent = _claim("c1", "You can't request a seat at the negotiating table. You have to earn it!", ("kim",), 1)
    echo = _claim("c2", "We demanded a seat at the negotiating table for Europe", ("lee",), 1)
    quotes = {q.id: q for q in (_quote("c1", dissent.text, "kim"), _quote("c2", echo.text, "lee"))}
    summary = Summary((Story(1, "talks", (s1,), (said,)),), (said,))
    views = main_claims([dissent, echo], summary, _people("kim", "lee"), quotes, limit=5)  # type: ignore[list-item]
    assert [(v.claim.id, v.denies) for v in views] == [("c1", "seat at the negotiating table")]  # echo: a repeat


def test_a_move_the_other_way_is_another_event() -> None:
    from briefgen.summary import opposite_moves

    assert opposite_moves("The shilling clawed back 4% on Thursday.", "The shilling lost 14% in November.")
    assert opposite_moves("Wheat prices fell for a third day.", "Wheat prices rose after the ban.")
    # near misses: the same way; a sentence telling of both; neither
    assert not opposite_moves("The shilling fell 2% on Friday.", "The shilling lost 14% in November.")
    assert not opposite_moves("The shilling fell early, then recovered by noon.", "The shilling lost 14% in November.")
    assert not opposite_moves("The shilling traded at 19 on Thursday.", "The shilling lost 14% in November.")


def test_a_claim_one_article_carries_yields_to_an_event_several_articles_report() -> None:
    sources = tuple(_src(f"s{i}") for i in range(6))
    main = Event("The port authority closed Valletta harbour to cruise ships on Tuesday after the storm.",
                 tuple(Evidence(s, 1) for s in sources), 1)
    wide = Event("The government declared a 30-day state of emergency for the island on Wednesday.",
                 tuple(Evidence(s, 3) for s in sources[:4]), 1)
    known = _claim("c0", "Cruise lines will move their winter calls to Sicily for the season", ("lee",), 2)
    lone = _claim("c1", "Our ferries were running below the speed limit and we did nothing wrong", ("kim",), 1)
    quotes = {q.id: q for q in (_quote("c0", known.text, "lee"), _quote("c1", lone.text, "kim"))}
    people = _people("kim", "lee")
    story = Story(1, "harbour", sources, (main, wide))
    roomy = Summary((story,), (main,))
    cost = {v.claim.id: roomy.claim_words(v) for v in main_claims([known, lone], roomy, people, quotes)}  # type: ignore[list-item]
    room = cost["c0"] + max(cost["c1"] + 2, _event_words(wide)) + 1  # the first claim and one more (+ "2 articles")
    link = _event_words(Event("word.", (Evidence(sources[0], 2),), 1)) - 1  # the filler's evidence link's words
    filler = Event(" ".join(["word"] * (SUMMARY_WORDS - _event_words(main) - room - link)) + ".",
                   (Evidence(sources[0], 2),), 1)
    summary = Summary((story,), (main, filler))
    views = main_claims([known, lone], summary, people, quotes, limit=5)  # type: ignore[list-item]
    assert [v.claim.id for v in views] == ["c0"] and summary.more(views) == (wide,)  # 4 of 6 articles report it
    twice = replace(lone, articles=2)
    views = main_claims([known, twice], summary, people, quotes, limit=5)  # type: ignore[list-item]
    assert {v.claim.id for v in views} == {"c0", "c1"}  # near miss: a claim two articles carry keeps its place


def test_a_long_stance_target_is_not_printed_beside_the_claim() -> None:
    from briefgen.summary import ClaimView

    short = _claim("c1", "We oppose any cut to the harbour fees this year", ("kim",), 1, "against", "harbour fee cuts")
    long = _claim("c2", short.text, ("kim",), 1, "for",
                  "Europe should not fall under the illusion that others will find the solution for all of us")
    assert ClaimView(short, (), (), None).target_shown  # near miss: a short target the words shown do not hold
    assert not ClaimView(long, (), (), None).target_shown  # a clause saying the claim again


def test_shared_figures_no_single_word_holds_are_no_dissent_and_no_crash() -> None:
    told = "The plan promises 4,300 new posts, 2,000 flats and growth of 12.5 per cent."
    assert against("Not 4,300, not 2,000, not 12.5.", told) == ""


def test_a_statement_that_negates_nothing_is_no_dissent_from_a_protest_told() -> None:
    """Review: 'The closure … is a scandal' agrees with nurses who protested against the closure."""
    from briefgen.summary import against

    told = "Nurses protested against the closure of the children's ward at Tarn hospital on Monday."
    assert against("The closure of the children's ward at Tarn hospital is a scandal", told) == ""
    assert against("We will fight the closure of the children's ward at Tarn hospital", told) == ""
