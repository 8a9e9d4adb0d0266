"""Turn the model's dataclasses into plain JSON values, deterministically.

Dict keys keep their insertion order (stages build them in a fixed order), floats are rounded so the
same input gives byte-identical JSON on every run and platform.
"""
from __future__ import annotations

import dataclasses
import json
import math

FLOAT_DIGITS = 6


def to_jsonable(obj):
    """Dataclasses -> dicts, tuples/sets -> lists, floats rounded; recursively."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)
                if not f.name.startswith("_")}
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, (set, frozenset)):
        return [to_jsonable(v) for v in sorted(obj, key=repr)]
    if isinstance(obj, float):
        if math.isnan(obj) or math.isinf(obj):
            return None
        return round(obj, FLOAT_DIGITS)
    if hasattr(obj, "item") and callable(obj.item):  # numpy scalars
        return to_jsonable(obj.item())
    return obj


def dumps(obj, indent: int | None = 2) -> str:
    return json.dumps(to_jsonable(obj), ensure_ascii=False, indent=indent) + "\n"
