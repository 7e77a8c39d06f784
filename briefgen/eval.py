"""Score an extracted briefing against gold annotations (the YAML format of ``tests/data/gold``).

Definitions (all per corpus, with per-article rows for the table):

* **Quotes** are our ``direct`` and ``partial`` quotes (text between marks) against the gold ``quotes``.
  Texts are normalised (quote marks and apostrophes unified, whitespace collapsed, case folded) and paired
  one-to-one, best overlap first. *Overlap* match: shared word tokens / tokens of the longer text ≥ 0.5.
  *Exact* match: equal normalised texts (ignoring trailing punctuation). Precision = matched / ours,
  recall = matched / gold.
* **Speaker accuracy**: over overlap-matched quotes, the share whose speaker agrees: a gold ``null``
  speaker must be null in ours; a named gold speaker must be our actor that maps to that gold actor.
* **Statement recall**: a gold statement (a sentence in which the actor is reported as saying something)
  is found when we emit any quote or statement attributed to that gold speaker whose text lies inside
  that sentence (normalised containment). **Statement precision** is the converse for our reported
  (indirect) statements with a named speaker: the share that lies inside a gold statement sentence of
  the same speaker (gold lists no statements of collective speakers, so unattributed ones are not scored).
* **Actors**: our actors map to gold actors by name or alias (gold ``aliases_in_text``), diacritics and
  transliteration folded. Recall = gold actors who speak (speaker of a gold quote or statement) that map
  to exactly one of our actors; duplicates = those mapping to more than one. Country accuracy = among
  found actors whose gold affiliation is a country or international body, the share whose ``country``
  agrees. Precision = our actors with at least one quote or statement that map to some gold actor.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefgen.extract.actors import name_key
from briefgen.extract.lexicon import fold, lexicon
from briefgen.records import Actor, Briefing, Quote

_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'"})
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class GoldActor:
    """An annotated actor."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    affiliation: str | None


@dataclass(frozen=True, slots=True)
class GoldFile:
    """One gold annotation file."""

    source: str
    actors: tuple[GoldActor, ...]
    quotes: tuple[dict[str, Any], ...]
    statements: tuple[dict[str, Any], ...]


@dataclass
class RuleScore:
    """What one extraction rule produced and how much of it the gold confirms."""

    found: int = 0  # quotes or statements the rule made
    right: int = 0  # of those: quotes matched to a gold quote with the right speaker; statements in a gold one
    quotes_recalled: int = 0  # gold quotes this rule's quote matched, with the right speaker
    statements_recalled: int = 0  # gold statements this rule's quote or statement was the first to find

    def add(self, other: RuleScore) -> None:
        """Accumulate another article's counts."""
        self.found += other.found
        self.right += other.right
        self.quotes_recalled += other.quotes_recalled
        self.statements_recalled += other.statements_recalled

    @property
    def precision(self) -> float:
        """Right over found."""
        return self.right / self.found if self.found else 1.0


@dataclass
class Scores:
    """Counts and the derived scores for one article or the whole corpus."""

    ours: int = 0
    gold: int = 0
    matched: int = 0
    exact: int = 0
    speaker_ok: int = 0
    statements: int = 0
    statements_found: int = 0
    reported: int = 0
    reported_ok: int = 0
    misses: list[str] = field(default_factory=list)
    false_pos: list[str] = field(default_factory=list)
    wrong_speaker: list[str] = field(default_factory=list)
    rules: dict[str, RuleScore] = field(default_factory=dict)

    def add(self, other: Scores) -> None:
        """Accumulate another article's counts."""
        for name in ("ours", "gold", "matched", "exact", "speaker_ok", "statements", "statements_found",
                     "reported", "reported_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.false_pos += other.false_pos
        self.wrong_speaker += other.wrong_speaker
        for rule, rs in other.rules.items():
            self.rule(rule).add(rs)

    def rule(self, rule: str) -> RuleScore:
        """The counts of one extraction rule (created empty on first use)."""
        found = self.rules.get(rule)
        if found is None:
            found = self.rules[rule] = RuleScore()
        return found

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def precision(self) -> float:
        """Overlap-matched quotes over our quotes."""
        return self._ratio(self.matched, self.ours)

    @property
    def recall(self) -> float:
        """Overlap-matched quotes over gold quotes."""
        return self._ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        """Harmonic mean of overlap precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def exact_precision(self) -> float:
        """Exact-matched quotes over our quotes."""
        return self._ratio(self.exact, self.ours)

    @property
    def exact_recall(self) -> float:
        """Exact-matched quotes over gold quotes."""
        return self._ratio(self.exact, self.gold)

    @property
    def exact_f1(self) -> float:
        """Harmonic mean of exact precision and recall."""
        p, r = self.exact_precision, self.exact_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        """Correct speakers over overlap-matched quotes."""
        return self._ratio(self.speaker_ok, self.matched)

    @property
    def statement_recall(self) -> float:
        """Found gold statements over gold statements."""
        return self._ratio(self.statements_found, self.statements)

    @property
    def statement_precision(self) -> float:
        """Our attributed reported statements that lie in a gold statement sentence of the same speaker."""
        return self._ratio(self.reported_ok, self.reported)


@dataclass
class ActorScores:
    """Actor-level scores over the corpus."""

    speaking: int = 0
    found: int = 0
    duplicates: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    country_total: int = 0
    country_ok: int = 0
    country_wrong: list[str] = field(default_factory=list)
    quoted: int = 0
    quoted_gold: int = 0
    not_gold: list[str] = field(default_factory=list)
    rules: dict[str, list[int]] = field(default_factory=dict)  # mention rule -> [quoted actors, of them gold]

    @property
    def recall(self) -> float:
        """Speaking gold actors found exactly once."""
        return self.found / self.speaking if self.speaking else 1.0

    @property
    def country_accuracy(self) -> float:
        """Right country among found actors with a country-like gold affiliation."""
        return self.country_ok / self.country_total if self.country_total else 1.0

    @property
    def precision(self) -> float:
        """Quoted actors that are gold actors."""
        return self.quoted_gold / self.quoted if self.quoted else 1.0


@dataclass
class EvalResult:
    """Everything ``briefgen eval`` reports."""

    per_article: dict[str, Scores]
    total: Scores
    actors: ActorScores


def normalise(text: str) -> str:
    """Quote marks and apostrophes unified, whitespace collapsed, case folded."""
    return " ".join(text.translate(_MARKS).split()).casefold()


def tokens(text: str) -> list[str]:
    """Word tokens of a normalised text."""
    return _TOKEN.findall(normalise(text))


def overlap(a: str, b: str) -> float:
    """Shared tokens over the tokens of the longer text."""
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    longer = max(sum(ta.values()), sum(tb.values()))
    return sum((ta & tb).values()) / longer if longer else 0.0


def load_gold(folder: Path) -> list[GoldFile]:
    """Every gold YAML file of a folder, sorted by name."""
    files = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        actors = tuple(
            GoldActor(
                a["name"],
                tuple(a.get("aliases_in_text") or ()),
                a.get("kind", "person"),
                a.get("affiliation"),
            )
            for a in data.get("actors") or ()
        )
        files.append(
            GoldFile(
                data["source"], actors, tuple(data.get("quotes") or ()), tuple(data.get("statements") or ())
            )
        )
    return files


def _keys(name: str) -> set[str]:
    folded = fold(name).removeprefix("the ").strip()
    return {folded, name_key(folded)}


def actor_matches(actor: Actor, gold: GoldActor) -> bool:
    """Whether one of our actors stands for a gold actor (name or alias, folded)."""
    gold_keys: set[str] = set()
    for alias in (gold.name, *gold.aliases):
        gold_keys |= _keys(alias)
    ours = _keys(actor.name)
    if ours & gold_keys:
        return True
    if actor.kind == "person" and gold.kind == "person":
        our_last = name_key(fold(actor.name)).split()[-1:]
        gold_last = name_key(fold(gold.name)).split()[-1:]
        our_first = name_key(fold(actor.name)).split()[:-1]
        gold_first = name_key(fold(gold.name)).split()[:-1]
        return our_last == gold_last and (
            not our_first or not gold_first or our_first[0][:1] == gold_first[0][:1]
        )
    return False


def country_value(affiliation: str | None) -> str | None:
    """The country (or international body) an affiliation names, or None for other organisations."""
    if not affiliation:
        return None
    place = lexicon().places.get(affiliation) or lexicon().places.get(affiliation.removeprefix("the "))
    return place.country if place and place.kind != "institution" else None


def _pair(ours: Sequence[Quote], gold: Sequence[dict[str, Any]]) -> list[tuple[int, int, float]]:
    cands = []
    for i, q in enumerate(ours):
        for j, g in enumerate(gold):
            score = overlap(q.text, str(g["text"]))
            if score >= 0.5:
                cands.append((score, i, j))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_i: set[int] = set()
    used_j: set[int] = set()
    pairs = []
    for score, i, j in cands:
        if i in used_i or j in used_j:
            continue
        used_i.add(i)
        used_j.add(j)
        pairs.append((i, j, score))
    return pairs


def evaluate(briefing: Briefing, gold_files: Sequence[GoldFile]) -> EvalResult:
    """Score a briefing against gold annotations."""
    actors = {a.id: a for a in briefing.actors}
    by_source_name = {s.path.rsplit("/", 1)[-1]: s.id for s in briefing.sources}
    quotes_by_source: dict[str, list[Quote]] = {}
    for q in briefing.quotes:
        for sid in (q.source, *q.also_in):
            quotes_by_source.setdefault(sid, []).append(q)
    per_article: dict[str, Scores] = {}
    total = Scores()
    gold_by_name: dict[str, GoldActor] = {}
    speaking: set[str] = set()
    for gf in gold_files:
        source_id = by_source_name.get(gf.source)
        ours_all = quotes_by_source.get(source_id or "", [])
        ours = [q for q in ours_all if q.kind != "indirect"]
        gactors = {a.name: a for a in gf.actors}
        for a in gf.actors:
            gold_by_name.setdefault(a.name, a)
        # a gold statement without a named speaker ("officials said") is not scored: the gold convention lists
        # statements of named actors, and some annotators also list nameless ones with `speaker: null`
        named = [st for st in gf.statements if st.get("speaker")]
        sc = Scores(ours=len(ours), gold=len(gf.quotes), statements=len(named))
        pairs = _pair(ours, gf.quotes)
        matched_i = {i for i, _, _ in pairs}
        matched_j = {j for _, j, _ in pairs}
        for q in ours:
            sc.rule(q.rule or "(none)").found += 1
        for i, j, _ in pairs:
            q, g = ours[i], gf.quotes[j]
            sc.matched += 1
            if normalise(q.text).rstrip(".,;:!? ") == normalise(str(g["text"])).rstrip(".,;:!? "):
                sc.exact += 1
            gspk = g.get("speaker")
            ok = (
                (q.speaker is None)
                if gspk is None
                else (
                    q.speaker in actors
                    and gspk in gactors
                    and actor_matches(actors[q.speaker], gactors[gspk])
                )
            )
            if ok:
                sc.speaker_ok += 1
                sc.rule(q.rule or "(none)").right += 1
                sc.rule(q.rule or "(none)").quotes_recalled += 1
            else:
                sc.wrong_speaker.append(f"{gf.source}: “{g['text'][:60]}” gold={gspk} ours={q.speaker}")
        sc.misses += [
            f"{gf.source}: “{str(g['text'])[:70]}” ({g.get('speaker')})"
            for j, g in enumerate(gf.quotes)
            if j not in matched_j
        ]
        sc.false_pos += [
            f"{gf.source}: “{q.text[:70]}” ({q.speaker})" for i, q in enumerate(ours) if i not in matched_i
        ]
        for st in named:
            spk = gactors.get(st["speaker"])
            sentence = normalise(st["sentence"])
            hit = None if spk is None else next(
                (
                    q
                    for q in ours_all
                    if q.speaker in actors and actor_matches(actors[q.speaker], spk) and normalise(q.text) in sentence
                ),
                None,
            )
            if hit is not None:
                sc.statements_found += 1
                sc.rule(hit.rule or "(none)").statements_recalled += 1
            else:
                sc.misses.append(f"{gf.source}: statement of {st['speaker']}: {st['sentence'][:80]}")
        for q in ours_all:
            if q.kind != "indirect" or q.speaker not in actors:
                continue  # gold lists no statements of collective or unknown speakers
            sc.reported += 1
            sc.rule(q.rule or "(none)").found += 1
            if any(
                st["speaker"] in gactors
                and actor_matches(actors[q.speaker], gactors[st["speaker"]])
                and normalise(q.text) in normalise(st["sentence"])
                for st in gf.statements
            ):
                sc.reported_ok += 1
                sc.rule(q.rule or "(none)").right += 1
            else:
                sc.false_pos.append(f"{gf.source}: reported “{q.text[:70]}” ({q.speaker})")
        for gq in gf.quotes:
            if gq.get("speaker"):
                speaking.add(gq["speaker"])
        for st in named:
            speaking.add(st["speaker"])
        per_article[gf.source] = sc
        total.add(sc)
    return EvalResult(per_article, total, _actor_scores(briefing, gold_by_name, speaking))


def rule_rows(total: Scores) -> list[tuple[str, int, int, float, float, float]]:
    """Per rule, most found first: (rule, found, right, precision, share of the gold quotes it found with the
    right speaker, share of the gold statements it found)."""
    rows = []
    for rule, rs in total.rules.items():
        quote_r = rs.quotes_recalled / total.gold if total.gold else 0.0
        statement_r = rs.statements_recalled / total.statements if total.statements else 0.0
        rows.append((rule, rs.found, rs.right, rs.precision, quote_r, statement_r))
    rows.sort(key=lambda r: (-r[1], r[0]))
    return rows


def _actor_scores(briefing: Briefing, gold: dict[str, GoldActor], speaking: set[str]) -> ActorScores:
    res = ActorScores()
    for name in sorted(speaking):
        g = gold[name]
        res.speaking += 1
        hits = [a for a in briefing.actors if actor_matches(a, g)]
        if len(hits) == 1:
            res.found += 1
        elif len(hits) > 1:
            res.duplicates.append(f"{name}: {', '.join(a.id for a in hits)}")
        else:
            res.missing.append(name)
        wanted = country_value(g.affiliation)
        if hits and wanted:
            res.country_total += 1
            if hits[0].country == wanted:
                res.country_ok += 1
            else:
                res.country_wrong.append(f"{name}: gold {wanted}, ours {hits[0].country}")
    quoted = {q.speaker for q in briefing.quotes if q.speaker}
    for a in briefing.actors:
        if a.id not in quoted:
            continue
        res.quoted += 1
        is_gold = any(actor_matches(a, g) for g in gold.values())
        if is_gold:
            res.quoted_gold += 1
        else:
            res.not_gold.append(a.id)
        for rule, _ in a.rules:
            counts = res.rules.setdefault(rule, [0, 0])
            counts[0] += 1
            counts[1] += is_gold
    return res


def actor_rule_rows(actors: ActorScores) -> list[tuple[str, int, int, float]]:
    """Per mention rule, most actors first: (rule, quoted actors it found a mention of, of them gold actors,
    precision)."""
    rows = [(rule, n, ok, ok / n if n else 1.0) for rule, (n, ok) in actors.rules.items()]
    rows.sort(key=lambda r: (-r[1], r[0]))
    return rows


# --- stances with a target, and how reported statements are shown -------------------------------------

@dataclass
class StanceScores:
    """Stance labels against a stance annotation (tests/data/stance_gold.yaml), and verb display.

    A shown label is right when it lies on a gold quote or statement (same speaker) annotated with the same
    polarity and a target that shares at least half of the content words of the shorter target; polarity
    is read with the target's negations ("for: Ukraine must not be excluded" = "against: excluding
    Ukraine"). Precision = right labels / shown labels (labels on statements missing from gold count as
    wrong); recall = gold stances with a right label / gold stances.
    """

    shown: int = 0
    right: int = 0
    gold: int = 0
    caught: int = 0
    reported: int = 0
    with_verb: int = 0
    verbless: int = 0  # reported statements whose article gives no reporting verb (a Q&A answer, "according to X")
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    no_verb: list[str] = field(default_factory=list)
    # stance construction -> [labels shown, right, wrong only by the speaker (the gold stance of the same words)]
    rules: dict[str, list[int]] = field(default_factory=dict)
    # the same for the withheld labels (stances.yml shown): what each construction would score if shown
    withheld_rules: dict[str, list[int]] = field(default_factory=dict)
    caught_all: int = 0  # gold stances a shown or withheld label would catch (recall with every label shown)
    # every label judged: (quote id, construction, right, wrong only by the speaker, shown)
    labels: list[tuple[str, str, bool, bool, bool]] = field(default_factory=list)
    # every gold stance: the constructions of the labels (shown or withheld) right on it (none: missed by all)
    caught_by: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Right labels over shown labels."""
        return self.right / self.shown if self.shown else 1.0

    @property
    def recall(self) -> float:
        """Gold stances caught over gold stances."""
        return self.caught / self.gold if self.gold else 1.0

    @property
    def verb_rate(self) -> float:
        """Reported statements shown with their reporting verb."""
        return self.with_verb / self.reported if self.reported else 1.0

    @property
    def verb_rate_stated(self) -> float:
        """Reported statements shown with their reporting verb, of those the article gives a verb for."""
        stated = self.reported - self.verbless
        return self.with_verb / stated if stated > 0 else 1.0


def stance_agrees(stance: str, target: str, gold_stance: str, gold_target: str) -> bool:
    """Same polarity on the same target (see StanceScores)."""
    from briefgen.extract.stance import content_words, polarity

    strip = re.compile(r"\b(?:not|no|never|without|cannot)\b|n[’']t\b", re.IGNORECASE)
    ours, theirs = content_words(strip.sub(" ", target)), content_words(strip.sub(" ", gold_target))
    if not ours or not theirs or len(ours & theirs) / min(len(ours), len(theirs)) < 0.5:
        return False
    return polarity(stance, target) == polarity(gold_stance, gold_target)


def evaluate_stances(
    briefing: Briefing, gold_files: Sequence[GoldFile], annotation: dict[str, list[dict[str, Any]]]
) -> StanceScores:
    """Score stance labels and verb display on the articles of an annotation file."""
    from briefgen.extract.lexicon import lexicon as cue_lexicon

    actors = {a.id: a for a in briefing.actors}
    by_name = {s.path.rsplit("/", 1)[-1]: s.id for s in briefing.sources}
    res = StanceScores()
    for gf in gold_files:
        if gf.source not in annotation:
            continue
        sid = by_name.get(gf.source)
        ours = [q for q in briefing.quotes if q.source == sid]
        gactors = {a.name: a for a in gf.actors}
        units: list[tuple[str, str, str | None, dict[str, Any] | None]] = []  # kind, text, speaker, label
        labels = annotation[gf.source]
        for g in gf.quotes:
            label = next((x for x in labels if "q" in x and str(g["text"]).startswith(x["q"])), None)
            units.append(("q", str(g["text"]), g.get("speaker"), label))
        for st in gf.statements:
            label = next((x for x in labels if "s" in x and st["sentence"].startswith(x["s"])
                          and x.get("speaker", st["speaker"]) == st["speaker"]), None)
            units.append(("s", st["sentence"], st["speaker"], label))

        def same_speaker(q: Quote, gold_speaker: str | None, gactors: dict[str, GoldActor] = gactors) -> bool:
            if gold_speaker is None or gold_speaker not in gactors:
                return q.speaker is None or q.speaker not in actors
            return q.speaker in actors and actor_matches(actors[q.speaker], gactors[gold_speaker])

        def units_of(q: Quote, units: list[tuple[str, str, str | None, dict[str, Any] | None]] = units,
                     any_speaker: bool = False) -> list[int]:
            hits = [i for i, (kind, text, spk, _) in enumerate(units)
                    if kind == "q" and q.kind != "indirect" and overlap(q.text, text) >= 0.5
                    and (any_speaker or same_speaker(q, spk))]
            hits += [i for i, (kind, text, spk, _) in enumerate(units)
                     if kind == "s" and normalise(q.text) in normalise(text) and (any_speaker or same_speaker(q, spk))]
            return hits

        right_units: set[int] = set()
        all_right_units: set[int] = set()  # caught by a withheld label
        rules_of: dict[int, set[str]] = {}  # gold unit -> constructions of the labels right on it
        # a partial quote held by a statement is shown inside it (pages list the statement in its place):
        # its label is the statement's, judged against the units of the quote too
        by_id = {q.id: q for q in ours}
        held = {i for q in ours for i in q.contains_quotes}
        for q in ours:
            if q.id in held:
                continue
            if q.kind == "indirect":
                res.reported += 1
                if q.verb:
                    res.with_verb += 1
                else:
                    res.no_verb.append(f"{gf.source}: {q.display or q.text}"[:120])
                    if not q.cue or q.cue.lower() in cue_lexicon().source_phrases:
                        res.verbless += 1
            shown = bool(q.stance and q.target)
            if not shown and not q.withheld:
                continue
            read = (str(q.stance), str(q.target), q.stance_rule) if shown else q.withheld
            stance, target, rule = read or ("", "", "")
            found = units_of(q) + [u for i in q.contains_quotes if i in by_id for u in units_of(by_id[i])]
            good = [i for i in found if (lab := units[i][3]) and lab.get("stance")
                    and stance_agrees(stance, target, lab["stance"], str(lab.get("target") or ""))]
            # the reading agrees with the gold stance of the same words, said by someone else
            speaker_only = not good and any((lab := units[i][3]) and lab.get("stance") and stance_agrees(
                stance, target, lab["stance"], str(lab.get("target") or "")) for i in units_of(q, any_speaker=True))
            counts = (res.rules if shown else res.withheld_rules).setdefault(rule or "?", [0, 0, 0])
            counts[0] += 1
            counts[1] += bool(good)
            counts[2] += speaker_only
            res.labels.append((q.id, rule, bool(good), speaker_only, shown))
            if good:
                (all_right_units if not shown else right_units).update(good)
                for i in good:
                    rules_of.setdefault(i, set()).add(rule or "?")
            if not shown:
                continue
            res.shown += 1
            if good:
                res.right += 1
            else:
                res.wrong.append(f"{gf.source}: {stance}: {target} ({q.speaker}) [{rule}"
                                 f"{', right reading, wrong speaker' if speaker_only else ''}]"[:220])
        for i, (_, _, spk, lab) in enumerate(units):
            if lab and lab.get("stance"):
                res.gold += 1
                res.caught_all += i in right_units or i in all_right_units
                res.caught_by.append(tuple(sorted(rules_of.get(i, ()))))
                if i in right_units:
                    res.caught += 1
                else:
                    res.missed.append(f"{gf.source}: {spk}: {lab['stance']}: {lab.get('target')}")
    return res


def stance_rule_rows(scores: StanceScores, withheld: bool = False) -> list[tuple[str, int, int, float, int]]:
    """Per stance construction, most labels first: (construction, labels shown, right, precision, wrong only
    by their speaker); ``withheld``: the same for the labels withheld (their would-be precision)."""
    table = scores.withheld_rules if withheld else scores.rules
    rows = [(rule, n, ok, ok / n if n else 1.0, spk) for rule, (n, ok, spk) in table.items()]
    rows.sort(key=lambda r: (-r[1], r[0]))
    return rows


def load_stance_gold(path: Path) -> dict[str, list[dict[str, Any]]]:
    """A stance annotation file: {article file name: [{q|s: text start, stance, target}]}."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    articles = data.get("articles") or {}
    return {str(k): list(v or ()) for k, v in articles.items()}


@dataclass
class ClaimScores:
    """Claim grouping against annotated same-claim groups (pairs of gold quotes and statements).

    Each annotated member maps to the claims holding our quotes that match it (a quote by overlap, a
    statement by containment, same speaker). A pair of members is predicted same-claim when their claims
    overlap. Precision = predicted same-claim pairs that are gold same-claim pairs / predicted same-claim
    pairs (among pairs of annotated members); recall = gold pairs predicted / gold pairs.
    """

    gold_pairs: int = 0
    predicted: int = 0
    right: int = 0
    unmapped: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Right same-claim pairs over predicted same-claim pairs."""
        return self.right / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Gold same-claim pairs found over gold same-claim pairs."""
        return self.right / self.gold_pairs if self.gold_pairs else 1.0


def load_claim_gold(path: Path) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Annotated claim groups: [(name, [(article stem, q|s, start of text)])]."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    groups = []
    for g in data.get("claims") or ():
        members = []
        for m in g.get("members") or ():
            stem, kind, prefix = (x.strip() for x in str(m).split("|", 2))
            members.append((stem, kind, prefix))
        groups.append((str(g.get("name") or ""), members))
    return groups


def evaluate_claims(
    briefing: Briefing, gold_files: Sequence[GoldFile], groups: Sequence[tuple[str, list[tuple[str, str, str]]]]
) -> ClaimScores:
    """Score claim grouping on annotated same-claim groups."""
    actors = {a.id: a for a in briefing.actors}
    by_stem = {s.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]: s.id for s in briefing.sources}
    gold_by_stem = {gf.source.rsplit(".", 1)[0]: gf for gf in gold_files}
    claim_of = {e: c.id for c in briefing.claims for e in c.evidence}
    res = ClaimScores()
    members: list[tuple[int, str, set[str]]] = []  # group index, label, our claim ids
    for n, (_, items) in enumerate(groups):
        for stem, kind, prefix in items:
            gf = gold_by_stem.get(stem)
            sid = by_stem.get(stem)
            if gf is None or sid is None:
                continue
            gactors = {a.name: a for a in gf.actors}
            if kind == "q":
                unit = next((g for g in gf.quotes if str(g["text"]).startswith(prefix)), None)
                text, speaker = (str(unit["text"]), unit.get("speaker")) if unit else ("", None)
            else:
                unit = next((s for s in gf.statements if s["sentence"].startswith(prefix)), None)
                text, speaker = (unit["sentence"], unit["speaker"]) if unit else ("", None)

            def ours(
                q: Quote, text: str = text, speaker: str | None = speaker, kind: str = kind,
                gactors: dict[str, GoldActor] = gactors,
            ) -> bool:
                spk_ok = (speaker is None and q.speaker is None) or (
                    speaker in gactors and q.speaker in actors and actor_matches(actors[q.speaker], gactors[speaker])
                )
                if kind == "q":
                    return spk_ok and q.kind != "indirect" and overlap(q.text, text) >= 0.5
                return spk_ok and normalise(q.text) in normalise(text)

            claims = {claim_of[q.id] for q in briefing.quotes if q.source == sid and q.id in claim_of and ours(q)}
            label = f"{stem} {kind} {prefix[:40]}"
            if claims:
                members.append((n, label, claims))
            else:
                res.unmapped.append(label)
    for i in range(len(members)):
        for j in range(i + 1, len(members)):
            gi, li, ci = members[i]
            gj, lj, cj = members[j]
            same_gold = gi == gj
            same_ours = bool(ci & cj)
            res.gold_pairs += same_gold
            res.predicted += same_ours
            res.right += same_gold and same_ours
            if same_ours and not same_gold:
                res.wrong.append(f"{li} ~ {lj}")
    return res
