"""Web leftovers: which lines of a pasted page are not the article (ads, forms, share buttons...).

The rules live in framing/data/boilerplate.tsv (pattern, scope, max_words, reason), so they can be
read, tested and extended without touching code. A line is compared after trimming spaces, '|' and
bullets; a rule must match the WHOLE line, and most rules only apply to short lines (max_words), so
a real sentence that merely contains "advertisement" or "share" is never removed. Rules of scope
"inline" are the exception: searched inside the lines that stay, they remove page text glued into a
sentence (`RuleSet.strip_inline`).

A line is tried against the rules that apply to its length, one compiled pattern after another in
the file's order. One alternation per distinct limit (what this did before) matched no faster on
the AllSides corpus, and compiling those 18 alternations cost about 0.1-0.15 CPU-s per process.

Two prefilters, both read from a rule's pattern with the standard library's parser, keep a line
from meeting rules that cannot match it; neither changes a result (tests compare):
- A line is tried only against the rules a match of which can open with its first character
  (`_first_chars`: "w" and "s" for "(?:watch|see) ...", "t" and "s" for "(the )?story ...").
  Most lines open with a letter few rules start with.
- An inline rule, or a whole-line rule that opens by scanning the line (".*"), is tried only on
  lines holding one of the literal texts one of which every match of it contains
  (`_required_texts`: "MORE" for the link hover cards, "sign up" for a newsletter form, "photo",
  "image", "picture" or "pic" for a photo credit; `_needles`: at most MAX_NEEDLES of them). The
  regular expression tries a match at every position of the line; the substring tests are
  C-level scans.
On the AllSides corpus the texts alone took cleaning from 6.9 to 2.7 CPU-s (session 22, one rule
per needle); with the first characters and needle sets, 3.2 -> 2.7 on session 23's slower machine.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .datafiles import data_path, read_tsv

try:
    from re import _parser  # the standard library's parser (Python 3.11+)
except ImportError:  # a future Python without it: no prefilters
    _parser = None

SCOPES = ("line", "rest", "top", "inline")
_DECORATION = " |\u2022\u00b7\u25ba\u25b6\u25aa\u25cf\u27a4\u2192"
#: The characters outside ASCII that a case-insensitive pattern's ASCII letter matches (dotted
#: capital I, dotless i, long s, the Kelvin sign), mapped to that letter; with `str.lower` after
#: this, every text a case-insensitive match covers becomes its ASCII needle (a test checks the
#: list against the regular expression engine over all of Unicode).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_FOLDED_CHARS = re.compile("[" + "".join(map(chr, _FOLD)) + "]")


@dataclass(frozen=True)
class Rule:
    scope: str  # line | rest | top | inline
    max_words: int  # 0 = any length
    pattern: str
    reason: str
    line: int  # line in the data file, for error messages


class RuleSet:
    """The compiled rules; `match(line)` returns the first matching Rule or None."""

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        # inline rules: searched inside a kept line, case-sensitive (they find page text glued
        # into a sentence, such as a link's hover card, by its capitals)
        self.inline = tuple((re.compile(r.pattern), r, _required_texts(r.pattern))
                            for r in rules if r.scope == "inline")
        rules = [r for r in rules if r.scope != "inline"]
        self._limits = sorted({r.max_words for r in rules if r.max_words})  # ascending
        firsts = [_first_chars(r.pattern, re.IGNORECASE) for r in rules]
        compiled = [(re.compile(r.pattern, re.IGNORECASE).fullmatch, r, _needles(r.pattern))
                    for r in rules]
        known = sorted(set().union(*(f for f in firsts if f is not None)))
        # per limit (and one for longer lines): the rules a line of that many words may match,
        # as {first character: those of them a match of which can open with it, in file order}
        # and, for any other first character, those that can open with anything
        self._by_limit = []
        for lim in self._limits + [10 ** 9]:
            fits = [(c, f) for c, f in zip(compiled, firsts)
                    if c[1].max_words == 0 or c[1].max_words >= lim]
            self._by_limit.append((
                {ch: tuple(c for c, f in fits if f is None or ch in f) for ch in known},
                tuple(c for c, f in fits if f is None)))

    def strip_inline(self, line: str) -> tuple[str, list[tuple[str, str]]]:
        """The line without what the inline rules find in it, and [(removed text, reason)]. A
        match goes except its first group, when the pattern has one (the words it is glued to:
        "Sen. Dick Durbin Richard (Dick) Joseph DurbinPentagon watchdog ... MORE said" keeps
        "Durbin")."""
        removed = []
        for pattern, rule, needles in self.inline:
            if needles is not None:
                for needle in needles:
                    if needle in line:
                        break
                else:
                    continue  # no match can be here
            def cut(m, rule=rule):
                kept = m.group(1) if pattern.groups else ""
                removed.append((m.group(0)[len(kept):].strip(), rule.reason))
                return kept
            line = pattern.sub(cut, line)
        return line, removed

    def match(self, line: str) -> Rule | None:
        core = line.strip(_DECORATION)
        folded = None  # the line as the needles are written: folded once, when first needed
        by_first, any_first = self._by_limit[bisect.bisect_left(self._limits, len(core.split()))]
        first = core[:1]
        if first and not first.isascii():
            first = first.translate(_FOLD)
        for fullmatch, rule, needles in by_first.get(first.lower(), any_first):
            if needles is not None:
                if folded is None:
                    folded = core.lower()
                    if not folded.isascii() and _FOLDED_CHARS.search(core):
                        folded = core.translate(_FOLD).lower()  # rare: translate is slow
                for needle in needles:  # (a loop: any(map(...)) cost 10% more here)
                    if needle in folded:
                        break
                else:
                    continue  # no match can be here
            if fullmatch(core) is not None:
                return rule
        return None


@lru_cache(maxsize=512)
def _parse(pattern: str, flags: int):
    """The standard library's parse of a rule's pattern, which every prefilter reads (so each rule
    is parsed once), or None: a future Python without the parser, or an unreadable pattern (then
    the rule is tried on every line)."""
    if _parser is None:
        return None
    try:
        return _parser.parse(pattern, flags)
    except Exception:
        return None


#: A whole-line rule gets a prefilter of at most this many texts: checking more costs more than
#: the match they would spare (measured rule by rule on the AllSides corpus).
MAX_NEEDLES = 4


def _needles(pattern: str) -> tuple[str, ...] | None:
    """The prefilter of a whole-line rule (case-insensitive): its required texts when it opens by
    scanning the line (a repeat of any character that may match nothing, as ".*", first or after
    a look-ahead, in any alternative) and there are at most MAX_NEEDLES of them; else None. A
    rule that opens otherwise fails at the line's first characters, and a substring test costs
    more than that."""
    parsed = _parse(pattern, re.IGNORECASE)
    if parsed is None:
        return None

    def scans(items) -> bool:
        for op, arg in items:
            if op in (_parser.AT, _parser.ASSERT, _parser.ASSERT_NOT):
                continue
            if op is _parser.SUBPATTERN:
                return scans(arg[3])
            if op is _parser.BRANCH:
                return any(scans(alternative) for alternative in arg[1])
            return (op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT) and arg[0] == 0
                    and len(arg[2]) == 1 and arg[2][0][0] is _parser.ANY)
        return False

    if not scans(parsed):
        return None
    texts = _required_texts(pattern, re.IGNORECASE)
    return texts if texts is not None and len(texts) <= MAX_NEEDLES else None


def _required_texts(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Literal texts one of which every match of `pattern` holds, or None when there are none.

    From the pattern's parse: a run of literal characters in a sequence; for a group or a repeat
    of at least once, what its contents require; for an alternation, what each alternative
    requires, all together. Of a sequence's candidates the one whose shortest text is longest is
    kept (the rarest in a line). Look-arounds and groups that change the flags require nothing.
    For a case-insensitive pattern the texts are lower-cased and must be ASCII, to be looked for
    in a line folded with `_FOLD` and `str.lower` (a case-sensitive group inside one still holds
    its lower-cased text in the folded line)."""
    parsed = _parse(pattern, flags)
    if parsed is None:
        return None
    caseless = bool(parsed.state.flags & re.IGNORECASE)

    def sequence(items):
        candidates, run = [], ""
        for op, arg in items:
            if op is _parser.LITERAL:
                run += chr(arg)
                continue
            if run:
                candidates.append((run,))
            run = ""
            got = element(op, arg)
            if got is not None:
                candidates.append(got)
        if run:
            candidates.append((run,))
        return max(candidates, key=lambda texts: (min(map(len, texts)), -len(texts)), default=None)

    def element(op, arg):
        if op is _parser.SUBPATTERN:
            _group, add_flags, del_flags, items = arg
            # (?-i:...) in a case-insensitive pattern still holds its text lower-cased
            if add_flags or (del_flags and not (caseless and del_flags == re.IGNORECASE)):
                return None
            return sequence(items)
        if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
            return sequence(arg[2]) if arg[0] >= 1 else None
        if op is _parser.IN and len(arg) <= 8 and all(kind is _parser.LITERAL for kind, _ in arg):
            return tuple(chr(value) for _, value in arg)  # one of a few characters
        if op is _parser.BRANCH:
            texts = []
            for items in arg[1]:
                got = sequence(items)
                if got is None:
                    return None  # an alternative that requires nothing
                texts.extend(t for t in got if t not in texts)
            return tuple(texts)
        return None

    got = sequence(parsed)
    if got is not None and caseless:
        if not all(t.isascii() for t in got):
            return None
        got = tuple(dict.fromkeys(t.lower() for t in got))
    return got


def _first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of `pattern` can open with (lower-cased for a case-insensitive
    pattern), or None when that cannot be told simply: a match may open with any character
    (".", "\\w", a negated class), may be empty, or the pattern changes its flags in a group.
    Reads the standard library's parse of the pattern, as `_required_texts` does. For a
    case-insensitive pattern the characters must be ASCII: a line's first character is then
    folded with `_FOLD` and `str.lower`, as the needles' lines are."""
    parsed = _parse(pattern, flags)
    if parsed is None:
        return None

    def sequence(items):  # (characters, whether the items can match nothing) or None
        chars: set[str] = set()
        for op, arg in items:
            got = element(op, arg)
            if got is None:
                return None
            chars |= got[0]
            if not got[1]:
                return chars, False
        return chars, True

    def element(op, arg):
        if op in (_parser.AT, _parser.ASSERT, _parser.ASSERT_NOT):  # consume nothing
            return set(), True
        if op is _parser.LITERAL:
            return {chr(arg)}, False
        if op is _parser.IN:
            chars = set()
            for kind, value in arg:
                if kind is _parser.LITERAL:
                    chars.add(chr(value))
                elif kind is _parser.RANGE and value[1] - value[0] < 128:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                else:  # a negated set, a category (\\d, \\w ...), a wide range
                    return None
            return chars, False
        if op is _parser.SUBPATTERN:
            _group, add_flags, del_flags, items = arg
            return None if add_flags or del_flags else sequence(items)
        if op is _parser.BRANCH:
            chars, empty = set(), False
            for items in arg[1]:
                got = sequence(items)
                if got is None:
                    return None
                chars |= got[0]
                empty = empty or got[1]
            return chars, empty
        if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
            low, _high, items = arg
            got = sequence(items)
            return None if got is None else (got[0], low == 0 or got[1])
        return None  # any character, a back-reference ...

    got = sequence(parsed)
    if got is None or got[1]:
        return None
    chars = got[0]
    if parsed.state.flags & re.IGNORECASE:
        if not all(c.isascii() for c in chars):
            return None
        chars = {c.lower() for c in chars}
    return frozenset(chars)


def load_rules(path: Path | None = None) -> RuleSet:
    """Read and validate a rules file (default: the packaged boilerplate.tsv)."""
    if path is None:
        return _default_rules()
    return _read(Path(path))


@lru_cache(maxsize=1)
def _default_rules() -> RuleSet:
    return _read(data_path("boilerplate.tsv"))


def _read(path: Path) -> RuleSet:
    rules = []
    for number, row in read_tsv(path, ("scope", "max_words", "pattern", "reason")):
        where = f"{path}:{number}"
        if row["scope"] not in SCOPES:
            raise ValueError(f"{where}: scope must be one of {', '.join(SCOPES)}, not {row['scope']!r}")
        if not row["max_words"].isdigit():
            raise ValueError(f"{where}: max_words must be a whole number, not {row['max_words']!r}")
        if not row["pattern"] or not row["reason"]:
            raise ValueError(f"{where}: pattern and reason must not be empty")
        try:
            compiled = re.compile(row["pattern"], re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{where}: bad pattern: {exc}") from None
        if compiled.groupindex:
            raise ValueError(f"{where}: patterns must not use named groups")
        rules.append(Rule(row["scope"], int(row["max_words"]), row["pattern"], row["reason"], number))
    return RuleSet(rules)
