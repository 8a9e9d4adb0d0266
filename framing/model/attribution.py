"""Attributions: who is given a voice in an article, through which cue, and saying what.

One `Attribution` per reported statement, thought or stance: the source as written ("he", "officials",
"Defence Minister Khawaja Asif"), the speaker it resolves to, the cue ("said", "claimed",
"according to") with the lexicon's connotation class, and the content (one or more spans: a quote
split by its cue has two). Every part carries offsets into `Article.text`.

`aggregate(attributions)` is a plain function over any iterable of attributions (one article, or all
the articles of one outlet) so the comparison stage can line outlets up by voice share.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

from .core import Span

KINDS = ("direct", "indirect", "partial")
CUE_CLASSES = ("neutral", "endorsing", "distancing", "adversarial")
ROLES = (
    "government", "military", "diplomat", "security", "expert", "civilian", "media", "political",
    "legal", "activist", "organisation", "religious", "militant", "international", "anonymous",
    "unknown",
)


@dataclass(frozen=True)
class Attribution:
    """One attribution relation: source -> cue -> content.

    source: the words that name the speaker here, as written ("he", "who", "Pakistani officials");
      None when the text gives no source ("it is believed that ..." is not extracted; a quote whose
      speaker cannot be found keeps source None and speaker "").
    speaker: the normalised speaker ("Khawaja Asif", "Foreign Office", "officials"); pronouns and
      short forms are resolved to the fullest name used for the same speaker in the article.
    speaker_id: speakers merged within the article share this number (0, 1, 2 ... in order of first
      mention); -1 when there is no speaker.
    speaker_span: the mention the speaker was resolved to (the antecedent of a pronoun), or None.
    role: government, military, diplomat, expert, civilian, anonymous, ... or "unknown".
    title: the title or description the text gives the speaker ("Defence Minister"), else "".
    affiliation: the side the speaker belongs to when known ("Pakistan"), else "".
    cue: the cue words; cue_lemma their lemma ("say", "according to"); cue_class the lexicon's
      class for it (neutral, endorsing, distancing, adversarial; neutral when the lexicon has none).
    cue_type: speech, writing, thought, intent, evaluation, evidence, according_to; "other" for a
      cue found by the learned detector whose lemma the cue data does not know ("criticism of").
    content: the content pieces in text order (a quote split by "he said" has two).
    kind: direct (the content is a quotation), partial (a paraphrase holding quoted words) or
      indirect (a paraphrase).
    sentence: index of the sentence holding the cue.
    party: the US party the speaker speaks for when the article or the gazetteer says
      ("Democratic", "Republican", "independent"), else "" (framing.attribution.parties).
    """

    source: Span | None
    source_text: str
    speaker: str
    speaker_id: int
    speaker_span: Span | None
    role: str
    title: str
    affiliation: str
    anonymous: bool
    cue: Span
    cue_text: str
    cue_lemma: str
    cue_class: str
    cue_type: str
    content: tuple[Span, ...]
    content_text: str
    content_words: int
    kind: str
    sentence: int
    party: str = ""

    @property
    def start(self) -> int:
        """First character of the attribution (source, cue or content, whichever comes first)."""
        starts = [self.cue.start] + [c.start for c in self.content]
        if self.source is not None:
            starts.append(self.source.start)
        return min(starts)

    @property
    def end(self) -> int:
        ends = [self.cue.end] + [c.end for c in self.content]
        if self.source is not None:
            ends.append(self.source.end)
        return max(ends)

    @property
    def speaker_key(self) -> str:
        """The label used when counting voices: the speaker, or "(unattributed)"."""
        return self.speaker or "(unattributed)"

    @property
    def side(self) -> str:
        """The affiliation used when counting sides: the affiliation, or "(unknown)"."""
        return self.affiliation or "(unknown)"


def _share(counter: Counter, total: int) -> dict:
    return {k: round(v / total, 4) if total else 0.0 for k, v in sorted(counter.items())}


def aggregate(attributions: Iterable[Attribution], unattributed_claims: int = 0) -> dict:
    """Voice share and cue classes over any set of attributions (an article or a whole outlet).

    Returns plain JSON-friendly dicts, keys sorted:
      attributions, direct_share, kinds, by_speaker {speaker: {count, words, share, word_share,
      direct, role, affiliation}}, by_affiliation {side: {count, words, share, word_share, direct,
      cue_classes {class: n}}}, by_party {party or "(none)": {count, words, share, word_share,
      direct}}, by_role {role: count}, cue_classes {class: n}, anonymous_share,
      unattributed (attributions with no speaker + `unattributed_claims` passed in by the caller,
      e.g. scare quotes or claims the lexicon stage found without a source).
    """
    items = list(attributions)
    n = len(items)
    words_total = sum(a.content_words for a in items)
    speakers: dict[str, dict] = {}
    sides: dict[str, dict] = {}
    parties: dict[str, dict] = {}
    roles: Counter = Counter()
    classes: Counter = Counter()
    kinds: Counter = Counter()
    for a in items:
        kinds[a.kind] += 1
        classes[a.cue_class] += 1
        roles[a.role] += 1
        sp = speakers.setdefault(a.speaker_key, {
            "count": 0, "words": 0, "direct": 0, "role": a.role, "affiliation": a.affiliation})
        sp["count"] += 1
        sp["words"] += a.content_words
        sp["direct"] += a.kind == "direct"
        if not sp["affiliation"] and a.affiliation:
            sp["affiliation"] = a.affiliation
        if sp["role"] == "unknown" and a.role != "unknown":
            sp["role"] = a.role
        sd = sides.setdefault(a.side, {"count": 0, "words": 0, "direct": 0, "cue_classes": Counter(),
                                       "speakers": set()})
        sd["count"] += 1
        sd["words"] += a.content_words
        sd["direct"] += a.kind == "direct"
        sd["cue_classes"][a.cue_class] += 1
        sd["speakers"].add(a.speaker_key)
        pt = parties.setdefault(a.party or "(none)", {"count": 0, "words": 0, "direct": 0})
        pt["count"] += 1
        pt["words"] += a.content_words
        pt["direct"] += a.kind == "direct"
    for d in list(speakers.values()) + list(sides.values()) + list(parties.values()):
        d["share"] = round(d["count"] / n, 4) if n else 0.0
        d["word_share"] = round(d["words"] / words_total, 4) if words_total else 0.0
    for d in sides.values():
        d["cue_classes"] = dict(sorted(d["cue_classes"].items()))
        d["speakers"] = sorted(d["speakers"])
    unattributed = sum(1 for a in items if not a.speaker) + unattributed_claims
    return {
        "attributions": n,
        "words": words_total,
        "direct_share": round(kinds["direct"] / n, 4) if n else 0.0,
        "kinds": {k: kinds.get(k, 0) for k in KINDS},
        "anonymous_share": round(sum(a.anonymous for a in items) / n, 4) if n else 0.0,
        "by_speaker": {k: speakers[k] for k in sorted(speakers)},
        "by_affiliation": {k: sides[k] for k in sorted(sides)},
        "by_party": {k: parties[k] for k in sorted(parties)},
        "by_role": dict(sorted(roles.items())),
        "cue_classes": dict(sorted(classes.items())),
        "cue_class_share": _share(classes, n),
        "unattributed": unattributed,
    }


def first_quote_by_side(attributions: Iterable[Attribution], text_length: int = 0) -> dict:
    """Where each side first gets a voice: sentence index, offset, and (given the article's length)
    the relative position 0..1. Sides are affiliations, "(unknown)" when the speaker has none."""
    first: dict[str, Attribution] = {}
    for a in sorted(attributions, key=lambda x: (x.start, x.end)):
        first.setdefault(a.side, a)
    out = {}
    for side in sorted(first):
        a = first[side]
        out[side] = {
            "sentence": a.sentence, "start": a.start, "speaker": a.speaker_key, "kind": a.kind,
            "position": round(a.start / text_length, 4) if text_length else None,
        }
    return out


def aggregate_outlets(by_outlet: dict[str, Iterable[Attribution]]) -> dict:
    """`aggregate` for each outlet, keys sorted: {outlet: aggregate(...)}."""
    return {outlet: aggregate(by_outlet[outlet]) for outlet in sorted(by_outlet)}


def merge_counts(dicts: Iterable[dict]) -> dict:
    """Add up {key: int} dicts (used when summing per-article cue-class counts)."""
    total: defaultdict[str, int] = defaultdict(int)
    for d in dicts:
        for k, v in d.items():
            total[k] += v
    return dict(sorted(total.items()))
