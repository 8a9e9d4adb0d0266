"""A batch run, start to end: load, group into stories, analyse, summarise.

1. Load: stream every input record, clean it (framing.ingest), normalise outlet and date, and store
   it as an article (keyed by a hash of the record). Bad records are stored as failures.
2. Stories: articles with a story id (a story folder, a story column) keep it; with
   `group_stories` the others are grouped by framing.batch.grouping; the rest stand alone.
3. Analyse: every story with an article whose analysis is missing or stale (its text or the analyzer
   changed), or whose comparison is stale, goes to a worker; the writer (this process) stores each
   story's results in one transaction. Stories already done are skipped, so a killed run resumes.

Nothing holds the corpus: records stream into the store in batches, stories stream out of it.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .. import api
from .grouping import GroupingOptions, group_store_in_child
from .outlets import load_aliases
from .prepare import prepare
from .progress import Progress, log
from .records import BadRecord, read_inputs
from .store import Store
from .version import analyzer_version, describe

EXIT_OK, EXIT_SKIPPED, EXIT_NOTHING = 0, 1, 2
REPORT_FORMATS = {"html": "html", "json": "json", "md": "md", "text": "txt"}
LOAD_BATCH = 200
#: Analysed stories are committed together: at most this many stories, or seconds of results, per
#: transaction (fewer commits: less I/O; a kill loses no more than one such group).
COMMIT_STORIES = 20
COMMIT_SECONDS = 1.0


@dataclass
class BatchOptions:
    inputs: tuple[str, ...]
    out_dir: str
    group_stories: bool = False
    grouping: GroupingOptions = field(default_factory=GroupingOptions)
    jobs: int = 1
    scheduler: object = None  # a Dask scheduler address (or a distributed.Client)
    force: bool = False
    reports: tuple[str, ...] = ()
    aliases: str | None = None
    date_order: str = "auto"
    stages: tuple[str, ...] | None = None  # None: every stage of framing.api.STAGES installed
    compare: bool = True
    lexicon_paths: tuple[str, ...] = ()
    gazetteer_paths: tuple[str, ...] = ()
    model_path: str | None = None
    limit: int | None = None  # read at most this many records (for trials and benchmarks)
    quiet: bool = False
    progress_every: float = 15.0


@dataclass
class BatchSummary:
    records: int = 0
    loaded: int = 0
    load_failed: int = 0
    duplicates: int = 0
    removed: int = 0  # articles of these inputs stored earlier but no longer in them
    stories: int = 0
    analysed: int = 0
    already_done: int = 0
    failed: int = 0
    comparisons: int = 0
    words: int = 0
    seconds: float = 0.0
    stages: tuple[str, ...] = ()
    store: str = ""
    failures: list = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if self.analysed + self.already_done == 0:
            return EXIT_NOTHING
        if self.load_failed or self.duplicates or self.failed:
            return EXIT_SKIPPED
        return EXIT_OK


def available_stages() -> tuple[str, ...]:
    """The stages of framing.api.STAGES that are installed, in order."""
    import importlib.util

    return tuple(s for s in api.STAGES if importlib.util.find_spec(f"framing.stages.{s}"))


def report_name(story_id: str) -> str:
    """File name stem of a story's report in OUT_DIR/reports/."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", story_id)[:120] or "story"


def _load(store: Store, opts: BatchOptions, summary: BatchSummary) -> None:
    aliases = load_aliases(opts.aliases)
    store.clear_load_failures([str(Path(p)) for p in opts.inputs])
    rows, failures = [], []
    for rec in read_inputs(opts.inputs):
        if opts.limit is not None and summary.records >= opts.limit:
            break
        summary.records += 1
        if isinstance(rec, BadRecord):
            summary.load_failed += 1
            failures.append({"id": f"load:{rec.source}:{rec.line}", "source": rec.source,
                             "line": rec.line, "article_uid": None, "stage": "load",
                             "reason": rec.reason})
        else:
            row = prepare(rec, aliases, opts.date_order)
            if "failure" in row:
                summary.load_failed += 1
                failures.append({"id": f"load:{rec.source}:{rec.line}", "source": rec.source,
                                 "line": rec.line, "article_uid": row["uid"], "stage": "load",
                                 "reason": row["failure"]})
            elif not store.mark_seen(row["uid"]):
                summary.duplicates += 1
                failures.append({"id": f"duplicate:{rec.source}:{rec.line}", "source": rec.source,
                                 "line": rec.line, "article_uid": row["uid"],
                                 "stage": "duplicate",
                                 "reason": "the same record appears earlier in the input"})
            else:
                summary.loaded += 1
                rows.append(row)
        if len(rows) >= LOAD_BATCH:
            store.put_articles(rows)
            rows.clear()
        if len(failures) >= LOAD_BATCH:
            store.put_failures(failures)
            failures.clear()
        if summary.records % 5000 == 0:
            log(f"loading: {summary.records} records read", opts.quiet)
    store.put_articles(rows)
    store.put_failures(failures)
    if opts.limit is None:  # a partial read must not forget the records it did not reach
        summary.removed = store.prune_unseen([str(Path(p)) for p in opts.inputs])


def _assign_stories(store: Store, opts: BatchOptions) -> int:
    """Story id for every stored article; returns the number of stories."""
    conn = store.conn
    assignments: dict[str, str] = {}
    stories: list[dict] = []
    hinted: dict[str, list] = {}
    for uid, hint, date in conn.execute(
            "SELECT uid, story_hint, date FROM articles WHERE story_hint != '' ORDER BY uid"):
        hinted.setdefault(hint, []).append((uid, date))
    for hint in sorted(hinted):
        members = hinted[hint]
        sid = "s-" + hint
        dates = sorted(d for _, d in members if d)
        for uid, _ in members:
            assignments[uid] = sid
        stories.append({"story_id": sid, "method": "given", "name": hint,
                        "n_articles": len(members), "date_min": dates[0] if dates else "",
                        "date_max": dates[-1] if dates else "", "cohesion": None})
    n_free = conn.execute("SELECT count(*) FROM articles WHERE story_hint = ''").fetchone()[0]
    if opts.group_stories and n_free:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        conn.commit()
        with ProcessPoolExecutor(1, mp_context=mp.get_context("spawn")) as pool:
            grouped, rows = pool.submit(group_store_in_child, str(store.path),
                                        opts.grouping).result()
        assignments.update(grouped)
        stories.extend(rows)
    elif n_free:
        for uid, date in conn.execute(
                "SELECT uid, date FROM articles WHERE story_hint = '' ORDER BY uid"):
            assignments[uid] = f"a-{uid}"
            stories.append({"story_id": f"a-{uid}", "method": "single", "name": "",
                            "n_articles": 1, "date_min": date, "date_max": date,
                            "cohesion": None})
    store.set_stories(assignments, sorted(stories, key=lambda s: s["story_id"]))
    return len(stories)


def run_batch(opts: BatchOptions) -> BatchSummary:
    import time

    t0 = time.monotonic()
    stages = tuple(opts.stages) if opts.stages is not None else available_stages()
    missing = [s for s in api.STAGES if s not in stages]
    summary = BatchSummary(stages=stages)
    out_dir = Path(opts.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    store = Store(out_dir)
    summary.store = str(store.path)
    settings = {"lexicon_paths": list(opts.lexicon_paths), "model_path": opts.model_path,
                "gazetteer_paths": list(opts.gazetteer_paths)}
    analyzer = analyzer_version(stages, opts.lexicon_paths, opts.gazetteer_paths, opts.model_path)
    run_options = {"inputs": list(opts.inputs), "group_stories": opts.group_stories,
                   "grouping": asdict(opts.grouping), "stages": list(stages),
                   "compare": opts.compare, "reports": list(opts.reports),
                   "date_order": opts.date_order, "aliases": opts.aliases, "force": opts.force,
                   "jobs": opts.jobs, "scheduler": str(opts.scheduler) if opts.scheduler else None,
                   "analyzer": describe(stages, opts.lexicon_paths, opts.gazetteer_paths,
                                        opts.model_path)}
    run = store.start_run(analyzer, run_options)
    status = "failed"
    # local workers start now, loading their resources while this process reads the inputs and
    # groups the stories (one core each, the other idle), not after; but not for a store that
    # holds analyses already: a run that resumes may find nothing left to do, and workers started
    # for nothing would cost their start and delay the end (they start with the first story then)
    workers = None
    try:
        if opts.jobs > 1 and not opts.scheduler and (opts.force or not store.has_analyses()):
            from .executors import WorkerPool

            workers = WorkerPool(opts.jobs, settings)  # inside the try: a failure still ends the run
        if missing:
            log(f"note: stages not installed, not run: {', '.join(missing)}", opts.quiet)
        _load(store, opts, summary)
        log(f"loaded {summary.loaded} articles from {summary.records} records"
            + (f" ({summary.load_failed} skipped, {summary.duplicates} duplicates)"
               if summary.load_failed or summary.duplicates else ""), opts.quiet)
        summary.stories = _assign_stories(store, opts)
        todo, summary.already_done = store.story_work(analyzer, opts.compare, opts.force)
        n_articles = sum(n for _, n in todo)
        log(f"{summary.stories} stories; {n_articles} articles in {len(todo)} stories to analyse"
            + (f", {summary.already_done} already done" if summary.already_done else ""),
            opts.quiet)
        _analyse(store, opts, summary, todo, n_articles, analyzer, stages, settings, workers)
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        if workers is not None:
            workers.close()
        summary.seconds = round(time.monotonic() - t0, 3)
        store.finish_run(run, status, {"records": summary.records, "analysed": summary.analysed,
                                       "already_done": summary.already_done,
                                       "failed": summary.failed + summary.load_failed})
        summary.failures = store.failures(limit=20)
        store.close()
    return summary


def _payloads(store: Store, opts: BatchOptions, todo, analyzer, stages, settings):
    for story_id, _ in todo:
        meta = store.story_meta(story_id)
        yield {"story_id": story_id, "name": meta["name"], "articles": store.story_articles(story_id),
               "analyzer": analyzer, "stages": list(stages), "compare": opts.compare,
               "reports": [f for f in opts.reports], "settings": settings}


def _analyse(store, opts, summary, todo, n_articles, analyzer, stages, settings,
             workers=None) -> None:
    import time

    from . import executors

    payloads = _payloads(store, opts, todo, analyzer, stages, settings)
    if opts.scheduler:
        results = executors.run_dask(payloads, opts.scheduler)
    elif opts.jobs > 1:
        results = executors.run_processes(payloads, opts.jobs, pool=workers)
    else:
        results = executors.run_serial(payloads)
    progress = Progress(n_articles, "analysing", quiet=opts.quiet, every=opts.progress_every)
    reports_dir = Path(opts.out_dir) / "reports"
    last_commit, pending = time.monotonic(), 0
    try:
        for payload, result in results:
            # one transaction per COMMIT_STORIES stories or COMMIT_SECONDS of results, not per
            # story (see Store.write_story_result): a kill loses at most those, redone on resume
            store.write_story_result(result, commit=False)
            pending += 1
            if pending >= COMMIT_STORIES or time.monotonic() - last_commit >= COMMIT_SECONDS:
                store.commit()
                last_commit, pending = time.monotonic(), 0
            for art in result["articles"]:
                if art["ok"]:
                    summary.analysed += 1
                    summary.words += art["update"]["words"] or 0
                else:
                    summary.failed += 1
            if result.get("comparison") and result["comparison"].get("data"):
                summary.comparisons += 1
            for fmt, text in (result.get("reports") or {}).items():
                if text is not None:
                    reports_dir.mkdir(parents=True, exist_ok=True)
                    path = reports_dir / f"{report_name(payload['story_id'])}.{REPORT_FORMATS[fmt]}"
                    path.write_text(text, encoding="utf-8")
            progress.update(len(result["articles"]),
                            note=f"{summary.failed} failed" if summary.failed else "")
    finally:
        store.commit()  # the whole stories written since the last commit
        progress.close()


def summary_lines(summary: BatchSummary) -> list[str]:
    s = summary
    lines = [
        f"records read: {s.records}; articles loaded: {s.loaded}; skipped on load: "
        f"{s.load_failed}; duplicates: {s.duplicates}"
        + (f"; removed (no longer in the inputs): {s.removed}" if s.removed else ""),
        f"stories: {s.stories}; analysed now: {s.analysed} articles ({s.words} words); already "
        f"done: {s.already_done}; failed: {s.failed}; comparisons: {s.comparisons}",
        f"stages: {', '.join(s.stages) or '(text layer only)'}; time: {s.seconds:.1f} s",
        f"store: {s.store}",
    ]
    if s.failures:
        lines.append("failures (first 20; all in the store's failures table):")
        for source, line, stage, reason in s.failures:
            where = f"{source}:{line}" if line else source
            lines.append(f"  {where}: [{stage}] {reason}")
    return lines
