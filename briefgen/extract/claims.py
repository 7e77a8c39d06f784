"""Claims: statements that say the same thing, grouped across speakers, outlets, quotes and reported speech."""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefgen.extract.display import shown_words
from briefgen.extract.lexicon import lexicon, load_data
from briefgen.extract.stance import _FUNCTION, agreed, content_words, opposed
from briefgen.records import Actor, Claim, Quote, Source

# Two statements make the same claim when the weight of the words they share, over the geometric mean of
# their weights, reaches THRESHOLD on average over the claim's statements (and they share at least
# MIN_SHARED words). Word weights are inverse document frequencies over the corpus' statements, so
# "Ukraine" in a Ukraine corpus weighs little. Measured on the sample (briefgen eval --stances): 0.35 gives
# 12/12 right same-claim pairs (recall 12/96); with 2 shared words 15/15 on the sample, but idioms then join
# statements of unrelated stories in a mixed corpus.
THRESHOLD = 0.35
MIN_SHARED = 3  # two shared words are an idiom ("playing politics", "watching closely"), not a claim
MIN_WORDS = 3
MAX_MEMBERS = 6  # a large claim is compared through its first and latest statements
MAX_CANDIDATES = 8  # claims sharing the most words with a statement are the only ones scored against it
# Statements of articles that quote enough people to tell (speakers + their countries, at least this many on
# both sides) and share none of them are about different stories: never one claim, however alike the words.
MIN_CONTEXT = 3
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
    data = load_data("claims.yml")
    folds = {
        next(iter(content_words(w)), w): "=" + concept
        for concept, words in (data.get("synonyms") or {}).items()
        for w in words
    }
    for w in data.get("ignore") or ():
        for stem in content_words(str(w)):
            folds[stem] = ""
    return folds


@lru_cache(maxsize=1)
def _run_stops() -> frozenset[str]:
    """Lower-case words that end a run of capitalised words: role words and function words."""
    return lexicon().role_heads | _FUNCTION


@lru_cache(maxsize=65536)
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


def fold_words(text: str, names: frozenset[str] = frozenset()) -> frozenset[str]:
    """Content words of a text with places and synonyms folded ("Kyiv" -> @ukraine, "talks" -> =talks);
    people's names (runs of capitalised words that are no place) and role words dropped: a claim is what
    is said, not who is named in it."""
    folds = _folds()
    roles = lexicon().role_heads
    stops = _run_stops()
    words = [w.removesuffix("\u2019s").removesuffix("'s").strip(".") for w in _WORD.findall(text)]
    out: set[str] = set()
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and words[j][:1].isupper() and words[j].lower() not in stops:
            j += 1
        if j - i >= 2:  # "Vladimir Putin", "European Union", "Russian President" (the role ends the run)
            whole = _place(" ".join(words[i:j]))
            out.update([whole] if whole else [p for w in words[i:j] if (p := _place(w))])
            i = j
            continue
        word = words[i]
        i += 1
        if word.lower() in names or word.lower() in roles:
            continue
        place = _place(word) if word[:1].isupper() else None
        if place:
            out.add(place)
            continue
        for stem in content_words(word):
            folded = folds.get(stem, stem)
            if folded:
                out.add(folded)
    return frozenset(out)


def claim_words(quote: Quote, names: frozenset[str] = frozenset()) -> frozenset[str]:
    """The content words a claim is compared on: the statement's own words (a fragment with its verb)."""
    return fold_words(shown_words(quote) if quote.kind == "partial" else quote.text, names)


def claim_text(quote: Quote) -> str:
    """A claim's wording: the statement's words; with its verb when the verb carries the point
    ("criticized Washington for ...", a fragment), not when it only reports ("said there will be ...")."""
    if quote.kind == "direct":
        return quote.text
    shown = shown_words(quote)
    verb = (quote.verb or "").lower()
    if _negating(verb):
        return shown  # "did not say that X", "denied that X": without its verb the claim would say X
    lemma = lexicon().cue_forms.get(verb, verb)
    if quote.kind == "indirect" and (lemma in lexicon().intro_verbs or shown.endswith(" that " + quote.text)):
        return quote.text
    return shown


@lru_cache(maxsize=4096)
def _negating(verb: str) -> bool:
    """Whether a reporting verb negates or denies what it reports ("did not say", "never said", "denied"):
    claims.yml negating_verbs, or a negator among its words."""
    negators, denials = _negation_words()
    forms = lexicon().cue_forms
    words = re.findall(r"[\w’']+", verb)
    return any(w in negators or w.endswith(("n't", "n’t")) or forms.get(w, w) in denials for w in words)


@lru_cache(maxsize=1)
def _negation_words() -> tuple[frozenset[str], frozenset[str]]:
    """claims.yml ``negators`` and ``negating_verbs``, parsed once (not once per distinct verb)."""
    data = load_data("claims.yml")
    return (frozenset(str(w) for w in data.get("negators") or ()),
            frozenset(str(w) for w in data.get("negating_verbs") or ()))


def person_names(actors: Sequence[Actor]) -> frozenset[str]:
    """Lower-case words of people's names and aliases (never compared as claim words)."""
    return frozenset(
        w.lower() for a in actors if a.kind == "person" for n in (a.name, *a.aliases) for w in n.split() if len(w) > 2
    )


def _similarity(a: _Item, b: _Item, idf: Mapping[str, float]) -> float:
    shared = a.words & b.words
    if len(shared) < MIN_SHARED or not a.weight or not b.weight:
        return 0.0
    # fsum: exactly rounded whatever the set order, so ties break the same under every hash seed
    return math.fsum(idf[w] for w in shared) / math.sqrt(a.weight * b.weight)


class _Similar:
    """``_similarity`` remembered per pair of word-set objects (the statements of one text share theirs).

    Keyed by identity, not equality: equal sets built in another order may sum their weights in another
    order, and the last bit of a score decides ties."""

    __slots__ = ("idf", "known")

    def __init__(self, idf: Mapping[str, float]) -> None:
        self.idf = idf
        self.known: dict[tuple[int, int], float] = {}  # ids of word sets the items keep alive

    def __call__(self, a: _Item, b: _Item) -> float:
        key = (id(a.words), id(b.words))
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = _similarity(a, b, self.idf)
        return found

    def row(self, item: _Item, others: Iterable[_Item]) -> list[float]:
        """``self(item, other)`` for each of ``others``, in order (one call for a claim's members)."""
        known, idf, wid = self.known, self.idf, id(item.words)
        out = []
        for other in others:
            key = (wid, id(other.words))
            found = known.get(key)
            if found is None:
                found = known[key] = _similarity(item, other, idf)
            out.append(found)
        return out


def article_context(quotes: Sequence[Quote], actors: Sequence[Actor]) -> dict[str, frozenset[str]]:
    """Per article, its speakers and their countries: statements of two articles sharing none of them are
    about different stories, and "the party would vote against the budget" in both is no common claim."""
    country = {a.id: a.country for a in actors}
    found: dict[str, set[str]] = defaultdict(set)
    for q in quotes:
        if q.speaker:
            found[q.source].add(q.speaker)
            if country.get(q.speaker):
                found[q.source].add(f"country:{country[q.speaker]}")
    return {source: frozenset(names) for source, names in found.items()}


def top_candidates(shared: Mapping[int, int]) -> list[int]:
    """The claims sharing most words with a statement, ties by claim index (never by hash-seed order)."""
    # claims sharing fewer than MIN_SHARED words sort after every other one, so dropping them first
    # leaves the same top MAX_CANDIDATES
    top = sorted(((g, n) for g, n in shared.items() if n >= MIN_SHARED), key=lambda gn: (-gn[1], gn[0]))
    return sorted(g for g, _ in top[:MAX_CANDIDATES])


def group_claims(quotes: Sequence[Quote], actors: Sequence[Actor], sources: Sequence[Source]) -> tuple[Claim, ...]:
    """Every quote and statement in exactly one claim; claims made in most articles first."""
    dates = {s.id: s.published or "" for s in sources}
    ordered = sorted(quotes, key=lambda q: (dates.get(q.source, ""), q.source, q.start, q.id))
    names = person_names(actors)
    folded: dict[str, frozenset[str]] = {}  # text -> its words (the same statement in many articles)
    words = {}
    for q in ordered:
        text = shown_words(q) if q.kind == "partial" else q.text
        found = folded.get(text)
        words[q.id] = found if found is not None else folded.setdefault(text, fold_words(text, names))
    df: Counter[str] = Counter(w for ws in words.values() for w in ws)
    n = max(len(ordered), 1)
    idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
    items = [_Item(q, words[q.id], math.fsum(idf[w] for w in words[q.id])) for q in ordered]
    common = max(50, n // 20)
    similar = _Similar(idf)
    context = article_context(quotes, actors)
    reach: list[set[str]] = []  # per claim, the speakers and countries of the articles it has statements in
    groups: list[list[_Item]] = []
    labelled: list[dict[tuple[str | None, str | None], None]] = []  # per claim, its (stance, target) labels
    holding: dict[str, set[int]] = defaultdict(set)  # word -> groups with a statement using it
    for item in items:
        best, best_index, score = None, -1, THRESHOLD
        # candidates come through words of at most `common` statements (a word in thousands says little)
        pool: list[int] = []
        if len(item.words) >= MIN_WORDS:  # "briefed X on the talks" (under MIN_WORDS words) says too little
            for w in item.words:
                if df[w] <= common and (held := holding.get(w)):
                    pool.extend(held)
        candidates = top_candidates(Counter(pool)) if pool else []  # counted in C, once per statement
        here = context.get(item.quote.source, frozenset())
        for index in candidates:
            group = groups[index]
            if len(here) >= MIN_CONTEXT and len(reach[index]) >= MIN_CONTEXT and not here & reach[index]:
                continue  # articles with no speaker or country in common: another story, however alike the words
            if item.quote.stance and any(
                opposed(item.quote.stance, item.quote.target, *other) for other in labelled[index]
            ):
                continue
            members = group if len(group) <= 2 * MAX_MEMBERS else group[:MAX_MEMBERS] + group[-MAX_MEMBERS:]
            sims = similar.row(item, members)
            s = max(sims) if LINK == "single" else sum(sims) / len(sims)
            if s >= score:
                best, best_index, score = group, index, s
        if best is None:
            best_index = len(groups)
            groups.append([item])
            labelled.append({})
            reach.append(set(here))
        else:
            best.append(item)
            reach[best_index] |= here
        if item.quote.stance:
            labelled[best_index][(item.quote.stance, item.quote.target)] = None
        for w in item.words:
            holding[w].add(best_index)
    by_actor = {a.id: a for a in actors}
    claims = [_claim(g, by_actor, similar) for g in groups]
    return tuple(sorted(claims, key=lambda c: (-c.articles, -len(c.speakers), -c.statements, c.id)))


def _claim(group: Sequence[_Item], actors: Mapping[str, Actor], similar: _Similar) -> Claim:
    sample = group if len(group) <= 2 * MAX_MEMBERS else [*group[:MAX_MEMBERS], *group[-MAX_MEMBERS:]]

    def centrality(item: _Item) -> tuple[bool, float, int, bool, bool, bool, int, str]:
        q = item.quote
        total = sum(similar.row(item, [other for other in sample if other is not item]))
        length = len(q.text.split())
        return (len(item.words) < MIN_WORDS, -total, -(q.stance is not None), q.kind == "partial", "?" in q.text,
                not 6 <= length <= 40, length, q.id)

    best = min(group, key=centrality).quote
    agreement = agreed((i.quote.stance, i.quote.target) for i in group)
    if agreement and agreement[0] != best.stance:  # the label must be about the words shown
        agreement = None
    evidence = tuple(i.quote.id for i in group)
    speakers = Counter(s for i in group if (s := i.quote.speaker) is not None and s in actors)
    speaker_ids = tuple(sorted(speakers, key=lambda s: (-speakers[s], actors[s].name)))
    countries = tuple(dict.fromkeys(c for s in speaker_ids if (c := actors[s].country)))
    topics = Counter(t for i in group for t in i.quote.topics)
    articles = {s for i in group for s in (i.quote.source, *i.quote.also_in)}
    return Claim(
        id="c-" + hashlib.sha1("|".join(sorted(evidence)).encode("utf-8")).hexdigest()[:10],
        text=claim_text(best),
        target=agreement[1] if agreement else None,
        stance=agreement[0] if agreement else None,
        topics=tuple(sorted(topics, key=lambda t: (-topics[t], t))),
        speakers=speaker_ids,
        countries=countries,
        evidence=evidence,
        articles=len(articles),
    )
