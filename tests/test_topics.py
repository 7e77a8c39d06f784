"""Topics come from the corpus: phrases recurring in statements of several articles, never a built-in list."""

from __future__ import annotations

from pathlib import Path

from briefgen.build import extract
from briefgen.config import load_settings
from briefgen.extract.positions import load_topics
from briefgen.scaffold import init_project
from tests.conftest import REPO

# Three unrelated stories, two short articles each (invented for this test).
STORIES = {
    "bus1.txt": (
        "Bus fares in Lakeside will rise in May, the city council said on Monday.\n\n"
        "\"Bus fares have not changed in six years and the depots need repairs,\" said Mayor Ellen Quist.\n\n"
        "Commuter group leader Tom Birch said higher bus fares would push workers back into their cars.\n"
    ),
    "bus2.txt": (
        "Lakeside's council voted on Thursday to raise bus fares by ten cents.\n\n"
        "\"We cannot keep bus fares frozen while fuel costs climb,\" said Mayor Ellen Quist.\n\n"
        "Student leader Ana Ruiz said cheaper bus fares for students were still needed.\n"
    ),
    "bank1.txt": (
        "The Reserve Bank of Norland left interest rates unchanged on Tuesday.\n\n"
        "\"Inflation is easing, but interest rates must stay where they are for now,\" said Governor Pia Lund.\n\n"
        "Economist Omar Haddad said interest rates were hurting small builders.\n"
    ),
    "bank2.txt": (
        "Norland's central bank signalled it could cut interest rates next year.\n\n"
        "\"A cut in interest rates is possible once wages settle,\" said Governor Pia Lund.\n\n"
        "Retailer Jo Marsh said lower interest rates would bring shoppers back.\n"
    ),
    "nurses1.txt": (
        "Nurses at Eastfield General Hospital walked out on Wednesday over staff shortages.\n\n"
        "\"Staff shortages put patients at risk every night,\" said union organiser Kim Dale.\n\n"
        "Hospital director Raj Patel said staff shortages would ease when new graduates arrive.\n"
    ),
    "nurses2.txt": (
        "The nurses' strike at Eastfield entered its second day on Thursday.\n\n"
        "\"We warned about staff shortages for two years,\" said union organiser Kim Dale.\n\n"
        "Health minister Lara Voss said the ministry would fund 40 extra posts to tackle staff shortages.\n"
    ),
}
UKRAINE_TOPICS = {t.id for t in load_topics(REPO / "site_config")}


def test_topics_are_discovered_from_an_unrelated_corpus_and_backed_by_their_phrase(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    for name, text in STORIES.items():
        (tmp_path / "content" / name).write_text(text, encoding="utf-8")
    briefing, _, _ = extract(load_settings(project_dir=tmp_path, quiet=True))
    topics = {t.id: t for t in briefing.topics}
    assert len(topics) >= 3 and not set(topics) & UKRAINE_TOPICS, list(topics)
    assert {"bus-fares", "interest-rates", "staff-shortages"} <= set(topics)
    for topic in topics.values():
        statements = [q for q in briefing.quotes if topic.id in q.topics]
        assert statements, topic.id
        assert all(any(c.lower()[:-1] in q.text.lower() for c in topic.cues) for q in statements), topic.id
    stories = {t: {q.source for q in briefing.quotes if t in q.topics} for t in topics}
    by_story = {s.id: s.path.rsplit("/", 1)[-1][:3] for s in briefing.sources}  # bus, ban(k), nur(ses)
    for t, sources in stories.items():  # unrelated stories never share a topic
        assert len({by_story[s] for s in sources}) == 1, t


def test_hand_written_topics_win_and_init_writes_an_empty_commented_file(tmp_path: Path) -> None:
    init_project(tmp_path / "new")
    text = (tmp_path / "new" / "site_config" / "topics.yml").read_text("utf-8")
    assert text.lstrip().startswith("#") and load_topics(tmp_path / "new" / "site_config") == ()
    assert [t.id for t in load_topics(REPO / "site_config")][:1] == ["peace-negotiations"]


def test_project_without_statements_builds_without_topic_pages(tmp_path: Path) -> None:
    from briefgen.build import build

    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.txt").write_text("The river was high on Monday. Boats stayed in port.\n", "utf-8")
    report = build(load_settings(project_dir=tmp_path, quiet=True))
    assert report.articles == 1
    docs = tmp_path / "build" / "docs"
    assert not [p for p in (docs / "topics").glob("*.md") if p.name != "index.md"]
    assert (tmp_path / "site" / "index.html").is_file()


def test_a_phrase_cut_at_a_stop_word_or_adverb_is_not_a_topic_name() -> None:
    from briefgen.extract.positions import statement_phrases

    found = set(statement_phrases("The canal now serves both nations instead of dividing them.").values())
    found |= set(statement_phrases("We reject any deal on the canal made without us.").values())
    assert "nations instead" not in found
    assert "canal made" not in found


def test_a_phrase_of_an_amount_or_a_day_is_not_a_topic_name() -> None:
    from briefgen.extract.positions import statement_phrases

    found = set(statement_phrases("The strike cost the company six million euros before Tuesday's meeting.").values())
    found |= set(statement_phrases("Thousands of passengers waited for the civil requisition.").values())
    assert not [f for f in found if "million" in f or "Tuesday" in f or "Thousands" in f]
    assert "civil requisition" in found  # the near miss: a plain issue phrase stays
    found = set(statement_phrases("Minera Andina del Sur will pay for the dam wall repairs.").values())
    assert not [f for f in found if "del" in f.split()]  # a name cut at its particle
    assert "dam wall repairs" in found or "dam wall" in found
