"""A fitted sentence model: features + linear weights, predictions with their reasons.

The linear part is plain numpy (scores = X @ coef.T + intercept, then sigmoid or softmax), so the
same code serves a model fresh from training and one loaded from JSON: there is no pickled
scikit-learn object anywhere. Calibration (a temperature fitted on cross-validated scores) is folded
into the weights at training time, so the weights are in calibrated log-odds units and each feature's
contribution (weight x value) adds up, with the intercept, to the score behind the probability.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from ..model.classify import FeatureContribution, LabelProbability
from .features import FeatureExtractor, analysed, round_sig
from .inputs import SentenceInput

TOP_K = 5


@dataclass(frozen=True)
class Prediction:
    label: str
    probability: float
    distribution: tuple[LabelProbability, ...]
    features: tuple[FeatureContribution, ...] = ()


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # numerically stable


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class SentenceModel:
    """`predict(inputs)` -> one `Prediction` per input. `manifest` says what made the model."""

    def __init__(self, extractor: FeatureExtractor, labels: list[str], coef: np.ndarray,
                 intercept: np.ndarray, manifest: dict):
        self.extractor = extractor
        self.labels = [str(x) for x in labels]
        self.coef = np.asarray(coef, dtype=np.float64)
        self.intercept = np.asarray(intercept, dtype=np.float64)
        self.manifest = manifest
        self.location = ""  # the file it was loaded from ("" when trained in this process)
        n_rows = 1 if len(self.labels) == 2 else len(self.labels)
        if self.coef.shape != (n_rows, extractor.n_features) or self.intercept.shape != (n_rows,):
            raise ValueError(f"weights have shape {self.coef.shape}, expected "
                             f"({n_rows}, {extractor.n_features})")
        # Per-class effective weights for explanations: binary -> +/- w, multiclass -> w_k - mean.
        if n_rows == 1:
            self._toward = np.vstack([-self.coef[0], self.coef[0]])
        else:
            self._toward = self.coef - self.coef.mean(axis=0, keepdims=True)

    @property
    def task(self) -> str:
        return str(self.manifest.get("task", ""))

    @property
    def positive_label(self) -> str | None:
        return self.manifest.get("positive_label")

    # -- scoring ---------------------------------------------------------------------------
    def transform(self, inputs: list[SentenceInput]) -> sp.csr_matrix:
        return self.extractor.transform(inputs)

    def proba_from_matrix(self, X) -> np.ndarray:
        z = np.asarray(X @ self.coef.T) + self.intercept
        if len(self.labels) == 2:
            p1 = _sigmoid(z[:, 0])
            return np.column_stack([1.0 - p1, p1])
        return _softmax(z)

    def predict_proba(self, inputs: list[SentenceInput]) -> np.ndarray:
        """(n, n_labels) probabilities, columns in `self.labels` order."""
        if not inputs:
            return np.zeros((0, len(self.labels)))
        return self.proba_from_matrix(self.transform(inputs))

    def predict(self, inputs: list[SentenceInput], explain: bool = True,
                k: int = TOP_K) -> list[Prediction]:
        if not inputs:
            return []
        X, layout = self.extractor.transform_with_letters(inputs)
        proba = self.proba_from_matrix(X)
        best = proba.argmax(axis=1)
        if explain:
            credits = self._letter_credits(X, best, layout)
            terms = self._other_terms(X, best)
        out = []
        labels = self.labels
        for r, (item, row, c) in enumerate(zip(inputs, proba.tolist(), best.tolist())):
            dist = tuple(LabelProbability(lab, p) for lab, p in zip(labels, row))
            feats = self._explain(item, credits[r], terms[r], k) if explain else ()
            out.append(Prediction(labels[c], row[c], dist, feats))
        return out

    # -- explaining ------------------------------------------------------------------------
    def explain_row(self, X: sp.csr_matrix, r: int, c: int, item: SentenceInput,
                    k: int = TOP_K) -> tuple[FeatureContribution, ...]:
        """The k features that pushed row r most toward label c, with readable names.

        Letter n-grams are credited to the words of the sentence that contain them (shared equally
        when several do), so a student reads 'word: "slammed"' rather than 'letters: "mmed "'.
        Values are what a reader can check: how often a word occurs, a lexicon count, a score;
        `words` names the sentence's words behind a feature (for lexicon counts: the matches).
        """
        row, best = X[r], np.array([c])
        ex = self.extractor
        layout = (ex.letter_layout([analysed(item.text, ex.config.word_ngrams, ex._stop)])
                  if ex._letter_cv is not None else None)
        return self._explain(item, self._letter_credits(row, best, layout)[0],
                             self._other_terms(row, best)[0], k)

    def _other_terms(self, X: sp.csr_matrix, best: np.ndarray) -> list[tuple[list, list, list]]:
        """Per row: (columns, values, contributions toward label best[r]) of its features other
        than letter n-grams, as lists; one numpy pass for all rows of an article."""
        l_lo, l_hi = self.extractor.blocks_["letters"]
        n = X.shape[0]
        rows = np.repeat(np.arange(n), np.diff(X.indptr))
        cols = X.indices
        keep = (cols < l_lo) | (cols >= l_hi)
        rows, cols, vals = rows[keep], cols[keep], X.data[keep]
        contrib = vals * self._toward[np.asarray(best)[rows], cols]
        bounds = np.searchsorted(rows, np.arange(n + 1)).tolist()
        cols, vals, contrib = cols.tolist(), vals.tolist(), contrib.tolist()
        return [(cols[a:b], vals[a:b], contrib[a:b]) for a, b in zip(bounds, bounds[1:])]

    def _explain(self, item: SentenceInput, credit: list, terms: tuple, k: int
                 ) -> tuple[FeatureContribution, ...]:
        """explain_row's ranking from a row's letter credits and other terms.

        A feature's total is its contribution; a word's is its letter credit plus its word
        feature's contribution (two terms: the order of the sum does not change it). Features
        whose total is not positive are never shown, so they are dropped before naming; ranking
        is by (-total, name); values and words are looked up only for the k shown.
        """
        ex = self.extractor
        l_hi = ex.blocks_["letters"][1]
        w_lo, w_hi = ex.blocks_["words"]
        lex_end = ex.blocks_["lexicon"][1]
        sig_lo = ex.blocks_["signals"][0]
        names = ex.names_
        vocab = ex.word_vocab_
        totals: dict[str, float] = {}
        source: dict[str, tuple] = {}  # name -> what its value and words are read from
        unigram: dict[str, tuple[float, str]] = {}  # word -> (contribution, name)
        for j, v, w in zip(*terms):
            if w == 0.0:
                continue
            if w_lo <= j < w_hi:
                term = vocab[j - w_lo]
                if " " not in term:
                    unigram[term] = (w, names[j])  # may add to the word's letter credit
                    continue
                if w > 0:
                    totals[names[j]] = w
                    source[names[j]] = ("words", term)
            elif w > 0:
                name = names[j]
                totals[name] = w
                if l_hi <= j < lex_end:
                    source[name] = ("lexicon", v, ex.lexicon_keys_[j - l_hi])
                elif j >= sig_lo and ex.config.signal_scale:
                    source[name] = ("value", v / ex.config.signal_scale)  # the score itself
                else:
                    source[name] = ("value", v)
        for word, total in credit:
            got = unigram.pop(word, None)
            if got is not None:
                total = total + got[0]
            if total > 0:
                name = f'word: "{word}"'
                totals[name] = total
                source[name] = ("word", word)
        for term, (w, name) in unigram.items():
            if w > 0:
                totals[name] = w
                source[name] = ("word", term)
        ranked = sorted(((w, n) for n, w in totals.items()), key=lambda t: (-t[0], t[1]))[:k]
        out = []
        a = None
        for w, n in ranked:
            src = source[n]
            if src[0] in ("word", "words"):
                if a is None:
                    a = analysed(item.text, ex.config.word_ngrams, ex._stop)
                term = src[1]
                value = float(_ngram_count(a.words, term)) if src[0] == "words" \
                    else float(a.word_counts.get(term, 0))
                words = (term,)
            elif src[0] == "lexicon":
                value = float(round(np.expm1(src[1])))  # back from log(1 + count) to the count
                words = item.lexicon_words.get(src[2], ())
            else:
                value, words = src[1], ()
            out.append(FeatureContribution(n, round_sig(value, 6), round_sig(w, 6), words))
        return tuple(out)

    def _letter_credits(self, X: sp.csr_matrix, best: np.ndarray, layout) -> list[list]:
        """Per row: [(word, credit)] for the words whose letter n-grams push toward the row's label.

        Each letter n-gram's contribution (value x weight toward label best[r]) is split equally
        among the sentence's distinct words holding it, and summed per word. Done for all rows of
        an article at once from the letter layout (numpy calls, no loop over words); each word's
        sum is one np.add.reduceat segment over its n-grams in column order, as it always was, so
        the figures do not depend on how many sentences are done together. Words in sorted order;
        zero credits left out. Thread-safe: only local arrays (the web app may share a model).
        """
        ex = self.extractor
        n = X.shape[0]
        out: list[list] = [[] for _ in range(n)]
        l_lo, l_hi = ex.blocks_["letters"]
        if l_hi == l_lo or layout is None or not layout.words:
            return out
        # The letter entries of X, keyed by row * width + column, sorted for lookup.
        width = X.shape[1]
        rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(X.indptr))
        cols = X.indices.astype(np.int64)
        in_letters = (cols >= l_lo) & (cols < l_hi)
        if not in_letters.any():
            return out
        rows, cols = rows[in_letters], cols[in_letters]
        contrib = X.data[in_letters] * self._toward[np.asarray(best, dtype=np.int64)[rows], cols]
        keys = rows * width + cols
        order = np.argsort(keys, kind="stable")
        keys, contrib = keys[order], contrib[order]
        # Every (row, word) segment, words in sorted order: the word's n-grams, in column order.
        seg_row = np.repeat(np.arange(n, dtype=np.int64), np.diff(layout.row_ptr))
        seg_word = layout.word_ids
        sizes = np.diff(layout.w_ptr)[seg_word]
        nonempty = sizes > 0  # reduceat below needs every segment non-empty
        seg_row, seg_word, sizes = seg_row[nonempty], seg_word[nonempty], sizes[nonempty]
        if not len(sizes):
            return out
        starts = np.zeros(len(sizes), dtype=np.int64)
        np.cumsum(sizes[:-1], out=starts[1:])
        at = np.repeat(layout.w_ptr[seg_word] - starts, sizes) + np.arange(int(sizes.sum()), dtype=np.int64)
        all_keys = np.repeat(seg_row, sizes) * width + (layout.cols[at] + l_lo)
        uniq, inverse, holders = np.unique(all_keys, return_inverse=True, return_counts=True)
        share = holders[inverse.ravel()]
        pos = np.clip(np.searchsorted(keys, all_keys), 0, len(keys) - 1)
        c = np.where(keys[pos] == all_keys, contrib[pos], 0.0) / share
        sums = np.add.reduceat(c, starts)
        words = layout.words
        for r, w, total in zip(seg_row.tolist(), seg_word.tolist(), sums.tolist()):
            if total != 0.0:
                out[r].append((words[w], total))
        return out

    # -- saving ----------------------------------------------------------------------------
    def to_json(self) -> dict:
        return {
            "manifest": self.manifest,
            "features": self.extractor.to_json(),
            "weights": {
                "labels": list(self.labels),
                "coef": [[round_sig(x, 6) for x in row] for row in self.coef],
                "intercept": [round_sig(x) for x in self.intercept],
            },
        }

    @classmethod
    def from_json(cls, d: dict) -> "SentenceModel":
        extractor = FeatureExtractor.from_json(d["features"])
        w = d["weights"]
        return cls(extractor, w["labels"], np.asarray(w["coef"], dtype=np.float64),
                   np.asarray(w["intercept"], dtype=np.float64), dict(d["manifest"]))


def _ngram_count(words: list[str], term: str) -> int:
    parts = tuple(term.split(" "))
    n = len(parts)
    words = tuple(words)
    return sum(1 for i in range(len(words) - n + 1) if words[i:i + n] == parts)
