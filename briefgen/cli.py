"""The ``briefgen`` command line: options -> settings -> build() -> report."""

from __future__ import annotations

import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
import jinja2
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from briefgen import __version__
from briefgen.build import BuildReport, build, extract
from briefgen.build import Progress as ProgressFn
from briefgen.cache import write_atomically
from briefgen.config import Settings, load_settings
from briefgen.errors import BriefgenError, explain
from briefgen.export import briefing_json
from briefgen.plural import plural

F = TypeVar("F", bound=Callable[..., Any])

err = Console(stderr=True, highlight=False, markup=False)  # text from articles is never markup
out = Console(highlight=False, markup=False)


def common_options(func: F) -> F:
    """Options shared by the commands that read a corpus."""
    options = [
        click.option("--content", "content_dir", type=click.Path(path_type=Path), help="Folder of articles."),
        click.option("--config", "config_file", type=click.Path(path_type=Path), help="Settings YAML file."),
        click.option("--strict", is_flag=True, default=None, help="Exit 1 when any warning is raised."),
        click.option("--quiet", "-q", is_flag=True, default=None, help="Print only warnings and errors."),
        click.option("--debug", is_flag=True, help="Show tracebacks."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def executor_options(func: F) -> F:
    """Options of the per-article map: workers, executor, cache."""
    options = [
        click.option(
            "--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: all cores)."
        ),
        click.option(
            "--executor", type=click.Choice(["serial", "process", "dask"]),
            help="Where articles are analysed (default: process, a pool of --jobs workers).",
        ),
        click.option(
            "--scheduler", metavar="ADDRESS", help="Dask scheduler for --executor dask (default: local)."
        ),
        click.option(
            "--no-cache", "no_cache", is_flag=True, help="Re-analyse every article (ignore the cache)."
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def executor_overrides(
    jobs: int | None, executor: str | None, scheduler: str | None, no_cache: bool
) -> dict[str, Any]:
    """Settings overrides from the executor options (None leaves the settings file's value)."""
    if scheduler and executor is None:
        executor = "dask"
    return {"jobs": jobs, "executor": executor, "scheduler": scheduler, "cache": False if no_cache else None}


@contextmanager
def reporting_errors(debug: bool) -> Iterator[None]:
    """Turn briefgen's errors into a message and exit code 1, never a traceback (unless --debug)."""
    try:
        yield
    except (BriefgenError, OSError, jinja2.TemplateError) as exc:
        if debug:
            traceback.print_exc()
        known = explain(exc)
        assert known is not None
        err.print(Text.assemble(("Error:", "bold red"), " ", known.message()), soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted; the previous site was left as it was")
        sys.exit(130)


@contextmanager
def progress_bar(enabled: bool) -> Iterator[ProgressFn | None]:
    """A Rich progress bar on a terminal; nothing when piped or quiet."""
    if not enabled or not err.is_terminal:
        yield None
        return
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True,
    ) as bar:
        tasks: dict[str, Any] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done)

        yield update


def _say_waiting(message: str) -> None:
    err.print(message, markup=False, soft_wrap=True)


MAX_WARNINGS_PER_FILE = 30  # past this, one line counts the rest (a .jsonl of 400k bad lines stays readable)


def warn(text: str) -> None:
    """One warning line; the text is printed as is, never read as Rich markup (titles, file names)."""
    err.print(Text.assemble(("warning:", "yellow"), " ", text), soft_wrap=True)


def _file_of(message: str) -> str:
    """The file a warning is about: its text up to the first colon (``a.jsonl:7: ...``)."""
    return message.split(":", 1)[0]


def print_warnings(items: Iterable[tuple[str, str]]) -> None:
    """(file, warning) pairs, at most MAX_WARNINGS_PER_FILE per file and then a count of the rest."""
    shown: Counter[str] = Counter()
    for name, line in items:
        shown[name] += 1
        if shown[name] <= MAX_WARNINGS_PER_FILE:
            warn(line)
    for name, count in shown.items():
        if count > MAX_WARNINGS_PER_FILE:
            warn(f"{name}: {count - MAX_WARNINGS_PER_FILE:,} more warnings not shown")


def print_report(report: BuildReport, settings: Settings, elapsed: float, built_site: bool) -> None:
    """The build summary and every warning."""
    from briefgen.check import skip_notes

    notes = skip_notes(report.skipped)
    print_warnings((where.split(":", 1)[0], f"skipped {where}: {reason}") for where, reason in notes)
    print_warnings((_file_of(w), w) for w in report.warnings)
    if report.ignored:
        shown = ", ".join(report.ignored[:5]) + (" …" if len(report.ignored) > 5 else "")
        ignored = plural(len(report.ignored), "file")
        err.print(f"ignored {ignored} of unsupported types: {shown}", markup=False, soft_wrap=True)
    if settings.quiet:
        return
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_row("articles read", str(report.articles))
    table.add_row("articles skipped", str(len(report.skipped)))
    table.add_row("actors", str(report.actors))
    table.add_row("quotes", str(report.quotes))
    table.add_row("analysed", f"{report.analysed} ({report.cached} from cache)")
    if built_site:
        table.add_row("pages", f"{report.pages} ({plural(report.written, 'file')} rewritten)")
        table.add_row(
            "site",
            f"{plural(report.site_rendered, 'page')} rendered, the others reused"
            if report.site_rebuilt
            else "unchanged (every file checked)",
        )
    table.add_row("warnings", str(len(report.warnings)))
    table.add_row("time", f"{elapsed:.1f} s")
    out.print(table)
    if built_site:
        out.print(f"site written to {settings.site}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
def main() -> None:
    """briefgen turns a folder of news articles into a searchable static briefing site."""


@main.command("build")
@common_options
@executor_options
@click.option("--site-dir", type=click.Path(path_type=Path), help="Output folder of the site (default: site/).")
@click.option(
    "--force", is_flag=True, help="Render every page of the site again (by default only pages whose inputs changed)."
)
def build_cmd(
    content_dir: Path | None,
    config_file: Path | None,
    strict: bool | None,
    quiet: bool | None,
    debug: bool,
    jobs: int | None,
    executor: str | None,
    scheduler: str | None,
    no_cache: bool,
    site_dir: Path | None,
    force: bool,
) -> None:
    """Read the corpus, analyse it and build the static site with briefing.json."""
    with reporting_errors(debug):
        settings = load_settings(
            config_file=config_file, content_dir=content_dir, site_dir=site_dir, strict=strict, quiet=quiet,
            **executor_overrides(jobs, executor, scheduler, no_cache),
        )
        start = time.perf_counter()
        with progress_bar(not settings.quiet) as progress:
            report = build(settings, progress, waiting=_say_waiting, force=force)
        print_report(report, settings, time.perf_counter() - start, built_site=True)
        if settings.strict and report.problems:
            err.print(f"[red]--strict: {plural(report.problems, 'warning')}; failing the build[/]", markup=True)
            sys.exit(1)


@main.command("extract")
@common_options
@executor_options
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="Where to write the JSON.")
def extract_cmd(
    content_dir: Path | None,
    config_file: Path | None,
    strict: bool | None,
    quiet: bool | None,
    debug: bool,
    jobs: int | None,
    executor: str | None,
    scheduler: str | None,
    no_cache: bool,
    output: Path,
) -> None:
    """Analyse the corpus and write briefing.json only (no site)."""
    with reporting_errors(debug):
        settings = load_settings(
            config_file=config_file, content_dir=content_dir, strict=strict, quiet=quiet,
            **executor_overrides(jobs, executor, scheduler, no_cache),
        )
        start = time.perf_counter()
        with progress_bar(not settings.quiet) as progress:
            briefing, _, report = extract(settings, progress)
        write_atomically(output, briefing_json(briefing).encode("utf-8"))  # a failed run keeps the old file
        print_report(report, settings, time.perf_counter() - start, built_site=False)
        if not settings.quiet:
            out.print(f"briefing written to {output}")
        if settings.strict and report.problems:
            sys.exit(1)


@main.command("check")
@common_options
@click.option(
    "--show-removed", is_flag=True, help="List, per article, every line cleaning dropped and the rule that dropped it."
)
@click.option(
    "--analyse", is_flag=True, help="Also run the extractor (no site): list unattributed quotes and ambiguous names."
)
def check_cmd(
    content_dir: Path | None,
    config_file: Path | None,
    strict: bool | None,
    quiet: bool | None,
    debug: bool,
    show_removed: bool,
    analyse: bool,
) -> None:
    """Validate settings and corpus without building: every problem at once, with file, line and fix."""
    from briefgen.check import analysis_findings, check

    def say(text: str) -> None:
        out.print(text, markup=False, soft_wrap=True)

    with reporting_errors(debug):
        report = check(config_file=config_file, content_dir=content_dir, strict=strict, quiet=quiet)
        settings = report.settings
        quiet_mode = bool(quiet or (settings is not None and settings.quiet))
        for article in report.articles if not quiet_mode or show_removed else ():
            details = [plural(len(article.paragraphs), "paragraph"), plural(article.words, "word")]
            details += [value for value in (article.outlet, article.published) if value]
            say(f"{article.path}: {article.title or '(no title)'} ({', '.join(details)})")
            for warning in article.warnings:
                say(f"  warning: {warning}")
            if show_removed:
                for removed in article.removed:
                    say(f"  removed line {removed.line} [{removed.rule}]: {removed.text}")
        if report.ignored:
            shown = ", ".join(report.ignored[:5]) + (" …" if len(report.ignored) > 5 else "")
            say(f"ignored {plural(len(report.ignored), 'file')} of unsupported types: {shown}")
        for problem in report.problems:
            kind = "error" if problem.error else "warning"
            say(f"{kind}: {problem.where}: {problem.what}")
            if problem.fix:
                say(f"  fix: {problem.fix}")
        say(
            f"{plural(len(report.articles), 'article')}, {len(report.skipped)} skipped, "
            f"{len(report.ignored)} ignored, "
            f"{plural(report.errors, 'error')}, {plural(len(report.problems) - report.errors, 'warning')}",
        )
        if analyse and settings is not None and report.articles:
            for finding in analysis_findings(settings):
                say(f"note: {finding.where}: {finding.what}")
        strict_mode = settings.strict if settings is not None else bool(strict)
        if report.errors or (strict_mode and report.problems):
            sys.exit(1)


def _read_briefing(path: Path) -> dict[str, Any]:
    """A briefing.json file as data, or a usage error naming the file."""
    import json

    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise click.BadParameter(f"{path}: not a readable briefing.json ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("quotes"), list):
        raise click.BadParameter(f"{path}: not a briefing.json (no 'quotes' list)")
    return data


@main.command("diff")
@click.argument("old", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def diff_cmd(old: Path, new: Path) -> None:
    """Compare two briefing.json files: new and removed sources, actors and quotes, changed positions."""
    from briefgen.history import compare

    changes = compare(_read_briefing(old), _read_briefing(new))
    out.print(f"[bold]{changes.headline()}[/]", markup=True)
    if changes.empty:
        return
    table = Table("change", "kind", "id", "what", "detail")
    rows = [
        ("new", "source", changes.new_sources), ("removed", "source", changes.removed_sources),
        ("new", "actor", changes.new_actors), ("removed", "actor", changes.removed_actors),
        ("new", "quote", changes.new_quotes), ("removed", "quote", changes.removed_quotes),
    ]
    for change, kind, items in rows:
        for item in items:
            table.add_row(change, kind, item.id, item.label[:80], item.detail)
    for p in changes.positions:
        moved = p.old_stance != p.new_stance
        stance = f"{p.old_stance or '–'} → {p.new_stance or '–'}" if moved else (p.new_stance or "")
        evidence = f"+{len(p.added)} / −{len(p.removed)} evidence"
        table.add_row(p.status, f"{p.kind} position", f"{p.actor} · {p.topic}", stance, evidence)
    out.print(table)


@main.command("init")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--title", help="Title of the briefing (default: My briefing).")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def init_cmd(directory: Path, title: str | None, debug: bool) -> None:
    """Create a new project: commented settings, mkdocs.yml, templates/README.md and an example article."""
    from briefgen.scaffold import init_project

    with reporting_errors(debug):
        written = init_project(directory, title)
        for rel in written:
            out.print(f"  created {directory / rel}", highlight=False)
        out.print(f"next: cd {directory} && briefgen build   (or briefgen serve)")


@main.command("serve")
@click.option("--content", "content_dir", type=click.Path(path_type=Path), help="Folder of articles.")
@click.option("--config", "config_file", type=click.Path(path_type=Path), help="Settings YAML file.")
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Serve on HOST:PORT.")
@click.option("--quiet", "-q", is_flag=True, default=None, help="Print only warnings and errors.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def serve_cmd(
    content_dir: Path | None, config_file: Path | None, dev_addr: str, quiet: bool | None, debug: bool
) -> None:
    """Build, serve on localhost, rebuild and reload when articles, templates or settings change."""
    import logging

    from briefgen.serve import BriefingServer

    def load() -> Settings:
        return load_settings(config_file=config_file, content_dir=content_dir, quiet=quiet)

    with reporting_errors(debug):
        server = BriefingServer(load, dev_addr)
        logger = logging.getLogger("mkdocs")
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        old_level, old_propagate = logger.level, logger.propagate
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING if quiet else logging.INFO)
        logger.propagate = False
        try:
            server.serve()
        finally:
            logger.removeHandler(handler)
            logger.setLevel(old_level)
            logger.propagate = old_propagate


@main.command("eval")
@click.option("--gold", "gold_dir", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Folder of gold annotation YAML files.")
@click.option("--content", "content_dir", type=click.Path(path_type=Path), help="Folder of articles.")
@click.option("--config", "config_file", type=click.Path(path_type=Path), help="Settings YAML file.")
@click.option("--min-f1", type=float, default=None, help="Exit 1 when quote F1 (overlap) is below this.")
@click.option("--min-precision", type=float, default=None, help="Minimum quote precision (overlap).")
@click.option("--min-recall", type=float, default=None, help="Minimum quote recall (overlap).")
@click.option("--min-speaker", type=float, default=None, help="Minimum speaker accuracy on matched quotes.")
@click.option("--min-statement", type=float, default=None, help="Minimum statement recall.")
@click.option("--min-actor-recall", type=float, default=None, help="Minimum recall of speaking gold actors.")
@click.option("--min-actor-precision", type=float, default=None, help="Minimum share of quoted actors in gold.")
@click.option("--min-country", type=float, default=None, help="Minimum actor country accuracy.")
@click.option("--stances", "stance_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Stance annotation YAML (e.g. tests/data/stance_gold.yaml): also score stances and claims.")
@click.option("--misses", type=int, default=10, show_default=True, help="How many worst misses to list.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def eval_cmd(
    gold_dir: Path, content_dir: Path | None, config_file: Path | None, min_f1: float | None,
    min_precision: float | None, min_recall: float | None, min_speaker: float | None,
    min_statement: float | None, min_actor_recall: float | None, min_actor_precision: float | None,
    min_country: float | None, stance_file: Path | None, misses: int, debug: bool,
) -> None:
    """Score the extraction against gold annotations; exit 1 below any --min-* threshold."""
    from briefgen.eval import (
        actor_rule_rows,
        evaluate,
        evaluate_claims,
        evaluate_stances,
        load_claim_gold,
        load_gold,
        load_stance_gold,
        rule_rows,
        stance_rule_rows,
    )

    with reporting_errors(debug):
        settings = load_settings(config_file=config_file, content_dir=content_dir, quiet=True)
        briefing, _, _ = extract(settings)
        gold_files = load_gold(gold_dir)
        result = evaluate(briefing, gold_files)
        stance_gold = load_stance_gold(stance_file) if stance_file else None
    table = Table(title="quotes and statements")
    for col in ("article", "ours", "gold", "P", "R", "F1", "exact F1", "speaker", "statements"):
        table.add_column(col, justify="right" if col != "article" else "left")
    rows = [*result.per_article.items(), ("TOTAL", result.total)]
    for name, s in rows:
        table.add_row(name, str(s.ours), str(s.gold), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                      f"{s.exact_f1:.3f}", f"{s.speaker_accuracy:.3f}",
                      f"{s.statement_recall:.3f} ({s.statements_found}/{s.statements})")
    out.print(table)
    t, a = result.total, result.actors
    out.print(f"exact match: P {t.exact_precision:.3f} R {t.exact_recall:.3f} F1 {t.exact_f1:.3f}")
    out.print(f"reported statements: precision {t.statement_precision:.3f} ({t.reported_ok}/{t.reported}), "
              f"recall {t.statement_recall:.3f} ({t.statements_found}/{t.statements})")
    out.print(f"actors: recall {a.recall:.3f} ({a.found}/{a.speaking}), country accuracy "
              f"{a.country_accuracy:.3f} ({a.country_ok}/{a.country_total}), precision {a.precision:.3f} "
              f"({a.quoted_gold}/{a.quoted}), duplicates {len(a.duplicates)}")
    # plain fixed-width lines: rule ids are long and the table must survive copying into notes
    out.print("per rule: found, right (quote matched with the right speaker / statement in a gold one), "
              "precision, recall of gold quotes, recall of gold statements", markup=False, highlight=False,
              soft_wrap=True)
    out.print(f"{'rule':<46} {'found':>5} {'right':>5} {'P':>6} {'R quote':>7} {'R stmt':>7}", highlight=False,
              soft_wrap=True)
    for rule, found, right, precision, quote_r, statement_r in rule_rows(t):
        out.print(f"{rule:<46} {found:>5} {right:>5} {precision:>6.3f} {quote_r:>7.3f} {statement_r:>7.3f}",
                  markup=False, highlight=False, soft_wrap=True)
    out.print("per actor mention rule: quoted actors with a mention by the rule, of them gold actors, precision",
              markup=False, highlight=False, soft_wrap=True)
    for rule, n, ok, precision in actor_rule_rows(a):
        out.print(f"{rule:<46} {n:>5} {ok:>5} {precision:>6.3f}", markup=False, highlight=False, soft_wrap=True)
    if stance_gold is not None and stance_file is not None:
        st = evaluate_stances(briefing, gold_files, stance_gold)
        out.print(f"stances: precision {st.precision:.3f} ({st.right}/{st.shown} labels shown), recall "
                  f"{st.recall:.3f} ({st.caught}/{st.gold} stated stances); reported statements shown with "
                  f"their verb {st.verb_rate:.3f} ({st.with_verb}/{st.reported}; "
                  f"{st.verb_rate_stated:.3f} of the {st.reported - st.verbless} whose article gives a verb)")
        out.print("per stance construction: labels shown, right, precision, wrong only by the speaker",
                  markup=False, highlight=False)
        for rule, n, ok, precision, spk in stance_rule_rows(st):
            out.print(f"  {rule:<44} {n:>5} {ok:>5} {precision:>6.3f} {spk:>5}", markup=False, highlight=False,
                      soft_wrap=True)
        held = sum(n for n, _, _ in st.withheld_rules.values())
        held_ok = sum(ok for _, ok, _ in st.withheld_rules.values())
        out.print(f"withheld stance labels (stances.yml shown): {held}, would-be precision "
                  f"{held_ok / held if held else 1.0:.3f} ({held_ok}/{held}); recall with every label shown "
                  f"{st.caught_all / st.gold if st.gold else 1.0:.3f} ({st.caught_all}/{st.gold})",
                  markup=False, highlight=False, soft_wrap=True)
        out.print("per withheld construction: labels withheld, would be right, precision, wrong only by the speaker",
                  markup=False, highlight=False)
        for rule, n, ok, precision, spk in stance_rule_rows(st, withheld=True):
            out.print(f"  {rule:<44} {n:>5} {ok:>5} {precision:>6.3f} {spk:>5}", markup=False, highlight=False,
                      soft_wrap=True)
        cl = evaluate_claims(briefing, gold_files, load_claim_gold(stance_file))
        out.print(f"claims: same-claim pairs precision {cl.precision:.3f} ({cl.right}/{cl.predicted}), recall "
                  f"{cl.recall:.3f} ({cl.right}/{cl.gold_pairs}); {len(briefing.claims)} claims")
        for title, items in (("wrong stance", st.wrong), ("missed stance", st.missed), ("no verb", st.no_verb),
                             ("wrongly grouped", cl.wrong)):
            if items and misses:
                out.print(f"[bold]{title}[/]: {len(items)}", markup=True)
                for item in items[:misses]:
                    out.print(f"  {item}", markup=False, soft_wrap=True)
    for title, items in (("missed", t.misses), ("not in gold", t.false_pos), ("wrong speaker", t.wrong_speaker),
                         ("duplicate actors", a.duplicates), ("missing actors", a.missing),
                         ("wrong country", a.country_wrong), ("quoted non-gold actors", a.not_gold)):
        if items and misses:
            out.print(f"[bold]{title}[/]: {len(items)}", markup=True)
            for item in items[:misses]:
                out.print(f"  {item}", markup=False, soft_wrap=True)
    checks = [("quote F1", t.f1, min_f1), ("quote precision", t.precision, min_precision),
              ("quote recall", t.recall, min_recall), ("speaker accuracy", t.speaker_accuracy, min_speaker),
              ("statement recall", t.statement_recall, min_statement),
              ("actor recall", a.recall, min_actor_recall), ("actor precision", a.precision, min_actor_precision),
              ("country accuracy", a.country_accuracy, min_country)]
    failed = [f"{n} {v:.3f} < {m}" for n, v, m in checks if m is not None and v < m]
    if failed:
        err.print("[red]below threshold:[/] " + "; ".join(failed), markup=True)
        sys.exit(1)
