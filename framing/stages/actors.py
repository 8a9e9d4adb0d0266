"""Actors stage: who is named, in which words, who does what to whom, who started it, and in what tone.

run(doc, resources, previous) -> {
    "actor_mentions": (ActorMention, ...),      # every naming of an actor, with its role
    "agency": (AgencyEvent, ...),               # actions of violence, blame, cause ... and their roles
    "summary": {"actors": {
        "actors": {actor_id: {...}},            # per actor: name, kind, side, labels, agency counts, tone
        "initiator_frames": (InitiatorFrame, ...),
        "tone": (ToneRecord, ...),
        "counts": {...},                        # mentions by kind, events by construction, victims
    }},
}
Reads previous["findings"] (lexicon, for tone and flagged labels) and previous["attributions"] (to
tell reported speech from the narrator's voice in initiator framing). Never reads files: the
gazetteer comes from resources.gazetteer.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from operator import itemgetter

from ..actors.agency import find_agency, mention_roles
from ..actors.initiator import find_initiator_frames
from ..actors.mentions import find_mentions, with_roles
from ..actors.tone import tone_records


def _gazetteer(resources):
    gaz = getattr(resources, "gazetteer", None) if resources is not None else None
    if gaz is None:
        from ..gazetteer import load_gazetteer

        gaz = load_gazetteer()
    return gaz


def run(doc, resources, previous: dict) -> dict:
    gaz = _gazetteer(resources)
    previous = previous or {}
    mentions = find_mentions(doc, gaz)
    events, records, finder = find_agency(doc, gaz, mentions)
    mentions = with_roles(mentions, mention_roles(records, finder))
    frames = find_initiator_frames(doc, gaz, finder, records, previous.get("attributions", ()))
    tone = tone_records(doc, mentions, previous.get("findings", ()))
    return {
        "actor_mentions": mentions,
        "agency": events,
        "summary": {"actors": summarise(mentions, events, frames, tone)},
    }


def summarise(mentions, events, frames, tone) -> dict:
    """Per-actor aggregates of one article (sorted keys, so output is deterministic).

    Plain dicts count kinds and labels (a Counter per actor cost more than the counting): the
    most frequent kind is the first one reaching the highest count, as Counter.most_common gives.
    """
    per: dict[str, dict] = {}
    for m in mentions:
        a = per.get(m.actor_id)
        if a is None:
            a = per[m.actor_id] = {
                "name": m.actor_name, "kinds": {}, "affiliation": "", "mentions": 0, "labels": {},
                "agent": 0, "patient": 0, "patient_hidden_agent": 0, "initiator": 0, "responder": 0,
                "tone": 0.0, "tone_n": 0, "is_guess": True}
        kinds = a["kinds"]
        kinds[m.kind] = kinds.get(m.kind, 0) + 1
        if m.kind != "pronoun":
            a["mentions"] += 1
            labels = a["labels"]
            labels[m.label] = labels.get(m.label, 0) + 1
        a["affiliation"] = a["affiliation"] or m.affiliation
        a["is_guess"] = a["is_guess"] and m.is_guess
    for e in events:
        for aid in e.agent_actors:
            if aid in per:
                per[aid]["agent"] += 1
        for aid in e.patient_actors:
            if aid in per:
                per[aid]["patient"] += 1
                if e.agent_hidden:
                    per[aid]["patient_hidden_agent"] += 1
    for f in frames:
        if f.initiator_actor in per:
            per[f.initiator_actor]["initiator"] += 1
        if f.responder_actor in per:
            per[f.responder_actor]["responder"] += 1
    sums = defaultdict(float)
    for t in tone:
        if t.actor_id in per:
            sums[t.actor_id] += t.score
            per[t.actor_id]["tone_n"] += 1
    actors = {}
    for aid in sorted(per):
        a = per[aid]
        n = a["tone_n"]
        actors[aid] = {
            "name": a["name"], "kind": max(a["kinds"].items(), key=_count)[0] if a["kinds"] else "",
            "affiliation": a["affiliation"], "mentions": a["mentions"],
            "labels": dict(sorted(a["labels"].items(), key=lambda kv: (-kv[1], kv[0]))),
            "agent": a["agent"], "patient": a["patient"], "patient_hidden_agent": a["patient_hidden_agent"],
            "initiator": a["initiator"], "responder": a["responder"],
            "tone": round(sums[aid] / n, 4) if n else 0.0, "tone_n": n, "is_guess": a["is_guess"],
        }
    counts = {
        "mentions": len(mentions),
        "mentions_by_kind": dict(sorted(Counter(m.kind for m in mentions).items())),
        "events": len(events),
        "events_by_construction": dict(sorted(Counter(e.construction for e in events).items())),
        "agent_hidden": sum(1 for e in events if e.agent_hidden),
        "victims": dict(sorted(Counter(e.victims for e in events if e.patient is not None).items())),
        "initiator_frames": len(frames),
    }
    return {"actors": actors, "initiator_frames": tuple(frames), "tone": tuple(tone), "counts": counts}


_count = itemgetter(1)
