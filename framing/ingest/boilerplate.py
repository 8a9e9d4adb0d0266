"""Web leftovers: which lines of a pasted page are not the article (ads, forms, share buttons...).

The rules live in framing/data/boilerplate.tsv (pattern, scope, max_words, reason), so they can be
read, tested and extended without touching code. A line is compared after trimming spaces, '|' and
bullets; a rule must match the WHOLE line, and most rules only apply to short lines (max_words), so
a real sentence that merely contains "advertisement" or "share" is never removed.

For speed, all rules that apply to lines of at most N words are compiled into one alternation per
distinct N; a line is matched once, against the alternation for its length. Rules that scan the
whole line (a leading `.*`, a look-ahead) cost most of that match, and nearly every line is a
sentence none of them can match. Such a rule, when it has literals it cannot match without (see
`gate`), is left out of the alternation: only a line holding one of them is also tried against it
(with the rule's own pattern, in rule order), so the first matching rule is the one the whole
alternation would find: 40% less CPU per line, and a third of the compiling.
"""
from __future__ import annotations

import bisect
import re
import re._constants as _sre  # the parsed-pattern opcodes `gate` reads (re._parser's output)
import re._parser as _sre_parse
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .datafiles import data_path, read_tsv

SCOPES = ("line", "rest", "top")
_DECORATION = " |\u2022\u00b7\u25ba\u25b6\u25aa\u25cf\u27a4\u2192"


@dataclass(frozen=True)
class Rule:
    scope: str  # line | rest | top
    max_words: int  # 0 = any length
    pattern: str
    reason: str
    line: int  # line in the data file, for error messages


class RuleSet:
    """The compiled rules; `match(line)` returns the first matching Rule or None."""

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        limits = sorted({r.max_words for r in rules if r.max_words} | {0})
        self._limits = [lim for lim in limits if lim]  # ascending word limits
        # rule index -> the literals a line must contain (lower-cased) for the rule to be worth
        # trying, or None: the rule is always tried. No gates when a rule refers to a group by
        # number (leaving a rule out of an alternation would renumber the groups after it).
        parsed = [_sre_parse.parse(r.pattern, re.IGNORECASE) for r in rules]
        refs = any(_has_groupref(p) for p in parsed)
        self._gates = [None if refs else gate(p) for p in parsed]
        self._plans: dict[int, _Plan] = {}  # slot -> its alternations, compiled on first use

    def match(self, line: str) -> Rule | None:
        core = line.strip(_DECORATION)
        n_words = len(core.split())
        slot = bisect.bisect_left(self._limits, n_words)
        plan = self._plans.get(slot) or self._plan(slot)
        m = plan.first.fullmatch(core) if plan.first is not None else None
        found = None if m is None else int(m.lastgroup[1:])
        if plan.gate is not None and plan.gate.search(core.lower()) is not None:
            # the line has a gated rule's literal: the first rule in order that matches, as the
            # alternation of all the slot's rules would find it
            for i, pattern in plan.gated:
                if found is not None and i > found:
                    break
                if pattern.fullmatch(core) is not None:
                    found = i
                    break
        return None if found is None else self.rules[found]

    def _plan(self, slot: int) -> "_Plan":
        lim = (self._limits + [10 ** 9])[slot]
        chosen = [(i, r) for i, r in enumerate(self.rules)
                  if r.max_words == 0 or r.max_words >= lim]
        gated = [(i, r) for i, r in chosen if self._gates[i] is not None]
        plan = _Plan(_combine([(i, r) for i, r in chosen if self._gates[i] is None]),
                     [(i, re.compile(r.pattern, re.IGNORECASE)) for i, r in gated],
                     sorted({lit for i, _ in gated for lit in self._gates[i]}))
        self._plans[slot] = plan
        return plan


class _Plan:
    """One word-count slot's rules: `first`, the alternation of its ungated rules (None: none);
    `gated`, its gated rules (index, own pattern) in order; `gate`, a search for their literals
    in the lower-cased line (None: no gated rule)."""

    def __init__(self, first, gated, literals):
        self.first = first
        self.gated = gated
        self.gate = re.compile("|".join(map(re.escape, literals + _FOLD_SPECIAL))) \
            if gated else None


#: Matching ignores case by Unicode simple case folding, which str.lower() equals except for
#: these: the dotless i and the long s match "i" and "s", and the dotted capital I lowers to two
#: characters ("i" and U+0307). A lower-cased line holding any of them opens every gate
#: (tests/test_ingest_boilerplate_gate.py checks every code point against the literals' letters).
_FOLD_SPECIAL = ["\u0131", "\u017f", "\u0307"]

#: A gate's literals are each at least this long, or hold a character that ordinary prose
#: seldom has (anything but letters, digits, spaces and _COMMON): shorter, plainer ones are in
#: too many ordinary lines for the gate to stay shut.
_GATE_MIN_CHARS = 3
_COMMON = frozenset(".,;:'\"!?()-/&")


def _rare(literal: str) -> bool:
    return len(literal) >= _GATE_MIN_CHARS or any(
        not (ch.isascii() and (ch.isalnum() or ch.isspace())) and ch not in _COMMON
        for ch in literal)


def gate(parsed) -> frozenset[str] | None:
    """The literals (lower-cased) one of which every line a rule matches contains, when the rule
    is worth gating: it starts by scanning (`.*`, a look-ahead) in one of its alternatives, so
    trying it costs a pass over the line, and its literals are rare enough. None otherwise.
    `parsed`: the rule's pattern as re._parser.parse gives it (IGNORECASE)."""
    if not _scans(list(parsed)):
        return None
    need = _required(list(parsed))
    if not need or not all(map(_rare, need)):
        return None
    return need


def _scans(items) -> bool:
    """Does the sequence start (in any alternative) with a repeat of any character or of a class,
    or with a look-around?"""
    if not items:
        return False
    op, av = items[0]
    if op in (_sre.ASSERT, _sre.ASSERT_NOT):
        return True
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        body = list(av[2])
        if av[1] <= 1 or len(body) != 1:
            return False
        bop, bav = body[0]  # any character, or any but a few: [^...]
        return bop in (_sre.ANY, _sre.NOT_LITERAL) or (
            bop is _sre.IN and bool(bav) and bav[0][0] is _sre.NEGATE)
    if op is _sre.SUBPATTERN:
        return _scans(list(av[3]))
    if op is _sre.BRANCH:
        return any(_scans(list(b)) for b in av[1])
    return False


def _literal_char(code: int) -> str | None:
    """The character to look for in a lower-cased line for a pattern literal, or None when
    lower-casing does not tell (a letter outside ASCII: case folding has exceptions there)."""
    ch = chr(code)
    if code < 128:
        return ch.lower()
    if ch.lower() == ch == ch.upper() and ch.casefold() == ch:  # no case at all: © — “
        return ch
    return None


def _required(items) -> frozenset[str] | None:
    """Literals of which every match of the sequence contains one: the most selective of its
    elements' (the longest shortest literal), or None when none has any."""
    candidates = []
    run: list[str | None] = []

    def flush():
        piece, pieces = "", []
        for ch in run + [None]:
            if ch is None:
                if piece:
                    pieces.append(piece)
                piece = ""
            else:
                piece += ch
        if pieces:
            candidates.append(frozenset([max(pieces, key=len)]))
        run.clear()

    for op, av in items:
        if op is _sre.LITERAL:
            run.append(_literal_char(av))
            continue
        flush()
        need = _required_item(op, av)
        if need:
            candidates.append(need)
    flush()
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c), sorted(c)))


def _required_item(op, av) -> frozenset[str] | None:
    if op is _sre.SUBPATTERN:
        return _required(list(av[3]))
    if op is _sre.ATOMIC_GROUP:
        return _required(list(av))
    if op is _sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            need = _required(list(branch))
            if not need:
                return None
            out |= need
        return frozenset(out)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        return _required(list(av[2])) if av[0] >= 1 else None
    if op is _sre.IN:
        chars = [_literal_char(a) if o is _sre.LITERAL else None for o, a in av]
        return frozenset(chars) if chars and None not in chars else None
    return None


def _has_groupref(items) -> bool:
    for op, av in items:
        if op in (_sre.GROUPREF, _sre.GROUPREF_EXISTS, _sre.GROUPREF_IGNORE,
                  _sre.GROUPREF_LOC_IGNORE, _sre.GROUPREF_UNI_IGNORE):
            return True
        if op is _sre.SUBPATTERN and _has_groupref(av[3]):
            return True
        if op is _sre.ATOMIC_GROUP and _has_groupref(av):
            return True
        if op is _sre.BRANCH and any(_has_groupref(b) for b in av[1]):
            return True
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and \
                _has_groupref(av[2]):
            return True
        if op in (_sre.ASSERT, _sre.ASSERT_NOT) and _has_groupref(av[1]):
            return True
    return False


def _combine(chosen: list[tuple[int, Rule]]) -> re.Pattern | None:
    if not chosen:
        return None
    return re.compile("|".join(f"(?P<r{i}>{r.pattern})" for i, r in chosen), re.IGNORECASE)


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
