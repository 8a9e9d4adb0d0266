"""The lexicon stage: findings plus a per-article summary whose figures trace back to findings,
JSON that matches the schema, and the text-summary lines."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from framing.jsonout import to_jsonable
from framing.lexicon import default_lexicon
from framing.model import Article, ArticleAnalysis
from framing.stages import lexicon as stage
from framing.text import build_doc

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

TEXT = ("The regime launched a brutal crackdown on Tuesday, killing dozens. “These terrorists deserve "
        "nothing,” the interior minister said. Troops pressed on with the “security operation” in the "
        "valley, a sham by any measure. Critics slammed the plan. The ministry never confirmed the figures.")


class Res:
    """The slice of framing.resources.Resources the stage reads."""

    def __init__(self, lexicon):
        self.lexicon = lexicon


@pytest.fixture(scope="module")
def result():
    article = Article(id="a", text=TEXT, outlet="Test")
    doc = build_doc(article)
    out = stage.run(doc, Res(default_lexicon()), {})
    return article, doc, out


def test_stage_returns_findings_and_summary(result):
    _article, _doc, out = result
    assert set(out) == {"findings", "summary"}
    assert set(out["summary"]) == {"lexicon"}
    findings = out["findings"]
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    texts = {f.text: f for f in findings}
    assert texts["regime"].voice == "narrator"
    assert texts["terrorists"].voice == "quoted"
    assert texts["“security operation”"].category == "scare_quote"
    assert texts["confirmed"].negated


def test_summary_separates_voices_and_traces_to_findings(result):
    _article, doc, out = result
    findings, s = out["findings"], out["summary"]["lexicon"]
    nar, quo = s["voices"]["narrator"], s["voices"]["quoted"]
    assert s["words"]["all"] == nar["words"] + quo["words"] == doc.word_count
    assert quo["words"] == 4  # "These terrorists deserve nothing"; the scare quote is the narrator's
    for side, v in (("narrator", nar), ("quoted", quo)):
        flagged = 0
        for cat, c in v["categories"].items():
            assert all(findings[i].category == cat for i in c["findings"])
            assert all((findings[i].voice == "quoted") == (side == "quoted") for i in c["findings"])
            assert c["count"] == len(c["findings"])
            flagged += c["flags"]
        assert flagged == v["flags"]
        assert v["per_100_words"] == round(100 * v["flags"] / v["words"], 2)
    assert quo["categories"]["label"]["flags"] == 1
    top = {t["term"]: t for t in nar["top_terms"]}
    assert "regime" in top and all(findings[i].term == "regime" for i in top["regime"]["findings"])
    assert [findings[q["finding"]].text for q in s["scare_quotes"]] == ["“security operation”"]
    assert all(findings[i].negated for i in s["negated"])
    assert nar["reporting"]["adversarial"] >= 1 and nar["reporting"]["neutral"] >= 1
    assert len(s["sentences"]) == len(doc.sentences)
    assert s["sentences"][1]["quote_share"] == 0.5  # 4 quoted words of 8
    assert s["sentences"][0]["quote_share"] == 0.0
    assert -1 <= s["sentences"][0]["vader"] <= 1 and 0 <= s["sentences"][0]["subjectivity"] <= 1


def test_negated_findings_do_not_count_towards_tone():
    text = "The strike was not unprovoked. The attack was unprovoked."
    out = stage.run(build_doc(Article(id="n", text=text, outlet="T")), Res(default_lexicon()), {})
    nar = out["summary"]["lexicon"]["voices"]["narrator"]
    assert [f.negated for f in out["findings"] if f.term == "unprovoked"] == [True, False]
    assert nar["polarity"]["negative"] == 1
    assert nar["negated"] == 1


def test_json_output_matches_the_schema(result):
    _article, _doc, out = result
    schema = json.loads((ROOT / "framing" / "schema" / "findings.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    for f in to_jsonable(list(out["findings"])):
        validator.validate(f)
    summary_schema = dict(schema["$defs"]["summary"])
    summary_schema["$defs"] = schema["$defs"]
    jsonschema.Draft202012Validator(summary_schema).validate(to_jsonable(out["summary"]["lexicon"]))
    json.dumps(to_jsonable(out["summary"]), sort_keys=True)  # plain JSON, no sets or objects


def test_output_is_deterministic(result):
    article, _doc, out = result
    again = stage.run(build_doc(article), Res(default_lexicon()), {})
    assert json.dumps(to_jsonable(again), sort_keys=True) == json.dumps(to_jsonable(out), sort_keys=True)


def test_text_summary_lines(result):
    article, doc, out = result
    analysis = ArticleAnalysis(article, doc, findings=out["findings"], summary=out["summary"])
    lines = stage.summarize_text(analysis)
    assert lines[0].startswith("Wording (lexicon): the narrator used")
    joined = "\n".join(lines)
    assert "regime" in joined and "Scare quotes (1)" in joined and "Negated" in joined
    assert stage.summarize_text(ArticleAnalysis(article, doc)) == ["Wording (lexicon): not analysed."]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_seed_articles(path):
    text = path.read_text(encoding="utf-8")
    doc = build_doc(Article(id=path.stem, text=text, outlet="seed"))
    out = stage.run(doc, Res(default_lexicon()), {})
    for f in out["findings"]:
        assert text[f.start:f.end] == f.text
    s = out["summary"]["lexicon"]
    assert s["flags"] == sum(v["flags"] for v in s["voices"].values())
    # every seed's narrator uses lexicon words; seed 004's only narrator flag, "territorial
    # claims", was the plain sense of "claim" (a claim to land), not a reporting verb, and is
    # dropped since session 15 (lexicon_senses.tsv), so not every seed has a narrator flag
    assert s["voices"]["narrator"]["findings"] > 0
    assert s["voices"]["narrator"]["flags"] > 0 or path.stem.startswith("004_")
