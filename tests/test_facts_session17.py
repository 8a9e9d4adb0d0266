"""Session 17: figures and dates across outlets (same dates in sentences about one thing, ages,
"mid-April", "TODAY" as a name, scale letters, "per cent", "1 in 4", ranges written with a dash).
Sentences from the dev half of the AllSides labels (data/labels/facts_allsides.json) or news
wording of the same kind; each test fails on the code before session 17."""
from __future__ import annotations

import pytest
from test_compare_facts import facts_of
from test_compare_support import check_offsets, make_story

from framing.compare import compare_story


def test_one_date_in_sentences_sharing_three_nouns_pairs_up():
    # allsides-06: Cohen's day in court, in sentences the alignment keeps apart
    analyses, story = make_story({
        "Reuters": "U.S. President Donald Trump's former personal lawyer Michael Cohen testified on "
                   "Tuesday that Trump had directed him to commit a crime by arranging payments "
                   "to silence two women.",
        "CNN": "In the wake of an absolutely stunning 60 minutes of revelations on Tuesday "
               "afternoon, you might have been tempted to wonder whether President Donald Trump "
               "was in real legal jeopardy.",
    }, date="2018-08-22")
    c = compare_story(analyses, story)
    same = [g for g in c.fact_groups if g.kind == "date" and "same date" in g.key]
    assert len(same) == 1 and same[0].agree
    assert {s.outlet: s.text for s in same[0].sides} == {"Reuters": "Tuesday", "CNN": "Tuesday"}
    assert not c.disagreements and check_offsets(c, analyses) > 0


def test_one_date_in_sentences_sharing_one_name_stays_apart():
    # allsides-18: a search on Thursday and a prosecutor speaking on Thursday: two events
    analyses, story = make_story({
        "CNN": "Police searched Lubitz's apartment in Dusseldorf on Thursday, looking for clues.",
        "USA TODAY": "The voice recorder revealed Lubitz locked the pilot out of the cockpit, the "
                     "prosecutor in Dusseldorf said Thursday.",
    }, date="2015-03-26")
    c = compare_story(analyses, story)
    assert not [g for g in c.fact_groups if "same date" in g.key]


@pytest.mark.parametrize("sentence", [
    "TIME offered the big reveal to the TODAY show Wednesday.",
    "Megyn Kelly told USA Today that she was surprised.",
    "TODAY's Megyn Kelly said the culture could change.",
])
def test_today_as_the_name_of_a_show_or_paper_is_not_a_date(sentence):
    assert "today" not in {d.text.lower() for d in facts_of(sentence, date="2017-12-06").dates}


def test_today_opening_a_sentence_is_still_the_day():
    f = facts_of("Today's decision reinforces the rule.", date="2018-05-15")
    assert [d.iso for d in f.dates] == ["2018-05-15"]


def test_mid_month_is_a_month_and_only_its_middle_days_fit():
    analyses, story = make_story({
        "Newsmax": "Barr said in a letter on Friday that a redacted version of the full report "
                   "would be released by mid-April.",
        "NPR": "Barr told congressional leaders he expects to give them a redacted version of "
               "the report by mid-April.\nNadler asked for the report by April 2.",
    }, date="2019-03-29")
    f = facts_of("The report would be released by mid-April.", date="2019-03-29")
    assert [(d.text, d.kind, d.iso) for d in f.dates] == [("mid-April", "month", "2019-04")]
    c = compare_story(analyses, story)
    mids = [g for g in c.fact_groups if {s.text for s in g.sides} == {"mid-April"}]
    assert len(mids) == 1 and mids[0].agree
    assert not [g for g in c.fact_groups if {s.text for s in g.sides} == {"mid-April", "April 2"}]


def test_an_age_set_off_by_commas_is_matched_by_the_persons_name():
    # allsides-10: "Pugh, 69," in both outlets, in sentences about different things
    analyses, story = make_story({
        "Fox News": "Pugh, 69, is expected to self-surrender to U.S. Marshals Thursday before her "
                    "first court appearance.",
        "NPR": "Pugh, 69, resigned in May after public outcry over a scandal involving her books.",
    }, date="2019-11-20")
    c = compare_story(analyses, story)
    ages = [g for g in c.fact_groups if g.key == "age of pugh"]
    assert len(ages) == 1 and ages[0].agree and {s.text for s in ages[0].sides} == {"69"}


def test_different_ages_of_one_person_disagree_and_lists_are_not_ages():
    analyses, story = make_story({
        "One": "Pugh, 69, resigned in May.",
        "Two": "Pugh, 70, was charged on Wednesday.",
    }, date="2019-11-20")
    c = compare_story(analyses, story)
    assert [sorted(d.values) for d in c.disagreements] == [["69", "70"]]
    assert not facts_of("He read sections 3, 4, 5 and 6 of the Act.").figures


@pytest.mark.parametrize("sentence, text, low, high, counted", [
    ("The plan would cost $1.5bn over a decade.", "$1.5bn", 1.5e9, 1.5e9, "money"),
    ("The charity raised £2m last year.", "£2m", 2e6, 2e6, "money"),
    ("Employers added 164K jobs in April.", "164K", 164e3, 164e3, "job"),
    ("Support for the deal rose to 45 per cent.", "45 per cent", 45, 45, "percent"),
    ("Nearly 1 in 4 adults still smoke.", "Nearly 1 in 4", 21.25, 25, "percent"),
    ("One in five voters is undecided.", "One in five", 18, 22, "percent"),
    ("Some 20-30 people were hurt in the blast.", "Some 20-30", 20, 30, "people"),
])
def test_scale_letters_per_cent_one_in_n_and_dashed_ranges(sentence, text, low, high, counted):
    f = facts_of(sentence, date="2019-05-03")
    assert [(x.text, x.low, x.high, x.counted) for x in f.figures][:1] == [(text, low, high, counted)]


@pytest.mark.parametrize("sentence", ["He ran the 100m sprint in ten seconds.",
                                      "The Senate voted 48-52 against the bill."])
def test_metres_and_votes_keep_their_reading(sentence):
    f = facts_of(sentence)
    assert all(x.low < 1000 for x in f.figures)
    assert all(x.counted != "people" for x in f.figures)


def test_meeting_a_deadline_dates_the_deadline_not_a_meeting():
    # allsides-12: "he will not meet the April 2 deadline" was read as a meeting on April 2
    f = facts_of("Barr has indicated he will not meet the April 2 deadline set by Democrats.",
                 date="2019-03-29")
    assert [(d.text, d.event) for d in f.dates] == [("April 2", "deadline")]


@pytest.mark.parametrize("sentence, text, iso", [
    ("President Trump was this year's runner up in the TIME Magazine Person of the Year search.",
     "this year", "2017"),
    ("Giuliani said Trump fired James Comey as FBI director last year.", "last year", "2016"),
    ("Earlier this year, the magazine changed its rules.", "Earlier this year", "2017"),
    ('Time magazine named "The Silence Breakers" as the 2017 "Person of the Year."', "2017", "2017"),
])
def test_relative_years_and_a_year_before_a_quoted_title(sentence, text, iso):
    f = facts_of(sentence, date="2017-12-06")
    assert [(d.text, d.iso) for d in f.dates] == [(text, iso)]


def test_a_year_alone_is_not_matched_with_a_month_in_one_facts_sentences():
    # allsides-00: "this year's runner up" and "tweeted last month" are two events
    analyses, story = make_story({
        "Townhall": "President Trump was this year's runner up in the TIME Magazine Person of the "
                    "Year search.",
        "USA TODAY": "Trump caused a stir when he tweeted last month that he turned down the "
                     "title of TIME Magazine Person of the Year.",
    }, date="2017-12-06")
    c = compare_story(analyses, story)
    assert not [g for g in c.fact_groups if g.kind == "date"]


def test_one_days_statements_by_different_speakers_stay_apart():
    # allsides-14: Giuliani's Thursday remarks and Avenatti speaking on MSNBC on Thursday share
    # Cohen, Daniels, Michael and Trump, but the second dates what Avenatti said
    analyses, story = make_story({
        "Reuters": "Giuliani on Thursday had connected the payment to Stormy Daniels by the "
                   "president's personal lawyer, Michael Cohen, to the election, remarks that "
                   "raised questions.",
        "Fox News": "Daniels' attorney, Michael Avenatti, said on MSNBC's Morning Joe Thursday "
                    "morning that if Trump reimbursed Cohen, it is a crime.",
    }, date="2018-05-04")
    c = compare_story(analyses, story)
    assert not [g for g in c.fact_groups if "same date" in g.key]


@pytest.mark.parametrize("sentence, dates", [
    ("WHAT YOU NEED TO KNOW TODAY", ["TODAY"]),  # a headline in capitals: the day
    ("Time and time again over this last year we thought Trump was done.", []),
    ("Kremlin outlets, Sputnik and Russia Today, published 261 articles.", []),
])
def test_today_in_a_capitalised_headline_and_this_last_year(sentence, dates):
    assert [d.text for d in facts_of(sentence, date="2018-07-28").dates] == dates


@pytest.mark.parametrize("sentence, dates", [
    ("Rudy is a great guy, but he just started a day ago.", [("a day ago", "2018-05-03")]),
    ("The breach occurred two years ago.", [("two years ago", "2016")]),
    ("Just a month ago, the public was almost evenly divided.", [("a month ago", "2018-04")]),
    ("In the one instance acknowledged as a violation more than a year ago, officials erred.", []),
    ("Forty five years ago as a high school senior, I stood on street corners.", []),
    ("His wife last saw him three or four months ago.", []),
    ("They met a week ago.", []),
])
def test_a_count_of_days_months_or_years_ago_is_a_date(sentence, dates):
    f = facts_of(sentence, date="2018-05-04")
    assert [(d.text, d.iso) for d in f.dates] == dates


def test_a_day_ago_and_yesterday_agree_in_one_facts_sentences():
    # allsides-14: Trump's "he just started a day ago" (Reuters) and "he just started yesterday"
    analyses, story = make_story({
        "Reuters": "Trump said Rudy understands this better than anybody, but he just started a "
                   "day ago.",
        "Fox News": "Trump added: Rudy understands this better than anybody, but he just started "
                    "yesterday.",
    }, date="2018-05-04")
    c = compare_story(analyses, story)
    dates = [g for g in c.fact_groups if g.kind == "date"]
    assert len(dates) == 1 and dates[0].agree
    assert {s.text for s in dates[0].sides} == {"a day ago", "yesterday"}
