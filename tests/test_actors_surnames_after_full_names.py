"""A surname that is also a place's or an organisation's name, after the article names the person.

"Rep. Jim Jordan ... Jordan said" was the country Jordan twenty times in one AllSides article;
"Mayor Michael Bloomberg" was "Mayor Michael" beside the news agency Bloomberg; a later bare
"Rasmussen" after "NATO chief Anders Fogh Rasmussen" was the pollster. A first name right before a
one-word gazetteer name now makes a person's name, and the bare surname after the full name is that
person, unless the article names the same actor in other words too, the word follows a preposition
of place, or its case differs. Sentences from AllSides articles, some shortened.
"""
from __future__ import annotations

from conftest import make_doc
from framing.actors.mentions import find_mentions


def _mentions(gaz, text):
    return [(m.text, m.actor_id) for m in find_mentions(make_doc(text), gaz)]


def _ids_of(found, text):
    return [i for t, i in found if t == text]


def test_a_country_name_after_a_first_name_is_a_surname(gaz):
    found = _mentions(gaz, "Rep. Jim Jordan, the top Republican on the committee, said the inquiry "
                           "was a sham. Jordan added that the vote would fail.")
    assert _ids_of(found, "Rep. Jim Jordan") == ["person:jim jordan"]
    assert _ids_of(found, "Jordan") == ["person:jim jordan"]
    assert "JOR" not in [i for _, i in found]


def test_a_news_agency_name_after_a_first_name_is_a_surname(gaz):
    found = _mentions(gaz, "Former New York Mayor Michael Bloomberg entered the race on Sunday. "
                           "Bloomberg said he would spend heavily on advertising.")
    assert _ids_of(found, "Former New York Mayor Michael Bloomberg") == ["person:michael bloomberg"] or \
        _ids_of(found, "Mayor Michael Bloomberg") == ["person:michael bloomberg"]
    assert _ids_of(found, "Bloomberg") == ["person:michael bloomberg"]


def test_a_later_bare_guess_name_is_the_person(gaz):
    found = _mentions(gaz, "NATO chief Anders Fogh Rasmussen said the alliance would respond. "
                           "Rasmussen added that Russia had crossed a line.")
    assert _ids_of(found, "Rasmussen") == ["person:anders fogh rasmussen"]


def test_the_name_before_the_full_name_keeps_its_entity(gaz):
    found = _mentions(gaz, "Bloomberg reported on Friday that Michael Bloomberg would run.")
    assert found[0] == ("Bloomberg", "bloomberg")


def test_a_place_named_in_other_words_too_stays_the_place(gaz):
    text = ("The USS John C. Stennis arrived, joining the USS George Washington, which is deployed to "
            "Japan. The U.S. said the drills would go on. He noted that neither Seoul nor Washington "
            "struck back in 2011.")
    assert _ids_of(_mentions(gaz, text), "Washington")[-1] == "USA"  # "Seoul nor Washington"


def test_an_acronym_is_not_a_surname_written_otherwise(gaz):
    found = _mentions(gaz, "Kim Jong Un met Moon Jae-in on Friday. The UN said the talks were welcome.")
    assert _ids_of(found, "UN") == ["un"]


def test_the_country_without_such_a_person_is_the_country(gaz):
    found = _mentions(gaz, "King Abdullah of Jordan met the president. Jordan has taken in 600,000 "
                           "refugees.")
    assert _ids_of(found, "Jordan") == ["JOR", "JOR"]


def test_a_local_legislators_title_is_not_part_of_the_name(gaz):
    found = _mentions(gaz, "Among those taken into custody were St. Louis Alderman Antonio French and "
                           "two reporters. Alderman Ed Burke said the arrests were a mistake.")
    ids = [i for _, i in found]
    assert "person:antonio french" in ids and "person:ed burke" in ids
