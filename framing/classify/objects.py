"""Fast constructors for the classify stage's frozen dataclasses (same objects, cheaper to make).

The stage makes one `SentenceScore`, eleven `LabelProbability`s and about ten
`FeatureContribution`s per sentence, so calling their __init__ was a visible share of its time;
framing.model.fastmake builds the same objects without the call (tests compare).
"""
from __future__ import annotations

from ..model.classify import FeatureContribution, LabelProbability, SentenceScore
from ..model.fastmake import fast_constructor

#: make_feature(name, value, weight, words) -> FeatureContribution
make_feature = fast_constructor(FeatureContribution)
#: make_label(label, probability) -> LabelProbability
make_label = fast_constructor(LabelProbability)
#: make_score(sentence, start, end, voice, quote_share, **fields) -> SentenceScore
make_score = fast_constructor(SentenceScore)
