#!/usr/bin/env python
"""Benchmark the full per-article pipeline: words per CPU-second, per stage and in total.

Reads the first N articles of ../shared/datasets/allsides/articles.jsonl.gz when it is present
(real news: the figure issue 11 targets), else generates news-like text (fixed seed) so the script
still runs in a fresh clone. One article is analysed first, untimed, so resource loading (lexicon,
gazetteer, models, taggers) is not counted, and the garbage collector runs with a batch worker's
thresholds (framing.batch.work.GC_THRESHOLDS). Then every article goes through the same steps as
`framing.api.analyze_article`, each step timed with CPU time (time.process_time), so the figure is
per core whatever else the machine is doing:

  text         framing.text.build_doc
  lexicon ... classify   framing.stages.<name>.run (in framing.api.STAGES order)
  total        the sum

Peak RSS (resource.getrusage) is printed at the end. Not a test: figures vary with the machine.

--per-article also fits each step's CPU time per article against the article's words (least
squares: seconds = per article + per word x words) and prints words per CPU-second by article
length: the intercept is what every article costs whatever its length (session 26: about 1.7 ms,
12% of the stages' time on AllSides), which a corpus of short items pays more often.

Usage: python scripts/bench_pipeline.py [-n 300] [--profile [--sort tottime] [--lines 60]]
       [--no-explain] [--per-article]
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLSIDES = ROOT.parent / "shared" / "datasets" / "allsides" / "articles.jsonl.gz"


def _articles(n: int):
    sys.path.insert(0, str(ROOT))
    from framing.model import Article

    if ALLSIDES.exists():
        out = []
        with gzip.open(ALLSIDES, "rt", encoding="utf-8") as fh:
            for line in itertools.islice(fh, n):
                r = json.loads(line)
                if (r.get("text") or "").strip():
                    out.append(Article(id=str(r["id"]), text=r["text"], outlet=r.get("outlet") or ""))
        return out, f"AllSides, first {n} records"
    from bench_lexicon import corpus  # generated, news-like, fixed seed

    random.seed(7)
    docs = corpus(n * 700, 700)
    return ([Article(id=f"gen-{i}", text=t, outlet="generated") for i, t in enumerate(docs)],
            f"generated text ({len(docs)} documents; ../shared absent)")


def time_steps(article, res, cpu: dict) -> None:
    """Analyse one article as `framing.api.analyze_article` does, adding each step's CPU seconds
    to cpu["text"] and cpu[stage name]."""
    from framing.api import STAGES, _stage
    from framing.text import build_doc

    t = time.process_time()
    doc = build_doc(article)
    now = time.process_time()
    cpu["text"] += now - t
    fields: dict = {}
    for name in STAGES:
        t = now
        out = dict(_stage(name).run(doc, res, dict(fields)))
        out.pop("summary", None)
        fields.update(out)
        now = time.process_time()
        cpu[name] += now - t


def print_per_article(per_article, steps) -> None:
    """Each step's least-squares fit of CPU seconds against words (per article, per word, and
    the per-article part's share of the step's time), then words/s by article length."""
    import numpy as np

    words = np.array([w for w, _ in per_article], dtype=np.float64)
    design = np.vstack([words, np.ones_like(words)]).T
    print(f"\n{'step':<12} {'per word':>10} {'per article':>12} {'its share':>10}")
    for name in steps + ("total",):
        secs = np.array([sum(c.values()) if name == "total" else c[name] for _, c in per_article])
        (slope, intercept), *_ = np.linalg.lstsq(design, secs, rcond=None)
        share = intercept * len(secs) / secs.sum() if secs.sum() else 0.0
        print(f"{name:<12} {slope * 1e6:8.2f} us {intercept * 1e3:9.3f} ms {share:10.1%}")
    totals = np.array([sum(c.values()) for _, c in per_article])
    print(f"\n{'words':<12} {'articles':>8} {'words/s':>10}")
    for lo, hi in ((0, 200), (200, 500), (500, 1000), (1000, 2000), (2000, None)):
        band = (words >= lo) & ((words < hi) if hi else True)
        if band.any():
            label = f"{lo}-{hi - 1}" if hi else f"{lo}+"
            print(f"{label:<12} {int(band.sum()):8d} {words[band].sum() / totals[band].sum():10,.0f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=300, help="articles (default 300)")
    ap.add_argument("--profile", action="store_true", help="also print a cProfile of the timed run")
    ap.add_argument("--sort", default="cumtime", help="the profile's order (pstats key: cumtime, "
                    "tottime, ncalls ...; default cumtime)")
    ap.add_argument("--lines", type=int, default=60, help="profile lines to print (default 60)")
    ap.add_argument("--no-explain", action="store_true", help="classify without explanations")
    ap.add_argument("--per-article", action="store_true",
                    help="fit each step's CPU per article and per word; words/s by article length")
    args = ap.parse_args(argv)

    from framing.api import STAGES
    from framing.resources import Resources

    articles, source = _articles(args.n)
    options = {"classify_explain": False} if args.no_explain else {}
    res = Resources(options=options) if options else Resources()
    res.warm()  # load every resource and freeze the heap, as batch workers do
    import gc

    from framing.batch.work import GC_THRESHOLDS

    gc.set_threshold(*GC_THRESHOLDS)  # and collect garbage as seldom as they do
    steps = ("text",) + tuple(STAGES)
    cpu = dict.fromkeys(steps, 0.0)
    words = sum(a.word_count for a in articles)
    prof = None
    if args.profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    per_article = []  # (words, {step: CPU seconds}) of each article, with --per-article
    for article in articles:
        before = dict(cpu) if args.per_article else None
        time_steps(article, res, cpu)
        if before is not None:
            per_article.append((article.word_count, {k: cpu[k] - before[k] for k in steps}))
    if prof is not None:
        prof.disable()
    total = sum(cpu.values())
    print(f"{len(articles)} articles, {words:,} words ({source})")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from interpreter import describe

    print(describe())
    print(f"{'step':<12} {'CPU s':>8} {'share':>7} {'words/s':>10}")
    for name in steps + ("total",):
        s = total if name == "total" else cpu[name]
        print(f"{name:<12} {s:8.2f} {s / total:7.1%} {words / s if s else 0:10,.0f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:,.0f} MB")
    if per_article:
        print_per_article(per_article, steps)
    if prof is not None:
        import pstats

        pstats.Stats(prof).sort_stats(args.sort).print_stats(args.lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
