"""Story tables that belong to other stages: the naming matrix (actors) and voice share (attribution).

The comparison only gathers them into `StoryComparison` so renderers find everything in one object;
the logic stays with the stage that owns it. Each call is lazy and guarded: when the stage's
public function is missing or fails, the table stays empty and a note says why, and the rest of the
comparison goes on.

- voice share: `framing.model.attribution.aggregate_outlets({outlet: attributions})`;
- naming matrix: `framing.actors.group_actors(...)` then `framing.actors.naming_matrix(...)`,
  called with the arguments their signatures ask for among: analyses, story, resources, overrides
  (the story manifest's actor overrides), table (the ActorTable from group_actors), lexicon.
"""
from __future__ import annotations

import dataclasses
import inspect
import math


_FIELDS: dict[type, tuple[str, ...]] = {}
_LEAVES = frozenset((str, int, bool, type(None)))


def plain(obj):
    """Dataclasses, tuples, sets and dicts -> JSON-friendly dicts and lists (deterministic)."""
    t = type(obj)
    if t is str or t is int or t is bool or obj is None:  # the common leaves first (same answers)
        return obj
    if t is float:
        return None if math.isnan(obj) or math.isinf(obj) else obj
    names = _FIELDS.get(t)
    if names is None and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELDS[t] = tuple(f.name for f in dataclasses.fields(obj) if not f.name.startswith("_"))
    # below, a leaf (str, int, bool, None) is taken as it is without a call: the same answer
    if names is not None:
        out = {}
        for name in names:
            v = getattr(obj, name)
            out[name] = v if type(v) in _LEAVES else plain(v)
        return out
    if isinstance(obj, dict):
        return {str(k): v if type(v) in _LEAVES else plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [v if type(v) in _LEAVES else plain(v) for v in obj]
    if isinstance(obj, (set, frozenset)):
        return [plain(v) for v in sorted(obj, key=repr)]
    if isinstance(obj, float):
        return None if math.isnan(obj) or math.isinf(obj) else obj
    if hasattr(obj, "item") and callable(obj.item):
        return plain(obj.item())
    return obj


def voice_share(analyses, outlets) -> tuple[dict, list[str]]:
    if not any(a.attributions for a in analyses):
        return {}, ["voice share: no attributions (the attribution stage did not run or found none)"]
    try:
        from ..model.attribution import aggregate_outlets
    except ImportError as exc:
        return {}, [f"voice share unavailable: {exc}"]
    by_outlet = {o: [] for o in outlets}
    for a in analyses:
        by_outlet[a.article.outlet].extend(a.attributions)
    try:
        return plain(aggregate_outlets(by_outlet)), []
    except Exception as exc:  # another stage's failure must not stop the comparison
        return {}, [f"voice share failed: {type(exc).__name__}: {exc}"]


class _Lazy:
    def __init__(self, get):
        self.get = get


def _call(fn, available: dict):
    params = inspect.signature(fn).parameters
    kwargs = {}
    for name, p in params.items():
        if name in available:
            value = available[name]
            kwargs[name] = value.get() if isinstance(value, _Lazy) else value
        elif p.default is inspect.Parameter.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            raise TypeError(f"{fn.__name__} needs {name!r}, which the comparison cannot give")
    return fn(**kwargs)


def naming_matrix(analyses, story, resources) -> tuple[dict, list[str]]:
    if not any(a.actor_mentions for a in analyses):
        return {}, ["naming matrix: no actor mentions (the actors stage did not run or found none)"]
    try:
        from ..actors import group_actors, naming_matrix as build
    except Exception as exc:  # not written yet, or broken
        return {}, [f"naming matrix unavailable: {type(exc).__name__}: {exc}"]
    overrides = getattr(story, "actor_overrides", {}) or {}
    available = {"analyses": list(analyses), "story": story, "resources": resources,
                 "overrides": overrides}
    available["lexicon"] = _Lazy(lambda: getattr(resources, "lexicon", None) if resources is not None else None)
    try:
        table = _call(group_actors, available)
        available["table"] = available["actor_table"] = table
        return plain(_call(build, available)), []
    except Exception as exc:
        return {}, [f"naming matrix failed: {type(exc).__name__}: {exc}"]
