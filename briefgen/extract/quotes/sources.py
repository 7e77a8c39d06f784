"""Reported statements under a source frame: "According to X, ...", "..., according to a new poll."."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from briefgen.extract.lexicon import Lexicon, load_data
from briefgen.extract.quotes.nameless import _nameless_words
from briefgen.extract.quotes.orgref import org_of_phrase
from briefgen.extract.quotes.rules import words
from briefgen.records import Mention

if TYPE_CHECKING:
    from briefgen.extract.quotes.statements import _Sentence

# "a note circulated by (the)", "the report published by": a document its issuer stands behind
_DOCUMENT_BY = re.compile(
    r"(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+){0,2}?(?:note|report|statement|document|memo|memorandum|letter|"
    r"paper|briefing|filing|release|assessment|study|analysis|estimates?|figures|data|forecast|survey)s?\s+"
    r"(?:circulated|issued|published|released|prepared|compiled|drafted|sent|distributed|put out)\s+by(?:\s+the)?"
)

def _source_statements(st: _Sentence, source_re: re.Pattern[str]) -> None:
    """"According to X, ..." / "..., according to X."."""
    att, text, sent = st.att, st.text, st.sent
    for m in source_re.finditer(text, sent[0], sent[1]):
        if att.in_quote(m.start()):
            continue
        if _named_source(st, m):
            continue
        org = org_of_phrase(att, sent, m.end())
        if org is not None:  # "The X Guild rejects it. According to the guild, its members cut water use."
            _emit_source(st, org, m, text.find(",", m.end(), sent[1]))
        else:
            _written_source(st, m)


def _named_source(st: _Sentence, m: re.Match[str]) -> bool:
    """"According to X, ..." with X a person or body named in the text; whether X was read as the source."""
    att, text, sent = st.att, st.text, st.sent
    ms = att.mentions_in(m.end(), min(sent[1], m.end() + 120))
    if not ms:
        return False
    gap = text[m.end() : ms[0].start].strip().lower()
    role_gap = _role_gap(att.lex, gap, ms[0], text[ms[0].start : ms[0].end])
    if gap not in ("", "the") and not _DOCUMENT_BY.fullmatch(gap) and not role_gap:
        return False  # "according to a note issued by X" counts as X; "a document seen by X" does not
    if text.startswith(("’s", "'s"), ms[0].end):
        return False  # "according to X's lawyer": the lawyer speaks, not X
    if len(ms) > 1 and _role_between(att.lex, text[ms[0].end : ms[1].start], ms[1]):
        ms = ms[1:]  # "according to Weber spokeswoman Lena Park": the spokeswoman speaks, not Weber
    after = _GAP_WORD.match(text, ms[0].end + 1) if text[ms[0].end : ms[0].end + 1] == " " else None
    noun = after.group(0).lower().rstrip(".,;:") if after else ""
    if noun in att.lex.role_heads or noun in _NAMED_FOR:
        return False  # "according to a former Anna Weber aide", "… Tom Brown campaign staff": not the named one
    spk = att.speaker_of(ms[0], sent)
    if spk is None:
        return True  # a person the text does not tell apart: nobody, rather than the words as written
    _emit_source(st, spk, m, text.find(",", ms[0].end, sent[1]))
    return True


def _emit_source(st: _Sentence, spk: str, m: re.Match[str], comma: int) -> None:
    """The statement of an "according to" source: after the phrase when it opens the sentence, else before it."""
    if m.start() - st.sent[0] < 3 and comma != -1:
        st.emit(spk, "according to", comma + 1, st.sent[1], "statement.according_to.opening")
    else:
        st.emit(spk, "according to", st.sent[0], m.start(), "statement.according_to.closing")


# the source phrase after "according to" ends at a comma, a semicolon, a dash or a bracket
_SOURCE_PHRASE = re.compile(r"\s*([^,;:()\[\]—–]{2,160}?)(?=\s*(?:[,;:()\[\]—–]|[.!?]?\s*$))")
# where a source phrase's head ends: a preposition, a participle or a relative pronoun ("a poll of voters",
# "a survey released Monday by", "officials who")
_HEAD_END = re.compile(
    r"\s+(?:of|by|from|in|at|for|with|on|to|among|across|between|who|that|which|released|conducted|published|"
    r"taken|compiled|tallied|provided|filed|reported|issued|obtained|seen|cited|posted|carried|commissioned|"
    r"familiar|close|involved|last|this|released|out)\b"
)
_SOURCE_CAP_WORD = re.compile(r"(?:[A-Z][\w’'./&-]*|\d[\w’'./-]*|of|and|the|for|&)$")


@lru_cache(maxsize=1)
def _document_heads() -> frozenset[str]:
    """Nouns that make "according to a ... NOUN" a source as written (cues.yml according_to_documents)."""
    return frozenset(str(w) for w in load_data("cues.yml").get("according_to_documents", []))


def _written_source(st: _Sentence, m: re.Match[str]) -> None:
    """"According to a new poll, ...", "..., according to Politico.": a source named by no actor of the text.

    The phrase up to a comma (or the sentence end); its head, before a preposition, participle or relative
    pronoun, is a document or survey noun, a nameless source noun ("a State Department official"), or the
    phrase is a capitalised name ("The Hill"). Otherwise ("according to plan", "according to the rules")
    nothing: the statement keeps the phrase as written, with no actor.
    """
    text, (s0, s1) = st.text, st.sent
    end = s1
    while end > m.end() and text[end - 1] in " \n.!?”\"’'":
        end -= 1
    pm = _SOURCE_PHRASE.match(text[: end], m.end())
    if pm is None:
        return
    phrase = pm.group(1)
    cut = _HEAD_END.search(phrase)
    head_words = phrase[: cut.start()].split() if cut else phrase.split()
    if not head_words or len(head_words) > 7:
        return
    head = head_words[-1].lower().rstrip(".’'")
    heads = _document_heads() | _nameless_words()[1]
    body = head_words[1:] if head_words[0].lower() in ("the", "a", "an") else head_words
    named = bool(body) and body[0][:1].isupper() and all(_SOURCE_CAP_WORD.match(w) for w in body)
    if head not in heads and not named:
        return  # "according to plan", "according to the rules", "according to his wishes"
    if head_words[0].lower() in _nameless_words()[2]:
        return  # "according to his aides", "according to their data": a pronoun, no source as written
    source = phrase.strip()
    if m.start() - s0 < 3 and pm.end() < end and text[pm.end() : pm.end() + 2].strip().startswith(","):
        st.emit(None, "according to", pm.end() + 1, s1, "statement.according_to.written_source",
                source=source)
    elif m.start() - s0 >= 3:
        st.emit(None, "according to", s0, m.start(), "statement.according_to.written_source",
                source=source)


_GAP_WORD = re.compile(r"[\w’'.-]+")
# nouns a name qualifies after "according to" ("a longtime Tom Brown ally"): the speaker is nameless
_NAMED_FOR = frozenset(["aide", "aides", "ally", "allies", "adviser", "advisers", "advisor", "advisors", "staff",
                        "staffer", "staffers", "spokesman", "spokeswoman", "spokesperson", "supporter", "supporters",
                        "critic", "critics", "campaign", "official", "officials", "source", "sources", "friend",
                        "friends", "associate", "associates", "lawyer", "lawyers", "team", "camp", "loyalist"])


def _role_gap(lex: Lexicon, gap: str, mention: Mention, mentioned: str) -> bool:
    """Whether the words between "according to" and a person's name are that person's role or title
    ("Rep.", "conservative columnist", "a spokeswoman,"), not another source ("people close to", "a poll by",
    "a former aide to X", whose mention may begin with the role).
    """
    if mention.kind != "person" or any(w in _NOT_ROLE_WORDS for w in _GAP_WORD.findall(mentioned.lower())):
        return False
    toks = _GAP_WORD.findall(gap.rstrip(","))
    if not toks or len(toks) > 5 or "," in gap.rstrip(","):
        return False
    if toks[0] in ("a", "an", "the"):
        toks = toks[1:]
    if not toks or any(w in _NOT_ROLE_WORDS for w in toks):
        return False
    last = toks[-1]
    return last in lex.role_heads or last in lex.role_modifiers or last.capitalize() in lex.honorifics


def _role_between(lex: Lexicon, between: str, mention: Mention) -> bool:
    """Whether the words between two names are the second person's role ("Weber spokeswoman Lena Park")."""
    toks = between.lower().split()
    return (
        mention.kind == "person"
        and bool(toks)
        and len(toks) <= 4
        and all(w in lex.role_heads or w in lex.role_modifiers for w in toks)
        and toks[-1] in lex.role_heads
    )


# words that make the phrase before a name another source than that person ("people close to X")
_NOT_ROLE_WORDS = words("statement.according_to.opening", "not_role")
