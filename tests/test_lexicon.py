"""Compiled word lists: the inverted lemma table gives the verb forms a scan of the whole table gives."""

from __future__ import annotations

from briefgen.extract.lexicon import _forms_by_lemma, _verb_forms


def test_verb_forms_from_the_inverted_table_equal_a_scan_of_the_table_in_order() -> None:
    table = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "warned": "warn", "x-ed": "say",
             "claimed": "claim", "ran": "run", "saying": "say"}
    wanted = ["say", "tell", "warn"]
    scanned = {lemma: lemma for lemma in set(wanted)}
    for form, lemma in table.items():  # the former implementation: one pass over the table per call
        if lemma in set(wanted) and form.isalpha():
            scanned[form] = lemma
    forms = _verb_forms(wanted, _forms_by_lemma(table, {*wanted, "run"}))
    assert list(forms.items())[: len(scanned)] == list(scanned.items())  # same entries, same order
    assert "x-ed" not in forms and "ran" not in forms and "claimed" not in forms
    assert forms["warns"] == "warn" and forms["warning"] == "warn"  # regular inflections still added
