"""Finding lexicon terms in a Doc: one Aho-Corasick pass over the token norms.

Token norms are joined into one string, hyphens inside tokens turned into spaces, and searched for
" key " patterns holding every row's key and its inflected forms. A hit counts only when it starts
and ends on token boundaries, so "wing" never fires inside "left-wing" while "left wing" and
"left-wing" meet the same row; a hit inside a hyphenated compound may stand for the compound.
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate, repeat
from operator import add, is_

import ahocorasick

from ..model.fastmake import fast_constructor, record
from .categories import NON_FINDING
from .entry import Entry

# Penn tags a row's `pos` accepts: strict fits first, then tagger-error-tolerant fits.
STRICT = {
    "N": frozenset({"NN", "NNS", "NNP", "NNPS", "FW"}),
    "V": frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}),
    "J": frozenset({"JJ", "JJR", "JJS", "VBN", "VBG"}),
    "R": frozenset({"RB", "RBR", "RBS", "WRB"}),
}
LENIENT = {
    "N": frozenset({"JJ", "VBG"}),  # "killing" as a gerund, noun-like adjectives
    "V": frozenset({"JJ"}),  # participles tagged as adjectives ("a slammed door")
    "J": frozenset({"NN", "NNP", "RB"}),  # "sham" tagged as a noun
    "R": frozenset(),  # derived adverbs must be tagged as adverbs
}


#: A compound whose flagged part follows one of these is not flagged for it ("anti-racist").
NEGATING_PREFIXES = frozenset({"anti", "non", "counter", "un", "de", "ex", "post", "pre", "former"})


@record
class Match:
    """A raw match: tokens [first, last) and the entry chosen for them."""

    first: int
    last: int
    entry: Entry
    fit: int


#: Match(...) without the call into __init__ (the same objects; see framing.model.fastmake):
#: every article makes tens of them.
_MAKE_MATCH = fast_constructor(Match)


#: What pos_fit reads of a verb row's token beyond its tag: a norm ending (-ing/-ed, for a
#: tag NN or NNS) and the tag before (one of these, for NNS). Matcher.spans keys its memo by them.
_ING_ED = ("ing", "ed")
_NAME_BEFORE = frozenset({"NNP", "NNPS", "PRP"})


def pos_fit(entry: Entry, tag: str, norm: str = "", prev_tag: str = "",
            in_verb_slot: bool = False) -> int:
    """2: the tag fits the row's pos; 1: fits allowing for tagger errors; 0: does not fit.

    Three known tagger errors are forgiven for verb rows: a gerund or participle tagged as a noun
    ("the demonizing of", norm ending in -ing/-ed), a headline verb after a name tagged as a
    plural noun ("Senator slams ...", "Trump rips ..."), and a noun tag where the words around
    the token leave room only for a verb (`in_verb_slot`, from verb_slot below: "they gobble
    down", "the party that coddles and encourages", "mock, demean and terrorize", "mocks him").
    """
    if not entry.pos:
        return 2
    if tag in STRICT[entry.pos]:
        return 2
    if tag in LENIENT[entry.pos]:
        return 1
    if entry.pos == "V":
        if tag in ("NN", "NNS") and norm.endswith(_ING_ED):
            return 1
        if tag == "NNS" and prev_tag in _NAME_BEFORE:
            return 1
        if in_verb_slot and tag in ("NN", "NNS"):
            return 1
    return 0


#: Subject pronouns, and the relative pronouns' tags: a word tagged as a noun right after one of
#: them is the clause's verb ("they gobble", "he lurches", "a party that coddles").
_SUBJECTS = frozenset({"i", "we", "they", "he", "she"})
_RELATIVE_TAGS = frozenset({"WDT", "WP"})
#: Object pronouns: a word tagged as a noun right before one of them is a verb ("mocks him").
_OBJECTS = frozenset({"him", "them", "us", "me"})
#: Finite and bare verb tags: a noun-tagged word after one of these and "and", "or" or a comma is
#: a verb of the same list ("mock, demean and terrorize"). Before "and"/"or" the next verb must
#: have the word's own form, -s with -s ("coddles and encourages"), bare with bare ("cheerlead and
#: encourage"): an object noun ends many verb phrases that another verb follows ("runs a think tank
#: and had ...", "a think tank, says ...").
_FINITE = frozenset({"VB", "VBP", "VBZ", "VBD"})
_JOINERS = frozenset({"and", "or", ","})
_AND_OR = frozenset({"and", "or"})


def verb_slot(tokens, i: int) -> bool:
    """Whether the noun-tagged token i stands where English grammar allows only a verb: after a
    subject pronoun or a relative pronoun, before an object pronoun, after a finite verb and
    "and", "or" or a comma, or before "and"/"or" and a verb of its own form. Read only for verb
    rows on tokens tagged NN or NNS (the tagger's commonest error on short verbs: "demean",
    "hypes", "coddles")."""
    sentence = tokens[i].sentence
    if i > 0 and tokens[i - 1].sentence == sentence:
        before = tokens[i - 1]
        if before.norm in _SUBJECTS or before.pos in _RELATIVE_TAGS:
            return True
        if before.norm in _JOINERS and i > 1 and tokens[i - 2].pos in _FINITE \
                and tokens[i - 2].sentence == sentence:
            return True
    if i + 1 < len(tokens) and tokens[i + 1].sentence == sentence:
        after = tokens[i + 1]
        if after.norm in _OBJECTS:
            return True
        if after.norm in _AND_OR and i + 2 < len(tokens) and tokens[i + 2].sentence == sentence:
            same_form = ("VBZ",) if tokens[i].pos == "NNS" else ("VB", "VBP")
            if tokens[i + 2].pos in same_form:
                return True
    return False


#: forms of "have" that make a perfect tense with a participle after them ("has fallen")
_HAVE = frozenset({"have", "has", "had", "having", "'ve", "’ve", "'d", "’d"})
_PERFECT_SKIP = frozenset({"RB", "RBR", "RBS"})


def after_have(tokens, i: int) -> bool:
    """Whether the participle at token i makes a perfect tense with a "have" before it, over
    adverbs and a parenthesis between commas ("has fallen", "have, of course, now made"): a
    verb, not the adjective of the same form ("the fallen", "a battered town")."""
    sentence = tokens[i].sentence
    k, steps = i - 1, 0
    while k >= 0 and steps < 8 and tokens[k].sentence == sentence:
        t = tokens[k]
        if t.norm in _HAVE:
            return True
        if t.pos in _PERFECT_SKIP:
            k -= 1
        elif t.norm == ",":
            j = k - 1  # jump back over a parenthesis to the comma that opens it
            while j >= 0 and k - j <= 5 and tokens[j].norm != "," and tokens[j].sentence == sentence:
                j -= 1
            if j < 0 or tokens[j].norm != ",":
                return False
            k = j - 1
        else:
            return False
        steps += 1
    return False


class Matcher:
    """Compiled patterns for one Lexicon. `spans(doc)` finds raw matches; see build.py for findings.

    Tokens are joined with two spaces ("  ") and hyphens inside a token become two spaces too, so a
    pattern " key " (words separated by two spaces) consumes one space on each side and the next
    token's pattern can still start right after it. The automaton holds every row's key with its
    inflected forms (single words: lemminflect; phrases: each verb inflected in turn) and runs once
    over the token norms, leftmost-longest (pyahocorasick `iter_long`), so most work stays in C.
    """

    def __init__(self, lexicon):
        self.lexicon = lexicon
        auto = ahocorasick.Automaton()
        for key, entries in lexicon.index.items():
            usable = tuple(e for e in entries if e.category not in NON_FINDING)
            if usable:
                pattern = _pattern(key)
                auto.add_word(pattern, (len(pattern), usable))
        if len(auto) == 0:
            auto.add_word(" \x00 ", (3, ()))  # an empty lexicon still needs a valid automaton
        auto.make_automaton()
        self._auto = auto
        self._best_memo: dict = {}  # _best's answers (see spans), bounded by _BEST_MEMO_LIMIT

    def __getstate__(self):
        """Pickled without the memo: its keys hold object ids, which mean nothing elsewhere."""
        state = dict(self.__dict__)
        state["_best_memo"] = {}
        return state

    def _hits(self, auto, words: list[str], raw: dict, parts: dict) -> None:
        """Record (first, last) token ranges and their entries for one stream of token strings.

        A hit inside one hyphenated token ("liberal-bashing", "rage-filled") goes to `parts`
        instead: the matcher may use it for the whole token when nothing matches the token itself.
        """
        pieces, starts, text = _stream(words)
        n = len(pieces)
        for end, (length, entries) in auto.iter_long(text):
            # the pattern " key " ends at `end` (its trailing space); the key starts 2 after its start
            first_char = end - length + 2
            i = bisect_left(starts, first_char)
            if i < n and starts[i] == first_char:
                j = bisect_left(starts, end + 2, i)
                if j <= n and starts[j] == end + 2:
                    raw.setdefault((i, j), []).append(entries)
                    continue
            k = bisect_left(starts, first_char + 1) - 1  # the token holding the hit, if one does
            if 0 <= k < n and end <= starts[k + 1] - 2 and "  " in pieces[k]:
                before = pieces[k][:first_char - starts[k]].rstrip().rsplit("  ", 1)[-1]
                if before not in NEGATING_PREFIXES:
                    parts.setdefault(k, []).append(entries)

    def spans(self, doc, norms: list[str] | None = None) -> list[Match]:
        """Non-overlapping matches in token order: leftmost-longest, then the best pos fit.

        `norms`: the tokens' norms when the caller already has them (the lexicon stage's Context).
        """
        tokens = doc.tokens
        if not tokens:
            return []
        raw: dict[tuple[int, int], list] = {}
        parts: dict[int, list] = {}
        self._hits(self._auto, norms if norms is not None else [t.norm for t in tokens], raw, parts)
        for k, groups in parts.items():
            if (k, k + 1) in raw:
                continue
            strong = [e for entries in groups for e in entries if e.flag and not e.derived_from]
            if strong:
                best = max(strong, key=lambda e: (e.strength, e.term))
                raw[(k, k + 1)] = [(_Part(best),)]
        chosen: list[Match] = []
        memo = self._best_memo
        for (i, j), groups in raw.items():
            if len(groups) == 1 and len(groups[0]) == 1:  # fast path: one row, no competition
                e = groups[0][0]
                if not isinstance(e, _Part) and not e.pos and (j - i > 1 or not e.derived_from):
                    chosen.append(_MAKE_MATCH(i, j, e, 2))
                    continue
            if type(groups[0][0]) is _Part:  # made for this article: nothing to remember
                m = _best(tokens, i, j, groups)
            else:
                # _best depends on the rows (the automaton's own tuples, alive as long as this
                # matcher) and, for one token, on its tag and what pos_fit reads besides: whether
                # the norm ends in -ing/-ed (for a tag NN or NNS), whether the tag before is a
                # name's or a pronoun's (for NNS) and whether the token stands in a verb's slot
                # (for NN or NNS). Keyed by those answers, not by the norm and the tag before
                # themselves, the memo answers most tokens (the same rows meet many words and
                # neighbours).
                if j - i == 1:
                    t = tokens[i]
                    tag = t.pos
                    if tag == "NNS":
                        key = (*map(id, groups), tag, t.norm.endswith(_ING_ED),
                               i > 0 and tokens[i - 1].pos in _NAME_BEFORE, verb_slot(tokens, i))
                    elif tag == "NN":
                        key = (*map(id, groups), tag, t.norm.endswith(_ING_ED),
                               verb_slot(tokens, i))
                    elif tag == "VBN":
                        key = (*map(id, groups), tag, after_have(tokens, i))
                    else:
                        key = (*map(id, groups), tag)
                else:
                    key = (*map(id, groups), j - i)
                got = memo.get(key)
                # (the rows are kept with the answer and checked by identity, so an id that
                # some other object took over could never give a wrong answer)
                if got is None or not all(map(is_, got[0], groups)):
                    m = _best(tokens, i, j, groups)
                    if len(memo) >= _BEST_MEMO_LIMIT:
                        memo.clear()
                    memo[key] = (tuple(groups), m.entry, m.fit) if m is not None else (tuple(groups),)
                elif len(got) == 3:
                    m = _MAKE_MATCH(i, j, got[1], got[2])
                else:
                    m = None
            if m is not None:
                chosen.append(m)
        chosen.sort(key=lambda m: m.first)
        return chosen


#: Bound of a matcher's memo of _best answers, so a long batch's memory stays flat.
_BEST_MEMO_LIMIT = 50_000


class _Part:
    """Marks an entry matched on a part of a hyphenated compound (its pos is the compound's)."""

    __slots__ = ("entry",)

    def __init__(self, entry):
        self.entry = entry


def _pattern(key: str) -> str:
    return " " + key.replace(" ", "  ") + " "


def _stream(words: list[str]) -> tuple[list[str], list[int], str]:
    """Join token strings with two spaces; hyphens inside tokens become two spaces as well.

    Returns the pieces, the start of every piece in the stream (plus one past the end) and the
    stream. Everything is done by whole-list calls in C: the pieces are the words with hyphens
    replaced (the very word objects when the text has no hyphen), each start is the length of
    the pieces before it plus two spaces per piece, and the stream is the joined words with
    the same replacement.
    """
    text = "  " + "  ".join(words) + "  "
    if "-" in text:
        pieces = list(map(str.replace, words, repeat("-"), repeat("  ")))
        text = text.replace("-", "  ")
    else:
        pieces = words
    # start k = 2 + (the lengths of the pieces before it, each with its two spaces): one running
    # sum of length + 2 (small ints, cached), no second pass adding 2k
    starts = list(accumulate(map(add, map(len, pieces), repeat(2)), initial=2))
    return pieces, starts, text


def _best(tokens, i: int, j: int, groups) -> Match | None:
    best = None
    for entries in groups:
        for e in entries:
            if isinstance(e, _Part):
                e, fit = e.entry, 1  # a part of a compound: its word class is the compound's
            elif j - i == 1:
                t = tokens[i]
                fit = pos_fit(e, t.pos, t.norm, tokens[i - 1].pos if i else "",
                              e.pos == "V" and t.pos in ("NN", "NNS") and verb_slot(tokens, i))
                if e.pos == "J" and t.pos == "VBN" and fit and after_have(tokens, i):
                    fit = 0  # "has fallen": the verb, not the row's adjective
                if e.derived_from and fit < 2:
                    fit = 0
            else:
                fit = 2
            if fit == 0:
                continue
            rank = (fit, e.strength)
            if best is None or rank > best[0]:
                best = (rank, e, fit)
    return None if best is None else _MAKE_MATCH(i, j, best[1], best[2])
