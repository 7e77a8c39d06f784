"""Classes of sentences the summary's 'What happened' treats apart: official decisions, running counts, scenes.

Word lists are in summary.yml (decisions, counts, count_nouns, feature_times, units).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from briefgen.extract.lexicon import load_data

if TYPE_CHECKING:
    from briefgen.summary import Event

OBJECT_WORDS = 5  # a decision verb's object word ('opened a criminal investigation') within this many words
SUBJECT_WORDS = 12  # the authority of a decision within this many words before its verb
COUNT_AFTER = 4  # a figure's count word within this many words after it ('41 people were still missing') ...
COUNT_BEFORE = 4  # ... or before it ('the death toll rose to 21'); the nearer one counts

_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[A-Za-z][A-Za-z'’-]*|[;:,“”\"—–]")
# a clause that reports another's words or opens a relative clause: the subject is after it
_CLAUSE = frozenset(["said", "says", "told", "that", "which", "who", "whom", "while", "after", "before", "when",
                     "because", "as", ";", ":", "“", "”", '"', "—", "–"])
_SUBORDINATE = frozenset(["while", "after", "before", "when", "because", "as"])  # a decision told in a time clause
_PERSONS = frozenset(["minister", "president", "premier", "mayor", "governor", "judge", "prosecutor"])  # no possessive
_SKIPPED = frozenset(["a", "an", "the"])  # not counted in a decision's object window
_NUMBER_WORDS = {w: n for n, w in enumerate([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}


@functools.cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = load_data("summary.yml")
    return data


def clear() -> None:
    """Drop the tables read from summary.yml (a project's additions to it came into force)."""
    for table in (_data, _authorities, _count_words, _units, _links, _not_after, _nouns):
        table.cache_clear()


def _words(text: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]


@functools.cache
def _authorities() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(a).lower().split()) for a in _data()["decisions"]["authorities"])


@functools.cache
def _not_after() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _data()["decisions"]["not_after"])


def _has_authority(subject: Sequence[str]) -> bool:
    """True when an authority of summary.yml stands in a subject, an institution's possessive too ('Parliament's
    committee'), not a person's ('The minister's husband ordered …')."""
    subject = [w.removesuffix("'s") if w.removesuffix("'s") not in _PERSONS else w for w in subject]
    for words in _authorities():
        n = len(words)
        if any(tuple(subject[i : i + n]) == words for i in range(len(subject) - n + 1)):
            return True
    return False


def _verb_at(words: Sequence[str], i: int, table: Mapping[str, Any]) -> bool:
    """True when words[i] is a verb of ``table`` and the object it needs (if any) follows within OBJECT_WORDS."""
    needs = table.get(words[i])
    if needs is None or (i + 1 < len(words) and words[i + 1] in _not_after()):
        return False
    # counted past articles and figures: 'declared a 30-day state of emergency', 'declared Friday a day of mourning'
    after = [w for w in words[i + 1 : i + 1 + 3 * OBJECT_WORDS] if w not in _SKIPPED and _figure(w) is None][
        :OBJECT_WORDS]
    return not needs or any(str(w).lower() in after for w in needs)


def _subject(words: Sequence[str], i: int) -> list[str]:
    """The words before words[i] in its clause (after the last verb of saying, 'that', a relative pronoun)."""
    start = max(0, i - SUBJECT_WORDS)
    for j in range(i - 1, start - 1, -1):
        if words[j] in _CLAUSE:
            return list(words[j + 1 : i])
    return list(words[start:i])


def decision(sentence: str) -> bool:
    """True for a sentence reporting an official decision (summary.yml decisions): an authority's decision verb
    ('The cabinet declared a 60-day state of emergency', 'The prosecutor opened a criminal investigation', 'A
    judge granted the injunction'), or a court action by anyone ('The union filed an injunction'); not with a
    modal or a negation before the verb ('should declare', 'has not suspended', 'refused to ban'), nor a verb
    of another clause's subject ('Residents said the water was shut off')."""
    return bool(decision_verbs(sentence))


def decision_verbs(sentence: str) -> frozenset[str]:
    """The decision verbs of a sentence (``decision``): two decisions by other verbs are two events ('The cabinet
    declared an emergency' / 'Congress summoned the minister', though both name her)."""
    return frozenset(words[i] for words, i in _decided(sentence))


def decided(sentence: str) -> str:
    """The words after a sentence's decision verbs, what was decided ('a civil requisition of the striking
    workers' in 'The cabinet has approved a civil requisition of the striking workers'), '' for no decision."""
    return " ".join(" ".join(words[i + 1 : i + 1 + OBJECT_WORDS + 1]) for words, i in _decided(sentence))


def objection(text: str) -> bool:
    """True for a statement objecting to something (summary.yml objections: 'declared the requisition illegal',
    'calls it disproportionate and a dangerous precedent'); False for one that only reports or demands."""
    low = " " + " ".join(_words(text)) + " "
    return any(f" {str(w).lower()} " in low for w in _data()["objections"])


def _decided(sentence: str) -> list[tuple[list[str], int]]:
    table = _data()["decisions"]
    words = _words(sentence)
    blocked = frozenset(str(w).lower() for w in table["not_before"])
    if any(w in table["hearsay"] for w in words):
        return []  # one side's claim, a denial or a rumour is no decision to tell as fact ('Police arrested forty
        # students, the opposition claimed'; 'The ministry denied it had banned the book')
    found = []
    for i in range(len(words)):
        official = _verb_at(words, i, table["verbs"])
        legal = _verb_at(words, i, table["legal"])
        if not (official or legal):
            continue
        subject = _subject(words, i)
        opener = words[i - len(subject) - 1] if i > len(subject) else ""
        near = set(subject[-3:]) - {"to"} | set(subject[-1:])  # 'to' only just before: 'From Lisbon to Porto, police …'
        if not subject or blocked & near or opener in _SUBORDINATE:
            continue  # ('… cancelled flights before the government ordered them back': the news is the strike)
        if legal or _has_authority(subject):
            found.append((words, i))
    return found


def other_decisions(text: str, other: str) -> bool:
    """True when two sentences report decisions by different verbs (``decision_verbs``): not one event."""
    mine, theirs = decision_verbs(text), decision_verbs(other)
    return bool(mine) and bool(theirs) and not mine & theirs


def feature_time(sentence: str) -> bool:
    """True for a scene set by a time of day before its subject, told in the present ('At four in the morning the
    night bus is full …'), summary.yml feature_times; not a past event at that hour ('At dawn the rebels attacked
    the town'); the caller checks it names no day."""
    words = _words(sentence)
    if not words or words[0] not in ("at", "by", "before", "after", "just", "shortly", "long", "in"):
        return False
    past = any(w.endswith("ed") or w in _PAST for w in words[3:])
    return not past and bool(set(words[:6]) & {str(w).lower() for w in _data()["feature_times"]})


_PAST = frozenset(["was", "were", "had", "did", "went", "came", "took", "fell", "hit", "shot", "struck", "began",
                   "left",
                   "broke", "ran", "fled", "saw", "made", "sank", "blew", "burnt", "burned", "found", "held"])


def _figure(token: str) -> int | None:
    if token in _NUMBER_WORDS:
        return _NUMBER_WORDS[token]
    digits = token.replace(",", "")
    return int(digits) if digits.isdigit() and not re.fullmatch(r"(?:19|20)\d\d", token) else None


@functools.cache
def _count_words() -> dict[str, str]:
    return {str(w).lower(): str(key) for key, ws in _data()["counts"].items() for w in ws}


def counts(sentence: str) -> dict[str, int]:
    """The running counts a sentence gives (summary.yml counts): {'dead': 27, 'missing': 41} for 'By Friday 27
    were confirmed dead and 41 people were still missing'; a figure counts what the nearest count word after it
    says (within COUNT_AFTER words, not past a comma, 'and' or another figure), else the nearest before it
    (within COUNT_BEFORE: 'killing at least nine people', 'the cancellation of 1,140 flights'); a toll counts the
    figure it rose or stood to ('The death toll in the village has risen to 21'). A sentence naming a year counts
    nothing: its figures are a past event's ('The ferry capsized in 2018, killing more than 220')."""
    words = _words(sentence)
    table = _count_words()
    found: dict[str, int] = {}
    if any(re.fullmatch(r"(?:19|20)\d\d", w) for w in words):
        return found  # a year: another disaster's toll ('the deadliest since 2015, when 9,000 died')
    for i, token in enumerate(words):
        figure = _figure(token)
        if figure is None or figure == 0 or (i + 1 < len(words) and words[i + 1] in _units()):
            continue
        if words[i + 1 : i + 2] in (["more"], ["additional"], ["further"]):
            continue  # an increment ('two more bodies were found'), not the count itself
        if words[i + 1 : i + 3] == ["of", "the"] or words[i + 1 : i + 2] == ["of"]:
            continue  # a part of a count ('One of the dead was a nurse', '14 of the missing were found')
        key = _count_after(words, i, table) or _count_before(words, i, table)
        thing = words[i + 1] if i + 1 < len(words) else ""
        if key and thing in _nouns() and thing not in _PEOPLE:
            key = f"{key}:{thing}"  # '300 flights affected' is not '168,000 passengers affected'
        if key and key not in found:
            found[key] = figure
    toll = _TOLL.search(sentence)
    if "dead" not in found and toll and (figure := _figure(toll.group(1).lower())):
        found["dead"] = figure  # a figure counted as dead beats a toll's ('11 confirmed dead, a toll first put at 4')
    risen = _RISEN_TOLL.search(sentence)
    if risen and (figure := _figure((risen.group(1) or risen.group(2)).lower())):
        found["dead"] = figure  # but not the toll it rose to ('found two bodies, raising the death toll to five')
    return found


@functools.cache
def _nouns() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _data()["count_nouns"])


_PEOPLE = frozenset(["people", "persons", "residents", "villagers", "others", "more", "children", "workers", "miners"])


_ABOUT = r"(?:at least |about |around |more than |some )?"
_TOLL = re.compile(rf"\btoll\b[^.;]{{0,60}}?\b(?:to|at|of|reached|hit)\s+{_ABOUT}(\d[\d,]*|[a-z]+)\b", re.IGNORECASE)
# a toll a sentence says rose to a figure: that figure is the count ('raising the death toll to five', 'the toll
# has risen to 21'), whatever else the sentence counts on the way
_RISEN_TOLL = re.compile(rf"\b(?:raising|bringing|taking|pushing|lifting)\s+(?:the\s+)?(?:\w+\s+)?toll\s+to\s+{_ABOUT}"
                         rf"(\d[\d,]*|[a-z]+)\b|\btoll\b[^.;,]{{0,30}}?\b(?:rose|rises|risen|climbed|climbs|increased|"
                         rf"jumped)\s+to\s+{_ABOUT}(\d[\d,]*|[a-z]+)\b", re.IGNORECASE)
_STOP = frozenset([",", "and", "but", "or", ";", ":"])


def _count_after(words: Sequence[str], i: int, table: Mapping[str, str]) -> str:
    return _count_in(words[i + 1 : i + 1 + COUNT_AFTER], table)


def _count_before(words: Sequence[str], i: int, table: Mapping[str, str]) -> str:
    return _count_in(list(reversed(words[max(0, i - COUNT_BEFORE) : i])), table)


def _count_in(words: Sequence[str], table: Mapping[str, str]) -> str:
    """The count word nearest a figure, the words from the figure to it all nouns or links (summary.yml)."""
    for word in words:
        if word in table:
            return table[word]
        if word not in _links():
            return ""
    return ""


@functools.cache
def _links() -> frozenset[str]:
    data = _data()
    return frozenset(str(w).lower() for w in [*data["count_nouns"], *data["count_links"]])


@functools.cache
def _units() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _data()["units"])


def totals() -> frozenset[str]:
    """summary.yml totals: the counts that run (dead, missing, displaced, injured, affected)."""
    return frozenset(str(k) for k in _data()["totals"])


def units() -> frozenset[str]:
    """summary.yml units: words that measure a figure ('per cent', 'million', 'euros'), not what it counts."""
    return _units()


def fold_counts(events: Sequence[Event]) -> list[Event]:
    """Events after the first (the story's main event) that give the same running count with different figures
    are one line: the latest report's (its sentence's article's date; then the one giving more counts), in the place
    of the first of them, with every report's evidence and the earliest figure ('up from 9 dead, 14 Oct
    2026') when it differs."""
    found = [counts(e.text) for e in events]
    running = [_running(e.text) for e in events]  # once per line, not per pair
    group = list(range(len(events)))  # union of the events sharing a count key (never the main event)

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    for i in range(1, len(events)):
        for j in range(1, i):
            if _runs_on(events, found, running, i, j):
                group[root(i)] = root(j)  # the same count at another figure (the same figure: the same line)
    members: dict[int, list[int]] = {}
    for i in range(1, len(events)):
        if found[i]:
            members.setdefault(root(i), []).append(i)
    groups = [ids for ids in members.values() if len(ids) > 1]
    lone = [ids[0] for ids in members.values() if len(ids) == 1]
    keep: dict[int, Event] = {}
    for ids in groups:
        best = max(ids, key=lambda i: (events[i].evidence[0].source.published or "", len(found[i]),
                                       events[i].articles, -i))
        # a line giving the kept line's figure again ('41 people remained missing') is that line too
        ids += [i for i in lone if found[i].items() <= found[best].items()]
        keep[min(ids)] = _with_earlier(events, found, best, ids)
    dropped = {i for ids in groups for i in ids}
    out = [keep.get(i, e) for i, e in enumerate(events) if i not in dropped or i in keep]
    return [stale_main(out[0], found[0], events, found, running), *out[1:]] if out else out


def stale_main(main: Event, figures: Mapping[str, int], events: Sequence[Event], found: Sequence[Mapping[str, int]],
               running: Sequence[bool]) -> Event:
    """The main event without a running count a later line gives higher (its first report's 'killing at least
    seven' beside '11 confirmed dead'): its last clause holding the figure is cut ('…, killing at least seven
    people.'); else the line says the figure was an early one and gives the latest with its day."""
    from briefgen.summary import first_day

    for key, figure in figures.items():
        base = key.split(":")[0]
        if base not in totals():
            continue
        start = min(_sort_day(replace(main, evidence=(e,))) for e in main.evidence)  # its first dated report
        later = [(found[i][k], i) for i in range(1, len(events)) if running[i] and (k := _same_count(key, found[i]))
                 and _sort_day(events[i]) >= start and not _other_incident(events[i].text)]
        if not later or max(later)[0] <= figure:
            continue
        latest, i = max(later)
        cut = _without_clause(main.text, figure)
        if cut:
            return replace(main, text=cut)
        day = first_day(e.source for e in events[i].evidence[:1])
        return replace(main, earlier=f"an early figure: {latest:,} {base} by {day}" if day else
                       f"an early figure: {latest:,} {base} later")
    return main


def _other_incident(text: str) -> bool:
    """Whether a line says its count is another incident's ('the toll from a separate landslide has risen to 12')."""
    return not _other_words().isdisjoint(_words(text))


@functools.cache
def _other_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _data()["other_incident"])


# a participle clause giving a toll: '… and killing at least nine people', ', killing at least seven people'
# (a comma between digits is no clause end: 'forcing 4,000 residents'); a toll clause before another participle
# clause goes alone (', killing three people and forcing 4,000 residents from their homes' -> ', forcing …')
_CLAUSE_WORDS = r"(?:[^,;:—–]|(?<=\d),(?=\d))*"
_TOLL_CLAUSE = (re.compile(rf"(?<=,\s)(?:[a-z]+ing|with)\b{_CLAUSE_WORDS}?\s+and\s+(?=[a-z]+ing\b)"),
                re.compile(rf"\s+and\s+[a-z]+ing\b{_CLAUSE_WORDS}"),
                re.compile(rf",\s+(?:[a-z]+ing|with)\b{_CLAUSE_WORDS}"))


def _without_clause(text: str, figure: int) -> str:
    """A sentence without the participle clause that gives ``figure`` ('… mud through a village and killing at least
    nine people, officials said.' -> '… mud through a village, officials said.'; '…, killing at least seven
    people.' -> '….'); '' when no such clause gives it."""
    body = text.rstrip(" .")
    for pattern in _TOLL_CLAUSE:
        for match in pattern.finditer(body):
            if any(_figure(w) == figure for w in _words(match.group(0))):
                head = body[: match.start()]
                return ((head if head.endswith(", ") else head.rstrip()) + body[match.end() :]).rstrip() + "."
    return ""


def _runs_on(
    events: Sequence[Event], found: Sequence[Mapping[str, int]], running: Sequence[bool], i: int, j: int
) -> bool:
    """Whether two lines give one running count at different figures: a shared count differs, and none is lower in
    the later report (a running total only rises; '400 evacuated below another reservoir' a day after '2,300
    evacuated' is another group, not the same count gone down)."""
    shared = [(found[i][k], found[j][m]) for k in found[i] if (m := _same_count(k, found[j]))]
    if not any(a != b for a, b in shared):
        return False
    if not (running[i] or running[j]):
        return False  # two counts nobody calls a running total may be two places or incidents ('In Ecuador, floods
        # killed 12' and 'In Peru, 30 died in landslides'): both told
    day_i, day_j = _sort_day(events[i]), _sort_day(events[j])
    if day_i == day_j:
        return True
    later, earlier = (0, 1) if day_i > day_j else (1, 0)
    return all(pair[later] >= pair[earlier] for pair in shared)


def _running(text: str) -> bool:
    """Whether a sentence gives a count as a running total (summary.yml running: 'the death toll rose to 21', 'By
    Friday 27 were confirmed dead', 'has risen', 'so far')."""
    words = set(_words(text))
    return any(w in words for w in _data()["running"]) or "so far" in text.lower()


def _same_count(key: str, found: Mapping[str, int]) -> str:
    """The key of ``found`` counting what ``key`` counts: the same, or one of the two without its thing ('402
    cancellations' and '1,140 flights cancelled'), '' for none."""
    base, _, thing = key.partition(":")
    for other in found:
        other_base, _, other_thing = other.partition(":")
        if other_base == base and (thing == other_thing or not thing or not other_thing):
            return other
    return ""


def _with_earlier(events: Sequence[Event], found: Sequence[Mapping[str, int]], best: int, ids: Sequence[int]) -> Event:
    """The kept line with every member's evidence and 'up from N KEY, DAY' for its first count that changed."""
    from briefgen.summary import first_day

    have = {e.source.id for e in events[best].evidence}
    extra = []
    for i in ids:
        for ev in events[i].evidence:
            if ev.source.id not in have:
                have.add(ev.source.id)
                extra.append(ev)
    line = replace(events[best], evidence=(*events[best].evidence, *extra))
    totals = {str(k) for k in _data()["totals"]}
    for key, latest in found[best].items():
        if key.split(":")[0] not in totals:
            continue
        earlier = [i for i in range(len(events)) if _same_count(key, found[i])]
        first = min(earlier, key=lambda i: (first_day(e.source for e in events[i].evidence[:1]) == "",
                                            _sort_day(events[i]), i))
        figure = found[first][_same_count(key, found[first])]
        if figure < latest:  # never 'down from': a lower figure is another group or another day's count
            day = first_day(e.source for e in events[first].evidence[:1])
            what = " ".join(reversed(key.split(":")))  # 'up from 110000 passengers affected'
            return replace(line, earlier=f"up from {figure:,} {what}" + (f", {day}" if day else ""))
    return line


def _sort_day(event: Event) -> str:
    source = event.evidence[0].source
    return source.published or ("9999" + (source.month_day or "")[1:])
