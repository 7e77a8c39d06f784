"""An organisation named just before that stands behind "It said ..." or "The union said ...": its actor.

"Brussels Airport confirmed the cancellations. It advised travellers to stay away." — "It" is the
organisation that opened the previous sentence and reported something there; "The ministry said ..." is the
one ministry the article named (or the one that opened the previous sentence). Unsure means nobody: a
previous subject that is a person or a thing ("Parliament passed the law. It says ..." has no report before
it), a noun that fits no organisation ("the company" after a union), or two ministries named.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from briefgen.extract.lexicon import load_data
from briefgen.extract.quotes.patterns import _WORD
from briefgen.extract.quotes.subjects import Attributor
from briefgen.records import Mention


@lru_cache(maxsize=1)
def _org_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(generic nouns, company nouns, other organisation nouns, modifiers any organisation fits) from cues.yml."""
    data = load_data("cues.yml")["org_reference"]
    return (
        frozenset(str(w) for w in data["generic"]),
        frozenset(str(w) for w in data["company"]),
        frozenset(str(w) for w in data["nouns"]),
        frozenset(str(w) for w in data["loose_modifiers"]),
    )


@lru_cache(maxsize=1)
def _subject_re() -> re.Pattern[str]:
    """"It", "The (energy) ministry" right before a cue, after an opener ("In a statement, it said")."""
    generic, company, nouns, _ = _org_words()
    heads = "|".join(sorted(generic | company | nouns, key=len, reverse=True))
    return re.compile(
        r"(?:(?:But|And|However|Meanwhile|Separately|Later|Earlier)\s+|(?:In|On|At|Earlier|Later|Separately|"
        r"Meanwhile|However|But)\b[^,.;:“”\"]{0,60},\s+)?"
        r"(?:(?P<it>[Ii]t)|[Tt]he\s+(?P<mods>(?:[a-z][\w’'-]*\s+){0,2}?)(?P<noun>" + heads + r"))"
        r"(?:\s+(?:also|later|then|further|again|separately|previously|earlier|already|has|had|have))*\s+"
    )


# a second clause with a subject of its own: "It" in the next sentence may be that subject ("X defended the
# plan, and the report was published. It said ...")
_SECOND_CLAUSE = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+(?:the|a|an|its|this|that|[A-Z])\b")
_DETERMINER = re.compile(r"\b(?:a|an|the|its|their|this|that|his|her|new)\s+$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?][”\"’]?\s+|\n")


def _previous_sentence(text: str, s0: int) -> tuple[int, int]:
    """The sentence (or heading line) before the one starting at s0."""
    lo = max(0, s0 - 600)
    end = s0
    while end > lo and text[end - 1].isspace():
        end -= 1
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, lo, max(lo, end - 1))]
    return (breaks[-1] if breaks else lo), end


def _opening_subject(att: Attributor, sent: tuple[int, int]) -> Mention | None:
    """The mention that opens a sentence as its subject: before its first verb cue, after no preposition."""
    first_cue = next((c.s for c in att.cues(sent[0], sent[1]) if not att.in_quote(c.s)), sent[1])
    for m in att.mentions_in(sent[0], first_cue):
        if att.text.startswith(("’s ", "'s "), m.end):
            continue  # "Ecuador's Ombudsman's Office": the possessor modifies the subject
        if m.rule == "pronoun" or att._preceded_by_preposition(m, sent) or not _opening_gap(att, sent[0], m.start):
            return None
        return m
    return None


def _opening_gap(att: Attributor, a: int, b: int) -> bool:
    """Whether the words before a sentence's first mention only describe it ("The prison agency SNAI",
    "In a statement, the federation"), with no verb ("The government set up the Ministry of Health")."""
    generic, company, nouns, loose = _org_words()
    gap = att.text[a:b]
    comma = gap.rfind(", ")
    if comma != -1 and gap[:1] in "IO" and gap.split(None, 1)[0] in ("In", "On"):
        gap = gap[comma + 2 :]  # "In a statement, the federation ...": the opener is no part of the subject
    other = 0
    for w in _WORD.findall(gap):
        low = w.lower()
        if low in ("the", "a", "an") or low in nouns or low in generic or low in company or low in loose:
            continue
        if w[:1].isupper() or low.endswith(("’", "'", "’s", "'s")):
            continue
        other += 1
    return other <= 1


def _reports(att: Attributor, sent: tuple[int, int], nouns: bool = True) -> bool:
    """Whether a sentence reports something: a reporting verb or noun outside quotes. Without ``nouns``: a
    reporting verb ("said in a statement") — "It" after "X published a report." is the report, not X."""
    cues = [c for c in att.cues(sent[0], sent[1]) if not att.in_quote(c.s)]
    verb = any(_DETERMINER.search(att.text, max(0, c.s - 7), c.s) is None for c in cues)  # "a report" is a noun
    noun = (bool(cues) and not verb) or any(
        w.lower() in att.lex.cue_nouns for w in _WORD.findall(att.text, sent[0], sent[1])
    )
    return (verb or noun) if nouns else verb


def _fits(att: Attributor, org: str, noun: str | None, mods: list[str], before: int) -> bool:
    """Whether "the MODS NOUN" can stand for the organisation: its name or a word beside a mention of it."""
    if att.kinds.get(org) != "organisation":
        return False
    if noun is None:
        return True
    generic, company, nouns, loose = _org_words()
    name_words = {w.lower() for w in _WORD.findall(org)}
    near: set[str] = set()
    for m in att.mentions:
        if m.start >= before:
            break
        if m.name == org:
            near |= _descriptor(att.text, m)
    described = name_words | near
    if any(w not in described and w not in loose for w in mods):
        return False  # "the energy ministry" is no ministry of health
    if noun in generic or noun in described:
        return True
    # "the company": an organisation whose name has no other organisation noun ("Charter Communications")
    return noun in company and not (name_words & (nouns | generic))


# the words describing a name: before it in its noun phrase ("Rail operator SNCB", "A smaller union, the
# NASUWT"), or in an apposition after it ("X, a statewide trade group,", "X (EIS), the largest teaching union")
_PHRASE_BREAK = re.compile(r"[.;:()\n“”\"]|,\s")
_POST_APPOSITION = re.compile(r"(?:\s*\([^()]{1,20}\))?,\s+(?:the|a|an|its)\s+([^,.;:()“”\"]{1,60})")


def _descriptor(text: str, m: Mention) -> set[str]:
    """The lower-cased words that describe one mention of a name beside it: before it in its noun phrase
    ("Rail operator SNCB", "A smaller union, the NASUWT") or in an apposition after it ("X, a trade group,")."""
    window = text[max(0, m.start - 60) : m.start]
    pieces = _PHRASE_BREAK.split(window)
    pre = pieces[-1]
    joined_by_comma = window[: len(window) - len(pre)].endswith((", ", ","))
    if pre.strip().lower() in ("", "the") and len(pieces) > 1 and joined_by_comma:
        pre = pieces[-2] + " " + pre  # "A smaller union, the NASUWT": the apposition before the name (never ". The")
    out = {w.lower() for w in _WORD.findall(pre)}
    post = _POST_APPOSITION.match(text, m.end)
    if post is not None and " and " not in post.group(1):  # "The Kremlin, the miners' union and …": a list
        out |= {w.lower() for w in _WORD.findall(post.group(1))}
    return out


def _named_in(att: Attributor, org: str, sent: tuple[int, int]) -> bool:
    """Whether a sentence names the organisation, or calls it by a noun of its name ("the airport said")."""
    if any(m.name == org for m in att.mentions_in(sent[0], sent[1])):
        return True
    _, company, nouns, _ = _org_words()
    own = {w.lower() for w in _WORD.findall(org)} & (nouns | company)
    return any(w.lower() in own for w in _WORD.findall(att.text, sent[0], sent[1]))


def _named_org(att: Attributor, noun: str, mods: list[str], before: int) -> str | None:
    """The one organisation named before whose name holds the noun ("the ministry": "Ministry of Health")."""
    found = {
        m.name
        for m in att.mentions[: max(0, _index_before(att, before))]
        if m.name and noun in {w.lower() for w in _WORD.findall(m.name)}
    }
    fitting = [o for o in found if _fits(att, o, noun, mods, before)]
    return fitting[0] if len(fitting) == 1 and len(found) == 1 else None


def _index_before(att: Attributor, pos: int) -> int:
    """The number of mentions starting before pos."""
    return bisect.bisect_left(att.m_starts, pos)


def org_antecedent(att: Attributor, sent: tuple[int, int], cue_start: int) -> str | None:
    """The organisation "It" or "the NOUN" before a cue stands for, or None when unsure."""
    m = _subject_re().fullmatch(att.text, sent[0], cue_start)
    if m is None:
        return None
    noun = m.group("noun").lower() if m.group("noun") else None
    mods = [w.lower() for w in _WORD.findall(m.group("mods") or "")]
    return _antecedent(att, sent, noun, mods)


_THE_NOUN = re.compile(r"\s*[Tt]he\s+((?:[a-z][\w’'-]*\s+){0,2}?)([a-z]+)\s*(?=,)")


def org_of_phrase(att: Attributor, sent: tuple[int, int], at: int) -> str | None:
    """For "According to the guild, ...": the organisation "the (MODS) NOUN" at ``at`` stands for, or None."""
    m = _THE_NOUN.match(att.text, at, sent[1])
    generic, company, nouns, _ = _org_words()
    if m is None or m.group(2) not in (generic | company | nouns):
        return None
    return _antecedent(att, sent, m.group(2), [w.lower() for w in _WORD.findall(m.group(1))])


def _antecedent(att: Attributor, sent: tuple[int, int], noun: str | None, mods: list[str]) -> str | None:
    """The organisation "It" (noun None) or "the MODS NOUN" in a sentence stands for, or None when unsure."""
    prev = _previous_sentence(att.text, sent[0])
    subject = _opening_subject(att, prev)
    if subject is not None and subject.name:
        if _fits(att, subject.name, noun, mods, sent[0]) and (
            noun is not None
            or (_reports(att, prev, nouns=False) and not _SECOND_CLAUSE.search(att.text, prev[0], prev[1]))
        ):
            return subject.name
        if att.kinds.get(subject.name) != "person" or noun is None:
            return None  # another organisation or a thing opened the previous sentence: not sure it is this one
    last = att.state.history[-1] if att.state.history else None
    if last and _fits(att, last, noun, mods, sent[0]) and _reports(att, prev, nouns=noun is not None) and _named_in(
        att, last, prev
    ):
        # "About 30,000 passengers are affected, the airport said. It advised ...": the last speaker
        return last
    return _named_org(att, noun, mods, sent[0]) if noun is not None else None
