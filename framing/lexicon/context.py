"""What surrounds a match: negation before it, the quotation it sits in, scare quotes.

Negation: a negator row ("not", "never", "no", "far from" ...) in the three tokens before the term,
within the same sentence and clause (a comma, semicolon, colon, dash or "but" ends the look-back).

Scare quotes: a quotation of at most MAX_SCARE_WORDS words with no speaker cue: no reporting verb
(any cue class of the lexicon, "according to") or colon earlier in the same sentence or within
CUE_WINDOW tokens after it, and not a complete utterance (inner text ending in . ? !), nor a name or
term: a naming word just before it (quotation_namers.txt), a noun of kind just after it
(quotation_kind_nouns.txt: 'a "parity" law'), a gloss in brackets after it, or title case;
session 16 adds the cues of quotation_term_cues.tsv (a naming verb over its object, a naming noun,
a gloss or an "as ..." clause after it, a definition, a letter, a vote, a term quoted again:
`Context._term`); session 18 adds a verb of commitment around it ('promises to "take back
America"'), a verb of characterising before "as" ('classified as "major"'), "e.g."/"i.e." before
it, "mean" ('what he means by "X"') and a compound name (two or more words ending in a noun before a
lower-case noun: 'the "light footprint" approach'). A cue earlier in the sentence usually makes
the quote a partial quotation of that speaker ('blamed elements "controlled from New Delhi"'). The attribution stage may still credit
such a quote to a speaker; it lists those as "not_scare_quotes".
"""
from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right

from ..text.columns import columns
from ..text.resources import word_list

MAX_SCARE_WORDS = 4
CUE_WINDOW = 4
NAMER_WINDOW = 3  # tokens before a quotation searched for a naming word (quotation_namers.txt)
NEGATION_WINDOW = 3
CLAUSE_BREAKS = frozenset({",", ";", ":", "--", "-", "(", ")", "but", "although", "though", "while",
                           "whereas", '"', "."})
#: "not only brutal but ...", "not just a protest": the negator does not negate the next words.
NOT_NEGATING_NEXT = frozenset({"only", "just", "merely", "simply", "least", "to", "mention"})


class _LexiconFacts:
    """What Context needs from a lexicon that does not depend on the Doc: the negators split
    into single words and multi-word ones (by first word), and a bounded memo of which words
    are speaker cues. Worked out once per lexicon (see `_facts`), not again
    for every article."""

    CUE_LIMIT = 50_000

    def __init__(self, lexicon):
        negs = sorted(lexicon.negators)
        self.negators = lexicon.negators
        self.neg_single = frozenset(n for n in negs if " " not in n)
        self.neg_multi = tuple(tuple(n.split()) for n in negs if " " in n)
        # multi-word negators by first word: a token can only start the ones it spells the start of
        first: dict[str, list] = {}
        for words in self.neg_multi:
            first.setdefault(words[0], []).append(words)
        self.neg_first = first
        #: every word a negation can start with (a single negator or a multi-word one's first)
        self.neg_words = frozenset(self.neg_single) | frozenset(first)
        self.cue_words = _CueWords(lexicon)


class _CueWords(dict):
    """word -> is it a speaker cue of the lexicon (`cue_class` not None), filled on first sight
    and bounded (a long batch's memory stays flat). Holds the lexicon weakly, as _FACTS does."""

    def __init__(self, lexicon):
        super().__init__()
        try:
            self._lexicon = weakref.ref(lexicon)
        except TypeError:  # not weakly referable: these facts live with one Context only
            self._lexicon = lambda: lexicon

    def __missing__(self, word: str) -> bool:
        if len(self) >= _LexiconFacts.CUE_LIMIT:
            self.clear()
        value = self[word] = self._lexicon().cue_class(word) is not None
        return value


#: (weak reference to the last lexicon, its facts): one lexicon serves a whole batch.
_FACTS: tuple = (None, None)


def _facts(lexicon) -> _LexiconFacts:
    global _FACTS
    ref, facts = _FACTS
    if ref is not None and ref() is lexicon and facts.negators is lexicon.negators:
        return facts
    facts = _LexiconFacts(lexicon)
    try:
        _FACTS = (weakref.ref(lexicon), facts)
    except TypeError:  # not weakly referable: facts for this Context only
        pass
    return facts


_NAMERS = word_list("quotation_namers.txt")
_KIND_NOUNS = word_list("quotation_kind_nouns.txt")
_STOP_WORDS = word_list("english_stop_words.txt")


def _term_cues() -> dict[str, frozenset[str]]:
    """quotation_term_cues.tsv: where (verb, after, gloss, dash, define, as, answer, particle) ->
    its words."""
    cues: dict[str, set[str]] = {}
    for line in word_list("quotation_term_cues.tsv"):
        where, word = line.split("\t")
        cues.setdefault(where, set()).add(word)
    return {where: frozenset(words) for where, words in cues.items()}


_CUES = _term_cues()
#: tokens a naming verb (quotation_term_cues.tsv, "verb") may stand before the quotation, its
#: object between them ('calling President Trump a "white supremacist"': 5; session 18, from 6:
#: 'calling the decision to put off a vote a "disgrace"': 9)
VERB_WINDOW = 10
#: tokens a noun of saying (quotation_term_cues.tsv, "speech") may stand before the quotation
#: ('Trump's description of the Affordable Care Act as an "imploding disaster"': 8)
SPEECH_WINDOW = 10
#: tokens after a quotation searched for a naming word (quotation_term_cues.tsv, "later")
LATER_WINDOW = 4
#: tokens of an "as ..." clause after a quotation searched for its verb ('"invisible enemy," as
#: President Trump has grown fond of calling it')
AS_WINDOW = 8
#: what may join two quotations of one list ('the words "interactive," "respectful," and "sober"',
#: 'called "weak" and "stupid" and a "failure"')
_LIST_JOINS = frozenset({",", "and", "or", "&", "a", "an", "the"})
_DASHES = frozenset({"-", "--"})
#: reported labels (Context.reported_label): tokens a verb may stand before "as"; tokens a
#: naming verb may stand before the word (its object between); tokens a word of accusing may stand
#: before "of being"
AS_VERB_WINDOW = 6
OBJECT_WINDOW = 5
ACCUSE_WINDOW = 6
#: what may stand between "as" and the word: a determiner, an adverb, an earlier item of a list
_LIST_ITEM_WORDS = frozenset({"a", "an", "the", "and", "or", ","})
_LIST_ITEM_TAGS = frozenset({"RB", "RBR", "RBS", "JJ"})
#: tags of a word before a noun of its noun phrase ("crime bill", "new bill", "1994 bill")
_NOUN_PHRASE_TAGS = ("NN", "JJ", "CD", "PRP$", "POS")
#: naming verbs whose object complement is a label ('branding it socialist')
_NAMING_LEMMAS = frozenset({"call", "brand", "label", "dub"})
#: words before "as" that make it another phrase ("such as", "as well as", "as long as")
_AS_PHRASE_WORDS = frozenset({"such", "well", "much", "many", "long", "soon", "far", "just",
                              "same", "so", "as"})
#: words before a noun: a characterising verb's form after one is a noun ('a bill', 'the list')
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "his", "her", "its",
                          "their", "our", "my", "your", "'s", "'"})
#: small words a title leaves in lower case ("Abuse of Power", "The Dark Knight Rises")
_TITLE_SMALL = frozenset(("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by",
                          "with", "from", "&"))


def _verb_of(verbs: frozenset, norm: str, lemma: str) -> bool:
    """The word is one of `verbs` (lemmas), also as an "-ing" form the tagger took for a noun
    and left unlemmatised ("demonizing")."""
    return lemma in verbs or norm in verbs or norm.endswith("ing") and (
        norm[:-3] in verbs or norm[:-3] + "e" in verbs)


def _words_of(inner: str) -> str:
    """A quotation's words compared across the article: lower case, punctuation at either end
    dropped ("Red wall," -> "red wall")."""
    return " ".join(inner.lower().strip(".,;:!?'\u2019\u2018\"\u201c\u201d ").split())


def is_title(inner: str, sentence_start: bool) -> bool:
    """Quoted words in title case name something ("State of the Union", "Amazing Grace", "Dream
    Act"): every word but the small ones starts with a capital letter, and not all are capitals
    ("SENSITIVE" is emphasis). At the start of a sentence one capitalised word proves nothing."""
    words = [w.strip(".,;:!?'\u2019\u2018\"") for w in inner.split()]
    words = [w for w in words if w and any(ch.isalpha() for ch in w)]
    if not words or inner.isupper() or (sentence_start and len(words) < 2):
        return False
    # a word that starts with a number is judged by its first letter ("The 13-Minute Murder")
    caps = [next(ch for ch in w if ch.isalpha()).isupper() for w in words]
    return all(c or w.lower() in _TITLE_SMALL for c, w in zip(caps, words)) and caps[0]


class Context:
    """Per-document helper: quote lookup, negation and scare-quote tests for one Doc.

    It also holds the token columns that several parts of the lexicon stage read (norms and
    is-a-word flags), taken once per Doc: reading them off the Token objects again in every part
    was a good share of the stage's time.
    """

    def __init__(self, doc, lexicon):
        self.doc = doc
        self.lexicon = lexicon
        self.tokens = doc.tokens
        cols = columns(doc)  # shared with the actors and classify stages
        self.norms = cols.norms
        self._cols = cols  # lemmas read from it when negation needs them
        self.is_word = cols.is_word
        quotes = doc.quotes
        if all(a.inner_start <= b.inner_start for a, b in zip(quotes, quotes[1:])):
            self.quotes = list(quotes)  # already in order (the usual case): sorted() keeps it
        else:
            self.quotes = sorted(quotes, key=lambda q: q.inner_start)
        self.inner_starts = [q.inner_start for q in self.quotes]
        facts = _facts(lexicon)
        self.neg_single = facts.neg_single
        self.neg_multi = facts.neg_multi
        self._neg_first = facts.neg_first
        self._neg_words = facts.neg_words
        self._cue_word = facts.cue_words
        self._terms: set[str] = set()  # words of quotations a term rule named (_term)
        scare = [q for q in self.quotes if self._is_scare(q)]
        if self._terms:
            # the same words quoted again in the article are the same term ('their "red wall" --
            # the large southern ... states', then 'the "red wall" only nets Republicans 177')
            scare = [q for q in scare if _words_of(self.doc.text[q.inner_start:q.inner_end])
                     not in self._terms]
        self.scare = {id(q) for q in scare}

    # ------------------------------------------------------------------ quotes
    def quote_of(self, offset: int):
        i = bisect_right(self.inner_starts, offset) - 1
        if i >= 0:
            q = self.quotes[i]
            if q.inner_start <= offset < q.inner_end:
                return q
        return None

    def is_scare(self, quote) -> bool:
        return id(quote) in self.scare

    def scare_quotes(self) -> list:
        return [q for q in self.quotes if id(q) in self.scare]

    def token_index(self, offset: int) -> int:
        """Index of the first token starting at or after `offset` (len(tokens) when none does)."""
        return bisect_left(self._cols.starts, offset)  # the token starts, as a plain int list

    def _token_range(self, start: int, end: int) -> tuple[int, int]:
        return self.token_index(start), self.token_index(end)

    def _is_scare(self, q) -> bool:
        if not 1 <= q.words <= MAX_SCARE_WORDS:
            return False
        inner = self.doc.text[q.inner_start:q.inner_end].rstrip()
        if inner[-1:] in ".?!":
            return False  # a complete short utterance ("No.") is a quotation, not a scare quote
        first, last = self._token_range(q.start, q.end)
        if first >= len(self.tokens):
            return False
        a = self.doc.sentences[self.tokens[first].sentence].token_start
        # a token is a cue when its norm is ":" or its lemma or norm is a reporting cue
        # (_is_cue): asked of the words before and after the quotation with whole-slice calls,
        # the cue test answered per word from a memo
        norms, lemmas = self.norms, self._cols.lemmas
        cue = self._cue_word.__getitem__
        b = last + CUE_WINDOW
        if ":" in norms[a:first] or ":" in norms[last:b] or any(map(cue, lemmas[a:first])) \
                or any(map(cue, norms[a:first])) or any(map(cue, lemmas[last:b])) \
                or any(map(cue, norms[last:b])):
            return False
        if not any(self.is_word[first:last]):
            return False
        if self._committed(a, first, last):
            return False
        if self._quoted_line(a, first, last):
            return False
        lead = self._list_start(a, first)
        if self._possessed(a, lead):
            return False
        if not self._so_called(a, lead) and (self._characterised(a, lead) or self._example(a, lead)
                                             or self._modifier(first, last)):
            return False
        if self._term(a, first, last, inner):
            words = _words_of(inner)
            if " " in words:
                # one word mentioned as a word can come back as the writer's distance ('the
                # magic words are "patriotic" and ...', then 'it's now "patriotic" to ...')
                self._terms.add(words)
            return False
        return True

    def _term(self, a: int, first: int, last: int, inner: str) -> bool:
        """Whether the words around the quotation say it is a name or a term (the helpers below
        say how): a naming word before it, a noun of kind or a gloss after it, title case."""
        lead = self._list_start(a, first)
        if self._named(a, lead) or self._named_by_verb(a, lead):
            return True  # 'what Huntington called the "deconstructionist" agenda': a label
        if self._term_after(a, first, last, inner):
            return True
        norms, tokens = self.norms, self.tokens
        n = len(norms)
        if last < n and tokens[last].sentence == tokens[first].sentence:
            if norms[last] in _KIND_NOUNS or norms[last] == "(":
                # 'a "skinny" bill', 'a 2008 "parity" law': the words name the measure; '"micro
                # aggressions" (slights caused by ...)': a term the writer goes on to gloss
                return True
            text = self.doc.text
            if last + 1 < n and " " not in inner.strip() and norms[last + 1] in _KIND_NOUNS \
                    and tokens[last + 1].sentence == tokens[last].sentence \
                    and norms[last] not in _STOP_WORDS and text[tokens[last].start].islower() \
                    and text[tokens[last + 1].start].islower():
                # one quoted word before a compound of kind: 'a "no-knock" search warrant', the
                # '"U-6" unemployment rate' (several words there can be a claim: the
                # '"strongest in nation" privacy bill')
                return True
        return is_title(inner, first == a)

    def _named(self, a: int, first: int) -> bool:
        """A naming word (quotation_namers.txt) in the NAMER_WINDOW tokens before the quotation
        ('dubbed the "bat woman"', 'the word "kente"'), or "as" there with a naming word earlier
        in the sentence ('Shah has called Bangladeshi immigrants as "termites"'). "so called" is
        the writer's own distance marker ('the so called "experts"'), not a label."""
        norms = self.norms
        lo = max(a, first - NAMER_WINDOW)
        window = norms[lo:first]
        if "as" in window and not _NAMERS.isdisjoint(norms[a:lo]):
            window = norms[a:first]
        return any(w in _NAMERS and not (w == "called" and k > a and norms[k - 1] == "so")
                   for k, w in enumerate(window, first - len(window)))

    def _list_start(self, a: int, first: int) -> int:
        """The first token of the first quotation in a list this one closes ('used the words
        "interactive," "respectful," and "sober"': the words before "interactive" lead all three),
        or `first` itself: quotations joined by nothing but commas, "and" and "or"."""
        norms, tokens = self.norms, self.tokens
        while True:
            k = first - 1
            while k > a and norms[k] in _LIST_JOINS:
                k -= 1
            if k <= a or norms[k] != '"':
                return first
            prev = self.quote_of(tokens[k].start - 1)
            if prev is None or prev.end != tokens[k].end:
                return first
            j = self.token_index(prev.start)
            if j >= first or j < a:
                return first
            first = j

    def _possessed(self, a: int, first: int) -> bool:
        """A noun of saying after a possessive earlier in the clause (quotation_term_cues.tsv,
        "speech" and "owner"), with up to two words between them: the quotation gives the
        possessor's words ('Donald Trump's pledge to build a "big, beautiful wall"', 'Trump's
        description of the Affordable Care Act as an "imploding disaster"'), not the writer's."""
        norms = self.norms
        speech, owners = _CUES["speech"], _CUES["owner"]
        for k in range(first - 1, max(a, first - SPEECH_WINDOW) - 1, -1):
            w = norms[k]
            if w in CLAUSE_BREAKS and w != '"':
                return False
            if w in speech and any(norms[j] in owners for j in range(max(a, k - 3), k)):
                return True
        return False

    def _committed(self, a: int, first: int, last: int) -> bool:
        """A verb of commitment (quotation_term_cues.tsv, "commit": vow, pledge, promise, swear,
        threaten), as a verb, earlier in the sentence or within CUE_WINDOW tokens after the
        quotation: the quoted words are what the subject undertook to do ('whichever party is out
        of power promises to "take back America"'; 'his five-point plan "to help the
        middle-class," Mr. Romney vowed ...'). They are not reporting cues of the lexicon, so the
        cue test above misses them."""
        lemmas, pos, norms = self._cols.lemmas, self._cols.tags, self.norms
        verbs = _CUES["commit"]
        tokens = self.tokens
        sentence = tokens[first].sentence
        hi = min(len(norms), last + CUE_WINDOW)
        for j in list(range(a, first)) + list(range(last, hi)):
            if tokens[j].sentence != sentence:
                continue
            if lemmas[j] in verbs and pos[j].startswith("VB") \
                    and (j + 1 >= len(norms) or norms[j + 1] != "in"):  # not "sworn in"
                return True
        return False

    def _so_called(self, a: int, first: int) -> bool:
        """"so-called" (or "so called") just before the quotation: the writer's own doubt about
        the words ('the so-called "reforms"'), which the rules of session 18 leave a scare quote
        ('a so-called "border surge" deal' is no compound name of theirs)."""
        norms = self.norms
        return first > a and (norms[first - 1] == "so-called"
                              or (first - 1 > a and norms[first - 2:first] == ["so", "called"]))

    def _modifier(self, first: int, last: int) -> bool:
        """Two or more quoted words ending in a noun that modify a lower-case common noun right
        after the quotation name a plan, a program or an approach ('the NRA's "national school
        shield" proposal', 'a "Medicare for all" plan', 'the "light footprint" approach'): a
        compound name, not the writer's distance. Not a phrase that opens with an adjective of
        degree or a verb ('"strongest in nation" privacy bill', '"made in America" F-35': a claim)."""
        tags, tokens, text = self._cols.tags, self.tokens, self.doc.text
        inner = [k for k in range(first, last) if self.is_word[k]]
        if len(inner) < 2 or last >= len(tokens) or tokens[last].sentence != tokens[first].sentence:
            return False
        if text[tokens[inner[-1]].end:tokens[last].start].strip(" '\"\u2019\u201d"):
            return False  # '"foreign interference," secession activities': a comma ends a list item
        if not tags[inner[-1]].startswith("NN") or tags[inner[0]].startswith(("JJS", "JJR", "RBS", "VB")):
            return False
        return tags[last] in ("NN", "NNS") and text[tokens[last].start].islower()

    def _characterised(self, a: int, first: int) -> bool:
        """A verb of characterising (quotation_term_cues.tsv, "asverb": categorize, classify,
        define, view, regard, cast ...) before "as" just before the quotation, in the same clause:
        the quotation is how someone (the verb's subject, or its agent) labels the thing ('Mr.
        Warner categorized the plea as part of "an alarming pattern"', 'what many Yemenis view as
        Houthi "invaders"', 'is classified as "major" by the Clean Air Act')."""
        norms, lemmas, tags = self.norms, self._cols.lemmas, self._cols.tags
        lo = max(a, first - NAMER_WINDOW)
        if "as" not in norms[lo:first]:
            return False
        k = max(j for j in range(lo, first) if norms[j] == "as")
        if any(w in CLAUSE_BREAKS for w in norms[k + 1:first] if w != '"'):
            return False
        verbs = _CUES["asverb"]
        for j in range(k - 1, max(a, k - VERB_WINDOW) - 1, -1):
            w = norms[j]
            if w in CLAUSE_BREAKS and w != '"':
                return False
            if (lemmas[j] in verbs or w in verbs) and (tags[j].startswith("VB") or
                                                       j == a or norms[j - 1] not in _DETERMINERS):
                return True  # a verb (the tagger misses some): not 'a bill that he ... as "mean,"'
        return False

    def _example(self, a: int, first: int) -> bool:
        """"e.g." or "i.e." just before the quotation (a comma between allowed): the words are
        given as an example or a restatement of something named before, a mention ('his commentary
        (e.g., "typical white person" and ...)', 'his popular image, ie "the boy from Scranton"')."""
        norms = self.norms
        k = first - 1
        if k > a and norms[k] == ",":
            k -= 1
        return k >= a and norms[k] in _CUES["example"]

    def _named_by_verb(self, a: int, first: int) -> bool:
        """A naming verb (quotation_term_cues.tsv, "verb") up to VERB_WINDOW tokens before the
        quotation with its object between and no clause break: 'Jemele Hill calling President
        Trump a "white supremacist"', 'depicting the special counsel as a "sleazy and dishonest"'.
        "so called" stays the writer's distance; "calls for", "called on" name nothing."""
        norms = self.norms
        verbs = _CUES["verb"]
        for k in range(first - 1, max(a, first - VERB_WINDOW) - 1, -1):
            w = norms[k]
            if w in CLAUSE_BREAKS and w != '"':
                return False
            if w in verbs:
                return not (k > a and norms[k - 1] == "so") \
                    and norms[k + 1] not in _CUES["particle"]
        return False

    def _term_after(self, a: int, first: int, last: int, inner: str) -> bool:
        """What follows (or the quotation itself) says its words are a term, a name or a vote:
        a naming noun right after it ('the "conservative" label'); a gloss after a comma or dash
        ('"rate-locked," meaning that ...', '"red wall" -- the large southern ... states', '"pink
        slime," the beef product that ...') or in
        brackets ('direct ("hard money") contributions'); a
        definition of words that open the sentence ('"Voter power index" is the relative
        likelihood ...'); a naming word a few tokens on ('"gray zone" is a fuzzy term'); an
        "as ..." clause naming them ('"big deal," as Obama put it'); two or
        more words ending in a noun of kind ('the "gag rule,"', '"Voter power index"'); one
        letter ('the "H" symbol') or a vote ('voted "no"')."""
        norms, tokens = self.norms, self.tokens
        words = [w.strip(".,;:!?'\u2019\u2018\"").lower() for w in inner.split()]
        words = [w for w in words if w]
        if not words:
            return False
        if len(words) == 1 and (words[0] in _CUES["answer"] or
                                (len(words[0]) == 1 and words[0].isalpha())):
            return True
        if len(words) >= 2 and words[-1] in _KIND_NOUNS and words[-2] not in _STOP_WORDS:
            return True  # not '"We have to act,"': "act" is a verb there
        sentence = tokens[first].sentence
        n = len(norms)

        def at(k: int) -> str:
            return norms[k] if k < n and tokens[k].sentence == sentence else ""

        nxt = at(last)
        if nxt in _CUES["after"]:
            return True
        if first == a and nxt in _CUES["define"]:
            return True
        if first > a and norms[first - 1] == "(" and nxt == ")":
            return True  # 'direct ("hard money") contributions': the term for what precedes
        k = last + 1 if nxt in _DASHES or nxt == "," else last
        gloss = at(k)
        if gloss == "or":
            # '"exchanges," or marketplaces': a gloss after a comma; '"patriotic" or "responsible"'
            # and '"correct" or "wise"' are lists
            gloss = "or" if (k > last or inner.endswith(",")) and at(k + 1) != '"' else ""
        comma = k > last and nxt == "," or inner.endswith(",")
        if gloss in _CUES["gloss"] or (nxt in _DASHES and gloss in _CUES["dash"]) \
                or (comma and gloss in _CUES["comma"]):
            return True
        for j in range(last, last + LATER_WINDOW):
            w = at(j)
            if not w or (w in CLAUSE_BREAKS and w not in _DASHES):
                break
            if w in _CUES["later"]:
                return True  # '"gray zone" is a fuzzy term used in military circles'
        if at(k) == "as":
            for j in range(k + 1, min(n, k + 1 + AS_WINDOW)):
                w = at(j)
                if not w or (w in CLAUSE_BREAKS and w != "-"):
                    break
                if w in _CUES["as"]:
                    return True
        return False

    def _quoted_line(self, a: int, first: int, last: int) -> bool:
        """A quotation that is a line of its own ('‘NON-STARTER’' as a subheading) or sits in a
        headline in capitals ('AOC ADVISER ADMITS ... FOR THOSE ‘UNWILLING TO WORK’') lifts
        someone's words from the story below: there is no sentence of the writer's around it to
        keep a distance in."""
        tokens = self.tokens
        sentence = self.doc.sentences[tokens[first].sentence]
        end = sentence.token_end
        if first == a and not any(self.is_word[last:end]):
            return True
        text = self.doc.text
        outside = text[sentence.start:tokens[first].start] + text[tokens[last - 1].end:sentence.end] \
            if last > first else ""
        letters = [ch for ch in outside if ch.isalpha()]
        return len(letters) >= 12 and all(ch.isupper() for ch in letters)

    # ------------------------------------------------------------------ reported labels
    def reported_label(self, first: int) -> bool:
        """A label or judging word or phrase (from token `first`) that is the complement of a verb
        of naming or characterising is someone's charge the writer reports, not the writer's own
        word (session 21; quotation_term_cues.tsv, "wordverb", "particle", "accuse"):
        - "as" just before it, over a determiner, adverbs or an earlier item of a list, and such
          a verb of naming, attacking or praising up to AS_VERB_WINDOW tokens before "as" in the
          same clause ('being berated as racist or ignorant', 'a department they decry as violent
          and racist'); not a verb of seeing ('is seen as a cheap, emotional ploy');
        - a naming verb (call, brand, label, dub) then its object, the word right after that
          object (over "a"/"an"): 'Trump branding it socialist', 'called the plan a disaster';
          not 'calling his racist remarks' (the word inside the object) nor 'called for';
        - "of being" after a verb or noun of accusing: 'accusing you of being selfish'.
        """
        tokens, norms, lemmas, tags = self.tokens, self.norms, self._cols.lemmas, self._cols.tags
        a = self.doc.sentences[tokens[first].sentence].token_start
        k = first - 1
        while k > a and (norms[k] in _LIST_ITEM_WORDS or tags[k] in _LIST_ITEM_TAGS):
            k -= 1  # 'as violent and racist', 'as a racist', 'as deeply racist'
        if k >= a and norms[k] == "as":
            if k > a and norms[k - 1] in _AS_PHRASE_WORDS:
                return False  # 'groups such as racist militias', 'as well as'
            verbs = _CUES["wordverb"]
            for j in range(k - 1, max(a, k - AS_VERB_WINDOW) - 1, -1):
                w = norms[j]
                if w in CLAUSE_BREAKS:
                    return False
                if _verb_of(verbs, w, lemmas[j]) and (
                        tags[j].startswith("VB") or norms[j - 1] not in _DETERMINERS
                        and (w.endswith("ing") or not tags[j - 1].startswith(_NOUN_PHRASE_TAGS))):
                    # a verb, also one the tagger calls a noun ('to cast Romney as', 'is widely
                    # cast as', 'of demonizing', 'staffers painting Trump as'); not a noun after a
                    # determiner or inside a compound ('the 1994 crime bill also serves as the
                    # poster child')
                    return True
            return False
        if k - 1 > a and norms[k] == "being" and norms[k - 1] == "of":
            return any(norms[j] in _CUES["accuse"] for j in range(max(a, k - 1 - ACCUSE_WINDOW), k - 1))
        # a naming verb, its object (a pronoun, or a noun phrase ending in a noun), the word
        j = first - 1
        if j > a and norms[j] in ("a", "an"):
            j -= 1
        if j <= a or not (tags[j] in ("PRP", "NN", "NNS", "NNP", "NNPS")):
            return False
        for v in range(j - 1, max(a, j - OBJECT_WINDOW) - 1, -1):
            w = norms[v]
            if w in CLAUSE_BREAKS or w in _CUES["particle"] or tags[v] in ("IN", "TO"):
                return False  # the object is a noun phrase: 'called incitement against Islamists'
            if lemmas[v] in _NAMING_LEMMAS and tags[v].startswith("VB"):
                return True
        return False

    # ------------------------------------------------------------------ negation
    def negated(self, first: int) -> bool:
        """Is the match starting at token `first` negated by a negator shortly before it?"""
        if first == 0:
            return False
        tokens, norms = self.tokens, self.norms
        # a negation starts on a negator word: none among the words and lemmas of the widest
        # look-back window (most matches) means none in the window itself
        lo = first - NEGATION_WINDOW if first > NEGATION_WINDOW else 0
        words = self._neg_words
        if words.isdisjoint(norms[lo:first]) and words.isdisjoint(self._cols.lemmas[lo:first]):
            return False
        sentence = tokens[first].sentence
        lo = first
        steps = 0
        while lo > 0 and steps < NEGATION_WINDOW:
            if tokens[lo - 1].sentence != sentence or norms[lo - 1] in CLAUSE_BREAKS:
                break
            lo -= 1
            steps += 1
        single, multi = self.neg_single, self._neg_first
        n_tokens = len(norms)
        for k in range(lo, first):
            norm, lemma = norms[k], tokens[k].lemma
            if norm in single or lemma in single:
                nxt = norms[k + 1] if k + 1 < n_tokens else ""
                if nxt not in NOT_NEGATING_NEXT:
                    return True
            if norm in multi or lemma in multi:
                starts = multi.get(norm, []) + (multi.get(lemma, []) if lemma != norm else [])
                for words in starts:
                    n = len(words)
                    if k + n <= first and all(norms[k + m] == w or tokens[k + m].lemma == w
                                              for m, w in enumerate(words)):
                        return True
        return False
