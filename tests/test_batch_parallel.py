"""The same batch on a Dask LocalCluster (2 workers) and in 2 local worker processes gives exactly
the store of a single-process run."""
from __future__ import annotations

import pytest

from framing.batch import BatchOptions, run_batch
from test_batch_support import STORIES, dump_store, synthetic_records, write_jsonl


def _inputs(tmp_path):
    return (str(STORIES), str(write_jsonl(tmp_path / "more.jsonl", synthetic_records(12),
                                          corrupt_at=5)))


def _run(inputs, out, **kw):
    return run_batch(BatchOptions(inputs=inputs, out_dir=str(out), group_stories=True,
                                  quiet=True, **kw))


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serial")
    inputs = _inputs(tmp)
    summary = _run(inputs, tmp / "out")
    return inputs, summary, dump_store(tmp / "out")


def test_dask_local_cluster_matches_single_process(serial, tmp_path):
    distributed = pytest.importorskip("distributed")
    inputs, s1, expected = serial
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        s2 = _run(inputs, tmp_path / "dask", scheduler=cluster.scheduler_address)
    assert (s2.analysed, s2.failed, s2.load_failed, s2.comparisons) == \
        (s1.analysed, s1.failed, s1.load_failed, s1.comparisons)
    assert s2.comparisons >= 4 and s2.exit_code == 1
    assert dump_store(tmp_path / "dask") == expected


def test_two_worker_processes_match_single_process(serial, tmp_path):
    inputs, s1, expected = serial
    s2 = _run(inputs, tmp_path / "jobs", jobs=2)
    assert s2.analysed == s1.analysed and s2.comparisons == s1.comparisons
    assert dump_store(tmp_path / "jobs") == expected
