"""The corpus-wide reduce: merge per-article actors into one list, give quotes stable ids."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from briefgen.records import Actor, Analysis, LocalActor, Quote, Source
from briefgen.slugs import unique_slugs


def quote_id(source_path: str, text: str, occurrence: int) -> str:
    """A stable quote id: the same words in the same file keep their id across rebuilds."""
    key = f"{source_path}\x00{' '.join(text.split())}\x00{occurrence}"
    return "q-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _merge_group(name: str, group: list[LocalActor], actor_id: str) -> Actor:
    first = group[0]
    return Actor(
        id=actor_id,
        name=name,
        kind=first.kind,
        country=next((a.country for a in group if a.country), None),
        affiliation=next((a.affiliation for a in group if a.affiliation), None),
        roles=tuple(sorted({r for a in group for r in a.roles})),
        aliases=tuple(sorted({al for a in group for al in a.aliases} - {name})),
        mentions=sum(a.mentions for a in group),
    )


def reduce_corpus(
    analyses: Sequence[Analysis], sources: Sequence[Source]
) -> tuple[tuple[Actor, ...], tuple[Quote, ...]]:
    """Merge actors across articles by canonical name and attach ids to every quote."""
    groups: dict[str, list[LocalActor]] = {}
    for analysis in analyses:
        for local in analysis.actors:
            groups.setdefault(local.name, []).append(local)
    ids = unique_slugs(groups, fallback="actor")
    actors = tuple(sorted((_merge_group(n, g, ids[n]) for n, g in groups.items()), key=lambda a: a.id))
    quotes: list[Quote] = []
    for analysis, source in zip(analyses, sources, strict=True):
        keys = {local.key: ids[local.name] for local in analysis.actors}
        seen: dict[str, int] = {}
        for q in analysis.quotes:
            n = seen.get(q.text, 0)
            seen[q.text] = n + 1
            quotes.append(
                Quote(
                    id=quote_id(source.path, q.text, n),
                    text=q.text,
                    speaker=keys.get(q.speaker) if q.speaker else None,
                    source=source.id,
                    paragraph=q.paragraph,
                    start=q.start,
                    end=q.end,
                    cue=q.cue,
                    kind=q.kind,
                )
            )
    return actors, tuple(quotes)
