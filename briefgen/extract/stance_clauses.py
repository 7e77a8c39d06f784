"""Stance reading: token tests of a demand's clause (is the modal embedded, does a constraint follow, what does
a stop verb stop, an inability, a condition that never comes, a construction's word class), split from
``stance_readers``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from briefgen.extract.stance_words import _BREAKS, _DETERMINERS, Found, StanceRules, Tok, _at, _finite, _object

_JOINERS = frozenset(["and", "or", "while", "as", "but"])
_FINITE_BE = frozenset(["is", "are", "was", "were", "'s", "'re"])
_TIMES = frozenset(["year", "week", "month", "day", "decade", "term", "season", "quarter", "time", "moment",
                    "spring", "summer", "autumn", "winter", "weekend", "night", "morning", "evening"])


_RELATIVES = frozenset(["who", "which", "that", "whom"])
_ADVERBS = frozenset(["now", "also", "still", "just", "then", "all", "really", "simply", "first", "therefore"])


def _embedded_modal(sent: list[Tok], start: int, i: int) -> bool:
    """Whether the modal at i stands in a relative or embedded clause, not the clause the speaker asserts:
    right after a relative pronoun with a word before it ("people who have to leave", "those who must
    answer"), in an existential "there is/are ..." clause, or after another finite "is/are/was/were" and an
    indefinite noun phrase (a reduced relative: "that is a debate the country must now have")."""
    k = i - 1
    while k > start and (sent[k].low in _ADVERBS or sent[k].low.endswith("ly")):
        k -= 1
    if k >= start and sent[k].low in _RELATIVES and (k > start or sent[k].low != "that"):
        return True  # ("said that prices must fall": the "that" opening a report is skipped by ``_clause_start``)
    pre = sent[start:i]
    if len(pre) >= 2 and pre[0].low == "there" and pre[1].lemma == "be":
        return True
    embedded = False
    for k, t in enumerate(pre[:-1]):  # ("passengers who are overseas should stay home": the subject's relative)
        if t.low in _RELATIVES:
            return False
        if t.low in _FINITE_BE and pre[k + 1].low in _INDEFINITES:
            embedded = True  # "is a debate the country must have"; not "the truth is (that) we must act"
        elif t.low in _JOINERS:
            embedded = False  # "this is a worldwide fight and America must lead it": a new clause
    return embedded


_INDEFINITES = frozenset(["a", "an", "another", "one", "something", "anything", "nothing", "someone", "anyone"])


def _constraint_after(sent: list[Tok], at: int, rules: StanceRules) -> bool:
    """Whether the modal's verb at ``at`` (adverbs skipped) is one of ``rules.constraints``: a predicate of
    expectation or capacity ("have to add up", "should withstand", "must be enough"), not an act anyone is
    asked to do; the intransitive ones only ending their clause ("must work." is one, "must work with X" not)."""
    k = at
    while k < len(sent) and (sent[k].low in _ADVERBS or sent[k].low.endswith("ly")):
        k += 1
    for phrase, closing in rules.constraints:
        if _at(sent, k, phrase):
            end = k + len(phrase)
            if not closing or end >= len(sent) or sent[end].text in _BREAKS or sent[end].low in _JOINERS:
                return True
    return False


def _stopped(sent: list[Tok], at: int, rules: StanceRules) -> list[Tok] | None:
    """What a demand's stop verb at ``at`` (adverbs before it skipped) stops: its gerund or noun phrase ("stop
    pretending X", "end the blockade"); [] when a negation stands before it ("should not stop X"); None when
    there is no stop verb or it takes no object ("the war must end", "the bus should stop at the school")."""
    k = at
    negated = False
    while k < len(sent) and (sent[k].low.endswith("ly") or sent[k].lemma in rules.negators or sent[k].low == "not"):
        negated = negated or sent[k].lemma in rules.negators or sent[k].low == "not"
        k += 1
    if k + 1 >= len(sent) or sent[k].lemma not in rules.stop_verbs:
        return None
    nxt = sent[k + 1]
    if not (nxt.low.endswith("ing") or nxt.low in _DETERMINERS or nxt.low.endswith(("'s", "\u2019s"))
            or nxt.low in ("all", "any", "such")):
        return None
    obj = _object(sent, k + 1, rules)
    if obj and len(obj) <= 3 and obj[-1].lemma in _TIMES:
        return None  # "the talks must end this year": a time, the demand is the clause's
    if obj and obj[0].low.endswith("ing"):  # "stop talking and start acting": what is stopped is "talking"
        cut = next((n for n in range(1, len(obj) - 1) if obj[n].low in ("and", "or")
                    and not obj[n + 1].low.endswith("ing")), len(obj))
        obj = obj[:cut]
    return [] if negated or len(obj) < 2 else obj  # "parents should stop worrying": advice, no position


_CANNOT = frozenset(["could", "cannot", "can", "ca", "unable", "couldn't", "can't"])


def _unable_for_a_reason(sent: list[Tok], i: int, end: int, rules: StanceRules) -> bool:
    """"could not accept the invitation because of a prior engagement", "could not endorse any candidate under
    party rules": an inability with its reason or constraint after the object is no refusal of the object."""
    if not any(t.low in _CANNOT for t in sent[max(0, i - 3) : i]):
        return False
    return any(_at(sent, k, p) for k in range(i + 1, min(len(sent), end + 3)) for p in rules.inability_reasons)


def _never_until(obj: Sequence[Tok], rules: StanceRules) -> int | None:
    """Where an until/unless clause naming a condition that never comes starts in a verb's object ("this budget
    unless hell freezes over"), or None."""
    for k, o in enumerate(obj):
        if o.lemma in rules.until and any(_at(list(obj), k + 1, p) for p in rules.impossible):
            return k
    return None


def _no_act(clause: Sequence[Tok], rules: StanceRules) -> bool:
    """An until/unless clause that names no other party's act: a condition that never comes ("hell freezes
    over"), a ruinous state ("the farmers are ruined") or the speaker's own ("we are sure")."""
    toks = list(clause)
    if any(_at(toks, 0, p) for p in rules.impossible):
        return True
    verb = next((k for k, t in enumerate(toks[1:], 1) if _finite(toks[k - 1 : k + 1]) or t.lemma in rules.state_verbs),
                None)
    if verb is None:
        return False
    if verb == 1 and toks[0].low in ("we", "i", "us"):
        return True
    ruin = any(t.lemma in rules.harm_states for t in toks[verb + 1 : verb + 3])
    return toks[verb].lemma in rules.state_verbs and ruin


def _no_position(sent: list[Tok], i: int, phrase: tuple[str, ...], obj: Sequence[Tok], rules: StanceRules) -> bool:
    """A `for` verb that states no position (stances.yml not_positions): "called on the families" (a visit: no "X
    to Y"), "demanded to know why" (a question), "supported her family on a wage" (providing for someone), "had
    supported X until last year", "initially backed X" (a position since left)."""
    if phrase in rules.visits and not any(t.low == "to" for t in obj):
        return True
    if rules.classes.get("stance.verb", {}).get(phrase[0]) == "call" and obj and obj[0].low == "to":
        return True
    nouns = [t for t in obj if t.low not in _DETERMINERS and t.low not in ("own", "whole")]
    head = len(nouns) == 1 or (len(nouns) > 1 and not nouns[1].text[0].isalnum()) or (
        len(nouns) > 1 and nouns[1].low in ("on", "with", "through", "by", "for", "and", "while", "as"))
    if phrase[0] == "support" and nouns and nouns[0].low in rules.dependants and head:
        return True  # ("supported the family farm subsidy": a modifier, the subsidy is supported)
    if rules.classes.get("stance.verb", {}).get(phrase[0]) not in ("support", "welcome", "want"):
        return False  # (a position held, not an act: "demanded X be suspended until Y" is a demand)
    past = (sent[i].low.endswith("ed") and sent[i].low != sent[i].lemma) or any(t.low == "had" for t in sent[i - 2 : i])
    window = [*sent[max(0, i - 2) : i], *obj, *sent[i + len(phrase) + len(obj) : i + len(phrase) + len(obj) + 3]]
    return past and any(_at(window, k, p) for k in range(len(window)) for p in rules.past_only)


def _classed(found: Found, lemma: str, rules: StanceRules) -> Found:
    """The label with its construction's word class ("stance.verb" + "criticise"), when its word has one; a class
    whose object opens with a noun of stances.yml object_classes becomes that class ("rejected any suggestion of
    X": stance.verb.denial, a claim of fact denied, not a proposal rejected)."""
    cls = rules.classes.get(found.rule, {}).get(lemma)
    if not cls:
        return found
    rule = f"{found.rule}.{cls}"
    words = [w for w in found.target.lower().split()[:4] if w not in _DETERMINERS and w not in ("any", "all", "such")]
    other = rules.classes.get("object:" + rule, {}).get(words[0]) if words else None
    return replace(found, rule=f"{found.rule}.{other}" if other else rule)
