#!/usr/bin/env python3
"""Benchmark ingestion: generate a corpus of realistic articles, load it, print throughput and memory.

    python scripts/bench_ingest.py                  # 2,000 .txt articles, 2,000 JSONL records, 100 HTML pages
    python scripts/bench_ingest.py --articles 5000 --html 300 --text-layer 500

The corpus is built from the sentences of the bundled seed articles and the test fixtures,
recombined at random (fixed seed) into articles of 250-700 words, each with a headline, often a
byline and a timestamp line, and web leftovers (ads, share buttons, captions, newsletter prompts,
comment forms) in realistic places, so the cleaning rules do real work. It is written to a
temporary folder and removed afterwards (unless --keep).

Figures: words per second (words of cleaned text), articles per second, peak Python memory
(tracemalloc, in a separate streaming pass so timing is not slowed) and the process's peak RSS.
If the text layer (framing.text.build_doc) is importable, ingest + text layer is timed as well.
Not a test: nothing is asserted.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.ingest import iter_story, load_story  # noqa: E402
from framing.model import Article  # noqa: E402

LEFTOVERS_TOP = ["Skip to content", "Home | News | World | Asia", "Share on Facebook", "Tweet", "WhatsApp",
                 "We use cookies to improve your experience on our site. By continuing you agree to our use "
                 "of cookies."]
LEFTOVERS_MID = ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement",
                 "Read more: Border crossing reopens for trade after two weeks",
                 "Officials inspect the damaged checkpoint on Sunday. — Photo: Reuters",
                 "Protesters gather outside the ministry. (AP Photo/Staff)", "0", "|"]
LEFTOVERS_END = ["Leave a Reply", "Your email address will not be published. Required fields are marked *",
                 "NEWSLETTER", "| Join the mailing list |", "Scroll to Top",
                 "© 2025 Example Media Group. All rights reserved.", "Related Stories",
                 "Talks resume in Doha", "Ceasefire holds for a third day"]
OUTLETS = ["Capital Post", "Harbour Daily", "Valley Times", "Metro Wire", "Northern Ledger", ""]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def sentence_pool() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures" / "ingest").glob("*.txt"))]
    sentences = []
    for text in texts:
        for line in text.splitlines():
            if len(line.split()) < 12:
                continue
            sentences += [s.strip() for s in re.split(r"(?<=[.!?”])\s+(?=[A-Z“])", line) if len(s.split()) >= 6]
    return sorted(set(sentences))


def make_article(rng: random.Random, pool: list[str]) -> tuple[str, dict]:
    words_wanted = rng.randint(250, 700)
    paragraphs, words = [], 0
    while words < words_wanted:
        para = " ".join(rng.sample(pool, rng.randint(1, 3)))
        paragraphs.append(para)
        words += len(para.split())
    headline = " ".join(rng.choice(pool).rstrip(".").split()[:rng.randint(6, 12)])
    headline = headline[0].upper() + headline[1:]
    date = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    lines = []
    if rng.random() < 0.5:
        lines += rng.sample(LEFTOVERS_TOP, rng.randint(1, 3))
    lines.append(headline)
    if rng.random() < 0.5:
        lines.append(f"By {rng.choice(['Sara Malik', 'John Reed', 'Ayesha Khan', 'Tom Berger'])}")
    if rng.random() < 0.6:
        y, m, d = date.split("-")
        lines.append(f"{int(d)} {MONTHS[int(m) - 1]} {y} {rng.randint(1, 12)}:{rng.randint(0, 59):02d} PM")
    for para in paragraphs:
        lines.append(para)
        if rng.random() < 0.08:
            lines.append(rng.choice(LEFTOVERS_MID))
    if rng.random() < 0.5:
        lines += LEFTOVERS_END[rng.randint(0, 4):rng.randint(5, len(LEFTOVERS_END))]
    separator = "\n\n" if rng.random() < 0.6 else "\n"
    meta = {"title": headline, "date": date, "outlet": rng.choice(OUTLETS)}
    return separator.join(lines) + "\n", meta


def html_page(text: str, meta: dict) -> str:
    body = "\n".join(f"<p>{line}</p>" for line in text.split("\n") if line.strip())
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{meta['title']}</title>"
            f"<meta property=\"og:site_name\" content=\"{meta['outlet'] or 'Example News'}\">"
            f"<meta property=\"article:published_time\" content=\"{meta['date']}\"></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><main><article>"
            f"<h1>{meta['title']}</h1>{body}</article></main><footer>© 2025 Example</footer></body></html>")


def build_corpus(folder: Path, n_txt: int, n_records: int, n_html: int, seed: int) -> None:
    rng = random.Random(seed)
    pool = sentence_pool()
    (folder / "txt").mkdir()
    (folder / "html").mkdir()
    for i in range(n_txt):
        text, _ = make_article(rng, pool)
        (folder / "txt" / f"article_{i:05d}.txt").write_text(text, encoding="utf-8")
    with open(folder / "records.jsonl", "w", encoding="utf-8") as handle:
        for i in range(n_records):
            text, meta = make_article(rng, pool)
            handle.write(json.dumps({"id": f"r{i}", "text": text, **meta}) + "\n")
    for i in range(n_html):
        text, meta = make_article(rng, pool)
        (folder / "html" / f"page_{i:04d}.html").write_text(html_page(text, meta), encoding="utf-8")


def timed(label: str, *paths, limit: int | None = None, text_layer=None) -> None:
    start = time.perf_counter()
    articles = words = removed = problems = 0
    for item in iter_story(*paths, manifest=False):
        if not isinstance(item, Article):
            problems += item.fatal
            continue
        articles += 1
        words += item.word_count
        removed += len(item.removed)
        if text_layer is not None:
            text_layer(item)
        if limit and articles >= limit:
            break
    seconds = time.perf_counter() - start
    print(f"{label:<34} {articles:>6} articles {words:>9,} words {seconds:7.2f} s "
          f"{words / seconds:>11,.0f} words/s {articles / seconds:>8,.0f} articles/s "
          f"({removed / max(articles, 1):.1f} removals/article, {problems} skipped)")


def peak_memory(path: Path) -> None:
    tracemalloc.start()
    count = sum(1 for item in iter_story(path, manifest=False) if isinstance(item, Article))
    _, streamed = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    story = load_story(path, manifest=False)
    _, collected = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak Python memory, {count} articles: streaming (iter_story) {streamed / 1e6:.1f} MB, "
          f"collected (load_story) {collected / 1e6:.1f} MB for {len(story.articles)} articles")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help=".txt articles (default 2000)")
    parser.add_argument("--records", type=int, default=2000, help="JSONL records (default 2000)")
    parser.add_argument("--html", type=int, default=100, help="HTML pages (default 100)")
    parser.add_argument("--text-layer", type=int, default=300,
                        help="articles to run through framing.text.build_doc as well (default 300; 0 = skip)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--keep", type=Path, default=None, help="write the corpus here and keep it")
    args = parser.parse_args(argv)

    folder = args.keep or Path(tempfile.mkdtemp(prefix="framing-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        start = time.perf_counter()
        build_corpus(folder, args.articles, args.records, args.html, args.seed)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        print(f"corpus: {args.articles} .txt + {args.records} JSONL records + {args.html} HTML pages, "
              f"{size / 1e6:.1f} MB, generated in {time.perf_counter() - start:.1f} s in {folder}")
        load_story(folder / "txt" / "article_00000.txt")  # warm up: imports, rule compilation
        timed("ingest .txt folder", folder / "txt")
        timed("ingest .jsonl records", folder / "records.jsonl")
        if args.html:
            load_story(folder / "html" / "page_0000.html")  # trafilatura import
            timed("ingest .html pages (trafilatura)", folder / "html")
        if args.text_layer:
            try:
                from framing.text import build_doc
            except ImportError as exc:
                print(f"text layer not available ({exc}); skipped")
            else:
                build_doc(load_story(folder / "txt" / "article_00000.txt").articles[0])  # warm up
                timed("ingest + text layer (.txt)", folder / "txt", limit=args.text_layer, text_layer=build_doc)
        peak_memory(folder / "txt")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"peak RSS of the whole run (imports included): {rss / 1024:.0f} MB")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
