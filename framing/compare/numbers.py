"""Numbers as news writes them, with the range their wording allows.

"23", "1,200", "3.5 million", "twenty-three", "a dozen", "dozens", "hundreds of", "four-day",
"week-long", halves ("two and a half", "a week and a half", "half a day"), a single time unit ("a
year after", "a week later": one year, one week), and the qualifiers that widen them ("more than
200", "as many as 23", "nearly 50").
A figure is a range [low, high] so that "more than 200" and "200" do not clash while "12" and "15"
do. Word lists live in framing/data/compare/ (number_words, vague_numbers, qualifiers).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..model import Token
from .data import counted, fractions, number_words, qualifiers, vague_numbers

UNBOUNDED = -1.0
_DIGITS = re.compile(r"^[$\u00a3\u20ac]?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(%?)$")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass(frozen=True)
class NumberExpr:
    tok_start: int  # first token (qualifier included)
    tok_end: int  # one past the number's last token
    num_start: int  # first token of the number itself
    value: float
    low: float  # UNBOUNDED when open below
    high: float  # UNBOUNDED when open above
    qualifier: str
    unit: str = ""  # a unit the token itself carries: "four-day" -> "day", "10%" -> "%"
    currency: bool = False
    bare_year: bool = False  # a four-digit number that reads like a year


def _digit_value(text: str) -> tuple[float, str, bool] | None:
    m = _DIGITS.match(text)
    if not m:
        return None
    return float(m.group(1).replace(",", "")), m.group(2), text[0] in "$\u00a3\u20ac"


def words_value(parts: list[str]) -> float | None:
    """Value of spelled-out number words ("twenty", "three") or None when one is not a number."""
    table = number_words()
    total = current = 0.0
    seen = False
    for p in parts:
        if p == "and" and seen:
            continue
        if p == "a" and not seen:
            continue
        if p not in table:
            return None
        value, kind = table[p]
        seen = True
        if kind == "unit":
            current += value
        elif value == 100:
            current = (current or 1) * 100
        else:
            total += (current or 1) * value
            current = 0.0
    return total + current if seen else None


def _range(value: float, kind: str) -> tuple[float, float]:
    if kind in ("gt", "ge"):
        return value, UNBOUNDED
    if kind in ("le", "lt"):
        return UNBOUNDED, value
    if kind == "below":
        return round(value * 0.85, 6), value
    if kind == "approx":
        return round(value * 0.9, 6), round(value * 1.1, 6)
    return value, value


_FIRSTS: dict[int, frozenset[str]] = {}
_LASTS: dict[int, frozenset[str]] = {}


_HALF = ("and", "a", "half")
# words before "a week" that make it a rate or a multiple, not one week: "twice a week",
# "$100 a day", "three times a year", "once a month"
_RATE_BEFORE = {"once", "twice", "thrice", "times", "per", "%"}


def _time_unit(tok: Token, singular: bool = True) -> bool:
    """A time unit noun ("day", "week", "year": counted.tsv rows with days), in the singular
    unless `singular` is False."""
    entry = counted().get(tok.lemma.lower())
    return bool(entry and entry.days) and (not singular or tok.norm == tok.lemma.lower())


def _half_after(norms: list[str], end: int, tokens, lo: int) -> int:
    """Where "and a half" sits after a number: right after it ("two and a half"), or after the
    time unit it counts ("a week and a half", "two years and a half"); -1 when absent."""
    for k in (end, end + 1):
        if tuple(norms[k:k + 3]) == _HALF and (k == end or _time_unit(tokens[lo + end], False)):
            return k
    return -1


_NOT_SHARE_BEFORE = {"the", "first", "second", "third", "fourth", "last", "latter", "other"}
_SHARE_AFTER_POS = ("DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "PRP$", "CD")


def _fraction_at(norms: list[str], i: int, tokens, lo: int, shares: dict):
    """("half of voters", "a third of the states", "two-thirds majority") -> a share in percent,
    as a `found` tuple with the unit "%" and `vague_phrase` None (read as approximate), or None.
    Not "the first half", "the second quarter" (parts of a period), "half an hour" (a duration)."""
    m = _match_phrase(norms, i, shares)
    if m is None:
        return None
    key, length = m
    end = i + length
    if i > 0 and norms[i - 1] in _NOT_SHARE_BEFORE:
        return None
    if end >= len(norms) or not (norms[end] == "of" or tokens[lo + end].pos in _SHARE_AFTER_POS):
        return None
    if norms[end] in ("a", "an") and end + 1 < len(norms) and _time_unit(tokens[lo + end + 1]):
        return None  # "half a day": one unit's half, read by the time-unit rule
    return (length, shares[key], None, None, "%", False, None)


# scale letters written onto a number: "$1.5bn", "£2m", "164K jobs". "m" and "b" only after a
# currency sign ("a 100m sprint" is metres); "bn", "tn" and "k" after any number.
_SCALE_ANY = {"bn": 1e9, "tn": 1e12, "k": 1e3}
_SCALE_MONEY = {"m": 1e6, "mn": 1e6, "b": 1e9, "t": 1e12}


def _one_in(norms: list[str], end: int, tokens, lo: int, value: float):
    """"1 in 4 adults", "one in five voters": (where the phrase ends, the share in percent), or
    None. Read as round, like "a third". The second number must be larger and at most 1,000."""
    if end + 1 >= len(norms) or norms[end] != "in" or not value:
        return None
    dv = _digit_value(tokens[lo + end + 1].text)
    whole = dv[0] if dv and not dv[1] and not dv[2] else words_value([norms[end + 1]])
    if not whole or whole <= value or whole > 1000:
        return None
    return end + 2, round(100.0 * value / whole, 4)


def _firsts(key: int, table: dict) -> frozenset[str]:
    if key not in _FIRSTS:
        _FIRSTS[key] = frozenset(k[0] for k in table)
    return _FIRSTS[key]


def _lasts(key: int, table: dict) -> frozenset[str]:
    if key not in _LASTS:
        _LASTS[key] = frozenset(k[-1] for k in table)
    return _LASTS[key]


def _match_phrase(norms: list[str], i: int, table: dict) -> tuple[tuple[str, ...], int] | None:
    """Longest key of `table` (tuples of words) starting at norms[i]."""
    if norms[i] not in _firsts(id(table), table):
        return None
    best = None
    for key in table:
        n = len(key)
        if tuple(norms[i:i + n]) == key and (best is None or n > len(best)):
            best = key
    return (best, len(best)) if best else None


def _qualifier_before(norms: list[str], start: int, lo: int) -> tuple[str, int]:
    """The qualifier phrase ending right before `start`, and its first token index."""
    best = ("", start)
    table = qualifiers()
    if start == lo or norms[start - 1] not in _lasts(id(table), table):
        return best
    for key in table:
        n = len(key)
        if start - n >= lo and tuple(norms[start - n:start]) == key and n > len(best[0].split()):
            best = (" ".join(key), start - n)
    return best


def find_numbers(tokens: tuple[Token, ...], lo: int, hi: int, skip: set[int]) -> list[NumberExpr]:
    """Number expressions among tokens[lo:hi], leaving out the token indices in `skip` (dates)."""
    norms = [t.norm for t in tokens[lo:hi]]
    out: list[NumberExpr] = []
    vague = vague_numbers()
    table = number_words()
    shares = fractions()
    # where an expression may start: a digit or a currency sign first, a number word, the first
    # word of a vague number or a fraction, a hyphenated word, "an"; not a token in `skip`
    starts = _starts()
    at = [i for i, w in enumerate(norms) if (w in starts or "-" in w or w[:1] in _LEADS or
                                            w[:1].isdigit()) and lo + i not in skip]
    n = len(norms)
    at.append(n)
    i = at[0]
    while i < n:
        k = lo + i
        # (length in tokens, value, low, high, unit, currency, vague_phrase)
        found = _fraction_at(norms, i, tokens, lo, shares)
        m = _match_phrase(norms, i, vague) if found is None else None
        if m:
            key, length = m
            v, low, high = vague[key]
            found = (length, v, low, high, "", False, " ".join(key))
        if found is None:
            dv = _digit_value(tokens[k].text)
            if dv is not None:
                value, pct, cur = dv
                length = 1
                if i + 1 < n and norms[i + 1] in table and table[norms[i + 1]][1] == "multiplier":
                    value *= table[norms[i + 1]][0]
                    length = 2
                elif (i + 1 < n and not pct and tokens[k + 1].start == tokens[k].end
                      and (norms[i + 1] in _SCALE_ANY or (cur and norms[i + 1] in _SCALE_MONEY))):
                    value *= (_SCALE_ANY.get(norms[i + 1]) or _SCALE_MONEY[norms[i + 1]])
                    length = 2  # "$1.5bn", "£2m", "164K": a scale written onto the number
                elif i + 2 < n and norms[i + 1] == "per" and norms[i + 2] == "cent" and not cur:
                    pct, length = "%", 3  # "45 per cent"
                found = (length, value, None, None, "%" if pct else "", cur, "")
        if (found is None and norms[i] in ("a", "an") and i + 1 < n and _time_unit(tokens[k + 1])
                and not (i > 0 and (norms[i - 1] in _RATE_BEFORE or norms[i - 1] in table
                                    or norms[i - 1][:1] in "0123456789$\u00a3\u20ac"))):
            # "a year after", "a week later", "half a day": one time unit (not "twice a week")
            half = i > 0 and norms[i - 1] == "half"
            found = (2 + half, 0.5 if half else 1.0, None, None, tokens[k + 1].lemma.lower(), False, "")
            i -= half
        if found is None:
            word = norms[i]
            parts = word.split("-")
            if word in table or (len(parts) > 1 and all(p in table for p in parts)):
                j = i
                seq: list[str] = []
                while j < n and (lo + j) not in skip:
                    w = norms[j]
                    ps = w.split("-")
                    if w in table or (len(ps) > 1 and all(p in table for p in ps)):
                        seq.extend(ps)
                        j += 1
                    elif w == "and" and seq and j + 1 < n and norms[j + 1] in table:
                        j += 1
                    else:
                        break
                value = words_value(seq)
                if value is not None:
                    found = (j - i, value, None, None, "", False, "")
            elif len(parts) > 1:
                # "four-day", "23-member", "week-long", "two-year-old"
                rest = [p for p in parts if p not in ("long", "old")]
                if len(rest) >= 2:
                    num_parts, unit = rest[:-1], rest[-1]
                    dv = _digit_value(num_parts[0]) if len(num_parts) == 1 else None
                    value = dv[0] if dv else words_value(num_parts)
                    upper = _digit_value(unit) if dv and unit.isdigit() else None
                    if (upper is not None and value < upper[0] < 1800 and i + 1 < n
                            and tokens[k + 1].pos == "NNS"):
                        # "20-30 people": a range of a count, not a vote or a score ("a 7-2
                        # decision", "leads 49-42": the winner's figure first)
                        found = (1, value, value, upper[0], "", False, "range")
                    elif value is not None:
                        found = (1, value, None, None, unit, False, "")
                elif len(rest) == 1 and parts[-1] == "long" and rest[0] in ("day", "week", "month", "year", "hour"):
                    found = (1, 1.0, None, None, rest[0], False, "")
        if found is None:
            i = at[bisect_right(at, i)]
            continue
        if found[4] == "" and not found[5] and found[6] == "":
            share = _one_in(norms, i + found[0], tokens, lo, found[1])
            if share is not None:
                found = (share[0] - i, share[1], None, None, "%", False, None)
        length, value, low, high, unit, cur, vague_phrase = found
        start = i
        half = _half_after(norms, start + length, tokens, lo) if not vague_phrase else -1
        if half >= 0:
            value += 0.5  # "two and a half", "a week and a half"
            if half == start + length:
                length += 3
        qual, qstart = _qualifier_before(norms, start, 0)
        if vague_phrase:
            qualifier = vague_phrase if not qual else f"{qual} {vague_phrase}"
        else:
            qualifier = qual
            kind = qualifiers().get(tuple(qual.split()), "") if qual else ""
            # a fraction in words is a round share: "half of voters" fits "48 percent"
            low, high = _range(value, kind or ("approx" if vague_phrase is None else ""))
        end = start + length
        # ranges: "between 20 and 30", "20 to 30"
        if (end + 1 < n and norms[end] in ("to", "and", "-") and _digit_value(tokens[lo + end + 1].text)
                and (norms[end] != "and" or (start > 0 and norms[start - 1] == "between"))):
            upper = _digit_value(tokens[lo + end + 1].text)[0]
            if upper > value:
                low, high = value, upper
                qualifier = (qualifier + " range").strip()
                end += 2
        bare_year = bool(_YEAR.match(tokens[k].text)) and length == 1 and not qual
        out.append(NumberExpr(lo + (qstart if qual else start), lo + end, lo + start, float(value),
                              float(low), float(high), qualifier, unit, cur, bare_year))
        i = at[bisect_left(at, end)]
    return out


_LEADS = frozenset(("", "$", "\u00a3", "\u20ac"))  # "" as `"" in "$..."` was: an empty norm


@lru_cache(maxsize=1)
def _starts() -> frozenset[str]:
    """The words an expression may start with: a number word, the first word of a vague number or
    a fraction, "an"."""
    return frozenset(number_words()) | _firsts(id(vague_numbers()), vague_numbers()) | \
        _firsts(id(fractions()), fractions()) | {"an"}
