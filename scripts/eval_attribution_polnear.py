#!/usr/bin/env python
"""Evaluate the attribution stage against PolNeAR (Newell, Margolin & Ruths, LREC 2018).

    python scripts/eval_attribution_polnear.py [--split dev] [--split train] [--limit N] [--json out.json]
        [--rules-only]

Reads ../shared/datasets/polnear (brat standoff: Source, Cue, Content text-bound spans joined by an
Attribution event; discontinuous spans as "start end;start end"). Skips with a message when absent.

Choices, so the figures can be reproduced and compared:
  - Annotators: some articles were annotated by several people; we score against one annotation per
    article, the one with the lowest annotator id (file name suffix), for every article.
  - Spans: brat fragments of one part are merged when only white space separates them, and white
    space is trimmed from the edges; "exact" means equal character offsets after that.
  - Matching follows BBC Citron's evaluate script: a predicted cue counts when some gold cue has the
    same span (cue exact) or overlaps it (cue overlap); a source (content) counts when the cues overlap
    and the source (content) spans are equal (exact) or overlap (overlap); a whole attribution counts
    when cue, source and content all match (all three exact, or all three overlapping; an absent
    source matches an absent source). Precision is over predicted attributions, recall over gold ones.
  - Direct quotes: the same scores restricted to gold attributions whose content is a quotation
    (starts with a quotation mark) and to predicted attributions of kind "direct"; comparable with
    quote-extraction systems (GenderGapTracker), which extract only those.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "datasets" / "polnear"
QUOTE_MARKS = "\"'\u201c\u2018\u201e\u00ab`"
METRICS = ("cue_exact", "cue_overlap", "source_exact", "source_overlap", "content_exact",
           "content_overlap", "all_exact", "all_overlap")


def parse_ann(path: Path) -> list[dict]:
    """Attribution relations of one .ann file: [{"Source": [(s, e), ...], "Cue": [...], "Content": [...]}]."""
    spans: dict[str, tuple[str, list]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not re.match(r"^[TE]\d+\t", line):
            continue  # comments, notes, and continuation lines of multi-line span texts
        parts = line.split("\t")
        if line.startswith("T"):
            typ, rest = parts[1].split(" ", 1)
            spans[parts[0]] = (typ, [tuple(map(int, s.split())) for s in rest.split(";")])
        else:
            events.append([a.split(":") for a in parts[1].split()])
    out = []
    for args in events:
        rel: dict[str, list] = {"Source": [], "Cue": [], "Content": []}
        for role, ref in args:
            role = re.sub(r"\d+$", "", role)
            if role in rel and ref in spans:
                rel[role].extend(spans[ref][1])
        if rel["Cue"]:
            out.append(rel)
    return out


def merge(spans, text: str) -> tuple:
    """Trim white space and join fragments separated only by white space."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        if out and not text[out[-1][1]:s].strip():
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return tuple(out)


def overlap(a, b) -> bool:
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)


def _src_overlap(p, g) -> bool:
    return overlap(p[1], g[1]) or (not p[1] and not g[1])


MATCHERS = {
    "cue_exact": lambda p, g: p[0] == g[0],
    "cue_overlap": lambda p, g: overlap(p[0], g[0]),
    "source_exact": lambda p, g: overlap(p[0], g[0]) and p[1] == g[1],
    "source_overlap": lambda p, g: overlap(p[0], g[0]) and _src_overlap(p, g),
    "content_exact": lambda p, g: overlap(p[0], g[0]) and p[2] == g[2],
    "content_overlap": lambda p, g: overlap(p[0], g[0]) and overlap(p[2], g[2]),
    "all_exact": lambda p, g: p[0] == g[0] and p[1] == g[1] and p[2] == g[2],
    "all_overlap": lambda p, g: overlap(p[0], g[0]) and _src_overlap(p, g) and overlap(p[2], g[2]),
}


def articles(split: str) -> list[tuple[str, Path, Path]]:
    """(name, text path, annotation path) per article, lowest annotator id when several."""
    ann_dir = POLNEAR / split / "attributions"
    best: dict[str, Path] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        name = path.stem.rsplit("_", 1)[0]
        if name not in best:
            best[name] = path
    return [(n, POLNEAR / split / "text" / f"{n}.txt", best[n]) for n in sorted(best)]


def predict(text: str, name: str, resources, model="shipped"):
    from framing.attribution import attributions_of
    from framing.model import Article
    from framing.text import build_doc

    doc = build_doc(Article(name, text, "polnear"))
    atts, _ = attributions_of(doc, lexicon=None, gazetteer=resources, model=model,
                              span_model="shipped" if model is not None else None)
    return doc, atts


def score(counts: dict) -> dict:
    out = {}
    for key in METRICS:
        tp_p, tp_g = counts[key + "_tp_pred"], counts[key + "_tp_gold"]
        p = tp_p / counts["pred"] if counts["pred"] else 0.0
        r = tp_g / counts["gold"] if counts["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[key] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}
    return out


def new_counts() -> dict:
    c = {"pred": 0, "gold": 0}
    for key in METRICS:
        c[key + "_tp_pred"] = 0
        c[key + "_tp_gold"] = 0
    return c


def add_matches(c: dict, pred, gold) -> None:
    """Count, for every measure, the predicted attributions that match some gold one and the gold
    attributions that some predicted one matches (the evaluation's matching, see above)."""
    c["pred"] += len(pred)
    c["gold"] += len(gold)
    for key, fn in MATCHERS.items():
        c[key + "_tp_pred"] += sum(1 for p in pred if any(fn(p, g) for g in gold))
        c[key + "_tp_gold"] += sum(1 for g in gold if any(fn(p, g) for p in pred))


def gold_relations(ann_path: Path, text: str) -> list[tuple]:
    return [(merge(rel["Cue"], text), merge(rel["Source"], text), merge(rel["Content"], text))
            for rel in parse_ann(ann_path)]


def agreement(gazetteer=None) -> dict:
    """Human agreement: on the articles that two annotators annotated (train and dev), the second
    annotation (next annotator id) scored against the first exactly as the system is scored. This is
    the ceiling the data allows: a system cannot agree with one annotator much more than another
    annotator does. The system is scored against the same first annotations on the same articles
    ("system"), so the two compare like for like (16 of the 18 articles are in train, which the
    learned cue and span models were fitted on: in-sample for them)."""
    counts, names = new_counts(), []
    system = new_counts()
    for split in ("train", "dev"):
        groups: dict[str, list[Path]] = {}
        for path in sorted((POLNEAR / split / "attributions").glob("*.ann")):
            groups.setdefault(path.stem.rsplit("_", 1)[0], []).append(path)
        for name, paths in sorted(groups.items()):
            if len(paths) < 2:
                continue
            text = (POLNEAR / split / "text" / f"{name}.txt").read_text(encoding="utf-8")
            first = gold_relations(paths[0], text)
            add_matches(counts, gold_relations(paths[1], text), first)
            _, atts = predict(text, name, gazetteer)
            add_matches(system, [(((a.cue.start, a.cue.end),),
                                  merge([(a.source.start, a.source.end)], text) if a.source else (),
                                  merge([(c.start, c.end) for c in a.content], text)) for a in atts], first)
            names.append(f"{split}/{name}")
    return {"articles": len(names), "names": names, "first": counts["gold"], "second": counts["pred"],
            "scores": score(counts), "system": score(system), "system_predicted": system["pred"]}


def evaluate(split: str, limit: int | None = None, gazetteer=None, model="shipped") -> dict:
    counts = {"all": new_counts(), "direct": new_counts()}
    items = articles(split)[:limit]
    words = 0
    t0 = time.perf_counter()
    for name, txt_path, ann_path in items:
        text = txt_path.read_text(encoding="utf-8")
        doc, atts = predict(text, name, gazetteer, model)
        words += doc.word_count
        pred_all = [(((a.cue.start, a.cue.end),),
                     merge([(a.source.start, a.source.end)], text) if a.source else (),
                     merge([(c.start, c.end) for c in a.content], text), a.kind) for a in atts]
        gold_all = []
        for rel in parse_ann(ann_path):
            content = merge(rel["Content"], text)
            direct = bool(content) and text[content[0][0]] in QUOTE_MARKS
            gold_all.append((merge(rel["Cue"], text), merge(rel["Source"], text), content, direct))
        for subset in ("all", "direct"):
            if subset == "all":
                pred, gold = pred_all, gold_all
            else:
                pred = [p for p in pred_all if p[3] == "direct"]
                gold = [g for g in gold_all if g[3]]
            add_matches(counts[subset], pred, gold)
    seconds = time.perf_counter() - t0
    result = {
        "split": split, "articles": len(items), "words": words,
        "words_per_second": round(words / seconds) if seconds else None,
        "gold": counts["all"]["gold"], "predicted": counts["all"]["pred"],
        "scores": score(counts["all"]),
        "direct_quotes": {"gold": counts["direct"]["gold"], "predicted": counts["direct"]["pred"],
                          "scores": score(counts["direct"])},
    }
    result["speaker"] = speaker_accuracy(result)
    return result


def table(result: dict) -> str:
    lines = [f"PolNeAR {result['split']}: {result['articles']} articles, {result['gold']} gold, "
             f"{result['predicted']} predicted attributions",
             "| measure | P | R | F1 | direct quotes P | R | F1 |", "|---|---|---|---|---|---|---|"]
    for key in METRICS:
        a = result["scores"][key]
        d = result["direct_quotes"]["scores"][key]
        lines.append(f"| {key.replace('_', ' ')} | {a['precision']:.3f} | {a['recall']:.3f} | {a['f1']:.3f} "
                     f"| {d['precision']:.3f} | {d['recall']:.3f} | {d['f1']:.3f} |")
    sp = result["speaker"]
    lines.append(f"speaker right when the cue is found (source overlap / exact): all {sp['all_overlap']:.3f} / "
                 f"{sp['all_exact']:.3f}; direct quotes {sp['direct_overlap']:.3f} / {sp['direct_exact']:.3f}")
    return "\n".join(lines)


def speaker_accuracy(result: dict) -> dict:
    """Share of predicted attributions with a correct cue (overlap) whose source span is also right
    (GenderGapTracker's "right speaker" counts the same way, over found quotes)."""
    out = {}
    for name, scores in (("all", result["scores"]), ("direct", result["direct_quotes"]["scores"])):
        cue = scores["cue_overlap"]["precision"]
        for kind in ("overlap", "exact"):
            out[f"{name}_{kind}"] = round(scores[f"source_{kind}"]["precision"] / cue, 3) if cue else 0.0
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", action="append", choices=("train", "dev"),
                    help="split(s) to score (default: dev)")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    ap.add_argument("--json", help="also write the figures to this JSON file")
    ap.add_argument("--agreement", action="store_true",
                    help="also score the second annotation of doubly annotated articles against the first "
                         "(human agreement: the ceiling the data allows)")
    ap.add_argument("--rules-only", action="store_true",
                    help="score the rules alone: no learned cue detector (framing/models/attribution_cues.json) "
                         "nor content boundary chooser (attribution_spans.json)")
    args = ap.parse_args(argv)
    if not POLNEAR.is_dir():
        print(f"skipped: PolNeAR not found at {POLNEAR} (../shared is not present)")
        return 0
    results = []
    for split in args.split or ["dev"]:
        res = evaluate(split, args.limit, model=None if args.rules_only else "shipped")
        results.append(res)
        print(table(res))
        print()
    if args.agreement:
        agree = agreement()
        print(f"Human agreement: {agree['articles']} articles annotated twice, second annotation "
              f"({agree['second']} attributions) scored against the first ({agree['first']}); framing "
              f"({agree['system_predicted']} attributions) against the same first annotation")
        print("| measure | second annotator P | R | F1 | framing P | R | F1 |\n|---|---|---|---|---|---|---|")
        for key in METRICS:
            a, m = agree["scores"][key], agree["system"][key]
            print(f"| {key.replace('_', ' ')} | {a['precision']:.3f} | {a['recall']:.3f} | {a['f1']:.3f} "
                  f"| {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} |")
        results.append({"agreement": agree})
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
