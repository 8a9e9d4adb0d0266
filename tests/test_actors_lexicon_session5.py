"""Session-5 shortcuts of the actors and lexicon stages give the answers of the plain rules.

- token text bits from the first character (tokenflags.text_bits) equal the whole-text memo;
- the sparse word-bit lists (pronouns, clause words, agency and initiator starts) equal the lists
  read off the bits of every token;
- token offsets found by bisection (tokenflags.index_at) equal offset -> index dicts;
- Gazetteer.find_hits over the blanked text lists the hits Gazetteer.find lists, at word edges,
  hyphens, apostrophes and in non-ASCII text;
- the negation pre-check (no negator word in the widest window) and the per-sentence rows of the
  lexicon summary equal the plain rules.
"""
from __future__ import annotations

import pytest

from framing.actors import tokenflags as tf
from framing.lexicon import load_lexicon
from framing.lexicon.context import CLAUSE_BREAKS, NEGATION_WINDOW, NOT_NEGATING_NEXT, Context
from framing.lexicon.summary import _sentences
from framing.lexicon.build import findings_of
from framing.model import Article
from framing.text import build_doc
from framing.text.columns import columns

NEWS = ("(AP) \u2014 Mr. Asif said: \u201cWe will not respond -- yet.\u201d But Pakistan's army, "
        "the U.S.-backed forces and al-Qaeda fighters (AQAP) clashed near Kabul; \u00c9milie "
        "Dupont, 42, did not deny it. \u2167 Louis was never an anti-war figure, officials said, "
        "and they agreed.")


@pytest.fixture(scope="module")
def news_doc():
    return build_doc(Article(id="s5", text=NEWS, outlet="x"))


@pytest.mark.parametrize("texts", [
    ["Kabul", "said", "(", ";", ":", "--", "-", "\u2014", "\u2013", "42", "\u00c9milie", "\u00e9t\u00e9",
     "\u2167", "\u2167a", "'s", "\u201c", "U.S.", "_x", "(AP", ":-)", "-ish"],
    [],
])
def test_text_bits_equal_the_whole_text_rule(texts):
    assert tf.text_bits(texts) == [tf._text_bits(t) for t in texts]


def test_text_bits_of_real_tokens(seed_doc, news_doc):
    for doc in (seed_doc, news_doc):
        texts = columns(doc).texts
        assert tf.text_bits(texts) == [tf._text_bits(t) for t in texts]


def test_sparse_word_lists_equal_the_bit_columns(seed_doc, news_doc, gaz):
    for doc in (seed_doc, news_doc):
        flags = tf.TokenFlags(doc, tf._word_bits(gaz))
        word, norm = flags.word, flags.norm  # built on demand, from every token
        assert word == [n | tf._word_bits(gaz)[lem] for n, lem in zip(norm, columns(doc).lemmas)]
        assert flags.agency == flags.indices(word, tf.AGENCY)
        assert flags.initiator == flags.indices(word, tf.INITIATOR)
        assert flags.pronouns == flags.indices(norm, tf.PRONOUN)
        splits = sorted(set(flags.indices(norm, tf.SPLIT_WORD)) | set(flags.indices(flags.text, tf.SPLIT_PUNCT)))
        assert flags.splits == splits
        assert flags.paren == flags.indices(flags.text, tf.PAREN)
    assert flags.pronouns and flags.splits and flags.paren  # the news text has each


def test_index_at_equals_offset_dicts(seed_doc):
    toks = seed_doc.tokens
    cols = columns(seed_doc)
    starts, ends = cols.starts, cols.ends
    assert starts == [t.start for t in toks] and ends == [t.end for t in toks]
    by_start = {t.start: i for i, t in enumerate(toks)}
    by_end = {t.end: i for i, t in enumerate(toks)}
    for offset in range(len(seed_doc.text) + 2):
        assert tf.index_at(starts, offset) == by_start.get(offset, -1)
        assert tf.index_at(ends, offset) == by_end.get(offset, -1)
    assert tf.index_at([3, 5, 5, 9], 5) == 2  # equal offsets: the last one, as a dict keeps it
    assert tf.index_at([], 0) == -1


@pytest.mark.parametrize("text", [
    NEWS,
    "US-backed, pro-US and US-led: the US, the UN's envoy and 'US' officials; Mr.Smith met Mr. Smith.",
    "Al Qaeda, al-Qaeda and AL-QAEDA; Lt. Gen. Asim Munir; Maj.Gen. X; the National Liberation Army "
    "(Colombia) and the ELN.",
    "\u00c9TATS-UNIS: Iran\u2019s envoy in T\u00fcrkiye said \u4e2d\u56fd and the EU\u00a0said no.",
    "",
])
def test_find_hits_equal_find_on_hard_edges(gaz, text):
    plain = [(m.start, m.start - m.end, m.layer, m.end, m.payload) for m in gaz.find(text)]
    assert gaz.find_hits(text) == plain
    unsorted = gaz.find_hits(text, sort=False)
    assert sorted(unsorted, key=lambda h: (h[0], h[1], h[2])) == plain


def _plain_negated(ctx, first):
    """Context.negated without the pre-check."""
    if first == 0:
        return False
    tokens, norms = ctx.tokens, ctx.norms
    sentence = tokens[first].sentence
    lo, steps = first, 0
    while lo > 0 and steps < NEGATION_WINDOW:
        if tokens[lo - 1].sentence != sentence or norms[lo - 1] in CLAUSE_BREAKS:
            break
        lo -= 1
        steps += 1
    for k in range(lo, first):
        norm, lemma = norms[k], tokens[k].lemma
        if norm in ctx.neg_single or lemma in ctx.neg_single:
            if (norms[k + 1] if k + 1 < len(norms) else "") not in NOT_NEGATING_NEXT:
                return True
        for words in ctx._neg_first.get(norm, []) + (ctx._neg_first.get(lemma, []) if lemma != norm else []):
            if k + len(words) <= first and all(norms[k + m] == w or tokens[k + m].lemma == w
                                               for m, w in enumerate(words)):
                return True
    return False


def test_negation_precheck_equals_the_plain_rule(seed_doc, news_doc):
    lex = load_lexicon()
    for doc in (seed_doc, news_doc):
        ctx = Context(doc, lex)
        got = [ctx.negated(i) for i in range(len(doc.tokens))]
        assert got == [_plain_negated(ctx, i) for i in range(len(doc.tokens))]
    assert any(got)  # "did not deny", "was never an anti-war figure"


def test_sentence_rows_equal_the_plain_rows(seed_doc):
    lex = load_lexicon()
    findings = findings_of(seed_doc, lex)
    n = len(seed_doc.sentences)
    shares, scores = [0.0] * n, [(0.1, 0.2)] * n
    rows = _sentences(seed_doc, findings, shares, scores)
    for i, row in enumerate(rows):
        ix = [k for k, f in enumerate(findings) if f.sentence == i]
        assert row == {"sentence": i, "vader": 0.1, "subjectivity": 0.2, "quote_share": 0.0,
                       "flags": sum(1 for k in ix if findings[k].flag), "findings": ix}
    assert any(row["flags"] for row in rows)


def test_quoted_tokens_are_the_quoted_voices(seed_doc, news_doc):
    from framing.lexicon.build import word_voices_quoted
    from framing.model.findings import QUOTED

    lex = load_lexicon()
    for doc in (seed_doc, news_doc):
        voices, quoted = word_voices_quoted(doc, Context(doc, lex))
        assert quoted == [k for k, v in enumerate(voices) if v == QUOTED]
    assert quoted  # the news text quotes Mr. Asif
