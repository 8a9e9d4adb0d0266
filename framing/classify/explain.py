"""Why each sentence got its label: the top features of every row of an article, with numpy.

A feature's contribution is its value times its weight toward the predicted label. Letter n-grams
are credited to the sentence's words that hold them (an n-gram held by several words is split
equally), and a word's credit is added to its own word feature, so a student reads
'word: "slammed"' rather than 'letters: "mmed "'. Features whose total is not positive are never
shown; the k largest are, ties broken by name.

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
    ex = model.extractor
    n = X.shape[0]
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
        contrib = vals * np.take(toward.reshape(-1), best[rows] * toward.shape[1] + cols)
    n_ids = len(TABLE.words) + 1

    # Words: letter credits plus unigram features, merged by (row, word id); a word's value is
    # how often it occurs in the sentence. Both belong to the article's distinct (row, non-stop
    # word) pairs (StopSplit, rows and ids ascending), so they are added up by the pair's index:
    # letter credit first, then the word feature, as the pairs come in order.
    split = trace.words.shared(ex._stop, ex._id_lookups().stop.view)
    c_seg, c_sum = _letter_credits(cols, contrib, trace.letters, l_lo, l_hi)
    in_words = (cols >= w_lo) & (cols < w_hi) & (contrib != 0.0)
    w_rows, w_cols, w_contrib = rows[in_words], cols[in_words], contrib[in_words]
    gid = ex._id_lookups().uni_gid[w_cols - w_lo] if len(w_cols) else np.zeros(0, np.int64)
    uni = gid >= 0
    pair_keys = split.seg_row * n_ids + split.seg_gid
    u_seg = np.searchsorted(pair_keys, w_rows[uni] * n_ids + gid[uni])
    seg = np.concatenate([c_seg, u_seg])
    totals = np.bincount(seg, weights=np.concatenate([c_sum, w_contrib[uni]]), minlength=len(pair_keys))
    present = np.zeros(len(pair_keys), dtype=bool)
    present[seg] = True
    keys = np.flatnonzero(present)
    totals = totals[keys]
    times = split.seg_times[keys].astype(np.float64)
    word_rows, word_ids = split.seg_row[keys], split.seg_gid[keys]
    bigram = ~uni & (w_contrib > 0)
    b_counts = _lookup(trace.word_counts, w_rows[bigram] * max(w_hi - w_lo, 1) + (w_cols[bigram] - w_lo))

    # Everything else with a positive contribution: bigrams, lexicon counts, signals.
    other = (cols >= l_hi) & (contrib > 0)
    o_cols, o_vals = cols[other], vals[other]
    o_value = o_vals.copy()
    lex = o_cols < lex_end
    o_value[lex] = np.round(np.expm1(o_vals[lex]))  # back from log(1 + count) to the count
    if ex.config.signal_scale:
        sig = o_cols >= sig_lo
        o_value[sig] = o_vals[sig] / ex.config.signal_scale  # the score itself
    pos = totals > 0
    cand_row = np.concatenate([word_rows[pos], w_rows[bigram], rows[other]])
    cand_total = np.concatenate([totals[pos], w_contrib[bigram], contrib[other]])
    cand_ref = np.concatenate([-1 - word_ids[pos], w_cols[bigram], o_cols])  # < 0: a word id
    cand_value = np.concatenate([times[pos], b_counts.astype(np.float64), o_value])

    # Rank within each row by total, largest first; a row whose shown features include equal
    # totals (or tie with the first one left out) is ranked again in Python, ties by name.
    order = np.lexsort((-cand_total, cand_row))
    srow, stot = cand_row[order], cand_total[order]
    bounds = np.searchsorted(srow, np.arange(n + 1))
    rank = np.arange(len(srow)) - bounds[srow]
    same = (srow[1:] == srow[:-1]) & (stot[1:] == stot[:-1]) & (rank[:-1] < k)
    tied = np.zeros(n, dtype=bool)
    tied[srow[:-1][same]] = True

    sref, sval = cand_ref[order], cand_value[order]
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
            named[j] = got
        return got

    # Rows without ties: their first k candidates, named and rounded all at once. Names and
    # word tuples of words and columns are shared (one dict lookup each); lexicon ones are per row.
    sel = np.flatnonzero((rank < k) & ~tied[srow])
    s_row, s_ref = srow[sel].tolist(), sref[sel].tolist()
    found = list(map(named.get, s_ref))
    for i in [i for i, nw in enumerate(found) if nw is None]:
        found[i] = label(s_row[i], s_ref[i])
    shown = len(sel)
    rounded = round6(np.concatenate([sval[sel], stot[sel]]))  # values then totals, in one go
    made = [make_feature(nw[0], v, t, nw[1])
            for nw, v, t in zip(found, rounded[:shown], rounded[shown:])]
    cuts = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(srow[sel], minlength=n), out=cuts[1:])
    cuts = cuts.tolist()
    out = [tuple(made[cuts[r]:cuts[r + 1]]) for r in range(n)]

    # Rows with ties: ranked again in Python, ties by name.
    bounds = bounds.tolist()
    for r in np.flatnonzero(tied).tolist():
        a, b = bounds[r], bounds[r + 1]
        tot, ref, value = stot[a:b].tolist(), sref[a:b].tolist(), sval[a:b].tolist()
        end = min(b - a, k)
        while end < b - a and tot[end] == tot[end - 1]:
            end += 1
        shown = sorted((-tot[i], label(r, ref[i])[0], i) for i in range(end))[:k]
        out[r] = tuple(make_feature(name, float("%.6g" % value[i]), float("%.6g" % tot[i]),
                                    label(r, ref[i])[1])
                       for _, name, i in shown)
    return out


def _named(ex) -> dict:
    """Reference (-1 - word id, or a column outside the lexicon block) -> (name, words), kept on
    the extractor while the word table keeps its ids: every explanation naming the same word or
    feature shares one name string and one words tuple."""
    got = ex.__dict__.get("_explain_names")
    if got is None or got[0] != TABLE.generation:
        got = ex.__dict__["_explain_names"] = (TABLE.generation, {})
    return got[1]


def _lookup(table, keys: np.ndarray) -> np.ndarray:
    """Counts of `keys` in a (sorted keys, counts) table (0 where absent)."""
    if table is None or not len(keys) or not len(table[0]):
        return np.zeros(len(keys), dtype=np.int64)
    sorted_keys, counts = table
    pos = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return np.where(sorted_keys[pos] == keys, counts[pos], 0)


def _letter_credits(cols, contrib, block, l_lo, l_hi):
    """(pair indices, credits) of the words whose letter n-grams contribute: each word's place
    among the article's (row, non-stop word) pairs (StopSplit) and its credit.

    Each letter n-gram's contribution is split equally among the row's distinct words holding it,
    then summed per word: one np.add.reduceat segment per (row, word) over the word's n-grams.
    X's letter entries are, in order, the block's entries (both row-major, columns ascending).
    Zero sums are left out.
    """
    if l_hi == l_lo or block is None or not len(block.seg_starts):
        return np.zeros(0, np.int64), np.zeros(0)
    in_letters = (cols >= l_lo) & (cols < l_hi)
    per_entry = contrib[in_letters] / block.holders
    sums = np.add.reduceat(per_entry[block.inverse], block.seg_starts)
    nz = sums != 0.0
    return block.seg_index[nz], sums[nz]
