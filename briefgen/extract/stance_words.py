"""Stance reading, part 1: the word lists, tokens and the clause, subject and object helpers the readers share."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from importlib import resources
from itertools import pairwise
from typing import Any, NamedTuple

from briefgen.extract.lexicon import YAML_LOADER, load_data
from briefgen.extract.lexicon import lexicon as cue_lexicon
from briefgen.extract.stance_limits import classes, limits

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Prof)\.|\d{1,3}(?:,\d{3})+(?:\.\d+)?|"
                    r"\w+(?:[\u2019'\-]\w+)*|[^\w\s]")  # ("35,000 members": one number, not a clause break)
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
    present_only: frozenset[str] = frozenset()
    neutral_objects: frozenset[str] = frozenset()
    intents: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    stance_nouns: Mapping[str, str] = field(default_factory=dict)  # noun lemma -> for | against
    noun_prepositions: frozenset[str] = frozenset()
    extraposed_strict: Mapping[str, str] = field(default_factory=dict)  # "wrong" -> against, "right" -> for
    extraposed_blockers: frozenset[str] = frozenset()
    no_extraposed: frozenset[str] = frozenset()
    no_infinitive: frozenset[str] = frozenset()
    negated_passives: frozenset[str] = frozenset()
    feelings: Mapping[str, str] = field(default_factory=dict)  # adjective (lemma) -> for | against
    feeling_prepositions: frozenset[str] = frozenset()
    verdict_no_flip: frozenset[str] = frozenset()  # a 'for' verdict that negated says nothing ("not long overdue")
    stop_verbs: frozenset[str] = frozenset()  # "should stop X": a demand against X
    evidence_verbs: frozenset[str] = frozenset()  # "the fines show (the law) is unworkable"
    verdict_undoers: frozenset[str] = frozenset()  # "the answer to the wrong question": no verdict
    rule_passives: frozenset[str] = frozenset()  # "cash will not be accepted" describes a rule
    personal: frozenset[str] = frozenset()  # "happy with my breakfast": a personal feeling, no position
    without_verbs: frozenset[str] = frozenset()  # "there will be no talks without X", "can't have X without Y"
    readings: frozenset[str] = frozenset()  # "warned against reading X as Y": an interpretation
    empty_subjects: frozenset[str] = frozenset()  # "the problem is unacceptable": a verdict on no named thing
    constraints: tuple[tuple[tuple[str, ...], bool], ...] = ()  # "have to add up": (phrase, only ending a clause)
    standards: frozenset[str] = frozenset()  # "higher than (is justified)": a verdict after these is a yardstick
    participles: frozenset[str] = frozenset()  # lemmas of "-ed" verdicts ("justified" -> justify)
    firsts: frozenset[str] = frozenset()  # first lemmas of every expression, "without" and the extraposed
    # verbs and evaluations by their first lemma (a token is tried only against the phrases it can start)
    verbs_at: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)
    evaluations_at: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)
    screen: re.Pattern[str] | None = None  # a text matching none of the expressions' key stems has no stance
    # construction id ("stance.verb") -> stance word lemma -> its class ("criticise"): stances.yml construction_classes
    classes: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    bad_objects: frozenset[str] = frozenset()  # "a threat to organised crime": Y of "X is a threat to Y" is a harm
    impossible: tuple[tuple[str, ...], ...] = ()  # "unless hell freezes over": a condition that never comes
    state_verbs: frozenset[str] = frozenset()  # "until the farmers are ruined": a state, no other party's act
    harm_states: frozenset[str] = frozenset()  # ... when one of these follows the state verb
    inability_reasons: tuple[tuple[str, ...], ...] = ()  # "could not accept X because of Y": inability, no refusal
    visits: tuple[tuple[str, ...], ...] = ()  # "called on the families": a visit unless "X to Y" follows
    dependants: frozenset[str] = frozenset()  # "supported her family on a wage": providing for, no position
    past_only: tuple[tuple[str, ...], ...] = ()  # "had supported X until last year": a position left
    senses: Mapping[str, Any] = field(default_factory=dict)  # everyday senses of the verbs: stances.yml senses


@dataclass(frozen=True, slots=True)
class Found:
    """A stance read in a text: for or against its target, and the construction that read it (``rule``)."""

    stance: str
    target: str
    rule: str = ""  # "stance.verb", "stance.evaluation.called", ... (set by ``_candidates`` when a reader leaves it)


def load_stance_data() -> dict[str, Any]:
    """The parsed ``briefgen/data/stances.yml``."""
    import yaml

    text = resources.files("briefgen.data").joinpath("stances.yml").read_text("utf-8")
    data: dict[str, Any] = yaml.load(text, Loader=YAML_LOADER)  # libyaml: the same data, ~10x faster
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


def _lemmas(table: Mapping[str, str], items: Iterable[Any] | None) -> frozenset[str]:
    """Lower-cased lemmas of a word list."""
    return frozenset(_lemma(str(w).lower(), table) for w in items or ())


def _phrases(table: Mapping[str, str], items: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """Lemmatised phrases of a list, longest first."""
    return tuple(sorted({_phrase(str(p), table) for p in items} - {()}, key=lambda p: -len(p)))


def _sided(table: Mapping[str, str], m: Mapping[str, Any]) -> dict[str, str]:
    """Lemma -> side ('against'/'for') of a two-sided word list."""
    return {_lemma(str(w).lower(), table): side for side in ("against", "for") for w in m.get(side) or ()}


# rule fields read from the data key of the same name, as lemmas
_SAME_NAMED = ("modal_blockers", "clause_openers", "question_openers", "no_stance_cues", "as_verbs", "hopes",
               "requests", "harms", "present_only", "neutral_objects", "intents", "no_infinitive", "evidence_verbs",
               "without_verbs", "readings")


def make_rules(table: Mapping[str, str], data: Mapping[str, Any] | None = None) -> StanceRules:
    """Stance rules from the data file, lemmatised with the pipeline's lookup table."""
    d = data if data is not None else load_stance_data()
    lemmas, phrases, sided = partial(_lemmas, table), partial(_phrases, table), partial(_sided, table)

    verbs = tuple((p, side) for side in ("against", "for") for p in phrases((d.get("verbs") or {}).get(side) or ()))
    evals = d.get("evaluations") or {}
    evaluations = tuple((p, side) for side in ("against", "for") for p in phrases(evals.get(side) or ()))
    demands, refusals, conditions = (d.get(k) or {} for k in ("demands", "refusals", "conditions"))
    nouns, feelings, strict = d.get("stance_nouns") or {}, d.get("feelings") or {}, evals.get("extraposed_strict") or {}
    same: dict[str, Any] = {key: lemmas(d.get(key)) for key in _SAME_NAMED}
    rules = StanceRules(
        **same,
        negators=lemmas(d.get("negators")) | {"not"}, window=int(d.get("negation_window") or 2),
        particles=frozenset(str(w).lower() for w in d.get("particles") or ()),
        verbs=tuple(sorted(verbs, key=lambda v: -len(v[0]))),
        evaluations=tuple(sorted(evaluations, key=lambda v: -len(v[0]))),
        extraposed=lemmas(evals.get("extraposed")),
        strong=phrases(demands.get("strong") or ()),
        weak=phrases(demands.get("weak") or ()),
        weak_blockers=lemmas(demands.get("weak_blockers")),
        strong_blockers=lemmas(demands.get("strong_blockers")),
        without=lemmas(d.get("without")) | {"not"},
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
        light_verbs=lemmas(nouns.get("light_verbs")),
        stance_nouns=sided(nouns),
        noun_prepositions=lemmas(nouns.get("prepositions")),
        extraposed_strict=sided(strict),
        extraposed_blockers=lemmas(evals.get("extraposed_blockers")),
        no_extraposed=lemmas(evals.get("no_extraposed")),
        negated_passives=lemmas((d.get("passives") or {}).get("negated")),
        feelings=sided(feelings),
        feeling_prepositions=frozenset(str(w).lower() for w in feelings.get("prepositions") or ()),
        verdict_no_flip=lemmas(evals.get("no_flip")),
        stop_verbs=lemmas(demands.get("stop_verbs")),
        verdict_undoers=frozenset(str(w).lower() for w in evals.get("undone_by") or ()),
        rule_passives=lemmas((d.get("passives") or {}).get("rules")),
        personal=frozenset(str(w).lower() for w in feelings.get("personal") or ()),
        empty_subjects=lemmas(evals.get("empty_subjects")),
        standards=frozenset(str(w).lower() for w in evals.get("standards") or ()),
        constraints=tuple((p, closing) for closing, key in ((True, "constraints"), (False, "capacities"))
                          for p in phrases(demands.get(key) or ())),
        **limits(partial(_lemmas, table), partial(_phrases, table), d),
        participles=frozenset(_lemma(str(w).lower(), table) for side in ("against", "for")
                              for w in evals.get(side) or () if " " not in str(w) and str(w).endswith("ed")
                              and _lemma(str(w).lower(), table) != str(w).lower()),
    )
    firsts, screen = _screen(rules, d)
    return replace(rules, firsts=frozenset(firsts), screen=screen, verbs_at=_by_first(rules.verbs),
                   evaluations_at=_by_first(rules.evaluations), classes=classes(partial(_lemma, table=table), d))


def _screen(rules: StanceRules, d: Mapping[str, Any]) -> tuple[set[str], re.Pattern[str]]:
    """The first words of every expression, and a pattern a text must match to be read at all."""
    firsts = {p[0] for p in (*rules.counterfactuals, *rules.strong, *rules.weak, *rules.only_if)}
    firsts |= {p[0] for p, _ in (*rules.verbs, *rules.evaluations)}
    firsts |= rules.extraposed | rules.hopes | rules.requests | {"without"}
    firsts |= rules.refuse | rules.refused_negated | rules.until | rules.passives | rules.harms | {"put"}
    firsts |= rules.light_verbs | set(rules.extraposed_strict) | set(rules.feelings) | rules.negated_passives
    # every expression has a longest word; a text without (the start of) any of them is skipped unread
    keys = {max(p, key=len) for p in (*rules.counterfactuals, *rules.strong, *rules.weak)}
    keys |= {max(p, key=len) for p, _ in (*rules.verbs, *rules.evaluations)}
    keys |= rules.extraposed | rules.hopes | rules.requests | {"without"}
    keys |= rules.refuse | rules.refused_negated | rules.until | rules.passives | rules.harms | {"risk"}
    keys |= set(rules.stance_nouns) | set(rules.extraposed_strict) | set(rules.feelings)
    keys |= _raw_keys(d) - {"has"}  # written forms; a text whose only expression is "has to" is left unread
    keys -= {"only", "open"}  # common words: their phrases are screened whole below
    stems = sorted({re.escape(k[: max(3, min(len(k) - 1, 5))]) for k in keys if k}, key=len, reverse=True)
    stems += [r"had\s+to\b", r"only\s+(?:if|when|once)\b", r"open\s+to\b"]  # "had to": reported only
    screen = re.compile(r"(?<!\w)(?:" + "|".join(stems) + ")", re.IGNORECASE)
    return firsts, screen


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
    groups += [v for k, v in (d.get("evaluations") or {}).items() if k in ("against", "for")]
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
    key = id(table)
    for m in _TOKEN.finditer(text):
        parts = _PARTS.get((key, m.group(0)))
        if parts is None:
            parts = _parts_of(m.group(0), table)
        at = m.start()
        out.extend([Tok(word, low, lemma, at + a, at + b) for word, low, lemma, a, b in parts])
    return out


# (table id, matched word) -> its tokens (form, lower case, lemma, offsets in the word): a text's words recur
_PARTS: dict[tuple[int, str], tuple[tuple[str, str, str, int, int], ...]] = {}


def _parts_of(matched: str, table: Mapping[str, str]) -> tuple[tuple[str, str, str, int, int], ...]:
    parts = []
    for word, a, b in _expand(matched, 0):
        if word in _MARKS:
            continue
        low = word.lower().replace("\u2019", "'")
        parts.append((word, low, "be" if low == "'s" else _lemma(low, table), a, b))
    if len(_PARTS) > 200_000:
        _PARTS.clear()
    _PARTS[(id(table), matched)] = found = tuple(parts)
    return found


def sentences(toks: list[Tok]) -> list[list[Tok]]:
    """Tokens split into sentences at . ! ? (an abbreviation like "U.S." is one token and does not split)."""
    out: list[list[Tok]] = [[]]
    for t in toks:
        out[-1].append(t)
        if t.text in (".", "!", "?"):
            out.append([])
    return [s for s in out if s]


def _at(sent: list[Tok], i: int, phrase: tuple[str, ...]) -> bool:
    if i + len(phrase) > len(sent):
        return False
    for k, w in enumerate(phrase):  # noqa: SIM110 - a loop, no generator per call (runs for every phrase tried)
        if sent[i + k].lemma != w:
            return False
    return True


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
    if len(toks) > 2 and toks[-1].low in ("that", "this", "it", "them") and toks[-2].low in _END_PREPOSITIONS:
        toks = toks[:-2]  # "to punish farmers for that": the pronoun's preposition goes with it
    while toks and (toks[0].text in _BREAKS or toks[0].low in ("that", "for", "and", "but", "so")):
        toks = toks[1:]
    while toks and (toks[-1].text in _BREAKS or toks[-1].low in ("that", "and", "but")):
        toks = toks[:-1]
    if not toks:
        return ""
    words = " ".join(text[toks[0].start : toks[-1].end].split()).strip(_MARKS + " ,")
    if words.count("\u201c") != words.count("\u201d"):
        words = words.replace("\u201c", "").replace("\u201d", "")
    if words.count('"') % 2:
        words = words.replace('"', "")
    for mark, close in (("'", "'"), ("\u2018", "\u2019")):
        opened = words.rfind(" " + mark)
        if opened >= 0 and close not in words[opened + 2 :]:
            words = words[:opened + 1] + words[opened + 2 :]  # "of 'chaos and incompetence": closed outside
    return words


_END_PREPOSITIONS = frozenset(["for", "of", "to", "with", "on", "about", "against", "over"])


_OWN = frozenset([
    "continue", "continues", "continued",
    "will", "would", "shall", "can", "must", "also", "strongly", "firmly", "fully", "always", "still", "do", "does",
    "did", "not", "n't", "never", "no", "longer", "'ll", "to", "publicly", "openly", "sharply", "has", "have",
    "had", "'ve", "'d",
])
_PROGRESSIVE_BE = frozenset(["am", "are", "is", "'m", "'re", "'s"])  # "we were backing X" was, not is
_PROGRESSIVE_ACTS = frozenset(str(w) for w in (_WORDS.get("own_acts") or {}).get("progressive") or ())
_COULD_NOT = frozenset(str(w) for w in (_WORDS.get("own_acts") or {}).get("could_not") or ())
_SELF = frozenset(["he", "she", "it", "they"])  # "said he had voted for ...": the speaker, reported
_SHARED_SUBJECT_BREAKS = frozenset(str(w) for w in _WORDS.get("shared_subject_breaks") or ())  # "expect X to"
# after "and", one of these opens the next predicate ("pushed back on X and has worked to ..."), not more target
_NEXT_PREDICATE = frozenset(["that", "we", "i", "they", "would", "will", "has", "have", "had", "is", "was"])
_POSSESSIVE = frozenset(["his", "her", "its", "their"])


def _shares_subject(sent: list[Tok], k: int, j: int, i: int) -> bool:
    """Whether the verb at i after the coordinator at j has the pronoun at k as its subject: not across a verb
    taking a clause ("said he thought the rebels complained but supported X", "expected the rebels to complain
    but support X"), nor a bare verb across an infinitive ("to complain but support X": the infinitive's)."""
    between = sent[k + 1 : j]
    if any(t.lemma in _SHARED_SUBJECT_BREAKS for t in between):
        return False
    finite = any(t.low in _FINITE_AUX for t in sent[j + 1 : i]) or (
        sent[i].low != sent[i].lemma and sent[i].low.endswith(("ed", "s")))
    return finite or not any(t.low == "to" for t in between)


_FINITE_AUX = frozenset(["would", "will", "'ll", "has", "have", "had", "did", "does", "do", "can", "could", "must",
                         "shall", "should", "is", "was", "are", "were"])


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
    # "we are asking X to Y", "I am calling on X": the speaker's own act ("we are accepting applications" describes)
    progressive = sent[i].low.endswith("ing") and sent[i].lemma in _PROGRESSIVE_ACTS
    could_not = sent[i].lemma in _COULD_NOT  # "said she could not accept X" ("could not support the family": none)
    while j >= 0 and (sent[j].low in _OWN or (progressive and sent[j].low in _PROGRESSIVE_BE)
                      or (could_not and sent[j].low == "could" and j + 1 < i and sent[j + 1].lemma == "not")):
        j -= 1
    if j < 0:
        return lead
    if sent[j].low in ("we", "i"):
        return True
    if own and _own_side(sent, j, own, lead):
        return True
    if lead and sent[j].low in _SELF and _after_report(sent, j):  # "said he had voted for X"
        return True
    if lead and sent[j].low in ("and", "but"):  # "said it had sent lawyers and would challenge X"
        k = next((k for k in range(1, j) if sent[k].low in _SELF and _after_report(sent, k)), None)
        if k is not None and not any(t.text in _BREAKS or t.low in ("that", "who", "which") for t in sent[k + 1 : j]) \
                and _shares_subject(sent, k, j, i):
            return True
    if lead and j >= 1 and sent[j - 1].low in _POSSESSIVE and _after_report(sent, j - 1):  # "said its members ..."
        return True
    return sent[j].text == "," and sent[i].low.endswith("ing") and j == i - 1


_INTENT = frozenset(["would", "will", "'ll", "plan", "planned", "plans", "intend", "intends", "intended", "seek",
                     "seeks", "sought", "try", "tried", "tries", "aim", "aims", "aimed", "move", "moved", "vow",
                     "vowed", "want", "wants", "wanted"])


# Words between an intent and an infinitive that make the infinitive no purpose of the speaker's own.
_NOT_PURPOSE = frozenset(["whether", "how", "before", "after", "if", "decide", "discuss", "consider", "debate",
                          "time", "need", "cost", "take", "weigh", "study", "review", "vote", "ask", "asked"])


def _own_purpose(sent: list[Tok], to: int) -> bool:
    """"said it would file a petition to (block X)": the infinitive at ``to`` is the speaker's own intent (the
    reported subject's, with a would/plan/seek ... before it; "was too early to", "were asked to" are not)."""
    intent = False
    for k in range(to - 1, max(-1, to - 14), -1):
        t = sent[k]
        if t.text in _BREAKS or t.low in ("that", "who", "which", "no", "not", "n't", "never") or t.lemma == "be":
            return False
        if t.low in _NOT_PURPOSE or t.lemma in _NOT_PURPOSE:
            return False  # "to discuss whether to reject X", "need more time to support X", "cost billions to"
        if t.low in _INTENT:
            intent = True
        if t.low in _SELF and _after_report(sent, k):
            return intent
    return False


Own = tuple[tuple[str, ...], ...]  # names of the speaker's own side, as lower-case words


def _own_side(sent: list[Tok], j: int, own: Own, lead: bool = True) -> bool:
    """Whether the words ending at token j are a name of the speaker's side opening the reported clause,
    or (``lead`` False: a full quote's sentence) opening the sentence ("Australia stands with X")."""
    for phrase in own:
        k = j - len(phrase) + 1
        if k < 0 or not all(sent[k + n].low == w for n, w in enumerate(phrase)):
            continue
        if (lead and k >= 1 and _after_report(sent, k)) or (not lead and k == 0):
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
        if t.low == "and" and k + 1 < len(sent) and (sent[k + 1].low in _NEXT_PREDICATE
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
    return _without_time(out)


_DAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend"])
_PERIODS = frozenset(["week", "month", "year", "time", "moment", "morning", "evening", "night", "spring",
                      "summer", "autumn", "winter"])


def _without_time(toks: list[Tok]) -> list[Tok]:
    """A target without a trailing time phrase ("Portugal's decision at the time", "the plan on Monday",
    "the cuts last week"): when something was said is no part of what it is about."""
    n = len(toks)
    for size in (3, 2, 1):
        if n > size + 1:
            tail = [t.low for t in toks[n - size :]]
            if (
                (size == 1 and tail[0] in ("yesterday", "today", "tonight", "now"))
                or (size == 2 and tail[0] in ("on", "last", "this", "next") and tail[1] in _DAYS | _PERIODS)
                or (size == 3 and tail[0] in ("at", "earlier", "later") and tail[1] in ("the", "this", "that")
                    and tail[2] in _PERIODS)
            ) and toks[n - size - 1].low not in ("for", "of", "from", "until", "by", "in", "to", "since"):
                return toks[: n - size]  # "the rent for this year" keeps its year
    return toks


def _verb_lemma(t: Tok, rules: StanceRules) -> bool:
    """A finite stance verb ("opposes", "urged") or any past tense ("condemned the attack and offered condolences"):
    a new predicate, not part of a target."""
    return t.low != t.lemma and t.low.endswith(("s", "ed")) and (
        t.low.endswith("ed") or any(p[0] == t.lemma for p, _ in rules.verbs))


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
            if v == end - 1 or not _own_verb(sent, v, lead, own) or _negated(sent, v, rules):
                return []  # someone else's words ("had been called a sham by residents"), or "had never called X Y"
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


def _undone(sent: list[Tok], at: int, rules: StanceRules) -> bool:
    """Whether one of ``rules.verdict_undoers`` follows a verdict within four words of its clause ("the answer
    to the wrong question", "the right decision for the wrong reasons")."""
    for t in sent[at : at + 4]:
        if t.text in _BREAKS:
            return False
        if t.low in rules.verdict_undoers:
            return True
    return False


def _only_if_after(sent: list[Tok], at: int) -> bool:
    """True when 'only if' / 'unless' follows within the clause: the verdict is a condition's."""
    words = [x.low for x in sent[at:] if x.text not in _BREAKS][:12]
    return "unless" in words or any(a == "only" and b == "if" for a, b in pairwise(words))


def _it_be(sent: list[Tok], k: int) -> bool:
    """Token k is the copula of an extraposed "it": "it is", "it was", "it would be", "it will be"."""
    if k < 1 or sent[k].lemma != "be":
        return False
    if sent[k - 1].low == "it":
        return True
    return k >= 2 and sent[k - 1].low in ("would", "will", "'d", "'ll") and sent[k - 2].low == "it"


def _finite(toks: Sequence[Tok]) -> bool:
    """Whether words hold a clause with a finite verb ("the company signed ...", "the money is in"), not a
    time ("the end of the year", "after the vote")."""
    for k, t in enumerate(toks[1:], 1):
        if t.low in _COPULAS or t.low in _AUX or t.low.endswith("ed") or (t.lemma != t.low and t.low[-1] != "s"):
            return True
        if t.low.endswith("s") and t.lemma != t.low and toks[k - 1].low not in _DETERMINERS:
            return True
    return False
