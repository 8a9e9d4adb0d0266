"""The bound shared by the text layer's memos (word forms, lexical tags, lemmas, Punkt contexts).

Why: a batch run sees far more distinct strings than any memo should hold, so each is bounded; when
one is full it keeps the first entries it saw rather than starting empty, because the earliest
strings of a run are its commonest ("the", "said", "said. The") and are asked for again at once.
"""
from __future__ import annotations

from itertools import islice

LIMIT = 50_000  # entries per memo
KEEP = 10_000  # entries kept when a memo is full


def make_room(table: dict, adding: int = 1) -> None:
    """Before `adding` new entries go into `table`: when they would take it past LIMIT, keep only
    its first KEEP entries (a dict keeps insertion order)."""
    if len(table) + adding > LIMIT:
        kept = list(islice(table.items(), KEEP))
        table.clear()
        table.update(kept)
