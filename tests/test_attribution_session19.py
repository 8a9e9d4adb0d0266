"""Session 19 (PolNeAR content boundaries): a quotation goes on with its speaker across an aside of
the cue's sentence ('"...," Mr. Hedge said, referring to the two Trump resorts. "I assume ..."': a
participle clause or a relative clause in the source reached further than the quotation, and the
next quotation was left alone), and a quotation resumes after a short aside closing the cue or an
inverted source in the same sentence ('"...," he said of Trump and Ryan, "because ..."', '"...," said
an Iowa Democrat, "and ..."').

The sentences are from PolNeAR train articles; PolNeAR gives each of them the two quotations as one
content. Each test fails on the session-18 code; the tests named "..._not_..." pin what the rules
must leave alone.
"""
from __future__ import annotations

from test_attribution_helpers import by_cue, content, run, source


def test_a_quotation_goes_on_after_a_participle_aside():
    cases = (
        ("''The key to the success of these ventures was the broader market timing,'' Mr. Hedge said, "
         "referring to the two Trump resorts. ''I assume they saw the luxury golf market returning, which "
         "it has done.''", "said", "Mr. Hedge",
         "''The key to the success of these ventures was the broader market timing,'' | ''I assume they "
         "saw the luxury golf market returning, which it has done.''"),
        ("''We need Chapter 9,'' said Ms. Acosta, referring to the bankruptcy chapter used by cities and "
         "other local governments. ''Give us the tool and we will finalize what we are doing.''", "said",
         None, "''We need Chapter 9,'' | ''Give us the tool and we will finalize what we are doing.''"),
    )
    for text, cue, src, expected in cases:
        doc, atts, _ = run(text)
        att = by_cue(atts, cue)
        if src is not None:
            assert source(doc, att) == src, text
        assert content(doc, att) == expected, text


def test_a_quotation_goes_on_after_a_relative_clause_in_the_source():
    text = ("''She needs one or two big ideas that are proportionate to the scale of the problems we are "
            "facing,'' said Robert Reich, who served as labor secretary during Mr. Clinton's first term yet "
            "endorsed Bernie Sanders in the Democratic primary. ''Her instinct is to be incrementalist.''")
    doc, atts, _ = run(text)
    att = by_cue(atts, "said")
    assert content(doc, att).endswith(" | ''Her instinct is to be incrementalist.''"), content(doc, att)


def test_a_quotation_resumes_after_an_aside_closing_the_cue():
    cases = (
        ("“It seems to me they have every incentive to find common ground,” he said of Trump and Ryan, "
         "“because to be successful they both in a sense need one another.”", "he",
         "“It seems to me they have every incentive to find common ground,” | “because to be successful "
         "they both in a sense need one another.”"),
        ("“She is too far behind,” said an Iowa Democrat, “and Iowa was not a decisive win.”",
         "an Iowa Democrat", "“She is too far behind,” | “and Iowa was not a decisive win.”"),
    )
    for text, src, expected in cases:
        doc, atts, _ = run(text)
        att = by_cue(atts, "said")
        assert source(doc, att) == src, text
        assert content(doc, att) == expected, text


def test_a_title_after_the_aside_is_not_a_quotation_going_on():
    # the second is from AllSides record 5652, read for this session's changes (the title test was
    # added after reading it)
    cases = (
        ("Fiorina, who had moved a year earlier from her leading role at AT&T spinoff Lucent Technologies, "
         "tossed \"cold water on the idea immediately,\" she wrote in her memoir, \"Tough Choices.\"",
         "Tough Choices"),
        ("“I felt like I had been handed a ticket to the major leagues,” Buttigieg wrote in his memoir, "
         "“Shortest Way Home.”", "Shortest Way Home"),
    )
    for text, title in cases:
        doc, atts, _ = run(text)
        att = by_cue(atts, "wrote")
        assert title not in content(doc, att), content(doc, att)


def test_a_closing_according_to_phrase_runs_to_the_sentence_end():
    cases = (
        ("Including superdelegates, Clinton now has a total of at least 723 delegates, according to a count "
         "by The Associated Press.", "a count by The Associated Press"),
        ("Clinton delivered, unprompted, a lengthy policy prescription for what to do in Syria, according to "
         "a person who attended and described her remarks on the condition of anonymity.",
         "a person who attended and described her remarks on the condition of anonymity"),
        ("In overnight text messages and conversations, Trump's advisers expressed indignation at the news "
         "coverage, according to people close to the campaign.", "people close to the campaign"),
    )
    for text, src in cases:
        doc, atts, _ = run(text)
        att = by_cue(atts, "according to")
        assert source(doc, att) == src, text


def test_an_according_to_phrase_not_closing_the_sentence_keeps_its_end():
    cases = (
        ("Trump so far has won 758 pledged delegates, compared to Cruz’s 538 and Ohio Governor John Kasich’s "
         "145, according to a CNN tally, but his pathway to outright victory is narrowing.", "a CNN tally"),
        ("Mrs. Clinton's entire tax plan would raise only $1.1 trillion over the next decade, according to "
         "the Tax Policy Center - half a percentage point of the nation's gross domestic product.",
         "the Tax Policy Center"),
    )
    for text, src in cases:
        doc, atts, _ = run(text)
        att = by_cue(atts, "according to")
        assert source(doc, att) == src, text


def test_a_slash_joins_two_names_in_a_source():
    text = "According to a Reuters/Ipsos poll, the two candidates are in a dead heat nationally."
    doc, atts, _ = run(text)
    att = by_cue(atts, "According to")
    assert source(doc, att) == "a Reuters/Ipsos poll", source(doc, att)
    assert content(doc, att) == "the two candidates are in a dead heat nationally"
