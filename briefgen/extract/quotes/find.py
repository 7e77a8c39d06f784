"""Every quote and reported statement of an article, attributed in reading order."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from briefgen.extract.actors import ArticleActors
from briefgen.extract.quotes.attribution import _attribute_quote, _continue_speaker, _scare_quote, _work_title
from briefgen.extract.quotes.cues import _cue_regexes
from briefgen.extract.quotes.interviews import _answer_speaker, _unnamed_answer
from briefgen.extract.quotes.marks import MAX_QUOTE_CHARS, QSpan, _sentences, _stops, _trim, scan_quotes
from briefgen.extract.quotes.patterns import _QUOTE_MARK, _WORD
from briefgen.extract.quotes.speakers import narrated_speaker
from briefgen.extract.quotes.statements import _statements, _tidy_statements
from briefgen.extract.quotes.subjects import Attributor
from briefgen.records import LocalQuote

_ALNUM = re.compile(r"[^\W_]")  # a character for which str.isalnum() is true
_SENTENCE_ENDINGS = (".", "!", "?", "…", "”", '"', "’", "»", "“", ".)")
# a US party-and-state tag after a name: "Sen. Ann Roe (D-Mo.)", "(R-N.Y.)", "(I-Vt.)", "(D)"
_PARTY_TAG = re.compile(r" ?\((?:D|R|I|Dem|Rep|Ind)(?:[-–] ?[A-Z][A-Za-z.]{0,5}(?: ?[A-Z][A-Za-z.]{0,5})?)?\)")


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int, int]], actors: ArticleActors) -> Iterator[LocalQuote]:
    """Every quote and reported statement of an article, attributed in reading order; party tags after
    names are read as blanks (same offsets), so their full stops end no sentence."""
    masked = _PARTY_TAG.sub(lambda m: " " * len(m.group()), text) if "(" in text else text
    if masked is text or masked == text:
        yield from _find_quotes(text, paragraphs, actors)
        return
    for lq in _find_quotes(masked, paragraphs, actors):
        if lq.text == masked[lq.start : lq.end]:
            lq = replace(lq, text=text[lq.start : lq.end])
        yield lq


@dataclass(frozen=True, slots=True)
class _Paragraph:
    """One paragraph being read: its number, offsets, quotes and what the paragraphs before it left open."""

    number: int
    start: int
    end: int
    quotes: list[QSpan]
    teaser: bool  # before the body: headline, standfirst or byline
    prev_open: bool  # the previous paragraph's last quote runs on into this one
    narrator: tuple[int, int] | None  # the last sentence of a previous paragraph without quotes


def _find_quotes(text: str, paragraphs: Sequence[tuple[int, int, int]], actors: ArticleActors) -> Iterator[LocalQuote]:
    para_quotes, all_quotes = _marked_quotes(text, paragraphs)
    att = Attributor(text, actors, all_quotes)
    frames = _cue_regexes()
    prev_open = False
    narrator: tuple[int, int] | None = None
    in_body = False
    captions = any(w in text for w in _CAPTION_WORDS)
    stops = _stops(text)
    for (number, p_start, p_end), quotes in zip(paragraphs, para_quotes, strict=True):
        if captions and _looks_like_caption(text, p_start, p_end):
            prev_open = False
            continue
        # before the first paragraph that ends a sentence: headline, standfirst, byline, where a quoted
        # fragment is a teaser ("Union accuses operator of ‘bad faith’"), not reported speech
        teaser = not in_body and not text[p_start:p_end].rstrip().endswith(_SENTENCE_ENDINGS)
        in_body = in_body or not teaser
        sents = _sentences(text, p_start, p_end, quotes, stops)
        answer, sents = _answer_statement(att, paragraphs, number, p_start, p_end, sents)
        if answer is not None:
            yield answer
        para = _Paragraph(number, p_start, p_end, quotes, teaser, prev_open, narrator)
        used_cues: set[int] = set()
        for sent in sents:
            yield from _sentence_quotes(att, para, sent, used_cues, frames)
        if quotes and quotes[-1].speaker:
            att.state.last_para_speaker = quotes[-1].speaker
        prev_open = bool(quotes) and quotes[-1].open_end
        # a paragraph without quotes whose last sentence has a person as subject ("She pauses."): a quote
        # paragraph right after it is that person's
        narrator = sents[-1] if sents and not quotes else None


def _marked_quotes(text: str, paragraphs: Sequence[tuple[int, int, int]]) -> tuple[list[list[QSpan]], list[QSpan]]:
    """The quotes in marks of each paragraph, and all of them; single marks only where no double ones are used."""
    para_quotes: list[list[QSpan]] = []
    all_quotes: list[QSpan] = []
    double_used = False
    for _, p_start, p_end in paragraphs:
        qs = scan_quotes(text, p_start, p_end)
        para_quotes.append(qs)
        all_quotes.extend(qs)
        if qs and not double_used:
            double_used = any(q.cue != "'" for q in qs)
    # house style: where an article quotes in double marks, single marks are headline or scare quotes
    if double_used:
        para_quotes = [[q for q in qs if q.cue != "'"] for qs in para_quotes]
        all_quotes = [q for q in all_quotes if q.cue != "'"]
    for q in all_quotes:
        if q.cue == "'":
            q.cue = None
            q.kind = "direct"
    return para_quotes, all_quotes


def _answer_statement(
    att: Attributor,
    paragraphs: Sequence[tuple[int, int, int]],
    number: int,
    p_start: int,
    p_end: int,
    sents: list[tuple[int, int]],
) -> tuple[LocalQuote | None, list[tuple[int, int]]]:
    """An interview answer's opening sentence as its speaker's statement, and the sentences left to read."""
    text = att.text
    answer = _answer_speaker(att, text, p_start, p_end) or _unnamed_answer(
        att, text, paragraphs, number, p_start, p_end
    )
    if answer is None or not sents:
        return None, sents
    # an interview answer ("Lévesque: We will ...", or "A: We are ..." after a "Q:" line): its opening
    # sentence is the statement; quotes inside it are read as anywhere else
    speaker, body, rule = answer
    a, b = _trim(text, max(sents[0][0], body), sents[0][1])
    if _QUOTE_MARK.search(text, a, b):
        return None, sents  # a sentence with a quote in it is read as usual
    if len(_WORD.findall(text[a:b])) < 2:
        return None, sents[1:]
    att.remember(speaker)
    return LocalQuote(text[a:b], a, b, "indirect", speaker, None, number, a, b, rule=rule), sents[1:]


def _sentence_quotes(
    att: Attributor,
    para: _Paragraph,
    sent: tuple[int, int],
    used_cues: set[int],
    frames: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]],
) -> list[LocalQuote]:
    """The quotes and reported statements of one sentence, in text order."""
    text = att.text
    out: list[LocalQuote] = []
    for qi, q in enumerate(para.quotes):
        if sent[0] <= q.ms < sent[1]:
            found = _quote_record(att, para, qi, q, sent, used_cues)
            if found is not None:
                out.append(found)
    statements = _statements(att, text, sent, para.number, para.quotes, used_cues, *frames)
    if statements:  # quotes alone need no tidying
        out.extend(statements)
        out = _tidy_statements(text, out)
    if len(out) > 1:
        out.sort(key=lambda lq: lq.start)
    for lq in out:
        att.remember(lq.speaker)
    return out


def _quote_record(
    att: Attributor, para: _Paragraph, qi: int, q: QSpan, sent: tuple[int, int], used_cues: set[int]
) -> LocalQuote | None:
    """A quote in marks attributed, or None for a scare quote, a teaser fragment or an empty quote."""
    text, lex = att.text, att.lex
    if _work_title(text, q, para.start):
        return None  # "told NBC’s “Meet the Press”", "the TV show “Shark Tank”": a title, nobody's words
    _attribute_quote(att, text, para.quotes, qi, q, sent, para.start, para.end, used_cues, lex)
    if not q.attributed:
        _continue_speaker(att, text, para.quotes, qi, q, para.start, para.end, para.prev_open, para.narrator)
    if (
        not q.attributed
        and q.cue is None
        and (para.quotes[qi - 1].me if qi else para.start) < sent[0]
        and not text[sent[0] : q.ms].strip()
        and text[q.qs : q.qe].rstrip()[-1:] in (".", "!", "?", "…")
    ):  # "Ann Roe agreed. “It is late.”": a whole sentence in marks after a narrative one (speakers.py)
        q.speaker = narrated_speaker(att, para.quotes[qi - 1].me if qi else para.start, sent[0])
        q.attributed = q.speaker is not None
        q.rule = "quote.continues.narrated_sentence" if q.attributed else q.rule
    if not q.attributed and q.kind == "partial" and q.cue is None:
        return None  # a scare quote: no speaker, no cue, not a quote of anyone
    if para.teaser and (q.kind == "partial" or q.speaker is None):  # a headline quote of nobody: a teaser
        return None
    if q.speaker is None and q.kind == "partial" and not q.unnamed and _scare_quote(text, q, para.start, lex):
        return None  # "the so-called “X” strategy", "the public “unity”": the writer's scare quotes
    a, b = _trim(text, q.qs, q.qe)
    if b - a < 1 or b - a > MAX_QUOTE_CHARS or not _ALNUM.search(text, a, b):
        return None
    rule = q.rule or "quote.unattributed"
    return LocalQuote(text[a:b], a, b, q.kind, q.speaker, q.cue, para.number, sent[0], sent[1], rule=rule)


_CAPTION = re.compile(
    r"(?:Photograph|Photo|Picture|Image|Illustration)\s*:|Getty Images|/AFP|/Reuters|\(Photo\b|^FILE( PHOTO)?:"
)
# every match of _CAPTION contains one of these (a whole-article check before the per-paragraph search)
_CAPTION_WORDS = ("Photo", "Picture", "Image", "Illustration", "/AFP", "/Reuters", "FILE")


def _looks_like_caption(text: str, a: int, b: int) -> bool:
    return bool(_CAPTION.search(text[a:b]))
