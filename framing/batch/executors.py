"""Where stories are analysed: in this process, in local worker processes, or on a Dask cluster.

All three run the same function (framing.batch.work.analyse_story) on the same payloads and yield
(payload, result) pairs as they finish; the caller, the single writer, stores them. At most
`window` stories are in flight at once, so memory stays flat however many stories there are.
A worker that dies (killed, out of memory) costs its story, recorded as a failure; the others go on.
"""
from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator

from .work import analyse_story


def _crashed(payload: dict, reason: str) -> dict:
    return {"story_id": payload["story_id"], "comparison": None, "reports": {},
            "articles": [{"uid": a["uid"], "source": a["source"], "line": a["line"], "ok": False,
                          "stage": "worker", "reason": reason[:500]} for a in payload["articles"]]}


def run_serial(payloads: Iterable[dict]) -> Iterator[tuple[dict, dict]]:
    for p in payloads:
        yield p, analyse_story(p)


def _freeze_at_exit() -> None:
    """Run in each local worker process as it starts: freeze the heap when the process exits.

    The interpreter's collections on the way out otherwise walk everything a worker holds (its
    resources are frozen by Resources.warm, but not the per-word memos filled since): about 0.17
    CPU-s per worker after 500 articles, 0.04 frozen. The worker has sent every result by then and
    holds nothing whose finalizer matters (it never writes files; the store is the writer's)."""
    import atexit
    import gc

    atexit.register(gc.freeze)


def run_processes(payloads: Iterable[dict], jobs: int) -> Iterator[tuple[dict, dict]]:
    """Local worker processes (spawned: nothing of the writer's state, e.g. the open store, is
    inherited). A pool broken by a dying worker is replaced and the stories in flight are retried
    once each; a story that breaks a pool twice is recorded as failed."""
    import multiprocessing as mp
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    ctx = mp.get_context("spawn")
    window = jobs * 2 + 1

    def new_pool():
        return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_freeze_at_exit)

    pool = new_pool()
    it = iter(payloads)
    pending: dict = {}
    retry: deque = deque()
    tries: dict[str, int] = {}
    exhausted = False
    try:
        while True:
            while len(pending) < window and (retry or not exhausted):
                if retry:
                    p = retry.popleft()
                else:
                    p = next(it, None)
                    if p is None:
                        exhausted = True
                        break
                pending[pool.submit(analyse_story, p)] = p
            if not pending:
                return
            done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            broken = False
            for fut in done:
                p = pending.pop(fut)
                try:
                    yield p, fut.result()
                except BrokenProcessPool:
                    broken = True
                    tries[p["story_id"]] = tries.get(p["story_id"], 0) + 1
                    if tries[p["story_id"]] >= 2:
                        yield p, _crashed(p, "a worker process died while analysing this story")
                    else:
                        retry.append(p)
                except Exception as exc:  # pickling errors and the like: this story only
                    yield p, _crashed(p, f"worker error: {type(exc).__name__}: {exc}")
            if broken:
                for fut, p in list(pending.items()):
                    retry.append(p)
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def run_dask(payloads: Iterable[dict], address, window: int | None = None
             ) -> Iterator[tuple[dict, dict]]:
    """Stories as Dask tasks on the cluster at `address` (a scheduler address, or a
    distributed.Client). Workers import framing and load their resources once (kept per worker
    process by framing.batch.work); results come back here, to the one writer."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ValueError("--scheduler needs Dask: pip install 'framing[batch]'") from None

    own = not hasattr(address, "submit")
    client = Client(address) if own else address
    try:
        workers = max(1, sum(client.nthreads().values()))
        window = window or workers * 2 + 1
        it = iter(payloads)
        ac = as_completed()
        futures: dict = {}
        for p in it:
            fut = client.submit(analyse_story, p, pure=False)
            futures[fut.key] = p
            ac.add(fut)
            if len(futures) >= window:
                break
        for fut in ac:
            p = futures.pop(fut.key)
            try:
                result = fut.result()
            except Exception as exc:  # KilledWorker and friends: this story only
                result = _crashed(p, f"dask task failed: {type(exc).__name__}: {exc}")
            fut.release()
            yield p, result
            nxt = next(it, None)
            if nxt is not None:
                f2 = client.submit(analyse_story, nxt, pure=False)
                futures[f2.key] = nxt
                ac.add(f2)
    finally:
        if own:
            client.close()
