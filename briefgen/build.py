"""The orchestrator: read, clean, analyse, reduce, render, export, build the site."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefgen.bibliography import complete_dates, source_title
from briefgen.cache import (
    AnalysisCache,
    current_site_warnings,
    drop_stale,
    record_site,
    site_stamp,
    summary_cache_path,
)
from briefgen.config import Settings
from briefgen.corpus import CorpusResult, read_corpus
from briefgen.corpus.language import languages_of
from briefgen.errors import CorpusError
from briefgen.executor import few_collections, make_executor
from briefgen.export import briefing_dict, encode_briefing, load_fragments, save_fragments
from briefgen.extract import reduce_corpus
from briefgen.extract.claims import group_claims
from briefgen.extract.lexicon import use_user_data
from briefgen.extract.merge import look_alike_names
from briefgen.extract.overrides import load_overrides
from briefgen.extract.positions import analyse_positions, discover_topics, load_topics
from briefgen.extract.userdata import load_user_data
from briefgen.history import FEED, history_files, read_previous, save_comparable
from briefgen.incremental import SiteState
from briefgen.lock import build_lock
from briefgen.nlp import make_nlp
from briefgen.pagememo import PageMemo
from briefgen.partitioned import read_and_analyse_on_dask
from briefgen.plural import plural
from briefgen.records import Analysis, Article, Briefing, Skipped, Source
from briefgen.render import build_context, make_env, render_pages
from briefgen.search import IndexStats, engine, load_manifest, search_theme
from briefgen.search import version as search_version
from briefgen.site import (
    NAV,
    OVERRIDES_DIR,
    SITE_STATE,
    check_site_dir,
    mkdocs_settings,
    prepare_site_dir,
    project_docs,
    publish,
    site_is_intact,
    source_date_epoch,
    write_build_dir,
)
from briefgen.slugs import unique_slugs_for
from briefgen.summary import digest_key, load_digests, save_digests

Progress = Callable[[str, int, int], None]


@dataclass
class BuildReport:
    """What a build did: counts for the summary, warnings for the user, timings per stage."""

    articles: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    actors: int = 0
    quotes: int = 0
    pages: int = 0
    written: int = 0
    reused: int = 0  # actor and source pages whose Markdown was kept from the last build (not rendered)
    analysed: int = 0
    cached: int = 0
    site_rebuilt: bool = False
    site_rendered: int = 0  # pages MkDocs rendered (the others were reused from the previous site)
    site_reasons: dict[str, int] = field(default_factory=dict)
    search_buckets: tuple[int, int] = (0, 0)  # Pagefind bundles indexed again, of all (the rest were reused)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds of this process for the site stages

    @property
    def problems(self) -> int:
        """Warnings and skipped inputs: what --strict turns into a failure."""
        return len(self.warnings) + len(self.skipped)


def source_id(path: str) -> str:
    """A stable source id from the article's path (independent of the other files in the corpus)."""
    return "s-" + hashlib.sha1(path.encode("utf-8")).hexdigest()[:10]


def make_sources(
    articles: Sequence[Article], languages: Mapping[str, str | None] | None = None
) -> tuple[Source, ...]:
    """List entries for the articles, with stable ids, safe, distinct page slugs and their language."""
    wanted = {a.path: (a.slug or a.title or a.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]) for a in articles}
    by_path = unique_slugs_for(wanted, fallback="source")
    titles = {a.path: source_title(a) for a in articles}  # (title, taken from the text): read once
    return complete_dates(tuple(
        Source(
            id=source_id(a.path),
            path=a.path,
            slug=by_path[a.path],
            title=titles[a.path][0],
            outlet=a.outlet,
            url=a.url,
            published=a.published,
            words=a.words,
            warnings=a.warnings,
            date_from_file=a.date_from_file,
            month_day=a.month_day,
            date_basis=a.date_basis,
            title_from_text=titles[a.path][1],
            language=(languages or {}).get(a.path),
        )
        for a in articles
    ))


def no_articles(settings: Settings, corpus: CorpusResult) -> str:
    """The warning for a corpus with no readable article: why, and what to do."""
    try:
        where = settings.content.relative_to(settings.project_dir).as_posix() + "/"
    except ValueError:
        where = str(settings.content)
    if corpus.skipped or corpus.ignored:
        skipped, ignored = plural(len(corpus.skipped), "file"), plural(len(corpus.ignored), "file")
        why = f"{skipped} skipped, {ignored} of other types ignored"
    else:
        why = "the folder is empty"
    return f"no articles found in {where} ({why}); add .txt, .md, .html or .jsonl articles"


def read(settings: Settings) -> CorpusResult:
    """Stage 1: read and clean the corpus."""
    if not settings.content.is_dir():
        raise CorpusError(
            "content folder not found", str(settings.content), "create it and add articles, or pass --content DIR"
        )
    return read_corpus(settings)


def read_on_dask(
    settings: Settings, progress: Progress | None, report: BuildReport
) -> tuple[CorpusResult, list[Analysis]]:
    """Stages 1 and 2 on Dask: the client lists partitions, workers read, clean and analyse them."""
    if not settings.content.is_dir():
        read(settings)  # the same error as the other executors
    outcome = read_and_analyse_on_dask(settings, progress)
    report.analysed = outcome.analysed
    report.cached = outcome.cached
    report.warnings.extend(outcome.warnings)
    return outcome.corpus, outcome.analyses


def analyse(
    settings: Settings,
    articles: Sequence[Article],
    progress: Progress | None = None,
    report: BuildReport | None = None,
) -> list[Analysis]:
    """Stage 2: the per-article map (actors and quotes): cached results first, the rest on the executor."""
    cache = AnalysisCache.for_settings(settings) if settings.cache else None
    results: list[Analysis | None] = [None] * len(articles)
    misses: list[int] = []
    for i, article in enumerate(articles):
        hit = cache.get(article) if cache else None
        if hit is None:
            misses.append(i)
        else:
            results[i] = hit
    done = len(articles) - len(misses)
    if progress:
        progress("analyse", done, len(articles))
    if misses:
        user_data = load_user_data(settings.site_config)
        executor = make_executor(settings.executor, settings.jobs, user_data, settings.scheduler)
        try:
            todo = [articles[i] for i in misses]
            for i, analysis in zip(misses, executor.map(todo), strict=True):
                results[i] = analysis
                if cache:
                    cache.put(articles[i], analysis)
                done += 1
                if progress:
                    progress("analyse", done, len(articles))
        finally:
            executor.close()
    if report is not None:
        report.analysed = len(misses)
        report.cached = len(articles) - len(misses)
        if cache:
            report.warnings.extend(cache.warnings)
    return [r for r in results if r is not None]


@few_collections()  # the analysis' records live till the reduce: full GC passes would walk them again and again
def extract(settings: Settings, progress: Progress | None = None) -> tuple[Briefing, list[Article], BuildReport]:
    """Read, analyse and reduce: the briefing without a site."""
    use_user_data(load_user_data(settings.site_config))  # the project's word lists, checked before reading
    report = BuildReport()
    t0 = time.perf_counter()
    if settings.executor == "dask":  # workers read their own partitions: reading is part of the map
        corpus, analyses = read_on_dask(settings, progress, report)
        report.timings["read"] = 0.0
        report.timings["analyse"] = time.perf_counter() - t0
    else:
        corpus = read(settings)
        report.timings["read"] = time.perf_counter() - t0
    report.articles = len(corpus.articles)
    report.skipped = list(corpus.skipped)
    report.ignored = list(corpus.ignored)
    for article in corpus.articles:
        report.warnings.extend(f"{article.path}: {w}" for w in article.warnings)
    if not corpus.articles:
        report.warnings.append(no_articles(settings, corpus))
    languages = languages_of(corpus.articles)  # the rules read English: other languages are listed only
    report.warnings.extend(languages.warnings)
    if settings.executor != "dask":
        t0 = time.perf_counter()
        analyses = analyse(settings, languages.to_analyse(corpus.articles), progress, report)
        report.timings["analyse"] = time.perf_counter() - t0
    analyses = languages.fill(analyses, corpus.articles)
    for analysis in analyses:
        report.warnings.extend(f"{analysis.article.path}: {w}" for w in analysis.warnings)
    report.warnings.extend(look_alike_names(analyses))
    t0 = time.perf_counter()
    sources = make_sources(corpus.articles, languages.codes)
    actors, quotes = reduce_corpus(analyses, sources, load_overrides(settings.site_config / "actors.yml"))
    topics = load_topics(settings.site_config) or discover_topics(quotes)  # hand-written topics win
    by_source = {s.id: a for s, a in zip(sources, corpus.articles, strict=True)}
    quotes, positions = analyse_positions(make_nlp(), topics, quotes, actors, sources, by_source)
    briefing = Briefing(
        sources=sources, actors=actors, quotes=quotes, positions=positions, topics=topics,
        skipped=tuple(corpus.skipped), claims=group_claims(quotes, actors, sources),
    )
    report.timings["reduce"] = time.perf_counter() - t0
    report.actors = len(briefing.actors)
    report.quotes = len(briefing.quotes)
    return briefing, list(corpus.articles), report


def generate(
    settings: Settings, progress: Progress | None = None, *, force: bool = False
) -> tuple[Briefing, BuildReport, dict[str, bytes]]:
    """Everything but the MkDocs run: the briefing, the build folder (docs/ + mkdocs.yml) and the
    files to add to the site (briefing.json, history, feed). Unchanged actor and source pages are reused
    from the build folder, and the summary digests and briefing.json records from the cache folder, unless
    ``force``."""
    briefing, articles, report = extract(settings, progress)
    t0, c0 = time.perf_counter(), time.process_time()
    # briefing.json: each record's indented text is kept between builds by its repr, so
    # only new or changed records go through json's pure-Python indenting encoder
    data = briefing_dict(briefing)
    fragment_file = settings.path(settings.cache_dir) / "briefing" / "fragments.pickle" if settings.cache else None
    # ``force`` reads none of these caches (it writes them again)
    text, fragments = encode_briefing(data, load_fragments(fragment_file) if fragment_file and not force else {})
    compared = fragment_file.with_name("compared.pickle") if fragment_file is not None else None
    previous = read_previous(settings.site, None if force else compared)  # before publish replaces the site
    report.warnings.extend(previous.warnings)
    slugs = {s.id: s.slug for s in briefing.sources}
    links = {q.id: f"sources/{slugs[q.source]}.html#p{q.paragraph}" for q in briefing.quotes if q.source in slugs}
    changes, history = history_files(
        previous, text, settings.title, settings.site_url, settings.history_keep, links, data
    )
    # the summary's per-article digests: an unchanged article is not read again (void when the code changes)
    digest_file = summary_cache_path(settings) if settings.cache else None
    digests = (load_digests(digest_file) if not force else {}) if digest_file is not None else None
    ctx = replace(
        build_context(briefing, settings.title, articles, settings.actor_pages, digests), changes=changes, feed=FEED
    )
    memo = PageMemo() if force else PageMemo.load(settings.build)
    compiled = settings.path(settings.cache_dir) / "templates" if settings.cache else None
    pages = render_pages(ctx, make_env(settings.templates, compiled), memo)
    mkdocs_cfg = mkdocs_settings(
        settings.mkdocs_yml,
        settings.title,
        NAV,
        settings.site_url,
        project_dir=settings.project_dir,
        build_dir=settings.build,
    )
    search, search_warning = engine(settings.search)
    report.warnings.extend([search_warning] if search_warning else [])
    mkdocs_cfg = search_theme(mkdocs_cfg, settings.build, search == "pagefind")
    own_files = project_docs(settings.project_dir, mkdocs_cfg)
    writes = write_build_dir(settings.build, pages, mkdocs_cfg, own_files, memo.on_disk)
    memo.save(settings.build)
    if digest_file is not None and digests is not None:
        keep_cache(digest_file, report, lambda: save_digests(digest_file, digests, [digest_key(a) for a in articles]))
        drop_stale(digest_file)
    if fragment_file is not None and compared is not None:
        keep_cache(fragment_file, report, lambda: save_fragments(fragment_file, fragments))
        keep_cache(compared, report, lambda: save_comparable(compared, text, data))
    report.timings["render"] = time.perf_counter() - t0  # briefing.json, history, Markdown rendered and written
    report.cpu["render"] = time.process_time() - c0
    report.pages = len(pages)
    report.reused = memo.reused
    report.written = writes.written
    extra = {"briefing.json": text.encode("utf-8"), **history}
    return briefing, report, extra


def keep_cache(path: Path, report: BuildReport, write: Callable[[], None]) -> None:
    """Write a cache file for the next build; failing to is a warning, not a failed build."""
    try:
        write()
    except OSError as exc:
        report.warnings.append(f"cannot write the cache file {path}: {exc.strerror or exc}")


def build(
    settings: Settings,
    progress: Progress | None = None,
    waiting: Callable[[str], None] | None = None,
    *,
    force: bool = False,
) -> BuildReport:
    """The whole pipeline: briefing, Markdown pages, briefing.json and the static site.

    One build of a project runs at a time (``briefgen.lock``); ``waiting`` hears why a build waits. A
    site folder briefgen must not replace is refused before anything, the lock included, is written.
    The site is rebuilt unless it is exactly what these inputs give (every file checked); pages whose
    inputs did not change are then reused, not rendered again. ``force`` renders every page.
    """
    inputs = (
        settings.content, settings.templates, settings.site_config, settings.build,
        settings.project_dir / OVERRIDES_DIR, settings.project_dir / ".briefgen", settings.path(settings.cache_dir),
    )
    check_site_dir(settings.site, settings.project_dir, inputs)
    with build_lock(settings.project_dir, waiting):
        prepare_site_dir(settings.site, settings.project_dir, inputs)
        briefing, report, extra = generate(settings, progress, force=force)
        t0, c0 = time.perf_counter(), time.process_time()
        epoch = source_date_epoch([s.published for s in briefing.sources if s.published])
        search = engine(settings.search)[0]
        stamp = site_stamp(settings.build, extra, epoch, search_version() if search == "pagefind" else "")
        state = settings.build / SITE_STATE
        warnings = None if force else current_site_warnings(settings.site, stamp)
        bundle = load_manifest(settings.build) if search == "pagefind" else {}
        if warnings is not None and not site_is_intact(settings.site, state, extra, bundle):
            warnings = None  # a page was deleted or changed since: rebuild, reusing the intact pages
        report.site_rebuilt = warnings is None
        indexed: list[IndexStats] = []
        if warnings is None:
            warnings = publish(
                settings.build, settings.site, extra, strict=False, epoch=epoch, state=state, force=force,
                search=search, stats=indexed,
            )
            record_site(settings.site, stamp, warnings)
            last = SiteState.load_last(state)
            report.site_rendered = int(last.get("rendered", 0))
            report.site_reasons = dict(last.get("reasons", {}))
    report.warnings.extend(f"mkdocs: {w}" for w in warnings)
    report.timings["site"] = time.perf_counter() - t0
    report.cpu["site"] = time.process_time() - c0
    for stats in indexed:  # Pagefind runs in child processes: its CPU is not in the site stage's
        report.timings["pagefind"] = stats.wall_s
        report.cpu["pagefind"] = stats.cpu_s
        report.search_buckets = (stats.indexed, stats.indexed + stats.reused)
    return report
