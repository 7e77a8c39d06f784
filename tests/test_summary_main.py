"""The story's main event, a later development kept apart from it, claims in other words, the digest memo's key."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefgen.records import Article, Paragraph, Source
from briefgen.summary import (
    Event,
    Evidence,
    Lead,
    Story,
    Summary,
    _events,
    _other_day,
    digest,
    digest_key,
    main_claims,
    main_lead,
    stems,
)
from tests.test_summary import _claim, _people, _quote


def _src(sid: str, month_day: str | None = None) -> Source:
    return Source(sid, f"{sid}.txt", sid, None, None, None, None, 100, month_day=month_day)


def _lead(source: Source, text: str, order: int = 0, paragraph: int = 1) -> Lead:
    return Lead(source, paragraph, text, stems(text), order)


EVENT = "A ransomware attack shut down the cargo terminals at the port of Tarvik on Tuesday."
ECHO = "Hackers shut down the cargo terminals at the port of Tarvik on Tuesday in a ransomware attack."
LATER = "Cargo terminals at the port of Tarvik hit by the ransomware attack partially reopened on Thursday."
DETAIL = "The harbour master repeated that the port would not pay the hackers."
FEATURE = "For centuries the islanders have fought the sea."


def test_the_main_event_is_the_first_sentence_most_articles_lead_with_the_earliest_among_near_ties() -> None:
    a, b, c, d = _src("a", "--06-10"), _src("b"), _src("c"), _src("d")
    firsts = [_lead(b, ECHO), _lead(a, EVENT), _lead(c, LATER), _lead(d, FEATURE)]
    idf = {w: 1.0 for lead in firsts for w in lead.stems}
    main = main_lead(firsts, idf)
    assert main is not None and main.source is a  # as close to the others as b's, and dated: the first report
    undated = [_lead(_src("a"), EVENT), *firsts[:1], *firsts[2:]]
    picked = main_lead(undated, idf)
    assert picked is not None and picked.text in (EVENT, ECHO)  # never the feature lede nor the later development
    assert main_lead(firsts[:2], idf) is None  # two articles: no main event is chosen
    second = main_lead([_lead(a, EVENT, order=1), *firsts[:1], *firsts[2:]], idf)
    assert second is not None and second.source is b  # an article's second sentence is never its lead


def test_a_sentence_naming_another_day_tells_another_event() -> None:
    assert _other_day(LATER, EVENT)  # Thursday / Tuesday
    assert _other_day("The talks resumed on 12 March in Oslo.", "The talks broke down on 3 March in Oslo.")
    assert not _other_day(ECHO, EVENT)  # both Tuesday
    assert not _other_day(DETAIL, EVENT)  # no day named: nothing said
    assert not _other_day("The sale closed on Friday.", "The sale was announced on Monday and closed on Friday.")


def test_the_main_event_opens_the_story_and_keeps_a_later_development_apart() -> None:
    a, b, c, d = _src("a", "--06-10"), _src("b"), _src("c"), _src("d")
    story_leads = [_lead(a, EVENT), _lead(b, ECHO), _lead(c, LATER), _lead(d, FEATURE),
                   _lead(b, DETAIL, order=1, paragraph=4), _lead(c, DETAIL, order=1, paragraph=3),
                   _lead(d, DETAIL, order=1, paragraph=2)]
    body = {lead.source.id: [(lead.paragraph, lead.stems) for lead in story_leads if lead.source is lead_src.source]
            for lead_src in story_leads for lead in [lead_src]}
    events = _events(1, story_leads, body)
    texts = [e.text for e in events]
    assert texts[0] == EVENT  # reported by fewer articles than the detail, but it is what they lead with
    assert {e.source.id for e in events[0].evidence} >= {"a", "b"}  # b's lead tells it again: its report
    assert ECHO not in texts and LATER in texts and DETAIL in texts


def test_speakers_making_one_claim_in_other_words_are_one_and_a_negated_one_is_heard_after_it() -> None:
    claims = [
        _claim("a", "Harbour fees for local fishermen must be cut this year", ("ann",), 3),
        _claim("e", "The quarry should close before the winter storms arrive", ("eve",), 2),
        _claim("b", "The fees the harbour charges local fishermen must be cut now", ("bob",), 2),
        _claim("f", "The quarry road should be repaved by the council", ("fay",), 2),  # one word shared
        _claim("g", "Harbour fees for local fishermen must be raised this year", ("gus",), 1),  # its own word
        _claim("d", "Harbour fees for local fishermen must not be cut at all", ("dan",), 1),
    ]
    quotes = {f"q-{c.id}": _quote(c.id, c.text, c.speakers[0]) for c in claims}
    views = main_claims(claims, Summary((), ()), _people("ann", "bob", "dan", "eve", "fay", "gus"), quotes, limit=6)
    assert [v.claim.id for v in views] == ["a", "d", "e", "f"]  # g: most of a's words, left out as a repeat
    assert [p.name for p in views[0].also] == ["Bob"]  # b is a's claim in other words
    assert all(v.also == () for v in views[1:])  # 'must be raised' is not 'must be cut' in other words


def test_the_digest_memo_is_keyed_by_the_word_lists_in_force(monkeypatch: pytest.MonkeyPatch) -> None:
    import briefgen.summary as summary
    from briefgen.extract.lexicon import UserData, use_user_data

    text = ("The council opened the new harbour bridge on Monday after two years of work on it. "
            "The crossing will carry four thousand cars a day from the spring, the council said.")
    article = Article("a.txt", text, (Paragraph(1, 0, len(text)),))
    memo: dict[str, summary.ArticleDigest] = {}
    before = digest(article, memo)
    assert len(before.leads) == 2
    from briefgen.extract.lexicon import load_data as shipped

    def with_caption(name: str) -> object:  # a project's lists that make the bridge sentence page furniture
        data = shipped(name)
        if name == "summary.yml" and active:
            data = {**data, "caption": [*data["caption"], "harbour bridge"]}
        return data

    active: list[bool] = []
    monkeypatch.setattr("briefgen.summary.load_data", with_caption)
    try:
        active.append(True)
        use_user_data(UserData({"cues.yml": {"verbs": ["quip"]}}))  # under 'briefgen serve': new lists
        assert digest_key(article) not in memo  # the memo of the old lists is not read ...
        after = digest(article, memo)
        assert [t for _, t, _, _ in after.leads] == [before.leads[1][1]]  # ... and the leads follow the new lists
    finally:
        active.clear()
        use_user_data(UserData())
    assert digest(article, memo) == before  # back to the shipped lists: the first digest again


def test_further_events_are_shown_under_the_story_they_belong_to() -> None:
    big, small = (_src("b1"), _src("b2"), _src("b3")), (_src("o1"),)
    told = Event("Ministers ended the harbour talks in Tarvik without a deal on Saturday.",
                 tuple(Evidence(s, 1) for s in big), 1)
    further = Event("Norland will host the next round of talks in the spring of 2027.",
                    (Evidence(big[0], 4), Evidence(big[1], 5)), 1)
    other = Event("A ferry ran aground off Vesta on Sunday.", (Evidence(small[0], 1),), 2)
    stories = (Story(2, "ferry", small, (other,)), Story(1, "harbour", big, (told, further)))
    summary = Summary(stories, (other,))
    # the harbour story has no sentence of its own here; the ferry story is listed first
    assert summary.lines(stories[0], (further,)) == (other,)
    assert summary.lines(stories[1], (further,)) == (further,)


def test_a_features_opening_comes_after_the_sentences_that_report() -> None:
    from briefgen.summary import feature_lede

    assert feature_lede(FEATURE)
    assert feature_lede("On the pier where the ferry left, mothers sat on plastic sheets waiting for news.")
    assert feature_lede("Seven years after the last sinking, overloading is still routine on the island routes.")
    # near misses: a day, an attribution, or a subject first
    assert not feature_lede("On Monday the island council opened an inquiry into the sinking of the ferry.")
    assert not feature_lede("In a statement, the harbour police said the captain had been arrested.")
    assert not feature_lede("Norway's Labour party won the most seats in the snap election but fell short.")
    assert not feature_lede("For the first time, the island council has closed the harbour overnight.")
    src = _src("a")
    story_leads = [_lead(src, FEATURE), _lead(src, "Now the island council says some farmland must go back to the sea.",
                                              order=1, paragraph=1)]
    events = _events(1, story_leads, {"a": [(1, lead.stems) for lead in story_leads]})
    assert events[0].text.startswith("Now the island council says")


def test_a_statement_of_fewer_than_three_content_words_is_not_a_main_claim() -> None:
    claims = [
        _claim("a", "There is no option to not be at the table", ("ann",), 3),  # option, table
        _claim("b", "The guns on the border must now fall silent", ("bob",), 1),  # guns, border, fall, silent
    ]
    quotes = {f"q-{c.id}": _quote(c.id, c.text, c.speakers[0]) for c in claims}
    views = main_claims(claims, Summary((), ()), _people("ann", "bob"), quotes, limit=5)
    assert [v.claim.id for v in views] == ["b"]


def test_a_preview_is_not_the_main_event_when_a_report_is_as_close() -> None:
    preview = "Ministers will meet in Tarvik on Tuesday to sign the harbour deal on fishing fees."
    report = "Ministers met in Tarvik on Tuesday and signed the harbour deal on fishing fees."
    echo = "The harbour deal on fishing fees was signed by ministers in Tarvik."
    a, b, c = _src("a", "--03-01"), _src("b", "--03-03"), _src("c")
    firsts = [_lead(a, preview), _lead(b, report), _lead(c, echo)]
    idf = {w: 1.0 for lead in firsts for w in lead.stems}
    main = main_lead(firsts, idf)
    assert main is not None and main.text == report  # the earliest article previews it: the report leads
    # near miss: 'will not' and 'will have' report what was decided; the earliest report is kept
    decided = "Ministers said in Tarvik on Tuesday they will not sign the harbour deal on fishing fees."
    kept = main_lead([_lead(a, decided), _lead(b, report), _lead(c, echo)], idf)
    assert kept is not None and kept.text == decided


def test_a_what_happened_line_costs_the_words_its_links_show() -> None:
    """The word budget counts the evidence link as the page shows it: a source without an outlet is cited
    by its headline's first words, which cost more than 'Reuters'; '+N more' and 'first reported' count too,
    the day only when the link shown does not give it."""
    from briefgen.summary import Event, Evidence, _event_words

    wire = Source("w", "w.txt", "w", "Port shut", "Reuters", None, "2026-11-30", 100)
    long = Source("q", "q.txt", "q", "Q&A: What the rail derailment means for drinking water", None, None, None, 100)
    text = "A freight train derailed near the town late on Sunday."
    plain = Event(text, (Evidence(wire, 1),), 1)
    headed = Event(text, (Evidence(long, 2),), 1)
    many = Event(text, (Evidence(long, 2), Evidence(wire, 1)), 1)
    sentence = len(text.split())
    assert _event_words(plain) == sentence + 5  # 'Reuters, 30 Nov 2026, ¶1': the day is the link's
    assert plain.first_reported == "" and many.first_reported == "30 Nov 2026"
    later = Source("l", "l.txt", "l", "Port shut", "AP", None, "2026-12-02", 100)
    assert Event(text, (Evidence(later, 1), Evidence(wire, 1)), 1).first_reported == ""  # the line gives a date
    undated = Event(text, (Evidence(replace(wire, published=None), 1),), 1)
    assert _event_words(undated) == sentence + 2  # 'Reuters, ¶1'
    assert _event_words(headed) > _event_words(undated) + 2  # the headline label's words are paid for
    # '+1 more' and 'first reported 30 Nov 2026' (the link shown is undated)
    assert _event_words(many) == _event_words(headed) + 2 + 5
    assert _event_words(many, several=True) == _event_words(headed) + 2  # several stories: no 'first reported'


def test_official_decisions_further_down_are_bounded_per_article() -> None:
    """Review: every decision sentence of a long article became a candidate (3,000 paragraphs: 2,567 of them)."""
    import briefgen.summary as summary

    parts, paragraphs, start = [], [], 0
    for n in range(200):
        sentence = f"The court ordered the release of prisoner number {n + 1} on Monday."
        parts.append(sentence)
        paragraphs.append(Paragraph(n + 1, start, start + len(sentence)))
        start += len(sentence) + 2
    article = Article("long.txt", "\n\n".join(parts), tuple(paragraphs))
    found = digest(article, {}, body=True)
    assert found.later is not None
    assert summary.LEAD_SENTENCES < len(found.later) <= summary.BODY_CANDIDATES + summary.DECISIONS_PER_ARTICLE
