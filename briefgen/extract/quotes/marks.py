"""Quote marks paired into quote spans, and the sentences of a paragraph around them."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from briefgen.extract.quotes.patterns import _ABBREV
from briefgen.records import QuoteKind

# Opening and closing marks. A straight " opens or closes by position; “ closes „ (German style).
_DOUBLE_OPEN = {"“": "”", "„": "“", "«": "»", '"': '"', "”": "”"}
_DOUBLE_CLOSE = frozenset('”“»"')
_SINGLE_OPEN = frozenset("‘'‚‹")
_SINGLE_CLOSE = frozenset("’'›‘")
_MARKS = re.compile("[“”„«»\"‘’‚‹›']")
_OPEN_BEFORE = frozenset(" \t\n([{—–-/:")
_CLOSE_AFTER = frozenset(" \t\n,.;:!?)]}—–-…")
# a quote may open the next sentence with “, ", ‘, or the doubled '' of some newsrooms' house style
_SENT_END = re.compile(r"[.!?]+(?:''|[”\"’)])*\s+(?=(?:''|[“\"‘(])?[A-Z0-9\u00c0-\u024f])")
# "KYIV, Ukraine (AP) — ", "BRUSSELS — ": where a wire story starts, not part of its first sentence
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]{2,40}(?:, [A-Z][\w .'’-]{1,40})?(?: \([A-Za-z .]{1,20}\))? ?[—–-]{1,2} ")
# "16:20 — The Red Cross …", "3:12 PM — …", "9.05am: …": a live blog's time stamp opens an entry, not a sentence
TIME_STAMP = re.compile(r"(?:[01]?\d|2[0-3])[:.][0-5]\d"
                        r"(?:\s?(?:[aApP]\.?[mM]\.?|GMT|UTC|BST|CET|CEST|EAT|ET|local(?: time)?))?"
                        r"\s*(?:[—–-]|:)\s+(?=[A-Z“\"‘])")
_NEXT_CAPITAL = re.compile(r"\s+(?=[“\"‘A-Z])")
# hot-path patterns, compiled once
_LAST_WORD = re.compile(r"([\w.]+)$")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
MAX_QUOTE_CHARS = 5000
MAX_QUOTES_PER_PARAGRAPH = 200


@dataclass(slots=True)
class QSpan:
    """A marked quote inside one paragraph: mark and content offsets."""

    ms: int
    qs: int
    qe: int
    me: int
    open_end: bool = False
    speaker: str | None = None
    cue: str | None = None
    kind: QuoteKind = "direct"
    attributed: bool = False
    unnamed: bool = False  # the cue's subject is found but names nobody ("a senior official said")
    rule: str = ""  # the id of the rule that chose the speaker (or decided there is none)


def scan_quotes(text: str, start: int, end: int) -> list[QSpan]:
    """Marked quote spans of one paragraph, in one linear pass over the marks."""
    spans: list[QSpan] = []
    dbl: tuple[int, str] | None = None
    sgl: int | None = None
    for m in _MARKS.finditer(text, start, end):
        i = m.start()
        c = m.group()
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if dbl is not None:
            opener_pos, opener = dbl
            closes = c in _DOUBLE_CLOSE and (c != "“" or opener == "„") and (c != '"' or not nxt.isalnum())
            if closes and (c != '"' or not prev.isspace()):
                if i > opener_pos + 1:
                    spans.append(QSpan(opener_pos, opener_pos + 1, i, i + 1))
                dbl = None
                sgl = None
            elif c == "“" and opener == "“":
                dbl = (i, c)  # the earlier opening mark was never closed: start again here
            continue
        if c in _DOUBLE_OPEN and c != "”":
            if c == '"' and (nxt.isspace() or not (prev in _OPEN_BEFORE or i == start)):
                continue
            if c == "“" and nxt.isspace():
                continue
            dbl = (i, c)
            sgl = None
            continue
        if sgl is None:
            if c in _SINGLE_OPEN and (prev in _OPEN_BEFORE or i == start) and not nxt.isspace() and c != "’":
                sgl = i
        elif c in _SINGLE_CLOSE and not prev.isspace() and (nxt in _CLOSE_AFTER or i + 1 >= end):
            if not (prev.isalpha() and nxt.isalpha()) and i > sgl + 1:
                # a doubled '' pair (some newsrooms' house style): both marks are marks, not quoted text
                doubled = text[sgl + 1] == "'" and prev == "'" and i - 1 > sgl + 2
                spans.append(QSpan(sgl, sgl + 2, i - 1, i + 1) if doubled else QSpan(sgl, sgl + 1, i, i + 1))
                spans[-1].kind = "partial"
                spans[-1].cue = "'"  # marks single-quoted spans; cleared below
            sgl = None
        if len(spans) > MAX_QUOTES_PER_PARAGRAPH * 10:
            break
    if dbl is not None and end - dbl[0] > 2:
        spans.append(QSpan(dbl[0], dbl[0] + 1, end, end, open_end=True))
    elif sgl is not None and end - sgl > 2 and text[end - 1] in ".!?" and " " in text[sgl:end]:
        # single-mark house style: a quote left open at a paragraph end continues in the next one
        inner = sgl + 2 if text[sgl + 1] == "'" else sgl + 1
        spans.append(QSpan(sgl, inner, end, end, open_end=True, kind="partial", cue="'"))
    spans.sort(key=lambda s: s.ms)
    # drop spans nested in another span (quotes inside quotes are part of the outer quote)
    out: list[QSpan] = []
    for s in spans:
        if out and s.ms < out[-1].me:
            continue
        out.append(s)
    return out


def _stops(text: str) -> list[int]:
    """Offsets of every ".", "!" and "?" of a text, in order: where a sentence end (``_SENT_END``) can start."""
    found = []
    for ch in ".!?":
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    return found


def _sentence_ends(text: str, start: int, end: int, stops: list[int]) -> list[re.Match[str]]:
    """What ``_SENT_END.finditer(text, start, end)`` finds, trying the pattern only at the stops in [start, end)
    (``str.find`` scans a text faster than the regex engine)."""
    found = []
    resume = start
    lo = bisect.bisect_left(stops, start)
    for pos in stops[lo : bisect.bisect_left(stops, end, lo)]:
        if pos >= resume and (m := _SENT_END.match(text, pos, end)) is not None:
            found.append(m)
            resume = m.end()
    return found


def _sentences(text: str, start: int, end: int, quotes: list[QSpan], stops: list[int]) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph (``stops``: the text's ``_stops``); boundaries inside quotes do not count."""
    dateline = _DATELINE.match(text, start, end) or TIME_STAMP.match(text, start, end)
    bounds = [dateline.end() if dateline else start]
    qi = 0
    for m in _sentence_ends(text, start, end, stops):
        pos = m.start()
        while qi < len(quotes) and quotes[qi].me <= pos:
            qi += 1
        if qi < len(quotes) and quotes[qi].ms <= pos < quotes[qi].me - 1:
            continue
        if text[pos] == ".":
            wm = _LAST_WORD.search(text, max(start, pos - 12), pos)
            word = wm.group(1) if wm else ""
            unit = wm is not None and wm.start() > start and text[wm.start() - 1] == "/"  # "60 km/h." ends
            if word.lower() in _ABBREV or (_INITIALS.fullmatch(word) and not unit):
                continue
        bounds.append(m.end())
    # a quote ending in . ! ? followed by a capitalised word ends its sentence (“…?” Major argued)
    for q in quotes:
        if q.open_end or q.me >= end:
            continue
        # (a doubled '' quote keeps its inner ' in the span: ''The Art of the Deal.'' Mr. Lou said …)
        if text[q.qs : q.qe].rstrip().rstrip("'")[-1:] in (".", "!", "?") and (nxt := _NEXT_CAPITAL.match(text, q.me)):
            bounds.append(nxt.end())
    if len(bounds) == 1:
        return [(bounds[0], end)] if end > bounds[0] else []
    bounds = sorted(set(bounds))
    return [(a, b) for a, b in zip(bounds, [*bounds[1:], end], strict=True) if b > a]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _only_quotes(text: str, quotes: list[QSpan], a: int, b: int) -> bool:
    rest = []
    pos = a
    for q in quotes:
        rest.append(text[pos : q.ms])
        pos = q.me
    rest.append(text[pos:b])
    return not any(ch.isalpha() for ch in "".join(rest))
