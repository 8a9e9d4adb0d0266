"""Words as integers: each distinct word gets a number once, so features can be numpy lookups.

Feature extraction used to walk every word of every sentence in Python, once per model, to build
n-grams, letter n-grams and their counts. Here an article's words are split once (the same
`words_of` as always), turned into integer ids with one dict lookup each, and everything after that
(which words are stop words, in a vocabulary, which bigrams exist, which letter n-grams a word has)
is an array indexed by id, shared by every model and computed once per distinct word.

The table only grows while a process runs; past `LIMIT` distinct words it starts again (a new
`generation`), and every cache built on ids notices and rebuilds, so a long batch run stays flat in
memory. A lock guards the growth, so web-app threads can share it.
"""
from __future__ import annotations

import threading
from functools import lru_cache
from typing import NamedTuple

import numpy as np

#: Distinct words kept before the table starts again (some tens of MB of caches at most).
LIMIT = 50_000


class WordTable(dict):
    """word -> id; `words[id]` -> word. Looking up an unseen word gives it the next id."""

    def __init__(self):
        super().__init__()
        self.words: list[str] = []
        self.generation = 0
        self.lock = threading.RLock()

    def __missing__(self, word: str) -> int:
        with self.lock:
            got = dict.get(self, word)
            if got is None:
                got = len(self.words)
                self.words.append(word)
                dict.__setitem__(self, word, got)
            return got

    def ids(self, words: list[str]) -> np.ndarray:
        return np.fromiter(map(self.__getitem__, words), dtype=np.int64, count=len(words))

    def maybe_restart(self) -> None:
        """Start afresh when full (called between articles, never while one is being scored)."""
        if len(self.words) > LIMIT:
            with self.lock:
                self.clear()
                self.words = []
                self.generation += 1
                _article_words.cache_clear()


TABLE = WordTable()


class ArticleWords(NamedTuple):
    """The words of some texts (an article's sentences): flat as strings and as ids, with each
    text's size. No per-text lists: the features and signals read the flat ids, so slicing the
    flat list per sentence was work for nothing."""

    flat: list  # every word of every text, in order (words_of of each text, one after another)
    sizes: np.ndarray  # how many words each text has
    ids: np.ndarray  # every word of every text, in order, as ids
    row: np.ndarray  # the text each of those words belongs to
    generation: int  # TABLE.generation the ids belong to
    memo: dict  # arrays derived from the words that every model with the same stop words shares

    def shared(self, stop: frozenset, stop_of_ids: np.ndarray) -> "StopSplit":
        """The stop-word-dependent arrays of these words (`stop_of_ids`: stop flag by word id),
        made once for the bias and the frame model alike (their stop lists are the same)."""
        got = self.memo.get(stop)
        if got is None:
            got = self.memo[stop] = stop_split(self.ids, self.row, stop_of_ids[self.ids])
        return got


class StopSplit(NamedTuple):
    """What the word and letter blocks of every model read of an article's words, given its stop
    words: each distinct (row, non-stop word id) with its occurrences, rows and ids ascending
    (a row's letter-block segments and its unigrams), and the adjacent pairs in one row that are
    not both stop words (its bigram candidates), as (first id << SHIFT | second id) keys."""

    seg_row: np.ndarray
    seg_gid: np.ndarray
    seg_times: np.ndarray
    pair_keys: np.ndarray
    pair_rows: np.ndarray


SHIFT = 32  # a bigram's key: first id << SHIFT | second id


def stop_split(ids: np.ndarray, row: np.ndarray, stop: np.ndarray) -> StopSplit:
    from .fastcount import unique_counts

    keep = ~stop
    n_ids = len(TABLE.words) + 1
    keys, times = unique_counts(row[keep] * n_ids + ids[keep])
    seg_row, seg_gid = np.divmod(keys, n_ids)
    if len(ids) > 1:
        same = row[1:] == row[:-1]
        same &= ~(stop[1:] & stop[:-1])
        pair_keys = (ids[:-1][same] << SHIFT) | ids[1:][same]
        pair_rows = row[1:][same]
    else:
        pair_keys = pair_rows = np.zeros(0, dtype=np.int64)
    return StopSplit(seg_row, seg_gid, times, pair_keys, pair_rows)


def article_words(texts) -> ArticleWords:
    """Words and ids of `texts` (memoised for the last few articles: every model reads them)."""
    TABLE.maybe_restart()
    return _article_words(tuple(texts))


@lru_cache(maxsize=4)
def _article_words(texts: tuple) -> ArticleWords:
    from .splitwords import split_texts

    flat, sizes = split_texts(texts)  # = words_of of each text, all at once
    ids = TABLE.ids(flat)
    row = np.arange(len(texts), dtype=np.int64).repeat(sizes)
    return ArticleWords(flat, sizes, ids, row, TABLE.generation, {})
