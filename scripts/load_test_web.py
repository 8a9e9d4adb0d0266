#!/usr/bin/env python3
"""Load test of the classroom app on the loopback address: a class of students at once.

Starts `framing serve` (uvicorn) on 127.0.0.1 with a fresh data folder, makes a class and an
activity on the bundled seeds story as the teacher, then N simulated students (default 35) all at
once: each joins with the code and a nickname, fetches the article page and submits marks. Reports
p50/p95 latency per step and overall, and checks that every submission was stored with exactly the
marks sent. Then times the seeds story view, warm. Bounded: a fixed number of requests, a time
limit, and the server is stopped at the end. Never sends traffic anywhere but 127.0.0.1.

    python scripts/load_test_web.py [--students 35] [--timeout 120] [--json out.json]

Targets (issue 10): p95 under 200 ms on a 2-core machine, zero lost marks; story view under 300 ms warm.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
PASSPHRASE = "load-test-passphrase"
TASKS = os.environ.get("LOAD_TASKS", "loaded,speaker,cue,frame").split(",")


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    if not m:
        raise RuntimeError("no CSRF token on the page")
    return m.group(1)


def pct(values, q: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def process_cpu(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc; 0.0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def start_server(data_dir: str, port: int) -> subprocess.Popen:
    pw = Path(data_dir) / "passphrase.txt"
    pw.write_text(PASSPHRASE, encoding="utf-8")
    cmd = [sys.executable, "-m", "framing.cli_serve", "--host", HOST, "--port", str(port), "--data-dir",
           str(Path(data_dir) / "data"), "--passphrase-file", str(pw), "--no-browser"]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen(cmd, cwd=str(ROOT), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


async def wait_ready(client, base: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            r = await client.get(base + "/healthz")
            if r.status_code == 200:
                return
        except Exception:  # noqa: BLE001 - not up yet
            pass
        await asyncio.sleep(0.2)
    raise RuntimeError("the server did not start in time")


async def teacher_setup(httpx, base: str, deadline: float):
    async with httpx.AsyncClient(base_url=base, timeout=120) as t:
        r = await t.get("/login")
        r = await t.post("/login", data={"csrf": csrf_of(r.text), "passphrase": PASSPHRASE, "next": "/t/library"},
                         follow_redirects=True)
        r.raise_for_status()
        sid = re.search(r'href="/t/story/([^"/]+)"', r.text).group(1)
        t0 = time.perf_counter()
        r = await t.get(f"/t/story/{sid}")  # analyses the story (cold) unless the server warmed it
        cold = time.perf_counter() - t0
        r.raise_for_status()
        tok = csrf_of(r.text)
        r = await t.post("/t/classes", data={"csrf": tok, "name": "Load test class"}, follow_redirects=True)
        cid = str(r.url).rstrip("/").rsplit("/", 1)[1]
        code = re.search(r'class="code big">([A-Z0-9]+)<', r.text).group(1)
        r = await t.post(f"/t/class/{cid}/activities", follow_redirects=True,
                         data={"csrf": tok, "article": f"{sid}:0", "tasks": TASKS})
        aid = str(r.url).rstrip("/").rsplit("/", 1)[1]
        warm = []
        for _ in range(12):
            if time.monotonic() > deadline:
                break
            t0 = time.perf_counter()
            r = await t.get(f"/t/story/{sid}")
            warm.append(time.perf_counter() - t0)
            r.raise_for_status()
        return sid, cid, code, aid, cold, warm, dict(t.cookies)


class Browserish:
    """A lean HTTP/1.1 client over one keep-alive connection, with a cookie jar: what a student's
    browser does, at a fraction of a full client library's CPU, so that the load generator (which
    shares this machine's cores with the server) disturbs the measurement as little as possible."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.cookies: dict[str, str] = {}
        self.reader = self.writer = None

    async def request(self, method: str, path: str, form=None):
        from urllib.parse import urlencode

        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        body = urlencode(form, doseq=True).encode() if form is not None else b""
        head = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}", "Connection: keep-alive",
                f"Origin: http://{self.host}:{self.port}"]
        if self.cookies:
            head.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if form is not None:
            head += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        await self.writer.drain()
        status = int((await self.reader.readline()).split()[1])
        headers: dict[str, str] = {}
        while True:
            line = (await self.reader.readline()).decode("latin-1").rstrip("\r\n")
            if not line:
                break
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                k, _, rest = value.partition("=")
                v = rest.split(";", 1)[0]
                if v == "null" or "expires=thu, 01 jan 1970" in value.lower():
                    self.cookies.pop(k, None)
                else:
                    self.cookies[k] = v
            headers[name] = value
        if headers.get("transfer-encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int((await self.reader.readline()).strip(), 16)
                chunk = await self.reader.readexactly(size + 2)
                if size == 0:
                    break
                data += chunk[:-2]
        else:
            data = await self.reader.readexactly(int(headers.get("content-length", "0")))
        return status, headers, data.decode("utf-8", "replace")

    def close(self):
        if self.writer is not None:
            self.writer.close()


async def student(host: str, port: int, n: int, code: str, aid: str, start: asyncio.Event, timings: dict, sent: dict):
    rng = random.Random(n)
    c = Browserish(host, port)
    try:
        status, _, text = await c.request("GET", "/join")
        tok = csrf_of(text)
        await start.wait()
        t0 = time.perf_counter()
        status, headers, text = await c.request("POST", "/join", {"csrf": tok, "code": code, "nickname": f"student{n:02d}"})
        timings["join"].append(time.perf_counter() - t0)
        assert status == 303, (status, text[:300])
        t0 = time.perf_counter()
        status, _, text = await c.request("GET", f"/s/{aid}")
        timings["article"].append(time.perf_counter() - t0)
        assert status == 200, status
        units = sorted({int(v) for v in re.findall(r'name="loaded" value="(\d+)"', text)})
        frames = re.findall(r'name="frame" value="([^"]+)"', text)
        marks = {"loaded": sorted(rng.sample(units, k=min(len(units), rng.randint(2, 12)))),
                 "speaker": sorted(rng.sample(units, k=min(len(units), rng.randint(1, 4)))),
                 "cue": sorted(rng.sample(units, k=min(len(units), rng.randint(1, 4)))),
                 "frame": rng.choice(frames) if frames else ""}
        data = {"csrf": tok, "frame": marks["frame"]}
        data.update({task: [str(u) for u in marks[task]] for task in ("loaded", "speaker", "cue")})
        t0 = time.perf_counter()
        status, headers, text = await c.request("POST", f"/s/{aid}", data)
        timings["submit"].append(time.perf_counter() - t0)
        assert status == 303 and headers["location"].endswith("/reveal"), status
        sent[f"student{n:02d}"] = marks
    finally:
        c.close()


def stored_marks(data_dir: str, aid: str) -> dict:
    import sqlite3

    conn = sqlite3.connect(str(Path(data_dir) / "data" / "classroom.sqlite3"))
    rows = conn.execute("SELECT st.nickname, s.marks FROM submissions s JOIN students st ON st.id = s.student_id "
                        "WHERE s.activity_id = ?", (aid,)).fetchall()
    conn.close()
    return {name: json.loads(m) for name, m in rows}


async def run(args) -> dict:
    try:
        import httpx2 as httpx
    except ImportError:
        import httpx

    tmp = tempfile.mkdtemp(prefix="framing-load-")
    port = free_port()
    base = f"http://{HOST}:{port}"
    proc = start_server(tmp, port)
    deadline = time.monotonic() + args.timeout
    try:
        async with httpx.AsyncClient(timeout=5) as probe:
            await wait_ready(probe, base, deadline)
        sid, cid, code, aid, cold, warm, _ = await teacher_setup(httpx, base, deadline)
        timings = {"join": [], "article": [], "submit": []}
        sent: dict = {}
        start = asyncio.Event()
        tasks = [asyncio.create_task(student(HOST, port, n, code, aid, start, timings, sent))
                 for n in range(args.students)]
        await asyncio.sleep(0.5)  # every student has its join page and token: now all at once
        server_cpu0 = process_cpu(proc.pid)
        client_cpu0 = time.process_time()
        t0 = time.perf_counter()
        start.set()
        done, pending = await asyncio.wait(tasks, timeout=max(1.0, deadline - time.monotonic()))
        wall = time.perf_counter() - t0
        server_cpu = process_cpu(proc.pid) - server_cpu0
        client_cpu = time.process_time() - client_cpu0
        for p in pending:
            p.cancel()
        errors = [repr(t.exception()) for t in done if t.exception()]
        stored = stored_marks(tmp, aid)
        lost = sorted(name for name in sent if stored.get(name) != sent[name])
        allt = [x for v in timings.values() for x in v]
        report = {
            "students": args.students, "completed": len(sent), "errors": errors[:5], "timed_out": len(pending),
            "stored": len(stored), "lost_or_wrong": lost, "wall_seconds": round(wall, 3),
            "latency_ms": {k: {"p50": round(1000 * pct(v, 0.5), 1), "p95": round(1000 * pct(v, 0.95), 1),
                               "max": round(1000 * max(v), 1) if v else None, "n": len(v)} for k, v in timings.items()},
            "overall_ms": {"p50": round(1000 * pct(allt, 0.5), 1), "p95": round(1000 * pct(allt, 0.95), 1)},
            "story_view_cold_s": round(cold, 2),
            "story_view_warm_ms": {"median": round(1000 * statistics.median(warm), 1),
                                   "p95": round(1000 * pct(warm, 0.95), 1), "n": len(warm)} if warm else None,
            "cpus": os.cpu_count(),
            "cpu_seconds_during_burst": {"server": round(server_cpu, 3), "load_generator": round(client_cpu, 3)},
            "load_average_1min": round(os.getloadavg()[0], 2),
        }
        report["ok"] = (not errors and not pending and not lost and len(stored) == args.students
                        and report["overall_ms"]["p95"] < 200 and (report["story_view_warm_ms"] or {}).get("median", 1e9) < 300)
        return report
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--students", type=int, default=35)
    ap.add_argument("--timeout", type=float, default=180.0, help="give up after this many seconds")
    ap.add_argument("--json", default=None, help="also write the report here")
    args = ap.parse_args()
    if not 1 <= args.students <= 200:
        ap.error("--students must be between 1 and 200")
    report = asyncio.run(run(args))
    text = json.dumps(report, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
