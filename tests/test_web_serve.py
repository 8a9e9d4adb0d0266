"""`framing serve`: options, the passphrase rule on a classroom network, and the start-up output
(uvicorn's run is replaced here: the real server runs in the browser tests and the load test)."""
from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from framing import cli_serve


@pytest.fixture
def no_run(monkeypatch):
    calls = {}

    def fake_run(self):
        calls["config"] = self.config

    import uvicorn

    monkeypatch.setattr(uvicorn.Server, "run", fake_run)
    monkeypatch.setattr(cli_serve.webbrowser, "open", lambda url: calls.setdefault("opened", url))
    return calls


def test_lan_needs_a_passphrase(tmp_path, no_run):
    r = CliRunner().invoke(cli_serve.serve, ["--host", "0.0.0.0", "--data-dir", str(tmp_path), "--no-browser", "--no-seeds"])
    assert r.exit_code == 2 and "passphrase" in r.output
    assert "config" not in no_run


def test_short_passphrase_file_is_refused(tmp_path, no_run):
    pw = tmp_path / "pw"
    pw.write_text("short")
    r = CliRunner().invoke(cli_serve.serve, ["--host", "0.0.0.0", "--passphrase-file", str(pw), "--data-dir",
                                             str(tmp_path / "d"), "--no-browser", "--no-seeds"])
    assert r.exit_code == 2 and "shorter" in r.output


def test_lan_start_prints_address_and_join_code_and_locks_teacher_pages(tmp_path, no_run):
    pw = tmp_path / "pw"
    pw.write_text("a long enough passphrase\n")
    r = CliRunner().invoke(cli_serve.serve, ["--host", "0.0.0.0", "--port", "8765", "--passphrase-file", str(pw),
                                             "--data-dir", str(tmp_path / "d"), "--no-browser", "--no-seeds"])
    assert r.exit_code == 0, r.output
    assert "Students: open http://" in r.output and ":8765/join" in r.output
    code = r.output.split("Join code for", 1)[1].split(":", 1)[1].split()[0]
    assert len(code) == 6
    cfg = no_run["config"]
    assert (cfg.host, cfg.port) == ("0.0.0.0", 8765)
    settings = cfg.app.state.framing.settings
    assert settings.teacher_locked and settings.passphrase_hash.startswith("scrypt$")
    assert "a long enough passphrase" not in (tmp_path / "d" / "classroom.sqlite3").read_bytes().decode("latin-1")
    assert "opened" not in no_run


def test_local_start_opens_the_browser_and_offers_the_seeds(tmp_path, no_run, monkeypatch):
    opened = []
    monkeypatch.setattr(cli_serve, "_open_when_ready", lambda url, host, port: opened.append(url))
    r = CliRunner().invoke(cli_serve.serve, ["--data-dir", str(tmp_path / "d"), "--port", "8766"])
    assert r.exit_code == 0, r.output
    assert opened == ["http://127.0.0.1:8766/t/library"]
    assert "Only this computer" in r.output
    app = no_run["config"].app
    stories = app.state.framing.store.stories()
    from framing.web.stories import bundled_seeds_path

    if bundled_seeds_path() is not None:
        assert any(s["origin"] == "bundled" for s in stories)
    assert not app.state.framing.settings.teacher_locked


def test_a_busy_port_is_a_clear_error(tmp_path, no_run):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        r = CliRunner().invoke(cli_serve.serve, ["--port", str(port), "--data-dir", str(tmp_path), "--no-browser", "--no-seeds"])
    assert r.exit_code == 2 and "in use" in r.output


def test_story_paths_go_into_the_library(tmp_path, no_run):
    from test_web_support import HARBOUR_A, HARBOUR_B

    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text(HARBOUR_A)
    (folder / "b.txt").write_text(HARBOUR_B)
    r = CliRunner().invoke(cli_serve.serve, [str(folder), "--data-dir", str(tmp_path / "d"), "--no-browser", "--no-seeds",
                                             "--port", "8767"])
    assert r.exit_code == 0, r.output
    stories = no_run["config"].app.state.framing.store.stories()
    assert [s["origin"] for s in stories] == ["path"] and stories[0]["n_articles"] == 2
