"""The PolNeAR evaluation script runs and its scores stay above a floor (needs ../shared)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "eval_attribution_polnear.py"


def _load():
    spec = importlib.util.spec_from_file_location("eval_attribution_polnear", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_brat_parsing_and_merging(tmp_path):
    mod = _load()
    ann = tmp_path / "a_x.ann"
    ann.write_text("T1\tSource 0 5\tKabul\nT2\tCue 6 13\tclaimed\nT3\tContent 14 20;21 25\tthe at tack\n"
                   "T4\tAttribution 6 13\tclaimed\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
                   "#1\tAnnotatorNotes T3\ta note\n", encoding="utf-8")
    rel = mod.parse_ann(ann)
    assert rel == [{"Source": [(0, 5)], "Cue": [(6, 13)], "Content": [(14, 20), (21, 25)]}]
    text = "Kabul claimed the at tack"
    assert mod.merge(rel[0]["Content"], text) == ((14, 25),)


def test_dev_scores_above_floor():
    mod = _load()
    if not mod.POLNEAR.is_dir():
        pytest.skip(f"PolNeAR not found at {mod.POLNEAR}: ../shared is absent")
    res = mod.evaluate("dev", limit=20)
    assert res["articles"] == 20
    assert res["scores"]["cue_overlap"]["precision"] > 0.7
    assert res["scores"]["all_overlap"]["f1"] > 0.5
    assert res["direct_quotes"]["scores"]["all_overlap"]["f1"] > 0.55


def test_human_agreement_pairs_two_annotators_of_the_same_article():
    mod = _load()
    if not mod.POLNEAR.is_dir():
        pytest.skip(f"PolNeAR not found at {mod.POLNEAR}: ../shared is absent")
    agree = mod.agreement()
    assert agree["articles"] >= 10
    scores = agree["scores"]
    # two people's annotations agree, but far from perfectly: the ceiling for any system
    assert 0.5 < scores["all_overlap"]["f1"] < 0.95
    assert scores["all_exact"]["f1"] < scores["all_overlap"]["f1"]
    # each relation is counted once per side
    assert agree["first"] > 100 and agree["second"] > 100
