"""A son who bears his father's name with a suffix ("Donald Trump Jr.", "Martin Luther King Jr.") is
a person of his own: the gazetteer's Donald Trump is not he, "Jr." is never a surname (it linked
Martin Luther King Jr. to Robert F. Kennedy Jr.), "Trump Jr." is the son and a bare "Trump" the
father, and a bare "King" after the full name is King, not a monarch. "George H.W. Bush" is one
name (the sentence splitter ended a sentence after "H.W."). Sentences from AllSides articles
(records 6079-6289), shortened.
"""
from __future__ import annotations

from conftest import make_doc
from framing.actors.mentions import find_mentions


def _mentions(gaz, text):
    return [(m.text, m.actor_id) for m in find_mentions(make_doc(text), gaz)]


def _ids_of(found, text):
    return [i for t, i in found if t == text]


def test_a_known_persons_name_with_a_suffix_is_the_son(gaz):
    found = _mentions(gaz, "Donald Trump Jr. said the meeting was short. President Donald Trump "
                           "defended his son. Trump Jr. later released the emails. Trump said he "
                           "knew nothing.")
    assert _ids_of(found, "Donald Trump Jr.") == ["person:donald trump jr."]
    assert _ids_of(found, "Trump Jr.") == ["person:donald trump jr."]
    assert _ids_of(found, "Trump") == ["trump"]
    assert "Jr." not in [t for t, _ in found]


def test_a_suffix_is_no_surname(gaz):
    found = _mentions(gaz, "Martin Luther King Jr. marched in Selma. Robert F. Kennedy Jr. ran for "
                           "president. The Rev. Martin Luther King Jr. waved to the crowd. King "
                           "said the dream lived on.")
    assert _ids_of(found, "Martin Luther King Jr.") == ["person:martin luther king jr."]
    assert _ids_of(found, "Rev. Martin Luther King Jr.") == ["person:martin luther king jr."]
    assert _ids_of(found, "Robert F. Kennedy Jr.") == ["person:robert f. kennedy jr."]
    assert _ids_of(found, "King") == ["person:martin luther king jr."]


def test_a_son_named_beside_a_namesake_leaves_the_bare_surname_open(gaz):
    # "President Trump" in an article that names only Ivanka Trump and Trump Jr. in full
    found = _mentions(gaz, "President Trump praised the bill. Ivanka Trump spoke first, and Trump "
                           "Jr. spoke last.")
    assert _ids_of(found, "President Trump") != ["person:ivanka trump"]


def test_two_initials_keep_a_name_whole(gaz):
    found = _mentions(gaz, "Former President George H.W. Bush died in 2018.")
    assert _ids_of(found, "Former President George H.W. Bush") == ["person:george h.w. bush"]


def test_a_monarchs_title_stays_a_title(gaz):
    found = _mentions(gaz, "King Abdullah met the envoy. The King said the talks went well.")
    assert "person:martin luther king jr." not in [i for _, i in found]
    assert _ids_of(found, "The King") == _ids_of(found, "King Abdullah")
