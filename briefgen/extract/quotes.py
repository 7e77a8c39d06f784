"""Direct quotes in double marks, attributed to a speaker named next to them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from briefgen.records import Article, LocalQuote, Mention

_QUOTE = re.compile(r"[\"“]([^\"“”\n]{3,}?)[\"”]")
_CUES = ("said", "says", "told", "added", "warned", "stressed")


def _speaker_near(text: str, start: int, end: int, mentions: tuple[Mention, ...]) -> tuple[str | None, str | None]:
    after = text[end : end + 60]
    before = text[max(0, start - 80) : start]
    for cue in _CUES:
        if cue in after or cue in before:
            window = [m for m in mentions if end <= m.start <= end + 60 or start - 80 <= m.start < start]
            if window:
                best = min(window, key=lambda m: min(abs(m.start - end), abs(start - m.end)))
                return best.name, cue
            return None, cue
    return None, None


def find_quotes(doc: Doc, article: Article, mentions: tuple[Mention, ...]) -> Iterator[LocalQuote]:
    """Quoted spans with the speaker named next to them (or None when unsure)."""
    text = article.text
    for match in _QUOTE.finditer(text):
        start, end = match.span(1)
        speaker, cue = _speaker_near(text, match.start(), match.end(), mentions)
        yield LocalQuote(
            text=match.group(1),
            start=start,
            end=end,
            kind="direct",
            speaker=speaker,
            cue=cue,
            paragraph=article.paragraph_at(start),
        )
