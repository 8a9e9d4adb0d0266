"""Progress of a batch run: a tqdm bar (rate, ETA) on a terminal, plain log lines otherwise.

Log lines go to standard error at most every `every` seconds (and at 100%), so a run under nohup,
CI or a cluster job leaves a readable log instead of a screen of carriage returns. `quiet` shows
nothing.
"""
from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total: int, desc: str, *, quiet: bool = False, unit: str = "article",
                 stream=None, every: float = 15.0, tty: bool | None = None):
        self.total, self.desc, self.unit = total, desc, unit
        self.quiet, self.every = quiet, every
        self.stream = stream or sys.stderr
        self.n = 0
        self.start = self.last = time.monotonic()
        self._bar = None
        if quiet or total <= 0:
            self.quiet = True
            return
        if tty is None:
            tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        if tty:
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=desc, unit=unit, file=self.stream, dynamic_ncols=True,
                             smoothing=0.1)

    def update(self, n: int = 1, note: str = "") -> None:
        self.n += n
        if self.quiet:
            return
        if self._bar is not None:
            self._bar.update(n)
            if note:
                self._bar.set_postfix_str(note, refresh=False)
            return
        now = time.monotonic()
        if now - self.last >= self.every or self.n >= self.total:
            self.last = now
            elapsed = now - self.start
            rate = self.n / elapsed if elapsed > 0 else 0.0
            eta = (self.total - self.n) / rate if rate > 0 else 0.0
            print(f"{self.desc}: {self.n}/{self.total} {self.unit}s "
                  f"({100 * self.n / self.total:.0f}%), {rate:.1f}/s, ETA {eta:.0f} s"
                  + (f", {note}" if note else ""), file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def log(message: str, quiet: bool = False) -> None:
    if not quiet:
        print(message, file=sys.stderr, flush=True)
