"""Cleaning rules: mojibake repair, boilerplate removal that never eats reporting, project rules, duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.config import load_settings
from briefgen.corpus import read_corpus
from briefgen.corpus.boilerplate import Line, load_rules, strip_boilerplate
from briefgen.corpus.clean import same_title
from briefgen.corpus.decode import decode_bytes, repair_mojibake
from briefgen.corpus.dedupe import near_duplicates
from briefgen.errors import ConfigError


def strip(*texts: str) -> tuple[list[str], list[tuple[str, str]]]:
    kept, removed = strip_boilerplate([Line(i + 1, t) for i, t in enumerate(texts)], load_rules())
    return [line.text for line in kept if line.text], [(r.text, r.rule) for r in removed]


# --- encoding and mojibake ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("DovilÄ— Å akalienÄ—", "Dovilė Šakalienė"),  # the mixed case ftfy leaves alone
        ("Lithuaniaâ€™s minister", "Lithuania’s minister"),
        ("cafÃ© in ZÃ¼rich", "café in Zürich"),
        ("the â€œpeace through strengthâ€\x9d mantra", "the “peace through strength” mantra"),
    ],
)
def test_mojibake_is_repaired(broken: str, fixed: str) -> None:
    assert repair_mojibake(broken.replace("Å a", "Å\u00a0a")) == (fixed, False)


def test_curly_quotes_are_never_straightened() -> None:
    text = "“We can’t have talks without Ukraine,” she said of the ‘deal’."
    assert repair_mojibake(text) == (text, False)


def test_real_latin1_letters_next_to_dashes_are_left_alone() -> None:
    text = "Ä — the first letter of Ärzte — is also Å in Åland."
    assert repair_mojibake(text)[0] == text


def test_text_still_damaged_is_flagged() -> None:
    assert repair_mojibake("The name Dovil\ufffd was lost.")[1]


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre français a déclaré « nous sommes prêts » à Bruxelles.",
        "Außenministerin Annalena Baerbock äußerte sich in Göttingen.",
        "Dovilė Šakalienė ir Gabrielius Landsbergis kalbėjo Vilniuje.",
        "Radosław Sikorski i Władysław Kosiniak-Kamysz w Łodzi.",
        "Petr Fiala řekl, že Česká republika podpoří Ukrajinu.",
        "Türkiye Dışişleri Bakanı Hakan Fidan açıklama yaptı.",
        "Володимир Зеленський заявив у Києві — «мир через силу».",
        "Ο Κυριάκος Μητσοτάκης μίλησε στην Αθήνα.",
        "Señor Sánchez y “la paz justa” — ¿cuándo? ¡Ya!",
    ],
)
def test_correct_text_in_many_languages_is_left_unchanged(text: str) -> None:
    assert repair_mojibake(text) == (text, False)


def test_mostly_utf8_with_one_cp1252_byte_keeps_the_utf8() -> None:
    raw = "Šakalienė said".encode() + b" \x93no\x94."
    decoded = decode_bytes(raw)
    assert decoded.text == "Šakalienė said “no”."
    assert decoded.warnings


# --- boilerplate ---------------------------------------------------------------------------------------

REPORTING = [
    "The minister said the photograph showed troops near the border.",
    "“Listen to what Ukraine is saying,” she said.",
    "Comments by the envoy drew criticism from Kyiv.",
    "More from the summit is expected on Friday, officials said.",
    "A message from Washington was read out at the start of the meeting.",
    "Popular support for the deal is falling, a poll showed.",
    "Read more closely, the statement leaves room for compromise.",
    "He told reporters: “Copyright law is not the issue here.”",
    "Reporting by Britain’s Channel 4 showed that the ministers knew.",
    "Reporting by the BBC found that the ministers knew.",
    "The picture: two soldiers stood by the road",
    "Topics on the agenda include air defence and ammunition, diplomats said.",
    "By Thursday, the ministers had agreed to meet again.",
    "By Friday the deal was dead, officials said.",
]


def test_reporting_sentences_that_mention_furniture_words_are_kept() -> None:
    body = [*REPORTING, *REPORTING]  # long enough for tail rules to be armed in the second half
    kept, removed = strip(*body)
    assert kept == body and removed == []


def test_tail_marker_drops_the_rest_only_in_the_second_half() -> None:
    lines = ["Popular", *REPORTING[:4], "Spotlight", "Queen vs King", "Comments", "See what people are discussing"]
    kept, removed = strip(*lines)
    assert kept == ["Popular", *REPORTING[:4]]
    assert [rule for _, rule in removed] == ["site-tail"] * 4


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("READ SOME MORE", "read-more-link"),
        ("Listen | 20:19", "media-player"),
        ("Remind me later.", "reminder-button"),
        ("![payment methods](https://cdn.example.org/icons.png)", "image-markdown"),
        ("Soldiers march in Kyiv on Monday. Photograph: Jane Doe/Getty Images", "photo-credit"),
        ("FILE: A view of the alliance headquarters in Brussels, Belgium, June 13, 2024.", "file-photo"),
        ("(Reporting by Andrew Gray and Lili Bayer in Brussels; Editing by Alex Richardson)", "reporting-credit"),
        ("Associated Press writer Lorne Cook in Brussels contributed to this report.", "contributor-credit"),
        ("___", "separator-line"),
        ("By Anna Berg and John Smith in Brussels | Example News", "byline"),
        ("BY ANNA BERG", "byline"),
        ("Click here to get our newsletter", "click-here"),
    ],
)
def test_furniture_lines_are_dropped_by_their_rule(line: str, rule: str) -> None:
    kept, removed = strip(*REPORTING[:3], line, *REPORTING[3:])
    assert kept == REPORTING
    assert removed == [(line, rule)]


def test_summary_box_header_and_its_bullets_are_dropped_together() -> None:
    box = ["At a glance:", "- Ministers agreed a new fishing quota", '- Critics called it "a betrayal"']
    kept, removed = strip(REPORTING[0], *box, *REPORTING[1:])
    assert kept == REPORTING
    assert removed == [(line, "summary-box") for line in box]


def test_bullets_without_a_summary_header_and_a_header_without_bullets_are_kept() -> None:
    demands = ["The union listed its demands:", "- a 6 per cent raise", "- shorter shifts"]
    kept, removed = strip(REPORTING[0], *demands, "In brief:", *REPORTING[1:])
    assert kept == [REPORTING[0], *demands, "In brief:", *REPORTING[1:]]
    assert removed == []


def test_caption_printed_twice_loses_its_second_copy() -> None:
    caption = "Ministers pose for a family photo before the start of the meeting in Brussels"
    kept, removed = strip(REPORTING[0], caption, caption, *REPORTING[1:])
    assert kept == [REPORTING[0], caption, *REPORTING[1:]]
    assert removed == [(caption, "repeated-line")]


def test_programme_title_before_a_media_player_line_is_dropped() -> None:
    kept, removed = strip(*REPORTING[:3], "Can the talks end the war?", "", "Listen | 31:02", *REPORTING[3:])
    assert kept == REPORTING
    assert [rule for _, rule in removed] == ["media-title", "media-player"]


def test_trailing_related_headline_is_dropped_but_a_final_sentence_is_kept() -> None:
    kept, removed = strip(*REPORTING, "Leaders set to meet in Riyadh on Ukraine")
    assert kept == REPORTING and removed == [("Leaders set to meet in Riyadh on Ukraine", "related-headline")]
    assert strip(*REPORTING)[1] == []


def test_project_rules_extend_and_disable_package_rules(project: Path) -> None:
    (project / "site_config").mkdir()
    (project / "site_config" / "boilerplate.yml").write_text(
        "lines:\n  house-promo: ['Get our app']\npatterns:\n  house-kicker: '(?-i:LIVE: .+)'\n"
        "disable: [read-more-link]\n",
        "utf-8",
    )
    (project / "content" / "a.txt").write_text(
        "LIVE: talks in Brussels\nThe minister said the talks would resume.\nGet our app\nRead more\n", "utf-8"
    )
    [article] = read_corpus(load_settings(project_dir=project)).articles
    assert article.text == "The minister said the talks would resume.\n\nRead more"
    assert [(r.line, r.rule) for r in article.removed] == [(1, "house-kicker"), (3, "house-promo")]


def test_unknown_section_in_project_rules_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "boilerplate.yml"
    path.write_text("lines:\n  a: [x]\nline:\n  b: [y]\n", "utf-8")
    with pytest.raises(ConfigError) as info:
        load_rules(path)
    assert info.value.where == f"{path}:3"


# --- duplicates ------------------------------------------------------------------------------------------

STORY = (
    "Defence ministers from across the alliance gathered in Brussels on Thursday for talks that officials "
    "described as difficult but necessary, with several delegations pressing for a clear timetable on "
    "support for Ukraine and on the new spending target that the summit is expected to adopt in June. "
    "Several ministers said the alliance could not afford another year of delays, while others warned that "
    "budgets at home were already stretched and that voters would need to be persuaded first."
)


def test_near_duplicates_are_found_and_unrelated_texts_are_not() -> None:
    other = "A completely different report about fishing quotas in the North Sea and what they mean for ports."
    wire = STORY.replace("on Thursday", "on Thursday, AP reported,")
    assert [(i, j) for i, j, _ in near_duplicates([STORY, other, wire])] == [(0, 2)]


def test_identical_text_is_read_once_and_near_duplicates_both_kept(project: Path) -> None:
    content = project / "content"
    (content / "a.txt").write_text(STORY + "\n", "utf-8")
    (content / "b.md").write_text(STORY + "\n", "utf-8")
    (content / "c.txt").write_text(STORY.replace("on Thursday", "on Thursday, AP reported,") + "\n", "utf-8")
    result = read_corpus(load_settings(project_dir=project))
    assert [a.path for a in result.articles] == ["a.txt", "c.txt"]
    assert [(s.path, s.reason) for s in result.skipped] == [("b.md", "same text as a.txt; read once")]
    assert "near-duplicate of c.txt" in result.articles[0].warnings[0]
    assert "near-duplicate of a.txt" in result.articles[1].warnings[0]


def test_site_config_example_rules_load_when_uncommented(tmp_path: Path) -> None:
    example = (Path(__file__).resolve().parent.parent / "site_config" / "boilerplate.yml").read_text("utf-8")
    lines = example.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# lines:"))
    (tmp_path / "boilerplate.yml").write_text("\n".join(line[2:] for line in lines[start:]) + "\n", "utf-8")
    rules = load_rules(tmp_path / "boilerplate.yml")
    assert rules.exact["download our app"] == "house-promo"
    assert "related-headline" not in rules.structural
    lines = [Line(i, t) for i, t in enumerate(["ANALYSIS: what the deal means", *REPORTING], 1)]
    removed = strip_boilerplate(lines, rules)[1]
    assert [(r.text, r.rule) for r in removed] == [("ANALYSIS: what the deal means", "house-kicker")]


def test_closing_question_is_kept_as_reporting() -> None:
    kept, removed = strip(*REPORTING, "Will Europe act in time?")
    assert kept[-1] == "Will Europe act in time?" and removed == []


@pytest.mark.parametrize(
    ("line", "title", "same"),
    [
        ("Allies split over plan", "Allies split over plan | Example News", True),
        ("Allies split over plan - Example News", "Allies split over plan", True),
        ("Allies  split over PLAN", "allies split over plan", True),
        ("Allies split", "Allies split over plan", False),
        ("Allies split over plan", "Allies split over planning", False),
    ],
)
def test_headline_line_matches_title_with_or_without_site_name(line: str, title: str, same: bool) -> None:
    assert same_title(line, title) is same


def test_donation_appeal_is_dropped_even_after_a_short_article() -> None:
    appeal = ["A Message from Example Times:", "Dear readers,", *REPORTING[:6]]
    kept, removed = strip(*REPORTING[:4], *appeal)
    assert kept == REPORTING[:4]
    assert {rule for _, rule in removed} == {"donation-appeal"}


def test_menu_word_in_the_first_half_does_not_cut_the_article() -> None:
    lines = [*REPORTING[:4], "Comments", *REPORTING[4:10]]
    assert strip(*lines)[0] == lines


def test_bad_summary_box_regex_in_the_project_rules_names_the_file_and_line(tmp_path: Path) -> None:
    project_rules = tmp_path / "boilerplate.yml"
    project_rules.write_text("structural:\n  summary-box:\n    header: 'key (points'\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_rules(project_rules)
    assert "summary-box" in str(err.value) and f"{project_rules}:2" in str(err.value)
