"""A reported clause around the speaker's partial quote: "said the plan was “dead on arrival” and would fail"."""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.extract.quotes.cues import Cue
from briefgen.extract.quotes.marks import QSpan, _trim
from briefgen.extract.quotes.patterns import _WORD
from briefgen.extract.quotes.rules import words
from briefgen.extract.quotes.speakers import _speaker_for_cue
from briefgen.extract.quotes.subjects import Attributor

_NEGATION_BEFORE = re.compile(r"\b(?:not|never|n[’']t)\s+$")
# a clause opening with its subject: a capitalised word, a pronoun or a determiner
_SUBJECT_NEXT = re.compile(r"[A-Z]|(?:he|she|they|we|it|there|the|a|an|his|her|their|its|this|these|those|our)\b")


@lru_cache(maxsize=1)
def _naming_lemmas() -> frozenset[str]:
    """Cues that name what they quote ("called the plan “a disaster”"): the speaker's words end with the quote."""
    return frozenset(words("statement.around_partial", "naming"))


def around_partial(
    att: Attributor, marks: list[QSpan], cue: Cue, sent: tuple[int, int], a: int, b: int, own: list[QSpan]
) -> tuple[int, tuple[int, ...]] | None:
    """The end of a statement text[a:b] around the speaker's partial quotes, and their starts; None when none.

    None when a quote crosses the clause, a full quote comes first, another speaker's cue stands between the
    cue and the quotes ("proposed a debate – but Brown rejected it as “ludicrous”"), the clause is a naming
    complement ("described as “a rant”") or little more than the quote (two words outside the marks at
    least). After a naming cue the speaker's words end with the last partial quote ("calling her a
    “witness,” and then ..."); a later cue of the same speaker after "and" starts their next statement.
    """
    text = att.text
    if text.startswith("as ", a):
        return None
    b = _before_direct(text, a, b, marks)
    own = [q for q in own if q.ms < b]
    inside = [q for q in own if q.kind == "partial" and a <= q.ms and q.me <= b]
    if len(inside) != len(own) or not inside:
        return None
    speaker = own[0].speaker
    cut = next_report(att, sent, inside[0].me, b, speaker)
    if cut is not None:  # ", and called on both sides to ...", "and praised X as “…”": the speaker's next report
        b = cut
        inside = [q for q in inside if q.ms < b]
        if any(q.me > b for q in inside):
            return None
    first, last = inside[0], inside[-1]
    if cue.e <= first.ms:
        if "," in text[cue.e : a] and not _SUBJECT_NEXT.match(text, a):
            # '“…,” she said, referring to X, “and …”': an aside after the cue, no reported clause; but
            # 'In 2008, X said, the donation had made him a “sponsor”': the clause after a parenthetical cue
            return None
        gap = (cue.e, first.ms)
        if att.lex.cue_forms.get(cue.surface.lower().split()[0]) in _naming_lemmas():
            b = last.me
    elif last.me <= cue.s:
        gap = (last.me, cue.s)
    else:
        return None
    for x in att.cues(*gap):
        if text.startswith(" to ", x.e):
            continue  # "Brown will continue to be “…”", "is expected to": an infinitive, no report
        if _NEGATION_BEFORE.search(text, max(gap[0], x.s - 12), x.s):
            continue  # "said the Commission did not comment on “…”": a negated cue reports nothing
        other = _speaker_for_cue(att, x.s, x.e, x.surface, sent, att.lex)[1]
        if not att.in_quote(x.s) and other not in (None, speaker):
            return None  # another speaker's cue: the quote is theirs, not this cue's
    if _words_outside(text, a, b, inside) < 2:
        return None
    return b, tuple(_trim(text, q.qs, q.qe)[0] for q in inside)


# a comma, or "and" / "but" (and an adverb), right before a later cue of the same speaker
_NEXT_OF_SAME = re.compile(r"(?:,\s+|[\s,;]*\b(?:and|but)\s+)(?:(?:also|then|later)\s+)?$")


def next_report(att: Attributor, sent: tuple[int, int], a: int, b: int, speaker: str | None) -> int | None:
    """Where the speaker's next report begins in text[a:b] (", telling X that", "and warned that"), or None."""
    for x in att.cues(a, b):
        joint = _NEXT_OF_SAME.search(att.text, max(a, x.s - 20), x.s)
        if (
            joint is not None
            and not att.in_quote(x.s)
            and _speaker_for_cue(att, x.s, x.e, x.surface, sent, att.lex)[1] == speaker
        ):
            return joint.start()
    return None


# a participle that hands over to the speaker's next quote: "would be “messy,” adding, “…”"
_LEAD_IN = re.compile(
    r"[\s,;:]*(?:\b(?:and|but)\s+)?\b(?:adding|saying|noting|explaining|continuing|insisting|arguing|warning|"
    r"declaring|writing|concluding)\b[\s,;:]*$"
)


def _before_direct(text: str, a: int, b: int, marks: list[QSpan]) -> int:
    """The end of a clause text[a:b] before the first full quote after a partial one in it."""
    direct = [q.ms for q in marks if q.kind != "partial" and a < q.ms < b]
    if not direct or not any(q.kind == "partial" and a <= q.ms < min(direct) for q in marks):
        return b
    end = min(direct)
    lead = _LEAD_IN.search(text, a, end)
    end = lead.start() if lead is not None else end
    while end > a and text[end - 1] in " ,;:":
        end -= 1
    return end


def _words_outside(text: str, a: int, b: int, quotes: list[QSpan]) -> int:
    """How many words of text[a:b] lie outside the given quotes' marks."""
    n, pos = 0, a
    for q in sorted(quotes, key=lambda q: q.ms):
        n += len(_WORD.findall(text, pos, q.ms))
        pos = q.me
    return n + len(_WORD.findall(text, pos, b))
