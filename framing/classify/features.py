"""Sentence features a linear model uses well, each with a human-readable name.

Four blocks, concatenated in a fixed order:

- words: word 1-2-grams, tf-idf (sublinear tf, l2-normalised), on ASCII-folded lower-case text;
  stop words ("a", "of", "that") are left out, since they mostly measure the style of whoever wrote
  the training sentences;
- letters: character 3-5-grams of the content words (scikit-learn's ``char_wb``), tf-idf; they
  catch inflections and rare variants ("slamming", "slammed") that a small training set misses;
- lexicon: log(1 + count) of the lexicon stage's findings by category and voice
  ("lexicon: loaded (narrator)"), plus the findings the lexicon flags ("lexicon: flagged wording
  (narrator)"), for the categories seen in training;
- signals: VADER negative/positive/strength, pattern subjectivity and polarity strength (both
  ship their lexicons, so they work offline), and the share of the sentence inside quotation marks.
  They enter scaled down (`signal_scale`): on hand-written minimal pairs they are so predictive that
  a model leans on them and then mistakes any emotional news sentence for biased wording.

Learned state (vocabularies, idf weights, lexicon categories) is plain lists and numbers, so a model
can be saved as JSON and rebuilt without pickle (see `to_json` / `from_json`).
"""
from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

from ..text.normalize import fold
from ..text.sentiment import pattern_scores, vader_scores
from .inputs import SentenceInput

_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")

SIGNAL_NAMES = (
    "sentiment: negative (VADER)",
    "sentiment: positive (VADER)",
    "sentiment: strength (VADER)",
    "subjectivity (pattern)",
    "sentiment: strength (pattern)",
    "attribution: inside a quote",
)


@dataclass(frozen=True)
class FeatureConfig:
    """Which blocks to use and how. Part of a saved model, so it must stay JSON-friendly."""

    words: bool = True
    word_ngrams: tuple[int, int] = (1, 2)
    letters: bool = True
    letter_ngrams: tuple[int, int] = (3, 5)
    stop_words: bool = True  # leave function words ("a", "of", "that") out of words and letters
    lexicon: bool = True
    signals: bool = True
    signal_scale: float = 0.1  # multiplies the signal block: smaller = more strongly regularised
    min_df: int = 1  # hand-written data names many loaded words once: keep them
    max_word_features: int = 30000
    max_letter_features: int = 30000

    def to_json(self) -> dict:
        d = asdict(self)
        d["word_ngrams"] = list(self.word_ngrams)
        d["letter_ngrams"] = list(self.letter_ngrams)
        return d

    @classmethod
    def from_json(cls, d: dict) -> "FeatureConfig":
        known = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        for k in ("word_ngrams", "letter_ngrams"):
            if k in known:
                known[k] = tuple(int(x) for x in known[k])
        return cls(**known)


def words_of(text: str) -> list[str]:
    """Lower-case, ASCII-folded word tokens ("Pakistan’s" -> "pakistan's")."""
    return _WORD.findall(fold(text))


def _word_analyzer(ngrams: tuple[int, int], stop: frozenset = frozenset()):
    """Word n-grams; with a stop list, no unigram is a stop word and no n-gram is only stop words.

    Function words mostly measure the style of whoever wrote the training sentences, not bias,
    and they do not carry over to other writers' text.
    """
    lo, hi = ngrams

    def analyze(text) -> list[str]:
        tokens = words_of(text) if isinstance(text, str) else text  # or the text's words
        out = []
        for n in range(lo, hi + 1):
            if n == 1:  # the same grams as the general loop below, in the same order, faster
                out.extend(t for t in tokens if t not in stop)
                continue
            if n == 2:
                out.extend(f"{a} {b}" for a, b in zip(tokens, tokens[1:])
                           if not (a in stop and b in stop))
                continue
            for i in range(len(tokens) - n + 1):
                gram = tokens[i:i + n]
                if stop and all(t in stop for t in gram):
                    continue
                out.append(" ".join(gram))
        return out

    return analyze


def letters_text(text: str, stop: frozenset = frozenset()) -> str:
    """The text letter n-grams are taken from: folded words without stop words or punctuation."""
    return " ".join(t for t in words_of(text) if t not in stop)


class Analysed(NamedTuple):
    """What every model's features and explanations read of one text, computed once per text."""

    words: tuple[str, ...]  # words_of(text)
    word_counts: dict  # word -> occurrences
    grams: dict  # word n-gram (as the word analyzer makes them) -> occurrences
    letter_words: dict  # non-stop word -> occurrences (the words of letters_text)


@lru_cache(maxsize=4096)
def analysed(text: str, word_ngrams: tuple[int, int], stop: frozenset) -> Analysed:
    """Tokens and n-gram counts of one text, memoised: the bias and frame models (and their
    explanations) read the same sentence, so it is folded and split once, not four times.
    The returned dicts are shared: read them, never change them."""
    tokens = words_of(text)
    counts: dict[str, int] = {}
    for t in tokens:
        counts[t] = counts.get(t, 0) + 1
    grams: dict[str, int] = {}
    for g in _word_analyzer(word_ngrams, stop)(tokens):
        grams[g] = grams.get(g, 0) + 1
    letters = {w: c for w, c in counts.items() if w not in stop}
    return Analysed(tuple(tokens), counts, grams, letters)


@lru_cache(maxsize=16384)
def char_wb_counts(word: str, ngrams: tuple[int, int]) -> dict[str, int]:
    """The letter n-grams of one word with their counts, exactly as scikit-learn's ``char_wb``
    analyzer makes them: the word padded with a space on either side; a word shorter than n gives
    one short n-gram and no longer ones. Memoised (shared by every model): do not change the dict."""
    lo, hi = ngrams
    w = f" {word} "
    w_len = len(w)
    out: dict[str, int] = {}
    for n in range(lo, hi + 1):
        offset = 0
        out[w[:n]] = out.get(w[:n], 0) + 1
        while offset + n < w_len:
            offset += 1
            g = w[offset:offset + n]
            out[g] = out.get(g, 0) + 1
        if offset == 0:
            break
    return out


def sentiment(text: str) -> tuple[float, ...]:
    """VADER negative, positive, |compound|; pattern subjectivity, |polarity|: all in [0, 1].

    Both come from framing.text.sentiment, memoised per text: the lexicon and actors stages score
    the same sentences with VADER, so each is scored once per article.
    """
    v = vader_scores(text)
    polarity, subjectivity = pattern_scores(text)
    return (v.neg, v.pos, abs(v.compound), subjectivity, abs(polarity))


def with_sentiment(inputs: list[SentenceInput]) -> list[SentenceInput]:
    """The inputs with their sentiment scores computed once (several models then share them)."""
    return [i if i.sentiment else replace(i, sentiment=sentiment(i.text)) for i in inputs]


def signals(item: SentenceInput) -> list[float]:
    """Sentiment, subjectivity and quotation signals of one input, all in [0, 1]."""
    return [*(item.sentiment or sentiment(item.text)), float(item.quote_share)]


def _tfidf(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Sublinear tf x idf, rows l2-normalised (the same maths as TfidfVectorizer).

    `counts` must have sorted indices (CountVectorizer's layout). Written on the arrays rather
    than as sparse products with diagonal matrices, which cost more in scipy's bookkeeping than in
    arithmetic; every value is the same product of the same factors as before, and the squared
    norms are summed by scipy in the same column order, so the results are bit for bit the same.
    """
    indptr, idx = counts.indptr, counts.indices
    data = (1.0 + np.log(counts.data.astype(np.float64))) * idf[idx]
    squares = sp.csr_matrix((data * data, idx, indptr), shape=counts.shape)
    norms = np.sqrt(np.asarray(squares.sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    rows = np.repeat(np.arange(counts.shape[0]), np.diff(indptr))
    return sp.csr_matrix(((1.0 / norms)[rows] * data, idx.copy(), indptr.copy()), shape=counts.shape)


class FeatureExtractor:
    """fit / transform over `SentenceInput`s; `names_` lists every column's readable name."""

    def __init__(self, config: FeatureConfig | None = None):
        self.config = config or FeatureConfig()

    # -- fitting ---------------------------------------------------------------------------
    def fit(self, inputs: list[SentenceInput]) -> "FeatureExtractor":
        cfg = self.config
        if cfg.stop_words:
            from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

            self.stop_words_ = sorted(ENGLISH_STOP_WORDS)
        else:
            self.stop_words_ = []
        stop = frozenset(self.stop_words_)
        texts = [i.text for i in inputs]
        n = len(texts)
        self.word_vocab_: list[str] = []
        self.word_idf_ = np.zeros(0)
        self.letter_vocab_: list[str] = []
        self.letter_idf_ = np.zeros(0)
        if cfg.words:
            self.word_vocab_, self.word_idf_ = self._fit_block(
                CountVectorizer(analyzer=_word_analyzer(cfg.word_ngrams, stop), min_df=cfg.min_df,
                                max_features=cfg.max_word_features), texts, n)
        if cfg.letters:
            self.letter_vocab_, self.letter_idf_ = self._fit_block(
                CountVectorizer(analyzer="char_wb", ngram_range=cfg.letter_ngrams, lowercase=False,
                                min_df=cfg.min_df, max_features=cfg.max_letter_features),
                [letters_text(t, stop) for t in texts], n)
        keys = set()
        if cfg.lexicon:
            for item in inputs:
                keys.update(item.lexicon)
        self.lexicon_keys_: list[tuple[str, str]] = sorted(keys)
        self._build()
        return self

    @staticmethod
    def _fit_block(vectorizer: CountVectorizer, texts: list[str], n: int):
        try:
            counts = vectorizer.fit_transform(texts)
        except ValueError:  # empty vocabulary (tiny data sets)
            return [], np.zeros(0)
        vocab = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
        df = np.bincount(counts.indices, minlength=len(vocab))
        idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
        return vocab, idf

    def _build(self) -> None:
        """Rebuild the transform-time objects from the learned lists (after fit or from_json)."""
        cfg = self.config
        self._stop = frozenset(self.stop_words_)
        self._word_cv = (CountVectorizer(analyzer=_word_analyzer(cfg.word_ngrams, self._stop),
                                         vocabulary={t: i for i, t in enumerate(self.word_vocab_)})
                         if self.word_vocab_ else None)
        self._letter_cv = (CountVectorizer(analyzer="char_wb", ngram_range=cfg.letter_ngrams,
                                           lowercase=False,
                                           vocabulary={t: i for i, t in enumerate(self.letter_vocab_)})
                           if self.letter_vocab_ else None)
        self._lexicon_index = {k: i for i, k in enumerate(self.lexicon_keys_)}
        names = [('words: "%s"' if " " in t else 'word: "%s"') % t for t in self.word_vocab_]
        names += ['letters: "%s"' % t for t in self.letter_vocab_]
        names += [f"lexicon: {c} ({v})" for c, v in self.lexicon_keys_]
        if cfg.signals:
            names += list(SIGNAL_NAMES)
        self.names_: list[str] = names
        self.blocks_ = {
            "words": (0, len(self.word_vocab_)),
            "letters": (len(self.word_vocab_), len(self.word_vocab_) + len(self.letter_vocab_)),
        }
        start = self.blocks_["letters"][1]
        self.blocks_["lexicon"] = (start, start + len(self.lexicon_keys_))
        start += len(self.lexicon_keys_)
        self.blocks_["signals"] = (start, len(names))

    def __getstate__(self):  # worker processes: send the learned lists, rebuild the rest there
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def __setstate__(self, state):
        self.__dict__.update(state)
        if hasattr(self, "names_"):
            self._build()

    # -- transforming ----------------------------------------------------------------------
    @property
    def n_features(self) -> int:
        return len(self.names_)

    def transform(self, inputs: list[SentenceInput]) -> sp.csr_matrix:
        return self.transform_with_letters(inputs)[0]

    def transform_with_letters(self, inputs: list[SentenceInput]) -> tuple[sp.csr_matrix, "LetterLayout | None"]:
        """The feature matrix, and which words' letter n-grams made its letter block (explanations
        credit n-grams back to words from it; None without a letter block)."""
        texts = [i.text for i in inputs]
        n = len(texts)
        parts = []
        layout = None
        if self._word_cv is not None or self._letter_cv is not None:
            found = [analysed(t, self.config.word_ngrams, self._stop) for t in texts]
        if self._word_cv is not None:
            parts.append(_tfidf(self._count_words(found), self.word_idf_))
        if self._letter_cv is not None:
            layout = self.letter_layout(found)
            parts.append(_tfidf(self._count_letters(layout), self.letter_idf_))
        if self.lexicon_keys_:
            rows, cols, vals = [], [], []
            for r, item in enumerate(inputs):
                for key, count in item.lexicon.items():
                    c = self._lexicon_index.get(key)
                    if c is not None and count > 0:
                        rows.append(r)
                        cols.append(c)
                        vals.append(math.log1p(count))
            parts.append(sp.csr_matrix((vals, (rows, cols)), shape=(n, len(self.lexicon_keys_))))
        if self.config.signals:
            dense = np.array([signals(i) for i in inputs], dtype=np.float64).reshape(n, len(SIGNAL_NAMES))
            parts.append(sp.csr_matrix(dense * self.config.signal_scale))
        if not parts:
            return sp.csr_matrix((n, 0)), layout
        return sp.hstack(parts, format="csr"), layout

    # The two count matrices below are, entry for entry and in the same order, what the fitted
    # CountVectorizers' transform returns (tests/test_classify_features.py checks it); they skip
    # its per-call overhead and reuse the memoised analysis of each text and letter n-grams of
    # each word. _tfidf then does the same arithmetic on the same matrix, so scores do not change.
    def _count_words(self, found: list[Analysed]) -> sp.csr_matrix:
        vocab = self._word_cv.vocabulary
        get = vocab.get
        indices: list[int] = []
        values: list[int] = []
        indptr = [0]
        for a in found:
            row = sorted((j, c) for g, c in a.grams.items() if (j := get(g)) is not None)
            indices.extend(j for j, _ in row)
            values.extend(c for _, c in row)
            indptr.append(len(indices))
        return _counts_matrix(values, indices, indptr, len(vocab))

    def letter_layout(self, found: list[Analysed]) -> "LetterLayout":
        """The distinct letter words of some texts (sorted), which rows hold them how often, and
        each word's in-vocabulary n-grams: the letter block is rows x words @ words x n-grams."""
        words = sorted(set().union(*(a.letter_words for a in found)))
        ids = {w: i for i, w in enumerate(words)}
        word_ids: list[int] = []
        times: list[int] = []
        row_ptr = [0]
        for a in found:
            for i, t in sorted((ids[w], t) for w, t in a.letter_words.items()):
                word_ids.append(i)
                times.append(t)
            row_ptr.append(len(word_ids))
        grams = [self.letter_grams(w) for w in words]
        w_ptr = np.zeros(len(grams) + 1, dtype=np.int64)
        if grams:
            np.cumsum(np.fromiter((len(g[0]) for g in grams), dtype=np.int64, count=len(grams)),
                      out=w_ptr[1:])
            cols = np.concatenate([g[0] for g in grams])
            counts = np.concatenate([g[1] for g in grams])
        else:
            cols = counts = np.zeros(0, dtype=np.int64)
        return LetterLayout(words, np.asarray(row_ptr, dtype=np.int64), np.asarray(word_ids, dtype=np.int64),
                            np.asarray(times, dtype=np.int64), w_ptr, cols, counts)

    def _count_letters(self, layout: "LetterLayout | list[Analysed]") -> sp.csr_matrix:
        # rows x distinct words (occurrences) @ distinct words x n-grams (counts): integer
        # products, so the counts are exact; sort_indices gives CountVectorizer's layout.
        if not isinstance(layout, LetterLayout):
            layout = self.letter_layout(layout)
        width = len(self.letter_vocab_)
        n_rows = len(layout.row_ptr) - 1
        if not layout.words:
            return _counts_matrix([], [], layout.row_ptr.tolist(), width)
        W = sp.csr_matrix((layout.counts, layout.cols, layout.w_ptr), shape=(len(layout.words), width))
        R = sp.csr_matrix((layout.times, layout.word_ids, layout.row_ptr), shape=(n_rows, len(layout.words)))
        C = (R @ W).tocsr()
        C.sort_indices()
        return _counts_matrix(C.data, C.indices, C.indptr, width)

    def letter_grams(self, word: str) -> tuple[np.ndarray, np.ndarray]:
        """(sorted letter-block column indices, counts) of the in-vocabulary n-grams of one word.

        Cached per extractor (bounded), since the same words recur across sentences and articles.
        """
        cache = self.__dict__.setdefault("_gram_cache", {})
        got = cache.get(word)
        if got is None:
            get = self._letter_cv.vocabulary.get
            pairs = sorted((j, c) for g, c in char_wb_counts(word, self.config.letter_ngrams).items()
                           if (j := get(g)) is not None)
            both = np.array(pairs, dtype=np.int64).reshape(len(pairs), 2).T.copy()
            got = (both[0], both[1])  # two views of one small block
            if len(cache) > 200_000:
                cache.clear()
            cache[word] = got
        return got

    # -- saving ----------------------------------------------------------------------------
    def to_json(self) -> dict:
        return {
            "config": self.config.to_json(),
            "word_vocabulary": list(self.word_vocab_),
            "word_idf": [round_sig(x) for x in self.word_idf_],
            "letter_vocabulary": list(self.letter_vocab_),
            "letter_idf": [round_sig(x) for x in self.letter_idf_],
            "lexicon_keys": [list(k) for k in self.lexicon_keys_],
            "stop_words": list(self.stop_words_),
        }

    @classmethod
    def from_json(cls, d: dict) -> "FeatureExtractor":
        self = cls(FeatureConfig.from_json(d["config"]))
        self.word_vocab_ = [str(t) for t in d["word_vocabulary"]]
        self.word_idf_ = np.asarray(d["word_idf"], dtype=np.float64)
        self.letter_vocab_ = [str(t) for t in d["letter_vocabulary"]]
        self.letter_idf_ = np.asarray(d["letter_idf"], dtype=np.float64)
        self.lexicon_keys_ = [(str(c), str(v)) for c, v in d["lexicon_keys"]]
        self.stop_words_ = [str(w) for w in d.get("stop_words", [])]
        if len(self.word_idf_) != len(self.word_vocab_) or len(self.letter_idf_) != len(self.letter_vocab_):
            raise ValueError("vocabulary and idf lengths differ")
        self._build()
        return self


class LetterLayout(NamedTuple):
    """How a letter block was made (see FeatureExtractor.letter_layout). Local column indices."""

    words: list  # distinct words, sorted
    row_ptr: np.ndarray  # row r's words are word_ids[row_ptr[r]:row_ptr[r + 1]] (ascending)
    word_ids: np.ndarray
    times: np.ndarray  # occurrences of each of those words in the row
    w_ptr: np.ndarray  # word i's n-grams are cols[w_ptr[i]:w_ptr[i + 1]] (ascending)
    cols: np.ndarray
    counts: np.ndarray  # occurrences of each of those n-grams in the word


def _counts_matrix(values: list[int], indices: list[int], indptr: list[int], width: int) -> sp.csr_matrix:
    """A counts matrix laid out like CountVectorizer's (int64 counts, int32 sorted indices)."""
    return sp.csr_matrix((np.asarray(values, dtype=np.int64), np.asarray(indices, dtype=np.int32),
                          np.asarray(indptr, dtype=np.int32)), shape=(len(indptr) - 1, width))


def round_sig(x: float, digits: int = 7) -> float:
    """Round to significant digits, so saved files are small and identical on every platform."""
    x = float(x)
    if x == 0.0 or not math.isfinite(x):
        return 0.0
    return float(f"{x:.{digits}g}")
