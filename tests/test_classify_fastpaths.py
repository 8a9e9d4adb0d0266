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


def test_words_of_equals_the_pattern_on_folded_text():
    # words_of skips folding characters that only ever separate words (quotes, odd spaces)
    from framing.classify.features import _WORD, words_of
    from framing.text.normalize import FOLD, fold

    texts = ["Pakistan’s so‑called “security operation” – a ‘raid’ — hit 2025 targets; ex−PM.",
             "The minister\u00a0said: «It’s over.» `Quoted` ‛odd′ marks‚ and ‐hyphens‒ too.",
             "İstanbul’s KELVIN \u212a sign, Σίσυφος and straße are not ASCII words.",
             "", "plain ASCII, with don't and so-called", "’’ –– ‘-’ '-' --"]
    rng = np.random.default_rng(2)
    pool = [chr(c) for c in FOLD] + list("aZ09'- .\u0130\u212aßé") + ["x"] * 8
    texts += ["".join(rng.choice(pool, size=rng.integers(0, 15))) for _ in range(3000)]
    for text in texts:
        assert words_of(text) == _WORD.findall(fold(text)), text


def test_letter_ngrams_by_numbers_equal_those_by_strings():
    # New words' letter n-grams are found by arithmetic on character codes; any word outside
    # the classifier's characters (a user model's vocabulary may hold some) goes by strings.
    rng = np.random.default_rng(4)
    alphabet = list("abcdefghijklmnopqrstuvwxyz0123456789'-")
    words = ["".join(rng.choice(alphabet, size=rng.integers(1, 16))) for _ in range(2000)]
    words += ["a", "an", "war", "so-called", "don't", "pakistan's", "aaaaaa", "banana"]
    for ngrams in ((3, 5), (2, 4), (1, 3), (4, 6)):
        vocab = sorted({g for w in words[::3] for g in char_wb_counts(w, ngrams)} | {"zzq", "é"})
        grams = WordGrams(ngrams)
        grams.index = {g: i for i, g in enumerate(vocab)}
        grams.strings = list(vocab)
        # (a batch may be one short word: "report number 7" brings only "7")
        for batch in (words, words[:40] + ["café", "x y"], ["i", "to"], ["7"], ["ab"], ["abc"], []):
            got, want = grams._grams_of(batch), grams._string_grams(batch)
            assert all(np.array_equal(a, b) for a, b in zip(got, want)), ngrams
        ids, counts, sizes = grams._grams_of(words[:300])
        at = 0
        for word, size in zip(words[:300], sizes.tolist()):
            found = {vocab[i]: c for i, c in zip(ids[at:at + size].tolist(), counts[at:at + size].tolist())}
            assert found == {g: c for g, c in char_wb_counts(word, ngrams).items() if g in grams.index}
            at += size


def test_feature_rows_product_is_scipys_bit_for_bit():
    # Scores must not move by a last bit: the product adds each row's terms in scipy's order.
    import scipy.sparse as sp

    from framing.classify.rows import FeatureRows

    rng = np.random.default_rng(9)
    n, width = 40, 3000
    dense = np.where(rng.random((n, width)) < 0.05, rng.normal(size=(n, width)) * 10.0 ** rng.integers(-6, 6, (n, width)), 0.0)
    dense[7] = 0.0  # an empty row
    csr = sp.csr_matrix(dense)
    # the same entries, rows interleaved block by block as the feature extractor lays them out
    rows = np.repeat(np.arange(n), np.diff(csr.indptr))
    first, second = csr.indices < width // 2, csr.indices >= width // 2
    grouped = FeatureRows.grouped(np.concatenate([csr.data[first], csr.data[second]]),
                                  np.concatenate([csr.indices[first], csr.indices[second]]),
                                  np.concatenate([rows[first], rows[second]]), (n, width))
    plain = FeatureRows(csr.data, csr.indices, csr.indptr, csr.shape)
    for k in (1, 2, 11):
        w = rng.normal(size=(width, k)) * 10.0 ** rng.integers(-4, 4, (width, k))
        want = np.asarray(csr @ w)
        assert np.array_equal(grouped.dot(w), want) and np.array_equal(plain.dot(w), want)
    assert np.array_equal(grouped.toarray(), dense)
    back = grouped.to_scipy()
    assert np.array_equal(back.indptr, csr.indptr) and np.array_equal(back.indices, csr.indices)
    assert np.array_equal(back.data, csr.data)
    r, c = 3, int(csr.indices[csr.indptr[3]])
    assert grouped[r, c] == dense[r, c] and grouped[r, c + 1] == dense[r, c + 1]
    assert np.array_equal(grouped[r].toarray()[0], dense[r])


def test_split_texts_gives_the_words_of_each_text():
    # One numpy pass over the joined sentences replaces a regular expression per sentence; the
    # same random mix of joiners, odd letters and separators as above, cut into groups of texts.
    from framing.classify.features import words_of
    from framing.classify.splitwords import split_texts
    from framing.text.normalize import FOLD

    texts = ["Pakistan’s so‑called “security operation” – a ‘raid’ — hit 2025 targets; ex−PM.",
             "The minister\u00a0said: «It’s over.» `Quoted` ‛odd′ marks‚ and ‐hyphens‒ too.",
             "İstanbul’s KELVIN \u212a sign, Σίσυφος and straße are not ASCII words.",
             "", "plain ASCII, with don't and so-called", "’’ –– ‘-’ '-' --", "rock--n'-roll-",
             "line one\nline two", "a\u2212b a\u2213b \U0001F600x-y"]
    rng = np.random.default_rng(3)
    pool = [chr(c) for c in FOLD] + list("aZ09'- \n.ßé") + ["x"] * 8
    texts += ["".join(rng.choice(pool, size=rng.integers(0, 15))) for _ in range(3000)]
    groups = [texts[:9], texts[2:3], [], texts[3:4]]
    groups += [texts[i:i + 40] for i in range(9, len(texts), 40)]
    groups += [[t for t in texts[9:200] if "\u0130" not in t]]  # lower-casing keeps the offsets
    for group in groups:
        flat, sizes = split_texts(group)
        want = [words_of(t) for t in group]
        assert sizes.tolist() == [len(w) for w in want], group
        assert flat == [w for ws in want for w in ws], group


def test_summary_from_the_score_arrays_equals_summarize_scores(seed_doc):
    # The stage summarizes an article from the numbers its scores were made of; it must be the
    # dict summarize_scores reads back from the SentenceScores, with the bias or frame model alone too.
    from framing.classify import load_models
    from framing.classify.aggregate import summarize_scores
    from framing.classify.models import Models
    from framing.classify.scoring import score_and_summarize
    from framing.resources import Resources
    from framing.stages import lexicon as lexicon_stage

    findings = lexicon_stage.run(seed_doc, Resources(), {})["findings"]
    both = load_models()
    for models in (both, Models(bias=both.bias), Models(frame=both.frame), Models()):
        scores, summary = score_and_summarize(seed_doc, findings, models)
        want = summarize_scores(scores)
        assert summary == want
        assert list(summary) == list(want)
        for key in ("bias", "frames"):
            if key in want:
                assert list(summary[key]) == list(want[key])
