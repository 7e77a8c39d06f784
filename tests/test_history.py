"""Build history: What's new, the Atom feed, timelines and `briefgen diff` across rebuilds."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import feedparser
import pytest
from click.testing import CliRunner

from briefgen.build import build
from briefgen.cli import main
from briefgen.config import load_settings
from briefgen.history import atom_feed, build_id, compare, history_files, keep_history, read_previous
from briefgen.records import Quote, Source
from briefgen.timeline import timeline
from tests.conftest import REPO, copy_sample
from tests.linkcheck import broken_links

NEW_ARTICLE = """Ruritania asks for a seat at the peace talks

Ruritanian foreign minister Jana Novakova said on Friday that her country must take part in any negotiations.
"We demand a seat at the table in any peace talks about Ukraine," Novakova said in Strelsau.
"No deal about European security can be made without Europe," said Novakova.
"""


@dataclass
class Snapshot:
    """What one build left behind."""

    briefing: dict[str, Any]
    whats_new: str
    feed: bytes
    site: Path


def _snap(root: Path) -> Snapshot:
    site = root / "site"
    return Snapshot(
        json.loads((site / "briefing.json").read_text("utf-8")),
        (root / "build" / "docs" / "whats-new.md").read_text("utf-8"),
        (site / "feed.xml").read_bytes(),
        site,
    )


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Snapshot]:
    root = copy_sample(tmp_path_factory.mktemp("history"))
    settings = load_settings(project_dir=root)
    out: dict[str, Snapshot] = {}
    build(settings)
    out["first"] = _snap(root)
    build(settings)
    out["same"] = _snap(root)
    (root / "content" / "zz_ruritania.txt").write_text(NEW_ARTICLE, "utf-8")
    build(settings)
    out["added"] = _snap(root)
    shutil.copy(root / "site" / "briefing.json", root / "with-article.json")
    (root / "content" / "zz_ruritania.txt").unlink()
    build(settings)
    out["removed"] = _snap(root)
    return out


def _section(page: str, heading: str) -> str:
    if f"## {heading}" not in page:
        return ""
    return page.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]


def _new_article(b: Snapshot) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    source = next(s for s in b.briefing["sources"] if s["path"].endswith("zz_ruritania.txt"))
    return source, [q for q in b.briefing["quotes"] if q["source"] == source["id"]]


def test_first_build_says_there_is_nothing_to_compare(builds: dict[str, Snapshot]) -> None:
    assert "nothing to compare yet" in builds["first"].whats_new


def test_feed_is_valid_atom_with_stable_ids(builds: dict[str, Snapshot]) -> None:
    for snap in builds.values():
        feed = feedparser.parse(snap.feed)
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.version == "atom10"
        assert all(e.id for e in feed.entries)


def test_no_change_rebuild_says_no_changes_and_keeps_the_feed(builds: dict[str, Snapshot]) -> None:
    assert "No changes" in builds["same"].whats_new
    assert builds["same"].feed == builds["first"].feed


def test_new_article_shows_exactly_its_quotes_and_actors(builds: dict[str, Snapshot]) -> None:
    before, after = builds["same"], builds["added"]
    _, quotes = _new_article(after)
    assert quotes, "the extractor found no quote in the new article"
    old_ids = {q["id"] for q in before.briefing["quotes"]}
    assert {q["id"] for q in after.briefing["quotes"]} - old_ids == {q["id"] for q in quotes}
    page = after.whats_new
    assert page.count("new article") == 0 or "1 new article" in page
    section = _section(page, "New quotes and statements")
    cited = [line for line in section.splitlines() if line.startswith("- ")]
    assert len(cited) == len(quotes)
    # the source page's slug comes from the article's title (inferred from its headline) or its file name
    linked = {slug for line in cited for slug in re.findall(r"\(sources/([\w-]+)", line)}
    assert len(linked) == 1 and "ruritania" in linked.pop()
    new_actors = {a["name"] for a in after.briefing["actors"]} - {a["name"] for a in before.briefing["actors"]}
    assert all(name in NEW_ARTICLE for name in new_actors)
    assert "Removed since" not in page


def test_feed_gains_exactly_the_new_quotes(builds: dict[str, Snapshot]) -> None:
    before = {e.id for e in feedparser.parse(builds["same"].feed).entries}
    after = feedparser.parse(builds["added"].feed).entries
    added = [e for e in after if e.id not in before]
    _, quotes = _new_article(builds["added"])
    assert sorted(e.id.rsplit(":", 1)[1] for e in added) == sorted(q["id"] for q in quotes)
    assert {e.id for e in after} >= before


def test_removed_article_shows_its_quotes_as_removed(builds: dict[str, Snapshot]) -> None:
    _, quotes = _new_article(builds["added"])
    removed = _section(builds["removed"].whats_new, "Removed since the previous build")
    assert removed.count("Quote removed") == len(quotes)
    assert "Article removed" in removed


def test_previous_builds_are_kept_in_history(builds: dict[str, Snapshot]) -> None:
    previous = read_previous(builds["removed"].site)
    with_article = (builds["removed"].site.parent / "with-article.json").read_bytes()
    assert build_id(with_article) in previous.kept
    assert previous.files[f"history/{build_id(with_article)}.json"]
    assert previous.build not in previous.kept  # the current build is site/briefing.json, not a copy


def test_built_site_with_history_has_no_broken_links(builds: dict[str, Snapshot]) -> None:
    assert broken_links(builds["removed"].site) == []


def test_keep_history_trims_to_the_configured_number() -> None:
    from briefgen.history import Previous

    files = {"history/bbbb.json": b"{}", "history/cccc.json": b"{}"}
    prev = Previous({"quotes": []}, "aaaa", ("bbbb", "cccc"), files, ())
    kept, files = keep_history(prev, "dddd", 2)
    assert kept == ("aaaa", "bbbb") and set(files) == {"history/aaaa.json", "history/bbbb.json"}


def _doc(quotes: list[dict[str, Any]], positions: list[dict[str, Any]]) -> dict[str, Any]:
    return {"sources": [{"id": "s-1", "title": "T", "published": "2025-02-13"}], "actors": [],
            "quotes": quotes, "positions": positions}


def test_compare_flags_a_stance_change_and_new_evidence() -> None:
    q1 = {"id": "q-1", "text": "a", "source": "s-1", "speaker": None}
    q2 = {"id": "q-2", "text": "b", "source": "s-1", "speaker": None}
    old = _doc([q1], [{"actor": "x", "topic": "t", "stance": "for", "target": "the levy", "evidence": ["q-1"]}])
    new = _doc([q1, q2], [{"actor": "x", "topic": "t", "stance": "against", "target": "the levy",
                           "evidence": ["q-1", "q-2"]}])
    changes = compare(old, new)
    (p,) = changes.changed_positions
    assert (p.old_stance, p.new_stance, p.new_target, p.added) == ("for", "against", "the levy", ("q-2",))
    assert p.stance_changed
    assert "1 changed position" in changes.headline() and "13 Feb 2025" in changes.headline()
    assert compare(new, new).empty


def test_diff_command_prints_a_table(tmp_path: Path) -> None:
    old = _doc([], [])
    new = _doc([{"id": "q-9", "text": "We demand talks", "source": "s-1", "speaker": None}], [])
    (tmp_path / "a.json").write_text(json.dumps(old), "utf-8")
    (tmp_path / "b.json").write_text(json.dumps(new), "utf-8")
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "a.json"), str(tmp_path / "b.json")])
    assert result.exit_code == 0, result.output
    assert "1 new quote" in result.output and "q-9" in result.output
    bad = CliRunner().invoke(main, ["diff", str(tmp_path / "a.json"), str(REPO / "README.md")])
    assert bad.exit_code == 2


def test_feed_links_resolve_against_site_url() -> None:
    entry = {"id": "urn:x:1", "title": "t", "link": "sources/a.html#p2", "summary": "s", "updated": "2025-02-13"}
    xml = atom_feed("T", "urn:x", [entry], "https://example.org/brief", "2025-02-13")
    feed = feedparser.parse(xml)
    assert not feed.bozo
    assert feed.entries[0].link == "https://example.org/brief/sources/a.html#p2"


def _q(qid: str, source: str, stance: str | None, target: str = "the harbour plan") -> Quote:
    return Quote(qid, "words", "ann", source, 1, 0, 5, "said", "direct", ("peace-negotiations",), (), stance, target)


def test_timeline_orders_by_date_and_flags_a_stance_change_between_dates() -> None:
    sources = {
        "s-1": Source("s-1", "a.txt", "a", None, None, None, "2025-02-12", 1),
        "s-2": Source("s-2", "b.txt", "b", None, None, None, "2025-02-14", 1, date_from_file=True),
        "s-3": Source("s-3", "c.txt", "c", None, None, None, None, 1),
    }
    moments = timeline([_q("q-3", "s-3", "against"), _q("q-2", "s-2", "against"), _q("q-1", "s-1", "for")],
                       sources)
    assert [m.quote.id for m in moments] == ["q-1", "q-2", "q-3"]
    assert moments[1].shifts == (("peace-negotiations", "for", "against"),)
    assert moments[1].file_date and moments[2].date is None and moments[2].shifts == ()


def test_same_day_statements_are_not_flagged_as_a_change() -> None:
    sources = {"s-1": Source("s-1", "a.txt", "a", None, None, None, "2025-02-12", 1)}
    moments = timeline([_q("q-1", "s-1", "for"), _q("q-2", "s-1", "against")], sources)
    assert all(m.shifts == () for m in moments)


def test_stances_on_different_targets_are_not_a_change_of_mind() -> None:
    sources = {
        "s-1": Source("s-1", "a.txt", "a", None, None, None, "2025-02-12", 1),
        "s-2": Source("s-2", "b.txt", "b", None, None, None, "2025-02-14", 1),
    }
    moments = timeline([_q("q-1", "s-1", "for", "the harbour plan"), _q("q-2", "s-2", "against", "the bus fares")],
                       sources)
    assert all(m.shifts == () for m in moments)


def test_feed_drops_characters_xml_cannot_hold() -> None:
    entry = {"id": "urn:x:1", "title": "Envoy\ufffe on talks\x01", "link": "sources/a.html#p2",
             "summary": "We want\uffff peace", "updated": "2025-02-13"}
    feed = feedparser.parse(atom_feed("Brief\ufffe", "urn:x", [entry], None, "2025-02-13"))
    assert not feed.bozo, feed.bozo_exception
    assert (feed.feed.title, feed.entries[0].title) == ("Brief", "Envoy on talks")
    assert feed.entries[0].summary == "We want peace"


def test_feed_entry_is_dated_by_its_source_else_the_feed_date() -> None:
    dated = {"id": "urn:x:1", "title": "a", "summary": "s", "updated": "2025-02-11"}
    undated = {"id": "urn:x:2", "title": "b", "summary": "s", "updated": ""}
    feed = feedparser.parse(atom_feed("T", "urn:x", [dated, undated], None, "2025-02-13"))
    assert [e.updated[:10] for e in feed.entries] == ["2025-02-11", "2025-02-13"]
    assert feed.feed.updated[:10] == "2025-02-13"


def test_feed_of_an_undated_corpus_uses_the_build_date_never_1980(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1739404800")  # 2025-02-13
    briefing = _doc([{"id": "q-1", "text": "We demand talks", "source": "s-1", "speaker": None}], [])
    briefing["sources"][0]["published"] = None
    briefing["positions"] = [{"actor": "a", "topic": "t", "summary": "We demand talks", "evidence": ["q-1"]}]
    previous = read_previous(tmp_path)
    _, files = history_files(previous, json.dumps(briefing), "T", None, 5, {"q-1": "sources/a.html#p1"})
    feed = feedparser.parse(files["feed.xml"])
    assert not feed.bozo
    assert [e.updated[:10] for e in feed.entries] == ["2025-02-13"]
    assert "1980" not in files["feed.xml"].decode()


def test_a_stance_without_target_from_an_older_build_is_not_a_change_of_stance() -> None:
    q1 = {"id": "q-1", "text": "a", "source": "s-1", "speaker": None}
    old = _doc([q1], [{"actor": "x", "topic": "t", "stance": "opposes", "evidence": ["q-1"]}])
    new = _doc([q1], [{"actor": "x", "topic": "t", "stance": None, "target": None, "evidence": ["q-1"]}])
    assert compare(old, new).empty


def test_previous_briefing_is_kept_in_history_byte_for_byte(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    raw = b'{"quotes": [],\n "sources": []}\n'  # not briefgen's own layout: kept as it was written
    (site / "briefing.json").write_bytes(raw)
    previous = read_previous(site)
    assert previous.build == build_id(raw)
    kept, files = keep_history(previous, "dddd", 3)
    assert kept == (previous.build,)
    assert files[f"history/{previous.build}.json"] == raw
