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
    assert st.shown and st.precision >= 0.9 and st.recall >= 0.5, (st.wrong, st.missed)
    assert st.reported and st.verb_rate >= 0.95, st.no_verb
    cl = evaluate_claims(briefing, gold, load_claim_gold(annotation))
    assert cl.predicted and cl.precision >= 0.8, cl.wrong
