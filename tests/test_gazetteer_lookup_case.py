"""Lookup by name follows the case rule of text search, and lower-case aliases read right in US news.

`Gazetteer.lookup` / `surfaces_of` (how the attribution stage describes speakers, and how the actors
stage resolves ambiguous names) took "conservatives" for the UK Conservative Party and "male" for the
Maldives, while text search (`find`, `find_hits`) already did not: one rule, `Surface.fits_case`.
Lower-case aliases: "defense department" was in the file but dropped as a duplicate of "Defense
Department"; "state department" (BBC, Guardian style) and "the supreme court" (Guardian style) are
found, "the state supreme court" and "Alabama's supreme court" are not; the old "the alliance" alias
of NATO made every "alliance" ("their alliance against terrorism", "the Interfaith Alliance") NATO.
Sentences from AllSides articles.
"""
from __future__ import annotations

import pytest

from conftest import make_doc
from framing.actors.mentions import find_mentions
from test_attribution_helpers import by_cue, run


def _ids(gaz, text):
    return [(m.text, m.actor_id) for m in find_mentions(make_doc(text), gaz)]


@pytest.mark.parametrize("written,entry", [
    # "Conservatives^": the party only after "the" or another word (test_gazetteer_not_first.py)
    ("conservatives", None), ("Conservatives", None), ("the Conservatives", "uk_tories"),
    ("male", None), ("Male", "MDV"),
    ("amnesty", None), ("Amnesty", "amnesty"),
    ("the guardian", None), ("The Guardian", "guardian"),
    ("us", None), ("US", "USA"),
    ("justice department", "us_doj"), ("defense department", "us_pentagon"),
    ("state department", "us_state"), ("the State Department", "us_state"),
    ("the supreme court", "us_scotus"), ("supreme court", None), ("Supreme Court", "us_scotus"),
    ("the alliance", "nato"), ("alliance", None), ("the Alliance", None),
])
def test_lookup_follows_the_case_rule_of_text_search(gaz, written, entry):
    got = gaz.lookup(written)
    assert (got.id if got else None) == entry
    # the same answer as text search over the phrase alone
    start = 4 if written[:4].lower() == "the " else 0
    found = [m for m in gaz.find(written)
             if m.layer == "entity" and (m.start, m.end) == (start, len(written))]
    assert bool(found) == bool(gaz.surfaces_of(written))


@pytest.mark.parametrize("text,cue", [
    ("But conservatives say adopting the Southern Poverty Law Center’s definition of hate groups "
     "would be a mistake.", "say"),
    ("Some conservatives in the House and Senate announced plans to push for language in must-pass "
     "spending bills.", "announced"),
])
def test_a_lower_case_speaker_is_no_capitalised_party(text, cue):
    att = by_cue(run(text)[1], cue)
    # not the UK Conservative Party: no United Kingdom side (their role is "political" from
    # framing/data/attribution/roles.tsv, as a political camp, not from the party)
    assert att.affiliation != "United Kingdom"
    assert att.role == "political"


def test_a_capitalised_party_is_still_one():
    att = by_cue(run("Britain's Conservatives said on Tuesday that they would vote against the budget.")[1],
                 "said")
    assert (att.role, att.affiliation) == ("political", "United Kingdom")


def test_lower_case_aliases_of_us_institutions(gaz):
    assert ("supreme court", "us_scotus") in _ids(
        gaz, "Now the supreme court is set to decide a case on the census, which, some say, will shape "
             "the next decade.")
    assert ("defense department", "us_pentagon") in _ids(
        gaz, "The inspector general has oversight responsibility for defense department components such "
             "as the National Security Agency.")
    att = by_cue(run("The US state department said in a statement that Russia had used a military-grade "
                     "nerve agent.")[1], "said")
    assert att.affiliation == "United States"
    # a state's court is not the US Supreme Court
    assert "us_scotus" not in [i for _, i in _ids(
        gaz, "In Pennsylvania earlier this year, the state supreme court ordered new congressional "
             "districts to be drawn.")]
    assert "us_scotus" not in [i for _, i in _ids(
        gaz, "Roy Moore was twice bounced from the Alabama supreme court.")]


def test_alliance_is_nato_only_as_the_alliance(gaz):
    assert ("alliance", "nato") in _ids(
        gaz, "NATO chief Anders Fogh Rasmussen said the alliance has agreed to create a new rapid "
             "response force.")
    assert "nato" not in [i for _, i in _ids(
        gaz, "Egyptian President Abdel Fattah el-Sisi thanked Trump for their alliance against terrorism.")]
    text = 'Rabbi Jack Moline, president of the Interfaith Alliance, called the pick "deeply disappointing."'
    assert "nato" not in [i for _, i in _ids(gaz, text)]
    assert by_cue(run(text)[1], "called").affiliation != "NATO"
