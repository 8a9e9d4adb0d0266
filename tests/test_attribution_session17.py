"""Session 17 (PolNeAR boundaries): a source that stops before "and" takes the second conjunct
("their friends and advisers"); a paraphrase in a sentence's opening subordinate clause ends before
the main clause; an adjective of a state of mind after a copula keeps the copula in its cue and the
copula's subject as its source ("his donors remain confident that"); a verb after a closing "''" is
a verb; "said by telephone" is no passive; a phrase opening the sentence before a parenthetical
cue ("Otherwise, she said, ...") and the relative pronoun a cue's object stands for ("which Mr.
Trump called ''a disgrace''") are content pieces, and so is the subject of a passive cue with no
agent ("Three city commissioners | were charged | with ...").

The sentences are from PolNeAR train articles (the boundaries these rules were written for). The
first test of each group fails on the session-16 code; the tests named "..._not_..." pin what the
rules must leave alone.
"""
from __future__ import annotations

from test_attribution_helpers import by_cue, content, run, source

from framing.model import Article
from framing.text import build_doc


def test_a_source_takes_the_noun_phrase_joined_to_it_by_and():
    cases = (
        ("According to their friends and advisers, Mrs. Clinton and former President Bill Clinton have "
         "worried for months that she was out of sync with the mood of the electorate.", "According to",
         "their friends and advisers"),
        ("“That’s what he did in ’08 and ’12. He’s reprising that role,” said former Pennsylvania Gov. and "
         "Democratic National Committee Chairman Ed Rendell.", "said",
         "former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell"),
        ("Establishment Republicans and their big-money allies are rushing to build a multistate defense "
         "system to protect Senate and House candidates, fearing that the party could lose its hold on "
         "Congress if Donald Trump is at the top of the ticket in November.", "fearing",
         "Establishment Republicans and their big-money allies"),
    )
    for text, cue, expected in cases:
        doc, atts, _ = run(text)
        assert source(doc, by_cue(atts, cue)) == expected, text


def test_a_content_that_opened_in_the_second_conjunct_starts_after_it():
    text = ("According to USA TODAY contributor and monetary historian David Marsh, U.S. and European "
            "interest rates have moved in opposite directions seven times since World War II.")
    doc, atts, _ = run(text)
    att = by_cue(atts, "According to")
    assert source(doc, att) == "USA TODAY contributor and monetary historian David Marsh"
    assert content(doc, att).startswith("U.S. and European interest rates")


def test_a_second_conjunct_is_not_taken_into_a_clause():
    # the chunk after "and" runs into the verb ("both campaigned", tagged JJ): no conjunct
    text = ("Bernie Sanders and Ted Cruz both campaigned hard in Arizona, hoping to score upsets over their "
            "parties' front-runners.")
    doc, atts, _ = run(text)
    for att in atts:
        assert "campaigned" not in source(doc, att)


def test_a_paraphrase_in_an_opening_subordinate_clause_ends_before_the_main_clause():
    cases = (
        ("When an NBC reporter later asked Trump if having Muslims register in a database would be any "
         "different from having Jews wear a yellow badge in Nazi Germany, Trump deflected.", "later asked",
         "if having Muslims register in a database would be any different from having Jews wear a yellow "
         "badge in Nazi Germany"),
        ("After Hewitt suggested that Trump simply meant that Obama’s policies created the conditions in "
         "which ISIS could emerge, Trump contradicted him.", "suggested",
         "that Trump simply meant that Obama’s policies created the conditions in which ISIS could emerge"),
    )
    for text, cue, expected in cases:
        doc, atts, _ = run(text)
        assert content(doc, by_cue(atts, cue)) == expected, text


def test_an_as_clause_is_not_cut_before_its_main_clause():
    text = "As The Atlantic recently noted, trust in government is collapsing around the world."
    doc, atts, _ = run(text)
    assert content(doc, by_cue(atts, "recently noted")) == "trust in government is collapsing around the world"


def test_a_state_of_mind_adjective_keeps_its_copula_and_its_subject():
    cases = (
        ("Ms. Henry and other labor leaders remain confident that they can keep their members in the fold.",
         "remain confident", "Ms. Henry and other labor leaders"),
        ("Democratic leaders are worried about emerging from their convention with an unmollified "
         "''Bernie or Bust'' contingent.", "are worried", "Democratic leaders"),
    )
    for text, cue, expected in cases:
        doc, atts, _ = run(text)
        assert source(doc, by_cue(atts, cue)) == expected, text


def test_a_verb_after_a_closing_double_apostrophe_is_a_verb():
    text = ("''The economic populism of the presidential campaign has forced the recognition that expanded "
            "trade is a double-edged sword,'' wrote Jared Bernstein, former economic adviser to Vice "
            "President Joseph R. Biden Jr.")
    doc = build_doc(Article("t", text, "test"))
    wrote = next(t for t in doc.tokens if t.text == "wrote")
    assert (wrote.pos, wrote.lemma) == ("VBD", "write")
    doc, atts, _ = run(text)
    att = by_cue(atts, "wrote")
    assert source(doc, att).startswith("Jared Bernstein")
    assert content(doc, att).startswith("''The economic populism")


def test_said_by_telephone_is_no_passive():
    text = ("''I think the American government should tighten its gun control,'' Ms. Gao said by telephone. "
            "''Yes, it is a free society.''")
    doc, atts, _ = run(text)
    att = by_cue(atts, "said by telephone")
    assert source(doc, att) == "Ms. Gao"
    assert content(doc, att).startswith("''I think the American government should tighten its gun control,''")


def test_a_passive_with_an_agent_is_not_changed():
    text = "The proposal was sharply criticized by the opposition leader on Tuesday."
    doc, atts, _ = run(text)
    att = by_cue(atts, "was sharply criticized")
    assert source(doc, att) == "the opposition leader"


def test_a_phrase_opening_the_sentence_before_a_parenthetical_cue_is_content():
    cases = (
        ("Otherwise, she said, countries may simply steal growth from one another.", "said",
         "Otherwise | countries may simply steal growth from one another"),
        ("In the long run, many economists say, this effect could ripple through the rest of the economy.",
         "say", "In the long run | this effect could ripple through the rest of the economy"),
    )
    for text, cue, expected in cases:
        doc, atts, _ = run(text)
        assert content(doc, by_cue(atts, cue)) == expected, text


def test_a_linking_word_or_a_quotation_is_not_joined_to_the_content():
    cases = (
        ("But, he said, \"there's a line between disagreement and disrespect.\"", "said",
         "\"there's a line between disagreement and disrespect.\""),
        ("And, he acknowledged, it's unclear how far his advice goes with the candidate.", "acknowledged",
         "it's unclear how far his advice goes with the candidate"),
    )
    for text, cue, expected in cases:
        doc, atts, _ = run(text)
        assert content(doc, by_cue(atts, cue)) == expected, text


def test_the_relative_pronoun_a_cue_describes_is_content():
    cases = (
        ("Forbes pegged his fortune at $2.9 billion, which Mr. Trump called ''a disgrace.''", "called",
         "which | ''a disgrace.''"),
        ("He hacked into Hillary Clinton’s email server, which he described as “like an open orchid.”",
         "described", "which | as “like an open orchid.”"),
    )
    for text, cue, expected in cases:
        doc, atts, _ = run(text)
        assert content(doc, by_cue(atts, cue)) == expected, text


def test_the_subject_of_a_passive_cue_without_agent_is_content():
    text = ("Three city commissioners were charged with receiving bribes from developers who sought to build "
            "houses on the properties.")
    doc, atts, _ = run(text)
    att = by_cue(atts, "were charged")
    assert content(doc, att) == ("Three city commissioners | with receiving bribes from developers who sought "
                                 "to build houses on the properties")


def test_the_subject_of_an_asked_passive_is_not_content():
    text = "In an interview that year with MTVu, he was asked what happened to the country's economy."
    doc, atts, _ = run(text)
    for att in atts:
        assert not content(doc, att).startswith("he |")
