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

    def __getstate__(self):  # caches are rebuilt on demand
        return {k: v for k, v in self.__dict__.items()
                if k not in ("_letter_cache", "_letter_vocab")}

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
            feats = self.explain_row(X, r, c, item, k) if explain else ()
            out.append(Prediction(self.labels[c], float(proba[r, c]), dist, feats))
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
        text = item.text
        lo, hi = X.indptr[r], X.indptr[r + 1]
        idx = X.indices[lo:hi]
        vals = X.data[lo:hi]
        contrib = vals * self._toward[c, idx]
        ex = self.extractor
        w_lo, w_hi = ex.blocks_["words"]
        l_lo, l_hi = ex.blocks_["letters"]
        totals: dict[str, float] = {}
        values: dict[str, float] = {}
        behind: dict[str, tuple[str, ...]] = {}
        words = words_of(text)
        word_counts: dict[str, int] = {}
        for w in words:
            word_counts[w] = word_counts.get(w, 0) + 1
        in_letters = (idx >= l_lo) & (idx < l_hi)
        if in_letters.any():
            self._credit_letters(text, idx[in_letters], contrib[in_letters], totals, values, behind)
        for j, v, w in zip(idx[~in_letters].tolist(), vals[~in_letters].tolist(),
                           contrib[~in_letters].tolist()):
            if w == 0.0:
                continue
            if w_lo <= j < w_hi:
                term = ex.word_vocab_[j - w_lo]
                name = ('words: "%s"' if " " in term else 'word: "%s"') % term
                value = float(_ngram_count(words, term)) if " " in term else float(word_counts.get(term, 0))
                behind[name] = (term,)
            else:
                name, value = ex.names_[j], v
                if l_hi <= j < ex.blocks_["lexicon"][1]:
                    value = float(round(np.expm1(v)))  # back from log(1 + count) to the count
                    behind[name] = item.lexicon_words.get(ex.lexicon_keys_[j - l_hi], ())
                elif j >= ex.blocks_["signals"][0] and ex.config.signal_scale:
                    value = v / ex.config.signal_scale  # the score itself, not its scaled copy
            totals[name] = totals.get(name, 0.0) + w
            values[name] = value
        ranked = sorted(((w, n) for n, w in totals.items() if w > 0), key=lambda t: (-t[0], t[1]))
        return tuple(FeatureContribution(n, round_sig(values[n], 6), round_sig(w, 6), behind.get(n, ()))
                     for w, n in ranked[:k])

    def _credit_letters(self, text: str, idx: np.ndarray, contrib: np.ndarray, totals: dict,
                        values: dict, behind: dict) -> None:
        """Add each letter n-gram's contribution to the words holding it, split equally among them.

        Vectorised: each distinct word's letter-feature indices are computed once per model and
        cached, so a sentence costs a few numpy calls rather than a loop over its n-grams.
        """
        ex = self.extractor
        counts: dict[str, int] = {}
        for word in letters_text(text, ex._stop).split():
            counts[word] = counts.get(word, 0) + 1
        if not counts:
            return
        words, per_word = [], []
        for w in sorted(counts):
            g = self._letter_indices(w)
            if len(g):  # reduceat below needs every segment non-empty
                words.append(w)
                per_word.append(g)
        if not words:
            return
        # Thread-safe on purpose (the web app may score two articles at once with one model):
        # only local arrays, no shared scratch space.
        order = np.argsort(idx, kind="stable")
        idx, contrib = idx[order], contrib[order]
        all_g = np.concatenate(per_word)
        uniq, holders = np.unique(all_g, return_counts=True)
        share = holders[np.searchsorted(uniq, all_g)]
        pos = np.clip(np.searchsorted(idx, all_g), 0, len(idx) - 1)
        c = np.where(idx[pos] == all_g, contrib[pos], 0.0) / share
        sizes = np.fromiter((len(g) for g in per_word), dtype=np.int64, count=len(per_word))
        starts = np.zeros(len(sizes), dtype=np.int64)
        np.cumsum(sizes[:-1], out=starts[1:])
        sums = np.add.reduceat(c, starts)
        for word, total in zip(words, sums.tolist()):
            if total != 0.0:
                name = f'word: "{word}"'
                totals[name] = totals.get(name, 0.0) + total
                values[name] = float(counts[word])
                behind[name] = (word,)

    def _letter_indices(self, word: str) -> np.ndarray:
        """Column indices of the letter n-grams of one word (as char_wb makes them), cached."""
        cache = self.__dict__.setdefault("_letter_cache", {})
        got = cache.get(word)
        if got is None:
            ex = self.extractor
            vocab = self.__dict__.get("_letter_vocab")
            if vocab is None:
                l_lo = ex.blocks_["letters"][0]
                vocab = {g: l_lo + i for i, g in enumerate(ex.letter_vocab_)}
                self._letter_vocab = vocab
            got = np.array(sorted({vocab[g] for g in _char_wb_grams(word, ex.config.letter_ngrams)
                                   if g in vocab}), dtype=np.int64)
            if len(cache) > 200_000:
                cache.clear()
            cache[word] = got
        return got

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


def _char_wb_grams(word: str, ngrams: tuple[int, int]) -> set[str]:
    """The letter n-grams of one word exactly as scikit-learn's char_wb analyzer makes them: the
    word padded with a space on either side; a word shorter than n gives one short n-gram."""
    lo, hi = ngrams
    padded = f" {word} "
    grams: set[str] = set()
    for n in range(lo, hi + 1):
        if len(padded) <= n:
            grams.add(padded)
            break
        grams.update(padded[i:i + n] for i in range(len(padded) - n + 1))
    return grams


def _ngram_count(words: list[str], term: str) -> int:
    parts = term.split(" ")
    n = len(parts)
    return sum(1 for i in range(len(words) - n + 1) if words[i:i + n] == parts)
