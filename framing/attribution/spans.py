"""A learned chooser for where a paraphrased content ends.

The rules end a content clause at the sentence end, before ", X said" / ", adding" / ", while ...",
or (for an object) at its first comma. PolNeAR's annotators often end it elsewhere: at an earlier
comma ("that the government had lost, Brafman noted"), before "and" joining a second clause of the
writer's, before a setting ("in an interview with CNN", "at a rally in Hanahan", "during a
debate"), or later, past a comma the rule stopped at (", but insufficient, majorities"). On PolNeAR
train the end is the most common reason a content that overlaps the gold one is not exact (about
2,500 contents, against about 1,100 wrong starts).

So: for each content piece that follows its cue and is not a whole quotation, the candidate ends
are the rule's own end, the sentence end, and every comma, dash, semicolon, colon, conjunction and
clause- or phrase-opening word in between (outside quotation marks). A logistic regression scores
each candidate ("the content stops right before this token"); the best candidate replaces the
rule's end when it beats it by the model's margin. Trained on PolNeAR train by
scripts/train_attribution_polnear.py (framing/models/attribution_spans.json, plain JSON weights:
applied here with plain Python, no scikit-learn at analysis time).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

from .chunks import np_right
from .learned import _Tables, _tables, read_shipped_model

MODEL_FILE = "attribution_spans.json"
_OPEN = "\"'\u201c\u2018\u201e\u00ab"
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Tokens a content may stop right before (besides the sentence end and the rule's own end).
BREAKS = frozenset({",", ";", ":", "\u2014", "\u2013", "-", "--", "\u2015", "(",
                    "and", "but", "or", "in", "on", "at", "during", "by", "as", "after", "when",
                    "because", "while", "before", "for", "to", "according", "since", "though",
                    "although", "if", "with", "without", "from", "amid", "despite", "which", "who",
                    "where", "than", "so", "until", "including", "over", "against", "about"})
_STARTS = frozenset({"that", "whether", "if", "to", "how", "what", "why", "when", "who"})
#: Candidates farther than this many tokens from the content start, or past the rule's end, are
#: not considered (they are seldom right, and each costs time).
MAX_TOKENS = 60
MAX_PAST_RULE = 12


def _start(tok) -> int:
    return tok.start


def _bucket_of(n: int) -> str:
    return str(n) if n < 3 else ("3-5" if n < 6 else ("6-10" if n < 11 else ("11-20" if n < 21 else "21+")))


_BUCKETS = tuple(_bucket_of(n) for n in range(22))


def _bucket(n: int) -> str:
    return _BUCKETS[n] if 0 <= n < 22 else _bucket_of(n)


def eligible_piece(ctx, raw) -> tuple[int, int] | None:
    """Token range [a, b) of the content piece a learned end may move: the last piece, when it
    follows the cue in the cue's sentence and is not a whole quotation. None otherwise."""
    if not raw.content:
        return None
    s, e = raw.content[-1]
    toks = ctx.tokens
    cue_end = toks[raw.cue[1] - 1].end
    qi = ctx.quote_of_start.get(s)
    if s < cue_end or qi is not None and ctx.quotes[qi].end == e:
        return None
    if raw.source is not None and toks[raw.source[0]].start > s:
        return None  # "..., said X" after a content: not this pattern
    lo, hi = ctx.sent_bounds(raw.sentence)
    a = bisect_left(toks, s, lo=lo, hi=hi, key=_start)
    if a >= hi or toks[a].start != s or toks[a].text in _OPEN:
        return None
    b = a
    while b < hi and toks[b].end <= e:
        b += 1
    if b == a or toks[b - 1].end != e:
        return None
    return a, b


def candidates(ctx, a: int, b: int, hi: int) -> list[int]:
    """Token indices a content [a, ...) may stop before: breaks outside quotations, the rule's end
    b, and the sentence end hi (in order, no repeats). (A content may run over another cue: PolNeAR
    nests attributions, "Trump said Clinton claimed ...".)"""
    inq = ctx.inq
    cols = ctx.columns  # the text layer's token columns: norms and texts without Token lookups
    norms, texts = cols.norms, cols.texts
    out = []
    stop = min(hi, a + MAX_TOKENS, b + MAX_PAST_RULE)
    for m in range(a + 1, stop):
        if m == b or not inq[m] and norms[m] in BREAKS and not inq[m - 1] or \
                not inq[m] and texts[m] in BREAKS:
            out.append(m)
    if b not in out and b <= hi:
        out.append(b)
    if hi not in out:
        out.append(hi)
    return sorted(out)


_STOPS = frozenset({",", ";", ":", "\u2014", "--", "\u2013"})


def features(ctx, raw, a: int, b: int, m: int, hi: int, rank: int, first_word: str,
             fin_in: bool, nxt_stop: int, fin_next: bool) -> list[str]:
    """Feature strings of "the content [a, ...) stops right before token m". `fin_in`: a finite
    verb in [a, m); `nxt_stop`: the next comma, colon, semicolon or dash after m (or hi);
    `fin_next`: a finite verb between m and it."""
    toks = ctx.tokens
    t = toks[m] if m < hi else None
    n1 = toks[m + 1] if m + 1 < hi else None
    p1 = toks[m - 1]
    tn = t.norm if t is not None else "</s>"
    rel = "at" if m == b else ("before" if m < b else "after")
    lem = raw.lemma
    learned = "L" if raw.frame.term == "learned" else "R"
    np_cue = False
    if t is not None and t.text == "," and m + 1 < hi:
        e = np_right(toks, m + 1, hi, appositive=False)
        if e is not None and e < hi and toks[e].pos.startswith("VB") and toks[e].lemma in ctx.data.cues:
            np_cue = True
    npos = n1.pos if n1 is not None else "</s>"
    n2 = toks[m + 2].pos if m + 2 < hi else "</s>"
    fi, fn = str(fin_in), str(fin_next)
    rk = _bucket(rank)
    return [
        "b", "t=" + tn, "rel=" + rel, "t|rel=" + tn + "|" + rel,
        "np=" + npos, "t|np=" + tn + "|" + npos,
        "t|nn=" + tn + "|" + (n1.norm if n1 is not None else "</s>"),
        "pp=" + p1.pos, "t|pp=" + tn + "|" + p1.pos,
        "rank=" + rk, "t|rank=" + tn + "|" + rk,
        "len=" + _bucket(m - a), "fin_in=" + fi, "fin_next=" + fn,
        "t|fin_next=" + tn + "|" + fn, "t|fin_in=" + tn + "|" + fi,
        "np_cue=" + str(np_cue), "start=" + first_word, "start|t=" + first_word + "|" + tn,
        "start|rel=" + first_word + "|" + rel, "kind=" + learned, "kind|rel=" + learned + "|" + rel,
        "kind|t=" + learned + "|" + tn, "lem|rel=" + lem + "|" + rel, "lem|t=" + lem + "|" + tn,
        "qend=" + str(ctx.inq[m - 1]),
        "n2=" + n2, "t|n2=" + tn + "|" + n2,
        "pn|t=" + p1.norm + "|" + tn, "seg=" + _bucket(nxt_stop - m),
        "nq=" + str(any(x.text in _OPEN for x in toks[m + 1:min(hi, m + 4)])),
        "rest=" + _bucket(hi - m),
    ]


def _start_candidates(ctx, raw, a: int, b: int, hi: int):
    """The candidate starts of the content piece [a, b), for the feature strings (training) and the
    fast scorer alike: (k, (start, end) chars, rel, previous token, next token or None, start word,
    distance from the first token after the cue, a noun phrase right before, a finite verb before),
    from the first token after the cue (and a source after it) to a few tokens past a."""
    toks, inq = ctx.tokens, ctx.inq
    c0 = raw.cue[1]
    if raw.source is not None and raw.source[0] >= c0:
        c0 = raw.source[1]
    if c0 > a or a - c0 > START_BACK:
        return
    trim = _trim_span or _trimmer()
    np_end = np_right(toks, c0, min(hi, a + START_AHEAD + 1), appositive=False) if c0 < hi else None
    n_fin = 0
    last = None
    for k in range(c0, min(b - 1, a + START_AHEAD) + 1):
        if k > c0:
            n_fin += toks[k - 1].pos in _FINITE
        t = toks[k]
        if inq[k] and t.text not in _OPEN or k > a and t.text in (",", ":"):
            continue
        span = trim(ctx, k, b)
        if span is None or last is not None and last == span[0]:
            continue
        last = span[0]
        rel = "at" if k == a else ("before" if k < a else "after")
        n1 = toks[k + 1] if k + 1 < hi else None
        tw = t.norm if t.norm in _STARTS or t.pos in ("IN", "DT", "CC", "TO") or t.text in _OPEN else t.pos
        yield k, span, rel, toks[k - 1], n1, tw, k - c0, k > c0 and np_end == k, n_fin > 0


def start_groups(ctx, raw, a: int, b: int, hi: int):
    """[(k, (start, end) chars, features)]: where the content piece [a, b) may start instead."""
    lem = raw.lemma
    learned = "L" if raw.frame.term == "learned" else "R"
    out = []
    for k, span, rel, p1, n1, tw, d, np_before, fin_before in _start_candidates(ctx, raw, a, b, hi):
        f = ["b", "s=" + tw, "rel=" + rel, "s|rel=" + tw + "|" + rel, "pp=" + p1.pos, "pn=" + p1.norm,
             "s|pn=" + tw + "|" + p1.norm, "np=" + (n1.pos if n1 is not None else "</s>"),
             "s|np=" + tw + "|" + (n1.pos if n1 is not None else "</s>"),
             "d=" + _bucket(d), "np_before=" + str(np_before), "fin_before=" + str(fin_before),
             "kind|rel=" + learned + "|" + rel, "kind|s=" + learned + "|" + tw,
             "lem|rel=" + lem + "|" + rel, "lem|s=" + lem + "|" + tw]
        out.append((k, span, f))
    return out


#: How far back (from the cue) and ahead (past the rule's start) a content start may move.
START_BACK = 6
START_AHEAD = 4


def first_word(toks, a: int) -> str:
    t = toks[a]
    if t.norm in _STARTS:
        return t.norm
    return t.pos


_ZEROS = repeat(0.0)  # map(weights.get, features, _ZEROS): an unknown feature weighs 0, all in C


class _Weights(dict):
    """Feature weights; an unknown feature weighs 0."""

    def __missing__(self, key):
        return 0.0


@dataclass(frozen=True)
class SpanModel:
    """Weights of the content-end and content-start choosers (scripts/train_attribution_polnear.py)."""
    weights: dict
    margin: float
    start_weights: dict = None
    start_margin: float = 0.0

    def logit(self, feats) -> float:
        return sum(map(self.weights.get, feats, _ZEROS))


def groups_of(ctx, raw):
    """(a, b, hi, [(m, (start, end) chars, features)]) for a content piece a learned end may move,
    or None."""
    piece = eligible_piece(ctx, raw)
    if piece is None:
        return None
    a, b = piece
    lo, hi = ctx.sent_bounds(raw.sentence)
    toks = ctx.tokens
    fw = first_word(toks, a)
    out = []
    seen = set()
    rank = 0
    from .extract import _trim_span  # the rules' own trimming (edge commas, stops); late: extract imports us
    cands = candidates(ctx, a, b, hi)
    top = hi
    # finite verbs before each index (from a), and the next stop (comma, colon, dash) after each
    fin = [0] * (top - a + 1)
    for x in range(a, top):
        fin[x - a + 1] = fin[x - a] + (toks[x].pos in _FINITE)
    for m in cands:
        span = _trim_span(ctx, a, m)
        if span is None or span[1] in seen:
            continue
        seen.add(span[1])
        nxt = hi
        for x in range(m + 1, min(hi, m + 25)):
            if toks[x].text in _STOPS:
                nxt = x
                break
        fin_next = m < hi and fin[nxt - a] - fin[m + 1 - a] > 0 if m + 1 <= nxt else False
        out.append((m, span, features(ctx, raw, a, b, m, hi, rank, fw, fin[m - a] > 0, nxt, fin_next)))
        rank += 1
    return a, b, hi, out


def refine_ends(ctx, raws, model: SpanModel) -> None:
    """Move the end of each eligible content piece to the best-scoring candidate, when it beats
    the rule's own end by the model's margin. (Scores as `groups_of` / `start_groups` and the
    weights give them, computed by `_end_scores` / `_start_scores` without feature strings.)"""
    end_t = _tables(model.weights)
    start_t = _tables(model.start_weights) if model.start_weights else None
    for raw in raws:
        piece = eligible_piece(ctx, raw)
        if piece is None:
            continue
        a, b = piece
        hi = ctx.sent_bounds(raw.sentence)[1]

        best, best_z, rule_z, best_m = None, None, None, b
        for m, span, z in _end_scores(ctx, raw, a, b, hi, end_t):
            if m == b:
                rule_z = z
            if best_z is None or z > best_z:
                best, best_z, best_m = span, z, m
        if rule_z is not None and best_z - rule_z >= model.margin:
            raw.content[-1] = best
            b = best_m
        if start_t is None or len(raw.content) != 1:
            continue
        best, best_z, rule_z = None, None, None
        for k, span, z in _start_scores(ctx, raw, a, b, hi, start_t):
            if k == a:
                rule_z = z
            if best_z is None or z > best_z:
                best, best_z = span, z
        if rule_z is not None and best_z - rule_z >= model.start_margin:
            raw.content[-1] = (best[0], raw.content[-1][1])


def model_from_json(obj: dict) -> SpanModel:
    return SpanModel(weights=_Weights(obj["weights"]), margin=float(obj["margin"]),
                     start_weights=_Weights(obj.get("start_weights", {})),
                     start_margin=float(obj.get("start_margin", 0.0)))


@lru_cache(maxsize=1)
def load_span_model() -> SpanModel | None:
    """The shipped model, or None when the file is absent (the rules' ends are kept)."""
    obj = read_shipped_model(MODEL_FILE)
    return None if obj is None else model_from_json(obj)


# --- fast scoring, identical floats ---------------------------------------------------------------
# `refine_ends` used to build every feature string of every candidate, then hash and look up each.
# The weight tables (framing.attribution.learned._Tables) hold the same weights keyed by the
# feature's value or a pair of values, and `_end_scores` / `_start_scores` add them in the exact
# order of `features` / `start_groups`, starting from 0.0 like sum(): the same floats, so the same
# argmax. An unknown feature adds 0.0 there and here.
#: The templates of `features` and of `start_groups`, in their order.
_END_TPLS = ("b", "t", "rel", "t|rel", "np", "t|np", "t|nn", "pp", "t|pp", "rank", "t|rank", "len",
             "fin_in", "fin_next", "t|fin_next", "t|fin_in", "np_cue", "start", "start|t", "start|rel",
             "kind", "kind|rel", "kind|t", "lem|rel", "lem|t", "qend", "n2", "t|n2", "pn|t", "seg", "nq",
             "rest")
_START_TPLS = ("b", "s", "rel", "s|rel", "pp", "pn", "s|pn", "np", "s|np", "d", "np_before",
               "fin_before", "kind|rel", "kind|s", "lem|rel", "lem|s")


#: Pair templates of `features` grouped by the value they open with: the candidate token's norm,
#: and the per-content first word, kind and lemma (`_Tables.rows`).
_END_T_ROWS = ("t|rel", "t|np", "t|nn", "t|pp", "t|rank", "t|fin_next", "t|fin_in", "t|n2")
_END_START_ROWS = ("start|t", "start|rel")
_KIND_ROWS = ("kind|rel", "kind|t")
_LEM_ROWS = ("lem|rel", "lem|t")
_EMPTY2 = ({}, {})
_EMPTY8 = ({},) * 8
_trim_span = None  # extract._trim_span, bound on first use (extract imports this module)


def _trimmer():
    global _trim_span
    if _trim_span is None:
        from .extract import _trim_span as f
        _trim_span = f
    return _trim_span


def _end_scores(ctx, raw, a: int, b: int, hi: int, T: _Tables):
    """[(m, span, z)] as `groups_of` + `SpanModel.logit` give them, without feature strings."""
    toks, inq = ctx.tokens, ctx.inq
    fw = first_word(toks, a)
    lem = raw.lemma
    learned = "L" if raw.frame.term == "learned" else "R"
    trim = _trim_span or _trimmer()
    cues = ctx.data.cues
    prep = T.end
    if prep is None:
        prep = T.end = (T.getters(_END_TPLS), T.rows(_END_T_ROWS), T.rows(_END_START_ROWS), T.rows(_KIND_ROWS),
                        T.rows(_LEM_ROWS))
    (Wb, Wt, Wrel, _, Wnp, _, _, Wpp, _, Wrank, _, Wlen, Wfi, Wfn, _, _, Wnpc,
     Wstart, _, _, Wkind, _, _, _, _, Wq, Wn2, _, Wpnt, Wseg, Wnq, Wrest) = prep[0]
    t_rows = prep[1]
    S_t, S_r = prep[2].get(fw, _EMPTY2)
    K_r, K_t = prep[3].get(learned, _EMPTY2)
    L_r, L_t = prep[4].get(lem, _EMPTY2)
    Wb = Wb("", 0.0)
    w_start = Wstart(fw, 0.0)
    w_kind = Wkind(learned, 0.0)
    out = []
    seen = set()
    rank = 0
    # the first finite verb from a (fin_in: one before m); fin_next is found while looking for
    # the next stop after m (past 25 tokens without a stop, the count runs on to the sentence end)
    f0 = a
    while f0 < hi and toks[f0].pos not in _FINITE:
        f0 += 1
    for m in candidates(ctx, a, b, hi):
        span = trim(ctx, a, m)
        if span is None or span[1] in seen:
            continue
        seen.add(span[1])
        nxt = hi
        fin_next = False
        lim = min(hi, m + 25)
        x = m + 1
        while x < lim:
            tx = toks[x]
            if tx.text in _STOPS:
                nxt = x
                break
            if tx.pos in _FINITE:
                fin_next = True
            x += 1
        else:
            while not fin_next and x < hi:
                fin_next = toks[x].pos in _FINITE
                x += 1
        t = toks[m] if m < hi else None
        n1 = toks[m + 1] if m + 1 < hi else None
        p1 = toks[m - 1]
        tn = t.norm if t is not None else "</s>"
        rel = "at" if m == b else ("before" if m < b else "after")
        np_cue = False
        if t is not None and t.text == "," and m + 1 < hi:
            e = np_right(toks, m + 1, hi, appositive=False)
            if e is not None and e < hi and toks[e].pos.startswith("VB") and toks[e].lemma in cues:
                np_cue = True
        npos = n1.pos if n1 is not None else "</s>"
        n2 = toks[m + 2].pos if m + 2 < hi else "</s>"
        fi = "True" if f0 < m else "False"
        fn = "True" if fin_next else "False"
        nq = "False"
        for x in range(m + 1, min(hi, m + 4)):
            if toks[x].text in _OPEN:
                nq = "True"
                break
        rk = _BUCKETS[rank] if rank < 22 else _bucket_of(rank)
        pp = p1.pos
        R_rel, R_np, R_nn, R_pp, R_rank, R_fn, R_fi, R_n2 = t_rows.get(tn, _EMPTY8)
        z = 0.0
        z += Wb
        z += Wt(tn, 0.0)
        z += Wrel(rel, 0.0)
        z += R_rel.get(rel, 0.0)
        z += Wnp(npos, 0.0)
        z += R_np.get(npos, 0.0)
        z += R_nn.get(n1.norm if n1 is not None else "</s>", 0.0)
        z += Wpp(pp, 0.0)
        z += R_pp.get(pp, 0.0)
        z += Wrank(rk, 0.0)
        z += R_rank.get(rk, 0.0)
        z += Wlen(_BUCKETS[m - a] if m - a < 22 else _bucket_of(m - a), 0.0)
        z += Wfi(fi, 0.0)
        z += Wfn(fn, 0.0)
        z += R_fn.get(fn, 0.0)
        z += R_fi.get(fi, 0.0)
        z += Wnpc("True" if np_cue else "False", 0.0)
        z += w_start
        z += S_t.get(tn, 0.0)
        z += S_r.get(rel, 0.0)
        z += w_kind
        z += K_r.get(rel, 0.0)
        z += K_t.get(tn, 0.0)
        z += L_r.get(rel, 0.0)
        z += L_t.get(tn, 0.0)
        z += Wq("True" if inq[m - 1] else "False", 0.0)
        z += Wn2(n2, 0.0)
        z += R_n2.get(n2, 0.0)
        z += Wpnt((p1.norm, tn), 0.0)
        z += Wseg(_BUCKETS[nxt - m] if nxt - m < 22 else _bucket_of(nxt - m), 0.0)
        z += Wnq(nq, 0.0)
        z += Wrest(_BUCKETS[hi - m] if hi - m < 22 else _bucket_of(hi - m), 0.0)
        out.append((m, span, z))
        rank += 1
    return out


_START_S_ROWS = ("s|rel", "s|pn", "s|np")
_START_KIND_ROWS = ("kind|rel", "kind|s")
_START_LEM_ROWS = ("lem|rel", "lem|s")
_EMPTY3 = ({}, {}, {})


def _start_scores(ctx, raw, a: int, b: int, hi: int, T: _Tables):
    """[(k, span, z)] as `start_groups` + the start weights give them, without feature strings."""
    lem = raw.lemma
    learned = "L" if raw.frame.term == "learned" else "R"
    prep = T.start
    if prep is None:
        prep = T.start = (T.getters(_START_TPLS), T.rows(_START_S_ROWS), T.rows(_START_KIND_ROWS),
                          T.rows(_START_LEM_ROWS))
    Wb, Ws, Wrel, _, Wpp, Wpn, _, Wnp, _, Wd, Wnpb, Wfb, _, _, _, _ = prep[0]
    s_rows = prep[1]
    K_r, K_s = prep[2].get(learned, _EMPTY2)
    L_r, L_s = prep[3].get(lem, _EMPTY2)
    Wb = Wb("", 0.0)
    out = []
    for k, span, rel, p1, n1, tw, d, np_before, fin_before in _start_candidates(ctx, raw, a, b, hi):
        npos = n1.pos if n1 is not None else "</s>"
        pn = p1.norm
        R_rel, R_pn, R_np = s_rows.get(tw, _EMPTY3)
        z = 0.0
        z += Wb
        z += Ws(tw, 0.0)
        z += Wrel(rel, 0.0)
        z += R_rel.get(rel, 0.0)
        z += Wpp(p1.pos, 0.0)
        z += Wpn(pn, 0.0)
        z += R_pn.get(pn, 0.0)
        z += Wnp(npos, 0.0)
        z += R_np.get(npos, 0.0)
        z += Wd(_bucket(d), 0.0)
        z += Wnpb("True" if np_before else "False", 0.0)
        z += Wfb("True" if fin_before else "False", 0.0)
        z += K_r.get(rel, 0.0)
        z += K_s.get(tw, 0.0)
        z += L_r.get(rel, 0.0)
        z += L_s.get(tw, 0.0)
        out.append((k, span, z))
    return out
