"""Group articles about the same event into stories (`framing batch --group-stories`).

Method (documented in docs/batch.md, thresholds measured in docs/accuracy_batch.md):

1. Each article is represented by its title (counted twice) and its first LEAD_WORDS words: the lede
   says what the event is; the rest of an article drifts into background shared by many stories.
   Terms are words of two or more letters without English stop words, hashed (scikit-learn's
   HashingVectorizer, so nothing but the counts is kept), weighted by sublinear TF x smoothed IDF
   over the whole corpus, cut to the TOP_TERMS heaviest terms and L2-normalised. Memory is
   about 8 x TOP_TERMS bytes per article.
2. Dated articles are taken in date order. An article joins the earlier story with the highest
   average cosine similarity to that story's members published within `window_days` before it, if
   that average is at least `threshold`; otherwise it starts a new story. Average (not single)
   linkage keeps a chain of loosely related articles from merging into one giant story, and
   `max_size` caps a story.
3. Undated articles come last, in key order: they join the story with the highest average cosine
   over all its members if it reaches `undated_threshold` (stricter, because no date rules out
   a coincidence), else they are grouped among themselves the same way, or stand alone.

Everything is ordered by (date, article key), so the same corpus always gives the same stories, and
a story's id is a hash of its members' keys (a story that gains or loses an article gets a new id).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

LEAD_WORDS = 250
TOP_TERMS = 40
N_FEATURES = 2 ** 20


@dataclass(frozen=True)
class GroupingOptions:
    threshold: float = 0.30
    undated_threshold: float = 0.45
    window_days: int = 3
    max_size: int = 40


def _vectorizer():
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(n_features=N_FEATURES, stop_words="english", alternate_sign=False,
                             norm=None, token_pattern=r"(?u)\b[^\W\d_][^\W\d_]+\b", lowercase=True)


def _doc(title: str, text: str) -> str:
    words = text.split(maxsplit=LEAD_WORDS)
    return f"{title}\n{title}\n" + " ".join(words[:LEAD_WORDS])


def _ordinal(date: str) -> int | None:
    try:
        return dt.date.fromisoformat(date[:10]).toordinal() if date else None
    except ValueError:
        return None


def story_id_for(uids) -> str:
    return "g-" + hashlib.sha256(",".join(sorted(uids)).encode()).hexdigest()[:12]


def vectorize(read_docs, n_docs: int):
    """Two streaming passes over `read_docs()` (an iterable of (uid, date, title, text), re-iterable
    by calling again): document frequencies, then the truncated TF-IDF rows."""
    import numpy as np
    from scipy import sparse

    vec = _vectorizer()
    df = np.zeros(N_FEATURES, dtype=np.int32)
    batch: list[str] = []

    def flush_df():
        if batch:
            m = vec.transform(batch)
            np.add.at(df, m.indices, 1)
            batch.clear()

    for _, _, title, text in read_docs():
        batch.append(_doc(title, text))
        if len(batch) >= 500:
            flush_df()
    flush_df()
    idf = np.log((1 + n_docs) / (1 + df.astype(np.float64))) + 1.0
    del df
    uids, dates = [], []
    indptr, indices, data = [0], [], []
    texts: list[str] = []

    def flush_rows():
        if not texts:
            return
        m = vec.transform(texts).tocsr()
        for r in range(m.shape[0]):
            a, b = m.indptr[r], m.indptr[r + 1]
            idx, tf = m.indices[a:b], m.data[a:b]
            w = (1.0 + np.log(tf)) * idf[idx]
            if len(w) > TOP_TERMS:
                keep = np.argsort(-w, kind="stable")[:TOP_TERMS]
                idx, w = idx[keep], w[keep]
            norm = np.sqrt((w * w).sum()) or 1.0
            indices.extend(idx.tolist())
            data.extend((w / norm).tolist())
            indptr.append(len(indices))
        texts.clear()

    for uid, date, title, text in read_docs():
        uids.append(uid)
        dates.append(_ordinal(date))
        texts.append(_doc(title, text))
        if len(texts) >= 500:
            flush_rows()
    flush_rows()
    X = sparse.csr_matrix((np.asarray(data, dtype=np.float32), np.asarray(indices, dtype=np.int32),
                           np.asarray(indptr, dtype=np.int64)), shape=(len(uids), N_FEATURES))
    return uids, dates, X


CELLS = 20_000_000  # at most this many similarities are held at once (80 MB of float32)


def cluster(uids, dates, X, opts: GroupingOptions = GroupingOptions()):
    """Story label per article (in order of first member) and each story's cohesion (the mean
    similarity at which its members joined; None for a lone article)."""
    import numpy as np

    n = len(uids)
    dated = sorted((i for i in range(n) if dates[i] is not None), key=lambda i: (dates[i], uids[i]))
    undated = sorted((i for i in range(n) if dates[i] is None), key=lambda i: uids[i])
    order = np.asarray(dated + undated, dtype=np.int64)
    Xo = X[order] if n else X
    m = len(dated)
    day = np.asarray([dates[i] for i in dated], dtype=np.int64)
    # first candidate position of each article: the window start for dated ones, 0 for undated
    lo = np.concatenate([np.searchsorted(day, day - opts.window_days, side="left"),
                         np.zeros(n - m, dtype=np.int64)])
    label = np.full(n, -1, dtype=np.int64)  # by position in `order`
    size: list[int] = []
    joins: list[list[float]] = []

    def place(pos: int, sims: np.ndarray, threshold: float):
        first = lo[pos]
        if pos > first:
            labs = label[first:pos]
            uniq, inv = np.unique(labs, return_inverse=True)
            mean = np.bincount(inv, weights=sims, minlength=len(uniq)) / np.bincount(inv)
            open_ = np.asarray([size[c] < opts.max_size for c in uniq.tolist()])
            mean = np.where(open_, mean, -1.0)
            best = int(np.argmax(mean))  # first (lowest label) among equals: deterministic
            if mean[best] >= threshold:
                c = int(uniq[best])
                label[pos] = c
                size[c] += 1
                joins[c].append(float(mean[best]))
                return
        label[pos] = len(size)
        size.append(1)
        joins.append([])

    start = 0
    while start < n:
        width_from = lo[start]
        end = start + 1
        while end < n and end - start < 512 and (end + 1 - width_from) * (end + 1 - start) <= CELLS \
                and (end < m) == (start < m):
            end += 1
        block = (Xo[start:end] @ Xo[width_from:end].T).toarray()
        for pos in range(start, end):
            threshold = opts.threshold if pos < m else opts.undated_threshold
            row = block[pos - start, lo[pos] - width_from:pos - width_from]
            place(pos, row.astype(np.float64), threshold)
        start = end
    out = np.empty(n, dtype=np.int64)
    out[order] = label
    cohesion = [round(sum(j) / len(j), 4) if j else None for j in joins]
    return out, cohesion


def group_store(store_file: str, opts: GroupingOptions = GroupingOptions()):
    """`group_stories` over the articles of a store that have no story id (reads it read-only).

    The runner calls this in a short-lived child process (`group_store_in_child`), so the writer
    never loads scikit-learn and SciPy (about 130 MB) and gives back the vectors' memory when
    grouping is done."""
    import sqlite3
    from pathlib import Path

    conn = sqlite3.connect(f"{Path(store_file).resolve().as_uri()}?mode=ro", uri=True)
    try:
        n = conn.execute("SELECT count(*) FROM articles WHERE story_hint = ''").fetchone()[0]

        def docs():
            return conn.execute("SELECT uid, date, title, text FROM articles "
                                "WHERE story_hint = '' ORDER BY uid")

        return group_stories(docs, n, opts)
    finally:
        conn.close()


def group_store_in_child(store_file: str, opts: GroupingOptions = GroupingOptions()):
    """`group_store` in the runner's child process, which exits once this returns.

    The cyclic garbage collector has nothing to do there: importing scikit-learn, SciPy and pandas
    (about 1,500 modules) and building the vectors allocate objects that live until the process
    ends or are freed by reference counting. So it is paused while grouping (its passes cost about
    0.1 CPU-s for 1,000 articles) and the heap is frozen before returning: the interpreter's
    collections on the way out then skip it, which cut the child's exit from about 0.43 to 0.04
    CPU-s. What a collection would have freed is the imports' thousand or so cycles, the same for
    any corpus (peak memory unchanged: 206 MB for 1,000 AllSides articles, 231 MB for 6,296).
    The child's native libraries get one thread each (framing.batch.threads): the workers hold
    the other cores."""
    import gc

    from .threads import one_native_thread

    one_native_thread()
    gc.disable()
    try:
        return group_store(store_file, opts)
    finally:
        gc.freeze()


def group_stories(read_docs, n_docs: int, opts: GroupingOptions = GroupingOptions()):
    """{uid: story_id} and the stories' rows for the store (method "grouped")."""
    if n_docs == 0:
        return {}, []
    uids, dates, X = vectorize(read_docs, n_docs)
    label, cohesion = cluster(uids, dates, X, opts)
    by_label: dict[int, list[int]] = {}
    for i, c in enumerate(label.tolist()):
        by_label.setdefault(c, []).append(i)
    assignments, stories = {}, []
    for c, idx in by_label.items():
        sid = story_id_for(uids[i] for i in idx) if len(idx) > 1 else f"a-{uids[idx[0]]}"
        known = sorted(dt.date.fromordinal(dates[i]).isoformat() for i in idx
                       if dates[i] is not None)
        for i in idx:
            assignments[uids[i]] = sid
        stories.append({"story_id": sid, "method": "grouped" if len(idx) > 1 else "single",
                        "name": "", "n_articles": len(idx),
                        "date_min": known[0] if known else "", "date_max": known[-1] if known else "",
                        "cohesion": cohesion[c]})
    return assignments, sorted(stories, key=lambda s: s["story_id"])
