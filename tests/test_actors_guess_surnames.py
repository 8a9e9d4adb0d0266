"""A one-word name the gazetteer marks as a guess is a surname when a name runs into it.

"Rasmussen" is listed (as a guess) for the pollster Rasmussen Reports; in "NATO chief Anders Fogh
Rasmussen" it ended the person's name, which became "Anders Fogh" beside an organisation. Sentences
from AllSides articles.
"""
from __future__ import annotations

from conftest import make_doc
from framing.actors.mentions import find_mentions


def _mentions(gaz, text):
    return [(m.text, m.actor_id, m.kind) for m in find_mentions(make_doc(text), gaz)]


def test_a_guess_name_after_a_name_word_is_the_surname(gaz):
    found = _mentions(gaz, "NATO chief Anders Fogh Rasmussen said the alliance has agreed to create "
                           "a new rapid response force.")
    people = [(t, k) for t, i, k in found if k == "person"]
    assert people == [("NATO chief Anders Fogh Rasmussen", "person")]
    assert "us_rasmussen" not in [i for _, i, _ in found]


def test_the_pollster_alone_is_still_the_pollster(gaz):
    found = _mentions(gaz, "A Rasmussen poll found that 40 percent of likely voters approve. "
                           "Rasmussen Reports found the same in May.")
    assert [i for _, i, _ in found].count("us_rasmussen") == 2
