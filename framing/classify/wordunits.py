"""The letter block's units of a word, other than scikit-learn's char_wb letter n-grams.

The letter block exists for what a few hundred hand-written training sentences miss: inflections
and variants of the words they do contain ("slammed" in training, "slamming" in the news). Letter
3-5-grams catch them but give each word ten to twenty features, which made the letter block about
a third of the classify stage's CPU time. One unit per word catches most of it for the cost of a
unigram (docs/accuracy_classifier.md, session 6):

- "prefixN" (the default is "prefix5"): the word's first N letters, marked "~" when cut, so
  "economy", "economic" and "economists" are all "econo~", "slammed" and "slamming" "slamm~";
  a word of N letters or fewer is itself ("war", "slams");
- "lemma": its dictionary form from lemminflect's tables (the ones framing.text.lemmas reads),
  without a part of speech, since the classifier's words come from the sentence text, not from
  tagged tokens: the shortest lemma listed (ties alphabetical), so "slamming" is "slam" and
  "killings" "killing"; a word the tables do not know (names, "pakistan's") stands for itself;
- several joined by "+" ("lemma+prefix5"): each word gives one unit of each.

Explanations credit a unit to the sentence's words that hold it (framing.classify.explain), so a
student still reads 'word: "slamming"', never a fragment.
"""
from __future__ import annotations


def word_lemma(word: str) -> str:
    """The shortest lemma lemminflect's tables list for a lower-case word, else the word."""
    from ..text.lemmas import _tables

    lemma_dict, overrides = _tables()
    found = []
    for table in (overrides, lemma_dict):
        entry = table.get(word)
        if entry:
            for forms in entry.values():
                found.extend(forms)
    if not found:
        return word
    return min((f.lower() for f in found), key=lambda f: (len(f), f))


def prefix_length(unit: str) -> int | None:
    """N of a "prefixN" unit, or None for any other unit."""
    if unit.startswith("prefix") and unit[6:].isdigit() and int(unit[6:]) > 0:
        return int(unit[6:])
    return None


def prefixes(words, n: int) -> list[str]:
    """The "prefixN" unit of each word: its first N letters marked "~", or the word when it is no
    longer (a whole list at once: the classifier's fast path takes an article's new words so)."""
    return [w if len(w) <= n else w[:n] + "~" for w in words]


def word_units(word: str, unit: str) -> tuple[str, ...]:
    """The units of one (folded, lower-case) word for a letter unit other than "char_wb"."""
    out = []
    for part in unit.split("+"):
        n = prefix_length(part)
        if part == "lemma":
            out.append(word_lemma(word))
        elif n is not None:
            out.extend(prefixes((word,), n))
        else:
            raise ValueError(f"unknown letter unit {part!r} (char_wb, lemma, prefixN, or joined by +)")
    return tuple(out)
