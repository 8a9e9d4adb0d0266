"""Who "he", "who" and "the defence minister" are: pronoun resolution and speaker merging.

Within one article, "Defence Minister Khawaja Asif", "Asif", "the defence minister" and "he" are one
speaker. Rules, in order:
  - a relative pronoun ("X, who said") is the noun phrase before its comma;
  - he / she / I take the nearest preceding person (a speaker, or a named subject of a sentence);
    they / we / it take the nearest preceding group or institution;
  - a name joins an earlier speaker with the same surname (last word), or the same full name;
  - a description ("the defence minister", "the Iranian president") joins the most recent speaker
    whose title holds the same role words.
Merged speakers share one id, the fullest name, and any title, role and side one mention gave.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import compress

from ..text.columns import columns

from .chunks import PROPER, np_left, np_right
from .speakers import PRONOUNS_GROUP, PRONOUNS_PERSON, PRONOUNS_THING, SpeakerInfo, describe


@dataclass
class Entity:
    id: int
    name: str
    description: str
    title: str
    role: str
    affiliation: str
    kind: str
    plural: bool
    anonymous: bool
    role_terms: set = field(default_factory=set)
    mention: tuple[int, int] = (0, 0)  # character span of the fullest mention

    @property
    def label(self) -> str:
        return self.name or self.description

    def surname(self) -> str:
        return self.name.split()[-1].lower() if self.name else ""

    def absorb(self, info: SpeakerInfo, span: tuple[int, int]) -> None:
        if info.name and len(info.name) > len(self.name):
            self.name = info.name
            self.mention = span
        if info.title and len(info.title) > len(self.title):
            self.title = info.title
        if self.role in ("unknown", "anonymous") and info.role not in ("unknown",):
            self.role = info.role
        if not self.affiliation and info.affiliation:
            self.affiliation = info.affiliation
        self.role_terms.update(info.role_terms)


class Resolver:
    """Resolve source phrases to speakers, one article at a time, in text order."""

    def __init__(self, doc, data, gazetteer=None):
        self.doc = doc
        self.data = data
        self.gazetteer = gazetteer
        self.entities: list[Entity] = []
        self.recent: list[tuple[int, Entity]] = []  # (char offset, entity) mentions so far
        self._subjects = self._subject_mentions()
        self._next_subject = 0

    def _subject_mentions(self) -> list[tuple[int, int, int]]:
        """Named noun phrases opening each sentence: antecedent candidates for "he"/"she"."""
        toks = self.doc.tokens
        out = []
        # only a sentence holding a proper noun can open with a named subject
        tags = columns(self.doc).tags
        proper = list(compress(range(len(tags)), map(PROPER.__contains__, tags)))
        for s in self.doc.sentences:
            j = bisect_left(proper, s.token_start)
            if j == len(proper) or proper[j] >= s.token_end:
                continue
            k = s.token_start
            while k < s.token_end and toks[k].pos in ("CC", "RB", ","):
                k += 1
            end = np_right(toks, k, s.token_end, appositive=False)
            if end is not None and any(toks[m].pos in PROPER for m in range(k, end)) and \
                    end < s.token_end and (toks[end].pos.startswith("VB") or toks[end].pos in ("MD", "RB")):
                out.append((toks[k].start, k, end))
        return out

    def _catch_up(self, offset: int) -> None:
        """Register named sentence subjects that occur before `offset` as possible antecedents."""
        toks = self.doc.tokens
        while self._next_subject < len(self._subjects) and self._subjects[self._next_subject][0] < offset:
            _, a, b = self._subjects[self._next_subject]
            self._next_subject += 1
            info = describe(toks, a, b, self.doc.text, self.data, self.gazetteer)
            if info.kind == "person" and info.name:
                ent = self._match_named(info)
                span = (toks[a].start, toks[b - 1].end)
                if ent is None:
                    ent = self._new(info, span, register=False)
                else:
                    ent.absorb(info, span)
                self.recent.append((toks[a].start, ent))

    def _new(self, info: SpeakerInfo, span, register: bool = True) -> Entity:
        ent = Entity(-1, info.name, info.description, info.title, info.role, info.affiliation,
                     info.kind, info.plural, info.anonymous, set(info.role_terms), span)
        self.entities.append(ent)
        return ent

    def _match_named(self, info: SpeakerInfo) -> Entity | None:
        full = info.name.lower()
        last = full.split()[-1]
        for ent in reversed(self.entities):
            if not ent.name:
                continue
            if ent.name.lower() == full or ent.surname() == last and ent.kind == info.kind == "person":
                return ent
            if info.kind != "person" and ent.name.lower() == full:
                return ent
        return None

    def _match_description(self, info: SpeakerInfo) -> Entity | None:
        if not info.role_terms or info.anonymous or info.plural:
            return None
        for _, ent in reversed(self.recent):
            if ent.kind == "person" and set(info.role_terms) <= ent.role_terms and ent.name:
                return ent
        return None

    def _antecedent(self, pronoun: str, offset: int) -> Entity | None:
        self._catch_up(offset)
        for _, ent in reversed(self.recent):
            if pronoun in PRONOUNS_PERSON and ent.kind == "person" and not ent.plural:
                return ent
            if pronoun in PRONOUNS_GROUP and (ent.plural or ent.kind in ("institution", "group")):
                return ent
            if pronoun in PRONOUNS_THING and ent.kind == "institution":
                return ent
        return None

    def resolve(self, a: int, b: int, sentence_text: str) -> tuple[SpeakerInfo, Entity | None]:
        """Speaker of the source tokens[a:b]: its description and the merged entity (or None)."""
        toks = self.doc.tokens
        text = self.doc.text
        info = describe(toks, a, b, text, self.data, self.gazetteer, sentence_text)
        span = (toks[a].start, toks[b - 1].end)
        self._catch_up(span[0])
        ent: Entity | None = None
        if info.kind == "relative":
            # "X, who said": the noun phrase before the comma
            j = a - 1
            if j >= 0 and toks[j].text == ",":
                start = np_left(toks, j - 1, self.doc.sentences[toks[a].sentence].token_start)
                if start is not None:
                    return self.resolve(start, j, sentence_text)
            return info, None
        if info.kind == "pronoun":
            ent = self._antecedent(toks[a].norm, span[0])
            if ent is not None:
                self.recent.append((span[0], ent))
            return info, ent
        if info.name:
            ent = self._match_named(info)
        if ent is None and not info.name:
            ent = self._match_description(info)
        if ent is None:
            ent = self._new(info, span)
        else:
            ent.absorb(info, span)
        self.recent.append((span[0], ent))
        return info, ent

    def number_entities(self, used: list[Entity]) -> None:
        """Give speakers ids 0, 1, 2 ... in order of their first attribution."""
        n = 0
        for ent in used:
            if ent.id < 0:
                ent.id = n
                n += 1
