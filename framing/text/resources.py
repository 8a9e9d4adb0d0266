"""Small word lists in framing/data read once (abbreviations; the lexicon stage's quotation
namers), kept out of the code."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources as _res


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """The entries of framing/data/`name`: one a line, blank lines and "#" comments left out."""
    text = _res.files("framing.data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def abbreviations() -> frozenset[str]:
    """Lower-case abbreviations (without their final period) that do not end a sentence."""
    return word_list("abbreviations.txt")


def sentence_starters() -> frozenset[str]:
    """Lower-case words that, capitalised after an abbreviation, start a sentence."""
    return word_list("sentence_starters.txt")
