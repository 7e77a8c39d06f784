"""Topics, stance markers and positions: who said what on which issue, built only from their own words."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.language import Language

from briefgen.config import load_yaml
from briefgen.errors import ConfigError
from briefgen.extract.display import with_display
from briefgen.nlp import lookup_table
from briefgen.records import Actor, Article, Position, Quote, Source, Topic
from briefgen.slugs import slug

TOPICS_FILE = "topics.yml"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+")
Lemmas = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Stance:
    """A stance marker and the explicit cues that support it."""

    id: str
    label: str
    verbs: frozenset[str]
    phrases: tuple[Lemmas, ...]
    negated: str = "ignore"  # what a negated phrase shows: "ignore" (nothing), "keep" (this stance) or a stance id


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lemmatised cue phrases of every topic and stance, ready for matching."""

    topics: tuple[Topic, ...]
    topic_cues: tuple[tuple[str, tuple[Lemmas, ...]], ...]
    stances: tuple[Stance, ...]


def lemmas(nlp: Language, text: str) -> Lemmas:
    """Lower-case lemmas of a text through the pipeline's tokenizer and lookup lemmatizer.

    With the default lookup lemmatizer only the tokenizer runs and lemmas are dictionary look-ups, which
    gives the same lemmas as the full pipeline at a fraction of the cost (this runs once per quote).
    """
    cleaned = text.translate(_APOSTROPHES)
    table = lookup_table(nlp)
    if table is None:
        return tuple((tok.lemma_ or tok.text).lower() for tok in nlp(cleaned) if not tok.is_space)
    return tuple(str(table.get(tok.text, tok.text)).lower() for tok in nlp.make_doc(cleaned) if not tok.is_space)


_MAX_GRAM = 6


@lru_cache(maxsize=4096)
def _grams(words: Lemmas) -> frozenset[Lemmas]:
    """Every run of 1 to _MAX_GRAM lemmas: cue phrases are then found by one set look-up each."""
    return frozenset(words[i : i + n] for n in range(1, _MAX_GRAM + 1) for i in range(len(words) - n + 1))


def _contains(words: Lemmas, phrase: Lemmas) -> bool:
    n = len(phrase)
    if not n or n > len(words):
        return False
    if n <= _MAX_GRAM:
        return phrase in _grams(words)
    first = phrase[0]
    return any(words[i] == first and words[i : i + n] == phrase for i in range(len(words) - n + 1))


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
    """The project's ``site_config/topics.yml`` when present, else briefgen's default topics."""
    if site_config is not None and (site_config / TOPICS_FILE).is_file():
        path = site_config / TOPICS_FILE
        data, _ = load_yaml(path)
        return parse_topics(data, str(path))
    text = resources.files("briefgen.data").joinpath(TOPICS_FILE).read_text("utf-8")
    import yaml

    return parse_topics(yaml.safe_load(text), "briefgen/data/topics.yml")


def load_stance_data() -> list[dict[str, Any]]:
    """The stance cue lists shipped in ``briefgen/data/stances.yml``."""
    import yaml

    data = yaml.safe_load(resources.files("briefgen.data").joinpath("stances.yml").read_text("utf-8"))
    items: list[dict[str, Any]] = data["stances"]
    return items


def make_lexicon(nlp: Language, topics: Sequence[Topic], stances: Iterable[Mapping[str, Any]] | None = None) -> Lexicon:
    """Lemmatise every topic cue and stance cue once."""
    topic_cues = tuple((t.id, tuple(sorted({lemmas(nlp, c) for c in t.cues} - {()}))) for t in topics)
    parsed: list[Stance] = []
    for item in stances if stances is not None else load_stance_data():
        verbs = frozenset(" ".join(lemmas(nlp, v)) for v in item.get("verbs") or ())
        phrases = tuple(sorted({lemmas(nlp, p) for p in item.get("phrases") or ()} - {()}))
        negated = str(item.get("negated") or "ignore")
        parsed.append(Stance(str(item["id"]), str(item.get("label") or item["id"]), verbs, phrases, negated))
    return Lexicon(tuple(topics), topic_cues, tuple(parsed))


def _found(words: Lemmas, cues: Iterable[Lemmas]) -> Iterator[Lemmas]:
    grams = _grams(words)
    return (c for c in cues if (c in grams if len(c) <= _MAX_GRAM else _contains(words, c)))


def topics_of(words: Lemmas, lexicon: Lexicon) -> tuple[str, ...]:
    """Ids of every topic with a cue among the lemmas, in the configured topic order."""
    return tuple(tid for tid, cues in lexicon.topic_cues if any(_found(words, cues)))


def topic_hits(words: Lemmas, lexicon: Lexicon, topic: str) -> int:
    """How many distinct cues of one topic occur among the lemmas."""
    cues = dict(lexicon.topic_cues).get(topic, ())
    return sum(1 for _ in _found(words, cues))


# A cue with one of these one or two words before it, in the same clause, is negated: "would not rule
# out", "do not need", "no danger". What a negated cue shows is each stance's ``negated`` in stances.yml.
NEGATORS = frozenset({"not", "n't", "never", "no", "nor", "without", "hardly", "neither"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "!", "?", "but", "—", "–", "-", "(", ")", '"'})
_NEGATION_REACH = 2


def _negated(words: Lemmas, at: int) -> bool:
    """Whether a negator stands within reach before position ``at``, with no clause break between."""
    for word in reversed(words[max(0, at - _NEGATION_REACH) : at]):
        if word in _CLAUSE_BREAKS:
            return False
        if word in NEGATORS:
            return True
    return False


def _cue_hits(words: Lemmas, phrases: Iterable[Lemmas]) -> tuple[bool, bool]:
    """(an affirmative occurrence of a phrase, a negated occurrence of a phrase) among the lemmas."""
    plain = negated = False
    for phrase in _found(words, phrases):  # the set look-up keeps this to phrases that do occur
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if words[i] == phrase[0] and words[i : i + n] == phrase:
                if _negated(words, i):
                    negated = True
                else:
                    plain = True
        if plain and negated:
            break
    return plain, negated


def stance_of(words: Lemmas, cue: str | None, lexicon: Lexicon, nlp: Language) -> str | None:
    """The stance an explicit cue supports: the reporting verb first, then the words; None otherwise.

    A negated cue in the words counts as its stance's ``negated`` says (see NEGATORS).
    """
    if cue:
        verb = _cue_lemmas(nlp, cue)
        for stance in lexicon.stances:
            if verb in stance.verbs:
                return stance.id
    shown: set[str] = set()
    for stance in lexicon.stances:
        plain, negated = _cue_hits(words, stance.phrases)
        if plain:
            shown.add(stance.id)
        if negated and stance.negated != "ignore":
            shown.add(stance.id if stance.negated == "keep" else stance.negated)
    return next((s.id for s in lexicon.stances if s.id in shown), None)


@lru_cache(maxsize=1024)
def _cue_lemmas(nlp: Language, cue: str) -> str:
    return " ".join(lemmas(nlp, cue))


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (within its paragraph) that holds the span ``start:end`` of a text."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end == -1 else para_end
    left = para_start
    for m in _SENTENCE_END.finditer(text, para_start, start):
        left = m.end()
    stop = _SENTENCE_END.search(text, end, para_end)
    right = stop.end() if stop else para_end
    return text[left:right].strip()


def quote_words(quote: Quote, article: Article | None) -> str:
    """The words a topic is read from: the quote, plus its sentence when it is only a fragment."""
    if quote.kind == "partial" and article is not None and 0 <= quote.start <= quote.end <= len(article.text):
        return sentence_around(article.text, quote.start, quote.end)
    return quote.text


@dataclass(frozen=True, slots=True)
class Reading:
    """What the lexicon reads in one quote: its topics, stance and lemmas."""

    topics: tuple[str, ...]
    stance: str | None
    words: Lemmas


def read_quote(quote: Quote, article: Article | None, lexicon: Lexicon, nlp: Language) -> Reading:
    """Topics and stance of one quote or statement."""
    words = lemmas(nlp, quote_words(quote, article))
    own = lemmas(nlp, quote.text) if quote.kind == "partial" else words
    return Reading(topics_of(words, lexicon), stance_of(own, quote.cue, lexicon, nlp), words)


def assign_topics(quotes: Sequence[Quote], readings: Mapping[str, Reading]) -> tuple[Quote, ...]:
    """Quotes with ``topics`` and ``stance`` filled from their readings."""
    return tuple(
        replace(q, topics=readings[q.id].topics, stance=readings[q.id].stance) if q.id in readings else q
        for q in quotes
    )


def majority_stance(stances: Iterable[str | None], lexicon: Lexicon) -> str | None:
    """The most frequent explicit stance (ties go to the earlier stance in stances.yml), or None."""
    counts = Counter(s for s in stances if s)
    if not counts:
        return None
    order = {s.id: i for i, s in enumerate(lexicon.stances)}
    return min(counts, key=lambda s: (-counts[s], order.get(s, len(order)), s))


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
        stance = majority_stance((readings[q.id].stance for q in evidence), lexicon)
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
        stance = majority_stance((readings[e].stance for e in evidence if e in readings), lexicon)
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
    quotes = with_display(tuple(quotes), dict(articles))
    lexicon = make_lexicon(nlp, topics)
    readings = {q.id: read_quote(q, articles.get(q.source), lexicon, nlp) for q in quotes}
    tagged = assign_topics(quotes, readings)
    return tagged, derive_positions(tagged, actors, sources, readings, lexicon)
