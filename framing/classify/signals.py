"""Sentiment and subjectivity signals of sentences, from words already split and numbered.

VADER's scores come from framing.text.sentiment (memoised per sentence: the lexicon stage has
usually scored the sentence already). Pattern polarity and subjectivity are read from pattern's
own lexicon over the classifier's words (`words_of`), all sentences of an article at once with
numpy: the mean over the words the lexicon knows, a known word's polarity reversed and halved after
"not", "no", "never" or an n't contraction (pattern's rule for "not good"). textblob's analyser
re-tokenised every sentence and cost more than the rest of the classifier together; its
intensifier rules ("very good") are left out, which changed the cross-validated and BABE figures
by less than their fold-to-fold spread (docs/accuracy_classifier.md).

One function, `sentence_signals`, serves a whole article and a single text alike, so training,
analysis and explanations see the same numbers.
"""
from __future__ import annotations

import numpy as np

from ..text.sentiment import is_negation, pattern_lexicon, vader_scores_many
from .fastcount import _Grow
from .wordids import TABLE, article_words


class _PatternIds:
    """Per-word-id pattern values (polarity, subjectivity, known, negation), grown as ids appear."""

    def __init__(self):
        self.generation = -1

    def update(self) -> None:
        with TABLE.lock:
            if self.generation != TABLE.generation:
                self.generation, self.known = TABLE.generation, 0
                self.p, self.s = _Grow(np.float64), _Grow(np.float64)
                self.has, self.neg = _Grow(np.bool_), _Grow(np.bool_)
            n = len(TABLE.words)
            if n == self.known:
                return
            lex = pattern_lexicon()
            new = TABLE.words[self.known:n]
            got = list(map(lex.get, new))
            self.p.append([g[0] if g else 0.0 for g in got])
            self.s.append([g[1] if g else 0.0 for g in got])
            self.has.append([g is not None for g in got])
            self.neg.append(list(map(is_negation, new)))
            self.known = n


_PATTERN = _PatternIds()


def pattern_rows(texts) -> tuple[np.ndarray, np.ndarray]:
    """(mean polarity, mean subjectivity) per text over its words in pattern's lexicon (0 if none)."""
    texts = list(texts)
    n = len(texts)
    aw = article_words(texts)
    _PATTERN.update()
    ids, row = aw.ids, aw.row
    has = _PATTERN.has.view[ids]
    p = _PATTERN.p.view[ids]
    if len(ids) > 1:
        after_neg = np.zeros(len(ids), dtype=bool)
        after_neg[1:] = _PATTERN.neg.view[ids[:-1]] & (row[1:] == row[:-1])
        p = np.where(after_neg, p * -0.5, p)
    counts = np.bincount(row[has], minlength=n).astype(np.float64)
    pol = np.bincount(row[has], weights=p[has], minlength=n)
    subj = np.bincount(row[has], weights=_PATTERN.s.view[ids][has], minlength=n)
    counts[counts == 0] = 1.0
    return pol / counts, subj / counts


def sentence_signals(texts) -> list[tuple[float, ...]]:
    """Per text: VADER negative, positive, |compound|; pattern subjectivity, |polarity|: in [0, 1]."""
    texts = list(texts)
    pol, subj = pattern_rows(texts)
    # VADER's memo read for every text at once (the lexicon stage has scored them already)
    return [(v.neg, v.pos, abs(v.compound), s, abs(p))
            for v, p, s in zip(vader_scores_many(texts), pol.tolist(), subj.tolist())]
