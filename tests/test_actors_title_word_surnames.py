"""A surname that is also a title word ("King", "Judge", "Justice") after a first name is the
person's surname, not a second, nameless title: "Rep. Peter King" was the person "Peter" and a
king, and every later "King said" was that king. A title comes before a name, never after a first
name. And a party whip is a title ("Minority Whip Dick Durbin" was a person named "Whip Dick
Durbin"). A party-and-state label is no actor ("Rep. Mark Sanford, R-South Carolina" gave a
person "R-South Carolina"). A quoted headline or title in title case names no one ("Deep Throat
Hides in HK" gave a person "Throat Hides"), but a first name and surname in it still do.
Sentences from AllSides articles (records 80, 1500-1899), shortened.
"""
from __future__ import annotations

from conftest import make_doc
from framing.actors.mentions import find_mentions


def _mentions(gaz, text):
    doc = make_doc(text)
    return [(doc.text[m.start:m.end], m.actor_id) for m in find_mentions(doc, gaz)]


def _ids_of(found, text):
    return [aid for t, aid in found if t == text]


def test_a_title_word_after_a_first_name_is_a_surname(gaz):
    found = _mentions(gaz, "New York Republican Rep. Peter King said Snowden should be prosecuted. "
                           "King's bill has almost 50 co-sponsors.")
    assert _ids_of(found, "New York Republican Rep. Peter King") == ["person:peter king"]
    assert _ids_of(found, "King") == ["person:peter king"]
    found = _mentions(gaz, "Sen. Angus King, an independent from Maine, said the program was legal.")
    assert _ids_of(found, "Sen. Angus King") == ["person:angus king"]


def test_judge_and_justice_as_surnames(gaz):
    found = _mentions(gaz, "Kavanaugh and his friend Mark Judge were part of the group. When West "
                           "Virginia Gov. Jim Justice spoke, the crowd cheered.")
    assert _ids_of(found, "Mark Judge") == ["person:mark judge"]
    assert _ids_of(found, "West Virginia Gov. Jim Justice") == ["person:jim justice"]


def test_a_title_before_a_name_is_still_a_title(gaz):
    found = _mentions(gaz, "King Abdullah met the delegation on Monday. Judge Amy Berman Jackson "
                           "set a trial date.")
    assert _ids_of(found, "King Abdullah") == ["person:abdullah"]
    assert _ids_of(found, "Judge Amy Berman Jackson") == ["person:amy berman jackson"]


def test_a_whip_is_a_title(gaz):
    found = _mentions(gaz, "Minority Whip Dick Durbin (D-Ill.) says he is not talking to "
                           "colleagues. Senate Majority Whip John Cornyn, R-Texas, said on Tuesday "
                           "that the vote would wait.")
    assert _ids_of(found, "Minority Whip Dick Durbin") == ["person:dick durbin"]
    assert _ids_of(found, "Senate Majority Whip John Cornyn") == ["person:john cornyn"]


def test_a_party_and_state_label_is_no_actor(gaz):
    found = _mentions(gaz, "Representatives raised concerns, said Rep. Mark Sanford, R-South "
                           "Carolina. Sen. Joe Manchin (D-West Virginia) said no. Sen. Chuck "
                           "Schumer, D-New York, agreed. West Virginia sued.")
    assert [t for t, _ in found] == ["Rep. Mark Sanford", "Sen. Joe Manchin", "Sen. Chuck Schumer",
                                     "West Virginia"]


def test_a_quoted_title_case_headline_names_no_one(gaz):
    found = _mentions(gaz, "Photos of his face were splashed on newspapers with headlines such as "
                           "\"Deep Throat Hides in HK,\" and \"World's Most Wanted Man Breaks Cover "
                           "in Hong Kong.\" In his 2002 book \"Why Terrorism Works,\" Dershowitz "
                           "argued otherwise. Gore recommends \"The Sixth Extinction by Elizabeth "
                           "Kolbert.\"")
    names = [t for t, _ in found]
    for junk in ("Throat Hides", "Most Wanted Man", "Breaks Cover", "Terrorism Works"):
        assert not any(junk in n for n in names), names
    assert "Elizabeth Kolbert" in names and "Dershowitz" in names


def test_a_dateline_and_its_agency_credit_are_no_actors(gaz):
    found = _mentions(gaz, "NEW YORK (AP) — New York City Mayor Bill de Blasio defended his "
                           "tweets.\n\nWASHINGTON (Reuters) - The Senate voted on Tuesday.")
    assert [t for t, _ in found] == ["Mayor Bill de Blasio", "Senate"]


def test_a_surnames_particles_are_part_of_it(gaz):
    found = _mentions(gaz, "Mayor Bill de Blasio defended his tweets. Critics assailed de Blasio "
                           "for the language. De Blasio said he was sorry. Ursula von der Leyen "
                           "spoke, and von der Leyen left.")
    assert _ids_of(found, "de Blasio") == ["person:bill de blasio"]
    assert _ids_of(found, "De Blasio") == ["person:bill de blasio"]
    assert _ids_of(found, "von der Leyen") == _ids_of(found, "Ursula von der Leyen")


def test_a_word_with_a_digit_is_no_persons_name(gaz):
    found = _mentions(gaz, "The experts know that SARS-CoV-2 is the virus. But ultimately Protus3 "
                           "couldn't explain it, Smith said.")
    assert [t for t, _ in found] == ["The experts", "Smith"]


def test_an_and_joins_titles_not_a_place_to_the_next_persons_title(gaz):
    found = _mentions(gaz, "The deal was struck by Democratic Sen. Joe Manchin of West Virginia "
                           "and Republican Sen. Pat Toomey of Pennsylvania. He had lied to the FBI "
                           "and Vice President Mike Pence. Apple President and CEO Tim Cook spoke.")
    names = [t for t, _ in found]
    assert "Republican Sen. Pat Toomey" in names and "Vice President Mike Pence" in names
    assert "FBI" in names and "President and CEO Tim Cook" in names
