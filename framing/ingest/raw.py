"""What readers produce and consume: a Source (one file or stdin) and RawArticles (its articles,
decoded but not yet cleaned), plus the loading options.
"""
from __future__ import annotations

import gzip
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import IngestError, too_large

DEFAULT_MAX_BYTES = 5_000_000  # one article: far above any news story, far below a data dump
DEFAULT_MAX_FILE_BYTES = 200_000_000  # a .json file, which must be parsed whole


@dataclass(frozen=True)
class Options:
    max_bytes: int = DEFAULT_MAX_BYTES
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES


@dataclass
class Source:
    """One input: a file, or standard input (path None, bytes in `data`)."""

    display: str  # how messages name it: the path as the user gave it, or "<stdin>"
    fmt: str  # txt | md | html | json | jsonl | csv | tsv
    path: Path | None = None
    compressed: bool = False
    data: bytes | None = None  # stdin content (already read, size-checked)

    @property
    def stem(self) -> str:
        """The file name without its extension(s): "articles.jsonl.gz" -> "articles"."""
        if self.path is None:
            return "stdin"
        name = self.path.name
        if self.compressed and name.lower().endswith(".gz"):
            name = name[:-3]
        return Path(name).stem or name

    def read_bytes(self, limit: int, what: str = "file") -> bytes:
        """The whole content, refusing (without reading it) anything over `limit` bytes."""
        if self.data is not None:
            if len(self.data) > limit:
                raise too_large("input", len(self.data), limit)
            return self.data
        assert self.path is not None
        size = os.stat(self.path).st_size
        if not self.compressed:
            if size > limit:
                raise too_large(what, size, limit)
            return self.path.read_bytes()
        with gzip.open(self.path, "rb") as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise IngestError(f"{what} too large (over {limit / 1e6:g} MB once decompressed)")
        return data

    def open_binary(self):
        """A binary stream over the (decompressed) content, for formats read record by record."""
        if self.data is not None:
            return io.BytesIO(self.data)
        assert self.path is not None
        return gzip.open(self.path, "rb") if self.compressed else open(self.path, "rb")


@dataclass
class RawArticle:
    """One article as read: decoded text plus whatever metadata the source itself carried."""

    text: str
    source: str  # Article.source: path, plus "#n" for the n-th record of a multi-record file
    key: str  # the id it asks for: file stem, or a record's own id, or "stem:n"
    fmt: str
    first_line: int = 1  # source line of the text's first line (0 = unknown)
    fixed_line: bool = False  # all removals are reported at first_line (records)
    wrap: str = "auto"
    standalone: frozenset[int] = frozenset()
    meta: dict[str, object] = field(default_factory=dict)  # title/outlet/date/url/language from source
    meta_from: str = ""  # where meta came from, for notes ("front matter", "HTML metadata", "record")
    title_is_headline: bool = False  # meta title is the article's own headline (prepend if missing)
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)
    record: int = 0  # 1-based record number in a multi-record file (0: single-article file)
    line: int = 0  # line of the record in its file, for problems
