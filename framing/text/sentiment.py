"""VADER and pattern sentiment of a piece of text, computed once and shared by every stage.

Three stages score the same sentences: the lexicon stage (VADER compound beside its flags), the
classifier (VADER neg/pos/compound and pattern subjectivity/polarity as model features) and the
actors stage (VADER compound of the clause around each mention, which is very often the whole
sentence). VADER costs about 0.2 ms a sentence, so scoring each sentence three times was a tenth of
the pipeline's time. Both scorers are pure functions of the text, so a bounded memo keyed by the
text gives exactly the numbers a fresh call would: outputs do not change, only the cost.

The memo is bounded (an article has tens of sentences; the bound keeps a batch run's memory flat)
and thread-safe (functools.lru_cache), so worker threads of the web app can share it.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

#: Enough for the sentences and clauses of several long articles at once.
CACHE_SIZE = 8192


class Polarity(NamedTuple):
    """VADER's scores of one text (the fields of SentimentIntensityAnalyzer.polarity_scores)."""

    neg: float
    neu: float
    pos: float
    compound: float


@lru_cache(maxsize=1)
def vader():
    """The one VADER analyser (its lexicon ships inside the vaderSentiment wheel)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _pattern():
    from textblob.en import sentiment

    return sentiment


@lru_cache(maxsize=CACHE_SIZE)
def vader_scores(text: str) -> Polarity:
    """VADER's neg, neu, pos and compound scores of `text` (memoised)."""
    v = vader().polarity_scores(text)
    return Polarity(v["neg"], v["neu"], v["pos"], v["compound"])


@lru_cache(maxsize=CACHE_SIZE)
def pattern_scores(text: str) -> tuple[float, float]:
    """(polarity -1..1, subjectivity 0..1) of `text` by textblob's pattern analyser (memoised)."""
    polarity, subjectivity = _pattern()(text)[:2]
    return float(polarity), float(subjectivity)
