"""Client-side cost of ``extract`` on a corpus: wall time and this process's peak RSS (workers excluded).

    PYTHONPATH=. python -m benchmarks.dask_client PROJECT OUT.json --executor dask --jobs 2 [--no-cache]

Run it with another checkout first on PYTHONPATH to measure that version's client the same way.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path


def main() -> None:
    """Run one extract and print a JSON line of its client-side cost."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--executor", default="dask")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-cache", action="store_true")
    args = parser.parse_args()
    from briefgen.build import extract
    from briefgen.config import load_settings
    from briefgen.export import briefing_json

    t0 = time.perf_counter()
    settings = load_settings(
        project_dir=args.project, executor=args.executor, jobs=args.jobs, cache=not args.no_cache, quiet=True
    )
    briefing, _, report = extract(settings)
    args.out.write_text(briefing_json(briefing), encoding="utf-8")
    wall = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"executor": args.executor, "articles": report.articles, "analysed": report.analysed,
                      "cached": report.cached, "wall_s": round(wall, 2), "client_peak_rss_mib": round(rss, 1)}))


if __name__ == "__main__":
    main()
