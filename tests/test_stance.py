"""Stances with a target, or none: every example of briefgen/data/stances.yml, plus the behaviours named."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from briefgen.extract.stance import load_stance_data, make_rules, read_stance
from briefgen.nlp import lookup_table

_NLP = spacy.blank("en")


def _table() -> Any:
    from briefgen.nlp import make_nlp

    table = lookup_table(make_nlp())
    return table if table is not None else {}


TABLE = _table()
RULES = make_rules(TABLE)
EXAMPLES = load_stance_data()["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_stance_examples_of_the_data_file(example: dict[str, Any]) -> None:
    found = read_stance(example["text"], RULES, TABLE, reported=not example.get("direct"))
    if example.get("stance") is None:
        assert found is None, found
    else:
        assert found is not None
        assert (found.stance, found.target) == (example["stance"], example["target"])


def test_negated_criticism_shows_no_stance() -> None:
    assert read_stance("She did not criticise the new schedule.", RULES, TABLE) is None


def test_negated_support_reads_as_against_with_its_target() -> None:
    found = read_stance("We do not support the merger of the two hospitals.", RULES, TABLE)
    assert found is not None and (found.stance, found.target) == ("against", "the merger of the two hospitals")


def test_question_states_no_stance_even_with_a_stance_word() -> None:
    assert read_stance("Should the council reject the plan for the harbour?", RULES, TABLE) is None


def test_forecast_with_may_have_to_is_no_demand() -> None:
    assert read_stance("Residents may have to leave their homes by Friday.", RULES, TABLE) is None


def test_target_is_the_articles_words() -> None:
    text = "slammed the regional board for closing the clinic without a vote"
    found = read_stance(text, RULES, TABLE)
    assert found is not None and found.target in text and found.stance == "against"


def test_sample_corpus_meets_the_stance_verb_and_claim_targets(tmp_path: Any) -> None:
    from briefgen.build import extract
    from briefgen.config import load_settings
    from briefgen.eval import evaluate_claims, evaluate_stances, load_claim_gold, load_gold, load_stance_gold
    from tests.conftest import GOLD, REPO, copy_sample

    root = copy_sample(tmp_path / "p")
    briefing, _, _ = extract(load_settings(project_dir=root, quiet=True))
    annotation = REPO / "tests" / "data" / "stance_gold.yaml"
    gold = load_gold(GOLD)
    st = evaluate_stances(briefing, gold, load_stance_gold(annotation))
    # only shown constructions (stances.yml shown) count: precision first, recall what that leaves (0.46 measured)
    assert st.shown and st.precision >= 0.95 and st.recall >= 0.4, (st.wrong, st.missed)
    held = sum(n for n, _, _ in st.withheld_rules.values())
    assert held and st.caught_all > st.caught  # the withheld labels are measured, and would catch more
    assert st.reported and st.verb_rate >= 0.95, st.no_verb
    cl = evaluate_claims(briefing, gold, load_claim_gold(annotation))
    assert cl.predicted and cl.precision >= 0.8, cl.wrong


def test_the_map_shows_each_statement_with_its_verb_and_reads_its_stance_there() -> None:
    from briefgen.cache import from_data, to_data
    from briefgen.records import LocalQuote
    from tests.extract_utils import analyse_text

    analysis = analyse_text("Mayor Ann Example rejected the board's plan to close the clinic without a vote.\n\n"
                            "\u201cThe weather was fine,\u201d said Bob Example, a farmer.")
    reported = next(q for q in analysis.quotes if q.kind == "indirect")
    assert reported.verb == "rejected" and reported.display.startswith("rejected the board's plan")
    assert (reported.stance, reported.target) == ("against", "the board's plan to close the clinic without a vote")
    direct = next(q for q in analysis.quotes if q.kind == "direct")
    assert direct.display and direct.stance is None
    assert from_data(LocalQuote, to_data(reported)) == reported  # the cache keeps display and stance


def test_one_agreement_rule_reads_negations_in_the_targets() -> None:
    from briefgen.extract.stance import agreed, opposed, same_words

    same = [("for", "the farmers must not be excluded from the water talks"),
            (None, None), ("against", "excluding the farmers from the water talks")]
    assert agreed(same) == same[0]
    assert not opposed("for", same[0][1], "against", same[2][1])
    assert opposed("for", "the new water tariff", "against", "the water tariff")
    assert agreed([("for", "the new water tariff"), ("against", "the water tariff")]) is None
    assert agreed([(None, None)]) is None
    assert same_words(frozenset("abc"), frozenset("abd"), 0.5, 1)
    assert not same_words(frozenset("abc"), frozenset("abd"), 0.75, 3)  # the summary's strict test


def test_a_timeline_shift_needs_opposite_positions_on_one_target() -> None:
    from briefgen.records import Quote, Source
    from briefgen.timeline import timeline

    sources = {"s1": Source("s1", "a.txt", "a", None, None, None, "2025-01-02", 10),
               "s2": Source("s2", "b.txt", "b", None, None, None, "2025-02-02", 10)}

    def q(qid: str, src: str, stance: str, target: str) -> Quote:
        return Quote(qid, "x", "ann", src, 1, 0, 1, "said", "indirect", ("t",), stance=stance, target=target)

    same = timeline([q("a", "s1", "for", "the farmers must not be excluded from the talks"),
                     q("b", "s2", "against", "excluding the farmers from the talks")], sources)
    assert all(not m.shifts for m in same)
    turned = timeline([q("a", "s1", "for", "the new water tariff"), q("b", "s2", "against", "the water tariff")],
                      sources)
    assert turned[-1].shifts == (("t", "for", "against"),)


def test_verb_rate_counts_apart_statements_whose_article_gives_no_verb() -> None:
    from briefgen.eval import StanceScores

    st = StanceScores(reported=10, with_verb=8, verbless=2)
    assert st.verb_rate == 0.8 and st.verb_rate_stated == 1.0


@pytest.mark.parametrize(("batch", "min_precision", "min_recall"),
                         [("batch_h", 0.95, 0.40), ("batch_i", 0.90, 0.10), ("batch_j", 0.90, 0.12)])
def test_held_out_stances_stay_above_their_floors(batch: str, min_precision: float, min_recall: float,
                                                   tmp_path: Any) -> None:
    """Floors a little under the measured scores (README, Quality): H and J were tuned on, I never was. Only
    the constructions of stances.yml ``shown`` are counted (the others are withheld): precision high, recall low."""
    from briefgen.build import extract
    from briefgen.config import load_settings
    from briefgen.eval import evaluate_stances, load_gold, load_stance_gold
    from tests.conftest import REPO

    folder = REPO / "tests" / "heldout" / batch
    settings = load_settings(project_dir=tmp_path, content_dir=folder / "articles", quiet=True, cache=False)
    briefing, _, _ = extract(settings)
    st = evaluate_stances(briefing, load_gold(folder / "gold"), load_stance_gold(folder / "stance_gold.yaml"))
    # counts only: batch I is kept unseen, so a failure must not print its articles' statements
    counts = f"{batch}: shown {st.shown}, precision {st.precision:.3f}, recall {st.recall:.3f}"
    above = st.shown >= 5 and st.precision >= min_precision and st.recall >= min_recall  # (not st whole)
    verbs = f"{batch}: verb rate {st.verb_rate_stated:.3f}, {len(st.no_verb)} without"
    verbs_ok = st.verb_rate_stated >= 0.95
    assert above, counts
    assert verbs_ok, verbs


def test_condition_needs_a_clause_not_a_time() -> None:
    assert read_stance("said the union would not sign the deal until the end of the year", RULES, TABLE) is None
    found = read_stance("said it would not sign the deal until the owners paid the bonus", RULES, TABLE)
    assert found is not None and (found.stance, found.target) == ("for", "the owners paid the bonus")


def test_a_name_of_the_speakers_own_side_makes_the_verb_theirs() -> None:
    from briefgen.extract.stance import own_side

    minister = own_side("Finland", None, ("interior minister",), "person")
    text = "said Finland would ask the coast guard to inspect the ferries"
    found = read_stance(text, RULES, TABLE, own=minister)
    assert found is not None and (found.stance, found.target) == ("for", "the coast guard to inspect the ferries")
    assert read_stance(text, RULES, TABLE) is None  # anyone else's report of what Finland would do
    assert own_side("Finland", None, ("farmer",), "person") == ()  # no office, no side to speak for
    spokesman = own_side("European Union", "European Union", ("spokesman",), "person")
    found = read_stance("said the bloc condemned the raid on the harbour", RULES, TABLE, own=spokesman)
    assert found is not None and (found.stance, found.target) == ("against", "the raid on the harbour")
    assert ("the", "government") not in spokesman  # some country's government, not the EU's


def test_article_reading_passes_the_speakers_own_side() -> None:
    from briefgen.extract.analyse import analyse_article
    from briefgen.records import Article

    text = (
        "Residents of the port met on Monday.\n\n"
        "The interior minister, Antti Koski, said Finland would urge the coast guard to inspect the ferries.\n"
    )
    quotes = {q.speaker: q for q in analyse_article(Article(path="x.txt", text=text, paragraphs=())).quotes}
    minister = quotes["Antti Koski"]
    assert (minister.stance, minister.target) == ("for", "the coast guard to inspect the ferries")


def test_a_second_fragment_is_read_for_its_own_words() -> None:
    from briefgen.extract.stance import fragment_start

    said = ("said it condemned the vandalism \u201cin the strongest terms\u201d and that the culprits "
            "\u201cmust pay\u201d")
    focus = fragment_start(said, "must pay", "partial")
    assert focus == said.index("must pay")
    found = read_stance(said, RULES, TABLE, focus=focus)
    assert found is not None and found.stance == "for" and "must pay" in found.target
    first = read_stance(said, RULES, TABLE)  # read as a whole, the first expression wins
    assert first is not None and (first.stance, first.target[:13]) == ("against", "the vandalism")
    assert fragment_start("said the club was \u201cvery sad\u201d", "very sad", "partial") == 0


def test_review_false_labels_stay_unlabelled() -> None:
    # each once read as a stance the speaker never took (a named other's condition, a harm that may be the
    # speaker's aim, a described welcome, a purpose that is no intent, a noun after the speaker's side)
    from briefgen.extract.stance import own_side

    minister = own_side("Norway", None, ("finance minister",), "person")
    for text, own in (
        ("said Kyiv would accept talks only if Russia withdrew its troops", ()),
        ("said the rebels would not return to the talks until the army left the valley", ()),
        ("said the new sanctions would cripple the war economy", ()),
        ("said foreign fighters are welcomed in the rebel camps", ()),
        ("said they would meet on Friday to discuss whether to reject the plan", ()),
        ("said it would cost billions to block the river", ()),
        ("said the government support package for farmers was too small", minister),
    ):
        assert read_stance(text, RULES, TABLE, own=own) is None, text


def test_opposition_and_union_offices_and_non_government_bodies_speak_for_no_government() -> None:
    from briefgen.extract.stance import own_side

    assert own_side("United Kingdom", None, ("opposition spokesman",), "person") == ()
    assert own_side("Sweden", None, ("union general secretary",), "person") == ()
    assert own_side("Sweden", None, (), "organisation", "Social Democratic Party") == ()
    assert own_side("Sweden", None, (), "organisation", "Ministry of Finance") != ()


def test_a_time_phrase_ends_no_target_and_a_denied_act_is_no_stance() -> None:
    for text, want in (
        ("welcomed the council's decision at the time", ("for", "the council's decision")),
        ("rejected the harbour plan on Monday", ("against", "the harbour plan")),
        ("criticised the fare rise last week", ("against", "the fare rise")),
        ("backed the time limit", ("for", "the time limit")),  # a time word inside the target stays
    ):
        found = read_stance(text, RULES, TABLE)
        assert found is not None and (found.stance, found.target) == want, text
    assert read_stance("denied targeting civilian buildings", RULES, TABLE) is None
    found = read_stance("denied any suggestion of involvement", RULES, TABLE)
    assert found is not None and found.stance == "against"


def test_every_label_names_the_construction_that_read_it() -> None:
    from briefgen.eval import StanceScores, stance_rule_rows
    from tests.extract_utils import analyse_text

    cases = {"criticised the board for the fares": "stance.verb.criticise",
             "called the new timetable a sham": "stance.evaluation.called",
             "said the ferry must run in winter": "stance.demand.strong",
             "said the council should stop charging for parking": "stance.demand.stop",
             "said she would not support the budget unless the toll was cut": "stance.condition"}
    for text, rule in cases.items():
        found = read_stance(text, RULES, TABLE)
        assert found is not None and found.rule == rule, (text, found)
    analysis = analyse_text("Mayor Ann Example rejected the board's plan to close the clinic without a vote.")
    reported = next(q for q in analysis.quotes if q.kind == "indirect")
    assert reported.stance_rule == "stance.verb.reject"
    held = analyse_text("Mayor Ann Example criticised the board for closing the clinic without a vote.").quotes[0]
    assert held.withheld == ("against", "the board for closing the clinic without a vote", "stance.verb.criticise")
    st = StanceScores(rules={"stance.verb": [4, 3, 1], "stance.demand.weak": [5, 5, 0]})
    assert stance_rule_rows(st) == [("stance.demand.weak", 5, 5, 1.0, 0), ("stance.verb", 4, 3, 0.75, 1)]
