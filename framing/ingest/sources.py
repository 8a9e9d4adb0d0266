"""Turning the paths a user gives (folders, files, "-") into Sources, in a deterministic order.

A folder contributes its article files sorted by name; hidden files, the manifest and
documentation files (README, LICENSE...) are ignored; files of other types and sub-folders are
skipped with a warning. An empty result for a folder is a problem of its own.
"""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Iterator

from ..model import LoadProblem
from .errors import IngestError, too_large
from .manifest import MANIFEST_NAMES
from .raw import Options, Source
from .readers import EXTENSIONS

_DOCS = ("readme", "license", "licence", "changelog", "notice", "copying", "authors", "contributing")


def format_of(path: Path) -> tuple[str | None, bool]:
    """(format, gzip-compressed) from a file name; format None when the type is not an article's."""
    name = path.name.lower()
    compressed = name.endswith(".gz")
    if compressed:
        name = name[:-3]
    ext = name.rsplit(".", 1)[-1] if "." in name else ""
    return EXTENSIONS.get(ext), compressed


def expand_paths(paths, options: Options, *, stdin: BinaryIO | None = None, recursive: bool = False,
                 skip: tuple[Path, ...] = ()) -> Iterator[Source | LoadProblem]:
    skip_resolved = {p.resolve() for p in skip}
    stdin_used = False
    for arg in paths:
        text = str(arg)
        if text == "-":
            if stdin_used:
                yield LoadProblem("<stdin>", "standard input given twice; read once", fatal=False)
                continue
            stdin_used = True
            try:
                yield _stdin_source(stdin, options)
            except IngestError as exc:
                yield LoadProblem("<stdin>", exc.message, exc.line)
            continue
        path = Path(arg)
        if not path.exists():
            yield LoadProblem(text, "no such file or folder")
        elif path.is_dir():
            yield from _folder(path, text, recursive, skip_resolved)
        else:
            fmt, compressed = format_of(path)
            if fmt is None:
                yield LoadProblem(text, f"unknown file type {path.suffix or '(no extension)'!r}; "
                                  "read as plain text", fatal=False)
                fmt = "txt"
            yield Source(display=text, fmt=fmt, path=path, compressed=compressed)


def _folder(folder: Path, display: str, recursive: bool, skip: set[Path]):
    found = 0
    try:
        children = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield LoadProblem(display, f"cannot list the folder: {exc.strerror or exc}")
        return
    for child in children:
        shown = str(Path(display) / child.name)
        name = child.name
        if name.startswith(".") or name.startswith("~") or name.lower() in MANIFEST_NAMES:
            continue
        if child.resolve() in skip:
            continue
        if child.is_dir():
            if recursive:
                for item in _folder(child, shown, recursive, skip):
                    if isinstance(item, Source):
                        found += 1
                    yield item
            else:
                yield LoadProblem(shown, "sub-folder skipped (folders are not read recursively)",
                                  fatal=False)
            continue
        fmt, compressed = format_of(child)
        if fmt is None:
            yield LoadProblem(shown, f"skipped: {child.suffix or 'no extension'} is not an article "
                              "file type (.txt .md .html .json .jsonl .csv)", fatal=False)
            continue
        if Path(name.lower()).stem in _DOCS:
            yield LoadProblem(shown, "skipped: looks like documentation, not an article", fatal=False)
            continue
        found += 1
        yield Source(display=shown, fmt=fmt, path=child, compressed=compressed)
    if not found:
        yield LoadProblem(display, "no articles in this folder (looked for .txt .md .html .json .jsonl "
                          ".csv files)")


def _stdin_source(stdin: BinaryIO | None, options: Options) -> Source:
    if stdin is None:
        import sys

        stdin = sys.stdin.buffer
    data = stdin.read(options.max_file_bytes + 1)
    if len(data) > options.max_file_bytes:
        raise too_large("input", len(data), options.max_file_bytes)
    if not data.strip():
        raise IngestError("empty input")
    return Source(display="<stdin>", fmt=sniff_format(data), data=data)


def sniff_format(data: bytes) -> str:
    """The format of unnamed input (stdin) from its first bytes."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    lower = head.lower()
    if lower.startswith(b"<") and any(tag in lower for tag in (b"<html", b"<!doctype html", b"<body",
                                                                 b"<article", b"<p>", b"<div")):
        return "html"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        lines = [ln for ln in data.splitlines() if ln.strip()]
        if len(lines) > 1 and all(ln.lstrip().startswith(b"{") for ln in lines[:3]) and \
                lines[0].rstrip().endswith(b"}"):
            return "jsonl"
        return "json"
    if head.startswith((b"---\n", b"---\r\n", b"+++\n", b"+++\r\n")):
        return "md"
    return "txt"
