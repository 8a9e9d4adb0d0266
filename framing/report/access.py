"""Tolerant readers for annotation objects: fields by one of several names, spans in any shape.

The stage models are frozen dataclasses, but each layer is written by its own hand, so a span may be a
`Span` field, a `(start, end)` pair, or `x_start`/`x_end` integers, and a list may be a tuple, a dict
or absent. The view-model reads them through these helpers so a renamed or missing field makes a
section say "not available" instead of crashing the report.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping


def get(obj, *names, default=None):
    """The first of `names` that `obj` has (attribute or mapping key) with a value other than None."""
    if obj is None:
        return default
    is_map = isinstance(obj, dict) or (not hasattr(obj, "__dataclass_fields__") and isinstance(obj, Mapping))
    for name in names:
        if is_map:
            value = obj.get(name)
        else:
            try:
                value = getattr(obj, name, None)
            except Exception:  # a property that fails on partial data
                value = None
        if value is not None:
            return value
    return default


def span_of(obj, name: str | None = None):
    """(start, end) of `obj` itself (name None) or of its field `name`; None when absent."""
    if obj is None:
        return None
    if name is None:
        target = obj
    else:
        target = get(obj, name, name + "_span")
        if target is None:
            s, e = get(obj, name + "_start"), get(obj, name + "_end")
            if isinstance(s, int) and isinstance(e, int):
                return (s, e)
            return None
    if isinstance(target, (tuple, list)) and len(target) == 2 and all(isinstance(v, int) for v in target):
        return (target[0], target[1])
    s, e = get(target, "start"), get(target, "end")
    if isinstance(s, int) and isinstance(e, int) and not isinstance(s, bool):
        return (s, e)
    return None


def spans_of(obj, name: str):
    """Every span of a field that holds one span or a sequence of them (e.g. split quote content)."""
    target = get(obj, name)
    if target is None:
        one = span_of(obj, name)
        return [one] if one else []
    if isinstance(target, (tuple, list)) and target and not isinstance(target[0], int):
        return [sp for sp in (span_of(t) for t in target) if sp]
    one = span_of(target)
    return [one] if one else []


def items(value):
    """A sequence from whatever a field holds: tuple/list as is, a mapping's values, else empty."""
    if value is None:
        return []
    if isinstance(value, Mapping):
        return list(value.values())
    if isinstance(value, (list, tuple)):
        return list(value)
    return []


def plain(value, depth: int = 0):
    """A short human-readable string for any field value (used for cells of unknown shapes)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, (int, str)):
        return str(value)
    if depth > 1:
        return "…"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        sp = span_of(value)
        if sp and len(dataclasses.fields(value)) == 2:
            return f"{sp[0]}–{sp[1]}"
        return ", ".join(f"{f.name}={plain(getattr(value, f.name), depth + 1)}"
                         for f in dataclasses.fields(value))
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {plain(v, depth + 1)}" for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        seq = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        return "; ".join(plain(v, depth + 1) for v in seq)
    return str(value)


def fields_of(obj) -> list[str]:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [f.name for f in dataclasses.fields(obj) if not f.name.startswith("_")]
    if isinstance(obj, Mapping):
        return [str(k) for k in obj]
    return []
