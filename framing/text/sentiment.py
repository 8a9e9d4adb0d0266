"""VADER and pattern sentiment of a piece of text, computed once and shared by every stage.

Three stages score the same sentences: the lexicon stage (VADER compound beside its flags), the
classifier (VADER neg/pos/compound and pattern subjectivity/polarity as model features) and the
actors stage (VADER compound of the clause around each mention, which is very often the whole
sentence). VADER costs about 0.2 ms a sentence, so scoring each sentence three times was a tenth of
the pipeline's time. Both scorers are pure functions of the text, so a bounded memo keyed by the
text gives exactly the numbers a fresh call would: outputs do not change, only the cost.

The memo is bounded (an article has tens of sentences; the bound keeps a batch run's memory flat)
and thread-safe (functools.lru_cache), so worker threads of the web app can share it.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

#: Enough for the sentences and clauses of several long articles at once.
CACHE_SIZE = 8192


class Polarity(NamedTuple):
    """VADER's scores of one text (the fields of SentimentIntensityAnalyzer.polarity_scores)."""

    neg: float
    neu: float
    pos: float
    compound: float


@lru_cache(maxsize=1)
def vader():
    """The one VADER analyser (its lexicon ships inside the vaderSentiment wheel)."""
    return _fast_vader_class()()


def _fast_vader_class():
    """SentimentIntensityAnalyzer with `polarity_scores` rewritten for speed, same results.

    VADER lower-cased every word of the sentence again inside each of its checks (negation,
    idioms, "but", up to a dozen times per sentiment word) and rebuilt the text one character
    at a time to replace emoji. Here the words are lower-cased once per sentence and the checks
    read that list; every rule, its order and its arithmetic are the library's own (the quirky
    "but" rule and the final scoring are the library's functions, called as they are). A text
    holding an emoji goes to the library's code unchanged. tests/test_text_sentiment.py compares
    it with the stock analyser; it was also checked identical on every sentence of 345 news
    articles and on BABE's 2,919 sentences (docs/accuracy_classifier.md).
    """
    from vaderSentiment import vaderSentiment as vs

    booster, special, lexicon_of = vs.BOOSTER_DICT, vs.SPECIAL_CASES, None
    negate = frozenset(vs.NEGATE)
    n_scalar, c_incr = vs.N_SCALAR, vs.C_INCR
    punctuation = vs.string.punctuation
    scalar_inc_dec = vs.scalar_inc_dec

    def negated(word: str) -> bool:  # vs.negated([word]) for one lower-case word
        return word in negate or "n't" in word

    class FastVader(vs.SentimentIntensityAnalyzer):
        @property
        def ascii_has_no_emoji(self) -> bool:
            flag = self.__dict__.get("_ascii_has_no_emoji")
            if flag is None:
                flag = self.__dict__["_ascii_has_no_emoji"] = not any(
                    key.isascii() for key in self.emojis)
            return flag

        def polarity_scores(self, text):
            # no emoji key is plain ASCII (checked once), so ASCII text, most news, skips the test
            if not (text.isascii() and self.ascii_has_no_emoji) and \
                    not self.emojis.keys().isdisjoint(text):
                return super().polarity_scores(text)
            text = text.strip()
            # SentiText: tokens stripped of punctuation unless that leaves 2 characters or fewer
            words = [w if len(s := w.strip(punctuation)) <= 2 else s for w in text.split()]
            caps = sum(map(str.isupper, words))  # allcap_differential
            is_cap_diff = 0 < len(words) - caps < len(words)
            lower = [w.lower() for w in words]
            lexicon = self.lexicon
            n = len(words)
            sentiments = [0] * n  # boosters, "kind" of "kind of" and unknown words score 0
            for i in [i for i, low in enumerate(lower) if low in lexicon]:
                low = lower[i]
                if low in booster or (i < n - 1 and low == "kind" and lower[i + 1] == "of"):
                    continue
                sentiments[i] = self._valence(words, lower, i, is_cap_diff)
            if "but" in lower:
                sentiments = self._but_check(lower, sentiments)
            return self.score_valence(sentiments, text)

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
            if words[i].isupper() and is_cap_diff:
                if valence > 0:
                    valence += c_incr
                else:
                    valence -= c_incr
            for start_i in range(0, 3):
                if i > start_i and lower[i - (start_i + 1)] not in lexicon:
                    s = scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff)
                    if start_i == 1 and s != 0:
                        s = s * 0.95
                    if start_i == 2 and s != 0:
                        s = s * 0.9
                    valence = valence + s
                    valence = _negation(valence, lower, start_i, i)
                    if start_i == 2:
                        valence = _idioms(valence, lower, i)
            # _least_check
            if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
                if lower[i - 2] != "at" and lower[i - 2] != "very":
                    valence = valence * n_scalar
            elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
                valence = valence * n_scalar
            return valence

    def _negation(valence, lower, start_i, i):
        if start_i == 0:
            if negated(lower[i - 1]):
                valence = valence * n_scalar
        if start_i == 1:
            w2, w1 = lower[i - 2], lower[i - 1]
            if w2 == "never" and (w1 == "so" or w1 == "this"):
                valence = valence * 1.25
            elif w2 == "without" and w1 == "doubt":
                pass
            elif negated(w2):
                valence = valence * n_scalar
        if start_i == 2:
            w3, w2, w1 = lower[i - 3], lower[i - 2], lower[i - 1]
            if w3 == "never" and (w2 == "so" or w2 == "this") or (w1 == "so" or w1 == "this"):
                valence = valence * 1.25
            elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
                pass
            elif negated(w3):
                valence = valence * n_scalar
        return valence

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

    del lexicon_of
    return FastVader


@lru_cache(maxsize=1)
def _pattern():
    from textblob.en import sentiment

    return sentiment


@lru_cache(maxsize=CACHE_SIZE)
def vader_scores(text: str) -> Polarity:
    """VADER's neg, neu, pos and compound scores of `text` (memoised)."""
    v = vader().polarity_scores(text)
    return Polarity(v["neg"], v["neu"], v["pos"], v["compound"])


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
