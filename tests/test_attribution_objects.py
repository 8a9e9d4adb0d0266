"""A cue's object is its content, relative clause and all; a noun cue inside that object is part of
the cue, not a second attribution of the same speaker.

"Pakistan supports any constructive initiative that can improve regional stability" had the
content "that can improve regional stability" (the object was skipped as if it were an adverbial
like "last week"), and "Araghchi voiced concerns about the current situation" was two
attributions of Araghchi: "voiced" and "concerns about" (the seed story's Press TV article).
"""
from __future__ import annotations

from test_attribution_helpers import by_cue, content, run


def test_a_relative_clause_stays_in_the_object():
    doc, atts, _ = run("She noted that the party supports any measure that can lower prices for "
                       "families.")
    assert content(doc, by_cue(atts, "supports")) == "any measure that can lower prices for families"
    doc, atts, _ = run("The senator rejected any proposal that would raise taxes on the middle class.")
    assert content(doc, by_cue(atts, "rejected")) == "any proposal that would raise taxes on the middle class"


def test_a_time_adverbial_before_that_is_still_skipped():
    doc, atts, _ = run("She said last week that the plan had failed.")
    assert content(doc, by_cue(atts, "said")) == "that the plan had failed"


def test_a_noun_cue_in_the_object_of_a_verb_cue_is_one_attribution():
    doc, atts, _ = run("Araghchi voiced concerns about the current situation between Afghanistan and "
                       "Pakistan.")
    assert [a.cue_text for a in atts] == ["voiced concerns about"]
    assert content(doc, atts[0]) == "the current situation between Afghanistan and Pakistan"
    assert atts[0].speaker == "Araghchi"


def test_a_cue_that_takes_a_clause_keeps_its_own():
    """"talks" opens the clause "said" takes: no widening to "said talks about"."""
    doc, atts, _ = run("He had previously said talks about the border were over.")
    assert "had previously said" in [a.cue_text for a in atts]
    assert not [a for a in atts if "said talks" in a.cue_text]


def test_a_gerund_right_after_an_object_cue_is_its_content():
    doc, atts, _ = run("He denied lying to the FBI about the meeting.")
    assert content(doc, by_cue(atts, "denied")) == "lying to the FBI about the meeting"
    # after a comma the gerund opens a participle clause of its own
    doc, atts, _ = run("She stressed the point, adding that the talks were over.")
    assert content(doc, by_cue(atts, "stressed")) == "the point"


def test_countered_is_a_cue_of_speech():
    doc, atts, _ = run("The company's president countered that the tax was unfair.")
    assert content(doc, by_cue(atts, "countered")) == "that the tax was unfair"
