"""Stances with a target: what a statement is explicitly for or against, in the article's words, or nothing."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import lru_cache

from briefgen.extract.display import AnyQuote, shown_words
from briefgen.extract.lexicon import lexicon as cue_lexicon
from briefgen.extract.stance_readers import _candidates
from briefgen.extract.stance_words import (
    _FUNCTION,
    _WORDS,
    Found,
    Own,
    StanceRules,
    Tok,
    _lemma,
    _split_words,
    is_question,
    load_stance_data,
    make_rules,
    sentences,
    tokens,
)
from briefgen.records import LocalQuote

__all__ = [  # the reading machinery lives in stance_words / stance_readers; this is the module others import
    "_FUNCTION",
    "Found",
    "Own",
    "StanceRules",
    "Tok",
    "agreed",
    "construction",
    "content_words",
    "fragment_start",
    "gate",
    "is_question",
    "load_stance_data",
    "make_rules",
    "opposed",
    "own_side",
    "polarity",
    "read_stance",
    "same_position",
    "same_target",
    "same_words",
    "sentences",
    "shown_constructions",
    "shown_found",
    "stance_of",
    "stance_text",
    "tokens",
]


def read_stance(
    text: str, rules: StanceRules, table: Mapping[str, str], cue: str | None = None, reported: bool = True,
    own: Own = (), focus: int = 0, within: tuple[int, int] | None = None,
) -> Found | None:
    """The stance a statement states explicitly, with its target; None when it states none.

    ``reported``: the text opens with the reporting verb ("criticised X ..."), so a stance verb there is the
    speaker's; in a quote a sentence-initial "Demand for chips ..." is a noun. ``own``: names of the
    speaker's own side (``own_side``). ``focus``: where the statement's own words start (a second quoted
    fragment shown with the first: "condemned X \u201c...\u201d and that Y \u201cmust ...\u201d"); an
    expression from there on wins over one before it. ``within``: only an expression starting in this
    character span counts (a fragment's own words read with the rest of its clause)."""
    if rules.screen is not None and not rules.screen.search(text):
        return None
    cue_lemma = _lemma(cue.split()[0].lower(), table) if cue else ""
    toks = tokens(text, table)
    if toks and toks[0].lemma in rules.no_stance_cues:
        cue_lemma = toks[0].lemma
    best: tuple[int, int, int, int, Found] | None = None
    split = sentences(toks)
    for n, sent in enumerate(split):
        for rank, pos, found in _candidates(text, sent, rules, n == 0 and reported, own, split[n - 1] if n else []):
            if rank >= 2 and cue_lemma in rules.no_stance_cues:
                continue
            if within is not None and not within[0] <= sent[pos].start < within[1]:
                continue
            key = (0 if sent[pos].start >= focus else 1, rank, n, pos)
            if found.target and (best is None or key < best[:4]):
                best = (*key, found)
    return best[4] if best else None


@lru_cache(maxsize=1)
def shown_constructions() -> frozenset[str]:
    """The stance constructions whose labels are shown (stances.yml ``shown``); any other label is withheld."""
    return frozenset(str(r) for r in load_stance_data().get("shown") or ())


def construction(rule: str, named: bool, quote_rule: str = "") -> str:
    """A label's construction id: its reader and word class, then the shape of the sentence that gave the
    statement its speaker (stances.yml construction_shapes: ".coordinated" for "X said A and urged B"), then
    ".nameless" when no actor said it."""
    shape = next((v for k, v in _shapes().items() if quote_rule.endswith(k)), "")
    return rule + (f".{shape}" if shape else "") + ("" if named else ".nameless")


@lru_cache(maxsize=1)
def _shapes() -> dict[str, str]:
    """End of a quote's extraction rule -> the shape part of a stance construction id (stances.yml)."""
    return {str(k): str(v) for k, v in (load_stance_data().get("construction_shapes") or {}).items()}


def gate(quote: LocalQuote) -> LocalQuote:
    """The quote with its label shown when its construction is in stances.yml ``shown``; otherwise without a
    stance or target, the label kept only as ``withheld`` (stance, target, construction) for measurement."""
    if not quote.stance or not quote.target:
        return quote
    rule = construction(quote.stance_rule or "stance", quote.speaker is not None, quote.rule)
    if rule in shown_constructions():
        return quote if rule == quote.stance_rule else replace(quote, stance_rule=rule)
    return replace(quote, stance=None, target=None, stance_rule="", withheld=(quote.stance, quote.target, rule))


def shown_found(found: Found | None, named: bool, quote_rule: str = "") -> Found | None:
    """A stance read outside the per-article map, or None when its construction is withheld."""
    return found if found and construction(found.rule or "stance", named, quote_rule) in shown_constructions() else None


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
def stance_of(
    text: str, cue: str | None, reported: bool, own: Own = (), focus: int = 0, within: tuple[int, int] | None = None
) -> Found | None:
    """``read_stance`` with the map's rules, once per distinct argument tuple in a process."""
    rules, table = map_rules()
    found = read_stance(text, rules, table, cue, reported, own, focus, within)
    # a quote's own words reporting others ('Our critics say …'); a statement's shown words hold its own cue
    if found and found.target.lower().startswith(("neither ", "nor ", "nobody", "no one ")):
        return None  # "We favour neither side": a stance on nothing
    if found and _bare_noun(found.target):
        return None  # "welcomed figure": a cut noun phrase says nothing about what
    if found and _passive_by().search(_sentence_of(text, found.target)):
        return None  # "The plan was condemned by the opposition as reckless": the agent's stance, not the speaker's
    if found and not reported and _heard_from_others(text, found.target):
        return None
    return None if found and reported and _reported_from_others(text, found.target) else found


def _bare_noun(target: str) -> bool:
    """A target of one lower-case singular word without a determiner ("welcomed figure"): a cut noun phrase, no
    target a reader could sign. A name ("Washington"), a plural or mass word ("talks", "preconditions",
    "independence": stances.yml bare_targets) or one after its determiner ("the ruling") is one."""
    words = re.findall(r"[\w\-’']+", target)
    if len(words) != 1 or not words[0].islower() or words[0].endswith("s"):
        return False
    return not words[0].endswith(tuple(str(w) for w in load_stance_data().get("bare_targets") or ()))


_OTHERS_SAY = re.compile(r"\b(?:says?|said|claim(?:s|ed)?|think(?:s)?|thought|believe(?:s|d)?|argue(?:s|d)?|"
                         r"allege(?:s|d)?|insist(?:s|ed)?|accuse(?:s|d)?|show(?:s|ed)?|prove(?:s|d)?|"
                         r"feel(?:s)?|felt|consider(?:s|ed)?|told|telling|tell it)\b", re.IGNORECASE)
# someone else's frame before a verdict: "in the opposition's view", "according to the union", "for the union, X
# is unfair" ("in our view", "for me," are the speaker's own); and a quote that goes on to disown what it said
_OTHERS_FRAME = re.compile(r"\b(?:in|from)\s+(?!(?:my|our)\b)(?:\w+[\u2019']?s?\s+){1,4}(?:view|eyes|opinion)\b|"
                           r"\baccording\s+to\s+(?!(?:me|us|our|my)\b)|"
                           r"^\W*for\s+(?!(?:me|us|now|example|instance|once|years?|decades?|months?|the first time|"
                           r"too long|a long time|all)\b)[^,]{2,40},", re.IGNORECASE)
_DISOWNED = re.compile(r"\b(?:I|we)\s+(?:\w+\s+)?disagree\b|\b(?:they|he|she)\s+(?:are|is|were|was)\s+wrong\b|"
                       r"\bthat\s+is\s+their\s+(?:right|view|opinion)\b", re.IGNORECASE)
_OWN_VOICE = re.compile(r"\b(?:I|we)\s+(?:\w+\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _passive_by() -> re.Pattern[str]:
    """A stance verb in the passive with its agent ('was condemned by the opposition', or a shown clause opening
    'criticized by the United Nations as …'): stances.yml agent_passives."""
    verbs = "|".join(re.escape(str(v)) for v in load_stance_data().get("agent_passives") or ())
    return re.compile(rf"(?:^\s*|\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?)(?:{verbs})\s+by\b", re.IGNORECASE)


def _sentence_of(text: str, target: str) -> str:
    """The sentence of ``text`` holding ``target`` (the whole text when the target is not found in it)."""
    at = text.find(target)
    if at < 0:
        return text
    start = max(text.rfind(m, 0, at) for m in ".!?") + 1
    ends = [e for e in (text.find(m, at + len(target)) for m in ".!?") if e >= 0]
    return text[start : min(ends) if ends else len(text)]


def _heard_from_others(text: str, target: str) -> bool:
    """True when the sentence holding a stance's target reports someone's saying or thinking ('Our critics say
    the blockade is illegal', 'The president was wrong, his critics say', 'the fines show the law is
    unworkable'): the view is theirs, or its target is not read right; 'We say the blockade is illegal' is the
    speaker's own."""
    if target not in text:
        return False
    sentence = _sentence_of(text, target)
    if _OTHERS_FRAME.search(sentence) or _DISOWNED.search(text, text.find(target)):
        return True  # "In the opposition's view, the tax is unfair. I disagree."
    return any(not _OWN_VOICE.search(sentence[: m.start()]) for m in _OTHERS_SAY.finditer(sentence))


_OTHERS_THINK = re.compile(r"\b(?:says?|said|claims?|claimed|think(?:s)?|thought|believe(?:s|d)?|argue(?:s|d)?|"
                           r"allege(?:s|d)?|insist(?:s|ed)?|contend(?:s|ed)?|feel(?:s)?|felt|consider(?:s|ed)?|"
                           r"told|telling|tell it)\b", re.IGNORECASE)
_OWN_REPORTED = re.compile(r"\b(?:I|we|he|she|they|it)\s+(?:\w+\s+)?$", re.IGNORECASE)
_FIRST_WORD = re.compile(r"^\W*\w+")


def _reported_from_others(text: str, target: str) -> bool:
    """True when a reported statement's stance sentence reports someone else's saying or thinking after the
    speaker's own reporting verb ("said some residents thought the plan was a disaster", "said critics say the
    reform is a disaster, but they are wrong", "said the opposition's claim that the toll was a scandal was
    absurd"): the verdict is theirs. "said she thought the plan was a mistake" (the speaker) is the speaker's."""
    if target not in text:
        return False
    sentence = _sentence_of(text, target)
    lead = _FIRST_WORD.match(sentence)
    skip = lead.end() if lead and text.startswith(sentence) else 0  # the statement's own reporting verb
    at = sentence.find(target)  # a report inside the target ("rejected the opposition's claim that X") is its object
    frame = _OTHERS_FRAME.search(sentence, skip)
    if frame and frame.start() < max(at, 0) + 1 and not _OWN_REPORTED.search(sentence[: frame.start()]):
        return True  # "said that in the opposition's view the ferry tax is unfair"
    return any(skip <= m.start() < at and not _OWN_REPORTED.search(sentence[: m.start()])
               for m in _OTHERS_THINK.finditer(sentence))


def fragment_span(said: str, fragment: str) -> tuple[int, int] | None:
    """Where a quoted fragment's words stand in the words shown with it (the last occurrence), or None."""
    words = " ".join(fragment.split())
    at = said.rfind(words)
    return (at, at + len(words)) if at >= 0 else None


_PARTICIPLE_CUE = re.compile(r"\w+ing$", re.IGNORECASE)
_FRAME_BREAK = re.compile(r"[,;:()\u2013\u2014\u201c\u201d\".!?]")


def frame_stance(lead: str, cue: str | None, names: tuple[str, ...]) -> Found | None:
    """The stance of the speaker's own verb framing a statement: a participle's ("Orban praised Trump,
    saying \u201c...\u201d": for Trump; "He rejected the criticism, calling it ...") or a coordinated verb's
    ("Baeza criticised the agreement and said ...", "he appeared to rule out X and suggested ...").
    ``lead``: the sentence up to the statement; ``names``: lower-case words of the speaker's name and
    aliases. The verb's subject must be the speaker (a word of their name, or he/she/they/it/we) or stand
    before a comma ("Orban, the prime minister, praised X, saying"); anything else (a description, someone
    else's verb, a reported one) gives None."""
    if not cue:
        return None
    at = [m for m in re.finditer(rf"(?<!\w){re.escape(cue)}(?!\w)", lead, re.IGNORECASE)]
    if not at:
        return None
    pre = lead[: at[-1].start()].rstrip()
    if _PARTICIPLE_CUE.fullmatch(cue.split()[-1]) and pre.endswith(","):
        pre = pre[:-1]  # "criticised X, saying farmers were “...”": the participle's clause elaborates X
    elif re.search(r"(?<!\w)and$", pre) and not _OWN_WORDS.search(lead[at[-1].end() :]):
        pre = pre[:-3].rstrip().rstrip(",")
    else:  # "urged X and said the government was “following ...”": a fragment of a new report, not of X
        return None
    breaks = list(_FRAME_BREAK.finditer(pre))
    clause_at = breaks[-1].end() if breaks else 0
    clause = pre[clause_at:]
    rules, table = map_rules()
    toks = tokens(clause, table)
    for k, t in enumerate(toks):
        if t.lemma not in rules.verbs_at:
            continue
        head = k
        if k >= 2 and toks[k - 1].low == "to" and toks[k - 2].lemma in _HEDGES:
            return None  # "appeared to rule out X": the reporter's reading, not the speaker's act
        if k >= 2 and toks[k - 1].low == "to" and toks[k - 2].lemma in _RAISING:
            head = k - 2  # "vowed to block X"
        elif not (t.low != t.lemma and t.low.endswith(("ed", "s"))):
            continue  # not a finite verb ("the support of", "to back")
        if any(x.low in _FRAME_NEGATORS for x in toks[:head]) or _FRAME_TURN.search(clause):
            return None  # "has never supported the plan, saying …", "praised it last year but now opposes it"
        subject = [x.low for x in toks[:head] if x.low not in _FUNCTION or x.low in _FRAME_SUBJECTS]
        forms = cue_lexicon().cue_forms
        if any(x.low in ("who", "which", "that", "whose") or x.low in forms for x in toks[:head]):
            return None  # "Ann said the board praised X, adding": the board's verb, reported
        if not subject and not breaks:
            return None
        if subject and not (set(subject) & set(names) or (len(subject) == 1 and subject[0] in _FRAME_SUBJECTS)):
            return None
        found = read_stance(clause[t.start :], rules, table, None, True)
        return replace(found, rule="stance.frame." + found.rule.removeprefix("stance.")) if found else None
    return None


# words of the statement's own clause between its reporting verb and the statement ("said the government was")
# ("calling it \u201c...\u201d", "describing them as \u201c...\u201d" point back to the frame's object: no own clause)
_OWN_WORDS = re.compile(r"\b(?!(?:that|it|them|this|as)\b)[^\W\d_]+", re.IGNORECASE)
_RAISING = frozenset(["vow", "pledge", "threaten", "promise", "move", "try", "seek"])
_HEDGES = frozenset(["appear", "seem"])
_FRAME_TURN = re.compile(r"\b(?:no longer|but|while)\b", re.IGNORECASE)
_FRAME_NEGATORS = frozenset(["not", "n't", "never", "no", "hardly", "neither", "nor"])
_FRAME_SUBJECTS = frozenset(["he", "she", "they", "it", "we"])


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
def own_side(
    country: str | None, affiliation: str | None, roles: tuple[str, ...], kind: str, name: str = ""
) -> Own:
    """Names a speaker's own side goes by in a reported clause: their country (its names and capital) and
    "the government" when they hold a government office, or their body's names ("the bloc" for an EU
    spokesman); a government body speaks for its own country. Nothing for a speaker with no office, an
    opposition, union or party office ("opposition spokesman"), or an organisation that is no government body."""
    names, government, extra = _side_names()
    words = {w for r in roles for w in r.lower().split()}
    blockers, bodies = _not_government()
    if kind == "organisation":
        low = f" {name.lower()} "
        official = any(f" {b} " in low for b in bodies)
    else:
        official = bool(words & government) and not words & blockers
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


@lru_cache(maxsize=1)
def _not_government() -> tuple[frozenset[str], tuple[str, ...]]:
    """(role words that speak for no government, words that make an organisation a government body)."""
    side = _WORDS.get("own_side") or {}
    blockers = frozenset(str(w).lower() for w in side.get("not_government") or ())
    return blockers, tuple(str(w).lower() for w in side.get("government_bodies") or ())


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
