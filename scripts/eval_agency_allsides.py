#!/usr/bin/env python
"""Measure the actors stage's agency events (who does what to whom, agentless passives) against
hand labels on real news.

Gold: data/labels/agency_allsides.json (see data/labels/GUIDELINES.md, "Agency"): 160
occurrences of words of lexicons/gazetteer/agency_terms.tsv (violence, blame, cause, coercion,
threat, casualty) in AllSides articles, drawn with a fixed seed (one per article; half violence,
half the other classes). For each, annotators said whether it names such an act here (`literal`,
`figurative`, `not_event`), how the sentence expresses it (`active`, `passive_with_agent`,
`passive_agentless`, `nominalisation`, `other`), and the doer and sufferer as written (`-` when
the sentence names none). Items hold the article id, the sentence's number and fingerprint and the
word's character offsets, never the text; the articles are read from
../shared/datasets/allsides/articles.jsonl.gz and cleaned as `framing batch` cleans them.

Predicted: the actors stage's AgencyEvent whose words hold the target word (all stages run).

Reported:
  found        of the acts (literal or figurative), the share the stage reports; of the words
               that name no act here, the share it reports anyway
  construction accuracy on the acts it found, and the confusion table
  hidden doer  "the wording names no doer" (agentless passives, nominalisations without a doer):
               precision / recall / F1 of agent_hidden against an agent labelled `-`
  agent, patient: right when the stage's span and the labelled one share their last word (the
               head), or one holds the other; over the acts where the label names one
--agreement adds the second annotator against the first on the items labelled twice.

    python scripts/eval_agency_allsides.py [--list] [--agreement] [--markdown FILE]

Skips cleanly (exit 0, a message) when ../shared is absent.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
LABELS = ROOT / "data" / "labels" / "agency_allsides.json"

import eval_alignment_allsides as ev  # noqa: E402  (corpus reading and fingerprints)

CONSTRUCTIONS = ("active", "passive_with_agent", "passive_agentless", "nominalisation", "other")


def load_items(path: Path = LABELS) -> list[dict]:
    return ev.load_labelled(path, "items")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'"))


def same_phrase(gold: str, found: str) -> bool:
    """The two phrases name the same doer or sufferer: one holds the other, or they share their
    last word (the head: "Afghan Taliban forces" / "the forces")."""
    g, f = _words(gold), _words(found)
    if not g or not f:
        return False
    gs, fs = " ".join(g), " ".join(f)
    return gs in fs or fs in gs or g[-1] == f[-1]


def event_at(analysis, start: int, end: int):
    for e in analysis.agency or ():
        if e.start <= start and end <= e.end:
            return e
    return None


def resolve_item(item: dict, analysis) -> bool:
    """Whether the item's word is still where the label says."""
    return ev.span_still_there(item, analysis, "word")


def score(items: list[dict], analyses: dict, gold_key: str = "gold") -> tuple[dict, list[str]]:
    c = Counter()
    confusion = Counter()
    listing = []
    for it in items:
        g = it.get(gold_key)
        if g is None:
            continue
        a = analyses[it["article"]]
        if not resolve_item(it, a):
            c["lost"] += 1
            continue
        e = event_at(a, it["start"], it["end"])
        is_act = g["sense"] in ("literal", "figurative")
        if not is_act:
            c["no_act"] += 1
            c["no_act_reported"] += e is not None
            if e is not None:
                listing.append(f"  false event  #{it['n']} {it['word']!r} ({e.construction})")
            continue
        c["acts"] += 1
        if e is None:
            listing.append(f"  missed       #{it['n']} {it['word']!r} ({g['construction']})")
            continue
        c["found"] += 1
        confusion[(g["construction"], e.construction)] += 1
        if g["construction"] != "other":
            c["constr_n"] += 1
            c["constr_ok"] += g["construction"] == e.construction
            if g["construction"] != e.construction:
                listing.append(f"  construction #{it['n']} {it['word']!r}: {g['construction']} / "
                               f"{e.construction}")
        hidden_gold = g["agent"] == "-"
        hidden_pred = e.agent_hidden or not e.agent_text
        c["hid_tp"] += hidden_gold and hidden_pred
        c["hid_fp"] += hidden_pred and not hidden_gold
        c["hid_fn"] += hidden_gold and not hidden_pred
        for role, text in (("agent", e.agent_text), ("patient", e.patient_text)):
            if g[role] != "-":
                c[f"{role}_n"] += 1
                ok = same_phrase(g[role], text)
                c[f"{role}_ok"] += ok
                if not ok:
                    listing.append(f"  {role:12s} #{it['n']} {it['word']!r}: {g[role]!r} / {text!r}")
    c["confusion"] = confusion
    return c, listing


def figures(c: dict) -> dict:
    d = ev._div
    hp, hr = d(c["hid_tp"], c["hid_tp"] + c["hid_fp"]), d(c["hid_tp"], c["hid_tp"] + c["hid_fn"])
    return {"acts": c["acts"], "found": d(c["found"], c["acts"]),
            "false_events": d(c["no_act_reported"], c["no_act"]), "no_act": c["no_act"],
            "construction": d(c["constr_ok"], c["constr_n"]), "construction_n": c["constr_n"],
            "hidden_p": hp, "hidden_r": hr, "hidden_f1": ev._f1(hp, hr),
            "agent": d(c["agent_ok"], c["agent_n"]), "agent_n": c["agent_n"],
            "patient": d(c["patient_ok"], c["patient_n"]), "patient_n": c["patient_n"],
            "lost": c["lost"]}


def agreement(items: list[dict]) -> list[str]:
    """The second annotator against the first on the items both labelled."""
    both = [it for it in items if it.get("second") and it.get("gold")]
    if not both:
        return []
    sense = sum(it["gold"]["sense"] == it["second"]["sense"] for it in both)
    acts = [it for it in both if it["gold"]["sense"] != "not_event" and it["second"]["sense"] != "not_event"]
    constr = sum(it["gold"]["construction"] == it["second"]["construction"] for it in acts)
    hidden = sum((it["gold"]["agent"] == "-") == (it["second"]["agent"] == "-") for it in acts)
    agent = [it for it in acts if it["gold"]["agent"] != "-" and it["second"]["agent"] != "-"]
    agent_ok = sum(same_phrase(it["gold"]["agent"], it["second"]["agent"]) for it in agent)
    patient = [it for it in acts if it["gold"]["patient"] != "-" and it["second"]["patient"] != "-"]
    patient_ok = sum(same_phrase(it["gold"]["patient"], it["second"]["patient"]) for it in patient)
    return [f"Agreement on the {len(both)} items labelled twice: sense {sense}/{len(both)}; on the "
            f"{len(acts)} both call an act: construction {constr}/{len(acts)}, doer named or not "
            f"{hidden}/{len(acts)}, same doer {agent_ok}/{len(agent)}, same sufferer "
            f"{patient_ok}/{len(patient)}."]


def main(argv=None) -> int:
    args = ev.label_args(__doc__, argv, "print every miss and disagreement")
    if ev.corpus_absent():
        return 0
    items = load_items()
    analyses = ev.analyse(ev.read_articles({it["article"] for it in items}), stages=True)
    c, listing = score(items, analyses)
    f = figures(c)
    if args.list:
        print("\n".join(listing))
    lines = [f"Agency against hand labels: {len(items)} words of the agency lexicon in AllSides "
             f"articles; {f['acts']} name an act here, {f['no_act']} do not; labels no longer "
             f"found: {f['lost']}", "",
             "| measure | figure |", "|---|---|",
             f"| acts the stage reports | {f['found']:.3f} of {f['acts']} |",
             f"| words naming no act that it reports anyway | {f['false_events']:.3f} of {f['no_act']} |",
             f"| construction right (acts found, label not `other`) | {f['construction']:.3f} of "
             f"{f['construction_n']} |",
             f"| hidden doer: P / R / F1 | {f['hidden_p']:.3f} / {f['hidden_r']:.3f} / "
             f"{f['hidden_f1']:.3f} |",
             f"| doer right, where the label names one | {f['agent']:.3f} of {f['agent_n']} |",
             f"| sufferer right, where the label names one | {f['patient']:.3f} of {f['patient_n']} |",
             "", "Construction, label (rows) against the stage (columns), acts found:", "",
             "| label \\ stage | " + " | ".join(CONSTRUCTIONS[:4]) + " |",
             "|---|" + "---:|" * 4]
    for g in CONSTRUCTIONS:
        lines.append(f"| {g} | " + " | ".join(str(c["confusion"][(g, p)]) for p in CONSTRUCTIONS[:4])
                     + " |")
    if args.agreement:
        lines += [""] + agreement(items)
    ev.emit(lines, args.markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
