#!/usr/bin/env python3
"""Benchmark `framing batch` on the shared AllSides corpus (../shared/datasets/allsides).

Measures, each run in a fresh output folder as a separate `framing batch` process:
  A. the first N articles (default 1,000) with --jobs 1: articles/s and words/s on one core, peak
     memory;
  B. the same N articles with --jobs 2: the speed-up from one to two workers;
  C1. all 6,296 articles with --jobs 1 (skip with --no-full): the whole corpus on one core (with
     one job the batch process analyses the stories itself; only grouping runs in a child);
  C. all 6,296 articles with --jobs 2 (skip with --no-full): throughput and peak memory, to compare
     with A (memory must stay flat: the corpus is streamed, never held).
  S. the articles that C grouped into stories of two or more (about 480), with their story ids,
     --jobs 1, and again with --no-compare (S0): a corpus where every article is compared, as a
     folder of story folders is; the difference is what the comparisons cost.
Every run A-C groups stories (--group-stories) and compares them: the whole batch pipeline.
Per core is given two ways: wall-clock words/s divided by the workers (on a 2-core machine the
writer process shares their cores), and words per CPU-second summed over the batch process and its
workers (resource.getrusage of waited-for children). CPU-seconds are not what one core does
whatever else runs: with two workers and the writer on two cores, the same work took 6-20% more
CPU-seconds than with one job (session 23: the results are pickled and sent, a second worker warms
up, and three busy processes share two cores and their caches), and two batches run side by side
take about 10% more again. Compare figures only between runs of the same kind, made in the same
minutes.
Peak memory is the largest sum of resident memory over the batch process and its workers, sampled
every 0.2 s with psutil; pages shared between them (the interpreter, NumPy and the other libraries,
mapped by each) count once per process there. The proportional set size (PSS, each shared page
divided among the processes that map it; sampled every second) adds up to what the processes hold
together: also reported, as peak_pss_mb. Also times each pipeline stage on a sample
(--stage-sample) in this process, to show where the time goes.

    python scripts/bench_batch.py                 # everything (about 12-17 min on 2 cores)
    python scripts/bench_batch.py --articles 200 --no-full    # a quick look

Skips cleanly when ../shared is absent. Prints a Markdown table; --json FILE writes the figures.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "datasets" / "allsides" / "articles.jsonl.gz"


def run_batch(inp: Path, out: Path, jobs: int, limit: int | None, group: bool = True,
              compare: bool = True) -> dict:
    import psutil

    cmd = [sys.executable, "-m", "framing.cli_batch", "batch", str(inp), "-o", str(out), "-q",
           "--jobs", str(jobs), "--date-order", "mdy"]
    cmd += ["--group-stories"] if group else []
    cmd += [] if compare else ["--no-compare"]
    if limit:
        cmd += ["--limit", str(limit)]
    import resource

    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    peak_total = peak_single = peak_pss = 0
    polls = 0
    while proc.poll() is None:
        try:
            procs = [ps] + ps.children(recursive=True)
            rss = [p.memory_info().rss for p in procs if p.is_running()]
            peak_total = max(peak_total, sum(rss))
            peak_single = max(peak_single, max(rss, default=0))
            if polls % 5 == 0:  # once a second: the kernel walks each process's page tables
                peak_pss = max(peak_pss, sum(p.memory_full_info().pss for p in procs
                                             if p.is_running()))
        except psutil.Error:
            pass
        polls += 1
        time.sleep(0.2)
    seconds = time.perf_counter() - t0
    err = proc.stderr.read()
    # CPU of the batch process and every worker it waited for (a process's children usage includes
    # its own waited-for children): the "per core" figure that does not depend on what else the
    # machine runs, nor on the writer process sharing the workers' cores
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    import sqlite3

    conn = sqlite3.connect(out / "framing.sqlite")
    n, words = conn.execute("SELECT count(*), sum(words) FROM articles WHERE analysis_key IS NOT "
                            "NULL").fetchone()
    stages = json.loads(conn.execute("SELECT options FROM runs ORDER BY run DESC LIMIT 1"
                                     ).fetchone()[0])["stages"]
    size = (out / "framing.sqlite").stat().st_size
    conn.close()
    return {"jobs": jobs, "articles": n, "words": words or 0, "seconds": round(seconds, 1),
            "articles_per_s": round(n / seconds, 2), "words_per_s": round((words or 0) / seconds),
            "words_per_s_per_core": round((words or 0) / seconds / jobs),
            "cpu_seconds": round(cpu, 1), "words_per_cpu_second": round((words or 0) / cpu) if cpu else None,
            "peak_rss_mb": round(peak_total / 2 ** 20), "peak_rss_largest_process_mb":
                round(peak_single / 2 ** 20), "peak_pss_mb": round(peak_pss / 2 ** 20),
            "store_mb": round(size / 2 ** 20, 1),
            "exit_code": proc.returncode, "stages": stages, "stderr_tail": err[-400:]}


def story_corpus(store_dir: Path, out: Path) -> Path | None:
    """The articles that run C grouped into stories of two or more, written to `out` as JSONL with
    their story ids (run S): a corpus where every article is compared, as in a folder of story
    folders. In the shared sample only about one article in thirteen has a partner."""
    import sqlite3

    conn = sqlite3.connect(store_dir / "framing.sqlite")
    story_of = dict(conn.execute(
        "SELECT source_id, story_id FROM articles WHERE story_id IN (SELECT story_id FROM articles "
        "GROUP BY story_id HAVING count(*) > 1)"))
    conn.close()
    if not story_of:
        return None
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh, out.open("w", encoding="utf-8") as dst:
        for line in fh:
            r = json.loads(line)
            if str(r["id"]) in story_of:
                dst.write(json.dumps({**r, "story": story_of[str(r["id"])]}) + "\n")
    return out


def stage_times(n: int) -> dict:
    """Seconds per stage over the first n articles, in this process (resources preloaded)."""
    from framing import api
    from framing.batch.prepare import clean_text
    from framing.model import Article
    from framing.resources import Resources
    from framing.text import build_doc

    rows = [json.loads(line) for line in itertools.islice(gzip.open(CORPUS, "rt"), n)]
    stages = [s for s in api.STAGES if _has(s)]
    times = {"clean": 0.0, "text": 0.0, **{s: 0.0 for s in stages}}
    words = 0
    res = Resources().warm()  # load resources outside the timings, as batch workers do
    for r in rows:
        t = time.perf_counter()
        text = clean_text(r["text"]).text
        times["clean"] += time.perf_counter() - t
        t = time.perf_counter()
        doc = build_doc(Article(id=r["id"], text=text, outlet=r["outlet"]))
        times["text"] += time.perf_counter() - t
        words += doc.word_count
        fields = {}
        for s in stages:
            t = time.perf_counter()
            out = dict(api._stage(s).run(doc, res, dict(fields)))
            times[s] += time.perf_counter() - t
            out.pop("summary", None)
            fields.update(out)
    return {"articles": n, "words": words,
            "words_per_s": {k: round(words / v) if v else None for k, v in times.items()},
            "seconds": {k: round(v, 2) for k, v in times.items()}}


def _has(stage: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(f"framing.stages.{stage}") is not None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--no-full", action="store_true", help="skip the full-corpus run C")
    ap.add_argument("--stage-sample", type=int, default=200)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--keep", type=Path, default=None,
                    help="write run C's store here (scripts/allsides_profiles.py can reuse it)")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent (the shared data sets live beside the project)")
        return 0
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from interpreter import describe

    results: dict = {"cpu_count": os.cpu_count(), "interpreter": describe()}
    print(results["interpreter"], flush=True)
    if args.stage_sample:
        results["stage_times"] = stage_times(args.stage_sample)
        print("per-stage words/s:", json.dumps(results["stage_times"]["words_per_s"]), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        results["A_1job"] = run_batch(CORPUS, tmp / "a", 1, args.articles)
        print("A", json.dumps(results["A_1job"]), flush=True)
        results["B_2jobs"] = run_batch(CORPUS, tmp / "b", 2, args.articles)
        print("B", json.dumps(results["B_2jobs"]), flush=True)
        results["speedup_1_to_2"] = round(results["A_1job"]["seconds"] /
                                          results["B_2jobs"]["seconds"], 2)
        if not args.no_full:
            results["C1_full_1job"] = run_batch(CORPUS, tmp / "c1", 1, None)
            print("C1", json.dumps(results["C1_full_1job"]), flush=True)
            results["C_full_2jobs"] = run_batch(CORPUS, args.keep or tmp / "c", 2, None)
            print("C", json.dumps(results["C_full_2jobs"]), flush=True)
            stories = story_corpus(args.keep or tmp / "c", tmp / "stories.jsonl")
            if stories:
                for key, compare in (("S_stories_1job", True), ("S0_stories_no_compare", False)):
                    results[key] = run_batch(stories, tmp / key, 1, None, group=False, compare=compare)
                    print(key, json.dumps(results[key]), flush=True)
    print()
    print("| run | articles | words | seconds | articles/s | words/s | words/s per core (wall) | "
          "words per CPU-second (all processes) | peak memory (MB, all processes: RSS / PSS) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for key in ("A_1job", "B_2jobs", "C1_full_1job", "C_full_2jobs", "S_stories_1job",
                "S0_stories_no_compare"):
        r = results.get(key)
        if r:
            print(f"| {key} | {r['articles']} | {r['words']} | {r['seconds']} | "
                  f"{r['articles_per_s']} | {r['words_per_s']} | {r['words_per_s_per_core']} | "
                  f"{r['words_per_cpu_second']} | {r['peak_rss_mb']} / {r['peak_pss_mb']} |")
    print(f"\nspeed-up from 1 to 2 workers: {results['speedup_1_to_2']}x; stages: "
          f"{', '.join(results['A_1job']['stages'])}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
