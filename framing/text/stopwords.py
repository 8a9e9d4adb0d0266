"""English function words for the stages that drop them (classifier features, story comparison).

The list is scikit-learn's ENGLISH_STOP_WORDS, kept as a data file so that analysing an article
does not import scikit-learn (about 165 MB and a second per worker process just to read a word
list). tests/test_stop_words.py checks that the file and scikit-learn's list agree.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    text = resources.files("framing.data").joinpath("english_stop_words.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))
