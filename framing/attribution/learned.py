"""A learned cue detector for the attributions the hand-written rules miss.

PolNeAR annotates every attribution, and the cues form a long tail ("said" in frames the rules do not
cover, "showed" for polls, "asked", "see", "want", "hope", "support for", "criticism of", nested
cues inside quotations ...). A logistic regression, trained on PolNeAR train by
scripts/train_attribution_polnear.py, scores the candidate tokens the rules left alone (tokens whose
lemma was an annotated cue in train); a token scoring above the model's threshold becomes a cue, and
generic span rules give it a source (the subject before it, a possessive, or "said X" after it) and
a content (the clause or object after it, or the clause before ", X said").

The model ships as plain JSON (framing/models/attribution_cues.json: feature weights, no pickle).
Features are plain strings so the trainer and this module share one function: `token_features`.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as _res

from .chunks import np_left, np_right
from .data import CueFrame

MODEL_FILE = "attribution_cues.json"
_OPEN = "\"'\u201c\u2018\u201e\u00ab"
_CLOSE = "\"'\u201d\u2019\u00bb"
_CANDIDATE_TAGS = frozenset({"VB", "NN", "JJ"})


class _Weights(dict):
    """Feature weights; an unknown feature weighs 0."""

    def __missing__(self, key):
        return 0.0
_AUX = frozenset({"have", "do", "be", "not"})
#: The frame given to learned cues: a clause, an addressee, an object or an infinitive may follow.
#: Its type is "other" unless cues.tsv knows the lemma.
LEARNED = CueFrame("learned", "CAOI", "other")


def lemma_key(tok) -> str:
    """The key a token is looked up by: its lower-case lemma, or the text for punctuation."""
    return tok.lemma.lower() if tok.text[:1].isalnum() else tok.text


def is_candidate(tok, lemmas) -> bool:
    """Is the token worth scoring: a content word whose lemma was an annotated cue in train?"""
    return tok.pos[:2] in _CANDIDATE_TAGS and lemma_key(tok) in lemmas


def covered_tokens(n: int, raws) -> list[bool]:
    """Tokens inside the cues the rules found: the learned detector leaves them alone (in training
    and in use alike, so the model learns what the rules miss)."""
    out = [False] * n
    for r in raws:
        for k in range(r.cue[0], r.cue[1]):
            out[k] = True
    return out


def _bucket(n: int) -> str:
    return str(n) if n < 3 else ("3-5" if n < 6 else ("6-10" if n < 11 else "11+"))


def token_features(toks, inq, i: int, lo: int, hi: int) -> list[str]:
    """Feature strings of token i in the sentence [lo, hi): its lemma and tag, its neighbours, and
    where it stands relative to quotes, commas, colons and noun phrases."""
    return near_features(toks, inq, i, lo, hi) + context_features(toks, inq, i, lo, hi, lemma_key(toks[i]))


#: The yes/no feature pairs of `context_features`; "l|" ones are joined with the lemma.
CONTEXT_PAIRS = ("subj", "obj", "lcomma", "rcolon", "lq", "rq", "that")
CONTEXT_LEMMA_PAIRS = ("l|subj", "l|end")


def near_features(toks, inq, i: int, lo: int, hi: int) -> list[str]:
    """The cheap half of the features: the token, its neighbours, quote and sentence position."""
    t = toks[i]
    lem = lemma_key(t)
    pn, pp, nn, npos, p2pos, n2pos, n2norm, q = _neighbours(toks, inq, i, lo, hi)
    f = [
        "b", "l=" + lem, "p=" + t.pos, "lp=" + lem + "|" + t.pos, "w=" + t.norm,
        "pn=" + pn, "pp=" + pp, "nn=" + nn, "np=" + npos,
        "p2=" + p2pos, "n2=" + n2pos, "n2n=" + n2norm,
        "l|nn=" + lem + "|" + nn, "l|pn=" + lem + "|" + pn, "l|np=" + lem + "|" + npos,
        "l|pp=" + lem + "|" + pp, "q=" + q, "l|q=" + lem + "|" + q, "p|q=" + t.pos + "|" + q,
        "ds=" + _bucket(i - lo), "de=" + _bucket(hi - i - 1),
        "cap=" + str(t.text[:1].isupper() and i > lo),
    ]
    return f


def _neighbours(toks, inq, i: int, lo: int, hi: int) -> tuple:
    """The values the near features read around token i in the sentence [lo, hi): the previous
    token's norm and tag, the next one's, the tags two before and after and the norm two after
    ("<s>" / "</s>" past the sentence edges), and "q" or "n" for inside a quotation or not."""
    p1 = toks[i - 1] if i - 1 >= lo else None
    p2 = toks[i - 2] if i - 2 >= lo else None
    n1 = toks[i + 1] if i + 1 < hi else None
    n2 = toks[i + 2] if i + 2 < hi else None
    return (p1.norm if p1 else "<s>", p1.pos if p1 else "<s>", n1.norm if n1 else "</s>",
            n1.pos if n1 else "</s>", p2.pos if p2 else "<s>", n2.pos if n2 else "</s>",
            n2.norm if n2 else "</s>", "q" if inq[i] else "n")


def context_features(toks, inq, i: int, lo: int, hi: int, lem: str) -> list[str]:
    """The costlier half of the features (noun phrases, commas, colons and quotes around), each a
    yes/no pair: `CueModel.context_bound` caps what they can add, so a token that cannot reach the
    threshold is rejected before they are computed."""
    f = []
    # a noun phrase or pronoun right before (after auxiliaries and adverbs): a subject
    j = i - 1
    while j >= lo and (toks[j].pos in ("RB", "MD") or toks[j].lemma in _AUX):
        j -= 1
    subj = str(j >= lo and np_left(toks, j, lo) is not None)
    f.append("subj=" + subj)
    f.append("l|subj=" + lem + "|" + subj)
    f.append("obj=" + str(i + 1 < hi and np_right(toks, i + 1, hi, appositive=False) is not None))
    # commas, colons and quotes around
    lcomma = False
    for m in range(i - 1, lo - 1, -1):
        if toks[m].text == ",":
            lcomma = True
            break
    f.append("lcomma=" + str(lcomma))
    near = toks[i + 1:min(hi, i + 5)]
    f.append("rcolon=" + str(any(x.text == ":" for x in near[:3])))
    f.append("lq=" + str(any(x.text in _CLOSE for x in toks[max(lo, i - 3):i])))
    f.append("rq=" + str(any(x.text in _OPEN for x in near)))
    f.append("that=" + str(any(x.norm == "that" for x in near)))
    end = True
    for m in range(i + 1, hi):
        if toks[m].text[:1].isalnum():
            end = False
            break
    f.append("l|end=" + lem + "|" + str(end))
    return f


# --- weight tables: the weights of feature strings, looked up without building the strings -------
# A scorer that builds every feature string of every candidate, then hashes and looks up each, spends
# most of its time on the strings. These tables hold the same weights keyed by the feature's value (a
# string the tokens already hold, its hash cached) or a pair of values; the fast scorers add them in
# the exact order of the feature lists, from 0.0 as `ordered_sum` does: the same floats. An unknown
# feature adds 0.0 there and here.

class _Tables:
    """The weights of one scorer split by feature template: {template: {value or (v1, v2): w}}.
    A pair template ("t|nn") registers every split of its value at a "|" so a (v1, v2) lookup finds
    exactly the weight of the string "t|nn=" + v1 + "|" + v2 (values may hold "|" themselves).
    `pairs`: the pair templates, when not all and only the names holding "|" ("lp=" + lemma + "|"
    + tag)."""

    def __init__(self, weights: dict, pairs=None):
        self.t = {}
        for name, w in weights.items():
            tpl, _, val = name.partition("=")
            d = self.t.setdefault(tpl, {})
            if (tpl in pairs) if pairs is not None else "|" in tpl:
                parts = val.split("|")
                for i in range(1, len(parts)):
                    d[("|".join(parts[:i]), "|".join(parts[i:]))] = w
            else:
                d[val] = w

        self._getters = {}
        self._rows = {}
        self.by_lemma = {}  # a scorer's per-lemma weights (learned._context_logit)
        self.near = None  # (getters, rows) of `_near_logit`
        self.end = self.start = None  # the same of spans._end_scores / spans._start_scores

    def getters(self, tpls: tuple) -> tuple:
        """The bound `get` of each template's table (an empty table for an unknown template)."""
        g = self._getters.get(tpls)
        if g is None:
            g = self._getters[tpls] = tuple(self.t.get(tpl, {}).get for tpl in tpls)
        return g

    def rows(self, tpls: tuple) -> dict:
        """Pair templates sharing their first value, by that value: {v1: ({v2: w} for each
        template)}, so a scorer that holds v1 fetches its row once and then looks up plain values
        (row[k].get(v2, 0.0) is the pair table's get((v1, v2), 0.0))."""
        r = self._rows.get(tpls)
        if r is None:
            r = {}
            for k, tpl in enumerate(tpls):
                for (v1, v2), w in self.t.get(tpl, {}).items():
                    if v1 not in r:
                        r[v1] = tuple({} for _ in tpls)
                    r[v1][k][v2] = w
            self._rows[tpls] = r
        return r


_TABLES: dict = {}


def _tables(weights: dict, pairs=None) -> _Tables:
    """The tables of a weights dict, built once per dict (the dict is kept to pin its id)."""
    hit = _TABLES.get(id(weights))
    if hit is None or hit[0] is not weights:
        if len(_TABLES) > 8:
            _TABLES.clear()
        hit = _TABLES[id(weights)] = (weights, _Tables(weights, pairs))
    return hit[1]


@dataclass(frozen=True)
class CueModel:
    """Weights of the learned cue detector (see scripts/train_attribution_polnear.py)."""
    lemmas: frozenset
    weights: dict
    threshold: float
    bigrams: frozenset  # (lemma, next word) pairs that make one cue: "support for", "talk about"

    context_bound: dict = field(default_factory=dict)  # lemma -> most the context features can add
    z_threshold: float = 0.0  # the threshold as a logit

    def score(self, feats) -> float:
        z = self.logit(feats)
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def logit(self, feats) -> float:
        return ordered_sum(map(self.weights.__getitem__, feats))

    def accepts(self, toks, inq, i: int, lo: int, hi: int) -> bool:
        """score(token_features(...)) >= threshold, computed lazily: the cheap features first, and
        the context features only when their largest possible weight could still pass."""
        lem = lemma_key(toks[i])
        z = _near_logit(self.weights, toks, inq, i, lo, hi, lem)
        if z + self.context_bound.get(lem, 0.0) < self.z_threshold:
            return False
        return z + _context_logit(self.weights, toks, inq, i, lo, hi, lem) >= self.z_threshold


#: The templates of `near_features`, in order, and those of them that pair two values.
_NEAR_TPLS = ("b", "l", "p", "lp", "w", "pn", "pp", "nn", "np", "p2", "n2", "n2n", "l|nn", "l|pn",
              "l|np", "l|pp", "q", "l|q", "p|q", "ds", "de", "cap")
_NEAR_PAIRS = frozenset({"lp", "l|nn", "l|pn", "l|np", "l|pp", "l|q", "p|q"})
_BUCKETS = tuple(_bucket(n) for n in range(11))
#: The pair templates of `near_features` that open with the lemma (`_Tables.rows`).
_NEAR_LEM_ROWS = ("lp", "l|nn", "l|pn", "l|np", "l|pp", "l|q")
_EMPTY6 = ({},) * 6
_CONTEXT_TPLS = ("subj", "obj", "lcomma", "rcolon", "lq", "rq", "that")


def ordered_sum(values) -> float:
    """The float sum of `values` added left to right, as the fast scorers add them.

    Not sum(): from Python 3.12 on, sum() of floats is compensated (Neumaier), so it can differ
    in the last bit from adding in order, and a score must not depend on the interpreter. On
    3.11 the two are the same float."""
    z = 0.0
    for v in values:
        z += v
    return z


def _context_logit(weights, toks, inq, i: int, lo: int, hi: int, lem: str) -> float:
    """sum of the weights of `context_features(toks, inq, i, lo, hi, lem)`: the same tests and the
    same floats added in the same order (`ordered_sum`), without the strings."""
    T = _tables(weights, _NEAR_PAIRS)
    Wsubj, Wobj, Wlcomma, Wrcolon, Wlq, Wrq, Wthat = T.getters(_CONTEXT_TPLS)
    lw = T.by_lemma.get(lem)
    if lw is None:
        if len(T.by_lemma) > 4096:
            T.by_lemma.clear()
        g = weights.get
        lw = T.by_lemma[lem] = {"subj": {v: g("l|subj=" + lem + "|" + v, 0.0) for v in ("True", "False")},
                                  "end": {v: g("l|end=" + lem + "|" + v, 0.0) for v in ("True", "False")}}
    j = i - 1
    while j >= lo and (toks[j].pos in ("RB", "MD") or toks[j].lemma in _AUX):
        j -= 1
    subj = "True" if j >= lo and np_left(toks, j, lo) is not None else "False"
    obj = "True" if i + 1 < hi and np_right(toks, i + 1, hi, appositive=False) is not None else "False"
    lcomma = "False"
    for m in range(i - 1, lo - 1, -1):
        if toks[m].text == ",":
            lcomma = "True"
            break
    near = toks[i + 1:min(hi, i + 5)]
    rcolon = "True" if any(x.text == ":" for x in near[:3]) else "False"
    lq = "True" if any(x.text in _CLOSE for x in toks[max(lo, i - 3):i]) else "False"
    rq = "True" if any(x.text in _OPEN for x in near) else "False"
    that = "True" if any(x.norm == "that" for x in near) else "False"
    end = "True"
    for m in range(i + 1, hi):
        if toks[m].text[:1].isalnum():
            end = "False"
            break
    return ordered_sum((Wsubj(subj, 0.0), lw["subj"][subj], Wobj(obj, 0.0), Wlcomma(lcomma, 0.0),
                        Wrcolon(rcolon, 0.0), Wlq(lq, 0.0), Wrq(rq, 0.0), Wthat(that, 0.0),
                        lw["end"][end]))


def _near_logit(weights, toks, inq, i: int, lo: int, hi: int, lem: str) -> float:
    """sum of the weights of `near_features(toks, inq, i, lo, hi)` (lem: its lemma key), the same
    float, added in the same order from weight tables without building the feature strings."""
    T = _tables(weights, _NEAR_PAIRS)
    near = T.near
    if near is None:
        near = T.near = (T.getters(_NEAR_TPLS), T.rows(_NEAR_LEM_ROWS))
    (Wb, Wl, Wp, _, Ww, Wpn, Wpp, Wnn, Wnp, Wp2, Wn2, Wn2n, _, _, _, _, Wq, _, Wpq,
     Wds, Wde, Wcap) = near[0]
    Wlp, Wlnn, Wlpn, Wlnp, Wlpp, Wlq = near[1].get(lem, _EMPTY6)
    t = toks[i]
    pn, pp, nn, npos, p2pos, n2pos, n2norm, q = _neighbours(toks, inq, i, lo, hi)
    pos = t.pos
    z = 0.0
    z += Wb("", 0.0)
    z += Wl(lem, 0.0)
    z += Wp(pos, 0.0)
    z += Wlp.get(pos, 0.0)
    z += Ww(t.norm, 0.0)
    z += Wpn(pn, 0.0)
    z += Wpp(pp, 0.0)
    z += Wnn(nn, 0.0)
    z += Wnp(npos, 0.0)
    z += Wp2(p2pos, 0.0)
    z += Wn2(n2pos, 0.0)
    z += Wn2n(n2norm, 0.0)
    z += Wlnn.get(nn, 0.0)
    z += Wlpn.get(pn, 0.0)
    z += Wlnp.get(npos, 0.0)
    z += Wlpp.get(pp, 0.0)
    z += Wq(q, 0.0)
    z += Wlq.get(q, 0.0)
    z += Wpq((pos, q), 0.0)
    z += Wds(_BUCKETS[i - lo] if i - lo < 11 else "11+", 0.0)
    z += Wde(_BUCKETS[hi - i - 1] if hi - i - 1 < 11 else "11+", 0.0)
    z += Wcap(str(t.text[:1].isupper() and i > lo), 0.0)
    return z


def model_from_json(obj: dict) -> CueModel:
    weights = _Weights(obj["weights"])
    threshold = float(obj["threshold"])
    common = ordered_sum(max(weights.get(f"{g}=True", 0.0), weights.get(f"{g}=False", 0.0))
                         for g in CONTEXT_PAIRS)
    bound = {lem: common + ordered_sum(max(weights.get(f"{g}={lem}|True", 0.0),
                                           weights.get(f"{g}={lem}|False", 0.0))
                                       for g in CONTEXT_LEMMA_PAIRS) for lem in obj["lemmas"]}
    return CueModel(lemmas=frozenset(obj["lemmas"]), weights=weights, threshold=threshold,
                    bigrams=frozenset(tuple(b) for b in obj.get("bigrams", ())), context_bound=bound,
                    z_threshold=math.log(threshold / (1.0 - threshold)))


def read_shipped_model(name: str) -> dict | None:
    """framing/models/<name> parsed, or None when the file is absent (a trimmed install): the
    attribution stage's learned models are optional and the rules work without them."""
    try:
        path = _res.files("framing").joinpath("models", name)
        if not path.is_file():
            return None
        return json.loads(path.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError):
        return None


@lru_cache(maxsize=1)
def load_cue_model() -> CueModel | None:
    """The shipped model, or None when the file is absent (the rules then work alone)."""
    obj = read_shipped_model(MODEL_FILE)
    return None if obj is None else model_from_json(obj)
