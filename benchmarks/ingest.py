"""Benchmark: corpus ingest time as a ratio of the spaCy blank tokenizer's time over the same articles.

The corpus issue asks that reading is not the bottleneck: ingest (find, read, decode, repair, clean,
de-duplicate) of N articles must cost less than one spaCy tokenizer pass over them, i.e. a ratio < 1.

    python -m benchmarks.ingest 1000
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "content"


def _shuffle(line: str, rng: random.Random) -> str:
    words = line.split()
    for j in range(0, len(words) - 1, 3):
        if rng.random() < 0.7:
            words[j], words[j + 1] = words[j + 1], words[j]
    return " ".join(words)


def make_corpus(folder: Path, copies: int, sample: Path = SAMPLE, seed: int = 13) -> int:
    """Write ``copies`` distinct articles made from the samples (layout and boilerplate kept)."""
    # The words of each reporting paragraph are lightly shuffled, so the copies are distinct articles rather
    # than near-duplicates of each other (a real corpus has few), and exact de-duplication cannot skip them.
    sources = sorted(sample.glob("*.txt"))
    texts = [p.read_text("utf-8") for p in sources]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        k = i % len(texts)
        lines = [_shuffle(line, rng) if len(line.split()) > 15 else line for line in texts[k].splitlines()]
        (folder / f"{i:06d}_{sources[k].name}").write_text("\n".join(lines) + "\n", "utf-8")
    return copies


def measure(copies: int, repeat: int = 3) -> dict[str, float]:
    """Best-of-``repeat`` seconds for ingest and for the tokenizer pass, and their ratio."""
    import spacy

    from briefgen.config import load_settings
    from briefgen.corpus import read_corpus

    root = Path(tempfile.mkdtemp(prefix="briefgen-bench-"))
    try:
        make_corpus(root / "content", copies)
        settings = load_settings(project_dir=root)
        ingest = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            result = read_corpus(settings)
            ingest = min(ingest, time.perf_counter() - t0)
        texts = [a.text for a in result.articles]
        tokenizer = spacy.blank("en").tokenizer
        tokenize = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            for _doc in tokenizer.pipe(texts, batch_size=256):
                pass
            tokenize = min(tokenize, time.perf_counter() - t0)
        return {
            "articles": float(len(result.articles)),
            "ingest_s": ingest,
            "tokenizer_s": tokenize,
            "ratio": ingest / tokenize,
        }
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str]) -> int:
    copies = int(argv[1]) if len(argv) > 1 else 1000
    result = measure(copies)
    print(
        f"{int(result['articles'])} articles: ingest {result['ingest_s']:.3f} s, "
        f"spaCy blank tokenizer {result['tokenizer_s']:.3f} s, ratio ingest/tokenizer = {result['ratio']:.2f}"
    )
    return 0 if result["ratio"] < 1 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
