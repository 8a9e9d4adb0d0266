"""Why each sentence got its label: the top features of every row of an article, with numpy.

A feature's contribution is its value times its weight toward the predicted label. The letter
block's features (a word's first five letters, or the letter n-grams of models from before session
6) are credited to the sentence's words that hold them (a unit held by several words is split
equally), and a word's credit is added to its own word feature, so a student reads
'word: "slammed"' rather than 'stem: "slamm~"' or 'letters: "mmed "'. Features whose total is not
positive are never shown; the k largest are, ties broken by name.

Everything up to the ranking is done for all rows of an article at once (no Python loop over
features or words); Python only names, for each row, the few features it shows. The figures are
the same sums of the same products as the per-row code they replaced (each word's letter credit is
one np.add.reduceat segment over its n-grams in column order, then plus its word feature), so
they do not depend on how many sentences are scored together.
"""
from __future__ import annotations

import numpy as np

from .objects import make_feature
from .rounding import round6
from .wordids import TABLE


def explain_rows(model, X, best, trace, inputs, k: int, products=None) -> list[tuple]:
    """Per row of X: the k features (FeatureContribution) that pushed it most toward best[r].

    `products`: for a two-label model, each entry's value times its weight, as the scores were
    made from (then no weight is looked up again).
    """
    return explain_many([(model, X, best, trace, products)], inputs, k)[0]


def explain_many(parts, inputs, k: int) -> list[list[tuple]]:
    """`explain_rows` of several models over the same inputs (an article's bias and frame
    models): parts are (model, X, best, trace, products). Each model's candidates are its own;
    they are then ranked, named and rounded in one go, model after model as consecutive blocks of
    rows, so each model gets exactly what `explain_rows` gives it alone (rows never mix), for
    one set of array operations instead of one per model.
    """
    made = [_candidates(*part, inputs) for part in parts]
    n = parts[0][1].shape[0]
    if any(part[1].shape[0] != n for part in parts):
        raise ValueError("the models' matrices have different numbers of rows")
    if len(made) == 1:
        cand_row, cand_total, cand_ref, cand_value = made[0][:4]
    else:
        cand_row = np.concatenate([c[0] + p * n for p, c in enumerate(made)])
        cand_total, cand_ref, cand_value = (np.concatenate([c[i] for c in made]) for i in (1, 2, 3))
    out = _rank(cand_row, cand_total, cand_ref, cand_value, n, len(made),
                [c[4] for c in made], [c[5] for c in made], k)
    return [out[p * n:(p + 1) * n] for p in range(len(made))]


def _candidates(model, X, best, trace, products, inputs):
    """(rows, totals, references, values) of every feature of X that may be shown (a word id
    < 0 or a column), and the model's (label function, name cache) to name them."""
    ex = model.extractor
    w_lo, w_hi = ex.blocks_["words"]
    l_lo, l_hi = ex.blocks_["letters"]
    lex_end = ex.blocks_["lexicon"][1]
    sig_lo = ex.blocks_["signals"][0]
    best = np.asarray(best, dtype=np.int64)
    rows = X.rows
    cols = np.asarray(X.indices, dtype=np.int64)
    vals = X.data
    toward = model._toward  # (labels, features); a flat take is several times cheaper than [r, c]
    if products is not None and toward.shape[0] == 2:
        # toward is (-w, w): value x (-w) is exactly -(value x w), the same floats as the take
        contrib = np.where(best[rows] == 1, products, -products)
    else:
        contrib = vals * toward.reshape(-1).take(best[rows] * toward.shape[1] + cols)
    n_ids = len(TABLE.words) + 1

    # Words: letter credits plus unigram features, merged by (row, word id); a word's value is
    # how often it occurs in the sentence. Both belong to the article's distinct (row, non-stop
    # word) pairs (StopSplit, rows and ids ascending), so they are added up by the pair's index:
    # letter credit first, then the word feature, as the pairs come in order.
    split = trace.words.shared(ex._stop, ex._id_lookups().stop.view)
    sizes = getattr(trace, "sizes", ())
    if getattr(trace, "words_letters_first", False) and sum(sizes) == len(cols):
        # X made by transform_with_letters: its entries are the word block's, the letter
        # block's, then the rest's, so each block is a slice (no mask over every entry)
        n_words, n_letters = sizes[0], sizes[1]
        tail = slice(n_words + n_letters, None)
        c_seg, c_sum = _letter_credits(None, contrib[n_words:n_words + n_letters], trace.letters,
                                       l_lo, l_hi)
        w_rows, w_cols, w_contrib = rows[:n_words], cols[:n_words], contrib[:n_words]
        # the word block's counts, entry for entry (Trace.word_counts holds them in X's order)
        w_counts = trace.word_counts[1]
        nonzero = w_contrib != 0.0
        if not nonzero.all():
            w_rows, w_cols, w_contrib = w_rows[nonzero], w_cols[nonzero], w_contrib[nonzero]
            w_counts = w_counts[nonzero]
        t_contrib = contrib[tail]
        other = t_contrib > 0
        o_rows, o_cols, o_vals, o_contrib = (rows[tail][other], cols[tail][other], vals[tail][other],
                                             t_contrib[other])
    else:
        c_seg, c_sum = _letter_credits(cols, contrib, trace.letters, l_lo, l_hi)
        in_words = (cols >= w_lo) & (cols < w_hi) & (contrib != 0.0)
        w_rows, w_cols, w_contrib = rows[in_words], cols[in_words], contrib[in_words]
        other = (cols >= l_hi) & (contrib > 0)
        o_rows, o_cols, o_vals, o_contrib = rows[other], cols[other], vals[other], contrib[other]
        w_counts = None
    gid = ex._id_lookups().uni_gid[w_cols - w_lo] if len(w_cols) else np.zeros(0, np.int64)
    uni = gid >= 0
    pair_keys = split.seg_row * n_ids + split.seg_gid
    u_seg = pair_keys.searchsorted(w_rows[uni] * n_ids + gid[uni])
    seg = np.concatenate([c_seg, u_seg])
    totals = np.bincount(seg, weights=np.concatenate([c_sum, w_contrib[uni]]), minlength=len(pair_keys))
    present = np.zeros(len(pair_keys), dtype=bool)
    present[seg] = True
    keys = present.nonzero()[0]
    totals = totals[keys]
    times = split.seg_times[keys].astype(np.float64)
    word_rows, word_ids = split.seg_row[keys], split.seg_gid[keys]
    bigram = ~uni & (w_contrib > 0)
    if w_counts is not None:
        b_counts = w_counts[bigram]
    else:
        b_counts = _lookup(trace.word_counts, w_rows[bigram] * max(w_hi - w_lo, 1) + (w_cols[bigram] - w_lo))

    # Everything else with a positive contribution: bigrams, lexicon counts, signals.
    o_value = o_vals.copy()
    lex = o_cols < lex_end
    o_value[lex] = np.expm1(o_vals[lex]).round()  # back from log(1 + count) to the count
    if ex.config.signal_scale:
        sig = o_cols >= sig_lo
        o_value[sig] = o_vals[sig] / ex.config.signal_scale  # the score itself
    pos = totals > 0
    cand_row = np.concatenate([word_rows[pos], w_rows[bigram], o_rows])
    cand_total = np.concatenate([totals[pos], w_contrib[bigram], o_contrib])
    cand_ref = np.concatenate([-1 - word_ids[pos], w_cols[bigram], o_cols])  # < 0: a word id
    cand_value = np.concatenate([times[pos], b_counts.astype(np.float64), o_value])
    names, vocab, words_of_id = ex.names_, ex.word_vocab_, TABLE.words
    keys_of = ex.lexicon_keys_
    named = _named(ex)

    def label(r, j):
        """(name, words) of reference j in row r: a word id (< 0) or a column."""
        if l_hi <= j < lex_end:  # lexicon counts: the words are the row's matches
            return names[j], inputs[r].lexicon_words.get(keys_of[j - l_hi], ())
        got = named.get(j)
        if got is None:
            if j < 0:
                word = words_of_id[-1 - j]
                got = (f'word: "{word}"', (word,))
            elif j < w_hi:
                got = (names[j], (vocab[j - w_lo],))
            else:
                got = (names[j], ())
            named.put(j, got)
        return got

    return cand_row, cand_total, cand_ref, cand_value, label, named


def _rank(cand_row, cand_total, cand_ref, cand_value, n: int, n_models: int, labels, named, k: int):
    """The shown features of every row of `n_models` blocks of n rows (block p: model p, its
    label function labels[p] and name cache named[p]), from the candidates of all."""
    # Rank within each row by total, largest first; a row whose shown features include equal
    # totals (or tie with the first one left out) is ranked again in Python, ties by name.
    n_all = n * n_models
    order = np.lexsort((-cand_total, cand_row))
    srow, stot = cand_row[order], cand_total[order]
    bounds = srow.searchsorted(np.arange(n_all + 1))
    rank = np.arange(len(srow)) - bounds[srow]
    same = (srow[1:] == srow[:-1]) & (stot[1:] == stot[:-1]) & (rank[:-1] < k)
    tied = np.zeros(n_all, dtype=bool)
    tied[srow[:-1][same]] = True
    sref, sval = cand_ref[order], cand_value[order]

    # Rows without ties: their first k candidates, named and rounded all at once. Names and
    # word tuples of words and columns are shared (one dict lookup each); lexicon ones are per row.
    sel = ((rank < k) & ~tied[srow]).nonzero()[0]
    s_ref_array = sref[sel]
    s_row, s_ref = srow[sel].tolist(), s_ref_array.tolist()
    found = []
    ends = srow[sel].searchsorted(np.arange(1, n_models + 1) * n).tolist()
    start = 0
    for p, end in enumerate(ends):  # each model's rows are one run of the selection
        got = named[p].get_many(s_ref_array[start:end])
        label, first = labels[p], p * n
        for i in [i for i, nw in enumerate(got) if nw is None]:
            got[i] = label(s_row[start + i] - first, s_ref[start + i])
        found += got
        start = end
    shown = len(sel)
    rounded = round6(np.concatenate([sval[sel], stot[sel]]))  # values then totals, in one go
    made = [make_feature(nw[0], v, t, nw[1])
            for nw, v, t in zip(found, rounded[:shown], rounded[shown:])]
    cuts = np.zeros(n_all + 1, dtype=np.int64)
    np.bincount(srow[sel], minlength=n_all).cumsum(out=cuts[1:])
    cuts = cuts.tolist()
    out = [tuple(made[cuts[r]:cuts[r + 1]]) for r in range(n_all)]

    # Rows with ties: ranked again in Python, ties by name.
    bounds = bounds.tolist()
    for g in tied.nonzero()[0].tolist():
        p, r = divmod(g, n)
        label = labels[p]
        a, b = bounds[g], bounds[g + 1]
        tot, ref, value = stot[a:b].tolist(), sref[a:b].tolist(), sval[a:b].tolist()
        end = min(b - a, k)
        while end < b - a and tot[end] == tot[end - 1]:
            end += 1
        shown = sorted((-tot[i], label(r, ref[i])[0], i) for i in range(end))[:k]
        out[g] = tuple(make_feature(name, float("%.6g" % value[i]), float("%.6g" % tot[i]),
                                    label(r, ref[i])[1])
                       for _, name, i in shown)
    return out


def _named(ex) -> "_Names":
    """Reference (-1 - word id, or a column outside the lexicon block) -> (name, words), kept on
    the extractor while the word table keeps its ids: every explanation naming the same word or
    feature shares one name string and one words tuple."""
    got = ex.__dict__.get("_explain_names")
    if got is None or got[0] != TABLE.generation:
        got = ex.__dict__["_explain_names"] = (TABLE.generation, _Names(ex.n_features))
    return got[1]


class _Names:
    """The (name, words) of references in an object array: a column j at j, word id i at
    width + i. A whole selection is looked up with one array gather (`get_many`) instead of a
    dict lookup each; None where not named yet (and for lexicon columns, named per row)."""

    def __init__(self, width: int):
        self.width = width
        self.table = np.full(width + 4096, None, dtype=object)

    def _index(self, j: int) -> int:
        return j if j >= 0 else self.width - 1 - j

    def get(self, j: int):
        i = self._index(j)
        return self.table[i] if i < len(self.table) else None

    def put(self, j: int, got) -> None:
        i = self._index(j)
        if i >= len(self.table):
            self._grow(i + 1)
        self.table[i] = got

    def get_many(self, refs: np.ndarray) -> list:
        if not len(refs):
            return []
        at = np.where(refs >= 0, refs, self.width - 1 - refs)
        top = int(at.max()) + 1
        if top > len(self.table):
            self._grow(top)
        return self.table[at].tolist()

    def _grow(self, size: int) -> None:
        grown = np.full(max(size, 2 * len(self.table)), None, dtype=object)
        grown[:len(self.table)] = self.table
        self.table = grown


def _lookup(table, keys: np.ndarray) -> np.ndarray:
    """Counts of `keys` in a (sorted keys, counts) table (0 where absent)."""
    if table is None or not len(keys) or not len(table[0]):
        return np.zeros(len(keys), dtype=np.int64)
    sorted_keys, counts = table
    pos = np.minimum(sorted_keys.searchsorted(keys), len(sorted_keys) - 1)
    return np.where(sorted_keys[pos] == keys, counts[pos], 0)


def _letter_credits(cols, contrib, block, l_lo, l_hi):
    """(pair indices, credits) of the words whose letter n-grams contribute: each word's place
    among the article's (row, non-stop word) pairs (StopSplit) and its credit. `cols` None:
    `contrib` holds the letter entries' contributions only.

    Each letter n-gram's contribution is split equally among the row's distinct words holding it,
    then summed per word: one np.add.reduceat segment per (row, word) over the word's n-grams.
    X's letter entries are, in order, the block's entries (both row-major, columns ascending).
    Zero sums are left out.
    """
    if l_hi == l_lo or block is None or not len(block.seg_starts):
        return np.zeros(0, np.int64), np.zeros(0)
    if cols is not None:
        contrib = contrib[(cols >= l_lo) & (cols < l_hi)]
    per_entry = contrib / block.holders
    sums = np.add.reduceat(per_entry[block.inverse], block.seg_starts)
    nz = sums != 0.0
    return block.seg_index[nz], sums[nz]
