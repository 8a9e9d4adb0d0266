"""Which words make a source and a speaker's description. A word capitalised only because it
opens the sentence is no source on its own (conjunctions, prepositions, "there", "when", articles),
while a determiner that stands for a noun still is; a description loses only the determiners that
open it. Sentences from AllSides articles (records 5600-6295), shortened."""

import pytest

from framing.api import analyze_article
from framing.model import Article


def _attributions(text):
    return analyze_article(Article(id="t", text=text, outlet="t")).attributions


@pytest.mark.parametrize("text, cue, learned_only", [
    ('But remember they "value the freedom of the press."', "remember", False),
    ("And always remember that a leader is not born, but made.", "always remember", False),
    ("The last seems to refer to younger men.", "seems", True),
    ("When asked to back up her assertion, Ocasio-Cortez pointed to \"the words that he uses.\"",
     "asked", False),
    ("When questioned by the FBI, Petraeus lied to agents.", "questioned", True),
])
def test_a_sentence_opener_alone_is_no_source(text, cue, learned_only):
    # (learned_only: a cue only the learned detector finds; the detector retrained in session 18
    # no longer takes these two, so they may be missing, but must never take the opener as source)
    found = [a for a in _attributions(text) if a.cue_text == cue]
    assert (found or learned_only) and all(not a.source_text for a in found)


@pytest.mark.parametrize("text, source", [
    ("Neither have indicated how they will vote.", "Neither"),
    ("The 70-year-old says he is not linked to any armed group.", "The 70-year-old"),
    ("The presidential hopeful tweeted that he was recovering.", "The presidential hopeful"),
    ("This finding suggests that we infer social class from how people talk.", "This finding"),
])
def test_a_determiner_that_stands_for_a_noun_stays_a_source(text, source):
    assert source in [a.source_text for a in _attributions(text)]


def test_a_relative_pronoun_stays_a_source():
    # in lower case, "which" stands for the noun before it (PolNeAR labels it the source)
    atts = _attributions("They turned to the Chicago Police Department, which reported 2,521 "
                         "shooting incidents in the city.")
    assert "which" in [a.source_text for a in atts]


@pytest.mark.parametrize("text, speaker", [
    ("One of the women, a radio host, said he groped her.", "One of the women"),
    ("Members of the media said the briefing was cut short.", "Members of the media"),
    ("The Office of the Director of National Intelligence said the report was accurate.",
     "Office of the Director of National Intelligence"),
    ("The officials said it was over.", "officials"),
])
def test_only_the_determiners_opening_a_description_go(text, speaker):
    # "the" inside the phrase stays ("One of women", "Office of Director of ..." before)
    assert speaker in [a.speaker for a in _attributions(text)]


@pytest.mark.parametrize("text, kept", [
    ("Roads in poor condition: 6.9% (17th highest)", False),
    ("Winner: Marco Rubio", False),
    ("Hawaii: 14,435 (31%)", False),
    ("Police: 5 dead in shooting", True),
    ("CLERK: Yeah, just", True),
    ("Clapper: That's correct", True),
])
def test_a_label_and_colon_credit_speech_not_a_table_cell(text, kept):
    assert any(a.cue_text == ":" for a in _attributions(text)) == kept


@pytest.mark.parametrize("text", [
    "To say that the pundits have low expectations for the trip would be putting it mildly.",
    "To talk more about the election, we are joined by the journalist Glenn Greenwald.",
])
def test_a_sentence_opening_infinitive_reports_no_one(text):
    assert not [a for a in _attributions(text) if a.source_text == "To"]


def test_a_day_after_a_cue_is_no_cue_of_its_own():
    # the learned detector took "Friday" for a second cue beside "said" (77 such duplicates in
    # AllSides)
    atts = _attributions("Trump said Friday that some governors have deemed liquor stores essential.")
    assert [a.cue_text for a in atts if a.source_text == "Trump"] == ["said"]
