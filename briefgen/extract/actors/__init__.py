"""Actor mentions found by rules (names, roles, honorifics, places, organisations), merged per article.

The stages, one module each: ``mentions`` scans capitalised runs and "the <word>" references; ``names`` reads
a run's words (gazetteers, titles, name words); ``context`` reads the roles and places around a name;
``coref`` resolves surnames, role references and short forms to actors; ``countries`` gives actors the
article's home country or a possessor's. ``words`` holds the word classes they share.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.extract.actors.coref import resolve
from briefgen.extract.actors.countries import (
    _dateline_country,
    _home_country,
    _section_countries,
    _with_home_country,
    _with_possessor_country,
)
from briefgen.extract.actors.mentions import find_mentions
from briefgen.extract.actors.words import ArticleActors, Found, name_key
from briefgen.extract.lexicon import lexicon


def local_actors_of(text: str, paragraphs: Sequence[tuple[int, int]]) -> ArticleActors:
    """The actors of one article's text."""
    found = find_mentions(text, paragraphs)
    lex = lexicon()
    home, mentioned = _home_country(found, lex, _dateline_country(text, paragraphs, lex))
    # a pronoun's possessor first ("Its irrigation minister, X" follows "Sudan ..."), then the home country,
    # then possessors again for people whose country came from home
    actors = _with_possessor_country(resolve(found, paragraphs, text), text)
    actors = _with_home_country(actors, home, mentioned, _section_countries(text, paragraphs, lex))
    return _with_possessor_country(actors, text)


__all__ = ["ArticleActors", "Found", "find_mentions", "local_actors_of", "name_key", "resolve"]
