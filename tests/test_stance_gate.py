"""The stance gate: only constructions listed in stances.yml ``shown`` reach a page; the others are withheld."""

from __future__ import annotations

from pathlib import Path

from briefgen.extract.stance import construction, gate, map_rules, read_stance, shown_constructions
from briefgen.extract.stance_words import load_stance_data
from briefgen.records import LocalQuote

RULES, TABLE = map_rules()
READERS = ("counterfactual", "verb", "verb.negated", "noun", "feeling", "evaluation", "extraposed", "hope",
           "request", "demand", "without", "refusal", "condition", "passive", "harm", "frame")


def _quote(
    stance: str | None, rule: str, speaker: str | None = "ann", quote_rule: str = "statement.cue.subject"
) -> LocalQuote:
    return LocalQuote("the ferry surcharge", 0, 10, "indirect", speaker, "said", 1, stance=stance,
                      target="the ferry surcharge" if stance else None, stance_rule=rule, rule=quote_rule)


def test_a_label_is_named_by_its_reader_and_the_class_of_its_word() -> None:
    for text, rule in (("condemned the ferry surcharge", "stance.verb.criticise"),
                       ("welcomed the ferry surcharge", "stance.verb.welcome"),
                       ("urged the council to scrap the ferry surcharge", "stance.verb.call"),
                       ("accepted the ferry surcharge", "stance.verb.accept"),
                       ("would prefer a ferry surcharge", "stance.verb.want"),
                       ("rejected the ferry surcharge", "stance.verb.reject"),
                       ("rejected any suggestion of a ferry surcharge", "stance.verb.denial"),  # a fact denied
                       ("rejected claims that the ferry surcharge was illegal", "stance.verb.denial")):
        found = read_stance(text, RULES, TABLE)
        assert found is not None and found.rule == rule, (text, found)


def test_the_construction_id_adds_the_sentence_shape_and_a_missing_speaker() -> None:
    assert construction("stance.verb.call", True, "statement.cue.subject") == "stance.verb.call"
    assert construction("stance.verb.call", True, "statement.cue.coordinated_main_subject") == \
        "stance.verb.call.coordinated"
    assert construction("stance.verb.call", False, "statement.cue.participle_main_subject") == \
        "stance.verb.call.participle.nameless"
    assert construction("stance.verb.call", True, "statement.cue.coordinated_first_verb") == \
        "stance.verb.call.coordinated"


def test_a_withheld_construction_keeps_its_label_only_for_measurement() -> None:
    shown = gate(_quote("against", "stance.verb.reject"))
    assert (shown.stance, shown.target, shown.withheld) == ("against", "the ferry surcharge", None)
    held = gate(_quote("for", "stance.verb.welcome"))
    assert (held.stance, held.target, held.stance_rule) == (None, None, "")
    assert held.withheld == ("for", "the ferry surcharge", "stance.verb.welcome")
    nameless = gate(_quote("against", "stance.verb.reject", speaker=None))  # no actor said it
    assert nameless.stance is None and nameless.withheld == ("against", "the ferry surcharge",
                                                             "stance.verb.reject.nameless")
    second = gate(_quote("for", "stance.verb.call", quote_rule="statement.cue.coordinated_main_subject"))
    assert second.stance is None and second.withheld is not None and second.withheld[2].endswith(".coordinated")
    assert gate(_quote(None, "")) == _quote(None, "")  # nothing read, nothing to gate


def test_every_shown_construction_names_a_reader_and_a_known_class() -> None:
    data = load_stance_data()
    classes = {f"{r}.{c}" for r, cs in (data.get("construction_classes") or {}).items() for c in cs}
    shapes = set((data.get("construction_shapes") or {}).values())
    assert shown_constructions()
    for rule in shown_constructions():
        parts = rule.removeprefix("stance.").removeprefix("frame.").split(".")
        while parts and parts[-1] in shapes:
            parts.pop()
        body = ".".join(parts)
        assert body in classes or (body.split(".")[0] in READERS and body not in ("verb",)), rule


def test_a_withheld_label_reaches_no_page_matrix_position_or_claim(tmp_path: Path) -> None:
    from briefgen.build import extract
    from briefgen.config import load_settings
    from briefgen.export import briefing_dict
    from briefgen.render import build_context, make_env, render_pages

    (tmp_path / "content").mkdir()
    for name, day in (("a.txt", "Monday"), ("b.txt", "Tuesday")):
        (tmp_path / "content" / name).write_text(
            f"Port council meets on {day}\n\nMayor Ann Example welcomed the ferry surcharge on {day}.\n\n"
            f"Councillor Bob Sample rejected the parking levy on {day}.\n", encoding="utf-8")
    briefing, _, _ = extract(load_settings(project_dir=tmp_path, quiet=True, cache=False))
    ann = [q for q in briefing.quotes if q.speaker == "ann-example"]
    assert ann and all(q.stance is None and q.withheld and q.withheld[0] == "for" for q in ann)
    assert not any(p.stance for p in briefing.positions if p.actor == "ann-example")
    assert not any(c.stance == "for" for c in briefing.claims)
    pages = render_pages(build_context(briefing, "T", ()), make_env(None))
    text = "\n".join(pages.values())
    assert "*against:*" in text and "*for:*" not in text  # the shown label is on the pages, the withheld not
    exported = {q["id"]: q for q in briefing_dict(briefing)["quotes"]}
    held = exported[ann[0].id]
    assert held["stance"] is None and held["stance_withheld"]["rule"] == "stance.verb.welcome"


def test_a_stance_read_outside_the_map_passes_the_same_gate() -> None:
    from briefgen.extract.stance import shown_found

    condemned = read_stance("We reject the ferry surcharge.", RULES, TABLE)
    welcomed = read_stance("We welcome the ferry surcharge.", RULES, TABLE)
    assert condemned is not None and shown_found(condemned, True) == condemned
    assert welcomed is not None and shown_found(welcomed, True) is None  # stance.verb.welcome is withheld
    assert shown_found(condemned, False) is None  # no actor said it
    assert shown_found(condemned, True, "statement.cue.coordinated_main_subject") is None
