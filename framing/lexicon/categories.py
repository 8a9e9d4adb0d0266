"""The lexicon's categories: the closed list a pack row may use, and what each one is for.

The list lives in code because the matcher and the summary treat some categories specially
(reporting verbs feed `cue_class`, negators mark negation, `off` removes a default entry); the
human-readable description of every category is in lexicons/README.md.
"""
from __future__ import annotations

#: category -> one-line description (shown by `framing lexicon list`).
CATEGORIES: dict[str, str] = {
    "loaded": "evaluative words that judge instead of describe (bizarre, disastrous, heroic)",
    "label": "names for people, groups and states that take a side (regime, terrorist, martyr)",
    "violence": "words for violence, from plain (attack) to vivid (slaughter)",
    "casualty": "how deaths and injuries are told (killed, died, martyred, lost their lives)",
    "euphemism": "soft words that hide something harsh (collateral damage, neutralise)",
    "dysphemism": "harsh or mocking words where a plain one exists (idiot, screech, rag)",
    "hedge": "doubt and distance markers (reportedly, allegedly, so-called)",
    "intensifier": "boosters that turn the volume up (extremely, massive, unprecedented)",
    "factive": "words that present something as settled fact (clearly, obviously, reveal)",
    "solidarity": "warm family or friendship language (brotherly, fraternal, partners)",
    "initiator": "words that decide who started it (in retaliation for, unprovoked)",
    "reporting_neutral": "plain reporting verbs (said, told, according to)",
    "reporting_endorsing": "reporting verbs that present the words as true (revealed, confirmed, noted)",
    "reporting_distancing": "reporting verbs that cast doubt (claimed, alleged, insisted)",
    "reporting_adversarial": "reporting verbs that frame speech as an attack (blamed, slammed)",
    "negator": "not a finding: words that negate a following finding (not, never, no)",
    "off": "not a finding: in a user pack, removes a default entry for the term",
}

#: Produced by the matcher, never written in a pack.
SCARE_QUOTE = "scare_quote"

#: reporting category -> class returned by Lexicon.cue_class
CUE_CLASSES: dict[str, str] = {
    "reporting_neutral": "neutral",
    "reporting_endorsing": "endorsing",
    "reporting_distancing": "distancing",
    "reporting_adversarial": "adversarial",
}

#: Categories whose rows never become findings.
NON_FINDING = frozenset({"negator", "off"})

#: Categories whose findings are information, never flags (plain reporting verbs).
NEVER_FLAG = frozenset({"reporting_neutral"})

#: Part-of-speech codes a row may restrict a single word to (Penn tag families).
POS_CODES = {"": "any", "N": "noun", "V": "verb", "J": "adjective", "R": "adverb"}


def is_flag(category: str, polarity: int, strength: int) -> bool:
    """Does a row flag slanted wording, or is it information only?

    Flags: rows of strength 2 or 3 (clear or strong). Information only: plain reporting verbs and
    every mild row (strength 1: "killed", "attack", "reportedly", "far-right", "partner"): careful
    reporters use those too, so they are counted and explained but not called slanted. On BABE's
    expert-marked words, mild rows hit about one time in twelve, clear rows one in two, strong
    rows three in four (docs/accuracy_lexicon.md).
    """
    if category in NEVER_FLAG or category in NON_FINDING:
        return False
    return strength >= 2
