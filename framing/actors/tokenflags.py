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

import re
import weakref
from bisect import bisect_right
from itertools import compress, repeat
from operator import and_, attrgetter, itemgetter, or_

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

#: -1 in _FIRST_BITS: the bits depend on more than the first character (see _FirstBits)
_WHOLE = -1
#: first characters of the texts that are "(" or clause punctuation (CLAUSE_PUNCT)
_PUNCT_FIRSTS = frozenset("(;:\u2014-")


class _FirstBits(dict):
    """first character of a token text -> the text's bits, where they depend on it alone.

    A text starting with a letter is ALPHA1, and CAP when the letter is upper-case; one starting
    with any other character that is not upper-case and cannot start "(" or clause punctuation
    has no bit. Other texts ("(", ":", "--", an upper-case numeral) are _WHOLE: looked up whole
    in _TEXT_BITS. The first characters of an article's tokens are a few dozen one-character
    strings, so this small table answers most tokens without hashing or comparing their texts.
    """

    def __missing__(self, c: str) -> int:
        if len(self) >= LIMIT:
            self.clear()
        if c.isalpha():
            value = ALPHA1 | CAP if c.isupper() else ALPHA1
        elif c.isupper() or c in _PUNCT_FIRSTS:
            value = _WHOLE
        else:
            value = 0
        self[c] = value
        return value


_FIRST_BITS = _FirstBits()
_FIRST = itemgetter(0)


def text_bits(texts: list[str]) -> list[int]:
    """The bits of every token text: list(map(_TEXT_BITS.__getitem__, texts)), answered from
    the first characters where they decide (see _FirstBits)."""
    return _text_bits_whole(texts)[0]


def _text_bits_whole(texts: list[str]) -> tuple[list[int], list[int] | None]:
    """(text_bits(texts), the indices of the texts whose bits were looked up whole), the second
    None when every text was looked up whole.

    The first characters of the texts are joined into one string, and each is turned into its
    _FirstBits answer by one bytes.translate (a character outside ASCII first stands in for an
    ASCII character of the same answer); the texts whose bits need more than the first character
    ("(", ":", "--" ...) are found in the result by bytes.find. A dict lookup per token, and a
    scan of the whole list for those few texts, cost more.
    """
    try:
        firsts = "".join(map(_FIRST, texts))
    except IndexError:  # an empty text (tokens never are): the plain way
        return list(map(_TEXT_BITS.__getitem__, texts)), None
    if not firsts.isascii():
        firsts = _NOT_ASCII.sub(_ascii_stand_in, firsts)
    coded = firsts.encode("ascii").translate(_FIRST_CODES)
    bits = list(coded)
    whole = []
    k = coded.find(_WHOLE_CODE)
    while k >= 0:
        whole.append(k)
        bits[k] = _TEXT_BITS[texts[k]]
        k = coded.find(_WHOLE_CODE, k + 1)
    return bits, whole


#: _FirstBits' answer for a first character, as a byte: 255 stands for _WHOLE.
_WHOLE_CODE = 255


def _first_code(c: str) -> int:
    value = _FIRST_BITS[c]
    return _WHOLE_CODE if value == _WHOLE else value


#: ASCII code -> its _first_code (bytes.translate)
_FIRST_CODES = bytes(_first_code(chr(b)) if b < 128 else 0 for b in range(256))
#: _first_code -> an ASCII character with that code (for characters outside ASCII)
_STAND_INS = {code: next(chr(b) for b in range(128) if _FIRST_CODES[b] == code)
              for code in (0, ALPHA1, ALPHA1 | CAP, _WHOLE_CODE)}
_NOT_ASCII = re.compile("[^\x00-\x7f]")


def _ascii_stand_in(m) -> str:
    return _STAND_INS[_first_code(m.group())]


class _WordBits(dict):
    """word -> its bits for one gazetteer's agency terms and initiator cues, filled on first sight."""

    def __init__(self, agency_words: frozenset, initiator_heads: frozenset):
        super().__init__()
        self.agency_words = agency_words
        self.initiator_heads = initiator_heads
        #: every word with a bit (a word holding a space has one too, see __missing__)
        self.any_bit = _PRONOUNS | CLAUSE_WORDS | agency_words | initiator_heads

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
    `starts` and `ends`: the tokens' offsets (the text layer's columns), for `index_at`.

    The index lists the parts of the stage ask for are built here once: `paren` ("("), `splits`
    (a clause may end there: SPLIT_PUNCT text or SPLIT_WORD norm), `pronouns`, `agency` and
    `initiator` (word bits). The text bits come from the tokens' first characters (text_bits).
    The word bits are only worked out for the few tokens whose norm or lemma has any (found by
    two lookups per token in the small set of such words, `_WordBits.any_bit`, at C speed): a
    lookup per token in the large word memo, each comparing the token's string with a stored
    one, cost more. `norm` and `word`, the bits of every token, are only built when read.
    """

    __slots__ = ("text", "_norm", "_word", "_src", "paren", "splits", "pronouns", "agency",
                 "initiator", "starts", "ends", "_sentence", "_doc", "__weakref__")

    def __init__(self, doc, memo: _WordBits):
        cols = columns(doc)
        self._src = (cols, memo)
        self._norm = self._word = self._sentence = None
        try:
            self._doc = weakref.ref(doc)
        except TypeError:  # a Doc that cannot be weakly referenced (token_flags keeps no such flags)
            self._doc = lambda: doc
        self.starts, self.ends = cols.starts, cols.ends  # token offsets, for index_at
        text, whole = _text_bits_whole(cols.texts)
        self.text = text
        index = range(len(text))
        paren, punct = [], []
        # "(" and the clause punctuation are among the texts looked up whole (their first
        # characters are in _PUNCT_FIRSTS), so only those few are looked at
        for i in (whole if whole is not None else
                  compress(index, map(and_, text, repeat(PAREN | SPLIT_PUNCT)))):
            if text[i] & (PAREN | SPLIT_PUNCT):
                (paren if text[i] & PAREN else punct).append(i)
        pronouns, split_words, agency, initiator = [], [], [], []
        norms, lemmas = cols.norms, cols.lemmas
        words = memo.any_bit.__contains__
        cands = set(compress(index, map(words, norms)))
        cands.update(compress(index, map(words, lemmas)))
        for column in (norms, lemmas):  # a word holding a space is an AGENCY word (none, mostly)
            if " " in "\n".join(column):
                cands.update(compress(index, map(str.__contains__, column, repeat(" "))))
        bits = memo.__getitem__
        for i in sorted(cands):
            n = bits(norms[i])
            w = n | bits(lemmas[i])
            if w & AGENCY:
                agency.append(i)
            if w & INITIATOR:
                initiator.append(i)
            if n & PRONOUN:
                pronouns.append(i)
            if n & SPLIT_WORD:
                split_words.append(i)
        self.paren, self.pronouns, self.agency, self.initiator = paren, pronouns, agency, initiator
        self.splits = sorted(punct + split_words) if punct and split_words else punct or split_words

    @property
    def norm(self) -> list[int]:
        """The word bits of every token's norm."""
        if self._norm is None:
            cols, memo = self._src
            self._norm = list(map(memo.__getitem__, cols.norms))
        return self._norm

    @property
    def word(self) -> list[int]:
        """The word bits of every token: its norm's or its lemma's."""
        if self._word is None:
            cols, memo = self._src
            self._word = list(map(or_, self.norm, map(memo.__getitem__, cols.lemmas)))
        return self._word

    @property
    def sentence(self) -> list[int]:
        """Every token's sentence index (Token.sentence), as a column: the hot paths of the stage
        read it for hundreds of tokens an article, and an attribute of a Token object costs
        several times an item of a list. Taken from the sentences' token ranges when they cover
        the tokens one after the other (as the text layer makes them), else read off the tokens."""
        if self._sentence is None:
            doc = self._doc()
            if doc is None:
                raise ReferenceError("the Doc of these flags is gone")
            self._sentence = sentence_column(doc)
        return self._sentence

    def indices(self, column: list, bit: int) -> list[int]:
        """Token indices, ascending, whose `column` bits include `bit`."""
        return list(compress(range(len(column)), map(and_, column, repeat(bit))))


def sentence_column(doc) -> list[int]:
    """Token index -> index of the sentence holding it (Token.sentence) for every token of `doc`."""
    n = len(doc.tokens)
    out: list[int] = []
    for k, s in enumerate(doc.sentences):
        if s.token_start != len(out) or s.token_end < s.token_start:
            break
        out += repeat(k, s.token_end - s.token_start)
    else:
        if len(out) == n and (not n or (doc.tokens[0].sentence == 0 and doc.tokens[-1].sentence == out[-1])):
            return out
    return list(map(_SENTENCE, doc.tokens))


_SENTENCE = attrgetter("sentence")


def index_at(offsets: list, offset: int) -> int:
    """The index of the last token whose offset (start or end, as `offsets` holds) equals
    `offset`, or -1: what an offset -> index dict built over every token would answer (it keeps
    the last token of equal offsets)."""
    i = bisect_right(offsets, offset) - 1
    return i if i >= 0 and offsets[i] == offset else -1


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
