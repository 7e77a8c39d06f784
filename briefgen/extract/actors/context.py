"""Roles, places and bodies written around a name: the backward walk, appositions, government bodies."""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.extract.actors.names import _shape
from briefgen.extract.actors.words import (
    _CACHE,
    _PARTICLES,
    _POSS_SUFFIXES,
    _WORD,
    Found,
    _body_roles,
    _clean_role,
    _country_of,
    _is_role_word,
    _place_at,
    _place_first_words,
    _roles_data,
    _strip_possessive,
    _title_roles,
)
from briefgen.extract.fastre import trie_alternation
from briefgen.extract.lexicon import (
    Lexicon,
    demojibake,
    lexicon,
)

# "\b[A-Z]" written as "[A-Z](?<![\w].)": a leading character class lets the engine skip ahead (10x faster)
_DEMONYM_DESCRIPTOR = re.compile(r"([A-Z](?<![\w].)[a-z]+) (?:[a-z][\w-]* ){1,3}$")


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


@lru_cache(maxsize=1)
def _verb_prepositions() -> frozenset[str]:
    """Prepositions that may open a company's name ("Under Armour"): roles.yml ``verb_prepositions``."""
    return frozenset(str(w) for w in _roles_data().get("verb_prepositions") or ())


_VERB_AFTER = re.compile(r" ([a-z]+)\b")


def _preposition_name(piece: str, p0: int, text: str, lex: Lexicon) -> Found | None:
    """ "Under Armour said", "Beyond Meat will": a preposition and one name word directly before a verb are a
    name (an organisation), not a preposition governing a name ("Under Trump, the economy grew")."""
    words = piece.split(" ")
    if len(words) != 2 or words[0] not in _verb_prepositions() or words[1] in lex.not_names:
        return None
    end = p0 + len(piece)
    m = _VERB_AFTER.match(text, end)
    # not "be" or "have": "Behind Putin is a small circle …", "Beyond Weber was a row of police" are locatives
    if m is None or not (m.group(1) in lex.cue_forms or m.group(1) in _NAME_VERBS_AFTER):
        return None
    if re.search(rf"\b[A-Z][\w’'-]+ {re.escape(words[1])}\b", text.replace(piece, "")):
        return None  # "Vladimir Putin … Behind Putin said": the word is a person's name in this text
    return Found(p0, end, piece, "organisation", piece, rule="preposition_name")


# verbs after "Under Armour" besides reporting verbs that make the run a company's name
_NAME_VERBS_AFTER = frozenset({"will", "plans", "expects", "reported", "posted"})


# after a name: a closed apposition (", a union organiser,") or nothing, then a verb
_SUBJECT_AFTER = re.compile(r"(?:,\s+(?:a|an|the)\s[^,;:.“”\"]{1,80},)?\s+([a-z]+)\b")


def _ing_given_name(piece: str, p0: int, text: str, kind: str, lex: Lexicon) -> Found | None:
    """ "Manning Smith, a union organiser, said": an -ing given name before a surname is no participle opener
    when the two words are the subject of a reporting verb ("Praising Smith, the mayor said" stays a participle)."""
    words = piece.split(" ")
    if kind != "surname" or len(words) != 2 or not words[0].endswith("ing"):
        return None
    end = p0 + len(piece)
    m = _SUBJECT_AFTER.match(text, end)
    if m is None or m.group(1) not in lex.cue_forms:
        return None
    return Found(p0, end, piece, "person", piece, rule="name")


_OBJECT_PREPOSITIONS = frozenset({"at", "of", "from", "for", "with", "to", "by", "in", "on", "against", "about"})
_POSSESSOR_IN = re.compile(r"\w[’']s ")
# " in Poland said", " in Ulaanbaatar condemned": the seat of a body and the verb it is the subject of
_SEAT = re.compile(r" in ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?) ([a-z]+)\b")

# finite verbs after a subject besides reporting verbs: "Beyond Meat will", "Under Armour has"
_FINITE_AFTER = frozenset({"will", "would", "has", "had", "is", "was", "plans", "expects", "reported", "posted"})


def _seated_body(piece: str, name: str, start: int, end: int, text: str, lex: Lexicon) -> tuple[int, int, str] | None:
    """(start, end, name) of a body named with its seat when it is the subject of a verb ("The Association of Road
    Carriers in Poland said"); None after a possessor ("India's High Commission in Colombo" is India's) or when the
    body is a preposition's object ("Workers at the Acme Bank in Paris called ...")."""
    if _POSSESSOR_IN.search(piece):
        return None
    seated = _SEAT.match(text, end)
    if seated is None or not (seated.group(2) in lex.cue_forms or seated.group(2) in _FINITE_AFTER):
        return None
    lead = text[max(0, start - 14) : start].split()
    if lead and lead[-1].lower() == "the":
        lead.pop()
    if lead and lead[-1].lower() in _OBJECT_PREPOSITIONS:
        return None
    return start, seated.end(1), f"{name} {text[end + 1 : seated.end(1)]}"


def _classify(piece: str, p0: int, text: str, headline: bool, known: set[str]) -> Found | None:
    """A piece of a capitalised run at ``p0``, read with its context: roles and places around a name."""
    shape = _shape(piece)
    if shape is None:
        return None
    lex = lexicon()
    if shape.start > 0 and piece[:1].isupper():
        named = _preposition_name(piece, p0, text, lex) or _ing_given_name(piece, p0, text, shape.kind, lex)
        if named is not None:
            return named
    start = p0 + shape.start
    end = p0 + shape.end
    if shape.kind == "organisation" and " " in shape.name and text.startswith(" in ", end):
        seated = _seated_body(piece, shape.name, start, end, text, lex)
        if seated is not None:
            s0, s1, name = seated
            country, affiliation = shape.country, shape.affiliation
            return Found(s0, s1, text[s0:s1], "organisation", name, None, country, affiliation, rule=shape.rule)
    if shape.kind not in ("person", "surname"):
        country = shape.country
        if shape.demonym_context:
            dm = _DEMONYM_DESCRIPTOR.search(text, max(0, start - 60), start)
            country = lex.demonyms.get(dm.group(1)) if dm else None  # "Dutch chipmaker X"
        surface, affiliation = text[start:end], shape.affiliation
        return Found(start, end, surface, shape.kind, shape.name, None, country, affiliation, False, None, shape.rule)
    full = shape.kind == "person"
    if full and headline and shape.known_key not in known:
        return None
    name_start = p0 + shape.name_start
    name = shape.name
    cut = _role_before_preposition(text, p0, name_start, end, lex) if full else None
    cut_role: tuple[str | None, str | None, bool] | None = None
    if cut is not None:
        start, name_start, name, cut_role = cut
    found_role, place, former = cut_role or _left_context(text, name_start, lex, full)
    if found_role is None and cut_role is None:
        found_role = shape.prefix_role
    if former:
        found_role, place = None, None  # a former office says nothing about today's affiliation
    found_role, place, affiliation = _right_context(text, end, found_role, place, lex)
    country = None if former else _country_of(place, lex)
    if place and place in lex.places and lex.places[place].kind != "country":
        affiliation = affiliation or lex.places[place].name
    rule = shape.rule or ("role" if found_role else "bare")
    surface = text[start:end]
    return Found(start, end, surface, shape.kind, name, found_role, country, affiliation, former, shape.gender, rule)


def _role_before_preposition(
    text: str, p0: int, name_start: int, end: int, lex: Lexicon
) -> tuple[int, int, str, tuple[str | None, str | None, bool]] | None:
    """ "leader in the Lower House Anna Berg", "Commissioner for Ocean Affairs Ian Holt": the preposition's
    object is a body or portfolio, the person is the last two words; (start, name start, name, role)."""
    if text[p0 - 4 : p0] not in _PREPOSITION_ENDS:
        return None
    pm = _role_preposition().search(text, max(0, p0 - 40), p0)
    if pm is None:
        return None
    tail = text[name_start:end].split(" ")
    k = len(tail) - 2
    while k > 0 and tail[k - 1].lower() in _PARTICLES:
        k -= 1
    if not (k >= 0 and (k == 0 or tail[k - 1].lower() not in lex.role_heads)):
        return None
    if k == 0 and not text[p0:name_start].strip():
        return None  # "aide to Ted Cruz", "spokesman for Jo Ray": the name is the preposition's object
    name_start = end - len(" ".join(tail[k:]))
    name = demojibake(text[name_start:end])
    # the mention spans the role: "leader in the ... Anna Berg"; the role is the head before the
    # preposition, its place the words before that head
    role = text[pm.start() : name_start] if pm.group(2) == "of" else pm.group(1)  # "Secretary of State"
    if pm.group(2) == "to":  # "US Ambassador to Japan X": the walk skips the host, keeps the sender
        return pm.start(), name_start, name, _left_context(text, name_start, lex, True)
    return pm.start(), name_start, name, (_clean_role(role), _left_context(text, pm.start(), lex, False)[1], False)


def _right_context(
    text: str, end: int, role: str | None, place: str | None, lex: Lexicon
) -> tuple[str | None, str | None, str | None]:
    """What an apposition after a name adds (", the Dutch minister of X at Y"): (role, place, affiliation)."""
    rm = _patterns()[0].match(text, end) if text.startswith((",", " is the "), end) else None
    if not rm or rm.group("former"):
        return role, place, None
    affiliation: str | None = None
    if not role:
        role = _clean_role(rm.group("role"))
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
    return role, place, affiliation


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
    obj, obj_prep, i = _role_object(toks, i)
    end_role = i
    i, has_head = _walk_back(toks, i)
    role: str | None = None
    if has_head:
        i = _office_qualifier(toks, _portfolio_start(toks, i, lex))
        first = i + 1
        while first <= end_role and toks[first].lower() in ("of", "and", "for"):
            first += 1
        # stop at a possessive or place word that sits inside the walked span ("EU foreign policy chief")
        role = " ".join(toks[first : end_role + 1]).replace(" , ", ", ") or None
    else:
        if obj:
            return None, None, False
        i = end_role
    place, poss, former = _place_before(toks, i, role)
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


def _role_object(toks: list[str], i: int) -> tuple[list[str], str, int]:
    """ "ambassador to the UN,", "chairperson of the Pacific Islands Forum,": the object of the role's
    preposition, skipped by the walk (the possessor before the role is the country, not the host);
    (object words, preposition, where the walk goes on)."""
    k = _object_start(toks, i) if toks[i][:1].isupper() and not _OBJECT_PREPOSITIONS.isdisjoint(toks) else -1
    if k < 0 and toks[i].isalpha() and toks[i].islower() and ("of" in toks or "for" in toks):
        k = _lower_object_start(toks, i)  # "the UAE's minister of energy and infrastructure, X"
    if k > 0 and _walk_kind(toks[k - 1]) == _HEAD:
        return [t for t in toks[k + 1 : i + 1] if t.lower() != "the"], toks[k].lower(), k - 1
    return [], "", i


def _walk_back(toks: list[str], i: int) -> tuple[int, bool]:
    """Walk back from token i over role heads and modifiers: (the first token not walked, a head seen)."""
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
                    return skip, has_head
            break  # ordinary text, or a place: "NATO Secretary General" (the place qualifies the role)
        i -= 1
    return i, has_head


def _portfolio_start(toks: list[str], i: int, lex: Lexicon) -> int:
    """ "Kenya's Blue Economy Minister", "Brazil's Development, Industry and Trade Minister": unknown
    capitalised portfolio words (a list, too) after a possessive place belong to the role."""
    if i > 1 and toks[i] == "," and _unknown_capitalised(toks[i - 1]):
        i -= 1
    for k in range(i - 1, max(-1, i - 7), -1) if i > 0 and _unknown_capitalised(toks[i]) else ():
        if not (toks[k + 1][:1].isupper() or toks[k + 1] in (",", "and")):
            break
        bare_k, poss_k = _strip_possessive(toks[k])
        if (poss_k and _place_ending((*toks[max(0, k - 2) : k], bare_k)) is not None) or (
            k == i - 1 and bare_k in lex.demonyms  # "Egyptian Irrigation Minister X"
        ):
            return k
    return i


def _office_qualifier(toks: list[str], i: int) -> int:
    """ "Delta Commissioner X", "Police Commissioner X": an unknown capitalised word right before a body role
    ("commissioner") names the office and belongs to the role, so the role is not read as the body's."""
    word = toks[i] if i >= 0 else ""
    if (
        word.isalpha()
        and toks[i + 1].lower() in _body_roles()
        and _unknown_capitalised(word)
        and word not in lexicon().not_names
    ):
        return i - 1
    return i


def _place_before(toks: list[str], i: int, role: str | None) -> tuple[str | None, bool, bool]:
    """The place ending at token i (a possessive?) and whether "former" marks the office."""
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
    return place, poss, former


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
