"""Session-10 shortcuts of the actors stage give the answers of the plain rules they replace.

- the sentence column of the token flags equals Token.sentence, also for a Doc whose sentences do
  not cover its tokens one after the other (then it is read off the tokens);
- "(" and the clause punctuation found among the texts whose bits are looked up whole equal those
  found by scanning the bits of every token, in text with curly quotes, dashes and accents;
- the mention finder's token ranges, handed to the agency finder, give the token tables that
  bisection of the mentions' offsets gives;
- the per-article name-token flags equal the capitalised-word rules asked token by token.
"""
from __future__ import annotations

from dataclasses import replace

from framing.actors import tokenflags as tf
from framing.actors.agency import AgencyFinder
from framing.actors.mentions import _NAME_TAGS, MentionFinder
from framing.model import Article
from framing.text import build_doc
from framing.text.columns import columns

NEWS = ("\u201cWe will respond,\u201d Defence Minister Khawaja Asif said on Tuesday \u2014 but Kabul "
        "denied it; \u00c9milie Dupont (AFP) said Mr. King and the Pakistani army, not the Taliban, "
        "opened fire: 23 soldiers were killed. THE END -- Pakistan's officials said they agreed.")


def test_sentence_column_equals_token_sentences(seed_doc):
    doc = build_doc(Article(id="s10", text=NEWS, outlet="x"))
    for d in (seed_doc, doc):
        assert tf.sentence_column(d) == [t.sentence for t in d.tokens]
    # sentences that leave a gap: the column is read off the tokens
    gapped = replace(doc, sentences=doc.sentences[1:])
    assert tf.sentence_column(gapped) == [t.sentence for t in doc.tokens]


def test_paren_and_clause_punctuation_found_among_whole_lookups(seed_doc, gaz):
    doc = build_doc(Article(id="s10", text=NEWS, outlet="x"))
    for d in (seed_doc, doc):
        flags = tf.TokenFlags(d, tf._word_bits(gaz))
        assert flags.text == [tf._text_bits(t) for t in columns(d).texts]
        assert flags.paren == flags.indices(flags.text, tf.PAREN)
        punct = flags.indices(flags.text, tf.SPLIT_PUNCT)
        assert sorted(set(flags.splits) & set(punct)) == punct
    assert tf.TokenFlags(doc, tf._word_bits(gaz)).paren  # the text holds "(AFP)"


def test_agency_token_ranges_equal_bisection(seed_doc, gaz):
    doc = build_doc(Article(id="s10", text=NEWS, outlet="x"))
    for d in (seed_doc, doc):
        finder = MentionFinder(gaz)
        mentions = finder.find(d)
        assert mentions and len(finder.token_ranges) == len(mentions)
        plain = AgencyFinder(d, gaz, mentions)
        given = AgencyFinder(d, gaz, mentions, finder.token_ranges)
        assert list(given.m_range.items()) == list(plain.m_range.items())
        assert list(given.m_by_tok.items()) == list(plain.m_by_tok.items())


def test_name_flags_follow_the_capitalised_word_rules(seed_doc, gaz):
    doc = build_doc(Article(id="s10", text=NEWS, outlet="x"))
    for d in (seed_doc, doc):
        finder = MentionFinder(gaz)
        finder.find(d)
        names = finder._names
        for i, t in enumerate(d.tokens):
            if names[i]:  # a capitalised word, no gazetteer name, with a name's tag or seen mid-sentence
                assert t.text[:1].isupper() and t.text[:1].isalpha() and t.norm != "'s"
                assert i not in finder.ent
                assert t.pos in _NAME_TAGS or t.norm in finder.mid_caps or \
                    finder.cov_ttl[i - 1] is not None
    texts = [t.text for t in doc.tokens]
    names = finder._names
    assert names[texts.index("Dupont")] and names[texts.index("King")]  # "Mr. King": after an honorific
    assert not names[texts.index("Kabul")]  # a gazetteer name
    assert not names[texts.index("THE")]  # all capitals: an acronym's shape
    assert not names[texts.index("We")]  # a function word
