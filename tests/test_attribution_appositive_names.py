"""Who speaks when a description comes first: a name set off by commas after it, and the people a
sentence-opening plural noun stands for.

"The president's lawyer, Michael Cohen, has said" is Michael Cohen (it was the description
"president's lawyer", and in the BBC article below it became Donald Trump). "Lawyers for US
President Donald Trump", "Voters in San Diego" and "Critics of Prime Minister Imran Khan" opening a
sentence are the lawyers, the voters and the critics, not the person or the place after the
preposition: the capital there comes from the sentence, not from a name. Sentences from AllSides
articles, some shortened.
"""
from __future__ import annotations

import pytest

from test_attribution_helpers import by_cue, run


@pytest.mark.parametrize("text, cue, speaker, title_word", [
    ("The president's lawyer, Michael Cohen, has said he paid her $130,000 of his own money.",
     "has said", "Michael Cohen", "lawyer"),
    ("Trump's economic adviser, Larry Kudlow, has said the tariffs would be temporary.",
     "has said", "Larry Kudlow", "adviser"),
    ("A lawyer for the brothers, Gloria Schmidt, said they were not guilty.",
     "said", "Gloria Schmidt", "lawyer"),
    ("Pentagon press secretary, Rear Adm. John Kirby, said the strikes were lawful.",
     "said", "John Kirby", "secretary"),
    ("Her lawyer, Mr. Smith, said she would appeal.", "said", "Smith", "lawyer"),
])
def test_a_name_after_the_description_is_the_speaker(text, cue, speaker, title_word):
    att = by_cue(run(text)[1], cue)
    assert att.speaker == speaker
    assert title_word in att.title.lower()


@pytest.mark.parametrize("text, cue, speaker", [
    ("The group's founder, a former soldier, said the march would go ahead.", "said", "group's founder"),
    ("Officials in the capital, Kabul, said the border would reopen.", "said", "Officials"),
    ("A small-business owner from Andover, Mass., said the tax was unfair.", "said",
     "small-business owner"),
])
def test_an_appositive_that_is_no_name_is_not_taken(text, cue, speaker):
    assert by_cue(run(text)[1], cue).speaker == speaker


def test_the_owner_of_a_possessive_does_not_take_the_quote():
    text = ("Lawyers for US President Donald Trump are seeking $20 million in damages from a porn "
            "actress he says broke a non-disclosure deal.\n\n"
            "They argue Stormy Daniels breached the agreement at least 20 times.\n\n"
            "The president's lawyer, Michael Cohen, has said he paid her $130,000 of his own money "
            "to remain silent.")
    att = by_cue(run(text)[1], "has said")
    assert att.speaker == "Michael Cohen"
    assert att.role == "legal"


@pytest.mark.parametrize("text, cue, speaker, not_speaker", [
    ("Lawyers for President Donald Trump said the case was weak.", "said", "Lawyers", "Donald Trump"),
    ("Voters in San Diego said the measure would raise their rents.", "said", "Voters", "San Diego"),
    ("Critics of Prime Minister Imran Khan said the deal was a surrender.", "said", "Critics",
     "Imran Khan"),
    ("Aides to President Joe Biden said the talks would resume.", "said", "Aides", "Joe Biden"),
    ("The talks would resume, aides to President Joe Biden said.", "said", "aides", "Joe Biden"),
])
def test_a_plural_noun_opening_the_source_is_the_speaker(text, cue, speaker, not_speaker):
    att = by_cue(run(text)[1], cue)
    assert att.speaker == speaker != not_speaker


def test_lawyers_keep_their_clients_side():
    att = by_cue(run("Lawyers for US President Donald Trump said the case was weak.")[1], "said")
    assert (att.speaker, att.affiliation) == ("Lawyers", "United States")


@pytest.mark.parametrize("text, cue, speaker", [
    ("Americans for Prosperity said the bill would raise taxes.", "said", "Americans for Prosperity"),
    ("Secretary of State John Kerry said the talks would resume.", "said", "John Kerry"),
    ("Center for American Progress President Neera Tanden said the plan was cruel.", "said",
     "Neera Tanden"),
    ("Friends of the Earth said the pipeline would leak.", "said", "Friends of the Earth"),
    ("Students for Fair Admissions said the ruling was a victory.", "said",
     "Students for Fair Admissions"),
    ("Doctors Without Borders said the clinic had been hit twice.", "said", "Doctors Without Borders"),
    ("International humanitarian organization Doctors Without Borders (MSF) said the clinic had "
     "been hit.", "said", "Doctors Without Borders"),
])
def test_names_holding_a_preposition_stay_whole(text, cue, speaker):
    assert by_cue(run(text)[1], cue).speaker == speaker


def test_an_indefinite_description_is_someone_new():
    text = ("A spokesman for Biden's campaign, Andrew Bates, said the ad was false. A spokesman for "
            "Paradigm said the company had done nothing wrong.")
    atts = run(text)[1]
    assert [(a.speaker, a.speaker_id) for a in atts] == [("Andrew Bates", 0), ("spokesman", 1)]
