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
    found = frame_stance("Mayor Ann Example praised the harbour board and said: \u201c", "said", NAMES)
    assert found is not None and (found.stance, found.target) == ("for", "the harbour board")
    found = frame_stance("The vote was close, as she vowed to block a second ballot and said, \u201c",
                         "said", NAMES)
    assert found is not None and (found.stance, found.target) == ("against", "a second ballot")
    # the reporter's reading of her ("appeared to rule out") is not her act: no stance (review, session 7)
    assert frame_stance("The vote was close, as she appeared to rule out a second ballot and said, \u201c",
                        "said", NAMES) is None


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


def test_a_frame_verb_labels_no_statement_that_has_its_own_clause() -> None:
    """Blind-text class 3: "urged X and said the government was “...”" -- a fragment of a new report
    states its own thing; the urged label belongs to the urged statement. A participle's clause ("praised X,
    saying it had “...”") elaborates X and keeps its label (as the held-out gold reads it)."""
    lead = "The minister urged both sides to return to talks and said the government was \u201c"
    assert frame_stance(lead, "said", ("minister",)) is None
    found = frame_stance("Example praised the harbour board, saying it had \u201c", "saying", NAMES)
    assert found is not None and (found.stance, found.target) == ("for", "the harbour board")
    found = frame_stance("The minister urged both sides to return to talks, saying: \u201c", "saying", ("minister",))
    assert found is not None and (found.stance, found.target) == ("for", "both sides to return to talks")
    analysis = analyse_text("Mayor Ann Example urged both sides to return to talks and said the council was "
                            "\u201cfollowing the situation hour by hour\u201d.")
    fragment = next(q for q in analysis.quotes if q.kind == "partial")
    assert fragment.stance is None


def test_a_target_of_one_bare_noun_gives_no_label() -> None:
    """Blind-text class 6: "welcomed the figure" names nothing a reader could sign; a name or a phrase does."""
    from briefgen.extract.stance import stance_of

    found = stance_of("welcomed the ruling", None, True)
    assert found is not None and found.target == "the ruling"
    assert stance_of("welcomed figure", None, True) is None
    found = stance_of("welcomed talks", None, True)
    assert found is not None and found.target == "talks"
    found = stance_of("welcomed the figures on jobs", None, True)
    assert found is not None and found.target == "the figures on jobs"
    found = stance_of("criticised Washington", None, True)
    assert found is not None and (found.stance, found.target) == ("against", "Washington")
    found = stance_of("rejected these concerns", None, True)
    assert found is not None and found.target == "these concerns"
