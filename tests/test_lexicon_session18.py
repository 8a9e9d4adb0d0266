"""Session 18's lexicon changes on real news sentences (docs/accuracy_lexicon.md, "Session 18"):
sense cues for plain uses of flagged words (a causal "triggered", a medical "suppress", a natural
"disaster", "reckless endangerment", "claimed responsibility", a "flooded" road ...), the neutral
"worst-case scenario", a word in capitals beside a title-case word read as a name's ("the
PATRIOT Act"), and new rows for judging words an editor would change ("tepid",
"sclerotic", "nativist", "flagrant", "ham-handed" ...). Sentences from AllSides records 0-3999
(the plain uses partly from records 3700-3999, read after the change) and BABE's tune half."""
from __future__ import annotations

import pytest

from test_lexicon_session13 import flags, lex  # noqa: F401  (the lexicon fixture, a text's flags)


@pytest.mark.parametrize("sentence,word", [
    # "triggered" with an object or "by": the causal verb, not the culture-war "upset"
    ("Nor should this October surprise be looked back upon as the episode that triggered a fatal "
     "decrease in Trump's support among women voters.", "triggered"),
    ("The deepening economic crisis triggered by nationwide lockdowns to slow the spread of the "
     "novel coronavirus was underscored by other data on Thursday.", "triggered"),
    # "suppress" a virus or a hormone
    ("WHO is working to ensure fair vaccine distribution, but in the meantime it is key to "
     "suppress the virus's spread, said Mike Ryan.", "suppress"),
    ("Semenya will now be forced to medicate to suppress her testosterone levels if she wants to "
     "defend her world title.", "suppress"),
    # legal and planning terms
    ("The grand jury could have considered charges ranging from murder to reckless endangerment.",
     "reckless"),
    ("They're mostly worst-case scenarios, and a recovery in the next few months could still "
     "prevent some of them.", "worst-case"),
    ("Further, the United States is actively involved in buttressing the global non-proliferation "
     "regime.", "regime"),
    ("A Russian national has become the first person charged by the U.S. for conspiring to "
     "interfere in the 2018 midterm elections, according to the FBI.", "conspiring"),
    # literal floods, poisons, disasters and claims
    ("A witness reported the soldiers' car driving onto a flooded road and immediately getting "
     "swept downstream.", "flooded"),
    ("Navalny was poisoned with a military-grade nerve agent, according to German, French and "
     "Swedish laboratories.", "poisoned"),
    ("Authorities on Leyte said they would have prepared for the typhoon and other disasters with "
     "stocks of food, water and health-care supplies.", "disasters"),
    ("Violence threatens to spiral out of control and claim more lives in a senseless "
     "escalation.", "claim"),
    ("He pleaded guilty to sexually abusing a 10-year-old boy in the early 1990s.", "abusing"),
    ("It may not have been a conspiracy because WikiLeaks' decision to release the stolen emails "
     "was not an illegal act.", "stolen"),
    # idioms: "go hand in hand" says two things come together, not that people are united
    ("Prison abolition goes hand in hand with that demand, said James Kilgore, a researcher and "
     "activist.", "hand in hand"),
])
def test_a_plain_use_is_not_flagged(lex, sentence, word):
    assert word not in flags(lex, sentence)


@pytest.mark.parametrize("sentence,word", [
    # the coloured senses stay
    ("That was better aligned with their narrative of easily triggered snowflakes demanding safe "
     "spaces.", "triggered"),
    ("The company came under fire for appearing to suppress conservative news sources in its "
     "trending topics feed.", "suppress"),
    ("Trump is impulsive and reckless, the ad says.", "reckless"),
    ("He claimed that the vote was rigged.", "claimed"),
    ("Trump abused the power of his office by strong-arming Ukraine.", "abused"),
])
def test_the_coloured_sense_is_still_flagged(lex, sentence, word):
    assert word in flags(lex, sentence)


@pytest.mark.parametrize("sentence,word,term", [
    ("The Obama administration was responsible for the tepid pace of the recovery.", "tepid",
     "tepid"),
    ("And I hope that out of the wreckage of these sclerotic ideological parties, a new "
     "generation of leaders will emerge.", "sclerotic", "sclerotic"),
    ("He has lured first-time voters into the process with his populist, nativist message.",
     "nativist", "nativist"),
    ("Americans are fed up with the culture of corruption and flagrant abuse of the justice "
     "system in this White House.", "flagrant", "flagrant"),
    ("The social media accounts of the White House were still producing ham-handed posts about "
     "Juneteenth.", "ham-handed", "ham-handed"),
    ("Trump's bullying misogyny, his mendacity, his contempt for the free press are on display.",
     "mendacity", "mendacity"),
    ("For years, they projected him as some knuckle-dragging, fire-breathing Cro-Magnon.",
     "knuckle-dragging", "knuckle-dragging"),
    ("Obama often sermonized to Americans and his aides were a loose cannon.", "loose cannon",
     "loose cannon"),
    ("She has been a ferocious Trump attack dog, firing back as the nominee derided her.",
     "attack dog", "attack dog"),
    ("Rejection of the jingoism of George W. Bush's presidency was part of his appeal.",
     "jingoism", "jingoism"),
    ("As an outspoken critic of President Obama and his socialist anti-business agenda, the IRS "
     "targeted me for intimidation.", "anti-business", "anti-business"),
    ("The two frontrunners left corn country to conduct a quick, statesmanlike campaign.",
     "statesmanlike", "statesmanlike"),
    ("We can expect that Trump's impulsiveness and electronically fed braggadocio will often get "
     "him into trouble.", "braggadocio", "braggadocio"),
    ("Walker has been the most overrated politician in the country.", "overrated", "overrated"),
])
def test_new_judging_rows_flag(lex, sentence, word, term):
    found = flags(lex, sentence)
    assert word in found and found[word].term == term


@pytest.mark.parametrize("sentence,word", [
    # "resistance" as opposition to something, not the armed or political Resistance
    ("It's often the path of least resistance, and it gives people a sense of larger purpose.",
     "resistance"),
    ("In a new manifestation of his resistance to objective fact, he is now openly trashing the "
     "data collected by his own agencies.", "resistance"),
    # a prize handed out, dangerous work, a standard phrase, a law's name in capitals
    ("Advertisements for the event said it would feature a $30,000 cash giveaway.", "giveaway"),
    ("He claimed the president's decree was for border security and to discourage dangerous "
     "crossings.", "dangerous"),
    ("Investigators believe that the mother has Munchausen Syndrome by Proxy, a mental "
     "disorder.", "Proxy"),
    ("McConnell prefers a straight reauthorization of the PATRIOT Act, shrugging off reform "
     "proposals from House members.", "PATRIOT"),
])
def test_step_three_plain_uses(lex, sentence, word):
    assert word not in flags(lex, sentence)


@pytest.mark.parametrize("sentence,word", [
    ("Women have been leading the resistance, leading in activism, and come November they will "
     "lead the way.", "resistance"),
    ("Democrats said it was a fiscally irresponsible giveaway to big corporations and the rich.",
     "giveaway"),
    ("In banning white-supremacist websites, progressive tech giants set a dangerous precedent.",
     "dangerous"),
    ("WOW, BLOOMBERG IS A TOTAL RACIST!", "RACIST"),
])
def test_step_three_coloured_uses_stay(lex, sentence, word):
    assert word in flags(lex, sentence)


def test_a_name_or_a_literal_crucifixion_is_not_flagged(lex):
    assert "crucified" not in flags(lex, "Jesus was crucified on a cross outside Jerusalem.")
    assert "crucify" in flags(lex, "They either want to crucify gluten as the cause of all modern "
                                   "health scourges or they want to say it is fine.")
    assert "flagrant" not in flags(lex, "He was called for a flagrant foul in the fourth quarter.")


def test_a_derived_adverb_has_its_rows_sense_cues(lex):
    # "arbitrary and capricious" is a legal standard; a court's finding that someone acted
    # arbitrarily reports the ruling, and the "-ly" form now has the adjective row's cues
    assert "arbitrarily" not in flags(lex, "Meanwhile, judges in San Francisco and New York ruled "
                                           "that legal challengers were likely to prevail in their "
                                           "arguments that the Trump administration acted "
                                           "arbitrarily and abused its discretion.")
    assert "arbitrary" not in flags(lex, "Jackson's decision that the regulation was \"arbitrary, "
                                         "capricious and contrary to law\" recalled a report.")
    assert "arbitrarily" in flags(lex, "The President should not be in the business of arbitrarily "
                                       "picking the men and women who cover him.")


@pytest.mark.parametrize("sentence,word", [
    # conceding a race, a literal assault on a place, harassing ships: plain acts
    ("Eight years to the day after she conceded to rival Barack Obama in the 2008 Democratic "
     "primary, the former secretary of state spoke.", "conceded"),
    ("Sanders has yet to concede defeat, insisting he has momentum.", "concede"),
    ("The Houthi movement claimed responsibility for the assault on two Saudi oil plants.",
     "assault on"),
    ("He instructed the Navy to shoot down any Iranian gunboats harassing American ships.",
     "harassing"),
])
def test_step_five_plain_acts(lex, sentence, word):
    assert word not in flags(lex, sentence)


def test_step_five_coloured_uses_stay(lex):
    assert "conceded" in flags(lex, "House Speaker John Boehner conceded in an interview that the "
                                    "sequester is really going to work.")
    assert "assault on" in flags(lex, "Attorney General Jeff Sessions unleashed a blistering "
                                      "assault on federal judges Monday.")
