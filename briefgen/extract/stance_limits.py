"""Stance data read into the rules apart from the expressions: what stops a reading, and the word classes that
split a construction (``construction_classes`` of stances.yml), split from ``stance_words``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

Lemmas = Callable[[Iterable[Any] | None], frozenset[str]]
Phrases = Callable[[Sequence[str]], tuple[tuple[str, ...], ...]]


def limits(lemmas: Lemmas, phrases: Phrases, d: Mapping[str, Any]) -> dict[str, Any]:
    """The words that stop a reading: a harm as the threatened thing, a condition that never comes or names
    no act, a reason after "could not"."""
    conditions, refusals = d.get("conditions") or {}, d.get("refusals") or {}
    return {"bad_objects": lemmas((d.get("evaluations") or {}).get("bad_objects")),
            "impossible": phrases(conditions.get("impossible") or ()),
            "state_verbs": lemmas(conditions.get("state_verbs")), "harm_states": lemmas(conditions.get("harm_states")),
            "inability_reasons": phrases(refusals.get("inability_reasons") or ()),
            "visits": phrases((d.get("not_positions") or {}).get("visits") or ()),
            "dependants": frozenset(str(w).lower() for w in (d.get("not_positions") or {}).get("dependants") or ()),
            "past_only": phrases((d.get("not_positions") or {}).get("past_only") or ()),
            "senses": load_senses(lemmas, phrases, d)}


def classes(lemma: Callable[[str], str], d: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    """Construction id -> stance word lemma -> class, from stances.yml construction_classes; "object:" + a class's
    id -> the first noun of its object -> another class (object_classes)."""
    out: dict[str, dict[str, str]] = {}
    for reader, named in (d.get("construction_classes") or {}).items():
        out["stance." + str(reader)] = {lemma(str(w).lower()): str(c) for c, ws in (named or {}).items()
                                        for w in ws or ()}
    for reader, named in (d.get("object_classes") or {}).items():  # by the object's first noun, as written
        out["object:stance." + str(reader)] = {str(w).lower(): str(c) for c, ws in (named or {}).items()
                                               for w in ws or ()}
    return out


def load_senses(lemmas: Lemmas, phrases: Phrases, d: Mapping[str, Any]) -> dict[str, Any]:
    """The ``senses`` section of stances.yml: word sets by their surface form, phrases lemmatised."""
    raw = d.get("senses") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key) or ())

    out: dict[str, Any] = {k: words(k) for k in ("reflexives", "emergency", "aid", "aid_prepositions", "reasons",
                                                 "own_subjects", "natural", "invitations")}
    out.update({k: phrases(raw.get(k) or ()) for k in ("times", "idioms", "lifelong", "forced", "legal", "fortunes",
                                                       "errands")})
    out["misfortunes"] = lemmas(raw.get("misfortunes"))
    for key in ("objects", "only_objects"):
        out[key] = {str(c): frozenset(str(w).lower() for w in ws or ()) for c, ws in (raw.get(key) or {}).items()}
    return out
