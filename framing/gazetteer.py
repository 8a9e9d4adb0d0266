"""The gazetteer: who the actors of world news are, and every name they go by.

Why a gazetteer and not a named-entity model: a reader of framing needs to know that "Kabul", "the
Taliban government" and "the Afghan Taliban regime" are the same actor, and that "Pakistani officials"
speak for Pakistan. That knowledge is a table a teacher can read and edit, so it lives in TSV files
under lexicons/gazetteer/ (countries with demonyms and capitals, organisations, armed groups, people,
titles, generic group nouns, non-actors, agency words, initiator cues); this module only loads,
validates and queries them. A topic pack (a folder of the same files) adds or overrides entries.

    from framing.gazetteer import load_gazetteer
    gaz = load_gazetteer()
    gaz.affiliation_of("Pakistani officials")      # "Pakistan"
    gaz.affiliation_of("Kabul")                    # "Afghanistan"
    gaz.lookup("TTP").name                         # "Tehreek-e-Taliban Pakistan"

Every file is tab-separated UTF-8 with `#` comments and a header row; the header says what the file
holds, so topic files can be named freely. A bad row raises GazetteerError with file and line.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

try:  # pyahocorasick is a declared dependency; the fallback keeps the module importable without it
    import ahocorasick
except ImportError:  # pragma: no cover
    ahocorasick = None

ENTRY_KINDS = (
    "country", "government_body", "military", "security_service", "legislature", "judiciary",
    "international", "party", "armed_group", "media", "ngo", "company", "other", "person",
    "state",  # a state of a federal country (us_states.tsv): a government, and a place
)
SURFACE_TYPES = ("name", "alias", "acronym", "demonym", "capital", "metonym")
TITLE_TYPES = ("head", "modifier", "honorific")
GENERIC_FORMS = ("both", "plural", "singular", "modified", "by_modifier", "by_name")
AGENCY_CLASSES = ("violence", "casualty", "blame", "cause", "coercion", "threat")
INITIATOR_TYPES = ("modifier", "noun", "purpose", "temporal", "by_passive", "verb")
#: Who does an infinitive or gerund that has no subject of its own (framing.actors.agency): the
#: object of these verbs ("urged the president to attack", "accused him of attacking") or the
#: subject of the clause (after these nouns and adjectives: "no intention of causing", "is
#: willing to strike").
CONTROL_TYPES = ("object_to", "object_prep", "subject_noun", "subject_adjective")
#: Sectors of generic group nouns that speak or act for someone else ("Spokesmen for Graham",
#: "aides", "officials", "senators", "fighters"): "<group> for <Name>" is never an organisation's
#: name with them, as it is with the people an organisation speaks for ("Students for Fair
#: Admissions", "Texans for Lawsuit Reform"; see Gazetteer.names_people).
AGENT_SECTORS = frozenset({"source", "government", "diplomatic", "political", "legislature", "security",
                           "armed_nonstate"})

# The header of each file type, in order; a file's header must equal one of these.
HEADERS = {
    "countries": ("id", "name", "aliases", "demonyms", "capital", "metonyms"),
    "organisations": ("id", "kind", "name", "aliases", "acronyms", "country", "acts_for", "ambiguous"),
    "people": ("id", "name", "aliases", "country", "role"),
    "titles": ("term", "type", "role"),
    "generic_groups": ("noun", "sector", "kind", "form"),
    "org_heads": ("word", "kind"),
    "non_actors": ("term", "type"),
    "agency_terms": ("term", "pos", "class", "reciprocal", "agent_prep", "patient_prep", "possessor"),
    "initiator_cues": ("cue", "type", "casts"),
    "control_words": ("word", "type"),
    "group_modifiers": ("word", "sector"),
}


#: Headers of earlier releases, still read (a topic pack written for them keeps working): the
#: columns they lack are read as empty.
LEGACY_HEADERS = {
    ("term", "pos", "class", "reciprocal", "agent_prep", "patient_prep"): "agency_terms",
}


class GazetteerError(ValueError):
    """A malformed gazetteer file; the message starts with file:line."""


@dataclass(frozen=True)
class Entry:
    """One actor the gazetteer knows: a country, organisation, armed group or person."""

    id: str
    kind: str
    name: str
    country: str = ""  # ISO3 (or organisation id) of the side it belongs to; for people their side
    acts_for: str = ""  # id of the actor its mentions are grouped into ("Kremlin" -> RUS)
    ambiguous: bool = False  # the name is often used for something else: groupings are guesses
    role: str = ""  # people: their usual title
    aliases: tuple[str, ...] = ()
    source: str = ""  # file:line where it was defined


@dataclass(frozen=True)
class Surface:
    """One way of writing an entry: its text and what kind of name it is."""

    text: str  # as written in the file (case kept: acronyms match case-sensitively)
    entry_id: str
    type: str  # name | alias | acronym | demonym | capital | metonym
    guess: bool = False  # an alias marked "?" in the file: ambiguous
    case_sensitive: bool = False
    plural_people: bool = False  # a demonym that names people ("Afghans"), not an adjective
    # written with a capital letter: a name, so it is not found in text written all in lower case
    # ("some conservatives", "a fierce guardian", "the male graph", "pic.twitter.com")
    capitalised: bool = False
    # written in lower case with a leading "the" ("the supreme court", "the alliance"): a common
    # noun phrase that names the actor only in lower case right after "the" ("the supreme court
    # ruled"; not "the state supreme court", "Alabama's supreme court", "their alliance against
    # terrorism", nor the capitalised word of another name: "the Alliance for Justice")
    after_the: bool = False
    # an alias marked "^" in the file: a capitalised common word ("Conservatives") that names the
    # actor only where its capital means something, so not as the first word of a sentence
    # ("Conservatives say the bill goes too far" in US news) nor as a phrase on its own
    not_first: bool = False
    # an alias marked "~" in the file: a name another entry (a country) also has, that names this
    # entry only in an article whose main side is this entry's ("Georgia": the US state in an
    # article about the United States, the country elsewhere; framing.actors.mentions decides).
    # Never an answer of `surfaces_of` and `lookup`, which have no article to ask.
    home_only: bool = False
    # an alias marked "=" in the file: a name whose "The" is its own ("The Hill", "The Atlantic"):
    # its key keeps the "the", and it is found only as written, with a capital "The" ("on the
    # Hill" is Capitol Hill, "the Atlantic" the ocean)
    with_the: bool = False

    def fits_case(self, written: str) -> bool:
        """Whether the text as written can be this surface: it must be exactly the file's spelling
        when the surface is case-sensitive (acronyms), and hold a capital letter when the surface
        is capitalised."""
        if self.case_sensitive:
            # `written` is the text a key spans (or a phrase stripped as keys are), and a key drops
            # end punctuation ("U.S." -> "u.s"): so is the file's spelling ("U.S") it must equal
            return written == self.text.strip(_KEY_STRIP)
        return not (self.capitalised and written.islower())

    def fits_at(self, written: str, folded: str, start: int) -> bool:
        """`fits_case`, and for an `after_the` surface found at `start` of a text (`folded`: the
        text folded), written in lower case with "the" right before it: the rule of both text
        searches (`surfaces_of` reads the same from a phrase)."""
        if self.after_the:
            return written.islower() and _after_the(folded, start)
        if self.not_first and _opens_sentence(folded, start):
            return False
        return self.fits_case(written)


_SENTENCE_ENDS = frozenset(".!?:\n")
_OPENERS = frozenset(" \t\"'([")


def _opens_sentence(folded: str, start: int) -> bool:
    """Is offset `start` of the folded text the first word of a sentence, a paragraph or the
    text (only spaces, opening quotes or brackets between it and the end of what came before)?"""
    k = start - 1
    while k >= 0 and folded[k] in _OPENERS:
        k -= 1
    return k < 0 or folded[k] in _SENTENCE_ENDS


def _after_the(folded: str, start: int) -> bool:
    """Is the word before offset `start` of the folded text "the" (one space or line break
    between)?"""
    return start >= 4 and folded[start - 4:start - 1] == "the" and folded[start - 1].isspace() \
        and (start == 4 or not folded[start - 5].isalnum())


@dataclass(frozen=True)
class Title:
    term: str
    type: str  # head | modifier | honorific
    role: str


@dataclass(frozen=True)
class GenericNoun:
    noun: str  # singular lemma as in the file
    surface: str  # the form matched (singular or plural)
    plural: bool
    sector: str
    kind: str
    form: str


@dataclass(frozen=True)
class AgencyTerm:
    term: str
    pos: str  # verb | noun
    cls: str
    reciprocal: bool
    agent_preps: tuple[str, ...] = ()
    patient_preps: tuple[str, ...] = ()
    #: whom a possessor before the noun names when no patient phrase follows: "agent" ("Kabul's
    #: aggression") or "patient" ("his assassination", "Khashoggi's murder", "her arrest")
    possessor: str = "agent"


@dataclass(frozen=True)
class InitiatorCue:
    cue: str
    type: str
    casts: str  # initiator | responder


@dataclass(frozen=True)
class TextMatch:
    """A gazetteer hit in a text: [start, end) offsets, the layer that matched and its payload."""

    start: int
    end: int
    layer: str  # entity | title | generic | non_actor
    payload: object  # Surface | Title | GenericNoun | str (non-actor type)


_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u02bc": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}


def _fold_char(ch: str) -> str:
    """One character folded: always exactly one character."""
    if ch in _FOLD:
        return _FOLD[ch]
    if ord(ch) < 128:
        return ch.lower()
    base = unicodedata.normalize("NFKD", ch)
    base = "".join(c for c in base if not unicodedata.combining(c))
    low = base.lower() if len(base) == 1 else ch.lower()
    return low if len(low) == 1 else ch


class _CharTable(dict):
    """code point -> `convert` of its character, filled on first sight (str.translate calls
    __missing__); bounded, as texts may bring any number of distinct characters."""

    LIMIT = 100_000

    def __init__(self, convert):
        super().__init__()
        self.convert = convert

    def __missing__(self, code: int) -> str:
        if len(self) >= self.LIMIT:  # pragma: no cover - texts of that many distinct characters
            self.clear()
        value = self[code] = self.convert(chr(code))
        return value


def _blank_char(ch: str) -> str:
    """The character, or a space when it is not a letter or digit (find_hits' blanked text)."""
    return ch if ch.isalnum() else " "


_FOLD_TABLE = _CharTable(_fold_char)
_BLANK_TABLE = _CharTable(_blank_char)


def fold(text: str) -> str:
    """Lower-case, ASCII-folded text of the SAME length, so offsets carry over unchanged.

    Folding is character by character, so it runs as one str.translate over a memo of the
    characters seen so far (a Python loop per character was a tenth of the actors stage). Short
    texts (names, titles: tens of thousands of calls an article set, mostly repeats) are memoised
    whole; the memo is bounded so a long batch's memory stays flat.
    """
    if len(text) > _FOLD_MEMO_CHARS:
        return _fold_long(text)
    got = _FOLD_MEMO.get(text)
    if got is None:
        if len(_FOLD_MEMO) >= _FOLD_MEMO_SIZE:
            _FOLD_MEMO.clear()
        got = _FOLD_MEMO[text] = text.translate(_FOLD_TABLE)
    return got


def _fold_long(text: str) -> str:
    """fold() of a long text (a whole article), without a table lookup per character.

    ASCII characters fold to their lower case, so only the few others (curly quotes, dashes,
    accented letters) need the table: they are replaced through a regular expression and the
    whole text is then lower-cased, which leaves each replacement as it is when that replacement is
    its own lower case (checked; otherwise the per-character table does it all, as before).
    """
    if text.isascii():
        return text.lower()
    table = _FOLD_TABLE
    chars = set(_NON_ASCII.findall(text))
    for ch in chars:
        folded = table[ord(ch)]
        if folded.lower() != folded:
            return text.translate(table)
    # The few distinct characters (curly quotes, dashes ...) are replaced one after the other by
    # str.replace, unless a replacement is itself one of them (then one regex pass does it).
    pairs = [(ch, table[ord(ch)]) for ch in chars]
    if any(folded in chars for _, folded in pairs):
        return _NON_ASCII.sub(_fold_match, text).lower()
    for ch, folded in pairs:
        text = text.replace(ch, folded)
    return text.lower()


def _fold_match(m) -> str:
    return _FOLD_TABLE[ord(m.group())]


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_FOLD_MEMO: dict[str, str] = {}
_FOLD_MEMO_CHARS = 80
_FOLD_MEMO_SIZE = 100_000


def _key(text: str, keep_the: bool = False) -> str:
    """The lookup key of a name: folded, single-spaced, without a leading "the" (unless
    `keep_the`: a name whose "The" is its own, Surface.with_the)."""
    k = " ".join(fold(text).split())
    if k.startswith("the ") and not keep_the:
        k = k[4:]
    return k.strip(_KEY_STRIP)


_KEY_STRIP = " .,;:"  # punctuation a lookup key does without at either end


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1) and " " not in text


def _plural(noun: str) -> str:
    """English plural of a (possibly multi-word) noun: the last word changes."""
    words = noun.split(" ")
    w = words[-1]
    irregular = {"man": "men", "woman": "women", "child": "children", "person": "people",
                 "police": "police", "personnel": "personnel", "media": "media", "press": "press",
                 "clergy": "clergy", "mujahideen": "mujahideen", "mujahid": "mujahideen",
                 "military": "military", "army": "armies"}
    if w in irregular:
        p = irregular[w]
    elif w.endswith("man") and len(w) > 4:
        p = w[:-3] + "men"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        p = w[:-1] + "ies"
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        p = w + "es"
    else:
        p = w + "s"
    return " ".join(words[:-1] + [p])


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def _read_tsv(path: Path):
    """Yield (line_number, header, row) for each data row; header is a tuple of column names."""
    header = None
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}:0: not UTF-8 ({exc})") from None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = tuple(c.lower() for c in cells)
            if header not in HEADERS.values() and header not in LEGACY_HEADERS:
                raise GazetteerError(
                    f"{path}:{n}: unknown header {'/'.join(header)}; expected one of: "
                    + "; ".join("/".join(h) for h in HEADERS.values()))
            continue
        if len(cells) > len(header):
            raise GazetteerError(f"{path}:{n}: {len(cells)} columns, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        yield n, header, dict(zip(header, cells))


def _file_type(header: tuple) -> str:
    for name, h in HEADERS.items():
        if h == header:
            return name
    return LEGACY_HEADERS[header]


@dataclass
class Gazetteer:
    """The loaded tables, with lookups by name and a matcher over running text."""

    entries: dict = field(default_factory=dict)  # id -> Entry
    surfaces: dict = field(default_factory=dict)  # key -> list[Surface]
    titles: dict = field(default_factory=dict)  # term -> Title
    generic: dict = field(default_factory=dict)  # surface -> GenericNoun
    org_heads: dict = field(default_factory=dict)  # word -> kind
    non_actors: dict = field(default_factory=dict)  # term -> type
    agency: dict = field(default_factory=dict)  # (term, pos) -> AgencyTerm
    initiator_cues: tuple = ()
    control: dict = field(default_factory=dict)  # lemma -> one of CONTROL_TYPES
    #: modifier word -> the sector it gives a group noun of form "by_modifier" ("militant group":
    #: armed_nonstate, "business group": business); group_modifiers.tsv
    group_modifiers: dict = field(default_factory=dict)
    sources: tuple = ()  # files loaded, in order
    _automaton: object = field(default=None, repr=False)
    _surnames: dict | None = field(default=None, repr=False)  # folded surname -> person ids

    # ----- queries by name -------------------------------------------------------------------
    def surfaces_of(self, text: str) -> list[Surface]:
        """Every surface that spells `text` as written, under the case rule of text search
        (`Surface.fits_case`): a case-sensitive surface only in the file's spelling ("US", not
        "us"), a capitalised one not in text written all in lower case ("Conservatives" is the UK
        party, "some conservatives" is not; "Male" is the Maldives' capital, "a male president"
        is not). So pass the phrase as the article writes it, never a lower-cased key. A surface
        written with "the" in lower case ("the supreme court") needs it: "supreme court" is none."""
        plain = " ".join(text.split()).strip(_KEY_STRIP)
        the = plain[:4].lower() == "the "
        if the:
            plain = plain[4:]
        found = [s for s in self.surfaces.get(_key(text), ())
                 if not s.home_only and ((the and plain.islower()) if s.after_the else
                                         (the or not s.not_first) and s.fits_case(plain))]
        if the:  # "The Hill": a name whose "The" is its own, written exactly so
            whole = " ".join(text.split()).strip(_KEY_STRIP)
            found += [s for s in self.surfaces.get(_key(text, keep_the=True), ())
                      if s.with_the and whole == s.text]
        return found

    def lookup(self, text: str, context: tuple = ()) -> Entry | None:
        """The entry named by exactly `text` ("TTP", "the Kremlin", "Afghans", "Kabul"), or None.

        Unambiguous surfaces win over ambiguous ones; among equals, names over aliases over metonyms.
        When only ambiguous surfaces match and they name different actors ("Foreign Office": the UK's
        or Pakistan's), the one whose side is in `context` (side names or entry ids) wins, else None.
        """
        cands = self.surfaces_of(text)
        if not cands:
            return None
        order = {t: i for i, t in enumerate(SURFACE_TYPES)}
        if all(s.guess for s in cands):
            actors = sorted({self.actor_id(s.entry_id) for s in cands})
            if len(actors) > 1:
                fitting = [s for s in cands if self.side_of(s.entry_id) in context
                           or self.actor_id(s.entry_id) in context]
                if len({self.actor_id(s.entry_id) for s in fitting}) != 1:
                    return None
                cands = fitting
        best = min(cands, key=lambda s: (s.guess, order.get(s.type, 9), s.entry_id))
        return self.entries.get(best.entry_id)

    def person_by_surname(self, word: str) -> Entry | None:
        """The one person whose name or an alias ends with `word` (folded: "trump" -> Donald
        Trump), or None when no person or several do ("johnson"). A bare surname in a text names
        that person when the text gives no fuller name (the actors stage and the speakers' roles
        and sides both ask)."""
        table = self._surnames
        if table is None:
            table = {}
            for e in self.entries.values():
                if e.kind == "person":
                    for nm in (e.name,) + e.aliases:
                        parts = fold(nm).split()
                        if len(parts) > 1:
                            table.setdefault(parts[-1], set()).add(e.id)
            self._surnames = table
        ids = table.get(word)
        return self.entries[next(iter(ids))] if ids is not None and len(ids) == 1 else None

    def actor_id(self, entry_id: str) -> str:
        """The id of the actor an entry's mentions belong to, following acts_for links."""
        seen = set()
        while entry_id in self.entries and self.entries[entry_id].acts_for and entry_id not in seen:
            seen.add(entry_id)
            entry_id = self.entries[entry_id].acts_for
        return entry_id

    def side_of(self, entry: Entry | str | None) -> str | None:
        """The side an entry speaks or fights for, as a display name ("Pakistan", "TTP" ...)."""
        if isinstance(entry, str):
            entry = self.entries.get(entry)
        if entry is None:
            return None
        if entry.acts_for:
            return self.side_of(self.actor_id(entry.id))
        if entry.kind == "country":
            return entry.name
        if entry.kind == "armed_group" or not entry.country:
            return entry.name
        owner = self.entries.get(entry.country)
        return self.side_of(owner) if owner is not None and owner.id != entry.id else entry.name

    def display_name(self, actor_id: str) -> str:
        e = self.entries.get(actor_id)
        return e.name if e else actor_id

    def affiliation_of(self, text: str, context: tuple = ()) -> str | None:
        """The side a speaker or actor phrase belongs to, or None when the phrase does not say.

        "Pakistani officials" -> "Pakistan"; "Kabul" -> "Afghanistan"; "the Taliban government" ->
        "Afghanistan"; "TTP spokesman" -> "Tehreek-e-Taliban Pakistan"; "Defence Minister Khawaja
        Asif" -> "Pakistan" only because the South Asia pack lists him, else None; "officials" -> None.
        The leftmost gazetteer name in the phrase decides (titles and generic nouns carry no side).
        """
        if not text or not text.strip():
            return None
        entry = self.lookup(text, context)
        if entry is not None:
            return self.side_of(entry)
        for m in self.find(text):
            if m.layer == "entity":
                e = self.lookup(text[m.start:m.end], context)
                if e is not None:
                    return self.side_of(e)
        return None

    def names_people(self, word: str) -> bool:
        """Is `word` (as written) a capitalised plural that names the people an organisation may
        be named after: a people demonym ("Americans", "Afghans") or a plural group noun of a
        sector that does not act for others ("Students", "Citizens", "Nurses", "Mainers"; not
        "Spokesmen")? "Americans United for Life", "Mainers United for Marriage", "Texans for
        Lawsuit Reform" are organisations."""
        if not word[:1].isupper():
            return False
        g = self.generic.get(fold(word))
        if g is not None and g.plural and g.sector not in AGENT_SECTORS:
            return True
        return any(s.type == "demonym" and s.plural_people for s in self.surfaces_of(word))

    def title(self, text: str) -> Title | None:
        return self.titles.get(" ".join(fold(text).split()))

    def agency_term(self, term: str, pos: str) -> AgencyTerm | None:
        return self.agency.get((term, pos))

    def __getstate__(self):  # the automaton is rebuilt lazily after pickling (worker processes)
        state = dict(self.__dict__)
        state["_automaton"] = None
        return state

    # ----- matching running text -------------------------------------------------------------
    def _build(self):
        keys: dict[str, list] = {}
        for key, surfs in self.surfaces.items():
            keys.setdefault(key, []).extend(("entity", s) for s in surfs)
        for term, t in self.titles.items():
            keys.setdefault(term, []).append(("title", t))
        for surf, g in self.generic.items():
            keys.setdefault(surf, []).append(("generic", g))
        for term, typ in self.non_actors.items():
            keys.setdefault(term, []).append(("non_actor", typ))
        if ahocorasick is not None:
            auto = ahocorasick.Automaton()
            for k, v in keys.items():
                auto.add_word(k, (k, tuple(v)))
            auto.make_automaton()
            # find_hits' automaton: each key blanked (every character that is not a letter or
            # digit made a space) between two spaces; keys that blank alike share a pattern
            groups: dict[str, list] = {}
            for k, v in keys.items():
                verify = not k.isalnum()  # the blanked text matching says nothing of its non-alnums
                groups.setdefault(" " + k.translate(_BLANK_TABLE) + " ", []).append((k, tuple(v), verify))
            bounded = ahocorasick.Automaton()
            for pattern, group in groups.items():
                # `plain`: the (layer, payload) pairs of a pattern that one key spells as
                # blanked (nothing to verify) and whose entities have no rule of place or case
                # (most patterns): a hit on it takes all of them, with no test per key and payload
                plain = None
                if len(group) == 1:
                    _, vals, verify = group[0]
                    if not verify and not any(
                            layer == "entity" and (payload.case_sensitive or payload.after_the
                                                     or payload.not_first)
                            for layer, payload in vals):
                        plain = vals
                # `caps`: a surface of the pattern is capitalised, so a hit written all in lower
                # case drops it (see Surface.capitalised)
                caps = any(layer == "entity" and payload.capitalised
                           for _, vals, _ in group for layer, payload in vals)
                bounded.add_word(pattern, (len(pattern) - 2, tuple(group), plain, caps))
            bounded.make_automaton()
            self._automaton = ("aho", auto, bounded)
        else:  # pragma: no cover - slow path
            self._automaton = ("dict", keys, None)

    def find_hits(self, text: str, sort: bool = True) -> list[tuple]:
        """`find` as plain (start, start - end, layer, end, payload) tuples, in the same order.

        For the actors stage, which aligns every hit of a whole article to tokens and never needs
        TextMatch objects: building 40,000 of them an article set, and testing the characters
        around each raw hit after a second pass over them, was most of the time spent here.

        Word boundaries are left to the automaton: it runs over the folded text with every
        character that is not a letter or digit blanked to a space (one bytes.translate for an
        ASCII text), padded with a space at each end, and holds every key blanked the same way
        between two spaces. A pattern is found exactly where its key could be found with no
        letter or digit on either side, so the hits inside words ("us" in "because", two thirds
        of what the plain automaton reports) never reach the Python loop. A key with characters
        other than letters and digits is then checked against the folded text itself ("al
        qaeda" and "al-qaeda" blank alike), and the hyphen, apostrophe and case rules of `find`
        run as before.

        `sort=False` leaves the hits in the automaton's order (by end offset): for a caller whose
        result does not depend on the order of different spans. The hits of one span always come
        from one key, in the order of its payloads, sorted or not.
        """
        if self._automaton is None:
            self._build()
        folded = fold(text)
        kind, _, bounded = self._automaton
        if kind != "aho":  # pragma: no cover - slow path
            return [(m.start, m.start - m.end, m.layer, m.end, m.payload) for m in self.find(text, folded)]
        if folded.isascii():
            blank = folded.encode("ascii").translate(_BLANK_BYTES).decode("ascii")
        else:
            blank = folded.translate(_BLANK_TABLE)
        padded = " " + folded + " "  # padded[i + 1] is folded[i]; the pads count as non-alnum
        out = []
        append = out.append
        for end, (length, group, plain, caps) in bounded.iter(" " + blank + " "):
            # the pattern " key " ends at `end` of the padded blanked text, on the space standing
            # for the character after the key, so the key is folded[end - 1 - length:end - 1]
            end -= 1
            start = end - length
            before = padded[start]
            after = padded[end + 1]
            # (a real "-" or "'" before the hit means start >= 1, so padded[start - 1] exists and is
            # the pad when start == 1; likewise a real "-" after it means end + 2 <= len(padded) - 1)
            if (before == "-" or before == "'") and padded[start - 1].isalnum():
                continue  # inside a hyphenated word, or the "s" of "Pakistan's"
            if after == "-" and padded[end + 2].isalnum():
                continue
            if plain is not None and not (caps and text[start:end].islower()):
                # one key, nothing to verify, and no capitalised surface written in lower case
                for layer, payload in plain:
                    append((start, start - end, layer, end, payload))
                continue
            for k, vals, verify in group:
                if verify and folded[start:end] != k:
                    continue
                for layer, payload in vals:
                    if layer == "entity" and not payload.fits_at(text[start:end], folded, start):
                        continue
                    append((start, start - end, layer, end, payload))
        if sort:
            out.sort(key=_HIT_ORDER)
        return out

    def find(self, text: str, folded: str | None = None) -> list[TextMatch]:
        """Every gazetteer hit in `text` on word boundaries, overlapping hits included, sorted.

        Matching is case-insensitive on folded text, except acronyms and other case-sensitive
        surfaces, which must match the original characters. A hit inside a hyphenated word
        ("Pak-Afghan") is dropped unless the surface itself has the hyphen.
        """
        if self._automaton is None:
            self._build()
        folded = fold(text) if folded is None else folded
        kind, auto, _ = self._automaton
        raw = []
        if kind == "aho":
            append = raw.append
            for end_idx, (k, vals) in auto.iter(folded):
                append((end_idx - len(k) + 1, end_idx + 1, vals))
        else:  # pragma: no cover
            for k, vals in auto.items():
                i = folded.find(k)
                while i >= 0:
                    raw.append((i, i + len(k), vals))
                    i = folded.find(k, i + 1)
        out = []
        n = len(text)
        # Most raw hits sit inside longer words ("us" in "because"): one test of the characters
        # on either side throws those out before the finer hyphen and apostrophe rules run.
        for start, end, vals in raw:
            before = folded[start - 1] if start > 0 else " "
            after = folded[end] if end < n else " "
            if before.isalnum() or after.isalnum():
                continue
            if before == "-" and start > 1 and folded[start - 2].isalnum():
                continue
            if after == "-" and end + 1 < n and folded[end + 1].isalnum():
                continue
            if before == "'" and start > 1 and folded[start - 2].isalnum():
                continue  # the "s" of "Pakistan's" and the like
            for layer, payload in vals:
                if layer == "entity" and not payload.fits_at(text[start:end], folded, start):
                    continue
                out.append(TextMatch(start, end, layer, payload))
        out.sort(key=_match_order)
        return out


#: _BLANK_TABLE for ASCII bytes (bytes.translate)
_BLANK_BYTES = bytes(b if chr(b).isalnum() else 32 for b in range(256))
_HIT_ORDER = itemgetter(0, 1, 2)  # (start, start - end, layer): _match_order on find_hits' tuples


def _match_order(m: TextMatch):
    return (m.start, m.start - m.end, m.layer)


# ----- loading ---------------------------------------------------------------------------------

def default_gazetteer_dir() -> Path:
    """lexicons/gazetteer beside the package (a source checkout), or $FRAMING_GAZETTEER."""
    env = os.environ.get("FRAMING_GAZETTEER")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for cand in (here.parent / "lexicons" / "gazetteer", here / "data" / "lexicons" / "gazetteer"):
        if cand.is_dir():
            return cand
    return here.parent / "lexicons" / "gazetteer"


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise GazetteerError(f"{path}:0: no such file or folder")
    return sorted(p for p in path.rglob("*.tsv") if p.is_file())


def _yesno(value: str, where: str) -> bool:
    v = value.lower()
    if v in ("", "no", "n", "false", "0"):
        return False
    if v in ("yes", "y", "true", "1"):
        return True
    raise GazetteerError(f"{where}: expected yes or no, got {value!r}")


def _unmarked(alias: str) -> str:
    """An alias without its marks: "?" (a guess), "^" (not first in a sentence), "~" (only in
    an article about the entry's side) and "=" (its "The" is its own)."""
    return alias.rstrip("?^~=").strip()


class _Loader:
    def __init__(self):
        self.g = Gazetteer()
        self.pending_surfaces: dict[str, list[Surface]] = {}  # entry id -> surfaces

    def add_entry(self, entry: Entry, surfaces: list[Surface]):
        self.g.entries[entry.id] = entry  # a later file overrides an earlier entry with the same id
        self.pending_surfaces[entry.id] = surfaces

    def surface(self, text, entry_id, typ, where, plural_people=False) -> Surface:
        marks = text[len(text.rstrip("?^~=")):]
        guess, not_first, home_only = "?" in marks, "^" in marks, "~" in marks
        with_the = "=" in marks
        text = _unmarked(text)
        if not text:
            raise GazetteerError(f"{where}: empty name")
        cs = typ == "acronym" or (_is_acronym(text) and typ in ("alias", "name")) or with_the
        lower = text == text.lower()
        return Surface(text, entry_id, typ, guess, cs, plural_people, not lower,
                       lower and text.startswith("the "), not_first, home_only, with_the)

    def load_file(self, path: Path):
        for n, header, row in _read_tsv(path):
            where = f"{path}:{n}"
            ftype = _file_type(header)
            getattr(self, "row_" + ftype)(row, where)

    def row_countries(self, r, where):
        cid, name = r["id"], r["name"]
        if not cid or not name:
            raise GazetteerError(f"{where}: id and name are required")
        s = [self.surface(name, cid, "name", where)]
        s += [self.surface(a, cid, "alias", where) for a in _split(r["aliases"])]
        for d in _split(r["demonyms"]):
            low = d.lower()
            people = low.endswith("s") and not low.endswith(("ss", "ese", "swiss")) or low in (
                "frenchmen", "batswana", "basotho")
            s.append(self.surface(d, cid, "demonym", where, plural_people=people))
        if r["capital"]:
            s.append(self.surface(r["capital"], cid, "capital", where))
        s += [self.surface(m, cid, "metonym", where) for m in _split(r["metonyms"])]
        self.add_entry(Entry(cid, "country", name, country=cid, aliases=tuple(_unmarked(a) for a in _split(r["aliases"])),
                             source=where), s)

    def row_organisations(self, r, where):
        oid, kind, name = r["id"], r["kind"], r["name"]
        if not oid or not name:
            raise GazetteerError(f"{where}: id and name are required")
        if kind not in ENTRY_KINDS or kind in ("country", "person"):
            raise GazetteerError(f"{where}: unknown kind {kind!r}; expected one of "
                                 + ", ".join(k for k in ENTRY_KINDS if k not in ("country", "person")))
        s = [self.surface(name, oid, "name", where)]
        s += [self.surface(a, oid, "alias", where) for a in _split(r["aliases"])]
        s += [self.surface(a, oid, "acronym", where) for a in _split(r["acronyms"])]
        amb = _yesno(r["ambiguous"], where)
        name = _unmarked(name)  # "The Hill=": the display name is "The Hill"
        self.add_entry(Entry(oid, kind, name, country=r["country"], acts_for=r["acts_for"],
                             ambiguous=amb, aliases=tuple(_unmarked(a) for a in _split(r["aliases"])), source=where), s)

    def row_people(self, r, where):
        pid, name = r["id"], r["name"]
        if not pid or not name:
            raise GazetteerError(f"{where}: id and name are required")
        s = [self.surface(name, pid, "name", where)]
        s += [self.surface(a, pid, "alias", where) for a in _split(r["aliases"])]
        self.add_entry(Entry(pid, "person", name, country=r["country"], role=r["role"],
                             aliases=tuple(_unmarked(a) for a in _split(r["aliases"])), source=where), s)

    def row_titles(self, r, where):
        term = " ".join(r["term"].lower().split())
        if not term or r["type"] not in TITLE_TYPES:
            raise GazetteerError(f"{where}: need a term and a type in {TITLE_TYPES}")
        old = self.g.titles.get(term)
        if old is not None and old.type == "head" and r["type"] == "modifier":
            return  # "chief" is both; a head title wins
        self.g.titles[term] = Title(term, r["type"], r["role"])

    def row_generic_groups(self, r, where):
        noun = " ".join(r["noun"].lower().split())
        if not noun:
            raise GazetteerError(f"{where}: empty noun")
        if r["form"] not in GENERIC_FORMS:
            raise GazetteerError(f"{where}: form must be one of {GENERIC_FORMS}, got {r['form']!r}")
        kind = r["kind"] or "generic_group"
        forms = []
        if r["form"] in ("both", "singular", "modified", "by_modifier", "by_name"):
            forms.append((noun, False if r["form"] != "singular" or not noun.endswith("s") else True))
        if r["form"] in ("both", "modified", "by_modifier", "by_name"):
            forms.append((_plural(noun), True))
        if r["form"] == "plural":
            forms.append((noun, True) if noun.endswith(("s", "men", "people", "children", "police", "mujahideen"))
                         or noun == _plural(noun) else (_plural(noun), True))
        for surf, plural in forms:
            self.g.generic[surf] = GenericNoun(noun, surf, plural, r["sector"], kind, r["form"])

    def row_org_heads(self, r, where):
        if not r["word"]:
            raise GazetteerError(f"{where}: empty word")
        self.g.org_heads[r["word"].lower()] = r["kind"] or "organisation"

    def row_non_actors(self, r, where):
        if not r["term"]:
            raise GazetteerError(f"{where}: empty term")
        self.g.non_actors[" ".join(fold(r["term"]).split())] = r["type"] or "other"

    def row_agency_terms(self, r, where):
        if r["pos"] not in ("verb", "noun") or r["class"] not in AGENCY_CLASSES:
            raise GazetteerError(f"{where}: pos must be verb or noun and class one of {AGENCY_CLASSES}")
        possessor = r.get("possessor") or "agent"
        if possessor not in ("agent", "patient"):
            raise GazetteerError(f"{where}: possessor must be agent or patient (empty: agent)")
        term = " ".join(r["term"].lower().split())
        self.g.agency[(term, r["pos"])] = AgencyTerm(
            term, r["pos"], r["class"], _yesno(r["reciprocal"], where),
            tuple(_split(r["agent_prep"])), tuple(_split(r["patient_prep"])), possessor)

    def row_initiator_cues(self, r, where):
        if r["type"] not in INITIATOR_TYPES or r["casts"] not in ("initiator", "responder"):
            raise GazetteerError(f"{where}: type must be one of {INITIATOR_TYPES} and casts "
                                 "initiator or responder")
        self.g.initiator_cues += (InitiatorCue(" ".join(r["cue"].lower().split()), r["type"], r["casts"]),)

    def row_group_modifiers(self, r, where):
        word = " ".join(r["word"].lower().split())
        if not word or not r["sector"].strip():
            raise GazetteerError(f"{where}: a word and a sector")
        self.g.group_modifiers[word] = r["sector"].strip()

    def row_control_words(self, r, where):
        if r["type"] not in CONTROL_TYPES or not r["word"].strip():
            raise GazetteerError(f"{where}: a word and a type, one of {CONTROL_TYPES}")
        self.g.control[r["word"].strip().lower()] = r["type"]

    def finish(self) -> Gazetteer:
        for eid, e in self.g.entries.items():
            if e.acts_for and e.acts_for not in self.g.entries:
                raise GazetteerError(f"{e.source}: acts_for {e.acts_for!r} is not a known id")
        surfaces: dict[str, list[Surface]] = {}
        for eid in sorted(self.pending_surfaces):
            if eid not in self.g.entries:
                continue
            seen = {}  # (key, type, after_the) -> the surface kept
            for s in self.pending_surfaces[eid]:
                # one surface per key and type; a spelling in lower case stands for a capitalised
                # one ("defense department" is found wherever "Defense Department" is), and one
                # with "the" in lower case ("the supreme court") is a surface of its own
                k = _key(s.text, keep_the=s.with_the)
                if not k:
                    continue
                old = seen.get((k, s.type, s.after_the))
                if old is None:
                    seen[(k, s.type, s.after_the)] = s
                    surfaces.setdefault(k, []).append(s)
                elif old.capitalised and not s.capitalised and not old.case_sensitive:
                    kept = surfaces[k]
                    kept[kept.index(old)] = seen[(k, s.type, s.after_the)] = replace(old, capitalised=False)
        self.g.surfaces = surfaces
        return self.g


def load_gazetteer(extra_paths=(), base: Path | str | None = None) -> Gazetteer:
    """Load the default gazetteer (lexicons/gazetteer, topic subfolders included) plus extra packs.

    `extra_paths`: files or folders loaded after the defaults; an entry with an existing id replaces
    it. Raises GazetteerError (message "file:line: problem") on a malformed row.
    """
    base = Path(base) if base is not None else default_gazetteer_dir()
    return _load_cached(str(base), tuple(str(p) for p in extra_paths))


@lru_cache(maxsize=8)
def _load_cached(base: str, extra: tuple) -> Gazetteer:
    loader = _Loader()
    files = _files(Path(base)) if Path(base).exists() else []
    for p in extra:
        files += _files(Path(p))
    for f in files:
        loader.load_file(f)
    g = loader.finish()
    g.sources = tuple(str(f) for f in files)
    return g
