"""Stance reading, part 2: the expression readers (verbs, evaluations, demands, refusals, conditions ...)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from briefgen.extract.lexicon import lexicon as cue_lexicon
from briefgen.extract.stance_clauses import (
    _FINITE_BE,
    _JOINERS,
    _classed,
    _constraint_after,
    _embedded_modal,
    _never_until,
    _no_act,
    _no_position,
    _stopped,
    _unable_for_a_reason,
)
from briefgen.extract.stance_senses import (
    everyday_sense,
    misfortune,
    natural,
    own_circumstance,
    personal_wish,
    refusal_sense,
)
from briefgen.extract.stance_words import (
    _AUX,
    _BREAKS,
    _DEGREE,
    _DETERMINERS,
    _OWN,
    _PRONOUNS,
    Found,
    Own,
    StanceRules,
    Tok,
    _at,
    _attributive,
    _called,
    _clause_back,
    _clause_start,
    _finite,
    _in_open_clause,
    _it_be,
    _negated,
    _object,
    _only_if_after,
    _own_side,
    _own_verb,
    _reported_before,
    _reports_others,
    _span_text,
    _subject,
    _undone,
    _usable,
    is_question,
)


@dataclass(frozen=True, slots=True)
class _Sentence:
    """One sentence being read for stance expressions, with what every expression reader needs."""

    text: str
    sent: list[Tok]
    rules: StanceRules
    lead: bool
    reported: bool
    own: Own = ()
    prev: Sequence[Tok] = ()  # the sentence before, in the same statement (what a "that" may point back to)

    def span(self, toks: Sequence[Tok]) -> str:
        """The article's words of ``toks``."""
        return _span_text(self.text, toks)


_Hit = tuple[int, int, Found]  # (rank, position, stance)
_PREPOSITIONS = frozenset(["on", "of", "for", "to"])  # an evaluation ending in one takes an object: "an attack on X"


def _counterfactual_at(s: _Sentence, i: int) -> list[_Hit]:
    """"It would have been better if X had not Y" (against X Y), "... better to X" (for X)."""
    sent, rules, out = s.sent, s.rules, []
    for phrase in rules.counterfactuals:
        if phrase[0] != sent[i].lemma or not _at(sent, i, phrase):
            continue
        j = i + len(phrase)
        if j < len(sent) and sent[j].low == "if":
            rest = _object(sent, j + 1, rules)
            neg = next((k for k, r in enumerate(rest) if r.lemma == "not"), None)
            if neg is not None and neg > 0:
                before, after = rest[: max(0, neg - 1)], rest[neg + 1 :]
                target = " ".join(p for p in (s.span(before), s.span(after)) if p)
                if _usable(before + after, 2):
                    out.append((0, i, Found("against", target)))
        elif j < len(sent) and sent[j].low == "to":
            obj = _object(sent, j + 1, rules)
            if _usable(obj, 2):
                out.append((0, i, Found("for", s.span(obj))))
    return out


def _verb_at(s: _Sentence, i: int) -> list[_Hit]:
    """The speaker's own stance verb and its object: "criticised Washington for ...", "will not tolerate X"."""
    sent, rules, out = s.sent, s.rules, []
    for phrase, side in rules.verbs_at.get(sent[i].lemma, ()):
        if phrase[0] != sent[i].lemma or not _at(sent, i, phrase):
            continue
        before = sent[max(0, i - 2) : i]
        if any(b.low in _DETERMINERS or b.low.endswith(("'s", "\u2019s")) for b in before) and not _after_own(s, i) \
                and not (i and sent[i - 1].low in _SUBJECTS):
            continue  # a noun ("her staunch support of"), not a verb ("said the bloc condemned" is one)
        if any(b.lemma in rules.modal_blockers and not _backshifted_cannot(sent, k)
               for k, b in enumerate(before, max(0, i - 2))) or not _own_or_vowed(s, i):
            continue  # "may support X" is a forecast; "said she could not accept X" is "I cannot accept X"
        if i + len(phrase) < len(sent) and sent[i + len(phrase)].low in rules.particles:
            continue  # a phrasal verb: "back down on X", "back away from X"
        if not s.lead and _reports_others(sent, _clause_start(sent, i, s.reported), i):
            continue  # "where I say I want X": a report of a position inside a quote, say less
        if phrase[0] in rules.present_only and sent[i].low not in (phrase[0], phrase[0] + "s"):
            continue  # "we stand with X" is a stance, "she stood with her husband" a description
        nxt = i + len(phrase)
        if phrase[-1] in rules.no_infinitive and nxt < len(sent) and sent[nxt].low in ("to", "not"):
            continue  # "we want to thank everyone", "we would prefer not to comment"
        obj = _object(sent, nxt, rules)
        if obj and phrase[-1] in _VERB_PREPOSITIONS and obj[0].low in _VERB_PREPOSITIONS | {"in", "at", "from"}:
            continue  # "that I would stand with in a flood": the object stood before the verb
        if obj and obj[0].low == "that":
            if phrase[-1] in _VERB_PREPOSITIONS:
                continue  # "I agree with that in every case", "people that I disagree with that I would ...": a pronoun
            obj = obj[1:]
            end = nxt + len(obj) + 1
            if obj and end < len(sent) and sent[end].text == "," and not _finite(obj):
                continue  # "demanded that the minister, who has X, publish Y": the clause is cut, its target unknown
        if not _usable(obj) or (len(obj) == 1 and obj[0].low in _PRONOUNS) or obj[0].low in _FINITE_BE | _JOINERS:
            continue  # "what we want is X": the target is no object of the verb; "stand by and watch"
        if obj[0].low in ("if", "unless", "whether") or (sent[i].lemma in _WARNING and obj[0].lemma in rules.readings):
            continue  # "welcome if X wants to", "cautioned against reading the decision as X": no position on X
        never = _never_until(obj, rules)
        if never is not None:
            obj = obj[:never]  # "will not support this budget unless hell freezes over": against this budget
        elif _conditional(obj, rules, _negated(sent, i, rules)):
            continue  # "would not support the budget unless X": the condition's stance (``_condition_at``)
        if everyday_sense(sent, i, phrase[0], obj, rules):
            continue  # "defend our title", "dismissed two workers", "called for an ambulance": stances.yml senses
        if phrase[-1] in rules.no_infinitive and (obj[0].low in _PRONOUNS | {"to"} or any(
                a.low == "to" and b.lemma in rules.extraposed_blockers for a, b in pairwise(obj))):
            continue  # "we want it to be lasting", "I don't want that to happen", "I want people to know X"
        if any(b.low == "would" for b in sent[max(0, i - 4) : i]) and any(
                b.low == "have" for b in sent[max(0, i - 3) : i]):
            continue  # "she would have been committed to X": a counterfactual about someone
        if side == "for" and (_neutral(obj, rules) or _no_position(sent, i, phrase, obj, rules)):
            continue  # "called for calm", "urged caution about the tax": a manner; "called on the families": a visit
        if sent[i].lemma == "deny" and obj[0].low.endswith("ing"):
            continue  # "denied targeting civilians": a denial of its own act, a claim of fact, not a position
        if _negated(sent, i, rules):
            if side == "for" and not _unable_for_a_reason(sent, i, nxt + len(obj), rules) \
                    and not own_circumstance(sent, nxt + len(obj), rules):
                out.append((1, i, Found("against", s.span(obj), "stance.verb.negated")))
            continue
        out.append((1, i, Found(side, s.span(obj))))
    return out


_VERB_PREPOSITIONS = _PREPOSITIONS | {"with", "by", "against", "behind"}  # a phrasal stance verb's last word
_SUBJECTS = frozenset(["it", "he", "she", "they", "we", "i", "you"])  # "said that it supported X": a verb after them


def _backshifted_cannot(sent: list[Tok], k: int) -> bool:
    """A "could" at k right before a negation: the reported "cannot" ("said she could not accept X")."""
    return sent[k].low == "could" and k + 1 < len(sent) and sent[k + 1].lemma == "not"


def _conditional(obj: Sequence[Tok], rules: StanceRules, negated: bool) -> bool:
    """Whether a verb's object holds its condition: "the deal only if X", or after a negated verb "the budget
    unless X" / "until X" ("demanded the round be suspended until X" and "urged X to stay home unless Y" are
    a duration and an exception, not conditions)."""
    return any((negated and o.lemma in rules.until)
               or (o.low == "only" and k + 1 < len(obj) and obj[k + 1].low in ("if", "when", "once"))
               for k, o in enumerate(obj))


def _own_or_vowed(s: _Sentence, i: int) -> bool:
    """The speaker's own verb (``_own_verb``), or one right after an opening "vowed to", "threatened to"."""
    sent = s.sent
    if s.lead and i == 2 and sent[1].low == "to" and sent[0].lemma in s.rules.intents:
        return True
    return _own_verb(sent, i, s.lead, s.own)


def _neutral(obj: Sequence[Tok], rules: StanceRules) -> bool:
    """An object that asks for a manner ("calm", "caution about X", "restraint"), not for a policy."""
    first = next((t for t in obj if t.low not in _DETERMINERS and t.low not in ("more", "greater", "maximum")), None)
    return first is not None and first.lemma in rules.neutral_objects


def _noun_at(s: _Sentence, i: int) -> list[_Hit]:
    """A stance noun after the speaker's verb of saying or giving: "expressed support for X", "voiced
    opposition to X", "threw its weight behind X" (for/against X); a negated one states none."""
    sent, rules = s.sent, s.rules
    if sent[i].lemma not in rules.light_verbs or not _own_or_vowed(s, i) or _negated(sent, i, rules):
        return []
    for k in range(i + 1, min(len(sent) - 1, i + 5)):
        t = sent[k]
        if t.text in _BREAKS:
            return []
        side = rules.stance_nouns.get(t.lemma) or rules.stance_nouns.get(t.low)
        if side is None:
            continue
        prep = sent[k + 1].low
        if prep not in rules.noun_prepositions or (t.low == "weight" and prep != "behind"):
            return []  # "lent weight to the claims" is evidence, not backing
        obj = _object(sent, k + 2, rules)
        if not _usable(obj) or (len(obj) == 1 and obj[0].low in _PRONOUNS) or _neutral(obj, rules):
            return []
        return [(1, i, Found(side, s.span(obj)))]
    return []


_PREDICATES = frozenset(["can", "cannot", "have", "go", "send"])  # verdicts that are verb phrases
_INTENSIFIERS = frozenset(["very", "so", "really", "extremely", "deeply", "profoundly", "greatly", "hugely",
                           "bitterly", "absolutely", "truly", "particularly", "most", "quite", "too", "also"])


def _feeling_at(s: _Sentence, i: int) -> list[_Hit]:
    """The speaker's own feeling about something: "we are deeply disappointed by X" (against X), "said it
    was pleased with X", "I am delighted that X" (for X); someone else's feeling or a negated one is none."""
    sent, rules = s.sent, s.rules
    side = rules.feelings.get(sent[i].lemma)
    if side is None or i + 1 >= len(sent) or sent[i + 1].low not in rules.feeling_prepositions:
        return []
    k = i - 1
    while k >= 0 and (sent[k].low in _INTENSIFIERS or sent[k].low.endswith("ly")):
        k -= 1
    if k < 1 or not (sent[k].lemma in ("be", "remain", "feel") or sent[k].low in ("'m", "'re")):
        return []  # "pleased with the result" needs its subject: "we are", "said it was"
    if _negated(sent, k + 1, rules) or _negated(sent, k, rules):
        return []  # "we are not happy with X" is a stance, but say less: none
    while k > 0 and sent[k - 1].lemma in ("be", "have", "will", "would", "remain"):
        k -= 1
    if not _own_verb(sent, k, s.lead, s.own):
        return []
    obj = _object(sent, i + 2, rules)
    if not _usable(obj) or (len(obj) == 1 and obj[0].low in _PRONOUNS) or obj[0].low in rules.personal:
        return []  # "I'm happy with my breakfast": a personal feeling, no position
    if k >= 1 and (sent[k - 1].low, obj[0].low) in (("he", "his"), ("she", "her")):
        return []  # "said she was happy with her breakfast": the same, reported
    return [(1, i, Found(side, s.span(obj)))]


def _after_own(s: _Sentence, i: int) -> bool:
    """Whether a name of the speaker's own side stands before position i ("said the bloc condemned")."""
    k = i - 1
    while k >= 0 and s.sent[k].low in _OWN:
        k -= 1
    if not (s.own and s.lead and k >= 0 and _own_side(s.sent, k, s.own)):
        return False
    # "said the government support package for farmers was too small": a noun, the clause's verb comes later
    for t in s.sent[i + 1 : i + 7]:
        if t.text in _BREAKS or t.low in ("that", "which", "who", "and", "but"):
            break
        if t.lemma == "be" or t.low in ("has", "have", "had", "would", "will", "could", "should"):
            return False
    return True


def _evaluation_at(s: _Sentence, i: int) -> list[_Hit]:
    """An evaluation of a subject or of what the speaker called: "X will not work", "called X cosmetic"."""
    sent, rules, out = s.sent, s.rules, []
    if sent[i].lemma in rules.feelings and sent[i].low.endswith("ed"):
        return []  # "residents were disappointed" is their feeling (``_feeling_at``), not "disappointing"
    for phrase, side in rules.evaluations_at.get(sent[i].lemma, ()):
        if phrase[0] != sent[i].lemma or not _at(sent, i, phrase):
            continue
        if phrase[0] in _NP_STARTS and sent[i].low != phrase[0]:
            continue  # "the worst to hit the island": the lemma table reads "worst" as "wrong"
        if phrase[0] in rules.participles and not sent[i].low.endswith(("ed", "en", "wn")):
            continue  # "what the fundamentals justify": the verb, not the verdict "justified"
        if any(x.low in rules.standards for x in sent[_clause_back(sent, i, s.reported) : i]):
            continue  # "moved beyond what X justify", "far higher than is justified": a standard, no verdict
        if phrase[0] not in _NP_STARTS and i and sent[i - 1].low in _EMBEDDING:
            continue  # "against this kind of nonsense", "won't make the same mistake": a noun inside a phrase
        nxt_at = i + len(phrase)
        if nxt_at < len(sent) and _attributive(sent[nxt_at]) and phrase[-1] not in _PREPOSITIONS:
            continue  # "would expose farmers to unfair competition": "unfair" describes a noun, not a subject
        if phrase[-1] in _PREPOSITIONS and any(o.lemma in rules.bad_objects for o in _object(sent, nxt_at, rules)):
            continue  # "the arrests are a threat to organised crime": a threat to a harm is no verdict against X
        start_neg = i - (1 if i and sent[i - 1].low in ("a", "an", "the") else 0)
        negated = _negated(sent, start_neg, rules) or _negated(sent, max(0, start_neg - 1), rules)
        if negated and (side == "against" or rules.verdict_no_flip & set(phrase)):
            continue  # "certainly not a betrayal", "is not long overdue": say less
        if side == "for" and _undone(sent, nxt_at, rules):
            continue  # "the answer to the wrong question": no verdict
        stance = "against" if negated else side
        k = i - 1
        while k >= 0 and sent[k].low in _DEGREE:
            k -= 1
        called = _called(sent, k, rules, s.lead, s.own)
        if called is not None:  # "called the concessions cosmetic", "described the plan as a mistake"
            if _usable(called) and not (len(called) == 1 and called[0].low in _PRONOUNS):
                out.append((1, i, Found(stance, s.span(called), "stance.evaluation.called")))
            continue
        if _it_be(sent, k):  # "it was unrealistic for X to ...", "it would be a mistake to X"
            if phrase[0] in rules.no_extraposed:
                continue  # "it is illegal to sell X" describes a law
            if phrase[-1] in _PREPOSITIONS and phrase[0] not in _NP_STARTS:  # ("it is wrong to X" is one)
                continue  # "it is an attack on X": X is what is attacked, and "it" names nothing: none
            obj = _object(sent, i + len(phrase), rules)
            if (len(obj) >= 2 and obj[0].low == "to" and obj[1].lemma in rules.extraposed_blockers) or (
                    phrase[-1] == "to" and obj and obj[0].lemma in rules.extraposed_blockers):
                continue  # "it would be a mistake to say that X", "it is wrong to say X": no stance on X
            if _usable(obj, 2):
                out.append((1, i, Found(stance, s.span(obj), "stance.evaluation.extraposed")))
            continue
        if phrase[0] in _NP_STARTS and not _copula_before(sent, i):
            continue  # "are going to find the solution": no verdict on the subject
        subj = _judged(s, i, phrase)
        if misfortune(subj, rules, sent):
            continue  # "Losing the final was a disaster": one's own misfortune, no verdict on an act
        if len(subj) == 2 and subj[0].low == "the" and subj[1].lemma in rules.empty_subjects:
            continue  # "the problem is unacceptable", "the time is long overdue for X": no target named
        if _usable(subj) and not (len(subj) == 1 and subj[0].low in _PRONOUNS):
            out.append((1, i, Found(stance, s.span(subj), "stance.evaluation.subject")))
    return out


def _judged(s: _Sentence, i: int, phrase: tuple[str, ...]) -> list[Tok]:
    """The subject an evaluation at i judges ("X is a mistake", "X cannot continue", "X goes too far"; a
    "that" pointing back: ``_antecedent``); empty when there is none."""
    sent, nxt_at = s.sent, i + len(phrase)
    if phrase[0] in _PREDICATES:  # "X cannot continue", "X has no place", "X goes too far": subject before
        if phrase[0] in ("can", "cannot", "have") and nxt_at < len(sent) and sent[nxt_at].text not in _BREAKS \
                and not (phrase[0] == "have" and sent[nxt_at].low == "in"):
            return []  # "the ferry cannot continue its route", "has no place to go": a fact, not a verdict
        subj = sent[_clause_start(sent, i, s.reported) : i]
        while subj and (subj[-1].low in _AUX or subj[-1].lemma in ("not", "will", "would", "do", "be")
                        or subj[-1].low in ("simply", "just", "also", "still", "clearly")):
            subj = subj[:-1]  # "the plan does not (go far enough)"
        if any(x.low in ("who", "which", "if", "unless", "when", "whether") for x in subj):
            return []
    else:
        subj = _subject(sent, i, s.reported)
    while subj and subj[0].low in ("and", "but", "so"):
        subj = subj[1:]
    while len(subj) > 1 and subj[-1].low in ("just", "simply", "also", "still", "clearly", "really", "certainly"):
        subj = subj[:-1]  # "Culberson just (isn't working)"
    if any(x.low in ("if", "unless", "whether", "neither", "nor", "because", "since", "although", "though")
           for x in subj) or _only_if_after(sent, nxt_at):
        return []  # "If Russia is to blame, …", "… the wrong message only if they are permanent", "because he was X"
    if not subj or (len(subj) == 1 and subj[0].low in ("that", "this")):
        back = _pronoun_subject(sent, i)
        if back is not None:  # "we spend half of it on interest, and that cannot continue"
            subj = _antecedent(s, back)
    if subj and subj[0].low in _FINITE_BE | {"has", "have", "had"}:
        return []  # "the plan that (was agreed) is a mistake": a relative clause's verb, no subject
    if len(subj) == 2 and subj[0].low in ("while", "although", "though") and subj[1].low in _PRONOUNS:
        return []  # "while this is a step forward, ...": a concession about a pronoun
    if any(x.low in s.rules.clause_openers for x in subj):
        return []  # "if abortion were made illegal", "while this is a step forward": no verdict
    forms, evidence = cue_lexicon().cue_forms, s.rules.evidence_verbs
    said = [k for k, x in enumerate(subj) if (x.lemma in _BELIEFS or x.low in forms
                                              or (x.lemma in evidence and k and subj[k - 1].low not in _DETERMINERS))
            and not (k and subj[k - 1].low == "to")]  # "to say so before the summit (is not expedient)"
    if said:  # "Prager thinks their logic (is flawed)": the verdict is on what follows the belief
        if any(x.lemma in s.rules.negators for x in subj[: said[-1]]):
            return []  # "we don't believe troops are the answer": the polarity turns, say less
        subj = subj[said[-1] + 1 :]
    return subj


_BELIEFS = frozenset(["think", "believe", "say", "feel", "know", "hope", "fear", "admit", "argue", "insist",
                      "suggest", "claim", "agree", "doubt", "expect", "understand"])


def _pronoun_subject(sent: list[Tok], i: int) -> int | None:
    """The position of a subject "that"/"this" right before the verdict at i ("and that cannot continue",
    "That is a mistake"), opening its sentence or after "and"/";"; None otherwise."""
    k = i - 1
    while k >= 0 and (sent[k].low in _DEGREE or sent[k].lemma in ("be", "not", "will", "would", "have")
                      or sent[k].low in _INTENSIFIERS or sent[k].low in ("'s", "never", "simply", "just")):
        k -= 1
    if k < 0 or sent[k].low not in ("that", "this"):
        return None
    return k if k == 0 or sent[k - 1].low in ("and", ";") else None


def _antecedent(s: _Sentence, at: int) -> list[Tok]:
    """What a subject "that"/"this" points back to: the clause before it in its sentence, joined by "and"
    or ";" ("we spend half our revenue on interest, and that cannot continue"), or, opening a sentence, the
    whole sentence before it in the same statement ("They want to close the port. That is a mistake.").
    Empty when there is none, or it is a question, a pronoun clause or over 25 words."""
    sent = s.sent
    if at > 0:
        k = at - 1
        if sent[k].low not in ("and", ";"):
            return []
        end = k - 1 if k >= 1 and sent[k - 1].text == "," else k
        start = _clause_start(sent, end, s.reported)
        clause = [t for t in sent[start:end] if t.low not in ("but", "and")]
    elif at == 0 and s.prev:
        clause = [t for t in s.prev if t.text not in (".", "!")]
        if s.prev[-1].text == "?" or is_question(list(s.prev), s.rules):
            return []
    else:
        return []
    if not clause or len(clause) > 25 or not _usable(clause, 2) or clause[0].low in ("it", "this", "that"):
        return []
    return clause


# a verdict word right after one of these is inside a noun or prepositional phrase, not a verdict on a subject
_EMBEDDING = frozenset(["of", "against", "about", "with", "from", "into", "same", "the", "this", "these", "those",
                        "such"])
# evaluations that are noun phrases, or "right to", "wrong to", "to blame": a copula must stand right before them
_NP_STARTS = frozenset(["the", "a", "an", "good", "great", "long", "right", "wrong", "to"])
_LINKS = frozenset(["be", "remain", "seem", "become", "prove"])


def _copula_before(sent: list[Tok], i: int) -> bool:
    """A copula right before position i, only degree words and negations between ("is not the answer",
    "would be a good deal"; not "are going to find the solution")."""
    k = i - 1
    while k >= 0 and (sent[k].low in _DEGREE or sent[k].lemma == "not" or sent[k].low in _INTENSIFIERS
                      or sent[k].low in ("never", "still", "just", "actually", "clearly", "surely")
                      or sent[k].low.endswith("ly")):
        k -= 1
    return k >= 0 and (sent[k].lemma in _LINKS or sent[k].low in _FINITE_BE)


def _extraposed_at(s: _Sentence, i: int) -> list[_Hit]:
    """"It is crucial that X", "it is time to X" (for X); "it is wrong to X" (against X), "it was right that X"."""
    sent, rules, t = s.sent, s.rules, s.sent[i]
    strict = rules.extraposed_strict.get(t.lemma) if t.low == t.lemma else None
    if not ((t.lemma in rules.extraposed or strict) and i >= 2 and _it_be(sent, i - 1)):
        return []
    if _negated(sent, i - 1, rules) or _negated(sent, i, rules):
        return []
    nxt = sent[i + 1] if i + 1 < len(sent) else None
    if strict and (nxt is None or nxt.low not in ("to", "that")):
        return []  # "it was right next to the school", "it's wrong" alone
    obj = _object(sent, i + 1, rules)
    if len(obj) >= 2 and obj[0].low == "to" and obj[1].lemma in rules.extraposed_blockers:
        return []  # "it is important to note that X", "it is wrong to say X": no stance on X
    return [(1, i, Found(strict or "for", s.span(obj)))] if _usable(obj, 2) else []


def _hope_or_request_at(s: _Sentence, i: int) -> list[_Hit]:
    """The speaker's own "hoped X would Y" and "asked X to Y": for X Y."""
    sent, rules, t = s.sent, s.rules, s.sent[i]
    if t.lemma not in rules.hopes and t.lemma not in rules.requests:
        return []
    if not _own_verb(sent, i, s.lead, s.own) or _negated(sent, i, rules):
        return []
    obj = _object(sent, i + 1, rules)
    if t.lemma in rules.requests and obj and obj[0].low == "to":
        obj = obj[1:]  # "appealed to the province to send buses" is "asked the province to send buses"
    lows = [o.low for o in obj]
    if t.lemma in rules.hopes:  # "hoped the city would reopen the pool" (not "hoped to finish")
        ok = bool(lows) and lows[0] != "to" and any(w in ("would", "will") for w in lows)
    else:  # "asked the ombudsman to investigate" (not "asked about the fines")
        ok = "to" in lows[1:] and _usable(obj[: lows.index("to")])
    if ok and _usable(obj, 2) and not personal_wish(t.lemma, obj, rules):  # "hoped her son would recover": a wish
        kind = "hope" if t.lemma in rules.hopes else "request"
        return [(2 if t.lemma in rules.hopes else 1, i, Found("for", s.span(obj), f"stance.{kind}"))]
    return []


def _demand_at(s: _Sentence, i: int) -> list[_Hit]:
    """A demand ("must", "should"): the clause holding the modal is the target (for)."""
    sent, rules, t, out = s.sent, s.rules, s.sent[i], []
    for rank, group in ((2, rules.strong), (3, rules.weak)):
        for phrase in group:
            if phrase[0] != t.lemma or not _at(sent, i, phrase):
                continue
            before = sent[max(0, i - 2) : i]
            if any(b.lemma in rules.modal_blockers or b.lemma in ("would", "will") or b.low.endswith(("'ll", "'d"))
                   for b in before):
                continue  # "you'd have to be insane", "you'll have to ask": a forecast
            if t.low == "having":
                continue  # "despite having to defend more seats": a circumstance, no demand
            if t.low == "needed" and (i == 0 or sent[i - 1].low not in _PRONOUNS):
                continue  # "the 95% needed to stop outbreaks" is no demand
            nxt = i + len(phrase)
            if rank == 3 and nxt < len(sent) and sent[nxt].lemma in rules.weak_blockers:
                continue  # "the results should show ...": a prediction
            if rank == 3 and nxt < len(sent) and sent[nxt].lemma == "work" and (
                    nxt + 1 == len(sent) or sent[nxt + 1].text in _BREAKS):
                continue  # "the way the fund should work.": a prediction ("should work with X to Y" is a demand)
            if nxt + 1 < len(sent) and sent[nxt].low == "have" and sent[nxt + 1].low.endswith(("ed", "en", "wn", "ne")):
                continue  # "should have known", "must have seen": a reproach or an inference, no demand
            if t.low == "has" and i > 0 and sent[i - 1].low in _PRONOUNS:
                continue  # "the needle she has to thread", "he has to seal the deal": a necessity of his
            if t.low == "had" and not (s.lead and i > 0 and sent[i - 1].low not in ("has", "have", "'ve")):
                continue  # "we had to leave" is a past necessity; "said any deal had to address X" a demand
            if rank == 2 and nxt < len(sent) and sent[nxt].lemma in rules.strong_blockers:
                continue  # "we have to wait for the weather": a necessity, no position
            if _negated(sent, i, rules) and phrase[0] not in ("no",):
                continue
            start = _clause_start(sent, i, s.reported)
            if any(x.low in ("nobody", "none", "no", "neither", "nothing") for x in sent[start:i]):
                continue  # "Nobody should end the bus pass", "None of us should stop the march": no demand
            if _in_open_clause(sent, start, i, rules) or _reports_others(sent, start, i):
                continue
            if phrase[0] != "no" and _embedded_modal(sent, start, i):
                continue  # "people who have to extend their stay", "a debate the country must have": no demand
            if _constraint_after(sent, nxt, rules):
                continue  # "the numbers have to add up", "the dam should withstand storms": a constraint
            stop = _stopped(sent, nxt, rules)
            if stop is not None:  # "we should stop pretending X": against X; "should not stop X": none
                if stop and _usable(stop) and not (len(stop) == 1 and stop[0].low in _PRONOUNS):
                    out.append((rank, i, Found("against", s.span(stop), "stance.demand.stop")))
                continue
            clause = sent[start:i] + _object(sent, i, rules)
            if _usable(clause, 2):
                name = f"stance.demand.{'strong' if rank == 2 else 'weak'}"
                out.append((rank, i, Found("for", s.span(clause), name)))
    return out




def _without_at(s: _Sentence, i: int) -> list[_Hit]:
    """"No talks without X", "we can't have talks without X": a demand for X."""
    sent, rules = s.sent, s.rules
    if sent[i].low != "without" or not any(b.lemma in rules.without for b in sent[max(0, i - 6) : i]):
        return []
    start = _clause_start(sent, i, s.reported)
    if _in_open_clause(sent, start, i, rules):
        return []
    if not any(t.low in ("will", "would", "can", "cannot", "could", "must", "should", "'ll") for t in sent[start:i]):
        return []  # "had no lawful basis for holding them without charge": a finding, no demand
    verbs = [k for k in range(start, i) if sent[k].lemma in rules.without_verbs or sent[k].low in ("'s", "'re", "'ve")]
    if not verbs and not (start < i and sent[start].low == "no"):
        return []  # "the town will not survive without newcomers": a forecast, no demand
    if any(k + 1 < i and sent[k].lemma == "be" and sent[k + 1].low.endswith(("ed", "en", "wn")) for k in verbs):
        return []  # "no extraction would be allowed without a vote": a rule described
    clause = sent[start:i] + _object(sent, i, rules)
    if natural(sent[i + 1 :], rules):
        return []  # "there will be no harvest without rain": weather, no one's act
    return [(2, i, Found("for", s.span(clause)))] if _usable(clause, 2) else []


def _refusal_at(s: _Sentence, i: int) -> list[_Hit]:
    """The speaker's own refusal: "refused to sign X" (against "sign X"), "would not negotiate on X"."""
    sent, rules, t = s.sent, s.rules, s.sent[i]
    if t.lemma in rules.refuse:
        if i + 2 >= len(sent) or sent[i + 1].low != "to" or sent[i + 2].lemma in rules.refusal_blockers:
            return []
        if any(_at(sent, i + 2, p) and side == "against" for p, side in rules.verbs_at.get(sent[i + 2].lemma, ())):
            return []  # "refused to condemn X": no position on X ("refused to accept X" stays against)
        if _negated(sent, i, rules) or not _own_verb(sent, i, s.lead, s.own):
            return []
        obj = _object(sent, i + 2, rules)
    elif t.lemma in rules.refused_negated:
        if not _negated(sent, i, rules) or not _own_verb(sent, i, s.lead, s.own):
            return []
        if not any(b.low in _REFUSING for b in sent[max(0, i - 3) : i]):
            return []  # "did not recognise the passenger" is a fact; "will not sign", "can't accept" refuse
        if any(b.low in _DETERMINERS or b.lemma in rules.modal_blockers for b in sent[max(0, i - 3) : i]):
            return []  # a noun ("their sign"), or a forecast ("may not sign")
        obj = _object(sent, i, rules)
    else:
        return []
    if any(o.lemma in rules.until or o.low == "before" for o in obj) or refusal_sense(sent, obj, rules):
        return []  # "would not negotiate a deal until after the vote": a condition; "because we were away"
    return [(1, i, Found("against", s.span(obj)))] if _usable(obj, 2) else []


_REFUSING = frozenset(["will", "would", "won't", "wo", "shall", "can", "cannot", "ca", "'ll"])


def _condition_at(s: _Sentence, i: int) -> list[_Hit]:
    """A condition set on an agreement: "accepted only if X", "would not lift the blockade until X" (for X)."""
    sent, rules = s.sent, s.rules
    if sent[i].lemma not in rules.until and sent[i].lemma not in rules.only_if_firsts:
        return []
    phrase = next((p for p in rules.only_if if p[0] == sent[i].lemma and _at(sent, i, p)), None)
    if phrase is None and sent[i].lemma not in rules.until:
        return []
    start = _clause_start(sent, i, s.reported)
    if _in_open_clause(sent, start, i, rules) or _reports_others(sent, start, i):
        return []
    # the speaker's own condition: their verb ("we will accept ... only if", "said Finland would ...") or a
    # passive one ("would be accepted only if"), never a named other's ("said Kyiv would accept ... only if")
    verbs = [v for v in range(start, i) if any(_at(sent, v, p) for p in rules.condition_verbs)
             and (_own_verb(sent, v, s.lead, s.own) or (v >= 1 and sent[v - 1].lemma == "be"))]
    if phrase is None:  # "until"/"unless": only after a negated condition verb
        verbs = [v for v in verbs if _negated(sent, v, rules)]
        end = i + 1
    else:
        verbs = [v for v in verbs if not _negated(sent, v, rules)]
        end = i + len(phrase)
    if not verbs or any(b.lemma in rules.modal_blockers for b in sent[max(start, verbs[0] - 3) : verbs[0]]):
        return []
    obj = _object(sent, end, rules)
    if natural(obj, rules) or (phrase is None and (not _finite(obj) or _no_act(obj, rules))):
        return []  # "until the end of the year": a time; "unless hell freezes over", "until they are ruined": no act
    return [(2, i, Found("for", s.span(obj)))] if _usable(obj, 2) else []


def _passive_at(s: _Sentence, i: int) -> list[_Hit]:
    """A passive welcome of its subject: "X would be welcomed" / "X is welcome" (for X); a negated passive
    of tolerance: "X will not be tolerated", "X cannot be allowed" (against X)."""
    sent, rules = s.sent, s.rules
    if sent[i].lemma in rules.negated_passives:
        return _refused_passive(s, i)
    if sent[i].lemma not in rules.passives or i < 2 or sent[i - 1].lemma != "be":
        return []
    be = sent[i - 1].low
    if not ((be in ("is", "are", "'re") and sent[i].low == "welcome")
            or (be == "be" and sent[i - 2].low in ("would", "will", "'ll"))):
        return []  # "was welcomed", "are welcomed in the camps": a description
    if i + 1 < len(sent) and sent[i + 1].low in ("by", "to"):
        return []  # "welcomed by the unions": theirs; "welcome to apply": permission
    if _negated(sent, i - 1, rules) or _negated(sent, i - 2, rules):
        return []
    subj = _subject(sent, i, s.reported)
    if not _usable(subj) or (len(subj) == 1 and subj[0].low in _PRONOUNS):
        return []
    return [(1, i, Found("for", s.span(subj)))]


def _refused_passive(s: _Sentence, i: int) -> list[_Hit]:
    """"X will not be tolerated", "X cannot be allowed", "X won't be accepted": against X (a firm modal and
    a negation before "be"; "was not accepted", "may not be allowed" describe or forecast)."""
    sent = s.sent
    if i < 3 or sent[i - 1].low != "be" or not sent[i].low.endswith("ed"):
        return []
    if not (sent[i - 2].lemma == "not" or sent[i - 2].low in ("never", "cannot")):
        return []
    modal = sent[i - 2] if sent[i - 2].low == "cannot" else sent[i - 3]
    if modal.low not in ("will", "would", "can", "cannot", "shall", "must", "should", "wo", "ca"):
        return []
    if sent[i].lemma in s.rules.rule_passives and modal.low in ("will", "would", "shall", "wo"):
        return []  # "cash will not be accepted", "dogs will not be allowed": a rule described
    if i + 1 < len(sent) and sent[i + 1].low in ("by", "to"):
        return []  # "will not be allowed to enter": a rule for someone, no verdict on a subject
    end = i - 3 if sent[i - 2].low != "cannot" else i - 2
    subj = sent[_clause_start(sent, end, s.reported) : end]
    if not _usable(subj) or (len(subj) == 1 and subj[0].low in _PRONOUNS) or subj[0].low in ("there", "this"):
        return []
    if any(x.text in _BREAKS or x.low in ("who", "which", "if", "unless", "when") for x in subj):
        return []
    return [(1, i, Found("against", s.span(subj), "stance.passive.refused"))]


_WARNING = frozenset(["warn", "caution", "fear", "worry", "concern", "alarm"])


def _harm_at(s: _Sentence, i: int) -> list[_Hit]:
    """What the speaker says would do harm: "X would weaken Y", "X will put Y at risk" (against X)."""
    sent, rules, t = s.sent, s.rules, s.sent[i]
    if t.lemma == "put":
        if not any(_at(sent, k, ("at", "risk")) for k in range(i + 1, min(len(sent), i + 7))):
            return []
    elif t.lemma not in rules.harms:
        return []
    if i < 2 or sent[i - 1].low not in ("would", "will", "'ll") or _negated(sent, i - 1, rules):
        return []  # only a firm "would/will" ("could weaken" is a forecast of a risk)
    start = _clause_start(sent, i - 1, s.reported)
    if not any(t.lemma in _WARNING for t in sent[:start]):
        return []  # "would cripple the war economy" may be the aim: only a warning ("warned that") says it is unwanted
    if _in_open_clause(sent, start, i, rules) or _reports_others(sent, start, i):
        return []
    subj = sent[start : i - 1]
    if not _usable(subj) or (len(subj) == 1 and subj[0].low in _PRONOUNS) or subj[0].low in ("there", "this", "that"):
        return []
    if any(x.text in _BREAKS or x.low in ("who", "which", "and") for x in subj) or natural(subj, rules):
        return []  # ("the frost would damage the harvest": weather, no one's act)
    return [(2, i, Found("against", s.span(subj)))]


_READERS = (_counterfactual_at, _verb_at, _noun_at, _feeling_at, _evaluation_at, _extraposed_at, _hope_or_request_at,
            _demand_at, _without_at, _refusal_at, _condition_at, _passive_at, _harm_at)  # with their ids, named once:
_NAMED_READERS = tuple((read, "stance." + read.__name__.strip("_").removesuffix("_at")) for read in _READERS)


def _candidates(
    text: str, sent: list[Tok], rules: StanceRules, lead: bool, own: Own = (), prev: Sequence[Tok] = ()
) -> list[_Hit]:
    """(rank, position, stance) of every stance expression of one sentence with a usable target."""
    if is_question(sent, rules):
        return []
    s = _Sentence(text, sent, rules, lead, _reported_before(sent, len(sent)), own, prev)
    found: list[_Hit] = []
    for i, t in enumerate(sent):
        if t.lemma not in rules.firsts:
            continue  # no expression starts here (a set look-up instead of trying every phrase)
        for read, name in _NAMED_READERS:
            hits = read(s, i)
            if hits:
                found.extend((rank, pos, _classed(hit if hit.rule else replace(hit, rule=name), sent[pos].lemma, rules))
                             for rank, pos, hit in hits)
    return found


