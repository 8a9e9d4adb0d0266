"""Extra scores beside the flags: VADER valence and pattern/textblob subjectivity.

These are signals, not the flag list: a word can be strongly valenced without being slanted
("killed") and slanted without VADER knowing it ("regime"). Both resources ship inside their wheels
(vaderSentiment's lexicon file, textblob's en-sentiment.xml), so nothing is downloaded.
"""
from __future__ import annotations

from functools import lru_cache, partial
from operator import is_not

from ..text.sentiment import pattern_lexicon as shared_pattern_lexicon
from ..text.sentiment import vader, vader_scores, vader_scores_many  # shared with the classifier and actors stages


@lru_cache(maxsize=1)
def pattern_lexicon() -> dict:
    """word -> subjectivity (0..1): the subjectivity half of the shared pattern lexicon."""
    return {word: subjectivity for word, (_, subjectivity) in shared_pattern_lexicon().items()}


def word_valence(words) -> float | None:
    """Mean VADER lexicon valence (-4..4) of the words VADER knows, None when it knows none."""
    lex = vader().lexicon
    vals = [lex[w] for w in words if w in lex]
    return round(sum(vals) / len(vals), 3) if vals else None


def word_subjectivity(words) -> float | None:
    """Mean pattern subjectivity (0..1) of the words the pattern lexicon knows, else None."""
    lex = pattern_lexicon()
    vals = [lex[w] for w in words if w in lex]
    return round(sum(vals) / len(vals), 3) if vals else None


def sentence_scores(text: str, words=None) -> tuple[float, float]:
    """(VADER compound -1..1, subjectivity 0..1) of one sentence.

    Subjectivity is the mean pattern-lexicon subjectivity of the sentence's words that the lexicon
    knows (0.0 when it knows none): the same lexicon textblob's PatternAnalyzer uses, without its
    modifier rules, and about ten times faster. `words`: the sentence's lower-case word tokens
    (taken from `text` when not given).
    """
    compound = vader_scores(text).compound
    if words is None:
        words = text.lower().split()
    subjectivity = word_subjectivity(words)
    return round(float(compound), 4), round(float(subjectivity or 0.0), 4)


#: "v is not None" at C speed, for filter().
_KNOWN = partial(is_not, None)


def doc_sentence_scores(doc, norms: list[str] | None = None) -> list[tuple[float, float]]:
    """sentence_scores of every sentence of a Doc, from the tokens' norms taken once.

    The same numbers as calling sentence_scores(doc.sentence_text(i), norms of sentence i) per
    sentence: VADER scores all the sentences at once (`vader_scores_many`, which memoises them
    for the stages after this one), the subjectivity lexicon is looked up once per token, and
    each sentence's mean is taken over the same words in the same order. VADER's compound is
    already rounded to 4 places and the mean is rounded to 3, so rounding them to 4 again
    (sentence_scores) changes nothing and is left out.
    """
    if norms is None:
        norms = [t.norm for t in doc.tokens]
    subj = list(map(pattern_lexicon().get, norms))
    text = doc.text
    sentences = doc.sentences
    texts = [text[s.start:s.end] for s in sentences]
    out = []
    known = _KNOWN
    for s, pol in zip(sentences, vader_scores_many(texts)):
        vals = list(filter(known, subj[s.token_start:s.token_end]))  # the words it knows, in order
        out.append((pol.compound, round(sum(vals) / len(vals), 3) if vals else 0.0))
    return out
