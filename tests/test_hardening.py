"""Hardening: one article never stops, stalls or poisons a build; nothing outside the site is touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.site import MARKER, SWAP_MARKER, publish, recover_site
from tests.conftest import run_cli


def _user_folder(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / "photo.jpg").write_bytes(b"the user's own file")
    return path


def test_only_swap_folders_briefgen_marked_are_removed(tmp_path: Path) -> None:
    site = tmp_path / "www"
    backups = [_user_folder(tmp_path / ".www.old-backup"), _user_folder(tmp_path / ".www.new-draft")]
    inner = _user_folder(tmp_path / ".www.old-2024" / "www")
    (inner / MARKER).write_text("")  # looks like a kept site, but briefgen did not make this folder
    (tmp_path / ".www.old-empty").mkdir()  # left by a kill right after mkdtemp: empty, so removable
    other_site = tmp_path / ".www.old-other"
    (other_site / "www").mkdir(parents=True)
    (other_site / SWAP_MARKER).write_text(f"{tmp_path / 'elsewhere' / 'www'}\n")  # another site's folder
    mine = tmp_path / ".www.new-abc"
    mine.mkdir()
    (mine / SWAP_MARKER).write_text(f"{site.resolve()}\n")
    assert not recover_site(site)
    assert all((b / "photo.jpg").read_bytes() == b"the user's own file" for b in backups)
    assert (inner / "photo.jpg").is_file() and not site.exists()
    assert other_site.is_dir() and not mine.exists() and not (tmp_path / ".www.old-empty").exists()


def test_publish_leaves_look_alike_folders_alone(tmp_path: Path) -> None:
    build = tmp_path / "build"
    (build / "docs").mkdir(parents=True)
    (build / "docs" / "index.md").write_text("# Hello\n")
    (build / "mkdocs.yml").write_text("site_name: T\ndocs_dir: docs\nuse_directory_urls: false\n")
    site = tmp_path / "sib" / "www"
    backup = _user_folder(tmp_path / "sib" / ".www.old-backup")
    for _ in range(2):  # the second build swaps an existing site
        publish(build, site, {"briefing.json": b"{}"}, strict=False)
    assert (site / "index.html").is_file() and (site / MARKER).is_file()
    assert (backup / "photo.jpg").is_file()
    assert sorted(p.name for p in site.parent.iterdir()) == [".www.old-backup", "www"]


def test_failed_extract_keeps_the_previous_output_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "a.txt").write_text('"We will stay," said Minister Anna Berg.\n', encoding="utf-8")
    out = tmp_path / "out.json"
    out.write_text('{"previous": true}', encoding="utf-8")

    def failing(briefing: object) -> str:
        raise ValueError("cannot encode")

    monkeypatch.setattr("briefgen.cli.briefing_json", failing)
    with pytest.raises(ValueError):
        run_cli(["extract", "--content", str(corpus), "-o", str(out)], tmp_path)
    assert out.read_text("utf-8") == '{"previous": true}'
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".tmp")] == []
    monkeypatch.undo()
    code, output = run_cli(["extract", "--content", str(corpus), "-o", str(out)], tmp_path)
    assert code == 0, output
    assert "Anna Berg" in out.read_text("utf-8") and out.stat().st_mode & 0o044  # readable like a normal file
