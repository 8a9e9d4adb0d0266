"""Matching on real news sentences: every category fires; phrases, inflections, hyphen/apostrophe
variants and case; negation; voice (narrator vs quoted); scare quotes; offsets."""
from __future__ import annotations

import pytest

from framing.lexicon import default_lexicon
from framing.lexicon.build import findings_of
from framing.model import Article
from framing.text import build_doc


@pytest.fixture(scope="module")
def lex():
    return default_lexicon()


def run(lex, text):
    doc = build_doc(Article(id="t", text=text, outlet="Test"))
    found = findings_of(doc, lex)
    for f in found:  # every finding points back to its words
        assert text[f.start:f.end] == f.text
    return found


def by_text(found):
    return {f.text: f for f in found}


CATEGORY_SENTENCES = [
    ("loaded", "The senator delivered a bizarre and disastrous speech that critics called a sham.", "bizarre"),
    ("label", "The regime in Damascus deployed troops against the protesters on Friday.", "regime"),
    ("label", "Police said the terrorists had planned the attack for months.", "terrorists"),
    ("violence", "Witnesses described the massacre in the village as the worst in a decade.", "massacre"),
    ("casualty", "Three soldiers were martyred in the exchange of fire near the border.", "martyred"),
    ("euphemism", "The Pentagon acknowledged that the strike caused collateral damage in the town.", "collateral damage"),
    ("dysphemism", "The columnist called the mayor an idiot in a post on Sunday.", "idiot"),
    ("hedge", "The so-called peace plan was reportedly drafted in Washington.", "so-called"),
    ("intensifier", "Officials described the damage as utterly unprecedented.", "utterly"),
    ("factive", "The report clearly shows that the programme failed its targets.", "clearly"),
    ("solidarity", "The minister thanked the brotherly people of Turkey for their help.", "brotherly"),
    ("initiator", "The army said the strikes were carried out in retaliation for the ambush.", "in retaliation for"),
    ("reporting_neutral", "The spokesman said the talks would resume next week.", "said"),
    ("reporting_endorsing", "The audit revealed that the ministry had overspent by millions.", "revealed"),
    ("reporting_distancing", "The company claimed that the spill was under control.", "claimed"),
    ("reporting_adversarial", "The governor slammed the decision as reckless.", "slammed"),
]


@pytest.mark.parametrize("category,sentence,word", CATEGORY_SENTENCES)
def test_each_category_fires_on_a_real_sentence(lex, category, sentence, word):
    found = by_text(run(lex, sentence))
    assert word in found, sorted(found)
    f = found[word]
    assert f.category == category
    assert f.voice == "narrator" and not f.negated
    assert f.explanation


def test_blamed_and_accused_are_adversarial_but_only_information(lex):
    found = by_text(run(lex, "Kabul blamed Islamabad for the attack and accused it of lying."))
    assert found["blamed"].category == "reporting_adversarial"
    assert found["accused"].category == "reporting_adversarial"
    assert not found["blamed"].flag  # mild: careful reporters write it too
    assert found["lying"].category == "loaded" and found["lying"].flag


def test_labels_for_fighters_are_graded(lex):
    found = by_text(run(lex, "Officials said the militants, whom the group calls martyrs, were insurgents "
                             "and not fighters."))
    assert found["militants"].strength == 2 and found["militants"].flag
    assert found["martyrs"].polarity == 1 and found["martyrs"].strength == 3
    assert found["insurgents"].category == "label"
    assert not found["fighters"].flag


def test_multiword_inflection_hyphen_apostrophe_and_case(lex):
    text = ("So Called experts said dozens lost their lives. The so called “experts” disagreed. "
            "LEFT-WING activists and left wing groups marched. Pakistan’s Fitna al-Khawarij claim was "
            "rejected; Pakistan's army said illegal aliens were detained.")
    found = run(lex, text)
    terms = [(f.text, f.term) for f in found]
    assert ("So Called", "so-called") in terms and ("so called", "so-called") in terms
    assert ("lost their lives", "lost their lives") in terms
    assert ("LEFT-WING", "left-wing") in terms and ("left wing", "left-wing") in terms
    assert ("Fitna al-Khawarij", "fitna al-khawarij") in terms
    assert ("illegal aliens", "illegal aliens") in terms


def test_lemma_and_inflected_forms_match_the_dictionary_form(lex):
    found = by_text(run(lex, "He slams critics, slammed reporters and is slamming judges; leftists "
                             "and anti-vaxxers laid down their lives."))
    assert {found[w].term for w in ("slams", "slammed", "slamming")} == {"slam"}
    assert found["leftists"].term == "leftist"
    assert found["anti-vaxxers"].term == "anti-vaxxer"
    assert found["laid down their lives"].category == "casualty"


def test_derived_adverbs_and_compounds(lex):
    found = by_text(run(lex, "The minister bizarrely praised the liberal-bashing pundits, while "
                             "anti-racist groups marched peacefully."))
    assert found["bizarrely"].term == "bizarrely" and found["bizarrely"].category == "loaded"
    assert found["liberal-bashing"].term == "bash"
    assert "anti-racist" not in found  # a negating prefix keeps "racist" from firing


def test_pos_keeps_a_word_to_its_loaded_use(lex):
    found = by_text(run(lex, "The peace talks collapsed after the attack."))
    assert "talks" not in found  # "talk" is a reporting verb, not the noun
    assert found["attack"].category == "violence"


def test_negation_is_marked_and_kept(lex):
    found = run(lex, "The army said the strike was not unprovoked. The ministry never "
                     "confirmed the figures, but it confirmed the date.")
    assert by_text(found)["unprovoked"].negated
    confirmed = [f.negated for f in found if f.text == "confirmed"]
    assert confirmed == [True, False]  # "but" ends the negated clause
    assert not by_text(run(lex, "The strike was unprovoked."))["unprovoked"].negated


def test_not_only_does_not_negate(lex):
    found = by_text(run(lex, "The crackdown was not only brutal but also illegal."))
    assert not found["brutal"].negated


def test_voice_quoted_words_belong_to_the_speaker(lex):
    text = ("“The regime is a gang of terrorists,” the opposition leader said. "
            "The government rejected the claims.")
    found = run(lex, text)
    voices = {f.text: f.voice for f in found}
    assert voices["regime"] == "quoted" and voices["terrorists"] == "quoted"
    assert voices["claims"] == "narrator"


def test_scare_quotes_without_a_speaker(lex):
    text = ("The army called off what it described as a “surgical strike”. Officials hailed the "
            "“peace process” that left hundreds dead.")
    found = run(lex, text)
    scare = [f for f in found if f.category == "scare_quote"]
    assert [f.text for f in scare] == ["“peace process”"]  # the first quote has a cue: "described"
    inside = [f for f in found if f.term == "peace process"]
    assert inside and all(f.voice == "scare_quote" for f in inside)
    assert scare[0].flag and scare[0].alternative == "peace process"


def test_short_quote_with_cue_after_is_not_a_scare_quote(lex):
    found = run(lex, "“Cowards,” the minister said of the attackers.")
    assert not [f for f in found if f.category == "scare_quote"]
    assert [f.voice for f in found if f.text == "Cowards"] == ["quoted"]


def test_titles_and_named_labels_in_quotation_marks_are_not_scare_quotes(lex):
    # Hand-labelled AllSides quotations (scripts/eval_scare_quotes_allsides.py): a third of what
    # was flagged were names of shows, books and laws, or labels someone gave ("dubbed the ...").
    text = ("She appeared on CNN's “State of the Union” on Sunday. The senator backed the “Dream "
            "Act” again. Colleagues dubbed her the “bat woman” for her field work. The “reforms” "
            "changed little.")
    scare = [f.text for f in run(lex, text) if f.category == "scare_quote"]
    assert scare == ["“reforms”"]


def test_a_capitalised_word_opening_a_sentence_or_all_capitals_can_still_be_a_scare_quote(lex):
    text = "The only thing “SENSITIVE” about the file was its author. “Reforms” followed, on paper."
    scare = [f.text for f in run(lex, text) if f.category == "scare_quote"]
    assert scare == ["“SENSITIVE”", "“Reforms”"]


def test_findings_carry_scores_and_sources(lex):
    f = by_text(run(lex, "The brutal crackdown continued."))["brutal"]
    assert f.valence is not None and f.valence < 0
    assert f.subjectivity is not None and 0 <= f.subjectivity <= 1
    assert f.source.startswith("lexicons/general/") and f.pack == "general"


def test_no_false_fire_inside_words_or_on_plain_text(lex):
    found = run(lex, "The committee met on Tuesday to discuss the budget for schools and roads.")
    assert not [f for f in found if f.flag]


def test_tag_fit_memo_tells_the_tag_before_apart(lex):
    """A headline verb tagged as a plural noun fits a verb row only after a name or pronoun
    ("Trump rips Democrats"), not after a determiner ("The rips in the sail"). The matcher
    remembers its word-class answers across articles by what pos_fit reads, so the same row
    and tag after a different kind of word must still get its own answer, in either order."""
    headline, noun = "Trump rips Democrats over the budget.", "The rips in the sail grew wider."
    for texts in ((headline, noun, headline), (noun, headline, noun)):
        for text in texts:
            found = by_text(run(lex, text))
            if text == headline:
                assert found["rips"].term == "rip"
            else:
                assert "rips" not in found


def test_standard_phrases_hold_their_loaded_word_plain(lex):
    # From hand-labelled AllSides flags (scripts/eval_flags_allsides.py): the loaded word inside a
    # standard phrase is not flagged; alone it still is.
    found = run(lex, "Initial jobless claims rose last week. The children slept in bunk beds. "
                     "She reported sexual harassment at work.")
    assert not [f for f in found if f.flag]
    assert [f.flag for f in run(lex, "The campaign of harassment went on.") if f.term == "harassment"] == [True]
