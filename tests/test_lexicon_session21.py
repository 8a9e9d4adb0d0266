"""Session 21's lexicon changes on real news sentences (docs/accuracy_lexicon.md, "Session 21"):
idioms of commentary (`lexicons/general/loaded_commentary.tsv`), a label reported as someone's
charge ('painted Clinton as a corrupt, dishonest politician': information, not the writer's flag;
`Context.reported_label`), "elite" of political science ("party elites") and an affair's
established name ("the Watergate scandal"; lexicon_senses.tsv). Sentences from AllSides records
0-3699 (never the records 3700-3999 read after the change), none from BABE."""
from __future__ import annotations

import pytest

from framing.lexicon.build import findings_of
from framing.model import Article
from framing.text import build_doc
from test_lexicon_session13 import flags, lex  # noqa: F401  (the lexicon fixture, a text's flags)


@pytest.mark.parametrize("sentence,found,term", [
    ("This administration has banged the drum of distrust of refugees whenever it can.",
     "banged the drum", "bang the drum"),
    ("Indeed, the piece is not without pot-shots at Democrats.", "pot-shots", "pot shot"),
    ("In recent days, Democrats, including Leahy, have cried foul that the Kavanaugh paper trail "
     "is actually not long enough.", "cried foul", "cry foul"),
    ("Subsequent administrations of both parties have offered empty promises while going wobbly "
     "before pulling the trigger.", "empty promises", "empty promise"),
    ("His past remarks suggest he is likely to use the remarks to take a victory lap following "
     "his acquittal.", "victory lap", "victory lap"),
    ("House Speaker John Boehner may have stood up to conservative arm-twisters and embraced "
     "bipartisanship.", "arm-twisters", "arm-twister"),
    ("Populist bomb-thrower Steve Bannon, a major McConnell antagonist, was out as Mr. Trump's "
     "chief White House strategist.", "bomb-thrower", "bomb-thrower"),
    ("Too often, such problems are ignored or swept under the rug because people fear damaging "
     "the larger cause.", "under the rug", "under the rug"),
    ("Congress always seems to find a way to kick the can down the road and keep the lights on "
     "for another few months.", "kick the can down the road", "kick the can down the road"),
    ("Almost every politician from both parties waxes poetic on American exceptionalism.",
     "waxes poetic", "wax poetic"),
    ("Within minutes came the usual head-scratching, with many wondering if Obama's comments "
     "were serious.", "head-scratching", "head-scratching"),
    ("The rioters and goons, along with their pusillanimous enablers in the administration, are "
     "carrying on this tradition.", "enablers", "enabler"),
    ("The White House is also trying to escape a self-imposed snafu over health care policy.",
     "snafu", "snafu"),
    ("It's not exactly rare for members of a corporate board of directors to serve as window "
     "dressing with no actual involvement in the company.", "window dressing", "window dressing"),
    ("She remained mostly cool and collected, even as the debate threatened to veer off the rails "
     "on several occasions.", "off the rails", "off the rails"),
    ("Republicans have really shot themselves in the foot with what they approved.",
     "shot themselves in the foot", "shoot themselves in the foot"),
    ("Good administration required more than just a government of yes-men.", "yes-men", "yes-men"),
])
def test_new_idiom_rows_flag(lex, sentence, found, term):
    got = flags(lex, sentence)
    assert found in got and got[found].term == term, got


@pytest.mark.parametrize("sentence,word", [
    # "as" after a verb of naming, attacking or praising: the label is the subject's
    ("Republicans successfully painted Clinton as a corrupt, dishonest politician who was running "
     "for Obama's third term.", "corrupt"),
    ("Republicans successfully painted Clinton as a corrupt, dishonest politician who was running "
     "for Obama's third term.", "dishonest"),
    ("Trump has also described the United Nations as weak and incompetent.", "incompetent"),
    # a participle after a noun is still the verb
    ("The book included anecdotes of top White House staffers painting Trump as childlike and "
     "erratic.", "erratic"),
    ("Obama would not have had to spend so much time in office dismissing it as unworkable.",
     "unworkable"),
    # a phrase row too
    ("The president employed sharp, at times sarcastic, language to cast Romney as out of his "
     "depth.", "out of his depth"),
    # a naming verb, its object, the label
    ("Trump said at his press conference, calling the decision a disgrace.", "disgrace"),
    ("Gottlieb welcomed the chance to deliver a blunt message to the dead-enders who had been "
     "calling him a traitor since Manchin-Toomey.", "traitor"),
    # "of being" after a word of accusing
    ("Instead, she accused Acosta of being disrespectful and unprofessional.", "disrespectful"),
    ("Instead, she accused Acosta of being disrespectful and unprofessional.", "unprofessional"),
])
def test_a_reported_label_is_information_not_a_flag(lex, sentence, word):
    assert word not in flags(lex, sentence)
    doc = build_doc(Article(id="t", text=sentence, outlet="Test"))
    assert word in {f.text for f in findings_of(doc, lex, scores=False)}  # still reported


@pytest.mark.parametrize("sentence,word", [
    # the writer's own label: inside the object, or after a verb of seeing put passively
    ("Democrats called his racist remarks a problem for the party.", "racist"),
    ("Whether Obama's plea is taken as an effective tactic or is seen as a cheap, emotional ploy "
     "designed to push through a one-sided agenda remains to be seen.", "ploy"),
    # "as" in another phrase
    ("They described groups such as racist militias.", "racist"),
    # the object of a naming verb is a noun phrase, not a preposition's
    ("The party denounced what it called incitement against fellow Islamists.", "Islamists"),
])
def test_the_writers_own_label_is_still_flagged(lex, sentence, word):
    assert word in flags(lex, sentence)


@pytest.mark.parametrize("sentence,word", [
    ("It's clear that political elites, candidates, activists and donors, are very divided.",
     "elites"),
    ("My point has been that party elites keep trying to impose a structure on this "
     "heterogeneous electorate.", "elites"),
    ("John Dean, a former White House counsel under Nixon who served four months in prison for "
     "his role in the Watergate scandal, said it would be Trump who had the most to lose.",
     "scandal"),
    ("With the Catholic Church marred in recent years by sex abuse scandals, Francis formed a team "
     "of experts.", "scandals"),
])
def test_a_plain_use_is_not_flagged(lex, sentence, word):
    assert word not in flags(lex, sentence)


@pytest.mark.parametrize("sentence,word", [
    ("Obama's snarky and ego-driven, but otherwise crude trash-talking delighted his coastal "
     "elites.", "coastal elites"),
    ("This is the Titanic of scandals, and it is a scandal that no one has gone to prison.",
     "scandal"),
    ("Trump Faces New Scandal Over Hush Money", "Scandal"),
])
def test_the_coloured_sense_is_still_flagged(lex, sentence, word):
    assert word in flags(lex, sentence)
