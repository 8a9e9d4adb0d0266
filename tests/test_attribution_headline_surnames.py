"""A surname in a headline takes the one fuller name the body gives it.

News introduces a person before using the surname alone, so a surname speaker only takes earlier
fuller mentions ("Mr Kim" is not a later paragraph's "Sung Kim"). Headlines, decks and
sub-headings come first and name people by surname ("Naqvi discusses Pak-Afghan border matters with
Pezeshkian", seed article 001): there the surname takes the fuller name the article gives it later,
when it gives only one.
"""
from __future__ import annotations

from pathlib import Path

from test_attribution_helpers import by_cue, run

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_a_headline_surname_is_the_person_the_body_introduces():
    from framing import load_story

    story = load_story(str(SEEDS))
    text = next(a.text for a in story.articles if a.text.startswith("Iranian president proposes"))
    _, atts, _ = run(text)
    att = by_cue(atts, "discusses")
    assert (att.source_text, att.speaker, att.affiliation) == ("Naqvi", "Mohsin Naqvi", "Pakistan")


def test_a_deck_surname_in_new_text():
    text = ("Kaptur says housing plan will pass\n\n"
            "The House on Tuesday took up a plan by Rep. Marcy Kaptur of Ohio to build three "
            "million homes over a decade, paid for by a tax on the largest estates.")
    att = by_cue(run(text)[1], "says")
    assert att.speaker == "Marcy Kaptur"


def test_a_headline_surname_with_two_fuller_names_stays_as_written():
    text = ("Trump says the tour will go ahead\n\n"
            "President Donald Trump and first lady Melania Trump will visit Japan next month, the "
            "White House announced on Friday.")
    assert by_cue(run(text)[1], "says").speaker == "Trump"


def test_a_surname_in_the_body_still_takes_only_earlier_names():
    text = ("Mr Kim announced he was suspending nuclear tests. The talks were prepared by the American "
            "envoy Sung Kim, a veteran diplomat.")
    assert by_cue(run(text)[1], "announced").speaker == "Kim"
