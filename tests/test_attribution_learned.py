"""The learned cue detector (framing/models/attribution_cues.json) and the conventions added with it:
cues the rules miss get a source and a content, nested cues inside quotations are not direct
quotes, a quotation credited by a dash ("” ― Sonya Herridge"), transcript turns inside a quoted
transcript. Realistic news sentences in the style of 2016 US campaign reporting."""
from __future__ import annotations

import json
from importlib import resources

from framing.attribution import attributions_of
from framing.attribution.learned import load_cue_model, model_from_json
from framing.model import Article
from framing.text import build_doc
from test_attribution_helpers import by_cue, content, run


def test_shipped_model_is_plain_json_with_cross_validated_figures():
    text = resources.files("framing").joinpath("models", "attribution_cues.json").read_text(encoding="utf-8")
    obj = json.loads(text)
    cv = obj["manifest"]["cross_validation"]
    assert cv["folds"] >= 3 and 0.0 < cv["token_fbeta"] <= 1.0
    model = model_from_json(obj)
    assert "say" in model.lemmas and 0.0 < model.threshold < 1.0
    assert load_cue_model() is not None


def test_poll_shows_is_a_cue_with_the_poll_as_source():
    doc, atts, _ = run("A Bloomberg poll shows that Americans living in households making $100,000 or more "
                       "have abandoned the Republican Party.")
    shows = by_cue(atts, "shows")
    assert shows.source_text == "A Bloomberg poll"
    assert content(doc, shows).startswith("that Americans living in households")


def test_learned_cues_get_the_subject_as_source():
    doc, atts, _ = run("Some Democrats, however, question the wisdom of committing to Scott, who has never "
                       "faced a competitive race.")
    question = by_cue(atts, "question")
    assert question.source_text == "Some Democrats"
    assert content(doc, question) == "the wisdom of committing to Scott"
    assert question.cue_type == "evaluation" and question.kind == "indirect"


def test_loose_subject_with_time_words_and_mistagged_name():
    doc, atts, _ = run("Wells Fargo just this month announced it would get rid of these incentives. "
                       "South Korean President Park Geun-hye said Kim's mental state is \"spiraling out of "
                       "control.\"")
    announced = by_cue(atts, "announced")
    assert announced.source_text == "Wells Fargo"
    assert content(doc, announced) == "it would get rid of these incentives"
    said = by_cue(atts, "said")
    assert said.source_text == "South Korean President Park Geun-hye"
    assert said.kind == "partial"  # a paraphrase holding quoted words


def test_rules_alone_do_not_find_the_learned_cues():
    text = "Some Democrats, however, question the wisdom of committing to Scott."
    doc = build_doc(Article("t", text, "test"))
    with_model, _ = attributions_of(doc)
    rules_only, _ = attributions_of(doc, model=None)
    assert [a.cue_text for a in with_model] == ["question"]
    assert rules_only == ()


def test_quotation_credited_by_a_dash():
    doc, atts, _ = run("“His candidacy has brought about social division and strife. He represents our "
                       "greatest shame.” ― Sonya Herridge\n\n“I’m so ashamed to be an American.” ― Pamela Padilla")
    first = by_cue(atts, "―")
    assert first.source_text == "Sonya Herridge" and first.kind == "direct"
    assert content(doc, first).startswith("“His candidacy")
    assert [a.source_text for a in atts if a.cue_text == "―"] == ["Sonya Herridge", "Pamela Padilla"]


def test_transcript_turns_inside_a_quoted_transcript():
    doc, atts, _ = run("Partial transcript as follows:\n\n\"WALLACE: Let’s start with breaking news on the "
                       "debate story.\n\n\"PENCE: Well, look, Hillary Clinton apparently thinks this is an "
                       "episode.\"")
    assert [a.source_text for a in atts if a.cue_text == ":"] == ["WALLACE", "PENCE"]


def test_the_learned_stage_is_deterministic():
    text = ("Some Democrats, however, question the wisdom of committing to Scott. Obama hopes the deal "
            "will hold. A Bloomberg poll shows that voters have moved.")
    doc = build_doc(Article("t", text, "test"))
    assert attributions_of(doc) == attributions_of(doc)


def test_trainer_skips_cleanly_without_polnear(monkeypatch, capsys, tmp_path):
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "train_attribution_polnear.py"
    spec = importlib.util.spec_from_file_location("train_attribution_polnear", script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    real = mod._eval_module

    def absent():
        ev = real()
        ev.POLNEAR = tmp_path / "polnear-absent"
        return ev

    monkeypatch.setattr(mod, "_eval_module", absent)
    before = (Path(mod.OUT).read_bytes())
    assert mod.main(["--check"]) == 0
    assert "skipped" in capsys.readouterr().out
    assert Path(mod.OUT).read_bytes() == before
