"""Review 9 classes (findings 4, 10, 11, 12, 13): everyday senses of stance verbs, others' frames and another
subject's coordinated verb give no label; each with an invented near miss that keeps its label. Labels are read
shown or withheld (``_labels``): these test the reading, not the gate."""

from __future__ import annotations

import pytest

from tests.test_stance_review16 import _labels


@pytest.mark.parametrize("text", [
    "\u201cWe will defend our title next year,\u201d said captain Anna Weber.",
    "Lawyer Karl Stein said he would defend the former minister in court.",
    "\u201cI back myself to win the final,\u201d said Anna Weber.",
    "\u201cWe support the families of the victims with food and shelter,\u201d said aid worker Anna Weber.",
    "\u201cI have supported Liverpool all my life,\u201d said Karl Stein.",
    "The manager, Anna Weber, said she had dismissed two workers for theft.",
    "\u201cWe turned down the heating to save money,\u201d said Anna Weber.",
    "\u201cWe had to turn down three patients last night because the ward was full,\u201d said nurse Anna Weber.",
    "\u201cWe called for an ambulance but nobody came,\u201d said Anna Weber.",
    "Farm leader Anna Weber warned that the frost would damage the harvest.",
    "\u201cWe would not sign the petition because we were on holiday,\u201d said Anna Weber.",
    "Anna Weber said she could not accept the invitation as she was abroad.",
    "\u201cWe will not tolerate the heat much longer,\u201d said Anna Weber.",
    "\u201cLosing the final was a disaster,\u201d said coach Anna Weber.",
])
def test_an_everyday_sense_of_a_stance_verb_gives_no_label(text: str) -> None:
    assert _labels(text) == set(), text


@pytest.mark.parametrize(("text", "label"), [
    ("Lawyer Karl Stein said he would defend the new ferry law.", ("for", "the new ferry law")),
    ("\u201cWe turned down the generous offer,\u201d said Anna Weber.", ("against", "the generous offer")),
    ("\u201cWe called for police reform,\u201d said Anna Weber.", ("for", "police reform")),
    ("Farm leader Anna Weber warned that the levy would damage the harvest.", ("against", "the levy")),
    ("\u201cWe would not sign the deal because it is unfair,\u201d said Anna Weber.", ("against", "sign the deal")),
])
def test_the_same_verbs_with_a_policy_keep_their_label(text: str, label: tuple[str, str]) -> None:
    assert label in _labels(text)


@pytest.mark.parametrize("text", [
    "\u201cIn the opposition's view, the ferry tax is unfair. I disagree,\u201d said Mayor Anna Weber.",
    "\u201cFor the union, the ferry tax is unfair. That is their right,\u201d said Mayor Anna Weber.",
    "\u201cTo hear the union tell it, the ferry tax is a disaster,\u201d said Mayor Anna Weber.",
    "\u201cThe union keeps telling everyone the ferry tax is a disaster,\u201d said Mayor Anna Weber.",
    "Mayor Anna Weber said that in the opposition's view the ferry tax is unfair.",
    "Mayor Anna Weber said many residents feel the ferry tax is unfair.",
    "Mayor Anna Weber said the council had been told the ferry tax was unfair.",
])
def test_someone_elses_frame_gives_the_speaker_no_stance(text: str) -> None:
    assert _labels(text) == set(), text


@pytest.mark.parametrize("text", [
    "\u201cIn our view, the ferry tax is unfair,\u201d said Mayor Anna Weber.",
    "\u201cFor me, the ferry tax is unfair,\u201d said Mayor Anna Weber.",
    "Mayor Anna Weber said she feels the ferry tax is unfair.",
    "\u201cWe feel the ferry tax is unfair,\u201d said Mayor Anna Weber.",
])
def test_the_speakers_own_frame_keeps_the_stance(text: str) -> None:
    assert ("against", "the ferry tax") in {(s, t.lower()) for s, t in _labels(text)}


@pytest.mark.parametrize("text", [
    "Karl Stein said he met the rebels whose leaders complained but backed the truce.",
    "Karl Stein said he spoke to the rebels after they complained and backed the truce.",
    "Karl Stein said he visited the camp where the rebels complained but backed the truce.",
    "Karl Stein said he watched the rebels complain but back the truce.",
])
def test_a_verb_after_a_subordinate_clause_or_new_subject_is_not_the_speakers(text: str) -> None:
    assert "the truce" not in {t for _, t in _labels(text)}


def test_a_verb_sharing_the_speakers_pronoun_keeps_the_stance() -> None:
    assert ("for", "the truce") in _labels("Karl Stein said he had met the rebels and would back the truce.")
