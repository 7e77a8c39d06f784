"""Within-article resolution: surnames, honorifics, role references, acronyms and "the company" to actors."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from briefgen.extract.actors.mentions import _next_is_cue
from briefgen.extract.actors.words import (
    _CACHE,
    _ORG_REF_NOUNS,
    _PARTICLES,
    ArticleActors,
    Found,
    _company_heads,
    _name_parts,
    _short_forms,
    _strip_possessive,
    _translit,
    _without_particle,
    name_key,
)
from briefgen.extract.lexicon import lexicon
from briefgen.records import ActorKind, LocalActor, Mention

_LEGAL_SUFFIXES = frozenset(
    {"Inc", "Ltd", "plc", "PLC", "GmbH", "AG", "SA", "Corp", "Co", "LLC", "NV", "SE", "Limited", "Incorporated"}
)


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")


class LowerWords:
    """The words a text writes in lower case (whole words: ``_LOWER_WORD``), looked up one at a time: a
    findall over every article cost more than the few look-ups that need it (~0.5 an article)."""

    __slots__ = ("_seen", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._seen: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not (word.isascii() and word.isalpha() and word.islower()):
            return False  # _LOWER_WORD finds only [a-z]+ words
        found = self._seen.get(word)
        if found is None:
            found = self._seen[word] = re.search(rf"(?<![\w’'-]){word}(?![\w’'-])", self._text) is not None
        return found


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


def _same_given(a: str, b: str) -> bool:
    """Two given names one person goes by: equal or a listed short form ("Bill", "William"). Not merely the
    start of the other: "Chris" and "Christine", "Paul" and "Pauline" are two people."""
    return a == b or b in _short_forms().get(a, frozenset())


_TITLE_ABBREVIATIONS = frozenset(["AG", "GOV", "SEN", "REP", "DEL", "LT", "GEN", "COL", "SGT", "CPL", "ADM",
                                  "DR", "MR", "MRS", "MS", "CEO", "CFO", "MP", "MEP", "PM", "VP", "DA", "US"])


def _is_common_word(word: str, lower_words: Container[str]) -> bool:
    """A capitalised word before a surname that is no given name: an abbreviation ("AG Mukasey") or a
    word the article also writes in lower case ("Like Corker, ...", "Another Clinton aide") or an adverb."""
    if len(word) <= 4 and word.isupper():
        return word.rstrip(".") in _TITLE_ABBREVIATIONS  # "AG Mukasey"; "JD Vance" is a given name
    if _translit(word) in _short_forms():
        return False
    # "Interestingly Blocher, ...": a sentence adverb, whatever the rest of the article says
    return word.lower() in lower_words or (len(word) > 6 and word.endswith("ly"))


_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_KIN = (
    r"\b(?:his|her|their|whose)\s+(?:\w+\s+)?(?:son|daughter|wife|husband|brother|sister|father|mother|"
    r"cousin|uncle|aunt|nephew|niece|grandson|granddaughter|widow|widower|sons|daughters|parents|children)\b"
)
# a relative introduced in an aside: "her son Tom Weber", "his wife, Ann Weber," / "Tom Weber, her son,"
_KIN_BEFORE = re.compile(_KIN + r"[,\s]+$", re.IGNORECASE)
_KIN_AFTER = re.compile(r",\s+" + _KIN, re.IGNORECASE)


def _kin_aside(text: str, start: int, end: int) -> bool:
    """Whether the full name at [start, end) is introduced as someone's relative ("her son Tom Weber")."""
    return bool(_KIN_BEFORE.search(text, max(0, start - 40), start) or _KIN_AFTER.match(text, end))


def _merge_variants(
    persons: dict[str, None], key_of_full: dict[str, str], lower_words: Container[str],
    starts: dict[str, list[int]] | None = None, text: str = "",
) -> None:
    """"Ken Starr" and "Kenneth Starr", or "AG Mukasey" and "Michael Mukasey", in one article are one
    person: two-word names with the surname of exactly one other two- or three-word name, whose given
    names are forms of one name, or whose first word is a common word rather than a given name."""
    by_last: dict[str, list[str]] = {}
    for canon in persons:
        words = canon.split()
        if 2 <= len(words) <= 3 and words[-1][-1] != ".":
            by_last.setdefault(_translit(words[-1]), []).append(canon)
    for names in by_last.values():
        if len(names) < 2:
            continue
        junk = [n for n in names if n.count(" ") == 1 and _is_common_word(n.split()[0], lower_words)]
        real = [n for n in names if n not in junk]
        target: dict[str, str] = {}
        if len(real) == 1:
            target = {n: real[0] for n in junk}
        elif len(real) == 2 and not junk:
            a, b = real
            # both named in one sentence ("Chris Evans and his wife Christine Evans"): two people
            near = bool(text) and starts is not None and any(
                not _SENTENCE_END.search(text, min(x, y), max(x, y))
                for x in starts.get(a, ()) for y in starts.get(b, ())
            )
            if not near and _same_given(_translit(a.split()[0]), _translit(b.split()[0])):
                short, full = sorted(real, key=len)
                target = {short: full}
        for old, new in target.items():
            for k, v in key_of_full.items():
                if v == old:
                    key_of_full[k] = new
            del persons[old]


def _in_context(
    f: Found,
    cands: set[str],
    full_at: list[tuple[int, str, int]],
    paragraphs: Sequence[tuple[int, int]],
    text: str = "",
) -> str | None:
    """The one of several same-surname people named in full in this or the previous paragraph before ``f``;
    failing that, the one named in full last before it (the story has moved on to them), even when another is
    named more often if the last one speaks within the three paragraphs before ("Donald Trump also criticized
    ... / “...” Trump said"), unless that one is a relative named in an aside ("her son Tom Weber"); else nobody."""
    i = bisect_right(paragraphs, (f.start, 1 << 62)) - 1
    if i < 0:
        return None
    lo = paragraphs[max(0, i - 1)][0]
    seen = {c for at, c, _end in full_at if lo <= at < f.start and c in cands}
    if seen:
        return next(iter(seen)) if len(seen) == 1 else None
    before = [(c, end) for at, c, end in full_at if at < f.start and c in cands]
    if not before:
        return None
    # the one named in full last, unless another is named in full more often (then the story may be theirs:
    # "Hillary Clinton" twice, "Bill Clinton" once in an aside, "Clinton said" three paragraphs on: nobody)
    last, last_end = before[-1]
    last_at = next(at for at, c, end in reversed(full_at) if c == last and end == last_end)
    if text and _kin_aside(text, last_at, last_end):
        return None  # "Her son Tom Weber said ...": a relative in an aside of another's story (say less)
    names = [c for c, _end in before]
    if not any(names.count(c) > names.count(last) for c in set(names)):
        return last
    if text and last_end >= paragraphs[max(0, i - 3)][0] and _next_is_cue(text, last_end, lexicon()):
        return last  # the last one named in full spoke just before: not an aside
    return None


@dataclass(frozen=True, slots=True)
class _People:
    """The people an article names in full, and the indexes that resolve a single word to one of them."""

    key_of_full: dict[str, str]  # name key of every full name -> its canonical name
    by_surname: dict[str, set[str]]
    by_first: dict[str, set[str]]  # "Choi" of "Choi Jin": a family-name-first name, or a first name
    by_paternal: dict[str, set[str]]  # "Solís" of "Adriana Solís Treviño" (Spanish: the first surname)


@dataclass(slots=True)
class _Sorted:
    """An article's mentions sorted for resolution: (mention, canonical name) pairs and the rest."""

    resolved: list[tuple[Found, str]] = field(default_factory=list)
    singles: dict[str, list[Found]] = field(default_factory=dict)  # unresolved single words, by key
    roles: list[Found] = field(default_factory=list)  # "the defence secretary"
    others: list[Found] = field(default_factory=list)  # countries, organisations and their short forms
    company_ref: bool = False  # a "the company" reference was found


def _people(found: list[Found], lower_words: Container[str] = frozenset(), text: str = "") -> _People:
    """Merge the full names of persons (middle names, two-word tails) and index them by their words."""
    persons: dict[str, None] = {}
    key_of_full: dict[str, str] = {}
    starts: dict[str, list[int]] = {}
    for f in found:
        if f.kind == "person":
            canon = key_of_full.setdefault(_name_key(f.name), f.name)
            persons[canon] = None
            starts.setdefault(canon, []).append(f.start)
    _merge_middle_names(persons, key_of_full)
    _merge_variants(persons, key_of_full, lower_words, starts, text)
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
    people = _People(key_of_full, {}, {}, {})
    for canon in persons:
        last, first = _name_parts(canon)
        people.by_surname.setdefault(last, set()).add(canon)
        if first is not None:
            people.by_first.setdefault(first, set()).add(canon)
        words = canon.split()
        if len(words) == 3 and words[1].lower() not in _PARTICLES:
            people.by_paternal.setdefault(_translit(words[1]), set()).add(canon)
    return people


def _sort(found: list[Found], people: _People, paragraphs: Sequence[tuple[int, int]], text: str = "") -> _Sorted:
    """Full names to their person; single words to a unique surname, else to a unique family-name-first
    name ("Choi" of "Choi Jin"), else a first name, else the one of several named nearby."""
    out = _Sorted()
    key_of_full = people.key_of_full
    full_at: list[tuple[int, str, int]] | None = None  # (start, canonical name, end) of every full-name mention
    for f in found:
        kind = f.kind
        if kind == "person":
            out.resolved.append((f, key_of_full[_name_key(f.name)]))
        elif kind == "surname":
            t = _translit(_without_particle(f.name.rsplit(" ", 1)[-1]))
            cands = people.by_surname.get(t) or people.by_first.get(t) or people.by_paternal.get(t)
            if cands is not None and len(cands) == 1:
                out.resolved.append((f, next(iter(cands))))
            elif not cands:
                out.singles.setdefault(t, []).append(f)
            elif paragraphs:
                if full_at is None:
                    full_at = [(g.start, key_of_full[_name_key(g.name)], g.end) for g in found if g.kind == "person"]
                near = _in_context(f, cands, full_at, paragraphs, text)
                if near is not None:
                    out.resolved.append((f, near))
        elif kind == "role":
            out.roles.append(f)
        else:
            out.others.append(f)
            if kind == "companyref":
                out.company_ref = True
    return out


def _plural_role(word: str) -> bool:
    """Whether a single capitalised word is the plural of a role head or a collective ("Mayors", "Critics"):
    a group, never a person's surname."""
    low = word.lower()
    lex = lexicon()
    if low in lex.collectives:
        return True
    singular = low[:-3] + "y" if low.endswith("ies") else low[:-1]
    return low.endswith("s") and (low[:-1] in lex.role_heads or singular in lex.role_heads)


def _resolve_singles(mentions: _Sorted) -> None:
    """Single words never given in full: the first word of one organisation's name is that organisation
    ("Veridian" of "Veridian AI"); a surname still names a person when a role, honorific or cue marks it."""
    org_firsts: dict[str, set[str]] = {}
    for f in mentions.others:
        if f.kind == "organisation" and " " in f.name:
            org_firsts.setdefault(f.name.split(" ", 1)[0], set()).add(f.name)
    for group in mentions.singles.values():
        orgs = org_firsts.get(group[0].name)
        if orgs is not None and len(orgs) == 1 and not any(g.role for g in group):
            full = next(iter(orgs))
            for g in group:
                g.kind, g.name, g.rule = "organisation", full, "org-first-word"
                mentions.others.append(g)
            continue
        if not any(g.rule in ("honorific", "role", "cue") or g.role for g in group):
            continue
        if _plural_role(group[0].name):
            for g in group:  # "Mayors say ...", "Prosecutors said ...": a group speaks, not a person's surname
                g.kind, g.rule = "organisation", "group"
                mentions.others.append(g)
            continue
        canon = group[0].name
        for g in group:
            mentions.resolved.append((g, canon))


def _resolve_role_refs(mentions: _Sorted) -> list[Mention]:
    """Role references ("the defence secretary") to the one person holding a matching role; the others."""
    roles_by_person: dict[str, list[Found]] = {}
    for f, canon in mentions.resolved:
        roles_by_person.setdefault(canon, []).append(f)
    role_index: dict[str, frozenset[object]] = {}
    country_index: dict[str, str | None] = {}
    for canon, fs in roles_by_person.items():
        keys: frozenset[object] = frozenset()
        for f in fs:
            if f.role and not f.former:
                keys |= _role_class(f.role)
        role_index[canon] = keys
        country_index[canon] = next((f.country for f in fs if f.country), None)
    unresolved: list[Mention] = []
    for f in mentions.roles:
        if f.country is None and len(f.name.split()) < 2:
            continue  # "the president" alone is too vague to resolve
        keys = _role_class(f.name)
        holders = [
            c for c, ks in role_index.items() if ks & keys and (f.country is None or country_index.get(c) == f.country)
        ]
        if not holders and f.country:
            holders = [
                c
                for c, ks in role_index.items()
                if ks and country_index.get(c) == f.country and any(isinstance(k, int) for k in keys & ks)
            ]
        if len(holders) == 1:
            mentions.resolved.append((f, holders[0]))
        else:
            unresolved.append(Mention(f.start, f.end, f.text, "", "person", f.role, f.country, None, "role-ref"))
    return unresolved


def _person_rows(resolved: list[tuple[Found, str]]) -> tuple[list[_Row], dict[str, str], dict[int, str]]:
    """The rows of the person mentions, each person's gender, and the name as written at each mention."""
    rows: list[_Row] = []
    genders: dict[str, str] = {}
    alias_at: dict[int, str] = {}
    for f, canon in resolved:
        # the name as written: with its honorific ("Mr Healey"), without role words
        alias_at[f.start] = _bare_text(f.text) if f.rule == "honorific" else f.name
        rows.append((f.start, f.end, f.text, canon, "person", f.role, f.country, f.affiliation, f.rule))
        if f.gender:
            genders.setdefault(canon, f.gender)
    return rows, genders, alias_at


def _the_company(others: list[Found], first_org: dict[str, Found], companies: set[str]) -> Found | None:
    """What "the company" refers to: the article's most-mentioned company, when one leads."""
    heads = _company_heads()
    counts: dict[str, int] = {}
    for f in others:
        named = f.name in companies or (" " in f.name and f.name.rsplit(" ", 1)[-1] in heads)
        if f.kind == "organisation" and named:
            counts[f.name] = counts.get(f.name, 0) + 1
    if not counts:
        return None
    return first_org[max(counts, key=counts.__getitem__)]  # the first of equals: the story's own


def _other_rows(others: list[Found], companies: set[str], company_ref: bool) -> list[_Row]:
    """The rows of countries and organisations, with "the company" and short forms ("the bank") resolved."""
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
    company = _the_company(others, first_org, companies) if company_ref else None
    rows: list[_Row] = []
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
            org = first_org[next(iter(names))] if names is not None and len(names) == 1 else None
            if org is not None and org.start < f.start:  # a short form looks back: "the union" before the EU is not it
                full = org.name
                rows.append(
                    (f.start, f.end, f.text, full, "organisation", None, org.country, org.affiliation, "org-short")
                )
    return rows


def _actors_of(rows: list[_Row], alias_at: dict[int, str]) -> tuple[tuple[LocalActor, ...], tuple[Mention, ...]]:
    """Mentions sorted by span, and per actor: kind, aliases, roles, country, affiliation, mention count."""
    rows.sort(key=_ROW_SPAN)
    acc: dict[str, tuple[ActorKind, set[str], list[str], list[str], list[str], list[int]]] = {}
    rules: dict[str, Counter[str]] = {}
    mentions = []
    for row in rows:
        mentions.append(Mention(*row))
        start, _, text, name, kind, role, country, affiliation, rule = row
        entry = acc.get(name)
        if entry is None:
            entry = acc[name] = (kind, set(), [], [], [], [0])
            rules[name] = Counter()
        entry[5][0] += 1
        rules[name][rule_id(rule)] += 1
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
        affiliation = _most_common(affs) if affs else (country if kind_a != "person" else None)
        roles = tuple(dict.fromkeys(roles_a)) if roles_a else ()
        made_by = tuple(sorted(rules[name].items()))
        actors.append(
            LocalActor(name, name, kind_a, country, affiliation, roles, tuple(sorted(aliases)), count[0], made_by)
        )
    return tuple(actors), tuple(mentions)


def rule_id(rule: str) -> str:
    """The public id of a mention rule: "place:country" -> "mention.place.country", "org-noun" ->
    "mention.org_noun"; a single word with nothing around it, read as a surname, is "mention.surname"."""
    return "mention." + (rule.replace(":", ".").replace("-", "_") if rule and rule != "bare" else "surname")


def resolve(found: list[Found], paragraphs: Sequence[tuple[int, int]] = (), text: str = "") -> ArticleActors:
    """Merge an article's raw mentions into local actors: surnames, honorifics, roles, variants."""
    companies = _drop_legal_suffixes(found)
    _expand_acronyms(found)
    lower_words = LowerWords(text)
    mentions = _sort(found, _people(found, lower_words, text), paragraphs, text)
    _resolve_singles(mentions)
    unresolved = _resolve_role_refs(mentions) if mentions.roles else []
    rows, genders, alias_at = _person_rows(mentions.resolved)
    rows += _other_rows(mentions.others, companies, mentions.company_ref)
    actors, mention_records = _actors_of(rows, alias_at)
    return ArticleActors(actors, mention_records, genders, tuple(unresolved))


def _most_common(values: list[str]) -> str:
    """``max(values, key=values.count)``: the most frequent value, the first of equals."""
    first = values[0]
    if len(values) == 1 or values.count(first) == len(values):
        return first
    return max(values, key=values.count)


# a mention's fields, in Mention's order
_Row = tuple[int, int, str, str, ActorKind, str | None, str | None, str | None, str]


_ROW_SPAN = itemgetter(0, 1)
