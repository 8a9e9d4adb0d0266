"""Whom a possessor names before an act noun (the `possessor` column of agency_terms.tsv).

"Kabul's aggression" names the doer, but "his assassination", "Khashoggi's murder" and "her arrest"
name the one who suffers the act; with "of X" after the noun the possessor is the doer again
("Iran's execution of a wrestler"). A casualty noun's possessive pronoun is its victim ("her
death"). Sentences in the style of AllSides news, written for these tests.
"""
from __future__ import annotations

import pytest

from framing.gazetteer import GazetteerError, load_gazetteer
from test_actors_helpers import event


@pytest.mark.parametrize("text, word, doer, sufferer", [
    ("Sadat was a peacemaker, and his assassination shocked the region.", "assassination", None, "his"),
    ("Leaders in many cities voiced outrage over Floyd’s killing.", "killing", None, "Floyd"),
    ("Police confirmed his arrest by federal agents on Monday.", "arrest", "federal agents", "his"),
    ("Trump had defended Acosta after Epstein's arrest last week.", "arrest", None, "Epstein"),
    ("An official investigation into her death concluded in 2013.", "death", None, "her"),
    # a patient phrase after the noun: the possessor does it
    ("Iran's execution of a wrestler drew protests abroad.", "execution", "Iran", "a wrestler"),
    # "its" is a place's or an institution's, not a victim
    ("With its lax gun laws, Nevada saw 67 percent of its murders committed with a gun.", "murders",
     None, None),
    # an act noun whose possessor is its doer
    ("Kabul's aggression must stop, the ministry said.", "aggression", "Kabul", None),
])
def test_whom_the_possessor_names(resources, text, word, doer, sufferer):
    ev = event(resources, text, word)
    assert (ev.agent_text or None, ev.patient_text or None) == (doer, sufferer)


def test_the_possessor_column_is_checked_and_optional(tmp_path):
    header = "term\tpos\tclass\treciprocal\tagent_prep\tpatient_prep"
    bad = tmp_path / "acts.tsv"
    bad.write_text(f"{header}\tpossessor\nlynching\tnoun\tviolence\tno\tby\tof\tvictim\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"acts.tsv:2: possessor must be agent or patient"):
        load_gazetteer(extra_paths=(str(bad),))
    # a pack written before the column existed still loads; its rows' possessors are doers
    old = tmp_path / "old.tsv"
    old.write_text(f"{header}\nlynching\tnoun\tviolence\tno\tby\tof\n", encoding="utf-8")
    term = load_gazetteer(extra_paths=(str(old),)).agency_term("lynching", "noun")
    assert term is not None and term.possessor == "agent"
    assert load_gazetteer().agency_term("assassination", "noun").possessor == "patient"
