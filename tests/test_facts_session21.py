"""Session 21: figures and dates across outlets (a date left over joins the group of an equal date
it meets; a win is dated with the vote it was won in; "this week" / "last week" as weeks).
Sentences from the dev half of the AllSides labels (data/labels/facts_allsides.json) or news
wording of the same kind; each test of a new reading fails on the code before session 21."""
from __future__ import annotations

import datetime as dt

import pytest
from test_compare_facts import facts_of
from test_compare_support import check_offsets, make_story

from framing.compare import compare_story
from framing.compare.facts import _dates_agree

GIULIANI = {
    "Reuters": "Giuliani late on Wednesday revealed that Trump had repaid Cohen for the $130,000 "
               "the lawyer had provided to Daniels.\n"
               "Giuliani in an appearance on Fox News on Wednesday had said Trump fired James "
               "Comey as FBI director because Comey declined to state publicly that Trump was not "
               "a target of the agency's investigation into Russia's role in the election.",
    "Fox News": "The president's comments came after Giuliani told Fox News' \"Hannity\" on "
                "Wednesday night that Trump reimbursed attorney Michael Cohen for the $130,000 "
                "hush-money payment to porn star Stormy Daniels, despite a past claim denying "
                "knowledge of the payment.",
}


def test_a_left_over_date_joins_the_group_of_the_date_it_meets():
    # allsides-14: the context pairs the first two sentences; the Fox News appearance on
    # Wednesday shares four nouns with the Fox News sentence, which is already in that group
    analyses, story = make_story(GIULIANI, date="2018-05-04")
    c = compare_story(analyses, story)
    weds = [g for g in c.fact_groups if g.kind == "date" and {s.text for s in g.sides} == {"Wednesday"}]
    assert len(weds) == 1 and weds[0].agree
    assert sorted(s.outlet for s in weds[0].sides) == ["Fox News", "Reuters", "Reuters"]
    assert not c.disagreements and check_offsets(c, analyses) > 0


def test_a_left_over_date_does_not_join_the_group_of_another_event():
    # unseen AllSides wording: a campaign manager's tweet on Thursday shares four nouns with the
    # meeting on Thursday, but names no meeting
    analyses, story = make_story({
        "Fox News": "Obama met with Trump at the White House on Thursday and once again vowed to "
                    "help with an orderly transition.\n"
                    "Donald Trump's campaign manager took to Twitter Thursday to call on President "
                    "Obama or Hillary Clinton to speak out against calls for political violence.",
        "CBN": "President-elect Donald Trump met with President Barack Obama at the White House "
               "Thursday in what turned out to be a cordial first step in the transfer of power.",
    }, date="2016-11-11")
    c = compare_story(analyses, story)
    met = [g for g in c.fact_groups if g.kind == "date" and any("met" in s.text or "Thursday" == s.text
                                                                for s in g.sides)]
    sentences = {analyses[0].article.text[s.sentence_start:s.sentence_end][:20]
                 for g in met for s in g.sides}
    assert "Donald Trump's campa" not in sentences


def test_a_win_is_dated_with_the_election_it_was_won_in():
    # allsides-04: "defeated ... on Tuesday in a special election" (the election) and "Tuesday
    # night's victory in the special election" (a win): one day, one shared noun
    analyses, story = make_story({
        "New York Times": "Ron Barber, whom former Representative Gabrielle Giffords picked as her "
                          "successor, defeated his Republican rival on Tuesday in a closely "
                          "followed special election seen by many political strategists as "
                          "testing ground for the power of national issues.",
        "CNN": "So Tuesday night's victory in the special election in Arizona's 8th Congressional "
               "District couldn't have come at a better time.",
    }, date="2012-06-13")
    c = compare_story(analyses, story)
    tue = [g for g in c.fact_groups if g.kind == "date" and {s.text for s in g.sides} == {"Tuesday"}]
    assert len(tue) == 1 and tue[0].agree and len(tue[0].outlets) == 2
    assert not c.disagreements


@pytest.mark.parametrize("sentence, dates", [
    ("Giuliani conducted a series of news media interviews this week.", [("this week", "2018-W18")]),
    ("He claimed in a tweet last week that the editors called him.", [("last week", "2018-W17")]),
    ("The House will vote on the bill next week.", [("next week", "2018-W19")]),
    ("Leaders met earlier this week in Brussels.", [("earlier this week", "2018-W18")]),
    ("Prices rose over the last week.", []),  # a span of time, not a week
    ("Prices rose for the past week.", []),
])
def test_this_last_and_next_week_are_weeks(sentence, dates):
    # 4 May 2018 is a Friday of ISO week 18 (30 April to 6 May)
    f = facts_of(sentence, date="2018-05-04")
    assert [(d.text, d.iso) for d in f.dates] == dates


def test_a_week_agrees_with_its_days_and_months():
    week = ("week", dt.date(2017, 11, 27), dt.date(2017, 12, 3))
    assert _dates_agree(week, ("month", 2017, 11, 1, 31)) is True  # "last week" / "last month"
    assert _dates_agree(("day", 2017, 12, 1), week) is True
    assert _dates_agree(week, ("day", 2017, 12, 6)) is False
    assert _dates_agree(week, ("weekday", "friday")) is True
    assert _dates_agree(week, ("year", 2018)) is False
    assert _dates_agree(week, ("month", 0, 12, 1, 10)) is True  # "early December", no year


def test_weeks_are_not_paired_on_shared_words_alone():
    # unseen AllSides wording: no meetings on the president's schedule this week, and a
    # Republican's call this week: a week holds too many events for the same-date rule
    analyses, story = make_story({
        "Washington Times": "With no meetings with congressional leaders on the president's "
                            "schedule this week, Mr. Carney defended Mr. Obama against the "
                            "suggestion that talks with Republican leaders have broken down.",
        "New York Times": "The president's public lobbying seemed to crack through the solid "
                          "Republican opposition this week when a prominent conservative, "
                          "Representative Tom Cole of Oklahoma, urged his party leaders to seek "
                          "a deal.",
    }, date="2012-11-29")
    assert [d.iso for d in facts_of("Talks stalled this week.", date="2012-11-29").dates] == ["2012-W48"]
    c = compare_story(analyses, story)
    assert not [g for g in c.fact_groups if "same date" in g.key]


def test_a_week_is_not_paired_with_a_day_in_one_facts_sentences():
    # allsides-12: subpoenas "this week" and a deadline of April 2 in the same week
    analyses, story = make_story({
        "Newsmax": "The House Judiciary Committee will prepare subpoenas this week seeking the "
                   "full Mueller report as the Justice Department appears likely to miss an April "
                   "2 deadline set by Democrats for the report's release.",
        "NPR": "Nadler and other Democrats had asked for a complete release of the Mueller report "
               "by April 2, but the Justice Department said it would take longer.",
    }, date="2019-04-01")
    c = compare_story(analyses, story)
    assert not [g for g in c.fact_groups if {s.text for s in g.sides} >= {"this week", "April 2"}]


def test_this_week_as_a_programmes_name_is_not_a_date():
    # unseen AllSides wording: ABC's Sunday programme
    f = facts_of("Boehner, speaking on ABC's \"This Week,\" said the House would not budge.",
                 date="2013-10-06")
    assert not f.dates


def test_one_agreeing_count_of_a_thing_in_each_outlet_pairs_up():
    # allsides-16: "14 candidates" and "13 other candidates" (14 with the winner) in sentences
    # sharing no noun; each outlet gives one count of candidates
    analyses, story = make_story({
        "Fox News": "Lightfoot had emerged as the surprising leader in the first round of voting in "
                    "February when 14 candidates were on the ballot to succeed Mayor Rahm Emanuel.",
        "BBC News": "She fought off competition from 13 other candidates and dominated the final "
                    "run-off election.",
    })
    c = compare_story(analyses, story)
    cands = [g for g in c.fact_groups if g.key == "candidate (what it counts)"]
    assert len(cands) == 1 and cands[0].agree and {s.text for s in cands[0].sides} == {"14", "13"}


@pytest.mark.parametrize("a, b", [
    ("Bennet needs a boost to meet the 130,000-donor threshold for the third debate.",
     "Candidates need a minimum of 200 donors in each of 20 states."),  # an open range
    ("Two senators wrote to the agency on Monday.", "Two senators voted against the bill."),  # small
])
def test_counts_left_apart_without_shared_nouns(a, b):
    analyses, story = make_story({"CNN": a, "USA TODAY": b}, date="2019-08-02")
    c = compare_story(analyses, story)
    assert not [g for g in c.fact_groups if g.key.endswith("(what it counts)")]
