"""Session 21 (recall on PolNeAR train misses): a quotation a colon introduces after a clause is its
subject's words, whatever the verb ("Trump ... leaned in and boomed: “...”"), and a dash before a
name makes a label ("Pollsters agree - Carl Bialik: “...”"); a verb and its adverbs before a comma
and a quotation ("Sanders replied evenly, "...""); a quotation opening its sentence followed by a
subject and any verb ('“...,” an angry Hollande retaliated.'); a quotation ending with "?" that is
the document's first one ('“...?” Sanders replied.', quotation number 0 was taken for none); a
participle clause after such a cue ("Trump asked, looking far from displeased."); a credit line
after a quoted paragraph ('"..."' / '- Sanders.'); a headline's verb the tagger read as a noun
("Rose Bowl skywriters blast Trump.", "Another GOP Figure Endorses Hillary Clinton.").

The sentences are from PolNeAR train articles. Each test fails on the session-20 code; the tests
named "..._still_..." pin what the rules must leave alone.
"""
from __future__ import annotations

from test_attribution_helpers import by_cue, content, run, source


def test_a_colon_before_a_quotation_closes_its_subjects_clause():
    cases = (
        ("Trump gestured as if to stop the ruckus, then leaned in and boomed: “Let’s defeat her in November.”",
         "boomed:", "Trump", "“Let’s defeat her in November.”"),
        ("Kelly responded pointedly, with a smile: “Can happen when you’re 45.” She is 45.",
         "responded pointedly, with a smile:", "Kelly", "“Can happen when you’re 45.”"),
        ("Has the storm passed? ''I hope so,'' Mrs. Clinton said. Then she added warily: ''There's always "
         "something - something that can come at you, drop from the sky.''", "added warily:", "she",
         "''There's always something - something that can come at you, drop from the sky.''"),
        ("Hoff’s letter makes a libertarian-style case: “Followers of radical Islam hate everything we stand "
         "for as Americans.”", "makes a libertarian-style case:", "Hoff’s letter",
         "“Followers of radical Islam hate everything we stand for as Americans.”"),
    )
    for text, cue, src, expected in cases:
        doc, atts, _ = run(text)
        att = by_cue(atts, cue)
        assert source(doc, att) == src, text
        assert content(doc, att) == expected, text


def test_a_name_after_a_dash_or_from_labels_a_quotation():
    cases = (
        ("Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one: Keep on contacting "
         "voters as late as possible.”", "Carl Bialik"),
        ("It’s not enough to get the sample to “look” representative - More from the report: “Today numerous "
         "online survey vendors condition their samples on nondemographic variables.”", "the report"),
    )
    for text, src in cases:
        doc, atts, _ = run(text)
        att = by_cue(atts, ":")
        assert source(doc, att) == src, text
        assert content(doc, att).startswith("“"), text


def test_a_colon_still_needs_a_speaker():
    # a label, a clause whose subject names no one, a clause another cue has read
    for text in ("Related: “GOP Candidates Resoundingly Reject The Idea Of A Minimum Wage Hike.”",
                 "Here’s Clinton in December 1992: “Our new direction must rest on an understanding of the "
                 "new realities of global competition.”"):
        _, atts, _ = run(text)
        assert not [a for a in atts if a.cue_text.endswith(":")], text
    text = ("Of course, as Joel Pollak of Breitbart California observed, the biggest victor was not on the "
            "stage, it was the stage itself: “The clear winner of Tuesday night’s GOP debate was the Fox "
            "Business Network.”")
    doc, atts, _ = run(text)
    assert [source(doc, a) for a in atts] == ["Joel Pollak of Breitbart California"]


def test_a_verb_and_its_adverbs_before_a_comma_and_a_quotation():
    text = ('Sanders replied evenly, "I think Secretary Clinton knows that what she says is very '
            'disingenuous."')
    doc, atts, _ = run(text)
    att = by_cue(atts, "replied evenly")
    assert source(doc, att) == "Sanders"
    assert content(doc, att).startswith('"I think Secretary Clinton')


def test_a_quotation_then_a_subject_and_any_verb():
    cases = (
        ("“France will always be France,” an angry Hollande retaliated. “It never gives up, because it "
         "still carries the ideals of humanity.”", "retaliated", "an angry Hollande"),
        ("“If they were serious about making progress on this, I think they would be working with me,” "
         "Toomey fumed on Tuesday.", "fumed", "Toomey"),
        ('"People are afraid of wasting their votes," he surmised.', "surmised", "he"),
    )
    for text, cue, src in cases:
        doc, atts, _ = run(text)
        att = by_cue(atts, cue)
        assert source(doc, att) == src, text
        assert content(doc, att).startswith("“") or content(doc, att).startswith('"'), text


def test_a_title_in_quotation_marks_still_is_no_speech():
    for text in ("“Austin Powers: The Spy Who Shagged Me,” had no such praise for Clinton.",
                 "''Friends,'' has been a surprise hit on Netflix, which streams it."):
        _, atts, _ = run(text)
        assert not atts, text


def test_the_first_quotation_of_a_document_before_its_cue():
    text = ("“Have I started writing my inauguration speech, as opposed to the speech I have to give "
            "tomorrow?” Sanders replied. “Look, the answer is yes.”")
    doc, atts, _ = run(text)
    att = by_cue(atts, "replied")
    assert source(doc, att) == "Sanders"
    assert content(doc, att).startswith("“Have I started")


def test_a_participle_clause_after_a_postposed_cue():
    text = ("He was not fazed. “What kind of people do I have here?” Trump asked, looking far from "
            "displeased. “What do I have?”")
    doc, atts, _ = run(text)
    att = by_cue(atts, "asked")
    assert source(doc, att) == "Trump"
    assert content(doc, att) == "“What kind of people do I have here?” | “What do I have?”"


def test_a_credit_line_after_a_quoted_paragraph():
    text = ('Bernie Sanders repeated the claim.\n\n"Boeing and GE and other multinationals . . . pay zero '
            'taxes."\n\n- Sanders.\n\nThis is a complex issue.')
    doc, atts, _ = run(text)
    att = by_cue(atts, "-")
    assert source(doc, att) == "Sanders"
    assert content(doc, att).startswith('"Boeing')
    # an agency's credit is no speaker's
    doc, atts, _ = run('He called him "my African American friend here."\n\n- Reuters.\n\nMore text.')
    assert not [a for a in atts if a.cue_text == "-"]


def test_a_headline_verb_the_tagger_read_as_a_noun():
    cases = (
        ("Rose Bowl skywriters blast Trump.\n\nThe messages appeared over Pasadena.", "blast",
         "Rose Bowl skywriters", "Trump"),
        ("Another GOP Figure Endorses Hillary Clinton.\n\nHe is the latest.", "Endorses", "Another GOP Figure",
         "Hillary Clinton"),
        ("Clinton hints at husband's job; \n\nThe candidate spoke on Monday.", "hints at", "Clinton",
         "husband's job"),
    )
    for text, cue, src, expected in cases:
        doc, atts, _ = run(text)
        att = by_cue(atts, cue)
        assert source(doc, att) == src, text
        assert content(doc, att) == expected, text


def test_a_headline_noun_after_a_possessive_still_is_a_noun():
    _, atts, _ = run("Why Hillary Clinton’s Attacks On Donald Trump’s Economic Policy Could Backfire.\n\n"
                     "The attacks began in June.")
    assert not [a for a in atts if a.cue_text == "Attacks"]
