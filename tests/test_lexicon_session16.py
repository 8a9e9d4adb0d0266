"""Session 16's lexicon changes on real news sentences (AllSides records 3400-3999 and 6100-6295,
read after the change; docs/accuracy_lexicon.md, "Session 16"): a verb row on a word the tagger
took for a noun where only a verb fits, new rows for loaded verbs, adjectives and idioms, and two
sense cues for the literal "poison" and "strangle"."""
from __future__ import annotations

import pytest

from framing.lexicon.matcher import verb_slot
from framing.model import Article
from framing.text import build_doc
from test_lexicon_session13 import flags, lex  # noqa: F401  (the lexicon fixture, a text's flags)


@pytest.mark.parametrize("sentence,word,term", [
    # after a subject pronoun
    ("So they prey on their vulnerabilities and scare them with misinformation for the cynical "
     "purpose of winning the next election.", "prey", "prey"),
    # before an object pronoun, in a list of verbs
    ("He meddles with NATO powers, trolls them, harasses them, and threatens them.",
     "harasses", "harass"),
    # after a finite verb and "and"
    ("They hope to someday go back to when they could pose and posture and pretend to be fighting "
     "the good fight.", "posture", "posture"),
    # after a relative pronoun, and before "and" with a verb of its own form
    ("It's unclear who on the GOP side of the aisle may be willing to call out the Trump "
     "Administration if they bungle this matter.", "bungle", "bungle"),
])
def test_a_verb_row_fits_a_noun_tag_where_only_a_verb_can_stand(lex, sentence, word, term):
    found = flags(lex, sentence)
    assert word in found and found[word].term == term


@pytest.mark.parametrize("sentence,word", [
    # a noun that ends a verb phrase, then another verb: not a verb slot
    ("Among those suspended was Richard Spencer, who runs an alt-right think tank and had a "
     "verified account on Twitter.", "tank"),
    ("Richard Gowan, a senior fellow at the United Nations University think tank, said other world "
     "leaders have a pretty dim view of Trump.", "tank"),
    ("What started as a trickle is now more like a flood, said Dennis Slater, president of the "
     "Association of Equipment Manufacturers.", "flood"),
])
def test_a_noun_before_a_comma_or_another_verb_stays_a_noun(lex, sentence, word):
    assert word not in flags(lex, sentence)


def test_verb_slot_reads_the_words_around():
    doc = build_doc(Article(id="t", text="The party coddles and encourages these groups.",
                            outlet="Test"))
    i = next(k for k, t in enumerate(doc.tokens) if t.norm == "coddles")
    if doc.tokens[i].pos in ("NN", "NNS"):
        assert verb_slot(doc.tokens, i)
    doc = build_doc(Article(id="t", text="The rips in the sail grew wider.", outlet="Test"))
    i = next(k for k, t in enumerate(doc.tokens) if t.norm == "rips")
    assert not verb_slot(doc.tokens, i)


@pytest.mark.parametrize("sentence,word,term", [
    ("This can only make even more difficult the life of the lone ranger trying to restore the "
     "concept of fiduciary responsibility to corporations steadily lurching leftward.",
     "lurching", "lurch"),
    ("Even the Wall Street Journal has labeled him part of a \u201ckamikaze caucus\u201d that is "
     "dooming conservatives\u2019 prospects.", "dooming", "doom"),
    ("Lee waved away concerns about the impact of cheap imported labor on wages.",
     "waved away", "wave away"),
    ("BLM glorifies Shakur as a hero and uses her writings and materials during training sessions.",
     "glorifies", "glorify"),
    ("We heard the same tired tirades about Obamacare, ignorant kids lionizing Che Guevara and the "
     "Marxism found in academia.", "lionizing", "lionize"),
    ("Horowitz has been probing how the infamous and salacious anti-Trump dossier was used to "
     "secure the original FISA warrant.", "salacious", "salacious"),
    ("Indeed, the Court's decision was a stinging reminder that there remain real differences "
     "between the two major political parties.", "stinging", "stinging"),
    ("Most of the marijuana world saw it coming, but they freaked out anyway.",
     "freaked out", "freak out"),
    ("It would be almost amusing if it weren\u2019t so tragic.", "amusing", "amusing"),
])
def test_new_rows_flag_their_loaded_sense(lex, sentence, word, term):
    found = flags(lex, sentence)
    assert word in found and found[word].term == term


@pytest.mark.parametrize("sentence,word", [
    ("The two men who are accused of poisoning Litvinenko have suggested he might have poisoned "
     "himself, either intentionally or accidentally.", "poisoned"),
    ("Leija refused it, claiming that the hospital staff was trying to poison him.", "poison"),
])
def test_poison_of_a_person_is_literal(lex, sentence, word):
    assert word not in flags(lex, sentence)


def test_poison_as_a_figure_is_still_flagged(lex):
    assert "poisoned" in flags(lex, "The feud has poisoned the debate over the budget.")


def test_a_phrase_varies_its_verb_and_its_noun_at_once(lex):
    from framing.lexicon.keys import phrase_variants

    assert "sold their souls" in phrase_variants("sell their soul")
    assert "lined their pockets" in phrase_variants("line their pockets")  # a plural already
    found = flags(lex, "And although nearly every Republican has sold their souls to Trump, none "
                       "of them want to cross someone with the moral authority of Gen. Mattis.")
    assert found["sold their souls"].term == "sell their soul"


@pytest.mark.parametrize("sentence,word,term", [
    ("He then banked on a big showing in New Hampshire but a stunningly poor debate performance "
     "led to a dismal fifth place.", "stunningly", "stunningly"),
    ("So long as those who oppose him nevertheless dutifully incant praises to his intellect, Cruz "
     "has them right where he wants them.", "dutifully", "dutifully"),
    ("The Marshall Plan was a transnational do-gooder scheme cooked up by a bunch of Ivy League "
     "eggheads.", "eggheads", "egghead"),
    ("Some Republicans are smart enough to avoid the blunder that quislings like Tennessee\u2019s "
     "Lamar Alexander would have them commit.", "quislings", "quisling"),
])
def test_rows_from_an_editors_list(lex, sentence, word, term):
    found = flags(lex, sentence)
    assert word in found and found[word].term == term


@pytest.mark.parametrize("sentence,word,term", [
    ("Flynn, 43, said he didn't care for mudslinging on either side of the campaign.",
     "mudslinging", "mudslinging"),
    ("It looks like a hit job.", "hit job", "hit job"),
    ("The other networks all ignored the kerfuffle over the Rhodes boasts as some sort of "
     "inside-the-Beltway snoozefest.", "kerfuffle", "kerfuffle"),
])
def test_nouns_that_colour_a_dispute(lex, sentence, word, term):
    found = flags(lex, sentence)
    assert word in found and found[word].term == term


@pytest.mark.parametrize("sentence,word,term", [
    ("Trump routinely orders news camera operators to pan the crowds at his rallies to show how "
     "large the gatherings are \u2014 and then chastises them, with disgust, when they fail to "
     "obey.",
     "chastises", "chastise"),
    ("Here's the clip of Hillary upbraiding generous benefactors of her family foundation for "
     "enabling terrorist financing.", "upbraiding", "upbraid"),
])
def test_verbs_that_colour_speech(lex, sentence, word, term):
    found = flags(lex, sentence)
    assert word in found and found[word].term == term
