"""`framing serve`: the classroom web app on this computer or on the classroom network.

Served by uvicorn (a production ASGI server), never a development server. On 127.0.0.1 (the
default) only this computer can reach it and teacher pages are open unless --passphrase-file is
given. With --host 0.0.0.0 students' devices on the same network can join: the command prints the
address and the join code, and every teacher page needs the passphrase (asked for at start, or read
from --passphrase-file; only its salted scrypt hash is kept).
"""
from __future__ import annotations

import socket
import sys
import threading
import time
import webbrowser
from pathlib import Path

import click

from .web.settings import LOOPBACK_HOSTS, Settings, default_data_dir

EXIT_USAGE = 2
MIN_PASSPHRASE = 8


def lan_addresses() -> list[str]:
    """This computer's IPv4 addresses other than loopback (from its host name; sends no traffic)."""
    out = []
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            addr = info[4][0]
            if not addr.startswith("127.") and addr not in out:
                out.append(addr)
    except OSError:
        pass
    return sorted(out)


def port_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def read_passphrase(path: str | None, required: bool) -> str:
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8").strip("\r\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise click.UsageError(f"cannot read the passphrase file {path}: {exc}") from None
        if len(text) < MIN_PASSPHRASE:
            raise click.UsageError(f"the passphrase in {path} is shorter than {MIN_PASSPHRASE} characters")
        return text
    if not required:
        return ""
    if not sys.stdin.isatty():
        raise click.UsageError("teacher pages need a passphrase on a classroom network: give --passphrase-file")
    while True:
        text = click.prompt("Teacher passphrase (at least 8 characters; students must not see it)",
                            hide_input=True, confirmation_prompt=True)
        if len(text) >= MIN_PASSPHRASE:
            return text
        click.echo(f"Too short: use at least {MIN_PASSPHRASE} characters.")


def _open_when_ready(url: str, host: str, port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    target = "127.0.0.1" if host in ("0.0.0.0", "") else ("::1" if host == "::" else host)
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((target, port), timeout=0.5):
                webbrowser.open(url)
                return
        except OSError:
            time.sleep(0.2)


@click.command("serve")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. 0.0.0.0 lets students' devices on the classroom network join "
                   "(teacher pages then need a passphrase).")
@click.option("--data-dir", type=click.Path(file_okay=False), default=None,
              help="Where the classroom database lives (default: your user data folder).")
@click.option("--passphrase-file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Read the teacher passphrase from this file instead of asking for it.")
@click.option("--no-browser", is_flag=True, help="Do not open a web browser.")
@click.option("--no-seeds", is_flag=True, help="Do not offer the bundled example story.")
def serve(paths, port, host, data_dir, passphrase_file, no_browser, no_seeds):
    """Start the classroom web app: explore a story's framing, and let students practise spotting it.

    PATHS are stories (folders or article files) to put in the library; with none, the library
    offers the bundled example story. Stop the server with Ctrl+C.
    """
    import uvicorn

    from .web.app import create_app
    from .web.db import Store, StoreError
    from .web.security import hash_passphrase

    lan = host not in LOOPBACK_HOSTS
    passphrase = read_passphrase(passphrase_file, required=lan)
    if not port_free(host, port):
        click.echo(f"error: port {port} on {host} is in use: choose another with --port", err=True)
        sys.exit(EXIT_USAGE)
    folder = Path(data_dir) if data_dir else default_data_dir()
    settings = Settings(data_dir=folder, story_paths=tuple(paths), bundled_seeds=not no_seeds, host=host, port=port,
                        passphrase_hash=hash_passphrase(passphrase) if passphrase else "")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        store = Store(settings.db_path)
    except (OSError, StoreError) as exc:
        click.echo(f"error: cannot use the data folder {folder}: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if not store.classes():
        store.add_class(time.strftime("Class of %Y-%m-%d"))
    app = create_app(settings, store=store)
    local = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"
    click.echo(f"framing classroom: data in {folder}")
    click.echo(f"Teacher: open {local}/t/library" + (" (log in with your passphrase)" if settings.teacher_locked else ""))
    if lan:
        addresses = [host] if host not in ("0.0.0.0", "::") else (lan_addresses() or ["<this computer's address>"])
        for addr in addresses:
            click.echo(f"Students: open http://{addr}:{port}/join")
    for klass in store.classes():
        click.echo(f"Join code for “{klass['name']}”: {klass['join_code']}")
    if not lan:
        click.echo("Only this computer can reach the app. For a classroom network, start it with --host 0.0.0.0.")
    if not no_browser:
        threading.Thread(target=_open_when_ready, args=(f"{local}/t/library", host, port), daemon=True).start()
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", server_header=False, proxy_headers=False,
                            access_log=False, lifespan="on", timeout_graceful_shutdown=5)
    uvicorn.Server(config).run()


if __name__ == "__main__":  # pragma: no cover - `python -m framing.cli_serve` (scripts, before registration)
    serve()
