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
