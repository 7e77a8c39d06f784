"""Metadata the text itself gives: headline, source URL line, dateline, outlet signatures, dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from briefgen.corpus.boilerplate import Line, Rules
from briefgen.records import Removed

_URL_LINE = re.compile(
    r"(?:source|url|link|original(?:ly published)?(?: at| on)?|read (?:it|the original) at)\s*:?\s*<?(https?://\S+?)>?",
    re.IGNORECASE,
)
_BARE_URL = re.compile(r"<?(https?://\S+?)>?")
_HEADER = re.compile(
    r"(title|headline|outlet|publication|publisher|published|date|language|tags)\s*:\s*(.+)", re.IGNORECASE
)
_HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "publication": "outlet",
    "publisher": "outlet",
    "published": "published",
    "date": "published",
    "language": "language",
    "tags": "tags",
}
_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (dt.date(2000, number, 1).strftime("%B"), dt.date(2000, number, 1).strftime("%b"))
}
_MONTHS["sept"] = 9
_MONTH = r"(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATELINE = re.compile(
    rf"(?P<place>[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){{0,3}}?)"
    rf"(?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?))?"
    r"\s*(?P<agency>\([A-Za-z .&-]{1,30}\))?\s*[—–-]{1,2}\s+\S",
)


@dataclass(frozen=True, slots=True)
class Found:
    """Metadata inferred from the text (None when the text does not say)."""

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    dateline: str | None = None


_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_file_name(path: str) -> str | None:
    """The date in an article's file name ("2025-02-13-talks.md", "20250213_talks.txt"), or None.

    Only the name counts, never the file's modification time: a fresh clone would change every date.
    """
    name = path.replace("\\", "/").rsplit("/", 1)[-1].split(":", 1)[0]
    found = _FILE_DATE.search(name)
    return parse_date("-".join(found.groups())) if found else None


def parse_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date object or a common written form; None if unsure."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        parts = (int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    else:
        words = re.findall(r"[A-Za-z]+|\d+", text)
        year = next((int(w) for w in words if len(w) == 4 and w.isdigit()), None)
        month = next((_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS), None)
        day = next((int(w) for w in words if w.isdigit() and len(w) <= 2), None)
        if year is None or month is None or day is None:
            return None
        parts = (year, month, day)
    try:
        return dt.date(*parts).isoformat()
    except ValueError:
        return None


def outlet_of_url(url: str, rules: Rules) -> str | None:
    """The outlet's name for a URL: a known domain's name, else the host name without 'www.'."""
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return None
    labels = host.split(".")
    for cut in range(len(labels) - 1):
        name = rules.outlets.get(".".join(labels[cut:]))
        if name:
            return name
    return host.removeprefix("www.")


def take_header_lines(lines: Sequence[Line]) -> tuple[list[Line], list[Removed], dict[str, str]]:
    """Lift `Source: <url>` lines (anywhere) and `Title:`/`Published:`-style lines (at the top) out of the body."""
    kept: list[Line] = []
    removed: list[Removed] = []
    found: dict[str, str] = {}
    at_top = True
    for line in lines:
        if not line.text:
            kept.append(line)
            continue
        url = _URL_LINE.fullmatch(line.text) or (_BARE_URL.fullmatch(line.text) if at_top else None)
        header = _HEADER.fullmatch(line.text) if at_top else None
        if url and "url" not in found:
            found["url"] = url.group(1)
            removed.append(Removed(line.number, line.text, "source-line"))
            continue
        if header and _HEADER_KEYS[header.group(1).lower()] not in found:
            key = _HEADER_KEYS[header.group(1).lower()]
            if key != "published" or parse_date(header.group(2)):
                found[key] = header.group(2).strip()
                removed.append(Removed(line.number, line.text, "header-line"))
                continue
        at_top = False
        kept.append(line)
    return kept, removed, found


def _is_title(text: str, following: Sequence[Line]) -> bool:
    words = len(text.split())
    return (
        2 <= words <= 25
        and len(text) <= 200
        and not text.rstrip("”’\"')").endswith((".", ",", ";", ":"))
        and ". " not in text
        and _DATELINE.match(text) is None
        and any(len(line.text.split()) > words for line in following)
    )


def take_title(
    lines: Sequence[Line], alone: bool = False, starts: frozenset[int] = frozenset()
) -> tuple[list[Line], str | None]:
    """A first-line headline is the title (and leaves the body); otherwise no title."""
    # With ``alone`` (wrapped text, Markdown) the headline must be a paragraph of its own: followed by a
    # blank line, or itself or the next line a block start (a Markdown heading or list item).
    for index, line in enumerate(lines):
        if line.text:
            following = lines[index + 1 : index + 2]
            joined = following and following[0].text and not {line.number, following[0].number} & starts
            if alone and joined:
                break
            if _is_title(line.text, lines[index + 1 :]):
                return [*lines[:index], *lines[index + 1 :]], line.text
            break
    return list(lines), None


def dateline(first: str, rules: Rules) -> tuple[str | None, str | None, str | None]:
    """(place, ISO date, outlet) of a dateline such as "BRUSSELS, Feb 13 (Reuters) — …"."""
    match = _DATELINE.match(first)
    if match is None:
        return None, None, None
    place = match.group("place").strip(" ,")
    date = parse_date(match.group("date")) if match.group("date") else None
    outlet = signature(match.group("agency") or "", rules)
    return place, date, outlet


def signature(text: str, rules: Rules) -> str | None:
    """The outlet whose signature (e.g. "(Reuters)") appears in a text."""
    if not text:
        return None
    for outlet, pattern in rules.signatures:
        if pattern.search(text):
            return outlet
    return None


def outlet_from_removed(removed: Sequence[Removed], rules: Rules) -> str | None:
    """An outlet named by a dropped tail line whose rule captures it (e.g. "A Message from <outlet>:")."""
    by_name = dict(rules.tails)
    for item in removed:
        pattern = by_name.get(item.rule)
        match = pattern.fullmatch(item.text) if pattern is not None else None
        if match is not None and "outlet" in pattern.groupindex and match.group("outlet"):  # type: ignore[union-attr]
            return match.group("outlet").strip()
    for item in removed:
        outlet = signature(item.text, rules)
        if outlet:
            return outlet
    return None


def infer(lines: Sequence[Line], removed: Sequence[Removed], header: dict[str, str], rules: Rules) -> Found:
    """Everything the text says about itself, from its header lines, dateline, signatures and tails."""
    first = next((line.text for line in lines if line.text), "")
    place, date, agency = dateline(first, rules)
    url = header.get("url")
    tags = tuple(t.strip() for t in header.get("tags", "").split(",") if t.strip())
    outlet = (
        header.get("outlet")
        or (outlet_of_url(url, rules) if url else None)
        or agency
        or outlet_from_removed(removed, rules)
        or next((o for o in (signature(line.text, rules) for line in lines[-3:]) if o), None)
    )
    return Found(
        title=header.get("title"),
        url=url,
        outlet=outlet,
        published=parse_date(header["published"]) if "published" in header else date,
        language=header.get("language"),
        tags=tags,
        dateline=place,
    )
