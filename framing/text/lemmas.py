"""Lemmas (dictionary forms) of tagged words, via lemminflect, offline.

`lemma` is memoised per (word, tag). On a miss, lemminflect's `getLemma` deep-copies its dictionary
entry and re-applies capitalisation on every call, which made new words cost ~30 microseconds each;
`_dictionary_lemma` reads the same two tables (the lemma dictionary and its overrides, overrides
winning) for the lower-case words the text layer passes, and leaves every other case (capitals,
words only lemminflect's out-of-vocabulary rules know) to `getLemma` itself, so the answer is
exactly lemminflect's (tested against `getLemma` on news vocabulary).
"""
from __future__ import annotations

from functools import lru_cache

_UPOS = {"N": "NOUN", "V": "VERB", "J": "ADJ", "R": "ADV", "M": "AUX"}


@lru_cache(maxsize=1)
def _tables():
    from lemminflect import Lemmatizer

    lemmatizer = Lemmatizer()
    return lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict()


def _dictionary_lemma(word: str, upos: str):
    """lemminflect's lemma forms for a lower-case in-dictionary word, or None to ask getLemma."""
    if word.isupper() or word[:1].isupper() or word != word.lower():
        return None  # lemminflect re-cases its answer: let it do so itself
    lemma_dict, overrides = _tables()
    for table in (overrides, lemma_dict):
        entry = table.get(word)
        if entry is not None and upos in entry:
            return entry[upos]
    return None


def lemminflect_lemma(word: str, upos: str) -> tuple[str, ...]:
    """`lemminflect.getLemma(word, upos)`, faster for dictionary words."""
    found = _dictionary_lemma(word, upos)
    if found is None:
        from lemminflect import getLemma

        return getLemma(word, upos=upos)
    return tuple(map(str.lower, found))  # the case getLemma gives a lower-case word


@lru_cache(maxsize=50_000)
def lemma(word: str, tag: str) -> str:
    """Dictionary form of a (folded, lower-case) word given its Penn tag."""
    if word == "n't":
        return "not"
    if word in ("'s", "'re", "'m") and tag.startswith("VB"):
        return "be"
    if not tag or not word[:1].isalpha():
        return word
    if tag in ("NNP", "NNPS"):
        return word
    if tag == "JJ" or (tag == "NN" and word.endswith("ing")):
        return word  # "unprovoked", "killing": keep the form the writer chose
    upos = _UPOS.get(tag[0])
    if upos is None:
        return word
    if upos == "AUX":
        upos = "VERB"
    found = lemminflect_lemma(word, upos)
    return found[0].lower() if found else word
