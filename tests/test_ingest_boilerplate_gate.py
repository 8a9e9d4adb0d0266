"""Gated boilerplate rules (framing.ingest.boilerplate): a rule that scans the whole line is tried
only on lines holding one of its literals. The first matching rule must stay the one the plain
alternation of every rule for the line's length finds, whatever the case or script of the line."""
from __future__ import annotations

import bisect
import re
import sys

import pytest

from framing.ingest import boilerplate as B
from framing.ingest.normalize import normalize_text


def _reference(rules: B.RuleSet, line: str):
    """The matcher before gates: one alternation of every rule that applies to the line's length."""
    core = line.strip(B._DECORATION)
    limits = sorted({r.max_words for r in rules.rules if r.max_words})
    lim = (limits + [10 ** 9])[bisect.bisect_left(limits, len(core.split()))]
    chosen = [(i, r) for i, r in enumerate(rules.rules) if r.max_words == 0 or r.max_words >= lim]
    m = B._combine(chosen).fullmatch(core)
    return None if m is None else rules.rules[int(m.lastgroup[1:])]


#: Lines that gated rules remove, several spelled with the characters case folding treats apart
#: (dotted capital I, dotless i, long s, Kelvin sign), and news sentences that hold a gate's
#: literal without being boilerplate.
LINES = [
    "Your email address will not be published. Required fields are marked *",
    "Required fields are marked *",
    "Home | World | Asia | Pakistan",
    "Home \u00bb Politics \u00bb Story",
    "Sign up to get the newsletter delivered to your inbox every morning",
    "By continuing to use this site you agree to our use of cookies.",
    "We use cook\u0131es. By continuing you agree to the use of cookies on this site",
    "\u00a9 2025 The Daily Example",
    "Copyright 2024 Reuters",
    "COPYR\u0130GHT 2020 Reuters",
    "All r\u0131ghts reserved.",
    "ALL RIGHTS RESERVED",
    "Protesters march in Kabul on Sunday. (AP Photo/Rahmat Gul)",
    "Soldiers at the crossing (Photo: Reuters)",
    "Soldiers at the crossing (P\u0130C: Reuters)",
    "A man walks past the ministry \u2014 FILE PHOTO",
    "F\u0130LE PHOTO: A man walks past the ministry",
    "File photo",
    "Photo: Reuters",
    "Image: Getty Images",
    "\u017fign up for our newsletter delivered to your inbox",
    "Your email address will not be \u017fhared.",
    "The photo agency said the picture was taken in Kabul on Sunday, officials said.",
    "Officials said the file photo was released by the presidency on Wednesday evening.",
    "Cookie sales rose 3 percent in March, the bakers' association said.",
    "The copyright case was heard in Islamabad on Tuesday, lawyers said.",
    "Talks in Istanbul | collapsed on Sunday, officials said.",
]


def test_gated_matcher_equals_the_whole_alternation(seed_paths):
    rules = B.load_rules()
    lines = list(LINES)
    for path in seed_paths:
        normalized, _ = normalize_text(path.read_text(encoding="utf-8"))
        lines += [line for line in normalized.split("\n") if line]
    matched = 0
    for line in lines:
        expected = _reference(rules, line)
        assert rules.match(line) is expected, line
        matched += expected is not None
    assert matched >= 20  # the lines above do reach the gated rules


def test_gates_of_the_packaged_rules():
    rules = B.load_rules()
    gated = [(r.reason, g) for r, g in zip(rules.rules, rules._gates) if g is not None]
    assert ("cookie notice", {"cookie"}) in gated
    assert ("navigation or breadcrumb line", {"|", "\u00bb", "\u203a"}) in gated
    assert ("copyright footer", {"(c)", "copyright", "\u00a9"}) in gated
    assert ("copyright footer", {"all rights reserved"}) in gated
    # rules that do not scan the line, or whose literals are too common, are never gated
    reasons = {r.reason for r, g in zip(rules.rules, rules._gates) if g is None}
    assert {"advertisement marker", "share buttons", "byline"} <= reasons


@pytest.mark.parametrize("pattern, gate", [
    (r".*\ball rights reserved\b.*", {"all rights reserved"}),
    (r".*(foo|bar baz)\d+", {"foo", "bar baz"}),
    (r"(?!.*x).*(?:photo|image)s?:.*", {"photo", "image"}),
    (r".*(?-i:[A-Z])wire.*", {"wire"}),
    (r"advertisement|ads?", None),  # no scan: cheap already
    (r".*(a|photo).*", None),  # one alternative has no literal long enough
    (r".*(photo|\w+).*", None),  # one alternative has no literal at all
    (r".*\u00e9tat.*", {"tat"}),  # a cased letter outside ASCII is never looked for
])
def test_gate_literals(pattern, gate):
    import re._parser as sre_parse

    assert B.gate(sre_parse.parse(pattern, re.IGNORECASE)) == (None if gate is None else gate)


def test_lower_case_finds_every_character_matching_ignores_case():
    """For each character of the packaged gates' literals, every code point the regex engine
    matches to it (IGNORECASE) lower-cases to it, or to a string that opens every gate."""
    rules = B.load_rules()
    chars = sorted({ch for g in rules._gates if g for lit in g for ch in lit})
    assert chars
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for ch in chars:
        for other in re.compile(re.escape(ch), re.IGNORECASE).findall(every):
            low = other.lower()
            assert low == ch or any(s in low for s in B._FOLD_SPECIAL), (ch, hex(ord(other)))


def test_group_references_turn_gates_off():
    """A rule that refers to a group by number: leaving any rule out of an alternation would
    renumber the groups, so no rule is gated."""
    rules = B.RuleSet([B.Rule("line", 0, r".*(ab)c(?(1)x|y).*", "conditional", 1),
                       B.Rule("line", 0, r".*cookie.*", "cookie", 2)])
    assert rules._gates == [None, None]
    assert rules.match("a cookie").reason == "cookie"
    assert rules.match("a biscuit") is None
