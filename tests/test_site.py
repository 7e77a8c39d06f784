"""The site stage: reproducible bytes, no broken links, safe swaps, refusal to clear foreign folders."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

from briefgen.build import build
from briefgen.cli import main
from briefgen.config import load_settings
from briefgen.site import MARKER, SWAP_MARKER, mkdocs_settings, publish, recover_site, write_build_dir
from tests.conftest import REPO, SAMPLE, copy_sample


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    """The sample corpus built twice, in two different folders; the first build's warnings."""
    first = copy_sample(tmp_path_factory.mktemp("first"))
    second = copy_sample(tmp_path_factory.mktemp("second-elsewhere"))
    report = build(load_settings(project_dir=first))
    build(load_settings(project_dir=second))
    return first / "site", second / "site", report.warnings


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_in_different_folders_are_byte_identical(two_builds: tuple[Path, Path, list[str]]) -> None:
    a, b, _ = two_builds
    tree_a, tree_b = _tree(a), _tree(b)
    assert sorted(tree_a) == sorted(tree_b)
    for name in ("briefing.json", "search/search_index.json", "sitemap.xml", "sitemap.xml.gz", "index.html"):
        assert name in tree_a
    differing = [name for name in tree_a if tree_a[name] != tree_b[name]]
    assert differing == []


def test_sample_build_has_no_mkdocs_warnings(two_builds: tuple[Path, Path, list[str]]) -> None:
    _, _, warnings = two_builds
    assert [w for w in warnings if w.startswith("mkdocs:")] == []


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag in ("a", "link") and values.get("href"):
            self.hrefs.append(values["href"] or "")
        if tag in ("script", "img") and values.get("src"):
            self.hrefs.append(values["src"] or "")


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text("utf-8"))
    return parser


def broken_links(site: Path) -> list[str]:
    """Every internal href/src of every page that misses its file or its #fragment id."""
    parsed = {p: _parse(p) for p in sorted(site.rglob("*.html"))}
    broken: list[str] = []
    for page, links in parsed.items():
        for href in links.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            base = site if parts.path.startswith("/") else page.parent  # 404.html links from the root
            target = page if not parts.path else (base / unquote(parts.path).lstrip("/")).resolve()
            if parts.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file() or not target.resolve().is_relative_to(site.resolve()):
                broken.append(f"{page.relative_to(site)}: {href} (no file)")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if fragment not in ids:
                    broken.append(f"{page.relative_to(site)}: {href} (no id)")
    return broken


def test_every_internal_link_of_the_sample_site_resolves(two_builds: tuple[Path, Path, list[str]]) -> None:
    site, _, _ = two_builds
    pages = list(site.rglob("*.html"))
    assert len(pages) > 5
    assert broken_links(site) == []


def test_link_checker_reports_a_missing_anchor_and_a_missing_file(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text('<p id="here"></p><a href="b.html#nowhere">x</a><a href="c.html">y</a>')
    (tmp_path / "b.html").write_text('<p id="there"></p><a href="a.html#here">ok</a>')
    assert sorted(broken_links(tmp_path)) == ["a.html: b.html#nowhere (no id)", "a.html: c.html (no file)"]


def test_source_date_epoch_is_honoured_and_not_leaked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project = copy_sample(tmp_path)
    settings = load_settings(project_dir=project)
    build(settings)
    assert "SOURCE_DATE_EPOCH" not in os.environ
    gz = project / "site" / "sitemap.xml.gz"
    assert gzip.decompress(gz.read_bytes()) == (project / "site" / "sitemap.xml").read_bytes()
    default_mtime = gz.read_bytes()[4:8]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1_700_000_000))
    build(settings)
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"
    pinned = int.from_bytes(gz.read_bytes()[4:8], "little")
    assert default_mtime != pinned.to_bytes(4, "little")
    assert abs(pinned - 1_700_000_000) < 86_400


# --- overrides --------------------------------------------------------------------------------------------


def test_project_overrides_folder_becomes_theme_custom_dir(tmp_path: Path) -> None:
    (tmp_path / "overrides" / "partials").mkdir(parents=True)
    build_dir = tmp_path / "build"
    cfg = mkdocs_settings(None, "T", [], None, project_dir=tmp_path, build_dir=build_dir)
    assert (build_dir / cfg["theme"]["custom_dir"]).resolve() == (tmp_path / "overrides").resolve()
    shutil.rmtree(tmp_path / "overrides")
    cfg = mkdocs_settings(None, "T", [], None, project_dir=tmp_path, build_dir=build_dir)
    assert "custom_dir" not in cfg["theme"]


def test_theme_partial_override_and_extra_css_reach_the_built_site(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    partials = project / "overrides" / "partials"
    partials.mkdir(parents=True)
    (partials / "copyright.html").write_text('<div class="bg-test-footer">Override footer</div>\n')
    (project / "site_config").mkdir()
    (project / "site_config" / "extra.css").write_text(".bg-test { color: red; }\n")
    report = build(load_settings(project_dir=project))
    assert [w for w in report.warnings if w.startswith("mkdocs:")] == []
    index = (project / "site" / "index.html").read_text("utf-8")
    assert "bg-test-footer" in index
    assert "assets/stylesheets/extra.css" in index
    css = project / "site" / "assets" / "stylesheets" / "extra.css"
    assert css.read_text() == ".bg-test { color: red; }\n"


def test_local_extra_css_is_copied_and_paths_outside_the_project_are_not(tmp_path: Path) -> None:
    project = copy_sample(tmp_path / "project")
    (project / "css").mkdir()
    (project / "css" / "mine.css").write_text("body { margin: 0; }\n")
    (tmp_path / "outside.css").write_text("secret\n")
    (project / "mkdocs.yml").write_text(
        "site_name: x\nextra_css: [css/mine.css, ../outside.css, https://cdn.example/x.css]\n"
    )
    build(load_settings(project_dir=project))
    site = project / "site"
    assert (site / "css" / "mine.css").read_text() == "body { margin: 0; }\n"
    assert not (site.parent / "outside.css").exists() and not list(site.rglob("outside.css"))
    assert not (project / "build" / "outside.css").exists()
    assert 'href="css/mine.css"' in (site / "index.html").read_text("utf-8")


def test_missing_custom_dir_named_in_mkdocs_yml_is_a_config_error(tmp_path: Path) -> None:
    from briefgen.errors import ConfigError

    (tmp_path / "mkdocs.yml").write_text("theme: {name: material, custom_dir: my-theme}\n")
    yml, build_dir = tmp_path / "mkdocs.yml", tmp_path / "b"
    with pytest.raises(ConfigError, match="custom_dir"):
        mkdocs_settings(yml, "T", [], None, project_dir=tmp_path, build_dir=build_dir)
    (tmp_path / "my-theme").mkdir()
    cfg = mkdocs_settings(yml, "T", [], None, project_dir=tmp_path, build_dir=build_dir)
    assert cfg["theme"]["custom_dir"] == "../my-theme"


# --- safe output folder ---------------------------------------------------------------------------------


@pytest.mark.parametrize("site_dir", [".", "..", "content", "keep", "content/site", "build", "templates"])
def test_cli_refuses_to_replace_a_folder_it_did_not_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, site_dir: str
) -> None:
    project = copy_sample(tmp_path / "project")
    (project / "templates").mkdir()
    (project / "keep").mkdir()
    (project / "keep" / "precious.txt").write_text("do not delete")
    before = sorted(p.relative_to(project).as_posix() for p in project.rglob("*"))
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build", "-q", "--site-dir", site_dir])
    assert result.exit_code == 1, result.output
    assert "refusing" in result.output
    assert "Traceback" not in result.output
    after = sorted(p.relative_to(project).as_posix() for p in project.rglob("*"))
    assert after == before


def test_build_dir_with_foreign_docs_is_refused(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "handbook.md").write_text("mine")
    from briefgen.errors import SiteError

    with pytest.raises(SiteError, match="did not generate"):
        write_build_dir(tmp_path, {"index.md": "# x\n"}, {"site_name": "x"})
    assert (tmp_path / "docs" / "handbook.md").read_text() == "mine"


def _fake_site(path: Path, text: str) -> None:
    path.mkdir(parents=True)
    (path / MARKER).write_text("")
    (path / "index.html").write_text(text)


def _mark_swap(folder: Path, site: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SWAP_MARKER).write_text(f"{site.resolve()}\n")


def test_recover_restores_a_site_left_between_the_two_renames(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _fake_site(tmp_path / ".site.old-abc" / "site", "previous")
    _mark_swap(tmp_path / ".site.old-abc", site)
    _mark_swap(tmp_path / ".site.new-def", site)
    (tmp_path / ".site.new-def" / "index.html").write_text("half-built")
    assert recover_site(site)
    assert (site / "index.html").read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_recover_keeps_the_current_site_and_drops_stale_folders(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _fake_site(site, "current")
    _fake_site(tmp_path / ".site.old-abc" / "site", "older")
    _mark_swap(tmp_path / ".site.old-abc", site)
    assert not recover_site(site)
    assert (site / "index.html").read_text() == "current"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_failed_swap_puts_the_previous_site_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_sample(tmp_path)
    settings = load_settings(project_dir=project)
    build(settings)
    before = (project / "site" / "index.html").read_bytes()
    real_replace = os.replace
    calls: list[str] = []

    def flaky_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls.append(str(src))
        if ".site.new-" in str(src):
            raise OSError("disk full")
        real_replace(src, dst)

    monkeypatch.setattr("briefgen.site.os.replace", flaky_replace)
    with pytest.raises(OSError, match="disk full"):
        publish(settings.build, settings.site, {}, strict=False)
    assert (project / "site" / "index.html").read_bytes() == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


_DIE_BETWEEN_RENAMES = """
import os, sys
from pathlib import Path
from briefgen import site
from briefgen.build import build
from briefgen.config import load_settings
real, calls = os.replace, []
def dying_replace(src, dst):
    calls.append(src)
    if ".site.new-" in str(src):
        os._exit(9)  # a hard death between moving the old site away and moving the new one in
    real(src, dst)
site.os.replace = dying_replace
build(load_settings(project_dir=Path(sys.argv[1])))
"""


def test_hard_death_between_the_two_renames_is_recovered_by_the_next_build(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    build(load_settings(project_dir=project))
    before = (project / "site" / "briefing.json").read_bytes()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-c", _DIE_BETWEEN_RENAMES, str(project)], env=env, check=False)
    assert proc.returncode == 9
    assert not (project / "site").exists()
    kept = [p / "site" for p in project.iterdir() if p.name.startswith(".site.old-")]
    assert len(kept) == 1 and (kept[0] / "briefing.json").read_bytes() == before
    recover_site(project / "site")  # what the next build does first
    assert (project / "site" / "briefing.json").read_bytes() == before
    build(load_settings(project_dir=project))
    assert (project / "site" / "briefing.json").read_bytes() == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".site.")] == []


def _big_corpus(root: Path, copies: int) -> Path:
    content = root / "content"
    content.mkdir(parents=True)
    for i in range(copies):
        for src in sorted(SAMPLE.glob("*.txt")):
            (content / f"{i:03d}_{src.name}").write_bytes(src.read_bytes())
    return root


def _run_build(project: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "briefgen", "build", "-q"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _site_ok(site: Path) -> bool:
    return all((site / name).is_file() for name in (MARKER, "index.html", "briefing.json"))


@pytest.mark.slow
def test_build_killed_at_any_point_leaves_the_previous_site_and_the_next_build_works(tmp_path: Path) -> None:
    project = _big_corpus(tmp_path, copies=10)
    start = time.monotonic()
    proc = _run_build(project)
    _, stderr = proc.communicate(timeout=300)
    duration = time.monotonic() - start
    assert proc.returncode == 0, stderr.decode()
    site = project / "site"
    previous = (site / "briefing.json").read_bytes()
    (project / "content" / "zzz_new.txt").write_text("A new article.\n\nIt has two paragraphs.\n")
    for fraction in (0.3, 0.6, 0.85, 0.95):
        proc = _run_build(project)
        time.sleep(duration * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        leftovers = [p for p in project.iterdir() if p.name.startswith(".site.old-")]
        if site.exists():
            assert _site_ok(site), f"killed at {fraction}: site is incomplete"
            data = (site / "briefing.json").read_bytes()
            assert data == previous or b"zzz_new.txt" in data, f"killed at {fraction}: mixed site"
            json.loads(data)
        else:  # killed between the two renames: the old site waits in .site.old-*
            assert any(_site_ok(p / "site") for p in leftovers), f"killed at {fraction}: site lost"
    proc = _run_build(project)
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr.decode()
    assert _site_ok(site)
    assert b"zzz_new.txt" in (site / "briefing.json").read_bytes()
    assert [p.name for p in project.iterdir() if p.name.startswith(".site.")] == []
