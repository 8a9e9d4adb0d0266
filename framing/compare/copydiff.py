"""Rewritten copy: near-identical sentences across outlets and the words that were changed.

Wire copy and press releases reach several outlets, and what an outlet changes in them is a framing
choice made in plain sight: "killed" -> "martyred", "government" -> "regime". Within each claim,
pairs of body mentions from different outlets whose word sequences are close (difflib ratio over
lower-cased word tokens >= `MIN_RATIO`) but not identical get a token-level diff. Punctuation is
left out of the comparison, so a changed comma or quote mark is not a rewrite.

Cost: all pairs inside claims of up to `ALL_PAIRS_UP_TO` mentions; in bigger claims (a 500-article
story where one wire sentence runs everywhere) each mention is compared with the claim's central
mention only, which keeps the work linear in the number of mentions.
"""
from __future__ import annotations

from difflib import SequenceMatcher

from ..model import ArticleAnalysis
from ..model.comparison import Claim, CopyDiff, WordChange

MIN_RATIO = 0.6
ALL_PAIRS_UP_TO = 8


def _tokens_in(analysis: ArticleAnalysis, sentence: int, start: int, end: int):
    doc = analysis.doc
    return [t for t in doc.sentence_tokens(sentence) if start <= t.start and t.end <= end and t.is_word]


def _diff(ca, a_art: ArticleAnalysis, cb, b_art: ArticleAnalysis, claim_id: str, cache: dict) -> CopyDiff | None:
    ta = _tokens_in(a_art, ca.sentence, ca.start, ca.end)
    tb = _tokens_in(b_art, cb.sentence, cb.start, cb.end)
    if not ta or not tb:
        return None
    na, nb = tuple(t.norm for t in ta), tuple(t.norm for t in tb)
    if na == nb:
        return None
    key = (na, nb)
    if key not in cache:  # rewrites repeat in big stories: diff each pair of wordings once
        sm = SequenceMatcher(None, na, nb, autojunk=False)
        if sm.real_quick_ratio() < MIN_RATIO or sm.quick_ratio() < MIN_RATIO:
            cache[key] = None  # cheap upper bounds of the ratio rule most pairs out
        else:
            ratio = sm.ratio()
            cache[key] = (ratio, sm.get_opcodes()) if ratio >= MIN_RATIO else None
    if cache[key] is None:
        return None
    ratio, opcodes = cache[key]
    text_a, text_b = a_art.article.text, b_art.article.text
    changes = []
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            continue
        a_start = ta[i1].start if i2 > i1 else -1
        a_end = ta[i2 - 1].end if i2 > i1 else -1
        b_start = tb[j1].start if j2 > j1 else -1
        b_end = tb[j2 - 1].end if j2 > j1 else -1
        changes.append(WordChange(
            kind=op, a_text=text_a[a_start:a_end] if a_start >= 0 else "",
            b_text=text_b[b_start:b_end] if b_start >= 0 else "",
            a_start=a_start, a_end=a_end, b_start=b_start, b_end=b_end))
    return CopyDiff(claim_id=claim_id, a_article=ca.article_id, a_outlet=ca.outlet, a_start=ca.start,
                    a_end=ca.end, b_article=cb.article_id, b_outlet=cb.outlet, b_start=cb.start,
                    b_end=cb.end, ratio=round(ratio, 4), changes=tuple(changes))


def copy_diffs(claims: tuple[Claim, ...], analyses: list[ArticleAnalysis]) -> tuple[CopyDiff, ...]:
    by_id = {a.article.id: a for a in analyses}
    cache: dict = {}
    out = []
    for c in claims:
        body = [m for m in c.mentions if m.position in ("lede", "body")]
        if len(body) < 2:
            continue
        if len(body) <= ALL_PAIRS_UP_TO:
            pairs = [(body[i], body[j]) for i in range(len(body)) for j in range(i + 1, len(body))]
        else:
            centre = max(enumerate(body), key=lambda im: (im[1].similarity, -im[0]))[1]
            pairs = [(centre, m) for m in body if m is not centre]
        for a, b in pairs:
            if a.outlet == b.outlet:
                continue
            d = _diff(a, by_id[a.article_id], b, by_id[b.article_id], c.id, cache)
            if d is not None:
                out.append(d)
    return tuple(out)
