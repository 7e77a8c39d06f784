"""Pages that look things up per entity use indexes, and still show exactly that entity's data."""

from __future__ import annotations

from pathlib import Path

from briefgen.build import extract
from briefgen.config import load_settings
from briefgen.render import build_context, make_env, render_pages


def test_actor_pages_list_exactly_their_own_positions(sample_project: Path) -> None:
    settings = load_settings(project_dir=sample_project, executor="serial", cache=False)
    briefing, articles, _ = extract(settings)
    ctx = build_context(briefing, "t", articles, "speakers")
    pages = render_pages(ctx, make_env(None))
    with_positions = {p.actor for p in briefing.positions if p.kind == "actor"}
    assert with_positions, "the sample corpus has actor positions"
    for actor in ctx.page_actors:
        page = pages[f"actors/{actor.id}.md"]
        assert ("## Positions" in page) == (actor.id in with_positions), actor.id
        own = [p for p in briefing.positions if p.kind == "actor" and p.actor == actor.id]
        assert list(ctx.positions_of(actor.id)) == own
