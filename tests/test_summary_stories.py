"""Story merging: a one-event corpus told by outlets with different side names is one story."""

from __future__ import annotations

from briefgen.records import Article, Paragraph
from briefgen.summary import _merge_cores, digest


def _article(title: str | None, text: str) -> Article:
    return Article("a.txt", text, (Paragraph(1, 0, len(text)),), title=title)


def test_stories_whose_cores_share_three_names_half_the_corpus_mentions_are_one() -> None:
    ship = {"lake", "kivu", "mv", "tembo"}  # the names most articles share
    aid = {"red", "cross", "desk", "amani", "volun", "uvira", "kenya", "ugand", "socie"}  # each in 2 of 3
    party = {"party", "okapi", "bisim", "judge", "nyere", "bukob", "lissu", "inqui", "march"}
    words = [
        frozenset(ship | aid),
        frozenset({"lake", "kivu"} | aid),
        frozenset({"mv", "tembo"} | aid),
        frozenset(ship | party),
        frozenset({"lake", "kivu"} | party),
        frozenset({"mv", "tembo"} | party),
        frozenset({"oslo", "labou", "norwa", "lake"}),  # another story sharing one name
    ]
    # neither the share of side names (under CORE_SHARE) nor names in nearly every article join the halves
    merged = _merge_cores([[0, 1, 2], [3, 4, 5], [6]], words)
    assert sorted(sorted(g) for g in merged) == [[0, 1, 2, 3, 4, 5], [6]]
    # in a corpus of many stories those names are in few of its articles: the halves stay apart
    many = words + [frozenset({f"x{i}", f"y{i}", f"z{i}"}) for i in range(8)]
    assert len(_merge_cores([[0, 1, 2], [3, 4, 5], [6], *[[7 + i] for i in range(8)]], many)) == 11


def test_a_headline_names_the_place_the_text_leaves_out_unless_it_is_in_title_case() -> None:
    text = "THE Government has formed a commission to look into the sinking of the MV Tembo, the minister said."
    named = digest(_article("Govt orders probe into Lake Kivu ferry sinking", text)).names
    assert {"lake", "kivu", "tembo"} <= named
    assert "govt" not in named  # a headline's first word is capitalised as any sentence's is
    plain = digest(_article(None, text)).names
    assert "kivu" not in plain and "tembo" in plain
    title_case = digest(_article("Govt Orders Probe Into Lake Kivu Ferry Sinking", text)).names
    assert "order" not in title_case and "probe" not in title_case and "kivu" not in title_case


def test_the_summary_matrix_shows_counts_and_leaves_stances_to_the_full_matrix() -> None:
    from pathlib import Path

    template = (Path(__file__).parent.parent / "templates" / "index.md.j2").read_text(encoding="utf-8")
    section = template.split("## Where countries stand", 1)[1].split("## Most quoted", 1)[0]
    # a stance without what it is on would mislead ('Germany: for' under a topic it opposed part of)
    assert "cell.count" in section and "stance" not in section.split("Statements per country", 1)[0]
    assert "if cells[:4] | select | list" in section  # a row of dashes only says nothing


def test_a_live_blog_time_stamp_opens_no_lead_sentence() -> None:
    from briefgen.records import Source
    from briefgen.summary import leads
    from tests.test_summary import _article as paragraphs

    article = paragraphs("16:20 — The harbour office has opened a desk at the pier for families of the missing crew.",
                         "10.5 million tonnes of grain passed through the harbour office last year, the port said.",
                         "3:12 PM — The harbour master has closed the pier to ferries for the rest of the day.")
    source = Source("s", "a.txt", "a", None, None, None, None, 100)
    found = [lead.text for lead in leads(source, article)]
    assert found[0].startswith("The harbour office has opened a desk")
    assert found[1].startswith("10.5 million tonnes")  # a figure is no time stamp
    assert found[2].startswith("The harbour master has closed the pier")  # a capitalised PM too


def test_a_speaker_denying_a_claim_shown_is_heard_right_after_it() -> None:
    from briefgen.summary import Summary, main_claims
    from tests.test_summary import _claim, _people, _quote

    claims = [
        _claim("a", "The islanders must be closely involved in every decision on the harbour", ("ann",), 3),
        _claim("e", "The quarry should close before the winter storms arrive", ("eve",), 2),
        _claim("f", "The ferry timetable has been cut to two crossings a day", ("fay",), 2),
        _claim("d", "The islanders must not be involved in the decision on the harbour", ("dan",), 1),
    ]
    quotes = {f"q-{c.id}": _quote(c.id, c.text, c.speakers[0]) for c in claims}
    views = main_claims(claims, Summary((), ()), _people("ann", "dan", "eve", "fay"), quotes, limit=5)
    ids = [v.claim.id for v in views]
    assert ids[:2] == ["a", "d"] and sorted(ids[2:]) == ["e", "f"]  # ranked last, heard second


def test_an_article_nothing_above_is_taken_from_adds_its_first_sentence_when_words_are_left() -> None:
    from briefgen.records import Source
    from briefgen.summary import Event, Evidence, Story, Summary

    s1, s2, s3 = (Source(i, f"{i}.txt", i, i, None, None, None, 100) for i in ("s1", "s2", "s3"))

    def event(text: str, *where: tuple[Source, int]) -> Event:
        return Event(text, tuple(Evidence(src, p) for src, p in where), 1)

    told = event("A ferry sank off Tarvik on Sunday with sixty people on board.", (s1, 1), (s2, 1))
    own = event("The island council called for new safety rules for every ferry route.", (s3, 1))
    later = event("A second ferry was held in port by the coast guard overnight.", (s3, 4))  # not its lead
    told_own = event("The ferry company suspended all sailings from Tarvik until Friday.", (s2, 2))  # s2 is cited
    summary = Summary((Story(1, "ferry", (s1, s2, s3), (told, own, later, told_own)),), (told,))
    assert [e.text for e in summary.more(())] == [own.text]


def test_with_several_stories_their_heading_lines_count_against_the_claims_words() -> None:
    from dataclasses import replace

    from briefgen.records import Source
    from briefgen.summary import SUMMARY_WORDS, Event, Evidence, Story, Summary, main_claims
    from tests.test_summary import _claim, _people, _quote

    sources = [Source(f"s{i}", f"s{i}.txt", f"s{i}", f"t{i}", None, None, None, 100) for i in range(2)]
    n = (SUMMARY_WORDS - 54) // 2  # each sentence costs n + 2 words with its link ('t0, ¶1')
    events = [Event(" ".join(["word"] * n) + ".", (Evidence(s, 1),), i + 1) for i, s in enumerate(sources)]
    name = "Harbour pilots strike over night shifts and pay across the northern ports"  # 12 words
    claims = [_claim("a", "The pilots must be paid for every night shift they work", ("ann",), 1),
              _claim("b", "The ferries will keep sailing on time during the strike", ("bob",), 1)]
    quotes = {f"q-{c.id}": replace(_quote(c.id, c.text, c.speakers[0]), source="s0", paragraph=3) for c in claims}
    people = _people("ann", "bob")
    # one story holding both sentences: 50 words are left, room for both claims (about 15 words each)
    one = Summary((Story(1, name, tuple(sources), tuple(replace(e, story=1) for e in events)),),
                  tuple(replace(e, story=1) for e in events))
    assert len(main_claims(claims, one, people, quotes, limit=4)) == 2
    # two stories: their two heading lines (name and article count, dates) take the second claim's words
    two = Summary(tuple(Story(i + 1, name, (s,), (events[i],)) for i, s in enumerate(sources)), tuple(events))
    assert len(main_claims(claims, two, people, quotes, limit=4)) == 1
