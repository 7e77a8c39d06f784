"""The per-article map: Article -> Analysis. Pure, so it can be cached and run in parallel."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from briefgen.extract.actors import local_actors
from briefgen.extract.quotes import find_quotes
from briefgen.records import Analysis, Article


def analyse_doc(doc: Doc, article: Article) -> Analysis:
    """Actors and quotes of one article, from its parsed Doc."""
    actors, mentions = local_actors(doc)
    quotes = tuple(find_quotes(doc, article, mentions))
    return Analysis(article=article, actors=actors, quotes=quotes)


def analyse(nlp: Language, article: Article) -> Analysis:
    """Analyse one article."""
    return analyse_doc(nlp(article.text), article)


def analyse_many(nlp: Language, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Analysis]:
    """Analyse articles in order, streaming: no more than one batch of Docs is held at once."""
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield analyse_doc(doc, article)
