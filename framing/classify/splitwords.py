"""The classifier's words of all of an article's sentences at once: `words_of` for many texts.

`words_of` runs a regular expression over each sentence; the `re` engine costs about 200 ns a
word, a tenth of the classify stage. The words it finds are the maximal runs of ASCII letters and
digits joined by single apostrophes or hyphens that have a letter or digit on both sides ("don't",
"u-turn"; "rock--n" gives "rock" and "n"): a separator is part of a word exactly when both its
neighbours are letters or digits. So with the texts joined by a newline (a non-word character, as
the end of a string is), lower-cased, and read as code points with fold()'s joiners mapped to their
apostrophe or hyphen (as `words_of` does), one numpy pass marks the characters that belong to
words; every other character becomes a space and `str.split` gives the words, in order.

Lower-casing the joined text instead of each sentence gives the same characters (Python lowers
character by character; the one context rule, final sigma, makes no word character either way)
unless some character lower-cases to several ("İ"): then the lengths differ and every text goes
through `words_of` itself. Tests compare both on real and made-up text.
"""
from __future__ import annotations

import numpy as np

from .features import _JOINERS, words_of

# By code point (below _SIZE; above it nothing is a word character): the ASCII character it
# stands for in a word (fold()'s joiners: their apostrophe or hyphen), and its kind:
# 1 a-z or 0-9, 2 an apostrophe or a hyphen, 0 anything else.
_SIZE = 2 + max(0x7F, *map(ord, _JOINERS))  # the last entry stays a space
_ASCII = np.full(_SIZE, 32, dtype=np.uint8)
_ASCII[:128] = np.arange(128, dtype=np.uint8)
for _ch, _to in _JOINERS.items():
    _ASCII[ord(_ch)] = ord(_to)
_KIND = np.zeros(256, dtype=np.uint8)
_KIND[np.frombuffer(b"abcdefghijklmnopqrstuvwxyz0123456789", dtype=np.uint8)] = 1
_KIND[np.frombuffer(b"'-", dtype=np.uint8)] = 2
_SPACE = np.uint8(32)


def split_texts(texts) -> tuple[list[str], np.ndarray]:
    """(every text's words one after another, how many each text has): `words_of` of each text."""
    texts = list(texts)
    joined = "\n".join(texts)
    low = joined.lower()
    if len(low) != len(joined):  # a character lowered to several: offsets move, go text by text
        per = [words_of(t) for t in texts]
        return [w for ws in per for w in ws], np.array([len(ws) for ws in per], dtype=np.int64)
    points = np.frombuffer(low.encode("utf-32-le"), dtype=np.uint32)
    raw = _ASCII[np.minimum(points, _SIZE - 1)]  # code points above: the last entry, a space
    kind = _KIND[raw]
    word = kind == 1
    if len(raw) > 2:
        word[1:-1] |= (kind[1:-1] == 2) & word[:-2] & word[2:]  # uses the letters-only marks
    words = np.where(word, raw, _SPACE).tobytes().decode("ascii").split()
    # which text each word starts in: texts begin at the cumulative offsets of "\n".join
    firsts = (word[1:] & ~word[:-1]).nonzero()[0] + 1
    if len(word) and word[0]:
        firsts = np.concatenate([[0], firsts])
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1
    ends = lengths.cumsum()  # one past each text's newline
    sizes = np.bincount(ends.searchsorted(firsts, side="right"), minlength=len(texts))
    return words, sizes[:len(texts)].astype(np.int64, copy=False)
