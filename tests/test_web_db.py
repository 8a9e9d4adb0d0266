"""The classroom store: versioned schema, migrations in place, deleting a class leaves nothing."""
from __future__ import annotations

import json
import sqlite3

import pytest

from framing.web import db


def test_migrations_are_numbered_and_complete():
    ms = db.migrations()
    assert [m[0] for m in ms] == list(range(1, len(ms) + 1))
    assert db.SCHEMA_VERSION == len(ms) >= 2


def test_an_old_database_is_upgraded_in_place_with_its_data(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = db.connect(path)
    assert db.migrate(conn, target=1) == 1
    conn.execute("INSERT INTO classes (id, name, join_code, created) VALUES ('c1', '9B', 'ABCDEF', 1.0)")
    conn.execute("INSERT INTO stories (id, name, origin, content_hash, created) VALUES ('s1', 'Story', 'upload', 'h', 1.0)")
    conn.execute("INSERT INTO activities (id, class_id, story_id, article_position, title, tasks, material, created) "
                 "VALUES ('a1', 'c1', 's1', 0, 'Act', '[\"loaded\"]', '{}', 1.0)")
    conn.execute("INSERT INTO students (id, class_id, nickname, joined) VALUES ('st1', 'c1', 'Ana', 1.0)")
    conn.execute("INSERT INTO submissions (activity_id, student_id, submitted, marks) VALUES ('a1', 'st1', 2.0, '{\"loaded\": [3]}')")
    assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'answer_keys'").fetchall()
    conn.close()
    store = db.Store(path)  # opening applies migration 002
    assert store.schema_version() == db.SCHEMA_VERSION
    assert store.submission("a1", "st1")["marks"] == {"loaded": [3]}
    store.set_key("a1", {"loaded": [3, 4]})
    assert store.key("a1")["marks"] == {"loaded": [3, 4]}
    names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "submissions_by_time" in names


def test_a_newer_database_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {db.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(db.StoreError, match="newer"):
        db.Store(path)


def test_a_failing_migration_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "f.sqlite3"
    conn = db.connect(path)
    db.migrate(conn, target=1)
    good = db.migrations()
    monkeypatch.setattr(db, "migrations", lambda: good[:1] + [(2, "002_bad.sql", "CREATE TABLE answer_keys (x);\nSELECT * FROM nowhere;")])
    with pytest.raises(db.StoreError, match="002_bad"):
        db.migrate(conn)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'answer_keys'").fetchall()


def _fill(store):
    sid = store.add_story("Harbour", "upload", "hash1", [{"id": "a", "outlet": "Daily", "text": "Dock workers struck."}], [], {})
    klass = store.add_class("Class to delete")
    keep = store.add_class("Class to keep")
    aid = store.add_activity(klass["id"], sid, 0, "Secret activity title", ["loaded"], {"units": [[0, 4, 0]]})
    kid = store.add_activity(keep["id"], sid, 0, "Kept activity", ["loaded"], {"units": [[0, 4, 0]]})
    st = store.add_student(klass["id"], "Zebulon")
    st2 = store.add_student(keep["id"], "Kept student")
    assert store.submit(aid, st, {"loaded": [0]})
    assert store.submit(kid, st2, {"loaded": [0]})
    store.set_key(aid, {"loaded": [0]})
    return sid, klass, keep, aid, st


def test_deleting_a_class_removes_everything_of_it_and_nothing_else(tmp_path):
    store = db.Store(tmp_path / "d.sqlite3")
    sid, klass, keep, aid, st = _fill(store)
    assert store.add_student(klass["id"], "zebulon") is None  # nicknames are unique per class, any case
    store.delete_class(klass["id"])
    for value in (klass["id"], klass["join_code"], "Class to delete", aid, st, "Zebulon", "Secret activity title"):
        assert store.rows_mentioning(value) == {}, value
    assert store.klass(keep["id"]) and store.students(keep["id"]) and store.activities(keep["id"])
    assert store.story(sid) is not None  # stories belong to the library, not to a class
    assert store.conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    store.close()
    raw = (tmp_path / "d.sqlite3").read_bytes()
    wal = tmp_path / "d.sqlite3-wal"
    raw += wal.read_bytes() if wal.exists() else b""
    assert b"Zebulon" not in raw and b"Secret activity title" not in raw


def test_a_submission_is_stored_once(tmp_path):
    store = db.Store(tmp_path / "s.sqlite3")
    sid, klass, keep, aid, st = _fill(store)
    assert not store.submit(aid, st, {"loaded": [0, 1]})
    assert store.submission(aid, st)["marks"] == {"loaded": [0]}
    assert json.loads(store.conn.execute("SELECT marks FROM submissions WHERE student_id = ?", (st,)).fetchone()[0])
