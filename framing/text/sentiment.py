"""VADER and pattern sentiment of a piece of text, computed once and shared by every stage.

Three stages score the same sentences: the lexicon stage (VADER compound beside its flags), the
classifier (VADER neg/pos/compound and pattern subjectivity/polarity as model features) and the
actors stage (VADER compound of the clause around each mention, which is very often the whole
sentence). VADER costs about 0.2 ms a sentence, so scoring each sentence three times was a tenth of
the pipeline's time. Both scorers are pure functions of the text, so a bounded memo keyed by the
text gives exactly the numbers a fresh call would: outputs do not change, only the cost.

The memo is bounded (an article has tens of sentences; the bound keeps a batch run's memory flat)
and thread-safe (one dict operation per lookup or store), so worker threads of the web app can
share it. `vader_scores_many` scores all the sentences of an article that are not memoised yet in
one go (the lexicon stage's call), and memoises them for the classifier and actors stages.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import compress, repeat
from operator import is_
from typing import NamedTuple

#: Enough for the sentences and clauses of several long articles at once.
CACHE_SIZE = 16384


class Polarity(NamedTuple):
    """VADER's scores of one text (the fields of SentimentIntensityAnalyzer.polarity_scores)."""

    neg: float
    neu: float
    pos: float
    compound: float


#: tuple.__new__: a Polarity from its four numbers without NamedTuple's Python-level __new__
#: (VADER scores tens of thousands of sentences an article set)
_tuple_new = tuple.__new__
#: The scores of a text without words, and of one whose words VADER does not know (the
#: library's dicts for those cases, as Polarity; shared, as tuples are immutable).
_NO_WORDS = Polarity(0.0, 0.0, 0.0, 0.0)
_NOT_KNOWN = Polarity(0.0, 1.0, 0.0, 0.0)


def _from_dict(v: dict) -> Polarity:
    """The library's polarity_scores dict as a Polarity."""
    return Polarity(v["neg"], v["neu"], v["pos"], v["compound"])


@lru_cache(maxsize=1)
def vader():
    """The one VADER analyser (its lexicon ships inside the vaderSentiment wheel)."""
    return _fast_vader_class()()


def _fast_vader_class():
    """SentimentIntensityAnalyzer with `polarity_scores` rewritten for speed, same results.

    VADER lower-cased every word of the sentence again inside each of its checks (negation,
    idioms, "but", up to a dozen times per sentiment word) and rebuilt the text one character
    at a time to replace emoji. Here:

    - the words (white-space split, stripped of punctuation unless that leaves 2 characters or
      fewer), their lower-case forms and whether the lexicon knows each are taken with a few
      whole-list calls in C (`_words`), for one text or, `polarity_many`, for many;
    - a text none of whose words the lexicon knows (a third of news sentences) scores 0 for
      every word, whatever the boosters, negations, "but" or punctuation around: its scores are
      the library's for such a list, (neg 0, neu 1, pos 0, compound 0) (0 everywhere for a text
      without words), returned at once;
    - the checks read the lower-case list; `scalar_inc_dec`, the negation check, the idiom check
      and the final scoring are the library's steps inlined, in its order and with its
      arithmetic (the idiom check is skipped when none of the words it joins is part of an idiom
      or a multi-word booster, as no joined n-gram can then be one); the quirky "but" rule is
      the library's, run over the non-zero sentiments only (`_but_check`).

    A text holding an emoji goes to the library's code unchanged. tests/test_text_sentiment.py
    compares it with the stock analyser; it was also checked identical on every sentence and
    comma clause of 345 news articles, 1,000 more AllSides articles and BABE's sentences.
    """
    import math
    import re
    from itertools import accumulate, chain, compress, repeat
    from operator import is_not

    from vaderSentiment import vaderSentiment as vs

    booster, special = vs.BOOSTER_DICT, vs.SPECIAL_CASES
    negate = frozenset(vs.NEGATE)
    n_scalar, c_incr = vs.N_SCALAR, vs.C_INCR
    punctuation = vs.string.punctuation
    normalize, fabs = vs.normalize, math.fabs
    # words that can be part of an n-gram the idiom check looks up (idioms, multi-word boosters)
    idiom_words = frozenset(w for key in list(special) + [k for k in booster if " " in k]
                            for w in key.split(" "))

    _non_ascii = re.compile("[^\x00-\x7f]+").findall

    class FastVader(vs.SentimentIntensityAnalyzer):
        @property
        def ascii_has_no_emoji(self) -> bool:
            flag = self.__dict__.get("_ascii_has_no_emoji")
            if flag is None:
                flag = self.__dict__["_ascii_has_no_emoji"] = not any(
                    key.isascii() for key in self.emojis)
            return flag

        @property
        def key_char(self):
            """search(text): the first character of `text` that is a one-character emoji key
            below U+10000 or is any character above it, by one `re` class (built once;
            `re` tests a class of characters below U+10000 by table, those above one by one)."""
            search = self.__dict__.get("_key_char")
            if search is None:
                bmp = sorted(k for k in self.emojis if len(k) == 1 and ord(k) < 0x10000)
                search = self.__dict__["_key_char"] = re.compile(
                    "[" + "".join(map(re.escape, bmp)) + "\U00010000-\U0010ffff]").search
            return search

        def _has_emoji(self, text) -> bool:
            """Whether a character of `text` is an emoji key (the library replaces single
            characters only). No key is plain ASCII (checked once), so an ASCII text has none;
            else one search for a key character (`key_char`) answers, unless the first it
            finds is above U+10000: then the text's non-ASCII characters, found in C, are
            looked up (the search answers in half the time of that look-up, and news text
            seldom holds such a character)."""
            if text.isascii() and self.ascii_has_no_emoji:
                return False
            found = self.key_char(text)
            if found is None:
                return False
            if ord(found.group()) < 0x10000:
                return True
            if not self.ascii_has_no_emoji:
                return not self.emojis.keys().isdisjoint(text)
            return not self.emojis.keys().isdisjoint("".join(_non_ascii(text)))

        def _words(self, texts):
            """SentiText's words of every text (white-space split, each stripped of punctuation
            unless that leaves 2 characters or fewer), all texts' in one list, with their
            lower-case forms, whether the lexicon knows each, and each text's word count: a few
            whole-list calls in C, not a Python step per word."""
            splits = list(map(str.split, texts))
            raw = list(chain.from_iterable(splits))
            words = list(map(str.strip, raw, repeat(punctuation)))
            # stripped to 2 characters or fewer: the word as written. Only a word that lost
            # characters can be one to put back (a word kept whole is `raw[i]` itself, as
            # str.strip returns its very string when it strips nothing): those few are visited.
            for i in compress(range(len(words)), map(is_not, words, raw)):
                if len(words[i]) < 3:
                    words[i] = raw[i]
            lower = list(map(str.lower, words))
            return words, lower, list(map(self.lexicon.__contains__, lower)), list(map(len, splits))

        def polarity_scores(self, text):
            return self.polarity(text)._asdict()

        def polarity(self, text) -> Polarity:
            """`polarity_scores` as a Polarity (the same four numbers, no dict in between)."""
            if self._has_emoji(text):
                return _from_dict(super().polarity_scores(text))
            text = text.strip()
            words, lower, known, _ = self._words((text,))
            if not words:
                return _NO_WORDS
            if True not in known:
                return _NOT_KNOWN
            return self._scores(words, lower, known, text)

        def polarity_many(self, texts) -> list[Polarity]:
            """`polarity` of each text, the words of all texts taken in one go."""
            out: list = [None] * len(texts)
            if not self._has_emoji("\n".join(texts)):  # no emoji in any: one test for all
                plain = list(range(len(texts)))
            else:
                plain = []
                for k, text in enumerate(texts):
                    if self._has_emoji(text):
                        out[k] = _from_dict(super().polarity_scores(text))
                    else:
                        plain.append(k)
            stripped = [texts[k].strip() for k in plain]
            words, lower, known, counts = self._words(stripped)
            seen = list(accumulate(known, initial=0))  # known words before each word
            a = 0
            for k, text, count in zip(plain, stripped, counts):
                b = a + count
                if not count:
                    out[k] = _NO_WORDS
                elif seen[b] == seen[a]:
                    out[k] = _NOT_KNOWN
                else:
                    out[k] = self._scores(words[a:b], lower[a:b], known[a:b], text)
                a = b
            return out

        def _scores(self, words, lower, known, text):
            """The scores of a stripped text with at least one word the lexicon knows."""
            n = len(words)
            caps = sum(map(str.isupper, words))  # allcap_differential
            is_cap_diff = 0 < n - caps < n
            sentiments = [0] * n  # boosters, "kind" of "kind of" and unknown words score 0
            for i in compress(range(n), known):
                low = lower[i]
                if low in booster or (i < n - 1 and low == "kind" and lower[i + 1] == "of"):
                    continue
                sentiments[i] = self._valence(words, lower, i, is_cap_diff)
            if "but" in lower:
                _but_check(lower, sentiments)
            return _score_valence(sentiments, text)

        def _valence(self, words, lower, i, is_cap_diff):
            """sentiment_valence of the lexicon word at i (the library's steps, in its order)."""
            lexicon = self.lexicon
            low = lower[i]
            valence = lexicon[low]
            if low == "no" and i != len(words) - 1 and lower[i + 1] in lexicon:
                valence = 0.0
            if (i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no") \
                    or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"]):
                valence = lexicon[low] * n_scalar
            if is_cap_diff and words[i].isupper():
                if valence > 0:
                    valence += c_incr
                else:
                    valence -= c_incr
            # start_i 0, 1, 2: the words 1, 2, 3 before; each step is scalar_inc_dec (its
            # boost, sign and capitals), the distance damping, then _negation_check
            if i > 0 and (w1 := lower[i - 1]) not in lexicon:
                s = _boost(booster[w1], valence, is_cap_diff and words[i - 1].isupper()) \
                    if w1 in booster else 0.0
                valence = valence + s
                if w1 in negate or "n't" in w1:
                    valence = valence * n_scalar
            if i > 1 and (w2 := lower[i - 2]) not in lexicon:
                s = 0.0
                if w2 in booster:
                    s = _boost(booster[w2], valence, is_cap_diff and words[i - 2].isupper())
                    if s != 0:
                        s = s * 0.95
                valence = valence + s
                w1 = lower[i - 1]
                if w2 == "never" and (w1 == "so" or w1 == "this"):
                    valence = valence * 1.25
                elif w2 == "without" and w1 == "doubt":
                    pass
                elif w2 in negate or "n't" in w2:
                    valence = valence * n_scalar
            if i > 2 and (w3 := lower[i - 3]) not in lexicon:
                s = 0.0
                if w3 in booster:
                    s = _boost(booster[w3], valence, is_cap_diff and words[i - 3].isupper())
                    if s != 0:
                        s = s * 0.9
                valence = valence + s
                w2, w1 = lower[i - 2], lower[i - 1]
                if w3 == "never" and (w2 == "so" or w2 == "this") or (w1 == "so" or w1 == "this"):
                    valence = valence * 1.25
                elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
                    pass
                elif w3 in negate or "n't" in w3:
                    valence = valence * n_scalar
                if low in idiom_words or w1 in idiom_words or w2 in idiom_words:
                    valence = _idioms(valence, lower, i)
            # _least_check
            if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
                if lower[i - 2] != "at" and lower[i - 2] != "very":
                    valence = valence * n_scalar
            elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
                valence = valence * n_scalar
            return valence

    def _but_check(lower, sentiments):
        """The library's `_but_check`, in place, visiting only the non-zero sentiments.

        The library walks every position j: it reads v = sentiments[j], finds the first index
        si holding a value equal to v (list.index: the quirk kept here), and replaces that
        value by v * 0.5 before the first "but", v * 1.5 after it. A step writes at si <= j,
        so a later position still holds its first value when reached, and a zero's step only
        writes a zero (0.0 for 0) at the first zero: every figure `_score_valence` takes
        (sum, count(0), the non-zero values) is unchanged by it, so those steps are left out.
        Its words are lower-cased already (the library lower-cases them again, to the same
        strings). tests/test_text_speed10.py compares it with the library's function."""
        bi = lower.index("but")
        for j in compress(range(len(sentiments)), sentiments):
            v = sentiments[j]
            si = sentiments.index(v)
            if si < bi:
                sentiments[si] = v * 0.5
            elif si > bi:
                sentiments[si] = v * 1.5

    def _boost(scalar, valence, capitalised):
        """scalar_inc_dec for a booster word before a lexicon word: its boost, turned negative
        for a negative valence, and pushed by C_INCR when the booster alone is in capitals.
        Called only for the rare booster, so the common path stays inline."""
        s = scalar
        if valence < 0:
            s *= -1
        if capitalised:
            if valence > 0:
                s += c_incr
            else:
                s -= c_incr
        return s

    def _idioms(valence, lower, i):  # _special_idioms_check, called only with i > 2
        w3, w2, w1, w0 = lower[i - 3], lower[i - 2], lower[i - 1], lower[i]
        onezero, twoone, threetwo = f"{w1} {w0}", f"{w2} {w1}", f"{w3} {w2}"
        twoonezero, threetwoone = f"{w2} {w1} {w0}", f"{w3} {w2} {w1}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in special:
                valence = special[seq]
                break
        if len(lower) - 1 > i:
            zeroone = f"{w0} {lower[i + 1]}"
            if zeroone in special:
                valence = special[zeroone]
        if len(lower) - 1 > i + 1:
            zeroonetwo = f"{w0} {lower[i + 1]} {lower[i + 2]}"
            if zeroonetwo in special:
                valence = special[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in booster:
                valence = valence + booster[n_gram]
        return valence

    def _score_valence(sentiments, text):
        """The library's score_valence for a non-empty list (its _punctuation_emphasis and
        _sift_sentiment_scores inlined, same operations in the same order), as a Polarity."""
        sum_s = float(sum(sentiments))
        ep_count = text.count("!")
        if ep_count > 4:
            ep_count = 4
        ep_amplifier = ep_count * 0.292
        qm_count = text.count("?")
        qm_amplifier = 0
        if qm_count > 1:
            if qm_count <= 3:
                qm_amplifier = qm_count * 0.18
            else:
                qm_amplifier = 0.96
        punct_emph_amplifier = ep_amplifier + qm_amplifier
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier
        compound = normalize(sum_s)
        # _sift_sentiment_scores: the zeros only count (list.count: x == 0), the others are
        # summed in the library's order
        pos_sum = 0.0
        neg_sum = 0.0
        neu_count = sentiments.count(0)
        for sentiment_score in filter(None, sentiments):
            if sentiment_score > 0:
                pos_sum += (float(sentiment_score) + 1)
            else:
                neg_sum += (float(sentiment_score) - 1)
        if pos_sum > fabs(neg_sum):
            pos_sum += punct_emph_amplifier
        elif pos_sum < fabs(neg_sum):
            neg_sum -= punct_emph_amplifier
        total = pos_sum + fabs(neg_sum) + neu_count
        return _tuple_new(Polarity, (round(fabs(neg_sum / total), 3),
                                     round(fabs(neu_count / total), 3),
                                     round(fabs(pos_sum / total), 3),
                                     round(compound, 4)))

    return FastVader


@lru_cache(maxsize=1)
def _pattern():
    from textblob.en import sentiment

    return sentiment


#: text -> Polarity: VADER's scores memoised (a plain dict, cleared when full: every lookup and
#: store is one dict operation, so threads may share it).
_VADER: dict = {}


def _remember(text: str, v: Polarity) -> Polarity:
    if len(_VADER) >= CACHE_SIZE:
        _VADER.clear()
    _VADER[text] = v
    return v


def vader_scores(text: str) -> Polarity:
    """VADER's neg, neu, pos and compound scores of `text` (memoised)."""
    got = _VADER.get(text)
    if got is None:
        got = _remember(text, vader().polarity(text))
    return got


def vader_scores_many(texts: list[str]) -> list[Polarity]:
    """`vader_scores` of each text; those not memoised yet are scored together (see
    `polarity_many`), and memoised for the stages that ask for them next."""
    out = list(map(_VADER.get, texts))
    todo = list(compress(range(len(out)), map(is_, out, repeat(None))))
    if todo:
        scores = vader().polarity_many([texts[k] for k in todo])
        for k, v in zip(todo, scores):
            out[k] = _remember(texts[k], v)
    return out


@lru_cache(maxsize=CACHE_SIZE)
def pattern_scores(text: str) -> tuple[float, float]:
    """(polarity -1..1, subjectivity 0..1) of `text` by textblob's pattern analyser (memoised).

    The analyser re-tokenises the text with pattern's regular expressions, about 0.5 ms a
    sentence; the classifier now reads `pattern_lexicon` over the words it has already split.
    """
    polarity, subjectivity = _pattern()(text)[:2]
    return float(polarity), float(subjectivity)


#: Words after which pattern reads a known word's polarity as reversed and weakened.
NEGATIONS = frozenset({"no", "not", "never"})


@lru_cache(maxsize=1)
def pattern_lexicon() -> dict:
    """word -> (polarity -1..1, subjectivity 0..1) from textblob's bundled pattern lexicon.

    The entry textblob itself uses for untagged text (part of speech None), else the word's first
    entry. Read from the wheel (en-sentiment.xml) by framing.text.textblob_data, without importing
    textblob (whose __init__ imports nltk): no nltk data, no download.
    """
    from .textblob_data import sentiment_lexicon

    lex = sentiment_lexicon()
    out = {}
    for word in sorted(lex):
        by_pos = lex[word]
        values = by_pos.get(None) or next(iter(by_pos.values()), None)
        if values:
            out[word.lower()] = (float(values[0]), float(values[1]))
    return out


def is_negation(word: str) -> bool:
    """"not", "no", "never", or a contraction ending in n't ("isn't", "don't")."""
    return word in NEGATIONS or word.endswith("n't")
