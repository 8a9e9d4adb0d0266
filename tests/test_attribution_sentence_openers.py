"""A word capitalised only because it opens the sentence is no source on its own (conjunctions,
prepositions, "there", articles), while a determiner that stands for a noun still is. Sentences
from AllSides articles (records 5600-6295), shortened."""
import pytest

from framing.api import analyze_article
from framing.model import Article


def _attributions(text):
    return analyze_article(Article(id="t", text=text, outlet="t")).attributions


@pytest.mark.parametrize("text, cue", [
    ('But remember they "value the freedom of the press."', "remember"),
    ("And always remember that a leader is not born, but made.", "always remember"),
    ("The last seems to refer to younger men.", "seems"),
    ("When asked to back up her assertion, Ocasio-Cortez pointed to \"the words that he uses.\"",
     "asked"),
    ("When questioned by the FBI, Petraeus lied to agents.", "questioned"),
])
def test_a_sentence_opener_alone_is_no_source(text, cue):
    found = [a for a in _attributions(text) if a.cue_text == cue]
    assert found and all(not a.source_text for a in found)


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
