"""Extraction speed as ratios over a bare ``spacy.blank("en")`` tokenizer pass (no wall-clock units).

Run: ``PYTHONPATH=. python benchmarks/bench_extract.py [CONTENT_DIR] [REPEAT]``. Prints the extra time of
the actor stage and of the quote stage relative to tokenizing the same texts (target: each <= 0.25).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import spacy

from briefgen.config import load_settings
from briefgen.corpus import read_corpus
from briefgen.extract.actors import local_actors_of
from briefgen.extract.quotes import find_quotes
from briefgen.records import Article


def main() -> None:
    """Time tokenizer, actor stage and quote stage on the corpus repeated REPEAT times."""
    content = Path(sys.argv[1] if len(sys.argv) > 1 else "content")
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    articles: list[Article] = list(read_corpus(load_settings(content_dir=content.resolve())).articles)
    rounds = 5
    batch = articles * max(1, repeat // rounds)
    nlp = spacy.blank("en")
    # warm up the lexicon and regexes so one-off compilation is not billed to the stages
    for a in articles:
        find_quotes(
            a.text,
            [(p.number, p.start, p.end) for p in a.paragraphs],
            local_actors_of(a.text, [(p.start, p.end) for p in a.paragraphs]),
        )
    # the machine is shared: CPU time, interleaved rounds, and the best round of each stage
    best = {"tokenize": float("inf"), "actors": float("inf"), "quotes": float("inf")}
    n = 0
    for _ in range(rounds):
        t0 = time.process_time()
        for doc in nlp.pipe(a.text for a in batch):
            del doc
        best["tokenize"] = min(best["tokenize"], time.process_time() - t0)
        t0 = time.process_time()
        found = [local_actors_of(a.text, [(p.start, p.end) for p in a.paragraphs]) for a in batch]
        best["actors"] = min(best["actors"], time.process_time() - t0)
        t0 = time.process_time()
        n = 0
        for a, aa in zip(batch, found, strict=True):
            n += sum(1 for _ in find_quotes(a.text, [(p.number, p.start, p.end) for p in a.paragraphs], aa))
        best["quotes"] = min(best["quotes"], time.process_time() - t0)
    tokenize, actors, quotes = best["tokenize"], best["actors"], best["quotes"]
    print(f"articles {len(batch)}, quotes {n}")
    print(f"actor stage / tokenizer: {actors / tokenize:.3f}")
    print(f"quote stage / tokenizer: {quotes / tokenize:.3f}")


if __name__ == "__main__":
    main()
