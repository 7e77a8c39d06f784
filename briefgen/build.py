"""The orchestrator: read, clean, analyse, reduce, render, export, build the site."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from briefgen.config import Settings
from briefgen.corpus import CorpusResult, read_corpus
from briefgen.errors import CorpusError
from briefgen.export import briefing_json
from briefgen.extract import analyse_many, reduce_corpus
from briefgen.extract.overrides import load_overrides
from briefgen.nlp import make_nlp
from briefgen.records import Analysis, Article, Briefing, Skipped, Source
from briefgen.render import build_context, make_env, render_pages
from briefgen.site import NAV, check_site_dir, mkdocs_settings, publish, source_date_epoch, write_build_dir
from briefgen.slugs import unique_slugs

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
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def problems(self) -> int:
        """Warnings and skipped inputs: what --strict turns into a failure."""
        return len(self.warnings) + len(self.skipped)


def source_id(path: str) -> str:
    """A stable source id from the article's path (independent of the other files in the corpus)."""
    return "s-" + hashlib.sha1(path.encode("utf-8")).hexdigest()[:10]


def make_sources(articles: Sequence[Article]) -> tuple[Source, ...]:
    """List entries for the articles, with stable ids and safe, distinct page slugs."""
    wanted = {a.path: (a.slug or a.title or a.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]) for a in articles}
    slugs = unique_slugs([f"{name}\x00{path}" for path, name in wanted.items()], fallback="source")
    by_path = {key.split("\x00", 1)[1]: value for key, value in slugs.items()}
    # unique_slugs keys on the full key, so equal names from two files still get distinct slugs
    return tuple(
        Source(
            id=source_id(a.path),
            path=a.path,
            slug=by_path[a.path],
            title=a.title,
            outlet=a.outlet,
            url=a.url,
            published=a.published,
            words=a.words,
            warnings=a.warnings,
            date_from_file=a.date_from_file,
        )
        for a in articles
    )


def read(settings: Settings) -> CorpusResult:
    """Stage 1: read and clean the corpus."""
    if not settings.content.is_dir():
        raise CorpusError(
            "content folder not found", str(settings.content), "create it and add articles, or pass --content DIR"
        )
    return read_corpus(settings)


def analyse(settings: Settings, articles: Sequence[Article], progress: Progress | None = None) -> list[Analysis]:
    """Stage 2: the per-article map (actors and quotes)."""
    nlp = make_nlp(settings.model)
    results: list[Analysis] = []
    for analysis in analyse_many(nlp, articles):
        results.append(analysis)
        if progress:
            progress("analyse", len(results), len(articles))
    return results


def extract(settings: Settings, progress: Progress | None = None) -> tuple[Briefing, list[Article], BuildReport]:
    """Read, analyse and reduce: the briefing without a site."""
    report = BuildReport()
    t0 = time.perf_counter()
    corpus = read(settings)
    report.timings["read"] = time.perf_counter() - t0
    report.articles = len(corpus.articles)
    report.skipped = list(corpus.skipped)
    report.ignored = list(corpus.ignored)
    for article in corpus.articles:
        report.warnings.extend(f"{article.path}: {w}" for w in article.warnings)
    t0 = time.perf_counter()
    analyses = analyse(settings, corpus.articles, progress)
    report.timings["analyse"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    sources = make_sources(corpus.articles)
    actors, quotes = reduce_corpus(analyses, sources, load_overrides(settings.site_config / "actors.yml"))
    briefing = Briefing(
        sources=sources, actors=actors, quotes=quotes, skipped=tuple(corpus.skipped)
    )
    report.timings["reduce"] = time.perf_counter() - t0
    report.actors = len(briefing.actors)
    report.quotes = len(briefing.quotes)
    return briefing, list(corpus.articles), report


def build(settings: Settings, progress: Progress | None = None) -> BuildReport:
    """The whole pipeline: briefing, Markdown pages, briefing.json and the static site."""
    check_site_dir(settings.site, settings.project_dir)
    briefing, articles, report = extract(settings, progress)
    t0 = time.perf_counter()
    ctx = build_context(briefing, settings.title, articles, settings.actor_pages)
    pages = render_pages(ctx, make_env(settings.templates))
    report.timings["render"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    mkdocs_cfg = mkdocs_settings(settings.mkdocs_yml, settings.title, NAV, settings.site_url)
    writes = write_build_dir(settings.build, pages, mkdocs_cfg)
    os.environ.setdefault(
        "SOURCE_DATE_EPOCH", str(source_date_epoch([s.published for s in briefing.sources if s.published]))
    )
    extra = {"briefing.json": briefing_json(briefing).encode("utf-8")}
    report.warnings.extend(f"mkdocs: {w}" for w in publish(settings.build, settings.site, extra, strict=False))
    report.timings["site"] = time.perf_counter() - t0
    report.pages = len(pages)
    report.written = writes.written
    return report
