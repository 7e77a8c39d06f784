"""One measurement in a fresh process (so peak RSS and warm-up belong to that measurement alone).

Each sub-command prints one JSON object on its last line of stdout. Used by ``python -m benchmarks``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _rss_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def tokenizer_pass(
    project: Path, clock: Callable[[], float] = time.perf_counter
) -> tuple[list[str], Callable[[], float]]:
    """The project's texts and a timer of one bare spacy.blank("en") tokenizer pass over them (warmed up)."""
    import spacy

    texts = [p.read_text("utf-8") for p in sorted((project / "content").glob("*.txt"))]
    nlp = spacy.blank("en")
    for _ in nlp.pipe(texts[:50]):  # warm up the vocab and the tokenizer's cache
        pass

    def tokenize() -> float:
        t0 = clock()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        return clock() - t0

    return texts, tokenize


def tokenize_vs_analysis(project: Path) -> dict[str, Any]:
    """A bare spacy.blank("en") tokenizer pass over the texts, and the serial analysis of the same files."""
    from briefgen.build import extract
    from briefgen.config import load_settings

    texts, tokenize = tokenizer_pass(project)
    first = tokenize()
    from briefgen.nlp import make_nlp

    for _ in make_nlp().pipe(texts[:50]):  # the same warm-up for briefgen's (cached) pipeline
        pass
    settings = load_settings(project_dir=project, executor="serial", jobs=1, cache=False, quiet=True)
    t0 = time.perf_counter()
    briefing, _, report = extract(settings)
    analysis = time.perf_counter() - t0
    second = tokenize()
    return {
        "articles": report.articles,
        "words": sum(len(t.split()) for t in texts),
        "tokenize_s": min(first, second),
        "analysis_s": analysis,
        "timings": report.timings,
        "quotes": len(briefing.quotes),
        "actors": len(briefing.actors),
        "rss_mib": _rss_mib(resource.RUSAGE_SELF),
    }


def extract_run(project: Path, executor: str, jobs: int, local_dask: bool) -> dict[str, Any]:
    """Time extract() (read + analyse + reduce) with one executor and no cache."""
    from briefgen.build import extract
    from briefgen.config import load_settings

    scheduler = None
    startup = 0.0
    cluster: Any = None
    client: Any = None
    if local_dask:
        from dask.distributed import Client, LocalCluster

        t0 = time.perf_counter()
        cluster = LocalCluster(
            n_workers=jobs,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=40,
        )
        client = Client(cluster)
        client.wait_for_workers(jobs)
        scheduler = cluster.scheduler_address
        startup = time.perf_counter() - t0
    settings = load_settings(
        project_dir=project, executor=executor, jobs=jobs, cache=False, quiet=True, scheduler=scheduler
    )
    t0 = time.perf_counter()
    _, _, report = extract(settings)
    elapsed = time.perf_counter() - t0
    if client is not None:
        client.close()
        cluster.close()
    return {
        "executor": executor,
        "jobs": jobs,
        "extract_s": elapsed,
        "startup_s": startup,
        "timings": report.timings,
        "rss_mib": _rss_mib(resource.RUSAGE_SELF),
        "workers_rss_mib": _rss_mib(resource.RUSAGE_CHILDREN),
    }


def build_run(project: Path, jobs: int, executor: str) -> dict[str, Any]:
    """A full build with the cache on (cold or warm depends on the project's .briefgen folder)."""
    from briefgen.build import build
    from briefgen.config import load_settings

    settings = load_settings(project_dir=project, executor=executor, jobs=jobs, quiet=True)
    t0 = time.perf_counter()
    report = build(settings)
    elapsed = time.perf_counter() - t0
    return {
        "build_s": elapsed,
        "timings": report.timings,
        "cpu": report.cpu,
        "articles": report.articles,
        "analysed": report.analysed,
        "cached": report.cached,
        "pages": report.pages,
        "written": report.written,
        "reused_md": report.reused,
        "site_rebuilt": report.site_rebuilt,
        "site_rendered": report.site_rendered,
        "site_reasons": report.site_reasons,
        "cpu_s": time.process_time(),
        "quotes": report.quotes,
        "actors": report.actors,
        "warnings": len(report.warnings),
        "rss_mib": _rss_mib(resource.RUSAGE_SELF),
        "workers_rss_mib": _rss_mib(resource.RUSAGE_CHILDREN),
    }


def main() -> None:
    """Command line of the probes."""
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("tokenize-vs-analysis")
    p.add_argument("project", type=Path)
    p = sub.add_parser("extract")
    p.add_argument("project", type=Path)
    p.add_argument("--executor", default="process")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--local-dask", action="store_true")
    p = sub.add_parser("build")
    p.add_argument("project", type=Path)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--executor", default="process")
    args = parser.parse_args()
    if args.cmd == "tokenize-vs-analysis":
        result = tokenize_vs_analysis(args.project)
    elif args.cmd == "extract":
        result = extract_run(args.project, args.executor, args.jobs, args.local_dask)
    else:
        result = build_run(args.project, args.jobs, args.executor)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
