"""CSV output: a folder with one UTF-8 CSV file per table, and index.csv naming them.

The report's tables (summary matrix, naming matrix, attributions, coverage, ...) are written as shown
in the HTML report; the data tables (findings, attribution spans, actor mentions, agency, sentence
scores) carry character offsets into each article's text for researchers. A text cell that a
spreadsheet would run as a formula (starting with = + - @) is prefixed with an apostrophe.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from ..csvfiles import safe_cell
from .viewmodel import ReportView, Table, build_view


def table_csv(t: Table) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([safe_cell(c) for c in t.columns])
    for row in t.rows:
        w.writerow([safe_cell(cell.text) for cell in row.cells])
    return buf.getvalue()


def all_tables(view: ReportView) -> list[Table]:
    seen, out = set(), []
    for t in list(view.tables()) + view.data_tables:
        name = t.id
        k = 2
        while name in seen:
            name, k = f"{t.id}-{k}", k + 1
        seen.add(name)
        out.append(t if name == t.id else Table(name, t.title, t.columns, t.rows, t.note, t.row_headers, t.missing))
    return out


def write_view(view: ReportView, folder) -> list[Path]:
    """Write every table to `folder` (created if needed); return the files written, index first."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tables = all_tables(view)
    written = []
    index = io.StringIO()
    w = csv.writer(index, lineterminator="\n")
    w.writerow(["file", "title", "rows", "missing"])
    for t in tables:
        path = folder / f"{t.id}.csv"
        path.write_text(table_csv(t), encoding="utf-8")
        written.append(path)
        w.writerow([path.name, safe_cell(t.title), len(t.rows), safe_cell(t.missing)])
    index_path = folder / "index.csv"
    index_path.write_text(index.getvalue(), encoding="utf-8")
    return [index_path] + written


def write_csv(result, folder) -> list[Path]:
    return write_view(build_view(result), folder)
