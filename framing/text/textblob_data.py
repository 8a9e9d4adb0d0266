"""textblob's tagger lexicon, number pattern, suffix rules and sentiment lexicon, without importing
the `textblob` package.

`import textblob` (and so `from textblob.en import parser`, which runs the package's __init__)
imports nltk, and nltk's own __init__ imports scikit-learn and scipy.stats: about 190 MB and over a
second per process, for data the text layer reads from two files. The code we need lives in
textblob/_text.py, which imports only the standard library; it is loaded here as a private module
straight from the installed wheel (`importlib`, no copy of it in our tree), and the lexicons are
built with its own classes exactly as textblob/en/__init__.py builds them. Tests compare the results
with the package's own objects.
"""
from __future__ import annotations

import importlib.util
import os
import sys
from functools import lru_cache

#: The tags textblob.en's Parser gives unknown words: (other, Title-case, number-like).
DEFAULT_TAGS = ("NN", "NNP", "CD")
_MODULE_NAME = "framing.text._textblob_text"


@lru_cache(maxsize=1)
def _folder() -> str:
    """The installed textblob package's folder (find_spec does not run its __init__)."""
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("textblob is not installed (its lexicons ship in the wheel)")
    return list(spec.submodule_search_locations)[0]


@lru_cache(maxsize=1)
def text_module():
    """textblob/_text.py as a module of its own (standard-library imports only)."""
    spec = importlib.util.spec_from_file_location(_MODULE_NAME, os.path.join(_folder(), "_text.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[_MODULE_NAME] = module
    spec.loader.exec_module(module)
    return module


def number_pattern():
    """textblob's CD pattern: unknown words made of digits and -,.:/%$ are tagged CD."""
    return text_module().CD


def suffix_rules(token, tag="NN"):
    """textblob's `_suffix_rules` (-ing VBG, -ly RB, -s NNS, -ed VBN, ...)."""
    return text_module()._suffix_rules(token, tag)


@lru_cache(maxsize=1)
def tag_lexicon() -> dict:
    """word -> Penn tag: the dict textblob.en.parser.lexicon loads from en-lexicon.txt."""
    lexicon = text_module().Lexicon(path=os.path.join(_folder(), "en", "en-lexicon.txt"),
                                    language="en")
    lexicon.load()
    return dict.copy(lexicon)


@lru_cache(maxsize=1)
def sentiment_lexicon() -> dict:
    """word -> {part of speech or None: [polarity, subjectivity, intensity]}: the dict
    textblob.en.sentiment loads from en-sentiment.xml, including textblob.en's extra adverbs
    ("terrible" -> "terribly" RB) that its Sentiment subclass adds."""
    tb = text_module()
    sentiment = tb.Sentiment(path=os.path.join(_folder(), "en", "en-sentiment.xml"),
                             synset="wordnet_id", language="en")
    tb.Sentiment.load(sentiment)
    for w, pos in list(dict.items(sentiment)):  # textblob.en.Sentiment.load, as written there
        if "JJ" in pos:
            if w.endswith("y"):
                w = w[:-1] + "i"
            if w.endswith("le"):
                w = w[:-2]
            p, s, i = pos["JJ"]
            sentiment.annotate(w + "ly", "RB", p, s, i)
    return {word: dict.__getitem__(sentiment, word) for word in dict.keys(sentiment)}
