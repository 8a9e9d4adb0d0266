"""Tokenisation with character offsets.

A regular-expression tokenizer rather than nltk's Treebank one: Treebank mangles curly quotes and
apostrophes, and we need every token's offsets to index the original text exactly. Clitics ('s,
n't, 're ...) become tokens of their own, as in the Penn Treebank, so the tagger sees familiar input.

Speed: the tokens of a sentence come from one `split` call (a single pass in C that returns the
token strings and the gaps between them, whose lengths give the offsets; run by `re` for nearly all
text, see framing.text.resplit), rather than a Python loop over match objects. The two rules that
need a look at a token's kind, splitting "aren't" into "are" + "n't" and keeping the period of
"Dr." or of an initial, are applied afterwards to the few tokens they can concern, re-reading the
kind with `_TOKEN.match` at that token's start: the result is exactly that of the rule-per-match
loop `span_tokenize_reference` (tested on news text).
"""
from __future__ import annotations

from functools import lru_cache
from bisect import bisect_left
from itertools import accumulate, compress, repeat
from operator import eq, or_, sub

import regex

from .resources import abbreviations
from .resplit import DOMAIN_ENDINGS, beyond as _beyond, re_split as _re_split

_APOS = "'\u2019"
#: A web domain, kept as one token: a name, more labels, one of DOMAIN_ENDINGS.
_DOMAIN_PATTERN = r"\p{L}[\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*\.(?:" + DOMAIN_ENDINGS + r")\b"
# Order matters: the first alternative that matches wins.
_PATTERN = r"""
    (?P<url>https?://\S+[^\s.,;:!?)\]"'\u201d\u2019])
  | (?P<domain>DOMAIN)                                          # MoveOn.org
  | (?P<initials>(?:\p{L}\.){2,})                               # U.S.  e.g.  a.m.
  | (?P<numword>\d+(?:[-\u2010\u2011][\p{L}\p{N}]+)+)             # 81-year-old  2-1
  | (?P<num>[$\u00a3\u20ac]?\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)?%?)  # 23  1,500  10:41  2025/11
  | (?P<neg>\p{L}+n[APOS]t)\b                                   # aren't  can't
  | (?P<word>\p{L}[\p{L}\p{M}\p{N}]*(?:[APOS]\p{Lu}\p{L}+)?(?:[-\u2010\u2011][\p{L}\p{N}]+)*)  # O'Brien Pak-Afghan
  | (?P<clitic>[APOS](?:s|S|re|RE|ve|VE|ll|LL|d|D|m|M)\b)
  | (?P<punct>\.\.\.|--|\S)
    """.replace("APOS", _APOS).replace("DOMAIN", _DOMAIN_PATTERN)
_TOKEN = regex.compile(_PATTERN, regex.VERBOSE)
# The same alternatives as one capturing group, for `split`: [gap, token, gap, token, ..., gap].
_SPLIT = regex.compile("(" + regex.sub(r"\(\?P<\w+>", "(?:", _PATTERN) + ")", regex.VERBOSE)
_DOMAIN = regex.compile(_DOMAIN_PATTERN)
_NEG = _TOKEN.groupindex["neg"]
_WORD = _TOKEN.groupindex["word"]
_NT = ("n't", "n\u2019t")
_NON_SPACE = regex.compile(r"\S")  # the `regex` \s the pattern's \S and url parts stop at


def tokens_in(text: str, start: int = 0, end: int | None = None
              ) -> tuple[list[int], list[int], list[str]]:
    """Starts, ends and strings of the tokens of text[start:end] (three parallel lists)."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    # The same split, by `re` when every character is below resplit.LIMIT (nearly all news).
    parts = (_re_split() if chunk.isascii() or _beyond(chunk) is None else _SPLIT.split)(chunk)
    bounds = list(accumulate(map(len, parts), initial=start))
    starts = bounds[1:-1:2]
    ends = bounds[2::2]
    forms = parts[1::2]
    # An abbreviation or an initial keeps its period: a "." (or "...") token right after the word.
    if "." in chunk:
        abbr = abbreviations()
        for mark in ((".", "...") if "..." in chunk else (".",)):
            # Right to left, so a dropped token does not move those still to visit. The order
            # does not matter: a mark after a dropped one follows a word ending in "." (or,
            # after "...", not touching it), which never takes a period (abbreviations are
            # listed without their period).
            marks = list(compress(range(len(forms)), map(eq, forms, repeat(mark))))
            # Only after a listed abbreviation or an upper-case word (an initial is one) can
            # the mark go: the others (most, the sentence ends) are left out in C, and
            # `_keep_period` decides the few left. (The word before the mark at index 0 is read
            # as forms[-1]: `_keep_period` turns that one down.)
            before = list(map(forms.__getitem__, map(sub, marks, repeat(1))))
            can = map(or_, map(abbr.__contains__, map(str.lower, before)), map(str.isupper, before))
            for j in reversed(list(compress(marks, can))):
                _keep_period(text, end, abbr, starts, ends, forms, j)
    # Negations: "aren't" -> "are" + "n't"; "can't" -> "ca" + "n't", as in the Treebank.
    if "n't" in chunk or "n\u2019t" in chunk:
        # Right to left, so a split does not move the tokens still to visit: the tokens ending
        # in "n't", found from the few places the text holds it (a token ends there).
        for i in _ending_in_nt(chunk, start, ends, forms):
            if _TOKEN.match(text, starts[i], end).lastindex == _NEG:
                form = forms[i]
                cut = ends[i] - 3
                forms[i:i + 1] = [form[:-3], form[-3:]]
                starts.insert(i + 1, cut)
                ends.insert(i, cut)
    return starts, ends, forms


def _ending_in_nt(chunk: str, start: int, ends: list[int], forms: list[str]) -> list[int]:
    """Indices, last first, of the tokens whose text ends in "n't" or "n’t" (the chunk starts
    at offset `start`; `ends` are the tokens' end offsets): such a token ends where the text holds
    it, so only the tokens ending at those few places are tested, not every token (the same
    indices as testing `str.endswith` on each; tested)."""
    found = set()
    for nt in _NT:
        pos = chunk.find(nt)
        while pos != -1:
            stop = start + pos + 3
            k = bisect_left(ends, stop)
            if k < len(ends) and ends[k] == stop and forms[k].endswith(_NT):
                found.add(k)
            pos = chunk.find(nt, pos + 1)
    return sorted(found, reverse=True)


def tokens_of_sentences(text: str, sent_starts: list[int], sent_ends: list[int]
                        ) -> tuple[list[int], list[int], list[str]]:
    """`tokens_in` of each sentence [sent_starts[k], sent_ends[k]), concatenated: in one call over
    each run of sentences for which that gives the same tokens (usually the whole article).

    One call is the same when every gap between two of its sentences is non-empty white space (as
    `regex` defines \\s; the usual case): no token can hold white space (every alternative of the
    pattern stops at it), so none crosses a sentence end, no token starts in a gap, and the
    only look past a sentence's end (the "no word character next" of clitics and negations, and
    the abbreviation and negation checks, which re-match at a token) sees white space there as
    it sees the end of the sentence's own text. Tested against the sentence-by-sentence result.
    """
    if not sent_starts:
        return [], [], []
    gaps = list(map(text.__getitem__, map(slice, sent_ends[:-1], sent_starts[1:])))
    if all(gaps) and _NON_SPACE.search("".join(gaps)) is None:
        return tokens_in(text, sent_starts[0], sent_ends[-1])
    # Else one call per run of sentences joined by white-space gaps.
    starts: list[int] = []
    ends: list[int] = []
    forms: list[str] = []
    first = 0
    for k, gap in enumerate(gaps + [""]):
        if not gap or _NON_SPACE.search(gap) is not None:
            r_starts, r_ends, r_forms = tokens_in(text, sent_starts[first], sent_ends[k])
            starts += r_starts
            ends += r_ends
            forms += r_forms
            first = k + 1
    return starts, ends, forms


def _keep_period(text: str, end: int, abbr, starts, ends, forms, j: int) -> bool:
    """If token j (a "." or "...") follows a known abbreviation or an initial, give that word
    the period and drop token j. Returns True when token j was dropped."""
    i = j - 1
    if i < 0 or ends[i] != starts[j]:
        return False
    word = forms[i]
    if not (word.lower() in abbr or (len(word) == 1 and word.isupper())):
        return False
    m = _TOKEN.match(text, starts[i], end)
    if m.lastindex != _WORD or m.end() != ends[i]:
        return False  # not a word, or a word that already took a period
    ends[i] += 1
    forms[i] = word + "."
    del starts[j], ends[j], forms[j]
    return True


def span_tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the tokens of text[start:end]."""
    starts, ends, _ = tokens_in(text, start, end)
    return list(zip(starts, ends))


def span_tokenize_reference(text: str, start: int = 0, end: int | None = None
                            ) -> list[tuple[int, int]]:
    """The tokenizer's rules applied match by match: the definition `tokens_in` must equal."""
    end = len(text) if end is None else end
    abbr = abbreviations()
    spans: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.span()
        if spans and s < spans[-1][1]:
            continue  # the period already taken by an abbreviation
        kind = m.lastgroup
        if kind == "neg":
            cut = e - 3
            spans.append((s, cut))
            spans.append((cut, e))
        elif kind == "word":
            if e < end and text[e] == "." and m.group().lower() in abbr:
                e += 1  # keep the period of a known abbreviation ("Dr.", "Oct.")
            elif e < end and text[e] == "." and len(m.group()) == 1 and m.group().isupper():
                e += 1  # an initial ("J. Smith")
            spans.append((s, e))
        else:
            spans.append((s, e))
    return spans


def is_domain(form: str) -> bool:
    """Is this token text a web domain, as the tokenizer keeps it whole ("MoveOn.org")?"""
    return _DOMAIN.fullmatch(form) is not None


@lru_cache(maxsize=65536)
def is_word_text(text: str) -> bool:
    """Token.is_word for a token's text (has a letter or digit), memoised: token texts repeat, and
    stages that count words over every token call it hundreds of thousands of times a batch."""
    return any(c.isalnum() for c in text)
