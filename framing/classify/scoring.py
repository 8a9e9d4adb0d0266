"""Score every sentence of an analysed article with the loaded models.

Reads each model's probabilities as arrays (`SentenceModel.predict_arrays`) and builds only what a
`SentenceScore` holds: the bias model's distribution is never stored, so it is not made into
objects; all models share the inputs' sentiment signals, computed once. A sentence's frame is
read in its article's context (`frames_in_context`).
"""
from __future__ import annotations

import numpy as np

from ..model import Doc
from ..model.classify import SentenceScore, TaskPrediction
from .aggregate import summarize_parts, summarize_scores
from .explain import explain_many
from .inputs import NARRATOR, QUOTE, inputs_from_doc
from .objects import make_label, make_score
from .pipeline import TOP_K
from .wordids import TABLE

QUOTE_VOICE_SHARE = 0.5  # a sentence with at least half of its words in quotation marks is "quote"


def voice_of(quote_share: float) -> str:
    return QUOTE if quote_share >= QUOTE_VOICE_SHARE else NARRATOR


def score_sentences(doc: Doc, findings, models, explain: bool = True) -> tuple[SentenceScore, ...]:
    """One SentenceScore per sentence of `doc`, in sentence order.

    Holds the word table's lock throughout: the table may start afresh between articles
    (wordids.WordTable.maybe_restart), and an article scored in another thread (the web app) must
    not see its word ids renumbered half-way.
    """
    with TABLE.lock:
        return _score_sentences(doc, findings, models, explain)[0]


def score_and_summarize(doc: Doc, findings, models, explain: bool = True) -> tuple[tuple, dict]:
    """(score_sentences(...), summarize_scores of those scores): the same two things, the summary
    made from the numbers the scores were made of instead of read back from 50-odd objects."""
    with TABLE.lock:
        scores, parts = _score_sentences(doc, findings, models, explain)
    if parts is None:
        return scores, summarize_scores(scores)
    return scores, summarize_parts(*parts)


def _score_sentences(doc: Doc, findings, models, explain: bool) -> tuple[tuple, tuple | None]:
    """(the SentenceScores, and what `summarize_parts` needs to summarize them, or None when
    only `summarize_scores` can: no sentences, or models for other tasks)."""
    inputs = inputs_from_doc(doc, findings, signals=True)  # sentiment computed once, for every model
    if not inputs:
        return (), None
    n = len(inputs)
    # Each field as a list over the sentences (defaults where no model is loaded), then one
    # SentenceScore per sentence from them: no per-sentence dicts, no dataclass __init__.
    bias_p, bias_label, bias_feats = [None] * n, [""] * n, [()] * n
    frame, frame_p, frame_dist, frame_feats = [""] * n, [None] * n, [()] * n, [()] * n
    # Both models' probabilities first, then their explanations together (explain_many: one
    # ranking, naming and rounding pass for the two instead of one each).
    scored = {role: m.score_arrays(inputs) for role, m in (("bias", models.bias), ("frame", models.frame))
              if m is not None}
    if "frame" in scored:
        scored["frame"] = _frames_in_context(scored["frame"])
    explained = {}
    if explain and scored:
        feats = explain_many([arrays[2] for arrays in scored.values()], inputs, TOP_K)
        explained = dict(zip(scored, feats))
    if models.bias is not None:
        bias_p, bias_label, bias_feats = _bias_fields(models.bias, scored["bias"], explained.get("bias"))
    frame_proba = labels = None
    if models.frame is not None:
        proba, best = scored["frame"][:2]
        feats = explained.get("frame")
        frame_proba, labels = proba, models.frame.labels
        rows, best = proba.tolist(), best.tolist()
        frame = [labels[c] for c in best]
        frame_p = [row[c] for row, c in zip(rows, best)]
        frame_dist = [tuple(map(make_label, labels, row)) for row in rows]
        if explain:
            frame_feats = feats
    others = [(m, m.predict(inputs, explain)) for m in models.other]
    other = [()] * n
    if others:
        other = [tuple(TaskPrediction(m.task, preds[i].label, preds[i].probability,
                                      preds[i].distribution, preds[i].features)
                       for m, preds in others) for i in range(n)]
    voices = [voice_of(item.quote_share) for item in inputs]
    scores = tuple(map(make_score, range(n), [s.start for s in doc.sentences],
                       [s.end for s in doc.sentences], voices,
                       [round(item.quote_share, 6) for item in inputs],
                       bias_p, bias_label, bias_feats, frame, frame_p, frame_dist, frame_feats, other))
    if others or (labels is not None and not all(labels)):  # other tasks, or a frame named ""
        return scores, None
    return scores, (voices, bias_p, frame, frame_proba, labels)


def frames_in_context(proba):
    """Each sentence's frame probabilities read with its article's: the normalised geometric mean
    of the sentence's distribution and the mean distribution of the article's sentences.

    A sentence rarely names its subject in full ("He said the vote would wait until Tuesday" is
    `political` in a story about a budget fight); the article's other sentences do, as the title
    did for the annotators of data/labels/frames_allsides.json. With the session-18 model this
    took accuracy from 0.523 to 0.606 on its dev half (macro-F1 0.463 -> 0.536; calibration error
    0.146 -> 0.125) and from 0.503 to 0.515 on the held-out half (macro-F1 0.410 -> 0.452;
    docs/accuracy_classifier.md, session 20). With one sentence the distribution is unchanged;
    a sentence keeps its own frame unless the article as a whole leans away from it.
    """
    if len(proba) < 2:
        return proba
    mixed = np.sqrt(proba * proba.mean(axis=0))
    return mixed / mixed.sum(axis=1, keepdims=True)


def _frames_in_context(scored):
    """The frame model's score_arrays with `frames_in_context` probabilities (and the best label
    and the explanations' label following them)."""
    proba, _, (model, X, _, trace, products) = scored
    proba = frames_in_context(proba)
    best = proba.argmax(axis=1)
    return proba, best, (model, X, best, trace, products)


def _bias_fields(model, scored, feats) -> tuple[list, list, list]:
    """The bias fields of the SentenceScores, one list each: P(positive label), the label it gives (>= 0.5), and
    the explanation (`feats`, None when not explaining) when that label is also the model's most
    probable one. `scored`: the model's score_arrays."""
    positive = model.positive_label or model.labels[-1]
    negative = next((lab for lab in model.labels if lab != positive), "")
    col = model.labels.index(positive) if positive in model.labels else None
    proba, best = scored[:2]
    n = len(proba)
    labels = model.labels
    p_list = [row[col] for row in proba.tolist()] if col is not None else [0.0] * n
    label = [positive if p >= 0.5 else negative for p in p_list]
    if feats is not None:
        shown = [f if lab == labels[c] else () for f, lab, c in zip(feats, label, best.tolist())]
    else:
        shown = [()] * n
    return p_list, label, shown
