"""Session 13: attributions the rules missed on PolNeAR train, each a general pattern of news English.

The sentences are from PolNeAR train articles (the misses these rules were written for) unless
marked otherwise. Every test fails on the session-12 code.
"""
from __future__ import annotations

from test_attribution_helpers import by_cue, content, run


def test_an_aside_between_cue_and_content():
    doc, atts, _ = run("He said, however, that he hopes “somebody else takes up the cause” against Cruz.")
    att = by_cue(atts, "said")
    assert att.source_text == "He"
    assert content(doc, att).startswith("that he hopes")


def test_an_aside_before_a_quotation():
    doc, atts, _ = run("Emanuel acknowledged, however, “As they say in the stock brochures, past performance "
                       "is no indication of future performance.”")
    att = by_cue(atts, "acknowledged")
    assert att.kind == "direct" and att.source_text == "Emanuel"


def test_a_verb_read_as_a_plural_noun_after_a_quotation():
    text = "“Besides that, not a single accomplishment,” Bozell answers."
    att = by_cue(run(text)[1], "answers")
    assert att.source_text == "Bozell" and att.kind == "direct"
    text = ("“There were some of us who thought until recently you might be able to work [with them],” "
            "Bozell points out.")
    assert by_cue(run(text)[1], "points out").source_text == "Bozell"


def test_as_a_source_reported_the_main_clause():
    text = ("As The Washington Post reported, even if Sanders managed to split delegates with Clinton in "
            "Tuesday’s contests, he would still trail.")
    doc, atts, _ = run(text)
    att = by_cue(atts, "reported")
    assert att.source_text == "The Washington Post"
    assert content(doc, att).startswith("even if Sanders managed")


def test_a_source_close_to_him():
    text = ("Still, Cruz will be re-evaluating how he approaches his colleagues, a source close to him said.")
    att = by_cue(run(text)[1], "said")
    assert att.source_text == "a source close to him"


def test_most_of_them():
    text = "And until the announcement of the eventual shutdown, most of them said they had loved working for Carrier."
    att = by_cue(run(text)[1], "said")
    assert att.source_text == "most of them" and att.speaker == "most of them"


def test_reportedly_is_a_sourceless_cue():
    text = ("The Club for Growth is reportedly spending $1.5 million on television advertisements ahead of "
            "the Indiana primary.")
    doc, atts, _ = run(text)
    att = by_cue(atts, "reportedly")
    assert att.source is None
    assert content(doc, att) == ("The Club for Growth is | spending $1.5 million on television "
                                 "advertisements ahead of the Indiana primary")


def test_reportedly_before_a_cue_verb_is_part_of_it():
    atts = run("Trump reportedly said he would skip the debate.")[1]
    assert [a.cue_text for a in atts] == ["reportedly said"]


def test_a_relative_pronoun_is_the_subject_of_the_reported_clause():
    text = ("They are also focused on the administration's drawdown of troops in Iraq, which they say left "
            "a vacuum for terrorist activity to grow.")
    doc, atts, _ = run(text)
    att = by_cue(atts, "say")
    assert att.source_text == "they"
    assert content(doc, att) == "which | left a vacuum for terrorist activity to grow"


def test_a_question_word_is_not_a_relative_subject():
    atts = run("Every week, we ask 30 smart political types who they think is the strongest candidate.")[1]
    assert not any(a.cue_text == "think" for a in atts)


def test_he_has_said_contracted():
    text = ("He's said he gets his ideas about monetary policy from a pro-gold speech in Ayn Rand's "
            "\"Atlas Shrugged\".")
    att = by_cue(run(text)[1], "'s said")
    assert att.source_text == "He"


def test_a_poll_share_alone_is_the_source():
    text = ("More than six in 10 said they were not looking forward to the next few months of the "
            "campaign; 46 percent said they were unenthusiastic about the 2016 presidential election.")
    att = by_cue(run(text)[1], "said")
    assert att.source_text == "More than six in 10"


def test_an_inverted_source_opening_with_one():
    text = ("“If anybody thinks that because they’re quote-unquote native sons, that’s impacting their "
            "ballot position in Florida, there’s no data to suggest that,” said one unaligned Florida "
            "Republican strategist.")
    att = by_cue(run(text)[1], "said")
    assert att.source_text == "one unaligned Florida Republican strategist"
    assert att.kind == "direct"


def test_an_opening_participle_reports_the_subject():
    text = ("Noting that only Sen. Mark Kirk (R-Ill.) voted with Democrats on background checks, Tester "
            "added: “That’s where your problem is.”")
    doc, atts, _ = run(text)
    att = by_cue(atts, "Noting")
    assert att.source_text == "Tester"
    assert content(doc, att) == "that only Sen. Mark Kirk (R-Ill.) voted with Democrats on background checks"


def test_a_quantity_before_of_stays_in_the_speaker():
    text = ("Some of the women said they had spoken out at City Council hearings on rezoning plans.")
    att = by_cue(run(text)[1], "said")
    assert att.speaker == "Some of the women"  # was "of women", then "Some of women"


def test_a_complement_clause_is_not_a_relative_one():
    # (AllSides wording) "feel" + adjective: the subject is there, "that" is no relative pronoun
    atts = run("Experts argue that Russians feel aggrieved by the loss of the Soviet Union.")[1]
    assert not any(a.cue_text == "feel" and a.source_text == "Russians" and len(a.content) == 2 for a in atts)


def test_a_setting_participle_reports_nothing():
    atts = run("Writing in The New York Times, Eduardo Porter argued that the tax cut failed.")[1]
    assert [a.cue_text for a in atts] == ["argued"]


def test_a_content_never_starts_at_a_closing_quotation_mark():
    # seed article: the retrained start chooser began this content at the "”" after "role"
    text = ("Iranian President responded by offering a “fraternal role” to help ease tensions with Kabul "
            "and highlighting Iran’s “special importance” placed on relations with Pakistan.")
    doc, atts, _ = run(text)
    att = by_cue(atts, "responded")
    assert not content(doc, att).startswith("”")
