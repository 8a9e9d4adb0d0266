"""Actors across the outlets of one story: grouping, the naming matrix and per-outlet profiles.

Pure functions over a list of ArticleAnalysis (the actors stage filled `actor_mentions`, `agency`
and `summary["actors"]`), so the comparison code can call them without knowing the stage:

    table = group_actors(analyses, story.actor_overrides)
    matrix = naming_matrix(analyses, table)      # actor x outlet -> labels, counts, lexicon flags
    profiles = actor_profiles(analyses, table)   # actor x outlet -> agent/patient/hidden, initiator, tone

Within an article the stage already groups mentions by gazetteer entry, acronym, surname, title and
metonym. Across articles this module adds: unknown people by full name, by first and last name
(with or without a middle name or initial, or with a short form or another spelling of the first
name: "Jim" / "James", "Sergey" / "Sergei"), by a full name that ends another ("Counsel Robert
Mueller" / "Robert Mueller"), and by a surname that fits exactly one full name in the story;
acronyms defined in one outlet ("Inter-Services Public Relations (ISPR)") and used bare or long in
another; titles without a name ("the Iranian deputy foreign minister") to the one person in the
story with that title and side; unnamed groups by side and sector.
Every step that is not a gazetteer fact is recorded as a guess.

Manifest override (Story.actor_overrides, see docs/actors.md), applied in this order:
    split:  [label, ...]                  mentions with this label become an actor of their own
    assign: {label: actor}                mentions with this label move to that actor
    merge:  [[actor, actor, ...], ...]    the actors become one (the first one's id and name)
    rename: {actor: "display name"}
An `actor` reference is an actor id ("AFG", "ttp"), a display name ("Afghanistan") or any label used
for it ("Kabul"); ids, labels and names match case-insensitively.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from ..gazetteer import fold
from ..text.resources import given_name_forms
from ..model.actors import (
    Actor, ActorOutletProfile, ActorTable, LabelUse, NamingCell, NamingMatrix, SpanRef,
)

OVERRIDE_KEYS = ("merge", "split", "assign", "rename")


# ----------------------------------------------------------------------------- overrides
def parse_overrides(raw) -> dict:
    """Check and normalise a manifest's actor_overrides; raise ValueError saying what is wrong."""
    if not raw:
        return {"merge": [], "split": [], "assign": {}, "rename": {}}
    if not isinstance(raw, dict):
        raise ValueError("actor_overrides must be a mapping with keys merge, split, assign, rename")
    unknown = sorted(set(raw) - set(OVERRIDE_KEYS))
    if unknown:
        raise ValueError(f"actor_overrides: unknown key(s) {', '.join(unknown)}; "
                         f"expected {', '.join(OVERRIDE_KEYS)}")
    merge = raw.get("merge") or []
    if not isinstance(merge, list) or not all(isinstance(g, (list, tuple)) and len(g) >= 2 and
                                              all(isinstance(x, str) for x in g) for g in merge):
        raise ValueError("actor_overrides.merge must be a list of lists of two or more names")
    split = raw.get("split") or []
    if isinstance(split, str):
        split = [split]
    if not isinstance(split, list) or not all(isinstance(x, str) for x in split):
        raise ValueError("actor_overrides.split must be a list of labels")
    for key in ("assign", "rename"):
        v = raw.get(key) or {}
        if not isinstance(v, dict) or not all(isinstance(k, str) and isinstance(x, str) for k, x in v.items()):
            raise ValueError(f"actor_overrides.{key} must map names to names")
    return {"merge": [list(g) for g in merge], "split": list(split),
            "assign": dict(raw.get("assign") or {}), "rename": dict(raw.get("rename") or {})}


def _k(text: str) -> str:
    k = " ".join(fold(text).split())
    return k[4:] if k.startswith("the ") else k


def _outlet(analysis) -> str:
    return analysis.article.outlet or analysis.article.id


# ----------------------------------------------------------------------------- grouping
class _Groups:
    """Union-find over actor ids, with the reasons each union was made."""

    def __init__(self):
        self.parent: dict[str, str] = {}
        self.reasons: dict[str, set] = defaultdict(set)
        self.guesses: dict[str, set] = defaultdict(set)

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, keep, other, reason, guess=""):
        a, b = self.find(keep), self.find(other)
        if a == b:
            return
        self.parent[b] = a
        self.reasons[a] |= self.reasons.pop(b, set()) | {reason}
        self.guesses[a] |= self.guesses.pop(b, set())
        if guess:
            self.guesses[a].add(guess)


def group_actors(analyses, overrides=None) -> ActorTable:
    """Group the actor mentions of a story's articles into actors (see the module docstring)."""
    ov = parse_overrides(overrides)
    rows = []  # (article_id, outlet, mention)
    for an in analyses:
        for m in an.actor_mentions:
            rows.append((an.article.id, _outlet(an), m))
    g = _Groups()
    ids = sorted({m.actor_id for _, _, m in rows})
    for i in ids:
        g.find(i)
    names = {}
    for _, _, m in rows:
        names.setdefault(m.actor_id, m.actor_name)

    # unknown people: full names, then surnames that fit one full name in the story
    people = defaultdict(set)  # folded full name -> ids
    for _, _, m in rows:
        if m.kind == "person" and not m.actor_id.startswith("title:"):
            people[_k(m.actor_name)].add(m.actor_id)
    for key in sorted(people):
        group = sorted(people[key])
        for other in group[1:]:
            g.union(group[0], other, "same name")
    full = sorted(k for k in people if len(k.split()) > 1)
    # one person written two ways: with and without a middle name or initial ("Deborah K.
    # Chasanow" / "Deborah Chasanow"), or with a word before the name that is not part of it
    # ("Counsel Robert Mueller" / "Robert Mueller"): first and last word alike, or one full name
    # ending in the other (two words or more)
    by_ends = defaultdict(list)
    for key in full:
        words = key.split()
        by_ends[(words[0], words[-1])].append(key)
    for _, keys in sorted(by_ends.items()):
        for other in keys[1:]:
            g.union(sorted(people[keys[0]])[0], sorted(people[other])[0], "middle name",
                    f"{keys[0]!r} and {other!r} taken for one person")
    # one person whose first name is written in two forms: a short form ("Jim Comey" / "James
    # Comey") or another spelling of a name from another alphabet ("Sergey" / "Sergei Kislyak")
    forms = given_name_forms()
    by_name = defaultdict(list)
    for key in full:
        words = key.split()
        if words[0] in forms:
            by_name[(forms[words[0]], words[-1])].append(key)
    for _, keys in sorted(by_name.items()):
        for other in keys[1:]:
            if other.split()[0] != keys[0].split()[0]:
                g.union(sorted(people[keys[0]])[0], sorted(people[other])[0], "given name form",
                        f"{keys[0]!r} and {other!r} taken for one person")
    for key in full:
        for other in full:
            if other != key and key.endswith(" " + other):
                g.union(sorted(people[other])[0], sorted(people[key])[0], "name inside a longer one",
                        f"{key!r} taken for {other!r}")
    for key in sorted(k for k in people if len(k.split()) == 1):
        fits = [f for f in full if f.split()[-1] == key or f.split()[0] == key]
        target_ids = sorted({g.find(sorted(people[f])[0]) for f in fits})
        if len(target_ids) == 1:
            g.union(target_ids[0], sorted(people[key])[0], "surname", f"surname {key!r} taken for {fits[0]!r}")

    # acronyms defined in one article ("org:ISPR") and long forms used in another
    acr_long = {}
    for _, _, m in rows:
        if m.actor_id.startswith("org:") and m.actor_id[4:].isupper():
            acr_long[_k(m.actor_name)] = m.actor_id
    for _, _, m in rows:
        if m.actor_id.startswith("org:") and not m.actor_id[4:].isupper():
            target = acr_long.get(_k(m.actor_name))
            if target:
                g.union(target, m.actor_id, "acronym")

    # titles without a name: the one person in the story with that title and side
    titled = defaultdict(set)  # person actor -> set of title words
    side_of = {}
    for _, _, m in rows:
        if m.kind == "person" and m.title and not m.actor_id.startswith("title:"):
            titled[g.find(m.actor_id)].add(frozenset(_k(m.title).split()))
            side_of.setdefault(g.find(m.actor_id), m.affiliation)
    demonymish = set()
    for _, _, m in rows:
        if m.affiliation:
            demonymish.update(_k(m.affiliation).split())
    for aid in sorted(i for i in ids if i.startswith("title:")):
        _, side, title = aid.split(":", 2)
        words = {w for w in title.split() if w not in demonymish and not w.endswith(("ian", "ani", "ese", "ish"))}
        if not words:
            continue
        fits = sorted(p for p, ts in titled.items() if any(words <= t for t in ts)
                      and (side in ("?", "") or side_of.get(p) in ("", side)))
        if len(fits) == 1:
            g.union(fits[0], aid, "title", f"title {title!r} taken for {names.get(fits[0], fits[0])!r}")

    # grouping reasons for what the stage already grouped within articles
    for _, _, m in rows:
        root = g.find(m.actor_id)
        if m.entry_id:
            g.reasons[root].add("gazetteer")
        if m.kind == "metonym":
            g.reasons[root].add("metonym")
        if m.is_guess and m.guess_reason:
            g.guesses[root].add(m.guess_reason)

    assign = {}
    for art, _, m in rows:
        assign[(art, m.start, m.end)] = g.find(m.actor_id)
    display = {g.find(i): names.get(g.find(i), i) for i in ids}
    for i in ids:
        display.setdefault(g.find(i), names.get(i, i))
    applied = []
    manifest_ids = set()

    def resolve(ref):
        """Actor ids a reference names: an id, a display name or a label."""
        k = _k(ref)
        found = sorted({a for a in set(assign.values()) if a == ref or _k(a) == k or _k(display.get(a, a)) == k})
        if found:
            return found
        return sorted({assign[(art, m.start, m.end)] for art, _, m in rows if _k(m.label) == k})

    for label in ov["split"]:
        new = "label:" + _k(label)
        hit = [(art, m) for art, _, m in rows if _k(m.label) == _k(label)]
        if not hit:
            applied.append(f"split {label!r}: no mention uses this label")
            continue
        for art, m in hit:
            assign[(art, m.start, m.end)] = new
        display[new] = label
        manifest_ids.add(new)
        applied.append(f"split {label!r}: {len(hit)} mention(s) now actor {label!r}")
    for label, target in sorted(ov["assign"].items()):
        tids = resolve(target)
        hit = [(art, m) for art, _, m in rows if _k(m.label) == _k(label)]
        if len(tids) != 1 or not hit:
            applied.append(f"assign {label!r} -> {target!r}: "
                           + ("no mention uses this label" if not hit else f"{target!r} names {len(tids)} actors"))
            continue
        for art, m in hit:
            assign[(art, m.start, m.end)] = tids[0]
        manifest_ids.add(tids[0])
        applied.append(f"assign {label!r} -> {display.get(tids[0], tids[0])!r}: {len(hit)} mention(s)")
    for group in ov["merge"]:
        resolved = [resolve(r) for r in group]
        missing = [r for r, t in zip(group, resolved) if not t]
        if missing:
            applied.append(f"merge {group!r}: not found: {', '.join(map(repr, missing))}")
            continue
        keep = resolved[0][0]
        others = sorted({t for ts in resolved for t in ts} - {keep})
        for key, aid in list(assign.items()):
            if aid in others:
                assign[key] = keep
        manifest_ids.add(keep)
        applied.append(f"merge {group!r}: {len(others)} actor(s) merged into {display.get(keep, keep)!r}")
    for ref, name in sorted(ov["rename"].items()):
        tids = resolve(ref)
        if len(tids) != 1:
            applied.append(f"rename {ref!r}: names {len(tids)} actors")
            continue
        display[tids[0]] = name
        applied.append(f"rename {ref!r} -> {name!r}")

    # build the actors
    members = defaultdict(list)
    for art, outlet, m in rows:
        members[assign[(art, m.start, m.end)]].append((outlet, m))
    actors = []
    for aid in sorted(members):
        ms = members[aid]
        named = [m for _, m in ms if m.kind != "pronoun"]
        if not named:
            continue
        labels = _label_counts(named)
        kinds = Counter(m.kind for m in named)
        sides = Counter(m.affiliation for m in named if m.affiliation)
        roots = {m.actor_id for _, m in ms}
        reasons = set()
        guesses = set()
        for r in roots:
            reasons |= g.reasons.get(g.find(r), set())
            guesses |= g.guesses.get(g.find(r), set())
        if aid in manifest_ids:
            reasons.add("manifest")
        actors.append(Actor(
            actor_id=aid, name=display.get(aid, aid), kind=kinds.most_common(1)[0][0],
            side=sides.most_common(1)[0][0] if sides else "", labels=labels,
            outlets=tuple(sorted({o for o, m in ms if m.kind != "pronoun"})), mentions=len(named),
            grouped_by=tuple(sorted(reasons)), is_guess=bool(guesses) and aid not in manifest_ids,
            guess_reasons=tuple(sorted(guesses))[:12], member_ids=tuple(sorted(roots))))
    actors.sort(key=lambda a: (-a.mentions, a.actor_id))
    return ActorTable(actors=tuple(actors), assignment=tuple(sorted(assign.items())),
                      overrides_applied=tuple(applied))


def _label_counts(mentions) -> tuple:
    """(label, count) with labels that differ only in case or quote style counted together."""
    counts = Counter()
    shown = {}
    for m in mentions:
        k = _k(m.label)
        counts[k] += 1
        shown.setdefault(k, m.label)
    return tuple((shown[k], n) for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


# ----------------------------------------------------------------------------- naming matrix
def _finding_span(f):
    s, e = getattr(f, "start", None), getattr(f, "end", None)
    if s is None and getattr(f, "span", None) is not None:
        s, e = f.span.start, f.span.end
    return s, e


def naming_matrix(analyses, table: ActorTable | None = None, overrides=None,
                  include_generic: bool = True) -> NamingMatrix:
    """Actor x outlet -> the labels used, how often, and which the lexicon flags.

    A label is flagged when a lexicon finding (analysis.findings) that is a flag overlaps one of its
    mentions; the finding categories and terms are listed. An information-only finding (Finding.flag
    False: "government", "White House", "spokesman" as neutral labels) marks nothing: a flag beside
    every neutral name told a reader that the lexicon objected to it. Pronouns are not labels. With
    include_generic False, unnamed groups ("generic:*") are left out.
    """
    table = table or group_actors(analyses, overrides)
    assign = dict(table.assignment)
    outlets = []
    for an in analyses:
        if _outlet(an) not in outlets:
            outlets.append(_outlet(an))
    uses = defaultdict(lambda: defaultdict(list))  # (actor, outlet) -> label key -> [(art, m, findings)]
    for an in analyses:
        fl = [(s, e, f) for f in (an.findings or ()) if getattr(f, "flag", True)
              for s, e in [_finding_span(f)] if s is not None]
        for m in an.actor_mentions:
            if m.kind == "pronoun":
                continue
            aid = assign.get((an.article.id, m.start, m.end), m.actor_id)
            if not include_generic and aid.startswith("generic:"):
                continue
            hits = [f for s, e, f in fl if s < m.end and m.start < e]
            uses[(aid, _outlet(an))][_k(m.label)].append((an.article.id, m, hits))
    rows = [a.actor_id for a in table.actors if any((a.actor_id, o) in uses for o in outlets)]
    cells = []
    for aid in rows:
        for o in outlets:
            labels = []
            for key, items in sorted(uses.get((aid, o), {}).items(), key=lambda kv: (-len(kv[1]), kv[0])):
                cats = sorted({str(getattr(f, "category", "")) for _, _, hs in items for f in hs} - {""})
                terms = sorted({str(getattr(f, "term", "") or getattr(f, "text", "")) for _, _, hs in items
                                for f in hs} - {""})
                labels.append(LabelUse(
                    label=items[0][1].label, count=len(items), flagged=any(hs for _, _, hs in items),
                    categories=tuple(cats), flagged_terms=tuple(terms),
                    spans=tuple(SpanRef(art, m.start, m.end) for art, m, _ in items),
                    is_guess=any(m.is_guess for _, m, _ in items)))
            if labels:
                cells.append(NamingCell(aid, o, tuple(labels)))
    names = {a.actor_id: a.name for a in table.actors}
    return NamingMatrix(actors=tuple(rows), actor_names=tuple(names[a] for a in rows),
                        outlets=tuple(outlets), cells=tuple(cells))


# ----------------------------------------------------------------------------- profiles
def actor_profiles(analyses, table: ActorTable | None = None, overrides=None) -> tuple[ActorOutletProfile, ...]:
    """Per actor per outlet: mentions, agent / patient / hidden-agent counts, initiator and responder
    casts, and mean tone, each with the spans it was counted from."""
    table = table or group_actors(analyses, overrides)
    assign = dict(table.assignment)
    member_to_actor = {}
    for a in table.actors:
        for mid in a.member_ids:
            member_to_actor.setdefault(mid, a.actor_id)
    acc = defaultdict(lambda: defaultdict(list))
    for an in analyses:
        o = _outlet(an)
        art = an.article.id
        ms = sorted(an.actor_mentions, key=lambda m: m.start)

        def actors_in(span, fallback_ids=()):
            if span is None:
                return []
            found = []
            for m in ms:
                if m.start >= span.start and m.end <= span.end:
                    aid = assign.get((art, m.start, m.end), m.actor_id)
                    if aid not in found:
                        found.append(aid)
            if not found:
                for fid in fallback_ids:
                    if fid:
                        found.append(member_to_actor.get(fid, fid))
            return found

        for m in ms:
            if m.kind != "pronoun":
                acc[(assign.get((art, m.start, m.end), m.actor_id), o)]["mentions"].append(SpanRef(art, m.start, m.end))
        for e in an.agency:
            ref = SpanRef(art, e.start, e.end)
            for aid in actors_in(e.agent, e.agent_actors):
                acc[(aid, o)]["agent"].append(ref)
            for aid in actors_in(e.patient, e.patient_actors):
                acc[(aid, o)]["patient"].append(ref)
                if e.agent_hidden:
                    acc[(aid, o)]["hidden"].append(ref)
        summ = (an.summary or {}).get("actors", {})
        for f in summ.get("initiator_frames", ()):
            ref = SpanRef(art, f.start, f.end)
            for aid in actors_in(f.initiator, (f.initiator_actor,)):
                acc[(aid, o)]["initiator"].append(ref)
            for aid in actors_in(f.responder, (f.responder_actor,)):
                acc[(aid, o)]["responder"].append(ref)
        for t in summ.get("tone", ()):
            aid = assign.get((art, t.mention.start, t.mention.end), t.actor_id)
            acc[(aid, o)]["tone"].append((t.score, SpanRef(art, t.clause.start, t.clause.end), t))
    out = []
    order = {a.actor_id: i for i, a in enumerate(table.actors)}
    for (aid, o) in sorted(acc, key=lambda k: (order.get(k[0], len(order)), k[0], k[1])):
        d = acc[(aid, o)]
        tones = d["tone"]
        neg = sorted({term for _, _, t in tones for term, p in zip(t.finding_terms, t.finding_polarities) if p < 0})
        pos = sorted({term for _, _, t in tones for term, p in zip(t.finding_terms, t.finding_polarities) if p > 0})
        clauses = []
        for _, ref, _ in tones:
            if ref not in clauses:
                clauses.append(ref)
        out.append(ActorOutletProfile(
            actor_id=aid, outlet=o, mentions=len(d["mentions"]), agent=len(d["agent"]),
            patient=len(d["patient"]), patient_hidden_agent=len(d["hidden"]),
            initiator=len(d["initiator"]), responder=len(d["responder"]),
            tone=round(sum(s for s, _, _ in tones) / len(tones), 4) if tones else 0.0, tone_n=len(tones),
            agent_spans=tuple(d["agent"]), patient_spans=tuple(d["patient"]), hidden_spans=tuple(d["hidden"]),
            initiator_spans=tuple(d["initiator"]), responder_spans=tuple(d["responder"]),
            tone_spans=tuple(clauses), negative_terms=tuple(neg), positive_terms=tuple(pos)))
    return tuple(out)
