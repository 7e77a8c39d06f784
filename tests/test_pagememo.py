"""Actor and source pages keep last build's Markdown only when their inputs and templates are unchanged."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.pagememo import PageMemo
from briefgen.render import build_context, make_env, render_pages
from briefgen.site import write_build_dir
from tests.test_page_bounds import _briefing


def _build(build: Path, briefing: object, templates: Path | None = None) -> tuple[dict[str, str], PageMemo]:
    memo = PageMemo.load(build)
    pages = render_pages(build_context(briefing, "T"), make_env(templates), memo)  # type: ignore[arg-type]
    write_build_dir(build, pages, {"site_name": "T"})
    memo.save(build)
    return pages, memo


def test_unchanged_pages_are_kept_and_a_changed_quote_renders_its_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFGEN_VERIFY_PAGES", "0")
    briefing = _briefing((3, 2, 1))
    first, memo = _build(tmp_path, briefing)
    assert memo.reused == 0
    again, memo = _build(tmp_path, briefing)
    memoised = [p for p in again if p.startswith(("actors/", "sources/")) and not p.endswith("index.md")]
    assert memo.reused == len(memoised) and again == first
    # one quote of speaker 1 changes its words: its actor page and its source page are rendered again
    quotes = tuple(replace(q, text="A new remark on the levy") if q.id == "q-1-0" else q for q in briefing.quotes)
    changed, memo = _build(tmp_path, replace(briefing, quotes=quotes))
    assert memo.reused == len(memoised) - 2
    assert "A new remark on the levy" in changed["actors/speaker-1.md"]
    assert "A new remark on the levy" in changed["sources/a003.md"]
    assert changed == render_pages(build_context(replace(briefing, quotes=quotes), "T"), make_env(None))


def test_a_new_topic_description_keeps_actor_and_source_pages_and_a_new_topic_name_renders_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFGEN_VERIFY_PAGES", "0")
    briefing = _briefing((3, 2, 1))
    first, memo = _build(tmp_path, briefing)
    memoised = [p for p in first if p.startswith(("actors/", "sources/")) and not p.endswith("index.md")]
    # a found topic's description counts its articles: one more article changes it, not these pages
    described = replace(briefing, topics=(replace(briefing.topics[0], description="In 7 articles."),))
    again, memo = _build(tmp_path, described)
    assert memo.reused == len(memoised)
    assert "In 7 articles" in again["topics/levy.md"]  # the topic page itself is always rendered
    renamed = replace(briefing, topics=(replace(briefing.topics[0], name="Fuel duty"),))
    changed, memo = _build(tmp_path, renamed)
    assert memo.reused == 0
    assert changed == render_pages(build_context(renamed, "T"), make_env(None))


def test_a_project_override_of_the_actor_template_turns_reuse_off_for_actor_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFGEN_VERIFY_PAGES", "0")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "actor.md.j2").write_text("# {{ actor.name | md }}\n{{ site.title | md }}\n", "utf-8")
    briefing = _briefing((2, 1))
    _build(tmp_path / "build", briefing, templates)
    pages, memo = _build(tmp_path / "build", briefing, templates)
    assert memo.reused == len(briefing.sources)  # the source pages only
    assert pages["actors/speaker-0.md"].endswith("# Speaker A\nT\n")


def test_pages_read_back_and_checked_are_not_read_again_by_write_build_dir(tmp_path: Path) -> None:
    build = tmp_path / "build"
    pages = {"actors/a.md": "# A\n", "sources/s.md": "# S\n"}
    write_build_dir(build, pages, {"site_name": "x"})
    memo = PageMemo(build / "docs", {"actors/a.md": ("d", _sha256(b"# A\n")), "sources/s.md": ("d", "bad")})
    assert memo.cached("actors/a.md", "d") == "# A\n"
    assert memo.cached("sources/s.md", "d") is None  # its bytes differ from the record: not trusted
    assert memo.on_disk == {"actors/a.md"}
    (build / "docs" / "sources" / "s.md").write_text("defaced", encoding="utf-8")
    stats = write_build_dir(build, pages, {"site_name": "x"}, on_disk=memo.on_disk)
    assert (build / "docs" / "sources" / "s.md").read_text("utf-8") == "# S\n"  # not in on_disk: repaired
    assert stats.written == 1


def test_write_build_dir_replaces_a_symlink_instead_of_writing_through_it(tmp_path: Path) -> None:
    build = tmp_path / "build"
    write_build_dir(build, {"actors/a.md": "# A\n"}, {"site_name": "x"})
    outside = tmp_path / "outside.md"
    outside.write_text("keep", encoding="utf-8")
    link = build / "docs" / "actors" / "a.md"
    link.unlink()
    link.symlink_to(outside)
    write_build_dir(build, {"actors/a.md": "# A\n"}, {"site_name": "x"}, on_disk={"actors/a.md"})
    assert not link.is_symlink() and link.read_text("utf-8") == "# A\n"
    assert outside.read_text("utf-8") == "keep"


def test_write_build_dir_refuses_a_path_outside_docs(tmp_path: Path) -> None:
    from briefgen.errors import SiteError

    with pytest.raises(SiteError):
        write_build_dir(tmp_path / "build", {"../evil.md": "x"}, {"site_name": "x"})
    assert not (tmp_path / "build" / "evil.md").exists()


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()
