"""The batch store's annotation rows come from per-class generated row makers
(framing.batch.work.annotation_rows); they must equal, cell for cell and type for type, the plain
one-cell-at-a-time definition (annotation_rows_reference) on real analyses."""
from __future__ import annotations

from dataclasses import dataclass, replace

import pytest

from conftest import SEEDS
from framing.api import analyze_article
from framing.batch.work import (TABLE_FIELDS, annotation_rows, annotation_rows_reference,
                                row_columns)
from framing.model import Article
from framing.resources import Resources


def _typed(rows):
    return [tuple((type(c), c) for c in row) for row in rows]


@pytest.fixture(scope="module")
def analyses():
    res = Resources()
    return [analyze_article(Article(id=p.stem, text=p.read_text(encoding="utf-8"),
                                    outlet="Test Outlet"), res)
            for p in sorted(SEEDS.glob("*.txt"))]


def test_fast_rows_equal_the_reference_on_the_seed_analyses(analyses):
    counted = {t: 0 for t in TABLE_FIELDS}
    for i, analysis in enumerate(analyses):
        fast = annotation_rows(analysis, f"u{i}")
        ref = annotation_rows_reference(analysis, f"u{i}")
        assert list(fast) == list(ref) == list(TABLE_FIELDS)
        for table, rows in ref.items():
            assert all(tuple(r) == row_columns(table) for r in rows)
            assert _typed(fast[table]) == _typed([tuple(r.values()) for r in rows])
            counted[table] += len(rows)
    assert all(n > 0 for n in counted.values()), counted  # every table was exercised


@dataclass(frozen=True)
class _Loose:
    """An annotation shaped unlike the stages' own: no text, a bool offset, a Span-like column,
    a tuple column, a numpy-free float and a bool."""
    start: object
    end: object
    text: object = None
    category: object = ""
    term: object = ()
    polarity: object = True
    strength: object = 2.5
    voice: object = None
    flag: object = False
    sentence: object = 0
    extra: object = ("a", 1)


@dataclass(frozen=True)
class _Bare:
    """No text, term or flag attribute at all: those columns come from the offsets or are NULL."""
    start: int
    end: int
    category: str = "loaded"


def test_odd_values_take_the_reference_path_cell_by_cell(analyses):
    analysis = analyses[0]
    span = analysis.findings[0]  # has start and end: stored as None, its offsets have columns
    objs = (_Loose(3, 9), _Loose(True, 4, text="given", voice=span),
            _Loose(None, None, category=1.5, sentence=10**9))
    odd = replace(analysis, findings=objs)
    fast = annotation_rows(odd, "u")["findings"]
    ref = [tuple(r.values()) for r in annotation_rows_reference(odd, "u")["findings"]]
    assert _typed(fast) == _typed(ref)
    assert fast[0][row_columns("findings").index("text")] == analysis.article.text[3:9]
    assert fast[1][row_columns("findings").index("voice")] is None
    bare = replace(analysis, findings=(_Bare(0, 5),))
    fast = annotation_rows(bare, "u")["findings"]
    assert _typed(fast) == _typed([tuple(r.values()) for r in
                                   annotation_rows_reference(bare, "u")["findings"]])
    assert fast[0][row_columns("findings").index("text")] == analysis.article.text[:5]


def _result(uid: str, rows: list[tuple]) -> dict:
    cols = row_columns("findings")
    return {"story_id": f"s-{uid}", "comparison": None, "articles": [{
        "uid": uid, "source": "in.jsonl", "line": 1, "ok": True,
        "rows": {"findings": rows}, "columns": {"findings": cols},
        "update": {"analysis_key": "k", "words": 3, "sentences": 1, "summary": "{}",
                   "readability": "{}"}}]}


def test_a_story_that_fails_to_write_leaves_nothing_of_the_open_transaction(tmp_path):
    """Stories are committed in groups; a story whose write fails rolls the open group back,
    so the store holds whole stories only (the next run redoes the rest)."""
    import sqlite3

    from framing.batch.store import Store

    def row(uid, n):
        cells = [f"{uid}:f{n}", uid, n, 0, 4, "word"] + [None] * (len(row_columns("findings")) - 7)
        return tuple(cells + ["{}"])

    store = Store(tmp_path)
    store.write_story_result(_result("a", [row("a", 0)]))  # committed
    store.write_story_result(_result("b", [row("b", 0), row("b", 1)]), commit=False)
    bad = _result("c", [row("c", 0), row("c", 1)[:-1]])  # a row one cell short
    with pytest.raises(sqlite3.Error):
        store.write_story_result(bad, commit=False)
    store.commit()
    store.close()
    conn = sqlite3.connect(tmp_path / "framing.sqlite")
    assert [r for (r,) in conn.execute("SELECT id FROM findings ORDER BY id")] == ["a:f0"]
