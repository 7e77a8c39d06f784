"""Discover article files and turn each into a cleaned Article (or a Skipped with a reason)."""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefgen.config import Settings
from briefgen.corpus.boilerplate import PROJECT_FILE, Rules, load_rules
from briefgen.corpus.clean import clean, paragraphs_of
from briefgen.corpus.dedupe import near_duplicates
from briefgen.corpus.formats import FORMATS, Draft, read_html, read_jsonl, read_md, read_txt
from briefgen.records import Article, Skipped

SUPPORTED = FORMATS
NEAR_DUPLICATE = 0.8

__all__ = [
    "SUPPORTED", "CorpusResult", "collect", "entries", "paragraphs_of", "read_article", "read_corpus", "read_single"
]


@dataclass(frozen=True, slots=True)
class CorpusResult:
    """The readable articles, the skipped inputs and the ignored file names."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    ignored: tuple[str, ...]


def entries(content: Path) -> Iterator[tuple[Path, str] | Skipped]:
    """Files below content/ in a stable order; hidden ones skipped, symlinks leaving content/ refused."""
    root = content.resolve()
    for folder, dirs, files in os.walk(content, followlinks=False):
        base = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in list(dirs):
            path = base / name
            if path.is_symlink():
                dirs.remove(name)  # never walk into a linked folder (loops, or files outside content/)
                if not path.resolve().is_relative_to(root):
                    rel = path.relative_to(content).as_posix()
                    yield Skipped(rel, "symlink to a folder outside content/ (not followed)")
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = base / name
            rel = path.relative_to(content).as_posix()
            if path.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    yield Skipped(rel, "broken symlink")
                    continue
                if not target.is_relative_to(root):
                    yield Skipped(rel, f"symlink points outside content/ ({target}); not followed")
                    continue
            yield path, rel


def read_file(path: Path, rel: str, settings: Settings) -> Iterator[Draft | Skipped]:
    """The drafts of one file (several for .jsonl), or why it cannot be read."""
    if path.suffix.lower() == ".jsonl":
        yield from read_jsonl(path, rel, settings.max_article_bytes)
    else:
        yield from read_single(path, rel, settings.max_article_bytes)


def read_single(path: Path, rel: str, limit: int) -> Iterator[Draft | Skipped]:
    """The draft of a file holding one article (or a whole ``.jsonl`` file's drafts), or why not."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(path, rel, limit)
        return
    try:
        size = path.stat().st_size
        if size > limit:
            yield Skipped(
                rel,
                f"file is {size:,} bytes, more than max_article_bytes ({limit:,}); "
                "raise max_article_bytes in site_config/briefgen.yml to read it",
            )
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield Skipped(rel, f"cannot read file: {exc.strerror or exc}")
        return
    if suffix in (".md", ".markdown"):
        yield read_md(raw, rel)
    elif suffix in (".html", ".htm"):
        yield read_html(raw, rel)
    else:
        yield read_txt(raw, rel)


def read_article(path: Path, rel: str, settings: Settings, rules: Rules | None = None) -> Article | Skipped:
    """Read and clean one single-article file."""
    rules = rules or load_rules(settings.site_config / PROJECT_FILE)
    for draft in read_file(path, rel, settings):
        return draft if isinstance(draft, Skipped) else clean(draft, rules)
    return Skipped(rel, "no article text")


def _with_warning(article: Article, warning: str) -> Article:
    return dataclasses.replace(article, warnings=(*article.warnings, warning))


def read_corpus(settings: Settings, rules: Rules | None = None) -> CorpusResult:
    """Read every supported article below the content folder, in a stable order."""
    rules = rules or load_rules(settings.site_config / PROJECT_FILE)
    ignored: list[str] = []

    def results() -> Iterator[Article | Skipped]:
        for entry in entries(settings.content):
            if isinstance(entry, Skipped):
                yield entry
                continue
            path, rel = entry
            if path.suffix.lower() not in SUPPORTED:
                ignored.append(rel)
                continue
            for draft in read_file(path, rel, settings):
                yield draft if isinstance(draft, Skipped) else clean(draft, rules)

    corpus, _ = collect(results(), ignored)
    return corpus


def collect(results: Iterable[Article | Skipped], ignored: Iterable[str] = ()) -> tuple[CorpusResult, list[int]]:
    """The corpus from articles and skips in reading order: exact duplicates are skipped (the first one
    is kept), near-duplicates get a warning. Also returns each kept article's index in ``results``."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    kept: list[int] = []
    first_with: dict[str, str] = {}
    for index, result in enumerate(results):
        if isinstance(result, Skipped):
            skipped.append(result)
            continue
        key = hashlib.sha256(result.text.encode("utf-8")).hexdigest()
        if key in first_with:
            skipped.append(Skipped(result.path, f"same text as {first_with[key]}; read once"))
            continue
        first_with[key] = result.path
        articles.append(result)
        kept.append(index)
    for i, j, score in near_duplicates([a.text for a in articles], NEAR_DUPLICATE):
        a, b = articles[i], articles[j]
        articles[i] = _with_warning(a, f"near-duplicate of {b.path} ({score:.0%} shared wording); both kept")
        articles[j] = _with_warning(b, f"near-duplicate of {a.path} ({score:.0%} shared wording); both kept")
    return CorpusResult(tuple(articles), tuple(skipped), tuple(ignored)), kept
