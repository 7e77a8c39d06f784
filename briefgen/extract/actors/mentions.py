"""Mention scanning: capitalised runs and "the <word>" references of every paragraph, read in context."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefgen.extract.actors.context import _body_of, _classify, _patterns, has_country_body
from briefgen.extract.actors.names import _pieces
from briefgen.extract.actors.words import (
    _CACHE,
    _ORG_REF_NOUNS,
    _PARTICLES,
    _POSS_SUFFIXES,
    _RUN,
    _START,
    Found,
    _clean_role,
    _company_refs,
    _country_of,
    _is_role_word,
    _name_parts,
    _name_words,
    _place_nouns,
    _strip_possessive,
    _title_roles,
    _translit,
)
from briefgen.extract.lexicon import (
    Lexicon,
    Place,
    fold,
    lexicon,
)


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


def _surnames(found: list[Found]) -> set[str]:
    """The (transliterated) surnames of the people named in full: a single word matching one is a mention."""
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
    return surnames



def _which_org(text: str, f: Found, bare: str, known_surname: bool) -> bool:
    """"Meta, which owns two apps, said": a single unknown word before ", which" is a thing, never a person; not when
    a longer name starts with it ("Lumen, which …" after "Lumen Robotics" is that company's short name)."""
    return (text.startswith(", which ", f.end) and not known_surname
            and not re.search(rf"\b{re.escape(bare)} [A-Z]", text)
            and (_SENTENCE_OPENING.search(text, max(0, f.start - 12), f.start) is not None
                 or _RELATIVE_THEN_VERB.match(text, f.end) is not None))


# the name is the subject: it opens its sentence, or a verb follows the relative clause (", which owns two apps,
# said"); "Fans booed Ronaldo, which upset the coach": "which" is the event, not the name
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?]\s+|\n)\s*(?:The\s+)?$")
_RELATIVE_THEN_VERB = re.compile(
    r", which [^,;:.“”\"]{1,80}, (?:[a-z]+ly )?(?:said|says|has|have|had|is|was|will|would|"
    r"announced|added|warned|told|confirmed|plans|[a-z]+ed)\b"
)


def find_mentions(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[Found]:
    """Raw mentions of people, organisations and places in every paragraph."""
    headline_pars: list[tuple[int, int]] = []
    known: set[str] = set()
    deferred: list[tuple[str, int, bool]] = []
    bodies = has_country_body(text)  # lower-case government bodies are only looked for when one is named
    body_pars: list[tuple[int, int]] = []
    for i, (p_start, p_end) in enumerate(paragraphs):
        title = i == 0 and len(paragraphs) > 1
        (headline_pars if _is_headline_at(text, p_start, p_end, title) else body_pars).append((p_start, p_end))
    found = _mentions_in(text, body_pars, False, known, deferred, bodies)
    # single capitalised words are only worth a closer look when they can name a person
    lex = lexicon()
    surnames = _surnames(found)
    for word, start, common in deferred:
        bare = _strip_possessive(word)[0]
        end = start + len(bare)
        if common:
            if _common_word_surname(text, start, end, _translit(bare) in surnames, lex):
                found = [f for f in found if f.start != start]
                found.append(Found(start, end, bare, "surname", bare, None, None, None, False, None, "cue"))
            continue
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
                if f.kind == "surname" and _which_org(text, f, bare, _translit(bare) in surnames):
                    f = Found(f.start, f.end, f.text, "organisation", f.name, rule="which-org")
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
    deferred: list[tuple[str, int, bool]] | None = None,
    bodies: bool = True,
) -> list[Found]:
    """The mentions that the capitalised runs and the "the <word>" references of these paragraphs make."""
    lex = lexicon()
    out: list[Found] = []
    runs, refs = _scan(text, paragraphs)
    for m in runs:
        out.extend(_run_mentions(text, m, headline, known, deferred, bodies, lex))
    out.extend(_reference_mentions(text, refs, lex))
    return out


def _run_mentions(
    text: str,
    m: re.Match[str],
    headline: bool,
    known: set[str],
    deferred: list[tuple[str, int, bool]] | None,
    bodies: bool,
    lex: Lexicon,
) -> list[Found]:
    """The mentions one capitalised run makes (single words worth a second look go to ``deferred``)."""
    run = m.group()
    r = _run(run)
    ms = m.start()
    if r.orgref and (r.the_run or text[ms - 4 : ms] == "the "):
        # "the Commission", "The Bank": a short form, resolved to the article's one such organisation
        me = m.end()
        head = r.head
        return [Found(me - len(head), me, head, "orgref", head, None, None, None, False, None, "org-short")]
    if text.startswith(". ", m.end()) and run.rsplit(" ", 1)[-1] + "." in _title_roles():
        return []  # "Democratic Rep. Dina Titus": a qualifier and a title, the name follows the full stop
    if r.skip:
        if r.single and deferred is not None and not headline and not r.the_run:
            deferred.append((run, ms, True))
        return []
    if r.the_single and r.head_org_ok and not headline and text[m.end() : m.end() + 1] == " ":
        org = _org_by_noun(text, ms + 4, r.head, lex)
        if org is not None:
            return [org]
    if r.single and not headline:
        single = _single_word_mention(text, m, r, bodies, lex)
        if single is not None:
            return [single]
        if deferred is not None and r.deferrable:
            deferred.append((run, ms, False))
            return []
        if deferred is not None:
            deferred.append((run, ms, True))  # a demonym or capital: also a surname before a cue
    if r.multi_org and r.run_org_ok and text[m.end() : m.end() + 1] == " " and text[ms - 4 : ms] == "the ":
        org = _org_by_noun(text, ms, run, lex)  # "the IG Metall union said"
        if org is not None:
            return [org]
    out: list[Found] = []
    for rel, piece in r.pieces:
        at = ms + rel
        f = _classify(piece, at, text, headline, known)
        if f is None:
            dem = _demonym_mention(text, piece, at, bodies, lex)
            if dem is not None:
                out.append(dem)
            continue
        if f.kind == "surname" and f.rule == "bare" and _next_is_cue(text, f.end, lex, f.start):
            f.rule = "cue"
        elif bodies and f.kind == "country":
            f = _body_of(text, f) or f  # "Peru's foreign ministry"
        out.append(f)
    return out


def _single_word_mention(text: str, m: re.Match[str], r: _Run, bodies: bool, lex: Lexicon) -> Found | None:
    """A single capitalised word as a place (or its government body) or an organisation its context marks."""
    ms = m.start()
    bare = r.bare
    gaz = r.gaz
    if gaz is not None:
        kind = "country" if gaz.kind == "country" else "organisation"
        affiliation = gaz.name if gaz.kind != "country" else None
        place_f = Found(
            ms, ms + len(bare), bare, kind, gaz.name, None, gaz.country, affiliation, False, None, r.gaz_rule
        )
        body = _body_of(text, place_f) if bodies and kind == "country" else None
        return body or place_f  # "Peru's foreign ministry", else "Peru"
    if not r.bare_org_ok:
        return None
    after = text[m.end() : m.end() + 1]
    before = text[ms - 4 : ms]
    org = None
    if after == "," or (after == " " and before == "the "):
        org = _org_by_noun(text, ms, bare, lex)
    if org is None and (
        (before[3:] == " " and before[2:3].islower())
        or (before[2:] == ", " and after == ",")
        or (before == "the " and after == "," and text[ms - 6 : ms - 4] == ", ")
    ):
        # "the rail union RMT said", "regulator Ofcom", "the election body, Bawaslu, said"
        org = _org_after_noun(text, ms, bare, lex)
    if org is None:
        org = _org_by_context(text, ms, bare, lex)  # "analysts at Barclays", "according to the RSPB"
    return org


def _demonym_mention(text: str, piece: str, at: int, bodies: bool, lex: Lexicon) -> Found | None:
    """A demonym before a collective noun speaks for its country ("German officials"); before another
    lower-case word it may open a government body ("the Danish foreign ministry")."""
    if piece.startswith("The "):
        piece, at = piece[4:], at + 4  # "The Danish foreign ministry"
    if " " in piece or piece not in lex.demonyms:
        return None
    nxt = text[at + len(piece) : at + len(piece) + 30].split()
    if nxt and nxt[0].strip(",.;:") in ("officials", "government", "authorities", "ministry"):
        country = lex.demonyms[piece]
        dem = Found(at, at + len(piece), piece, "country", country, country=country, rule="demonym")
        return (bodies and _body_of(text, dem)) or dem
    if nxt and nxt[0][:1].islower():
        dem = Found(at, at + len(piece), piece, "country", lex.demonyms[piece], rule="demonym")
        dem.country = dem.name
        return _body_of(text, dem) if bodies else None  # "the Danish foreign ministry"
    return None


def _reference_mentions(text: str, refs: list[tuple[re.Match[str], int]], lex: Lexicon) -> list[Found]:
    """ "The <place> <role>" references, and "the company" ones; the full pattern only runs where the word
    after "the" can start a role reference."""
    role_ref = _patterns()[1]
    out: list[Found] = []
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


_NEXT_LOWER = re.compile(r" ([a-z][\w-]*)")
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
            second = _NEXT_LOWER.match(text, end)
            if second is not None and second.group(1) in _name_words()[1]:
                end = second.end(1)  # "the CUT union federation| said"
    elif after == ",":
        # the apposition's head noun: "Acme, one of the companies that sued,", "Keidanren, the main business
        # federation,"; not a noun modifying it ("Weber, a union member,")
        org = _apposed_head(text, end) in _name_words()[1]
    if not org or word in lex.not_names or word in lex.demonyms or word in lex.capitals or len(word) < 3:
        return None
    if word.endswith(_ADJECTIVE_ENDINGS):
        return None  # "the Chinese-controlled company": an adjective, not a name
    return Found(start, end, text[start:end], "organisation", word, None, None, None, False, None, "org-noun")


# ", the main business federation,", ", Indonesia's largest environmental group,": an apposition's head noun
_APPOSED_PHRASE = re.compile(
    r",\s+(?:one of\s+)?(?:the|a|an|its|[A-Z][\w.-]*[’']s)\s+((?:[\w’'-]+\s+){0,3}?[\w-]+)"
    r"(?=,|\s+(?:that|which|in|of|for|based)\b)"
)


_CLOSING_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+$")


# a noun phrase opening its sentence, up to a comma: "A smaller union|", "The second platform|"
_SUBJECT_PHRASE = re.compile(
    r"(?:^|[.!?]\s+|\n)\s*(?:A|An|The)\s+(?:(?!(?:of|for|at|in|to|with|by|from)\s)[\w’'-]+\s+){0,3}?[a-z][\w-]*$"
)


def _opens_sentence(text: str, comma: int) -> bool:
    """Whether the words before a comma are a noun phrase that opens its sentence (the subject)."""
    return _SUBJECT_PHRASE.search(text, max(0, comma - 60), comma) is not None


def _apposed_head(text: str, end: int) -> str:
    """The head noun of an apposition right after a name (", the main business federation," -> "federation")."""
    m = _APPOSED_PHRASE.match(text, end)
    return m.group(1).rsplit(None, 1)[-1] if m is not None else ""


def _org_after_noun(text: str, start: int, word: str, lex: Lexicon) -> Found | None:
    """A single capitalised word right after a lower-case organisation noun, or in apposition to one: "union
    Unite", "regulator Ofcom", "the watchdog, Ofcom," (not a role word: "the party leader")."""
    before = text[max(0, start - 24) : start - 1]
    if before.endswith(", the") and text.startswith(",", start + len(word)):
        if not _opens_sentence(text, start - 6):
            return None  # "the head of the farm union, the FNSEA, said": the head speaks, not the union
        before = before[:-4]  # "A smaller union, the NASUWT, said": the noun phrase before the apposed name
    prev = before.rstrip(",").rsplit(None, 1)
    if not prev or prev[-1] not in _name_words()[1] or _is_role_word(word.lower(), lex):
        return None
    # the apposed name is the subject's: "the watchdog, Ofcom,", "The platform, the messaging app Vuzo,"
    closing = _CLOSING_APPOSITION.search(text, max(0, start - 50), start)
    apposed = before.endswith(",") or (closing is not None and _opens_sentence(text, closing.start()))
    rule = "org-apposed" if apposed else "org-noun"
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


_NOT_SUBJECT_BEFORE = frozenset(
    {"in", "at", "from", "to", "of", "with", "by", "for", "on", "into", "near", "across", "outside", "inside"}
)


def _common_word_surname(text: str, start: int, end: int, known: bool, lex: Lexicon) -> bool:
    """"Cuban said", "said Will," after "Mark Cuban", "George Will": a common word (a demonym, a function
    word) names a person only as a known surname right before or right after a reporting verb."""
    return known and (
        _next_is_cue(text, end, lex, start)
        or (_prev_is_cue(text, start, lex) and text[end : end + 1] in (",", ".", ";", ""))
    )


def _prev_is_cue(text: str, start: int, lex: Lexicon) -> bool:
    """Whether a reporting verb comes right before: "said Cuban", "added Will"."""
    prev = text[max(0, start - 12) : start].rsplit(None, 1)
    return text[start - 1 : start] == " " and bool(prev) and prev[-1].lower() in lex.cue_forms


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
