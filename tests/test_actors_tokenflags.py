"""The session-3 shortcuts of the actors and lexicon stages give the answers of the plain rules.

Per-token bits (framing.actors.tokenflags) replace a pass over the token strings per question; the
gazetteer folds a whole article through a regular expression instead of a table lookup per
character; the matcher remembers its choice of row per (rows, tag, word, previous tag). These tests
rebuild the plain answers on real seed articles and news sentences and compare.
"""
from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from framing.actors import tokenflags as tf
from framing.actors.agency import _any_word
from framing.actors.mentions import PRONOUNS
from framing.actors.tone import SPLIT_PUNCT, SPLIT_WORDS
from framing.gazetteer import _FOLD_TABLE, _fold_long, fold
from framing.lexicon import load_lexicon
from framing.lexicon.build import findings_of
from framing.model import Article
from framing.text import build_doc
from framing.text.columns import columns

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
NEWS = ("He said the Taliban (TTP) had attacked; but she denied it \u2014 they retaliated in "
        "response to the strikes, Mr. Asif told Reuters. \u201cWe will respond,\u201d Iran\u2019s "
        "Foreign Minister said after Pakistani forces killed 23 militants.")


@pytest.fixture(scope="module", params=[None] + SEEDS[:3], ids=lambda p: p.stem if p else "news")
def doc(request):
    text = NEWS if request.param is None else request.param.read_text(encoding="utf-8")
    return build_doc(Article(id="t", text=text, outlet="seed"))


def test_flags_answer_the_per_token_questions(doc, gaz):
    flags = tf.token_flags(doc, gaz)
    assert tf.token_flags(doc, gaz) is flags and tf.last_flags(doc) is flags  # built once per Doc
    cols = columns(doc)
    heads = tf.initiator_heads(gaz)
    words = _any_word(gaz)
    for i, t in enumerate(doc.tokens):
        text, norm, lemma = cols.texts[i], cols.norms[i], cols.lemmas[i]
        cap = text[:1].isupper() and any(c.isalpha() for c in text)
        assert bool(flags.text[i] & tf.CAP) == cap, text
        assert bool(flags.text[i] & tf.ALPHA1) == text[:1].isalpha(), text
        assert bool(flags.text[i] & tf.PAREN) == (text == "("), text
        assert bool(flags.text[i] & tf.SPLIT_PUNCT) == (text in SPLIT_PUNCT), text
        assert bool(flags.norm[i] & tf.PRONOUN) == (norm in PRONOUNS), norm
        assert bool(flags.norm[i] & tf.SPLIT_WORD) == (norm in SPLIT_WORDS), norm
        assert bool(flags.word[i] & tf.AGENCY) == (words[lemma] or words[norm]), (norm, lemma)
        assert bool(flags.word[i] & tf.INITIATOR) == (norm in heads or lemma in heads), (norm, lemma)
    assert flags.indices(flags.norm, tf.PRONOUN) == [i for i, n in enumerate(cols.norms) if n in PRONOUNS]


def test_news_sentence_sets_the_bits_it_should(gaz):
    doc = build_doc(Article(id="n", text=NEWS, outlet="x"))
    flags = tf.token_flags(doc, gaz)
    norms = columns(doc).norms
    on = {norms[i] for i in flags.indices(flags.norm, tf.PRONOUN)}
    assert on == {"he", "she", "they"}
    assert "but" in {norms[i] for i in flags.indices(flags.norm, tf.SPLIT_WORD)}
    assert {"(", ";"} <= {columns(doc).texts[i] for i in flags.indices(flags.text, tf.PAREN | tf.SPLIT_PUNCT)}


def test_clause_words_are_the_tone_module_sets():
    assert SPLIT_WORDS == set(tf.CLAUSE_WORDS) and SPLIT_PUNCT == set(tf.CLAUSE_PUNCT)
    assert set(PRONOUNS) == tf._PRONOUNS


@pytest.mark.parametrize("text", [
    NEWS * 3,
    "plain ascii text, Upper Case and digits 123 " * 4,
    "Caf\u00e9 \u00c9lys\u00e9e \u2014 \u201cS\u00e3o Paulo\u201d \u00df \u0130stanbul \u2160 \u212a" * 3,
    "Stra\u00dfe \u0130zmir \ufb01nal \u1e9e " * 10,
])
def test_fold_of_a_long_text_equals_the_character_table(text):
    assert len(text) > 80
    assert _fold_long(text) == text.translate(_FOLD_TABLE) == fold(text)
    assert len(fold(text)) == len(text)


def test_matcher_memo_gives_the_same_findings_and_is_not_pickled():
    lexicon = load_lexicon()
    docs = [build_doc(Article(id=p.stem, text=p.read_text(encoding="utf-8"), outlet="seed"))
            for p in SEEDS[:3]]
    lexicon.matcher._best_memo.clear()
    cold = [findings_of(d, lexicon) for d in docs]
    assert lexicon.matcher._best_memo  # filled
    warm = [findings_of(d, lexicon) for d in docs]
    assert warm == cold
    assert pickle.loads(pickle.dumps(lexicon.matcher))._best_memo == {}


def test_actors_tag_lexicon_does_not_import_nltk():
    code = ("import sys; from framing.actors import mentions; before = 'nltk' in sys.modules; "
            "lex = mentions._tag_lexicon(); assert lex.get('the') == 'DT'; "
            "print(before, 'nltk' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, after = out.stdout.split()
    assert after == before  # reading the tag lexicon imported no nltk


def test_initiator_skips_only_heads_that_cannot_start_a_cue(gaz):
    from framing.actors.agency import find_agency
    from framing.actors.initiator import InitiatorFinder
    from framing.actors.mentions import find_mentions

    text = ("Pakistani forces struck in retaliation for the unprovoked attack by the TTP in Kurram. "
            "In response to the strikes, Kabul said it would hit back. As retaliation for the raid, "
            "the militants attacked a post in the district, as officials in Islamabad said.")
    doc = build_doc(Article(id="i", text=text, outlet="x"))
    mentions = find_mentions(doc, gaz)
    _, records, finder = find_agency(doc, gaz, mentions)
    initiator = InitiatorFinder(doc, gaz, finder, records)
    frames = initiator.find()
    assert {f.cue_type for f in frames} >= {"purpose", "modifier"}
    flags = tf.token_flags(doc, gaz)
    every_head = flags.indices(flags.word, tf.INITIATOR)
    assert len(initiator.head_index) < len(every_head)  # plain "in" and "as" are passed over
    initiator.head_index = every_head  # the plain walk over every head token finds the same frames
    assert initiator.find() == frames
