"""Which field of someone's record (JSON, JSONL, CSV, front matter) fills which Article field.

Data sets name their columns differently ("body", "headline", "publisher", "published_at"); the
accepted names live in framing/data/record_fields.tsv. Matching ignores case, spaces, "-" and "_".
Names listed there as `ignore` (author, byline, section) are known but fill nothing: a plain-text
file's header block may carry them without ceasing to be a header (framing.ingest.frontmatter).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .datafiles import data_path, read_tsv

FIELDS = ("text", "outlet", "title", "date", "url", "id", "language")
IGNORED = "ignore"


def _key(name: str) -> str:
    return re.sub(r"[\s_-]+", "", str(name).strip().lower())


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """{normalised field name: Article field}."""
    path = data_path("record_fields.tsv")
    table: dict[str, str] = {}
    for number, row in read_tsv(path, ("field", "name")):
        if row["field"] not in FIELDS and row["field"] != IGNORED:
            raise ValueError(f"{path}:{number}: unknown field {row['field']!r}")
        table[_key(row["name"])] = row["field"]
    return table


def field_of(name: str) -> str | None:
    """The Article field a record key fills, or None (also for a known name that fills nothing)."""
    target = aliases().get(_key(name))
    return None if target == IGNORED else target


def is_known_name(name: str) -> bool:
    """True when `name` is a field name of record_fields.tsv, one that fills nothing included."""
    return _key(name) in aliases()


def map_record(record: dict) -> dict[str, object]:
    """{Article field: value} from a record. An exact field name wins over an alias of it
    ("title" over "headline"), else the first key in the record's own order."""
    out: dict[str, object] = {}
    exact: set[str] = set()
    for key, value in record.items():
        target = field_of(key)
        if target is None:
            continue
        is_exact = _key(key) == target
        if target not in out or (is_exact and target not in exact):
            out[target] = value
            if is_exact:
                exact.add(target)
    return out
