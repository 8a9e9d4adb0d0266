"""Student pages: the class's activities, marking an article, and the reveal after submitting.

A student sees only their own class: an activity of another class is answered with 404. The tool's
flags, the teacher's key and the class's marks appear only once the student has submitted.
"""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse

from .activities import WORD_TASKS, MarksError, parse_marks, reveal_html, task_info
from .common import NotFound, current_student, flash, read_form, render, state
from .results import TASK_NAMES, student_figures
from .routes_teacher import activity_material, figures_for


def _student(request):
    student = current_student(request)
    if student is None:
        request.session.pop("student", None)
        return None, RedirectResponse("/join", status_code=303)
    return student, None


def _activity_of(request, student):
    st = state(request)
    row, material, htmls = activity_material(st, request.path_params["aid"])
    if row is None or row["class_id"] != student["class_id"]:
        raise NotFound("There is no such activity in your class.")
    return row, material, htmls


async def student_home(request):
    student, redirect = _student(request)
    if redirect:
        return redirect
    st = state(request)
    acts = st.store.activities(student["class_id"])
    done = {a["id"] for a in acts if st.store.submission(a["id"], student["id"])}
    open_acts = [a for a in acts if a["status"] == "open" and a["id"] not in done]
    if len(open_acts) == 1 and not done and request.query_params.get("list") is None:
        return RedirectResponse(f"/s/{open_acts[0]['id']}", status_code=303)
    return render(request, "student_home.html", title="Your class", klass=st.store.klass(student["class_id"]),
                  activities=acts, done=done)


async def mark_page(request):
    student, redirect = _student(request)
    if redirect:
        return redirect
    st = state(request)
    row, material, htmls = _activity_of(request, student)
    if st.store.submission(row["id"], student["id"]):
        return RedirectResponse(f"/s/{row['id']}/reveal", status_code=303)
    return render(request, "mark.html", title=f"Activity: {row['title']}", activity=row, material=material, htmls=htmls,
                  tasks=task_info(), error="")


async def mark_post(request):
    student, redirect = _student(request)
    if redirect:
        return redirect
    st = state(request)
    row, material, htmls = _activity_of(request, student)
    form = await read_form(request, st.settings.max_form_bytes)
    if row["status"] != "open":
        flash(request, "This activity is closed: your teacher stopped taking answers.", "error")
        return RedirectResponse("/s?list", status_code=303)
    try:
        marks = parse_marks(form, row["tasks"], material)
    except MarksError as exc:
        return render(request, "mark.html", status_code=400, title=f"Activity: {row['title']}", activity=row,
                      material=material, htmls=htmls, tasks=task_info(), error=str(exc))
    if not st.store.submit(row["id"], student["id"], marks):
        flash(request, "You had already submitted: your first answers count.")
    return RedirectResponse(f"/s/{row['id']}/reveal", status_code=303)


async def reveal_page(request):
    student, redirect = _student(request)
    if redirect:
        return redirect
    st = state(request)
    row, material, _ = _activity_of(request, student)
    sub = st.store.submission(row["id"], student["id"])
    if sub is None:
        flash(request, "Submit your own answers first; then you see the tool's and the class's.")
        return RedirectResponse(f"/s/{row['id']}", status_code=303)
    figures, subs, key = await run_in_threadpool(figures_for, st, row, material, False)
    sub["nickname"] = student["nickname"]
    mine = await run_in_threadpool(student_figures, material, row["tasks"], sub, key["marks"] if key else None)
    reveals = {t: reveal_html(material, t, sub["marks"].get(t, []), key["marks"].get(t) if key else None,
                              figures.counts.get(t), figures.total)
               for t in row["tasks"] if t in WORD_TASKS}
    return render(request, "reveal.html", title=f"Reveal: {row['title']}", activity=row, material=material, mine=mine,
                  figures=figures, key=key, reveals=reveals, task_names=TASK_NAMES, tasks=task_info())
