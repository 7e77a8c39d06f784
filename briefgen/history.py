"""Build history: keep earlier briefing.json files, compare builds by stable ids, and keep an Atom feed."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pickle
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from briefgen import __version__
from briefgen.cache import read_pickle
from briefgen.plural import plural
from briefgen.records import format_day

HISTORY = "history"
INDEX = f"{HISTORY}/index.json"
FEED_STATE = f"{HISTORY}/feed.json"
FEED = "feed.xml"
MAX_FEED_ENTRIES = 200
Data = Mapping[str, Any]


def build_id(briefing_json: str | bytes) -> str:
    """A short id derived from the briefing's content, so identical input gives the identical id."""
    data = briefing_json.encode("utf-8") if isinstance(briefing_json, str) else briefing_json
    return hashlib.sha256(data).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class Previous:
    """What the last build left in the site folder: its briefing, kept history and feed entries."""

    briefing: dict[str, Any] | None
    build: str | None
    kept: tuple[str, ...]
    files: dict[str, bytes]
    feed: tuple[dict[str, str], ...]
    warnings: tuple[str, ...] = ()
    raw: bytes | None = None  # the previous briefing.json as written (kept in history/ as it is)


def _load_json(path: Path, warnings: list[str]) -> Any:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        warnings.append(f"{path}: ignored unreadable history file ({exc})")
        return None


# what ``compare`` and ``newest_date`` read of the previous briefing: kept by a build (``save_comparable``) so
# that the next one need not parse the whole previous briefing.json
COMPARED = {
    "sources": ("id", "title", "path", "outlet", "published"),
    "actors": ("id", "name", "country"),
    "quotes": ("id", "text", "speaker", "source"),
    "positions": ("kind", "actor", "topic", "stance", "target", "evidence"),
}


def comparable(data: Data) -> dict[str, Any]:
    """The fields of a briefing that ``compare`` and ``newest_date`` read (the same shape, fewer fields)."""
    return {
        key: [{f: r[f] for f in fields if f in r} for r in data.get(key) or [] if isinstance(r, Mapping)]
        for key, fields in COMPARED.items()
    }


def save_comparable(path: Path, briefing_json: str, data: Data) -> None:
    """Keep what the next build compares of this briefing, tagged with the hash of its briefing.json."""
    digest = hashlib.sha256(briefing_json.encode("utf-8")).hexdigest()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("wb") as f:
        pickle.dump((digest, comparable(data)), f, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)


def _kept_comparable(path: Path | None, raw: bytes) -> dict[str, Any] | None:
    """The kept comparable fields of ``raw`` (the previous briefing.json), or None unless kept for exactly it."""
    if path is None:
        return None
    loaded = read_pickle(path)
    if not (isinstance(loaded, tuple) and len(loaded) == 2):
        return None
    digest, data = loaded
    if digest != hashlib.sha256(raw).hexdigest() or not isinstance(data, dict):
        return None
    return data


def read_previous(site: Path, compared: Path | None = None) -> Previous:
    """Read the previous build's briefing.json, history/ and feed state (before the site is replaced).

    With ``compared`` (a file of ``save_comparable``) written for that very briefing.json, its fields stand in for
    parsing the whole file."""
    warnings: list[str] = []
    raw: bytes | None = None
    data = None
    if (site / "briefing.json").is_file():
        try:
            raw = (site / "briefing.json").read_bytes()
            data = _kept_comparable(compared, raw)
            if data is None:
                data = json.loads(raw)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            warnings.append(f"{site / 'briefing.json'}: ignored unreadable history file ({exc})")
    briefing = data if isinstance(data, dict) and isinstance(data.get("quotes"), list) else None
    build = build_id(raw) if briefing is not None and raw is not None else None
    index = _load_json(site / INDEX, warnings) if (site / INDEX).is_file() else None
    kept = tuple(b for b in index if isinstance(b, str) and b.isalnum()) if isinstance(index, list) else ()
    files: dict[str, bytes] = {}
    for b in kept:
        path = site / HISTORY / f"{b}.json"
        if path.is_file():
            files[f"{HISTORY}/{b}.json"] = path.read_bytes()
    kept = tuple(b for b in kept if f"{HISTORY}/{b}.json" in files)
    feed = _load_json(site / FEED_STATE, warnings) if (site / FEED_STATE).is_file() else None
    entries = tuple(
        {k: str(v) for k, v in e.items()} for e in feed if isinstance(e, dict) and "id" in e
    ) if isinstance(feed, list) else ()
    return Previous(briefing, build, kept, files, entries, tuple(warnings), raw if briefing is not None else None)


@dataclass(frozen=True, slots=True)
class Item:
    """A source, actor or quote that appeared or disappeared, with what a reader needs to recognise it."""

    id: str
    label: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class PositionChange:
    """A position that is new, gone, or whose stance or evidence changed."""

    kind: str
    actor: str
    topic: str
    status: str  # new | changed | removed
    old_stance: str | None
    new_stance: str | None
    added: tuple[str, ...]
    removed: tuple[str, ...]
    old_target: str | None = None
    new_target: str | None = None

    @property
    def stance_changed(self) -> bool:
        """True when the stance or what it is for or against differs between the two builds."""
        return (self.old_stance, self.old_target) != (self.new_stance, self.new_target)


@dataclass(frozen=True, slots=True)
class Changes:
    """The comparison of two builds by stable ids."""

    since: str | None
    previous_build: str | None
    new_sources: tuple[Item, ...] = ()
    removed_sources: tuple[Item, ...] = ()
    new_actors: tuple[Item, ...] = ()
    removed_actors: tuple[Item, ...] = ()
    new_quotes: tuple[Item, ...] = ()
    removed_quotes: tuple[Item, ...] = ()
    positions: tuple[PositionChange, ...] = ()

    @property
    def changed_positions(self) -> tuple[PositionChange, ...]:
        """Positions that existed before and whose stance or evidence changed."""
        return tuple(p for p in self.positions if p.status == "changed")

    @property
    def empty(self) -> bool:
        """True when nothing was added, removed or changed."""
        return not (self.new_sources or self.removed_sources or self.new_actors or self.removed_actors
                    or self.new_quotes or self.removed_quotes or self.positions)

    def headline(self) -> str:
        """One line: '2 new articles, 3 new actors, 1 changed position since 13 Feb 2025'."""
        parts = [
            _count(len(self.new_sources), "new article"),
            _count(len(self.removed_sources), "removed article"),
            _count(len(self.new_actors), "new actor"),
            _count(len(self.removed_actors), "removed actor"),
            _count(len(self.new_quotes), "new quote or statement", "new quotes and statements"),
            _count(len(self.removed_quotes), "removed quote", "removed quotes"),
            _count(len(self.changed_positions), "changed position"),
        ]
        text = ", ".join(p for p in parts if p) or "No changes"
        return f"{text} since {format_day(self.since)}" if self.since else f"{text} since the previous build"


def _count(n: int, singular: str, many: str | None = None) -> str:
    return plural(n, singular, many) if n else ""


def newest_date(briefing: Data) -> str | None:
    """The newest publication date in a briefing, the 'as of' date of that build."""
    dates = sorted(str(s["published"])[:10] for s in briefing.get("sources", []) if s.get("published"))
    return dates[-1] if dates else None


def _by_id(items: Any) -> dict[str, Mapping[str, Any]]:
    return {str(i["id"]): i for i in items or [] if isinstance(i, Mapping) and "id" in i}


def _position_key(p: Mapping[str, Any]) -> tuple[str, str, str]:
    return (str(p.get("kind") or "actor"), str(p.get("actor")), str(p.get("topic")))


def _stance_label(position: Mapping[str, Any] | None) -> tuple[str | None, str | None]:
    """(stance, target) of a position from briefing.json; (None, None) unless both are there."""
    if not position or not position.get("stance") or not position.get("target"):
        return None, None
    return str(position["stance"]), str(position["target"])


def compare(old: Data, new: Data) -> Changes:
    """What changed between two briefing.json documents, by stable ids."""
    old_s, new_s = _by_id(old.get("sources")), _by_id(new.get("sources"))
    old_a, new_a = _by_id(old.get("actors")), _by_id(new.get("actors"))
    old_q, new_q = _by_id(old.get("quotes")), _by_id(new.get("quotes"))
    names = {**{k: str(v.get("name")) for k, v in old_a.items()}, **{k: str(v.get("name")) for k, v in new_a.items()}}
    titles = {k: str(v.get("title") or v.get("path")) for k, v in (old_s | new_s).items()}

    def source_item(s: Mapping[str, Any]) -> Item:
        return Item(str(s["id"]), str(s.get("title") or s.get("path")), str(s.get("outlet") or ""))

    def actor_item(a: Mapping[str, Any]) -> Item:
        return Item(str(a["id"]), str(a.get("name")), str(a.get("country") or ""))

    def quote_item(q: Mapping[str, Any]) -> Item:
        speaker = names.get(str(q.get("speaker")), "unattributed") if q.get("speaker") else "unattributed"
        return Item(str(q["id"]), str(q.get("text")), f"{speaker} · {titles.get(str(q.get('source')), '')}")

    old_p = {_position_key(p): p for p in old.get("positions") or []}
    new_p = {_position_key(p): p for p in new.get("positions") or []}
    positions: list[PositionChange] = []
    for key in sorted(old_p.keys() | new_p.keys()):
        before, after = old_p.get(key), new_p.get(key)
        old_ev = tuple(before.get("evidence") or ()) if before else ()
        new_ev = tuple(after.get("evidence") or ()) if after else ()
        # a stance is a claim only with its target: a targetless one (from briefgen before 0.2) is no marker
        old_stance, old_target = _stance_label(before)
        new_stance, new_target = _stance_label(after)
        if before and after and (old_stance, old_target) == (new_stance, new_target) and set(old_ev) == set(new_ev):
            continue
        status = "changed" if before and after else "new" if after else "removed"
        positions.append(
            PositionChange(
                *key, status, old_stance, new_stance,
                tuple(e for e in new_ev if e not in old_ev), tuple(e for e in old_ev if e not in new_ev),
                old_target, new_target,
            )
        )
    return Changes(
        since=newest_date(old),
        previous_build=None,
        new_sources=tuple(source_item(new_s[k]) for k in sorted(new_s.keys() - old_s.keys())),
        removed_sources=tuple(source_item(old_s[k]) for k in sorted(old_s.keys() - new_s.keys())),
        new_actors=tuple(actor_item(new_a[k]) for k in sorted(new_a.keys() - old_a.keys())),
        removed_actors=tuple(actor_item(old_a[k]) for k in sorted(old_a.keys() - new_a.keys())),
        new_quotes=tuple(quote_item(q) for k, q in new_q.items() if k not in old_q),
        removed_quotes=tuple(quote_item(q) for k, q in old_q.items() if k not in new_q),
        positions=tuple(positions),
    )


def keep_history(previous: Previous, current: str, keep: int) -> tuple[tuple[str, ...], dict[str, bytes]]:
    """The build ids kept in history/ (newest first) and their files, including the previous briefing."""
    ids = list(previous.kept)
    files = dict(previous.files)
    if previous.briefing is not None and previous.build and previous.build != current:
        ids = [previous.build, *[b for b in ids if b != previous.build]]
        files[f"{HISTORY}/{previous.build}.json"] = previous.raw if previous.raw is not None else (
            json.dumps(previous.briefing, ensure_ascii=False, indent=2) + "\n"
        ).encode("utf-8")
    ids = [b for b in ids if b != current][:keep]
    return tuple(ids), {f"{HISTORY}/{b}.json": files[f"{HISTORY}/{b}.json"] for b in ids}


def feed_entries(
    changes: Changes | None,
    briefing: Data,
    previous: Sequence[Mapping[str, str]],
    feed_id: str,
    build: str,
    links: Mapping[str, str],
    as_of: str = "",
) -> list[dict[str, str]]:
    """Feed entries: one per new quote or statement (the first build: its key positions), newest first.

    An entry is dated by its source's publication date, else ``as_of`` (kept, so it does not move later).
    """
    entries = [dict(e) for e in previous]
    if changes is not None and changes.empty:
        return entries
    quotes = _by_id(briefing.get("quotes"))
    sources = _by_id(briefing.get("sources"))
    actors = _by_id(briefing.get("actors"))
    topics = {str(t["id"]): str(t["name"]) for t in briefing.get("topics") or [] if "id" in t}
    if changes is None:  # first build: the representative quote of every actor position
        wanted = [
            qid for p in briefing.get("positions") or [] if p.get("kind", "actor") == "actor"
            for qid in p.get("evidence") or [] if quotes.get(qid, {}).get("text") == p.get("summary")
        ]
    else:
        wanted = [i.id for i in changes.new_quotes]
    known = {e["id"] for e in entries}
    fresh: list[dict[str, str]] = []
    for qid in dict.fromkeys(wanted):
        q = quotes.get(qid)
        if q is None or f"{feed_id}:quote:{qid}" in known:
            continue
        src = sources.get(str(q.get("source")), {})
        actor = actors.get(str(q.get("speaker")), {})
        who = str(actor.get("name") or "Unattributed")
        if actor.get("country") and actor.get("country") != who:
            who += f" ({actor['country']})"
        on = ", ".join(topics.get(t, t) for t in q.get("topics") or [])
        stance = f"{q['stance']} {q['target']}" if q.get("stance") and q.get("target") else ""
        fresh.append({
            "id": f"{feed_id}:quote:{qid}",
            "title": who + (f" on {on}" if on else "") + (f": {stance}" if stance else ""),
            "summary": str(q.get("text") or ""),
            "link": links.get(qid, ""),
            "source": str(src.get("title") or src.get("path") or ""),
            "updated": str(src.get("published") or "")[:10] or as_of,
            "build": build,
        })
    return (fresh + entries)[:MAX_FEED_ENTRIES]


# XML 1.0 allows tab, newline, carriage return and U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF only.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: object) -> str:
    """Text with the characters XML cannot hold (C0 controls, U+FFFE, U+FFFF, lone surrogates) dropped."""
    return _XML_INVALID.sub("", str(value or ""))


def build_day() -> str:
    """The day of this build (UTC), or of SOURCE_DATE_EPOCH when it is set: the date of undated feed entries."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    return dt.datetime.now(dt.UTC).date().isoformat()


def _atom_date(day: str, fallback: str) -> dt.datetime:
    for value in (day, fallback):
        try:
            d = dt.date.fromisoformat(value[:10])
        except (ValueError, TypeError):
            continue
        return dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC)
    return _atom_date(build_day(), "")


def atom_feed(title: str, feed_id: str, entries: Sequence[Mapping[str, str]], site_url: str | None, as_of: str) -> str:
    """A valid Atom 1.0 document written by feedgen; links resolved against site_url when it is set.

    An entry is dated by its source's publication date, else by ``as_of`` (the corpus's newest date or the
    build day); characters XML cannot hold are dropped from every text.
    """
    from feedgen.feed import FeedGenerator

    base = site_url.rstrip("/") + "/" if site_url else ""

    def link(rel: str) -> str:
        return xml_text(urljoin(base, rel) if base else rel)

    fg = FeedGenerator()
    fg.id(xml_text(feed_id))
    fg.title(xml_text(title) or "briefing")
    fg.author({"name": "briefgen"})
    fg.link(href=link("whats-new.html"), rel="alternate")
    fg.link(href=link(FEED), rel="self")
    fg.generator("briefgen", version=__version__)
    dates = [_atom_date(e.get("updated", ""), as_of) for e in entries]
    fg.updated(max(dates, default=_atom_date(as_of, "")))
    for e, when in zip(entries, dates, strict=True):
        fe = fg.add_entry(order="append")
        fe.id(xml_text(e["id"]))
        fe.title(xml_text(e.get("title", "")) or "statement")
        fe.updated(when)
        fe.link(href=link(e.get("link") or "whats-new.html"), rel="alternate")  # Atom needs one per entry
        summary = e.get("summary", "") + (f" ({e['source']})" if e.get("source") else "")
        fe.summary(xml_text(summary))
    xml: bytes = fg.atom_str(pretty=True, encoding="utf-8")
    return xml.decode("utf-8")


def history_files(
    previous: Previous,
    briefing_json: str,
    title: str,
    site_url: str | None,
    keep: int,
    links: Mapping[str, str],
    data: Data | None = None,
) -> tuple[Changes | None, dict[str, bytes]]:
    """Compare with the previous build and produce history/, the feed state and feed.xml for this build.

    ``links`` maps a quote id to its evidence page, relative to the site root (``sources/x.html#p3``);
    ``data`` is ``briefing_json`` as plain data when the caller has it (saves parsing it again).
    """
    current = build_id(briefing_json)
    new = json.loads(briefing_json) if data is None else data
    changes: Changes | None = None
    if previous.briefing is not None:
        changes = replace(compare(previous.briefing, new), previous_build=previous.build)
    kept, files = keep_history(previous, current, keep)
    feed_id = "urn:briefgen:" + hashlib.sha256(title.encode("utf-8")).hexdigest()[:12]
    entries = feed_entries(changes, new, previous.feed, feed_id, current, links, newest_date(new) or build_day())
    as_of = newest_date(new) or build_day()
    files[INDEX] = (json.dumps(list(kept), indent=2) + "\n").encode("utf-8")
    files[FEED_STATE] = (json.dumps(entries, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    files[FEED] = atom_feed(title, feed_id, entries, site_url, as_of).encode("utf-8")
    return changes, files
