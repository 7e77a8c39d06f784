"""The machine-readable ``briefing.json`` (contract in ARCHITECTURE.md, schema in briefgen/schema)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from briefgen import __version__
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
                "display": full_display(names.get(q.speaker or ""), q),
                "verb": q.verb,
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


def schema() -> dict[str, Any]:
    """The JSON Schema of briefing.json shipped with the package."""
    text = resources.files("briefgen.schema").joinpath("briefing.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
