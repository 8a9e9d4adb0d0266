"""Export one table of a batch store as CSV, Parquet or JSON Lines, streaming.

Rows are read in batches and written as they come, so exporting a store bigger than memory works.
Column types follow the schema (INTEGER -> int64, REAL -> float64, TEXT -> string), so pandas and
Arrow read the files with the right types; `data`/`summary` columns stay JSON text. CSV text cells
that a spreadsheet would run as a formula get a leading apostrophe (framing.csvfiles.safe_cell);
JSON Lines and Parquet keep every value as stored.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from ..csvfiles import safe_cell
from .store import connect, store_path, table_columns

FORMATS = {"csv": "csv", "parquet": "parquet", "jsonl": "jsonl"}
BATCH = 5000


def _column_types(conn, table: str) -> dict[str, str]:
    return {r[1]: (r[2] or "TEXT").upper() for r in conn.execute(f"PRAGMA table_info({table})")}


def _order(conn, table: str) -> str:
    pk = [r[1] for r in sorted(conn.execute(f"PRAGMA table_info({table})"), key=lambda r: r[5])
          if r[5]]
    return ", ".join(pk) if pk else "rowid"


def export_table(out_dir, table: str, fmt: str, output=None) -> str:
    """Write `table` of the store in `out_dir` to `output` (default OUT_DIR/exports/TABLE.EXT;
    "-" is standard output for csv and jsonl). Returns the path written ("-" for stdout)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    conn = connect(store_path(out_dir), readonly=True)
    try:
        columns = table_columns(conn, table)
        if output is None:
            output = Path(out_dir) / "exports" / f"{table}.{FORMATS[fmt]}"
        if str(output) == "-" and fmt == "parquet":
            raise ValueError("parquet is binary: give an output file (-o FILE)")
        cur = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {_order(conn, table)}")
        if fmt == "parquet":
            _parquet(cur, columns, _column_types(conn, table), Path(output))
            return str(output)
        if str(output) == "-":
            _text(cur, columns, fmt, sys.stdout)
            return "-"
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            _text(cur, columns, fmt, handle)
        return str(path)
    finally:
        conn.close()


def _text(cur, columns, fmt, handle) -> None:
    if fmt == "csv":  # read in spreadsheets too: no text cell may run as a formula
        writer = csv.writer(handle)
        writer.writerow(columns)
        while rows := cur.fetchmany(BATCH):
            writer.writerows([safe_cell(v) if isinstance(v, str) else v for v in r] for r in rows)
    else:
        while rows := cur.fetchmany(BATCH):
            for r in rows:
                handle.write(json.dumps(dict(zip(columns, r)), ensure_ascii=False) + "\n")


def _parquet(cur, columns, types, path: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ValueError("the parquet format needs pyarrow: pip install 'framing[batch]'") from None

    arrow = {"INTEGER": pa.int64(), "REAL": pa.float64()}
    schema = pa.schema([(c, arrow.get(types.get(c, "TEXT"), pa.string())) for c in columns])
    path.parent.mkdir(parents=True, exist_ok=True)
    with pq.ParquetWriter(str(path), schema) as writer:
        wrote = False
        while rows := cur.fetchmany(BATCH):
            cols = list(zip(*rows))
            writer.write_table(pa.table({c: pa.array(list(v), type=schema.field(c).type)
                                         for c, v in zip(columns, cols)}, schema=schema))
            wrote = True
        if not wrote:
            writer.write_table(schema.empty_table())
