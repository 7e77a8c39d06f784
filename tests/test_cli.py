"""The command line: exit codes, version, reports, bad input that never crashes."""

from __future__ import annotations

import json
from pathlib import Path

from briefgen import __version__
from tests.conftest import run_cli

ARTICLE = (
    "Ministers meet in Brussels\n\n"
    "“We will not accept a deal behind our backs,” said Foreign Minister Anna Berg.\n\n"
    "Berg added that talks must include everyone.\n"
)


def test_version_prints_package_version(tmp_path: Path) -> None:
    code, output = run_cli(["--version"], tmp_path)
    assert code == 0
    assert __version__ in output


def test_unknown_option_is_a_usage_error_with_exit_code_2(tmp_path: Path) -> None:
    code, _ = run_cli(["build", "--no-such-option"], tmp_path)
    assert code == 2


def test_extract_writes_briefing_json_for_any_folder_of_txt(tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, output = run_cli(["extract", "--content", str(corpus), "-o", str(tmp_path / "out.json")], tmp_path)
    assert code == 0, output
    data = json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert [s["path"] for s in data["sources"]] == ["a.txt"]
    assert any("deal behind our backs" in q["text"] for q in data["quotes"])


def test_build_with_content_and_site_dir_writes_site_and_briefing(tmp_path: Path) -> None:
    corpus = tmp_path / "x"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, output = run_cli(["build", "--content", str(corpus), "--site-dir", str(tmp_path / "y"), "-q"], tmp_path)
    assert code == 0, output
    assert (tmp_path / "y" / "index.html").is_file()
    assert (tmp_path / "y" / "briefing.json").is_file()


def test_undecodable_article_is_skipped_with_warning_and_strict_fails(tmp_path: Path) -> None:
    corpus = tmp_path / "content"
    corpus.mkdir()
    (corpus / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    code, output = run_cli(["extract", "-o", "out.json"], tmp_path)
    assert code == 0
    assert "empty.txt" in output
    code, output = run_cli(["extract", "-o", "out.json", "--strict"], tmp_path)
    assert code == 1
    assert "empty.txt" in output


def test_missing_content_folder_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    code, output = run_cli(["extract", "--content", "nope", "-o", "out.json"], tmp_path)
    assert code == 1
    assert "content folder not found" in output
    assert "Traceback" not in output


def test_malformed_settings_yaml_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config" / "briefgen.yml").write_text("title: ok\nsite_dir: [unclosed\n", encoding="utf-8")
    code, output = run_cli(["extract", "-o", "out.json"], tmp_path)
    assert code == 1
    assert "briefgen.yml:" in output
    assert "Traceback" not in output


def test_unknown_settings_key_suggests_the_closest_key(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config" / "briefgen.yml").write_text("titel: x\n", encoding="utf-8")
    code, output = run_cli(["extract", "-o", "out.json"], tmp_path)
    assert code == 1
    assert "did you mean 'title'" in output
