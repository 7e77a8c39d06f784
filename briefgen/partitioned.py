"""Read and analyse the corpus on Dask workers: the client lists partitions, workers read their own.

Design (``--executor dask``):

* The client only plans (``corpus.partition.plan``: walk the folder, stat the files, split large
  ``.jsonl`` files into line-aligned byte ranges of ``dask_blocksize`` bytes). It never opens an article.
  Ranges after the first of a file need their line offset: workers count the line breaks of each range
  first (tiny tasks), the client adds them up.
* A worker task reads, decodes and cleans one partition, computes each article's cache key (the same
  ``article_key`` as the serial path, from the fingerprint the client sends) and looks the key up in the
  project's cache folder when it can see it (a LocalCluster or a shared file system). Only the misses go
  through the nlp pipeline; the task returns compact records: the cleaned Article (the reduce reads
  fragments in their sentence and the site shows the text), its key, the analysis payload, hit or miss.
* The client applies exactly the serial corpus rules to the records in plan order (``corpus.collect``:
  exact duplicates skipped, near-duplicates warned), writes the misses to the cache under the worker's
  key, and attaches the final Article to each payload. Same order, same records, so ``briefing.json``
  is byte-identical to a serial build.
* Two caches keep a rebuild cheap. The analysis cache is keyed by content (the cleaned article), so the
  client cannot consult it without reading the text; instead workers consult it (when they can see the
  cache folder: a LocalCluster or a shared file system) and only misses run the nlp pipeline, while the
  client writes the new entries. The partition cache (``cache.PartitionCache``) stores what reading a
  partition gave (cleaned Articles, Skipped inputs), keyed by the reader fingerprint and each file's path,
  byte range, size, mtime and ctime. A partition whose files are unchanged and whose analyses are all cached is
  taken from the caches on the client; when every partition is, no Dask cluster is started at all, so a
  no-change rebuild costs a stat per file plus loading the cache entries.
"""

from __future__ import annotations

import importlib.util
import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefgen.cache import AnalysisCache, PartitionCache, Payload, analysis_from, article_key, payload_of
from briefgen.config import Settings
from briefgen.corpus import CorpusResult
from briefgen.corpus.boilerplate import PROJECT_FILE, Rules, load_rules
from briefgen.corpus.partition import (
    Partition,
    Plan,
    count_newlines,
    plan,
    ranges_to_count,
    read_partition,
    with_line_counts,
)
from briefgen.corpus.reader import collect
from briefgen.errors import CorpusError
from briefgen.executor import DEFAULT_BATCH, DaskExecutor, _import_dask
from briefgen.extract import analyse_many
from briefgen.extract.lexicon import UserData, use_user_data
from briefgen.extract.userdata import load_user_data
from briefgen.nlp import make_nlp
from briefgen.records import Analysis, Article, Skipped

Progress = Callable[[str, int, int], None]
STAGE = "read + analyse (partitions)"


@dataclass(frozen=True, slots=True)
class ReadJob:
    """What every partition task needs besides its partition (small: rules, limits, cache location)."""

    rules: Rules
    max_bytes: int
    user_data: UserData
    cache_root: str | None
    settings_hash: str
    content_root: str = ""


@dataclass(frozen=True, slots=True)
class Read:
    """One article as a worker read and analysed it."""

    article: Article
    key: str
    payload: Payload
    cached: bool


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """A partition's articles and skips in reading order, and the worker's cache warnings."""

    records: tuple[Read | Skipped, ...]
    warnings: tuple[str, ...] = ()


def read_and_analyse(job: ReadJob, partition: Partition) -> PartitionResult:
    """Worker side: read, clean, look up the cache, analyse the misses of one partition."""
    if job.content_root and not os.path.isdir(job.content_root):
        # every file would be skipped as unreadable: a worker without the corpus is an error, not warnings
        raise CorpusError(
            "a Dask worker cannot see the content folder",
            f"{job.content_root} on worker host {socket.gethostname()}",
            "with --executor dask the workers read the articles: mount the content folder at the same path "
            "on every worker (a shared file system), or use --executor process",
        )
    results = list(read_partition(partition, job.rules, job.max_bytes))
    cache = AnalysisCache(Path(job.cache_root), job.settings_hash) if job.cache_root else None
    found: dict[int, Analysis] = {}
    todo: list[tuple[int, Article]] = []
    for i, result in enumerate(results):
        if isinstance(result, Article):
            hit = cache.get(result) if cache else None
            if hit is None:
                todo.append((i, result))
            else:
                found[i] = hit
    if todo:
        use_user_data(job.user_data)
        analyses = analyse_many(make_nlp(), [article for _, article in todo])
        found.update(zip((i for i, _ in todo), analyses, strict=True))
    missed = {i for i, _ in todo}
    records: list[Read | Skipped] = []
    for i, result in enumerate(results):
        if isinstance(result, Skipped):
            records.append(result)
        else:
            key = article_key(result, job.settings_hash)
            records.append(Read(result, key, payload_of(found[i]), cached=i not in missed))
    return PartitionResult(tuple(records), tuple(cache.warnings) if cache else ())


def describe(partition: Partition, limit: int = 5) -> str:
    """The files (or byte ranges) of a partition, for error messages."""
    labels = [part.label for part in partition]
    shown = ", ".join(labels[:limit])
    return shown + (f" and {len(labels) - limit} more" if len(labels) > limit else "")


@dataclass
class Outcome:
    """The corpus and its analyses as the serial stages would have produced them, plus cache counts."""

    corpus: CorpusResult
    analyses: list[Analysis]
    analysed: int
    cached: int
    warnings: list[str]
    partitions: int


def _partition_key(cache: PartitionCache, partition: Partition) -> str:
    return cache.key([(p.path, p.rel, p.start, p.end, p.size, p.mtime_ns, p.ctime_ns) for p in partition])


def _from_caches(
    partitions: Sequence[Partition], parts_cache: PartitionCache | None, cache: AnalysisCache | None
) -> dict[int, PartitionResult]:
    """Partitions whose files are unchanged since they were read and whose analyses are all cached."""
    found: dict[int, PartitionResult] = {}
    if parts_cache is None or cache is None:
        return found
    for i, partition in enumerate(partitions):
        stored = parts_cache.get(_partition_key(parts_cache, partition))
        if stored is None:
            continue
        records: list[Read | Skipped] = []
        for result in stored:
            if isinstance(result, Skipped):
                records.append(result)
                continue
            hit = cache.get(result)
            if hit is None:
                break
            records.append(Read(result, cache.key(result), payload_of(hit), cached=True))
        else:
            found[i] = PartitionResult(tuple(records))
    return found


def _run_on_dask(
    settings: Settings, job: ReadJob, partitions: list[Partition], todo: list[int], progress: Progress | None
) -> dict[int, PartitionResult]:
    """Read and analyse the partitions ``todo`` on Dask (line breaks of .jsonl ranges counted first)."""
    executor = DaskExecutor(settings.scheduler, settings.jobs, job.user_data)
    done: dict[int, PartitionResult] = {}
    try:
        files = {part.path for i in todo for part in partitions[i] if part.end is not None}
        ranges = [r for r in ranges_to_count(partitions) if r.path in files]
        counts = executor.gather(
            count_newlines, [r.path for r in ranges], [r.start for r in ranges], [r.end for r in ranges]
        ) if ranges else []
        fixed = with_line_counts(partitions, {(r.path, r.start): n for r, n in zip(ranges, counts, strict=True)})
        total = len(partitions)
        base = total - len(todo)
        for n, (i, result) in enumerate(
            zip(todo, executor.stream(read_and_analyse, job, [fixed[i] for i in todo], describe), strict=True), 1
        ):
            done[i] = result
            if progress:
                progress(STAGE, base + n, total)
    finally:
        executor.close()
    return done


def _require_dask() -> None:
    """The clear 'not installed' error now; the import itself (~0.8 s) only when a partition must run."""
    try:
        found = importlib.util.find_spec("distributed") is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        _import_dask()


def read_and_analyse_on_dask(settings: Settings, progress: Progress | None = None) -> Outcome:
    """Client side: plan the partitions, take unchanged ones from the caches, run the rest on Dask in order,
    apply the corpus rules, fill the caches."""
    _require_dask()
    listing: Plan = plan(settings.content, settings.dask_blocksize, DEFAULT_BATCH)
    cache = AnalysisCache.for_settings(settings) if settings.cache else None
    parts_cache = PartitionCache.for_settings(settings) if settings.cache else None
    partitions = listing.partitions
    done = _from_caches(partitions, parts_cache, cache)
    todo = [i for i in range(len(partitions)) if i not in done]
    if progress:
        progress(STAGE, len(done), len(partitions))
    if todo:
        job = ReadJob(
            rules=load_rules(settings.site_config / PROJECT_FILE),
            max_bytes=settings.max_article_bytes,
            user_data=load_user_data(settings.site_config),
            cache_root=str(cache.root) if cache else None,
            settings_hash=cache.settings_hash if cache else "",
            content_root=str(settings.content.resolve()),
        )
        done.update(_run_on_dask(settings, job, partitions, todo, progress))
    fresh = set(todo)
    records: list[Read | Skipped] = []
    warnings: list[str] = []
    index = iter(range(len(partitions)))
    for item in listing.items:
        if isinstance(item, Skipped):
            records.append(item)
        else:
            i = next(index)
            result = done[i]
            records.extend(result.records)
            warnings.extend(result.warnings)
            if parts_cache is not None and i in fresh:
                key = _partition_key(parts_cache, partitions[i])
                parts_cache.put(key, [r.article if isinstance(r, Read) else r for r in result.records])
    if cache:  # every new analysis, duplicates too: the partition cache's entries refer to them
        for record in records:
            if isinstance(record, Read) and not record.cached:
                cache.put(record.article, analysis_from(record.article, record.payload), key=record.key)
    reads = [r.article if isinstance(r, Read) else r for r in records]
    corpus, kept = collect(reads, listing.ignored)
    analyses: list[Analysis] = []
    analysed = 0
    for article, i in zip(corpus.articles, kept, strict=True):
        record = records[i]
        assert isinstance(record, Read)
        analysed += not record.cached
        analyses.append(analysis_from(article, record.payload))
    if cache:
        warnings.extend(cache.warnings)
    if parts_cache:
        warnings.extend(parts_cache.warnings)
    return Outcome(corpus, analyses, analysed, len(analyses) - analysed, warnings, len(partitions))
