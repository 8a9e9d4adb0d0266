"""Legal titles before a name are titles, not part of it.

"Special Counsel Robert Mueller" was the person "Counsel Robert Mueller" (only "special" was read
as a title word), and "the special counsel" later in the article was nobody; "District Attorney
George Gascón" was a person named "District Attorney George Gascón". Sentences from AllSides
articles, shortened.
"""
from __future__ import annotations

import pytest

from test_actors_helpers import mentions


def test_special_counsel_is_a_title_and_names_him_later(resources):
    found = mentions(resources, "Special Counsel Robert Mueller released his report on Friday. "
                                "The special counsel did not find a conspiracy.")
    assert ("Special Counsel Robert Mueller", "Robert Mueller") in found
    assert ("The special counsel", "Robert Mueller") in found


@pytest.mark.parametrize("text, name", [
    ("District Attorney George Gascón announced the charges on Monday.", "George Gascón"),
    ("White House counsel Don McGahn objected to the order.", "Don McGahn"),
    ("Defense lawyer Marc Mukasey said the trial was unfair.", "Marc Mukasey"),
])
def test_the_title_is_left_out_of_the_name(resources, text, name):
    assert name in [n for _, n in mentions(resources, text)]


def test_a_plural_title_before_names_leaves_the_bare_surname_linked(resources):
    # Christian Science Monitor, 26 June 2015 (AllSides), shortened: "Justices Scalia" was a second
    # person of that surname, so every bare "Scalia" became a guessed person of its own
    found = mentions(resources, "In a dissent, Justice Antonin Scalia said the opinion was a threat. "
                                "Scalia said the court had gone too far. Dissenting opinions were "
                                "filed by Chief Justice Roberts, and Justices Scalia, Clarence "
                                "Thomas, and Samuel Alito.")
    assert ("Scalia", "Antonin Scalia") in found
    assert ("Justices Scalia", "Antonin Scalia") in found


def test_the_justices_alone_are_no_person(resources):
    found = mentions(resources, "The justices ruled 5-4 on Friday.")
    assert not [text for text, _ in found if "justices" in text.lower()]
