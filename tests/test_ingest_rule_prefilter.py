"""The cleaning rules' prefilters (framing.ingest.boilerplate): a line meets only the rules that can
open with its first character, and a rule that scans a line is tried only where one of the texts
every match of it holds is present. They must never change a result."""
from __future__ import annotations

import re

import pytest

from framing.ingest import clean_text, load_rules
from framing.ingest.boilerplate import _FOLD, _first_chars, _needles, _required_texts


def test_the_fold_table_is_every_character_that_case_insensitively_matches_ascii():
    # scanned over all of Unicode with the regular expression engine itself: if a Python release
    # adds a case pair with an ASCII character, this fails before the prefilter can miss a match
    everything = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    matching = set(re.findall(r"(?i)[ -~]", everything))
    assert matching == {chr(k) for k in _FOLD}
    for key, letter in _FOLD.items():
        assert re.fullmatch(f"(?i){letter}", chr(key)) and letter.isascii() and letter.islower()


def test_required_texts_are_what_every_match_holds():
    hover_card = load_rules().inline[0][0].pattern  # a link hover card: "... MORE"
    assert _required_texts(hover_card) == ("MORE",)
    assert _required_texts(r".*All Rights Reserved.*", re.I) == ("all rights reserved",)
    # an alternation: one of its alternatives' texts (the parser factors out "s" and "R")
    assert _required_texts(r"cookies?|privacy") == ("cookie", "privacy")
    assert _required_texts(r".*\bby (?:signing up|subscribing)\b.*", re.I) == ("igning up", "ubscribing")
    assert _required_texts(r".*\s+(?-i:Read more|READ MORE)", re.I) == ("ead more",)
    # a repeat of at least once holds its contents; a few characters of a class are texts too
    assert _required_texts(r"(?:abc)+") == ("abc",)
    assert _required_texts(r"x?[()]") == ("(", ")")
    assert _required_texts(r"[ab]c?") == ("a", "b")
    # nothing every match must hold: an optional part, a wide class, an alternative with nothing
    assert _required_texts(r"[a-z]c?") is None
    assert _required_texts(r"(?:abc)?\d") is None
    assert _required_texts(r"(?:ab|\d)") is None
    # a case-insensitive text outside ASCII could be matched by other case forms: none
    assert _required_texts(r".*\u00e9t\u00e9.*", re.I) is None


def test_only_rules_that_scan_the_line_get_needles_and_only_a_few():
    assert _needles(r".*\bsign up\b.*") == ("sign up",)
    assert _needles(r"(?!.*x)(?:.*\bfile photo|file image)\b.*") == ("file photo", "file image")
    assert _needles(r"sign up\b.*") is None  # fails at the first characters anyway
    assert _needles(r".*(?:getty|ap|afp|reuters|epa)\b.*") is None  # more texts than it spares


def test_first_chars_are_the_characters_a_match_can_open_with():
    assert _first_chars(r"(?:watch|see) more", re.I) == {"w", "s"}
    assert _first_chars(r"(the )?story continues", re.I) == {"t", "s"}
    assert _first_chars(r"\b(?=x)[A-C]\w+", re.I) == {"a", "b", "c"}
    assert _first_chars(r"(?:ab)+c") == {"a"}
    # a match may open with anything, may be empty, or the pattern changes its flags: unknown
    assert _first_chars(r".*x") is None
    assert _first_chars(r"\d+ min read", re.I) is None
    assert _first_chars(r"[^|]+") is None
    assert _first_chars(r"a?") is None
    assert _first_chars(r"(?-i:Related) x", re.I) is None
    assert _first_chars(r"\u00e9t\u00e9", re.I) is None  # outside ASCII, other case forms


def _without_prefilter(rules, line):
    """What `RuleSet.match` returned before the prefilter: every rule of the line's length, in order."""
    from framing.ingest.boilerplate import _DECORATION

    core = line.strip(_DECORATION)
    words = len(core.split())
    for rule in rules.rules:
        if rule.scope == "inline" or (rule.max_words and rule.max_words < words):
            continue
        if re.fullmatch(rule.pattern, core, re.IGNORECASE):
            return rule
    return None


@pytest.mark.parametrize("line", [
    "Sign up for our newsletter. By signing up, you agree to our Privacy Policy.",
    # the long s and the Kelvin sign match "s" and "k" case-insensitively: the folded line must too
    "\u017fign up for updates. By \u017figning up, you agree to our privacy policy.",
    "By continuing to use this site you agree to the use of coo\u212aies.",
    "\u00a9 2019 Cable News Network. All r\u0131ghts reserved.",
    "Please verify you're not a robot by clicking the box. Subscribe to our newsletters.",
    "The views expressed are the author's own.",
    "Your email address will not be published.",
    "The senator said she would sign up for the plan, and you agree it was a good week.",
    "Required fields are marked *",
])
def test_the_prefilter_never_changes_which_rule_matches(line):
    rules = load_rules()
    assert rules.match(line) == _without_prefilter(rules, line)


#: Lines of web pages the rules are for, each in its own case and upper-cased and with a special
#: case form of "s" or "k" in it: the dispatch by first character and the needles must give the
#: same rule as trying every rule in order, on these and on every line of the seeds and fixtures.
_PAGE_LINES = [
    "Story continues below advertisement", "Leave a comment", "Photo: Getty Images",
    "(AP Photo/Evan Vucci)", "FILE - In this file photo, the senator speaks in Washington.",
    "Share this article", "Related Coverage Senators weigh the bill", "Copyright 2020 NPR",
    "3 min read", "Additional reporting by Jane Doe in London", "Next gallery", "Terms of Service",
    "The Associated Press contributed to this report.", "Advertisement", "Sign up for our newsletter",
    "Listen to this article", "Click here to subscribe", "Read more: the minister's plan",
    "Image: Reuters", "Watch: the minister speaks", "Follow us on Twitter", "12", "|",
    "All rights reserved.", "Updated 3 hours ago", "Hide caption", "Enlarge this image",
    "Opinions expressed by contributors are their own.", "Skip to main content",
    "The minister said the talks would resume next week.",
]


def _lines_to_try():
    from pathlib import Path

    here = Path(__file__).parent
    lines = list(_PAGE_LINES)
    for path in sorted((here.parent / "seeds").glob("*.txt")) + sorted((here / "fixtures").rglob("*")):
        if path.is_file():
            lines += path.read_text(encoding="utf-8", errors="replace").splitlines()
    variants = [line.upper() for line in lines] + [line.replace("s", "\u017f", 1) for line in lines]
    variants += [line.replace("k", "\u212a", 1) for line in lines]
    return lines + variants


def test_the_prefilters_never_change_which_rule_matches_a_line():
    rules = load_rules()
    lines = _lines_to_try()
    got = [rules.match(line) for line in lines]
    assert got == [_without_prefilter(rules, line) for line in lines]
    assert len(lines) > 1000 and sum(rule is not None for rule in got) > 60


def test_special_case_forms_still_match_their_rule():
    rules = load_rules()
    rule = rules.match("\u017fign up for updates. By \u017figning up, you agree to our privacy policy.")
    assert rule is not None and "sign" in rule.pattern


def test_a_hover_card_is_cut_only_where_its_literal_is():
    text = ("The plan was backed by Sen. Dana Reyes Dana (Dee) Marie ReyesSenate panel delays vote "
            "MORE (D-Nev.), who said it would pass.")
    assert clean_text(text).text == "The plan was backed by Sen. Dana Reyes (D-Nev.), who said it would pass."
    # the same glued names without the card's closing word: nothing to cut
    kept = "The plan was backed by Sen. Dana Reyes Dana (Dee) Marie ReyesSenate panel delays vote."
    assert clean_text(kept).text == kept
