"""Cities are places, not people, and an institution named after a place is an organisation.
"South Bend", "San Diego", "St. Louis" and "New Orleans" were guessed persons in AllSides news, as
were "Childhood Arrivals" (the DACA programme) and "Great Again" (a slogan); the word after a city
("San Diego Union-Tribune", "New Orleans Saints") became a person when the city was known; and
"University of Texas" was no organisation, because its last word is a place. Sentences from
AllSides articles (records 5600-6295), shortened.
"""
from __future__ import annotations

from conftest import make_doc
from framing.actors.mentions import find_mentions


def _mentions(gaz, text):
    return [(m.text, m.actor_id, m.kind) for m in find_mentions(make_doc(text), gaz)]


def test_cities_slogans_and_programmes_are_no_people(gaz):
    found = _mentions(gaz, "Police in San Diego said the suspect fled to St. Louis. Supporters "
                           "chanted Make America Great Again in South Bend. The Deferred Action "
                           "for Childhood Arrivals program protects young immigrants.")
    assert not [m for m in found if m[2] == "person"]


def test_a_one_word_name_after_a_city_is_its_paper_or_team(gaz):
    found = _mentions(gaz, "The San Diego Union-Tribune reported the story. The New Orleans Saints "
                           "won. Senior director for Africa Robin Townley was told.")
    people = [t for t, _, k in found if k == "person"]
    assert "Union-Tribune" not in people and "Saints" not in people
    assert "Robin Townley" in people


def test_an_institution_of_a_place_is_an_organisation(gaz):
    found = _mentions(gaz, "Researchers at the University of Texas said the study was flawed. The "
                           "College of Charleston said classes resume. She studied at the City "
                           "University of New York.")
    orgs = [t for t, _, k in found if k == "organisation"]
    assert "University of Texas" in orgs and "College of Charleston" in orgs
    assert "City University of New York" in orgs


def test_buildings_are_places_not_organisations(gaz):
    found = _mentions(gaz, "Trump spoke from the Oval Office on Monday. The World Trade Center "
                           "was rebuilt.")
    assert [t for t, _, _ in found] == ["Trump"]


def test_companies_news_names_are_organisations(gaz):
    found = _mentions(gaz, "Huawei denied the charges. Cambridge Analytica harvested the data. "
                           "SpaceX launched the rocket.")
    assert {k for _, _, k in found} == {"organisation"}


def test_a_storms_name_is_no_person(gaz):
    found = _mentions(gaz, "Hurricane Harvey hit Texas. Typhoon Haiyan killed thousands. Harvey "
                           "Weinstein was charged.")
    assert [t for t, _, k in found if k == "person"] == ["Harvey Weinstein"]


def test_a_city_names_the_group_it_modifies(gaz):
    found = _mentions(gaz, "Chicago police said the man fled. Des Moines residents protested.")
    assert ("Chicago police", "group:chicago:police", "generic_group") in found
    assert ("Des Moines residents", "group:des moines:civilian", "generic_group") in found
