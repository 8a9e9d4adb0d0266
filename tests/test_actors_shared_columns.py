"""Round 2 shortcuts of the actors stage give the answers of the plain code they replace.

- `Gazetteer.find_hits` (plain tuples, boundary test inside the automaton loop) lists the same hits,
  in the same order, as `Gazetteer.find`.
- `framing.text.columns` hands the lexicon and actors stages one set of token columns per Doc:
  equal to reading the Token attributes, rebuilt for another Doc (never stale).
- The initiator finder runs a cue type's rules only where a word of that type starts: the frames
  equal those found when every rule runs at every head token.
"""
from __future__ import annotations


import pytest

from framing.actors.agency import find_agency
from framing.actors.initiator import InitiatorFinder
from framing.actors.mentions import find_mentions
from framing.text.columns import columns
from framing.model import Article
from framing.text import build_doc


def test_find_hits_equal_find(seed_doc, gaz):
    plain = [(m.start, m.start - m.end, m.layer, m.end, m.payload) for m in gaz.find(seed_doc.text)]
    assert plain  # the seed articles name countries and officials
    assert gaz.find_hits(seed_doc.text) == plain


@pytest.mark.parametrize("text", [
    "Pak-Afghan ties frayed; Pakistan's army and the U.S. envoy met in Kabul-based talks.",
    "Iran\u2019s foreign ministry said Tehran \u201cwould respond\u201d to Israel.",
    "Afghanistan",  # a hit spanning the whole text: the padding stands for the edges
    "pre-Taliban era, the Taliban-led government and the Taliban",
])
def test_find_hits_equal_find_at_word_edges(gaz, text):
    assert gaz.find_hits(text) == [(m.start, m.start - m.end, m.layer, m.end, m.payload)
                                   for m in gaz.find(text)]


def test_columns_equal_token_attributes_and_follow_the_doc(seed_doc):
    cols = columns(seed_doc)
    toks = seed_doc.tokens
    assert cols.texts == [t.text for t in toks]
    assert cols.norms == [t.norm for t in toks]
    assert cols.lemmas == [t.lemma for t in toks]
    assert cols.tags == [t.pos for t in toks]
    assert cols.starts == [t.start for t in toks]
    assert cols.ends == [t.end for t in toks]
    assert cols.in_quote == [t.in_quote for t in toks]
    assert columns(seed_doc) is cols  # built once per Doc
    other = build_doc(Article(id="o", text="Officials in Kabul denied it.", outlet="x"))
    assert columns(other).texts == ["Officials", "in", "Kabul", "denied", "it", "."]
    assert columns(seed_doc) is not cols and columns(seed_doc).norms == cols.norms  # rebuilt, same values


def test_initiator_type_guard_keeps_the_frames(gaz):
    text = ("Pakistan launched retaliatory strikes in response to the unprovoked attack by the "
            "Taliban. The clashes were instigated by militants, officials said, after the Taliban "
            "attacked border posts. Kabul retaliated on Sunday.")
    doc = build_doc(Article(id="i", text=text, outlet="x"))
    mentions = find_mentions(doc, gaz)
    _, records, finder = find_agency(doc, gaz, mentions)
    fast = InitiatorFinder(doc, gaz, finder, records).find()
    assert fast  # the cues above cast an initiator and a responder
    plain = InitiatorFinder(doc, gaz, finder, records)
    every = frozenset(ctype for ctype, _ in plain.first)
    plain._types = lambda t: every  # run every rule block at every head token
    plain.in_purpose = set()
    for i in plain.head_index:
        for c, n in plain._phrases("purpose", i):
            plain.in_purpose.update(range(i, i + n))
    assert plain.find() == fast
