"""Extraction speed as ratios over a bare ``spacy.blank("en")`` tokenizer pass (no wall-clock units).

Run: ``PYTHONPATH=. python benchmarks/bench_extract.py [CONTENT_DIR] [REPEAT]``. Prints the extra time of
the actor stage and of the quote stage relative to tokenizing the same texts (target: each <= 0.25).

``PYTHONPATH=. python benchmarks/bench_extract.py --stages PROJECT_DIR`` (a project with ``content/``, e.g. from
``python -m benchmarks.generate``): the serial analysis of ``briefgen extract`` in CPU seconds, split into read,
per-article map and the reduce's steps, each over a bare tokenizer pass of the same texts (the probe
``tokenize-vs-analysis`` measures the same in wall time, which a shared machine makes noisy). One JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


REDUCE_STEPS = ("make_sources", "reduce_corpus", "discover_topics", "analyse_positions", "group_claims")


def stages(project: Path) -> dict[str, Any]:
    """CPU seconds of a bare tokenizer pass (best of one before and one after) and of the analysis' stages."""
    import briefgen.build as build
    from benchmarks.probe import tokenizer_pass

    _, tokenize = tokenizer_pass(project, time.process_time)
    first = tokenize()
    spent: dict[str, float] = {}

    def timed(name: str) -> None:
        func: Callable[..., Any] = getattr(build, name)

        def run(*args: Any, **kwargs: Any) -> Any:
            t0 = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - t0

        setattr(build, name, run)

    for name in ("read", "analyse", *REDUCE_STEPS):
        timed(name)
    settings = load_settings(project_dir=project, executor="serial", jobs=1, cache=False, quiet=True)
    t0 = time.process_time()
    briefing, _, _ = build.extract(settings)
    analysis = time.process_time() - t0
    tok = min(first, tokenize())
    reduce = sum(spent[s] for s in REDUCE_STEPS)
    return {
        "tokenize_cpu_s": round(tok, 3), "analysis_cpu_s": round(analysis, 3), "ratio": round(analysis / tok, 3),
        "read": round(spent["read"] / tok, 3), "map": round(spent["analyse"] / tok, 3),
        "reduce": round(reduce / tok, 3),
        "seconds": {k: round(v, 3) for k, v in spent.items()}, "quotes": len(briefing.quotes),
    }


if __name__ == "__main__":
    if sys.argv[1:2] == ["--stages"]:
        print(json.dumps(stages(Path(sys.argv[2]))))
    else:
        main()
