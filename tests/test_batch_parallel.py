"""The same batch on a Dask LocalCluster (2 workers) and in 2 local worker processes gives exactly
the store of a single-process run."""
from __future__ import annotations

import pytest

from framing.batch import BatchOptions, run_batch
from test_batch_support import STORIES, dump_store, story_payload, synthetic_records, write_jsonl


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


def test_threads_of_one_worker_take_turns(monkeypatch):
    """A Dask worker with several threads runs stories in threads of one process, whose stages
    share unlocked memos: analyse_story lets one thread analyse at a time, and each story's result
    is what it is alone."""
    import threading
    import time

    import framing.batch.work as batch_work
    from framing.batch.work import analyse_story

    texts = [["Officials said the talks collapsed on Monday after a deadly attack.",
              "The militants, who deny the charge, claimed the strike was unprovoked."],
             ["Police arrested three men in the capital, a spokesman told reporters.",
              "Critics called the arrests a brutal crackdown on peaceful protesters."]]
    payloads = [story_payload(f"s{i}", t, "threads.jsonl") for i, t in enumerate(texts * 2)]
    expected = [analyse_story(p) for p in payloads]

    real, inside, most = batch_work._analyse_story, [0], [0]
    lock = threading.Lock()

    def counting(*args, **kw):
        with lock:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        time.sleep(0.02)  # long enough for another thread to try to come in
        try:
            return real(*args, **kw)
        finally:
            with lock:
                inside[0] -= 1

    monkeypatch.setattr(batch_work, "_analyse_story", counting)
    results = [None] * len(payloads)

    def work(i):
        results[i] = analyse_story(payloads[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(payloads))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert most[0] == 1
    assert results == expected
    assert all(a["ok"] for r in results for a in r["articles"])


def test_workers_start_early_on_a_first_run_only(serial, tmp_path, monkeypatch):
    """A first run starts its worker processes before reading the inputs (they load their
    resources meanwhile); a run that resumes on a store that holds analyses does not, since it may
    find nothing left to do, and it then analyses nothing and leaves the store as it was."""
    from framing.batch import executors

    started = []

    class Counted(executors.WorkerPool):
        def __init__(self, *args, **kw):
            started.append(args)
            super().__init__(*args, **kw)

    monkeypatch.setattr(executors, "WorkerPool", Counted)
    inputs, s1, expected = serial
    first = _run(inputs, tmp_path / "again", jobs=2)
    assert first.analysed == s1.analysed and len(started) == 1
    assert dump_store(tmp_path / "again") == expected
    again = _run(inputs, tmp_path / "again", jobs=2)
    assert again.analysed == 0 and again.already_done == s1.analysed
    assert len(started) == 1  # nothing started for a run with nothing left to do
    assert dump_store(tmp_path / "again") == expected


def _native_threads(_task=None):
    """Run in a child process: its native libraries' thread counts, and OPENBLAS_NUM_THREADS."""
    import os

    from threadpoolctl import threadpool_info

    return (sorted({(i["internal_api"], i["num_threads"]) for i in threadpool_info()}),
            os.environ.get("OPENBLAS_NUM_THREADS"))


def test_workers_native_libraries_start_one_thread(monkeypatch):
    """A batch worker is one process per core: its BLAS gets one thread, not one per core (the
    worker pool on this machine would otherwise size it to the machine), unless the user set the
    variable."""
    from framing.batch.executors import WorkerPool

    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        monkeypatch.delenv(name, raising=False)
    pool = WorkerPool(1, settings={})
    try:
        pools, variable = pool.executor.submit(_native_threads).result()
    finally:
        pool.close()
    assert ("openblas", 1) in pools and all(n == 1 for _, n in pools), pools
    assert variable == "1"

    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "2")
    pool = WorkerPool(1, settings={})
    try:
        pools, variable = pool.executor.submit(_native_threads).result()
    finally:
        pool.close()
    assert variable == "2" and ("openblas", 2) in pools


def _limited_after_numpy(_=None):
    import numpy  # noqa: F401 - loaded before the call: its pool already has its threads

    from framing.batch.threads import one_native_thread

    one_native_thread()
    return _native_threads()


def test_a_library_loaded_before_is_limited_too(monkeypatch):
    """one_native_thread in a process that had loaded NumPy already limits it through
    threadpoolctl."""
    import multiprocessing as mp

    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        monkeypatch.delenv(name, raising=False)
    with mp.get_context("spawn").Pool(1) as proc:
        pools, variable = proc.apply(_limited_after_numpy)
    assert ("openblas", 1) in pools and variable == "1"
