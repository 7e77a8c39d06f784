"""Boilerplate rules for related-story links, donation appeals and newsletter boxes (invented lines)."""

from __future__ import annotations

import pytest

from briefgen.corpus.boilerplate import Line, load_rules, strip_boilerplate
from briefgen.corpus.clean import paragraphs_of
from briefgen.extract.analyse import analyse_article
from briefgen.records import Article

REPORTING = [
    "Ministers met in Oslo on Tuesday to discuss fishing quotas, officials said.",
    "The talks ended without a deal, and a second round is planned for March.",
    "Norway and Iceland disagree over how large the mackerel catch should be.",
    "Fishing communities on both coasts say their livelihoods are at stake.",
    "A report published last week warned that stocks were shrinking fast.",
    "Officials from both countries will meet again in Reykjavik next month.",
]

# sentences of reporting that contain the words the new rules look for: none may be dropped
KEEP = [
    "Residents who read more than one newspaper were more likely to vote, the study found.",
    "Read more widely, the report suggests a shift in policy toward the north.",
    "She urged supporters to donate to the relief fund before Friday.",
    "Donations to the party rose to $1m last year, filings show.",
    "The foundation said it would donate $1 for every ticket sold at the festival.",
    "Donate today, the minister told reporters, and the money will reach the coast within a week.",
    "Newsletters sent by the ministry were found to contain errors, the auditor said.",
    "The privacy notice was updated in March after complaints, the regulator said.",
    "Support for independent candidates grew in the north, pollsters said.",
    "Readers who sign up for the scheme receive a discount, the company said.",
]


def strip(*texts: str) -> tuple[list[str], list[tuple[str, str]]]:
    kept, removed = strip_boilerplate([Line(i + 1, t) for i, t in enumerate(texts)], load_rules())
    return [line.text for line in kept if line.text], [(r.text, r.rule) for r in removed]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Read more: Fishing talks collapse as quotas row deepens", "read-more-headline"),
        ("READ MORE | Iceland recalls envoy", "read-more-headline"),
        ("Read also – Mackerel prices hit record high", "read-more-headline"),
        ("Related: What the quota dispute means for coastal towns", "read-more-headline"),
        ("Support independent journalism. Donate to The Example Times today from just $1.", "donation-line"),
        ("Donate to Example News today from just €2. It takes less than a minute.", "donation-line"),
        ("Please support us from as little as £1 a month.", "donation-line"),
        (
            "Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by "
            "outside parties. For more information see our Privacy Policy.",
            "newsletter-promotion",
        ),
        ("Skip past newsletter promotion", "newsletter-promotion"),
        ("after newsletter promotion", "newsletter-promotion"),
        ("Sign up to Morning Briefing", "newsletter-promotion"),
        ("Sign up for our free daily newsletter and get the news first.", "newsletter-promotion"),
        (
            "By signing up, you agree to our Privacy Policy and Terms of Use.",
            "newsletter-promotion",
        ),
        ("Enter your email address", "newsletter-promotion"),
    ],
)
def test_furniture_line_is_dropped_by_its_rule(line: str, rule: str) -> None:
    kept, removed = strip(*REPORTING[:3], line, *REPORTING[3:])
    assert kept == REPORTING
    assert removed == [(line, rule)]


def test_reporting_sentences_with_the_same_words_are_kept() -> None:
    body = [*REPORTING[:3], *KEEP, *REPORTING[3:]]
    kept, removed = strip(*body)
    assert removed == []
    assert kept == body


def test_newsletter_small_print_does_not_become_an_actor() -> None:
    notice = (
        "Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by "
        "outside parties."
    )
    quote = '"We must act before the ice is gone," said Ingrid Solberg, the fisheries minister.'
    kept, _ = strip(REPORTING[0], notice, quote)
    text, paragraphs = paragraphs_of(kept)
    analysis = analyse_article(Article("x.txt", text, paragraphs))
    assert "Privacy Notice" not in {a.name for a in analysis.actors}
    # "…, officials said." is a nameless source's statement (speaker null, speaker_text "officials")
    assert [q.speaker for q in analysis.quotes if not q.speaker_text] == ["Ingrid Solberg"]
