"""A paragraph whose only ".", "?" or "!" is its last character is one sentence without Punkt.

`sentence_bounds` skips Punkt there (a third of news paragraphs): its boundary pattern needs a
character after the mark, so it finds no candidate and returns the paragraph whole. Checked
against nltk's own Punkt on such paragraphs, news-like and odd.
"""
from __future__ import annotations

import pytest

from framing.text.sentences import _punkt, sentence_bounds


@pytest.mark.parametrize("para", [
    "Pakistan said the strikes targeted militant hideouts along the border.",
    "Why?",
    "!",
    "The U.S envoy met officials in Kabul on Sunday!",
    "\u201cWe will respond,\u201d the minister said, calling the attack unprovoked?",
    "A headline without a final mark, then one .",
    "Dr Khan, the army\u2019s spokesman, spoke at 10:41 a\u2019m.",
])
def test_single_final_mark_is_one_sentence_as_punkt_says(para):
    assert sentence_bounds(para, 0, len(para)) == [(0, len(para))]
    assert _punkt().span_tokenize(para) == [(0, len(para))]
    assert _punkt().reference_spans(para) == [(0, len(para))]


def test_offsets_inside_a_longer_text():
    text = "Title line\nHe left. She stayed.\nOnly one here."
    assert sentence_bounds(text, 32, len(text)) == [(32, len(text))]
    assert sentence_bounds(text, 11, 31) == [(11, 19), (20, 31)]
