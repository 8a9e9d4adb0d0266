"""Per-article token columns (norm, lemma, has-letters ...) computed once per comparison.

Several parts of the comparison walk every token of every article (alignment features, distinctive
terms, readability, similarity). Reading dataclass attributes and testing characters in Python for
each of them dominated the cost of a 500-article story; these plain lists make each walk cheap.
`compare_story` calls `release()` when it is done so no article is kept alive.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Doc

_LETTER = re.compile(r"[^\W\d_]")
_ALNUM = re.compile(r"[^\W_]")


@dataclass
class Columns:
    norm: list[str]
    lemma: list[str]  # lower-cased
    alpha: list[bool]  # has a letter
    word: list[bool]  # has a letter or digit (Token.is_word)
    in_quote: list[bool]
    pos: list[str]


_CACHE: dict[int, tuple[Doc, Columns]] = {}


def columns(doc: Doc) -> Columns:
    hit = _CACHE.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    toks = doc.tokens
    norm = [t.norm for t in toks]
    cols = Columns(
        norm=norm,
        lemma=[(t.lemma or t.norm).lower() for t in toks],
        alpha=[w.isalpha() or bool(_LETTER.search(w)) for w in norm],
        word=[w.isalnum() or bool(_ALNUM.search(t.text)) for w, t in zip(norm, toks)],
        in_quote=[t.in_quote for t in toks],
        pos=[t.pos for t in toks],
    )
    _CACHE[id(doc)] = (doc, cols)
    return cols


def release() -> None:
    _CACHE.clear()
