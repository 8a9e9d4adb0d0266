"""From bytes to text: refuse binary files, honour byte-order marks, detect legacy encodings.

Most news text is UTF-8; pages saved from old sites or exported from spreadsheets are often
Windows-1252 or Latin-1, and Notepad writes UTF-16 with a BOM. UTF-8 is tried first (it almost never
decodes text that is not UTF-8), then the encoding an HTML page declares, then charset-normalizer's
guess. Bytes that fit no encoding are an error, not silently replaced.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .errors import IngestError

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (  # formats people drop into a story folder by mistake
    (b"%PDF", "a PDF document; convert it to text first"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx file); convert it to text first"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document; convert it to text first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed; name it .gz (e.g. articles.jsonl.gz) or decompress it"),
    (b"\x7fELF", "a program"),
    (b"Rar!", "a RAR archive"),
)
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x0b\x1b")
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
SAMPLE = 65536


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec used, e.g. "utf-8", "utf-8-sig", "windows-1252"
    replaced: int = 0  # characters that could not be decoded and were replaced by U+FFFD


def binary_reason(sample: bytes) -> str | None:
    """Why these leading bytes are not text, or None when they look like text."""
    if not sample:
        return None
    for magic, what in _MAGIC:
        if sample.startswith(magic):
            return f"not a text file: {what}"
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return None
    nul = sample.count(0)
    if nul:
        if _utf16_without_bom(sample):
            return None
        return f"not a text file: binary data ({nul} NUL bytes in the first {len(sample)} bytes)"
    control = sum(sample.count(c) for c in _CONTROL)
    if control > max(8, len(sample) // 20):
        return f"not a text file: binary data ({control} control bytes in the first {len(sample)} bytes)"
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit in every other position of mostly-ASCII text."""
    even, odd = sample[0::2], sample[1::2]
    if len(sample) >= 4:
        if odd.count(0) > 0.8 * len(odd) and even.count(0) < 0.1 * len(even):
            return "utf-16-le"
        if even.count(0) > 0.8 * len(even) and odd.count(0) < 0.1 * len(odd):
            return "utf-16-be"
    return None


def detect_encoding(sample: bytes, *, html: bool = False, complete: bool = True) -> str:
    """The codec to read these bytes with. `complete` is False when `sample` is only the start of
    a longer stream (a multi-byte character may be cut at its end)."""
    for bom, codec in _BOMS:
        if sample.startswith(bom):
            return codec
    utf16 = _utf16_without_bom(sample) if 0 in sample[:4096] else None
    if utf16:
        return utf16
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if html:
        m = _DECLARED.search(sample[:8192])
        if m:
            declared = _codec_name(m.group(1).decode("ascii", "replace"))
            if declared and declared != "utf-8" and _decodes(sample, declared, complete):
                return declared
    from charset_normalizer import from_bytes

    best = from_bytes(sample[:SAMPLE * 4]).best()
    if best is None or not _decodes(sample, best.encoding, complete):
        raise IngestError("cannot decode the text: not UTF-8, and no known text encoding fits the bytes")
    codec = _codec_name(best.encoding) or best.encoding
    # On short texts the detector cannot tell Western from Central European code pages apart:
    # of the two, keep the one whose reading has fewer stray symbols inside the text ("³", "¹",
    # "¿" amid letters); on a tie, Windows-1252, which English news saved by Windows is in.
    if codec in _LATIN_SINGLE_BYTE and codec != "cp1252" and _decodes(sample, "cp1252", complete):
        if _oddness(sample, "cp1252") <= _oddness(sample, codec):
            return "cp1252"
    return codec


_LATIN_SINGLE_BYTE = {"cp1250", "cp1252", "cp1254", "cp1257", "iso8859-2", "iso8859-3", "iso8859-4",
                      "iso8859-9", "iso8859-10", "iso8859-13", "iso8859-15", "iso8859-16", "mac-roman",
                      "mac-latin2", "mac-iceland", "cp775", "cp850", "cp852", "cp437", "cp858"}


def _oddness(data: bytes, codec: str) -> int:
    """How many non-ASCII characters of this reading are unlikely in running text."""
    import unicodedata

    text = data.decode(codec, errors="replace")
    odd = 0
    for i, c in enumerate(text):
        if c.isascii():
            continue
        cat = unicodedata.category(c)
        if cat in ("No", "Cc", "Co", "Cn", "So", "Sm", "Sk") or c == "\ufffd":
            odd += 1
        elif c in "\u00bf\u00a1" and i and text[i - 1].isalnum():
            odd += 1
    return odd


def _codec_name(name: str) -> str | None:
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # HTML5: a page that says latin-1/iso-8859-1 is to be read as windows-1252 (its superset).
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def _decodes(data: bytes, codec: str, complete: bool) -> bool:
    try:
        codecs.getincrementaldecoder(codec)().decode(data, final=complete)
        return True
    except (UnicodeDecodeError, LookupError):
        return False


def decode_bytes(data: bytes, *, html: bool = False) -> Decoded:
    """Decode a whole file's bytes; raises IngestError for binary or undecodable input."""
    reason = binary_reason(data[:SAMPLE])
    if reason:
        raise IngestError(reason)
    codec = detect_encoding(data, html=html)
    text = data.decode(codec, errors="replace")
    return Decoded(text, _display(codec), text.count("\ufffd"))


def _display(codec: str) -> str:
    return {"cp1252": "windows-1252", "utf_8": "utf-8"}.get(codec, codec.replace("_", "-"))


def display_name(codec: str) -> str:
    """The name the output shows for a codec ('cp1252' -> 'windows-1252')."""
    return _display(codec)
