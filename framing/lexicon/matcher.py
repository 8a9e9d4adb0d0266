"""Finding lexicon terms in a Doc: one Aho-Corasick pass over the token norms and one over lemmas.

Tokens are joined with single spaces into two strings (surface norms, lemmas), hyphens turned into
spaces, and searched for " key " patterns. A hit counts only when it starts and ends on token
boundaries, so "wing" never fires inside "left-wing" while "left wing" and "left-wing" meet the
same entry. Surface hits catch the exact form ("unprovoked", "so-called"); lemma hits catch
inflections ("slammed" -> "slam", "lost their lives" -> "lose their life").
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate

import ahocorasick

from .categories import NON_FINDING
from .entry import Entry
from .keys import HYPHEN_AS_SPACE

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


@dataclass(frozen=True)
class Match:
    """A raw match: tokens [first, last) and the entry chosen for them."""

    first: int
    last: int
    entry: Entry
    fit: int


def pos_fit(entry: Entry, tag: str, norm: str = "", prev_tag: str = "") -> int:
    """2: the tag fits the row's pos; 1: fits allowing for tagger errors; 0: does not fit.

    Two known tagger errors are forgiven for verb rows: a gerund or participle tagged as a noun
    ("the demonizing of", norm ending in -ing/-ed), and a headline verb after a name tagged as a
    plural noun ("Senator slams ...", "Trump rips ...").
    """
    if not entry.pos:
        return 2
    if tag in STRICT[entry.pos]:
        return 2
    if tag in LENIENT[entry.pos]:
        return 1
    if entry.pos == "V":
        if tag in ("NN", "NNS") and norm.endswith(("ing", "ed")):
            return 1
        if tag == "NNS" and prev_tag in ("NNP", "NNPS", "PRP"):
            return 1
    return 0


class Matcher:
    """Compiled patterns for one Lexicon. `spans(doc)` finds raw matches; see stage for findings."""

    def __init__(self, lexicon):
        self.lexicon = lexicon
        auto = ahocorasick.Automaton()
        for key, entries in lexicon.index.items():
            usable = tuple(e for e in entries if e.category not in NON_FINDING)
            if usable:
                auto.add_word(f" {key} ", (len(key), usable))
        if len(auto) == 0:
            auto.add_word(" \x00 ", (1, ()))  # an empty lexicon still needs a valid automaton
        auto.make_automaton()
        self._auto = auto

    def _hits(self, pieces: list[str], stream_no: int, out: dict, parts: dict) -> None:
        """Record (first, last) token ranges and their entries for one stream of token strings.

        A hit inside one hyphenated token ("liberal-bashing", "rage-filled") goes to `parts`
        instead: the matcher may use it for the whole token when nothing matches the token itself.
        """
        starts = list(accumulate((len(p) + 1 for p in pieces), initial=1))
        text = (" " + " ".join(pieces) + " ").translate(HYPHEN_AS_SPACE)
        n = len(starts)
        for end, (key_len, entries) in self._auto.iter(text):
            # pattern " key ": `end` is the trailing space, the key spans [end - key_len, end)
            first_char = end - key_len
            i = bisect_left(starts, first_char)
            if i < n - 1 and starts[i] == first_char:
                j = bisect_left(starts, end + 1, i)
                if j < n and starts[j] == end + 1:
                    out.setdefault((i, j), []).append((entries, stream_no))
                    continue
            k = bisect_left(starts, first_char + 1) - 1  # the token holding the hit, if one does
            if 0 <= k < n - 1 and end < starts[k + 1] and "-" in pieces[k]:
                before = pieces[k][:first_char - starts[k]].rstrip("-").rsplit("-", 1)[-1]
                if before not in NEGATING_PREFIXES:
                    parts.setdefault(k, []).append(entries)

    def spans(self, doc) -> list[Match]:
        """Non-overlapping matches in token order; longer terms win, then better pos fits."""
        tokens = doc.tokens
        if not tokens:
            return []
        raw: dict[tuple[int, int], list] = {}
        parts: dict[int, list] = {}
        self._hits([t.norm for t in tokens], 0, raw, parts)
        self._hits([t.lemma.lower() for t in tokens], 1, raw, parts)
        for k, groups in parts.items():
            if (k, k + 1) in raw:
                continue
            strong = [e for entries in groups for e in entries if e.flag and not e.derived_from]
            if strong:
                best = max(strong, key=lambda e: (e.strength, e.term))
                raw[(k, k + 1)] = [((best,), 2)]  # stream 2: a part of a hyphenated compound
        cands: list[Match] = []
        for (i, j), groups in raw.items():
            best = None
            for entries, stream_no in groups:
                for e in entries:
                    if stream_no == 2:
                        fit = 1  # a part of a compound: its word class is the compound's
                    elif j - i == 1:
                        t = tokens[i]
                        fit = pos_fit(e, t.pos, t.norm, tokens[i - 1].pos if i else "")
                        if e.derived_from and fit < 2:
                            fit = 0
                    else:
                        fit = 2
                    if fit == 0:
                        continue
                    rank = (fit, -stream_no, e.strength)
                    if best is None or rank > best[0]:
                        best = (rank, e, fit)
            if best is not None:
                cands.append(Match(i, j, best[1], best[2]))
        cands.sort(key=lambda m: (m.first - m.last, -m.fit, m.first))
        taken = bytearray(len(tokens))
        chosen = []
        for m in cands:
            if any(taken[m.first:m.last]):
                continue
            taken[m.first:m.last] = b"\x01" * (m.last - m.first)
            chosen.append(m)
        chosen.sort(key=lambda m: m.first)
        return chosen
