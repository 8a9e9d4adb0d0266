"""Story grouping (`--group-stories`) on a fixture with known stories."""
from __future__ import annotations

import sqlite3

from framing.batch import BatchOptions, GroupingOptions, run_batch
from framing.batch.grouping import cluster, group_stories, vectorize
from test_batch_support import STORIES, fixture_articles


def _docs():
    return [(a["id"], a["date"], a["title"], a["text"]) for a in fixture_articles()]


def _partition(labels_by_id: dict) -> set:
    groups: dict = {}
    for uid, label in labels_by_id.items():
        groups.setdefault(label, set()).add(uid)
    return {frozenset(g) for g in groups.values()}


def _expected() -> set:
    groups: dict = {}
    for a in fixture_articles():
        groups.setdefault(a["expected_story"] or a["id"], set()).add(a["id"])
    return {frozenset(g) for g in groups.values()}


def test_grouping_finds_the_known_stories_and_leaves_the_rest_alone():
    docs = _docs()
    assignments, stories = group_stories(lambda: docs, len(docs))
    assert _partition(assignments) == _expected()
    by_id = {s["story_id"]: s for s in stories}
    fire = by_id[assignments["art06"]]
    assert fire["n_articles"] == 3 and fire["method"] == "grouped"  # undated art08 joined it
    assert (fire["date_min"], fire["date_max"]) == ("2021-03-10", "2021-03-10")
    alone = by_id[assignments["art15"]]  # the Kerrow flood, three months after Millbrook's
    assert alone["method"] == "single" and alone["n_articles"] == 1


def test_date_window_and_threshold_matter():
    docs = _docs()
    uids, dates, X = vectorize(lambda: docs, len(docs))
    # a zero-day window splits the flood story (its third article is a day later)
    labels, _ = cluster(uids, dates, X, GroupingOptions(window_days=0))
    part = _partition(dict(zip(uids, labels.tolist())))
    assert frozenset({"art00", "art01"}) in part and frozenset({"art02"}) in part
    # an impossible threshold leaves every article alone
    labels, _ = cluster(uids, dates, X, GroupingOptions(threshold=1.01, undated_threshold=1.01))
    assert len(set(labels.tolist())) == len(docs)
    # the order of the input does not change the stories
    rev = list(reversed(docs))
    a1, _ = group_stories(lambda: docs, len(docs))
    a2, _ = group_stories(lambda: rev, len(rev))
    assert a1 == a2


def test_batch_group_stories_stores_stories_and_comparisons(tmp_path):
    out = tmp_path / "o"
    s = run_batch(BatchOptions(inputs=(str(STORIES),), out_dir=str(out), group_stories=True,
                               quiet=True))
    assert s.exit_code == 0 and s.stories == 9
    conn = sqlite3.connect(out / "framing.sqlite")
    sizes = sorted(n for (n,) in conn.execute("SELECT n_articles FROM stories"))
    assert sizes == [1, 1, 1, 1, 1, 3, 3, 3, 3]
    assert conn.execute("SELECT count(*) FROM story_comparisons").fetchone()[0] == 4
    outlets = {o for (o,) in conn.execute("SELECT DISTINCT outlet FROM articles")}
    assert "Fox News" in outlets and "Fox Online News" not in outlets


# -- the numpy grouping equals the scikit-learn/SciPy code it replaced, bit for bit -------------

def _sklearn_rows(docs):
    """The replaced vectorize(): HashingVectorizer counts, then the same weighting, as SciPy CSR."""
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import HashingVectorizer

    from framing.batch.grouping import N_FEATURES, TOP_TERMS, _doc

    vec = HashingVectorizer(n_features=N_FEATURES, stop_words="english", alternate_sign=False,
                            norm=None, token_pattern=r"(?u)\b[^\W\d_][^\W\d_]+\b", lowercase=True)
    texts = [_doc(title, text) for _, _, title, text in docs]
    m = vec.transform(texts).tocsr()
    df = np.zeros(N_FEATURES, dtype=np.int32)
    np.add.at(df, m.indices, 1)
    idf = np.log((1 + len(docs)) / (1 + df.astype(np.float64))) + 1.0
    indptr, indices, data = [0], [], []
    for r in range(m.shape[0]):
        idx, tf = m.indices[m.indptr[r]:m.indptr[r + 1]], m.data[m.indptr[r]:m.indptr[r + 1]]
        w = (1.0 + np.log(tf)) * idf[idx]
        if len(w) > TOP_TERMS:
            keep = np.argsort(-w, kind="stable")[:TOP_TERMS]
            idx, w = idx[keep], w[keep]
        norm = np.sqrt((w * w).sum()) or 1.0
        indices.extend(idx.tolist())
        data.extend((w / norm).tolist())
        indptr.append(len(indices))
    return sparse.csr_matrix((np.asarray(data, dtype=np.float32),
                              np.asarray(indices, dtype=np.int32),
                              np.asarray(indptr, dtype=np.int64)), shape=(len(docs), N_FEATURES))


def _varied_docs():
    """The fixture's articles, each also with its title and text cut differently, undated, and
    with accented and non-Latin words, so rows differ in length and share terms unevenly."""
    docs = _docs()
    extra = [(f"{uid}-x", "", title.upper() + " Zürich Ça ça 東京 naïve", text[: 40 + 7 * i])
             for i, (uid, _, title, text) in enumerate(docs)]
    return docs + extra + [("empty", "", "", "the and of 123 4th")]


def test_hashed_rows_equal_scikit_learns():
    import numpy as np

    docs = _varied_docs()
    uids, dates, X = vectorize(lambda: docs, len(docs))
    ref = _sklearn_rows(docs)
    assert uids == [d[0] for d in docs]
    assert np.array_equal(X.indptr, ref.indptr) and np.array_equal(X.indices, ref.indices)
    assert np.array_equal(X.data.view(np.uint32), ref.data.view(np.uint32))
    from framing.batch import grouping

    kept = grouping.KEEP_TERMS
    try:  # a corpus too large to keep the first pass's counts: the texts are hashed again
        grouping.KEEP_TERMS = 20
        _, _, again = vectorize(lambda: docs, len(docs))
    finally:
        grouping.KEEP_TERMS = kept
    assert np.array_equal(again.indices, X.indices) and np.array_equal(again.data, X.data)


def test_similarity_blocks_equal_scipys_sparse_product_bit_for_bit():
    import numpy as np

    from framing.batch import grouping

    docs = _varied_docs()
    _, _, X = vectorize(lambda: docs, len(docs))
    order = np.random.RandomState(3).permutation(len(docs))
    Xo, ref = X.take(order), _sklearn_rows(docs)[order]
    assert np.array_equal(Xo.indices, ref.indices) and np.array_equal(Xo.data, ref.data)
    n = len(docs)
    for r0, r1, c0, c1 in ((0, n, 0, n), (5, 17, 0, 17), (n - 3, n, 2, n)):
        want = (ref[r0:r1] @ ref[c0:c1].T).toarray()
        got = grouping.similarities(Xo, r0, r1, c0, c1)
        assert got.dtype == want.dtype and np.array_equal(got.view(np.uint32), want.view(np.uint32))
    small = grouping.PAIRS
    try:  # the same numbers when the products are made a few rows at a time
        grouping.PAIRS = 50
        got = grouping.similarities(Xo, 0, n, 0, n)
    finally:
        grouping.PAIRS = small
    assert np.array_equal(got, (ref @ ref.T).toarray())


def test_murmurhash_equals_scikit_learns():
    from sklearn.utils import murmurhash3_32 as reference

    from framing.batch.hashing import murmurhash3_32

    words = ["", "a", "ab", "abc", "abcd", "abcde", "Pakistan", "naïve", "東京", "ça",
             "unprovoked", "x" * 37] + [a["title"] for a in fixture_articles()]
    for w in words:
        assert murmurhash3_32(w.encode("utf-8")) == reference(w.encode("utf-8"), seed=0), w
