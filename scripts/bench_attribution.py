#!/usr/bin/env python
"""Words per second of the attribution stage on a large generated corpus.

    python scripts/bench_attribution.py [--articles 400] [--seed 0]

The corpus is generated from sentence templates (quotes, paraphrases, "according to", anonymous
sources, pronouns, plain narration) with a fixed seed, so runs are comparable. Reports the speed of
the attribution stage alone (text layer built beforehand) and of text layer + stage together.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SPEAKERS = ["Defence Minister Khawaja Asif", "Foreign Office spokesperson Tahir Hussain Andrabi",
            "Iranian President Masoud Pezeshkian", "Pakistani officials", "a senior Taliban official",
            "Residents of the border town", "Analyst Ayesha Siddiqa", "The army spokesman"]
CUES = ["said", "claimed", "warned", "stressed", "denied", "told reporters", "insisted", "noted"]
CLAUSES = ["the border would reopen next week", "militants had crossed from Afghan territory",
           "talks in Istanbul had ended without progress", "the ceasefire was holding despite clashes",
           "Tehran was ready to mediate between the two neighbours", "civilians had fled the shelling"]
QUOTES = ["We will not tolerate cross-border terrorism", "There should be no doubt about our resolve",
          "Iran is a brotherly, friendly country", "Our patience is not endless"]
NARRATION = ["The two sides met in Doha for a second round of negotiations.",
             "Border crossings at Torkham and Chaman remained closed for a third day.",
             "Trade between the two countries has fallen sharply since October.",
             "The meeting also covered pilgrims travelling between Pakistan and Iran."]


def sentence(rng: random.Random) -> str:
    kind = rng.randrange(7)
    sp, cue, cl = rng.choice(SPEAKERS), rng.choice(CUES), rng.choice(CLAUSES)
    if kind == 0:
        return f"{sp} {cue} that {cl}."
    if kind == 1:
        return f"“{rng.choice(QUOTES)},” {sp} said. “{rng.choice(QUOTES)}.”"
    if kind == 2:
        return f"According to {sp.lower() if sp[0] == 'P' else sp}, {cl}."
    if kind == 3:
        return f"{cl[0].upper()}{cl[1:]}, {sp} said on Tuesday."
    if kind == 4:
        return f"He {cue} {cl}, adding that the “so-called” deal was dead."
    return rng.choice(NARRATION)


def corpus(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    docs = []
    for _ in range(n):
        paras = [" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(6, 12))]
        docs.append("\n".join(paras))
    return docs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from framing.attribution import attributions_of
    from framing.model import Article
    from framing.text import build_doc

    try:
        from framing.gazetteer import load_gazetteer
        gaz = load_gazetteer()
    except Exception:
        gaz = None
    texts = corpus(args.articles, args.seed)
    t0 = time.perf_counter()
    docs = [build_doc(Article(f"b{i}", t, "bench")) for i, t in enumerate(texts)]
    t1 = time.perf_counter()
    n_att = 0
    for doc in docs:
        n_att += len(attributions_of(doc, gazetteer=gaz)[0])
    t2 = time.perf_counter()
    words = sum(d.word_count for d in docs)
    print(f"{len(docs)} articles, {words} words, {n_att} attributions "
          f"(gazetteer {'on' if gaz is not None else 'off'})")
    print(f"attribution stage: {words / (t2 - t1):,.0f} words/s")
    print(f"text layer + stage: {words / (t2 - t0):,.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
