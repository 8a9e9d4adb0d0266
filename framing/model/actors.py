"""Actors: who is named in an article, how, and who is written as doing what to whom.

Annotations of one article (offsets into `Article.text`):
- `ActorMention`: one naming of an actor ("the Afghan Taliban regime", "Kabul", "23 Pakistani
  soldiers", "Defence Minister Khawaja Asif"), the actor it is grouped into, and the role it plays in
  an action of violence, blame or cause (agent / patient / none).
- `AgencyEvent`: one such action (a verb or a nominalisation), its grammatical agent (or None when the
  wording hides it: "23 soldiers were killed", "the killing of ...") and its patient.
- `InitiatorFrame`: a cue that casts someone as having started a fight or as answering it
  ("unprovoked attack", "in retaliation for", "instigated by").
- `ToneRecord`: the sentiment and flagged wording of the clause around one mention.

Story level (built by framing.actors.grouping from many articles): `Actor`, `ActorTable`,
`LabelUse`, `NamingCell`, `ActorOutletProfile`. Spans there carry the article id too (`SpanRef`).
"""
from __future__ import annotations

from dataclasses import dataclass

from .core import Span
from .fastmake import record

MENTION_KINDS = (
    "person", "government", "metonym", "country", "demonym", "organisation", "armed_group",
    "generic_group", "pronoun",
)
ROLES = ("agent", "patient", "none")
CONSTRUCTIONS = ("active", "passive_agentless", "passive_with_agent", "nominalisation")
VICTIM_NAMING = ("named", "counted", "generic", "none")
VOICES = ("narrator", "quoted", "attributed")


@record
class ActorMention:
    """One naming of an actor.

    text: the words as written (`article.text[start:end]`).
    label: the naming used, without determiners and numbers ("Afghan Taliban regime",
      "Pakistani soldiers"): what the naming matrix counts.
    actor_id: the actor it is grouped into within the article ("AFG", "ttp", "person:mohsin naqvi",
      "PAK:military", "generic:armed_nonstate"); actor_name its display name.
    kind: person | government | metonym | country | demonym | organisation | armed_group |
      generic_group | pronoun. entity_kind: the gazetteer's finer kind when known.
    sector: for groups, what kind of group (government, military, armed_nonstate, civilian ...).
    affiliation: the side it belongs to ("Pakistan"), "" when unknown.
    title: a person's title as written ("Defence Minister"), "".
    role: agent | patient | none in the article's actions of violence, blame and cause.
    number: the count given for a counted group ("23", "more than 200", "dozens"), "".
    is_guess / guess_reason: the grouping rests on a guess (ambiguous name, pronoun, surname,
      unknown capitalised name, title only, affiliation from context).
    """

    start: int
    end: int
    text: str
    label: str
    actor_id: str
    actor_name: str
    kind: str
    entity_kind: str = ""
    entry_id: str = ""
    sector: str = ""
    affiliation: str = ""
    title: str = ""
    role: str = "none"
    number: str = ""
    sentence: int = 0
    in_quote: bool = False
    is_guess: bool = False
    guess_reason: str = ""

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True)
class AgencyEvent:
    """One action of violence, blame, cause, coercion or threat, and who is written in which role.

    start/end/text: the verb group or nominalisation ("were killed", "the killing", "attack").
    construction: active | passive_agentless | passive_with_agent | nominalisation.
    agent/patient: the spans written as doer and sufferer (None when absent); agent_actor /
      patient_actor the actor ids of the mentions there ("" when the span names no known actor).
    agent_hidden: the wording names no doer (agentless passive, nominalisation without a "by" or
      possessor), so the reader is not told who did it.
    victims: how the patient is written: named | counted ("23 soldiers") | generic | none.
    reciprocal: a word naming both sides at once ("clashes between A and B"), no agent or patient.
    voice: narrator (the outlet's own words) or quoted (inside a quotation).
    """

    start: int
    end: int
    text: str
    lemma: str
    action_class: str
    construction: str
    agent: Span | None = None
    agent_text: str = ""
    agent_actor: str = ""
    patient: Span | None = None
    patient_text: str = ""
    patient_actor: str = ""
    agent_hidden: bool = False
    victims: str = "none"
    agent_actors: tuple[str, ...] = ()  # every actor named in the agent span ("A and B")
    patient_actors: tuple[str, ...] = ()
    reciprocal: bool = False
    sentence: int = 0
    voice: str = "narrator"


@dataclass(frozen=True)
class InitiatorFrame:
    """A cue that casts who started a fight (initiator) and who answered it (responder).

    cue: the cue words ("unprovoked", "in retaliation for", "instigated by"); cue_type as in
    lexicons/gazetteer/initiator_cues.tsv. initiator / responder: spans of the actors so cast (None
    when the text does not name them); *_actor their actor ids. voice: narrator, quoted (inside a
    quotation) or attributed (inside reported speech: "Kabul claimed the attack was retaliatory").
    """

    start: int
    end: int
    cue: str
    cue_type: str
    initiator: Span | None = None
    initiator_text: str = ""
    initiator_actor: str = ""
    responder: Span | None = None
    responder_text: str = ""
    responder_actor: str = ""
    voice: str = "narrator"
    sentence: int = 0


@record
class ToneRecord:
    """The tone of the clause around one actor mention.

    sentiment: VADER compound score of the clause (-1 .. 1). findings: lexicon findings inside the
    clause (spans, terms, categories, polarities); `on_mention` the ones overlapping the mention
    itself (a flagged label such as "regime"). score: sentiment plus the mean polarity of those
    findings, clipped to -1 .. 1: what the per-actor tone averages.
    """

    actor_id: str
    mention: Span
    clause: Span
    sentiment: float
    score: float
    finding_spans: tuple[Span, ...] = ()
    finding_terms: tuple[str, ...] = ()
    finding_polarities: tuple[int, ...] = ()
    on_mention: tuple[str, ...] = ()
    voice: str = "narrator"


# ----- story level ----------------------------------------------------------------------------

@dataclass(frozen=True)
class SpanRef:
    """A span in one article of a story."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Actor:
    """One actor of a story, grouped across outlets.

    labels: (label, count) pairs over the whole story, most used first. grouped_by: why the mentions
    belong together (gazetteer, acronym, surname, title, metonym, context, manifest).
    is_guess: at least one step of the grouping was a guess; guess_reasons say which.
    """

    actor_id: str
    name: str
    kind: str
    side: str
    labels: tuple[tuple[str, int], ...]
    outlets: tuple[str, ...]
    mentions: int
    grouped_by: tuple[str, ...] = ()
    is_guess: bool = False
    guess_reasons: tuple[str, ...] = ()
    member_ids: tuple[str, ...] = ()  # article-level actor ids merged into this actor


@dataclass(frozen=True)
class ActorTable:
    """The actors of a story and the actor each mention belongs to.

    assignment: ((article_id, start, end), actor_id) pairs for every non-pronoun mention.
    overrides_applied: human-readable lines saying what the manifest override changed.
    """

    actors: tuple[Actor, ...]
    assignment: tuple[tuple[tuple[str, int, int], str], ...]
    overrides_applied: tuple[str, ...] = ()

    def actor_of(self, article_id: str, start: int, end: int) -> str | None:
        for key, aid in self.assignment:
            if key == (article_id, start, end):
                return aid
        return None

    def get(self, actor_id: str) -> Actor | None:
        for a in self.actors:
            if a.actor_id == actor_id:
                return a
        return None


@dataclass(frozen=True)
class LabelUse:
    """One label an outlet used for an actor: how often, where, and whether the lexicon flags it."""

    label: str
    count: int
    flagged: bool
    categories: tuple[str, ...] = ()  # lexicon categories of the findings overlapping the mentions
    flagged_terms: tuple[str, ...] = ()
    spans: tuple[SpanRef, ...] = ()
    is_guess: bool = False


@dataclass(frozen=True)
class NamingCell:
    actor_id: str
    outlet: str
    labels: tuple[LabelUse, ...]

    @property
    def total(self) -> int:
        return sum(u.count for u in self.labels)


@dataclass(frozen=True)
class NamingMatrix:
    """Actor x outlet -> labels. `actors` and `outlets` fix the row and column order."""

    actors: tuple[str, ...]
    actor_names: tuple[str, ...]
    outlets: tuple[str, ...]
    cells: tuple[NamingCell, ...]

    def cell(self, actor_id: str, outlet: str) -> NamingCell | None:
        for c in self.cells:
            if c.actor_id == actor_id and c.outlet == outlet:
                return c
        return None


@dataclass(frozen=True)
class ActorOutletProfile:
    """How one outlet writes one actor: naming, agency, initiator framing and tone, with spans.

    agent / patient: actions with the actor as grammatical agent / patient; patient_hidden_agent:
    actions done to the actor whose doer the wording hides; agent_hidden_roles is not counted here.
    initiator / responder: times the outlet casts the actor as starting / answering the fight.
    tone: mean ToneRecord.score of the clauses that mention the actor (0.0 when none); tone_spans the
    clauses it comes from; negative_terms / positive_terms the lexicon terms in those clauses.
    """

    actor_id: str
    outlet: str
    mentions: int
    agent: int
    patient: int
    patient_hidden_agent: int
    initiator: int
    responder: int
    tone: float
    tone_n: int
    agent_spans: tuple[SpanRef, ...] = ()
    patient_spans: tuple[SpanRef, ...] = ()
    hidden_spans: tuple[SpanRef, ...] = ()
    initiator_spans: tuple[SpanRef, ...] = ()
    responder_spans: tuple[SpanRef, ...] = ()
    tone_spans: tuple[SpanRef, ...] = ()
    negative_terms: tuple[str, ...] = ()
    positive_terms: tuple[str, ...] = ()
