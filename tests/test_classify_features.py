"""Features: the findings adapter, readable names, saved vocabularies, and honest explanations."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer

from framing.classify import FeatureConfig, FeatureExtractor, inputs_from_doc, train_model
from framing.classify.features import letters_text, signals
from framing.classify.inputs import SentenceInput
from framing.classify.features import analysed, char_wb_counts

from conftest import make_doc


@dataclass(frozen=True)
class FakeFinding:
    """Only what the adapter reads: the lexicon stage's Finding has these fields and more."""

    start: int
    category: str
    voice: str
    flag: bool = True


TEXT = ("The regime's forces stormed the town on Monday. “They are butchers,” the mayor said.\n"
        "Officials called the raid a ‘security operation’.")


def test_adapter_counts_findings_by_sentence_category_and_voice():
    doc = make_doc(TEXT)
    s0, s1, s2 = (doc.sentences[i].start for i in range(3))
    findings = [FakeFinding(s0 + 4, "label", "narrator"),
                FakeFinding(s1 + 10, "dysphemism", "quoted"),
                FakeFinding(s1 + 30, "reporting_neutral", "narrator", flag=False),
                FakeFinding(s2 + 30, "scare_quote", "scare_quote"),
                FakeFinding(s2 + 1, "", "narrator")]  # no category: ignored
    a, b, c = inputs_from_doc(doc, findings)
    assert a.lexicon == {("label", "narrator"): 1, ("flagged wording", "narrator"): 1}
    assert b.lexicon == {("dysphemism", "quote"): 1, ("flagged wording", "quote"): 1,
                         ("reporting_neutral", "narrator"): 1}
    assert c.lexicon == {("scare_quote", "scare quote"): 1, ("flagged wording", "scare quote"): 1}
    assert a.quote_share == 0.0 and b.quote_share > 0.4


def test_real_findings_and_no_findings_both_work():
    from framing.resources import Resources
    from framing.stages import lexicon as lexicon_stage

    resources = Resources()
    doc = make_doc(TEXT)
    with_lexicon = inputs_from_doc(doc, lexicon_stage.run(doc, resources, {})["findings"])
    without = inputs_from_doc(doc, ())
    assert any(i.lexicon for i in with_lexicon)
    assert all(i.lexicon == {} for i in without)
    assert [i.text for i in with_lexicon] == [i.text for i in without] == [
        doc.sentence_text(k) for k in range(len(doc.sentences))]


def test_feature_names_are_readable_and_skip_function_words():
    items = [SentenceInput("The senator slammed the disastrous so-called reform.", 0.0,
                           {("loaded", "narrator"): 2}),
             SentenceInput("The senator criticized the reform.", 0.0, {})]
    ex = FeatureExtractor().fit(items)
    names = set(ex.names_)
    assert {'word: "slammed"', 'word: "so-called"', 'words: "disastrous so-called"',
            "lexicon: loaded (narrator)", "sentiment: negative (VADER)", "subjectivity (pattern)",
            "attribution: inside a quote"} <= names
    assert 'word: "the"' not in names and 'words: "the senator"' in names
    # the letter block: each content word's first five letters, "~" when cut (session 6)
    assert {'stem: "slamm~"', 'stem: "senat~"', 'stem: "refor~"', 'stem: "so-ca~"'} <= names
    assert not any(n.startswith('letters: "') or n == 'stem: "the"' for n in names)
    char = set(FeatureExtractor(FeatureConfig(letter_unit="char_wb")).fit(items).names_)
    assert {'letters: "slam"', 'letters: " slam"'} <= char  # the n-grams before session 6


def test_letter_units_of_words():
    from framing.classify.wordunits import word_units

    assert [word_units(w, "prefix5") for w in ("economy", "economic", "economists", "war", "slams")] == [
        ("econo~",), ("econo~",), ("econo~",), ("war",), ("slams",)]
    assert {word_units(w, "lemma") for w in ("slamming", "slammed", "slams")} == {("slam",)}
    assert word_units("killings", "lemma") == ("killing",)
    assert word_units("pakistan's", "lemma") == ("pakistan's",)  # unknown to the tables: itself
    assert word_units("attacks", "lemma+prefix4") == ("attack", "atta~")
    with pytest.raises(ValueError):
        word_units("war", "suffix3")


def test_models_saved_before_letter_units_keep_their_letter_ngrams():
    saved = FeatureConfig(letter_unit="char_wb").to_json()
    del saved["letter_unit"]
    assert FeatureConfig.from_json(saved).letter_unit == "char_wb"
    assert FeatureConfig.from_json(FeatureConfig().to_json()) == FeatureConfig()


def test_saved_vocabularies_rebuild_the_same_features():
    items = [SentenceInput("Officials said the talks in Doha would resume next week.", 0.0, {}),
             SentenceInput("The doomed talks collapsed in yet another humiliating fiasco.", 0.2,
                           {("loaded", "narrator"): 1, ("intensifier", "narrator"): 1})]
    ex = FeatureExtractor().fit(items)
    again = FeatureExtractor.from_json(ex.to_json())
    new = [SentenceInput("The talks collapsed, officials said, in a fiasco.", 0.5, {("loaded", "narrator"): 3})]
    a, b = ex.transform(new), again.transform(new)
    assert a.shape == b.shape and np.allclose(a.toarray(), b.toarray(), atol=1e-6)


def test_letter_ngrams_are_traced_to_words_exactly_as_scikit_learn_makes_them():
    text = "Pakistan’s so-called “security operation” hit 2025 targets; a raid, an ex-PM."
    for ngrams in ((3, 5), (2, 5), (1, 3)):
        sk = Counter(CountVectorizer(analyzer="char_wb", ngram_range=ngrams, lowercase=False)
                     .build_analyzer()(letters_text(text)))
        ours = Counter()
        for w in letters_text(text).split():
            ours.update(char_wb_counts(w, ngrams))
        assert sk == ours  # the same n-grams, each as often


TEXTS = ["Pakistan’s so-called “security operation” hit 2025 targets; a raid, an ex-PM.",
         "The regime slammed the talks, and the talks slammed the regime.", "", "I", "a b",
         "Officials said the ceasefire would hold, officials said."]


def _vectorizers(ex):
    """CountVectorizers holding the extractor's vocabularies: what its count matrices must equal
    (scoring no longer keeps them, so as not to import scikit-learn). The letter one takes the
    texts `_letter_texts` gives."""
    from framing.classify.features import _unit_analyzer, _word_analyzer

    words = CountVectorizer(analyzer=_word_analyzer(ex.config.word_ngrams, ex._stop),
                            vocabulary={t: i for i, t in enumerate(ex.word_vocab_)})
    if ex.config.letter_unit == "char_wb":
        letters = CountVectorizer(analyzer="char_wb", ngram_range=ex.config.letter_ngrams, lowercase=False,
                                  vocabulary={t: i for i, t in enumerate(ex.letter_vocab_)})
    else:
        letters = CountVectorizer(analyzer=_unit_analyzer(ex.config.letter_unit, ex._stop),
                                  vocabulary={t: i for i, t in enumerate(ex.letter_vocab_)})
    return words, letters


def _letter_texts(ex, texts):
    if ex.config.letter_unit == "char_wb":
        return [letters_text(t, ex._stop) for t in texts]
    return list(texts)


UNITS = ["char_wb", "prefix5", "lemma", "lemma+prefix4"]


def _same_csr(ours, theirs):
    assert ours.shape == theirs.shape and ours.dtype == theirs.dtype
    assert np.array_equal(ours.indptr, theirs.indptr)
    assert np.array_equal(ours.indices, theirs.indices)
    assert np.array_equal(ours.data, theirs.data)


@pytest.mark.parametrize("unit", UNITS)
def test_count_matrices_are_exactly_those_of_the_fitted_count_vectorizers(unit):
    # transform builds its word and letter counts itself (numpy lookups over word ids, see
    # framing.classify.fastcount) instead of calling the CountVectorizers: entry for entry, in
    # the same layout, whatever the letter unit. The general path (any n-gram range) is checked too.
    ex = FeatureExtractor(FeatureConfig(letter_unit=unit)).fit(
        [SentenceInput(t) for t in TEXTS[:2] + TEXTS[5:]])
    words, letters = ex.count_matrices(TEXTS)
    word_cv, letter_cv = _vectorizers(ex)
    _same_csr(words, word_cv.transform(TEXTS))
    _same_csr(letters, letter_cv.transform(_letter_texts(ex, TEXTS)))
    if unit != "char_wb":  # "slammed" in training: its unit counts for "slamming" too
        new = ["Critics are slamming the regime's talks."]
        counts = ex.count_matrices(new)[1]
        got = dict(zip(counts.indices.tolist(), counts.data.tolist()))
        slam = ex.letter_vocab_.index("slam" if unit == "lemma" else "slam~" if "4" in unit else "slamm~")
        assert got[slam] == 1
    found = [analysed(t, ex.config.word_ngrams, ex._stop) for t in TEXTS]
    _same_csr(ex._count_words(found), word_cv.transform(TEXTS))


@pytest.mark.parametrize("unit", ["char_wb", "prefix5"])
def test_counts_survive_the_word_table_starting_again(monkeypatch, unit):
    # A long run renumbers words when the table is full; every id-based cache must follow.
    from framing.classify import wordids

    ex = FeatureExtractor(FeatureConfig(letter_unit=unit)).fit(
        [SentenceInput(t) for t in TEXTS[:2] + TEXTS[5:]])
    before = ex.transform([SentenceInput(t) for t in TEXTS]).toarray()
    monkeypatch.setattr(wordids, "LIMIT", 0)
    generation = wordids.TABLE.generation
    after = ex.transform([SentenceInput(t) for t in reversed(TEXTS)]).toarray()
    assert wordids.TABLE.generation > generation
    assert np.array_equal(after, before[::-1])
    words, letters = ex.count_matrices(TEXTS)
    word_cv, letter_cv = _vectorizers(ex)
    _same_csr(words, word_cv.transform(TEXTS))
    _same_csr(letters, letter_cv.transform(_letter_texts(ex, TEXTS)))


def test_trigram_models_take_the_general_path_with_the_same_counts():
    cfg = FeatureConfig(word_ngrams=(1, 3), letters=False, signals=False, lexicon=False)
    ex = FeatureExtractor(cfg).fit([SentenceInput(t) for t in TEXTS])
    X = ex.transform([SentenceInput(t) for t in TEXTS])
    j = ex.names_.index('words: "slammed the regime"')
    assert X[1, j] > 0 and X[0, j] == 0


def test_pattern_signals_read_the_lexicon_over_the_words_with_negation():
    from framing.classify.signals import pattern_rows
    from framing.text.sentiment import pattern_lexicon

    lex = pattern_lexicon()
    texts = ["The plan is good.", "The plan is not good.", "The plan isn't terrible, it's excellent.",
             "Officials met on Tuesday."]
    pol, subj = pattern_rows(texts)
    assert pol[0] == lex["good"][0] and subj[0] == lex["good"][1]
    assert pol[1] == -0.5 * lex["good"][0]  # pattern's rule: "not good" is slightly bad
    known = [w for w in ("isn't", "terrible", "excellent") if w in lex]
    assert "terrible" in known and "excellent" in known
    expected = sum(-0.5 * lex[w][0] if w == "terrible" else lex[w][0] for w in known) / len(known)
    assert pol[2] == pytest.approx(expected)
    assert pol[3] == 0.0 and subj[3] == 0.0


def test_explanations_do_not_depend_on_which_sentences_are_scored_together():
    from framing.classify import load_default_model

    model = load_default_model("bias")
    items = [SentenceInput("The regime’s brutal crackdown crushed the so-called protest.", 0.0,
                           {("loaded", "narrator"): 2}, lexicon_words={("loaded", "narrator"): ("brutal", "crackdown")}),
             SentenceInput("Officials said the talks would resume next week.", 0.0),
             SentenceInput("“They are thugs,” the minister said of the protesters.", 0.6)]
    together = model.predict(items)
    for item, pred in zip(items, together):
        assert model.predict([item]) == [pred]
    X = model.transform(items)
    for r, pred in enumerate(together):
        assert model.explain_row(X, r, model.labels.index(pred.label), items[r]) == pred.features
    assert together[0].label == "biased" and together[0].features
    assert any(f.words == ("brutal", "crackdown") for f in together[0].features
               if f.name.startswith("lexicon:"))


def test_sentiment_and_subjectivity_signals_work_offline():
    loaded = signals(SentenceInput("The brutal, disgusting attack was a horrible disaster.", 0.0))
    plain = signals(SentenceInput("The meeting took place on Tuesday.", 1.0))
    assert loaded[0] > 0.3 and loaded[3] > 0.5  # VADER negative, pattern subjectivity
    assert plain[:5] == [0.0, 0.0, 0.0, 0.0, 0.0] and plain[5] == 1.0


def test_explanation_weights_are_coefficient_times_value():
    texts = ["The senator criticized the bill.", "The senator slammed the disastrous bill.",
             "Police dispersed the protest.", "Thugs brutally crushed the protest.",
             "The mayor announced a plan.", "The mayor unveiled a reckless scheme.",
             "Prices rose in May.", "Prices skyrocketed in a shocking spike."]
    labels = ["neutral", "biased"] * 4
    cfg = FeatureConfig(letters=False, signals=False, lexicon=False)
    model = train_model(texts, labels, "bias", config=cfg, folds=2)
    item = SentenceInput("The governor slammed the disastrous plan.")
    (pred,) = model.predict([item], k=50)
    assert pred.label == "biased"
    X = model.transform([item])
    j = model.extractor.names_.index('word: "slammed"')
    expected = X[0, j] * -model.coef[0, j]  # labels sorted: biased is column 0, coef points to neutral
    got = {f.name: f for f in pred.features}['word: "slammed"']
    assert got.value == 1.0 and got.weight == pytest.approx(expected, rel=1e-4)
    z = X @ model.coef.T + model.intercept
    assert pred.probability == pytest.approx(1.0 / (1.0 + np.exp(z[0, 0])), rel=1e-9)
