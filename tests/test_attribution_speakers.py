"""Speakers: titles, roles, sides, anonymous sources, pronouns, merging, scare quotes, aggregates."""
from __future__ import annotations

from pathlib import Path

import jsonschema
import json
import pytest

from test_attribution_helpers import by_cue, gazetteer, run
from framing.model.attribution import aggregate, aggregate_outlets, first_quote_by_side
from framing.stages import attribution as stage

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SCHEMA = Path(__file__).resolve().parent.parent / "framing" / "schema" / "attribution.schema.json"


def test_title_name_role_and_side():
    doc, atts, _ = run("Defence Minister Khawaja Asif said the talks had ended without progress.")
    a = by_cue(atts, "said")
    assert (a.speaker, a.title, a.role) == ("Khawaja Asif", "Defence Minister", "government")
    if gazetteer() is not None:
        assert a.affiliation == "Pakistan"


def test_without_gazetteer_the_side_is_empty_but_the_rest_works():
    doc, atts, _ = run("Defence Minister Khawaja Asif said the talks had ended.", with_gazetteer=False)
    a = by_cue(atts, "said")
    assert a.speaker == "Khawaja Asif" and a.affiliation == "" and a.role == "government"


def test_metonym_capital_speaks_for_its_government():
    if gazetteer() is None:
        pytest.skip("gazetteer not available")
    doc, atts, _ = run("Kabul claimed the attack was retaliatory.")
    a = by_cue(atts, "claimed")
    assert a.affiliation == "Afghanistan"
    assert a.role == "government"


def test_institution_speaker():
    doc, atts, _ = run("The Foreign Office said Pakistan would not hesitate to engage with Tehran.")
    a = by_cue(atts, "said")
    assert a.speaker == "Foreign Office"
    assert a.role == "government"


@pytest.mark.parametrize("sentence,role", [
    ("Officials said the border would reopen on Friday.", "government"),
    ("Sources said the delegation had left Istanbul.", "anonymous"),
    ("A senior official, who spoke on condition of anonymity, said the talks had failed.", "government"),
])
def test_anonymous_sources(sentence, role):
    doc, atts, _ = run(sentence)
    a = by_cue(atts, "said")
    assert a.anonymous
    assert a.role == role


def test_roles_from_the_text():
    doc, atts, _ = run("Residents said the shelling began at dawn. An analyst at the Institute of Strategic "
                       "Studies said the ceasefire was fragile. Ambassador Reza Amiri said Tehran was ready "
                       "to help.")
    roles = [a.role for a in atts]
    assert roles == ["civilian", "expert", "diplomat"]


def test_pronoun_resolves_to_the_nearest_person():
    text = (SEEDS / "000_e6f241712fdf5a0e.txt").read_text(encoding="utf-8")
    doc, atts, _ = run(text)
    noted = by_cue(atts, "noted")
    # both are named as the article's first sentence introduced them
    assert noted.source_text == "He" and noted.speaker == "Mohsin Naqvi"
    said = [a for a in atts if a.cue_text == "said" and a.source_text == "He"][0]
    assert said.speaker == "Masoud Pezeshkian"


def test_same_speaker_named_differently_is_merged():
    text = (SEEDS / "001_a6dc625be74f0e5a.txt").read_text(encoding="utf-8")
    doc, atts, _ = run(text)
    asif = {a.speaker_id for a in atts if a.speaker == "Khawaja Asif"}
    assert len(asif) == 1
    sources = {a.source_text for a in atts if a.speaker == "Khawaja Asif"}
    assert {"Defence Minister Khawaja Asif", "he", "The defence minister"} <= sources


def test_surname_merges_with_full_name():
    doc, atts, _ = run("Information Minister Attaullah Tarar said the talks failed. Tarar stressed that "
                       "Pakistan wants peace.")
    assert len({a.speaker_id for a in atts}) == 1
    assert {a.speaker for a in atts} == {"Attaullah Tarar"}


def test_relative_pronoun_resolves_to_its_noun_phrase():
    doc, atts, _ = run("The statement came from Mohsin Naqvi, who said Pakistan supports any initiative.")
    a = by_cue(atts, "said")
    assert a.source_text == "who"
    assert a.speaker == "Mohsin Naqvi"


def test_scare_quotes_are_not_quotes():
    doc, atts, quotes = run('Pakistan\'s forces also conducted "precision strikes" deep inside Afghanistan.')
    assert atts == ()
    assert [q["text"] for q in quotes["scare_quotes"]] == ['"precision strikes"']


def test_long_unattributed_quote_is_reported_as_such():
    doc, atts, quotes = run('"We will defend every inch of our soil whatever the cost may be."')
    assert atts == ()
    assert len(quotes["unattributed_quotes"]) == 1


class _Lexicon:
    """The lexicon's cue-class API (framing.lexicon), reduced to two entries."""

    def cue_class(self, lemma):
        return {"say": "neutral", "claim": "distancing"}.get(lemma)


def test_cue_classes_come_from_the_lexicon():
    doc, atts, _ = run("Pakistani officials said the attack came from Afghan soil. Kabul claimed the "
                       "attack was retaliatory.", lexicon=_Lexicon())
    assert by_cue(atts, "said").cue_class == "neutral"
    assert by_cue(atts, "claimed").cue_class == "distancing"


def test_real_lexicon_classes_claim_if_available():
    try:
        from framing.lexicon import load_lexicon
        lex = load_lexicon()
    except Exception:
        pytest.skip("framing.lexicon not available yet")
    doc, atts, _ = run("Kabul claimed the attack was retaliatory.", lexicon=lex)
    assert by_cue(atts, "claimed").cue_class in ("distancing", "adversarial")


def test_aggregate_per_outlet():
    _, a1, _ = run("Pakistani officials said the border would reopen. “We want peace,” Defence Minister "
                   "Khawaja Asif said.")
    _, a2, _ = run("Kabul claimed the attack was retaliatory. Sources said the talks failed.")
    agg = aggregate(a1)
    assert agg["attributions"] == 2
    assert agg["direct_share"] == 0.5
    assert sum(v["count"] for v in agg["by_speaker"].values()) == 2
    assert agg["by_speaker"]["Khawaja Asif"]["direct"] == 1
    assert agg["by_speaker"]["Khawaja Asif"]["words"] == 3
    outlets = aggregate_outlets({"Dawn": a1, "Tolo": a2})
    assert list(outlets) == ["Dawn", "Tolo"]
    assert outlets["Tolo"]["anonymous_share"] == 0.5
    if gazetteer() is not None:
        assert outlets["Dawn"]["by_affiliation"]["Pakistan"]["count"] == 2
        assert outlets["Tolo"]["by_affiliation"]["Afghanistan"]["count"] == 1
        assert outlets["Tolo"]["by_affiliation"]["Afghanistan"]["cue_classes"] == {"neutral": 1}
    assert outlets["Tolo"]["unattributed"] == 0


def test_first_quote_by_side():
    if gazetteer() is None:
        pytest.skip("gazetteer not available")
    text = "Kabul claimed the attack was retaliatory. Pakistani officials said it was unprovoked."
    doc, atts, _ = run(text)
    first = first_quote_by_side(atts, len(text))
    assert first["Afghanistan"]["sentence"] == 0
    assert first["Pakistan"]["sentence"] == 1


def test_stage_output_and_schema():
    from framing.model import Article
    from framing.text import build_doc
    from framing.jsonout import to_jsonable

    class Res:
        lexicon = None
        gazetteer = None

    text = (SEEDS / "004_1d9c4d63aa48cbb8.txt").read_text(encoding="utf-8")
    out = stage.run(build_doc(Article("s", text, "Press TV")), Res(), {})
    assert set(out) == {"attributions", "summary"}
    summ = out["summary"]["attribution"]
    assert summ["attributions"] == len(out["attributions"]) > 0
    assert summ["speakers"] and all("mentions" in s for s in summ["speakers"])
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for a in out["attributions"]:
        jsonschema.validate(to_jsonable(a), schema)
    json.dumps(to_jsonable(out["summary"]))  # JSON-friendly


def test_deterministic():
    text = (SEEDS / "003_07f8ff811b03cc3d.txt").read_text(encoding="utf-8")
    assert run(text)[1] == run(text)[1]


def test_of_after_a_title_names_a_place_but_of_inside_a_name_stays():
    # "Gov. John Kasich of Ohio": the place after a titled name is not the speaker; "Bank of
    # America", "University of Chicago" are one name each; "Secretary of State" is a title
    doc, atts, _ = run("Gov. John Kasich of Ohio said the family deserved better. Sen. Sherrod Brown of "
                       "Ohio said the bill would pass. The University of Chicago said it would review "
                       "the case. Secretary of State John Kerry said talks would resume.")
    assert [(a.speaker, a.title) for a in atts] == [
        ("John Kasich", "Gov."), ("Sherrod Brown", "Sen."), ("University of Chicago", ""),
        ("John Kerry", "Secretary of State")]


def test_a_state_demonym_is_no_part_of_the_speaker_name():
    # "Coloradan Neil Gorsuch" was the speaker's name; the gazetteer's demonym of a place that is
    # not a country (non_actors.tsv, type demonym) is cut, one word or two
    from framing.api import analyze_article
    from framing.model import Article
    from framing.resources import Resources

    text = ("Coloradan Neil Gorsuch said on Tuesday that he would be fair. North Carolinian Thom "
            "Tillis said the vote would be close.")
    got = [a.speaker for a in analyze_article(Article(id="t", text=text, outlet="x"),
                                              Resources()).attributions]
    assert got == ["Neil Gorsuch", "Thom Tillis"]


def test_roles_of_media_hosts_and_political_camps():
    # Unknown on hand-labelled AllSides attributions (scripts/eval_roles_allsides.py)
    _, atts, _ = run("NBC host Chuck Todd said the vote was close. Some conservatives said the bill "
                     "went too far. Progressives said the deal was weak.")
    roles = {a.speaker: a.role for a in atts}
    assert roles.get("Chuck Todd") == "media"
    assert roles.get("conservatives") == "political" and roles.get("Progressives") == "political"
