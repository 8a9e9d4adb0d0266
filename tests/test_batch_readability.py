"""Batch readability: our syllable count must equal pyphen's, and the word list Doc.word_count's."""
from __future__ import annotations

from conftest import make_doc


def _words(seed_paths):
    from framing.text.lexical_tags import _library

    words = set()
    for path in seed_paths:
        words.update(t.norm for t in make_doc(path.read_text(encoding="utf-8")).tokens if t.is_word)
    lexicon = sorted(w for w in _library()[0] if w.isalpha())[::20]  # ~4,000 English words
    return sorted(words) + lexicon + ["", "'", "İstanbul", "straße", "café", "x-ray", "covid-19",
                                      "hyphenation", "a", "ab", "abc", "'tis"]


def test_hyphen_points_equal_pyphen(seed_paths):
    from framing.batch.readability import syllables, syllables_reference
    from framing.text.hyphenation import pyphen_en_us, hyphen_points

    words = _words(seed_paths)
    assert len(words) > 4000
    counts = set()
    for word in words:
        assert hyphen_points(word) == len(pyphen_en_us().positions(word)), word
        assert syllables(word) == syllables_reference(word), word
        counts.add(syllables(word))
    assert {1, 2, 3, 4, 5} <= counts


def test_readability_of_a_news_paragraph(seed_paths):
    from framing.batch.readability import readability, word_norms

    text = seed_paths[0].read_text(encoding="utf-8")
    doc = make_doc(text)
    words = word_norms(doc)
    assert words == [t.norm for t in doc.tokens if t.is_word]
    assert len(words) == doc.word_count
    read = readability(doc)
    assert read == readability(doc, words)
    assert read["words"] == doc.word_count and read["sentences"] == len(doc.sentences)
    assert 1.2 < read["syllables_per_word"] < 2.2  # news English
    assert 0 < read["flesch_reading_ease"] < 80 and 5 < read["flesch_kincaid_grade"] < 20
    empty = readability(make_doc("—"))
    assert empty["words"] == 0 and empty["flesch_reading_ease"] == 0.0


def test_syllable_memo_stays_bounded_and_keeps_the_words_seen_first(monkeypatch):
    import framing.batch.readability as R

    monkeypatch.setattr(R, "_MEMO_LIMIT", 8)
    monkeypatch.setattr(R, "_SYLLABLES", R._Syllables())
    words = ["the", "minister", "said"] + [f"talks{'a' * i}" for i in range(20)]
    counts = [R.syllables(w) for w in words]
    assert len(R._SYLLABLES) <= 8
    assert {"the", "minister", "said"} <= set(R._SYLLABLES)  # the first seen stay
    assert counts == [R.syllables_reference(w) for w in words]
    assert [R.syllables(w) for w in words] == counts  # evicted words come back the same
