"""Hostile input: escaping, safe paths, config errors without tracebacks, fuzzing the analysis."""

from __future__ import annotations

import html
import json
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.build import extract, make_sources
from briefgen.cli import main
from briefgen.config import load_settings
from briefgen.errors import SiteError
from briefgen.export import briefing_json, schema
from briefgen.records import Actor, Article, Briefing, Paragraph, Quote, Skipped
from briefgen.render import build_context, make_env, md_text, render_pages, safe_title, safe_url
from briefgen.site import NAV, mkdocs_settings, publish, write_build_dir
from briefgen.slugs import MAX_SLUG, slug, unique_slugs, unique_slugs_for
from tests.hostile import HOSTILE_NAME, LITERALS, PAYLOADS, SECRET, make_hostile_project

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_FUZZ_TEXT = settings(max_examples=200, deadline=None)


# --- the hostile corpus, built through the CLI -----------------------------------------------------------


def _snapshot(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result, set[str], set[str]]:
    """The hostile project after a CLI build: (project, result, files before, files after)."""
    outer = tmp_path_factory.mktemp("hostile")
    project = make_hostile_project(outer / "project")
    before = _snapshot(outer)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(project)
        result = CliRunner().invoke(main, ["build"])
    return project, result, before, _snapshot(outer)


def test_hostile_corpus_builds_with_exit_0_and_names_every_bad_input(
    hostile: tuple[Path, Result, set[str], set[str]],
) -> None:
    project, result, _, _ = hostile
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "mkdocs:" not in result.output  # MkDocs itself had nothing to warn about
    for name in ("binary.txt", "empty.txt"):
        assert f"skipped {name}" in result.output
    data = json.loads((project / "site" / "briefing.json").read_text("utf-8"))
    sources = {s["path"] for s in data["sources"]}
    for name in ("latin1.txt", "utf16.txt", "cp1252.txt"):  # skipped with a reason, or repaired and read
        assert name in result.output or name in sources
    assert "hostile.txt" in sources and HOSTILE_NAME in sources


def test_hostile_build_writes_only_inside_site_and_build_folders(
    hostile: tuple[Path, Result, set[str], set[str]],
) -> None:
    _, _, before, after = hostile
    new = sorted(after - before)
    assert new
    outside = [p for p in new if not p.startswith(("project/site", "project/build", "project/.briefgen"))]
    assert outside == []
    assert not any("PWNED" in p or "escaped" in p.rsplit("/", 1)[-1] for p in after)


class _Page(HTMLParser):
    """Tags, attributes and visible text of a page (entities decoded, as a browser shows them)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, str, str]] = []
        self.tags: list[str] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_script = tag == "script"
        self.attrs.extend((tag, name, value or "") for name, value in attrs)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def _pages(site: Path) -> dict[str, _Page]:
    parsed = {}
    for path in sorted(site.rglob("*.html")):
        page = _Page()
        page.feed(path.read_text("utf-8"))
        parsed[path.relative_to(site).as_posix()] = page
    return parsed


def test_no_payload_becomes_markup_on_any_page(hostile: tuple[Path, Result, set[str], set[str]]) -> None:
    project = hostile[0]
    pages = _pages(project / "site")
    assert len(pages) >= 6
    for name, page in pages.items():
        handlers = [(t, a) for t, a, _ in page.attrs if a.startswith("on")]
        assert handlers == [], name
        js_links = [(t, a, v) for t, a, v in page.attrs if v.strip().lower().startswith("javascript:")]
        assert js_links == [], name
        assert "iframe" not in page.tags, name
        assert not any("__xss" in s for s in page.scripts), name


def test_payloads_and_markup_show_literally_on_the_source_page(
    hostile: tuple[Path, Result, set[str], set[str]],
) -> None:
    project = hostile[0]
    pages = _pages(project / "site")
    page = next(p for name, p in pages.items() if name.startswith("sources/hostile"))
    text = " ".join(" ".join(page.text).split())
    for payload in PAYLOADS + LITERALS:
        assert " ".join(payload.split()) in text, payload
    assert "49" not in text  # {{ 7*7 }} was never evaluated


def test_snippets_are_never_enabled_and_no_file_is_included(
    hostile: tuple[Path, Result, set[str], set[str]],
) -> None:
    project = hostile[0]
    generated = yaml.safe_load((project / "build" / "mkdocs.yml").read_text("utf-8"))
    names = [next(iter(e)) if isinstance(e, dict) else e for e in generated["markdown_extensions"]]
    assert "pymdownx.snippets" not in names
    for path in (project / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".js", ".xml"):
            assert SECRET not in path.read_text("utf-8", errors="replace"), path


def test_yaml_front_matter_tags_are_refused_by_the_safe_loader() -> None:
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml.safe_load('title: !!python/object/apply:os.system ["touch PWNED"]')


# --- every field of a briefing, hostile ----------------------------------------------------------------

EVIL = '</title><script>window.__xss=1</script><img src=x onerror="window.__xss=2"> | {{ 7*7 }} [x](y)'


def hostile_briefing() -> tuple[Briefing, list[Article]]:
    """A hand-made briefing whose every text field (name, role, country, title, outlet, quote...) is EVIL."""
    text = f"{EVIL} said {EVIL}."
    para = (Paragraph(1, 0, len(text)),)
    article = Article(path=f"{EVIL}.txt".replace("/", "_"), text=text, paragraphs=para,
                      title=EVIL, outlet=EVIL, url="javascript:window.__xss=3", published="2025-02-13")
    source = make_sources([article])[0]
    actor = Actor(id="evil-actor", name=EVIL, kind="person", country=EVIL, affiliation=EVIL, roles=(EVIL,),
                  aliases=(EVIL,))
    quote = Quote(id="q-1", text=EVIL, speaker=actor.id, source=source.id, paragraph=1, start=0,
                  end=len(EVIL), cue=EVIL, kind="direct", topics=())
    indirect = Quote(id="q-2", text=EVIL, speaker=None, source=source.id, paragraph=1, start=0,
                     end=len(EVIL), cue=None, kind="indirect", topics=())
    skipped = (Skipped(path=EVIL, reason=EVIL, line=3),)
    return Briefing(sources=(source,), actors=(actor,), quotes=(quote, indirect), skipped=skipped), [article]


# the spans the templates write around a citation's paragraph number and a matrix cell's topic name
_OWN_MARKUP = re.compile(
    r'<span data-pagefind-ignore>(¶\d+)</span>|<span class="bg-cell-topic" aria-hidden="true" data-pagefind-ignore>'
    r"([^<]*)</span>"
)


def test_hostile_values_in_every_field_never_become_markup(tmp_path: Path) -> None:
    briefing, articles = hostile_briefing()
    pages = render_pages(build_context(briefing, EVIL, articles), make_env(None))
    for name, markdown in pages.items():
        if name.endswith(".svg"):  # XML: markup is its own, every text node escaped
            assert "<script" not in markdown and "<img" not in markdown and "&lt;script&gt;" in markdown, name
            continue
        body = markdown.split("---\n", 2)[-1] if markdown.startswith("---\n") else markdown
        body = _OWN_MARKUP.sub(lambda m: m.group(1) or m.group(2), body)  # briefgen's own spans, not what they hold
        assert "<" not in body and "{{" not in body and "](y)" not in body, name
    write_build_dir(tmp_path / "build", pages, mkdocs_settings(None, "Site", NAV, None))
    publish(tmp_path / "build", tmp_path / "site", {}, strict=False)
    parsed = _pages(tmp_path / "site")
    assert "actors/evil-actor.html" in parsed
    for name, page in parsed.items():
        assert [(t, a) for t, a, _ in page.attrs if a.startswith("on")] == [], name
        assert not [v for _, _, v in page.attrs if v.strip().lower().startswith("javascript:")], name
        assert not any("__xss" in s for s in page.scripts), name
    visible = " ".join(" ".join(parsed["actors/evil-actor.html"].text).split())
    assert " ".join(EVIL.split()) in visible


def test_front_matter_values_from_a_project_template_stay_inert(tmp_path: Path) -> None:
    briefing, articles = hostile_briefing()
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "actor.md.j2").write_text(
        "---\ndescription: {{ actor.name | yaml }}\ntags:\n  - {{ actor.name | yaml }}\n"
        "  - {{ actor.roles[0] | yaml }}\n---\n# {{ actor.name | md }}\n",
        encoding="utf-8",
    )
    pages = render_pages(build_context(briefing, "T", articles), make_env(templates))
    assert pages["actors/evil-actor.md"].startswith("---\ntitle:")  # the override was used
    cfg = mkdocs_settings(None, "Site", NAV, None)
    cfg["plugins"] = ["search", "tags", "offline"]
    write_build_dir(tmp_path / "build", pages, cfg)
    publish(tmp_path / "build", tmp_path / "site", {}, strict=False)
    page = _pages(tmp_path / "site")["actors/evil-actor.html"]
    assert [(t, a) for t, a, _ in page.attrs if a.startswith("on")] == []
    assert "title" not in page.tags[page.tags.index("title") + 1 :]  # one <title>, never closed early
    assert not any("__xss" in s for s in page.scripts)
    assert " ".join(EVIL.split()) in " ".join(" ".join(page.text).split())  # the tag shows literally


def test_escaped_heading_cannot_close_the_title_element() -> None:
    markdown = safe_title(f"# {md_text(EVIL)}\n\nbody\n")
    meta = yaml.safe_load(markdown.split("---\n")[1])
    assert "<" not in meta["title"] and ">" not in meta["title"]
    assert html.unescape(meta["title"]) == " ".join(EVIL.split())


def test_safe_title_keeps_an_existing_title_and_other_front_matter() -> None:
    assert safe_title("---\ntitle: Mine\n---\n# Other\n") == "---\ntitle: Mine\n---\n# Other\n"
    merged = safe_title("---\nsearch:\n  boost: 2\n---\n# A &#60;b&#62;\n")
    assert yaml.safe_load(merged.split("---\n")[1]) == {"title": "A &lt;b&gt;", "search": {"boost": 2}}


# --- the escaping filters ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", PAYLOADS + LITERALS + ["a\n\n    indented\tcode", "x  \ny", "\x00\x1b[31m"])
def test_md_text_output_has_no_markdown_or_html_syntax_and_one_line(text: str) -> None:
    out = md_text(text)
    assert "\n" not in out and "  " not in out
    assert not re.search(r"[<>\[\]()`*_{}#|!\\:=\"'&~^$%@]", re.sub(r"&#\d+;", "", out))
    assert re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), out) == " ".join(
        text.replace("\x00", "").replace("\x1b", "").split()
    )


@_FUZZ_TEXT
@given(st.text())
def test_md_text_of_any_text_is_inert_and_decodes_back_to_the_text(text: str) -> None:
    out = md_text(text)
    assert "\n" not in out and "\r" not in out
    assert not re.search(r"[<>\[\]()`*_{}#|!\\:=\"'&~^$%@]", re.sub(r"&#\d+;", "", out))
    decoded = html.unescape(out)
    kept = "".join(c for c in text if (ord(c) >= 32 and ord(c) != 127) or c.isspace())
    assert decoded == " ".join(kept.split())


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:x", "data:text/html,<b>", "vbscript:x",
            "//evil.example", "/etc/passwd", "http://ex.org/a b", 'https://ex.org/"onclick="x', None, 42]
)
def test_safe_url_refuses_anything_but_plain_http_links(url: object) -> None:
    assert safe_url(url) == ""


def test_safe_url_keeps_a_real_link_and_escapes_markdown_characters() -> None:
    out = safe_url("https://example.org/a_(b)?x=1&y=[2]")
    assert out.startswith("https://example.org/")
    assert not set("()[]_&") & set(re.sub(r"&#\d+;", "", out))


# --- paths --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["../../x", "/", "..", ".", "\x00", "a\x00b", "CON", "nul", "Aux", "com1", "lpt9", "x" * 5000,
             "", "   ", "../../../etc/passwd", "C:\\Windows\\system32", "名前", "🙂🙂", "-", "--a--"]
)
def test_slug_is_a_short_safe_file_name(name: str) -> None:
    value = slug(name)
    assert SLUG_RE.match(value), value
    assert len(value) <= MAX_SLUG
    assert value not in {"con", "nul", "aux", "prn", "com1", "lpt9"}


def test_colliding_names_get_distinct_slugs_whatever_the_order() -> None:
    names = ["Mark Rutte", "mark rutte", "Mark-Rutte!", "MARK  RUTTE", "x" * 5000, "x" * 4999 + "y"]
    first = unique_slugs(names)
    assert len(set(first.values())) == len(names)
    assert unique_slugs(list(reversed(names))) == first
    assert all(SLUG_RE.match(v) and len(v) <= MAX_SLUG for v in first.values())


def test_slugs_for_named_keys_are_distinct_and_independent_of_order() -> None:
    names = {"a/x.txt": "Same Title", "b/x.txt": "Same Title", "c.txt": "Other", "d.txt": "same-title"}
    first = unique_slugs_for(names)
    assert len(set(first.values())) == len(names)
    assert first["c.txt"] == "other"
    assert unique_slugs_for(dict(reversed(list(names.items())))) == first


def test_source_page_names_come_from_title_or_file_name_once() -> None:
    sources = make_sources([_article("2025/000_abc.txt"), _article("x.txt", title="NATO ministers meet")])
    assert [s.slug for s in sources] == ["000-abc", "nato-ministers-meet"]


def _article(path: str, slug_value: str | None = None, title: str | None = None) -> Article:
    return Article(path=path, text="Text.", paragraphs=(Paragraph(1, 0, 5),), slug=slug_value, title=title)


def test_front_matter_slugs_and_titles_cannot_escape_the_sources_folder() -> None:
    articles = [
        _article("a.md", slug_value="../../x"),
        _article("b.md", slug_value="/"),
        _article("c.md", slug_value=".."),
        _article("d.md", title="CON"),
        _article("e.md", title="t" * 5000),
        _article("f.md", slug_value="same"),
        _article("sub/f.md", slug_value="same"),
    ]
    sources = make_sources(articles)
    slugs = [s.slug for s in sources]
    assert len(set(slugs)) == len(slugs)
    for value in slugs:
        assert SLUG_RE.match(value) and len(value) <= MAX_SLUG and value not in ("con", "nul")


def test_page_paths_that_climb_out_of_docs_are_refused(tmp_path: Path) -> None:
    build = tmp_path / "build"
    with pytest.raises(SiteError, match="outside"):
        write_build_dir(build, {"actors/../../../evil.md": "x"}, mkdocs_settings(None, "t", [], None))
    assert not (tmp_path / "evil.md").exists()
    assert not (build / "evil.md").exists()


# --- config errors --------------------------------------------------------------------------------------


def _cli_build(project: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    monkeypatch.chdir(project)
    return CliRunner().invoke(main, ["build", "-q", *args])


def _config(project: Path, text: str) -> None:
    (project / "site_config").mkdir(exist_ok=True)
    (project / "site_config" / "briefgen.yml").write_text(text, encoding="utf-8")


def test_malformed_yaml_names_file_line_and_column(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _config(project, 'title: "ok"\nsite_dir: site\ntitle2: [unclosed, list\nmore: x\n')
    result = _cli_build(project, monkeypatch)
    assert result.exit_code == 1
    assert re.search(r"briefgen\.yml:\d+:\d+", result.output)
    assert "line 3, column 9" in result.output
    assert "Traceback" not in result.output


def test_unknown_key_suggests_the_closest_known_key(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _config(project, "title: x\nsite_dri: out\n")
    result = _cli_build(project, monkeypatch)
    assert result.exit_code == 1
    assert "briefgen.yml:2: unknown key 'site_dri' (did you mean 'site_dir'?)" in result.output
    assert "Traceback" not in result.output


def test_wrong_types_name_key_expected_and_given_all_at_once(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _config(project, "jobs: many\nactor_pages: some\nsite_dir: 3\n")
    result = _cli_build(project, monkeypatch)
    assert result.exit_code == 1
    out = " ".join(result.output.split())
    assert "briefgen.yml:1: key 'jobs': expected a valid integer" in out and "given 'many'" in out
    assert "key 'actor_pages': expected 'speakers' or 'all', given 'some'" in out
    assert "key 'site_dir': expected a path (text), given 3" in out
    assert "Traceback" not in result.output


def test_python_tags_in_settings_are_refused_not_run(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _config(project, 'title: !!python/object/apply:os.system ["touch PWNED"]\n')
    result = _cli_build(project, monkeypatch)
    assert result.exit_code == 1
    assert "briefgen.yml:1:8" in result.output
    assert not (project / "PWNED").exists()


def test_mkdocs_settings_errors_are_messages_and_debug_shows_the_traceback(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "content" / "a.txt").write_text("Some text.\n")
    (project / "mkdocs.yml").write_text("plugins: [no-such-plugin]\n")
    result = _cli_build(project, monkeypatch)
    assert result.exit_code == 1
    assert "no-such-plugin" in result.output and "Traceback" not in result.output
    debug = _cli_build(project, monkeypatch, "--debug")
    assert debug.exit_code == 1
    assert "Traceback" in debug.output


def test_malformed_mkdocs_yml_names_line_and_column(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "content" / "a.txt").write_text("Some text.\n")
    (project / "mkdocs.yml").write_text("theme:\n  name: material\n   bad: indent\n")
    result = _cli_build(project, monkeypatch)
    assert result.exit_code == 1
    assert "mkdocs.yml:3:" in result.output
    assert "Traceback" not in result.output


# --- fuzzing the analysis -------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    ['"', "“", "”", "‘", "’", "«", "»", "„", "'", "\n", "\n\n", "\r\n", "\t", "\x00", "\x0b", "\u2028",
     "\ufeff", " said ", " says ", "Kaja Kallas", "Mr Rutte", " told reporters", ". ", ", ", ":", "—",
     "\u200b", "e\u0301", "ﬁ", "<script>", "{{ x }}", "|"]
)
_CHUNK = st.one_of(_PIECES, st.text(max_size=30), st.text(alphabet="ab \"'“”.", max_size=60))
_ARTICLE = st.lists(_CHUNK, max_size=40).map("".join)
_FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _analyse_texts(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "content").mkdir()
        for i, text in enumerate(texts):
            (root / "content" / f"{i:02d}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
        # one process: the property is the analysis', and a worker pool per example cost ~0.7 s of start-up
        briefing, articles, _ = extract(load_settings(project_dir=root, jobs=1))
    data = json.loads(briefing_json(briefing))
    jsonschema.validate(data, schema())
    cleaned = {a.path: a.text for a in articles}
    by_id = {s.id: s.path for s in briefing.sources}
    actor_ids = {a.id for a in briefing.actors}
    for q in briefing.quotes:
        assert q.text == cleaned[by_id[q.source]][q.start : q.end]
        assert q.speaker is None or q.speaker in actor_ids


@_FUZZ
@given(st.lists(_ARTICLE, min_size=1, max_size=3))
def test_fuzzed_articles_never_crash_and_quotes_are_exact_slices(texts: list[str]) -> None:
    _analyse_texts(texts)


def test_pathological_articles_finish_and_stay_consistent() -> None:
    _analyse_texts([
        "word" + '"' * 20_000 + "word",
        "-" * 20_000 + '"quote" said Kaja Kallas.',
        '"' * 20_000,  # took ~50 s before nlp.py kept long punctuation runs as one token
        "“a " * 10_000 + "” said Kaja Kallas.",
        ("word " * 20_000) + '"quote" said Mark Rutte.',
        "\n" * 5_000 + "x",
        '"Unclosed quote said Kaja Kallas.\n\n' * 500,
    ])
