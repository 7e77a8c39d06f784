"""The corpus-wide reduce: merge per-article actors (aliases, variants, overrides), give quotes stable ids."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from confusable_homoglyphs import categories, confusables
from rapidfuzz import fuzz

from briefgen.extract.actors import name_key
from briefgen.extract.lexicon import demojibake, fold
from briefgen.records import Actor, ActorKind, Analysis, LocalActor, Quote, Source
from briefgen.slugs import unique_slugs

FUZZY_MIN = 85.0
CORROBORATE_MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class ActorOverride:
    """A user's correction from ``site_config/actors.yml``: the user always wins over inference."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: ActorKind | None = None
    country: str | None = None
    role: str | None = None


def quote_id(source_path: str, text: str, occurrence: int) -> str:
    """A stable quote id: the same words in the same file keep their id across rebuilds."""
    key = f"{source_path}\x00{' '.join(text.split())}\x00{occurrence}"
    return "q-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=65536)
def latin_skeleton(name: str) -> str:
    """A Latin-script name with look-alike letters of other scripts replaced by their Latin twins
    (Cyrillic 'Mаrk Ruttе' -> 'Mark Rutte'); a name in another script, or a clean one, is returned as is."""
    if name.isascii():
        return name
    letters = [c for c in name if c.isalpha()]
    if not any(categories.alias(c) == "LATIN" for c in letters):
        return name  # a name written in another script is that script's name, not a disguise
    found = confusables.is_confusable(name, preferred_aliases=["latin"], greedy=True) or []
    twins: dict[str, str] = {}
    for item in found:
        latin = [h["c"] for h in item["homoglyphs"] if len(h["c"]) == 1 and categories.alias(h["c"]) == "LATIN"]
        if latin and categories.alias(item["character"]) != "LATIN":
            twins[item["character"]] = latin[0]
    return "".join(twins.get(c, c) for c in name) if twins else name


def look_alike_names(analyses: Sequence[Analysis]) -> list[str]:
    """Warnings for actor names that mix scripts (letters of another script that look Latin): merged as Latin."""
    out = []
    for analysis in analyses:
        for local in analysis.actors:
            clean = latin_skeleton(local.name)
            if clean != local.name:
                out.append(
                    f"{analysis.article.path}: actor name {local.name!a} mixes scripts (letters that only look "
                    f"Latin); read as '{clean}'"
                )
    return out


def _key(local: LocalActor) -> str:
    return _key_of(local.kind, local.name)


@lru_cache(maxsize=65536)
def _key_of(kind: str, name: str) -> str:
    """The merge key of a name of a kind (the same name recurs in many articles: computed once)."""
    clean = latin_skeleton(name)
    if kind == "person":
        return "p:" + name_key(fold(clean))
    return kind[0] + ":" + fold(clean)


def _rule_counts(members: Iterable[LocalActor]) -> tuple[tuple[str, int], ...]:
    """The members' (rule, mentions) counts added up, by rule id (one Counter, not one per member)."""
    total: Counter[str] = Counter()
    for m in members:
        for rule, n in m.rules:
            total[rule] += n
    return tuple(sorted((rule, n) for rule, n in total.items() if n > 0))  # as Counter's "+" keeps them


_APPOSITIVE = re.compile(r"\s*,\s+(?:an?|the)\s+([^,.;:!?\"“”()]{1,60})")
_CONTEXT_STOP = frozenset({"of", "the", "a", "an", "and", "for", "in", "at", "on", "to", "who", "s"})
Context = Callable[[str], tuple[frozenset[str], frozenset[str]]]


def _contexts(analyses: Sequence[Analysis]) -> Context:
    """Per actor key, lazily: the countries and the words of roles and of appositions ("X, a local
    fisherman") seen with it, the evidence a near-miss merge must not contradict."""
    where: dict[str, list[tuple[LocalActor, str]]] = {}
    for analysis in analyses:
        for local in analysis.actors:
            where.setdefault(_key(local), []).append((local, analysis.article.text))
    memo: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    def context(key: str) -> tuple[frozenset[str], frozenset[str]]:
        if key not in memo:
            countries: set[str] = set()
            words: set[str] = set()
            for local, text in where.get(key, []):
                countries.update([local.country] if local.country else [])
                phrases = list(local.roles)
                for name in (local.name, *local.aliases):
                    start = text.find(name)
                    while start >= 0:
                        match = _APPOSITIVE.match(text, start + len(name))
                        if match:
                            phrases.append(match.group(1))
                        start = text.find(name, start + 1)
                words.update(w for p in phrases for w in re.findall(r"[a-z]+", fold(p)) if w not in _CONTEXT_STOP)
            memo[key] = (frozenset(countries), frozenset(words))
        return memo[key]

    return context


def _agree(a: str, b: str, context: Context | None) -> bool:
    """Whether two near-miss spellings may be one person: no conflicting country, and when both have roles or
    descriptions, a word in common ("Ingrid Solberq, a local fisherman" is not "Minister Ingrid Solberg")."""
    if context is None:
        return True
    (ca, wa), (cb, wb) = context(a), context(b)
    if ca and cb and not ca & cb:
        return False
    return not (wa and wb and not wa & wb)


def _similar_surname(a: str, b: str) -> bool:
    """A guarded near-miss: same first letter, similar length, high similarity ("Hegesth" ~ "Hegseth")."""
    if a == b:
        return True
    if len(a) < 5 or len(b) < 5 or a[0] != b[0] or abs(len(a) - len(b)) > 2:
        return False
    return bool(fuzz.ratio(a, b) >= FUZZY_MIN)


def _first_compatible(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return True
    return a[0] == b[0] or (a[0][:1] == b[0][:1] and (len(a[0]) <= 2 or len(b[0]) <= 2))


def _group_keys(locals_: Sequence[LocalActor], context: Context | None = None) -> dict[str, str]:
    """Map every local actor key to a group key, merging person-name variants and surnames."""
    keys = sorted({_key(a) for a in locals_})
    group: dict[str, str] = {k: k for k in keys}
    full = [k for k in keys if k.startswith("p:") and len(k[2:].split()) >= 2]
    # near-miss surnames start with the same letter (``_similar_surname``): only those are compared, in the
    # same order as over all full names, so the merges are the same without comparing every pair
    by_letter: dict[str, list[str]] = {}
    by_surname: dict[str, list[str]] = {}
    for f in full:
        surname = f[2:].split()[-1]
        by_letter.setdefault(surname[:1], []).append(f)
        by_surname.setdefault(surname, []).append(f)
    # full names: exact keys already merged (diacritics, transliteration); now guarded near misses
    for k in full:
        if group[k] != k:
            continue
        words = k[2:].split()
        for other in by_letter[words[-1][:1]]:
            if other <= k or group[other] != other:
                continue
            ow = other[2:].split()
            if (
                _first_compatible(words[:-1], ow[:-1])
                and _similar_surname(words[-1], ow[-1])
                and (words[-1] == ow[-1] or _agree(k, other, context))
            ):
                group[other] = k
    # surname-only actors join the one full name with that surname (or a near miss), never a guess
    for k in keys:
        if not k.startswith("p:") or len(k[2:].split()) != 1:
            continue
        surname = k[2:]
        cands = {group[f] for f in by_surname.get(surname, ())}
        if not cands:
            cands = {
                group[f]
                for f in by_letter.get(surname[:1], ())
                if _similar_surname(surname, f[2:].split()[-1]) and _agree(k, f, context)
            }
        if len(cands) == 1:
            group[k] = next(iter(cands))
    return group


def _canonical(names: list[str]) -> str:
    counts = Counter(demojibake(n) for n in names)
    clean = {n: c for n, c in counts.items() if latin_skeleton(n) == n}
    counts = Counter(clean) if clean else counts  # a look-alike spelling never renames the actor
    longest = max(len(n.split()) for n in counts)
    best = [n for n in counts if len(n.split()) == longest]
    # prefer the spelling with diacritics, then the most frequent, then alphabetical
    return sorted(best, key=lambda n: (-sum(1 for c in n if ord(c) > 127), -counts[n], n))[0]


def _apply_overrides(
    groups: dict[str, list[LocalActor]], overrides: Sequence[ActorOverride]
) -> dict[str, ActorOverride]:
    """Move groups named by an override into one group under the override's name."""
    chosen: dict[str, ActorOverride] = {}
    for ov in overrides:
        wanted = {fold(latin_skeleton(n)) for n in (ov.name, *ov.aliases)} | {
            name_key(fold(n)) for n in (ov.name, *ov.aliases)
        }
        target = f"o:{fold(ov.name)}"
        for gk in list(groups):
            if gk == target:
                continue
            members = groups[gk]
            names = {fold(latin_skeleton(m.name)) for m in members} | {
                fold(latin_skeleton(a)) for m in members for a in m.aliases
            }
            names |= {name_key(n) for n in names}
            if names & wanted:
                groups.setdefault(target, []).extend(groups.pop(gk))
        chosen[target] = ov
    return chosen


def _distinct_roles(roles: Iterable[str]) -> tuple[str, ...]:
    """Roles in first-seen order, without one whose words all occur in a longer role ("Minister" beside
    "Minister of Defence")."""
    unique = tuple(dict.fromkeys(roles))
    words = {r: set(r.lower().split()) for r in unique}
    return tuple(r for r in unique if not any(o != r and words[r] < words[o] for o in unique))


def reduce_corpus(
    analyses: Sequence[Analysis], sources: Sequence[Source], overrides: Sequence[ActorOverride] = ()
) -> tuple[tuple[Actor, ...], tuple[Quote, ...]]:
    """Merge actors across articles and attach ids to every quote; corroborated quotes become one."""
    all_locals = [a for analysis in analyses for a in analysis.actors]
    gkey = _group_keys(all_locals, _contexts(analyses))
    groups: dict[str, list[LocalActor]] = {}
    for local in all_locals:
        groups.setdefault(gkey[_key(local)], []).append(local)
    chosen = _apply_overrides(groups, overrides)
    names: dict[str, str] = {}
    for gk, members in groups.items():
        ov = chosen.get(gk)
        names[gk] = ov.name if ov else _canonical([m.name for m in members])
    by_name: dict[str, list[LocalActor]] = {}
    ov_by_name: dict[str, ActorOverride] = {}
    name_of: dict[int, str] = {}
    for gk, members in groups.items():
        by_name.setdefault(names[gk], []).extend(members)
        if gk in chosen:
            ov_by_name[names[gk]] = chosen[gk]
        for m in members:
            name_of[id(m)] = names[gk]
    ids = unique_slugs(by_name, fallback="actor")
    actors = _merged_actors(by_name, ov_by_name, ids)
    quotes = _corpus_quotes(analyses, sources, {key: ids[name] for key, name in name_of.items()})
    return tuple(actors), tuple(quotes)


def _merged_actors(
    by_name: dict[str, list[LocalActor]], ov_by_name: dict[str, ActorOverride], ids: dict[str, str]
) -> list[Actor]:
    """One Actor per merged name, the user's override winning; sorted by id."""
    actors: list[Actor] = []
    for name, members in by_name.items():
        ov = ov_by_name.get(name)
        kinds = Counter(m.kind for m in members)
        countries = Counter(m.country for m in members if m.country)
        affs = Counter(m.affiliation for m in members if m.affiliation)
        roles = _distinct_roles(r for m in members for r in m.roles)
        aliases = {demojibake(a) for m in members for a in (m.name, *m.aliases)} - {name}
        aliases = {a for a in aliases if latin_skeleton(a) == a or latin_skeleton(a) != latin_skeleton(name)}
        actors.append(
            Actor(
                id=ids[name],
                name=name,
                kind=(ov.kind if ov and ov.kind else kinds.most_common(1)[0][0]),
                country=(
                    ov.country
                    if ov and ov.country
                    else (countries.most_common(1)[0][0] if countries else None)
                ),
                affiliation=affs.most_common(1)[0][0] if affs else None,
                roles=((ov.role,) if ov and ov.role else ())
                + tuple(r for r in roles if not ov or r != ov.role),
                aliases=tuple(sorted(aliases | (set(ov.aliases) if ov else set()))),
                mentions=sum(m.mentions for m in members),
                rules=_rule_counts(members),
            )
        )
    actors.sort(key=lambda a: a.id)
    return actors


def _corpus_quotes(analyses: Sequence[Analysis], sources: Sequence[Source], id_of: dict[int, str]) -> list[Quote]:
    """Every quote with its speaker's corpus id and a stable id; a quote corroborated elsewhere becomes one."""
    quotes: list[Quote] = []
    seen_text: dict[tuple[str, str | None], int] = {}
    also: dict[int, dict[str, None]] = {}  # a kept quote's index -> the other sources carrying it, in order
    for analysis, source in zip(analyses, sources, strict=True):
        keys = {local.key: id_of[id(local)] for local in analysis.actors}
        occurrences: dict[str, int] = {}
        id_at: dict[int, str] = {}  # a quote's start -> its id (a statement names the partial quotes it holds)
        holders: list[tuple[int, tuple[int, ...]]] = []
        for q in analysis.quotes:
            n = occurrences.get(q.text, 0)
            occurrences[q.text] = n + 1
            speaker = keys.get(q.speaker) if q.speaker else None
            norm = " ".join(q.text.split()).casefold() if q.kind != "indirect" else ""
            corroborate = q.kind != "indirect" and len(norm.split()) >= CORROBORATE_MIN_WORDS
            if corroborate and (norm, speaker) in seen_text:
                i = seen_text[(norm, speaker)]
                first = quotes[i]
                id_at[q.start] = first.id
                if source.id != first.source:
                    also.setdefault(i, {})[source.id] = None
                continue
            if corroborate:
                seen_text[(norm, speaker)] = len(quotes)
            quotes.append(
                Quote(
                    id=quote_id(source.path, q.text, n),
                    text=q.text,
                    speaker=speaker,
                    source=source.id,
                    paragraph=q.paragraph,
                    start=q.start,
                    end=q.end,
                    cue=q.cue,
                    kind=q.kind,
                    stance=q.stance,
                    target=q.target,
                    display=q.display,
                    verb=q.verb,
                    rule=q.rule,
                    stance_rule=q.stance_rule,
                    withheld=q.withheld,
                    speaker_text=None if speaker else q.speaker_text,
                )
            )
            if q.kind != "indirect":
                id_at[q.start] = quotes[-1].id
            elif q.contains:
                holders.append((len(quotes) - 1, q.contains))
        for i, starts in holders:  # a statement comes before the partial quotes it holds
            quotes[i] = replace(quotes[i], contains_quotes=tuple(id_at[c] for c in starts if c in id_at))
    for i, where in also.items():  # one copy per corroborated quote, not one per source carrying it
        quotes[i] = replace(quotes[i], also_in=tuple(where))
    return quotes


def ambiguous_merges(analyses: Sequence[Analysis]) -> list[str]:
    """Surname-only actors left unmerged because several full names share the surname, with a fix."""
    all_locals = [a for analysis in analyses for a in analysis.actors]
    full: dict[str, set[str]] = {}
    for local in all_locals:
        words = local.name.split()
        if local.kind == "person" and len(words) >= 2:
            full.setdefault(name_key(fold(words[-1])), set()).add(demojibake(local.name))
    out = []
    for single in sorted({a.name for a in all_locals if a.kind == "person" and len(a.name.split()) == 1}):
        owners = sorted(full.get(name_key(fold(single)), set()))
        if len(owners) > 1:
            out.append(
                f"'{single}' could be {' or '.join(owners)}; not merged. To merge, add it to the "
                "aliases of one of them in site_config/actors.yml"
            )
    return out
