"""Per-article readability for outlet profiles, from the text layer that is already built.

Flesch reading ease and Flesch-Kincaid grade use the standard formulas (as textstat does); syllables
come from pyphen's English hyphenation dictionary (shipped in its wheel, so nothing is downloaded):
a word has one syllable more than pyphen has hyphenation points. Only word tokens count as words;
sentences are the text layer's sentences.

Speed and memory: the points are counted by `framing.text.hyphenation.hyphen_points` (the same
points as pyphen, without its objects and unbounded cache) and remembered in a bounded memo.
"""
from __future__ import annotations

from itertools import compress

from ..text.hyphenation import pyphen_en_us, hyphen_points

_MEMO_LIMIT = 50_000


class _Syllables(dict):
    """word -> syllable count, filled on first sight. When full, the half added last goes
    (memory stays bounded) and the half seen first stays: mostly the common words, which
    clearing everything would make miss again (3,200 AllSides articles, about one worker's
    share of the corpus: 57k misses instead of 71k)."""

    def __missing__(self, word: str) -> int:
        if len(self) >= _MEMO_LIMIT:
            for late in list(self)[_MEMO_LIMIT // 2:]:
                del self[late]
        value = self[word] = _count(word)
        return value


def _count(word: str, points=hyphen_points) -> int:
    """Syllables of a word: its hyphenation points plus one (`points` counts them); a word with
    other characters than letters, a third of its letters."""
    word = word.lower().strip("'")
    if not word:
        return 0
    if not word.isalpha():
        return max(1, sum(1 for c in word if c.isalpha()) // 3)
    return max(1, points(word) + 1)


_SYLLABLES = _Syllables()


def syllables(word: str) -> int:
    """Syllables of one word form (memoised)."""
    return _SYLLABLES[word]


def syllables_reference(word: str) -> int:
    """`syllables` by pyphen's own positions() (the definition the memo must equal; tests)."""
    return _count(word, lambda w: len(pyphen_en_us().positions(w)))


def word_norms(doc) -> list[str]:
    """`norm` of the Doc's word tokens (Token.is_word), read from the text layer's shared columns
    (the stages have built them already for this Doc) instead of one property call per token."""
    from ..text.columns import columns

    cols = columns(doc)
    return list(compress(cols.norms, cols.is_word))


def readability(doc, words: list[str] | None = None) -> dict:
    """{words, sentences, words_per_sentence, syllables_per_word, flesch_reading_ease,
    flesch_kincaid_grade} for one Doc; zeros for a text with no words. `words`: the norms of its
    word tokens when the caller has them (`word_norms`)."""
    if words is None:
        words = word_norms(doc)
    n_words, n_sent = len(words), max(1, len(doc.sentences))
    if not n_words:
        return {"words": 0, "sentences": len(doc.sentences), "words_per_sentence": 0.0,
                "syllables_per_word": 0.0, "flesch_reading_ease": 0.0, "flesch_kincaid_grade": 0.0}
    syl = sum(map(_SYLLABLES.__getitem__, words))  # a dict lookup per word, no Python frame
    wps, spw = n_words / n_sent, syl / n_words
    return {
        "words": n_words, "sentences": len(doc.sentences),
        "words_per_sentence": round(wps, 3), "syllables_per_word": round(spw, 4),
        "flesch_reading_ease": round(206.835 - 1.015 * wps - 84.6 * spw, 3),
        "flesch_kincaid_grade": round(0.39 * wps + 11.8 * spw - 15.59, 3),
    }
