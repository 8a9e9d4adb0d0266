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
    p1 = toks[i - 1] if i - 1 >= lo else None
    p2 = toks[i - 2] if i - 2 >= lo else None
    n1 = toks[i + 1] if i + 1 < hi else None
    n2 = toks[i + 2] if i + 2 < hi else None
    pn = p1.norm if p1 else "<s>"
    pp = p1.pos if p1 else "<s>"
    nn = n1.norm if n1 else "</s>"
    npos = n1.pos if n1 else "</s>"
    q = "q" if inq[i] else "n"
    f = [
        "b", "l=" + lem, "p=" + t.pos, "lp=" + lem + "|" + t.pos, "w=" + t.norm,
        "pn=" + pn, "pp=" + pp, "nn=" + nn, "np=" + npos,
        "p2=" + (p2.pos if p2 else "<s>"), "n2=" + (n2.pos if n2 else "</s>"),
        "n2n=" + (n2.norm if n2 else "</s>"),
        "l|nn=" + lem + "|" + nn, "l|pn=" + lem + "|" + pn, "l|np=" + lem + "|" + npos,
        "l|pp=" + lem + "|" + pp, "q=" + q, "l|q=" + lem + "|" + q, "p|q=" + t.pos + "|" + q,
        "ds=" + _bucket(i - lo), "de=" + _bucket(hi - i - 1),
        "cap=" + str(t.text[:1].isupper() and i > lo),
    ]
    return f


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
        return sum(map(self.weights.__getitem__, feats))

    def accepts(self, toks, inq, i: int, lo: int, hi: int) -> bool:
        """score(token_features(...)) >= threshold, computed lazily: the cheap features first, and
        the context features only when their largest possible weight could still pass."""
        near = near_features(toks, inq, i, lo, hi)
        lem = lemma_key(toks[i])
        z = self.logit(near)
        if z + self.context_bound.get(lem, 0.0) < self.z_threshold:
            return False
        return z + self.logit(context_features(toks, inq, i, lo, hi, lem)) >= self.z_threshold


def model_from_json(obj: dict) -> CueModel:
    weights = _Weights(obj["weights"])
    threshold = float(obj["threshold"])
    common = sum(max(weights.get(f"{g}=True", 0.0), weights.get(f"{g}=False", 0.0)) for g in CONTEXT_PAIRS)
    bound = {lem: common + sum(max(weights.get(f"{g}={lem}|True", 0.0), weights.get(f"{g}={lem}|False", 0.0))
                               for g in CONTEXT_LEMMA_PAIRS) for lem in obj["lemmas"]}
    return CueModel(lemmas=frozenset(obj["lemmas"]), weights=weights, threshold=threshold,
                    bigrams=frozenset(tuple(b) for b in obj.get("bigrams", ())), context_bound=bound,
                    z_threshold=math.log(threshold / (1.0 - threshold)))


@lru_cache(maxsize=1)
def load_cue_model() -> CueModel | None:
    """The shipped model, or None when the file is absent (the rules then work alone)."""
    try:
        path = _res.files("framing").joinpath("models", MODEL_FILE)
        if not path.is_file():
            return None
        return model_from_json(json.loads(path.read_text(encoding="utf-8")))
    except (ModuleNotFoundError, FileNotFoundError):
        return None
