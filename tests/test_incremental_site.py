"""Incremental site builds: reused pages, the same bytes as a plain MkDocs build, repair of a damaged site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefgen.build import build
from briefgen.config import load_settings
from briefgen.site import scoped_env

pytestmark = pytest.mark.slow

EPOCH = "1735689600"
# briefgen's own files beside MkDocs' output (they are checked by the build tests)
EXTRAS = (".briefgen-site", ".briefgen-stamp.json", "briefing.json", "feed.xml", "history/", "pagefind/")  # not MkDocs'


def _tree(site: Path) -> dict[str, bytes]:
    files = (p for p in site.rglob("*") if p.is_file())
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in files}


def _inodes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*.html")}


def _plain_mkdocs(build_dir: Path, out: Path) -> dict[str, bytes]:
    """What an unmodified `mkdocs build -f build/mkdocs.yml` writes (MkDocs' own build function)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(config_file=str(build_dir / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    return _tree(out)


def _mkdocs_part(site: Path) -> dict[str, bytes]:
    return {k: v for k, v in _tree(site).items() if not k.startswith(EXTRAS)}


def _edit(article: Path) -> None:
    lines = article.read_text("utf-8").split("\n")
    new = "“We expect a reply by Friday,” said Zelda Quorn, a spokesperson for the ministry in Vexholm."
    article.write_text("\n".join([*lines[:4], new, *lines[4:]]), encoding="utf-8")


def test_rebuild_after_one_changed_article_reuses_pages_and_equals_a_plain_mkdocs_build(
    sample_project: Path, tmp_path: Path
) -> None:
    settings = load_settings(project_dir=sample_project, executor="serial")
    site = sample_project / "site"
    with scoped_env(SOURCE_DATE_EPOCH=EPOCH):
        build(settings)
        build(settings)  # "what's new" settles
        before = _inodes(site)
        _edit(sorted((sample_project / "content").glob("*.txt"))[1])
        report = build(settings)
        assert report.site_rebuilt
        after = _inodes(site)
        reused = {rel for rel in after if before.get(rel) == after[rel]}
        rendered = set(after) - reused
        # unchanged pages are hard links to the previous site's files; the changed ones were rendered
        assert sum(rel.startswith("sources/") for rel in reused) >= 3, sorted(reused)
        assert any(rel.startswith("actors/") for rel in reused), sorted(reused)
        assert any(rel.startswith("sources/") for rel in rendered)
        assert "whats-new.html" in rendered
        plain = _plain_mkdocs(sample_project / "build", tmp_path / "plain")
    incremental = _mkdocs_part(site)
    assert incremental.keys() == plain.keys()
    assert [rel for rel in plain if plain[rel] != incremental[rel]] == []
    index = incremental["search/search_index.json"].decode("utf-8")
    assert "vexholm" in index  # the new article word reached the search index with everything else


def test_added_and_removed_articles_give_the_same_site_as_a_plain_build(sample_project: Path, tmp_path: Path) -> None:
    settings = load_settings(project_dir=sample_project, executor="serial")
    content = sample_project / "content"
    articles = sorted(content.glob("*.txt"))
    parked = tmp_path / articles[0].name
    shutil.move(articles[0], parked)
    with scoped_env(SOURCE_DATE_EPOCH=EPOCH):
        build(settings)
        shutil.move(parked, content / parked.name)  # an article arrives
        build(settings)
        assert _mkdocs_part(sample_project / "site") == _plain_mkdocs(sample_project / "build", tmp_path / "a")
        articles[2].unlink()  # and one goes
        build(settings)
        assert _mkdocs_part(sample_project / "site") == _plain_mkdocs(sample_project / "build", tmp_path / "b")


def test_deleted_or_defaced_page_is_repaired_by_the_next_build(sample_project: Path) -> None:
    settings = load_settings(project_dir=sample_project, executor="serial")
    site = sample_project / "site"
    with scoped_env(SOURCE_DATE_EPOCH=EPOCH):
        build(settings)
        build(settings)
        good = _tree(site)
        page = sorted((site / "sources").glob("*.html"))[0]
        other = site / "actors" / "index.html"
        same_size = sorted((site / "actors").glob("*.html"))[-1]  # changed in place: same inode and size
        page.unlink()
        other.write_text("defaced", encoding="utf-8")
        with same_size.open("r+b") as fh:
            fh.write(b"X")
        report = build(settings)
    assert report.site_rebuilt
    assert _tree(site) == good


def test_untouched_rebuild_keeps_the_site_and_force_renders_every_page(sample_project: Path) -> None:
    settings = load_settings(project_dir=sample_project, executor="serial")
    site = sample_project / "site"
    with scoped_env(SOURCE_DATE_EPOCH=EPOCH):
        build(settings)
        build(settings)
        before = _inodes(site)
        good = _tree(site)
        assert not build(settings).site_rebuilt
        assert _inodes(site) == before
        assert build(settings, force=True).site_rebuilt
    after = _inodes(site)
    assert all(before[rel] != after[rel] for rel in after)  # every page written anew
    assert _tree(site) == good


def test_second_build_differs_from_the_first_only_in_history_files(sample_project: Path) -> None:
    settings = load_settings(project_dir=sample_project, executor="serial")
    site = sample_project / "site"
    with scoped_env(SOURCE_DATE_EPOCH=EPOCH):
        build(settings)
        first = _tree(site)
        build(settings)
        second = _tree(site)
        build(settings, force=True)
        third = _tree(site)
    changed = {rel for rel in second if first.get(rel) != second[rel]}
    # "what's new" says "first build" then "no changes"; it is not in the search index, so the index is stable
    history = {rel for rel in changed if rel.startswith("history/")}
    assert changed - history <= {"whats-new.html", "feed.xml", ".briefgen-stamp.json"}
    assert second == third


def test_editing_a_theme_partial_renders_every_page_again(sample_project: Path) -> None:
    partials = sample_project / "overrides" / "partials"
    partials.mkdir(parents=True)
    (partials / "copyright.html").write_text('<div class="bg-foot">First footer</div>\n')
    settings = load_settings(project_dir=sample_project, executor="serial")
    site = sample_project / "site"
    with scoped_env(SOURCE_DATE_EPOCH=EPOCH):
        build(settings)
        build(settings)
        (partials / "copyright.html").write_text('<div class="bg-foot">Second footer</div>\n')
        report = build(settings)
    pages = sorted(site.rglob("*.html"))
    assert report.site_rendered == len(list((sample_project / "build" / "docs").rglob("*.md")))
    assert pages and all("Second footer" in p.read_text("utf-8") for p in pages)


def _docs(build_dir: Path) -> dict[str, bytes]:
    return {k: v for k, v in _tree(build_dir / "docs").items() if k != "whats-new.md"}


def test_markdown_kept_from_the_last_build_equals_a_cold_builds(
    sample_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFGEN_VERIFY_PAGES", "0")  # really reuse (the suite otherwise renders and compares)
    settings = load_settings(project_dir=sample_project, executor="serial")
    with scoped_env(SOURCE_DATE_EPOCH=EPOCH):
        build(settings)
        article = sorted((sample_project / "content").glob("*.txt"))[1]
        _edit(article)  # a new speaker, and every later paragraph of that article renumbered
        report = build(settings)
        assert report.reused >= 10  # the other articles' source pages and the actors not quoted in this one
        assert report.reused < report.pages
        cold = tmp_path / "cold"
        shutil.copytree(sample_project / "content", cold / "content")
        shutil.copy(sample_project / "mkdocs.yml", cold / "mkdocs.yml")
        cold_report = build(load_settings(project_dir=cold, executor="serial", cache=False))
    assert cold_report.reused == 0
    assert _docs(sample_project / "build") == _docs(cold / "build")
    # a page changed by hand in build/docs is rendered again, not trusted
    page = sorted((sample_project / "build" / "docs" / "sources").glob("*.md"))[0]
    page.write_text("# defaced\n", encoding="utf-8")
    with scoped_env(SOURCE_DATE_EPOCH=EPOCH):
        build(settings)
    assert _docs(sample_project / "build") == _docs(cold / "build")


def test_a_change_of_front_matter_alone_renders_the_page_again(sample_project: Path, tmp_path: Path) -> None:
    """MkDocs takes the front matter out of a page's Markdown: ``search: exclude`` added or dropped with the
    body unchanged must still give a cold build's page and search index."""
    package = Path(__file__).resolve().parent.parent / "templates" / "sources_index.md.j2"
    first, rest = package.read_text("utf-8").split("\n", 1)
    override = sample_project / "templates" / "sources_index.md.j2"
    override.parent.mkdir(exist_ok=True)
    settings = load_settings(project_dir=sample_project, executor="serial")
    site = sample_project / "site"

    def indexed() -> bool:
        index = (site / "search" / "search_index.json").read_text("utf-8")
        return '"location":"sources/index.html"' in index.replace(" ", "")

    with scoped_env(SOURCE_DATE_EPOCH=EPOCH):
        override.write_text(f"{first}\n---\nsearch:\n  exclude: true\n---\n{rest}", encoding="utf-8")
        build(settings)
        assert not indexed()
        override.write_text(package.read_text("utf-8"), encoding="utf-8")  # the same body, no front matter
        report = build(settings)
        assert report.site_rebuilt and indexed()
        plain = _plain_mkdocs(sample_project / "build", tmp_path / "plain")
    assert _mkdocs_part(site) == plain


def test_theme_static_files_follow_the_overrides_folder_between_builds(sample_project: Path, tmp_path: Path) -> None:
    # the theme's list of static files is kept between builds: a file added to or removed from the
    # project's theme overrides must still appear in or leave the site, as in a plain MkDocs build
    assets = sample_project / "overrides" / "assets"
    assets.mkdir(parents=True)
    (assets / "first.txt").write_text("first\n")
    settings = load_settings(project_dir=sample_project, executor="serial")
    site = sample_project / "site"
    with scoped_env(SOURCE_DATE_EPOCH=EPOCH):
        build(settings)
        assert (site / "assets" / "first.txt").read_text() == "first\n"
        (assets / "first.txt").unlink()
        (assets / "second.txt").write_text("second\n")
        build(settings)
        assert not (site / "assets" / "first.txt").exists()
        assert (site / "assets" / "second.txt").read_text() == "second\n"
        assert (site / "assets" / "javascripts").is_dir()  # Material's own files are still there
        assert _mkdocs_part(site) == _plain_mkdocs(sample_project / "build", tmp_path / "plain")
