"""Session 14: time adverbials after a cue, descriptions the tagger read as adjectives, postposed
cues after a comma, the subject of a passive or raising cue, an inverted source's relative clause.

The sentences are from PolNeAR train articles (the misses these rules were written for) unless
marked otherwise. The first test of each group fails on the session-13 code; the tests named
"..._not_..." pin what the rules must leave alone.
"""
from __future__ import annotations

from test_attribution_helpers import by_cue, content, run

from framing.attribution.chunks import time_adverbial_end


def _toks(text):
    from framing.model import Article
    from framing.text import build_doc

    return build_doc(Article("t", text, "test")).tokens


def test_a_time_adverbial_before_a_bare_clause_is_no_content():
    # (constructed from the PolNeAR pattern "said last week the ...")
    for text in ("Zalmay Khalilzad said this week the two sides had drawn up a draft framework agreement.",
                 "Collins said late Thursday she would support bringing witnesses.",
                 "He said in March the bill would pass."):
        doc, atts, _ = run(text)
        assert not content(doc, by_cue(atts, "said")).lower().startswith(("this", "late", "march"))


def test_a_time_adverbial_after_a_postposed_cue_is_no_content():
    text = ("Consumer sentiment over the last year has been higher than in any year since 2004, the University "
            "of Michigan reported last week.")
    doc, atts, _ = run(text)
    att = by_cue(atts, "reported")
    assert content(doc, att).startswith("Consumer sentiment")


def test_a_time_adverbial_before_that_is_no_object():
    # (constructed) "this Friday", "a week ago" are adverbials, not the cue's object
    for text in ("The senator announced this Friday that the bill would pass.",
                 "The senator announced a week ago that the bill would pass."):
        doc, atts, _ = run(text)
        assert content(doc, by_cue(atts, "announced")) == "that the bill would pass"


def test_time_adverbial_end():
    toks = _toks("last week the two sides")
    assert time_adverbial_end(toks, 0, len(toks)) == 2
    toks = _toks("on October 3 the bill")
    assert time_adverbial_end(toks, 0, len(toks)) == 3
    toks = _toks("two weeks ago that")
    assert time_adverbial_end(toks, 0, len(toks)) == 3
    toks = _toks("a day at home")
    assert time_adverbial_end(toks, 0, len(toks)) == 0


def test_a_time_word_that_is_not_an_adverbial_stays():
    text = ("Grandpa Bern, as he’s affectionately known by his grandchildren, described a day at home with his "
            "grandchildren in Burlington, Vermont, as the perfect day off.")
    doc, atts, _ = run(text)
    assert content(doc, by_cue(atts, "described")).startswith("a day at home")
    doc, atts, _ = run("He said Friday was the deadline.")  # (constructed) the day is the subject
    assert content(doc, by_cue(atts, "said")) == "Friday was the deadline"


def test_a_description_read_as_an_adjective_before_a_name():
    text = ("The chief, Paul Manafort, suggested that the candidate's incendiary style amounted to an act "
            "and that he was set to work with the political establishment.")
    att = by_cue(run(text)[1], "suggested")
    assert att.source_text == "The chief, Paul Manafort,"
    assert att.speaker == "Paul Manafort"


def test_a_description_not_before_a_name_stays_unread():
    # (constructed) no name in apposition: the adjective heads nothing
    text = "The new, bigger plan said nothing about taxes, critics noted."
    atts = run(text)[1]
    assert all(a.source_text != "The new, bigger plan" for a in atts)


def test_a_postposed_cue_read_as_a_plural_noun_after_a_comma():
    text = ("When Sarah McBride took the stage Thursday, she became the first openly transgender person to "
            "speak at a major party's convention, Isaac Stanley-Becker reports.")
    att = by_cue(run(text)[1], "reports")
    assert att.source_text == "Isaac Stanley-Becker"
    # (AllSides, read for session 13) a cue between two commas
    text = ("What's more, Cohn points out, both would spend their time in office staving off Republicans, "
            "not passing their dream bills.")
    doc, atts, _ = run(text)
    att = by_cue(atts, "points out")
    assert att.source_text == "Cohn" and content(doc, att).startswith("both would spend")


def test_the_subject_of_a_passive_cue_with_a_noun_tagged_verb():
    doc, atts, _ = run("The White House is expected to sign the measure, potentially teeing up a new law by the "
                       "end of the year.")
    att = by_cue(atts, "is expected")
    assert att.source is None
    assert [doc.text[c.start:c.end] for c in att.content][0] == "The White House"
    doc, atts, _ = run("Trump had been expected to visit Capitol Hill as early as next week.")
    att = by_cue(atts, "had been expected")
    assert [doc.text[c.start:c.end] for c in att.content][0] == "Trump"


def test_an_inverted_source_keeps_its_relative_clause():
    text = ("“It is certainly a valid issue to raise, because clearly the people who are doing these attacks "
            "have a political agenda that’s against the Democratic Party,” said Anita Dunn, who was White "
            "House communications director in the early part of President Barack Obama’s first term.")
    att = by_cue(run(text)[1], "said")
    assert att.source_text == ("Anita Dunn, who was White House communications director in the early part of "
                               "President Barack Obama’s first term")
    assert att.speaker == "Anita Dunn"
