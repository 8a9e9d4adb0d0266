"""Whom an article credits for a figure or a date.

In order of trust:
1. the attribution stage's output (`ArticleAnalysis.attributions`): a figure inside an attribution's
   content span belongs to that attribution's speaker;
2. "according to X" in the same sentence;
3. a reporting verb in the same sentence with its subject ("Tarar said ...", "..., the ministry
   said") when the figure is in what is reported;
4. inside quotation marks with no speaker found: "quote".
Otherwise the figure is the outlet's own statement (speaker "").
"""
from __future__ import annotations

from ..attribution.data import load_data
from ..model import ArticleAnalysis
from ..model.comparison import Attributed
from .data import reporting_verbs

#: The most unnamed sources one attribution is credited to, as a count ("two officials", "three
#: people familiar with ..."); a larger number of people speaking is a crowd the story reports.
_MOST_SOURCES = 10
_NAME_POS = ("NNP", "NNPS", "NN", "NNS", "PRP", "JJ", "POS")


def _attribution_spans(analysis: ArticleAnalysis) -> list[tuple[int, int, str, int, int]]:
    """(content start, content end, speaker, speaker start, speaker end) from the attribution stage."""
    out = []
    for att in analysis.attributions:
        speaker = getattr(att, "speaker", "") or getattr(att, "source_text", "") or ""
        src = getattr(att, "source", None)
        s_start, s_end = (src.start, src.end) if src is not None else (-1, -1)
        content = getattr(att, "content", ())
        if hasattr(content, "start"):
            content = (content,)
        for c in content or ():
            out.append((c.start, c.end, speaker, s_start, s_end))
    return out


def _np_before(toks, k: int, lo: int) -> tuple[int, int] | None:
    j = k
    while j > lo and (toks[j - 1].pos in _NAME_POS or toks[j - 1].norm in ("the", "'s", "of")):
        j -= 1
    while j < k and toks[j].norm == "of":
        j += 1
    return (j, k) if j < k else None


def _np_after(toks, k: int, hi: int) -> tuple[int, int] | None:
    j = k
    while (j < hi and (toks[j].pos in _NAME_POS or toks[j].norm in ("-", "of", "'s", "the"))
           and toks[j].norm not in (",", ".", "that")):
        j += 1
    while j > k and toks[j - 1].norm in ("of", "-", "the"):
        j -= 1
    return (k, j) if j > k else None


class Crediter:
    """Answers "who says so?" for spans of one article."""

    def __init__(self, analysis: ArticleAnalysis):
        self.analysis = analysis
        self.doc = analysis.doc
        self.spans = _attribution_spans(analysis)
        # the speakers' spans ("two U.S. officials said")
        self.sources = [(a.source.start, a.source.end) for a in analysis.attributions
                        if getattr(a, "source", None) is not None]

    def counts_unnamed_sources(self, start: int, end: int, counted: str, value: float) -> bool:
        """Whether a number at [start, end) counting `counted` (a lemma) is a count of unnamed
        sources: in an attribution's speaker span, counting a noun that names no one (official,
        source, people ...: the head nouns of framing/data/attribution/anonymous.tsv), and small
        ("Two U.S. officials said", "three people familiar with the talks"). It counts who
        speaks, not something the story reports: two outlets' source counts are no disagreement
        about the facts. Larger counts are crowds the story reports ("10,000 people showed up",
        "several hundred people protesting")."""
        if value > _MOST_SOURCES or not self.sources:
            return False
        return counted in load_data().anonymous_heads and any(
            a <= start and end <= b for a, b in self.sources)

    def credit(self, start: int, end: int, sentence: int, clause: tuple[int, int] | None = None) -> Attributed:
        """Who the article says the span at [start, end) comes from; `clause` is a token range."""
        for c_start, c_end, speaker, s_start, s_end in self.spans:
            if c_start <= start and end <= c_end and speaker:
                return Attributed(speaker, "attribution", s_start, s_end)
        doc = self.doc
        text = doc.text
        s = doc.sentences[sentence]
        toks = doc.tokens
        lo, hi = s.token_start, s.token_end
        for k in range(lo, hi - 2):  # "according to X" covers its whole sentence
            if toks[k].norm == "according" and toks[k + 1].norm == "to":
                np = _np_after(toks, k + 2, hi)
                if np and not (toks[np[0]].start <= start < toks[np[1] - 1].end):
                    a, b = toks[np[0]].start, toks[np[1] - 1].end
                    return Attributed(text[a:b], "according_to", a, b)
        c_lo, c_hi = clause if clause else (lo, hi)
        verbs = reporting_verbs()
        for k in range(c_lo, c_hi):
            t = toks[k]
            if not t.pos.startswith("VB") or t.lemma.lower() not in verbs:
                continue
            np = None
            if t.end <= start:  # "X said (that) ... <figure>"
                np = _np_before(toks, k, c_lo)
            else:  # "<figure> ..., X said." / "..., said X.": the speaker closes the sentence
                before = _np_before(toks, k, c_lo)
                if before and before[0] > c_lo and toks[before[0] - 1].norm == "," and self._ends(k + 1, hi):
                    np = before
                elif k > c_lo and toks[k - 1].norm == ",":
                    after = _np_after(toks, k + 1, hi)
                    if after and self._ends(after[1], hi):
                        np = after
            if np is not None and any(toks[j].pos in ("NNP", "NNPS", "PRP") or toks[j].pos.startswith("NN")
                                      for j in range(*np)):
                a, b = toks[np[0]].start, toks[np[1] - 1].end
                if a <= start < b:
                    continue
                return Attributed(text[a:b], "reporting_verb", a, b)
        if doc.quote_at(start) is not None:
            return Attributed("", "quote")
        return Attributed("", "")

    def _ends(self, k: int, hi: int) -> bool:
        """Only punctuation or a short adverbial ("on Tuesday") is left of the sentence after k."""
        rest = [t for t in self.doc.tokens[k:hi] if any(c.isalnum() for c in t.text)]
        return len(rest) <= 3
