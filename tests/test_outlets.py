"""Outlets of sources: bylines, wire names in brackets, credit lines, known-outlet list and file names."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.config import load_settings
from briefgen.corpus import read_corpus
from briefgen.corpus.metadata import outlet_in_file_name, outlet_of_byline, outlet_of_credit

BODY = "The port authority said on Monday that the harbour would reopen after the storm had passed."


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("(Bloomberg) -- The harbour will reopen next week, officials said.", "Bloomberg"),
        ("Tarvik (Estonia) (AFP) - The harbour will reopen next week, officials said.", "AFP"),
        ("Mara Lind · CBC News · Posted: Mar 3, 2026 6:12 PM PT | Last Updated: March 4, 2026", "CBC News"),
        ("KYODO NEWS - Mar 3, 2026 - 20:17 | World", "Kyodo News"),
        ("By Mara Lind, Reuters", "Reuters"),
        ("The Canadian Press", "The Canadian Press"),
        ("==Kyodo", "Kyodo News"),
    ],
)
def test_byline_lines_name_a_known_outlet(line: str, outlet: str) -> None:
    assert outlet_of_byline(line) == outlet


@pytest.mark.parametrize(
    "line",
    [
        "By Mara Lind, Sports News Correspondent",
        "By Mara Lind | Markets reporter",
        "Harbour notes | By Mara Lind",
        "With files from The Canadian Press",
        "Reuters, AP and AFP all reported that the harbour would reopen next week after the storm.",
        "Officials (Reuters) said nothing",
        "Tarvik (Estonia) - The harbour will reopen",
    ],
)
def test_lines_that_only_mention_an_outlet_name_none(line: str) -> None:
    assert outlet_of_byline(line) is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("© 2026 Harbour Ledger Newspapers Ltd. All rights reserved.", "Harbour Ledger"),
        ("Copyright 2026 Daily Lantern Newspapers. All rights reserved.", "Daily Lantern"),
        ("© Agence France-Presse", "AFP"),
        ("Yonhap News Agency. All rights reserved.", "Yonhap"),
        ("This report by The Canadian Press was first published March 3, 2026.", "The Canadian Press"),
        ("*Mara Lind is The Harbour Ledger's economics correspondent.*", "The Harbour Ledger"),
        ("Mara Lind is the Courier's political editor.", "The Courier"),
    ],
)
def test_credit_lines_name_the_outlet(line: str, outlet: str) -> None:
    assert outlet_of_credit(line) == outlet


@pytest.mark.parametrize(
    "line",
    [
        "Photograph: Mara Lind/Reuters",
        "(With information from EFE and Reuters)",
        "Mara Lind is an economist at the central bank.",
        "The minister said the copyright law would change.",
        "© 2026 Getty Images",
    ],
)
def test_other_credits_name_no_outlet(line: str) -> None:
    assert outlet_of_credit(line) is None


@pytest.mark.parametrize(
    ("path", "outlet"),
    [
        ("04_bbc.txt", "BBC"),
        ("news/guardian-harbour-storm.md", "The Guardian"),
        ("2026-03-03_aljazeera_port.html", "Al Jazeera"),
        ("2_ap.txt", "AP"),
        ("09_analysis.txt", None),
        ("harbour_reopens.txt", None),
        ("bbcfoo_harbour.txt", None),
        ("nikkei_falls_economist_warns.txt", None),
    ],
)
def test_a_file_name_word_names_a_known_outlet(path: str, outlet: str | None) -> None:
    assert outlet_in_file_name(path) == outlet


def test_outlets_reach_the_articles_with_text_before_file_name(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    files = {
        "a.txt": f"Harbour reopens after storm\n\nBy Mara Lind | Reuters\n\n{BODY} It was the first.\n",
        "b_bbc.txt": f"Harbour reopens after storm\n\n{BODY} It was the second.\n",
        "c_bbc.txt": f"Harbour reopens after storm\n\n{BODY} It was the third.\n\n© 2026 Harbour Ledger Ltd.\n",
        "d.txt": f"Harbour reopens after storm\n\n{BODY} It was the fourth.\n\nPhotograph: Mara Lind/Reuters\n",
    }
    for name, text in files.items():
        (tmp_path / "content" / name).write_text(text, encoding="utf-8")
    result = read_corpus(load_settings(project_dir=tmp_path))
    got = {a.path: a.outlet for a in result.articles}
    assert got == {"a.txt": "Reuters", "b_bbc.txt": "BBC", "c_bbc.txt": "Harbour Ledger", "d.txt": None}


def test_a_credit_line_dropped_mid_article_is_a_caption_not_the_outlet() -> None:
    from briefgen.corpus.boilerplate import Line
    from briefgen.corpus.metadata import outlet_of_lines
    from briefgen.records import Removed

    lines = [Line(1, BODY), Line(2, ""), Line(4, "The ferry will sail again on Friday, the port authority said.")]
    caption = Removed(3, "© Harbour Ledger Ltd.", "caption")
    assert outlet_of_lines(lines, [caption]) is None
    assert outlet_of_lines(lines, [Removed(6, "© Harbour Ledger Ltd.", "tail")]) == "Harbour Ledger"
