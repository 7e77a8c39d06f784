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
    _ambiguous_aliases,
    _dateline_country,
    _home_country,
    _section_countries,
    _with_home_country,
    _with_possessor_country,
)
from briefgen.extract.actors.country_context import story_scope, with_context_countries
from briefgen.extract.actors.mentions import find_mentions
from briefgen.extract.actors.words import ArticleActors, Found, name_key
from briefgen.extract.lexicon import lexicon


def local_actors_of(text: str, paragraphs: Sequence[tuple[int, int]]) -> ArticleActors:
    """The actors of one article's text."""
    found = find_mentions(text, paragraphs)
    lex = lexicon()
    dateline = _dateline_country(text, paragraphs, lex)
    home, mentioned = _home_country(found, lex, dateline)
    # a pronoun's possessor first ("Its irrigation minister, X" follows "Sudan ..."), then the home country,
    # then possessors again for people whose country came from home
    scope = story_scope(found, lex, home, _ambiguous_aliases(), dateline)
    actors = _with_possessor_country(resolve(found, paragraphs, text), text)
    # what the words around a name say (appositions, titles, offices) before the article's home country
    actors, no_home = with_context_countries(actors, text, scope)
    actors = _with_home_country(actors, home, mentioned, _section_countries(text, paragraphs, lex), scope, no_home)
    return _with_possessor_country(actors, text)


__all__ = ["ArticleActors", "Found", "find_mentions", "local_actors_of", "name_key", "resolve"]
