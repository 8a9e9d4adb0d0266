"""Fast construction of the text layer's Token records.

`Token` is a frozen dataclass: its generated __init__ sets each of its eight fields through
`object.__setattr__`, and an article has thousands of tokens, so construction alone was a large
share of `build_doc`'s time. `make_token` fills the new instance's __dict__ directly instead. The
object is the same in every way that can be observed (equality, hash, repr, pickle; tested), because
a frozen dataclass without __post_init__ or __slots__ keeps its fields in exactly that __dict__.
If `Token` ever changes shape (other fields, __post_init__, __slots__), the real class is used.
"""
from __future__ import annotations

from dataclasses import fields

from ..model import Token

TOKEN_FIELDS = ("start", "end", "text", "norm", "pos", "lemma", "sentence", "in_quote")
_new = object.__new__


def _make_token(start: int, end: int, text: str, norm: str, pos: str, lemma: str, sentence: int,
                in_quote: bool) -> Token:
    tok = _new(Token)
    d = tok.__dict__
    d["start"] = start
    d["end"] = end
    d["text"] = text
    d["norm"] = norm
    d["pos"] = pos
    d["lemma"] = lemma
    d["sentence"] = sentence
    d["in_quote"] = in_quote
    return tok


def _plain(cls) -> bool:
    """True when the dataclass keeps exactly TOKEN_FIELDS in its __dict__ and validates nothing."""
    return (tuple(f.name for f in fields(cls)) == TOKEN_FIELDS
            and not hasattr(cls, "__post_init__")
            and "__slots__" not in vars(cls))


#: make_token(start, end, text, norm, pos, lemma, sentence, in_quote) -> Token
make_token = _make_token if _plain(Token) else Token
