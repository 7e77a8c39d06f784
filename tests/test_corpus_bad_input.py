"""Bad input never crashes a read: it is skipped (or flagged) with a reason naming the file and line."""

from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.cli import main
from briefgen.config import load_settings
from briefgen.corpus import CorpusResult, read_corpus

GOOD = (
    "Ministers meet in Brussels\n\n"
    "“We will not accept a deal behind our backs,” said Foreign Minister Anna Berg on Thursday.\n\n"
    "Berg added that any talks must include Ukraine and the European Union.\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


def read(project: Path, **overrides: object) -> CorpusResult:
    return read_corpus(load_settings(project_dir=project, **overrides))


def with_good(project: Path) -> Path:
    """Add one good article, so each test also shows that the rest of the corpus is still read."""
    (project / "content" / "good.txt").write_text(GOOD, encoding="utf-8")
    return project


def only_skip(result: CorpusResult, name: str) -> str:
    assert [a.path for a in result.articles] == ["good.txt"]
    [skipped] = [s for s in result.skipped if s.path == name]
    return skipped.reason


def test_empty_file_is_skipped_as_empty(project: Path) -> None:
    (with_good(project) / "content" / "empty.txt").write_bytes(b"")
    assert "empty" in only_skip(read(project), "empty.txt")


def test_whitespace_only_file_is_skipped(project: Path) -> None:
    (with_good(project) / "content" / "blank.md").write_bytes(b" \n\t\n\r\n  ")
    assert "whitespace" in only_skip(read(project), "blank.md")


def test_png_renamed_txt_is_skipped_as_binary(project: Path) -> None:
    (with_good(project) / "content" / "photo.txt").write_bytes(PNG)
    assert "PNG" in only_skip(read(project), "photo.txt")


def test_invalid_utf8_bytes_are_read_with_a_warning(project: Path) -> None:
    raw = "Le ministre a déclaré que la paix était nécessaire.\n".encode() + b"Bad byte \xff here.\n"
    (project / "content" / "mixed.txt").write_bytes(raw)
    [article] = read(project).articles
    assert "déclaré" in article.text and "Bad byte" in article.text
    bad = raw.index(b"\xff")
    assert article.warnings == (f"invalid UTF-8 at line 2 (byte {bad}); stray bytes read as Windows-1252",)


def test_utf16_with_bom_is_decoded(project: Path) -> None:
    (project / "content" / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"))
    [article] = read(project).articles
    assert "“We will not accept a deal behind our backs,”" in article.text
    assert article.title == "Ministers meet in Brussels"


def test_utf8_bom_is_dropped(project: Path) -> None:
    (project / "content" / "bom.txt").write_bytes(codecs.BOM_UTF8 + GOOD.encode())
    [article] = read(project).articles
    assert article.title == "Ministers meet in Brussels"
    assert "\ufeff" not in article.text


def test_windows_1252_is_detected_and_quotes_kept(project: Path) -> None:
    text = "The minister’s café visit — “a naïve gesture,” critics said of the señor’s plan in Zürich.\n" * 3
    (project / "content" / "legacy.txt").write_bytes(text.encode("cp1252"))
    [article] = read(project).articles
    assert "“a naïve gesture,”" in article.text and "Zürich" in article.text
    assert any("cp1252" in w for w in article.warnings)


def test_unclosed_front_matter_is_skipped_naming_line_1(project: Path) -> None:
    (with_good(project) / "content" / "open.md").write_text("---\ntitle: Open\n\nBody text here.\n", "utf-8")
    result = read(project)
    assert "never closed" in only_skip(result, "open.md")
    assert next(s for s in result.skipped if s.path == "open.md").line == 1


def test_invalid_yaml_front_matter_warns_with_line_and_keeps_body(project: Path) -> None:
    page = "---\ntitle: Fine\nurl: [unclosed\n---\n\nThe minister said the talks would resume on Monday.\n"
    (project / "content" / "bad.md").write_text(page, "utf-8")
    [article] = read(project).articles
    assert article.text == "The minister said the talks would resume on Monday."
    assert article.title is None
    [warning] = article.warnings
    assert "invalid YAML" in warning and warning.startswith("line ")
    assert int(warning.split()[1].rstrip(":")) in (3, 4)


def test_jsonl_line_that_is_not_json_is_skipped_and_others_kept(project: Path) -> None:
    lines = [
        '{"text": "First story. The minister said the talks would resume.", "title": "One"}',
        "{not json",
        '{"title": "no text"}',
        '{"text": "Third story. The envoy said nothing would change.", "published": "2025-02-13"}',
    ]
    (project / "content" / "feed.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    result = read(project)
    assert [a.path for a in result.articles] == ["feed.jsonl:1", "feed.jsonl:4"]
    assert result.articles[1].published == "2025-02-13"
    assert {(s.path, s.line) for s in result.skipped} == {("feed.jsonl", 2), ("feed.jsonl", 3)}
    assert any("not valid JSON" in s.reason for s in result.skipped)


def test_symlink_outside_content_is_not_followed(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.txt").write_text("Secret text that must never be read by a build.\n", "utf-8")
    (with_good(project) / "content" / "link.txt").symlink_to(outside / "secret.txt")
    (project / "content" / "folder").symlink_to(outside, target_is_directory=True)
    result = read(project)
    assert "outside content" in only_skip(result, "link.txt")
    assert "outside content" in only_skip(result, "folder")
    assert not any("Secret" in a.text for a in result.articles)


def test_symlink_inside_content_is_read(project: Path) -> None:
    with_good(project)
    (project / "content" / "alias.txt").symlink_to(project / "content" / "good.txt")
    result = read(project)
    assert [a.path for a in result.articles] == ["alias.txt"]
    assert [s.path for s in result.skipped] == ["good.txt"]  # same text: read once


def test_unreadable_file_is_skipped(project: Path) -> None:
    path = with_good(project) / "content" / "locked.txt"
    path.write_text(GOOD.replace("Brussels", "Vilnius"), "utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user (root) who can read a chmod 000 file")
        assert "cannot read" in only_skip(read(project), "locked.txt")
    finally:
        path.chmod(0o644)


def test_fifty_megabyte_file_is_skipped_by_size_without_reading(project: Path) -> None:
    big = with_good(project) / "content" / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: instant, and no 50 MB on disk
    assert "max_article_bytes" in only_skip(read(project), "huge.txt")


def test_size_limit_is_configurable(project: Path) -> None:
    with_good(project)
    result = read(project, max_article_bytes=50)
    assert not result.articles
    assert "more than max_article_bytes (50)" in result.skipped[0].reason


def test_unsupported_and_hidden_files_are_ignored_not_skipped(project: Path) -> None:
    content = with_good(project) / "content"
    (content / "notes.docx").write_bytes(b"PK\x03\x04")
    (content / ".draft.txt").write_text("A hidden draft that is not an article.\n", "utf-8")
    (content / ".git").mkdir()
    (content / ".git" / "x.txt").write_text("Repository data, not an article at all.\n", "utf-8")
    result = read(project)
    assert [a.path for a in result.articles] == ["good.txt"]
    assert result.ignored == ("notes.docx",)
    assert not result.skipped


def test_strict_build_exits_1_on_a_bad_file_and_names_it(project: Path) -> None:
    (with_good(project) / "content" / "photo.txt").write_bytes(PNG)
    runner = CliRunner()
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(project)
        lenient = runner.invoke(main, ["extract", "-o", "out.json", "-q"])
        strict = runner.invoke(main, ["extract", "-o", "out.json", "-q", "--strict"])
    assert lenient.exit_code == 0, lenient.output
    assert strict.exit_code == 1
    assert "photo.txt" in strict.output and "Traceback" not in strict.output
    assert (project / "out.json").is_file()


def test_read_error_is_skipped_with_its_reason(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the same path as an unreadable file, for machines where the tests run as root
    path = with_good(project) / "content" / "locked.txt"
    path.write_text(GOOD.replace("Brussels", "Vilnius"), "utf-8")
    real = os.open

    def refuse(file: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if str(file).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    assert only_skip(read(project), "locked.txt") == "cannot read file: Permission denied"


def test_damaged_text_is_kept_and_flagged_with_its_line(project: Path) -> None:
    text = "Talks resume\n\nThe minister said the talks would resume.\n\nThe envoy Dovil\ufffd Sakaliene agreed.\n"
    (project / "content" / "damaged.txt").write_text(text, "utf-8")
    [article] = read(project).articles
    assert "Dovil\ufffd Sakaliene agreed." in article.text
    assert article.warnings == ("line 5: text still has damaged characters (mojibake or '\ufffd') after repair",)


def test_mojibake_in_metadata_is_repaired_like_the_body(project: Path) -> None:
    row = '{"text": "The minister said the talks would resume.", "title": "DovilÄ— Sakaliene warns Europe"}'
    (project / "content" / "feed.jsonl").write_text(row + "\n", "utf-8")
    [article] = read(project).articles
    assert article.title == "Dovilė Sakaliene warns Europe"


def test_control_byte_soup_without_magic_is_skipped_as_binary(project: Path) -> None:
    (with_good(project) / "content" / "blob.txt").write_bytes(bytes(range(1, 32)) * 40 + b"text")
    assert "control bytes" in only_skip(read(project), "blob.txt")


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.lists(st.sampled_from(["---", "title: [", "“", "\ufeff", "{", '{"text": 1}', "Popular", "Ä—", "\r"]))
        .map(lambda parts: "\n".join(parts).encode("utf-8")),
    ),
    suffix=st.sampled_from([".txt", ".md", ".jsonl", ".html"]),
)
def test_any_bytes_give_an_article_or_a_reason_never_an_exception(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    project = Path(tempfile.mkdtemp(dir=tmp_path))
    (project / "content").mkdir()
    (project / "content" / f"x{suffix}").write_bytes(data)
    result = read(project)
    for article in result.articles:
        assert article.paragraphs and article.text
        assert "\n\n".join(article.text[p.start : p.end] for p in article.paragraphs) == article.text
    for skipped in result.skipped:
        assert skipped.reason
