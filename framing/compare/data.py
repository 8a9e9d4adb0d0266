"""The word lists of framing/data/compare/, read once and cached.

Kept in files so a teacher or researcher can extend them (another language's month names, a new
kind of counted noun) without touching code. A malformed row fails loudly with file and line.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as _res


class DataFileError(ValueError):
    """A row of a compare data file that cannot be read."""


def _lines(name: str) -> list[tuple[int, str]]:
    text = _res.files("framing.data").joinpath("compare", name).read_text(encoding="utf-8")
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            out.append((number, line.rstrip("\r\n")))
    return out


def _table(name: str, columns: int) -> list[list[str]]:
    """Rows of a TSV file after its header, padded to `columns` cells."""
    rows = _lines(name)[1:]
    out = []
    for number, line in rows:
        cells = [c.strip() for c in line.split("\t")]
        if not cells[0]:
            raise DataFileError(f"{name}:{number}: empty first column")
        if len(cells) > columns:
            raise DataFileError(f"{name}:{number}: {len(cells)} columns, expected at most {columns}")
        out.append(cells + [""] * (columns - len(cells)))
    return out


def _number(name: str, value: str, row: list[str]) -> float:
    try:
        return float(value)
    except ValueError:
        raise DataFileError(f"{name}: not a number {value!r} in row {row!r}") from None


@dataclass(frozen=True)
class Counted:
    cls: str
    days: float  # 0.0 when not a time unit
    outcome: str


@dataclass(frozen=True)
class EventWord:
    event: str
    pos: str  # "n" | "v" | "*"
    repeatable: bool


@lru_cache(maxsize=None)
def months() -> dict[str, int]:
    return {r[0]: int(_number("months.tsv", r[1], r)) for r in _table("months.tsv", 2)}


@lru_cache(maxsize=None)
def weekdays() -> dict[str, int]:
    return {r[0]: int(_number("weekdays.tsv", r[1], r)) for r in _table("weekdays.tsv", 2)}


@lru_cache(maxsize=None)
def relative_days() -> dict[tuple[str, ...], int]:
    return {tuple(r[0].split()): int(_number("relative_days.tsv", r[1], r))
            for r in _table("relative_days.tsv", 2)}


@lru_cache(maxsize=None)
def number_words() -> dict[str, tuple[float, str]]:
    out = {}
    for r in _table("number_words.tsv", 3):
        if r[2] not in ("unit", "multiplier"):
            raise DataFileError(f"number_words.tsv: kind must be unit or multiplier: {r!r}")
        out[r[0]] = (_number("number_words.tsv", r[1], r), r[2])
    return out


@lru_cache(maxsize=None)
def vague_numbers() -> dict[tuple[str, ...], tuple[float, float, float]]:
    return {tuple(r[0].split()): tuple(_number("vague_numbers.tsv", v, r) for v in r[1:4])
            for r in _table("vague_numbers.tsv", 4)}


@lru_cache(maxsize=None)
def fractions() -> dict[tuple[str, ...], float]:
    return {tuple(r[0].split()): _number("fractions.tsv", r[1], r) for r in _table("fractions.tsv", 2)}


_QUALIFIER_KINDS = {"gt", "ge", "le", "lt", "below", "approx"}


@lru_cache(maxsize=None)
def qualifiers() -> dict[tuple[str, ...], str]:
    out = {}
    for r in _table("qualifiers.tsv", 2):
        if r[1] not in _QUALIFIER_KINDS:
            raise DataFileError(f"qualifiers.tsv: unknown kind {r[1]!r} for {r[0]!r}")
        out[tuple(r[0].split())] = r[1]
    return out


@lru_cache(maxsize=None)
def ordinals() -> dict[str, int]:
    return {r[0]: int(_number("ordinals.tsv", r[1], r)) for r in _table("ordinals.tsv", 2)}


@lru_cache(maxsize=None)
def counted() -> dict[str, Counted]:
    out = {}
    for r in _table("counted.tsv", 4):
        days = _number("counted.tsv", r[2], r) if r[2] else 0.0
        out[r[0]] = Counted(r[1], days, r[3])
    return out


@lru_cache(maxsize=None)
def outcomes() -> dict[str, str]:
    return {r[0]: r[1] for r in _table("outcomes.tsv", 2)}


@lru_cache(maxsize=None)
def events() -> dict[tuple[str, ...], EventWord]:
    out = {}
    for r in _table("events.tsv", 4):
        if r[1] not in ("n", "v", "*"):
            raise DataFileError(f"events.tsv: pos must be n, v or *: {r!r}")
        out[tuple(r[0].split())] = EventWord(r[2], r[1], r[3] == "1")
    return out


@lru_cache(maxsize=None)
def phases() -> dict[str, str]:
    return {r[0]: r[1] for r in _table("phases.tsv", 2) if " " not in r[0]}


@lru_cache(maxsize=None)
def reporting_verbs() -> frozenset[str]:
    return frozenset(line.strip() for _, line in _lines("reporting_verbs.txt"))


@lru_cache(maxsize=None)
def measure_nouns() -> frozenset[str]:
    return frozenset(line.strip() for _, line in _lines("measure_nouns.txt"))


@lru_cache(maxsize=None)
def clause_connectives() -> frozenset[str]:
    return frozenset(line.strip() for _, line in _lines("clause_connectives.txt"))


@lru_cache(maxsize=None)
def stop_words() -> frozenset[str]:
    """English function words (scikit-learn's list, read from framing/data) plus clitics."""
    from ..text.stopwords import english_stop_words

    return english_stop_words() | {"'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "s"}
