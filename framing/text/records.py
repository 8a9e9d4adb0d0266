"""Fast construction of the text layer's Token and Sentence records.

`Token` is a frozen dataclass: its generated __init__ sets each of its eight fields through
`object.__setattr__`, and an article has thousands of tokens, so construction alone was a large
share of `build_doc`'s time. `make_token` fills the new instance's __dict__ directly instead. The
object is the same in every way that can be observed (equality, hash, repr, pickle; tested), because
a frozen dataclass without __post_init__ or __slots__ keeps its fields in exactly that __dict__.
If `Token` ever changes shape (other fields, __post_init__, __slots__), the real class is used.
"""
from __future__ import annotations

from dataclasses import fields

from ..model import Sentence, Token

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


SENTENCE_FIELDS = ("start", "end", "paragraph", "token_start", "token_end")


def _make_sentence(start: int, end: int, paragraph: int, token_start: int, token_end: int
                   ) -> Sentence:
    """Sentence(...) the same way (an article has hundreds of sentences)."""
    sent = _new(Sentence)
    d = sent.__dict__
    d["start"] = start
    d["end"] = end
    d["paragraph"] = paragraph
    d["token_start"] = token_start
    d["token_end"] = token_end
    return sent


def _plain(cls, names=TOKEN_FIELDS) -> bool:
    """True when the dataclass keeps exactly `names` in its __dict__ and validates nothing."""
    return (tuple(f.name for f in fields(cls)) == names
            and not hasattr(cls, "__post_init__")
            and "__slots__" not in vars(cls))


#: make_token(start, end, text, norm, pos, lemma, sentence, in_quote) -> Token
make_token = _make_token if _plain(Token) else Token
#: make_sentence(start, end, paragraph, token_start, token_end) -> Sentence
make_sentence = _make_sentence if _plain(Sentence, SENTENCE_FIELDS) else Sentence
