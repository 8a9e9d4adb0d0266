"""Fast constructors for the classify stage's frozen dataclasses (same objects, cheaper to make).

A frozen dataclass's generated __init__ sets every field through `object.__setattr__`; the stage
makes one `SentenceScore`, eleven `LabelProbability`s and about ten `FeatureContribution`s per
sentence, so that __init__ was a visible share of its time. These makers fill the new instance's
__dict__ directly, as framing/text/records.py does for Token. The objects are the same in every
way that can be observed (equality, hash, repr, pickle; tests compare), because a frozen dataclass
without __post_init__ or __slots__ keeps exactly its fields in that __dict__. If a class ever
changes shape (other fields, __post_init__, __slots__), the real class is called instead.
"""
from __future__ import annotations

from dataclasses import fields

from ..model.classify import FeatureContribution, LabelProbability, SentenceScore

_new = object.__new__

FEATURE_FIELDS = ("name", "value", "weight", "words")
LABEL_FIELDS = ("label", "probability")
SCORE_FIELDS = ("sentence", "start", "end", "voice", "quote_share", "bias_probability", "bias_label",
                "bias_features", "frame", "frame_probability", "frame_distribution",
                "frame_features", "other")


def plain(cls, names: tuple) -> bool:
    """True when the dataclass keeps exactly `names` in its __dict__ and validates nothing."""
    return (tuple(f.name for f in fields(cls)) == names
            and not hasattr(cls, "__post_init__")
            and "__slots__" not in vars(cls))


def _feature(name, value, weight, words):
    o = _new(FeatureContribution)
    d = o.__dict__
    d["name"] = name
    d["value"] = value
    d["weight"] = weight
    d["words"] = words
    return o


def _label(label, probability):
    o = _new(LabelProbability)
    d = o.__dict__
    d["label"] = label
    d["probability"] = probability
    return o


def _score(sentence, start, end, voice, quote_share, bias_probability=None, bias_label="",
           bias_features=(), frame="", frame_probability=None, frame_distribution=(),
           frame_features=(), other=()):
    o = _new(SentenceScore)
    o.__dict__.update(sentence=sentence, start=start, end=end, voice=voice,
                      quote_share=quote_share, bias_probability=bias_probability,
                      bias_label=bias_label, bias_features=bias_features, frame=frame,
                      frame_probability=frame_probability, frame_distribution=frame_distribution,
                      frame_features=frame_features, other=other)
    return o


#: make_feature(name, value, weight, words) -> FeatureContribution
make_feature = _feature if plain(FeatureContribution, FEATURE_FIELDS) else FeatureContribution
#: make_label(label, probability) -> LabelProbability
make_label = _label if plain(LabelProbability, LABEL_FIELDS) else LabelProbability
#: make_score(sentence, start, end, voice, quote_share, **fields) -> SentenceScore
make_score = _score if plain(SentenceScore, SCORE_FIELDS) else SentenceScore
