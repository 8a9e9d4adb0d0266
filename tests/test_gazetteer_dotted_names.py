"""Names written with periods ("U.S.", "U.K.", "U.N.", "E.U.") are found, as their plain spellings are.

A lookup key drops end punctuation, so the text found for the alias "U.S." reads "U.S", which the
case rule of acronyms (the file's exact spelling) turned down; and the actors stage aligns a hit to
whole tokens, where the tokenizer keeps the abbreviation's period ("U.S."). So "the U.S." was never
the United States: "U.S. officials" had no side, while "US officials" had one. Sentences from
AllSides articles.
"""
from __future__ import annotations

import pytest

from conftest import make_doc
from framing.actors.mentions import find_mentions
from test_attribution_helpers import by_cue, run


def _mentions(gaz, text):
    return [(m.text, m.actor_id) for m in find_mentions(make_doc(text), gaz)]


@pytest.mark.parametrize("written,entry", [
    ("U.S.", "USA"), ("US", "USA"), ("U.K.", "GBR"), ("U.N.", "un"), ("E.U.", "eu"),
    ("U.S.A.", "USA"), ("u.s.", None),
])
def test_dotted_names_are_looked_up(gaz, written, entry):
    got = gaz.lookup(written)
    assert (got.id if got else None) == entry


def test_dotted_names_are_actor_mentions_with_their_period(gaz):
    found = _mentions(gaz, "Wednesday seemed to downplay speculation that the U.S. has moved closer "
                           "to military action, as the U.K. and the U.N. urged restraint.")
    assert ("U.S.", "USA") in found
    assert ("U.K.", "GBR") in found
    assert ("U.N.", "un") in found


def test_both_spellings_are_one_actor(gaz):
    found = dict(_mentions(gaz, "U.S. officials said the strikes would go on. US officials said so "
                                "again on Monday."))
    assert found["U.S. officials"] == found["US officials"]


def test_a_dotted_name_gives_a_speaker_its_side():
    att = by_cue(run("U.S. officials said the strikes would continue until the group "
                     "surrendered.")[1], "said")
    assert att.affiliation == "United States"
    att = by_cue(run("The U.S. said it would respond to the attack.")[1], "said")
    assert att.affiliation == "United States"


def test_a_dotted_institution_name_is_one_mention(gaz):
    found = _mentions(gaz, "Donald Trump has made his first nomination to the U.S. Supreme Court: "
                           "Neil Gorsuch, a federal judge.")
    assert ("U.S. Supreme Court", "us_scotus") in found
    assert ("U.S.", "USA") not in found
