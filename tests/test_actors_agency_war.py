"""Who wages a war (its possessor, when that is an actor, and what the war is on), and whole subjects.

"war" names both sides at once, so it had no doer and no sufferer ever. But "the Democrats' war on
an education secretary" is waged by the Democrats on her, and "America's war on drugs" by
America; "Syria's deadly war" is where it is fought, and "war weariness" is no war at all.
Sentences after AllSides articles, shortened.
"""
from __future__ import annotations

import pytest

from test_actors_helpers import analysis, event


@pytest.mark.parametrize("text, doer, sufferer", [
    ("Critics say the Democrats' war on an education secretary went too far.", "Democrats",
     "an education secretary"),
    ("He helped shape America's modern war on drugs in the 1980s.", "America", "drugs"),
    ("Analysts expect Russia's war in Ukraine to last another year.", "Russia", ""),
    # the one accused of waging it (session 14: a light verb gives a war its doer)
    ("The Republicans accused Democrats of waging a war on women.", "Democrats", "women"),
])
def test_a_war_has_its_possessor_as_doer_and_its_target_as_sufferer(resources, text, doer, sufferer):
    ev = event(resources, text, "war")
    assert (ev.agent_text, ev.patient_text) == (doer, sufferer)


@pytest.mark.parametrize("text", [
    "Worst case: Syria's deadly war continues unabated.",  # where it is fought
    "Officials noted the nation's war weariness after ten years.",  # a modifier, no war
    "Experts fear the country's civil war on the ground will go on.",
    "Negotiators described clashes between the two armies.",  # both sides at once
])
def test_no_doer_where_the_possessor_does_not_wage_it(resources, text):
    an = analysis(resources, text)
    assert all(e.agent_text == "" for e in an.agency if e.reciprocal), \
        [(text[e.start:e.end], e.agent_text) for e in an.agency]


@pytest.mark.parametrize("text, word, doer", [
    ("A spokesman for the army blamed India for the attack.", "blamed", "A spokesman for the army"),
    ("The tariffs on Chinese goods hurt consumers.", "hurt", "the tariffs on Chinese goods"),
    ("President Donald Trump on Friday fired the inspector general.", "fired", "President Donald Trump"),
])
def test_a_subject_keeps_its_postmodifier_and_leaves_a_time_adverbial_out(resources, text, word, doer):
    """"for", "with", "at", "on" and "against" join a noun phrase to the subject as "of" and "from"
    do; "on Friday" between subject and verb is no part of the subject (the doer was "Friday")."""
    assert event(resources, text, word).agent_text.lower() == doer.lower()
