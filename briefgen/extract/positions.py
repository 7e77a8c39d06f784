"""Topics, stance markers and positions: who said what on which issue, built only from their own words."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language

from briefgen.config import load_yaml
from briefgen.errors import ConfigError
from briefgen.extract.display import sentence_limits, shown_words, with_display
from briefgen.extract.lexicon import load_data
from briefgen.extract.stance import (
    Found,
    StanceRules,
    agreed,
    make_rules,
    map_rules,
    read_stance,
    shown_found,
    stance_text,
)
from briefgen.nlp import lookup_table, make_nlp
from briefgen.records import Actor, Article, Position, Quote, Source, Topic
from briefgen.slugs import slug

TOPICS_FILE = "topics.yml"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
Lemmas = tuple[str, ...]
TopicCues = tuple[tuple[str, tuple[Lemmas, ...]], ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lemmatised cue phrases of every topic, and the stance rules, ready for matching."""

    topics: tuple[Topic, ...]
    topic_cues: TopicCues
    stances: StanceRules
    table: Mapping[str, str]


def lemmas(nlp: Language, text: str) -> Lemmas:
    """Lower-case lemmas of a text through the pipeline's tokenizer and lookup lemmatizer.

    With the default lookup lemmatizer only the tokenizer runs and lemmas are dictionary look-ups, which
    gives the same lemmas as the full pipeline at a fraction of the cost (this runs once per quote).
    """
    cleaned = text.translate(_APOSTROPHES)
    table = lookup_table(nlp)
    if table is None:
        return tuple((tok.lemma_ or tok.text).lower() for tok in nlp(cleaned) if not tok.is_space)
    known = _lower_lemmas(table)
    out = []
    for tok in nlp.make_doc(cleaned):
        if not tok.is_space:
            word = tok.text
            lemma = known.get(word)
            if lemma is None:
                lemma = known[word] = str(table.get(word, word)).lower()
            out.append(lemma)
    return tuple(out)


_LOWER_LEMMAS: dict[int, tuple[Mapping[str, str], dict[str, str]]] = {}


def _lower_lemmas(table: Mapping[str, str]) -> dict[str, str]:
    """A token's lower-case lemma from one lookup table, remembered per word (the table hashes each key it is
    asked for); kept by the table's identity, the table alive beside it so the id is never reused."""
    known = _LOWER_LEMMAS.get(id(table))
    if known is None or known[0] is not table:
        if len(_LOWER_LEMMAS) > 4:
            _LOWER_LEMMAS.clear()
        known = _LOWER_LEMMAS[id(table)] = (table, {})
    return known[1]


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise ConfigError(f"'{key}' must be a list of words or phrases", where, "write it as [a, b, c]")
    return tuple(str(v) for v in value if str(v).strip())


def parse_topics(data: Any, where: str) -> tuple[Topic, ...]:
    """Topics from the parsed YAML of a topics file (``topics:`` list of name/description/cues)."""
    items = data.get("topics") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ConfigError("a topics file needs a 'topics:' list", where, "see site_config/topics.yml")
    topics: list[Topic] = []
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            raise ConfigError(f"topic {n} needs a 'name'", where, "give every topic a name, description and cues")
        topic_id = slug(str(item.get("id") or item["name"]), fallback="topic")
        if topic_id == "index":  # topics/index.md is the list of topics
            topic_id = "index-topic"
        if topic_id in seen:
            raise ConfigError(f"topic id '{topic_id}' is used twice", where, "give one of them another id")
        seen.add(topic_id)
        cues = _strings(item.get("cues"), where, f"topics[{n}].cues")
        if not cues:
            raise ConfigError(f"topic '{item['name']}' has no cues", where, "add cue words or phrases")
        topics.append(
            Topic(
                id=topic_id,
                name=item["name"].strip(),
                description=str(item.get("description") or "").strip(),
                cues=cues,
                short=str(item.get("short") or "").strip(),
            )
        )
    return tuple(topics)


def load_topics(site_config: Path | None) -> tuple[Topic, ...]:
    """The topics of the project's ``site_config/topics.yml``; none when it is missing or lists none
    (then topics are discovered from the corpus, see ``discover_topics``)."""
    if site_config is None or not (site_config / TOPICS_FILE).is_file():
        return ()
    path = site_config / TOPICS_FILE
    data, _ = load_yaml(path)
    if data is None or (isinstance(data, dict) and not data.get("topics")):
        return ()  # the commented, empty file `briefgen init` writes
    return parse_topics(data, str(path))


def make_lexicon(nlp: Language, topics: Sequence[Topic], stances: Mapping[str, Any] | None = None) -> Lexicon:
    """Lemmatise every topic cue and the stance rules once."""
    topic_cues = tuple((t.id, tuple(sorted({lemmas(nlp, c) for c in t.cues} - {()}))) for t in topics)
    table: Mapping[str, str] = lookup_table(nlp) or {}
    if stances is None and nlp is make_nlp():  # the map's rules: the same table and data, built once per process
        return Lexicon(tuple(topics), topic_cues, map_rules()[0], table)
    return Lexicon(tuple(topics), topic_cues, make_rules(table, stances), table)


def _found(words: Lemmas, topic_cues: TopicCues) -> dict[str, set[Lemmas]]:
    """Per topic, its distinct cues that occur in the lemmas as a contiguous run: one pass over the words,
    each word looked up among the cues' first words (no n-grams built)."""
    by_first = _cue_index(topic_cues)
    found: dict[str, set[Lemmas]] = {}
    for i, word in enumerate(words):
        for topic, cue in by_first.get(word, ()):
            if words[i : i + len(cue)] == cue:
                found.setdefault(topic, set()).add(cue)
    return found


def topics_of(words: Lemmas, lexicon: Lexicon) -> tuple[str, ...]:
    """Ids of every topic with a cue among the lemmas, in the configured topic order."""
    found = _found(words, lexicon.topic_cues)
    return tuple(tid for tid, _ in lexicon.topic_cues if tid in found) if found else ()


def topic_hits(words: Lemmas, lexicon: Lexicon, topic: str) -> int:
    """How many distinct cues of one topic occur among the lemmas."""
    return len(_found(words, lexicon.topic_cues).get(topic, ()))


_CUE_INDEX: dict[int, tuple[object, dict[str, tuple[tuple[str, Lemmas], ...]]]] = {}


def _cue_index(topic_cues: TopicCues) -> dict[str, tuple[tuple[str, Lemmas], ...]]:
    """First lemma of a cue -> (topic, cue) pairs, built once per lexicon (kept by identity, with the
    lexicon's cues alive beside it so the id is never reused)."""
    known = _CUE_INDEX.get(id(topic_cues))
    if known is None or known[0] is not topic_cues:
        if len(_CUE_INDEX) > 16:
            _CUE_INDEX.clear()
        index: dict[str, list[tuple[str, Lemmas]]] = {}
        for tid, cues in topic_cues:
            for cue in cues:
                if cue:
                    index.setdefault(cue[0], []).append((tid, cue))
        known = _CUE_INDEX[id(topic_cues)] = (topic_cues, {w: tuple(p) for w, p in index.items()})
    return known[1]


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (within its paragraph) that holds the span ``start:end`` of a text."""
    left, stop, para_end = sentence_limits(text, start, end)
    right = stop.end() if stop else para_end
    return text[left:right].strip()


def quote_words(quote: Quote, article: Article | None) -> str:
    """The words a topic is read from: the quote; a fragment with its reporting verb and what stands between
    ("told allies that Ukraine's hopes were “unrealistic”"), not the rest of its sentence, which may
    report someone else ("... and Lecornu warned against “peace through weakness”")."""
    if quote.kind == "partial":
        if quote.display:
            return shown_words(quote)
        if article is not None and 0 <= quote.start <= quote.end <= len(article.text):
            return sentence_around(article.text, quote.start, quote.end)
    return quote.text


@dataclass(frozen=True, slots=True)
class Reading:
    """What the lexicon reads in one quote: its topics, stance with target, and lemmas."""

    topics: tuple[str, ...]
    stance: str | None
    words: Lemmas
    target: str | None = None


StanceMemo = dict[tuple[str, str | None, bool], Found | None]


def read_quote(
    quote: Quote,
    article: Article | None,
    lexicon: Lexicon,
    nlp: Language,
    memo: tuple[dict[str, Lemmas], StanceMemo, dict[Lemmas, tuple[str, ...]]] | None = None,
    mapped: bool = False,
) -> Reading:
    """Topics and stance of one quote or statement. ``memo`` keeps lemmas and stances of texts already read
    (both depend on the text alone: the same statement carried by many articles is read once). ``mapped``:
    the quote was shown and read in the per-article map (analyse.py) and keeps the stance read there."""
    said, kind_reported = quote_words(quote, article), quote.kind != "direct"
    key = (stance_text(quote), quote.cue, kind_reported)
    if memo is None:
        words = lemmas(nlp, said)
        topics = topics_of(words, lexicon)
    else:
        known_words, known_stances, known_topics = memo
        words = known_words.get(said) or known_words.setdefault(said, lemmas(nlp, said))
        if words not in known_topics:
            known_topics[words] = topics_of(words, lexicon)
        topics = known_topics[words]
    if mapped:
        found = Found(quote.stance, quote.target) if quote.stance and quote.target else None
    elif memo is None:
        found = read_stance(key[0], lexicon.stances, lexicon.table, quote.cue, kind_reported)
    elif key in known_stances:
        found = known_stances[key]
    else:
        found = known_stances[key] = read_stance(key[0], lexicon.stances, lexicon.table, quote.cue, kind_reported)
    if not mapped:  # read here, not in the map: only a shown construction's label counts
        found = shown_found(found, quote.speaker is not None, quote.rule)
    return Reading(topics, found.stance if found else None, words, found.target if found else None)


def assign_topics(quotes: Sequence[Quote], readings: Mapping[str, Reading]) -> tuple[Quote, ...]:
    """Quotes with ``topics``, ``stance`` and ``target`` filled from their readings."""
    out = []
    for q in quotes:
        r = readings.get(q.id)
        if r is None or (q.topics, q.stance, q.target) == (r.topics, r.stance, r.target):
            out.append(q)  # read in the map and on no topic: nothing to replace (replace() is slow)
        else:
            out.append(replace(q, topics=r.topics, stance=r.stance, target=r.target))
    return tuple(out)


# A position (an actor's or a country's cell) shows a polarity only when its labelled statements agree AND
# are at least this share of its statements on the topic: "11 statements · against: X" when one of the
# eleven is labelled reads as if all eleven were against X.
POLARITY_SHARE = 0.5


def agreed_stance(readings: Iterable[Reading]) -> tuple[str, str] | None:
    """(stance, target) when the labelled statements take one position on one target (``stance.agreed``)
    and make up at least POLARITY_SHARE of the statements; else None."""
    read = list(readings)
    found = agreed((r.stance, r.target) for r in read)
    labelled = sum(1 for r in read if r.stance and r.target)
    return found if found and labelled >= POLARITY_SHARE * len(read) else None


_KIND_RANK = {"direct": 0, "partial": 2, "indirect": 1}


def representative(
    group: Sequence[Quote], topic: str, readings: Mapping[str, Reading], lexicon: Lexicon, stance: str | None = None
) -> Quote:
    """The quote that best stands for a group: on topic, own words first, carrying the group's stance."""
    bags = {q.id: set(readings[q.id].words) for q in group}
    common = Counter(w for bag in bags.values() for w in bag if len(w) > 3)

    def score(q: Quote) -> tuple[float, ...]:
        reading = readings[q.id]
        length = len(q.text.split())
        shared = sum(common[w] - 1 for w in bags[q.id] if len(w) > 3) / max(len(bags[q.id]), 1)
        fits = 1 if 6 <= length <= 60 else 0
        hits = topic_hits(reading.words, lexicon, topic)
        agrees = stance is not None and reading.stance == stance
        return (-(hits > 0), -agrees, _KIND_RANK.get(q.kind, 3), -(reading.stance is not None), -fits, -hits,
                -shared, -length)

    return min(group, key=lambda q: (*score(q), q.id))


def country_id(name: str) -> str:
    """The stable id of a country (or international body) in positions and page slugs."""
    value = slug(name, fallback="country")
    return "index-country" if value == "index" else value  # countries/index.md is the list of countries


def _dated(quotes: Iterable[Quote], sources: Mapping[str, Source]) -> list[Quote]:
    def key(q: Quote) -> tuple[str, str, int, int]:
        src = sources.get(q.source)
        return ((src.published or "") if src else "", q.source, q.paragraph, q.start)

    return sorted(quotes, key=key)


def derive_positions(
    quotes: Sequence[Quote],
    actors: Sequence[Actor],
    sources: Sequence[Source],
    readings: Mapping[str, Reading],
    lexicon: Lexicon,
) -> tuple[Position, ...]:
    """Actor positions (one per actor × topic with evidence), then country positions aggregating them."""
    by_id = {a.id: a for a in actors}
    source_map = {s.id: s for s in sources}
    groups: dict[tuple[str, str], list[Quote]] = defaultdict(list)
    for q in quotes:
        if q.speaker in by_id and q.id in readings:
            for t in readings[q.id].topics:
                groups[(q.speaker, t)].append(q)
    topic_order = {t.id: i for i, t in enumerate(lexicon.topics)}
    actor_positions: list[Position] = []
    for (actor_id, topic), group in sorted(groups.items(), key=lambda kv: (kv[0][0], topic_order[kv[0][1]])):
        evidence = _dated(group, source_map)
        agreed = agreed_stance(readings[q.id] for q in evidence)
        stance = agreed[0] if agreed else None
        best = representative(evidence, topic, readings, lexicon, stance)
        actor_positions.append(
            Position(
                actor=actor_id,
                topic=topic,
                summary=best.text,
                evidence=tuple(q.id for q in evidence),
                stance=stance,
                speakers=(actor_id,),
                kind="actor",
                target=agreed[1] if agreed else None,
            )
        )
    return (*actor_positions, *country_positions(actor_positions, by_id, quotes, readings, lexicon))


def country_positions(
    actor_positions: Sequence[Position],
    actors: Mapping[str, Actor],
    quotes: Sequence[Quote],
    readings: Mapping[str, Reading],
    lexicon: Lexicon,
) -> tuple[Position, ...]:
    """One position per country × topic: its actors' evidence, each actor named, most-quoted actor first."""
    quoted = Counter(q.speaker for q in quotes if q.speaker)
    grouped: dict[tuple[str, str], list[Position]] = defaultdict(list)
    for p in actor_positions:
        actor = actors[p.actor]
        if actor.country:
            grouped[(actor.country, p.topic)].append(p)
    topic_order = {t.id: i for i, t in enumerate(lexicon.topics)}
    out: list[Position] = []
    ordered = sorted(grouped.items(), key=lambda kv: (country_id(kv[0][0]), topic_order[kv[0][1]]))
    for (country, topic), members in ordered:
        members.sort(key=lambda p: (-len(p.evidence), -quoted[p.actor], actors[p.actor].name))
        evidence = tuple(e for p in members for e in p.evidence)
        agreed = agreed_stance(readings[e] for e in evidence if e in readings)
        stance = agreed[0] if agreed else None
        voice = next((p for p in members if stance is None or p.stance == stance), members[0])
        out.append(
            Position(
                actor=country_id(country),
                topic=topic,
                summary=voice.summary,
                evidence=evidence,
                stance=stance,
                speakers=tuple(p.actor for p in members),
                kind="country",
                target=agreed[1] if agreed else None,
            )
        )
    return tuple(out)


def analyse_positions(
    nlp: Language,
    topics: Sequence[Topic],
    quotes: Sequence[Quote],
    actors: Sequence[Actor],
    sources: Sequence[Source],
    articles: Mapping[str, Article],
) -> tuple[tuple[Quote, ...], tuple[Position, ...]]:
    """The reduce step for issues: topics on every quote, stances, and actor and country positions.

    ``articles`` maps a source id to its cleaned article (used to read fragments in their sentence).
    """
    mapped = {q.id for q in quotes if q.display}  # shown and read in the per-article map (analyse.py)
    quotes = with_display(tuple(quotes), dict(articles))
    lexicon = make_lexicon(nlp, topics)
    memo: tuple[dict[str, Lemmas], StanceMemo, dict[Lemmas, tuple[str, ...]]] = ({}, {}, {})
    readings = {q.id: read_quote(q, articles.get(q.source), lexicon, nlp, memo, q.id in mapped) for q in quotes}
    tagged = assign_topics(quotes, readings)
    return tagged, derive_positions(tagged, actors, sources, readings, lexicon)


# --- topics discovered from the corpus -------------------------------------------------------------------

_PHRASE_WORD = re.compile(r"[A-Za-z][\w\u2019'\-]*|\d+[\w\-]*|[^\w\s]")
_TIME_WORDS = frozenset(str(w) for w in load_data("claims.yml")["not_topic_words"])
MAX_TOPICS = 10


@lru_cache(maxsize=65536)
def _generic(word: str) -> bool:
    from briefgen.extract.lexicon import lexicon
    from briefgen.extract.stance import _FUNCTION

    low = word.lower().replace("\u2019", "'")
    low = low[:-2] if low.endswith("'s") and len(low) > 4 else low  # "Tuesday's meeting": a day, not an issue
    lex = lexicon()
    return (
        low in _FUNCTION
        or low in STOP_WORDS  # spaCy's English stop words: "made", "again", "together" name no issue
        or low in _TIME_WORDS
        or low in lex.cue_forms
        or low in lex.role_heads
        or low.rstrip("s") in lex.role_heads
        or low in lex.honorifics
        or low.isdigit()
        or len(low) < 3
    )


def _stem(word: str) -> str:
    low = word.lower().replace("\u2019", "'")
    for suffix in ("ies", "es", "s"):
        if low.endswith(suffix) and len(low) > len(suffix) + 3 and not low.endswith("ss"):
            return low[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return low


def statement_phrases(text: str) -> dict[tuple[str, ...], str]:
    """Runs of 2-3 content words in a text (no function word, name-only run or punctuation inside):
    stemmed key -> the words as written."""
    found: dict[tuple[str, ...], str] = {}
    run: list[str] = []
    for tok in [*_PHRASE_WORD.findall(text), "."]:
        if tok[0].isalnum() and not _generic(tok):
            run.append(tok)
            continue
        for n in (2, 3):
            for i in range(len(run) - n + 1):
                words = run[i : i + n]
                if all(w[0].isupper() for w in words):
                    continue  # a name ("Vladimir Putin", "Security Council"), not an issue
                if words[0].lower().endswith("ly") or words[-1].lower().endswith(("ed", "'s", "\u2019s")):
                    continue  # "closely involved", "discuss Ukraine's": verbal or unfinished, no issue
                found.setdefault(tuple(_stem(w) for w in words), " ".join(words))
        run = []
    return found


def _one_story(articles: set[str], speakers: Mapping[str, set[str]]) -> set[str]:
    """The articles that share a speaker with another of the given articles (a speaker counted once per
    article: one in two or more of them joins those; linear, not a comparison of every pair)."""
    held = Counter(s for a in articles for s in speakers.get(a, ()))
    return {a for a in articles if any(held[s] >= 2 for s in speakers.get(a, ()))}


def discover_topics(quotes: Sequence[Quote], min_articles: int = 2) -> tuple[Topic, ...]:
    """Topics named by phrases that recur in the statements of several articles, most widespread first.

    Each topic's cue is its phrase, so its evidence is the statements that contain it; a phrase whose
    statements are all covered by a wider overlapping phrase is left out. Articles count for a phrase only
    when they belong to one story: each shares a speaker with another article holding the phrase ("a last
    resort" said about border controls and about farm buyouts is a coincidence, not a topic).
    """
    speakers: dict[str, set[str]] = defaultdict(set)
    for q in quotes:
        if q.speaker:
            for sid in (q.source, *q.also_in):
                speakers[sid].add(q.speaker)
    sources: dict[tuple[str, ...], set[str]] = defaultdict(set)
    holders: dict[tuple[str, ...], set[str]] = defaultdict(set)
    texts: dict[tuple[str, ...], set[str]] = defaultdict(set)
    surfaces: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    phrases: dict[str, dict[tuple[str, ...], str]] = {}  # text -> its phrases (wire copies are read once)
    for q in quotes:
        text = shown_words(q) if q.kind == "partial" else q.text
        found = phrases.get(text)
        if found is None:
            found = phrases[text] = statement_phrases(text)
        where, said = (q.source, *q.also_in), " ".join(q.text.lower().split())
        for key, surface in found.items():
            sources[key].update(where)
            holders[key].add(q.id)
            texts[key].add(said)
            surfaces[key][surface] += 1
    ranked = sorted(
        # the same sentence in several articles is boilerplate ("Newsletters may contain ..."), not a topic
        (k for k in sources if len(sources[k]) >= min_articles and len(texts[k]) >= 2
         and len(_one_story(sources[k], speakers)) >= min_articles),
        key=lambda k: (-len(sources[k]), -len(holders[k]), len(k), k),
    )
    kept: list[tuple[str, ...]] = []
    for key in ranked:
        if any(set(key) & set(other) and holders[key] <= holders[other] for other in kept):
            continue
        kept.append(key)
        if len(kept) == MAX_TOPICS:
            break
    topics = []
    seen: set[str] = set()
    for key in kept:
        name = surfaces[key].most_common(1)[0][0]
        topic_id = slug(name, fallback="topic")
        if topic_id in seen or topic_id == "index":
            continue
        seen.add(topic_id)
        forms = tuple(sorted(surfaces[key]))
        topics.append(Topic(
            id=topic_id,
            name=name[0].upper() + name[1:],
            description=f"Statements that mention \u201c{name}\u201d, in {len(sources[key])} articles "
                        "(a topic found in the corpus; list your own in site_config/topics.yml).",
            cues=forms,
        ))
    return tuple(topics)
