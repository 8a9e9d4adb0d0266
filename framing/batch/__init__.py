"""Batch runs at scale: many stories, an embedded store, outlet profiles, a distributed engine.

    from framing.batch import BatchOptions, run_batch
    summary = run_batch(BatchOptions(inputs=("articles.jsonl.gz",), out_dir="out",
                                     group_stories=True, jobs=2))

The CLI commands `framing batch`, `framing export` and `framing profile` (framing/cli_batch.py) are
thin shells over this package; docs/batch.md documents usage and the store's schema.
"""
from .grouping import GroupingOptions
from .runner import EXIT_NOTHING, EXIT_OK, EXIT_SKIPPED, BatchOptions, BatchSummary, run_batch

__all__ = ["BatchOptions", "BatchSummary", "GroupingOptions", "run_batch", "EXIT_OK",
           "EXIT_SKIPPED", "EXIT_NOTHING"]
