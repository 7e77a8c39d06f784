"""Findings of a document, poll or survey as reported statements: "A new poll shows Clinton leading"."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from briefgen.extract.lexicon import load_data
from briefgen.extract.quotes.nameless import _nameless_words

if TYPE_CHECKING:
    from briefgen.extract.quotes.statements import _Sentence

_PHRASE_WORD = re.compile(r"[\w’'./&-]+")
# a participle aside between the document and its verb: "A poll, conducted by X for Y, shows ..."
_ASIDE = re.compile(r",\s+(?:[a-z]+ed|released|taken|out)\b[^,;]{0,80},\s*$")
_MAX_WORDS = 14


@lru_cache(maxsize=1)
def _finding_words() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """The finding verbs as one pattern, the document heads and the words that may follow a head (cues.yml)."""
    data = load_data("cues.yml")["findings"]
    verbs = sorted((str(v) for v in data["verbs"]), key=len, reverse=True)
    verb_re = re.compile(r"(?<![\w’'-])(?:" + "|".join(verbs) + r")(?![\w’'-])")
    return verb_re, frozenset(str(w) for w in data["heads"]), frozenset(str(w) for w in data["after_head"])


def finding_statements(st: _Sentence) -> None:
    """A document's finding: "A new poll shows X leading", "FEC records show that ...", "the survey found ...".

    The verb's subject, back to a clause boundary, has a document head (a poll, survey, study, records ...)
    followed only by its modifiers ("released Sunday", "of likely voters", "by X", "last week"); the
    statement keeps the phrase as written (speaker_text) and has no actor. A pronoun in front ("his study"),
    a head followed by another noun ("the poll tax"), a passive ("was shown") give nothing.
    """
    verb_re, heads, after_head = _finding_words()
    text, (s0, s1) = st.text, st.sent
    pronouns, stop = _nameless_words()[2], _nameless_words()[3]
    for m in verb_re.finditer(text, s0, s1):
        if st.att.in_quote(m.start()):
            continue
        end = m.start()
        aside = _ASIDE.search(text, max(s0, end - 90), end)
        if aside is not None:
            end = aside.start()  # "A poll, conducted by X, shows": the phrase ends before the aside
        words = list(_PHRASE_WORD.finditer(text, max(s0, end - 160), end))
        if not words or text[words[-1].end() : end].strip():
            continue  # a comma or a mark right before the verb: no subject phrase
        phrase: list[re.Match[str]] = []
        for w in reversed(words):
            if phrase and text[w.end() : phrase[0].start()].strip():
                break  # a comma or a mark: the phrase starts after it
            low = w.group().lower()
            if low in ("and", "but", "as", "while", "after", "when", "because", "since", "although", "though"):
                break
            phrase.insert(0, w)
            if len(phrase) > _MAX_WORDS:
                break
        if not phrase or len(phrase) > _MAX_WORDS:
            continue
        lows = [w.group().lower().rstrip(".’'") for w in phrase]
        head = next((i for i, low in enumerate(lows) if low in heads), None)
        if head is None or lows[0] in pronouns:
            continue
        if any(low in stop and low not in after_head for low in lows[head + 1 :]):
            continue  # "the poll was ...", "the study has shown": not the phrase's verb
        if head + 1 < len(lows) and lows[head + 1] not in after_head:
            continue  # "the poll tax found ...": the head is a modifier of another noun
        if lows[-1] in ("that", "which"):
            continue  # "a poll that showed X leading was ...": a relative clause, where it ends is unclear
        while len(phrase) > head + 1 and lows[len(phrase) - 1] in st.att.lex.adverbs:
            phrase.pop()  # "The polls have (consistently) shown": the auxiliary is no part of the source
        if text[m.end() : m.end() + 3].lstrip().startswith((",", "—", "–")):
            continue  # "The documents show, he said, that …": an aside follows the verb, not the finding
        a, b = _clause(st, m.end())
        source = text[phrase[0].start() : phrase[-1].end()]
        before = text[s0 : phrase[0].start()].rstrip()
        if not text[a:b].strip(" .!?") and before.endswith(",") and len(before.split()) >= 3:
            a, b = s0, len(before) - 1 + s0  # "Clinton leads by ten points, the poll found."
        st.emit(None, m.group().lower(), a, b, "statement.finding", source=source)
    _in_document(st, heads, after_head)


# "In a CNN poll released Monday, ...": the frame's phrase up to its comma
_IN_FRAME = re.compile(r"(?:In|in)\s+((?:an?|the|its|this|that|[Aa]nother)\s+[^,;:()]{2,120}?),\s+")


def _in_document(st: _Sentence, heads: frozenset[str], after_head: frozenset[str]) -> None:
    """"In a new CNN poll, 50 percent chose X": a finding with the document as written, opening the sentence."""
    text, (s0, s1) = st.text, st.sent
    m = _IN_FRAME.match(text, s0, s1)
    if m is None:
        return
    lows = [w.lower().rstrip(".’'") for w in m.group(1).split()]
    head = next((i for i, low in enumerate(lows) if low in heads), None)
    qualifies = head is not None and head + 1 < len(lows) and lows[head + 1] not in after_head
    if head is None or lows[0] in ("its", "this", "that") or qualifies:
        return  # "In its report, ...": a pronoun; "In a poll tax case": the head qualifies another noun
    if re.match(r"(?:which|who|that|where|when)\b", text[m.end() : m.end() + 6]):
        return  # "In the poll, which was released Monday, ...": an aside, not the finding
    st.emit(None, "in", m.end(), s1, "statement.finding", source=m.group(1))


def _clause(st: _Sentence, verb_end: int) -> tuple[int, int]:
    """The clause a finding verb reports: after an optional "that", to the sentence end."""
    text, s1 = st.text, st.sent[1]
    a = verb_end
    m = re.match(r"\s+that\b", text[a:s1])
    if m is not None:
        a += m.end()
    return a, s1
