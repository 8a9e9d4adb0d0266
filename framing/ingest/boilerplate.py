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

A rule that must scan a line (an inline rule, searched; a line rule opening with ".*") is tried
only on lines holding the literal text every match of it contains (`_required_text`: "MORE" for
the link hover cards, "sign up" for a newsletter form): the regular expression tries a match at
every position, the substring test is one C-level scan. On the AllSides corpus this took cleaning
from 6.9 to 2.7 CPU-s, with the same output.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .datafiles import data_path, read_tsv

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
        self.inline = tuple((re.compile(r.pattern), r, _required_text(r.pattern))
                            for r in rules if r.scope == "inline")
        rules = [r for r in rules if r.scope != "inline"]
        self._limits = sorted({r.max_words for r in rules if r.max_words})  # ascending
        compiled = [(re.compile(r.pattern, re.IGNORECASE).fullmatch, r,
                     _required_text(r.pattern, re.IGNORECASE, only_if_scanning=True))
                    for r in rules]
        # per limit (and one for longer lines): the rules a line of that many words may match
        self._by_limit = [tuple(c for c in compiled if c[1].max_words == 0 or c[1].max_words >= lim)
                          for lim in self._limits + [10 ** 9]]

    def strip_inline(self, line: str) -> tuple[str, list[tuple[str, str]]]:
        """The line without what the inline rules find in it, and [(removed text, reason)]. A
        match goes except its first group, when the pattern has one (the words it is glued to:
        "Sen. Dick Durbin Richard (Dick) Joseph DurbinPentagon watchdog ... MORE said" keeps
        "Durbin")."""
        removed = []
        for pattern, rule, needle in self.inline:
            if needle is not None and needle not in line:
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
        for fullmatch, rule, needle in self._by_limit[bisect.bisect_left(self._limits,
                                                                         len(core.split()))]:
            if needle is not None:
                if folded is None:
                    folded = core.lower()
                    if not folded.isascii() and _FOLDED_CHARS.search(core):
                        folded = core.translate(_FOLD).lower()  # rare: translate is slow
                if needle not in folded:
                    continue  # no match can be here
            if fullmatch(core) is not None:
                return rule
        return None


def _required_text(pattern: str, flags: int = 0, only_if_scanning: bool = False) -> str | None:
    """The longest run of literal characters that every match of `pattern` holds, or None: the
    literals of its top-level sequence (outside any group, repeat, alternation or look-around, so
    each is part of every match). For a case-insensitive pattern the run is lower-cased and must be
    ASCII, to be looked for in a line folded with `_FOLD` and `str.lower`.

    `only_if_scanning`: None unless the pattern opens with a repeat that may match nothing (".*"),
    as a whole-line rule that tries every position of the line before failing does; a pattern
    opening with a literal fails at once, and a substring test would cost more than it saves."""
    try:
        from re import _parser  # the standard library's parser (Python 3.11+)

        parsed = _parser.parse(pattern, flags)
    except Exception:  # a future Python without it, or an unreadable pattern: no prefilter
        return None
    if only_if_scanning and not (parsed and parsed[0][0] in (_parser.MAX_REPEAT, _parser.MIN_REPEAT)
                                 and parsed[0][1][0] == 0):
        return None
    best = run = ""
    for op, arg in parsed:
        run = run + chr(arg) if op is _parser.LITERAL else ""
        if len(run) > len(best):
            best = run
    if parsed.state.flags & re.IGNORECASE:
        best = best.lower() if best.isascii() else ""
    return best or None


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
