#!/usr/bin/env python
"""Measure the comparison's sentence alignment (claims, coverage, omissions) against hand labels.

Gold: data/labels/alignment_allsides.json (see data/labels/GUIDELINES.md, "Alignment"): pairs of
AllSides articles from different outlets on one event, and every pair of their sentences that
reports the same fact, graded `same` (one restates the other) or `partial` (they share a specific
fact, one also says more). The labels hold article ids, sentence numbers and fingerprints (a hash of
the sentence's words), never the text: the articles are read from
../shared/datasets/allsides/articles.jsonl.gz and cleaned as `framing batch` cleans them.

Predicted: `framing.compare.compare_story` on the two articles (text layer only: the alignment reads
nothing else); two sentences are aligned when a claim holds a mention in each.

Reported, per split (dev, test, all):
  pairs     precision of the aligned sentence pairs (a pair labelled same or partial is right),
            recall of the `same` pairs, of all labelled pairs, F1 over all labelled pairs
  carried   per sentence: does the other outlet carry its fact? (a labelled partner vs a claim
            shared with the other article): precision / recall / F1 of "carried", and of "not
            carried", which is what the omissions table reports
A sentence of a claim the comparison lists as an omission but marks `possibly_carried` (the other
article's closest wording reaches AlignParams.near_threshold) counts as carried: the report shows
it as such. 95% bootstrap intervals over stories (1,000 resamples, seed 0). --sweep runs the
alignment at several link thresholds (AlignParams.link_threshold), --near-sweep at several near
thresholds, --second-sweep at several second-wording thresholds (AlignParams.second_threshold; 1
turns it off), to show the trade-offs; --no-anchor adds a row where second wordings join on
similarity alone (AlignParams.second_anchor False, as in session 19). --list prints the dev half's errors (labelled pairs
missed, aligned pairs not labelled, with their texts); the test half's are never listed. --agreement adds the second annotator against the first, and
framing against each, on the stories labelled twice (data/labels/alignment_allsides_second.json).

    python scripts/eval_alignment_allsides.py [--split dev|test|all] [--sweep 0.2,0.27:1]
                                              [--near-sweep 0.12,0.15,1] [--second-sweep 0.2,1]
                                              [--no-anchor]
                                              [--list] [--agreement]
                                              [--markdown FILE] [--json FILE]

Skips cleanly (exit 0, a message) when ../shared is absent.
"""
from __future__ import annotations

import argparse
import dataclasses
import gzip
import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "datasets" / "allsides" / "articles.jsonl.gz"
LABELS = ROOT / "data" / "labels" / "alignment_allsides.json"
SECOND = ROOT / "data" / "labels" / "alignment_allsides_second.json"  # a blind re-labelling


def fingerprint(text: str) -> str:
    """The labels' sentence fingerprint: sha1 of the sentence's words joined by single spaces."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def load_labelled(path: Path, key: str) -> list[dict]:
    """The records under `key` ("stories", "items") of one of data/labels' JSON files."""
    return json.loads(path.read_text(encoding="utf-8"))[key]


def load_labels(path: Path = LABELS) -> list[dict]:
    return load_labelled(path, "stories")


def span_still_there(item: dict, analysis, text_key: str) -> bool:
    """Whether a labelled span (item: sentence, fp, start, end, and its text under `text_key`) is
    where its label says in today's text layer: the sentence is found by its fingerprint and the
    text at the offsets is the labelled text."""
    return resolve(item["fp"], item["sentence"], sentence_map(analysis)) is not None and \
        analysis.article.text[item["start"]:item["end"]] == item[text_key]


def label_args(doc: str, argv, list_help: str, split_help: str = "", extra=()):
    """The options the label scripts share: --list (what `list_help` says), --agreement,
    --markdown, and --split dev|test|all when `split_help` is given; `extra`: (option, help) pairs
    of a script's own options that take a value."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    for option, help_text in extra:
        ap.add_argument(option, help=help_text)
    if split_help:
        ap.add_argument("--split", default="all", choices=["dev", "test", "all"], help=split_help)
    ap.add_argument("--list", action="store_true", help=list_help)
    ap.add_argument("--agreement", action="store_true",
                    help="also compare the two annotators on the items labelled twice")
    ap.add_argument("--markdown", type=Path)
    return ap.parse_args(argv)


def corpus_absent() -> bool:
    """True, with a message, when ../shared's AllSides corpus is not beside the project (the eval
    scripts then skip cleanly); else put the project on the import path and return False."""
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (../shared is not beside the project)")
        return True
    sys.path.insert(0, str(ROOT))
    return False


def emit(lines: list[str], markdown: Path | None = None) -> None:
    """Print a report's lines, and write them to `markdown` when given."""
    text = "\n".join(lines)
    print(text)
    if markdown:
        markdown.write_text(text + "\n", encoding="utf-8")


def read_articles(ids: set[str]) -> dict[str, dict]:
    """The AllSides records with these ids, their text cleaned as `framing batch` cleans it."""
    from framing.batch.prepare import clean_text

    out = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            rec = json.loads(line)
            if rec["id"] in ids:
                outlet = " ".join((rec.get("outlet") or "").split())
                rec["text"] = clean_text(rec["text"], line_no, outlet).text
                out[rec["id"]] = rec
    missing = ids - set(out)
    if missing:
        raise SystemExit(f"{CORPUS}: {len(missing)} labelled article ids not found: {sorted(missing)[:5]}")
    return out


def analyse(records: dict[str, dict], stages: bool = False, model_path: str | None = None) -> dict:
    """Article id -> ArticleAnalysis: the text layer only (all the alignment reads), or with every
    stage (`stages=True`: figures credited to speakers, agency events; `model_path`: a model file
    that replaces the default model of its task, as `framing analyze --model` does)."""
    from framing.api import STAGES, analyze_article
    from framing.model import Article
    from framing.resources import Resources

    res = Resources(model_path=model_path) if stages else None
    return {rid: analyze_article(Article(id=rid, text=r["text"], outlet=r.get("outlet") or "",
                                         title=r.get("title") or "", date=r.get("date") or ""),
                                 res, stages=STAGES if stages else ())
            for rid, r in sorted(records.items())}


def sentence_map(analysis) -> dict[str, list[int]]:
    """Fingerprint -> indices of the current text layer's sentences with it."""
    text = analysis.article.text
    out: dict[str, list[int]] = {}
    for i, s in enumerate(analysis.doc.sentences):
        out.setdefault(fingerprint(text[s.start:s.end]), []).append(i)
    return out


def resolve(fp: str, idx: int, fmap: dict[str, list[int]]) -> int | None:
    """The current sentence index of a labelled sentence (the nearest one with its fingerprint)."""
    cands = fmap.get(fp)
    return min(cands, key=lambda i: abs(i - idx)) if cands else None


def gold_of(story: dict, analyses: dict) -> tuple[dict, int]:
    """({(sentence in A, sentence in B): grade}, number of labelled sentences no longer found)."""
    a, b = story["articles"]
    fa, fb = sentence_map(analyses[a]), sentence_map(analyses[b])
    gold, lost = {}, 0
    for p in story["pairs"]:
        ia, ib = resolve(p["fp_a"], p["a"], fa), resolve(p["fp_b"], p["b"], fb)
        if ia is None or ib is None:
            lost += 1
            continue
        key = (ia, ib)
        if gold.get(key) != "same":  # a pair labelled twice keeps its stronger grade
            gold[key] = p["grade"]
    return gold, lost


def predicted_of(story: dict, analyses: dict, params) -> tuple[set, list[set]]:
    """(sentence pairs (A, B) that share a claim, and per side the sentences of claims left as
    omissions but marked possibly_carried by the other article's closest wording)."""
    from framing.compare import compare_story

    a, b = story["articles"]
    comp = compare_story([analyses[a], analyses[b]], None, None, params)
    pairs = set()
    for claim in comp.claims:
        sa = {m.sentence for m in claim.mentions if m.article_id == a}
        sb = {m.sentence for m in claim.mentions if m.article_id == b}
        pairs.update((x, y) for x in sa for y in sb)
    near: list[set] = [set(), set()]
    claims = {c.id: c for c in comp.claims}
    for om in comp.omissions:
        if om.possibly_carried:
            for m in claims[om.claim_id].mentions:
                near[0 if m.article_id == a else 1].add(m.sentence)
    return pairs, near


def eligible(analysis) -> list[int]:
    """Sentences that take part in the alignment (those with units: 4 words or more)."""
    from framing.compare.units import article_units

    return sorted({u.sentence for u in article_units(analysis, 0)[0]})


def counts(story: dict, analyses: dict, gold: dict, pred: set, near: list[set]) -> dict:
    """Raw counts of one story, summed over stories for every figure."""
    a, b = story["articles"]
    c = {"pred": len(pred), "pred_right": len(pred & set(gold)),
         "gold": len(gold), "gold_found": len(set(gold) & pred),
         "same": sum(1 for g in gold.values() if g == "same"),
         "same_found": sum(1 for k, g in gold.items() if g == "same" and k in pred)}
    tp = fp = fn = tn = 0
    for side, art in ((0, a), (1, b)):
        g_carried = {k[side] for k in gold}
        p_carried = {k[side] for k in pred} | near[side]
        for i in eligible(analyses[art]):
            g, p = i in g_carried, i in p_carried
            tp += g and p
            fp += p and not g
            fn += g and not p
            tn += not g and not p
    c.update(c_tp=tp, c_fp=fp, c_fn=fn, c_tn=tn)
    return c


def item_agreement(items: list[dict], key: str, positive: str | None = None) -> tuple[int, int, int]:
    """The second annotator against the first on the items labelled twice: (how many such items,
    how many with the same `key`, how many alike on "is it `positive`" (0 without `positive`))."""
    both = [it for it in items if it.get("second")]
    same = sum(it["gold"][key] == it["second"][key] for it in both)
    alike = 0 if positive is None else sum(
        (it["gold"][key] == positive) == (it["second"][key] == positive) for it in both)
    return len(both), same, alike


def _div(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return _div(2 * p * r, p + r)


def figures(rows: list[dict]) -> dict:
    s = {k: sum(r[k] for r in rows) for k in rows[0]} if rows else {}
    if not s:
        return {}
    p = _div(s["pred_right"], s["pred"])
    r = _div(s["gold_found"], s["gold"])
    cp = _div(s["c_tp"], s["c_tp"] + s["c_fp"])
    cr = _div(s["c_tp"], s["c_tp"] + s["c_fn"])
    op = _div(s["c_tn"], s["c_tn"] + s["c_fn"])
    orr = _div(s["c_tn"], s["c_tn"] + s["c_fp"])
    return {"pair_precision": p, "pair_recall_same": _div(s["same_found"], s["same"]),
            "pair_recall_all": r, "pair_f1": _f1(p, r),
            "carried_precision": cp, "carried_recall": cr, "carried_f1": _f1(cp, cr),
            "not_carried_precision": op, "not_carried_recall": orr,
            "not_carried_f1": _f1(op, orr),
            "n_pred": s["pred"], "n_gold": s["gold"], "n_same": s["same"],
            "n_sentences": s["c_tp"] + s["c_fp"] + s["c_fn"] + s["c_tn"]}


def kappa(fig_counts: dict) -> float:
    """Cohen's kappa of the per-sentence carried / not carried decisions behind `counts`."""
    tp, fp, fn, tn = (fig_counts[k] for k in ("c_tp", "c_fp", "c_fn", "c_tn"))
    n = tp + fp + fn + tn
    observed = (tp + tn) / n
    expected = ((tp + fn) * (tp + fp) + (tn + fp) * (tn + fn)) / (n * n)
    return _div(observed - expected, 1 - expected)


def agreement(stories: list[dict], analyses: dict, params) -> list[str]:
    """The second annotator against the first, and the aligner against each, on the stories both
    labelled: how far a system can be expected to match one annotator."""
    second = {s["key"]: s for s in load_labels(SECOND)}
    both = [s for s in stories if s["key"] in second]
    if not both:
        return []
    lines = [f"Agreement on the {len(both)} stories labelled twice "
             f"({sum(len(s['pairs']) for s in both)} / "
             f"{sum(len(second[s['key']]['pairs']) for s in both)} pairs):", "",
             "| who, against whom | pair P / R / F1 | R (same) | carried F1 | not carried F1 "
             "| kappa (carried) |", "|---|---|---:|---:|---:|---:|"]
    runs = (("annotator 2 against annotator 1", both, lambda s: second[s["key"]], "human"),
            ("framing against annotator 1", both, None, "system"),
            ("framing against annotator 2", [second[s["key"]] for s in both], None, "system"))
    for name, gold_side, other, kind in runs:
        rows = []
        for st in gold_side:
            gold, _ = gold_of(st, analyses)
            if kind == "human":
                pred = set(gold_of(other(st), analyses)[0])
                near: list[set] = [set(), set()]
            else:
                pred, near = predicted_of(st, analyses, params)
            rows.append(counts(st, analyses, gold, pred, near))
        f = figures(rows)
        total = {k: sum(r[k] for r in rows) for k in rows[0]}
        lines.append(f"| {name} | {f['pair_precision']:.3f} / {f['pair_recall_all']:.3f} / "
                     f"{f['pair_f1']:.3f} | {f['pair_recall_same']:.3f} | {f['carried_f1']:.3f} "
                     f"| {f['not_carried_f1']:.3f} | {kappa(total):.3f} |")
    return lines


def error_list(stories: list[dict], analyses: dict, params) -> list[str]:
    """The dev half's errors, story by story: labelled pairs not aligned ("missed", with their
    grade) and aligned pairs not labelled ("wrong"), each with both sentences' text."""
    lines = []
    for st in stories:
        gold, _ = gold_of(st, analyses)
        pred, _ = predicted_of(st, analyses, params)
        a, b = (analyses[i] for i in st["articles"])

        def text(an, i):
            s = an.doc.sentences[i]
            return " ".join(an.article.text[s.start:s.end].split())[:160]
        errors = [("missed " + gold[k], k) for k in sorted(set(gold) - pred)] + \
                 [("wrong", k) for k in sorted(pred - set(gold))]
        if errors:
            lines.append(f"## {st['key']}: {' / '.join(st['outlets'])}")
        for what, (i, j) in errors:
            lines += [f"- {what}: A{i} {text(a, i)}", f"  {'':{len(what)}}  B{j} {text(b, j)}"]
    return lines


def bootstrap(rows: list[dict], key: str, n: int = 1000, seed: int = 0) -> tuple[float, float]:
    rng = random.Random(seed)
    vals = sorted(figures([rng.choice(rows) for _ in rows])[key] for _ in range(n))
    return vals[int(0.025 * n)], vals[int(0.975 * n) - 1]


def evaluate(stories: list[dict], analyses: dict, params) -> tuple[list[dict], int]:
    rows, lost = [], 0
    for st in stories:
        gold, n_lost = gold_of(st, analyses)
        lost += n_lost
        rows.append(counts(st, analyses, gold, *predicted_of(st, analyses, params)))
    return rows, lost


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="all", choices=["dev", "test", "all"])
    ap.add_argument("--sweep", default="",
                    help="comma-separated link thresholds to compare, each optionally with its "
                         "near threshold: 0.2,0.27:1 (near 1 = no omission marked possibly carried)")
    ap.add_argument("--near-sweep", default="",
                    help="comma-separated near thresholds (possibly_carried) to compare")
    ap.add_argument("--second-sweep", default="",
                    help="comma-separated second-wording thresholds to compare (1: none)")
    ap.add_argument("--no-anchor", action="store_true",
                    help="add a row where second wordings need no shared anchor (session 19)")
    ap.add_argument("--list", action="store_true",
                    help="print the dev half's errors (never the test half's)")
    ap.add_argument("--agreement", action="store_true",
                    help="also compare the two annotators on the stories labelled twice")
    ap.add_argument("--markdown", type=Path)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    if corpus_absent():
        return 0
    from framing.compare import CompareParams

    if args.list and args.split != "dev":
        raise SystemExit("--list reads errors: only with --split dev (the test half stays unread)")
    stories = [s for s in load_labels() if args.split == "all" or s["split"] == args.split]
    analyses = analyse(read_articles({i for s in stories for i in s["articles"]}))
    base = CompareParams(stage_tables=False)
    second, anchor = base.align.second_threshold, base.align.second_anchor
    settings = [(base.align.link_threshold, base.align.near_threshold, second, anchor)]
    for item in filter(None, args.sweep.split(",")):  # "0.27" or "0.27:1" (link:near)
        link, _, near = item.partition(":")
        settings.append((float(link), float(near) if near else base.align.near_threshold, second,
                         anchor))
    settings += [(base.align.link_threshold, float(t), second, anchor)
                 for t in args.near_sweep.split(",") if t]
    settings += [(base.align.link_threshold, base.align.near_threshold, float(t), anchor)
                 for t in args.second_sweep.split(",") if t]
    if args.no_anchor:
        settings.append((base.align.link_threshold, base.align.near_threshold, second, False))
    results = []
    for link, near, second_t, anchor_t in dict.fromkeys(settings):
        params = dataclasses.replace(base, align=dataclasses.replace(
            base.align, link_threshold=link, near_threshold=near, second_threshold=second_t,
            second_anchor=anchor_t))
        rows, lost = evaluate(stories, analyses, params)
        fig = figures(rows)
        fig.update(link_threshold=link, near_threshold=near, second_threshold=second_t,
                   second_anchor=anchor_t, stories=len(rows), lost_labels=lost,
                   pair_f1_ci=bootstrap(rows, "pair_f1"),
                   not_carried_f1_ci=bootstrap(rows, "not_carried_f1"))
        results.append(fig)
    lines = [f"Alignment against hand labels: {len(stories)} AllSides story pairs ({args.split}), "
             f"{results[0]['n_gold']} labelled sentence pairs ({results[0]['n_same']} same), "
             f"{results[0]['n_sentences']} sentences of 4+ words; labels no longer found: "
             f"{results[0]['lost_labels']}", "",
             "| link / near / second threshold | pairs aligned | pair P | R (same) | R (all) "
             "| pair F1 [95% CI] "
             "| carried P / R / F1 | not carried P / R / F1 [95% CI] |",
             "|---:|---:|---:|---:|---:|---|---|---|"]
    for f in results:
        lines.append(
            f"| {f['link_threshold']:.2f} / {f['near_threshold']:.2f} / {f['second_threshold']:.2f}"
            f"{'' if f['second_anchor'] else ' no anchor'}"
            f"{' (default)' if f is results[0] else ''} | {f['n_pred']} "
            f"| {f['pair_precision']:.3f} | {f['pair_recall_same']:.3f} | {f['pair_recall_all']:.3f} "
            f"| {f['pair_f1']:.3f} [{f['pair_f1_ci'][0]:.3f}, {f['pair_f1_ci'][1]:.3f}] "
            f"| {f['carried_precision']:.3f} / {f['carried_recall']:.3f} / {f['carried_f1']:.3f} "
            f"| {f['not_carried_precision']:.3f} / {f['not_carried_recall']:.3f} / "
            f"{f['not_carried_f1']:.3f} [{f['not_carried_f1_ci'][0]:.3f}, "
            f"{f['not_carried_f1_ci'][1]:.3f}] |")
    if args.list:
        lines += [""] + error_list(stories, analyses, base)
    if args.agreement:
        lines += [""] + agreement(stories, analyses, base)
    emit(lines, args.markdown)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
