"""The two JSON writers: to_jsonable (reports, rounded) and dumps_compact (batch store, fast).

The store's `data` columns must hold the same record the JSON report holds, so these tests run a real
seed article through the whole pipeline and compare the two encodings value by value.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass

import numpy as np
import pytest

from framing.api import analyze_article
from framing.ingest import load_story
from framing.jsonout import dumps_compact, to_jsonable

from conftest import SEEDS


def _rounded(value):
    """JSON values with every float rounded as to_jsonable rounds them."""
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


@pytest.fixture(scope="module")
def seed_analysis():
    story = load_story(str(SEEDS))
    return analyze_article(story.articles[1])


def test_compact_json_holds_the_same_record_as_the_report(seed_analysis):
    for field in ("findings", "attributions", "actor_mentions", "agency", "sentence_scores"):
        items = getattr(seed_analysis, field)
        assert items, field  # the seed article has some of each
        compact = json.loads(dumps_compact(items))
        assert _rounded(compact) == to_jsonable(items), field
    assert _rounded(json.loads(dumps_compact(seed_analysis.summary))) == \
        to_jsonable(seed_analysis.summary)


def test_compact_json_is_the_same_bytes_on_a_second_run(seed_analysis):
    again = analyze_article(seed_analysis.article)
    assert dumps_compact(again.sentence_scores) == dumps_compact(seed_analysis.sentence_scores)
    assert dumps_compact(again.summary) == dumps_compact(seed_analysis.summary)


@dataclass(frozen=True)
class _Record:
    name: str
    score: float
    tags: frozenset
    counts: dict
    _cache: int = 0


def test_sets_numpy_scalars_private_fields_and_non_finite_floats():
    record = _Record(name="Kabul “regime”", score=np.float64(0.1234567891),
                     tags=frozenset({"b", "a"}), counts={1: np.int64(3)})
    compact = json.loads(dumps_compact(record))
    assert compact == {"name": "Kabul “regime”", "score": 0.1234567891, "tags": ["a", "b"],
                       "counts": {"1": 3}}
    assert to_jsonable(record) == {"name": "Kabul “regime”", "score": 0.123457,
                                   "tags": ["a", "b"], "counts": {"1": 3}}
    assert json.loads(dumps_compact({"x": math.nan})) == {"x": None}
    assert to_jsonable({"x": math.inf}) == {"x": None}


def test_unknown_objects_are_refused_not_stringified():
    with pytest.raises(TypeError):
        dumps_compact({"x": object()})
