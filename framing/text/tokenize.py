"""Tokenisation with character offsets.

A regular-expression tokenizer rather than nltk's Treebank one: Treebank mangles curly quotes and
apostrophes, and we need every token's offsets to index the original text exactly. Clitics ('s,
n't, 're ...) become tokens of their own, as in the Penn Treebank, so the tagger sees familiar input.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .resources import abbreviations

_APOS = "'\u2019"
# Order matters: the first alternative that matches wins.
_TOKEN = regex.compile(
    r"""
    (?P<url>https?://\S+[^\s.,;:!?)\]"'\u201d\u2019])
  | (?P<initials>(?:\p{L}\.){2,})                               # U.S.  e.g.  a.m.
  | (?P<numword>\d+(?:[-\u2010\u2011][\p{L}\p{N}]+)+)             # 81-year-old  2-1
  | (?P<num>[$\u00a3\u20ac]?\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)?%?)  # 23  1,500  10:41  2025/11
  | (?P<neg>\p{L}+n[APOS]t)\b                                   # aren't  can't
  | (?P<word>\p{L}[\p{L}\p{M}\p{N}]*(?:[APOS]\p{Lu}\p{L}+)?(?:[-\u2010\u2011][\p{L}\p{N}]+)*)  # O'Brien Pak-Afghan
  | (?P<clitic>[APOS](?:s|S|re|RE|ve|VE|ll|LL|d|D|m|M)\b)
  | (?P<punct>\.\.\.|--|\S)
    """.replace("APOS", _APOS),
    regex.VERBOSE,
)


def span_tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the tokens of text[start:end]."""
    end = len(text) if end is None else end
    abbr = abbreviations()
    spans: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.span()
        if spans and s < spans[-1][1]:
            continue  # the period already taken by an abbreviation
        kind = m.lastgroup
        if kind == "neg":  # "aren't" -> "are" + "n't"; "can't" -> "ca" + "n't", as in the Treebank
            cut = e - 3
            spans.append((s, cut))
            spans.append((cut, e))
        elif kind == "word":
            if e < end and text[e] == "." and m.group().lower() in abbr:
                e += 1  # keep the period of a known abbreviation ("Dr.", "Oct.")
            elif e < end and text[e] == "." and len(m.group()) == 1 and m.group().isupper():
                e += 1  # an initial ("J. Smith")
            spans.append((s, e))
        else:
            spans.append((s, e))
    return spans


@lru_cache(maxsize=65536)
def is_word_text(text: str) -> bool:
    """Token.is_word for a token's text (has a letter or digit), memoised: token texts repeat, and
    stages that count words over every token call it hundreds of thousands of times a batch."""
    return any(c.isalnum() for c in text)
