"""Fit a sentence model from labelled texts, deterministically, and say how good it is.

Steps: sort the examples (file order does not matter), build the same inputs the analysis pipeline
builds (text layer + lexicon findings), cross-validate a few regularisation strengths (folds grouped
when the data has groups, so paraphrases of one sentence never sit on both sides), keep the best by
macro-F1, fit a temperature on the out-of-fold scores, and fit the final logistic regression on all
examples.

Why logistic regression with a temperature: logistic regression minimises log-loss, so its
probabilities are already close to calibrated; class weighting and regularisation can make them too
sharp or too flat, and one temperature fitted on out-of-fold scores repairs that without changing any
prediction's label (it divides every score by the same number). CalibratedClassifierCV would need
several models at prediction time and could not be stored as one set of readable weights.
"""
from __future__ import annotations

import hashlib
from collections import Counter

import numpy as np

from .features import FeatureConfig, FeatureExtractor
from .inputs import SentenceInput, inputs_from_texts, lexicon_fingerprint
from .pipeline import SentenceModel

FORMAT = "framing-sentence-model"
FORMAT_VERSION = 1
DEFAULT_C_GRID = (1.0, 4.0, 16.0)
DEFAULT_FOLDS = 5
POSITIVE_NAMES = ("biased", "bias", "loaded", "1", "yes", "true", "y")


class TrainingError(ValueError):
    """The labels cannot make a model (too few examples, one label only, ...)."""


def positive_label_for(labels, given: str | None = None) -> str:
    """The label that means "biased" in a two-label bias task."""
    uniq = sorted(set(labels))
    if given is not None:
        if given not in uniq:
            raise TrainingError(f"--positive {given!r} is not one of the labels: {', '.join(uniq)}")
        return given
    for name in POSITIVE_NAMES:
        hits = [u for u in uniq if u.strip().lower() == name]
        if hits:
            return hits[0]
    raise TrainingError("cannot tell which label means 'biased' among "
                        f"{', '.join(uniq)}: name it with --positive LABEL")


#: how training rows are weighted (`row_weights`)
WEIGHTINGS = ("balanced", "pairs")


def row_weights(y: np.ndarray, groups, weighting: str = "balanced") -> np.ndarray:
    """Each training row's weight in the fit.

    "balanced": each label weighs the same in total (n / (k * n_label) per row), the usual
    class weighting.
    "pairs": as balanced, except that the rows of a group holding more than one label (a minimal
    pair: a biased sentence and its neutral rewrite) all weigh the group's mean, so a pair's twins
    weigh the same. Under "balanced", with fewer biased rows than neutral ones, a biased twin
    weighs more than its neutral twin (1.41 against 0.77 in bias.csv of session 14), which pulls
    the words the twins share toward "biased". (A pair still pulls its shared words toward the
    label its twins are under-fitted for; docs/accuracy_classifier.md, session 15.) Rows alone in
    their group keep their label's weight.
    """
    y = np.asarray(y)
    labels, counts = np.unique(y, return_counts=True)
    per_label = dict(zip(labels.tolist(), (len(y) / (len(labels) * counts)).tolist()))
    w = np.array([per_label[v] for v in y.tolist()], dtype=np.float64)
    if weighting == "balanced" or groups is None:
        return w
    members: dict = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    for idx in members.values():
        if len(idx) > 1 and len(set(y[idx].tolist())) > 1:
            w[idx] = w[idx].mean()
    return w


def _fit_lr(X, y, C: float, sample_weight=None):
    """Logistic regression; labels weighted equally (class_weight="balanced") unless row weights
    are given (`row_weights`)."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=C, max_iter=5000, solver="lbfgs", tol=1e-6,
                             class_weight="balanced" if sample_weight is None else None)
    clf.fit(X, y, sample_weight=sample_weight)
    return clf


def _splits(y: np.ndarray, groups, folds: int, seed: int):
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    """(folds, grouped): stratified folds, kept by group when there are groups enough."""
    min_count = min(Counter(y.tolist()).values())
    n = min(folds, min_count)
    if n < 2:
        return [], False
    if groups is not None and len(set(groups)) >= n:
        splitter = StratifiedGroupKFold(n_splits=n, shuffle=True, random_state=seed)
        return list(splitter.split(np.zeros(len(y)), y, groups)), True
    splitter = StratifiedKFold(n_splits=n, shuffle=True, random_state=seed)
    return list(splitter.split(np.zeros(len(y)), y)), False


def _probs(z: np.ndarray, t: float) -> np.ndarray:
    z = z / t
    if z.shape[1] == 1:
        p1 = 0.5 * (1.0 + np.tanh(0.5 * z[:, 0]))
        return np.column_stack([1.0 - p1, p1])
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_temperature(z: np.ndarray, y: np.ndarray) -> float:
    """The temperature that minimises log-loss of scores z (n, 1 or k) for label indices y."""
    from scipy.optimize import minimize_scalar

    def nll(log_t: float) -> float:
        p = _probs(z, float(np.exp(log_t)))
        return float(-np.mean(np.log(np.clip(p[np.arange(len(y)), y], 1e-12, 1.0))))

    res = minimize_scalar(nll, bounds=(np.log(0.05), np.log(20.0)), method="bounded",
                          options={"xatol": 1e-4})
    return float(np.exp(res.x))


def expected_calibration_error(proba: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """ECE over the predicted label's probability, equal-width bins."""
    conf = proba.max(axis=1)
    correct = (proba.argmax(axis=1) == y).astype(float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    ece = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        mask = (conf > lo) & (conf <= hi)
        if mask.any():
            ece += mask.mean() * abs(conf[mask].mean() - correct[mask].mean())
    return float(ece)


def classification_figures(y_true: np.ndarray, y_pred: np.ndarray, labels: list[str]) -> dict:
    """Macro-F1, accuracy and per-class precision / recall / F1 / support."""
    from sklearn.metrics import precision_recall_fscore_support

    idx = list(range(len(labels)))
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=idx, zero_division=0)
    return {
        "macro_f1": float(np.mean(f)),
        "accuracy": float(np.mean(y_true == y_pred)),
        "per_class": {labels[i]: {"precision": float(p[i]), "recall": float(r[i]),
                                  "f1": float(f[i]), "support": int(s[i])} for i in idx},
    }


def _oof_scores(inputs, y, splits, config, c_grid, weights=None):
    """Out-of-fold decision scores for each C: {C: array (n, 1 or k)}; `weights(indices)` gives
    the training rows' weights (None: labels balanced)."""
    n_rows = 1 if len(set(y.tolist())) == 2 else len(set(y.tolist()))
    out = {C: np.zeros((len(y), n_rows)) for C in c_grid}
    for train_idx, test_idx in splits:
        ex = FeatureExtractor(config).fit([inputs[i] for i in train_idx])
        X_train = ex.transform([inputs[i] for i in train_idx]).to_scipy()
        X_test = ex.transform([inputs[i] for i in test_idx]).to_scipy()
        sw = weights(train_idx) if weights is not None else None
        for C in c_grid:
            clf = _fit_lr(X_train, y[train_idx], C, sw)
            out[C][test_idx] = clf.decision_function(X_test).reshape(len(test_idx), n_rows)
    return out


def _rounded(d):
    from .features import round_sig

    if isinstance(d, dict):
        return {k: _rounded(v) for k, v in d.items()}
    if isinstance(d, float):
        return round_sig(d, 6)
    return d


def data_digest(texts, labels, groups) -> str:
    rows = sorted(f"{t}\t{lab}\t{g}" for t, lab, g in zip(texts, labels, groups))
    return hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()


def train_model(*args, **kwargs) -> SentenceModel:
    """Fit a model for `task` ("bias", "frame" or any codebook name) on texts and their labels.

    See `_train_model` for the arguments. BLAS and OpenMP run on one thread here: the matrices
    are small, and several threads fighting over two shared cores made fitting 40 times slower
    (one thread also keeps the arithmetic, and so the saved file, the same on every run).
    """
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        return _train_model(*args, **kwargs)


def _train_model(texts, labels, task: str, *, groups=None, positive_label: str | None = None,
                config: FeatureConfig | None = None, resources=None,
                inputs: list[SentenceInput] | None = None, seed: int = 0,
                c_grid=DEFAULT_C_GRID, folds: int = DEFAULT_FOLDS, source: str = "",
                lexicon_id: str | None = None, weighting: str = "balanced") -> SentenceModel:
    """Fit a model for `task` ("bias", "frame" or any codebook name) on texts and their labels.

    `inputs` may be given pre-computed (same order as texts) to save the text layer's time;
    `resources` supplies the lexicon for the lexicon counts (None: no lexicon features).
    `weighting` ("balanced" or "pairs", see `row_weights`): "pairs" gives the twins of a group
    holding both labels the same weight; it needs groups that are minimal pairs (as in the
    project's bias.csv), not groups of another kind (articles).
    The result is the model exactly as it will be saved (weights rounded), so a saved and
    re-loaded model predicts identically.
    """
    import sklearn

    import framing

    texts = [str(t) for t in texts]
    labels = [str(lab) for lab in labels]
    if len(texts) != len(labels):
        raise TrainingError("texts and labels differ in length")
    groups_given = groups is not None
    groups = [str(g) for g in groups] if groups_given else [""] * len(texts)
    counts = Counter(labels)
    if len(counts) < 2:
        raise TrainingError("a model needs at least two different labels")
    if weighting not in WEIGHTINGS:
        raise TrainingError(f"weighting {weighting!r}: one of {', '.join(WEIGHTINGS)}")
    few = sorted(lab for lab, c in counts.items() if c < 2)
    if few:
        raise TrainingError(f"labels with fewer than 2 examples: {', '.join(few)}")
    if task == "bias":
        if len(counts) != 2:
            raise TrainingError(f"the bias task needs exactly two labels, found {len(counts)}: "
                                f"{', '.join(sorted(counts))}")
        positive_label = positive_label_for(labels, positive_label)

    # Sorted order: the same rows in any file order give the same model.
    order = sorted(range(len(texts)), key=lambda i: (texts[i], labels[i], groups[i]))
    texts = [texts[i] for i in order]
    labels = [labels[i] for i in order]
    groups = [groups[i] for i in order]
    if inputs is None:
        inputs = inputs_from_texts(texts, resources)
    else:
        inputs = [inputs[i] for i in order]
    config = config or FeatureConfig()
    label_list = sorted(counts)
    y = np.array([label_list.index(lab) for lab in labels])

    # A row without a group is a group of its own.
    split_groups = [g or f"\0row{i}" for i, g in enumerate(groups)] if groups_given else None
    splits, grouped = _splits(y, split_groups, folds, seed)
    weights = None
    if weighting != "balanced" and groups_given:
        def weights(idx):
            return row_weights(y[idx], [split_groups[i] for i in idx], weighting)
    c_grid = tuple(sorted(float(c) for c in c_grid))
    cv: dict = {"folds": len(splits), "grouped": grouped}
    temperature = 1.0
    best_c = c_grid[len(c_grid) // 2]
    if splits:
        oof = _oof_scores(inputs, y, splits, config, c_grid, weights)
        by_c = {}
        for C in c_grid:
            pred = _probs(oof[C], 1.0).argmax(axis=1)
            by_c[C] = classification_figures(y, pred, label_list)["macro_f1"]
        best_c = max(c_grid, key=lambda C: (round(by_c[C], 6), -C))
        z = oof[best_c]
        temperature = fit_temperature(z, y)
        raw, cal = _probs(z, 1.0), _probs(z, temperature)
        cv.update(classification_figures(y, raw.argmax(axis=1), label_list))
        cv["macro_f1_by_C"] = {repr(C): by_c[C] for C in c_grid}
        cv["ece_uncalibrated"] = expected_calibration_error(raw, y)
        cv["ece_calibrated"] = expected_calibration_error(cal, y)

    extractor = FeatureExtractor(config).fit(inputs)
    clf = _fit_lr(extractor.transform(inputs).to_scipy(), y, best_c,
                  weights(np.arange(len(y))) if weights is not None else None)
    coef = clf.coef_ / temperature
    intercept = clf.intercept_ / temperature

    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "task": task,
        "labels": label_list,
        "positive_label": positive_label,
        "framing_version": framing.__version__,
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "lexicon": lexicon_id if lexicon_id is not None else lexicon_fingerprint(resources),
        "training": _rounded({
            "source": source,
            "examples": len(texts),
            "label_counts": {lab: counts[lab] for lab in label_list},
            "data_sha256": data_digest(texts, labels, groups),
            "seed": seed,
            "C": best_c,
            "C_grid": list(c_grid),
            **({"weighting": weighting} if weighting != "balanced" else {}),
            "temperature": temperature,
            "cross_validation": cv,
        }),
    }
    model = SentenceModel(extractor, label_list, coef, intercept, manifest)
    return SentenceModel.from_json(model.to_json())
