"""The rule that picks the shown stance constructions, and its leave-one-set-out estimate (benchmarks/stance_loo)."""

from __future__ import annotations

import pytest

import benchmarks.stance_loo as loo
from benchmarks.stance_loo import choose, leave_one_out, parents, score

MIN_LABELS = 6


@pytest.fixture(autouse=True)
def _strict_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule with a back-off: 0.90 of >= 6 labels from >= 2 sets (the chosen setting needs no back-off)."""
    monkeypatch.setattr(loo, "PRECISION", 0.9)
    monkeypatch.setattr(loo, "MIN_LABELS", MIN_LABELS)
    monkeypatch.setattr(loo, "MIN_SETS", 2)


def _set(labels: list[tuple[str, bool]], caught: list[list[str]]) -> dict[str, list[object]]:
    return {"labels": [[r, ok] for r, ok in labels], "caught_by": [list(c) for c in caught]}


def test_a_construction_is_shown_by_its_own_labels_or_else_by_its_class() -> None:
    assert parents("stance.verb.call.coordinated") == [
        "stance.verb.call.coordinated", "stance.verb.call", "stance.verb"]
    half = MIN_LABELS // 2
    pool = {
        "a": _set([("stance.verb.call", True)] * half + [("stance.verb.call.coordinated", False)], []),
        "b": _set([("stance.verb.call", True)] * half + [("stance.verb.reject", True)], []),
    }
    shown = choose(pool)
    assert "stance.verb.call" in shown  # its own labels: enough, from two sets, all right
    assert "stance.verb.call.coordinated" not in shown  # too few: judged by its class, where one of 7 is wrong
    assert "stance.verb.reject" not in shown  # one label from one set, and its class has no more


def test_leave_one_out_scores_each_set_with_a_list_chosen_without_it() -> None:
    right = [("stance.verb.call", True)] * MIN_LABELS
    sets = {
        "a": _set(right, [["stance.verb.call"], []]),
        "b": _set(right, [["stance.verb.call"]]),
        "c": _set([("stance.verb.call", False)] * MIN_LABELS, [[]]),
    }
    rows = {name: rest for name, *rest in leave_one_out(sets)}
    assert rows["c"] == [MIN_LABELS, 0, 0, 1]  # chosen from a and b (all right), wrong on c
    assert rows["a"] == [0, 0, 0, 2]  # from b and c: half wrong, not shown
    assert rows["ALL"] == [sum(r[i] for n, r in rows.items() if n != "ALL") for i in range(4)]
    assert score(sets["a"], {"stance.verb.call"}) == (MIN_LABELS, MIN_LABELS, 1, 2)
