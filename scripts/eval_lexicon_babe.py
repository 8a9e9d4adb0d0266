#!/usr/bin/env python
"""Evaluate the lexicon's narrator flags against BABE's expert-marked biased words.

BABE (Spinde et al. 2021): US news sentences, each with label_bias (Biased / Non-biased) and
biased_words, the words experts marked as biased. Read from ../shared/datasets/babe/babe_sg2_dev.csv;
the script exits cleanly with a message when the file is absent.

Definitions
- Words: per sentence, lower-cased, ASCII-folded, punctuation stripped from both ends, a trailing
  possessive "'s" dropped; a word set per sentence (a word counts once per sentence).
- Gold: the words of `biased_words` (a Python-style list, parsed with ast.literal_eval).
- Predicted: the words covered by flagged findings (`Finding.flag`) on the narrator side (voice
  "narrator" or "scare_quote"; `--voices all` adds quoted speakers). Information-only findings
  (plain reporting verbs, neutral-and-mild rows such as "reportedly", "killed") are not flags.
- Word precision / recall / F1: micro-averaged over all sentences (biased and non-biased), so a
  flag in a sentence the experts left unmarked counts as a false positive.
- Sentence level: "any narrator flag in the sentence" predicts label_bias == "Biased";
  precision, recall, F1 of the Biased class, and accuracy.
- Splits: the lexicon has no trained parameters, but its content was revised while looking at
  errors; to keep the figure honest the file is split by a hash of the sentence text into a
  "tune" half (errors were inspected there) and a "heldout" half (never inspected). Both are
  reported, with "all".

Usage: python scripts/eval_lexicon_babe.py [--data PATH] [--voices narrator|all] [--errors N]
       [--split tune|heldout|all] [--json OUT] [--markdown OUT]
"""
from __future__ import annotations

import argparse
import ast
import csv
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "datasets" / "babe" / "babe_sg2_dev.csv"
STRIP = "\"'“”‘’.,;:!?()[]{}<>…*—–-"
#: Function words left out of the "content words" figures (both gold and predicted): experts
#: sometimes mark them as spill-over of a phrase ("the", "of"), and multi-word terms bring them along.
FUNCTION_WORDS = frozenset("""
a an the this that these those some any each every all both either neither no
of in on at to for from by with about as into onto over under after before between through during
against among without within upon off out up down around along across behind beyond near than
and or but nor so yet if then because while although though whether
i me my we us our you your he him his she her it its they them their who whom whose which what
is am are was were be been being has have had having do does did done will would shall should
can could may might must not n't 's 'll 've 're 'd there here when where how why also just very
""".split())


def norm_word(w: str) -> str:
    from framing.text.normalize import fold

    w = fold(w).strip().strip(STRIP)
    if w.endswith("'s"):
        w = w[:-2]
    return w.strip(STRIP)


def gold_words(cell: str) -> set[str]:
    try:
        items = ast.literal_eval(cell) if cell.strip() else []
    except (ValueError, SyntaxError):
        return set()
    if not isinstance(items, (list, tuple)):
        return set()
    out = set()
    for item in items:
        for w in str(item).split():
            w = norm_word(w)
            if w:
                out.add(w)
    return out


def split_of(text: str) -> str:
    return "tune" if hashlib.sha1(text.encode("utf-8")).digest()[0] % 2 == 0 else "heldout"


def predicted(doc, findings, voices: str) -> tuple[set[str], list]:
    """Words covered by word flags, and every flag used for the sentence decision.

    Scare quotes count for the sentence ("any flag") but not for words: what they flag is the
    quotation marks around the words, not a biased word the experts could mark.
    """
    words, used = set(), []
    for f in findings:
        if not f.flag:
            continue
        if voices == "narrator" and f.voice == "quoted":
            continue
        used.append(f)
        if f.category == "scare_quote":
            continue
        for t in doc.tokens:
            if f.start <= t.start and t.end <= f.end and t.is_word:
                w = norm_word(t.text)
                if w:
                    words.add(w)
    return words, used


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def evaluate(rows, lexicon, voices: str) -> dict:
    from framing.lexicon.build import findings_of
    from framing.model import Article
    from framing.text import build_doc

    per_split = {}
    errors = {"fp": Counter(), "fn": Counter(), "tp": Counter()}
    by_category = {}
    by_strength = {}
    words_seen = 0
    t0 = time.perf_counter()
    for n, r in enumerate(rows):
        doc = build_doc(Article(id=str(n), text=r["text"], outlet=r.get("outlet", "")))
        words_seen += doc.word_count
        findings = findings_of(doc, lexicon, scores=False)
        pred, used = predicted(doc, findings, voices)
        gold = gold_words(r["biased_words"])
        biased = r["label_bias"].strip().lower() == "biased"
        for split in (r["split"], "all"):
            s = per_split.setdefault(split, {"tp": 0, "fp": 0, "fn": 0, "stp": 0, "sfp": 0, "sfn": 0,
                                             "stn": 0, "sentences": 0, "gold_words": 0,
                                             "ctp": 0, "cfp": 0, "cfn": 0})
            s["sentences"] += 1
            s["gold_words"] += len(gold)
            s["tp"] += len(pred & gold)
            s["fp"] += len(pred - gold)
            s["fn"] += len(gold - pred)
            cpred, cgold = pred - FUNCTION_WORDS, gold - FUNCTION_WORDS
            s["ctp"] += len(cpred & cgold)
            s["cfp"] += len(cpred - cgold)
            s["cfn"] += len(cgold - cpred)
            flagged = bool(used)
            key = {(True, True): "stp", (True, False): "sfp", (False, True): "sfn", (False, False): "stn"}
            s[key[(flagged, biased)]] += 1
        if r["split"] == "tune":
            errors["fp"].update(pred - gold - FUNCTION_WORDS)
            errors["fn"].update(gold - pred - FUNCTION_WORDS)
            errors["tp"].update(pred & gold)
        for f in used:
            fw = {norm_word(t.text) for t in doc.tokens if f.start <= t.start and t.end <= f.end and t.is_word}
            c = by_category.setdefault(f.category, Counter())
            c["findings"] += 1
            c["hit"] += int(bool(fw & gold))
        for f in findings:  # every narrator-side row by strength, information-only rows included
            if f.voice == "quoted" or f.category in ("scare_quote", "reporting_neutral"):
                continue
            fw = {norm_word(t.text) for t in doc.tokens if f.start <= t.start and t.end <= f.end and t.is_word}
            c = by_strength.setdefault(f.strength, Counter())
            c["findings"] += 1
            c["hit"] += int(bool(fw & gold))
    elapsed = time.perf_counter() - t0
    out = {"voices": voices, "splits": {}, "by_category": {}, "seconds": round(elapsed, 1),
           "words": words_seen}
    for split, s in sorted(per_split.items()):
        sent = prf(s["stp"], s["sfp"], s["sfn"])
        sent["accuracy"] = round((s["stp"] + s["stn"]) / s["sentences"], 4) if s["sentences"] else 0.0
        out["splits"][split] = {"sentences": s["sentences"], "gold_words": s["gold_words"],
                                "words": prf(s["tp"], s["fp"], s["fn"]),
                                "content_words": prf(s["ctp"], s["cfp"], s["cfn"]), "sentence": sent}
    for cat, c in sorted(by_category.items()):
        out["by_category"][cat] = {"findings": c["findings"],
                                   "share_hitting_gold": round(c["hit"] / c["findings"], 3)}
    out["by_strength"] = {str(k): {"findings": c["findings"], "share_hitting_gold": round(c["hit"] / c["findings"], 3)}
                          for k, c in sorted(by_strength.items())}
    out["_errors"] = errors
    return out


def markdown(res: dict, lexicon) -> str:
    general = sum(1 for e in lexicon.entries if e.pack == "general")
    lines = [
        "### Lexicon flags vs BABE experts' biased words",
        "",
        f"Data: BABE SG2 development file ({res['splits']['all']['sentences']} sentences, "
        f"{res['splits']['all']['gold_words']} expert-marked words). Lexicon: {len(lexicon.entries)} "
        f"entries ({general} in the general pack), fingerprint `{lexicon.fingerprint()}`. "
        f"Flags: `Finding.flag` on the {'narrator side' if res['voices'] == 'narrator' else 'all voices'}.",
        "",
        "| split | sentences | content words P / R / F1 | all words P / R / F1 | sentence P / R / F1 | sentence accuracy |",
        "|---|---:|---|---|---|---:|",
    ]
    for split in ("tune", "heldout", "all"):
        s = res["splits"].get(split)
        if not s:
            continue
        c, w, t = s["content_words"], s["words"], s["sentence"]
        lines.append(f"| {split} | {s['sentences']} | {c['precision']:.3f} / {c['recall']:.3f} / {c['f1']:.3f} | "
                     f"{w['precision']:.3f} / {w['recall']:.3f} / {w['f1']:.3f} | "
                     f"{t['precision']:.3f} / {t['recall']:.3f} / {t['f1']:.3f} | {t['accuracy']:.3f} |")
    st = res.get("by_strength", {})
    if st:
        lines += ["", "Share of narrator findings whose words the experts marked, by row strength "
                  "(strength 1 rows are information only, 2 and 3 are flags): " +
                  ", ".join(f"strength {k}: {v['share_hitting_gold']:.2f} of {v['findings']}" for k, v in st.items()) + "."]
    lines += [
        "",
        "Word level: per-sentence sets of lower-cased words; a flagged word counts as correct when "
        "the experts marked it in that sentence (micro-averaged over all sentences, unbiased ones "
        "included). \"Content words\" leaves function words (the, of, has, ...) out of both sides; "
        "\"all words\" keeps them. Scare quotes count for sentences, not words (they flag quotation "
        "marks). Sentence level: \"any narrator flag\" predicts `label_bias = Biased`. "
        "\"tune\" is the half of the file (by text hash) whose errors were inspected while writing "
        "entries; \"heldout\" was never inspected.",
    ]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--voices", choices=("narrator", "all"), default="narrator")
    ap.add_argument("--split", choices=("tune", "heldout", "all"), default="all")
    ap.add_argument("--errors", type=int, default=0, help="print the N commonest errors (tune split only)")
    ap.add_argument("--lexicon", action="append", default=[], help="extra pack(s) to overlay")
    ap.add_argument("--json", help="write the figures as JSON here")
    ap.add_argument("--markdown", help="write a markdown snippet here")
    args = ap.parse_args(argv)
    path = Path(args.data)
    if not path.is_file():
        print(f"BABE data not found at {path}: skipping (it lives in ../shared, outside the repository).")
        return 0
    sys.path.insert(0, str(ROOT))
    from framing.lexicon import load_lexicon

    lexicon = load_lexicon(extra_paths=tuple(args.lexicon))
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        r["split"] = split_of(r["text"])
    if args.split != "all":
        rows = [r for r in rows if r["split"] == args.split]
    res = evaluate(rows, lexicon, args.voices)
    errors = res.pop("_errors")
    for split, s in res["splits"].items():
        w, c, t = s["words"], s["content_words"], s["sentence"]
        print(f"{split:8s} n={s['sentences']:5d}  all words P={w['precision']:.3f} R={w['recall']:.3f} "
              f"F1={w['f1']:.3f} | content words P={c['precision']:.3f} R={c['recall']:.3f} "
              f"F1={c['f1']:.3f} | sentences P={t['precision']:.3f} R={t['recall']:.3f} "
              f"F1={t['f1']:.3f} acc={t['accuracy']:.3f}")
    print(f"({res['words']} words in {res['seconds']} s, text layer included)")
    if args.errors:
        print("\nflagged share hitting gold, by category:")
        for cat, c in res["by_category"].items():
            print(f"  {cat:24s} {c['findings']:5d}  {c['share_hitting_gold']:.2f}")
        print("\ncommonest false positives (tune):", errors["fp"].most_common(args.errors))
        print("\ncommonest misses (tune):", errors["fn"].most_common(args.errors))
        print("\ncommonest hits (tune):", errors["tp"].most_common(args.errors))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if args.markdown:
        Path(args.markdown).write_text(markdown(res, lexicon), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
