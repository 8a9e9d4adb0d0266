"""Records (framing.model.fastmake.record) are values: nothing assigns to a field once it is made.

Records are not frozen: a frozen class cannot be built with plain attribute stores, and building
it any other way makes its attribute reads slower (see framing.model.fastmake). So these tests
lock every record class for the length of a whole analysis (the seeds' story through every stage,
the comparison and every report format; and a batch worker's story with its store rows) and fail on
the first assignment to a field that is already set, or on any deletion.
"""
from __future__ import annotations

from contextlib import contextmanager

import pytest

from framing.model.fastmake import RECORDS, fast_constructor


class RecordChanged(AssertionError):
    pass


def _refuse_change(self, name, value):
    if name in vars(self):
        raise RecordChanged(f"{type(self).__name__}.{name} assigned after the record was made")
    object.__setattr__(self, name, value)


def _refuse_delete(self, name):
    raise RecordChanged(f"{type(self).__name__}.{name} deleted")


@contextmanager
def locked_records():
    """Every record class refuses to change a field that is set (first stores still work)."""
    assert not any("__setattr__" in vars(cls) for cls in RECORDS)
    for cls in RECORDS:
        cls.__setattr__ = _refuse_change
        cls.__delattr__ = _refuse_delete
    try:
        yield
    finally:
        for cls in RECORDS:
            del cls.__setattr__
            del cls.__delattr__


def test_the_hot_record_classes_are_records_built_without_init():
    from framing.actors import mentions, tone
    from framing.classify import inputs, objects
    from framing.lexicon import build, matcher
    from framing.model import Sentence, Span, Token
    from framing.model.actors import ActorMention, ToneRecord
    from framing.model.classify import FeatureContribution, LabelProbability, SentenceScore
    from framing.model.findings import Finding
    from framing.text import records

    makers = {Token: records.make_token, Sentence: records.make_sentence,
              FeatureContribution: objects.make_feature, LabelProbability: objects.make_label,
              SentenceScore: objects.make_score, inputs.SentenceInput: inputs.make_input,
              Finding: build._MAKE_FINDING, matcher.Match: matcher._MAKE_MATCH,
              ActorMention: mentions._MAKE_MENTION, Span: tone._SPAN, ToneRecord: tone._TONE}
    for cls, maker in makers.items():
        assert cls in RECORDS and maker is not cls, cls.__name__
        assert fast_constructor(cls) is not cls


def test_the_lock_refuses_changes_and_is_lifted_after():
    from framing.text.records import make_token

    with locked_records():
        token = make_token(0, 5, "Kabul", "kabul", "NNP", "Kabul", 0)
        assert token.norm == "kabul"
        with pytest.raises(RecordChanged):
            token.pos = "NN"
        with pytest.raises(RecordChanged):
            del token.lemma
    token.pos = "NN"  # lifted: records are plain classes again (and fast to build)
    assert token.pos == "NN"
    assert all("__setattr__" not in vars(cls) for cls in RECORDS)


def test_no_record_changes_in_the_analysis_comparison_and_reports_of_the_seeds(seed_paths, tmp_path):
    from framing.api import analyze
    from framing.ingest import load_story
    from framing.report import render, render_string
    from framing.resources import Resources

    with locked_records():
        result = analyze(load_story(*seed_paths), Resources())
        texts = {fmt: render_string(result, fmt) for fmt in ("text", "json", "md", "html")}
        tables = render(result, "csv", tmp_path / "csv")
    assert len(result.analyses) == len(seed_paths) and result.comparison is not None
    assert all(texts.values()) and tables


def test_no_record_changes_in_a_batch_workers_story(seed_paths):
    from framing.batch.work import analyse_story
    from test_batch_support import story_payload

    texts = [p.read_text(encoding="utf-8") for p in seed_paths[:3]]
    with locked_records():
        out = analyse_story(story_payload("s1", texts))
    reasons = [a.get("reason", "") for a in out["articles"] if not a["ok"]]
    assert not reasons, reasons  # a RecordChanged inside a stage is recorded as a failure
    assert all(a["rows"]["findings"] for a in out["articles"])
    assert out["comparison"]["error"] is None and out["comparison"]["data"]
