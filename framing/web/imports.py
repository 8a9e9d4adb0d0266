"""Heavy imports (the analysis pipeline, nltk) in one place, under one lock.

Importing nltk takes seconds (it pulls in scikit-learn and scipy), and two threads importing the
same packages at once can trip Python's import-deadlock detection. So the app warms them in one
background thread at start, and every code path that needs them calls `ensure()` first: whoever
comes first imports everything, the others wait for it.
"""
from __future__ import annotations

import importlib
import threading

_LOCK = threading.Lock()
_DONE = False


def ensure() -> None:
    global _DONE
    if _DONE:
        return
    with _LOCK:
        if _DONE:
            return
        from .stories import available_stages, compare_available

        for name in available_stages():
            importlib.import_module(f"framing.stages.{name}")
        compare_available()
        importlib.import_module("nltk.metrics.agreement")
        _DONE = True
