"""A title before "for" / "of" and a name is often someone else's: "a spokesman for Sen. Jerry
Moran" is not Moran, "a lawyer for Ford" not Ford. And a title in apposition after a name is that
person's ("Kaufman, the director of Columbia's School ..."), not the last holder of the title.
Sentences from AllSides articles, shortened.
"""
from __future__ import annotations

import pytest

from test_actors_helpers import mentions


@pytest.mark.parametrize("text, name, wrong", [
    ("And a spokesman for Sen. Jerry Moran, R-Kan., said Moran briefly saw Paul at the Senate gym.",
     "Jerry Moran", "spokesman for Sen. Jerry Moran"),
    ("Conant, who served as communications director for Sen. Marco Rubio, said so.",
     "Marco Rubio", "communications director for Sen. Marco Rubio"),
    ("A spokesman for House Speaker John Boehner said the sequester was the president's idea.",
     "John Boehner", "spokesman for House Speaker John Boehner"),
])
def test_a_title_for_someone_is_not_theirs(resources, text, name, wrong):
    found = mentions(resources, text)
    assert name in [n for _, n in found]
    assert wrong not in [t for t, _ in found]


@pytest.mark.parametrize("text, title, name", [
    ("Secretary of State John Kerry met the Russian foreign minister.",
     "Secretary of State John Kerry", "John Kerry"),
    ("Department of Homeland Security Secretary John Kelly agreed.",
     "Department of Homeland Security Secretary John Kelly", "John Kelly"),
    ("Obama announced last week that White House Deputy Chief of Staff Rob Nabors would be assigned "
     "to the VA.", "White House Deputy Chief of Staff Rob Nabors", "Rob Nabors"),
])
def test_a_title_of_a_body_stays_with_the_name(resources, text, title, name):
    assert (title, name) in mentions(resources, text)


def test_a_title_in_apposition_is_the_person_before_it(resources):
    text = ("Michael Greenstone is the director of the Energy Policy Institute. I asked Noah "
            "Kaufman, the director of Columbia's School of International and Public Affairs, about "
            "this as well.")
    assert ("the director", "Noah Kaufman") in mentions(resources, text)


def test_an_indefinite_subject_after_a_name_is_someone_new(resources):
    text = ("Speaking to NPR after Collins and Manchin announced their support for Kavanaugh, a "
            "lawyer for Ford addressed whether the professor feels she failed.")
    assert not [m for m in mentions(resources, text) if m[0].endswith("lawyer") and m[1] == "Brett Kavanaugh"]


def test_the_president_is_not_the_vice_president(resources):
    """NPR, 2020-04-28 (AllSides): after "Vice President Mike Pence acknowledged ...", "the
    president" was Pence; on records 4600-4999, 14 such "the president" mentions were the vice
    president of their time (Biden under Obama)."""
    found = mentions(resources, "President Donald Trump spoke first. Vice President Mike Pence "
                                "acknowledged that progress was slow. The president said he was "
                                "pleased. The vice president agreed.")
    assert ("The president", "Donald Trump") in found
    assert ("The vice president", "Mike Pence") in found


def test_president_elect_is_a_title(resources):
    """CBN, 2016-11-10 (AllSides): "President-elect Trump" was a person of its own, so every bare
    "Trump" had two candidates and stood apart from Donald Trump."""
    found = mentions(resources, "Trump's victory has been followed by talk of repealing Obamacare. "
                                "President-elect Donald Trump met with President Barack Obama at the "
                                "White House. Trump said he looks forward to it. \"I will be president "
                                "for all Americans,\" said President-elect Trump in his victory speech.")
    assert {name for text, name in found if "Trump" in text} == {"Donald Trump"}


def test_a_titled_surname_shared_by_two_people_is_the_one_named_just_before(resources):
    """Christian Science Monitor, 2016-11-09 (AllSides): three people named Williams."""
    found = mentions(resources, "For Brian Williams of Valparaiso, it was rough. Mr. Williams of "
                                "Indiana tells the story. \"I'm not sure,\" said Rick Williams, the owner "
                                "of a limousine service. \"Is there a terrorist?\" said Mr. Williams. "
                                "Campaign volunteer Brenda Williams had plenty to say. \"We go back and "
                                "forth,\" said Ms. Williams.")
    titled = [name for text, name in found if text in ("Mr. Williams", "Ms. Williams")]
    assert titled == ["Brian Williams", "Rick Williams", "Brenda Williams"]
