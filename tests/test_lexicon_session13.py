"""Session 13's lexicon changes on real news sentences (AllSides records below 4000): phrase rows
in the plural, new rows, neutral collocations, and mild evaluative rows promoted to flags
(docs/accuracy_lexicon.md, "Session 13")."""
from __future__ import annotations

import pytest

from framing.lexicon import default_lexicon
from framing.lexicon.build import findings_of
from framing.lexicon.keys import phrase_variants
from framing.model import Article
from framing.text import build_doc


@pytest.fixture(scope="module")
def lex():
    return default_lexicon()


def flags(lex, text):
    doc = build_doc(Article(id="t", text=text, outlet="Test"))
    return {f.text: f for f in findings_of(doc, lex, scores=False) if f.flag}


def test_a_phrase_row_ending_in_a_noun_matches_its_plural(lex):
    assert "fat cats" in phrase_variants("fat cat")
    assert "illegal aliens" in phrase_variants("illegal alien")
    assert "lost their lives" in phrase_variants("lose their lives")  # the verb still varies
    found = flags(lex, "Introducing a victorious Moore on Tuesday night, Bannon heralded a "
                       "\u201crevolution\u201d spearheaded by populists who \u201cdo not have to "
                       "raise money from the elites, the crony capitalists, from the fat cats in "
                       "Washington, D.C.\u201d")
    assert found["fat cats"].term == "fat cat" and found["fat cats"].voice == "quoted"


@pytest.mark.parametrize("sentence,word,term", [
    ("Everything about the Wuhan coronavirus proved Donald Trump right.",
     "Wuhan coronavirus", "wuhan coronavirus"),
    ("As many of his detractors have pointed out, in this instance, our negotiator-in-chief seems "
     "to have given without a corresponding take.", "negotiator-in-chief", "in chief"),
    ("The twin blasts just before the finish line of the April 15 race killed three people and "
     "wounded more than 260 and turned a chunk of downtown Boston into a crime scene, disrupting "
     "the normal routines of countless others.", "countless", "countless"),
])
def test_new_rows_flag_real_sentences(lex, sentence, word, term):
    found = flags(lex, sentence)
    assert word in found, sorted(found)
    assert found[word].term == term and found[word].explanation


@pytest.mark.parametrize("sentence", [
    "His remarks set the incoming commander-in-chief against intelligence services that he will "
    "preside over.",
    "The ambulance service says none of the injuries is thought to be serious or life-threatening.",
])
def test_standard_terms_are_not_flagged(lex, sentence):
    """"commander-in-chief" is a title, not a mock one; "life-threatening" is not a threat."""
    assert not flags(lex, sentence)


@pytest.mark.parametrize("sentence,word", [
    ("Defense Secretary James Mattis issued a brief statement that, oddly, appeared to speak on "
     "Trump's behalf.", "oddly"),
    ("Rudy Giuliani downplayed the idea that President Donald Trump's White House is defined by "
     "conflict.", "downplayed"),
])
def test_promoted_rows_are_flags(lex, sentence, word):
    assert word in flags(lex, sentence)
