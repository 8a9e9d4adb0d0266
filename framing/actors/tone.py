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

#: Span(...) and ToneRecord(...) without the frozen __init__ (same objects; see
#: framing.model.fastmake): one record and one span per mention, tens of thousands an article set.
_SPAN = fast_constructor(Span)
_TONE = fast_constructor(ToneRecord)

SPLIT_WORDS = set(CLAUSE_WORDS)  # "but", "while", "whereas", "although", "though", "however", "yet"
SPLIT_PUNCT = set(CLAUSE_PUNCT)  # ";", ":", an em dash, "--"


def _vader():
    """VADER's scores of many texts (`vader_scores_many`: memoised and shared with the other
    stages, the texts not memoised yet scored together); None without VADER.

    The answer is found once per process (the import statements cost something on every call,
    once an article)."""
    global _VADER_SCORES
    if _VADER_SCORES is _UNSET:
        try:
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: F401
        except ImportError:  # pragma: no cover - declared dependency
            _VADER_SCORES = None
        else:
            from ..text.sentiment import vader_scores_many

            _VADER_SCORES = vader_scores_many
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
    lexicon stage gives them. The clauses' sentiments are asked for all at once (`_clause_of`
    first finds each mention's clause): VADER then splits the words of all the clauses it has
    not memoised in one go instead of a call per clause, which was a fifth of the stage.
    """
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
    clause_of = _clause_of(doc, mentions)
    # each distinct clause once, in the order of its first mention
    firsts = list(dict.fromkeys(clause_of))
    vader = _vader()
    if vader is not None and firsts:
        sentiments = [round(p.compound, 4) for p in vader([text[a:b] for a, b in firsts])]
    else:
        sentiments = [0.0] * len(firsts)
    got_of = {}
    for (c_start, c_end), senti in zip(firsts, sentiments):
        if sorted_fl:
            lo, hi = bisect_left(starts, c_start), bisect_right(starts, c_end)
            inside = [f for f in fl[lo:hi] if f[1] <= c_end] if lo < hi else []
        else:
            inside = [f for f in fl if c_start <= f[0] and f[1] <= c_end]
        if inside:
            pols = [f[3] for f in inside if f[3]]
            score = senti if not pols else 0.5 * senti + 0.5 * (sum(pols) / len(pols))
            got = (senti, round(max(-1.0, min(1.0, score)), 4), inside, _SPAN(c_start, c_end),
                   tuple([_SPAN(f[0], f[1]) for f in inside]), tuple([f[2] for f in inside]),
                   tuple([f[3] for f in inside]))
        else:
            got = (senti, round(max(-1.0, min(1.0, senti)), 4), inside, _SPAN(c_start, c_end),
                   (), (), ())
        got_of[c_start, c_end] = got
    out = []
    append = out.append
    span, tone = _SPAN, _TONE
    for m, clause in zip(mentions, clause_of):
        m_start, m_end = m.start, m.end
        senti, score, inside, clause_span, spans, terms, pols = got_of[clause]
        on_mention = tuple([f[2] for f in inside if f[0] < m_end and m_start < f[1]]) if inside else ()
        append(tone(m.actor_id, span(m_start, m_end), clause_span, senti, score, spans, terms, pols,
                    on_mention, "quoted" if m.in_quote else "narrator"))
    return tuple(out)


def _clause_of(doc, mentions) -> list[tuple[int, int]]:
    """The clause (start, end) holding each mention: the first clause of its sentence holding
    the mention's start, else the sentence's last clause."""
    out = []
    append = out.append
    splits = None
    # Mentions come in text order, so a sentence's mentions follow each other: its clauses are
    # kept for that run of mentions only.
    last_sentence, clauses = None, ()
    for m in mentions:
        m_start, s_idx = m.start, m.sentence
        if s_idx != last_sentence:
            if splits is None:
                splits = _split_candidates(doc)
            clauses = _clauses(doc, s_idx, splits)
            last_sentence = s_idx
        if len(clauses) > 1:
            for c in clauses:
                if c[0] <= m_start < c[1]:
                    break
            else:
                c = clauses[-1]
            append(c)
        else:
            append(clauses[0])
    return out
