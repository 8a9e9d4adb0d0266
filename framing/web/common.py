"""What every route shares: the app's state, templates, sessions, CSRF and access checks, forms.

Access rules, in one place:
- teacher pages (/t/...) need the teacher passphrase when the server is locked (always on a
  classroom network); a teacher session carries a fingerprint of the passphrase's hash, so setting
  a new passphrase logs every earlier session out;
- student pages (/s/...) need a student session, and only ever show the student's own class: an
  activity of another class answers 404, as if it did not exist.
"""
from __future__ import annotations

import functools
import time
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.templating import Jinja2Templates

from .. import __version__
from .security import RateLimiter, auth_epoch, csrf_ok, new_csrf_token
from .settings import Settings


class Forbidden(HTTPException):
    def __init__(self, detail: str = "You cannot open this page."):
        super().__init__(403, detail)


class NotFound(HTTPException):
    def __init__(self, detail: str = "There is no such page."):
        super().__init__(404, detail)


@dataclass
class AppState:
    settings: Settings
    store: object  # framing.web.db.Store
    stories: object  # framing.web.stories.StoryCache
    templates: Jinja2Templates
    join_failures: RateLimiter
    join_attempts: RateLimiter
    login_failures: RateLimiter
    results: object  # framing.web.results.ResultsCache
    materials: dict = field(default_factory=dict)  # activity id -> (material, {task: marking html})
    started: float = field(default_factory=time.time)

    @property
    def epoch(self) -> str:
        return auth_epoch(self.settings.passphrase_hash) if self.settings.passphrase_hash else "open"


def make_templates() -> Jinja2Templates:
    env = Environment(
        loader=ChoiceLoader([PackageLoader("framing.web", "templates"), PackageLoader("framing.report", "templates")]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    return Jinja2Templates(env=env)


def state(request: Request) -> AppState:
    return request.app.state.framing


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = new_csrf_token()
        request.session["csrf"] = token
    return token


def is_teacher(request: Request) -> bool:
    st = state(request)
    if not st.settings.teacher_locked:
        return True
    return request.session.get("teacher") == st.epoch and bool(st.settings.passphrase_hash)


def require_teacher(request: Request):
    """None when the request may see teacher pages, else the response to send instead."""
    if is_teacher(request):
        return None
    if request.method == "GET":
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    raise Forbidden("Teacher pages need the teacher passphrase.")


def teacher_only(endpoint):
    """Wrap a teacher page: answer with require_teacher's refusal when the visitor is not the teacher."""
    @functools.wraps(endpoint)
    async def guarded(request):
        return require_teacher(request) or await endpoint(request)

    return guarded


def current_student(request: Request) -> dict | None:
    sid = request.session.get("student")
    if not sid:
        return None
    student = state(request).store.student(sid)
    if student is None or student["class_id"] != request.session.get("class"):
        return None
    return student


def client_key(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def flash(request: Request, message: str, kind: str = "info") -> None:
    messages = list(request.session.get("flash", []))
    messages.append([kind, message])
    request.session["flash"] = messages[-5:]


def pop_flash(request: Request) -> list:
    messages = request.session.get("flash")
    if messages:
        request.session.pop("flash")
    return messages or []


def same_origin(request: Request) -> bool:
    """A form post must come from a page of this server, when the browser says where it comes from
    (an absent or "null" origin, sent by some privacy settings, leaves the CSRF token to decide)."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return True
    host = request.headers.get("host", "")
    return urlsplit(origin).netloc == host


async def read_form(request: Request, max_bytes: int | None = None):
    """The posted form after the size, origin and CSRF checks (403 or 413 on failure)."""
    form = await request.form(max_files=0, max_fields=5000, max_part_size=max_bytes or 1_000_000)
    check_csrf(request, form.get("csrf"))
    return form


def check_csrf(request: Request, sent) -> None:
    if not same_origin(request):
        raise Forbidden("This form was sent from another site.")
    if not csrf_ok(request.session.get("csrf"), sent):
        raise Forbidden("This form has expired or did not come from this app. Go back, reload the page "
                        "and try again.")


def render(request: Request, name: str, status_code: int = 200, **context):
    st = state(request)
    context.setdefault("title", "framing classroom")
    context.update(
        csrf=csrf_token(request),
        teacher=is_teacher(request),
        locked=st.settings.teacher_locked,
        student=current_student(request),
        flashes=pop_flash(request),
        path=request.url.path,
    )
    return st.templates.TemplateResponse(request, name, context, status_code=status_code)
