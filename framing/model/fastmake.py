"""Cheaper constructors for the frozen dataclasses the hot paths make by the thousand.

A frozen dataclass's generated __init__ sets each field through `object.__setattr__`, which costs
several times a plain attribute store; an article makes thousands of tokens, sentence inputs,
feature contributions and label probabilities, so those __init__ calls were a visible share of
the text layer's and the classifier's time. `fast_constructor(cls)` returns a function with the
same parameters (names, order, defaults) that fills the new instance's __dict__ directly, in field
order. The object is the same in every way that can be observed (type, equality, hash, repr,
pickle bytes; tests compare), because a frozen dataclass without __post_init__ or __slots__ keeps
exactly its fields, in that order, in that __dict__. A class that does anything else when built
(__post_init__, __slots__, init=False or keyword-only fields) gets its own constructor back.
The maker is generated from the class's fields, as dataclasses generates __init__, so it cannot
drift from the class.
"""
from __future__ import annotations

import dataclasses

_NOT_GIVEN = object()


def fast_constructor(cls):
    """A drop-in for `cls(...)` that skips the frozen __init__, or `cls` itself when unsafe."""
    fields = dataclasses.fields(cls)
    if (hasattr(cls, "__post_init__") or "__slots__" in vars(cls)
            or any(not f.init or f.kw_only for f in fields)):
        return cls
    namespace = {"_new": object.__new__, "_cls": cls, "_NOT_GIVEN": _NOT_GIVEN}
    params, body = [], []
    for f in fields:
        if f.default is not dataclasses.MISSING:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
            body.append(f"    d[{f.name!r}] = {f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            namespace[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_NOT_GIVEN")
            body.append(f"    d[{f.name!r}] = _factory_{f.name}() if {f.name} is _NOT_GIVEN "
                        f"else {f.name}")
        else:
            params.append(f.name)
            body.append(f"    d[{f.name!r}] = {f.name}")
    source = (f"def make_{cls.__name__}({', '.join(params)}):\n"
              "    o = _new(_cls)\n    d = o.__dict__\n" + "\n".join(body) + "\n    return o\n")
    exec(source, namespace)  # field names are identifiers of our own classes
    return namespace[f"make_{cls.__name__}"]
