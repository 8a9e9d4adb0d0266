"""`framing train`: a user's labels file in, a safe model file out; bad files get line numbers."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli_train import train
from framing.classify import load_model

ROOT = Path(__file__).resolve().parent.parent


def runner():
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 keeps stderr apart by default
        return CliRunner()


@pytest.fixture(scope="module")
def class_labels(tmp_path_factory):
    """A class's labels file: 60 rows of the project's pairs, in a spreadsheet's own column order."""
    with open(ROOT / "data" / "labels" / "bias.csv", encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["group"].startswith("p")][:60]
    path = tmp_path_factory.mktemp("class") / "class_labels.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["student", "label", "text", "group"])
        for i, r in enumerate(rows):
            w.writerow([f"s{i % 7}", r["label"], r["text"], r["group"]])
    return path


def test_train_writes_a_model_that_loads(class_labels, tmp_path):
    out = tmp_path / "class_bias.json"
    res = runner().invoke(train, ["--data", str(class_labels), "--task", "bias", "--out", str(out)])
    assert res.exit_code == 0, res.output + res.stderr
    assert f"wrote {out}" in res.output
    assert "cross-validated (5 folds, grouped): macro-F1" in res.output
    assert "biased" in res.output and "precision" in res.output
    model = load_model(out)
    assert model.task == "bias" and model.positive_label == "biased"
    assert model.manifest["training"]["source"] == "class_labels.csv"


def test_train_into_a_folder_with_any_task_name(class_labels, tmp_path):
    res = runner().invoke(train, ["--data", str(class_labels), "--task", "loaded-language", "--out",
                                  str(tmp_path), "--folds", "3", "-q"])
    assert res.exit_code == 0, res.output + res.stderr
    assert load_model(tmp_path / "loaded-language.json").task == "loaded-language"


def test_malformed_file_exits_2_with_every_line_and_no_traceback(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text('text,label\n"A calm sentence.",neutral\n"",biased\n"Another.",neutral\n'
                   '"A frenzied sentence.",\n"Loaded words.",biasd\n', encoding="utf-8")
    res = runner().invoke(train, ["--data", str(bad), "--task", "bias", "--out", str(tmp_path / "m.json")])
    assert res.exit_code == 2
    assert f"error: {bad}:3: empty text" in res.stderr
    assert f"error: {bad}:5: empty label" in res.stderr
    assert f"error: {bad}:6: label 'biasd' has only 1 example" in res.stderr
    assert "Traceback" not in res.stderr + res.output
    assert not (tmp_path / "m.json").exists()


def test_missing_column_and_bad_encoding(tmp_path):
    p = tmp_path / "cols.csv"
    p.write_text("sentence,category\n\"A.\",x\n", encoding="utf-8")
    res = runner().invoke(train, ["--data", str(p), "--task", "frame", "--out", str(tmp_path / "m.json")])
    assert res.exit_code == 2 and f"{p}:1: missing column 'text', 'label'" in res.stderr
    p = tmp_path / "latin.csv"
    p.write_bytes("text,label\n\"Caf\u00e9 owners protested.\",neutral\n".encode("latin-1"))
    res = runner().invoke(train, ["--data", str(p), "--task", "frame", "--out", str(tmp_path / "m.json")])
    assert res.exit_code == 2 and f"{p}:2: bytes that are not UTF-8" in res.stderr


def test_bias_task_needs_to_know_which_label_is_biased(tmp_path):
    p = tmp_path / "lr.csv"
    p.write_text("text,label\n" + "\n".join(
        f'"{t}",{lab}' for t, lab in [("The senator criticized the bill.", "fair"),
                                      ("The senator slammed the disastrous bill.", "slanted"),
                                      ("Police dispersed the protest.", "fair"),
                                      ("Thugs crushed the peaceful protest.", "slanted")]) + "\n",
                 encoding="utf-8")
    res = runner().invoke(train, ["--data", str(p), "--task", "bias", "--out", str(tmp_path / "m.json")])
    assert res.exit_code == 2 and "--positive" in res.stderr
    res = runner().invoke(train, ["--data", str(p), "--task", "bias", "--positive", "slanted",
                                  "--out", str(tmp_path / "m.json"), "-q"])
    assert res.exit_code == 0, res.stderr
    assert load_model(tmp_path / "m.json").positive_label == "slanted"


def test_bad_task_name_and_unwritable_output(class_labels, tmp_path):
    res = runner().invoke(train, ["--data", str(class_labels), "--task", "../../etc", "--out", str(tmp_path)])
    assert res.exit_code == 2 and "--task" in res.stderr
    blocker = tmp_path / "file"
    blocker.write_text("x")
    res = runner().invoke(train, ["--data", str(class_labels), "--task", "bias", "--folds", "2", "-q",
                                  "--out", str(blocker / "sub" / "m.json")])
    assert res.exit_code == 2 and "cannot write the model" in res.stderr


def test_help_explains_the_file_format():
    res = runner().invoke(train, ["--help"])
    assert res.exit_code == 0
    assert "text,label" in res.output and "--task" in res.output and "framing analyze" in res.output
