"""Quotes (direct, partial) and reported statements (indirect), attributed to a speaker or None.

``marks`` pairs quote marks, ``cues`` finds reporting cues, ``index``/``coref``/``subjects`` resolve who a
cue's subject is, ``speakers`` picks the speaker of one cue, ``attribution`` attributes quotes in marks,
``statements`` and ``interviews`` find reported speech, and ``find`` reads an article in order.
"""

from briefgen.extract.quotes.cues import Cue, find_cues
from briefgen.extract.quotes.find import find_quotes
from briefgen.extract.quotes.marks import MAX_QUOTE_CHARS, MAX_QUOTES_PER_PARAGRAPH, QSpan, scan_quotes
from briefgen.extract.quotes.subjects import Attributor

__all__ = [
    "MAX_QUOTES_PER_PARAGRAPH",
    "MAX_QUOTE_CHARS",
    "Attributor",
    "Cue",
    "QSpan",
    "find_cues",
    "find_quotes",
    "scan_quotes",
]
