"""Summary rules mended after review: claims turned round by a word of their own are not one claim, two ways
of dating a day are not two events, a report with a number is no feature lede, the main lead in one pass."""

from __future__ import annotations

from briefgen.summary import _alike, _denied, _other_day, _same_claim, feature_lede
from tests.test_summary import FakeClaim


def _c(cid: str, text: str) -> FakeClaim:
    return FakeClaim(cid, text, None, None, ("x",), (), (), 1)


def test_a_claim_with_a_word_that_turns_it_round_is_not_the_same_claim() -> None:
    give = _c("a", "Ukraine must give up territory to end the war")
    for other in ("Ukraine must refuse to give up territory to end the war",
                  "Nobody believes Ukraine must give up territory to end the war",
                  "Engineers doubt Ukraine must give up territory to end the war"):
        assert not _alike(_c("b", other), give)
        assert _same_claim(_c("b", other), [give]) is None
    assert _same_claim(_c("b", "Ukraine must give up territory now to end the war"), [give]) is give


def test_a_negated_claim_in_the_same_words_is_still_a_denial_and_a_condition_is_not() -> None:
    cut = _c("a", "Harbour fees must be cut")
    assert _denied(_c("b", "Harbour fees must not be cut"), [cut]) == 0
    assert _denied(_c("b", "Harbour fees must be cut without delay for the island boats"), [cut]) is None


def test_two_kinds_of_day_may_name_one_day_but_two_weekdays_do_not() -> None:
    assert not _other_day("A ferry capsized on Lake Mwena on Sunday.", "A ferry capsized on Lake Mwena on 14 June.")
    assert not _other_day("A ferry capsized yesterday.", "A ferry capsized on Sunday.")
    assert _other_day("Operations resumed on Thursday.", "A ransomware attack shut the terminals on Tuesday.")


def test_a_sentence_that_counts_or_reports_a_first_is_no_feature_lede() -> None:
    assert feature_lede("For centuries the islanders have fought the sea.")
    assert not feature_lede("At least 40 people were killed when a ferry capsized near Mwena.")
    assert not feature_lede("For the first time, the bank cut rates.")
    assert not feature_lede("In a surprise move, the central bank raised its key rate.")


def test_a_target_inside_a_longer_one_is_no_disagreement() -> None:
    from briefgen.records import Actor, Quote
    from briefgen.summary import disagreements
    from tests.test_summary import FakeClaim

    def claim(cid: str, who: str, stance: str, target: str) -> tuple[FakeClaim, Quote]:
        q = Quote(f"q-{cid}", target, who, "s1", 2, 0, len(target), "said", "indirect", stance=stance, target=target)
        return FakeClaim(cid, f"{who} spoke on {target}", target, stance, (who,), (), (q.id,), 1), q

    people = {w: Actor(w, w.title(), "person", None, None) for w in ("ann", "bob", "cy")}
    pro = claim("a", "ann", "for", "discussing Ukraine's NATO membership and territorial losses before any concessions")
    con = claim("b", "bob", "against", "Ukraine's NATO membership")
    quotes = {q.id: q for _, q in (pro, con)}
    assert disagreements([pro[0], con[0]], people, quotes) == ()
    same = claim("c", "cy", "for", "Ukraine's membership of NATO")
    quotes[same[1].id] = same[1]
    assert len(disagreements([same[0], con[0]], people, quotes)) == 1
