"""Reported statements are shown with their reporting verb, in the article's words."""

from __future__ import annotations

from briefgen.extract.display import full_display, predicate
from briefgen.records import Article, Paragraph, Quote


def _quote(text: str, content: str, kind: str, cue: str | None) -> tuple[Quote, Article]:
    start = text.index(content)
    article = Article(path="a.txt", text=text, paragraphs=(Paragraph(1, 0, len(text)),))
    q = Quote("q-1", content, "x", "s-1", 1, start, start + len(content), cue, kind)  # type: ignore[arg-type]
    return q, article


def test_reported_statement_keeps_its_verb_and_object() -> None:
    q, article = _quote("The minister criticised Brussels for waiting too long.",
                        "Brussels for waiting too long", "indirect", "criticised")
    shown, verb = predicate(q, article)
    assert (shown, verb) == ("criticised Brussels for waiting too long", "criticised")


def test_reported_statement_keeps_that_and_words_between_verb_and_content() -> None:
    q, article = _quote("The Kremlin told reporters on Monday that no talks were planned.",
                        "no talks were planned", "indirect", "told")
    assert predicate(q, article)[0] == "told reporters on Monday that no talks were planned"


def test_fragment_is_shown_with_its_verb_and_marks() -> None:
    q, article = _quote("The mayor warned against \u201cmoney for nothing.\u201d Then she left.",
                        "money for nothing.", "partial", "warned")
    assert predicate(q, article)[0] == "warned against \u201cmoney for nothing.\u201d"


def test_noun_cue_reads_as_possessive_and_participle_after_a_comma() -> None:
    q, article = _quote("It came after the governor's announcement of new taxes.",
                        "of new taxes", "indirect", "announcement")
    assert full_display("Ann Lee", q.__class__(**{**_fields(q), "display": predicate(q, article)[0]})) == (
        "Ann Lee\u2019s announcement of new taxes"
    )


def test_postposed_verb_comes_first() -> None:
    q, article = _quote("Rates will rise next year, the bank said.", "Rates will rise next year", "indirect", "said")
    assert predicate(q, article) == ("said Rates will rise next year", "said")


def _fields(q: Quote) -> dict[str, object]:
    return {name: getattr(q, name) for name in q.__slots__}  # type: ignore[attr-defined]


def test_source_phrase_after_the_words_is_not_shown_as_a_verb_of_the_speaker() -> None:
    q, article = _quote("The man was detained last month, according to the ministry.",
                        "The man was detained last month", "indirect", "according to")
    shown, verb = predicate(q, article)
    assert shown == ": The man was detained last month" and verb is None


def test_an_interview_answer_without_a_verb_reads_after_a_colon() -> None:
    q, article = _quote("Lee: We will open the pool in May.", "We will open the pool in May.", "indirect", None)
    shown, verb = predicate(q, article)
    assert shown == ": We will open the pool in May." and verb is None
    assert full_display("Ann Lee", q.__class__(**{**_fields(q), "display": shown})) == (
        "Ann Lee: We will open the pool in May."
    )


def test_fragment_is_shown_with_the_rest_of_its_clause() -> None:
    q, article = _quote('Officials said Oslo "welcomes" the offer and opposes "any delay", a diplomat added.',
                        "welcomes", "partial", "said")
    assert predicate(q, article)[0] == 'said Oslo "welcomes"'  # the stance is read from this
    assert predicate(q, article, whole=True)[0] == 'said Oslo "welcomes" the offer and opposes "any delay"'


def test_fragment_ending_its_sentence_or_clause_is_shown_without_more() -> None:
    q, article = _quote('Lee called it "reckless." He left.', "reckless.", "partial", "called")
    assert predicate(q, article, whole=True)[0] == 'called it "reckless."'
    q, article = _quote('Lee called it "reckless", while Park disagreed.', "reckless", "partial", "called")
    assert predicate(q, article, whole=True)[0] == 'called it "reckless"'


def test_straight_quoted_fragment_before_a_full_stop_keeps_its_closing_mark() -> None:
    q, article = _quote('Lee said the plan was "a sham". Then she left.', "a sham", "partial", "said")
    assert predicate(q, article)[0] == 'said the plan was "a sham"'


def test_fragment_in_guillemets_keeps_its_closing_mark() -> None:
    q, article = _quote("Ana Ruiz said the cut was «a mistake the economy will pay for». Then she left.",
                        "a mistake the economy will pay for", "partial", "said")
    assert predicate(q, article)[0] == "said the cut was «a mistake the economy will pay for»"


def test_the_rest_of_a_fragment_s_clause_stops_where_the_reporter_turns() -> None:
    for text, shown in (
        ('Hale said the vaccine was "completely safe" although trials found side effects.',
         'said the vaccine was "completely safe"'),
        ('Hale called the deal "a betrayal" and the minister praised it.', 'called the deal "a betrayal"'),
        ('Hale called the deal "a betrayal" of the workers before he left.',
         'called the deal "a betrayal" of the workers'),
    ):
        fragment = shown.split('"')[1]
        q, article = _quote(text, fragment, "partial", shown.split()[0])
        assert predicate(q, article, whole=True)[0] == shown, text


def test_and_inside_a_noun_phrase_is_no_turn_of_the_clause() -> None:
    text = 'Lee called the war "a disaster" and urged a ceasefire between the army and the Rapid Forces.'
    q, article = _quote(text, "a disaster", "partial", "called")
    assert predicate(q, article, whole=True)[0] == (
        'called the war "a disaster" and urged a ceasefire between the army and the Rapid Forces')


def test_an_initialism_inside_a_sentence_does_not_end_it() -> None:
    from briefgen.extract.display import sentence_bounds

    text = "He said the U.S. would \u201cno longer tolerate\u201d delays. Mr. Lee left. Then"
    start = text.index("no longer")
    assert sentence_bounds(text, start, start + 5) == (0, text.index(" Mr. Lee"))
    lee = text.index("Lee")
    assert sentence_bounds(text, lee, lee + 3)[0] == text.index("Mr. Lee")
    late = "It came from the U.S. Then it left."
    assert sentence_bounds(late, late.index("Then"), late.index("Then") + 4)[0] == late.index("Then")


def test_a_negated_reporting_verb_is_shown_with_its_negation() -> None:
    q, article = _quote("The minister did not rule out further measures on Friday.",
                        "further measures on Friday", "indirect", "rule out")
    assert predicate(q, article) == ("did not rule out further measures on Friday", "did not rule out")
    q, article = _quote("The bank declined to rule out a rate rise.", "a rate rise", "indirect", "rule out")
    assert predicate(q, article)[0] == "declined to rule out a rate rise"


def test_a_negation_before_the_subject_is_not_taken_into_the_verb() -> None:
    q, article = _quote("Not everyone agreed: the minister ruled out new taxes.",
                        "new taxes", "indirect", "ruled out")
    assert predicate(q, article) == ("ruled out new taxes", "ruled out")


def test_a_negated_reporting_verb_gives_no_stance_and_its_plain_form_still_does() -> None:
    from briefgen.extract.stance import stance_of

    q, article = _quote("The minister did not rule out new taxes.", "new taxes", "indirect", "rule out")
    assert stance_of(predicate(q, article)[0], "rule out", True) is None
    q, article = _quote("The minister ruled out new taxes.", "new taxes", "indirect", "ruled out")
    found = stance_of(predicate(q, article)[0], "ruled out", True)
    assert found is not None and found.stance == "against"


def test_a_negation_with_a_filler_word_before_the_verb_is_kept() -> None:
    q, article = _quote("The mayor never once criticised the new tariffs.", "the new tariffs", "indirect", "criticised")
    assert predicate(q, article)[0] == "never once criticised the new tariffs"
