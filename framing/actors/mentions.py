"""Find actor mentions in one article: who is named, in which words, and which actor that is.

Why rules over a statistical NER: the job is not only to find names but to group namings ("Kabul",
"the Taliban government", "Afghan Taliban regime") into actors and to say which labels an outlet
chose; a gazetteer plus a few noun-phrase rules on the shared text layer does that transparently, runs
offline and fast, and every decision can be traced to a row in lexicons/gazetteer/.

The detector works on token indices of `Doc.tokens`, sentence by sentence:
1. gazetteer hits (entities, titles, generic group nouns, non-actors) are aligned to tokens;
2. person names (gazetteer people and runs of capitalised words) are extended leftwards over titles,
   demonyms and institutions ("Iran's Supreme National Security Council Secretary Ali Larijani");
3. "Long Form (ACR)" defines an acronym for the rest of the article;
4. generic group nouns take their modifiers ("23 Pakistani soldiers", "the Afghan Taliban regime");
5. remaining gazetteer names stand alone (countries, capitals as metonyms, organisations), unless
   they are places ("a meeting in Tehran") or mere modifiers ("Afghan soil");
6. titles without a name ("the defence minister") and subject pronouns are resolved to an earlier
   person or group, and marked as guesses;
7. descriptions of a named person stand for them, as guesses: an appositive ("Giuliani, a former
   federal prosecutor"; "his lawyer, Lanny Davis,") and a definite description with the head of
   an earlier one or of a title ("the co-pilot" after "co-pilot Andreas Lubitz").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress, repeat
from operator import and_, eq, not_

from ..attribution.data import first_names, gender_words, genders_clash
from ..attribution.speakers import (GENERATIONAL_SUFFIXES, NAME_PARTICLES, non_persons,
                                    opens_person_name, person_nouns)
from ..gazetteer import Gazetteer, fold
from ..text.columns import columns
from ..model.actors import ActorMention
from ..model.fastmake import fast_constructor
from .tokenflags import ALPHA1, CAP, token_flags

LOCATIVE = {"in", "inside", "into", "at", "near", "across", "throughout", "within", "around",
            "outside", "along", "via", "through", "toward", "towards", "over", "to"}
LOCATIVE_STRICT = LOCATIVE - {"to", "over"}
_PLACE_BEFORE = LOCATIVE_STRICT | {"from"}  # before a lone capitalised word: a place
#: Before a state's name, words that make it a region, a place ("western Pennsylvania").
_REGION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeastern", "northwestern", "southeastern", "southwestern", "upstate", "downstate", "rural",
    "coastal", "neighboring", "neighbouring", "nearby"})
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
               "my", "your", "some", "any", "all", "both", "each", "every", "other", "another",
               "such", "no", "several", "many", "few", "most", "more", "fewer"}
#: Determiners that open a noun phrase: nothing but a predeterminer stands before them in it.
_OPENING_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her",
                                  "its", "their", "our", "my", "your", "each", "every", "no",
                                  "another"})
#: Words that may stand before an opening determiner in the same phrase ("all the", "both their").
_PREDETERMINERS = frozenset({"all", "both", "half", "such"})
QUANT_WORDS = {"dozens", "hundreds", "thousands", "scores", "tens", "millions", "dozen", "hundred",
               "thousand", "many", "several", "few", "more", "than", "least", "most", "as", "some",
               "about", "around", "nearly", "almost", "over", "under", "up", "at",
               "approximately", "roughly", "estimated", "an", "a", "one", "two", "three", "four",
               "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
               "twenty", "thirty", "forty", "fifty", "hundred"}
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "dozens",
                "hundreds", "thousands", "scores", "dozen", "hundred", "thousand", "millions", "tens"}
FUNCTION_TAGS = {"PRP", "PRP$", "DT", "PDT", "CC", "IN", "WRB", "WP", "WP$", "WDT", "MD", "TO", "EX", "UH"}
PRONOUNS = {"he": "person", "she": "person", "they": "plural"}
# Titles a writer uses in lower case to refer back to someone ("the defence minister said").
REFERRING_ROLES = {"head_of_state", "head_of_government", "minister", "diplomat", "spokesperson",
                   "royal", "military", "official", "judiciary", "religious", "legislator", "police",
                   "party"}
_TITLE_ROLES = frozenset(REFERRING_ROLES | {"official"})  # titles that may stand for a person
_DETERMINERS_POSS = frozenset(DETERMINERS | {"'s"})
SECTOR_NAMES = {
    "government": "government", "military": "military", "police": "police", "security":
    "security forces", "armed_nonstate": "armed group members", "diplomatic": "diplomats",
    "legislature": "lawmakers", "civilian": "civilians", "victims": "victims", "protest": "protesters",
    "media": "media", "expert": "experts", "source": "sources", "religious": "clerics",
    "business": "business", "political": "political actors", "other": "others",
}
ENTITY_MENTION_KIND = {
    "country": "country", "armed_group": "armed_group", "person": "person",
}


#: Tags a capitalised word of a name may carry (others count only when seen mid-sentence).
_NAME_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "JJ", "FW", "VBN", "VBD", "VB", "RB", "CD"})
#: Tokens after which a capitalised common word may just start a sentence part or a quotation.
_NAME_OPENERS = frozenset(('"', "\u201c", ":", "(", "-", "\u2013", "\u2014", "\u2018", "'"))
#: A token counts as inside a gazetteer span when the span starts at most this many tokens before it.
COVER_BACK = 6
COVER_PAD = 8
#: Tokens after which a capitalised word may just start a quotation or a clause.
OPENERS = ('"', "\u201c", ":", "(", "-", "\u2013", "\u2014")


#: Words after which a one-word name is a place, not a person's surname ("talks in Jordan").
_PLACE_PREPOSITIONS = frozenset({"in", "to", "from", "of", "into", "across", "throughout", "inside",
                                 "near", "outside", "at", "toward", "towards"})


#: The payload of a name run that spells a gazetteer person's name and a generational suffix
#: (`_name_runs`): a person the gazetteer does not know, and no guess.
_NAMESAKE = object()


@dataclass(slots=True)
class _Cand:
    """A mention under construction (slots: a hundred an article, read and written often)."""

    start_tok: int
    end_tok: int  # exclusive
    kind: str
    actor_id: str
    actor_name: str
    entity_kind: str = ""
    entry_id: str = ""
    sector: str = ""
    affiliation: str = ""
    title: str = ""
    number: str = ""
    label_start: int = -1  # first token of the label (after determiners and numbers)
    is_guess: bool = False
    guess_reason: str = ""
    person_name: str = ""  # for people: the name without titles


def _any_between(keys: list[int], a: int, b: int) -> bool:
    """Does the sorted list hold a value in [a, b)?"""
    p = bisect_left(keys, a)
    return p < len(keys) and keys[p] < b


@lru_cache(maxsize=1)
def _tag_lexicon() -> dict:
    """word -> Penn tag of textblob's bundled tagger lexicon (ships in the wheel).

    Read through the text layer's reader, which loads the file without importing the textblob
    package: `from textblob.en import parser` imports nltk and with it scikit-learn and scipy
    (about 190 MB and a second per batch worker) for one dict.
    """
    from ..text.textblob_data import tag_lexicon

    return tag_lexicon()


class _FunctionWords(dict):
    """norm -> is it a function word (pronoun, determiner, preposition ...) in the tag lexicon?

    Filled on first sight: the answer depends on the word only, and name tests ask it for tens of
    thousands of tokens an article set (two calls each before).
    """

    LIMIT = 50_000  # bounded, so a long batch's memory stays flat

    def __missing__(self, norm: str) -> bool:
        if len(self) >= self.LIMIT:
            self.clear()
        value = self[norm] = _tag_lexicon().get(norm) in FUNCTION_TAGS
        return value


class _CommonWords(dict):
    """norm -> is it a common (not proper-noun) word in the tag lexicon, itself or without an "s"?"""

    LIMIT = 50_000

    def __missing__(self, norm: str) -> bool:
        if len(self) >= self.LIMIT:
            self.clear()
        lexicon = _tag_lexicon()
        tag = lexicon.get(norm)
        if tag is None and norm.endswith("s"):
            tag = lexicon.get(norm[:-1])
        value = self[norm] = tag is not None and not tag.startswith("NNP")
        return value


_FUNCTION_WORD, _COMMON_WORD = _FunctionWords(), _CommonWords()
# How many sentences after a person's full name a surname shared with another person named in the
# article is still taken to be that person (`_link_surnames`).
_NAMESAKE_REACH = 6

# Title words that make a second rank of a title: "the president" is not the vice president, "the
# mayor" not a deputy mayor (`_title_antecedent`); "the general" may be a lieutenant general.
_SECOND_RANK = frozenset({"vice", "vice-president", "deputy", "assistant", "associate", "under"})

def _holds_title(person, words: set, affiliation: str) -> bool:
    """Whether a titled person can be the one a title without a name refers back to: the title's
    words are among theirs, the sides do not differ, and theirs add no second rank ("the president"
    is not the vice president)."""
    held = _title_words(person.title)
    return words <= held and not (affiliation and person.affiliation and affiliation != person.affiliation) \
        and not (held - words) & _SECOND_RANK


# A vehicle's model code before a group noun ("B-52 bombers", "MiG-29 fighters"): letters, a
# hyphen and digits, as no person's or group's name is written.
_MODEL_CODE = re.compile(r"^[A-Z][A-Za-z]{0,2}-\d{1,3}[A-Z]?$")
_HAS_DIGIT = re.compile(r"\d").search


def _of_gender(hits, title: str):
    """The people among `hits` (actor id, name, side, entry) that a gendered honorific before a
    surname can stand for: not those whose first name shows the other gender ("Mr. Romney" is not
    Ann Romney). Without a gendered honorific, all of them."""
    gender = gender_words().get(title.lower().split()[-1], "")
    if not gender:
        return hits
    given = first_names()
    return [h for h in hits if not genders_clash(given.get(h[1].split()[0].lower(), ""), gender)]


class MentionFinder:
    """Finds the actor mentions of one Doc with one Gazetteer. Use `find(doc)`."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz

    # ------------------------------------------------------------------ alignment
    def _align(self, doc):
        """Gazetteer hits as tables of token index -> (end token + 1, payload), one per layer.

        A hit counts when it starts on a token's start and ends on a token's end, in one
        sentence: the two tokens are found by bisection of the token offsets (tokenflags.index_at,
        the answers of offset -> index dicts, which cost more to build for every token than the
        hundred-odd lookups of an article).
        """
        text = doc.text
        sent = self._sent
        starts, ends = self.flags.starts, self.flags.ends
        ent, ttl, gen, non = {}, {}, {}, {}
        self._home_hits = home = {}  # hits of "~" surfaces (`_home_names`)
        tables = {"entity": ent, "title": ttl, "generic": gen, "non_actor": non}
        # plain tuples (start, start - end, layer, end, payload), unsorted: what a table keeps does
        # not depend on the order of different spans (the longest span from a token wins; one span
        # is one gazetteer key, whose payloads come in the same order either way), and the tables
        # are only read by key or in sorted order
        for m_start, _, layer, m_end, payload in self.gaz.find_hits(text, sort=False):
            # index_at(starts, m_start) and index_at(ends, m_end), inline (a call per hit cost
            # more than the bisection itself); most hits are one token, which ends the hit
            i = bisect_right(starts, m_start) - 1
            if i < 0 or starts[i] != m_start:
                continue
            if ends[i] == m_end:
                j = i
            elif ends[i] == m_end + 1 and text[m_end] == ".":
                # a name whose key drops its last period ("U.S." is found as "U.S"): the token
                # "U.S." keeps it, as the tokenizer keeps an abbreviation's period
                j = i
            else:  # (offsets strictly increase, so the end token is at i or after it)
                j = bisect_right(ends, m_end, i) - 1
                if j < i or ends[j] != m_end or sent[i] != sent[j]:
                    continue
            if layer == "entity" and payload.home_only:
                home[i] = (j + 1, payload)  # decided once the article's sides are known
                continue
            table = tables[layer]
            old = table.get(i)
            if old is None or old[0] < j + 1:
                table[i] = (j + 1, payload)
            elif old[0] == j + 1 and layer == "entity":
                # two entities with the same surface: prefer unambiguous, then names over aliases
                if (old[1].guess, old[1].type != "name") > (payload.guess, payload.type != "name"):
                    table[i] = (j + 1, payload)
        return ent, ttl, gen, non

    def _coverage(self, table) -> list:
        """For every token i: the (k, hit) of `table` whose span holds it, k the smallest start in
        [i - 6, i] (what a look-back over the seven tokens before it finds), else None.

        Computed once per article (the tables never change after alignment): the look-back ran
        hundreds of thousands of times an article set. Padded past the end so i + 1 and -1 read None.
        """
        cover = [None] * (len(self.toks) + COVER_PAD)
        for k in sorted(table, reverse=True):  # smaller starts overwrite: the first one found wins
            hit = table[k]
            end = min(hit[0], k + COVER_BACK + 1)
            if end > k:
                cover[k:end] = [(k, hit)] * (end - k)  # one (k, hit) shared by the tokens it covers
        return cover

    # ------------------------------------------------------------------ main
    def find(self, doc) -> tuple[ActorMention, ...]:
        self.doc = doc
        self.text = doc.text
        toks = doc.tokens
        self.toks = toks
        self.cols = cols = columns(doc)  # shared with the lexicon stage and agency
        self.flags = flags = token_flags(doc, self.gaz)  # per-token bits, shared with agency and tone
        # token columns read in the hot paths below instead of Token attributes (a list item
        # costs a fraction of an attribute of a Token object)
        self._texts, self._norms, self._tags = cols.texts, cols.norms, cols.tags
        self._starts, self._ends = cols.starts, cols.ends
        self._sent = sent = flags.sentence
        bits = flags.text
        # `_text_bits[i] & CAP`: is token i capitalised (tokenflags.CAP, no list of its own)
        self._text_bits = bits
        self._paren_index = flags.paren
        self.ent, self.ttl, self.gen, self.non = self._align(doc)
        self.cov_ent, self.cov_ttl = self._coverage(self.ent), self._coverage(self.ttl)
        self.cov_gen, self.cov_non = self._coverage(self.gen), self._coverage(self.non)
        self.used = [False] * len(toks)
        self.acronyms: dict[str, tuple] = {}  # ACR -> (actor_id, actor_name, kind, entity_kind, affiliation)
        self.article_sides = self._article_sides()
        if self._home_hits and self._home_names():
            self.article_sides = self._article_sides()
        cands: list[_Cand] = []
        self._cap_index = cap_index = list(compress(range(len(toks)), map(and_, bits, repeat(CAP))))
        # capitalised words (capitalised tokens starting with a letter), counted per sentence by
        # bisection in _title_case: no per-token running counts
        self._cap_alpha = list(compress(cap_index, map(and_, map(bits.__getitem__, cap_index),
                                                       repeat(ALPHA1))))
        self._mark_party_labels()
        # only a sentence with three capitalised words or more can be a title-case headline
        # (the capitalised words come in text order, so a sentence holds three of them or more
        # where the sentence of one equals that of the one two places on)
        self.headline = headline = [False] * len(doc.sentences)
        sents = list(map(sent.__getitem__, self._cap_alpha))
        for k in sorted(set(compress(sents, map(eq, sents, sents[2:])))):
            headline[k] = self._title_case(k)
        # a run starts on a gazetteer entity or on a capitalised word that may be a name: not a
        # function word (_name_flags says no to those at once; "'s" is never capitalised)
        capa = self._cap_alpha
        self._run_starts = sorted(set(compress(capa, map(not_, map(
            _FUNCTION_WORD.__getitem__, map(self.cols.norms.__getitem__, capa))))).union(self.ent))
        self._first_alnum_memo: dict[int, int] = {}
        self._the = None  # _the_tokens
        self._gen_keys, self._ent_keys = sorted(self.gen), sorted(self.ent)
        self._title_quote = self._title_case_quotes()
        self.mid_caps, self.mid_caps_body = self._mid_sentence_caps()
        self._names = self._name_flags()
        # persons first (they consume titles and institutions before their names), then acronyms,
        # generic groups, standalone entities, title-only references, unknown acronyms, descriptions
        # of named people, pronouns.
        # Each pass skips the sentences where it has nothing to start on (no capitalised word or
        # gazetteer name, no "(", no group noun): most sentences, and each call cost something.
        # (the sentences of each pass are read off the tokens it can start on, not found by a
        # search per sentence)
        cands += self._people_orgs()
        cands += self._persons(sorted(set(map(sent.__getitem__, self._run_starts))))
        self._link_surnames(cands)
        cands = [c for c in cands if self._keep_single(c)]
        if self._paren_index:
            for s_idx, s in enumerate(doc.sentences):
                if _any_between(self._paren_index, s.token_start + 1, s.token_end - 2):
                    cands += self._acronym_defs(s_idx, cands)
        gen_sents = set(map(sent.__getitem__, self._gen_keys))
        ent_sents = set(map(sent.__getitem__, self._ent_keys))
        for s_idx in sorted(gen_sents | ent_sents):  # a sentence's groups, then its names
            if s_idx in gen_sents:
                cands += self._generic_groups(s_idx)
            if s_idx in ent_sents:
                cands += self._entities(s_idx)
        self._surnames_over_guesses(cands)
        cands += self._orgs_unknown(cands)
        cands.sort(key=lambda c: c.start_tok)
        cands = self._title_only(cands)
        cands = self._descriptions(cands)
        cands = self._institutions_named_before(cands)
        cands = self._pronouns(cands)
        cands.sort(key=lambda c: (c.start_tok, c.end_tok))
        cands = self._spread_affiliation(cands)
        return self._to_mentions(cands)

    def _home_names(self) -> bool:
        """Give a name two entries share to the one marked "~" in the gazetteer ("Georgia": the US
        state, not the country) where the article's main side is that entry's and the other entry
        is named nowhere else in it (no "Tbilisi", no "Georgian"). True when a hit changed."""
        sides = self._article_sides(skip=self._home_hits)  # the shared name itself says nothing
        changed = False
        for i, (end, home) in self._home_hits.items():
            other = self.ent.get(i)
            if other is None or other[0] != end or not sides or \
                    sides[0] != self.gaz.side_of(home.entry_id):
                continue
            rival = other[1].entry_id
            if any(p.entry_id == rival and k not in self._home_hits for k, (_, p) in self.ent.items()):
                continue
            self.ent[i] = (end, home)
            changed = True
        return changed

    def _article_sides(self, skip=()) -> tuple:
        """Sides named in the article, most frequent first: context for ambiguous names. `skip`:
        token indexes whose hits are not counted."""
        counts: dict[str, int] = {}
        for i, (j, s) in self.ent.items():
            if not s.guess and i not in skip:
                side = self.gaz.side_of(s.entry_id)
                if side:
                    counts[side] = counts.get(side, 0) + 1
        return tuple(sorted(counts, key=lambda k: (-counts[k], k)))

    def _title_case(self, s_idx) -> bool:
        """A headline in title case ("Border Talks With Afghanistan Stall"): capitals say nothing.

        A sentence of four words or more is one when all its words are capitalised, or at least
        70% of them and one of those is a verb. Two capitalised words or fewer never make one (fewer
        than four words, or under 70% of four or more), so the words are only counted past that.
        """
        s = self.doc.sentences[s_idx]
        a, b = s.token_start, s.token_end
        capa = self._cap_alpha
        lo = bisect_left(capa, a)
        hi = bisect_left(capa, b, lo)
        caps = hi - lo  # capitalised words (tokens starting with a capital letter)
        if caps <= 2:
            return False
        # words: tokens starting with a letter
        n_words = sum(map(and_, self._text_bits[a:b], repeat(ALPHA1))) // ALPHA1
        if n_words < 4:
            return False
        if caps == n_words:
            return True
        if caps < 0.7 * n_words:
            return False
        norms, tags = self._norms, self._tags
        return any(norms[i] not in ("the", "a") and tags[i].startswith("VB") for i in capa[lo:hi])

    def _title_case_quotes(self) -> set[int]:
        """Tokens of quoted headlines and titles written in title case ("Deep Throat Hides in
        HK", "World's Most Wanted Man Breaks Cover in Hong Kong"): as in a title-case headline,
        their capitals say nothing, so "Throat Hides" and "Wanted Man" are no people. A quotation
        is one when it has three capitalised words or more and every word that is not a function
        word is capitalised."""
        out: set[int] = set()
        quotes = self.doc.quotes
        if not quotes:
            return out
        starts, bits, norms = self._starts, self._text_bits, self._norms
        for q in quotes:
            if q.words < 3 or q.words > 25:
                continue
            a, b = bisect_left(starts, q.inner_start), bisect_left(starts, q.inner_end)
            words = [k for k in range(a, b) if bits[k] & ALPHA1]
            caps = [k for k in words if bits[k] & CAP]
            if len(caps) >= 3 and all(bits[k] & CAP or _FUNCTION_WORD[norms[k]] for k in words):
                out.update(range(a, b))
        return out

    def _mid_sentence_caps(self) -> tuple[set, set]:
        """Capitalised words seen away from a sentence start: names, not sentence-initial words;
        the second set leaves title-case headlines out.

        Only capitalised tokens are visited (found once per article), not every token, and both
        sets are filled in the one walk.
        """
        sentences, headline = self.doc.sentences, self.headline
        texts, norms = self.cols.texts, self.cols.norms
        firsts = {s.token_start for s in sentences}
        mid = [i for i in self._cap_index if i and i not in firsts and texts[i - 1] not in OPENERS]
        seen = set(map(norms.__getitem__, mid))
        title_quote = self._title_quote
        if True not in headline and not title_quote:
            return seen, set(seen)
        sent = self._sent
        return seen, {norms[i] for i in mid if not headline[sent[i]] and i not in title_quote}

    # ------------------------------------------------------------------ helpers
    def _sent_range(self, s_idx):
        s = self.doc.sentences[s_idx]
        return s.token_start, s.token_end

    def _entity_at(self, i):
        """(end, Surface) of the gazetteer entity starting at token i, if any."""
        return self.ent.get(i)

    def _entry(self, surface):
        return self.gaz.entries.get(surface.entry_id)

    def _resolve_surface(self, i, surface, span_text):
        """The entry a matched surface stands for, using the article's sides for ambiguous names."""
        if surface.guess:
            e = self.gaz.lookup(span_text, self.article_sides)
            if e is not None:
                return e
        return self._entry(surface)

    def _resolve_span(self, surface, a, b):
        """_resolve_surface for the surface matched on tokens [a, b): their text is only cut out
        for an ambiguous surface, the one case that reads it."""
        if surface.guess:
            e = self.gaz.lookup(self._text(a, b), self.article_sides)
            if e is not None:
                return e
        return self.gaz.entries.get(surface.entry_id)

    def _common_word(self, tok) -> bool:
        return _COMMON_WORD[tok.norm]

    def _function_word(self, tok) -> bool:
        return _FUNCTION_WORD[tok.norm]

    def _first_alnum(self, s_start) -> int:
        """Index of the first token from `s_start` on whose text starts with a letter or digit."""
        got = self._first_alnum_memo.get(s_start)
        if got is None:
            texts = self._texts
            got = s_start
            while got < len(texts) and not texts[got][:1].isalnum():
                got += 1
            self._first_alnum_memo[s_start] = got
        return got

    def _name_flags(self) -> list[bool]:
        """For every token: may it be part of a person's name (a capitalised word that is no
        title, group noun, gazetteer name, non-actor word, acronym, function word, nor a common
        word or headline word capitalised only by its place)?

        Worked out once per article for all capitalised words, in one loop over token columns
        (the answer depends on the token and the article only, and the tables it reads are fixed
        before persons are looked for): asking token by token as the walk over names reached
        them cost a call and a dozen attribute reads each time. Other tokens are never name tokens.
        """
        texts, norms, tags, sent = self._texts, self._norms, self._tags, self._sent
        n = len(norms)
        names = [False] * n
        cov_ttl, cov_gen, cov_ent, cov_non = self.cov_ttl, self.cov_gen, self.cov_ent, self.cov_non
        ttl, ent, headline, title_quote = self.ttl, self.ent, self.headline, self._title_quote
        mid_caps, mid_caps_body = self.mid_caps, self.mid_caps_body
        function_word, common_word = _FUNCTION_WORD, _COMMON_WORD
        given = first_names()
        sentences = self.doc.sentences
        first_alnum = self._first_alnum
        for i in self._cap_alpha:  # capitalised, first character a letter
            norm = norms[i]
            if norm == "'s":
                continue
            gen_i = cov_gen[i]
            prev_ttl = cov_ttl[i - 1] if i > 0 else None
            if prev_ttl is not None and prev_ttl[1][1].type == "honorific" and \
                    (i in ttl or gen_i is not None) and not function_word[norm]:
                names[i] = True  # "Mr. King", "Ms. Major": a surname that is also a title word
                continue
            if i + 1 < n and norms[i + 1] in GENERATIONAL_SUFFIXES and i > 0 and names[i - 1] and \
                    not function_word[norm]:
                names[i] = True  # "Martin Luther King Jr.": a surname that is also a title word
                continue
            if i in ttl and i > 0 and names[i - 1] and norms[i - 1] in given and \
                    sent[i - 1] == sent[i] and not (i + 1 < n and sent[i + 1] == sent[i]
                                                    and texts[i + 1][:1].isupper()):
                names[i] = True  # "Rep. Peter King", "Sen. Angus King": a first name, then a
                continue  # surname that is also a title word (a title would come before the name)
            if gen_i is not None or i in ttl:
                continue
            hit = ent.get(i)
            if hit is not None:
                # a one-word name the gazetteer marks as a guess ("Rasmussen": Rasmussen Reports)
                # right after a name word is that person's surname ("Anders Fogh Rasmussen")
                if not (hit[0] == i + 1 and hit[1].guess and i > 0 and names[i - 1]
                        and sent[i - 1] == sent[i]):
                    continue
                names[i] = True
                continue
            non = cov_non[i]
            if non is not None and non[1][1] != "head":
                continue
            if cov_ent[i] is not None or cov_ttl[i] is not None:
                continue
            text = texts[i]
            if not text.isalpha() and _HAS_DIGIT(text):
                continue  # "SARS-CoV-2", "COVID-19", "F-35": no person's name has a digit
            if text.isupper() and len(text) > 1 and not text.endswith("."):
                if not (len(text) > 3 and i + 1 < n and texts[i + 1] == ":"):
                    continue  # acronyms are handled on their own; "PENCE:" in a transcript is a name
            s_idx = sent[i]
            if headline[s_idx] and norm not in mid_caps_body:
                continue  # a title-case headline: every word is capitalised
            if i in title_quote and norm not in mid_caps_body and norm not in given and not (
                    names[i - 1] and norms[i - 1] in given):
                continue  # a quoted title, but a first name and its surname are still a name
                # ("'The Sixth Extinction' by Elizabeth Kolbert")
            if function_word[norm]:
                continue  # "I", "But", "When": never part of a name
            if common_word[norm] and norm not in mid_caps_body and (
                    first_alnum(sentences[s_idx].token_start) >= i or texts[i - 1] in _NAME_OPENERS) \
                    and not (tags[i] == "NNP" and self.gaz.person_by_surname(norm) is not None) \
                    and not self._first_name_before_name(i):
                continue  # a common word capitalised at the start of a sentence or a quotation
                # (not the surname of the one person the gazetteer knows by it: "Trump said";
                # not a first name before a name: "Mark Greenberg, who oversaw ...")
            if tags[i] not in _NAME_TAGS and norm not in mid_caps:
                continue
            names[i] = True
        return names

    def _first_name_before_name(self, i: int) -> bool:
        """Is token i a first name (first_names.tsv) that is also a common word ("Mark", "Bill",
        "Grant"), followed in its sentence by a capitalised word that is no common or function
        word, gazetteer name or title ("Mark Greenberg")?"""
        j = i + 1
        if j >= len(self._norms) or self._sent[j] != self._sent[i] or self._norms[i] not in first_names():
            return False
        norm = self._norms[j]
        return bool(self._text_bits[j] & CAP) and self._tags[j] == "NNP" and self._texts[j][:1].isalpha() \
            and not _COMMON_WORD[norm] and not _FUNCTION_WORD[norm] and self.cov_ent[j] is None \
            and self.cov_ttl[j] is None and self.cov_gen[j] is None and self.cov_non[j] is None

    def _non_type(self, i):
        c = self.cov_non[i]
        return c[1][1] if c else None

    def _mark(self, a, b):
        used = self.used
        if 0 <= a <= b <= len(used):
            used[a:b] = [True] * (b - a)  # one slice assignment, not a store per token
        else:  # pragma: no cover - spans always lie inside the article
            for k in range(a, b):
                used[k] = True

    def _free(self, a, b):
        """No token of [a, b) is used yet (a C-level search of the slice, no generator)."""
        if a < 0:  # pragma: no cover - token indices are never negative
            return all(not self.used[k] for k in range(a, b))
        return a >= b or True not in self.used[a:b]

    # ------------------------------------------------------------------ persons
    def _name_runs(self, a, b):
        """Runs of tokens that spell a person's name in the sentence of tokens [a, b): gazetteer
        people, or capitalised words.

        A run can only start on a gazetteer entity or a capitalised word that is not a function
        word (self._run_starts), so the walk jumps between those instead of visiting every token;
        which tokens may be part of a name was worked out for the article (_name_flags).
        """
        runs = []
        starts = self._run_starts
        p = bisect_left(starts, a)
        n = len(starts)
        ent, entries, names, norms = self.ent, self.gaz.entries, self._names, self._norms
        while p < n:
            i = starts[p]
            if i >= b:
                break
            hit = ent.get(i)
            if hit is not None:
                entry = entries.get(hit[1].entry_id)
                if entry is not None and entry.kind == "person":
                    end = hit[0]
                    if end < b and norms[end] in GENERATIONAL_SUFFIXES:
                        # "Donald Trump Jr.": the son, not the person the gazetteer knows
                        runs.append((i, end + 1, _NAMESAKE))
                        p = bisect_left(starts, end + 1, p + 1)
                        continue
                    runs.append((i, end, entry))
                    p = bisect_left(starts, end, p + 1)
                    continue
            if names[i]:
                j = i + 1
                while j < b:
                    if names[j]:
                        j += 1
                        continue
                    norm = norms[j]
                    if (norm in NAME_PARTICLES or norm.startswith("al-")) and j + 1 < b and names[j + 1]:
                        j += 1
                        continue
                    break
                j = self._surname_entity(j, b)
                lead = self.cov_non[i - 1] if i > a else None
                if self._non_type(j - 1) != "head" and not (
                        lead is not None and lead[1][0] == i and lead[1][1] == "lead"):
                    # (not "Harvey" in "Hurricane Harvey": a name a first word makes a thing)
                    runs.append((self._first_name_start(i, j), j, None))
                p = bisect_left(starts, j, p + 1)
                continue
            p += 1
        return runs

    def _first_name_start(self, i: int, j: int) -> int:
        """Where a person's name starts in the run of capitalised words [i, j) that follows "of"
        ("Director of Operations Jane Smith", "Chief of Department Carlos Gomez"): at its first
        later word that is a known first name (first_names.tsv) after a word that is none, so that
        the body's name is not taken into the person's ("Operations Jane Smith"); else i."""
        norms = self._norms
        if j - i < 3 or i == 0 or norms[i - 1] != "of":
            return i
        return next((k for k in range(i + 1, j - 1) if opens_person_name(norms[k - 1], norms[k])), i)

    def _surname_entity(self, j: int, b: int) -> int:
        """The end of a name run that stops at tokens[j]: one past j when tokens[j] is a one-word
        place or organisation the gazetteer knows, right after a first name and not followed by
        another capitalised word ("Rep. Jim Jordan", "Michael Bloomberg": people, not the country
        and the news agency), else j."""
        hit = self.ent.get(j)
        if hit is None or hit[0] != j + 1 or j + 1 < b and self._names[j + 1] or \
                self._norms[j - 1] not in first_names():
            return j
        entry = self.gaz.entries.get(hit[1].entry_id)
        return j + 1 if entry is not None and entry.kind != "person" else j

    def _extend_left(self, start, s_start):
        """Extend a name leftwards over its title, demonym and institution; return (new_start, title
        tokens range, affiliation entry, has_title)."""
        k = start
        has_title = False
        aff_entry = None
        title_start = title_end = start
        norms, texts = self._norms, self._texts
        while k > s_start:
            j = k - 1
            norm = norms[j]
            cov_t = self.cov_ttl[j]
            cov_e = self.cov_ent[j]
            if self.used[j]:
                break
            if cov_e and cov_e[1][0] == k:
                e = self._entry(cov_e[1][1])
                if e is None or e.kind == "person":
                    break
                surf = cov_e[1][1]
                if e.kind == "country" and surf.type in ("capital", "metonym") and not has_title:
                    break
                aff_entry = aff_entry or e
                k = cov_e[0]
                if has_title:
                    title_start = k
                continue
            if cov_t and cov_t[1][0] == k:  # a title ending right here
                if cov_t[1][1].type in ("head", "honorific"):
                    has_title = True
                elif not has_title and not (self._text_bits[j] & CAP):
                    break
                if title_end == start and title_start == start:
                    title_end = k
                title_start = cov_t[0]
                k = cov_t[0]
                continue
            if norm == "'s" and j > s_start:
                prev = self.cov_ent[j - 1]
                if prev and prev[1][0] == j:
                    k = j
                    continue
                break
            if norm in ("and", "&"):
                right = self.cov_ttl[j + 1] if j + 1 < len(self.toks) else None
                if right is None or right[1][1].type == "honorific":
                    break  # "Mr. King and Mr. Morial" are two people; titles join, names do not
            if norm in ("of", "for") and (k == start or self._title_starts(k) or has_title and j > s_start and (
                    self.cov_ttl[j - 1] is not None and self.cov_ttl[j - 1][1][0] == j and
                    self.cov_ttl[j - 1][1][1].type == "head")):
                break  # another's title: "spokesman for Sen. Jerry Moran", "lawyer for Ford",
                # "president of Burisma", "spokesman for House Speaker John Boehner" (not
                # "Secretary of State John Kerry", "Department of Homeland Security Secretary X")
            if norm in ("of", "for", "and", "&") and j > s_start:
                # "President and CEO", "Secretary of State", "Department of Homeland Security
                # Secretary"; an "and" joins titles only: "Sen. Joe Manchin of West Virginia and
                # Republican Sen. Pat Toomey" are two people
                left_title = self.cov_ttl[j - 1]
                if left_title or (has_title and norm not in ("and", "&") and (self.cov_ent[j - 1] or (
                        (self._text_bits[j - 1] & CAP) and norms[j - 1] not in ("the",)))):
                    k = j
                    continue
                break
            if (self._text_bits[j] & CAP) and has_title and texts[j][0].isalpha() and self.cov_gen[j] is None \
                    and self.cov_non[j] is None and j > s_start:
                k = j  # a capitalised word inside an institution's name ("Public Relations")
                continue
            break
        # trim connectors and possessives on the left edge
        while k < start and norms[k] in ("of", "for", "and", "&", "'s"):
            k += 1
        return k, (title_start, title_end), aff_entry, has_title

    def _title_starts(self, k: int) -> bool:
        """Does a head title or an honorific start at token k ("Sen.", "President", "Mr")?"""
        hit = self.ttl.get(k)
        return hit is not None and hit[1].type in ("head", "honorific")

    def _persons(self, sentence_ids):
        """The people named in the given sentences (ascending), one sentence after the other:
        the runs of a sentence are found, then taken in order (a run taken marks its tokens
        used, which later runs of the sentence and later passes look at; finding the runs
        does not read those marks)."""
        out = []
        norms, texts, tags, sent, bits = self._norms, self._texts, self._tags, self._sent, self._text_bits
        n_toks = len(norms)
        sentences = self.doc.sentences
        used = self.used
        for s_idx in sentence_ids:
            s = sentences[s_idx]
            a = s.token_start
            for i, j, entry in self._name_runs(a, s.token_end):
                if i < j and True in used[i:j]:  # not self._free(i, j)
                    continue
                start, (ts, te), aff_entry, has_title = self._extend_left(i, a)
                single = j - i == 1
                prev_norm = norms[i - 1] if i > a else None  # None: the run starts the sentence
                namesake = entry is _NAMESAKE  # a known person's name and a suffix: a person
                if namesake:
                    entry = None
                guess = entry is None and not has_title and not namesake
                if guess:
                    # an unknown name without a title: every test that can turn it down first (they
                    # only read the tokens), before the name, title and side are worked out for nothing
                    head = norms[j - 1]
                    if head in self.gaz.org_heads or prev_norm == "the":
                        continue  # an organisation or a thing: handled by _orgs_unknown
                    place = self.cov_non[i - 1] if i > a else None
                    if single and place is not None and place[1][0] == i and place[1][1] == "place":
                        continue  # "San Diego Union-Tribune", "New Orleans Saints": a city's paper
                        # or team (a longer name stays: "director for Africa Robin Townley")
                    if self._ends_org_name(i, a) or self._org_name_after_and(i, j, a):
                        continue  # "Bureau of Labor Statistics", "Council on Foreign Relations"
                    after = j < n_toks  # a token follows
                    if after and (bits[j] & CAP) and texts[j][:1].isalpha() and sent[j] == s_idx:
                        continue  # part of a longer capitalised name ("Bilateral Political Consultations")
                    if prev_norm is not None and (tags[i - 1] == "CD" or prev_norm[:1].isdigit()
                                                  and prev_norm.endswith(("th", "st", "nd", "rd"))):
                        continue
                    if any("-" in texts[k] and any(self.gaz.surfaces_of(p) for p in
                                                   texts[k].split("-")) for k in range(i, j)):
                        continue  # "Pakistan-Iran Bilateral" (each part as written: the case rule)
                    if prev_norm is not None and prev_norm in _PLACE_BEFORE and single:
                        continue  # a place
                    if prev_norm is not None and prev_norm in LOCATIVE_STRICT and not self._looks_personal(i, j):
                        continue
                    if after and tags[j] in ("NN", "NNS") and sent[j] == s_idx:
                        continue  # a capitalised modifier: "Pak-Afghan tensions"
                if start == i:
                    # "assailed de Blasio", "and von der Leyen", "De Blasio said": the particles
                    # before a surname (lower-case, or opening the sentence) are part of it
                    while start > a and norms[start - 1] in NAME_PARTICLES and not used[start - 1] \
                            and (texts[start - 1].islower() or start - 1 == a):
                        start -= 1
                    i = start
                name = self._text(i, j)
                title = self._text(ts, te) if te > ts else ""
                title = _strip_title_edges(title)
                affiliation = ""
                if entry is not None:
                    affiliation = self.gaz.side_of(entry.country) or "" if entry.country else ""
                if not affiliation and aff_entry is not None:
                    affiliation = self.gaz.side_of(aff_entry) or ""
                if entry is not None:
                    c = _Cand(start, j, "person", entry.id, entry.name, "person", entry.id,
                              affiliation=affiliation, title=title or "", person_name=entry.name)
                elif has_title or namesake:
                    c = _Cand(start, j, "person", "person:" + fold(name), name, "person",
                              affiliation=affiliation, title=title, person_name=name)
                else:
                    c = _Cand(start, j, "person", "person:" + fold(name), name, "person",
                              affiliation=affiliation, title="", person_name=name, is_guess=True,
                              guess_reason="single capitalised word taken for a person" if single else
                              "unknown capitalised name taken for a person")
                c.label_start = start
                self._mark(start, j)
                out.append(c)
        return out

    def _mark_party_labels(self) -> None:
        """Mark a US politician's party-and-state label as no actor: "R-South Carolina" after
        "Rep. Mark Sanford," was a person, and the "Virginia" of "(D-West Virginia)" the state.
        The label opens after a comma or a bracket with R-, D- or I- and a capital, and runs
        over the capitalised words of the state's name (the attribution stage reads the party
        from it)."""
        texts, bits, n = self._texts, self._text_bits, len(self._texts)
        for i in self._cap_alpha:  # the label's first token is capitalised
            t = texts[i]
            if i == 0 or len(t) < 3 or t[1] != "-" or t[0] not in "RDI" or not t[2].isupper() or \
                    texts[i - 1] not in (",", "("):
                continue
            j = i + 1
            while j < n and bits[j] & CAP and texts[j][:1].isalpha() and j - i < 3:
                j += 1
            self._mark(i, j)

    def _mark_agency_dateline(self, k: int, b: int) -> bool:
        """Does a bracketed credit and a dash follow at token k, as after a dateline's place
        ("NEW YORK (AP) —", "WASHINGTON (Reuters) -", "TOKYO (CNN) --")? At most three tokens
        between the brackets, all capitalised. The credit is marked used: the agency that wrote
        the story is no actor in it."""
        toks = self.toks
        for close in range(k + 2, min(k + 5, b)):
            if toks[close].text == ")":
                inside = toks[k + 1:close]
                if all(t.text[:1].isupper() for t in inside) and close + 1 < b and \
                        toks[close + 1].text in ("-", "--", "\u2013", "\u2014", ":"):
                    self._mark(k + 1, close)
                    return True
                return False
        return False

    def _keep_single(self, c) -> bool:
        """A lone unknown capitalised word is a person only where a person fits: before a verb
        ("Tarar said"), after a speech verb ("said Tarar") or "according to"."""
        if not (c.is_guess and c.guess_reason.startswith("single")):
            return True
        j = c.end_tok
        after = self.toks[j] if j < len(self.toks) else None
        before = self.toks[c.start_tok - 1] if c.start_tok > 0 else None
        ok = (after is not None and (after.pos.startswith("VB") or after.pos == "MD") and after.norm != "'s") \
            or (before is not None and self.doc.tokens[c.start_tok - 1].lemma in (
                "say", "tell", "add", "according", "to", "note", "write", "ask"))
        if not ok:
            for k in range(c.start_tok, c.end_tok):
                self.used[k] = False
        return ok

    def _looks_personal(self, i, j):
        """A capitalised run after "in"/"at" is a place unless a verb of saying or doing follows."""
        n = j
        return n < len(self.toks) and self.toks[n].pos.startswith("VB") and self.toks[n].norm != "'s"

    def _text(self, a, b):
        if b <= a:
            return ""
        return self.text[self._starts[a]:self._ends[b - 1]]

    def _link_surnames(self, cands):
        """A one-word guessed person that is the surname (or first name) of a fuller person in the
        article becomes that person ("Naqvi" -> "Mohsin Naqvi"); ambiguous ones stay guesses."""
        full = [c for c in cands if c.kind == "person" and len(c.person_name.split()) > 1]
        by_word: dict[str, list] = {}  # first or last word of a fuller name -> those people
        fathers = set()  # surnames of the sons named: a bare surname may be the father
        for f in full:
            words = fold(f.person_name).split()
            first_particle = next((k for k in range(1, len(words) - 1)
                                   if words[k] in NAME_PARTICLES), None)
            if first_particle is not None:  # "Bill de Blasio": "de Blasio" is the surname
                by_word.setdefault(" ".join(words[first_particle:]), []).append(f)
            if words[-1] in GENERATIONAL_SUFFIXES:
                # "Donald Trump Jr.": "Trump Jr." is he, a bare "Trump" or "Jr." is not
                if len(words) > 2:
                    by_word.setdefault(" ".join(words[-2:]), []).append(f)
                fathers.add(words[-2])
                continue
            by_word.setdefault(words[-1], []).append(f)
            if words[0] != words[-1]:
                by_word.setdefault(words[0], []).append(f)
        for c in cands:
            if c.kind != "person":
                continue
            word = fold(c.person_name)
            parts = word.split()
            if len(parts) > 1 and all(p in NAME_PARTICLES for p in parts[:-1]):
                pass  # a surname with its particles: "de Blasio", "von der Leyen"
            elif word.count(" ") != (word.rsplit(" ", 1)[-1] in GENERATIONAL_SUFFIXES):
                continue  # one word, or a surname and its suffix
            hits = sorted({(f.actor_id, f.actor_name, f.affiliation, f.entry_id)
                           for f in by_word.get(word, ())})
            if not hits or word in fathers:
                # a gazetteer person whose surname this is: the only candidate, or one more where
                # a son of that surname is named ("Trump" beside "Ivanka Trump" and "Donald Trump
                # Jr." may be the president)
                e = self.gaz.person_by_surname(word)
                if e is not None and e.id not in {h[0] for h in hits}:
                    hits.append((e.id, e.name, self.gaz.side_of(e.country) or "", e.id))
            ids = {h[0] for h in hits}
            if len(ids) > 1 and c.title:
                hits = _of_gender(hits, c.title)  # "Mr. Romney" beside "Mitt Romney" and "Ann Romney"
                ids = {h[0] for h in hits}
            by_recency = False
            if len(ids) > 1 and c.title and all(i.startswith("person:") for i in ids) and \
                    c.person_name.istitle() and self.gaz.person_by_surname(word) is None:
                # people the gazetteer does not know, sharing a surname it does not know either
                # ("Brian Williams", then "Rick Williams", then "Brenda Williams" in one story):
                # a titled surname close after a full name is that person, as news writes them
                # ("Rick Williams said ... Mr. Williams said"); a bare one, or one further on,
                # may be any of them (a feature's subject after an aside on his father: read on
                # AllSides 4600-4999, a bare surname was the last one named two times in three),
                # and "Bush" or "Trump" may be the famous one; "MPs" is no surname
                last = max((f for f in by_word.get(word, ()) if f.start_tok < c.start_tok and
                            f.actor_id in ids), key=lambda f: f.start_tok, default=None)
                toks = self.doc.tokens
                if last is not None and \
                        toks[c.start_tok].sentence - toks[last.start_tok].sentence <= _NAMESAKE_REACH:
                    hits = [h for h in hits if h[0] == last.actor_id]
                    ids, by_recency = {last.actor_id}, True
            if len(ids) == 1:
                aid, name, aff, eid = hits[0]
                c.actor_id, c.actor_name, c.entry_id = aid, name, eid
                c.affiliation = c.affiliation or aff
                c.is_guess, c.guess_reason = (True, "surname of the person named last before it") \
                    if by_recency else (False, "")
            elif len(ids) > 1:
                c.is_guess, c.guess_reason = True, "surname shared by several people"

    def _surnames_over_guesses(self, cands) -> None:
        """A one-word gazetteer name that is the surname of the one fuller person the article names
        is that person after the article has named them in full: "NATO chief Anders Fogh Rasmussen
        ... Rasmussen added" (not Rasmussen Reports, a guess), "Rep. Jim Jordan ... Jordan said"
        (not the country). A guessed name changes when the person's name opens with a first name
        (first_names.tsv) or is no guess itself; a name the gazetteer is sure of, only with a first
        name and when the article names that actor no other way
        ("USS George Washington ... Seoul nor Washington", with "The U.S." elsewhere, stays the US
        government); never after a preposition of place ("in Jordan", "to Jordan"), and only as
        written ("UN" is not Kim Jong Un)."""
        surnames: dict[str, dict] = {}  # last word of a fuller person's name -> actor id -> mention
        for f in cands:
            if f.kind == "person" and len(f.person_name.split()) > 1 and \
                    f.person_name.split()[-1].lower() not in GENERATIONAL_SUFFIXES:
                surnames.setdefault(f.person_name.split()[-1], {}).setdefault(f.actor_id, f)
        if not surnames:
            return
        for c in cands:
            if c.kind in ("person", "pronoun") or c.end_tok - c.start_tok != 1 or \
                    c.start_tok > 0 and self.toks[c.start_tok - 1].norm in _PLACE_PREPOSITIONS:
                continue
            written = self._text(c.start_tok, c.end_tok)
            people = surnames.get(written, {})
            f = next(iter(people.values()), None)
            if len(people) != 1 or f.start_tok >= c.start_tok:
                continue  # no one, several people, or the surname before the full name
            first_name = f.person_name.split()[0].lower() in first_names()
            if c.is_guess and not (first_name or not f.is_guess):
                continue  # a guessed name over a guessed person ("Afghanistani Taliban")
            if not c.is_guess and (not first_name or any(
                    o.actor_id == c.actor_id and self._text(o.start_tok, o.end_tok) != written
                    for o in cands)):
                continue
            c.kind = c.entity_kind = "person"
            c.actor_id, c.actor_name, c.entry_id = f.actor_id, f.actor_name, f.entry_id
            c.affiliation, c.sector, c.person_name = f.affiliation, f.sector, written
            c.is_guess, c.guess_reason = False, ""

    # ------------------------------------------------------------------ acronyms
    def _acronym_defs(self, s_idx, cands):
        """"Inter-Services Public Relations (ISPR)": the long form gets the acronym as an alias."""
        a, b = self._sent_range(s_idx)
        out = []
        parens = self._paren_index
        for p in range(bisect_left(parens, a + 1), bisect_left(parens, b - 2)):
            k = parens[p]
            if self.toks[k + 2].text != ")":
                continue
            acr = self.toks[k + 1].text
            if not (acr.isupper() and 2 <= len(acr.replace("-", "")) <= 8):
                continue
            # the mention (or gazetteer entity or capitalised run) ending right before "("
            prev = next((c for c in cands if c.end_tok == k), None)
            if prev is not None:
                prev.end_tok = k + 3
                self._mark(k, k + 3)
                self.acronyms[acr] = (prev.actor_id, prev.actor_name, prev.kind, prev.entity_kind,
                                      prev.affiliation)
                continue
            ent_start = next((s for s, (e, _) in self.ent.items() if e == k and not self.used[s]), None)
            if ent_start is not None:
                continue  # a gazetteer entity: _entities handles "X (ACR)" itself
            # an unknown long form: capitalised words (hyphenated allowed) whose initials fit
            j = k
            bits = self._text_bits
            while j > a and (bits[j - 1] & CAP or self.toks[j - 1].norm in ("of", "and", "for", "the"))\
                    and not self.used[j - 1]:
                j -= 1
            while j < k and (not bits[j] & CAP or self.toks[j].norm == "the"):
                j += 1
            if j >= k or not _initials_match(acr, [t.text for t in self.toks[j:k]]):
                continue
            if self._non_type(k - 1) == "head":
                continue  # a law, a treaty, a plan: "Foreign Agents Registration Act (FARA)"
            long_form = self._text(j, k)
            ent_kind = self._org_kind(self.toks[k - 1].norm)
            aff = self._affiliation_inside(j, k)
            c = _Cand(j, k + 3, _mention_kind_for_org(ent_kind), "org:" + acr, long_form, ent_kind,
                      affiliation=aff, label_start=j)
            self._mark(j, k + 3)
            self.acronyms[acr] = (c.actor_id, c.actor_name, c.kind, c.entity_kind, c.affiliation)
            out.append(c)
        return out

    def _ends_org_name(self, i, a) -> bool:
        """Whether the capitalised run starting at token i ends an organisation's name: an
        organisation word, "of", "for" or "on", then capitalised words up to i ("Bureau of Labor
        Statistics", "Council on Foreign Relations"). `a`: the sentence's first token."""
        toks, bits = self.toks, self._text_bits
        q = i - 1
        while q > a and (bits[q] & CAP) and i - q <= 3:
            q -= 1
        return q > a and toks[q].norm in _ORG_OBJECT_LINKS and \
            toks[q - 1].norm in self.gaz.org_heads and bool(bits[q - 1] & CAP)

    def _org_name_after_and(self, i, j, a) -> bool:
        """Whether the capitalised run [i, j), all common words, follows "and" inside an
        organisation's name ("Committee on Oversight and Reform", "Center on Budget and Policy
        Priorities": not persons); a name after "and" ("the Council on Foreign Relations and
        Richard Haass") is left to be one."""
        toks = self.toks
        return i - 1 > a and toks[i - 1].norm == "and" and \
            all(_COMMON_WORD[toks[k].norm] for k in range(i, j)) and self._ends_org_name(i - 1, a)

    def _head_before_of(self, i, j):
        """The organisation word of a capitalised name [i, j) that ends in its object, not in the
        organisation word ("Brennan Center for Justice", "Texas Department of Criminal Justice",
        "Bureau of Labor Statistics"): the last organisation word followed by one of
        _ORG_OBJECT_LINKS (None when there is none)."""
        toks, heads = self.toks, self.gaz.org_heads
        for q in range(j - 3, i - 1, -1):
            if toks[q].norm in heads and toks[q + 1].norm in _ORG_OBJECT_LINKS and \
                    (toks[q + 1].norm != "to" or toks[q + 1].text == "to"):
                return toks[q].norm
        return None

    def _org_kind(self, head_norm):
        kind = self.gaz.org_heads.get(head_norm, "organisation")
        return {"government": "government_body", "military": "military", "party": "party",
                "media": "media", "armed_group": "armed_group"}.get(kind, "other")

    def _affiliation_inside(self, a, b):
        for k in range(a, b):
            hit = self.ent.get(k)
            if hit and hit[0] <= b:
                e = self._entry(hit[1])
                if e is not None:
                    return self.gaz.side_of(e) or ""
        return ""

    # ------------------------------------------------------------------ generic groups
    def _generic_groups(self, s_idx):
        a, b = self._sent_range(s_idx)
        out = []
        keys = self._gen_keys
        for p in range(bisect_left(keys, a), bisect_left(keys, b)):  # group nouns of this sentence
            h = keys[p]
            hit = self.gen[h]
            if not self._free(h, hit[0]):
                continue
            end, g = hit
            if self.cov_ent[h] is not None:
                continue  # part of a name: "Pakistan Army", "Security Council"
            if h in self._title_quote:
                continue  # a quoted title: "World's Most Wanted Man Breaks Cover"
            if not g.plural and h in self.ttl and self.ttl[h][1].type == "head":
                continue  # "the defence minister": a person, handled by _title_only
            nxt = self.toks[end] if end < b else None
            if nxt is not None and nxt.pos in ("NN", "NNS") and self.cov_gen[end] is None \
                    and nxt.norm not in ("'s",):
                continue  # a modifier: "militant attacks", "government officials" (head comes later)
            if nxt is not None and end in self.gen and self.gen[end][0] > end:
                continue  # "government officials": the next noun is the head
            if g.form in ("plural",) and not g.plural:
                continue
            start, aff_entry, mods, number, label_start = self._premodifiers(h, a)
            if g.form in ("modified", "by_modifier") and not mods and not number:
                if not self._has_postmodifier(end, b):
                    continue
            if g.form in ("by_modifier", "by_name") and self._texts[h][:1].isupper() and h > a and \
                    self._texts[h - 1][:1].isupper():
                continue  # "Altria Group", "Human Rights Campaign": a name (_orgs_unknown)
            if g.form == "by_name" and aff_entry is None and self._cap_mod is None:
                owner = self._possessor(start, a)
                if owner is None:
                    continue  # "a broad campaign" of airstrikes is no actor
                self._cap_mod = owner  # "Donald Trump's presidential campaign": Trump campaign
                if self._norms[start] in _POSSESSIVE_MARKS:
                    start = label_start = start + 1
            if g.sector == "armed_nonstate" and h > a and self.cov_ent[h - 1] is None and \
                    _MODEL_CODE.match(self._texts[h - 1]):
                continue  # "B-52 bombers", "F-16 fighters": aircraft (no armed group has a model code)
            if g.form == "by_modifier":
                g = self._sector_by_modifier(g, start, h, aff_entry)
                if g is None:
                    continue  # "the Wi-Fi network": no kind of group a listed modifier names
            cap_mod = self._cap_mod
            c = self._group_cand(start, end, g, aff_entry, number, label_start)
            if c is None:
                continue
            if aff_entry is None and cap_mod is not None and self._text(*cap_mod) in self.acronyms:
                aid, name, kind, ekind, aff = self.acronyms[self._text(*cap_mod)]
                c.actor_id, c.actor_name, c.affiliation = aid, name, aff
                c.kind = "armed_group" if ekind == "armed_group" else c.kind
                c.is_guess, c.guess_reason = False, ""
            elif aff_entry is None and cap_mod is not None:
                owner = self._text(*cap_mod)
                c.affiliation = owner
                c.actor_id = f"group:{fold(owner)}:{g.sector}"
                c.actor_name = f"{owner} {SECTOR_NAMES.get(g.sector, g.sector)}" if g.kind != "organisation" \
                    else f"{owner} {g.noun}"
                c.guess_reason = "group named after an unknown name"
            if aff_entry is None:
                post = self._post_affiliation(end, b)
                if post is not None:
                    e, surf = post
                    self._apply_affiliation(c, e, g)
                    c.is_guess = True
                    c.guess_reason = "affiliation from a following phrase"
            self._mark(start, end)
            out.append(c)
        return out

    def _possessor(self, start, a):
        """The token range of the owner whose possessive mark opens a group noun's phrase at
        `start` or stands just before it, or None: a known organisation's whole name ("the
        Democratic Party's campaign"), else the capitalised word before the mark, which for a
        person is the surname ("Donald Trump's presidential campaign" is the Trump campaign)."""
        p = start - 1 if self._norms[start] in _POSSESSIVE_MARKS else start - 2
        if p < a or self._norms[p + 1] not in _POSSESSIVE_MARKS or not self._texts[p][:1].isupper():
            return None
        cov = self.cov_ent[p]
        if cov is not None and cov[1][0] == p + 1:
            e = self._resolve_span(cov[1][1], cov[0], p + 1)
            if e is None or e.kind != "person":
                return (cov[0], p + 1)  # "the Democratic Party's campaign"
        return (p, p + 1)  # a person's campaign goes by the surname: "the Trump campaign"

    def _sector_by_modifier(self, g, start, h, aff_entry):
        """A "by_modifier" group noun with the sector its modifiers give (group_modifiers.tsv:
        "militant group" is armed, "business group" business; an armed group's name makes it
        armed, "Taliban faction"), else the row's own sector, or None where that is "none"."""
        table = self.gaz.group_modifiers
        sector = next((table[n] for n in self._norms[start:h] if n in table), None)
        if sector is None and aff_entry is not None and aff_entry[0].kind == "armed_group":
            sector = "armed_nonstate"
        sector = sector or g.sector
        if sector == "none":
            return None
        return g if sector == g.sector else replace(g, sector=sector)

    def _has_postmodifier(self, end, b):
        return end + 1 < b and self.toks[end].norm in ("of", "from", "in") and \
            self._post_affiliation(end, b) is not None

    def _premodifiers(self, h, s_start):
        """Walk left from a group noun over adjectives, names, numbers and determiners."""
        k = h
        aff_entry = None
        mods = False
        number_start = number_end = None
        self._cap_mod = None
        norms, tags, texts = self._norms, self._tags, self._texts
        opened = False  # a determiner that opens a noun phrase ("the", "their") was passed
        while k > s_start:
            j = k - 1
            if self.used[j]:
                break
            norm, pos = norms[j], tags[j]
            if opened and norm not in _PREDETERMINERS and not (
                    norm == "of" and j > s_start and norms[j - 1] in NUMBER_WORDS):
                break  # "that banned the federal government": "the" opened the phrase
            opened = False  # a predeterminer, or the "of" of "eight of the injured"
            cov_e = self.cov_ent[j]
            if number_start is not None and not (pos == "CD" or norm in NUMBER_WORDS or
                                                 norm in QUANT_WORDS or norm in DETERMINERS):
                break  # adjectives and names come after the number, not before it
            if cov_e and cov_e[1][0] == k:
                surf = cov_e[1][1]
                e = self._resolve_span(surf, cov_e[0], k)
                if e is None:
                    break
                if aff_entry is None:
                    aff_entry = (e, surf)
                mods = True
                k = cov_e[0]
                continue
            if norm == "'s" and j > s_start and self.cov_ent[j - 1] and \
                    self.cov_ent[j - 1][1][0] == j:
                k = j
                continue
            cov_t = self.cov_ttl[j]
            if cov_t and cov_t[1][0] == k and cov_t[1][1].type == "modifier" and \
                    self.cov_gen[j] is None:
                mods = True
                k = cov_t[0]
                continue
            if self._text_bits[j] & CAP and pos in ("NNP", "NNPS") and texts[j][:1].isalpha() and \
                    self.cov_gen[j] is None \
                    and self._non_type(j) in (None, "demonym", "place") \
                    and not _FUNCTION_WORD[norm] and number_start is None:
                # a capitalised modifier; a state's demonym too ("Virginian women"), and a city
                # ("Chicago police", "Des Moines residents")
                mods = True
                self._cap_mod = (j, k) if self._cap_mod is None or self._cap_mod[0] != k else (j, self._cap_mod[1])
                k = j
                continue
            if pos in ("JJ", "JJR", "JJS", "VBN", "VBG") and norm not in DETERMINERS and \
                    self.cov_gen[j] is None and texts[j][:1].isalpha():
                if pos == "VBG" and k == h:
                    break
                if pos in ("VBN", "VBG") and j > s_start and not (
                        tags[j - 1] in ("DT", "CD", "CC", "PRP$", "JJ", ",", "POS")
                        or norms[j - 1] in DETERMINERS):
                    break  # "that left dozens dead": a verb, not an adjective
                mods = True
                k = j
                continue
            if pos == "CD" or norm in NUMBER_WORDS:
                number_start = j if number_start is None else number_start
                number_end = number_end or k
                number_start = j
                k = j
                continue
            if norm in QUANT_WORDS and number_start is not None:
                number_start = j
                k = j
                continue
            if norm == "of" and j > s_start and norms[j - 1] in NUMBER_WORDS:
                number_start = j
                k = j
                continue
            if norm in DETERMINERS:
                if norm in ("both", "all", "several", "many", "some", "few"):
                    mods = mods or norm in ("both",)
                    number_start = j if number_start is None else number_start
                opened = norm in _OPENING_DETERMINERS
                k = j
                continue
            if norm == "-" or pos == "HYPH":
                break
            break
        label_start = k
        while label_start < h and (norms[label_start] in DETERMINERS
                                   or tags[label_start] == "CD"
                                   or norms[label_start] in QUANT_WORDS
                                   or norms[label_start] in NUMBER_WORDS):
            label_start += 1
        number = ""
        if number_start is not None:
            number = self._text(number_start, label_start) if label_start > number_start else ""
            number = number.strip()
            if number.lower().endswith(" of"):
                number = number[:-3]
        while label_start < h and label_start > k and norms[label_start] in ("of", "the"):
            label_start += 1  # "one of the terrorists", "Thousands of police officers": no "of" opens a label
        return k, aff_entry, mods, number, label_start

    def _post_affiliation(self, end, b):
        """"militants from Afghanistan", "elements in Kabul": the side named right after a group."""
        if end + 1 >= b or self.toks[end].norm not in ("of", "from", "in", "inside", "based"):
            return None
        k = end + 1
        if self.toks[k].norm == "the" and k + 1 < b:
            k += 1
        hit = self.ent.get(k)
        if not hit:
            return None
        e = self._resolve_span(hit[1], k, hit[0])
        return (e, hit[1]) if e is not None else None

    def _group_cand(self, start, end, g, aff, number, label_start):
        kind = g.kind if g.kind in ("government", "organisation") else "generic_group"
        c = _Cand(start, end, kind, "", "", g.kind, sector=g.sector, number=number,
                  label_start=label_start)
        if aff is not None:
            e, surf = aff
            self._apply_affiliation(c, e, g)
            if surf.guess or e.ambiguous:
                c.is_guess = True
                c.guess_reason = f"ambiguous name {surf.text!r}"
        else:
            c.actor_id = f"generic:{g.sector}"
            c.actor_name = "unnamed " + SECTOR_NAMES.get(g.sector, g.sector)
            c.is_guess = True
            c.guess_reason = "unnamed group grouped by what it is"
        return c

    def _apply_affiliation(self, c, e, g):
        """Group a generic noun under the actor its modifier names.

        A country's or a state's government nouns ("Pakistani officials", "Kabul's regime") join its
        actor; its other groups form a sub-actor ("PAK:military" for "Pakistani soldiers",
        "us_state_oh:political" for "Ohio voters"); a named
        organisation or armed group takes its groups with it ("Taliban forces", "TTP militants").
        """
        gaz = self.gaz
        c.affiliation = gaz.side_of(e) or ""
        c.entry_id = e.id
        c.entity_kind = e.kind
        actor = gaz.actor_id(e.id)
        ae = gaz.entries.get(actor, e)
        if ae.kind in ("country", "state") and e.kind == ae.kind and g.sector != "government":
            c.actor_id = f"{actor}:{g.sector}"
            c.actor_name = f"{ae.name} {SECTOR_NAMES.get(g.sector, g.sector)}"
            c.kind = "organisation" if g.kind == "organisation" else "generic_group"
            return
        c.actor_id, c.actor_name = actor, ae.name
        if g.kind == "government":
            c.kind = "government"
        elif e.kind == "armed_group":
            c.kind = "armed_group"
        elif g.kind == "organisation":
            c.kind = "organisation"
        else:
            c.kind = "generic_group"

    # ------------------------------------------------------------------ named entities
    def _entities(self, s_idx):
        a, b = self._sent_range(s_idx)
        out = []
        keys = self._ent_keys
        for p in range(bisect_left(keys, a), bisect_left(keys, b)):  # gazetteer names of this sentence
            i = keys[p]
            hit = self.ent[i]
            if not self._free(i, hit[0]):
                continue
            end, surf = hit
            entry = self._resolve_span(surf, i, end)
            if entry is None or entry.kind == "person":
                continue
            prev = self.toks[i - 1] if i > a else None
            nxt = self.toks[end] if end < b else None
            possessive = nxt is not None and nxt.norm == "'s"
            is_place_like = entry.kind in ("country", "state") or surf.type in ("capital", "metonym")
            if is_place_like and prev is not None and not possessive:
                if prev.norm in LOCATIVE_STRICT or (prev.norm in ("to", "over") and self._motion_before(i, a)):
                    continue  # "a meeting in Tehran", "deep inside Afghanistan"
                if prev.norm == "the" and i - 2 >= a and self.toks[i - 2].norm in LOCATIVE_STRICT:
                    continue
            if is_place_like and prev is not None and not possessive and prev.norm in (",", "and", "or") \
                    and self._in_place_list(i, a, entry.kind == "state"):
                continue  # "rallies in Ohio, Texas and Michigan"
            if entry.kind == "state" and prev is not None and self._state_is_place(i, a, prev, nxt):
                continue
            if is_place_like and nxt is not None and nxt.text in (
                    "-", "\u2013", "\u2014", ",", ":", "(") and i == self._para_start(i):
                if nxt.text == "(":
                    if self._mark_agency_dateline(end, b):
                        continue  # a dateline: "NEW YORK (AP) —"
                elif nxt.text != "," or (end + 1 < b and self.toks[end + 1].pos == "NNP"):
                    continue  # a dateline: "TEHRAN -"
            if surf.type == "demonym" and not surf.plural_people:
                continue  # an adjective without a group noun: "Afghan soil"
            if not possessive and nxt is not None and nxt.pos in ("NN", "NNS", "NNP", "NNPS") and \
                    is_place_like and self.cov_ent[end] is None and nxt.norm not in ("(",):
                continue  # a modifier: "Pakistan ties", "Kabul province"
            kind = self._entity_kind(entry, surf)
            actor = self.gaz.actor_id(entry.id)
            actor_entry = self.gaz.entries.get(actor, entry)
            c = _Cand(i, end, kind, actor, actor_entry.name, entry.kind, entry.id,
                      affiliation=self.gaz.side_of(entry) or "", label_start=i)
            if surf.guess or entry.ambiguous:
                c.is_guess = True
                c.guess_reason = f"ambiguous name {surf.text!r}"
            # "Long Form (ACR)" of a known entity: one mention
            if end + 2 < b and self.toks[end].text == "(" and self.toks[end + 2].text == ")":
                inner = self.ent.get(end + 1)
                if inner and self.gaz.actor_id(inner[1].entry_id) == actor:
                    c.end_tok = end + 3
            # a numeral before a named group: "200 Taliban"
            if prev is not None and (prev.pos == "CD" or prev.norm in NUMBER_WORDS) and \
                    entry.kind in ("armed_group",):
                k = i - 1
                while k > a and (self.toks[k - 1].norm in QUANT_WORDS or self.toks[k - 1].pos == "CD"):
                    k -= 1
                while k < i - 1 and self.toks[k].norm in ("of", "to"):
                    k += 1
                if self._free(k, i):
                    c.number = self._text(k, i)
                    c.start_tok = k
            self._mark(c.start_tok, c.end_tok)
            out.append(c)
        return out

    def _motion_before(self, i, a):
        for k in range(i - 2, max(a, i - 5) - 1, -1):
            if self.doc.tokens[k].lemma in ("travel", "go", "fly", "return", "flee", "move", "come",
                                            "visit", "arrive", "head", "send", "deport", "trip",
                                            "visit", "journey", "cross", "extend", "spread"):
                return True
        return False

    def _para_start(self, i):
        tok = self.doc.tokens[i]
        s = self.doc.sentences[tok.sentence]
        return s.token_start if self.doc.sentences[tok.sentence].start == \
            self.doc.paragraphs[s.paragraph].start else -1

    def _in_place_list(self, i, a, state: bool) -> bool:
        """Is token i the second or later name of a list of countries or states that a preposition of
        place opens ("protests in Ohio, Texas and Michigan": Texas and Michigan are places too)?
        For a state, the words that make a state a place open the list too ("heading to Florida,
        Ohio and Colorado", "residents of Pennsylvania, New York and Indiana")."""
        j, names = i - 1, 0
        while j >= a:
            if self._norms[j] in (",", "and", "or"):
                j -= 1
                continue
            cov = self.cov_ent[j]
            if cov is None or cov[1][0] != j + 1:
                break
            kind = self.gaz.entries[cov[1][1].entry_id].kind
            if kind not in ("country", "state"):
                break
            j, names = cov[0] - 1, names + 1
        if not names or j < a:
            return False
        opener = self._norms[j]
        if state and (opener in ("of", "from", "to", "for") or opener in _REGION_WORDS):
            return True
        return opener in LOCATIVE_STRICT or (
            opener == "the" and j > a and self._norms[j - 1] in LOCATIVE_STRICT)

    def _state_is_place(self, i, a, prev, nxt) -> bool:
        """A state named as a place or a modifier, not as an actor that acts or is acted on.

        US news names states mostly this way: where someone is from or goes ("Sen. Ted Cruz of
        Texas", "a donor from Michigan", "troops en route to Texas", "(R-Utah)"), before the noun
        it modifies ("the Iowa caucuses"; in "Texas officials" the group is found as the state's), or
        after a town and a comma at the end of a phrase ("in Lansing, Michigan [AP
        Photo]"). A state's possessive ("Florida's process") and a state before a verb ("Maine and
        Vermont bar felons from voting") stay actors. Countries keep their own, looser rules: their
        names before a noun are often parts of names of the country's bodies."""
        if prev.norm in ("of", "from", "to", "for") or prev.norm in _REGION_WORDS or \
                prev.text in ("-", "\u2013"):
            return True  # "from California to Tennessee", "the representative for Texas", "(R-Utah)"
        if nxt is not None and nxt.pos in ("NN", "NNS", "NNP", "NNPS", "JJ", "CD"):
            return True  # a modifier: "the Iowa caucuses", "an Idaho native", "the Hawaii Senate"
        if prev.norm != "," or i - 2 < a or self.cov_ent[i - 2] is not None or \
                not self._text_bits[i - 2] & CAP or self._tags[i - 2] != "NNP":
            return False
        return nxt is None or nxt.text in (",", ".", ")", "[", ";", ":", "-", "\u2013", "\u2014")

    def _entity_kind(self, entry, surf):
        if entry.kind == "country":
            if surf.type in ("capital", "metonym"):
                return "metonym"
            if surf.type == "demonym":
                return "demonym"
            return "country"
        if entry.acts_for and self.gaz.entries.get(self.gaz.actor_id(entry.id)) is not None and \
                self.gaz.entries[self.gaz.actor_id(entry.id)].kind == "country" and \
                entry.kind not in ("armed_group",):
            return "metonym"
        if entry.kind == "armed_group":
            return "armed_group"
        if entry.kind == "state":
            return "government"  # "Texas sued": the state's government
        return "organisation"

    def _orgs_unknown(self, cands):
        """Capitalised names ending in an organisation word ("Supreme Court of X", "Dawn News"), and
        acronyms defined earlier in the article."""
        out = []
        # only capitalised tokens and defined acronyms can start one: walk from one to the next
        starts = self._cap_index
        if self.acronyms:
            acr = self.acronyms
            texts = self.cols.texts  # the tokens spelling a defined acronym, found at C speed
            starts = sorted(set(starts).union(compress(range(len(texts)), map(acr.__contains__, texts))))
        n = len(starts)
        if self.acronyms:
            sentences = range(len(self.doc.sentences))
        else:
            # a name is only taken when its last word is a capitalised organisation word, so
            # without acronyms only the sentences holding such a word can give one (elsewhere
            # the walk below marks nothing and makes nothing)
            heads, norms, sent = self.gaz.org_heads, self.cols.norms, self._sent
            sentences = sorted({sent[h] for h in self._cap_index if norms[h] in heads})
        for s_idx in sentences:
            a, b = self._sent_range(s_idx)
            p = bisect_left(starts, a)
            while p < n and starts[p] < b:
                i = starts[p]
                p += 1
                t = self.toks[i]
                if self.used[i]:
                    continue
                if t.text in self.acronyms and t.text.isupper():
                    aid, name, kind, ekind, aff = self.acronyms[t.text]
                    out.append(_Cand(i, i + 1, kind, aid, name, ekind, affiliation=aff, label_start=i))
                    self._mark(i, i + 1)
                    continue
                # a sentence's first word only when it is seen capitalised inside sentences too, or
                # is no common word ("Hawaiian Airlines said", not "Former Treasury Department")
                if (self._text_bits[i] & CAP) and t.text[0].isalpha() and (
                        i > a or t.norm in self.mid_caps or not self._common_word(t)):
                    j = i
                    bits = self._text_bits
                    while j < b and not self.used[j] and (bits[j] & CAP or self._name_link(j, i, b)):
                        j += 1
                    while j > i and self.toks[j - 1].norm in _ORG_NAME_LINKS:
                        j -= 1
                    while i < j - 1 and self._non_type(i) == "date":
                        i += 1  # "a December AP-NORC Center for Public Affairs Research poll"
                    head = self._org_head(i, j)
                    if head is None:
                        # a name that runs on over "on" or "to" into something else: the part
                        # before it ("Hofstra University on Long Island")
                        cut = next((k for k in range(i + 1, j) if self.toks[k].text in ("on", "to")), j)
                        head = self._org_head(i, cut) if cut < j else None
                        if head is not None:
                            j = cut
                    if head is not None:
                        ekind = self._org_kind(head)
                        name = self._text(i, j)
                        aff = self._affiliation_inside(i, j)
                        kind = _mention_kind_for_org(ekind)
                        c = _Cand(i, j, kind, "org:" + fold(name), name, ekind, affiliation=aff,
                                  label_start=i, is_guess=True,
                                  guess_reason="unknown name taken for an organisation")
                        out.append(c)
                        self._mark(i, j)
                    p = bisect_left(starts, max(j, i + 1), p)
        return out

    def _org_head(self, i, j):
        """The organisation word of the capitalised run [i, j) when the run is an unknown
        organisation's name (two words or more, ending in an organisation word or in its object,
        not in a non-actor word: a date, or a place other than the whole object of "of"), else
        None."""
        head = self.toks[j - 1].norm if j > i else ""
        if j - i >= 2 and head in self.gaz.org_heads and self._non_type(j - 1) is None:
            return head
        if j - i >= 3 and head not in self.gaz.org_heads:
            before_of = self._head_before_of(i, j)
            if before_of is None:
                return None
            kind = self._non_type(j - 1)
            if kind is None:
                return before_of
            # the object after "of" may be a place ("University of Texas", "College of
            # Charleston"), whole ("University of New" before "Mexico" is not a name)
            if kind == "place" and any(self.toks[q].norm == before_of and self.toks[q + 1].norm == "of"
                                       for q in range(i, j - 1)) and \
                    not (j < len(self.toks) and self.used[j] and self._text_bits[j] & CAP):
                return before_of
        return None

    def _people_orgs(self):
        """Organisations named after the people they speak for: a capitalised plural group noun or
        demonym, then "United", "Against" or "for" and more capitalised words ("Mainers United for
        Marriage", "Minnesotans United for All Families", "Texans for Lawsuit Reform", "Americans
        United for Separation of Church and State", "National Nurses United"). Found before the
        people, so the group noun is no group of its own and the rest no person ("Marriage", "Tax
        Reform"). Which plurals name such people: Gazetteer.names_people (the attribution stage reads
        speakers by the same rule; not "Spokesmen for Graham"). After "for", a cause (_a_cause). Not
        in title-case headlines; the name stops before a title ("Americans for Tax Reform President
        Grover Norquist") and before a second such name joined by "and"."""
        out = []
        toks, bits, headline = self.toks, self._text_bits, self.headline
        starts = sorted({i for table in (self.gen, self.ent) for i, hit in table.items() if hit[0] == i + 1})
        n = len(toks)
        for h in starts:
            # the cheap tests first: most group nouns and demonyms are followed by none of the links
            if h + 2 >= n or toks[h + 1].norm not in ("united", "against", "for") or not bits[h] & CAP:
                continue
            t = toks[h]
            if headline[t.sentence] or self.used[h] or not self.gaz.names_people(t.text):
                continue
            a, b = self._sent_range(t.sentence)
            link = toks[h + 1].norm
            if not ((link in ("united", "against") and bits[h + 1] & CAP) or
                    (link == "for" and self._name_link(h + 1, h, b))):
                continue
            j = h + 2
            while j < b and not self.used[j] and (bits[j] & CAP or self._name_link(j, h, b)):
                if j in self.ttl and j + 1 < b and bits[j + 1] & CAP:
                    break  # a title before a person's name: "... President Grover Norquist"
                if toks[j].norm == "and" and (self._second_people_org(j + 1, b) or not any(
                        toks[k].norm == "for" for k in range(h + 1, j))):
                    # "Marylanders for Marriage Equality and Washington United for Marriage"; "the
                    # Citizens United and SpeechNow cases" (an "and" joins a cause after "for" only)
                    break
                j += 1
            while j > h + 2 and toks[j - 1].norm in _ORG_NAME_LINKS:
                j -= 1
            if not bits[j - 1] & CAP or link == "for" and not self._a_cause(h + 2, j):
                continue
            i = h  # capitalised words before it belong to the name ("National Nurses United")
            while i > a and bits[i - 1] & CAP and toks[i - 1].text[:1].isalpha() and not self.used[i - 1] \
                    and not _FUNCTION_WORD[toks[i - 1].norm] and \
                    (i - 1 > a or toks[i - 1].norm in self.mid_caps):
                i -= 1
            name = self._text(i, j)
            out.append(_Cand(i, j, "organisation", "org:" + fold(name), name, "other",
                             affiliation=self._affiliation_inside(i, j), label_start=i, is_guess=True,
                             guess_reason="unknown name taken for an organisation"))
            self._mark(i, j)
        return out

    def _a_cause(self, a, b) -> bool:
        """Do the words [a, b) after "for" name a cause or a country ("Lawsuit Reform", "Life of
        America", "America"), not a person ("Paul Manafort", "Trump": no common word, or a person the
        gazetteer knows by name or surname) nor a date?"""
        toks, bits = self.toks, self._text_bits
        if any(self._entity_kind_at(k) == "person" or self.gaz.person_by_surname(toks[k].norm)
               for k in range(a, b)):
            return False
        return any(_COMMON_WORD[toks[k].norm] and self._non_type(k) != "date" or
                   self._entity_kind_at(k) == "country" for k in range(a, b) if bits[k] & CAP)

    def _second_people_org(self, k, b) -> bool:
        """Does the capitalised run from token k hold "United" or end before "for" (a second name of
        the kind _people_orgs reads, after an "and")?"""
        toks, bits = self.toks, self._text_bits
        while k < b and bits[k] & CAP:
            if toks[k].norm == "united":
                return True
            k += 1
        return k < b and toks[k].norm == "for"

    def _entity_kind_at(self, k) -> str:
        """The kind of the gazetteer entry named from token k ("country" only by its name or an alias:
        not "American"), or ""."""
        hit = self.ent.get(k)
        entry = self._entry(hit[1]) if hit is not None else None
        if entry is None or entry.kind == "country" and hit[1].type not in ("name", "alias"):
            return ""
        return entry.kind

    def _name_link(self, j, i, b) -> bool:
        """Does token j join two parts of a capitalised organisation name that starts at token i:
        "of", "for" or "and" before a capitalised word; "on" before one that is no date ("Council
        on Foreign Relations", not "the Judiciary Committee on Tuesday"); "to", in lower case, right
        after an organisation word and before a common word ("Alliance to Reclaim Our Schools",
        "Center to Prevent Gun Violence"; not "from Starbucks Corp. to Cathay Pacific")?"""
        norm = self.toks[j].norm
        if j + 1 >= b or j == i or not self._text_bits[j + 1] & CAP:
            return False
        if norm in ("of", "for", "and"):
            return True
        if norm == "on":
            return self._non_type(j + 1) != "date"
        return norm == "to" and self.toks[j].text == "to" and self.toks[j - 1].norm in self.gaz.org_heads \
            and _COMMON_WORD[self.toks[j + 1].norm]

    # ------------------------------------------------------------------ references
    def _title_only(self, cands):
        """"the defence minister", "the Iranian president", "his Pakistani counterpart": a title
        with no name refers back to the last person with that title (a guess), or stands alone."""
        out = list(cands)
        titled = self._titled_index(cands)
        # the ends of named people: a title in apposition after one ("Kaufman, the director of
        # Columbia's School ...") is that person's description (_descriptions), not a reference
        # back to the title's last holder
        named_ends = {c.end_tok for c in cands if c.kind == "person" and not c.actor_id.startswith("title:")}
        surnames = _surnames_of(cands)
        for i, (j, t) in sorted(self.ttl.items()):
            if t.type != "head" or not self._free(i, j) or t.role not in _TITLE_ROLES:
                continue
            if not (self._text_bits[i] & CAP) and t.role not in REFERRING_ROLES:
                continue
            if self.gen.get(i) and self.gen[i][1].plural:
                continue
            s_idx = self.doc.tokens[i].sentence
            a, b = self._sent_range(s_idx)
            nxt = self.toks[j] if j < b else None
            if nxt is not None and nxt.pos in ("NN", "NNS", "NNP") and not self.used[j]:
                continue  # "minister level", part of something else
            if t.term in ("official",) and (nxt is None or nxt.pos not in ("NNP",)):
                continue
            # left modifiers: title modifiers, demonyms, possessives, determiners
            k = i
            aff = None
            while k > a and not self.used[k - 1]:
                p = self.toks[k - 1]
                cov_t = self.cov_ttl[k - 1]
                cov_e = self.cov_ent[k - 1]
                if cov_t and cov_t[1][0] == k and cov_t[1][1].type == "modifier":
                    k = cov_t[0]
                    continue
                if cov_e and cov_e[1][0] == k:
                    e = self._entry(cov_e[1][1])
                    if e is not None and e.kind != "person":
                        aff = aff or e
                        k = cov_e[0]
                        continue
                if p.norm == "'s" and k - 1 > a:
                    k -= 1
                    continue
                if p.norm in ("the", "his", "her", "their", "its", "a"):
                    k -= 1
                    break
                break
            people = surnames.get(self._norms[i], ()) if k == i and j == i + 1 and \
                self._text_bits[i] & CAP else ()
            if len(people) == 1 and people[0].start_tok < i:
                # "Dr. Martin Luther King Jr. ... King said": the surname of the one person named
                # before, not a monarch
                f = people[0]
                out.append(_Cand(i, j, "person", f.actor_id, f.actor_name, "person", f.entry_id,
                                 sector=f.sector, affiliation=f.affiliation, label_start=i,
                                 person_name=self._texts[i]))
                self._mark(i, j)
                continue
            if k - 2 >= a and self._norms[k - 1] == "," and k - 1 in named_ends and not (
                    j < b and self._norms[j] in _POSSESSIVE_MARKS):
                continue  # (not a possessor: "Jared Kushner, the president's son-in-law")
            label_start = k
            while label_start < i and self.toks[label_start].norm in _DETERMINERS_POSS:
                label_start += 1
            title = _strip_title_edges(self._text(label_start, j))
            title_key = " ".join(w for w in fold(title).split() if self.gaz.titles.get(w) is None or
                                 self.gaz.titles[w].type != "honorific")
            affiliation = self.gaz.side_of(aff) if aff is not None else ""
            target = self._title_antecedent(titled, out, len(cands), i, t.term, title_key, affiliation)
            if target is not None:
                c = _Cand(k, j, "person", target.actor_id, target.actor_name, "person", target.entry_id,
                          affiliation=affiliation or target.affiliation, title=title,
                          label_start=label_start, is_guess=True,
                          guess_reason=f"title without a name, taken to be {target.actor_name}")
            else:
                if t.role not in REFERRING_ROLES or (not (self._text_bits[i] & CAP) and aff is None
                                                      and self.toks[k].norm not in ("the",)):
                    continue
                c = _Cand(k, j, "person", f"title:{affiliation or '?'}:{title_key}",
                          title, "person", affiliation=affiliation or "", title=title,
                          label_start=label_start, is_guess=True,
                          guess_reason="title without a name")
            self._mark(k, j)
            out.append(c)
        out.sort(key=lambda c: c.start_tok)
        return out

    # ------------------------------------------------------------------ descriptions
    def _description_at(self, p: int, b: int, title_case: bool = False):
        """The description starting at token p (sentence end b): "a former federal prosecutor",
        "the 27-year-old Germanwings co-pilot", "Trump's one-time senior strategist": an optional
        determiner or possessor, modifiers and a singular person noun as its head, which ends the
        noun phrase. Returns (first token, first token of the label, token after the head, and
        whether it opened with a determiner or a possessor), or None. The mention leaves out a
        possessor, and starts after a mention inside the phrase ("the longtime Trump lawyer").
        `title_case`: a capitalised title may be the head ("Mike Pompeo, Director of the CIA")."""
        norms, tags, used, bits = self._norms, self._tags, self.used, self._text_bits
        start = label = p
        opened = False
        if p < b and norms[p] in _DESC_DETERMINERS:
            label, opened = p + 1, True
        else:  # a possessor: "Trump's", "the president's", "Daniels'"
            for q in range(p + 1, min(p + 5, b)):
                if norms[q] in _POSSESSIVE_MARKS:
                    start = label = q + 1
                    opened = True
                    break
                if not (used[q] or bits[q] & CAP or tags[q] in ("NNP", "NNPS", "NN")):
                    break
            if opened and not (used[p] or bits[p] & CAP or tags[p] in ("NNP", "NNPS", "NN") or
                               norms[p] == "the"):
                return None
        k = label
        while k < b and k - label < _DESC_MAX and norms[k] not in _DESC_DETERMINERS and (
                tags[k] in _DESC_MOD_TAGS or norms[k].endswith("-year-old") or
                tags[k] == "VBG" and k + 1 < b and tags[k + 1] in _DESC_MOD_TAGS):
            k += 1  # a participle only inside the phrase ("a certified nursing assistant living")
        if k == label:
            return None
        head = norms[k - 1]
        if head.endswith("-year-old"):
            if not head[:1].isalnum():
                return None
        elif bits[k - 1] & CAP and not (title_case and self._title_starts(k - 1)) or \
                tags[k - 1] not in ("NN", "NNP") or tags[k - 1] == "NNP" and not bits[k - 1] & CAP or \
                not _person_noun(self.gaz, head):
            return None
        for q in range(label, k):
            if used[q]:
                start = label = q + 1  # "the longtime Trump lawyer": after the mention inside
        if label >= k:
            return None
        return start, label, k, opened

    def _clause_after(self, k: int, b: int) -> bool:
        """Does a prepositional tail starting at token k run into a verb of its own before a comma
        ends it ("for Kavanaugh, a lawyer for Ford addressed whether ...": an indefinite phrase
        there is the verb's subject, someone new, no appositive; "Robert Hur, U.S. attorney for the
        District of Maryland, told" is one)? Capitalised words (a book's title) and a verb form
        before a noun ("think tank") are no verbs here."""
        norms, tags, bits = self._norms, self._tags, self._text_bits
        if k >= b or tags[k] not in ("IN", "TO"):
            return False
        for q in range(k + 1, b):
            if norms[q] in _APPOSITIVE_END:
                return False
            if bits[q] & CAP:
                continue
            if tags[q] in ("VBD", "MD") or tags[q] in ("VBZ", "VBP") and not (
                    q + 1 < b and tags[q + 1] in ("NN", "NNS")):
                return True
        return False

    def _descriptions(self, cands):
        """Descriptions of a named person that stand for them: an appositive beside the name
        ("Giuliani, a former federal prosecutor"; "Pugh's lawyer, Steven Silverman, declined"),
        and a definite description whose head an earlier description or title of a person has
        ("the co-pilot" after "co-pilot Andreas Lubitz", "the lawyer" after "his lawyer Rudy
        Giuliani": the last of them mentioned; "the 26-year-old" after "Shirwa Ahmed, a
        26-year-old"). Generic uses ("lawyers say", "a lawyer") name nobody, nor does a definite
        description no one was given before: "the 16-year-old" after a senator and an unnamed
        girl. All are guesses; a pronoun may then take the person they name."""
        people = [c for c in cands if c.kind == "person" and not c.actor_id.startswith("title:")]
        if not people:
            return cands
        norms, tags, sent = self._norms, self._tags, self._sent
        out = list(cands)
        heads: dict = {}  # head noun -> [(token, person)] of the article's descriptions and titles
        person_starts = {c.start_tok for c in people}

        def add(d, person, why):
            start, label, end, _ = d
            self._mark(start, end)
            out.append(_Cand(start, end, "person", person.actor_id, person.actor_name, "person",
                             person.entry_id, affiliation=person.affiliation, label_start=label,
                             is_guess=True, guess_reason=why))
            heads.setdefault(norms[end - 1], []).append((start, person))

        for c in people:
            if c.title and c.person_name:
                # the title's head, when it stands right before the name ("co-pilot Andreas
                # Lubitz"), not before a body's ("co-pilot of Germanwings Flight 9525")
                words = fold(self._text(c.start_tok, c.end_tok)).split()
                before = words[:len(words) - len(c.person_name.split())]
                head = fold(c.title).split()[-1]
                if before and before[-1] == head and _person_noun(self.gaz, head):
                    heads.setdefault(head, []).append((c.start_tok, c))
            a, b = self._sent_range(sent[c.start_tok])
            why = f"description beside the name of {c.actor_name}"
            # after the name: ", [age,] a former federal prosecutor [, | who | of | .]"
            j = c.end_tok
            if j + 1 < b and norms[j] == ",":
                p = j + 1
                if p + 2 < b and tags[p] == "CD" and norms[p + 1] == ",":
                    p += 2  # "Joyce Ross, 64, a certified nursing assistant"
                d = self._description_at(p, b, title_case=True)
                if d is not None and self._free(d[0], d[2]) and (
                        d[2] >= b or norms[d[2]] in _APPOSITIVE_END or tags[d[2]] in _APPOSITIVE_END_TAGS) \
                        and not (d[2] + 1 < b and norms[d[2]] == "," and d[2] + 1 in person_starts) \
                        and not (norms[d[0]] in ("a", "an") and self._clause_after(d[2], b)):
                    add(d, c, why)  # (not in a list: "The chancellor, Philip Hammond, the
                    # justice secretary, David Gauke, and ...": that one is Gauke's)
            # before the name, which closes it: "his lawyer, Lanny Davis, said", "the president's
            # personal lawyer, Michael Cohen, to keep"
            i = c.start_tok
            if i - 2 >= a and norms[i - 1] == "," and (c.end_tok >= b or norms[c.end_tok] in (",", ".")):
                p = i - 2
                while p > a and i - p < _DESC_MAX + 6 and (
                        tags[p - 1] in _DESC_MOD_TAGS or norms[p - 1] in _DESC_DETERMINERS or
                        norms[p - 1] in _POSSESSIVE_MARKS or self.used[p - 1] or
                        self._text_bits[p - 1] & CAP):
                    p -= 1
                for q in range(p, i - 1):
                    d = self._description_at(q, i - 1)
                    if d is not None:
                        if d[2] == i - 1 and d[3] and self._free(d[0], d[2]):
                            add(d, c, why)
                        break
        if not heads:
            out.sort(key=lambda c: c.start_tok)
            return out
        # definite descriptions: "the co-pilot", "the lawyer" (a title that refers back is
        # _title_only's: "the president", "the prosecutor")
        at = sorted(((c.start_tok, c.end_tok, c) for c in out if c.kind == "person"), key=lambda x: x[:2])
        starts = [x[0] for x in at]
        used = self.used
        last = len(norms) - 1
        # only a "the" with one of those heads within reach can be one (a search per "the" of the
        # article cost a tenth of the mention finder)
        head_at = list(compress(range(len(norms)), map(heads.__contains__, norms)))
        for i in self._the_tokens():
            h = bisect_right(head_at, i)
            if h == len(head_at) or head_at[h] > i + _DESC_MAX or i == last or used[i] or used[i + 1]:
                continue
            s_idx = sent[i]
            a, b = self._sent_range(s_idx)
            d = self._description_at(i, b)
            if d is None or d[0] != i or not self._free(i, d[2]) or (d[2] < b and norms[d[2]] == "of"):
                continue
            head = norms[d[2] - 1]
            title = self.gaz.titles.get(head)
            if title is not None and title.role in _TITLE_ROLES:
                continue
            holders = {p.actor_id for k, p in heads.get(head, ()) if k < i}
            if not holders:
                continue
            target = None
            for q in range(bisect_left(starts, i) - 1, -1, -1):
                if at[q][2].actor_id in holders:
                    target = at[q][2]
                    break
            if target is None:
                continue
            add(d, target, f"description taken to be {target.actor_name}")
        out.sort(key=lambda c: c.start_tok)
        return out

    def _the_tokens(self) -> list:
        """The indices of the article's tokens "the" (found once, read by two passes)."""
        if self._the is None:
            norms = self._norms
            self._the = list(compress(range(len(norms)), map(eq, norms, repeat("the"))))
        return self._the

    def _last_state_before(self, i: int) -> str:
        """The entry id of the last US state the article names before token i, as an actor or
        as a place ("" when none)."""
        keys = self._ent_keys
        for p in range(bisect_left(keys, i) - 1, -1, -1):
            surf = self.ent[keys[p]][1]
            entry = self.gaz.entries.get(surf.entry_id)
            if entry is not None and entry.kind == "state":
                return entry.id
        return ""

    def _institutions_named_before(self, cands):
        """"the committee" after "the House Judiciary Committee", "the agency" after "the EPA"
        (Environmental Protection Agency), "the state" after "New Jersey", "the party" after
        "Democrats": "the" and the head word of an institution named earlier in the article (an organisation word of
        org_heads.tsv ending its name, or the kind of a state or a party) is that institution, the
        only one the article named so far with that word (a guess): not "the party" after both
        Republicans and Democrats, nor "the court" with no court named. Not before a noun or "of"
        ("the state legislature", "the state of Colorado")."""
        heads: dict = {}
        org_heads = self.gaz.org_heads
        for c in cands:
            if c.kind not in ("organisation", "government") or c.actor_id.startswith(("generic:", "title:")):
                continue
            last = fold(c.actor_name).split()[-1] if c.actor_name.strip() else ""
            if org_heads.get(last, "media") != "media" and last not in non_persons():
                heads.setdefault(last, []).append(c)  # (not "the poll": a finding, not a body)
            if c.entity_kind in ("state", "party") and c.entity_kind != last:
                heads.setdefault(c.entity_kind, []).append(c)
        if not heads:
            return cands
        norms, tags, used, bits = self._norms, self._tags, self.used, self._text_bits
        out = list(cands)
        n = len(norms)
        for i in self._the_tokens():
            j = i + 1
            if j >= n or norms[j] not in heads or used[i] or used[j] or bits[j] & CAP or \
                    tags[j] != "NN" or self._sent[j] != self._sent[i]:
                continue
            if j + 1 < n and (tags[j + 1] in ("NN", "NNS", "NNP", "NNPS") or norms[j + 1] == "of" or
                              norms[j + 1] in ("and", "or") and j + 2 < n and tags[j + 2] == "JJ"):
                continue  # a modifier: "the state legislature", "the state and local level"
            before = [c for c in heads[norms[j]] if c.start_tok < i]
            if not before or len({c.actor_id for c in before}) > 1:
                continue  # none, or two ("the party" after Republicans and Democrats)
            t = before[-1]
            if norms[j] == "state" and self._last_state_before(i) != t.entry_id:
                continue  # another state named since, as a place ("... in Ohio, the state he governs")
            out.append(_Cand(i, j + 1, t.kind, t.actor_id, t.actor_name, t.entity_kind, t.entry_id,
                             sector=t.sector, affiliation=t.affiliation, label_start=j, is_guess=True,
                             guess_reason=f"institution word taken to be {t.actor_name}"))
            self._mark(i, j + 1)
        out.sort(key=lambda c: c.start_tok)
        return out

    @staticmethod
    def _titled_index(cands) -> dict:
        """title word -> ([start token], [candidate]) of the named persons with a title among
        `cands` (sorted by start), in order: where `_title_antecedent` looks for a title's holder."""
        index: dict = {}
        for c in cands:
            if _named_with_title(c):
                for w in _title_words(c.title):
                    starts, found = index.setdefault(w, ([], []))
                    starts.append(c.start_tok)
                    found.append(c)
        return index

    def _title_antecedent(self, titled, cands, n_sorted, i, head, title_key, affiliation):
        """The last person before token i whose title holds the title's words (and no other side):
        among the first `n_sorted` candidates (sorted by start; `titled` indexes them by title
        word) those starting before i, then, when none of those starts at or after i, the titles
        without a name taken since (appended after them). A walk over every candidate for every
        title made long documents quadratic; this visits only the holders of the title's head."""
        words = set(title_key.split()) - _DEMONYM_WORDS(self.gaz)
        last = head.split()[-1]
        best = None
        starts, found = titled.get(last, ((), ()))
        for k in range(bisect_left(starts, i) - 1, -1, -1):
            c = found[k]
            if _holds_title(c, words, affiliation):
                best = c
                break
        if n_sorted == 0 or cands[n_sorted - 1].start_tok < i:
            for c in cands[n_sorted:]:
                if _named_with_title(c) and last in _title_words(c.title) and _holds_title(c, words, affiliation):
                    best = c
        return best

    def _pronouns(self, cands):
        """Subject pronouns he/she/they, resolved to the nearest fitting earlier mention (a guess)."""
        out = list(cands)
        by_start = sorted(cands, key=lambda c: c.start_tok)
        cand_starts = [c.start_tok for c in by_start]
        sent = self._sent
        for i in self.flags.pronouns:  # he, she, they (PRONOUNS)
            t = self.toks[i]
            kind = PRONOUNS[t.norm]
            if self.used[i]:
                continue
            nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
            if nxt is None or not (nxt.pos.startswith("VB") or nxt.pos in ("MD", "RB")):
                continue
            s_idx = sent[i]
            ante = None
            for q in range(bisect_left(cand_starts, i) - 1, -1, -1):  # those starting before i
                c = by_start[q]
                if sent[c.start_tok] < s_idx - 3:
                    break
                if c.kind == "pronoun":
                    continue
                if kind == "person" and c.kind == "person":
                    if c.is_guess and c.guess_reason.startswith(("unknown", "single")):
                        ante = ante or c
                        continue
                    ante = c
                    break
                if kind == "plural" and c.kind != "person" and c.kind not in ("country", "metonym") \
                        and (c.kind in ("generic_group", "government", "organisation", "armed_group")) \
                        and not (c.entity_kind == "state" and not c.sector):  # "Texas", as "Iran": no "they"
                    ante = c
                    break
            if ante is None:
                continue
            c = _Cand(i, i + 1, "pronoun", ante.actor_id, ante.actor_name, ante.entity_kind,
                      ante.entry_id, sector=ante.sector, affiliation=ante.affiliation,
                      label_start=i, is_guess=True,
                      guess_reason=f"pronoun resolved to {self._text(ante.start_tok, ante.end_tok)!r}")
            self._mark(i, i + 1)
            out.append(c)
        return out

    def _spread_affiliation(self, cands):
        """Mentions of one actor share the affiliation the article gives any of them."""
        aff = {}
        for c in cands:
            if c.affiliation and c.actor_id not in aff:
                aff[c.actor_id] = c.affiliation
        for c in cands:
            if not c.affiliation and c.actor_id in aff:
                c.affiliation = aff[c.actor_id]
        return cands

    # ------------------------------------------------------------------ output
    def _to_mention(self, c: _Cand) -> ActorMention:
        return self._to_mentions([c])[0]

    def _to_mentions(self, cands) -> tuple[ActorMention, ...]:
        """The ActorMentions of the candidates, in their order (one loop, no call per mention)."""
        toks = self.doc.tokens
        starts, ends, sent = self._starts, self._ends, self._sent
        text = self.text
        make, clean = _MAKE_MENTION, _clean_label
        out = []
        append = out.append
        # the tokens of each mention, for the agency finder (which otherwise finds them again
        # from the offsets)
        self.token_ranges = ranges = []
        add_range = ranges.append
        for c in cands:
            first = c.start_tok
            add_range((first, c.end_tok))
            start = starts[first]
            last = c.end_tok - 1
            end = ends[last]
            ls = c.label_start if c.label_start >= first else first
            label = clean(text[starts[ls if ls < last else last]:end])
            # positional, in ActorMention's field order (role keeps its default, "none")
            append(make(start, end, text[start:end], label, c.actor_id, c.actor_name, c.kind,
                        c.entity_kind, c.entry_id, c.sector, c.affiliation, c.title, "none", c.number,
                        sent[first], toks[first].in_quote, c.is_guess, c.guess_reason))
        return tuple(out)


#: What opens a description of a person: "a lawyer", "the co-pilot", "his lawyer".
_DESC_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their"})
#: The possessive marks that end a possessor ("Trump's", "Daniels'").
_POSSESSIVE_MARKS = frozenset({"'s", "'", "\u2019s", "\u2019"})
#: Tags of a description's modifiers and head ("former federal prosecutor", "Germanwings co-pilot").
_DESC_MOD_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNP", "NNPS", "VBN", "CD"})
_DESC_MAX = 6
#: What may follow an appositive description's head: the appositive's end, a relative clause, a
#: prepositional or participial tail ("a lawyer who has represented", "a certified nursing
#: assistant living on"), never a verb of its own ("Trump, his lawyer said" is no appositive).
_APPOSITIVE_END = frozenset({",", ".", ";", ":", "--", "\u2014", "\u2013", ")", "who", "whose", "whom"})
_APPOSITIVE_END_TAGS = frozenset({"IN", "TO", "VBG", "VBN"})


_PERSON_NOUNS: dict = {}


def _surnames_of(cands) -> dict:
    """Folded surname -> the named people (first mentions) who bear it, from the people named
    in full: the last word of the name, or the word before a generational suffix."""
    out: dict = {}
    seen = set()
    for c in cands:
        if c.kind != "person" or c.actor_id.startswith("title:") or c.actor_id in seen:
            continue
        words = fold(c.person_name or c.actor_name).split()
        if words and words[-1] in GENERATIONAL_SUFFIXES:
            words = words[:-1]
        if len(words) > 1:
            seen.add(c.actor_id)
            out.setdefault(words[-1], []).append(c)
    return out


def _person_noun(gaz, norm: str) -> bool:
    """Does this head noun stand for one person: a person or role noun (person_nouns.tsv,
    gender.tsv), a title of the gazetteer ("prosecutor", "co-pilot"), or an age ("56-year-old")?"""
    got = _PERSON_NOUNS.get(id(gaz))
    if got is None or got[0] is not gaz:  # (the gazetteer is kept and checked: an id can be reused)
        heads = frozenset(t for t, v in gaz.titles.items() if v.type == "head" and " " not in t)
        got = _PERSON_NOUNS[id(gaz)] = (gaz, (person_nouns() | frozenset(gender_words()) | heads) -
                                        non_persons() - frozenset(gaz.org_heads))
    words = got[1]
    return norm in words or norm.endswith("-year-old") or (
        "-" in norm and norm.rsplit("-", 1)[1] in words)


#: ActorMention(...) without the call into __init__ (the same objects; see framing.model.fastmake):
#: an article set makes tens of thousands of mentions.
_MAKE_MENTION = fast_constructor(ActorMention)

_DEMONYMS_CACHE: dict = {}


def _DEMONYM_WORDS(gaz):
    key = id(gaz)
    if key not in _DEMONYMS_CACHE:
        words = set()
        for k, surfs in gaz.surfaces.items():
            if any(s.type in ("demonym", "name", "alias") and gaz.entries[s.entry_id].kind == "country"
                   for s in surfs):
                words.update(k.split())
        _DEMONYMS_CACHE[key] = words
    return _DEMONYMS_CACHE[key]


# The two string helpers below are pure and run once per mention on labels and titles that repeat
# across an article set, so they are memoised (bounded).
@lru_cache(maxsize=65536)
def _strip_title_edges(title: str) -> str:
    t = title.strip(" ,")
    for tail in (" Dr.", " Dr", " Mr.", " Mrs.", " Ms.", " Prof."):
        if t.endswith(tail):
            t = t[: -len(tail)]
    for lead in ("the ", "The ", "his ", "her ", "their ", "its ", "His ", "Her "):
        if t.startswith(lead):
            t = t[len(lead):]
    return t


#: The words between an organisation word and its object in a name ("Bureau of Labor Statistics",
#: "Center for Immigration Studies", "Council on Foreign Relations", "Committee to Protect
#: Journalists", "Alliance to Reclaim Our Schools").
_ORG_OBJECT_LINKS = ("of", "for", "on", "to")
#: The small words an organisation's name holds between capitalised words ("Bank of America",
#: "Council on Foreign Relations", "Department of Housing and Urban Development"; which of them
#: join a name where: MentionFinder._name_link), never at its end.
_ORG_NAME_LINKS = _ORG_OBJECT_LINKS + ("and",)


def _named_with_title(c) -> bool:
    """Can this candidate be the holder a title without a name refers back to: a person known by
    name (not another title-only reference) who has a title?"""
    return c.kind == "person" and bool(c.title) and not c.actor_id.startswith("title:")


@lru_cache(maxsize=65536)
def _title_words(title: str) -> frozenset:
    """The folded words of a title, as a set (antecedent tests compare titles by their words)."""
    return frozenset(fold(title).split())


@lru_cache(maxsize=65536)
def _clean_label(label: str) -> str:
    label = " ".join(label.split())
    label = label.replace("\u2019", "'").replace("\u2018", "'")
    return label.strip(" ,;:")


def _initials_match(acr: str, words: list[str]) -> bool:
    """Do the capitalised words (and hyphenated parts) of a long form spell the acronym?"""
    letters = "".join(c for c in acr if c.isalpha()).upper()
    parts = []
    for w in words:
        for p in w.replace("\u2010", "-").split("-"):
            if p and p[0].isalpha() and (p[0].isupper() or len(p) > 3):
                parts.append(p[0].upper())
    initials = "".join(parts)
    if initials == letters:
        return True
    # allow skipped small words and one extra letter either side
    it = iter(initials)
    return len(letters) >= 2 and all(ch in it for ch in letters) and len(initials) - len(letters) <= 2


def _mention_kind_for_org(ekind: str) -> str:
    if ekind == "armed_group":
        return "armed_group"
    return "organisation"


def find_mentions(doc, gaz: Gazetteer) -> tuple[ActorMention, ...]:
    """The actor mentions of one article, in text order."""
    return MentionFinder(gaz).find(doc)


def with_roles(mentions, roles: dict) -> tuple[ActorMention, ...]:
    """Copy mentions with their agency role set: roles maps (start, end) -> "agent" | "patient".

    A mention whose role does not change is kept as it is (an unchanged copy is equal to it, and
    copying every mention of an article was a tenth of the stage's time).
    """
    if not roles:
        return tuple(mentions)
    out = []
    for m in mentions:
        role = roles.get((m.start, m.end), m.role)
        out.append(m if role == m.role else replace(m, role=role))
    return tuple(out)
