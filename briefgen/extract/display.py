"""How a statement is shown: the reporting verb and the content in the article's own words."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache

from briefgen.extract.fastre import match_ends
from briefgen.extract.lexicon import lexicon
from briefgen.records import Article, LocalQuote, Quote

AnyQuote = Quote | LocalQuote  # the map shows a local quote, the reduce an older briefing's quote

# A full stop after "Mr", "Dr" ... ends no sentence, nor one after an initialism ("the U.S. would") when a
# lower-case word follows.
_SENTENCE_END = re.compile(
    r"(?<!\b(?:Mr|Ms|Dr|St))(?<!\bMrs)(?:(?<![A-Z]\.[A-Z])[.!?]|[.!?](?=[\"'\u201d\u2019)]*\s+[^a-z]))"
    r"[\"'\u201d\u2019)]*\s+"
)
_CLOSING = "\u201d\u2019\"'\u00bb\u203a"  # ” ’ " ' » ›
# How far before its content a reporting cue may stand and still be shown with it: "told allies in
# Brussels on Wednesday that ..." is one predicate; a cue further away belongs to another clause.
MAX_GAP = {"indirect": 120, "partial": 200}


_FRAME_WORDS = ("view", "perspective", "opinion", "words")
# A negation or refusal right before the reporting verb belongs to what is shown: "did not rule out further
# measures" shown as "rule out further measures" says the opposite.
_NEGATION_BEFORE = re.compile(
    r"(?:\b(?:did|does|do|would|will|could|can|should|has|have|had|is|was|were|are|may|might|must)\s+"
    r"(?:not|never)|\b\w+n[\u2019']t|\bnever|\bnot|\b(?:declined|declines|declining|refused|refuses|refusing|"
    r"failed|fails)\s+to)\s+(?:(?:\w+ly|once|even|ever|yet|so\s+much\s+as)\s+)?$",
    re.IGNORECASE,
)


def sentence_limits(text: str, start: int, end: int) -> tuple[int, re.Match[str] | None, int]:
    """The sentence (within its paragraph) holding ``text[start:end]``: its start, the match of its end
    mark (with closing quotes and the space after it; None at the paragraph's end) and the paragraph's end."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end == -1 else para_end
    if para_end > start:  # the paragraph's sentence ends, scanned once per article (fastre.match_ends)
        line_end = text.find("\n", para_start)  # a scan past start + 1 ends no further match before start
        ends = match_ends(_SENTENCE_END, text, para_start, len(text) if line_end == -1 else line_end + 1)
        k = bisect_right(ends, start)
        return (ends[k - 1] if k else para_start), _SENTENCE_END.search(text, end, para_end), para_end
    left = para_start
    for m in _SENTENCE_END.finditer(text, para_start, min(para_end, start + 1)):  # + 1: the look-ahead
        if m.end() <= start:
            left = m.end()
    return left, _SENTENCE_END.search(text, end, para_end), para_end


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end offsets of the sentence (within its paragraph) holding ``text[start:end]``."""
    left, stop, para_end = sentence_limits(text, start, end)
    return left, (stop.start() + 1 if stop else para_end)


@lru_cache(maxsize=512)
def _cue_re(cue: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(w) for w in cue.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def _is_noun(cue: str) -> bool:
    return cue.split()[-1].lower() in lexicon().cue_nouns


def _joined(cue: str, words: str) -> str:
    """The cue and what follows it, joined the way they read after a speaker's name."""
    if _is_noun(cue):
        return "\u2019s " + words  # "Donald Trump's announcement of negotiations ..."
    if cue.split()[0].lower().endswith("ing"):
        return ", " + words  # "Mark Rutte, arguing that ..."
    return words


# What ends the clause a fragment stands in: a comma, colon, semicolon, bracket, dash or another quote.
_CLAUSE_STOP = re.compile(r"[,;:()\u2013\u2014\u201c\u2018\u00ab\"]|\s-\s")
MAX_REST = 160  # characters of the clause shown after a fragment's closing mark


_PAIRS = {"\u201c": "\u201d", "\u2018": "\u2019", '"': '"', "\u00ab": "\u00bb"}


def clause_rest(body: str, end: int, right: int) -> str:
    """The rest of a fragment's clause after its closing mark ("\u201cwelcomes\u201d Korea's position and
    opposes \u201cthe politicisation of trade\u201d"): the words up to the clause's end, further quoted
    words included, or "" when the fragment ends its sentence or clause."""
    if body[max(0, end - 2) : end].rstrip(_CLOSING)[-1:] in (".", "!", "?"):
        return ""  # the fragment ends its sentence
    at = end
    while (stop := _CLAUSE_STOP.search(body, at, right)) is not None and stop.group(0) in _PAIRS:
        close = body.find(_PAIRS[stop.group(0)], stop.end(), right)
        if close < 0:
            return ""
        at = close + 1  # a further fragment of the same clause: shown whole
    rest = body[end : stop.start() if stop else right].rstrip(" .!?")
    if not rest[:1].isspace() or not rest.strip()[:1].isalnum() or len(rest) > MAX_REST:
        return ""
    turn = _turn(rest)  # "“completely safe” although three trials found ...": the reporter's counterpoint
    return " " + " ".join(rest[: turn if turn is not None else len(rest)].split()) if turn != 0 else ""


_VERBISH = re.compile(r"(?:[a-z]+ed|is|are|was|were|has|had|have|would|will|said|says|did|does)\b")


def _turn(rest: str) -> int | None:
    """Where the rest of a fragment's clause turns (see _TURN); "and the army" ending a noun phrase ("a
    ceasefire between the government and the paramilitary forces") is no turn: a verb must follow soon."""
    for m in _TURN.finditer(rest):
        if not m.group(0).lstrip().startswith(("and", "or")):
            return m.start()
        if any(_VERBISH.fullmatch(w) for w in rest[m.end() :].split()[:5]):
            return m.start()
    return None


# Where the clause of a fragment turns to someone else's words or to the reporter's: a contrast or time
# conjunction, or "and"/"or" before a new subject ("and the minister praised it", "and Korea ...").
_TURN = re.compile(
    r"\s(?:but|although|though|while|whereas|yet|despite|before|after|because|since|unless|as|even|when)\b"
    r"|\s(?:and|or)\s+(?:the|a|an|this|these|those|his|her|their|its|he|she|they|it|we|[A-Z])"
)


def predicate(quote: AnyQuote, article: Article | None, whole: bool = False) -> tuple[str, str | None]:
    """(what is shown after the speaker's name, the reporting word shown in it or None).

    Reported speech and fragments keep their reporting verb in the article's words ("criticized
    Washington for making concessions", "warned against \u201cpeace through weakness.\u201d"); a
    full quote is shown in marks. ``whole``: a fragment is shown with the rest of its clause ("said
    Beijing \u201cwelcomes\u201d Korea's position"), not cut at its closing mark.
    """
    text = " ".join(quote.text.split())
    marked = f"\u201c{text}\u201d"
    if quote.kind == "direct":
        return marked, quote.cue
    content = text if quote.kind == "indirect" else marked
    cue = quote.cue
    if not cue and quote.kind == "indirect":  # an interview answer ("Lévesque: We will ..."): no verb to show
        return ": " + content, None
    if not cue or cue == "'" or article is None or not 0 <= quote.start <= quote.end <= len(article.text):
        return content, None
    body = article.text
    left, right = sentence_bounds(body, quote.start, quote.end)
    if quote.rule == "statement.passive_by":  # "This was echoed by X": the sentence, its agent named in it
        return ": " + " ".join(body[quote.start : right].split()).rstrip(".,;: "), cue
    end = quote.end
    if quote.kind == "partial":  # keep the closing mark (within two characters: '.”', '".'), nothing else
        end = max((k + 1 for k in range(quote.end, min(len(body), quote.end + 2)) if body[k] in _CLOSING),
                  default=quote.end)
        end = end if all(c in _CLOSING + ".," for c in body[quote.end : end]) else quote.end
    before = [m for m in _cue_re(cue).finditer(body, left, quote.start)]
    if before:
        at = before[-1]
        gap = body[at.end() : quote.start]
        if len(gap) <= MAX_GAP[quote.kind] and not _SENTENCE_END.search(gap):
            neg = _NEGATION_BEFORE.search(body, max(left, at.start() - 40), at.start())
            first = neg.start() if neg is not None else at.start()
            words = " ".join(body[first:end].split()).rstrip(",;:\u2013\u2014 ")
            if quote.kind == "partial" and not words.endswith(tuple(_CLOSING)):
                words += next((close for mark, close in _PAIRS.items() if mark != '"' and mark in words), "")
                words += '"' if words.count('"') % 2 else ""
            if whole and quote.kind == "partial" and body[end - 1 : end] in _CLOSING:
                words += clause_rest(body, end, right)
            return _joined(cue, words), " ".join(body[first : at.end()].split())
    after = _cue_re(cue).search(body, quote.end, right)
    if after is not None and cue.lower() in lexicon().source_phrases:  # "..., according to Japan"
        return ": " + content.rstrip(",;: "), None  # the source phrase is no verb of the speaker
    if after is not None and not _is_noun(cue):  # "..., Rutte said": the verb, then the words
        verb = after.group(0)
        return _joined(verb, f"{verb} {content.rstrip(',;: ')}"), verb
    lead = body[left : quote.start]
    if quote.kind == "indirect" and lead.strip() and len(lead) <= 80:  # "From Major's perspective, the US ..."
        frame = next((w for w in _FRAME_WORDS if re.search(rf"\b{w}\b", lead, re.IGNORECASE)), None)
        return ": " + " ".join(body[left:end].split()).rstrip(",;: "), frame
    return content, None


def with_display(quotes: tuple[Quote, ...], articles: dict[str, Article]) -> tuple[Quote, ...]:
    """Quotes with ``display`` and ``verb`` filled from their article (kept when already filled)."""
    out = []
    for q in quotes:
        if q.display:
            out.append(q)
            continue
        shown, verb = predicate(q, articles.get(q.source), whole=True)
        out.append(replace(q, display=shown, verb=verb))
    return tuple(out)


def full_display(name: str | None, quote: AnyQuote) -> str:
    """The statement as one line: speaker's name, then the predicate (no name when unattributed)."""
    shown = quote.display or quote.text
    if not name:
        return shown
    if quote.kind == "direct":
        return f"{name}: {shown}"
    return f"{name}{joiner(quote)}{shown_words(quote)}"


_JOINERS = ((", ", ", "), ("\u2019s ", "\u2019s "), (": ", ": "))


def joiner(quote: AnyQuote) -> str:
    """What stands between the speaker's name and the shown words: ": ", ", ", "’s " or a space."""
    if quote.kind == "direct":
        return ": "
    shown = quote.display or quote.text
    return next((j for prefix, j in _JOINERS if shown.startswith(prefix)), " ")


def shown_words(quote: AnyQuote) -> str:
    """The shown words without the joiner (what a page prints after the name or on its own)."""
    return without_joiner(quote.display or quote.text, quote.kind)


def without_joiner(shown: str, kind: str) -> str:
    """A display without its leading joiner (", ", "’s ", ": "); a full quote's display as it is."""
    if kind == "direct":
        return shown
    for prefix, _ in _JOINERS:
        if shown.startswith(prefix):
            return shown[len(prefix) :]
    return shown
