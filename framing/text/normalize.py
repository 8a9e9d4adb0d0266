"""ASCII folding used for matching, so "Pakistan’s" and "Pakistan's" match the same entries.

The article text itself keeps its original characters (curly quotes tell an attribution from a scare
quote); only token `norm` fields are folded.
"""
from __future__ import annotations

FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
})


def ascii_punct(text: str) -> str:
    """Replace typographic quotes, apostrophes, dashes and odd spaces by ASCII ones; keep case."""
    return text.translate(FOLD)


def fold(text: str) -> str:
    """`ascii_punct`, lower-cased: the form lexicon matching uses."""
    return text.translate(FOLD).lower()
