#!/usr/bin/env python3
"""Report generation time per format, for the seeds and for a generated 50-article story.

The analysis (stages and comparison) runs once per story and is timed apart; then each format is
rendered `--repeat` times and the best and median times are reported. The 50-article story is made
from the seeds: each article gets its own outlet name and a deterministic reordering of its
paragraphs, so no two articles are identical. Prints a table and, with --json, writes the figures.
Usage: python scripts/bench_report.py [--articles 50] [--repeat 3] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FORMATS = ("html", "md", "csv", "json", "text")


def seed_story():
    import framing

    return framing.load_story(str(ROOT / "seeds"))


def generated_story(n: int, seed: int = 7):
    from dataclasses import replace

    from framing.model import Story

    base = seed_story()
    rng = random.Random(seed)
    articles = []
    for k in range(n):
        src = base.articles[k % len(base.articles)]
        paras = [p for p in src.text.split("\n") if p.strip()]
        head, body = paras[:1], paras[1:]
        rng.shuffle(body)
        articles.append(replace(src, id=f"gen{k:03d}", outlet=f"Outlet {k + 1:02d}",
                                text="\n".join(head + body) + "\n", title=f"{src.title} ({k + 1})"))
    return Story(f"generated {n}", tuple(articles))


def pipeline() -> tuple[tuple[str, ...], bool]:
    """The stages present in this tree and whether the comparison is (all of them, once whole)."""
    import importlib

    from framing.api import STAGES

    stages = []
    for name in STAGES:
        try:
            importlib.import_module(f"framing.stages.{name}")
            stages.append(name)
        except ImportError:
            print(f"note: stage {name} is missing", file=sys.stderr)
    try:
        from framing.compare import compare_story  # noqa: F401
        compare = True
    except ImportError:
        print("note: the comparison is missing", file=sys.stderr)
        compare = False
    return tuple(stages), compare


def analyse(story):
    from framing.api import analyze

    stages, compare = pipeline()
    t = time.perf_counter()
    result = analyze(story, stages=stages, compare=compare)
    return result, time.perf_counter() - t


def time_formats(result, repeat: int) -> dict:
    from framing.report import render

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in FORMATS:
            times, size = [], 0
            for r in range(repeat):
                target = Path(tmp) / f"{fmt}-{r}" / ("tables" if fmt == "csv" else f"report.{fmt}")
                target.parent.mkdir(parents=True, exist_ok=True)
                t = time.perf_counter()
                written = render(result, fmt, target)
                times.append(time.perf_counter() - t)
                size = (sum(p.stat().st_size for p in written) if fmt == "csv" else len(written.encode("utf-8")))
            tracemalloc.start()
            render(result, fmt, Path(tmp) / f"{fmt}-mem" / ("tables" if fmt == "csv" else "r"))
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            out[fmt] = {"best_s": round(min(times), 4), "median_s": round(statistics.median(times), 4),
                        "bytes": size, "peak_mib": round(peak / 2**20, 1)}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    figures = {}
    for name, story in (("seeds", seed_story()), (f"generated-{args.articles}", generated_story(args.articles))):
        result, t_analysis = analyse(story)
        words = sum(a.doc.word_count for a in result.analyses)
        figures[name] = {"articles": len(result.analyses), "words": words,
                         "analysis_s": round(t_analysis, 3), "formats": time_formats(result, args.repeat)}
        print(f"\n{name}: {len(result.analyses)} articles, {words} words, analysis {t_analysis:.2f} s")
        print(f"  {'format':<6} {'best s':>8} {'median s':>9} {'size':>11} {'peak MiB':>9}")
        for fmt, f in figures[name]["formats"].items():
            print(f"  {fmt:<6} {f['best_s']:>8.3f} {f['median_s']:>9.3f} {f['bytes']:>11,} {f['peak_mib']:>9.1f}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
