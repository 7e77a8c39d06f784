"""Counted nouns in English: "1 article", "2 articles" (also a Jinja filter, ``{{ n | plural('quote') }}``)."""

from __future__ import annotations

IRREGULAR = {"country": "countries", "person": "people", "entry": "entries", "summary": "summaries"}


def plural(count: int, word: str, many: str | None = None) -> str:
    """``count`` and ``word``, the noun in the plural unless the count is one (``many`` overrides the plural)."""
    if count == 1:
        return f"{count} {word}"
    return f"{count} {many or IRREGULAR.get(word) or word + 's'}"
