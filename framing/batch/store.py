"""The embedded store of a batch run: one SQLite file, written by one process only.

Why SQLite: one file a researcher can copy, open from any language, and query with SQL; transactions
make every write all-or-nothing, so a run killed at any instant (even with SIGKILL) leaves a store
that holds whole stories or nothing of them, and the next run picks up where it stopped.

Only the runner's writer process opens the store for writing; workers never touch it.
"""
from __future__ import annotations

import datetime as _dt
import functools
import json
import sqlite3
from pathlib import Path

from .schema import ANNOTATION_TABLES, MIGRATIONS, SCHEMA_VERSION, TABLES

STORE_NAME = "framing.sqlite"
PAGE_SIZE = 16384  # bytes, for new stores
CACHE_KIB = 32768  # the writer's SQLite page cache (SQLite's default: 2 MiB)


class StoreError(Exception):
    """The store cannot be opened or is not a framing store."""


def store_path(out_dir) -> Path:
    return Path(out_dir) / STORE_NAME


def now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def schema_version(conn: sqlite3.Connection) -> int:
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if not has_meta:
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply the missing migrations up to `target`, each in one transaction. Returns the version."""
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(f"the store has schema version {version}, newer than this framing "
                         f"understands ({SCHEMA_VERSION}); upgrade framing")
    if version == 0 and conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]:
        raise StoreError("not a framing store (it has tables but no schema version)")
    for v in range(version + 1, target + 1):
        with conn:
            for statement in MIGRATIONS[v]:
                conn.execute(statement)
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                         (str(v),))
    return max(version, target)


def connect(path, *, create: bool = True, readonly: bool = False) -> sqlite3.Connection:
    """Open (and migrate) the store at `path`."""
    path = Path(path)
    if not path.exists() and (readonly or not create):
        raise StoreError(f"{path}: no store here (run `framing batch` first)")
    if readonly:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        new = not path.exists() or path.stat().st_size == 0
        conn = sqlite3.connect(str(path), isolation_level="DEFERRED")
        if new:
            # 16 KiB pages (SQLite's default is 4 KiB): a store is mostly rows of a few hundred
            # bytes to a few KiB written once; bigger pages mean fewer B-tree pages, WAL frames
            # and checksums per row: 20% less CPU writing a run's results and a 7% smaller file.
            # Only a new file can be given a page size (before WAL mode); older stores keep theirs.
            conn.execute(f"PRAGMA page_size={PAGE_SIZE}")
        # WAL: readers (export, profile) never block the writer; synchronous=NORMAL is still
        # crash-safe for the database (a power cut may lose the last commits, never corrupt).
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        # the writer's page cache: the annotation tables' indexes stay in memory across stories
        conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    try:
        if readonly:
            version = schema_version(conn)
            if version == 0:
                raise StoreError(f"{path}: not a framing store")
            if version != SCHEMA_VERSION:
                raise StoreError(f"{path}: store schema version {version}, this framing uses "
                                 f"{SCHEMA_VERSION}; run `framing batch` on it to migrate")
        else:
            migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: {exc}") from exc
    except StoreError:
        conn.close()
        raise
    return conn


class Store:
    """Write access for the runner: articles, analyses, comparisons, failures, runs."""

    def __init__(self, out_dir):
        self.path = store_path(out_dir)
        self.conn = connect(self.path)
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS seen (uid TEXT PRIMARY KEY)")

    def close(self) -> None:
        self.conn.close()

    # -- runs ---------------------------------------------------------------------------------
    def start_run(self, analyzer: str, options: dict) -> int:
        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO runs(started, status, analyzer, options) VALUES (?, 'running', ?, ?)",
                (now(), analyzer, json.dumps(options, sort_keys=True)))
            self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('analyzer', ?)",
                              (analyzer,))
        return cur.lastrowid

    def finish_run(self, run: int, status: str, counts: dict) -> None:
        with self.conn:
            self.conn.execute(
                "UPDATE runs SET finished=?, status=?, records=?, analysed=?, already_done=?, "
                "failed=? WHERE run=?",
                (now(), status, counts.get("records", 0), counts.get("analysed", 0),
                 counts.get("already_done", 0), counts.get("failed", 0), run))

    # -- loading ------------------------------------------------------------------------------
    def mark_seen(self, uid: str) -> bool:
        """Remember `uid` for this run; False when this run already loaded it (a duplicate)."""
        cur = self.conn.execute("INSERT OR IGNORE INTO seen(uid) VALUES (?)", (uid,))
        return cur.rowcount == 1

    def put_articles(self, rows: list[dict]) -> None:
        """Insert loaded articles, or refresh their metadata and text when they changed.

        An article whose cleaned text changed loses its analysis (analysis_key is reset), so the
        analysis phase redoes it.
        """
        with self.conn:
            for r in rows:
                self.conn.execute(
                    """INSERT INTO articles(uid, source_id, source, line, outlet, outlet_raw, title,
                           date, date_raw, url, story_hint, text, text_hash, chars, notes, removed)
                       VALUES (:uid, :source_id, :source, :line, :outlet, :outlet_raw, :title,
                           :date, :date_raw, :url, :story_hint, :text, :text_hash, :chars, :notes,
                           :removed)
                       ON CONFLICT(uid) DO UPDATE SET source=excluded.source,
                           line=excluded.line, outlet=excluded.outlet, title=excluded.title,
                           date=excluded.date, url=excluded.url, story_hint=excluded.story_hint,
                           notes=excluded.notes, removed=excluded.removed,
                           analysis_key=CASE WHEN text_hash=excluded.text_hash THEN analysis_key
                                        ELSE NULL END,
                           text=excluded.text, text_hash=excluded.text_hash,
                           chars=excluded.chars""", r)

    def put_failures(self, rows: list[dict]) -> None:
        with self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO failures(id, source, line, article_uid, stage, reason) "
                "VALUES (:id, :source, :line, :article_uid, :stage, :reason)", rows)

    def clear_load_failures(self, sources: list[str]) -> None:
        """Forget earlier load failures of the inputs read again now (they are re-recorded)."""
        with self.conn:
            for s in sources:
                self.conn.execute("DELETE FROM failures WHERE stage IN ('load', 'duplicate') "
                                  "AND (source = ? OR source LIKE ?)", (s, s.rstrip("/") + "/%"))

    def prune_unseen(self, sources: list[str]) -> int:
        """Delete the articles that came from `sources` in an earlier run but were not read from
        them now (the record was edited or removed), with everything derived from them.
        Returns how many went."""
        cond = " OR ".join(["source = ? OR source LIKE ?"] * len(sources)) or "0"
        params = [x for s in sources for x in (s, s.rstrip("/") + "/%")]
        with self.conn:
            self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS gone (uid TEXT PRIMARY KEY)")
            self.conn.execute("DELETE FROM gone")
            self.conn.execute(f"INSERT INTO gone SELECT uid FROM articles WHERE ({cond}) AND uid "
                              f"NOT IN (SELECT uid FROM seen)", params)
            n = self.conn.execute("SELECT count(*) FROM gone").fetchone()[0]
            if n:
                for table in ANNOTATION_TABLES:
                    self.conn.execute(f"DELETE FROM {table} WHERE article_uid IN "
                                      f"(SELECT uid FROM gone)")
                self.conn.execute("DELETE FROM failures WHERE article_uid IN (SELECT uid FROM gone)")
                self.conn.execute("DELETE FROM articles WHERE uid IN (SELECT uid FROM gone)")
        return n

    # -- stories ------------------------------------------------------------------------------
    def set_stories(self, assignments: dict[str, str], stories: list[dict]) -> None:
        """Replace the story table and every article's story id in one transaction."""
        with self.conn:
            self.conn.executemany("UPDATE articles SET story_id=? WHERE uid=?",
                                  [(sid, uid) for uid, sid in sorted(assignments.items())])
            self.conn.execute("DELETE FROM stories")
            self.conn.executemany(
                "INSERT INTO stories(story_id, method, name, n_articles, date_min, date_max, "
                "cohesion) VALUES (:story_id, :method, :name, :n_articles, :date_min, :date_max, "
                ":cohesion)", stories)
            # comparisons of stories that no longer exist (membership changed) are stale
            self.conn.execute("DELETE FROM story_comparisons WHERE story_id NOT IN "
                              "(SELECT story_id FROM stories)")

    # -- analyses -----------------------------------------------------------------------------
    def write_story_result(self, result: dict, commit: bool = True) -> None:
        """Write one story's analyses, failures and comparison, all or nothing.

        With `commit=False` the story joins the open transaction and becomes durable at the next
        `commit()`: the runner groups the stories of about a second into one transaction, because
        a commit per story (a WAL frame of every touched page: articles, indexes) cost about as
        much as writing the rows. A story either goes in whole or, if writing it fails, the open
        transaction is rolled back (its earlier stories too: they are redone by the next run, as
        after a kill), so the store never holds part of a story.
        """
        try:
            self._write_story(result)
        except BaseException:
            self.conn.rollback()
            raise
        if commit:
            self.conn.commit()

    def commit(self) -> None:
        """Make the stories written with `commit=False` durable."""
        self.conn.commit()

    def _write_story(self, result: dict) -> None:
        conn = self.conn
        for art in result["articles"]:
            uid = art["uid"]
            for table in ANNOTATION_TABLES:
                conn.execute(_DELETE_ROWS[table], (uid,))
            conn.execute("DELETE FROM failures WHERE article_uid=? AND stage NOT IN "
                         "('load', 'duplicate')", (uid,))
            if not art["ok"]:
                conn.execute(
                    "UPDATE articles SET analysis_key=NULL, words=NULL, sentences=NULL, "
                    "summary=NULL, readability=NULL WHERE uid=?", (uid,))
                conn.execute(
                    "INSERT OR REPLACE INTO failures(id, source, line, article_uid, stage, "
                    "reason) VALUES (?, ?, ?, ?, ?, ?)",
                    (f"{uid}:analysis", art["source"], art["line"], uid, art["stage"],
                     art["reason"]))
                continue
            columns = art["columns"]
            for table, rows in art["rows"].items():
                if rows:
                    conn.executemany(_insert_sql(table, columns[table]), rows)
            u = art["update"]
            conn.execute(
                "UPDATE articles SET analysis_key=?, words=?, sentences=?, summary=?, "
                "readability=? WHERE uid=?",
                (u["analysis_key"], u["words"], u["sentences"], u["summary"], u["readability"],
                 uid))
        comp = result.get("comparison")
        if comp is not None:
            conn.execute(
                "INSERT OR REPLACE INTO story_comparisons(story_id, key, n_articles, outlets, "
                "data, error) VALUES (:story_id, :key, :n_articles, :outlets, :data, :error)",
                comp)

    # -- reading for the runner ---------------------------------------------------------------
    def story_work(self, analyzer: str, compare: bool, force: bool):
        """(story_id, n_articles) of stories with something left to do, in story order."""
        rows = self.conn.execute(
            """SELECT a.story_id, count(*),
                      sum(CASE WHEN a.analysis_key IS (a.text_hash || ':' || ?) THEN 0
                          ELSE 1 END),
                      group_concat(a.analysis_key, ',')
               FROM articles a GROUP BY a.story_id ORDER BY a.story_id""",
            (analyzer,)).fetchall()
        comps = dict(self.conn.execute("SELECT story_id, key FROM story_comparisons"))
        todo, done = [], 0
        for story_id, n, undone, keys in rows:
            need = force or undone > 0
            if not need and compare and n > 1:
                need = comps.get(story_id) != comparison_key(keys.split(","))
            if need:
                todo.append((story_id, n))
            else:
                done += n
        return todo, done

    def story_articles(self, story_id: str) -> list[dict]:
        cur = self.conn.execute(
            "SELECT uid, source_id, source, line, outlet, title, date, url, text, text_hash, "
            "notes FROM articles WHERE story_id=? ORDER BY outlet, date, uid", (story_id,))
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r)) for r in cur]

    def story_meta(self, story_id: str) -> dict:
        row = self.conn.execute("SELECT name, method FROM stories WHERE story_id=?",
                                (story_id,)).fetchone()
        return {"name": row[0], "method": row[1]} if row else {"name": story_id, "method": ""}

    def has_analyses(self) -> bool:
        """Whether any article of the store has been analysed (a run resumes, or redoes a corpus)."""
        return self.conn.execute("SELECT 1 FROM articles WHERE analysis_key IS NOT NULL LIMIT 1"
                                 ).fetchone() is not None

    def counts(self) -> dict:
        q = self.conn.execute
        return {
            "articles": q("SELECT count(*) FROM articles").fetchone()[0],
            "analysed": q("SELECT count(*) FROM articles WHERE analysis_key IS NOT NULL"
                          ).fetchone()[0],
            "stories": q("SELECT count(*) FROM stories").fetchone()[0],
            "compared": q("SELECT count(*) FROM story_comparisons WHERE data IS NOT NULL"
                          ).fetchone()[0],
            "failures": q("SELECT count(*) FROM failures").fetchone()[0],
        }

    def failures(self, limit: int = 20) -> list[tuple]:
        return self.conn.execute(
            "SELECT source, line, stage, reason FROM failures ORDER BY source, line, id LIMIT ?",
            (limit,)).fetchall()


_DELETE_ROWS = {table: f"DELETE FROM {table} WHERE article_uid=?" for table in ANNOTATION_TABLES}


@functools.lru_cache(maxsize=64)
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def comparison_key(analysis_keys) -> str:
    """The key a story comparison is valid for: its members' analysis keys, sorted."""
    import hashlib

    joined = ",".join(sorted(k or "" for k in analysis_keys))
    return hashlib.sha256(joined.encode()).hexdigest()[:24]


def table_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    if table not in TABLES:
        raise StoreError(f"no table {table!r}; tables: {', '.join(TABLES)}")
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
