"""An empty corpus is reported (and fails --strict); counts read "1 article", never "1 articles"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefgen.plural import plural
from tests.conftest import ARTICLE, run_cli


def test_empty_content_builds_with_a_warning_and_fails_strict(project: Path) -> None:
    code, output = run_cli(["build", "--jobs", "1"], project)
    assert code == 0, output
    assert "no articles found in content/ (the folder is empty)" in output
    assert (project / "site" / "index.html").is_file()
    code, output = run_cli(["build", "--jobs", "1", "--strict"], project)
    assert code == 1, output


def test_content_where_every_file_is_skipped_is_reported(project: Path) -> None:
    (project / "content" / "empty.txt").write_text("", "utf-8")
    (project / "content" / "scan.pdf").write_bytes(b"%PDF-1.4")
    code, output = run_cli(["build", "--jobs", "1", "--strict"], project)
    assert code == 1, output
    assert "no articles found in content/ (1 file skipped, 1 file of other types ignored)" in output
    code, output = run_cli(["check"], project)
    assert "no articles found in content/" in output
    assert "0 articles, 1 skipped" in output


@pytest.mark.parametrize(
    ("count", "word", "many", "text"),
    [(1, "article", None, "1 article"), (0, "article", None, "0 articles"), (2, "country", None, "2 countries"),
     (1, "quote or statement", "quotes and statements", "1 quote or statement"),
     (3, "quote or statement", "quotes and statements", "3 quotes and statements")],
)
def test_plural(count: int, word: str, many: str | None, text: str) -> None:
    assert plural(count, word, many) == text


# "1 articles", "1 quotes and statements", "1 words", "1 speakers", ...
ONE_PLURAL = re.compile(r"(?<![\d.,])1 (?:articles|quotes|words|speakers|topics|outlets|statements|countries|warnings|"
                        r"files|paragraphs|errors)\b")


def test_one_article_with_one_quote_reads_in_the_singular(project: Path) -> None:
    (project / "content" / "oslo.txt").write_text(ARTICLE, "utf-8")
    code, output = run_cli(["build", "--jobs", "1"], project)
    assert code == 0, output
    docs = project / "build" / "docs"
    pages = {p.relative_to(docs).as_posix(): p.read_text("utf-8") for p in docs.rglob("*.md")}
    assert "**1 article**" in pages["index.md"]
    assert "**1 quote or statement**" in pages["index.md"]
    bad = {name: ONE_PLURAL.findall(text) for name, text in pages.items() if ONE_PLURAL.search(text)}
    assert bad == {}
    code, output = run_cli(["check"], project)
    assert "1 article, 0 skipped" in output and not ONE_PLURAL.search(output)


SECOND = (
    "Fishing ministers from Iceland and Denmark joined the talks on Wednesday.\n\n"
    '"The quota must fall by a third," said Olafur Jonsson, Iceland\'s fisheries minister.\n'
)


def test_whats_new_lists_as_speakers_only_actors_who_said_something(project: Path) -> None:
    (project / "content" / "oslo.txt").write_text(ARTICLE, "utf-8")
    assert run_cli(["build", "--jobs", "1", "-q"], project)[0] == 0
    (project / "content" / "reykjavik.txt").write_text(SECOND, "utf-8")
    code, output = run_cli(["build", "--jobs", "1", "-q"], project)
    assert code == 0, output
    data = (project / "site" / "briefing.json").read_text("utf-8")
    assert '"name": "Denmark"' in data  # a new actor, named only
    page = (project / "build" / "docs" / "whats-new.md").read_text("utf-8")
    speakers = page.split("## New speakers", 1)[1].split("\n## ", 1)[0]
    assert "Olafur Jonsson" in speakers
    assert "Denmark" not in speakers
