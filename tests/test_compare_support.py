"""Helpers shared by the tests of framing.compare, and the checks that every span traces back to text.

`make_story` builds analyses from made-up articles (text layer only; the stage fields stay empty, as
the comparison must work without them). `seed_analyses` loads the bundled seed story through the
ingest loader when it exists, else as raw files.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import jsonschema

from framing.model import Article, ArticleAnalysis, Story
from framing.text import build_doc

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SCHEMA = ROOT / "framing" / "schema" / "comparison.schema.json"


def make_story(articles: dict[str, str], date: str = "", titles: dict | None = None):
    """{outlet: text} -> (analyses, Story). Article ids are the outlet names in lower case."""
    analyses = []
    for outlet, text in articles.items():
        a = Article(id=outlet.lower().replace(" ", "-"), text=text, outlet=outlet, date=date,
                    title=(titles or {}).get(outlet, ""))
        analyses.append(ArticleAnalysis(article=a, doc=build_doc(a)))
    return analyses, Story(name="test", articles=tuple(x.article for x in analyses))


@lru_cache(maxsize=1)
def seed_analyses():
    try:
        import framing

        story = framing.load_story(str(SEEDS))
        articles = story.articles
    except Exception:  # the ingest loader is not there: read the files as they are
        articles = tuple(Article(id=p.stem, text=p.read_text(encoding="utf-8"), outlet=p.stem[:3])
                         for p in sorted(SEEDS.glob("*.txt")))
        story = Story(name="seeds", articles=articles)
    return tuple(ArticleAnalysis(article=a, doc=build_doc(a)) for a in articles), story


def to_json(obj):
    try:
        from framing.jsonout import to_jsonable
    except ImportError:  # pragma: no cover
        from framing.compare.stage_tables import plain as to_jsonable
    return json.loads(json.dumps(to_jsonable(obj), ensure_ascii=False))


def validate(comparison) -> dict:
    data = to_json(comparison)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    return data


def check_offsets(comparison, analyses) -> int:
    """Every span in the comparison indexes its article's text; returns how many were checked."""
    text = {a.article.id: a.article.text for a in analyses}
    checked = 0

    def same(article_id, start, end, expected):
        nonlocal checked
        assert text[article_id][start:end] == expected, (article_id, start, end, expected)
        checked += 1

    seen = set()
    for c in comparison.claims:
        for m in c.mentions:
            same(m.article_id, m.start, m.end, m.text)
            assert m.sentence_start <= m.start and m.end <= m.sentence_end
            assert (m.article_id, m.start) not in seen, "a unit sits in two claims"
            seen.add((m.article_id, m.start))
    assert len(seen) == sum(r.units for r in comparison.articles), "every unit is in a claim"
    outlet_of = {a.article.id: a.article.outlet for a in analyses}
    for om in comparison.omissions:
        if om.closest_article_id:  # the closest wording the other side has
            same(om.closest_article_id, om.closest_start, om.closest_end, om.closest_text)
            other_side = (outlet_of[om.closest_article_id] != om.outlet if om.kind == "only_one"
                          else outlet_of[om.closest_article_id] == om.outlet)
            assert other_side, om
    for cell in comparison.coverage:
        assert 0 <= cell.start < cell.end <= len(text[cell.article_id])
        if cell.headline_start >= 0:
            assert cell.headline_start < cell.headline_end
    for f in comparison.figures:
        same(f.article_id, f.start, f.end, f.text)
        same(f.article_id, f.counted_start, f.counted_end, f.counted_text)
        if f.attributed.start >= 0:
            same(f.article_id, f.attributed.start, f.attributed.end, text[f.article_id][f.attributed.start:f.attributed.end])
    for d in comparison.dates:
        same(d.article_id, d.start, d.end, d.text)
        if d.event_start >= 0:
            same(d.article_id, d.event_start, d.event_end, d.event_text)
    for e in comparison.events:
        same(e.article_id, e.start, e.end, e.text)
    for g in comparison.fact_groups:
        for s in g.sides:
            same(s.article_id, s.start, s.end, s.text)
            assert s.sentence_start <= s.start and s.end <= s.sentence_end
    for d in comparison.copy_diffs:
        for ch in d.changes:
            if ch.a_start >= 0:
                same(d.a_article, ch.a_start, ch.a_end, ch.a_text)
            if ch.b_start >= 0:
                same(d.b_article, ch.b_start, ch.b_end, ch.b_text)
    for t in comparison.distinctive_terms:
        for o in t.occurrences:
            assert text[o.article_id][o.start:o.end].lower().replace("\u2019", "'").startswith(t.term.split()[0][:3])
            checked += 1
    return checked


def test_seed_loader_gives_five_outlets():
    analyses, _ = seed_analyses()
    assert len(analyses) == 5
    assert len({a.article.outlet for a in analyses}) == 5
