#!/usr/bin/env python
"""Measure the comparison's figure and date matching (fact groups, disagreements) against hand labels.

Gold: data/labels/facts_allsides.json (see data/labels/GUIDELINES.md, "Figures and dates"): for the
24 AllSides story pairs of data/labels/alignment_allsides.json, every pair of figures or dates, one
in each article, that refer to the same quantity or the same event's date, and whether their
values agree. Each side is a sentence (number and fingerprint, as in the alignment labels) and the
figure or date as written there.

Predicted: `framing.compare.compare_story` on the two articles with every stage run (the figures
are credited to speakers); each fact group with sides in both articles gives its cross-article
pairs of sides, and a pair disagrees when the group is one of the comparison's disagreements and
the two values differ. A predicted side matches a gold side when it is in the same sentence and
its span overlaps the gold text's span there.

Reported: pairs (same quantity or date, agree or not): precision / recall / F1; disagreements
(the pairs the report flags): precision / recall; and how many gold pairs are disagreements.

    python scripts/eval_facts_allsides.py [--split dev|test|all] [--markdown FILE] [--list]
                                          [--agreement]

Skips cleanly (exit 0, a message) when ../shared is absent.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
LABELS = ROOT / "data" / "labels" / "facts_allsides.json"
SECOND = ROOT / "data" / "labels" / "facts_allsides_second.json"  # a blind re-labelling

import eval_alignment_allsides as ev  # noqa: E402  (loading and fingerprints are shared)


def load_labels(path: Path = LABELS) -> list[dict]:
    return ev.load_labelled(path, "stories")


_FOLD = str.maketrans("\u2019\u2018\u201c\u201d", "''\"\"")  # one character for one: offsets hold


def _span_in(analysis, sentence: int, needle: str) -> tuple[int, int] | None:
    s = analysis.doc.sentences[sentence]
    text = analysis.article.text.translate(_FOLD)
    needle = needle.translate(_FOLD)
    k = text.find(needle, s.start, s.end)
    if k < 0:  # labels written with other spacing or quote marks: match on the words
        k = " ".join(text[s.start:s.end].split()).find(" ".join(needle.split()))
        if k < 0:
            return None
        return s.start, s.end  # the sentence: any figure of it overlaps
    return k, k + len(needle)


def gold_of(story: dict, analyses: dict) -> tuple[list[dict], int]:
    """The labelled pairs with sentence indices and character spans resolved in today's text
    layer, and how many could not be resolved."""
    a, b = story["articles"]
    fa, fb = ev.sentence_map(analyses[a]), ev.sentence_map(analyses[b])
    out, lost = [], 0
    for p in story["pairs"]:
        ia, ib = ev.resolve(p["fp_a"], p["a"], fa), ev.resolve(p["fp_b"], p["b"], fb)
        sa = _span_in(analyses[a], ia, p["a_text"]) if ia is not None else None
        sb = _span_in(analyses[b], ib, p["b_text"]) if ib is not None else None
        if sa is None or sb is None:
            lost += 1
            continue
        out.append({"a": ia, "b": ib, "a_span": sa, "b_span": sb, "relation": p["relation"],
                    "what": p.get("what", "")})
    return out, lost


def predicted_of(story: dict, analyses: dict) -> list[dict]:
    """Cross-article pairs of sides of the comparison's fact groups."""
    from framing.compare import compare_story

    a, b = story["articles"]
    comp = compare_story([analyses[a], analyses[b]], None, None)
    flagged = {d.group_id for d in comp.disagreements}
    sent_of = {}
    for art in (a, b):
        for i, s in enumerate(analyses[art].doc.sentences):
            sent_of[(art, s.start)] = i
    out = []
    for g in comp.fact_groups:
        sa = [s for s in g.sides if s.article_id == a]
        sb = [s for s in g.sides if s.article_id == b]
        for x in sa:
            for y in sb:
                out.append({"a": sent_of[(a, x.sentence_start)], "b": sent_of[(b, y.sentence_start)],
                            "a_span": (x.start, x.end), "b_span": (y.start, y.end),
                            "relation": "disagree" if g.id in flagged and x.value != y.value
                            else "agree", "label": g.label, "a_text": x.text, "b_text": y.text})
    return out


def _overlaps(p: tuple[int, int], q: tuple[int, int]) -> bool:
    return p[0] < q[1] and q[0] < p[1]


def match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs: same sentences, overlapping spans; one-to-one, in order."""
    used, out = set(), []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi in used or (g["a"], g["b"]) != (p["a"], p["b"]):
                continue
            if _overlaps(g["a_span"], p["a_span"]) and _overlaps(g["b_span"], p["b_span"]):
                used.add(pi)
                out.append((gi, pi))
                break
    return out


def agreement(stories: list[dict], analyses: dict) -> list[str]:
    """The second annotator against the first on the stories both labelled: pairs (same
    quantity or date) and disagreements, matched as the tool's pairs are."""
    if not SECOND.exists():
        return []
    second = {s["key"]: s for s in load_labels(SECOND)}
    n = {"one": 0, "two": 0, "both": 0, "dis_one": 0, "dis_two": 0, "dis_both": 0}
    keys = []
    for st in stories:
        if st["key"] not in second:
            continue
        keys.append(st["key"])
        one, _ = gold_of(st, analyses)
        two, _ = gold_of(second[st["key"]], analyses)
        pairs = match(one, two)
        n["one"] += len(one)
        n["two"] += len(two)
        n["both"] += len(pairs)
        n["dis_one"] += sum(g["relation"] == "disagree" for g in one)
        n["dis_two"] += sum(g["relation"] == "disagree" for g in two)
        n["dis_both"] += sum(one[i]["relation"] == "disagree" == two[j]["relation"] for i, j in pairs)
    if not keys:
        return []
    p, r = ev._div(n["both"], n["two"]), ev._div(n["both"], n["one"])
    return [f"Agreement on the {len(keys)} stories labelled twice: annotator 2 against annotator 1, "
            f"pairs P {p:.3f} / R {r:.3f} / F1 {ev._f1(p, r):.3f} ({n['one']} and {n['two']} pairs); "
            f"disagreements: {n['dis_one']} and {n['dis_two']} labelled, {n['dis_both']} the same."]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="all", choices=["dev", "test", "all"])
    ap.add_argument("--markdown", type=Path)
    ap.add_argument("--list", action="store_true", help="print every miss and false alarm")
    ap.add_argument("--agreement", action="store_true",
                    help="also compare the two annotators on the stories labelled twice")
    args = ap.parse_args(argv)
    if ev.corpus_absent():
        return 0
    stories = [s for s in load_labels() if args.split == "all" or s["split"] == args.split]
    analyses = ev.analyse(ev.read_articles({i for s in stories for i in s["articles"]}), stages=True)
    n = {"gold": 0, "pred": 0, "hit": 0, "gold_dis": 0, "pred_dis": 0, "hit_dis": 0, "lost": 0}
    for st in stories:
        gold, lost = gold_of(st, analyses)
        pred = predicted_of(st, analyses)
        pairs = match(gold, pred)
        n["lost"] += lost
        n["gold"] += len(gold)
        n["pred"] += len(pred)
        n["hit"] += len(pairs)
        n["gold_dis"] += sum(g["relation"] == "disagree" for g in gold)
        n["pred_dis"] += sum(p["relation"] == "disagree" for p in pred)
        n["hit_dis"] += sum(gold[gi]["relation"] == "disagree" == pred[pi]["relation"]
                            for gi, pi in pairs)
        if args.list:
            hit_g, hit_p = {g for g, _ in pairs}, {p for _, p in pairs}
            print(f"=== {st['key']} {st['outlets']}")
            for pi, p in enumerate(pred):
                tag = "ok " if pi in hit_p else "FP "
                print(f"  {tag}{p['relation']:8s} A{p['a']} «{p['a_text']}» B{p['b']} «{p['b_text']}» "
                      f"({p['label']})")
            for gi, g in enumerate(gold):
                if gi not in hit_g:
                    print(f"  FN {g['relation']:8s} A{g['a']} B{g['b']} ({g['what']})")
    p = ev._div(n["hit"], n["pred"])
    r = ev._div(n["hit"], n["gold"])
    dp, dr = ev._div(n["hit_dis"], n["pred_dis"]), ev._div(n["hit_dis"], n["gold_dis"])
    lines = [f"Figures and dates against hand labels: {len(stories)} AllSides story pairs "
             f"({args.split}); {n['gold']} labelled pairs, {n['gold_dis']} of them disagreements; "
             f"labels no longer found: {n['lost']}", "",
             "| | predicted | right | precision | recall | F1 |", "|---|---:|---:|---:|---:|---:|",
             f"| pairs of figures or dates (same quantity or date) | {n['pred']} | {n['hit']} "
             f"| {p:.3f} | {r:.3f} | {ev._f1(p, r):.3f} |",
             f"| disagreements | {n['pred_dis']} | {n['hit_dis']} | {dp:.3f} | {dr:.3f} "
             f"| {ev._f1(dp, dr):.3f} |"]
    if args.agreement:
        lines += [""] + agreement(stories, analyses)
    ev.emit(lines, args.markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
