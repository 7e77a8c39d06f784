"""Background sentences 'What happened' does not tell, sentences freed of their ties, decisions further down, stale
tolls (invented sentences: positives and the near misses beside them)."""

from __future__ import annotations

import html
import json
from pathlib import Path

from briefgen.build import extract
from briefgen.config import load_settings
from briefgen.records import Source
from briefgen.render import build_context, make_env, render_pages
from briefgen.summary import Event, Evidence, Story, Summary, next_lines
from briefgen.summary_events import counts, decision, fold_counts
from briefgen.summary_kinds import background, market, still_ahead, timeless, unbullet, unjoined, upcoming


def test_explainer_openings_and_non_responses_are_background() -> None:
    assert background("After the minister's briefing on Monday, here are answers to the most common questions.")
    assert background("Here is what we know so far about the flooding.", first=True)
    assert not background("Here is what the mayor announced on Monday: a curfew from 8pm.")  # it reports
    assert background("The operator of the mine did not respond to requests for comment.")
    assert background("A spokesman for the airline declined to comment on Friday.")
    # near misses: an answer given, a comment made
    assert not background("The ministry answered questions from reporters on Monday.")
    assert not background("The operator responded on Tuesday by closing the mine.")
    assert not background("The driver did not respond to treatment and died on Tuesday.")


def test_timeless_present_descriptions_are_background_further_down() -> None:
    assert timeless("Lead poisoning is not new; it has forced mine closures across the region since 2015.")
    assert timeless("Generic tablets made by other firms look different.")
    assert timeless("The province has many small reservoirs, most built in the 1970s.")
    assert timeless("Whether the ferries can cope is another matter.")
    assert timeless("From the mayor's view, the port no longer appears to act as a partner.")  # 'to': only 'is to'
    # an article's first sentence is its news, whatever its tense
    assert not background("The province has more than 400 small reservoirs.", first=True)
    # near misses: an ongoing or passive event, a dated or reported one, a running count, a past act
    assert not timeless("Rescuers are searching the flooded streets for survivors.")
    assert not timeless("The appeal is set down for a hearing in March 2027.")
    assert not timeless("The ferry company is due in court on 3 March.")
    assert not timeless("The death toll is now 14.")
    assert not timeless("About 80,000 people remain without tap water.")
    assert not timeless("The parent company is down 18% in Oslo trading.")
    assert not timeless("The panel is to report within a month.")
    assert not timeless("The union leader has just spoken to reporters.")
    assert not timeless("Inspectors have repeatedly flagged cracks in the wall.")
    assert not timeless("Rents have more than doubled in ten years.")
    assert not timeless("The curfew is the first the city has imposed since 2011.")  # a record
    assert not timeless("The toll has risen to 14.")
    assert not timeless("The union says the money never arrived.")
    assert not timeless("Tablets supplied by the firm were recalled, and the firm is appealing.")
    assert not timeless("In 2023 inspectors found cracks in the wall.")
    assert not timeless("A safety board was set up in 2009, but it has remained small.")


def test_a_bullet_and_a_tying_conjunction_are_read_off() -> None:
    assert unbullet("- But she ordered a retest.") == "But she ordered a retest."
    assert unbullet("• Schools stay closed.") == "Schools stay closed."
    assert unjoined("But the judge also ordered a retest by 3 May.") == "The judge also ordered a retest by 3 May."
    assert unjoined("However, police arrested two men.") == "Police arrested two men."
    # near misses: a word beginning with the conjunction's letters, a hyphen inside a sentence
    assert unjoined("Butchers closed their shops.") == "Butchers closed their shops."
    assert unbullet("Anti-government protests spread.") == "Anti-government protests spread."


def test_a_markets_reaction_needs_a_market_a_move_and_a_share() -> None:
    assert market("Harbor Lines shares fell 18% in Oslo on Tuesday.")
    assert market("The peso weakened 2.5 per cent against the dollar.")
    # near misses: a share without a move, a move without a share, a share of votes
    assert not market("Harbor Lines holds about 40% of the route.")
    assert not market("Harbor Lines shares fell sharply.")
    assert not market("The party won 38% of the vote, up from 30%.")


def test_a_decisions_object_is_counted_past_articles_and_figures() -> None:
    assert decision("The premier announced a 60-day state of emergency for the province.")
    assert decision("The cabinet has declared Monday a day of national mourning.")
    # an authority in the possessive: its committee decides
    assert decision("Parliament's health committee has summoned the regulator to appear on Wednesday.")
    # near misses: the object word too far after the verb; a company's board is no authority
    assert not decision("The mayor opened the new bridge on Monday, and the next day a probe began.")
    assert not decision("The company's board summoned its auditors on Monday.")
    assert not decision("The minister's husband ordered a review of the family firm.")  # a person's, not an office's


def _event(text: str, day: str, path: str, published: bool = True) -> Event:
    source = Source(path, path, path, None, None, None, f"2026-10-{day}" if published else None, 0)
    return Event(text, (Evidence(source, 2),), 1)


def test_an_undated_main_event_loses_its_early_toll_to_a_later_running_one() -> None:
    main = _event("Boats searched the valley after a dam burst, killing at least six people.", "14", "a", False)
    main = Event(main.text, (*main.evidence, _event("", "14", "z").evidence[0]), 1)
    events = [main, _event("By Thursday 12 were confirmed dead, officials said.", "16", "b"),
              _event("The cabinet approved an emergency fund on Wednesday.", "15", "c")]
    assert fold_counts(events)[0].text == "Boats searched the valley after a dam burst."
    # the toll told in the middle of the sentence: the line says it was an early figure
    events[0] = Event("Six people were killed when a dam burst on Tuesday, and boats searched the valley.",
                      main.evidence, 1)
    assert fold_counts(events)[0].earlier == "an early figure: 12 dead by 16 Oct 2026"
    # near misses: a later line that is no running total, or a lower figure
    events[1] = _event("In the next valley 12 died in a landslide.", "16", "b")
    assert fold_counts(events)[0].earlier == ""
    events[1] = _event("By Thursday 4 were confirmed dead, officials said.", "16", "b")
    assert fold_counts(events)[0].earlier == ""


def test_what_comes_next_is_a_dated_future_or_schedule() -> None:
    assert upcoming("The council is scheduled to vote on Monday, 30 November, on the plan.")
    assert upcoming("The appeal is set down for 2 February 2027.")
    assert upcoming("Forecasters said more rain was expected from Saturday.")
    assert upcoming("The committee has summoned the minister to appear on Wednesday, 25 November.")
    # near misses: no day named, a past day's report, a reported intention
    assert not upcoming("The council is scheduled to vote on the plan.")
    assert not upcoming("The council voted on Monday to approve the plan.")
    assert not upcoming("The firm said on Tuesday it would appeal.")


def test_next_lines_leave_what_happened_and_tell_a_day_once() -> None:
    vote = _event("The council is scheduled to vote on Monday on the dam inquiry.", "15", "a")
    demand = Event("Ana Berisha, the opposition leader, says the motion is due to be voted on Monday.",
                   (*_event("", "15", "b").evidence, *_event("", "15", "c").evidence), 1)
    rain = _event("Forecasters warned that more rain was expected from Saturday in the valley.", "16", "d")
    rain = Event(rain.text, (*rain.evidence, *_event("", "16", "f").evidence), 1)
    lone = _event("Schools will stay shut until Thursday, the mayor's office said.", "16", "g")  # one article
    done = _event("The council voted on Friday to fund repairs.", "14", "e")
    story = Story(1, "dam", (), (done, demand, vote, lone, rain))
    lines = next_lines(story, [done, vote], "2026-10-16")
    assert lines == [vote, rain]  # told above first; 'Monday' once; a person's statement after the others
    assert next_lines(story, [done, vote], "2026-10-25") == []  # a week later, 'on Monday' has passed
    summary = Summary((Story(1, "dam", (), (done, rain, vote)),), (done, rain, vote))
    assert summary.chronicle(()) == (done, vote, rain)  # the first line, then by the day first reported


def test_what_is_still_ahead_counts_from_the_corpus_last_day() -> None:
    assert still_ahead("The hearing is set down for 2 February 2027.", None, "2026-11-23")
    assert still_ahead("Parliament is scheduled to vote on Monday, 30 November.", "2026-11-20", "2026-11-28")
    assert still_ahead("The minister is due to brief the media on Wednesday.", "2026-11-22", "2026-11-23")
    assert still_ahead("The strike is due to end at midnight on Sunday.", "2026-11-07", "2026-11-08")  # a Saturday
    # near misses: a date passed, a weekday in an undated or an old article, an undated corpus
    assert not still_ahead("Results are due on 11 November.", "2026-11-01", "2026-11-23")
    assert not still_ahead("The minister is due to brief the media on Wednesday.", None, "2026-11-23")
    assert not still_ahead("The minister is due to brief the media on Wednesday.", "2026-11-16", "2026-11-23")
    assert not still_ahead("The strike is due to end at midnight on Sunday.", "2026-11-07", "2026-11-09")
    assert not still_ahead("The hearing is set down for 2 February 2027.", None, None)


def test_the_summary_page_ends_what_happened_with_what_comes_next(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    texts = [
        ("2026-03-03", "A ferry sank off the island of Varn on Tuesday, and rescuers pulled 40 people from the sea. "
         "The council is scheduled to vote on Monday, 9 March, on an inquiry into the ferry line."),
        ("2026-03-04", "Rescuers pulled 40 passengers from the sea after a ferry sank off Varn on Tuesday. "
         "Councillors are scheduled to vote on Monday, 9 March, on an inquiry into the ferry line."),
    ]
    rows = [json.dumps({"title": f"Ferry sinks off Varn {n}", "date": day, "source": f"Outlet {n}", "text": text})
            for n, (day, text) in enumerate(texts)]
    (tmp_path / "content" / "briefs.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    briefing, articles, _ = extract(load_settings(project_dir=tmp_path))
    page = html.unescape(render_pages(build_context(briefing, "Invented news", articles), make_env(None))["index.md"])
    happened, _, after = page.partition("\n### What comes next\n")
    assert "ferry sank" in happened.lower() and "vote on Monday, 9 March" in after  # its own heading, not in the list
    assert "vote on Monday" not in happened


def test_a_toll_a_sentence_raises_beats_the_bodies_it_finds_and_an_increment_counts_nothing() -> None:
    assert counts("Rescuers found two bodies on Monday, raising the death toll to five.") == {"dead": 5}
    assert counts("Two more people died in hospital, bringing the death toll to 9, officials said.") == {"dead": 9}
    assert counts("Rescuers found two more bodies on Monday.") == {}  # an increment, not the count
    # near misses: a toll first put lower, a figure counted as dead
    assert counts("By Friday 11 were confirmed dead, a toll first put at 4.") == {"dead": 11}
    assert counts("A dam gave way, killing at least nine people.") == {"dead": 9}


def test_a_toll_clause_is_cut_alone_and_a_thousands_comma_ends_no_clause() -> None:
    main = _event("A train derailed near Korva, killing three people and forcing about 4,000 residents from their "
                  "homes, officials said.", "14", "a")
    events = [main, _event("Rescuers found two more bodies on Monday, raising the death toll to five.", "16", "b")]
    assert fold_counts(events)[0].text == ("A train derailed near Korva, forcing about 4,000 residents from their "
                                           "homes, officials said.")
    events[0] = _event("The dam burst, forcing 4,000 residents from their homes and killing 3 people.", "14", "a")
    assert fold_counts(events)[0].text == "The dam burst, forcing 4,000 residents from their homes."


def test_a_past_days_report_is_nothing_to_come_whatever_future_word_it_holds() -> None:
    from briefgen.summary_kinds import upcoming

    for past in ("Flights at Tarvik Airport were cancelled on Monday due to the strike by baggage handlers.",
                 "The council approved the plan on Monday against the will of residents.",
                 "The deadline for bids passed on Friday.",
                 "Parliament voted on Monday to extend the emergency, which will last 30 days.",
                 "Lawmakers refused on Tuesday to vote on the bill.",
                 "The court declined on Monday to rule on the appeal."):
        assert not upcoming(past), past
    # near misses: what is scheduled, due or summoned stays ahead
    for ahead in ("Parliament is scheduled to vote on Monday.", "The hearing is set down for 2 February.",
                  "Results are due by 11 December.", "The union will strike again on Friday.",
                  "Parliament's committee has summoned the regulator to appear on Wednesday."):
        assert upcoming(ahead), ahead


def test_another_incidents_toll_makes_no_early_figure_of_the_main_events() -> None:
    main = _event("Seven people were killed when the Lura dam burst on Tuesday, and boats searched the valley.",
                  "14", "a")
    events = [main, _event("In the south, the death toll from a separate landslide near Vlora has risen to 12.",
                           "16", "b")]
    assert fold_counts(events)[0].earlier == ""
    events[1] = _event("The death toll from the dam burst has risen to 12.", "16", "b")  # the same incident
    assert fold_counts(events)[0].earlier == "an early figure: 12 dead by 16 Oct 2026"
