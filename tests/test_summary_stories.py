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
