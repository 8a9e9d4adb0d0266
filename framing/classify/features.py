"""Sentence features a linear model uses well, each with a human-readable name.

Four blocks, concatenated in a fixed order:

- words: word 1-2-grams, tf-idf (sublinear tf, l2-normalised), on ASCII-folded lower-case text;
  stop words ("a", "of", "that") are left out, since they mostly measure the style of whoever wrote
  the training sentences;
- letters: one unit per content word, its first five letters ("econo~" for "economy",
  "economic" and "economists"; "slamm~" for "slamming" and "slammed"; a short word is itself),
  tf-idf; they catch inflections and variants that a small training set misses. Until session 6
  this block was the words' character 3-5-grams (scikit-learn's ``char_wb``, still available as
  ``letter_unit="char_wb"``, and what models saved without a unit use): ten to twenty features
  per word: dropping them for the prefixes cut the stage's CPU time by 28-34%, with every
  accuracy figure within its noise (the frame model's cross-validated macro-F1 0.007 lower on
  average; docs/accuracy_classifier.md, session 6). Other units: framing.classify.wordunits;
- lexicon: log(1 + count) of the lexicon stage's findings by category and voice
  ("lexicon: loaded (narrator)"), plus the findings the lexicon flags ("lexicon: flagged wording
  (narrator)"), for the categories seen in training;
- signals: VADER negative/positive/strength, pattern subjectivity and polarity strength (means of
  pattern's lexicon over the sentence's words, framing.classify.signals; both lexicons ship in
  their wheels, so they work offline), and the share of the sentence inside quotation marks.
  They enter scaled down (`signal_scale`): on hand-written minimal pairs they are so predictive that
  a model leans on them and then mistakes any emotional news sentence for biased wording.

Learned state (vocabularies, idf weights, lexicon categories) is plain lists and numbers, so a model
can be saved as JSON and rebuilt without pickle (see `to_json` / `from_json`).

Fitting uses scikit-learn's CountVectorizers (imported there, never when scoring); transforming
does not: an article's words are numbered once (framing.classify.wordids) and the count matrices
come from numpy lookups by word id (framing.classify.fastcount), entry for entry what the
vectorizers give (tests compare), about ten times cheaper; the letter units of each new word are
made once per process (fastcount.WordGrams, whatever the unit). The matrices are numpy arrays in CSR
layout (framing.classify.rows), so scoring imports neither scikit-learn nor scipy. Explanations
are in framing.classify.explain.
"""
from __future__ import annotations

import math
import re
import threading
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from ..text.normalize import FOLD
from ..text.stopwords import english_stop_words
from .fastcount import IdLookups, LetterBlock, char_wb_counts  # noqa: F401 (char_wb_counts: API)
from .inputs import SentenceInput, make_input
from .rows import FeatureRows, from_entries
from .signals import sentence_signals
from .wordids import ArticleWords, article_words

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
    # "prefix5": one unit per content word, its first five letters (framing.classify.wordunits);
    # "char_wb": letter n-grams in letter_ngrams (models saved before session 6 say nothing: char_wb)
    letter_unit: str = "prefix5"
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
        known.setdefault("letter_unit", "char_wb")  # saved before the unit existed: n-grams
        for k in ("word_ngrams", "letter_ngrams"):
            if k in known:
                known[k] = tuple(int(x) for x in known[k])
        return cls(**known)


def words_of(text: str) -> list[str]:
    """Lower-case, ASCII-folded word tokens ("Pakistan’s" -> "pakistan's"): the words of
    `_WORD.findall(framing.text.normalize.fold(text))`.

    Cheaper than folding: str.translate looks up every character of a non-ASCII text in a dict.
    Only the characters fold turns into a word character (’ -> ', – -> -) change what the
    pattern finds; the others it folds (quotes, spaces) separate words whether folded or not, and
    lower-casing commutes with the folding (it neither makes nor changes those punctuation marks).
    So a scan for the former, replaced only where present, gives the same words (tests compare).
    """
    low = text.lower()
    if _JOINER.search(low) is not None:
        low = _JOINER.sub(_join, low)
    return _WORD.findall(low)


#: the characters fold() turns into a word character (an apostrophe or a hyphen), and into which
_JOINERS = {chr(c): t for c, t in FOLD.items() if re.search(r"[a-z0-9'-]", t)}
_JOINER = re.compile("[" + re.escape("".join(sorted(_JOINERS))) + "]")


def _join(m) -> str:
    return _JOINERS[m.group()]


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


def _unit_analyzer(unit: str, stop: frozenset = frozenset()):
    """The units of the letter block other than char_wb (framing.classify.wordunits.word_units)
    of each non-stop word, as many times as the word occurs."""
    from .wordunits import word_units

    def analyze(text) -> list[str]:
        return [u for t in words_of(text) if t not in stop for u in word_units(t, unit)]

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


def sentiment(text: str) -> tuple[float, ...]:
    """VADER negative, positive, |compound|; pattern subjectivity, |polarity|: all in [0, 1].

    See framing.classify.signals: VADER memoised per text (the lexicon and actors stages score the
    same sentences), pattern's lexicon read over the words the classifier has split.
    """
    return sentence_signals([text])[0]


def with_sentiment(inputs: list[SentenceInput]) -> list[SentenceInput]:
    """The inputs with their sentiment scores computed once (several models then share them)."""
    missing = [i.text for i in inputs if not i.sentiment]
    if not missing:
        return list(inputs)
    computed = iter(sentence_signals(missing))
    return [i if i.sentiment else make_input(i.text, i.quote_share, i.lexicon, next(computed), i.lexicon_words)
            for i in inputs]


def signals(item: SentenceInput) -> list[float]:
    """Sentiment, subjectivity and quotation signals of one input, all in [0, 1]."""
    return [*(item.sentiment or sentiment(item.text)), float(item.quote_share)]


def _tfidf_values(rows: np.ndarray, counts: np.ndarray, idf: np.ndarray, n: int) -> np.ndarray:
    """Sublinear tf x idf, rows l2-normalised (TfidfVectorizer's maths), on row-major entries.

    The squared norms are summed as scipy's `csr.sum(axis=1)` sums them (np.add.reduceat over
    each non-empty row), so the values are bit for bit those of the matrix version this replaced.
    """
    data = (1.0 + np.log(counts.astype(np.float64))) * idf
    indptr = rows.searchsorted(np.arange(n + 1))
    norms = np.zeros(n)
    major = (indptr[1:] != indptr[:-1]).nonzero()[0]
    if len(major):
        norms[major] = np.add.reduceat(data * data, indptr[major])
    norms = np.sqrt(norms)
    norms[norms == 0] = 1.0
    return (1.0 / norms)[rows] * data


def _coo_csr(rows, cols, values, n: int, width: int) -> FeatureRows:
    """Row-major (rows, cols, values) as a CSR matrix laid out like CountVectorizer's."""
    return from_entries(rows, cols, np.asarray(values, dtype=np.int64), n, width)


class FeatureExtractor:
    """fit / transform over `SentenceInput`s; `names_` lists every column's readable name."""

    def __init__(self, config: FeatureConfig | None = None):
        self.config = config or FeatureConfig()

    # -- fitting ---------------------------------------------------------------------------
    def fit(self, inputs: list[SentenceInput]) -> "FeatureExtractor":
        cfg = self.config
        from sklearn.feature_extraction.text import CountVectorizer  # fitting only

        if cfg.stop_words:
            self.stop_words_ = sorted(english_stop_words())  # scikit-learn's list, as a data file
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
        if cfg.letters and cfg.letter_unit != "char_wb":
            self.letter_vocab_, self.letter_idf_ = self._fit_block(
                CountVectorizer(analyzer=_unit_analyzer(cfg.letter_unit, stop), min_df=cfg.min_df,
                                max_features=cfg.max_letter_features), texts, n)
        elif cfg.letters:
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
    def _fit_block(vectorizer, texts: list[str], n: int):
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
        # one object per distinct stop list: models' shared per-article arrays are keyed by it
        self._stop = _STOP_LISTS.setdefault(frozenset(self.stop_words_), frozenset(self.stop_words_))
        # term -> column of the word and letter blocks (None: the block is empty)
        self._word_index = {t: i for i, t in enumerate(self.word_vocab_)} if self.word_vocab_ else None
        self._letter_index = ({t: i for i, t in enumerate(self.letter_vocab_)}
                              if self.letter_vocab_ else None)
        self._lexicon_index = {k: i for i, k in enumerate(self.lexicon_keys_)}
        names = [('words: "%s"' if " " in t else 'word: "%s"') % t for t in self.word_vocab_]
        unit = 'letters: "%s"' if cfg.letter_unit == "char_wb" else 'stem: "%s"'
        names += [unit % t for t in self.letter_vocab_]
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

    def transform(self, inputs: list[SentenceInput]) -> FeatureRows:
        """The feature matrix of `inputs` (`.to_scipy()` for scikit-learn)."""
        return self.transform_with_letters(inputs)[0]

    def transform_with_letters(self, inputs: list[SentenceInput]) -> tuple[FeatureRows, "Trace"]:
        """The feature matrix, and a `Trace` of the words behind it (explanations credit letter
        n-grams back to words from it).

        Every block is built as (rows, columns, values) arrays and the matrix is made once: the
        entries, their order within each row (block by block) and every value are those the
        blocks' own CSR matrices stacked with scipy gave, so scores do not change; scipy's
        per-matrix bookkeeping, paid a dozen times per article and model, is not (nor is scipy
        imported: see framing.classify.rows), nor is sorting the entries into rows.
        """
        texts = [i.text for i in inputs]
        n = len(texts)
        letters = word_counts = None
        blocks = []  # (rows, global columns, values), each row-major
        if self._word_index is not None or self._letter_index is not None:
            aw, lookups = self._words_and_lookups(texts)
        else:
            aw = article_words(texts)
        if self._word_index is not None:
            lo, hi = self.config.word_ngrams
            if hi <= 2:
                rows, cols, counts = lookups.word_entries(aw, lo, hi)
            else:  # longer n-grams: the general (slower) path
                m = self._count_words([analysed(t, self.config.word_ngrams, self._stop) for t in texts])
                rows, cols, counts = np.repeat(np.arange(n), np.diff(m.indptr)), m.indices, m.data
            blocks.append((rows, cols, _tfidf_values(rows, counts, self.word_idf_[cols], n)))
            word_counts = (rows * len(self.word_vocab_) + cols, counts)
        if self._letter_index is not None:
            letters = lookups.letter_block(aw)
            rows, cols = letters.rows, letters.cols
            blocks.append((rows, cols + self.blocks_["letters"][0],
                           _tfidf_values(rows, letters.counts, self.letter_idf_[cols], n)))
        if self.lexicon_keys_:
            # every (row, key, log(1 + count)) of the article, keys numbered in a table shared
            # by the models; this model's column of each key number by one array lookup
            rows, codes, vals = _per_inputs(aw, inputs, "lexicon", _lexicon_counts)
            cols = self._lexicon_cols()[codes]
            keep = cols >= 0
            rows, cols, vals = rows[keep], cols[keep], vals[keep]
            order = np.lexsort((cols, rows))  # scipy sorts a row's columns (sum_duplicates)
            blocks.append((rows[order], cols[order] + self.blocks_["lexicon"][0], vals[order]))
        if self.config.signals:
            dense = _per_inputs(aw, inputs, "signals", _signal_rows) * self.config.signal_scale
            rows, cols = dense.nonzero()
            blocks.append((rows, cols + self.blocks_["signals"][0], dense[rows, cols]))
        # entries per block: X's entries are the blocks' one after another (explanations slice them)
        leading = self._word_index is not None and self._letter_index is not None
        trace = Trace(aw, letters, word_counts, tuple(len(b[0]) for b in blocks), leading)
        if not blocks:
            return FeatureRows.grouped(np.zeros(0), np.zeros(0, np.int64), np.zeros(0, np.intp), (n, 0)), trace
        # The blocks one after another: each row's entries are then in CSR order (block by
        # block, columns ascending), which is all the product and explanations need (rows.py).
        return FeatureRows.grouped(np.concatenate([b[2] for b in blocks]),
                                   np.concatenate([b[1] for b in blocks]).astype(np.int64, copy=False),
                                   np.concatenate([b[0] for b in blocks]).astype(np.intp, copy=False),
                                   (n, self.n_features)), trace

    def count_matrices(self, texts: list[str]) -> tuple[FeatureRows, FeatureRows]:
        """The word and letter count matrices of `texts`, laid out as the fitted CountVectorizers'
        transform gives them (tests check that they are equal entry for entry)."""
        aw, lookups = self._words_and_lookups(texts)
        n = len(texts)
        rows, cols, counts = lookups.word_entries(aw, *self.config.word_ngrams)
        words = _coo_csr(rows, cols, counts, n, len(self.word_vocab_))
        block = lookups.letter_block(aw)
        letters = _coo_csr(block.rows, block.cols, block.counts, n, len(self.letter_vocab_))
        return words, letters

    def _words_and_lookups(self, texts):
        """The words of `texts` as ids, and this extractor's lookups filled in for them."""
        lookups = self._id_lookups()
        while True:
            aw = article_words(texts)
            lookups.update(aw.generation)
            if lookups.generation == aw.generation:  # else the table started again meanwhile
                return aw, lookups

    def _lexicon_cols(self) -> np.ndarray:
        """This model's lexicon column of every key number in `_LEXICON_KEYS` (-1: not its key)."""
        got = self.__dict__.get("_lexicon_by_code")
        if got is None or len(got) != len(_LEXICON_KEYS):
            get = self._lexicon_index.get
            table = list(_LEXICON_KEYS.items())
            got = np.full(len(table), -1, dtype=np.int64)
            for key, code in table:
                got[code] = get(key, -1)
            self.__dict__["_lexicon_by_code"] = got
        return got

    def _id_lookups(self) -> IdLookups:
        got = self.__dict__.get("_lookups")
        if got is None:
            got = self.__dict__.setdefault("_lookups", IdLookups(self))
        return got

    def _count_words(self, found: list[Analysed]) -> FeatureRows:
        """Word n-gram counts from the memoised analysis of each text (any n-gram range)."""
        vocab = self._word_index
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


_STOP_LISTS: dict = {}


def _per_inputs(aw: ArticleWords, inputs, name: str, make):
    """make(inputs), made once for the inputs every model of an article reads (the same list
    object) and kept with the article's words; read it, never change it."""
    got = aw.memo.get(name)
    if got is None or got[0] is not inputs:
        got = aw.memo[name] = (inputs, make(inputs))
    return got[1]


def _lexicon_counts(inputs) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rows, key numbers, log(1 + count)) of every positive lexicon count, in input order; keys
    (category, voice) are numbered in `_LEXICON_KEYS`, shared by every model."""
    rows, codes, vals = [], [], []
    number = _LEXICON_KEYS.number
    for r, item in enumerate(inputs):
        for key, count in item.lexicon.items():
            if count > 0:
                rows.append(r)
                codes.append(number(key))
                vals.append(math.log1p(count))
    return (np.asarray(rows, dtype=np.int64), np.asarray(codes, dtype=np.int64),
            np.asarray(vals, dtype=np.float64))


class _KeyTable(dict):
    """(category, voice) -> a number, handed out on first sight (a few dozen keys exist, so it
    stays small); each model maps the numbers to its columns (`_lexicon_cols`), remade when the
    table has grown."""

    def number(self, key) -> int:
        got = self.get(key)
        if got is None:
            with _KEY_LOCK:
                got = self.setdefault(key, len(self))
        return got


_KEY_LOCK = threading.Lock()
_LEXICON_KEYS = _KeyTable()


def _signal_rows(inputs) -> np.ndarray:
    """The signal block's values before scaling: sentiment signals and quote share, per input."""
    missing = [i.text for i in inputs if not i.sentiment]
    computed = iter(sentence_signals(missing) if missing else ())
    return np.array([[*(i.sentiment or next(computed)), float(i.quote_share)] for i in inputs],
                    dtype=np.float64).reshape(len(inputs), len(SIGNAL_NAMES))


class Trace(NamedTuple):
    """The words behind a feature matrix: what explanations need to name its features."""

    words: ArticleWords
    letters: LetterBlock | None
    word_counts: tuple | None  # (sorted keys row * n words + column, counts) of the word block
    sizes: tuple = ()  # entries of each block X holds, in X's order
    # sizes open with the word and the letter blocks' (the lexicon and signal blocks, when the
    # model has them, follow): explanations then take each block as a slice of X's entries
    words_letters_first: bool = False


def _counts_matrix(values: list[int], indices: list[int], indptr: list[int], width: int) -> FeatureRows:
    """A counts matrix laid out like CountVectorizer's (int64 counts, int32 sorted indices)."""
    return FeatureRows(np.asarray(values, dtype=np.int64), np.asarray(indices, dtype=np.int32),
                       np.asarray(indptr, dtype=np.int32), (len(indptr) - 1, width))


def round_sig(x: float, digits: int = 7) -> float:
    """Round to significant digits, so saved files are small and identical on every platform."""
    x = float(x)
    if x == 0.0 or not math.isfinite(x):
        return 0.0
    return float(f"{x:.{digits}g}")
