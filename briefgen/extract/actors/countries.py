"""An article's home country, round-up sections and possessors, given to actors with no stated country."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from briefgen.extract.actors.country_context import Scope, federal_country
from briefgen.extract.actors.words import _CACHE, ArticleActors, Found, _country_of, _national_words, body_of_roles
from briefgen.extract.lexicon import (
    Lexicon,
    lexicon,
    load_data,
)
from briefgen.records import LocalActor


@lru_cache(maxsize=1)
def _ambiguous_aliases() -> frozenset[str]:
    """Institution aliases that other countries' bodies share ("Congress")."""
    entries = load_data("places.yml").get("institutions") or ()
    return frozenset(str(a) for e in entries for a in e.get("ambiguous") or ())


_DATELINE = re.compile(r"([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ’'.-]+(?: [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ’'.-]+){0,2})(?=\s*(?:[,(:—–-]|$))")


def _dateline_country(text: str, paragraphs: Sequence[tuple[int, int]], lex: Lexicon) -> str | None:
    """The country of an all-caps dateline city ("LIMA, May 3 -", "NEW DELHI") in the first paragraphs."""
    for p_start, p_end in paragraphs[:4]:
        m = _DATELINE.match(text, p_start, p_end)
        if m is not None:
            city = m.group(1).title()
            country = lex.capitals.get(city) or _country_of(city if city in lex.places else None, lex)
            if country in lex.country_iso:
                return country
    return None


def _section_countries(text: str, paragraphs: Sequence[tuple[int, int]], lex: Lexicon) -> list[tuple[int, str]]:
    """Where each country section of a round-up starts: paragraphs that open with an all-caps country
    header or dateline city ("KENYA", "LIMA —"); empty unless there are two countries or more."""
    out: list[tuple[int, str]] = []
    for p_start, p_end in paragraphs:
        m = _DATELINE.match(text, p_start, p_end)
        if m is None:
            continue
        city = m.group(1).title()
        country = lex.capitals.get(city) or _country_of(city if city in lex.places else None, lex)
        if country in lex.country_iso and (not out or out[-1][1] != country):
            out.append((p_start, country))
    return out if len({c for _, c in out}) > 1 else []


def _home_country(found: Sequence[Found], lex: Lexicon, dateline: str | None = None) -> tuple[str | None, set[str]]:
    """The country an article mentions most (countries, capitals, national institutions; an ambiguous
    institution alias does not count, the dateline city does), and every country value its mentions carry.

    A dateline city whose country the text also names is the home country ("TOKYO - Japan lodged ...": an
    unqualified "Prime Minister X" in that story is Japan's even when China is named more often); a
    dateline whose country the text never names (a story filed in Brussels or Geneva about somewhere
    else) is one mention, not a verdict."""
    counts: dict[str, int] = {dateline: 1} if dateline else {}
    mentioned: set[str] = set()
    iso = lex.country_iso
    ambiguous = _ambiguous_aliases()
    for f in found:
        country = f.country
        if country:
            mentioned.add(country)
            if (f.kind == "country" or f.kind == "organisation") and country in iso and f.text not in ambiguous:
                counts[country] = counts.get(country, 0) + 1
    if not counts:
        return None, mentioned
    if dateline and counts[dateline] > 1:
        return dateline, mentioned
    best = max(counts.values())
    return next(c for c, n in counts.items() if n == best), mentioned  # ties: the first mentioned


def _with_home_country(
    actors: ArticleActors,
    home: str | None,
    mentioned: set[str],
    sections: Sequence[tuple[int, str]] = (),
    scope: Scope | None = None,
    no_home: frozenset[str] = frozenset(),
) -> ArticleActors:
    """National office holders and public bodies with no stated country belong to the home country (in a
    round-up, the country of the section they first appear in); a body's office holders ("Competition
    Commissioner X") to that body when the article names it; a "Federal ..." body to a federal country the
    article names; ``no_home``: names whose own words name another country keep none."""
    roles, bodies = _national_words()
    out = []
    changed = False
    first: dict[str, int] = {}
    if sections:
        for m in actors.mentions:
            first.setdefault(m.name, m.start)
    article_home = home
    for a in actors.actors:
        home = article_home
        at = first.get(a.name)
        if at is not None:
            home = next((c for s, c in reversed(sections) if s <= at), article_home)
        national = False
        if a.name in no_home:
            out.append(a)
            continue
        if a.country is None and a.kind == "organisation" and "Federal" in a.name.split() and scope is not None:
            federal = federal_country(scope) if not sections else None
            if federal is not None:
                out.append(_with_country(a, federal))
                changed = True
            else:
                out.append(a)
            continue
        if a.country is None and a.kind == "person":
            words = _role_words(a.roles)
            body = body_of_roles(a.roles, mentioned)
            if body is not None:
                out.append(_with_country(a, body))
                changed = True
                continue
            national = home is not None and not roles.isdisjoint(words) and "general" not in words
        elif a.country is None and a.kind == "organisation":
            national = home is not None and not bodies.isdisjoint(a.name.split())
        if national:
            a = _with_country(a, home)
            changed = True
        out.append(a)
    return ArticleActors(tuple(out), actors.mentions, actors.genders, actors.unresolved) if changed else actors


def _with_country(a: LocalActor, country: str | None) -> LocalActor:
    return replace(a, country=country)


@lru_cache(maxsize=_CACHE)
def _role_words(roles: tuple[str, ...]) -> tuple[str, ...]:
    """The words of an actor's roles, in the order of the set the rules iterate."""
    return tuple({w for r in roles for w in r.lower().replace("-", " ").split()})


_PRONOUN_ROLE = re.compile(r"(?:^|(?<=\s))(His|Her|Its|his|her|its) [a-z][a-z’' -]{2,60}, $")


_DEMONYM_COUNTERPART = re.compile(r"\b([A-Z][a-z]+) counterpart, (?:[A-Z][\w-]* ){0,4}$")


def _sentence_subject_body(text: str, at: int, bodies: list[tuple[int, str]]) -> str | None:
    """The country of the first country or body mentioned in the sentence before position ``at``."""
    end = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    if end < 0:
        return None
    start = max(text.rfind(". ", 0, end), text.rfind("\n", 0, end)) + 1
    return next((c for s, c in bodies if start <= s < end), None)


def _with_possessor_country(actors: ArticleActors, text: str) -> ArticleActors:
    """ "His spokeswoman, X": a person named after a pronoun's role takes the country of the person
    mentioned last before; "Its irrigation minister, X" that of the country or body mentioned last."""
    country_of = {a.name: a.country for a in actors.actors if a.kind == "person"}
    fixed: dict[str, str] = {}
    last: str | None = None  # the country of the last person
    last_body: str | None = None  # the country of the last country or organisation
    bodies: list[tuple[int, str]] = []  # (start, country) of every country or organisation mention so far
    for m in actors.mentions:
        if m.kind != "person":
            last_body = m.country or last_body
            if m.country:
                bodies.append((m.start, m.country))
            continue
        if country_of.get(m.name) is None and m.name not in fixed:
            apposed = text[m.start - 2 : m.start] == ", "
            pm = _PRONOUN_ROLE.search(text, max(0, m.start - 70), m.start) if apposed else None
            if pm is not None and "counterpart" in pm.group():
                pm = None  # "His counterpart across the border, X": the other side's
            owner = None
            if pm is not None and pm.group(1) in ("Its", "its"):
                # "Indonesia ... said it backed Malaysia's position. Its minister, X": the previous sentence's
                # subject (its first body), else the last body named
                owner = _sentence_subject_body(text, pm.start(), bodies) or last_body
            elif pm is not None:
                owner = last
            cm = _DEMONYM_COUNTERPART.search(text, max(0, m.start - 70), m.start) if owner is None else None
            if cm is not None:
                owner = lexicon().demonyms.get(cm.group(1))  # "His German counterpart, Interior Minister X"
            if owner is not None:
                fixed[m.name] = owner
        c = country_of.get(m.name) or fixed.get(m.name)
        last = c if c is not None else last
    if not fixed:
        return actors
    out = tuple(_with_country(a, fixed[a.name]) if a.name in fixed and a.kind == "person" else a for a in actors.actors)
    return ArticleActors(out, actors.mentions, actors.genders, actors.unresolved)
