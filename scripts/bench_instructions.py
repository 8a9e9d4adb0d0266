#!/usr/bin/env python
"""Count the instructions the per-article pipeline executes per word (valgrind's callgrind).

Why: words per CPU-second move with the machine, not only with the code. The same code made
42,000-57,000 on the whole AllSides corpus on session 22-26's machine (AMD EPYC) and 20,500-24,700
on session 27's (Intel Xeon, 2.5 GHz), and one machine's fast and slow phases move it by 15-20%
within an hour. An instruction count is the same from run to run (for the same interpreter,
inputs and hash seed) whatever else the machine is doing, so it compares two versions of the code
with no noise, across sessions and machines. It is not a speed: an instruction that misses the
cache costs more than one that hits, so confirm a gain in seconds too (bench_pipeline.py,
bench_batch.py, farm-bench).

Each tree is measured twice in a fresh interpreter under callgrind (PYTHONHASHSEED=0): loading the
resources and analysing one article to warm up, then the same plus the first N AllSides articles
(`framing.api.analyze_article`, every stage, with a batch worker's garbage-collector thresholds).
The difference is the N articles' cost; divided by their words, instructions per word. With --vs
OTHER_TREE (a checkout or `git archive` of another version) both are measured on the same articles
and the ratio printed. The runs go two at a time (callgrind runs each about 50 times slower than
normal: about 4 minutes for N=100 on one core).

Usage: python scripts/bench_instructions.py [-n 100] [--tree PATH] [--vs PATH] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLSIDES = ROOT.parent / "shared" / "datasets" / "allsides" / "articles.jsonl.gz"

#: Run in the child, under callgrind, with the arguments TREE CORPUS N. Prints the N articles' words.
CHILD = """
import gzip, gc, itertools, json, sys
TREE, CORPUS, N = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, TREE)
from framing.api import analyze_article
from framing.batch.work import GC_THRESHOLDS
from framing.model import Article
from framing.resources import Resources
articles = []
with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
    for line in itertools.islice(fh, N + 1):
        r = json.loads(line)
        if (r.get("text") or "").strip():
            articles.append(Article(id=str(r["id"]), text=r["text"], outlet=r.get("outlet") or ""))
res = Resources()
res.warm()
gc.set_threshold(*GC_THRESHOLDS)
analyze_article(articles[-1], res)  # warm-up: code made on first use, lazy tables
timed = articles[:N]
for article in timed:
    analyze_article(article, res)
print(sum(a.word_count for a in timed), len(timed))
"""


def _count(tree: Path, n: int, python: str) -> tuple[int, int, int]:
    """(instructions, words, articles) of one callgrind run of CHILD over n articles."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", python, "-c", CHILD,
             str(tree), str(ALLSIDES), str(n)],
            capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    found = re.search(r"Collected : (\d+)", proc.stderr)
    if proc.returncode != 0 or found is None:
        raise SystemExit(f"error: callgrind run failed for {tree} (n={n}):\n{proc.stderr[-2000:]}")
    words, articles = map(int, proc.stdout.split()[-2:])
    return int(found.group(1)), words, articles


def measure(trees: list[Path], n: int, python: str) -> list[dict]:
    """Each tree's loading and per-word instructions; the runs two at a time."""
    jobs = [(tree, k) for tree in trees for k in (0, n)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = dict(zip(jobs, pool.map(lambda job: _count(job[0], job[1], python), jobs)))
    out = []
    for tree in trees:
        base, (total, words, articles) = counts[(tree, 0)][0], counts[(tree, n)]
        work = total - base
        out.append({"tree": str(tree), "articles": articles, "words": words,
                    "loading_instructions": base, "instructions": work,
                    "instructions_per_word": round(work / words, 1),
                    "instructions_per_article": round(work / articles)})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=100, help="articles (default 100)")
    ap.add_argument("--tree", type=Path, default=ROOT, help="the framing tree to measure (default: this one)")
    ap.add_argument("--vs", type=Path, help="another tree, measured on the same articles")
    ap.add_argument("--python", default=sys.executable, help="the interpreter (default: this one)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("error: valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    if not ALLSIDES.exists():
        print(f"error: {ALLSIDES} not found (the shared AllSides corpus)", file=sys.stderr)
        return 2
    if args.n < 1:
        print("error: -n must be at least 1", file=sys.stderr)
        return 2
    trees = [args.tree.resolve()] + ([args.vs.resolve()] if args.vs else [])
    for tree in trees:
        if not (tree / "framing" / "__init__.py").exists():
            print(f"error: {tree} holds no framing package", file=sys.stderr)
            return 2
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from interpreter import describe

    results = measure(trees, args.n, args.python)
    print(describe())
    print(f"{'tree':<40} {'articles':>8} {'words':>8} {'loading G':>10} {'G instr':>8} "
          f"{'per word':>9} {'per article':>12}")
    for r in results:
        print(f"{r['tree'][-40:]:<40} {r['articles']:>8} {r['words']:>8} "
              f"{r['loading_instructions'] / 1e9:>10.2f} {r['instructions'] / 1e9:>8.2f} "
              f"{r['instructions_per_word']:>9,.0f} {r['instructions_per_article']:>12,}")
    if len(results) == 2:
        print(f"ratio (tree / vs): {results[0]['instructions'] / results[1]['instructions']:.4f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
