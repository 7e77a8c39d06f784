"""Attribution mended after review (invented sentences): a name qualifying a nameless source after "according
to" is not the source; "D-Day." is no party tag."""

from __future__ import annotations

import pytest

from tests.extract_utils import analyse_text, speaker_name


def said(text: str) -> list[tuple[str, str | None]]:
    a = analyse_text(text)
    return [(q.text, speaker_name(a, q)) for q in a.quotes]


@pytest.mark.parametrize("text", [
    "The plan failed, according to a former Anna Weber aide.",
    "According to a longtime Tom Brown ally, the talks failed because of the port fees.",
    "The deal collapsed, according to Tom Brown campaign staff.",
])
def test_a_name_that_qualifies_a_nameless_source_is_not_the_source(text: str) -> None:
    assert all(who is None for _, who in said(text))


def test_according_to_a_named_person_still_names_them() -> None:
    assert said("The talks failed, according to Tom Brown.") == [("The talks failed", "Tom Brown")]


def test_d_day_is_no_party_tag_and_the_next_statement_stays() -> None:
    found = said("“Hold the line” was the order on D-Day. Tom Brown said the letter was forged.")
    assert ("the letter was forged", "Tom Brown") in found
