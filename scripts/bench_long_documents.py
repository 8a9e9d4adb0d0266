#!/usr/bin/env python
"""Benchmark how the pipeline scales with the length of ONE document (transcripts, reports, books).

A batch user's folder may hold a 300,000-word hearing transcript beside 800-word news stories. Every
stage should cost about the same per word whatever the document's length; a rule that compares each
mention with every earlier one makes a long document quadratic (session 7 found three such walks in
the attribution stage: 8.7 -> 2.0 CPU-s on a 156,000-word document).

Joins the first K articles of ../shared/datasets/allsides/articles.jsonl.gz (or generated news-like
text when ../shared is absent) into one document for each K given, and prints words per CPU-second
for the text layer and each stage. Flat rows mean linear cost; a column that falls as K grows is a
stage whose cost grows faster than the text. Not a test: figures vary with the machine.

Usage: python scripts/bench_long_documents.py [K ...]     (default: 10 40 160 320)
"""
from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLSIDES = ROOT.parent / "shared" / "datasets" / "allsides" / "articles.jsonl.gz"


def _texts(n: int) -> list[str]:
    if ALLSIDES.exists():
        out = []
        with gzip.open(ALLSIDES, "rt", encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get("text") or ""
                if text.strip():
                    out.append(text)
                if len(out) >= n:
                    break
        return out
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_lexicon import corpus  # generated, news-like, fixed seed

    random.seed(7)
    return corpus(n * 700, 700)


def main(argv=None) -> int:
    sizes = [int(a) for a in (argv if argv is not None else sys.argv[1:])] or [10, 40, 160, 320]
    sys.path.insert(0, str(ROOT))
    from framing.api import STAGES
    from framing.model import Article
    from framing.resources import Resources

    res = Resources().warm()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_pipeline import time_steps
    from interpreter import describe

    print(describe())
    texts = _texts(max(sizes))
    steps = ("text",) + tuple(STAGES)
    print(f"{'articles':>8} {'words':>9} " + " ".join(f"{s:>11}" for s in steps) + f" {'total':>9}")
    for k in sizes:
        article = Article(id=f"joined-{k}", text="\n\n".join(texts[:k]), outlet="joined")
        cpu = dict.fromkeys(steps, 0.0)
        time_steps(article, res, cpu)
        words = article.word_count
        rates = " ".join(f"{words / cpu[s] if cpu[s] else 0:11,.0f}" for s in steps)
        print(f"{k:>8} {words:>9,} {rates} {words / sum(cpu.values()):9,.0f}")
    print("words per CPU-second, per step (a falling column grows faster than the text)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
