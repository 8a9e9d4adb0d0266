"""Per-token flags of one Doc for the actors stage, read off the token strings once.

Why: the parts of the actors stage each asked a question of every token of an article (is it
capitalised, a "(", a clause-splitting word, a pronoun, a word that can start an agency term or an
initiator cue ...), one pass over the token strings per question. Visiting an article's thousand-odd
token strings is what costs (each is its own object somewhere in memory); asking about small ints
is several times cheaper. So each kind of token string (text, norm, lemma) is visited once per
article, through a memo that answers every question at once as bits of one small int, and each
question is then read off those ints at C speed (`map`, `compress`).

The word memo is bounded (cleared when full) so a long batch's memory stays flat. The word bits
that depend on the gazetteer (agency terms, initiator cues) are kept per gazetteer table, and the
flags of the last Doc are kept (weakly, like framing.text.columns) for the parts that run after
each other on it.
"""
from __future__ import annotations

import weakref
from itertools import compress, repeat
from operator import and_, or_

from ..text.columns import columns

# --- bits of a token's text
CAP = 1  # capitalised: first character upper-case and some letter in it
ALPHA1 = 2  # first character a letter
PAREN = 4  # "("
SPLIT_PUNCT = 8  # a punctuation mark that may end a clause (tone.SPLIT_PUNCT)

# --- bits of a word (a norm or a lemma)
PRONOUN = 1  # he / she / they (mentions.PRONOUNS), read on norms
SPLIT_WORD = 2  # "but", "while" ... (tone.SPLIT_WORDS), read on norms
AGENCY = 4  # might start an agency term (agency._AnyWord)
INITIATOR = 8  # starts an initiator cue (initiator heads)

LIMIT = 50_000

#: What may end a clause (framing.actors.tone reads these).
CLAUSE_PUNCT = frozenset({";", ":", "\u2014", "--"})
CLAUSE_WORDS = frozenset({"but", "while", "whereas", "although", "though", "however", "yet"})
_PRONOUNS = frozenset({"he", "she", "they"})  # the keys of mentions.PRONOUNS


def _text_bits(text: str) -> int:
    bits = 0
    if text[:1].isupper() and any(c.isalpha() for c in text):
        bits |= CAP
    if text[:1].isalpha():
        bits |= ALPHA1
    if text == "(":
        bits |= PAREN
    if text in CLAUSE_PUNCT:
        bits |= SPLIT_PUNCT
    return bits


class _TextBits(dict):
    """token text -> its bits, filled on first sight."""

    def __missing__(self, text: str) -> int:
        if len(self) >= LIMIT:
            self.clear()
        c = text[:1]
        if c.isalpha():  # _text_bits, with its usual case first: a word
            value = ALPHA1 | CAP if c.isupper() else ALPHA1
        else:
            value = _text_bits(text)
        self[text] = value
        return value


_TEXT_BITS = _TextBits()


class _WordBits(dict):
    """word -> its bits for one gazetteer's agency terms and initiator cues, filled on first sight."""

    def __init__(self, agency_words: frozenset, initiator_heads: frozenset):
        super().__init__()
        self.agency_words = agency_words
        self.initiator_heads = initiator_heads

    def __missing__(self, word: str) -> int:
        if len(self) >= LIMIT:
            self.clear()
        bits = 0
        if word in _PRONOUNS:
            bits |= PRONOUN
        if word in CLAUSE_WORDS:
            bits |= SPLIT_WORD
        if word in self.agency_words or " " in word:
            bits |= AGENCY
        if word in self.initiator_heads:
            bits |= INITIATOR
        self[word] = bits
        return bits


_WORD_MEMOS: dict = {}  # id(gazetteer) -> (agency table, cues, _WordBits)


def initiator_heads(gaz) -> frozenset:
    """First words of the gazetteer's initiator cues."""
    return frozenset(c.cue.split()[0] for c in gaz.initiator_cues)


def _word_bits(gaz) -> _WordBits:
    key = id(gaz)
    got = _WORD_MEMOS.get(key)
    if got is None or got[0] is not gaz.agency or got[1] is not gaz.initiator_cues:
        from .agency import _any_word  # agency imports this module
        got = (gaz.agency, gaz.initiator_cues, _WordBits(_any_word(gaz).words, initiator_heads(gaz)))
        if len(_WORD_MEMOS) > 8:
            _WORD_MEMOS.clear()
        _WORD_MEMOS[key] = got
    return got[2]


class TokenFlags:
    """The bits of one Doc's tokens: `text` (from texts), `norm` (from norms) and `word` (norm bits
    or lemma bits), lists of small ints; `indices(column, bit)` lists the tokens with a bit set.

    The index lists the parts of the stage ask for are built here once, from the few tokens with
    any bit set: `paren` ("("), `splits` (a clause may end there: SPLIT_PUNCT text or SPLIT_WORD
    norm), `pronouns`, `agency` and `initiator` (word bits). A pass over every token costs as much
    as a Python loop over a few dozen, so the sparse tokens are found in one pass per column and
    sorted into the lists by a loop over them only (was two passes over every token per list).
    """

    __slots__ = ("text", "norm", "word", "paren", "splits", "pronouns", "agency", "initiator",
                 "__weakref__")

    def __init__(self, doc, memo: _WordBits):
        cols = columns(doc)
        self.text = text = list(map(_TEXT_BITS.__getitem__, cols.texts))
        self.norm = norm = list(map(memo.__getitem__, cols.norms))
        self.word = word = list(map(or_, norm, map(memo.__getitem__, cols.lemmas)))
        index = range(len(text))
        paren, punct = [], []
        for i in compress(index, map(and_, text, repeat(PAREN | SPLIT_PUNCT))):
            (paren if text[i] & PAREN else punct).append(i)
        pronouns, split_words, agency, initiator = [], [], [], []
        for i in compress(index, word):  # norm bits are word bits too (word = norm | lemma bits)
            w = word[i]
            if w & AGENCY:
                agency.append(i)
            if w & INITIATOR:
                initiator.append(i)
            n = norm[i]
            if n & PRONOUN:
                pronouns.append(i)
            if n & SPLIT_WORD:
                split_words.append(i)
        self.paren, self.pronouns, self.agency, self.initiator = paren, pronouns, agency, initiator
        self.splits = sorted(punct + split_words) if punct and split_words else punct or split_words

    def indices(self, column: list, bit: int) -> list[int]:
        """Token indices, ascending, whose `column` bits include `bit`."""
        return list(compress(range(len(column)), map(and_, column, repeat(bit))))


_LAST: tuple = (None, None, None)  # (weak reference to the last Doc, the word memo used, flags)


def _forget(ref) -> None:
    global _LAST
    if _LAST[0] is ref:
        _LAST = (None, None, None)


def token_flags(doc, gaz) -> TokenFlags:
    """The TokenFlags of `doc` under `gaz` (built on the first call for this Doc, then reused)."""
    global _LAST
    memo = _word_bits(gaz)
    ref, last_memo, flags = _LAST
    if ref is not None and ref() is doc and last_memo is memo:
        return flags
    flags = TokenFlags(doc, memo)
    try:
        _LAST = (weakref.ref(doc, _forget), memo, flags)
    except TypeError:  # a Doc that cannot be weakly referenced: flags for this call only
        pass
    return flags


def last_flags(doc) -> TokenFlags | None:
    """The TokenFlags last built for `doc`, under any gazetteer (the text bits and the pronoun and
    clause-word bits do not depend on it), or None."""
    ref, _, flags = _LAST
    return flags if ref is not None and ref() is doc else None
