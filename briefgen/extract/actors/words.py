"""Word classes and small lookups shared by the actor rules: name-run pattern, possessives, places, roles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import Any

from briefgen.extract.lexicon import (
    APOS,
    MOJIBAKE,
    MOJIBAKE_LEAD_CHARS,
    MOJIBAKE_TAIL,
    UPPER_CLASS,
    Lexicon,
    fold,
    lexicon,
    load_data,
)
from briefgen.records import LocalActor, Mention

_CONNECTORS = (
    "de",
    "van",
    "von",
    "der",
    "den",
    "da",
    "di",
    "du",
    "la",
    "le",
    "al",
    "el",
    "bin",
    "ben",
    "ibn",
    "del",
    "della",
    "dos",
    "das",
    "des",
    "of",
    "for",
    "on",
    "and",
    "the",
    "&",
)


_PARTICLES = frozenset(_CONNECTORS[: _CONNECTORS.index("of")])


_CONNECTOR_SET = frozenset(_CONNECTORS)


_SPLITTERS = _CONNECTOR_SET - _PARTICLES


# one initial before a capitalised word is a name word too ("M. Arivalagan", "K. Raman")
_INITIAL = r"(?<=[A-Z])\.(?= [A-Z][a-z])"


_WORD = rf"(?:(?:[A-Z]\.){{2,}}|[A-Z]{_INITIAL}|{UPPER_CLASS}(?:{MOJIBAKE}|[\w{APOS}\-])*)"


# The first word is spelled out so that the pattern starts with a character class (the regex engine then
# skips lower-case text in C); same matches as ``(?<![\w{APOS}]){_WORD}...``.
# The rest of a word, ``(?:{MOJIBAKE}|[\w{APOS}\-])*``, consuming runs of plain word characters at once (a
# mojibake pair starts with one of the four letters the run excludes; when it does not pair up, that letter
# alone is a word character, as before). Nothing after a word ever backtracks into it.
_WORD_TAIL = rf"(?:[^\W{MOJIBAKE_LEAD_CHARS}]+|[{APOS}\-]|[{MOJIBAKE_LEAD_CHARS}]{MOJIBAKE_TAIL}?)*"


_RUN_WORD = rf"(?:(?:[A-Z]\.){{2,}}|[A-Z]{_INITIAL}|{UPPER_CLASS}{_WORD_TAIL})"  # = _WORD


_FIRST_WORD = rf"{UPPER_CLASS}(?<![\w{APOS}].)(?:(?<=[A-Z])\.(?:[A-Z]\.)+|{_INITIAL}|{_WORD_TAIL})"


# a lower-case Arabic article or particle joined by a hyphen to a name word ("Kadhim al-Rubaie", "Umm el-Fahm")
_HYPHEN_PARTICLE = r"(?:(?:al|el|ad|ar|as|ash|at|az|an|abu|bin|ibn|ould)-)?"


_RUN = re.compile(rf"{_FIRST_WORD}(?: (?:(?:{'|'.join(_CONNECTORS)}) )*{_HYPHEN_PARTICLE}{_RUN_WORD})*")


_WORD_SPLIT = re.compile(r"\S+")


_HYPHEN_PARTICLE_LEAD = re.compile(r"^" + _HYPHEN_PARTICLE.removesuffix("?"), re.IGNORECASE)


def _without_particle(word: str) -> str:
    """A surname without a hyphenated article ("al-Rubaie", "Al-Rubaie" -> "Rubaie")."""
    return _HYPHEN_PARTICLE_LEAD.sub("", word) if "-" in word else word


_POSSESSIVE = ("’s", "'s", "’", "'")


_POSS_SUFFIXES = ("’s", "'s")


MAX_NAME_WORDS = 4


# entries per cache of short strings (runs, words, role phrases): bounded memory on big corpora
_CACHE = 16384


@dataclass(slots=True)
class Found:
    """A raw mention before article-level resolution."""

    start: int
    end: int
    text: str
    kind: str  # person | surname | organisation | country | role
    name: str
    role: str | None = None
    country: str | None = None
    affiliation: str | None = None
    former: bool = False
    gender: str | None = None
    rule: str = ""


@dataclass(frozen=True, slots=True)
class ArticleActors:
    """Everything the quote stage needs about an article's actors."""

    actors: tuple[LocalActor, ...]
    mentions: tuple[Mention, ...]
    genders: dict[str, str] = field(default_factory=dict)
    unresolved: tuple[Mention, ...] = ()


@lru_cache(maxsize=1)
def _roles_data() -> Any:
    """roles.yml, parsed once per process (read only)."""
    return load_data("roles.yml")


@lru_cache(maxsize=1)
def _national_words() -> tuple[frozenset[str], frozenset[str]]:
    data = _roles_data()
    return frozenset(data.get("national_roles") or ()), frozenset(data.get("national_bodies") or ())


@lru_cache(maxsize=1)
def _name_words() -> tuple[frozenset[str], frozenset[str]]:
    """(not_names that may end a longer name, lower-case organisation nouns)."""
    data = _roles_data()
    return frozenset(data.get("name_endings") or ()), frozenset(data.get("org_nouns") or ())


def _strip_possessive(word: str) -> tuple[str, bool]:
    if len(word) > 2 and word.endswith(_POSS_SUFFIXES):
        return word[:-2], True
    return word, False


@lru_cache(maxsize=1)
def _place_first_words() -> frozenset[str]:
    lex = lexicon()
    names = [*lex.places, *lex.demonyms, *lex.capitals]
    return frozenset(w for n in names for w in (n.split()[0], n))


def _is_role_word(low: str, lex: Lexicon) -> bool:
    """A role word, also hyphenated ("secretary-general", "director-general")."""
    if low in lex.role_heads or low in lex.role_modifiers:
        return True
    parts = low.split("-")
    return len(parts) > 1 and all(p in lex.role_heads or p in lex.role_modifiers for p in parts)


def _place_at(words: list[str], i: int, lex: Lexicon) -> tuple[str, int] | None:
    """The longest place alias starting at word i: (surface, number of words); possessives allowed."""
    if _strip_possessive(words[i])[0] not in _place_first_words():
        return None
    for n in range(min(4, len(words) - i), 0, -1):
        surface = _strip_possessive(" ".join(words[i : i + n]))[0]
        if surface in lex.places or surface in lex.demonyms or surface in lex.capitals:
            return surface, n
    return None


def _country_of(surface: str | None, lex: Lexicon) -> str | None:
    if not surface:
        return None
    if surface in lex.places:
        return lex.places[surface].country
    return lex.demonyms.get(surface) or lex.capitals.get(surface)


@lru_cache(maxsize=_CACHE)
def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = " ".join(role.replace(",", " ").split())
    return role or None


# words that make an organisation's name only as its last word ("Amnesty International", "Human Rights Watch")
# last words of organisations' names ("Amnesty International", "Human Rights Watch", "Doctors Without Borders",
# "Médecins Sans Frontières", "Reporters Without Borders")
_ORG_LAST = frozenset({"International", "Watch", "Borders", "Frontières", "Frontieres"})


def _org_last(words: list[str], lex: Lexicon) -> bool:
    """Whether the words end like "Amnesty International" or a national chapter ("Amnesty International Nigeria")."""
    return words[-1] in _ORG_LAST or (len(words) >= 3 and words[-2] in _ORG_LAST and words[-1] in lex.places)


@lru_cache(maxsize=1)
def _place_nouns() -> frozenset[str]:
    return frozenset(str(w) for w in _roles_data().get("place_nouns") or ())


@lru_cache(maxsize=1)
def _org_qualifiers() -> frozenset[str]:
    return frozenset(str(w) for w in _roles_data().get("org_qualifiers") or ())


@lru_cache(maxsize=65536)
def _translit(word: str) -> str:
    """A transliteration-insensitive key of one name word (Zelensky / Zelenskyy / Zelenskiy)."""
    w = fold(word)
    w = re.sub(r"(iy|yy|ij|ii|yi)$", "y", w)
    w = re.sub(r"(.)\1", r"\1", w)
    return w.replace("kh", "h").replace("ts", "c").replace("tz", "c")


def name_key(name: str) -> str:
    """The merge key of a person's name: folded, transliteration-insensitive words."""
    return " ".join(_translit(w) for w in name.split())


# "the union said", "according to the fund": a lower-case organisation noun standing for the article's one
# organisation named with that noun ("government" and "party" are left out: they rarely mean a named body)
_ORG_REF_NOUNS = frozenset(
    {"union", "association", "fund", "council", "agency", "institute", "federation", "commission", "foundation",
     "committee", "authority", "bank", "court", "society", "alliance", "coalition", "tribunal", "board", "bureau"}
)


@lru_cache(maxsize=1)
def _company_refs() -> frozenset[str]:
    return frozenset(str(w) for w in _roles_data().get("company_refs") or ())


@lru_cache(maxsize=1)
def _company_heads() -> frozenset[str]:
    return frozenset(str(w) for w in _roles_data().get("company_heads") or ())


@lru_cache(maxsize=_CACHE)
def _name_parts(canon: str) -> tuple[str, str | None]:
    """(transliterated last word, transliterated first word of a two- or three-word name: "Choi" of
    "Choi Jin", "Rosnah" of "Rosnah Abdul Karim")."""
    words = canon.split()
    last = _without_particle(words[-1])  # "al-Rubaie": "Rubaie said" names him too
    return _translit(last), (_translit(words[0]) if len(words) in (2, 3) else None)


_START = attrgetter("start")


@lru_cache(maxsize=1)
def _title_roles() -> dict[str, str]:
    return {str(k): str(v) for k, v in (_roles_data().get("title_roles") or {}).items()}


@lru_cache(maxsize=1)
def _body_roles() -> dict[str, str]:
    return {str(k): str(v) for k, v in (_roles_data().get("body_roles") or {}).items()}


@lru_cache(maxsize=1)
def _body_role_qualifiers() -> dict[str, frozenset[str]]:
    """Words that may stand before a body role and keep it the body's ("EU Trade Commissioner")."""
    data = _roles_data().get("body_role_qualifiers") or {}
    return {str(k): frozenset(str(w) for w in v) for k, v in data.items()}


def body_of_roles(roles: tuple[str, ...], mentioned: set[str]) -> str | None:
    """The international body whose office the roles name, when the article mentions it: a body role word
    alone or after the body's own words ("Commissioner X", "EU Trade Commissioner"), never after another
    qualifier ("Delta Commissioner", "High Commissioner")."""
    body_roles, qualifiers = _body_roles(), _body_role_qualifiers()
    found = None
    for role in roles:
        words = role.lower().replace("-", " ").split()
        for i, w in enumerate(words):
            body = body_roles.get(w)
            if body is None:
                continue
            before = words[i - 1] if i else None
            if before is not None and before not in qualifiers.get(w, frozenset()):
                return None  # another office of the same name
            if body in mentioned:
                found = body
    return found


@lru_cache(maxsize=1)
def _short_forms() -> dict[str, frozenset[str]]:
    """Given name (transliterated) -> the names it may stand for (itself, its short and full forms), for
    every given name of first_names.yml."""
    table: dict[str, set[str]] = {}
    data = load_data("first_names.yml")
    for name in (*data["female"], *data["male"]):
        table.setdefault(_translit(str(name)), set()).add(_translit(str(name)))
    for full, shorts in (data.get("nicknames") or {}).items():
        names = {_translit(str(full)), *(_translit(str(n)) for n in shorts)}
        for n in names:
            table.setdefault(n, set()).update(names)
    return {k: frozenset(v) for k, v in table.items()}
