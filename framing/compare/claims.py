"""From aligned units to claims, the coverage matrix and omissions.

- A claim is one cluster of the alignment. Its text is its most central body mention (highest mean
  similarity to the others); its terms the unigrams with the most summed TF-IDF weight.
- Coverage: one cell per (claim, article) the article carries, with the most prominent place it
  gives the claim (headline > subhead > lede > body) and the body position of its body mention.
- Omissions: with three or more outlets, a claim only one outlet carries ("only_one") and a claim
  every outlet but one carries ("all_but_one"). With two outlets only "only_one" is meaningful.
"""
from __future__ import annotations

from collections import defaultdict

from ..model import ArticleAnalysis
from ..model.comparison import Claim, ClaimMention, CoverageCell, Omission
from .align import Alignment
from .units import Unit

_PROMINENCE = {"headline": 0, "subhead": 1, "lede": 2, "body": 3}
CLAIM_TERMS = 5


def build_claims(analyses: list[ArticleAnalysis], units: list[Unit], alignment: Alignment,
                 outlet_order: list[str]):
    """(claims, coverage cells), claims ordered by outlets carrying them, then first appearance."""
    raw = []
    for ci, members in enumerate(alignment.clusters):
        body = [i for i in members if units[i].position in ("lede", "body")]
        heads = [i for i in members if units[i].position in ("headline", "subhead")]
        ordered = sorted(body, key=lambda i: (units[i].article, units[i].start)) + \
            sorted(heads, key=lambda i: (units[i].article, units[i].start))
        outlets = {analyses[units[i].article].article.outlet for i in members}
        first = min((units[i].article, units[i].start) for i in members)
        raw.append((ci, ordered, outlets, first))
    raw.sort(key=lambda r: (-len(r[2]), r[3]))
    o_rank = {o: k for k, o in enumerate(outlet_order)}
    claims, cells = [], []
    for n, (ci, ordered, outlets, _) in enumerate(raw, 1):
        cid = f"c{n:03d}"
        mentions = []
        for i in ordered:
            u = units[i]
            a = analyses[u.article]
            s = a.doc.sentences[u.sentence]
            mentions.append(ClaimMention(
                article_id=a.article.id, outlet=a.article.outlet, sentence=u.sentence,
                start=u.start, end=u.end, sentence_start=s.start, sentence_end=s.end,
                text=a.article.text[u.start:u.end], position=u.position, fraction=u.fraction,
                similarity=alignment.mean_sim[i]))
        central_pool = [i for i in ordered if units[i].position in ("lede", "body")] or ordered
        central = max(central_pool, key=lambda i: (alignment.mean_sim[i], -units[i].article, -units[i].start))
        cu = units[central]
        weights: dict[str, float] = defaultdict(float)
        for i in ordered:
            for term, w in alignment.feature_weights[i].items():
                weights[term] += w
        terms = tuple(t for t, _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:CLAIM_TERMS])
        articles = []
        for m in mentions:
            if m.article_id not in articles:
                articles.append(m.article_id)
        claims.append(Claim(
            id=cid, text=analyses[cu.article].article.text[cu.start:cu.end], terms=terms,
            outlets=tuple(sorted(outlets, key=lambda o: o_rank.get(o, 0))),
            articles=tuple(articles), mentions=tuple(mentions),
            cohesion=alignment.cohesion[ci]))
        by_article: dict[str, list[ClaimMention]] = defaultdict(list)
        for m in mentions:
            by_article[m.article_id].append(m)
        for art_id in articles:
            ms = by_article[art_id]
            body = next((m for m in ms if m.position in ("lede", "body")), None)
            head = next((m for m in ms if m.position in ("headline", "subhead")), None)
            top = min(ms, key=lambda m: _PROMINENCE[m.position])
            main = body or head
            cells.append(CoverageCell(
                claim_id=cid, article_id=art_id, outlet=main.outlet, position=top.position,
                fraction=body.fraction if body else 0.0, sentence=main.sentence,
                start=main.start, end=main.end,
                headline_start=head.start if head else -1, headline_end=head.end if head else -1))
    return tuple(claims), tuple(cells)


def omissions(claims: tuple[Claim, ...], outlets: list[str], analyses: list[ArticleAnalysis] = (),
              units: list[Unit] = (), alignment: Alignment | None = None,
              near_threshold: float = 1.0) -> tuple[Omission, ...]:
    """Claims only one outlet carries, and (with 3+ outlets) claims all outlets but one carry,
    each with the closest wording the other side has (see `Omission`), when the alignment's
    scored pairs are given."""
    out = []
    n = len(outlets)
    if n < 2:
        return ()
    article_index = {a.article.id: k for k, a in enumerate(analyses)}
    unit_of = {(u.article, u.start, u.end): i for i, u in enumerate(units)}
    for c in claims:
        carried = set(c.outlets)
        if len(carried) == 1:
            kind, outlet = "only_one", c.outlets[0]
            others = {k for k, a in enumerate(analyses) if a.article.outlet != outlet}
        elif n >= 3 and len(carried) == n - 1:
            kind = "all_but_one"
            outlet = next(o for o in outlets if o not in carried)
            others = {k for k, a in enumerate(analyses) if a.article.outlet == outlet}
        else:
            continue
        closest = {}
        if alignment is not None and alignment.neighbours is not None and others:
            mine = [unit_of[key] for key in ((article_index.get(m.article_id), m.start, m.end)
                                             for m in c.mentions) if key in unit_of]
            hit = alignment.neighbours.closest(mine, others)
            if hit is not None:
                sim, j = hit
                u = units[j]
                a = analyses[u.article]
                closest = dict(closest_article_id=a.article.id, closest_outlet=a.article.outlet,
                               closest_start=u.start, closest_end=u.end,
                               closest_text=a.article.text[u.start:u.end],
                               closest_similarity=sim, possibly_carried=sim >= near_threshold)
        out.append(Omission(c.id, kind, outlet, c.outlets, c.text, **closest))
    return tuple(out)
