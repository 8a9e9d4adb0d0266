"""The classroom flow end to end through the ASGI app: a teacher loads a story and makes an activity
with a key, students join and submit, the reveal shows agreement figures, the teacher's page and its
live count, the exports (a labels file that trains a model), and deleting the class."""
from __future__ import annotations

import csv
import io
import re

import pytest

from test_web_support import (HARBOUR_A, HARBOUR_B, client, csrf, join, login, make_activity, make_app, make_class,
                              paste_story, token, words_of)

from framing.web.activities import vector
from framing.web.agreement import cohen_kappa


@pytest.fixture(scope="module")
def lesson(tmp_path_factory):
    app, _ = make_app(tmp_path_factory.mktemp("flow"))
    t = login(client(app))
    status, sid = paste_story(t, [("Harbour Daily", HARBOUR_A), ("Port Times", HARBOUR_B)])
    assert status == 303, sid
    cid, code = make_class(t, "9B media")
    aid = make_activity(t, cid, sid, 0)
    return {"app": app, "t": t, "sid": sid, "cid": cid, "code": code, "aid": aid}


def submit(s, aid, picks: dict):
    page = s.get(f"/s/{aid}").text
    data = {"csrf": csrf(page), "frame": picks.get("frame", "")}
    for task in ("loaded", "speaker", "cue"):
        units = words_of(page, task)
        data[task] = [str(units[w]) for w in picks.get(task, ())]
    r = s.post(f"/s/{aid}", data=data)
    assert r.status_code == 303 and r.headers["location"] == f"/s/{aid}/reveal", r.text
    return {k: sorted(int(u) for u in v) if k != "frame" else v for k, v in data.items() if k != "csrf"}


def test_the_activity_freezes_the_article_and_the_tools_answers(lesson):
    store = lesson["app"].state.framing.store
    act = store.activity(lesson["aid"])
    m = act["material"]
    assert m["outlet"] == "Harbour Daily" and m["text"].startswith("Harbour workers walked off")
    words = [m["text"][s:e] for s, e, _ in m["units"]]
    assert "slammed" in words and "," not in words
    flagged = {m["text"][m["units"][int(u)][0]:m["units"][int(u)][1]] for u in m["tool"]["loaded"]}
    assert flagged & {"slammed", "regime", "brutal", "so-called", "claimed", "hostage"}, flagged
    cue_words = {words[int(u)] for u in m["tool"]["cue"]}
    assert "said" in cue_words or "claimed" in cue_words, cue_words


def test_students_see_no_answers_before_submitting(lesson):
    s = join(lesson["app"], lesson["code"], "Ana")
    page = s.get(f"/s/{lesson['aid']}").text
    assert "Mark loaded words" in page and 'name="loaded"' in page
    assert 'class="hl ' not in page and 'role="tooltip"' not in page and "More neutral" not in page
    assert 'name="frame"' in page


@pytest.fixture(scope="module")
def submitted(lesson):
    """The teacher keys the activity from the tool's answers, then Ben, Cleo and Dev submit: done
    once for the module, so each test that needs the submissions can also run alone.
    {"key_page": the key form as the teacher saw it, "status": the key post's status code,
    "sent": {name: (student client, what they sent)}}."""
    t, aid = lesson["t"], lesson["aid"]
    key_page = t.get(f"/t/activity/{aid}/key?start=tool").text
    data = {"csrf": csrf(key_page), "frame": "conflict"}
    for task in ("loaded", "speaker", "cue"):
        data[task] = re.findall(rf'name="{task}" value="(\d+)" checked', key_page)
    status = t.post(f"/t/activity/{aid}/key", data=data).status_code
    picks = {
        "Ben": {"loaded": ["slammed", "brutal", "hostage"], "speaker": ["Maria", "Lopez"], "cue": ["said", "claimed"],
                "frame": "conflict"},
        "Cleo": {"loaded": ["slammed", "collapsed", "hostage"], "speaker": ["Lopez"], "cue": ["said"], "frame": "economic"},
        "Dev": {"loaded": ["brutal", "regime", "ignored"], "speaker": [], "cue": ["accused"], "frame": "conflict"},
    }
    sent = {}
    for name, p in picks.items():
        s = join(lesson["app"], lesson["code"], name)
        sent[name] = (s, submit(s, aid, p))
    return {"key_page": key_page, "status": status, "sent": sent}


def test_key_from_the_tool_then_students_submit_and_see_the_reveal(lesson, submitted):
    aid = lesson["aid"]
    assert "checked" in submitted["key_page"]
    assert submitted["status"] == 303
    key = lesson["app"].state.framing.store.key(aid)["marks"]
    assert key["loaded"] and key["frame"] == "conflict"
    # a second submission does not replace the first
    s, first = submitted["sent"]["Ben"]
    page = s.get(f"/s/{aid}")
    assert page.status_code == 303 and page.headers["location"].endswith("/reveal")

    reveal = s.get(f"/s/{aid}/reveal").text
    assert "Your agreement" in reveal and "Krippendorff" in reveal
    m = lesson["app"].state.framing.store.activity(aid)["material"]
    n = len(m["units"])
    expected = cohen_kappa(vector(first["loaded"], n), vector([int(u) for u in m["tool"]["loaded"]], n))
    row = re.search(r"<th scope=\"row\">Loaded words</th>(.*?)</tr>", reveal, re.S).group(1)
    assert f"{expected.value:.2f}" in row
    assert f"only the tool {expected.only_b}" in row
    # the tool's flags now show, with their explanations, and the class heat map with counts
    assert "hl-finding" in reveal and 'role="tooltip"' in reveal
    assert "heat-" in reveal and "m-you" in reveal and "m-key" in reveal
    assert "3 student(s) of your class have submitted" in reveal
    assert "conflict" in reveal


def test_the_teachers_page_shows_every_student_and_the_live_count(lesson, submitted):
    t, aid = lesson["t"], lesson["aid"]
    status = t.get(f"/t/activity/{aid}/status.json").json()
    assert status["submitted"] == 3 and status["joined"] >= 3
    assert [s["nickname"] for s in status["submissions"]] == ["Ben", "Cleo", "Dev"]
    page = t.get(f"/t/activity/{aid}").text
    for name in ("Ben", "Cleo", "Dev"):
        assert f'<th scope="row">{name}</th>' in page
    assert "Krippendorff" in page and "κ tool" in page
    assert 'data-status-url="/t/activity/' in page


def test_the_labels_export_trains_a_model(lesson, submitted, tmp_path):
    from framing.classify import read_labels, train_model

    t, aid = lesson["t"], lesson["aid"]
    r = t.get(f"/t/activity/{aid}/labels.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and set(rows[0]) >= {"text", "label", "group", "votes", "students"}
    by_text = {row["text"]: row for row in rows}
    slam = next(row for text, row in by_text.items() if "slammed" in text)
    assert slam["label"] == "biased" and slam["votes"] == "3" and slam["students"] == "3"
    assert any(row["label"] == "neutral" for row in rows)
    lenient = list(csv.DictReader(io.StringIO(t.get(f"/t/activity/{aid}/labels.csv?min_votes=1").text)))
    assert sum(r["label"] == "biased" for r in lenient) > sum(r["label"] == "biased" for r in rows)
    assert "2 biased" in t.get(f"/t/activity/{aid}").text
    path = tmp_path / "labels.csv"
    path.write_bytes(r.content)
    data = read_labels(path)  # the reader `framing train` uses: it validates every line
    model = train_model(data.texts, data.labels, "bias", groups=data.groups, folds=2, c_grid=(1.0,))
    assert set(model.labels) == {"biased", "neutral"}
    try:  # the command itself, once the lead has registered it
        from click.testing import CliRunner

        from framing.cli_train import train
    except ImportError:
        return
    out = tmp_path / "class_model.json"
    res = CliRunner().invoke(train, ["--data", str(path), "--task", "bias", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert out.exists()


def test_the_class_export_holds_every_mark(lesson, submitted):
    t = lesson["t"]
    r = t.get(f"/t/class/{lesson['cid']}/export.csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    kinds = {row["coder_kind"] for row in rows}
    assert kinds == {"student", "key", "tool"}
    ben = [row for row in rows if row["coder"] == "Ben" and row["task"] == "loaded"]
    assert sorted(row["text"] for row in ben) == ["brutal", "hostage", "slammed"]
    assert {row["tool_says"] for row in rows if row["coder"] == "framing" and row["task"] == "loaded"} - {""}
    assert any(row["task"] == "frame" and row["text"] == "economic" for row in rows)


def test_closing_an_activity_stops_submissions(lesson, submitted):
    t, aid = lesson["t"], lesson["aid"]
    s = join(lesson["app"], lesson["code"], "Eve")
    page = s.get(f"/s/{aid}").text
    r = t.post(f"/t/activity/{aid}/status", data={"csrf": token(t), "status": "closed"})
    assert r.status_code == 303
    r = s.post(f"/s/{aid}", data={"csrf": csrf(page), "loaded": ["1"]})
    assert r.status_code == 303 and r.headers["location"].startswith("/s?")
    assert t.get(f"/t/activity/{aid}/status.json").json()["submitted"] == 3
    t.post(f"/t/activity/{aid}/status", data={"csrf": token(t), "status": "open"})


def test_deleting_the_class_leaves_nothing_behind(lesson, submitted):
    app, t = lesson["app"], lesson["t"]
    store = app.state.framing.store
    s = join(app, lesson["code"], "Fay")
    page = t.get(f"/t/class/{lesson['cid']}/delete")
    assert "Delete the class" in page.text
    r = t.post(f"/t/class/{lesson['cid']}/delete", data={"csrf": csrf(page.text)})
    assert r.status_code == 303
    for value in (lesson["cid"], lesson["aid"], lesson["code"], "9B media", "Ben", "Fay"):
        assert store.rows_mentioning(value) == {}, value
    assert store.story(lesson["sid"]) is not None
    r = s.get(f"/s/{lesson['aid']}")
    assert r.status_code == 303 and r.headers["location"] == "/join"
    assert t.get(f"/t/activity/{lesson['aid']}").status_code == 404
