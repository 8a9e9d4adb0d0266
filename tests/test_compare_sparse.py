"""framing.compare.sparse reproduces scikit-learn's TF-IDF and scipy's sparse sums bit for bit.

The comparison used TfidfVectorizer and scipy.sparse until session 3; the numpy versions must give
the very same floats (same entries, same order inside rows, same sums), because the alignment
compares similarities with thresholds and breaks ties on exact values. References here are the
libraries themselves, run on the features the alignment builds from the seed story's sentences.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pytest
from test_compare_support import seed_analyses

from framing.compare import sparse as sp
from framing.compare.align import _char_text, _word_features
from framing.compare.data import stop_words
from framing.compare.units import article_units

scipy_sparse = pytest.importorskip("scipy.sparse")
text_mod = pytest.importorskip("sklearn.feature_extraction.text")


@lru_cache(maxsize=1)
def seed_features():
    """(word features, character texts) of every unit of the seed story, as align_units builds them."""
    analyses, _ = seed_analyses()
    stops = stop_words()
    words, texts = [], []
    for i, a in enumerate(analyses):
        units, _ = article_units(a, i)
        for u in units:
            words.append(_word_features(a, u, stops))
            texts.append(_char_text(a, u))
    return words, texts


def reference(docs, dtype, char=False):
    if char:
        vec = text_mod.TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4), sublinear_tf=True, dtype=dtype)
    else:
        vec = text_mod.TfidfVectorizer(analyzer=lambda x: x, sublinear_tf=True, dtype=dtype)
    return vec.fit_transform(docs).tocsr(), vec.vocabulary_


def to_scipy(x: sp.Csr):
    return scipy_sparse.csr_matrix((x.data, x.indices, x.indptr), shape=(x.n_rows, x.n_cols))


def same_csr(ours: sp.Csr, ref) -> None:
    assert np.array_equal(ours.indptr, ref.indptr)
    assert np.array_equal(ours.indices, ref.indices)  # same order inside rows, not only same set
    assert ours.data.dtype == ref.data.dtype
    assert np.array_equal(ours.data, ref.data)  # bit for bit


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_word_tfidf_equals_scikit_learn(dtype):
    words, _ = seed_features()
    assert len(words) > 80
    ours, vocab = sp.tfidf(words, dtype=dtype)
    ref, ref_vocab = reference(words, dtype)
    assert vocab == ref_vocab
    same_csr(ours, ref)
    assert not ours.sorted_rows().all()  # rows keep first-seen order, as in scikit-learn


def test_char_ngram_tfidf_equals_scikit_learn():
    _, texts = seed_features()
    texts = texts + ["Türkiye's  foreign\tminister", "a b", "UN"]  # accents, runs of spaces, short words
    ref, ref_vocab = reference(texts, np.float32, char=True)
    for ours, vocab in (sp.tfidf([sp.char_wb_ngrams(t) for t in texts], dtype=np.float32),
                        sp.tfidf_char_wb(texts, dtype=np.float32)):
        assert vocab == ref_vocab
        same_csr(ours, ref)
    for ours, vocab in (sp.tfidf([sp.char_wb_ngrams(t) for t in texts], dtype=np.float32,
                                 vocabulary=False),
                        sp.tfidf_char_wb(texts, dtype=np.float32, vocabulary=False)):
        assert vocab is None  # the matrix alone, the same
        same_csr(ours, ref)
    with pytest.raises(ValueError):
        sp.tfidf_char_wb(["", "  "])


def test_char_ngram_memo_is_bounded_and_changes_nothing(monkeypatch):
    """The word -> n-grams memo behind tfidf_char_wb (words recur from story to story): once full
    it drops the words added last, keeps the first, and a run through an emptied, tiny memo gives
    the same matrix, bit for bit, as scikit-learn."""
    _, texts = seed_features()
    ref, ref_vocab = reference(texts, np.float32, char=True)
    memo = sp._WordGrams(3, 4)
    monkeypatch.setattr(sp._WordGrams, "LIMIT", 40)
    monkeypatch.setattr(sp, "_GRAMS", {})
    ours, vocab = sp.tfidf_char_wb(texts, dtype=np.float32)
    assert vocab == ref_vocab
    same_csr(ours, ref)
    filled = sp._GRAMS[(3, 4)]
    assert 0 < len(filled) <= 40
    words = [f"word{k}" for k in range(100)]
    for w in words:
        assert memo[w] == tuple(sp._word_ngrams(w, 3, 4))
    assert len(memo) <= 40 and "word0" in memo and "word99" in memo
    assert memo["word5"][0] is memo["word6"][0]  # " wo": one interned string for both words


def test_empty_vocabulary_raises_like_scikit_learn():
    with pytest.raises(ValueError):
        sp.tfidf([[], []])
    with pytest.raises(ValueError):
        reference([[], []], np.float64)


def test_pair_products_equal_scipy_matmat_in_value_and_order():
    words, _ = seed_features()
    x, _ = sp.tfidf(words, dtype=np.float32)
    ref = to_scipy(x)
    prod = (ref @ ref.T.tocsc()).tocoo()
    keep = (prod.col > prod.row) & (prod.data >= 0.1)
    r, c, v = sp.pair_products(x, 0.1)
    assert len(r) > 50
    assert np.array_equal(r, prod.row[keep]) and np.array_equal(c, prod.col[keep])
    assert v.dtype == np.float32 and np.array_equal(v, prod.data[keep])
    # small blocks give the same answer
    r2, c2, v2 = sp.pair_products(x, 0.1, max_rows=7)
    assert np.array_equal(r, r2) and np.array_equal(c, c2) and np.array_equal(v, v2)


def test_gram_and_row_norms_equal_scipy():
    words, _ = seed_features()
    x, _ = sp.tfidf(words[:60], dtype=np.float64)
    ref = to_scipy(x)
    assert np.array_equal(sp.gram(x), (ref @ ref.T).toarray())
    assert np.array_equal(sp.row_sq_sums(x), np.asarray(ref.multiply(ref).sum(axis=1)).ravel())
    canon = sp.from_entries(3, 4, [0, 0, 1, 2, 2], [3, 1, 0, 2, 3], [0.5, -1.25, 2.0, 0.1, 0.7])
    ref = to_scipy(canon)
    assert canon.sorted_rows().all()
    assert np.array_equal(sp.gram(canon), (ref @ ref.T).toarray())
    assert np.array_equal(sp.row_sq_sums(canon), np.asarray(ref.multiply(ref).sum(axis=1)).ravel())


@pytest.mark.parametrize("dense_cells", [sp.DENSE_CELLS, 0])  # dense lookup, and small blocks
def test_rowwise_dot_equals_scipy_multiply_sum(dense_cells, monkeypatch):
    monkeypatch.setattr(sp, "DENSE_CELLS", dense_cells)
    words, texts = seed_features()
    xw, _ = sp.tfidf(words, dtype=np.float32)
    rows, cols, _ = sp.pair_products(xw, 0.0)
    xc, _ = sp.tfidf([sp.char_wb_ngrams(t) for t in texts], dtype=np.float32)
    ref = to_scipy(xc)
    for chunk in (4096, 100):
        ours = sp.rowwise_dot(xc, rows, cols, chunk=chunk)
        want = np.zeros(len(rows), dtype=np.float32)
        for a in range(0, len(rows), chunk):
            r, c = rows[a:a + chunk], cols[a:a + chunk]
            want[a:a + chunk] = np.asarray(ref[r].multiply(ref[c]).sum(axis=1)).ravel()
        assert np.array_equal(ours, want)


def _scipy_cohesion_part(x, node_cluster, node_weight, n_clusters):
    """align._cohesion's sparse part as it was written with scipy (the reference)."""
    n_nodes = x.shape[0]
    ind = scipy_sparse.csr_matrix((node_weight, (node_cluster, np.arange(n_nodes))), shape=(n_clusters, n_nodes))
    sums = (ind @ x).tocsr()
    width = np.int64(sums.shape[1])
    sc = sums.tocoo()
    skeys = sc.row.astype(np.int64) * width + sc.col.astype(np.int64)
    order = np.argsort(skeys, kind="stable")
    skeys, svals = skeys[order], sc.data[order]
    ucoo = x.tocoo()
    ukeys = node_cluster[ucoo.row].astype(np.int64) * width + ucoo.col.astype(np.int64)
    pos = np.searchsorted(skeys, ukeys)
    prod = ucoo.data * svals[pos]
    dots = np.bincount(ucoo.row, weights=prod, minlength=n_nodes)
    sq = np.asarray(sums.multiply(sums).sum(axis=1)).ravel()
    norms = np.asarray(x.multiply(x).sum(axis=1)).ravel()
    self_sq = np.asarray(ind @ norms).ravel()
    return dots - norms, sq - self_sq


def test_cluster_cohesion_sums_equal_scipy():
    words, texts = seed_features()
    rng = np.random.default_rng(3)
    for x, _ in (sp.tfidf(words, dtype=np.float32),
                 sp.tfidf([sp.char_wb_ngrams(t) for t in texts], dtype=np.float32)):
        n = x.n_rows
        node_cluster = rng.integers(0, n // 3, size=n)
        node_cluster = np.unique(node_cluster, return_inverse=True)[1]
        node_weight = rng.integers(1, 4, size=n).astype(np.float64)
        k = int(node_cluster.max()) + 1
        ours = sp.cluster_cohesion_part(x, node_cluster, node_weight, k)
        want = _scipy_cohesion_part(to_scipy(x), node_cluster, node_weight, k)
        assert np.array_equal(ours[0], want[0]) and np.array_equal(ours[1], want[1])


def test_components_group_like_scipy():
    from scipy.sparse.csgraph import connected_components

    rng = np.random.default_rng(5)
    n = 300
    rows = rng.integers(0, n, size=260)
    cols = rng.integers(0, n, size=260)
    ours = sp.components(n, rows, cols)
    graph = scipy_sparse.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    _, ref = connected_components(graph, directed=False)

    def groups(labels):
        out = {}
        for i, lab in enumerate(labels.tolist()):
            out.setdefault(lab, []).append(i)
        return sorted(out.values())

    assert groups(ours) == groups(ref)


def test_sum_duplicates_equals_scipy_tocsr_for_short_rows():
    rng = np.random.default_rng(11)
    rows = rng.integers(0, 40, size=400)
    cols = rng.integers(0, 30, size=400)
    vals = rng.random(400)
    r, c, v = sp.sum_duplicates(40, rows, cols, vals)
    ref = scipy_sparse.coo_matrix((vals, (rows, cols)), shape=(40, 30)).tocsr()
    ref.sum_duplicates()
    ref_rows = np.repeat(np.arange(40), np.diff(ref.indptr))
    assert np.array_equal(r, ref_rows) and np.array_equal(c, ref.indices)
    # scipy sorts each row with std::sort, which keeps the order of equal columns in rows of up to
    # 16 entries (insertion sort): there the sums are bit for bit the same
    short = np.diff(ref.indptr)[ref_rows] <= 16
    assert short.any() and np.array_equal(v[short], ref.data[short])
    assert np.allclose(v, ref.data, rtol=1e-15, atol=0)
