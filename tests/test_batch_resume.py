"""A batch run killed with SIGKILL mid-way, then run again, ends with the same store as an
uninterrupted run (the run log's timestamps aside)."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from test_batch_support import FOLDERS, dump_store, synthetic_records, write_jsonl

N = 100


def _cmd(inp, out):
    return [sys.executable, "-m", "framing.cli_batch", "batch", str(inp), str(FOLDERS),
            "-o", str(out), "-q"]


def _analysed(out) -> int:
    path = out / "framing.sqlite"
    if not path.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles WHERE analysis_key IS NOT NULL"
                                ).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # not created yet
        return 0


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_resume_after_sigkill_gives_the_same_store(tmp_path):
    inp = write_jsonl(tmp_path / "in.jsonl", synthetic_records(N), corrupt_at=7)
    killed, clean = tmp_path / "killed", tmp_path / "clean"
    proc = subprocess.Popen(_cmd(inp, killed), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while _analysed(killed) < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done_when_killed = _analysed(killed)
    assert 20 <= done_when_killed < N - 1, "the run was not killed mid-way"
    again = subprocess.run(_cmd(inp, killed), capture_output=True, text=True)
    assert again.returncode == 1, again.stderr  # the corrupt record is reported, the rest done
    full = subprocess.run(_cmd(inp, clean), capture_output=True, text=True)
    assert full.returncode == 1, full.stderr
    a, b = dump_store(killed), dump_store(clean)
    assert a.keys() == b.keys()
    for table in a:
        assert a[table] == b[table], f"table {table} differs after resuming"
    assert len(a["articles"]) == N - 1 + 6 and len(a["story_comparisons"]) == 2
    conn = sqlite3.connect(killed / "framing.sqlite")
    statuses = [s for (s,) in conn.execute("SELECT status FROM runs ORDER BY run")]
    assert statuses == ["running", "done"]  # the killed run never finished its log entry
