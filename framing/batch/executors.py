"""Where stories are analysed: in this process, in local worker processes, or on a Dask cluster.

All three run the same function (framing.batch.work.analyse_stories) on the same tasks, a few
stories each (`tasks`), and yield (payload, result) pairs, story by story, as tasks finish; the
caller, the single writer, stores them. At most `window` tasks are in flight at once, so memory
stays flat however many stories there are. A worker that dies (killed, out of memory) costs its
story, recorded as a failure; the others go on (run_processes, run_dask say how).
"""
from __future__ import annotations

from collections import deque
from itertools import chain
from typing import Iterable, Iterator

from .threads import one_native_thread
from .work import analyse_stories, resources_for

#: A task holds stories until it has this many articles or characters of text (a story longer than
#: that is a task of its own). Grouping leaves almost every story one article long, so one story
#: per task paid the sending, the futures and the results' handling per article.
TASK_ARTICLES = 8
TASK_CHARS = 60_000


def _crashed(payload: dict, reason: str) -> dict:
    return {"story_id": payload["story_id"], "comparison": None, "reports": {},
            "articles": [{"uid": a["uid"], "source": a["source"], "line": a["line"], "ok": False,
                          "stage": "worker", "reason": reason[:500]} for a in payload["articles"]]}


def tasks(payloads: Iterable[dict], articles: int = TASK_ARTICLES, chars: int = TASK_CHARS
          ) -> Iterator[list[dict]]:
    """The payloads, in order, cut into tasks of whole stories: each task ends once it holds
    `articles` articles or `chars` characters of text."""
    task, n, size = [], 0, 0
    for p in payloads:
        task.append(p)
        n += len(p["articles"])
        size += sum(len(a["text"] or "") for a in p["articles"])
        if n >= articles or size >= chars:
            yield task
            task, n, size = [], 0, 0
    if task:
        yield task


def run_serial(payloads: Iterable[dict]) -> Iterator[tuple[dict, dict]]:
    for task in tasks(payloads):
        yield from zip(task, analyse_stories(task))


def _ready() -> None:
    """A task that does nothing: submitting one per worker makes the pool start them all now."""


def _start_worker(settings: dict | None) -> None:
    """Run in each local worker process as it starts: load its resources, and freeze the heap
    when the process exits.

    Loading here, when the pool starts (`WorkerPool`: before the articles are read), lets it run
    on the cores the reading and story grouping leave idle, instead of delaying the first stories.
    A failure to load is not raised here (it would break the pool for every story): the first
    task meets it again and records it against its stories, as a lazy load would. Before that,
    the native libraries the resources load (NumPy's OpenBLAS) are told to start one thread
    (framing.batch.threads).

    The interpreter's collections on the way out otherwise walk everything a worker holds (its
    resources are frozen by Resources.warm, but not the per-word memos filled since): about 0.17
    CPU-s per worker after 500 articles, 0.04 frozen. The worker has sent every result by then and
    holds nothing whose finalizer matters (it never writes files; the store is the writer's)."""
    import atexit
    import gc

    atexit.register(gc.freeze)
    one_native_thread()
    if settings is not None:
        try:
            resources_for(settings)
        except Exception:  # noqa: BLE001 - met again, and recorded, by the first task
            pass


class WorkerPool:
    """`jobs` local worker processes (spawned: nothing of the writer's state, e.g. the open store,
    is inherited), started at once and each loading the resources for `settings`, so a batch can
    start them before it reads its inputs and they are ready when the first stories are."""

    def __init__(self, jobs: int, settings: dict | None = None):
        self.jobs, self.settings = jobs, settings
        self.executor = self._start()

    def _start(self):
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        executor = ProcessPoolExecutor(max_workers=self.jobs, mp_context=mp.get_context("spawn"),
                                       initializer=_start_worker, initargs=(self.settings,))
        for _ in range(self.jobs):  # a process is spawned per task submitted while none is idle
            executor.submit(_ready)
        return executor

    def replace(self) -> None:
        """A new pool for a broken one (a worker died), without waiting for the old one."""
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def run_processes(payloads: Iterable[dict], jobs: int, analyse=analyse_stories,
                  pool: WorkerPool | None = None) -> Iterator[tuple[dict, dict]]:
    """Local worker processes: `pool`, or a WorkerPool of `jobs` started here (and closed at the
    end), each task run by `analyse` (tests give one that kills its worker).

    A worker that dies breaks the pool: it is replaced, and every story that was in flight becomes
    a suspect, run again alone (a task of its own, nothing else in flight); a suspect that breaks
    the pool alone is recorded as failed. So a story that kills its worker costs itself only, and
    every other story is analysed as if nothing had happened."""
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    it = tasks(payloads)
    first = next(it, None)
    if first is None:
        return  # nothing to analyse: no processes started for it
    it = chain([first], it)
    own = pool is None
    if own:
        pool = WorkerPool(jobs)
    window = pool.jobs * 2 + 1
    pending: dict = {}  # future -> (task, whether it is a suspect run alone)
    retry: deque = deque()  # tasks to send before new ones
    suspects: deque = deque()  # stories in flight when a worker died
    exhausted = False
    try:
        while True:
            if suspects:
                if not pending:
                    task = [suspects.popleft()]
                    pending[pool.executor.submit(analyse, task)] = (task, True)
            else:
                while len(pending) < window and (retry or not exhausted):
                    task = retry.popleft() if retry else next(it, None)
                    if task is None:
                        exhausted = True
                        break
                    pending[pool.executor.submit(analyse, task)] = (task, False)
            if not pending:
                return
            done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            broken = False
            for fut in done:
                task, alone = pending.pop(fut)
                try:
                    results = fut.result()
                except BrokenProcessPool:
                    broken = True
                    if not alone:
                        suspects.extend(task)
                        continue
                    results = [_crashed(task[0], "a worker process died while analysing this story")]
                except Exception as exc:  # a result that cannot be sent back, ...: that story only
                    if len(task) > 1:
                        retry.extend([p] for p in task)
                        continue
                    results = [_crashed(task[0], f"worker error: {type(exc).__name__}: {exc}")]
                yield from zip(task, results)
            if broken:
                for task, _ in pending.values():
                    suspects.extend(task)
                pending.clear()
                pool.replace()
    finally:
        if own:
            pool.close()


def run_dask(payloads: Iterable[dict], address, window: int | None = None
             ) -> Iterator[tuple[dict, dict]]:
    """Stories as Dask tasks on the cluster at `address` (a scheduler address, or a
    distributed.Client). Workers import framing and load their resources once (kept per worker
    process by framing.batch.work); results come back here, to the one writer. A task that fails
    (KilledWorker: it killed its workers) is run again one story per task; a story that fails on
    its own is recorded as failed."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ValueError("--scheduler needs Dask: pip install 'framing[batch]'") from None

    own = not hasattr(address, "submit")
    client = Client(address) if own else address
    try:
        workers = max(1, sum(client.nthreads().values()))
        window = window or workers * 2 + 1
        it = tasks(payloads)
        ac = as_completed()
        futures: dict = {}

        def submit(task):
            fut = client.submit(analyse_stories, task, pure=False)
            futures[fut.key] = task
            ac.add(fut)

        for task in it:
            submit(task)
            if len(futures) >= window:
                break
        for fut in ac:
            task = futures.pop(fut.key)
            try:
                results = fut.result()
            except Exception as exc:  # KilledWorker and friends
                if len(task) > 1:  # each story again, on its own: only the one at fault is lost
                    results = ()
                    for p in task:
                        submit([p])
                else:
                    results = [_crashed(task[0], f"dask task failed: {type(exc).__name__}: {exc}")]
            fut.release()
            yield from zip(task, results)
            nxt = next(it, None)
            if nxt is not None:
                submit(nxt)
    finally:
        if own:
            client.close()
