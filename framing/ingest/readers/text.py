"""Plain text files: one article per file, as pasted from a web page or a wire feed."""
from __future__ import annotations

from ..encoding import Decoded, decode_bytes
from ..errors import IngestError
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


def read_text(source: Source, options: Options):
    decoded = decode_article_bytes(source, options)
    yield RawArticle(text=decoded.text, source=source.display, key=source.stem, fmt="txt",
                     encoding=decoded.encoding, notes=encoding_notes(decoded))
