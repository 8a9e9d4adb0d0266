"""A figure disagreement's label names what is counted in plain English: "people injured", not
"peoples injured"; "casualties", not "casualtys". Sentences from a story the AllSides corpus
carries twice (Associated Press and USA TODAY on the Pensacola base shooting, December 2019)."""
from __future__ import annotations

from test_compare_support import check_offsets, make_story

from framing.compare import compare_story


def test_people_hurt_twelve_against_eight_wounded_is_labelled_people_injured():
    analyses, story = make_story({
        "Associated Press": "Twelve people were hurt in the attack at the naval air station, "
                            "including the two sheriff's deputies who were the first to respond, "
                            "Escambia County Sheriff David Morgan said.",
        "USA TODAY": "Authorities on Monday continued to investigate a shooting at the naval air "
                     "station that left three people dead and eight wounded.",
    }, date="2019-12-09")
    c = compare_story(analyses, story)
    injured = [d for d in c.disagreements if d.kind == "figure" and "injured" in d.key]
    assert len(injured) == 1
    assert injured[0].label == "people injured"
    assert sorted(s.value for s in injured[0].sides) == ["12", "8"]
    assert check_offsets(c, analyses) > 0
