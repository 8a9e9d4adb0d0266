#!/usr/bin/env python
"""How often news uses the words of loaded adjective and adverb rows (session 13's promotion rule).

A mild (strength 1) `loaded` row with pos J or R was promoted to strength 2 when news rarely uses
it: fewer than 10 times per million words of AllSides records 0-3999 (docs/accuracy_lexicon.md,
"Session 13"). This script prints those rows' counts, so the rule can be re-run on new rows.

Counted: the row's own forms (its key and inflections) and its regular "-ly" adverb, as whole
words of the lower-cased article text (words are runs of letters, hyphenated runs kept together).
Reads ../shared/datasets/allsides/articles.jsonl.gz; exits cleanly when it is absent.

Usage: python scripts/lexicon_word_frequency.py [--strength 1] [--records 4000] [--below 10]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "datasets" / "allsides" / "articles.jsonl.gz"
WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--records", type=int, default=4000, help="count in records 0 .. N-1")
    ap.add_argument("--strength", type=int, default=1, help="rows of this strength")
    ap.add_argument("--below", type=float, default=10.0, help="mark rows below this many per million")
    args = ap.parse_args(argv)
    path = Path(args.data)
    if not path.is_file():
        print(f"AllSides data not found at {path}: skipping.")
        return 0
    sys.path.insert(0, str(ROOT))
    from framing.lexicon import load_lexicon
    from framing.lexicon.keys import adverb_forms
    from framing.lexicon.lexicon import _keys_of

    lexicon = load_lexicon()
    rows = [e for e in lexicon.entries if e.category == "loaded" and e.pos in ("J", "R")
            and e.strength == args.strength and " " not in e.key]
    words: Counter = Counter()
    total = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= args.records:
                break
            found = WORD.findall(json.loads(line)["text"].lower())
            total += len(found)
            words.update(found)
    counts = sorted((sum(words[f] for f in set(_keys_of(e)) | set(adverb_forms(e.key))), e.term)
                    for e in rows)
    print(f"{len(rows)} loaded J/R rows of strength {args.strength}; {total} words in "
          f"{args.records} records; * = below {args.below} per million")
    for count, term in counts:
        per_million = count * 1e6 / total if total else 0.0
        print(f"{'*' if per_million < args.below else ' '} {per_million:8.2f}  {count:6d}  {term}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
