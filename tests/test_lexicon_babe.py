"""The BABE evaluation script runs on the shared data (skips cleanly without it)."""
from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "datasets" / "babe" / "babe_sg2_dev.csv"


def load_script():
    spec = importlib.util.spec_from_file_location("eval_lexicon_babe", ROOT / "scripts" / "eval_lexicon_babe.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_gold_word_parsing():
    ev = load_script()
    assert ev.gold_words("['Bizarre', 'characteristically']") == {"bizarre", "characteristically"}
    assert ev.gold_words('[\'"gender\', \'identity"\']') == {"gender", "identity"}
    assert ev.gold_words("['Trump’s']") == {"trump"}
    assert ev.gold_words("[]") == set() and ev.gold_words("not a list") == set()


def test_script_skips_without_data(tmp_path, capsys):
    ev = load_script()
    assert ev.main(["--data", str(tmp_path / "missing.csv")]) == 0
    assert "skipping" in capsys.readouterr().out


def test_babe_sample_flags_find_expert_words():
    if not DATA.is_file():
        pytest.skip(f"{DATA} is absent: BABE lives in ../shared, outside the repository")
    ev = load_script()
    from framing.lexicon import default_lexicon

    with open(DATA, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))[:400]
    for r in rows:
        r["split"] = ev.split_of(r["text"])
    res = ev.evaluate(rows, default_lexicon(), "narrator")
    words = res["splits"]["all"]["content_words"]
    sent = res["splits"]["all"]["sentence"]
    # a loose floor: the full-file figures are in docs/accuracy_lexicon.md
    assert words["precision"] > 0.4 and words["recall"] > 0.35
    assert sent["accuracy"] > 0.6
