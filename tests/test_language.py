"""Language detection: articles in another language are listed as sources, not analysed, with a warning."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.build import extract
from briefgen.config import load_settings
from briefgen.corpus import read_corpus
from briefgen.corpus.language import detect, identifier, languages_of, load_language_rules, normalise
from briefgen.records import Article, Paragraph
from tests.conftest import SAMPLE, run_cli

FRENCH = (
    "Les ministres de la Défense se réunissent à Bruxelles\n\n"
    "Les ministres de la Défense de l'Union européenne se sont réunis jeudi à Bruxelles pour discuter du "
    "soutien à l'Ukraine et du financement de nouveaux équipements militaires.\n\n"
    "« Nous devons agir vite et ensemble », a déclaré la ministre française des Armées devant les "
    "journalistes, ajoutant que la sécurité du continent était en jeu.\n\n"
    "Plusieurs pays ont demandé un calendrier plus clair pour les livraisons de munitions. Les discussions "
    "reprendront le mois prochain à Luxembourg.\n"
)
GERMAN = (
    "Verteidigungsminister beraten in Brüssel\n\n"
    "Die Verteidigungsminister der Europäischen Union haben am Donnerstag in Brüssel über weitere Hilfen "
    "für die Ukraine beraten.\n\n"
    "„Wir müssen jetzt handeln, und zwar gemeinsam“, sagte der deutsche Minister Jonas Berger nach dem "
    "Treffen. Die Lage an der Front sei weiterhin sehr schwierig.\n\n"
    "Mehrere Staaten forderten einen verbindlichen Zeitplan für die Lieferung von Munition. Die Gespräche "
    "sollen im nächsten Monat fortgesetzt werden.\n"
)
ENGLISH = 'Ministers met in Oslo on Tuesday.\n\n"We must act before the ice is gone," said Ingrid Solberg.\n'
SHORT_ENGLISH = ['"Never," she said.', '"Non," he said.', "Talks resume Monday.", "NATO summit: day two"]
QUOTE_HEAVY = (
    '"No." "Never again." "Not now, not ever." "Absolutely not." "Out of the question." Rutte, Kallas, Costa '
    'and Tusk. "Sanctions now." "Tariffs? No." "Ukraine first." "Peace through strength." "Next question."'
)
# names, places and figures: no function words to go by, and no language the identifier is sure of
NAME_LIST = (
    "Brussels, Monday. Ministers: Rutte (NATO), Kallas (EU), Healey (UK), Pistorius (Germany), Lecornu "
    "(France), Crosetto (Italy), Kosiniak-Kamysz (Poland), Brekelmans (Netherlands), Francken (Belgium), "
    "Backes (Luxembourg). Agenda: Ukraine; air defence; munitions; budgets."
)


def _article(text: str, path: str = "a.txt", language: str | None = None) -> Article:
    return Article(path=path, text=text, paragraphs=(Paragraph(1, 0, len(text)),), language=language)


def test_french_and_german_are_detected() -> None:
    rules = load_language_rules()
    assert detect(FRENCH, rules) == "fr"
    assert detect(GERMAN, rules) == "de"


# languages that share short words with English (is, was, will, an, at, for, her, on, as)
NEIGHBOURS = {
    "nl": "De ministers kwamen donderdag in Brussel bijeen. Het was een lange vergadering en er is nog geen "
          "akkoord. Het kabinet had eerder gezegd dat het plan te duur was, maar de oppositie is het niet eens.",
    "af": "Die ministers het Donderdag in Brussel vergader. Dit was 'n lang vergadering en daar is nog geen "
          "ooreenkoms nie. As die regering niks doen nie, sal dit erger word, het die minister gesê.",
    "de": "Die Minister beraten, was als Nächstes geschehen soll. Er will an dem Plan festhalten, sagte er, und "
          "die Regierung hat noch keine Antwort. Was die Opposition will, ist unklar.",
    "da": "Ministrene mødtes torsdag for at drøfte støtten til Ukraine. Her er der brug for at handle, sagde han. "
          "Regeringen har sagt at planen er for dyr, og der er endnu ingen aftale.",
    "fr": "On a dit que le plan était trop cher, mais on ne sait pas encore ce que le gouvernement va faire. On "
          "verra bien, a dit le ministre devant la presse.",
}


@pytest.mark.parametrize("code", sorted(NEIGHBOURS))
def test_the_english_fast_path_never_claims_a_neighbouring_language(code: str) -> None:
    """The identifier (here a stub) is asked: the function words alone did not make the text English."""
    assert detect(NEIGHBOURS[code], load_language_rules(), identify=lambda _: ("zz", 1.0)) == "zz"


def test_english_words_are_all_strings() -> None:
    assert "on" not in load_language_rules().english_words and "true" not in load_language_rules().english_words


@pytest.mark.parametrize("text", [ENGLISH, *SHORT_ENGLISH, QUOTE_HEAVY, NAME_LIST])
def test_short_or_quote_heavy_english_is_not_flagged(text: str) -> None:
    result = languages_of([_article(text)])
    assert result.foreign == frozenset() and result.warnings == ()
    assert result.codes["a.txt"] in ("en", None)


def test_only_a_confident_identifier_flags_a_language() -> None:
    rules = load_language_rules()
    unsure = detect(NAME_LIST, rules, identify=lambda _: ("fr", rules.min_confidence - 0.01))
    sure = detect(NAME_LIST, rules, identify=lambda _: ("fr", rules.min_confidence))
    assert (unsure, sure) == (None, "fr")
    # too short to judge, however sure the identifier is
    assert detect("Bonjour à tous", rules, identify=lambda _: ("fr", 1.0)) is None


def test_the_real_identifier_is_unsure_of_a_list_of_names() -> None:
    """The threshold is what keeps NAME_LIST English: the identifier itself is far from sure of it."""
    _, probability = identifier()(NAME_LIST)
    assert probability < load_language_rules().min_confidence


def test_the_sample_articles_are_english_with_and_without_the_fast_path() -> None:
    rules = load_language_rules()
    corpus = read_corpus(load_settings(project_dir=SAMPLE.parent))
    assert len(corpus.articles) == 5
    assert set(languages_of(corpus.articles).codes.values()) == {"en"}
    no_fast_path = replace(rules, english_share=2.0)  # every text goes to py3langid
    assert {detect(a.text, no_fast_path) for a in corpus.articles} == {"en"}


def test_stated_language_wins_over_detection() -> None:
    stated_english = _article(FRENCH, "fr.md", language="en-GB")
    stated_french = _article(ENGLISH * 5, "en.md", language="French")
    result = languages_of([stated_english, stated_french])
    assert result.codes == {"fr.md": "en", "en.md": "fr"}
    assert result.foreign == frozenset({"en.md"})


def test_unknown_stated_language_is_detected_with_a_warning() -> None:
    result = languages_of([_article(GERMAN, "x.md", language="Klingonish")])
    assert result.codes["x.md"] == "de"
    assert any("'Klingonish' is not a language code" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("value", "code"), [("en", "en"), ("EN-us", "en"), ("en_GB", "en"), ("English", "en"), ("deu", "de"),
                        ("ger", "de"), ("fr-CA", "fr"), ("Spanish", "es"), ("xx-unknown", None)]
)
def test_stated_languages_are_normalised(value: str, code: str | None) -> None:
    assert normalise(value) == code


@pytest.fixture
def multilingual(project: Path) -> Path:
    """A project with an English article, a French one and a German one (in front matter-less .txt)."""
    content = project / "content"
    (content / "oslo.txt").write_text(ENGLISH, "utf-8")
    (content / "bruxelles.txt").write_text(FRENCH, "utf-8")
    (content / "bruessel.txt").write_text(GERMAN, "utf-8")
    return project


def test_other_languages_are_listed_not_analysed(multilingual: Path) -> None:
    briefing, _, report = extract(load_settings(project_dir=multilingual, jobs=1))
    by_path = {s.path: s for s in briefing.sources}
    assert set(by_path) == {"oslo.txt", "bruxelles.txt", "bruessel.txt"}
    assert (by_path["bruxelles.txt"].language, by_path["bruessel.txt"].language) == ("fr", "de")
    assert by_path["oslo.txt"].language == "en"
    quoted = {by_path[s].id for s in by_path if s != "oslo.txt"}
    assert not [q for q in briefing.quotes if q.source in quoted]
    assert [q.source for q in briefing.quotes] == [by_path["oslo.txt"].id]
    assert "Jonas Berger" not in {a.name for a in briefing.actors}
    assert "bruxelles.txt: written in French (fr); listed as a source, not analysed" in report.warnings
    assert "bruessel.txt: written in German (de); listed as a source, not analysed" in report.warnings
    assert report.analysed == 1


def test_site_lists_other_languages_as_sources(multilingual: Path) -> None:
    code, output = run_cli(["build", "--jobs", "1"], multilingual)
    assert code == 0, output
    assert "written in French (fr)" in output and "written in German (de)" in output
    data = json.loads((multilingual / "site" / "briefing.json").read_text("utf-8"))
    assert {s["path"]: s["language"] for s in data["sources"]} == {
        "oslo.txt": "en", "bruxelles.txt": "fr", "bruessel.txt": "de"
    }
    index = (multilingual / "build" / "docs" / "sources" / "index.md").read_text("utf-8")
    assert "not analysed: French" in index and "not analysed: German" in index
    folder = multilingual / "build" / "docs" / "sources"
    pages = {p.name: p.read_text("utf-8") for p in folder.glob("*.md") if p.name != "index.md"}
    french = next(text for text in pages.values() if "Bruxelles" in text)
    assert "\n\n*Written in French (fr): listed as a source, not analysed" in french  # a paragraph of its own
    english = next(text for text in pages.values() if "Ingrid Solberg" in text)
    assert "not analysed" not in english
    code, output = run_cli(["build", "--jobs", "1", "--strict"], multilingual)
    assert code == 1  # a language warning is a warning


def test_fill_drops_the_analysis_of_an_article_not_analysed() -> None:
    """With Dask the workers analyse every article: the analyses of other languages are emptied afterwards."""
    from briefgen.records import Analysis, LocalQuote

    english, french = _article(ENGLISH, "en.txt"), _article(FRENCH, "fr.txt")
    quote = LocalQuote("Nous devons agir", 0, 10, "direct", None, None, 1)
    analyses = [Analysis(english, (), (quote,)), Analysis(french, (), (quote,))]
    result = languages_of([english, french])
    filled = result.fill(analyses, [english, french])
    assert [len(a.quotes) for a in filled] == [1, 0]
    assert result.to_analyse([english, french]) == [english]
