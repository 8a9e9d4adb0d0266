"""Tone toward each actor: the sentiment and the flagged wording of the clauses that mention it.

Why clauses and not sentences: news sentences often hold two sides ("Islamabad says Kabul harbors the
TTP, a charge the Taliban government denies"); cutting at ";", ":" and contrastive conjunctions keeps
each actor with the words nearest to it. The score mixes VADER's compound sentiment of the clause
(vaderSentiment ships its lexicon, no download) with the mean polarity of the lexicon findings in it,
half and half when there are findings; every record keeps the spans it came from.
"""
from __future__ import annotations

from ..model.actors import ToneRecord
from ..model.core import Span

SPLIT_WORDS = {"but", "while", "whereas", "although", "though", "however", "yet"}
SPLIT_PUNCT = {";", ":", "\u2014", "--"}


def _vader():
    """VADER's scores of a text, memoised and shared with the other stages; None without VADER."""
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: F401
    except ImportError:  # pragma: no cover - declared dependency
        return None
    from ..text.sentiment import vader_scores

    return vader_scores


def clause_spans(doc, s_idx) -> list[tuple[int, int]]:
    """Character spans of the clauses of one sentence."""
    s = doc.sentences[s_idx]
    toks = doc.tokens[s.token_start:s.token_end]
    if not toks:
        return [(s.start, s.end)]
    out = []
    start = toks[0].start
    for k, t in enumerate(toks):
        if k == 0:
            continue
        if t.text in SPLIT_PUNCT or (t.norm in SPLIT_WORDS and toks[k - 1].text in (",", ";") or
                                      t.norm in SPLIT_WORDS and t.pos == "CC"):
            end = toks[k - 1].end
            if end > start:
                out.append((start, end))
            start = t.start
    out.append((start, toks[-1].end))
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
    """One ToneRecord per actor mention (pronouns included: they carry tone about the actor)."""
    vader = _vader()
    text = doc.text
    fl = []
    for f in findings or ():
        s, e, term, pol = _finding_attrs(f)
        if s is None or e is None:
            continue
        fl.append((s, e, term or text[s:e], pol))
    clause_cache: dict[int, list] = {}
    senti_cache: dict[tuple, float] = {}
    inside_cache: dict[tuple, list] = {}  # clause -> the findings inside it
    out = []
    for m in mentions:
        if m.sentence not in clause_cache:
            clause_cache[m.sentence] = clause_spans(doc, m.sentence)
        clause = next(((a, b) for a, b in clause_cache[m.sentence] if a <= m.start < b),
                      clause_cache[m.sentence][-1])
        if clause not in senti_cache:
            senti_cache[clause] = round(vader(text[clause[0]:clause[1]]).compound, 4) \
                if vader is not None else 0.0
        senti = senti_cache[clause]
        inside = inside_cache.get(clause)
        if inside is None:
            inside = inside_cache[clause] = [f for f in fl if clause[0] <= f[0] and f[1] <= clause[1]]
        pols = [f[3] for f in inside if f[3]]
        score = senti if not pols else 0.5 * senti + 0.5 * (sum(pols) / len(pols))
        score = round(max(-1.0, min(1.0, score)), 4)
        on_mention = tuple(f[2] for f in inside if f[0] < m.end and m.start < f[1])
        out.append(ToneRecord(
            actor_id=m.actor_id, mention=Span(m.start, m.end), clause=Span(*clause), sentiment=senti,
            score=score, finding_spans=tuple(Span(f[0], f[1]) for f in inside),
            finding_terms=tuple(f[2] for f in inside), finding_polarities=tuple(f[3] for f in inside),
            on_mention=on_mention, voice="quoted" if m.in_quote else "narrator"))
    return tuple(out)
