"""False-label classes a reviewer found (issue 16), each with an invented positive and near-miss negatives.

A label is read whether it is shown or withheld (stances.yml ``shown``): these are reading tests, so a withheld
label counts as read (``_labels``)."""

from __future__ import annotations

import pytest

from briefgen.extract.claims import claim_text
from briefgen.records import Quote
from tests.extract_utils import analyse_text


def _labels(text: str) -> set[tuple[str, str]]:
    """Every (stance, target) read in a text's quotes and statements, shown or withheld."""
    out = set()
    for q in analyse_text(text).quotes:
        if q.stance and q.target:
            out.add((q.stance, q.target))
        elif q.withheld:
            out.add(q.withheld[:2])
    return out


def _targets(text: str) -> set[str]:
    return {t.lower() for _, t in _labels(text)}


# (a) a pronoun after the reporting verb shares its verb across "but"/"and" only when nothing takes a new subject
@pytest.mark.parametrize("text", [
    "Karl Stein said he expected the rebels to complain but support the truce.",
    "Karl Stein said he thought the rebels complained but supported the truce.",
    "Karl Stein said he told the rebels to stop and back the truce.",
])
def test_a_verb_across_a_clause_taking_verb_is_not_the_speakers(text: str) -> None:
    assert "the truce" not in _targets(text)


@pytest.mark.parametrize("text", [
    "Karl Stein said he had met the rebels and would support the truce.",
    "Karl Stein said he remained willing to meet the rebels but would support the truce.",
])
def test_a_pronouns_own_second_verb_is_still_the_speakers(text: str) -> None:
    assert ("for", "the truce") in _labels(text)


# (b) "could not" + a reason or constraint is inability, not refusal
@pytest.mark.parametrize("text", [
    "Mayor Ann Weber said she could not accept the invitation to the summit because of a prior engagement.",
    "Mayor Ann Weber said she could not endorse any candidate under party rules.",
    "Mayor Ann Weber said she could not accept the award due to a clash of dates.",
])
def test_inability_for_a_reason_is_no_refusal(text: str) -> None:
    assert not any(s == "against" for s, _ in _labels(text))


@pytest.mark.parametrize("text", [
    "Mayor Ann Weber said she could not accept the harbour deal.",
    "\u201cWe will not accept the harbour deal,\u201d said Mayor Ann Weber.",
])
def test_a_bare_could_not_or_will_not_is_still_a_refusal(text: str) -> None:
    assert ("against", "the harbour deal") in _labels(text)


# (c) a condition that never comes, and an until-clause naming no other party's act
def test_an_impossible_condition_keeps_the_verbs_reading() -> None:
    said = "\u201cWe will not accept the harbour deal unless hell freezes over,\u201d said Mayor Ann Weber."
    assert _labels(said) == {("against", "the harbour deal")}
    budget = "\u201cWe will not support this budget unless hell freezes over,\u201d said Mayor Ann Weber."
    assert "hell freezes over" not in _targets(budget)


@pytest.mark.parametrize("text", [
    "\u201cWe will not accept the deal until the farmers are ruined,\u201d said Mayor Ann Weber.",
    "\u201cWe will not sign the deal until we are sure,\u201d said Mayor Ann Weber.",
])
def test_an_until_clause_without_another_partys_act_is_no_condition(text: str) -> None:
    assert not any(s == "for" for s, _ in _labels(text))


def test_a_condition_naming_another_partys_act_is_read() -> None:
    said = "\u201cWe will not accept the deal unless the toll is withdrawn,\u201d said Mayor Ann Weber."
    assert ("for", "the toll is withdrawn") in _labels(said)


# (d) a negated "called", and a third party's verdict inside the speaker's report
@pytest.mark.parametrize("text", [
    "Mayor Anna Weber said she had never called the harbour plan \u201ca disaster\u201d and would vote for it.",
    "Mayor Anna Weber said she did not call the harbour plan a disaster.",
    "Mayor Anna Weber said some residents thought the harbour plan was \u201ca disaster\u201d but most supported it.",
])
def test_a_negated_calling_or_someone_elses_verdict_is_not_the_speakers(text: str) -> None:
    assert ("against", "the harbour plan") not in _labels(text)


@pytest.mark.parametrize("text", [
    "Mayor Anna Weber said she called the harbour plan \u201ca disaster\u201d.",
    "Mayor Anna Weber said the harbour plan was \u201ca disaster\u201d and would fail.",
    "Mayor Anna Weber said she thought the harbour plan was a disaster.",
])
def test_the_speakers_own_verdict_is_still_read(text: str) -> None:
    assert ("against", "the harbour plan") in _labels(text)


# (e) a threat to something harmful is no verdict against its subject
@pytest.mark.parametrize("text", [
    "\u201cThe arrests are a threat to organised crime,\u201d said Mayor Anna Weber.",
    "Mayor Anna Weber said the new unit was an attack on corruption.",
])
def test_a_threat_to_a_harm_is_no_verdict(text: str) -> None:
    assert not any(s == "against" for s, _ in _labels(text))


def test_a_threat_to_something_kept_is_still_a_verdict() -> None:
    said = "\u201cThe toll is a threat to our farmers,\u201d said Mayor Anna Weber."
    assert ("against", "The toll") in _labels(said)


# (f) opponents' views reported by the speaker are not the speaker's
@pytest.mark.parametrize("text", [
    "Health minister Clara Holm said critics say the reform is a disaster, but they are wrong.",
    "Health minister Clara Holm said the opposition's claim that the toll was \u201ca scandal\u201d was absurd.",
])
def test_an_opponents_view_in_the_report_is_not_the_speakers(text: str) -> None:
    assert not any(t.lower() in ("the reform", "the toll") for t in _targets(text))


def test_rejecting_an_opponents_claim_keeps_its_object() -> None:
    said = "Health minister Clara Holm rejected the opposition's claim that the toll was illegal."
    assert ("against", "the opposition's claim that the toll was illegal") in _labels(said)


# (g) a claim keeps a negating or denying reporting verb
def _claim(text: str) -> str:
    q = next(q for q in analyse_text(text).quotes if q.kind == "indirect")
    return claim_text(Quote("q", q.text, q.speaker, "s", 1, q.start, q.end, q.cue, q.kind, display=q.display,
                            verb=q.verb))


@pytest.mark.parametrize(("text", "verb"), [
    ("Lena Vogt did not say that the toll would be scrapped.", "did not say"),
    ("Mayor Jonas Weber denied that the council would scrap the toll.", "denied"),
    ("Mayor Jonas Weber never said the council would scrap the toll.", "never said"),
])
def test_a_negated_or_denying_report_keeps_its_verb_in_the_claim(text: str, verb: str) -> None:
    assert _claim(text).startswith(verb)


def test_a_plain_report_gives_the_bare_claim() -> None:
    assert _claim("Mayor Jonas Weber said that the council would scrap the toll.") == "the council would scrap the toll"


# shown classes probed with near misses: a visit, a question, providing for someone, a position since left
@pytest.mark.parametrize("text", [
    "Mayor Ann Weber called on the families of the victims on Sunday.",
    "Mayor Ann Weber demanded to know why the ferry was late.",
    "Mayor Ann Weber said she supported her family on a teacher's wage.",
    "Mayor Ann Weber said she had supported the ferry toll until last year.",
    "Mayor Ann Weber said she supported the ferry toll at first but now opposes it.",
])
def test_a_for_verb_that_states_no_position_gives_no_for_label(text: str) -> None:
    assert not any(s == "for" for s, _ in _labels(text))


@pytest.mark.parametrize(("text", "target"), [
    ("Mayor Ann Weber called on the council to scrap the toll.", "the council to scrap the toll"),
    ("Mayor Ann Weber demanded a full audit of the ferry.", "a full audit of the ferry"),
    ("Mayor Ann Weber said she supported the family farm subsidy.", "the family farm subsidy"),
])
def test_the_same_verbs_with_a_position_are_read(text: str, target: str) -> None:
    assert ("for", target) in _labels(text)


def test_a_verdict_on_a_natural_event_and_a_hope_show_no_label() -> None:
    assert not _labels("Mayor Ann Weber said the weather was a disaster for the harvest.")
    assert ("against", "the toll") in _labels("Mayor Ann Weber said the toll was a disaster for the harbour.")
    hoped = next(q for q in analyse_text("Mayor Ann Weber said she hoped the weather would hold.").quotes)
    assert hoped.stance is None and hoped.withheld is None  # weather: no one's act (stance_senses.natural)
