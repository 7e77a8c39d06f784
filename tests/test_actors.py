"""Actor mentions, affiliation and country, alias merging within an article and across the corpus."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefgen.build import extract
from briefgen.config import load_settings
from briefgen.errors import ConfigError
from briefgen.extract.lexicon import UserData, use_user_data
from briefgen.extract.merge import ActorOverride, reduce_corpus
from briefgen.extract.overrides import load_overrides
from briefgen.extract.userdata import load_user_data
from briefgen.records import Analysis, Source
from tests.extract_utils import actor, analyse_text, speaker_name


def test_role_title_before_name_gives_role_and_country() -> None:
    a = analyse_text("US Defence Secretary Pete Hegseth said Europe must spend more.")
    hegseth = actor(a, "Pete Hegseth")
    assert hegseth.country == "United States"
    assert "Defence Secretary" in hegseth.roles


def test_lowercase_role_with_demonym_gives_country() -> None:
    a = analyse_text("Lithuanian defence minister Dovile Sakaliene warned that time was short.")
    assert actor(a, "Dovile Sakaliene").country == "Lithuania"


def test_possessive_country_and_role_with_comma() -> None:
    a = analyse_text("Luxembourg’s Minister of Defence, Yuriko Backes, responded on Thursday.")
    backes = actor(a, "Yuriko Backes")
    assert backes.country == "Luxembourg"
    assert backes.roles == ("Minister of Defence",)


def test_apposition_after_name_gives_affiliation() -> None:
    a = analyse_text("Mark Rutte, NATO's secretary general, said the alliance was united.")
    assert actor(a, "Mark Rutte").country == "NATO"


def test_honorific_and_surname_merge_with_the_full_name() -> None:
    a = analyse_text("John Healey said talks were needed. Mr Healey added that Britain would help.")
    assert [x.name for x in a.actors if x.kind == "person"] == ["John Healey"]
    assert "Mr Healey" in actor(a, "John Healey").aliases


def test_institution_metonym_speaks_for_its_country() -> None:
    a = analyse_text("The Kremlin said it was open to talks.")
    kremlin = actor(a, "Kremlin")
    assert (kremlin.kind, kremlin.country) == ("organisation", "Russia")


def test_capital_used_as_metonym_is_the_country() -> None:
    a = analyse_text("Washington said it would not send troops.")
    us = actor(a, "United States")
    assert us.kind == "country"
    assert [q.speaker for q in a.quotes] == ["United States"]


def test_demonym_before_officials_speaks_for_the_country() -> None:
    a = analyse_text("German officials said the proposal needed more work.")
    assert actor(a, "Germany").kind == "country"


def test_title_case_headline_does_not_become_many_actors() -> None:
    a = analyse_text(
        "Trump And Putin Set To Meet In Saudi Arabia Over Ukraine Peace Deal Talks\n\nTalks begin soon."
    )
    assert [x.name for x in a.actors if x.kind == "person"] == []


def test_country_names_that_are_also_given_names() -> None:
    a = analyse_text(
        "Jordan said it would close its airspace. Michael Jordan said nothing. "
        "Georgia’s President Salome Zourabichvili said the vote was rigged."
    )
    assert actor(a, "Jordan").kind == "country"
    assert actor(a, "Michael Jordan").kind == "person"
    assert actor(a, "Salome Zourabichvili").country == "Georgia"


def test_unusual_characters_and_all_caps_do_not_crash_or_invent_people() -> None:
    a = analyse_text("BREAKING NEWS — ÆØÅ ΑΘΗΝΑ 東京 said!!! “” '' „ «\n\nMr said: “")
    assert all(x.kind != "person" or len(x.name) > 1 for x in a.actors)


def _corpus(*texts: str) -> tuple[list[Analysis], list[Source]]:
    analyses = [analyse_text(t, f"{i}.txt") for i, t in enumerate(texts)]
    sources = [Source(f"s-{i}", f"{i}.txt", f"s{i}", None, None, None, None, 1) for i in range(len(texts))]
    return analyses, sources


def test_transliteration_variants_merge_into_one_actor() -> None:
    actors, _ = reduce_corpus(
        *_corpus(
            "Ukrainian President Volodymyr Zelensky said talks were needed.",
            "Ukrainian President Volodymyr Zelenskyy said he was ready.",
            "Mr Zelenskiy said that Kyiv wanted guarantees.",
        )
    )
    people = [a for a in actors if a.kind == "person"]
    assert len(people) == 1
    assert people[0].country == "Ukraine"


def test_missing_diacritics_and_mojibake_merge_into_one_actor() -> None:
    actors, _ = reduce_corpus(
        *_corpus(
            "Lithuanian defence minister Dovilė Šakalienė warned Europe.",
            "Lithuanian defence minister Dovile Sakaliene warned Europe.",
            "Lithuania’s Defense Minister DovilÄ— Sakaliene warned Europe.",
        )
    )
    people = [a for a in actors if a.kind == "person"]
    assert [p.name for p in people] == ["Dovilė Šakalienė"]


def test_guarded_near_miss_spelling_merges_but_different_surnames_do_not() -> None:
    actors, _ = reduce_corpus(
        *_corpus(
            "US defence secretary Pete Hegseth said Europe must pay.",
            "US defence secretary Pete Hegseth said allies must do more.",
            "Pete Hegesth said Nato must change.",
            "Pete Hedges said nothing of note.",
        )
    )
    names = sorted(a.name for a in actors if a.kind == "person")
    assert names == ["Pete Hedges", "Pete Hegseth"]


def test_surname_only_in_another_article_joins_the_full_name() -> None:
    actors, quotes = reduce_corpus(
        *_corpus(
            "Nato secretary general Mark Rutte said allies agreed.",
            "“We are united,” Rutte said.",
        )
    )
    assert [a.id for a in actors if a.kind == "person"] == ["mark-rutte"]
    assert {q.speaker for q in quotes} == {"mark-rutte"}


def test_identical_quote_in_two_articles_is_one_quote_with_also_in() -> None:
    text = "“We will never accept a deal made behind our backs,” said Estonian Prime Minister Kristen Michal."
    _, quotes = reduce_corpus(*_corpus(text, text))
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].also_in == ("s-1",)


def test_quote_in_several_articles_lists_each_other_article_once_in_order() -> None:
    text = "“We will never accept a deal made behind our backs,” said Estonian Prime Minister Kristen Michal."
    _, quotes = reduce_corpus(*_corpus(text, text + "\n\n" + text, "Nothing said here.", text))
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].source == "s-0" and direct[0].also_in == ("s-1", "s-3")


def test_override_renames_merges_and_sets_country() -> None:
    ov = ActorOverride("Volodymyr Zelensky", ("Zelenskyy", "Zelenskiy"), "person", "Ukraine", "President")
    actors, quotes = reduce_corpus(
        *_corpus("Mr Zelenskiy said that talks must include Kyiv."), overrides=[ov]
    )
    people = [a for a in actors if a.kind == "person"]
    assert [(p.name, p.country, p.roles[0]) for p in people] == [
        ("Volodymyr Zelensky", "Ukraine", "President")
    ]
    assert {q.speaker for q in quotes} == {people[0].id}


def test_override_file_errors_name_file_line_and_key(tmp_path: Path) -> None:
    path = tmp_path / "actors.yml"
    path.write_text("actors:\n  - name: Kaja Kallas\n    contry: Estonia\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_overrides(path)
    assert f"{path}:3" in str(exc.value)
    assert "contry" in str(exc.value)


def test_override_file_reports_every_bad_entry_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "actors.yml"
    path.write_text("- name: Kaja Kallas\n  aliases: Kallas\n- name: Jo Bloggs\n  kind: robot\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_overrides(path)
    assert f"{path}:2: key 'actors.0.aliases'" in str(exc.value)
    assert f"{path}:4: key 'actors.1.kind'" in str(exc.value)


def test_override_file_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "actors.yml"
    path.write_text(
        "actors:\n  - name: Kaja Kallas\n    aliases: [Kallas]\n    country: European Union\n", "utf-8"
    )
    assert load_overrides(path) == (ActorOverride("Kaja Kallas", ("Kallas",), None, "European Union", None),)


def test_data_files_hold_only_text_entries_and_valid_country_codes() -> None:
    import pycountry

    from briefgen.extract.lexicon import lexicon, load_data

    def strings_only(node: object) -> bool:
        if isinstance(node, dict):
            return all(isinstance(k, str) and strings_only(v) for k, v in node.items())
        if isinstance(node, list):
            return all(strings_only(v) for v in node)
        return node is None or isinstance(node, str) or (isinstance(node, int) and not isinstance(node, bool))

    for name in ("cues.yml", "roles.yml", "places.yml", "bibliography.yml", "summary.yml", "claims.yml",
                 "first_names.yml"):
        assert strings_only(load_data(name)), name  # YAML 1.1 turns a bare `on` or `No` into a boolean
    for country, code in lexicon().country_iso.items():
        assert pycountry.countries.get(alpha_2=code) is not None, country


def test_located_organisation_is_not_a_person() -> None:
    a = analyse_text(
        "“Promises are cheap,” said Camille Dupont, a researcher at the Paris-based Institut Montaigne."
    )
    people = [x.name for x in a.actors if x.kind == "person"]
    assert people == ["Camille Dupont"]


def test_place_after_a_preposition_is_not_a_speaker() -> None:
    a = analyse_text("Officials in Vilnius said a meeting could take place next week.")
    assert [x.name for x in a.actors if x.kind == "person"] == []


def test_surname_shared_by_two_people_is_not_merged_and_is_reported() -> None:
    from briefgen.extract.merge import ambiguous_merges

    analyses, sources = _corpus(
        "British Prime Minister Boris Johnson said talks must go on.",
        "US House Speaker Mike Johnson said Congress would vote.",
        "“We will see,” Johnson said.",
    )
    actors, _ = reduce_corpus(analyses, sources)
    assert sorted(a.name for a in actors if a.kind == "person") == [
        "Boris Johnson",
        "Johnson",
        "Mike Johnson",
    ]
    (message,) = ambiguous_merges(analyses)
    assert "Boris Johnson or Mike Johnson" in message


def test_hyphenated_role_and_apposition_with_possessive_organisation() -> None:
    a = analyse_text(
        "NATO Secretary-General Mark Rutte spoke first. "
        "Dmitry Medvedev, deputy head of Russia's Security Council, warned on Telegram that it was a mistake."
    )
    assert actor(a, "Mark Rutte").country == "NATO"
    assert actor(a, "Dmitry Medvedev").country == "Russia"


def test_capitalised_name_after_a_role_word_is_not_an_apposition() -> None:
    a = analyse_text("Ukrainian forces held the line near Pokrovsk, the General Staff said.")
    assert [x.name for x in a.actors if x.kind == "person"] == []


def test_a_bare_title_is_not_listed_beside_the_full_role_it_belongs_to() -> None:
    from briefgen.extract.merge import _distinct_roles

    assert _distinct_roles(["Minister of Defence", "Minister", "Minister of Defence", "spokesman"]) == (
        "Minister of Defence",
        "spokesman",
    )


def test_look_alike_letters_from_another_script_merge_into_the_real_actor_with_a_warning() -> None:
    analyses, sources = _corpus(
        "Nato secretary general Mark Rutte said allies agreed.",
        "Nato secretary general M\u0430rk Rutt\u0435 said allies must pay more.",  # Cyrillic a and e
    )
    actors, _ = reduce_corpus(analyses, sources)
    people = [a for a in actors if a.kind == "person"]
    assert [(p.id, p.name) for p in people] == [("mark-rutte", "Mark Rutte")]
    assert all(a.isascii() for a in people[0].aliases)
    from briefgen.extract.merge import look_alike_names

    warnings = look_alike_names(analyses)
    assert len(warnings) == 1 and "mixes scripts" in warnings[0] and "'Mark Rutte'" in warnings[0]


def test_a_name_in_another_script_is_not_folded_to_latin() -> None:
    from briefgen.extract.merge import latin_skeleton

    assert latin_skeleton("Владимир Путин") == "Владимир Путин"
    assert latin_skeleton("Dovilė Šakalienė") == "Dovilė Šakalienė"


def test_near_miss_spelling_with_a_contradicting_description_stays_apart() -> None:
    actors, _ = reduce_corpus(
        *_corpus(
            "“We will protect the coast,” said Fisheries Minister Ingrid Solberg.",
            "“The quotas are far too low,” said Ingrid Solberq, a local fisherman.",
        )
    )
    names = sorted(a.name for a in actors if a.kind == "person")
    assert names == ["Ingrid Solberg", "Ingrid Solberq"]


# --- the project's own word lists (site_config/cues.yml, roles.yml) --------------------------------------


@pytest.fixture
def shipped_words_only() -> Iterator[None]:
    """Whatever a test sets, later tests see only the shipped word lists."""
    use_user_data(UserData())
    yield
    use_user_data(UserData())


def _extract_project(tmp_path: Path, text: str, words: dict[str, str]) -> list[tuple[str, str | None]]:
    (tmp_path / "content").mkdir(exist_ok=True)
    (tmp_path / "content" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "site_config").mkdir(exist_ok=True)
    for name, yml in words.items():
        (tmp_path / "site_config" / name).write_text(yml, encoding="utf-8")
    briefing, _, _ = extract(load_settings(project_dir=tmp_path, executor="serial", cache=False))
    names = {a.id: a.name for a in briefing.actors}
    return [(q.kind, names.get(q.speaker or "")) for q in briefing.quotes]


def test_user_cue_verb_in_site_config_attributes_reported_speech(tmp_path: Path, shipped_words_only: None) -> None:
    text = "Port strike\n\nAnna Novak intoned that the harbour levy was unfair to small fishing crews.\n"
    assert _extract_project(tmp_path, text, {}) == []  # 'intone' is not a shipped reporting verb
    assert _extract_project(tmp_path, text, {"cues.yml": "verbs: [intone]\n"}) == [("indirect", "Anna Novak")]


def test_user_role_head_and_honorific_extend_the_shipped_roles(shipped_words_only: None) -> None:
    text = "“The levy is unfair,” said Jan Visser, the harbourmaster. “We disagree,” said Vdr Ana Lind."
    before = analyse_text(text)
    assert all("harbourmaster" not in a.roles for a in before.actors)
    use_user_data(UserData({"roles.yml": {"heads": ["harbourmaster"], "honorifics": {"Vdr": None}}}))
    after = analyse_text(text)
    assert any("harbourmaster" in a.roles for a in after.actors)
    assert "Vdr Ana Lind" in {a.name for a in before.actors}
    assert "Ana Lind" in {a.name for a in after.actors}


def test_bad_user_word_list_entries_name_file_line_and_key(tmp_path: Path) -> None:
    (tmp_path / "cues.yml").write_text("verbs:\n  - intone\n  - 3\nverb: [quip]\n", encoding="utf-8")
    (tmp_path / "roles.yml").write_text("honorifics:\n  Cllr: neutral\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_user_data(tmp_path)
    cues = tmp_path / "cues.yml"
    assert f"{cues}:3: key 'verbs.1'" in str(exc.value)
    assert f"{cues}:4: unknown key 'verb' (did you mean 'verbs'?)" in str(exc.value)
    (tmp_path / "cues.yml").unlink()
    with pytest.raises(ConfigError) as exc:
        load_user_data(tmp_path)
    assert f"{tmp_path / 'roles.yml'}:2: key 'honorifics.Cllr'" in str(exc.value)


def test_removed_model_setting_is_a_config_error_naming_file_line_and_fix(tmp_path: Path) -> None:
    (tmp_path / "site_config").mkdir()
    settings = tmp_path / "site_config" / "briefgen.yml"
    settings.write_text("title: Briefing\nmodel: en_core_web_sm\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_settings(project_dir=tmp_path)
    assert exc.value.where == f"{settings}:2"
    assert "'model' setting was removed" in exc.value.what
    assert "delete the line" in (exc.value.fix or "")


def test_commented_examples_of_the_project_word_lists_are_valid_entries(tmp_path: Path) -> None:
    from importlib import resources

    template = resources.files("briefgen").joinpath("project_template", "site_config")
    for name in ("cues.yml", "roles.yml"):
        lines = template.joinpath(name).read_text("utf-8").splitlines()
        examples = [line.removeprefix("# ") for line in lines if re.match(r"# [a-z_]+: ", line)]
        (tmp_path / name).write_text("\n".join(examples) + "\n", encoding="utf-8")
        assert len(examples) >= 5, name
    added = load_user_data(tmp_path).additions
    assert "intone" in added["cues.yml"]["verbs"]
    assert added["roles.yml"]["honorifics"] == {"Cllr": None}


def test_actor_mentions_name_the_rules_that_made_them() -> None:
    a = analyse_text(
        "Defence Secretary John Healey said the plan was ready. Mr Healey added that Britain would pay. "
        "The defence secretary said Healey would travel to Kyiv."
    )
    assert dict(actor(a, "John Healey").rules) == {
        "mention.name": 1,  # title + full name
        "mention.honorific": 1,  # "Mr Healey"
        "mention.role_ref": 1,  # "the defence secretary"
        "mention.surname": 1,  # "Healey" alone, resolved to the full name
    }
    assert dict(actor(a, "United Kingdom").rules) == {"mention.place.country": 1}
    assert dict(actor(a, "Ukraine").rules) == {"mention.capital": 1}


def test_corpus_actor_sums_the_rules_of_its_articles_and_exports_them() -> None:
    import json

    from briefgen.export import briefing_json
    from briefgen.records import Briefing

    actors, _ = reduce_corpus(
        *_corpus("Mr Healey said the plan was ready.", "Defence Secretary John Healey said Britain would pay.")
    )
    healey = next(a for a in actors if a.name == "John Healey")
    assert dict(healey.rules) == {"mention.honorific": 1, "mention.name": 1}
    exported = json.loads(briefing_json(Briefing(sources=(), actors=actors, quotes=(), positions=())))
    assert next(a for a in exported["actors"] if a["name"] == "John Healey")["rules"] == dict(healey.rules)


def test_capitalised_word_before_an_organisation_noun_is_an_organisation() -> None:
    unite = actor(analyse_text("“We will strike,” the Unite union said on Monday."), "Unite")
    assert unite.kind == "organisation"
    assert dict(unite.rules) == {"mention.org_noun": 1}


def test_briefgen_check_reports_bad_word_lists_and_overrides_with_their_lines(tmp_path: Path) -> None:
    from briefgen.check import check

    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.txt").write_text("Title\n\nAnna Novak said the levy was unfair.\n", encoding="utf-8")
    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config" / "roles.yml").write_text("heads: [harbourmaster]\nhead: [pilot]\n", encoding="utf-8")
    (tmp_path / "site_config" / "actors.yml").write_text("actors:\n  - nme: Anna Novak\n", encoding="utf-8")
    problems = check(tmp_path).problems
    text = "\n".join(f"{p.where} {p.what}" for p in problems)
    assert f"{tmp_path / 'site_config' / 'roles.yml'}:2: unknown key 'head' (did you mean 'heads'?)" in text
    assert f"{tmp_path / 'site_config' / 'actors.yml'}:2: unknown key 'actors.0.nme'" in text
    assert all(p.error for p in problems if "site_config" in p.what)


def test_a_city_standing_for_an_institution_is_no_person() -> None:
    # "Brussels said" means the EU (or the Commission), not a person called Brussels: say nobody
    a = analyse_text('Brussels said it would not accept the new steel tariffs. "We will respond," Brussels said.\n\n'
                     "Maria Lopez, the trade minister, said talks in Brussels would continue.")
    assert [x.name for x in a.actors] == ["Maria Lopez"]
    assert {speaker_name(a, q) for q in a.quotes} <= {"Maria Lopez", None}


def test_person_name_merges_equal_those_of_comparing_every_pair() -> None:
    """``_group_keys`` compares only full names whose surnames share a first letter: the same merges as the
    all-pairs comparison on variants, near misses, surname-only mentions and surnames of other letters."""
    from briefgen.extract.merge import _agree, _first_compatible, _group_keys, _key, _similar_surname
    from briefgen.records import LocalActor

    names = ["Pete Hegseth", "Pete Hegesth", "P. Hegseth", "Pete Hedges", "Anna Lund", "Anna Lunde", "Lund",
             "Hegesth", "Marta Kowalska", "Marta Kowalski", "Kowalsk", "Ivan Petrov", "Ivan Petrow", "Olga Petrova",
             "Petrov", "Nils Berg", "Nils Borg", "Berg", "Zed"]
    locals_ = [LocalActor(n, n, "person", None, None, (), (), 1) for n in names]
    keys = sorted({_key(a) for a in locals_})
    group = {k: k for k in keys}
    full = [k for k in keys if k.startswith("p:") and len(k[2:].split()) >= 2]
    for i, k in enumerate(full):  # the all-pairs reference
        if group[k] != k:
            continue
        w = k[2:].split()
        for other in full[i + 1 :]:
            o = other[2:].split()
            if group[other] == other and _first_compatible(w[:-1], o[:-1]) and _similar_surname(w[-1], o[-1]):
                group[other] = k
    for k in keys:
        if k.startswith("p:") and len(k[2:].split()) == 1:
            cands = {group[f] for f in full if f[2:].split()[-1] == k[2:]} or {
                group[f] for f in full if _similar_surname(k[2:], f[2:].split()[-1]) and _agree(k, f, None)
            }
            if len(cands) == 1:
                group[k] = next(iter(cands))
    assert _group_keys(locals_) == group
    assert len(set(group.values())) < len(group)  # some names merged, so the comparison is not vacuous
