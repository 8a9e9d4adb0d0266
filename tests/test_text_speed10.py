"""Shortcuts of speed pass 7 in the text layer give exactly the answers of what they replace.

- VADER's "but" rule run over the non-zero sentiments only equals the library's `_but_check`
  (repeated values, zeros, several "but"s: the library's list.index quirk included);
- the emoji test by one character-class search equals the stock analyser's scores on texts
  with emoji below and above U+10000 next to curly quotes and dashes;
- the tagger's web-domain test with its whole-article pre-check equals the per-token one;
- the tokenizer's period rule with its pre-filter still equals the rule applied match by match,
  on abbreviations, initials and ellipses.
"""
from __future__ import annotations

import random

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.text.sentiment import vader


def _fast_but_check():
    for cell in type(vader())._scores.__closure__ or ():
        contents = cell.cell_contents
        if getattr(contents, "__name__", "") == "_but_check":
            return contents
    raise AssertionError("FastVader._scores no longer uses _but_check")


def test_but_rule_equals_the_librarys_on_random_sentiment_lists():
    ours = _fast_but_check()
    library = SentimentIntensityAnalyzer._but_check
    rng = random.Random(7)
    words = ["but", "good", "bad", "no", "the", "deal"]
    values = [0, 0, 0.0, -0.0, 1.5, -2.1, 0.9, 1.5, 0.75, 2.25, -1.05, 3.0, 1.1, 0.55]
    for _ in range(20_000):
        n = rng.randint(1, 12)
        lower = [rng.choice(words) for _ in range(n)]
        if "but" not in lower:
            lower[rng.randrange(n)] = "but"
        sentiments = [rng.choice(values) for _ in range(n)]
        expected = library(list(lower), list(sentiments))
        got = list(sentiments)
        ours(lower, got)
        assert got == expected, (lower, sentiments)
        assert [v for v in got if v] == [v for v in expected if v]


def test_but_sentences_score_like_the_stock_analyser():
    stock = SentimentIntensityAnalyzer()
    texts = [
        "The plan is good, but the good news is bad news for good workers.",
        "Good, good, good, but bad and bad and worse, but fine.",
        "It was not bad but it was not good either, but nobody was hurt.",
        "GREAT talks but TERRIBLE results, but hope remains and hope is good.",
    ]
    for t in texts:
        assert vader().polarity_scores(t) == stock.polarity_scores(t), t


def test_emoji_search_equals_the_stock_analyser():
    stock = SentimentIntensityAnalyzer()
    rng = random.Random(3)
    base = ["“It’s a disgrace,” she said — and the crowd cheered.",
            "The minister’s plan – welcomed by some – was called a ‘sham’ by critics.",
            "Plain ASCII text with a good result and a bad one."]
    keys = sorted(k for k in stock.emojis if len(k) == 1)
    bmp = [k for k in keys if ord(k) < 0x10000][::40]
    astral = [k for k in keys if ord(k) >= 0x10000][::40]
    others = ["\u00e9", "\u20ac", "\u4e2d", "\U0001d400", "\u2019"]
    texts = list(base)
    for t in base:
        for c in bmp + astral + others:
            k = rng.randrange(len(t) + 1)
            texts.append(t[:k] + c + t[k:])
    many = vader().polarity_many(texts)
    for t, p in zip(texts, many):
        expected = stock.polarity_scores(t)
        assert vader().polarity_scores(t) == expected, t
        assert p._asdict() == expected, t


def test_domain_names_equal_the_per_token_test():
    from framing.text.tagging import _domain_names
    from framing.text.tokenize import is_domain, tokens_in

    texts = ["MoveOn.org said on Tuesday that FactCheck.org and HealthCare.gov were down.",
             "Dr. Smith went to Washington, D.C. at 5 p.m. on Oct. 3. He left.",
             "Visit example.COM or news.example.co.uk (not a listed ending), or Amazon.com.",
             "No domains here. None at all...", ""]
    for t in texts:
        forms = tokens_in(t)[2]
        assert _domain_names(forms) == [i for i, f in enumerate(forms) if "." in f and is_domain(f)]


def test_period_rule_equals_the_match_by_match_rule():
    from framing.text.tokenize import span_tokenize, span_tokenize_reference

    texts = ["Dr. J. R. Smith met Gen. Lee and Sen. Ben Cardin (D-Md.) in the U.S. on Oct. 3.",
             "He said... I. Then A. B. C. and X... went home. Mr. Jones? No. Mrs. Lee... yes.",
             "THE END. It is OK. We left at 5 a.m. and came back. US. UK. I.",
             ". Dr. .. ... e.g. etc. vs. St. Louis."]
    for t in texts:
        assert span_tokenize(t) == span_tokenize_reference(t), t
