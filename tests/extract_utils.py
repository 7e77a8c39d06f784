"""Helpers for extraction tests: build an Article from text and analyse it."""

from __future__ import annotations

from briefgen.extract.analyse import analyse_article
from briefgen.records import Analysis, Article, LocalActor, LocalQuote, Paragraph


def article(text: str, path: str = "t.txt") -> Article:
    """An Article whose paragraphs are the blank-line separated blocks of text."""
    paragraphs = []
    offset = 0
    for i, block in enumerate(text.split("\n\n")):
        paragraphs.append(Paragraph(i + 1, offset, offset + len(block)))
        offset += len(block) + 2
    return Article(path=path, text=text, paragraphs=tuple(paragraphs))


def analyse_text(text: str, path: str = "t.txt") -> Analysis:
    """Analyse a text as one article."""
    return analyse_article(article(text, path))


def speaker_name(analysis: Analysis, quote: LocalQuote) -> str | None:
    """The local actor name of a quote's speaker."""
    actors = {a.key: a for a in analysis.actors}
    return actors[quote.speaker].name if quote.speaker in actors else None


def actor(analysis: Analysis, name: str) -> LocalActor:
    """The local actor with this name (fails the test when missing)."""
    found = [a for a in analysis.actors if a.name == name]
    assert found, f"no actor {name!r} in {[a.name for a in analysis.actors]}"
    return found[0]


def marked(analysis: Analysis) -> list[LocalQuote]:
    """Quotes in marks (direct and partial)."""
    return [q for q in analysis.quotes if q.kind != "indirect"]
