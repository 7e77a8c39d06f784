"""`briefgen check`: settings, rules and corpus validated without building; every problem at once."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefgen.check import check
from tests.conftest import SAMPLE, run_cli


def test_check_on_sample_lists_articles_and_builds_nothing(sample_project: Path) -> None:
    code, output = run_cli(["check"], sample_project)
    assert code == 0, output
    for path in SAMPLE.glob("*.txt"):
        assert path.name in output
    assert "5 articles, 0 skipped" in output
    assert not (sample_project / "site").exists()
    assert not (sample_project / "build").exists()


def test_show_removed_lists_each_dropped_line_with_its_rule(sample_project: Path) -> None:
    code, output = run_cli(["check", "--show-removed"], sample_project)
    assert code == 0, output
    assert "removed line 16 [read-more-link]: READ SOME MORE" in output
    assert "[donation-appeal]: A Message from The Moscow Times:" in output
    assert "[source-line]: Source: https://www.dw.com/" in output
    code, quiet = run_cli(["check"], sample_project)
    assert "READ SOME MORE" not in quiet


def test_all_problems_reported_at_once_with_file_line_and_fix(project: Path) -> None:
    (project / "site_config").mkdir()
    (project / "site_config" / "briefgen.yml").write_text("title: X\nmax_artcle_bytes: 10\n", "utf-8")
    content = project / "content"
    (content / "ok.txt").write_text("Talks resume\n\nThe minister said the talks would resume on Monday.\n", "utf-8")
    (content / "empty.txt").write_bytes(b"")
    (content / "open.md").write_text("---\ntitle: x\n", "utf-8")
    (content / "feed.jsonl").write_text('{"text": "The envoy said little would change."}\n{oops\n', "utf-8")
    code, output = run_cli(["check"], project)
    assert code == 1  # invalid settings are an error, even without --strict
    assert "briefgen.yml:2" in output and "max_artcle_bytes" in output and "max_article_bytes" in output
    assert "empty.txt: skipped: empty file" in output
    assert "open.md:1: skipped:" in output and "add a '---' line" in output
    assert "feed.jsonl:2: skipped: not valid JSON" in output
    assert "ok.txt: Talks resume" in output and "feed.jsonl:1" in output


def test_check_strict_exits_1_on_warnings_only(project: Path) -> None:
    (project / "content" / "a.txt").write_text("Talks resume\n\nThe minister said the talks would resume.\n", "utf-8")
    (project / "content" / "b.txt").write_bytes(b"")
    assert run_cli(["check"], project)[0] == 0
    assert run_cli(["check", "--strict"], project)[0] == 1


def test_invalid_project_boilerplate_regex_is_reported_with_file_and_line(project: Path) -> None:
    (project / "site_config").mkdir()
    (project / "site_config" / "boilerplate.yml").write_text(
        "patterns:\n  fine: 'Subscribe now'\n  broken: '(unclosed'\n", "utf-8"
    )
    (project / "content" / "a.txt").write_text("Talks resume\n\nThe minister said the talks would resume.\n", "utf-8")
    report = check(project_dir=project)
    [problem] = report.problems
    assert problem.error and problem.where.endswith("boilerplate.yml:3") and "broken" in problem.what
    assert [a.path for a in report.articles] == ["a.txt"]  # the corpus is still checked


def test_missing_content_folder_is_an_error(tmp_path: Path) -> None:
    code, output = run_cli(["check", "--content", "nowhere"], tmp_path)
    assert code == 1
    assert "content folder not found" in output


def test_check_reports_near_duplicates_from_two_outlets(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE, tmp_path / "content")
    story = (SAMPLE / "004_3cf22583a51e9ceb.txt").read_text("utf-8")
    (tmp_path / "content" / "wire_copy.txt").write_text(story.replace("BRUSSELS —", "BRUSSELS (AP) —"), "utf-8")
    code, output = run_cli(["check"], tmp_path)
    assert code == 0
    assert "near-duplicate of wire_copy.txt" in output


def test_analyse_lists_a_quote_nobody_is_named_for(project: Path) -> None:
    (project / "content" / "a.txt").write_text(
        "Talks resume\n\nThe meeting ended late on Thursday in Brussels.\n\n“This is a bad deal for everyone.”\n",
        "utf-8",
    )
    code, output = run_cli(["check", "--analyse"], project)
    assert code == 0, output
    assert "a.txt ¶2: unattributed" in output and "This is a bad deal for everyone." in output
    assert "unattributed" not in run_cli(["check"], project)[1]
