"""Hyphenation points of an English word, as pyphen's en_US dictionary gives them, counted fast.

Both readability measures count syllables from them (the batch profiles' per-article figures,
and textstat's formulas in the story comparison for words the CMU dictionary lacks).
`pyphen.Pyphen.positions` makes a DataInt object per hyphenation point, keeps every word it has
seen in an unbounded cache of its own, and slices and looks up every substring of the word up to
the longest pattern. `hyphen_points` counts the same points with the same patterns (pyphen's
wheel ships them, so nothing is downloaded), walking a character trie that stops as soon as no
pattern goes on and making no objects; callers keep their own bounded memos.
tests/test_batch_readability.py compares it with pyphen on thousands of words.
"""
from __future__ import annotations

from functools import lru_cache

_LEFT = _RIGHT = 2  # pyphen.Pyphen's defaults: no point within 2 letters of either end


@lru_cache(maxsize=1)
def pyphen_en_us():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=1)
def _trie() -> dict:
    """pyphen's en_US pattern table as a character trie: node[char] -> child node; a node that
    ends a pattern holds its (offset, values) under the key None."""
    root: dict = {}
    for key, pattern in pyphen_en_us().hd.patterns.items():
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[None] = pattern
    return root


def hyphen_points(word: str) -> int:
    """len(pyphen.Pyphen(lang="en_US").positions(word)): the Liang pattern algorithm as pyphen's
    HyphDict.positions runs it (every pattern found in ".word." raises the values at its points;
    odd values are hyphenation points), counting the points between the margins. The substrings
    starting at each letter are followed down a trie, so the walk stops where no pattern goes on."""
    root = _trie()
    pointed = f".{word.lower()}."
    n = len(pointed)
    references = [0] * (n + 1)
    for i in range(n - 1):
        node = root
        for ch in pointed[i:]:
            node = node.get(ch)
            if node is None:
                break
            pattern = node.get(None)
            if pattern is not None:
                offset, values = pattern
                for k, value in zip(range(i + offset, n + 1), values):  # as pyphen's slice
                    if value > references[k]:
                        references[k] = value
    last = len(word) - _RIGHT
    return sum(1 for k, ref in enumerate(references) if ref % 2 and _LEFT <= k - 1 <= last)
