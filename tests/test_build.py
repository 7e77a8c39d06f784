"""End-to-end: the sample corpus becomes a site with briefing.json that validates."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from briefgen.build import build
from briefgen.config import load_settings
from briefgen.export import schema


@pytest.fixture(scope="module")
def built_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import copy_sample

    root = copy_sample(tmp_path_factory.mktemp("sample"))
    build(load_settings(project_dir=root))
    return root


def test_sample_build_writes_index_country_actor_and_source_pages(built_sample: Path) -> None:
    site = built_sample / "site"
    assert (site / "index.html").is_file()
    assert list((site / "actors").glob("*.html"))
    assert (site / "sources" / "index.html").is_file()
    assert (site / ".briefgen-site").is_file()


def test_briefing_json_validates_against_shipped_schema(built_sample: Path) -> None:
    data = json.loads((built_sample / "site" / "briefing.json").read_text("utf-8"))
    jsonschema.validate(data, schema())
    assert data["generator"]["name"] == "briefgen"
    assert len(data["sources"]) == 5


def test_quotes_text_equals_cleaned_article_slice(built_sample: Path) -> None:
    data = json.loads((built_sample / "site" / "briefing.json").read_text("utf-8"))
    assert data["quotes"]
    for q in data["quotes"]:
        assert q["end"] > q["start"]
        assert q["text"].strip()


def test_search_index_holds_speakers_and_the_articles_distinctive_words(built_sample: Path) -> None:
    docs = json.loads((built_sample / "site" / "search" / "search_index.json").read_text("utf-8"))["docs"]
    titles = {d["title"] for d in docs if d["location"].startswith("actors/")}
    assert "Kaja Kallas" in titles
    sources = " ".join(d["text"] for d in docs if d["location"].startswith("sources/"))
    assert "kallas" in sources.lower()  # her name is among the distinctive words of the articles quoting her


def test_search_index_keeps_the_outlet_of_a_source_page_but_not_its_file_line(built_sample: Path) -> None:
    # every indexed word costs time in the reader's browser on each page load: the file name, word count and
    # date line of a source page are left out, its outlet and distinctive words stay
    docs = json.loads((built_sample / "site" / "search" / "search_index.json").read_text("utf-8"))["docs"]
    data = json.loads((built_sample / "site" / "briefing.json").read_text("utf-8"))
    pages = {
        d["location"]: d["text"] for d in docs
        if d["location"].startswith("sources/") and "#" not in d["location"] and d["location"] != "sources/index.html"
    }
    with_outlet = [s for s in data["sources"] if s.get("outlet")]
    assert with_outlet
    assert len(pages) == len(data["sources"])
    everything = " ".join(pages.values())
    assert not re.search(r"\d words", everything)
    assert not any(s["path"] in everything for s in data["sources"])
    assert all(s["outlet"] in everything for s in with_outlet)
    html = next((built_sample / "site" / "sources").glob("*.html")).read_text("utf-8")
    assert " words · file " in html  # still shown on the page


def test_schema_rejects_a_quote_without_kind() -> None:
    bad = {
        "generator": {"name": "briefgen", "version": "0"},
        "sources": [],
        "actors": [],
        "quotes": [{"id": "q-1", "text": "x", "speaker": None, "source": "s-1", "paragraph": 1,
                    "start": 0, "end": 1, "cue": None, "topics": []}],
        "positions": [],
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema())


def test_search_leaves_out_the_quote_lists_of_actor_pages(built_sample: Path) -> None:
    # each quote's words are in its article; the actor pages' quote lists were two thirds of the index
    docs = json.loads((built_sample / "site" / "search" / "search_index.json").read_text("utf-8"))["docs"]
    data = json.loads((built_sample / "site" / "briefing.json").read_text("utf-8"))
    quote = next(q for q in data["quotes"] if q["speaker"] and q["kind"] == "direct" and len(q["text"]) > 40)
    probe = " ".join(quote["text"].split()[:6])
    hits = {d["location"].split("#")[0] for d in docs if probe in d["text"]}
    assert hits <= {"index.html"}  # the summary may cite it as a key point
    assert any(d["location"] == f"actors/{quote['speaker']}.html" for d in docs)  # the page itself is found


def test_search_indexes_unattributed_quotes_on_their_source_page(built_sample: Path) -> None:
    docs = json.loads((built_sample / "site" / "search" / "search_index.json").read_text("utf-8"))["docs"]
    data = json.loads((built_sample / "site" / "briefing.json").read_text("utf-8"))
    quote = next(q for q in data["quotes"] if q["speaker"] is None and len(q["text"]) > 40)
    probe = " ".join(quote["text"].split()[:6])
    assert any(d["location"].startswith("sources/") and probe in d["text"] for d in docs)
