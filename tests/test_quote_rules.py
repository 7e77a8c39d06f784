"""Every quote attribution rule in ``briefgen/data/quote_rules.yml`` does what its examples say."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from briefgen.build import extract
from briefgen.config import load_settings
from briefgen.errors import ConfigError
from briefgen.extract.quotes.rules import Rule, RuleExample, covers, known, parse_rules, registry
from tests.extract_utils import analyse_text, speaker_name

REPO = Path(__file__).resolve().parents[1]
REGISTRY = registry()
ENTRIES = [(r, False) for r in REGISTRY.frames] + [(r, True) for r in REGISTRY.subjects]
CASES = [
    pytest.param(rule, subject, example, id=f"{rule.id}-{i}")
    for rule, subject in ENTRIES
    for i, example in enumerate(rule.examples)
]


@pytest.mark.parametrize(("rule", "subject", "example"), CASES)
def test_rule_example(rule: Rule, subject: bool, example: RuleExample) -> None:
    analysis = analyse_text(example.text)
    items = [q for q in analysis.quotes if example.find is None or example.find in q.text]
    if len(items) > 1:  # "by text message" is a quote and part of a statement
        items = [q for q in items if q.text == example.find] or items
    if len(items) > 1 and example.rule:  # a partial quote and the statement around it: the kind the rule makes
        items = [q for q in items if (q.kind == "indirect") == example.rule.startswith("statement.")] or items
    if len(items) > 1:  # "the two agreed ...": one statement for each
        items = [q for q in items if speaker_name(analysis, q) == example.speaker]
    if example.rule is None:
        assert not items, f"{rule.id}: expected nothing for {example.find!r}, got {[(q.rule, q.text) for q in items]}"
        return
    assert len(items) == 1, f"{rule.id}: expected one item, got {[(q.rule, q.text) for q in analysis.quotes]}"
    q = items[0]
    assert q.rule == example.rule
    assert speaker_name(analysis, q) == example.speaker


@pytest.mark.parametrize(("rule", "subject"), ENTRIES, ids=[r.id for r, _ in ENTRIES])
def test_every_rule_has_a_positive_and_where_it_can_misfire_a_negative_example(rule: Rule, subject: bool) -> None:
    positive = [e for e in rule.examples if e.rule is not None and covers(rule, e.rule, subject)]
    if rule.unproven:
        assert not positive, f"{rule.id}: has a positive example now: drop `unproven`"
        pytest.skip(f"{rule.id} has no positive example: {rule.unproven}")
    assert positive, f"{rule.id}: no example that this rule makes"
    if rule.misfires:
        assert len(positive) < len(rule.examples), f"{rule.id}: no negative example (a near miss it must leave)"


def test_every_example_names_a_known_rule() -> None:
    for rule, _ in ENTRIES:
        for example in rule.examples:
            assert example.rule is None or known(REGISTRY, example.rule), example.rule


def test_sample_corpus_quotes_carry_only_registered_rules() -> None:
    briefing, _, _ = extract(load_settings(content_dir=REPO / "content", quiet=True))
    rules = {q.rule for q in briefing.quotes}
    assert len(rules) > 5
    assert all(known(REGISTRY, r) for r in rules), sorted(r for r in rules if not known(REGISTRY, r))


def test_a_bad_registry_entry_is_reported_with_file_and_line() -> None:
    text = (
        "frames:\n"
        "  - id: quote.ok\n    pattern: p\n    assigns: a\n    code: c\n"
        "    examples: [{text: t, rule: quote.ok}]\n"
        "  - id: Bad Id\n    pattern: ''\n    assigns: a\n    code: c\n    examples: []\n"
        "subjects: []\n"
    )
    with pytest.raises(ConfigError) as err:
        parse_rules(text, "rules.yml")
    message = str(err.value)
    assert "rules.yml:7: frames.1.id" in message
    assert "rules.yml:7: frames.1.pattern" in message
    assert "frames.1.examples" in message


def test_extraction_modules_stay_small() -> None:
    package = REPO / "briefgen" / "extract"
    paths = sorted(package.rglob("*.py"))
    assert len(paths) >= 20 and any(p.parent.name == "actors" for p in paths)
    for path in paths:
        source = path.read_text(encoding="utf-8")
        assert source.count("\n") <= 700, f"{path.name}: over 700 lines"
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                assert length <= 60, f"{path.name}: {node.name} is {length} lines"
