"""What a source phrase says about its speaker: name, title, role, side, anonymity.

"Pakistan's Defence Minister Khawaja Asif" -> name "Khawaja Asif", title "Defence Minister", role
government, affiliation Pakistan (from the gazetteer when one is loaded). "Pakistani officials" ->
no name, role government, anonymous. "the Foreign Office" -> an institution. Role words and titles
come from framing/data/attribution/roles.tsv; sides come from the gazetteer (none without it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice

from .chunks import PROPER, TIME_WORDS
from .data import AttributionData, data_rows, first_names

HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "miss", "mr", "mrs", "ms", "sir", "dame", "lord"})
# lower-case words inside a person's name ("Mohammed bin Salman", "Charles de Gaulle", "Ursula von
# der Leyen"): shared with the actors stage's name runs (framing.actors.mentions)
NAME_PARTICLES = frozenset({"bin", "ibn", "al", "el", "von", "van", "der", "de", "la", "da", "ul", "di",
                            "du", "le", "abu", "bint"})
#: What follows a surname to tell a son from his father ("Donald Trump Jr.", "Martin Luther King
#: Jr."): part of the name, never a surname itself.
GENERATIONAL_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})
PRONOUNS_PERSON = frozenset({"he", "she", "i"})
PRONOUNS_GROUP = frozenset({"they", "we"})
PRONOUNS_THING = frozenset({"it"})
RELATIVES = frozenset({"who", "which", "that"})
INSTITUTION_ROLES = frozenset({"organisation", "media", "international"})
#: Titles whose role is the body's they head, when one is named ("president of the Club for
#: Growth" is no government; `head_of_body_role`).
HEADS_OF_BODIES = frozenset(("president", "vice president"))
#: Titles of people who speak for someone: their role is the body's they speak for when the
#: gazetteer knows it or its name says what it is ("spokesman for the Republican National
#: Committee", "adviser at the Berkeley Center"), the title's own otherwise ("aide to Boehner").
SPEAKERS_FOR = frozenset(("spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide"))
#: Titles that say no kind of voice themselves ("director of congressional relations for the
#: American Farm Bureau Federation"): a speaker with no role word takes the role of the body they
#: name, when the gazetteer knows it or its name says what it is (`body_role_after_title`).
TITLES_OF_BODIES = frozenset(("director", "head", "chair", "coordinator", "manager", "member",
                              "members"))
#: Words that rank a title of a body, between the body and the title ("ACLU Executive Director").
_TITLE_RANKS = frozenset(("executive", "deputy", "assistant", "associate", "managing", "acting",
                          "interim", "senior", "general", "regional", "national", "board"))
#: The words that link a title to the body it serves ("president of", "spokesman for").
_BODY_LINKS = frozenset(("of", "at", "for", "with", "to"))
#: The speaker role of each kind an organisation's head word gives (lexicons/gazetteer/org_heads.tsv).
_ORG_HEAD_ROLE = {"organisation": "organisation", "government": "government", "media": "media",
                 "military": "military", "party": "political", "armed_group": "militant"}
#: The role of a speaker of each gazetteer kind (a person's own role comes from its entry).
GAZ_KIND_ROLE = {
    "country": "government", "government_body": "government", "military": "military",
    "security_service": "security", "legislature": "political", "judiciary": "legal",
    "international": "international", "party": "political", "armed_group": "militant",
    "media": "media", "ngo": "activist", "company": "organisation", "state": "government",
}
#: Nouns that count or measure the speakers after their "of": "a lot of people", "the share of
#: Americans", "members of Congress", "a series of Trump allies", "a team of researchers".
QUANTITY_HEADS = frozenset({"lot", "lots", "number", "share", "majority", "majorities", "minority",
                            "half", "third", "percent", "plurality", "member", "members", "group",
                            "handful", "dozens", "hundreds", "thousands", "millions", "most", "many",
                            "some", "all", "none", "series", "couple", "pair", "team", "dozen",
                            "handfuls", "panel"})


@dataclass
class SpeakerInfo:
    text: str  # the source phrase as written
    name: str  # proper name without title ("Khawaja Asif"), or "" when none
    description: str  # the phrase without determiners, for unnamed speakers ("Pakistani officials")
    title: str  # "Defence Minister"
    role: str  # government, military, ... or "unknown"
    affiliation: str
    anonymous: bool
    kind: str  # person, group, institution, pronoun, relative
    plural: bool
    role_terms: tuple  # role words found ("minister", "defence minister")


#: Participles whose agent only holds a document ("documents obtained by CNN", "court documents
#: reviewed by the Journal"): the document, not the agent, is the source.
_RECEIVED = frozenset({"obtain", "review", "see", "receive", "examine", "acquire", "view"})


@lru_cache(maxsize=1)
def non_persons() -> frozenset:
    """Head nouns that never stand for one person: documents, findings, media items and bodies
    (framing/data/attribution/non_persons.tsv). "He" is never one of them (coref), and when a
    participle gives one an agent, the agent is who speaks ("a poll conducted by Gallup")."""
    return frozenset(row["term"] for row in data_rows("non_persons.tsv"))


@lru_cache(maxsize=1)
def person_nouns() -> frozenset:
    """Head nouns that stand for one person (framing/data/attribution/person_nouns.tsv): "the
    receptionist", "a neighbor"; "he" may take such a speaker, and a name set off by commas after
    one is the speaker's ("his father, Benjamin Watson,")."""
    return frozenset(row["term"] for row in data_rows("person_nouns.tsv"))


_PHRASES: list = [None, None]  # [phrases, the search of a regex matching any of them]


def _anonymous_phrase(data: AttributionData):
    """The `search` of one regex for "does the text hold any of data.anonymous_phrases" (one scan
    instead of one per phrase), or None when there are none."""
    phrases = data.anonymous_phrases
    if _PHRASES[0] is not phrases:
        _PHRASES[:] = [phrases, re.compile("|".join(map(re.escape, phrases))).search if phrases else None]
    return _PHRASES[1]


_FIRSTS: list = [None, frozenset()]  # [roles, the first words of their terms]


def role_lemmas(toks, data: AttributionData) -> list[str]:
    """The tokens' lemmas for reading a role: a capitalised plural keeps its "s" as its lemma
    ("Republicans", "Generals" are tagged as proper nouns), so it is read as the singular when
    that is a role word ("Senate Republicans", "64 percent of Republicans" are political)."""
    roles = data.roles
    return [t.lemma[:-1] if t.pos == "NNPS" and t.lemma.endswith("s") and t.lemma[:-1] in roles
            else t.lemma for t in toks]


def _role_matches(norms: list[str], lemmas: list[str], data: AttributionData):
    """Longest role-term matches over the words: [(start, end, term, role)]."""
    out = []
    i = 0
    n = len(norms)
    if _FIRSTS[0] is not data.roles:
        _FIRSTS[:] = [data.roles, frozenset(term.split(" ")[0] for term in data.roles)]
    firsts = _FIRSTS[1]
    while i < n:
        if norms[i] not in firsts and lemmas[i] not in firsts and " " not in norms[i] and " " not in lemmas[i]:
            i += 1  # no role term opens with this word
            continue
        hit = None
        for size in range(min(data.role_max_words, n - i), 0, -1):
            for words in (norms[i:i + size], lemmas[i:i + size]):
                term = " ".join(words)
                if term in data.roles:
                    hit = (i, i + size, term, data.roles[term])
                    break
            if hit:
                break
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


class _GazetteerMemo:
    """Answers of one gazetteer's `lookup` and `affiliation_of` by phrase: the same phrases ("he",
    "Trump", "officials") come back in every article, and the answers depend on the phrase alone.
    Kept for the last gazetteer object asked (a new one starts afresh), bounded in size."""

    LIMIT = 20000

    def __init__(self):
        self.gazetteer = None
        self.found = {}

    def ask(self, gazetteer, method: str, text: str):
        if gazetteer is not self.gazetteer:
            self.gazetteer, self.found = gazetteer, {}
        key = (method, text)
        try:
            return self.found[key]
        except KeyError:
            pass
        answer = getattr(gazetteer, method)(text)
        if len(self.found) >= self.LIMIT:
            self.found.clear()
        self.found[key] = answer
        return answer


_GAZ = _GazetteerMemo()


def gazetteer_lookup(gazetteer, text: str):
    """gazetteer.lookup(text), remembered (see `_GazetteerMemo`)."""
    return _GAZ.ask(gazetteer, "lookup", text)


def gazetteer_affiliation(gazetteer, text: str):
    """gazetteer.affiliation_of(text), remembered (see `_GazetteerMemo`)."""
    return _GAZ.ask(gazetteer, "affiliation_of", text)


class _DescribeMemo:
    """`_describe` answers by phrase: the same source phrases ("he", "Trump", "the spokesman",
    "officials") come back in every article, and the answer depends only on the phrase's words,
    their offsets inside it, tags, lemmas and norms (and on the data and gazetteer, so the memo
    starts afresh for new ones). Bounded in size, like the gazetteer memo: an entry (key and reading)
    takes about 1.1 KB, so the memo stays near 5 MB; on 1,500 AllSides and PolNeAR articles about
    6 phrases in 10 were read before. When full, the oldest quarter is looked at, and only the
    phrases asked again since they came in stay (`_evict`, a "second chance" order close to least
    recently used, that costs a hit nothing but a flag): on 1,500 AllSides articles that keeps
    about 1,750 more hits (of 58,800 asks) than clearing the whole memo did."""

    LIMIT = 5000

    def __init__(self):
        self.owner = (None, None)
        self.found: dict = {}

    def get(self, tokens, a: int, b: int, text: str, data, gazetteer) -> SpeakerInfo:
        if self.owner[0] is not data or self.owner[1] is not gazetteer:
            self.owner, self.found = (data, gazetteer), {}
        toks = tokens[a:b]
        if not toks:
            return _describe(tokens, a, b, text, data, gazetteer)
        base = toks[0].start
        key = (text[base:toks[-1].end],
               tuple([(t.start - base, t.end - base, t.pos, t.lemma, t.norm) for t in toks]))
        found = self.found
        entry = found.get(key)
        if entry is not None:
            entry[1] = True  # used again since it was (re-)inserted
            return entry[0]
        info = _describe(tokens, a, b, text, data, gazetteer)
        if len(found) >= self.LIMIT:
            self._evict()
        found[key] = [info, False]
        return info

    def _evict(self) -> None:
        """Make room: of the oldest quarter of the entries (in insertion order), those used since
        their insertion go back to the end, marked unused, and the others go ("he", "Trump",
        "officials" stay, where a clear() made every phrase be read again); at most an eighth of
        the memo goes back, so an eighth is always freed."""
        found = self.found
        oldest = list(islice(found.items(), self.LIMIT // 4))
        for key, entry in oldest:
            del found[key]
        kept = [(key, entry) for key, entry in oldest if entry[1]]
        room = self.LIMIT // 4 - self.LIMIT // 8  # at least an eighth of the memo is left free
        for key, entry in kept[-room:] if room > 0 else ():
            entry[1] = False
            found[key] = entry


_DESCRIBED = _DescribeMemo()


def describe(tokens, a: int, b: int, text: str, data: AttributionData, gazetteer=None,
             sentence_text: str = "") -> SpeakerInfo:
    """Read a source phrase tokens[a:b]. With `sentence_text`, an unnamed speaker is anonymous when
    the sentence holds an anonymity phrase ("on condition of anonymity"), role "anonymous" when
    it had none. (The reading without the sentence is remembered across articles, `_DescribeMemo`.)"""
    info = _DESCRIBED.get(tokens, a, b, text, data, gazetteer)
    if sentence_text and not info.name and not info.anonymous and info.kind not in ("pronoun", "relative"):
        found = _anonymous_phrase(data)
        if found is not None and found(sentence_text.lower()):
            return replace(info, anonymous=True, role="anonymous" if info.role == "unknown" else info.role)
    return info


_RELATIVE_OPENERS = frozenset({"which", "who", "whose", "whom", "that"})


def _opens_relative(toks, n: int, main: list) -> bool:
    """Does a relative clause that neither names nor places the speaker start at toks[n], after
    the head part `main`: a restrictive one ("An organization that tracks the Syrian civil war",
    "The man who shot the officer") or ", which" about a body's doings ("The Obama administration,
    which at a NATO meeting ... got commitments" speaks for no NATO; "John Smith, who heads
    Pakistan's foreign ministry," is described by his clause, so ", who" is not one)?"""
    t = toks[n]
    if t.text in _ASIDE_MARKS:
        return n + 1 < len(toks) and toks[n + 1].norm == "which"
    return t.norm in _RELATIVE_OPENERS and main[-1].pos in ("NN", "NNS", "NNP", "NNPS")


#: Marks that end a source's head part before an appositive or an aside.
_ASIDE_MARKS = (",", "(", "\u2014", "--")


def _describe(tokens, a: int, b: int, text: str, data: AttributionData, gazetteer=None) -> SpeakerInfo:
    """`describe` without the sentence: what the phrase tokens[a:b] itself says."""
    sentence_text = ""
    toks = list(tokens[a:b])
    phrase = text[toks[0].start:toks[-1].end] if toks else ""
    # the head part: before an appositive comma or a parenthesis
    main = []
    side_phrase = phrase  # where the speaker's side is read
    relative_cut = False  # the head part ends where a relative clause starts
    counted = False  # "members of Congress", "61 percent of GOP voters": the "of" names no one
    for n, t in enumerate(toks):
        if main and _opens_relative(toks, n, main):
            side_phrase = text[main[0].start:main[-1].end]
            relative_cut = True
            break
        if t.text in _ASIDE_MARKS:
            break
        if main and (t.pos == "VBN" and main[-1].pos in ("NN", "NNS", "NNPS") or
                     t.pos == "VBD" and n + 1 < len(toks) and main[-1].pos in ("NN", "NNS")):
            # "a joint statement issued on October 31", "a transcript released Wednesday" (the
            # tagger reads some such participles as past tenses): a participle clause ends the head
            # part; a document's agent speaks for it ("a poll conducted by Gallup in March" ->
            # Gallup), not the one who obtained or read it ("documents obtained by CNN")
            by = next((m for m in range(n + 1, len(toks)) if toks[m].norm == "by"), None)
            if by is not None and main[-1].norm in non_persons() and t.lemma not in _RECEIVED and \
                    any(x.pos in PROPER for x in toks[by + 1:]):
                return _describe(tokens, a + by + 1, b, text, data, gazetteer)
            side_phrase = text[main[0].start:main[-1].end]  # "Strategists interviewed by Reuters"
            break
        if main and t.norm == "by" and main[-1].pos in ("NN", "NNS") and main[-1].norm in non_persons() and \
                any(x.pos in PROPER for x in toks[n + 1:]):
            # "A recent survey by Comcast Xfinity", "a report by the Government Accountability
            # Office": the source is the document (PolNeAR), its agent speaks for it
            return _describe(tokens, a + n + 1, b, text, data, gazetteer)
        if main and main[-1].pos in ("NN", "NNS") and (t.pos == "IN" or t.norm == "to" and _role_plural(
                main[-1], data)) and (main[-1].text.islower() or _opening_noun(main, toks, text, gazetteer)):
            # "officials in Islamabad", "aides to President Joe Biden" ("to" after plural role words
            # only: "fealty to President Donald Trump" names Trump, "US ambassador to the UN
            # Samantha Power" is the ambassador)
            if t.norm == "of" and main[-1].norm in QUANTITY_HEADS and not any(
                    m.pos == "IN" and any(p.pos in PROPER for p in main[:x]) for x, m in enumerate(main)):
                counted = True  # "a lot of people" stays one description (not "Edward Snowden in a series of")
            elif not (n + 1 < len(toks) and " ".join((main[-1].norm, t.norm, toks[n + 1].norm)) in data.roles):
                break  # "officials in Islamabad": the place is not the speaker's name
        main.append(t)
    if not main:
        main = toks
    if len(main) == 1 and main[0].pos in ("PRP", "WP", "WDT"):
        kind = "relative" if main[0].norm in RELATIVES else "pronoun"
        return SpeakerInfo(phrase, "", "", "", "unknown", "", False, kind,
                           main[0].norm in PRONOUNS_GROUP, ())
    lemmas = [t.lemma for t in toks]
    all_norms = [t.norm for t in toks]
    matches = _role_matches(all_norms, lemmas, data)
    if relative_cut:
        matches = [m for m in matches if m[1] <= len(main)]
    # "President Donald Trump's campaign manager", "The judge's lawyer": the owner's role words
    # tell the speaker's role when it has none of its own ("the prosecutor's office"), but they are
    # not the speaker's terms, which coreference matches ("the president" is not Trump's manager)
    owner_end = max((n + 1 for n, t in enumerate(main) if t.pos == "POS"), default=0)
    main_matches = [m for m in matches if m[1] <= len(main)]
    last_role_end = max((m[1] for m in main_matches), default=0)
    # the name: capitalised words after the last role word of the head part
    org_heads = organisation_heads(data, gazetteer)
    first = last_role_end
    institution_name = False
    person_title = ""  # the title when a known person's name follows an institution's name
    if main_matches and last_role_end < len(main) - 1 and main[last_role_end].norm == "of" and \
            (_capitalised(main[last_role_end + 1]) or main[last_role_end + 1].norm == "the" and
             last_role_end + 2 < len(main) and _capitalised(main[last_role_end + 2])):
        m = main_matches[-1]
        if m[2] not in data.titles and all(_capitalised(t) for t in main[m[0]:m[1]]):
            # "the Ministry of Foreign Affairs", "the Court of Appeals": the role word opens the
            # institution's name; "Secretary of State John Kerry" (a title) is left to the title rule
            first = m[0]
            institution_name = True
    name_toks = []
    coordinated = False  # two or more names joined by "and": the speakers together, a group
    people_org = False  # an organisation named after the people it speaks for (_people_org_start)
    k = first
    n_main = len(main)
    while k < n_main:
        t = main[k]
        if t.pos in PROPER or (t.text[:1].isupper() and t.pos not in ("DT", "PRP$", "POS")) or \
                t.text in ("-", ".") and name_toks:
            if t.norm not in HONORIFICS:
                name_toks.append(t)
        elif t.pos == "POS":
            name_toks = []  # "Pakistan's Interior Minister ...": the possessor is not the name
        elif name_toks and last_role_end and not institution_name and t.norm in ("of", "from"):
            break  # "Gov. John Kasich of Ohio": after a title, the place is not the name
        elif name_toks and t.norm in ("of", "from") and k + 1 < n_main and \
                _person_name(name_toks, org_heads, gazetteer, text):
            break  # "Beatrice Polk of Newark", "Mohammed Shafiq of the Ramadhan Foundation"
        elif name_toks and _name_particle(main, k):
            name_toks.append(t)  # "Mohammed bin Salman", "Charles de Gaulle", "al-Baghdadi"
        elif name_toks and t.pos == "IN" and t.norm not in ("of", "from"):
            if k + 1 < n_main and _capitalised(main[k + 1]) and main[k + 1].norm not in TIME_WORDS and \
                    (name_toks[-1].norm in org_heads or name_toks[-1].norm.rstrip("s") in org_heads):
                name_toks.append(t)  # "Center for American Progress", "Council on Foreign Relations"
            elif t.norm == "for" and k + 1 < n_main and _capitalised(main[k + 1]) and \
                    main[k + 1].norm not in TIME_WORDS and gazetteer is not None and \
                    _people_org_start(name_toks, gazetteer):
                name_toks.append(t)  # "Mainers United for Marriage", "Texans for Lawsuit Reform"
                people_org = True
            else:
                break  # "President Donald Trump on Saturday", "Smith at Harvard": the name has ended
        elif name_toks and t.norm == "and" and k + 1 < n_main and main[k + 1].pos in PROPER and \
                main[k + 1].norm not in HONORIFICS and not any(m[0] > k for m in main_matches):
            name_toks.append(t)  # "Jonathan Rodden and Robert Inman", "Independents and Democrats"
            coordinated = True
        elif name_toks and t.norm == "of" and k + 1 < n_main and _capitalised(main[k + 1]):
            name_toks.append(t)  # "Bank of America", "Department of Homeland Security": one name
        elif name_toks and t.norm == "of" and k + 2 < n_main and main[k + 1].norm == "the" and \
                _capitalised(main[k + 2]):
            name_toks += [t, main[k + 1]]  # "Ministry of the Interior"
            k += 1
        elif name_toks:
            if t is main[-1] and t.pos in ("NN", "NNS") and t.text.islower():
                name_toks = []  # "GOP critics", "the presumptive GOP front-runner": a modifier
            elif t is not main[-1]:
                name_toks = []
        k += 1
    while name_toks and (name_toks[0].pos in ("DT",) or name_toks[0].norm.endswith("-based")):
        name_toks = name_toks[1:]  # "the", and where it is based: "The Britain-based Syrian Observatory"
    if name_toks and all(t.norm in TIME_WORDS for t in name_toks):
        name_toks = []  # "Ginsburg's appearance Saturday was ...": a day or a month names no one
    if gazetteer is not None and len(name_toks) > 1:
        name_toks = _without_demonym(name_toks, gazetteer)
    if name_toks and first > 0 and name_toks[0] is main[first] and not institution_name and \
            name_toks[-1].norm in org_heads and _capitalised(main[first - 1]) and \
            (len(name_toks) == 1 or not any(m[2] in data.titles for m in main_matches)):
        # "the Chicago Police Department": a role word ("police") inside an organisation's name;
        # "the Justice Department": a title word ("justice") before a bare organisation head
        s0 = first
        while s0 > 0 and _capitalised(main[s0 - 1]) and main[s0 - 1].pos not in ("DT", "POS", "PRP$"):
            s0 -= 1
        name_toks = list(main[s0:first]) + name_toks
        institution_name = True
    if counted and name_toks and not any(t.norm == "of" for t in name_toks):
        name_toks = []  # "members of Congress" is a description, not "Congress"
    if coordinated and (not any(t.norm == "and" for t in name_toks) or institution_name or
                        any(t.norm in ("of", "for", "on") or t.norm in org_heads or
                            t.norm.rstrip("s") in org_heads for t in name_toks)):
        # the names before "and" were dropped (a modifier), or one organisation's name holds the
        # "and" ("the Department of Housing and Urban Development", "Faith and Freedom Coalition")
        coordinated = False
    if gazetteer is not None and len(name_toks) > 2 and not coordinated:
        # "Ministry of Foreign Affairs Tahir Hussain Andrabi": the gazetteer knows where the name starts
        for k in range(0, len(name_toks) - 1):
            cand = text[name_toks[k].start:name_toks[-1].end]
            try:
                entry = gazetteer_lookup(gazetteer, cand)
            except Exception:
                entry = None
            if entry is not None and getattr(entry, "kind", "") == "person":
                if k == 0:
                    break  # the whole name is a known person's ("Recep Tayyip Erdogan")
                if institution_name:
                    # "Spokesperson of Pakistani Ministry of Foreign Affairs Tahir Hussain Andrabi": a
                    # person named after the institution's name; everything before the name is the title
                    institution_name = False
                    person_title = text[main[0].start:name_toks[k - 1].end] if main[0] is not name_toks[0] \
                        else ""
                name_toks = name_toks[k:]
                break
    if len(name_toks) >= 3 and not coordinated and not people_org and main_matches and not institution_name:
        at = next((n for n, t in enumerate(main) if t is name_toks[0]), 0)
        if at >= 2 and main[at - 1].norm == "of" and main_matches[-1][1] == at - 1:
            # "the mayor of London Sadiq Khan", "Governor of New York Andrew Cuomo": the place
            # closes the title, the person's name follows it
            cut = _place_before_name(name_toks, text, gazetteer)
            if cut:
                person_title = text[main[main_matches[-1][0]].start:name_toks[cut - 1].end]
                name_toks = name_toks[cut:]
    if len(name_toks) > 3 and not coordinated and not people_org:
        cut = _person_start_after_title(name_toks)
        if cut:
            # "Director of Operations Jane Smith", "Chief of Department Carlos Gomez": the words
            # before the first name are a title with its body ("Director of Operations") when a
            # role word or a body's title is among them, else a body's name
            if main_matches and main_matches[0][0] == 0 or any(
                    t.norm in TITLES_OF_BODIES for t in name_toks[:cut]):
                person_title = text[main[0].start:name_toks[cut - 1].end]
            institution_name = False
            name_toks = name_toks[cut:]
    if gazetteer is not None and name_toks and name_toks[-1] is main[-1]:
        # "Students for Fair Admissions", "organization Doctors Without Borders": a role word opens
        # the name of an organisation the gazetteer knows
        first_name = next(k for k, t in enumerate(main) if t is name_toks[0])
        for s0 in range(max(0, first_name - 3), first_name):
            if main[s0].text[:1].isupper() and main[s0].pos != "DT" and \
                    _known_non_person(gazetteer, text[main[s0].start:main[-1].end]):
                name_toks = list(main[s0:])
                institution_name = True
                break
    if len(main) > 1 and main[0].text == "The" and all(_capitalised(t) for t in main[1:]) and \
            _named_with_the(gazetteer, text[main[0].start:main[-1].end]):
        name_toks = list(main)  # "The Hill", "The Week": the gazetteer knows the name with its "The"
    name = text[name_toks[0].start:name_toks[-1].end] if name_toks else ""
    if name and name.lower() in data.roles:
        name = ""
    appositive = False  # the name follows the description, set off by commas
    if not name and (main[-1].pos == "NN" and (main_matches or main[-1].norm in person_nouns()) or
                     main[-1].pos in ("JJ", "VB", "VBP") and main[-1].norm in person_nouns()) and \
            not any(t.norm == "and" for t in main):
        # "The spokesman for the ministry, Zabihullah Mujahid,"; "The chief, Paul Manafort," (a
        # noun of persons the tagger read as an adjective, extract._description_before_name)
        comma = next((k for k in range(len(main), len(toks)) if toks[k].text == ","), None)
        found = _appositive_name(toks, comma + 1, text, data, gazetteer) if comma is not None else []
        if found:
            name_toks, name, appositive = found, text[found[0].start:found[-1].end], True
    # title: role words before the name, as written (keeps "Defence Minister", drops "the")
    title = person_title
    if not title and main_matches and not institution_name:
        start_tok = main_matches[0][0]
        while start_tok > 0 and main[start_tok - 1].pos in ("NNP", "JJ", "NN") and \
                main[start_tok - 1].text[:1].isupper() and main[start_tok - 1].pos != "POS":
            start_tok -= 1
        end_tok = main_matches[-1][1]
        title = text[main[start_tok].start:main[end_tok - 1].end]
    elif not title and len(toks) > len(main) and matches:
        m = matches[0]
        title = text[toks[m[0]].start:toks[m[1] - 1].end]
    chosen = matches[-1] if main_matches and not name else (main_matches[-1] if main_matches else
                                                            (matches[0] if matches else None))
    if main_matches:
        # the most specific role of the head part: "foreign minister" over "minister", a word over
        # an abbreviated honorific ("Iranian President Dr. Masoud Pezeshkian" is a president)
        chosen = max(main_matches, key=lambda m: (m[1] - m[0], not m[2].endswith("."), m[0]))
    role = chosen[3] if chosen else "unknown"
    if chosen is None and any(t.pos == "NNPS" for t in main):
        # "Senate Republicans", "64 percent of Democrats": the role only (the plural is not read
        # as a role word for the name, title or coreference), of the head part ("Trump, who
        # fought with congressional Republicans" is no Republican by these words)
        plural_matches = _role_matches([t.norm for t in main], role_lemmas(main, data), data)
        role = plural_matches[-1][3] if plural_matches else role
    if chosen:
        role = title_body_role(toks, chosen, gazetteer) or role
    head = main[-1]
    plural = head.pos in ("NNS", "NNPS") or any(t.norm == "and" for t in main)
    has_honorific = any(t.norm in HONORIFICS for t in main)
    # the determiners that open the phrase go ("the officials" -> "officials"), except one that
    # heads it before its "of" ("some of them", not "of them"); later ones stay: "one of the
    # women", "members of the media", "the Office of the Director of National Intelligence"
    # (dropping them gave "One of women", "Office of Director of National Intelligence")
    opening = 0
    while opening < len(main) and main[opening].pos in ("DT", "PRP$") and \
            not (opening + 1 < len(main) and main[opening + 1].norm == "of"):
        opening += 1
    description = _joined(main[opening:])
    anonymous = False
    heads = data.anonymous_heads

    def _generic(t) -> bool:  # "Sources" opening a sentence is tagged as a name
        return t.norm in heads or t.lemma in heads or t.norm.rstrip("s") in heads

    if not any(t.pos in PROPER and not _generic(t) for t in main) and _generic(head):
        anonymous = True
        name = ""
    if sentence_text and not name:
        found = _anonymous_phrase(data)
        if found is not None and found(sentence_text.lower()):
            anonymous = True
    if name and (len(name_toks) >= 2 or has_honorific or appositive or
                 main_matches and main_matches[-1][1] <= len(main)
                 and any(data.roles.get(m[2]) and m[2] in data.titles for m in main_matches)):
        kind = "person"
    elif name and not main_matches and len(name_toks) == 1 and not plural:
        kind = "person"  # a surname; may be an institution or place ("Kabul"): the gazetteer decides
    elif role in INSTITUTION_ROLES or head.pos in PROPER:
        kind = "institution"
    else:
        kind = "group" if plural else "person"
    if name and not coordinated and kind == "person" and not has_honorific and plural and \
            head.pos not in ("NNS", "NNPS"):
        plural = False  # "Actor and activist Jesse Williams": two descriptions of one person
    if name and coordinated:
        kind = "group"  # "Jonathan Rodden and Robert Inman argue": both speak
    elif name and kind == "person" and (institution_name or _org_name(name_toks, org_heads)):
        kind = "institution"  # "Department of Homeland Security", "New York Times": not a person
    elif appositive and kind == "person" and not has_honorific and \
            not any(t.norm in data.titles for t in toks[len(main):]) and \
            _description_head(main).norm in (getattr(gazetteer, "org_heads", None) or ()):
        # "a large nurses' union, Nurses United,": the description says what the name is (not "a
        # member of the group, Amy Lee,": the head comes before its "of"); the gazetteer's
        # organisation heads only (org_heads has role words too: "Hogg's mother"); a name with a
        # title is a person's ("for a unanimous court, conservative Justice Antonin Scalia,")
        kind = "institution"
    elif name and kind == "person" and name_toks[-1].pos == "NNPS" and not has_honorific:
        kind = "group"  # "House Republicans", "Democrats": many people
    if name and people_org and not coordinated:
        kind, plural = "institution", False  # "Americans United for Life says": one organisation
    affiliation = ""
    if gazetteer is not None:
        try:
            affiliation = gazetteer_affiliation(gazetteer, side_phrase) or ""
            if not affiliation and name:
                affiliation = gazetteer_affiliation(gazetteer, name) or ""
        except Exception:  # a gazetteer without this method: degrade to no side
            affiliation = ""
        if kind == "person" and len(name_toks) == 1 and affiliation and _is_place(gazetteer, name):
            kind = "institution"  # a capital standing for its government: "Kabul said"
            if role == "unknown":
                role = "government"
        elif kind == "person" and name and not main_matches and _known_non_person(gazetteer, name):
            kind = "institution"  # "Google", "ACLU": the gazetteer knows an organisation
    if anonymous and role == "unknown":
        role = "anonymous"
    return SpeakerInfo(phrase, name, description, title, role, affiliation, anonymous, kind, plural,
                       tuple(m[2] for m in matches if m[1] > owner_end))


def _description_head(main):
    """The head noun of a description: its last word before the first preposition ("spokesman" in
    "a spokesman for the company"), else its last word."""
    for k, t in enumerate(main):
        if k and t.pos == "IN":
            return main[k - 1]
    return main[-1]


def title_body_role(toks, match, gazetteer) -> str:
    """The role of the body a role-word match (start, end, term, role) names after it, when its
    term heads bodies (HEADS_OF_BODIES) or speaks for them (SPEAKERS_FOR); "" otherwise or when
    nothing is known of the body (`head_of_body_role`)."""
    term = match[2]
    if term not in HEADS_OF_BODIES and term not in SPEAKERS_FOR:
        return ""
    return head_of_body_role(toks, match[1], gazetteer, term in HEADS_OF_BODIES)


def body_role_after_title(toks, start: int, end: int, gazetteer) -> str:
    """The role of the body a title of TITLES_OF_BODIES names in toks[start:end]: a body the
    gazetteer knows right before the title ("FBI Director"), else the first
    capitalised name after an "of", "for", "at" ... that follows the title, up to the next comma
    ("director of congressional relations for the American Farm Bureau Federation": the
    federation, an organisation); "" when there is none or nothing is known of it."""
    for k in range(start, end):
        if toks[k].norm not in TITLES_OF_BODIES:
            continue
        before = _known_body_before(toks, start, k, gazetteer)
        if before:
            return before  # "FBI Director James Comey", "CDC Director Robert Redfield"
        for j in range(k + 1, end):
            if toks[j].text in (",", "(", ";", "\u2014", "--"):
                break
            if _body_start(toks, j, end) is not None:
                # the first named body decides ("executive director of the ACLU of Alabama"
                # speaks for the ACLU, not for Alabama)
                return head_of_body_role(toks, j, gazetteer, False)
        return ""
    return ""


def _known_body_before(toks, start: int, k: int, gazetteer) -> str:
    """The role of the body the gazetteer knows by the capitalised words right before the title
    toks[k] ("FBI" before "Director": security), "" when there is none ("Film director")."""
    j = k
    while j > start and toks[j - 1].text[:1].isupper() and \
            toks[j - 1].pos not in ("DT", "POS", "PRP$"):
        j -= 1
    if j == k or gazetteer is None:
        return ""
    # the longest name first ("U.S. Census Bureau" before "Census Bureau"), then without a word
    # that ranks the title ("ACLU Executive Director"). A place is not the body: "a North
    # Carolina Antifa member" is no member of the state's government
    ends = (k, k - 1) if toks[k - 1].norm in _TITLE_RANKS else (k,)
    for e0 in ends:
        for s0 in range(j, e0):
            name = " ".join(t.text for t in toks[s0:e0])
            if name[:5].lower() == "then-":
                name = name[5:]  # "Then-CIA Director John Brennan"
            entry = gazetteer_lookup(gazetteer, name)
            if entry is not None and entry.kind not in ("person", "country", "state"):
                return GAZ_KIND_ROLE.get(entry.kind, "")
    return ""


def _body_start(toks, k: int, end: int) -> int | None:
    """Index of the first word of the capitalised name a link word at toks[k] ("of", "for" ...)
    opens, before `end` ("of the Club for Growth" -> "Club"), or None."""
    if k + 1 >= end or toks[k].norm not in _BODY_LINKS:
        return None
    j = k + 1 + (toks[k + 1].norm == "the")
    return j if j < end and toks[j].text[:1].isupper() else None


def org_head_role(gazetteer, word: str) -> str:
    """The speaker role the last word of an organisation's name gives (org_heads.tsv: "center":
    organisation, "times": media, "committee": government), "" for any other word."""
    return _ORG_HEAD_ROLE.get(getattr(gazetteer, "org_heads", {}).get(word), "")


def head_of_body_role(toks, k: int, gazetteer, head: bool = True) -> str:
    """The role of someone who heads (`head`: "president of the Club for Growth", "vice president
    at the Cato Institute") or speaks for ("spokesman for the Republican National Committee") the
    body named after toks[k]: the role of what the gazetteer knows it as (a country or a state:
    government; a party: political; a company: organisation ...). A body it does not know is an
    organisation for a head (every country and US state is in it), and what its name's last word
    says (org_heads.tsv: "Center", "Committee") for a spokesman, who may also speak for a person
    ("a spokesman for Huizenga"). "" when no capitalised name follows or nothing is known: "the
    president", "president of the association" stay what the title says."""
    j = _body_start(toks, k, len(toks))
    if j is None:
        return ""
    end = j
    while end < len(toks) and (toks[end].text[:1].isupper() or toks[end].norm in ("of", "for", "and", "&")
                               and end + 1 < len(toks) and toks[end + 1].text[:1].isupper()):
        end += 1
    if gazetteer is None:
        return ""
    name = " ".join(t.text for t in toks[j:end])
    try:
        entry = gazetteer_lookup(gazetteer, name)
    except Exception:
        return ""
    if entry is not None:
        return GAZ_KIND_ROLE.get(entry.kind, "")
    if head:
        return "organisation"
    return org_head_role(gazetteer, toks[end - 1].norm)


def _appositive_name(toks, k: int, text: str, data: AttributionData, gazetteer) -> list:
    """The tokens of a person's name set off by commas right after a singular description of a
    person ("The president's lawyer, Michael Cohen, said", "His spokesman, John Kirby,"), from
    toks[k] to the next comma or the phrase's end: capitalised words, two or more, or one after an
    honorific ("Her lawyer, Mr. Smith,"), without a title before them ("Rear Adm. John Kirby"),
    that the gazetteer does not know as anything but a person ("the capital, Kabul," is a place).
    [] when there is none."""
    end = k
    while end < len(toks) and toks[end].text != ",":
        end += 1
    words = toks[k:end]
    honorifics = 0
    while honorifics < len(words) and words[honorifics].norm in HONORIFICS:
        honorifics += 1
    name = words[honorifics:]
    titles = [m[1] for m in _role_matches([t.norm for t in name], [t.lemma for t in name], data)
              if m[2] in data.titles and m[1] < len(name)]
    if titles:
        # "Rear Adm. John Kirby", "British Prime Minister David Cameron", "Utah Sen. Mitt Romney"
        name = name[titles[-1]:]
    introduced = honorifics > 0 or bool(titles)  # then one word is enough: "Mr. Smith", "Gen. Lee"
    if not name or sum(t.text[:1].isalpha() for t in name) < 2 and not introduced or not all(
            t.pos in PROPER or t.text[:1].isupper() and t.pos not in ("DT", "PRP", "PRP$") or
            t.text in ("-", ".") and n or _name_particle(name, n) for n, t in enumerate(name)):
        return []
    if gazetteer is not None and _known_non_person(gazetteer, text[name[0].start:name[-1].end]):
        return []
    return list(name)


def _place_before_name(name_toks, text: str, gazetteer) -> int:
    """How many words of a capitalised run are a place before a person's name ("London Sadiq
    Khan" -> 1, "New York Andrew Cuomo" -> 2): a place the gazetteer knows, or words before a known
    first name, leaving two words or more for the name. 0 when there is none."""
    for k in range(1, len(name_toks) - 1):
        if opens_person_name(name_toks[k - 1].norm, name_toks[k].norm) or \
                gazetteer is not None and _is_place(gazetteer, text[name_toks[0].start:name_toks[k - 1].end]):
            return k
    return 0


def _person_start_after_title(name_toks) -> int:
    """Where a person's name starts inside a run of capitalised words that holds "of" or a title
    of a body ("Director") before it: the first word that is a known first name (first_names.tsv),
    after a word that is neither a first name nor a particle ("Director of Operations Jane Smith"
    -> 3, "ACLU Executive Director Anthony Romero" -> 3). 0 when there is none: a run without
    either is left whole ("Lee Harvey Oswald"), as is a name of two words."""
    seen_of = False
    for k in range(1, len(name_toks) - 1):
        prev = name_toks[k - 1].norm
        seen_of = seen_of or prev == "of"
        if (seen_of or prev in TITLES_OF_BODIES) and opens_person_name(prev, name_toks[k].norm):
            return k
    return 0


def opens_person_name(prev: str, norm: str) -> bool:
    """Does the word `norm` open a person's name inside a run of capitalised words, after the word
    `prev`: a known first name (first_names.tsv) after a word that is neither a first name, a
    particle, "of" nor a dash or period ("Operations Jane", not "Mary Jane" or "bin Laden")?
    Shared with the actors stage's name runs (framing.actors.mentions)."""
    given = first_names()
    return norm in given and prev not in given and prev not in NAME_PARTICLES and \
        prev not in ("of", "-", ".")


def _named_with_the(gazetteer, phrase: str) -> bool:
    """Does the gazetteer know `phrase` as a name whose "The" is its own ("The Hill")?"""
    surfaces_of = getattr(gazetteer, "surfaces_of", None)
    return surfaces_of is not None and any(s.with_the for s in surfaces_of(phrase))


def _name_particle(toks, k: int) -> bool:
    """Is toks[k] a lower-case word inside a person's name: a particle before the rest of the name
    ("bin" in "Mohammed bin Salman", "de la" in "Jose de la Cruz"), or an Arabic article joined to
    the family name ("al-Baghdadi")? Only after a first name: the caller asks inside a name."""
    t = toks[k]
    if t.norm[:3] in ("al-", "el-") and t.text[3:4].isupper():
        return True
    if t.norm not in NAME_PARTICLES or k == 0 or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    return nxt.text[:1].isupper() or nxt.norm in NAME_PARTICLES or nxt.text == "-"


def _role_plural(tok, data: AttributionData) -> bool:
    """Plural role words ("aides", "advisers", "lawyers"), after which "to" names whom they serve."""
    return tok.pos == "NNS" and (tok.norm in data.roles or tok.lemma in data.roles)


def _opening_noun(main, toks, text: str, gazetteer) -> bool:
    """Is main[-1] a plural common noun written with a capital only because it opens the phrase
    (and so, most often, the sentence): "Lawyers for President Donald Trump", "Critics of Prime
    Minister Imran Khan", "Officials in Islamabad"? The tagger tells it from a name there (it tags
    "Reuters" and "Center" NNP); an acronym or a word with capitals inside is a name. Not when the
    gazetteer knows the phrase from that word on as a name ("Doctors Without Borders"). A singular
    one opens a title as often ("Spokesperson of Pakistani Ministry of Foreign Affairs Tahir Hussain
    Andrabi")."""
    word = main[-1]
    if word.pos != "NNS" or not all(m.pos == "DT" for m in main[:-1]) or not word.text[1:].islower():
        return False
    if gazetteer is not None:
        try:
            return gazetteer_lookup(gazetteer, text[word.start:toks[-1].end].rstrip(" ,")) is None
        except Exception:  # a gazetteer without lookup: no names known
            return True
    return True


def _capitalised(tok) -> bool:
    return tok.text[:1].isupper()


def _joined(toks) -> str:
    """The words as written: no space where the text has none ("Pence’s wife", not "Pence ’s wife")."""
    out = []
    prev = None
    for t in toks:
        if out and not (prev is not None and t.start == prev.end):
            out.append(" ")
        out.append(t.text)
        prev = t
    return "".join(out)


_HEADS: list = [None, None, frozenset()]  # [data, gazetteer, the words]


def organisation_heads(data: AttributionData, gazetteer) -> frozenset:
    """Words that make a capitalised name an organisation ("Bank", "University", "Ministry"): the
    gazetteer's org_heads when one is loaded, and the non-title role words (ministry, court, embassy)."""
    if _HEADS[0] is not data or _HEADS[1] is not gazetteer:
        words = {t for t in data.roles if " " not in t and t not in data.titles}
        words.update(getattr(gazetteer, "org_heads", None) or ())
        _HEADS[:] = [data, gazetteer, frozenset(words)]
    return _HEADS[2]


def _org_name(name_toks, org_heads: frozenset) -> bool:
    """Is this name an organisation's: an organisation head word closes it or comes before its "of",
    "for" or "on" ("New York Times", "U.S. Air Force", "Bank of America", "Committee on Climate
    Change", "Center for American Progress")? Not "NRA News Host Cam Edwards"."""
    words = [t for t in name_toks if t.text not in ("-", ".")]
    if not words:
        return False
    if words[-1].norm in org_heads:
        return True
    return any(t.norm in org_heads and nxt.norm in ("of", "for", "on") for t, nxt in zip(words, words[1:]))


def _person_name(name_toks, heads: frozenset, gazetteer, text: str) -> bool:
    """Is this untitled capitalised name a person's ("Beatrice Polk") rather than an organisation's
    ("Bank", "Federal Reserve Bank", "University")? Two or more plain capitalised words, none an
    organisation head word or an acronym, that the gazetteer (when loaded) does not know as
    something other than a person. Then "of"/"from" after it names a place or an employer."""
    words = [t for t in name_toks if t.text not in ("-", ".")]
    if len(words) < 2 or any(t.norm in heads or t.norm == "of" for t in words):
        return False
    if any(not t.text[:1].isupper() or t.text.isupper() and len(t.text) > 1 for t in words):
        return False
    return gazetteer is None or not _known_non_person(gazetteer, text[name_toks[0].start:name_toks[-1].end])


def _people_org_start(name_toks, gazetteer) -> bool:
    """Do the name's words so far open an organisation named after people, so that "for" and a
    capitalised cause go on with the name: "<People>" or "<People> United" ("Mainers United for
    Marriage", "Americans United for Life", "Texans for Lawsuit Reform"; the gazetteer decides which
    plurals name such people: not "Spokesmen for Graham")?"""
    words = [t for t in name_toks if t.text not in ("-", ".")]
    if words and words[-1].norm == "united":
        words = words[:-1]
    if not words:
        return False
    try:
        return bool(gazetteer.names_people(words[-1].text))
    except Exception:  # a gazetteer without this method: no such names
        return False


def _without_demonym(name_toks: list, gazetteer) -> list:
    """The name without a leading demonym of a place that is not a country ("Coloradan Neil
    Gorsuch", "North Carolinian Thom Tillis": the gazetteer's non-actors of type demonym). A
    country's demonym never gets here: it is an affiliation, read before the name."""
    demonyms = getattr(gazetteer, "non_actors", None)
    if not demonyms:
        return name_toks
    for k in (2, 1):
        if len(name_toks) > k and \
                demonyms.get(" ".join(t.norm for t in name_toks[:k])) == "demonym":
            return name_toks[k:]
    return name_toks


def _known_non_person(gazetteer, name: str) -> bool:
    """Does the gazetteer know `name` as something other than a person (a place, an
    organisation)? False when it does not know it, or cannot say."""
    try:
        hit = gazetteer_lookup(gazetteer, name)
    except Exception:
        return False
    kind = getattr(hit, "kind", None) if hit is not None else None
    return kind is not None and kind != "person"


def _is_place(gazetteer, name: str) -> bool:
    try:
        hit = gazetteer_lookup(gazetteer, name)
    except Exception:
        return False
    if not hit:
        return False
    kind = getattr(hit, "kind", None) or (hit.get("kind") if isinstance(hit, dict) else None)
    return kind in ("capital", "country", "city", "place", "demonym", "institution", "government")
