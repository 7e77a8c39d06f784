"""Word lists from ``briefgen/data`` compiled once into lookups and regexes for the extractors."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from briefgen.extract.fastre import trie_alternation

# Every uppercase letter Python knows, as one character class (``re`` has no \p{Lu}).
_RANGES = ((0x41, 0x5B), (0xC0, 0x250), (0x370, 0x530), (0x1E00, 0x1F00))
UPPER = "".join(chr(i) for lo, hi in _RANGES for i in range(lo, hi) if chr(i).isupper())
UPPER_CLASS = "[" + re.escape(UPPER) + "]"
# Mojibake of UTF-8 read as cp1252 (“DovilÄ—”): kept inside a name word so the name is not cut.
MOJIBAKE_LEAD_CHARS = "\u00c2-\u00c5"  # the first character of a damaged pair, as a class range
MOJIBAKE_TAIL = "[\u0080-\u00bf\u2010-\u203a\u0152-\u0192\u02c6\u02dc\u20ac\u2122]"
MOJIBAKE = f"[{MOJIBAKE_LEAD_CHARS}]{MOJIBAKE_TAIL}"
APOS = "'’"


@dataclass(frozen=True, slots=True)
class Place:
    """A country, international body, institution or region and the country value it speaks for."""

    name: str
    kind: str  # "country" | "body" | "institution" | "region"
    country: str


@dataclass(frozen=True)
class Lexicon:
    """All compiled word lists; built once per process."""

    places: dict[str, Place]  # exact surface form -> place
    demonyms: dict[str, str]  # "German" -> "Germany"
    capitals: dict[str, str]  # "Moscow" -> "Russia"
    country_iso: dict[str, str]
    role_heads: frozenset[str]
    role_modifiers: frozenset[str]
    role_objects: tuple[str, ...]
    honorifics: dict[str, str | None]
    role_classes: dict[str, int]
    org_heads: frozenset[str]
    not_names: frozenset[str]
    cue_forms: dict[str, str]  # surface form (lowercase) -> lemma/phrase
    cue_nouns: frozenset[str]
    stance_copulas: frozenset[str]
    stance_adjectives: frozenset[str]
    source_phrases: tuple[str, ...]
    view_frames: tuple[str, ...]
    adverbs: frozenset[str]
    listeners: frozenset[str]
    collective_nouns: frozenset[str]
    collectives: frozenset[str]  # plural subjects that are never one actor ("Officials", "Others")
    pronouns: dict[str, str]
    intro_verbs: frozenset[str]
    cue_re: re.Pattern[str]
    cue_phrasal: dict[str, dict[str, str]]  # first word -> {following words: phrase}
    role_re: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class UserData:
    """Entries a project adds to the shipped data files: file name -> list or table name -> entries."""

    additions: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


# The project's additions in force in this process. The extractors read the data through lru-cached
# lookups deep in the rules, so the additions are set once per build (and per worker), not passed down.
_active = UserData()


def use_user_data(data: UserData) -> None:
    """Make ``data`` the project's additions for every later lookup in this process."""
    global _active
    if not isinstance(data, UserData):
        raise TypeError(f"expected UserData, got {type(data).__name__}")
    if data == _active:
        return
    _active = data
    for name, module in list(sys.modules.items()):  # every table derived from the old data is stale
        if name.startswith("briefgen.extract."):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear) and getattr(value, "__module__", "").startswith("briefgen."):
                    clear()


def _extended(data: Any, additions: Mapping[str, Any]) -> Any:
    out = dict(data)
    for key, added in additions.items():
        shipped = out.get(key)
        if isinstance(added, Mapping):
            out[key] = {**(shipped or {}), **added}  # the user's value wins
        else:
            have = list(shipped or [])
            out[key] = have + [word for word in added if word not in have]
    return out


# libyaml's parser when PyYAML was built with it (the same data, ~10x faster than the pure-Python one)
YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_data(name: str) -> Any:
    """Parse one YAML file shipped in ``briefgen/data``, with the project's additions to it."""
    data = yaml.load(resources.files("briefgen.data").joinpath(name).read_text(encoding="utf-8"), Loader=YAML_LOADER)
    additions = _active.additions.get(name)
    return _extended(data, additions) if additions else data


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase, without diacritics, repaired cp1252 mojibake and unified apostrophes: a merge key."""
    text = demojibake(text).replace("’", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def demojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252 damage word by word when that decodes cleanly."""
    if not re.search(MOJIBAKE, text):
        return text
    out = []
    for word in text.split(" "):
        try:
            fixed = word.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            fixed = word
        out.append(fixed)
    return " ".join(out)


FormsByLemma = dict[str, list[tuple[int, str, str]]]


def _forms_by_lemma(lemma_table: dict[str, str], lemmas: set[str]) -> FormsByLemma:
    """The lookup table inverted for some lemmas: lemma -> (position in the table, alphabetic form, lemma),
    in table order."""
    index: FormsByLemma = {}
    for i, (form, lemma) in enumerate(lemma_table.items()):
        if lemma in lemmas and form.isalpha():
            index.setdefault(lemma, []).append((i, form, lemma))
    return index


def _verb_forms(lemmas: list[str], by_lemma: FormsByLemma) -> dict[str, str]:
    wanted = set(lemmas)
    forms = {lemma: lemma for lemma in wanted}
    # the table's forms of the wanted lemmas in table order: the dict comes out as a scan of the table gave it
    for _, form, lemma in sorted(entry for wanted_lemma in wanted for entry in by_lemma.get(wanted_lemma, ())):
        forms[form] = lemma
    # Regular inflections the lookup table may lack (both spellings of -ise/-ize verbs).
    for lemma in wanted:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        for form in (lemma + "s", stem + "ed", stem + "ing", lemma + "d" if lemma.endswith("e") else ""):
            if form and form not in forms:
                forms[form] = lemma
        if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            forms.setdefault(lemma[:-1] + "ies", lemma)
            forms.setdefault(lemma[:-1] + "ied", lemma)
    return forms


def _lemma_table() -> dict[str, str]:
    """The lookup lemmatizer's word -> lemma table (the same data spaCy's lookup mode uses)."""
    try:
        import gzip
        import json

        pkg = resources.files("spacy_lookups_data").joinpath("data", "en_lemma_lookup.json.gz")
        data = json.loads(gzip.decompress(pkg.read_bytes()).decode("utf-8"))
        return {str(k): str(v) for k, v in data.items()}
    except Exception:
        return {}


def _phrasal_index(phrasal: dict[str, str]) -> dict[str, dict[str, str]]:
    index: dict[str, dict[str, str]] = {}
    for surface, phrase in phrasal.items():
        head, _, rest = surface.lower().partition(" ")
        index.setdefault(head, {})[rest] = phrase
    return index


_PlaceTables = tuple[dict[str, Place], dict[str, str], dict[str, str], dict[str, str]]


def _places(places_data: Any) -> _PlaceTables:
    """places.yml as (surface form -> place, demonym -> country, capital -> country, country -> ISO code)."""
    places: dict[str, Place] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    iso: dict[str, str] = {}
    for entry in places_data["countries"]:
        name = entry["name"]
        iso[name] = entry["iso"]
        for alias in [name, *entry.get("aliases", [])]:
            places[alias.removeprefix("the ")] = Place(name, "country", name)
        for dem in entry.get("demonyms", []):
            demonyms[dem] = name
        for cap in entry.get("capitals", []):
            capitals[cap] = name
    for entry in places_data["bodies"]:
        for alias in [entry["name"], *entry.get("aliases", [])]:
            places[alias] = Place(entry["name"], "body", entry["name"])
    for entry in places_data["institutions"]:
        for alias in [entry["name"], *entry.get("aliases", [])]:
            places[alias.removeprefix("the ")] = Place(entry["name"], "institution", entry["country"])
    for country, regions in (places_data.get("regions") or {}).items():
        for region in regions:
            places.setdefault(str(region), Place(str(region), "region", str(country)))
    return places, demonyms, capitals, iso


def _cue_forms(cues: Any) -> tuple[dict[str, str], dict[str, str]]:
    """Every surface form of the reporting verbs (-> lemma) and of the phrasal cues (-> phrase)."""
    # one pass over the table for the verbs and the heads of phrasal cues, not one per verb list
    table = _forms_by_lemma(_lemma_table(), {*cues["verbs"], *(p.partition(" ")[0] for p in cues["phrasal"])})
    cue_forms = _verb_forms(list(cues["verbs"]), table)
    verb_forms_by_lemma: dict[str, set[str]] = {}
    for form, lemma in cue_forms.items():
        verb_forms_by_lemma.setdefault(lemma, set()).add(form)
    phrasal: dict[str, str] = {}
    for phrase in cues["phrasal"]:
        head, _, rest = phrase.partition(" ")
        heads = verb_forms_by_lemma.get(head) or set(_verb_forms([head], table))
        for form in heads:
            phrasal[f"{form} {rest}"] = phrase
    return cue_forms, phrasal


def _role_re(head_words: list[str], mods: list[str], objs: list[str]) -> re.Pattern[str]:
    """A role phrase: up to five modifiers, a head, "of/for" an object, "general" ("deputy foreign minister")."""
    # prefix trees: the same matches as the longest-first alternations, several times faster (fastre)
    head_alt = trie_alternation(head_words, ignore_case=True)
    mod_alt = trie_alternation(mods, ignore_case=True)
    obj_alt = trie_alternation([str(o) for o in objs], ignore_case=True)
    return re.compile(
        rf"(?:(?:{mod_alt})[\s-]+){{0,5}}(?:{head_alt})(?:\s+(?:of|for)\s+(?:{obj_alt}))?"
        rf"(?:[\s-]+general)?(?![\w-])",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon of the shipped data files and the project's additions to them."""
    cues = load_data("cues.yml")
    roles = load_data("roles.yml")
    places, demonyms, capitals, iso = _places(load_data("places.yml"))
    cue_forms, phrasal = _cue_forms(cues)
    all_forms = {**cue_forms, **phrasal}
    alternation = "|".join(re.escape(f) for f in sorted(all_forms, key=len, reverse=True))
    cue_re = re.compile(rf"(?<![\w’'-])(?:{alternation})(?![\w’'-])", re.IGNORECASE)
    head_words = [str(h) for h in roles["heads"]]
    mods = [str(m) for m in roles["modifiers"]]
    objs = sorted(roles["objects"], key=len, reverse=True)
    role_re = _role_re(head_words, mods, objs)
    classes: dict[str, int] = {}
    for i, group in enumerate(roles["synonyms"]):
        for phrase in group:
            classes[phrase.lower()] = i
    return Lexicon(
        places=places,
        demonyms=demonyms,
        capitals=capitals,
        country_iso=iso,
        role_heads=frozenset(h.lower() for h in head_words),
        role_modifiers=frozenset(m.lower() for m in mods),
        role_objects=tuple(objs),
        honorifics={str(k): v for k, v in roles["honorifics"].items()},
        role_classes=classes,
        org_heads=frozenset(roles["org_heads"]),
        not_names=frozenset(str(w) for w in roles["not_names"]),
        cue_forms={k.lower(): v for k, v in all_forms.items()},
        cue_nouns=frozenset(cues["nouns"]),
        stance_copulas=frozenset(cues["stance"]["copulas"]),
        stance_adjectives=frozenset(cues["stance"]["adjectives"]),
        source_phrases=tuple(cues["source_phrases"]),
        view_frames=tuple(cues["view_frames"]),
        adverbs=frozenset(str(a) for a in cues["adverbs"]),
        listeners=frozenset(str(a) for a in cues["listeners"]),
        collective_nouns=frozenset(cues["collective_nouns"]),
        collectives=frozenset([*cues["collective_nouns"], *(str(w) for w in roles["collectives"])]),
        pronouns={str(k): str(v) for k, v in cues["pronouns"].items()},
        intro_verbs=frozenset(str(v) for v in cues["intro_verbs"]),
        cue_re=cue_re,
        cue_phrasal=_phrasal_index(phrasal),
        role_re=role_re,
    )
