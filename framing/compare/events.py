"""Which event a date or a figure is about, from the words around it (no parser needed).

Events are nouns or verbs listed in data/compare/events.tsv ("ceasefire", "clashes", "talks",
"met"). A date is linked through the verb that governs it, the nearest verb before it in its clause
(or after it, for a fronted date: "On Monday, talks began"):

- an event verb ("offered on Wednesday", "met on Monday") dates that event ("verb");
- a phase verb ("began", "signed", "was reached", "erupted": data/compare/phases.tsv) dates the
  event named between the verb and the date ("signed a ceasefire on ...": "object") and the event
  that is its subject ("clashes erupted on ...": "subject");
- a reporting verb ("said on Sunday") dates the statement, not what was said: no event;
- otherwise, or with no verb, the nearest event word within a few tokens ("noun").
An event word written right after the date ("the October 19 ceasefire") always wins.

"the second round of talks" carries the ordinal 2, so rounds are told apart.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ..model import Doc
from .data import events, ordinals, phases, reporting_verbs
from .tokens import columns

AUXILIARIES = {"be", "have", "do", "will", "would", "can", "could", "may", "might", "shall",
               "should", "must", "'ll", "'d", "get"}
NOUN_WINDOW = 6  # tokens between a date and an event word linked by proximity alone
SUBJECT_WINDOW = 20  # tokens between a phase verb and its subject event word
VERB_AFTER_WINDOW = 8  # a fronted date looks this far ahead for its verb


@dataclass(frozen=True)
class EventHit:
    tok_start: int
    tok_end: int
    event: str
    repeatable: bool
    ordinal: int
    verb: bool  # written as a verb ("met") rather than a noun ("meeting")


@dataclass(frozen=True)
class EventLink:
    hit: EventHit | None
    link: str  # "verb" | "object" | "subject" | "noun" | "adjacent"
    phase: str
    confidence: str  # "high" | "medium" | "low"


def _ordinal(doc: Doc, k: int, lo: int) -> int:
    """The ordinal before an event word: "the second round of peace talks" -> 2."""
    table = ordinals()
    found = []
    for j in range(k - 1, max(lo, k - 6) - 1, -1):
        norm = doc.tokens[j].norm
        if norm in table:
            found.append(table[norm])
        elif norm[:-2].isdigit() and norm[-2:] in ("st", "nd", "rd", "th"):
            found.append(int(norm[:-2]))
        elif doc.tokens[j].pos in (",", ".", ":") or doc.tokens[j].pos.startswith("VB"):
            break
    return found[0] if len(found) == 1 else 0


@lru_cache(maxsize=1)
def _lengths_by_first() -> dict[str, tuple[int, ...]]:
    """First word of an event phrase -> the lengths (in tokens) of the phrases it starts, longest
    first."""
    found: dict[str, set[int]] = {}
    for key in events():
        found.setdefault(key[0], set()).add(len(key))
    return {word: tuple(sorted(n, reverse=True)) for word, n in found.items()}


def find_events(doc: Doc, lo: int, hi: int) -> list[EventHit]:
    """Event words among tokens[lo:hi]."""
    table = events()
    lengths = _lengths_by_first()
    toks = doc.tokens
    out = []
    i = lo
    while i < hi:
        hit = None
        by_lemma = lengths.get(toks[i].lemma.lower())
        by_norm = lengths.get(toks[i].norm)
        if by_lemma is None and by_norm is None:
            i += 1
            continue
        # only the lengths of phrases that start with this word, longest first: any other
        # length finds no phrase
        if by_lemma is None or by_norm is None or by_lemma == by_norm:
            tried = by_lemma or by_norm
        else:
            tried = sorted(set(by_lemma).union(by_norm), reverse=True)
        for n in tried:
            if n > hi - i:
                continue
            key = tuple(t.lemma.lower() for t in toks[i:i + n])
            entry = table.get(key) or (table.get(tuple(t.norm for t in toks[i:i + n])) if n > 1 else None)
            if entry is None:
                continue
            pos = toks[i + n - 1].pos
            is_verb = pos.startswith("VB")
            is_noun = pos.startswith("NN") or (n > 1)
            if (entry.pos == "n" and not is_noun) or (entry.pos == "v" and not is_verb):
                continue
            if entry.pos == "*" and not (is_noun or is_verb):
                continue
            hit = EventHit(i, i + n, entry.event, entry.repeatable, _ordinal(doc, i, lo), is_verb)
            break
        if hit:
            out.append(hit)
            i = hit.tok_end
        else:
            i += 1
    return out


def governing_verb(doc: Doc, a: int, b: int, clause: tuple[int, int]) -> int | None:
    """The verb that governs the date (or figure) at tokens [a, b) in its clause: the nearest
    content verb before it, else one just after a fronted date ("On Monday, Kerry said"); None."""
    lo, hi = clause
    verbs = content_verbs(doc)
    k = bisect_left(verbs, a) - 1  # the last content verb before a
    if k >= 0 and verbs[k] >= lo:
        return verbs[k]
    k = bisect_left(verbs, b)  # the first at b or after
    return verbs[k] if k < len(verbs) and verbs[k] < min(hi, b + VERB_AFTER_WINDOW) else None


def content_verbs(doc: Doc) -> list[int]:
    """The positions of the Doc's content verbs (a verb tag, not an auxiliary), ascending: found
    once per article and comparison (kept with its token columns), where walking back from every
    date and figure to its verb asked token after token again."""
    cols = columns(doc)
    if cols.content_verbs is None:
        toks = doc.tokens
        cols.content_verbs = [k for k, pos in enumerate(cols.pos) if pos.startswith("VB") and
                              toks[k].lemma.lower() not in AUXILIARIES]
    return cols.content_verbs


def link_span(doc: Doc, a: int, b: int, clause: tuple[int, int], hits: list[EventHit]) -> list[EventLink]:
    """The events that the date (or figure) at tokens [a, b) refers to, best first."""
    lo, hi = clause
    in_clause = [h for h in hits if lo <= h.tok_start and h.tok_end <= hi and not (a <= h.tok_start < b)]
    # An event word right after the date: "the October 19 ceasefire", "Tuesday's meeting".
    k = b + (1 if b < hi and doc.tokens[b].norm in ("'s",) else 0)
    for h in in_clause:
        if h.tok_start == k and not h.verb:
            return [EventLink(h, "adjacent", "", "high")]
    gov = governing_verb(doc, a, b, clause)
    links: list[EventLink] = []
    if gov is not None:
        lemma = doc.tokens[gov].lemma.lower()
        verb_hit = next((h for h in in_clause if h.verb and h.tok_start <= gov < h.tok_end), None)
        phase = phases().get(lemma, "")
        if verb_hit is not None and not phase:
            return [EventLink(verb_hit, "verb", "", "high")]
        if phase:
            between = [h for h in in_clause
                       if not h.verb and (gov < h.tok_start < a if gov < a else b <= h.tok_start < gov)]
            before = [h for h in in_clause if not h.verb and h.tok_end <= gov and gov - h.tok_end < SUBJECT_WINDOW
                      and not (gov > b and h.tok_start >= b)]
            if between:
                links.append(EventLink(between[0], "object", phase, "high"))
            if before:
                subj = before[-1]
                # "the second round of negotiations began": the subject head is the event word
                links.append(EventLink(subj, "subject", phase, "medium" if links else "high"))
            if links:
                return links
            if lemma in reporting_verbs():
                return []
        elif lemma in reporting_verbs():
            return []
    # Proximity: the nearest event noun within NOUN_WINDOW tokens, before the date preferred.
    best = None
    for h in in_clause:
        if h.verb:
            continue
        dist = a - h.tok_end if h.tok_end <= a else h.tok_start - b
        if dist < 0 or dist > NOUN_WINDOW:
            continue
        key = (dist + (0 if h.tok_end <= a else 0.5), h.tok_start)
        if best is None or key < best[0]:
            best = (key, h)
    if best is not None:
        dist = best[0][0]
        return [EventLink(best[1], "noun", "", "high" if dist <= 1 else "medium")]
    return links
