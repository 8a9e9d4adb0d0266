"""Fast construction of the text layer's Token and Sentence records.

An article has thousands of tokens and hundreds of sentences, and calling their __init__ was a large
share of `build_doc`'s time; framing.model.fastmake builds the same records without the call (and
falls back to the real class if either ever stops being a plain record).
"""
from __future__ import annotations

from ..model import Sentence, Token
from ..model.fastmake import fast_constructor

#: make_token(start, end, text, norm, pos, lemma, sentence, in_quote=False) -> Token
make_token = fast_constructor(Token)
#: make_sentence(start, end, paragraph, token_start, token_end) -> Sentence
make_sentence = fast_constructor(Sentence)
