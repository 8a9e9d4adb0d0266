"""The classroom store: one SQLite file in the data folder, its schema versioned and migrated.

Migrations are SQL files in framing/web/migrations/ named NNN_what.sql; `PRAGMA user_version` holds
the number of the last one applied. Opening a store applies the missing ones in order, each in a
transaction, so an old database is upgraded in place and a failed step leaves it as it was. A
database written by a newer framing (user_version above ours) is refused rather than damaged.

`secure_delete` is on: deleting a class overwrites its rows on disk, so nothing stays behind. One
connection, guarded by a lock, serves every thread (the web server's event loop and its worker
threads); statements are short, and WAL mode lets readers go on while one writes.
"""
from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from importlib import resources as importlib_resources
from pathlib import Path

from .security import new_id, new_join_code

MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


class StoreError(RuntimeError):
    """The database cannot be used (written by a newer version, or a migration failed)."""


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every migration shipped, in order."""
    folder = importlib_resources.files("framing.web") / "migrations"
    out = []
    for entry in folder.iterdir():
        m = MIGRATION_NAME.match(entry.name)
        if m:
            out.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    out.sort()
    for expected, (version, name, _) in enumerate(out, start=1):
        if version != expected:
            raise StoreError(f"migrations are not numbered 001, 002, ... without gaps (at {name})")
    return out


SCHEMA_VERSION = len(migrations())


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Apply the missing migrations up to `target` (default: all). Returns the version reached."""
    target = SCHEMA_VERSION if target is None else target
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    if current > SCHEMA_VERSION:
        raise StoreError(f"this database has schema version {current}, newer than this framing "
                         f"({SCHEMA_VERSION}): upgrade framing or use another --data-dir")
    for version, name, sql in migrations():
        if current < version <= target:
            try:
                conn.execute("BEGIN")
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version}")
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                conn.execute("ROLLBACK")
                raise StoreError(f"migration {name} failed: {exc}") from exc
            current = version
    return current


def _statements(sql: str):
    """Split a migration into statements (executescript would commit on its own)."""
    buf = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                yield buf.strip()
            buf = ""
    if buf.strip():
        yield buf.strip()


def connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=10.0)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


class Store:
    """Every query the app makes, as methods. Values in and out are plain Python (JSON decoded)."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = connect(path)
        self.lock = threading.RLock()
        with self.lock:
            migrate(self.conn)

    def close(self) -> None:
        with self.lock:
            self.conn.close()

    # -- helpers ---------------------------------------------------------------------------------
    def _all(self, sql: str, args=()) -> list[dict]:
        with self.lock:
            return [dict(r) for r in self.conn.execute(sql, args).fetchall()]

    def _one(self, sql: str, args=()) -> dict | None:
        with self.lock:
            row = self.conn.execute(sql, args).fetchone()
        return dict(row) if row else None

    def _write(self, statements) -> None:
        """Run (sql, args) pairs in one transaction."""
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                for sql, args in statements:
                    self.conn.execute(sql, args)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def schema_version(self) -> int:
        with self.lock:
            return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # -- stories ---------------------------------------------------------------------------------
    def story_by_hash(self, content_hash: str) -> dict | None:
        return self._one("SELECT * FROM stories WHERE content_hash = ?", (content_hash,))

    def add_story(self, name: str, origin: str, content_hash: str, articles: list[dict],
                  problems: list[str], actor_overrides: dict) -> str:
        existing = self.story_by_hash(content_hash)
        if existing:
            return existing["id"]
        sid = new_id()
        statements = [("INSERT INTO stories (id, name, origin, content_hash, created, problems, actor_overrides) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (sid, name, origin, content_hash, time.time(), json.dumps(problems),
                        json.dumps(actor_overrides, sort_keys=True, default=str)))]
        for pos, a in enumerate(articles):
            statements.append((
                "INSERT INTO articles (story_id, position, article_id, outlet, title, date, url, language, "
                "source, text, notes, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (sid, pos, a["id"], a["outlet"], a.get("title", ""), a.get("date", ""), a.get("url", ""),
                 a.get("language", "en"), a.get("source", ""), a["text"], json.dumps(a.get("notes", [])),
                 json.dumps(a.get("removed", [])))))
        self._write(statements)
        return sid

    def stories(self) -> list[dict]:
        rows = self._all("SELECT s.*, (SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id) AS n_articles, "
                         "(SELECT COUNT(*) FROM activities x WHERE x.story_id = s.id) AS n_activities "
                         "FROM stories s ORDER BY s.origin = 'upload', s.created, s.name")
        for r in rows:
            r["problems"] = json.loads(r["problems"])
        return rows

    def story(self, sid: str) -> dict | None:
        row = self._one("SELECT * FROM stories WHERE id = ?", (sid,))
        if row:
            row["problems"] = json.loads(row["problems"])
            row["actor_overrides"] = json.loads(row["actor_overrides"])
        return row

    def articles(self, sid: str) -> list[dict]:
        rows = self._all("SELECT * FROM articles WHERE story_id = ? ORDER BY position", (sid,))
        for r in rows:
            r["notes"] = json.loads(r["notes"])
            r["removed"] = json.loads(r["removed"])
        return rows

    def delete_story(self, sid: str) -> None:
        self._write([("DELETE FROM stories WHERE id = ?", (sid,))])

    # -- classes and students --------------------------------------------------------------------
    def add_class(self, name: str) -> dict:
        for _ in range(20):
            code = new_join_code()
            if not self._one("SELECT 1 FROM classes WHERE join_code = ?", (code,)):
                break
        cid = new_id()
        self._write([("INSERT INTO classes (id, name, join_code, created) VALUES (?, ?, ?, ?)",
                      (cid, name, code, time.time()))])
        return self.klass(cid)

    def classes(self) -> list[dict]:
        return self._all("SELECT c.*, (SELECT COUNT(*) FROM students s WHERE s.class_id = c.id) AS n_students, "
                         "(SELECT COUNT(*) FROM activities a WHERE a.class_id = c.id) AS n_activities "
                         "FROM classes c ORDER BY c.created, c.name")

    def klass(self, cid: str) -> dict | None:
        return self._one("SELECT * FROM classes WHERE id = ?", (cid,))

    def class_by_code(self, code: str) -> dict | None:
        return self._one("SELECT * FROM classes WHERE join_code = ?", (code,))

    def delete_class(self, cid: str) -> None:
        """The class and everything of it: students, activities, submissions, keys (cascades)."""
        self._write([("DELETE FROM classes WHERE id = ?", (cid,))])

    def add_student(self, cid: str, nickname: str) -> str | None:
        """The new student's id, or None when the nickname is taken in this class."""
        sid = new_id()
        try:
            self._write([("INSERT INTO students (id, class_id, nickname, joined) VALUES (?, ?, ?, ?)",
                          (sid, cid, nickname, time.time()))])
        except sqlite3.IntegrityError:
            return None
        return sid

    def student(self, sid: str) -> dict | None:
        return self._one("SELECT * FROM students WHERE id = ?", (sid,))

    def students(self, cid: str) -> list[dict]:
        return self._all("SELECT * FROM students WHERE class_id = ? ORDER BY joined, nickname", (cid,))

    def remove_student(self, cid: str, sid: str) -> None:
        self._write([("DELETE FROM students WHERE id = ? AND class_id = ?", (sid, cid))])

    # -- activities ------------------------------------------------------------------------------
    def add_activity(self, cid: str, story_id: str, position: int, title: str, tasks: list[str],
                     material: dict) -> str:
        aid = new_id()
        self._write([("INSERT INTO activities (id, class_id, story_id, article_position, title, tasks, material, "
                      "status, created) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?)",
                      (aid, cid, story_id, position, title, json.dumps(tasks), json.dumps(material),
                       time.time()))])
        return aid

    def activities(self, cid: str) -> list[dict]:
        rows = self._all("SELECT a.id, a.class_id, a.story_id, a.article_position, a.title, a.tasks, a.status, "
                         "a.created, (SELECT COUNT(*) FROM submissions s WHERE s.activity_id = a.id) AS n_submitted "
                         "FROM activities a WHERE a.class_id = ? ORDER BY a.created", (cid,))
        for r in rows:
            r["tasks"] = json.loads(r["tasks"])
        return rows

    def activity(self, aid: str, with_material: bool = True) -> dict | None:
        cols = "*" if with_material else "id, class_id, story_id, article_position, title, tasks, status, created"
        row = self._one(f"SELECT {cols} FROM activities WHERE id = ?", (aid,))
        if row:
            row["tasks"] = json.loads(row["tasks"])
            if with_material:
                row["material"] = json.loads(row["material"])
        return row

    def set_activity_status(self, aid: str, status: str) -> None:
        self._write([("UPDATE activities SET status = ? WHERE id = ?", (status, aid))])

    # -- submissions and keys --------------------------------------------------------------------
    def submit(self, aid: str, student_id: str, marks: dict) -> bool:
        """Store a student's marks once; False when this student already submitted."""
        try:
            self._write([("INSERT INTO submissions (activity_id, student_id, submitted, marks) VALUES (?, ?, ?, ?)",
                          (aid, student_id, time.time(), json.dumps(marks, sort_keys=True)))])
        except sqlite3.IntegrityError:
            return False
        return True

    def submission(self, aid: str, student_id: str) -> dict | None:
        row = self._one("SELECT * FROM submissions WHERE activity_id = ? AND student_id = ?", (aid, student_id))
        if row:
            row["marks"] = json.loads(row["marks"])
        return row

    def submissions(self, aid: str) -> list[dict]:
        rows = self._all("SELECT s.*, st.nickname FROM submissions s JOIN students st ON st.id = s.student_id "
                         "WHERE s.activity_id = ? ORDER BY s.submitted, st.nickname", (aid,))
        for r in rows:
            r["marks"] = json.loads(r["marks"])
        return rows

    def submission_count(self, aid: str) -> int:
        return self._one("SELECT COUNT(*) AS n FROM submissions WHERE activity_id = ?", (aid,))["n"]

    def set_key(self, aid: str, marks: dict) -> None:
        self._write([("INSERT INTO answer_keys (activity_id, marks, updated) VALUES (?, ?, ?) "
                      "ON CONFLICT(activity_id) DO UPDATE SET marks = excluded.marks, updated = excluded.updated",
                      (aid, json.dumps(marks, sort_keys=True), time.time()))])

    def key(self, aid: str) -> dict | None:
        row = self._one("SELECT * FROM answer_keys WHERE activity_id = ?", (aid,))
        if row:
            row["marks"] = json.loads(row["marks"])
        return row

    def delete_key(self, aid: str) -> None:
        self._write([("DELETE FROM answer_keys WHERE activity_id = ?", (aid,))])

    # -- inspection (tests, delete checks) -------------------------------------------------------
    def rows_mentioning(self, value: str) -> dict[str, int]:
        """Table -> number of rows with `value` in any text column (to prove a deletion is complete)."""
        out = {}
        with self.lock:
            tables = [r[0] for r in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
            for t in tables:
                cols = [r[1] for r in self.conn.execute(f"PRAGMA table_info({t})")]
                where = " OR ".join(f"CAST({c} AS TEXT) LIKE ?" for c in cols)
                n = self.conn.execute(f"SELECT COUNT(*) FROM {t} WHERE {where}",
                                      [f"%{value}%"] * len(cols)).fetchone()[0]
                if n:
                    out[t] = n
        return out
