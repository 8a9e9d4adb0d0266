"""A fitted sentence model: features + linear weights, predictions with their reasons.

The linear part is plain numpy (scores = X @ coef.T + intercept, then sigmoid or softmax; X is a
framing.classify.rows.FeatureRows, no scipy), so the same code serves a model fresh from training and one loaded from JSON: there is no pickled
scikit-learn object anywhere. Calibration (a temperature fitted on cross-validated scores) is folded
into the weights at training time, so the weights are in calibrated log-odds units and each feature's
contribution (weight x value) adds up, with the intercept, to the score behind the probability.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model.classify import FeatureContribution, LabelProbability
from .explain import explain_many, explain_rows
from .features import FeatureExtractor, round_sig
from .inputs import SentenceInput
from .rows import FeatureRows

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
        # The weights as (features, rows), C-ordered: the product gathers whole rows of it.
        self._coef_t = np.ascontiguousarray(self.coef.T)
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
    def transform(self, inputs: list[SentenceInput]) -> FeatureRows:
        return self.extractor.transform(inputs)

    def proba_from_matrix(self, X) -> np.ndarray:
        """Probabilities of the rows of X (FeatureRows, or a scipy / dense matrix)."""
        return self._proba(X)[0]

    def _proba(self, X):
        """(probabilities, and for a two-label model on FeatureRows each entry's value times its
        weight, which explanations reuse; else None)."""
        products = None
        if not isinstance(X, FeatureRows):
            z = np.asarray(X @ self._coef_t)
        elif self._coef_t.shape[1] == 1:
            products = X.products(self._coef_t[:, 0])
            z = X.row_sums(products).reshape(-1, 1)  # = X.dot(self._coef_t)
        else:
            z = X.dot(self._coef_t)
        z = z + self.intercept
        if len(self.labels) == 2:
            p1 = _sigmoid(z[:, 0])
            proba = np.empty((len(p1), 2))  # = np.column_stack([1.0 - p1, p1])
            np.subtract(1.0, p1, out=proba[:, 0])
            proba[:, 1] = p1
            return proba, products
        return _softmax(z), products

    def predict_proba(self, inputs: list[SentenceInput]) -> np.ndarray:
        """(n, n_labels) probabilities, columns in `self.labels` order."""
        if not inputs:
            return np.zeros((0, len(self.labels)))
        return self.proba_from_matrix(self.transform(inputs))

    def predict(self, inputs: list[SentenceInput], explain: bool = True,
                k: int = TOP_K) -> list[Prediction]:
        if not inputs:
            return []
        proba, best, feats = self.predict_arrays(inputs, explain, k)
        out = []
        labels = self.labels
        for r, (row, c) in enumerate(zip(proba.tolist(), best.tolist())):
            dist = tuple(LabelProbability(lab, p) for lab, p in zip(labels, row))
            out.append(Prediction(labels[c], row[c], dist, feats[r] if explain else ()))
        return out

    def predict_arrays(self, inputs: list[SentenceInput], explain: bool = True, k: int = TOP_K):
        """(probabilities (n, n_labels), index of the best label per row, explanations per row
        or None): what `predict` wraps, for callers that need only some of it."""
        proba, best, part = self.score_arrays(inputs)
        return proba, best, (explain_many([part], inputs, k)[0] if explain else None)

    def score_arrays(self, inputs: list[SentenceInput]):
        """(probabilities, index of the best label per row, and what explaining them takes:
        (self, X, best, trace, products), for framing.classify.explain.explain_many, which
        explains several models' rows at once)."""
        X, trace = self.extractor.transform_with_letters(inputs)
        proba, products = self._proba(X)
        best = proba.argmax(axis=1)
        return proba, best, (self, X, best, trace, products)

    # -- explaining ------------------------------------------------------------------------
    def explain_row(self, X: FeatureRows, r: int, c: int, item: SentenceInput,
                    k: int = TOP_K) -> tuple[FeatureContribution, ...]:
        """The k features that pushed row r of X (the features of `item`) most toward label c,
        with readable names (see framing.classify.explain).

        Letter n-grams are credited to the words of the sentence that contain them (shared equally
        when several do), so a student reads 'word: "slammed"' rather than 'letters: "mmed "'.
        Values are what a reader can check: how often a word occurs, a lexicon count, a score;
        `words` names the sentence's words behind a feature (for lexicon counts: the matches).
        """
        trace = self.extractor.transform_with_letters([item])[1]._replace(sizes=(), words_letters_first=False)
        return explain_rows(self, X.row(r), np.array([c]), trace, [item], k)[0]

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
