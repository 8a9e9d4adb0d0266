"""Per-article and per-outlet aggregates of sentence scores: plain functions over plain data.

The comparison and the report call these; they never re-run a model. Shares of biased sentences are
given separately for the narrator's sentences and for quoted ones, because a loaded word in a quote
is the speaker's, not the outlet's.
"""
from __future__ import annotations

from collections import Counter

from .inputs import NARRATOR, QUOTE

NO_FRAME = "other"  # the frame label for sentences that carry none of the frames


def _share(k: int, n: int) -> float | None:
    return round(k / n, 6) if n else None


def summarize_scores(scores) -> dict:
    """Aggregate one article's (or several articles') SentenceScores into a JSON-friendly dict."""
    scores = list(scores)
    n = len(scores)
    by_voice = {NARRATOR: [s for s in scores if s.voice == NARRATOR],
                QUOTE: [s for s in scores if s.voice == QUOTE]}
    out: dict = {"sentences": n, "narrator_sentences": len(by_voice[NARRATOR]),
                 "quote_sentences": len(by_voice[QUOTE])}
    scored = [s for s in scores if s.bias_probability is not None]
    if scored:
        def biased(group):
            return sum(1 for s in group if s.bias_probability is not None and s.bias_probability >= 0.5)

        out["bias"] = {
            "biased_sentences": biased(scored),
            "biased_share": _share(biased(scored), len(scored)),
            "narrator_biased_share": _share(biased(by_voice[NARRATOR]), len(by_voice[NARRATOR])),
            "quote_biased_share": _share(biased(by_voice[QUOTE]), len(by_voice[QUOTE])),
            "mean_bias_probability": round(sum(s.bias_probability for s in scored) / len(scored), 6),
        }
    framed = [s for s in scores if s.frame]
    if framed:
        labels = [lp.label for lp in framed[0].frame_distribution] or sorted({s.frame for s in framed})
        counts = Counter(s.frame for s in framed)
        mean = {lab: 0.0 for lab in labels}
        for s in framed:
            for lp in s.frame_distribution:
                if lp.label in mean:
                    mean[lp.label] += lp.probability
        ranked = sorted((lab for lab in labels if lab != NO_FRAME and counts[lab]),
                        key=lambda lab: (-counts[lab], -mean[lab], lab))
        out["frames"] = {
            "distribution": {lab: _share(counts[lab], len(framed)) for lab in labels},
            "mean_probability": {lab: round(mean[lab] / len(framed), 6) for lab in labels},
            "main_frame": ranked[0] if ranked else NO_FRAME,
            "narrator_distribution": _distribution([s for s in framed if s.voice == NARRATOR], labels),
            "quote_distribution": _distribution([s for s in framed if s.voice == QUOTE], labels),
        }
    tasks: dict = {}
    for s in scores:
        for p in s.other:
            tasks.setdefault(p.task, Counter())[p.label] += 1
    if tasks:
        out["other_tasks"] = {t: {lab: _share(c[lab], n) for lab in sorted(c)} for t, c in sorted(tasks.items())}
    return out


def summarize_parts(voices: list, bias_p: list, frames: list, frame_proba, labels) -> dict:
    """`summarize_scores` of one article's SentenceScores (the same dict, key for key and float
    for float), from the lists they were made of: each sentence's voice, bias probability (None
    without a bias model) and frame ("" without a frame model), and the frame model's
    probabilities (n, labels) in `labels` order. Sums run over the sentences in order, as there.
    """
    n = len(voices)
    narrator = [i for i, v in enumerate(voices) if v == NARRATOR]
    quote = [i for i, v in enumerate(voices) if v == QUOTE]
    out: dict = {"sentences": n, "narrator_sentences": len(narrator), "quote_sentences": len(quote)}
    if n and bias_p[0] is not None:
        biased = [p >= 0.5 for p in bias_p]
        k = sum(biased)
        k_narrator = sum(biased[i] for i in narrator)
        k_quote = sum(biased[i] for i in quote)
        out["bias"] = {
            "biased_sentences": k,
            "biased_share": _share(k, n),
            "narrator_biased_share": _share(k_narrator, len(narrator)),
            "quote_biased_share": _share(k_quote, len(quote)),
            "mean_bias_probability": round(sum(bias_p) / n, 6),
        }
    if n and frames[0]:
        labels = list(labels)
        counts = Counter(frames)
        # column sums added sentence after sentence (cumsum is sequential), as the loop there
        sums = frame_proba.cumsum(axis=0)[-1].tolist()
        mean = dict(zip(labels, sums))
        ranked = sorted((lab for lab in labels if lab != NO_FRAME and counts[lab]),
                        key=lambda lab: (-counts[lab], -mean[lab], lab))
        out["frames"] = {
            "distribution": {lab: _share(counts[lab], n) for lab in labels},
            "mean_probability": {lab: round(mean[lab] / n, 6) for lab in labels},
            "main_frame": ranked[0] if ranked else NO_FRAME,
            "narrator_distribution": _frame_shares([frames[i] for i in narrator], labels),
            "quote_distribution": _frame_shares([frames[i] for i in quote], labels),
        }
    return out


def _frame_shares(frames: list, labels) -> dict:
    counts = Counter(frames)
    return {lab: _share(counts[lab], len(frames)) for lab in labels}


def _distribution(group, labels) -> dict:
    counts = Counter(s.frame for s in group)
    return {lab: _share(counts[lab], len(group)) for lab in labels}


def summarize_outlets(analyses) -> dict:
    """Outlet -> aggregate over the sentence scores of all its articles (outlets sorted by name).

    `analyses`: ArticleAnalysis objects, or (outlet, sentence_scores) pairs.
    """
    pooled: dict[str, list] = {}
    articles: Counter = Counter()
    for a in analyses:
        if isinstance(a, tuple):
            outlet, scores = a
        else:
            outlet, scores = a.article.outlet, a.sentence_scores
        pooled.setdefault(outlet, []).extend(scores)
        articles[outlet] += 1
    return {outlet: {"articles": articles[outlet], **summarize_scores(pooled[outlet])}
            for outlet in sorted(pooled)}
