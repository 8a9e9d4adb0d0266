"""Figures and dates: extraction, what they refer to, who says so, and cross-outlet disagreements."""
from __future__ import annotations

import pytest
from test_compare_support import check_offsets, make_story, seed_analyses

from framing.compare import compare_story
from framing.compare.mentions import article_facts
from framing.model import Article, ArticleAnalysis, Span
from framing.text import build_doc


def facts_of(text: str, date: str = "", attributions=()):
    a = Article(id="x", text=text, outlet="X", date=date)
    analysis = ArticleAnalysis(article=a, doc=build_doc(a), attributions=tuple(attributions))
    return article_facts(analysis, [0], [0])


@pytest.mark.parametrize("sentence, text, value, low, high, counted, outcome", [
    ("As many as 23 Pakistani soldiers also embraced martyrdom while defending the homeland.",
     "As many as 23", 23, -1, 23, "soldier", "killed"),
    ("Pakistan's retaliatory strikes resulted in the killing of more than 200 Afghan Taliban and affiliated militants.",
     "more than 200", 200, 200, -1, "militant", "killed"),
    ("Twenty-three soldiers died in the attack.", "Twenty-three", 23, 23, 23, "soldier", "killed"),
    ("At least 1,200 people were displaced by the floods.", "At least 1,200", 1200, 1200, -1, "people", "displaced"),
    ("The fighting left dozens dead and injured on both sides.", "dozens", 24, 24, 99, "people", "killed"),
    ("Police said a dozen journalists were detained outside the court.", "dozen", 12, 12, 12, "journalist", "detained"),
    ("Nearly 3.5 million refugees have returned since the war.", "Nearly 3.5 million", 3500000, 2975000, 3500000, "refugee", ""),
    ("Gunmen killed 12 police officers in an attack on a station.", "12", 12, 12, 12, "officer", "killed"),
    ("The four-day negotiations in Istanbul ended without a breakthrough.", "four-day", 4, 4, 4, "duration", ""),
])
def test_figures_with_what_they_count(sentence, text, value, low, high, counted, outcome):
    figs = facts_of(sentence).figures
    assert len(figs) == 1, figs
    f = figs[0]
    assert (f.text, f.value, f.low, f.high, f.counted, f.outcome) == (text, value, low, high, counted, outcome)
    assert sentence[f.start:f.end] == f.text
    assert sentence[f.counted_start:f.counted_end] == f.counted_text


@pytest.mark.parametrize("sentence", [
    "It was one of the worst attacks in years.",
    "The two sides agreed to meet again.",
    "The election will be held in 2026.",
    "Monday, 17 November 2025 10:41 AM",
    "Takht-Ravanchi attended the 13th round of consultations.",
])
def test_numbers_that_count_nothing_are_not_figures(sentence):
    assert facts_of(sentence).figures == ()


def test_durations_know_their_event():
    f = facts_of("However, the talks collapsed after five days due to what officials described as arguments.").figures
    assert [(x.value, x.counted, x.event) for x in f] == [(5, "duration", "talks")]


@pytest.mark.parametrize("sentence, date, text, kind, iso", [
    ("The ceasefire was reached on October 15.", "2025-10-29", "October 15", "absolute", "2025-10-15"),
    ("Clashes erupted on Oct. 12 along the border.", "", "Oct. 12", "absolute", "--10-12"),
    ("They met on 17 November 2025 in Islamabad.", "", "17 November 2025", "absolute", "2025-11-17"),
    ("They met on Monday, 17 November 2025 in Islamabad.", "", "Monday, 17 November 2025", "absolute", "2025-11-17"),
    ("The talks began on the 25th of October.", "2025-11-02", "the 25th of October", "absolute", "2025-10-25"),
    ("The minister spoke on Tuesday.", "2025-10-29", "Tuesday", "weekday", "2025-10-28"),
    ("The president offered help on Wednesday.", "2025-10-29", "Wednesday", "weekday", "2025-10-29"),
    ("The ministers will meet next Friday.", "2025-10-29", "next Friday", "weekday", "2025-10-31"),
    ("The envoy arrived yesterday.", "2025-10-29", "yesterday", "relative", "2025-10-28"),
    ("The talks ended earlier this month.", "2025-10-29", "earlier this month", "relative", "2025-10"),
    ("Fighting broke out in October along the frontier.", "2025-11-17", "October", "month", "2025-10"),
    ("The meeting was held on December 28.", "2026-01-05", "December 28", "absolute", "2025-12-28"),
])
def test_dates_are_found_and_resolved(sentence, date, text, kind, iso):
    dates = facts_of(sentence, date).dates
    assert dates, sentence
    d = dates[0]
    assert (d.text, d.kind, d.iso) == (text, kind, iso)
    assert sentence[d.start:d.end] == text


def test_may_and_march_as_words_are_not_months():
    assert facts_of("Officials may march to the border if talks fail.").dates == ()


def test_weekday_without_a_date_stays_unresolved_but_named():
    d = facts_of("The minister spoke on Tuesday.").dates[0]
    assert (d.iso, d.resolved, d.weekday) == ("", False, "tuesday")


@pytest.mark.parametrize("sentence, event, link, phase, ordinal", [
    ("A ceasefire was reached on October 15, leading to talks in Doha.", "ceasefire", "subject", "agree", 0),
    ("The two countries signed a ceasefire agreement in Doha on October 19.", "ceasefire", "object", "agree", 0),
    ("Border clashes between the two countries erupted on the night of October 11.", "clashes", "subject", "start", 0),
    ("The second round of peace negotiations began on October 25 in Istanbul.", "talks", "subject", "start", 2),
    ("Iranian President Masoud Pezeshkian on Wednesday offered to mediate.", "offer", "verb", "", 0),
    ("The October 19 ceasefire is holding.", "ceasefire", "adjacent", "", 0),
])
def test_dates_are_linked_to_the_event_they_date(sentence, event, link, phase, ordinal):
    d = facts_of(sentence, "2025-10-29").dates[0]
    assert (d.event, d.link, d.phase, d.ordinal) == (event, link, phase, ordinal)
    assert sentence[d.event_start:d.event_end] == d.event_text


def test_a_date_next_to_a_reporting_verb_dates_the_statement_not_the_event():
    d = facts_of("The spokesman said on Sunday that his country welcomes Iran's offer.", "2025-11-17").dates[0]
    assert d.event == ""


def test_who_says_so():
    f = facts_of("According to the Inter-Services Public Relations, Kabul's aggression resulted in the "
                 "martyrdom of 23 Pakistani soldiers.").figures[0]
    assert (f.attributed.speaker, f.attributed.method) == ("the Inter-Services Public Relations", "according_to")
    f = facts_of("Health officials said 12 people were killed in the blast.").figures[0]
    assert (f.attributed.speaker, f.attributed.method) == ("Health officials", "reporting_verb")
    f = facts_of("Twelve people were killed in the blast, the ministry said.").figures[0]
    assert (f.attributed.speaker, f.attributed.method) == ("the ministry", "reporting_verb")
    f = facts_of("Twelve people were killed in the blast and the roads were closed.").figures[0]
    assert (f.attributed.speaker, f.attributed.method) == ("", "")
    f = facts_of('"We lost 12 soldiers," a commander told reporters on the phone from the front line today.').figures[0]
    assert f.in_quote


def test_the_attribution_stage_wins_when_present():
    from framing.model.attribution import Attribution

    text = "Twelve soldiers were killed, the army claimed on Tuesday."
    att = Attribution(source=Span(29, 37), source_text="the army", speaker="Pakistan Army", speaker_id=0,
                      speaker_span=None, role="military", title="", affiliation="Pakistan", anonymous=False,
                      cue=Span(38, 45), cue_text="claimed", cue_lemma="claim", cue_class="distancing",
                      cue_type="speech", content=(Span(0, 27),), content_text=text[0:27], content_words=4,
                      kind="indirect", sentence=0)
    f = facts_of(text, attributions=[att]).figures[0]
    assert (f.attributed.speaker, f.attributed.method, f.attributed.start) == ("Pakistan Army", "attribution", 29)


def test_a_changed_figure_is_flagged_with_both_spans():
    analyses, story = make_story({
        "Outlet A": "Rebels attacked a police station in Kafr on Monday, killing 12 officers.",
        "Outlet B": "On Monday, insurgents stormed a police post in Kafr and killed 15 officers.",
        "Outlet C": "Gunmen killed 12 police officers in an attack on a station in Kafr on Monday.",
    })
    c = compare_story(analyses, story)
    figs = [d for d in c.disagreements if d.kind == "figure"]
    assert len(figs) == 1
    d = figs[0]
    assert d.key == "officer killed" and d.values == ("12", "15") and d.confidence == "high"
    by_outlet = {s.outlet: s for s in d.sides}
    assert by_outlet["Outlet B"].text == "15" and by_outlet["Outlet A"].text == "12"
    text_b = analyses[1].article.text
    assert text_b[by_outlet["Outlet B"].start:by_outlet["Outlet B"].end] == "15"
    assert check_offsets(c, analyses) > 0


def test_figures_that_fit_each_other_do_not_disagree():
    analyses, story = make_story({
        "One": "Retaliatory strikes killed more than 200 militants, officials said.",
        "Two": "The army said 200 militants were killed in the strikes.",
        "Three": "As many as 23 soldiers died in the attack.",
        "Four": "The attack killed 23 soldiers.",
    })
    c = compare_story(analyses, story)
    assert c.disagreements == ()
    keys = {g.key: g.agree for g in c.fact_groups}
    assert keys == {"militant killed": True, "soldier killed": True}


def test_a_date_disagreement_in_a_made_up_story():
    analyses, story = make_story({
        "One": "The truce was agreed on March 3 after talks in Geneva. Aid convoys moved in.",
        "Two": "A ceasefire was reached on March 5, officials said.",
        "Three": "The ceasefire, signed on March 3, is holding.",
    }, date="2024-03-20")
    c = compare_story(analyses, story)
    dates = [d for d in c.disagreements if d.kind == "date"]
    assert len(dates) == 1
    d = dates[0]
    assert d.key == "ceasefire" and set(d.values) == {"2024-03-03", "2024-03-05"}
    assert {s.outlet for s in d.sides} == {"One", "Two", "Three"}
    assert "5 March 2024 (Two)" in d.explanation


def test_different_rounds_of_talks_are_not_a_disagreement():
    analyses, story = make_story({
        "One": "The first round of talks began on October 18 in Doha.",
        "Two": "The second round of talks began on October 25 in Istanbul.",
    }, date="2025-10-30")
    c = compare_story(analyses, story)
    assert c.disagreements == ()


def test_seed_date_disagreements_are_found():
    analyses, story = seed_analyses()
    c = compare_story(analyses, story)
    dates = {d.key: d for d in c.disagreements if d.kind == "date"}
    assert {"ceasefire", "clashes"} <= set(dates)
    ceasefire = dates["ceasefire"]
    assert {v[-5:] for v in ceasefire.values} == {"10-15", "10-19"}
    assert ceasefire.confidence == "high"
    assert {s.text for s in ceasefire.sides} == {"October 15", "October 19"}
    on_15 = {s.outlet for s in ceasefire.sides if s.text == "October 15"}
    on_19 = {s.outlet for s in ceasefire.sides if s.text == "October 19"}
    assert len(on_15) == 1 and len(on_19) == 2 and not on_15 & on_19
    clashes = dates["clashes"]
    assert {"October 11", "October 12"} <= {s.text for s in clashes.sides}
    on_11 = {s.outlet for s in clashes.sides if s.text == "October 11"}
    on_12 = {s.outlet for s in clashes.sides if s.text == "October 12"}
    assert len(on_11) == 2 and len(on_12) == 1 and not on_11 & on_12
    for d in (ceasefire, clashes):
        for s in d.sides:
            text = next(a.article.text for a in analyses if a.article.id == s.article_id)
            assert text[s.start:s.end] == s.text
            assert s.text in text[s.sentence_start:s.sentence_end]
    # the figures that agree (23 soldiers, 200+ militants) are matched but not flagged
    groups = {g.key: g for g in c.fact_groups}
    assert groups["soldier killed"].agree and groups["militant killed"].agree


def test_named_events_are_listed_with_ordinals():
    events = facts_of("The second round of peace talks began in Istanbul after the ceasefire, "
                      "and the two ministers met on Monday.").events
    assert [(e.text, e.event, e.ordinal) for e in events] == [
        ("talks", "talks", 2), ("ceasefire", "ceasefire", 0), ("met", "meeting", 0)]


def test_seed_events_show_who_mentions_the_ceasefire():
    analyses, story = seed_analyses()
    c = compare_story(analyses, story)
    by_event = {}
    for e in c.events:
        by_event.setdefault(e.event, set()).add(e.outlet)
    assert len(by_event["ceasefire"]) == 4 and len(by_event["talks"]) == 5


def test_figures_in_sentences_that_state_one_fact_are_compared_whatever_they_count():
    # No event or outcome word links these figures; the alignment does: the two outlets' sentences
    # state one fact, so their vote tallies are the same quantity, and here they differ. (Each
    # outlet also gives a lower court's tally, so matching by what a figure counts, which needs
    # one value per outlet, leaves the pair to the alignment.)
    analyses, story = make_story({
        "One": "The Supreme Court ruled 6-3 on Monday to strike down the federal ban on sports "
               "betting, a victory for New Jersey.\n"
               "The governor said casinos could take bets within two weeks.\n"
               "An appeals court had ruled 2-1 against the state.",
        "Two": "The Supreme Court on Monday struck down the federal ban on sports betting in a 7-2 "
               "ruling, a victory for New Jersey.\n"
               "Schools in the state reopened after a week of storms.\n"
               "An appeals court had ruled 2-1 against the state.",
    }, date="2018-05-15")
    c = compare_story(analyses, story)
    votes = [d for d in c.disagreements if d.key.startswith("tally @")]
    assert len(votes) == 1, c.disagreements
    d = votes[0]
    assert set(d.values) == {"6-3", "7-2"} and d.confidence == "low"  # shown as possible
    assert {s.outlet: s.text for s in d.sides} == {"One": "6-3", "Two": "7-2"}
    # both outlets date the ruling Monday: an agreeing group, no disagreement
    monday = [g for g in c.fact_groups if g.kind == "date"]
    assert [g.agree for g in monday] == [True]
    assert check_offsets(c, analyses) > 0


def test_two_figures_of_a_kind_in_one_sentence_pair_up_only_when_equal():
    analyses, story = make_story({
        "One": "The poll found that 45 percent of voters in Virginia and 44 percent in Ohio say the "
               "economy is the top issue this year.",
        "Two": "The poll found that 48 percent of voters in Virginia and 44 percent in Ohio say the "
               "economy is the top issue this year.",
    }, date="2012-09-20")
    c = compare_story(analyses, story)
    assert not [d for d in c.disagreements if d.kind == "figure"]
    pct = [g for g in c.fact_groups if g.kind == "figure"]
    assert [sorted(s.value for s in g.sides) for g in pct] == [["44", "44"]]


def test_dates_in_one_fact_are_matched_only_when_they_agree():
    # "announced Monday" and "sent on Friday" date different events in sentences on one fact
    analyses, story = make_story({
        "One": "The committee announced on Monday that it would vote to authorise subpoenas for "
               "the full report.",
        "Two": "The committee will vote to authorise subpoenas for the full report, after the "
               "attorney general sent his letter on Friday.",
    }, date="2019-04-01")
    c = compare_story(analyses, story)
    assert not [d for d in c.disagreements if d.kind == "date"]


@pytest.mark.parametrize("sentence, counted", [
    ("Barr said a redacted version of the full 300 page report would be released.", "page"),
    ("Twelve other US cities are now also led by black women.", "city"),
    ("Gunmen killed 12 police officers in an attack on a station.", "officer"),
])
def test_what_a_number_counts_through_measures_and_capitalised_names(sentence, counted):
    figs = facts_of(sentence).figures
    assert [f.counted for f in figs] == [counted]


def test_a_year_guessed_from_elsewhere_in_an_undated_article_does_not_clash():
    # An undated article mentions 2016 for another event; its "in May" must not become May 2016
    # against the dated article's May 2019 (a false disagreement on a labelled AllSides story).
    a = Article(id="one", outlet="One", date="",
                text="The mayor resigned in May after the scandal broke. Prosecutors filed charges "
                     "this week. Her lawyer declined to comment. The council met again. The "
                     "hospital board she chaired was founded on Dec. 6, 2016, records show.")
    b = Article(id="two", outlet="Two", date="2019-11-20",
                text="The mayor resigned in May after the scandal broke, officials said.")
    analyses = [ArticleAnalysis(article=x, doc=build_doc(x)) for x in (a, b)]
    c = compare_story(analyses, None)
    assert not [d for d in c.disagreements if d.kind == "date"]
    assert [g.agree for g in c.fact_groups if g.kind == "date"] == [True]


# ---- session 14: figures in words, partitives, "other", halves, fractions, years; matching by
# what a figure counts across sentences the alignment does not pair. Sentences from AllSides
# articles of the labelled dev stories (docs/accuracy_compare.md, "Figures and dates").

@pytest.mark.parametrize("sentence, text, low, high, counted", [
    # a fronted partitive: the number counts the phrase's noun
    ("Of the 50 states, 21 have laws that would allow betting once the ban is gone.", "21", 21, 21, "state"),
    # "N other X" and the one named: N or N + 1 in all
    ("She fought off competition from 13 other candidates and dominated the final run-off election.",
     "13", 13, 14, "candidate"),
    # one time unit, and a half
    ("Ms. Giffords resigned in January, a year after she was shot in the head.", "a year", 1, 1, "duration"),
    ("The search went on for about a week and a half before it was called off.",
     "about a week and a half", 1.35, 1.65, "duration"),
    ("The trial lasted two and a half years.", "two and a half", 2.5, 2.5, "duration"),
    # fractions are shares, read as round figures unless qualified
    ("Half of voters approve of the deal.", "Half", 45, 55, "percent"),
    ("More than a third of the states have such laws.", "More than a third", 33.333, -1, "percent"),
    # a singular noun after a plural count modifies the plural noun it counts
    ("In 2010, the GOP took more than 600 state legislative seats from the Democrats.",
     "more than 600", 600, -1, "seat"),
    # a sum of money counts money whatever follows it
    ("The former New York mayor said $130,000 in hush money paid to an adult-film star was not a "
     "violation.", "$130,000", 130000, 130000, "money"),
    # count of criminal counts
    ("The 11-count federal indictment made public Wednesday reveals a fuller picture.",
     "11-count", 11, 11, "charge"),
])
def test_figures_written_in_words_shares_and_partitives(sentence, text, low, high, counted):
    figs = [f for f in facts_of(sentence).figures if f.text == text]
    assert len(figs) == 1, facts_of(sentence).figures
    f = figs[0]
    assert (f.low, f.high, f.counted) == (pytest.approx(low), pytest.approx(high), counted)
    assert sentence[f.start:f.end] == f.text


@pytest.mark.parametrize("sentence", [
    "He visited the site twice a week and paid $100 a day.",  # rates, not one week or one day
    "Lewandowski scored twice in the first half of the game.",  # a part of a period, not a share
])
def test_rates_and_halves_of_a_period_are_not_figures(sentence):
    assert [f.text for f in facts_of(sentence).figures if f.counted in ("duration", "percent")] == []


def test_a_vote_tally_is_matched_across_sentences_the_alignment_does_not_pair():
    # allsides-08: Fox News gives 6-3, USA TODAY 7-2 for one Supreme Court ruling, in sentences
    # that share no claim. Each outlet gives one tally: the same vote, a possible disagreement.
    analyses, story = make_story({
        "Fox News": "The Supreme Court on Monday struck down a federal law barring sports gambling.\n"
                    "The Supreme Court ruled 6-3 to strike down the Professional and Amateur Sports "
                    "Protection Act.",
        "USA TODAY": "States may now legalize betting on games under their own laws.\n"
                     "Writing for a 7-2 Supreme Court majority, Justice Samuel Alito concluded that "
                     "this distinction is empty.",
    }, date="2018-05-14")
    c = compare_story(analyses, story)
    votes = [d for d in c.disagreements if d.kind == "figure"]
    assert [sorted(d.values) for d in votes] == [["6-3", "7-2"]]
    assert votes[0].confidence == "low"
    assert check_offsets(c, analyses) > 0


def test_a_page_count_is_matched_by_what_it_counts_and_close_values_clash():
    # allsides-12: Newsmax's "full 300 page report" against NPR's "nearly 400 pages"
    analyses, story = make_story({
        "Newsmax": "Barr said in a letter to the House and Senate Judiciary committees on Friday "
                   "that a redacted version of the full 300 page report would be released by "
                   "mid-April.",
        "NPR": "Democrats want the whole document.\nBarr says that the report is nearly 400 pages "
               "long and that everyone will soon be able to read it.",
    }, date="2019-03-29")
    c = compare_story(analyses, story)
    pages = [d for d in c.disagreements if d.kind == "figure"]
    assert len(pages) == 1 and pages[0].confidence == "low" and pages[0].key == "page (what it counts)"
    assert {s.outlet: s.text for s in pages[0].sides} == {"Newsmax": "300", "NPR": "nearly 400"}


def test_figures_far_apart_are_different_quantities_not_a_disagreement():
    # one fact's sentences, one noun, values 38 times apart: a deficit and a debt
    analyses, story = make_story({
        "One": "The president's budget plan would add $474 billion to the deficit next year, the "
               "White House said.",
        "Two": "The president's budget plan comes despite a national debt of over $18 trillion, "
               "the White House said.",
    }, date="2015-02-02")
    c = compare_story(analyses, story)
    assert not [d for d in c.disagreements if d.kind == "figure"]


def test_the_same_distinctive_number_pairs_up_whatever_noun_follows():
    # allsides-22: Vox's "218 signatories" and Breitbart's "218 votes" for one discharge petition
    analyses, story = make_story({
        "Vox": "Democrats and Republicans are using a discharge petition, which can force a vote to "
               "the floor as long as it has 218 signatories.",
        "Breitbart": "Twenty GOP legislators have signed the petition, just five short of the number "
                     "needed to let the Democrats get 218 votes for a floor vote on an amnesty bill.",
    }, date="2018-05-16")
    c = compare_story(analyses, story)
    same = [g for g in c.fact_groups if "218" in g.key]
    assert len(same) == 1 and same[0].agree and {s.text for s in same[0].sides} == {"218"}


def test_a_win_on_different_weekdays_is_a_possible_disagreement():
    # allsides-16, both undated: Fox News has Lightfoot winning on Tuesday, the BBC on Wednesday
    analyses, story = make_story({
        "Fox News": "Former federal prosecutor Lori Lightfoot easily won the Chicago mayor's race "
                    "Tuesday, earning support from every part of the city.",
        "BBC News": "Her final victory came on Wednesday in a run-off vote against Toni Preckwinkle.",
    })
    c = compare_story(analyses, story)
    wins = [d for d in c.disagreements if d.kind == "date"]
    assert len(wins) == 1 and wins[0].key == "win" and wins[0].confidence == "low"


def test_a_weekday_name_is_checked_against_the_other_outlets_full_date():
    # allsides-10: the undated article's "Wednesday" and the dated one's (2019-11-20, a Wednesday)
    one = Article(id="fox", outlet="Fox News", date="",
                  text="Former Baltimore Mayor Catherine Pugh is facing federal charges, according to "
                       "a grand jury indictment made public Wednesday.")
    two = Article(id="npr", outlet="NPR", date="2019-11-20",
                  text="The federal indictment against Catherine Pugh made public Wednesday reveals "
                       "a fuller picture of the charges.")
    analyses = [ArticleAnalysis(article=x, doc=build_doc(x)) for x in (one, two)]
    c = compare_story(analyses, None)
    dates = [g for g in c.fact_groups if g.kind == "date"]
    assert [g.agree for g in dates] == [True] and not c.disagreements


def test_years_date_events_and_are_matched_only_when_they_agree():
    # allsides-06: "the 2016 presidential election" in both; November's congressional elections
    # (2018) are another election, not a disagreement
    analyses, story = make_story({
        "Reuters": "Michael Cohen testified that Trump had directed him to arrange payments ahead of "
                   "the 2016 presidential election.\nCohen's accusation increases political "
                   "pressure for Trump ahead of November's congressional elections.",
        "CNN": "Mueller will release the findings of his probe into Russian interference in the "
               "2016 election.",
    }, date="2018-08-22")
    c = compare_story(analyses, story)
    years = [g for g in c.fact_groups if g.kind == "date" and "2016" in {s.value for s in g.sides}]
    assert len(years) == 1 and years[0].agree and {s.value for s in years[0].sides} == {"2016"}
    assert not c.disagreements


@pytest.mark.parametrize("phrase, iso", [("last September", "2018-09"), ("next March", "2020-03"),
                                         ("in September", "2019-09")])
def test_last_and_next_month_look_back_and_ahead(phrase, iso):
    f = facts_of(f"An identical motion was approved {phrase}.", date="2019-03-08")
    assert [d.iso for d in f.dates] == [iso]


def test_an_outlet_that_gives_clashing_values_itself_makes_a_disagreement_possible_only():
    # allsides-02: NPR's 89 killed at the Bataclan against the Washington Times' 130 killed in
    # Paris and 43 in Beirut: the Times counts two death tolls, so the clash is only possible
    analyses, story = make_story({
        "NPR": "Cameron and Hollande also visited the Bataclan Theater to honor the 89 people who "
               "were killed there during the Paris attacks.",
        "Washington Times": "The Islamic State group has claimed responsibility for the attacks in "
                            "Paris that killed 130 people; the suicide bombings in Beirut that "
                            "killed 43 people; and the downing of a jetliner.",
    }, date="2015-11-23")
    c = compare_story(analyses, story)
    killed = [d for d in c.disagreements if d.key == "people killed"]
    assert len(killed) == 1 and killed[0].confidence == "low"


def test_seed_offer_day_undated_tuesday_against_a_wednesday_is_possible():
    # Outlet A (undated) has Iran's offer made at a meeting "on Tuesday"; Outlet B has it "on
    # Wednesday", and B's dateline makes that 29 October 2025, a Wednesday: a possible disagreement
    analyses, story = seed_analyses()
    c = compare_story(analyses, story)
    offer = [d for d in c.disagreements if d.kind == "date" and d.key == "offer"]
    assert len(offer) == 1 and offer[0].confidence == "low"
    assert set(offer[0].values) == {"2025-10-29", "tuesday"}
