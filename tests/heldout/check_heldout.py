"""Validate the held-out gold with the shared checker, also accepting ‘ ’, ' ', « » and „ “ as quote marks.

The shared ``check_gold.py`` only knows “ ” and " " (the sample corpus's convention); the held-out set
deliberately includes British single-quote, guillemet and German-mark articles. Usage:
``python tests/heldout/check_heldout.py [/path/to/check_gold.py] [SET_DIR]`` where SET_DIR holds
``gold/`` and ``articles/`` (default: this folder; ``tests/heldout/batch_d`` for batch D).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parents[2] / "shared/eval/check_gold.py"


def main() -> int:
    """Load the shared checker, widen its mark sets and run it on the held-out set."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    spec = importlib.util.spec_from_file_location("check_gold", path)
    if spec is None or spec.loader is None:
        print(f"cannot load {path}", file=sys.stderr)
        return 2
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.OPEN_MARKS = (*mod.OPEN_MARKS, "\u2018", "'", "\u00ab", "\u201e")
    mod.CLOSE_MARKS = (*mod.CLOSE_MARKS, "\u2019", "'", "\u00bb", "\u201c")
    base = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE
    return int(mod.main(["check_gold", str(base / "gold"), str(base / "articles")]))


if __name__ == "__main__":
    sys.exit(main())
