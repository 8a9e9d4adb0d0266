"""Lemmas (dictionary forms) of tagged words, via lemminflect, offline.

`lemma` is memoised per (word, tag). On a miss, lemminflect's `getLemma` deep-copies its dictionary
entry and re-applies capitalisation on every call, which made new words cost ~30 microseconds each;
`_dictionary_lemma` reads the same two tables (the lemma dictionary and its overrides, overrides
winning) for the lower-case words the text layer passes, and leaves every other case (capitals,
words only lemminflect's out-of-vocabulary rules know) to `getLemma` itself, so the answer is
exactly lemminflect's (tested against `getLemma` on news vocabulary).

Words neither table knows go to lemminflect's out-of-vocabulary rules: a small neural network
picks a suffix rule, and `getLemma` ran it word by word (~25-70 microseconds each, a few per
article, a tenth of the text layer's time on new text). `lemmas` takes all of an article's new
(word, tag) pairs at once and runs the network on them as one matrix (`_oov_lemmas`).
"""
from __future__ import annotations

from functools import lru_cache
from itertools import compress, repeat
from operator import is_

from .memo import make_room

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


#: (word, tag) -> lemma, remembered (bounded: framing.text.memo).
_MEMO: dict[tuple[str, str], str] = {}
_OOV = object()  # `_rule`'s answer for a word only lemminflect's out-of-vocabulary rules know


def _remember(pairs, found) -> None:
    make_room(_MEMO, len(pairs))
    _MEMO.update(zip(pairs, found))


def lemma(word: str, tag: str) -> str:
    """Dictionary form of a (folded, lower-case) word given its Penn tag (remembered)."""
    key = (word, tag)
    found = _MEMO.get(key)
    if found is None:
        found = _lemma(word, tag)
        _remember((key,), (found,))
    return found


def lemmas(words: list[str], tags: list[str]) -> list[str]:
    """`lemma` of each (word, tag) pair; the out-of-vocabulary words among the new pairs go
    through lemminflect's network together (`_oov_lemmas`)."""
    pairs = list(zip(words, tags))
    found = list(map(_MEMO.get, pairs))
    if None in found:
        todo = list(dict.fromkeys(compress(pairs, map(is_, found, repeat(None)))))
        answers = [_rule(w, t) for w, t in todo]
        if _OOV in answers:
            oov = [k for k, a in enumerate(answers) if a is _OOV]
            for k, got in zip(oov, _oov_lemmas([todo[k] for k in oov])):
                answers[k] = got
        _remember(todo, answers)
        new = dict(zip(todo, answers))
        for i in compress(range(len(found)), map(is_, found, repeat(None))):
            found[i] = new[pairs[i]]
    return found


def _upos(tag: str):
    upos = _UPOS.get(tag[0])
    return "VERB" if upos == "AUX" else upos


def _lemma(word: str, tag: str) -> str:
    """`lemma` without the memo, word by word."""
    found = _rule(word, tag)
    if found is _OOV:
        found = lemminflect_lemma(word, _upos(tag))
        found = found[0].lower() if found else word
    return found


def _rule(word: str, tag: str):
    """`_lemma`'s answer when it needs no out-of-vocabulary rule, else _OOV."""
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
    upos = _upos(tag)
    if upos is None:
        return word
    found = _dictionary_lemma(word, upos)
    if found is None:
        return _OOV
    found = tuple(map(str.lower, found))  # lemminflect_lemma's answer
    return found[0].lower() if found else word


#: The network `_oov_lemmas` runs as a matrix: Flatten, Dense (relu), Dense (softmax).
_LAYERS = ["InputLayer", "Flatten", "Dense", "Dense"]
#: Below this gap between a row's two best scores, the row is scored again exactly as lemminflect
#: does (one vector): summing in another order moves the scores by at most ~5e-5 (measured on
#: 196,000 news words), so a larger gap cannot change which rule wins (`_oov_scores` is tested).
_MARGIN = 1e-2


@lru_cache(maxsize=1)
def _network():
    """(OOV lemmatizer, its weights) when its network has the expected shape, else None."""
    from lemminflect.core.Lemmatizer import Lemmatizer

    rules = Lemmatizer()._getOOVLemmatizer()
    kinfer = rules.kinfer
    layers = kinfer.config.get("layers", []) if hasattr(kinfer, "config") else []
    if ([layer.get("class_name") for layer in layers] != _LAYERS
            or [layer["config"].get("activation") for layer in layers[2:]] != ["relu", "softmax"]
            or len(getattr(kinfer, "weights", ())) != 4):
        return None
    return rules, kinfer.weights


#: ModelLemmaInData.wordToVec's one-hot layout: 9 rows of 28 columns, row 0 the word class,
#: rows 1-8 the last 8 letters, last first (column 2-27 a-z, 1 any other character).
_CLASS_COLUMN = {"noun": 0, "verb": 1, "adj": 2, "adv": 3}
_LETTERS, _WIDTH = 8, 28


def _one_hot_columns(word: str, category: str) -> list[int]:
    """The flat indices of the ones of `ModelLemmaInData.wordToVec(word, category)` (a KeyError
    where it raises ValueError), class first, then the letters in its order (tested equal)."""
    out = [_CLASS_COLUMN[category]]
    for i, letter in enumerate(word.lower()[::-1][:_LETTERS]):
        val = ord(letter)
        out.append((i + 1) * _WIDTH + (val - 95 if 97 <= val <= 122 else 1))
    return out


def _oov_lemmas(pairs: list[tuple[str, str]]) -> list[str]:
    """`_lemma` of lower-case words (with a tag lemminflect's tables do not hold): what
    `getLemma` returns through LemmatizerRules.lemmatize, the network run on all words at once.

    The network's input is one-hot (the word class and the last 8 letters), so its first layer,
    x @ w1, is the sum of the few rows of w1 at the ones: those rows are gathered for all words
    in one step, without building the vectors (`_one_hot_columns`) or reading all of w1 (64 KB,
    out of the processor's cache when the next article brings new words: the full product cost
    ~130 microseconds). The rule picked and its application are lemminflect's own. The winner is
    the highest score (softmax keeps the order); a row whose two best scores are closer than
    _MARGIN is run again through lemminflect's own vector code. Tested equal to `getLemma`.
    """
    network = _network()
    if network is None or len(pairs) < 2:
        return [_lemma(w, t) for w, t in pairs]
    import numpy as np
    from lemminflect.core.LexicalUtils import applyCapsStyle, getCapsStyle, uposToCategory
    from lemminflect.kmodels.ModelLemmaInData import ModelLemmaInData

    rules, (w1, b1, w2, b2) = network
    out: list = [None] * len(pairs)
    rows, columns, firsts = [], [], []
    for k, (word, tag) in enumerate(pairs):
        if word != word.lower() or word[:1].isupper() or word.isupper():
            out[k] = _lemma(word, tag)  # only lower-case words, as `_dictionary_lemma`
            continue
        upos = _upos(tag)
        category = uposToCategory(upos) if upos else None
        if category not in _CLASS_COLUMN:  # wordToVec's ValueError: lemminflect says ()
            out[k] = _lemma(word, tag)
            continue
        rows.append(k)
        firsts.append(len(columns))
        columns += _one_hot_columns(word, category)
    if rows:
        h = np.add.reduceat(w1[columns], firsts, axis=0) + b1
        h = h * (h > 0)
        scores = (np.dot(h, w2) + b2).tolist()
        for k, row in zip(rows, scores):
            word, tag = pairs[k]
            top = sorted(row)
            if top[-1] - top[-2] < _MARGIN:
                vec = ModelLemmaInData.wordToVec(word, uposToCategory(_upos(tag)))
                rnum = rules.kinfer.run(vec)[0]
            else:
                rnum = row.index(top[-1])
            found = applyCapsStyle(rules._applyRule(word, rnum), getCapsStyle(word))
            out[k] = found.lower()  # getLemma's one-spelling answer, as `_lemma` reads it
    return out
