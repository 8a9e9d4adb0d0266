#!/usr/bin/env python
"""Measure the lexicon's flags in the outlet's own voice against hand labels on real news.

Gold: data/labels/flags_allsides.json (see data/labels/GUIDELINES.md, "Flagged wording"): 200
findings the lexicon stage of session 9 showed as flags in the narrator's voice (scare quotes
left out: scripts/eval_scare_quotes_allsides.py measures them) in AllSides articles, one per
article, drawn with a fixed seed. Each is labelled `right` (the word carries the colouring its
category and reason say), `plain` (the right sense, but the ordinary neutral way to say it here),
`wrong_sense` (another sense or part of speech, or part of a name) or `unsure`. Items hold the
article id, the sentence's number and fingerprint and the word's character offsets, never more
text than the flagged word.

Predicted: the item is still flagged when the lexicon stage gives a narrator finding with
`flag` set on exactly its span.

Reported: precision (right among what is still flagged), overall and by category, and how many
right flags are kept; --agreement adds the second annotator on the items labelled twice.

    python scripts/eval_flags_allsides.py [--list] [--agreement] [--markdown FILE]

Skips cleanly (exit 0, a message) when ../shared is absent.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
LABELS = ROOT / "data" / "labels" / "flags_allsides.json"

import eval_alignment_allsides as ev  # noqa: E402  (corpus reading and fingerprints)

LABEL_NAMES = ("right", "plain", "wrong_sense", "unsure")


def load_items(path: Path = LABELS) -> list[dict]:
    return ev.load_labelled(path, "items")


def resolve_item(item: dict, analysis) -> bool:
    """Whether the item's word is still where the label says."""
    return ev.span_still_there(item, analysis, "word")


def flagged(analysis) -> set[tuple[int, int]]:
    return {(f.start, f.end) for f in analysis.findings
            if f.flag and f.voice == "narrator" and f.category != "scare_quote"}


def main(argv=None) -> int:
    args = ev.label_args(__doc__, argv, "print the flags labelled not right",
                         "dev: even item numbers (fixes were chosen looking at these), test: odd")
    if ev.corpus_absent():
        return 0
    items = [it for it in load_items() if args.split == "all" or
             (it["n"] % 2 == 0) == (args.split == "dev")]
    analyses = ev.analyse(ev.read_articles({it["article"] for it in items}), stages=True)
    total, kept = Counter(), Counter()
    by_cat: dict[str, Counter] = {}
    lost = 0
    for it in items:
        a = analyses[it["article"]]
        if not resolve_item(it, a):
            lost += 1
            continue
        label = it["gold"]["label"]
        still = (it["start"], it["end"]) in flagged(a)
        total[label] += 1
        kept[label] += still
        c = by_cat.setdefault(it["category"], Counter())
        c["n"] += still
        c["right"] += still and label == "right"
        if args.list and label != "right" and still:
            print(f"  {label:11s} #{it['n']:3d} {it['category']:22s} {it['word']!r}: {it['gold']['note']}")
    n_kept = sum(kept[lab] for lab in LABEL_NAMES if lab != "unsure")
    lines = [f"Lexicon flags against hand labels: {len(items)} narrator flags in AllSides articles "
             f"(session 9 code; {args.split}); labels no longer found: {lost}", "",
             "| label | items | still flagged |", "|---|---:|---:|"]
    lines += [f"| {lab} | {total[lab]} | {kept[lab]} |" for lab in LABEL_NAMES]
    lines += ["", f"Precision (right among the flagged items labelled right, plain or wrong sense): "
                  f"{ev._div(kept['right'], n_kept):.3f} ({kept['right']} of {n_kept}); right flags "
                  f"kept: {kept['right']} of {total['right']}.", "",
              "| category | flagged | right | precision |", "|---|---:|---:|---:|"]
    for cat, c in sorted(by_cat.items(), key=lambda kv: -kv[1]["n"]):
        lines.append(f"| {cat} | {c['n']} | {c['right']} | {ev._div(c['right'], c['n']):.2f} |")
    if args.agreement:
        n, same, right = ev.item_agreement(items, "label", "right")
        lines += ["", f"Agreement on the {n} items labelled twice: same label {same}, "
                      f"right or not {right}."]
    ev.emit(lines, args.markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
