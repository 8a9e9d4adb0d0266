#!/usr/bin/env python
"""Check that the text layer (framing.text.build_doc) still gives exactly the same Docs.

Speed work on the text layer must not change its output. The reference is a source tree of an
earlier version (e.g. from `git archive <rev> | tar -x -C DIR`): the first N AllSides articles
(../shared/datasets/allsides/articles.jsonl.gz) are run through both, the base one in a subprocess
(PYTHONPATH=DIR) that writes its canonical dumps (every field of every paragraph, sentence, token
and quote) as JSON, and the dumps are compared.

With --lexicon, the lexicon stage's output (findings and summary, as `repr`, which shows every
field and every float exactly) is compared too: its speed work must not change it either.

Prints the first differences (article, token) and exits 1 when any Doc differs, 0 when all are
equal; a reference that is absent is skipped with a message.

Usage: python scripts/check_text_equality.py --base DIR [-n 1500] [--skip 0] [--lexicon]
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLSIDES = ROOT.parent / "shared" / "datasets" / "allsides" / "articles.jsonl.gz"


def allsides_articles(n: int, skip: int = 0):
    from framing.model import Article

    out = []
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as fh:
        for line in itertools.islice(fh, skip, None):
            if len(out) >= n:
                break
            r = json.loads(line)
            if (r.get("text") or "").strip():
                out.append(Article(id=str(r["id"]), text=r["text"], outlet=r.get("outlet") or ""))
    return out


def canonical(doc) -> tuple:
    """Every field of the Doc's layers as plain tuples (comparable across code versions)."""
    def rows(items, names):
        return tuple(tuple(getattr(x, n) for n in names) for x in items)

    return (
        rows(doc.paragraphs, ("start", "end")),
        rows(doc.sentences, ("start", "end", "paragraph", "token_start", "token_end")),
        rows(doc.tokens, ("start", "end", "text", "norm", "pos", "lemma", "sentence", "in_quote")),
        rows(doc.quotes, ("start", "end", "inner_start", "inner_end", "marks", "words")),
    )


def as_tuples(value):
    """A canonical dump read back from JSON (lists) as the tuples `canonical` makes."""
    return tuple(as_tuples(v) for v in value) if isinstance(value, list) else value


def describe(new: tuple, old: tuple) -> str:
    names = ("paragraphs", "sentences", "tokens", "quotes")
    for name, a, b in zip(names, new, old):
        if a != b:
            for i, (x, y) in enumerate(itertools.zip_longest(a, b)):
                if x != y:
                    return f"{name}[{i}]: new {x} / reference {y}"
    return "equal"


def compare(pairs, limit: int = 10) -> int:
    """pairs: (article id, new canonical, reference canonical). Returns the number differing."""
    bad = 0
    for art_id, new, old in pairs:
        if new != old:
            bad += 1
            if bad <= limit:
                print(f"  DIFF {art_id}: {describe(new, old)}")
    return bad


def lexicon_output(doc, resources) -> str | None:
    """The lexicon stage's output for `doc` as its repr (None when not asked for)."""
    if resources is None:
        return None
    from framing.stages import lexicon

    return repr(lexicon.run(doc, resources, {}))


def _resources(with_lexicon: bool):
    if not with_lexicon:
        return None
    from framing.resources import Resources

    return Resources()


def dump(out: Path, n: int, skip: int = 0, with_lexicon: bool = False) -> None:
    """Write the canonical dumps of n AllSides articles from record `skip` on (and their lexicon
    outputs when asked; run under the base tree)."""
    from framing.text import build_doc

    res = _resources(with_lexicon)
    docs = []
    for a in allsides_articles(n, skip):
        doc = build_doc(a)
        docs.append((a.id, canonical(doc), lexicon_output(doc, res)))
    out.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")


def check_base(base: Path, n: int, skip: int = 0, with_lexicon: bool = False) -> int:
    if not ALLSIDES.exists():
        print(f"base comparison: {ALLSIDES} absent, skipped")
        return 0
    if not (base / "framing").is_dir():
        print(f"base comparison: {base}/framing absent, skipped")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "base.json"
        env = dict(os.environ, PYTHONPATH=str(base))
        command = [sys.executable, __file__, "--dump", str(out), "-n", str(n), "--skip", str(skip)]
        subprocess.run(command + (["--lexicon"] if with_lexicon else []), env=env, check=True,
                       cwd=tmp)
        reference = [(art_id, as_tuples(dumped), lex)
                     for art_id, dumped, lex in json.loads(out.read_text(encoding="utf-8"))]
    from framing.text import build_doc

    res = _resources(with_lexicon)
    articles = allsides_articles(n, skip)
    assert [a.id for a in articles] == [i for i, _, _ in reference]
    docs = list(map(build_doc, articles))
    bad = compare((a.id, canonical(d), ref) for a, d, (_, ref, _) in zip(articles, docs, reference))
    tokens = sum(len(ref[2]) for _, ref, _ in reference)
    print(f"base {base}: {len(articles)} AllSides articles ({tokens} tokens), {bad} Docs differ")
    if with_lexicon:
        lex_bad = [a.id for a, d, (_, _, lex) in zip(articles, docs, reference)
                   if lexicon_output(d, res) != lex]
        for art_id in lex_bad[:10]:
            print(f"  DIFF {art_id}: lexicon stage output")
        print(f"base {base}: {len(articles)} lexicon stage outputs, {len(lex_bad)} differ")
        bad += len(lex_bad)
    return bad


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, help="source tree of the reference version")
    ap.add_argument("-n", type=int, default=1500, help="AllSides articles for --base (default 1500)")
    ap.add_argument("--skip", type=int, default=0, help="start at this AllSides record (default 0)")
    ap.add_argument("--lexicon", action="store_true", help="compare the lexicon stage's output too")
    ap.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.dump:
        dump(args.dump, args.n, args.skip, args.lexicon)
        return 0
    sys.path.insert(0, str(ROOT))
    bad = 0
    if args.base:
        bad += check_base(args.base, args.n, args.skip, args.lexicon)
    print("OK: identical" if not bad else f"FAILED: {bad} differences")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
