"""Duplicate detection: identical articles are read once; near-duplicates (wire copies) are reported."""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

_WORD = re.compile(r"\w+")
SHINGLE = 5
SAMPLE = 4  # index one shingle in SAMPLE to find candidate pairs cheaply
COMMON = 50  # a sampled shingle shared by more articles than this is stock phrasing, not evidence


def shingles(text: str, size: int = SHINGLE) -> frozenset[int]:
    """Hashes of the overlapping word n-grams of a text (case-folded)."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return frozenset([zlib.crc32(" ".join(words).encode())]) if words else frozenset()
    return frozenset(zlib.crc32(" ".join(words[i : i + size]).encode()) for i in range(len(words) - size + 1))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """Shared shingles over all shingles of two texts."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def near_duplicates(texts: Sequence[str], threshold: float = 0.8) -> list[tuple[int, int, float]]:
    """Pairs (i, j, similarity) of texts whose shingled Jaccard similarity is at least the threshold."""
    sets = [shingles(t) for t in texts]
    index: dict[int, list[int]] = defaultdict(list)
    for i, shingle_set in enumerate(sets):
        for h in shingle_set:
            if h % SAMPLE == 0:
                index[h].append(i)
    candidates: set[tuple[int, int]] = set()
    for members in index.values():
        if 1 < len(members) <= COMMON:
            candidates.update(combinations(members, 2))
    pairs = []
    for i, j in sorted(candidates):
        # Jaccard >= t needs the smaller set to be at least t times the larger one
        small, big = sorted((len(sets[i]), len(sets[j])))
        if big and small / big < threshold:
            continue
        score = jaccard(sets[i], sets[j])
        if score >= threshold:
            pairs.append((i, j, score))
    return pairs
