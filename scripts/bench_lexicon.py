#!/usr/bin/env python
"""Benchmark lexicon matching speed in words per second over a large generated corpus.

The corpus is generated (fixed seed): news-like sentences built from a list of common English words
mixed with lexicon terms at about the rate real news has them, with quotations, hyphenated words and
possessives, cut into article-sized documents. The text layer (framing.text.build_doc) is built
first and NOT timed; then three things are timed over the same Docs:

  matching  Lexicon.matcher.spans(doc): the Aho-Corasick passes and match resolution
  findings  framing.lexicon.build.findings_of(doc, scores=False): + negation, voice, scare quotes
  stage     framing.stages.lexicon.run(doc, ...): + VADER/subjectivity scores and the summary

Usage: python scripts/bench_lexicon.py [--words 1000000] [--doc-words 1500] [--repeat 3]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMON = """the of and to a in that is was he for it with as his on be at by i this had not are but from
or have an they which one you were her all she there would their we him been has when who will more
no if out so said what up its about into than them can only other new some could time these two may
then do first any my now such like our over man me even most made after also did many before must
through back years where much your way well down should because each just those people how too little
state good very make world still own see men work long get here between both life being under never
day same another know while last might us great old year off come since against go came right used
take three officials government minister talks border security forces country region police report
week city president leaders military meeting statement spokesman attack killed support peace plan""".split()


def corpus(n_words: int, doc_words: int, seed: int = 7) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from framing.lexicon import load_lexicon

    rng = random.Random(seed)
    terms = sorted(e.term for e in load_lexicon().entries)
    docs, words_done = [], 0
    while words_done < n_words:
        sentences, w = [], 0
        while w < doc_words:
            n = rng.randint(12, 30)
            words = [rng.choice(COMMON) if rng.random() > 0.06 else rng.choice(terms) for _ in range(n)]
            if rng.random() < 0.15:
                k = rng.randrange(1, n)
                words[k] = "“" + words[k]
                words[min(n - 1, k + rng.randint(0, 3))] += "”"
            if rng.random() < 0.2:
                words[rng.randrange(n)] += "’s"
            sentences.append(" ".join(words).capitalize() + rng.choice([".", ".", ".", "?"]))
            w += n
        docs.append(" ".join(sentences))
        words_done += w
    return docs


def _load() -> str:
    try:
        import os

        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except (OSError, AttributeError):
        return "unknown"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--doc-words", type=int, default=1500)
    ap.add_argument("--repeat", type=int, default=3, help="best of N timings")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from framing.lexicon import load_lexicon
    from framing.lexicon.build import findings_of
    from framing.model import Article
    from framing.stages import lexicon as stage
    from framing.text import build_doc

    t0 = time.perf_counter()
    lex = load_lexicon()
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    matcher = lex.matcher
    t_compile = time.perf_counter() - t0
    texts = corpus(args.words, args.doc_words)
    t0 = time.perf_counter()
    docs = [build_doc(Article(id=str(i), text=t, outlet="bench")) for i, t in enumerate(texts)]
    t_text = time.perf_counter() - t0
    words = sum(d.word_count for d in docs)
    tokens = sum(len(d.tokens) for d in docs)

    def best(fn) -> tuple[float, float]:
        """Best (wall-clock, process CPU) seconds of N runs. CPU time is what this process used,
        so it stays meaningful when other jobs share the machine; wall-clock is what a user waits."""
        walls, cpus = [], []
        for _ in range(args.repeat):
            w, c = time.perf_counter(), time.process_time()
            fn()
            walls.append(time.perf_counter() - w)
            cpus.append(time.process_time() - c)
        return min(walls), min(cpus)

    t_match = best(lambda: [matcher.spans(d) for d in docs])
    t_find = best(lambda: [findings_of(d, lex, scores=False) for d in docs])
    t_stage = best(lambda: [stage.run(d, lex, {}) for d in docs])
    n_find = sum(len(findings_of(d, lex, scores=False)) for d in docs)
    print(f"lexicon: {len(lex.entries)} entries (+{len(lex.derived)} derived), load {t_load:.2f} s, "
          f"automaton {t_compile:.2f} s")
    print(f"corpus: {len(docs)} documents, {words:,} words, {tokens:,} tokens, {n_find:,} findings "
          f"(text layer, not timed below: {t_text:.1f} s = {words / t_text:,.0f} words/s)")
    print(f"load average at start: {_load()}  (2 cores shared: compare CPU-time figures)")
    print(f"{'':9s} {'wall s':>8s} {'words/s (wall)':>15s} {'cpu s':>8s} {'words/s (cpu)':>15s}")
    for name, (w, c) in (("matching", t_match), ("findings", t_find), ("stage", t_stage)):
        print(f"{name:9s} {w:8.2f} {words / w:>15,.0f} {c:8.2f} {words / max(c, 1e-9):>15,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
