"""Session 15 (recall): -ing cues after "by", "before", "upon" or an adverb, "went on to say",
a cue verb joined by "and"/"but" to an earlier verb of its clause, "..., as X reported, ...",
"as X put it".

The sentences are from PolNeAR train articles (the misses these rules were written for) unless
marked otherwise. The first test of each group fails on the session-14 code; the tests named
"..._not_..." pin what the rules must leave alone.
"""
from __future__ import annotations

from test_attribution_helpers import by_cue, content, run


def test_an_ing_cue_after_by_before_or_upon_reports_the_subject():
    cases = (
        ("After the election, Axelrod tried offering an olive branch by telling Clinton she had been an able "
         "and determined opponent in a long and bitter primary.", "telling", "Axelrod",
         "she had been an able and determined opponent"),
        ("“There’s great danger with the illegals,” Trump told reporters, before insisting he had a “great "
         "relationship” with Latinos.", "insisting", "Trump", "he had a “great relationship” with Latinos"),
        ("Silverman, herself a Sanders supporter during the primary, incurred a wave of boos upon saying, "
         "“Hillary heard the passion of the people.”", "saying", "Silverman", "“Hillary heard the passion"),
    )
    for text, cue, speaker, start in cases:
        doc, atts, _ = run(text)
        att = by_cue(atts, cue)
        assert att.speaker == speaker, (text, att.speaker)
        assert content(doc, att).startswith(start)


def test_an_adverb_between_the_comma_and_the_ing_cue():
    text = ("Hillary Clinton has expressed frustration, and even a little trepidation, about her first face-off "
            "with Donald Trump later this month, recently telling one person close to her that she’s perplexed "
            "about \"which Donald Trump will show up.\"")
    doc, atts, _ = run(text)
    att = [a for a in atts if "telling" in a.cue_text][0]
    assert att.speaker == "Hillary Clinton"
    text = ("Kasich cautioned “let’s not get ahead of ourselves,” before optimistically predicting that a contested "
            "convention could actually have a healing effect on the party.")
    doc, atts, _ = run(text)
    att = [a for a in atts if "predicting" in a.cue_text][0]
    assert att.speaker == "Kasich"
    assert content(doc, att).startswith("that a contested convention")


def test_a_cue_and_by_ing_stays_one_cue_not_two():
    # "responded by saying" is one cue (the rules before this session read it so); "by" after a verb
    # does not open an -ing cue of its own
    text = ("A Chinese official responded by saying Japan should be careful “not to interfere and stir up "
            "problems” in the waterway.")
    doc, atts, _ = run(text)
    assert not [a for a in atts if a.cue_text == "saying"]


def test_went_on_to_say_is_one_cue():
    cases = (
        ("He went on to call Cruz “the absolutely worst politician in Texas.”", "went on to call", "He"),
        ("She went on to say that, because Comey testified that her comments to the FBI were \"truthful,\" it is "
         "also an indication that her public statements were truthful.", "went on to say", "She"),
        ("Trump joked that Brooklyn was his answer, but went on to say, “There are places in America that are "
         "among the most dangerous in the world.”", "went on to say", "Trump"),
    )
    for text, cue, source in cases:
        doc, atts, _ = run(text)
        att = by_cue(atts, cue)
        assert att.source_text == source


def test_went_on_to_win_is_no_cue():
    doc, atts, _ = run("She went on to win Ohio and a popular-vote victory in the Texas primary.")
    assert not [a for a in atts if "went" in a.cue_text]


def test_a_cue_joined_to_an_earlier_verb_of_its_clause():
    cases = (
        ("In a victory speech from Wyoming -- which holds a caucus on Saturday -- Sanders claimed momentum and "
         "argued he is a stronger general election candidate than Clinton.", "argued", "Sanders"),
        ("Following an animated town hall meeting in Londonderry last week, Kasich boasted to reporters of his "
         "organization - \"the best in the state\" - and stressed the state's importance to his prospects.",
         "stressed", "Kasich"),
    )
    for text, cue, source in cases:
        doc, atts, _ = run(text)
        att = by_cue(atts, cue)
        assert att.source_text == source, (text, att.source_text)


def test_as_x_reported_inside_a_sentence():
    text = ("Roger Ailes, the former chairman of Fox News, also met with Mr. Trump that day, as The New York Times "
            "reported on Tuesday, and he will be part of efforts to prepare Mr. Trump in his debate against "
            "Mrs. Clinton.")
    doc, atts, _ = run(text)
    att = by_cue(atts, "reported")
    assert att.source_text == "The New York Times"
    assert content(doc, att) == "Roger Ailes, the former chairman of Fox News, also met with Mr. Trump that day"
    text = ("It doesn’t help that invoking the specters of Weimar Germany and Zimbabwe is a classic right-wing "
            "scare tactic, as David Dayen noted in The Intercept.")
    doc, atts, _ = run(text)
    att = by_cue(atts, "noted")
    assert content(doc, att).startswith("It doesn’t help that invoking")


def test_as_x_has_done_is_not_a_report():
    text = ("McCain supported it and Cruz, as he has in the past, opposed the measure.")
    doc, atts, _ = run(text)
    assert not [a for a in atts if a.cue_text in ("has", "has in the past")]


def test_as_x_put_it():
    text = ("As Professor Foner put it: ''The United States does a better job at accepting immigrants as "
            "Americans in the making.''")
    doc, atts, _ = run(text)
    att = [a for a in atts if a.cue_text.startswith("put it")][0]
    assert att.source_text == "Professor Foner"
    assert content(doc, att).startswith("''The United States")


def test_put_it_inside_a_phrase_is_no_cue():
    for text in ("Such movements, to put it mildly, have never been good for the free market.",
                 "Trump has promised to put it into play in November."):
        doc, atts, _ = run(text)
        assert not [a for a in atts if "put" in a.cue_text]


def test_a_time_adverbial_closing_the_subject_is_not_the_source():
    # (constructed) the subject of an -ing cue after a comma is the noun phrase without "last week"
    text = ("The senator last week did not make any commitment on the bill, only telling reporters that "
            "there may be a role for Congress to play.")
    doc, atts, _ = run(text)
    att = [a for a in atts if "telling" in a.cue_text][0]
    assert att.source_text == "The senator"


def test_a_joined_cue_does_not_take_the_source_of_a_relative_clause():
    # (constructed) "whom ... described" is another clause: its source is not the source of "said"
    text = ("Davis — whom multiple Republicans privately described as “scary” to the GOP — agreed that there’s "
            "political opportunity for Democrats in Texas but said it remains to be seen how quickly the party "
            "can take advantage of it.")
    doc, atts, _ = run(text)
    assert all(a.source_text != "multiple Republicans" for a in atts if a.cue_text == "said")


def test_by_ing_after_two_clauses_takes_no_sentence_subject():
    # (constructed) the subject of "declaring" is Biden, not the writer
    text = "I wish Biden hadn’t boxed himself in by declaring in advance that his running mate would be a woman."
    doc, atts, _ = run(text)
    assert all(a.source_text != "I" for a in atts if "declaring" in a.cue_text)


def test_those_surveyed_is_a_source():
    cases = (("By big margins, those surveyed say the economy, including jobs and the minimum wage, should be the "
              "first priority for the next president.", "those surveyed"),
             ("Thirty-one percent of those surveyed say they would be satisfied if he won the Democratic "
              "nomination, a bit more than the 28% who would be scared.", "Thirty-one percent of those surveyed"))
    for text, source in cases:
        doc, atts, _ = run(text)
        assert by_cue(atts, "say").source_text == source


def test_a_past_tense_read_as_a_participle_after_an_appositive():
    text = ("Mr. Rubio, the Florida senator, anticipated that a question-and-answer session with business leaders "
            "in Washington on Monday would focus on how to eradicate terrorism.")
    doc, atts, _ = run(text)
    att = by_cue(atts, "anticipated")
    assert att.source_text == "Mr. Rubio, the Florida senator,"


def test_as_x_said_before_its_content_or_inside_a_subordinate_clause():
    # (constructed) "Indeed, as X has pointed out, ..." has its content after the aside; "if, as Tehran
    # has threatened, it breaches ..." reports the subordinate clause, not the sentence before it
    text = ("Indeed, as Stephen Collinson has pointed out, given that Trump has never once moderated his conduct, "
            "even impeachment won't stop him.")
    doc, atts, _ = run(text)
    assert content(doc, by_cue(atts, "has pointed out")) != "Indeed"
    text = ("Hook is to meet officials from Britain this week to discuss what happens if, as Tehran has threatened, "
            "it breaches its permitted uranium enrichment stock levels on Thursday.")
    doc, atts, _ = run(text)
    assert not [a for a in atts if a.cue_text == "has threatened" and content(doc, a).startswith("Hook")]


def test_set_phrases_with_as_are_no_reports():
    # (constructed) "as they say", "as you know" and "put it" meaning "place it" report no one
    for text, cue in (("But the devil is, as they say, in the details.", "say"),
                      ("The confidentiality of those meetings, as you know, is extremely important.", "know"),
                      ("As long as we don’t put it in charge of unemployment, that is.", "put it")):
        doc, atts, _ = run(text)
        assert not [a for a in atts if a.cue_text.endswith(cue)], (text, [a.cue_text for a in atts])
