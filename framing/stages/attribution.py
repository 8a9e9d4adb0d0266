"""Attribution stage: who speaks in the article, through which cue, and how much.

run(doc, resources, previous) -> {"attributions": (Attribution, ...), "summary": {"attribution": {...}}}

The summary holds the per-article aggregate (framing.model.attribution.aggregate: voice share by
speaker and by side, share of direct quotes, cue classes by side), the first quote of each side,
the merged speakers, the scare quotes (short quoted words nobody is credited with) and the longer
quotations left unattributed. Lexicon findings in previous["findings"] that mark a quotation the
attribution rules credit to a speaker are listed under "not_scare_quotes" so the report can drop them.
"""
from __future__ import annotations

from ..attribution import attributions_of
from ..model.attribution import aggregate, first_quote_by_side
from ..model.core import SpanCover


def _resource(resources, name: str):
    """A resource, or None when it is missing or fails to load (the stage degrades, never fails)."""
    if resources is None:
        return None
    try:
        return getattr(resources, name)
    except Exception:  # e.g. the lexicon package is not installed yet
        return None


def _scare_findings(findings) -> list:
    out = []
    for f in findings or ():
        cat = str(getattr(f, "category", "")).lower()
        if "scare" in cat:
            out.append(f)
    return out


def run(doc, resources, previous: dict) -> dict:
    lexicon = _resource(resources, "lexicon")
    gazetteer = _resource(resources, "gazetteer")
    attributions, quotes = attributions_of(doc, lexicon=lexicon, gazetteer=gazetteer)
    # a scare-quote finding inside a direct quotation's content is a quotation, not a scare quote
    direct = SpanCover((c.start, c.end) for a in attributions if a.kind == "direct" for c in a.content)
    not_scare = []
    for f in _scare_findings((previous or {}).get("findings", ())):
        start, end = getattr(f, "start", None), getattr(f, "end", None)
        if start is None:
            continue
        if direct.covers(start, end):
            not_scare.append({"start": start, "end": end})
    speakers = {}
    for a in attributions:
        if a.speaker_id >= 0 and a.speaker_id not in speakers:
            speakers[a.speaker_id] = {"id": a.speaker_id, "speaker": a.speaker, "role": a.role,
                                      "title": a.title, "affiliation": a.affiliation,
                                      "anonymous": a.anonymous, "mentions": []}
        if a.speaker_id >= 0 and a.source is not None:
            speakers[a.speaker_id]["mentions"].append(a.source_text)
    summary = aggregate(attributions, unattributed_claims=len(quotes["unattributed_quotes"]))
    summary.update({
        "first_quote_by_side": first_quote_by_side(attributions, len(doc.text)),
        "speakers": [speakers[k] for k in sorted(speakers)],
        "scare_quotes": quotes["scare_quotes"],
        "unattributed_quotes": quotes["unattributed_quotes"],
        "not_scare_quotes": not_scare,
    })
    return {"attributions": attributions, "summary": {"attribution": summary}}
