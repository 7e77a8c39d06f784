"""Each input format on real-looking samples: metadata found, front matter wins, paragraphs kept."""

from __future__ import annotations

import json
from pathlib import Path

from briefgen.config import load_settings
from briefgen.corpus import CorpusResult, read_corpus
from briefgen.corpus.formats import _declared_charset
from briefgen.records import Article


def read(project: Path) -> CorpusResult:
    return read_corpus(load_settings(project_dir=project))


def one(project: Path, name: str, text: str) -> Article:
    (project / "content" / name).write_text(text, encoding="utf-8")
    result = read(project)
    assert not result.skipped, result.skipped
    [article] = result.articles
    return article


def paragraphs(article: Article) -> list[str]:
    return [article.text[p.start : p.end] for p in article.paragraphs]


# --- .txt --------------------------------------------------------------------------------------------


def test_txt_headline_is_title_and_url_line_gives_url_and_outlet(project: Path) -> None:
    article = one(
        project,
        "a.txt",
        "Allies split over ceasefire plan\n"
        "URL: https://www.reuters.com/world/europe/allies-split-2025-02-13/\n\n"
        "Foreign ministers disagreed on Thursday over how to monitor a ceasefire, officials said.\n\n"
        "“We need guarantees first,” said one minister.\n",
    )
    assert article.title == "Allies split over ceasefire plan"
    assert article.url == "https://www.reuters.com/world/europe/allies-split-2025-02-13/"
    assert article.outlet == "Reuters"
    assert paragraphs(article) == [
        "Foreign ministers disagreed on Thursday over how to monitor a ceasefire, officials said.",
        "“We need guarantees first,” said one minister.",
    ]


def test_txt_unknown_domain_outlet_is_the_host_name(project: Path) -> None:
    article = one(project, "a.txt", "The minister said the talks would resume.\nSource: https://news.example.org/a/1\n")
    assert article.outlet == "news.example.org"


def test_txt_dateline_with_wire_signature_gives_place_date_and_outlet(project: Path) -> None:
    article = one(
        project,
        "a.txt",
        "KYIV, Feb 13, 2025 (Reuters) - Ukraine's president said on Thursday that no deal could be made without "
        "Kyiv, as allies met in Brussels.\n",
    )
    assert article.dateline == "KYIV"
    assert article.published == "2025-02-13"
    assert article.outlet == "Reuters"
    assert article.title is None
    assert article.text.startswith("KYIV, Feb 13, 2025 (Reuters) - ")


def test_txt_header_lines_give_metadata(project: Path) -> None:
    article = one(
        project,
        "a.txt",
        "Title: Talks in Riyadh\nPublished: 18 February 2025\nOutlet: Example News\n\n"
        "Delegations met in Riyadh on Tuesday, officials said.\n",
    )
    assert (article.title, article.published, article.outlet) == ("Talks in Riyadh", "2025-02-18", "Example News")
    assert article.text == "Delegations met in Riyadh on Tuesday, officials said."


def test_txt_sentence_first_line_is_not_a_title(project: Path) -> None:
    article = one(project, "a.txt", "The minister said on Thursday that talks would resume.\n\nMore followed.\n")
    assert article.title is None
    assert paragraphs(article)[0] == "The minister said on Thursday that talks would resume."


def test_txt_hard_wrapped_paragraphs_are_joined(project: Path) -> None:
    wrapped = (
        "Defence ministers from across the alliance gathered in Brussels on\n"
        "Thursday for talks that officials described as difficult but necessary,\n"
        "with several delegations pressing for a clear timetable.\n\n"
        "“We cannot wait for another summit to decide this,” the Dutch minister\n"
        "told reporters as he arrived at the alliance headquarters in the city.\n"
    )
    article = one(project, "a.txt", wrapped)
    assert len(article.paragraphs) == 2
    assert "gathered in Brussels on Thursday for talks" in paragraphs(article)[0]
    assert paragraphs(article)[1].startswith("“We cannot wait") and paragraphs(article)[1].endswith("in the city.")


def test_txt_one_line_per_paragraph_keeps_each_line(project: Path) -> None:
    article = one(project, "a.txt", "First paragraph of the report.\nSecond paragraph of the report.\n")
    assert paragraphs(article) == ["First paragraph of the report.", "Second paragraph of the report."]


def test_whitespace_is_normalised_and_text_is_nfc(project: Path) -> None:
    article = one(project, "a.txt", "  The\u00a0minister   said\tDovile\u0307 was\u200b right.  \n")
    assert article.text == "The minister said Dovilė was right."


# --- .md ---------------------------------------------------------------------------------------------


MD = """---
title: "Kallas: deal behind our backs will not work"
url: https://example.org/kallas
outlet: Example Times
published: 2025-02-13
language: en
tags: [ukraine, nato]
slug: kallas-deal
---

# Kallas: deal behind our backs will not work

The EU's top diplomat **warned** on Thursday that any deal made
without Europe would fail, according to [a statement](https://example.org/s).

> “Any deal behind our backs will not work,” Kallas said.

- Ministers meet again next week.

![a photo](https://example.org/p.jpg)
"""


def test_md_front_matter_gives_metadata_and_body_is_plain_paragraphs(project: Path) -> None:
    article = one(project, "k.md", MD)
    assert article.title == "Kallas: deal behind our backs will not work"
    assert article.url == "https://example.org/kallas"
    assert (article.outlet, article.published) == ("Example Times", "2025-02-13")
    assert (article.language, article.tags, article.slug) == ("en", ("ukraine", "nato"), "kallas-deal")
    assert paragraphs(article) == [
        "The EU's top diplomat warned on Thursday that any deal made without Europe would fail, "
        "according to a statement.",
        "“Any deal behind our backs will not work,” Kallas said.",
        "Ministers meet again next week.",
    ]
    assert [r.rule for r in article.removed] == ["image-markdown"]
    assert article.removed[0].line == 20  # counted in the file, front matter included


def test_md_front_matter_wins_over_inferred_metadata(project: Path) -> None:
    text = (
        "---\ntitle: Chosen title\nurl: https://chosen.example/a\n---\n"
        "Inferred headline here\nSource: https://www.dw.com/en/x\n\nThe minister said the talks would resume.\n"
    )
    article = one(project, "a.md", text)
    assert article.title == "Chosen title"
    assert article.url == "https://chosen.example/a"
    assert paragraphs(article)[0] == "Inferred headline here"


# --- .html -------------------------------------------------------------------------------------------


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Allies split over ceasefire plan | Example News</title>
<meta property="og:title" content="Allies split over ceasefire plan">
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://news.example.org/allies-split">
<meta property="article:published_time" content="2025-02-13T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Allies split over ceasefire plan</h1>
<p>Foreign ministers disagreed on Thursday over how to monitor a ceasefire in Ukraine, officials said.</p>
<p>“We need guarantees first,” said the Dutch foreign minister, adding that talks would continue.</p>
<p>The ministers will meet again in Munich next week to discuss the proposal in more detail.</p>
</article>
<footer>© 2025 Example News. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>
"""


def test_html_main_text_and_metadata_come_from_the_page(project: Path) -> None:
    article = one(project, "page.html", PAGE)
    assert article.title == "Allies split over ceasefire plan"
    assert article.outlet == "Example News"
    assert article.url == "https://news.example.org/allies-split"
    assert article.published == "2025-02-13"
    assert paragraphs(article) == [
        "Foreign ministers disagreed on Thursday over how to monitor a ceasefire in Ukraine, officials said.",
        "“We need guarantees first,” said the Dutch foreign minister, adding that talks would continue.",
        "The ministers will meet again in Munich next week to discuss the proposal in more detail.",
    ]


def test_html_without_article_text_is_skipped(project: Path) -> None:
    (project / "content" / "empty.htm").write_text("<html><body><nav>Home</nav></body></html>", "utf-8")
    result = read(project)
    assert not result.articles
    assert "no article text" in result.skipped[0].reason


# --- .jsonl ------------------------------------------------------------------------------------------


def test_jsonl_reads_one_article_per_line_with_optional_metadata(project: Path) -> None:
    rows = [
        {"text": "Talks resume\n\nThe minister said the talks would resume.", "outlet": "Wire"},
        {"text": "The envoy said little would change.", "title": "Envoy", "publishedAt": "2025-02-14T08:00:00Z",
         "source": {"name": "API News"}, "url": "https://api.example/2", "tags": ["nato"]},
    ]
    (project / "content" / "export.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")
    first, second = read(project).articles
    assert (first.path, first.title, first.outlet, first.text) == (
        "export.jsonl:1", "Talks resume", "Wire", "The minister said the talks would resume."
    )
    assert (second.title, second.published, second.outlet, second.url, second.tags) == (
        "Envoy", "2025-02-14", "API News", "https://api.example/2", ("nato",)
    )


def test_html_headline_is_dropped_when_title_carries_the_site_name(project: Path) -> None:
    page = PAGE.replace('<meta property="og:title" content="Allies split over ceasefire plan">', "").replace(
        "<title>Allies split over ceasefire plan | Example News</title>",
        "<title>Allies split over ceasefire plan - Example News</title>",
    )
    article = one(project, "page.html", page)
    assert article.title is not None and article.title.startswith("Allies split over ceasefire plan")
    assert paragraphs(article)[0].startswith("Foreign ministers disagreed")


def test_md_heading_without_front_matter_is_the_title(project: Path) -> None:
    article = one(project, "a.md", "# Ministers meet in Brussels\nThe minister said the talks would resume.\n")
    assert article.title == "Ministers meet in Brussels"
    assert article.text == "The minister said the talks would resume."


def test_md_first_line_of_a_paragraph_is_not_a_title(project: Path) -> None:
    article = one(project, "a.md", "Ministers met in Brussels on\nThursday, officials said in a statement.\n")
    assert article.title is None
    assert article.text == "Ministers met in Brussels on Thursday, officials said in a statement."


def test_html_declared_legacy_charset_is_honoured(project: Path) -> None:
    declared = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">'
    page = PAGE.replace('<meta charset="utf-8">', declared).replace("the Dutch foreign minister", "Petr Čermák")
    raw = page.encode("cp1250")
    assert _declared_charset(raw) == "cp1250"
    (project / "content" / "old.htm").write_bytes(raw)
    [article] = read(project).articles
    assert "“We need guarantees first,” said Petr Čermák" in article.text
    assert _declared_charset(page.encode("utf-8")) is None


def test_crlf_and_lf_files_give_the_same_article(project: Path) -> None:
    text = "Talks resume\n\nThe minister said the talks would resume.\nREAD MORE\nOfficials agreed.\n"
    (project / "content" / "lf.txt").write_text(text, "utf-8")
    (project / "content" / "crlf.txt").write_bytes(text.replace("\n", "\r\n").encode())
    result = read(project)
    assert [a.path for a in result.articles] == ["crlf.txt"]  # same text: read once
    [article] = result.articles
    assert article.title == "Talks resume"
    assert [(r.line, r.rule) for r in article.removed] == [(4, "read-more-link")]


def test_jsonl_size_limit_applies_per_line(project: Path) -> None:
    big = json.dumps({"text": "The minister spoke. " * 400})
    small = json.dumps({"text": "The envoy said little would change."})
    (project / "content" / "feed.jsonl").write_text(f"{small}\n{big}\n{small.replace('envoy', 'aide')}\n", "utf-8")
    result = read_corpus(load_settings(project_dir=project, max_article_bytes=1000))
    assert [a.path for a in result.articles] == ["feed.jsonl:1", "feed.jsonl:3"]
    assert [(s.line, "max_article_bytes" in s.reason) for s in result.skipped] == [(2, True)]


def test_undated_article_takes_the_date_in_its_file_name_and_says_so(project: Path) -> None:
    body = "Ministers met in Oslo.\n\nThe minister said talks would resume.\n"
    (project / "content" / "2025-03-04-oslo-talks.txt").write_text(body, "utf-8")
    dated = body.replace("Oslo", "Tromsø")
    (project / "content" / "20250305_dated.md").write_text(f"---\npublished: 2025-01-02\n---\n{dated}", "utf-8")
    (project / "content" / "undated.txt").write_text(body.replace("Oslo", "Bergen"), "utf-8")
    got = {a.path: (a.published, a.date_from_file) for a in read(project).articles}
    assert got == {
        "2025-03-04-oslo-talks.txt": ("2025-03-04", True),
        "20250305_dated.md": ("2025-01-02", False),  # metadata wins over the file name
        "undated.txt": (None, False),
    }
