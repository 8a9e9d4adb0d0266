"""Descriptions of a named person are mentions of that person.

"Giuliani, a former federal prosecutor", "Pugh's lawyer, Steven Silverman", and later "the
co-pilot" or "the lawyer" were no actor mentions, so the naming matrix did not list what an outlet
called the person. Sentences from AllSides articles (the naming labels' dev half, and records read
to check the change), shortened.
"""
from __future__ import annotations

import pytest

from test_actors_helpers import mentions


@pytest.mark.parametrize("text, description, name", [
    ("Trump seemed to undercut Giuliani, a former federal prosecutor who the president recently "
     "hired to represent him.", "a former federal prosecutor", "Rudy Giuliani"),
    ("After the speech, Ben Van Raalte, 58, a physician from nearby Bettendorf, said he planned "
     "to caucus for Mr. Rubio.", "a physician", "Ben Van Raalte"),
    ("Police found the medical certificate at the Dusseldorf apartment of Andreas Lubitz, the "
     "27-year-old Germanwings co-pilot.", "the 27-year-old Germanwings co-pilot", "Andreas Lubitz"),
    ("Pugh's lawyer, Steven Silverman, declined to comment.", "lawyer", "Steven Silverman"),
    ("Cohen did not name Trump in court, but his lawyer, Lanny Davis, said afterward that he was "
     "referring to the president.", "his lawyer", "Lanny Davis"),
])
def test_an_appositive_names_the_person_beside_it(resources, text, description, name):
    assert (description, name) in mentions(resources, text)


def test_a_possessor_stays_its_own_mention(resources):
    found = mentions(resources, "U.S. President Donald Trump's former lawyer, Michael Cohen, "
                                "leaves the court house.")
    assert ("former lawyer", "Michael Cohen") in found
    assert ("U.S. President Donald Trump", "Donald Trump") in found


def test_the_head_of_a_title_refers_back_to_its_holder(resources):
    text = ("Police searched Germanwings Flight 9525 co-pilot Andreas Lubitz's apartment in "
            "Dusseldorf, Germany, on Thursday. Investigators went through the apartment looking "
            "for clues as to what the co-pilot's motivation might have been.")
    assert ("the co-pilot", "Andreas Lubitz") in mentions(resources, text)


def test_the_last_holder_of_a_description_is_taken(resources):
    text = ("President Donald Trump said his lawyer Rudy Giuliani did not have his facts straight. "
            "Giuliani had connected the payment to Stormy Daniels by the president's personal "
            "lawyer, Michael Cohen, to the election. Giuliani revealed that Trump had repaid Cohen "
            "for the $130,000 the lawyer had provided to Daniels.")
    found = mentions(resources, text)
    assert ("the lawyer", "Michael Cohen") in found
    assert ("personal lawyer", "Michael Cohen") in found


def test_an_age_refers_back_to_the_person_it_described(resources):
    text = ("Shirwa Ahmed, a 26-year-old from Minnesota, became the first known American to conduct "
            "a suicide bombing for an al Qaeda-associated group. Friends said the 26-year-old had "
            "changed.")
    found = mentions(resources, text)
    assert ("a 26-year-old", "Shirwa Ahmed") in found
    assert ("the 26-year-old", "Shirwa Ahmed") in found


def test_an_age_alone_names_nobody(resources):
    # "the 56-year-old" with no earlier "56-year-old" is left alone: the person named last is
    # often not the one ("Feinstein ... a girl ... the 16-year-old")
    text = ("Lori Lightfoot is a former federal prosecutor who has not held political office "
            "before. The 56-year-old was viewed as an outsider to the race.")
    assert not [m for m in mentions(resources, text) if "56-year-old" in m[0]]


@pytest.mark.parametrize("text", [
    # no one in the article was described as a lawyer: a generic "the lawyer" names nobody
    "Ross Garber said the lawyer who handles such cases would be busy.",
    # plural and indefinite uses are generic
    "Michael Cohen, the former fixer, testified on Tuesday. Lawyers say a lawyer must be careful.",
    # a verb after the description: "X, his lawyer said" is no appositive
    "The payments were made to spare Trump, his lawyer said.",
    # a title before a body, not before a name, gives no holder ("co-pilot of Germanwings")
    "The co-pilot of Germanwings Flight 9525 crashed the plane. The co-pilot was qualified.",
])
def test_generic_descriptions_name_nobody(resources, text):
    found = mentions(resources, text)
    assert not [m for m in found if m[0].lower().endswith(("lawyer", "co-pilot"))
                and m[0] not in ("Ross Garber",)], found
