"""A word the tagger read as a noun is a verb after a subject pronoun ("gangs who murder our
soldiers", "no matter how you torture the text") or after an infinitive's "to" before an adjective
and its noun ("known to assault vulnerable migrants"): an act with its doer, not a nominalisation
that hides one. Sentences from AllSides articles (records 5600-6295), shortened."""
from __future__ import annotations

import pytest

from test_actors_agency import analyse, event


@pytest.mark.parametrize("text, lemma, agent, patient", [
    ("Parties that praise bloodthirsty terrorists who murder our soldiers are banned.", "murder",
     "bloodthirsty terrorists", "our soldiers"),
    ("That plough won't scour, no matter how you torture the text.", "torture", "you", "the text"),
    ("Gangs and cartels who are known to assault vulnerable migrants roam the border.", "assault",
     "cartels", "vulnerable migrants"),
])
def test_a_verb_read_as_a_noun_keeps_its_doer(text, lemma, agent, patient):
    e = event(analyse(text), lemma)
    assert e.construction == "active" and not e.agent_hidden
    assert agent in e.agent_text and e.patient_text == patient


def test_a_determiner_that_is_no_subject_leaves_the_noun():
    e = event(analyse("That murder shocked the town."), "murder")
    assert e.construction == "nominalisation"
