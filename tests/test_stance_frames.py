"""A stance stated around a statement: the speaker's own verb framing a quote, a fragment's clause, own side."""

from __future__ import annotations

from briefgen.extract.stance import frame_stance
from tests.extract_utils import analyse_text

NAMES = ("ann", "example", "mayor")


def test_frame_verb_of_the_speaker_gives_the_quote_its_stance() -> None:
    found = frame_stance("Mayor Ann Example praised the harbour board, saying, ", "saying", NAMES)
    assert found is not None and (found.stance, found.target) == ("for", "the harbour board")
    found = frame_stance("He rejected criticism that the ferry was late, calling it ", "calling", NAMES)
    assert found is not None and (found.stance, found.target) == ("against", "criticism that the ferry was late")
    found = frame_stance("On Monday, Example criticised the fare rise, adding: ", "adding", NAMES)
    assert found is not None and found.stance == "against" and found.target == "the fare rise"


def test_a_coordinated_verb_of_the_speaker_frames_the_statement() -> None:
    found = frame_stance("Mayor Ann Example praised the harbour board and said ", "said", NAMES)
    assert found is not None and (found.stance, found.target) == ("for", "the harbour board")
    found = frame_stance("The vote was close, as she vowed to block a second ballot and suggested ",
                         "suggested", NAMES)
    assert found is not None and (found.stance, found.target) == ("against", "a second ballot")
    # the reporter's reading of her ("appeared to rule out") is not her act: no stance (review, session 7)
    assert frame_stance("The vote was close, as she appeared to rule out a second ballot and suggested ",
                        "suggested", NAMES) is None


def test_frame_verb_of_someone_else_or_without_a_participle_gives_none() -> None:
    assert frame_stance("The union praised the harbour board, saying ", "saying", NAMES) is None
    assert frame_stance("Critics who praised the board were wrong, Example said, adding ", "adding", NAMES) is None
    assert frame_stance("The union praised the harbour board and Example said ", "said", NAMES) is None
    assert frame_stance("Example said the union praised the board and added ", "added", NAMES) is None
    assert frame_stance("Police arrested the suspect and said ", "said", NAMES) is None
    assert frame_stance("Mayor Ann Example praised the harbour board and ", "said", NAMES) is None
    assert frame_stance("Mayor Ann Example visited the harbour board, saying ", "saying", NAMES) is None
    assert frame_stance("Mayor Ann Example praised the harbour board. Later, saying ", "saying", NAMES) is None
    assert frame_stance("Example said the board praised the plan, adding ", "adding", NAMES) is None


def test_the_map_reads_the_frame_verb_for_a_full_quote() -> None:
    analysis = analyse_text("Mayor Ann Example praised the harbour board, saying, \u201cThey worked through the "
                            "night.\u201d\n\nBob Example, a farmer, visited the harbour, saying, \u201cThe "
                            "boats were all in.\u201d")
    quotes = {q.text[:4]: q for q in analysis.quotes if q.kind == "direct"}
    assert (quotes["They"].stance, quotes["They"].target) == ("for", "the harbour board")
    assert quotes["The "].stance is None


def test_a_fragment_is_read_with_the_rest_of_its_clause_only_for_its_own_words() -> None:
    analysis = analyse_text("Mayor Ann Example said she would \u201cno longer tolerate\u201d delays to "
                            "the harbour works.\n\nBob Example, a farmer, said the harbour was \u201cvery busy\u201d "
                            "and the council should close it.")
    fragments = {q.text: q for q in analysis.quotes if q.kind == "partial"}
    tolerate = fragments["no longer tolerate"]
    assert (tolerate.stance, tolerate.target) == ("against", "delays to the harbour works")
    assert fragments["very busy"].stance is None  # the demand lies outside the fragment's own words


def test_a_full_quote_opening_with_the_speakers_own_country_is_theirs() -> None:
    from briefgen.extract.stance import read_stance
    from tests.test_stance import RULES, TABLE

    own = (("norway",),)
    found = read_stance("Norway stands with the fishermen of the north.", RULES, TABLE, reported=False, own=own)
    assert found is not None and (found.stance, found.target) == ("for", "the fishermen of the north")
    assert read_stance("Sweden stands with the fishermen of the north.", RULES, TABLE, reported=False, own=own) is None
    assert read_stance("They say Norway stands with the fishermen.", RULES, TABLE, reported=False, own=own) is None
