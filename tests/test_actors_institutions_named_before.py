"""'The committee', 'the state', 'the party': an institution named before, when only one fits.

"New Hampshire ... the state made history", "Democrats ... members of the party" named no actor.
Sentences from AllSides articles (the naming labels' dev half, and records read to check the
change), shortened.
"""
from __future__ import annotations

import pytest

from test_actors_helpers import mentions


@pytest.mark.parametrize("text, reference, name", [
    ("New Hampshire has a strong record of female leadership. In 2013, the state made history "
     "again by sending an all-female congressional delegation to Washington.", "the state",
     "New Hampshire"),
    ("To date, national Democrats have been reluctant to talk about impeachment, leaving that sort "
     "of talk to a small number of ultra-liberal members of the party.", "the party", "Democratic Party"),
    ("Richard Windsor never existed at the EPA, but the agency awarded the fictional staffer's email "
     "account certificates.", "the agency", "Environmental Protection Agency"),
])
def test_the_institution_named_before(resources, text, reference, name):
    assert (reference, name) in mentions(resources, text)


@pytest.mark.parametrize("text, word", [
    # two parties named before: "the party" is left alone
    ("Republicans control the Senate and Democrats the House. The party that wins Ohio wins.", "party"),
    # a modifier, not the institution
    ("New Jersey sued in federal court. The state legislature passed the bill.", "state"),
    ("New Jersey sued in federal court. Reform at the state and local level is slow.", "state"),
    # nothing named before with that word
    ("A federal judge ruled on Monday, and the court adjourned.", "court"),
])
def test_no_institution_or_more_than_one(resources, text, word):
    assert not [m for m in mentions(resources, text) if m[0].lower() == "the " + word]


def test_the_state_is_not_one_named_before_another_state(resources):
    # Ohio is named as a place only (no actor), after Idaho: "the state" is not Idaho
    text = ("Idaho went to Trump on Tuesday. John Kasich came in a distant second, which may bode "
            "poorly for his showdown next week in Ohio, the state he governs.")
    assert ("the state", "Idaho") not in mentions(resources, text)
