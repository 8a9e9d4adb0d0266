"""Find attribution relations (source, cue, content) in a `Doc`, by rules over tokens and tags.

The rules follow how news English attributes (the PolNeAR conventions: a source is the whole noun
phrase naming the speaker, the content is the whole clause or quotation, "that" included):

  preposed   X [also|has] said (that) ...      X told reporters ...   X blamed Kabul for ...
  postposed  "...," X said (on Tuesday).       ..., said X, head of ...
  split      "...," he said, "..."             (one attribution, two content pieces)
  according  According to X, ...              ..., according to X.
  participle ..., adding that ...   ... by telling X that ...   ..., recently telling X ...
                                                (the source is the clause's subject)
  joined     X announced ... and warned ...     X went on to say ...
  as         ..., as The New York Times reported, ...   As X put it, ...
  relative   X, who said ...                   (source "who"; the speaker step resolves it)
  noun-first a charge X denies                 (content: the clause the charge refers to)
  continued  a quotation opening the next sentence or paragraph, with no cue of its own
  sourceless Trump is expected to ...   X appears to ...   It is believed that ...   Asked whether ...,
  evidence   In a CNN poll released Monday, ...   (source: the poll)
  interrupted  This campaign, he says, is different.   (two content pieces)
  dash       “...” ― Sonya Herridge                   (a quotation credited on its own line)
  post       ... — Name (@handle) March 6, 2016        (an embedded social-media post's signature)
  learned    Some Democrats question the wisdom ...   (tokens the rules leave alone, scored by the
             learned cue detector, framing.attribution.learned; generic source and content rules)

Span conventions follow PolNeAR (measured on its train split): the cue keeps its auxiliaries,
negation, adverbs and a following colon ("has also said:"); a source keeps an appositive's closing
comma; a noun-phrase content stops at its first comma. A source never opens with a quotation mark
(the closing '' of "''...,'' Mr. King said" is tagged as a possessive), keeps both conjuncts of a
coordinated subject ("She and her aides") and leaves out a time or setting adverbial ("Paul Ryan in
a statement"); a partial quote closing a paraphrase gives the whole clause as content ('Not paying
taxes “makes me smart,” Trump said'); a preposition after a learned cue or "Asked" is left out of
the content and put in the cue ("talk about | how ..."); a passive or progressive cue keeps its
"be" ("was rejected"). Where a paraphrased content starts and ends is then refined by a learned
chooser (framing.attribution.spans) when its model is shipped.

Each match is a `RawAttribution` with token indices and character spans; `speakers.py` names the
speaker, `coref.py` resolves pronouns and merges names.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from heapq import heappop, heappush
from dataclasses import dataclass, field
from itertools import compress
from operator import or_

from ..lexicon.context import is_title
from ..text.columns import columns
from ..text.posts import SIGNATURE
from .chunks import (AUX_SKIP, NAME_MONTHS, NOUNS, NP_INNER, PROPER, QUANTIFIERS, TIME_WORDS, np_left, np_right,
                     time_adverbial_end)
from .data import AttributionData, CueFrame, finding_nouns, first_names, message_nouns, word_set
from .learned import _CANDIDATE_TAGS, LEARNED, covered_tokens, lemma_key, load_cue_model
from .quotes import outer_quotes, quoted_tokens

_OPEN_MARKS = "\"'\u201c\u2018\u201e\u00ab"
_CLOSE_MARKS = "\"'\u201d\u2019\u00bb"
_FINAL = ".!?"
_DASHES = ("\u2015", "\u2014", "--", "\u2013", "-")
_ACCORDING = CueFrame("according to", "C", "according_to")
#: A comma followed by one of these ends a paraphrased content clause (PolNeAR train: the annotated
#: content stops there): "24 percent said they would vote for him, while 9 percent ...".
_CLAUSE_BREAK = frozenset({"while", "whereas", "however", "compared", "although", "though", "but",
                           "despite", "unlike"})
_CHARGE_NOUNS = word_set("charge_nouns")


@dataclass
class RawAttribution:
    cue: tuple[int, int]  # token indices [start, end)
    source: tuple[int, int] | None  # token indices [start, end)
    content: list[tuple[int, int]]  # character spans, in text order
    sentence: int
    frame: CueFrame
    lemma: str
    postposed: bool = False
    quote_ids: list[int] = field(default_factory=list)  # outer quote regions used as content


_CUE_LEMMAS: list = [None, None, frozenset()]  # [cues, particle cues, the lemmas opening either]


def _cue_lemmas(data: AttributionData) -> frozenset:
    """The lemmas a cue may open with (`data.cues` and the first word of `data.particle_cues`)."""
    if _CUE_LEMMAS[0] is not data.cues or _CUE_LEMMAS[1] is not data.particle_cues:
        _CUE_LEMMAS[:] = [data.cues, data.particle_cues,
                          frozenset(data.cues) | frozenset(k[0] for k in data.particle_cues) |
                          frozenset(_AS_VIEWS)]
    return _CUE_LEMMAS[2]


class _Ctx:
    """Per-document lookups shared by the rules."""

    def __init__(self, doc, data: AttributionData, learned_lemmas=None):
        self.doc = doc
        self.tokens = toks = doc.tokens
        self.data = data
        self.text = doc.text
        outer = outer_quotes(doc)
        self.quotes = outer
        self.quote_ends = [q.end for q in outer]  # sorted: outermost regions do not overlap
        self.inq = inq = quoted_tokens(doc, outer)
        self.quote_of_start = {q.start: n for n, q in enumerate(outer)}
        self.quote_of_end = dict(zip(self.quote_ends, range(len(outer))))
        # (start, end) token indices of each sentence; `sent_bounds(s)` is a plain list lookup
        self.bounds = bounds = [(x.token_start, x.token_end) for x in doc.sentences]
        self.sent_bounds = bounds.__getitem__
        # the text layer's token columns (built by build_doc, shared with the other stages)
        self.columns = cols = columns(doc)
        self.pos = pos = cols.tags
        self.norms = norms = cols.norms
        self.texts = cols.texts
        # One C-level pass over the lemmas and one over the norms give every token test of the
        # rules (and of the learned cue detector's candidates, `learned_lemmas`); the tag and
        # quotation tests then run on their few hits only.
        # - the tokens `_cue_at` may accept (outside quotations: a verb or a plural noun whose
        #   lemma may open a cue, alone or with a particle; "according", "says"/"said" whatever
        #   their tag); every other token it rejects, so the sentence loop skips them unasked;
        # - the candidates of the learned detector (`learned.is_candidate`: a content-word tag and
        #   a lemma of the model's; a text opening with a letter or digit), when its lemmas are given;
        # - the sentences the whole-sentence patterns may match: "asked" (`_asked_pattern`), an
        #   evidence noun (`_evidence_pattern`) (a colon (`_colon_pattern`) is looked for in the text).
        n = len(toks)
        self._lower_words: dict = {}
        codes = _lemma_codes(data, learned_lemmas)
        by_lemma = codes.codes_of(cols.lemmas)
        texts = self.texts
        starts = []
        learned = [] if codes.plain else None
        tag_ok, learned_tag = _CUE_TAGS, _LEARNED_TAGS
        for i, c in zip(compress(range(n), by_lemma), compress(by_lemma, by_lemma)):
            if c & 1 and tag_ok[pos[i]]:
                starts.append(i)
            if c & 2 and learned is not None and learned_tag[pos[i]] and texts[i][:1].isalnum():
                learned.append(i)
        self.learned_lemmas = learned_lemmas
        self.learned_candidates = learned
        by_norm = list(map(_norm_codes(data).get, norms))
        firsts = []
        self.asked_sentences = asked = set()
        self.evidence_sentences = evidence = set()
        self.hearsay = hearsay = []
        for i, c in zip(compress(range(n), by_norm), compress(by_norm, by_norm)):
            if c & 1:
                firsts.append(i)
            if c & 2:
                asked.add(toks[i].sentence)
            if c & 4:
                evidence.add(toks[i].sentence)
            if c & 8 and not inq[i]:
                hearsay.append(i)
        if firsts:
            starts = sorted(set(starts).union(firsts))
        self.cue_starts = [i for i in starts if not inq[i] and not _inside_name(self, i)]
        self.headline_verbs = _headline_verbs(self)
        if self.headline_verbs:
            self.cue_starts = sorted(set(self.cue_starts).union(self.headline_verbs))

    def lower_words(self, s: int) -> int:
        """How many words of four letters or more sentence s writes in lower case outside quotations,
        its first word and function words aside (a headline in title case keeps "after", "with",
        "that" in lower case): 0 or 1 in a headline ("Mike Pence Calls for Special Prosecutor after
        Report Reveals ...")."""
        memo = self._lower_words
        n = memo.get(s)
        if n is None:
            lo, hi = self.bounds[s]
            texts, inq, pos = self.texts, self.inq, self.pos
            n = memo[s] = sum(1 for k in range(lo + 1, hi) if not inq[k] and len(texts[k]) > 3 and
                              texts[k].isalpha() and texts[k].islower() and pos[k] not in _FUNCTION_TAGS)
        return n

    def quote_index_containing(self, offset: int) -> int | None:
        for n, q in enumerate(self.quotes):
            if q.start <= offset < q.end:
                return n
            if q.start > offset:
                break
        return None


#: Tokens after which a capital letter may open a clause or a quotation, not only a name.
_OPENERS = frozenset("\"'`\u201c\u2018\u201e\u00ab([{:;\u2014\u2013\u2015-\u2026*")


#: Tags of the function words a headline in title case leaves in lower case.
_FUNCTION_TAGS = frozenset({"IN", "CC", "DT", "TO", "WDT", "RP"})


#: Longest leading one-sentence paragraph (words) read as a headline by `_headline_verbs`.
_HEADLINE_MAX_WORDS = 25
#: Words before a headline's subject that open its clause: "As Trump demands wall, ...".
_HEADLINE_OPENERS = frozenset({"as", "how", "why", "when", "after", "while", "because", "if"})
_OBJECT_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "DT", "PRP", "PRP$", "CD", "JJ", "IN", "TO"})


def _verb_form_lemma(word: str, lemmas) -> tuple[str, str] | None:
    """(lemma, form) when `word` is a cue lemma's third person ("Endorses", "hints"), past
    ("Dismissed", "slammed") or bare form ("blast"), else None."""
    w = word.lower()
    if w in lemmas:
        return w, "bare"
    for suffix, add, form in (("ies", "y", "s"), ("es", "", "s"), ("s", "", "s"), ("ied", "y", "ed"),
                              ("ed", "", "ed"), ("ed", "e", "ed"), ("d", "", "ed")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[:-len(suffix)] + add
            if stem in lemmas:
                return stem, form
            if form == "ed" and suffix == "ed" and len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in lemmas:
                return stem[:-1], form  # "slammed"
    return None


def _headline_verbs(ctx: "_Ctx") -> dict:
    """Cue verbs the tagger read as nouns or adjectives in the headlines at the top of an article
    (its leading paragraphs of one short sentence each): "Rose Bowl skywriters blast Trump",
    "Another GOP Figure Endorses Hillary Clinton", "Trump plans major ad buy", "Clinton hints at
    husband's job" (token index -> lemma). The word has a verb's form (third person, past, or the
    bare form after a plural subject), follows a noun phrase that opens its clause (not after a
    possessive, whose tag is no noun's: "Hillary Clinton's Attacks On ..."), and comes before an
    object."""
    doc, toks, inq = ctx.doc, ctx.tokens, ctx.inq
    sents = doc.sentences
    lemmas = _cue_lemmas(ctx.data)
    out = {}
    for n, sent in enumerate(sents):
        if n + 1 < len(sents) and sents[n + 1].paragraph == sent.paragraph or \
                n > 0 and sents[n - 1].paragraph == sent.paragraph:
            break
        lo, hi = sent.token_start, sent.token_end
        if sum(t.text[:1].isalnum() for t in toks[lo:hi]) > _HEADLINE_MAX_WORDS:
            break
        for i in range(lo + 1, hi - 1):
            t = toks[i]
            if t.pos not in ("NN", "NNS", "NNP", "NNPS", "JJ") or inq[i] or not t.text[:1].isalpha():
                continue
            found = _verb_form_lemma(t.text, lemmas)
            if found is None:
                continue
            nxt = toks[i + 1]
            if nxt.text not in _OPEN_MARKS and (nxt.pos not in _OBJECT_TAGS or inq[i + 1]):
                continue  # an object follows: a name, a phrase, a preposition or a quotation
            j = i - 1
            while j > lo and toks[j].pos == "RB":
                j -= 1  # "This Cable News Panel Just Dismissed ..."
            if toks[j].pos not in NOUNS and toks[j].pos != "PRP" or inq[j]:
                continue
            start = np_left(toks, j, lo)
            if start is None or start > lo and not (toks[start - 1].text in (":", ";", ",") or
                                                    toks[start - 1].text in _DASHES or
                                                    toks[start - 1].norm in _HEADLINE_OPENERS):
                continue
            if any(_capitalised(toks[m].text) and _verb_form_lemma(toks[m].text, lemmas) for m in range(start, j + 1)):
                continue  # the phrase has a verb of its own: "..., Calls Trump's Putin Remarks ‘Troubling.’"
            if found[1] == "bare" and toks[j].pos not in ("NNS", "NNPS"):
                continue  # the bare form only after a plural: "skywriters blast", not "Wash Post"
            out[i] = found[0]
    return out


def _headline_contents(ctx: "_Ctx", raws: list) -> None:
    """A headline verb's content ends before a colon and a name closing the headline: "Pakistan
    Welcomes Iran's Mediation Offer as Border Talks With Afghanistan Stall: FO" (the colon credits
    the headline to its source; "Carly Fiorina Endorses Ted Cruz: I Am ‘Horrified’ ..." goes on)."""
    toks, text = ctx.tokens, ctx.text
    for r in raws:
        if r.cue[0] not in ctx.headline_verbs or not r.content:
            continue
        s, e = r.content[-1]
        colon = text.find(":", s, e)
        if colon <= s:
            continue
        c = bisect_left(ctx.columns.starts, colon)
        end = bisect_left(ctx.columns.starts, e)
        if not ctx.inq[c] and 0 < end - c - 1 <= 4 and all(toks[m].pos in PROPER for m in range(c + 1, end)):
            span = text[s:colon].rstrip()  # (only a name after the colon: "...: Pezeshkian")
            if span:
                r.content[-1] = (s, s + len(span))


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and text[:1].isalpha()


def _inside_name(ctx: _Ctx, i: int) -> bool:
    """Is tokens[i], a cue word, part of a name: capitalised in the middle of a sentence, next to
    another capitalised word, in a sentence that is not a headline in title case ("the Alliance
    Defending Freedom", "a phone call to CQ Roll Call late Tuesday", "sniffs Said Shareef", "Medicare
    for All Who Want It")? English capitalises a verb only at the start of a sentence or quotation,
    in a title, or in a name. Not a word in capitals ("he ADMITTED"), nor after a quotation mark, a
    bracket, a colon or a dash, where a new clause may start."""
    texts = ctx.texts
    w = texts[i]
    if not _capitalised(w) or w.isupper():
        return False
    s = ctx.tokens[i].sentence
    lo, hi = ctx.bounds[s]
    if i == lo or texts[i - 1][-1:] in _OPENERS:
        return False
    if not (i - 1 > lo and _capitalised(texts[i - 1]) or i + 1 < hi and _capitalised(texts[i + 1]) or
            i + 2 < hi and texts[i + 1] in ("and", "&") and _capitalised(texts[i + 2])):
        return False  # "the two brothers, Said and Cherif Kouachi,": names joined by "and"
    return ctx.lower_words(s) >= 2


#: Words that pair with "as" in conjunctions that are no "as X put it": "as long as", "as well as".
_AS_PAIRS = frozenset({"long", "soon", "well", "far", "much"})
#: Words that may start a cue whatever their tag (see `_cue_at`).
_CUE_FIRST = frozenset({"according", "says", "said", "show"})


class _TagTest(dict):
    """tag -> test(tag), each tag's answer computed once (a plain dict lookup per token after that)."""

    def __init__(self, test, limit: int = 4096):
        super().__init__()
        self.test = test
        self.limit = limit

    def __missing__(self, tag):
        if len(self) > self.limit:  # tags are few; this only bounds a tagger that invents them
            self.clear()
        v = self[tag] = self.test(tag)
        return v


#: A tag `_cue_at` may read as a verb: VB*, or a plural noun.
_CUE_TAGS = _TagTest(lambda p: p[:2] == "VB" or p == "NNS")
#: A tag the learned detector scores (`learned.is_candidate`).
_LEARNED_TAGS = _TagTest(lambda p: p[:2] in _CANDIDATE_TAGS)


class _LemmaCodes(dict):
    """lemma -> 1 (it may open a cue: `_cue_lemmas`) | 2 (its lower case is a lemma of the learned
    detector's), each lemma's code computed once. `plain`: no lemma of the detector opens with a
    non-alphanumeric (then a token is its candidate by its lemma; else by `lemma_key`).

    `codes_of` answers an article's lemmas from `nonzero`, the few hundred lower-case lemmas whose
    code is not 0: a lookup in this memo of every lemma seen (tens of thousands, out of the
    processor's cache by the next article) cost about twice as much per token."""

    LIMIT = 50000

    def __init__(self, cue_lemmas: frozenset, learned_lemmas):
        super().__init__()
        self.cue_lemmas = cue_lemmas
        self.learned = learned_lemmas
        self.plain = learned_lemmas is not None and not any(not k[:1].isalnum() for k in learned_lemmas)
        # a lower-case lemma (lemma.lower() == lemma) has a code other than 0 only when it is one
        # of these, and then this code
        nonzero = dict.fromkeys(cue_lemmas, 1)
        for lemma in learned_lemmas or ():
            if lemma.lower() == lemma:
                nonzero[lemma] = nonzero.get(lemma, 0) | 2
        self.nonzero = nonzero

    def codes_of(self, lemmas: list) -> list:
        """The code of each lemma (None for 0). The text layer's lemmas are lower case; when the
        article's are not all (their joined text has an upper-case or title-case character, the
        only characters str.lower changes), each is looked up in the memo instead."""
        if "".join(lemmas).islower():
            return list(map(self.nonzero.get, lemmas))
        return list(map(self.__getitem__, lemmas))

    def __missing__(self, lemma):
        if len(self) > self.LIMIT:
            self.clear()
        code = (lemma in self.cue_lemmas) | (2 if self.learned is not None and lemma.lower() in self.learned else 0)
        self[lemma] = code
        return code


_LEMMA_CODES: list = [None]


def _lemma_codes(data: AttributionData, learned_lemmas) -> _LemmaCodes:
    """The lemma codes for these cue data and learned lemmas (kept for the last pair asked)."""
    cue_lemmas = _cue_lemmas(data)
    codes = _LEMMA_CODES[0]
    if codes is None or codes.cue_lemmas is not cue_lemmas or codes.learned is not learned_lemmas:
        codes = _LEMMA_CODES[0] = _LemmaCodes(cue_lemmas, learned_lemmas)
    return codes


_NORM_CODES: list = [None, None]  # [evidence nouns, {norm: code}]


def _norm_codes(data: AttributionData) -> dict:
    """norm -> 1 (a cue word whatever its tag: `_CUE_FIRST`) | 2 ("asked") | 4 (an evidence noun)."""
    if _NORM_CODES[0] is not data.evidence_nouns or _NORM_CODES[1] is None:
        codes: dict = {}
        for w in _CUE_FIRST:
            codes[w] = codes.get(w, 0) | 1
        codes["asked"] = codes.get("asked", 0) | 2
        for w in _HEARSAY:
            codes[w] = codes.get(w, 0) | 8
        for w in data.evidence_nouns or ():
            codes[w] = codes.get(w, 0) | 4
        _NORM_CODES[:] = [data.evidence_nouns, codes]
    return _NORM_CODES[1]


def _cue_at(ctx: _Ctx, i: int, hi: int) -> tuple[int, CueFrame, str] | None:
    """(end index, frame, lemma) when tokens[i] starts a cue, else None."""
    t = ctx.tokens[i]
    if ctx.inq[i]:
        return None
    if t.norm == "according" and i + 1 < hi and ctx.tokens[i + 1].norm == "to":
        return i + 2, _ACCORDING, "according to"
    verb_like = t.pos.startswith("VB")
    if not verb_like and i in ctx.headline_verbs:
        t_lemma = ctx.headline_verbs[i]  # "Rose Bowl skywriters blast Trump.": a headline's verb
        if i + 1 < hi and (t_lemma, ctx.tokens[i + 1].norm) in ctx.data.particle_cues:
            pf = ctx.data.particle_cues[(t_lemma, ctx.tokens[i + 1].norm)]
            return i + 2, pf, pf.term
        frame = ctx.data.cues.get(t_lemma)
        if frame is not None:
            return i + 1, frame, t_lemma
    if not verb_like and t.pos == "NNS" and i > 0 and i + 1 < hi and \
            (ctx.tokens[i - 1].pos in NOUNS or ctx.tokens[i - 1].pos == "PRP") and \
            (ctx.tokens[i + 1].norm in ("that", "to") or ctx.tokens[i + 1].pos in ("DT", "PRP", "NNP")):
        verb_like = True  # "the president fears that ...": a verb the tagger read as a plural noun
    if not verb_like and t.pos == "NNS" and i + 1 < hi and ctx.tokens[i + 1].norm in (".", ",", "out") and \
            _quote_then_subject(ctx.tokens, i - 1, ctx.bounds[t.sentence][0]):
        verb_like = True  # '“...,” Bozell notes.', '“...,” he points out.': the same, after a quotation
    if not verb_like and t.norm == "show":
        if i > 0 and ctx.tokens[i - 1].pos == "NNS" and ctx.tokens[i - 1].norm in _FINDINGS:
            return i + 1, ctx.data.cues["show"], "show"  # "records show ...", "Polls show ...": a verb
        return None
    if not (verb_like or t.norm in ("says", "said")):
        return None
    lem = t.lemma if verb_like else "say"  # "said" mis-tagged as an adjective
    if i + 1 < hi:
        pf = ctx.data.particle_cues.get((lem, ctx.tokens[i + 1].norm))
        if pf is not None and lem == "put" and not _put_it_reports(ctx, i, hi):
            return None
        if pf is not None:
            if lem == "go" and i + 3 < hi and ctx.tokens[i + 2].norm == "to":
                inner = _cue_at(ctx, i + 3, hi) if ctx.tokens[i + 3].pos.startswith("VB") else None
                if inner is not None:
                    # "He went on to say that ...", "She went on to call Cruz ...": one cue, the
                    # frame of the verb after "to"
                    return inner
            return i + 2, pf, pf.term
    frame = ctx.data.cues.get(lem)
    if frame is None:
        if lem in _AS_VIEWS and verb_like and _as_complement(ctx, i, hi):
            return i + 1, _AS_VIEWS[lem], lem
        return None
    return i + 1, frame, lem


#: Verbs of opinion that report a view only with an "as" complement: "Viguerie sees Cruz as a
#: uniter", "Germany views itself as a leader", "Israel regards all of Jerusalem as its capital"
#: (not "saw him there again", "as they see it").
_AS_VIEWS = {lemma: CueFrame(lemma, "O", "thought") for lemma in ("see", "view", "regard")}
#: Words after "as" that make it no complement: "as well as", "as soon as", "as if".
_NOT_AS_COMPLEMENT = frozenset({"well", "much", "many", "soon", "long", "far", "if", "though"})


def _as_complement(ctx: _Ctx, i: int, hi: int) -> bool:
    """Is the verb at tokens[i] followed, within its object, by "as" and a complement ("sees Cruz as
    a uniter", "view it more as a vote of confidence")? Not across punctuation or another verb, not
    "as well as", "as if", "as a result"."""
    toks = ctx.tokens
    for m in range(i + 1, min(hi - 1, i + 10)):
        t = toks[m]
        if t.norm == "as":
            if m == i + 1 or toks[m + 1].norm in _NOT_AS_COMPLEMENT or not toks[m + 1].text[:1].isalnum() or \
                    m + 2 < hi and toks[m + 2].norm == "result":
                return False
            for k in range(m + 1, hi):  # a clause after "as" makes it a conjunction: "has seen a
                u = toks[k]               # fiercer discourse as more than 1 million migrants crossed"
                if u.pos in ("WDT", "WP") or u.norm == "that" or not u.text[:1].isalnum():
                    break
                if u.pos in _FINITE:
                    return False
            return True
        if not t.text[:1].isalnum() or t.pos.startswith("VB") or t.pos in ("MD", "WDT", "WP", "IN", "TO"):
            return False
    return False


def _put_it_reports(ctx: _Ctx, i: int, hi: int) -> bool:
    """Does "put it" at tokens[i] report words: after "as" ("As Professor Foner put it: ...", "as an
    American diplomat put it, ...") or before a colon, comma or quotation? Not "to put it mildly",
    "put it into play", "As long as we don't put it in charge"."""
    toks = ctx.tokens
    if i + 2 < hi and (toks[i + 2].text in (":", ",") or toks[i + 2].text in _OPEN_MARKS):
        return True
    return any(toks[m].norm == "as" and toks[m - 1].norm not in _AS_PAIRS and toks[m + 1].norm not in _AS_PAIRS
               for m in range(max(ctx.bounds[toks[i].sentence][0], i - 12, 1), i))


def _quote_then_subject(toks, j: int, lo: int) -> bool:
    """Is tokens[j] a pronoun or the end of a name that follows a closing quotation mark (after
    its comma, if any) or a comma inside the sentence: the subject of a postposed '“...,” Bozell
    notes.', "That figure is the lowest in 30 years, Pew notes.", "What's more, Cohn points out,
    both would ..."?"""
    k = j
    if toks[j].pos != "PRP":
        while k > lo and k > j - 4 and toks[k].pos in ("NNP", "NNPS"):
            k -= 1
        if k == j:
            return False
        k += 1
    return k > lo and (toks[k - 1].text in _CLOSE_MARKS or toks[k - 1].text == "," and k - 1 > lo)


_CONTRACTED_AUX = frozenset({"'s", "'re", "'ve", "'d", "'ll", "'m"})
_FLOATING = frozenset({"both", "all", "each"})


#: Words of time or extent before a cue ("The Post first reported", "The letter was first reported
#: by", "The deal, widely reported by"), which the tagger often reads as adjectives: skipped, as
#: adverbs are, between a cue and its subject.
_CUE_ADVERBS = frozenset({"first", "initially", "originally", "previously", "widely", "also",
                          "later", "earlier"})


def _skip_aux_left(tokens, j: int, lo: int, progressive: bool = False) -> int:
    """Index of the token before the auxiliaries and adverbs that precede a cue. With
    `progressive` (the cue is an -ing form), "be" counts too: "Clinton is telling voters ...",
    "he's not predicting ..."; floating quantifiers as well: "Richards and Menendez both stressed"."""
    while j >= lo:
        t = tokens[j]
        if t.pos in ("RB", "MD") or t.norm in _CUE_ADVERBS or \
                t.lemma in AUX_SKIP and t.pos not in PROPER or \
                t.norm in ("n't", "not") or t.norm in _CONTRACTED_AUX and j > lo and tokens[j - 1].pos in ("PRP", "NNP", "NN") or \
                progressive and t.lemma == "be" and t.pos.startswith("VB") or \
                t.norm in _FLOATING and j > lo and tokens[j - 1].pos in NOUNS | {"PRP"}:
            j -= 1
            continue
        break
    return j


def _is_passive_or_nonfinite(tokens, i: int, lo: int) -> bool:
    j = i - 1
    while j >= lo and (tokens[j].pos == "RB" or tokens[j].norm in ("not", "n't")
                       or tokens[j].norm in _CUE_ADVERBS):
        j -= 1
    if j < lo:
        return False
    p = tokens[j]
    if p.norm == "to" or p.pos == "TO":
        return True  # "declined to say": the governing verb is the cue
    if p.lemma == "be" and tokens[i].pos in ("VBN", "VBD"):
        if p.norm == "'s" and j > lo and (tokens[j - 1].norm in ("he", "she") or tokens[j - 1].pos == "NNP"):
            return False  # "He's said ...", "Trump's argued ...": "has", not a passive "is"
        return True  # "was told", "is expected"
    if p.pos == "DT" or p.pos == "PRP$":
        return True  # "the said", "his claim"
    return False


def _clause_start(ctx: _Ctx, lo: int, hi: int) -> int:
    """First token of a sentence's main clause: skips "But", "And" and a dateline ("WASHINGTON ―")."""
    toks = ctx.tokens
    k = lo
    for m in range(lo, min(hi, lo + 8)):
        if toks[m].text in _DASHES and all(toks[x].text.isupper() or not toks[x].text.isalpha()
                                           for x in range(lo, m)):
            k = m + 1
            break
    while k < hi and toks[k].pos == "CC":
        k += 1
    return k


_TRIM_LEFT = frozenset((",", ":", ";") + _DASHES)
_TRIM_RIGHT = frozenset((",", ":", ";", ".", "!", "?") + _DASHES)
_TRIM_STOPS = frozenset((",", ":", ";", ".", "!", "?"))


def _trim_span(ctx: _Ctx, a: int, b: int) -> tuple[int, int] | None:
    """Character span of tokens [a, b), with edge commas, colons and final stops cut off."""
    texts = ctx.texts
    while a < b and texts[a] in _TRIM_LEFT:
        a += 1
    while b > a and texts[b - 1] in _TRIM_RIGHT:
        b -= 1
    if b > a and texts[b - 1] == ")" and "(" not in texts[a:b - 1]:
        # a sentence inside parentheses: "(Clinton's campaign said the timing was unrelated.)":
        # the closing parenthesis and the stop before it are not content
        b -= 1
        while b > a and texts[b - 1] in _TRIM_STOPS:
            b -= 1
    if b <= a:
        return None
    toks = ctx.tokens
    return toks[a].start, toks[b - 1].end


def _quote_starting_at(ctx: _Ctx, i: int, hi: int) -> int | None:
    """Outer quote region opening at token i (skipping a comma or colon), if any."""
    toks = ctx.tokens
    k = i
    while k < hi and toks[k].text in (",", ":"):
        k += 1
    if k < hi and toks[k].text in _OPEN_MARKS:
        return ctx.quote_of_start.get(toks[k].start)
    return None


def _content_end(ctx: _Ctx, k: int, hi: int) -> int:
    """Token index where a content clause starting at k ends: the sentence end, or before
    ", according to", ", X said" or ", adding ..."."""
    # only "and"/"but", a comma or a dash can end the clause: the loop visits those alone, found
    # in one C-level pass over the rest of the sentence (lazily: it stops at the first end)
    for m in compress(range(k, hi), map(or_, map(_AND_BUT.__contains__, ctx.norms[k:hi]),
                                        map(_COMMA_DASH.__contains__, ctx.texts[k:hi]))):
        if _ends_clause_at(ctx, m, hi):
            return m
    return hi


def _ends_clause_at(ctx: _Ctx, m: int, hi: int) -> bool:
    """Does a content clause end before token m (an "and"/"but", a comma or a dash; any other
    token answers False)?"""
    toks = ctx.tokens
    t = toks[m]
    if t.norm in ("and", "but") and m + 1 < hi and not ctx.inq[m] and toks[m + 1].pos in ("VBD", "VBZ", "VBN") \
            and (toks[m + 1].lemma in ctx.data.cues or (toks[m + 1].lemma, toks[m + 2].norm if m + 2 < hi
                                                        else "") in ctx.data.particle_cues):
        return True
    if t.text == "," and m + 2 < hi and not ctx.inq[m + 1] and (
            toks[m + 1].norm == "with" or toks[m + 1].pos == "DT" and toks[m + 2].norm in _CHARGE_NOUNS):
        return True
    if (t.text == "," or t.text in _DASHES) and m + 1 < hi and not ctx.inq[m + 1]:
        nxt = toks[m + 1]
        if nxt.norm == "according" or nxt.pos == "VBG" and nxt.lemma in ctx.data.cues:
            return True  # "..., adding ..." / "..., putting them ahead": the writer's words again
        if nxt.norm in _CLAUSE_BREAK and t.text == ",":
            return True  # "..., while 9 percent found ..." / "..., compared with ..."
    if t.text == "," and m + 1 < hi and not ctx.inq[m + 1]:
        # ", he said" / ", officials said" closing the clause
        end = np_right(toks, m + 1, hi, appositive=False)
        if end is not None and end < hi:
            e2 = end
            while e2 < hi and (toks[e2].pos == "RB" or toks[e2].lemma in AUX_SKIP):
                e2 += 1
            if e2 < hi and toks[e2].lemma in ctx.data.cues and toks[e2].pos.startswith("VB") and \
                    _rest_is_adjunct(ctx, e2 + 1, hi):
                return True
    return False


_AND_BUT = frozenset({"and", "but"})
_COMMA_DASH = frozenset(_DASHES + (",",))


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_FINITE_VERBS = frozenset({"VBD", "VBZ", "VBP"})


def _object_end(ctx: _Ctx, k: int, end: int) -> int:
    """A noun-phrase content ("criticized the example of Indiana, which ...") ends at its first comma
    or dash: what follows describes the object, it is not what the source said. A clause content
    (a finite verb before the comma) is left whole."""
    toks = ctx.tokens
    if toks[k].norm in ("that", "whether", "if", "to") or toks[k].text in _OPEN_MARKS:
        return end
    for m in range(k, end):
        t = toks[m]
        if ctx.inq[m]:
            continue
        if t.pos in _FINITE:
            return end
        if t.text == "," or t.text in _DASHES and m > k:
            return m
    return end


def _rest_is_adjunct(ctx: _Ctx, k: int, hi: int) -> bool:
    """True when tokens [k, hi) hold no content clause: only time words, a PP, an addressee or end
    punctuation ("he said on Tuesday.", "Figueroa told USA Today.")."""
    toks = ctx.tokens
    m = k
    while m < hi:
        t = toks[m]
        if t.pos.startswith("VB") or t.pos == "MD" or t.norm in ("that", "whether", "if") or \
                t.text in _OPEN_MARKS or t.text == ":" or t.norm == "to" and m + 1 < hi and _infinitive(toks, m + 1, hi):
            # (MD: the tagger reads "will result" as MD + NN; the modal marks the clause; so does
            # "to" before a verb read as a noun: "plans to cast her first ballot")
            return False
        if t.text == "," and m + 1 < hi and (toks[m + 1].text in _OPEN_MARKS or toks[m + 1].norm == "and"):
            return False
        m += 1
    return True


def _object_before_relative(between, frame: CueFrame) -> bool:
    """Is the stretch between a cue and "that" the cue's object, so the "that" opens a relative
    clause inside it ("supports any constructive initiative that can improve ...")? It is when it
    opens with a determiner or a possessive and is no time adverbial ("said last week that",
    "said this Friday that", "announced a week ago that" stay adverbials; chunks.TIME_WORDS); a
    cue that takes an addressee first ("told his supporters that") keeps it as one."""
    if "A" in frame.frames or "O" not in frame.frames or not between:
        return False
    return between[0].pos in ("DT", "PRP$") and time_adverbial_end(between, 0, len(between)) < len(between) \
        and any(x.pos.startswith("NN") for x in between)


#: Discourse adverbs set off by commas right after a cue ("He said, however, that ...", "Emanuel
#: acknowledged, though, “...”"): skipped on the way to the content.
_ASIDES = frozenset({"however", "though", "moreover", "furthermore", "nonetheless", "nevertheless",
                     "too", "also", "again", "further", "meanwhile", "instead", "still", "therefore",
                     "later", "separately", "privately", "publicly"})


#: Tags that can open a clause's subject, after a time adverbial ("said last week the bill ...");
#: not a singular noun, which the time word modifies ("said during an October appearance").
_CLAUSE_OPENERS = frozenset({"DT", "PRP", "PRP$", "NNP", "NNPS", "NNS", "JJ", "CD", "EX"})


def _skip_adjuncts(ctx: _Ctx, k: int, hi: int, frame: CueFrame) -> int:
    """Skip the addressee and adverbials between a cue and its content: "told reporters on
    Tuesday that ...", "said in a statement that ...", "said Friday that ..."."""
    toks = ctx.tokens
    if k + 2 < hi and toks[k].text == "," and toks[k + 1].norm in _ASIDES and toks[k + 2].text == ",":
        k += 3  # "He said, however, that ...": an aside set off by commas comes before the content
    if k + 1 < hi and toks[k].norm == "by" and toks[k + 1].norm in _MEANS_OF_SPEECH:
        k += 2  # "said by telephone that ...": how it was said
    # look ahead for "that" before any verb: everything up to it is adjunct
    m = k
    titles = ()  # a programme's title in quotation marks, in an addressee: 'told MSNBC's "Morning Joe"'
    while m < hi and m - k < 12:
        t = toks[m]
        if t.norm == "that" and (m == k or toks[m - 1].text != ","):
            if m == k:
                return k
            between = [x for x in toks[k:m] if x not in titles]
            if all(not x.pos.startswith("VB") and x.text not in _OPEN_MARKS for x in between) and \
                    not _object_before_relative(between, frame):
                return m
            break
        if t.text in _OPEN_MARKS and "A" in frame.frames and not titles:
            close = _title_end(ctx, m, hi)
            if close is not None:
                titles = toks[m:close]
                m = close
                continue
        if t.pos.startswith("VB") or t.text in _OPEN_MARKS or t.pos in ("WP", "WRB"):
            break
        m += 1
    if "A" in frame.frames:
        end = np_right(toks, k, hi, appositive=False)
        if end is not None and end < hi:
            nxt = toks[end]
            if nxt.norm in ("that", "to", "about", "whether", "if", "how", "what", "why") or \
                    nxt.text in _OPEN_MARKS + ",:" or nxt.pos in ("PRP", "PRP$", "NNP", "DT", "CD") or \
                    nxt.pos.startswith("NN") or nxt.norm in QUANTIFIERS or \
                    nxt.norm == "not" and end + 1 < hi and toks[end + 1].norm == "to":
                # (an addressee, then the content: "told reporters the ...", "told Reuters their
                # planes ...", "told CNN's Dana Bash not to expect ...")
                k = end
            elif nxt.pos in _FINITE and end - k >= 2:
                k = _split_addressee(ctx, k, end)
    e = time_adverbial_end(toks, k, hi)
    if k < e and (e == hi or toks[e].pos in _CLAUSE_OPENERS or toks[e].text in _OPEN_MARKS or
                  toks[e].norm in ("that", "whether", "if") or toks[e].text in _FINAL):
        # a time adverbial before a clause: "said last week the bill ...", "said in March it ...",
        # or closing the sentence ("..., the University of Michigan reported last week."); not the
        # clause's subject ("said Friday was the deadline", "said last year's budget ...")
        k = e
    while k < hi and (toks[k].norm in ("on", "in", "during", "at", "last", "this", "late", "earlier")
                      or toks[k].norm in TIME_WORDS):
        # a time or place adverbial: "on Tuesday", "in a statement", "in an interview with X"
        m = k + 1
        while m < hi and (toks[m].pos in ("DT", "JJ", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "IN") and
                          toks[m].norm not in ("that", "whether", "if")):
            m += 1
        if m < hi and toks[m].text in (",", ":") or m < hi and toks[m].norm == "that":
            k = m
            break
        if toks[k].norm in TIME_WORDS and k + 1 < hi and not (
                toks[k + 1].pos.startswith("VB") or toks[k + 1].pos in ("MD", "POS")):
            k += 1
            continue
        break
    while k < hi and toks[k].text in (",", ":"):
        k += 1
    return k


def _title_end(ctx: _Ctx, m: int, hi: int) -> int | None:
    """The index after a short title in quotation marks opening at m ('"Morning Joe"', '"Meet the
    Press"', '"Fox & Friends"': at most six tokens, in title case as the lexicon's scare-quote test
    reads it, framing.lexicon.context.is_title), or None."""
    toks = ctx.tokens
    for close in range(m + 2, min(hi, m + 8)):
        if toks[close].text in _CLOSE_MARKS:
            inner = ctx.doc.text[toks[m + 1].start:toks[close - 1].end]
            return close + 1 if is_title(inner, False) else None
    return None


def _split_addressee(ctx: _Ctx, k: int, end: int) -> int:
    """Where the content starts when the noun phrase after a cue with an addressee runs straight
    into a finite verb: the chunker joined the addressee and the clause's subject. A possessive
    pronoun or a determiner after a name opens the subject ('told Reuters their planes would keep
    flying'); in a run of names, the subject is the last name, with a given name before it
    (first_names.tsv): 'told The Washington Post Kislyak was ...', 'told Fox News Bergdahl was
    captured'. Returns k (no split) when neither reading fits."""
    toks = ctx.tokens
    for p in range(k + 1, end):
        if toks[p].pos in ("PRP$", "DT") and toks[p - 1].pos in ("NNP", "NNPS"):
            return p
    first = k + 1 if toks[k].norm == "the" else k
    if end - first < 2 or not all(toks[x].pos in ("NNP", "NNPS") for x in range(first, end)):
        return k
    start = end - 1
    if start - 1 > first and toks[start - 1].norm in first_names():
        start -= 1
    return start


def _valid_content_start(ctx: _Ctx, k: int, hi: int, frame: CueFrame) -> bool:
    toks = ctx.tokens
    if k >= hi:
        return False
    t = toks[k]
    if t.text in _FINAL or t.text in (")", ";"):
        return False
    if t.text in _OPEN_MARKS:
        return True
    fr = frame.frames
    if t.norm == "not" and k + 2 < hi and toks[k + 1].norm == "to":
        t, k = toks[k + 1], k + 1  # "told CNN's Dana Bash not to expect ...": a negated infinitive
    if t.norm == "to" and k + 1 < hi and _infinitive(toks, k + 1, hi):
        # (a verb the tagger read as a noun after "to" counts: "she plans to cast her first ballot")
        return "I" in fr or "A" in fr
    if t.norm in ("that", "whether", "if", "how", "what", "why", "when", "who") and "C" in fr:
        return True
    if "O" in fr and (t.pos in NOUNS or t.pos in ("DT", "PRP", "PRP$", "JJ", "CD") or t.norm == "as"
                      or t.pos == "VBG" and toks[k - 1].text != ","):
        # (a gerund object right after the cue: "discussed colluding with Russian agents", "denied
        # lying"; after a comma it opens a participle clause: "she stressed, adding that")
        return True
    if "C" in fr:
        # a bare clause: a subject followed later by a verb
        if t.pos in NOUNS or t.pos in ("DT", "PRP", "PRP$", "JJ", "CD", "EX") or t.norm in ("there", "no"):
            return any(x.pos.startswith("VB") or x.pos == "MD" for x in toks[k + 1:hi])
    return False


def _content_after(ctx: _Ctx, i_end: int, hi: int, frame: CueFrame) -> tuple[list, list] | None:
    """Content spans (and quote ids) that follow a cue, or None."""
    k = _skip_adjuncts(ctx, i_end, hi, frame)
    qi = _quote_starting_at(ctx, k, hi)
    if qi is not None:
        q = ctx.quotes[qi]
        return [(q.start, q.end)], [qi]
    if not _valid_content_start(ctx, k, hi, frame):
        return None
    end = _content_end(ctx, k, hi)
    if "O" in frame.frames:
        end = _object_end(ctx, k, end)
    span = _trim_span(ctx, k, end)
    return ([span], []) if span else None


#: Tags that open an adverbial, not a subject: "In a 1963 speech", "To begin", "However", "Yes",
#: "Writing on Twitter", "Pressed by reporters later Tuesday".
_ADVERBIAL_OPENERS = frozenset({"IN", "TO", "RB", "RBR", "RBS", "UH", "VBG", "VBN", "WRB"})


def _fronted_adverbial(ctx: _Ctx, span: tuple[int, int]) -> bool:
    """Is the character span before a postposed cue a fronted adverbial rather than a clause: no
    finite verb, no comma, and an adverbial's first word or a time adverbial throughout ("In a
    1963 speech, he declared: ...", "To begin, I should acknowledge just how wrong I was", "Last
    week, she wrote ...")? A past participle counts as finite unless a determiner or a preposition
    comes before it (the tagger reads many past tenses so: "The super PAC replaced ... ads, the
    reports show"); a phrase with a comma may hide a verb the tagger read as a noun ("Among NRA
    members, 69% support ..., the poll found")."""
    starts = ctx.columns.starts
    pos, toks = ctx.pos, ctx.tokens
    a, b = bisect_left(starts, span[0]), bisect_left(starts, span[1])
    if any(pos[k] in _FINITE or pos[k] == "VBN" and k > a and pos[k - 1] not in ("DT", "IN") or
           toks[k].text == "," for k in range(a, b)):
        return False
    return pos[a] in _ADVERBIAL_OPENERS and ctx.norms[a] not in ("that", "whether", "if") or \
        time_adverbial_end(toks, a, b) >= b


def _names_in_phrase(ctx: _Ctx, q, j: int, lo: int) -> bool:
    """Is the quotation q, closing at tokens[j] right before a source, a name or title inside a noun
    phrase rather than speech: no comma nor stop closes it, and a word of the phrase comes before
    it ('John “Mac” Stipanovich, ..., called', 'the "Voting Solutions for All People" contract to a
    vendor called Smartmatic', 'As the “Never Trump” movement continues')? A quotation that opens
    its clause stays speech even without its comma ('“The Iowa caucus is a battle of niches”
    Grubbs said')."""
    toks = ctx.tokens
    k = j - 1
    while k > lo and toks[k].text in _CLOSE_MARKS:
        k -= 1  # (a quotation inside: '"... anywhere,\'" said Jon Ralston')
    if k <= lo or toks[k].text in _SPEECH_END:
        return False
    first = bisect_left(ctx.columns.starts, q.start)
    if first <= lo:
        return False
    before = toks[first - 1]
    return before.pos in ("DT", "PRP$", "POS", "JJ", "CD") or \
        before.pos in ("NNP", "NNPS") and _capitalised(before.text)


#: What closes a quotation that reports speech before its source ('“...,” he said', '“...?” she asked').
_SPEECH_END = frozenset((",", ".", "?", "!", "\u2026", "...", ";", ":") + _DASHES)


def _content_before(ctx: _Ctx, boundary: int, lo: int, inverted: bool = False) -> tuple[list, list] | None:
    """Content that precedes a postposed cue; `boundary` is the index of the comma (or the
    closing-quote token) right before the source or, when `inverted`, the cue ('"...," said X':
    then the quotation before is not followed by a noun phrase it might be part of)."""
    toks = ctx.tokens
    j = boundary
    start = _clause_start(ctx, lo, boundary)
    # a quotation that ends at the boundary (its comma inside: "...,")
    for m in (j, j - 1):
        if m >= 0:
            qi = ctx.quote_of_end.get(toks[m].end)
            if qi is not None:
                q = ctx.quotes[qi]
                if m == j and not inverted and _names_in_phrase(ctx, q, j, lo):
                    return None
                if _opens_clause_into(ctx, start, q.start):
                    # a partial quote closing a paraphrase: 'a top priority “is increasing the tax
                    # liability,” Mr. Kamin said' (PolNeAR: the content is the whole clause)
                    return [(toks[start].start, q.end)], [qi]
                return [(q.start, q.end)], [qi]
    # stop at an earlier attribution marker inside the sentence: take the last clause
    span = _trim_span(ctx, start, boundary + (0 if toks[boundary].text == "," else 1))
    if span is None:
        return None
    return [span], []


def _opens_clause_into(ctx: _Ctx, start: int, q_start: int) -> bool:
    """Do the sentence's own words run into the quotation at q_start, with no comma, colon or dash
    before it ('Clinton "is the only candidate that ..."', not 'he said: "..."' nor 'In his book,
    "..."')? Then the quotation is part of a paraphrased clause."""
    toks = ctx.tokens
    if start >= len(toks) or toks[start].start >= q_start:
        return False
    k = bisect_left(ctx.columns.starts, q_start, start)
    if k <= start or k >= len(toks) or toks[k].start != q_start:
        return False
    prev = toks[k - 1]
    if prev.text in (",", ":", ";", "(") or prev.text in _DASHES or ctx.inq[k - 1]:
        return False
    if ctx.inq[start] or toks[start].text in _OPEN_MARKS:
        return False  # the sentence opens with another quotation: '“You winning?” she said, but ...'
    return any(toks[x].text[:1].isalnum() for x in range(start, k))


def _sentence_subject(ctx: _Ctx, lo: int, hi: int, before: int) -> tuple[int, int] | None:
    """The first noun phrase of the clause that is followed by a verb (for "..., adding that")."""
    toks = ctx.tokens
    k = _clause_start(ctx, lo, hi)
    while k < before:
        end = np_right(toks, k, before, appositive=False)
        if end is not None:
            e = end
            described = None  # the end of the subject's appositives, with the closing comma
            while e < before and (toks[e].pos in ("RB", "MD") or toks[e].text == ","):
                if toks[e].text == ",":
                    # skip an appositive or parenthetical clause
                    m = e + 1
                    while m < before and toks[m].text != ",":
                        m += 1
                    if m < before and e == (described or end) and _describes_subject(toks[e + 1:m], relatives=False):
                        # kept in the source, as a source before its cue keeps it ("Brian Fallon,
                        # a spokesman for Mrs. Clinton, called on ... and said")
                        described = m + 1
                    e = m + 1 if m < before else e + 1
                    continue
                e += 1
            if e < before and toks[e].pos.startswith("VB"):
                if described is not None:
                    return k, described
                # (a time adverbial closing the phrase is not the subject: "McConnell last week did
                # not ..., only telling reporters")
                return k, max(_before_time_adverbial(toks, end - 1, k), k) + 1
            return None
        if toks[k].pos == "IN":
            # skip a fronted prepositional phrase: "In a statement, X said"
            while k < before and toks[k].text != ",":
                k += 1
        k += 1
    return None


_MARK_CHARS = frozenset("\"'`\u201c\u201d\u2018\u2019\u00ab\u00bb")


def _past_marks(toks, start: int, end: int) -> int:
    """First token of a source phrase after the quotation marks the tagger put inside it: the
    closing '' of the New York Times convention is tagged as two possessive apostrophes, so
    "''We should not ...,'' Lael Brainard said" would give the source "'' Lael Brainard" and cut
    the quotation short. PolNeAR train: a source never starts with a quotation mark."""
    while start < end - 1 and toks[start].text and all(c in _MARK_CHARS for c in toks[start].text):
        start += 1
    return start


def _left_source(ctx: _Ctx, i: int, lo: int) -> tuple[tuple[int, int] | None, int]:
    """Source noun phrase before the cue at i, and the index of the token before that phrase
    (the quotation marks a source phrase opens with are left out of it, see `_past_marks`)."""
    src, before = _left_source_np(ctx, i, lo)
    if src is not None:
        start = _quoted_modifier_start(ctx, src[0], lo)
        if start == src[0]:
            start = _report_agent_start(ctx, src[0], lo)
        if start == src[0]:
            start = _relative_head_start(ctx, src[0], lo)
        if start != src[0]:
            return (start, src[1]), start - 1
        start = _past_marks(ctx.tokens, src[0], src[1])
        if start != src[0]:
            return (start, src[1]), start - 1
        start = _coordinated_start(ctx, src[0], lo)
        if start != src[0] or any(ctx.tokens[m].norm == "and" for m in range(src[0] + 1, src[1] - 1)):
            # a list of names before the coordinated subject: "Obama, [Clapper and others]"
            listed = _listed_names_start(ctx, start, lo)
            start = start if listed is None else listed
        if start != src[0]:
            return (start, src[1]), start - 1
        end = _adverbial_tail(ctx.tokens, src[0], src[1])
        if end != src[1]:
            return (src[0], end), before
    return src, before


def _report_agent_start(ctx: _Ctx, start: int, lo: int) -> int:
    """Where the subject starts when the source read is the agent of a report, a poll or a study
    that is the subject: "[A recent survey by Comcast Xfinity] found", "[A national poll released
    Sunday by The Washington Post and ABC News] shows", "[A study last year by economists at Duke]
    concluded". The finding speaks, and PolNeAR's source is the whole noun phrase (train: 33 such
    sources whole, 3 the agent alone; dev: 7 and 0)."""
    toks = ctx.tokens
    b = start - 1
    if b - 1 < lo or toks[b].norm != "by" or ctx.inq[b]:
        return start
    h = _before_time_words(toks, b - 1, lo)  # "released Sunday by", "a study last year by"
    if h > lo and toks[h].pos in ("VBN", "VBD"):
        # "conducted by", "released by" (a participle the tagger may read as a past tense)
        h = _before_time_words(toks, h - 1, lo)
    if toks[h].norm not in _FINDINGS or toks[h].pos not in ("NN", "NNS") or ctx.inq[h]:
        return start
    begin = np_left(toks, h, lo)
    if begin is None:
        return start
    if begin - 2 >= lo and toks[begin - 1].norm in TIME_WORDS and toks[begin - 2].pos == "DT":
        begin -= 2  # "A December report by ..."
    return begin


def _relative_head_start(ctx: _Ctx, start: int, lo: int) -> int:
    """Where the subject starts when the source read is the object of a relative clause that
    ends the subject: "[An organization that tracks the Syrian civil war] said", "[A group that
    monitors the war in Syria] said". The speaker is the head the clause describes, not what the
    clause's verb acts on."""
    toks = ctx.tokens
    verb, rel, head = start - 1, start - 2, start - 3
    if head < lo or toks[rel].norm not in _RELATIVE_HEADS or toks[head].pos not in NOUNS or \
            ctx.inq[verb] or ctx.inq[head]:
        return start
    if toks[verb].pos not in ("VBZ", "VBD", "VBP") and not (
            toks[verb].pos in ("NN", "NNS") and toks[start].pos in ("DT", "PRP$")):
        return start  # the tagger reads some such verbs as nouns: "that monitors the war"
    if toks[verb].lemma in ctx.data.cues:
        return start  # "a referral that shows [the FBI] believed": the clause's own subject speaks
    begin = np_left(toks, head, lo)
    return start if begin is None else begin


_RELATIVE_HEADS = frozenset({"that", "who", "which"})


def _before_time_words(toks, h: int, lo: int) -> int:
    """The last token at or before h (not before lo + 1) that is no time word of a "Sunday" or
    "last year" written after a noun."""
    while h > lo and toks[h].norm in TIME_WORDS or h > lo and toks[h].norm in ("last", "this") and \
            toks[h + 1].norm in TIME_WORDS:
        h -= 1
    return h


def _quoted_modifier_start(ctx: _Ctx, start: int, lo: int) -> int:
    """Where the noun phrase starts when the source read starts right after a quotation inside it
    (`_names_in_phrase`): a nickname, 'Charles “Cully” Stimson said' (one name, not the quotation
    “Cully” and the source "Stimson"), or a title, '"...," the "Hannity" host said', 'One prominent
    "Fox & Friends" story cited'. The quotation is at most six tokens; the phrase takes the words
    before it back to its determiner."""
    toks = ctx.tokens
    close = start - 1
    if close <= lo or toks[start].pos not in NOUNS:
        return start
    qi = ctx.quote_of_end.get(toks[close].end)
    if qi is None:
        return start
    q = ctx.quotes[qi]
    first = bisect_left(ctx.columns.starts, q.start)
    if close - first > 7 or not _names_in_phrase(ctx, q, close, lo):
        return start
    k = first
    while k - 1 >= lo and toks[k - 1].pos in NP_INNER and toks[k - 1].norm not in TIME_WORDS and \
            not ctx.inq[k - 1]:
        k -= 1
        if toks[k].pos in ("DT", "PDT", "PRP$"):
            break
    return k


#: Nouns that make "in/on/at/during ..." an adverbial of the speech act, not part of the speaker's
#: name: "Anthony Romero in a statement", "Trump at the time", "Grassley (R-Iowa) on Wednesday".
_SPEECH_SETTINGS = word_set("speech_settings")


def _adverbial_tail(toks, start: int, end: int) -> int:
    """End of a source phrase without a closing time or setting adverbial ("in a statement",
    "on Monday", "at the time"): PolNeAR's source is the speaker's noun phrase alone."""
    for m in range(start + 1, end - 1):
        if toks[m].norm in ("in", "on", "at", "during", "last", "this", "earlier") and \
                any(x.norm in TIME_WORDS or x.norm in _SPEECH_SETTINGS
                    for x in toks[m + 1:end]) and \
                all(x.pos in ("DT", "JJ", "NN", "NNS", "NNP", "CD", "PRP$", "IN") for x in toks[m + 1:end]):
            return m
    return end


_NOMINATIVE = frozenset({"he", "she", "they", "we", "i"})


def _coordinated_start(ctx: _Ctx, start: int, lo: int) -> int:
    """Start of a coordinated subject ending with the source phrase at `start`: "She and her
    husband", "Sanders and his aides", "Clinton and the State Department" (PolNeAR keeps both
    conjuncts in the source). The first conjunct must be a subject pronoun or a name opening the
    clause, so that an object ("Trump attacked Clinton and her aides said ...") is not taken."""
    toks = ctx.tokens
    a = start - 1
    if a - 1 < lo or toks[a].norm != "and" or ctx.inq[a] or toks[start].pos not in (
            "PRP$", "DT", "JJ", "NNP", "NNPS", "NNS", "NN"):
        return start
    prev = toks[a - 1]
    if prev.norm in _NOMINATIVE and prev.pos == "PRP":
        first = a - 1
    elif prev.pos in PROPER:
        first = np_left(toks, a - 1, lo)
        if first is None:
            return start
    else:
        return start
    k = _clause_start(ctx, lo, first + 1)
    if first == k or first - 1 >= lo and toks[first - 1].text == "," and not ctx.inq[first - 1]:
        return first
    return start


def _listed_names_start(ctx: _Ctx, first: int, lo: int) -> int | None:
    """Start of a list of names before a coordinated subject, when the list opens the clause:
    "[President Obama, Clapper and others] also have said" (the source was "Clapper and
    others"). Every item before the last two must be a name set off by a comma."""
    toks = ctx.tokens
    begin = None
    m = first
    while m - 2 >= lo and toks[m - 1].text == "," and not ctx.inq[m - 1] and toks[m - 2].pos in PROPER:
        item = np_left(toks, m - 2, lo)
        if item is None or not all(toks[q].pos in PROPER or toks[q].pos == "DT" for q in range(item, m - 1)):
            break
        m = begin = item
    if begin is not None and begin == _clause_start(ctx, lo, begin + 1):
        return begin
    return None


#: Subordinators that open a sentence's first clause ("While Brookover did not spell out ..., Rep.
#: Chris Collins says ..."). Not "as": "As Breitbart News reported, ..." credits the main clause.
_OPENING_SUBORDINATORS = frozenset({"after", "when", "while", "although", "though", "because", "since", "if",
                                    "before", "until", "once", "whereas", "unless", "whenever"})


def _end_at_main_clause(ctx: _Ctx, raw: RawAttribution) -> None:
    """A paraphrase whose cue stands in the subordinate clause opening a sentence ends at the comma
    before the main clause: "When an NBC reporter later asked Trump if having Muslims register ...
    would be any different from ..., | Trump deflected.", "While Trump affirmed that he likes Cruz,
    | he also stated ...". The main clause is a noun phrase and a finite verb after a comma outside
    quotation marks. (PolNeAR train: of the paraphrases in such a clause that ran past the comma,
    the gold content stops there in 46 of 81; most of the others are "As X reported, ...", which
    credits the main clause and is left out here, or a comma inside a quotation.)"""
    if not raw.content or raw.postposed:
        return
    toks = ctx.tokens
    lo, hi = ctx.sent_bounds(raw.sentence)
    a, b = raw.cue
    if toks[lo].norm not in _OPENING_SUBORDINATORS or a <= lo or \
            any(toks[k].text == "," for k in range(lo, a)):
        return
    start, end = raw.content[-1]
    if start < toks[b - 1].end or ctx.text[start] in _OPEN_MARKS:
        return
    for c in range(b, hi - 2):
        if toks[c].start >= end:
            return
        if toks[c].text != "," or ctx.inq[c] or toks[c].start <= start:
            continue
        m = np_right(toks, c + 1, hi, appositive=False)
        if m is None:
            continue
        while m < hi and toks[m].pos == "RB":
            m += 1
        if m < hi and toks[m].pos in _FINITE and not any(ctx.inq[k] for k in range(c, m + 1)):
            raw.content[-1] = (start, toks[c - 1].end)
            return


#: Conjunctions and linking adverbs that open a sentence as a link to the one before, not as a part
#: of what is reported (PolNeAR train: "And,", "So,", "Still,", "In contrast," before "X said," are
#: outside the content 7 times in 10).
_CONNECTIVES = frozenset({"and", "but", "or", "so", "yet", "and yet", "but yet", "still", "also", "moreover",
                          "however", "meanwhile", "what's more", "in addition", "in contrast", "in particular",
                          "for example", "for instance", "indeed", "of course", "in fact", "besides",
                          "furthermore", "nevertheless", "nonetheless", "then again", "again"})


def _fronted_piece(ctx: _Ctx, raw: RawAttribution) -> None:
    """A phrase opening the sentence before a parenthetical cue ("Otherwise, she said, countries may
    simply steal growth", "Even then, he said, he's learned enough ...", "In the long run, many
    economists say, this effect could ...") is the content's first piece: the cue interrupts the
    sentence it reports. Only for a paraphrase: a quotation after the cue is the content alone
    ("In the excerpt, the author wrote, “...”"). PolNeAR train: the gold content holds the phrase
    69 times in 81 before a paraphrase, 32 in 98 before a quotation."""
    if raw.source is None or len(raw.content) != 1 or raw.postposed:
        return
    toks = ctx.tokens
    lo, hi = ctx.sent_bounds(raw.sentence)
    first = min(raw.cue[0], raw.source[0])
    last = max(raw.cue[1], raw.source[1])
    if first - 2 < lo or toks[first - 1].text != "," or last >= hi or toks[last].text != "," or \
            ctx.inq[first - 1] or ctx.inq[last]:
        return
    start = raw.content[0][0]
    if start < toks[last].end or ctx.text[start] in _OPEN_MARKS or \
            any(toks[k].text == "," or ctx.inq[k] or toks[k].text in _OPEN_MARKS for k in range(lo, first - 1)):
        return
    front = ctx.text[toks[lo].start:toks[first - 2].end].lower().replace("\u2019", "'")
    if front in _CONNECTIVES:
        return  # "But, he said, ...", "What's more, Cohn points out, ...": a link to what came before
    raw.content.insert(0, (toks[lo].start, toks[first - 2].end))


def _relative_object_piece(ctx: _Ctx, raw: RawAttribution) -> None:
    """The relative pronoun a cue's object stands for is the content's first piece: "..., which Mr.
    Trump called ''a disgrace''", "Chris Christie, whom he describes as having ...", "a country that
    Mitt Romney called ''our No. 1 geopolitical foe''", "what they characterize as shifting
    rhetoric". Only when the content after the cue is the object's description (it opens with "as"
    or a quotation mark), and not after a preposition ("in which Clinton expressed confidence that
    ...": the pronoun is no object of the cue). "what" only before "as" (PolNeAR train: "what X
    called ''...''" keeps the pronoun out 3 times in 4)."""
    if raw.source is None or len(raw.content) != 1 or raw.postposed:
        return
    toks = ctx.tokens
    lo, _ = ctx.sent_bounds(raw.sentence)
    r = raw.source[0] - 1
    if r < lo or raw.source[1] > raw.cue[0] or ctx.inq[r] or \
            r - 1 >= lo and toks[r - 1].pos in ("IN", "TO"):
        return
    if any(not (toks[k].pos in ("RB", "MD") or toks[k].lemma in ("be", "have", "do"))
           for k in range(raw.source[1], raw.cue[0])):
        return  # the cue is not the verb of that relative clause
    rel = toks[r].norm
    if not (rel in ("which", "whom") or rel == "that" and toks[r].pos == "WDT" or rel == "what"):
        return
    start = raw.content[0][0]
    first = next((t for t in toks[raw.cue[1]:raw.cue[1] + 3] if t.start >= start), None)
    if first is None or first.start != start:
        return
    if not (first.norm == "as" or ctx.text[start] in _OPEN_MARKS and rel != "what"):
        return
    raw.content.insert(0, (toks[r].start, toks[r].end))


def _passive_subject_piece(ctx: _Ctx, raw: RawAttribution) -> None:
    """The subject of a passive cue that names no agent is the content's first piece, as PolNeAR
    marks it: "Ginsburg | is known for | her liberal bent", "Three city commissioners | were charged |
    with receiving bribes", "The plan | was ultimately approved", "Roof | is accused of | killing
    nine people". Not an expletive ("It was reported that ...") and not a verb whose passive
    subject is the addressee ("he was asked whether ...", "voters were told ...") or a raising verb
    ("appears to"): PolNeAR train, the subject is the first piece for 71 of 83 other passive cues."""
    if raw.source is not None or not raw.content or raw.postposed:
        return
    toks = ctx.tokens
    a, b = raw.cue
    lo, _ = ctx.sent_bounds(raw.sentence)
    if raw.content[0][0] < toks[b - 1].end or a - 1 < lo or ctx.inq[a - 1]:
        return
    if not any(toks[k].lemma in ("be", "get") and toks[k].pos.startswith("VB") for k in range(a, b)) or \
            not any(toks[k].pos == "VBN" for k in range(a, b)):
        return
    known = ctx.data.cues.get(raw.lemma)
    if known is not None and ("A" in known.frames or "R" in known.frames):
        return
    start = np_left(toks, a - 1, lo)
    if start is None or a - 1 == start and toks[start].norm in ("it", "there", "this"):
        return
    raw.content.insert(0, (toks[start].start, toks[a - 1].end))


_CLAUSE_VERB_TAGS = frozenset({"VB", "VBD", "VBN", "VBP", "VBZ", "MD"})


def _coordinated_end(ctx: _Ctx, raw: RawAttribution) -> None:
    """Widen a source that stops before "and" + a noun phrase to both conjuncts: "Trump and his
    attorneys have vigorously denied ..., pointing to", "according to their friends and advisers,",
    "was quickly dismissed by the media and voters", '..., said former Pennsylvania Gov. and
    Democratic National Committee Chairman Ed Rendell.' (PolNeAR train: of the 31 sources that stop
    before such an "and", the gold source takes the second conjunct in all 31). Before the cue the
    second conjunct must be followed by the verb group (so that it is a co-subject, not the start of
    a clause); after it, by punctuation or the sentence's end. A content that opened inside the
    second conjunct ("According to USA TODAY contributor and monetary historian David Marsh, U.S.
    ...") starts after it."""
    if raw.source is None:
        return
    toks = ctx.tokens
    st, en = raw.source
    lo, hi = ctx.sent_bounds(raw.sentence)
    if en + 1 >= hi or toks[en].norm != "and" or ctx.inq[en] or toks[en + 1].norm in ("by", "that", "how"):
        return
    m = np_right(toks, en + 1, hi, appositive=False)
    after_cue = en > raw.cue[0]
    if m is not None:
        # a floating quantifier ends the subject ("Bernie Sanders and Ted Cruz both ..."); after
        # the cue a preposition other than "of" opens a setting ('..., said Watts of the Center for
        # Cyber and Homeland Security in his opening statement'), not a part of the name
        m = next((k for k in range(en + 2, m) if toks[k].norm in ("both", "all", "each") or
                  after_cue and toks[k].pos == "IN" and toks[k].norm != "of"), m)
    if m is None or m <= en + 1 or any(ctx.inq[k] or toks[k].pos in _CLAUSE_VERB_TAGS for k in range(en + 1, m)):
        return  # (a verb inside: the chunk ran into a clause, "Ted Cruz both campaigned hard")
    a = raw.cue[0]
    if en <= a:  # the source stands before the cue
        if m > a:
            return
        k = m
        while k < a and (toks[k].pos == "RB" or toks[k].norm in ("both", "all")):
            k += 1
        if not (k == a or toks[k].pos.startswith("VB") or toks[k].pos == "MD" or toks[k].text == ","):
            return
    elif not (m == hi or toks[m].pos in (".", ",", ":") or toks[m].text in _DASHES or
              toks[m].norm in ("in", "on", "at", "during")):
        return
    end_char = toks[m - 1].end
    pieces = list(raw.content)
    if pieces and pieces[0][0] < end_char and pieces[0][1] > toks[en].start:
        # the content opened in the second conjunct: it starts after it (and a comma)
        k = m + 1 if m < hi and toks[m].text == "," else m
        if k >= hi or toks[k].start >= pieces[0][1]:
            return
        pieces[0] = (toks[k].start, pieces[0][1])
    if any(c[0] < end_char and c[1] > toks[en].start for c in pieces):
        return
    raw.source = (st, m)
    raw.content[:] = pieces


_ARTICLES = frozenset({"a", "an", "the"})
#: Adverbs that open a description of a person between commas: "Harman, now director of the Wilson
#: Center,", "Rev. Kyev Tatum, then senior pastor at ...", "Sen. Ted Cruz, also a GOP presidential
#: hopeful,".
_DESCRIPTION_ADVERBS = frozenset({"now", "then", "also", "once", "formerly"})


def _describes_subject(inner, relatives: bool = True) -> bool:
    """Are the tokens between two commas after a subject part of the subject's phrase, which PolNeAR
    keeps in the source with the closing comma: an appositive ("a spokesman for Mrs. Clinton"; one
    opening with an article may hold a relative clause: "a Republican who has refused to endorse
    Mr. Trump", PolNeAR train: kept 69 times in 71), a relative clause ("who ...", "whose father
    was the Bush family pastor"), the members of a group ("Six Gannett newspapers in New Jersey,
    including the Asbury Park Press,"), an affiliation ("Mr. Mahaney, of RBC Capital Markets,") or
    a description opened by an adverb ("now a paid CNN commentator")? Not an adverbial ("in a
    statement", "for his part", "however"). Without `relatives`, a relative clause is not kept: a
    subject carried to a later cue ("Mr. Paulson, who made billions ..., ..., adding that") is
    annotated without it more often than with it (PolNeAR train: 7 of 10)."""
    if not inner:
        return False
    first = inner[0]
    no_verb = not any(x.pos.startswith("VB") and x.pos not in ("VBN", "VBG") for x in inner[1:])
    if first.pos in ("DT", "NN", "NNS", "NNP", "JJ", "PRP$", "CD"):
        return first.norm in _ARTICLES or no_verb
    if first.pos in ("WP", "WDT", "WP$"):
        return relatives
    if first.norm == "including" and len(inner) > 1:
        return no_verb
    if first.norm == "of" and len(inner) > 1 and inner[1].pos in PROPER:
        return no_verb  # "of RBC Capital Markets", "of Jacksonville, Fla."
    if first.norm in _DESCRIPTION_ADVERBS and len(inner) > 1 and \
            inner[1].pos in ("DT", "NN", "NNP", "JJ", "PRP$"):
        return no_verb
    return False


def _names_someone(toks, a: int, b: int) -> bool:
    return any(toks[x].pos in PROPER for x in range(a, b))


def _np_before_comma(toks, comma: int, lo: int) -> int | None:
    """Start of the noun phrase that ends right before tokens[comma] (a party tag's closing stop,
    "D-Mich.", tokenized apart, is skipped)."""
    e = comma - 1
    if e > lo and toks[e].text == ".":
        e -= 1
    return np_left(toks, e, lo) if e >= lo else None


#: Tags the tagger gives some person nouns that head a description ("the campaign chief", "her
#: main rival": JJ; "One superdelegate": VBP), and the tags of the words inside such a description.
_MISTAGGED_HEADS = frozenset({"JJ", "VB", "VBP"})
_DESCRIPTION_INNER = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "POS", "VBN", "CD"})


def _description_before_name(ctx: _Ctx, m: int, j: int, lo: int) -> int | None:
    """Start of a description whose head the tagger read as an adjective or a verb, set off by the
    name of the person it describes: "The chief, Paul Manafort, said", "her main rival, Bernie
    Sanders, said", "One superdelegate, Nancy Worley, said" (commas at m and j). An adjective cannot
    head a phrase that a name stands in apposition to, so the word is the noun. The description
    opens with a determiner, a possessive or "one" and opens its clause (or follows a comma); the
    words between the commas name someone and hold no finite verb. Else None."""
    toks = ctx.tokens
    e = m - 1
    if e < lo or toks[e].pos not in _MISTAGGED_HEADS or not toks[e].text.isalpha() or \
            not toks[e].text.islower():
        return None
    inner = range(m + 1, j)
    if not _names_someone(toks, m + 1, j) or not toks[m + 1].text[:1].isupper() and \
            toks[m + 1].pos not in NOUNS and toks[m + 1].pos != "VBN" or \
            any(toks[x].pos in ("VBD", "VBZ", "VBP", "MD", "WP", "WDT") or ctx.inq[x] for x in inner):
        return None
    k = e - 1
    while k >= lo and toks[k].pos in _DESCRIPTION_INNER and toks[k].norm != "one" and e - k < 6:
        k -= 1
    if k < lo or not (toks[k].pos in ("DT", "PRP$") or toks[k].norm == "one"):
        return None
    if k > _clause_start(ctx, lo, k + 1) and toks[k - 1].text != ",":
        return None
    return k


def _named_subject_before(ctx: _Ctx, start: int, m: int, lo: int) -> int:
    """Start of the clause's named subject when the phrase tokens[start:m] before the cue's commas
    is only one of its appositives: "Sen. Charles Grassley, R-Iowa, a longtime member of the
    committee, said", "Peter Schramm, another immigrant, and a scholar ..., often told"; or a noun
    inside a relative clause of the subject: "Senator Debbie Stabenow, D-Mich., who wrote the bill
    with her counterpart, Rep. Frank Lucas, R-Okla., said". The subject must open the clause and
    name someone; otherwise `start` stands."""
    toks = ctx.tokens
    k = _clause_start(ctx, lo, start + 1)
    if start <= k:
        return start
    first = start
    for _ in range(2):  # "Name, R-Ky., a member of ..., said": up to two appositives back
        if first - 2 < k or toks[first - 1].text != ",":
            break
        first = _np_before_comma(toks, first - 1, lo)
        if first is None:
            break
        if first == k:
            return first if _names_someone(toks, first, start - 1) else start
    for w in range(start - 1, max(k, m - 45), -1):
        t = toks[w]
        if ctx.inq[w] or t.text in _CLOSE_MARKS:
            break
        if t.norm == "who" and t.pos == "WP" and toks[w - 1].text == "," and w - 2 >= k:
            first = _np_before_comma(toks, w - 1, lo)
            if first is not None and first != k and first - 2 >= k and toks[first - 1].text == ",":
                first = _np_before_comma(toks, first - 1, lo)  # "Stabenow, D-Mich., who"
            if first is not None and first == k and _names_someone(toks, first, w):
                return first
            break
    return start


_TIME_PREPS = frozenset({"in", "on", "last", "this", "since", "during", "until", "through"})


def _before_time_adverbial(toks, j: int, lo: int) -> int:
    """The token before a time adverbial that ends at tokens[j] ("Gallup in March shows", "Trump on
    October 3 said"), else j: the source is the noun phrase before it (PolNeAR leaves time adverbials
    out of sources)."""
    k = j
    while k >= lo and (toks[k].norm in TIME_WORDS or toks[k].norm in NAME_MONTHS or
                       toks[k].pos == "CD" or toks[k].norm in ("early", "late", "mid")):
        k -= 1
    if k < j and k - 1 >= lo and toks[k].norm in _TIME_PREPS and \
            any(toks[m].norm in TIME_WORDS or toks[m].norm in NAME_MONTHS for m in range(k + 1, j + 1)):
        return k - 1
    return j



def _left_source_np(ctx: _Ctx, i: int, lo: int) -> tuple[tuple[int, int] | None, int]:
    """Source noun phrase before the cue at i, and the index of the token before that phrase.

    A parenthetical between subject and cue is skipped ("Andrabi, responding to a query, said").
    """
    toks = ctx.tokens
    j = _skip_aux_left(toks, i - 1, lo, progressive=toks[i].pos == "VBG")
    if j < lo:
        return None, j
    j = _before_time_adverbial(toks, j, lo)
    if toks[j].norm in ("and", "but") and any(toks[m].pos.startswith("VB") and not ctx.inq[m]
                                              for m in range(lo, j)):
        # "X did Y and said ...": the subject of the first verb
        subj = _sentence_subject(ctx, lo, ctx.sent_bounds(toks[i].sentence)[1], j)
        return (subj, lo - 1) if subj else (None, j)
    if toks[j].text == ",":
        # "X, a spokesman for Y, said" / "X, who ..., said": find the opening comma
        m = j - 1
        while m >= lo and toks[m].text != "," and j - m < 30:
            if toks[m].text in _CLOSE_MARKS or ctx.inq[m]:
                break
            m -= 1
        if m >= lo and toks[m].text == ",":
            start = np_left(toks, m - 1, lo)
            if start is None:
                start = _description_before_name(ctx, m, j, lo)
                if start is not None:
                    return (start, j + 1), start - 1
            if start is not None:
                start = _named_subject_before(ctx, start, m, lo)
                if _describes_subject(toks[m + 1:j]):
                    # PolNeAR's source span keeps the comma that closes the appositive
                    # ("Muhammad Babar, a spokesman for the Louisville Islamic Center,")
                    return (start, j + 1), start - 1
                return (start, m), start - 1
        return None, j
    start = np_left(toks, j, lo)
    if start is None:
        start = _issued_head(ctx, j, lo)
        return ((start, j + 1), start - 1) if start is not None else (None, j)
    start = _participle_head(ctx, start, lo)
    return (start, j + 1), start - 1


def _issued_head(ctx: _Ctx, j: int, lo: int) -> int | None:
    """Start of a subject that a participle and a bare time adverbial close, ending at tokens[j]: "A
    court document filed Thursday says", "New polls released Sunday showed", "A new batch of emails
    released this week showed" (PolNeAR keeps the participle clause in the source; a clause with a
    preposition, "released on Monday by the agency", is `_participle_head`'s). The subject opens its
    clause. Else None."""
    toks = ctx.tokens
    k = j
    while k > lo and (toks[k].norm in TIME_WORDS or toks[k].norm in ("this", "last", "earlier")):
        k -= 1
    if k == j or k - 1 < lo or toks[k].pos not in ("VBN", "VBD") or toks[k].lemma not in _ISSUED or \
            toks[k - 1].pos not in NOUNS or ctx.inq[k]:
        return None
    head = np_left(toks, k - 1, lo)
    if head is None or head != _clause_start(ctx, lo, head + 1) and toks[head - 1].text != ",":
        return None
    return head


#: Prepositions that open the adverbials of a participle clause: "issued on October 31",
#: "released Monday by the agency", "signed in Doha".
_PARTICIPLE_PREPS = frozenset({"on", "in", "at", "by", "for", "from", "with", "during", "after", "before",
                               "under", "over", "through", "since", "to", "of", "against"})


def _participle_head(ctx: _Ctx, start: int, lo: int) -> int:
    """Start of the subject when the noun phrase at `start` is only the object inside a participle
    clause that modifies it: "a joint statement issued on October 31 announced", "A report released
    on Monday by the agency found", "the man accused of killing her said". The subject must open its
    clause (or follow a comma or conjunction), so "Trump attacked a bill passed by Congress" leaves the
    source alone. Otherwise `start` stands."""
    toks = ctx.tokens
    if toks[start].pos == "PRP":
        return start  # "after he condemned": a subject pronoun opens a clause of its own
    k = start - 1
    if k - 1 >= lo and toks[k].pos == "VBG":
        k -= 1  # "accused of killing her father"
    if k < lo or toks[k].pos != "IN" or toks[k].norm not in _PARTICIPLE_PREPS:
        return start
    for _ in range(12):
        k -= 1
        if k < lo or ctx.inq[k]:
            return start
        t = toks[k]
        if t.pos == "VBN":
            break
        if t.pos in NP_INNER or t.pos in PROPER or t.pos in ("CD", "RB") or \
                t.pos == "IN" and t.norm in _PARTICIPLE_PREPS:
            continue  # the participle's adverbials and their objects
        return start
    else:
        return start
    h = k - 1
    if h < lo or toks[h].pos not in ("NN", "NNS", "NNP", "NNPS"):
        return start
    head = np_left(toks, h, lo)
    if head is None:
        return start
    if head == _clause_start(ctx, lo, head + 1) or toks[head - 1].text == "," or toks[head - 1].pos == "CC":
        return head
    return start


#: Tokens that end a closing "according to" source's run to the sentence end: punctuation that opens
#: or closes an aside or another clause.
_TAIL_STOPS = frozenset((",", ";", ":", "(", ")", "[", "]") + _DASHES)


def _according_tail(ctx: _Ctx, src_end: int, hi: int) -> int:
    """A closing "according to" phrase runs to the sentence end: "..., according to a count by The
    Associated Press.", "..., according to a person who attended and described her remarks on the
    condition of anonymity.", "..., according to three people briefed on the discussions." (PolNeAR
    takes the whole phrase; the noun-phrase reader stopped at the head noun). Not past a comma, a
    colon, a dash or a bracket, nor into a quotation."""
    toks = ctx.tokens
    end = hi
    while end > src_end and (toks[end - 1].text in _FINAL or toks[end - 1].text in _CLOSE_MARKS):
        end -= 1
    if end <= src_end or toks[src_end - 1].text in _TAIL_STOPS or any(
            toks[m].text in _TAIL_STOPS or toks[m].text in _OPEN_MARKS or ctx.inq[m] for m in range(src_end, end)):
        return src_end
    return end


def _according(ctx: _Ctx, i: int, lo: int, hi: int) -> RawAttribution | None:
    toks = ctx.tokens
    src_end = np_right(toks, i + 2, hi, appositive=False)
    if src_end is None:
        return None
    src_end = _participle_clause_end(ctx, src_end, hi)
    if i - 1 >= lo and toks[i - 1].text == ",":
        src_end = _according_tail(ctx, src_end, hi)
    source = (i + 2, src_end)
    if i - 1 >= lo and toks[i - 1].text == ",":
        span = _trim_span(ctx, _clause_start(ctx, lo, i), i - 1)
        after = _trim_span(ctx, src_end, hi) if src_end < hi and toks[src_end].text == "," else None
        if span is None:
            return None
        content = [span] + ([after] if after and toks[src_end + 1].pos != "VBG" else [])
    else:
        k = src_end
        while k < hi and toks[k].text == ",":
            k += 1
        end = _content_end(ctx, k, hi)
        span = _trim_span(ctx, k, end)
        before = _trim_span(ctx, _clause_start(ctx, lo, i), i) if i > _clause_start(ctx, lo, i) + 1 else None
        if span is None and (before is None or src_end < hi and toks[src_end].pos != "." or
                             ctx.inq[_clause_start(ctx, lo, i)]):
            return None
        # (a source running to the sentence's end leaves the clause before it as the content: "That's
        # according to early results of exit polls conducted for the Associated Press."; a quotation
        # before it is credited as a quotation: '“...,” according to Judicial Watch.')
        content = ([before] if before else []) + ([span] if span else [])
    return RawAttribution((i, i + 2), source, content, toks[i].sentence, _ACCORDING, "according to")


#: Past participles that open a clause describing a report, a poll or a filing ("a poll released
#: Wednesday", "exit polls conducted for the Associated Press", "a lawsuit filed in Manhattan").
_ISSUED = word_set("issued")


def _participle_clause_end(ctx: _Ctx, end: int, hi: int) -> int:
    """End of a source phrase ending at `end` with the participle clause that describes it when one
    follows up to the clause's end: "according to early results of exit polls conducted by Edison
    Research for the Associated Press", "according to a Quinnipiac poll conducted in February",
    "according to data released Friday by state gaming regulators" (PolNeAR keeps the clause in the
    source: on train 36 sources stopped before such a clause, here or before the cue, see
    `_issued_head`). The participle takes no object (its next word is a preposition, a time word or a
    date), and the clause runs to a comma or the sentence's end."""
    toks = ctx.tokens
    if end + 1 >= hi or toks[end].pos not in ("VBN", "VBD") or toks[end].lemma not in _ISSUED or \
            ctx.inq[end] or toks[end - 1].pos not in NOUNS:
        return end
    nxt = toks[end + 1]
    if not (nxt.pos == "IN" and nxt.norm in _PARTICIPLE_PREPS or nxt.norm in TIME_WORDS or
            nxt.norm in ("this", "last", "earlier")):
        return end
    e = end + 1
    while e < hi and toks[e].text not in (",", ";", ":") and toks[e].pos != "." and not ctx.inq[e] and \
            not (toks[e].pos in _FINITE and toks[e].pos != "VBD" or toks[e].pos in ("WDT", "WP")):
        e += 1
    if e < hi and toks[e].text not in (",", ";") and toks[e].pos != ".":
        return end  # a finite verb or a quotation: not a clause of the source's
    return e


def _postposed_source(ctx: _Ctx, i_end: int, hi: int) -> tuple[int, int] | None:
    """Inverted source after the cue: "..., said Rep. Gwen Moore (D-Wis.).", "..., said one of
    those advisers"."""
    toks = ctx.tokens
    end = np_right(toks, i_end, hi, appositive=True, of_heads=True)
    if end is None:
        return None
    if end + 1 < hi and (toks[end].norm in ("and", "but") and toks[end + 1].pos in ("VBD", "VBZ") or
                         toks[end].norm in ("before", "after", "while") and toks[end + 1].pos == "VBG"):
        # '..., said Li Xiaojin but added ...', '..., said the security chief before joking ...':
        # a verb joined to the source, or a clause of time, ends the source
        return i_end, _adverbial_tail(toks, i_end, end)
    if end + 1 < hi and toks[end].norm in ("who", "whose") and toks[end].pos in ("WP", "WP$") and \
            not ctx.inq[end]:
        # a relative clause right after the noun phrase, with no comma, belongs to the source as
        # it does after one: '"...," says John Bursch who argued on behalf of ...', '"...," said a
        # military official who spoke on condition of anonymity' (the clause had been read as the
        # cue's content, and the quotation's first words as its source)
        return i_end, _source_to_end(toks, end, hi)
    if end < hi and toks[end].text == "," or _rest_is_adjunct(ctx, end, hi):
        if end + 1 < hi and toks[end].text == "," and not ctx.inq[end + 1] and \
                (toks[end + 1].norm in ("a", "an", "the", "who", "whose") or toks[end + 1].pos in ("NN", "JJ") or
                 toks[end + 1].pos == "CD" and end + 2 < hi and toks[end + 2].text == ","):
            # a description closing the sentence belongs to the source, relative clauses and
            # all: "..., said Kenneth Baer, a former Obama administration official who runs
            # Crosscut Strategies." (PolNeAR train: to the sentence end 117 times in 170; the
            # name alone 6 times); so do one opening with "the", a relative clause and an age
            # ("said Anita Dunn, who was ...", "said Misha Shah, 32, of Chicago": to the end 76
            # times against 41 for the name alone)
            return i_end, _source_to_end(toks, end + 1, hi)
        return i_end, _adverbial_tail(toks, i_end, end)
    return None


def _lone_relative(toks, source) -> bool:
    """A source that is a relative pronoun alone ("..., who claimed a 12-year affair"): its clause
    hangs on a noun of the clause before, so the words before it (that clause, its quotation) are
    never its content."""
    return source is not None and source[1] - source[0] == 1 and toks[source[0]].pos in ("WP", "WDT")


def _relative_content(ctx: _Ctx, i_end: int, hi: int) -> list | None:
    """The content of a lone relative pronoun's cue that takes no clause: the rest of the
    relative clause after the cue ("who claimed a 12-year affair", "who recently wrote about the
    law, disagreed", "who admitted to lying to federal investigators")."""
    toks = ctx.tokens
    end = i_end
    while end < hi and not (toks[end].text in (",", ";", ":") or toks[end].text in _DASHES) or \
            end < hi and ctx.inq[end]:
        end += 1
    span = _trim_span(ctx, i_end, end) if end > i_end else None
    return [span] if span is not None else None


def _source_to_end(toks, start: int, hi: int) -> int:
    """The end of an inverted source whose description or relative clause opens at `start` and
    runs to the sentence's end, or to a comma before "according to", "adding", "in ..."."""
    e = start + 1
    while e < hi and not (toks[e].text == "," and e + 1 < hi and (
            toks[e + 1].norm == "according" or toks[e + 1].pos in ("VBG", "IN"))):
        e += 1
    while e > start and (toks[e - 1].text in _FINAL or toks[e - 1].text in _CLOSE_MARKS):
        e -= 1
    return e


def _charge_pattern(ctx: _Ctx, i: int, lo: int, hi: int, lemma: str, frame: CueFrame, found=()):
    """"..., a charge the Taliban government denies." -> source "the Taliban government",
    content: the clause before the comma."""
    toks = ctx.tokens
    j = _skip_aux_left(toks, i - 1, lo)
    if j >= lo + 1 and toks[j].norm in ("nor", "or") and toks[j - 1].pos.startswith("VB"):
        j = _skip_aux_left(toks, j - 2, lo)  # "neither confirmed nor denied"
    if j >= lo and toks[j].norm in ("neither", "either"):
        j = _skip_aux_left(toks, j - 1, lo)
    start = np_left(toks, j, lo) if j >= lo else None
    if start is None:
        return None
    for k in range(j - 1, start - 1, -1):
        if toks[k].norm in _CHARGE_NOUNS:
            start = k + 1  # the chunker joined the noun and the source: "a charge Islamabad denied"
            break
    m = start - 1
    while m >= lo and toks[m].norm in ("that", "which"):
        m -= 1
    if m < lo or toks[m].norm not in _CHARGE_NOUNS:
        return None
    d = m - 1
    while d >= lo and toks[d].pos in ("DT", "JJ"):
        d -= 1
    if d < lo or toks[d].text != ",":
        return None
    for prev in reversed(found):
        if prev.content and prev.content[-1][1] <= toks[d].start and prev.sentence == toks[i].sentence:
            content = list(prev.content)  # "X says Y, a charge Z denies": Z denies Y
            break
    else:
        span = _trim_span(ctx, _clause_start(ctx, lo, d), d)
        if span is None:
            return None
        content = [span]
    return RawAttribution((i, i + 1), (start, j + 1), content, toks[i].sentence, frame, lemma)


def _gerund(tok) -> bool:
    """An -ing form after "by" is a means ("responded by offering a role"), never a passive's agent
    (the tagger reads some of them as nouns)."""
    return tok.pos == "VBG" or tok.pos == "NN" and tok.norm.endswith("ing") and tok.text.islower()


#: Nouns after "by" that name how something was said, not who said it: "Mr. Trump said by
#: telephone", "she told reporters by phone", "wrote by email" (an active cue, no passive's agent).
_MEANS_OF_SPEECH = word_set("means_of_speech")


#: Cues whose passive with "by" credits a report to its agent, the outlet or body that made it known.
_REPORTED_BY = word_set("reported_by")


def _by_agent(ctx, i, i_end, lo, hi, frame, lemma, found) -> RawAttribution | None:
    """Passive with an agent: "..., a claim consistently denied by Kabul" / "the plan, criticised by
    the opposition" / "The letter was first reported by The New York Times" / "The deal, first
    reported by Reuters, ...": the agent speaks, the noun phrase before is the content."""
    toks = ctx.tokens
    end = np_right(toks, i_end + 1, hi, appositive=False)
    if end is None:
        return None
    for m in range(i_end + 2, end - 1):
        if toks[m].pos == "IN" and toks[m + 1].norm in TIME_WORDS:
            end = m  # "by the White House on Monday": the agent ends before its time
            break
    # a report's passive ("The letter was first reported by The New York Times", "The deal, first
    # reported by Reuters, ..."); other verbs' full passives are mostly no attribution ("was
    # attacked by insurgents", "were confirmed by wide margins", "is backed by science")
    reported = lemma in _REPORTED_BY
    j = _skip_aux_left(toks, i - 1, lo, progressive=reported)  # "was (first) reported": be as well
    cue_start = j + 1  # the cue holds its auxiliaries and adverbs ("was first reported")
    if reported and j > lo and toks[j].text == "," and toks[j - 1].pos in NOUNS:
        j -= 1  # a participle clause after its noun
    if j < lo:
        return None
    start = np_left(toks, j, lo)
    if start is None:
        return None
    if toks[j].norm in _CHARGE_NOUNS and start - 1 >= lo and toks[start - 1].text == ",":
        d = start - 1
        content = None
        for prev in reversed(found):
            if prev.content and prev.content[-1][1] <= toks[d].start:
                content = list(prev.content)
                break
        span = _trim_span(ctx, _clause_start(ctx, lo, d), d)
        content = content or ([span] if span else None)
    else:
        span = _trim_span(ctx, start, j + 1)
        content = [span] if span else None
    if not content:
        return None
    return RawAttribution((cue_start, i_end), (i_end + 1, end), content, toks[i].sentence, frame,
                          lemma)


_COLON = CueFrame(":", "C", "speech")


def _colon_pattern(ctx: _Ctx, lo: int, hi: int) -> RawAttribution | None:
    """Headlines and transcripts: "Sanders: Clinton needs to ...", "WALLACE: Let's start ...",
    and "Iran gives 'special importance' to Pakistan ties: Pezeshkian"."""
    toks = ctx.tokens
    k = lo
    while k < hi and toks[k].text in _OPEN_MARKS:
        k += 1
    end = np_right(toks, k, hi, appositive=False)
    if end is not None and end - k <= 6 and end + 3 < hi and toks[end].text == ":" and \
            any(toks[m].pos in PROPER or toks[m].text.isupper() for m in range(k, end)) and \
            (not ctx.inq[end] or all(toks[m].text.isupper() for m in range(k, end) if toks[m].text[:1].isalpha())) \
            and toks[end - 1].norm not in ctx.data.colon_labels:
        # (a transcript turn inside a quoted transcript, '"WALLACE: Let's start ...', counts too)
        span = _trim_span(ctx, end + 1, hi)
        if span and _says_something(toks, k, end, hi) and not _names_its_own_speaker(ctx, end + 1, hi):
            return RawAttribution((end, end + 1), (k, end), [span], toks[lo].sentence, _COLON, ":")
    # "...: Pezeshkian" closing a headline (a paragraph of one sentence, no final stop)
    if hi - lo >= 5 and toks[hi - 1].text not in _FINAL:
        for c in range(hi - 2, max(lo + 2, hi - 5), -1):
            if toks[c].text == ":" and all(toks[m].pos in PROPER for m in range(c + 1, hi)):
                span = _trim_span(ctx, lo, c)
                if span:
                    return RawAttribution((c, c + 1), (c + 1, hi), [span], toks[lo].sentence, _COLON, ":")
                break
    return None


def _names_its_own_speaker(ctx: _Ctx, a: int, hi: int) -> bool:
    """Whether the words after a headline's colon open with their own speaker and cue ("Charlie
    Hebdo: Al Qaeda in Yemen says it ordered ..."): the label before the colon is the topic, not a
    speaker. The first verb is a cue, after a noun."""
    toks = ctx.tokens
    for m in range(a, hi):
        t = toks[m]
        if t.pos.startswith("VB") or t.pos == "MD":
            return t.pos in ("VBZ", "VBD", "VBP") and t.lemma in ctx.data.cues and m > a and \
                toks[m - 1].pos in NOUNS
        if t.text in _OPEN_MARKS:
            return False
    return False


def _says_something(toks, k: int, end: int, hi: int) -> bool:
    """Whether the words after the label toks[k:end] and its colon can be what someone says: any
    turn of a transcript (a label in capitals: "CLERK: Yeah, just"), a quotation, a verb ("That's
    correct"), or three words ("Police: 5 dead in shooting"). A figure and its rank are a table's
    cell ("Roads in poor condition: 6.9% (17th highest)", "Winner: Marco Rubio"), not speech."""
    if all(toks[m].text.isupper() for m in range(k, end) if toks[m].text[:1].isalpha()):
        return True
    if toks[end + 1].text in _OPEN_MARKS:
        return True
    words = 0
    for m in range(end + 1, hi):
        t = toks[m]
        if t.pos.startswith("VB") or t.pos == "MD" or t.norm in ("'s", "’s", "'re", "’re", "'m", "’m"):
            return True
        words += any(c.isalpha() for c in t.text)
    return words >= 3


_DASH = CueFrame("―", "C", "speech")
_CREDIT_DASHES = ("―", "—", "--", "–")


def _credit_line(ctx: _Ctx, qi: int, m: int) -> RawAttribution | None:
    """A quotation closing its paragraph, credited in the next paragraph by a dash and a name
    alone, as fact checks and collections of quotes do: '"... pay zero taxes."' / '- Sanders.',
    '-President Obama, tweeting after Clinton's speech.' (cue the dash, source the name up to a
    comma or the stop). The name is two capitalised words or more, or one the article writes
    elsewhere as the last of a longer name ("Sanders" after "Bernie Sanders"): not "- Reuters."
    nor "– An immigrant himself –."."""
    text, toks = ctx.text, ctx.tokens
    q = ctx.quotes[qi]
    if text[text.rfind("\n", 0, q.start) + 1:q.start].strip():
        return None  # the quotation must open its paragraph
    while m < len(text) and text[m].isspace():
        m += 1
    line_end = text.find("\n", m)
    line_end = len(text) if line_end < 0 else line_end
    if m >= len(text) or text[m] not in "\u2015\u2014-\u2013":
        return None
    d = bisect_left(ctx.columns.starts, m)
    if d >= len(toks) or toks[d].start != m or toks[d].text not in _CREDIT_DASHES + ("-",):
        return None
    e = d + 1
    while e < len(toks) and toks[e].start < line_end and _capitalised(toks[e].text) and e - d <= 4:
        e += 1
    if e == d + 1 or e < len(toks) and toks[e].start < line_end and toks[e].text not in (",", "."):
        return None
    if e - d == 2:
        # one word: a surname the article gives with a first name before it
        word = toks[d + 1].text
        if not any(toks[k].text == word and k > 0 and _capitalised(toks[k - 1].text) and toks[k - 1].pos in PROPER
                   for k in range(len(toks)) if k != d + 1):
            return None
    return RawAttribution((d, d + 1), (d + 1, e), [(q.start, q.end)], toks[d].sentence, _DASH, "\u2015",
                          postposed=True, quote_ids=[qi])


def _dash_credits(ctx: _Ctx) -> list[RawAttribution]:
    """A quotation credited by a dash and a name, the testimonial convention:
    "“He represents our greatest shame.” ― Sonya Herridge" (cue the dash, source the name)."""
    toks = ctx.tokens
    out = []
    for qi, q in enumerate(ctx.quotes):
        m = q.end
        while m < len(ctx.text) and ctx.text[m] in " \u00a0\t":
            m += 1
        if m < len(ctx.text) and ctx.text[m] == "\n" and q.words >= 3:
            raw = _credit_line(ctx, qi, m)
            if raw is not None:
                out.append(raw)
            continue
        if m >= len(ctx.text) or ctx.text[m] not in "\u2015\u2014-\u2013" or q.words < 3:
            continue
        d = bisect_left(ctx.columns.starts, m)
        if d >= len(toks) or toks[d].start != m or toks[d].text not in _CREDIT_DASHES:
            continue
        e = d + 1
        while e < len(toks) and e - d <= 4 and toks[e].text[:1].isupper() and toks[e].text[:1].isalpha() and \
                "\n" not in ctx.text[toks[e - 1].end:toks[e].start]:
            e += 1
        if e == d + 1 or e < len(toks) and "\n" not in ctx.text[toks[e - 1].end:toks[e].start] and \
                toks[e].text not in _FINAL + ",":
            continue  # the dash must be followed by a name that closes the line
        out.append(RawAttribution((d, d + 1), (d + 1, e), [(q.start, q.end)], toks[d].sentence, _DASH, "\u2015",
                                  postposed=True, quote_ids=[qi]))
    return out


#: The cue of an embedded post (`_post_credits`); build.py tells its attributions by this frame.
POST = CueFrame("post", "C", "writing")


def _post_credits(ctx: _Ctx) -> list[RawAttribution]:
    """An embedded social-media post (a quotation region without marks, framing.text.posts)
    credited to the name in its signature: "... https://t.co/x — Donald J. Trump
    (@realDonaldTrump) February 11, 2020" (cue the dash, source the name before the handle,
    lemma "post", a plain reporting verb)."""
    toks = ctx.tokens
    starts = ctx.columns.starts
    out = []
    for qi, q in enumerate(ctx.quotes):
        if q.marks:
            continue
        m = q.end
        while m < len(ctx.text) and ctx.text[m].isspace():
            m += 1
        line_end = ctx.text.find("\n", m)
        sig = SIGNATURE.match(ctx.text, m, len(ctx.text) if line_end < 0 else line_end)
        if sig is None:
            continue  # the signature must follow the post, nothing but space between
        # the dash's token (a dash written against the post's last link is inside that token)
        d = bisect_right(starts, sig.start("dash")) - 1
        lo = bisect_left(starts, sig.start("name"))
        hi = bisect_left(starts, sig.end("name"))
        if d < 0 or not d < lo < hi:
            continue
        out.append(RawAttribution((d, d + 1), (lo, hi), [(q.start, q.end)], toks[d].sentence, POST,
                                  "post", postposed=True, quote_ids=[qi]))
    return out


_ASKED = CueFrame("ask", "C", "speech")
#: "The FBI is reportedly making arrangements ...": the writer passes on what others report and
#: names no one (PolNeAR: cue "reportedly", no source, the clause around it the content).
_HEARSAY = frozenset({"reportedly"})
_REPORTEDLY = CueFrame("reportedly", "C", "speech")
_EVIDENCE_IN = CueFrame("in", "C", "evidence")


def _infinitive(toks, k: int, hi: int) -> bool:
    """Is tokens[k], right after "to", a verb? The tagger reads some verbs as nouns there ("is
    expected to sign the measure", "to visit Capitol Hill", "to delay casting"): a lower-case
    singular noun counts too when more words follow it ("is known to police." does not)."""
    t = toks[k]
    if t.pos.startswith("VB"):
        return True
    return t.pos == "NN" and t.text.islower() and k + 1 < hi and toks[k + 1].text[:1].isalnum() and \
        toks[k + 1].norm not in ("of", "and", "or") and toks[k + 1].pos != "POS"


def _raising(ctx: _Ctx, i: int, i_end: int, lo: int, hi: int, frame: CueFrame, lemma: str):
    """Attributions with no source, where the writer reports a stance without naming who holds it:
    "Trump is expected to deliver a speech" (frame P: a passive cue), "The speaker appeared to
    soften" (frame R: a raising verb), "It is believed that ...", "It appears that ...".
    PolNeAR's content is the subject and the to-clause, two pieces ("Trump | to deliver ...")."""
    toks = ctx.tokens
    t = toks[i]
    b = i
    if "P" in frame.frames and t.pos in ("VBN", "VBD"):
        b = i - 1
        while b >= lo and (toks[b].pos == "RB" or toks[b].norm in ("not", "n't")):
            b -= 1
        if b < lo or not (toks[b].lemma == "be" and toks[b].pos.startswith("VB") or toks[b].norm in _CONTRACTED_AUX):
            return None
    elif not ("R" in frame.frames and t.pos in ("VBZ", "VBD", "VBP", "VB")):
        return None
    k = i_end
    if k < hi and toks[k].text == ",":  # "It appears, though, that ..."
        m = k + 1
        while m < hi and m - k < 4 and toks[m].text != ",":
            m += 1
        if m < hi and toks[m].text == "," and m + 1 < hi and toks[m + 1].norm == "that":
            k = m + 1
    j = _skip_aux_left(toks, b - 1, lo)
    subj_start = np_left(toks, j, lo) if j >= lo else None
    if subj_start is None:
        return None
    expletive = toks[subj_start].norm == "it" and subj_start == j
    if k + 1 < hi and toks[k].norm == "to" and _infinitive(toks, k + 1, hi) and not expletive:
        if toks[subj_start].norm in ("there",):
            return None
        subject = (toks[subj_start].start, toks[j].end)
        span = _trim_span(ctx, k, _content_end(ctx, k, hi))
        if span is None:
            return None
        content = [subject, span]
    elif expletive and k < hi and toks[k].norm == "that":
        span = _trim_span(ctx, k, _content_end(ctx, k, hi))
        if span is None:
            return None
        content = [span]
    elif "R" in frame.frames and not expletive and \
            toks[subj_start].norm not in ("there",) and _predicative(toks, k, hi):
        # "he appears somewhat uneasy", "the Trump team appeared paralyzed", "Cruz seemed lost",
        # "Donald Trump appeared poised to win": the subject and the predicative, two pieces
        span = _trim_span(ctx, k, _content_end(ctx, k, hi))
        if span is None:
            return None
        content = [(toks[subj_start].start, toks[j].end), span]
    else:
        return None
    return RawAttribution((b, i_end), None, content, t.sentence, frame, lemma)


def _predicative(toks, k: int, hi: int) -> bool:
    """Does an adjective or a participle (after degree adverbs) follow a raising verb at tokens[k]:
    "appears somewhat uneasy", "seemed rattled by attacks", "appeared headed for"?"""
    while k < hi and toks[k].pos == "RB" and toks[k].norm not in ("not", "n't"):
        k += 1
    return k < hi and toks[k].pos in ("JJ", "JJR", "VBN") and not toks[k].text[:1].isupper()


_ASK_NEXT = frozenset({"whether", "if", "about", "what", "why", "how", "who", "when", "where", "which"})


def _hearsay_pattern(ctx: _Ctx, i: int, lo: int, hi: int, found) -> RawAttribution | None:
    """"The Club for Growth is reportedly spending $1.5 million ...", "Reportedly, he made ...":
    a sourceless cue whose content is its clause, in two pieces around the adverb. Not when a cue
    verb follows it ("reportedly said", "reportedly told"): that verb is the cue."""
    toks = ctx.tokens
    k = i + 1
    while k < hi and (toks[k].pos == "RB" or toks[k].lemma in ("be", "have")):
        k += 1
    if any(r.cue[0] <= k < r.cue[1] or r.cue[0] <= i < r.cue[1] for r in found):
        return None
    if i == lo or i == _clause_start(ctx, lo, hi):
        if i + 2 < hi and toks[i + 1].text == ",":
            span = _trim_span(ctx, i + 2, _content_end(ctx, i + 2, hi))
            return RawAttribution((i, i + 1), None, [span], toks[i].sentence, _REPORTEDLY, "reportedly") \
                if span else None
        return None
    j = i - 1
    while j >= lo and (toks[j].pos in ("RB", "MD") or toks[j].lemma in ("be", "have", "do") or
                       toks[j].norm in _CONTRACTED_AUX):
        j -= 1  # "is reportedly", "has reportedly", "will also reportedly"
    if not (k < hi and (toks[k].pos.startswith("VB") or j < i - 1 and toks[k].text[:1].isalnum())):
        return None  # a verb follows (the tagger reads "is reportedly spending" as a noun after an auxiliary)
    start = np_left(toks, j, lo) if j >= lo else None
    if start is None or toks[start].pos in ("WP", "WDT"):
        return None
    rest = _trim_span(ctx, i + 1, _content_end(ctx, i + 1, hi))
    if rest is None:
        return None
    return RawAttribution((i, i + 1), None, [(toks[start].start, toks[i - 1].end), rest], toks[i].sentence,
                          _REPORTEDLY, "reportedly")


def _asked_pattern(ctx: _Ctx, lo: int, hi: int) -> RawAttribution | None:
    """"Asked whether Clinton has the integrity to serve, 75 percent said yes": the question is an
    attribution with no source (PolNeAR: cue "Asked", content up to the comma)."""
    toks = ctx.tokens
    k = _clause_start(ctx, lo, hi)
    if k < hi and toks[k].norm in ("when", "if", "once"):
        k += 1
    if k + 2 >= hi or toks[k].norm != "asked" or toks[k + 1].norm not in _ASK_NEXT or ctx.inq[k]:
        return None
    m = k + 1
    while m < hi and not (toks[m].text == "," and not ctx.inq[m]):
        m += 1
    if m >= hi:
        return None
    end = m
    # "Asked about X, ...": the question is X, without the preposition (as for "talk about X")
    # (PolNeAR's cue is then "Asked about")
    first = k + 2 if toks[k + 1].norm == "about" and k + 2 < end else k + 1
    # a quotation closing with its comma inside ("... as president,”")
    span = _trim_span(ctx, first, end)
    if span is None:
        return None
    return RawAttribution((k, first), None, [span], toks[k].sentence, _ASKED, "ask")


def _evidence_pattern(ctx: _Ctx, lo: int, hi: int) -> RawAttribution | None:
    """Polls and studies as sources: "In a CNN/ORC poll released Monday, Clinton led by 10 points."
    (cue "In", source the poll, content the clause). The nouns that count are data (evidence.tsv).
    The same phrase closing a sentence ("Trump leads in the polls") is not taken: on PolNeAR train
    only a third of those were annotated."""
    toks = ctx.tokens
    nouns = ctx.data.evidence_nouns
    if not nouns:
        return None
    k = _clause_start(ctx, lo, hi)
    if k + 1 < hi and toks[k].norm == "in" and not ctx.inq[k] and \
            toks[k + 1].pos in ("DT", "JJ", "JJS", "NNP", "CD", "PRP$", "NN", "NNS"):
        m = k + 1
        while m < hi and toks[m].text != "," and m - k < 16 and toks[m].pos not in ("VBZ", "VBP", "MD"):
            m += 1  # "an NBC News/Wall Street Journal poll released Monday"
        if m < hi and toks[m].text == "," and m + 2 < hi and any(t.norm in nouns for t in toks[k + 1:m]):
            span = _trim_span(ctx, m + 1, _content_end(ctx, m + 1, hi))
            if span and any(x.pos.startswith("VB") for x in toks[m + 1:hi]):
                return RawAttribution((k, k + 1), (k + 1, m), [span], toks[k].sentence, _EVIDENCE_IN, "in")
    return None


def extract_sentence(ctx: _Ctx, s: int) -> list[RawAttribution]:
    lo, hi = ctx.sent_bounds(s)
    toks = ctx.tokens
    found: list[RawAttribution] = []
    # (each pattern needs its word: a sentence without it is not asked)
    if lo < hi and ctx.text.find(":", toks[lo].start, toks[hi - 1].end) >= 0:
        colon = _colon_pattern(ctx, lo, hi)
        if colon is not None:
            found.append(colon)
    if s in ctx.asked_sentences:
        raw = _asked_pattern(ctx, lo, hi)
        if raw is not None:
            found.append(raw)
    if s in ctx.evidence_sentences:
        raw = _evidence_pattern(ctx, lo, hi)
        if raw is not None:
            found.append(raw)
    starts = ctx.cue_starts
    n_starts = len(starts)
    k = bisect_left(starts, lo)
    i = lo
    while True:
        while k < n_starts and starts[k] < i:
            k += 1
        if k == n_starts or starts[k] >= hi:
            break
        i = starts[k]
        hit = _cue_at(ctx, i, hi)
        if hit is None:
            i += 1
            continue
        i_end, frame, lemma = hit
        if frame is _ACCORDING:
            raw = _according(ctx, i, lo, hi)
            if raw:
                found.append(raw)
            i = i_end
            continue
        if i_end + 1 < hi and toks[i_end].norm == "by" and toks[i].pos in ("VBN", "VBD") and \
                toks[i_end + 1].norm not in _MEANS_OF_SPEECH:
            raw = _by_agent(ctx, i, i_end, lo, hi, frame, lemma, found) if not _gerund(toks[i_end + 1]) else None
            if raw:
                found.append(raw)
            i = i_end
            continue
        if "P" in frame.frames or "R" in frame.frames:
            raw = _raising(ctx, i, i_end, lo, hi, frame, lemma)
            if raw is not None:
                found.append(raw)
                i = i_end
                continue
        if _is_passive_or_nonfinite(toks, i, lo):
            i = i_end
            continue
        raw = _charge_pattern(ctx, i, lo, hi, lemma, frame, found) if "O" in frame.frames or lemma == "deny" else None
        if raw is None:
            raw = _match_cue(ctx, i, i_end, lo, hi, frame, lemma, found)
        if raw is not None and not (lemma in _NAMING_LEMMAS and _names_only(ctx, raw, hi)):
            found.append(raw)
        i = i_end
    if ctx.hearsay and lo <= ctx.hearsay[-1] and ctx.hearsay[0] < hi:
        for h in ctx.hearsay:
            if lo <= h < hi:
                raw = _hearsay_pattern(ctx, h, lo, hi, found)
                if raw is not None:
                    found.append(raw)
    return found


#: Verbs that name as well as judge: "a group called Lashkar-e-Taiba", "she called Alicia Machado
#: on Friday" name or telephone; "he called the deal a disaster" judges.
_NAMING_LEMMAS = frozenset({"call", "name"})
_AFTER_NAME = frozenset({".", ",", ";", ":", "!", "?", ")", "(", "to"})


def _names_only(ctx: _Ctx, raw: RawAttribution, hi: int) -> bool:
    """Is a naming verb, alone (not "call on", "call for", "call out"), followed by a bare name
    and then nothing that judges (the end of the sentence, punctuation, a verb or a preposition),
    with no quotation? Then the verb names or calls someone up; it reports no one's words or view.
    A label someone gives ("what critics called Obamacare") is still theirs."""
    if raw.quote_ids or raw.postposed or raw.cue[1] - raw.cue[0] != 1:
        return False
    toks = ctx.tokens
    before = (raw.source[0] if raw.source else raw.cue[0]) - 1
    if before >= 0 and toks[before].norm in ("what", "whom"):
        return False
    k = raw.cue[1]
    if k + 1 < hi and toks[k].norm == "the" and _capitalised(toks[k + 1].text):
        k += 1  # "A similar exercise called the National Register of Citizens (NRC) was carried out"
    m = k
    while m < hi and (toks[m].pos in ("NNP", "NNPS") or toks[m].text == "-" and m > k or
                      toks[m].text[:1].isupper() and toks[m].pos in ("JJ", "NN", "NNS")):
        m += 1
    if m == k:
        return False
    if m >= hi:
        return True
    nxt = toks[m]
    return nxt.text in _AFTER_NAME or nxt.pos.startswith("VB") or nxt.pos in ("IN", "MD", "TO", "RB", "CC")


#: Words before an -ing cue that make it report what the clause's subject says: "..., adding that",
#: "while insisting", "after saying", "before insisting he had ...", "by telling Clinton she ...",
#: "upon saying, “...”".
_PARTICIPLE_LINKS = frozenset({"while", "after", "before", "by", "upon"})
#: Of those, the ones that take the subject of the one clause before them (`_one_clause_subject`).
_NEW_LINKS = frozenset({"before", "by", "upon"})
#: Words that open a subordinate clause: after one, the verb of the sentence's subject is no longer
#: the only verb before a cue.
_SUBORDINATORS = frozenset({"that", "because", "if", "when", "although", "though", "whether", "since",
                            "unless", "until", "while", "as", "after", "before"})


def _ends_before(ctx: _Ctx, raw: RawAttribution, j: int) -> bool:
    """Does the attribution's content run up to tokens[j], with no finite verb of another clause
    between ("Trump -- who previously said he was not aware ... -- denied ... and said": "denied",
    not "said", is the verb "and" joins)?"""
    toks = ctx.tokens
    end = max(c[1] for c in raw.content) if raw.content else toks[raw.cue[1] - 1].end
    k = max(bisect_left(ctx.columns.starts, end), raw.cue[1])
    return not any(toks[m].pos in _FINITE and not ctx.inq[m] for m in range(k, j))


#: Nouns of messages that a person issues, sends or carries: "issued a statement saying ...", "sent
#: an email saying ...", "carrying signs saying ...".
_MESSAGES = message_nouns()


def _message_verb(ctx: _Ctx, start: int, prev: int, lo: int, found) -> int | None:
    """Index of the verb whose object, a message, an -ing cue modifies: "The Trump campaign issued a
    statement saying ...", "an angry army of HP workers ... carrying signs saying ...". PolNeAR's cue
    runs from that verb to the participle, and the verb's subject is the source."""
    toks = ctx.tokens
    if toks[prev].norm not in _MESSAGES or toks[prev].pos not in ("NN", "NNS") or ctx.inq[prev]:
        return None
    v = start - 1
    if v >= lo and toks[v].pos == "RP":
        v -= 1  # "held up a sign saying"
    if v < lo or not toks[v].pos.startswith("VB") or toks[v].lemma in ("be", "have", "do") or ctx.inq[v]:
        return None
    if any(r.cue[0] <= v < r.cue[1] for r in found) or any(toks[m].pos == "IN" for m in range(start, prev)):
        return None  # (not "has included millions of dollars in ads attacking ...")
    return v


def _main_clause_source(ctx: _Ctx, start: int, lo: int) -> bool:
    """Does a preposed source starting at tokens[start] open a main clause: not after a relative
    pronoun, a subordinator or a preposition ("Davis — whom multiple Republicans privately described
    as “scary” — agreed ... but said": the source of "described" is not that of "said")?"""
    if start <= lo:
        return True
    t = ctx.tokens[start - 1]
    return t.pos not in ("WDT", "WP", "WP$", "IN", "TO") and t.norm not in _SUBORDINATORS


def _one_clause_subject(ctx: _Ctx, lo: int, hi: int, link: int) -> tuple[int, int] | None:
    """The sentence's subject when its verb is the only verb before tokens[link] and no clause
    opens between them: "Axelrod tried offering an olive branch by telling Clinton ...". Not "I wish Biden hadn't boxed himself in by declaring"
    (two verbs: Biden declared), nor "those in Congress who believe he is overstepping his bounds
    by refusing" (a relative clause)."""
    subj = _sentence_subject(ctx, lo, hi, link)
    if subj is None:
        return None
    toks = ctx.tokens
    start, end = subj
    groups, in_verb = 0, False
    for m in range(end, link):
        t = toks[m]
        if t.pos in ("WDT", "WP", "WP$", "WRB") or t.norm in _SUBORDINATORS:
            return None
        # (a past participle counts: the tagger reads many past tenses so; "a wave of boos" is no verb)
        finite = (t.pos in _FINITE or t.pos == "VBN") and toks[m - 1].pos not in ("DT", "IN")
        if finite and not in_verb:
            groups += 1
        in_verb = finite or in_verb and (t.pos == "RB" or t.pos.startswith("VB") or t.norm in ("not", "n't"))
    if groups != 1:
        return None
    return subj


#: Records and measurements whose verbs of evidence take an object as content ("The poll shows a
#: tight race", "records show ..."): the evidence nouns and the documents that report figures.
_FINDINGS = finding_nouns()
_FINDING_VERBS = frozenset({"show", "find"})
_FINDING_OBJECT = {lemma: CueFrame(lemma, "CO", "evidence") for lemma in _FINDING_VERBS}


def _match_cue(ctx, i, i_end, lo, hi, frame, lemma, found) -> RawAttribution | None:
    toks = ctx.tokens
    sent = toks[i].sentence
    # participle after a comma: "..., adding that ...", "..., saying ..."
    # (a progressive, "Clinton is telling voters ...", is a finite cue: handled below)
    if toks[i].pos == "VBG" and not _is_progressive(toks, i, lo):
        prev = i - 1
        start = np_left(toks, prev, lo) if prev >= lo else None
        if start is not None and start - 1 >= lo and toks[start - 1].norm == "with":
            after = _content_after(ctx, i_end, hi, frame)
            if after is None:
                return None
            return RawAttribution((i, i_end), (start, i), after[0], sent, frame, lemma, quote_ids=after[1])
        if i == _clause_start(ctx, lo, hi) and ("C" in frame.frames or "O" in frame.frames):
            return _opening_participle(ctx, i, i_end, hi, frame, lemma)
        if start is not None:
            verb = _message_verb(ctx, start, prev, lo, found)
            if verb is not None:
                source = _left_source(ctx, verb, lo)[0] or _loose_left_source(ctx, verb, lo)
                after = _content_after(ctx, i_end, hi, frame) if source is not None else None
                if after is None:
                    return None
                return RawAttribution((verb, i_end), source, after[0], sent, frame, lemma, quote_ids=after[1])
        link = prev
        while link > lo and toks[link].pos == "RB":
            link -= 1  # ", recently telling one person ...", "before optimistically predicting that"
        if link >= lo and (toks[link].text == "," or toks[link].norm in _PARTICIPLE_LINKS and not (
                link > lo and toks[link].norm == "by" and toks[link - 1].pos[:2] in ("VB", "RB"))):
            # (not "responded by saying", "continued by saying": one cue with its verb)
            after = _content_after(ctx, i_end, hi, frame)
            if after is None:
                return None
            if toks[link].norm in _NEW_LINKS:
                source = _one_clause_subject(ctx, lo, hi, link)
                if source is None and found and found[-1].postposed and found[-1].source:
                    source = found[-1].source  # '“...,” Trump told reporters, before insisting ...'
            else:
                source = found[-1].source if found and found[-1].source else _sentence_subject(ctx, lo, hi, i)
            if source is None:
                return None
            return RawAttribution((i, i_end), source, after[0], sent, frame, lemma, quote_ids=after[1])
        return None
    j = _skip_aux_left(toks, i - 1, lo)
    if found and j >= lo and toks[j].norm in ("and", "but") and found[-1].postposed and found[-1].source and \
            found[-1].source[0] > found[-1].cue[0] and found[-1].source[1] == j:
        # '"...," said aviation expert Li Xiaojin but added that ...': the inverted source is the
        # subject of the verb joined to it
        after = _content_after(ctx, i_end, hi, frame)
        if after is None:
            return None
        return RawAttribution((i, i_end), found[-1].source, after[0], sent, frame, lemma, quote_ids=after[1])
    if found and lo < j and toks[j].norm in _AND_BUT and found[-1].cue[1] == j and found[-1].source and \
            found[-1].source[1] <= found[-1].cue[0] and toks[i].pos.startswith("VB") and \
            found[-1].sentence == sent:
        # two cues joined with nothing between them share the first one's source: "a charge
        # Islamabad neither confirmed nor denied but maintained that ..." (read back past the
        # charge, the subject would be the sentence's, Kabul's)
        after = _content_after(ctx, i_end, hi, frame)
        if after is not None:
            return RawAttribution((i, i_end), found[-1].source, after[0], sent, frame, lemma,
                                  quote_ids=after[1])
    source, before_src = _left_source(ctx, i, lo)
    # (the content after the cue is read only for a source before it: the inverted form below
    # takes the content before the cue)
    if source is not None and lemma in _FINDING_VERBS and any(toks[m].norm in _FINDINGS for m in range(*source)):
        # a record's or a poll's finding may be an object: "the survey shows only a small gender
        # gap", "A recent CNN survey found 90 percent support for ...", "his first videos show a
        # starkly different person"
        frame = _FINDING_OBJECT[lemma]
    after = _content_after(ctx, i_end, hi, frame) if source is not None else None
    if after is None and source is not None and i_end + 1 < hi and \
            _relative_subject(toks, i, i_end, before_src, lo, frame, lemma):
        # "policies, which he said had harmed the economy": the content is the pronoun and the
        # predicate after the cue
        end = _content_end(ctx, i_end, hi)
        m = i_end
        while m < end and not (toks[m].text in (",", ";") and not ctx.inq[m]):
            m += 1  # the relative clause ends at its comma
        span = _trim_span(ctx, i_end, m)
        if span is not None:
            rel = toks[before_src]
            return RawAttribution((i, i_end), source, [(rel.start, rel.end), span], sent, frame, lemma)
    if after is None and source is not None and "C" in frame.frames and i_end + 1 < hi and \
            toks[i_end].text == "," and toks[before_src].norm == "as" and \
            (before_src == lo or toks[before_src - 1].text in _OPEN_MARKS):
        # "As The Washington Post reported, even if Sanders ...": the main clause is the content,
        # whatever opens it
        span = _trim_span(ctx, i_end + 1, _content_end(ctx, i_end + 1, hi))
        if span is not None:
            return RawAttribution((i, i_end), source, [span], sent, frame, lemma)
    if source is not None and after is not None and not after[1] and before_src >= lo and \
            toks[before_src].text in _CLOSE_MARKS + "," and not _opens_content(ctx, i_end, hi, after[0]):
        # '“It was very nice,” the tycoon told Reuters in an interview': the quotation before the
        # source is the content, not the addressee or object after the cue
        prior = _content_before(ctx, before_src, lo)
        if prior and prior[1] and not _lone_relative(toks, source):
            return RawAttribution((i, i_end), source, prior[0], sent, frame, lemma, postposed=True,
                                  quote_ids=prior[1])
    if source is not None:
        if after is not None and (not _rest_is_adjunct(ctx, i_end, hi) or "O" in frame.frames or after[1]):
            raw = RawAttribution((i, i_end), source, after[0], sent, frame, lemma, quote_ids=after[1])
            # "...," he said, "..." : the part before the source belongs to the same quote
            if after[1] and before_src >= lo and toks[before_src].text in _CLOSE_MARKS + ",":
                prior = _content_before(ctx, before_src, lo)
                if prior and prior[1]:
                    raw.content = prior[0] + raw.content
                    raw.quote_ids = prior[1] + raw.quote_ids
                    raw.postposed = True
            return raw
        if "C" in frame.frames and before_src - 1 > lo and toks[before_src].norm == "as" and \
                toks[source[0]].norm not in _GENERIC_PRONOUNS and \
                (toks[before_src - 1].text == "," or toks[before_src - 1].text in _DASHES) and \
                toks[before_src - 2].pos not in ("WDT", "WP") and toks[before_src - 2].norm not in _SUBORDINATORS \
                and _rest_is_adjunct(ctx, i_end, _as_clause_end(ctx, i_end, hi)):
            # "..., as The New York Times reported on Tuesday, and ...", "..., as David Dayen noted
            # in The Intercept.": the clause before the comma is the content (a clause: not
            # "Indeed, as X has pointed out, ...", whose content follows; not "if, as Tehran has
            # threatened, it breaches ...")
            prior = _content_before(ctx, before_src - 1, lo)
            if prior and not prior[1] and any(toks[m].pos in _FINITE for m in range(lo, before_src - 1)):
                return RawAttribution((i, i_end), source, prior[0], sent, frame, lemma, postposed=True)
        # postposed: "...," he said. / ..., officials said on Tuesday.
        fronted = False
        if _clausal(frame) and before_src >= lo and (
                toks[before_src].text in _CLOSE_MARKS + "," or toks[before_src].text in _DASHES):
            prior = _content_before(ctx, before_src, lo)
            if prior and not prior[1] and "C" in frame.frames and not _rest_is_adjunct(ctx, i_end, hi):
                # "MACAU (Reuters) – Adelson said on Friday he met ...": a clause follows the cue
                # after a time adverbial; the words before the source are not its content
                k = i_end
                while k < hi and (toks[k].norm in TIME_WORDS or
                                  toks[k].norm in ("on", "last", "this", "earlier", "late")):
                    k += 1
                if k > i_end and _valid_content_start(ctx, k, hi, frame):
                    span = _trim_span(ctx, k, _content_end(ctx, k, hi))
                    if span is not None:
                        return RawAttribution((i, i_end), source, [span], sent, frame, lemma)
            rest = _interrupted_rest(ctx, prior[0], lo, i_end, hi) if prior and "C" in frame.frames else None
            if prior and not prior[1] and not rest and "C" in frame.frames and _fronted_adverbial(ctx, prior[0][0]):
                # a fronted adverbial is no clause: "In a 1963 speech, he declared: ...", "In the
                # end, he admitted just how wrong he was" (the content follows the cue: below)
                fronted = True
            elif prior and (prior[1] or "C" in frame.frames):
                if _lone_relative(toks, source):
                    # not the clause before (the antecedent's): the rest of the relative clause
                    content = _relative_content(ctx, i_end, hi)
                    return RawAttribution((i, i_end), source, content, sent, frame, lemma) if content else None
                raw = RawAttribution((i, i_end), source, prior[0] + ([rest] if rest else []), sent, frame,
                                     lemma, postposed=True, quote_ids=prior[1])
                if prior[1] and not rest:
                    _quote_after_aside(ctx, raw, i_end, hi)
                return raw
        # "He said:" closing a sentence; a quotation follows in the next sentence
        if i_end < hi and toks[i_end].text == ":" and i_end + 1 >= hi - 0:
            return RawAttribution((i, i_end), source, [], sent, frame, lemma)
        if i_end < hi and toks[i_end].text == ":" and after is None:
            return RawAttribution((i, i_end), source, [], sent, frame, lemma)
        # the sentence opens with a quotation that ends the previous sentence: "“...” he said."
        if before_src < lo and _clausal(frame) and _rest_is_adjunct(ctx, i_end, _before_participle(ctx, i_end, hi)) \
                and s_prev_quote(ctx, lo) is not None:
            # (is not None: the first quotation of a document is number 0)
            qi = s_prev_quote(ctx, lo)
            q = ctx.quotes[qi]
            return RawAttribution((i, i_end), source, [(q.start, q.end)], sent, frame, lemma,
                                  postposed=True, quote_ids=[qi])
        if fronted:
            # after a fronted adverbial, the rest of the clause after the cue
            span = _trim_span(ctx, i_end, _content_end(ctx, i_end, hi))
            if span is not None:
                return RawAttribution((i, i_end), source, [span], sent, frame, lemma)
        return None
    if j > lo and toks[j].norm in _AND_BUT and toks[i].pos in _FINITE_VERBS and found and found[-1].source and \
            found[-1].cue[1] <= j and found[-1].source[1] <= found[-1].cue[0] and \
            _main_clause_source(ctx, found[-1].source[0], lo) and _ends_before(ctx, found[-1], j):
        # a finite cue joined to the cue before it, whose subject `_left_source` could not read back
        # to: "Hours after ..., Hong Kong police announced ... and warned they would ...", "Kasich
        # boasted to reporters of his organization - "..." - and stressed ...": that cue's source
        after = _content_after(ctx, i_end, hi, frame)
        if after is None:
            return None
        return RawAttribution((i, i_end), found[-1].source, after[0], sent, frame, lemma, quote_ids=after[1])
    # inverted: "...," said X. (j: the word before the cue and its auxiliaries, found above)
    if _clausal(frame) and j >= lo and (toks[j].text in _CLOSE_MARKS + ","):
        src = _postposed_source(ctx, i_end, hi)
        if src is not None:
            prior = _content_before(ctx, j, lo, inverted=True)
            if prior and (prior[1] or "C" in frame.frames):
                raw = RawAttribution((i, i_end), src, prior[0], sent, frame, lemma, postposed=True,
                                     quote_ids=prior[1])
                if prior[1]:
                    _quote_after_aside(ctx, raw, src[1], hi)
                return raw
    return None


_COMPLEMENTIZERS = frozenset({"that", "whether", "if", "how", "what", "why", "when", "who"})
#: Relative pronouns that may stand for the subject of a clause reported after its cue ("which he
#: said had harmed", "who officials say is tied to").
_GAP_RELATIVES = frozenset({"which", "that", "who", "whom", "what"})
#: Verbs of asking and knowing, before which "who"/"what" open a question, not a relative clause.
_QUESTION_VERBS = word_set("question_verbs")


#: Subjects of the set phrases "as you know", "as they say", "as one might expect": no one's report.
_GENERIC_PRONOUNS = frozenset({"you", "they", "we", "one"})


def _as_clause_end(ctx: _Ctx, k: int, hi: int) -> int:
    """End of an "as X said" aside that starts its adverbials at k: the next comma or dash, or the
    sentence end."""
    toks = ctx.tokens
    while k < hi and not (toks[k].text == "," or toks[k].text in _DASHES):
        k += 1
    return k


def _relative_subject(toks, i: int, i_end: int, rel: int, lo: int, frame: CueFrame, lemma: str) -> bool:
    """Does the relative pronoun before the source (tokens[rel]) stand for the subject of the clause
    the cue reports ("policies, which he said had harmed the economy", "a group who U.S. officials
    say is tied to ...", "what she said is growing demand")? Not in a question ("asked ... who they
    thought was ..."), not "what he is proposing is ..." (the cue's object), nor "what we do know
    is ..."."""
    if rel < lo or "C" not in frame.frames or toks[rel].norm not in _GAP_RELATIVES or \
            not _gap_predicate(toks, i, i_end):
        return False
    if toks[rel].norm in ("who", "whom", "what") and rel > lo and toks[rel - 1].pos.startswith("VB"):
        return False
    if lemma in _QUESTION_VERBS or any(toks[m].lemma in _QUESTION_VERBS for m in range(max(lo, rel - 6), rel)):
        return False
    return not (toks[rel].norm == "what" and "O" in frame.frames)


def _gap_predicate(toks, i: int, i_end: int) -> bool:
    """Does a verb with no subject follow the cue of a relative clause ("which he said had
    harmed", "that some women say made them uncomfortable")? Not an adjective after a verb of
    feeling ("that Russians feel aggrieved" is a complement clause), nor after a plural noun the
    tagger read as a verb ("that the president's campaign promises were ...")."""
    t = toks[i_end]
    if t.pos == "VBN":
        return toks[i].lemma not in ("feel", "seem", "appear", "look", "sound")
    if t.pos not in ("VBD", "VBZ", "VBP", "MD"):
        return False
    return not (toks[i].pos == "VBZ" and toks[i].norm != "says" and toks[i - 1].pos in ("NN", "NNS") and
                t.norm in ("were", "are"))


def _opening_participle(ctx: _Ctx, i: int, i_end: int, hi: int, frame: CueFrame, lemma: str):
    """"Noting that only Sen. Mark Kirk voted with Democrats, Tester said ...", "Citing the Paris
    attacks, Will wrote ...": a participle opening the sentence reports what the main clause's
    subject says; its content runs to the comma before that subject."""
    toks = ctx.tokens
    m = i_end
    while m < hi and not (toks[m].text == "," and not ctx.inq[m]):
        m += 1
    if m + 2 >= hi or m == i_end or not _valid_content_start(ctx, i_end, hi, frame):
        return None
    if toks[i_end].norm not in _COMPLEMENTIZERS:
        if any(toks[x].pos in _FINITE and not ctx.inq[x] for x in range(i_end, m)):
            return None  # a gerund subject: "Asking people to sign a card is a tactic, experts say"
        if "O" not in frame.frames and not any(toks[x].pos.startswith("VB") for x in range(i_end, m)):
            return None  # a setting, no clause: "Writing the same day in USA Today, Boehner ..."
    end = np_right(toks, m + 1, hi, appositive=False)
    if end is None or end >= hi:
        return None
    if toks[end].text == ",":  # "David Axelrod, who was chief strategist for Obama, said"
        c = end + 1
        while c < hi and c - end < 25 and toks[c].text != "," and not ctx.inq[c]:
            c += 1
        if c >= hi or toks[c].text != ",":
            return None
        end = c + 1
    k = end
    while k < hi and (toks[k].pos in ("RB", "MD") or toks[k].lemma in ("have", "be", "do")):
        k += 1
    if k >= hi or not toks[k].pos.startswith("VB") or toks[k].pos in ("VBG", "VBN") and k == end:
        return None  # the phrase after the comma must be the subject of a verb
    span = _trim_span(ctx, i_end, m)
    if span is None:
        return None
    return RawAttribution((i, i_end), (m + 1, end), [span], toks[i].sentence, frame, lemma)


def _opens_content(ctx: _Ctx, k: int, hi: int, spans) -> bool:
    """Does the content after a cue (its first span `spans[0]`) open a clause or quotation ("that",
    "whether", "to" + verb, a finite verb in it), rather than name an addressee or an object?"""
    toks = ctx.tokens
    s, e = spans[0]
    m = k
    while m < hi and toks[m].start < s:
        m += 1
    if m >= hi:
        return False
    if toks[m].norm in ("that", "whether", "if", "to", "how", "what", "why") or toks[m].text in _OPEN_MARKS:
        return True
    while m < hi and toks[m].start < e:
        if toks[m].pos in _FINITE:
            return True
        m += 1
    return False


def _is_progressive(toks, i: int, lo: int) -> bool:
    j = i - 1
    while j >= lo and (toks[j].pos == "RB" or toks[j].norm in ("not", "n't")):
        j -= 1
    return j >= lo and (toks[j].lemma == "be" and toks[j].pos.startswith("VB") or
                        toks[j].norm in _CONTRACTED_AUX and toks[j].norm != "'s" or
                        toks[j].norm == "'s" and j > lo and toks[j - 1].pos == "PRP")


def _quote_after_aside(ctx: _Ctx, raw: RawAttribution, k: int, hi: int) -> None:
    """A quotation that resumes after a short aside closing the cue or the source goes on with the
    quotation before it: '"...," he said of Trump and Ryan, "because ..."', '"...," said an Iowa
    Democrat, "and ..."' (PolNeAR: one content in two pieces; the rules took the second when it
    followed the cue's comma at once). The aside (from k to a comma) holds no verb and no quoted
    word; the quotation opens right after the comma, has three words or more and is not a title
    (every word capitalised: 'she wrote in her memoir, "Tough Choices."', 'Buttigieg wrote in his
    memoir, “Shortest Way Home.”')."""
    toks = ctx.tokens
    m = k
    while m < hi and m - k < 8 and toks[m].text != "," and not ctx.inq[m] and \
            not (toks[m].pos.startswith("VB") or toks[m].pos == "MD"):
        m += 1
    if m + 1 >= hi or toks[m].text != "," or toks[m + 1].text not in _OPEN_MARKS:
        return
    qi = ctx.quote_of_start.get(toks[m + 1].start)
    if qi is None or qi in raw.quote_ids or ctx.quotes[qi].words < 3:
        return
    q = ctx.quotes[qi]
    words = [w for w in ctx.text[q.inner_start:q.inner_end].split() if w[:1].isalpha()]
    if all(w[0].isupper() for w in words):
        return
    raw.content.append((q.start, q.end))
    raw.quote_ids.append(qi)


def _interrupted_rest(ctx: _Ctx, before: list, lo: int, i_end: int, hi: int) -> tuple[int, int] | None:
    """The second half of a content the cue interrupts: "This campaign, he says, is different." /
    "In the three years since Sandy Hook, Barden says, far too many lives have been lost." Taken
    when it opens with a finite verb, or when the first half has no finite verb of its own."""
    toks = ctx.tokens
    m = i_end
    while m < hi and m - i_end < 4 and toks[m].text != "," and not toks[m].pos.startswith("VB"):
        m += 1  # "he says on Tuesday,"
    if m + 1 >= hi or toks[m].text != "," or ctx.inq[m + 1] or toks[m + 1].text in _OPEN_MARKS:
        return None
    first = toks[m + 1]
    if first.pos == "VBG" or first.norm in ("according", "as", "when", "while", "after", "before", "adding",
                                            "and", "but", "in", "because", "who", "which"):
        return None
    first_half = [t for t in toks[lo:i_end] if before and before[0][0] <= t.start and t.end <= before[-1][1]]
    opens_verb = first.pos in _FINITE or first.pos == "RB" and m + 2 < hi and toks[m + 2].pos in _FINITE
    if not opens_verb and any(t.pos in _FINITE for t in first_half if not t.text[:1] in _OPEN_MARKS):
        return None
    end = _content_end(ctx, m + 1, hi)
    if not any(t.pos.startswith("VB") or t.pos == "MD" for t in toks[m + 1:end]):
        return None
    return _trim_span(ctx, m + 1, end)


def _clausal(frame: CueFrame) -> bool:
    """Can the content come before the cue ("...," he said)? Clause cues, and quotation-only cues
    (frame Q: "“...,” he continued"), which then need a quotation."""
    return "C" in frame.frames or "Q" in frame.frames


def _before_participle(ctx: _Ctx, k: int, hi: int) -> int:
    """Where a participle clause after a comma starts in toks[k:hi] (the comma), or hi: after a
    postposed cue, '“What kind of people do I have here?” Trump asked, looking far from
    displeased.', '“The bad ones, the gang members?” Trump asked, turning the question into ...' the
    clause tells how it was said, and the quotation before is still the content."""
    toks = ctx.tokens
    cues = _cue_lemmas(ctx.data)
    for m in range(k, hi - 1):
        if toks[m].text == "," and not ctx.inq[m] and toks[m + 1].pos == "VBG":
            # (not a participle that is a cue of its own: "..., saying “...”", "according to")
            return hi if toks[m + 1].lemma in cues or toks[m + 1].norm == "according" else m
    return hi


def s_prev_quote(ctx: _Ctx, lo: int) -> int | None:
    """A quotation that ends right where this sentence starts (the cue follows it)."""
    toks = ctx.tokens
    if lo == 0:
        return None
    first = toks[lo]
    q_end = toks[lo - 1].end
    qi = ctx.quote_of_end.get(q_end)
    if qi is not None and first.start - q_end <= 2:
        return qi
    return None


def _continuations(ctx: _Ctx, raws: list[RawAttribution]) -> None:
    """Attach quotations with no cue of their own to the attribution they continue.

    A quotation continues the previous direct attribution when it follows it in the same paragraph,
    or opens the next paragraph(s) with no other words (the news convention for long quotes).
    A "he said:" with no content takes the quotation that follows it.
    """
    doc = ctx.doc
    toks = ctx.tokens
    used = {qi for r in raws for qi in r.quote_ids}
    cue_sentences = {r.sentence for r in raws}

    def ready(r: RawAttribution) -> int:
        # r comes before a quotation starting at or after this offset
        return r.content[-1][1] if r.content else toks[r.cue[0]].start + 1

    def reach(r: RawAttribution) -> int:
        return r.content[-1][1] if r.content else toks[r.cue[1] - 1].end

    # The attribution right before each quotation: of those that come before it, the one reaching
    # furthest (the first in `raws` among equals). Quotations come in text order and never overlap,
    # and only such an attribution takes one (its content then ends where the next may start), so an
    # attribution that comes before one quotation comes before every later one: they join a heap
    # once (by `ready`), and a heap entry whose reach has changed since is dropped when it surfaces.
    # (The same choice as `max` over every attribution before each quotation, without the
    # quotations-times-attributions walk that made long documents quadratic.)
    order = sorted(range(len(raws)), key=lambda k: ready(raws[k]))
    by_sentence: dict = {}
    for k, r in enumerate(raws):
        by_sentence.setdefault(r.sentence, []).append(k)
    joined = 0
    heap: list = []
    for qi, q in enumerate(ctx.quotes):
        if qi in used:
            continue
        while joined < len(order) and ready(raws[order[joined]]) <= q.start:
            k = order[joined]
            heappush(heap, (-reach(raws[k]), k))
            joined += 1
        while heap and -heap[0][0] != reach(raws[heap[0][1]]):
            heappop(heap)
        if not heap:
            continue
        last_k = heap[0][1]
        last = raws[last_k]
        if not (last.quote_ids or not last.content):
            # the attribution reaching furthest is an aside in the sentence of a quotation's cue
            # ('"...," Mr. Hedge said, referring to the two Trump resorts. "I assume ..."', '...,"
            # said Robert Reich, who served as labor secretary ... "Her instinct ..."'): the next
            # quotation goes on with the quotation's speaker, as PolNeAR reads it
            alt = [k for k in by_sentence[last.sentence] if raws[k].quote_ids and
                   raws[k].cue[0] < last.cue[0] and ready(raws[k]) <= q.start]
            if alt:
                last_k = max(alt, key=lambda k: reach(raws[k]))
                last = raws[last_k]
        last_end = last.content[-1][1] if last.content else ctx.tokens[last.cue[1] - 1].end
        q_sent = _sentence_of(doc, q.start)
        if q_sent is None or q_sent in cue_sentences and not last.content == []:
            continue
        p_last = doc.sentences[_sentence_of(doc, last_end - 1)].paragraph
        p_q = doc.sentences[q_sent].paragraph
        att_end = max(last_end, ctx.tokens[last.cue[1] - 1].end,
                      ctx.tokens[last.source[1] - 1].end if last.source else 0)
        if att_end <= q.start:
            # after "...," Andrabi told Dawn. the next quotation goes on with the same speaker
            sent_end = doc.sentences[last.sentence].end
            # the rest of the cue's sentence does not count ("..., Wallace said, as the crowd cheered.
            # “The greed ...”": PolNeAR credits the next quotation to Wallace too)
            between = doc.text[max(att_end, sent_end):q.start] if sent_end <= q.start else \
                doc.text[att_end:q.start]
        else:
            between = doc.text[last_end:q.start]
        only_space = not any(c.isalnum() for c in between)
        same_para = p_last == p_q and (only_space or not last.content)
        next_para = p_q == p_last + 1 and only_space
        if not (last.quote_ids or not last.content):
            continue
        if (same_para or next_para) and q.words >= 3:
            last.content.append((q.start, q.end))
            last.quote_ids.append(qi)
            used.add(qi)
            cue_sentences.add(q_sent)
            heappush(heap, (-reach(last), last_k))


def _colon_blocks(ctx: _Ctx, raws: list[RawAttribution]) -> None:
    """A cue closing its paragraph with a colon and given no quotation takes the next paragraph
    as its content, a block quotation set off without quotation marks ("Sondland’s lawyer
    wrote:" / "As you are doubtless aware, ..."; PolNeAR train: 9 such contents), unless that
    paragraph has a cue of its own."""
    doc, toks = ctx.doc, ctx.tokens
    sents = doc.sentences
    cue_sents = None
    for r in raws:
        if r.content or r.cue[1] >= len(toks) or toks[r.cue[1]].text != ":":
            continue
        s = r.sentence
        if ctx.bounds[s][1] != r.cue[1] + 1 or s + 1 >= len(sents) or \
                sents[s + 1].paragraph != sents[s].paragraph + 1:
            continue
        if cue_sents is None:
            cue_sents = {x.sentence for x in raws}
        n = s + 1
        while n < len(sents) and sents[n].paragraph == sents[s + 1].paragraph:
            n += 1
        if any(k in cue_sents for k in range(s + 1, n)):
            continue
        r.content = [(sents[s + 1].start, sents[n - 1].end)]


#: Subjects that name no one before a colon: "Here's ...:", "There's a conundrum ...:", "It gets better:".
_NO_ONE_BEFORE_COLON = frozenset({"here", "there", "it", "this", "that", "what", "which"})
_COMMA_OR_COLON = ":,"


def _taken_test(raws: list[RawAttribution]):
    """A test of whether an attribution has a quotation (or part of it) as its content: the
    contents sorted by start, with the furthest end reached by the first k of them."""
    taken = sorted((s, e) for r in raws for s, e in r.content)
    taken_starts = [s for s, _ in taken]
    reach = []
    for _, e in taken:
        reach.append(max(e, reach[-1]) if reach else e)

    def test(q) -> bool:
        k = bisect_left(taken_starts, q.end)
        return bool(k) and reach[k - 1] > q.start
    return test


def _read_past(toks, reached: dict, lo: int, c: int, start: int) -> bool:
    """Whether a cue of the clause toks[lo:c] has a content reaching past toks[start] (the
    subject or name before the colon is part of another attribution: 'As Joel Pollak observed,
    the biggest victor was ... the stage itself: “...”'); a cue whose content ends before it does
    not count ('After Jerry Brown criticized Bill Clinton, Hillary shot back, “...”')."""
    return any(reached.get(m, 0) > toks[start].start for m in range(lo, c))


def _colon_quotes(ctx: _Ctx, raws: list[RawAttribution]) -> list[RawAttribution]:
    """A quotation that a colon introduces on the same line, after a clause no cue has read, is
    the words of that clause's subject: "Trump ... leaned in and boomed: “Let's defeat her in
    November.”", "Kelly responded pointedly, with a smile: “...”", "Fallon fired back: “...”",
    "Hoff's letter makes a libertarian-style case: “...”" (cue the verb phrase up to the colon,
    as PolNeAR marks it). A clause of a name alone after a dash or "from" is a label ("Media shares
    blame in Iowa poll overhype - HuffPollster: “...”", "More from the report: “...”": cue the
    colon, source the name). Only quotations no attribution has taken, after a colon outside
    quotations that no label ("Related:", "Update:") precedes. PolNeAR train: of 83 such
    quotations the rules left, 69 are a gold attribution's content."""
    toks, text, inq = ctx.tokens, ctx.text, ctx.inq
    starts = ctx.columns.starts
    taken = _taken_test(raws)
    reached = {}  # the furthest content end of the attributions whose cue is at each token
    for r in raws:
        for m in range(r.cue[0], r.cue[1]):
            reached[m] = max(reached.get(m, 0), r.content[-1][1] if r.content else toks[r.cue[1] - 1].end)
    out = []
    for qi, q in enumerate(ctx.quotes):
        if not q.marks or q.words < 2:
            continue
        p = q.start
        while p > 0 and text[p - 1] in " \t\u00a0":
            p -= 1
        if p == 0 or text[p - 1] not in _COMMA_OR_COLON:
            continue
        c = bisect_right(starts, p - 1) - 1
        if c < 1 or toks[c].start != p - 1 or toks[c].text not in _COMMA_OR_COLON or inq[c]:
            continue
        if taken(q):
            continue
        lo = ctx.bounds[toks[c].sentence][0]
        if c - lo < 1 or toks[c - 1].norm in ctx.data.colon_labels:
            continue
        for m in range(c - 1, lo, -1):
            if toks[m].text in _DASHES:
                lo = m + 1  # a headline before a dash: "Pollsters agree - Carl Bialik:"
                break
        if any(inq[m] for m in range(lo, c)):
            continue
        subject = _sentence_subject(ctx, lo, c, c) if c > lo else None
        if subject is not None:
            if subject[1] - subject[0] == 1 and toks[subject[0]].norm in _NO_ONE_BEFORE_COLON or \
                    _read_past(toks, reached, lo, c, subject[0]):
                continue
            v = subject[1]
            while v < c and not toks[v].pos.startswith("VB"):
                v += 1
            if v >= c:
                continue
            if toks[c].text == "," and (toks[v].pos not in ("VBD", "VBZ", "VBP") or
                                        any(toks[m].pos not in ("RB", "RP") for m in range(v + 1, c))):
                continue  # after a comma, only a verb with its adverbs: "Hillary shot back, “...”"
            for m in range(v + 1, c - 1):
                # the last of joined verbs: "gestured ..., then leaned in and boomed:"
                n = m + 1
                while n < c and toks[n].pos == "RB":
                    n += 1
                if (toks[m].norm in ("and", "but", "then") or toks[m].text == ",") and n < c and \
                        toks[n].pos in ("VBD", "VBZ", "VBP"):
                    v = n
            # (PolNeAR's cue takes the colon, not the comma: "boomed:", "replied evenly")
            cue_end = c + 1 if toks[c].text == ":" else c
            out.append(RawAttribution((v, cue_end), subject, [(q.start, q.end)], toks[c].sentence, _COLON,
                                      toks[v].lemma, quote_ids=[qi]))
            continue
        if toks[c].text == ",":
            continue
        start = np_left(toks, c - 1, lo) if c > lo else None
        if start is None or not any(toks[m].pos in NOUNS for m in range(start, c)) or \
                any(toks[m].pos.startswith("VB") for m in range(start, c)):
            continue
        if _read_past(toks, reached, lo, c, start):
            continue
        before = toks[start - 1] if start > ctx.bounds[toks[c].sentence][0] else None
        if before is None or before.text in _DASHES or before.norm == "from":
            out.append(RawAttribution((c, c + 1), (start, c), [(q.start, q.end)], toks[c].sentence, _COLON,
                                      ":", quote_ids=[qi]))
    return out


#: Verbs that after a quotation take it as their subject or object, not as someone's words:
#: '"Austin Powers," had no such praise', '"Friends" has been a hit', '"Confidential," is the lowest tier'.
_NOT_AFTER_QUOTE = frozenset({"be", "have", "do", "get", "make", "take", "include", "become", "remain"})


def _quote_then_verb(ctx: _Ctx, raws: list[RawAttribution]) -> list[RawAttribution]:
    """A quotation that opens its sentence and closes with a comma, "?" or "!" inside its marks,
    followed by a subject and a verb or a verb and its subject and nothing more than an adjunct,
    is the words of that subject, whatever the verb: '"...," Oliver barked.', '"...," he
    surmised.', '"...," Toomey fumed on Tuesday.', '“France will always be France,” an angry
    Hollande retaliated.', '"...," crowed David Silverman'. The verbs of cues.tsv are read so by
    the rules already; this takes the others (manner of speaking: barked, fumed, crowed, scoffed,
    retaliated). Only quotations no attribution has taken."""
    toks, text, inq = ctx.tokens, ctx.text, ctx.inq
    starts = ctx.columns.starts
    taken = _taken_test(raws)
    cue_tokens = {m for r in raws for m in range(r.cue[0], r.cue[1])}
    out = []
    for qi, q in enumerate(ctx.quotes):
        if not q.marks or q.words < 3 or text[q.inner_start:q.inner_end].rstrip()[-1:] not in ",?!":
            continue
        if taken(q):
            continue
        first = bisect_left(starts, q.start)
        if first >= len(toks) or toks[first].start != q.start:
            continue
        lo, hi = ctx.bounds[toks[first].sentence]
        if first != _clause_start(ctx, lo, hi):
            continue  # the quotation opens its sentence ('"Friends" has been a hit' aside)
        a = bisect_left(starts, q.end)
        while a < hi and inq[a]:
            a += 1
        if a >= hi or toks[a].text in _FINAL or any(m in cue_tokens for m in range(a, hi)):
            continue
        if toks[a].pos in ("VBD", "VBZ", "VBP") and toks[a].lemma not in _NOT_AFTER_QUOTE:
            v, v_end = a, a + 1  # '"...?" reacted Trump.'
            while v_end < hi and toks[v_end].pos == "RP":
                v_end += 1
            source = _postposed_source(ctx, v_end, hi)
            if source is None or source[0] != v_end:
                continue
        else:
            end = np_right(toks, a, hi, appositive=False)
            if end is None or end >= hi:
                continue
            v = end
            while v < hi and toks[v].pos == "RB":
                v += 1
            if v >= hi or toks[v].pos not in ("VBD", "VBZ", "VBP") or toks[v].lemma in _NOT_AFTER_QUOTE:
                continue
            v_end = v + 1
            while v_end < hi and toks[v_end].pos in ("RP", "RB"):
                v_end += 1  # "shot back", "replied evenly"
            if not _rest_is_adjunct(ctx, v_end, hi):
                continue
            source = (a, end)
        out.append(RawAttribution((v, v_end), source, [(q.start, q.end)], toks[v].sentence, _COLON,
                                  toks[v].lemma, postposed=True, quote_ids=[qi]))
    return out


def _close_open_quotations(ctx: _Ctx, raws: list[RawAttribution]) -> None:
    """A content that opens a quotation ends where the quotation closes, not at its sentence's end.

    'Trump argued that Cruz is "for the oil" because "Oil pays him a lot of money. He's got to be
    for oil, right?"': the rules read a content within its cue's sentence, so it stopped after
    "money" with the quotation still open. The speaker's words run to the closing mark, and PolNeAR
    annotates the content so (train: 25 partial and 37 direct contents in 250 articles ended at a
    sentence break inside or before the speaker's quotation). Only a region with both marks
    counts: one left open at a paragraph's end may run on for paragraphs. Nor does one holding
    another attribution's cue, or opening on a space: straight quotation marks paired wrongly
    ('... actions," Jentleson said. "Americans') make a region of the words between two quotations.
    """
    quotes, ends = ctx.quotes, ctx.quote_ends
    if not quotes:
        return
    toks = ctx.tokens
    cue_starts = sorted(toks[r.cue[0]].start for r in raws)
    for r in raws:
        if not r.content:
            continue
        a, b = r.content[-1]
        k = bisect_left(ends, b + 1)  # the first region ending after the content
        if k == len(quotes):
            continue
        q = quotes[k]
        if a <= q.start < b < q.end and len(q.marks) == 2 and not ctx.text[q.inner_start].isspace() \
                and bisect_left(cue_starts, b) == bisect_left(cue_starts, q.end):
            r.content[-1] = (a, q.end)
            if k not in r.quote_ids:
                r.quote_ids.append(k)


def _sentence_of(doc, offset: int) -> int | None:
    lo, hi = 0, len(doc.sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = doc.sentences[mid]
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return mid
    return None


_CUE_AUX = frozenset({"have", "do", "will", "would", "could", "can", "may", "might", "must", "shall",
                      "should"})


def _widen_cue(ctx: _Ctx, raw: RawAttribution) -> None:
    """Widen a verb cue to the PolNeAR convention: the auxiliaries, negation and adverbs right before
    it belong to the cue ("has also said", "did not deny", "repeatedly warned"), and so does a colon
    right after it ("said:"). Measured on PolNeAR train: a left "has"/"also"/"not" is inside the
    annotated cue 97-100% of the time, a right colon 94%."""
    if raw.frame is _ACCORDING or raw.frame is _COLON or raw.frame is _DASH or raw.frame is _REPORTEDLY:
        return
    toks = ctx.tokens
    lo, hi = ctx.sent_bounds(raw.sentence)
    a, b = raw.cue
    floor = raw.source[1] if raw.source and raw.source[1] <= a else lo
    # a progressive or a passive keeps its "be" ("is congratulating", "was rejected": inside the
    # gold cue on PolNeAR train)
    be_too = toks[a].pos == "VBG" or toks[a].pos == "VBN"
    # an adjective keeps its copula ("are wary of", "is eager", "remain confident": inside the gold
    # cue on PolNeAR train)
    copula = toks[a].pos == "JJ"
    while a - 1 >= floor and not ctx.inq[a - 1]:
        t = toks[a - 1]
        if t.pos in ("RB", "MD") and t.norm not in ("so", "as", "however", "there") or \
                t.norm in ("not", "n't") or t.lemma in _CUE_AUX and t.pos.startswith("VB") or \
                be_too and t.lemma == "be" and t.pos.startswith("VB") or \
                copula and t.lemma in _COPULAS and t.pos.startswith("VB"):
            a -= 1
            continue
        break
    if b + 1 < hi and _manner_adverb(toks[b]) and not ctx.inq[b] and \
            (toks[b + 1].pos in (".", ",", ":") or toks[b + 1].norm == "that" or
             toks[b + 1].text in _OPEN_MARKS or toks[b + 1].text in _CLOSE_MARKS):
        # a manner or time adverb closing the verb group: '“...,” Clinton said sarcastically.',
        # "He noted repeatedly that ...", "officials acknowledge privately that ..." (PolNeAR
        # train: inside the gold cue 46 times in 80 after a cue, the "-ly" adverbs that modify what
        # follows aside)
        first = raw.content[0] if raw.content else None
        if first is None or first[0] != toks[b].start:
            b += 1
        elif first[1] > toks[b + 1].end:  # a content that opened with the adverb starts after it
            k = b + 2 if toks[b + 1].text == ":" else b + 1
            raw.content[0] = (toks[k].start, first[1])
            b += 1
    if b + 1 < hi and toks[b].norm == "by" and toks[b + 1].norm in _MEANS_OF_SPEECH and not ctx.inq[b] and \
            not any(c[0] < toks[b + 1].end and c[1] > toks[b].start for c in raw.content):
        b += 2  # "Mr. Trump said by telephone": in the cue, as PolNeAR marks it
    if b < hi and toks[b].text == ":" and not ctx.inq[b]:
        b += 1
    raw.cue = (a, b)


#: "-ly" words that are no manner adverb of a cue verb: time and frequency adjectives, hedges.
_NOT_MANNER = frozenset({"early", "likely", "unlikely", "daily", "weekly", "monthly", "yearly", "nearly",
                         "only", "exactly", "roughly", "mostly", "largely", "partly", "hardly"})


def _manner_adverb(tok) -> bool:
    return tok.pos == "RB" and len(tok.norm) > 4 and tok.norm.endswith("ly") and tok.norm not in _NOT_MANNER


_LEMMA_TESTS: list = []  # [(lemmas, {lemma: lemma.lower() in lemmas}, no key opens with a non-alnum)]


def _learned_candidates(ctx: _Ctx, lemmas) -> list[int]:
    """Indices of the tokens `learned.is_candidate` accepts. The tag and lemma tests run by table
    over all tokens in one C-level pass; a token whose text opens with a non-alphanumeric is keyed
    by its text, which no lemma of the model does (else: the token-by-token test)."""
    if ctx.learned_candidates is not None and ctx.learned_lemmas is lemmas:
        return ctx.learned_candidates  # found with the rules' token tests (`_Ctx`)
    toks = ctx.tokens
    if not _LEMMA_TESTS or _LEMMA_TESTS[0][0] is not lemmas:
        plain = not any(not k[:1].isalnum() for k in lemmas)
        _LEMMA_TESTS[:] = [(lemmas, _TagTest(lambda lem: lem.lower() in lemmas, limit=50000), plain)]
    _, known, plain = _LEMMA_TESTS[0]
    if not plain:
        tags = _CANDIDATE_TAGS
        return [i for i, t in enumerate(toks) if t.pos[:2] in tags and
                (t.lemma.lower() if t.text[:1].isalnum() else t.text) in lemmas]
    tagged = list(compress(range(len(toks)), map(_LEARNED_TAGS.__getitem__, ctx.pos)))
    lemma_ok = map(known.__getitem__, map(ctx.columns.lemmas.__getitem__, tagged))
    return [i for i in compress(tagged, lemma_ok) if toks[i].text[:1].isalnum()]


def _learned_cues(ctx: _Ctx, raws: list[RawAttribution], model, token_probs=None) -> list[RawAttribution]:
    """Cues the learned detector finds among the tokens the rules left alone (framing.attribution
    .learned), each given a source and a content by the generic span rules of `_learned_raw`.
    `token_probs` ({token index: probability}) replaces the model's scores (the trainer uses it to
    choose the threshold from out-of-fold probabilities)."""
    toks = ctx.tokens
    covered = covered_tokens(len(toks), raws)
    lemmas = model.lemmas
    # quotations the rules already credit to a speaker are not given to a second cue
    quoted = {(ctx.quotes[q].start, ctx.quotes[q].end) for r in raws for q in r.quote_ids}
    out: list[RawAttribution] = []
    # the candidates (is_candidate: this sees every token of the article)
    # (not a word of a name: `_inside_name`)
    cands = [i for i in _learned_candidates(ctx, lemmas) if not covered[i] and not _inside_name(ctx, i)]
    groups: list[list[int]] = []  # [sentence, first token, end token]
    for i in cands:
        s = toks[i].sentence
        lo, hi = ctx.sent_bounds(s)
        if token_probs is None:
            if not model.accepts(toks, ctx.inq, i, lo, hi):
                continue
        elif token_probs.get(i, 0.0) < model.threshold:
            continue
        if groups and groups[-1][0] == s and i - groups[-1][2] <= 2 and \
                all(toks[m].text[:1].isalnum() and not covered[m] for m in range(groups[-1][2], i)):
            groups[-1][2] = i + 1  # one cue of several words: "made it clear", "has said"
        else:
            groups.append([s, i, i + 1])
    for s, a, b in groups:
        if all(toks[m].norm in TIME_WORDS for m in range(a, b)):
            continue  # "said Friday that ...": a day after a cue the rules found is no cue of its own
        lo, hi = ctx.sent_bounds(s)
        raw = _learned_raw(ctx, a, b, lo, hi, model)
        if raw is not None and not any(c in quoted for c in raw.content) and \
                not (toks[a].lemma in _NAMING_LEMMAS and _names_only(ctx, raw, hi)):
            out.append(raw)
    for r in out:
        _widen_cue(ctx, r)
    return out




def _noun_cues_of_objects(ctx: _Ctx, raws: list[RawAttribution], learned: list[RawAttribution]
                          ) -> list[RawAttribution]:
    """The learned cues that are not the object of a rule's cue, and those rules' cues widened.

    A noun cue the rules do not know can be the object of a verb cue of speech they do, one that
    takes only an object ("voice", "express", "reject"): in "Araghchi voiced concerns about the
    situation", "voiced" takes "concerns about the situation" as its content, and the learned
    detector finds "concerns about" with the same subject. That is one attribution (cue "voiced
    concerns about", content "the situation"), not two of one speaker. A cue that takes a clause
    keeps its own ("He said talks about the wall were over": "talks" opens the clause)."""
    toks = ctx.tokens
    kept = []
    for r in learned:
        a = toks[r.cue[0]].start
        if not toks[r.cue[0]].pos.startswith("NN"):
            kept.append(r)
            continue
        host = next((h for h in raws if h.source is not None and h.source == r.source and h.content
                     and "O" in h.frame.frames and "C" not in h.frame.frames
                     and h.frame.type in ("speech", "writing", "thought")
                     and h.cue[1] <= r.cue[0] and h.content[0][0] <= a < h.content[0][1]
                     and all(t.pos in ("DT", "PRP$", "JJ") for t in toks[h.cue[1]:r.cue[0]])), None)
        if host is None:
            kept.append(r)
            continue
        host.cue = (host.cue[0], r.cue[1])
        host.content, host.quote_ids = r.content, r.quote_ids
    return kept


_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})


#: A capitalised word that opens the sentence but names no one on its own: a conjunction,
#: preposition or "there" ("But remember ...", "While citing ...", "There's continuing
#: disagreement ..." gave the sources "But", "While", "There"), and an article ("The last seems to
#: refer to ..." gave "The"; "The 70-year-old said" keeps its source). Other determiners stand for
#: a noun: "This suggests", "Neither has indicated".
_NOT_NAME_TAGS = frozenset({"IN", "CC", "EX", "WDT", "WRB", "PRP$"})
_PRONOUN_CCS = frozenset({"neither", "either", "both"})  # tagged CC, yet "Neither has said"


def _names_no_one(tok) -> bool:
    """Whether a one-word source, capitalised as the sentence's first word, names no one (see
    _NOT_NAME_TAGS). In lower case such a word may stand for someone: "the department, which
    reported ...", "it edged up its forecast"."""
    return tok.text[:1].isupper() and (tok.pos in _NOT_NAME_TAGS and tok.norm not in _PRONOUN_CCS
                                       or tok.norm in _ARTICLES)


def _loose_left_source(ctx: _Ctx, i: int, lo: int) -> tuple[int, int] | None:
    """A looser subject before a cue, for the learned cues: time words between subject and verb are
    skipped ("Wells Fargo just this month announced") and capitalised words the tagger read as
    adjectives stay in the name ("President Park Geun-hye said")."""
    toks = ctx.tokens
    j = _skip_aux_left(toks, i - 1, lo, progressive=True)
    m = j
    while m >= lo and (toks[m].norm in TIME_WORDS or
                       toks[m].norm in ("this", "last", "on", "earlier", "just", "next")):
        m -= 1
    if m < j:
        j = _skip_aux_left(toks, m, lo, progressive=True)
    end = j
    k = j
    if k - 1 >= lo and toks[k].norm in _REFLEXIVES and (toks[k - 1].pos in NOUNS or toks[k - 1].text[:1].isupper()):
        k -= 1  # "Trump himself denounced ...": the emphatic pronoun stays with its noun
    while k >= lo and not ctx.inq[k] and (toks[k].pos in NP_INNER or toks[k].pos in PROPER or
                                          toks[k].text[:1].isupper() and toks[k].text[:1].isalpha()):
        k -= 1
    if k + 1 > end or not any(toks[x].pos in NOUNS or toks[x].pos == "PRP" or toks[x].text[:1].isupper()
                              for x in range(k + 1, end + 1)) or \
            k + 1 == end and _names_no_one(toks[end]):
        if end >= lo and toks[end].pos == "PRP":
            return end, end + 1
        return None
    return _participle_head(ctx, _past_marks(toks, k + 1, end + 1), lo), end + 1


def _passive(toks, i: int, lo: int) -> bool:
    if toks[i].pos != "VBN":
        return False
    j = i - 1
    while j >= lo and (toks[j].pos == "RB" or toks[j].norm in _CUE_ADVERBS):
        j -= 1
    if j >= lo and toks[j].text == "," and i + 1 < len(toks) and \
            (toks[i + 1].norm == "that" or toks[i + 1].text in _OPEN_MARKS):
        # "Mr. Rubio, the Florida senator, anticipated that ...": a past tense the tagger read as a
        # participle; a participle set off by commas takes no clause
        return False
    return j >= lo and (toks[j].lemma in ("be", "get") or toks[j].text == ",")


#: Verbs linking a subject to an adjective or participle of a state of mind.
_COPULAS = frozenset({"be", "remain", "seem", "appear", "feel", "become", "stay", "grow", "sound"})


def _state_holder(ctx: _Ctx, i: int, lo: int) -> tuple[int, int] | None:
    """The subject of the copula before a state-of-mind predicate at i ("his donors remain
    confident", "Her advisers are not convinced", "No one, in fact, is eager"), or None: no copula,
    or an expletive subject ("it", "there")."""
    toks = ctx.tokens
    j = i - 1
    while j >= lo and (toks[j].pos == "RB" or toks[j].norm in ("not", "n't", "so", "very", "too")):
        j -= 1
    if j < lo or ctx.inq[j] or toks[j].lemma not in _COPULAS or not toks[j].pos.startswith("VB"):
        return None
    src = _left_source(ctx, j, lo)[0]
    if src is None or src[1] - src[0] == 1 and toks[src[0]].norm in ("it", "there", "this", "that", "which"):
        return None
    return src


def _first_np(ctx: _Ctx, lo: int, before: int) -> tuple[int, int] | None:
    """The first noun phrase of the clause, after a fronted phrase ("On Thursday, however, Trump
    spoke ..., promising ...")."""
    toks = ctx.tokens
    k = _clause_start(ctx, lo, before)
    if k < before and toks[k].pos in ("IN", "RB"):
        m = k
        while m < before and toks[m].text != ",":
            m += 1
        while m < before and (toks[m].text == "," or toks[m].pos == "RB"):
            m += 1
        k = m
    end = np_right(toks, k, before, appositive=False) if k < before else None
    return (k, end) if end is not None else None


def _light_verb_subject(ctx: _Ctx, i: int, lo: int) -> tuple[int, int] | None:
    """The subject of the verb a noun cue is the object of: "Alpert expressed alarm that ...",
    "Trump has made comments about ...", "Awad says in a statement that ..."."""
    toks = ctx.tokens
    d = i - 1
    while d >= lo and toks[d].pos in ("DT", "JJ", "JJR", "PRP$", "CD", "RB"):
        d -= 1
    if d - 1 >= lo and toks[d].pos == "IN" and toks[d].norm in ("in", "during") and toks[d - 1].pos.startswith("VB"):
        d -= 1
    if d < lo or not toks[d].pos.startswith("VB") or ctx.inq[d] or _passive(toks, d, lo):
        return None
    source = _left_source(ctx, d, lo)[0] or _loose_left_source(ctx, d, lo)
    return source


def _learned_frame(cue_type: str) -> CueFrame:
    """The frame of a learned cue whose lemma cues.tsv knows: its type is kept ("speech" ...)."""
    return _LEARNED_FRAMES.setdefault(cue_type, CueFrame(LEARNED.term, LEARNED.frames, cue_type))


def _approximator(toks, k: int, hi: int) -> bool:
    """Is toks[k] a word that rounds the number after it ("said about 40 people died", "have said
    about two-thirds of ..."): the content's first word, not the cue's preposition ("talk about")."""
    return toks[k].norm in ("about", "around", "over", "under", "nearly") and k + 1 < hi and \
        (toks[k + 1].pos == "CD" or toks[k + 1].norm in _ROUNDED)


#: Words after "about" that make it round a quantity ("about half", not "about some points").
_ROUNDED = word_set("rounded")


_LEARNED_FRAMES: dict = {}
#: Prepositions after a learned cue that stay out of the cue: a passive's agent ("rejected by"), a
#: setting ("said in"); other prepositions belong to it (PolNeAR train, learned cues: "about" 98 in
#: the gold cue / 11 not, "for" 67/12, "on" 53/17, "of" 40/8; "by" 15/50, "in" 16/17).
_NOT_CUE_PREPS = frozenset({"by", "in", "among", "after"})


def _learned_raw(ctx: _Ctx, i: int, i_end: int, lo: int, hi: int, model) -> RawAttribution | None:
    """Source and content of a learned cue at token i, by the same span rules as the verb cues:
    source = the subject before the cue (a possessive for a noun cue: "his criticism of"), or the
    noun phrase after it ("..., said X"); content = what follows the cue, or the clause before
    ", X said" when nothing follows."""
    toks = ctx.tokens
    t = toks[i]
    if i_end < hi and (lemma_key(toks[i_end - 1]), toks[i_end].norm) in model.bigrams and \
            not _approximator(toks, i_end, hi):
        i_end += 1
    lemma = lemma_key(t)
    known = ctx.data.cues.get(lemma)
    frame = LEARNED if known is None else _learned_frame(known.type)
    source = None
    before_src = i - 1
    # a noun cue ("his criticism of", "the debate about"); a cue the tagger read as a noun after a
    # subject ("Some Democrats question ...", "The Tax Policy Center plans to ...") is a verb
    nounish = t.pos.startswith("NN") and (i == lo or toks[i - 1].pos in ("DT", "PRP$", "POS", "JJ", "IN", "CD")
                                          or toks[i - 1].text == "(" or toks[i - 1].text in _OPEN_MARKS)
    if nounish:
        p = i - 1
        while p > lo and p > i - 3 and toks[p].pos == "JJ":
            p -= 1  # "his onstage claim", "Trump's latest attack on"
        if p >= lo and toks[p].pos == "PRP$":
            source = (p, p + 1)
        elif p - 1 >= lo and toks[p].pos == "POS":
            st = np_left(toks, p - 1, lo)
            if st is not None:
                source = (st, p)
        else:
            source = _light_verb_subject(ctx, i, lo)
    elif t.pos == "VBG" and i - 1 >= lo and toks[i - 1].text == ",":
        source = _sentence_subject(ctx, lo, hi, i) or _first_np(ctx, lo, i)
    elif _passive(toks, i, lo):
        # "a curfew was announced": no source named; "he has been criticized by some of his
        # rivals": the agent
        source = None
        m = i_end
        while m < hi and toks[m].pos == "RB":
            m += 1
        if m + 1 < hi and toks[m].norm == "by":
            end = np_right(toks, m + 1, hi, appositive=False)
            if end is not None:
                source = (m + 1, _adverbial_tail(toks, m + 1, end))
                # a cue whose object is its content ("criticize", "reject", "echo"; not one with an
                # addressee: "was told by", "was asked by"): the passive's subject is what the agent
                # spoke of ("The plan was criticized by the opposition": the plan), not the words
                # after the agent ("..., which said it would fail")
                j = _skip_aux_left(toks, i - 1, lo, progressive=True)
                if j > lo and (toks[j].pos in ("WP", "WDT") or toks[j].norm == "that"):
                    # "The deal, which was rejected by the Senate, ...", "the deal that was
                    # rejected by ...": the relative pronoun's antecedent
                    j -= 2 if toks[j - 1].text == "," else 1
                st = np_left(toks, j, lo) if j >= lo and known is not None and \
                    "O" in known.frames and "A" not in known.frames else None
                span = _trim_span(ctx, st, j + 1) if st is not None else None
                if span is not None:
                    return RawAttribution((i, i_end), source, [span], t.sentence, frame, lemma_key(t))
        elif m < hi and toks[m].norm in ("that", "about") and (known is None or known.type == "thought"):
            # a participle that names a state of mind: "Democratic leaders are worried about ...",
            # "Progressives have been especially upset that ...": its subject holds the view
            # (PolNeAR); not one of saying or judging ("was told that", "will not be questioned
            # about": the subject is the addressee)
            source = _state_holder(ctx, i, lo)
    elif t.pos == "JJ" and not any(toks[k].pos in ("VBN", "VBD") for k in range(i, i_end)) and \
            not _left_source(ctx, i, lo)[0] and (holder := _state_holder(ctx, i, lo)) is not None:
        # an adjective of a state of mind after a copula: "his donors remain confident that ...",
        # "People briefed on the reshuffling were adamant that ...", "No one ... is eager to ..."
        source = holder
    else:
        source, before_src = _left_source(ctx, i, lo)
        j = _skip_aux_left(toks, i - 1, lo)
        if source is None and t.pos == "VB" and j - 1 >= lo and toks[j].norm == "to" and \
                toks[j - 1].pos.startswith("VB") and not ctx.inq[j - 1]:
            # "Mitchell tried to discuss ...", "Verizon has been working to emphasize ...": the
            # subject of the verb governing the infinitive
            source = _left_source(ctx, j - 1, lo)[0]
            if source is not None:
                before_src = source[0] - 1
        if source is None:
            post = _postposed_source(ctx, i_end, hi) if t.pos.startswith("VB") else None
            if post is not None and j >= lo and toks[j].text not in _CLOSE_MARKS + "," and \
                    toks[j].text not in _DASHES and \
                    t.norm != "according":
                # not an inversion ('"...," said X'): the noun phrase after the cue is its object
                # ("two ads explicitly portrayed Obama as ...", "have announced their opposition")
                post = None
            if post is not None:
                source, before_src = post, i - 1
                if j >= lo and toks[j].text in _CLOSE_MARKS + ",":
                    prior = _content_before(ctx, j, lo, inverted=True)
                    if prior:
                        return RawAttribution((i, i_end), source, prior[0], t.sentence, frame, lemma_key(t),
                                              postposed=True, quote_ids=prior[1])
            else:
                source = _loose_left_source(ctx, i, lo)
                if source is None and t.pos in _FINITE:
                    source = _sentence_subject(ctx, lo, hi, i)
                if source is None and (t.pos in _FINITE or t.pos == "VBG"):
                    # "Clinton, 35, the daughter of ..., said", "Rubio flipped his choice – saying"
                    source = _sentence_subject(ctx, lo, hi, i) or _first_np(ctx, lo, i)
                if source is None and t.pos.startswith("NN"):
                    source = _light_verb_subject(ctx, i, lo)  # "Trump has made comments about"
                if source is not None:
                    before_src = source[0] - 1
    start = source[1] if source and source[1] > i else i_end
    if start + 1 < hi and toks[start].pos == "IN" and toks[start].norm not in ("that", "whether", "if") and \
            not _approximator(toks, start, hi) and \
            (toks[start + 1].pos in ("DT", "PRP$", "NNP", "NN", "NNS", "JJ", "CD", "PRP", "NNPS", "WRB", "WP")
             or toks[start + 1].norm in ("whether", "if")):
        # "commented on Crutcher's death", "worry about whether ...", "talk about how ...": the
        # preposition is neither cue nor content (PolNeAR train: "about" opens 64 contents and
        # stands right before 488); the preposition right after the cue belongs to the cue
        # ("focuses on", "felt for", "worry about": inside the gold cue on train)
        start += 1
        if start - 1 == i_end and toks[i_end].norm not in _NOT_CUE_PREPS:
            i_end = start
    after = _content_after(ctx, start, hi, frame)
    content, quote_ids = after if after else (None, [])
    if content is None:
        span = _trim_span(ctx, start, _content_end(ctx, start, hi))
        if span is not None:
            content = [span]
    if content is None and before_src >= lo:
        prior = _content_before(ctx, before_src, lo)
        if prior and not _lone_relative(toks, source):
            content, quote_ids = prior
    if not content:
        return None
    return RawAttribution((i, i_end), source, content, t.sentence, frame, lemma, quote_ids=quote_ids)


def extract(doc, data: AttributionData, model="shipped", token_probs=None,
            span_model="shipped") -> tuple[list[RawAttribution], "_Ctx"]:
    """All attributions of a document, in text order, with the context used (for quotes).
    `model`: the learned cue detector ("shipped": the one in framing/models/, None: rules only);
    `span_model`: the learned content boundary chooser (framing.attribution.spans; "shipped" or None)."""
    if isinstance(model, str):
        model = load_cue_model()
    ctx = _Ctx(doc, data, learned_lemmas=model.lemmas if model is not None else None)
    raws: list[RawAttribution] = []
    for s in range(len(doc.sentences)):
        raws.extend(extract_sentence(ctx, s))
    raws.extend(_dash_credits(ctx))
    raws.extend(_post_credits(ctx))
    _continuations(ctx, raws)
    _colon_blocks(ctx, raws)
    raws = [r for r in raws if r.content]
    for r in raws:
        _widen_cue(ctx, r)
    if model is not None:
        learned = _noun_cues_of_objects(ctx, raws, _learned_cues(ctx, raws, model, token_probs))
        if learned:
            raws.extend(learned)
            # a quotation credited by a learned cue ('"...," Gorka urged.') goes on in the
            # quotations after it, as one credited by a rule does
            _continuations(ctx, raws)
    colon = _colon_quotes(ctx, raws)
    colon.extend(_quote_then_verb(ctx, raws))
    if colon:
        raws.extend(colon)
        _continuations(ctx, raws)
    for r in raws:
        _coordinated_end(ctx, r)
        _end_at_main_clause(ctx, r)
        _fronted_piece(ctx, r)
        _relative_object_piece(ctx, r)
        _passive_subject_piece(ctx, r)
    if isinstance(span_model, str):
        from .spans import load_span_model  # late: spans uses this module's span helpers
        span_model = load_span_model()
    if span_model is not None:
        from .spans import refine_ends
        refine_ends(ctx, raws, span_model)
    _close_open_quotations(ctx, raws)
    if ctx.headline_verbs:
        _headline_contents(ctx, raws)
    # "To say that the pundits have low expectations ... would be", "To talk more about it, we
    # are joined by ...": a sentence-opening infinitive reports no one's words
    raws = [r for r in raws if not (r.source is not None and r.source[1] - r.source[0] == 1 and
                                    ctx.tokens[r.source[0]].text == "To")]
    for r in raws:
        # "When asked ..., Ocasio-Cortez pointed to ...", "After insisting ...": the word that
        # opens the sentence is no source, whichever rule took it
        if r.source is not None and r.source[1] - r.source[0] == 1 and \
                _names_no_one(ctx.tokens[r.source[0]]):
            r.source = None
    raws.sort(key=lambda r: (ctx.tokens[r.cue[0]].start, r.cue[1]))
    return raws, ctx
