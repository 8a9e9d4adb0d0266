"""What a worker does: analyse one story's articles and turn the results into store rows.

This is the only code that runs in worker processes and on Dask workers. It is a pure function of
its payload (plain dicts and strings, cheap to send) and of the resources the worker loads once, and
it returns plain rows: the writer process only executes inserts. It never touches the store or the
output folder, so workers on other machines need no shared file system.
"""
from __future__ import annotations

import dataclasses
import functools
import gc
import json
import threading

import orjson

from ..compare.readability import article_figures
from ..jsonout import _fallback as _json_fallback
from ..jsonout import dumps_compact
from ..model import Article, Story
from ..text.columns import columns as text_columns

#: table -> (ArticleAnalysis field, id letter, columns filled from the annotation's attributes).
#: A column may name alternatives ("term|lemma"): the first attribute present is used.
TABLE_FIELDS = {
    "findings": ("findings", "f", ("text", "category", "term|lemma|entry", "polarity", "strength",
                                   "voice", "flag", "sentence")),
    "quotes": ("attributions", "q", ("speaker", "speaker_id", "role", "title", "affiliation",
                                     "anonymous", "source_text", "cue_text", "cue_lemma",
                                     "cue_class", "cue_type", "kind", "content_text",
                                     "content_words", "sentence")),
    "actor_mentions": ("actor_mentions", "m", ("text", "label", "actor_id", "actor_name", "kind",
                                               "affiliation", "title", "role", "sentence",
                                               "in_quote", "is_guess")),
    "agency": ("agency", "g", ("text", "lemma", "action_class", "construction", "agent_text",
                               "agent_actor", "patient_text", "patient_actor", "agent_hidden",
                               "victims", "voice", "sentence")),
    "sentence_scores": ("sentence_scores", "s", ("sentence", "voice", "quote_share",
                                                 "bias_probability", "bias_label", "frame",
                                                 "frame_probability")),
}

_RESOURCES: dict = {}

#: One story at a time per process. The stages keep per-process memos (word ids, lemmas, speaker
#: descriptions; framing.text.memo) that are read and refilled without locks: two threads of one
#: process analysing at once could see a memo emptied or renumbered under them. A Dask worker
#: started with several threads (`--nthreads N`, or a LocalCluster with processes=False) runs
#: tasks in threads, so its threads take turns here; the GIL would serialise most of that work
#: anyway, which is why docs/batch.md starts one single-threaded worker process per core.
_ANALYSIS_LOCK = threading.Lock()


#: Garbage-collector thresholds of a batch worker (Python's default is 700, 10, 10). An article
#: allocates hundreds of thousands of objects (Tokens, annotations, store rows) that are freed by
#: reference counting as soon as it is done, but each 700 net allocations start a young-generation
#: scan and every tenth of those an older one: 6% of a worker's CPU time in a 600-article run.
#: Fewer, larger collections gave the same peak memory.
GC_THRESHOLDS = (20_000, 20, 20)


def resources_for(settings: dict):
    """One Resources per worker process (per settings), loaded lazily and kept for every task."""
    from ..resources import Resources

    key = json.dumps(settings, sort_keys=True)
    if key not in _RESOURCES:
        gc.set_threshold(*GC_THRESHOLDS)
        _RESOURCES[key] = Resources(lexicon_paths=tuple(settings.get("lexicon_paths", ())),
                                    model_path=settings.get("model_path"),
                                    gazetteer_paths=tuple(settings.get("gazetteer_paths", ()))
                                    ).warm()
    return _RESOURCES[key]


_PLAIN = (str, int, float, type(None))


def _scalar(value):
    if type(value) in _PLAIN:
        return value
    if isinstance(value, (str, int, float)):
        return int(value) if isinstance(value, bool) else value
    if hasattr(value, "start") and hasattr(value, "end") and not isinstance(value, (list, tuple)):
        return None  # a Span: its offsets have their own columns
    return dumps_compact(value)


def _offsets(obj, doc) -> tuple[int | None, int | None]:
    for holder in (obj, getattr(obj, "span", None)):
        if holder is not None and isinstance(getattr(holder, "start", None), int):
            return holder.start, holder.end
    idx = getattr(obj, "sentence", None)
    if isinstance(idx, int) and 0 <= idx < len(doc.sentences):
        return doc.sentences[idx].start, doc.sentences[idx].end
    return None, None


@functools.lru_cache(maxsize=None)
def _plan(cls, columns: tuple[str, ...]) -> tuple[tuple[tuple[str, str | None], ...], tuple[str, ...]]:
    """How to fill one table's rows from annotations of one class, worked out once per class:
    ((column, attribute or None), ...) where the attribute is the first alternative of the column
    spec ("term|lemma") the class has, and the fields left for `data` (those with no column and
    not start/end), in to_jsonable's order."""
    fields = {f.name for f in dataclasses.fields(cls)} if dataclasses.is_dataclass(cls) else set()

    def has(name):
        return name in fields or hasattr(cls, name)

    pairs = tuple((spec.split("|")[0], next((n for n in spec.split("|") if has(n)), None))
                  for spec in columns)
    taken = {c for c, _ in pairs} | {"id", "article_uid", "n", "start_char", "end_char",
                                     "start", "end"}
    names = tuple(f.name for f in dataclasses.fields(cls) if not f.name.startswith("_")) \
        if dataclasses.is_dataclass(cls) else ()
    return pairs, tuple(n for n in names if n not in taken)


#: The columns every annotation row starts with, before the table's own columns and `data`.
ROW_HEAD = ("id", "article_uid", "n", "start_char", "end_char")
_NONE = type(None)
_ORJSON_OPTION = orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY  # as dumps_compact


def row_columns(table: str) -> tuple[str, ...]:
    """The columns of `table`'s rows as `annotation_rows` gives them, in order."""
    return ROW_HEAD + tuple(spec.split("|")[0] for spec in TABLE_FIELDS[table][2]) + ("data",)


@functools.lru_cache(maxsize=None)
def _row_maker(cls, columns: tuple[str, ...]):
    """A function (obj, n, prefix, uid, text, doc) -> row tuple for annotations of one class,
    generated once per class from `_plan`: the cells of `annotation_rows_reference`, in the same
    order, read as plain attribute loads, with `_scalar` called only for a value that is not a
    str, int, float or None, and the `data` dict built as one literal. Why: a store row per
    annotation, 200-300 per article, made this loop a tenth of the batch's CPU time outside the
    stages."""
    pairs, rest = _plan(cls, columns)
    names = [a for _, a in pairs if a is not None] + list(rest)
    if not all(n.isidentifier() and not n.startswith("__") for n in names) or \
            len({c for c, _ in pairs} | set(ROW_HEAD)) != len(pairs) + len(ROW_HEAD):
        return None  # not expressible as generated code: the caller uses the reference
    lines = ["def make(obj, n, prefix, uid, text, doc):"]
    if "start" in {f.name for f in dataclasses.fields(cls)} if dataclasses.is_dataclass(cls) \
            else hasattr(cls, "start"):
        lines += ["    s = obj.start",
                  "    if type(s) is int:",
                  "        e = obj.end",
                  "    else:",
                  "        s, e = _offsets(obj, doc)"]
    else:
        lines.append("    s, e = _offsets(obj, doc)")
    cells = []
    for i, (column, attr) in enumerate(pairs):
        if attr is None:  # the class has no such attribute: NULL, or for text its span's text
            cells.append("(None if s is None else text[s:e])" if column == "text" else "None")
            continue
        lines += [f"    c{i} = obj.{attr}",
                  f"    if type(c{i}) not in _PLAIN_T:",  # bools are stored as 0/1, as _scalar does
                  f"        c{i} = 1 if c{i} is True else 0 if c{i} is False else _scalar(c{i})"]
        if column == "text":
            lines.append(f"    if c{i} is None and s is not None:")
            lines.append(f"        c{i} = text[s:e]")
        cells.append(f"c{i}")
    data = "{" + ", ".join(f"{n!r}: obj.{n}" for n in rest) + "}"
    lines.append(f"    return (prefix + str(n), uid, n, s, e, {', '.join(cells)}"
                 f"{', ' if cells else ''}_orjson_dumps({data}, default=_fallback, "
                 f"option=_OPTION).decode())")
    # dumps_compact's own call, inlined (tests compare the bytes with dumps_compact's)
    namespace = {"_offsets": _offsets, "_scalar": _scalar, "_orjson_dumps": orjson.dumps,
                 "_fallback": _json_fallback, "_OPTION": _ORJSON_OPTION,
                 "_PLAIN_T": frozenset((str, int, float, _NONE))}
    exec(compile("\n".join(lines) + "\n", f"<row maker {cls.__name__}>", "exec"), namespace)
    return namespace["make"]


#: table -> its row columns, sent with each article's rows so the writer needs no table knowledge.
_COLUMNS = {table: row_columns(table) for table in TABLE_FIELDS}


def annotation_rows(analysis, uid: str) -> dict[str, list[tuple]]:
    """Store rows for every annotation of one analysis, in the stage's own order: table -> rows as
    tuples in `row_columns(table)` order. Equal, cell for cell, to `annotation_rows_reference`
    (tests/test_batch_rows.py)."""
    out: dict[str, list[tuple]] = {}
    text, doc = analysis.article.text, analysis.doc
    for table, (field, letter, columns) in TABLE_FIELDS.items():
        objs = getattr(analysis, field, ()) or ()
        prefix = f"{uid}:{letter}"
        kinds = set(map(type, objs))
        maker = _row_maker(kinds.pop(), columns) if len(kinds) == 1 else None
        if maker is not None:  # the usual case: one annotation class per table
            out[table] = [maker(obj, n, prefix, uid, text, doc) for n, obj in enumerate(objs)]
            continue
        rows = []
        append = rows.append
        cls = maker = None
        for n, obj in enumerate(objs):
            if type(obj) is not cls:
                cls = type(obj)
                maker = _row_maker(cls, columns)
            if maker is None:
                row = _reference_row(obj, n, uid, letter, columns, text, doc)
                append(tuple(row.values()))
            else:
                append(maker(obj, n, prefix, uid, text, doc))
        out[table] = rows
    return out


def _reference_row(obj, n, uid, letter, columns, text, doc) -> dict:
    start, end = _offsets(obj, doc)
    row = {"id": f"{uid}:{letter}{n}", "article_uid": uid, "n": n,
           "start_char": start, "end_char": end}
    pairs, rest_names = _plan(type(obj), columns)
    for column, attr in pairs:
        row[column] = None if attr is None else _scalar(getattr(obj, attr))
    if row.get("text") is None and "text" in row and start is not None:
        row["text"] = text[start:end]
    # data: the fields that have no column of their own (the full record is the columns plus
    # data), so the store does not hold everything twice
    row["data"] = dumps_compact({k: getattr(obj, k) for k in rest_names})
    return row


def annotation_rows_reference(analysis, uid: str) -> dict[str, list[dict]]:
    """Store rows for every annotation of one analysis, in the stage's own order, as dicts built
    one cell at a time: the plain definition `annotation_rows` must equal (tests)."""
    out: dict[str, list[dict]] = {}
    text = analysis.article.text
    for table, (field, letter, columns) in TABLE_FIELDS.items():
        out[table] = [_reference_row(obj, n, uid, letter, columns, text, analysis.doc)
                      for n, obj in enumerate(getattr(analysis, field, ()) or ())]
    return out


def _failed_stage(exc: BaseException) -> str:
    """The stage that raised: the stage framing.api.analyze_article was running, read from its
    frame in the traceback; "text" when it failed before the first stage (building the text
    layer); "analysis" when it cannot be told."""
    tb = exc.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        if frame.f_code.co_name == "analyze_article" and frame.f_globals.get("__name__") == \
                "framing.api":
            name = frame.f_locals.get("name")
            return name if isinstance(name, str) else "text"
        tb = tb.tb_next
    return "analysis"


def _article(d: dict) -> Article:
    return Article(id=d["uid"], text=d["text"], outlet=d["outlet"], title=d["title"],
                   date=d["date"], url=d["url"], source=d["source"],
                   notes=tuple(json.loads(d.get("notes") or "[]")))


def analyse_story(payload: dict) -> dict:
    """Analyse every article of one story, compare them, render reports; never raise.

    payload: story_id, name, articles (store rows), analyzer, stages, compare, reports, settings.
    Returns {"story_id", "articles": [...], "comparison": row or None, "reports": {fmt: text}}.
    """
    return analyse_stories([payload])[0]


def analyse_stories(payloads: list[dict]) -> list[dict]:
    """`analyse_story` of each payload, in order: one worker task (framing.batch.executors sends a
    few stories per task, so that sending them and their results is paid once for several)."""
    with _ANALYSIS_LOCK:
        return [_analyse_story(p) for p in payloads]


def _analyse_story(payload: dict) -> dict:
    from ..api import analyze_article

    resources = resources_for(payload["settings"])
    stages = tuple(payload["stages"])
    results, analyses = [], []
    for d in payload["articles"]:
        base = {"uid": d["uid"], "source": d["source"], "line": d["line"]}
        try:
            analysis = analyze_article(_article(d), resources, stages)
            rows = annotation_rows(analysis, d["uid"])
            summary = dumps_compact(analysis.summary)
            words = sum(text_columns(analysis.doc).is_word)  # Doc.word_count, from the shared column
            read = article_figures(analysis.doc)  # what the story comparison gives this article
        except Exception as exc:  # one article's failure is recorded, never fatal
            results.append({**base, "ok": False, "stage": _failed_stage(exc),
                            "reason": f"{type(exc).__name__}: {exc}"[:500]})
            continue
        analyses.append(analysis)
        results.append({**base, "ok": True, "rows": rows, "columns": _COLUMNS, "update": {
            "analysis_key": f"{d['text_hash']}:{payload['analyzer']}",
            "words": words, "sentences": len(analysis.doc.sentences),
            "summary": summary, "readability": json.dumps(read)}})
    out = {"story_id": payload["story_id"], "articles": results, "comparison": None, "reports": {}}
    comparison = None
    if payload["compare"] and len(payload["articles"]) > 1:
        out["comparison"], comparison = _compare(payload, analyses, results, resources)
    if payload.get("reports") and analyses:
        out["reports"] = _reports(payload, analyses, comparison, out["comparison"])
    return out


def _story(payload, analyses) -> Story:
    return Story(name=payload["name"] or payload["story_id"],
                 articles=tuple(a.article for a in analyses))


def _compare(payload, analyses, results, resources):
    """The comparison row for the store and the StoryComparison (None when it failed)."""
    from .store import comparison_key

    keys = [r["update"]["analysis_key"] if r["ok"] else "" for r in results]
    row = {"story_id": payload["story_id"], "key": comparison_key(keys),
           "n_articles": len(analyses),
           "outlets": json.dumps(sorted({a.article.outlet for a in analyses})),
           "data": None, "error": None}
    if len(analyses) < 2:
        row["error"] = "fewer than two articles could be analysed"
        return row, None
    comparison = None
    try:
        from ..compare import compare_story

        comparison = compare_story(list(analyses), _story(payload, analyses), resources)
        row["data"] = dumps_compact(comparison)
    except Exception as exc:  # recorded in the row; the articles' analyses are kept
        row["error"] = f"{type(exc).__name__}: {exc}"[:500]
    return row, comparison


def _reports(payload, analyses, comparison, row) -> dict:
    """{fmt: report text, or None when it could not be rendered (the reason goes in the row)}."""
    from .. import __version__
    from ..model import StoryAnalysis

    reports: dict = {}
    result = StoryAnalysis(story=_story(payload, analyses), analyses=tuple(analyses),
                           comparison=comparison, version=__version__)
    for fmt in payload["reports"]:
        try:
            from ..report import render_string

            reports[fmt] = render_string(result, fmt)
        except Exception as exc:
            reports[fmt] = None
            if row is not None:
                row["error"] = ((row["error"] + "; ") if row["error"] else "") + \
                    f"{fmt} report: {type(exc).__name__}: {exc}"[:300]
    return reports
