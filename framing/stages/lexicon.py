"""Lexicon stage: loaded wording, labels, hedges, reporting verbs and scare quotes, with voice.

run(doc, resources, previous) -> {"findings": (Finding, ...), "summary": {"lexicon": {...}}}

Reads the lexicon from `resources.lexicon` (loaded once by framing.resources). Every finding says
whose words they are (narrator, quoted speaker, scare quote); the summary counts them per voice,
per category and per 100 words, with the indices of the findings behind every figure.
"""
from __future__ import annotations

from ..lexicon.build import findings_of, word_voices_quoted
from ..lexicon.context import Context
from ..lexicon.scores import doc_sentence_scores
from ..lexicon.summary import summarize, summarize_text

__all__ = ["run", "summarize_text"]


def run(doc, resources, previous: dict | None = None) -> dict:
    lexicon = resources.lexicon if hasattr(resources, "lexicon") else resources
    ctx = Context(doc, lexicon)
    findings = findings_of(doc, lexicon, ctx=ctx)
    voices, quoted = word_voices_quoted(doc, ctx)
    scores = doc_sentence_scores(doc, ctx.norms)
    return {"findings": findings,
            "summary": {"lexicon": summarize(doc, findings, voices, scores, lexicon, ctx.is_word,
                                             quoted_tokens=quoted)}}
