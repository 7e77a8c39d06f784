"""The per-article map: Article -> Analysis. Pure, so it can be cached and run in parallel."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from briefgen.extract.actors import local_actors_of
from briefgen.extract.quotes import find_quotes
from briefgen.records import Analysis, Article


def analyse_article(article: Article) -> Analysis:
    """Actors and quotes of one article, from its text and paragraph spans."""
    spans = [(p.start, p.end) for p in article.paragraphs] or [(0, len(article.text))]
    numbered = [(p.number, p.start, p.end) for p in article.paragraphs] or [(1, 0, len(article.text))]
    actors = local_actors_of(article.text, spans)
    quotes = tuple(find_quotes(article.text, numbered, actors))
    return Analysis(article=article, actors=actors.actors, quotes=quotes)


def analyse_doc(doc: Doc, article: Article) -> Analysis:
    """Actors and quotes of one article (the rules work on the text; the Doc is kept for the contract)."""
    del doc
    return analyse_article(article)


def analyse(nlp: Language, article: Article) -> Analysis:
    """Analyse one article."""
    return analyse_doc(nlp.make_doc(article.text), article)


def analyse_many(nlp: Language, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Analysis]:
    """Analyse articles in order, streaming."""
    del nlp, batch_size
    for article in articles:
        yield analyse_article(article)
