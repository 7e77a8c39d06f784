"""Pages from a positioned briefing: summary, countries, matrix (table + SVG), topics, links, overrides."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from briefgen.records import Briefing
from briefgen.render import build_context, make_env, render_pages
from briefgen.site import NAV, mkdocs_settings, publish, write_build_dir
from briefgen.svg import matrix_svg
from tests.conftest import GOLD, REPO, SAMPLE
from tests.goldbriefing import gold_briefing
from tests.linkcheck import broken_links

SVG = "{http://www.w3.org/2000/svg}"
Built = tuple[Path, Briefing, dict[str, str]]


@pytest.fixture(scope="module")
def gold_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("goldsite")
    shutil.copytree(SAMPLE, root / "content")
    briefing, articles = gold_briefing(root, GOLD)
    ctx = build_context(briefing, "Test briefing", articles)
    pages = render_pages(ctx, make_env(None))
    write_build_dir(root / "build", pages, mkdocs_settings(REPO / "mkdocs.yml", "Test", NAV, None))
    publish(root / "build", root / "site", {}, strict=False)
    return root / "site", briefing, pages


def _gold_countries() -> set[str]:
    found = set()
    for path in GOLD.glob("*.yaml"):
        gold = yaml.safe_load(path.read_text("utf-8"))
        affiliation = {a["name"]: a.get("affiliation") for a in gold["actors"]}
        for q in gold["quotes"]:
            if q["speaker"] and affiliation.get(q["speaker"]):
                found.add(affiliation[q["speaker"]])
    return found


def test_built_site_has_no_broken_internal_link_or_anchor(gold_site: Built) -> None:
    site, _, _ = gold_site
    assert broken_links(site) == []


def test_every_gold_quoted_country_has_a_page_and_a_matrix_row(
    gold_site: Built,
) -> None:
    site, _, pages = gold_site
    countries = _gold_countries()
    assert len(countries) >= 8
    svg_rows = {t.text for t in ET.fromstring(pages["matrix.svg"]).iter(f"{SVG}title")}
    for name in countries:
        page = next((p for p in pages if p.startswith("countries/") and pages[p].split("\n# ", 1)[-1]
                     .startswith(name)), None)
        assert page is not None, name
        assert (site / page.replace(".md", ".html")).is_file()
        assert f"[{name}](countries/" in pages["matrix.md"]
        assert name in svg_rows


def test_matrix_svg_cells_link_to_country_topic_anchors(gold_site: Built) -> None:
    _, briefing, pages = gold_site
    root = ET.fromstring(pages["matrix.svg"])
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    cell_links = [h for h in links if h and "#" in h]
    country_positions = [p for p in briefing.positions if p.kind == "country"]
    assert len(cell_links) == len(country_positions)
    assert all(h.startswith("countries/") and ".html#" in h for h in cell_links)


def test_every_quote_on_country_pages_links_to_a_paragraph(gold_site: Built) -> None:
    _, _, pages = gold_site
    germany = pages["countries/germany.md"]
    assert "](../sources/" in germany
    for line in germany.splitlines():
        if line.lstrip().startswith("- ") and "“" in line:
            assert "#p" in line


def test_summary_lists_key_points_with_speaker_country_and_evidence(
    gold_site: Built,
) -> None:
    _, briefing, pages = gold_site
    index = pages["index.md"]
    section = index.split("## Key points", 1)[1].split("\n## ", 1)[0]
    points = [line for line in section.splitlines() if line[:2].rstrip(".").isdigit()]
    assert len(points) >= 5
    assert section.count("(sources/") >= len(points)
    names = {a.name for a in briefing.actors}
    assert all(any(n in p for n in names) for p in points)


def test_front_matter_tags_are_topic_and_country_names_only(gold_site: Built) -> None:
    _, briefing, pages = gold_site
    allowed = {t.name for t in briefing.topics} | {a.country for a in briefing.actors if a.country}
    for name, text in pages.items():
        if text.startswith("---\n"):
            meta = yaml.safe_load(text.split("---\n", 2)[1])
            assert set(meta.get("tags") or []) <= allowed, name


def test_project_template_overrides_the_default(tmp_path: Path, gold_site: Built) -> None:
    _, briefing, _ = gold_site
    (tmp_path / "matrix.md.j2").write_text("# My matrix\n{{ site.matrix | length }} rows\n", "utf-8")
    pages = render_pages(build_context(briefing, "T"), make_env(tmp_path))
    body = pages["matrix.md"].split("---\n", 2)[-1]
    assert body.startswith(f"# My matrix\n{len(build_context(briefing, 'T').matrix)} rows")
    assert "Where countries stand" not in pages["matrix.md"]
    assert pages["index.md"] != ""  # the other pages still come from the defaults


def test_svg_escapes_hostile_names_and_stays_valid_xml() -> None:
    svg = matrix_svg('<script>alert("x")</script>', ["A & <b>"], [("<img onerror=x>", "countries/x.html",
                                                                      [("opposes", 2, "countries/x.html#t")])])
    root = ET.fromstring(svg)
    assert "<script>" not in svg and "<img" not in svg
    assert root.find(f"{SVG}title").text == '<script>alert("x")</script>'


def test_actor_and_topic_pages_show_a_dated_timeline(gold_site: Built) -> None:
    from dataclasses import replace

    _, briefing, _ = gold_site
    days = ["2025-02-12", "2025-02-13", "2025-02-14", "2025-02-15", "2025-02-16"]
    sources = tuple(
        # the newest article's date is a file date: a topic timeline shows its latest statements
        replace(s, published=days[i % len(days)], date_from_file=(i == len(days) - 1))
        for i, s in enumerate(briefing.sources)
    )
    dated = replace(briefing, sources=sources)
    pages = render_pages(build_context(dated, "T"), make_env(None))
    speaker = max(dated.actors, key=lambda a: sum(q.speaker == a.id for q in dated.quotes))
    page = pages[f"actors/{speaker.id}.md"]
    assert "## Timeline" in page
    rows = [line for line in page.split("## Timeline", 1)[1].splitlines() if line.startswith("| ") and "¶" in line]
    dates = [row.split("|")[1].strip() for row in rows]
    assert dates == sorted(dates, key=lambda d: days.index(
        next(x for x in days if f"{int(x[-2:])} Feb 2025" in d)))
    assert "*(file date)*" in pages["topics/peace-negotiations.md"]


def test_search_terms_put_names_first_drop_stop_words_and_stay_bounded() -> None:
    from briefgen.records import Article
    from briefgen.render import search_terms

    text = "The delegates met in Quorvendale and then they went to Brixtonhope for the extraordinary talks."
    article = Article(path="a.txt", text=text, paragraphs=())
    terms = search_terms(article).split()
    assert terms[:2] == ["quorvendale", "brixtonhope"]
    assert "the" not in terms and "then" not in terms and "they" not in terms
    assert terms.index("extraordinary") < terms.index("talks")  # longer words first after the names
    assert len(search_terms(article, limit=3).split()) == 3
    assert search_terms(None) == ""


def test_search_terms_rank_words_that_only_open_sentences_after_names() -> None:
    from briefgen.records import Article
    from briefgen.render import search_terms

    text = (
        "Delegates met Olvana Trist in Quorvendale on Tuesday.\n\n"
        "Speaking later, the Minister said the minister would return in March. \u201cWe wait,\u201d said Trist.\n"
    )
    terms = search_terms(Article(path="a.txt", text=text, paragraphs=()), limit=50).split()
    # names (capitalised inside a sentence) first, in order of appearance
    assert terms[:3] == ["olvana", "trist", "quorvendale"]
    # near misses: capitalised only where a sentence opens ("Delegates", "Speaking") come after the names;
    # "Minister" is also written in lower case, so it is an ordinary word, not a name
    assert terms.index("delegates") > 2 and terms.index("speaking") > 2
    assert terms.index("minister") > terms.index("speaking")
    # days and months say nothing about the article (its date is on the page)
    assert "tuesday" not in terms and "march" not in terms
    # words already indexed (title, outlet) are not repeated
    assert "quorvendale" not in search_terms(Article(path="a.txt", text=text, paragraphs=()), "Talks in Quorvendale")


def test_search_terms_keep_month_words_that_are_no_date() -> None:
    from briefgen.records import Article
    from briefgen.render import search_terms

    def terms(text: str) -> list[str]:
        return search_terms(Article(path="a.txt", text=text, paragraphs=()), limit=50).split()

    # not dates: a protest march, a verb, a surname, a month word opening a sentence with no number
    assert "march" in terms("Thousands joined the march on the capital.")
    assert "march" in terms("The farmers will march again, their leader said.")
    assert "may" in terms("The former prime minister Theresa May spoke first.")
    assert "march" in terms("March organisers counted the crowd.")
    # dates: beside a number, after a word that dates, any weekday
    for text in ("The vote is on 3 March 2025.", "It ended on March 3.", "Talks resume in March.",
                 "Prices rose since May.", "By mid-March the deal was done.", "The 3rd of May was calm.",
                 "Officials met on Monday."):
        found = terms(text)
        assert not {"march", "may", "monday"} & set(found), (text, found)
    # "may" the verb stays a stop word
    assert "may" not in terms("The minister may resign, aides said.")


def test_md_text_equals_its_per_character_definition() -> None:
    import random

    from briefgen.render import _CONTROLS, _MD_PUNCT, md_text

    bidi = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

    def reference(value: str) -> str:
        text = " ".join(value.translate(_CONTROLS).split())
        if any(ch in bidi for ch in text):
            text = "\u2068" + "".join(ch for ch in text if ch not in bidi) + "\u2069"
        return "".join(f"&#{ord(ch)};" if ch in _MD_PUNCT else ch for ch in text)

    alphabet = "ab Zé\n\t\x00\x7f\u202e\u2066\u2069“”" + "".join(sorted(_MD_PUNCT))
    rng = random.Random(7)
    for _ in range(500):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert md_text(value) == reference(value), repr(value)


def test_claims_on_from_the_topic_index_equals_a_scan_of_all_claims() -> None:
    from dataclasses import replace

    from briefgen.records import Claim

    def claim(n: int, topics: tuple[str, ...], countries: tuple[str, ...], articles: int) -> Claim:
        evidence = tuple(f"q{n}-{i}" for i in range(n % 3 + 1))
        return Claim(f"c{n}", f"Claim {n}.", None, None, topics, ("a1",), countries, evidence, articles)

    claims = (
        claim(1, ("trade",), ("Ruritania",), 2), claim(2, ("trade", "aid"), ("Freedonia",), 5),
        claim(3, ("aid",), ("Ruritania",), 5), claim(4, ("trade",), ("Ruritania", "Freedonia"), 2),
        claim(5, ("aid", "trade"), (), 1),
    )
    ctx = build_context(Briefing(sources=(), actors=(), quotes=(), positions=(), claims=claims), "T")
    assert ctx.claims_by_topic is not None and len(ctx.claims_by_topic["trade"]) == 4
    scan = replace(ctx, claims_by_topic=None)
    for topic in ("trade", "aid", "none"):
        for country in (None, "Ruritania", "Freedonia"):
            assert ctx.claims_on(topic, country, 5) == scan.claims_on(topic, country, 5)
    assert [c.id for c in ctx.claims_on("trade", None, 3)] == ["c2", "c1", "c4"]  # articles, statements, id
