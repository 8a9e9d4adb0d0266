"""Matches that use another sense of the row's word: inside a name, or in a plain literal sense.

A row says what a word means when it colours a sentence ("outstanding": excellent; "flood": people
arriving as if they were a disaster). Many such words have a second, plain sense that news uses as
often or more ("outstanding debt", "the road flooded"), and any word can sit inside a name ("the
Police Benevolent Association", "Sen. Luther Strange"). Two general tests drop those matches:

- *Names.* A one-word match written with a capital letter, not the first word of its sentence, with
  a capitalised word beside it, in a sentence that is not a headline in title case, is part of a
  name: "Chief Petty Officer", "the Washington Free Beacon", "the Affordable Care Act" (words
  capitalised wherever they stand, "a Sunni Islamist", are left: framing/data/capitalised_words.txt).
  Rows for whole names or nicknames ("Crooked Hillary", "Big Pharma") are phrases, not one word,
  and stay.
- *Sense cues* (framing/data/lexicon_senses.tsv). For a few polysemous words, the words around
  them show the plain sense: the noun an adjective describes ("outstanding traffic tickets",
  "toxic chemicals", "juvenile court"), the word after a verb ("people lying on the ground",
  "made up of"), or the topic of the sentence ("flooded" in a sentence about rain and storms).
  The cues are general English (the things that can be unpaid, the substances that can be
  poisonous), not words of one article.

A third test, a participle after "have" ("has fallen") read as a verb and not as the row's
adjective, lives in the matcher (`matcher.after_have`), where a verb row of the same word can
still win.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources as _res

from ..text.resources import word_list

#: where a cue is looked for (see lexicon_senses.tsv)
WHERES = ("next", "prev", "noun", "sentence", "needs")
#: tags the walk from an adjective to the noun it describes may pass over or stop on
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "CD", "VBG", "VBN", "RB", "HYPH", "CC", ",", "DT",
                            "PRP$", "POS"})
NOUN_WINDOW = 4  # tokens after an adjective searched for the noun it describes
#: share of capitalised words (after the first) from which a sentence is a title-case headline
HEADLINE_SHARE = 0.6


@lru_cache(maxsize=1)
def sense_rules() -> dict[str, tuple[tuple[str, frozenset, frozenset, tuple], ...]]:
    """term -> ((where, cue words, word forms the rule leaves alone, tags it is limited to), ...)
    from lexicon_senses.tsv."""
    text = _res.files("framing.data").joinpath("lexicon_senses.tsv").read_text(encoding="utf-8")
    rules: dict[str, list] = {}
    header = True
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header:
            header = False
            continue
        cols += [""] * (5 - len(cols))
        term, where, cues = cols[0].strip(), cols[1].strip(), cols[2].split()
        unless, tags = frozenset(cols[3].split()), tuple(cols[4].split())
        if where not in WHERES:
            raise ValueError(f"lexicon_senses.tsv: unknown place {where!r} for {term!r}")
        rules.setdefault(term, []).append((where, frozenset(cues), unless, tags))
    return {t: tuple(r) for t, r in rules.items()}


class Senses:
    """Per-document test: does a match use its row's sense? (see the module docstring)"""

    def __init__(self, doc, norms: list[str], lemmas: list[str]):
        self.doc = doc
        self.tokens = doc.tokens
        self.norms = norms
        self.lemmas = lemmas
        self.rules = sense_rules()
        self._headline: dict[int, bool] = {}

    def other_sense(self, first: int, last: int, term: str) -> bool:
        """True when the match of tokens [first, last) for row `term` is a name's word or the
        plain sense its sense cues show."""
        if last - first == 1 and self._in_name(first):
            return True
        rules = self.rules.get(term)
        if rules is None:
            return False
        norm, tag = self.norms[first], self.tokens[first].pos
        return any(self._cue(where, cues, first, last) for where, cues, unless, tags in rules
                   if norm not in unless and (not tags or tag.startswith(tags)))

    # ------------------------------------------------------------------ names
    def _in_name(self, k: int) -> bool:
        tokens = self.tokens
        text = tokens[k].text
        if not text[:1].isupper() or self.norms[k] in _ALWAYS_CAPITALISED:
            return False
        sentence = tokens[k].sentence
        s = self.doc.sentences[sentence]
        if k <= s.token_start or not tokens[k - 1].is_word:
            return False  # the first word of a sentence, or after a quotation mark or a colon
        neighbours = [tokens[k - 1].text] + ([tokens[k + 1].text] if k + 1 < s.token_end else [])
        if text.isupper():
            # a word in capitals is a name's word only beside a word in title case ("the PATRIOT
            # Act"); beside other capitals it is a shouted word or a headline ("A TOTAL DISASTER")
            if not any(_capitalised(w) and not w.isupper() for w in neighbours):
                return False
        elif not any(_capitalised(w) for w in neighbours):
            return False
        return not self._is_headline(sentence)

    def _is_headline(self, sentence: int) -> bool:
        got = self._headline.get(sentence)
        if got is None:
            s = self.doc.sentences[sentence]
            words = [t.text for t in self.tokens[s.token_start + 1:s.token_end]
                     if t.text[:1].isalpha() and t.norm not in _SMALL_WORDS]
            got = bool(words) and sum(w[:1].isupper() for w in words) >= HEADLINE_SHARE * len(words)
            self._headline[sentence] = got
        return got

    # ------------------------------------------------------------------ sense cues
    def _cue(self, where: str, cues: frozenset, first: int, last: int) -> bool:
        tokens, norms, lemmas = self.tokens, self.norms, self.lemmas
        sentence = tokens[first].sentence
        if where == "next":
            return last < len(tokens) and tokens[last].sentence == sentence and \
                _is_cue(cues, norms[last], lemmas[last], tokens[last].pos)
        if where == "prev":
            if first == 0 or tokens[first - 1].sentence != sentence:
                return False
            tag = tokens[first - 1].pos
            if "@" + tag in cues and norms[first - 1] not in cues and self._is_headline(sentence):
                return False  # in a title-case headline every word is tagged a proper noun
            return _is_cue(cues, norms[first - 1], lemmas[first - 1], tag)
        if where == "noun":
            # the head of the noun phrase after the word, its last noun: "outstanding traffic
            # [tickets]", "destroyed property [rights]"
            head = None
            for k in range(last, min(last + NOUN_WINDOW, len(tokens))):
                t = tokens[k]
                if t.sentence != sentence:
                    break
                if t.pos in _NOUN_TAGS:
                    head = k
                elif head is not None or t.pos not in _MODIFIER_TAGS:
                    break
            return head is not None and _is_cue(cues, norms[head], lemmas[head], tokens[head].pos)
        # "sentence" / "needs": a cue anywhere in the sentence but the match itself, or in the
        # sentence before or after it in the same paragraph (a topic runs over a few sentences)
        sents = self.doc.sentences
        s = sents[sentence]
        lo, hi = s.token_start, s.token_end
        if sentence > 0 and sents[sentence - 1].paragraph == s.paragraph:
            lo = sents[sentence - 1].token_start
        if sentence + 1 < len(sents) and sents[sentence + 1].paragraph == s.paragraph:
            hi = sents[sentence + 1].token_end
        found = any(_is_cue(cues, norms[k], lemmas[k], tokens[k].pos)
                    for k in range(lo, hi) if not first <= k < last)
        return found if where == "sentence" else not found  # "needs": no cue, another sense


#: words capitalised wherever they stand ("Islamist", "Nazi"): a capital proves no name
_ALWAYS_CAPITALISED = word_list("capitalised_words.txt")

#: small words a title leaves in lower case (they do not count against a title-case headline)
_SMALL_WORDS = frozenset(("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by",
                          "with", "from", "as", "is", "vs"))


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and text[:1].isalpha()


def _is_cue(cues: frozenset, norm: str, lemma: str, tag: str) -> bool:
    # "#": any number; "@NNP": any word the tagger calls a proper noun ("the Watergate scandal")
    return norm in cues or lemma in cues or (tag == "CD" and "#" in cues) or "@" + tag in cues
