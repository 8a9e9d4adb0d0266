"""An alias marked "^" names its actor only where its capital means something.

"Conservatives" is an alias of the UK Conservative Party, and a capital at the start of a sentence
says nothing: "Conservatives say the bill goes too far" in US news was the UK party, with the United
Kingdom as the speaker's side (153 times in the AllSides corpus, mostly sentence openings). Marked
"Conservatives^", it is the party after "the" or another word ("Britain's Conservatives"), and
"conservatives", "liberals" and "progressives" are political groups. Sentences from AllSides
articles.
"""
from __future__ import annotations

from conftest import make_doc
from framing.actors.mentions import find_mentions
from test_attribution_helpers import by_cue, run


def _mentions(gaz, text):
    return [(m.text, m.actor_id) for m in find_mentions(make_doc(text), gaz)]


def test_a_sentence_opening_is_not_the_party(gaz):
    found = _mentions(gaz, "Cole said he did not support raising any rates. Conservatives immediately "
                           "rejected Cole's idea.")
    assert "uk_tories" not in [i for _, i in found]
    assert ("Conservatives", "generic:political") in found


def test_the_party_is_still_found_inside_a_sentence(gaz):
    found = _mentions(gaz, "Britain's Conservatives won the election, and the Conservatives now hold "
                           "a majority of 80 seats.")
    assert [t for t, i in found if i == "uk_tories"] == ["Conservatives", "Conservatives"]


def test_lookup_by_phrase_needs_the(gaz):
    assert gaz.lookup("Conservatives") is None
    assert gaz.lookup("the Conservatives").id == "uk_tories"
    assert gaz.lookup("Tories").id == "uk_tories"


def test_a_sentence_opening_speaker_has_no_uk_side():
    att = by_cue(run("Conservatives say the bill would add billions to the deficit.")[1], "say")
    assert att.affiliation != "United Kingdom"
    assert att.role == "political"


def test_lower_case_camps_are_political_groups(gaz):
    found = _mentions(gaz, "A group of liberals is urging fellow Democrats to oppose the deal, while "
                           "some conservatives in the House balked and progressives cheered.")
    groups = [t for t, i in found if i == "generic:political"]
    assert "liberals" in groups and "progressives" in groups
    assert any(t.endswith("conservatives") for t in groups)
