"""Template context -> Markdown pages. Untrusted text is escaped where it lands, never rendered as a template."""

from __future__ import annotations

import functools
import html
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from briefgen.corpus.language import foreign_language
from briefgen.errors import TemplateError, template_line
from briefgen.extract.display import joiner, shown_words
from briefgen.extract.positions import country_id
from briefgen.extract.stance import same_target
from briefgen.history import Changes, PositionChange
from briefgen.pagememo import PageMemo, page_digests
from briefgen.plural import plural
from briefgen.records import Actor, Article, Briefing, Claim, Position, Quote, Source, Topic, format_day
from briefgen.summary import (
    ArticleDigest,
    ClaimView,
    Disagreement,
    Summary,
    disagreements,
    main_claims,
    summarise,
)
from briefgen.svg import matrix_svg
from briefgen.timeline import Moment, timeline

# Every ASCII punctuation character that means something to Markdown, its extensions or HTML.
_MD_PUNCT = frozenset("\\`*_{}[]()#+-.!|<>&:~^=\"'$%@/;?")
_CONTROLS = {c: None for c in [*range(32), 127] if chr(c) not in "\t\n\v\f\r\x1c\x1d\x1e\x1f"}
_BIDI = {ord(c): None for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"}
_BIDI_CHAR = re.compile("[\u202a-\u202e\u2066-\u2069]")
# A regex substitution is 1.5-7x faster than str.translate with a dict (a lookup per character).
_ENTITY = {c: f"&#{ord(c)};" for c in _MD_PUNCT}
_PUNCT_RE = re.compile("[" + re.escape("".join(sorted(_MD_PUNCT))) + "]")
_CONTROL_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in _CONTROLS) + "]")


def _entity(match: re.Match[str]) -> str:
    return _ENTITY[match.group()]
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)


def md_text(value: object) -> str:
    """Untrusted text -> inert Markdown that displays literally (numeric entities, one line)."""
    if value is None:
        return ""
    # Runs of whitespace become one space (as HTML shows them), so no line break, hard break or
    # indented code block can come from the text; C0 controls and DEL are dropped.
    text = str(value)
    if _CONTROL_RE.search(text):
        text = text.translate(_CONTROLS)
    return _PUNCT_RE.sub(_entity, isolate_bidi(" ".join(text.split())))


def isolate_bidi(text: str) -> str:
    """Text whose bidi controls cannot reorder the page around it: embeddings, overrides and isolates are
    dropped and the text is wrapped in one first-strong isolate (U+2068 ... U+2069)."""
    if not _BIDI_CHAR.search(text):
        return text
    return "\u2068" + text.translate(_BIDI) + "\u2069"


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
    return json.dumps(html.escape(isolate_bidi(" ".join(str(value).split())), quote=True), ensure_ascii=True)


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


def make_env(project_templates: Path | None, compiled: Path | None = None) -> jinja2.Environment:
    """A Jinja2 environment with StrictUndefined and briefgen's filters, sandboxed when the project has templates.

    Article text only ever reaches templates as values, so briefgen's own templates need no sandbox (its
    attribute checks were ~40 % of the rendering time); a project's templates always run in it. With
    ``compiled``, compiled templates are kept in that folder (checked against their source) between builds.
    """
    own = project_templates is None or not any(project_templates.rglob("*.j2"))
    cache = None
    if compiled is not None:
        try:
            compiled.mkdir(parents=True, exist_ok=True)
            cache = jinja2.FileSystemBytecodeCache(str(compiled))
        except OSError:
            cache = None
    env = (jinja2.Environment if own else SandboxedEnvironment)(
        bytecode_cache=cache,
        loader=jinja2.FileSystemLoader(template_dirs(project_templates)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        md=md_text,
        url=safe_url,
        trim=trim,
        yaml=yaml_str,
        plural=plural,
        foreign_language=foreign_language,
        shown=shown_words,
        joiner=joiner,
    )
    return env


@dataclass(frozen=True, slots=True)
class CountryView:
    """A country (or international body) with its actors and their quotes."""

    name: str
    slug: str
    actors: tuple[Actor, ...]
    quotes: tuple[Quote, ...]
    positions: tuple[Position, ...] = ()
    actor_positions: dict[str, tuple[Position, ...]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    def position_on(self, topic: str) -> Position | None:
        """The country's aggregated position on one topic, if any of its actors spoke on it."""
        return next((p for p in self.positions if p.topic == topic), None)


@dataclass(frozen=True, slots=True)
class TopicView:
    """A topic with every country's and actor's position on it."""

    topic: Topic
    country_positions: tuple[tuple[CountryView, Position], ...]
    actor_positions: tuple[Position, ...]
    quotes: tuple[Quote, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cell:
    """One matrix cell: a country's stance on a topic, how many statements, and where they are."""

    country: CountryView
    topic: Topic
    stance: str | None
    count: int
    href: str
    target: str | None = None


@dataclass(frozen=True, slots=True)
class KeyPoint:
    """One key point of the summary: an actor's position, its best quote and who echoes it."""

    position: Position
    quote: Quote
    actor: Actor
    topic: Topic
    echoes: tuple[str, ...]
    statements: int
    articles: int


@dataclass(frozen=True, slots=True)
class Limits:
    """How much a topic or country page lists (README, "Pages"); every statement stays on its speaker's page.

    Topic and country pages change with any new statement on them, so their size bounds what one changed
    article costs a rebuild: they show who speaks and each speaker's latest words, not every quote.
    """

    speakers: int = 12  # speakers shown with their statements, per topic, most statements first
    statements: int = 3  # statements per speaker: the one that sums up their position, then the latest
    names: int = 60  # further speakers named with their counts before "and K more"
    who: int = 4  # names in a table's "Who" cell
    timeline: int = 20  # latest dated statements of a topic's or actor's timeline (with earlier stance changes)
    other: int = 10  # a country's latest statements on no topic
    sources: int = 20  # a country's latest articles
    actors: int = 20  # speakers named at the top of a country page
    country_speakers: int = 8  # per topic on a country page (its topic page has more)
    country_statements: int = 2
    sources_page: int = 100  # above this many articles, the list of sources is split by month


def _newest_first(quotes: Iterable[Quote], sources: dict[str, Source]) -> list[Quote]:
    """Quotes by their article's date, newest first (undated last), then by place in the article."""

    def key(q: Quote) -> tuple[str, str, int, int]:
        src = sources.get(q.source)
        return ((src.published or "") if src else "", q.source, -q.paragraph, -q.start)

    return sorted(quotes, key=key, reverse=True)


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
    quotes: dict[str, Quote] = field(default_factory=dict)
    topic_views: tuple[TopicView, ...] = ()
    matrix_topics: tuple[Topic, ...] = ()
    matrix: tuple[tuple[CountryView, tuple[Cell | None, ...]], ...] = ()
    key_points: tuple[KeyPoint, ...] = ()
    changes: Changes | None = None
    feed: str | None = None
    positions_by_actor: dict[str, tuple[Position, ...]] = field(default_factory=dict)
    summary: Summary = field(default_factory=lambda: Summary((), ()))
    claims: tuple[ClaimView, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    limits: Limits = field(default_factory=Limits)
    # the briefing's claims by topic, in briefing order (set by build_context; None: scan the claims)
    claims_by_topic: dict[str, tuple[Claim, ...]] | None = None

    def shown(self, position: Position, limit: int | None = None) -> list[Quote]:
        """A speaker's statements shown for a position: the one that sums it up, then the latest others."""
        limit = self.limits.statements if limit is None else limit
        best = self.summary_quote(position)
        rest = _newest_first((q for q in self.evidence(position) if q is not best), self.sources)
        return ([best] if best else []) + rest[: max(limit - (1 if best else 0), 0)]

    def latest(self, quotes: Iterable[Quote], limit: int) -> list[Quote]:
        """The ``limit`` newest of some quotes (by their article's date), newest first."""
        return _newest_first(quotes, self.sources)[:limit]

    def latest_sources(self, source_ids: Iterable[str], limit: int) -> list[Source]:
        """The ``limit`` newest of some articles, newest first (undated last)."""
        found = [self.sources[s] for s in source_ids if s in self.sources]
        found.sort(key=lambda s: (s.published or "", s.id), reverse=True)
        return found[:limit]

    def recent_moments(self, moments: tuple[Moment, ...], limit: int) -> list[Moment]:
        """The ``limit`` latest dated moments of a timeline and every earlier change of stance, in date order."""
        dated = [mo for mo in moments if mo.date]
        cut = max(len(dated) - limit, 0)
        return [mo for mo in dated[:cut] if mo.shifts][-limit:] + dated[cut:]

    def claims_on(self, topic_id: str, country: str | None = None, limit: int = 3) -> list[Claim]:
        """The most-cited claims on a topic (of one country's speakers, when given): most articles first."""
        pool = self.briefing.claims if self.claims_by_topic is None else self.claims_by_topic.get(topic_id, ())
        found = [c for c in pool if topic_id in c.topics and (country is None or country in c.countries)]
        found.sort(key=lambda c: (-c.articles, -c.statements, -len(c.speakers), c.id))
        return found[:limit]

    def names(self, actor_ids: Iterable[str]) -> list[str]:
        """Display names of actors (unknown ids skipped)."""
        return [self.actors[a].name for a in actor_ids if a in self.actors]

    def positions_of(self, actor_id: str) -> tuple[Position, ...]:
        """An actor's own positions, in briefing order (an index: a per-page scan would be O(N²))."""
        return self.positions_by_actor.get(actor_id, ())

    def actor_timeline(self, actor_id: str) -> tuple[Moment, ...]:
        """An actor's statements by publication date, with stance shifts flagged."""
        return timeline(self.quotes_by_actor.get(actor_id, ()), self.sources)

    def topic_timeline(self, topic_id: str) -> tuple[Moment, ...]:
        """Everyone's statements on a topic by publication date, with stance shifts flagged."""
        return timeline((q for q in self.briefing.quotes if topic_id in q.topics), self.sources, topic_id)

    def day(self, value: str | None) -> str:
        """A date as '13 Feb 2025'."""
        return format_day(value)

    def new_quotes_grouped(self) -> list[tuple[str, str | None, list[tuple[Topic | None, list[Quote]]]]]:
        """New quotes of this build grouped by country (with page slug) and topic."""
        if self.changes is None:
            return []
        groups: dict[str, dict[str, list[Quote]]] = defaultdict(lambda: defaultdict(list))
        for item in self.changes.new_quotes:
            q = self.quotes.get(item.id)
            if q is None:
                continue
            actor = self.actors.get(q.speaker or "")
            country = actor.country if actor and actor.country else ("Unattributed" if actor is None else "Other")
            for t in q.topics[:1] or [""]:
                groups[country][t].append(q)
        order = {t: i for i, t in enumerate(self.topics)}
        return [
            (
                name,
                self.country_slugs.get(name),
                [(self.topics.get(t), qs) for t, qs in sorted(by_topic.items(), key=lambda kv: order.get(kv[0], 99))],
            )
            for name, by_topic in sorted(groups.items(), key=lambda kv: (kv[0] in ("Other", "Unattributed"), kv[0]))
        ]

    def position_label(self, change: PositionChange) -> tuple[str, str | None]:
        """Display name and page link (relative to the site root) of a changed position's holder."""
        if change.kind == "country":
            name = next((n for n, s in self.country_slugs.items() if s == change.actor), change.actor)
            if name not in self.country_slugs:  # ids from an earlier build never reach a link unchecked
                return name, None
            anchor = f"#{change.topic}" if change.topic in self.topics else ""
            return name, f"countries/{change.actor}.md{anchor}"
        actor = self.actors.get(change.actor)
        if actor and actor in self.page_actors:
            return actor.name, f"actors/{actor.id}.md"
        gone = {i.id: i.label for i in self.changes.removed_actors} if self.changes else {}
        return (actor.name if actor else gone.get(change.actor, change.actor)), None

    @property
    def outlets(self) -> list[str]:
        """Distinct outlets of the corpus, sorted."""
        return sorted({s.outlet for s in self.briefing.sources if s.outlet})

    def source_of(self, quote: Quote) -> Source:
        """The source a quote came from."""
        return self.sources[quote.source]

    def evidence(self, position: Position) -> list[Quote]:
        """The quotes a position rests on, in date order."""
        return [self.quotes[e] for e in position.evidence if e in self.quotes]

    def summary_quote(self, position: Position) -> Quote | None:
        """The evidence quote whose words are the position's summary."""
        return next((q for q in self.evidence(position) if q.text == position.summary), None)

    def country_of(self, actor: Actor | None) -> CountryView | None:
        """The country page view an actor belongs to."""
        if actor is None or not actor.country:
            return None
        return next((c for c in self.countries if c.name == actor.country), None)

    def tags_for(self, topics: Iterable[str], countries: Iterable[str] = ()) -> list[str]:
        """Controlled tag values for front matter: configured topic names and known country names."""
        names = [self.topics[t].name for t in topics if t in self.topics]
        return sorted(set(names)) + sorted({c for c in countries if is_known_country(c)})

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
        return actor.name if actor else (quote.speaker_text or "unattributed")


_BODIES = frozenset({"NATO", "European Union", "United Nations", "G7", "G20", "OSCE", "African Union"})


def is_known_country(name: str) -> bool:
    """True for an ISO country name or a known international body (the controlled tag values)."""
    if name in _BODIES:
        return True
    import pycountry

    try:
        return pycountry.countries.get(name=name) is not None or pycountry.countries.get(common_name=name) is not None
    except (KeyError, LookupError):
        return False


def _by_key(quotes: Iterable[Quote], key: str) -> dict[str, tuple[Quote, ...]]:
    groups: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        value = getattr(q, key)
        if value:
            groups[value].append(q)
    return {k: tuple(v) for k, v in groups.items()}


def build_context(
    briefing: Briefing, title: str, articles: Iterable[Article] = (), actor_pages: str = "speakers",
    digests: MutableMapping[str, ArticleDigest] | None = None,
) -> SiteContext:
    """Group the briefing the way the pages need it (``digests``: the summary's per-article cache, kept by
    the build between runs)."""
    articles = tuple(articles)
    actors = {a.id: a for a in briefing.actors}
    held = {i for q in briefing.quotes for i in q.contains_quotes}  # partial quotes a statement shows in its clause
    shown = [q for q in briefing.quotes if q.id not in held] if held else briefing.quotes
    by_actor = _by_key(shown, "speaker")
    by_source = _by_key(shown, "source")
    page_actors = tuple(
        a for a in sorted(briefing.actors, key=lambda a: (-len(by_actor.get(a.id, ())), a.name))
        if actor_pages == "all" or by_actor.get(a.id)
    )
    country_names = sorted({a.country for a in page_actors if a.country})
    country_slugs = {name: country_id(name) for name in country_names}
    quotes = {q.id: q for q in briefing.quotes}
    topic_order = {t.id: i for i, t in enumerate(briefing.topics)}
    by_actor_topic: dict[str, list[Position]] = defaultdict(list)
    by_country: dict[str, list[Position]] = defaultdict(list)
    for p in briefing.positions:
        (by_country if p.kind == "country" else by_actor_topic)[p.actor].append(p)
    countries = []
    for name in country_names:
        members = tuple(a for a in page_actors if a.country == name)
        cquotes = tuple(q for a in members for q in by_actor.get(a.id, ()))
        per_topic: dict[str, list[Position]] = defaultdict(list)
        for a in members:
            for p in by_actor_topic.get(a.id, ()):
                per_topic[p.topic].append(p)
        cpos = tuple(sorted(by_country.get(country_slugs[name], ()), key=lambda p: topic_order.get(p.topic, 0)))
        countries.append(
            CountryView(
                name, country_slugs[name], members, cquotes, cpos,
                {t: tuple(sorted(ps, key=lambda p: (-len(p.evidence), actors[p.actor].name)))
                 for t, ps in per_topic.items()},
                tuple(sorted({q.source for q in cquotes})),
            )
        )
    countries.sort(key=lambda c: (-len(c.quotes), c.name))
    by_slug = {c.slug: c for c in countries}
    topic_views = []
    for topic in briefing.topics:
        cps = tuple(
            (by_slug[p.actor], p) for p in briefing.positions
            if p.kind == "country" and p.topic == topic.id and p.actor in by_slug
        )
        cps = tuple(sorted(cps, key=lambda cp: (-len(cp[1].evidence), cp[0].name)))
        aps = tuple(sorted(
            (p for p in briefing.positions if p.kind == "actor" and p.topic == topic.id and p.actor in actors),
            key=lambda p: (-len(p.evidence), actors[p.actor].name),
        ))
        tquotes = tuple(q for q in briefing.quotes if topic.id in q.topics)
        if not tquotes:
            continue  # no empty topic pages: a topic is shown once something was said on it
        topic_views.append(TopicView(topic, cps, aps, tquotes, tuple(sorted({q.source for q in tquotes}))))
    matrix_topics = tuple(tv.topic for tv in topic_views if tv.country_positions)
    matrix = []
    for c in countries if matrix_topics else ():  # no topic, no matrix (not a column of empty rows)
        cells: list[Cell | None] = []
        for t in matrix_topics:
            cp = c.position_on(t.id)
            cells.append(
                Cell(c, t, cp.stance, len(cp.evidence), f"countries/{c.slug}.md#{t.id}", cp.target) if cp else None
            )
        matrix.append((c, tuple(cells)))
    ctx = SiteContext(
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
        quotes=quotes,
        topic_views=tuple(topic_views),
        matrix_topics=matrix_topics,
        matrix=tuple(matrix),
        positions_by_actor={
            a: tuple(p for p in ps if p.kind == "actor") for a, ps in by_actor_topic.items()
        },
        summary=summarise(briefing.sources, {a.path: a for a in articles}, cache=digests),
        claims_by_topic=_claims_by_topic(briefing.claims),
    )
    claims = briefing.claims
    return replace(
        ctx,
        key_points=key_points(ctx),
        claims=main_claims(claims, ctx.summary, actors, quotes, 4 if ctx.summary.several else 8),
        disagreements=disagreements(claims, actors, quotes),
    )


def _claims_by_topic(claims: Iterable[Claim]) -> dict[str, tuple[Claim, ...]]:
    """Claims by each of their topics, in the given order (a page asks for one topic's claims)."""
    found: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        for t in dict.fromkeys(c.topics):
            found[t].append(c)
    return {t: tuple(cs) for t, cs in found.items()}


def key_points(ctx: SiteContext, limit: int = 8) -> tuple[KeyPoint, ...]:
    """Actor positions ranked by corroboration (articles, echoing countries) and the actor's prominence."""
    candidates: list[tuple[tuple[Any, ...], KeyPoint]] = []
    for tv in ctx.topic_views:
        for p in tv.actor_positions:
            actor = ctx.actors[p.actor]
            quote = ctx.summary_quote(p)
            if quote is None:
                continue
            echoes = tuple(  # the same stance on the same target, not merely the same polarity
                c.name for c, cp in tv.country_positions
                if p.stance is not None and c.name != actor.country and cp.stance == p.stance
                and same_target(cp.target, p.target)
            )
            articles = len({ctx.quotes[e].source for e in p.evidence if e in ctx.quotes})
            prominence = len(ctx.quotes_by_actor.get(actor.id, ()))
            kp = KeyPoint(p, quote, actor, tv.topic, echoes, len(p.evidence), articles)
            rank = (-(articles + len(echoes)), -(p.stance is not None), -prominence, actor.name, tv.topic.id)
            candidates.append((rank, kp))
    chosen: list[KeyPoint] = []
    per_topic: Counter[str] = Counter()
    per_actor: Counter[str] = Counter()
    for _, kp in sorted(candidates, key=lambda c: c[0]):
        if per_topic[kp.topic.id] >= 2 or per_actor[kp.actor.id] >= 1:
            continue
        chosen.append(kp)
        per_topic[kp.topic.id] += 1
        per_actor[kp.actor.id] += 1
        if len(chosen) == limit:
            break
    return tuple(chosen)


def _render(env: jinja2.Environment, name: str, **context: Any) -> str:
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
    except Exception as exc:  # a runtime error inside a (project) template: name the template line
        where = template_line(exc) or name
        raise TemplateError(f"template error: {type(exc).__name__}: {exc}", where, "fix the template") from None


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


# How many of an article's words its source page puts in the search index (see README, "Search"): each word
# costs the reader's browser time on every page load (Material builds its index there), so the names come first.
SEARCH_TERMS = 30
_WORD = re.compile(r"[^\W\d_]{3,}")
# Before a word that opens a sentence: nothing, or an end of sentence or line, then opening quotes or brackets.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n])[\s\"'“‘(\[—–-]*$")
# Words of a date say nothing about the article: its date is on the page and in the list of sources. A
# capitalised weekday is always a date; a month name only when used as one (``_is_date``): "the march on the
# capital", "Theresa May" keep their word.
_WEEKDAYS = frozenset(w.lower() for w in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                          "Sunday"))
_CALENDAR = frozenset(w.lower() for w in _MONTHS) | _WEEKDAYS
# A month is a date beside a number ("3 March", "March 3", "March 2024", "3rd of March") or after a word
# that dates ("in March", "since May", "mid-March", "last April").
_DATE_AFTER = re.compile(r"\s*(?:\d|of\s+\d)")  # matched from the end of the word
_DATE_BEFORE = re.compile(
    r"(?:\d(?:st|nd|rd|th)?(?:\s+of)?\s+|\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Ll]ast|[Nn]ext|"
    r"[Ee]arly|[Ll]ate|[Tt]his|[Ee]nd\s+of|[Bb]efore|[Aa]fter|[Tt]hrough|[Dd]uring)\s+|\b[Mm]id-)$"
)


def _is_date(text: str, start: int, end: int) -> bool:
    """Whether the capitalised calendar word at ``text[start:end]`` is used as a date."""
    if text[start:end].lower() in _WEEKDAYS:
        return True
    return bool(_DATE_AFTER.match(text, end, end + 8) or _DATE_BEFORE.search(text[max(0, start - 12) : start]))


def search_terms(article: Article | None, known: str = "", limit: int = SEARCH_TERMS) -> str:
    """Up to ``limit`` distinct words of an article for the search index, the most distinctive first.

    Names come first: words capitalised inside a sentence and never written in lower case (names, places,
    outlets), in order of appearance, then words capitalised only where a sentence opens and never in lower case,
    then the longest other words. Stop words, dates (a weekday's name, a month's name beside a number or after
    "in", "since" ...: not "the march", "Theresa May") and the words of ``known`` (the title and outlet,
    indexed already) are dropped. The choice depends on the page alone, so a change to one
    article never changes another article's page (incremental builds stay small).
    """
    if article is None:
        return ""
    from spacy.lang.en.stop_words import STOP_WORDS

    skip = {w.lower() for w in _WORD.findall(known)}
    inside: dict[str, None] = {}  # capitalised inside a sentence at least once
    opening: dict[str, None] = {}  # capitalised, but only where a sentence opens
    lower: dict[str, None] = {}  # written in lower case at least once
    text = article.text
    for match in _WORD.finditer(text):
        word = match.group()
        key = word.lower()
        if key in skip:
            continue
        upper = word[0].isupper()
        if key in _CALENDAR and upper and _is_date(text, match.start(), match.end()):
            continue
        starts = upper and bool(_SENTENCE_START.search(text, max(0, match.start() - 8), match.start()))
        if key in STOP_WORDS and not (key in _CALENDAR and upper and not starts):  # "may" the verb, not "May"
            continue
        if not upper:
            lower.setdefault(key, None)
        elif starts:
            opening.setdefault(key, None)
        else:
            inside[key] = None
    names = [*(k for k in inside if k not in lower), *(k for k in opening if k not in inside and k not in lower)]
    taken = set(names)
    others = sorted((k for k in {**inside, **opening, **lower} if k not in taken), key=len, reverse=True)
    return " ".join([*names, *others][:limit])


def paragraphs_of(article: Article | None) -> list[tuple[int, str]]:
    """Numbered paragraphs of an article for its source page."""
    if article is None:
        return []
    return [(p.number, article.text[p.start : p.end]) for p in article.paragraphs]


def svg_of(ctx: SiteContext) -> str:
    """The matrix picture, counts only (links in it are to built .html pages: MkDocs does not rewrite SVG)."""
    rows = [
        (
            c.name,
            f"countries/{c.slug}.html",
            # counts only: a colour for "against" without its target would read as "against the topic"
            [(None, cell.count, cell.href.replace(".md#", ".html#")) if cell else None for cell in cells],
        )
        for c, cells in ctx.matrix
    ]
    return matrix_svg(f"{ctx.title}: statements by country and topic", [t.label for t in ctx.matrix_topics], rows)


@dataclass(frozen=True, slots=True)
class SourceMonth:
    """The articles of one month of publication (or the undated ones), for a page of the list of sources."""

    key: str  # "2025-02" or "undated": the page's file name
    label: str
    sources: tuple[Source, ...]
    quotes: int


_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def source_months(ctx: SiteContext) -> tuple[SourceMonth, ...]:
    """The articles by month of publication, newest month first, the undated ones last."""
    groups: dict[str, list[Source]] = defaultdict(list)
    for s in ctx.briefing.sources:
        found = _YEAR_MONTH.match(s.published or "")
        groups[found.group(0) if found and 1 <= int(found.group(2)) <= 12 else "undated"].append(s)
    order = sorted((k for k in groups if k != "undated"), reverse=True) + (["undated"] if "undated" in groups else [])
    return tuple(
        SourceMonth(
            key,
            "Undated" if key == "undated" else f"{_MONTHS[int(key[5:7]) - 1]} {key[:4]}",
            tuple(groups[key]),
            sum(len(ctx.quotes_by_source.get(s.id, ())) for s in groups[key]),
        )
        for key in order
    )


def render_pages(ctx: SiteContext, env: jinja2.Environment, memo: PageMemo | None = None) -> dict[str, str]:
    """Every page of the site as {relative path: Markdown}.

    With ``memo`` (the last build's record), actor and source pages whose inputs did not change are taken
    from the build folder instead of rendered again (``briefgen.pagememo``).
    """
    common: dict[str, Any] = {"site": ctx}
    pages: dict[str, str] = {}
    digests = page_digests(ctx, env, template_dirs(None)[-1]) if memo is not None else {}

    def memoised(page: str, render: Callable[[], str]) -> None:
        """The page from the last build when its inputs are unchanged, else rendered (and remembered)."""
        digest = digests.get(page)
        cached = memo.cached(page, digest) if memo is not None and digest is not None else None
        if cached is not None and memo is not None and not memo.verify:
            memo.reused += 1
            markdown = cached
        else:
            markdown = render()
            if cached is not None and cached != markdown:  # verify mode: a reused page must equal a fresh one
                raise AssertionError(
                    f"{page}: reused Markdown differs from a fresh render (pagememo inputs incomplete)"
                )
        pages[page] = markdown
        if memo is not None and digest is not None:
            memo.remember(page, digest, markdown)

    def actor_page(actor: Actor) -> str:
        quotes = ctx.quotes_by_actor.get(actor.id, ())
        return _render(env, "actor.md.j2", root="../", actor=actor, quotes=quotes, **common)

    def source_page(source: Source) -> str:
        article = ctx.articles.get(source.path)
        return _render(
            env,
            "source.md.j2",
            root="../",
            source=source,
            paragraphs=paragraphs_of(article),
            terms=search_terms(article, f"{source.title or ''} {source.outlet or ''}"),
            quotes=ctx.quotes_by_source.get(source.id, ()),
            **common,
        )

    pages["index.md"] = _render(env, "index.md.j2", root="", **common)
    pages["whats-new.md"] = _render(env, "whats_new.md.j2", root="", **common)
    pages["actors/index.md"] = _render(env, "actors_index.md.j2", root="../", **common)
    for actor in ctx.page_actors:
        memoised(f"actors/{actor.id}.md", functools.partial(actor_page, actor))
    pages["countries/index.md"] = _render(env, "countries_index.md.j2", root="../", **common)
    for country in ctx.countries:
        pages[f"countries/{country.slug}.md"] = _render(
            env, "country.md.j2", root="../", country=country, **common
        )
    pages["matrix.md"] = _render(env, "matrix.md.j2", root="", **common)
    pages["matrix.svg"] = svg_of(ctx)
    pages["topics/index.md"] = _render(env, "topics_index.md.j2", root="../", **common)
    for tv in ctx.topic_views:
        pages[f"topics/{tv.topic.id}.md"] = _render(env, "topic.md.j2", root="../", view=tv, **common)
    # A long list of sources is split by month, so a changed article re-renders one month's page.
    months = source_months(ctx) if len(ctx.briefing.sources) > ctx.limits.sources_page else ()
    pages["sources/index.md"] = _render(
        env, "sources_index.md.j2", root="../", months=months, rows=() if months else ctx.briefing.sources, **common
    )
    for month in months:
        pages[f"sources/months/{month.key}.md"] = _render(
            env, "sources_month.md.j2", root="../../", month=month, **common
        )
    for source in ctx.briefing.sources:
        memoised(f"sources/{source.slug}.md", functools.partial(source_page, source))
    return pages
