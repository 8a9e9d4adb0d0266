"""PolNeAR span conventions and the patterns added to raise recall: widened cues, poll and appositive
sources, sourceless attributions (passives, raising verbs, "Asked whether"), evidence ("In a poll"),
quotation-only cues, interrupted paraphrases. Realistic news sentences, in the style of 2016 US
campaign reporting."""
from __future__ import annotations

from test_attribution_helpers import by_cue, content, run


def test_cue_keeps_auxiliaries_negation_and_colon():
    doc, atts, _ = run("Clinton has also said that she would raise the minimum wage. Ryan did not deny "
                       "the report. Sanders said: “We are going to win this.”")
    assert by_cue(atts, "has also said").source_text == "Clinton"
    assert by_cue(atts, "did not deny").source_text == "Ryan"
    assert content(doc, by_cue(atts, "said:")) == "“We are going to win this.”"


def test_progressive_cue_in_live_blog_style():
    doc, atts, _ = run("Donald Trump is telling supporters in Iowa that he will win the caucuses. "
                       "Marco Rubio is criticizing the night’s big winner.")
    telling = by_cue(atts, "is telling")
    assert telling.source_text == "Donald Trump"
    assert content(doc, telling) == "that he will win the caucuses"
    assert by_cue(atts, "is criticizing").source_text == "Marco Rubio"


def test_appositive_source_keeps_closing_comma():
    doc, atts, _ = run("Muhammad Babar, a spokesman for the Louisville Islamic Center, said the service "
                       "would be open to everyone.")
    assert by_cue(atts, "said").source_text == "Muhammad Babar, a spokesman for the Louisville Islamic Center,"


def test_poll_quantities_and_prepositional_sources():
    doc, atts, _ = run("Six in 10 Virginia Democratic primary voters said Clinton is honest. "
                       "About half of Democratic primary voters say they want more liberal policies. "
                       "Aides to Clinton said she would attend the dinner. "
                       "Sources close to her campaign said the speech is being rewritten.")
    sources = [a.source_text for a in atts]
    assert "Six in 10 Virginia Democratic primary voters" in sources
    assert "About half of Democratic primary voters" in sources
    assert "Aides to Clinton" in sources
    assert "Sources close to her campaign" in sources


def test_passive_and_raising_attributions_have_no_source():
    doc, atts, _ = run("Trump is expected to deliver a victory speech later tonight. "
                       "A broader swath of Republican voters appears to be moving behind Trump. "
                       "It seems that the debate will go ahead.")
    expected = by_cue(atts, "is expected")
    assert expected.source is None
    assert content(doc, expected) == "Trump | to deliver a victory speech later tonight"
    appears = by_cue(atts, "appears")
    assert appears.source is None
    assert content(doc, appears) == "A broader swath of Republican voters | to be moving behind Trump"
    assert content(doc, by_cue(atts, "seems")) == "that the debate will go ahead"


def test_raising_verb_without_to_clause_is_not_an_attribution():
    doc, atts, _ = run("The candidate appeared at a rally in Des Moines on Monday.")
    assert atts == ()


def test_asked_whether_question():
    doc, atts, _ = run("Asked whether Clinton has the integrity to serve as president, 75 percent of "
                       "Democrats said yes.")
    asked = by_cue(atts, "Asked")
    assert asked.source is None
    assert content(doc, asked) == "whether Clinton has the integrity to serve as president"


def test_in_a_poll_names_the_poll_as_source():
    doc, atts, _ = run("In an NBC News/Wall Street Journal poll released Monday, 50 percent of "
                       "respondents chose Clinton while 40 percent chose Trump.")
    poll = by_cue(atts, "In")
    assert poll.source_text == "an NBC News/Wall Street Journal poll released Monday"
    assert content(doc, poll).startswith("50 percent of respondents chose Clinton")
    doc, atts, _ = run("In the afternoon, Clinton met voters in Reno.")
    assert atts == ()


def test_quotation_only_cue():
    doc, atts, _ = run("“A lot of it is justified,” he continued. He continued to campaign in Iowa.")
    assert [a.cue_text for a in atts] == ["continued"]
    assert atts[0].kind == "direct"


def test_quote_after_cue_sentence_continues_it():
    doc, atts, _ = run("\"The bullying,\" Fox's Chris Wallace said, as the crowd cheered. \"The greed. "
                       "The showing off. The misogyny.\"")
    said = by_cue(atts, "said")
    assert len(said.content) == 2
    assert content(doc, said).endswith("The misogyny.\"")


def test_interrupted_paraphrase_has_two_pieces():
    doc, atts, _ = run("This campaign, he says, is different from the last one.")
    assert content(doc, by_cue(atts, "says")) == "This campaign | is different from the last one"


def test_modal_clause_after_say():
    # the tagger reads "result" after "will" as a noun; the modal still marks a clause
    doc, atts, _ = run("Sanders said the election will result in one of the greatest upsets in history.")
    assert content(doc, by_cue(atts, "said")) == "the election will result in one of the greatest upsets in history"


def test_content_boundaries():
    doc, atts, _ = run("Twenty-four percent said they were more likely to vote for him, while 9 percent "
                       "found it to be a deterrent. Cruz praised the example of Indiana, which passed a "
                       "similar law last year.")
    assert content(doc, by_cue(atts, "said")) == "they were more likely to vote for him"
    assert content(doc, by_cue(atts, "praised")) == "the example of Indiana"
