"""A US speaker's party (framing.attribution.parties): read from what the article says of the
speaker, a group's own words, or the gazetteer's well-known politicians. The texts are written for
these tests in the forms US news uses."""
from __future__ import annotations

import pytest

from framing.api import analyze_article
from framing.attribution.parties import party_from_text, party_in_words
from framing.model import Article
from framing.model.attribution import aggregate

TEXT = (
    "Sen. Jane Whitcombe, R-Ohio, said the bill would fail. Whitcombe added that she opposed it. "
    "Senate Democrats said they would block it. \"We will not back down,\" said Rep. Luis Ortega "
    "(D-N.M.). Trump said the deal was dead. Republican Sen. Mark Dillard told reporters he was "
    "undecided. Officials said the talks were over. Anne Kowalski, the top Democrat on the panel, "
    "said she was disappointed. Analyst Peter Holm said the vote was close.")


@pytest.fixture(scope="module")
def by_speaker():
    analysis = analyze_article(Article(id="t", text=TEXT, outlet="test"))
    return {a.speaker: a.party for a in analysis.attributions}, analysis


@pytest.mark.parametrize("speaker, party", [
    ("Jane Whitcombe", "Republican"),   # a party letter after the name
    ("Luis Ortega", "Democratic"),      # in parentheses
    ("Mark Dillard", "Republican"),     # a party word before the title and name
    ("Anne Kowalski", "Democratic"),    # an apposition
    ("Senate Democrats", "Democratic"),  # a group's own words
    ("Trump", "Republican"),            # the gazetteer's well-known politician, by surname
    ("Officials", ""),
    ("Peter Holm", ""),
])
def test_speakers_get_the_party_the_text_or_gazetteer_gives(by_speaker, speaker, party):
    parties, _ = by_speaker
    assert parties[speaker] == party


def test_voices_are_counted_by_party(by_speaker):
    _, analysis = by_speaker
    summary = aggregate(analysis.attributions)["by_party"]
    assert set(summary) == {"Democratic", "Republican", "(none)"}
    assert sum(d["count"] for d in summary.values()) == len(analysis.attributions)
    assert summary["Republican"]["count"] >= 4  # Whitcombe twice, Trump, Dillard


def test_conflicting_cues_say_nothing_and_the_commonest_wins():
    text = "Sen. Jo Park, R-Kan., spoke first. Later Park (D-Kan.) spoke again."
    assert party_from_text(text, "Jo Park") == ""
    assert party_from_text(text + " Park, a Republican, left.", "Jo Park") == "Republican"


def test_party_words_must_stand_next_to_the_name():
    # a party word elsewhere in the sentence says nothing of the speaker
    assert party_from_text("The Republican bill, which Sen. Lee Varga wrote, passed.", "Lee Varga") == ""
    assert party_from_text("Democratic presidential candidate Lee Varga spoke.", "Lee Varga") == "Democratic"
    assert party_in_words("Republican and Democratic leaders") == ""
    assert party_in_words("the GOP") == "Republican"


def test_lower_case_words_are_no_titles_and_democratic_is_no_party():
    # "the California Democrat leading the inquiry against Trump" says nothing of Trump
    assert party_from_text("Schiff is the California Democrat leading the inquiry against Trump.",
                           "Donald Trump") == ""
    assert party_from_text("John McCain, the last Republican to go up against Obama, lost.",
                           "Barack Obama") == ""
    assert party_in_words("democratic reformers") == ""


def test_a_party_word_in_the_sentence_before_says_nothing():
    assert party_from_text("He studies the Republican Party. Richardson contends it changed.",
                           "Heather Richardson") == ""
    assert party_from_text("Gore and Republican George W. Bush.\n\nJohnson's impact is unclear.",
                           "Gary Johnson") == ""
    assert party_from_text("Republican Sen. Lindsey Graham spoke.", "Lindsey Graham") == "Republican"


def test_the_report_charts_voices_by_party_in_us_news_only():
    import sys
    from pathlib import Path

    from framing.api import analyze
    from framing.model import Story
    from framing.report import render_string

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from test_report_support import seed_result

    us = Story(name="us", articles=(
        Article(id="a", text=TEXT, outlet="A"),
        Article(id="b", text="House Republicans said the plan was dead. Rep. Tom Hale (D-Ore.) said "
                             "it would pass. Officials declined to comment.", outlet="B")))
    result = analyze(us)
    html = render_string(result, "html")
    assert "Voice share by US party" in html and "United States · Republican" in html
    assert "Voice share by US party" not in render_string(seed_result(), "html")  # South Asian story
    # the key figures of every format have the row too: of article A's 10 attributions, 5 are
    # Republican voices (Whitcombe three times, Trump, Dillard), 3 Democratic and 2 have no party
    text = render_string(result, "text")
    assert "Voice share by US" in text and "Republican 50% · Democratic 30%" in text
    assert "Voice share by US party" in render_string(result, "md")
    assert "Voice share by US" not in render_string(seed_result(), "text")


def test_a_party_noun_before_a_state_and_a_name_with_an_initial():
    assert party_from_text("Senator Ed Marsh, Democrat of Maine, insisted on it.", "Ed Marsh") == "Democratic"
    assert party_from_text("The plan, Democrats said, would fail.", "Ed Marsh") == ""
    analysis = analyze_article(Article(id="t", outlet="test", text=(
        "Charles E. Schumer said the vote would be close.")))
    assert [a.party for a in analysis.attributions] == ["Democratic"]  # the gazetteer's Chuck Schumer


def test_a_politician_the_text_does_not_label_is_found_by_full_name():
    from framing.attribution.parties import party_names

    analysis = analyze_article(Article(id="t", outlet="test", text=(
        "Gov. Andrew Cuomo said the state would cut spending. Sen. Mark R. Warner said he would "
        "wait. Joe Manchin said he was undecided.")))
    parties = {a.speaker: a.party for a in analysis.attributions}
    assert parties["Andrew Cuomo"] == "Democratic" and parties["Mark R. Warner"] == "Democratic"
    assert parties["Joe Manchin"] == ""  # his party changed: only the article can say
    names = party_names()
    assert len(names) > 500 and set(names.values()) == {"Democratic", "Republican", "independent"}


@pytest.mark.parametrize("speaker, side", [
    ("Jane Whitcombe", "United States"),  # a party and no country of her own: a US voice
    ("Luis Ortega", "United States"),
    ("Anne Kowalski", "United States"),
    ("Senate Democrats", "United States"),
    ("Peter Holm", ""),                   # no party, nothing says where he is from
])
def test_a_speaker_with_a_party_speaks_for_the_united_states(by_speaker, speaker, side):
    _, analysis = by_speaker
    assert {a.speaker: a.affiliation for a in analysis.attributions}[speaker] == side


@pytest.mark.parametrize("text, name, party", [
    # Fox News, 22 October 2012 (AllSides): the words after "Obama," are a clause of their own,
    # not an apposition, so they give him no party (he was a Republican in all 11 attributions)
    ("To hear Obama, the Republican nominee is “all over the map” on world affairs.", "Obama", ""),
    ("To hear Obama, the Republican nominee has no plan at all.", "Obama", ""),
    # appositions, with a relative clause or a long description, still give one
    ("Michigan Rep. Mike Shirkey, a Republican who backed a new law prohibiting schools from "
     "deducting union dues from employees' paychecks, said it worked.", "Mike Shirkey", "Republican"),
    ("Holly Harris, a longtime Kentucky GOP strategist pushing for a reform deal from the helm of "
     "a nonprofit, said so.", "Holly Harris", "Republican"),
    ("Kaine, the top Democrat on the panel, said it would fail.", "Kaine", "Democratic"),
])
def test_an_apposition_gives_a_party_but_a_clause_after_the_comma_does_not(text, name, party):
    assert party_from_text(text, name) == party


def test_a_namesake_with_another_first_name_says_nothing_of_the_speakers_party():
    # two Kings in one article (AllSides record 80): the independent Angus King's words made a
    # tie with Peter King's "Republican", and Peter King had no party
    text = ("New York Republican Rep. Peter King, chairman of the subcommittee, said the leaker "
            "must be prosecuted. Sen. Angus King, I-Maine, said the program was "
            "legal. Dr. Beth Jordan Mynett says her spouse, Democratic strategist Tim Mynett, told "
            "her in April.")
    assert party_from_text(text, "Peter King") == "Republican"
    assert party_from_text(text, "Angus King") == "independent"
    assert party_from_text(text, "Beth Jordan Mynett") == ""
    assert party_from_text(text, "Tim Mynett") == "Democratic"
