"""Speakers named from the whole article, and subjects behind participle clauses (issue 4).

The founding example showed readers wrong speakers that the article itself names: "President
Pezeshkian" without the side the article gives him elsewhere, "the interior minister" read as the
defence minister, "Andrabi" not merged with "Spokesperson of Pakistani Ministry of Foreign Affairs
Tahir Hussain Andrabi", "his country" as a speaker called "country", "October 31" as the source of
"a joint statement issued on October 31 announced". Each test below failed before the change; the
news sentences show the rules are not about these five articles.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from test_attribution_helpers import by_cue, run

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(prefix + "_*.txt")).read_text(encoding="utf-8")


def _speakers(text: str) -> dict[str, tuple[str, str]]:
    """cue text -> (speaker, affiliation) of the last attribution with that cue."""
    _, atts, _ = run(text)
    return {a.cue_text: (a.speaker, a.affiliation) for a in atts}


# --- a person named fully (with a side) in a sentence that attributes nothing

def test_surname_speaker_takes_the_fuller_earlier_mention_in_the_founding_example():
    _, atts, _ = run(_seed("000"))
    pezeshkian = [a for a in atts if a.source_text == "President Pezeshkian"]
    assert pezeshkian and all(a.speaker == "Masoud Pezeshkian" and a.affiliation == "Iran" for a in pezeshkian)
    # the span the name comes from is the fuller mention, so the figure traces back to it
    first = pezeshkian[0]
    assert "Masoud Pezeshkian" in _seed("000")[first.speaker_span.start:first.speaker_span.end]


@pytest.mark.parametrize("text,cue,speaker,side", [
    ("The talks in Ankara brought together Turkish President Recep Tayyip Erdogan and French President "
     "Emmanuel Macron. Erdogan told reporters the meeting had been productive.", "told",
     "Recep Tayyip Erdogan", "Turkey"),
    # a person no gazetteer lists: the name and the side come from the article's own words
    ("The prize went to German novelist Jenny Erpenbeck on Tuesday. Erpenbeck said she was surprised.",
     "said", "Jenny Erpenbeck", "Germany"),
])
def test_surname_speaker_is_named_as_the_article_introduced_them(text, cue, speaker, side):
    assert _speakers(text)[cue] == (speaker, side)


def test_only_earlier_mentions_name_a_surname():
    # news introduces a person before the surname alone; a later namesake is someone else
    text = ("Mr Kim announced he was suspending nuclear tests. The talks were prepared by the American "
            "envoy Sung Kim, a veteran diplomat.")
    _, atts, _ = run(text)
    assert by_cue(atts, "announced").speaker == "Kim"


def test_words_before_a_name_that_are_common_words_are_left_out():
    text = ("Watch Elizabeth Warren speak at the rally in Concord. Warren said the plan would pass.")
    assert _speakers(text)["said"][0] == "Elizabeth Warren"


def test_a_full_name_is_not_replaced_by_another_mention_of_the_surname():
    text = ("Missouri Gov Nixon arrived in Ferguson on Thursday. Gov. Jay Nixon said the police response "
            "had been too heavy.")
    assert _speakers(text)["said"][0] == "Jay Nixon"


# --- descriptions: the qualifier must fit, and the article's titled mentions count

def test_the_interior_minister_is_not_the_defence_minister_in_the_founding_example():
    _, atts, _ = run(_seed("001"))
    informed = by_cue(atts, "informed")
    assert informed.source_text == "the interior minister"
    assert informed.speaker == "Mohsin Naqvi"


def test_a_qualified_description_finds_the_titled_person_the_article_named():
    text = ("Finance Minister Ana Ruiz said taxes would rise. On Tuesday, Interior Minister Pablo Gomez met "
            "the mayors of the region. The interior minister told them the police budget would grow.")
    speakers = _speakers(text)
    assert speakers["said"][0] == "Ana Ruiz"
    assert speakers["told"][0] == "Pablo Gomez"


def test_a_two_word_title_finds_its_holder_but_not_a_deputy():
    text = ("Defense Secretary Pete Hegseth said the deployment would continue. Senators questioned "
            "Attorney General Pam Bondi about the orders. The attorney general said the orders were lawful.")
    _, atts, _ = run(text)
    assert [a.speaker for a in atts if a.cue_text == "said"] == ["Pete Hegseth", "Pam Bondi"]
    deputy = ("Senators questioned Deputy Attorney General Rod Rosenstein about the memo. "
              "The attorney general said the orders were lawful.")
    assert _speakers(deputy)["said"][0] != "Rod Rosenstein"


def test_an_institution_is_not_matched_to_a_person_by_its_name():
    text = ("Robert Bergdahl appeared with President Barack Obama in the White House Rose Garden last week. "
            "Officials at the White House said the exchange had been lawful.")
    _, atts, _ = run(text)
    assert "Garden" not in {a.speaker for a in atts}


# --- a title before a name that follows an institution's name; "his country"

def test_title_with_an_institution_name_keeps_the_person_and_merges_the_surname():
    _, atts, _ = run(_seed("004"))
    said = next(a for a in atts if a.source_text.endswith("Tahir Hussain Andrabi"))
    assert said.speaker == "Tahir Hussain Andrabi"
    assert said.title == "Spokesperson of Pakistani Ministry of Foreign Affairs"
    told = by_cue(atts, "told")
    assert told.source_text == "Andrabi"
    assert told.speaker_id == said.speaker_id and told.affiliation == "Pakistan"


@pytest.mark.parametrize("text,side", [
    ("Ukraine's ambassador Oksana Markarova said on Monday that her country welcomes the proposal.", "Ukraine"),
    ("Pakistan's Foreign Office spokesperson Tahir Hussain Andrabi said his country welcomes the offer.",
     "Pakistan"),
])
def test_his_country_speaks_for_the_side_of_whoever_his_is(text, side):
    a = by_cue(run(text)[1], "welcomes")
    assert a.source_text.split()[1] == "country"
    assert (a.speaker, a.affiliation) == (side, side)


# --- subjects behind participle clauses; "by" + -ing is a means, not an agent

@pytest.mark.parametrize("text,cue,source,speaker", [
    ("Mediators stepped in to revive the process, and a joint statement issued on October 31 announced "
     "that further decisions would be taken in Istanbul.", "announced",
     "a joint statement issued on October 31", "joint statement"),
    ("The man accused of killing her father told reporters he was innocent.", "told",
     "The man accused of killing her father", "man"),
    # a document's agent speaks for it
    ("A poll conducted by Gallup in March shows that most Americans support the plan.", "shows",
     "A poll conducted by Gallup", "Gallup"),
])
def test_participle_clause_between_subject_and_cue(text, cue, source, speaker):
    a = by_cue(run(text)[1], cue)
    assert (a.source_text, a.speaker) == (source, speaker)


def test_people_quoted_by_a_newspaper_speak_themselves():
    a = by_cue(run("Pakistani officials quoted by Dawn said the talks had failed.")[1], "said")
    assert a.speaker == "Pakistani officials"


def test_a_pronoun_subject_after_a_preposition_opens_its_own_clause():
    a = by_cue(run("His apology came a day after he condemned the producer's behavior.")[1], "condemned")
    assert a.source_text == "he"


def test_by_and_an_ing_form_is_not_a_passive_agent():
    _, atts, _ = run(_seed("002"))
    assert "offering" not in {a.source_text for a in atts}
    _, atts, _ = run("The minister responded by offering to resign.")
    assert all(a.source_text != "offering" for a in atts)


def test_a_czar_is_a_government_voice():
    a = by_cue(run("The border czar said crossings fell for a third month.")[1], "said")
    assert (a.speaker, a.role) == ("border czar", "government")


@pytest.mark.parametrize("text,speaker", [
    # a lower-case word before a name is not part of it, a name particle is
    ("Like many of her friends and family members, Rebecca Martinez-Rocha says she struggles with the "
     "rules.\n\nMartinez-Rocha says she will rebuild.", "Rebecca Martinez-Rocha"),
    ("EU leaders met Commission President Ursula von der Leyen on Monday. Von der Leyen said the talks "
     "went well.", None),
])
def test_a_fuller_mention_keeps_only_the_name(text, speaker):
    said = [a for a in run(text)[1] if a.cue_text in ("says", "said")]
    assert said
    assert not said[0].speaker.startswith("of ")
    if speaker:
        assert said[0].speaker == speaker


@pytest.mark.parametrize("text,speaker", [
    ("Speaker of the House Paul Ryan defended the bill on Tuesday.", "Paul Ryan"),
    ("Former Speaker John Boehner said the party had changed.", "John Boehner"),
])
def test_the_speaker_of_the_house_is_a_title(text, speaker):
    a = run(text)[1][0]
    assert (a.speaker, a.role) == (speaker, "government")


@pytest.mark.parametrize("text,cue,source", [
    # a month is no speaker, and a time adverbial before the cue is left out of the source
    ("That includes Anthony Fauci, who is now the most trusted official, but as late as February was "
     "calling the risk minuscule.", "was calling", None),
    ("In March officials said the risk was rising.", "said", "officials"),
    ("Trump in October said the virus would disappear.", "said", "Trump"),
    ("April Ryan said the briefing was short.", "said", "April Ryan"),
])
def test_months_are_not_speakers(text, cue, source):
    found = [a for a in run(text)[1] if a.cue_text == cue]
    assert [a.source_text for a in found] == ([source] if source else [])


# --- surnames that are also auxiliaries ("May", "Will") stay in the source

@pytest.mark.parametrize("text, source, speaker", [
    ("British Prime Minister Theresa May said on Tuesday that the talks would go on.",
     "British Prime Minister Theresa May", "Theresa May"),
    ("Mrs May told MPs that the deal was dead.", "Mrs May", "May"),
    ("Conservative columnist George Will said the ruling was a mistake.",
     "Conservative columnist George Will", "George Will"),
])
def test_a_surname_that_is_also_an_auxiliary_stays_in_the_source(text, source, speaker):
    _, atts, _ = run(text)
    assert [(a.source_text, a.speaker) for a in atts] == [(source, speaker)]


@pytest.mark.parametrize("text, source", [
    ("Senate Majority Leader Mitch McConnell shied away from the plan, and in May said it was not possible.",
     "Senate Majority Leader Mitch McConnell"),
    ("A poll in April found that 40 percent of voters did not know the law was still in effect.", "A poll"),
    ("A federal court in August declared 12 of the state's 13 districts unconstitutional.", "A federal court"),
])
def test_a_month_that_is_also_a_name_is_a_time_adverbial_after_a_preposition(text, source):
    _, atts, _ = run(text)
    assert [a.source_text for a in atts][:1] == [source]


@pytest.mark.parametrize("text, source", [
    ("FactCheck.org found that the claim was false.", "FactCheck.org"),
    ("“Grass-roots mobilization has opened the way,” MoveOn.org Washington director Ben Wikler said.",
     "MoveOn.org Washington director Ben Wikler"),
])
def test_a_web_domain_is_one_name_in_the_source(text, source):
    _, atts, _ = run(text)
    assert [a.source_text for a in atts] == [source]



def test_a_day_after_a_possessive_names_no_one():
    text = ("Ginsburg said Saturday that she loves her job.\n\n"
            "Ginsburg’s appearance Saturday was not her first following her most recent cancer "
            "announcement. Earlier this week she spoke at an event at the University at Buffalo, where "
            "she also accepted an honorary degree. At the time she talked only briefly about her most "
            "recent cancer scare, saying she wanted to keep her promise.")
    _, atts, _ = run(text)
    pronouns = [a for a in atts if a.source_text == "she"]
    assert pronouns and all(a.speaker == "Ginsburg" for a in pronouns)
