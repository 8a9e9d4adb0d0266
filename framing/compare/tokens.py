"""Per-article token columns (norm, lemma, has-letters ...) computed once per comparison.

Several parts of the comparison walk every token of every article (alignment features, distinctive
terms, readability, similarity). Reading dataclass attributes and testing characters in Python for
each of them dominated the cost of a 500-article story; these plain lists make each walk cheap.
`compare_story` calls `release()` when it is done so no article is kept alive.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter

from ..model import Doc

_LETTER = re.compile(r"[^\W\d_]")
_ALNUM = re.compile(r"[^\W_]")
_NORM, _LEMMA, _TEXT = attrgetter("norm"), attrgetter("lemma"), attrgetter("text")
_IN_QUOTE, _POS = attrgetter("in_quote"), attrgetter("pos")


@dataclass
class Columns:
    norm: list[str]
    lemma: list[str]  # lower-cased
    alpha: list[bool]  # has a letter
    word: list[bool]  # has a letter or digit (Token.is_word)
    in_quote: list[bool]
    pos: list[str]
    content_verbs: list[int] | None = None  # filled by events.content_verbs when first asked


_CACHE: dict[int, tuple[Doc, Columns]] = {}


def columns(doc: Doc) -> Columns:
    hit = _CACHE.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    toks = doc.tokens
    norm = list(map(_NORM, toks))
    cols = Columns(
        norm=norm,
        lemma=[(lemma or w).lower() for lemma, w in zip(map(_LEMMA, toks), norm)],
        alpha=[w.isalpha() or bool(_LETTER.search(w)) for w in norm],
        word=[w.isalnum() or bool(_ALNUM.search(text)) for w, text in zip(norm, map(_TEXT, toks))],
        in_quote=list(map(_IN_QUOTE, toks)),
        pos=list(map(_POS, toks)),
    )
    _CACHE[id(doc)] = (doc, cols)
    return cols


def release() -> None:
    _CACHE.clear()
