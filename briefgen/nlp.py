"""Build the spaCy pipeline once: blank English plus rule components, no trained model."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from spacy.lang.en import English, EnglishDefaults
from spacy.language import Language

# A token with a run of 20+ punctuation marks stays one token. spaCy strips affixes one character at a
# time and copies the rest each time, so such runs ('""""...') would otherwise cost O(n^2).
_PUNCT_RUN = re.compile(r"[^\w\s]{20,}")


class _GuardedDefaults(EnglishDefaults):
    """English's defaults with the punctuation-run guard as the tokenizer's ``token_match`` (English has none):
    given at construction, not set afterwards (the setter rebuilds every special case: ~0.1 s per process)."""

    token_match = _PUNCT_RUN.search


class _GuardedEnglish(English):  # type: ignore[no-untyped-call]  # (spaCy's __init_subclass__)
    """``spacy.blank("en")`` with the guarded tokenizer."""

    Defaults = _GuardedDefaults


@lru_cache(maxsize=1)
def make_nlp() -> Language:
    """The pipeline used for analysis: blank English + sentencizer + lookup lemmatizer."""
    nlp = _GuardedEnglish()
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@lru_cache(maxsize=8)
def lookup_table(nlp: Language) -> Mapping[str, str] | None:
    """The lookup lemmatizer's table, when the pipeline lemmatizes by lookup (the default), else None."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    pipe: Any = nlp.get_pipe("lemmatizer")
    if getattr(pipe, "mode", None) != "lookup":
        return None
    table: Mapping[str, str] = pipe.lookups.get_table("lemma_lookup")
    return table
