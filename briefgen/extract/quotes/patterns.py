"""Text patterns and word sets shared by the quote rules."""

from __future__ import annotations

import re

_ABBREV = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "sgt",
        "capt",
        "prof",
        "jr",
        "sr",
        "no",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "mt",
        "ft",
        "jan",
        "feb",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
        "adm",
        "maj",
        "cmdr",
        "rev",
        "hon",
    }
)
_WORD = re.compile(r"[\w’'-]+")
_PREPOSITION_BREAK = re.compile(r"[,;:—–“”\"]")
# character sets the rules test for presence (one search instead of a generator over the characters)
_STOP_MARK = re.compile('[.;:“”"]')
_PREPOSITIONS = frozenset(
    {
        "with",
        "to",
        "of",
        "by",
        "from",
        "between",
        "against",
        "on",
        "for",
        "about",
        "at",
        "in",
        "into",
        "over",
        "among",
        "than",
        "like",
        "via",
        "under",
        "toward",
        "towards",
        "without",
        "within",
        "including",
        "through",
        "behind",
        "beyond",
        "upon",
        "onto",
        "across",
        "around",
        "near",
        "during",
        "amid",
        "despite",
        "versus",
        "per",
        "regarding",
        "concerning",
        "whom",
        "called",
        "named",
        "met",
        "meet",
        "meeting",
        "praised",
        "urged",
        "told",
        "asked",
        "accused",
        "criticized",
        "criticised",
        "thanked",
        "blamed",
        "spoke",
        "phoned",
        "visited",
    }
)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_QUOTE_MARK = re.compile('[“”"«»„]')
_ABBREV_DOT = re.compile(r"\b(?:" + "|".join(sorted(_ABBREV)) + r")\.", re.IGNORECASE)
_COORDINATED_VERB = re.compile(r"(?:\band|\bbut|,)\s+(?:\w+\s+)?$")
_PORTFOLIO_LEAD = re.compile(r",\s+(?:[A-Z][\w’'-]*,\s+)*[A-Z][\w’'-]*,?\s+and$")
_AUXILIARIES = frozenset(
    {"would", "will", "could", "can", "should", "must", "might", "may", "shall"}
    | {"was", "were", "is", "are", "had", "has", "have", "did", "does", "do"}
)
_NEXT_WORD = re.compile(r"\s+([a-z][\w’'-]*)")
