"""Template context -> Markdown pages. Untrusted text is escaped where it lands, never rendered as a template."""

from __future__ import annotations

import html
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from briefgen.errors import TemplateError
from briefgen.records import Actor, Article, Briefing, Position, Quote, Source, Topic
from briefgen.slugs import unique_slugs

# Every ASCII punctuation character that means something to Markdown, its extensions or HTML.
_MD_PUNCT = frozenset("\\`*_{}[]()#+-.!|<>&:~^=\"'$%@/;?")
_CONTROLS = {c: None for c in [*range(32), 127] if chr(c) not in "\t\n\v\f\r\x1c\x1d\x1e\x1f"}
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)


def md_text(value: object) -> str:
    """Untrusted text -> inert Markdown that displays literally (numeric entities, one line)."""
    if value is None:
        return ""
    # Runs of whitespace become one space (as HTML shows them), so no line break, hard break or
    # indented code block can come from the text; C0 controls and DEL are dropped.
    text = " ".join(str(value).translate(_CONTROLS).split())
    return "".join(f"&#{ord(ch)};" if ch in _MD_PUNCT else ch for ch in text)


def safe_url(value: object) -> str:
    """An http(s) URL escaped for use as a Markdown link target, or '' for anything else."""
    if not isinstance(value, str) or not _SAFE_URL.match(value.strip()):
        return ""
    return "".join(f"&#{ord(c)};" if c in "&()<>\"'[]`*_" else c for c in value.strip())


def trim(value: object, limit: int = 300) -> str:
    """Shorten long text on a word boundary with '...' (pages only; briefing.json keeps it whole)."""
    text = " ".join(str(value or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " ..."


def yaml_str(value: object) -> str:
    """A scalar for YAML front matter: HTML-escaped, then quoted (JSON strings are valid YAML).

    MkDocs themes print front-matter values (title, description, tags) into HTML unescaped.
    """
    return json.dumps(html.escape(" ".join(str(value).split()), quote=True), ensure_ascii=True)


_FRONT = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
_H1 = re.compile(r"^# (.+?)(?:\s*\{[^{}]*\})?\s*#*\s*$", re.MULTILINE)


def safe_title(markdown: str) -> str:
    """Give a page an HTML-escaped front-matter ``title`` taken from its first ``# `` heading.

    Without it MkDocs takes the title from the rendered heading with entities kept, and Material's
    ``<title>{{ page.title | striptags }}`` decodes them again: an escaped ``</title><script>`` in a
    heading would run. ``page.meta.title`` is printed as given, so it is escaped here.
    """
    front = _FRONT.match(markdown)
    meta = front.group(1) if front else ""
    body = markdown[front.end() :] if front else markdown
    if re.search(r"^title\s*:", meta, re.MULTILINE):
        return markdown
    heading = _H1.search(body)
    if heading is None:
        return markdown
    text = " ".join(html.unescape(heading.group(1)).split())
    title = f"title: {json.dumps(html.escape(text, quote=True), ensure_ascii=False)}\n"
    return f"---\n{title}{meta}---\n{body}"


def template_dirs(project_templates: Path | None) -> list[str]:
    """Where templates are looked up: the project's folder first, then briefgen's defaults."""
    dirs: list[str] = []
    if project_templates is not None and project_templates.is_dir():
        dirs.append(str(project_templates))
    package = resources.files("briefgen").joinpath("templates")
    if package.is_dir():
        dirs.append(str(package))
    else:  # an editable checkout: the repository's own templates/ are the defaults
        dirs.append(str(Path(__file__).resolve().parent.parent / "templates"))
    return dirs


def make_env(project_templates: Path | None) -> SandboxedEnvironment:
    """A sandboxed Jinja2 environment with StrictUndefined and briefgen's filters."""
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(template_dirs(project_templates)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(md=md_text, url=safe_url, trim=trim, yaml=yaml_str)
    return env


@dataclass(frozen=True, slots=True)
class CountryView:
    """A country (or international body) with its actors and their quotes."""

    name: str
    slug: str
    actors: tuple[Actor, ...]
    quotes: tuple[Quote, ...]
    positions: tuple[Position, ...] = ()


@dataclass(frozen=True)
class SiteContext:
    """Everything templates see; built once from the Briefing."""

    title: str
    briefing: Briefing
    sources: dict[str, Source]
    actors: dict[str, Actor]
    topics: dict[str, Topic]
    quotes_by_actor: dict[str, tuple[Quote, ...]]
    quotes_by_source: dict[str, tuple[Quote, ...]]
    countries: tuple[CountryView, ...]
    country_slugs: dict[str, str]
    page_actors: tuple[Actor, ...]
    articles: dict[str, Article] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def date_range(self) -> tuple[str, str] | None:
        """First and last publication date of the corpus, when known."""
        dates = sorted(s.published[:10] for s in self.briefing.sources if s.published)
        return (dates[0], dates[-1]) if dates else None

    def most_quoted(self, n: int = 10) -> list[tuple[Actor, int]]:
        """The actors with the most quotes, most first (ties by name)."""
        counts = Counter({a: len(qs) for a, qs in self.quotes_by_actor.items() if a in self.actors})
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], self.actors[kv[0]].name))
        return [(self.actors[a], c) for a, c in ranked[:n]]

    def country_slug(self, actor: Actor) -> str | None:
        """Slug of the country page an actor belongs to, if it has one."""
        return self.country_slugs.get(actor.country or "")

    def speaker_name(self, quote: Quote) -> str:
        """Display name of a quote's speaker."""
        actor = self.actors.get(quote.speaker or "")
        return actor.name if actor else "unattributed"


def _by_key(quotes: Iterable[Quote], key: str) -> dict[str, tuple[Quote, ...]]:
    groups: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        value = getattr(q, key)
        if value:
            groups[value].append(q)
    return {k: tuple(v) for k, v in groups.items()}


def build_context(
    briefing: Briefing, title: str, articles: Iterable[Article] = (), actor_pages: str = "speakers"
) -> SiteContext:
    """Group the briefing the way the pages need it."""
    actors = {a.id: a for a in briefing.actors}
    by_actor = _by_key(briefing.quotes, "speaker")
    by_source = _by_key(briefing.quotes, "source")
    page_actors = tuple(
        a for a in sorted(briefing.actors, key=lambda a: (-len(by_actor.get(a.id, ())), a.name))
        if actor_pages == "all" or by_actor.get(a.id)
    )
    country_names = sorted({a.country for a in page_actors if a.country})
    country_slugs = unique_slugs(country_names, fallback="country")
    positions_by_actor: dict[str, list[Position]] = defaultdict(list)
    for p in briefing.positions:
        positions_by_actor[p.actor].append(p)
    countries = []
    for name in country_names:
        members = tuple(a for a in page_actors if a.country == name)
        quotes = tuple(q for a in members for q in by_actor.get(a.id, ()))
        countries.append(
            CountryView(name, country_slugs[name], members, quotes, tuple(positions_by_actor.get(name, ())))
        )
    countries.sort(key=lambda c: (-len(c.quotes), c.name))
    return SiteContext(
        title=title,
        briefing=briefing,
        sources={s.id: s for s in briefing.sources},
        actors=actors,
        topics={t.id: t for t in briefing.topics},
        quotes_by_actor=by_actor,
        quotes_by_source=by_source,
        countries=tuple(countries),
        country_slugs=country_slugs,
        page_actors=page_actors,
        articles={a.path: a for a in articles},
    )


def _render(env: SandboxedEnvironment, name: str, **context: Any) -> str:
    try:
        markdown = env.get_template(name).render(**context)
        # The home page's <title> is the site name; every other page takes its title from its heading.
        return markdown if name == "index.md.j2" else safe_title(markdown)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template not found: {exc.name}", name, "restore it or remove the override") from None
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or name}:{exc.lineno}"
        raise TemplateError(f"template syntax error: {exc.message}", where, "fix the template") from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"template error: {exc.message}", name, "use only documented context names") from None


def paragraphs_of(article: Article | None) -> list[tuple[int, str]]:
    """Numbered paragraphs of an article for its source page."""
    if article is None:
        return []
    return [(p.number, article.text[p.start : p.end]) for p in article.paragraphs]


def render_pages(ctx: SiteContext, env: SandboxedEnvironment) -> dict[str, str]:
    """Every page of the site as {relative path: Markdown}."""
    common: dict[str, Any] = {"site": ctx}
    pages: dict[str, str] = {}
    pages["index.md"] = _render(env, "index.md.j2", root="", **common)
    pages["actors/index.md"] = _render(env, "actors_index.md.j2", root="../", **common)
    for actor in ctx.page_actors:
        pages[f"actors/{actor.id}.md"] = _render(
            env, "actor.md.j2", root="../", actor=actor, quotes=ctx.quotes_by_actor.get(actor.id, ()), **common
        )
    pages["countries/index.md"] = _render(env, "countries_index.md.j2", root="../", **common)
    for country in ctx.countries:
        pages[f"countries/{country.slug}.md"] = _render(
            env, "country.md.j2", root="../", country=country, **common
        )
    pages["sources/index.md"] = _render(env, "sources_index.md.j2", root="../", **common)
    for source in ctx.briefing.sources:
        article = ctx.articles.get(source.path)
        pages[f"sources/{source.slug}.md"] = _render(
            env,
            "source.md.j2",
            root="../",
            source=source,
            paragraphs=paragraphs_of(article),
            quotes=ctx.quotes_by_source.get(source.id, ()),
            **common,
        )
    return pages
