"""Records: the value classes the hot paths make by the hundred thousand, and cheap constructors.

An article makes thousands of tokens, lexicon matches, findings, actor mentions, feature
contributions and label probabilities; a batch makes millions. Two costs of CPython 3.11 shape
how these classes are declared and built:

- A frozen dataclass's generated __init__ sets each field through `object.__setattr__` (a call per
  field, twice the cost of the plain attribute stores of an ordinary class).
- Writing an instance's fields into its `__dict__` directly (what this module's constructors did
  before session 23, to skip that __init__) makes the interpreter give up the object's compact
  inline attribute values for a real dict: every later attribute read of that object took about
  2.4 times as long (20 ns against 8.5 ns in a loop), and the object a third more memory.

So these classes are declared with `@record`: a dataclass that compares, hashes, prints and
pickles exactly as the `@dataclass(frozen=True)` it replaces (field order, the hash of the fields'
tuple), but is not frozen, so `fast_constructor` can build it with plain attribute stores. Records
are values all the same: no code assigns to a record's field once it is made (tests/test_records.py
runs the analysis of the seeds and a batch with every record class locked against it).

`fast_constructor(cls)` returns a function with the same parameters as the record's __init__
(names, order, defaults) that stores each field in field order, without the call into __init__.
The object is the same in every way that can be observed (type, equality, hash, repr, pickle
bytes; tests compare). A class that does anything else when built (__post_init__, __slots__,
init=False or keyword-only fields) or that is frozen gets its own constructor back. The maker is
generated from the class's fields, as dataclasses generates __init__, so it cannot drift from it.
"""
from __future__ import annotations

import dataclasses

_NOT_GIVEN = object()

#: Every class declared with @record, in declaration order (tests lock them; see `record`).
RECORDS: list[type] = []


def record(cls: type) -> type:
    """Declare `cls` a record: a dataclass with field-wise equality and hash, not frozen."""
    made = dataclasses.dataclass(unsafe_hash=True)(cls)
    RECORDS.append(made)
    return made


def fast_constructor(cls):
    """A drop-in for `cls(...)` that skips the call into __init__, or `cls` itself when unsafe."""
    fields = dataclasses.fields(cls)
    if (cls.__setattr__ is not object.__setattr__ or hasattr(cls, "__post_init__")
            or "__slots__" in vars(cls) or any(not f.init or f.kw_only for f in fields)):
        return cls
    namespace = {"_new": object.__new__, "_cls": cls, "_NOT_GIVEN": _NOT_GIVEN}
    params, body = [], []
    for f in fields:
        if f.default is not dataclasses.MISSING:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
            body.append(f"    o.{f.name} = {f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            namespace[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_NOT_GIVEN")
            body.append(f"    o.{f.name} = _factory_{f.name}() if {f.name} is _NOT_GIVEN "
                        f"else {f.name}")
        else:
            params.append(f.name)
            body.append(f"    o.{f.name} = {f.name}")
    source = (f"def make_{cls.__name__}({', '.join(params)}):\n"
              "    o = _new(_cls)\n" + "\n".join(body) + "\n    return o\n")
    exec(source, namespace)  # field names are identifiers of our own classes
    return namespace[f"make_{cls.__name__}"]
