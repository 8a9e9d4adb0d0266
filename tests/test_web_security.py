"""Security of the classroom app: passphrase hashing, CSRF, cookies, headers, access between roles
and classes, rate limits. Real requests through the ASGI app (Starlette's TestClient)."""
from __future__ import annotations

import re

import pytest

from test_web_support import (HARBOUR_A, HARBOUR_B, PASSPHRASE, client, csrf, join, login, make_activity, make_app,
                              make_class, paste_story, token)

from framing.web.security import (CSP, RateLimiter, hash_passphrase, normalise_join_code, new_join_code,
                                  verify_passphrase)


def test_passphrase_is_stored_as_a_salted_scrypt_hash():
    a, b = hash_passphrase("correct horse"), hash_passphrase("correct horse")
    assert a != b  # a new salt each time
    assert a.startswith("scrypt$") and "correct horse" not in a
    assert verify_passphrase("correct horse", a) and verify_passphrase("correct horse", b)
    assert not verify_passphrase("correct hors", a)
    assert not verify_passphrase("correct horse", "garbage")
    with pytest.raises(ValueError):
        hash_passphrase("")


def test_join_codes_are_short_and_unambiguous():
    codes = {new_join_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == 6 and not set(c) & set("01OI") for c in codes)
    assert normalise_join_code(" ab-c d2\n") == "ABCD2"


def test_rate_limiter_window():
    now = [0.0]
    rl = RateLimiter(3, 60, clock=lambda: now[0])
    for _ in range(3):
        assert rl.blocked("x") == 0
        rl.hit("x")
    assert rl.blocked("x") == pytest.approx(60)
    assert rl.blocked("y") == 0
    now[0] = 61
    assert rl.blocked("x") == 0


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A locked server with one story, two classes with an activity each, and a student in each."""
    app, settings = make_app(tmp_path_factory.mktemp("sec"))
    teacher = login(client(app))
    status, sid = paste_story(teacher, [("Harbour Daily", HARBOUR_A), ("Port Times", HARBOUR_B)])
    assert status == 303, sid
    cid1, code1 = make_class(teacher, "9B")
    cid2, code2 = make_class(teacher, "10C")
    aid1 = make_activity(teacher, cid1, sid, 0, ("loaded",))
    aid2 = make_activity(teacher, cid2, sid, 1, ("loaded",))
    s1 = join(app, code1, "Ana")
    return {"app": app, "teacher": teacher, "sid": sid, "cid1": cid1, "cid2": cid2, "aid1": aid1, "aid2": aid2,
            "s1": s1, "code1": code1, "code2": code2}


TEACHER_GETS = ["/t/library", "/t/load", "/t/story/{sid}", "/t/story/{sid}/naming", "/t/story/{sid}/prompts",
                "/t/story/{sid}/handout", "/t/class/{cid1}", "/t/class/{cid1}/export.csv", "/t/activity/{aid1}",
                "/t/activity/{aid1}/status.json", "/t/activity/{aid1}/labels.csv", "/t/activity/{aid1}/key",
                "/t/class/{cid1}/delete"]


def test_students_and_strangers_cannot_reach_teacher_pages(world):
    stranger = client(world["app"])
    for who in (world["s1"], stranger):
        for path in TEACHER_GETS:
            url = path.format(**world)
            r = who.get(url)
            assert r.status_code == 303 and r.headers["location"].startswith("/login"), (url, r.status_code)
    # and posts are refused even with the student's own valid CSRF token
    tok = csrf(world["s1"].get(f"/s/{world['aid1']}").text)
    for url in ("/t/classes", f"/t/class/{world['cid1']}/delete", f"/t/activity/{world['aid1']}/key",
                f"/t/story/{world['sid']}/delete"):
        r = world["s1"].post(url, data={"csrf": tok, "name": "x"})
        assert r.status_code in (303, 403), url
        if r.status_code == 303:
            assert r.headers["location"].startswith("/login")
    assert world["teacher"].get(f"/t/class/{world['cid1']}").status_code == 200  # nothing was deleted


def test_a_student_cannot_reach_another_class(world):
    s1 = world["s1"]
    assert s1.get(f"/s/{world['aid1']}").status_code == 200
    for url in (f"/s/{world['aid2']}", f"/s/{world['aid2']}/reveal"):
        r = s1.get(url)
        assert r.status_code == 404, url
        assert "Port Times" not in r.text
    tok = csrf(s1.get(f"/s/{world['aid1']}").text)
    r = s1.post(f"/s/{world['aid2']}", data={"csrf": tok, "loaded": ["1"]})
    assert r.status_code == 404
    # the student's home lists only their own class's activity
    home = s1.get("/s?list").text
    assert world["aid1"] in home and world["aid2"] not in home


def test_reveal_needs_a_submission_first(world):
    s = join(world["app"], world["code1"], "Ben")
    r = s.get(f"/s/{world['aid1']}/reveal")
    assert r.status_code == 303 and r.headers["location"] == f"/s/{world['aid1']}"


def test_every_form_needs_the_csrf_token(world):
    s = join(world["app"], world["code1"], "Cleo")
    for data in ({}, {"csrf": "forged"}):
        r = s.post(f"/s/{world['aid1']}", data=dict(data, loaded=["1"]))
        assert r.status_code == 403
    t = world["teacher"]
    r = t.post("/t/classes", data={"name": "no token"})
    assert r.status_code == 403
    r = t.post("/t/classes", data={"csrf": token(t), "name": "from elsewhere"}, headers={"origin": "http://evil.example"})
    assert r.status_code == 403
    r = client(world["app"]).post("/join", data={"code": world["code1"], "nickname": "Dee"})
    assert r.status_code == 403


def test_cookies_and_headers(world):
    c = client(world["app"])
    r = c.get("/join")
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    csp = r.headers["content-security-policy"]
    assert csp == CSP
    script = re.search(r"script-src ([^;]+)", csp).group(1)
    assert "'unsafe-inline'" not in script and "'self'" in script
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["cache-control"] == "no-store"
    assert "server" not in {k.lower() for k in r.headers}
    # no inline script on any page a teacher or student sees: only <script src=...>
    pages = [world["teacher"].get(p.format(**world)).text for p in TEACHER_GETS if not p.endswith((".csv", ".json"))]
    pages.append(world["s1"].get(f"/s/{world['aid1']}").text)
    for html in pages:
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert 'src="/static/' in tag, tag
        assert not re.search(r"\son[a-z]+\s*=", html.replace("data-", "")), "inline event handler"


def test_wrong_join_codes_are_rate_limited(tmp_path):
    app, settings = make_app(tmp_path, join_failures_per_window=3)
    teacher = login(client(app))
    cid, code = make_class(teacher)
    c = client(app)
    tok = csrf(c.get("/join").text)
    for n in range(3):
        r = c.post("/join", data={"csrf": tok, "code": "ZZZZZZ", "nickname": f"x{n}"})
        assert r.status_code == 400 and "not right" in r.text
    r = c.post("/join", data={"csrf": tok, "code": code, "nickname": "late"})
    assert r.status_code == 429 and "Too many tries" in r.text
    # another device is not affected... (TestClient always comes from one address: check the limiter key)
    assert app.state.framing.join_failures.blocked("testclient") > 0
    assert app.state.framing.join_failures.blocked("192.0.2.7") == 0


def test_wrong_passphrases_are_rate_limited(tmp_path):
    app, _ = make_app(tmp_path, login_failures_per_window=2)
    c = client(app)
    tok = csrf(c.get("/login").text)
    for _ in range(2):
        assert c.post("/login", data={"csrf": tok, "passphrase": "guess", "next": "/t/library"}).status_code == 400
    r = c.post("/login", data={"csrf": tok, "passphrase": PASSPHRASE, "next": "/t/library"})
    assert r.status_code == 429


def test_a_new_passphrase_logs_old_teacher_sessions_out(tmp_path):
    from framing.web.security import hash_passphrase as hp

    app, settings = make_app(tmp_path)
    t = login(client(app))
    assert t.get("/t/library").status_code == 200
    settings.passphrase_hash = hp("another passphrase")
    r = t.get("/t/library")
    assert r.status_code == 303 and r.headers["location"].startswith("/login")


def test_open_redirects_are_refused(world):
    c = client(world["app"])
    r = c.get("/login?next=https://evil.example/")
    assert 'value="/t/library"' in r.text
    r = c.post("/login", data={"csrf": csrf(r.text), "passphrase": PASSPHRASE, "next": "//evil.example"})
    assert r.headers["location"] == "/t/library"


def test_lan_server_is_always_locked(tmp_path):
    app, settings = make_app(tmp_path, passphrase=None, host="0.0.0.0")
    assert settings.teacher_locked
    r = client(app).get("/t/library")
    assert r.status_code == 303 and r.headers["location"].startswith("/login")


def test_oversized_forms_are_refused_and_the_app_keeps_serving(world):
    s = world["s1"]
    tok = csrf(s.get(f"/s/{world['aid1']}").text)
    r = s.post(f"/s/{world['aid1']}", content=b"csrf=" + tok.encode() + b"&loaded=1" * 200_000,
               headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413
    assert s.get(f"/s/{world['aid1']}").status_code == 200
