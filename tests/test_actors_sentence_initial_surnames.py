"""A known person's surname that is also a common word is a name at the start of a sentence.

"Trump said the war hurt farmers." had no actor: a capitalised common word ("trump") opening a
sentence counts as a name only when the article also capitalises it mid-sentence, and a short
article or a quoted line may never do so.
"""
from __future__ import annotations

import pytest

from test_actors_helpers import mentions


@pytest.mark.parametrize("text", [
    "Trump said the war hurt farmers in the Midwest.",
    "Trump's trade war with China hurt farmers.",
])
def test_a_known_surname_opening_a_sentence_is_the_person(resources, text):
    assert ("Trump", "Donald Trump") in mentions(resources, text)


def test_the_common_word_opening_a_sentence_is_no_name(resources):
    assert mentions(resources, "Trump cards are rare in this game.") == []


# A first name that is also a common word ("Mark", "Jack", "Frank") opening a sentence before a
# surname is the person's first name: "Mark Greenberg, who oversaw ..." was a lone "Greenberg",
# dropped for want of a verb after it (sentences from AllSides articles, shortened).
@pytest.mark.parametrize("text, name", [
    ("Mark Greenberg, who oversaw the care of migrant children under President Barack Obama, "
     "helped to craft the emergency shelter guidelines.", "Mark Greenberg"),
    ("Jack Dorsey put his foot down on the idea that Twitter would ever ban Trump.", "Jack Dorsey"),
    ("Harry Truman had a plaque on his desk that said, \u201cThe buck stops here.\u201d", "Harry Truman"),
])
def test_a_first_name_opening_a_sentence_starts_the_name(resources, text, name):
    assert name in [n for _, n in mentions(resources, text)]


@pytest.mark.parametrize("text", [
    "Rose Garden events were cancelled on Monday.",
    "June primaries drew few voters.",
])
def test_a_first_name_before_a_common_word_is_no_name(resources, text):
    assert not [m for m in mentions(resources, text) if m[0].startswith(("Rose", "June"))]
