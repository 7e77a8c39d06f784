"""The machine-readable ``briefing.json`` (contract in ARCHITECTURE.md, schema in briefgen/schema)."""

from __future__ import annotations

import json
import pickle
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from briefgen import __version__
from briefgen.cache import read_pickle
from briefgen.extract.display import full_display
from briefgen.records import Briefing


def briefing_dict(briefing: Briefing) -> dict[str, Any]:
    """The briefing as plain JSON-ready data, keys in the documented order."""
    names = {a.id: a.name for a in briefing.actors}
    return {
        "generator": {"name": "briefgen", "version": __version__},
        "sources": [
            {
                "id": s.id,
                "path": s.path,
                "title": s.title,
                "outlet": s.outlet,
                "url": s.url,
                "published": s.published,
                "month_day": s.month_day,
                "date_basis": s.date_basis,
                "title_from_text": s.title_from_text,
                "words": s.words,
                "language": s.language,
                "warnings": list(s.warnings),
            }
            for s in briefing.sources
        ],
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "country": a.country,
                "affiliation": a.affiliation,
                "roles": list(a.roles),
                "aliases": list(a.aliases),
                "rules": dict(a.rules),
            }
            for a in briefing.actors
        ],
        "quotes": [
            {
                "id": q.id,
                "text": q.text,
                "speaker": q.speaker,
                "source": q.source,
                "paragraph": q.paragraph,
                "start": q.start,
                "end": q.end,
                "cue": q.cue,
                "kind": q.kind,
                "rule": q.rule,
                "topics": list(q.topics),
                "also_in": list(q.also_in),
                "stance": q.stance,
                "target": q.target,
                "stance_rule": q.stance_rule or None,
                "stance_withheld": dict(zip(("stance", "target", "rule"), q.withheld, strict=True))
                if q.withheld else None,
                "display": full_display(names.get(q.speaker or "") or q.speaker_text, q),
                "verb": q.verb,
                "contains_quotes": list(q.contains_quotes),
                "speaker_text": q.speaker_text,
            }
            for q in briefing.quotes
        ],
        "positions": [
            {
                "actor": p.actor,
                "topic": p.topic,
                "summary": p.summary,
                "stance": p.stance,
                "target": p.target,
                "evidence": list(p.evidence),
                "speakers": list(p.speakers),
                "kind": p.kind,
            }
            for p in briefing.positions
        ],
        "topics": [
            {"id": t.id, "name": t.name, "description": t.description, "cues": list(t.cues)}
            for t in briefing.topics
        ],
        "claims": [
            {
                "id": c.id,
                "text": c.text,
                "target": c.target,
                "stance": c.stance,
                "topics": list(c.topics),
                "speakers": list(c.speakers),
                "countries": list(c.countries),
                "evidence": list(c.evidence),
                "articles": c.articles,
            }
            for c in briefing.claims
        ],
    }


def briefing_json(briefing: Briefing) -> str:
    """Serialise deterministically (sorted records, fixed indentation, UTF-8 kept readable)."""
    return json.dumps(briefing_dict(briefing), ensure_ascii=False, indent=2) + "\n"


def encode_briefing(data: Mapping[str, Any], fragments: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """``json.dumps(data, ensure_ascii=False, indent=2) + "\\n"``, byte for byte, with every record of a
    top-level list taken from ``fragments`` (its indented text by its ``repr``) when it was encoded before;
    also the fragments this document used (to keep for the next build).

    json's indenting encoder is pure Python; ``repr`` of plain data is C and tells every JSON value apart
    (``1``/``1.0``/``True``, key order), so it keys a record's text."""
    used: dict[str, str] = {}
    parts: list[str] = []
    for key, value in data.items():
        name = json.dumps(key, ensure_ascii=False)
        if isinstance(value, list) and value and all(isinstance(r, dict) for r in value):
            texts = []
            for record in value:
                compact = repr(record)
                text = used.get(compact) or fragments.get(compact)
                if text is None:  # a string holds no raw newline (JSON escapes it): re-indenting lines is exact
                    text = "    " + json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n    ")
                used[compact] = text
                texts.append(text)
            parts.append(f"  {name}: [\n" + ",\n".join(texts) + "\n  ]")
        else:
            parts.append(f"  {name}: " + json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  "))
    return ("{\n" + ",\n".join(parts) + "\n}\n" if parts else "{}\n"), used


def load_fragments(path: Path) -> dict[str, str]:
    """Record fragments kept by the last build (``save_fragments``); empty when missing or unreadable."""
    data = read_pickle(path)
    if isinstance(data, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        return {str(k): str(v) for k, v in data.items()}
    return {}


def save_fragments(path: Path, fragments: Mapping[str, str]) -> None:
    """Keep the record fragments of this build's briefing.json for the next build (written atomically)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("wb") as f:
        pickle.dump(dict(fragments), f, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)


def schema() -> dict[str, Any]:
    """The JSON Schema of briefing.json shipped with the package."""
    text = resources.files("briefgen.schema").joinpath("briefing.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
