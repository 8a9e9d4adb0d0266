"""Who "he", "who" and "the defence minister" are: pronoun resolution and speaker merging.

Within one article, "Defence Minister Khawaja Asif", "Asif", "the defence minister" and "he" are one
speaker. Rules, in order:
  - a relative pronoun ("X, who said") is the noun phrase before its comma, or the noun right before
    it ("four Republicans who have criticized Trump", "a statement which said"); an appositive
    antecedent stands for the name it describes ("Smith, a Republican who has refused ..."); after a
    thing, ", who" is the named person in its prepositional tail ("a guilty plea from adviser George
    Papadopoulos, who admitted");
  - he / she / I take the nearest preceding person (a speaker, or a named subject of a sentence,
    also after "while", "when", "as" ..., behind an "of" place or an appositive ("Maggie Hroncich of
    Grove City, Pennsylvania, won"), or the main clause's after an opening clause ("Speaking at
    ..., Hillary Clinton took aim")) that is named or described by a person word ("the spokesman",
    "the receptionist": roles, gender.tsv, person_nouns.tsv), never a thing ("his worldview", "the
    explosion"), and not of the other gender when the text shows it (honorifics, "spokeswoman",
    "wife": gender.tsv; else the first name, first_names.tsv, of the name or, for a surname alone,
    of the text's full names ending in it; an earlier resolved pronoun is not evidence: one wrong
    "she" would then lock a man out of every later "he");
    they / we / it take the nearest preceding group or institution;
  - a name joins an earlier speaker with the same surname (last word), or the same full name; an
    institution's short name joins its full one ("the Times" -> "New York Times");
  - a description ("the defence minister", "the Iranian president") joins the most recent speaker
    whose title holds the same role words in its head ("the rest of the court" is no justice); a
    definite institution noun ("the committee", "the department") joins the nearest institution
    whose name holds it; a qualifier must fit the title ("the interior minister" is not "Defence
    Minister X"), and a qualified description may find a titled person the article named outside
    any attribution;
  - a surname, or a person without a side, takes the name and side of the article's earlier,
    fuller mention anywhere in the text (framing.attribution.named_mentions: "President Pezeshkian"
    after "Iranian President Dr. Masoud Pezeshkian");
  - "his / her / their country" speaks for the side of whoever the possessive is.
Merged speakers share one id, the fullest name, and any title, role and side one mention gave.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from ..text.columns import columns

from .chunks import PROPER, TIME_WORDS, np_left, np_right
from .data import first_names, gender_words, genders_clash
from .speakers import PRONOUNS_GROUP, PRONOUNS_PERSON, PRONOUNS_THING, QUANTITY_HEADS, SpeakerInfo, describe, \
    gazetteer_lookup, non_persons, organisation_heads, person_nouns
from .named_mentions import NamedMentions, other_first_name, plain_name, qualifiers, speaker_words

#: Words that open a subordinate clause before a sentence's subject: "While Rep. Paul Mitchell
#: didn't vote ..., he was openly critical" makes Mitchell an antecedent all the same.
_SUBORDINATORS = frozenset({"while", "although", "though", "because", "when", "after", "before", "as",
                            "if", "since", "once", "until", "whereas", "whether"})
_PRONOUN_GENDER = {"he": "m", "she": "f"}
#: Tags that open a clause before a sentence's main subject ("Speaking at ..., X said", "In a
#: statement, X said"), and how far (tokens) its comma may be.
_OPENING_CLAUSE_TAGS = frozenset({"VBG", "VBN", "IN", "TO"})
_OPENING_CLAUSE_MAX = 40
#: Head nouns any institution can be called by ("the organization"): they stand for the one named
#: last, whatever its name.
_ANY_INSTITUTION = frozenset({"organization", "organisation"})
#: Words that make a description more than an institution's head noun with its adjectives.
_DESCRIPTION_STOP = frozenset({"of", "for", "on", "in", "at", "and", "or", "to", "from", "with", "by"})
#: A capitalised word (and an initial) right before a surname: "Karen " in "Karen McDougal",
#: "Joseph R. " in "Joseph R. Biden".
_FIRST_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?$")
#: Openings of a description that introduces someone new.
_INDEFINITE = ("a ", "an ", "another ")
#: Longest headline, deck or sub-heading (words) at the top of an article (`_headlines_end`).
_HEADLINE_WORDS = 15
#: Longest appositive (tokens) between a named subject and its verb.
_APPOSITIVE_MAX = 30
#: First-person pronouns: the writer's own outside quotations (`Resolver._narrator`).
_FIRST_PERSON = frozenset(("i", "we"))
#: Longest speaker label (words) opening a transcript's paragraph ("SEN. LINDSEY GRAHAM:").
_LABEL_WORDS = 5


def _appositive_end(toks, tags, i: int, hi: int) -> int | None:
    """Index of the comma closing an appositive or a relative clause that starts at tokens[i]
    (", Pennsylvania,", ", the leading advocate for ...,", ", who voted for it,"), or None: an
    appositive holds no finite verb (a relative clause may), and no other clause mark."""
    relative = i < hi and toks[i].norm in ("who", "whose")
    for m in range(i, min(hi, i + _APPOSITIVE_MAX)):
        tag = tags[m]
        if tag == ",":
            return m if m > i else None
        if tag in (".", ":") or toks[m].text in (";", "\u2014", "--", "(", '"', "\u201c", "\u201d"):
            return None
        if not relative and (tag in ("VBD", "VBZ", "VBP", "MD", "WP", "WDT") or tag == "VB"):
            return None
    return None
#: Words after which a description names someone else: "a spokesman for Mrs. Clinton".
_GENDER_STOP = frozenset({"for", "of", "to", "at", "with", "from", "in", "on", "by", ",", "(", "who"})


def _other_gender(ent, gender: str) -> bool:
    """Is `ent` known to be of the other gender than `gender`?"""
    return bool(gender) and genders_clash(ent.gender or _name_gender(ent.name), gender)


def _name_gender(name: str) -> str:
    """The gender a full name's first word shows ("Rick Perry" m, "Susan Collins" f), or "": a
    one-word name is a surname, and a name the list does not hold shows nothing."""
    words = name.split(" ")
    if len(words) < 2:
        return ""
    return first_names().get(words[0].lower(), "")


_POSSESSIVE_PRONOUN = {"his": "he", "her": "she", "their": "they", "its": "it"}


def _gender(tokens, a: int, b: int) -> str:
    """The gender the words of a speaker's head phrase show ("Mr. Kelly" m, "Pence's wife" f), or ""."""
    words = gender_words()
    found = ""
    for t in tokens[a:b]:
        if t.norm in _GENDER_STOP:
            break
        if t.pos == "POS":
            found = ""  # "Pence's wife": the possessor is someone else
            continue
        found = words.get(t.norm, found)
    return found


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
    gender: str = ""  # "f" or "m" when the text shows it (honorific, noun), else "" (the first name may)

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

    def person_like(self) -> bool:
        """Can "he"/"she" stand for this entity: one person, named or described ("the spokesman",
        "the receptionist": a role, gendered or person noun, framing/data/attribution/person_nouns.tsv),
        not a document, a view or a thing the text made a source ("the report", "his worldview":
        non_persons.tsv; "the explosion": no person word)."""
        if self.kind != "person" or self.plural:
            return False
        if self.name:
            return True
        head = self.description.split(" ")[-1].lower()
        if head in non_persons():
            return False
        # an unnamed speaker is one person only when a word says so: a role ("the senator"), a
        # gendered noun ("the actress") or a person noun ("the receptionist"); not "the explosion"
        return bool(self.role_terms or self.gender or head in person_nouns() or head in gender_words())


def _relative_head(toks, start: int, j: int, lo: int) -> tuple[int, int]:
    """Start of the noun phrase a relative pronoun right after tokens[j - 1] refers to: the phrase
    without a prepositional tail other than "of" ("an alleged victim" in "reported in The Daily
    Beast from an alleged victim who said"; "members of Congress who" stays whole), and the noun
    before a place ("a state senator in South Carolina who wished" -> "a state senator")."""
    for m in range(j - 2, start, -1):
        if toks[m].pos == "IN" and toks[m].norm != "of":
            start = m + 1
            break
    if start - 2 >= lo and toks[start - 1].norm in ("in", "at") and \
            toks[start].pos in PROPER and toks[start - 2].pos in ("NN", "NNS", "NNP", "NNPS"):
        before = np_left(toks, start - 2, lo)
        if before is not None:
            return before, start - 1
    return start, j


def _people(info: SpeakerInfo) -> bool:
    """May the phrase stand for a person or people: a person's name, a role ("the senator",
    "critics"), an anonymous description, a gendered or person noun ("the actress", "a neighbor"),
    or a quantity of people ("members", "the share")? Not "attention", "the concerns", "a video"."""
    if info.name and info.kind == "person" or info.role_terms or info.anonymous:
        return True
    head = _head_word(info)
    if not head.isalpha():
        return False
    if head in QUANTITY_HEADS:
        return True
    nouns, genders = person_nouns(), gender_words()
    return any(w in nouns or w in genders for w in (head, head[:-1] if head.endswith("s") else head,
                                                      head[:-2] if head.endswith("es") else head))


#: Words tagged IN that open no adverbial a relative clause may follow ("remind America that someone who").
_NOT_PLACE_PREPOSITIONS = frozenset({"of", "that", "whether", "if", "because", "as", "than", "while",
                                     "although", "though", "since", "unless", "until", "so"})
#: Words a photo caption sets off by commas after a name ("Gennifer Flowers, right, who ...").
_PHOTO_PLACES = frozenset({"left", "right", "center", "centre", "top", "bottom", "above", "below"})
#: Endings of nouns for someone who does something ("gravedigger", "protester", "activist"): after
#: a head that is no person, "who" stands for such a tail.
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ers", "ors", "ists", "ians", "ants")


def _head_word(info: SpeakerInfo) -> str:
    """The last word of the description, lower case, its last hyphenated part ("co-director")."""
    return info.description.split(" ")[-1].lower().rsplit("-", 1)[-1] if info.description else ""


def _agent_noun(info: SpeakerInfo) -> bool:
    head = _head_word(info)
    return head.isalpha() and len(head) > 4 and head.endswith(_AGENT_ENDINGS) and head not in non_persons()


def _grouplike(ent) -> bool:
    return ent.plural or ent.kind == "group"


def _institution(ent) -> bool:
    return ent.kind == "institution"


#: How far back (characters) "they" may find an institution ("the ministry ... they said");
#: further back, only a plural or a group.
_THEY_INSTITUTION_REACH = 400


class Resolver:
    """Resolve source phrases to speakers, one article at a time, in text order."""

    def __init__(self, doc, data, gazetteer=None):
        self.doc = doc
        self.data = data
        self.gazetteer = gazetteer
        self.entities: list[Entity] = []
        # surname -> indices into `entities`, ascending: every entity a name may match ends in the
        # name's last word, so `_match_named` looks at these only (kept up to date by `_new` and
        # `_absorb`; an entry whose name has changed since is skipped there)
        self._by_surname: dict[str, list[int]] = {}
        self._position: dict[int, int] = {}  # id(entity) -> its index in `entities`
        self.recent: list[tuple[int, Entity]] = []  # (char offset, entity) mentions so far
        self._at = 0  # where the source being resolved stands (`_institution_named_with`)
        self.named = NamedMentions(doc, data, gazetteer)  # the persons the article names anywhere
        self._searched: dict = {}  # (entity, name) -> mentions already tried for it (`_name_fully`)
        # named sentence subjects, found lazily in text order: only those before the last source
        # phrase resolved are ever needed (`_catch_up`)
        self._subjects = self._all_subject_mentions()
        self._pending = next(self._subjects, None)
        self._surname_genders: dict = {}  # surname -> gender its full names in the text show
        self._headlines: int | None = None  # where the body starts (`_headlines_end`)
        self._author: Entity | None = None  # the writer, of a narrator's "I" (`_the_author`)

    def close(self) -> None:
        """Drop the lazy walks over the article (generators whose frames refer back to this resolver
        and so to its Doc). Without this, every article's resolver, Doc and tokens formed a
        reference cycle that only the cyclic garbage collector could free: each young-generation
        collection walked the dead articles (1.2 CPU-s per 1,000 articles, 0.35 without)."""
        if self._subjects is not None:
            self._subjects.close()
            self._subjects = None
        self._pending = None
        self.named.close()

    def _all_subject_mentions(self):
        """Named sentence subjects, antecedent candidates for "he"/"she", in text order, as (char
        offset, start, end, first) token indices: with `first`, the named noun phrase opening a
        sentence and followed by its verb; without, a subject followed by appositives before its
        verb, and the main clause's subject after an opening clause ("Speaking at a ceremony in
        December, Hillary Clinton took aim at ...", "After the vote, Sen. Susan Collins said ...")."""
        toks = self.doc.tokens
        tags = columns(self.doc).tags
        for s in self.doc.sentences:
            lo, hi = s.token_start, s.token_end
            # only a sentence holding a proper noun can open with a named subject (C-level scans
            # of the sentence's tags)
            sent_tags = tags[lo:hi]
            if "NNP" not in sent_tags and "NNPS" not in sent_tags:
                continue
            k = lo
            while k < hi and (tags[k] in ("CC", "RB", ",") or toks[k].norm in _SUBORDINATORS):
                k += 1
            end = np_right(toks, k, hi, appositive=False)
            if end is not None and toks[k].norm not in TIME_WORDS:
                if ("NNP" in tags[k:end] or "NNPS" in tags[k:end]) and \
                        end < hi and (tags[end].startswith("VB") or tags[end] in ("MD", "RB")):
                    yield toks[k].start, k, end, True
                elif end < hi and tags[end] == ",":
                    found = self._named_subject(k, end, hi)
                    if found is not None:
                        yield toks[found[0]].start, found[0], found[1], False
            if k > lo and toks[k - 1].norm in _SUBORDINATORS or tags[lo] in _OPENING_CLAUSE_TAGS:
                comma = next((m for m in range(k + 1, min(hi, k + _OPENING_CLAUSE_MAX)) if tags[m] == ","), None)
                if comma is not None:
                    after = np_right(toks, comma + 1, hi, appositive=False)
                    if after is not None and toks[comma + 1].norm not in TIME_WORDS:
                        found = self._named_subject(comma + 1, after, hi)
                        if found is not None:
                            yield toks[found[0]].start, found[0], found[1], False

    def _named_subject(self, k: int, end: int, hi: int) -> tuple[int, int] | None:
        """The named noun phrase starting at tokens[k] when a verb follows it, directly or after an
        "of"-tail and comma-separated appositives ("Maggie Hroncich of Grove City, Pennsylvania,
        won"; "Mark Krikorian, the leading advocate for ..., should be"; "Another enlistee, Panshu
        Zhao, signed up": the name in the appositive), as (start, end) token indices, or None."""
        toks = self.doc.tokens
        tags = columns(self.doc).tags
        span = (k, end) if "NNP" in tags[k:end] or "NNPS" in tags[k:end] else None
        m = end
        for _ in range(2):  # at most two appositives between the subject and its verb
            if m >= hi or tags[m] != ",":
                break
            close = _appositive_end(toks, tags, m + 1, hi)
            if close is None:
                return None
            if span is None and toks[m + 1].pos in PROPER:
                inner = np_right(toks, m + 1, close, appositive=False)
                if inner == close:
                    span = (m + 1, close)
            m = close + 1
        if span is not None and m < hi and (tags[m].startswith("VB") or tags[m] in ("MD", "RB")) and \
                (m == end or not tags[m].startswith("VBG") and tags[m] != "VBN"):
            return span
        return None

    def _catch_up(self, offset: int) -> None:
        """Register named sentence subjects that occur before `offset` as possible antecedents."""
        toks = self.doc.tokens
        while self._pending is not None and self._pending[0] < offset:
            _, a, b, _first = self._pending
            self._pending = next(self._subjects, None)
            info = describe(toks, a, b, self.doc.text, self.data, self.gazetteer)
            if info.kind == "person" and info.name:
                info = plain_name(info, a == self.doc.sentences[toks[a].sentence].token_start)
                gender = _gender(toks, a, b)
                ent = self._match_named(info, gender)
                span = (toks[a].start, toks[b - 1].end)
                if ent is None:
                    ent = self._new(info, span, register=False)
                else:
                    self._absorb(ent, info, span)
                self._name_fully(ent, info, span[0], gender)
                ent.gender = ent.gender or gender
                self.recent.append((toks[a].start, ent))

    def _new(self, info: SpeakerInfo, span, register: bool = True) -> Entity:
        ent = Entity(-1, info.name, info.description, info.title, info.role, info.affiliation,
                     info.kind, info.plural, info.anonymous, set(info.role_terms), span)
        self._position[id(ent)] = len(self.entities)
        self.entities.append(ent)
        self._index_surname(ent)
        return ent

    def _index_surname(self, ent: Entity) -> None:
        surname = ent.surname()
        if surname:
            found = self._by_surname.setdefault(surname, [])
            k = self._position[id(ent)]
            at = bisect_left(found, k)
            if at == len(found) or found[at] != k:
                found.insert(at, k)

    def _absorb(self, ent: Entity, info: SpeakerInfo, span) -> None:
        """ent.absorb(info, span), keeping the surname index up to date (a fuller name may end in
        another word)."""
        ent.absorb(info, span)
        self._index_surname(ent)

    def _match_named(self, info: SpeakerInfo, gender: str = "") -> Entity | None:
        """The entity `info`'s name names. `gender`: what the phrase's own words show ("Mr. Obama"
        m): a bare surname is never a person of the other gender ("Michelle Obama")."""
        full = info.name.lower()
        words = full.split()
        last = words[-1]
        # each test below holds only for an entity whose name ends in `last` (the same name, the same
        # surname, an institution's name ending in this one), so only those are looked at
        entities = self.entities
        candidates = [entities[k] for k in self._by_surname.get(last, ())]
        candidates = [ent for ent in candidates if ent.surname() == last]
        if len(words) == 1:
            # a bare surname is the person the article introduced first under it ("Trump" after
            # "Donald Trump" and "Melania Trump"): the later namesakes get their first names
            for ent in candidates:
                if ent.name and ent.kind == "person" and not _other_gender(ent, gender):
                    return ent
        for ent in reversed(candidates):
            if not ent.name:
                continue
            if ent.name.lower() == full:
                return ent
            if ent.surname() == last and ent.kind == info.kind == "person" and \
                    not other_first_name(ent.name, words) and not _other_gender(ent, gender):
                return ent  # "Khawaja M. Asif" -> "Khawaja Asif" (not "Nancy Reagan" -> "Ronald Reagan")
            if info.kind == "institution" and ent.kind == "institution" and \
                    ent.name.lower().endswith(" " + full) and full not in _ANY_INSTITUTION:
                return ent  # "the Times" after "The New York Times", "the Air Force" after "U.S. Air Force"
        if len(words) == 1 and info.kind == "person" and last in first_names():
            # "Tom explains ..." after "NPR Pentagon correspondent Tom Bowman": a first name alone
            # is the one person named before with it (none when two share it)
            named = {id(ent): ent for ent in self.entities
                     if ent.kind == "person" and ent.name and len(ent.name.split()) > 1 and
                     ent.name.split()[0].lower() == last}
            if len(named) == 1:
                return next(iter(named.values()))
        if len(words) == 1 and info.kind == "institution" and info.text.lower().startswith("the ") and \
                last in organisation_heads(self.data, self.gazetteer):
            # "The Observatory" after "the Syrian Observatory for Human Rights": the head word
            # of an institution's name standing for it, as "the committee" does (_match_institution)
            return self._institution_named_with(last, other_than=full)
        return None

    def _institution_named_with(self, head: str, other_than: str = "") -> Entity | None:
        """The nearest institution whose name holds the capitalised word `head` (and is not
        `other_than`, the word's own name): what "the committee" and "The Observatory" stand for.
        A word any institution can be called by ("the organization") stands for the one named last,
        whatever its name, within the reach of "they" (`_THEY_INSTITUTION_REACH` characters): "the
        IMF said ... The organization also cited ...", not the World Health Organization named
        paragraphs before."""
        any_name = head in _ANY_INSTITUTION
        for at, ent in reversed(self.recent):
            if any_name and self._at - at > _THEY_INSTITUTION_REACH:
                return None  # named too far back to be the one meant
            if any_name and self._is_media(ent):
                continue  # a paper or network is "the newspaper", "the network" ("according to The
                # Guardian ... after the organization said": the fund, not the paper)
            if ent.kind == "institution" and (not other_than or ent.name.lower() != other_than) and \
                    (any_name or head in [w.lower() for w in ent.label.split(" ") if w[:1].isupper()]):
                return ent
        return None

    def _is_media(self, ent: Entity) -> bool:
        """Whether an institution is a news outlet: its role says so, or the gazetteer does."""
        if ent.role == "media":
            return True
        if self.gazetteer is None or not ent.name:
            return False
        try:
            entry = gazetteer_lookup(self.gazetteer, ent.name)
        except Exception:  # a gazetteer without lookup: nothing is known
            return False
        return entry is not None and entry.kind == "media"

    def _office(self, info: SpeakerInfo) -> bool:
        """Does the description name an office one person holds: a person's description, or a title
        ("the President", "The Secretary of State")? "The White House", "Police" and "the Army" are
        institutions, not their spokespeople."""
        return info.kind == "person" or any(t in self.data.titles for t in info.role_terms)

    def _match_description(self, info: SpeakerInfo) -> Entity | None:
        if not info.role_terms or info.anonymous or info.plural or not self._office(info):
            return None
        words = set(info.description.lower().split(" "))
        if not any(set(term.split(" ")) <= words for term in info.role_terms):
            return None  # the role word is outside the head: "the rest of the court" is not a justice
        # a name-like modifier must fit the speaker: "the Romney campaign" is not Obama's campaign
        # manager, "the Iranian president" not Pakistan's
        marks = [w.lower() for w in info.description.split()[:-1] if w[:1].isupper()]
        own = qualifiers(info.description.split(), set(info.role_terms))
        for _, ent in reversed(self.recent):
            if ent.kind == "person" and set(info.role_terms) <= ent.role_terms and ent.name:
                known = f"{ent.name} {ent.title} {ent.affiliation}".lower()
                theirs = qualifiers(ent.title.split(), ent.role_terms)
                if own and theirs and not own & theirs:
                    continue  # "the interior minister" is not "Defence Minister Khawaja Asif"
                if all(m[:4] in known for m in marks):  # "Pakistani" fits "Pakistan"
                    return ent
        return None

    def _match_institution(self, info: SpeakerInfo) -> Entity | None:
        """The named institution a definite description stands for: "the committee" after "The
        Committee on Climate Change", "the department" after "the Department of Homeland Security",
        "the party" after "the Democratic Party" (the nearest one whose name holds the head noun)."""
        if info.plural or info.anonymous or not info.text.lower().startswith("the "):
            return None
        words = info.description.split(" ")
        head = words[-1].lower()
        if not all(w.isalpha() and w.islower() and w not in _DESCRIPTION_STOP for w in words):
            return None  # "the rest of the court" is not the court
        return self._institution_named_with(head)

    def _surname_gender(self, name: str) -> str:
        """The gender a one-word name (a surname) shows through the article's full names that end
        in it ("McDougal" after "Karen McDougal"; not "Trump" when "Donald Trump" and "Melania
        Trump" are both in the text), or ""."""
        if not name or " " in name:
            return ""
        found = self._surname_genders.get(name)
        if found is None:
            text = self.doc.text
            firsts = first_names()
            shown = set()
            at = text.find(name)
            while at >= 0:
                end = at + len(name)
                if end == len(text) or not text[end].isalnum():
                    before = _FIRST_NAME_BEFORE.search(text, max(0, at - 40), at)
                    if before is not None:
                        g = firsts.get(before.group(1).lower())
                        if g:
                            shown.add(g)
                at = text.find(name, end)
            found = shown.pop() if len(shown) == 1 else ""
            self._surname_genders[name] = found
        return found

    def _name_fully(self, ent: Entity, info: SpeakerInfo, before: int, gender: str = "") -> None:
        """Give a person known by a surname, or without a side, the name and side of the article's
        earlier, fuller mention ("President Pezeshkian said" -> Masoud Pezeshkian, Iran); not one
        of the other gender than the speaker's words or entity show ("Mr. Obama" is not "Michelle
        Obama")."""
        if ent.affiliation and " " in ent.name or len(info.name.split()) > 2:
            return
        name = ent.name or info.name
        key = (id(ent), name)
        found, self._searched[key] = self.named.fuller_name(name, before, self._searched.get(key, 0))
        if found is None and " " not in name and before < self._headlines_end():
            found = self.named.only_fuller_name(name)  # "Naqvi discusses ..." over the body
        gender = ent.gender or gender
        if found is not None and genders_clash(_name_gender(found[0].name), gender):
            return
        if found is not None:
            self._absorb(ent, *found)

    def _headlines_end(self) -> int:
        """Offset where the article's body starts: after the leading paragraphs that are one short
        sentence each (a headline, a deck, sub-headings). A headline names people by surname
        ("Naqvi discusses border matters with Pezeshkian") before the body introduces them, so
        there a surname may take the one fuller name the article gives it later."""
        if self._headlines is None:
            sents, toks = self.doc.sentences, self.doc.tokens
            end = 0
            for i, sent in enumerate(sents):
                alone = (i == 0 or sents[i - 1].paragraph != sent.paragraph) and \
                    (i + 1 == len(sents) or sents[i + 1].paragraph != sent.paragraph)
                words = sum(t.text[:1].isalnum() for t in toks[sent.token_start:sent.token_end])
                if not alone or words > _HEADLINE_WORDS:
                    break
                end = sent.end
            self._headlines = end
        return self._headlines

    def _narrator(self, k: int) -> bool:
        """Is the first-person pronoun at token k the writer's own? Not inside quotation marks,
        even unpaired ones that leave a speaker's "I" outside every quotation region (a "“" not
        yet closed, or an odd number of straight marks, since its paragraph began); not after a
        colon in its sentence ("The letter reads: We urge ...") or a paragraph that ends with one
        (a statement set out as its own paragraph); not in a paragraph that a speaker's label opens
        ("HUME: I think ...", a transcript)."""
        toks = self.doc.tokens
        sentences = self.doc.sentences
        if toks[k].in_quote:
            return False
        sent = sentences[toks[k].sentence]
        if any(t.text == ":" for t in toks[sent.token_start:k]):
            return False
        first = toks[k].sentence
        while first > 0 and sentences[first - 1].paragraph == sent.paragraph:
            first -= 1
        before = self.doc.text[sentences[first].start:toks[k].start]
        if before.rfind("\u201c") > before.rfind("\u201d") or before.count('"') % 2:
            return False
        if first > 0 and toks[sentences[first - 1].token_end - 1].text == ":":
            return False
        opening = sentences[first]
        head = toks[opening.token_start:min(opening.token_end, opening.token_start + _LABEL_WORDS + 1)]
        return not any(t.text == ":" and n and head[n - 1].text[:1].isupper() for n, t in enumerate(head))

    def _the_author(self, span: tuple[int, int]) -> Entity:
        """The article's writer, the one speaker of every narrator's "I" and "we" (an opinion
        column's author, an editorial board, a newsroom's "we reached out"): a voice of the media.
        Never an antecedent of "he" or "she"."""
        if self._author is None:
            self._author = Entity(-1, "", "the author", "", "media", "", "person", False, False,
                                  set(), span)
        return self._author

    def _antecedent(self, pronoun: str, offset: int) -> Entity | None:
        self._catch_up(offset)
        gender = _PRONOUN_GENDER.get(pronoun, "")
        if pronoun == "they":
            # a plural or a group within reach, else an institution within reach, else the
            # nearest plural or group ("the ministry said ... they" is rarer than it looks)
            near = [ent for at, ent in reversed(self.recent) if offset - at <= _THEY_INSTITUTION_REACH]
            far = [ent for _, ent in reversed(self.recent)]
            for pool, ok in ((near, _grouplike), (near, _institution), (far, _grouplike)):
                for ent in pool:
                    if ok(ent):
                        return ent
            return None
        for at, ent in reversed(self.recent):
            if pronoun in PRONOUNS_GROUP and (ent.plural or ent.kind in ("institution", "group")):
                return ent  # "we": the nearest group or institution, at any distance
            if pronoun in PRONOUNS_PERSON and ent.person_like() and not (gender and gender != (
                    ent.gender or _name_gender(ent.name) or self._surname_gender(ent.name) or gender)):
                return ent
            if pronoun in PRONOUNS_THING and ent.kind == "institution":
                return ent
        return None

    def _person_tail(self, start: int, j: int, lo: int, sentence_text: str) -> int:
        """Start of the phrase ", who" stands for inside tokens[start:j]: the whole phrase, or,
        when the phrase's head is no person ("a guilty plea in October from former adviser George
        Papadopoulos, who admitted"), the named person in its last prepositional tail."""
        toks = self.doc.tokens
        tail, _ = _relative_head(toks, start, j, lo)
        if tail == start or not any(toks[m].pos in PROPER for m in range(tail, j)):
            return start
        head = describe(toks, start, tail - 1, self.doc.text, self.data, self.gazetteer, sentence_text)
        if head.name or head.role_terms or head.anonymous or head.plural or head.kind not in ("person", "institution"):
            return start  # a person or people ("supporters of Sen. Smith, who"), or no phrase at all
        inner = describe(toks, tail, j, self.doc.text, self.data, self.gazetteer, sentence_text)
        return tail if inner.name and inner.kind == "person" else start

    def _people_tail(self, start: int, end: int, sentence_text: str) -> int:
        """Start of the phrase "who" stands for inside tokens[start:end] when the phrase's head is
        no person and its prepositional tail is: "the attention of Donald Trump Jr., who tweeted",
        "the concerns of pro-gun advocates who say", "a short video of a West African gravedigger
        who said" (the tail's person, not "attention", "concerns", "video"). A head that may be a
        person or people ("supporters of Sen. Smith, who", "members of Congress who", "the wife of
        ...") keeps the whole phrase."""
        toks = self.doc.tokens
        p = next((m for m in range(start + 1, end - 1) if toks[m].pos == "IN"), None)
        if p is None:
            return start
        text = self.doc.text
        head = describe(toks, start, p, text, self.data, self.gazetteer, sentence_text)
        if _people(head) or _agent_noun(head):
            return start
        tail = describe(toks, p + 1, end, text, self.data, self.gazetteer, sentence_text)
        return p + 1 if _people(tail) or _agent_noun(tail) else start

    def _thing_tail(self, start: int, end: int, sentence_text: str) -> int:
        """Start of the phrase ", which" stands for inside tokens[start:end]: not a person, so
        where the phrase is people "of" a body, the body ("a current employee of defense
        contractor Booz Allen Hamilton, which released a statement": the contractor)."""
        toks = self.doc.tokens
        for m in range(start + 1, end - 1):  # the first "of": "president of the American
            if toks[m].norm == "of":  # Federation of Teachers, which" is the federation
                if _people(describe(toks, start, m, self.doc.text, self.data, self.gazetteer,
                                    sentence_text)):
                    return m + 1
                break
        return start

    def resolve(self, a: int, b: int, sentence_text: str,
                antecedent: bool = True) -> tuple[SpeakerInfo, Entity | None]:
        """Speaker of the source tokens[a:b]: its description and the merged entity (or None).
        `antecedent=False`: the speaker is not a candidate for the pronouns after it (the name in
        an embedded post's signature stands outside the narrative: a later "he said" is not the
        account's, which may be a broadcaster's or an institute's)."""
        toks = self.doc.tokens
        text = self.doc.text
        info = describe(toks, a, b, text, self.data, self.gazetteer, sentence_text)
        span = (toks[a].start, toks[b - 1].end)
        self._catch_up(span[0])
        self._at = span[0]  # where the source being resolved stands (`_institution_named_with`)
        ent: Entity | None = None
        if info.kind == "relative":
            # "X, who said": the noun phrase before the comma; "four Republicans who have
            # criticized": the noun phrase right before the pronoun
            lo = self.doc.sentences[toks[a].sentence].token_start
            j = a - 1 if a - 1 >= lo and toks[a - 1].text == "," else a
            start = np_left(toks, j - 1, lo) if j - 1 >= lo else None
            end = j
            if start is not None and j == a:
                start, end = _relative_head(toks, start, j, lo)
            elif start is not None and toks[a].norm == "who":
                start = self._person_tail(start, j, lo, sentence_text)
            elif start is not None and toks[a].norm == "which":
                start = self._thing_tail(start, j, sentence_text)
            if start is not None and toks[a].norm in ("who", "whom"):
                if end - start == 1 and toks[start].norm in _PHOTO_PLACES and start - 2 >= lo and \
                        toks[start - 1].text == ",":
                    # "Gennifer Flowers, right, who claimed": a caption's place, not a noun phrase
                    start, end = np_left(toks, start - 2, lo), start - 1
                elif start is not None:
                    start = self._people_tail(start, end, sentence_text)
                    if start is not None and j != a and start - 2 >= lo and toks[start - 1].pos == "IN" and \
                            toks[start - 1].norm not in _NOT_PLACE_PREPOSITIONS:
                        # "he met with sheriffs after the shooting, who said": not "the shooting"
                        # but the people before the adverbial
                        text = self.doc.text
                        if not _people(describe(toks, start, end, text, self.data, self.gazetteer,
                                                sentence_text)):
                            before = np_left(toks, start - 2, lo)
                            if before is not None and _people(describe(
                                    toks, before, start - 1, text, self.data, self.gazetteer, sentence_text)):
                                start, end = before, start - 1
            if start is not None and toks[start].pos not in ("PRP", "WP", "WDT"):
                if toks[a].norm == "who" and start - 2 >= lo and toks[start - 1].text == "," and \
                        toks[start].norm in ("a", "an", "the"):
                    # "Smith, a Republican who ...": the appositive stands for the name before it
                    first = np_left(toks, start - 2, lo)
                    if first is not None and any(toks[m].pos in PROPER for m in range(first, start - 1)):
                        return self.resolve(first, start - 1, sentence_text)
                return self.resolve(start, end, sentence_text)
            return info, None
        if info.kind == "pronoun":
            if toks[a].norm in _FIRST_PERSON and self._narrator(a):
                return info, self._the_author(span)
            ent = self._antecedent(toks[a].norm, span[0])
            if ent is not None:
                self.recent.append((span[0], ent))
            return info, ent
        if b - a == 2 and toks[a].norm in _POSSESSIVE_PRONOUN and \
                toks[a + 1].norm in speaker_words().get("country", ()):
            # "his country welcomes the offer": the side of whoever "his" is
            owner = self._antecedent(_POSSESSIVE_PRONOUN[toks[a].norm], span[0])
            if owner is not None and owner.affiliation:
                side = owner.affiliation
                info = replace(info, name=side, description=side, kind="institution", plural=False,
                               affiliation=side, role="government" if info.role == "unknown" else info.role)
        gender = _gender(toks, a, b)
        if info.name:
            ent = self._match_named(info, gender)
        # "a spokesman for Paradigm" introduces someone: an indefinite description is never an
        # earlier speaker ("A spokesman for Biden's campaign, Andrew Bates," came before it)
        known = not info.name and not info.text.lower().startswith(_INDEFINITE)
        if ent is None and known:
            ent = self._match_description(info) or self._match_institution(info)
        if ent is None and known and info.role_terms and not info.anonymous and not info.plural:
            found = self.named.described(info, span[0]) if self._office(info) else None
            if found is not None:
                ent = self._match_named(found[0])
                if ent is None:
                    ent = self._new(*found)
        if info.name and info.kind == "person" and ent is None:
            found = self.named.fuller(info, span[0])[0]
            if found is not None and genders_clash(_name_gender(found[0].name), gender):
                found = None  # "Mr. Obama" is not the "Michelle Obama" named before
            if found is not None:
                ent = self._match_named(found[0])  # "Naqvi" after the speaker "Mohsin Naqvi"
        if ent is None:
            ent = self._new(info, span)
        else:
            self._absorb(ent, info, span)
        if info.name and info.kind == "person":
            self._name_fully(ent, info, span[0], gender)
        ent.gender = ent.gender or gender
        if antecedent:
            self.recent.append((span[0], ent))
        return info, ent

    def number_entities(self, used: list[Entity]) -> None:
        """Give speakers ids 0, 1, 2 ... in order of their first attribution."""
        n = 0
        for ent in used:
            if ent.id < 0:
                ent.id = n
                n += 1
