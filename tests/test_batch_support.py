"""Inputs and comparisons shared by the batch tests (no tests here; imported by tests/test_batch*.py)."""
from __future__ import annotations

import csv
import gzip
import json
import sqlite3
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "batch"
STORIES = FIXTURES / "stories.jsonl"
FOLDERS = FIXTURES / "folders"
OUTLETS = ("Daily Ledger", "Metro Wire", "The Northern Courier", "Fox News", "Fox Online News")
DAYS = ("2021-03-02", "2021-04-13", "5/20/21", "", "2021-07-01", "2021-08-30")


def fixture_articles() -> list[dict]:
    return [json.loads(line) for line in STORIES.read_text(encoding="utf-8").splitlines()]


def synthetic_records(n: int = 100) -> list[dict]:
    """n distinct article records built from the fixture texts (each with its own closing line,
    outlet and date), so every record is a different article."""
    base = fixture_articles()
    out = []
    for i in range(n):
        a = base[i % len(base)]
        out.append({
            "id": f"rec{i:03d}", "outlet": OUTLETS[i % len(OUTLETS)], "date": DAYS[i % len(DAYS)],
            "title": f"{a['title']} ({i})", "url": f"https://example.org/r/{i}",
            "text": a["text"] + f"\n\nThis is report number {i} in the series, the editors said.",
        })
    return out


def write_jsonl(path: Path, records, corrupt_at: int | None = None, gz: bool = False) -> Path:
    """JSON Lines; with corrupt_at, that (0-based) record is replaced by a broken line."""
    lines = []
    for i, r in enumerate(records):
        if i == corrupt_at:
            lines.append('{"id": "broken", "outlet": "Metro Wire", "text": "unterminated')
        else:
            lines.append(json.dumps(r, ensure_ascii=False))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data, mtime=0) if gz else data)
    return path


def write_csv(path: Path, records, gz: bool = False) -> Path:
    cols = ["id", "outlet", "date", "title", "url", "text"]
    opener = gzip.open if gz else open
    with opener(path, "wt", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        w.writerows(records)
    return path


def dump_store(out_dir) -> dict:
    """Every table's rows, sorted, without the run log (timestamps, run numbers)."""
    conn = sqlite3.connect(str(Path(out_dir) / "framing.sqlite"))
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT IN ('runs') "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


def count(out_dir, sql: str):
    conn = sqlite3.connect(str(Path(out_dir) / "framing.sqlite"))
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def story_payload(story_id, texts, source: str = "tasks.jsonl") -> dict:
    """A worker payload (framing.batch.work.analyse_story) for one story of the given texts, each
    article from its own outlet, with every stage on and the comparison asked for."""
    rows = [{"uid": f"{story_id}-{k}", "source": source, "line": k + 1, "text": text,
             "outlet": f"Outlet {k}", "title": "", "date": "", "url": "", "notes": "[]",
             "text_hash": f"h{k}"} for k, text in enumerate(texts)]
    return {"story_id": story_id, "name": "", "articles": rows, "analyzer": "test",
            "stages": ["lexicon", "attribution", "actors", "classify"], "compare": True,
            "reports": [], "settings": {}}
