"""The classify stage's cheaper paths give exactly what the plain code gives.

Round 2 of the speed pass replaced string rounding, dataclass __init__, np.unique and the per-word
letter n-gram dicts by cheaper equivalents; each is compared here with what it replaced.
"""
from __future__ import annotations

import math
import pickle

import numpy as np

from framing.classify.fastcount import (WordGrams, char_wb_counts, unique_counts,
                                        unique_inverse_counts)
from framing.classify.inputs import SentenceInput, make_input
from framing.classify.objects import make_feature, make_label, make_score
from framing.classify.rounding import round6
from framing.model.classify import FeatureContribution, LabelProbability, SentenceScore


def _same_float(a: float, b: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


def test_round6_matches_string_formatting():
    rng = np.random.default_rng(11)
    xs = np.concatenate([
        rng.normal(0, 1, 50000) * 10.0 ** rng.integers(-8, 9, 50000),  # weights of any size
        rng.uniform(-50, 50, 20000).round(7),  # many exact halves at the sixth digit
        np.arange(-3000, 3000) / 8.0,  # counts, halves, quarters
        [0.0, -0.0, 1e-300, -1e300, math.inf, -math.inf, math.nan, 0.1, 0.01, 1e-5, 999999.0,
         999999.5, 1e6, 1e6 + 1, 9.999995, 9.9999949999, 1234565.0, 0.1234565, 123456789.0],
    ])
    got = round6(xs)
    want = [float("%.6g" % v) for v in xs.tolist()]
    assert all(_same_float(g, w) for g, w in zip(got, want))
    assert round6([]) == []


def test_fast_constructors_make_the_same_objects():
    words = ("slammed",)
    pairs = [
        (make_feature('word: "slammed"', 1.0, 0.25, words),
         FeatureContribution('word: "slammed"', 1.0, 0.25, words)),
        (make_label("conflict", 0.4), LabelProbability("conflict", 0.4)),
        (make_score(3, 10, 80, "narrator", 0.0, 0.7, "biased", (), "conflict", 0.4,
                    (LabelProbability("conflict", 0.4),), (), ()),
         SentenceScore(3, 10, 80, "narrator", 0.0, 0.7, "biased", (), "conflict", 0.4,
                       (LabelProbability("conflict", 0.4),))),
        (make_input("The minister slammed the plan.", 0.0, {("loaded", "narrator"): 1}, (0.1,), {}),
         SentenceInput("The minister slammed the plan.", 0.0, {("loaded", "narrator"): 1}, (0.1,))),
    ]
    for fast, plain in pairs:
        assert type(fast) is type(plain)
        assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
        assert list(vars(fast)) == list(vars(plain))
        assert pickle.dumps(fast) == pickle.dumps(plain)
        assert pickle.loads(pickle.dumps(fast)) == plain


def test_unique_helpers_match_numpy():
    rng = np.random.default_rng(5)
    for size in (0, 1, 7, 5000):
        # runs already in order, as the letter block makes them, and plain random keys
        keys = np.concatenate([np.sort(rng.integers(0, 900, size)), rng.integers(0, 900, size)])
        uniq, inverse, counts = unique_inverse_counts(keys)
        u2, i2, c2 = np.unique(keys, return_inverse=True, return_counts=True)
        assert np.array_equal(uniq, u2) and np.array_equal(inverse, i2.ravel())
        assert np.array_equal(counts, c2)
        u3, c3 = unique_counts(keys)
        assert np.array_equal(u3, u2) and np.array_equal(c3, c2)


def test_word_grams_are_char_wb_counts():
    words = ["a", "an", "the", "war", "slammed", "so-called", "don't", "pakistan's", "e",
             "aaaaaa", "banana"]
    grams = WordGrams((3, 5))
    vocab = sorted({g for w in words[::2] for g in char_wb_counts(w, (3, 5))})  # half of them
    grams.index = {g: i for i, g in enumerate(vocab)}
    grams.strings = list(vocab)
    ids, counts, sizes = grams._grams_of(words)
    at = 0
    for word, size in zip(words, sizes.tolist()):
        got = {vocab[i]: c for i, c in zip(ids[at:at + size].tolist(), counts[at:at + size].tolist())}
        want = {g: c for g, c in char_wb_counts(word, (3, 5)).items() if g in grams.index}
        assert got == want, word
        at += size
