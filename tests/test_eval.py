"""``briefgen eval``: the scoring rules, and the CI gate on the sample corpus's gold annotations."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from briefgen.build import extract
from briefgen.cli import main
from briefgen.config import load_settings
from briefgen.eval import actor_rule_rows, evaluate, load_gold, overlap, rule_rows
from briefgen.records import Actor, Briefing, Quote, Source
from tests.conftest import GOLD

REPO = Path(__file__).resolve().parents[1]


def test_overlap_ignores_mark_styles_case_and_whitespace() -> None:
    ours, gold = "It’s appeasement.  It has never worked,", "it's appeasement. It has never worked"
    assert overlap(ours, gold) == 1.0
    assert overlap("peace through weakness", "a completely different sentence here") == 0.0


def _gold(tmp_path: Path) -> Path:
    (tmp_path / "a.yaml").write_text(
        "source: a.txt\ntitle: null\n"
        "actors:\n  - {name: Kaja Kallas, aliases_in_text: [Kallas], kind: person,"
        " affiliation: European Union, role: chief}\n"
        "quotes:\n  - {text: 'We will not accept it,', speaker: Kaja Kallas, cue: said, partial: false}\n"
        "  - {text: 'peace through weakness', speaker: null, cue: null, partial: true}\n"
        "statements:\n  - {speaker: Kaja Kallas, sentence: 'Kallas said that Europe must act.', cue: said}\n",
        encoding="utf-8",
    )
    return tmp_path


def _briefing(quotes: list[Quote], actors: list[Actor]) -> Briefing:
    return Briefing(
        sources=(Source("s-a", "a.txt", "a", None, None, None, None, 10),),
        actors=tuple(actors),
        quotes=tuple(quotes),
    )


def test_scores_count_matches_speakers_statements_and_false_positives(tmp_path: Path) -> None:
    kallas = Actor("kaja-kallas", "Kaja Kallas", "person", "European Union", "European Union")
    quotes = [
        Quote("q1", "We will not accept it,", "kaja-kallas", "s-a", 1, 0, 1, "said", "direct"),
        Quote("q2", "an invented quote nobody annotated", None, "s-a", 1, 0, 1, None, "partial"),
        Quote("q3", "Europe must act", "kaja-kallas", "s-a", 1, 0, 1, "said", "indirect"),
    ]
    result = evaluate(_briefing(quotes, [kallas]), load_gold(_gold(tmp_path)))
    t = result.total
    assert (t.ours, t.gold, t.matched, t.speaker_ok) == (2, 2, 1, 1)
    assert t.statement_recall == 1.0
    assert result.actors.recall == 1.0
    assert result.actors.country_accuracy == 1.0


def test_wrong_speaker_and_duplicate_actor_are_counted(tmp_path: Path) -> None:
    actors = [
        Actor("kaja-kallas", "Kaja Kallas", "person", "Estonia", None),
        Actor("kallas", "Kallas", "person", None, None),
    ]
    quotes = [Quote("q1", "We will not accept it", None, "s-a", 1, 0, 1, "said", "direct")]
    result = evaluate(_briefing(quotes, actors), load_gold(_gold(tmp_path)))
    assert result.total.speaker_accuracy == 0.0
    assert result.actors.duplicates
    assert result.total.statement_recall == 0.0


def test_cli_exits_1_below_threshold(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.txt").write_text("Nothing is quoted here.\n", encoding="utf-8")
    (tmp_path / "g").mkdir()
    gold = _gold(tmp_path / "g")
    result = CliRunner().invoke(
        main, ["eval", "--gold", str(gold), "--content", str(tmp_path / "content"), "--min-recall", "0.5"]
    )
    assert result.exit_code == 1, result.output


def test_sample_corpus_meets_the_quote_speaker_statement_and_actor_targets() -> None:
    settings = load_settings(project_dir=REPO, content_dir=REPO / "content", quiet=True)
    briefing, _, _ = extract(settings)
    result = evaluate(briefing, load_gold(GOLD))
    t, a = result.total, result.actors
    assert t.precision >= 0.97, t.false_pos
    assert t.recall >= 0.95, t.misses
    assert t.speaker_accuracy >= 0.95, t.wrong_speaker
    assert t.statement_recall >= 0.80, t.misses
    assert t.statement_precision >= 0.90, t.false_pos
    assert a.recall >= 0.95, (a.missing, a.duplicates)
    assert a.country_accuracy >= 0.90, a.country_wrong
    assert a.precision >= 0.90, a.not_gold
    assert not a.duplicates


def test_statement_precision_counts_reports_outside_every_gold_statement(tmp_path: Path) -> None:
    kallas = Actor("kaja-kallas", "Kaja Kallas", "person", "European Union", "European Union")
    quotes = [
        Quote("q1", "Europe must act", "kaja-kallas", "s-a", 1, 0, 1, "said", "indirect"),
        Quote("q2", "the weather was fine", "kaja-kallas", "s-a", 1, 0, 1, "said", "indirect"),
        Quote("q3", "officials met", None, "s-a", 1, 0, 1, "said", "indirect"),  # no speaker: not scored
    ]
    t = evaluate(_briefing(quotes, [kallas]), load_gold(_gold(tmp_path))).total
    assert (t.reported, t.reported_ok) == (2, 1)
    assert t.statement_precision == 0.5
    assert any("the weather was fine" in f for f in t.false_pos)


def test_per_rule_counts_precision_and_recall(tmp_path: Path) -> None:
    kallas = Actor("kaja-kallas", "Kaja Kallas", "person", "European Union", "European Union")
    after, stray, cue = "quote.cue_after.subject", "quote.unattributed", "statement.cue.subject"
    quotes = [
        Quote("q1", "We will not accept it,", "kaja-kallas", "s-a", 1, 0, 1, "said", "direct", rule=after),
        Quote("q2", "an invented quote nobody annotated", None, "s-a", 1, 0, 1, None, "partial", rule=stray),
        Quote("q3", "Europe must act", "kaja-kallas", "s-a", 1, 0, 1, "said", "indirect", rule=cue),
    ]
    total = evaluate(_briefing(quotes, [kallas]), load_gold(_gold(tmp_path))).total
    rows = {r[0]: r[1:] for r in rule_rows(total)}
    # (found, right, precision, share of gold quotes, share of gold statements)
    assert rows[after] == (1, 1, 1.0, 0.5, 0.0)
    assert rows[stray] == (1, 0, 0.0, 0.0, 0.0)
    assert rows[cue] == (1, 1, 1.0, 0.0, 1.0)


def test_cli_prints_the_per_rule_table() -> None:
    result = CliRunner().invoke(main, ["eval", "--gold", str(GOLD), "--content", str(REPO / "content")])
    assert result.exit_code == 0, result.output
    assert "per rule" in result.output
    assert "quote.cue_after.subject" in result.output
    assert "per actor mention rule" in result.output
    assert "mention.name" in result.output


def test_per_actor_mention_rule_counts_quoted_actors_and_the_gold_ones(tmp_path: Path) -> None:
    kallas = Actor(
        "kaja-kallas", "Kaja Kallas", "person", "European Union", "European Union",
        rules=(("mention.honorific", 1), ("mention.name", 2)),
    )
    acme = Actor("acme", "Acme", "organisation", None, None, rules=(("mention.name", 1), ("mention.org_context", 1)))
    quotes = [
        Quote("q1", "We will not accept it,", "kaja-kallas", "s-a", 1, 0, 1, "said", "direct"),
        Quote("q2", "an invented quote nobody annotated", "acme", "s-a", 1, 0, 1, "said", "direct"),
    ]
    actors = evaluate(_briefing(quotes, [kallas, acme]), load_gold(_gold(tmp_path))).actors
    rows = {r[0]: r[1:] for r in actor_rule_rows(actors)}
    # (quoted actors with a mention by the rule, of them gold actors, precision)
    assert rows == {"mention.name": (2, 1, 0.5), "mention.honorific": (1, 1, 1.0), "mention.org_context": (1, 0, 0.0)}


def test_gold_statements_without_a_named_speaker_are_not_scored(tmp_path: Path) -> None:
    """Some annotators list nameless statements ("officials said") with `speaker: null`: eval skips them
    instead of crashing on sorting the speakers (None < str) or counting them as missed."""
    folder = _gold(tmp_path)
    path = folder / "a.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "statements:\n", "statements:\n  - {sentence: 'Officials said the port would reopen.', speaker: null}\n"),
        encoding="utf-8")
    kallas = Actor("kaja-kallas", "Kaja Kallas", "person", "European Union", "European Union")
    quotes = [Quote("q3", "Europe must act", "kaja-kallas", "s-a", 1, 0, 1, "said", "indirect")]
    result = evaluate(_briefing(quotes, [kallas]), load_gold(folder))
    assert "Officials said" in path.read_text(encoding="utf-8")
    assert (result.total.statements, result.total.statements_found) == (1, 1)
    assert result.actors.speaking == 1
