#!/usr/bin/env python
"""Measure the frame model on real news: sentences of AllSides articles labelled by hand.

The frame model is trained on sentences the project wrote (data/labels/frames.csv), so its
cross-validated figures (docs/accuracy_classifier.md) are an upper bound. This script measures it
where users run it: on sentences from real articles, with their length, their quotations and their
mix of frames.

Gold: data/labels/frames_allsides.json: 320 sentences, one drawn at random from each of 320
AllSides articles, each labelled with one of the 11 frames of data/labels/GUIDELINES.md ("Task
`frame`"); every other item was labelled again, blind, by a second annotator (`second`). Items
hold the article id, the sentence's number and fingerprint, never the text; the articles are read
from ../shared/datasets/allsides/articles.jsonl.gz and cleaned as `framing batch` cleans them.

Predicted: the classify stage's `SentenceScore.frame` (the most probable frame) of the sentence,
with every stage run as `framing analyze` runs them.

Reported: accuracy, macro-F1 over the 11 frames, per-frame precision / recall / F1, the commonest
confusions, and a baseline: the commonest gold frame for every sentence. --agreement adds the
second annotator against the first (accuracy, Cohen's kappa, macro-F1 of one against the other).

Split: an item is `dev` when the first byte of sha1(article id) is even, else `test`. Training
sentences may be written after reading dev errors only; test is reported, never read.

    python scripts/eval_frames_allsides.py [--split dev|test|all] [--list] [--agreement]
                                           [--markdown FILE] [--model FILE]

Skips cleanly (exit 0, a message) when ../shared is absent.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
LABELS = ROOT / "data" / "labels" / "frames_allsides.json"

import eval_alignment_allsides as ev  # noqa: E402  (corpus reading and fingerprints)
from eval_scare_quotes_allsides import split_of  # noqa: E402  (the same split by article)

FRAMES = ("conflict", "security_defence", "diplomacy", "legality", "political", "economic",
          "responsibility", "morality", "human_interest", "health_safety", "other")


def load_items(path: Path = LABELS, split: str = "all") -> list[dict]:
    items = ev.load_labelled(path, "items")
    return [it for it in items if split == "all" or split_of(it["article"]) == split]


def per_label(pairs: list[tuple[str, str]]) -> dict[str, tuple[float, float, float, int]]:
    """Frame -> (precision, recall, F1, gold count) over (gold, predicted) pairs."""
    out = {}
    for lab in FRAMES:
        tp = sum(g == lab and p == lab for g, p in pairs)
        n_pred = sum(p == lab for _, p in pairs)
        n_gold = sum(g == lab for g, _ in pairs)
        prec, rec = ev._div(tp, n_pred), ev._div(tp, n_gold)
        out[lab] = (prec, rec, ev._f1(prec, rec), n_gold)
    return out


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Mean F1 over the frames that occur in gold or predictions (a frame absent from both says
    nothing either way)."""
    scores = per_label(pairs)
    seen = {g for g, _ in pairs} | {p for _, p in pairs}
    f1s = [scores[lab][2] for lab in FRAMES if lab in seen]
    return sum(f1s) / len(f1s) if f1s else 0.0


def accuracy(pairs: list[tuple[str, str]]) -> float:
    return ev._div(sum(g == p for g, p in pairs), len(pairs))


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two labellings."""
    n = len(pairs)
    if not n:
        return 0.0
    a, b = Counter(g for g, _ in pairs), Counter(p for _, p in pairs)
    chance = sum(a[lab] * b[lab] for lab in FRAMES) / (n * n)
    return ev._div(accuracy(pairs) - chance, 1 - chance)


def predictions(items: list[dict], model_path: str | None = None) -> tuple[list[tuple[dict, str, str]], int]:
    """([(item, predicted frame, the sentence's text)], labelled sentences no longer found in the
    text layer), with the shipped frame model or the one in `model_path`."""
    analyses = ev.analyse(ev.read_articles({it["article"] for it in items}), stages=True,
                          model_path=model_path)
    out, lost = [], 0
    for it in items:
        a = analyses[it["article"]]
        k = ev.resolve(it["fp"], it["sentence"], ev.sentence_map(a))
        if k is None:
            lost += 1
            continue
        score = next((s for s in a.sentence_scores if s.sentence == k), None)
        s = a.doc.sentences[k]
        out.append((it, score.frame if score else "other",
                    " ".join(a.article.text[s.start:s.end].split())))
    return out, lost


def report(items: list[dict], found: list[tuple[dict, str, str]], lost: int, split: str,
           agreement: bool) -> list[str]:
    pairs = [(it["gold"]["label"], pred) for it, pred, _ in found]
    commonest = Counter(g for g, _ in pairs).most_common(1)[0][0] if pairs else "other"
    base = [(g, commonest) for g, _ in pairs]
    lines = [f"Frame model against hand labels on real news ({split}): {len(items)} AllSides "
             f"sentences; no longer found: {lost}", "",
             f"Accuracy {accuracy(pairs):.3f}, macro-F1 {macro_f1(pairs):.3f} "
             f"(baseline, every sentence `{commonest}`: accuracy {accuracy(base):.3f}, "
             f"macro-F1 {macro_f1(base):.3f}).", "",
             "| frame | gold | precision | recall | F1 |", "|---|---:|---:|---:|---:|"]
    for lab, (p, r, f, n) in per_label(pairs).items():
        lines.append(f"| {lab} | {n} | {p:.3f} | {r:.3f} | {f:.3f} |")
    confusions = Counter((g, p) for g, p in pairs if g != p).most_common(8)
    lines += ["", "Commonest confusions (gold -> predicted): " +
              "; ".join(f"{g} -> {p} {n}" for (g, p), n in confusions)]
    if agreement:
        twice = [(it, p) for it, p, _ in found if it.get("second")]
        both = [(it["gold"]["label"], it["second"]["label"]) for it, _ in twice]
        model_first = [(it["gold"]["label"], p) for it, p in twice]
        model_second = [(it["second"]["label"], p) for it, p in twice]
        lines += ["", f"Agreement on the {len(both)} items labelled twice: accuracy "
                      f"{accuracy(both):.3f}, Cohen's kappa {kappa(both):.3f}, macro-F1 of one "
                      f"against the other {macro_f1(both):.3f}. The model on the same items: "
                      f"accuracy {accuracy(model_first):.3f} against the first annotator, "
                      f"{accuracy(model_second):.3f} against the second."]
    return lines


def main(argv=None) -> int:
    args = ev.label_args(__doc__, argv, "print the sentences the model gets wrong",
                         split_help="dev (write training sentences after reading it), test (report only) or all",
                         extra=[("--model", "a frame model file to measure instead of the shipped one "
                                            "(scripts/train_default_models.py --out DIR --set ...)")])
    if ev.corpus_absent():
        return 0
    items = load_items(split=args.split)
    found, lost = predictions(items, args.model)
    if args.list:
        for it, pred, text in found:
            if pred != it["gold"]["label"]:
                print(f"  #{it['n']} gold {it['gold']['label']}, predicted {pred}: {text}")
    ev.emit(report(items, found, lost, args.split, args.agreement), args.markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
