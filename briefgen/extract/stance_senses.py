"""Stance reading: everyday senses of the stance verbs ("defend our title", "dismissed two workers", "turned down the
heating", "called for an ambulance"), reasons about the speaker's own circumstances after a refusal, and weather or
nature as a target: stances.yml ``senses``, split from ``stance_readers``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from briefgen.extract.stance_words import _DETERMINERS, _FUNCTION, StanceRules, Tok, _at

_NUMBERS = frozenset(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen",
                      "dozens", "hundreds", "several", "some", "many", "few", "any", "all", "more", "such", "own"])
_OBJECT_PRONOUNS = frozenset(["him", "her", "them", "us", "me", "you"])
_AFTER_ALONE = frozenset(["much", "longer", "anymore", "now", "again", "immediately", "today", "tonight", "yesterday"])


def first_noun(obj: Sequence[Tok]) -> Tok | None:
    """The first word of an object after its determiners, numbers and quantifiers ("two workers" -> workers)."""
    return next((t for t in obj if t.low not in _DETERMINERS and t.low not in _NUMBERS and not t.low.isdigit()), None)


def _alone(toks: Sequence[Tok], head: Tok) -> bool:
    """Whether a noun stands alone in its words, not as the modifier of another noun: last, or before a function
    word, an adverb or an inflected verb ("an ambulance but", "the heat much longer", "the water recedes"; not
    "police reform", "the water bill")."""
    seq = list(toks)
    k = seq.index(head) + 1
    if k >= len(seq):
        return True
    nxt = seq[k]
    return (nxt.low in _FUNCTION or nxt.low in _AFTER_ALONE or not nxt.text[0].isalnum() or nxt.low.endswith("ly")
            or (nxt.lemma != nxt.low and nxt.low.endswith(("ed", "es"))))


def _summoned(obj: Sequence[Tok], emergency: frozenset[str]) -> bool:
    """"an ambulance", "help for an hour", "the police but nobody came": someone called to come, the whole object
    (no "more", no "to" after it: "the police to investigate" asks for an act)."""
    k = 1 if obj and obj[0].low in ("a", "an", "the") else 0
    if k >= len(obj) or obj[k].low not in emergency:
        return False
    return k + 1 == len(obj) or obj[k + 1].low in ("but", "and", "for", "again", "immediately", "from", "when", "while")


def _phrase_in(toks: Sequence[Tok], phrases: Iterable[tuple[str, ...]], start_only: bool = False) -> bool:
    seq = list(toks)
    return any(_at(seq, k, p) for p in phrases for k in ((0,) if start_only else range(len(seq))))


def everyday_sense(sent: list[Tok], i: int, lemma: str, obj: Sequence[Tok], rules: StanceRules) -> bool:
    """Whether the stance verb at i (its lemma) with its object is an everyday act, not a position (``senses``)."""
    senses, cls = rules.senses, rules.classes.get("stance.verb", {}).get(lemma, "")
    head = first_noun(obj)
    if head is None:
        return False
    after = sent[i + 1 : i + 1 + len(obj) + 6]  # the object and a few words after it ("... all my life")
    if head.low in senses["reflexives"] or natural(obj, rules):
        return True  # "I back myself to win", "will not tolerate the heat much longer"
    if _phrase_in(obj, senses["times"], start_only=True) or _phrase_in(obj, senses["idioms"], start_only=True):
        return True  # "pushed for years", "backed the wrong horse", "resisted the temptation to quit"
    if _phrase_in(after, senses["lifelong"]) or _phrase_in(sent[max(0, i - 4) : i], senses["forced"]):
        return True  # "supported Liverpool all my life", "had to turn down three patients"
    if cls == "call" and _summoned(obj, senses["emergency"]):
        return True  # "called for an ambulance but nobody came" ("called for police reform", "more doctors": positions)
    possessed = obj.index(head) + 1 < len(obj) and obj[obj.index(head) + 1].text in ("'", "\u2019", "'s", "\u2019s")
    for key in (lemma, cls):
        if head.low in senses["objects"].get(key, ()) and not possessed:
            return True  # "defend our title", "dismissed two workers", "dismissed an appeal" (a court's procedure)
        only = senses["only_objects"].get(key)
        if only is not None and not any(t.low in only for t in obj[:4]):
            return True  # "turned down the heating" ("turned down the generous offer" is a refusal)
    if lemma in senses["invitations"] and len(obj) > 1 and obj[0].low in _OBJECT_PRONOUNS and obj[1].low == "to":
        return True  # "challenged him to a duel" ("challenged the ruling" is a position)
    if lemma == "defend" and _phrase_in(after, senses["legal"]):
        return True  # "defend the former minister in court"
    if cls == "support":
        toks = list(obj)
        return any(t.low in senses["aid_prepositions"] and k + 1 < len(toks) and first_noun(toks[k + 1 :]) is not None
                   and first_noun(toks[k + 1 :]).low in senses["aid"] for k, t in enumerate(toks))  # type: ignore[union-attr]
    return False


def own_circumstance(sent: list[Tok], end: int, rules: StanceRules) -> bool:
    """Whether a reason about the speaker's own circumstances follows a refusal's object (ending at ``end``):
    "because we were on holiday", "as she was abroad", "while my mother was ill" ("because it is unfair" is a
    reason about what is refused, "because we believe it is unfair" the speaker's view: both keep the refusal)."""
    senses = rules.senses
    for k in range(end, min(len(sent) - 2, end + 4)):
        if sent[k].low in senses["reasons"] and sent[k + 1].low in senses["own_subjects"]:
            at = k + 2 if sent[k + 1].low not in _POSSESSIVES else k + 3
            verb, nxt = (sent[at], sent[at + 1]) if at + 1 < len(sent) else (None, None)
            if verb is None or nxt is None or not (verb.lemma in ("be", "have") or verb.low in ("'m", "'re", "'ve")):
                continue
            if nxt.lemma not in rules.negators and not nxt.low.endswith(("ed", "en")):
                return True  # (not "because we were never consulted", "as we were ignored": a grievance)
    return False


_POSSESSIVES = frozenset(["my", "our", "his", "her"])


def refusal_sense(sent: list[Tok], obj: Sequence[Tok], rules: StanceRules) -> bool:
    """Whether a refusal (its verb and object in ``obj``: "sign the petition", "recognise the town") is no position:
    a verb that refuses only a party or a result ("would not recognise the town now"), weather as its object, or a
    reason about the speaker's own circumstances after it ("because we were on holiday")."""
    if len(obj) < 2:
        return False
    only = rules.senses["only_objects"].get(obj[0].lemma)
    if only is not None and not any(t.low in only or t.text[0].isupper() for t in obj[1:5]):
        return True
    end = next((k for k, t in enumerate(sent) if t.start == obj[-1].start), len(sent) - 1) + 1
    return natural(obj[1:], rules) or own_circumstance(sent, end, rules)


def natural(toks: Sequence[Tok], rules: StanceRules) -> bool:
    """Whether words name weather or nature first ("the frost", "rain", "the water recedes"): no party's act."""
    head = first_noun(toks)
    return head is not None and head.text.islower() and head.low in rules.senses["natural"] and _alone(toks, head)


def misfortune(subj: Sequence[Tok], rules: StanceRules, sent: Sequence[Tok] = ()) -> bool:
    """A subject that is one's own misfortune ("Losing the final (was a disaster)", "missing the bus"), or no subject
    of the verdict at all: the words before a wh-clause that holds it ("she did not care who (was to blame)")."""
    if subj and any(t.start > subj[-1].start for t in sent):
        nxt = next(t for t in sent if t.start > subj[-1].start)
        if nxt.low in ("who", "what", "which", "whom", "whoever", "whatever"):
            return True
    return bool(subj) and subj[0].low.endswith("ing") and subj[0].lemma in rules.senses["misfortunes"]


def personal_wish(lemma: str, obj: Sequence[Tok], rules: StanceRules) -> bool:
    """Whether a hope or a request (verb lemma, its object "X would Y" / "X to Y") is a wish or an instruction, not
    a position: about the speaker's own people ("hoped her son would recover"), a fortune ("hoped the team would
    win"), an errand ("asked reporters to leave the room"), or weather ("hoped the weather would hold")."""
    senses, toks = rules.senses, list(obj)
    if not toks or natural(toks, rules) or (toks[0].low in _POSSESSIVES | {"their"} and len(toks) > 1):
        return True
    verb = next((k + 1 for k, t in enumerate(toks) if t.low in ("would", "will", "to", "could")), None)
    if verb is None or verb >= len(toks):
        return False
    if lemma in rules.requests:
        return any(_at(toks, verb, p) for p in senses["errands"])
    return any(_at(toks, verb, p) for p in senses["fortunes"])
