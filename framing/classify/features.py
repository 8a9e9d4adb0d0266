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

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

from ..text.normalize import fold
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

    def analyze(text: str) -> list[str]:
        tokens = words_of(text)
        out = []
        for n in range(lo, hi + 1):
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


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _pattern():
    from textblob.en import sentiment

    return sentiment


def sentiment(text: str) -> tuple[float, ...]:
    """VADER negative, positive, |compound|; pattern subjectivity, |polarity|: all in [0, 1]."""
    v = _vader().polarity_scores(text)
    polarity, subjectivity = _pattern()(text)[:2]
    return (v["neg"], v["pos"], abs(v["compound"]), float(subjectivity), abs(float(polarity)))


def with_sentiment(inputs: list[SentenceInput]) -> list[SentenceInput]:
    """The inputs with their sentiment scores computed once (several models then share them)."""
    return [i if i.sentiment else replace(i, sentiment=sentiment(i.text)) for i in inputs]


def signals(item: SentenceInput) -> list[float]:
    """Sentiment, subjectivity and quotation signals of one input, all in [0, 1]."""
    return [*(item.sentiment or sentiment(item.text)), float(item.quote_share)]


def _tfidf(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Sublinear tf x idf, rows l2-normalised (the same maths as TfidfVectorizer)."""
    x = counts.astype(np.float64).tocsr()
    x.data = 1.0 + np.log(x.data)
    x = x @ sp.diags(idf)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ x)


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
        texts = [i.text for i in inputs]
        n = len(texts)
        parts = []
        if self._word_cv is not None:
            parts.append(_tfidf(self._word_cv.transform(texts), self.word_idf_))
        if self._letter_cv is not None:
            parts.append(_tfidf(self._letter_cv.transform([letters_text(t, self._stop) for t in texts]),
                                self.letter_idf_))
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
            return sp.csr_matrix((n, 0))
        return sp.hstack(parts, format="csr")

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


def round_sig(x: float, digits: int = 7) -> float:
    """Round to significant digits, so saved files are small and identical on every platform."""
    x = float(x)
    if x == 0.0 or not math.isfinite(x):
        return 0.0
    return float(f"{x:.{digits}g}")
