"""Topics, stance markers and positions on tiny inputs and on the gold sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import ConfigError
from briefgen.extract.positions import (
    analyse_positions,
    lemmas,
    load_topics,
    make_lexicon,
    sentence_around,
    topics_of,
)
from briefgen.nlp import make_nlp
from briefgen.records import Actor, Briefing, Quote, Source
from tests.conftest import GOLD, SAMPLE
from tests.goldbriefing import gold_briefing

NLP = make_nlp()
TOPICS = load_topics(Path(__file__).resolve().parent.parent / "site_config")  # the sample project's topics
LEX = make_lexicon(NLP, TOPICS)


def _topics(text: str) -> tuple[str, ...]:
    return topics_of(lemmas(NLP, text), LEX)


def test_plural_cue_matches_singular_lemma() -> None:
    assert "peace-negotiations" in _topics("The negotiations start in Riyadh next week.")
    assert "security-guarantees" in _topics("Kyiv wants a guarantee from its partners.")


def test_phrase_cue_matches_only_as_a_whole() -> None:
    assert "nato-membership" in _topics("Ukraine's NATO membership is off the table.")
    assert "defence-spending" in _topics("Allies must reach five percent of GDP.")
    assert "sanctions" not in _topics("The weather in Brussels was cold.")


def test_sentence_without_cues_gets_no_topic() -> None:
    assert _topics("The meeting started at nine in the morning.") == ()


def test_sentence_around_returns_the_sentence_holding_a_fragment() -> None:
    text = "First sentence here. Lecornu warned against “peace through weakness.” Next one."
    start = text.index("peace")
    assert sentence_around(text, start, start + 5).startswith("Lecornu warned")


def _quote(qid: str, text: str, speaker: str, source: str = "s-a", kind: str = "direct") -> Quote:
    return Quote(qid, text, speaker, source, 1, 0, len(text), "said", kind)  # type: ignore[arg-type]


def test_positions_group_by_actor_and_topic_and_countries_name_each_actor() -> None:
    actors = (
        Actor("ann", "Ann Example", "person", "Germany", None),
        Actor("bob", "Bob Example", "person", "Germany", None),
    )
    sources = (Source("s-a", "a.txt", "a", None, None, None, "2025-02-13", 10),)
    quotes = (
        _quote("q-1", "We reject any deal over Ukraine's head.", "ann"),
        _quote("q-2", "The negotiations must include Europe.", "bob"),
        _quote("q-3", "It rained.", "bob"),
    )
    tagged, positions = analyse_positions(NLP, TOPICS, quotes, actors, sources, {})
    assert tagged[2].topics == ()
    by_key = {(p.kind, p.actor, p.topic): p for p in positions}
    ann = by_key[("actor", "ann", "peace-negotiations")]
    assert ann.evidence == ("q-1",) and (ann.stance, ann.target) == ("against", "any deal over Ukraine's head")
    country = by_key[("country", "germany", "peace-negotiations")]
    assert set(country.speakers) == {"ann", "bob"}
    assert set(country.evidence) == {"q-1", "q-2"}


@pytest.fixture(scope="module")
def gold(tmp_path_factory: pytest.TempPathFactory) -> Briefing:
    import shutil

    root = tmp_path_factory.mktemp("gold")
    shutil.copytree(SAMPLE, root / "content")
    briefing, _ = gold_briefing(root, GOLD)
    return briefing


def test_every_summary_is_the_words_of_one_of_its_evidence_quotes(gold: Briefing) -> None:
    quotes = {q.id: q for q in gold.quotes}
    assert gold.positions
    for p in gold.positions:
        assert p.evidence and all(e in quotes for e in p.evidence)
        assert p.summary in {quotes[e].text for e in p.evidence}


def test_evidence_quotes_carry_the_position_topic(gold: Briefing) -> None:
    quotes = {q.id: q for q in gold.quotes}
    for p in gold.positions:
        assert all(p.topic in quotes[e].topics for e in p.evidence)


def test_country_positions_cover_only_their_own_actors(gold: Briefing) -> None:
    actors = {a.id: a for a in gold.actors}
    for p in gold.positions:
        if p.kind == "country":
            assert {actors[s].country for s in p.speakers} and all(actors[s].country for s in p.speakers)


def test_project_topics_file_replaces_defaults(tmp_path: Path) -> None:
    (tmp_path / "topics.yml").write_text(
        "topics:\n  - name: Energy supplies\n    description: Gas.\n    cues: [gas, pipeline]\n", "utf-8"
    )
    topics = load_topics(tmp_path)
    assert [t.id for t in topics] == ["energy-supplies"]
    lex = make_lexicon(NLP, topics)
    assert topics_of(lemmas(NLP, "New pipelines were opened."), lex) == ("energy-supplies",)


def test_topic_without_cues_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "topics.yml").write_text("topics:\n  - name: Empty\n", "utf-8")
    with pytest.raises(ConfigError, match="no cues"):
        load_topics(tmp_path)


def test_topic_named_index_cannot_replace_the_topics_list(tmp_path: Path) -> None:
    (tmp_path / "topics.yml").write_text("topics:\n  - name: Index\n    cues: [index]\n", "utf-8")
    assert load_topics(tmp_path)[0].id != "index"


def test_country_gets_a_polarity_only_when_its_statements_agree_on_one_target() -> None:
    actors = (
        Actor("ann", "Ann Example", "person", "Germany", None),
        Actor("bob", "Bob Example", "person", "Germany", None),
    )
    sources = (Source("s-a", "a.txt", "a", None, None, None, "2025-02-13", 10),)
    agree = (
        _quote("q-1", "We reject any peace deal made behind our backs.", "ann"),
        _quote("q-2", "Any peace deal made behind our backs will not work.", "bob"),
    )
    _, positions = analyse_positions(NLP, TOPICS, agree, actors, sources, {})
    germany = next(p for p in positions if p.kind == "country" and p.topic == "peace-negotiations")
    assert germany.stance == "against" and germany.target
    differ = (
        _quote("q-1", "We reject any peace deal made behind our backs.", "ann"),
        _quote("q-2", "We call for the talks in Riyadh next week.", "bob"),
    )
    _, positions = analyse_positions(NLP, TOPICS, differ, actors, sources, {})
    germany = next(p for p in positions if p.kind == "country" and p.topic == "peace-negotiations")
    assert germany.stance is None and germany.target is None


def test_a_text_carried_by_several_articles_is_read_once_with_the_same_reading() -> None:
    from briefgen.extract.positions import read_quote

    text = "We reject any deal on sanctions that ignores Kyiv."
    first, copy = _quote("q1", text, "ann", "s-a"), _quote("q2", text, "bob", "s-b")
    other = _quote("q3", "NATO membership for Ukraine is unrealistic.", "ann")
    memo: tuple[dict, dict, dict] = ({}, {}, {})  # type: ignore[type-arg]
    read = [read_quote(q, None, LEX, NLP, memo) for q in (first, copy, other)]
    assert read == [read_quote(q, None, LEX, NLP) for q in (first, copy, other)]  # the memo changes nothing
    assert read[0].stance == "against" and read[0].target
    assert len(memo[0]) == 2 and len(memo[1]) == 2  # two distinct texts read, not three


def test_a_cell_shows_a_polarity_only_when_labelled_statements_are_a_real_share_of_its_statements() -> None:
    actors = (Actor("ann", "Ann Example", "person", "Germany", None),)
    sources = (Source("s-a", "a.txt", "a", None, None, None, "2025-02-13", 10),)
    said = ["The negotiations start on Monday.", "The negotiations will take place in Geneva.",
            "The negotiations were postponed once already."]
    few = (_quote("q-0", "We reject any peace deal made behind our backs.", "ann"),
           *(_quote(f"q-{n}", t, "ann") for n, t in enumerate(said, 1)))
    _, positions = analyse_positions(NLP, TOPICS, few, actors, sources, {})
    germany = next(p for p in positions if p.kind == "country" and p.topic == "peace-negotiations")
    assert len(germany.evidence) == 4 and germany.stance is None and germany.target is None  # 1 of 4 labelled
    half = (*few[:3], _quote("q-9", "Any peace deal made behind our backs will not work.", "ann"))
    _, positions = analyse_positions(NLP, TOPICS, half, actors, sources, {})
    germany = next(p for p in positions if p.kind == "country" and p.topic == "peace-negotiations")
    assert germany.stance == "against" and germany.target  # 2 of 4 labelled, and they agree


def test_cue_phrases_are_found_as_contiguous_runs_of_any_length_and_counted_once() -> None:
    from briefgen.extract.positions import topic_hits
    from briefgen.records import Topic

    topics = (
        Topic(id="long", name="Long", description="", cues=("one two three four five six seven",)),
        Topic(id="pair", name="Pair", description="", cues=("grain corridor", "corridor")),
    )
    lex = make_lexicon(NLP, topics)
    long_words = lemmas(NLP, "They said one two three four five six seven today.")
    assert topics_of(long_words, lex) == ("long",)
    assert topics_of(lemmas(NLP, "They said one two three four five six today."), lex) == ()
    assert topics_of(lemmas(NLP, "They said one two three four five six eight seven."), lex) == ()
    words = lemmas(NLP, "The grain corridor and the corridor again, the grain corridor.")
    assert topics_of(words, lex) == ("pair",)
    assert topic_hits(words, lex, "pair") == 2  # two distinct cues, each counted once
    assert topic_hits(lemmas(NLP, "A corridor."), lex, "pair") == 1
    assert topic_hits(words, lex, "long") == 0
