"""Plain text files: one article per file, as pasted from a web page or a wire feed, optionally
opening with a header block (`Title: ...`, `Source: ...`, `Date: ...`, a blank line) or with front
matter between `---` lines, which fill the article's title, outlet, date and url."""
from __future__ import annotations

from ...model import LoadProblem
from ..encoding import Decoded, decode_bytes
from ..errors import IngestError
from ..fields import map_record
from ..frontmatter import split_front_matter, split_header_block
from ..raw import Options, RawArticle, Source


def decode_article_bytes(source: Source, options: Options, *, html: bool = False) -> Decoded:
    """Read and decode one single-article file, with the checks every such format shares."""
    data = source.read_bytes(options.max_bytes)
    if not data:
        raise IngestError("empty file")
    decoded = decode_bytes(data, html=html)
    if not decoded.text.strip():
        raise IngestError("empty file (only white space)")
    return decoded


def encoding_notes(decoded: Decoded) -> list[str]:
    if decoded.encoding in ("utf-8", "utf-8-sig", "ascii"):
        return []
    return [f"decoded as {decoded.encoding} (the file is not UTF-8)"]


def unix_lines(decoded: Decoded) -> str:
    """The decoded text with "\n" line ends and no byte-order mark, as front matter is read."""
    return decoded.text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def front_meta(values: dict) -> dict:
    """The article fields front matter or header lines give (framing.ingest.fields), empty ones
    and the text left out."""
    return {k: v for k, v in map_record(values).items() if k != "text" and v not in (None, "")}


def front_key(meta: dict, stem: str) -> str:
    """The article's id: the `id` the metadata gives (taken out of `meta`), else the file stem."""
    return str(meta.pop("id", "") or "").strip() or stem


def read_text(source: Source, options: Options):
    decoded = decode_article_bytes(source, options)
    text = unix_lines(decoded)
    front, meta_from = split_front_matter(text), "front matter"
    if not front.values and not front.warnings:
        front, meta_from = split_header_block(text), "header lines"
    meta = front_meta(front.values)
    if not meta:  # a text with no header (a `---` line that opens no front matter included)
        yield RawArticle(text=decoded.text, source=source.display, key=source.stem, fmt="txt",
                         encoding=decoded.encoding, notes=encoding_notes(decoded))
        return
    for line, message in front.warnings:
        yield LoadProblem(source.display, message, line, fatal=False)
    key = front_key(meta, source.stem)
    yield RawArticle(text=front.body, source=source.display, key=key, fmt="txt",
                     first_line=front.body_line, meta=meta, meta_from=meta_from,
                     title_is_headline=True, encoding=decoded.encoding,
                     notes=encoding_notes(decoded))
