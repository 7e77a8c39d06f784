"""Claims: statements that say the same thing, grouped across speakers, outlets, quotes and reported speech."""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import re

from briefgen.extract.display import shown_words
from briefgen.extract.lexicon import lexicon
from briefgen.extract.stance import content_words, polarity, same_target
from briefgen.records import Actor, Claim, Quote, Source

# Two statements make the same claim when the rarer words they share carry at least this share of the
# weight of the shorter one (and they share at least MIN_SHARED words). Word weights are inverse document
# frequencies over the corpus' statements, so "Ukraine" in a Ukraine corpus weighs little.
THRESHOLD = 0.5
MIN_SHARED = 2
LINK = "average"  # mean similarity to the claim's statements: one shared word pair cannot chain two claims
_WORD = re.compile(r"\w+(?:[\u2019'\-.]\w+)*")


@dataclass(frozen=True, slots=True)
class _Item:
    quote: Quote
    words: frozenset[str]
    weight: float


@lru_cache(maxsize=1)
def _folds() -> dict[str, str]:
    """Stemmed word -> concept, from the synonym sets of ``briefgen/data/claims.yml``."""
    import yaml

    data = yaml.safe_load(resources.files("briefgen.data").joinpath("claims.yml").read_text("utf-8"))
    folds = {
        next(iter(content_words(w)), w): "=" + concept
        for concept, words in (data.get("synonyms") or {}).items()
        for w in words
    }
    for w in data.get("ignore") or ():
        for stem in content_words(str(w)):
            folds[stem] = ""
    return folds


def _place(word: str) -> str | None:
    lex = lexicon()
    for form in (word, word.removesuffix("s")):
        place = lex.places.get(form)
        country = (place.country if place and place.kind in ("country", "body") else None) or (
            lex.demonyms.get(form) or lex.capitals.get(form)
        )
        if country:
            return "@" + country.lower()
    return None


def fold_words(text: str) -> frozenset[str]:
    """Content words of a text with places and synonyms folded ("Kyiv" -> @ukraine, "talks" -> =talks)."""
    folds = _folds()
    out: set[str] = set()
    for word in _WORD.findall(text):
        word = word.removesuffix("\u2019s").removesuffix("'s").strip(".")
        place = _place(word) if word[:1].isupper() else None
        if place:
            out.add(place)
            continue
        for stem in content_words(word):
            folded = folds.get(stem, stem)
            if folded:
                out.add(folded)
    return frozenset(out)


def claim_words(quote: Quote) -> frozenset[str]:
    """The content words a claim is compared on: the statement's own words (a fragment with its verb)."""
    return fold_words(shown_words(quote) if quote.kind == "partial" else quote.text)


def _similarity(a: _Item, b: _Item, idf: Mapping[str, float]) -> float:
    shared = a.words & b.words
    if len(shared) < MIN_SHARED or not a.weight or not b.weight:
        return 0.0
    return sum(idf[w] for w in shared) / min(a.weight, b.weight)


def _conflict(a: Quote, b: Quote) -> bool:
    """Opposite stances on the same target are two claims, however many words they share."""
    if not (a.stance and a.target and b.stance and b.target):
        return False
    return same_target(a.target, b.target) and polarity(a.stance, a.target) != polarity(b.stance, b.target)


def group_claims(quotes: Sequence[Quote], actors: Sequence[Actor], sources: Sequence[Source]) -> tuple[Claim, ...]:
    """Every quote and statement in exactly one claim; claims made in most articles first."""
    dates = {s.id: s.published or "" for s in sources}
    ordered = sorted(quotes, key=lambda q: (dates.get(q.source, ""), q.source, q.start, q.id))
    words = {q.id: claim_words(q) for q in ordered}
    df: Counter[str] = Counter(w for ws in words.values() for w in ws)
    n = max(len(ordered), 1)
    idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
    items = [_Item(q, words[q.id], sum(idf[w] for w in words[q.id])) for q in ordered]
    groups: list[list[_Item]] = []
    for item in items:
        best, score = None, THRESHOLD
        for group in groups:
            if any(_conflict(item.quote, other.quote) for other in group):
                continue
            sims = [_similarity(item, other, idf) for other in group]
            s = max(sims) if LINK == "single" else sum(sims) / len(sims)
            if s >= score:
                best, score = group, s
        if best is None:
            groups.append([item])
        else:
            best.append(item)
    by_actor = {a.id: a for a in actors}
    claims = [_claim(g, by_actor, idf) for g in groups]
    return tuple(sorted(claims, key=lambda c: (-c.articles, -len(c.speakers), -c.statements, c.id)))


def _agreed(group: Sequence[_Item]) -> tuple[str, str] | None:
    labelled = [(i.quote.stance, i.quote.target) for i in group if i.quote.stance and i.quote.target]
    if not labelled:
        return None
    stance, target = labelled[0]
    assert stance is not None and target is not None
    for s, t in labelled[1:]:
        if not same_target(t, target) or polarity(s or "", t or "") != polarity(stance, target):
            return None
    return stance, target


def _claim(group: Sequence[_Item], actors: Mapping[str, Actor], idf: Mapping[str, float]) -> Claim:
    def centrality(item: _Item) -> tuple[float, ...]:
        q = item.quote
        total = sum(_similarity(item, other, idf) for other in group if other is not item)
        length = len(q.text.split())
        return (-total, -(q.stance is not None), q.kind == "partial", not 6 <= length <= 40, length, q.id)

    best = min(group, key=centrality).quote
    evidence = tuple(i.quote.id for i in group)
    speakers = Counter(i.quote.speaker for i in group if i.quote.speaker in actors)
    speaker_ids = tuple(sorted(speakers, key=lambda s: (-speakers[s], actors[s].name)))
    countries = tuple(dict.fromkeys(c for s in speaker_ids if (c := actors[s].country)))
    topics = Counter(t for i in group for t in i.quote.topics)
    agreed = _agreed(group)
    articles = {s for i in group for s in (i.quote.source, *i.quote.also_in)}
    return Claim(
        id="c-" + hashlib.sha1("|".join(sorted(evidence)).encode("utf-8")).hexdigest()[:10],
        text=shown_words(best) if best.kind == "partial" else best.text,
        target=agreed[1] if agreed else None,
        stance=agreed[0] if agreed else None,
        topics=tuple(sorted(topics, key=lambda t: (-topics[t], t))),
        speakers=speaker_ids,
        countries=countries,
        evidence=evidence,
        articles=len(articles),
    )
