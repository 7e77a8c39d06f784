"""A Briefing built from the gold annotations: realistic actors and quotes for position and page tests.

Extraction quality is another module's business; these tests check what positions and pages do with
correct input, so they start from the gold actors, quotes and statements of the sample corpus.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from briefgen.build import make_sources
from briefgen.config import load_settings
from briefgen.corpus import read_corpus
from briefgen.extract.merge import quote_id
from briefgen.extract.positions import analyse_positions, load_topics
from briefgen.nlp import make_nlp
from briefgen.records import Actor, Article, Briefing, Quote
from briefgen.slugs import slug

BODIES = {"NATO", "European Union"}


def gold_briefing(project: Path, gold_dir: Path) -> tuple[Briefing, list[Article]]:
    """Read the project's content/ and turn the matching gold files into a positioned Briefing."""
    settings = load_settings(project_dir=project)
    corpus = read_corpus(settings)
    articles = list(corpus.articles)
    sources = make_sources(articles)
    actors: dict[str, Actor] = {}
    quotes: list[Quote] = []
    for article, source in zip(articles, sources, strict=True):
        gold_file = gold_dir / (Path(article.path).stem + ".yaml")
        if not gold_file.is_file():
            continue
        gold = yaml.safe_load(gold_file.read_text("utf-8"))
        ids: dict[str, str] = {}
        for a in gold["actors"]:
            aid = slug(a["name"])
            ids[a["name"]] = aid
            country = a.get("affiliation")
            known = actors.get(aid)
            roles = tuple(sorted({*(known.roles if known else ()), *([a["role"]] if a.get("role") else [])}))
            actors[aid] = Actor(aid, a["name"], a["kind"], country, country, roles, (), 0)
        seen: dict[str, int] = {}
        items = [(q["text"], q["speaker"], q.get("cue"), "partial" if q["partial"] else "direct")
                 for q in gold["quotes"]]
        items += [(s["sentence"], s["speaker"], s.get("cue"), "indirect") for s in gold.get("statements") or []]
        for text, speaker, cue, kind in items:
            start = article.text.find(text)
            if start < 0:
                continue
            n = seen.get(text, 0)
            seen[text] = n + 1
            quotes.append(
                Quote(
                    id=quote_id(source.path, text + kind + str(speaker), n),
                    text=text,
                    speaker=ids.get(speaker) if speaker else None,
                    source=source.id,
                    paragraph=article.paragraph_at(start),
                    start=start,
                    end=start + len(text),
                    cue=cue,
                    kind=kind,
                )
            )
    # the sample project's own hand-written topics (its site_config/topics.yml), as a build of it uses
    topics = load_topics(settings.site_config) or load_topics(Path(__file__).resolve().parent.parent / "site_config")
    by_source = {s.id: a for s, a in zip(sources, articles, strict=True)}
    actor_list = tuple(sorted(actors.values(), key=lambda a: a.id))
    tagged, positions = analyse_positions(make_nlp(), topics, quotes, actor_list, sources, by_source)
    briefing = Briefing(sources, actor_list, tagged, positions, topics)
    return briefing, articles
