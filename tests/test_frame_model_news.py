"""The shipped frame model on news-style sentences, and the real-news frame labels' scorer.

Session 18 measured the frame model on hand-labelled AllSides sentences for the first time
(scripts/eval_frames_allsides.py): it was right a third of the time, because the lexicon's counts
(reporting verbs, flagged words) pulled real news toward `morality` and `responsibility`, and its
training sentences were short illustrations. The sentences below were written for these tests in
the style of real reports; the session-17 model got five of the six wrong.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from framing.api import analyze_article
from framing.classify import load_model
from framing.model import Article
from framing.resources import Resources

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import eval_frames_allsides as frames_ev  # noqa: E402


@pytest.fixture(scope="module")
def resources():
    return Resources()


def frame_of(text: str, resources) -> str:
    analysis = analyze_article(Article(id="t", text=text, outlet="test"), resources)
    assert len(analysis.sentence_scores) == 1
    return analysis.sentence_scores[0].frame


@pytest.mark.parametrize("text, frame", [
    ("With nearly all precincts reporting, the governor had 52.4 percent of the vote to 46.1 percent "
     "for her Republican challenger, according to unofficial results.", "political"),
    ("A survey of 1,200 adults found that 61 percent of independents disapprove of the way the "
     "senator has handled the nomination fight.", "political"),
    ("The foreign minister rejected the prime minister's claims on Tuesday, insisting that no "
     "promise had been made to expand the alliance's joint patrols.", "diplomacy"),
    ("The appeals court declined to revisit its earlier ruling, citing decades of precedent that it "
     "said bound the judges to leave the statute in place.", "legality"),
    ("The deal would cut the corporate tax rate and raise the standard deduction, which critics said "
     "would add nearly $1 trillion to the deficit.", "economic"),
    ("Prosecutors said the former county treasurer had slammed investigators as biased before "
     "admitting that he moved $2 million into his own accounts.", "legality"),
])
def test_news_style_sentences_get_their_frame(text, frame, resources):
    assert frame_of(text, resources) == frame


def test_reporting_verbs_and_flagged_words_do_not_pick_the_frame(resources):
    """The frame model has no lexicon block: the counts of reporting verbs and flagged words that
    tied sentences to `morality` in the written data carry no weight."""
    model = load_model(ROOT / "framing" / "models" / "frame.json")
    lo, hi = model.extractor.blocks_["lexicon"]
    assert lo == hi and model.extractor.config.lexicon is False
    bias = load_model(ROOT / "framing" / "models" / "bias.json")
    assert bias.extractor.config.lexicon is True  # loaded words are what the bias model is about


def test_scores_of_the_real_news_scorer():
    pairs = [("political", "political"), ("political", "other"), ("legality", "legality"),
             ("other", "other"), ("other", "political")]
    assert frames_ev.accuracy(pairs) == pytest.approx(3 / 5)
    # political P 1/2 R 1/2, legality 1/1, other P 1/2 R 1/2: F1 0.5, 1, 0.5
    assert frames_ev.macro_f1(pairs) == pytest.approx((0.5 + 1 + 0.5) / 3)
    # observed 0.6; chance: political 2x2, legality 1x1, other 2x2 over 25 = 0.36
    assert frames_ev.kappa(pairs) == pytest.approx((0.6 - 0.36) / (1 - 0.36))
    assert frames_ev.kappa([("conflict", "conflict")] * 3) == 0.0  # chance is certain: no signal
