"""Session 10's shortcuts in the classifier give what the general code gives.

- A one-unit letter block ("prefix5", the default) finds each new word's unit without the
  general (word, unit) pair merge: the same ids, counts and sizes as that merge.
- An article's words are kept flat, with each sentence's size: sliced by those sizes they are
  still `words_of` of each sentence.
- A two-label model's probabilities are (1 - p, p), as np.column_stack made them.
"""
from __future__ import annotations

import numpy as np

from framing.classify.fastcount import WordGrams
from framing.classify.features import words_of
from framing.classify.wordids import article_words
from framing.classify.wordunits import prefixes

SENTENCES = [
    "Pakistan’s military said the so-called “security operation” killed 12 militants.",
    "Critics slammed the government's economic plan, calling it a reckless giveaway.",
    "The minister did not comment; officials said talks would resume on Monday.",
    "",
    "Economists expect the economy to slow as the war drags on.",
]


def _general_merge(grams: WordGrams, words: list[str]):
    """What `_grams_of` gave for a prefix unit before the shortcut: every word's unit looked up,
    then the (word, unit) pairs merged and counted."""
    flat = prefixes(words, grams.prefix)
    gram = np.array([grams.index.get(u, -1) for u in flat], dtype=np.int64)
    word = np.arange(len(words), dtype=np.int64)
    hit = gram >= 0
    return grams._merge([word[hit]], [gram[hit]], len(words))


def test_prefix_units_without_the_pair_merge_are_the_same():
    words = sorted({w for s in SENTENCES for w in words_of(s)}) + ["slamming", "a", "war", "x"]
    vocab = sorted({u for u in prefixes(words[::2], 5)} | {"zzzzz~"})  # half the words' units
    grams = WordGrams((3, 5), "prefix5")
    assert grams.single and grams.prefix == 5
    grams.index = {g: i for i, g in enumerate(vocab)}
    grams.strings = list(vocab)
    for batch in (words, words[1::3], ["slammed"], ["nothing-known"], []):
        got, want = grams._grams_of(batch), _general_merge(grams, batch)
        assert len(got) == len(want) == 3
        for a, b in zip(got, want):
            assert np.array_equal(a, b) and a.dtype == b.dtype
    # "slammed" and "slamming" share their unit: each word holds it once
    ids, counts, sizes = grams._grams_of(["slammed", "slamming"])
    assert ids.tolist() == [grams.index["slamm~"]] * 2 and counts.tolist() == [1, 1]
    assert sizes.tolist() == [1, 1]


def test_other_units_keep_the_general_path():
    assert not WordGrams((3, 5)).single
    assert not WordGrams((3, 5), "lemma+prefix4").single
    assert WordGrams((3, 5), "lemma").prefix is None


def test_article_words_per_sentence_are_words_of_each_sentence():
    aw = article_words(SENTENCES)
    ends = aw.sizes.cumsum().tolist()
    assert [aw.flat[a:b] for a, b in zip([0] + ends[:-1], ends)] == [words_of(s) for s in SENTENCES]
    assert aw.flat == [w for s in SENTENCES for w in words_of(s)]
    assert aw.sizes.tolist() == [len(words_of(s)) for s in SENTENCES]
    assert aw.row.tolist() == [i for i, s in enumerate(SENTENCES) for _ in words_of(s)]
    assert len(aw.ids) == len(aw.flat)


def test_two_label_probabilities_are_one_minus_p_and_p():
    from framing.classify.inputs import SentenceInput
    from framing.classify.models import load_default_model

    model = load_default_model("bias")
    if model is None or len(model.labels) != 2:
        import pytest

        pytest.skip("no two-label default bias model installed")
    proba = model.predict_proba([SentenceInput(s) for s in SENTENCES])
    assert proba.shape == (len(SENTENCES), 2) and proba.flags.c_contiguous
    assert np.array_equal(proba, np.column_stack([1.0 - proba[:, 1], proba[:, 1]]))
