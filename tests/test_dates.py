"""Dates of sources: written forms through dateparser, URLs, datelines with and without a year."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.bibliography import complete_dates, title_from_text
from briefgen.build import make_sources
from briefgen.config import load_settings
from briefgen.corpus import read_corpus
from briefgen.corpus.metadata import complete_date, date_in_url, parse_date, parse_month_day
from briefgen.records import Article, Source


def articles(project: Path, files: dict[str, str]) -> dict[str, Article]:
    for name, text in files.items():
        (project / "content" / name).write_text(text, encoding="utf-8")
    result = read_corpus(load_settings(project_dir=project))
    assert not result.skipped, result.skipped
    return {a.path: a for a in result.articles}


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("Updated 3 hours ago, May 12, 2025", "2025-05-12"),
        ("13/02/2025", "2025-02-13"),
        ("02/13/2025", "2025-02-13"),
        ("Thursday 13 February 2025 10.43 GMT", "2025-02-13"),
        ("2025-02-13T10:00:00Z", "2025-02-13"),
        ("Feb. 13, 2025", "2025-02-13"),
    ],
)
def test_written_dates_parse_to_iso(written: str, iso: str) -> None:
    assert parse_date(written) == iso


@pytest.mark.parametrize("written", ["3 hours ago", "yesterday", "Thursday", "Feb 13", "31/02/2025", "no date"])
def test_relative_yearless_or_impossible_dates_are_not_full_dates(written: str) -> None:
    assert parse_date(written) is None


def test_yearless_dates_become_iso_month_day() -> None:
    assert (parse_month_day("Feb 13"), parse_month_day("13 February")) == ("--02-13", "--02-13")
    assert parse_month_day("Feb 13, 2025") is None  # has a year: a full date, not a partial one
    assert parse_month_day("yesterday") is None


def test_year_is_the_one_nearest_the_known_dates_and_never_far_from_them() -> None:
    assert complete_date("--02-13", ["2025-01-20"]) == "2025-02-13"
    assert complete_date("--12-30", ["2025-01-02"]) == "2024-12-30"
    assert complete_date("--02-29", ["2025-01-20"]) is None  # no leap year within half a year
    assert complete_date("--02-13", []) is None


def test_url_path_dates() -> None:
    assert date_in_url("https://news.example.org/world/2025/02/13/envoys-meet-1234") == "2025-02-13"
    assert date_in_url("https://news.example.org/envoys-meet-20250214.html") == "2025-02-14"
    assert date_in_url("https://news.example.org/a-71594447") is None


def test_wire_dateline_without_year_takes_the_year_of_the_articles_other_dates(project: Path) -> None:
    got = articles(project, {
        "a.txt": "OSLO, Feb 13 (Reuters) - Envoys from four countries met on Thursday to discuss the fishing "
                 "dispute.\n\nThe last round of talks, on January 28, 2025, ended without a deal.\n",
    })["a.txt"]
    assert (got.published, got.month_day, got.outlet) == ("2025-02-13", "--02-13", "Reuters")
    assert got.date_basis == "dateline, year from the article"


def test_wire_dateline_without_any_year_stays_without_one(project: Path) -> None:
    got = articles(project, {
        "a.txt": "LIMA, Mar 4 (AFP) - The copper miners' union called a strike on Tuesday.\n\n"
                 "The union said the strike would last a week.\n",
    })["a.txt"]
    assert (got.published, got.month_day) == (None, "--03-04")
    [source] = make_sources([got])
    assert (source.published, source.day) == (None, "4 Mar")


def test_dateline_year_can_come_from_the_corpus(project: Path) -> None:
    got = articles(project, {
        "a.txt": "LIMA, Mar 4 (AFP) - The copper miners' union called a strike on Tuesday.\n\n"
                 "The union said the strike would last a week.\n",
        "b.md": "---\npublished: 2024-03-05\n---\nThe mining ministry said talks with the union would resume.\n",
    })
    sources = {s.path: s for s in make_sources(list(got.values()))}
    assert (sources["a.txt"].published, sources["a.txt"].date_basis) == ("2024-03-04", "dateline, year from the corpus")
    assert sources["a.txt"].day == "4 Mar 2024"


def test_header_line_with_relative_and_absolute_date(project: Path) -> None:
    got = articles(project, {
        "a.txt": "Published: Updated 3 hours ago, May 12, 2025\n\nThe harbour authority said ferries would run.\n",
        "b.txt": "Date: 13/02/2025\n\nThe harbour authority said ferries would stop.\n",
    })
    assert (got["a.txt"].published, got["b.txt"].published) == ("2025-05-12", "2025-02-13")
    assert got["a.txt"].date_basis == "metadata"


def test_url_line_dates_an_undated_article(project: Path) -> None:
    got = articles(project, {
        "a.txt": "The harbour authority said ferries would run.\n"
                 "Source: https://news.example.org/2025/06/01/ferries\n",
    })["a.txt"]
    assert (got.published, got.date_basis) == ("2025-06-01", "url")


def test_untitled_article_is_titled_by_its_first_sentence_not_its_file_name(project: Path) -> None:
    got = articles(project, {
        "004_3cf2.txt": "VALLETTA — The harbour authority of the island said on Monday that all ferries to the "
                        "mainland would stop running. Ferries resumed later.\n",
    })
    [source] = make_sources(list(got.values()))
    assert source.title == "The harbour authority of the island said on Monday that all ferries …"
    assert source.title_from_text
    assert "004" not in source.title


def test_short_first_sentence_is_the_whole_title() -> None:
    assert title_from_text("Mr. Okafor resigned on Friday. He gave no reason.") == "Mr. Okafor resigned on Friday"


def test_a_long_run_of_abbreviations_is_read_in_linear_time() -> None:
    # every full stop here follows an initial, so the first sentence never ends: looking back over the whole
    # unfinished sentence at each stop took 27 s for 100 KB; a bounded look takes milliseconds
    import time

    text = "Officials of the U.S. Said " * 20_000
    t0 = time.perf_counter()
    title = title_from_text(text)
    assert time.perf_counter() - t0 < 5
    assert title == "Officials of the U.S. Said Officials of the U.S. Said Officials …"  # 12 words, weak end cut


def test_complete_dates_leaves_full_dates_alone() -> None:
    a = Source("s-1", "a.txt", "a", "A", None, None, "2025-02-13", 10)
    b = Source("s-2", "b.txt", "b", "B", None, None, None, 10, month_day="--02-14")
    assert [s.published for s in complete_dates([a, b])] == ["2025-02-13", "2025-02-14"]


def test_plain_written_dates_skip_dateparser_and_read_as_dateparser_reads_them() -> None:
    from briefgen.corpus.metadata import _absolute, _plain

    texts = ["13 February 2025", "Feb. 13, 2025", "February 3 2025", "1 Sept 2024", "Dec 31, 2023",
             "29 Feb 2024", "5 MAY 2025"]
    for text in texts:
        date = _absolute(text, ("day", "month", "year"))
        assert _plain(text) == (date.isoformat() if date else None), text
    assert _plain("31 February 2025") is None and _plain("13 Brumaire 2025") is None
    assert _plain("Updated 3 hours ago, May 12, 2025") is None  # left to dateparser's search


def test_a_title_case_dateline_counts_only_with_a_wire_after_it(project: Path) -> None:
    got = articles(project, {
        "a.txt": "Lima, March 4 (AFP) - The copper miners' union called a strike on Tuesday.\n\n"
                 "The union said the strike would last a week.\n",
        "b.txt": "Officials (who) - asked not to be named - said the strike would last a week at most.\n\n"
                 "The union called it on Tuesday.\n",
    })
    assert (got["a.txt"].outlet, got["a.txt"].month_day) == ("AFP", "--03-04")
    assert (got["b.txt"].outlet, got["b.txt"].month_day) == (None, None)
    assert title_from_text(got["a.txt"].text) == "The copper miners' union called a strike on Tuesday"


def test_a_date_line_is_mostly_a_date() -> None:
    from briefgen.corpus.metadata import date_line

    assert date_line("Thursday 3 December 2026") == "2026-12-03"
    assert date_line("By Jo Lin | 2 December 2026") == "2026-12-02"
    assert date_line("Tarvik, 3 December 2026") == "2026-12-03"
    assert date_line("Last updated: 30.11.2026, 21:10 EET") == "2026-11-30"
    assert date_line("Press release, 18 August 2025") == "2025-08-18"
    assert date_line("Published Mar 3, 2026 - Last updated 2 hours ago") == "2026-03-03"
    assert date_line("Harbour Herald live — Friday, 20 November 2026") == "2026-11-20"  # a short masthead, a dash
    # near misses: a caption or standfirst holding a past date is no date line
    assert date_line("Photo: the flooded main street of Tarvik on 1 March 2020") is None
    assert date_line("Photo: the flooded main street of Tarvik — 1 March 2020") is None  # no masthead: a caption
    assert date_line("Residents returned home on 1 March 2020") is None
