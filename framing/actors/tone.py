"""Tone toward each actor: the sentiment and the flagged wording of the clauses that mention it.

Why clauses and not sentences: news sentences often hold two sides ("Islamabad says Kabul harbors the
TTP, a charge the Taliban government denies"); cutting at ";", ":" and contrastive conjunctions keeps
each actor with the words nearest to it. The score mixes VADER's compound sentiment of the clause
(vaderSentiment ships its lexicon, no download) with the mean polarity of the lexicon findings in it,
half and half when there are findings; every record keeps the spans it came from.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import compress
from operator import le

from ..text.columns import columns
from ..model.actors import ToneRecord
from ..model.core import Span
from ..model.fastmake import fast_constructor
from ..model.findings import Finding
from .tokenflags import CLAUSE_PUNCT, CLAUSE_WORDS, last_flags

#: Span(...) and ToneRecord(...) without the call into __init__ (the same objects; see
#: framing.model.fastmake): one record and one span per mention, tens of thousands an article set.
_SPAN = fast_constructor(Span)
_TONE = fast_constructor(ToneRecord)

SPLIT_WORDS = set(CLAUSE_WORDS)  # "but", "while", "whereas", "although", "though", "however", "yet"
SPLIT_PUNCT = set(CLAUSE_PUNCT)  # ";", ":", an em dash, "--"


def _vader():
    """VADER's scores of a text, memoised and shared with the other stages; None without VADER.

    The answer is found once per process (the import statements cost something on every call,
    once an article)."""
    global _VADER_SCORES
    if _VADER_SCORES is _UNSET:
        try:
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: F401
        except ImportError:  # pragma: no cover - declared dependency
            _VADER_SCORES = None
        else:
            from ..text.sentiment import vader_scores

            _VADER_SCORES = vader_scores
    return _VADER_SCORES


_UNSET = object()
_VADER_SCORES = _UNSET


def clause_spans(doc, s_idx) -> list[tuple[int, int]]:
    """Character spans of the clauses of one sentence."""
    return _clauses(doc, s_idx, _split_candidates(doc))


def _split_candidates(doc) -> list[int]:
    """Indices of the tokens that may end a clause (split punctuation or a split word), found once
    per article at C speed: the per-sentence rules then look at these few tokens only."""
    flags = last_flags(doc)  # the mention finder's per-token bits, when it ran on this Doc
    if flags is not None:
        return flags.splits
    cols = columns(doc)  # shared token columns
    index = range(len(cols.texts))
    return sorted(set(compress(index, map(SPLIT_PUNCT.__contains__, cols.texts)))
                  .union(compress(index, map(SPLIT_WORDS.__contains__, cols.norms))))


def _clauses(doc, s_idx, splits: list[int]) -> list[tuple[int, int]]:
    s = doc.sentences[s_idx]
    toks = doc.tokens
    a, b = s.token_start, s.token_end
    if a >= b:
        return [(s.start, s.end)]
    out = []
    start = toks[a].start
    for p in range(bisect_left(splits, a + 1), bisect_left(splits, b)):
        k = splits[p]
        t = toks[k]
        if t.text in SPLIT_PUNCT or (t.norm in SPLIT_WORDS and toks[k - 1].text in (",", ";") or
                                      t.norm in SPLIT_WORDS and t.pos == "CC"):
            end = toks[k - 1].end
            if end > start:
                out.append((start, end))
            start = t.start
    out.append((start, toks[b - 1].end))
    return out


def _finding_attrs(f):
    start = getattr(f, "start", None)
    end = getattr(f, "end", None)
    if start is None and getattr(f, "span", None) is not None:
        start, end = f.span.start, f.span.end
    term = getattr(f, "term", None) or getattr(f, "text", None) or ""
    pol = getattr(f, "polarity", 0) or 0
    try:
        pol = int(pol)
    except (TypeError, ValueError):
        pol = 0
    return start, end, str(term), pol


def tone_records(doc, mentions, findings=()) -> tuple[ToneRecord, ...]:
    """One ToneRecord per actor mention (pronouns included: they carry tone about the actor).

    Everything but the mention itself depends on the clause only (its sentiment, the findings in
    it and their mean polarity), so it is worked out once per clause and shared by the mentions in
    it; the findings inside a clause are found by bisection when they come sorted by start, as the
    lexicon stage gives them.
    """
    vader = _vader()
    text = doc.text
    fl = []
    for f in findings or ():
        if type(f) is Finding:  # the lexicon stage's records: what _finding_attrs reads, directly
            s, e = f.start, f.end
            term = f.term or f.text or ""
            pol = f.polarity or 0
            if type(term) is not str or type(pol) is not int:
                s, e, term, pol = _finding_attrs(f)
        else:
            s, e, term, pol = _finding_attrs(f)
        if s is None or e is None:
            continue
        fl.append((s, e, term or text[s:e], pol))
    starts = [f[0] for f in fl]
    sorted_fl = all(map(le, starts, starts[1:])) and all(f[0] <= f[1] for f in fl)
    splits = None
    out = []
    append = out.append
    span, tone = _SPAN, _TONE
    # Mentions come in text order, so a sentence's mentions follow each other: its clauses and
    # what each clause gives (sentiment, findings, score) are kept for that run of mentions only.
    last_sentence, clauses, got_of = None, (), None
    for m in mentions:
        m_start, m_end, s_idx = m.start, m.end, m.sentence
        if s_idx != last_sentence:
            if splits is None:
                splits = _split_candidates(doc)
            clauses = _clauses(doc, s_idx, splits)
            got_of = [None] * len(clauses)
            last_sentence = s_idx
        k = 0
        if len(clauses) > 1:
            k = len(clauses) - 1
            for n, c in enumerate(clauses):
                if c[0] <= m_start < c[1]:
                    k = n
                    break
        got = got_of[k]
        if got is None:
            c_start, c_end = clauses[k]
            senti = round(vader(text[c_start:c_end]).compound, 4) if vader is not None else 0.0
            if sorted_fl:
                lo, hi = bisect_left(starts, c_start), bisect_right(starts, c_end)
                inside = [f for f in fl[lo:hi] if f[1] <= c_end] if lo < hi else []
            else:
                inside = [f for f in fl if c_start <= f[0] and f[1] <= c_end]
            if inside:
                pols = [f[3] for f in inside if f[3]]
                score = senti if not pols else 0.5 * senti + 0.5 * (sum(pols) / len(pols))
                got = (senti, round(max(-1.0, min(1.0, score)), 4), inside, span(c_start, c_end),
                       tuple([span(f[0], f[1]) for f in inside]), tuple([f[2] for f in inside]),
                       tuple([f[3] for f in inside]))
            else:
                got = (senti, round(max(-1.0, min(1.0, senti)), 4), inside, span(c_start, c_end),
                       (), (), ())
            got_of[k] = got
        senti, score, inside, clause_span, spans, terms, pols = got
        on_mention = tuple([f[2] for f in inside if f[0] < m_end and m_start < f[1]]) if inside else ()
        append(tone(m.actor_id, span(m_start, m_end), clause_span, senti, score, spans, terms, pols,
                    on_mention, "quoted" if m.in_quote else "narrator"))
    return tuple(out)
