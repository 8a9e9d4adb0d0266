"""The bound shared by the text layer's memos (lexical tags, lemmas, Punkt contexts; the word-form
memo, asked for every token, holds twice as many: framing.text.tagging.FORMS_LIMIT).

Why: a batch run sees far more distinct strings than any memo should hold, so each is bounded; when
one is full it keeps the first entries it saw rather than starting empty, because the earliest
strings of a run are its commonest ("the", "said", "said. The") and are asked for again at once.
"""
from __future__ import annotations

from itertools import islice

LIMIT = 50_000  # entries per memo
KEEP = 10_000  # entries kept when a memo is full


def make_room(table: dict, adding: int = 1, limit: int | None = None, keep: int | None = None
              ) -> None:
    """Before `adding` new entries go into `table`: when they would take it past `limit` (LIMIT
    unless given), keep only its first `keep` (KEEP) entries (a dict keeps insertion order)."""
    if len(table) + adding > (LIMIT if limit is None else limit):
        kept = list(islice(table.items(), KEEP if keep is None else keep))
        table.clear()
        table.update(kept)
