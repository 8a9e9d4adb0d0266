"""Training is deterministic, models round-trip through their JSON files, and loading is safe."""
from __future__ import annotations

import json
import os
import pickle
import random
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

from framing.classify import (ModelFormatError, ModelVersionWarning, inputs_from_texts, load_model,
                              read_labels, save_model, train_model)
from framing.classify.store import model_bytes
from framing.classify.training import TrainingError, data_digest
from framing.resources import Resources

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "data" / "labels"


@pytest.fixture(scope="module")
def resources():
    return Resources()


@pytest.fixture(scope="module")
def bias_subset():
    """About 160 rows of the project's bias labels: whole pairs, so grouped folds stay valid."""
    data = read_labels(LABELS / "bias.csv")
    keep = [i for i, g in enumerate(data.groups) if g.startswith("p") and int(g[1:]) % 4 == 0]
    return ([data.texts[i] for i in keep], [data.labels[i] for i in keep],
            [data.groups[i] for i in keep])


@pytest.fixture(scope="module")
def bias_model(bias_subset, resources):
    texts, labels, groups = bias_subset
    return train_model(texts, labels, "bias", groups=groups, resources=resources, folds=3)


TRAIN_SNIPPET = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from framing.classify import read_labels, train_model
from framing.classify.store import model_bytes
from framing.resources import Resources
data = read_labels(Path({labels!r}) / "bias.csv")
keep = [i for i, g in enumerate(data.groups) if g.startswith("p") and int(g[1:]) % 4 == 0]
m = train_model([data.texts[i] for i in keep], [data.labels[i] for i in keep], "bias",
                groups=[data.groups[i] for i in keep], resources=Resources(), folds=3)
sys.stdout.buffer.write(model_bytes(m))
"""


def test_training_twice_gives_byte_identical_files(bias_subset, bias_model, resources):
    texts, labels, groups = bias_subset
    again = train_model(texts, labels, "bias", groups=groups, resources=resources, folds=3)
    assert model_bytes(again) == model_bytes(bias_model)
    # File order does not matter: examples are sorted before anything is fitted.
    order = list(range(len(texts)))
    random.Random(7).shuffle(order)
    shuffled = train_model([texts[i] for i in order], [labels[i] for i in order], "bias",
                           groups=[groups[i] for i in order], resources=resources, folds=3)
    assert model_bytes(shuffled) == model_bytes(bias_model)


def test_training_in_a_fresh_process_with_another_hash_seed_gives_the_same_bytes(bias_model):
    code = TRAIN_SNIPPET.format(root=str(ROOT), labels=str(LABELS))
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, timeout=600)
    assert out.returncode == 0, out.stderr.decode()[-2000:]
    assert out.stdout == model_bytes(bias_model)


def test_manifest_records_versions_data_and_cross_validation(bias_model, bias_subset, resources):
    import sklearn

    import framing

    m = bias_model.manifest
    texts, labels, groups = bias_subset
    assert m["task"] == "bias" and m["labels"] == ["biased", "neutral"] and m["positive_label"] == "biased"
    assert m["framing_version"] == framing.__version__ and m["sklearn_version"] == sklearn.__version__
    assert m["lexicon"] == resources.lexicon.fingerprint()[:16]
    tr = m["training"]
    assert tr["data_sha256"] == data_digest(texts, labels, groups)
    assert tr["label_counts"] == {"biased": labels.count("biased"), "neutral": labels.count("neutral")}
    cv = tr["cross_validation"]
    assert cv["grouped"] and cv["folds"] == 3 and 0.5 < cv["macro_f1"] <= 1.0
    assert set(cv["per_class"]) == {"biased", "neutral"}
    assert tr["C"] in tr["C_grid"] and tr["temperature"] > 0


def test_user_model_round_trips_with_identical_predictions_and_reasons(tmp_path, resources):
    """A researcher's own codebook (three labels, any task name) survives save and load."""
    data = read_labels(LABELS / "frames.csv")
    keep = [i for i, lab in enumerate(data.labels) if lab in ("economic", "legality", "diplomacy")]
    texts = [data.texts[i] for i in keep]
    labels = [data.labels[i] for i in keep]
    model = train_model(texts, labels, "my-codebook", resources=resources, folds=3)
    path = save_model(model, tmp_path / "sub" / "codebook.json")
    loaded = load_model(path)
    assert loaded.task == "my-codebook" and loaded.labels == ["diplomacy", "economic", "legality"]
    assert model_bytes(loaded) == path.read_bytes() == model_bytes(model)
    new = ["The central bank raised interest rates to curb inflation, hitting mortgage holders.",
           "The court ruled that the new law violated the constitution.",
           "The two foreign ministers agreed to reopen their embassies after talks in Doha."]
    inputs = inputs_from_texts(new, resources)
    assert np.array_equal(loaded.predict_proba(inputs), model.predict_proba(inputs))
    assert loaded.predict(inputs) == model.predict(inputs)
    assert [p.label for p in loaded.predict(inputs)] == ["economic", "legality", "diplomacy"]


def test_loaded_model_file_is_json_and_never_unpickled(tmp_path, bias_model):
    path = save_model(bias_model, tmp_path / "m.json")
    d = json.loads(path.read_text(encoding="utf-8"))
    assert set(d) == {"manifest", "features", "weights"}
    evil = tmp_path / "evil.json"
    evil.write_bytes(pickle.dumps({"manifest": {}}))
    with pytest.raises(ModelFormatError, match="evil.json: not a framing model file"):
        load_model(evil)


@pytest.mark.parametrize("content, message", [
    ("not json at all", "invalid JSON at line 1"),
    ('{"hello": 1}', "no manifest"),
    ('{"manifest": {"format": "something-else"}}', "format 'something-else'"),
    ('{"manifest": {"format": "framing-sentence-model", "format_version": 99}}', "newer than this framing reads"),
    ('{"manifest": {"format": "framing-sentence-model", "format_version": 1}, "features": {}}', "damaged model file"),
])
def test_broken_model_files_give_one_clear_error(tmp_path, content, message):
    p = tmp_path / "model.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ModelFormatError, match=message):
        load_model(p)


def test_missing_file_and_folder_are_clear_errors(tmp_path):
    with pytest.raises(ModelFormatError, match="cannot read model file"):
        load_model(tmp_path / "nope.json")
    with pytest.raises(ModelFormatError, match="is a folder"):
        load_model(tmp_path)


def test_model_from_another_lexicon_or_version_warns(tmp_path, bias_model):
    d = bias_model.to_json()
    d["manifest"] = dict(d["manifest"], lexicon="0123456789abcdef", framing_version="0.0.1")
    p = tmp_path / "old.json"
    p.write_text(json.dumps(d), encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_model(p, lexicon_id=bias_model.manifest["lexicon"])
    messages = [str(w.message) for w in caught if issubclass(w.category, ModelVersionWarning)]
    assert any("trained with lexicon 0123456789abcdef" in m and "retrain" in m for m in messages)
    assert any("framing 0.0.1" in m for m in messages)


def test_training_rejects_labels_that_cannot_make_a_model():
    texts = ["The bill passed.", "The reckless bill passed.", "Officials met.", "Thugs met."]
    with pytest.raises(TrainingError, match="at least two different labels"):
        train_model(texts, ["a"] * 4, "bias")
    with pytest.raises(TrainingError, match="fewer than 2 examples: c"):
        train_model(texts + ["Prices rose."], ["a", "a", "b", "b", "c"], "tone")
    with pytest.raises(TrainingError, match="exactly two labels"):
        train_model(texts + ["x", "y"], ["a", "b", "c", "a", "b", "c"], "bias")
    with pytest.raises(TrainingError, match="--positive"):
        train_model(texts, ["left", "right", "left", "right"], "bias")
    m = train_model(texts, ["fair", "slanted", "fair", "slanted"], "bias", positive_label="slanted",
                    config=None, folds=2)
    assert m.positive_label == "slanted"


def test_calibration_does_not_worsen_out_of_fold_calibration(bias_model):
    cv = bias_model.manifest["training"]["cross_validation"]
    assert cv["ece_calibrated"] <= cv["ece_uncalibrated"] + 1e-9


def test_shipped_models_are_trained_from_the_current_labels_files():
    """Editing data/labels without re-running scripts/train_default_models.py fails here."""
    from framing.classify import load_default_model

    for task, name in (("bias", "bias.csv"), ("frame", "frames.csv")):
        model = load_default_model(task)
        assert model is not None, f"framing/models/{task}.json is missing: run scripts/train_default_models.py"
        data = read_labels(LABELS / name)
        groups = data.groups or [""] * len(data.texts)
        assert model.manifest["training"]["data_sha256"] == data_digest(data.texts, data.labels, groups), (
            f"framing/models/{task}.json was not trained on the current {name}: "
            "run scripts/train_default_models.py")
        size = (ROOT / "framing" / "models" / f"{task}.json").stat().st_size
        assert size < 5_000_000


def test_models_survive_pickling_for_worker_processes(bias_model, resources):
    """Pickle only ever crosses process boundaries in memory; model files are always JSON."""
    copy = pickle.loads(pickle.dumps(bias_model))
    inputs = inputs_from_texts(["The senator slammed the disastrous bill.", "The bill passed."], resources)
    assert copy.predict(inputs) == bias_model.predict(inputs)


def test_shipped_models_match_the_default_lexicon(resources):
    """Lexicon counts are features: after the default packs change, the models must be retrained."""
    from framing.classify import load_default_model

    current = resources.lexicon.fingerprint()[:16]
    for task in ("bias", "frame"):
        recorded = load_default_model(task).manifest["lexicon"]
        assert recorded == current, (
            f"framing/models/{task}.json was trained with lexicon {recorded}, the default packs are now "
            f"{current}: run scripts/train_default_models.py")


def test_pair_weighting_gives_a_pairs_twins_the_same_weight():
    """Balanced label weights make a biased twin weigh more than its neutral rewrite (fewer biased
    rows), pulling the words the twins share toward "biased"; "pairs" weighting (the shipped bias
    model's, session 15) gives both twins their pair's mean weight and leaves standalone rows alone."""
    from framing.classify.training import row_weights

    data = read_labels(LABELS / "bias.csv")
    y = np.array([0 if lab == "biased" else 1 for lab in data.labels])
    balanced = row_weights(y, data.groups, "balanced")
    pairs = row_weights(y, data.groups, "pairs")
    twins = [i for i, g in enumerate(data.groups) if g == "l150"]
    assert {data.labels[i] for i in twins} == {"biased", "neutral"}
    assert balanced[twins[0]] != balanced[twins[1]]
    assert pairs[twins[0]] == pairs[twins[1]] == pytest.approx(balanced[twins].mean())
    alone = [i for i, g in enumerate(data.groups) if g.startswith("n")]
    assert np.array_equal(pairs[alone], balanced[alone])
    assert pairs.sum() == pytest.approx(len(y))


def test_shipped_bias_model_is_trained_with_pair_weighting():
    model = load_model(ROOT / "framing" / "models" / "bias.json")
    assert model.manifest["training"]["weighting"] == "pairs"
    with pytest.raises(TrainingError):
        train_model(["a b", "c d", "e f", "g h"], ["x", "y", "x", "y"], "tone", weighting="even")
