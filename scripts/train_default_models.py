#!/usr/bin/env python
"""Train the shipped classifier models from the project's own labels, deterministically.

    python scripts/train_default_models.py            # writes framing/models/bias.json, frame.json
    python scripts/train_default_models.py --check    # retrain and compare with the shipped files
    python scripts/train_default_models.py --out /tmp/m --set letters=false   # a variant, elsewhere

Inputs: data/labels/bias.csv and data/labels/frames.csv (written by the project; see
data/labels/GUIDELINES.md) and the default lexicon packs in lexicons/ (their counts are features).
The same files give byte-identical model files: examples are sorted, folds and solvers are seeded
and single-threaded, floats are rounded, and nothing time- or machine-dependent is written.
Exit code 1 with --check when a shipped file differs from a fresh training (retrain and commit).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.classify import read_labels, train_model  # noqa: E402
from framing.classify.store import model_bytes  # noqa: E402
from framing.resources import Resources  # noqa: E402

TASKS = (
    # task, labels file, positive label (bias only)
    ("bias", "data/labels/bias.csv", "biased"),
    ("frame", "data/labels/frames.csv", None),
)
#: bias.csv's groups are minimal pairs: their twins weigh the same (training.row_weights; since
#: session 15, docs/accuracy_classifier.md); frames.csv has no groups
WEIGHTING = {"bias": "pairs"}
#: Feature settings of a shipped model that differ from FeatureConfig's defaults. The frame model
#: leaves out the lexicon's counts (session 18): in the project's written sentences they tie the
#: counts of reporting verbs and flagged words to some frames, so real news, full of both, went
#: to `morality` and `responsibility` (the frames' macro-F1 on hand-labelled AllSides sentences,
#: scripts/eval_frames_allsides.py, dev: 0.310 with the block, 0.360 without; cross-validated on
#: frames.csv: 0.731 and 0.764).
TASK_SETTINGS = {"frame": ["lexicon=false"]}


def train_default(task: str, labels_path: str, positive, resources, config=None):
    data = read_labels(ROOT / labels_path)
    model = train_model(data.texts, data.labels, task, groups=data.groups, positive_label=positive,
                        resources=resources, source=labels_path, config=config,
                        weighting=WEIGHTING.get(task, "balanced"))
    return data, model


def config_with(settings: list[str]):
    """FeatureConfig() with KEY=VALUE changes (JSON values: false, 0.1, [1,1], "lemma"), for
    training variants to compare (never for the shipped files: those use the defaults)."""
    import json

    from framing.classify import FeatureConfig

    if not settings:
        return None
    d = FeatureConfig().to_json()
    for item in settings:
        key, _, value = item.partition("=")
        if key not in d:
            raise SystemExit(f"--set {item}: no such feature setting (known: {', '.join(sorted(d))})")
        try:
            d[key] = json.loads(value)
        except ValueError:
            d[key] = value  # a bare string
    return FeatureConfig.from_json(d)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "framing" / "models"), help="folder for the model files")
    ap.add_argument("--check", action="store_true", help="compare with the files in --out, write nothing")
    ap.add_argument("--task", choices=[t for t, _, _ in TASKS], action="append",
                    help="train only this task (repeatable); default: all")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="change a feature setting (framing.classify.FeatureConfig; repeatable), "
                         "to train a variant into --out for comparison")
    args = ap.parse_args(argv)
    out = Path(args.out)
    resources = Resources()  # default lexicon packs only: a user's packs must not leak in
    status = 0
    for task, labels_path, positive in TASKS:
        if args.task and task not in args.task:
            continue
        t0 = time.perf_counter()
        config = config_with(TASK_SETTINGS.get(task, []) + args.set)
        data, model = train_default(task, labels_path, positive, resources, config)
        blob = model_bytes(model)
        target = out / f"{task}.json"
        tr = model.manifest["training"]
        cv = tr["cross_validation"]
        print(f"{task}: {len(data.texts)} examples {data.counts()}")
        print(f"  lexicon {model.manifest['lexicon']}, C={tr['C']}, temperature={tr['temperature']}, "
              f"{model.extractor.n_features} features, {len(blob) / 1e6:.2f} MB, "
              f"{time.perf_counter() - t0:.1f} s")
        print(f"  cross-validated ({cv['folds']} folds{', grouped' if cv['grouped'] else ''}): "
              f"macro-F1 {cv['macro_f1']:.3f}, ECE {cv['ece_uncalibrated']:.3f} -> "
              f"{cv['ece_calibrated']:.3f} after temperature scaling")
        if args.check:
            same = target.is_file() and target.read_bytes() == blob
            print(f"  {target}: {'identical' if same else 'DIFFERS: retrain with this script'}")
            status |= 0 if same else 1
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(blob)
            print(f"  wrote {target}")
    return status


if __name__ == "__main__":
    sys.exit(main())
