"""Story grouping hashes terms itself (framing.batch.grouping.TermCounts) as scikit-learn's
HashingVectorizer did, so the grouping child need not import scikit-learn: same columns, same
counts, on real text."""
from __future__ import annotations

import pytest

from framing.batch import grouping

from conftest import SEEDS

sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")


def _reference():
    return sklearn_text.HashingVectorizer(
        n_features=grouping.N_FEATURES, stop_words="english", alternate_sign=False, norm=None,
        token_pattern=grouping.TERM.pattern, lowercase=True)


def test_murmurhash_equals_scikit_learns():
    from sklearn.utils import murmurhash3_32

    words = ["", "a", "ab", "abc", "abcd", "abcde", "Zürich", "naïveté", "東京", "Ωmega🙂",
             "président", "the", "of-the-people", "x" * 37]
    for word in words:
        data = word.encode("utf-8")
        for seed in (0, 1, 42):
            assert grouping.murmurhash3_32(data, seed) == murmurhash3_32(data, seed=seed), word


def test_term_counts_equal_the_hashing_vectorizer():
    docs = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    docs += ["", "The the THE of", "Café café CAFÉ naïve Zürich Zurich 東京 東京 x y zz 1999 a1b2",
             "It's the ex-president's \u201cunprovoked\u201d strikes, strikes and STRIKES."]
    m = _reference().transform(docs).tocsr()
    counts = grouping.TermCounts()
    for _ in range(2):  # the second time from the memo of columns
        for r, doc in enumerate(docs):
            a, b = m.indptr[r], m.indptr[r + 1]
            columns, tf = counts(doc)
            assert columns == m.indices[a:b].tolist()
            assert tf == m.data[a:b].tolist()
    assert sum(len(counts(d)[0]) for d in docs) > 500


def test_grouping_does_not_import_scikit_learn():
    import subprocess
    import sys

    code = ("import sys; from framing.batch.grouping import group_stories; "
            "docs = [('a', '2020-01-01', 'Talks fail', 'Talks failed in Istanbul on Sunday.'), "
            "('b', '2020-01-02', 'Talks fail', 'The talks in Istanbul failed, officials said.')]; "
            "ids, rows = group_stories(lambda: iter(docs), 2); "
            "print(len(set(ids.values())), 'sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         timeout=120)
    assert out.stdout.split() == ["1", "False"]
