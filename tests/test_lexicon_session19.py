"""Session 19's lexicon and bias-model changes on real news sentences (docs/accuracy_lexicon.md,
"Session 19"): idioms of judgement an editor would change ("dig in their heels", "at best",
"slap on the wrist", "moving the goalposts", "under the bus" ...,
`lexicons/general/loaded_idioms.tsv`), sense cues for plain uses ("stood with their hands over
their hearts", "claimed victory"), and the bias model retrained with them and with new rows of
`data/labels/bias.csv`. Sentences from AllSides records 0-5799 (never the records 5800-5999 read
after the change), none from BABE."""
from __future__ import annotations

import pytest

from test_lexicon_session13 import flags, lex  # noqa: F401  (the lexicon fixture, a text's flags)


@pytest.mark.parametrize("sentence,found,term", [
    ("Hours after the House voted, debate in the upper chamber devolved into a partisan "
     "blame-game, with Democratic and Republican leaders digging in their heels.",
     "digging in their heels", "dig in their heels"),
    ("Writing the same day in USA Today, Boehner dug in his heels on the issue.",
     "dug in his heels", "dig in his heels"),
    ("The current state of affairs in this country concerning criminal justice is dismal at best.",
     "at best", "at best"),
    ("Trump celebrated his strikes against President Obama's signature health care law and "
     "reveled in the damage it had done to insurance stock prices.", "reveled in", "revel in"),
    ("The climate of fear and hate is exacerbated through speeches that give red meat to the "
     "more militant activists.", "red meat to", "red meat to"),
    ("But the HRC keeps moving the goalposts.", "moving the goalposts", "move the goalposts"),
    ("The dizzying pace of developments was remarkable even for Trump.", "dizzying", "dizzying"),
    ("But Trump's decision on Iran is the latest slap in the face for European allies.",
     "slap in the face", "slap in the face"),
    ("The girlfriend received a slap on the wrist and 180 days of house arrest.",
     "slap on the wrist", "slap on the wrist"),
    ("It had the feel of a career lawyer striking a blow at a White House that had thrown him "
     "under the bus.", "under the bus", "under the bus"),
    ("But the 1994 crime bill also serves as the poster child for the mass-incarceration "
     "movement that swept states.", "poster child", "poster child"),
    ("With the decision expected to be released Monday or Thursday, anticipation reached a fever "
     "pitch last week.", "fever pitch", "fever pitch"),
    ("Hence, the bunker mentality, coupled with a weak post-election response.",
     "bunker mentality", "bunker mentality"),
    ("The emerging convention wisdom is that this whole issue is a hyped-up nothingburger.",
     "nothingburger", "nothingburger"),
])
def test_new_idiom_rows_flag(lex, sentence, found, term):
    got = flags(lex, sentence)
    assert found in got and got[found].term == term, got


@pytest.mark.parametrize("sentence,word", [
    # standing with one's hands on one's heart is a posture, not taking someone's side
    ("The president and first lady stood with their hands over their hearts as a bell tolled at "
     "8:46 a.m.", "stood with"),
    ("Cleveland made a public show of support for social justice before its 5-3 win, standing "
     "with their right hands over their hearts.", "standing with"),
    # winning a race or a seat is claimed plainly
    ("Hillary Clinton claimed victory over Bernie Sanders on Tuesday night in Kentucky.",
     "claimed"),
    ("Caleb Frostman, the Democrat running in Wisconsin State Senate District 1, claimed victory "
     "in Tuesday's special election.", "claimed"),
])
def test_a_plain_use_is_not_flagged(lex, sentence, word):
    assert word not in flags(lex, sentence)


@pytest.mark.parametrize("sentence,word", [
    ("The United States stands with the people and Government of Pakistan at this difficult "
     "hour.", "stands with"),
    ("He claimed that the vote was rigged.", "claimed"),
])
def test_the_coloured_sense_is_still_flagged(lex, sentence, word):
    assert word in flags(lex, sentence)


def test_a_literal_fall_under_a_bus_is_not_the_idiom(lex):
    # (a written sentence: AllSides records 0-5799 hold no literal use; all six are the idiom)
    assert "under the bus" not in flags(lex, "A cyclist was injured after falling under the bus.")


def test_shipped_bias_model_reads_the_idioms_and_the_plain_uses():
    """The session-18 model called these AllSides sentences neutral (0.12-0.22) and the plain
    posture and election-night sentences biased (0.84, 0.76)."""
    from framing.classify import inputs_from_texts, load_default_model
    from framing.resources import Resources

    model = load_default_model("bias")
    loaded = ["Writing the same day in USA Today, Boehner dug in his heels on the issue.",
              "But the HRC keeps moving the goalposts.",
              "The girlfriend received a slap on the wrist and 180 days of house arrest."]
    plain = ["The president and first lady stood with their hands over their hearts as a bell "
             "tolled at 8:46 a.m.",
             "Hillary Clinton claimed victory over Bernie Sanders on Tuesday night in Kentucky, "
             "with fewer than two thousand votes separating the two Democratic primary "
             "contenders, while Sanders won Oregon less than an hour after the polls closed."]
    p = model.predict_proba(inputs_from_texts(loaded + plain, Resources()))[:, model.labels.index("biased")]
    assert all(x > 0.5 for x in p[:3]), p
    assert all(x < 0.5 for x in p[3:]), p
