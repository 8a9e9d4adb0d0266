"""The security pieces of the classroom app, each small enough to test on its own.

- teacher passphrase: stored only as a salted scrypt hash (hashlib, no extra dependency);
- CSRF: one random token per session, required on every form post and compared in constant time;
- join codes: short, unambiguous (no 0/O, 1/I), random from `secrets`;
- rate limits: a sliding window per client address, in memory (one server process);
- response headers: a Content-Security-Policy that allows no inline script, and friends.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import time
from collections import deque

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 14, 8, 1
JOIN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 6

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'; object-src 'none'")
# style-src-attr: the report's generated SVG charts carry `style` attributes (font, paint order);
# attributes cannot run script, and every <style> element or sheet must still come from the app.

SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def hash_passphrase(passphrase: str, salt: bytes | None = None) -> str:
    """'scrypt$N$r$p$salt$hash' (base64): what is stored instead of the passphrase."""
    if not passphrase:
        raise ValueError("the passphrase is empty")
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                            dklen=32, maxmem=64 * 1024 * 1024)
    b64 = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt)}${b64(digest)}"


def verify_passphrase(passphrase: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(passphrase.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r),
                             p=int(p), dklen=len(expected), maxmem=64 * 1024 * 1024)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def auth_epoch(stored_hash: str) -> str:
    """A short fingerprint of the stored hash: teacher sessions carry it, so a new passphrase (a new
    hash, new salt) logs every earlier teacher session out."""
    return hashlib.sha256(("framing-teacher:" + stored_hash).encode()).hexdigest()[:16]


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(value: str) -> str:
    """What a student typed, as a code: upper-case, spaces and dashes dropped."""
    return "".join(ch for ch in (value or "").upper() if ch.isascii() and ch.isalnum())[:32]


def new_id() -> str:
    return secrets.token_urlsafe(9)


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_ok(session_token: str | None, sent: str | None) -> bool:
    if not session_token or not sent:
        return False
    return hmac.compare_digest(str(session_token).encode(), str(sent).encode())


class RateLimiter:
    """At most `limit` events per `window` seconds per key (a client address), thread-safe."""

    def __init__(self, limit: int, window: float, clock=time.monotonic):
        self.limit = int(limit)
        self.window = float(window)
        self.clock = clock
        self._events: dict[str, deque] = {}
        self._lock = threading.Lock()

    def _trim(self, key: str, now: float) -> deque:
        q = self._events.setdefault(key, deque())
        while q and now - q[0] >= self.window:
            q.popleft()
        return q

    def blocked(self, key: str) -> float:
        """0 when another event is allowed, else the seconds until one is."""
        with self._lock:
            now = self.clock()
            q = self._trim(key, now)
            if len(q) < self.limit:
                if not q:
                    self._events.pop(key, None)
                return 0.0
            return max(0.0, self.window - (now - q[0]))

    def hit(self, key: str) -> None:
        with self._lock:
            self._trim(key, self.clock()).append(self.clock())

    def forget(self, key: str) -> None:
        with self._lock:
            self._events.pop(key, None)
