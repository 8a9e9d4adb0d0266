"""Tokenising all of an article's sentences in one call gives the sentence-by-sentence tokens.

`tokens_of_sentences` makes one `split` over the whole run of sentences when every gap between
two sentences is white space, and falls back to one call per sentence otherwise; both must give
exactly the concatenation of `tokens_in` over the sentences (offsets, strings, the abbreviation
periods and the "n't" splits), on news text and on strings built to sit on sentence edges.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from framing.text.sentences import paragraph_spans, sentence_bounds
from framing.text.tokenize import tokens_in, tokens_of_sentences

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def _sentences(text):
    spans = [b for p in paragraph_spans(text) for b in sentence_bounds(text, p.start, p.end)]
    return [s for s, _ in spans], [e for _, e in spans]


def _one_by_one(text, starts, ends):
    out = ([], [], [])
    for s, e in zip(starts, ends):
        for col, part in zip(out, tokens_in(text, s, e)):
            col += part
    return out


def _check(text):
    starts, ends = _sentences(text)
    assert tokens_of_sentences(text, starts, ends) == _one_by_one(text, starts, ends)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_articles(path):
    _check(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", [
    "He didn't go. They aren't sure. Can't stop.\nWe won't.",
    "The U.S. envoy met Dr. Khan. J. Smith said so... Then Oct. 5 came.",
    "It ended.\u201cWe will respond,\u201d he said.\u201d Then?No.",  # sentences with no gap
    "See https://example.com/a.b. Then 1.5% rose. Mr. Bean's car's gone.",
    "Kabul\u2019s army said. \u2018Enough\u2019, Islamabad\u2019s man wrote.\x1cNext one.",
    "A sentence.\u3000\u4e2d\u6587 text isn't here. Another one.\u00a0Yes.",
    "Word.\u2029Then. Tab\tend.\x0bMore. \u2014 dash-led.",
    "",
    "No boundary at all",
])
def test_edges(text):
    _check(text)


def test_random_strings():
    rng = random.Random(11)
    pieces = ["Dr", "U.S", "don't", "can\u2019t", "'s", "\u2019re", ".", "...", "?", "!", " ", " ",
              "\n", "\u201c", "\u201d", '"', "'", "J", "Smith", "http://x.org/a", "1.5", "--",
              "\u00a0", "\x1c", "\u3000", "word", "Oct", "a.m", ")", "("]
    for _ in range(400):
        _check("".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))))


@pytest.mark.parametrize("text,n", [
    # Punkt breaks after a party tag's abbreviation; the rest of the sentence goes on after the bracket
    ("Sen. Ben Cardin (D-Md.), who opposes Gorsuch, spoke on Tuesday.", 1),
    ("Sen. Marco Rubio (R-Fla.), Louisiana Gov. Bobby Jindal and House Budget Chairman Paul Ryan (R-Wis.) "
     "are doing nothing to disguise their ambitions.", 1),
    # a bracket closing a sentence of its own, then a new sentence: two
    ("It was over. (The vote came later.) Then silence.", 3),
    # Punkt breaks after "Jr." and again after the bracket that follows it (Washington Post,
    # 2020-04-27, AllSides: the speaker was lost)
    ("House Energy and Commerce Committee Chairman Frank Pallone Jr. (D-N.J.) questioned the White "
     "House's testing blueprint.", 1),
    ("Or you could go to Scott County, Ky. (62 percent Trump), where I was raised.", 1),
    # a bracketed word opening a sentence after a full word's period is a new sentence
    ("First it's going to be assault rifles. (There will be) new bans in the future.", 2),
])
def test_a_sentence_goes_on_after_a_closing_bracket(text, n):
    from framing.model import Article
    from framing.text import build_doc

    assert len(build_doc(Article("t", text, "test")).sentences) == n
