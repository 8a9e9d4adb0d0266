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
from .features import FeatureExtractor, letters_text, round_sig, words_of
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
        X = self.transform(inputs)
        proba = self.proba_from_matrix(X)
        best = proba.argmax(axis=1)
        out = []
        for r, item in enumerate(inputs):
            c = int(best[r])
            dist = tuple(LabelProbability(lab, float(p)) for lab, p in zip(self.labels, proba[r]))
            feats = self.explain_row(X, r, c, item.text, k) if explain else ()
            out.append(Prediction(self.labels[c], float(proba[r, c]), dist, feats))
        return out

    # -- explaining ------------------------------------------------------------------------
    def explain_row(self, X: sp.csr_matrix, r: int, c: int, text: str,
                    k: int = TOP_K) -> tuple[FeatureContribution, ...]:
        """The k features that pushed row r most toward label c, with readable names.

        Letter n-grams are credited to the words of the sentence that contain them (shared equally
        when several do), so a student reads 'word: "slammed"' rather than 'letters: "mmed "'.
        Values are what a reader can check: how often a word occurs, a lexicon count, a score.
        """
        lo, hi = X.indptr[r], X.indptr[r + 1]
        idx = X.indices[lo:hi]
        vals = X.data[lo:hi]
        contrib = vals * self._toward[c, idx]
        ex = self.extractor
        w_lo, w_hi = ex.blocks_["words"]
        l_lo, l_hi = ex.blocks_["letters"]
        totals: dict[str, float] = {}
        values: dict[str, float] = {}
        words = words_of(text)
        word_counts: dict[str, int] = {}
        for w in words:
            word_counts[w] = word_counts.get(w, 0) + 1
        padded = None
        for j, v, w in zip(idx.tolist(), vals.tolist(), contrib.tolist()):
            if w == 0.0:
                continue
            if w_lo <= j < w_hi:
                term = ex.word_vocab_[j - w_lo]
                name = ('words: "%s"' if " " in term else 'word: "%s"') % term
                value = float(_ngram_count(words, term)) if " " in term else float(word_counts.get(term, 0))
            elif l_lo <= j < l_hi:
                gram = ex.letter_vocab_[j - l_lo]
                if padded is None:
                    padded = _letter_holders(text, ex._stop)
                holders = [(name, count) for name, count, p in padded if gram in p]
                if holders:
                    share = w / len(holders)
                    for name, count in holders:
                        totals[name] = totals.get(name, 0.0) + share
                        values[name] = float(count)
                    continue
                name, value = f'letters: "{gram.strip()}"', v
            else:
                name, value = ex.names_[j], v
                if l_hi <= j < ex.blocks_["lexicon"][1]:
                    value = float(round(np.expm1(v)))  # back from log(1 + count) to the count
                elif j >= ex.blocks_["signals"][0] and ex.config.signal_scale:
                    value = v / ex.config.signal_scale  # the score itself, not its scaled copy
            totals[name] = totals.get(name, 0.0) + w
            values[name] = value
        ranked = sorted(((w, n) for n, w in totals.items() if w > 0), key=lambda t: (-t[0], t[1]))
        return tuple(FeatureContribution(n, round_sig(values[n], 6), round_sig(w, 6))
                     for w, n in ranked[:k])

    # -- saving ----------------------------------------------------------------------------
    def to_json(self) -> dict:
        return {
            "manifest": self.manifest,
            "features": self.extractor.to_json(),
            "weights": {
                "labels": list(self.labels),
                "coef": [[round_sig(x) for x in row] for row in self.coef],
                "intercept": [round_sig(x) for x in self.intercept],
            },
        }

    @classmethod
    def from_json(cls, d: dict) -> "SentenceModel":
        extractor = FeatureExtractor.from_json(d["features"])
        w = d["weights"]
        return cls(extractor, w["labels"], np.asarray(w["coef"], dtype=np.float64),
                   np.asarray(w["intercept"], dtype=np.float64), dict(d["manifest"]))


def _letter_holders(text: str, stop) -> list[tuple[str, int, str]]:
    """(readable name, occurrences, padded word) for each distinct word letter n-grams come from,
    padded the way scikit-learn's char_wb analyzer pads words, so an n-gram can be traced back."""
    counts: dict[str, int] = {}
    for word in letters_text(text, stop).split():
        counts[word] = counts.get(word, 0) + 1
    return [(f'word: "{w}"', counts[w], f" {w} ") for w in sorted(counts)]


def _ngram_count(words: list[str], term: str) -> int:
    parts = term.split(" ")
    n = len(parts)
    return sum(1 for i in range(len(words) - n + 1) if words[i:i + n] == parts)
