"""Actor mentions found by rules on a blank pipeline, merged within one article."""

from __future__ import annotations

from spacy.tokens import Doc

from briefgen.records import LocalActor, Mention

_STOP = {
    "The", "A", "An", "On", "In", "At", "But", "And", "However", "Despite", "During", "Speaking",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "Secretary", "Minister", "President", "General", "Defence", "Defense", "Prime", "Foreign", "Chief",
    "Nato", "NATO", "European", "Union", "US", "U.S.", "EU", "Russian", "Ukraine", "Russia", "Europe",
}


def _is_name_token(text: str) -> bool:
    return text[:1].isupper() and text[1:].islower() and text.isalpha() and text not in _STOP


def local_actors(doc: Doc) -> tuple[tuple[LocalActor, ...], tuple[Mention, ...]]:
    """People named with a first and last name, and their surname-only mentions."""
    mentions: list[Mention] = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < 3 and _is_name_token(doc[j].text):
            j += 1
        if j - i >= 2:
            span = doc[i:j]
            mentions.append(Mention(span.start_char, span.end_char, span.text, span.text, "person", rule="name"))
            i = j
        else:
            i += 1
    surnames = {m.name.split()[-1]: m.name for m in mentions}
    for tok in doc:
        full = surnames.get(tok.text)
        if full and not any(m.start <= tok.idx < m.end for m in mentions):
            mentions.append(Mention(tok.idx, tok.idx + len(tok), tok.text, full, "person", rule="surname"))
    mentions.sort(key=lambda m: m.start)
    counts: dict[str, int] = {}
    aliases: dict[str, set[str]] = {}
    for m in mentions:
        counts[m.name] = counts.get(m.name, 0) + 1
        aliases.setdefault(m.name, set()).add(m.text)
    actors = tuple(
        LocalActor(name, name, "person", None, None, (), tuple(sorted(aliases[name])), counts[name])
        for name in sorted(counts)
    )
    return actors, tuple(mentions)
