"""Score every sentence of an analysed article with the loaded models.

Reads each model's probabilities as arrays (`SentenceModel.predict_arrays`) and builds only what a
`SentenceScore` holds: the bias model's distribution is never stored, so it is not made into
objects; all models share the inputs' sentiment signals, computed once.
"""
from __future__ import annotations

from ..model import Doc
from ..model.classify import LabelProbability, SentenceScore, TaskPrediction
from .features import with_sentiment
from .inputs import NARRATOR, QUOTE, inputs_from_doc
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
        return _score_sentences(doc, findings, models, explain)


def _score_sentences(doc: Doc, findings, models, explain: bool) -> tuple[SentenceScore, ...]:
    inputs = inputs_from_doc(doc, findings)
    if not inputs:
        return ()
    inputs = with_sentiment(inputs)  # computed once, shared by every model
    bias_kw = frame_kw = None
    if models.bias is not None:
        bias_kw = _bias_fields(models.bias, inputs, explain)
    if models.frame is not None:
        proba, best, feats = models.frame.predict_arrays(inputs, explain)
        labels = models.frame.labels
        frame_kw = [{"frame": labels[c], "frame_probability": row[c],
                     "frame_distribution": tuple(LabelProbability(lab, p) for lab, p in zip(labels, row)),
                     "frame_features": feats[r] if explain else ()}
                    for r, (row, c) in enumerate(zip(proba.tolist(), best.tolist()))]
    others = [(m, m.predict(inputs, explain)) for m in models.other]
    out = []
    for i, (sent, item) in enumerate(zip(doc.sentences, inputs)):
        kw = {}
        if bias_kw is not None:
            kw.update(bias_kw[i])
        if frame_kw is not None:
            kw.update(frame_kw[i])
        if others:
            kw["other"] = tuple(TaskPrediction(m.task, preds[i].label, preds[i].probability,
                                               preds[i].distribution, preds[i].features)
                                for m, preds in others)
        out.append(SentenceScore(i, sent.start, sent.end, voice_of(item.quote_share),
                                 round(item.quote_share, 6), **kw))
    return tuple(out)


def _bias_fields(model, inputs, explain: bool) -> list[dict]:
    """The bias fields of each SentenceScore: P(positive label), the label it gives (>= 0.5), and
    the explanation when that label is also the model's most probable one."""
    positive = model.positive_label or model.labels[-1]
    negative = next((lab for lab in model.labels if lab != positive), "")
    col = model.labels.index(positive) if positive in model.labels else None
    proba, best, feats = model.predict_arrays(inputs, explain)
    out = []
    for r, (row, c) in enumerate(zip(proba.tolist(), best.tolist())):
        p = row[col] if col is not None else 0.0
        label = positive if p >= 0.5 else negative
        out.append({"bias_probability": p, "bias_label": label,
                    "bias_features": feats[r] if explain and label == model.labels[c] else ()})
    return out
