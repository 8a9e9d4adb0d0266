"""Paragraphs and sentences.

Paragraphs are lines (news text pasted from the web keeps one paragraph a line; headlines and
sub-headlines without a final period are paragraphs of their own). Within a paragraph, nltk's Punkt
splitter does the work, given a curated abbreviation list (untrained Punkt would split after "Dr."
and "Oct.") and a list of words that start a sentence after one ("in the U.S. The company");
framing.text.punkt runs it faster with the same result, without importing nltk (whose __init__
imports scikit-learn and scipy). A few repairs follow for closing quotes and parentheses that
Punkt leaves behind, and for the periods of an ellipsis between two sentences.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Span
from .resources import abbreviations, sentence_starters

_PARAGRAPH = re.compile(r"[^\n]+")
_CLOSERS = "\"'\u201d\u2019)]"
_BRACKETS = ")]"


def _goes_on(text: str, s: int, e: int) -> bool:
    """Does text[s:e], after its closing brackets and spaces, go on with a comma, a semicolon, a
    colon or a lower-case word, as the rest of a sentence does?"""
    k = s
    while k < e and (text[k] in _BRACKETS or text[k].isspace()):
        k += 1
    return k < e and (text[k] in ",;:" or text[k].islower())


#: A sentence Punkt ended on an abbreviation before a bracket: "Jr.", "Ky.", "C.", "et al."
_ABBREVIATED_END = re.compile(r"(?:\b[A-Z][A-Za-z]{0,3}|\bal)\.\s*$")


def _short_aside_goes_on(text: str, s: int, e: int) -> bool:
    """Does text[s:e] (to the paragraph's end) open with a short bracketed aside after which the
    sentence goes on ("Frank Pallone Jr. (D-N.J.) said ...": Punkt breaks after "Jr.", and again
    after the bracket)?"""
    close = text.find(")", s, min(e, s + 30))
    return close > s and _goes_on(text, close + 1, e)


_SENT_END = re.compile(r"[.?!]")  # Punkt's candidate boundary characters (PunktLanguageVars)
_LEADING_DOTS = re.compile(r"[.\u2026][.\u2026\s]*")  # an ellipsis's periods opening a sentence


@lru_cache(maxsize=1)
def _punkt():
    from .punkt import FastPunkt

    return FastPunkt(abbreviations(), sentence_starters())


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
    return [Span(s, e) for s, e in sentence_bounds(text, paragraph.start, paragraph.end)]


def sentence_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`sentence_spans` of the paragraph text[start:end] as (start, end) pairs: build_doc makes
    Sentence records from them directly, without an intermediate Span per sentence."""
    chunk = text[start:end]
    first = _SENT_END.search(chunk)
    if first is None or first.start() == len(chunk) - 1:
        # No ".", "?" or "!", or only one, as the last character (nothing follows it, so Punkt's
        # boundary pattern, which needs a character after it, cannot match): Punkt has no
        # candidate boundary and returns the paragraph whole.
        stop = len(chunk.rstrip())
        return [(start, start + stop)] if stop else []
    merged: list[list[int]] = []
    for s, e in _punkt().span_tokenize(chunk):
        s += start
        e += start
        if merged:
            # Punkt sometimes splits before a lower-case continuation ("... the U.S. military"),
            # and a sentence made only of closing marks belongs to the previous one; so does one
            # that opens with a closing bracket and goes on with a comma or a lower-case word
            # ("Sen. Ben Cardin (D-Md.), who ...": Punkt breaks after "Md.").
            first = text[s]
            if first.islower() or (first in _CLOSERS or first.isspace()) and all(
                    c in _CLOSERS or c.isspace() for c in text[s:e]) or \
                    first in _BRACKETS and _goes_on(text, s, e) or \
                    first == "(" and _ABBREVIATED_END.search(text, merged[-1][0], s) and \
                    _short_aside_goes_on(text, s, end):
                merged[-1][1] = e
                continue
            # An ellipsis after a sentence ("was not. . . . The energy", "yesterday. ... He'll")
            # ends that sentence: Punkt leaves its periods at the start of the next one, or alone
            dots = _LEADING_DOTS.match(text, s, e) if first in ".\u2026" else None
            if dots is not None:
                rest = dots.end()
                if all(c in _CLOSERS or c.isspace() for c in text[rest:e]):
                    merged[-1][1] = e
                    continue
                merged[-1][1] = s + len(text[s:rest].rstrip())
                s = rest
        merged.append([s, e])
    return [(s, e) for s, e in merged]
