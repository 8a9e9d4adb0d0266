"""Pages anyone on the network may open: home, joining a class, the teacher's log-in, assets."""
from __future__ import annotations

from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response

from .common import client_key, flash, is_teacher, read_form, render, state
from .security import normalise_join_code, verify_passphrase

MAX_NICKNAME = 24


async def home(request):
    """Teachers to the library, students to their class, everyone else to the join page."""
    if is_teacher(request):
        return RedirectResponse("/t/library", status_code=303)
    if request.session.get("student"):
        return RedirectResponse("/s", status_code=303)
    return RedirectResponse("/join", status_code=303)


def clean_nickname(value: str) -> str:
    text = " ".join("".join(ch for ch in (value or "") if ch.isprintable()).split())
    return text[:MAX_NICKNAME]


async def join_page(request):
    return render(request, "join.html", title="Join a class", code=request.query_params.get("code", "")[:12],
                  nickname="", error="")


async def join_post(request):
    st = state(request)
    key = client_key(request)
    wait = max(st.join_failures.blocked(key), st.join_attempts.blocked(key))
    if wait:
        minutes = max(1, round(wait / 60))
        return render(request, "join.html", status_code=429, title="Join a class", code="", nickname="",
                      error=f"Too many tries from this device. Wait about {minutes} minute(s), then try again.")
    st.join_attempts.hit(key)
    form = await read_form(request, st.settings.max_form_bytes)
    code = normalise_join_code(form.get("code", ""))
    nickname = clean_nickname(form.get("nickname", ""))
    klass = st.store.class_by_code(code) if code else None
    if klass is None:
        st.join_failures.hit(key)
        return render(request, "join.html", status_code=400, title="Join a class", code=form.get("code", "")[:12],
                      nickname=nickname, error="That join code is not right. Check it with your teacher.")
    if len(nickname) < 2:
        return render(request, "join.html", status_code=400, title="Join a class", code=code, nickname=nickname,
                      error="Choose a nickname of at least 2 characters (not your full name).")
    student_id = st.store.add_student(klass["id"], nickname)
    if student_id is None:
        return render(request, "join.html", status_code=400, title="Join a class", code=code, nickname=nickname,
                      error="Someone in this class already uses that nickname. Add a letter or a number.")
    request.session.pop("student", None)
    request.session["student"] = student_id
    request.session["class"] = klass["id"]
    return RedirectResponse("/s", status_code=303)


async def login_page(request):
    nxt = request.query_params.get("next", "/t/library")
    return render(request, "login.html", title="Teacher log-in", next=nxt if nxt.startswith("/t/") else "/t/library",
                  error="")


async def login_post(request):
    st = state(request)
    key = client_key(request)
    form = await read_form(request, st.settings.max_form_bytes)
    nxt = form.get("next", "/t/library")
    nxt = nxt if isinstance(nxt, str) and nxt.startswith("/t/") else "/t/library"
    wait = st.login_failures.blocked(key)
    if wait:
        return render(request, "login.html", status_code=429, title="Teacher log-in", next=nxt,
                      error=f"Too many wrong passphrases. Wait about {max(1, round(wait / 60))} minute(s).")
    if not st.settings.passphrase_hash:
        return RedirectResponse(nxt, status_code=303)
    if not verify_passphrase(form.get("passphrase", ""), st.settings.passphrase_hash):
        st.login_failures.hit(key)
        return render(request, "login.html", status_code=400, title="Teacher log-in", next=nxt,
                      error="That passphrase is not right.")
    st.login_failures.forget(key)
    request.session.clear()  # a fresh session (and CSRF token) on log-in
    request.session["teacher"] = st.epoch
    return RedirectResponse(nxt, status_code=303)


async def logout(request):
    await read_form(request, state(request).settings.max_form_bytes)
    request.session.clear()
    return RedirectResponse("/join" if state(request).settings.teacher_locked else "/", status_code=303)


async def leave(request):
    """A student leaves the class on this device (their submitted marks stay with the class)."""
    await read_form(request, state(request).settings.max_form_bytes)
    request.session.pop("student", None)
    request.session.pop("class", None)
    flash(request, "You have left the class on this device.")
    return RedirectResponse("/join", status_code=303)


async def categories_css(request):
    """Underline style and background of each lexicon category, from the report's categories.tsv."""
    from ..report.viewmodel import all_categories_css

    lines = [f".cat-{c.key} {{ text-decoration-style: {c.underline}; background-color: {c.background}; }}"
             for c in all_categories_css()]
    # per-category switches of the story view (CSS only: they work without JavaScript)
    lines += [f".story-view:has(#cat-{c.key}:not(:checked)) .hl-finding.cat-{c.key} "
              f"{{ text-decoration: none; background: none !important; }}\n"
              f".story-view:has(#cat-{c.key}:not(:checked)) .hl-finding.cat-{c.key} > .mk {{ display: none; }}"
              for c in all_categories_css()]
    return Response("\n".join(lines) + "\n", media_type="text/css",
                    headers={"cache-control": "public, max-age=3600"})


async def report_css(request):
    from ..report.templating import asset

    return Response(asset("report.css"), media_type="text/css", headers={"cache-control": "public, max-age=3600"})


async def healthz(request):
    return JSONResponse({"ok": True})


async def robots(request):
    return PlainTextResponse("User-agent: *\nDisallow: /\n")


async def favicon(request):
    return RedirectResponse("/static/favicon.svg", status_code=301)
