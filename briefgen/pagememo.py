"""Reuse the Markdown of actor and source pages whose inputs did not change since the last build.

Actor and source pages are most of a site (one per speaker, one per article) and each depends on a small,
known part of the briefing: its actor or article, their quotes, positions and sources. Their Markdown is
reused from ``build/docs/`` when a digest of exactly those inputs, of the templates and of the code that
renders them equals the one recorded for the file there (``build/.briefgen-pages.json``) and the file still
holds the recorded bytes. A project template that overrides a page's template (or the shared macros)
turns reuse off for those pages: it may read anything. ``BRIEFGEN_VERIFY_PAGES=1`` renders every page
anyway and fails on any difference (the tests run with it).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen import __version__

if TYPE_CHECKING:
    import jinja2

    from briefgen.render import SiteContext

MEMO_FILE = ".briefgen-pages.json"
FORMAT = 1
_TEMPLATES = {"actor": ("actor.md.j2", "_macros.md.j2"), "source": ("source.md.j2", "_macros.md.j2")}


def _sha(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _code_digest() -> str:
    """The source of the modules whose functions shape these pages (filters, context methods, records)."""
    import briefgen.corpus.language
    import briefgen.extract.display
    import briefgen.extract.stance
    import briefgen.extract.stance_words
    import briefgen.plural
    import briefgen.records
    import briefgen.render
    import briefgen.timeline

    modules = (
        briefgen.render, briefgen.records, briefgen.timeline, briefgen.plural, briefgen.extract.display,
        briefgen.extract.stance, briefgen.extract.stance_words, briefgen.corpus.language,
    )
    digest = hashlib.sha256()
    for module in modules:
        try:
            digest.update(Path(module.__file__ or "").read_bytes())
        except OSError:  # no source to read: never reuse (a fresh value on every build)
            digest.update(os.urandom(16))
    # the word lists those functions read (stance.py's function words, language names, ...)
    data = Path(briefgen.records.__file__ or "").parent / "data"
    for path in sorted(data.glob("*.yml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _template_digest(env: jinja2.Environment, names: tuple[str, ...], package_dir: str) -> str | None:
    """Digest of a page's templates, or None when a project template overrides one of them."""
    parts: list[str] = []
    assert env.loader is not None
    for name in names:
        source, filename, _ = env.loader.get_source(env, name)
        if filename is None or not os.path.abspath(filename).startswith(os.path.abspath(package_dir) + os.sep):
            return None
        parts.append(source)
    return _sha(parts)


@dataclass
class PageMemo:
    """What each reusable page of ``docs`` was rendered from: {page: (input digest, SHA-256 of its bytes)}."""

    docs: Path | None = None
    records: dict[str, tuple[str, str]] = field(default_factory=dict)
    verify: bool = False
    reused: int = 0
    fresh: dict[str, tuple[str, str]] = field(default_factory=dict)  # what this build's pages were made from
    on_disk: set[str] = field(default_factory=set)  # pages returned by ``cached``: docs/ holds exactly them

    @classmethod
    def load(cls, build: Path | None) -> PageMemo:
        """The memo of ``build`` (empty when missing, unreadable or of another format)."""
        verify = os.environ.get("BRIEFGEN_VERIFY_PAGES", "") not in ("", "0")
        if build is None:
            return cls(verify=verify)
        records: dict[str, tuple[str, str]] = {}
        try:
            data = json.loads((build / MEMO_FILE).read_text("utf-8"))
            if data.get("format") == FORMAT:
                records = {str(k): (str(v[0]), str(v[1])) for k, v in data["pages"].items()}
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            records = {}
        return cls(build / "docs", records, verify)

    def save(self, build: Path) -> None:
        """Record what the pages now in ``build/docs`` were rendered from (written through a temporary file)."""
        data = {"format": FORMAT, "pages": {k: list(v) for k, v in sorted(self.fresh.items())}}
        tmp = build / (MEMO_FILE + ".tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, build / MEMO_FILE)

    def cached(self, page: str, digest: str) -> str | None:
        """The Markdown of ``page`` from the last build when it was rendered from the same inputs."""
        record = self.records.get(page)
        if self.docs is None or record is None or record[0] != digest:
            return None
        try:
            data = (self.docs / page).read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != record[1]:
            return None  # changed or damaged by hand since: render it again
        self.on_disk.add(page)
        return data.decode("utf-8")

    def remember(self, page: str, digest: str, markdown: str) -> None:
        """Note what ``page`` was rendered from, for the next build."""
        self.fresh[page] = (digest, hashlib.sha256(markdown.encode("utf-8")).hexdigest())


def page_digests(ctx: SiteContext, env: jinja2.Environment, package_dir: str) -> dict[str, str]:
    """{page: digest of everything its template reads} for the actor and source pages (when not overridden)."""
    # a topic's description is printed by topic pages only, and a found topic's holds a corpus-wide count
    # ("in 6608 articles"): with it every page's digest changed whenever any article did (no reuse at 10k)
    topics = [(t.id, t.name, t.short, t.cues) for t in ctx.briefing.topics]
    common = [__version__, _code_digest(), repr(ctx.limits), repr(topics)]
    templates = {kind: _template_digest(env, names, package_dir) for kind, names in _TEMPLATES.items()}
    quotes = {q.id: repr(q) for q in ctx.briefing.quotes}
    sources = {s.id: repr(s) for s in ctx.briefing.sources}
    digests: dict[str, str] = {}
    if templates["actor"] is not None:
        for actor in ctx.page_actors:
            said = ctx.quotes_by_actor.get(actor.id, ())
            positions = ctx.positions_of(actor.id)
            parts = [*common, templates["actor"], "actor", repr(actor), repr(ctx.country_slug(actor))]
            parts += (quotes[q.id] for q in said)
            parts += (repr(p) for p in positions)
            parts += (quotes.get(e, e) for p in positions for e in p.evidence)
            parts += (sources.get(s, s) for s in sorted({q.source for q in said}))
            digests[f"actors/{actor.id}.md"] = _sha(parts)
    if templates["source"] is not None:
        for source in ctx.briefing.sources:
            article = ctx.articles.get(source.path)
            said = ctx.quotes_by_source.get(source.id, ())
            parts = [*common, templates["source"], "source", sources[source.id]]
            if article is not None:
                parts += (article.text, repr(article.paragraphs))
            for q in said:
                speaker = ctx.actors.get(q.speaker or "")
                parts += (quotes[q.id], repr(speaker.name if speaker else None))
            digests[f"sources/{source.slug}.md"] = _sha(parts)
    return digests
