"""Readers for each article format: bytes -> Draft (decoded body text plus explicit metadata)."""

from __future__ import annotations

import codecs
import hashlib
import html
import json
import logging
import os
import re
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal

import yaml

from briefgen.corpus.decode import NotText, binary_kind, decode_bytes, split_lines
from briefgen.corpus.metadata import parse_date
from briefgen.records import Skipped

Mode = Literal["auto", "lines", "markdown"]
FORMATS = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
MIN_HTML_WORDS = 8  # less than a sentence: a menu or a cookie banner, not an article
META_KEYS = ("title", "url", "outlet", "published", "language", "tags", "slug")
MAX_DEPTH = 20  # nesting of front matter YAML: real metadata is 1-2 levels deep
MAX_LINE_SKIPS = 20  # per .jsonl file (or byte range): further bad lines are counted, not listed
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Draft:
    """An article as read, before cleaning: body text, where it starts, metadata the format states."""

    path: str
    text: str
    content_hash: str
    first_line: int = 1
    mode: Mode = "auto"
    meta: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def _hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def open_regular(path: Path) -> BinaryIO | str:
    """The file opened for reading, or why not: only regular files (a FIFO would block, a device never ends)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return f"cannot read file: {exc.strerror or exc}"
    try:
        mode = os.fstat(fd).st_mode
    except OSError as exc:
        os.close(fd)
        return f"cannot read file: {exc.strerror or exc}"
    if not stat.S_ISREG(mode):
        os.close(fd)
        return f"not a regular file ({file_kind(mode)}); not read"
    return os.fdopen(fd, "rb")


def file_kind(mode: int) -> str:
    """A name for a kind of file that is not a regular one."""
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def read_bounded(path: Path, limit: int) -> bytes | str:
    """A regular file's bytes, or why not; the size is checked while reading (``st_size`` may lie)."""
    handle = open_regular(path)
    if isinstance(handle, str):
        return handle
    with handle:
        try:
            raw = handle.read(limit + 1)
        except OSError as exc:
            return f"cannot read file: {exc.strerror or exc}"
    if len(raw) > limit:
        return (
            f"file is more than max_article_bytes ({limit:,}) bytes; "
            "raise max_article_bytes in site_config/briefgen.yml to read it"
        )
    return raw


def scrub(text: str) -> tuple[str, bool]:
    """Text with lone surrogates (from JSON escapes such as \\ud800) replaced by U+FFFD; True if any were."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace"), True
    return text, False


def decode_text(raw: bytes, rel: str, line: int | None = None) -> tuple[str, tuple[str, ...]] | Skipped:
    """Bytes to text, or a Skipped saying why they are not an article."""
    if not raw.strip():
        return Skipped(rel, "empty file" if not raw else "only whitespace", line)
    kind = binary_kind(raw)
    if kind is not None:
        return Skipped(rel, f"not a text file: {kind}", line)
    try:
        decoded = decode_bytes(raw)
    except NotText as exc:
        return Skipped(rel, str(exc), line)
    if not decoded.text.strip():
        return Skipped(rel, "only whitespace", line)
    return decoded.text, decoded.warnings


def read_txt(raw: bytes, rel: str) -> Draft | Skipped:
    """A plain-text article."""
    decoded = decode_text(raw, rel)
    if isinstance(decoded, Skipped):
        return decoded
    text, warnings = decoded
    return Draft(rel, text, _hash(raw), warnings=warnings)


# --- Markdown with YAML front matter -----------------------------------------------------------------

class FrontMatterLoader(yaml.SafeLoader):
    """Front matter as plain data: no aliases (a 553-byte alias bomb expands to gigabytes), nesting at
    most MAX_DEPTH deep, and dates left as text (``published: 2025-02-30`` is a typo to report, not a crash)."""

    yaml_implicit_resolvers = {  # noqa: RUF012 - the shape PyYAML reads
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        """A node, refusing aliases and deep nesting."""
        event = self.peek_event()  # type: ignore[no-untyped-call]
        mark: Any = event.start_mark
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {MAX_DEPTH} levels deep", mark
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_FENCE = re.compile(r"---\s*")
_FENCE_END = re.compile(r"(?:---|\.\.\.)\s*")


def clean_meta(data: Mapping[str, Any], where: str) -> tuple[dict[str, Any], list[str]]:
    """Keep the known metadata keys with the right types; a warning for each unusable value."""
    meta: dict[str, Any] = {}
    warnings: list[str] = []
    for key in META_KEYS:
        value = data.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, str):
            value, damaged = scrub(value)
            if damaged:
                warnings.append(f"{where}: '{key}' has invalid characters (lone surrogates); replaced")
        if key == "published":
            date = parse_date(value if not isinstance(value, int | float) else str(value))
            if date is None:
                warnings.append(f"{where}: 'published' {value!r} is not a date (use YYYY-MM-DD); ignored")
            else:
                meta[key] = date
        elif key == "tags":
            items = value.split(",") if isinstance(value, str) else value
            if not isinstance(items, list):
                warnings.append(f"{where}: 'tags' must be a list of words; ignored")
                continue
            meta[key] = tuple(scrub(str(t).strip())[0] for t in items if str(t).strip())
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            meta[key] = " ".join(str(value).split())
        else:
            warnings.append(f"{where}: '{key}' must be text, not {type(value).__name__}; ignored")
    return meta, warnings


def read_md(raw: bytes, rel: str) -> Draft | Skipped:
    """A Markdown article with optional YAML front matter (which always wins over inference)."""
    decoded = decode_text(raw, rel)
    if isinstance(decoded, Skipped):
        return decoded
    text, decode_warnings = decoded
    lines = split_lines(text)
    if not lines or not _FENCE.fullmatch(lines[0].lstrip("\ufeff")):
        return Draft(rel, text, _hash(raw), mode="markdown", warnings=decode_warnings)
    end = next((i for i in range(1, len(lines)) if _FENCE_END.fullmatch(lines[i])), None)
    if end is None:
        return Skipped(rel, "front matter opened with '---' is never closed (add a '---' line after it)", 1)
    warnings = list(decode_warnings)
    meta: dict[str, Any] = {}
    try:
        data = yaml.load("\n".join(lines[1:end]), Loader=FrontMatterLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark is not None else 1
        warnings.append(f"line {line}: invalid YAML in front matter ({exc.problem or exc.context}); metadata ignored")
        data = None
    except yaml.YAMLError as exc:
        warnings.append(f"line 1: invalid YAML in front matter ({exc}); metadata ignored")
        data = None
    if isinstance(data, dict):
        # 'date:' (Jekyll, Hugo) is the publication date and 'source:' the outlet, as in .jsonl records, when
        # 'published:' and 'outlet:' are not given ('source:' holding a link is the URL)
        data = dict(data)
        if isinstance(data.get("source"), str) and data["source"].startswith(("http://", "https://")):
            data.setdefault("url", data.pop("source"))
        data.setdefault("published", data.get("date"))
        if not data.get("outlet") and isinstance(data.get("source"), str):
            data["outlet"] = data["source"]
        meta, meta_warnings = clean_meta(data, "front matter")
        warnings.extend(meta_warnings)
    elif data is not None:
        warnings.append("line 2: front matter is not a mapping of keys to values; metadata ignored")
    body = "\n".join(lines[end + 1 :])
    return Draft(rel, body, _hash(raw), first_line=end + 2, mode="markdown", meta=meta, warnings=tuple(warnings))


# --- HTML -------------------------------------------------------------------------------------------


_HTML_META = {"title": "title", "url": "url", "outlet": "sitename", "published": "date", "language": "language"}


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _declared_charset(raw: bytes) -> str | None:
    """The page's declared legacy encoding, when its bytes are not UTF-8 (a UTF-8 page needs no help)."""
    try:
        raw.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(raw[:4096])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


HTML_MISSING = "HTML support is not installed"


def html_support_missing(exc: BaseException) -> str:
    """The skip reason when trafilatura cannot be imported: which package is missing and how to add it."""
    name = getattr(exc, "name", None) or ""
    if "html_clean" in name or "html.clean" in name or "html_clean" in str(exc) or "html-clean" in str(exc):
        package = "lxml_html_clean"
    elif name.split(".")[0] in ("", "trafilatura"):
        package = "trafilatura"
    else:
        package = name.split(".")[0]
    spec = "trafilatura>=2" if package == "trafilatura" else package
    detail = (str(exc).splitlines() or [type(exc).__name__])[0]
    return f"{HTML_MISSING}: {package} cannot be imported ({detail}); fix: pip install '{spec}'"


_TITLE_TAG = re.compile(r"<title[^>]*>([^<]{1,300})</title>", re.IGNORECASE)
_SITE_SUFFIX = re.compile(r".{8,}\s[|–—]\s([^|–—]{2,40})")
SITE_WORDS = 4  # a page title's last part after '|' of at most this many words is the site's name


def title_site(page: str) -> str | None:
    """The site's name a page's <title> ends with ('Port reopens after attack | Harbour Times' -> 'Harbour Times'),
    None without one ('Port reopens | Live', a lower-case part, or a longer part are no name)."""
    found = _TITLE_TAG.search(page, 0, 20_000)
    match = _SITE_SUFFIX.fullmatch(html.unescape(found.group(1)).strip()) if found else None
    if match is None:
        return None
    name = match.group(1).strip()
    words = name.split()
    if len(words) > SITE_WORDS or not all(w[0].isupper() or not w[0].isalpha() for w in words) or len(words) < 2:
        return None
    return name


def read_html(raw: bytes, rel: str) -> Draft | Skipped:
    """A saved web page: main text and metadata through trafilatura (imported only when needed)."""
    declared = _declared_charset(raw)
    decoded = decode_text(raw, rel) if declared is None else (raw.decode(declared, errors="replace"), ())
    if isinstance(decoded, Skipped):
        return decoded
    page, warnings = decoded
    try:
        import trafilatura
    except Exception as exc:  # an optional part missing or broken: skip the page, never crash the build
        return Skipped(rel, html_support_missing(exc))

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        # their log lines ("empty HTML tree", "discarding data") would reach the terminal unformatted;
        # briefgen reports the outcome itself, as a skip or a warning naming the file
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)

    try:
        doc = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            favor_recall=True,
            include_comments=False,
            include_tables=False,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken pages
        return Skipped(rel, f"cannot parse HTML: {exc}")
    text = getattr(doc, "text", None)
    if not isinstance(text, str) or len(text.split()) < MIN_HTML_WORDS:
        return Skipped(rel, "no article text found in the HTML page")
    fields = {key: getattr(doc, attr, None) for key, attr in _HTML_META.items()}
    fields["outlet"] = fields["outlet"] or title_site(page)
    fields["tags"] = [t for t in (getattr(doc, "tags", None) or []) + (getattr(doc, "categories", None) or []) if t]
    meta, meta_warnings = clean_meta(fields, "page metadata")
    return Draft(rel, text, _hash(raw), mode="lines", meta=meta, warnings=(*warnings, *meta_warnings))


# --- JSON Lines -------------------------------------------------------------------------------------

_ALIASES = {"published": ("published", "publishedAt", "published_at", "date"), "outlet": ("outlet", "source")}


def _json_meta(obj: Mapping[str, Any]) -> dict[str, Any]:
    data = {key: obj.get(key) for key in META_KEYS}
    for key, names in _ALIASES.items():
        value = next((obj[n] for n in names if obj.get(n)), None)
        if isinstance(value, Mapping):
            value = value.get("name")
        data[key] = value
    return data


def jsonl_record(raw: bytes, rel: str, number: int, max_bytes: int) -> Draft | Skipped | None:
    """The draft of one ``.jsonl`` line (None for a blank line), or why it is not an article."""
    if not raw.strip():
        return None
    if len(raw) > max_bytes:
        return Skipped(rel, f"line is {len(raw):,} bytes, more than max_article_bytes ({max_bytes:,})", number)
    try:  # a cheap first look: most bad lines are not JSON at all, and decoding costs ~50 µs a line
        json.loads(raw)
    except json.JSONDecodeError as exc:
        return Skipped(rel, f"not valid JSON ({exc.msg} at column {exc.colno})", number)
    except (UnicodeDecodeError, RecursionError):
        pass  # not UTF-8 (decoded below) or nested too deep (reported below)
    decoded = decode_text(raw, rel, number)
    if isinstance(decoded, Skipped):
        return decoded
    line, warnings = decoded
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Skipped(rel, f"not valid JSON ({exc.msg} at column {exc.colno})", number)
    except RecursionError:
        return Skipped(rel, "not valid JSON (nested too deep)", number)
    if not isinstance(obj, dict):
        return Skipped(rel, "not a JSON object", number)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return Skipped(rel, "no 'text' field with the article text", number)
    text, damaged = scrub(text)
    if damaged:
        warnings = (*warnings, f"line {number}: 'text' has invalid characters (lone surrogates); replaced")
    meta, meta_warnings = clean_meta(_json_meta(obj), f"line {number}")
    return Draft(f"{rel}:{number}", text, _hash(raw), meta=meta, warnings=(*warnings, *meta_warnings))


def read_jsonl(
    path: Path, rel: str, max_bytes: int, start: int = 0, end: int | None = None, lines_before: int = 0
) -> Iterator[Draft | Skipped]:
    """One article per line: ``text`` required; title, url, outlet, published, language, tags, slug optional.

    With ``start``/``end`` only the lines that begin in that byte range are read (the line running across
    ``start`` belongs to the range before, like ``dask.bag.read_text(blocksize=...)``); ``lines_before`` is
    the number of line breaks before ``start``, so line numbers stay those of the whole file.
    """
    handle = open_regular(path)
    if isinstance(handle, str):
        yield Skipped(rel, handle)
        return
    with handle:
        number = lines_before
        position = start
        if start > 0:
            handle.seek(start - 1)
            if handle.read(1) != b"\n":
                position += _skip_line(handle)  # the tail of a line owned by the range before
                number += 1
        skips = hidden = 0
        while end is None or position < end:
            raw = handle.readline(max_bytes + 1)  # a line is never read whole when it is too long
            if not raw:
                break
            number += 1
            position += len(raw)
            record: Draft | Skipped | None
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                position += _skip_line(handle)
                record = Skipped(rel, f"line is more than max_article_bytes ({max_bytes:,}) bytes", number)
            elif skips >= MAX_LINE_SKIPS and raw.lstrip().removeprefix(codecs.BOM_UTF8)[:1] not in (b"{", b""):
                skips += 1  # past the listed ones, a line that cannot be an object is only counted
                hidden += 1
                continue
            else:
                try:
                    record = jsonl_record(raw, rel, number, max_bytes)
                except Exception as exc:  # one line never stops the file
                    record = Skipped(rel, f"cannot read line ({type(exc).__name__}: {exc})", number)
            if isinstance(record, Skipped):
                skips += 1
                if skips > MAX_LINE_SKIPS:
                    hidden += 1
                    continue
            if record is not None:
                yield record
        if hidden:
            yield Skipped(rel, f"{hidden:,} more bad lines skipped (only the first {MAX_LINE_SKIPS} are listed)")


def _skip_line(handle: BinaryIO) -> int:
    """Read past the rest of the current line in bounded pieces; the number of bytes passed."""
    passed = 0
    while True:
        piece = handle.readline(_CHUNK)
        passed += len(piece)
        if not piece or piece.endswith(b"\n"):
            return passed
