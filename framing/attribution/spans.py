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

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import or_

from .chunks import np_right, time_adverbial_end
from .learned import _Tables, _tables, ordered_sum, read_shipped_model

MODEL_FILE = "attribution_spans.json"
_OPEN = "\"'\u201c\u2018\u201e\u00ab"
_CLOSE = "\u201d\u2019\u00bb"  # (straight marks both open and close: left to the quotation regions)
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


def _bucket_of(n: int) -> str:
    return str(n) if n < 3 else ("3-5" if n < 6 else ("6-10" if n < 11 else ("11-20" if n < 21 else "21+")))


_BUCKETS = tuple(_bucket_of(n) for n in range(22))


def _bucket(n: int) -> str:
    return _BUCKETS[n] if 0 <= n < 22 else _bucket_of(n)


def eligible_piece(ctx, raw) -> tuple[int, int] | None:
    """Token range [a, b) of the content piece a learned end may move: the last piece, when it
    follows the cue in the cue's sentence and is not a whole quotation, nor a transcript's or a
    headline's words after a speaker's label ("AMY GOODMAN: Terrance, how does it feel ...": the
    whole turn is what the label's speaker says). None otherwise."""
    if not raw.content or raw.lemma == ":":
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
    starts, ends = ctx.columns.starts, ctx.columns.ends  # token offsets, ascending
    a = bisect_left(starts, s, lo, hi)
    if a >= hi or toks[a].start != s or ctx.texts[a] in _OPEN:
        return None
    # the first token from a ending past e (token ends increase along the text)
    b = bisect_right(ends, e, a, hi)
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
    stop = min(hi, a + MAX_TOKENS, b + MAX_PAST_RULE)
    # the tokens whose norm or text is a break, found in one C-level pass over the window; then
    # the quotation tests on those few (a break by its norm alone also needs the token before it
    # outside quotation marks)
    brk = BREAKS.__contains__
    out = [m for m in compress(range(a + 1, stop), map(or_, map(brk, norms[a + 1:stop]), map(brk, texts[a + 1:stop])))
           if not inq[m] and (brk(texts[m]) or not inq[m - 1])]
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
        if inq[k] and t.text not in _OPEN or k > a and t.text in (",", ":") or t.text in _CLOSE:
            continue  # (a content never opens with the mark that closes a quotation)
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
        return ordered_sum(map(self.weights.get, feats, _ZEROS))


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
            elif k < a and time_adverbial_end(ctx.tokens, k, hi) >= a and \
                    (a - k > 1 or ctx.tokens[a].norm in ("that", "whether", "if")):
                # a time adverbial the rule skipped is no content ("announced a week ago that",
                # "said Wednesday that"; one word before a noun may be an adjective: "earlier studies")
                continue
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
# order of `features` / `start_groups`, starting from 0.0 as `ordered_sum` does: the same floats,
# so the same argmax. An unknown feature adds 0.0 there and here.
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


#: The yes/no templates of `features` (values "True" / "False"), in the order `_end_scores` reads them.
_END_YES_NO = ("fin_in", "fin_next", "np_cue", "qend", "nq")


def _yes_no(get) -> tuple[float, float]:
    """A yes/no template's weights for "True" and "False" (0.0 when unknown), looked up once."""
    return get("True", 0.0), get("False", 0.0)


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
        getters = T.getters(_END_TPLS)
        prep = T.end = (getters, T.rows(_END_T_ROWS), T.rows(_END_START_ROWS), T.rows(_KIND_ROWS),
                        T.rows(_LEM_ROWS), tuple(_yes_no(getters[_END_TPLS.index(t)]) for t in _END_YES_NO))
    (Wb, Wt, Wrel, _, Wnp, _, _, Wpp, _, Wrank, _, Wlen, _, _, _, _, _,
     Wstart, _, _, Wkind, _, _, _, _, _, Wn2, _, Wpnt, Wseg, _, Wrest) = prep[0]
    # the weights of the yes/no templates' "True" and "False"
    (fi_yes, fi_no), (fn_yes, fn_no), (npc_yes, npc_no), (q_yes, q_no), (nq_yes, nq_no) = prep[5]
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
    cols = ctx.columns
    norms, tags, texts = cols.norms, cols.tags, cols.texts
    # over the rest of the sentence, once per piece: the stops (comma, colon, dash ...), the finite
    # verbs and the opening quotation marks, each found in one C-level pass; every candidate then
    # bisects these instead of walking the tokens after it. fin_in: a finite verb in [a, m) (the
    # first from a comes before m); fin_next: one between m and the next stop within 25 tokens
    # (without a stop there, to the sentence end); nq: an opening mark in the 3 tokens after m.
    stops = list(compress(range(a + 1, hi), map(_STOPS.__contains__, texts[a + 1:hi])))
    fins = list(compress(range(a, hi), map(_FINITE.__contains__, tags[a:hi])))
    opens = list(compress(range(a + 1, hi), map(_OPEN.__contains__, texts[a + 1:hi])))
    n_stops, n_fins, n_opens = len(stops), len(fins), len(opens)
    f0 = fins[0] if fins else hi
    for m in candidates(ctx, a, b, hi):
        span = trim(ctx, a, m)
        if span is None or span[1] in seen:
            continue
        seen.add(span[1])
        j = bisect_right(stops, m)
        nxt = stops[j] if j < n_stops and stops[j] < m + 25 else hi
        j = bisect_right(fins, m)
        fin_next = j < n_fins and fins[j] < nxt
        if m < hi:
            tn = norms[m]
            n1 = m + 1 < hi
            if texts[m] == "," and n1:
                e = np_right(toks, m + 1, hi, appositive=False)
                np_cue = e is not None and e < hi and tags[e].startswith("VB") and toks[e].lemma in cues
            else:
                np_cue = False
        else:
            tn = "</s>"
            n1 = False
            np_cue = False
        if n1:
            npos = tags[m + 1]
            nnorm = norms[m + 1]
        else:
            npos = nnorm = "</s>"
        n2 = tags[m + 2] if m + 2 < hi else "</s>"
        rel = "at" if m == b else ("before" if m < b else "after")
        fi = "True" if f0 < m else "False"
        fn = "True" if fin_next else "False"
        j = bisect_right(opens, m)
        nq = j < n_opens and opens[j] < m + 4 and opens[j] < hi
        rk = _BUCKETS[rank] if rank < 22 else _bucket_of(rank)
        pp = tags[m - 1]
        R_rel, R_np, R_nn, R_pp, R_rank, R_fn, R_fi, R_n2 = t_rows.get(tn, _EMPTY8)
        z = 0.0
        z += Wb
        z += Wt(tn, 0.0)
        z += Wrel(rel, 0.0)
        z += R_rel.get(rel, 0.0)
        z += Wnp(npos, 0.0)
        z += R_np.get(npos, 0.0)
        z += R_nn.get(nnorm, 0.0)
        z += Wpp(pp, 0.0)
        z += R_pp.get(pp, 0.0)
        z += Wrank(rk, 0.0)
        z += R_rank.get(rk, 0.0)
        z += Wlen(_BUCKETS[m - a] if m - a < 22 else _bucket_of(m - a), 0.0)
        z += fi_yes if f0 < m else fi_no
        z += fn_yes if fin_next else fn_no
        z += R_fn.get(fn, 0.0)
        z += R_fi.get(fi, 0.0)
        z += npc_yes if np_cue else npc_no
        z += w_start
        z += S_t.get(tn, 0.0)
        z += S_r.get(rel, 0.0)
        z += w_kind
        z += K_r.get(rel, 0.0)
        z += K_t.get(tn, 0.0)
        z += L_r.get(rel, 0.0)
        z += L_t.get(tn, 0.0)
        z += q_yes if inq[m - 1] else q_no
        z += Wn2(n2, 0.0)
        z += R_n2.get(n2, 0.0)
        z += Wpnt((norms[m - 1], tn), 0.0)
        z += Wseg(_BUCKETS[nxt - m] if nxt - m < 22 else _bucket_of(nxt - m), 0.0)
        z += nq_yes if nq else nq_no
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
        getters = T.getters(_START_TPLS)
        prep = T.start = (getters, T.rows(_START_S_ROWS), T.rows(_START_KIND_ROWS), T.rows(_START_LEM_ROWS),
                          _yes_no(getters[10]), _yes_no(getters[11]))
    Wb, Ws, Wrel, _, Wpp, Wpn, _, Wnp, _, Wd, _, _, _, _, _, _ = prep[0]
    s_rows = prep[1]
    K_r, K_s = prep[2].get(learned, _EMPTY2)
    L_r, L_s = prep[3].get(lem, _EMPTY2)
    npb_yes, npb_no = prep[4]  # the weights of "np_before=True" / "=False"
    fb_yes, fb_no = prep[5]  # "fin_before=True" / "=False"
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
        z += Wd(_BUCKETS[d] if 0 <= d < 22 else _bucket_of(d), 0.0)
        z += npb_yes if np_before else npb_no
        z += fb_yes if fin_before else fb_no
        z += K_r.get(rel, 0.0)
        z += K_s.get(tw, 0.0)
        z += L_r.get(rel, 0.0)
        z += L_s.get(tw, 0.0)
        out.append((k, span, z))
    return out
