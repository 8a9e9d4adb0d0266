"""Who does an infinitive or a gerund that has no subject of its own.

"Trump threatened to destroy North Korea" had no doer for "destroy"; nor had "urged the president
to attack Iran" (where the tagger also reads "attack" as a noun), "accuses him of assaulting her" or
"had no intention of causing". The governing word decides (lexicons/gazetteer/control_words.tsv):
its subject, its object, or nobody. Sentences from AllSides articles, some shortened.
"""
from __future__ import annotations

import pytest

from test_actors_helpers import event


@pytest.mark.parametrize("text, word, doer", [
    # a verb or adjective before "to": its subject
    ("Last week, Trump threatened to totally destroy North Korea.", "destroy", "Trump"),
    ("Bush vowed to destroy the terrorists who attacked the U.S.", "destroy", "Bush"),
    ("They started to come with sticks, they started to beat us.", "beat", "they"),
    ("Russia is willing to attack Ukraine.", "attack", "Russia"),
    ("Nobody should be allowed to burn the American flag.", "burn", "Nobody"),
    # an object_to verb: its object
    ("The senators urged the president to attack Iran.", "attack", "the president"),
    ("It is a comedy about two Americans who are asked to assassinate a dictator.", "assassinate",
     "Americans"),
    ("Those events have caused critics to fault his behavior.", "fault", "critics"),
    # a gerund: an object_prep verb's object, a passive's subject, a subject_noun's clause
    ("Christine Blasey Ford accuses him of sexually assaulting her.", "assaulting", "him"),
    ("Romney instead congratulated the president for killing Osama bin Laden.", "killing",
     "the president"),
    ("He was accused of killing two officers.", "killing", "He"),
    ("At the time, I had no intention of causing search and recovery operations.", "causing", "I"),
    ("Witnesses said the brigade started the attack by firing a grenade at the gate.", "firing",
     "the brigade"),
])
def test_the_governing_word_gives_the_doer(resources, text, word, doer):
    assert event(resources, text, word).agent_text == doer


@pytest.mark.parametrize("text, word", [
    ("Trump said his focus would be to deport undocumented immigrants.", "deport"),
    ("Syrian opposition forces could receive equipment to fight the militants.", "fight"),
    ("Trump himself undercut the reasoning for firing Comey.", "firing"),
])
def test_no_doer_where_the_governing_word_names_none(resources, text, word):
    assert event(resources, text, word).agent_text == ""


def test_a_noun_after_to_with_an_object_is_a_verb(resources):
    ev = event(resources, "Marco Rubio used the debate to attack Donald Trump on several fronts.",
               "attack")
    assert ev.construction == "active" and ev.patient_text == "Donald Trump"


def test_to_before_a_noun_phrase_alone_stays_a_preposition(resources):
    ev = event(resources, "The border was closed in response to attack after attack.", "attack")
    assert ev.construction == "nominalisation"


def test_the_control_words_file_is_loaded(resources):
    from framing.gazetteer import load_gazetteer

    g = load_gazetteer()
    assert g.control["urge"] == "object_to" and g.control["accuse"] == "object_prep"
    assert g.control["intention"] == "subject_noun" and g.control["willing"] == "subject_adjective"


@pytest.mark.parametrize("text, word, doer", [
    ("Welch was charged with assault with a dangerous weapon.", "assault", "Welch"),
    ("A judge set bail for a police officer charged with second-degree murder.", "murder",
     "a police officer"),
    ("Prosecutors accused him of murder.", "murder", "him"),
])
def test_an_act_noun_after_a_charge_verb_is_done_by_the_one_charged(resources, text, word, doer):
    """As a gerund there ("accused of killing"), an act noun governed by an object_prep verb is
    done by the verb's object, or by a passive's subject."""
    assert event(resources, text, word).agent_text == doer


def test_an_act_noun_after_a_noun_of_kind_has_no_doer_from_it(resources):
    """"a history of attacks", "a wave of attacks": the noun before "of" is no one's charge."""
    ev = event(resources, "He said it was a punishing wave of attacks on the city.", "attacks")
    assert ev.agent_text == ""
