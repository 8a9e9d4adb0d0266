"""Worker tasks of several stories (framing.batch.executors): cut in order, whole stories; their
results are each story's result alone; a worker that dies costs only the story that killed it."""
from __future__ import annotations

import os

from framing.batch import executors
from framing.batch.work import analyse_stories, analyse_story

from conftest import SEEDS
from test_batch_support import story_payload


def test_tasks_hold_whole_stories_in_order():
    payloads = [story_payload(f"s{i}", ["x" * 10] * n) for i, n in enumerate([1, 1, 3, 4, 9, 1, 2])]
    cut = list(executors.tasks(payloads, articles=5, chars=10_000))
    assert [[p["story_id"] for p in t] for t in cut] == \
        [["s0", "s1", "s2"], ["s3", "s4"], ["s5", "s6"]]
    long = [story_payload(f"l{i}", ["y" * 400]) for i in range(4)]
    assert [len(t) for t in executors.tasks(long, articles=8, chars=1_000)] == [3, 1]
    assert list(executors.tasks([])) == []


def test_a_task_of_stories_equals_each_story_alone():
    """Real text: the seeds as one-article stories and one story of three, with an article that
    fails (no text) among them."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))][:5]
    payloads = [story_payload("one", [texts[0]]), story_payload("three", texts[1:4]),
                story_payload("broken", [None]), story_payload("last", [texts[4]])]
    alone = [analyse_story(p) for p in payloads]
    assert analyse_stories(payloads) == alone
    assert [a["ok"] for r in alone for a in r["articles"]] == [True] * 4 + [False, True]
    assert alone[1]["comparison"]["data"]
    assert [(p["story_id"], r) for p, r in executors.run_serial(payloads)] == \
        [(p["story_id"], r) for p, r in zip(payloads, alone)]


def fake_analyse(task):
    """Stands for analyse_stories in worker processes: kills its worker on story 'killer'."""
    if any(p["story_id"] == "killer" for p in task):
        os._exit(3)
    return [{"story_id": p["story_id"], "articles": [], "comparison": None, "reports": {},
             "pid": os.getpid()} for p in task]


def test_a_dying_worker_costs_only_its_story():
    ids = [f"s{i}" for i in range(30)]
    ids[11] = "killer"
    payloads = [story_payload(i, ["text"]) for i in ids]
    got = list(executors.run_processes(payloads, 2, analyse=fake_analyse))
    assert sorted(p["story_id"] for p, _ in got) == sorted(ids)
    for p, result in got:
        assert result["story_id"] == p["story_id"]
        if p["story_id"] == "killer":
            assert result["articles"][0]["stage"] == "worker"
            assert "died" in result["articles"][0]["reason"]
        else:
            assert "pid" in result  # analysed, not recorded as failed


def loaded_settings(task):
    """Stands for analyse_stories: which settings this worker has loaded resources for, read
    without loading any (framing.batch.work keeps one Resources per settings)."""
    from framing.batch import work

    return [{"story_id": p["story_id"], "loaded": sorted(work._RESOURCES), "pid": os.getpid()}
            for p in task]


def test_a_worker_pool_loads_its_resources_before_the_first_task():
    """WorkerPool starts every worker at once, each loading the batch's resources as it starts
    (while the writer reads the inputs), so the first task finds them loaded."""
    import json

    settings = {"lexicon_paths": [], "model_path": None, "gazetteer_paths": []}
    pool = executors.WorkerPool(2, settings)
    try:
        assert len(pool.executor._processes) == 2  # both started, before any story was sent
        got = list(executors.run_processes([story_payload(f"s{i}", ["text"]) for i in range(6)],
                                           2, analyse=loaded_settings, pool=pool))
    finally:
        pool.close()
    assert sorted(p["story_id"] for p, _ in got) == [f"s{i}" for i in range(6)]
    key = json.dumps(settings, sort_keys=True)
    assert all(r["loaded"] == [key] for _, r in got), got


def test_resources_that_fail_to_load_fail_the_stories_not_the_pool(tmp_path):
    """A lexicon file that cannot be read: the warm-up at the worker's start swallows the error,
    the first task meets it again, and each story is recorded as failed with the reason (the
    pool is not broken, which would read as "a worker process died")."""
    missing = str(tmp_path / "no-such-lexicon.yaml")
    payloads = [story_payload(f"s{i}", ["Officials said the talks failed."]) for i in range(3)]
    for p in payloads:
        p["settings"] = {"lexicon_paths": [missing], "model_path": None, "gazetteer_paths": []}
    pool = executors.WorkerPool(2, payloads[0]["settings"])
    try:
        got = list(executors.run_processes(payloads, 2, pool=pool))
    finally:
        pool.close()
    assert sorted(p["story_id"] for p, _ in got) == ["s0", "s1", "s2"]
    for _, result in got:
        (art,) = result["articles"]
        assert not art["ok"]
        assert "died" not in art["reason"] and "no-such-lexicon" in art["reason"], art
