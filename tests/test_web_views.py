"""The story view shows the report's own data: the same tables, the same highlights, links that
land on the page holding their target, every layer switchable, prompts with evidence."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_report_support import seed_result  # noqa: E402


@pytest.fixture(scope="module")
def page():
    from framing.web.storyview import build_story_page

    return build_story_page("seeds", seed_result())


def test_tables_are_the_reports_tables(page):
    from framing.report.viewmodel import build_view

    report = build_view(seed_result())
    mine = {t.id: t for s in page.view.sections for t in s.tables}
    for sec in report.sections:
        for t in sec.tables:
            assert t.id in mine
            assert [[c.text for c in r.cells] for r in t.rows] == [[c.text for c in r.cells] for r in mine[t.id].rows], t.id
    assert page.view.columns == report.columns


def test_every_link_lands_on_an_app_page_holding_its_target(page):
    from framing.web.storyview import PAGES, page_of_anchor

    hrefs = [p.href for s in page.view.sections for t in s.tables for r in t.rows for c in r.cells for p in c.parts if p.href]
    assert hrefs
    for href in hrefs:
        assert href.startswith("/t/story/seeds"), href
        path, _, anchor = href.partition("#")
        assert anchor
        pid = path[len("/t/story/seeds"):].strip("/") or "articles"
        assert pid in {p for p, _, _ in PAGES}
        assert page_of_anchor(anchor) in (pid, ""), href


def test_article_highlights_cover_the_same_spans_as_the_report(page):
    from framing.report.viewmodel import build_view

    report = build_view(seed_result())
    for mine, theirs in zip(page.view.articles, report.articles):
        spans = {(h.start, h.end, h.layer) for h in theirs.highlights}
        assert spans <= {(h.start, h.end, h.layer) for h in mine.highlights}
        for h in mine.highlights:
            assert mine.text[h.start:h.end]


def test_actor_highlights_say_what_the_other_outlets_call_the_actor(page):
    actors = [h for a in page.view.articles for h in a.highlights if h.layer == "actor" and h.tip]
    if not actors:
        pytest.skip("the actors stage found no actor in the seeds (stage not installed?)")
    assert any(line.startswith("Other outlets: ") for h in actors for line in h.tip)
    line = next(line for h in actors for line in h.tip if line.startswith("Other outlets: "))
    others = [c for c in page.view.columns if c + ":" in line]
    assert len(others) == len(page.view.columns) - 1


def test_prompts_come_from_the_data_file_with_evidence(page):
    from framing.web.prompts import templates

    assert set(templates()) >= {"naming", "omission", "disagreement", "distinctive", "class_not_tool"}
    assert page.prompts, "the seeds differ in many ways: there must be prompts"
    kinds = {p.kind for p in page.prompts}
    assert kinds & {"naming", "cue", "voice", "omission", "disagreement", "distinctive"}
    for p in page.prompts:
        assert "{" not in p.text and p.uncertainty
        for label, href in p.evidence:
            assert href.startswith("/t/story/seeds") and "#" in href
    # no verdicts: every prompt asks
    assert all("?" in p.text for p in page.prompts)


def test_sentence_score_layer_reads_the_classifier_scores(page):
    from framing.web.storyview import score_highlights

    for i, a in enumerate(seed_result().analyses):
        hs = score_highlights(i, a)
        scored = [s for s in a.sentence_scores if s.bias_probability is not None and s.bias_probability >= 0.5]
        assert len(hs) == len(scored)
        for h, s in zip(hs, scored):
            assert (h.start, h.end) == (s.start, s.end) and f"{s.bias_probability:.0%}" in h.tip[0]


def test_story_pages_render_through_the_app(tmp_path):
    from test_web_support import client, login, make_app

    from framing.web.storyview import build_story_page

    app, _ = make_app(tmp_path, bundled_seeds=True)
    t = login(client(app))
    sid = app.state.startup_story_ids[0]
    app.state.framing.stories._items[sid] = build_story_page(sid, seed_result())  # reuse the suite's analysis
    html = t.get(f"/t/story/{sid}").text
    for layer in ("finding", "cue", "speaker", "content", "actor", "agency", "score"):
        assert f'id="layer-{layer}"' in html
    assert html.count('class="article"') == len(seed_result().analyses)
    assert 'id="detail-body"' in html
    for sub in ("summary", "naming", "voices", "coverage", "figures", "words", "evidence", "prompts", "handout", "methods"):
        r = t.get(f"/t/story/{sid}/{sub}")
        assert r.status_code == 200, sub
    assert "cannot know" in t.get(f"/t/story/{sid}/methods").text
    assert t.get(f"/t/story/{sid}/nonsense").status_code == 404
    css = t.get("/static/categories.css").text
    assert ".cat-loaded" in css and ":has(#cat-loaded:not(:checked))" in css
    assert t.get("/static/app.js").status_code == 200 and t.get("/static/report.css").status_code == 200
