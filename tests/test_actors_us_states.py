"""US states are actors when they act or are acted on, and places or modifiers otherwise.

Before lexicons/gazetteer/us_states.tsv, "New Jersey sued the federal government" had no actor for
New Jersey, and "New Mexico Democrat Martin Heinrich" was given Mexico's side. Sentences written
after AllSides articles, shortened.
"""
from __future__ import annotations

import pytest

from test_actors_helpers import analysis


def mentions(resources, text):
    """(text, actor id, kind): the states' tests read ids and kinds, not names."""
    return [(m.text, m.actor_id, m.kind) for m in analysis(resources, text).actor_mentions]


@pytest.mark.parametrize("text, name, actor", [
    ("New Jersey sued the federal government over the ban on sports betting.", "New Jersey",
     "us_state_nj"),
    ("In July, California rolled back the reopening of restaurants and bars.", "California",
     "us_state_ca"),
    ("The state of Colorado argued that the baker broke its law.", "state of Colorado",
     "us_state_co"),
    ("Florida's process for restoring voting rights was ruled unconstitutional.", "Florida",
     "us_state_fl"),
])
def test_a_state_that_acts_is_a_government_actor(resources, text, name, actor):
    assert (name, actor, "government") in mentions(resources, text)


@pytest.mark.parametrize("text", [
    "Protesters have taken to the streets in Ohio, Texas, North Carolina and Michigan.",
    "Sen. Ted Cruz of Texas voted against the bill.",
    "More voters turned out in the Iowa caucuses than four years ago.",
    "The candidate spent Sunday in New Hampshire before heading to Florida, Ohio, and Colorado.",
    "Hunters walked up a trail in western Massachusetts on Sunday.",
    "A man waited outside a store in Hialeah, Florida [File photo].",
    "Deputy chief of staff to Sen. Orrin Hatch (R-Utah) wrote the memo.",
])
def test_a_state_named_as_a_place_or_a_modifier_is_no_actor(resources, text):
    assert not [m for m in mentions(resources, text) if m[1].startswith("us_state_")]


def test_talks_in_a_list_of_countries_name_no_country(resources):
    """The list rule is the countries' too: "in Pakistan, Afghanistan and Iran" are places."""
    found = mentions(resources, "Talks in Pakistan, Afghanistan and Iran failed last week.")
    assert not [m for m in found if m[2] == "country"]


def test_a_states_people_are_a_group_of_the_state(resources):
    found = mentions(resources, "Ohio voters backed the measure, and officials in Ohio agreed.")
    assert ("Ohio voters", "us_state_oh:political", "generic_group") in found
    # its government nouns join the state itself, as a country's do
    assert any(actor == "us_state_oh" and text == "officials" for text, actor, _ in found)


def test_they_does_not_point_back_to_a_state(resources):
    found = mentions(resources, "Maine and Vermont bar felons from voting while they are "
                                "incarcerated.")
    assert not [m for m in found if m[2] == "pronoun" and m[1].startswith("us_state_")]


def test_a_senator_from_new_mexico_is_on_the_us_side(resources):
    an = analysis(resources, '"You took an oath," said New Mexico Democrat Martin Heinrich.')
    speakers = [(a.speaker, a.affiliation) for a in an.attributions]
    assert speakers and all(aff == "United States" for _, aff in speakers), speakers
