"""Duplicate detection: identical articles are read once; near-duplicates (wire copies) are reported."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import combinations

_WORD = re.compile(r"\w+")
SHINGLE = 5
COMMON = 50  # a sentence shared by more articles than this is stock phrasing, not evidence
MIN_SENTENCE = 30  # characters: shorter sentences ("He said.") are no evidence of copying
CANDIDATE_SHARE = 0.3  # a candidate pair shares at least this part of the shorter text's sentences
_SENTENCE = re.compile(r"[.!?]\s+|\n+")

Shingle = tuple[str, ...]


def shingles(text: str, size: int = SHINGLE) -> frozenset[Shingle]:
    """The overlapping word n-grams of a text (case-folded, punctuation ignored)."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return frozenset([tuple(words)]) if words else frozenset()
    return frozenset(zip(*(words[i:] for i in range(size)), strict=False))


def sentence_keys(text: str) -> set[str]:
    """The longer sentences of a text, case-folded (cheap to compare)."""
    return {s for s in _SENTENCE.split(text.casefold()) if len(s) >= MIN_SENTENCE}


def jaccard(a: frozenset[Shingle], b: frozenset[Shingle]) -> float:
    """Shared shingles over all shingles of two texts."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def near_duplicates(texts: Sequence[str], threshold: float = 0.8) -> list[tuple[int, int, float]]:
    """Pairs (i, j, similarity) of texts whose shingled Jaccard similarity is at least the threshold."""
    # Candidates are pairs sharing a good part of their sentences verbatim (texts at Jaccard >= 0.8 on word
    # 5-grams share most sentences); only they get the exact, costlier shingle comparison.
    keys = [sentence_keys(t) for t in texts]
    index: dict[str, list[int]] = defaultdict(list)
    for i, sentence_set in enumerate(keys):
        for key in sentence_set:
            index[key].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for members in index.values():
        if 1 < len(members) <= COMMON:
            shared.update(combinations(members, 2))
    cache: dict[int, frozenset[Shingle]] = {}

    def shingles_of(i: int) -> frozenset[Shingle]:
        if i not in cache:
            cache[i] = shingles(texts[i])
        return cache[i]

    pairs = []
    for (i, j), count in sorted(shared.items()):
        if count < CANDIDATE_SHARE * min(len(keys[i]), len(keys[j])):
            continue
        a, b = shingles_of(i), shingles_of(j)
        if min(len(a), len(b)) < threshold * max(len(a), len(b)):
            continue
        score = jaccard(a, b)
        if score >= threshold:
            pairs.append((i, j, score))
    return pairs
