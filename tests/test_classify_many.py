"""Several articles scored together (stages.classify.run_many) give what one at a time gives."""
from __future__ import annotations

import warnings

import pytest

from framing.api import analyze_article
from framing.jsonout import dumps_compact
from framing.model import Article
from framing.resources import Resources
from framing.stages import classify as stage

from conftest import make_doc


@pytest.fixture(scope="module")
def resources():
    return Resources()


@pytest.fixture(scope="module")
def analysed(resources, seed_paths):
    """(doc, what the stages before classify gave) of every seed, an empty and a one-line article."""
    out = []
    articles = [Article(id=p.stem, text=p.read_text(encoding="utf-8"), outlet="Seed") for p in seed_paths]
    articles[2:2] = [Article(id="empty", text="", outlet="Seed"),
                     Article(id="short", text="Critics slammed the so-called reform.", outlet="Seed")]
    for article in articles:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a = analyze_article(article, resources, stages=("lexicon", "attribution", "actors"))
        out.append((a.doc, {"findings": a.findings}))
    return out


def _same(a: dict, b: dict) -> bool:
    return (repr(a) == repr(b) and a == b
            and dumps_compact([a["sentence_scores"], a["summary"]])
            == dumps_compact([b["sentence_scores"], b["summary"]]))


def test_articles_scored_together_equal_one_at_a_time(resources, analysed):
    one = [stage.run(doc, resources, previous) for doc, previous in analysed]
    assert sum(len(o["sentence_scores"]) for o in one) > 100
    assert one[2]["sentence_scores"] == ()  # the empty article: no sentences, a summary still
    for size in (2, 3, len(analysed)):
        together = []
        for i in range(0, len(analysed), size):
            group = analysed[i:i + size]
            together += stage.run_many([d for d, _ in group], resources, [p for _, p in group])
        assert len(together) == len(one)
        assert all(_same(a, b) for a, b in zip(one, together))


def test_run_many_without_models_or_articles():
    docs = [make_doc("The talks resumed on Monday."), make_doc("Officials met again.")]
    out = stage.run_many(docs, None, [{}, {}])
    assert [o["sentence_scores"] for o in out] == [(), ()]
    assert out[0] == stage.run(docs[0], None, {})
    assert stage.run_many([], None, []) == []


def test_explanations_off_together_equal_one_at_a_time(analysed):
    res = Resources(options={"classify_explain": False})
    one = [stage.run(doc, res, previous) for doc, previous in analysed[:3]]
    together = stage.run_many([d for d, _ in analysed[:3]], res, [p for _, p in analysed[:3]])
    assert all(_same(a, b) for a, b in zip(one, together))
    assert all(s.bias_features == () for o in together for s in o["sentence_scores"])
