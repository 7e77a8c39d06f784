"""Draft -> Article: mojibake repair, whitespace, metadata lines, title, boilerplate, paragraphs."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefgen.corpus.boilerplate import Line, Rules, strip_boilerplate
from briefgen.corpus.decode import is_damaged, normalise_line, repair_mojibake, split_lines
from briefgen.corpus.formats import Draft
from briefgen.corpus.metadata import date_in_file_name, infer, outlet_in_file_name, take_header_lines, take_title
from briefgen.records import Article, Paragraph, Removed, Skipped

# --- Markdown to plain text (line-based; Markdown is a light format and we keep its line numbers) ---

_MD_HEADING = re.compile(r"#{1,6}\s+(.*?)(?:\s+#+)?")
_MD_ITEM = re.compile(r"(?:[-*+]|\d{1,3}[.)])\s+(.*)")
_MD_QUOTE = re.compile(r">\s?(.*)")
_MD_RULE = re.compile(r"(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}")
_MD_FENCE = re.compile(r"(?:```|~~~).*")
_MD_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*\\])\*(?=\S)(.+?)(?<=[^\s\\])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w\\])_(?=\S)(.+?)(?<=[^\s\\])_(?!\w)"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])"), r"\1"),
)


def markdown_inline(text: str) -> str:
    """Markdown inline markup (links, emphasis, code, escapes) reduced to its text."""
    if not any(ch in text for ch in "[*_`\\<"):
        return text
    for pattern, repl in _MD_INLINE:
        text = pattern.sub(repl, text)
    return " ".join(text.split())


def markdown_lines(lines: Sequence[Line]) -> tuple[list[Line], list[Removed], set[int]]:
    """Block markup stripped from each line; the line numbers that start a new paragraph."""
    kept: list[Line] = []
    removed: list[Removed] = []
    starts: set[int] = set()
    for line in lines:
        text = line.text
        if _MD_RULE.fullmatch(text) or _MD_FENCE.fullmatch(text):
            removed.append(Removed(line.number, text, "markdown-rule"))
            kept.append(Line(line.number, ""))
            continue
        quoted = _MD_QUOTE.fullmatch(text)
        if quoted:
            text = quoted.group(1)
        heading = _MD_HEADING.fullmatch(text)
        item = _MD_ITEM.fullmatch(text)
        if heading:
            text = heading.group(1)
            starts.add(line.number)
        elif item:
            text = item.group(1)
            starts.add(line.number)
        kept.append(Line(line.number, text))
    return kept, removed, starts


# --- paragraphs --------------------------------------------------------------------------------------


def _blocks(lines: Sequence[Line], starts: set[int]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if not line.text or line.number in starts:
            if current:
                blocks.append(current)
            current = [line] if line.text else []
            if line.text and line.number in starts:
                blocks.append(current)
                current = []
            continue
        current.append(line)
    if current:
        blocks.append(current)
    return blocks


def is_hard_wrapped(lines: Sequence[Line]) -> bool:
    """True when blank lines separate paragraphs and the lines inside them are wrapped at a fixed width."""
    # Wrapped lines break mid-sentence; one-paragraph-per-line text ends (almost) every line with a full stop.
    blocks = _blocks(lines, set())
    text_lines = sum(len(b) for b in blocks)
    inner = [line.text for b in blocks if len(b) > 1 for line in b[:-1]]
    if len(inner) < 2:
        return False
    in_multi = sum(len(b) for b in blocks if len(b) > 1)
    mid_sentence = sum(1 for t in inner if not t.rstrip("”’\"')").endswith((".", "!", "?", ":")))
    mean = sum(len(t) for t in inner) / len(inner)
    return (
        in_multi * 2 >= text_lines and mid_sentence * 2 >= len(inner) and max(map(len, inner)) <= 100 and mean >= 30
    )


def paragraphs_of(blocks: Sequence[str]) -> tuple[str, tuple[Paragraph, ...]]:
    """The cleaned text (paragraphs joined by a blank line) and each paragraph's span, numbered from 1."""
    parts: list[str] = []
    spans: list[Paragraph] = []
    offset = 0
    for block in blocks:
        if not block:
            continue
        if parts:
            offset += 2
        spans.append(Paragraph(len(spans) + 1, offset, offset + len(block)))
        parts.append(block)
        offset += len(block)
    return "\n\n".join(parts), tuple(spans)


_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")


def same_title(line: str, title: str) -> bool:
    """True when a line is the title, or the title with the site's name after a separator (or vice versa)."""
    a, b = (" ".join(x.casefold().split()) for x in (line, title))
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return bool(short) and long.startswith(short) and long[len(short) :].startswith(_TITLE_SEPARATORS)


def _meta_text(value: str | None) -> str | None:
    """A metadata string repaired and normalised like the body."""
    return normalise_line(repair_mojibake(value)[0]) or None if value else None


def clean(draft: Draft, rules: Rules) -> Article | Skipped:
    """Repair, normalise and strip one draft into an Article; Skipped when no text is left."""
    text, damaged = repair_mojibake(draft.text)
    warnings = list(draft.warnings)
    lines = [Line(draft.first_line + i, normalise_line(raw)) for i, raw in enumerate(split_lines(text))]
    if damaged:
        line = next((x.number for x in lines if is_damaged(x.text)), draft.first_line)
        warnings.append(f"line {line}: text still has damaged characters (mojibake or '\ufffd') after repair")
    removed: list[Removed] = []
    starts: set[int] = set()
    if draft.mode == "markdown":
        lines, md_removed, starts = markdown_lines(lines)
        removed.extend(md_removed)
        lines = [Line(x.number, markdown_inline(x.text)) if "![" not in x.text else x for x in lines]
    lines, header_removed, header = take_header_lines(lines)
    removed.extend(header_removed)
    lines, bp_removed = strip_boilerplate(lines, rules)
    removed.extend(bp_removed)
    wrapped = draft.mode == "auto" and is_hard_wrapped(lines)
    title = _meta_text(draft.meta.get("title") or header.get("title"))
    if title:
        first = next((x for x in lines if x.text), None)
        if first is not None and same_title(first.text, title):
            lines = [x for x in lines if x is not first]
    else:
        lines, title = take_title(lines, alone=wrapped or draft.mode == "markdown", starts=frozenset(starts))
    if draft.mode == "markdown":
        blocks = [" ".join(markdown_inline(x.text) for x in block) for block in _blocks(lines, starts)]
    elif wrapped:
        blocks = [" ".join(x.text for x in block) for block in _blocks(lines, set())]
    else:
        blocks = [x.text for x in lines if x.text]
    body, paragraphs = paragraphs_of([" ".join(b.split()) for b in blocks])
    if not paragraphs:
        reason = "no article text left after removing boilerplate" if removed else "no article text"
        return Skipped(draft.path, reason)
    found = infer(lines, removed, header, rules)
    meta = draft.meta
    removed.sort(key=lambda r: r.line)
    published = meta.get("published") or found.published
    basis = "metadata" if meta.get("published") else found.date_basis
    file_date = None if published else date_in_file_name(draft.path)
    return Article(
        path=draft.path,
        text=body,
        paragraphs=paragraphs,
        title=title,
        outlet=_meta_text(meta.get("outlet")) or found.outlet or outlet_in_file_name(draft.path),
        url=meta.get("url") or found.url,
        published=published or file_date,
        date_from_file=file_date is not None,
        month_day=None if meta.get("published") else found.month_day,
        date_basis="file name" if file_date else basis,
        language=meta.get("language") or found.language,
        tags=meta.get("tags") or found.tags,
        slug=meta.get("slug"),
        content_hash=draft.content_hash,
        warnings=tuple(warnings),
        removed=tuple(removed),
        dateline=found.dateline,
    )
