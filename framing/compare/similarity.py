"""Which outlets frame alike: cosine similarity of per-outlet profiles, family by family.

Families, each used when the data behind it exists (a stage that did not run leaves its family out):
- coverage: which claims the outlet carries (binary vector over claims): same facts chosen;
- wording: TF-IDF over the outlet's lemmas (function words left out): same vocabulary;
- distinctive: the outlet's Fightin' Words z-scores (over-used terms): same departures from the
  story's common wording;
- lexicon: the lexicon stage's findings per 100 words by category, narrator voice only (needs
  findings);
- cues: the attribution stage's cue classes (neutral, endorsing, distancing, adversarial) as shares,
  plus the share of direct quotes (needs attributions).
Profiles that are distributions (lexicon, cues) are centred on the story mean when there are three
or more outlets: otherwise every pair of non-negative profiles looks alike. `combined` is the mean
over the available families; the per-family matrices are kept for stories of up to 100 outlets
(500 outlets would mean 1.25 million numbers for little use).
"""
from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np

from ..model import ArticleAnalysis
from ..model.comparison import Claim, DistinctiveTerm, NearestOutlet, OutletSimilarity
from . import sparse
from .data import stop_words
from .tokens import columns

CUE_CLASSES = ("neutral", "endorsing", "distancing", "adversarial")
FAMILY_MATRICES_UP_TO = 100  # beyond this many outlets only the combined matrix is kept (size)


def _cosine(m) -> np.ndarray:
    if isinstance(m, sparse.Csr):  # sums in scipy's order (see framing/compare/sparse.py)
        norms = np.sqrt(sparse.row_sq_sums(m))
        prod = sparse.gram(m)
    else:
        m = np.asarray(m, dtype=np.float64)
        norms = np.sqrt((m * m).sum(axis=1))
        prod = m @ m.T
    denom = np.outer(norms, norms)
    with np.errstate(invalid="ignore", divide="ignore"):
        sim = np.where(denom > 0, prod / np.where(denom > 0, denom, 1), 0.0)
    np.fill_diagonal(sim, 1.0)
    return sim


def _centre(m: np.ndarray) -> np.ndarray:
    return m - m.mean(axis=0, keepdims=True) if m.shape[0] >= 3 else m


def _coverage(claims, outlets):
    index = {o: i for i, o in enumerate(outlets)}
    cells: dict[tuple[int, int], float] = {}
    for ci, c in enumerate(claims):
        for o in c.outlets:
            cells[(index[o], ci)] = cells.get((index[o], ci), 0.0) + 1.0
    if not cells:
        return None
    keys = list(cells)
    return sparse.from_entries(len(outlets), len(claims), [k[0] for k in keys], [k[1] for k in keys],
                               list(cells.values()))


def _wording(analyses, outlets):
    stops = stop_words()
    docs = defaultdict(list)
    for a in analyses:
        c = columns(a.doc)
        docs[a.article.outlet].extend(
            lemma for lemma, norm, alpha in zip(c.lemma, c.norm, c.alpha) if alpha and norm not in stops)
    feats = [docs[o] for o in outlets]
    if not any(feats):
        return None
    return sparse.tfidf(feats, dtype=np.float64, vocabulary=False)[0]


def _distinctive(terms: tuple[DistinctiveTerm, ...], outlets):
    if not terms:
        return None
    index = {o: i for i, o in enumerate(outlets)}
    vocab = {t: k for k, t in enumerate(sorted({t.term for t in terms}))}
    cells: dict[tuple[int, int], float] = {}
    for t in terms:  # a later value for the same cell replaces the earlier one; zeros are not stored
        cells[(index[t.outlet], vocab[t.term])] = float(t.z)
    keys = [k for k, v in cells.items() if v != 0]
    return sparse.from_entries(len(outlets), len(vocab), [k[0] for k in keys], [k[1] for k in keys],
                               [cells[k] for k in keys])


def _lexicon(analyses, outlets):
    if not any(a.findings for a in analyses):
        return None
    cats = set()
    counts = defaultdict(Counter)
    words = Counter()
    for a in analyses:
        words[a.article.outlet] += sum(columns(a.doc).word)
        for f in a.findings:
            if getattr(f, "voice", "narrator") == "quoted" or not getattr(f, "flag", True):
                continue
            cat = getattr(f, "category", "")
            if cat:
                cats.add(cat)
                counts[a.article.outlet][cat] += 1
    if not cats:
        return None
    cats = sorted(cats)
    m = np.array([[100.0 * counts[o][c] / words[o] if words[o] else 0.0 for c in cats] for o in outlets])
    return _centre(m)


def _cues(analyses, outlets):
    counts = defaultdict(Counter)
    direct = Counter()
    total = Counter()
    for a in analyses:
        for att in a.attributions:
            o = a.article.outlet
            counts[o][getattr(att, "cue_class", "") or "neutral"] += 1
            direct[o] += getattr(att, "kind", "") == "direct"
            total[o] += 1
    if not total:
        return None
    m = np.array([[counts[o][c] / total[o] if total[o] else 0.0 for c in CUE_CLASSES]
                  + [direct[o] / total[o] if total[o] else 0.0] for o in outlets])
    return _centre(m)


def outlet_similarity(analyses: list[ArticleAnalysis], outlets: list[str], claims: tuple[Claim, ...],
                      terms: tuple[DistinctiveTerm, ...]) -> OutletSimilarity:
    families = {}
    for name, build in (("coverage", lambda: _coverage(claims, outlets)),
                        ("wording", lambda: _wording(analyses, outlets)),
                        ("distinctive", lambda: _distinctive(terms, outlets)),
                        ("lexicon", lambda: _lexicon(analyses, outlets)),
                        ("cues", lambda: _cues(analyses, outlets))):
        m = build()
        if m is not None and len(outlets) >= 2:
            families[name] = _cosine(m)
    n = len(outlets)
    if families:
        combined = np.mean(list(families.values()), axis=0)
    else:
        combined = np.eye(n)

    def rounded(m):
        return tuple(tuple(row) for row in np.round(np.asarray(m, dtype=np.float64), 4).tolist())

    nearest = []
    for i, o in enumerate(outlets):
        if n < 2:
            break
        best = max((j for j in range(n) if j != i), key=lambda j: (combined[i, j], -j))
        nearest.append(NearestOutlet(o, outlets[best], round(float(combined[i, best]), 4)))
    by_family = {k: rounded(v) for k, v in families.items()} if n <= FAMILY_MATRICES_UP_TO else {}
    return OutletSimilarity(outlets=tuple(outlets), families=tuple(families),
                            combined=rounded(combined), by_family=by_family, nearest=tuple(nearest))
