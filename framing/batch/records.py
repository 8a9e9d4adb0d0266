"""Stream article records out of batch inputs, one at a time, never the whole file.

Inputs: JSONL and CSV files of articles (optionally gzip-compressed: .jsonl.gz, .csv.gz, or any
file starting with the gzip magic bytes), and folders. A folder's sub-folders are stories (one
story per sub-folder, loaded with framing.ingest.load_story); JSONL/CSV files inside a folder are
read as article files; a folder holding only single-article files (.txt .md .html .json) is one
story.

Each record comes out as a `RawRecord` (its fields as read) or a `BadRecord` (why it could not be
read: undecodable bytes, broken JSON, a row of the wrong shape). A bad record never stops the file.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..csvfiles import describe_csv_error, sniff_delimiter

TABLE_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv")
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json")

#: Column names that carry a story id (case-insensitive). The other fields' names are
#: framing.ingest's (framing/data/record_fields.tsv), so batch and single-file input agree.
STORY_COLUMNS = ("story", "story_id", "storyid", "event", "event_id", "cluster", "cluster_id")
FIELDS = ("text", "outlet", "title", "date", "url", "id")


@dataclass(frozen=True)
class RawRecord:
    """One article as read from an input: its fields, and where it came from."""

    source: str  # file path (story folder for folder inputs)
    line: int  # 1-based line (JSONL) or row (CSV, counting the header as line 1); 0 for folders
    fields: dict  # text, outlet, title, date, url, story, id (strings, "" when absent)
    story_hint: str = ""  # story id given by the input (column or folder), "" when none
    cleaned: bool = False  # True when `fields["text"]` is already cleaned (folder inputs)
    removed: tuple = ()
    notes: tuple = ()
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class BadRecord:
    source: str
    line: int
    reason: str


def _open_binary(path: Path):
    raw = open(path, "rb")
    magic = raw.read(2)
    raw.seek(0)
    if magic == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=raw, mode="rb")
    return raw


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix in TABLE_SUFFIXES:
        if name.endswith(suffix):
            return "csv" if suffix in (".csv", ".tsv") else "jsonl"
    return None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):  # e.g. several outlets or authors: join them
        return ", ".join(str(v) for v in value)
    return value if isinstance(value, str) else str(value)


def _pick(row: dict) -> dict:
    """Map a record's keys onto our fields through framing.ingest's field names."""
    from ..ingest.fields import map_record

    mapped = map_record(row)
    out = {name: _text(mapped.get(name)) for name in FIELDS}
    lower = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    out["story"] = next((_text(lower[k]) for k in STORY_COLUMNS if lower.get(k) not in (None, "")),
                        "")
    return out


#: the lone surrogates Python's "surrogateescape" decoding leaves for bytes that are not UTF-8
_UNDECODABLE = re.compile("[\udc80-\udcff]")


def _record(source: str, line: int, row) -> RawRecord | BadRecord:
    if not isinstance(row, dict):
        return BadRecord(source, line, f"expected a JSON object, got {type(row).__name__}")
    fields = _pick(row)
    for name, value in fields.items():
        if _UNDECODABLE.search(value):
            return BadRecord(source, line, f"undecodable bytes in the {name} field (not UTF-8)")
    return RawRecord(source, line, fields, story_hint=fields["story"].strip())


def read_jsonl(path: Path) -> Iterator[RawRecord | BadRecord]:
    source = str(path)
    with _open_binary(path) as handle:
        number = 0
        while True:
            try:
                raw = handle.readline()
            except (OSError, EOFError) as exc:  # truncated or corrupt gzip stream
                yield BadRecord(source, number + 1, f"cannot read further: {exc}")
                return
            if not raw:
                return
            number += 1
            if not raw.strip():
                continue
            try:
                text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield BadRecord(source, number, f"not valid UTF-8 (byte {exc.start})")
                continue
            try:
                row = json.loads(text)
            except json.JSONDecodeError as exc:
                yield BadRecord(source, number, f"not valid JSON: {exc.msg} (column {exc.colno})")
                continue
            yield _record(source, number, row)


def read_csv(path: Path) -> Iterator[RawRecord | BadRecord]:
    """CSV/TSV rows as records. The delimiter and the strict reading (a quoted field that is never
    closed is an error, not a field that swallows the rest of the file) are single-file input's
    (framing.csvfiles), so `framing analyze` and `framing batch` agree on every file."""
    source = str(path)
    is_tsv = _kind_name(path).endswith(".tsv")
    csv.field_size_limit(min(sys.maxsize, 2 ** 31 - 1))
    with _open_binary(path) as binary:
        handle = io.TextIOWrapper(binary, encoding="utf-8-sig", errors="surrogateescape",
                                  newline="")
        try:
            first = handle.readline()
            if not first.strip():
                yield BadRecord(source, 1, "empty file: no header row" if not first else
                                "the first line is blank; it must be the header row")
                return
            delimiter = "\t" if is_tsv else sniff_delimiter(first)
            header = next(csv.reader([first], delimiter=delimiter, strict=True))
        except (csv.Error, OSError, EOFError, StopIteration) as exc:
            yield BadRecord(source, 1, f"cannot read the header row: {exc}")
            return
        reader = csv.reader(handle, delimiter=delimiter, strict=True)
        header = [h.strip() for h in header]
        from ..ingest.fields import field_of

        if not any(field_of(h) == "text" for h in header):
            yield BadRecord(source, 1, "no text column (e.g. text, body, content; see "
                            "framing/data/record_fields.tsv)")
            return
        start = 2
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield BadRecord(source, start, describe_csv_error(exc))
                start = reader.line_num + 2
                continue
            except (OSError, EOFError) as exc:
                yield BadRecord(source, start, f"cannot read further: {exc}")
                return
            line, start = start, reader.line_num + 2
            if not cells or all(not c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                yield BadRecord(source, line, f"row has {len(cells)} cells, the header has "
                                f"{len(header)}")
                continue
            yield _record(source, line, dict(zip(header, cells)))


def _kind_name(path: Path) -> str:
    name = path.name.lower()
    return name[:-3] if name.endswith(".gz") else name


def read_story_folder(path: Path, root: Path) -> Iterator[RawRecord | BadRecord]:
    """One story folder through framing.ingest.load_story: its articles are already cleaned."""
    from ..ingest import load_story

    story_id = path.relative_to(root).as_posix() if path != root else path.name
    try:
        story = load_story(str(path))
    except Exception as exc:  # a broken folder is one skipped input, not a crash
        yield BadRecord(str(path), 0, f"cannot load story folder: {type(exc).__name__}: {exc}")
        return
    for p in story.problems:
        if p.fatal:
            yield BadRecord(p.source, p.line, p.message)
    for a in story.articles:
        fields = {"text": a.text, "outlet": a.outlet, "title": a.title, "date": a.date,
                  "url": a.url, "story": story_id, "id": a.id}
        yield RawRecord(a.source or str(path), 0, fields, story_hint=story_id, cleaned=True,
                        removed=tuple(a.removed), notes=tuple(a.notes),
                        extra={"story_name": story.name})


def _folder(path: Path) -> Iterator[RawRecord | BadRecord]:
    children = sorted(path.iterdir())
    subdirs = [c for c in children if c.is_dir() and not c.name.startswith(".")]
    tables = [c for c in children if c.is_file() and _kind(c)]
    singles = [c for c in children if c.is_file() and not _kind(c)
               and c.suffix.lower() in ARTICLE_SUFFIXES and c.name != "manifest.json"]
    if singles and not subdirs and not tables:
        yield from read_story_folder(path, path.parent)
        return
    for t in tables:
        yield from read_table(t)
    for d in subdirs:
        yield from read_story_folder(d, path)
    if not subdirs and not tables:
        yield BadRecord(str(path), 0, "no story folders and no JSONL/CSV article files here")


def read_table(path: Path) -> Iterator[RawRecord | BadRecord]:
    kind = _kind(path)
    try:
        if kind == "jsonl":
            yield from read_jsonl(path)
        elif kind == "csv":
            yield from read_csv(path)
        else:
            yield BadRecord(str(path), 0, "not a JSONL or CSV file (.jsonl .ndjson .csv .tsv, "
                                          "optionally .gz)")
    except OSError as exc:
        yield BadRecord(str(path), 0, f"cannot read: {exc.strerror or exc}")


def read_inputs(paths) -> Iterator[RawRecord | BadRecord]:
    """Every record of every input, in input order (folders in sorted order)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from _folder(path)
        elif path.is_file():
            yield from read_table(path)
        else:
            yield BadRecord(str(path), 0, "no such file or folder")
