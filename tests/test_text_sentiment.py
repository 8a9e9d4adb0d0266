"""The shared sentiment scorers give exactly what the libraries' own analysers give.

framing.text.sentiment memoises VADER and pattern scores per text and runs a VADER subclass with
two hot spots rewritten; both must be invisible in the numbers.
"""
from __future__ import annotations

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.text.sentiment import pattern_scores, vader, vader_scores

SENTENCES = [
    "Pakistan’s army said it killed 20 militants in a raid near the Afghan border on Tuesday.",
    "The talks were not without doubt a failure, officials said, but never so hopeless.",
    "Critics called the so-called peace plan a disgraceful surrender; supporters were not impressed.",
    "“We will never accept this,” he said. “It isn't fair, and it's not going to work.”",
    "Nobody was hurt, although at least three houses were badly damaged 😡 by the blast!!",
    "The minister is kind of optimistic, yet hardly anyone believes the ceasefire will hold.",
    "  Leaders praised the very good, truly historic agreement :) ",
    "NO deal, no peace, nor any talks: the war goes on.",
    "",
]


def test_fast_vader_scores_exactly_like_the_stock_analyser():
    stock = SentimentIntensityAnalyzer()
    ours = vader()
    assert isinstance(ours, SentimentIntensityAnalyzer)
    for s in SENTENCES:
        assert ours.polarity_scores(s) == stock.polarity_scores(s), s


def test_memoised_scores_match_fresh_ones_and_are_reused():
    from textblob.en import sentiment as pattern

    stock = SentimentIntensityAnalyzer()
    for s in SENTENCES:
        v = stock.polarity_scores(s)
        assert tuple(vader_scores(s)) == (v["neg"], v["neu"], v["pos"], v["compound"])
        polarity, subjectivity = pattern(s)[:2]
        assert pattern_scores(s) == (polarity, subjectivity)
    assert vader_scores(SENTENCES[1]) is vader_scores(SENTENCES[1])  # computed once
    assert vader_scores(SENTENCES[0]).compound < 0 < vader_scores(SENTENCES[6]).compound
