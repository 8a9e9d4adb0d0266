"""Paragraphs and sentences.

Paragraphs are lines (news text pasted from the web keeps one paragraph a line; headlines and
sub-headlines without a final period are paragraphs of their own). Within a paragraph, nltk's Punkt
splitter does the work, given a curated abbreviation list (untrained Punkt would split after "Dr."
and "Oct."); framing.text.punkt runs it faster with the same result. A few repairs follow for
closing quotes and parentheses that Punkt leaves behind.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Span
from .resources import abbreviations

_PARAGRAPH = re.compile(r"[^\n]+")
_CLOSERS = "\"'\u201d\u2019)]"


_SENT_END = re.compile(r"[.?!]")  # Punkt's candidate boundary characters (PunktLanguageVars)


@lru_cache(maxsize=1)
def _punkt():
    from .punkt import FastPunkt

    return FastPunkt(abbreviations())


def paragraph_spans(text: str) -> list[Span]:
    """Non-blank lines, with leading and trailing white space trimmed off the span."""
    spans = []
    for m in _PARAGRAPH.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append(Span(s, e))
    return spans


def sentence_spans(text: str, paragraph: Span) -> list[Span]:
    """Sentence spans inside one paragraph, in order, covering its non-space text."""
    chunk = text[paragraph.start:paragraph.end]
    if not _SENT_END.search(chunk):
        # No ".", "?" or "!": Punkt has no candidate boundary and returns the paragraph whole.
        end = len(chunk.rstrip())
        return [Span(paragraph.start, paragraph.start + end)] if end else []
    raw = [(paragraph.start + s, paragraph.start + e) for s, e in _punkt().span_tokenize(chunk)]
    merged: list[list[int]] = []
    for s, e in raw:
        # A sentence made only of closing marks belongs to the previous one.
        if merged and all(c in _CLOSERS or c.isspace() for c in text[s:e]):
            merged[-1][1] = e
            continue
        # Punkt sometimes splits before a lower-case continuation ("... the U.S. military").
        if merged and text[s].islower():
            merged[-1][1] = e
            continue
        merged.append([s, e])
    return [Span(s, e) for s, e in merged]
