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


@lru_cache(maxsize=None)
def given_name_forms() -> dict[str, str]:
    """Each form of framing/data/given_name_variants.txt -> one form standing for its name (the
    alphabetically first of all the forms its lines join: "jim" -> "james", "sergei" -> "sergei",
    "sergey" -> "sergei"). Forms on no line are not in the table."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for line in sorted(word_list("given_name_variants.txt")):
        forms = line.split()
        for form in forms:
            parent.setdefault(form, form)
        for form in forms[1:]:
            a, b = sorted((root(forms[0]), root(form)))
            parent[b] = a
    return {form: root(form) for form in parent}
