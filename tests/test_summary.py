"""The summary page: stories found across articles, what happened in each, in proportion, in few words."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from briefgen.build import extract, make_sources
from briefgen.config import load_settings
from briefgen.corpus import read_corpus
from briefgen.records import Actor, Article, Paragraph, Quote, Source
from briefgen.render import build_context, make_env, render_pages
from briefgen.summary import (
    SUMMARY_WORDS,
    Event,
    Evidence,
    Story,
    Summary,
    allocate,
    disagreements,
    leads,
    main_claims,
    summarise,
)
from tests.multistory import STORIES, write_corpus


def visible_words(markdown: str) -> int:
    """Words a reader sees on a rendered Markdown page (link targets, tags, front matter left out)."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return len([w for w in text.split() if re.search(r"\w", w)])


@pytest.fixture(scope="module")
def multistory(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    project = tmp_path_factory.mktemp("multistory")
    stories = write_corpus(project / "content")
    return project, stories


def test_articles_on_the_same_story_are_grouped_and_stories_kept_apart(
    multistory: tuple[Path, dict[str, str]]
) -> None:
    project, truth = multistory
    corpus = read_corpus(load_settings(project_dir=project))
    summary = summarise(make_sources(corpus.articles), {a.path: a for a in corpus.articles})
    found = [sorted({truth[s.path] for s in story.sources}) for story in summary.stories]
    assert all(len(keys) == 1 for keys in found), found  # no story mixes two invented stories
    assert sorted(k for [k] in found) == sorted(s.key for s in STORIES)  # and none is split in two
    sizes = {story.sources[0].path: len(story.sources) for story in summary.stories}
    assert sorted(sizes.values(), reverse=True) == sorted((s.size for s in STORIES), reverse=True)


def test_every_story_is_told_and_the_biggest_first(multistory: tuple[Path, dict[str, str]]) -> None:
    project, truth = multistory
    corpus = read_corpus(load_settings(project_dir=project))
    summary = summarise(make_sources(corpus.articles), {a.path: a for a in corpus.articles})
    told = [truth[e.evidence[0].source.path] for e in summary.happened]
    assert sorted(set(told)) == sorted(s.key for s in STORIES)
    assert told[0] == max(STORIES, key=lambda s: s.size).key
    dam = next(e for e in summary.happened if truth[e.evidence[0].source.path] == "dam")
    assert "Blue Valley dam" in dam.text and dam.articles == 9  # the main event, reported by all nine


def test_event_links_point_at_the_paragraph_that_reports_it(multistory: tuple[Path, dict[str, str]]) -> None:
    project, _ = multistory
    corpus = read_corpus(load_settings(project_dir=project))
    by_path = {a.path: a for a in corpus.articles}
    summary = summarise(make_sources(corpus.articles), by_path)
    for event in summary.happened:
        first = event.evidence[0]
        article = by_path[first.source.path]
        para = article.paragraphs[first.paragraph - 1]
        assert event.text.rstrip(" …")[:40] in article.text[para.start : para.end]
        assert first.source.day  # dated: the wire copies by their dateline, the year from the corpus


def test_summary_page_tells_every_story_in_at_most_600_words(multistory: tuple[Path, dict[str, str]]) -> None:
    project, _ = multistory
    settings = load_settings(project_dir=project)
    briefing, articles, _ = extract(settings)
    page = render_pages(build_context(briefing, "Invented news", articles), make_env(None))["index.md"]
    assert visible_words(page) <= 600, visible_words(page)
    assert "**8 stories**" in page
    for phrase in ("Blue Valley dam", "copper", "snap election", "earthquake", "quarter point", "satellite",
                   "ferry", "wheat"):
        assert phrase in html.unescape(page), phrase
    assert re.search(r"\]\(sources/dam-\d\d\.md#p1\)", page)


def test_shares_are_proportional_with_at_least_one_each() -> None:
    assert allocate([9, 7, 5, 5, 4, 4, 3, 3], 8) == [1] * 8
    assert allocate([6, 2], 5) == [3, 2]
    assert allocate([10], 5) == [5]
    assert sum(allocate([9, 7, 5, 5, 4, 4, 3, 3], 12)) == 12


def _article(*paras: str) -> Article:
    text, spans, offset = "", [], 0
    for i, p in enumerate(paras):
        if text:
            text += "\n\n"
            offset += 2
        spans.append(Paragraph(i + 1, offset, offset + len(p)))
        text += p
        offset += len(p)
    return Article("a.txt", text, tuple(spans))


def test_leads_skip_captions_quotes_and_sentences_that_need_the_one_before() -> None:
    article = _article(
        "FILE: The president signs a decree in the capital on Monday, January 6, 2025.",
        "“We will not give up the harbour to anyone at all,” the mayor said on Tuesday.",
        "He also said the harbour would stay open for the fishing fleet.",
        "The port authority of Valletta closed the old harbour to cruise ships on Tuesday.",
        "The meeting of the port board ended without any decision on the new fees.",
        "Cruise lines said they would move their ships to the northern harbour instead.",
    )
    [source] = make_sources([article])
    assert [lead.text for lead in leads(source, article)] == [
        "The port authority of Valletta closed the old harbour to cruise ships on Tuesday.",
        "Cruise lines said they would move their ships to the northern harbour instead.",
    ]


# --- main claims and disagreements --------------------------------------------------------------------


@dataclass(frozen=True)
class FakeClaim:
    """The fields of a claim record the summary reads."""

    id: str
    text: str
    target: str | None
    stance: str | None
    speakers: tuple[str, ...]
    countries: tuple[str, ...]
    evidence: tuple[str, ...]
    articles: int


def _claim(cid: str, text: str, speakers: tuple[str, ...], articles: int, stance: str | None = None,
           target: str | None = None) -> FakeClaim:
    return FakeClaim(cid, text, target, stance, speakers, tuple(f"C-{s}" for s in speakers), (f"q-{cid}",), articles)


def _quote(cid: str, text: str, speaker: str) -> Quote:
    return Quote(f"q-{cid}", text, speaker, "s-1", 1, 0, len(text), "said", "direct")


def _people(*ids: str) -> dict[str, Actor]:
    return {i: Actor(i, i.title(), "person", f"C-{i}", None) for i in ids}


def test_main_claims_lead_with_the_most_widely_made_and_then_hear_other_speakers() -> None:
    claims = [
        _claim("a", "The harbour must stay open to every ship", ("ann",), 3),
        _claim("b", "The harbour must stay open to all ships at night", ("ann",), 2),  # ann again: skipped
        _claim("c", "Fishing quotas should be cut by half this year", ("bob",), 1, "for", "cutting fishing quotas"),
        _claim("d", "no longer", ("cem",), 4),  # a fragment, not a claim
    ]
    quotes = {f"q-{c.id}": _quote(c.id, c.text, c.speakers[0]) for c in claims}
    views = main_claims(claims, Summary((), ()), _people("ann", "bob", "cem"), quotes, limit=5)
    assert [v.claim.id for v in views] == ["a", "c"]
    assert views[0].people[0].name == "Ann" and views[0].quote is quotes["q-a"]


def test_disagreement_pairs_opposite_stances_on_the_same_target() -> None:
    claims = [
        _claim("a", "The new bridge to the island must be built now", ("ann",), 2, "for", "the new bridge"),
        _claim("b", "We reject the new bridge, it would ruin the bay", ("bob",), 1, "against", "New bridge"),
        _claim("c", "The museum should open on Sundays for families", ("cem",), 1, "for", "Sunday opening"),
    ]
    quotes = {f"q-{c.id}": _quote(c.id, c.text, c.speakers[0]) for c in claims}
    [d] = disagreements(claims, _people("ann", "bob", "cem"), quotes)
    assert (d.support.claim.id, d.oppose.claim.id) == ("a", "b")
    one_mind = [claims[0], _claim("e", "I reject the new bridge after all, it costs too much", ("ann",), 1,
                                  "against", "the new bridge")]
    assert disagreements(one_mind, _people("ann"), {**quotes, "q-e": _quote("e", "x", "ann")}) == ()


def test_the_same_words_in_two_unrelated_stories_are_no_disagreement() -> None:
    # "the decision" of an oil cartel and "the decision" of a central bank: no speaker or country in common
    claims = [
        _claim("a", "Moscow fully supports the decision on output", ("ann",), 1, "for", "the decision"),
        _claim("b", "The decision was a mistake the economy will pay for", ("bob",), 1, "against", "the decision"),
    ]
    quotes = {
        "q-a": Quote("q-a", claims[0].text, "ann", "s-oil", 1, 0, 9, "said", "direct"),
        "q-b": Quote("q-b", claims[1].text, "bob", "s-bank", 1, 0, 9, "said", "direct"),
    }
    assert disagreements(claims, _people("ann", "bob"), quotes) == ()
    # the same two claims in one story (a speaker of each article appears in the other) are one
    quotes["q-a2"] = Quote("q-a2", "We will see.", "bob", "s-oil", 2, 10, 20, "said", "direct")
    [d] = disagreements(claims, _people("ann", "bob"), quotes)
    assert (d.support.claim.id, d.oppose.claim.id) == ("a", "b")


def test_a_negated_target_on_the_same_side_is_no_disagreement() -> None:
    # "for: farmers must not be excluded" and "against: excluding farmers" take one position
    claims = [
        _claim("a", "Farmers must not be excluded from the water board talks", ("ann",), 2, "for",
               "farmers must not be excluded from the water board talks"),
        _claim("b", "We oppose excluding farmers from the water board talks", ("bob",), 1, "against",
               "excluding farmers from the water board talks"),
    ]
    quotes = {f"q-{c.id}": _quote(c.id, c.text, c.speakers[0]) for c in claims}
    assert disagreements(claims, _people("ann", "bob"), quotes) == ()
    welcome = _claim("c", "We welcome excluding farmers from the water board talks", ("cem",), 1, "for",
                     "excluding farmers from the water board talks")
    quotes["q-c"] = _quote("c", welcome.text, "cem")
    [d] = disagreements([*claims, welcome], _people("ann", "bob", "cem"), quotes)
    assert d.support.claim.id == "c" and d.oppose.claim.id in ("a", "b")


def test_summary_page_shows_main_claims_and_both_sides_of_a_disagreement(
    multistory: tuple[Path, dict[str, str]]
) -> None:
    project, _ = multistory
    briefing, articles, _ = extract(load_settings(project_dir=project))
    ctx = build_context(briefing, "Invented news", articles)
    quote = briefing.quotes[0]
    pro = FakeClaim("c-1", "Every country on the river must have a say in the dam deal", "the dam deal", "for",
                    (quote.speaker or "",), ("Ethiopia",), (quote.id,), 3)
    con = FakeClaim("c-2", "Egypt cannot accept a dam deal made without Egypt at all", "The dam deal", "against",
                    ("someone-else",), ("Egypt",), (quote.id,), 2)
    actors = {a.id: a for a in briefing.actors}
    quotes = {q.id: q for q in briefing.quotes}
    ctx = replace(ctx, claims=main_claims([pro, con], ctx.summary, actors, quotes, 4),
                  disagreements=disagreements([pro, con], actors, quotes))
    page = html.unescape(render_pages(ctx, make_env(None))["index.md"])
    assert "## Main claims" in page and "## Key points" not in page
    section = page.split("## Where they disagree", 1)[1]
    assert "*for:*" in section and "*against:*" in section and "Egypt" in section
    assert visible_words(page) <= 600


def test_twenty_one_article_stories_are_all_named_and_the_page_stays_short(tmp_path: Path) -> None:
    held_out = Path(__file__).parent / "heldout" / "articles"
    files = sorted(held_out.glob("*.txt"))
    assert len(files) >= 15, "the held-out articles are part of the repository"
    for f in files:
        (tmp_path / "content").mkdir(exist_ok=True)
        (tmp_path / "content" / f.name).write_bytes(f.read_bytes())
    briefing, articles, _ = extract(load_settings(project_dir=tmp_path))
    ctx = build_context(briefing, "Held out", articles)
    assert len(ctx.summary.stories) == len(files)  # different topics are never merged
    assert len(ctx.summary.happened) == 8 and len(ctx.summary.untold) == len(files) - 8
    page = html.unescape(render_pages(ctx, make_env(None))["index.md"])
    assert all(story.label in page for story in ctx.summary.stories if ctx.summary.told(story))
    assert all(story.short in page for story in ctx.summary.untold)  # all twelve others named, cut short
    assert visible_words(page) <= 600, visible_words(page)


def test_a_target_in_other_words_is_the_same_target() -> None:
    claims = [
        _claim("a", "Ukraine should join the alliance as soon as the war ends", ("ann",), 2, "for",
               "Ukraine's membership of the alliance"),
        _claim("b", "Alliance membership for Ukraine is unrealistic for now", ("bob",), 1, "against",
               "alliance membership for Ukraine"),
    ]
    quotes = {f"q-{c.id}": _quote(c.id, c.text, c.speakers[0]) for c in claims}
    [d] = disagreements(claims, _people("ann", "bob"), quotes)
    assert (d.support.claim.id, d.oppose.claim.id) == ("a", "b")


def test_targets_that_only_overlap_are_not_one_disagreement() -> None:
    claims = [
        _claim("a", "It would be better to discuss the border question at the table first", ("ann",), 2, "for",
               "discuss the border question before concessions to the rebels"),
        _claim("b", "They accused the government of conceding too much to the rebels", ("bob",), 1, "against",
               "the government conceding to the rebels"),
    ]
    quotes = {f"q-{c.id}": _quote(c.id, c.text, c.speakers[0]) for c in claims}
    assert disagreements(claims, _people("ann", "bob"), quotes) == ()


def test_an_article_whose_own_names_dominate_still_joins_the_story_whose_core_it_shares() -> None:
    from briefgen.summary import _merge_cores

    core = {"congo", "rwand", "luand", "goma"}
    words = [
        frozenset(core | {"kabam", "reute"}),
        frozenset(core | {"nseng"}),
        frozenset(core | {"vaz"}),
        frozenset(core | {"halvo", "marsh", "nairo", "counc", "sake", "norwe"}),  # byline, aid group, town
        frozenset({"oslo", "labou", "norwa", "goma"}),  # another story sharing one name
    ]
    merged = _merge_cores([[0, 1, 2], [3], [4]], words)
    assert sorted(sorted(g) for g in merged) == [[0, 1, 2, 3], [4]]


def _source(sid: str, title: str) -> Source:
    return Source(sid, f"{sid}.txt", sid, title, None, None, None, 100)


def _said(cid: str, text: str, speaker: str, source: str, paragraph: int = 3) -> tuple[FakeClaim, Quote]:
    quote = Quote(f"q-{cid}", text, speaker, source, paragraph, 0, len(text), "said", "direct")
    return FakeClaim(cid, text, None, None, (speaker,), (), (quote.id,), 1), quote


def test_a_speaker_saying_the_same_in_other_words_in_several_articles_counts_as_widely_made() -> None:
    pairs = [
        _said("a1", "Appeasement has never worked with the regime", "kim", "s1"),
        _said("a2", "this was appeasement, which never worked", "kim", "s2"),
        _said("a3", "We will reopen the consulate in spring", "kim", "s3"),
        _said("b1", "The tariff on steel should be lowered next year", "lee", "s1"),
    ]
    claims = [c for c, _ in pairs]
    quotes = {q.id: q for _, q in pairs}
    story = Story(1, "x", tuple(_source(s, "A headline") for s in ("s1", "s2", "s3")), ())
    views = main_claims(claims, Summary((story,), ()), _people("kim", "lee"), quotes, limit=5)
    assert views[0].claim.id in {"a1", "a2"}  # two articles: kim's most widely made statement
    assert views[0].articles == 2 and len(views) == 2  # one statement per speaker


def test_a_statement_a_headline_quotes_goes_first_and_what_happened_is_not_repeated() -> None:
    pairs = [
        _said("h1", "Certainly not a betrayal of our partners", "kim", "s1", 9),
        _said("h2", "Our budget for the navy will double by autumn", "kim", "s1", 4),
        _said("h3", "The port deal was signed by both sides on Monday", "lee", "s2", 1),
    ]
    claims = [c for c, _ in pairs]
    quotes = {q.id: q for _, q in pairs}
    s1, s2 = _source("s1", "Deal ‘not a betrayal’, minister says"), _source("s2", "Port deal signed")
    told = Event("The port deal was signed on Monday.", (Evidence(s2, 1),), 1)
    summary = Summary((Story(1, "port", (s1, s2), (told,)),), (told,))
    views = main_claims(claims, summary, _people("kim", "lee"), quotes, limit=5)
    assert [v.claim.id for v in views] == ["h1"]  # the headline's statement; lee's is told above already


def _as(path: str, article: Article) -> Article:
    return replace(article, path=path)


def test_what_most_articles_report_further_down_is_told_and_sentences_that_point_back_are_not() -> None:
    lead = "The port authority of Valletta closed the old harbour to cruise ships on Tuesday after a storm."
    body = [
        "Cruise lines moved their ships to the northern harbour while the breakwater is repaired.",
        "Repairs to the breakwater will cost about 40 million euros, the harbour master estimated.",
        "Fishing boats may still use the old harbour at night under the new rules.",
        "The mayor of Sliema welcomed the reopening of the ferry terminal to passengers.",
    ]
    texts = [
        (lead, "Tourism officials in Malta expect fewer visitors this summer because of the closure.", *body),
        ("Malta shut the old Valletta harbour to cruise liners on Tuesday, the port authority announced.",
         "Hotel owners in Valletta said bookings fell sharply within hours of the announcement.",
         "Ferry services to Gozo were not affected by the closure, the operator said.", *body[1:]),
        ("Cruise ships can no longer enter Valletta's old harbour, the port authority ruled on Tuesday.",
         "The cruise industry brings Malta more than a million visitors a year, official figures show.",
         body[0], "The harbour master also said the breakwater repairs will cost about 40 million euros.", body[3]),
    ]
    articles = [_as(f"{i}.txt", _article(*paras)) for i, paras in enumerate(texts)]
    sources = make_sources(articles)
    summary = summarise(sources, {a.path: a for a in articles})
    told = [e.text for e in summary.happened]
    assert any("40 million euros" in t for t in told)  # reported by all three, in the fifth paragraph
    assert not any(" also " in t for t in told)  # out of the lead, "also" points back
    assert all(e.evidence[0].href.endswith(f"#p{e.evidence[0].paragraph}") for e in summary.happened)


def test_a_story_is_named_by_its_most_shared_headline_cut_to_its_first_clause() -> None:
    from briefgen.summary import _headline_label, _label

    titled = [
        replace(_source("s1", "Analysis: Why the harbour deal may not hold"), title_from_text=False),
        _source("s2", "Malta closes Valletta harbour to cruise ships, angering tour operators"),
        _source("s3", "Valletta harbour closed to cruise ships after storm damage"),
    ]
    event = Event("The port authority closed Valletta harbour to cruise ships on Tuesday.", (), 1)
    assert _headline_label(titled, [event]) == "Valletta harbour closed to cruise ships"
    assert _headline_label([replace(titled[0], title_from_text=True)], [event]) == ""  # no headline: no name
    lead = leads(titled[1], _article("The Democratic Republic of Congo and Rwanda signed a truce in Luanda today."))
    assert _label([Event(lead[0].text, (), 1)], lead, {}).startswith("Democratic Republic of Congo")


def test_main_claims_do_not_repeat_what_happened_and_stop_at_the_word_budget() -> None:
    pairs = [
        _said("r1", "There can be no talks on the harbour without the harbour workers", "kim", "s1", 5),
        _said("r2", "Cruise ships bring more money to the island than fishing ever did", "lee", "s2", 5),
        _said("r3", "The breakwater was built too low and the engineers knew it", "ann", "s2", 7),
    ]
    claims = [c for c, _ in pairs]
    quotes = {q.id: q for _, q in pairs}
    s1, s2 = _source("s1", "Harbour closed"), _source("s2", "Harbour row")
    said = Event("Workers demanded a place in any talks on the harbour.", (Evidence(s1, 1),), 1)
    story = Story(1, "harbour", (s1, s2), (said,))
    views = main_claims(claims, Summary((story,), (said,)), _people("kim", "lee", "ann"), quotes, limit=5)
    assert [v.claim.id for v in views] == ["r2", "r3"]  # kim's claim says what the event sentence says
    long = replace(said, text=" ".join(["word"] * (SUMMARY_WORDS - 30)) + ".")  # leaves ~27 words
    views = main_claims(claims, Summary((story,), (long,)), _people("kim", "lee", "ann"), quotes, limit=5)
    assert len(views) == 1  # a long 'What happened' leaves room for one claim only


def test_a_fragment_counts_for_its_statement_and_a_short_statement_a_headline_quotes_is_shown() -> None:
    pairs = [
        _said("f1", "We came very close to a deal on fishing subsidies", "osei", "s1"),
        _said("f2", "We came very close", "osei", "s2"),  # a fragment: too short to show, but a second report
        _said("d1", "We are deeply disappointed.", "ratu", "s3"),  # short, but the headline quotes it
        _said("d2", "Pacific countries will push for a fishing deal later this year", "ratu", "s3"),
        _said("n1", "We regret it.", "vogel", "s2"),  # short and no headline quotes it: never shown
    ]
    claims = [c for c, _ in pairs]
    quotes = {q.id: q for _, q in pairs}
    sources = (_source("s1", "Talks end"), _source("s2", "No deal"), _source("s3", "Pacific 'deeply disappointed'"))
    views = main_claims(claims, Summary((Story(1, "x", sources, ()),), ()), _people("osei", "ratu", "vogel"),
                        quotes, limit=5)
    shown = {v.claim.id: v.articles for v in views}
    assert shown == {"f1": 2, "d1": 1}


def test_a_dateline_place_may_name_a_country_of_several_words() -> None:
    from briefgen.corpus.boilerplate import load_rules
    from briefgen.corpus.metadata import dateline

    assert dateline("ABU DHABI, United Arab Emirates (AP) — Trade ministers met.", load_rules())[2] == "AP"


def test_a_claim_as_close_to_a_told_event_as_two_reports_of_it_is_not_repeated() -> None:
    pairs = [
        _said("m1", "The extension of the customs moratorium pleases software firms", "eu", "s2"),
        _said("m2", "Fishing fleets must stop getting public money that empties the oceans", "wwf", "s2"),
    ]
    claims = [c for c, _ in pairs]
    quotes = {q.id: q for _, q in pairs}
    s1, s2 = _source("s1", "Talks end"), _source("s2", "No deal")
    told = Event("Ministers agreed to extend the moratorium on customs duties on transmissions.", (Evidence(s1, 1),), 1)
    views = main_claims(claims, Summary((Story(1, "x", (s1, s2), (told,)),), (told,)), _people("eu", "wwf"),
                        quotes, limit=5)
    assert [v.claim.id for v in views] == ["m2"]


def test_a_dateline_below_a_byline_is_not_part_of_the_lead_sentence() -> None:
    article = _article("By Jane Doe", "ABU DHABI — Trade ministers failed to agree on fishing subsidies on Saturday.")
    [source] = make_sources([article])
    assert [lead.text for lead in leads(source, article)] == [
        "Trade ministers failed to agree on fishing subsidies on Saturday."
    ]


def test_without_headlines_a_story_is_named_by_its_place_and_its_rarest_shared_word() -> None:
    texts = [
        ("Kenya scrapped its wheat import duty on Monday, Trade Minister Grace Wanjiru said in Nairobi.",
         "Bakers said bread prices could fall by a tenth within a month of the change."),
        ("The Kenyan government removed the import duty on wheat, Trade Minister Grace Wanjiru said in Nairobi.",
         "Bakers welcomed the decision and promised cheaper loaves before the end of the month."),
        ("Norway's Labour party won the most seats in the snap election but fell short of a majority.",
         "Turnout was the highest in thirty years, the election board said on Thursday evening."),
    ]
    articles = [_as(f"{i}.txt", _article(*paras)) for i, paras in enumerate(texts)]
    summary = summarise(make_sources(articles), {a.path: a for a in articles})
    labels = {story.label for story in summary.stories}
    # 'Kenya' starts its sentence, but 'The Kenyan government' shows it is a name
    assert any(label.startswith("Kenya") and "Bakers" not in label for label in labels), labels
    # a common word the leads share names a story too ('Turnout' is capitalised only as a sentence start)
    assert any("Labour" in label and "election" in label for label in labels), labels


def test_stories_sharing_a_few_generic_names_but_not_their_leads_stay_apart() -> None:
    from briefgen.summary import _merge_cores

    words = [
        frozenset({"south", "korea", "natio", "elect", "democ", "seoul"}),
        frozenset({"south", "korea", "natio", "elect", "democ", "yoon"}),
        frozenset({"south", "afric", "natio", "elect", "democ", "eskom", "johan", "ramap"}),  # a power-cut story
    ]
    leads = [{"oppos": 1.0, "wins": 1.0, "major": 1.0}, {"oppos": 1.0, "major": 1.0, "vote": 1.0},
             {"power": 1.0, "cuts": 1.0, "hours": 1.0}]
    assert len(_merge_cores([[0, 1], [2]], words, leads)) == 2
    assert len(_merge_cores([[0, 1], [2]], words)) == 1  # on names alone the generic ones would join them


def test_with_many_stories_the_summary_names_as_many_as_fit_and_counts_the_rest() -> None:
    stories = tuple(Story(i + 1, f"Harbour number {i} closed to cruise ships after a long storm", (), ())
                    for i in range(60))
    summary = Summary(stories, ())
    assert 5 <= len(summary.also) < 60
    assert all(s.short.endswith("…") and len(s.short) <= 34 for s in summary.also)
    assert sum(len(s.short.split()) + 1 for s in summary.also) <= 80


def test_a_citation_names_the_outlet_else_the_headline_else_the_first_words_without_a_time_phrase() -> None:
    base = _source("s1", "Harbour reopens after a week of storms batter the coast")
    assert Summary.label(replace(base, outlet="Example Times")) == "Example Times"
    assert Summary.label(base) == "Harbour reopens after a week …"
    opening = "On Thursday morning, Norland's harbour master said the port …"
    untitled = replace(base, title=opening, title_from_text=True)
    assert Summary.label(untitled) == "Norland's harbour master …"
    plain = replace(untitled, title="Thursday's storm closed the port")
    assert Summary.label(plain) == "Thursday's storm closed the …"
    assert Summary.label(replace(base, title=None)) == "untitled article"
    assert Summary.label(replace(base, title="Port call with envoy ‘not a surrender’, mayor says")) == (
        "Port call with envoy …"
    )


def test_summary_cites_an_untitled_article_by_its_first_words_in_italics(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    body = (
        "On Monday, the Norland port authority said the harbour would reopen next week after the storm.\n\n"
        '"We will reopen on Friday," harbour master Ilse Varga said.\n'
    )
    (tmp_path / "content" / "a.txt").write_text(body, encoding="utf-8")
    briefing, articles, _ = extract(load_settings(project_dir=tmp_path))
    page = html.unescape(render_pages(build_context(briefing, "Invented news", articles), make_env(None))["index.md"])
    assert "[*The Norland port authority …*" in page
    assert "[On Monday" not in page


def test_a_sentence_retelling_an_event_in_the_same_paragraphs_is_not_a_new_event() -> None:
    from briefgen.summary import _retells, stems

    event = stems("Norland and Vesta have signed a harbour treaty in a ceremony in Tarvik on Saturday.")
    where = frozenset({("a", 1), ("b", 1), ("c", 2), ("d", 1)})
    again = stems("The treaty was signed by the two countries' envoys in Tarvik on Saturday.")
    new_fact = stems("Fishermen in the northern ports rejected the treaty and blocked the quays.")
    assert _retells(again, frozenset({("b", 1), ("c", 2), ("e", 3)}), event, where)
    assert not _retells(new_fact, frozenset({("b", 1), ("c", 2), ("e", 3)}), event, where)
    assert not _retells(again, frozenset({("e", 3), ("f", 2), ("b", 1)}), event, where)  # reported elsewhere


def test_a_he_or_she_subject_is_named_in_brackets_only_after_a_sentence_opened_by_that_name() -> None:
    from briefgen.summary import resolve_subject, subject_name, subject_person

    assert subject_name("Mayor Lena Varga closed the harbour on Monday.") == "Varga"
    assert subject_name("On Monday, Mr Dorn, who chairs the board, said the fees would rise.") == "Dorn"
    assert subject_name("Union leader Tom Lee said the fees were too high.") == "Lee"
    assert subject_name("The mayor closed the harbour.") == ""  # no name opens it
    assert subject_name("Britain said the harbour would stay closed.") == ""  # a country is no 'he'
    assert subject_name("Moscow denied the report.") == ""
    assert subject_name("Fishermen's union members said the fees were too high.") == ""
    assert subject_name("Despite the storm, the ferries sailed.") == ""
    assert resolve_subject("Hours later, she reopened the pier to fishing boats.", "Varga", "she") == (
        "Hours later, [Varga] reopened the pier to fishing boats.")
    assert resolve_subject("He also said the fees would rise.", "Dorn", "he") == "[Dorn] also said the fees would rise."
    assert resolve_subject("He also said the fees would rise.", "") == "He also said the fees would rise."
    assert resolve_subject("The board said he would resign.", "Dorn", "he") == "The board said he would resign."
    # never a guess: a pronoun of the other gender, or a subject whose gender the name does not give
    assert resolve_subject("He told her rates would stay.", "Lund", "she") == "He told her rates would stay."
    assert resolve_subject("He also said the fees would rise.", "Dorn") == "He also said the fees would rise."
    assert subject_person("Police said Tom Hale was arrested.") == ("Police", None)
    assert subject_person("Finance Minister Anna Lund met the governor.") == ("Lund", "she")
    assert subject_person("Mr Dorn met the mayor.") == ("Dorn", "he")
    # in an article: a later sentence with a pronoun subject is an event in its own right once resolved
    article = _article(
        "Mayor Lena Varga closed the old harbour of Valletta to cruise ships on Monday morning.",
        "Cruise lines said they would move their ships to the northern harbour of the island.",
        "Mayor Lena Varga met the port workers' union in the town hall on Tuesday evening.",
        "Hours later, she reopened the pier to the fishing boats of the island's cooperative.",
    )
    [source] = make_sources([article])
    texts = [lead.text for lead in leads(source, article, limit=5)]
    assert "Hours later, [Varga] reopened the pier to the fishing boats of the island's cooperative." in texts


def _in_article(text: str, quoted: str, speaker: str, cid: str, kind: str = "direct") -> tuple[FakeClaim, Quote,
                                                                                             Article]:
    article = _article("A first paragraph that only sets the scene for the reader today.", text)
    start = article.text.index(quoted)
    quote = Quote(f"q-{cid}", quoted, speaker, "s1", 2, start, start + len(quoted), "said", kind)  # type: ignore[arg-type]
    return FakeClaim(cid, quoted, None, None, (speaker,), (), (quote.id,), 1), quote, article


def test_a_claim_is_shown_in_its_reporters_sentence_when_that_tells_more_than_the_quote() -> None:
    from briefgen.summary import context

    act = "Mr Dorn met the mayor and the union leaders in Valletta on Monday and then announced “the fees will rise”."
    _, quote, article = _in_article(act, "the fees will rise", "dorn", "c1")
    assert context(quote, "Karl Dorn", article) == act  # an act beside the words: the sentence tells it
    plain = "“The fees will rise for every ship in the harbour,” Dorn said."
    _, quote, article = _in_article(plain, "The fees will rise for every ship in the harbour,", "dorn", "c2")
    assert context(quote, "Karl Dorn", article) == ""  # nothing beyond the words and the verb
    fragment = "He also said the U.S. would “no longer pay” for the harbour's dredging works."
    _, quote, article = _in_article(fragment, "no longer pay", "dorn", "c3", "partial")
    assert context(quote, "Karl Dorn", article) == (
        "[Dorn] also said the U.S. would “no longer pay” for the harbour's dredging works.")
    other = "Minister Ann Holm criticised the fees, and Karl Dorn said “the fees will rise” next spring."
    _, quote, article = _in_article(other, "the fees will rise", "dorn", "c4")
    assert context(quote, "Karl Dorn", article) == ""  # the sentence is about another speaker


def test_a_speaker_what_happened_reports_is_not_shown_again_and_a_demand_may_be_a_second_statement() -> None:
    pairs = [
        _said("k1", "There is no crisis in the harbour at all, whatever the opposition party says", "kim", "s1", 5),
        _said("k2", "The port will no longer tolerate ships that pay no fees", "kim", "s2", 6),
        _said("k3", "Our budget for the navy will double by autumn", "kim", "s2", 7),  # no demand: not heard twice
        _said("l1", "The fees hurt the fishermen of the island badly", "lee", "s2", 3),
        _said("m1", "Ferries should run every hour in the summer season", "mia", "s1", 8),
        _said("m2", "Ferries must stop at the northern pier too", "mia", "s1", 9),  # mia's first was a demand
    ]
    claims = [c for c, _ in pairs]
    quotes = {q.id: q for _, q in pairs}
    s1, s2 = _source("s1", "Harbour row"), _source("s2", "Fees rise")
    told = Event("Union leader Tom Lee said the new fees would ruin the fishermen.", (Evidence(s1, 1),), 1)
    summary = Summary((Story(1, "harbour", (s1, s2), (told,)),), (told,))
    people = {i: Actor(i, n, "person", None, None) for i, n in (("kim", "Kim Sun"), ("lee", "Tom Lee"),
                                                                  ("mia", "Mia Holm"))}
    views = main_claims(claims, summary, people, quotes, limit=5)
    shown = [v.claim.id for v in views]
    assert "l1" not in shown  # What happened already reports Lee on the fees
    assert shown[-1] == "k2" and "k3" not in shown and "m2" not in shown  # kim's demand, after the others' first
    assert set(shown) == {"k1", "m1", "k2"}


def test_stories_holding_the_names_nearly_every_article_mentions_are_one_story() -> None:
    from briefgen.summary import _merge_cores

    place = {"nepal", "rukum", "west"}
    words = [
        frozenset(place | {"thapa", "bimal", "surkh", "budha"}),  # survivors, PM
        frozenset(place | {"thapa", "bimal", "chaur"}),
        frozenset(place | {"thapa", "bimal", "india"}),
        frozenset(place | {"india", "chaur", "oli"}),
        frozenset(place | {"gurun", "kamal", "rai", "minis"}),  # the opposition, the ministry
        frozenset(place | {"gurun", "kamal", "rai", "china"}),
        frozenset(place | {"minis", "kathm", "china"}),
        frozenset(place | {"minis", "kathm", "gurun", "kamal"}),
        frozenset({"oslo", "labou", "norwa", "west"}),  # another story sharing one name
    ]
    merged = _merge_cores([[0, 1, 2, 3], [4, 5, 6, 7], [8]], words)
    assert sorted(sorted(g) for g in merged) == [[0, 1, 2, 3, 4, 5, 6, 7], [8]]
    # an article whose own names (survivors, a byline) outnumber the shared ones still joins
    alone = [*words[:4], frozenset(place | {"thapa", "dil", "maya", "tempe", "survi", "budha2", "gmt"})]
    assert sorted(sorted(g) for g in _merge_cores([[0, 1, 2, 3], [4]], alone)) == [[0, 1, 2, 3, 4]]
    # in a corpus of many stories no name is in nearly every article: side names keep stories apart
    mixed = [*words[:4], frozenset({"oslo", "labou", "norwa", "nepal"}),
             frozenset({"oslo", "labou", "norwa", "rukum"})]
    assert len(_merge_cores([[0, 1, 2, 3], [4], [5]], mixed)) == 2


def test_a_fuller_sentence_of_the_same_fact_takes_the_short_ones_place() -> None:
    from briefgen.summary import _events, stems

    texts = {
        "a": "The magnitude 6.4 quake has killed at least 157 people.",
        "b": "The 6.4-magnitude quake struck Rukum West district late on Friday, killing at least 157 people.",
        "c": "A magnitude 6.4 quake killed at least 157 people, officials said.",
    }
    sources = {k: Source(f"s-{k}", f"{k}.txt", k, None, None, None, None, 100) for k in texts}
    from briefgen.summary import Lead
    story_leads = [Lead(sources[k], 1, t, stems(t), 0) for k, t in texts.items()]
    body = {f"s-{k}": [(1, stems(t))] for k, t in texts.items()}
    events = _events(1, story_leads, body)
    assert events[0].text == texts["b"]  # the place and the day, not only the toll
    assert len(events) == 1  # and the toll is told once


def test_a_claim_giving_a_toll_already_told_repeats_it_and_a_time_in_brackets_ends_no_sentence() -> None:
    from briefgen.bibliography import sentence_spans
    from briefgen.summary import _same_toll, stems

    told = stems("The quake struck late on Friday, killing at least 157 people.")
    assert _same_toll(stems("At least 157 people were killed and 300 injured"), told)
    assert not _same_toll(stems("At least 157 schools were closed"), stems("The 157 km road reopened"))
    assert not _same_toll(stems("Deadliest quake since 2015"), stems("Homes built since 2015 quake"))  # a year
    text = "It hit at 11:47 p.m. (1802 GMT), when most slept. It was over by 9 p.m. The next day came."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "It hit at 11:47 p.m. (1802 GMT), when most slept.", "It was over by 9 p.m.", "The next day came."]


def test_a_speaker_is_heard_once_even_when_a_claim_also_names_their_country_first() -> None:
    pairs = [
        _said("w1", "China will provide emergency aid worth 20 million yuan to the island", "lin", "s1"),
        _said("w2", "As a close neighbour China deeply sympathises with the people of the island", "lin", "s2"),
    ]
    claims = [replace(pairs[0][0], speakers=("china", "lin")), pairs[1][0]]
    quotes = {q.id: q for _, q in pairs}
    actors = {**_people("lin"), "china": Actor("china", "China", "country", "China", None)}
    story = Story(1, "x", (_source("s1", "Aid"), _source("s2", "Aid")), ())
    views = main_claims(claims, Summary((story,), ()), actors, quotes, limit=5)
    assert len(views) == 1 and views[0].people[0].id == "lin"


def test_a_rebuild_reads_again_only_the_article_whose_content_changed(tmp_path: Path) -> None:
    import briefgen.summary as summary_module
    from briefgen.summary import digest_key, load_digests, save_digests

    texts = [
        ("a.txt", "Norland and Vesta signed a harbour treaty in Tarvik on Saturday after two years of talks.",
         "Fishermen in the northern ports of Norland rejected the treaty and blocked the quays on Sunday."),
        ("b.txt", "The harbour treaty between Norland and Vesta was signed in Tarvik on Saturday by both envoys.",
         "Vesta's fishing union said the treaty would cost its members their best grounds off Tarvik."),
        ("c.txt", "Envoys of Norland and Vesta signed the Tarvik harbour treaty on Saturday in a short ceremony.",
         "The treaty opens the harbour of Tarvik to ships of both countries from the first of May."),
    ]
    articles = [replace(_article(*paras), path=path) for path, *paras in texts]
    sources = make_sources(articles)
    by_path = {a.path: a for a in articles}
    cache: dict[str, summary_module.ArticleDigest] = {}
    first = summarise(sources, by_path, cache=cache)
    assert {digest_key(a) for a in articles} <= set(cache)
    save_digests(tmp_path / "digests.pickle", cache)
    kept = load_digests(tmp_path / "digests.pickle")
    assert kept == cache
    changed = replace(articles[2], text=articles[2].text.replace("short ceremony", "brief ceremony"))
    read: list[str] = []
    real = summary_module.leads

    def counting(source: Source, article: Article, *args: int) -> list[summary_module.Lead]:
        read.append(article.path)
        return real(source, article, *args)

    summary_module.leads = counting  # type: ignore[assignment]
    try:
        again = summarise(sources, {**by_path, "c.txt": changed}, cache=kept)
    finally:
        summary_module.leads = real
    assert set(read) == {"c.txt"}  # the two unchanged articles come from the kept digests
    fresh = summarise(sources, {**by_path, "c.txt": changed}, cache={})
    assert again == fresh and again.happened and first.stories
    (tmp_path / "bad.pickle").write_bytes(b"not a pickle")
    assert load_digests(tmp_path / "bad.pickle") == {}  # a damaged file is an empty cache, not a crash


def test_a_short_one_story_page_tells_more_events_several_articles_report_but_no_claim_again() -> None:
    s1, s2, s3 = _source("s1", "Talks end"), _source("s2", "No deal"), _source("s3", "Next round")

    def event(text: str, *where: tuple[Source, int]) -> Event:
        return Event(text, tuple(Evidence(src, p) for src, p in where), 1)

    told = event("Ministers ended the harbour talks in Tarvik without a deal on Saturday.", (s1, 1), (s2, 1), (s3, 1))
    events = (
        told,
        event("Vesta refused to sign the final text on harbour fees in Tarvik.", (s1, 2), (s2, 3)),
        event("Talks broke down after Vesta refused to sign the final text.", (s2, 4), (s3, 2)),  # the same again
        event("Minister Ann Holm said the fees would ruin the fishermen of the island.", (s1, 5), (s3, 3)),
        event("Norland will host the next round of talks in the spring of 2027.", (s2, 6), (s3, 4)),
        event("A ferry strike delayed several delegations.", (s3, 5),),  # one article only
    )
    summary = Summary((Story(1, "harbour", (s1, s2, s3), events),), (told,))
    holm = _said("h1", "The fees would ruin the fishermen of the island", "holm", "s1", 5)
    claims = main_claims([holm[0]], summary, {"holm": Actor("holm", "Ann Holm", "person", None, None)},
                         {holm[1].id: holm[1]}, limit=5)
    assert [e.text for e in summary.more(claims)] == [events[1].text, events[4].text]
    long_story = replace(told, text=" ".join(["word"] * SUMMARY_WORDS) + ".")
    assert Summary(summary.stories, (long_story,)).more(claims) == ()  # no words left: nothing more


def test_a_story_holding_most_articles_tells_more_and_a_story_among_equals_does_not() -> None:
    big = tuple(_source(f"b{i}", "Harbour") for i in range(3))
    small = (_source("o1", "Other"),)
    told = Event("Ministers ended the harbour talks in Tarvik without a deal on Saturday.",
                 tuple(Evidence(s, 1) for s in big), 1)
    further = Event("Norland will host the next round of talks in the spring of 2027.",
                    (Evidence(big[0], 4), Evidence(big[1], 5)), 1)
    other = Event("A ferry ran aground off Vesta on Sunday.", (Evidence(small[0], 1),), 2)
    stories = (Story(1, "harbour", big, (told, further)), Story(2, "ferry", small, (other,)))
    assert Summary(stories, (told, other)).more(()) == (further,)  # three of four articles: tells more
    even = (Story(1, "harbour", big[:2], (told, further)), Story(2, "ferry", (*small, big[2]), (other,)))
    assert Summary(even, (told, other)).more(()) == ()


def test_a_capital_and_a_colon_opening_an_article_is_a_dateline_not_part_of_its_lead() -> None:
    article = _article(
        "New Delhi: An air force aircraft carrying tents and medicines for the survivors landed on Sunday.",
        "Analysis: the harbour treaty between Norland and Vesta will be tested by the winter storms.",
    )
    [source] = make_sources([article])
    assert [lead.text for lead in leads(source, article)] == [
        "An air force aircraft carrying tents and medicines for the survivors landed on Sunday.",
        "Analysis: the harbour treaty between Norland and Vesta will be tested by the winter storms.",
    ]


def test_a_pronoun_is_the_speaker_only_as_the_subject_of_the_quote_s_own_cue() -> None:
    from briefgen.summary import context

    text = "Anna Lund met Tom Hale on Monday. She told Hale, who called the plan “a disaster”, to leave the room."
    _, quote, article = _in_article(text, "a disaster", "hale", "c1", kind="partial")
    quote = Quote(quote.id, quote.text, quote.speaker, quote.source, quote.paragraph, quote.start, quote.end,
                  "called", "partial")
    assert "[Hale]" not in context(quote, "Tom Hale", article)
