"""The lexicon stage's per-article shortcuts give the answers of the plain per-token rules.

The stage takes token columns once per article, scores all sentences in one pass and finds quoted
words by quotation instead of by token (see framing/lexicon/context.py). These tests rebuild the
plain answers on real seed articles and compare.
"""
from __future__ import annotations


import pytest

from framing.lexicon import default_lexicon
from framing.lexicon.build import word_voices
from framing.lexicon.context import Context
from framing.lexicon.scores import doc_sentence_scores, sentence_scores
from framing.model import Article
from framing.model.findings import NARRATOR, QUOTED
from framing.text import build_doc


def test_doc_sentence_scores_equal_per_sentence_scores(seed_doc):
    expected = [sentence_scores(seed_doc.sentence_text(i), [t.norm for t in seed_doc.sentence_tokens(i)])
                for i in range(len(seed_doc.sentences))]
    assert doc_sentence_scores(seed_doc) == expected


def test_word_voices_equal_the_per_token_rule(seed_doc):
    ctx = Context(seed_doc, default_lexicon())
    expected = []
    for t in seed_doc.tokens:
        q = ctx.quote_of(t.start) if t.in_quote else None
        expected.append(QUOTED if q is not None and not ctx.is_scare(q) else NARRATOR)
    assert word_voices(seed_doc, ctx) == expected
    assert ctx.is_word == [t.is_word for t in seed_doc.tokens]


@pytest.mark.parametrize("sentence, term, negated", [
    ("The attack was far from unprovoked, officials said.", "unprovoked", True),
    ("The attack was not only brutal but unprovoked.", "brutal", False),
    ("It was never a massacre.", "massacre", True),
    ("They never called it a massacre.", "massacre", False),  # more than three words back
    ("It was a massacre, not a battle.", "massacre", False),
])
def test_negation_by_single_and_multiword_negators(sentence, term, negated):
    lex = default_lexicon()
    d = build_doc(Article(id="n", text=sentence, outlet="t"))
    ctx = Context(d, lex)
    first = next(i for i, t in enumerate(d.tokens) if t.norm == term)
    assert ctx.negated(first) is negated
