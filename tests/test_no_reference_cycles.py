"""An analysed article is freed as soon as it is dropped (issue 11: batch memory and CPU).

A batch worker analyses thousands of articles. When an article's Doc sat in a reference cycle (the
speaker resolver's lazy walks referred back to it), every article waited for the cyclic garbage
collector, whose young-generation passes then walked the dead articles: 1.2 CPU-s per 1,000
articles. With the cycle broken, reference counting frees each article at once.
"""
from __future__ import annotations

import gc
from pathlib import Path

from framing.api import analyze_article
from framing.ingest import load_story
from framing.model import Doc
from framing.resources import Resources

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _live_docs() -> int:
    return sum(1 for o in gc.get_objects() if type(o) is Doc)


def test_analysed_articles_leave_no_doc_behind_without_the_cyclic_collector():
    articles = load_story(SEEDS).articles
    resources = Resources()
    analyze_article(articles[0], resources)  # load resources before counting
    gc.collect()
    before = _live_docs()
    gc.disable()
    try:
        for article in articles:
            analysis = analyze_article(article, resources)
            assert analysis.attributions  # the speaker resolver ran on every one
        del analysis
        left = _live_docs() - before
    finally:
        gc.enable()
    assert left == 0
