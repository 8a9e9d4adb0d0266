#!/usr/bin/env python
"""Measure scare-quote flags against hand labels on real news.

Gold: data/labels/scare_quotes_allsides.json (see data/labels/GUIDELINES.md, "Scare quotes"): 150
short quotations that the lexicon and attribution stages of session 8 reported as scare quotes in
AllSides articles (one per article, drawn with a fixed seed), each labelled by what its quotation
marks do: `scare` (the writer keeps a distance), `source_words` (a named or implied source's words),
`title` (a name: a show, law, slogan, nickname), `term` (a word as a word, a neutral coinage) or
`other`. Items hold the article id, the sentence's number and fingerprint and the quotation's
character offsets, never the text; the articles are read from
../shared/datasets/allsides/articles.jsonl.gz and cleaned as `framing batch` cleans them.

Predicted: a quotation is flagged when the lexicon stage gives a `scare_quote` finding on exactly
its span and the attribution stage does not list it under `not_scare_quotes` (what reports show).

Reported: precision of the flags (share of flagged items labelled `scare`), how many of the
labelled scare quotes are still flagged (the sample holds only what session 8 flagged, so this is
recall relative to that, not to every scare quote in the text), and the labels of what is flagged.

Split (session 12): an item is `dev` when the first byte of sha1(article id) is even, else `test`
(72 dev, 78 test). Rules are developed reading dev errors only; test is reported, never read.

    python scripts/eval_scare_quotes_allsides.py [--split dev|test|all] [--list] [--agreement]
        [--markdown FILE]

Skips cleanly (exit 0, a message) when ../shared is absent.
"""
from __future__ import annotations

import hashlib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
LABELS = ROOT / "data" / "labels" / "scare_quotes_allsides.json"

import eval_alignment_allsides as ev  # noqa: E402  (corpus reading and fingerprints)

LABEL_NAMES = ("scare", "source_words", "title", "term", "other")


def split_of(article_id: str) -> str:
    """'dev' or 'test': the first byte of sha1(article id), even or odd. By article, so the rules
    read on dev never saw a test article's sentences."""
    return "dev" if hashlib.sha1(article_id.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def load_items(path: Path = LABELS, split: str = "all") -> list[dict]:
    items = ev.load_labelled(path, "items")
    return [it for it in items if split == "all" or split_of(it["article"]) == split]


def flagged(analysis) -> set[tuple[int, int]]:
    """Spans of the scare quotes a report shows for this article."""
    summary = analysis.summary.get("attribution") or {}
    not_scare = {(d["start"], d["end"]) for d in summary.get("not_scare_quotes", ())}
    return {(f.start, f.end) for f in analysis.findings
            if f.category == "scare_quote" and (f.start, f.end) not in not_scare}


def resolve_item(item: dict, analysis) -> bool:
    """Whether the item's quote is still where the label says."""
    return ev.span_still_there(item, analysis, "quote")


def main(argv=None) -> int:
    args = ev.label_args(__doc__, argv, "print the flags that are not scare quotes",
                         split_help="dev (develop rules on), test (report only) or all")
    if ev.corpus_absent():
        return 0
    items = load_items(split=args.split)
    analyses = ev.analyse(ev.read_articles({it["article"] for it in items}), stages=True)
    by_label, kept = Counter(), Counter()
    lost = 0
    for it in items:
        a = analyses[it["article"]]
        if not resolve_item(it, a):
            lost += 1
            continue
        label = it["gold"]["label"]
        by_label[label] += 1
        if (it["start"], it["end"]) in flagged(a):
            kept[label] += 1
        elif args.list and label == "scare":
            print(f"  scare no longer flagged #{it['n']} {it['quote']!r}")
        if args.list and label != "scare" and (it["start"], it["end"]) in flagged(a):
            print(f"  flagged {label:12s} #{it['n']} {it['quote']!r}")
    n_flag = sum(kept.values())
    lines = [f"Scare quotes against hand labels ({args.split}): {len(items)} quotations session 8 "
             f"flagged in AllSides articles; labels no longer found: {lost}", "",
             "| label | items | still flagged |", "|---|---:|---:|"]
    for lab in LABEL_NAMES:
        lines.append(f"| {lab} | {by_label[lab]} | {kept[lab]} |")
    lines += ["", f"Precision of the flags: {ev._div(kept['scare'], n_flag):.3f} ({kept['scare']} of "
                  f"{n_flag}); labelled scare quotes still flagged: {kept['scare']} of {by_label['scare']} "
                  f"({ev._div(kept['scare'], by_label['scare']):.3f}); session 8's precision on the "
                  f"same sample: {ev._div(by_label['scare'], sum(by_label.values())):.3f}."]
    if args.agreement:
        n, same, scare_same = ev.item_agreement(items, "label", "scare")
        lines += ["", f"Agreement on the {n} items labelled twice: same label {same}, "
                      f"scare or not {scare_same}."]
    ev.emit(lines, args.markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
