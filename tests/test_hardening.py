"""Hardening: one article never stops, stalls or poisons a build; nothing outside the site is touched."""

from __future__ import annotations

import errno
import importlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefgen.build import build
from briefgen.build import extract as extract_briefing
from briefgen.cli import MAX_WARNINGS_PER_FILE
from briefgen.config import load_settings
from briefgen.corpus.boilerplate import load_rules
from briefgen.corpus.clean import clean
from briefgen.corpus.formats import MAX_LINE_SKIPS, Draft, read_bounded, read_jsonl, read_txt
from briefgen.corpus.reader import CorpusResult, read_corpus, read_single
from briefgen.errors import BriefgenError
from briefgen.nlp import make_nlp
from briefgen.records import Analysis, Article, Skipped
from briefgen.serve import BriefingServer
from briefgen.site import MARKER, SWAP_MARKER, publish, recover_site
from tests.conftest import REPO, copy_sample, free_port, run_cli
from tests.hostile import make_bad_inputs

analyse_mod = importlib.import_module("briefgen.extract.analyse")  # the package exports a function of that name


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


def _problems(corpus: CorpusResult) -> list[str]:
    lines = [f"{s.path}:{s.line}: {s.reason}" if s.line else f"{s.path}: {s.reason}" for s in corpus.skipped]
    return lines + [f"{a.path}: {w}" for a in corpus.articles for w in a.warnings]


def test_every_bad_input_becomes_a_warning_naming_its_file(tmp_path: Path) -> None:
    content = tmp_path / "content"
    expected = make_bad_inputs(content)
    (content / "good.txt").write_text('"We stay the course," said Minister Ola Vik.\n')
    start = time.monotonic()
    corpus = read_corpus(load_settings(project_dir=tmp_path))
    assert time.monotonic() - start < 20  # the alias bomb, the FIFO and 5,000 bad lines stay bounded
    problems = _problems(corpus)
    for name, phrase in expected.items():
        assert any(p.startswith(name) and phrase in p for p in problems), (name, phrase, problems)
    assert sum(1 for s in corpus.skipped if s.path == "bad-lines.jsonl") == MAX_LINE_SKIPS + 1
    paths = {a.path for a in corpus.articles}
    assert {"good.txt", "date-typo.md", "surrogate.jsonl:1", "bad-lines.jsonl:1", "bomb.md"} <= paths
    surrogate = next(a for a in corpus.articles if a.path == "surrogate.jsonl:1")
    assert surrogate.url is not None and surrogate.url.encode("utf-8")


def test_reads_are_bounded_while_reading(tmp_path: Path) -> None:
    assert "not a regular file (a character device)" in str(read_bounded(Path("/dev/zero"), 100))
    assert "more than max_article_bytes" in str(read_bounded(Path("/proc/self/maps"), 10))  # st_size is 0
    big = tmp_path / "long.jsonl"
    big.write_bytes(b'{"text": "' + b"x" * 5000 + b'"}\n{"text": "Short and fine."}\n')
    records = list(read_jsonl(big, "long.jsonl", 1000))
    assert isinstance(records[0], Skipped) and records[0].line == 1 and "max_article_bytes" in records[0].reason
    assert isinstance(records[1], Draft) and records[1].path == "long.jsonl:2"


def _article(path: str, text: str) -> Article:
    draft = read_txt(text.encode(), path)
    assert isinstance(draft, Draft)
    article = clean(draft, load_rules(Path("/nonexistent")))
    assert isinstance(article, Article)
    return article


def test_an_article_whose_analysis_fails_or_overruns_is_warned_and_the_rest_analysed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    good = _article("good.txt", '"We stay," said Minister Ola Vik.\n')
    broken = _article("broken.txt", '"We go," said Minister Ola Vik.\n')
    slow = _article("slow.txt", '"We wait," said Minister Ola Vik.\n')
    real = analyse_mod.analyse_article
    real(good)  # load the lexicons before the budget is made tiny

    def flaky(article: Article) -> Analysis:
        if article.path == "broken.txt":
            raise RecursionError("maximum recursion depth exceeded")
        if article.path == "slow.txt":
            time.sleep(10)
        return real(article)

    monkeypatch.setattr(analyse_mod, "analyse_article", flaky)
    monkeypatch.setattr(analyse_mod, "ARTICLE_SECONDS", 0.3)
    start = time.monotonic()
    results = list(analyse_mod.analyse_many(make_nlp(), [good, broken, slow]))
    assert time.monotonic() - start < 5
    assert results[0].quotes and not results[0].warnings
    assert "RecursionError" in results[1].warnings[0] and not results[1].quotes
    assert "time budget" in results[2].warnings[0]


def test_many_cues_in_one_long_sentence_stay_linear() -> None:
    article = _article("went-on.txt", "went on " * 12_500)  # 100 KB, one sentence: took ~50 s
    start = time.monotonic()
    analyse_mod.analyse_article(article)
    assert time.monotonic() - start < 10


def test_warnings_are_printed_as_text_never_as_markup(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "[bold red]x.txt").write_bytes(b"")
    (content / "title.md").write_text('---\ntitle: "Bad [/] markup"\npublished: "[/] never"\n---\nA body.\n')
    lines = MAX_WARNINGS_PER_FILE + 10
    with (content / "many.jsonl").open("w") as fh:
        fh.writelines(f'{{"text": "Body {i}.", "published": "no date [/]"}}\n' for i in range(lines))
    code, output = run_cli(["extract", "--content", str(content), "-o", str(tmp_path / "out.json")], tmp_path)
    assert code == 0, output
    assert "skipped [bold red]x.txt: empty file" in output
    assert "'[/] never' is not a date" in output
    assert output.count("many.jsonl:") == MAX_WARNINGS_PER_FILE + 1
    assert "many.jsonl: 10 more warnings not shown" in output


XSS = '<img src=x onerror="window.__xss=1">'


def test_data_from_an_earlier_build_and_reserved_names_are_escaped_where_they_land(tmp_path: Path) -> None:
    project = copy_sample(tmp_path / "p")
    (project / "content" / "index.txt").write_text(
        "Index\n\n\u202e\"We will not sign this,\" said Minister Ola Vik.\n", encoding="utf-8"
    )
    settings = load_settings(project_dir=project)
    build(settings)
    data = json.loads((settings.site / "briefing.json").read_text("utf-8"))
    assert data["positions"], "the sample corpus has positions to poison"
    for position in data["positions"]:
        position["stance"] = XSS
    first = data["positions"][0]
    data["positions"].append({**first, "topic": XSS, "evidence": []})
    for source in data["sources"]:
        source["published"] = XSS
    (settings.site / "briefing.json").write_text(json.dumps(data), encoding="utf-8")
    build(settings)
    docs = settings.build / "docs"
    whats_new = (docs / "whats-new.md").read_text("utf-8")
    assert "&#60;img" in whats_new  # the stored payload is shown, as text
    pages = {p: p.read_text("utf-8") for p in docs.rglob("*.md")}
    assert not [p for p, text in pages.items() if "<img" in text or "\u202e" in text]
    assert "# Sources" in pages[docs / "sources" / "index.md"]
    assert (docs / "sources" / "index-source.md").is_file()
    html = (settings.site / "whats-new.html").read_text("utf-8")
    assert "<img src=x" not in html


def _one_article_project(root: Path) -> Path:
    (root / "content").mkdir(parents=True)
    (root / "content" / "a.txt").write_text('"We stay the course," said Minister Ola Vik.\n', encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("code", "phrase"), [(errno.ENOSPC, "disk full"), (errno.EROFS, "read-only file system")]
)
def test_environment_faults_are_one_clear_error_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, phrase: str
) -> None:
    project = _one_article_project(tmp_path / "p")

    def refuse(*args: object, **kwargs: object) -> str:
        raise OSError(code, os.strerror(code), str(project / "site"))

    monkeypatch.setattr("briefgen.site.tempfile.mkdtemp", refuse)
    status, output = run_cli(["build", "-q"], project)
    assert status == 1 and "Traceback" not in output
    assert f"Error: cannot write or read a file: {phrase}" in output and str(project / "site") in output
    assert "fix:" in output


@pytest.mark.parametrize(
    ("files", "phrase"),
    [
        ({"mkdocs.yml": "site_name: T\ntheme: 42\n"}, "'theme' must be a theme name or a mapping"),
        ({"templates/index.md.j2": "# Home\n\n{{ 1 // 0 }}\n"}, "index.md.j2:3"),
        ({"overrides/partials/copyright.html": "{% if %}broken{% endif %}\n"}, "copyright.html:1"),
    ],
)
def test_bad_theme_and_template_config_is_one_clear_error(tmp_path: Path, files: dict[str, str], phrase: str) -> None:
    project = _one_article_project(tmp_path / "p")
    for rel, text in files.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(text, encoding="utf-8")
    status, output = run_cli(["build", "-q"], project)
    assert status == 1 and "Traceback" not in output, output
    assert "Error:" in output and phrase in output, output


@pytest.mark.parametrize("site_dir", ["overrides", ".briefgen/cache", ".briefgen"])
def test_site_dir_over_project_state_or_theme_is_refused(tmp_path: Path, site_dir: str) -> None:
    project = _one_article_project(tmp_path / "p")
    (project / "overrides").mkdir()
    status, output = run_cli(["build", "-q", "--site-dir", site_dir], project)
    assert status == 1 and "refusing a site folder that overlaps" in output


def test_home_folder_is_expanded_in_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    settings = load_settings(project_dir=tmp_path, site_dir=Path("~/www"))
    assert settings.site == tmp_path / "home" / "www"


def test_serve_with_a_broken_theme_partial_stops_with_an_error_and_cleans_up(tmp_path: Path) -> None:
    project = _one_article_project(tmp_path / "p")
    (project / "overrides" / "partials").mkdir(parents=True)
    (project / "overrides" / "partials" / "copyright.html").write_text("{% if %}broken{% endif %}\n")
    server = BriefingServer(lambda: load_settings(project_dir=project), f"127.0.0.1:{free_port()}")
    failures: list[BaseException] = []

    def run() -> None:
        try:
            server.serve()
        except BriefgenError as exc:
            failures.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive(), "serve hung on a broken theme partial"
    assert failures and "copyright.html" in str(failures[0])
    assert not server.site_dir.exists()


def test_serve_removes_its_temporary_site_on_sigterm(tmp_path: Path) -> None:
    project = _one_article_project(tmp_path / "p")
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(temp)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefgen", "serve", "-q", "--dev-addr", f"127.0.0.1:{free_port()}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not any(any(p.rglob("index.html")) for p in temp.glob("briefgen-serve-*")):
            assert time.monotonic() < deadline and proc.poll() is None, "serve did not build"
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert list(temp.glob("briefgen-serve-*")) == []


def test_check_names_every_input_build_skips_or_warns_about(tmp_path: Path) -> None:
    project = tmp_path / "p"
    make_bad_inputs(project / "content")
    (project / "content" / "look-alike.txt").write_text("Nato chief M\u0430rk Rutte said allies agreed.\n")
    status, output = run_cli(["check", "--analyse"], project)
    assert status == 0, output
    settings = load_settings(project_dir=project, executor="serial")
    _, _, report = extract_briefing(settings)
    for skipped in report.skipped:
        where = f"{skipped.path}:{skipped.line}" if skipped.line else skipped.path
        assert f"{where}: skipped: {skipped.reason}" in output
    for warning in report.warnings:
        assert warning in output, warning


def test_html_article_without_its_cleaning_extra_is_skipped_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>" + "Words of an article. " * 20 + "</p></body></html>")
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails, as without lxml_html_clean
    [result] = list(read_single(page, "page.html", 10_000))
    assert isinstance(result, Skipped) and result.path == "page.html" and "trafilatura" in result.reason


def test_build_of_a_corpus_with_every_bad_input_names_each_and_keeps_the_good_quotes(tmp_path: Path) -> None:
    project = tmp_path / "p"
    expected = make_bad_inputs(project / "content" / "bad")
    (project / "content" / "good.txt").write_text('"We stay the course," said Minister Ola Vik.\n')
    start = time.monotonic()
    status, output = run_cli(["build", "--jobs", "1"], project)
    assert status == 0 and "Traceback" not in output, output
    assert time.monotonic() - start < 60
    for name in expected:
        assert f"bad/{name}" in output, name
    data = json.loads((project / "site" / "briefing.json").read_text("utf-8"))
    assert any(q["text"] == "We stay the course," for q in data["quotes"])
