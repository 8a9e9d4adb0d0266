#!/usr/bin/env python
"""Evaluate actor-mention detection against PolNeAR's Source spans.

    python scripts/eval_actors_polnear.py [--split dev] [--split train] [--limit N] [--json out.json]
                                          [--sample N]

PolNeAR (Newell, Margolin & Ruths, LREC 2018) marks the source of every attribution in 2016 US
election news. Every source is an actor (a person, an organisation, a group, a pronoun), so the share
of sources our actor mentions overlap is a recall figure for actor detection on text the gazetteer
was not written for. Reads ../shared/datasets/polnear; skips with a message when it is absent.

Choices, so the figures can be reproduced:
  - one annotation per article: the file with the lowest annotator id (as the attribution script);
  - a source counts as found when an actor mention overlaps it (any fragment of a discontinuous span);
  - "named" sources contain a capitalised word that is not a pronoun or a sentence-initial article
    ("Donald Trump", "the Trump campaign", "The New York Post"); "pronoun" sources are only a pronoun;
    "other" are the rest ("sources", "officials", "a 2014 study by ...");
  - precision proxy: the share of named-person mentions that overlap a source span is NOT precision
    (most people in a text are not sources); --sample N prints N random mentions (fixed seed) for a
    person to judge, which is how docs/accuracy_actors.md estimates precision.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "datasets" / "polnear"
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "who", "which", "that", "his", "her", "their",
            "its", "him", "them", "us", "me", "one", "this", "these", "those"}
LEADING = {"the", "a", "an", "he", "she", "it", "they", "i", "we", "but", "and", "in", "according"}


def parse_sources(path: Path) -> list[list[tuple[int, int]]]:
    """Source spans of one .ann file, each a list of (start, end) fragments."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        head = parts[1].split(" ", 1)
        if head[0] != "Source" or len(head) < 2:
            continue
        frags = []
        for frag in head[1].split(";"):
            a, b = frag.split()
            frags.append((int(a), int(b)))
        out.append(frags)
    return out


def source_class(text: str) -> str:
    words = [w.strip(".,;:()'\"\u2019\u201c\u201d") for w in text.split()]
    words = [w for w in words if w]
    if not words:
        return "other"
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    for k, w in enumerate(words):
        if w[:1].isupper() and not (k == 0 and w.lower() in LEADING) and w.lower() not in PRONOUNS:
            return "named"
    return "other"


def articles(split: str):
    base = POLNEAR / split
    anns = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        name, annot = p.stem.rsplit("_", 1)
        if name not in anns or annot < anns[name][0]:
            anns[name] = (annot, p)
    for name in sorted(anns):
        txt = base / "text" / f"{name}.txt"
        if txt.exists():
            yield name, txt.read_text(encoding="utf-8"), parse_sources(anns[name][1])


def evaluate(splits, limit=0, sample=0):
    from framing.gazetteer import load_gazetteer
    from framing.model import Article
    from framing.stages.actors import run
    from framing.text import build_doc

    gaz = load_gazetteer()

    class _Res:
        gazetteer = gaz

    found = Counter()
    total = Counter()
    kinds_found = Counter()
    n_mentions = 0
    person_mentions = person_on_source = 0
    words = 0
    seconds = 0.0
    pool = []
    missed = Counter()
    n_articles = 0
    for split in splits:
        for name, text, sources in articles(split):
            if limit and n_articles >= limit:
                break
            n_articles += 1
            art = Article(id=name, text=text, outlet=name.split("_")[0])
            t0 = time.perf_counter()
            doc = build_doc(art)
            out = run(doc, _Res, {})
            seconds += time.perf_counter() - t0
            words += doc.word_count
            mentions = out["actor_mentions"]
            n_mentions += len(mentions)
            spans = sorted((m.start, m.end, m) for m in mentions)
            src_frags = [f for s in sources for f in s]
            for frags in sources:
                stext = " ".join(text[a:b] for a, b in frags)
                cls = source_class(stext)
                hit = None
                for a, b in frags:
                    for ms, me, m in spans:
                        if ms < b and a < me:
                            hit = m
                            break
                    if hit:
                        break
                for c in (cls, "all") + (("non_pronoun",) if cls != "pronoun" else ()):
                    total[c] += 1
                    if hit is not None:
                        found[c] += 1
                if hit is not None:
                    kinds_found[hit.kind] += 1
                elif cls == "named":
                    missed[stext[:60]] += 1
            for m in mentions:
                on_source = any(a < m.end and m.start < b for a, b in src_frags)
                if m.kind == "person" and not m.is_guess:
                    person_mentions += 1
                    person_on_source += on_source
                pool.append((name, m, text))
    rec = {c: round(found[c] / total[c], 4) if total[c] else None for c in sorted(total)}
    result = {
        "splits": list(splits), "articles": n_articles, "sources": dict(sorted(total.items())),
        "found": dict(sorted(found.items())), "recall": rec, "mentions": n_mentions,
        "found_by_mention_kind": dict(sorted(kinds_found.items())),
        "named_person_mentions_on_a_source": round(person_on_source / person_mentions, 4) if person_mentions else None,
        "words": words, "words_per_second": round(words / seconds) if seconds else None,
        "most_missed_named": missed.most_common(15),
    }
    samples = []
    if sample:
        rng = random.Random(13)
        for name, m, text in rng.sample(pool, min(sample, len(pool))):
            s = max(0, m.start - 50)
            samples.append({"article": name, "mention": m.text, "kind": m.kind, "actor": m.actor_id,
                            "context": text[s:m.end + 40].replace("\n", " ")})
    return result, samples


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", action="append", choices=("dev", "train"))
    ap.add_argument("--limit", type=int, default=0, help="at most N articles (0: all)")
    ap.add_argument("--sample", type=int, default=0, help="print N random mentions to judge by hand")
    ap.add_argument("--json", help="write the figures to this file")
    args = ap.parse_args(argv)
    if not POLNEAR.is_dir():
        print(f"PolNeAR not found at {POLNEAR}; nothing to evaluate (skipped).")
        return 0
    result, samples = evaluate(args.split or ["dev"], args.limit, args.sample)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    for s in samples:
        print(f"[{s['kind']:13}] {s['mention']!r:40} -> {s['actor']:30} | {s['context']}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
