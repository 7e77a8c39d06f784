"""Actor mentions found by rules (names, roles, honorifics, places, organisations), merged per article."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from operator import attrgetter, itemgetter
from typing import Any

from briefgen.extract.fastre import trie_alternation
from briefgen.extract.lexicon import (
    APOS,
    MOJIBAKE,
    MOJIBAKE_LEAD_CHARS,
    MOJIBAKE_TAIL,
    UPPER_CLASS,
    Lexicon,
    Place,
    demojibake,
    fold,
    lexicon,
    load_data,
)
from briefgen.records import ActorKind, LocalActor, Mention

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
    "of",
    "for",
    "on",
    "and",
    "the",
    "&",
)
_PARTICLES = frozenset(_CONNECTORS[:15])
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
_RUN = re.compile(rf"{_FIRST_WORD}(?: (?:(?:{'|'.join(_CONNECTORS)}) )*{_RUN_WORD})*")
_WORD_SPLIT = re.compile(r"\S+")
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


# "\b[A-Z]" written as "[A-Z](?<![\w].)": a leading character class lets the engine skip ahead (10x faster)
_DEMONYM_DESCRIPTOR = re.compile(r"([A-Z](?<![\w].)[a-z]+) (?:[a-z][\w-]* ){1,3}$")
_APPOSITION_ORG = re.compile(r",\s+(?:one of\s+)?(?:the|a|an)\s+([\w-]+)(?:\s+([\w-]+))?")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The context after a name (role, place, organisation) and the "the <place> <role>" reference."""
    lex = lexicon()
    # the place and role alternations as prefix trees: the same matches, several times faster
    place_alt = trie_alternation({*lex.places, *lex.demonyms})
    role = lex.role_re.pattern
    # after a name: ", the Dutch minister of ..." or the copula "is the Netherlands' minister of ..."
    right = re.compile(
        rf"(?:,|(?-i: is(?= the )))\s+(?:(?-i:the|a|an)\s+)?(?P<former>(?:former|then)\s+)?"
        rf"(?:(?P<place>(?-i:{place_alt}))(?:[’']s|(?<=s)[’'])?\s+)?(?P<role>{role})(?-i:(?! +[A-Z]))"
        rf"(?:\s+(?:at|of|for|with|in)\s+(?:the\s+)?"
        rf"(?P<org>(?-i:{_WORD}(?:(?: (?:of|for|on|and|the))? {_WORD}){{0,6}})))?",
        re.IGNORECASE,
    )
    role_ref = re.compile(
        rf"(?<![\w])(?-i:[Tt]he) (?:(?P<place>(?-i:{place_alt}))(?:[’']s)? )?(?P<role>{role})",
        re.IGNORECASE,
    )
    return right, role_ref


def _strip_possessive(word: str) -> tuple[str, bool]:
    if len(word) > 2 and word.endswith(_POSS_SUFFIXES):
        return word[:-2], True
    return word, False


def _is_headline_at(text: str, start: int, end: int, first: bool = False) -> bool:
    """``_is_headline(text[start:end])``, without copying the paragraph when it ends as a sentence; the
    article's first paragraph may be a Title Case headline given a full stop ("Donor Backs Cruz.")."""
    while end > start and text[end - 1].isspace():
        end -= 1
    if text.endswith((".", ".”", '."', ".’"), start, end):
        if not first or end - start > 160 or _SENTENCE_INSIDE.search(text, start, end - 1):
            return False
        words = [w for w in text[start:end].split() if len(w) > 3 and w[0].isalpha()]
        return len(words) >= 4 and all(w[0].isupper() for w in words)  # no lower-case verb: Title Case
    return _is_headline(text[start:end])


_SENTENCE_INSIDE = re.compile(r"[.!?][”\"’]? [A-Z]")


def _is_headline(text: str) -> bool:
    """Title Case or ALL CAPS lines: names found there are only trusted when known from the body."""
    if text.rstrip().endswith((".", ".”", '."', ".’")):
        return False  # a sentence, however capitalised (checked first: most paragraphs end so)
    words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.7


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
_ORG_LAST = frozenset({"International", "Watch"})


def _org_last(words: list[str], lex: Lexicon) -> bool:
    """Whether the words end like "Amnesty International" or a national chapter ("Amnesty International Nigeria")."""
    return words[-1] in _ORG_LAST or (len(words) >= 3 and words[-2] in _ORG_LAST and words[-1] in lex.places)


def _pieces(run: str, start: int) -> list[tuple[list[str], list[int]]]:
    """Split a capitalised run at connectors (kept inside organisation names) and after possessives."""
    if " " not in run:
        return [([run], [start])]
    words = run.split(" ")
    offs = []
    pos = start
    for w in words:
        offs.append(pos)
        pos += len(w) + 1
    lex = lexicon()
    person_part = _person_of_org(words, offs, lex)
    if person_part is not None:
        return person_part
    if _org_last(words, lex):
        return [(words, offs)]  # "Amnesty International", "Human Rights Watch"
    if any(w in lex.org_heads for w in words):
        for i in range(1, len(words) - 2):
            if words[i] == "and" and words[i + 1] == "the" and words[i - 1] in lex.org_heads:
                # "the European Commission and the Council": two bodies, not one name
                return [*_pieces(" ".join(words[:i]), offs[0]), *_pieces(" ".join(words[i + 2 :]), offs[i + 2])]
        # "Senate Majority Leader Ron Keller": an organisation and a role before a person's name
        k = max((i for i, w in enumerate(words) if w.lower() in lex.role_heads), default=-1)
        last_org = max(i for i, w in enumerate(words) if w in lex.org_heads)
        tail = words[k + 1 :]
        if (
            k > last_org
            and 2 <= len(tail) <= MAX_NAME_WORDS
            and not any(w in lex.org_heads or w in lex.not_names or _is_role_word(w.lower(), lex) for w in tail)
        ):
            return [(tail, offs[k + 1 :])]
        if _titled_person_after_body(words, offs, 0, lex) is not None:
            return [(words, offs)]  # "Governor of the Central Bank Lina Haddad": read whole by _shape
        # drop sentence-initial function words, keep the rest as one organisation
        # "Central Reserve Bank of Peru": a qualifier opens a name that ends in a head or "head of X"
        of_tail = any(w in lex.org_heads and nxt in ("of", "for") for w, nxt in pairwise(words))
        keep = _org_qualifiers() if words[-1] in lex.org_heads or of_tail else frozenset()
        while words and (
            (
                words[0] in lex.not_names
                and words[0] not in lex.org_heads
                and words[0] not in keep
                and _place_at(words, 0, lex) is None
            )
            or words[0] in _CONNECTOR_SET
        ):
            words, offs = words[1:], offs[1:]
        if len(words) > 3 and words[0].endswith(_POSS_SUFFIXES) and words[1] not in lex.org_heads:
            # "Canada's Federal Office for X": the possessor is its own mention, not part of the name
            return [(words[:1], offs[:1]), (words[1:], offs[1:])]
        return [(words, offs)] if words else []
    out: list[tuple[list[str], list[int]]] = []
    cur_w: list[str] = []
    cur_o: list[int] = []
    for w, o in zip(words, offs, strict=True):
        if w in _SPLITTERS:
            if cur_w:
                out.append((cur_w, cur_o))
            cur_w, cur_o = [], []
            continue
        cur_w.append(w)
        cur_o.append(o)
        if w.endswith(_POSS_SUFFIXES):
            out.append((cur_w, cur_o))
            cur_w, cur_o = [], []
    if cur_w:
        out.append((cur_w, cur_o))
    return out


def _person_of_org(words: list[str], offs: list[int], lex: Lexicon) -> list[tuple[list[str], list[int]]] | None:
    """ "Teresa Alvim of Climate Action Network": a plain two- or three-word name, then "of" an organisation."""
    if "of" not in words:
        return None
    k = words.index("of")
    head, rest = words[:k], words[k + 1 :]
    titled = 1 if head and head[0] in lex.honorifics else 0  # "Dr Ana Ruiz of the X Institute"
    if not 2 <= k - titled <= 3 or not rest or " ".join(head) in lex.places:
        return None
    if any(
        w in lex.not_names
        or w in lex.org_heads
        or w in lex.places
        or w in lex.demonyms
        or _is_role_word(w.lower(), lex)
        or w.endswith(_POSS_SUFFIXES)
        or w.isupper()
        for w in head[titled:]
    ):
        return None
    if not any(w in lex.org_heads for w in rest):
        return None
    skip = 1 if rest[0] in ("the", "The") else 0
    return [(head, offs[:k]), (rest[skip:], offs[k + 1 + skip :])]


@dataclass(frozen=True, slots=True)
class _Shape:
    """What a piece of a capitalised run says by its words alone (offsets relative to the piece)."""

    kind: str  # organisation | country | person | surname
    start: int  # after dropped sentence-initial function words
    end: int  # before a trailing possessive
    name: str
    country: str | None = None
    affiliation: str | None = None
    rule: str = ""
    name_start: int = 0  # persons: where the name words begin (after honorific, role, place words)
    prefix_role: str | None = None  # persons: role words inside the run ("Defence Secretary")
    gender: str | None = None
    known_key: str = ""  # persons with a full name: fold(name), for headline paragraphs
    demonym_context: bool = False  # organisations without a country: look for "Dutch chipmaker X"


@lru_cache(maxsize=_CACHE)
def _shape(piece: str) -> _Shape | None:
    """The context-free part of ``_classify``: one piece's words (single spaces) read alone."""
    lex = lexicon()
    words = piece.split(" ")
    offs = []
    pos = 0
    for w in words:
        offs.append(pos)
        pos += len(w) + 1
    # trailing possessive marks belong to the mention, not the name
    last, _poss = _strip_possessive(words[-1])
    words = [*words[:-1], last]
    if not last:
        return None
    end = offs[-1] + len(last)
    # strip sentence-initial function words (but not the first word of a place: "European Union", nor a
    # qualifier opening an organisation's name: "Supreme Court", "European Growers Association")
    keep = _org_qualifiers() if words[-1] in lex.org_heads else frozenset()
    i = 0
    while (
        i < len(words)
        and _place_at(words, i, lex) is None
        and words[i] in lex.not_names
        and words[i] not in keep
        and words[i] not in lex.honorifics
        and words[i].lower() not in lex.role_heads
        and words[i].lower() not in lex.role_modifiers
    ):
        i += 1
    if i == len(words):
        return None
    words, offs = words[i:], offs[i:]
    start = offs[0]
    surface = " ".join(words)
    # the organisation test reads repaired words ("UniversitÃ© Laval"); offsets stay on the raw text
    if (any(w in lex.org_heads or demojibake(w) in lex.org_heads for w in words) or _org_last(words, lex)) and len(
        words
    ) >= 2:
        titled = _titled_person_after_body(words, offs, end, lex)
        if titled is not None:
            return titled  # "Speaker of the National Assembly Peter Kimani Lagat"
        if len(words) > 8:
            return None
        country = None
        for j in range(len(words)):
            hit = _place_at(words, j, lex)
            if hit:
                country = _country_of(hit[0], lex)
                break
        if surface in lex.places:
            inst = lex.places[surface]
            if inst.kind == "country":  # "West Bank": a country alias with an organisation word in it
                return _Shape("country", start, end, inst.name, country=inst.country, rule="place:country")
            return _Shape(
                "organisation", start, end, inst.name, country=inst.country, affiliation=inst.name, rule="institution"
            )
        return _Shape(
            "organisation",
            start,
            end,
            demojibake(surface),
            country=country,
            rule="organisation",
            demonym_context=country is None,
        )
    if surface in lex.places:
        hit_place = lex.places[surface]
        kind = "country" if hit_place.kind == "country" else "organisation"
        return _Shape(
            kind,
            start,
            end,
            hit_place.name,
            country=hit_place.country,
            affiliation=hit_place.name if hit_place.kind != "country" else None,
            rule=f"place:{hit_place.kind}",
        )
    if surface in lex.capitals and len(words) <= 2:
        return _Shape("country", start, end, lex.capitals[surface], country=lex.capitals[surface], rule="capital")
    # role/honorific/place prefix inside the capitalised run
    j = 0
    gender: str | None = None
    honorific = False
    while j < len(words):
        w = words[j]
        two = " ".join(words[j : j + 2])
        if two in lex.honorifics and j + 2 < len(words):
            gender = gender or lex.honorifics[two]
            honorific = True
            j += 2
            continue
        if w in lex.honorifics and j + 1 < len(words):
            gender = gender or lex.honorifics[w]
            honorific = True
            j += 1
            continue
        low = w.lower().rstrip(",")
        if _is_role_word(low, lex) or low in ("of",):
            j += 1
            continue
        hit = _place_at(words, j, lex)
        if hit and j + hit[1] < len(words):
            if hit[1] == 1 and _first_name_place(words, j, lex):
                break  # "Chad Johnson", "Jordan Smith": a country name used as a first name
            j += hit[1]
            continue
        if (
            j + 2 < len(words)
            and w not in lex.org_heads
            and not w.endswith(_POSS_SUFFIXES)
            and (w.isupper() or w not in lex.not_names)
            and _is_role_word(words[j + 1].lower(), lex)
        ):
            j += 1  # a qualifier before a role: "California Attorney General X", "ECB Vice-President X"
            continue
        break
    name_words = words[j:]
    if not name_words:
        return None
    # unknown qualifier words before a role head ("Kerala Hills Chief Minister K. Raman"): the name is
    # the two or more words after the last role head
    cut = max((k for k, w in enumerate(name_words[:-2]) if w.lower() in lex.role_heads), default=-1)
    if cut >= 0:
        j += cut + 1
        name_words = words[j:]
    endings = _name_words()[0]
    if any(
        (w in lex.not_names and not (k and k == len(name_words) - 1 and w in endings))
        or w.endswith(("-based", "-born", "-led", "-backed"))
        for k, w in enumerate(name_words)
    ):
        return None
    if len(name_words) == 1 and len(name_words[0]) < 2:
        return None
    # a place word may end a longer name ("Michael Jordan") and start one as a first name ("Chad
    # Johnson", checked above), but never fills one
    first_place = 1 if _first_name_place(name_words, 0, lex) else 0
    if any(w in lex.places or w in lex.demonyms for w in name_words[first_place:-1]) or (
        len(name_words) == 1 and (name_words[0] in lex.places or name_words[0] in lex.demonyms)
    ):
        return None
    if any(len(w) > 4 and w.isupper() for w in name_words):
        return None
    if sum(1 for w in name_words if w.lower() not in _PARTICLES) > MAX_NAME_WORDS:
        return None  # particles do not count: "Hamad bin Nasser Al Thani" is a four-word name
    prefix_role = None
    if j:
        prefix_role = (
            _clean_role(
                " ".join(
                    w
                    for w in words[:j]
                    if (w.lower() in lex.role_heads or w.lower() in lex.role_modifiers or w == "of")
                    and w not in lex.places
                    and w not in lex.demonyms
                )
            )
            or None
        )
    name = demojibake(" ".join(name_words))
    # a name that opens with a particle ("De Wit", "Van der Berg") is a surname, like "Wit" alone
    full = len(name_words) >= 2 and name_words[0].lower() not in _PARTICLES
    return _Shape(
        "person" if full else "surname",
        start,
        end,
        name,
        rule="name" if full else ("honorific" if honorific else ""),
        name_start=offs[j],
        prefix_role=prefix_role,
        gender=gender,
        known_key=fold(name) if full else "",
    )


def _titled_person_after_body(words: list[str], offs: list[int], end: int, lex: Lexicon) -> _Shape | None:
    """A role, "of the" and a body, then a full name: "Governor of the Central Bank Ana Ruiz" is a person."""
    if words[0].lower() not in lex.role_heads or len(words) < 5 or words[1] != "of":
        return None
    body_end = max(k for k, w in enumerate(words) if w in lex.org_heads)
    tail = range(body_end + 1, len(words))
    if not 2 <= len(tail) <= 4 or not all(_name_word_at(words, k, lex) for k in tail):
        return None
    name = demojibake(" ".join(words[body_end + 1 :]))
    role = " ".join(words[: body_end + 1])
    return _Shape(
        "person", offs[0], end, name, rule="name", name_start=offs[body_end + 1], prefix_role=role, known_key=fold(name)
    )


def _first_name_place(words: list[str], j: int, lex: Lexicon) -> bool:
    """Whether the country name at word j is a first name: a name word follows, not a place, role,
    organisation or function word ("Chad Johnson", "Jordan Smith"; not "Chad President X")."""
    w = words[j]
    if j + 1 >= len(words) or w.isupper() or w.endswith(_POSS_SUFFIXES):
        return False
    place = lex.places.get(w)
    if place is not None and place.kind == "country":
        return _name_word_at(words, j + 1, lex)
    # a capital as a first name needs a two-word surname after it ("Santiago Benítez Ramos")
    return w in lex.capitals and j + 2 < len(words) and _name_word_at(words, j + 1, lex) and _name_word_at(
        words, j + 2, lex
    )


def _name_word_at(words: list[str], k: int, lex: Lexicon) -> bool:
    """Whether word k can be part of a person's name: not a place, role, organisation or function word."""
    nxt = words[k]
    bare = _strip_possessive(nxt)[0]
    return not (
        nxt.isupper()
        or bare in lex.places
        or bare in lex.demonyms
        or bare in lex.capitals
        or bare in lex.org_heads
        or bare in lex.not_names
        or _is_role_word(bare.lower(), lex)
        or bare.lower() in _CONNECTOR_SET
        or bare in _place_nouns()
    )


@lru_cache(maxsize=1)
def _place_nouns() -> frozenset[str]:
    return frozenset(str(w) for w in _roles_data().get("place_nouns") or ())


def _classify(piece: str, p0: int, text: str, headline: bool, known: set[str]) -> Found | None:
    """A piece of a capitalised run at ``p0``, read with its context: roles and places around a name."""
    shape = _shape(piece)
    if shape is None:
        return None
    lex = lexicon()
    start = p0 + shape.start
    end = p0 + shape.end
    if shape.kind not in ("person", "surname"):
        country = shape.country
        if shape.demonym_context:
            dm = _DEMONYM_DESCRIPTOR.search(text, max(0, start - 60), start)
            country = lex.demonyms.get(dm.group(1)) if dm else None  # "Dutch chipmaker X"
        return Found(
            start,
            end,
            text[start:end],
            shape.kind,
            shape.name,
            None,
            country,
            shape.affiliation,
            False,
            None,
            shape.rule,
        )
    full = shape.kind == "person"
    if full and headline and shape.known_key not in known:
        return None
    name_start = p0 + shape.name_start
    name = shape.name
    cut_role: tuple[str | None, str | None, bool] | None = None
    pm = (
        _role_preposition().search(text, max(0, p0 - 40), p0)
        if full and text[p0 - 4 : p0] in _PREPOSITION_ENDS
        else None
    )
    if pm is not None:
        # "leader in the Lower House Anna Berg", "Commissioner for Ocean Affairs Ian Holt": the
        # preposition's object is a body or portfolio, the person is the last two words
        tail = text[name_start:end].split(" ")
        k = len(tail) - 2
        while k > 0 and tail[k - 1].lower() in _PARTICLES:
            k -= 1
        if k >= 0 and (k == 0 or tail[k - 1].lower() not in lex.role_heads):
            name_start = end - len(" ".join(tail[k:]))
            name = demojibake(text[name_start:end])
            start = pm.start()  # the mention spans the role: "leader in the ... Anna Berg"
            # the role is the head before the preposition, its place the words before that head
            role = text[pm.start() : name_start] if pm.group(2) == "of" else pm.group(1)  # "Secretary of State"
            if pm.group(2) == "to":  # "US Ambassador to Japan X": the walk skips the host, keeps the sender
                cut_role = _left_context(text, name_start, lex, True)
            else:
                cut_role = (_clean_role(role), _left_context(text, pm.start(), lex, False)[1], False)
    found_role, place, former = cut_role or _left_context(text, name_start, lex, full)
    if found_role is None and cut_role is None:
        found_role = shape.prefix_role
    rm = _patterns()[0].match(text, end) if text.startswith((",", " is the "), end) else None
    affiliation: str | None = None
    if former:
        found_role, place = None, None  # a former office says nothing about today's affiliation
    if rm and not rm.group("former"):
        if not found_role:
            found_role = _clean_role(rm.group("role"))
        if not place:
            place = rm.group("place")
        org = (rm.group("org") or "").strip()
        if org:
            org = org.removesuffix(" of").removesuffix(" for").removesuffix(" and").removesuffix(" the").strip()
            affiliation = org or None
            if not place and affiliation:
                hit = _place_at(affiliation.split(), 0, lex)
                words_aff = affiliation.split()
                possessive = hit is not None and _strip_possessive(words_aff[hit[1] - 1])[1]
                if hit and (affiliation in lex.places or possessive):
                    place = hit[0]  # "Russia's Security Council" speaks for Russia
    country = None if former else _country_of(place, lex)
    if place and place in lex.places and lex.places[place].kind != "country":
        affiliation = affiliation or lex.places[place].name
    return Found(
        start,
        end,
        text[start:end],
        shape.kind,
        name,
        found_role,
        country,
        affiliation,
        former,
        shape.gender,
        shape.rule or ("role" if found_role else "bare"),
    )


@lru_cache(maxsize=1)
def _org_qualifiers() -> frozenset[str]:
    return frozenset(str(w) for w in _roles_data().get("org_qualifiers") or ())


_BODY_NEXT = frozenset(" ’'")


@lru_cache(maxsize=1)
def _country_body_words() -> tuple[str, ...]:
    """The last words of the lower-case government bodies: a cheap test per article."""
    return tuple(sorted({str(b).split()[-1] for b in _roles_data().get("country_bodies") or ()}))


def has_country_body(text: str) -> bool:
    """Whether a text can name a lower-case government body at all ("foreign ministry")."""
    return any(map(text.__contains__, _country_body_words()))


@lru_cache(maxsize=1)
def _country_body() -> re.Pattern[str]:
    """After a country or demonym: a lower-case government body ("'s foreign ministry", " embassy")."""
    lex = lexicon()
    bodies = trie_alternation([str(b) for b in _roles_data().get("country_bodies") or ()])
    mods = trie_alternation({w for w in (*lex.role_modifiers, *_role_object_words()) if w.isalpha() and w != "and"})
    return re.compile(rf"(?:[’']s)? (?:{mods} ){{0,2}}{bodies}(?![\w-])")


def _body_of(text: str, f: Found) -> Found | None:
    """A country mention followed by a lower-case government body: that body, an organisation."""
    if text[f.end : f.end + 1] not in _BODY_NEXT:
        return None
    m = _country_body().match(text, f.end)
    if m is None:
        return None
    name = text[f.start : m.end()]
    return Found(f.start, m.end(), name, "organisation", name, None, f.country, None, False, None, "country-body")


_PREPOSITION_ENDS = frozenset({" in ", " of ", "for ", " at ", " on ", " to ", "the "})


@lru_cache(maxsize=1)
def _role_preposition() -> re.Pattern[str]:
    heads = trie_alternation({str(h) for h in lexicon().role_heads}, ignore_case=True)
    return re.compile(rf"(?<![\w-])((?i:{heads})) (in|of|for|at|on|to) (?:the )?$")


@lru_cache(maxsize=1)
def _role_object_words() -> frozenset[str]:
    return frozenset(w for o in lexicon().role_objects for w in o.split()) - {"the", "and"}


_ROLE_GLUE = frozenset({"of", "for", "and", "general"})


_ROLE_OBJECT = re.compile(r"(\S+) (?:of|for|to) (?:the )?[A-Z][^\s,]*(?:(?:,| and| &)? [A-Z][^\s,]*){0,5},\s*$")
_ROLE_OBJECT_LOWER = re.compile(r"(\S+) (?:of|for) [a-z]+(?:(?:,| and)? [a-z]+){0,4},\s*$")  # "minister of energy,"


def _ends_with_role_object(window: str) -> bool:
    """Whether the text before a name ends in "<role head> of/for [the] <capitalised words>,"."""
    if " of " not in window and " for " not in window and " to " not in window:
        return False
    at = max(0, window.rfind(" ", 0, max(0, window.rfind(" of ") - 1)))
    m = _ROLE_OBJECT.search(window, at) or _ROLE_OBJECT_LOWER.search(window, at)
    return m is not None and _walk_kind(m.group(1)) == _HEAD


@lru_cache(maxsize=_CACHE)
def _left_gate(last: str) -> tuple[str | None, str | None, bool] | None:
    """By the word before a name alone: its title role, no context at all, or None (walk further back)."""
    lex = lexicon()
    titled = _title_roles().get(last)
    if titled is not None:
        return titled, None, False  # "Rep. Maria Lopez"
    bare_last = _strip_possessive(last)[0]
    if not (_is_role_word(last.lower(), lex) or bare_last in _place_first_words() or last.endswith(_POSS_SUFFIXES)):
        return None, None, False
    return None


def _left_context(
    text: str, name_start: int, lex: Lexicon, allow_comma: bool = True
) -> tuple[str | None, str | None, bool]:
    """(role, place, former) written just before a name: "US defence secretary", "Luxembourg’s Minister
    of Defence,", "Russia’s"; a backward walk over a few words, no regex search."""
    window = text[max(0, name_start - 80) : name_start]
    if not window.endswith(" ") or "\n" in window[-3:]:
        return None, None, False
    parts = window.rsplit(None, 1)
    last = parts[-1] if parts else ""
    if (
        last in _pure_honorifics()
        and len(parts) == 2
        and (parts[0].endswith(",") or _walk_kind(parts[0].rsplit(None, 1)[-1]) == _HEAD)
    ):
        # "Permanent Representative, Sir Ian Lowe": the role is written before the honorific
        return _left_context(text, name_start - (len(window) - len(window.rstrip())) - len(last), lex, allow_comma)
    # "chair of the X Commission, Y", "Minister of Mines, Oil and Energy, Y": walk on
    if last[-1:] != "," or (last[:-1] not in lex.org_heads and not _ends_with_role_object(window)):
        gate = _left_gate(last.rstrip(","))
        if gate is not None:
            return gate  # "Rep. Maria Lopez", or the word before is ordinary text: no role, no place
    toks = window.split()[-9:]
    if "," in window:  # a comma ending a word is a token of its own
        toks = " ".join(toks).replace(", ", " , ").split()
        if len(toks[-1]) > 1 and toks[-1].endswith(","):
            toks[-1:] = [toks[-1][:-1], ","]
    if not toks:
        return None, None, False
    i = len(toks) - 1
    if toks[i] == ",":
        if not allow_comma:
            return None, None, False  # "the US Secretary of Defence, Major fears": not an apposition
        i -= 1
    # "ambassador to the UN,", "chairperson of the Pacific Islands Forum,": the object of the role's
    # preposition is skipped (the possessor before the role is the country, not the host)
    obj: list[str] = []
    k = _object_start(toks, i) if toks[i][:1].isupper() and not _OBJECT_PREPOSITIONS.isdisjoint(toks) else -1
    if k < 0 and toks[i].isalpha() and toks[i].islower() and ("of" in toks or "for" in toks):
        k = _lower_object_start(toks, i)  # "the UAE's minister of energy and infrastructure, X"
    if k > 0 and _walk_kind(toks[k - 1]) == _HEAD:
        obj = [t for t in toks[k + 1 : i + 1] if t.lower() != "the"]
        obj_prep = toks[k].lower()
        i = k - 1
    end_role = i
    has_head = False
    while i >= 0:
        kind = _walk_kind(toks[i])
        if kind == _HEAD:
            has_head = True
        elif kind == _STOP:
            # "the Danish shipping minister", "Denmark's food and fisheries minister": up to three plain
            # portfolio words between a place and the head
            if has_head and toks[i].isalpha() and toks[i].islower():
                skip = next(
                    (
                        j
                        for j in (i - 1, i - 2, i - 3)
                        if j >= 0 and _place_ending((_strip_possessive(toks[j])[0],)) is not None
                    ),
                    -1,
                )
                if skip >= 0 and all(t.isalpha() and t.islower() for t in toks[skip + 1 : i + 1]):
                    i = skip
                    break
            break  # ordinary text, or a place: "NATO Secretary General" (the place qualifies the role)
        i -= 1
    role: str | None = None
    if has_head:
        # "Kenya's Blue Economy Minister", "Brazil's Development, Industry and Trade Minister": unknown
        # capitalised portfolio words (a list, too) after a possessive place
        if i > 1 and toks[i] == "," and _unknown_capitalised(toks[i - 1]):
            i -= 1
        for k in range(i - 1, max(-1, i - 7), -1) if i > 0 and _unknown_capitalised(toks[i]) else ():
            if not (toks[k + 1][:1].isupper() or toks[k + 1] in (",", "and")):
                break
            bare_k, poss_k = _strip_possessive(toks[k])
            if (poss_k and _place_ending((*toks[max(0, k - 2) : k], bare_k)) is not None) or (
                k == i - 1 and bare_k in lex.demonyms  # "Egyptian Irrigation Minister X"
            ):
                i = k
                break
        first = i + 1
        while first <= end_role and toks[first].lower() in ("of", "and", "for"):
            first += 1
        # stop at a possessive or place word that sits inside the walked span ("EU foreign policy chief")
        role = " ".join(toks[first : end_role + 1]).replace(" , ", ", ") or None
    else:
        if obj:
            return None, None, False
        i = end_role
    former = False
    place: str | None = None
    poss = False
    if i >= 0:
        word = toks[i]
        bare, poss = _strip_possessive(word)
        hit = _place_ending((*toks[max(0, i - 2) : i], bare))
        if hit is not None:
            place = hit[0]
            i -= hit[1]
        if (place is None and role and word.lower() in ("former", "ex", "ex-")) or (
            i >= 0 and toks[i].lower() in ("former", "ex")
        ):
            former = True
    if place is None and obj and obj_prep == "of" and not former:
        hit_obj = _place_at(obj, 0, lex)  # "chairperson of the African Union Commission": that body
        if hit_obj is not None and hit_obj[0] in lex.places and lex.places[hit_obj[0]].kind != "country":
            place = hit_obj[0]
    if role is None and not (place and poss):
        return None, None, False
    if role is not None and role.lower().split()[0] in ("former",):
        former = True
        role = " ".join(role.split()[1:]) or None
    return _clean_role(role), place, former


_STOP, _HEAD, _MODIFIER = 0, 1, 2


@lru_cache(maxsize=1)
def _pure_honorifics() -> frozenset[str]:
    """Honorifics that are neither role words nor abbreviated titles: "Sir", "Dr", "Ms"."""
    lex = lexicon()
    titles = _title_roles()
    return frozenset(h for h in lex.honorifics if not _is_role_word(h.lower(), lex) and h not in titles)


@lru_cache(maxsize=_CACHE)
def _unknown_capitalised(word: str) -> bool:
    """A capitalised word that is no place: maybe a portfolio word ("Blue Economy Minister")."""
    lex = lexicon()
    bare = _strip_possessive(word)[0]
    return word[:1].isupper() and bare not in lex.places and bare not in lex.demonyms


_OBJECT_PREPOSITIONS = frozenset({"to", "of", "for", "at"})


def _object_start(toks: list[str], i: int) -> int:
    """Where "to/of/for [the] <capitalised words>" ending at token i starts (its preposition), or -1;
    only when the object is not itself role words ("Secretary of State")."""
    k = i
    while k >= 0 and i - k < 8 and toks[k] != "The":
        # "of Mines, Oil and Energy": a list of capitalised portfolio words
        if not (toks[k][:1].isupper() or (toks[k] in (",", "and", "&") and k < i and toks[k + 1][:1].isupper())):
            break
        if i - k >= 4 and not any(t in (",", "and", "&") for t in toks[k : i + 1]):
            break
        k -= 1
    if k == i or all(_walk_kind(t) != _STOP for t in toks[k + 1 : i + 1]):
        return -1
    if k >= 0 and toks[k] == "the":
        k -= 1
    return k if k >= 0 and toks[k] in _OBJECT_PREPOSITIONS else -1


def _lower_object_start(toks: list[str], i: int) -> int:
    """Where "of/for <lower-case portfolio words>" ending at token i starts, or -1 ("of energy and mines")."""
    k = i
    while k > 0 and i - k < 5 and toks[k].isalpha() and toks[k].islower() and toks[k] not in ("of", "for"):
        k -= 1
    return k if k < i and toks[k] in ("of", "for") else -1


@lru_cache(maxsize=_CACHE)
def _walk_kind(word: str) -> int:
    """How the backward walk of ``_left_context`` treats a word: a role head, a modifier or glue, or a stop."""
    lex = lexicon()
    low = word.lower()
    bare_word = _strip_possessive(word)[0]
    if bare_word in lex.places or bare_word in lex.demonyms:
        return _STOP
    if low in lex.role_heads or ("-" in low and _is_role_word(low, lex)) or bare_word.lower() in lex.role_heads:
        return _HEAD  # also a possessive head: "the President's spokeswoman"
    if low not in lex.role_modifiers and low not in _ROLE_GLUE and low not in _role_object_words():
        return _STOP
    return _MODIFIER


@lru_cache(maxsize=_CACHE)
def _place_ending(words: tuple[str, ...]) -> tuple[str, int] | None:
    """The place named by the last one to three of these words: (place, number of words)."""
    lex = lexicon()
    for n in (3, 2, 1):
        if n > len(words):
            continue
        cand = " ".join(words[-n:])
        if cand in lex.places or cand in lex.demonyms or cand.removeprefix("the ") in lex.places:
            return cand.removeprefix("the "), n
    return None


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


def find_mentions(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[Found]:
    """Raw mentions of people, organisations and places in every paragraph."""
    headline_pars: list[tuple[int, int]] = []
    known: set[str] = set()
    deferred: list[tuple[str, int]] = []
    bodies = has_country_body(text)  # lower-case government bodies are only looked for when one is named
    body_pars: list[tuple[int, int]] = []
    for i, (p_start, p_end) in enumerate(paragraphs):
        title = i == 0 and len(paragraphs) > 1
        (headline_pars if _is_headline_at(text, p_start, p_end, title) else body_pars).append((p_start, p_end))
    found = _mentions_in(text, body_pars, False, known, deferred, bodies)
    # single capitalised words are only worth a closer look when they can name a person
    lex = lexicon()
    surnames: set[str] = set()
    for person in found:
        if person.kind == "person":
            name = person.name
            surnames.add(_name_parts(name)[0])
            # family name first ("Yoon" of "Yoon Min-seok"): the first word of a two-word name with a hyphen
            if name.count(" ") == 1 and "-" in name:
                surnames.add(_translit(name.split()[0]))
            words = name.split()
            if len(words) == 3 and words[1].lower() not in _PARTICLES:
                surnames.add(_translit(words[1]))  # "Quispe" of "Ramiro Quispe Mamani" (first of two surnames)
    for word, start in deferred:
        bare = _strip_possessive(word)[0]
        end = start + len(bare)
        if (
            _translit(bare) in surnames
            or _prev_is_title(text, start, lex)
            or text.startswith(",", end)
            or _next_is_cue(text, end, lex, start)
        ):
            f = _classify(word, start, text, False, known)
            if f is not None:
                if f.kind == "surname" and f.rule == "bare" and _next_is_cue(text, f.end, lex, f.start):
                    f.rule = "cue"
                found.append(f)
    # a bare plural subject ("Officials said", "Others warned") is a collective, never one actor; a name
    # with a geographic noun in it ("the Inland Sea Passage") is a place, never a person
    collectives, places = lex.collectives, _place_nouns()
    found = [
        f
        for f in found
        if not (f.kind == "surname" and fold(f.name) in collectives)
        and not ((f.kind == "person" or f.kind == "surname") and f.text.split()[-1] in places)
    ]
    found = _join_comma_lists(text, found, lex)
    found = _apposed_of_names(text, found)
    known = set()
    for f in found:
        if f.kind == "person":
            known.add(fold(f.name))
        elif f.kind == "organisation" and f.country is None and text[f.start - 2 : f.start - 1] in ("s", "'", "’"):
            # "Canada's Federal Office for X": the possessor place is the organisation's country
            m = _POSSESSOR_BEFORE.search(text, max(0, f.start - 40), f.start)
            if m is not None:
                f.country = _country_of(m.group(1), lex) or _country_of(m.group(1).split()[-1], lex)
    found.extend(_mentions_in(text, headline_pars, True, known, None, bodies))
    found.sort(key=_START)
    return found


_NOUN_COMMA = re.compile(r"(?:^|(?<=\s))([a-z][\w’'-]*), $")
_OF_NAME = re.compile(r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)* of (?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*(?=,)")


def _apposed_of_names(text: str, found: list[Found]) -> list[Found]:
    """ "a farmers' union, Unity of Rural Workers, said": an "X of Y" name apposed to a lower-case
    organisation noun is one organisation, not persons."""
    org_nouns = _name_words()[1]
    out = found
    for f in found:
        if f.kind not in ("person", "surname") or text[f.start - 2 : f.start] != ", ":
            continue
        m = _NOUN_COMMA.search(text, max(0, f.start - 30), f.start)
        if m is None or m.group(1) not in org_nouns:
            continue
        n = _OF_NAME.match(text, f.start)
        if n is None or n.end() < f.end:
            continue
        out = [g for g in out if not (f.start <= g.start < n.end())]
        out.append(Found(f.start, n.end(), n.group(), "organisation", n.group(), rule="apposed-org"))
    return sorted(out, key=_START) if out is not found else out


_POSSESSOR_BEFORE = re.compile(r"(?:(?<=\s)|^)([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?:’s|'s|’|') $")
_LIST_HEAD = re.compile(r"(?:(?<=\s)|^)((?:[A-Z][\w’'-]* )*[A-Z][\w’'-]*), $")


def _join_comma_lists(text: str, found: list[Found], lex: Lexicon) -> list[Found]:
    """An organisation named by a list ("the Northern Roads, Rail and Ports Authority"): the capitalised
    words before the comma belong to the name that the "and" list ends."""
    out = found
    for f in found:
        if f.kind != "organisation" or " and " not in f.text or text[f.start - 2 : f.start] != ", ":
            continue
        m = _LIST_HEAD.search(text, max(0, f.start - 60), f.start)
        if m is None:
            continue
        words = m.group(1).split()
        while words and words[0] in ("The", "the"):
            words = words[1:]
        if not words or any(w in lex.not_names or w in lex.places or w in lex.capitals for w in words):
            continue  # "In Paris, Smith and Jones Holdings": a place is not a name's first part
        head = " ".join(words)
        if f.country is None and words[0] in lex.demonyms:
            f.country = lex.demonyms[words[0]]
        start = m.end(1) - len(head)
        out = [g for g in out if not (start <= g.start < f.start)]
        f.start, f.text, f.name = start, text[start : f.end], f"{head}, {f.name}"
    return out


def _prev_is_title(text: str, start: int, lex: Lexicon) -> bool:
    """Whether the word before is a title or role ("Mr", "secretary") or a possessive ("Russia's")."""
    prev = text[max(0, start - 30) : start].rsplit(None, 1)
    return bool(prev) and _title_word(prev[-1].rstrip(","))


@lru_cache(maxsize=_CACHE)
def _title_word(w: str) -> bool:
    lex = lexicon()
    return _is_role_word(w.lower(), lex) or w in lex.honorifics or w.endswith(_POSS_SUFFIXES)


@dataclass(frozen=True, slots=True)
class _Run:
    """What a capitalised run says by its words alone, computed once per distinct run."""

    the_run: bool  # starts with "The "
    head: str  # without a leading "The "
    orgref: bool  # the head is an organisation noun ("Commission")
    skip: bool  # the whole run is a function word
    the_single: bool  # "The Word"
    head_org_ok: bool  # the head may be an organisation named by a noun after it
    single: bool  # one word
    bare: str  # without a possessive
    gaz: Place | None  # single words: the place it names
    gaz_rule: str
    bare_org_ok: bool
    deferrable: bool  # single words that are not demonyms or capitals
    multi_org: bool  # two or three words, none of them a function word
    run_org_ok: bool
    pieces: tuple[tuple[int, str], ...]  # (offset in the run, piece)


@lru_cache(maxsize=1)
def _org_word_blockers() -> frozenset[str]:
    lex = lexicon()
    return frozenset(lex.not_names) | frozenset(lex.demonyms) | frozenset(lex.capitals)


def _org_word_ok(word: str) -> bool:
    """The word checks of ``_org_by_noun``, which fail whatever the context."""
    return len(word) >= 3 and word not in _org_word_blockers()


@lru_cache(maxsize=_CACHE)
def _run(run: str) -> _Run:
    lex = lexicon()
    skip = lex.not_names
    the_run = run.startswith("The ")
    head = run[4:] if the_run else run
    single = " " not in run
    bare = _strip_possessive(run)[0]
    pieces = tuple((offs[0], " ".join(words)) for words, offs in _pieces(run, 0) if words)
    gaz = lex.places.get(bare) if single else None
    return _Run(
        the_run=the_run,
        head=head,
        orgref=head in lex.org_heads,
        skip=run in skip,
        the_single=the_run and " " not in head,
        head_org_ok=_org_word_ok(head),
        single=single,
        bare=bare,
        gaz=gaz,
        gaz_rule=f"place:{gaz.kind}" if gaz is not None else "",
        bare_org_ok=_org_word_ok(bare),
        deferrable=bare not in lex.demonyms and bare not in lex.capitals,
        multi_org=not single and run.count(" ") <= 2 and not any(w in skip for w in run.split()),
        run_org_ok=_org_word_ok(run),
        pieces=pieces,
    )


def _mentions_in(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    headline: bool,
    known: set[str],
    deferred: list[tuple[str, int]] | None = None,
    bodies: bool = True,
) -> list[Found]:
    """The mentions that the capitalised runs and the "the <word>" references of these paragraphs make."""
    lex = lexicon()
    role_ref = _patterns()[1]
    out: list[Found] = []
    runs, refs = _scan(text, paragraphs)
    for m in runs:
        run = m.group()
        r = _run(run)
        ms = m.start()
        if r.orgref and (r.the_run or text[ms - 4 : ms] == "the "):
            # "the Commission", "The Bank": a short form, resolved to the article's one such organisation
            me = m.end()
            head = r.head
            out.append(Found(me - len(head), me, head, "orgref", head, None, None, None, False, None, "org-short"))
            continue
        if r.skip:
            continue
        if r.the_single and r.head_org_ok and not headline and text[m.end() : m.end() + 1] == " ":
            org = _org_by_noun(text, ms + 4, r.head, lex)
            if org is not None:
                out.append(org)
                continue
        if r.single and not headline:
            bare = r.bare
            gaz = r.gaz
            if gaz is not None:
                kind = "country" if gaz.kind == "country" else "organisation"
                affiliation = gaz.name if gaz.kind != "country" else None
                place_f = Found(
                    ms, ms + len(bare), bare, kind, gaz.name, None, gaz.country, affiliation, False, None, r.gaz_rule
                )
                body = _body_of(text, place_f) if bodies and kind == "country" else None
                out.append(body or place_f)  # "Peru's foreign ministry", else "Peru"
                continue
            if r.bare_org_ok:
                after = text[m.end() : m.end() + 1]
                before = text[ms - 4 : ms]
                org = None
                if after == "," or (after == " " and before == "the "):
                    org = _org_by_noun(text, ms, bare, lex)
                if org is None and (
                    (before[3:] == " " and before[2:3].islower()) or (before[2:] == ", " and after == ",")
                ):
                    # "the rail union RMT said", "regulator Ofcom", "the election body, Bawaslu, said"
                    org = _org_after_noun(text, ms, bare, lex)
                if org is None:
                    org = _org_by_context(text, ms, bare, lex)  # "analysts at Barclays", "according to the RSPB"
                if org is not None:
                    out.append(org)
                    continue
            if deferred is not None and r.deferrable:
                deferred.append((run, ms))
                continue
        if r.multi_org and r.run_org_ok and text[m.end() : m.end() + 1] == " " and text[ms - 4 : ms] == "the ":
            org = _org_by_noun(text, ms, run, lex)  # "the IG Metall union said"
            if org is not None:
                out.append(org)
                continue
        for rel, piece in r.pieces:
            at = ms + rel
            f = _classify(piece, at, text, headline, known)
            if f is None:
                # a demonym before a collective noun speaks for its country ("German officials")
                if piece.startswith("The "):
                    piece, at = piece[4:], at + 4  # "The Danish foreign ministry"
                if " " not in piece and piece in lex.demonyms:
                    nxt = text[at + len(piece) : at + len(piece) + 30].split()
                    if nxt and nxt[0].strip(",.;:") in ("officials", "government", "authorities", "ministry"):
                        country = lex.demonyms[piece]
                        dem = Found(at, at + len(piece), piece, "country", country, country=country, rule="demonym")
                        out.append((bodies and _body_of(text, dem)) or dem)
                    elif nxt and nxt[0][:1].islower():
                        dem = Found(at, at + len(piece), piece, "country", lex.demonyms[piece], rule="demonym")
                        dem.country = dem.name
                        body = _body_of(text, dem) if bodies else None
                        if body is not None:
                            out.append(body)  # "the Danish foreign ministry"
                continue
            if f.kind == "surname" and f.rule == "bare" and _next_is_cue(text, f.end, lex, f.start):
                f.rule = "cue"
            elif bodies and f.kind == "country":
                f = _body_of(text, f) or f  # "Peru's foreign ministry"
            out.append(f)
    # "the <place> <role>" references, and "the company" ones; the full pattern only runs where the word
    # after "the" can start a role reference
    for m, p_end in refs:
        after_the = _after_the(m.group(1))
        s = m.start() - 1
        if after_the == "companyref":
            e = m.end()
            out.append(Found(s, e, text[s:e], "companyref", m.group(1), rule="company-ref"))
            continue
        hit = role_ref.match(text, s, p_end) if after_the == "role" else None
        if hit is None:
            e = m.end()
            if m.group(1) in _ORG_REF_NOUNS and text[e : e + 1] in (" ", ",", ".", "’", "'"):
                word = m.group(1).title()
                out.append(Found(e - len(word), e, text[e - len(word) : e], "orgref", word, rule="org-noun-ref"))
            continue
        e = hit.end()
        after = text[e : e + 3]
        if (after[:1] == " " and after[1:2].isupper()) or after[:1] == ",":
            continue  # a role followed by a name is a role+name mention, handled above
        if after[:1].isalpha():
            continue
        role = _clean_role(hit.group("role")) or ""
        place = hit.group("place")
        out.append(Found(s, e, hit.group(), "role", role, role, _country_of(place, lex), None, False, None, "role-ref"))
    return out


_ADJECTIVE_ENDINGS = ("-controlled", "-owned", "-based", "-led", "-backed", "-listed", "-run", "-funded")


def _org_by_noun(text: str, start: int, word: str, lex: Lexicon) -> Found | None:
    """A single capitalised word that a lower-case organisation noun marks: "the Unite union said",
    "Acme, one of the companies that sued, said"."""
    end = start + len(word)
    after = text[end : end + 1]
    org = False
    if after == " " and text[start - 4 : start] in ("the ", "The "):
        stop = text.find(" ", end + 1, end + 30)
        noun = text[end + 1 : stop if stop != -1 else end + 30].rstrip(",.;:")
        if noun in _name_words()[1]:
            org = True
            end += 1 + len(noun)  # the noun belongs to the mention: "the Unite union| said"
    elif after == ",":
        am = _APPOSITION_ORG.match(text, end)
        nouns = _name_words()[1]
        org = am is not None and (am.group(1) in nouns or am.group(2) in nouns)
    if not org or word in lex.not_names or word in lex.demonyms or word in lex.capitals or len(word) < 3:
        return None
    if word.endswith(_ADJECTIVE_ENDINGS):
        return None  # "the Chinese-controlled company": an adjective, not a name
    return Found(start, end, text[start:end], "organisation", word, None, None, None, False, None, "org-noun")


def _org_after_noun(text: str, start: int, word: str, lex: Lexicon) -> Found | None:
    """A single capitalised word right after a lower-case organisation noun, or in apposition to one: "union
    Unite", "regulator Ofcom", "the watchdog, Ofcom," (not a role word: "the party leader")."""
    before = text[max(0, start - 20) : start - 1]
    prev = before.rstrip(",").rsplit(None, 1)
    if not prev or prev[-1] not in _name_words()[1] or _is_role_word(word.lower(), lex):
        return None
    rule = "org-apposed" if before.endswith(",") else "org-noun"  # the apposed name is the subject's
    return Found(start, start + len(word), word, "organisation", word, None, None, None, False, None, rule)


_MEMBERS_AT = re.compile(r"\b([A-Za-z]+) (?:at|from) (?:the )?$")
_ACCORDING_TO = re.compile(r"(?:^|\W)[Aa]ccording to (?:the )?$")


def _org_by_context(text: str, start: int, word: str, lex: Lexicon) -> Found | None:
    """A single unknown word that its context makes an organisation: a group's members ("analysts at
    Barclays", "observers from Anfrel") or an acronym given as a source ("according to the RSPB")."""
    before = text[max(0, start - 30) : start]
    members = _MEMBERS_AT.search(before)
    acronym = word.isupper() and word.isalpha() and 3 <= len(word) <= 6 and _ACCORDING_TO.search(before)
    if not ((members and members.group(1).lower() in lex.collective_nouns) or acronym):
        return None
    return Found(start, start + len(word), word, "organisation", word, None, None, None, False, None, "org-context")


# "the"/"The" and the next word; the literal "he " comes first so the regex engine finds candidates by a
# fast substring search. A match starts one character after its "t" (scan from paragraph start + 1).
_THE = re.compile(r"he (?<=[Tt]he )(?<![\w][Tt]he )([\w’'.-]+)")


def _scan(
    text: str, paragraphs: Sequence[tuple[int, int]]
) -> tuple[list[re.Match[str]], list[tuple[re.Match[str], int]]]:
    """The capitalised runs of these paragraphs, and the "the <word>" matches whose word can start a role or
    company reference, each with its paragraph's end.

    Paragraphs in text order, each between line breaks (as the corpus reader makes them), are scanned as
    one text: neither pattern can match across a line break, so each match inside a paragraph is the one
    the paragraph's own scan finds, and matches outside the paragraphs are dropped."""
    layout = _layout(text, paragraphs)
    if layout == _EACH:
        runs = [m for a, b in paragraphs for m in _RUN.finditer(text, a, b)]
        refs = [
            (m, b) for a, b in paragraphs for m in _THE.finditer(text, a + 1, b) if _after_the(m.group(1)) is not None
        ]
        return runs, refs
    first, last = paragraphs[0][0], paragraphs[-1][1]
    if layout == _TILED:
        runs = list(_RUN.finditer(text, first, last))  # nothing but white space between the paragraphs
    else:
        runs = []
        pars = iter(paragraphs)
        a, b = next(pars)
        for m in _RUN.finditer(text, first, last):
            s = m.start()
            while s >= b:
                a, b = next(pars)
            if s >= a:
                runs.append(m)
    refs = []
    ends = [b for _, b in paragraphs]
    for m in _THE.finditer(text, first + 1, last):
        if _after_the(m.group(1)) is not None:
            a, b = paragraphs[bisect_right(ends, m.start())]  # the first paragraph ending after the match
            if m.start() > a:
                refs.append((m, b))
    return runs, refs


_EACH, _WHOLE, _TILED = 0, 1, 2


def _layout(text: str, paragraphs: Sequence[tuple[int, int]]) -> int:
    """How ``_scan`` reads the paragraphs: one scan when they are in text order, each starts and ends at a
    line break (or the text's ends) and they cover most of their range (``_TILED`` when nothing but white
    space lies between them); else each on its own (``_EACH``: also the headlines of a long text)."""
    if not paragraphs:
        return _EACH
    prev_end = covered = 0
    tiled = True
    for i, (a, b) in enumerate(paragraphs):
        if a < prev_end or b < a or text[a - 1 : a] not in ("", "\n") or text[b : b + 1] not in ("", "\n"):
            return _EACH
        if i and tiled and not text[prev_end:a].isspace():
            tiled = False
        prev_end = b
        covered += b - a
    if 2 * covered < paragraphs[-1][1] - paragraphs[0][0]:
        return _EACH
    return _TILED if tiled else _WHOLE


@lru_cache(maxsize=_CACHE)
def _after_the(word: str) -> str | None:
    """What "the" and this word can start: a role reference (a role word or a place), "the company"."""
    lex = lexicon()
    bare = _strip_possessive(word)[0]
    if (
        word.lower() in lex.role_heads
        or word.lower() in lex.role_modifiers
        or bare in lex.places
        or bare in lex.demonyms
        or bare.split(".")[0] in lex.places
    ):
        return "role"
    if word in _company_refs():
        return "companyref"
    return "orgref" if word in _ORG_REF_NOUNS else None


# "the union said", "according to the fund": a lower-case organisation noun standing for the article's one
# organisation named with that noun ("government" and "party" are left out: they rarely mean a named body)
_ORG_REF_NOUNS = frozenset(
    {"union", "association", "fund", "council", "agency", "institute", "federation", "commission", "foundation",
     "committee", "authority", "bank", "court", "society", "alliance", "coalition", "tribunal", "board", "bureau"}
)


@lru_cache(maxsize=1)
def _company_refs() -> frozenset[str]:
    return frozenset(str(w) for w in _roles_data().get("company_refs") or ())


_LEGAL_SUFFIXES = frozenset(
    {"Inc", "Ltd", "plc", "PLC", "GmbH", "AG", "SA", "Corp", "Co", "LLC", "NV", "SE", "Limited", "Incorporated"}
)


_INITIALS_SKIP = frozenset({"of", "the", "and", "for", "de", "&", "on", "in"})


def _expand_acronyms(found: list[Found]) -> None:
    """"BMA" in an article naming the British Medical Association is that organisation: an all-caps name
    whose letters are the initials of exactly one longer organisation name there."""
    acronyms = [f for f in found if f.name.isupper() and f.name.isalpha() and 2 <= len(f.name) <= 6]
    if not acronyms:
        return
    by_initials: dict[str, set[str]] = {}
    for f in found:
        if f.kind == "organisation" and " " in f.name and not f.rule.startswith("place"):
            initials = "".join(w[0] for w in f.name.split() if w.lower() not in _INITIALS_SKIP and w[:1].isalpha())
            by_initials.setdefault(initials.upper(), set()).add(f.name)
    if not by_initials:
        return
    for f in acronyms:
        if f.kind in ("organisation", "person", "surname"):
            full = by_initials.get(f.name)
            if full is not None and len(full) == 1:
                f.kind, f.name, f.role, f.gender = "organisation", next(iter(full)), None, None


def _drop_legal_suffixes(found: list[Found]) -> set[str]:
    """"Acme Robotics Inc." and "Acme Robotics" in one article are one organisation, named without the
    suffix, even where the shorter name alone was read as a person's; returns the companies so named."""
    companies: set[str] = set()
    for f in found:
        if f.kind == "organisation" and " " in f.name:
            head, last = f.name.rsplit(" ", 1)
            if last.rstrip(".") in _LEGAL_SUFFIXES:
                companies.add(head.rstrip(","))
    if not companies:
        return companies
    for f in found:
        if f.kind == "organisation" and " " in f.name:
            head, last = f.name.rsplit(" ", 1)
            head = head.rstrip(",")
            if head in companies and last.rstrip(".") in _LEGAL_SUFFIXES:
                f.name = head
        elif f.kind == "person" and f.name in companies:
            f.kind, f.role, f.gender, f.rule = "organisation", None, None, "company"
    return companies


@lru_cache(maxsize=1)
def _company_heads() -> frozenset[str]:
    return frozenset(str(w) for w in _roles_data().get("company_heads") or ())


_NOT_SUBJECT_BEFORE = frozenset(
    {"in", "at", "from", "to", "of", "with", "by", "for", "on", "into", "near", "across", "outside", "inside"}
)


def _next_is_cue(text: str, end: int, lex: Lexicon, start: int = -1) -> bool:
    """Whether a reporting verb follows (allowing one adverb): "Rutte said", "Kallas also warned"."""
    if text.startswith(("’s", "'s"), end):
        return False
    # the verb first: most names are followed by none
    step = _ADVERB
    for w in text[end : end + 40].split(None, 2)[:2]:
        step = _cue_step(w)
        if step != _ADVERB:
            break
    if step != _CUE:
        return False
    if start > 0:
        prev = text[max(0, start - 12) : start].rsplit(None, 1)
        if prev and prev[-1].lower() in _NOT_SUBJECT_BEFORE:
            return False  # "officials in Brussels said": a place, not a speaker
    return True


_CUE, _ADVERB, _OTHER = 1, 0, -1


@lru_cache(maxsize=_CACHE)
def _cue_step(word: str) -> int:
    """A word after a name: a reporting verb, an adverb that may come before one, or anything else."""
    lex = lexicon()
    w = word.strip(",.;:")
    if w.lower() in lex.cue_forms:
        return _CUE
    return _ADVERB if w in lex.adverbs else _OTHER


@lru_cache(maxsize=_CACHE)
def _role_class(role: str) -> frozenset[object]:
    """The synonym classes and head word of a role phrase (cached: role phrases recur)."""
    lex = lexicon()
    low = " ".join(role.lower().replace("-", " ").split())
    words = low.split()
    keys: set[object] = set()
    for n in range(len(words)):
        tail = " ".join(words[n:])
        if tail in lex.role_classes:
            keys.add(lex.role_classes[tail])
        tail_h = "-".join(words[n:])
        if tail_h in lex.role_classes:
            keys.add(lex.role_classes[tail_h])
    # the head word itself (last word, or the word before "of")
    head = words[words.index("of") - 1] if "of" in words and words.index("of") > 0 else (words[-1] if words else "")
    if head == "general" and len(words) >= 2 and "secretary" in words:
        head = "secretary general"
    keys.add(head)
    return frozenset(keys)


@lru_cache(maxsize=_CACHE)
def _name_key(name: str) -> str:
    return name_key(name)


@lru_cache(maxsize=_CACHE)
def _name_parts(canon: str) -> tuple[str, str | None]:
    """(transliterated last word, transliterated first word of a two- or three-word name: "Choi" of
    "Choi Jin", "Rosnah" of "Rosnah Abdul Karim")."""
    words = canon.split()
    return _translit(words[-1]), (_translit(words[0]) if len(words) in (2, 3) else None)


@lru_cache(maxsize=_CACHE)
def _bare_text(text: str) -> str:
    return _strip_possessive(text)[0]


def _merge_middle_names(persons: dict[str, None], key_of_full: dict[str, str]) -> None:
    """"Donald Trump" after "Donald J. Trump" (or "Hillary Rodham Clinton") is that person, when the
    first and last words pick out one longer name only."""
    longer: dict[tuple[str, str], set[str]] = {}
    for canon in persons:
        words = canon.split()
        if len(words) >= 3 and words[-1][-1] != ".":
            longer.setdefault((_translit(words[0]), _translit(words[-1])), set()).add(canon)
    if not longer:
        return
    for canon in [c for c in persons if c.count(" ") == 1]:
        first, last = canon.split()
        names = longer.get((_translit(first), _translit(last)))
        if names is not None and len(names) == 1:
            full = next(iter(names))
            for k, v in key_of_full.items():
                if v == canon:
                    key_of_full[k] = full
            del persons[canon]


def _in_context(
    f: Found, cands: set[str], full_at: list[tuple[int, str]], paragraphs: Sequence[tuple[int, int]]
) -> str | None:
    """The one of several same-surname people named in full in this or the previous paragraph before ``f``;
    failing that, the one named in full last before it if that is also the one named in full most often
    so far (the story's "Clinton", not the husband mentioned once); else nobody."""
    i = bisect_right(paragraphs, (f.start, 1 << 62)) - 1
    if i < 0:
        return None
    lo = paragraphs[max(0, i - 1)][0]
    seen = {c for at, c in full_at if lo <= at < f.start and c in cands}
    if seen:
        return next(iter(seen)) if len(seen) == 1 else None
    before = [c for at, c in full_at if at < f.start and c in cands]
    if not before:
        return None
    counts = {c: before.count(c) for c in set(before)}
    last = before[-1]
    return last if all(n < counts[last] for c, n in counts.items() if c != last) else None


def resolve(found: list[Found], paragraphs: Sequence[tuple[int, int]] = ()) -> ArticleActors:
    """Merge an article's raw mentions into local actors: surnames, honorifics, roles, variants."""
    companies = _drop_legal_suffixes(found)
    _expand_acronyms(found)
    persons: dict[str, None] = {}
    key_of_full: dict[str, str] = {}
    by_surname: dict[str, set[str]] = {}
    for f in found:
        if f.kind != "person":
            continue
        k = _name_key(f.name)
        canon = key_of_full.setdefault(k, f.name)
        persons[canon] = None
    _merge_middle_names(persons, key_of_full)
    # "Benítez Ramos" after "Santiago Benítez Ramos": a two-word name that ends one longer name is that name
    tails: dict[str, set[str]] = {}
    for canon in persons:
        words = canon.split()
        if len(words) >= 3:
            tails.setdefault(_name_key(" ".join(words[-2:])), set()).add(canon)
    if tails:
        for canon in [c for c in persons if c.count(" ") == 1]:
            longer = tails.get(_name_key(canon))
            if longer is not None and len(longer) == 1:
                key_of_full[_name_key(canon)] = next(iter(longer))
                del persons[canon]
    by_first: dict[str, set[str]] = {}
    by_paternal: dict[str, set[str]] = {}  # "Solís" of "Adriana Solís Treviño" (Spanish: the first surname)
    for canon in persons:
        last, first = _name_parts(canon)
        by_surname.setdefault(last, set()).add(canon)
        if first is not None:
            by_first.setdefault(first, set()).add(canon)
        words = canon.split()
        if len(words) == 3 and words[1].lower() not in _PARTICLES:
            by_paternal.setdefault(_translit(words[1]), set()).add(canon)
    # single words resolve to a unique surname, else to a unique family-name-first name ("Choi" of
    # "Choi Jin"); a first name alone then also finds its person
    resolved: list[tuple[Found, str]] = []
    singles: dict[str, list[Found]] = {}
    roles: list[Found] = []
    others: list[Found] = []
    company_ref = False  # a "the company" reference was found
    full_at: list[tuple[int, str]] | None = None  # (start, canonical name) of every full-name mention
    for f in found:
        kind = f.kind
        if kind == "person":
            resolved.append((f, key_of_full[_name_key(f.name)]))
        elif kind == "surname":
            t = _translit(f.name.rsplit(" ", 1)[-1])
            cands = by_surname.get(t) or by_first.get(t) or by_paternal.get(t)
            if cands is not None and len(cands) == 1:
                resolved.append((f, next(iter(cands))))
            elif not cands:
                singles.setdefault(t, []).append(f)
            elif paragraphs:
                if full_at is None:
                    full_at = [(g.start, key_of_full[_name_key(g.name)]) for g in found if g.kind == "person"]
                near = _in_context(f, cands, full_at, paragraphs)
                if near is not None:
                    resolved.append((f, near))
        elif kind == "role":
            roles.append(f)
        else:
            others.append(f)
            if kind == "companyref":
                company_ref = True
    # the first word of one organisation's name alone is that organisation ("Veridian" of "Veridian AI")
    org_firsts: dict[str, set[str]] = {}
    for f in others:
        if f.kind == "organisation" and " " in f.name:
            org_firsts.setdefault(f.name.split(" ", 1)[0], set()).add(f.name)
    # a surname never given in full still names a person when a role, honorific or cue marks it
    for group in singles.values():
        orgs = org_firsts.get(group[0].name)
        if orgs is not None and len(orgs) == 1 and not any(g.role for g in group):
            full = next(iter(orgs))
            for g in group:
                g.kind, g.name, g.rule = "organisation", full, "org-first-word"
                others.append(g)
            continue
        if any(g.rule in ("honorific", "role", "cue") or g.role for g in group):
            canon = group[0].name
            for g in group:
                resolved.append((g, canon))
    # every mention as the row of Mention's fields, then sorted by span (stable: persons first, as before)
    rows: list[_Row] = []
    genders: dict[str, str] = {}
    alias_at: dict[int, str] = {}
    unresolved: list[Mention] = []
    if roles:
        roles_by_person: dict[str, list[Found]] = {}
        for f, canon in resolved:
            roles_by_person.setdefault(canon, []).append(f)
        # role references ("the defence secretary") resolve to the one person holding a matching role
        role_index: dict[str, frozenset[object]] = {}
        country_index: dict[str, str | None] = {}
        for canon, fs in roles_by_person.items():
            keys: frozenset[object] = frozenset()
            for f in fs:
                if f.role and not f.former:
                    keys |= _role_class(f.role)
            role_index[canon] = keys
            country_index[canon] = next((f.country for f in fs if f.country), None)
        for f in roles:
            if f.country is None and len(f.name.split()) < 2:
                continue  # "the president" alone is too vague to resolve
            keys = _role_class(f.name)
            holders = [
                c
                for c, ks in role_index.items()
                if ks & keys and (f.country is None or country_index.get(c) == f.country)
            ]
            if not holders and f.country:
                holders = [
                    c
                    for c, ks in role_index.items()
                    if ks and country_index.get(c) == f.country and any(isinstance(k, int) for k in keys & ks)
                ]
            if len(holders) == 1:
                resolved.append((f, holders[0]))
            else:
                unresolved.append(Mention(f.start, f.end, f.text, "", "person", f.role, f.country, None, "role-ref"))
    for f, canon in resolved:
        # the name as written: with its honorific ("Mr Healey"), without role words
        alias_at[f.start] = _bare_text(f.text) if f.rule == "honorific" else f.name
        rows.append((f.start, f.end, f.text, canon, "person", f.role, f.country, f.affiliation, f.rule))
        if f.gender:
            genders.setdefault(canon, f.gender)
    by_head: dict[str, set[str]] = {}
    first_org: dict[str, Found] = {}  # the first organisation mention of each name
    for f in others:
        if f.kind == "organisation":
            first_org.setdefault(f.name, f)
            if " " in f.name:
                by_head.setdefault(f.name.rsplit(" ", 1)[-1], set()).add(f.name)
            for w in f.text.split(" ") if f.text != f.name else f.name.split(" ")[:-1]:
                if w.lower() in _ORG_REF_NOUNS:
                    by_head.setdefault(w, set()).add(f.name)  # "the bank": "Bank of Ghana"; "the fund": the IMF
    company: Found | None = None
    if company_ref:
        # "the company": the article's most-mentioned company, when one leads
        heads = _company_heads()
        counts: dict[str, int] = {}
        for f in others:
            named = f.name in companies or (" " in f.name and f.name.rsplit(" ", 1)[-1] in heads)
            if f.kind == "organisation" and named:
                counts[f.name] = counts.get(f.name, 0) + 1
        if counts:
            company = first_org[max(counts, key=counts.__getitem__)]  # the first of equals: the story's own
    for f in others:
        kind = f.kind
        if kind == "country" or kind == "organisation":
            actor_kind: ActorKind = "country" if kind == "country" else "organisation"
            rows.append((f.start, f.end, f.text, f.name, actor_kind, None, f.country, f.affiliation, f.rule))
        elif kind == "companyref":
            if company is not None:
                c = company
                rows.append(
                    (f.start, f.end, f.text, c.name, "organisation", None, c.country, c.affiliation, "company-ref")
                )
        elif kind == "orgref":
            names = by_head.get(f.name)
            if names is not None and len(names) == 1:
                full = next(iter(names))
                org = first_org[full]
                rows.append(
                    (f.start, f.end, f.text, full, "organisation", None, org.country, org.affiliation, "org-short")
                )
    rows.sort(key=_ROW_SPAN)
    # per actor: kind, aliases, roles, countries, affiliations, mention count
    acc: dict[str, tuple[ActorKind, set[str], list[str], list[str], list[str], list[int]]] = {}
    mentions = []
    for row in rows:
        mentions.append(Mention(*row))
        start, _, text, name, kind, role, country, affiliation, rule = row
        entry = acc.get(name)
        if entry is None:
            entry = acc[name] = (kind, set(), [], [], [], [0])
        entry[5][0] += 1
        alias = alias_at.get(start)
        if alias is None:
            alias = _bare_text(text) if kind != "person" else name
        if alias != name and rule != "role-ref":
            entry[1].add(alias)
        if role:
            entry[2].append(role)
        if country and rule != "role-ref":
            entry[3].append(country)
        if affiliation:
            entry[4].append(affiliation)
    actors = []
    for name in sorted(acc):
        kind_a, aliases, roles_a, countries, affs, count = acc[name]
        country = _most_common(countries) if countries else None
        actors.append(
            LocalActor(
                name,
                name,
                kind_a,
                country,
                _most_common(affs) if affs else (country if kind_a != "person" else None),
                tuple(dict.fromkeys(roles_a)) if roles_a else (),
                tuple(sorted(aliases)) if aliases else (),
                count[0],
            )
        )
    return ArticleActors(tuple(actors), tuple(mentions), genders, tuple(unresolved))


def _most_common(values: list[str]) -> str:
    """``max(values, key=values.count)``: the most frequent value, the first of equals."""
    first = values[0]
    if len(values) == 1 or values.count(first) == len(values):
        return first
    return max(values, key=values.count)


_START = attrgetter("start")
# a mention's fields, in Mention's order
_Row = tuple[int, int, str, str, ActorKind, str | None, str | None, str | None, str]
_ROW_SPAN = itemgetter(0, 1)




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


@lru_cache(maxsize=1)
def _title_roles() -> dict[str, str]:
    return {str(k): str(v) for k, v in (_roles_data().get("title_roles") or {}).items()}


@lru_cache(maxsize=1)
def _body_roles() -> dict[str, str]:
    return {str(k): str(v) for k, v in (_roles_data().get("body_roles") or {}).items()}


def _with_home_country(
    actors: ArticleActors, home: str | None, mentioned: set[str], sections: Sequence[tuple[int, str]] = ()
) -> ArticleActors:
    """National office holders and public bodies with no stated country belong to the home country (in a
    round-up, the country of the section they first appear in); a body's office holders ("Competition
    Commissioner X") to that body when the article names it."""
    roles, bodies = _national_words()
    body_roles = _body_roles()
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
        if a.country is None and a.kind == "person":
            words = _role_words(a.roles)
            body = next((body_roles[w] for w in words if w in body_roles and body_roles[w] in mentioned), None)
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
    return LocalActor(a.key, a.name, a.kind, country, a.affiliation, a.roles, a.aliases, a.mentions)


@lru_cache(maxsize=_CACHE)
def _role_words(roles: tuple[str, ...]) -> tuple[str, ...]:
    """The words of an actor's roles, in the order of the set the rules iterate."""
    return tuple({w for r in roles for w in r.lower().replace("-", " ").split()})


def local_actors_of(text: str, paragraphs: Sequence[tuple[int, int]]) -> ArticleActors:
    """The actors of one article's text."""
    found = find_mentions(text, paragraphs)
    lex = lexicon()
    home, mentioned = _home_country(found, lex, _dateline_country(text, paragraphs, lex))
    # a pronoun's possessor first ("Its irrigation minister, X" follows "Sudan ..."), then the home country,
    # then possessors again for people whose country came from home
    actors = _with_possessor_country(resolve(found, paragraphs), text)
    actors = _with_home_country(actors, home, mentioned, _section_countries(text, paragraphs, lex))
    return _with_possessor_country(actors, text)


_PRONOUN_ROLE = re.compile(r"(?:^|(?<=\s))(His|Her|Its|his|her|its) [a-z][a-z -]{2,60}, $")


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
