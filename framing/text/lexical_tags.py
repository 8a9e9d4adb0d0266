"""textblob's PatternTagger tags, word by word, at dictionary-lookup speed.

textblob's `Parser.find_tags` (what PatternTagger runs) hands its tagger only the lexicon: no
morphology, context or named-entity rules. So a word's tag depends on the word alone and on
whether it opens the sentence (only the first word is also looked up lower-cased):

  known word            -> its lexicon tag
  unknown, Title-case   -> NNP
  unknown, number-like  -> CD   (textblob's own CD pattern)
  otherwise             -> textblob's own suffix rules (-ing VBG, -ly RB, -s NNS, -ed VBN, ...)

`lexical_tag` applies exactly that, with the lexicon, the CD pattern and the suffix rules taken from
the textblob wheel itself (through framing.text.textblob_data, which reads them without importing
the textblob package and so nltk), and remembers each answer. `library_tags` runs the library's own code
on a whole sentence: tests check the two agree on news text and on the whole lexicon.
"""
from __future__ import annotations

from functools import lru_cache

from .memo import make_room

_REST: dict[str, str] = {}
_FIRST: dict[str, str] = {}


@lru_cache(maxsize=1)
def _library():
    """(lexicon as a plain dict, CD pattern, suffix rules, default tags) from textblob."""
    from .textblob_data import DEFAULT_TAGS, number_pattern, suffix_rules, tag_lexicon

    return tag_lexicon(), number_pattern(), suffix_rules, DEFAULT_TAGS


def _compute(word: str, first: bool) -> str:
    lexicon, cd, suffix_rules, default = _library()
    lower = lexicon.get(word.lower()) if first else None
    tag = lexicon.get(word, lower or None)
    if tag is None:
        if word.istitle():
            tag = default[1]
        elif cd.match(word) is not None:
            tag = default[2]
        else:
            tag = suffix_rules([word, default[0]])[1]
    return tag


def lexical_tag(word: str, first: bool = False) -> str:
    """The PatternTagger tag of `word` (ASCII punctuation, original case), memoised."""
    table = _FIRST if first else _REST
    tag = table.get(word)
    if tag is None:
        tag = _compute(word, first)
        make_room(table)  # bounded (framing.text.memo)
        table[word] = tag
    return tag


def lexical_tags(words: list[str]) -> list[str]:
    """PatternTagger tags of a sentence's words."""
    if not words:
        return []
    get = _REST.get
    tags = [get(w) or lexical_tag(w) for w in words]
    tags[0] = lexical_tag(words[0], True)
    return tags


def library_tags(words: list[str]) -> list[str]:
    """The same tags from textblob's own code (slow; the reference for tests)."""
    from textblob.en import parser

    return [tag for _, tag in parser.find_tags(list(words))] if words else []
