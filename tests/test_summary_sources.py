"""Sources cited like a bibliography: a date line at an article's top, a newspaper's masthead, a page title's site
name and front matter's 'date:' and 'source:' give the date and outlet the summary cites."""

from __future__ import annotations

from pathlib import Path

from briefgen.corpus.boilerplate import Line
from briefgen.corpus.formats import read_md, title_site
from briefgen.corpus.metadata import date_line, masthead, take_title


def _lines(*texts: str) -> list[Line]:
    return [Line(i + 1, t) for i, t in enumerate(texts)]


def test_a_short_line_at_the_top_with_a_full_date_is_the_date_line() -> None:
    assert date_line("Thursday 3 December 2026") == "2026-12-03"
    assert date_line("By Ana Pop | 2 December 2026") == "2026-12-02"
    assert date_line("Last updated: 30.11.2026, 21:10 EET") == "2026-11-30"
    assert date_line("Tarvik | Thursday, 3rd December, 2026") == "2026-12-03"
    # near misses: a sentence; no year; a long line
    assert date_line("The council met on 3 December 2026.") is None
    assert date_line("Updated 14:20 GMT") is None
    assert date_line("Ministers who met in Tarvik on 3 December 2026 agreed to lift the harbour fees for boats") is None


def test_a_masthead_over_a_date_line_names_the_newspaper_and_the_headline_is_the_title() -> None:
    lines = _lines("THE HARBOUR WEEKLY", "Tarvik | Thursday, 3rd December, 2026", "Fishermen fear higher harbour fees",
                   "By Ana Pop", "Fishermen in Tarvik say the new harbour fees will force them to sell their boats.")
    assert masthead(lines) == "The Harbour Weekly"
    kept, title = take_title(lines)
    assert title == "Fishermen fear higher harbour fees" and kept[0].text == "THE HARBOUR WEEKLY"
    assert masthead(_lines("GAZETA PORTULUI – English edition", "Tuesday, December 1, 2026", "Fees doubled")) == (
        "Gazeta Portului")
    # near misses: a headline in capitals over a date line and the first sentence; no date line; a wire dateline
    assert masthead(_lines("HARBOUR FEES DOUBLED", "Thursday 3 December 2026", "Fishermen will sell boats.")) is None
    assert masthead(_lines("HARBOUR FEES DOUBLED", "Fishermen in Tarvik say they will sell their boats.", "x")) is None
    assert masthead(_lines("TARVIK, Dec 3 (Reuters) - Fees rose.", "Thursday 3 December 2026", "Fees")) is None


def test_a_page_title_ending_with_a_site_name_names_the_outlet() -> None:
    page = "<html><head><title>Port reopens after the attack | Harbour Times</title></head></html>"
    assert title_site(page) == "Harbour Times"
    assert title_site("<title>Port reopens after the attack &#8211; EastEuro Monitor</title>") == "EastEuro Monitor"
    # near misses: a lower-case part, one word, no separator
    assert title_site("<title>Port reopens after the attack | live updates</title>") is None
    assert title_site("<title>Port reopens after the attack | Live</title>") is None
    assert title_site("<title>Port reopens after the attack</title>") is None


def test_front_matter_date_and_source_are_the_date_and_outlet(tmp_path: Path) -> None:
    text = '---\ntitle: "Fees doubled"\ndate: "2026-12-05"\nsource: "Harbour Freight Review"\n---\n\nFees doubled.\n'
    draft = read_md(text.encode(), "a.md")
    assert not isinstance(draft, str) and hasattr(draft, "meta")
    assert draft.meta["published"] == "2026-12-05" and draft.meta["outlet"] == "Harbour Freight Review"
    linked = read_md(b'---\nsource: "https://example.org/fees"\n---\n\nFees doubled.\n', "b.md")
    assert hasattr(linked, "meta") and "outlet" not in linked.meta and linked.meta["url"] == "https://example.org/fees"
