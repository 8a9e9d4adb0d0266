"""Helpers for the web app tests (no tests here): an app on a temporary data folder, a teacher
client logged in, a small realistic story pasted in, a class, an activity and students joining.
"""
from __future__ import annotations

import re

PASSPHRASE = "staffroom kettle 42"

HARBOUR_A = (
    "Harbour workers walked off the job on Monday after talks with the port authority collapsed.\n"
    "“We have been ignored for months,” union leader Maria Lopez said outside the gates.\n"
    "The authority claimed the strike was illegal and accused the union of holding the city hostage.\n"
    "Officials said 40 ships were delayed. Critics slammed the so-called reform plan as a brutal attack on "
    "workers, and the regime at the port office refused to comment.\n"
)
HARBOUR_B = (
    "Port operations were disrupted on Monday as dock workers began a strike.\n"
    "The port authority said it regretted the union's decision and remained open to dialogue.\n"
    "“The offer on the table is fair,” spokesman Tom Reed said.\n"
    "About 35 ships were delayed, according to the authority. Union members said they would continue the "
    "action until wages rise.\n"
)


def csrf(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "no CSRF token on the page"
    return m.group(1)


def make_app(tmp_path, passphrase: str | None = PASSPHRASE, **kw):
    from framing.web import Settings, create_app
    from framing.web.security import hash_passphrase

    kw.setdefault("warm_cache", False)
    kw.setdefault("bundled_seeds", False)
    settings = Settings(data_dir=tmp_path / "data", passphrase_hash=hash_passphrase(passphrase) if passphrase else "",
                        **kw)
    return create_app(settings), settings


def client(app):
    from starlette.testclient import TestClient

    return TestClient(app, follow_redirects=False)


def login(c, passphrase: str = PASSPHRASE):
    r = c.get("/login")
    r = c.post("/login", data={"csrf": csrf(r.text), "passphrase": passphrase, "next": "/t/library"})
    assert r.status_code == 303, r.text
    return c


def token(c) -> str:
    return csrf(c.get("/t/library").text)


def paste_story(c, articles, name: str = "Harbour strike") -> tuple[int, str]:
    data = {"csrf": token(c), "story_name": name}
    for n, (outlet, text) in enumerate(articles, start=1):
        data[f"outlet{n}"] = outlet
        data[f"text{n}"] = text
    r = c.post("/t/load", data=data, files={"files": ("", b"", "application/octet-stream")})
    if r.status_code != 303:
        return r.status_code, r.text
    return 303, r.headers["location"].rsplit("/", 1)[1]


def make_class(c, name: str = "9B") -> tuple[str, str]:
    r = c.post("/t/classes", data={"csrf": token(c), "name": name})
    assert r.status_code == 303
    cid = r.headers["location"].rsplit("/", 1)[1]
    page = c.get(f"/t/class/{cid}").text
    code = re.search(r'class="code big">([A-Z0-9]+)<', page).group(1)
    return cid, code


def make_activity(c, cid: str, sid: str, position: int = 0, tasks=("loaded", "speaker", "cue", "frame")) -> str:
    r = c.post(f"/t/class/{cid}/activities", data={"csrf": token(c), "article": f"{sid}:{position}", "tasks": list(tasks)})
    assert r.status_code == 303, r.text
    assert r.headers["location"].startswith("/t/activity/"), r.headers["location"]
    return r.headers["location"].rsplit("/", 1)[1]


def join(app, code: str, nickname: str):
    s = client(app)
    r = s.get("/join")
    r = s.post("/join", data={"csrf": csrf(r.text), "code": code, "nickname": nickname})
    assert r.status_code == 303, r.text
    return s


def words_of(html: str, task: str) -> dict[str, int]:
    """word -> unit number of the first checkbox of that word in the marking form of `task`."""
    out = {}
    for unit, word in re.findall(rf'name="{task}" value="(\d+)"[^>]*><label for="[^"]+">([^<]+)</label>', html):
        out.setdefault(word, int(unit))
    return out
