"""Files of many articles, one per record: JSON (an object, or a list of objects), JSON Lines and
CSV/TSV. Fields: text (required), outlet, title, date, url, id, language, under any of the names in
framing/data/record_fields.tsv.

JSON Lines and CSV are read as a stream, a line at a time, so a large file costs little memory and
a bad record costs only itself: it becomes a LoadProblem with its line number, and the rest load.
"""
from __future__ import annotations

import csv
import io
import json

from ...model import LoadProblem
from ...csvfiles import describe_csv_error, sniff_delimiter
from ..encoding import SAMPLE, binary_reason, decode_bytes, detect_encoding, display_name
from ..errors import IngestError, format_size
from ..fields import field_of, map_record
from ..raw import Options, RawArticle, Source
from .text import encoding_notes

_LIST_KEYS = ("articles", "records", "items", "data", "results", "documents", "docs")


def record_article(record, source: Source, options: Options, number: int, line: int,
                   single: bool = False) -> RawArticle:
    """One record -> RawArticle; raises IngestError (with the record's line) when it cannot load."""
    if not isinstance(record, dict):
        raise IngestError(f"record {number} is not an object (found {type(record).__name__})", line)
    fields = map_record(record)
    text = fields.get("text")
    if text is None:
        keys = ", ".join(map(str, list(record)[:8])) or "none"
        raise IngestError(f"record {number} has no text field (its fields: {keys})", line)
    if not isinstance(text, str):
        raise IngestError(f"record {number}: text is not a string", line)
    if len(text) > options.max_bytes // 4 and len(text.encode("utf-8")) > options.max_bytes:
        size = len(text.encode("utf-8"))
        raise IngestError(f"record {number} too large ({format_size(size)} > "
                          f"{format_size(options.max_bytes)} limit)", line)
    if not text.strip():
        raise IngestError(f"record {number} has an empty text", line)
    meta = {}
    for name in ("outlet", "title", "date", "url", "language"):
        value = fields.get(name)
        if value is None or isinstance(value, (dict, list)):
            continue
        value = value if name == "date" and not isinstance(value, str) else str(value).strip()
        if value != "":
            meta[name] = value
    raw_id = fields.get("id")
    key = str(raw_id).strip() if raw_id not in (None, "") and not isinstance(raw_id, (dict, list)) else ""
    if single:
        return RawArticle(text=text, source=source.display, key=key or source.stem, fmt=source.fmt,
                          meta=meta, meta_from="JSON fields", title_is_headline=True)
    return RawArticle(text=text, source=f"{source.display}#{number}", key=key or f"{source.stem}:{number}",
                      fmt=source.fmt, first_line=line, fixed_line=True, meta=meta,
                      meta_from="record fields", title_is_headline=True, record=number, line=line)


# --- JSON ---------------------------------------------------------------------------------

def read_json(source: Source, options: Options):
    data = source.read_bytes(options.max_file_bytes)
    if not data.strip():
        raise IngestError("empty file")
    decoded = decode_bytes(data)
    text = decoded.text.lstrip("\ufeff")
    notes = encoding_notes(decoded)
    start = len(text) - len(text.lstrip())
    if text[start:start + 1] == "[":
        records = _array_elements(text, start)
    else:
        try:
            top = json.loads(text)
        except json.JSONDecodeError as exc:
            raise IngestError(f"invalid JSON: {exc.msg} (column {exc.colno})", exc.lineno) from None
        if isinstance(top, dict) and not any(field_of(k) == "text" for k in top):
            inner = next((top[k] for k in top if str(k).lower() in _LIST_KEYS and isinstance(top[k], list)), None)
            if inner is None:
                raise IngestError("JSON object has no text field and no list of articles "
                                  f"(its keys: {', '.join(map(str, list(top)[:8]))})", 1)
            records = ((n, 0, rec) for n, rec in enumerate(inner, 1))
        else:
            raw = record_article(top, source, options, 1, 1, single=True)
            raw.encoding, raw.notes = decoded.encoding, notes
            yield raw
            return
    count = 0
    for number, line, record in records:
        count += 1
        try:
            raw = record_article(record, source, options, number, line)
        except IngestError as exc:
            yield LoadProblem(source.display, exc.message, exc.line)
            continue
        raw.encoding, raw.notes = decoded.encoding, list(notes)
        yield raw
    if not count:
        raise IngestError("the JSON list is empty: no articles")


def _array_elements(text: str, start: int):
    """(record number, line, value) for each element of a top-level JSON array, parsed one
    element at a time so each record knows its line. A syntax error raises IngestError."""
    decoder = json.JSONDecoder()
    pos, line, counted, number = start + 1, 1, 0, 0
    n = len(text)

    def skip_ws(i):
        while i < n and text[i] in " \t\r\n":
            i += 1
        return i

    def fail(i, msg):
        err = json.JSONDecodeError(msg, text, i)
        raise IngestError(f"invalid JSON: {err.msg} (column {err.colno})", err.lineno)

    pos = skip_ws(pos)
    if pos < n and text[pos] == "]":
        return
    while True:
        pos = skip_ws(pos)
        if pos >= n:
            fail(pos, "unterminated list")
        line += text.count("\n", counted, pos)
        counted = pos
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise IngestError(f"invalid JSON: {exc.msg} (column {exc.colno})", exc.lineno) from None
        number += 1
        yield number, line, value
        pos = skip_ws(end)
        if pos < n and text[pos] == ",":
            pos += 1
            continue
        if pos < n and text[pos] == "]":
            if skip_ws(pos + 1) < n:
                fail(skip_ws(pos + 1), "extra data after the list")
            return
        fail(pos, "expected ',' or ']' after a list element")


# --- streamed formats ---------------------------------------------------------------------

class _Lines:
    """Decoded lines of a binary stream, each at most `limit` characters; longer lines are
    skipped (recorded in `too_long`) without being held in memory."""

    def __init__(self, handle, limit: int):
        sample = handle.read(SAMPLE)
        if not sample.strip():
            raise IngestError("empty file")
        reason = binary_reason(sample)
        if reason:
            raise IngestError(reason)
        self.codec = detect_encoding(sample, complete=len(sample) < SAMPLE)
        handle.seek(0)
        self.stream = io.TextIOWrapper(handle, encoding=self.codec, errors="replace", newline="")
        self.limit = limit
        self.number = 0
        self.too_long: list[tuple[int, int]] = []  # (line, characters)
        self.replaced: list[int] = []  # lines where undecodable bytes were replaced

    def __iter__(self):
        read = self.stream.readline
        limit = self.limit
        while True:
            line = read(limit)
            if not line:
                return
            self.number += 1
            if len(line) >= limit and not line.endswith(("\n", "\r")):
                size = len(line)
                while True:
                    more = read(limit)
                    size += len(more)
                    if not more or more.endswith(("\n", "\r")):
                        break
                self.too_long.append((self.number, size))
                yield "\n"
                continue
            if "\ufffd" in line:
                self.replaced.append(self.number)
            yield line


def _stream_notes(lines: _Lines) -> list[str]:
    name = display_name(lines.codec)
    if name in ("utf-8", "utf-8-sig", "ascii"):
        return []
    return [f"decoded as {name} (the file is not UTF-8)"]


def read_jsonl(source: Source, options: Options):
    with source.open_binary() as handle:
        lines = _Lines(handle, options.max_bytes)
        notes = _stream_notes(lines)
        count = 0
        for text in lines:
            number = lines.number
            if lines.too_long and lines.too_long[-1][0] == number:
                count += 1
                yield LoadProblem(source.display, f"line too large ({format_size(lines.too_long[-1][1])}"
                                  f" > {format_size(options.max_bytes)} limit); skipped", number)
                continue
            stripped = text.strip().lstrip("\ufeff")
            if not stripped:
                continue
            count += 1
            try:
                record = json.loads(stripped)
            except json.JSONDecodeError as exc:
                yield LoadProblem(source.display, f"invalid JSON: {exc.msg} (column {exc.colno})", number)
                continue
            try:
                raw = record_article(record, source, options, count, number)
            except IngestError as exc:
                yield LoadProblem(source.display, exc.message, exc.line)
                continue
            raw.encoding, raw.notes = display_name(lines.codec), list(notes)
            if lines.replaced and lines.replaced[-1] == number:
                raw.notes.append("undecodable bytes on this line were replaced by \ufffd")
            yield raw
        if not count:
            raise IngestError("no records: the file holds only blank lines")


def read_csv(source: Source, options: Options):
    limit = max(csv.field_size_limit(), options.max_bytes)
    csv.field_size_limit(limit)  # process-wide setting; only ever raised, never lowered
    with source.open_binary() as handle:
        lines = _Lines(handle, options.max_bytes)
        notes = _stream_notes(lines)
        iterator = iter(lines)
        first = next(iterator, "")
        header_line = lines.number
        delimiter = "\t" if source.fmt == "tsv" else sniff_delimiter(first)
        header = next(csv.reader([first], delimiter=delimiter), [])
        names = [h.strip().lstrip("\ufeff") for h in header]
        if not any(field_of(n) == "text" for n in names):
            raise IngestError(f"no text column in the header (columns: {', '.join(names) or 'none'})",
                              header_line)
        reader = csv.reader(iterator, delimiter=delimiter, strict=True)
        count = 0
        previous_end = lines.number
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                count += 1
                start = previous_end + 1
                previous_end = lines.number
                yield LoadProblem(source.display, describe_csv_error(exc), start)
                continue
            start = previous_end + 1
            previous_end = lines.number
            if lines.too_long and lines.too_long[-1][0] >= start:  # a line of this row was too long
                line, size = lines.too_long[-1]
                yield LoadProblem(source.display, f"line too large ({format_size(size)} > "
                                  f"{format_size(options.max_bytes)} limit); row skipped", line)
                continue
            if not row or all(not cell.strip() for cell in row):
                continue
            count += 1
            if len(row) != len(names):
                yield LoadProblem(source.display, f"malformed CSV row: {len(row)} fields, the header "
                                  f"has {len(names)}", start)
                continue
            try:
                raw = record_article(dict(zip(names, row)), source, options, count, start)
            except IngestError as exc:
                yield LoadProblem(source.display, exc.message, exc.line)
                continue
            raw.encoding, raw.notes = display_name(lines.codec), list(notes)
            if any(start <= n <= previous_end for n in lines.replaced[-3:]):
                raw.notes.append("undecodable bytes in this row were replaced by \ufffd")
            yield raw
        if not count:
            raise IngestError("no rows below the header")
