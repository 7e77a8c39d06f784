"""Pathological articles must scale linearly: time(4n) / time(n) near 4, not 16.

Run: PYTHONPATH=. python benchmarks/bench_pathological.py
Measured on the site branch (2 cores): a run of straight quote marks was quadratic in spaCy's tokenizer
(affix splitting of one long token): 2 500 -> 0.8 s, 5 000 -> 5.5 s, 20 000 -> 50 s, ratio 20. Since
briefgen.nlp keeps 20+ punctuation marks in a row as one token: 0.00 s at 10 000, ratio about 3.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from briefgen.build import extract
from briefgen.config import load_settings

CASES = {
    "quote-mark run": lambda n: '"' * n,
    "open curly quotes": lambda n: "“a " * (n // 3) + "” said Kaja Kallas.",
    "one huge line": lambda n: "word " * (n // 5) + '"quote" said Mark Rutte.',
    "unclosed quotes": lambda n: '"Unclosed quote said Kaja Kallas.\n\n' * (n // 35),
}


def seconds(text: str) -> float:
    """Wall time of read + analyse + reduce for one article."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "content").mkdir()
        (Path(tmp) / "content" / "a.txt").write_text(text, encoding="utf-8")
        settings = load_settings(project_dir=Path(tmp))
        start = time.perf_counter()
        extract(settings)
        return time.perf_counter() - start


def main(n: int = 2_500, limit: float = 8.0) -> int:
    """Print time(4n)/time(n) per case; exit 1 when any ratio exceeds ``limit`` (linear is about 4)."""
    seconds("warm up")
    worst = 0.0
    for name, make in CASES.items():
        small, large = seconds(make(n)), seconds(make(4 * n))
        ratio = large / max(small, 1e-3)
        worst = max(worst, ratio)
        print(f"{name:20s} n={n}: {small:6.2f} s   4n: {large:6.2f} s   ratio {ratio:5.1f}")
    return 0 if worst <= limit else 1


if __name__ == "__main__":
    sys.exit(main())
