"""The gazetteer: loading, validation with file:line, lookups and affiliation of phrases."""
from __future__ import annotations

import pytest

from framing.gazetteer import GazetteerError, fold, load_gazetteer


def test_world_coverage(gaz):
    countries = [e for e in gaz.entries.values() if e.kind == "country"]
    assert len(countries) >= 190
    assert len([e for e in gaz.entries.values() if e.kind == "armed_group"]) >= 30
    assert gaz.lookup("Ouagadougou").id == "BFA"  # a capital far from the seed story
    assert gaz.lookup("Hezbollah").id == "hezbollah"
    assert gaz.lookup("the Kremlin").id == "RUS"


@pytest.mark.parametrize("phrase, side", [
    ("Pakistani officials", "Pakistan"),
    ("Kabul", "Afghanistan"),
    ("the Taliban government", "Afghanistan"),
    ("Afghan Taliban regime", "Afghanistan"),
    ("Iranian President Masoud Pezeshkian", "Iran"),
    ("Interior Minister of Pakistan Mohsin Naqvi", "Pakistan"),
    ("TTP spokesman", "Tehreek-e-Taliban Pakistan"),
    ("Fitna al-Khawarij", "Tehreek-e-Taliban Pakistan"),
    ("the Kremlin", "Russia"),
    ("Israeli military sources", "Israel"),
    ("officials", None),
    ("Defence Minister", None),
])
def test_affiliation_of(gaz, phrase, side):
    assert gaz.affiliation_of(phrase) == side


def test_acronyms_match_case_sensitively(gaz):
    assert gaz.lookup("US").id == "USA"
    assert gaz.lookup("us") is None
    assert gaz.lookup("TTP").id == "ttp"
    assert gaz.lookup("ttp") is None


def test_ambiguous_names_need_context(gaz):
    # "Foreign Office" is the UK's or Pakistan's: no answer without context, the right one with it
    assert gaz.lookup("the Foreign Office") is None
    assert gaz.lookup("the Foreign Office", context=("Pakistan",)).id == "pk_fo"
    assert gaz.lookup("the Foreign Office", context=("United Kingdom",)).id == "uk_fcdo"
    # "Taliban" alone is a guess, but the only candidate
    s = gaz.surfaces_of("Taliban")
    assert s and all(x.guess for x in s)


def test_metonyms_group_into_the_government(gaz):
    assert gaz.actor_id("afghan_taliban") == "AFG"
    assert gaz.actor_id("ttp") == "ttp"
    assert gaz.side_of("afghan_taliban") == "Afghanistan"


def test_find_skips_hyphen_compounds_and_possessives(gaz):
    text = "Pak-Afghan tensions rose as Pakistan's army moved."
    hits = [(text[m.start:m.end], m.layer) for m in gaz.find(text) if m.layer == "entity"]
    assert ("Afghan", "entity") not in hits
    assert ("Pakistan's army", "entity") not in hits
    assert ("Pakistan", "entity") in hits


def test_fold_keeps_length():
    s = "Türkiye’s “offer” — Pakistan"
    assert len(fold(s)) == len(s)
    assert fold(s).startswith("turkiye's \"offer\" - ")


def test_bad_row_reports_file_and_line(tmp_path):
    bad = tmp_path / "organisations.tsv"
    bad.write_text("# test\nid\tkind\tname\taliases\tacronyms\tcountry\tacts_for\tambiguous\n"
                   "x1\tspaceship\tThe Fleet\t\t\t\t\tno\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as err:
        load_gazetteer(extra_paths=(str(bad),))
    assert f"{bad}:3" in str(err.value) and "spaceship" in str(err.value)


def test_unknown_header_rejected(tmp_path):
    bad = tmp_path / "x.tsv"
    bad.write_text("name\tfoo\nA\tB\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"x.tsv:1: unknown header"):
        load_gazetteer(extra_paths=(str(bad),))


def test_user_pack_adds_and_overrides(tmp_path):
    pack = tmp_path / "mine.tsv"
    pack.write_text("id\tkind\tname\taliases\tacronyms\tcountry\tacts_for\tambiguous\n"
                    "zfront\tarmed_group\tZeta Liberation Front\tZeta Front\tZLF\tMEX\t\tno\n"
                    "hamas\tarmed_group\tHamas movement\tHamas\t\tPSE\t\tno\n", encoding="utf-8")
    g = load_gazetteer(extra_paths=(str(pack),))
    assert g.lookup("ZLF").name == "Zeta Liberation Front"
    assert g.lookup("Hamas").name == "Hamas movement"
    assert load_gazetteer().lookup("Hamas").name == "Hamas"  # the default is untouched
