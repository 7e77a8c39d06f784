"""Discover article files and turn each into a cleaned Article (or a Skipped with a reason)."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefgen.config import Settings
from briefgen.records import Article, Paragraph, Skipped

SUPPORTED = (".txt",)


@dataclass(frozen=True, slots=True)
class CorpusResult:
    """The readable articles, the skipped inputs and the ignored file names."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    ignored: tuple[str, ...]


def _files(content: Path) -> Iterator[Path]:
    for path in sorted(content.rglob("*")):
        rel = path.relative_to(content)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file():
            yield path


def paragraphs_of(lines: list[str]) -> tuple[str, tuple[Paragraph, ...]]:
    """Join non-empty lines into a text with one paragraph per line, separated by blank lines."""
    parts: list[str] = []
    spans: list[Paragraph] = []
    offset = 0
    for line in lines:
        line = " ".join(line.split())
        if not line:
            continue
        if parts:
            offset += 2
        spans.append(Paragraph(len(spans) + 1, offset, offset + len(line)))
        parts.append(line)
        offset += len(line)
    return "\n\n".join(parts), tuple(spans)


def read_article(path: Path, rel: str) -> Article | Skipped:
    """Read one plain-text article."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Skipped(rel, f"cannot read file: {exc.strerror or exc}")
    if not raw.strip():
        return Skipped(rel, "empty file")
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Skipped(rel, f"not valid UTF-8 at byte {exc.start}")
    text, paragraphs = paragraphs_of(unicodedata.normalize("NFC", decoded).splitlines())
    if not paragraphs:
        return Skipped(rel, "no text")
    return Article(
        path=rel,
        text=text,
        paragraphs=paragraphs,
        content_hash=hashlib.sha256(raw).hexdigest(),
    )


def read_corpus(settings: Settings) -> CorpusResult:
    """Read every supported article below the content folder, in a stable order."""
    content = settings.content
    articles: list[Article] = []
    skipped: list[Skipped] = []
    ignored: list[str] = []
    for path in _files(content):
        rel = path.relative_to(content).as_posix()
        if path.suffix.lower() not in SUPPORTED:
            ignored.append(rel)
            continue
        result = read_article(path, rel)
        (articles if isinstance(result, Article) else skipped).append(result)  # type: ignore[arg-type]
    return CorpusResult(tuple(articles), tuple(skipped), tuple(ignored))
