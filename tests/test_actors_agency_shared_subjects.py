"""Doers a verb or an act noun shares with the words around it (session 14).

On the hand labels (scripts/eval_agency_allsides.py) the stage said "no doer" for a third of the
acts whose doer the sentence names: a verb after "and" shares the subject of the verb before it,
"those who" heads a relative clause, "for X to" and "X's move to" give an infinitive its doer, a
light verb lends its subject to a war, and a casualty noun's possessor is its victim, not its doer.
Sentences in the style of AllSides news, written for these tests.
"""
from __future__ import annotations

import pytest

from test_actors_helpers import event


@pytest.mark.parametrize("text, word, doer", [
    # a verb after "and" shares the subject of the verb before it
    ("Russia denied any role in the blast and accused the US of staging it.", "accused", "Russia"),
    ('Last week, Trump said, "They are on a suicide mission" and threatened to "totally destroy" '
     'the regime.', "destroy", "Trump"),
    ("The senator insulted the governor on Twitter and threatened the mayor.", "threatened",
     "The senator"),
    # not the subject of a complement clause between them
    ("France said on Saturday that it had suspended arms sales to Turkey and warned Ankara.",
     "warned", "France"),
    # a gerund pairs with the gerund before it
    ("The government has tightened its grip on the group, banning it in May and imprisoning "
     "hundreds of members.", "imprisoning", "The government"),
    ("She was ranting about the media and then attacking the country.", "attacking", "She"),
])
def test_a_coordinated_verb_shares_the_subject(resources, text, word, doer):
    assert event(resources, text, word).agent_text == doer


@pytest.mark.parametrize("text, word", [
    # a participle after a passive is a passive too, with no doer named
    ("The suspects were arrested and charged on Monday.", "charged"),
    # an adjective or adverb before the conjunction: no verb pair
    ("He described himself as emotionally and physically threatened.", "threatened"),
    # a platform "used by schools and backed by investors": a participle, not the platform's act
    ("The company, a platform used by schools and backed by investors, grew fast.", "backed"),
])
def test_no_shared_subject_where_the_pair_is_no_active_verb_pair(resources, text, word):
    ev = event(resources, text, word)
    assert ev.agent_text in ("", "investors")


@pytest.mark.parametrize("text, word, doer", [
    ('"We have ways of dealing with those who threaten us," she said.', "threaten", "those"),
    ("The officer has since been charged with second-degree murder.", "murder", "The officer"),
    ("Several more women have since come forward to accuse the judge.", "accuse",
     "Several more women"),
    ("There is an opportunity for journalists to capture readers.", "capture", "journalists"),
    ("It was George W. Bush's decision to invade Iraq in 2003.", "invade", "George W. Bush"),
    ('"I support the administration\u2019s move to conduct airstrikes against ISIS."', "airstrikes",
     "the administration"),
    ('"The voters will know exactly where to place the blame," the senator said.', "blame",
     "The voters"),
])
def test_the_infinitive_or_noun_takes_its_doer_from_the_clause(resources, text, word, doer):
    assert event(resources, text, word).agent_text == doer


def test_for_a_time_gives_no_doer(resources):
    ev = event(resources, "The House voted for the 38th time to eliminate the law.", "eliminate")
    assert ev.agent_text == ""


@pytest.mark.parametrize("text, doer", [
    ("Over the past few years, Obama's predecessor launched a reckless war in Iraq.",
     "Obama\u2019s predecessor"),
    ("Why did Democrats decide to engage in all-out war against an education secretary?",
     "Democrats"),
])
def test_whoever_launches_or_engages_in_a_war_wages_it(resources, text, doer):
    assert event(resources, text.replace("Obama's", "Obama\u2019s"), "war").agent_text == doer


@pytest.mark.parametrize("text, word, victim", [
    ("The protests began after Floyd's death in police custody.", "death", "Floyd"),
    ("The attorney general was assessing Scott's death.", "death", "Scott"),
])
def test_a_casualty_nouns_possessor_suffers_it(resources, text, word, victim):
    ev = event(resources, text, word)
    assert ev.agent_text == "" and ev.patient_text == victim and ev.agent_hidden


@pytest.mark.parametrize("text, word", [
    ("Police released videos of Tuesday's fatal shooting.", "shooting"),
    ("Investigators in Syria looked into last week's chemical attack.", "attack"),
])
def test_a_time_possessor_is_no_doer(resources, text, word):
    assert event(resources, text, word).agent_text == ""


def test_an_adverb_may_stand_between_a_participle_and_its_by_phrase(resources):
    ev = event(resources, "Is the inclination toward censorship here, fueled disproportionately by "
               "Republican responses, a result of prejudice?", "fueled")
    assert ev.construction == "passive_with_agent" and ev.agent_text == "Republican responses"


def test_a_quoted_verb_still_reaches_its_object(resources):
    ev = event(resources, 'Iran hit back by accusing Mr Trump of "abusing" the Security Council.',
               "abusing")
    assert ev.patient_text == "the Security Council"


@pytest.mark.parametrize("text, word, victim", [
    ("Tillerson, whom Trump fired via tweet on March 13, argued that the budget was too high.",
     "fired", "Tillerson"),
    ("The senator also criticized US officials, whom he accused of incompetence.", "accused",
     "US officials"),
])
def test_an_object_relative_acts_on_the_noun_it_hangs_on(resources, text, word, victim):
    assert event(resources, text, word).patient_text == victim


def test_a_quoted_subject_of_a_passive_is_its_sufferer(resources):
    ev = event(resources, "The agency will ask whether a \u201cfast lane\u201d should be banned.",
               "banned")
    assert ev.construction == "passive_agentless" and ev.patient_text.endswith("lane")
