"""Session-5 fast paths of the classify stage give exactly what their reference twins give.

On the seed articles (real news, lexicon findings from the real lexicon stage):
- the lexicon block read through the shared key table equals the per-model Python loop it replaced;
- explanations that slice X by block (the layout transform_with_letters makes) equal the ones
  that find the blocks with masks over every entry;
- the multi-label product with its kept label keys equals the broadcast keys it replaced;
- sentence signals read VADER's memo for all sentences at once, the same numbers as one by one;
- both models' explanations ranked, named and rounded together equal each model's alone.
"""
from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from framing.classify.explain import explain_many, explain_rows
from framing.classify.inputs import inputs_from_doc
from framing.classify.signals import pattern_rows, sentence_signals
from framing.model import Article
from framing.resources import Resources
from framing.stages import lexicon as lexicon_stage
from framing.text import build_doc
from framing.text.sentiment import vader_scores


@pytest.fixture(scope="module")
def resources():
    return Resources()


@pytest.fixture(scope="module")
def seed_inputs(resources, seed_paths):
    """(doc, inputs) of every seed article, with the lexicon stage's findings."""
    out = []
    for path in seed_paths:
        doc = build_doc(Article(id=path.stem, text=path.read_text(encoding="utf-8"), outlet="x"))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            findings = lexicon_stage.run(doc, resources, {}).get("findings", ())
        out.append((doc, inputs_from_doc(doc, findings, signals=True)))
    assert len(out) == 5
    return out


def _models(resources):
    models = [m for m in (resources.models.bias, resources.models.frame) if m is not None]
    if not models:
        pytest.skip("no default models installed")
    return models


def test_lexicon_block_equals_the_per_model_loop(resources, seed_inputs):
    # the shipped frame model has no lexicon block (session 18); the bias model has one
    with_block = [m for m in _models(resources)
                  if m.extractor.blocks_["lexicon"][0] < m.extractor.blocks_["lexicon"][1]]
    assert with_block
    for model in with_block:
        ex = model.extractor
        lo, hi = ex.blocks_["lexicon"]
        seen = 0
        for _, inputs in seed_inputs:
            X = ex.transform_with_letters(inputs)[0].to_csr()
            for r, item in enumerate(inputs):
                # the reference: each positive count of a key the model knows, log(1 + count),
                # columns ascending within the row
                want = sorted((ex._lexicon_index[key], math.log1p(count))
                              for key, count in item.lexicon.items()
                              if count > 0 and key in ex._lexicon_index)
                a, b = X.indptr[r], X.indptr[r + 1]
                cols, vals = X.indices[a:b], X.data[a:b]
                inside = (cols >= lo) & (cols < hi)
                got = list(zip((cols[inside] - lo).tolist(), vals[inside].tolist()))
                assert got == want
                seen += len(want)
        assert seen > 50  # the seeds do have lexicon findings


def test_block_slices_give_the_same_explanations_as_masks(resources, seed_inputs):
    for model in _models(resources):
        for _, inputs in seed_inputs:
            X, trace = model.extractor.transform_with_letters(inputs)
            assert trace.words_letters_first and sum(trace.sizes) == X.nnz
            proba, products = model._proba(X)
            best = proba.argmax(axis=1)
            sliced = explain_rows(model, X, best, trace, inputs, 5, products)
            masked = explain_rows(model, X, best, trace._replace(sizes=(), words_letters_first=False),
                                  inputs, 5, products)
            assert sliced == masked
            assert sum(map(len, sliced)) > 3 * len(inputs)  # most sentences show five reasons


def test_multilabel_product_equals_broadcast_keys(resources, seed_inputs):
    model = resources.models.frame
    if model is None:
        pytest.skip("no default frame model installed")
    for _, inputs in seed_inputs:
        X = model.extractor.transform(inputs)
        W = model._coef_t
        n, k = X.shape[0], W.shape[1]
        products = W.take(X.indices, axis=0) * X.data[:, None]
        keys = (X.rows * k)[:, None] + np.arange(k)  # the reference keys
        want = np.bincount(keys.ravel(), weights=products.ravel(), minlength=n * k).reshape(n, k)
        got = X.dot(W)
        assert got.tobytes() == want.tobytes()  # bit for bit


def test_sentence_signals_equal_one_text_at_a_time(seed_inputs):
    for doc, _ in seed_inputs:
        texts = [doc.article.text[s.start:s.end] for s in doc.sentences]
        pol, subj = pattern_rows(texts)
        want = []
        for t, p, s in zip(texts, pol.tolist(), subj.tolist()):
            v = vader_scores(t)
            want.append((v.neg, v.pos, abs(v.compound), s, abs(p)))
        assert sentence_signals(texts) == want
        assert sentence_signals(iter(texts)) == want  # any iterable


def test_explaining_both_models_together_equals_one_at_a_time(resources, seed_inputs):
    models = _models(resources)
    if len(models) < 2:
        pytest.skip("needs both default models")
    for _, inputs in seed_inputs:
        parts = [m.score_arrays(inputs)[2] for m in models]
        together = explain_many(parts, inputs, 5)
        alone = [explain_rows(m, X, best, trace, inputs, 5, products)
                 for m, X, best, trace, products in parts]
        assert together == alone
        assert all(len(feats) == len(inputs) for feats in together)
        # and the stage's predictions carry the same explanations as predict() of each model
        for m, feats in zip(models, together):
            assert [p.features for p in m.predict(inputs)] == feats
