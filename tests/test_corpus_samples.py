"""The sample corpus: boilerplate gone, every annotated sentence kept, same result from every format."""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefgen.build import extract
from briefgen.config import load_settings
from briefgen.corpus import read_corpus
from briefgen.corpus.boilerplate import load_rules
from briefgen.corpus.decode import repair_mojibake
from briefgen.records import Article
from tests.conftest import GOLD, SAMPLE

# Page furniture printed in the sample articles (named in the corpus issue); none may survive cleaning.
FURNITURE_LINES = ["Popular", "Spotlight", "Comments"]
FURNITURE = [
    "See what people are discussing",
    "More from World",
    "Queen Madonna vs King Trump",
    "READ SOME MORE",
    "Listen | 20:19",
    "Can Donald Trump really end the war in Ukraine?",
    "Remind me later.",
    "A Message from The Moscow Times:",
    "Dear readers,",
    "payment_icons",
    "![",
    "Photograph: Omar Havana/Getty Images",
    "FILE: U.S. President Donald Trump signs documents",
    "Zelensky sidelined?",
    "Source: https://",
]


def gold() -> dict[str, dict[str, Any]]:
    """The gold annotation of each sample article, by file name."""
    docs = {p.name.replace(".yaml", ".txt"): yaml.safe_load(p.read_text("utf-8")) for p in sorted(GOLD.glob("*.yaml"))}
    assert sorted(docs) == sorted(p.name for p in SAMPLE.glob("*.txt")), f"sample gold missing or incomplete in {GOLD}"
    return docs


def fixed(text: str) -> str:
    """A gold string as it reads after mojibake repair (gold keeps the raw bytes, e.g. 'DovilÄ—')."""
    return repair_mojibake(text)[0]


@pytest.fixture(scope="module")
def sample_articles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Article]:
    root = tmp_path_factory.mktemp("samples")
    shutil.copytree(SAMPLE, root / "content")
    result = read_corpus(load_settings(project_dir=root))
    assert not result.skipped
    return {a.path: a for a in result.articles}


def test_all_five_sample_articles_are_read(sample_articles: dict[str, Article]) -> None:
    assert sorted(sample_articles) == sorted(p.name for p in SAMPLE.glob("*.txt"))


def test_every_gold_quote_and_statement_sentence_survives_cleaning(sample_articles: dict[str, Article]) -> None:
    missing = []
    for name, doc in gold().items():
        text = sample_articles[name].text
        wanted = [q["text"] for q in doc["quotes"]] + [s["sentence"] for s in doc["statements"]]
        missing += [f"{name}: {w}" for w in wanted if fixed(w) not in text]
    assert not missing, "\n".join(missing)


def test_headline_becomes_title_exactly_where_gold_has_one(sample_articles: dict[str, Article]) -> None:
    for name, doc in gold().items():
        article = sample_articles[name]
        assert article.title == (fixed(doc["title"]) if doc["title"] else None), name
        if article.title:
            assert article.title not in article.text


@pytest.mark.parametrize("furniture", FURNITURE)
def test_no_listed_boilerplate_survives_cleaning(sample_articles: dict[str, Article], furniture: str) -> None:
    assert not [a.path for a in sample_articles.values() if furniture in a.text]


@pytest.mark.parametrize("word", FURNITURE_LINES)
def test_no_one_word_menu_line_survives_cleaning(sample_articles: dict[str, Article], word: str) -> None:
    for article in sample_articles.values():
        assert word not in [article.text[p.start : p.end] for p in article.paragraphs]


def test_every_dropped_line_is_recorded_with_a_known_rule(sample_articles: dict[str, Article]) -> None:
    rules = load_rules()
    names = {*rules.exact.values(), *(n for n, _ in rules.patterns), *(n for n, _ in rules.tails)}
    names |= {*rules.structural, "source-line", "header-line", "markdown-rule"}
    raw_lines = {p.name: p.read_text("utf-8").splitlines() for p in SAMPLE.glob("*.txt")}
    for article in sample_articles.values():
        for removed in article.removed:
            assert removed.rule in names
            assert fixed(raw_lines[article.path][removed.line - 1].strip()) == removed.text


def test_mojibake_name_is_repaired_and_curly_quotes_are_kept(sample_articles: dict[str, Article]) -> None:
    text = sample_articles["003_e66833ffe3436db9.txt"].text
    assert "Dovilė Sakaliene" in text
    assert "Ä" not in text
    assert "“we’re giving [Russia] everything they want" in text


def test_paragraph_spans_number_from_one_and_rebuild_the_text(sample_articles: dict[str, Article]) -> None:
    for article in sample_articles.values():
        assert [p.number for p in article.paragraphs] == list(range(1, len(article.paragraphs) + 1))
        pieces = [article.text[p.start : p.end] for p in article.paragraphs]
        assert "\n\n".join(pieces) == article.text
        assert all(piece and "\n" not in piece and piece == piece.strip() for piece in pieces)


def test_source_line_gives_url_and_outlet_and_leaves_the_body(sample_articles: dict[str, Article]) -> None:
    article = sample_articles["003_e66833ffe3436db9.txt"]
    assert article.url is not None and article.url.startswith("https://www.dw.com/")
    assert article.outlet == "DW"
    assert "https://" not in article.text


def test_donation_appeal_names_the_outlet_and_dateline_the_place(sample_articles: dict[str, Article]) -> None:
    article = sample_articles["004_3cf22583a51e9ceb.txt"]
    assert article.outlet == "The Moscow Times"
    assert article.dateline == "BRUSSELS"
    assert article.text.startswith("BRUSSELS — ")


# --- the same articles in every other format ---------------------------------------------------------


def _title_and_body(path: Path, title: str | None) -> list[str]:
    lines = [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
    if title and lines and lines[0] == title:
        lines = lines[1:]
    return lines


def _write_formats(root: Path) -> dict[str, Path]:
    """The sample corpus saved as .md with front matter, as .html pages and as one .jsonl file."""
    titles = {name: doc["title"] for name, doc in gold().items()}
    projects = {fmt: root / fmt for fmt in ("txt", "md", "html", "jsonl")}
    for project in projects.values():
        (project / "content").mkdir(parents=True)
    records = []
    for path in sorted(SAMPLE.glob("*.txt")):
        title = titles[path.name]
        body = _title_and_body(path, title)
        shutil.copy(path, projects["txt"] / "content" / path.name)
        front = yaml.safe_dump({"title": title} if title else {"tags": ["sample"]}, allow_unicode=True)
        (projects["md"] / "content" / f"{path.stem}.md").write_text(
            f"---\n{front}---\n\n" + "\n\n".join(body) + "\n", encoding="utf-8"
        )
        heading = f"<h1>{html.escape(title)}</h1>" if title else ""
        paras = "".join(f"<p>{html.escape(line)}</p>\n" for line in body)
        page = (
            f"<html><head><meta charset='utf-8'><title>{html.escape(title or path.stem)}</title></head>"
            f"<body><article>{heading}\n{paras}</article></body></html>"
        )
        (projects["html"] / "content" / f"{path.stem}.html").write_text(page, encoding="utf-8")
        records.append({"text": path.read_text("utf-8"), "title": title, "slug": path.stem})
    (projects["jsonl"] / "content" / "export.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return projects


@pytest.fixture(scope="module")
def by_format(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    projects = _write_formats(tmp_path_factory.mktemp("formats"))
    return {fmt: extract(load_settings(project_dir=project)) for fmt, project in projects.items()}


def _paragraphs(result: Any) -> list[list[str]]:
    return [[a.text[p.start : p.end] for p in a.paragraphs] for a in result[1]]


def _quotes(result: Any) -> list[tuple[Any, ...]]:
    briefing = result[0]
    order = {s.id: i for i, s in enumerate(briefing.sources)}
    return sorted((order[q.source], q.text, q.speaker, q.paragraph, q.start, q.end, q.kind) for q in briefing.quotes)


@pytest.mark.parametrize("fmt", ["md", "html", "jsonl"])
def test_other_formats_give_the_same_paragraphs_as_txt(by_format: dict[str, Any], fmt: str) -> None:
    assert len(by_format[fmt][1]) == 5
    assert _paragraphs(by_format[fmt]) == _paragraphs(by_format["txt"])


@pytest.mark.parametrize("fmt", ["md", "html", "jsonl"])
def test_other_formats_give_the_same_actors_and_quotes_as_txt(by_format: dict[str, Any], fmt: str) -> None:
    assert by_format["txt"][0].quotes
    assert _quotes(by_format[fmt]) == _quotes(by_format["txt"])
    assert by_format[fmt][0].actors == by_format["txt"][0].actors
