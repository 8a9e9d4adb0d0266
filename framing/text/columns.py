"""Token columns of one Doc, taken once and shared by the stages (lexicon, actors, classify).

Why: the stages read the same Token attributes (text, norm, lemma, tag, is-a-word, offsets) for
every token of an article, and each part of the actors stage (mentions, agency, initiator, tone)
took its own copy or built its own offset -> token index maps. It lives in the text layer, a floor
below the stages, so no stage imports another's internals. Reading thousands of attributes off Token objects
is a visible share of stages that otherwise only visit candidate tokens, so each column is built
once per Doc, on first use, and reused.

Only the last Doc's columns are kept (the pipeline runs every stage on one Doc before the next), and
only through weak references: the cache never keeps a Doc alive, and when the Doc goes its columns go
with it (so freeing an article's tokens is not moved into whichever stage runs next). The pair is
replaced as one tuple, so a thread that reads it sees a Doc and its own columns, never a mix.
Consumers must treat the lists and dicts as read-only.

`build_doc` already holds the texts, norms, tags, lemmas, is_word flags and offsets in lists when
it makes the Tokens, so it hands them over (`seed`): the new Doc's columns then start with those
lists (the same values, the same string objects, and its offset lists), instead of reading them
back off thousands of Tokens in whichever stage asks first. Seeding is only a head
start: the cache keeps the same rules (last Doc, weak reference), and a Doc that is not the last
one seeded (another thread's, an unpickled one) still gets its columns lazily from its tokens.
"""
from __future__ import annotations

import weakref
from operator import attrgetter

from .tokenize import is_word_text

_TEXT, _NORM = attrgetter("text"), attrgetter("norm")
_START, _END = attrgetter("start"), attrgetter("end")
_LEMMA, _POS = attrgetter("lemma"), attrgetter("pos")
_GETTERS = {"texts": _TEXT, "norms": _NORM, "lemmas": _LEMMA, "tags": _POS, "starts": _START,
            "ends": _END, "in_quote": attrgetter("in_quote")}


class _IsWordMemo(dict):
    """token text -> Token.is_word (has a letter or digit), filled on first sight.

    A plain dict lookup per token is the cheapest way to get the flag for every token of an
    article; token texts repeat, and the bound keeps a long batch's memory flat.
    """

    LIMIT = 50_000

    def __missing__(self, text: str) -> bool:
        if len(self) >= self.LIMIT:
            self.clear()
        value = self[text] = is_word_text(text)
        return value


_IS_WORD = _IsWordMemo()


class Columns:
    """texts, norms, lemmas, tags (Penn POS), is_word (Token.is_word), starts and ends (character
    offsets, so both ascending: the token at an offset is found by bisection), in_quote
    (Token.in_quote): per token.

    Each column is built on its first use (so a stage pays only for the columns it reads that no
    earlier stage has read), then kept as a plain attribute.
    """

    __slots__ = ("_doc", "texts", "norms", "lemmas", "tags", "is_word", "starts", "ends", "in_quote")

    def __init__(self, doc):
        self._doc = doc if isinstance(doc, weakref.ref) else (lambda: doc)

    def __getattr__(self, name):  # only called while the column is not built yet
        if name not in _GETTERS and name != "is_word":
            raise AttributeError(name)
        if name == "is_word":
            value = list(map(_IS_WORD.__getitem__, self.texts))
        else:
            doc = self._doc()
            if doc is None:
                raise ReferenceError("the Doc of these columns is gone")
            value = list(map(_GETTERS[name], doc.tokens))
        object.__setattr__(self, name, value)
        return value


_LAST: tuple = (None, None)  # (weak reference to the last Doc, its Columns)


def _forget(ref) -> None:
    """The last Doc is gone: drop its columns with it."""
    global _LAST
    if _LAST[0] is ref:
        _LAST = (None, None)


def seed(doc, texts: list, norms: list, lemmas: list, tags: list, is_word: list, starts: list,
         ends: list, in_quote: list) -> None:
    """Make `doc` the last Doc, with these columns already built (build_doc's own lists, equal to
    those read off doc.tokens)."""
    global _LAST
    try:
        ref = weakref.ref(doc, _forget)
    except TypeError:
        return
    cols = Columns(ref)
    cols.texts, cols.norms, cols.lemmas, cols.tags = texts, norms, lemmas, tags
    cols.is_word = is_word
    cols.starts, cols.ends = starts, ends
    cols.in_quote = in_quote
    _LAST = (ref, cols)


def columns(doc) -> Columns:
    """The Columns of `doc` (built on the first call for this Doc, then reused)."""
    global _LAST
    ref, cols = _LAST
    if ref is not None and ref() is doc:
        return cols
    try:
        ref = weakref.ref(doc, _forget)
    except TypeError:  # a Doc that cannot be weakly referenced: columns for this call only
        return Columns(doc)
    cols = Columns(ref)
    _LAST = (ref, cols)
    return cols
