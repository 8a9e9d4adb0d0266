"""Quotation regions as the attribution rules see them.

The text layer finds quotation regions; this adds the two-apostrophe convention ('' ... '') that
some archives (the New York Times among them) use for double quotes, keeps only outermost regions
(a quote inside a quote belongs to its outer quote's speaker), and marks which tokens are quoted.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..model import QuoteRegion
from ..text.columns import columns

_TWO_APOS = re.compile(r"''|\u2019\u2019|``")


def _word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def two_apostrophe_quotes(text: str, paragraphs) -> list[QuoteRegion]:
    """'' ... '' pairs inside each paragraph (a paragraph left open continues when the next
    paragraph opens with '' again, as with ordinary quotation marks)."""
    found: list[QuoteRegion] = []
    for p_index, para in enumerate(paragraphs):
        marks = [m.start() for m in _TWO_APOS.finditer(text, para.start, para.end)]
        k = 0
        while k + 1 < len(marks):
            s, e = marks[k], marks[k + 1]
            found.append(QuoteRegion(s, e + 2, s + 2, e, text[s:s + 2] + text[e:e + 2],
                                     _word_count(text[s + 2:e])))
            k += 2
        if k < len(marks) and p_index + 1 < len(paragraphs):
            nxt = paragraphs[p_index + 1]
            if _TWO_APOS.match(text, nxt.start):
                s = marks[k]
                found.append(QuoteRegion(s, para.end, s + 2, para.end, text[s:s + 2],
                                         _word_count(text[s + 2:para.end])))
    return found


def outer_quotes(doc) -> list[QuoteRegion]:
    """Outermost quotation regions of a document, sorted by start."""
    regions = list(doc.quotes)
    if "''" in doc.text or "\u2019\u2019" in doc.text or "``" in doc.text:
        extra = two_apostrophe_quotes(doc.text, doc.paragraphs)
        regions.extend(q for q in extra
                       if not any(r.start <= q.start < r.end or q.start <= r.start < q.end for r in regions))
    regions.sort(key=lambda q: (q.start, -q.end))
    outer: list[QuoteRegion] = []
    for q in regions:
        if outer and q.start < outer[-1].end:
            continue
        outer.append(q)
    return outer


def quoted_tokens(doc, outer: list[QuoteRegion]) -> list[bool]:
    """For each token: is it inside (or one of the marks of) a quotation region? (The tokens of a
    region are the run from the first starting at its inner start to the last ending by its inner
    end: tokens are in text order and do not overlap, so two bisections of the text layer's offset
    columns find it.)"""
    flags = [False] * len(doc.tokens)
    if not outer:
        return flags
    cols = columns(doc)
    starts, ends = cols.starts, cols.ends
    for q in outer:
        i = bisect_left(starts, q.inner_start)
        j = bisect_right(ends, q.inner_end, lo=i)
        if j > i:
            flags[i:j] = [True] * (j - i)
    return flags
