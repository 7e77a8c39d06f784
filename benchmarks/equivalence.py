"""Check that a speed change to the extraction rules left their output unchanged, article by article.

    python -m benchmarks.equivalence save  /tmp/extract-before.json   # on the code before the change
    python -m benchmarks.equivalence check /tmp/extract-before.json   # on the code after it

The texts are the sample corpus (``content/``), the held-out articles (``tests/heldout/articles``, batches
``batch_d`` to ``batch_h`` and ``batch_j`` to ``batch_m``; batch i stays unseen) and 300 generated articles
(``benchmarks/generate.py``, fixed seed). For each article the dump holds the actor stage's output
(``local_actors_of``) and the quote stage's (``find_quotes``). ``check`` prints the first differing articles and
exits 1 when anything differs. The stance, display and reduce steps are not in it: for those compare
``briefgen extract --no-cache -o`` output byte for byte (``PYTHONHASHSEED`` fixed).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.generate import generate
from briefgen.config import load_settings
from briefgen.corpus import read_corpus
from briefgen.extract.actors import local_actors_of
from briefgen.extract.quotes import find_quotes

REPO = Path(__file__).resolve().parent.parent
GENERATED = 300


def _plain(value: Any) -> Any:
    """JSON-ready form of the stages' dataclasses (fields in declaration order)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items())}
    return value


def dump() -> dict[str, Any]:
    """Both stages' output for every article of the three corpora, keyed by corpus and source id."""
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / "generated"
        generate(GENERATED, generated)
        for label, folder in (
            ("content", REPO / "content"),
            ("heldout", REPO / "tests" / "heldout" / "articles"),
            ("heldout-d", REPO / "tests" / "heldout" / "batch_d" / "articles"),
            ("heldout-e", REPO / "tests" / "heldout" / "batch_e" / "articles"),
            ("heldout-f", REPO / "tests" / "heldout" / "batch_f" / "articles"),
            ("heldout-g", REPO / "tests" / "heldout" / "batch_g" / "articles"),
            ("heldout-h", REPO / "tests" / "heldout" / "batch_h" / "articles"),
            ("heldout-j", REPO / "tests" / "heldout" / "batch_j" / "articles"),
            ("heldout-k", REPO / "tests" / "heldout" / "batch_k" / "articles"),
            ("heldout-l", REPO / "tests" / "heldout" / "batch_l" / "articles"),
            ("heldout-m", REPO / "tests" / "heldout" / "batch_m" / "articles"),
            ("generated", generated),
        ):
            for article in read_corpus(load_settings(content_dir=folder)).articles:
                actors = local_actors_of(article.text, [(p.start, p.end) for p in article.paragraphs])
                numbered = [(p.number, p.start, p.end) for p in article.paragraphs]
                quotes = list(find_quotes(article.text, numbered, actors))
                out[f"{label}/{article.path}"] = {"actors": _plain(actors), "quotes": _plain(quotes)}
    return out


def main() -> None:
    """``save FILE`` writes the dump; ``check FILE`` compares the current output with it."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["save", "check"])
    parser.add_argument("file", type=Path)
    args = parser.parse_args()
    now = dump()
    if args.action == "save":
        args.file.write_text(json.dumps(now, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"saved {len(now)} articles to {args.file}")
        return
    before: dict[str, Any] = json.loads(args.file.read_text(encoding="utf-8"))
    differ = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for key in differ[:5]:
        for stage in ("actors", "quotes"):
            old, new = (before.get(key) or {}).get(stage), (now.get(key) or {}).get(stage)
            if old != new:
                print(f"--- {key} {stage}\n  before: {json.dumps(old)[:1500]}\n  after:  {json.dumps(new)[:1500]}")
    print(f"{len(now) - len(differ)} of {len(now)} articles identical; {len(differ)} differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
