"""Dates: ISO dates from metadata values, and timestamp lines ("Monday, 17 November 2025 10:41 AM").

A line counts as a timestamp only when nothing but a date, a weekday, a time, a time zone and a label
("Published:", "Updated on") is on it, so a sentence that mentions a date is never taken for one.
Numeric dates like 03/04/2025 are read only when unambiguous (one part above 12); otherwise the
date is left empty and the note says why. Month and weekday names live in framing/data/dates.tsv.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .datafiles import data_path, read_tsv


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, int]]:
    kinds: dict[str, dict[str, int]] = {"month": {}, "weekday": {}, "prefix": {}, "tz": {}}
    path = data_path("dates.tsv")
    for number, row in read_tsv(path, ("kind", "word", "value")):
        kind, word = row["kind"].lower(), row["word"].lower()
        if kind not in kinds or not word:
            raise ValueError(f"{path}:{number}: unknown kind {row['kind']!r} or empty word")
        kinds[kind][word] = int(row["value"]) if row["value"] else 0
    return kinds


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns():
    w = _words()
    months = _alt(w["month"])

    def month(n):
        return rf"(?P<m{n}>{months})\.?"

    def day(n):
        return rf"(?P<d{n}>\d{{1,2}})(?:st|nd|rd|th)?"

    def year(n):
        return rf"(?P<y{n}>(?:19|20)\d\d)"

    forms = [
        rf"{day(1)}\s+(?:of\s+)?{month(1)},?\s+{year(1)}",  # 17 November 2025
        rf"{month(2)}\s+{day(2)}(?:st|nd|rd|th)?,?\s+{year(2)}",  # November 17, 2025
        r"(?P<iy>(?:19|20)\d\d)-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?",
        r"(?P<na>\d{1,2})[/.](?P<nb>\d{1,2})[/.](?P<ny>(?:19|20)?\d\d)\b",  # 17/11/2025, 11/17/25
    ]
    date = re.compile("|".join(f"(?:{f})" for f in forms), re.I)
    time = r"\d{1,2}(?:[:.]\d\d){1,2}\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?"
    zone = rf"(?:{_alt(w['tz'])})|(?:gmt|utc)?\s*[+-]\d{{1,2}}(?::?\d\d)?|\((?:{_alt(w['tz'])})\)"
    labels = rf"\b(?:{_alt(w['prefix'])}|{_alt(w['weekday'])})\b\.?"
    separators = r"[\s,:;|/()\[\]\u2022\u00b7\u2014\u2013-]+"
    filler = re.compile(rf"{labels}|{time}|\b(?:{zone})\b|{separators}", re.I)
    return date, filler


def _ymd(m: re.Match) -> tuple[int, int, int] | None:
    g = m.groupdict()
    for n in "12":
        if g.get("y" + n):
            return int(g["y" + n]), _words()["month"][g["m" + n].lower()], int(g["d" + n])
    if g.get("iy"):
        return int(g["iy"]), int(g["im"]), int(g["id"])
    a, b, y = int(g["na"]), int(g["nb"]), int(g["ny"])
    if len(g["ny"]) == 2:
        y += 2000 if y < 70 else 1900  # 12/22/16: the '16 of news archives
    if a > 12 >= b:
        return y, b, a  # day/month/year
    if b > 12 >= a:
        return y, a, b  # month/day/year
    if a == b:
        return y, a, b
    return None  # 03/04/2025: March 4 or 3 April? say so rather than guess


def _iso(ymd) -> str | None:
    try:
        return dt.date(*ymd).isoformat()
    except (TypeError, ValueError):
        return None


def to_iso(value) -> str | None:
    """An ISO date (YYYY-MM-DD) from a metadata value, or None when none can be read for sure."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    date, _ = _patterns()
    m = date.search(value.strip())
    return _iso(_ymd(m)) if m else None


def timestamp_line(line: str) -> str | None:
    """The ISO date when `line` is only a date/time stamp, else None.

    Returns "" for a stamp whose date cannot be read for sure (03/04/2025).
    """
    if len(line) > 80 or not any(c.isdigit() for c in line):
        return None
    date, filler = _patterns()
    m = date.search(line)
    if not m:
        return None
    rest = filler.sub("", line[:m.start()] + " " + line[m.end():])
    if rest:
        return None
    return _iso(_ymd(m)) or ""
