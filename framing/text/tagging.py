"""Part-of-speech tags and lemmas, offline.

Tags come from textblob's PatternTagger lexicon (it ships in the wheel; nltk's perceptron tagger would
need nltk_data). That tagger confuses past tense (VBD) and past participle (VBN), which matters for
spotting passives, so a few context rules repair it. Lemmas come from lemminflect, which also ships
its data.
"""
from __future__ import annotations

from functools import lru_cache

_BE = {"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m"}
_HAVE = {"has", "have", "had", "having", "'ve", "'d"}
_GET = {"get", "gets", "got", "gotten", "getting"}
_SKIP = {"RB", "RBR", "RBS"}
_SUBJECT_TAGS = {"NN", "NNS", "NNP", "NNPS", "PRP", "WP", "WDT", "EX"}
_OBJECT_START = {"DT", "PRP$", "CD", "JJ", "NN", "NNS", "NNP", "NNPS", "PRP", "TO", "RP"}
_UPOS = {"N": "NOUN", "V": "VERB", "J": "ADJ", "R": "ADV", "M": "AUX"}


@lru_cache(maxsize=1)
def _parser():
    from textblob.en import parser

    return parser


_NOMINAL_LEFT = {"DT", "PRP$", "POS"}
_POSSESSIVE_PRONOUNS = {"one"}


def _after_modal(words: list[str], tags: list[str], i: int) -> bool:
    """True when a modal ("will", "could"), maybe followed by adverbs or "not", precedes token i."""
    j = i - 1
    while j >= 0 and (tags[j] in _SKIP or words[j] in ("not", "n't")):
        j -= 1
    return j >= 0 and tags[j] == "MD"
_NOUNS = {"NN", "NNS", "NNP", "NNPS"}


def _repair_tags(cased: list[str], words: list[str], tags: list[str]) -> None:
    """Repair the tagger's common slips in place from the words around each token.

    VBD/VBN confusions (which passives depend on), participles used as adjectives ("an unprovoked
    attack"), gerunds used as nouns ("the killing of"), and unknown all-capital acronyms ("TTP").
    """
    for i, tag in enumerate(tags):
        prev_tag = tags[i - 1] if i > 0 else ""
        nxt_tag = tags[i + 1] if i + 1 < len(tags) else ""
        nxt_word = words[i + 1] if i + 1 < len(words) else ""
        if tag == "NN" and len(cased[i]) > 1 and cased[i].isupper() and cased[i].isalpha():
            tags[i] = "NNP"
            continue
        if words[i] == "'s" and prev_tag == "PRP" and words[i - 1] not in _POSSESSIVE_PRONOUNS:
            tags[i] = "VBZ"  # "he's heading", "it's over"
            continue
        if tag in ("NN", "NNS", "JJ") and _after_modal(words, tags, i) and not cased[i][:1].isupper():
            tags[i] = "VB"  # "will result", "could shift"
            continue
        if tag == "VBG" and prev_tag in _NOMINAL_LEFT and nxt_word == "of":
            tags[i] = "NN"
            continue
        if tag in ("VBD", "VBN") and prev_tag in _NOMINAL_LEFT and nxt_tag in _NOUNS | {"JJ"}:
            tags[i] = "JJ"
            continue
        if tag not in ("VBD", "VBN"):
            continue
        j = i - 1
        while j >= 0 and (tags[j] in _SKIP or words[j] in ("not", "n't")):
            j -= 1
        prev_word = words[j] if j >= 0 else ""
        prev_tag = tags[j] if j >= 0 else ""
        if prev_word in _BE or prev_word in _HAVE or prev_word in _GET:
            tags[i] = "VBN"
        elif prev_tag in _SUBJECT_TAGS and tag == "VBN" and nxt_word != "by" and (
            nxt_tag in _OBJECT_START or nxt_tag in ("IN", "RB", ".", ",") and prev_tag in ("PRP", "WP", "WDT")
        ):
            tags[i] = "VBD"  # "the militants who attacked the posts", "he said ."
        elif prev_tag in ("PRP", "WP", "WDT", "EX") and tag == "VBN":
            tags[i] = "VBD"


def tag_words(words: list[str]) -> list[str]:
    """Penn Treebank tags for a sentence's tokens (ASCII punctuation, original case)."""
    if not words:
        return []
    tagged = _parser().find_tags(list(words))
    tags = [t[1] for t in tagged]
    _repair_tags(list(words), [w.lower() for w in words], tags)
    return tags


@lru_cache(maxsize=200_000)
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
    from lemminflect import getLemma

    if upos == "AUX":
        upos = "VERB"
    found = getLemma(word, upos=upos)
    return found[0].lower() if found else word
