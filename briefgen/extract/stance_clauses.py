"""Stance reading: token tests of a demand's clause (is the modal embedded, does a constraint follow, what does
a stop verb stop), split from ``stance_readers``."""

from __future__ import annotations

from briefgen.extract.stance_words import _BREAKS, _DETERMINERS, StanceRules, Tok, _at, _object

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
