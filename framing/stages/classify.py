"""Classify stage: score every sentence for biased wording and for its news frame.

Reads the lexicon stage's findings from `previous` (their counts by category and voice are model
features) and the loaded models from `resources.models`. Returns one `SentenceScore` per sentence and
a per-article summary: the share of biased sentences in the narrator's text and in quotes, and the
frame distribution. Never reads files: models are loaded once, by `framing.classify.load_models`.
"""
from __future__ import annotations

from ..classify.aggregate import summarize_scores
from ..classify.scoring import score_and_summarize


def run(doc, resources, previous: dict) -> dict:
    models = getattr(resources, "models", None) if resources is not None else None
    if models is None:
        summary = summarize_scores(())
        summary.update(models={}, notes=["no models loaded"])
        return {"sentence_scores": (), "summary": {"classify": summary}}
    findings = previous.get("findings", ()) or ()
    options = getattr(resources, "options", None) or {}
    # Explanations cost about half of the stage's time; a batch run that stores only the scores
    # can switch them off with Resources(options={"classify_explain": False}).
    scores, summary = score_and_summarize(doc, findings, models,
                                          explain=bool(options.get("classify_explain", True)))
    notes = list(models.notes)
    lexicon = _loaded_lexicon(resources)
    if lexicon is not None:
        notes.extend(models.lexicon_notes(lexicon))
    summary["models"] = models.describe()
    summary["notes"] = notes
    return {"sentence_scores": scores, "summary": {"classify": summary}}


def _loaded_lexicon(resources):
    """The lexicon the findings came from, if one is loaded (a stage must not fail without it)."""
    try:
        return resources.lexicon
    except (ImportError, AttributeError):
        return None
