"""Unicode and white-space normalisation that keeps every line where it was.

What changes: line endings become "\\n"; text is NFC-composed (so "e" + combining accent and "é"
match); non-breaking and other odd spaces become plain spaces, tabs too; invisible characters
(zero-width spaces, soft hyphens, direction marks, a stray BOM) and control characters are dropped;
runs of spaces collapse and lines are trimmed. What does not change: quotes, apostrophes, dashes
and ellipses stay as they were (curly quotes tell a quotation from a scare quote), and no line is
added or removed, so line numbers still point into the source file.
"""
from __future__ import annotations

import re
import unicodedata

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_INVISIBLE = ("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
              "\u2066\u2067\u2068\u2069\u180e")
_LINE_BREAKS = "\u2028\u2029\u0085\x0b\x0c"
_CONTROLS = "".join(chr(c) for c in list(range(0, 9)) + list(range(14, 32)) + list(range(127, 160))
                    if chr(c) not in _LINE_BREAKS)

_REPLACEMENT = {**{c: " " for c in _SPACES}, **{c: "\n" for c in _LINE_BREAKS},
                **{c: "" for c in _INVISIBLE + _CONTROLS}}
# One regex pass finds the few odd characters; str.translate would look up every character.
_ODD = re.compile("[" + re.escape("".join(_REPLACEMENT)) + "]")


def _replace_odd(text: str) -> str:
    return _ODD.sub(lambda m: _REPLACEMENT[m.group(0)], text)
# Typical UTF-8-read-as-Windows-1252 sequences ("Iranâ€™s", "Ã©").
_MOJIBAKE = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                       "\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022"
                       "\u2026\u2030\u2039\u203a\u20ac\u2122]")

_CONT = ("[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
         "\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
_RUN = re.compile("[\u00c2-\u00f4]" + _CONT + "{1,3}")


def normalize_text(text: str) -> tuple[str, list[str]]:
    """Return the normalised text (same number of lines, barring Unicode line separators) and notes
    on anything a reader should know (repaired mojibake, replacement characters)."""
    notes: list[str] = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        repaired = repair_mojibake(text)
        if repaired is not None:
            text = repaired
            notes.append("repaired UTF-8 text that had been decoded as Windows-1252 (mojibake)")
    text = _replace_odd(text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        bad = text.count("\ufffd")
        if bad:
            notes.append(f"{bad} undecodable character(s) shown as \ufffd")
    return "\n".join(" ".join(line.split()) if "  " in line else line.strip()
                     for line in text.split("\n")), notes


def _cp1252_byte(char: str) -> int:
    try:
        return char.encode("cp1252")[0]
    except UnicodeEncodeError:
        return ord(char)  # C1 controls that Windows-1252 leaves undefined pass through as Latin-1


def _repair_run(match: re.Match) -> str:
    run = match.group(0)
    try:
        return bytes(_cp1252_byte(c) for c in run).decode("utf-8")
    except (UnicodeDecodeError, ValueError):
        return run


def repair_mojibake(text: str) -> str | None:
    """The text with UTF-8-read-as-Windows-1252 sequences re-decoded ("Iranâ€™s" -> "Iran’s"),
    when there are at least two of them (one could be a real "Ã©"); else None."""
    if len(_MOJIBAKE.findall(text)) < 2:
        return None
    fixed = _RUN.sub(_repair_run, text)
    return fixed if fixed != text else None


_NOT_ALNUM = re.compile(r"[\W_]+")


def match_key(text: str) -> str:
    """A loose key for comparing lines and titles: case-folded letters and digits only
    (accents dropped), so "Iran’s Offer" and "IRANS OFFER" compare equal."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKD", text.casefold()))
