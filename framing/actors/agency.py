"""Agency: who is written as doing what to whom, and where the wording hides the doer.

Why it matters for framing: "23 soldiers were killed" and "the killing of 200 militants" tell the
reader that something happened without saying who did it; "Kabul's aggression resulted in the
martyrdom of 23 soldiers" names a doer. The verbs and nouns that count (violence, casualty, blame,
cause, coercion, threat) come from lexicons/gazetteer/agency_terms.tsv.

Rules over the shared text layer (Penn tags, lemmas), per sentence:
- a verb after a form of "be"/"get" (adverbs allowed between) is passive; "by X" after it names the
  agent, otherwise the agent is hidden. The tagger's VBD/VBN confusion does not matter here because
  the auxiliary decides, not the tag. A participle right after a noun and before a preposition or
  punctuation ("soldiers killed in the attack") is a reduced passive.
- otherwise the verb is active: the agent is the nearest noun phrase to the left (skipping an
  apposition between commas: "the Taliban forces, backed by the TTP, launched ..."), the patient the
  noun phrase to the right.
- an action noun is a nominalisation: its agent is a possessor ("Kabul's aggression"), a naming
  modifier ("Taliban attack", "Pakistani airstrikes"), "by X", the subject of a light verb ("X
  launched an attack") or of a cause verb ("X's strikes resulted in the killing of ..."); its patient
  follows "of"/"on"/"against" as the term's row says.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..text.columns import columns
from ..model.actors import AgencyEvent
from ..model.core import Span
from .tokenflags import index_at, token_flags

BE = {"be", "get"}
ADV_SKIP = {"RB", "RBR", "RBS"}
LIGHT_VERBS = {"launch", "carry", "conduct", "stage", "mount", "perpetrate", "commit",
               "unleash", "wage", "undertake", "execute", "make", "initiate", "begin", "start",
               # blame and accusation: "placed the blame on", "levelled accusations"
               "place", "put", "lay", "pin", "shift", "level", "hurl"}
CAUSE_VERBS = {"result", "lead", "cause", "trigger", "prompt", "spark", "bring"}
#: Verbs that name causing only when what they act on is itself an act ("X started the war");
#: otherwise they mean begin. On hand-labelled AllSides sentences 10 of the 28 words that named
#: no act were "start" (scripts/eval_agency_allsides.py).
NEEDS_ACT_OBJECT = frozenset(("start",))
CLAUSE_STOP = {";", ":", "?", "!"}
NP_TAGS = {"DT", "PDT", "PRP$", "CD", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "POS", "VBN"}
NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS", "PRP", "CD"}
#: Prepositions before a gerund whose doer `_controller` looks for ("accused of killing").
_GERUND_PREPS = frozenset({"of", "for", "with", "by", "without"})
_OBJECT_START_TAGS = frozenset({"DT", "NNP", "NNPS", "PRP", "PRP$", "CD"})
#: Words that stand as a verb's subject, after which a word the tagger read as a noun is a verb.
_SUBJECT_PRONOUNS = frozenset({"who", "that", "i", "you", "we", "they"})
_QUOTE_NORMS = frozenset({'"', "'", "``", "''"})
REDUCED_NEXT = {"by", "in", "on", "at", "during", "near", "when", "while", "after", "before", ",",
                ".", ";", "as", "inside", "along", "across", "since", "last", "this", "overnight",
                "following", "and"}

#: Words that join a noun phrase to the one before it inside a subject: "militants from the
#: Khawarij faction", "a spokesman for the army", "officials at the ministry", "Pakistan and Iran".
_SUBJECT_LINKS = frozenset({"of", "from", "and", "or", "in", "for", "with", "at", "on", "against"})
#: Words of a time adverbial between a subject and its verb ("Trump on Friday fired ...").
_TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "last", "this", "next", "week", "weekend", "month", "year", "day",
    "morning", "afternoon", "evening", "night", "the", "a", "early", "late"})


@dataclass(slots=True)
class EventRecord:
    """An AgencyEvent under construction, with token indices the initiator rules reuse."""

    tok: int  # the predicate's head token
    tok_start: int
    tok_end: int
    lemma: str
    cls: str
    construction: str
    reciprocal: bool
    agent: tuple | None = None  # (tok_start, tok_end)
    patient: tuple | None = None
    agent_actor: str = ""
    patient_actor: str = ""
    agent_mention: object = None
    patient_mention: object = None


_HEADS: dict = {}


def _term_words(gaz, pos: str) -> tuple[frozenset, frozenset]:
    """(first words of multi-word terms, single-word terms) of one part of speech, memoised per
    agency table. A token whose lemma and norm are in neither cannot start a term, so most
    tokens are passed over with two set lookups."""
    table = gaz.agency
    key = (id(table), len(table), pos)
    got = _HEADS.get(key)
    if got is None or got[0] is not table:
        heads = frozenset(term.split(" ")[0] for term, p in table if p == pos and " " in term)
        singles = frozenset(term for term, p in table if p == pos and " " not in term)
        got = (table, (heads, singles))
        if len(_HEADS) > 16:
            _HEADS.clear()
        _HEADS[key] = got
    return got[1]


def _any_word(gaz) -> "_AnyWord":
    """The _AnyWord memo of a gazetteer's agency table (kept across articles, like _term_words)."""
    table = gaz.agency
    key = (id(table), len(table), "any")
    got = _HEADS.get(key)
    if got is None or got[0] is not table:
        words = frozenset().union(*_term_words(gaz, "verb"), *_term_words(gaz, "noun"))
        got = (table, _AnyWord(words))
        if len(_HEADS) > 16:
            _HEADS.clear()
        _HEADS[key] = got
    return got[1]


class _AnyWord(dict):
    """word -> might a term start on it: it starts or is a term of either part of speech, or it
    holds a space (_term_at then tries every multi-word term). A superset of what _term_at finds."""

    def __init__(self, words: frozenset):
        super().__init__()
        self.words = words

    def __missing__(self, word: str) -> bool:
        if len(self) >= 50_000:  # bounded: a long batch's memory stays flat
            self.clear()
        value = self[word] = word in self.words or " " in word
        return value


class _StartTags(dict):
    """Penn tag -> can an event start on it (a verb, or a common noun: an action noun)?"""

    def __missing__(self, tag: str) -> bool:
        value = self[tag] = tag.startswith("VB") or tag in ("NN", "NNS")
        return value


_START_TAGS = _StartTags()


#: Words that open a relative clause whose subject is the noun phrase before them.
RELATIVE_PRONOUNS = frozenset(("who", "which", "that"))
#: A complement clause's opener: a verb after "and" does not share the subject inside it
#: ("noted that the death rate has decreased, but warned"). Other subordinators often open the
#: clause that holds both verbs ("when demonstrators stormed the gate and torched a post").
_SUBORDINATORS = frozenset(("that",))
#: Words that open an infinitive question: "knew where to strike", "decide how to respond".
_WH_WORDS = frozenset(("where", "how", "when", "what", "whether", "whom", "which", "who"))
#: Determiners and pronouns that head a noun phrase on their own before "who": "those who".
_PRONOUN_HEADS = frozenset(("those", "anyone", "anybody", "someone", "somebody", "everyone",
                            "everybody", "whoever", "others"))


class AgencyFinder:
    def __init__(self, doc, gaz, mentions, token_ranges=None):
        """`token_ranges`: the mentions' (first token, last token + 1), in their order, when the
        caller knows them (the mention finder's `token_ranges`); otherwise they are found by
        bisection of the token offsets."""
        self.doc = doc
        self.gaz = gaz
        self.toks = doc.tokens
        self.mentions = [m for m in mentions]
        self._words = {pos: _term_words(gaz, pos) for pos in ("verb", "noun")}
        self._any_word = _any_word(gaz)
        self.m_by_tok: dict[int, object] = {}
        self.m_range: dict[int, tuple] = {}
        m_range, m_by_tok = self.m_range, self.m_by_tok
        if token_ranges is not None and len(token_ranges) == len(self.mentions):
            m_range.update(enumerate(token_ranges))
            for k, (a, b) in m_range.items():
                for t in range(a, b):
                    m_by_tok[t] = k
            return
        # the tokens a mention starts and ends on, by bisection of the token offsets (the
        # mention finder's, kept with its token flags): no offset -> index dicts over every token
        flags = token_flags(doc, gaz)
        starts, ends = flags.starts, flags.ends
        for k, m in enumerate(self.mentions):
            a, b = index_at(starts, m.start), index_at(ends, m.end)
            if a < 0 or b < 0:
                continue
            m_range[k] = (a, b + 1)
            for t in range(a, b + 1):
                m_by_tok[t] = k

    # ------------------------------------------------------------------ noun phrases
    def _mention_in(self, a, b):
        """The most telling mention inside tokens [a, b): a possessor or modifier naming an actor
        comes first in English, so the first mention wins ("Pakistan's retaliatory strikes")."""
        for t in range(a, b):
            k = self.m_by_tok.get(t)
            if k is not None:
                return self.mentions[k]
        return None

    def _np_left(self, i, s_start):
        """The noun phrase ending just before token i (after adverbs/auxiliaries), or None."""
        j = i - 1
        while j >= s_start and (self.toks[j].pos in ADV_SKIP or self.toks[j].pos == "MD" or
                                self.toks[j].lemma in ("be", "have", "do", "not", "also", "still")
                                and self.toks[j].pos.startswith(("VB", "RB", "MD"))
                                # "since" right before a verb is an adverb: "has since been charged"
                                or self.toks[j].norm == "since" and self.toks[j + 1].pos.startswith("VB")):
            j -= 1
        if j < s_start:
            return None
        if self.toks[j].text == "]" and j - 1 >= s_start:
            j -= 1  # an editor's bracketed name is the subject: "[Abbott] accused the president"
        elif self.toks[j].text in ("\u201d", "''") and j - 1 >= s_start and self.toks[j - 1].pos in NOUN_TAGS:
            j -= 1  # a quoted subject: whether a \u201cfast lane\u201d should be banned
        if self.toks[j].text == ")":  # a parenthesis after the name: "McConnell (R-Ky.) backed"
            k = j - 1
            while k > s_start and self.toks[k].text != "(":
                k -= 1
            if self.toks[k].text != "(" or k - 1 < s_start:
                return None
            j = k - 1
        if self.toks[j].norm in RELATIVE_PRONOUNS and self.toks[j].pos in ("WP", "WDT", "IN", "DT"):
            # a relative clause's doer is the noun phrase it hangs on: "the man who assaulted me",
            # "the operation that killed bin Laden", "the Duggar family, which had backed Santorum"
            j -= 1
            while j >= s_start and self.toks[j].text in (",", "--", "\u2014", "\u2013", "[", "]"):
                j -= 1
            if j < s_start:
                return None
            if self.toks[j].norm in _PRONOUN_HEADS:
                return (j, j + 1)  # "those who threaten us"
            return self._np_ending_at(j, s_start)
        if self.toks[j].text == "," and j > s_start:
            k = j - 1
            while k > s_start and self.toks[k].text != ",":
                k -= 1
            if self.toks[k].text == "," and k + 1 < j and (
                    self.toks[k + 1].pos in ("VBN", "VBG", "WDT", "WP") or self.toks[k + 1].norm in (
                    "who", "which", "backed", "supported", "led", "including")):
                j = k - 1  # skip an apposition: "the Taliban forces, backed by the TTP, launched"
            else:
                return None
        if j < s_start or self.toks[j].text in CLAUSE_STOP:
            return None
        r = self._np_ending_at(j, s_start)
        if r is not None and r[0] - 2 >= s_start and self.toks[r[0] - 1].norm in ("on", "in", "at", "per") \
                and all(t.pos == "CD" or t.norm in _TIME_WORDS for t in self.toks[r[0]:r[1]]):
            r = self._np_ending_at(r[0] - 2, s_start)  # "Trump on Friday fired": not "Friday"
        if r is None:
            return None
        a, b = r
        # "200 Taliban and militants from the Khawarij faction", "a spokesman for the army", "the
        # trade war with China": postmodifiers and coordination
        while a - 2 >= s_start and self.toks[a - 1].norm in _SUBJECT_LINKS:
            left = self._np_ending_at(a - 2, s_start)
            if left is None:
                break
            a = left[0]
        return (a, b)

    def _np_ending_at(self, j, s_start):
        k = self.m_by_tok.get(j)
        if k is not None:
            return self.m_range[k]
        if self.toks[j].pos not in NOUN_TAGS:
            return None
        a = j
        while a - 1 >= s_start and self.toks[a - 1].pos in NP_TAGS and self.toks[a - 1].text not in (",",):
            a -= 1
            if self.m_by_tok.get(a) is not None:
                a = self.m_range[self.m_by_tok[a]][0]
        return (a, j + 1)

    def _np_right(self, i, s_end, max_skip=2):
        """The noun phrase starting just after token i-1 (a few particles allowed), or None."""
        j = i
        skipped = 0
        if j < s_end and self.toks[j].norm in _QUOTE_NORMS and j > 0 and self.toks[j - 1].pos.startswith("VB"):
            j += 1  # the closing quote of a quoted verb: threatened to "totally destroy" North Korea
        while j < s_end and skipped <= max_skip and (self.toks[j].pos in ADV_SKIP or self.toks[j].pos == "RP"):
            j += 1
            skipped += 1
        if j >= s_end:
            return None
        k = self.m_by_tok.get(j)
        if k is not None:
            return self._extend_np(self.m_range[k][0], s_end)
        if self.toks[j].pos not in NP_TAGS | {"PRP"} or self.toks[j].pos == "POS":
            return None
        return self._extend_np(j, s_end)

    def _extend_np(self, a, s_end):
        b = a
        while b < s_end and (self.toks[b].pos in NP_TAGS | {"PRP"} or self.m_by_tok.get(b) is not None
                             # a gerund after a determiner is a noun: "the fighting", "the killing"
                             or self.toks[b].pos == "VBG" and b > a and
                             self.toks[b - 1].pos in ("DT", "PRP$", "JJ")):
            k = self.m_by_tok.get(b)
            if k is not None:
                b = self.m_range[k][1]
                continue
            if self.toks[b].pos == "VBN" and b > a:
                break
            b += 1
        if b == a:
            return None
        # an "of"-phrase counted group: "more than 200 of the militants"
        return (a, b)

    def _after_prep(self, i, s_end, preps, window=6):
        """The noun phrase after the first of `preps` within a few tokens of i."""
        for j in range(i, min(s_end, i + window)):
            t = self.toks[j]
            if t.text in CLAUSE_STOP or (t.pos.startswith("VB") and j > i and t.norm not in ("killed",)):
                if t.pos.startswith("VB"):
                    break
                return None
            if t.norm in preps:
                return self._np_right(j + 1, s_end)
        return None

    # ------------------------------------------------------------------ predicates
    def _term_at(self, i, pos):
        """The agency term at token i (multi-word terms first): (term, n_tokens)."""
        t = self.toks[i]
        lem = t.lemma if pos == "verb" else (t.lemma if t.lemma else t.norm)
        heads, singles = self._words[pos]
        # Multi-word terms are only tried after a word that starts one (" " in lem: a lemma with a
        # space could start any, so try them all): same answers, far fewer lookups.
        multi = lem in heads or " " in lem
        if not multi and lem not in singles and t.norm not in singles:
            return None, 0
        for n in (3, 2):
            if multi and i + n <= len(self.toks):
                words = [lem] + [self.toks[k].norm for k in range(i + 1, i + n)]
                words2 = [lem] + [self.toks[k].lemma for k in range(i + 1, i + n)]
                for w in (words, words2):
                    term = self.gaz.agency_term(" ".join(w), pos)
                    if term is not None:
                        return term, n
        term = self.gaz.agency_term(lem, pos) or self.gaz.agency_term(t.norm, pos)
        return (term, 1) if term is not None else (None, 0)

    def find(self) -> list[EventRecord]:
        """Events in text order. Only verbs and common nouns can start one, so the walk goes from
        one such token to the next (found once per article) instead of visiting every token."""
        events = []
        toks = self.toks
        # a term can only start on a verb or common noun whose lemma or word starts or is a term
        # (the _AnyWord answer of its lemma or norm is the AGENCY bit of its token flags): the
        # few tokens with that bit are found at C speed, then their tags are looked at
        flags = token_flags(self.doc, self.gaz)
        start_tag = _START_TAGS
        tags = columns(self.doc).tags
        starts = [i for i in flags.agency if start_tag[tags[i]]]
        n_starts = len(starts)
        sentences = self.doc.sentences
        # only the sentences holding a start (a sentence without one gives nothing), in order
        for s_idx in sorted({toks[i].sentence for i in starts}):
            s = sentences[s_idx]
            a, b = s.token_start, s.token_end
            p = bisect_left(starts, a)
            while p < n_starts and starts[p] < b:
                i = starts[p]
                p += 1
                t = toks[i]
                ev = None
                if t.pos.startswith("VB") and not self._noun_by_position(i, a) or \
                        self._verb_by_position(i, a, b):
                    term, n = self._term_at(i, "verb")
                    if term is not None:
                        ev = self._verb_event(i, n, term, a, b)
                elif (t.pos in ("NN", "NNS") or t.pos.startswith("VB")) and self.m_by_tok.get(i) is None:
                    term, n = self._term_at(i, "noun")
                    if term is not None:
                        ev = self._noun_event(i, n, term, a, b)
                if ev is not None and ev.lemma in NEEDS_ACT_OBJECT and not self._acts_on_act(ev, b):
                    ev = None  # "start to paint", "started planning": begin, not cause
                if ev is not None:
                    events.append(ev)
                    p = bisect_left(starts, ev.tok_end, p)
        return events

    def _acts_on_act(self, ev, s_end, window=4) -> bool:
        """Is what the verb acts on an act: an agency noun in its patient, or in the few words
        right after the verb ("started the fighting", "started a deadly war")?"""
        lo, hi = ev.tok_end, min(s_end, ev.tok_end + window)
        if ev.patient is not None:
            lo, hi = min(lo, ev.patient[0]), max(hi, ev.patient[1])
        return any(self._term_at(k, "noun")[0] is not None for k in range(lo, hi))

    def _object_relative(self, i, a) -> bool:
        """The noun before the verb is the subject of an object relative clause, so the verb is
        active, not a reduced passive: "Comey, whom Trump fired on 9 May". Not after "that", which
        also opens a reported clause: "officials said that soldiers killed in the attack ..."."""
        np = self._np_left(i, a)
        return np is not None and np[0] > a and self.toks[np[0] - 1].norm in ("whom", "which")

    def _relative_head(self, subj, a):
        """The noun phrase an object relative clause hangs on, when `subj` (the clause's subject)
        comes right after "whom" or "which": the verb's object ("the bill, which Trump attacked").
        None otherwise."""
        if subj is None or subj[0] - 1 <= a or self.toks[subj[0] - 1].norm not in ("whom", "which"):
            return None
        j = subj[0] - 2
        while j > a and self.toks[j].text in (",", "--", "\u2014", "\u2013"):
            j -= 1
        return self._np_ending_at(j, a)

    def _noun_by_position(self, i, a) -> bool:
        """A word the tagger called a verb that its place makes a noun: after a determiner or
        possessive ("where to place the blame"), or right after a light verb ("Clinton placed
        blame on Sanders", "to shift blame")."""
        if i <= a:
            return False
        prev = self.toks[i - 1]
        return prev.pos in ("DT", "PRP$", "POS") and prev.norm not in ("that", "which") or (
            prev.lemma in LIGHT_VERBS and prev.pos.startswith("VB"))

    def _verb_by_position(self, i, a, b) -> bool:
        """A word the tagger called a singular noun that its place makes a verb: right after the
        infinitive's "to" and before its object ("threatened to attack Iran", "is willing to blame
        the Democrats"). "to" before a noun phrase with no object after it is left a preposition
        ("an end to violence")."""
        if not (a < i and i + 1 < b and self.toks[i].pos == "NN"):
            return False
        prev, nxt = self.toks[i - 1], self.toks[i + 1]
        if nxt.pos not in _OBJECT_START_TAGS and not (
                nxt.pos == "JJ" and i + 2 < b and self.toks[i + 2].pos in ("NNS", "NN")):
            return False  # ("known to assault vulnerable migrants": an adjective and its noun)
        # or after a subject that can only be a verb's: a relative or personal pronoun ("gangs
        # who murder our soldiers", "no matter how you torture the text")
        return prev.pos == "TO" and prev.norm == "to" or prev.norm in _SUBJECT_PRONOUNS and \
            not (prev.norm == "that" and prev.pos == "DT")

    def _aux_before(self, i, s_start):
        """Index of a be/get auxiliary right before token i (adverbs and "not" between), or None."""
        j = i - 1
        while j >= s_start and (self.toks[j].pos in ADV_SKIP or self.toks[j].norm in ("not", "n't")):
            j -= 1
        if j >= s_start and self.toks[j].lemma in BE and self.toks[j].pos.startswith("VB"):
            return j
        return None

    def _verb_event(self, i, n, term, a, b):
        t = self.toks[i]
        end = i + n
        aux = self._aux_before(i, a) if t.pos in ("VBN", "VBD") else None
        ev = EventRecord(i, i, end, term.term, term.cls, "active", term.reciprocal)
        if aux is not None and t.lemma not in ("be",):
            ev.tok_start = aux
            subj = self._np_left(aux, a)
            ev.patient = subj
            by = self._after_prep(end, b, ("by",))
            if by is not None:
                ev.construction = "passive_with_agent"
                ev.agent = by
            else:
                ev.construction = "passive_agentless"
            if term.cls == "casualty":
                ev.construction = "active"
            return self._finish(ev)
        nxt = self.toks[end] if end < b else None
        prev = self.toks[i - 1] if i > a else None
        if prev is not None and prev.norm == "and" and i - 2 >= a and self.toks[i - 2].pos == "JJ":
            return None  # "dead and injured": an adjective the tagger took for a verb
        if nxt is not None and n == 1 and nxt.norm in ("down", "off", "away", "out") and \
                self.gaz.agency_term(f"{term.term} {nxt.norm}", "verb") is None:
            return None  # "backed down": a different verb
        by_at = end
        while by_at + 1 < b and self.toks[by_at].pos in ADV_SKIP:
            by_at += 1  # "fueled disproportionately by Republican responses"
        by_next = by_at < b and self.toks[by_at].norm == "by"
        if t.pos in ("VBN", "VBD") and prev is not None and (
                (prev.pos in NOUN_TAGS or self.m_by_tok.get(i - 1) is not None) and (
                    nxt is None or nxt.norm in REDUCED_NEXT or
                    # a finite verb next: "the 3,700 hours captured remain a record"
                    nxt.pos in ("VBP", "VBZ", "MD") and t.pos == "VBN")
                and (term.cls in ("violence", "coercion") or by_next)
                or prev.text == "," and by_next) and not self._has_aux_have(i, a) and \
                not self._object_relative(i, a):
            # reduced passive: "soldiers killed in the attack", "clashes, instigated by X"
            ev.patient = self._np_left(i - 1, a) if prev.text == "," else self._np_left(i, a)
            if by_next:
                ev.agent = self._np_right(by_at + 1, b)
                ev.construction = "passive_with_agent"
            else:
                ev.construction = "passive_agentless"
            return self._finish(ev)
        # active
        ev.agent = self._np_left(i, a)
        if ev.agent is None and t.pos == "VBG" and prev is not None and prev.text == ",":
            ev.agent = self._main_subject(i - 1, a)  # "a gunman opened fire ..., killing 12"
        if ev.agent is None:
            ev.agent = self._controller(i, a)
        if ev.agent is None:
            ev.agent = self._coordinated_subject(i, a)
        if term.cls == "casualty":
            ev.patient, ev.agent = ev.agent, None  # "23 soldiers died": the subject suffers
        elif not term.reciprocal:
            obj = self._np_right(end, b)
            if obj is None and nxt is not None and nxt.norm in ("on", "at", "upon", "against"):
                obj = self._np_right(end + 1, b)  # "opened fire on", "fired at"
            ev.patient = obj
            rel = self._relative_head(ev.agent, a) if ev.agent is not None and ev.agent[1] == i else None
            if rel is not None:
                ev.patient = rel  # "James Comey, ... whom Trump fired on 9 May": Comey
        return self._finish(ev)

    def _controller(self, i, a, depth=0, noun_at=None):
        """The doer of a verb with no subject of its own: an infinitive or a gerund governed by
        another word (lexicons/gazetteer/control_words.tsv).
        - A verb or adjective right before "to" passes its subject on: "Trump threatened to
          destroy North Korea", "Russia is willing to attack" (not "be": "his focus would be to
          deport" does not make the focus the doer).
        - A verb of type object_to passes its object on: "urged the president to attack Iran";
          after other verbs the noun before "to" is not the doer ("received equipment to fight").
        - A gerund after for/of/with takes the object of an object_prep verb ("accused him of
          assaulting her", "attacked China for raping"), the subject of a passive one ("was
          accused of killing"), or the clause's subject after a subject_noun ("had no intention of
          causing"); after "by"/"without" the clause's subject ("responded by attacking the press").
        `noun_at`: an act noun read as a gerund after its preposition (`_charged_with`), whose doer
        only a verb gives, or a named or pronoun object ("accused him of murder").
        """
        toks = self.toks
        j = i - 1
        while j > a and (toks[j].pos in ADV_SKIP or toks[j].norm in _QUOTE_NORMS):
            j -= 1
        if j <= a:
            return None
        word = toks[j].norm
        gerund = toks[i].pos == "VBG" or noun_at is not None  # an act noun reads as a gerund here
        if word == "to" and toks[j].pos == "TO":
            if toks[i].pos not in ("VB", "NN"):  # NN: see `_verb_by_position`
                return None
        elif not gerund or word not in _GERUND_PREPS:
            return None
        k = j - 1
        while k >= a and toks[k].pos in ADV_SKIP:
            k -= 1
        if k < a:
            return None
        gov = toks[k]
        control = self.gaz.control
        if word in ("by", "without"):
            return self._clause_subject(k, a)
        if word == "to" and gov.norm in _WH_WORDS and k - 1 > a:
            k -= 1  # "know exactly where to place the blame": the verb before the wh-word governs
            while k > a and toks[k].pos in ADV_SKIP:
                k -= 1
            gov = toks[k]
        if word == "to" and gov.pos in ("NN", "NNS"):
            owner = self._possessor_np(k, a)
            if owner is not None:
                return owner  # "the administration's move to conduct airstrikes", "Obama's ability to strike"
            np = self._np_ending_at(k, a)
            if np is not None and np[0] - 1 >= a and toks[np[0] - 1].norm == "for" and not any(
                    t.norm in _TIME_WORDS or t.norm == "time" for t in toks[np[0]:np[1]]):
                return np  # "waiting for lightning to strike": "for" gives the infinitive a subject
        if word == "to":
            if gov.pos.startswith("VB") or gov.pos == "MD":
                if gov.lemma in BE:
                    return None
                if gov.pos == "VB" and k > a and toks[k - 1].norm == "to" and depth < 2:
                    return self._controller(k, a, depth + 1)  # "vowed to try to destroy"
                return self._np_left(k, a) or self._coordinated_subject(k, a)
            if control.get(gov.norm) == "subject_adjective":
                return self._np_left(k, a)
            return self._verb_object(k, a, "object_to")
        # a gerund after for / of / with
        if gov.pos == "VBN" and control.get(gov.lemma) == "object_prep":
            return self._np_left(k, a)  # "was accused of killing": the passive's subject
        if gov.pos in NOUN_TAGS:
            if noun_at is not None and gov.pos not in ("PRP", "NNP", "NNPS"):
                return None  # an act noun: only "accused him of murder", not "a history of attacks"
            np = self._verb_object(k, a, "object_prep")
            if np is not None:
                return np
            if word == "of" and control.get(gov.lemma) == "subject_noun":
                return self._clause_subject(k, a)
        return None

    def _coordinated_subject(self, i, a, window=30):
        """The subject a verb right after "and", "but" or "or" shares with the verb before it:
        "Trump said, "..." and threatened to destroy", "the interests that put them up and backed
        them", "Russia denied involvement and accused the US". A gerund pairs with the gerund
        before it ("was ranting about ... and then attacking the country", "banning it in September
        and imprisoning thousands"), another verb with the nearest verb that is no gerund. Verbs
        inside a quotation are passed over when this one is outside it. None when the words before
        the conjunction are an adjective or adverb ("emotionally and physically triggered"), or the
        verb before is a passive or a bare participle ("were arrested and charged", "a platform
        used by schools and backed by investors"), or a gerund before a finite verb."""
        toks = self.toks
        j = i - 1
        while j > a and toks[j].pos in ADV_SKIP:
            j -= 1
        if j <= a + 1 or toks[j].norm not in ("and", "but", "or") or not toks[i].pos.startswith("VB"):
            return None
        c = j
        if toks[c - 1].pos in ("JJ", "JJR", "JJS", "RB") or (
                toks[c - 1].pos in ("VBN", "VBD") and toks[i].pos in ("VBN", "VBD")):
            return None  # "duplicative or poorly targeted", "killed and injured"
        gerund = toks[i].pos == "VBG"
        quoted = toks[i].in_quote
        skip_to = c
        for v in range(c - 1, max(a, c - window) - 1, -1):
            if v >= skip_to:
                continue
            t = toks[v]
            if t.text in CLAUSE_STOP:
                return None
            if not t.pos.startswith("VB") or t.in_quote and not quoted or gerund and t.pos != "VBG":
                continue
            if t.pos == "VBG" and not gerund:
                return None  # "condemning the president over his policies and charged rhetoric"
            if gerund:
                np = self._np_left(v, a)
                if np is None and v - 1 > a and toks[v - 1].text == ",":
                    np = self._main_subject(v - 1, a)  # "Ervin revealed his ad, calling ... and criticizing"
                return np or self._controller(v, a)
            if t.pos in ("VBN", "VBD") and self._aux_before(v, a) is not None or \
                    t.pos == "VBN" and not self._has_aux_have(v, a):
                return None  # "were arrested and charged", "used by schools and backed by"
            np = self._np_left(v, a)
            if np is not None and np[0] - 1 > a and toks[np[0] - 1].norm in _SUBORDINATORS:
                skip_to = np[0] - 1  # "Fauci noted that the death rate has decreased, but warned"
                continue
            return np
        return None

    def _verb_object(self, k, a, kind):
        """The noun phrase ending at token k when it is the object of a verb of `kind`."""
        np = self._np_ending_at(k, a)
        if np is None or np[0] - 1 < a:
            return None
        verb = self.toks[np[0] - 1]
        if verb.pos.startswith("VB") and self.gaz.control.get(verb.lemma) == kind:
            return np
        return None

    def _clause_subject(self, k, a, window=12, skip=BE):
        """The subject of the nearest finite verb at or before token k, within `window` tokens,
        passing over the verbs whose lemma is in `skip` (by default "be": "his focus would be")."""
        for v in range(k, max(a, k - window) - 1, -1):
            if self.toks[v].pos in ("VBD", "VBZ", "VBP") and self.toks[v].lemma not in skip:
                return self._np_left(v, a)
        return None

    def _main_subject(self, comma, a):
        """The subject of the finite verb before a comma: the doer of a participle clause after
        it ("a gunman opened fire during a screening, killing 12" -> a gunman)."""
        return self._clause_subject(comma - 1, a, window=24, skip=())  # the 25 tokens before the comma

    def _has_aux_have(self, i, a):
        j = i - 1
        while j >= a and self.toks[j].pos in ADV_SKIP:
            j -= 1
        return j >= a and self.toks[j].lemma == "have"

    def _noun_event(self, i, n, term, a, b):
        end = i + n
        ev = EventRecord(i, i, end, term.term, term.cls, "nominalisation", term.reciprocal)
        # extend the predicate span leftwards over a determiner ("the killing")
        if i > a and self.toks[i - 1].norm in ("the", "a", "an"):
            ev.tok_start = i - 1
        if term.reciprocal:
            if not self._modifies_noun(i, end, a, b):
                # its possessor, or whoever launches, wages or engages in it ("Obama's predecessor
                # launched a reckless war", "Democrats decide to engage in all-out war")
                ev.agent = self._waged_by(i, end, a, b) or self._light_or_cause_subject(i, a, light_only=True)
                if end < b and self.toks[end].norm in term.patient_preps:
                    ev.patient = self._np_right(end + 1, b)  # "war on drugs", "a war against the press"
            return self._finish(ev)
        # patient: "killing of X", "attack on Y"
        if end < b and self.toks[end].norm in term.patient_preps:
            ev.patient = self._np_right(end + 1, b)
        # agent: "by X" (after the patient phrase too: "attack on Y by X")
        if term.agent_preps:
            after = ev.patient[1] if ev.patient else end
            for j in (end, after):
                if j < b and self.toks[j].norm in term.agent_preps and self.toks[j].norm != "from":
                    ev.agent = self._np_right(j + 1, b)
                    break
                if j < b and self.toks[j].norm == "from" and "from" in term.agent_preps:
                    np = self._np_right(j + 1, b)
                    if np and self._mention_in(*np) is not None and self._mention_in(*np).kind not in (
                            "country", "metonym"):
                        ev.agent = np
                        break
        owner_suffers = False
        if ev.patient is None and term.possessor == "patient":
            # a possessor that suffers the act: "his assassination", "Khashoggi's murder", "her
            # arrest by federal agents" (with "of X" after it, the possessor is the doer: "Iran's
            # execution of a wrestler")
            ev.patient = self._suffering_possessor(i, a)
            owner_suffers = ev.patient is not None
        if ev.agent is None and not owner_suffers:
            ev.agent = self._premodifier_agent(i, a)
            if ev.agent is not None and term.cls == "casualty":
                # a harm's possessor suffers it: "Scott's death", "Taliban casualties"
                ev.patient = ev.patient or ev.agent
                ev.agent = None
                return self._finish(ev)
            if ev.agent is None and ev.patient is None and term.cls == "casualty":
                ev.patient = self._possessive_pronoun(i, a)  # "her death"
                if ev.patient is not None:
                    return self._finish(ev)
        if ev.agent is None:
            ev.agent = self._light_or_cause_subject(i, a)
        if ev.agent is None:
            ev.agent = self._charged_with(i, a)
        return self._finish(ev)

    def _charged_with(self, i, a):
        """The doer of an act noun after of / with / for that a verb of `object_prep` type governs,
        as of a gerund there (`_controller`): "was charged with second-degree murder" (the passive's
        subject), "accused him of murder" (the object). A noun before "of" gives none ("a history
        of violence", "a wave of attacks")."""
        j = i - 1
        while j > a and self.toks[j].pos in ("JJ", "NN", "CD", "HYPH") or (
                j > a and self.toks[j].text in ("-", "\u2010")):
            j -= 1  # "second-degree", "capital", "attempted"
        if j <= a or self.toks[j].norm not in ("of", "with", "for"):
            return None
        return self._controller(j + 1, a, noun_at=i)

    def _premodifier_agent(self, i, a):
        """A possessor or naming modifier before an action noun: "Kabul's aggression", "Taliban
        attacks", "Pakistani airstrikes"."""
        j = i - 1
        while j >= a and self.toks[j].pos in ("JJ", "VBN", "NN") and self.m_by_tok.get(j) is None and \
                self._demonym_at(j) is None and self.toks[j].norm not in ("the", "a"):
            j -= 1
        if j < a:
            return None
        if self.toks[j].norm == "'s" or self.toks[j].pos == "POS":
            return self._owner_before(j, a)
        k = self.m_by_tok.get(j)
        if k is not None and self.m_range[k][1] == j + 1:
            return self.m_range[k]
        if self._demonym_at(j) is not None:
            return (j, j + 1)
        return None

    def _modifies_noun(self, i, end, a, b) -> bool:
        """Is the war word at [i, end) no war at all here: a modifier of the noun after it ("war
        weariness", "warring parties", "fighting spirit"), or a civil war ("the Syrian civil war
        on the ground")?"""
        return (end < b and self.toks[end].pos in NOUN_TAGS) or (i > a and self.toks[i - 1].norm == "civil")

    def _waged_by(self, i, end, a, b):
        """Who wages a reciprocal act ("war", "clashes"): its possessor, when that is an actor
        ("Trump's trade war", "the Democrats' war on an education secretary"); with no possessor
        the sides are equal ("clashes between A and B"). A place's war is where it is fought
        ("Syria's deadly war continues") unless it has a target or another place ("America's war
        on drugs", "Russia's war in Ukraine")."""
        span = self._possessor_agent(i, a)
        if span is None:
            return None
        k = self.m_by_tok.get(span[1] - 1)
        if k is None:
            return None  # "one of the world's longest-running conflicts"
        if self.mentions[k].kind in ("country", "metonym", "demonym") and not (
                end < b and self.toks[end].norm in ("on", "against", "in", "with")):
            return None
        return span

    def _before_modifiers(self, i, a):
        """Index of the token before the noun at token i and its modifiers ("Trump's [trade] war",
        "their [brutal] murder"): where a possessor would end (a - 1 when none is left)."""
        j = i - 1
        while j >= a and self.toks[j].pos in ("JJ", "VBN", "NN") and self.toks[j].norm not in ("the", "a"):
            j -= 1
        return j

    def _possessive_before(self, i, a):
        """Index of the possessive "'s" before the noun at token i and its modifiers ("Trump's
        trade war", "Fox's muscular effort"), or None."""
        j = self._before_modifiers(i, a)
        if j >= a and (self.toks[j].norm == "'s" or self.toks[j].pos == "POS"):
            return j
        return None

    def _possessive_pronoun(self, i, a):
        """The possessive pronoun before the noun at token i and its modifiers ("his
        assassination", "their brutal murder"), as a token range, or None."""
        j = self._before_modifiers(i, a)
        return (j, j + 1) if j >= a and self.toks[j].pos == "PRP$" else None

    def _suffering_possessor(self, i, a):
        """The possessor before the act noun at token i, as the one who suffers it: the owner
        before "'s" ("Khashoggi's murder") or a possessive pronoun ("his assassination"), not
        "its" (a place's or an institution's: "Nevada saw 67 percent of its murders")."""
        j = self._possessive_before(i, a)
        if j is not None:
            return self._owner_before(j, a)
        found = self._possessive_pronoun(i, a)
        return found if found is not None and self.toks[found[0]].norm != "its" else None

    def _possessor_agent(self, i, a):
        """The possessor before an action noun and its modifiers ("Trump's trade war"), or None."""
        j = self._possessive_before(i, a)
        return self._owner_before(j, a) if j is not None else None

    def _possessor_np(self, k, a):
        """The possessor of the noun at token k, as a mention or a bare noun phrase with no
        postmodifier ("Fox's muscular effort": Fox, not "any involvement in Fox"), or None."""
        j = self._possessive_before(k, a)
        if j is None or j - 1 < a:
            return None
        m = self.m_by_tok.get(j - 1)
        return self.m_range[m] if m is not None else self._np_ending_at(j - 1, a)

    def _owner_before(self, j, a):
        """The mention or noun phrase that ends right before the possessive "'s" at token j; None
        for a time ("Tuesday's fatal shooting", "last year's attacks": when, not who)."""
        k = self.m_by_tok.get(j - 1)
        if k is not None:
            return self.m_range[k]
        if j - 1 >= a and (self.toks[j - 1].norm in _TIME_WORDS or self.toks[j - 1].norm in (
                "yesterday", "today", "tonight", "weekend", "decade", "century")):
            return None
        if j - 1 >= a and self.toks[j - 1].pos in NOUN_TAGS:
            return self._np_left(j, a)
        return None

    def _demonym_at(self, j):
        t = self.toks[j]
        if not t.text[:1].isupper():
            return None
        e = self.gaz.lookup(t.text)
        return e

    def _light_or_cause_subject(self, i, a, light_only=False):
        """The subject of "X launched an attack" or "X's strikes resulted in the killing of"."""
        j = i - 1
        while j >= a and (self.toks[j].pos in ("DT", "JJ", "VBN", "PRP$", "CD", "RB", "``", "''") or
                          self.toks[j].norm in ("the", "a", "an", '"', "'")):
            if self.toks[j].lemma in LIGHT_VERBS | CAUSE_VERBS and self.toks[j].pos.startswith("VB"):
                break
            j -= 1
        if j < a:
            return None
        t = self.toks[j]
        verb = None
        # a light verb the tagger called a noun is a verb right after the infinitive's "to"
        # ("the administration's move to conduct airstrikes", "where to place the blame")
        as_verb = t.pos.startswith("VB") or t.pos == "NN" and j > a and self.toks[j - 1].pos == "TO"
        if as_verb and (t.lemma in LIGHT_VERBS or t.lemma in CAUSE_VERBS and not light_only):
            verb = j
        elif t.norm in ("in", "to", "out") and j > a and self.toks[j - 1].lemma in (
                ("engage",) if light_only else ("result", "lead", "carry", "bring", "engage")):
            verb = j - 1
        if verb is None:
            return None
        # the light verb's own subject, or the doer of the infinitive or gerund it is
        return self._np_left(verb, a) or self._controller(verb, a)

    # ------------------------------------------------------------------ output
    def _finish(self, ev: EventRecord) -> EventRecord:
        if ev.agent:
            ev.agent_mention = self._mention_in(*ev.agent)
            ev.agent_actor = ev.agent_mention.actor_id if ev.agent_mention else ""
            if ev.agent_mention is None and self._demonym_at(ev.agent[0]) is not None:
                ev.agent_actor = self.gaz.actor_id(self._demonym_at(ev.agent[0]).id)
        if ev.patient:
            ev.patient_mention = self._mention_in(*ev.patient)
            ev.patient_actor = ev.patient_mention.actor_id if ev.patient_mention else ""
        return ev

    def to_event(self, ev: EventRecord, voice_of) -> AgencyEvent:
        toks = self.toks
        text = self.doc.text
        s, e = toks[ev.tok_start].start, toks[ev.tok_end - 1].end

        def span(r):
            return Span(toks[r[0]].start, toks[r[1] - 1].end) if r else None

        agent, patient = span(ev.agent), span(ev.patient)
        victims = "none"
        if patient is not None:
            pm = ev.patient_mention
            ptoks = toks[ev.patient[0]:ev.patient[1]]
            if (pm is not None and pm.number) or any(t.pos == "CD" or t.norm in (
                    "dozens", "hundreds", "scores", "thousands") for t in ptoks):
                victims = "counted"
            elif pm is not None and pm.kind in ("person", "country", "metonym", "organisation",
                                                "armed_group", "government"):
                victims = "named"
            elif pm is not None or ptoks:
                victims = "generic"
        hidden = agent is None and not ev.reciprocal and (
            ev.construction in ("passive_agentless", "nominalisation") or ev.cls == "casualty")
        def actors(r, first):
            if not r:
                return ()
            ids = []
            for k in range(*r):
                mk = self.m_by_tok.get(k)
                if mk is not None and self.mentions[mk].actor_id not in ids:
                    ids.append(self.mentions[mk].actor_id)
            if first and first not in ids:
                ids.insert(0, first)
            return tuple(ids)

        return AgencyEvent(
            agent_actors=actors(ev.agent, ev.agent_actor), patient_actors=actors(ev.patient, ev.patient_actor),
            start=s, end=e, text=text[s:e], lemma=ev.lemma, action_class=ev.cls,
            construction=ev.construction, agent=agent,
            agent_text=text[agent.start:agent.end] if agent else "", agent_actor=ev.agent_actor,
            patient=patient, patient_text=text[patient.start:patient.end] if patient else "",
            patient_actor=ev.patient_actor, agent_hidden=bool(hidden), victims=victims,
            reciprocal=ev.reciprocal, sentence=toks[ev.tok].sentence, voice=voice_of(toks[ev.tok]),
        )


def mention_roles(records, finder) -> dict:
    """(start, end) of each mention -> "agent" or "patient" (agent wins when a mention is both)."""
    roles: dict = {}
    for r in records:
        for rng, role in ((r.agent, "agent"), (r.patient, "patient")):
            if not rng:
                continue
            for k in range(*rng):
                mk = finder.m_by_tok.get(k)
                if mk is None:
                    continue
                m = finder.mentions[mk]
                key = (m.start, m.end)
                if roles.get(key) != "agent":
                    roles[key] = role
    return roles


def find_agency(doc, gaz, mentions, token_ranges=None):
    """(AgencyEvent tuple, EventRecord list) for one article; the records keep token indices.
    `token_ranges`: see AgencyFinder."""
    finder = AgencyFinder(doc, gaz, mentions, token_ranges)
    records = finder.find()

    def voice_of(tok):
        return "quoted" if tok.in_quote else "narrator"

    return tuple(finder.to_event(r, voice_of) for r in records), records, finder
