"""The cleaning rules' literal prefilter (framing.ingest.boilerplate): a rule that scans a line is
tried only where the text every match of it holds is present. It must never change a result."""
from __future__ import annotations

import re

import pytest

from framing.ingest import clean_text, load_rules
from framing.ingest.boilerplate import _FOLD, _required_text


def test_the_fold_table_is_every_character_that_case_insensitively_matches_ascii():
    # scanned over all of Unicode with the regular expression engine itself: if a Python release
    # adds a case pair with an ASCII character, this fails before the prefilter can miss a match
    everything = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    matching = set(re.findall(r"(?i)[ -~]", everything))
    assert matching == {chr(k) for k in _FOLD}
    for key, letter in _FOLD.items():
        assert re.fullmatch(f"(?i){letter}", chr(key)) and letter.isascii() and letter.islower()


def test_required_text_is_the_longest_literal_run_outside_groups():
    hover_card = load_rules().inline[0][0].pattern  # a link hover card: "... MORE"
    assert _required_text(hover_card) == "MORE"
    assert _required_text(r".*\bsign up\b.*\bby (?:signing up|subscribing)\b.*", re.I) == "sign up"
    assert _required_text(r".*All Rights Reserved.*", re.I) == "all rights reserved"
    # nothing every match must hold: an alternation at the top, a repeat, a character class
    assert _required_text(r"cookies?|privacy") is None
    assert _required_text(r"(?:abc)+") is None
    assert _required_text(r"[ab]c?") is None
    # a case-insensitive run outside ASCII could be matched by other case forms: none
    assert _required_text(r".*\u00e9t\u00e9.*", re.I) is None
    # a whole-line rule gets a needle only when it opens with a repeat that may match nothing
    assert _required_text(r".*\bsign up\b.*", re.I, only_if_scanning=True) == "sign up"
    assert _required_text(r"sign up\b.*", re.I, only_if_scanning=True) is None


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
