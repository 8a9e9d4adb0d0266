"""Reading the small TSV data files that ingestion's rules live in (framing/data/*.tsv).

Rules are data, not code, so a user can read and extend them; every error names file and line.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    return Path(str(resources.files("framing.data").joinpath(name)))


def read_tsv(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a TSV file with a header row and '#' comments, as (line number, {column: value}).

    Missing trailing cells are empty strings; a header that lacks a required column is an error.
    """
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip().lower() for c in cells]
                missing = [c for c in columns if c not in header]
                if missing:
                    raise ValueError(f"{path}:{number}: header lacks column(s) {', '.join(missing)}")
                continue
            row = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}
            rows.append((number, row))
    return rows
