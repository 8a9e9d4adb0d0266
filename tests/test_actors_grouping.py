"""Cross-outlet grouping, the naming matrix on the seed story, profiles, manifest overrides, JSON."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.actors import actor_profiles, group_actors, naming_matrix, parse_overrides
from framing.model import Article, ArticleAnalysis
from framing.stages.actors import run
from framing.text import build_doc

ROOT = Path(__file__).resolve().parent.parent


class _Res:
    from framing.gazetteer import load_gazetteer as _load
    gazetteer = _load()


def analysis(text, outlet, aid=None, findings=()):
    art = Article(id=aid or outlet, text=text, outlet=outlet)
    doc = build_doc(art)
    out = run(doc, _Res, {"findings": findings})
    return ArticleAnalysis(article=art, doc=doc, findings=tuple(findings), actor_mentions=out["actor_mentions"],
                           agency=out["agency"], summary=out["summary"])


@pytest.fixture(scope="module")
def seed_analyses():
    import framing
    story = framing.load_story(str(ROOT / "seeds"))
    out = []
    for art in story.articles:
        doc = build_doc(art)
        res = run(doc, _Res, {})
        out.append(ArticleAnalysis(article=art, doc=doc, actor_mentions=res["actor_mentions"],
                                   agency=res["agency"], summary=res["summary"]))
    return out


def labels(matrix, actor):
    return {c.outlet: {u.label for u in c.labels} for c in matrix.cells if c.actor_id == actor}


def test_seed_naming_matrix_shows_the_outlets_labels(seed_analyses):
    m = naming_matrix(seed_analyses)
    afg = labels(m, "AFG")
    all_afg = set().union(*afg.values())
    # the Afghan authorities, named differently by different outlets
    assert {"Afghan Taliban regime", "Afghan Taliban government", "Taliban government", "Kabul",
            "Afghan Taliban"} <= all_afg
    assert "Afghan Taliban regime" in afg["Outlet B"] and "Afghan Taliban regime" not in afg["Press TV"]
    assert "Taliban government" in afg["Press TV"]
    ttp = labels(m, "ttp")
    all_ttp = set().union(*ttp.values())
    assert {"Tehreek-e-Taliban Pakistan (TTP)", "Fitna al-Khawarij", "Khawarij faction",
            "Tehreek-e-Taliban Pakistan"} <= all_ttp
    assert len(ttp) >= 3  # named by three outlets
    assert m.actors.index("AFG") < m.actors.index("ttp")


def test_seed_people_grouped_across_outlets(seed_analyses):
    t = group_actors(seed_analyses)
    naqvi = t.get("mohsin_naqvi")
    assert set(naqvi.outlets) == {"Outlet A", "Outlet B", "Outlet C"}
    got = {lab for lab, _ in naqvi.labels}
    assert {"Minister Naqvi", "Interior Minister Mohsin Naqvi", "Naqvi"} <= got
    andrabi = t.get("tahir_andrabi")
    assert set(andrabi.outlets) == {"Outlet D", "Press TV"}


def test_seed_profiles(seed_analyses):
    profs = {(p.actor_id, p.outlet): p for p in actor_profiles(seed_analyses)}
    b = profs[("AFG", "Outlet B")]
    assert b.initiator >= 2  # "instigated by", "unprovoked attack"
    assert profs[("PAK", "Outlet B")].responder >= 1  # "Pakistan's retaliatory strikes"
    assert profs[("PAK:military", "Outlet B")].patient_hidden_agent >= 1  # "23 ... embraced martyrdom"
    d = profs[("AFG", "Outlet D")]
    assert d.agent >= 1 and d.initiator >= 1  # "Kabul's aggression"


def test_alias_grouping_across_outlets_without_gazetteer_people():
    a = analysis("Inter-Services Public Relations (ISPR) said 12 soldiers were martyred. "
                 "Brigadier Farhan Qureshi told reporters the area was cleared.", "Outlet A", "a")
    b = analysis("The ISPR said the operation continues. Qureshi said more troops had arrived.", "Outlet B", "b")
    c = analysis("The military's media wing, Inter-Services Public Relations, gave no figures.", "Outlet C", "c")
    t = group_actors([a, b, c])
    ispr = t.get("pk_ispr")
    assert set(ispr.outlets) == {"Outlet A", "Outlet B", "Outlet C"}
    q = [x for x in t.actors if x.actor_id == "person:farhan qureshi"][0]
    assert set(q.outlets) == {"Outlet A", "Outlet B"} and "surname" in q.grouped_by and q.is_guess


def test_one_person_written_with_and_without_a_middle_initial_is_one_actor():
    # Found on hand-labelled AllSides stories (scripts/eval_naming_allsides.py).
    a = analysis("U.S. District Judge Deborah K. Chasanow set a trial date. Chasanow declined "
                 "to comment.", "Outlet A", "a")
    b = analysis("Judge Deborah Chasanow set the trial for next spring.", "Outlet B", "b")
    t = group_actors([a, b])
    rows = [x for x in t.actors if "chasanow" in x.actor_id]
    assert len(rows) == 1 and set(rows[0].outlets) == {"Outlet A", "Outlet B"}
    assert "middle name" in rows[0].grouped_by and rows[0].is_guess


def test_two_people_sharing_a_first_and_last_word_only_by_chance_stay_apart():
    a = analysis("On Monday, Mark Kelly spoke in Tucson.", "Outlet A", "a")
    b = analysis("On Tuesday, Megyn Kelly interviewed him.", "Outlet B", "b")
    t = group_actors([a, b])
    assert len([x for x in t.actors if x.actor_id.startswith("person:") and "kelly" in x.actor_id]) == 2


def test_unknown_acronym_links_long_form_across_outlets():
    a = analysis("The Northern Alliance for Renewal (NAR) rejected the plan.", "Outlet A", "a")
    b = analysis("NAR fighters attacked the town.", "Outlet B", "b")
    c = analysis("Leaders of the Northern Alliance for Renewal met in secret.", "Outlet C", "c")
    t = group_actors([a, b, c])
    nar = t.get("org:NAR")
    assert nar is not None and "Outlet A" in nar.outlets


def test_manifest_override_changes_grouping():
    a = analysis("Kabul denied the charge. The Taliban government said it wants peace.", "Outlet A", "a")
    b = analysis("The Afghan Taliban regime rejected the offer, and the Pakistani Taliban attacked a post.",
                 "Outlet B", "b")
    t = group_actors([a, b])
    assert t.actor_of("a", 0, 5) == "AFG"
    # split Kabul out, then give "Taliban government" to the TTP by name, and rename the TTP
    t2 = group_actors([a, b], {"split": ["Kabul"], "assign": {"Taliban government": "TTP"},
                               "rename": {"ttp": "Pakistani Taliban (TTP)"}})
    assert t2.actor_of("a", 0, 5) == "label:kabul"
    assert t2.get("ttp").name == "Pakistani Taliban (TTP)"
    assert "Taliban government" in {lab for lab, _ in t2.get("ttp").labels}
    assert "manifest" in t2.get("ttp").grouped_by and not t2.get("ttp").is_guess
    assert len(t2.overrides_applied) == 3
    # merge: the split actor goes back into the Afghan authorities by one of its labels
    t3 = group_actors([a, b], {"split": ["Kabul"], "merge": [["Afghan Taliban regime", "Kabul"]]})
    assert t3.actor_of("a", 0, 5) == "AFG"
    m = naming_matrix([a, b], t3)
    assert "Kabul" in {u.label for u in m.cell("AFG", "Outlet A").labels}


def test_override_errors_are_reported():
    with pytest.raises(ValueError, match="unknown key"):
        parse_overrides({"join": []})
    with pytest.raises(ValueError, match="merge"):
        parse_overrides({"merge": ["Kabul"]})
    a = analysis("Kabul denied the charge.", "Outlet A", "a")
    t = group_actors([a], {"merge": [["Kabul", "Atlantis"]]})
    assert "not found: 'Atlantis'" in t.overrides_applied[0]


class _Finding:
    def __init__(self, start, end, term, category, polarity=-1):
        self.start, self.end, self.term, self.category, self.polarity = start, end, term, category, polarity


def test_naming_matrix_marks_lexicon_flags():
    text = "The Afghan Taliban regime rejected the offer. Kabul said nothing."
    i = text.index("regime")
    a = analysis(text, "Outlet A", "a", findings=(_Finding(i, i + 6, "regime", "label"),))
    cell = naming_matrix([a]).cell("AFG", "Outlet A")
    uses = {u.label: u for u in cell.labels}
    assert uses["Afghan Taliban regime"].flagged and uses["Afghan Taliban regime"].categories == ("label",)
    assert not uses["Kabul"].flagged
    assert uses["Kabul"].spans[0].start == text.index("Kabul")


def test_offsets_and_json_schema(seed_analyses):
    import jsonschema
    from referencing import Registry, Resource

    from framing.jsonout import to_jsonable

    schema = json.loads((ROOT / "framing" / "schema" / "actors.schema.json").read_text(encoding="utf-8"))
    reg = Registry().with_resource(schema["$id"], Resource.from_contents(schema))

    def check(obj, name):
        jsonschema.validate(to_jsonable(obj), {"$ref": f"{schema['$id']}#/$defs/{name}"}, registry=reg)

    for an in seed_analyses:
        text = an.article.text
        for m in an.actor_mentions:
            assert text[m.start:m.end] == m.text
            check(m, "actor_mention")
        for e in an.agency:
            check(e, "agency_event")
        check(an.summary["actors"], "summary")
    t = group_actors(seed_analyses)
    check(t, "actor_table")
    check(naming_matrix(seed_analyses, t), "naming_matrix")
    for p in actor_profiles(seed_analyses, t):
        check(p, "actor_profile")


def test_deterministic(seed_analyses):
    from framing.jsonout import dumps
    assert dumps(naming_matrix(seed_analyses)) == dumps(naming_matrix(list(seed_analyses)))
