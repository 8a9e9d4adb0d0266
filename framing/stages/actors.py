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

from operator import itemgetter

from ..actors.agency import find_agency, mention_roles
from ..actors.initiator import find_initiator_frames
from ..actors.mentions import MentionFinder, with_roles
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
    mention_finder = MentionFinder(gaz)
    mentions = mention_finder.find(doc)
    # the mentions' token ranges go along: the agency finder need not find them again
    events, records, finder = find_agency(doc, gaz, mentions, mention_finder.token_ranges)
    del mention_finder
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
    Each actor's running figures sit in a short list (fixed slots, see _NAME ... _TONE_SUM below),
    and the article's counts by kind are taken in the same walk over the mentions.
    """
    per: dict[str, list] = {}
    by_kind: dict[str, int] = {}
    for m in mentions:
        kind = m.kind
        by_kind[kind] = by_kind.get(kind, 0) + 1
        a = per.get(m.actor_id)
        if a is None:
            # name, kinds, affiliation, mentions, labels, agent, patient, patient_hidden_agent,
            # initiator, responder, tone_n, is_guess, tone sum
            a = per[m.actor_id] = [m.actor_name, {}, "", 0, {}, 0, 0, 0, 0, 0, 0, True, 0.0]
        kinds = a[_KINDS]
        kinds[kind] = kinds.get(kind, 0) + 1
        if kind != "pronoun":
            a[_MENTIONS] += 1
            labels = a[_LABELS]
            labels[m.label] = labels.get(m.label, 0) + 1
        a[_AFF] = a[_AFF] or m.affiliation
        a[_GUESS] = a[_GUESS] and m.is_guess
    by_construction: dict[str, int] = {}
    victims: dict[str, int] = {}
    hidden = 0
    for e in events:
        by_construction[e.construction] = by_construction.get(e.construction, 0) + 1
        if e.agent_hidden:
            hidden += 1
        if e.patient is not None:
            victims[e.victims] = victims.get(e.victims, 0) + 1
        for aid in e.agent_actors:
            a = per.get(aid)
            if a is not None:
                a[_AGENT] += 1
        for aid in e.patient_actors:
            a = per.get(aid)
            if a is not None:
                a[_PATIENT] += 1
                if e.agent_hidden:
                    a[_HIDDEN] += 1
    for f in frames:
        a = per.get(f.initiator_actor)
        if a is not None:
            a[_INIT] += 1
        a = per.get(f.responder_actor)
        if a is not None:
            a[_RESP] += 1
    for t in tone:  # each actor's scores summed in text order, from 0.0
        a = per.get(t.actor_id)
        if a is not None:
            a[_TONE_SUM] += t.score
            a[_TONE_N] += 1
    actors = {}
    for aid in sorted(per):
        (name, kinds, aff, n_mentions, labels, agent, patient, hidden_agent, init, resp, n, guess,
         tone_sum) = per[aid]
        actors[aid] = {
            "name": name, "kind": max(kinds.items(), key=_count)[0] if kinds else "",
            "affiliation": aff, "mentions": n_mentions,
            "labels": dict(sorted(labels.items(), key=_label_order)),
            "agent": agent, "patient": patient, "patient_hidden_agent": hidden_agent,
            "initiator": init, "responder": resp,
            "tone": round(tone_sum / n, 4) if n else 0.0, "tone_n": n, "is_guess": guess,
        }
    counts = {
        "mentions": len(mentions),
        "mentions_by_kind": dict(sorted(by_kind.items())),
        "events": len(events),
        "events_by_construction": dict(sorted(by_construction.items())),
        "agent_hidden": hidden,
        "victims": dict(sorted(victims.items())),
        "initiator_frames": len(frames),
    }
    return {"actors": actors, "initiator_frames": tuple(frames), "tone": tuple(tone), "counts": counts}


# slots of an actor's running figures in summarise
(_NAME, _KINDS, _AFF, _MENTIONS, _LABELS, _AGENT, _PATIENT, _HIDDEN, _INIT, _RESP, _TONE_N,
 _GUESS, _TONE_SUM) = range(13)


def _label_order(kv):
    return (-kv[1], kv[0])


_count = itemgetter(1)
