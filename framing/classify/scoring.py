"""Score every sentence of an analysed article with the loaded models."""
from __future__ import annotations

from ..model import Doc
from ..model.classify import SentenceScore, TaskPrediction
from .features import with_sentiment
from .inputs import NARRATOR, QUOTE, inputs_from_doc

QUOTE_VOICE_SHARE = 0.5  # a sentence with at least half of its words in quotation marks is "quote"


def voice_of(quote_share: float) -> str:
    return QUOTE if quote_share >= QUOTE_VOICE_SHARE else NARRATOR


def bias_probability(model, distribution) -> float:
    """P(biased) from a bias model's distribution (its positive label's probability)."""
    positive = model.positive_label or model.labels[-1]
    for lp in distribution:
        if lp.label == positive:
            return lp.probability
    return 0.0


def score_sentences(doc: Doc, findings, models, explain: bool = True) -> tuple[SentenceScore, ...]:
    """One SentenceScore per sentence of `doc`, in sentence order."""
    inputs = inputs_from_doc(doc, findings)
    if not inputs:
        return ()
    inputs = with_sentiment(inputs)  # computed once, shared by every model
    bias = models.bias.predict(inputs, explain) if models.bias is not None else None
    frame = models.frame.predict(inputs, explain) if models.frame is not None else None
    others = [(m, m.predict(inputs, explain)) for m in models.other]
    out = []
    for i, (sent, item) in enumerate(zip(doc.sentences, inputs)):
        kw = {}
        if bias is not None:
            p = bias_probability(models.bias, bias[i].distribution)
            positive = models.bias.positive_label or models.bias.labels[-1]
            negative = next((lab for lab in models.bias.labels if lab != positive), "")
            label = positive if p >= 0.5 else negative
            kw.update(bias_probability=p, bias_label=label,
                      bias_features=bias[i].features if label == bias[i].label else ())
        if frame is not None:
            kw.update(frame=frame[i].label, frame_probability=frame[i].probability,
                      frame_distribution=frame[i].distribution, frame_features=frame[i].features)
        if others:
            kw["other"] = tuple(TaskPrediction(m.task, preds[i].label, preds[i].probability,
                                               preds[i].distribution, preds[i].features)
                                for m, preds in others)
        out.append(SentenceScore(i, sent.start, sent.end, voice_of(item.quote_share),
                                 round(item.quote_share, 6), **kw))
    return tuple(out)
