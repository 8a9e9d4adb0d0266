"""Small data files the text layer reads once (abbreviations), kept out of the code."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources as _res


@lru_cache(maxsize=None)
def abbreviations() -> frozenset[str]:
    """Lower-case abbreviations (without their final period) that do not end a sentence."""
    text = _res.files("framing.data").joinpath("abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
