"""The tokenizer's `split`, run by the standard `re` module when the text allows it.

`split` over each sentence is the text layer's hottest call, and `re` runs the tokenizer's pattern
about a third faster than `regex`. But `re` has no \\p{L}-style classes, and its \\d, \\s, \\w differ
from `regex`'s Unicode properties for some characters. So the `re` pattern here spells every class
out as explicit ranges, computed from the `regex` module itself over the code points below
`LIMIT` (every Latin, Greek, Cyrillic letter, combining mark, typographic quote and dash of news
text): on a text whose characters are all below `LIMIT`, each class accepts exactly the characters
the `regex` class accepts, and the split is the same (tested against `tokenize._SPLIT` on news text
and random strings). Other texts (CJK, emoji) go to `regex` (see `tokenize.tokens_in`).

Only code points below U+FFFF keep `re`'s classes in its fast bitmap form; a full-Unicode
spelling (ranges above U+FFFF are tested one by one) was measured slower than `regex`.
"""
from __future__ import annotations

import re
from functools import lru_cache

import regex

LIMIT = "\u3000"  # texts whose characters are all below this use the `re` split
#: beyond(text) -> the first character at or above LIMIT (a match), or None
beyond = re.compile("[^\x00-" + chr(ord(LIMIT) - 1) + "]").search

# The alternatives of tokenize._PATTERN, in the same order. {L} {Lu} {LN} {LMN} {D} {S} {W} are
# the `regex` classes \p{L} \p{Lu} [\p{L}\p{N}] [\p{L}\p{M}\p{N}] \d \s \w below LIMIT. Every
# "\b" of _PATTERN follows an ASCII letter, so there it means "no word character next": (?![{W}]).
#
# Two shortcut alternatives come first, for the two commonest kinds of token; each matches only
# where the alternatives after it would match the very same characters, so the split is unchanged
# (and tested equal to `regex`'s), only found sooner: `re` skips an alternative whose first
# character class fails, but tries the word-like ones (initials, the negation's letter run) in
# full before reaching "word".
#  - a run of ASCII letters followed by none of: a letter, mark or digit, an apostrophe, a
#    hyphen, "." or ":". Then url needs "http" + ":" (excluded), initials a letter + "." (excluded),
#    the negation a letter run + "n'" (the run ends before a non-apostrophe non-letter), the
#    numbers a digit or currency sign; and "word" takes exactly this run (its apostrophe and
#    hyphen parts need a character excluded here).
#  - one punctuation character no alternative but the last one can start with (not a letter,
#    digit, currency sign, apostrophe, ".", "-" or "h").
#
# Every alternative opens with one character class or literal, never with a repeat or an
# optional part (`X+` is spelt `XX*`, `[$]?X` two alternatives, `(?:X){2,}` `X(?:X)+`): then `re`
# rejects an alternative on its first character without entering it, at each of the many places
# (the white space between tokens above all) where most alternatives cannot start. The same
# matches, found about a fifth faster.
#: The last labels a web domain token ends in ("MoveOn.org", "HealthCare.gov"), for both spellings
#: of the tokenizer's pattern (here and tokenize._PATTERN) and the tagger's domain test.
DOMAIN_ENDINGS = "com|org|net|gov|edu|mil|info|io"

_FAST = (
    r"[A-Za-z][A-Za-z]*+(?![{LMN}'\u2019\-\u2010\u2011.:])"
    r"|[,;:!?()\[\]\"\u201c\u201d\u2013\u2014]"
)
_RE_PATTERN = (
    r"(https?://[^{S}]+[^{S}.,;:!?)\]\"'\u201d\u2019]"
    r"|[{L}][{LN}\-]*(?:\.[{LN}\-]+)*\.(?:" + DOMAIN_ENDINGS + r")(?![{W}])"
    r"|[{L}]\.(?:[{L}]\.)+"
    r"|[{D}][{D}]*(?:[-\u2010\u2011][{LN}]+)+"
    r"|[$\u00a3\u20ac][{D}]+(?:[.,:/][{D}]+)*(?:st|nd|rd|th|s)?%?"
    r"|[{D}][{D}]*(?:[.,:/][{D}]+)*(?:st|nd|rd|th|s)?%?"
    r"|[{L}][{L}]*n['\u2019]t(?![{W}])"
    r"|[{L}][{LMN}]*(?:['\u2019][{Lu}][{L}]+)?(?:[-\u2010\u2011][{LN}]+)*"
    r"|['\u2019](?:s|S|re|RE|ve|VE|ll|LL|d|D|m|M)(?![{W}])"
    r"|\.\.\.|--|[^{S}])"
)
_CLASSES = {"L": r"\p{L}", "Lu": r"\p{Lu}", "LN": r"[\p{L}\p{N}]", "LMN": r"[\p{L}\p{M}\p{N}]",
            "D": r"\d", "S": r"\s", "W": r"\w"}


def class_body(regex_class: str) -> str:
    """The inside of an `re` character class holding the code points below LIMIT that `regex`
    matches with `regex_class`."""
    below = "".join(map(chr, range(ord(LIMIT))))
    parts = []
    for m in regex.finditer(regex_class + "+", below):
        lo, hi = m.start(), m.end() - 1
        parts.append(f"\\u{lo:04x}" if lo == hi else f"\\u{lo:04x}-\\u{hi:04x}")
    return "".join(parts)


@lru_cache(maxsize=1)
def re_split():
    """`split` of the compiled `re` pattern (built on first use, a few milliseconds)."""
    bodies = {name: class_body(rx) for name, rx in _CLASSES.items()}
    return re.compile(("(" + _FAST + "|" + _RE_PATTERN[1:]).format(**bodies)).split
