"""Official decisions, running counts and scenes in the summary's 'What happened' (briefgen/summary_events.py)."""

from __future__ import annotations

from briefgen.records import Source
from briefgen.summary import Event, Evidence, feature_lede
from briefgen.summary_events import counts, decision, fold_counts, other_decisions


def test_an_authority_deciding_is_a_decision() -> None:
    assert decision("The cabinet declared a 60-day state of emergency in three districts on Wednesday.")
    assert decision("Environmental prosecutor Ana Ruiz has opened a criminal investigation into the collapse.")
    assert decision("The Health Ministry declared a health alert for the river basin.")
    assert decision("A judge granted the injunction on Monday.")
    assert decision("The mayor said the council had suspended the licence of the quarry.")
    assert decision("The union filed an injunction at the administrative court.")  # a court action by anyone


def test_near_misses_are_no_decision() -> None:
    assert not decision("The government should declare an emergency, critics said.")  # a demand
    assert not decision("The government has not suspended the licence.")  # a negation
    assert not decision("The minister declined to comment on the closure.")
    assert not decision("Residents said the water was shut off on Wednesday.")  # no authority decides
    assert not decision("Police opened the bridge to traffic again.")  # 'opened' needs an investigation
    assert not decision("The state of emergency declared on Wednesday covers three districts.")  # no subject decides
    assert not decision("The strike cancelled a thousand flights before the government ordered the staff back.")
    assert not decision("The company ordered new pumps from Germany.")  # a company is no authority
    assert not decision("Ministers called for talks on Monday.")  # a call for, not a decision
    assert not decision("The minister declared he was innocent.")  # 'declared' decides only an emergency, a war …
    assert decision("The court ruled on Monday that the strike was illegal.")


def test_two_decisions_by_other_verbs_are_two_events() -> None:
    assert other_decisions("Congress summoned Energy Minister Ana Ruiz to appear on Tuesday.",
                           "The cabinet declared an emergency, and Energy Minister Ana Ruiz ordered the mine shut.")
    assert not other_decisions("The cabinet declared an emergency on Wednesday.",
                               "On Wednesday the government declared a 60-day emergency.")
    assert not other_decisions("Congress summoned the minister.", "The minister will appear on Tuesday.")


def test_counts_read_what_a_figure_counts() -> None:
    assert counts("By Friday the authorities had confirmed 27 dead, and 41 people were still missing.") == {
        "dead": 27, "missing": 41}
    assert counts("The death toll in the village has risen to 21, officials said.") == {"dead": 21}
    assert counts("A dam gave way, killing at least nine people.") == {"dead": 9}
    assert counts("The strike led to the cancellation of 1,140 flights and affected 168,000 passengers.") == {
        "cancelled:flights": 1140, "affected:passengers": 168000}
    assert counts("The strike affected 300 flights on Friday.") == {"affected:flights": 300}  # not the passengers
    # near misses: a figure of something else, a unit, a year
    assert counts("The company will pay 50 million soles to the families of the dead.") == {}
    assert counts("The dam was built in 2004 and inspected in June.") == {}
    assert counts("Rescuers searched 12 houses near the missing bridge, and 3 trucks came.") == {}
    assert counts("It was the deadliest quake since 2015, when nearly 9,000 people died.") == {}  # a past toll


def _event(text: str, day: str, path: str, story: int = 1) -> Event:
    source = Source(path, path, path, None, None, None, f"2026-10-{day}", 0)
    return Event(text, (Evidence(source, 2),), story)


def test_a_running_count_is_one_line_at_its_latest_figure() -> None:
    events = [
        _event("A dam gave way on Tuesday, killing at least nine people.", "14", "a"),
        _event("The death toll has risen to 21, officials said.", "15", "b"),
        _event("The company blamed exceptional rain for the failure of the dam.", "15", "c"),
        _event("By Friday 27 were confirmed dead, and 41 people were still missing.", "17", "d"),
        _event("Officials said 41 people remained missing in the village.", "16", "e"),
    ]
    folded = fold_counts(events)
    texts = [e.text for e in folded]
    # the latest, where the first count stood; the main event no longer states its early toll as if current
    assert texts == ["A dam gave way on Tuesday.", events[3].text, events[2].text]
    assert folded[1].earlier == "up from 9 dead, 14 Oct 2026"
    assert {e.source.id for e in folded[1].evidence} == {"b", "d", "e"}
    assert folded[0].earlier == "" and folded[2].earlier == ""


def test_counts_of_other_things_or_per_day_are_not_folded_up() -> None:
    events = [
        _event("Hundreds of flights were cancelled on Friday as the strike began.", "06", "a"),
        _event("Saturday saw 402 cancellations at the airport.", "07", "b"),
        _event("The walkout led to the cancellation of 1,140 flights in three days.", "09", "c"),
        _event("The union said 300 workers joined the picket.", "07", "d"),
    ]
    folded = fold_counts(events)
    # no line calls its figure a running total: each is told, and no 'up from 402' (cancellations may be per day)
    assert [e.text for e in folded] == [e.text for e in events]
    assert all(e.earlier == "" for e in folded)


def test_scenes_are_feature_ledes() -> None:
    assert feature_lede("At four in the morning the night bus to the airport is full of people in vests.")
    assert feature_lede("By eight o'clock the queue stretches past the town hall.")
    assert feature_lede("From the taxi ranks to the guesthouses of the old town, businesses spent Friday waiting.")
    # near misses: a time with a day, a reported event, a span of days
    assert not feature_lede("At midnight on Friday the workers walked out.")
    assert not feature_lede("At dawn the army ordered residents to leave the valley.")
    assert not feature_lede("From Monday to Friday, the union will strike at every airport.")
    assert not feature_lede("At dawn the rebels attacked the town.")  # a past event at that hour
    assert not feature_lede("From Lisbon to Porto, police arrested forty strikers.")  # a decision


def test_the_other_side_of_a_told_decision_goes_first_among_the_claims() -> None:
    from briefgen.summary import Story, Summary, main_claims
    from tests.test_summary import _claim, _people, _quote
    from tests.test_summary_main import _src

    sources = tuple(_src(f"s{i}") for i in range(4))
    told = Event("The cabinet approved a civil requisition of the striking dockers on Saturday.",
                 tuple(Evidence(s, 1) for s in sources), 1)
    wide = _claim("c0", "Fruit exports will lose 30 million a week while the port stays shut", ("lee",), 4)
    objecting = _claim("c1", "The requisition is illegal and an attack on the right to strike", ("kim",), 2)
    lone = _claim("c2", "The requisition is illegal, and we will take it to court", ("ana",), 1)  # one article
    other = _claim("c3", "The new harbour fee for fishing boats is illegal", ("bo",), 2)  # no word of the decision
    claims = [wide, objecting, lone, other]
    quotes = {q.id: q for q in (_quote(c.id, c.text, c.speakers[0]) for c in claims)}
    summary = Summary((Story(1, "port", sources, (told,)),), (told,))
    views = main_claims(claims, summary, _people("kim", "lee", "ana", "bo"), quotes, limit=5)  # type: ignore[arg-type]
    order = [v.claim.id for v in views]
    assert order[0] == "c1"
    assert order.index("c3") > order.index("c0")  # an objection to no decision told keeps its rank


def test_objections_and_what_was_decided() -> None:
    from briefgen.summary_events import decided, objection

    assert objection('The union declared the requisition "illegal" and an attack on a constitutional right.')
    assert objection('She calls the requisition "disproportionate" and "a dangerous precedent."')
    assert not objection("Workers returned under protest on Sunday.")
    assert not objection("The union will attend Tuesday's meeting in good faith.")
    assert "requisition" in decided("The cabinet has approved a civil requisition of the striking workers.")
    assert decided("The union will attend Tuesday's meeting.") == ""


def test_no_further_line_comes_from_a_scene() -> None:
    from briefgen.summary import Story, Summary
    from tests.test_summary_main import _src

    s1, s2, s3, s4 = (_src(f"s{i}") for i in range(1, 5))

    def event(text: str, *where: tuple[Source, int]) -> Event:
        return Event(text, tuple(Evidence(src, p) for src, p in where), 1)

    told = event("Dockers at Tarvik began a three-day strike over pay on Friday.", (s1, 1), (s2, 1), (s3, 1))
    first = event("The port authority diverted 23 ships to Vesta during the strike.", (s2, 6), (s3, 4))
    follow = event("Shipping agents said the diversions would cost the island dearly.", (s2, 7), (s4, 2))
    other = event("Fishermen at Tarvik unloaded their catch at Norland instead.", (s3, 8), (s4, 5))
    scene = event("At four in the morning the harbour canteen is full of people in orange vests.", (s4, 3))
    inside = event("Most of them will spend the next eight hours lashing containers to the decks.", (s4, 3), (s1, 6))
    story = Story(1, "strike", (s1, s2, s3, s4), (told, first, follow, other, scene, inside))
    more = Summary((story,), (told,)).more(())
    # the scene's paragraph tells no event
    assert [e.text for e in more] == [first.text, follow.text, other.text]


def test_a_shown_speaker_saying_more_is_no_further_event() -> None:
    from briefgen.summary import _speaks

    verbs = {"said", "says", "told"}
    assert _speaks("Speaking after the meeting, Rutte said it remains to be seen how talks develop.", {"Rutte"}, verbs)
    # near misses: another speaker; the name not speaking; the speaker's office
    assert not _speaks("Speaking after the meeting, Holm said talks would go on.", {"Rutte"}, verbs)
    assert not _speaks("Ministers met Rutte in Brussels on Thursday.", {"Rutte"}, verbs)
    assert not _speaks("Rutte's office said the meeting would go ahead.", {"Rutte"}, verbs)


def test_a_statement_a_headline_quotes_is_no_minor_claim() -> None:
    from briefgen.summary import SUMMARY_WORDS, Story, Summary, _event_words, main_claims
    from tests.test_summary import _claim, _people, _quote

    source = Source("s-1", "a.txt", "a", "Hegman says call with Vesta 'not a betrayal' of allies", None, None,
                    None, 100)
    other = Source("s-2", "b.txt", "b", "Allies meet in Tarvik", None, None, None, 100)
    told = Event("Allies met in Tarvik on Thursday to discuss the ceasefire talks.", (Evidence(source, 3),), 1)
    further = Event("Norland will host the next round of the ceasefire talks in the spring.",
                    (Evidence(source, 7), Evidence(other, 4)), 1)  # two articles: Summary.more may tell it
    known = _claim("c0", "Fishing rights around Vesta must be settled before any ceasefire", ("lee",), 2)
    quoted = _claim("c1", "Certainly not a betrayal of our allies in the east", ("heg",), 1)
    quotes = {q.id: q for q in (_quote(c.id, c.text, c.speakers[0]) for c in (known, quoted))}
    people = _people("heg", "lee")
    story = Story(1, "talks", (source, other), (told, further))
    roomy = Summary((story,), (told,))
    cost = {v.claim.id: roomy.claim_words(v) for v in main_claims([known, quoted], roomy, people, quotes)}  # type: ignore[list-item]
    link = _event_words(Event("word.", (Evidence(other, 9),), 1)) - 1  # the filler's evidence link
    slack = 8  # words left after both claims: fewer than the further event takes
    assert _event_words(further) > 2 * slack
    size = SUMMARY_WORDS - _event_words(told) - cost["c0"] - cost["c1"] - link - slack
    filler = Event(" ".join(["word"] * size) + ".", (Evidence(other, 9),), 1)
    summary = Summary((story,), (told, filler))
    views = main_claims([known, quoted], summary, people, quotes, limit=5)  # type: ignore[list-item]
    assert [v.claim.id for v in views] == ["c0", "c1"]  # the headline's 'not a betrayal' before a further event


def test_a_human_toll_no_line_gives_is_told() -> None:
    from briefgen.summary import Story, _decisions
    from tests.test_summary_main import _src

    s1, s2, s3 = (_src(f"s{i}") for i in range(1, 4))
    told = Event("A dam burst above Pallca on Tuesday, killing at least nine people.", (Evidence(s1, 1),
                 Evidence(s2, 1), Evidence(s3, 1)), 1)
    displaced = Event("Officials said about 1,800 people had been displaced from the valley.",
                      (Evidence(s2, 5), Evidence(s3, 6)), 1)
    lone = Event("Some 40 people were injured, a nurse said.", (Evidence(s1, 7),), 1)  # one article
    story = Story(1, "dam", (s1, s2, s3), (told, lone, displaced))
    assert _decisions(story, (told,), False) == [displaced]
    # near miss: a line above already gives the displaced
    shown = Event("About 1,500 people were displaced on Tuesday.", (Evidence(s1, 3),), 1)
    assert _decisions(story, (told, shown), False) == []


def test_a_figure_counted_as_dead_beats_the_toll_a_sentence_recalls() -> None:
    assert counts("Now, with 11 people confirmed dead and five still missing, a toll that officials first put at "
                  "four has been revised twice.") == {"dead": 11, "missing": 5}
    assert counts("The death toll in the village has risen to 21, officials said.") == {"dead": 21}


def test_a_lower_figure_in_a_later_report_is_another_group_not_the_count_going_down() -> None:
    events = [
        _event("A dam gave way on Tuesday, flooding three villages.", "14", "a"),
        _event("About 2,300 people were evacuated from the valley, officials said.", "15", "b"),
        _event("Some 400 residents evacuated below a second reservoir may not go home before Tuesday.", "17", "c"),
    ]
    folded = fold_counts(events)
    assert [e.text for e in folded] == [e.text for e in events]  # both groups told, neither 'down from' the other
    assert all(e.earlier == "" for e in folded)


def test_counts_of_two_places_or_a_part_of_a_count_are_not_one_running_count() -> None:
    """Review: two tolls nobody calls running totals may be two incidents; 'one of the dead' counts no toll."""
    assert counts("One of the dead was a nurse from the village.") == {}
    assert counts("Rescuers found 14 of the missing alive on Friday.") == {}
    events = [
        _event("Heavy rain hit the Andes this week.", "09", "a"),
        _event("In Ecuador, floods killed 12 people on Monday.", "10", "b"),
        _event("In Peru, 30 people died in landslides near Cusco on Tuesday, officials said.", "11", "c"),
    ]
    folded = fold_counts(events)
    assert [e.text for e in folded] == [e.text for e in events] and all(e.earlier == "" for e in folded)
    rising = [events[0], events[1], _event("The death toll in Ecuador rose to 19 on Wednesday.", "12", "d")]
    assert fold_counts(rising)[1].earlier == "up from 12 dead, 10 Oct 2026"  # a running total is still one line


def test_a_claim_a_denial_or_a_rumour_of_a_decision_is_no_decision() -> None:
    """Review: one side's claim must not be told as fact in 'What happened'."""
    assert not decision("Police arrested more than forty students near the main gate, the opposition party claimed.")
    assert not decision("The ministry denied it had banned the book.")
    assert not decision("Rumours that the army had closed the border spread on Friday.")
    assert decision("Police arrested more than forty students near the main gate on Friday.")
