"""Interview answers ("Name: ...", "A: ...") as statements of the person answering."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefgen.extract.quotes.subjects import Attributor

_ANSWER_LABEL = re.compile(r"([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}):\s+(?=\S)")


def _answer_speaker(att: Attributor, text: str, p_start: int, p_end: int) -> tuple[str, int, str] | None:
    """(speaker, body start, rule) for a paragraph opening with a person's name and a colon (Q&A answers)."""
    m = _ANSWER_LABEL.match(text, p_start, p_end)
    if m is None:
        return None
    if att.askers is None:
        att.askers = _askers(text)  # once per article, not per answer
    if m.group(1) in att.askers:
        return None
    for mention in att.mentions_in(p_start, m.end()):
        if mention.start == p_start and mention.end == m.end(1) and att.kinds.get(mention.name) == "person":
            speaker = att.speaker_of(mention, (p_start, p_end))
            return (speaker, m.end(), "statement.answer.name_label") if speaker else None
    label = m.group(1)
    if label.isupper() and len(label) > 2 and " " not in label:
        # a transcript line "DALTON: ..." is the one person of the article with that surname
        names = [n for n, k in att.kinds.items() if k == "person" and n.rsplit(" ", 1)[-1].upper() == label]
        if len(names) == 1:
            return names[0], m.end(), "statement.answer.surname_label"
    return None


_LABELLED_PARAGRAPH = re.compile(r"^([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}):\s+([^\n]*?)[ \t]*$", re.MULTILINE)
_QUESTION_END = re.compile(r"\?[”\"’)]*$")


def _askers(text: str) -> frozenset[str]:
    """The interview label ("Fitzgerald:") whose paragraphs most often end with a question: the interviewer's."""
    if "?" not in text:
        return frozenset()
    asked: dict[str, list[int]] = {}
    for m in _LABELLED_PARAGRAPH.finditer(text):
        counts = asked.setdefault(m.group(1), [0, 0])
        counts[0] += 1
        counts[1] += _QUESTION_END.search(m.group(2)) is not None
    ratios = {label: q / n for label, (n, q) in asked.items() if q}
    if not ratios:
        return frozenset()
    top = max(ratios.values())  # an interviewee's rhetorical question does not make them the interviewer
    return frozenset(label for label, r in ratios.items() if r == top)


_UNNAMED_ANSWER = re.compile(r"(?:A|Answer):\s+(?=\S)")
_QUESTION_LABEL = re.compile(r"(?:Q|Question):\s")


def _unnamed_answer(
    att: Attributor, text: str, paragraphs: Sequence[tuple[int, int, int]], number: int, p_start: int, p_end: int
) -> tuple[str, int, str] | None:
    """(interviewee, body start, rule) for an "A:" paragraph right after a "Q:" one: the person quoted most so far."""
    m = _UNNAMED_ANSWER.match(text, p_start, p_end)
    if m is None:
        return None
    prev = [p for p in paragraphs if p[0] < number and p[2] > p[1]]
    if not prev or not _QUESTION_LABEL.match(text, prev[-1][1], prev[-1][2]):
        return None
    people = [k for k in att.state.history if att.kinds.get(k) == "person"]
    if not people:
        return None
    counts: dict[str, int] = {}
    for k in people:
        counts[k] = counts.get(k, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None  # two people quoted as often: unsure who answers
    return ranked[0][0], m.end(), "statement.answer.unnamed_label"
