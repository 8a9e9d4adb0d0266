"""Classify stage: score every sentence for biased wording and for its news frame.

Reads the lexicon stage's findings from `previous` (their counts by category and voice are model
features) and the loaded models from `resources.models`. Returns one `SentenceScore` per sentence and
a per-article summary: the share of biased sentences in the narrator's text and in quotes, and the
frame distribution. Never reads files: models are loaded once, by `framing.classify.load_models`.
"""
from __future__ import annotations

from ..classify.aggregate import summarize_scores
from ..classify.scoring import score_and_summarize_many


def run(doc, resources, previous: dict) -> dict:
    return run_many([doc], resources, [previous])[0]


def run_many(docs, resources, previous_of) -> list[dict]:
    """`run` of each doc (with its `previous`), their sentences scored together: the same
    outputs, for less CPU per article when a story's articles come together
    (framing.classify.scoring.score_and_summarize_many)."""
    docs = list(docs)
    models = getattr(resources, "models", None) if resources is not None else None
    if models is None:
        out = []
        for _ in docs:
            summary = summarize_scores(())
            summary.update(models={}, notes=["no models loaded"])
            out.append({"sentence_scores": (), "summary": {"classify": summary}})
        return out
    findings_of = [previous.get("findings", ()) or () for previous in previous_of]
    options = getattr(resources, "options", None) or {}
    # Explanations cost about half of the stage's time; a batch run that stores only the scores
    # can switch them off with Resources(options={"classify_explain": False}).
    scored = score_and_summarize_many(docs, findings_of, models,
                                      explain=bool(options.get("classify_explain", True)))
    lexicon = _loaded_lexicon(resources)
    out = []
    for scores, summary in scored:
        notes = list(models.notes)
        if lexicon is not None:
            notes.extend(models.lexicon_notes(lexicon))
        summary["models"] = models.describe()
        summary["notes"] = notes
        out.append({"sentence_scores": scores, "summary": {"classify": summary}})
    return out


def _loaded_lexicon(resources):
    """The lexicon the findings came from, if one is loaded (a stage must not fail without it)."""
    try:
        return resources.lexicon
    except (ImportError, AttributeError):
        return None
