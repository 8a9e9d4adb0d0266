"""Loading a story by upload or paste: hostile input gets a clear message, nothing is stored, and
the app keeps serving; article text with markup is shown as text, never run."""
from __future__ import annotations

import re

import pytest

from test_web_support import HARBOUR_A, HARBOUR_B, client, login, make_app, paste_story, token

from framing.web.uploads import UploadFile, check_file, safe_name


@pytest.fixture(scope="module")
def teacher(tmp_path_factory):
    app, _ = make_app(tmp_path_factory.mktemp("up"), max_request_bytes=2_000_000, max_file_bytes=1_000_000)
    return login(client(app)), app


def story_count(app) -> int:
    return len(app.state.framing.store.stories())


def upload(c, files, **fields):
    data = {"csrf": token(c), "story_name": fields.pop("story_name", "Upload test")}
    data.update(fields)
    return c.post("/t/load", data=data, files=[("files", f) for f in files])


def test_safe_names_keep_no_folders():
    assert safe_name("../../etc/passwd.txt", 1) == "passwd.txt"
    assert safe_name("C:\\Users\\x\\Story (1).HTML", 2) == "Story_1.html"
    assert safe_name("manifest.toml", 3) == "manifest.toml"
    assert safe_name("a/b.txt", 4, taken={"b.txt"}) == "b_4.txt"


@pytest.mark.parametrize("name, data, message", [
    ("evil.exe", b"MZ\x90\x00\x03\x00\x00\x00", "not accepted"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "not a text file"),
    ("nul.txt", b"text\x00\x00\x00\x00 with nul bytes" * 4, "not a text file"),
    ("latin.txt", "Caf\u00e9 au lait, na\u00efve d\u00e9j\u00e0 vu.\n".encode("latin-1"), "not UTF-8"),
    ("empty.md", b"   \n", "empty"),
    ("big.txt", b"a" * 1_000_001, "over the limit"),
])
def test_file_checks(name, data, message):
    assert message in check_file(UploadFile(name, data), 1_000_000)


def test_good_files_pass_the_checks():
    assert check_file(UploadFile("a.txt", HARBOUR_A.encode()), 1_000_000) is None
    assert check_file(UploadFile("b.html", "<meta charset='windows-1252'><p>caf\xe9</p>".encode("cp1252")), 10_000) is None
    assert check_file(UploadFile("c.txt", "\ufeffdocks".encode("utf-16")), 10_000) is None


@pytest.mark.parametrize("files, fields, status, message", [
    ([("malware.bin", b"\x7fELF\x02\x01\x01" + bytes(500), "application/octet-stream")], {}, 400, "not accepted"),
    ([("story.txt", b"\x00\x01\x02\x03binary\x00" * 100, "text/plain")], {}, 400, "not a text file"),
    ([("story.txt", b"Dock workers \xff\xfe struck on Monday.\n" * 3, "text/plain")], {}, 400, "not UTF-8"),
    ([], {"outlet1": "Harbour Daily", "text1": "   \n  "}, 400, "the text is empty"),
    ([], {}, 400, "nothing to load"),
    ([("huge.txt", b"a" * 50_000_000, "text/plain")], {}, 413, "over the limit"),
])
def test_hostile_uploads_are_refused_with_a_message_and_nothing_is_stored(teacher, files, fields, status, message):
    c, app = teacher
    before = story_count(app)
    r = upload(c, files, **fields)
    assert r.status_code == status
    assert message in r.text
    assert "Nothing was stored" in r.text
    assert story_count(app) == before
    assert c.get("/t/library").status_code == 200  # still serving


def test_one_bad_file_refuses_the_whole_upload(teacher):
    c, app = teacher
    before = story_count(app)
    r = upload(c, [("a.txt", HARBOUR_A.encode(), "text/plain"), ("b.exe", b"MZ" + bytes(100), "application/octet-stream")])
    assert r.status_code == 400 and "b.exe" in r.text
    assert story_count(app) == before


def test_html_with_script_is_stored_as_text_and_shown_escaped(teacher):
    c, app = teacher
    page = ("<html><head><title>Strike</title><script>alert('owned')</script></head><body><article>"
            "<h1>Dock strike enters second day</h1>"
            "<p>Dock workers stayed out on Tuesday, union officials said, as talks remained stalled.</p>"
            "<p>The union wrote &lt;script&gt;alert(1)&lt;/script&gt; on its banner to mock the port's IT team.</p>"
            "<p onmouseover=\"alert(2)\">Officials said 40 ships were waiting outside the harbour on Tuesday.</p>"
            "</article></body></html>")
    r = upload(c, [("strike.html", page.encode(), "text/html"), ("b.txt", HARBOUR_B.encode(), "text/plain")],
               story_name="Script test")
    assert r.status_code == 303, r.text
    sid = r.headers["location"].rsplit("/", 1)[1]
    html = c.get(f"/t/story/{sid}").text
    assert "alert('owned')" not in html  # the page's script is not article text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # text that looks like markup is shown as text
    assert "<script>alert" not in html and "onmouseover" not in html
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert 'src="/static/app.js"' in tag


def test_pasted_markup_is_escaped_everywhere(teacher):
    c, app = teacher
    hostile = ('Harbour workers <img src=x onerror=alert(1)> walked out on Monday, the union said. '
               '“<script>alert(2)</script>” was painted on a wall, officials said. "quoted" & done.')
    status, sid = paste_story(c, [('Daily "Quote" <b>Bold</b>', hostile), ("Port Times", HARBOUR_B)], name="<i>Escaped</i>")
    assert status == 303, sid
    for path in ("", "/naming", "/voices", "/evidence", "/prompts", "/handout", "/summary"):
        html = c.get(f"/t/story/{sid}{path}").text
        assert "<script>alert(2)" not in html and "<img src=x" not in html and "<b>Bold</b>" not in html
        assert "<i>Escaped</i>" not in html
    html = c.get(f"/t/story/{sid}").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_a_story_loaded_twice_is_kept_once(teacher):
    c, app = teacher
    s1, sid1 = paste_story(c, [("Harbour Daily", HARBOUR_A), ("Port Times", HARBOUR_B)], name="Twice")
    n = story_count(app)
    s2, sid2 = paste_story(c, [("Harbour Daily", HARBOUR_A), ("Port Times", HARBOUR_B)], name="Twice")
    assert (s1, s2) == (303, 303) and sid1 == sid2 and story_count(app) == n


def test_uploaded_files_with_a_manifest(teacher, tmp_path):
    c, app = teacher
    manifest = ('[story]\nname = "Manifest story"\n[[article]]\nfile = "a.txt"\noutlet = "Harbour Daily"\n'
                '[[article]]\nfile = "b.txt"\noutlet = "Port Times"\ndate = "2025-03-04"\n')
    r = upload(c, [("manifest.toml", manifest.encode(), "text/plain"), ("a.txt", HARBOUR_A.encode(), "text/plain"),
                   ("b.txt", HARBOUR_B.encode(), "text/plain")], story_name="")
    assert r.status_code == 303, r.text
    sid = r.headers["location"].rsplit("/", 1)[1]
    html = c.get(f"/t/story/{sid}").text
    assert "Manifest story" in html and "Harbour Daily" in html and "2025-03-04" in html
