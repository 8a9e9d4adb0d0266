"""What one running classroom server is configured with: where it keeps data, who may reach it,
and the limits that keep one careless or hostile request from hurting everyone else.

Built by `framing serve` (framing/cli_serve.py) or by tests; the app reads nothing else from the
environment, so a test can run several independent servers side by side.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def default_data_dir() -> Path:
    """The user's data folder for framing (platformdirs), e.g. ~/.local/share/framing on Linux."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("framing", appauthor=False))


@dataclass
class Settings:
    data_dir: Path
    story_paths: tuple[str, ...] = ()  # stories named on the command line
    bundled_seeds: bool = True  # offer the seeds story in the library
    host: str = "127.0.0.1"
    port: int = 8000
    passphrase_hash: str = ""  # "scrypt$..." (security.hash_passphrase); "" = no teacher passphrase
    max_request_bytes: int = 12_000_000  # one upload request, all files and pasted texts together
    max_file_bytes: int = 5_000_000  # one uploaded file (the ingest limit of one article)
    max_files: int = 40
    max_paste_chars: int = 400_000  # one pasted article
    max_form_bytes: int = 1_000_000  # every other form (join, marks, settings)
    drain_cap_bytes: int = 128_000_000  # read (and drop) an oversized upload up to this, to answer it
    join_failures_per_window: int = 8  # wrong join codes per client address per window
    join_attempts_per_window: int = 120  # all join attempts per client address per window
    login_failures_per_window: int = 5  # wrong teacher passphrases per client address per window
    rate_window_seconds: float = 300.0
    warm_cache: bool = True  # analyse bundled stories in the background at start
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        self.data_dir = Path(self.data_dir)

    @property
    def lan(self) -> bool:
        """Reachable from other machines (a classroom network), not only from this computer."""
        return self.host not in LOOPBACK_HOSTS

    @property
    def teacher_locked(self) -> bool:
        """Teacher pages need the passphrase (always on a LAN; on loopback when one was set)."""
        return bool(self.passphrase_hash) or self.lan

    @property
    def db_path(self) -> Path:
        return self.data_dir / "classroom.sqlite3"
