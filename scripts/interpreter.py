"""Which Python runs a benchmark, and how it was built: the figures depend on it.

The same code ran the stages about 15% faster (a whole batch 2-11%) under Debian's python3.11 (an
interpreter linked statically and built with profile-guided and link-time optimisation) than under
pyenv's default build of 3.11.7 on the same machine (libpython as a shared library, no PGO):
docs/accuracy_batch.md, session 7. Benchmark scripts print this line so every figure says what it was measured with.
"""
from __future__ import annotations

import os
import platform
import sys
import sysconfig


def _libpython_loaded() -> bool | None:
    """Whether this process runs on a shared libpython (None where /proc is not readable)."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as fh:
            return any("libpython" in line for line in fh)
    except OSError:
        return None


def describe() -> str:
    """One line: implementation, version, executable, how it was built."""
    shared = _libpython_loaded()
    args = sysconfig.get_config_var("CONFIG_ARGS") or ""
    parts = [f"{platform.python_implementation()} {platform.python_version()}",
             os.path.realpath(sys.executable),
             {True: "libpython shared", False: "libpython static", None: "libpython ?"}[shared]]
    if "--enable-optimizations" in args:
        parts.append("--enable-optimizations")
    if "--with-lto" in args:
        parts.append("--with-lto")
    return "interpreter: " + "; ".join(parts)


if __name__ == "__main__":
    print(describe())
