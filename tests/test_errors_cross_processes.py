"""Errors that carry more than a message survive pickling, as they do when a batch worker's error
reaches the writer: the default pickling of an exception passes its message back in as its first
argument, which turned a LexiconError's message into one "problem" per character (a worker that
could not load a lexicon reported "141 problem(s)" for one missing file)."""
from __future__ import annotations

import pickle

from framing.classify.labels import LabelProblem, LabelsFileError
from framing.ingest.errors import IngestError
from framing.lexicon.lexicon import load_lexicon
from framing.lexicon.packs import LexiconError


def _round_trip(exc):
    return pickle.loads(pickle.dumps(exc))


def test_a_lexicon_error_keeps_its_problems(tmp_path):
    try:
        load_lexicon([tmp_path / "no-such-pack.tsv"])
    except LexiconError as exc:
        err = exc
    else:
        raise AssertionError("a missing pack loaded")
    back = _round_trip(err)
    assert type(back) is LexiconError
    assert back.problems == err.problems and len(back.problems) == 1
    assert str(back) == str(err) and str(back).startswith("1 problem(s)")


def test_labels_and_ingest_errors_keep_their_fields():
    back = _round_trip(LabelsFileError("labels.csv", [LabelProblem(3, "no label")]))
    assert (back.path, back.problems, str(back)) == \
        ("labels.csv", [LabelProblem(3, "no label")], "labels.csv:3: no label")
    back = _round_trip(IngestError("undecodable bytes", line=7))
    assert (back.message, back.line, str(back)) == ("undecodable bytes", 7, "undecodable bytes")
