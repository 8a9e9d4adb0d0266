"""The shared sentiment scorers give exactly what the libraries' own analysers give.

framing.text.sentiment memoises VADER and pattern scores per text and runs a VADER subclass whose
`polarity_scores` is rewritten for speed (words lower-cased once, not in every rule); both must be
invisible in the numbers. The sentences below walk through VADER's rules: negation ("not", "n't",
"never so", "without doubt", "no ... or"), boosters and dampeners ("very", "kind of", "sort of"),
"least", capitals, idioms, "but", "!" and "?", an emoji and an empty text.
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
    "It was the least bad option, at least for now, and not the very least good one.",
    "The envoy was kind of hopeful but the generals were sort of furious and EXTREMELY angry!",
    "Nobody said it was no good or bad; it wasn't bad, and it was never this good.",
    "He is a bad ass negotiator and the talks were the bomb, said a source, yeah right?? ",
    "The raid killed 12 civilians, officials said, but the army called it a great success.",
    "Without doubt the deal is good, but some say it is not so great and rather sad.",
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


def test_pattern_lexicon_is_textblobs_own_and_negations_are_recognised():
    from textblob.en import sentiment as pattern

    from framing.text.sentiment import is_negation, pattern_lexicon

    lex = pattern_lexicon()
    assert lex["good"] == tuple(pattern("good")[:2])  # one known word: the analyser's own numbers
    assert lex["terrible"][0] < 0 < lex["excellent"][0]
    assert all(is_negation(w) for w in ("not", "never", "no", "isn't", "don't"))
    assert not any(is_negation(w) for w in ("note", "nothing", "know"))


def test_scoring_many_texts_at_once_equals_one_by_one():
    """`polarity_many` (the words of all texts taken together) and `vader_scores_many`
    (which memoises what it scores) give each text the stock analyser's scores, in order,
    whatever sits next to it: emoji, empty and blank texts, texts with no lexicon word."""
    from framing.text.sentiment import vader_scores_many

    stock = SentimentIntensityAnalyzer()
    texts = SENTENCES + ["   ", "The committee met on Tuesday in Brussels.", "no"] + [
        s.upper() for s in SENTENCES[:4]]
    for batch in (texts, texts[::-1], texts[3:9], [texts[0]], []):
        assert [p._asdict() for p in vader().polarity_many(batch)] == \
            [stock.polarity_scores(s) for s in batch]
    fresh = [f"The minister was {w} about the deal on day {i}." for i, w in
             enumerate(("happy", "furious", "silent", "hopeful"))]
    got = vader_scores_many(fresh + texts)
    assert [tuple(p) for p in got] == [tuple(stock.polarity_scores(s).values())
                                       for s in fresh + texts]
    assert all(vader_scores(s) is p for s, p in zip(fresh, got))  # memoised for later stages


def test_polarity_tuples_are_the_stock_scores():
    """`polarity` and `polarity_many` give the stock analyser's four numbers as a Polarity (no
    dict in between), for texts with lexicon words, without any, and without words at all."""
    from framing.text.sentiment import Polarity

    stock = SentimentIntensityAnalyzer()
    texts = SENTENCES + ["", "   ", "The committee met on Tuesday in Brussels."]
    many = vader().polarity_many(texts)
    for s, p in zip(texts, many):
        one = vader().polarity(s)
        assert type(one) is Polarity and type(p) is Polarity
        assert tuple(one) == tuple(p) == tuple(stock.polarity_scores(s).values())
    assert vader().polarity_scores(SENTENCES[0]) == stock.polarity_scores(SENTENCES[0])
