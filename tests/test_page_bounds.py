"""Topic and country pages stay bounded however many statements there are; the actor pages keep them all."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from briefgen.extract.positions import country_id
from briefgen.records import Actor, Briefing, Position, Quote, Source, Topic
from briefgen.render import Limits, build_context, make_env, render_pages

SMALL = Limits(speakers=2, statements=2, names=1, who=2, timeline=3, other=2, sources=2, actors=2,
               country_speakers=2, country_statements=2)


def _briefing(per_speaker: tuple[int, ...], untopical: int = 0) -> Briefing:
    """One country whose speakers make ``per_speaker[i]`` statements on one topic, one per dated article."""
    topic = Topic("levy", "Fuel levy", "The fuel levy.")
    actors = tuple(
        Actor(f"speaker-{i}", f"Speaker {chr(65 + i)}", "person", "Vexland", "Vexland") for i in range(len(per_speaker))
    )
    sources: list[Source] = []
    quotes: list[Quote] = []
    positions: list[Position] = []
    for i, count in enumerate(per_speaker):
        evidence = []
        for j in range(count + (untopical if i == 0 else 0)):
            n = len(sources)
            sid = f"s-{n:03d}"
            sources.append(Source(sid, f"a{n:03d}.txt", f"a{n:03d}", f"Story {n}", "Daily", None,
                                  f"2025-01-{1 + n % 28:02d}", 100))
            on_topic = j < count
            q = Quote(f"q-{i}-{j}", f"Speaker {i} remark {j} on the levy", actors[i].id, sid, 2, 0, 10, "said",
                      "direct", ("levy",) if on_topic else ())
            quotes.append(q)
            if on_topic:
                evidence.append(q.id)
        positions.append(Position(actors[i].id, "levy", quotes[-1 - (untopical if i == 0 else 0)].text,
                                  tuple(evidence), speakers=(actors[i].id,)))
    every = tuple(e for p in positions for e in p.evidence)
    positions.append(Position(country_id("Vexland"), "levy", positions[0].summary, every, kind="country",
                              speakers=tuple(a.id for a in actors)))
    return Briefing(tuple(sources), actors, tuple(quotes), tuple(positions), (topic,))


def _pages(briefing: Briefing, limits: Limits = SMALL) -> dict[str, str]:
    return render_pages(replace(build_context(briefing, "T"), limits=limits), make_env(None))


def _cited(text: str) -> set[str]:
    return set(re.findall(r"sources/(a\d+)\.md#p2", text))


def test_topic_page_shows_a_few_statements_per_speaker_and_links_the_rest() -> None:
    pages = _pages(_briefing((7, 3, 2, 1)))
    topic = pages["topics/levy.md"]
    speakers = topic.split("## Speaker by speaker", 1)[1]
    assert speakers.count("\n### ") == 2  # limits.speakers
    first = speakers.split("\n### ", 2)[1]
    assert len(_cited(first)) == 2  # limits.statements
    assert "[7 statements on this topic — 5 more on Speaker A's page](../actors/speaker-0.md)" in first
    # the two further speakers: one named with a count, the last one counted and pointed to the list
    assert "**2 more speakers:** [Speaker C](../actors/speaker-2.md) (2)" in topic
    assert "and 1 more in the [list of actors](../actors/index.md)" in topic
    assert "Speaker A, Speaker B and 2 more" in topic  # the side-by-side "Who" cell
    assert "The latest 3 of 13 dated statements, and earlier changes of stance" in topic
    assert "The latest 3 of 7 dated statements" in pages["actors/speaker-0.md"]


def test_country_page_is_bounded_and_lists_its_latest_articles() -> None:
    pages = _pages(_briefing((7, 3, 2, 1), untopical=5))
    country = pages["countries/vexland.md"]
    assert "and 2 more in the [list of actors]" in country  # "Quoted:" names limits.actors speakers
    assert "[7 statements on this topic — 5 more on the speaker's page](../actors/speaker-0.md)" in country
    assert "The latest 2 of 5 statements on no tracked topic" in country
    sources = country.split("## Sources", 1)[1]
    assert "The latest 2 of 18 articles" in sources
    assert re.findall(r"\(\.\./sources/(a\d+)\.md\)", sources) == ["a017", "a016"]  # newest first


def test_every_statement_left_off_a_topic_or_country_page_is_on_its_speakers_page() -> None:
    briefing = _briefing((9, 4, 3, 1), untopical=3)
    pages = _pages(briefing)
    for q in briefing.quotes:
        actor_page = pages[f"actors/{q.speaker}.md"]
        assert f"sources/{briefing.sources[int(q.source[2:])].slug}.md#p2" in actor_page, q.id
    # and every speaker left off the detailed list is still reachable from the topic page
    topic = pages["topics/levy.md"]
    named = set(re.findall(r"\.\./actors/(speaker-\d)\.md", topic))
    assert named | {"speaker-3"} == {a.id for a in briefing.actors} and "list of actors" in topic


def test_topic_and_country_pages_do_not_grow_with_more_statements() -> None:
    small = _pages(_briefing((6, 6, 6, 6)), Limits())
    large = _pages(_briefing((60, 60, 60, 60)), Limits())
    for page in ("topics/levy.md", "countries/vexland.md"):
        assert len(large[page]) < 1.3 * len(small[page]), page
    said = large["actors/speaker-0.md"].split("## What Speaker A said", 1)[1].split("## Timeline", 1)[0]
    assert said.count("](../sources/") == 60  # the actor page has them all


def test_a_timeline_keeps_an_early_change_of_stance_beyond_its_latest_statements() -> None:
    briefing = _briefing((7, 3, 2, 1))
    stances = {"q-0-0": "for", "q-0-1": "against"}  # speaker A turns against the levy in the second article
    quotes = tuple(replace(q, stance=stances[q.id], target="the levy") if q.id in stances else q
                   for q in briefing.quotes)
    pages = _pages(replace(briefing, quotes=quotes))
    for page in ("topics/levy.md", "actors/speaker-0.md"):
        rows = [r for r in pages[page].split("## Timeline", 1)[1].splitlines() if r.startswith("| ") and "¶" in r]
        assert len(rows) == 4, page  # the latest 3 and the change
        assert "changed" in rows[0] and "sources/a001.md#p2" in rows[0], page


def test_a_long_list_of_sources_is_split_by_month_and_links_every_article_once() -> None:
    briefing = _briefing((7, 3, 2, 1))
    undated = replace(briefing.sources[0], published=None)
    briefing = replace(briefing, sources=(undated, *briefing.sources[1:]))
    pages = _pages(briefing, replace(SMALL, sources_page=5))
    index = pages["sources/index.md"]
    assert "| [January 2025](months/2025-01.md) | 12 |" in index
    assert index.index("months/2025-01.md") < index.index("months/undated.md")  # the undated last
    months = {k: v for k, v in pages.items() if k.startswith("sources/months/")}
    assert sorted(months) == ["sources/months/2025-01.md", "sources/months/undated.md"]
    linked = [slug for page in months.values() for slug in re.findall(r"\]\(\.\./(a\d+)\.md\)", page)]
    assert sorted(linked) == sorted(s.slug for s in briefing.sources)
    assert "](a001.md)" not in index  # no article row on the index itself
    small = _pages(briefing)  # under the limit: one list, as before
    assert "](a001.md)" in small["sources/index.md"] and not any(k.startswith("sources/months/") for k in small)


def test_month_pages_stay_out_of_the_search_index_and_their_articles_stay_in(tmp_path: Path) -> None:
    """A month page's rows are the titles of source pages, which are indexed themselves: the month page is not."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    pages = _pages(_briefing((7, 3, 2, 1)), replace(SMALL, sources_page=5))
    docs = tmp_path / "docs"
    for name in ("index.md", "sources/index.md", "sources/months/2025-01.md", "sources/a001.md"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(pages[name], encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nuse_directory_urls: false\ntheme: {name: material}\nplugins: [search]\n"
        "markdown_extensions: [attr_list, tables]\n",
        encoding="utf-8",
    )
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text("utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    assert "sources/a001.html" in locations and "sources/index.html" in locations
    assert not any(loc.startswith("sources/months/") for loc in locations)
    assert (tmp_path / "site" / "sources" / "months" / "2025-01.html").is_file()  # still built and linked


def test_a_claim_names_a_few_of_its_speakers() -> None:
    from briefgen.records import Claim

    briefing = _briefing((2, 2, 2, 2))
    speakers = tuple(a.id for a in briefing.actors)
    claim = Claim("c-1", "the levy must go", None, None, ("levy",), speakers, ("Vexland",),
                  tuple(q.id for q in briefing.quotes), 8)
    pages = _pages(replace(briefing, claims=(claim,)))
    assert "8 statements in 8 articles (Speaker A, Speaker B and 2 more)" in pages["topics/levy.md"]
    assert "(Speaker A, Speaker B and 2 more)" in pages["countries/vexland.md"]
