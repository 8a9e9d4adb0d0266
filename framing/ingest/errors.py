"""The one exception ingestion raises internally; `load_story` turns it into a `LoadProblem`.

Readers raise it for a problem that stops one input (or one record) from loading, with the line
where there is one, so the user gets "file:line: message" and never a traceback.
"""
from __future__ import annotations


class IngestError(Exception):
    """An input (or one record of it) that cannot be loaded, with a one-line message."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.message = message
        self.line = line

    def __reduce__(self):  # pickled with its line (the default would keep the message only)
        return type(self), (self.message, self.line)


def format_size(n_bytes: int) -> str:
    """Sizes in decimal megabytes, as people read them: 52428800 -> '52.4 MB'."""
    mb = n_bytes / 1_000_000
    if mb >= 1:
        return f"{mb:.1f}".rstrip("0").rstrip(".") + " MB"
    return f"{n_bytes / 1000:.1f}".rstrip("0").rstrip(".") + " kB"


def too_large(what: str, size: int, limit: int) -> IngestError:
    return IngestError(f"{what} too large ({format_size(size)} > {format_size(limit)} limit)")
