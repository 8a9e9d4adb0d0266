#!/usr/bin/env python
"""Evaluate the sentence bias classifier on BABE with 5-fold cross-validation grouped by article.

    python scripts/eval_classifier_babe.py [--data PATH] [--folds 5] [--ablation] [--markdown OUT] [--json OUT]

Data: ../shared/datasets/babe/babe_sg2_dev.csv (BABE SG2 development file; label_bias Biased /
Non-biased). Never copied into the repository; the script exits cleanly (code 0) when it is absent.

Folds: StratifiedGroupKFold by news_link (all sentences of one article sit in one fold), seed 0.
Compared, on the same test folds:
  (a) shipped  - framing/models/bias.json as shipped: trained on the project's own labels only,
                 it never saw BABE, so every fold is a test of transfer to other writers;
  (b) BABE-trained - the same pipeline (features, C chosen by inner grouped CV, temperature
                 calibration) fitted on the four other folds;
  (c) majority - the training folds' majority label;
  (d) lexicon rule - "biased" when the lexicon stage flags any narrator-side wording
                 (Finding.flag and voice narrator or scare quote) in the sentence.
With --ablation, (b) is repeated with feature blocks removed, to show what each block adds.
To compare a feature variant: --model-dir DIR takes (a) from DIR/bias.json (trained by
scripts/train_default_models.py --out DIR --set ...), --set KEY=VALUE changes (b)'s features the
same way, and --predictions OUT writes every sentence's predictions (for paired bootstrap
intervals of the difference between two runs; they share the folds).
Reported: macro-F1 (mean and standard deviation over folds, and pooled over all test sentences),
precision / recall / F1 per class, expected calibration error, speed in sentences per second.
The default lexicon was developed with BABE's "tune" half in view (scripts/eval_lexicon_babe.py),
so (a) and (d) are also given on the lexicon's held-out half.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT.parent / "shared" / "datasets" / "babe" / "babe_sg2_dev.csv"
LABELS = ["biased", "neutral"]  # the model's label order (sorted)
PUBLISHED_BEST = 0.804


def split_of(text: str) -> str:
    """The lexicon evaluation's tune / held-out split (same rule as scripts/eval_lexicon_babe.py)."""
    return "tune" if hashlib.sha1(text.encode("utf-8")).digest()[0] % 2 == 0 else "heldout"


def load_babe(path: Path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r.get("text", "").strip()
                and r.get("label_bias") in ("Biased", "Non-biased")]
    texts = [r["text"].strip() for r in rows]
    y = np.array([0 if r["label_bias"] == "Biased" else 1 for r in rows])
    groups = [r["news_link"] or f"row{i}" for i, r in enumerate(rows)]
    return texts, y, groups


def figures(y_true, y_pred, proba=None) -> dict:
    from framing.classify.training import classification_figures, expected_calibration_error

    out = classification_figures(np.asarray(y_true), np.asarray(y_pred), LABELS)
    if proba is not None:
        out["ece"] = expected_calibration_error(np.asarray(proba), np.asarray(y_true))
    return out


def lexicon_rule(inputs) -> np.ndarray:
    from framing.classify.inputs import FLAGGED, NARRATOR, SCARE

    flagged = [i.lexicon.get((FLAGGED, NARRATOR), 0) + i.lexicon.get((FLAGGED, SCARE), 0) for i in inputs]
    return np.array([0 if n > 0 else 1 for n in flagged])


def run(args) -> dict:
    from sklearn.model_selection import StratifiedGroupKFold

    from framing.classify import FeatureConfig, inputs_from_texts, load_default_model, train_model
    from framing.classify.inputs import lexicon_fingerprint
    from framing.resources import Resources

    texts, y, groups = load_babe(args.data)
    if args.limit:
        texts, y, groups = texts[:args.limit], y[:args.limit], groups[:args.limit]
    n = len(texts)
    resources = Resources()
    lexicon_id = lexicon_fingerprint(resources)
    res: dict = {"data": str(args.data.name), "sentences": n, "articles": len(set(groups)),
                 "biased": int((y == 0).sum()), "lexicon": lexicon_id, "folds": args.folds}

    # Text layer + lexicon stage once for every sentence (what analysis does before classifying).
    t0, c0 = time.perf_counter(), time.process_time()
    inputs = inputs_from_texts(texts, resources)
    res["prepare_seconds"] = time.perf_counter() - t0
    res["prepare_cpu_seconds"] = time.process_time() - c0

    if args.model_dir:
        from framing.classify.store import load_model

        shipped = load_model(args.model_dir / "bias.json", warn=False)
    else:
        shipped = load_default_model("bias")
    if shipped is None:
        print("no shipped bias model: run scripts/train_default_models.py first", file=sys.stderr)
        return {}
    res["shipped_lexicon"] = shipped.manifest.get("lexicon")
    t0, c0 = time.perf_counter(), time.process_time()
    preds_shipped = shipped.predict(inputs, explain=True)
    res["model_seconds"] = time.perf_counter() - t0
    res["model_cpu_seconds"] = time.process_time() - c0
    c0 = time.process_time()
    shipped.predict(inputs, explain=False)
    res["model_noexplain_cpu_seconds"] = time.process_time() - c0
    proba_shipped = np.array([[lp.probability for lp in p.distribution] for p in preds_shipped])
    pred_shipped = proba_shipped.argmax(axis=1)
    pred_lex = lexicon_rule(inputs)

    folds = list(StratifiedGroupKFold(n_splits=args.folds, shuffle=True, random_state=args.seed)
                 .split(np.zeros(n), y, groups))
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_default_models import config_with

    configs = {"full": config_with(args.set) or FeatureConfig()}
    if args.ablation:
        configs.update({
            "words only": FeatureConfig(letters=False, lexicon=False, signals=False),
            "words + letters": FeatureConfig(lexicon=False, signals=False),
            "words + letters + lexicon": FeatureConfig(signals=False),
            "full, signals unscaled": FeatureConfig(signal_scale=1.0),
        })
    per_fold = {k: [] for k in ["shipped", "majority", "lexicon"] + [f"babe:{c}" for c in configs]}
    pooled_pred = {k: np.zeros(n, dtype=int) for k in per_fold}
    pooled_proba = {k: np.zeros((n, 2)) for k in per_fold if k.startswith("babe:")}
    train_seconds = []
    for k, (tr, te) in enumerate(folds):
        per_fold["shipped"].append(figures(y[te], pred_shipped[te], proba_shipped[te]))
        pooled_pred["shipped"][te] = pred_shipped[te]
        majority = int(np.bincount(y[tr], minlength=2).argmax())
        per_fold["majority"].append(figures(y[te], np.full(len(te), majority)))
        pooled_pred["majority"][te] = majority
        per_fold["lexicon"].append(figures(y[te], pred_lex[te]))
        pooled_pred["lexicon"][te] = pred_lex[te]
        for name, cfg in configs.items():
            t0 = time.perf_counter()
            model = train_model([texts[i] for i in tr], [LABELS[v] for v in y[tr]], "bias",
                                groups=[groups[i] for i in tr], positive_label="biased", config=cfg,
                                inputs=[inputs[i] for i in tr], lexicon_id=lexicon_id, seed=args.seed)
            if name == "full":
                train_seconds.append(time.perf_counter() - t0)
            proba = model.predict_proba([inputs[i] for i in te])
            key = f"babe:{name}"
            per_fold[key].append(figures(y[te], proba.argmax(axis=1), proba))
            pooled_pred[key][te] = proba.argmax(axis=1)
            pooled_proba[key][te] = proba
            if name == "full":
                per_fold[key][-1]["C"] = model.manifest["training"]["C"]
                per_fold[key][-1]["temperature"] = model.manifest["training"]["temperature"]
        print(f"fold {k + 1}/{len(folds)}: shipped {per_fold['shipped'][-1]['macro_f1']:.3f}, "
              f"BABE-trained {per_fold['babe:full'][-1]['macro_f1']:.3f}, "
              f"lexicon {per_fold['lexicon'][-1]['macro_f1']:.3f}", file=sys.stderr, flush=True)

    res["methods"] = {}
    for key, folds_fig in per_fold.items():
        f1s = np.array([f["macro_f1"] for f in folds_fig])
        proba = proba_shipped if key == "shipped" else pooled_proba.get(key)
        pooled = figures(y, pooled_pred[key], proba)
        res["methods"][key] = {"macro_f1_mean": float(f1s.mean()), "macro_f1_sd": float(f1s.std(ddof=1)),
                               "folds": [round(float(v), 4) for v in f1s], "pooled": pooled}
        if key == "babe:full":
            res["methods"][key]["C"] = [f["C"] for f in folds_fig]
            res["methods"][key]["temperature"] = [f["temperature"] for f in folds_fig]
    if args.predictions:
        keep = {"y": y.tolist(), "groups": groups,  # no BABE texts: row order is the file's
                "pred": {k: v.tolist() for k, v in pooled_pred.items()},
                "proba": {"shipped": proba_shipped.tolist(),
                          **{k: v.tolist() for k, v in pooled_proba.items()}}}
        args.predictions.write_text(json.dumps(keep) + "\n", encoding="utf-8")
    heldout = np.array([split_of(t) == "heldout" for t in texts])
    res["heldout_half"] = {"sentences": int(heldout.sum()),
                           "shipped": figures(y[heldout], pred_shipped[heldout])["macro_f1"],
                           "lexicon": figures(y[heldout], pred_lex[heldout])["macro_f1"]}
    res["speed"] = {
        "prepare_sentences_per_s": n / res["prepare_seconds"],
        "model_sentences_per_s": n / res["model_seconds"],
        "prepare_cpu_sentences_per_s": n / res["prepare_cpu_seconds"],
        "model_cpu_sentences_per_s": n / res["model_cpu_seconds"],
        "model_noexplain_cpu_sentences_per_s": n / res["model_noexplain_cpu_seconds"],
        "end_to_end_sentences_per_s": n / (res["prepare_seconds"] + res["model_seconds"]),
        "train_seconds_per_fold": float(np.mean(train_seconds)),
    }
    return res


def markdown(res: dict) -> str:
    names = {
        "shipped": "(a) shipped model (own labels, never saw BABE)",
        "babe:full": "(b) same pipeline trained on BABE folds",
        "majority": "(c) majority baseline",
        "lexicon": "(d) lexicon rule: any narrator flag",
    }
    for key in res["methods"]:
        if key.startswith("babe:") and key != "babe:full":
            names[key] = f"(b) ablation: {key[5:]}"
    lines = [
        f"BABE SG2 dev: {res['sentences']} sentences from {res['articles']} articles "
        f"({res['biased']} biased). {res['folds']}-fold StratifiedGroupKFold by article (news_link), "
        f"seed 0. Lexicon {res['lexicon']} (shipped model trained with {res['shipped_lexicon']}).",
        "",
        "| method | macro-F1 (mean ± sd over folds) | pooled macro-F1 | biased P / R / F1 | neutral P / R / F1 | ECE |",
        "|---|---|---|---|---|---|",
    ]
    order = ["shipped", "babe:full", "majority", "lexicon"] + sorted(
        k for k in res["methods"] if k.startswith("babe:") and k != "babe:full")
    for key in order:
        m = res["methods"][key]
        p = m["pooled"]
        b, nb = p["per_class"]["biased"], p["per_class"]["neutral"]
        ece = f"{p['ece']:.3f}" if "ece" in p else "-"
        lines.append(f"| {names[key]} | {m['macro_f1_mean']:.3f} ± {m['macro_f1_sd']:.3f} | {p['macro_f1']:.3f} | "
                     f"{b['precision']:.3f} / {b['recall']:.3f} / {b['f1']:.3f} | "
                     f"{nb['precision']:.3f} / {nb['recall']:.3f} / {nb['f1']:.3f} | {ece} |")
    best = res["methods"]["babe:full"]["macro_f1_mean"]
    sp = res["speed"]
    h = res["heldout_half"]
    lines += [
        "",
        f"Published best on BABE: macro-F1 {PUBLISHED_BEST} (fine-tuned BERT-family model, GPU). The "
        f"CPU pipeline trained on BABE folds reaches {best:.3f} ({best / PUBLISHED_BEST:.0%} of it).",
        f"On the lexicon's held-out half of BABE ({h['sentences']} sentences): shipped model "
        f"{h['shipped']:.3f}, lexicon rule {h['lexicon']:.3f} macro-F1.",
        f"C chosen per fold: {res['methods']['babe:full']['C']}; temperature per fold: "
        f"{res['methods']['babe:full']['temperature']}.",
        "",
        f"Speed (this machine, one thread, wall clock on 2 shared cores; CPU time in brackets): "
        f"text layer + lexicon stage {sp['prepare_sentences_per_s']:.0f} "
        f"({sp['prepare_cpu_sentences_per_s']:.0f}) sentences/s; bias classifier with explanations "
        f"{sp['model_sentences_per_s']:.0f} ({sp['model_cpu_sentences_per_s']:.0f}) sentences/s, without "
        f"explanations ({sp['model_noexplain_cpu_sentences_per_s']:.0f}); end to end "
        f"{sp['end_to_end_sentences_per_s']:.0f} sentences/s; training on "
        f"four folds (~{int(res['sentences'] * 0.8)} sentences, with inner CV) {sp['train_seconds_per_fold']:.1f} s.",
    ]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N sentences (smoke test)")
    ap.add_argument("--ablation", action="store_true", help="also train without some feature blocks")
    ap.add_argument("--markdown", type=Path, help="write the results table here")
    ap.add_argument("--json", type=Path, help="write all figures here")
    ap.add_argument("--model-dir", type=Path, help="evaluate DIR/bias.json as (a) instead of the shipped model")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="feature setting for (b) (as scripts/train_default_models.py --set)")
    ap.add_argument("--predictions", type=Path, help="write every sentence's predictions here (JSON)")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"BABE not found at {args.data}: nothing to evaluate (it lives in ../shared, "
              "outside the repository)")
        return 0
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        res = run(args)
    if not res:
        return 1
    md = markdown(res)
    print(md)
    if args.markdown:
        args.markdown.write_text(md, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(res, indent=1, default=float) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
