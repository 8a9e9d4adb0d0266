"""Quotation regions: text between paired quotation marks.

Handles curly and straight double quotes, single quotes used as quotation marks (told apart from
apostrophes by the characters around them), nested quotes, and the news convention for quotes that
run over several paragraphs (each paragraph opens the quote again and only the last one closes it).
An unpaired mark that is not such a continuation is left alone rather than guessed at.
Embedded social-media posts are quotations too, with no marks (framing.text.posts).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import QuoteRegion, Span

_OPEN_DOUBLE = "\u201c\u201e\u00ab"
_CLOSE_DOUBLE = "\u201d\u00bb"
_OPEN_SINGLE = "\u2018"
_CLOSE_SINGLE = "\u2019"
_BEFORE_OPEN = " \t\n([{-\u2013\u2014/:;,"
_MARKS = re.compile("[\"'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb]")


def _kind(text: str, i: int) -> tuple[str, str] | None:
    """Classify the character at i as ('double'|'single', 'open'|'close'), or None."""
    c = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if c in _OPEN_DOUBLE:
        return ("double", "open")
    if c in _CLOSE_DOUBLE:
        return ("double", "close")
    if c == '"':
        if prev in _BEFORE_OPEN or prev in _OPEN_SINGLE + "'":
            return ("double", "open")
        return ("double", "close")
    if c in _OPEN_SINGLE + "'" + _CLOSE_SINGLE:
        if prev.isalnum() and nxt.isalnum():
            return None  # an apostrophe inside a word: Pakistan's, don't
        if (prev in _BEFORE_OPEN or prev in _OPEN_DOUBLE + '"') and (nxt.isalnum() or nxt in "[("):
            if c == _CLOSE_SINGLE and prev.isalnum():
                return None
            return ("single", "open")
        if c != _OPEN_SINGLE and (nxt.isspace() or nxt in ".,;:!?)]\u2014-\u201d\"" or i + 1 == len(text)):
            if prev.isalnum() or prev in ".,!?)]":
                return ("single", "close")
        return None
    return None


# A maximal run of non-space characters holding a letter or digit: one match per such run, so
# counting matches counts the white-space separated words that have a letter or digit (re's \s and
# [^\W_] are str.isspace and str.isalnum).
_WORD_RUN = re.compile(r"\S*?[^\W_]\S*")


def _word_count(text: str) -> int:
    return len(_WORD_RUN.findall(text))


def _word_count_reference(text: str) -> int:
    """The definition `_word_count` must equal (tested)."""
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def find_quotes(text: str, paragraphs: list[Span], posts: Iterable[QuoteRegion] = ()) -> list[QuoteRegion]:
    """All quotation regions of the text and the given embedded posts (framing.text.posts), outer
    before inner, sorted by start."""
    regions: list[QuoteRegion] = []
    for p_index, para in enumerate(paragraphs):
        stack: list[tuple[str, int]] = []
        for mark in _MARKS.finditer(text, para.start, para.end):
            i = mark.start()
            kind = _kind(text, i)
            if kind is None:
                continue
            family, role = kind
            if role == "open":
                if family == "double" and stack and stack[-1][0] == "double" and text[i] == '"':
                    role = "close"  # a straight quote closing the open straight quote
                else:
                    stack.append((family, i))
                    continue
            # close: find the nearest open of the same family
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == family:
                    start = stack[depth][1]
                    del stack[depth:]
                    inner = text[start + 1:i]
                    regions.append(QuoteRegion(start, i + 1, start + 1, i, text[start] + text[i],
                                               _word_count(inner)))
                    break
        # An open double quote at paragraph end continues only if the next paragraph reopens it.
        open_doubles = [pos for fam, pos in stack if fam == "double"]
        if open_doubles and p_index + 1 < len(paragraphs):
            nxt = text[paragraphs[p_index + 1].start]
            if nxt in _OPEN_DOUBLE or nxt == '"':
                start = open_doubles[0]
                regions.append(QuoteRegion(start, para.end, start + 1, para.end, text[start],
                                           _word_count(text[start + 1:para.end])))
    regions.extend(posts)
    regions.sort(key=lambda q: (q.start, -q.end))
    return regions
