"""Metadata the text itself gives: headline, source URL line, dateline, outlet signatures, dates."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from briefgen.corpus.boilerplate import Line, Rules
from briefgen.extract.lexicon import load_data
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
_DATE_PART = rf"(?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?))?"
# capital and small letters of the Latin alphabets with diacritics too ('BRĂTENI, Romania (AP) —', 'MÜNCHEN, …')
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper() and c.lower() != c)
_LOWER = "a-z" + "".join(c for c in map(chr, range(0xDF, 0x250)) if c.islower())
_DATELINE_CAPS = re.compile(
    rf"(?P<place>[{_UPPER}][{_UPPER}.'’-]+(?:[ ,]+[{_UPPER}][{_UPPER}{_LOWER}.'’-]+){{0,4}}?){_DATE_PART}"
    r"\s*(?P<agency>\([A-Za-z .&-]{1,30}\))?\s*[—–-]{1,2}\s+\S",
)
# "Luanda (AFP) - …": a place in title case is a dateline only with a wire's name after it (an acronym,
# Reuters or dpa), not any word in brackets ("Officials (who) - …")
_DATELINE_AGENCY = re.compile(
    rf"(?P<place>[{_UPPER}][{_LOWER}'’-]+(?:\s[{_UPPER}][{_LOWER}'’-]+){{0,2}}){_DATE_PART}"
    r"\s*(?P<agency>\((?:[A-Z]{2,6}|Reuters|dpa)\))\s*[—–-]{1,2}\s+\S",
)


class _Dateline:
    """Both dateline patterns behind one ``match`` (capitals, or a title-case place with its agency)."""

    def match(self, text: str) -> re.Match[str] | None:
        """The dateline at the start of a text, or None."""
        return _DATELINE_CAPS.match(text) or _DATELINE_AGENCY.match(text)


_DATELINE = _Dateline()


def after_dateline(text: str) -> int:
    """Where a text's words start after its dateline ("BRUSSELS, Feb 13 (Reuters) - …"), 0 without one."""
    match = _DATELINE.match(text)
    return match.end() - 1 if match else 0


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
    month_day: str | None = None
    date_basis: str | None = None


_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_./]?(0[1-9]|1[0-2])[-_./]?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_file_name(path: str) -> str | None:
    """The date in an article's file name ("2025-02-13-talks.md", "20250213_talks.txt"), or None.

    Only the name counts, never the file's modification time: a fresh clone would change every date.
    """
    name = path.replace("\\", "/").rsplit("/", 1)[-1].split(":", 1)[0]
    found = _FILE_DATE.search(name)
    return _iso(*map(int, found.groups())) if found else None


def date_in_url(url: str) -> str | None:
    """The date in a URL's path ("/2025/02/13/talks", "/20250213-talks"), or None."""
    found = _FILE_DATE.search(urlsplit(url).path)
    return _iso(*map(int, found.groups())) if found else None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


# Two unrelated reference days: a relative expression ("3 hours ago", "yesterday") parses to different
# days against them, an absolute date to the same one, so relative dates are never taken for real ones.
_BASES = (dt.datetime(2001, 1, 1), dt.datetime(2003, 7, 15))
_ISO = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?\s*")

_MONTHS = {
    m: n
    for n, name in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                              "september", "october", "november", "december"), 1)
    for m in (name, name[:3], *(("sept",) if n == 9 else ()))
}
# "13 February 2025", "Feb. 13, 2025": the common written dates, read without dateparser (whose first
# calls cost ~7 ms each; the same date as dateparser gives, see tests/test_dates.py)
_PLAIN_DATE = re.compile(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})|([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})")


def _plain(text: str) -> str | None:
    """The ISO date of a plain "D Month YYYY" or "Month D, YYYY" text; None for anything else."""
    m = _PLAIN_DATE.fullmatch(text)
    if m is None:
        return None
    day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
    number = _MONTHS.get(month.lower())
    return _iso(int(year), number, int(day)) if number else None


@functools.cache
def _dateparser() -> Any:
    import dateparser  # imported on first use: ~0.3 s that builds without written dates never pay

    return dateparser


def _settings(base: dt.datetime, parts: tuple[str, ...]) -> dict[str, Any]:
    # Day before month for numeric dates ("13/02/2025"; "02/13/2025" still reads as 13 Feb: 13 is no month).
    return {
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": list(parts),
        "RELATIVE_BASE": base,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["timestamp", "absolute-time"],
    }


@functools.cache
def _absolute(text: str, parts: tuple[str, ...]) -> dt.date | None:
    """The date a whole text states (with the required parts), when it is not relative to today."""
    dp = _dateparser()
    found = [dp.parse(text, languages=["en"], settings=_settings(base, parts)) for base in _BASES]
    if found[0] is None or found[1] is None:
        return None
    a, b = found[0].date(), found[1].date()
    if "year" in parts:
        return a if a == b else None
    return a if (a.month, a.day) == (b.month, b.day) else None


@functools.cache
def _search(text: str) -> dt.date | None:
    """The first absolute full date written somewhere inside a longer text."""
    from dateparser.search import search_dates

    for found, _ in search_dates(text, languages=["en"], settings=_settings(_BASES[0], ("day", "month", "year"))) or []:
        date = _absolute(found, ("day", "month", "year"))
        if date is not None:
            return date
    return None


def parse_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date object or a written date, through dateparser; None if unsure.

    "Updated 3 hours ago, May 12, 2025" -> 2025-05-12; "13/02/2025" -> 2025-02-13; a date without a year
    or one relative to today ("yesterday") -> None.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        return None
    text = " ".join(value.split())
    iso = _ISO.fullmatch(text)
    if iso:
        return _iso(*map(int, iso.groups()))
    if not re.search(r"\d", text):
        return None
    plain = _plain(text)
    if plain is not None:
        return plain
    date = _absolute(text, ("day", "month", "year")) or _search(text)
    return date.isoformat() if date else None


def parse_month_day(value: str) -> str | None:
    """A date written without a year ("Feb 13", "13 February") as ISO 8601 '--MM-DD'; None otherwise."""
    text = " ".join(value.split())
    if re.search(r"\b\d{4}\b", text) or not re.search(r"\d", text):
        return None
    date = _absolute(text, ("day", "month"))
    return f"--{date.month:02d}-{date.day:02d}" if date else None


_WRITTEN_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d|\d{{1,2}}\s+{_MONTH},?\s+(?:19|20)\d\d)\b"
)


def dates_in_text(text: str, limit: int = 20) -> tuple[str, ...]:
    """Full dates written in running text ("January 20, 2025", "13 February 2025"), in order."""
    found = (parse_date(m.group(0)) for m in _WRITTEN_DATE.finditer(text, 0, 200_000))
    return tuple(d for d in found if d)[:limit]


def complete_date(month_day: str, near: Sequence[str]) -> str | None:
    """A '--MM-DD' date given the year that puts it nearest to the known dates ``near`` (None if none)."""
    known = sorted(dt.date.fromisoformat(d[:10]) for d in near)
    if not known:
        return None
    anchor = known[len(known) // 2]
    month, day = int(month_day[2:4]), int(month_day[5:7])
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _iso(y, month, day))]
    # within half a year of the known dates, or no year at all (a 29 Feb far from any leap year stays partial)
    near_enough = [d for d in options if abs((dt.date.fromisoformat(d) - anchor).days) <= 183]
    return min(near_enough, key=lambda d: abs((dt.date.fromisoformat(d) - anchor).days)) if near_enough else None


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
    if masthead(lines) is not None:  # the masthead and the date line stay (read by ``infer``); the headline after
        shown = [i for i, line in enumerate(lines) if line.text][:3]
        if len(shown) == 3 and _is_title(lines[shown[2]].text, lines[shown[2] + 1 :]):
            return [*lines[: shown[2]], *lines[shown[2] + 1 :]], lines[shown[2]].text
        return list(lines), None
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
    """(place, date, outlet) of a dateline such as "BRUSSELS, Feb 13 (Reuters) — …".

    The date is ISO (YYYY-MM-DD) when the dateline has a year, '--MM-DD' when it has none.
    """
    match = _DATELINE.match(first)
    if match is None:
        return None, None, None
    place = match.group("place").strip(" ,")
    written = match.group("date")
    date = (parse_date(written) or parse_month_day(written)) if written else None
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


@functools.cache
def _outlet_data() -> tuple[dict[str, str], tuple[re.Pattern[str], ...], re.Pattern[str]]:
    """(written form, lower case -> outlet name; credit-line patterns; corporate suffixes) from bibliography.yml."""
    data: dict[str, Any] = load_data("bibliography.yml")
    names: dict[str, str] = {}
    for name, aliases in (data.get("known_outlets") or {}).items():
        for alias in (name, *(aliases or ())):
            names.setdefault(str(alias).lower(), str(name))
    credits = tuple(re.compile(str(p)) for p in data.get("credit_lines") or ())
    suffixes = "|".join(re.escape(str(s)) for s in data.get("corporate_suffixes") or ()) or "(?!)"
    return names, credits, re.compile(rf"(?:[\s,]+(?:{suffixes})\.?)+$")


def known_outlet(text: str) -> str | None:
    """The outlet a byline segment or a file-name word names exactly ("CBC News", "kyodo"), or None."""
    key = " ".join(text.strip(" *=_#-–—:.,").split()).lower()
    return _outlet_data()[0].get(key) if key else None


_WIRE = re.compile(r"\((?P<name>[^()]{2,40})\)\s*(?:--|[—–-])\s")
_SEGMENTS = re.compile(r"\s*(?:[|·•]|\s[—–-]{1,2}\s)\s*")


def outlet_of_byline(line: str) -> str | None:
    """The known outlet a short byline-like line names.

    "(Bloomberg) -- The EU …", "Odesa (Ukraine) (AFP) - …", "Jane Doe · CBC News · Posted …",
    "KYODO NEWS - Sep 9", "By Jane Doe, Reuters", "The Canadian Press"; a sentence naming an outlet does not count.
    """
    for wire in _WIRE.finditer(line, 0, 200):
        if outlet := known_outlet(wire.group("name")):
            return outlet
    segments = _SEGMENTS.split(line.strip())
    if len(line.split()) > (24 if len(segments) > 1 else 12):
        return None
    if len(segments) == 1 and line.startswith("By "):
        segments = line.split(",")
    first = known_outlet(segments[0].removeprefix("By "))
    if first or len(segments) == 1:
        return first
    return next((o for o in map(known_outlet, segments[1:]) if o), None)


def outlet_of_credit(line: str) -> str | None:
    """The outlet a copyright or credit line names ("© 2025 Example News Ltd.", "X is The Herald's editor")."""
    _, credits, suffix = _outlet_data()
    text = line.strip()
    if len(text) > 200:
        return None
    for pattern in credits:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        found = suffix.sub("", match.group("outlet").strip(" .,")).strip()
        if not found or len(found.split()) > 6 or found.lower().startswith(_photo_agencies()):
            continue
        return known_outlet(found) or (found[0].upper() + found[1:])
    return None


def outlet_of_lines(lines: Sequence[Line], removed: Sequence[Removed]) -> str | None:
    """The outlet an article's bylines (first lines) or credit lines (last lines, dropped tails) name."""
    texts = [line.text for line in lines if line.text]
    for text in [*texts[:4], *(item.text for item in removed if item.rule == "byline")]:
        if outlet := outlet_of_byline(text):
            return outlet
    # credit lines close an article: its last lines, and dropped lines after them (not a mid-article caption)
    end = max((line.number for line in lines if line.text), default=0)
    for text in [*texts[-4:][::-1], *(item.text for item in removed if item.line > end)]:
        if outlet := outlet_of_credit(text) or (outlet_of_byline(text) if len(text.split()) <= 4 else None):
            return outlet
    return None


@functools.cache
def _photo_agencies() -> tuple[str, ...]:
    """Picture agencies: a '© Getty Images' line credits a photo, not the article."""
    return tuple(str(w).lower() for w in load_data("bibliography.yml").get("photo_agencies") or ())


@functools.cache
def _ordinary_words() -> frozenset[str]:
    """Known-outlet words that name no outlet in a file name ("nikkei_falls.txt")."""
    return frozenset(str(w).lower() for w in load_data("bibliography.yml").get("not_in_file_names") or ())


def outlet_in_file_name(path: str) -> str | None:
    """The known outlet a word of the file name names ("04_bbc.txt", "guardian-talks.md"), or None."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1].split(":", 1)[0].rsplit(".", 1)[0]
    ordinary = _ordinary_words()
    words = [w for w in re.split(r"[\W_]+", name.lower()) if w and not w.isdigit() and w not in ordinary]
    return next((o for o in map(known_outlet, words) if o), None)


DATE_LINE_WORDS = 12  # a line of the article's top holding a full date and at most this many words is its date line
TOP_LINES = 6  # ... looked for among this many first lines


def date_line(text: str) -> str | None:
    """The ISO date a short line of an article's top gives ('Thursday 3 December 2026', 'By Jo Lin | 2 December
    2026', 'Last updated: 30.11.2026, 21:10 EET'), None for a sentence ('The bank met on 2 December 2026.') or a
    line without a full date ('Updated 14:20 GMT')."""
    if len(text.split()) > DATE_LINE_WORDS or text.rstrip().endswith((".", "!", "?")):
        return None
    if not re.search(r"(?:19|20)\d\d", text):
        return None
    masthead = re.fullmatch(r"((?:\S+\s+){0,3}\S+)\s+[—–]\s+(.+)", text.strip())  # 'Harbour Herald live — 20 Nov…'
    for segment in (text, *re.split(r"\s+[|·•]\s+", text)[1:], *([masthead.group(2)] if masthead else [])):
        if _mostly_date(segment) and (date := parse_date(segment)):
            return date
    return None


_DATE_WORDS = frozenset([
    "press", "release", "statement", "news", "media", "advisory", "communique", "communiqué", "issued", "dated", "for",
    "immediate", "embargoed", "until", "and", "ago", "hour", "hours", "minute", "minutes", "min", "mins", "read",
    "reading", "day", "days", "week", "weeks", "edited", "just", "now",
    "by", "updated", "update", "published", "posted", "last", "modified", "first", "on", "at", "am", "pm", "gmt",
    "utc", "bst", "cet", "cest", "eet", "eest", "est", "edt", "pst", "pdt", "cst", "cdt", "ist", "local", "time",
    "the", "of", "st", "nd", "rd", "th", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])
DATE_LINE_NAMES = 3  # a date line may hold this many other capitalised words (a place, a byline's name)


def _mostly_date(segment: str) -> bool:
    """True when a line is mostly a date: besides numbers and the words of dates, times and releases ('Updated',
    weekdays, 'GMT', 'Press release') at most DATE_LINE_NAMES capitalised words ('Tarvik, 3 December 2026', 'By
    Jo Lin | …') and no other word ('Photo: the flooded main street of Tarvik on 1 March 2020' is a caption)."""
    others = [w for w in re.findall(r"[^\W\d_]+", segment) if w.lower() not in _DATE_WORDS]
    return all(w[0].isupper() for w in others) and len(others) <= DATE_LINE_NAMES


_MASTHEAD = re.compile(rf"(?P<name>[{_UPPER}][{_UPPER}&'’.]+(?:[ ][{_UPPER}&'’.]+){{0,5}})(?:\s+[|–—-]\s+.{{1,30}})?")


def masthead(lines: Sequence[Line]) -> str | None:
    """The newspaper's name when an article opens with its masthead, a name in capitals followed by a date line
    and a headline ('THE HARBOUR WEEKLY', 'Tarvik | Thursday, 3rd December, 2026', 'Fishermen fear …' -> 'The
    Harbour Weekly'), else None (a headline in capitals over the date line and the article's first sentence)."""
    texts = [line.text for line in lines if line.text][:3]
    match = _MASTHEAD.fullmatch(texts[0]) if len(texts) == 3 else None
    if match is None or date_line(texts[1]) is None or not re.search(r"[A-Z]{3}", match.group("name")):
        return None
    if texts[2].rstrip().endswith((".", "”", '"')):
        return None  # the article starts under the date line: the line in capitals was its headline
    return " ".join(w.capitalize() if w.isupper() else w for w in match.group("name").split())


def infer(lines: Sequence[Line], removed: Sequence[Removed], header: dict[str, str], rules: Rules) -> Found:
    """Everything the text says about itself, from its header lines, masthead, dateline, date line, signatures
    and tails."""
    first = next((line.text for line in lines if line.text), "")
    paper = masthead(lines)
    place, date, agency = dateline(first, rules) if paper is None else (None, None, None)
    url = header.get("url")
    tags = tuple(t.strip() for t in header.get("tags", "").split(",") if t.strip())
    outlet = (
        header.get("outlet")
        or paper
        or (outlet_of_url(url, rules) if url else None)
        or agency
        or outlet_from_removed(removed, rules)
        or next((o for o in (signature(line.text, rules) for line in lines[-3:]) if o), None)
        or outlet_of_lines(lines, removed)
    )
    published, basis = (parse_date(header["published"]), "metadata") if "published" in header else (None, None)
    if published is None and url and (published := date_in_url(url)):
        basis = "url"
    month_day = None
    if published is None and date:
        if date.startswith("--"):
            month_day = date
            published = complete_date(date, dates_in_text(" ".join(line.text for line in lines)))
            basis = "dateline, year from the article" if published else "dateline"
        else:
            published, basis = date, "dateline"
    if published is None:  # a line of its own at the top: 'Thursday 3 December 2026', 'By Jo Lin | 2 December 2026'
        top = [line.text for line in lines if line.text][:TOP_LINES]
        if found := next((d for d in map(date_line, top) if d), None):
            published, basis, month_day = found, "date line", None
    return Found(
        title=header.get("title"),
        url=url,
        outlet=outlet,
        published=published,
        language=header.get("language"),
        tags=tags,
        dateline=place,
        month_day=month_day,
        date_basis=basis,
    )
