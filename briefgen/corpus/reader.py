"""Discover article files and turn each into a cleaned Article (or a Skipped with a reason)."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefgen.config import Settings
from briefgen.corpus.boilerplate import PROJECT_FILE, Rules, load_rules
from briefgen.corpus.clean import clean, paragraphs_of
from briefgen.corpus.dedupe import near_duplicates
from briefgen.corpus.formats import FORMATS, Draft, file_kind, read_bounded, read_html, read_jsonl, read_md, read_txt
from briefgen.records import Article, Skipped

SUPPORTED = FORMATS
NEAR_DUPLICATE = 0.8
MAX_FOLDER_DEPTH = 32  # folders below content/; deeper ones are reported, not walked

__all__ = [
    "SUPPORTED", "CorpusResult", "clean_safely", "collect", "entries", "paragraphs_of", "read_article", "read_corpus",
    "read_single",
]


@dataclass(frozen=True, slots=True)
class CorpusResult:
    """The readable articles, the skipped inputs and the ignored file names."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    ignored: tuple[str, ...]


def printable_name(rel: str) -> str:
    """A path as text that can be printed and stored: undecodable bytes of a file name shown as \\xNN."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return rel


def entries(content: Path) -> Iterator[tuple[Path, str] | Skipped]:
    """Files below content/ in a stable order; hidden ones skipped, symlinks leaving content/ refused,
    file names that are not UTF-8, folders nested too deep and anything but regular files reported."""
    root = content.resolve()
    for folder, dirs, files in os.walk(content, followlinks=False):
        base = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        depth = len(base.relative_to(content).parts)
        if depth >= MAX_FOLDER_DEPTH and dirs:
            rel = printable_name(base.relative_to(content).as_posix())
            yield Skipped(rel, f"folders nested more than {MAX_FOLDER_DEPTH} deep; not read")
            dirs[:] = []
        for name in list(dirs):
            path = base / name
            if path.is_symlink():
                dirs.remove(name)  # never walk into a linked folder (loops, or files outside content/)
                if not path.resolve().is_relative_to(root):
                    rel = printable_name(path.relative_to(content).as_posix())
                    yield Skipped(rel, "symlink to a folder outside content/ (not followed)")
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = base / name
            rel = path.relative_to(content).as_posix()
            if printable_name(rel) != rel:
                yield Skipped(printable_name(rel), "file name is not valid UTF-8; rename the file to read it")
                continue
            if path.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    yield Skipped(rel, "broken symlink")
                    continue
                if not target.is_relative_to(root):
                    yield Skipped(rel, f"symlink points outside content/ ({target}); not followed")
                    continue
            try:
                mode = path.stat().st_mode
            except OSError as exc:
                yield Skipped(rel, f"cannot read file: {exc.strerror or exc}")
                continue
            if not stat.S_ISREG(mode):
                yield Skipped(rel, f"not a regular file ({file_kind(mode)}); not read")
                continue
            yield path, rel


def read_file(path: Path, rel: str, settings: Settings) -> Iterator[Draft | Skipped]:
    """The drafts of one file (several for .jsonl), or why it cannot be read."""
    if path.suffix.lower() == ".jsonl":
        yield from read_jsonl(path, rel, settings.max_article_bytes)
    else:
        yield from read_single(path, rel, settings.max_article_bytes)


def read_single(path: Path, rel: str, limit: int) -> Iterator[Draft | Skipped]:
    """The draft of a file holding one article (or a whole ``.jsonl`` file's drafts), or why not.

    Whatever reading one file raises becomes a Skipped naming the file: one article never stops a build."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(path, rel, limit)
        return
    raw = read_bounded(path, limit)
    if isinstance(raw, str):
        yield Skipped(rel, raw)
        return
    try:
        if suffix in (".md", ".markdown"):
            yield read_md(raw, rel)
        elif suffix in (".html", ".htm"):
            yield read_html(raw, rel)
        else:
            yield read_txt(raw, rel)
    except Exception as exc:
        yield Skipped(rel, f"cannot read article ({type(exc).__name__}: {exc})")


def clean_safely(draft: Draft, rules: Rules) -> Article | Skipped:
    """``clean`` with per-article isolation: a failure skips the article with its reason."""
    try:
        return clean(draft, rules)
    except Exception as exc:
        rel, _, line = draft.path.rpartition(":") if draft.path.endswith(tuple("0123456789")) else ("", "", "")
        if rel and line.isdigit():
            return Skipped(rel, f"cannot clean article ({type(exc).__name__}: {exc})", int(line))
        return Skipped(draft.path, f"cannot clean article ({type(exc).__name__}: {exc})")


def read_article(path: Path, rel: str, settings: Settings, rules: Rules | None = None) -> Article | Skipped:
    """Read and clean one single-article file."""
    rules = rules or load_rules(settings.site_config / PROJECT_FILE)
    for draft in read_file(path, rel, settings):
        return draft if isinstance(draft, Skipped) else clean_safely(draft, rules)
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
                yield draft if isinstance(draft, Skipped) else clean_safely(draft, rules)

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
