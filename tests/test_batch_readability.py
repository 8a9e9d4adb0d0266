"""Batch readability: each stored article's figures are the story comparison's figures for that
article (one definition, textstat 0.7.13's), and the hyphenation points behind them equal pyphen's."""
from __future__ import annotations

import json
import shutil
import sqlite3

from conftest import SEEDS, make_doc


def _words(seed_paths):
    from framing.text.lexical_tags import _library

    words = set()
    for path in seed_paths:
        words.update(t.norm for t in make_doc(path.read_text(encoding="utf-8")).tokens if t.is_word)
    lexicon = sorted(w for w in _library()[0] if w.isalpha())[::20]  # ~4,000 English words
    return sorted(words) + lexicon + ["", "'", "İstanbul", "straße", "café", "x-ray", "covid-19",
                                      "hyphenation", "a", "ab", "abc", "'tis"]


def test_hyphen_points_equal_pyphen(seed_paths):
    from framing.text.hyphenation import pyphen_en_us, hyphen_points

    words = _words(seed_paths)
    assert len(words) > 4000
    points = set()
    for word in words:
        assert hyphen_points(word) == len(pyphen_en_us().positions(word)), word
        points.add(hyphen_points(word))
    assert {0, 1, 2, 3, 4} <= points


def test_stored_readability_is_the_story_reports_for_each_article(tmp_path):
    """`framing batch` over the seed story stores, per article, the figures its story comparison
    (and so the story's HTML report) gives that article: an outlet profile averages these."""
    import framing
    from framing.batch import BatchOptions, run_batch

    shutil.copytree(SEEDS, tmp_path / "in" / "seeds")
    out = tmp_path / "out"
    summary = run_batch(BatchOptions(inputs=(str(tmp_path / "in"),), out_dir=str(out), quiet=True))
    assert summary.exit_code == 0
    conn = sqlite3.connect(out / "framing.sqlite")
    stored = {outlet: json.loads(read) for outlet, read in
              conn.execute("SELECT outlet_raw, readability FROM articles")}
    result = framing.analyze(framing.load_story(str(SEEDS)))
    rows = {r.article_id: r for r in result.comparison.article_readability}
    assert len(stored) == len(rows) == 5
    for a in result.analyses:
        row, read = rows[a.article.id], stored[a.article.outlet]
        assert read["words"] == row.words > 200 and read["sentences"] == row.sentences
        assert read["words_per_sentence"] == row.mean_sentence_words
        for key in ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
                    "dale_chall", "quoted_share"):
            assert read[key] == getattr(row, key), (a.article.outlet, key)
        assert 1.2 < read["syllables_per_word"] < 2.3  # news English, proper names included
        # the body only: the headline is not a sentence the formulas count
        assert read["words"] < a.doc.word_count


def test_article_figures_of_an_article_without_body_words_are_zeros():
    from framing.compare import tokens
    from framing.compare.readability import article_figures

    read = article_figures(make_doc("\u2014"))
    assert read["words"] == 0 and read["flesch_reading_ease"] == 0.0
    doc = make_doc("The minister rejected the deal. Talks resumed on Monday. "
                   "Officials expect a long and difficult process.")
    plain = article_figures(doc)
    assert plain["sentences"] == 3 and plain["words"] == 16
    assert plain["flesch_reading_ease"] > read["flesch_reading_ease"]
    # a batch worker measures thousands of articles: none may stay in the comparison's cache
    assert id(doc) not in tokens._CACHE


def test_norm_memos_stay_bounded_and_answer_as_the_rules(monkeypatch):
    import framing.compare.readability as R
    from framing.compare.tokens import columns

    monkeypatch.setattr(R._WordMemo, "LIMIT", 8)
    counted, letter = R._WordMemo(R._COUNTED.answer), R._WordMemo(R._has_letter)
    words = ["the", "'s", "n't", "20", "covid-19", "x2", "\u00b2", "caf\u00e9"] + [f"w{i}" for i in range(20)]
    doc = make_doc("The minister's plan isn't 20% over budget, covid-19 aside; x2 \u00b2 caf\u00e9.")
    expected = dict(zip(columns(doc).norm, columns(doc).alpha))  # the comparison's own letter test
    for w in words:
        assert letter[w] == expected.get(w, bool(R._LETTER.search(w)))
        assert counted[w] == (letter[w] and R._is_counted_word(w)), w
        assert len(counted) <= 8 and len(letter) <= 8
    assert [counted[w] for w in ("the", "'s", "n't", "20", "covid-19")] == [True, False, False, False, True]
