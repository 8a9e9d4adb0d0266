"""Session 15: matches that use another sense of the row's word are dropped: a word inside a name,
a participle after "have" read as the verb, and the sense cues of framing/data/lexicon_senses.tsv
(docs/accuracy_lexicon.md, "Session 15"). Sentences from AllSides records 1000-1649 (not the
held-out half of the hand-labelled flags, not the unseen records 4900+)."""
from __future__ import annotations

import pytest

from framing.lexicon import default_lexicon
from framing.lexicon.build import findings_of
from framing.lexicon.senses import sense_rules
from framing.model import Article
from framing.text import build_doc


@pytest.fixture(scope="module")
def lex():
    return default_lexicon()


def flags(lex, text):
    doc = build_doc(Article(id="t", text=text, outlet="Test"))
    return {f.text for f in findings_of(doc, lex, scores=False) if f.flag}


@pytest.mark.parametrize("sentence,word", [
    # a word of a name
    ("Patrick Lynch, head of the Police Benevolent Association union, said the proposed cuts will "
     "leave the city less safe.", "Benevolent"),
    ("However, Mr Trump said he was not happy with how Chief Petty Officer Gallagher's trial was "
     "run.", "Petty"),
    ("The interview was provided to the Washington Free Beacon, which reported it on Monday.",
     "Beacon"),
    ("Rep. Louise Slaughter, D-N.Y., the top Democrat on the rules committee, objected.",
     "Slaughter"),
    ("In October Amnesty International accused the Kurdish group YPG of human rights abuses.",
     "Amnesty"),
    # a participle after "have": the verb, not the adjective row
    ("Global confidence in US leadership has fallen to a new low, and the country now ranks below "
     "China.", "fallen"),
    ("The shellacking Republicans took in 2012 has triggered months of consternation.",
     "triggered"),
    # sense cues: the noun an adjective describes
    ("After a background check, the officer arrested McCullough on a warrant for outstanding "
     "traffic tickets.", "outstanding"),
    ("Activists say dozens of people died when government aircraft dropped bombs filled with "
     "toxic chemicals on Douma on Saturday.", "toxic"),
    ("Reuters pieced together the scope of the investigation through juvenile court records.",
     "juvenile"),
    ("The top military target was killed in a firefight with an elite team of Navy SEALs.",
     "elite"),
    ("Last March he suffered a fractured jaw, left arm, pelvis and ribs.", "fractured"),
    # the word after a verb or before a noun
    ("But its origins appear to lie in a cache of documents, made public only last month.",
     "lie"),
    ("As with his podcasts, the audience is made up of people who are busy with their lives.",
     "made up"),
    ("In the early 1990s over 100,000 a year were admitted, many from the former Soviet Union.",
     "admitted"),
    ("He is entitled to a lawyer, to confront the witnesses against him.", "entitled"),
    ("Now that we are months deep into the unemployment crisis, continued claims are arguably a "
     "better measure.", "claims"),
    ("Mr Pence said 311,000 people had registered for disaster assistance.", "disaster"),
    # the topic of the sentences around
    ("The state is grappling with severe flooding in one county after two dams failed.",
     "flooding"),
    ("The association said restaurants should clean and sanitize reusable menus.", "sanitize"),
    ("The sprawling solar farm here is tended by the grass-shearing sheep.", "sheep"),
    # a sense that needs its topic: a police "encounter" hides a killing, a debate one does not
    ("The Democratic incumbent and his rival share the debate stage for the first of three "
     "encounters.", "encounters"),
])
def test_another_sense_is_not_flagged(lex, sentence, word):
    assert word not in flags(lex, sentence)


@pytest.mark.parametrize("sentence,word", [
    # the coloured sense stays
    ("Still, Schumer implied Kavanaugh was lying about the details of his time in the White "
     "House.", "lying"),
    ("Last December, Flynn admitted to also lying to FBI agents about his contacts.", "admitted"),
    ("Lying on this form is considered the equivalent of lying to federal investigators, which "
     "is a felony.", "Lying"),
    ("Global confidence has fallen, and the fallen soldiers were honoured.", "fallen"),
    ("Instead of bolstering the local government, the gusher of cash flooded the country with "
     "money that could not be spent.", "flooded"),
    ("The failed attempt to repeal Obamacare in 2017 proved to be toxic for congressional "
     "Republicans.", "toxic"),
    ("They say Democrats want to destroy our country as we know it.", "destroy"),
    ("Trump called her Crooked Hillary again on Monday.", "Crooked Hillary"),
    ("Abu Yahya, a Sunni Islamist who was there during the strikes, described the raid.",
     "Islamist"),
    ("Fortunately, this constitutional right is not lost on young people.", "Fortunately"),
])
def test_the_coloured_sense_is_still_flagged(lex, sentence, word):
    assert word in flags(lex, sentence)


def test_every_sense_rule_names_a_lexicon_row(lex):
    terms = {e.term for e in lex.entries}
    rules = sense_rules()
    assert rules and not set(rules) - terms
