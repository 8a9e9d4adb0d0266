"""Annotations of the classify stage: one `SentenceScore` per sentence of an article.

Each score points back into the article by the sentence's offsets, says whose words the sentence
mostly holds (the outlet's narrator or a quoted speaker), and carries the features that drove each
prediction, so a student can see *why* a sentence was scored the way it was.
"""
from __future__ import annotations

from dataclasses import dataclass

from .fastmake import record


@record
class FeatureContribution:
    """One feature's push toward the predicted label: its coefficient times its (tf-idf) value.

    `name` is human-readable: 'word: "slammed"', 'words: "so called"', 'lexicon: loaded (narrator)',
    'sentiment: negative (VADER)', 'attribution: inside a quote'.

    For a word, the weight adds up its word feature and the letter-block features of the word (its
    first letters, or letter n-grams in older models; units shared by several words of the sentence
    are split equally). For a model with more than
    two labels (frames), it is the push toward the predicted label relative to the average label.
    """

    name: str
    value: float  # what a reader can check: occurrences of the word, a lexicon count, a score
    weight: float  # contribution to the predicted label's score (calibrated log-odds); > 0 pushes toward it
    words: tuple[str, ...] = ()  # the sentence's words behind it (a word, the lexicon matches); () for scores


@record
class LabelProbability:
    label: str
    probability: float


@dataclass(frozen=True)
class TaskPrediction:
    """A prediction of a user-trained model for any codebook (`framing train --task NAME`)."""

    task: str
    label: str
    probability: float
    distribution: tuple[LabelProbability, ...] = ()
    features: tuple[FeatureContribution, ...] = ()


@record
class SentenceScore:
    """Bias and frame scores of one sentence: `article.text[start:end]` is the sentence.

    `bias_probability` is the calibrated probability that the wording is biased (None when no bias
    model is loaded); `voice` is "quote" when at least half of the sentence's words are inside
    quotation marks, else "narrator"; `quote_share` is that share.
    """

    sentence: int  # index into Doc.sentences
    start: int
    end: int
    voice: str  # "narrator" | "quote"
    quote_share: float
    bias_probability: float | None = None
    bias_label: str = ""  # the bias model's label, e.g. "biased" / "neutral"
    bias_features: tuple[FeatureContribution, ...] = ()
    frame: str = ""  # the most probable frame ("" when no frame model is loaded)
    frame_probability: float | None = None
    frame_distribution: tuple[LabelProbability, ...] = ()  # every frame, in the model's label order
    frame_features: tuple[FeatureContribution, ...] = ()
    other: tuple[TaskPrediction, ...] = ()  # user models for other tasks
