"""Resources.warm(): what batch workers call once before their first article."""
from __future__ import annotations

import gc

from framing.api import analyze_article
from framing.model import Article
from framing.resources import Resources


def test_warm_loads_every_resource_and_freezes_the_heap():
    res = Resources()
    assert "lexicon" not in vars(res)  # lazily loaded: nothing yet
    try:
        assert res.warm() is res
        for name in ("lexicon", "gazetteer", "models"):
            assert name in vars(res), name
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_warmed_resources_gives_the_same_analysis_as_a_cold_one():
    article = Article(id="a", outlet="Test", text=(
        "Kabul denied the charge on Monday. \u201cWe will not accept this,\u201d a spokesman said, "
        "calling the strikes unprovoked."))
    warm = Resources()
    try:
        warm.warm()
        assert analyze_article(article, warm) == analyze_article(article, Resources())
    finally:
        gc.unfreeze()
