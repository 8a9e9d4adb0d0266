#!/usr/bin/env python
"""Measure the naming matrix (what each outlet calls each actor) against hand labels on real news.

Gold: data/labels/naming_allsides.json (see data/labels/GUIDELINES.md, "Naming"): for the 24
AllSides story pairs of data/labels/alignment_allsides.json, the main actors and every name or label
each article uses for them, as written (no pronouns, no leading article).

Predicted: `framing.actors.naming_matrix` over the two articles with every stage run: each
mention of an actor (pronouns left out) sits in one row (actor) of the matrix.

A labelled name is found in an article when a mention there reads the same, up to case, a
leading "the" and a possessive 's, or when one holds the other and they end on the same word
("President Trump" / "Trump"). Its row is the row most of those mentions are in. Reported:
  names found     share of the labelled (actor, article, name) triples found at all
  kept together   pairs of found names of one labelled actor that share a row
  kept apart      pairs of found names of two labelled actors of a story in different rows
  across outlets  labelled actors named in both articles, found in both, with one row holding a
                  name from each: the naming matrix can compare them

    python scripts/eval_naming_allsides.py [--split dev|test|all] [--list] [--agreement]
                                           [--markdown FILE]

Skips cleanly (exit 0, a message) when ../shared is absent.
"""
from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
LABELS = ROOT / "data" / "labels" / "naming_allsides.json"
SECOND = ROOT / "data" / "labels" / "naming_allsides_second.json"  # a blind re-labelling

import eval_alignment_allsides as ev  # noqa: E402  (corpus reading, shared helpers)


def load_labels(path: Path = LABELS) -> list[dict]:
    return ev.load_labelled(path, "stories")


def norm(text: str) -> str:
    """Lower case, curly apostrophes folded, a leading article and a final possessive dropped."""
    t = " ".join(text.replace("\u2019", "'").lower().split())
    t = re.sub(r"^(the|a|an) ", "", t)
    return re.sub(r"'s?$", "", t).strip(" .,;:")


def same_name(gold: str, written: str) -> bool:
    g, w = norm(gold), norm(written)
    if not g or not w:
        return False
    if g == w:
        return True
    return (g in w or w in g) and g.split()[-1] == w.split()[-1]


def rows_of(analyses, article_ids) -> dict[str, list[tuple[int, int, str, str]]]:
    """Article id -> (start, end, text, row) for every non-pronoun mention in the naming matrix."""
    from framing.actors import naming_matrix

    matrix = naming_matrix([analyses[a] for a in article_ids])
    out: dict[str, list] = {a: [] for a in article_ids}
    for cell in matrix.cells:
        for use in cell.labels:
            for sp in use.spans:
                text = analyses[sp.article_id].article.text[sp.start:sp.end]
                out[sp.article_id].append((sp.start, sp.end, text, cell.actor_id))
    return out


def story_counts(story: dict, analyses, listing: list[str] | None = None) -> Counter:
    a, b = story["articles"]
    mentions = rows_of(analyses, (a, b))
    c = Counter()
    found: list[tuple[str, str, str, str]] = []  # (actor, article letter, name, row)
    for actor in story["actors"]:
        for letter, art in (("A", a), ("B", b)):
            for name in actor["names"].get(letter, ()):
                c["names"] += 1
                rows = Counter(row for _, _, text, row in mentions[art] if same_name(name, text))
                if not rows:
                    if listing is not None:
                        listing.append(f"  missing  {story['key']} {letter} {name!r} ({actor['actor']})")
                    continue
                c["found"] += 1
                row = sorted(rows.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                found.append((actor["actor"], letter, name, row))
    for x, y in itertools.combinations(found, 2):
        if x[0] == y[0]:
            c["same_pairs"] += 1
            c["same_kept"] += x[3] == y[3]
        else:
            c["diff_pairs"] += 1
            c["diff_kept"] += x[3] != y[3]
            if listing is not None and x[3] == y[3]:
                listing.append(f"  merged   {story['key']} {x[2]!r} ({x[0]}) / {y[2]!r} ({y[0]}): {x[3]}")
    for actor in story["actors"]:
        if actor["names"].get("A") and actor["names"].get("B"):
            rows_a = {r for n, letter, _, r in [(f[0], f[1], f[2], f[3]) for f in found]
                      if n == actor["actor"] and letter == "A"}
            rows_b = {f[3] for f in found if f[0] == actor["actor"] and f[1] == "B"}
            if rows_a and rows_b:
                c["both"] += 1
                c["linked"] += bool(rows_a & rows_b)
                if listing is not None and not rows_a & rows_b:
                    listing.append(f"  unlinked {story['key']} {actor['actor']}: A {sorted(rows_a)} "
                                   f"B {sorted(rows_b)}")
    return c


def agreement(stories: list[dict]) -> list[str]:
    """The second annotator against the first on the stories both labelled: which names they
    list (per article, compared as `norm` reads them), and, for names both list, whether they
    give two names one actor or two."""
    if not SECOND.exists():
        return []
    second = {s["key"]: s for s in load_labels(SECOND)}
    n = Counter()
    keys = []
    for st in stories:
        if st["key"] not in second:
            continue
        keys.append(st["key"])
        actor_of = []
        for story in (st, second[st["key"]]):
            actor_of.append({(letter, norm(name)): a["actor"] for a in story["actors"]
                             for letter, names in a["names"].items() for name in names})
        one, two = set(actor_of[0]), set(actor_of[1])
        n["one"] += len(one)
        n["two"] += len(two)
        n["both"] += len(one & two)
        for x, y in itertools.combinations(sorted(one & two), 2):
            n["pairs"] += 1
            n["same"] += (actor_of[0][x] == actor_of[0][y]) == (actor_of[1][x] == actor_of[1][y])
    if not keys:
        return []
    p, r = ev._div(n["both"], n["two"]), ev._div(n["both"], n["one"])
    return [f"Agreement on the {len(keys)} stories labelled twice: names listed, annotator 2 against "
            f"annotator 1: P {p:.3f} / R {r:.3f} / F1 {ev._f1(p, r):.3f} ({n['one']} and {n['two']}); "
            f"on the {n['both']} names both list, the same answer to \"one actor or two\" for "
            f"{ev._div(n['same'], n['pairs']):.3f} of the {n['pairs']} pairs."]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="all", choices=["dev", "test", "all"])
    ap.add_argument("--list", action="store_true", help="print misses, merges and unlinked actors")
    ap.add_argument("--agreement", action="store_true",
                    help="also compare the two annotators on the stories labelled twice")
    ap.add_argument("--markdown", type=Path)
    args = ap.parse_args(argv)
    if ev.corpus_absent():
        return 0
    stories = [s for s in load_labels() if args.split == "all" or s["split"] == args.split]
    analyses = ev.analyse(ev.read_articles({i for s in stories for i in s["articles"]}), stages=True)
    listing: list[str] | None = [] if args.list else None
    total = Counter()
    for st in stories:
        total.update(story_counts(st, analyses, listing))
    if listing:
        print("\n".join(listing))
    d = ev._div
    lines = [f"Naming against hand labels: {len(stories)} AllSides story pairs ({args.split}), "
             f"{sum(len(s['actors']) for s in stories)} actors, {total['names']} labelled names", "",
             "| measure | figure |", "|---|---|",
             f"| names found | {d(total['found'], total['names']):.3f} ({total['found']} of {total['names']}) |",
             f"| names of one actor kept in one row (pairs) | {d(total['same_kept'], total['same_pairs']):.3f} "
             f"({total['same_kept']} of {total['same_pairs']}) |",
             f"| names of two actors kept in two rows (pairs) | {d(total['diff_kept'], total['diff_pairs']):.3f} "
             f"({total['diff_kept']} of {total['diff_pairs']}) |",
             f"| actors named in both articles with one row across them | {d(total['linked'], total['both']):.3f} "
             f"({total['linked']} of {total['both']}) |"]
    if args.agreement:
        lines += [""] + agreement(stories)
    ev.emit(lines, args.markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
