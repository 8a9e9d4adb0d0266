"""`float("%.6g" % x)` for a whole array at once, bit for bit.

Explanations show each feature's value and weight rounded to six significant digits. Formatting
and parsing a string costs about 0.7 microseconds a number, two numbers per explained feature,
ten features per sentence: a tenth of the classify stage. Here the same numbers come from numpy:

- the digits: m = rint(x * 10**d) with d = 5 - floor(log10|x|). The product is off the exact one
  by at most one rounding (|x * 10**d| < 10**6, so by less than 2e-10), so rint gives the
  correctly rounded m unless the product lies within 1e-9 of a half;
- the value: m / 10**d is one correctly rounded division of two exactly represented numbers, so it
  is the double nearest to m * 10**-d, which is exactly what float() makes of the string.

Whole numbers below a million (word counts, lexicon counts) are their own result. Every other
number where that argument does not hold (a product near a half, |x| near a power of ten
where floor(log10) may be off by one, zeros, |x| outside 1e-15 .. 1e15, not finite) goes through
the string, so the result never differs (tests compare on a million numbers and the edge cases).
"""
from __future__ import annotations

import numpy as np


def _slow(x: float) -> float:
    return float("%.6g" % x)


def round6(x) -> list[float]:
    """[float("%.6g" % v) for v in x], as a list of Python floats."""
    x = np.asarray(x, dtype=np.float64)
    if not len(x):
        return []
    a = np.abs(x)
    ok = np.isfinite(x) & (a >= 1e-15) & (a <= 1e15)
    safe = np.where(ok, a, 1.0)
    x_ok = np.where(ok, x, 1.0)  # the others are done by the string; keep numpy quiet about them
    e = np.floor(np.log10(safe))
    ratio = safe / 10.0 ** e  # in [1, 10) when e is right; near its ends e may be off by one
    ok &= (ratio > 1.000001) & (ratio < 9.99999)
    d = 5.0 - e
    up = d >= 0
    scale = 10.0 ** np.abs(d)  # exact: |d| <= 21
    p = np.where(up, x_ok * scale, x_ok / scale)
    m = np.rint(p)
    ok &= np.abs(np.abs(p - np.trunc(p)) - 0.5) > 1e-9
    out = np.where(up, m / scale, m * scale)
    # Whole numbers below a million (counts, mostly) print as themselves.
    whole = (x == np.trunc(x)) & (a < 1e6)
    out = np.where(whole, x, out)
    ok |= whole
    result = out.tolist()
    if not ok.all():
        values = x.tolist()
        for i in np.flatnonzero(~ok).tolist():
            result[i] = _slow(values[i])
    return result
