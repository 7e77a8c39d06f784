"""Benchmark runner: ratios measured in one run on the same generated texts.

    python -m benchmarks [--sizes 1000,10000] [--skip-browser] [--root /tmp/briefgen-bench]

For each size it generates a corpus (deterministic), then measures in fresh processes:
analysis ÷ bare tokenizer pass, --jobs 2 ÷ --jobs 1, Dask ÷ --jobs 2, a cold build (site stage ÷ bare
`mkdocs build` of the same build/ folder, per-page cost), an incremental rebuild after one article changed,
peak RSS, search index size, and (1,000 articles) the time to the first search result in headless Chromium.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.generate import generate

REPO = Path(__file__).resolve().parent.parent
SEED = 20251123
GENERATOR = 2  # bump when generate.py changes its output


def log(msg: str) -> None:
    """Progress on stderr (stdout carries the results)."""
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def env() -> dict[str, str]:
    """The probes' environment: this checkout first on the path, a fixed build date."""
    e = dict(os.environ)
    e["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [e.get("PYTHONPATH")])])
    e.setdefault("SOURCE_DATE_EPOCH", "1735689600")
    e["NO_MKDOCS_2_WARNING"] = "1"
    return e


def probe(*args: str) -> dict[str, Any]:
    """Run one probe in a fresh interpreter and return its JSON."""
    cmd = [sys.executable, "-m", "benchmarks.probe", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env(), cwd=REPO, check=False)
    if done.returncode != 0:
        raise SystemExit(f"probe failed: {' '.join(args)}\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def prepare(root: Path, size: int) -> Path:
    """A project folder with a generated corpus of ``size`` articles (reused when already there)."""
    project = root / f"n{size}"
    stamp = project / "content" / ".generated"
    want = f"seed={SEED} count={size} generator={GENERATOR}"
    if not (stamp.is_file() and stamp.read_text() == want):
        log(f"generating {size} articles in {project / 'content'}")
        generate(size, project / "content", SEED)
        stamp.write_text(want)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    return project


def reset_outputs(project: Path) -> None:
    """Remove the cache, build and site folders: the next build is cold."""
    for name in (".briefgen", "build", "site", "bare-site"):
        shutil.rmtree(project / name, ignore_errors=True)


def tree_hashes(folder: Path) -> dict[str, str]:
    """Content hash of every file below a folder."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha1(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def bare_mkdocs(project: Path) -> tuple[float, float]:
    """Wall and CPU time of a plain `mkdocs build` of the generated build/mkdocs.yml + build/docs."""
    import resource

    out = project / "bare-site"
    shutil.rmtree(out, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(project / "build" / "mkdocs.yml"),
            "-d",
            str(out),
        ],
        env=env(),
        check=True,
        capture_output=True,
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def touch_one_article(project: Path) -> tuple[Path, bytes]:
    """Append a quoted paragraph to one article (the middle one), as an editor's update would."""
    files = sorted((project / "content").glob("*.txt"))
    victim = files[len(files) // 2]
    original = victim.read_bytes()
    lines = original.decode("utf-8").split("\n")
    new = "“We will respond to the proposal next week,” said Marta Quist, a spokesperson for the ministry."
    # after the lead paragraph: a line appended at the very end may be cleaned away as a tail
    victim.write_text("\n".join([*lines[:3], new, *lines[3:]]), encoding="utf-8")
    return victim, original


def search_probe(site: Path, query: str, runs: int = 3) -> dict[str, Any]:
    """Time from navigation start (and from load) to the first search result (headless Chromium, http)."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
    totals: list[float] = []
    after_load: list[float] = []
    results = 0
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            for _ in range(runs):
                context = browser.new_context()
                page = context.new_page()
                t0 = time.perf_counter()
                page.goto(url, wait_until="load")
                t_load = time.perf_counter()
                page.click(".md-search__input")
                page.keyboard.type(query)
                page.wait_for_selector(".md-search-result__item", timeout=60_000)
                t1 = time.perf_counter()
                results = page.locator(".md-search-result__item").count()
                totals.append(t1 - t0)
                after_load.append(t1 - t_load)
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return {
        "query": query,
        "first_result_s": statistics.median(totals),
        "after_load_s": statistics.median(after_load),
        "results_shown": results,
        "runs": runs,
    }


def run_size(root: Path, size: int, browser: bool, site_only: bool = False) -> dict[str, Any]:
    """Every measurement for one corpus size (``site_only``: skip the analysis probes)."""
    project = prepare(root, size)
    res: dict[str, Any] = {"size": size}
    if not site_only:
        log(f"{size}: tokenizer pass and serial analysis")
        res["analysis"] = probe("tokenize-vs-analysis", str(project))
        log(f"{size}: --jobs 1 / --jobs 2 / dask analysis (no cache)")
        res["jobs1"] = probe("extract", str(project), "--executor", "process", "--jobs", "1")
        res["jobs2"] = probe("extract", str(project), "--executor", "process", "--jobs", "2")
        res["dask"] = probe("extract", str(project), "--executor", "dask", "--jobs", "2", "--local-dask")
    log(f"{size}: cold build (jobs 2, cache on)")
    reset_outputs(project)
    res["cold"] = probe("build", str(project), "--jobs", "2")
    docs = project / "build" / "docs"
    res["pages_md"] = sum(1 for _ in docs.rglob("*.md"))
    index = project / "site" / "search" / "search_index.json"
    res["search_index_bytes"] = index.stat().st_size
    res["site_bytes"] = sum(p.stat().st_size for p in (project / "site").rglob("*") if p.is_file())
    log(f"{size}: bare mkdocs build of the same build/ folder")
    res["bare_mkdocs_s"], res["bare_mkdocs_cpu_s"] = bare_mkdocs(project)
    if size <= 1000:  # the second build changes the "what's new" page; the third is a true no-op
        log(f"{size}: two rebuilds with nothing changed")
        res["settle"] = probe("build", str(project), "--jobs", "2")
        res["noop"] = probe("build", str(project), "--jobs", "2")
    log(f"{size}: rebuild after touching one article")
    before = tree_hashes(docs)
    victim, original = touch_one_article(project)
    res["touched"] = victim.name
    try:
        res["incremental"] = probe("build", str(project), "--jobs", "2")
    finally:  # the generated corpus is reused by the next run: put the article back
        victim.write_bytes(original)
    after = tree_hashes(docs)
    res["md_changed"] = sum(1 for k in after if before.get(k) != after[k]) + sum(1 for k in before if k not in after)
    if browser:
        briefing = json.loads((project / "site" / "briefing.json").read_text("utf-8"))
        counts: dict[str, int] = {}
        for q in briefing["quotes"]:
            if q["speaker"]:
                counts[q["speaker"]] = counts.get(q["speaker"], 0) + 1
        top = max(sorted(counts), key=lambda k: counts[k]) if counts else None
        names = {a["id"]: a["name"] for a in briefing["actors"]}
        query = names[top].split()[-1] if top else "NATO"
        log(f"{size}: first search result in headless Chromium (query {query!r})")
        res["search"] = search_probe(project / "site", query)
    return res


def site_stage(r: dict[str, Any]) -> float:
    """Render + write + MkDocs + briefing.json, from a build's timings."""
    t = r["timings"]
    return float(t.get("render", 0.0) + t.get("site", 0.0))


def site_cpu(r: dict[str, Any]) -> float:
    """CPU seconds of the same stages (the main process: MkDocs runs in it; Pagefind's child processes are
    counted apart and added), robust to other jobs' load."""
    t = r.get("cpu") or {}
    return float(t.get("render", 0.0) + t.get("site", 0.0) + t.get("pagefind", 0.0))


def pagefind_cpu(r: dict[str, Any]) -> float:
    """CPU seconds of the Pagefind runs of a build (0 when it reused every bundle or search is Material's)."""
    return float((r.get("cpu") or {}).get("pagefind", 0.0))


def table(results: list[dict[str, Any]]) -> str:
    """The results as a Markdown table of ratios and raw numbers."""
    rows: list[tuple[str, list[str], str]] = []

    def row(name: str, values: list[str], target: str = "") -> None:
        rows.append((name, values, target))

    sizes = [r["size"] for r in results]
    if all("analysis" in r for r in results):
        analysis_rows(results, row)
    site_rows(results, row)
    head = "| measure | " + " | ".join(f"{s:,} articles" for s in sizes) + " | target |"
    sep = "|---|" + "---|" * len(sizes) + "---|"
    lines = [head, sep] + [f"| {n} | " + " | ".join(v) + f" | {t} |" for n, v, t in rows]
    return "\n".join(lines)


def analysis_rows(results: list[dict[str, Any]], row: Any) -> None:
    """Rows of the analysis probes."""
    row(
        "analysis ÷ bare tokenizer pass (serial)",
        [
            f"{r['analysis']['analysis_s'] / r['analysis']['tokenize_s']:.2f} "
            f"({r['analysis']['analysis_s']:.1f} s / {r['analysis']['tokenize_s']:.1f} s)"
            for r in results
        ],
        "≤ 1.5",
    )
    row(
        "`--jobs 2` ÷ `--jobs 1` (analysis, no cache)",
        [
            f"{r['jobs2']['extract_s'] / r['jobs1']['extract_s']:.2f} "
            f"({r['jobs2']['extract_s']:.1f} s / {r['jobs1']['extract_s']:.1f} s)"
            for r in results
        ],
        "≈ 0.5 on 2 idle cores",
    )
    row("analysis with `--jobs 2`", [f"{r['jobs2']['extract_s']:.1f} s" for r in results], "≤ 30 s at 10k")
    row(
        "Dask LocalCluster (2 workers) ÷ `--jobs 2`",
        [
            f"{r['dask']['extract_s'] / r['jobs2']['extract_s']:.2f} (+{r['dask']['startup_s']:.1f} s cluster start)"
            for r in results
        ],
    )
    row("peak RSS, serial analysis only", [f"{r['analysis']['rss_mib']:.0f} MiB" for r in results])


def site_rows(results: list[dict[str, Any]], row: Any) -> None:
    """Rows of the build probes (site stage, rebuilds, search)."""
    row(
        "site stage ÷ bare `mkdocs build`",
        [
            f"{site_stage(r['cold']) / r['bare_mkdocs_s']:.2f} "
            f"({site_stage(r['cold']):.1f} s / {r['bare_mkdocs_s']:.1f} s)"
            for r in results
        ],
        "≤ 1.1",
    )
    row(
        "… the same in CPU seconds (main process ÷ the mkdocs process; without Pagefind's indexing)",
        [
            f"{(site_cpu(r['cold']) - pagefind_cpu(r['cold'])) / r['bare_mkdocs_cpu_s']:.2f} "
            f"({site_cpu(r['cold']) - pagefind_cpu(r['cold']):.1f} s / {r['bare_mkdocs_cpu_s']:.1f} s; "
            f"Pagefind +{pagefind_cpu(r['cold']):.1f} s)"
            if "bare_mkdocs_cpu_s" in r and site_cpu(r["cold"]) else "–"
            for r in results
        ],
        "≤ 1.1",
    )
    row(
        "site stage per page",
        [f"{1000 * site_stage(r['cold']) / r['cold']['pages']:.1f} ms ({r['cold']['pages']} pages)" for r in results],
        "10k ≤ 1.2 × 1k",
    )
    if len(results) > 1:
        base = results[0]
        per = [site_stage(r["cold"]) / r["cold"]["pages"] for r in results]
        row("per-page cost ÷ smallest size", [f"{p / per[0]:.2f}" for p in per], "≤ 1.2")
        del base
    row("cold build end to end (jobs 2)", [f"{r['cold']['build_s']:.1f} s" for r in results])
    row(
        "rebuild, nothing changed (3rd build): ÷ cold",
        [
            f"{r['noop']['build_s'] / r['cold']['build_s']:.2f} ({r['noop']['analysed']} analysed, "
            f"{r['noop']['written']} written, MkDocs {'ran' if r['noop']['site_rebuilt'] else 'skipped'})"
            if "noop" in r
            else "not run"
            for r in results
        ],
    )
    row(
        "rebuild after 1 changed article: analysis redone",
        [
            f"{r['incremental']['analysed']}/{r['incremental']['articles']} = "
            f"{100 * r['incremental']['analysed'] / r['incremental']['articles']:.2f} %"
            for r in results
        ],
        "≤ 2 %",
    )
    row(
        "… Markdown files rewritten (changed pages)",
        [f"{r['incremental']['written']} ({r['md_changed']} differ) of {r['pages_md']}" for r in results],
        "= changed pages",
    )
    row(
        "… pages MkDocs rendered (the rest reused)",
        [f"{r['incremental'].get('site_rendered', '?')} of {r['cold']['pages']}" for r in results],
        "= changed pages",
    )
    row(
        "… site stage ÷ cold site stage",
        [
            f"{site_stage(r['incremental']) / site_stage(r['cold']):.3f} "
            f"({site_stage(r['incremental']):.1f} s; MkDocs part {r['incremental']['timings']['site']:.1f} s "
            f"÷ {r['cold']['timings']['site']:.1f} s = "
            f"{r['incremental']['timings']['site'] / r['cold']['timings']['site']:.3f})"
            for r in results
        ],
        "≤ 0.05",
    )
    row(
        "… site stage ÷ cold site stage, CPU seconds",
        [
            f"{site_cpu(r['incremental']) / site_cpu(r['cold']):.3f} "
            f"({site_cpu(r['incremental']):.1f} s ÷ {site_cpu(r['cold']):.1f} s; render/write "
            f"{r['incremental']['cpu']['render']:.1f} s, MkDocs part {r['incremental']['cpu']['site']:.1f} s, "
            f"Pagefind {pagefind_cpu(r['incremental']):.1f} s of a cold {pagefind_cpu(r['cold']):.1f} s)"
            if site_cpu(r["cold"]) else "–"
            for r in results
        ],
        "≤ 0.05",
    )
    row(
        "… end to end ÷ cold",
        [
            f"{r['incremental']['build_s'] / r['cold']['build_s']:.2f} ({r['incremental']['build_s']:.1f} s)"
            for r in results
        ],
    )
    row(
        "peak RSS, build (main process / largest worker)",
        [f"{r['cold']['rss_mib']:.0f} MiB / {r['cold']['workers_rss_mib']:.0f} MiB" for r in results],
        "≤ 2 GiB",
    )
    row(
        "search index per article",
        [
            f"{r['search_index_bytes'] / r['size'] / 1024:.1f} KiB ({r['search_index_bytes'] / 2**20:.1f} MiB)"
            for r in results
        ],
    )
    row("site size", [f"{r['site_bytes'] / 2**20:.0f} MiB" for r in results])
    if any("search" in r for r in results):
        row(
            "first search result after navigation start (Chromium, http)",
            [
                f"{r['search']['first_result_s']:.2f} s (after load {r['search']['after_load_s']:.2f} s)"
                if "search" in r
                else "–"
                for r in results
            ],
            "≤ 1.5 s at 1k",
        )
    row(
        "articles / quotes / actors",
        [f"{r['cold']['articles']} / {r['cold']['quotes']} / {r['cold']['actors']}" for r in results],
    )


def machine() -> str:
    """A one-line description of the machine and the load while measuring."""
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; load average {load}"
    )


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000", help="comma-separated corpus sizes (default 1000)")
    parser.add_argument("--skip-browser", action="store_true", help="skip the headless Chromium search timing")
    parser.add_argument("--root", type=Path, default=Path("/tmp/briefgen-bench"), help="where corpora go")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--site-only", action="store_true", help="only the build, site and search probes")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    args.root.mkdir(parents=True, exist_ok=True)
    before = machine()
    results = []
    for size in sizes:
        browser = not args.skip_browser and size == 1000
        results.append(run_size(args.root, size, browser, args.site_only))
        if args.json:
            args.json.write_text(json.dumps(results, indent=2))
    print(f"briefgen benchmark, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    print(f"machine at start: {before}")
    print(f"machine at end:   {machine()}")
    print()
    print(table(results))


if __name__ == "__main__":
    main()
