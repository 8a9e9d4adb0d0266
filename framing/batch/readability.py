"""Per-article readability for outlet profiles, from the text layer that is already built.

Flesch reading ease and Flesch-Kincaid grade use the standard formulas (as textstat does); syllables
come from pyphen's English hyphenation dictionary (shipped in its wheel, so nothing is downloaded),
cached per word form. Only word tokens count as words; sentences are the text layer's sentences.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _dictionary():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=50_000)
def syllables(word: str) -> int:
    word = word.lower().strip("'")
    if not word:
        return 0
    if not word.isalpha():
        return max(1, sum(1 for c in word if c.isalpha()) // 3)
    return max(1, len(_dictionary().positions(word)) + 1)


def readability(doc) -> dict:
    """{words, sentences, words_per_sentence, syllables_per_word, flesch_reading_ease,
    flesch_kincaid_grade} for one Doc; zeros for a text with no words."""
    words = [t.norm for t in doc.tokens if t.is_word]
    n_words, n_sent = len(words), max(1, len(doc.sentences))
    if not n_words:
        return {"words": 0, "sentences": len(doc.sentences), "words_per_sentence": 0.0,
                "syllables_per_word": 0.0, "flesch_reading_ease": 0.0, "flesch_kincaid_grade": 0.0}
    syl = sum(map(syllables, words))  # map + the C lru_cache: no Python frame per word
    wps, spw = n_words / n_sent, syl / n_words
    return {
        "words": n_words, "sentences": len(doc.sentences),
        "words_per_sentence": round(wps, 3), "syllables_per_word": round(spw, 4),
        "flesch_reading_ease": round(206.835 - 1.015 * wps - 84.6 * spw, 3),
        "flesch_kincaid_grade": round(0.39 * wps + 11.8 * spw - 15.59, 3),
    }
