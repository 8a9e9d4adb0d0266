"""Attribution stage: who speaks in the article, through which cue, and how much.

run(doc, resources, previous) -> {"attributions": (Attribution, ...), "summary": {"attribution": {...}}}

The summary holds the per-article aggregate (framing.model.attribution.aggregate: voice share by
speaker and by side, share of direct quotes, cue classes by side), the first quote of each side,
the merged speakers, the scare quotes (short quoted words nobody is credited with) and the longer
quotations left unattributed. Lexicon findings in previous["findings"] that mark a quotation the
attribution rules credit to someone are listed under "not_scare_quotes" so the report can drop them
(`run` and `_SpokenQuotes.credited_elsewhere` say which).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..attribution import attributions_of
from ..model.attribution import aggregate, first_quote_by_side
from ..model.core import SpanCover


def _resource(resources, name: str):
    """A resource, or None when it is missing or fails to load (the stage degrades, never fails)."""
    if resources is None:
        return None
    try:
        return getattr(resources, name)
    except Exception:  # e.g. the lexicon package is not installed yet
        return None


def _scare_findings(findings) -> list:
    out = []
    for f in findings or ():
        cat = str(getattr(f, "category", "")).lower()
        if "scare" in cat:
            out.append(f)
    return out


_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb`"


def _quoted_words(text: str) -> str:
    """Quoted words compared across an article: lower case, curly apostrophes straight, the marks
    and the punctuation at either end dropped, spaces collapsed ("“Off limits,”" -> "off limits")."""
    words = text.replace("\u2019", "'").lower().strip(_QUOTE_MARKS + " .,;:!?")
    return " ".join(words.split())


#: Sources that are the writer (an opinion piece's "I expect that ...", "We can call ..."): what
#: they hold is the writer's own voice, so quoted words there can still be the writer's distance.
_WRITER = frozenset({"i", "we"})

#: How far (in sentences) a speaker's longer quotation may be from short quoted words that repeat
#: a phrase of it: "middle class" inside a quotation 66 sentences away is a common phrase, not an echo.
ECHO_SENTENCES = 15


class _SpokenQuotes:
    """The article's quotations that the attribution rules credit to a named speaker, each with its
    words (`_quoted_words`) and sentence, built once per article for `credited_elsewhere`."""

    def __init__(self, doc, attributions):
        cover = SpanCover((c.start, c.end) for a in attributions if a.speaker for c in a.content)
        starts = [s.start for s in doc.sentences]
        self._sentence_of = lambda offset: bisect_right(starts, offset) - 1
        self.quotes = [(q.start, q.end, _quoted_words(doc.text[q.inner_start:q.inner_end]),
                        self._sentence_of(q.start))
                       for q in doc.quotes if cover.covers(q.start, q.end)]

    def credited_elsewhere(self, text: str, start: int, end: int) -> bool:
        """Whether the short quotation at start:end gives back words that a named speaker is
        credited with elsewhere in the article: the same words quoted again ("Drain the swamp" ...
        while Trump came into office promising to "drain the swamp"; a headline's 'NON-STARTER',
        and Meadows said a deal would be a "non-starter"), or two or more of them inside a longer
        quotation at most ECHO_SENTENCES away ("if Turkey does anything that I ... consider to be
        off limits", he tweeted; then: what Mr. Trump meant by "off limits"). One word inside a
        longer quotation proves little ("ban" in Trump's sentence, and the writer's own "ban"
        disputing it). On hand-labelled AllSides quotations (dev half) this held for 6 wrong flags
        and none of the 12 scare quotes; on 900 unseen AllSides articles, one word quoted alone
        again was a term the article keeps using ("nones", "meh", "airborne") or someone's word
        about 8 times as often as the writer's distance (docs/accuracy_lexicon.md, "Scare quotes")."""
        words = _quoted_words(text[start:end])
        if not self.quotes or not any(ch.isalpha() for ch in words):
            return False
        pattern = None if " " not in words else \
            re.compile(r"(?<![\w'-])" + re.escape(words) + r"(?![\w'-])")
        here = self._sentence_of(start)
        for q_start, q_end, other, sentence in self.quotes:
            if (q_start <= start and end <= q_end) or (start <= q_start and q_end <= end):
                continue  # the quotation itself, one holding it or one inside it
            if other == words or (pattern is not None and abs(sentence - here) <= ECHO_SENTENCES
                                  and pattern.search(other)):
                return True
        return False


def run(doc, resources, previous: dict) -> dict:
    lexicon = _resource(resources, "lexicon")
    gazetteer = _resource(resources, "gazetteer")
    attributions, quotes = attributions_of(doc, lexicon=lexicon, gazetteer=gazetteer)
    # A scare-quote finding inside an attribution's content is that source's words, not the
    # writer's distance: a direct quotation's content, and (session 12) a paraphrase's ('Saipov is
    # believed to have had "some connectivity" to others ..., Miller said'; 'the idea that his White
    # House would "purposely release" ...', which he assailed). On hand-labelled AllSides quotations
    # the paraphrases held 12 of 38 wrong flags in the dev half and none of the 12 scare quotes.
    # A paraphrase of the writer's own ("I fully expect that ... a bigger "risk" for Biden") stays
    # the writer's.
    credited = SpanCover((c.start, c.end) for a in attributions
                         if a.kind == "direct" or a.source_text.lower() not in _WRITER
                         for c in a.content)
    spoken = None  # built on the first scare quote a paraphrase does not hold
    not_scare = []
    for f in _scare_findings((previous or {}).get("findings", ())):
        start, end = getattr(f, "start", None), getattr(f, "end", None)
        if start is None:
            continue
        if not credited.covers(start, end):
            spoken = spoken or _SpokenQuotes(doc, attributions)
            if not spoken.credited_elsewhere(doc.text, start, end):
                continue
        not_scare.append({"start": start, "end": end})
    speakers = {}
    for a in attributions:
        if a.speaker_id >= 0 and a.speaker_id not in speakers:
            speakers[a.speaker_id] = {"id": a.speaker_id, "speaker": a.speaker, "role": a.role,
                                      "title": a.title, "affiliation": a.affiliation,
                                      "anonymous": a.anonymous, "mentions": []}
        if a.speaker_id >= 0 and a.source is not None:
            speakers[a.speaker_id]["mentions"].append(a.source_text)
    summary = aggregate(attributions, unattributed_claims=len(quotes["unattributed_quotes"]))
    summary.update({
        "first_quote_by_side": first_quote_by_side(attributions, len(doc.text)),
        "speakers": [speakers[k] for k in sorted(speakers)],
        "scare_quotes": quotes["scare_quotes"],
        "unattributed_quotes": quotes["unattributed_quotes"],
        "not_scare_quotes": not_scare,
    })
    return {"attributions": attributions, "summary": {"attribution": summary}}
