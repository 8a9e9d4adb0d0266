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
    return _fast_vader_class()()


def _fast_vader_class():
    """SentimentIntensityAnalyzer with two of its hot spots rewritten, same results.

    - `polarity_scores` first replaces emoji characters by their descriptions, building the new
      text one character at a time; news sentences rarely hold one, so when none is present the
      text is used as it is (what the loop would rebuild) and the rest runs unchanged.
    - `_negation_check` lower-cased every word of the sentence on each of its calls (up to three
      per sentiment word) to read at most three of them; it now lower-cases just those.
    tests/test_text_sentiment.py compares it with the stock analyser.
    """
    from vaderSentiment import vaderSentiment as vs

    class FastVader(vs.SentimentIntensityAnalyzer):
        def polarity_scores(self, text):
            if not self.emojis.keys().isdisjoint(text):
                return super().polarity_scores(text)
            text = text.strip()
            sentitext = vs.SentiText(text)
            sentiments = []
            words_and_emoticons = sentitext.words_and_emoticons
            for i, item in enumerate(words_and_emoticons):
                valence = 0
                if item.lower() in vs.BOOSTER_DICT:
                    sentiments.append(valence)
                    continue
                if (i < len(words_and_emoticons) - 1 and item.lower() == "kind" and
                        words_and_emoticons[i + 1].lower() == "of"):
                    sentiments.append(valence)
                    continue
                sentiments = self.sentiment_valence(valence, sentitext, item, i, sentiments)
            sentiments = self._but_check(words_and_emoticons, sentiments)
            return self.score_valence(sentiments, text)

        @staticmethod
        def _negation_check(valence, words_and_emoticons, start_i, i):
            def low(k):
                return str(words_and_emoticons[k]).lower()

            if start_i == 0:
                if vs.negated([low(i - 1)]):
                    valence = valence * vs.N_SCALAR
            if start_i == 1:
                w2, w1 = low(i - 2), low(i - 1)
                if w2 == "never" and (w1 == "so" or w1 == "this"):
                    valence = valence * 1.25
                elif w2 == "without" and w1 == "doubt":
                    pass
                elif vs.negated([w2]):
                    valence = valence * vs.N_SCALAR
            if start_i == 2:
                w3, w2, w1 = low(i - 3), low(i - 2), low(i - 1)
                if w3 == "never" and (w2 == "so" or w2 == "this") or (w1 == "so" or w1 == "this"):
                    valence = valence * 1.25
                elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
                    pass
                elif vs.negated([w3]):
                    valence = valence * vs.N_SCALAR
            return valence

    return FastVader


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
