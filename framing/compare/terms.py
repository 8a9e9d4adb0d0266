"""Distinctive terms per outlet: log-odds ratios with an informative Dirichlet prior.

Monroe, Colaresi and Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict", Political Analysis 16(4), section 3.5. For outlet i
against the rest of the story j, for each term w with counts y and totals n:

    delta_w = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
    var_w  ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var_w)

The prior a_w = a0 * (story count of w / story total) is informative: it comes from the whole story,
so a word every outlet uses a lot needs a large difference to stand out, and a word used twice
cannot top the list by chance as it does with raw frequency ratios. a0 = `prior_strength` x the
story's token count (default 0.1), separately for words, two-word and three-word phrases (their
frequencies are not comparable). Reported: terms with z >= `min_z` (default 1.0, one standard
deviation) used at least `min_count` times by the outlet, best `top_k` per outlet by z. A short
story rarely reaches the usual 5 % level (|z| >= 1.96) for any term, so the threshold is lower and
the z is reported: a renderer should mark terms at 1.96 and above as clearly distinctive.

Terms are lower-cased words (function words left out as single words, allowed inside phrases but
not at their edges); phrases never cross punctuation or sentence ends; numbers are left to the
figures table.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from ..model import ArticleAnalysis
from ..model.comparison import DistinctiveTerm, Occurrence
from .data import stop_words
from .tokens import columns


@dataclass(frozen=True)
class TermParams:
    prior_strength: float = 0.1
    min_z: float = 1.0
    min_count: int = 2
    top_k: int = 15
    max_n: int = 3
    occurrences: int = 5  # spans kept per term for highlighting


def _is_term_word(norm: str) -> bool:
    return any(c.isalpha() for c in norm)


def _join(words: tuple[str, ...]) -> str:
    out = ""
    for w in words:
        out += w if (w.startswith("'") or not out) else " " + w
    return out


def _grams(analysis: ArticleAnalysis, max_n: int, stops: frozenset[str]):
    """(n, term, first token, last token) for every word and phrase of an article: runs of word
    tokens unbroken by punctuation, within a sentence."""
    c = columns(analysis.doc)
    norm, alpha = c.norm, c.alpha
    out = []
    for s in analysis.doc.sentences:
        run: list[int] = []
        for k in range(s.token_start, s.token_end + 1):
            if k < s.token_end and (alpha[k] or (norm[k].startswith("'") and run)):
                run.append(k)
                continue
            if run:
                words = [norm[j] for j in run]
                ok = [alpha[j] and w not in stops for j, w in zip(run, words)]
                edge = [o and not w.startswith("'") for o, w in zip(ok, words)]
                for i in range(len(run)):
                    if not edge[i]:
                        continue
                    out.append((1, words[i], run[i], run[i]))
                    for n in range(2, max_n + 1):
                        if i + n > len(run):
                            break
                        if ok[i + n - 1]:
                            out.append((n, _join(tuple(words[i:i + n])), run[i], run[i + n - 1]))
            run = []
    return out


def _same_uses(a, b) -> bool:
    """Two terms that are the same uses of overlapping words ("welcomes" / "welcomes iran",
    "interior minister mohsin" / "minister mohsin naqvi" with equal counts): keep one."""
    if a[5] != b[5]:
        return False
    wa, wb = a[1].split(), b[1].split()
    if len(wa) > len(wb):
        wa, wb = wb, wa
    joined_b = " " + " ".join(wb) + " "
    if " " + " ".join(wa) + " " in joined_b:
        return True
    return any(wa[-k:] == wb[:k] or wb[-k:] == wa[:k] for k in range(2, len(wa) + 1))


def distinctive_terms(analyses: list[ArticleAnalysis], outlets: list[str],
                      params: TermParams = TermParams()) -> tuple[DistinctiveTerm, ...]:
    """The words and phrases each outlet over-uses relative to the rest of the story."""
    if len(outlets) < 2:
        return ()
    stops = stop_words()
    o_index = {o: i for i, o in enumerate(outlets)}
    counts = [[Counter() for _ in outlets] for _ in range(params.max_n + 1)]
    quoted = [[Counter() for _ in outlets] for _ in range(params.max_n + 1)]
    grams = []
    for a in analyses:
        oi = o_index[a.article.outlet]
        mine = _grams(a, params.max_n, stops)
        grams.append(mine)
        q = columns(a.doc).in_quote
        by_n: list[list[str]] = [[] for _ in range(params.max_n + 1)]  # the terms of each length,
        quoted_by_n: list[list[str]] = [[] for _ in range(params.max_n + 1)]  # in one pass
        for n, term, first, last in mine:
            by_n[n].append(term)
            if q[first] and q[last]:
                quoted_by_n[n].append(term)
        for n in range(1, params.max_n + 1):
            counts[n][oi].update(by_n[n])
            quoted[n][oi].update(quoted_by_n[n])
    chosen: list[tuple[int, str, int, float, float, int, int]] = []  # outlet, term, n, delta, z, y_i, y_j
    for n in range(1, params.max_n + 1):
        total = Counter()
        for c in counts[n]:
            total.update(c)
        if not total:
            continue
        vocab = sorted(total)
        if len(vocab) < 2:
            continue  # one term only: its odds against "everything else" are undefined
        index = {w: k for k, w in enumerate(vocab)}
        y_all = np.array([total[w] for w in vocab], dtype=float)
        big_n = y_all.sum()
        a0 = params.prior_strength * big_n
        alpha = a0 * y_all / big_n
        for oi in range(len(outlets)):
            c = counts[n][oi]
            terms = [w for w, v in c.items() if v >= params.min_count]
            if not terms:
                continue
            idx = np.array([index[w] for w in terms])
            yi = np.array([c[w] for w in terms], dtype=float)
            ni = float(sum(c.values()))
            yj = y_all[idx] - yi
            nj = big_n - ni
            al = alpha[idx]
            with np.errstate(divide="ignore", invalid="ignore"):
                delta = (np.log((yi + al) / (ni + a0 - yi - al)) - np.log((yj + al) / (nj + a0 - yj - al)))
                z = delta / np.sqrt(1.0 / (yi + al) + 1.0 / (yj + al))
            for w, d_, z_, y1, y2 in zip(terms, delta.tolist(), z.tolist(), yi.tolist(), yj.tolist()):
                if np.isfinite(z_) and z_ >= params.min_z:
                    chosen.append((oi, w, n, d_, z_, int(y1), int(y2)))
    best: dict[int, list] = defaultdict(list)
    for item in sorted(chosen, key=lambda x: (x[0], -x[4], -x[2], x[1])):
        kept = best[item[0]]
        same = [k for k in kept if _same_uses(item, k)]
        if same:
            # the same uses of the same words: keep the longer wording ("regime sources", not
            # "regime" when every "regime" is followed by "sources")
            if item[2] > max(k[2] for k in same):
                at = kept.index(same[0])
                kept[:] = [k for k in kept if k not in same]
                kept.insert(at, item)
            continue
        if len(kept) < params.top_k:
            kept.append(item)
    wanted = {(oi, it[1]) for oi, items in best.items() for it in items}
    spans: dict[tuple[int, str], list[Occurrence]] = defaultdict(list)
    for a, mine in zip(analyses, grams):
        oi = o_index[a.article.outlet]
        toks = a.doc.tokens
        for n, term, first, last in mine:
            key = (oi, term)
            if key in wanted and len(spans[key]) < params.occurrences:
                spans[key].append(Occurrence(a.article.id, toks[first].start, toks[last].end))
    out = []
    for oi in sorted(best):
        for _, term, n, delta, z, yi, yj in best[oi]:
            q = quoted[n][oi][term]
            out.append(DistinctiveTerm(
                outlet=outlets[oi], term=term, n=n, count=yi, count_rest=yj,
                log_odds=round(delta, 4), z=round(z, 3), quoted_share=round(q / yi, 4) if yi else 0.0,
                occurrences=tuple(spans[(oi, term)])))
    return tuple(out)
