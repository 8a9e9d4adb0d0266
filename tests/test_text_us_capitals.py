""""US" in capitals is the country (NNP), not the pronoun the tagger's lexicon gives it.

textblob's lexicon tags "US" PRP (from text set in capitals), so "US officials said" had the source
"officials" with no side, while "U.S. officials said" had "U.S. officials" and the United States.
In capitals text it stays the pronoun. Sentences from AllSides articles.
"""
from __future__ import annotations

import pytest

from test_attribution_helpers import by_cue, run


def _us_tags(text):
    doc = run(text)[0]
    return [t.pos for t in doc.tokens if t.text == "US"]


@pytest.mark.parametrize("text", [
    "US officials said the strikes would continue.",
    "A senior US official told Reuters the talks had stalled.",
    "The EU and US agreed on new sanctions against Moscow.",
    "Most Dreamers were brought to the US by their parents.",
])
def test_us_in_capitals_is_a_name(text):
    assert _us_tags(text) == ["NNP"]


@pytest.mark.parametrize("text", ["LET US PRAY, the sign read.", "HE TOLD US."])
def test_us_in_capitals_text_is_still_the_pronoun(text):
    assert _us_tags(text) == ["PRP"]


def test_the_source_keeps_its_country():
    att = by_cue(run("US officials said the strikes would continue until the group surrendered.")[1],
                 "said")
    assert (att.source_text, att.affiliation) == ("US officials", "United States")
    att = by_cue(run("A senior US official told Reuters the talks had stalled.")[1], "told")
    assert att.source_text == "A senior US official" and att.affiliation == "United States"
