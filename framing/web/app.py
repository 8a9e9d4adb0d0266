"""The classroom web app: `create_app(settings)` returns an ASGI app (Starlette) for uvicorn.

    from framing.web import Settings, create_app
    app = create_app(Settings(data_dir="classroom-data"))
    # uvicorn.run(app, host="127.0.0.1", port=8000)   (framing serve does this)

Layers, outermost first: security headers (CSP without inline script, nosniff, no framing, no
referrer, no caching of pages), a request-size limit, signed session cookies (HttpOnly,
SameSite=Lax; the key lives in the data folder), then the routes. Teacher pages live under /t/,
student pages under /s/; see common.py for the access rules.
"""
from __future__ import annotations

import contextlib
import logging
import os
import secrets
import threading
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import HTMLResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import routes_public as pub
from . import routes_story as story
from . import routes_student as stu
from . import routes_teacher as tea
from .common import AppState, make_templates, render
from .db import Store
from .results import ResultsCache
from .security import SECURITY_HEADERS, RateLimiter
from .settings import Settings
from .stories import StoryCache, load_startup_stories

log = logging.getLogger(__name__)
SESSION_COOKIE = "framing_session"
SESSION_MAX_AGE = 12 * 3600  # a school day


class SecurityHeaders:
    """Adds the security headers to every response; pages (not assets) are never cached."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")

        async def send_wrapper(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"server"]
                names = {k.lower() for k, _ in headers}
                headers += [h for h in SECURITY_HEADERS if h[0] not in names]
                if not static and b"cache-control" not in names:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_wrapper)


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """Refuses request bodies over `limit` bytes (413), except on paths that check their own size."""

    def __init__(self, app, limit: int, exempt: tuple[str, ...] = ()):
        self.app = app
        self.limit = limit
        self.exempt = exempt

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD") or scope["path"] in self.exempt:
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await _too_large(send)
            return
        seen = 0
        started = False

        async def counting():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge()
            return message

        async def send_wrapper(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting, send_wrapper)
        except BodyTooLarge:
            if not started:
                await _too_large(send)


async def _too_large(send):
    body = (b"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Too large</title></head>"
            b"<body><main><h1>Too large</h1><p>This form sent more data than the app accepts. "
            b"Go back and send less.</p></main></body></html>")
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def secret_key(data_dir: Path) -> str:
    """The session-signing key, made once per data folder and readable by its owner only."""
    path = data_dir / "secret.key"
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    key = secrets.token_urlsafe(48)
    data_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    return key


async def http_error(request, exc: HTTPException):
    titles = {400: "Bad request", 403: "Not allowed", 404: "Not found", 405: "Not allowed", 413: "Too large",
              429: "Too many requests"}
    try:
        return render(request, "error.html", status_code=exc.status_code, title=titles.get(exc.status_code, "Error"),
                      message=exc.detail or titles.get(exc.status_code, "Error"), code=exc.status_code)
    except Exception:  # noqa: BLE001 - the error page itself must never fail
        return HTMLResponse(f"<h1>{exc.status_code}</h1>", status_code=exc.status_code)


async def server_error(request, exc: Exception):
    log.exception("error on %s", request.url.path, exc_info=exc)
    return HTMLResponse("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Error</title></head><body>"
                        "<main><h1>Something went wrong</h1><p>The app hit an error on this page; other pages still "
                        "work. <a href='/'>Start again</a>.</p></main></body></html>", status_code=500)


def routes():
    static = Path(__file__).resolve().parent / "static"
    return [
        Route("/", pub.home),
        Route("/join", pub.join_page, methods=["GET"]),
        Route("/join", pub.join_post, methods=["POST"]),
        Route("/login", pub.login_page, methods=["GET"]),
        Route("/login", pub.login_post, methods=["POST"]),
        Route("/logout", pub.logout, methods=["POST"]),
        Route("/leave", pub.leave, methods=["POST"]),
        Route("/healthz", pub.healthz),
        Route("/robots.txt", pub.robots),
        Route("/favicon.ico", pub.favicon),
        Route("/static/categories.css", pub.categories_css),
        Route("/static/report.css", pub.report_css),
        Mount("/static", app=StaticFiles(directory=str(static)), name="static"),
        # teacher
        Route("/t/library", tea.library),
        Route("/t/load", tea.load_page, methods=["GET"]),
        Route("/t/load", tea.load_post, methods=["POST"]),
        Route("/t/story/{sid}", story.story_articles),
        Route("/t/story/{sid}/prompts", story.story_prompts),
        Route("/t/story/{sid}/handout", story.story_handout),
        Route("/t/story/{sid}/methods", story.story_methods),
        Route("/t/story/{sid}/delete", story.story_delete, methods=["POST"]),
        Route("/t/story/{sid}/{page}", story.story_section),
        Route("/t/classes", tea.classes_post, methods=["POST"]),
        Route("/t/class/{cid}", tea.class_page),
        Route("/t/class/{cid}/activities", tea.activity_post, methods=["POST"]),
        Route("/t/class/{cid}/delete", tea.class_delete_page, methods=["GET"]),
        Route("/t/class/{cid}/delete", tea.class_delete, methods=["POST"]),
        Route("/t/class/{cid}/export.csv", tea.class_export),
        Route("/t/class/{cid}/students/{stid}/remove", tea.student_remove, methods=["POST"]),
        Route("/t/activity/{aid}", tea.activity_page),
        Route("/t/activity/{aid}/status.json", tea.activity_status_json),
        Route("/t/activity/{aid}/status", tea.activity_set_status, methods=["POST"]),
        Route("/t/activity/{aid}/key", tea.key_page, methods=["GET"]),
        Route("/t/activity/{aid}/key", tea.key_post, methods=["POST"]),
        Route("/t/activity/{aid}/labels.csv", tea.activity_labels),
        # student
        Route("/s", stu.student_home),
        Route("/s/{aid}", stu.mark_page, methods=["GET"]),
        Route("/s/{aid}", stu.mark_post, methods=["POST"]),
        Route("/s/{aid}/reveal", stu.reveal_page),
    ]


def _warm(state: AppState, story_ids: list[str]) -> None:
    """Analyse the startup stories in the background so the first story view is quick."""
    try:
        from .imports import ensure

        ensure()
        for sid in story_ids:
            state.stories.get(sid)
    except Exception:  # noqa: BLE001 - warming is an optimisation; the page will say what failed
        log.warning("warming the story cache failed", exc_info=True)


def create_app(settings: Settings, store: Store | None = None, resources=None) -> Starlette:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    store = store or Store(settings.db_path)
    state = AppState(
        settings=settings, store=store, stories=StoryCache(store, resources), templates=make_templates(),
        join_failures=RateLimiter(settings.join_failures_per_window, settings.rate_window_seconds),
        join_attempts=RateLimiter(settings.join_attempts_per_window, settings.rate_window_seconds),
        login_failures=RateLimiter(settings.login_failures_per_window, settings.rate_window_seconds),
        results=ResultsCache(),
    )
    startup_ids = load_startup_stories(store, settings)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        if settings.warm_cache:
            threading.Thread(target=_warm, args=(state, startup_ids), name="framing-warm", daemon=True).start()
        yield

    app = Starlette(
        routes=routes(),
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(BodyLimit, limit=settings.max_form_bytes, exempt=("/t/load",)),
            Middleware(SessionMiddleware, secret_key=secret_key(settings.data_dir), session_cookie=SESSION_COOKIE,
                       max_age=SESSION_MAX_AGE, same_site="lax", https_only=False),
        ],
        exception_handlers={HTTPException: http_error, 500: server_error},
        lifespan=lifespan,
    )
    app.state.framing = state
    app.state.startup_story_ids = startup_ids
    return app
