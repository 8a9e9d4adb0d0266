"""Session 18 (PolNeAR recall, gold cues with no predicted cue): a message a verb takes and an -ing
cue modifies ("issued a statement saying ..."): one cue from the verb to the participle, the
verb's subject the source; a record's or a poll's finding as object ("the survey shows only a small
differences", "records show" with "show" tagged as a noun); "see / view / regard X as Y"; a raising
verb before an adjective or a participle ("the Trump team appeared paralyzed"); an infinitive the
tagger read as a noun ("she plans to cast her first ballot").

The sentences are from PolNeAR train articles. The first tests of each group fail on the session-17
code; the tests named "..._not_..." pin what the rules must leave alone.
"""
from __future__ import annotations

from test_attribution_helpers import by_cue, content, run, source


def _cues(atts):
    return [a.cue_text for a in atts]


def test_a_message_verb_and_its_participle_are_one_cue():
    cases = (
        ("She also sent a tweet saying, if elected president, she would put new guidelines in place for "
         "when police could use deadly force.", "also sent a tweet saying", "She",
         "if elected president, she would put new guidelines in place for when police could use deadly force"),
        ("The St. Paul City Council on Wednesday approved a resolution condemning Republican presidential "
         "candidate Donald Trump’s call for a ban on Muslims entering the United States.",
         "approved a resolution condemning", "The St. Paul City Council",
         "Republican presidential candidate Donald Trump’s call for a ban on Muslims entering the United "
         "States"),
        ("All three candidates issued statements condemning the coordinated attacks, and none has said "
         "they want heavy U.S. military engagement.", "issued statements condemning", "All three candidates",
         "the coordinated attacks"),
    )
    for text, cue, src, expected in cases:
        doc, atts, _ = run(text)
        att = by_cue(atts, cue)
        assert source(doc, att) == src, text
        assert content(doc, att) == expected, text


def test_a_message_after_a_preposition_is_not_the_verb_object():
    text = ("That’s quite a contrast from Right to Rise’s television campaign, which has included millions of "
            "dollars in ads attacking candidates vying with Bush for support from the Republican establishment.")
    doc, atts, _ = run(text)
    assert not any(a.cue_text.startswith("has included") or a.cue_text.startswith("included") for a in atts), \
        _cues(atts)


def test_a_finding_of_records_and_polls_may_be_an_object():
    cases = (
        ("Registered Democrats and those who declined to state a party are eligible to vote in the Democratic "
         "primary — and the poll shows differences between them.", "shows", "the poll", "differences between them"),
        ("A recent CNN survey found 90 percent support for background checks.", "found", "A recent CNN survey",
         "90 percent support for background checks"),
        ("Santilli started his YouTube channel in 2009, and his first videos show a starkly different person "
         "than the long-haired \"ambush journalist\" of today.", "show", "his first videos",
         "a starkly different person than the long-haired \"ambush journalist\" of today"),
    )
    for text, cue, src, expected in cases:
        doc, atts, _ = run(text)
        att = by_cue(atts, cue)
        assert source(doc, att) == src, text
        assert content(doc, att) == expected, text


def test_show_read_as_a_noun_after_records_is_a_verb():
    text = ("The aircraft was insured at a value of $35 million in 2011, records show, and aviation experts "
            "say it is currently worth about $18 million.")
    doc, atts, _ = run(text)
    att = by_cue(atts, "show")
    assert source(doc, att) == "records"
    assert content(doc, att) == "The aircraft was insured at a value of $35 million in 2011"
    text = "Polls show as many as 30 percent of Mr. Sanders's backers say they will not vote for Mrs. Clinton."
    doc, atts, _ = run(text)
    att = by_cue(atts, "show")
    assert source(doc, att) == "Polls"
    assert content(doc, att).startswith("as many as 30 percent")


def test_a_show_that_is_no_finding_is_not_a_cue():
    doc, atts, _ = run("The show was a hit with voters, and its host showed a clip of the debate.")
    assert not any(a.cue_text in ("show", "showed") for a in atts), _cues(atts)


def test_see_or_view_something_as_is_a_view():
    cases = (
        ("Viguerie is upbeat about Cruz’s chances of winning in November, in part because he sees Cruz as a "
         "uniter.", "sees", "he", "Cruz as a uniter"),
        ("Germany views itself as a leader in the push against climate change.", "views", "Germany",
         "itself as a leader in the push against climate change"),
        ("Majorities in many European countries see immigrants as an economic burden and as people who refuse "
         "to assimilate.", "see", "Majorities in many European countries",
         "immigrants as an economic burden and as people who refuse to assimilate"),
    )
    for text, cue, src, expected in cases:
        doc, atts, _ = run(text)
        att = by_cue(atts, cue)
        assert source(doc, att) == src, text
        assert content(doc, att) == expected, text


def test_see_without_an_as_complement_is_not_a_view():
    for text in ("She witnessed the fight at Madison Square Garden in 1971 and saw him there again in 1999.",
                 "Germany has seen a decidedly fiercer public discourse as more than 1 million asylum seekers "
                 "and migrants crossed its border last year.",
                 "Voters saw the debate as well as the ads."):
        doc, atts, _ = run(text)
        assert not any(a.cue_text in ("saw", "has seen", "seen") for a in atts), (text, _cues(atts))


def test_a_raising_verb_before_an_adjective_or_participle():
    cases = (
        ("While the controversy burned and social media erupted with mocking commentary, the Trump team "
         "appeared paralyzed.", "appeared", "the Trump team | paralyzed"),
        ("As attack ads and verbal charges intensify on both sides, voters already appear fatigued.",
         "already appear", "voters | fatigued"),
        ("The deepening split in the party came as the field appeared poised to narrow further.", "appeared",
         "the field | poised to narrow further"),
    )
    for text, cue, expected in cases:
        doc, atts, _ = run(text)
        att = by_cue(atts, cue)
        assert source(doc, att) == "", text
        assert content(doc, att) == expected, text


def test_a_raising_verb_before_a_noun_is_not_a_cue():
    doc, atts, _ = run("There appeared a crack in the wall.")
    assert not any(a.cue_text == "appeared" for a in atts), _cues(atts)


def test_an_infinitive_read_as_a_noun_is_the_content():
    cases = (
        ("An immigrant from Uganda who became a U.S. citizen in 2013, she plans to cast her first ballot for "
         "Hillary Clinton in the New Hampshire primary next month.", "plans", "she",
         "to cast her first ballot for Hillary Clinton in the New Hampshire primary next month"),
        ("In the short term, Republican senators have vowed to block Mr. Obama's Supreme Court nominee.",
         "have vowed", "Republican senators", "to block Mr. Obama's Supreme Court nominee"),
    )
    for text, cue, src, expected in cases:
        doc, atts, _ = run(text)
        att = by_cue(atts, cue)
        assert source(doc, att) == src, text
        assert content(doc, att) == expected, text
