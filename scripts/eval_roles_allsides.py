#!/usr/bin/env python
"""Measure the attribution stage's speaker roles (what kind of voice: government, political,
expert ...) against hand labels on real news.

Gold: data/labels/roles_allsides.json (see data/labels/GUIDELINES.md, "Speaker roles"): 150
attributions of the session-9 attribution stage in AllSides articles (one per article, fixed seed),
each source labelled with the kind of voice it is, `not_a_speaker` when the marked words say
nothing, or `unclear`. Items hold the article id, the sentence's number and fingerprint and the
source's character offsets and words.

Predicted: the role of the attribution whose source has exactly the item's span.

Reported: of the sources that are speakers, the share with a role (not "unknown"), the share with
the labelled role, and how often a given role is right; the sources that are no speaker (an
estimate of the stage's source precision on this sample); the most frequent confusions.

    python scripts/eval_roles_allsides.py [--list] [--agreement] [--markdown FILE]

Skips cleanly (exit 0, a message) when ../shared is absent.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
LABELS = ROOT / "data" / "labels" / "roles_allsides.json"

import eval_alignment_allsides as ev  # noqa: E402  (corpus reading, shared helpers)

NOT_SPEAKER, UNCLEAR = "not_a_speaker", "unclear"


def load_items(path: Path = LABELS) -> list[dict]:
    return ev.load_labelled(path, "items")


def resolve_item(item: dict, analysis) -> bool:
    """Whether the item's source is still where the label says."""
    return ev.span_still_there(item, analysis, "source")


def role_at(analysis, start: int, end: int) -> str | None:
    for a in analysis.attributions or ():
        if a.source is not None and (a.source.start, a.source.end) == (start, end):
            return a.role or "unknown"
    return None


def main(argv=None) -> int:
    args = ev.label_args(__doc__, argv, "print the wrong roles")
    if ev.corpus_absent():
        return 0
    items = load_items()
    analyses = ev.analyse(ev.read_articles({it["article"] for it in items}), stages=True)
    c = Counter()
    confusion = Counter()
    for it in items:
        a = analyses[it["article"]]
        if not resolve_item(it, a):
            c["lost"] += 1
            continue
        gold = it["gold"]["role"]
        if gold == UNCLEAR:
            c["unclear"] += 1
            continue
        role = role_at(a, it["start"], it["end"])
        if gold == NOT_SPEAKER:
            c["not_speaker"] += 1
            continue
        c["speakers"] += 1
        if role is None:
            c["gone"] += 1
            continue
        c["given"] += role not in ("unknown", "anonymous")
        c["right"] += role == gold
        if role != gold:
            confusion[(gold, role)] += 1
            if args.list:
                print(f"  #{it['n']:3d} {it['source']!r}: labelled {gold}, stage {role}")
    d = ev._div
    lines = [f"Speaker roles against hand labels: {len(items)} attributions in AllSides articles; "
             f"labels no longer found: {c['lost']}", "",
             "| measure | figure |", "|---|---|",
             f"| sources that are no speaker (of the labelled, unclear left out) | "
             f"{d(c['not_speaker'], c['not_speaker'] + c['speakers']):.3f} ({c['not_speaker']}) |",
             f"| speakers with a role (not unknown or anonymous) | {d(c['given'], c['speakers']):.3f} "
             f"({c['given']} of {c['speakers']}) |",
             f"| speakers with the labelled role | {d(c['right'], c['speakers']):.3f} ({c['right']}) |",
             f"| a role given is right | {d(c['right'], c['given']):.3f} |", "",
             "Most frequent confusions (label -> stage): " + "; ".join(
                 f"{g} -> {p} {n}" for (g, p), n in confusion.most_common(8))]
    if args.agreement:
        n, same, _ = ev.item_agreement(items, "role")
        lines += ["", f"Agreement on the {n} items labelled twice: the same role for {same}."]
    ev.emit(lines, args.markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
