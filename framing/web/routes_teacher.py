"""Teacher pages: the library, loading a story, classes, activities, the answer key, exports."""
from __future__ import annotations

import time

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from .activities import WORD_TASKS, build_material, marking_html, parse_marks, MarksError, task_info
from .common import NotFound, check_csrf, flash, read_form, render, state, teacher_only
from .exports import class_csv, labels_csv
from .results import TASK_NAMES, class_figures
from .stories import store_story
from .uploads import Paste, UploadFile, load_upload

PASTE_ROWS = 6


@teacher_only
async def library(request):
    st = state(request)
    return render(request, "library.html", title="Library", stories=st.store.stories(), classes=st.store.classes())


def _load_context(**extra):
    ctx = dict(title="Load a story", errors=[], warnings=[], story_name="", pastes=[("", "", "")] * PASTE_ROWS)
    ctx.update(extra)
    return ctx


@teacher_only
async def load_page(request):
    st = state(request).settings
    return render(request, "load.html", **_load_context(limits=_limits(st)))


def _limits(settings):
    from ..ingest.errors import format_size

    return {"file": format_size(settings.max_file_bytes), "request": format_size(settings.max_request_bytes),
            "files": settings.max_files, "paste": f"{settings.max_paste_chars:,}"}


async def _limited_body(request: Request, limit: int, drain_cap: int):
    """(body, total size): body is None when the request is over `limit` (the rest is read and dropped,
    up to drain_cap, so the browser gets the answer instead of a broken connection)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > drain_cap:
        return None, int(declared)
    chunks, total = [], 0
    async for chunk in request.stream():
        total += len(chunk)
        if total <= limit:
            chunks.append(chunk)
        elif chunks:
            chunks = []
        if total > drain_cap:
            break
    return (b"".join(chunks) if total <= limit else None), total


@teacher_only
async def load_post(request):
    st = state(request)
    s = st.settings
    from ..ingest.errors import format_size

    body, total = await _limited_body(request, s.max_request_bytes, s.drain_cap_bytes)
    if body is None:
        msg = (f"The upload is {format_size(total)}, over the limit of {format_size(s.max_request_bytes)} for one upload "
               f"({format_size(s.max_file_bytes)} per file). Nothing was stored.")
        return render(request, "load.html", status_code=413, **_load_context(errors=[msg], limits=_limits(s)))

    async def replay():
        return {"type": "http.request", "body": body, "more_body": False}

    inner = Request(request.scope, replay)
    try:
        form = await inner.form(max_files=s.max_files, max_fields=200, max_part_size=s.max_paste_chars * 4 + 1024)
    except Exception as exc:  # noqa: BLE001 - a malformed or over-full form gets a message, not a 500
        detail = getattr(exc, "detail", None) or str(exc)
        return render(request, "load.html", status_code=400,
                      **_load_context(errors=[f"The upload could not be read ({detail}). Nothing was stored."],
                                      limits=_limits(s)))
    check_csrf(request, form.get("csrf"))
    files = []
    for item in form.getlist("files"):
        if hasattr(item, "read"):
            data = await item.read()
            if item.filename or data:
                files.append(UploadFile(item.filename or "", data))
    pastes = []
    for n in range(1, PASTE_ROWS + 1):
        pastes.append(Paste(str(form.get(f"outlet{n}", "")), str(form.get(f"text{n}", "")), str(form.get(f"title{n}", ""))))
    story_name = " ".join(str(form.get("story_name", "")).split())[:200]
    result = await run_in_threadpool(load_upload, files, pastes, story_name, max_file_bytes=s.max_file_bytes,
                                     max_paste_chars=s.max_paste_chars)
    if result.errors:
        kept = [(p.outlet, p.title, p.text) for p in pastes]
        return render(request, "load.html", status_code=400,
                      **_load_context(errors=result.errors + ["Nothing was stored."], warnings=result.warnings,
                                      story_name=story_name, pastes=kept, limits=_limits(s)))
    from .stories import story_hash

    existing = st.store.story_by_hash(story_hash(result.story.name, result.story.articles))
    sid = store_story(st.store, result.story, "upload", problems=result.warnings)
    flash(request, ("This story was already in the library." if existing else
                    f"Loaded “{result.story.name}”: {len(result.story.articles)} article(s).")
          + (f" {len(result.warnings)} warning(s) are listed on the story page." if result.warnings else ""))
    return RedirectResponse(f"/t/story/{sid}", status_code=303)


# -- classes ---------------------------------------------------------------------------------------
@teacher_only
async def classes_post(request):
    st = state(request)
    form = await read_form(request, st.settings.max_form_bytes)
    name = " ".join(str(form.get("name", "")).split())[:80] or time.strftime("Class of %Y-%m-%d")
    klass = st.store.add_class(name)
    flash(request, f"Made the class “{name}”. Its join code is {klass['join_code']}.")
    return RedirectResponse(f"/t/class/{klass['id']}", status_code=303)


def _class(request):
    klass = state(request).store.klass(request.path_params["cid"])
    if klass is None:
        raise NotFound("There is no such class.")
    return klass


@teacher_only
async def class_page(request):
    st = state(request)
    klass = _class(request)
    stories = st.store.stories()
    articles = {s["id"]: st.store.articles(s["id"]) for s in stories}
    return render(request, "class.html", title=f"Class: {klass['name']}", klass=klass, students=st.store.students(klass["id"]),
                  activities=st.store.activities(klass["id"]), stories=stories, articles=articles,
                  tasks=task_info(), join_url=_join_url(request, klass))


def _join_url(request, klass) -> str:
    return f"{request.base_url}join?code={klass['join_code']}"


@teacher_only
async def activity_post(request):
    st = state(request)
    klass = _class(request)
    form = await read_form(request, st.settings.max_form_bytes)
    choice = str(form.get("article", ""))
    sid, _, pos = choice.partition(":")
    tasks = [t for t in task_info() if t in form.getlist("tasks")]
    if not tasks:
        flash(request, "Pick at least one task for the activity.", "error")
        return RedirectResponse(f"/t/class/{klass['id']}#new-activity", status_code=303)
    if st.store.story(sid) is None or not pos.isdigit():
        flash(request, "Pick an article of a story in the library.", "error")
        return RedirectResponse(f"/t/class/{klass['id']}#new-activity", status_code=303)
    page = await run_in_threadpool(st.stories.get, sid)
    position = int(pos)
    if page is None or not 0 <= position < len(page.view.articles):
        flash(request, "That article could not be analysed; pick another.", "error")
        return RedirectResponse(f"/t/class/{klass['id']}#new-activity", status_code=303)
    material = build_material(page, position)
    title = " ".join(str(form.get("title", "")).split())[:120] or f"{material['outlet']}: {material['title'] or page.name}"[:120]
    aid = st.store.add_activity(klass["id"], sid, position, title, tasks, material)
    flash(request, f"Made the activity “{title}”. Students who join with code {klass['join_code']} see it now.")
    return RedirectResponse(f"/t/activity/{aid}", status_code=303)


@teacher_only
async def class_delete_page(request):
    klass = _class(request)
    st = state(request)
    return render(request, "class_delete.html", title=f"Delete {klass['name']}", klass=klass,
                  students=st.store.students(klass["id"]), activities=st.store.activities(klass["id"]))


@teacher_only
async def class_delete(request):
    st = state(request)
    klass = _class(request)
    await read_form(request, st.settings.max_form_bytes)
    for a in st.store.activities(klass["id"]):
        st.materials.pop(a["id"], None)
    st.store.delete_class(klass["id"])
    flash(request, f"Deleted the class “{klass['name']}” with its students, activities and marks.")
    return RedirectResponse("/t/library", status_code=303)


@teacher_only
async def class_export(request):
    st = state(request)
    klass = _class(request)
    text = class_csv(st.store, klass)
    return _csv(text, f"framing-class-{_slug(klass['name'])}.csv")


@teacher_only
async def student_remove(request):
    st = state(request)
    klass = _class(request)
    await read_form(request, st.settings.max_form_bytes)
    st.store.remove_student(klass["id"], request.path_params["stid"])
    flash(request, "Removed the student and their marks.")
    return RedirectResponse(f"/t/class/{klass['id']}", status_code=303)


# -- activities ------------------------------------------------------------------------------------
def activity_material(st, aid: str):
    """(activity row without material, material, {task: marking html}), cached per activity."""
    hit = st.materials.get(aid)
    row = st.store.activity(aid, with_material=hit is None)
    if row is None:
        st.materials.pop(aid, None)
        return None, None, None
    if hit is None:
        material = row.pop("material")
        htmls = {t: marking_html(material, t) for t in row["tasks"] if t in WORD_TASKS}
        hit = (material, htmls)
        if len(st.materials) > 64:
            st.materials.pop(next(iter(st.materials)))
        st.materials[aid] = hit
    return row, hit[0], hit[1]


def _activity(request):
    st = state(request)
    row, material, htmls = activity_material(st, request.path_params["aid"])
    if row is None:
        raise NotFound("There is no such activity.")
    return row, material, htmls


def figures_for(st, row, material, with_students: bool):
    subs = st.store.submissions(row["id"])
    key = st.store.key(row["id"])
    version = (len(subs), key["updated"] if key else 0.0, with_students)
    return st.results.get(row["id"], version, lambda: class_figures(material, row["tasks"], subs, with_students,
                                                                     key["marks"] if key else None)), subs, key


@teacher_only
async def activity_page(request):
    st = state(request)
    row, material, _ = _activity(request)
    figures, subs, key = await run_in_threadpool(figures_for, st, row, material, True)
    from .activities import reveal_html

    reveals = {t: reveal_html(material, t, (), key["marks"].get(t) if key else None, figures.counts.get(t), figures.total)
               for t in row["tasks"] if t in WORD_TASKS}
    from .exports import label_counts

    labels = {"majority": label_counts(material, subs), "any": label_counts(material, subs, 1)} if "loaded" in row["tasks"] else None
    return render(request, "activity.html", title=f"Activity: {row['title']}", activity=row, material=material, labels=labels,
                  klass=st.store.klass(row["class_id"]), figures=figures, key=key, reveals=reveals,
                  students=st.store.students(row["class_id"]), task_names=TASK_NAMES, tasks=task_info())


@teacher_only
async def activity_status_json(request):
    st = state(request)
    row = st.store.activity(request.path_params["aid"], with_material=False)
    if row is None:
        raise NotFound()
    subs = st.store.submissions(row["id"])
    students = st.store.students(row["class_id"])
    return JSONResponse({"joined": len(students), "submitted": len(subs), "status": row["status"],
                         "submissions": [{"nickname": s["nickname"], "at": time.strftime("%H:%M:%S", time.localtime(s["submitted"]))}
                                         for s in subs]},
                        headers={"cache-control": "no-store"})


@teacher_only
async def activity_set_status(request):
    st = state(request)
    row, _, _ = _activity(request)
    form = await read_form(request, st.settings.max_form_bytes)
    status = "closed" if form.get("status") == "closed" else "open"
    st.store.set_activity_status(row["id"], status)
    flash(request, "Students can no longer submit." if status == "closed" else "Students can submit again.")
    return RedirectResponse(f"/t/activity/{row['id']}", status_code=303)


@teacher_only
async def key_page(request):
    st = state(request)
    row, material, _ = _activity(request)
    key = st.store.key(row["id"])
    start = request.query_params.get("start")
    if start == "tool":
        marks = {t: [int(u) for u in material["tool"].get(t, {})] for t in WORD_TASKS}
        marks["frame"] = (material.get("tool_frame") or {}).get("label", "")
    else:
        marks = key["marks"] if key else {}
    forms = {t: marking_html(material, t, frozenset(marks.get(t, [])), id_prefix="key-") for t in row["tasks"] if t in WORD_TASKS}
    return render(request, "key.html", title=f"Answer key: {row['title']}", activity=row, material=material, forms=forms,
                  marks=marks, key=key, tasks=task_info())


@teacher_only
async def key_post(request):
    st = state(request)
    row, material, _ = _activity(request)
    form = await read_form(request, st.settings.max_form_bytes)
    if form.get("action") == "delete":
        st.store.delete_key(row["id"])
        flash(request, "Deleted the answer key.")
        return RedirectResponse(f"/t/activity/{row['id']}", status_code=303)
    try:
        marks = parse_marks(form, row["tasks"], material)
    except MarksError as exc:
        flash(request, str(exc), "error")
        return RedirectResponse(f"/t/activity/{row['id']}/key", status_code=303)
    st.store.set_key(row["id"], marks)
    flash(request, "Saved the answer key. Students see it after they submit.")
    return RedirectResponse(f"/t/activity/{row['id']}", status_code=303)


@teacher_only
async def activity_labels(request):
    st = state(request)
    row, material, _ = _activity(request)
    klass = st.store.klass(row["class_id"])
    mv = request.query_params.get("min_votes", "")
    text = labels_csv(material, st.store.submissions(row["id"]), klass, row, int(mv) if mv.isdigit() else None)
    return _csv(text, f"framing-labels-{_slug(row['title'])}.csv")


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "export"


def _csv(text: str, filename: str) -> Response:
    return Response(text.encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{filename}"', "cache-control": "no-store"})
