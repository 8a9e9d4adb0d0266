"""Group articles about the same event into stories (`framing batch --group-stories`).

Method (documented in docs/batch.md, thresholds measured in docs/accuracy_batch.md):

1. Each article is represented by its title (counted twice) and its first LEAD_WORDS words: the lede
   says what the event is; the rest of an article drifts into background shared by many stories.
   Terms are words of two or more letters without English stop words, hashed (scikit-learn's
   HashingVectorizer's features, computed by framing.batch.hashing without importing it, so
   nothing but the counts is kept), weighted by sublinear TF x smoothed IDF over the whole
   corpus, cut to the TOP_TERMS heaviest terms and L2-normalised. Memory is about 8 x TOP_TERMS
   bytes per article.
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
#: vectorize() keeps its first pass's term counts (12 bytes a term, ~150 terms an article) for the
#: second pass up to this many terms (about 60 MB, 30,000 articles); beyond, it hashes again.
KEEP_TERMS = 5_000_000
TOP_TERMS = 40
N_FEATURES = 2 ** 20


@dataclass(frozen=True)
class GroupingOptions:
    threshold: float = 0.30
    undated_threshold: float = 0.45
    window_days: int = 3
    max_size: int = 40


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


@dataclass(frozen=True)
class Rows:
    """Articles' term vectors as compressed sparse rows (scipy's csr layout, without scipy):
    row i's features are indices[indptr[i]:indptr[i+1]], weights in `data` (float32), in the
    order they were kept (heaviest first)."""
    indptr: object  # numpy int64 array, n_rows + 1
    indices: object  # numpy int32 array
    data: object  # numpy float32 array

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    def take(self, order) -> "Rows":
        """The rows in `order` (as scipy's X[order])."""
        import numpy as np

        order = np.asarray(order, dtype=np.int64)
        lengths = np.diff(self.indptr)[order]
        indptr = np.zeros(len(order) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        src = np.repeat(self.indptr[:-1][order] - indptr[:-1], lengths) + \
            np.arange(indptr[-1], dtype=np.int64)
        return Rows(indptr, self.indices[src], self.data[src])


def vectorize(read_docs, n_docs: int):
    """Two passes over `read_docs()` (an iterable of (uid, date, title, text), re-iterable by
    calling again): document frequencies, then the truncated TF-IDF rows. The second pass reuses
    the first one's term counts while they fit in KEEP_TERMS, else streams and hashes again."""
    import numpy as np

    from .hashing import TermHasher

    hasher = TermHasher(N_FEATURES)
    df = np.zeros(N_FEATURES, dtype=np.int64)
    seen: list = []
    kept: list | None = []  # the first pass's counts, while they fit in KEEP_TERMS entries
    n_kept = 0

    def flush_df():
        if seen:
            np.add(df, np.bincount(np.concatenate(seen), minlength=N_FEATURES), out=df)
            seen.clear()

    for uid, date, title, text in read_docs():
        idx, tf = hasher.counts(_doc(title, text))
        seen.append(idx)
        if kept is not None:
            kept.append((uid, date, idx, tf))
            n_kept += len(idx)
            if n_kept > KEEP_TERMS:
                kept = None  # a large corpus: the second pass reads and hashes the texts again
        if len(seen) >= 500:
            flush_df()
    flush_df()
    idf = np.log((1 + n_docs) / (1 + df.astype(np.float64))) + 1.0
    del df
    uids, dates = [], []
    indptr, indices, data = [0], [], []
    if kept is None:
        kept = ((uid, date, *hasher.counts(_doc(title, text)))
                for uid, date, title, text in read_docs())
    for uid, date, idx, tf in kept:
        uids.append(uid)
        dates.append(_ordinal(date))
        w = (1.0 + np.log(tf)) * idf[idx]
        if len(w) > TOP_TERMS:
            keep = np.argsort(-w, kind="stable")[:TOP_TERMS]
            idx, w = idx[keep], w[keep]
        norm = np.sqrt((w * w).sum()) or 1.0
        indices.extend(idx.tolist())
        data.extend((w / norm).tolist())
        indptr.append(len(indices))
    X = Rows(np.asarray(indptr, dtype=np.int64), np.asarray(indices, dtype=np.int32),
             np.asarray(data, dtype=np.float32))
    return uids, dates, X


CELLS = 20_000_000  # at most this many similarities are held at once (80 MB of float32)
PAIRS = 1_000_000  # at most this many term products are held at once (about 40 MB)


def similarities(X: Rows, r0: int, r1: int, c0: int, c1: int):
    """Dot products of rows r0..r1 with rows c0..c1, a float32 array, bit for bit what scipy's
    `(X[r0:r1] @ X[c0:c1].T).toarray()` gives: its sparse product (csr_matmat) adds, for each pair,
    the float32 products of the shared terms one at a time in the order of the left row's terms.
    So do we: the products of all pairs sharing a term are made at once, then added level by level
    (the left row's first term, its second, ...)."""
    import numpy as np

    out = np.zeros((r1 - r0, c1 - c0), dtype=np.float32)
    ip, ind, dat = X.indptr, X.indices, X.data
    b_lo, b_hi = ip[c0], ip[c1]
    b_feat = ind[b_lo:b_hi]
    b_sort = np.argsort(b_feat, kind="stable")
    b_feat = b_feat[b_sort]
    b_w = dat[b_lo:b_hi][b_sort]
    b_doc = np.repeat(np.arange(c1 - c0, dtype=np.int64), np.diff(ip[c0:c1 + 1]))[b_sort]
    r = r0
    while r < r1:
        a_lo = ip[r]
        a_feat_all = ind[a_lo:ip[r1]]
        left = np.searchsorted(b_feat, a_feat_all, side="left")
        count = np.searchsorted(b_feat, a_feat_all, side="right") - left
        # rows r..stop whose products fit in PAIRS (at least one row)
        row_len = np.diff(ip[r:r1 + 1])
        per_row = np.bincount(np.repeat(np.arange(r1 - r), row_len), weights=count,
                              minlength=r1 - r)
        cum = np.cumsum(per_row)
        stop = r + max(1, int(np.searchsorted(cum, PAIRS, side="right")))
        n_a = int(ip[stop] - a_lo)
        left, count = left[:n_a], count[:n_a]
        a_w = dat[a_lo:a_lo + n_a]
        a_row = np.repeat(np.arange(r - r0, stop - r0, dtype=np.int64), row_len[:stop - r])
        a_pos = np.arange(n_a, dtype=np.int64) - np.repeat(ip[r:stop] - a_lo, row_len[:stop - r])
        total = int(count.sum())
        if total:
            a_of = np.repeat(np.arange(n_a, dtype=np.int64), count)
            b_of = np.repeat(left - (np.cumsum(count) - count), count) + \
                np.arange(total, dtype=np.int64)
            prod = a_w[a_of] * b_w[b_of]  # float32 x float32, as the C++ loop
            rows, cols, level = a_row[a_of], b_doc[b_of], a_pos[a_of]
            by_level = np.argsort(level, kind="stable")
            bounds = np.searchsorted(level[by_level], np.arange(int(level.max()) + 2))
            for j in range(len(bounds) - 1):  # each (row, col) at most once per level
                sel = by_level[bounds[j]:bounds[j + 1]]
                out[rows[sel], cols[sel]] += prod[sel]
        r = stop
    return out


def cluster(uids, dates, X: Rows, opts: GroupingOptions = GroupingOptions()):
    """Story label per article (in order of first member) and each story's cohesion (the mean
    similarity at which its members joined; None for a lone article)."""
    import numpy as np

    n = len(uids)
    dated = sorted((i for i in range(n) if dates[i] is not None), key=lambda i: (dates[i], uids[i]))
    undated = sorted((i for i in range(n) if dates[i] is None), key=lambda i: uids[i])
    order = np.asarray(dated + undated, dtype=np.int64)
    Xo = X.take(order) if n else X
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
        block = similarities(Xo, start, end, width_from, end)
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
    """`group_stories` over the articles of a store that have no story id (reads it read-only,
    on its own connection, so the runner commits before calling it)."""
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
