"""Generalisation gate: extraction scored on the held-out articles the rules were not written against.

The articles and gold annotations live in ``tests/heldout`` (see its README for how they were made). The
floors sit a little below the measured scores, so a rule change that only helps the sample corpus but
breaks unseen styles (single/guillemet/German marks, Mr./Ms., titles after names, live blogs, Q&A)
fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.build import extract
from briefgen.config import load_settings
from briefgen.eval import EvalResult, evaluate, load_gold

REPO = Path(__file__).resolve().parents[1]
HELDOUT = REPO / "tests" / "heldout"


@pytest.fixture(scope="module")
def heldout() -> EvalResult:
    """The extraction of the held-out articles, scored against their gold annotations."""
    settings = load_settings(project_dir=REPO, content_dir=HELDOUT / "articles", quiet=True)
    briefing, _, _ = extract(settings)
    return evaluate(briefing, load_gold(HELDOUT / "gold"))


def test_heldout_set_is_complete() -> None:
    articles = {p.stem for p in (HELDOUT / "articles").glob("*.txt")}
    gold = {p.stem for p in (HELDOUT / "gold").glob("*.yaml")}
    assert len(articles) >= 20
    assert articles == gold


def test_heldout_quotes_are_found_without_inventing_scare_quotes(heldout: EvalResult) -> None:
    t = heldout.total
    assert t.recall >= 0.97, t.misses
    assert t.precision >= 0.97, t.false_pos


def test_heldout_quotes_get_the_right_speaker(heldout: EvalResult) -> None:
    assert heldout.total.speaker_accuracy >= 0.95, heldout.total.wrong_speaker


def test_heldout_statements_are_attributed(heldout: EvalResult) -> None:
    assert heldout.total.statement_recall >= 0.90, heldout.total.misses
    assert heldout.total.statement_precision >= 0.65, heldout.total.false_pos


def test_heldout_speaking_actors_are_found_once_with_their_country(heldout: EvalResult) -> None:
    a = heldout.actors
    assert a.recall >= 0.95, (a.missing, a.duplicates)
    assert a.country_accuracy >= 0.90, a.country_wrong
    assert a.precision >= 0.92, a.not_gold
    assert not a.duplicates


# Batches D and E (``tests/heldout/batch_d``, ``batch_e``) were each written and scored before the rules were
# tuned on them (README: "Batch D (unseen)", "Batch E (unseen)": the honest measure of unseen text is
# there); the floors sit a little under the scores after the fixes and guard them.
LATER_FLOORS: dict[str, dict[str, float]] = {
    "batch_d": {
        "precision": 0.97, "recall": 0.97, "speaker": 0.90, "statement_recall": 0.92, "statement_precision": 0.90,
        "actor_recall": 0.95, "country": 0.88, "actor_precision": 0.95,
    },
    "batch_e": {
        "precision": 0.97, "recall": 0.97, "speaker": 0.87, "statement_recall": 0.82, "statement_precision": 0.94,
        "actor_recall": 0.89, "country": 0.78, "actor_precision": 0.94,
    },
    "batch_f": {
        "precision": 0.96, "recall": 0.97, "speaker": 0.90, "statement_recall": 0.85, "statement_precision": 0.72,
        "actor_recall": 0.92, "country": 0.78, "actor_precision": 0.85,
    },
    "batch_h": {  # scored unseen first (see tests/heldout/README.md), then one fix round
        "precision": 0.94, "recall": 0.96, "speaker": 0.85, "statement_recall": 0.78, "statement_precision": 0.78,
        "actor_recall": 0.90, "country": 0.84, "actor_precision": 0.80,
    },
    "batch_i": {  # scored unseen first (see tests/heldout/README.md), then a short fix round
        "precision": 0.91, "recall": 0.95, "speaker": 0.80, "statement_recall": 0.73, "statement_precision": 0.84,
        "actor_recall": 0.89, "country": 0.88, "actor_precision": 0.86,
    },
    "batch_l": {  # scored blind in session 9 (tests/heldout/README.md), developed against in session 10
        "precision": 0.96, "recall": 0.98, "speaker": 0.88, "statement_recall": 0.82, "statement_precision": 0.90,
        "actor_recall": 0.88, "country": 0.60, "actor_precision": 0.88,
    },
    "batch_m": {  # scored blind in session 9 (tests/heldout/README.md), developed against in session 10
        "precision": 0.95, "recall": 0.98, "speaker": 0.85, "statement_recall": 0.83, "statement_precision": 0.89,
        "actor_recall": 0.85, "country": 0.66, "actor_precision": 0.92,
    },
    "batch_g": {  # scored unseen first (see tests/heldout/README.md), then one fix round
        "precision": 0.93, "recall": 0.94, "speaker": 0.84, "statement_recall": 0.81, "statement_precision": 0.73,
        "actor_recall": 0.89, "country": 0.62, "actor_precision": 0.88,
    },
}


@pytest.mark.parametrize("batch", sorted(LATER_FLOORS))
def test_later_heldout_batches_stay_above_their_floors(batch: str) -> None:
    folder = HELDOUT / batch
    settings = load_settings(project_dir=REPO, content_dir=folder / "articles", quiet=True)
    briefing, _, _ = extract(settings)
    result = evaluate(briefing, load_gold(folder / "gold"))
    t, a = result.total, result.actors
    scores = {
        "precision": t.precision, "recall": t.recall, "speaker": t.speaker_accuracy,
        "statement_recall": t.statement_recall, "statement_precision": t.statement_precision,
        "actor_recall": a.recall, "country": a.country_accuracy, "actor_precision": a.precision,
    }
    below = {k: round(v, 3) for k, v in scores.items() if v < LATER_FLOORS[batch][k]}
    assert below == {}, (below, t.wrong_speaker[:5], t.misses[:5], a.country_wrong[:5])
    assert not a.duplicates, a.duplicates
