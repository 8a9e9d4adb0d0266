"""The word and letter count matrices of an article, from word ids with numpy (no per-word loop).

`IdLookups` holds, for one fitted extractor, arrays indexed by word id (framing.classify.wordids):
stop word or not, the word block column of the word as a unigram, the sorted (first id, second id)
keys of the vocabulary's bigrams, and each word's in-vocabulary letter n-grams. They grow as new
words appear (capacity doubling, so an article pays only for its new words) and are rebuilt when
the word table starts a new generation.

The matrices are entry for entry what the fitted CountVectorizers give (tests compare them), so
the tf-idf features, the scores and the explanations do not change; only the cost does.

The arrays here (and in the rest of the classifier's per-article code) are small, so numpy's
fixed costs dominate: code that runs once per article calls array methods (`a.cumsum()`,
`a.nonzero()[0]`, `a.repeat(n)`, `a.searchsorted(v)`) rather than the module functions that wrap
them (`np.cumsum`, `np.flatnonzero`, `np.diff`, ...), which cost another microsecond or two per
call in Python: some 5% of the classify stage in session 10, for the same arrays.
"""
from __future__ import annotations

from itertools import repeat
from typing import NamedTuple

import numpy as np

from .wordids import SHIFT, TABLE, ArticleWords  # noqa: F401 (SHIFT: a bigram key's shift)
from .wordunits import prefix_length, prefixes, word_units


def char_wb_counts(word: str, ngrams: tuple[int, int]) -> dict[str, int]:
    """The letter n-grams of one word with their counts, exactly as scikit-learn's ``char_wb``
    analyzer makes them (tests compare): the word padded with a space on either side; a word no
    longer than n gives itself once and no longer n-grams."""
    lo, hi = ngrams
    w = f" {word} "
    size = len(w)
    out: dict[str, int] = {}
    for n in range(lo, hi + 1):
        if size <= n:
            out[w] = out.get(w, 0) + 1
            break
        for i in range(size - n + 1):
            g = w[i:i + n]
            out[g] = out.get(g, 0) + 1
    return out


def unique_inverse_counts(keys: np.ndarray):
    """np.unique(keys, return_inverse=True, return_counts=True), inverse flat, the same arrays.

    The keys made here are runs already in order (a word's n-grams in column order, rows one
    after another); a stable sort (timsort) merges such runs in far fewer steps than np.unique's
    quicksort, and the unique values, inverse and counts do not depend on the sort used.
    """
    perm = keys.argsort(kind="stable")
    ordered = keys[perm]
    first = np.empty(len(ordered), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    starts = first.nonzero()[0]
    inverse = np.empty(len(ordered), dtype=np.intp)
    inverse[perm] = first.cumsum() - 1
    return ordered[starts], inverse, _sizes(starts, len(ordered))


def unique_counts(keys: np.ndarray):
    """np.unique(keys, return_counts=True) by a stable sort (see unique_inverse_counts)."""
    ordered = keys.copy()
    ordered.sort(kind="stable")
    first = np.empty(len(ordered), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    starts = first.nonzero()[0]
    return ordered[starts], _sizes(starts, len(ordered))


def _sizes(starts: np.ndarray, total: int) -> np.ndarray:
    """np.diff(np.append(starts, total)): the length of each run that starts at `starts`."""
    out = np.empty(len(starts), dtype=starts.dtype)
    np.subtract(starts[1:], starts[:-1], out=out[:-1])
    if len(out):
        out[-1] = total - starts[-1]
    return out


class _Grow:
    """A 1-d numpy array that can be appended to (amortised: capacity doubles)."""

    def __init__(self, dtype, first=()):
        self.a = np.zeros(max(1024, len(first)), dtype=dtype)
        self.n = 0
        self.append(first)

    def append(self, values) -> None:
        values = np.asarray(values, dtype=self.a.dtype)
        need = self.n + len(values)
        if need > len(self.a):
            grown = np.zeros(max(need, 2 * len(self.a)), dtype=self.a.dtype)
            grown[:self.n] = self.a[:self.n]
            self.a = grown
        self.a[self.n:need] = values
        self.n = need

    @property
    def view(self) -> np.ndarray:
        return self.a[:self.n]


class IdLookups:
    """Per-word-id arrays of one extractor (see the module docstring)."""

    def __init__(self, extractor):
        self.ex = extractor
        self.generation = -1

    def _start(self) -> None:
        ex = self.ex
        self.generation = TABLE.generation
        self.known = 0  # ids [0, known) are filled in
        self.stop = _Grow(np.bool_)
        self.uni = _Grow(np.int64)
        self.grams_version = -1  # the WordGrams version the letter arrays below are built on
        if ex._letter_index is not None:
            word_grams(ex.config.letter_ngrams, ex.config.letter_unit).register(ex.letter_vocab_)
        vocab = ex.word_vocab_
        # The vocabulary's words get ids now, so unigram columns and bigram keys can be filled in.
        keys, cols = [], []
        for j, term in enumerate(vocab):
            parts = term.split(" ")
            if len(parts) == 2:
                keys.append((TABLE[parts[0]] << SHIFT) | TABLE[parts[1]])
                cols.append(j)
            elif len(parts) == 1:
                TABLE[parts[0]]
        order = np.argsort(np.asarray(keys, dtype=np.int64), kind="stable")
        self.bi_keys = np.asarray(keys, dtype=np.int64)[order]
        self.bi_cols = np.asarray(cols, dtype=np.int64)[order]
        self.uni_of = {t: j for j, t in enumerate(vocab) if " " not in t}
        # word block column -> the id of its word (-1 for bigrams): explanations merge a word's
        # unigram feature with its letter n-grams by id
        self.uni_gid = np.full(len(vocab), -1, dtype=np.int64)
        for t, j in self.uni_of.items():
            self.uni_gid[j] = TABLE[t]

    def update(self, generation: int) -> None:
        """Fill in the ids the table has handed out since the last call."""
        with TABLE.lock:
            if self.generation != generation or self.generation != TABLE.generation:
                self._start()
            n = len(TABLE.words)
            ex = self.ex
            if n != self.known:
                new = TABLE.words[self.known:n]
                self.stop.append(list(map(ex._stop.__contains__, new)))
                self.uni.append(list(map(self.uni_of.get, new, repeat(-1))))
                self.known = n
            if ex._letter_index is not None:
                self._sync_letters()

    def _sync_letters(self) -> None:
        """Letter columns and counts of the words not done yet: their n-grams (WordGrams, shared
        by every model) mapped to this model's columns with one array lookup, ascending."""
        grams = word_grams(self.ex.config.letter_ngrams, self.ex.config.letter_unit)
        with TABLE.lock:
            grams.update()
            if self.grams_version != grams.version:
                vocab = self.ex._letter_index
                self.gram_col = np.array([vocab.get(g, -1) for g in grams.strings], dtype=np.int64)
                self.g_ptr = _Grow(np.int64, [0])  # letter n-grams of id i: g_cols[g_ptr[i]:g_ptr[i + 1]]
                self.g_cols = _Grow(np.int32)
                self.g_counts = _Grow(np.int32)
                self.grams_version, self.letters_known = grams.version, 0
            start, end = self.letters_known, grams.known
            if end == start:
                return
            ptr = grams.ptr.view
            a, b = ptr[start], ptr[end]
            sizes = ptr[start + 1:end + 1] - ptr[start:end]
            if grams.single:  # one unit per word at most: the words holding one, ascending
                word = sizes.nonzero()[0]
            else:
                word = np.arange(end - start, dtype=np.int64).repeat(sizes)
            cols = self.gram_col[grams.ids.view[a:b]]
            keep = (cols >= 0) & ~self.stop.view[start:end][word]
            word, cols, counts = word[keep], cols[keep], grams.counts.view[a:b][keep]
            if not grams.single:  # a word's n-grams in column order (one unit: already)
                order = np.lexsort((cols, word))
                cols, counts = cols[order], counts[order]
            self.g_cols.append(cols)
            self.g_counts.append(counts)
            sizes = np.bincount(word, minlength=end - start)
            self.g_ptr.append(self.g_ptr.view[-1] + sizes.cumsum(dtype=np.int64))
            self.letters_known = end

    # -- the blocks ------------------------------------------------------------------------
    def word_entries(self, aw: ArticleWords, lo: int, hi: int):
        """(rows, columns, counts) of the word block, row-major with columns ascending.

        Unigrams are the article's distinct (row, non-stop word) pairs that are in the vocabulary,
        with their occurrences; bigrams are its pairs of adjacent words (not both stop words)
        found among the vocabulary's, counted. Both come from `ArticleWords.shared`, which the
        other model has usually made already.
        """
        width = len(self.ex.word_vocab_)
        sp = aw.shared(self.ex._stop, self.stop.view)
        keys, counts = [], []
        if lo <= 1 <= hi:
            cols = self.uni.view[sp.seg_gid]
            hit = cols >= 0
            keys.append(sp.seg_row[hit] * width + cols[hit])
            counts.append(sp.seg_times[hit])
        if lo <= 2 <= hi and len(sp.pair_keys) and len(self.bi_keys):
            pairs = sp.pair_keys
            pos = np.minimum(self.bi_keys.searchsorted(pairs), len(self.bi_keys) - 1)
            hit = self.bi_keys[pos] == pairs
            found, times = unique_counts(sp.pair_rows[hit] * width + self.bi_cols[pos[hit]])
            keys.append(found)
            counts.append(times)
        if not keys:
            return _EMPTY, _EMPTY, _EMPTY
        # unigram and bigram columns differ, so the keys are distinct: one sort orders them
        flat = np.concatenate(keys)
        order = flat.argsort(kind="stable")
        flat, times = flat[order], np.concatenate(counts)[order]
        rows, cols = np.divmod(flat, max(width, 1))
        return rows, cols, times.astype(np.int64, copy=False)

    def letter_block(self, aw: ArticleWords) -> "LetterBlock":
        """The letter block's entries and which words' n-grams made them (see LetterBlock)."""
        width = max(len(self.ex.letter_vocab_), 1)
        sp = aw.shared(self.ex._stop, self.stop.view)
        seg_row, seg_gid, times = sp.seg_row, sp.seg_gid, sp.seg_times
        g_ptr = self.g_ptr.view
        first = g_ptr[seg_gid]
        sizes = g_ptr[seg_gid + 1] - first
        has = sizes > 0
        seg_index = has.nonzero()[0]
        seg_row, seg_gid, times, first, sizes = (seg_row[seg_index], seg_gid[seg_index], times[seg_index],
                                                 first[seg_index], sizes[seg_index])
        seg_starts = np.zeros(len(sizes), dtype=np.int64)
        if len(sizes):
            sizes[:-1].cumsum(out=seg_starts[1:])
        total = int(sizes.sum())
        at = (first - seg_starts).repeat(sizes) + np.arange(total, dtype=np.int64)
        e_keys = seg_row.repeat(sizes) * width + self.g_cols.view[at]
        e_vals = times.repeat(sizes) * self.g_counts.view[at]
        uniq, inverse, holders = unique_inverse_counts(e_keys)
        counts = np.bincount(inverse, weights=e_vals, minlength=len(uniq)).astype(np.int64)
        rows, cols = np.divmod(uniq, width)
        return LetterBlock(rows, cols, counts, inverse, holders, seg_starts, seg_row, seg_gid, times,
                           seg_index)


class WordGrams:
    """Every word's letter n-grams (scikit-learn's ``char_wb``) as ids with counts, by word id;
    with another `unit` ("prefix5", "lemma": framing.classify.wordunits), its units instead.

    Shared by every model with the same n-gram range: splitting a new word into n-grams and
    looking them up is done once; each model then maps n-gram ids to its own columns with one
    array lookup. Only n-grams in some registered model's vocabulary are numbered (the others
    never count), which keeps memory bounded by the vocabularies, not by the corpus. Registering
    a vocabulary with new n-grams, or the word table starting again, bumps `version`: the
    per-word lists are made again, and every model's arrays built on them too.
    """

    def __init__(self, ngrams: tuple[int, int], unit: str = "char_wb"):
        self.ngrams = ngrams
        self.unit = unit  # "char_wb": letter n-grams; else the units of framing.classify.wordunits
        self.prefix = prefix_length(unit) if unit != "char_wb" else None
        self.single = self.prefix is not None  # at most one unit per word (its prefix)
        self.index: dict[str, int] = {}
        self.strings: list[str] = []
        self.version = 0
        self._coded = -1  # how many of `strings` _codes() has numbered
        self._reset(TABLE.generation)

    def _reset(self, generation: int) -> None:
        self.generation, self.known = generation, 0
        self.ptr = _Grow(np.int64, [0])
        self.ids = _Grow(np.int32)
        self.counts = _Grow(np.int32)
        self.version += 1

    def register(self, vocabulary) -> None:
        with TABLE.lock:
            new = [g for g in vocabulary if g not in self.index]
            if new:
                for g in new:
                    self.index[g] = len(self.strings)
                    self.strings.append(g)
                self._reset(TABLE.generation)

    def update(self) -> None:
        """Fill in the words the table has handed out since the last call."""
        with TABLE.lock:
            if self.generation != TABLE.generation:
                self._reset(TABLE.generation)
            n = len(TABLE.words)
            if n == self.known:
                return
            ids, counts, sizes = self._grams_of(TABLE.words[self.known:n])
            self.ids.append(ids)
            self.counts.append(counts)
            self.ptr.append(self.ptr.view[-1] + sizes.cumsum(dtype=np.int64))
            self.known = n

    def _grams_of(self, words: list[str]):
        """(ids, counts, sizes): the in-vocabulary n-grams of `words`, ids ascending within a word
        (the same n-grams and counts as ``char_wb_counts``; their order within a word is not used);
        for another unit, the word's in-vocabulary units (framing.classify.wordunits).

        Words made of the classifier's word characters only (all of them, when they come from
        `words_of`) are done with numpy (`_coded_grams`); any other word by its strings.
        """
        if self.prefix is not None:  # the default: one unit per word, the whole list at once
            # each word holds its prefix once or no unit at all, so no pairs to merge: the
            # units found, in word order, each counted once (what _merge makes of them)
            gram = np.fromiter(map(self.index.get, prefixes(words, self.prefix), repeat(-1)),
                               dtype=np.int64, count=len(words))
            hit = gram >= 0
            return gram[hit], np.ones(int(hit.sum()), dtype=np.int64), hit.astype(np.int64)
        if self.unit != "char_wb":
            get, unit = self.index.get, self.unit
            units = [word_units(w, unit) for w in words]
            flat = [u for us in units for u in us]
            word = np.repeat(np.arange(len(words), dtype=np.int64), [len(us) for us in units])
            gram = np.fromiter(map(get, flat, repeat(-1)), dtype=np.int64, count=len(flat))
            hit = gram >= 0
            return self._merge([word[hit]], [gram[hit]], len(words))
        lo, hi = self.ngrams
        if hi <= MAX_CODED:
            coded = _coded_words(words)
            if coded is not None:
                digits, starts, sizes = coded
                if (sizes >= lo).all():  # else a padded word shorter than lo gives itself: strings
                    return self._coded_grams(digits, starts, sizes, len(words))
        return self._string_grams(words)

    def _coded_grams(self, digits: np.ndarray, starts: np.ndarray, sizes: np.ndarray, n_words: int):
        """`_grams_of` on numbers: each n-gram of a padded word is the number its letters spell
        in base RADIX (digits 1..39, so n-grams of different lengths never share a number), made
        for every position of all words at once and looked up in the vocabulary's sorted numbers.
        An n-gram of length k starts at every position i of a word with i + k <= its padded size:
        exactly the n-grams ``char_wb`` lists for words longer than `lo` letters (padding included).
        """
        lo, hi = self.ngrams
        known, ids_of = self._codes()
        total = len(digits)
        owner = np.repeat(np.arange(n_words, dtype=np.int64), sizes)
        room = (starts + sizes)[owner] - np.arange(total, dtype=np.int64)  # letters from here to the end
        codes, owners = [], []
        code = np.zeros(total, dtype=np.int64)
        for k in range(1, min(hi, total) + 1):
            # code[i] = the number of the k letters from i (positions near the end: garbage, masked)
            m = total - k + 1  # positions with k letters after them
            code[:m] = code[:m] * RADIX + digits[k - 1:]
            if k >= lo:
                ok = np.flatnonzero(room[:m] >= k)
                codes.append(code[ok])
                owners.append(owner[ok])
        if not len(known):
            return self._merge([], [], n_words)
        c = np.concatenate(codes)
        pos = np.minimum(np.searchsorted(known, c), len(known) - 1)
        hit = known[pos] == c
        return self._merge([np.concatenate(owners)[hit]], [ids_of[pos[hit]]], n_words)

    def _codes(self):
        """The registered n-grams as sorted numbers (those of word characters only; others can
        never occur in a coded word) and their ids; rebuilt when n-grams have been registered."""
        if self._coded != len(self.strings):
            codes, ids = [], []
            for i, g in enumerate(self.strings):
                c = _code(g)
                if c is not None:
                    codes.append(c)
                    ids.append(i)
            codes = np.asarray(codes, dtype=np.int64)
            order = np.argsort(codes, kind="stable")
            self._known_codes = codes[order]
            self._known_ids = np.asarray(ids, dtype=np.int64)[order]
            self._coded = len(self.strings)
        return self._known_codes, self._known_ids

    def _merge(self, found_words: list, found_ids: list, n_words: int):
        """(ids, counts, sizes) from the (word, n-gram id) pairs found, one pair per occurrence."""
        word = np.concatenate(found_words) if found_words else np.zeros(0, dtype=np.int64)
        gram = np.concatenate(found_ids) if found_ids else np.zeros(0, dtype=np.int64)
        width = max(len(self.strings), 1)
        keys, counts = unique_counts(word * width + gram)
        owner, ids = np.divmod(keys, width)
        return ids, counts, np.bincount(owner, minlength=n_words)

    def _string_grams(self, words: list[str]):
        """`_grams_of` with strings: the n-grams of all words listed flat, looked up with one
        ``map`` (no dict per word to count them), a word's repeated n-grams merged by one sort."""
        lo, hi = self.ngrams
        spans = range(lo, hi + 1)
        flat: list[str] = []
        sizes: list[int] = []
        for word in words:
            w = f" {word} "
            size = len(w)
            before = len(flat)
            if size > hi:  # the usual case: every n-gram length fits
                flat += [w[i:i + k] for k in spans for i in range(size - k + 1)]
            else:
                for k in spans:
                    if size <= k:
                        flat.append(w)
                        break
                    flat += [w[i:i + k] for i in range(size - k + 1)]
            sizes.append(len(flat) - before)
        gram = np.fromiter(map(self.index.get, flat, repeat(-1)), dtype=np.int64, count=len(flat))
        word = np.repeat(np.arange(len(words), dtype=np.int64), sizes)
        hit = gram >= 0
        return self._merge([word[hit]], [gram[hit]], len(words))


#: The characters of the classifier's words (framing.classify.features.words_of) and the space
#: char_wb pads them with; as digits 1..39 of base-RADIX numbers. MAX_CODED letters fit in int64.
WORD_CHARS = " '-0123456789abcdefghijklmnopqrstuvwxyz"
RADIX = 40
MAX_CODED = 11
_DIGIT = np.zeros(256, dtype=np.int64)
_DIGIT[np.frombuffer(WORD_CHARS.encode("ascii"), dtype=np.uint8)] = np.arange(1, len(WORD_CHARS) + 1)
_DIGIT_OF = {ch: i + 1 for i, ch in enumerate(WORD_CHARS)}


def _code(gram: str) -> int | None:
    """The number of an n-gram (None: a character outside WORD_CHARS, or too long)."""
    if len(gram) > MAX_CODED:
        return None
    c = 0
    for ch in gram:
        d = _DIGIT_OF.get(ch)
        if d is None:
            return None
        c = c * RADIX + d
    return c


def _coded_words(words: list[str]):
    """(digits, starts, sizes) of the words padded with a space on either side (" war "), all
    in one array; None when some word holds a character outside WORD_CHARS (or a space)."""
    text = "  ".join(words)
    if not text.isascii():
        return None
    raw = np.frombuffer(f" {text} ".encode("ascii"), dtype=np.uint8)
    digits = _DIGIT[raw]
    sizes = np.fromiter(map(len, words), dtype=np.int64, count=len(words)) + 2
    starts = np.zeros(len(words), dtype=np.int64)
    if len(words) > 1:
        np.cumsum(sizes[:-1], out=starts[1:])
    # only the pads may be spaces, and nothing may be outside the alphabet
    pads = np.zeros(len(digits), dtype=bool)
    pads[starts] = True
    pads[starts + sizes - 1] = True
    if not (digits > 0).all() or (raw[~pads] == 32).any():
        return None
    return digits, starts, sizes


_WORD_GRAMS: dict = {}


def word_grams(ngrams: tuple[int, int], unit: str = "char_wb") -> WordGrams:
    key = (ngrams, unit)
    got = _WORD_GRAMS.get(key)
    if got is None:
        got = _WORD_GRAMS.setdefault(key, WordGrams(ngrams, unit))
    return got


class LetterBlock(NamedTuple):
    """The letter block of some texts, and how it was made, for explanations.

    Entries (rows, cols, counts) are row-major, columns ascending (letter-block columns). Made
    from segments, one per (row, distinct non-stop word holding an in-vocabulary n-gram), words by
    id; a segment's expanded entries are its word's n-grams in column order, starting at
    seg_starts; `inverse` maps each expanded entry to its block entry, `holders` counts, per block
    entry, the row's words that hold that n-gram.
    """

    rows: np.ndarray
    cols: np.ndarray
    counts: np.ndarray
    inverse: np.ndarray
    holders: np.ndarray
    seg_starts: np.ndarray
    seg_row: np.ndarray
    seg_gid: np.ndarray
    seg_times: np.ndarray  # occurrences of the segment's word in its row
    seg_index: np.ndarray  # each segment's place among the article's (row, word) pairs (StopSplit)


_EMPTY = np.zeros(0, dtype=np.int64)
