"""What a capitalised run's words say alone: organisation, place, or a person's name after titles and roles."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from briefgen.extract.actors.words import (
    _CACHE,
    _CONNECTOR_SET,
    _PARTICLES,
    _POSS_SUFFIXES,
    _SPLITTERS,
    MAX_NAME_WORDS,
    _clean_role,
    _country_of,
    _is_role_word,
    _name_words,
    _org_last,
    _org_qualifiers,
    _place_at,
    _place_nouns,
    _short_forms,
    _strip_possessive,
    _translit,
    _without_particle,
)
from briefgen.extract.lexicon import Lexicon, _lemma_table, demojibake, fold, lexicon


def _pieces(run: str, start: int) -> list[tuple[list[str], list[int]]]:
    """Split a capitalised run at connectors (kept inside organisation names) and after possessives."""
    if " " not in run:
        return [([run], [start])]
    words = run.split(" ")
    offs = _offsets(words, start)
    lex = lexicon()
    person_part = _person_of_org(words, offs, lex)
    if person_part is not None:
        return person_part
    if _portfolio_person(words, offs, 0, lex) is not None:
        return [(words, offs)]  # "Minister for Trade and Industry Tom Lee": one titled person
    if _org_last(words, lex):
        return [(words, offs)]  # "Amnesty International", "Human Rights Watch"
    if any(w in lex.org_heads for w in words):
        return _organisation_pieces(words, offs, lex)
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


_DAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})


def _organisation_pieces(words: list[str], offs: list[int], lex: Lexicon) -> list[tuple[list[str], list[int]]]:
    """A run with an organisation word: two bodies, a body and a person, or one organisation's name."""
    cut = next((i for i in range(1, len(words) - 1) if words[i] == "on" and words[i + 1] in _DAYS), None)
    if cut is not None:  # "The High Court on Tuesday dismissed": the day is no part of the name
        return _pieces(" ".join(words[:cut]), offs[0])
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
    if (
        len(words) >= 3
        and words[0].endswith(_POSS_SUFFIXES)
        and words[1] not in lex.org_heads
        and (len(words) > 3 or (words[1].endswith(_POSS_SUFFIXES) and _country_of(words[0][:-2], lex) is not None))
    ):
        # "Canada's Federal Office for X", "Ecuador's Ombudsman's Office" (a second possessive: the office's
        # own name): the possessor is its own mention; "India's High Commission" stays one name
        return [(words[:1], offs[:1]), (words[1:], offs[1:])]
    return [(words, offs)] if words else []


def _person_of_org(words: list[str], offs: list[int], lex: Lexicon) -> list[tuple[list[str], list[int]]] | None:
    """ "Teresa Alvim of Climate Action Network": a plain two- or three-word name, then "of" an organisation."""
    if "of" not in words:
        return None
    k = words.index("of")
    head, rest = words[:k], words[k + 1 :]
    # "Dr Ana Ruiz of the X Institute", "Economist Ana Ruiz of ...", "Opposition MP Ana Ruiz of ...": titles
    titled = _title_prefix(head, lex)[0] if head else 0
    # "Morgan of the Sierra Club": a lone surname too, when an organisation's name follows "of"
    if not 1 <= k - titled <= 3 or not rest or " ".join(head) in lex.places:
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
    if not any(w in lex.org_heads for w in rest) and not _org_last(rest, lex):
        return None  # "... of Human Rights Watch" ends like an organisation's name
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


def _offsets(words: list[str], start: int = 0) -> list[int]:
    """Where each of these words, joined by single spaces from ``start``, begins."""
    offs = []
    pos = start
    for w in words:
        offs.append(pos)
        pos += len(w) + 1
    return offs


@lru_cache(maxsize=_CACHE)
def _shape(piece: str) -> _Shape | None:
    """The context-free part of ``_classify``: one piece's words (single spaces) read alone."""
    lex = lexicon()
    words = piece.split(" ")
    offs = _offsets(words)
    # trailing possessive marks belong to the mention, not the name
    last, _poss = _strip_possessive(words[-1])
    if len(last) > 3 and last.endswith(("s’", "s'")):
        last = last[:-1]  # "Bernie Sanders’ campaign": a plural-form possessive
    words = [*words[:-1], last]
    if not last:
        return None
    end = offs[-1] + len(last)
    i = _first_content_word(words, lex)
    if i == len(words):
        return None
    words, offs = words[i:], offs[i:]
    start = offs[0]
    surface = " ".join(words)
    portfolio = _portfolio_person(words, offs, end, lex)
    if portfolio is not None:
        return portfolio
    # the organisation test reads repaired words ("UniversitÃ© Laval"); offsets stay on the raw text
    if (any(w in lex.org_heads or demojibake(w) in lex.org_heads for w in words) or _org_last(words, lex)) and len(
        words
    ) >= 2:
        return _organisation_shape(words, offs, end, surface, lex)
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
    return _person_shape(words, offs, end, lex)


def _first_content_word(words: list[str], lex: Lexicon) -> int:
    """The first word after sentence-initial function words (but not the first word of a place: "European
    Union", nor a qualifier opening an organisation's name: "Supreme Court", "European Growers Association",
    "Internet and Mobile Association of India")."""
    of_tail = any(w in lex.org_heads and nxt in ("of", "for") for w, nxt in pairwise(words))
    keep = _org_qualifiers() if words[-1] in lex.org_heads or of_tail else frozenset()
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
    return i


def _organisation_shape(words: list[str], offs: list[int], end: int, surface: str, lex: Lexicon) -> _Shape | None:
    """A run with an organisation word: a titled person, a listed institution or an organisation."""
    start = offs[0]
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


def _title_prefix(words: list[str], lex: Lexicon) -> tuple[int, str | None, bool]:
    """Where the name starts after honorifics, role words and places inside the run: (index, gender,
    whether an honorific was seen)."""
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
    return j, gender, honorific


_QUALIFIER_ENDINGS = ("-based", "-born", "-led", "-backed")


def _not_a_name(name_words: list[str], lex: Lexicon) -> bool:
    """Words that cannot be a person's name: function words, places inside it, acronyms, too many words."""
    endings = _name_words()[0]
    if any(
        (w in lex.not_names and not (k and k == len(name_words) - 1 and w in endings))
        or w.endswith(_QUALIFIER_ENDINGS)
        for k, w in enumerate(name_words)
    ):
        return True
    if len(name_words) == 1 and len(name_words[0]) < 2:
        return True
    # a place word may end a longer name ("Michael Jordan") and start one as a first name ("Chad
    # Johnson", checked above), but never fills one
    first_place = 1 if _first_name_place(name_words, 0, lex) else 0
    if any(w in lex.places or w in lex.demonyms for w in name_words[first_place:-1]) or (
        len(name_words) == 1 and (name_words[0] in lex.places or name_words[0] in lex.demonyms)
    ):
        return True
    if any(len(w) > 4 and w.isupper() for w in name_words):
        return True
    # particles do not count: "Hamad bin Nasser Al Thani" is a four-word name
    return sum(1 for w in name_words if w.lower() not in _PARTICLES) > MAX_NAME_WORDS


def _person_shape(words: list[str], offs: list[int], end: int, lex: Lexicon) -> _Shape | None:
    """A person's name, maybe after honorifics, role words and places: the name, its role and gender."""
    # "Texas-based Matt Lowe", "Korean-born Ana Kim": a place qualifier before a full name is no part of it
    mention_start = offs[0]  # the mention keeps the qualifier: nothing before the name is left unread
    cut_at = max((k for k, w in enumerate(words[:-2]) if w.endswith(_QUALIFIER_ENDINGS)), default=-1)
    if cut_at >= 0:
        words, offs = words[cut_at + 1 :], offs[cut_at + 1 :]
    if len(words) >= 2 and _participle_opener(words[0]) and not _is_role_word(words[1].lower(), lex):
        # "Visiting Salem, ...", "Praising Weber, ...": a participle opening the sentence governs the name after
        # it and is no part of the mention ("Visiting Professor X" keeps its title)
        words, offs = words[1:], offs[1:]
        mention_start = offs[0]
    j, gender, honorific = _title_prefix(words, lex)
    name_words = words[j:]
    if not name_words:
        return None
    # unknown qualifier words before a role head ("Kerala Hills Chief Minister K. Raman"): the name is
    # the two or more words after the last role head
    cut = max((k for k, w in enumerate(name_words[:-2]) if w.lower() in lex.role_heads), default=-1)
    if cut >= 0:
        j += cut + 1
        name_words = words[j:]
    title = _unknown_title(name_words)
    if title:
        j += title
        name_words = words[j:]
    if _not_a_name(name_words, lex) or (not j and _particle_place(name_words)):
        return None  # "Shatt al-Arab": a place, unless a title or a given name opens it
    prefix_role = " ".join(words[j - title : j]) if title else None
    if j and not title:
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
    # ("Ben Wikler", "Al From": a particle that is also a given name opens a full name)
    full = len(name_words) >= 2 and (
        name_words[0].lower() not in _PARTICLES or (len(name_words) == 2 and _translit(name_words[0]) in _short_forms())
    )
    return _Shape(
        "person" if full else "surname",
        mention_start,
        end,
        name,
        rule="name" if full else ("honorific" if honorific else ""),
        name_start=offs[j],
        prefix_role=prefix_role,
        gender=gender,
        known_key=fold(name) if full else "",
    )


def _particle_place(name_words: list[str]) -> bool:
    """Whether words with a lower-case hyphenated article after the first ("Shatt al-Arab") open with no given
    name (a capitalised one, "Khaled Al-Momani", was always read as a name)."""
    return _translit(name_words[0]) not in _short_forms() and any(
        w[:1].islower() and _without_particle(w) != w for w in name_words[1:]
    )


@lru_cache(maxsize=1)
def _ing_forms() -> frozenset[str]:
    """The -ing forms of verbs in the lemma table ("visiting", "praising"; not "sterling")."""
    return frozenset(w for w, lemma in _lemma_table().items() if w.endswith("ing") and lemma != w)


def _unknown_title(name_words: list[str]) -> int:
    """How many words of a title no role list knows open a run ending in a given name and a surname: two or
    more capitalised words, none a given name ("New York City Public Advocate Anna Weber" -> 5); else 0
    ("Lee Harvey Oswald", "Mary Kate Olsen": one word, or given names, before)."""
    if len(name_words) < 4 or _translit(name_words[-2]) not in _short_forms():
        return 0
    pre = name_words[:-2]
    given = _short_forms()
    if all(w.isalpha() and w.istitle() and w.lower() not in _PARTICLES and _translit(w) not in given for w in pre):
        return len(pre)
    return 0


def _participle_opener(word: str) -> bool:
    """A capitalised -ing form that is no given name ("Visiting", "Praising"; not "Sterling")."""
    if not (len(word) > 5 and word.endswith("ing") and word[1:].islower()) or _translit(word) in _short_forms():
        return False
    return word.lower() in _ing_forms()  # a verb's form, not a name like "Sterling"


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


def _portfolio_person(words: list[str], offs: list[int], end: int, lex: Lexicon) -> _Shape | None:
    """A role "for" or "of" a portfolio, then a given name and a surname: "Minister for Trade and Industry Tom
    Lee", "Coordinating Minister for Economic Affairs Ann Roe" are persons (not "Minister for Trade")."""
    k = next((i for i, w in enumerate(words[:2]) if w.lower() in lex.role_heads), None)
    if k is None or len(words) < k + 5 or words[k + 1] not in ("for", "of"):
        return None
    for n in (2, 3):
        if len(words) - n < k + 3 or _translit(words[-n]) not in _short_forms():
            continue
        if all(_name_word_at(words, t, lex) for t in range(len(words) - n, len(words))):
            name = demojibake(" ".join(words[-n:]))
            role = " ".join(words[:-n])
            return _Shape("person", offs[0], end, name, rule="name", name_start=offs[-n], prefix_role=role,
                          known_key=fold(name))
    return None


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
