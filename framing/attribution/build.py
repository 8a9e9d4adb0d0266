"""Turn rule matches into `Attribution` records: speakers resolved, cues classed, kinds decided,
and the quotations nobody is credited with sorted into scare quotes and unattributed quotes."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import fields, replace

from ..gazetteer import fold
from ..model import Span
from ..model.core import SpanCover
from ..model.attribution import Attribution
from .coref import Entity, Resolver
from .data import first_names, genders_clash, load_data
from .descriptions import DescribedRoles
from .extract import POST, extract
from .parties import PARTY_COUNTRY, party_in_words, party_of, without_initials
from .speakers import GAZ_KIND_ROLE, body_role_after_title, gazetteer_lookup, org_head_role

#: A quotation of at most this many words that nobody is credited with is a scare quote
#: ("so-called 'precision strikes'"), not a quote.
SCARE_QUOTE_MAX_WORDS = 4
_OPEN_MARKS = "\"'\u201c\u2018\u201e\u00ab`"


def _cue_class(lexicon, lemma: str) -> str:
    if lexicon is None:
        return "neutral"
    try:
        found = lexicon.cue_class(lemma)
    except Exception:  # a lexicon without cue classes: every cue counts as neutral
        return "neutral"
    return found or "neutral"


#: A whitespace-separated word holding no letter or digit, matched whole ("—", "...", "_"): [^\W_]
#: is exactly str.isalnum and \s exactly str.split's whitespace, so the words of text.split()
#: that hold an alphanumeric character are all of them but these (rare: one C-level scan finds
#: them, and no string is made for the ordinary words). The pattern opens with the whitespace
#: before the word (`_words` puts a space before the text for the first), not with a lookbehind,
#: which the engine tried at every character: the same matches, about half the time.
_NOT_WORD = re.compile(r"\s(?:[^\w\s]|_)+(?!\S)")


def _words(text: str) -> int:
    return len(text.split()) - len(_NOT_WORD.findall(" " + text))


def _kind(content: list[tuple[int, int]], quotes, text: str, quote_ends=None) -> str:
    """direct when the content is quotation, partial when a paraphrase holds quoted words.
    `quote_ends`: the ends of `quotes` (outermost regions in text order, so sorted): the regions
    overlapping a span are then found by bisection instead of a walk over all of them."""
    quoted = 0
    total = 0
    touched = False
    if quote_ends is None:
        for s, e in content:
            total += e - s
            for q in quotes:
                if q.end <= s or q.start >= e:
                    continue
                touched = True
                quoted += min(e, q.end) - max(s, q.start)
    else:
        n = len(quotes)
        for s, e in content:
            total += e - s
            k = bisect_right(quote_ends, s)  # the first region ending after s
            while k < n:
                q = quotes[k]
                if q.start >= e:
                    break
                touched = True
                quoted += min(e, q.end) - max(s, q.start)
                k += 1
    if total and quoted >= 0.8 * total:
        return "direct"
    return "partial" if touched else "indirect"


def _opens_post(r, ctx) -> bool:
    """Does the content open with an embedded post (a quotation region without marks)?"""
    qi = ctx.quote_of_start.get(r.content[0][0])
    return qi is not None and not ctx.quotes[qi].marks


def _kind_of(r, ctx, text: str, data) -> str:
    """The kind of a matched attribution. A learned cue inside a quotation (a nested attribution:
    the speaker quotes someone else) is indirect; a learned cue that is not a known speech cue
    (cues.tsv), or has no source, or whose content does not open with the quotation mark gives at
    most a partial quote ("chants of “Bobby!”", "called it a “huge win”"): on PolNeAR those were
    seldom whole quotations."""
    if ctx.inq[r.cue[0]] and r.frame.term == "learned":
        return "indirect"
    kind = _kind(list(r.content), ctx.quotes, text, ctx.quote_ends)
    if kind == "direct" and text[r.content[0][0]] not in _OPEN_MARKS and not _opens_post(r, ctx):
        return "partial"  # 'Clinton "is the only candidate ...," Newton said': a paraphrase around a quote
    if kind == "direct" and r.frame.term == "learned" and (
            r.lemma not in data.cues or r.source is None or text[r.content[0][0]] not in _OPEN_MARKS or
            _words(text[r.content[0][0]:r.content[-1][1]]) <= SCARE_QUOTE_MAX_WORDS):
        return "partial"
    return kind


#: The fields the dataclass == of a coref Entity compares, in its order.
_ENTITY_FIELDS = tuple(f.name for f in fields(Entity) if f.compare)


def _entity_key(ent) -> tuple:
    """The values the dataclass == of a coref Entity compares, hashable (a set as a frozenset)."""
    return tuple(frozenset(v) if isinstance(v, set) else v
                 for v in map(ent.__getattribute__, _ENTITY_FIELDS))


def _gazetteer_role(gazetteer, phrase: str, name: str, data) -> str:
    if gazetteer is None:
        return ""
    try:
        entry = gazetteer_lookup(gazetteer, name or phrase) or gazetteer_lookup(gazetteer, phrase)
    except Exception:
        return ""
    if entry is None:
        return ""
    if entry.kind == "person" and entry.role:
        words = entry.role.lower().split()
        for size in range(len(words), 0, -1):
            for k in range(len(words) - size + 1):
                term = " ".join(words[k:k + size])
                if term in data.roles:
                    return data.roles[term]
        return ""
    return GAZ_KIND_ROLE.get(entry.kind, "")


def _org_head_role(gazetteer, speaker) -> str:
    """The role an institution's own name gives, by its last word ("Pew Research Center",
    "Moscow Times", "House Ethics Committee", "Nusra Front"), when nothing else gave one: the
    kind of that head word in the gazetteer's org_heads. Only a capitalised name: "the network",
    "his office" name no body."""
    name = speaker.name
    if speaker.kind != "institution" or not name or not name.split()[-1][:1].isupper():
        return ""
    return org_head_role(gazetteer, name.split()[-1].lower())


def _public_role(gazetteer, info) -> str:
    """"Many Americans", "37 percent of Americans", "millions of Iranians": a share of a nation's
    people, as polls and reports count them, speaks as civilians. Not the people's name alone
    ("the Russians said" is often the government) or without a gazetteer demonym of people."""
    if info is None or not info.plural:
        return ""
    words = info.text.split()
    if len(words) < 2 or words[0].lower() == "the":
        return ""
    try:
        surfaces = gazetteer.surfaces_of(words[-1])
    except Exception:
        return ""
    return "civilian" if any(s.type == "demonym" and s.plural_people for s in surfaces) else ""


def _surname_entry(gazetteer, name: str, text: str, titled: bool, gender: str):
    """The gazetteer person the bare surname `name` names in `text`, or None (see `_surname_person`).
    Another first name before the surname in the text rules it out, unless the speaker has a title
    ("President Obama") or a gender that name has not ("Mr. Obama" beside "Michelle Obama")."""
    entry = gazetteer.person_by_surname(fold(name))
    if entry is None or titled:
        return entry
    own = {nm.split()[0] for nm in (entry.name,) + entry.aliases}
    given = first_names()
    for m in re.finditer(r"\b([A-Z][a-z]+) " + re.escape(name) + r"\b", text):
        first = m.group(1)
        other_gender = given.get(first.lower())
        if first not in own and other_gender is not None and not genders_clash(other_gender, gender):
            return None
    return entry


def _bare_surname_entry(gazetteer, ent, text: str, memo: dict):
    """The gazetteer person a speaker named by one capitalised word names in `text`
    (`_surname_entry`), or None for any other speaker. `memo`: the answer for each surname asked
    in this article, shared by the speaker's role, side and party."""
    name = ent.name
    if gazetteer is None or ent.kind != "person" or not name or " " in name or not name[:1].isupper():
        return None
    key = (name, bool(ent.title), ent.gender)
    if key not in memo:
        memo[key] = _surname_entry(gazetteer, name, text, *key[1:])
    return memo[key]


def _surname_person(gazetteer, ent, role: str, affiliation: str, data, text: str,
                    memo: dict) -> tuple[str, str]:
    """(role, affiliation) of a speaker named by one capitalised word only ("Trump said", with no
    "Donald Trump" the speaker resolves to) that is the surname of exactly one gazetteer person:
    that person's, where the speaker has none of its own. The actors stage reads such a surname
    the same way (`Gazetteer.person_by_surname`). Not when the article names someone else of that
    surname with a first name ("Tim Ryan ... Ryan said" is not Paul Ryan). `memo`: the person of
    each surname asked in this article (its text is read once per surname)."""
    entry = _bare_surname_entry(gazetteer, ent, text, memo)
    if entry is None:
        return role, affiliation
    if role == "unknown":
        role = _gazetteer_role(gazetteer, entry.name, entry.name, data) or role
    return role, affiliation or gazetteer.side_of(entry.country) or ""


#: Titles written for several people, as one of them is titled ("Sens. Ted Cruz and Marco Rubio"
#: introduce Sen. Ted Cruz).
_PLURAL_TITLES = {"sens.": "Sen.", "reps.": "Rep.", "govs.": "Gov.", "gens.": "Gen."}


def _one_persons_title(title: str, speaker: str) -> str:
    """`title`, singular when it ends in a plural abbreviation ("Sens.") and the speaker is one
    named person (no "and" in the name): the group's title as the person's own."""
    if not title or " and " in speaker:
        return title
    head, _, last = title.rpartition(" ")
    single = _PLURAL_TITLES.get(last.lower())
    return f"{head} {single}".strip() if single else title


def _one_role_per_speaker(atts: list) -> list:
    """A speaker keeps one kind of voice through the article: an attribution whose own words gave
    no role ("he", "Deis", "Mr. McCabe") takes the first role another attribution of the same
    speaker found ("FBI Director Andrew McCabe": security), so the voice shares count him every
    time he speaks. A role already given is kept."""
    first: dict = {}
    for a in atts:
        if a.speaker_id >= 0 and a.role != "unknown":
            first.setdefault(a.speaker_id, a.role)
    if not first:
        return atts
    return [replace(a, role=first[a.speaker_id]) if a.role == "unknown" and a.speaker_id in first
            else a for a in atts]


def _party(memo: dict, ent, info, text: str, gazetteer, surnames: dict) -> str:
    """The party of an attribution's speaker, once per entity of the article. A known person is
    the gazetteer's entry for the full name, or for a bare surname the one `_surname_person`
    finds (`_bare_surname_entry`, with its namesake checks and memo `surnames`)."""
    if ent is None:
        return party_in_words(info.text) if info is not None else ""
    if ent.id not in memo:
        if gazetteer is not None and ent.kind == "person" and " " in ent.name:
            person = gazetteer_lookup(gazetteer, ent.name) or gazetteer_lookup(
                gazetteer, without_initials(ent.name))  # "Charles E. Schumer"
        else:
            person = _bare_surname_entry(gazetteer, ent, text, surnames)
        memo[ent.id] = party_of(text, ent.name, ent.kind, ent.label, person)
    return memo[ent.id]


def attributions_of(doc, lexicon=None, gazetteer=None, model="shipped",
                    span_model="shipped") -> tuple[tuple[Attribution, ...], dict]:
    """All attributions of a document, and a dict of quotes nobody is credited with:
    {"scare_quotes": [...], "unattributed_quotes": [...]} (each {start, end, text, words}).
    `model`: the learned cue detector ("shipped": framing/models/attribution_cues.json; None: the
    rules alone; or a `framing.attribution.learned.CueModel`); `span_model`: the learned content
    boundary chooser ("shipped": framing/models/attribution_spans.json; None: the rules' spans)."""
    data = load_data()
    raws, ctx = extract(doc, data, model=model, span_model=span_model)
    text = doc.text
    toks = doc.tokens
    resolver = Resolver(doc, data, gazetteer)
    pending = []
    for r in raws:
        info, ent = (None, None)
        if r.source is not None:
            info, ent = resolver.resolve(r.source[0], r.source[1], doc.sentence_text(r.sentence),
                                         antecedent=r.frame is not POST)
        pending.append((r, info, ent))
    used = []
    # (`ent not in used` compared entities by value, the dataclass's ==: two entities with equal
    # fields count once; their value keys in a set give the same answer without a walk of `used`)
    keys: dict = {}
    seen = set()
    for _, _, ent in pending:
        if ent is not None:
            key = keys.get(id(ent))
            if key is None:
                key = keys[id(ent)] = _entity_key(ent)
            if key not in seen:
                seen.add(key)
                used.append(ent)
    resolver.number_entities(used)
    resolver.close()  # the resolver is done: break its reference cycle with the Doc now
    out = []
    parties: dict = {}  # entity id -> its party (framing.attribution.parties)
    surnames: dict = {}  # bare surname -> the gazetteer person it names here (_surname_person)
    described = DescribedRoles(doc, data, gazetteer)
    for r, info, ent in pending:
        cue = Span(toks[r.cue[0]].start, toks[r.cue[1] - 1].end)
        source = Span(toks[r.source[0]].start, toks[r.source[1] - 1].end) if r.source else None
        content = tuple(Span(s, e) for s, e in sorted(set(r.content)))
        content_text = " ".join(text[c.start:c.end] for c in content)
        if ent is not None:
            speaker = ent.label
            role, title, affiliation, anonymous = ent.role, ent.title, ent.affiliation, ent.anonymous
            speaker_span = Span(*ent.mention) if ent.mention != (0, 0) else source
            speaker_id = ent.id
        elif info is not None:
            speaker = ""
            role, title, affiliation, anonymous = info.role, info.title, info.affiliation, info.anonymous
            speaker_span, speaker_id = None, -1
        else:
            speaker, role, title, affiliation, anonymous = "", "unknown", "", "", False
            speaker_span, speaker_id = None, -1
        # Where the source phrase and its entity name no role, the fallbacks in order of trust:
        # the gazetteer's entry for the phrase or the bare surname, the article's introduction
        # of the name, the organisation's head word or a share of a people, the body a title
        # names (each only while the role is still unknown)
        if role == "unknown" and info is not None:
            role = _gazetteer_role(gazetteer, info.text, speaker, data) or role
        if ent is not None and (role == "unknown" or not affiliation):
            role, affiliation = _surname_person(gazetteer, ent, role, affiliation, data, text, surnames)
        if role == "unknown" and ent is not None and ent.kind == "person" and ent.name:
            role = described.role_of(ent.name) or role
        if role == "unknown" and gazetteer is not None and (ent or info) is not None:
            role = _org_head_role(gazetteer, ent or info) or _public_role(gazetteer, info) or role
        if role == "unknown" and gazetteer is not None and r.source is not None:
            # "Kristi Boswell, director of congressional relations for the American Farm Bureau
            # Federation": the body a title with no kind of voice names
            role = body_role_after_title(toks, r.source[0], r.source[1], gazetteer) or role
        party = _party(parties, ent, info, text, gazetteer, surnames)
        if party and not affiliation and gazetteer is not None:
            affiliation = gazetteer.side_of(PARTY_COUNTRY) or ""  # a party is a US party
        out.append(Attribution(
            source=source, source_text=text[source.start:source.end] if source else "",
            speaker=speaker, speaker_id=speaker_id, speaker_span=speaker_span, role=role or "unknown",
            title=_one_persons_title(title, speaker), affiliation=affiliation, anonymous=anonymous,
            cue=cue, cue_text=text[cue.start:cue.end], cue_lemma=r.lemma,
            cue_class=_cue_class(lexicon, r.lemma), cue_type=r.frame.type,
            content=content, content_text=content_text, content_words=_words(content_text),
            kind=_kind_of(r, ctx, text, data),
            sentence=r.sentence,
            party=party,
        ))
    out = _one_role_per_speaker(out)
    # a quotation inside some content span is credited to that attribution
    covered = SpanCover((c.start, c.end) for a in out for c in a.content)
    scare, unattributed = [], []
    for q in ctx.quotes:
        if covered.covers(q.start, q.end):
            continue
        item = {"start": q.start, "end": q.end, "text": text[q.start:q.end], "words": q.words}
        (scare if q.words <= SCARE_QUOTE_MAX_WORDS else unattributed).append(item)
    return tuple(out), {"scare_quotes": scare, "unattributed_quotes": unattributed}
