"""Stances with a target: what a statement is explicitly for or against, in the article's words, or nothing."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from briefgen.extract.display import AnyQuote, shown_words
from briefgen.extract.lexicon import lexicon as cue_lexicon
from briefgen.extract.lexicon import load_data

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Prof)\.|\w+(?:[\u2019'\-]\w+)*|[^\w\s]")
_APOS = "\u2019'"
_WORDS = load_data("stances.yml")
_PRONOUNS = frozenset(str(w) for w in _WORDS["pronouns"])
_FUNCTION = _PRONOUNS | frozenset(str(w) for w in _WORDS["function_words"])  # never content words
_DETERMINERS = frozenset([
    "a", "an", "the", "her", "his", "their", "our", "your", "my", "its", "this", "that", "these", "those",
])
_BREAKS = frozenset({",", ";", ":", "\u2014", "\u2013", "(", ")", ".", "!", "?"})
_TARGET_STOPS = frozenset({";", ":", "\u2014", "\u2013", "(", ")", ".", "!", "?", "but", "while", "because",
                           "although", "though", "whereas", "where", "when"})
_MARKS = "\u201c\u201d\"\u2018\u2019'"
_COPULAS = frozenset([
    "is", "are", "was", "were", "be", "been", "'s", "will", "would", "has", "have", "had", "remains", "remain", "seems",
    "seem",
])
_MAX_TARGET = 30
_AUX = frozenset(["do", "does", "did", "can", "could", "should", "must", "may", "might", "shall"])


class Tok(NamedTuple):
    """A token of the read text: its form, lower case, lemma and character span (a named tuple: a frozen
    dataclass costs a third of the stance reading in its ``__init__``)."""

    text: str
    low: str
    lemma: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class StanceRules:
    """The lemmatised stance expressions of ``briefgen/data/stances.yml``."""

    negators: frozenset[str]
    window: int
    modal_blockers: frozenset[str]
    clause_openers: frozenset[str]
    question_openers: frozenset[str]
    no_stance_cues: frozenset[str]
    as_verbs: frozenset[str]
    particles: frozenset[str]
    verbs: tuple[tuple[tuple[str, ...], str], ...]
    evaluations: tuple[tuple[tuple[str, ...], str], ...]
    extraposed: frozenset[str]
    strong: tuple[tuple[str, ...], ...]
    weak: tuple[tuple[str, ...], ...]
    weak_blockers: frozenset[str]
    strong_blockers: frozenset[str]
    hopes: frozenset[str]
    requests: frozenset[str]
    without: frozenset[str]
    counterfactuals: tuple[tuple[str, ...], ...]
    examples: tuple[Mapping[str, Any], ...]
    refuse: frozenset[str] = frozenset()
    refused_negated: frozenset[str] = frozenset()
    refusal_blockers: frozenset[str] = frozenset()
    only_if: tuple[tuple[str, ...], ...] = ()
    until: frozenset[str] = frozenset()
    condition_verbs: tuple[tuple[str, ...], ...] = ()
    passives: frozenset[str] = frozenset()
    only_if_firsts: frozenset[str] = frozenset()
    harms: frozenset[str] = frozenset()
    firsts: frozenset[str] = frozenset()  # first lemmas of every expression, "without" and the extraposed
    # verbs and evaluations by their first lemma (a token is tried only against the phrases it can start)
    verbs_at: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)
    evaluations_at: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)
    screen: re.Pattern[str] | None = None  # a text matching none of the expressions' key stems has no stance


@dataclass(frozen=True, slots=True)
class Found:
    """A stance read in a text: for or against its target."""

    stance: str
    target: str


def load_stance_data() -> dict[str, Any]:
    """The parsed ``briefgen/data/stances.yml``."""
    import yaml

    data: dict[str, Any] = yaml.safe_load(resources.files("briefgen.data").joinpath("stances.yml").read_text("utf-8"))
    return data


def _phrase(words: str, lemma: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(_lemma(t.lower(), lemma) for t in _split_words(words))


def _split_words(text: str) -> list[str]:
    out: list[str] = []
    for m in _TOKEN.finditer(text):
        out.extend(t for t, _, _ in _expand(m.group(0), 0))
    return out


def _expand(word: str, start: int) -> list[tuple[str, int, int]]:
    """A word with its contraction split off: "shouldn't" -> should + n't, "it's" -> it + 's."""
    low = word.lower().replace("\u2019", "'")
    end = start + len(word)
    if low.endswith("n't") and len(low) > 3:
        base = {"won't": "will", "can't": "can", "shan't": "shall"}.get(low, word[:-3])
        return [(base, start, end - 3), ("n't", end - 3, end)]
    if low.endswith("'s") and low[:-2] in ("it", "there", "that", "what", "here", "he", "she"):
        return [(word[:-2], start, end - 2), ("'s", end - 2, end)]
    if low.endswith("'re") or low.endswith("'ve"):
        return [(word[:-3], start, end - 3), (word[-3:], end - 3, end)]
    return [(word, start, end)]


_LEMMAS: dict[tuple[int, str], str] = {}  # (table id, word) -> lemma: spaCy's Table.get is slow per call


def _lemma(low: str, table: Mapping[str, str]) -> str:
    if low in ("n't", "cannot"):
        return "not" if low == "n't" else "cannot"
    key = (id(table), low)
    found = _LEMMAS.get(key)
    if found is None:
        found = _LEMMAS[key] = str(table.get(low, low)).lower()
        if len(_LEMMAS) > 200_000:
            _LEMMAS.clear()
    return found


def make_rules(table: Mapping[str, str], data: Mapping[str, Any] | None = None) -> StanceRules:
    """Stance rules from the data file, lemmatised with the pipeline's lookup table."""
    d = data if data is not None else load_stance_data()

    def words(key: str) -> frozenset[str]:
        return frozenset(_lemma(str(w).lower(), table) for w in d.get(key) or ())

    def phrases(items: Sequence[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted({_phrase(str(p), table) for p in items} - {()}, key=lambda p: -len(p)))

    verbs = tuple((p, side) for side in ("against", "for") for p in phrases((d.get("verbs") or {}).get(side) or ()))
    evals = d.get("evaluations") or {}
    evaluations = tuple((p, side) for side in ("against", "for") for p in phrases(evals.get(side) or ()))
    demands = d.get("demands") or {}
    refusals = d.get("refusals") or {}
    conditions = d.get("conditions") or {}

    def lemmas(items: Iterable[Any] | None) -> frozenset[str]:
        return frozenset(_lemma(str(w).lower(), table) for w in items or ())

    rules = StanceRules(
        negators=words("negators") | {"not"},
        window=int(d.get("negation_window") or 2),
        modal_blockers=words("modal_blockers"),
        clause_openers=words("clause_openers"),
        question_openers=words("question_openers"),
        no_stance_cues=words("no_stance_cues"),
        as_verbs=words("as_verbs"),
        particles=frozenset(str(w).lower() for w in d.get("particles") or ()),
        verbs=tuple(sorted(verbs, key=lambda v: -len(v[0]))),
        evaluations=tuple(sorted(evaluations, key=lambda v: -len(v[0]))),
        extraposed=frozenset(_lemma(str(w).lower(), table) for w in evals.get("extraposed") or ()),
        strong=phrases(demands.get("strong") or ()),
        weak=phrases(demands.get("weak") or ()),
        weak_blockers=frozenset(_lemma(str(w).lower(), table) for w in demands.get("weak_blockers") or ()),
        strong_blockers=frozenset(_lemma(str(w).lower(), table) for w in demands.get("strong_blockers") or ()),
        hopes=words("hopes"),
        requests=words("requests"),
        without=frozenset(_lemma(str(w).lower(), table) for w in d.get("without") or ()) | {"not"},
        counterfactuals=phrases(d.get("counterfactuals") or ()),
        examples=tuple(d.get("examples") or ()),
        refuse=lemmas(refusals.get("refuse")),
        refused_negated=lemmas(refusals.get("negated")),
        refusal_blockers=lemmas(refusals.get("blockers")),
        only_if=phrases(conditions.get("only_if") or ()),
        until=lemmas(conditions.get("until")),
        condition_verbs=phrases(d.get("condition_verbs") or ()),
        passives=lemmas((d.get("passives") or {}).get("for")),
        only_if_firsts=frozenset(p[0] for p in phrases(conditions.get("only_if") or ())),
        harms=lemmas(d.get("harms")),
    )
    firsts = {p[0] for p in (*rules.counterfactuals, *rules.strong, *rules.weak, *rules.only_if)}
    firsts |= {p[0] for p, _ in (*rules.verbs, *rules.evaluations)}
    firsts |= rules.extraposed | rules.hopes | rules.requests | {"without"}
    firsts |= rules.refuse | rules.refused_negated | rules.until | rules.passives | rules.harms | {"put"}
    # every expression has a longest word; a text without (the start of) any of them is skipped unread
    keys = {max(p, key=len) for p in (*rules.counterfactuals, *rules.strong, *rules.weak)}
    keys |= {max(p, key=len) for p, _ in (*rules.verbs, *rules.evaluations)}
    keys |= rules.extraposed | rules.hopes | rules.requests | {"without"}
    keys |= rules.refuse | rules.refused_negated | rules.until | rules.passives | rules.harms | {"risk"}
    keys |= _raw_keys(d) - {"has"}  # written forms; a text whose only expression is "has to" is left unread
    keys -= {"only", "open"}  # common words: their phrases are screened whole below
    stems = sorted({re.escape(k[: max(3, min(len(k) - 1, 5))]) for k in keys if k}, key=len, reverse=True)
    stems += [r"had\s+to\b", r"only\s+(?:if|when|once)\b", r"open\s+to\b"]  # "had to": reported only
    screen = re.compile(r"(?<!\w)(?:" + "|".join(stems) + ")", re.IGNORECASE)
    return replace(rules, firsts=frozenset(firsts), screen=screen, verbs_at=_by_first(rules.verbs),
                   evaluations_at=_by_first(rules.evaluations))


def _by_first(
    phrases: tuple[tuple[tuple[str, ...], str], ...],
) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Phrases with their side, grouped by first lemma (longest first, as given)."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, side in phrases:
        out.setdefault(phrase[0], []).append((phrase, side))
    return {k: tuple(v) for k, v in out.items()}


def _raw_keys(d: Mapping[str, Any]) -> set[str]:
    """The longest word of every expression as the data file writes it (an inflected "has" in "has to")."""
    groups: list[Any] = [*((d.get("verbs") or {}).values()), *((d.get("demands") or {}).get(k) for k in
                                                                ("strong", "weak"))]
    groups += [v for k, v in (d.get("evaluations") or {}).items() if k != "extraposed"]
    out: set[str] = set()
    for group in groups:
        for phrase in group or ():
            words = _split_words(str(phrase).lower())
            if words:
                out.add(max(words, key=len))
    return out


def tokens(text: str, table: Mapping[str, str]) -> list[Tok]:
    """Tokens of a text with lemmas (contractions split, quote marks dropped)."""
    out: list[Tok] = []
    for m in _TOKEN.finditer(text):
        for word, a, b in _expand(m.group(0), m.start()):
            if word in _MARKS:
                continue
            low = word.lower().replace("\u2019", "'")
            lemma = "be" if low == "'s" else _lemma(low, table)
            out.append(Tok(word, low, lemma, a, b))
    return out


def sentences(toks: list[Tok]) -> list[list[Tok]]:
    """Tokens split into sentences at . ! ? (an abbreviation like "U.S." is one token and does not split)."""
    out: list[list[Tok]] = [[]]
    for t in toks:
        out[-1].append(t)
        if t.text in (".", "!", "?"):
            out.append([])
    return [s for s in out if s]


def _at(sent: list[Tok], i: int, phrase: tuple[str, ...]) -> bool:
    return i + len(phrase) <= len(sent) and all(sent[i + k].lemma == w for k, w in enumerate(phrase))


def _negated(sent: list[Tok], i: int, rules: StanceRules) -> bool:
    for t in reversed(sent[max(0, i - rules.window) : i]):
        if t.text in _BREAKS:
            return False
        if t.lemma in rules.negators:
            return True
    return False


def _clause_start(sent: list[Tok], i: int, reported: bool) -> int:
    """Where the clause holding token i begins: after a break, or after a "that" that follows a report."""
    start = _clause_back(sent, i, reported)
    forms = cue_lexicon().cue_forms
    while start < i and (sent[start].low in forms or sent[start].low in ("on", "also", "that")):
        start += 1  # the reporting verb opening a reported statement ("said there will be ...")
    return start


def _clause_back(sent: list[Tok], i: int, reported: bool) -> int:
    for j in range(i - 1, -1, -1):
        t = sent[j]
        if t.text in _BREAKS:
            return j + 1
        if t.low == "that" and reported:
            return j + 1
        if t.low in ("and", "but") and j + 1 < i and sent[j + 1].low in ("we", "i", "you", "they", "he", "she"):
            return j + 1
    return 0


def _reported_before(sent: list[Tok], i: int) -> bool:
    forms = cue_lexicon().cue_forms
    return any(t.low in forms for t in sent[:i])


def _reports_others(sent: list[Tok], start: int, i: int) -> bool:
    """A report inside the clause ("they tell us the transition must ..."): the demand is someone else's."""
    forms = cue_lexicon().cue_forms
    return any(t.low in forms for t in sent[start:i])


def _in_open_clause(sent: list[Tok], start: int, i: int, rules: StanceRules) -> bool:
    return any(t.low in rules.clause_openers for t in sent[start:i])


def _content(toks: Sequence[Tok]) -> int:
    return sum(1 for t in toks if t.low not in _FUNCTION and t.text[0].isalnum())


def _span_text(text: str, toks: Sequence[Tok]) -> str:
    while toks and (toks[0].text in _BREAKS or toks[0].low in ("that", "for", "and", "but", "so")):
        toks = toks[1:]
    while toks and (toks[-1].text in _BREAKS or toks[-1].low in ("that", "and", "but")):
        toks = toks[:-1]
    if not toks:
        return ""
    words = " ".join(text[toks[0].start : toks[-1].end].split()).strip(_MARKS + " ,")
    if words.count("\u201c") != words.count("\u201d"):
        words = words.replace("\u201c", "").replace("\u201d", "")
    return words


_OWN = frozenset([
    "continue", "continues", "continued",
    "will", "would", "shall", "can", "must", "also", "strongly", "firmly", "fully", "always", "still", "do", "does",
    "did", "not", "n't", "never", "no", "longer", "'ll", "to", "publicly", "openly", "sharply", "has", "have",
    "had", "'ve", "'d",
])
_SELF = frozenset(["he", "she", "it", "they"])  # "said he had voted for ...": the speaker, reported
_POSSESSIVE = frozenset(["his", "her", "its", "their"])


def _own_verb(sent: list[Tok], i: int, lead: bool, own: Own = ()) -> bool:
    """Whether a stance verb is the speaker's own: the reporting verb itself, after "we"/"I", after a name
    of the speaker's own side (``own``: "said Finland would ask ...", said by Finland's minister), or a
    participle after a comma ("..., warning against X"); "the US made concessions by ruling out X" is a
    description."""
    if i == 0 and lead:
        return True
    if lead and i >= 2 and sent[i - 1].low == "to" and _own_purpose(sent, i - 1):
        return True
    j = i - 1
    while j >= 0 and sent[j].low in _OWN:
        j -= 1
    if j < 0:
        return lead
    if sent[j].low in ("we", "i"):
        return True
    if lead and own and _own_side(sent, j, own):
        return True
    if lead and sent[j].low in _SELF and _after_report(sent, j):  # "said he had voted for X"
        return True
    if lead and sent[j].low == "and":  # "said it had sent lawyers and would challenge X": the same subject
        k = next((k for k in range(1, j) if sent[k].low in _SELF and _after_report(sent, k)), None)
        if k is not None and not any(t.text in _BREAKS or t.low in ("that", "who", "which") for t in sent[k + 1 : j]):
            return True
    if lead and j >= 1 and sent[j - 1].low in _POSSESSIVE and _after_report(sent, j - 1):  # "said its members ..."
        return True
    return sent[j].text == "," and sent[i].low.endswith("ing") and j == i - 1


_INTENT = frozenset(["would", "will", "'ll", "plan", "planned", "plans", "intend", "intends", "intended", "seek",
                     "seeks", "sought", "try", "tried", "tries", "aim", "aims", "aimed", "move", "moved", "vow",
                     "vowed", "want", "wants", "wanted"])


def _own_purpose(sent: list[Tok], to: int) -> bool:
    """"said it would file a petition to (block X)": the infinitive at ``to`` is the speaker's own intent (the
    reported subject's, with a would/plan/seek ... before it; "was too early to", "were asked to" are not)."""
    intent = False
    for k in range(to - 1, max(-1, to - 14), -1):
        t = sent[k]
        if t.text in _BREAKS or t.low in ("that", "who", "which", "no", "not", "n't", "never") or t.lemma == "be":
            return False
        if t.low in _INTENT:
            intent = True
        if t.low in _SELF and _after_report(sent, k):
            return intent
    return False


Own = tuple[tuple[str, ...], ...]  # names of the speaker's own side, as lower-case words


def _own_side(sent: list[Tok], j: int, own: Own) -> bool:
    """Whether the words ending at token j are a name of the speaker's side opening the reported clause."""
    for phrase in own:
        k = j - len(phrase) + 1
        if k >= 1 and all(sent[k + n].low == w for n, w in enumerate(phrase)) and _after_report(sent, k):
            return True
    return False


def _after_report(sent: list[Tok], j: int) -> bool:
    """Token j opens the clause reported by the statement's opening verb ("said [that] he ...", "told
    reporters in Moscow that she ...")."""
    forms = cue_lexicon().cue_forms
    if j < 1 or sent[0].low not in forms or any(t.text in _BREAKS for t in sent[1:j]):
        return False
    return sent[j - 1].low == "that" or sent[j - 1].low in forms


def _object(sent: list[Tok], i: int, rules: StanceRules) -> list[Tok]:
    """The words a verb at position i governs: up to a clause break ("as" ends it unless "described as")."""
    out: list[Tok] = []
    for k, t in enumerate(sent[i:], i):
        if t.low in _TARGET_STOPS or t.text == ",":
            break
        if t.low == "and" and k + 1 < len(sent) and (sent[k + 1].low in ("that", "we", "i", "they", "would", "will")
                                                     or _verb_lemma(sent[k + 1], rules)
                                                     or sent[k + 1].low in cue_lexicon().cue_forms):
            break  # "talks and would send ...", "welcomes X and opposes Y": the next predicate
        if t.low in ("and", "or") and k + 1 < len(sent) and sent[k + 1].lemma in rules.negators:
            break  # "to leave now and not to stop": the target is what is asked for, not what is refused
        if t.low == "as" and out and out[-1].lemma not in rules.as_verbs:
            break
        out.append(t)
        if len(out) >= _MAX_TARGET:
            break
    return out


def _verb_lemma(t: Tok, rules: StanceRules) -> bool:
    """A finite stance verb ("opposes", "urged"): a new predicate, not part of a target."""
    return t.low != t.lemma and t.low.endswith(("s", "ed")) and any(p[0] == t.lemma for p, _ in rules.verbs)


_DEGREE = frozenset(["a", "an", "the", "very", "so", "too", "not", "n't", "really", "simply", "certainly", "deadly",
                     "totally", "completely", "deeply", "utterly", "highly", "absolutely", "entirely", "purely"])


def _called(sent: list[Tok], k: int, rules: StanceRules, lead: bool, own: Own = ()) -> list[Tok] | None:
    """The object of the speaker's own "call X" / "describe X as" that ends at position k (where an
    evaluation follows); empty when the verb is not the speaker's; None when no such verb governs it."""
    end = k + 1
    if k >= 0 and sent[k].low == "as":
        k -= 1
    for v in range(k, max(-1, k - 12), -1):
        t = sent[v]
        if t.text in _BREAKS or t.lemma in _COPULAS or t.lemma == "be":
            return None
        if t.lemma in rules.as_verbs:
            if v == end - 1 or not _own_verb(sent, v, lead, own):
                return []  # someone else's words ("had been called a sham by residents"): no stance
            obj = sent[v + 1 : end]
            return obj[:-1] if obj and obj[-1].low == "as" else obj
    return None


_NOT_NOUNS = frozenset(["again", "anymore", "now", "today", "either", "too", "yet", "enough", "indeed"])


def _attributive(nxt: Tok) -> bool:
    """The word after an evaluation is a noun it modifies ("unfair competition"), not the clause going on."""
    return (nxt.text[0].isalnum() and nxt.low not in _FUNCTION and nxt.low not in _NOT_NOUNS
            and not nxt.low.endswith("ly"))


def _usable(toks: Sequence[Tok], minimum: int = 1) -> bool:
    return bool(toks) and _content(toks) >= minimum


def _subject(sent: list[Tok], i: int, reported: bool) -> list[Tok]:
    """The subject of the copula before position i, "there's" and a trailing relative "that" dropped."""
    cop = i - 1
    while cop >= 0 and sent[cop].lemma not in _COPULAS | _AUX and sent[cop].low not in ("work", "fail"):
        cop -= 1
    while cop > 0 and sent[cop - 1].lemma in _COPULAS | {"not", "never", "simply", "also"}:
        cop -= 1
    if cop <= 0:
        return []
    start = _clause_start(sent, cop, reported)
    subj = sent[start:cop]
    if len(subj) >= 2 and subj[0].low == "there" and subj[1].lemma == "be":
        subj = subj[2:]
    for k, t in enumerate(subj):  # "an agreement being made behind our backs that simply (will not work)"
        if t.low in ("that", "which", "who") and _content(subj[k + 1 :]) == 0:
            subj = subj[:k]
            break
    return subj


_WH = frozenset(["why", "how", "what", "who", "when", "where", "whether"])


def is_question(sent: Sequence[Tok], rules: StanceRules) -> bool:
    """A sentence ending in "?" or opening like one ("Why should ...", "Should we ...")."""
    if not sent or sent[-1].text == "?":
        return True
    first = sent[0].low
    if first not in rules.question_openers:
        return False
    return first in _WH or (len(sent) > 1 and (sent[1].low in _PRONOUNS or sent[1].low in _DETERMINERS))


@dataclass(frozen=True, slots=True)
class _Sentence:
    """One sentence being read for stance expressions, with what every expression reader needs."""

    text: str
    sent: list[Tok]
    rules: StanceRules
    lead: bool
    reported: bool
    own: Own = ()

    def span(self, toks: Sequence[Tok]) -> str:
        """The article's words of ``toks``."""
        return _span_text(self.text, toks)


_Hit = tuple[int, int, Found]  # (rank, position, stance)


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
        if any(b.low in _DETERMINERS or b.low.endswith(("'s", "\u2019s")) for b in before) and not _after_own(s, i):
            continue  # a noun ("her staunch support of"), not a verb ("said the bloc condemned" is one)
        if any(b.lemma in rules.modal_blockers for b in before) or not _own_verb(sent, i, s.lead, s.own):
            continue
        if i + len(phrase) < len(sent) and sent[i + len(phrase)].low in rules.particles:
            continue  # a phrasal verb: "back down on X", "back away from X"
        obj = _object(sent, i + len(phrase), rules)
        if obj and obj[0].low == "that":
            obj = obj[1:]
        if not _usable(obj) or (len(obj) == 1 and obj[0].low in _PRONOUNS):
            continue
        if _negated(sent, i, rules):
            if side == "for":
                out.append((1, i, Found("against", s.span(obj))))
            continue
        out.append((1, i, Found(side, s.span(obj))))
    return out


def _after_own(s: _Sentence, i: int) -> bool:
    """Whether a name of the speaker's own side stands before position i ("said the bloc condemned")."""
    k = i - 1
    while k >= 0 and s.sent[k].low in _OWN:
        k -= 1
    return bool(s.own) and s.lead and k >= 0 and _own_side(s.sent, k, s.own)


def _evaluation_at(s: _Sentence, i: int) -> list[_Hit]:
    """An evaluation of a subject or of what the speaker called: "X will not work", "called X cosmetic"."""
    sent, rules, out = s.sent, s.rules, []
    for phrase, side in rules.evaluations_at.get(sent[i].lemma, ()):
        if phrase[0] != sent[i].lemma or not _at(sent, i, phrase):
            continue
        nxt_at = i + len(phrase)
        if nxt_at < len(sent) and _attributive(sent[nxt_at]):
            continue  # "would expose farmers to unfair competition": "unfair" describes a noun, not a subject
        start_neg = i - (1 if i and sent[i - 1].low in ("a", "an", "the") else 0)
        negated = _negated(sent, start_neg, rules) or _negated(sent, max(0, start_neg - 1), rules)
        if negated and side == "against":
            continue
        stance = "against" if negated else side
        k = i - 1
        while k >= 0 and sent[k].low in _DEGREE:
            k -= 1
        called = _called(sent, k, rules, s.lead, s.own)
        if called is not None:  # "called the concessions cosmetic", "described the plan as a mistake"
            if _usable(called) and not (len(called) == 1 and called[0].low in _PRONOUNS):
                out.append((1, i, Found(stance, s.span(called))))
            continue
        if k >= 1 and sent[k].lemma == "be" and sent[k - 1].low == "it":  # "it was unrealistic for X to ..."
            obj = _object(sent, i + len(phrase), rules)
            if _usable(obj, 2):
                out.append((1, i, Found(stance, s.span(obj))))
            continue
        subj = _subject(sent, i, s.reported)
        if _usable(subj) and not (len(subj) == 1 and subj[0].low in _PRONOUNS):
            out.append((1, i, Found(stance, s.span(subj))))
    return out


def _extraposed_at(s: _Sentence, i: int) -> list[_Hit]:
    """"It is crucial that X", "it is time to X": for X."""
    sent, rules, t = s.sent, s.rules, s.sent[i]
    if not (t.lemma in rules.extraposed and i >= 2 and sent[i - 1].lemma == "be" and sent[i - 2].low == "it"):
        return []
    if _negated(sent, i - 1, rules):
        return []
    obj = _object(sent, i + 1, rules)
    return [(1, i, Found("for", s.span(obj)))] if _usable(obj, 2) else []


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
    if ok and _usable(obj, 2):
        return [(2 if t.lemma in rules.hopes else 1, i, Found("for", s.span(obj)))]
    return []


def _demand_at(s: _Sentence, i: int) -> list[_Hit]:
    """A demand ("must", "should"): the clause holding the modal is the target (for)."""
    sent, rules, t, out = s.sent, s.rules, s.sent[i], []
    for rank, group in ((2, rules.strong), (3, rules.weak)):
        for phrase in group:
            if phrase[0] != t.lemma or not _at(sent, i, phrase):
                continue
            before = sent[max(0, i - 2) : i]
            if any(b.lemma in rules.modal_blockers or b.lemma == "would" for b in before):
                continue
            if t.low == "needed" and (i == 0 or sent[i - 1].low not in _PRONOUNS):
                continue  # "the 95% needed to stop outbreaks" is no demand
            nxt = i + len(phrase)
            if rank == 3 and nxt < len(sent) and sent[nxt].lemma in rules.weak_blockers:
                continue  # "the results should show ...": a prediction
            if t.low == "had" and not (s.lead and i > 0 and sent[i - 1].low not in ("has", "have", "'ve")):
                continue  # "we had to leave" is a past necessity; "said any deal had to address X" a demand
            if rank == 2 and nxt < len(sent) and sent[nxt].lemma in rules.strong_blockers:
                continue  # "we have to wait for the weather": a necessity, no position
            if _negated(sent, i, rules) and phrase[0] not in ("no",):
                continue
            start = _clause_start(sent, i, s.reported)
            if _in_open_clause(sent, start, i, rules) or _reports_others(sent, start, i):
                continue
            clause = sent[start:i] + _object(sent, i, rules)
            if _usable(clause, 2):
                out.append((rank, i, Found("for", s.span(clause))))
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
    clause = sent[start:i] + _object(sent, i, rules)
    return [(2, i, Found("for", s.span(clause)))] if _usable(clause, 2) else []


def _refusal_at(s: _Sentence, i: int) -> list[_Hit]:
    """The speaker's own refusal: "refused to sign X" (against "sign X"), "would not negotiate on X"."""
    sent, rules, t = s.sent, s.rules, s.sent[i]
    if t.lemma in rules.refuse:
        if i + 2 >= len(sent) or sent[i + 1].low != "to" or sent[i + 2].lemma in rules.refusal_blockers:
            return []
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
    if any(o.lemma in rules.until or o.low == "before" for o in obj):
        return []  # "would not negotiate a deal until after the vote": a condition, not a refusal
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
    verbs = [v for v in range(start, i) if any(_at(sent, v, p) for p in rules.condition_verbs)]
    if phrase is None:  # "until"/"unless": only after a negated condition verb
        verbs = [v for v in verbs if _negated(sent, v, rules)]
        end = i + 1
    else:
        verbs = [v for v in verbs if not _negated(sent, v, rules)]
        end = i + len(phrase)
    if not verbs or any(b.lemma in rules.modal_blockers for b in sent[max(start, verbs[0] - 3) : verbs[0]]):
        return []
    obj = _object(sent, end, rules)
    if phrase is None and not _finite(obj):
        return []
    return [(2, i, Found("for", s.span(obj)))] if _usable(obj, 2) else []


def _finite(toks: Sequence[Tok]) -> bool:
    """Whether words hold a clause with a finite verb ("the company signed ...", "the money is in"), not a
    time ("the end of the year", "after the vote")."""
    for k, t in enumerate(toks[1:], 1):
        if t.low in _COPULAS or t.low in _AUX or t.low.endswith("ed") or (t.lemma != t.low and t.low[-1] != "s"):
            return True
        if t.low.endswith("s") and t.lemma != t.low and toks[k - 1].low not in _DETERMINERS:
            return True
    return False


def _passive_at(s: _Sentence, i: int) -> list[_Hit]:
    """A passive welcome of its subject: "X would be welcomed" / "X is welcome" (for X)."""
    sent, rules = s.sent, s.rules
    if sent[i].lemma not in rules.passives or i < 2 or sent[i - 1].lemma != "be":
        return []
    be = sent[i - 1].low
    if not (be in ("is", "are", "'re") or (be == "be" and sent[i - 2].low in ("would", "will", "'ll"))):
        return []  # "was welcomed": a description
    if i + 1 < len(sent) and sent[i + 1].low in ("by", "to"):
        return []  # "welcomed by the unions": theirs; "welcome to apply": permission
    if _negated(sent, i - 1, rules) or _negated(sent, i - 2, rules):
        return []
    subj = _subject(sent, i, s.reported)
    if not _usable(subj) or (len(subj) == 1 and subj[0].low in _PRONOUNS):
        return []
    return [(1, i, Found("for", s.span(subj)))]


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
    if _in_open_clause(sent, start, i, rules) or _reports_others(sent, start, i):
        return []
    subj = sent[start : i - 1]
    if not _usable(subj) or (len(subj) == 1 and subj[0].low in _PRONOUNS) or subj[0].low in ("there", "this", "that"):
        return []
    if any(x.text in _BREAKS or x.low in ("who", "which", "and") for x in subj):
        return []
    return [(2, i, Found("against", s.span(subj)))]


_READERS = (_counterfactual_at, _verb_at, _evaluation_at, _extraposed_at, _hope_or_request_at, _demand_at,
            _without_at, _refusal_at, _condition_at, _passive_at, _harm_at)


def _candidates(text: str, sent: list[Tok], rules: StanceRules, lead: bool, own: Own = ()) -> list[_Hit]:
    """(rank, position, stance) of every stance expression of one sentence with a usable target."""
    if is_question(sent, rules):
        return []
    s = _Sentence(text, sent, rules, lead, _reported_before(sent, len(sent)), own)
    found: list[_Hit] = []
    for i, t in enumerate(sent):
        if t.lemma not in rules.firsts:
            continue  # no expression starts here (a set look-up instead of trying every phrase)
        for read in _READERS:
            found.extend(read(s, i))
    return found


def read_stance(
    text: str, rules: StanceRules, table: Mapping[str, str], cue: str | None = None, reported: bool = True,
    own: Own = (), focus: int = 0,
) -> Found | None:
    """The stance a statement states explicitly, with its target; None when it states none.

    ``reported``: the text opens with the reporting verb ("criticised X ..."), so a stance verb there is the
    speaker's; in a quote a sentence-initial "Demand for chips ..." is a noun. ``own``: names of the
    speaker's own side (``own_side``). ``focus``: where the statement's own words start (a second quoted
    fragment shown with the first: "condemned X \u201c...\u201d and that Y \u201cmust ...\u201d"); an
    expression from there on wins over one before it."""
    if rules.screen is not None and not rules.screen.search(text):
        return None
    cue_lemma = _lemma(cue.split()[0].lower(), table) if cue else ""
    toks = tokens(text, table)
    if toks and toks[0].lemma in rules.no_stance_cues:
        cue_lemma = toks[0].lemma
    best: tuple[int, int, int, int, Found] | None = None
    for n, sent in enumerate(sentences(toks)):
        for rank, pos, found in _candidates(text, sent, rules, n == 0 and reported, own):
            if rank >= 2 and cue_lemma in rules.no_stance_cues:
                continue
            key = (0 if sent[pos].start >= focus else 1, rank, n, pos)
            if found.target and (best is None or key < best[:4]):
                best = (*key, found)
    return best[4] if best else None


_OPENING = re.compile(r"[\u201c\u2018\"\u00ab]")


def fragment_start(said: str, fragment: str, kind: str) -> int:
    """Where a quoted fragment's own words start in its shown words, when they show an earlier quoted
    fragment too ("said the bloc condemned X \u201cin the strongest terms\u201d and that those responsible
    \u201cmust be brought to justice\u201d"); 0 otherwise (the whole text is the statement's)."""
    if kind != "partial":
        return 0
    at = said.rfind(" ".join(fragment.split())[:20])
    return at if at > 0 and _OPENING.search(said, 0, max(0, at - 1)) else 0


def stance_text(quote: AnyQuote) -> str:
    """The words a stance is read from: a full quote, or the shown words (verb kept) of reported speech."""
    return quote.text if quote.kind == "direct" else shown_words(quote)


@lru_cache(maxsize=1)
def map_rules() -> tuple[StanceRules, Mapping[str, str]]:
    """The stance rules and lemma table of the per-article map (the default pipeline's lookup table)."""
    from briefgen.nlp import lookup_table, make_nlp

    table: Mapping[str, str] = lookup_table(make_nlp()) or {}
    return make_rules(table), table


@lru_cache(maxsize=65536)
def stance_of(text: str, cue: str | None, reported: bool, own: Own = (), focus: int = 0) -> Found | None:
    """``read_stance`` with the map's rules, once per distinct (text, cue, reported, own, focus) in a process."""
    rules, table = map_rules()
    return read_stance(text, rules, table, cue, reported, own, focus)


@lru_cache(maxsize=1)
def _side_names() -> tuple[dict[str, tuple[str, ...]], frozenset[str], dict[str, tuple[str, ...]]]:
    """(country or body -> its names and capitals, governmental role words, body -> its other names)."""
    lex = cue_lexicon()
    names: dict[str, set[str]] = {}
    for form, place in lex.places.items():
        if place.kind in ("country", "body"):
            names.setdefault(place.name, set()).update({form, "the " + form})
    for capital, country in lex.capitals.items():
        names.setdefault(country, set()).add(capital)
    side = _WORDS.get("own_side") or {}
    extra = {str(k): tuple(str(w).lower() for w in v or ()) for k, v in (side.get("names") or {}).items()}
    roles = frozenset(str(w).lower() for w in side.get("government_roles") or ())
    return {k: tuple(sorted(v)) for k, v in names.items()}, roles, extra


@lru_cache(maxsize=1)
def lex_countries() -> frozenset[str]:
    """Names of countries (not bodies: an EU spokesman's "the government" is some country's)."""
    return frozenset(p.name for p in cue_lexicon().places.values() if p.kind == "country")


@lru_cache(maxsize=4096)
def own_side(country: str | None, affiliation: str | None, roles: tuple[str, ...], kind: str) -> Own:
    """Names a speaker's own side goes by in a reported clause: their country (its names and capital) and
    "the government" when they hold a government office, or their body's names ("the bloc" for an EU
    spokesman); an organisation speaks for its own country. Nothing for a speaker with no office."""
    names, government, extra = _side_names()
    words = {w for r in roles for w in r.lower().split()}
    official = kind == "organisation" or bool(words & government)
    out: set[str] = set()
    for side in {country, affiliation} - {None}:
        assert side is not None
        if side in extra and (official or affiliation == side):
            out.update(extra[side])
        if official and side in names:
            out.update(names[side])
    if official and country and words & government and country in lex_countries():
        out.add("the government")
    return tuple(sorted({_name_words(n) for n in out} - {()}, key=len, reverse=True))


@lru_cache(maxsize=8192)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _split_words(name))


_STEM = re.compile(r"(?:'s|’s|ing|ed|es|s)$")


@lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    """Content words of a text, lower case and crudely stemmed (for comparing targets and claims)."""
    words = (w.lower() for w in re.findall(r"\w+(?:[’'\-]\w+)*", text))
    return frozenset(_STEM.sub("", w) or w for w in words if w not in _FUNCTION and len(w) > 1)


def same_words(a: frozenset[str], b: frozenset[str], threshold: float = 0.5, min_shared: int = 1) -> bool:
    """Whether two word sets name the same thing: at least ``min_shared`` shared words, covering
    ``threshold`` of the shorter set. The one "same target" test of the package (stances, claims,
    positions, the timeline and the summary's disagreements, which asks for 3 words and 0.75)."""
    if not a or not b:
        return False
    shared = len(a & b)
    return shared >= min_shared and shared / min(len(a), len(b)) >= threshold


@lru_cache(maxsize=65536)
def same_target(a: str | None, b: str | None, threshold: float = 0.5, min_shared: int = 1) -> bool:
    """Whether two targets name the same thing (``same_words`` on their content words)."""
    if not a or not b:
        return False
    return same_words(content_words(a), content_words(b), threshold, min_shared)


def same_position(stance: str, target: str, other: str, other_target: str) -> bool:
    """The same polarity on the same target, negations in the targets read ("for: Ukraine must not be
    excluded" = "against: excluding Ukraine")."""
    return same_target(target, other_target) and polarity(stance, target) == polarity(other, other_target)


@lru_cache(maxsize=65536)
def opposed(stance: str | None, target: str | None, other: str | None, other_target: str | None) -> bool:
    """Opposite polarities on the same target."""
    if not (stance and target and other and other_target):
        return False
    return same_target(target, other_target) and polarity(stance, target) != polarity(other, other_target)


def agreed(labels: Iterable[tuple[str | None, str | None]]) -> tuple[str, str] | None:
    """(stance, target) of the first label when every label (None ones skipped) takes the same position
    on the same target as it; None when there is no label or two differ. The one "statements agree" rule
    (claims, actor and country positions)."""
    labelled = [(s, t) for s, t in labels if s and t]
    if not labelled:
        return None
    stance, target = labelled[0]
    if all(same_position(s, t, stance, target) for s, t in labelled[1:]):
        return stance, target
    return None


_NEGATION = re.compile(r"\b(?:not|no|never|cannot)\b|n[\u2019']t\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def polarity(stance: str, target: str) -> str:
    """The stance read together with the negations inside its target (an odd number flips it; "without"
    counts only after a negation, as in "no talks without Ukraine")."""
    negations = _NEGATION.findall(target)
    first = _NEGATION.search(target)
    withouts = len(re.findall(r"\bwithout\b", target[first.end() :], re.IGNORECASE)) if first else 0
    flips = (len(negations) + withouts) % 2
    return stance if not flips else ("against" if stance == "for" else "for")
