"""Hyphenation points of an English word, as pyphen's en_US dictionary gives them, counted fast.

Readability counts syllables from them for the words the CMU dictionary lacks (textstat's
formulas, framing.compare.readability: story comparisons and the batch profiles' per-article
figures alike).
`pyphen.Pyphen.positions` makes a DataInt object per hyphenation point, keeps every word it has
seen in an unbounded cache of its own, and slices and looks up every substring of the word up to
the longest pattern. `hyphen_points` counts the same points with the same patterns (pyphen's
wheel ships them, so nothing is downloaded): one Aho-Corasick automaton (pyahocorasick, which
the lexicon matcher uses too) finds every pattern in the word in C, and only each pattern's
non-zero values are applied in Python (a character trie walked in Python, one dict lookup per
character and start, took two and a half times as long); callers keep their own bounded memos.
tests/test_batch_readability.py compares it with pyphen on thousands of words.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import repeat
from operator import and_

_LEFT = _RIGHT = 2  # pyphen.Pyphen's defaults: no point within 2 letters of either end
_PAD = 64  # room past the end of `references` (see hyphen_points)


@lru_cache(maxsize=1)
def pyphen_en_us():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=1)
def _automaton():
    """pyphen's en_US patterns in an Aho-Corasick automaton: each key (a substring of ".word.")
    maps to its non-zero values as (position relative to the match's last character, value)
    pairs, so a match ending at index `end` raises references[end + d] to at least `value`.

    pyphen tries patterns starting anywhere but at the final "." of ".word.": only a pattern
    that is "." itself could start there, and the dictionary has none (else None: count with
    pyphen itself)."""
    import ahocorasick

    patterns = pyphen_en_us().hd.patterns
    if "." in patterns:
        return None
    auto = ahocorasick.Automaton()
    for key, (offset, values) in patterns.items():
        # position of value v: start + offset + v's index, start = end - len(key) + 1
        shift = offset - len(key) + 1
        pairs = tuple((shift + k, v) for k, v in enumerate(values) if v)
        if pairs and pairs[-1][0] >= _PAD:
            return None  # a value further past the end than `references` has room for
        auto.add_word(key, pairs)
    auto.make_automaton()
    return auto


def hyphen_points(word: str) -> int:
    """len(pyphen.Pyphen(lang="en_US").positions(word)): the Liang pattern algorithm as pyphen's
    HyphDict.positions runs it (every pattern found in ".word." raises the values at its points;
    odd values are hyphenation points), counting the points between the margins (point k - 1
    for references[k], kept when _LEFT <= k - 1 <= len(word) - _RIGHT).

    pyphen drops values that fall past the end of its list; here the list has room for them
    (a value lies at most `_PAD` past the match's end) and they are never counted."""
    auto = _automaton()
    if auto is None:
        return len(pyphen_en_us().positions(word))
    pointed = f".{word.lower()}."
    references = [0] * (len(pointed) + _PAD)
    for end, pairs in auto.iter(pointed):
        for d, value in pairs:
            if value > references[end + d]:
                references[end + d] = value
    return sum(map(and_, references[_LEFT + 1:len(word) - _RIGHT + 2], repeat(1)))
