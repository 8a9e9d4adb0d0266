"""One reader per input format. Each is a generator `read(source, options)` that yields
RawArticles, and LoadProblems for records it had to skip; a problem that stops the whole file is
raised as IngestError.
"""
from __future__ import annotations

from .html import read_html
from .markdown import read_markdown
from .records import read_csv, read_json, read_jsonl
from .text import read_text

READERS = {
    "txt": read_text,
    "md": read_markdown,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "tsv": read_csv,
}

#: File extension (lower case, without the dot) -> format.
EXTENSIONS = {
    "txt": "txt", "text": "txt",
    "md": "md", "markdown": "md", "mdown": "md",
    "html": "html", "htm": "html", "xhtml": "html",
    "json": "json",
    "jsonl": "jsonl", "ndjson": "jsonl",
    "csv": "csv", "tsv": "tsv",
}

__all__ = ["EXTENSIONS", "READERS"]
