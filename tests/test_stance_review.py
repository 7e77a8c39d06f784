"""Stance readings mended after review (invented sentences): a view the speaker reports from others, a negated
or hedged framing verb, and a forecast with 'will have to' state no stance of the speaker's."""

from __future__ import annotations

import pytest

from briefgen.extract.stance import frame_stance, stance_of


@pytest.mark.parametrize("text", [
    "Our critics say the blockade is illegal,",
    "The opposition says the plan is a bad idea.",
    "The president was wrong to close the port, his critics say.",
    "the fines show the law is \"unworkable\"",
])
def test_a_view_heard_from_others_is_not_the_speakers_stance(text: str) -> None:
    assert stance_of(text, "said", False) is None


def test_the_speakers_own_verdict_and_one_after_we_say_are_read() -> None:
    assert stance_of("The blockade is illegal.", "said", False) is not None
    found = stance_of("We say the blockade is illegal.", "said", False)
    assert found is not None and found.stance == "against"


@pytest.mark.parametrize("text", [
    "the new rules will have to be approved by parliament",
    "if the soldiers leave, we will have to leave too",
])
def test_will_have_to_is_a_forecast_not_a_demand(text: str) -> None:
    assert stance_of(text, "said", True) is None


def test_a_present_demand_is_still_read() -> None:
    found = stance_of("the rules have to be approved by parliament", "said", True)
    assert found is not None and found.stance == "for"


@pytest.mark.parametrize("lead", [
    "Mayor Anna Weber has never supported the harbour plan, saying",
    "Mayor Anna Weber no longer backs the harbour plan, saying",
    "Mayor Anna Weber praised the harbour plan last year but now opposes it, saying",
    "Mayor Anna Weber appeared to rule out the harbour plan and said",
])
def test_a_negated_turned_or_hedged_framing_verb_gives_no_stance(lead: str) -> None:
    cue = "said" if lead.endswith("said") else "saying"
    assert frame_stance(lead + " ", cue, ("anna", "weber")) is None


def test_the_speakers_own_framing_verb_still_gives_the_stance() -> None:
    found = frame_stance("Mayor Anna Weber praised the harbour plan, saying ", "saying", ("anna", "weber"))
    assert found is not None and found.stance == "for"


@pytest.mark.parametrize("text", [
    "We are disappointed that the opposition rejected the plan.",
    "If Russia is to blame, there will be consequences.",
    "The reform is not long overdue.",
    "We favour neither side.",
    "The tariffs will send the wrong message only if they are permanent.",
])
def test_clauses_conditions_negated_verdicts_and_neither_state_no_stance(text: str) -> None:
    assert stance_of(text, "said", False) is None


@pytest.mark.parametrize(("text", "stance"), [
    ("We are disappointed with the ruling.", "against"),
    ("The reform is long overdue.", "for"),
    ("The tariffs will send the wrong message.", "against"),
    ("The plan is not very expedient.", "against"),
])
def test_the_near_misses_keep_their_stance(text: str, stance: str) -> None:
    found = stance_of(text, "said", False)
    assert found is not None and found.stance == stance


def test_a_passive_stance_verb_with_its_agent_is_the_agents_stance_not_the_speakers() -> None:
    assert stance_of("The plan was condemned by the opposition as reckless.", "said", True) is None
    assert stance_of("the scheme, which was criticised by the United Nations, will be replaced", "said", True) is None
    found = stance_of("the government must scrap the subsidies paid by the state", "said", True)
    assert found is not None and found.stance == "for"  # 'paid by' is no passive of a stance verb's clause


def test_a_shown_clause_opening_with_a_passive_stance_verb_and_its_agent_is_no_stance() -> None:
    assert stance_of("criticized by the United Nations as a breeding ground for abuse, will be replaced", "criticized",
                     True) is None


@pytest.mark.parametrize("text", [
    "Nobody should end the free bus pass for pensioners.",
    "None of us should stop the march.",
    "Until last week we were backing the merger.",
])
def test_a_negative_subject_or_a_past_progressive_states_no_stance(text: str) -> None:
    assert stance_of(text, "said", False) is None


def test_a_demand_to_quit_a_stop_demand_and_a_present_progressive_still_read() -> None:
    found = stance_of("He must quit the cabinet today.", "said", False)  # a demand that he quits
    assert found is not None and found.stance == "for" and "quit" in found.target
    found = stance_of("We should stop pretending the levy works.", "said", False)
    assert found is not None and found.stance == "against"
    found = stance_of("We are backing the merger.", "said", False)
    assert found is not None and found.stance == "for"
