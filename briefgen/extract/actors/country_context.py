"""Countries read from the words around an actor's name: appositions, titles, local offices, name words."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from briefgen.extract.actors.words import ArticleActors, Found, _country_of, _national_words
from briefgen.extract.lexicon import Lexicon, lexicon, load_data
from briefgen.records import LocalActor, Mention


@dataclass(frozen=True, slots=True)
class Scope:
    """How much of an article is about its home country."""

    home: str | None
    single: bool  # no other country is named
    dominant: bool  # no other country is named half as often as home
    ranked: tuple[str, ...] = ()  # the countries named, most often first
    dateline: bool = False  # the dateline city is in the home country


@dataclass(frozen=True, slots=True)
class _Words:
    home_qualifiers: frozenset[str]
    local_offices: tuple[str, ...]
    national_titles: frozenset[str]
    name_demonyms: dict[str, str]
    national_bodies: frozenset[str]
    federal: frozenset[str]
    blockers: frozenset[str]
    office_words: frozenset[str]
    holder_nouns: frozenset[str]
    watchers: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data: Any = load_data("countries.yml")
    return _Words(
        frozenset(str(w).lower() for w in data.get("home_qualifiers") or ()),
        tuple(sorted((str(w).lower() for w in data.get("local_offices") or ()), key=len, reverse=True)),
        frozenset(str(w) for w in data.get("national_titles") or ()),
        {str(k): str(v) for k, v in (data.get("name_demonyms") or {}).items()},
        frozenset(str(w) for w in data.get("national_bodies") or ()),
        frozenset(str(w) for w in data.get("federal_countries") or ()),
        frozenset(str(w).lower() for w in data.get("place_blockers") or ()),
        frozenset(str(w).lower() for w in data.get("office_words") or ()),
        frozenset(str(w).lower() for w in data.get("holder_nouns") or ()),
        frozenset(str(w).lower() for w in data.get("watchers") or ()),
    )


@lru_cache(maxsize=1)
def _ambiguous() -> frozenset[str]:
    """Institution aliases other countries' bodies share ("Congress"): no country of their own here."""
    entries = load_data("places.yml").get("institutions") or ()
    return frozenset(str(a) for e in entries for a in e.get("ambiguous") or ())


def story_scope(
    found: Sequence[Found], lex: Lexicon, home: str | None, ambiguous: frozenset[str], dateline: str | None = None
) -> Scope:
    """Whether the article names countries other than its home, and how often."""
    counts: dict[str, int] = {}
    for f in found:
        c = f.country
        if c and c in lex.country_iso and f.kind in ("country", "organisation") and f.text not in ambiguous:
            counts[c] = counts.get(c, 0) + 1
    ranked = tuple(sorted(counts, key=lambda c: -counts[c]))
    if home is None:
        return Scope(None, False, False, ranked)
    own = counts.pop(home, 0)
    other = max(counts.values(), default=0)
    return Scope(home, other == 0, other == 0 or max(own, 1) >= 2 * other, ranked, dateline == home)


_OPENERS = frozenset(("The", "A", "An", "Its", "His", "Her"))
_TOKEN = re.compile(r"[\w’'.-]+")
_POSSESSIVE = re.compile(r"(?:[’']s|(?<=s)[’'])$")


def _strip(word: str) -> str:
    return _POSSESSIVE.sub("", word.rstrip(".")) if not word.endswith(("U.S.", "U.K.", "E.U.", "U.N.")) else word


def phrase_country(phrase: str, lex: Lexicon) -> str | None:
    """The country a descriptive phrase names for its holder ("the Japanese ambassador in Manila" -> Japan,
    "the premier of the German state of Brandenburg" -> Germany, "a delegate from Tonga" -> Tonga); a place
    after a preposition that says where or towards whom ("in Manila", "to China", "a critic of China") does
    not count."""
    words = _TOKEN.findall(phrase)
    blockers = _words().blockers
    i = 0
    while i < len(words):
        for n in (4, 3, 2, 1):
            piece = words[i : i + n]
            if len(piece) < n or not piece[0][:1].isupper():
                continue
            surface = " ".join([*piece[:-1], _strip(piece[-1])])
            country = _country_of(surface, lex)
            if country is None:
                continue
            before = [w.lower() for w in words[max(0, i - 3) : i]]
            if i and n == 1 and words[i - 1][:1].isupper() and words[i - 1] not in _OPENERS:
                continue  # "South American", "New Mexico": part of a longer name
            if before and before[-1] in ("the", "a", "an"):
                before = before[:-1]
            prep = before[-1] if before else ""
            demonym = surface in lex.demonyms
            after = words[i + n] if i + n < len(words) else ""
            if demonym and after[:1].islower() and not _holder_noun(after, lex):
                break  # "an Armenian history lecturer": the adjective qualifies the field, not the holder
            if after.lower() in _words().watchers:
                break  # "the Beijing correspondent", "the Kremlin critic": who watches a place is not its
            if prep in blockers:
                break
            if prep == "of" and len(before) > 1 and before[-2] in _words().watchers:
                break  # "the correspondent of a London paper"
            if prep == "of" and not (
                len(before) > 1 and before[-2] in lex.role_heads and (not demonym or words[i - 1] == "the")
            ):
                break
            return country
        i += 1
    return None


def _holder_noun(word: str, lex: Lexicon) -> bool:
    """A noun a nationality adjective can qualify a holder by: a role, a body, a person ("woman")."""
    low = word.lower()
    return (
        low in lex.role_heads
        or low in lex.role_modifiers
        or low in _words().holder_nouns
        or (low.capitalize() in lex.org_heads)
    )


def _describes(phrase: str, lex: Lexicon) -> bool:
    """The phrase holds a word that describes a holder (a role, a body, "woman"): no clause of its own."""
    return any(_holder_noun(w.strip("’'"), lex) for w in _possessives_off(phrase).split())


def _possessives_off(phrase: str) -> str:
    return re.sub(r"[’']s\b", "", phrase)


def _home_word(phrase: str) -> bool:
    """The first words of the phrase describe the story's own state ("the state-owned grid operator")."""
    qualifiers = _words().home_qualifiers
    words = phrase.lower().split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return any(w in qualifiers for w in words[:3])


def _national_role(phrase: str) -> bool:
    roles, _ = _national_words()
    words = set(phrase.lower().replace("-", " ").replace(",", " ").split())
    return not roles.isdisjoint(words) and "general" not in words


_SENTENCE_STOP = re.compile(r"[.!?][”\"’']?\s+(?=[A-Z“\"‘'])|\n|[“”\"]")
_DETERMINER = re.compile(r"(?:^|(?<=[\s(]))(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Aa]n?)\s")


def _sentence_start(text: str, at: int, reach: int = 160) -> int:
    lo = max(0, at - reach)
    start = lo
    for m in _SENTENCE_STOP.finditer(text, lo, at):
        start = m.end()
    return start


def _left_phrases(text: str, at: int) -> list[tuple[str, str]]:
    """The descriptions that may stand in apposition before ", Name" at ``at``, with their determiner: from
    each determiner of the sentence (nearest first), then a short sentence opening ("Stormont's economy
    minister, X")."""
    end = at - 2
    start = _sentence_start(text, end)
    out = [(m.group().strip().lower(), text[m.end() : end]) for m in _DETERMINER.finditer(text, start, end)]
    out.reverse()
    whole = text[start:end]
    if len(whole.split()) <= 8:
        out.append(("", whole))
    return [(d, p.strip()) for d, p in out if p.strip() and not _CLAUSE.search(p)]


_CLAUSE = re.compile(r", (?:whose|who|which|where|when|while|and|but)\b|\b(?:said|says|told|is|was|are|were|has|had)\b")


_CHUNK = r"(?:[^,.;:()“”\"]|\.(?=\S)|(?<=\b[A-Z])\.)"  # "U.S." inside
_RIGHT_END = r"(?=[,;:]|(?<!\b[A-Z])\.(?!\S)| who\b| whose\b| which\b| that\b|$)"
_RIGHT = re.compile(rf", (?:(?:the|a|an) (?P<desc>{_CHUNK}{{3,120}}?)|which (?P<which>{_CHUNK}{{3,120}}?)){_RIGHT_END}")


_PLACE_WORD = re.compile(r"(?:^|(?<=[\s(“\"]))([A-Z][\w’'.-]*) $")


_OWNER = re.compile(r"([A-Z][\w&.’'-]*(?: [A-Z][\w&.’'-]*){0,4})[’']s ")
_CONTRAST = re.compile(
    r"\b(?i:unlike|like|than|after|before|with|without|against|besides|beside|versus|including)\s+(?:\w+\s+)?$"
)
_LIST_NEXT = re.compile(r",? (?:and|or) ")
_LIST_NAME = re.compile(r", [A-Z]")
_OBJECT_OF = re.compile(r"\b(?:of|in|for|from|at)\s+$")


def _listed(text: str, m: Mention, people: Sequence[tuple[int, int]]) -> bool:
    """Whether the mention is an item of a list of names ("X, Y, and Z") rather than a name after its
    description: a list goes on with "and"/"or", or the words before the comma are another person's name
    that is no place object ("the mayor of Ruda Slaska, X" is a description)."""
    if _LIST_NEXT.match(text, m.end) or _LIST_NAME.match(text, m.end):
        return True
    return any(e == m.start - 2 and not _OBJECT_OF.search(text, max(0, s - 8), s) for s, e in people)


def _name_start(m: Mention) -> int:
    """Where the name itself starts in a mention that carries a role before it ("Town Manager X")."""
    return m.end - len(m.name) if m.text.endswith(m.name) else m.start


_VISIT = re.compile(r"\b(?:visit|visits|visiting|visited|delegation|delegations|envoy|envoys|abroad|exile|exiled)\b",
                    re.IGNORECASE)


def _foreign(text: str, m: Mention, lex: Lexicon, home: str | None) -> bool:
    """Whether the mention's sentence says a visit or names a country other than home ("The Ugandan government's
    envoy, X," in a Kenya story): then no home country is given by default (review9)."""
    start = _sentence_start(text, m.start)
    end = text.find(". ", m.end)
    window = text[start : end if 0 <= end < m.end + 160 else m.end + 160]
    words = window.split()
    cue = next((i for i, w in enumerate(words) if w.lower().strip(",;") in lex.cue_forms
                and len(" ".join(words[:i])) >= m.end - start), None)
    if cue is not None:  # what the person says is not who they are ('President X said Mongolia and China agree')
        window = " ".join(words[:cue])
    if _VISIT.search(window):
        return True
    for word in _TOKEN.findall(window):
        if word[:1].isupper() and (country := _country_of(_strip(word), lex)) is not None and country != home:
            return True
    return False


def _mention_country(
    text: str,
    m: Mention,
    scope: Scope,
    lex: Lexicon,
    people: Sequence[tuple[int, int]] = (),
    owners: Mapping[str, str] | None = None,
) -> tuple[str | None, bool]:
    """(country, say-none) read around one mention; say-none when its own clause names another country
    than a weak home rule would give it."""
    name_at = _name_start(m)
    prefix = text[m.start : name_at].strip()
    home = scope.home
    if prefix:  # "U.S. Secretary of Defense X": the place right before the role the mention starts with
        pw = _PLACE_WORD.search(text, max(0, m.start - 30), m.start)
        country = _country_of(_strip(pw.group(1)), lex) if pw is not None else None
        if country is not None and pw is not None and pw.group(1) not in _ambiguous():
            return country, False
    followed = text[m.end : m.end + 1] in (",", "(", ".", ";") or text[m.end : m.end + 2] in ("’s", "'s")
    right = _RIGHT.match(text, m.end)
    # "The Japanese ambassador in Manila, X," / "The government's peace commissioner, X," / "Stormont's ... , X,"
    # (not when X has a description of its own after it: "Asked about the Chinese envoy, X, a senator, said")
    own = right is not None and right.group("desc") is not None and _describes(right.group("desc"), lex)
    if len(prefix.split()) <= 1 and text[m.start - 2 : m.start] == ", " and followed and not own:
        for det, phrase in _left_phrases(text, m.start):
            if _listed(text, m, people):
                break  # "the refugees President X, Y, and Z want": a list of names, no apposition
            if _CONTRAST.search(text, max(0, m.start - 2 - len(phrase) - 14), m.start - 2 - len(phrase)):
                break  # "Unlike the German chancellor, X said": X is compared with the office, not its holder
            if "former" in phrase.lower().split() or len(phrase) > 110 or not _describes(phrase, lex):
                continue
            if det in ("its", "his", "her", "their"):
                break  # "his ministry's spokesperson, X": the possessor's (countries._with_possessor_country)
            owner = _OWNER.match(phrase)
            watched = not _words().watchers.isdisjoint(phrase.lower().split())
            country = (owners or {}).get(owner.group(1)) if owner is not None and not watched else None
            country = country or phrase_country(phrase, lex)
            if country is not None:
                return country, False
            if (_home_word(phrase) or _national_role(phrase)) and scope.dominant and not _foreign(text, m, lex, home):
                return home, False
    return _after_name(text, m, scope, lex, prefix, right)


def _after_name(
    text: str, m: Mention, scope: Scope, lex: Lexicon, prefix: str, right: re.Match[str] | None
) -> tuple[str | None, bool]:
    """``_mention_country`` after the words before the name: a description after it, a place before its office,
    a national title or a local office (home only when nothing in the sentence names another country or a visit)."""
    home = scope.home
    # "X, the state-owned grid operator," / "X, a youth delegate from Tonga," / "X, which runs the U.S. ..."
    if right is not None:
        desc = right.group("desc") or right.group("which")
        low = desc.lower().split()
        verbs = [w for w in low if w in lex.cue_forms and w not in _words().home_qualifiers]
        if "former" not in low and not verbs:
            country = phrase_country(desc, lex)
            if right.group("which") is not None:
                if country is not None and country != home:
                    return None, True
            elif country is not None:
                return country, False
            elif _home_word(desc) and scope.dominant and not _foreign(text, m, lex, home):
                return home, False
    # "Nairobi police commander X", "In Beijing, foreign ministry spokeswoman X"
    pm = _PLACE_BEFORE.search(text[_sentence_start(text, m.start, 80) : m.start])
    if pm is not None:
        country = _country_of(_strip(pm.group(1) or pm.group(2)), lex)
        words = pm.group(3).split()
        offices = lex.role_heads | lex.role_modifiers | _words().office_words
        if country is not None and all(w in offices for w in words) and "visiting" not in words and _official(words):
            return country, False
    if home is None or _foreign(text, m, lex, home):
        return None, False  # "Vice President X, visiting Nairobi," / "Deputy X, who leads a German delegation,"
    # "President X", "Senate President X", "Government spokesman X"
    name_at = _name_start(m)
    title = prefix or _title_before(text, name_at)
    if title in _words().national_titles and (scope.single or scope.dateline):
        return home, False
    # "Selectboard Chair X", "Town Manager X", "board member X"
    office_of = re.match(r",? (?:of|at|for|with) ", text[m.end : m.end + 7])  # "board member X of a firm"
    if scope.single and not office_of and _local_office().search(text[_sentence_start(text, name_at, 60) : name_at]):
        return home, False
    return None, False


# "In Beijing, foreign ministry spokeswoman " (a sentence opening) or "Nairobi police commander " (no comma)
_PLACE_BEFORE = re.compile(
    r"(?:^In ([A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+)?), |(?:^|(?<=\s))([A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+)?) )"
    r"((?:[a-z][a-z-]* ){1,3})$"
)


@lru_cache(maxsize=1)
def _local_office() -> re.Pattern[str]:
    """A local office right before a name, with at most one more word ("Selectboard Chair", "Superintendent
    Dr.")."""
    offices = "|".join(re.escape(o) for o in _words().local_offices)
    return re.compile(rf"(?i:\b(?:{offices}))(?: [\w.]+)? $")


def _official(words: Sequence[str]) -> bool:
    """Words that name a public office (national role words or the office words of countries.yml)."""
    roles, _ = _national_words()
    return not roles.isdisjoint(words) or not _words().office_words.isdisjoint(words)


_TITLE = re.compile(r"(?:^|(?<=[\s(“\"]))((?:[A-Z][a-z]+[ -])?[A-Za-z][a-z]+) $")


def _title_before(text: str, at: int) -> str:
    m = _TITLE.search(text, max(0, at - 30), at)
    return m.group(1) if m else ""


def _org_name_country(a: LocalActor, scope: Scope, lex: Lexicon) -> str | None:
    """ "Deutsche Bahn" -> Germany; "Directorate General of Health Services" -> home."""
    first = a.name.split()[0] if a.name else ""
    words = _words()
    if first in words.name_demonyms and len(a.name.split()) > 1:
        return words.name_demonyms[first]
    if scope.home is not None and scope.dominant and not words.national_bodies.isdisjoint(a.name.split()):
        return scope.home
    return None


def _said_elsewhere(text: str, mentions: Sequence[Mention], lex: Lexicon, home: str | None) -> bool:
    """Whether an apposition or a "which" clause after a name names another country than home ("which tracks
    storms for the U.S. government"): the name words' home rule must not decide then."""
    for m in mentions:
        right = _RIGHT.match(text, m.end)
        desc = (right.group("desc") or right.group("which")) if right is not None else None
        for word in _TOKEN.findall(desc or ""):
            if word[:1].isupper() and (country := _country_of(_strip(word), lex)) is not None and country != home:
                return True
    return False


def federal_country(scope: Scope) -> str | None:
    """The country of a "Federal ..." body: home when it is federal, else the federal country the article
    names most, else none."""
    federal = _words().federal
    if scope.home in federal:
        return scope.home
    return next((c for c in scope.ranked if c in federal), None)


def with_context_countries(actors: ArticleActors, text: str, scope: Scope) -> tuple[ArticleActors, frozenset[str]]:
    """Actors with no country take the one their appositions, titles, offices or name words give; also the
    names whose own words name another country than home (the home rule must leave them without one).
    Bodies first, so that a person described by a body's office ("Deutsche Bahn's board member, X") takes
    the body's country."""
    lex = lexicon()
    by_name: dict[str, list[Mention]] = {}
    for m in actors.mentions:
        by_name.setdefault(m.name, []).append(m)
    people = [(m.start, m.end) for m in actors.mentions if m.kind == "person"]
    found: dict[str, str] = {}
    no_home: set[str] = set()
    owners: dict[str, str] = {a.name: a.country for a in actors.actors if a.country}
    for a in actors.actors:  # "Putin's spokesman": a person's surname too
        if a.kind == "person" and a.country and len(a.name.split()) > 1:
            owners.setdefault(a.name.split()[-1], a.country)
    todo = [a for a in actors.actors if a.country is None and a.kind != "country"]
    for a in todo:  # name words first: "Deutsche Bahn" owns "Deutsche Bahn's board member, X"
        if a.kind == "organisation" and _said_elsewhere(text, by_name.get(a.name, ()), lex, scope.home):
            no_home.add(a.name)  # "The National Weather Service, which tracks storms for the U.S. government,"
            continue  # in a Peru story: no home country by its name words
        country = _org_name_country(a, scope, lex)
        if country is not None:
            found[a.name] = owners[a.name] = country
    for persons in (False, True):
        for a in todo:
            if a.name in found or a.name in no_home or (a.kind == "person") != persons:
                continue
            for m in by_name.get(a.name, ()):
                country, none = _mention_country(text, m, scope, lex, people, owners)
                if none:
                    no_home.add(a.name)
                    break
                if country is not None:
                    found[a.name] = owners[a.name] = country
                    break
    if not found:
        return actors, frozenset(no_home)
    out = tuple(
        replace(a, country=found[a.name]) if a.name in found and a.country is None else a for a in actors.actors
    )
    return ArticleActors(out, actors.mentions, actors.genders, actors.unresolved), frozenset(no_home)
