"""Align the sentences and clauses of a story's articles into claims.

Method (thresholds in `AlignParams`, reasons in docs/compare.md):

1. Features. Each unit becomes two TF-IDF vectors fitted on the story itself: word features
   (lemmas without function words, plus bigrams of them: robust to reordering and inflection) and
   character 3-4-grams within words (robust to spelling variants, transliterated names and
   derivations: "Turkiye"/"Türkiye", "martyred"/"martyrdom"). Similarity is
   `word_weight * cos_word + (1 - word_weight) * cos_char`.
2. Candidates. Only pairs whose word cosine reaches `candidate_threshold` are scored in full, found
   with a sparse product in row blocks; units with identical wording are collapsed first. This keeps
   a 500-article story to seconds.
3. Clustering. Units at least `merge_threshold` alike (rewrites of one sentence) are grouped first
   (connected components, split where two would come from one article); then average-linkage
   agglomerative clustering over those groups and the candidate graph (pairs that are not
   candidates count as 0) with a cannot-link constraint: a claim holds at most one body unit and
   one headline/subhead unit per article. Merging stops below `link_threshold`. Average linkage,
   unlike single linkage, does not chain unrelated sentences through a shared neighbour.
4. Second wordings. A claim only one outlet carries joins the claim of several outlets whose units
   from other articles it is, on average, `second_threshold` alike and with one of which it shares
   an anchor of the event (a verb, a number, a name with a common noun, or two common nouns): an
   outlet that states a fact twice has both wordings in the claim (`_second_wordings`).

An optional embedding backend (any callable mapping unit texts to dense vectors, run offline) can be
passed as `embed`; its cosine then replaces the character part of the similarity.
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from ..model import ArticleAnalysis
from . import sparse
from .data import reporting_verbs, stop_words
from .tokens import columns
from .units import Unit


@dataclass(frozen=True)
class AlignParams:
    link_threshold: float = 0.20  # average combined similarity needed to join two groups
    near_threshold: float = 0.18  # an omission whose closest wording elsewhere is this alike
    # is marked possibly_carried (docs/compare.md, "Coverage and omission")
    merge_threshold: float = 0.6  # units this similar are rewrites of one sentence: grouped first
    candidate_threshold: float = 0.10  # word cosine below which a pair is not scored (counts as 0)
    word_weight: float = 0.5
    second_threshold: float = 0.18  # a claim of one outlet joins the claim of several outlets whose
    # units from other articles it is this alike on average: an outlet's second wording of a fact
    # (1.0: never; docs/compare.md, "Alignment into claims")
    second_anchor: bool = True  # ... and only when it shares an anchor of one event with one of
    # them: a verb other than a reporting verb, a number, a name and a common noun, or two common
    # nouns (`_anchored`; False: on similarity alone, as in session 19)
    block_rows: int = 2048  # rows per block of the sparse similarity product


@dataclass
class Alignment:
    """Clusters of unit indices, how alike their members are, and what each unit is about."""

    clusters: list[list[int]]
    mean_sim: list[float]  # per unit: mean similarity to the other units of its cluster (1.0 alone)
    cohesion: list[float]  # per cluster: mean pairwise similarity (1.0 for one unit)
    feature_weights: list[dict[str, float]]  # tf-idf weight of each unigram per unit
    neighbours: "Neighbours | None" = None  # the scored pairs, for "closest wording elsewhere"


def _word_features(analysis: ArticleAnalysis, unit: Unit, stops: frozenset[str]) -> list[str]:
    c = columns(analysis.doc)
    words = [c.lemma[k] for k in range(unit.token_start, unit.token_end)
             if c.word[k] and c.lemma[k] not in stops and c.norm[k] not in stops]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def _char_text(analysis: ArticleAnalysis, unit: Unit) -> str:
    c = columns(analysis.doc)
    return " ".join(c.norm[k] for k in range(unit.token_start, unit.token_end) if c.word[k])


def _anchors(analysis: ArticleAnalysis, unit: Unit, stops: frozenset[str],
             reporting: frozenset[str]) -> tuple[frozenset[str], ...]:
    """What ties a sentence to one event rather than to the story's topic: its verbs (lemmas, not
    function words or reporting verbs: "say" ties every statement to every other), its numbers,
    its names and its common nouns (Penn tags; lemmas, numbers as written)."""
    c = columns(analysis.doc)
    verbs, numbers, names, nouns = set(), set(), set(), set()
    for k in range(unit.token_start, unit.token_end):
        pos, lemma = c.pos[k], c.lemma[k]
        if pos == "CD":
            numbers.add(c.norm[k])
        elif lemma in stops or c.norm[k] in stops or not c.alpha[k]:
            continue
        elif pos.startswith("VB"):
            if lemma not in reporting:
                verbs.add(lemma)
        elif pos.startswith("NNP"):
            names.add(lemma)
        elif pos in ("NN", "NNS"):
            nouns.add(lemma)
    return frozenset(verbs), frozenset(numbers), frozenset(names), frozenset(nouns)


def _anchored(a: tuple[frozenset[str], ...], b: tuple[frozenset[str], ...]) -> bool:
    """Whether two units share an anchor of one event: a verb, a number, a name and a common noun
    together, or two common nouns. A shared name alone (a person in two statements: "Giuliani
    told Reuters" / "Giuliani told CNN") or one topic noun ("campaign", "year") is what most wrong
    second wordings of the labelled dev half share."""
    return bool(a[0] & b[0] or a[1] & b[1] or (a[2] & b[2] and a[3] & b[3])
                or len(a[3] & b[3]) >= 2)


def _candidate_pairs(xw: sparse.Csr, threshold: float, block: int):
    """(rows, cols, word cosines) for node pairs i < j whose word cosine >= threshold."""
    return sparse.pair_products(xw, threshold, max_rows=block)


def _micro_groups(n, rows, cols, sim, heading, mask, threshold):
    """Connected components of body nodes linked at >= threshold; a component holding two nodes
    of the same article slot is split first-fit, in node order. Headings get no group (-1)."""
    keep = sim >= threshold
    labels = sparse.components(n, rows[keep], cols[keep])
    comps: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        comps[int(labels[i])].append(i)
    micro_of = np.full(n, -1, dtype=np.int64)
    members: list[list[int]] = []
    for _, comp in sorted(comps.items(), key=lambda kv: kv[1][0]):
        subs: list[tuple[int, list[int]]] = []
        for i in comp:
            if heading[i]:
                continue  # headings are placed after the body is clustered
            for k, (m, ms) in enumerate(subs):
                if not m & mask[i]:
                    ms.append(i)
                    subs[k] = (m | mask[i], ms)
                    break
            else:
                subs.append((mask[i], [i]))
        for _, ms in subs:
            members.append(ms)
            for i in ms:
                micro_of[i] = len(members) - 1
    return micro_of, members


def _agglomerate(ids, adjacency, weight, mask, threshold):
    """Average-linkage clustering of the nodes `ids` with cannot-link masks.

    adjacency: {node: {node: weighted similarity sum}} restricted to `ids`; weight/mask per node.
    Returns clusters as lists of node ids. Pairs absent from the adjacency count as similarity 0.
    """
    idset = set(ids)
    nb = {i: {j: v for j, v in adjacency.get(i, {}).items() if j in idset} for i in ids}
    weight = {i: weight[i] for i in ids}
    mask = {i: mask[i] for i in ids}
    version = {i: 0 for i in ids}
    members = {i: [i] for i in ids}
    heap = []
    for i in ids:
        for j, v in nb[i].items():
            if i < j and not (mask[i] & mask[j]):
                avg = v / (weight[i] * weight[j])
                if avg >= threshold:
                    heap.append((-avg, i, j, 0, 0))
    heapq.heapify(heap)
    while heap:
        neg, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or version[a] != va or version[b] != vb:
            continue
        if mask[a] & mask[b]:
            continue
        # merge b into a (Lance-Williams for average linkage: weighted sums simply add)
        version[a] += 1
        weight[a] += weight[b]
        mask[a] |= mask[b]
        members[a].extend(members.pop(b))
        nba = nb[a]
        nba.pop(b, None)
        for m_, v in nb.pop(b).items():
            if m_ == a:
                continue
            nba[m_] = nba.get(m_, 0.0) + v
            nbm = nb[m_]
            nbm.pop(b, None)
            nbm[a] = nba[m_]
        for m_, v in nba.items():
            if not (mask[a] & mask[m_]):
                avg = v / (weight[a] * weight[m_])
                if avg >= threshold:
                    x, y = (a, m_) if a < m_ else (m_, a)
                    heapq.heappush(heap, (-avg, x, y, version[x], version[y]))
    return [sorted(m) for m in members.values()]


def _anchor_lookup(analyses, units, nodes, stops):
    """node -> the anchors (`_anchors`) of its first unit, worked out the first time a node is
    asked for (`_second_wordings` asks for few of them)."""
    reporting = reporting_verbs()
    cache: dict[int, tuple[frozenset[str], ...]] = {}

    def anchor_of(nd):
        if nd not in cache:
            u = units[nodes[nd][0]]
            cache[nd] = _anchors(analyses[u.article], u, stops, reporting)
        return cache[nd]

    return anchor_of


def _second_wordings(clusters, rows, cols, sim, weight, mask, node_outlets, threshold,
                     anchor_of=None):
    """Let a claim only one outlet carries join a claim of several outlets when its average
    similarity to that claim's units from the articles it does not hold reaches `threshold`.

    Clustering keeps one body unit per article in a claim, so an outlet that states a fact twice
    had its second wording left alone, as a fact the other outlets omit. A claim of one outlet
    can only reach the threshold through the articles it shares with the claim it joins (two
    claims with no article in common and an average at the link threshold were merged already),
    so this adds second wordings and nothing else. Best averages first; each join changes the
    averages towards the claim it enlarged, so two outlets' stray sentences that are alike to the
    claim's first wordings but not to each other do not both come in. Only a claim with a unit
    pair at `threshold` is a candidate.

    `anchor_of(node)`, when given, gives a node's anchors (`_anchors`): a join then also needs a
    unit of the claim of one outlet to share an anchor (`_anchored`) with one of the claim's units
    from the other articles. On words alone, a sentence on the story's topic that names its main
    actor ("Giuliani told Reuters") averages as alike as a second wording of the fact.
    """
    n = len(weight)
    cluster_of = np.full(n, -1, dtype=np.int64)
    single = np.zeros(len(clusters) + 1, dtype=bool)  # the extra entry answers for -1
    for ci, c in enumerate(clusters):
        cluster_of[c] = ci
        single[ci] = len(frozenset().union(*(node_outlets[nd] for nd in c))) == 1
    cr, cc = cluster_of[rows], cluster_of[cols]
    cross = (cr != cc) & (cr >= 0) & (cc >= 0)
    rows, cols, sim, cr, cc = rows[cross], cols[cross], sim[cross], cr[cross], cc[cross]
    hit = (sim >= threshold) & (single[cr] != single[cc])
    if not hit.any():
        return clusters
    s_side = np.where(single[cr], cr, cc)[hit].tolist()
    o_side = np.where(single[cr], cc, cr)[hit].tolist()
    candidates = sorted(set(zip(s_side, o_side)))
    wanted = set(s_side)
    s_mask = {}  # the article slots of each candidate claim of one outlet
    for s_c in wanted:
        s_mask[s_c] = 0
        for nd in clusters[s_c]:
            s_mask[s_c] |= mask[nd]
    # per candidate: its summed weighted similarity to each node of the articles it does not hold
    near: dict[int, dict[int, float]] = {s_c: defaultdict(float) for s_c in wanted}
    wanted_list = sorted(wanted)
    keep = np.isin(cr, wanted_list) | np.isin(cc, wanted_list)
    for r, c, v in zip(rows[keep].tolist(), cols[keep].tolist(), sim[keep].tolist()):
        for s_nd, o_nd in ((r, c), (c, r)):
            s_c = int(cluster_of[s_nd])
            if s_c in wanted and not mask[o_nd] & s_mask[s_c]:
                near[s_c][o_nd] += v * weight[s_nd] * weight[o_nd]
    members = [list(c) for c in clusters]
    s_weight = {s_c: sum(weight[nd] for nd in clusters[s_c]) for s_c in wanted}

    def average(s_c, o_c):
        total = others = 0.0
        sums, m = near[s_c], s_mask[s_c]
        for nd in members[o_c]:
            if not mask[nd] & m:
                others += weight[nd]
                total += sums.get(nd, 0.0)
        return total / (s_weight[s_c] * others) if others else 0.0

    version = [0] * len(clusters)
    heap = []
    for s_c, o_c in candidates:
        avg = average(s_c, o_c)
        if avg >= threshold:
            heap.append((-avg, s_c, o_c, 0))
    heapq.heapify(heap)

    def anchored(s_c, o_c):
        others = [anchor_of(nd) for nd in members[o_c] if not mask[nd] & s_mask[s_c]]
        return any(_anchored(anchor_of(nd), o) for nd in clusters[s_c] for o in others)

    placed = set()
    while heap:
        _, s_c, o_c, ver = heapq.heappop(heap)
        if s_c in placed:
            continue
        if ver != version[o_c]:  # the claim has grown since: score it again
            avg = average(s_c, o_c)
            if avg >= threshold:
                heapq.heappush(heap, (-avg, s_c, o_c, version[o_c]))
            continue
        if anchor_of is not None and not anchored(s_c, o_c):
            continue  # not this claim; another of its candidates may still take it
        members[o_c].extend(clusters[s_c])
        members[s_c] = []
        version[o_c] += 1
        placed.add(s_c)
    return [sorted(c) for c in members if c]


def align_units(
    analyses: Sequence[ArticleAnalysis],
    units: Sequence[Unit],
    params: AlignParams = AlignParams(),
    embed: Callable[[list[str]], np.ndarray] | None = None,
) -> Alignment:
    """Cluster units into claims. Deterministic: ties break on unit order.

    Body units (lede and body) are clustered first, and an outlet's second wording of a fact then
    joins the fact's claim; then each headline or subhead joins the claim it is most similar to
    (at most one heading per article per claim); headings that match no claim are clustered among
    themselves.
    """
    stops = stop_words()
    n_units = len(units)
    if n_units == 0:
        return Alignment([], [], [], [])
    word_feats = [_word_features(analyses[u.article], u, stops) for u in units]
    texts = [_char_text(analyses[u.article], u) for u in units]
    heading = [u.position in ("headline", "subhead") for u in units]
    slot = [2 * u.article + (1 if heading[i] else 0) for i, u in enumerate(units)]
    # Collapse units with identical wording (wire copy) into nodes; a node holds one unit per slot.
    node_of = [0] * n_units
    nodes: list[list[int]] = []
    node_slots: list[set[int]] = []
    open_nodes: dict[tuple[str, bool], list[int]] = {}
    for i, text in enumerate(texts):
        target = None
        for nd in open_nodes.get((text, heading[i]), []):
            if slot[i] not in node_slots[nd]:
                target = nd
                break
        if target is None:
            target = len(nodes)
            nodes.append([])
            node_slots.append(set())
            open_nodes.setdefault((text, heading[i]), []).append(target)
        nodes[target].append(i)
        node_slots[target].add(slot[i])
        node_of[i] = target
    rep = [members[0] for members in nodes]
    n = len(nodes)

    try:
        xw, vocab = sparse.tfidf([word_feats[i] for i in rep], dtype=np.float32)
    except ValueError:  # no word features at all
        xw, vocab = sparse.empty(n, 1, np.float32), {}
    inv_vocab = {v: k for k, v in vocab.items()}

    emb = None
    xc = None
    rows, cols, wsim = _candidate_pairs(xw, params.candidate_threshold, params.block_rows)
    if embed is not None:
        emb = np.asarray(embed([texts[i] for i in rep]), dtype=np.float32)
        emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-9)
        csim = np.einsum("ij,ij->i", emb[rows], emb[cols]) if len(rows) else np.zeros(0, np.float32)
    else:
        try:
            xc, _ = sparse.tfidf_char_wb([texts[i] for i in rep], dtype=np.float32,
                                         vocabulary=False)
            csim = sparse.rowwise_dot(xc, rows, cols) if len(rows) else np.zeros(0, np.float32)
        except ValueError:
            xc = sparse.empty(n, 1, np.float32)
            csim = np.zeros(len(rows), np.float32)
    sim = params.word_weight * wsim + (1.0 - params.word_weight) * csim

    neighbours = Neighbours(units, nodes, node_of, rows, cols, sim)
    weight = np.array([len(m) for m in nodes], dtype=np.float64)
    mask = []
    for members in nodes:
        m = 0
        for i in members:
            m |= 1 << slot[i]
        mask.append(m)
    node_heading = np.array([heading[m[0]] for m in nodes], dtype=bool)
    positive = sim > 0
    rows, cols, sim = rows[positive], cols[positive], sim[positive]
    body_pair = ~node_heading[rows] & ~node_heading[cols]

    # Stage 1: near-identical body units (similarity >= merge_threshold) form micro-groups
    # (connected components, split where two would share an article), so that stage 2 works on
    # groups of rewrites rather than on every rewrite: this keeps big stories fast.
    micro_of, micro_members = _micro_groups(n, rows[body_pair], cols[body_pair], sim[body_pair],
                                            node_heading, mask, params.merge_threshold)
    n_micro = len(micro_members)
    m_weight = [float(sum(weight[i] for i in ms)) for ms in micro_members]
    m_mask = []
    for ms in micro_members:
        m = 0
        for i in ms:
            m |= mask[i]
        m_mask.append(m)
    # Stage 2: average linkage over the micro-groups. Summed weighted similarities between groups
    # are added up in sparse form (pairs inside one group drop out).
    br, bc, bs = rows[body_pair], cols[body_pair], sim[body_pair]
    ma, mb = micro_of[br], micro_of[bc]
    vals = bs * weight[br] * weight[bc]
    cross = ma != mb
    ar, ac, av = sparse.sum_duplicates(n_micro, np.concatenate([ma[cross], mb[cross]]),
                                       np.concatenate([mb[cross], ma[cross]]),
                                       np.concatenate([vals[cross], vals[cross]]))
    adjacency: dict[int, dict[int, float]] = {}
    for i, j, v in zip(ar.tolist(), ac.tolist(), av.tolist()):
        adjacency.setdefault(i, {})[j] = v
    groups = _agglomerate(list(range(n_micro)), adjacency, m_weight, m_mask, params.link_threshold)
    clusters_nodes = [sorted(nd for g in grp for nd in micro_members[g]) for grp in groups]
    if params.second_threshold < 1.0:
        node_outlets = [frozenset(analyses[units[i].article].article.outlet for i in members)
                        for members in nodes]
        anchor_of = _anchor_lookup(analyses, units, nodes, stops) if params.second_anchor else None
        clusters_nodes = _second_wordings(clusters_nodes, br, bc, bs, weight, mask, node_outlets,
                                          params.second_threshold, anchor_of)

    # Headings join the claim they are most similar to, best matches first.
    cluster_of = np.full(n, -1, dtype=np.int64)
    for ci, c in enumerate(clusters_nodes):
        cluster_of[c] = ci
    cweight = [float(sum(weight[nd] for nd in c)) for c in clusters_nodes]
    cmask = [0] * len(clusters_nodes)
    for ci, c in enumerate(clusters_nodes):
        for nd in c:
            cmask[ci] |= mask[nd]
    head_pair = node_heading[rows] ^ node_heading[cols]
    h = np.where(node_heading[rows], rows, cols)[head_pair]
    other = np.where(node_heading[rows], cols, rows)[head_pair]
    hv = (sim * weight[rows] * weight[cols])[head_pair]
    totals: dict[tuple[int, int], float] = defaultdict(float)
    for hh, ci, v in zip(h.tolist(), cluster_of[other].tolist(), hv.tolist()):
        if ci >= 0:
            totals[(hh, ci)] += v
    offers = sorted((-v / (weight[hh] * cweight[ci]), hh, ci) for (hh, ci), v in totals.items()
                    if v / (weight[hh] * cweight[ci]) >= params.link_threshold)
    placed = set()
    for _, hh, ci in offers:
        if hh in placed or cmask[ci] & mask[hh]:
            continue
        placed.add(hh)
        clusters_nodes[ci].append(hh)
        cmask[ci] |= mask[hh]
    rest = [i for i in range(n) if node_heading[i] and i not in placed]
    head_adj: dict[int, dict[int, float]] = {}
    both = node_heading[rows] & node_heading[cols]
    for r, c, v in zip(rows[both].tolist(), cols[both].tolist(),
                       (sim * weight[rows] * weight[cols])[both].tolist()):
        head_adj.setdefault(r, {})[c] = v
        head_adj.setdefault(c, {})[r] = v
    clusters_nodes += _agglomerate(rest, head_adj, list(weight), mask, params.link_threshold)

    clusters = [sorted(u for nd in c for u in nodes[nd]) for c in clusters_nodes]
    clusters.sort(key=lambda c: c[0])
    mean_sim, cohesion = _cohesion(clusters, node_of, xw, xc, emb, params.word_weight)
    # Unigram tf-idf weights per unit, for naming what a claim is about.
    feature_weights = []
    node_rows: dict[int, dict[str, float]] = {}
    for i in range(n_units):
        nd = node_of[i]
        if nd not in node_rows:
            idx, data = xw.row(nd)
            node_rows[nd] = {inv_vocab[k]: float(v) for k, v in zip(idx.tolist(), data.tolist())
                             if k in inv_vocab and " " not in inv_vocab[k]}
        feature_weights.append(node_rows[nd])
    return Alignment(clusters, mean_sim, cohesion, feature_weights, neighbours)


class Neighbours:
    """Which units of other articles each unit was scored against, and how alike they are: the
    evidence an omission shows ("closest wording elsewhere"), because the one-unit-per-article
    rule and average linkage can leave a fact's second wording outside its claim. Pairs below the
    candidate threshold were never scored and count as 0. Built once per story in O(P log P) for
    P scored pairs; each question then reads only the asked units' own pairs."""

    def __init__(self, units, nodes, node_of, rows, cols, sim):
        keep = sim > 0
        a = np.concatenate([rows[keep], cols[keep]])
        b = np.concatenate([cols[keep], rows[keep]])
        s = np.concatenate([sim[keep], sim[keep]])
        order = np.lexsort((b, a))
        self._owner = a[order]
        self._other = b[order]  # numpy until asked: a 500-article story scores millions of pairs
        self._sim = s[order]
        self._ptr = np.searchsorted(self._owner, np.arange(len(nodes) + 1)).tolist()
        self._nodes = nodes
        self._node_of = node_of
        self._article = [u.article for u in units]

    def closest(self, unit_ids, articles) -> tuple[float, int] | None:
        """(similarity, unit) of the unit most similar to any of `unit_ids` among the units of
        `articles` (article indices); None when none was scored. Units of identical wording are
        alike at 1.0. Ties go to the earlier unit."""
        best = None
        art = self._article
        for i in unit_ids:
            nd = self._node_of[i]
            cands = [(1.0, nd)]
            lo, hi = self._ptr[nd], self._ptr[nd + 1]
            cands += zip(self._sim[lo:hi].tolist(), self._other[lo:hi].tolist())
            for s, other in cands:
                for j in self._nodes[other]:
                    if art[j] in articles and (best is None or s > best[0] or
                                               (s == best[0] and j < best[1])):
                        best = (s, j)
        return best

    def best_pairs(self, wanted: set[int], threshold: float) -> list[tuple[int, int, float]]:
        """(i, j, similarity), i < j, pairing each unit of `wanted` with its most similar unit of
        another article among `wanted`, when that reaches `threshold`: sentences that may state
        one fact although the claims keep them apart. Vectorised over the scored pairs (a
        500-article story has millions); units of identical wording share a node and answer
        for it through its first wanted unit."""
        n = len(self._nodes)
        rep = np.full(n, -1, dtype=np.int64)  # node -> its first wanted unit
        for i in sorted(wanted, reverse=True):
            rep[self._node_of[i]] = i
        art = np.asarray(self._article, dtype=np.int64)
        node_art = np.where(rep >= 0, art[np.maximum(rep, 0)], -1)
        owner, other, sim = self._owner, self._other, self._sim
        keep = (sim >= threshold) & (rep[owner] >= 0) & (rep[other] >= 0) & \
            (node_art[owner] != node_art[other])
        owner, other, sim = owner[keep], other[keep], sim[keep]
        if not len(owner):
            return []
        order = np.lexsort((other, -sim, owner))  # per owner: most similar first, then lowest
        owner, other, sim = owner[order], other[order], sim[order]
        first = np.unique(owner, return_index=True)[1]
        out: dict[tuple[int, int], float] = {}
        for o, t, s_ in zip(owner[first].tolist(), other[first].tolist(), sim[first].tolist()):
            i, j = int(rep[o]), int(rep[t])
            out[(min(i, j), max(i, j))] = s_
        return [(i, j, s_) for (i, j), s_ in sorted(out.items())]


def _cohesion(clusters, node_of, xw, xc, emb, word_weight):
    """Per unit: mean similarity to the other units of its cluster; per cluster: mean pairwise
    similarity. Computed per node (units with identical wording share one vector and one cluster),
    from the clusters' summed vectors."""
    n_units = len(node_of)
    node_of = np.asarray(node_of)
    n_nodes = int(node_of.max()) + 1 if n_units else 0
    unit_cluster = np.zeros(n_units, dtype=np.int64)
    for ci, c in enumerate(clusters):
        unit_cluster[c] = ci
    node_cluster = np.zeros(n_nodes, dtype=np.int64)
    node_cluster[node_of] = unit_cluster
    node_weight = np.bincount(node_of, minlength=n_nodes).astype(np.float64)
    n_clusters = len(clusters)
    sizes = np.bincount(node_cluster, weights=node_weight, minlength=n_clusters)

    def part(x):
        if isinstance(x, sparse.Csr):
            return sparse.cluster_cohesion_part(x, node_cluster, node_weight, n_clusters)
        # dense (embedding) vectors: cluster sums member by member in node order, as scipy did
        sums = np.zeros((n_clusters, x.shape[1]), dtype=np.float64)
        np.add.at(sums, node_cluster, node_weight[:, None] * x)
        dots = np.einsum("ij,ij->i", x, sums[node_cluster])
        sq = np.einsum("ij,ij->i", sums, sums)
        norms = np.einsum("ij,ij->i", x, x)
        self_sq = np.bincount(node_cluster, weights=node_weight * norms, minlength=n_clusters)
        return dots - norms, sq - self_sq

    dw, cw = part(xw)
    dc, cc = part(xc if emb is None else emb)
    node_dot = word_weight * dw + (1 - word_weight) * dc
    unit_dot = node_dot[node_of]
    others = sizes[unit_cluster] - 1
    mean_sim = np.where(others > 0, unit_dot / np.maximum(others, 1), 1.0)
    pairs = sizes * (sizes - 1)
    coh = np.where(pairs > 0, (word_weight * cw + (1 - word_weight) * cc) / np.maximum(pairs, 1), 1.0)
    return [round(float(v), 4) for v in mean_sim], [round(float(v), 4) for v in coh]
