"""framing.model.fastmake: records, and generated constructors that give the same objects as the
record's own __init__."""
from __future__ import annotations

import pickle
from dataclasses import dataclass, field

import pytest

from framing.model.fastmake import RECORDS, fast_constructor, record


@record
class _Quote:
    speaker: str
    words: int = 0
    tags: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class _Checked:
    words: int

    def __post_init__(self):
        if self.words < 0:
            raise ValueError("negative word count")


def test_maker_takes_the_same_arguments_and_gives_the_same_object():
    make = fast_constructor(_Quote)
    assert make is not _Quote
    for args, kwargs in ((("Kabul",), {}), (("Kabul", 7), {}),
                         (("Kabul",), {"words": 7, "tags": {"side": "Afghan"}})):
        fast, slow = make(*args, **kwargs), _Quote(*args, **kwargs)
        assert type(fast) is _Quote
        assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
        assert pickle.dumps(fast) == pickle.dumps(slow)
    assert make("a").tags is not make("b").tags  # a fresh default per object, as the factory gives


@dataclass(frozen=True)
class _FrozenQuote:
    speaker: str
    words: int = 0


def test_a_record_compares_hashes_and_pickles_as_the_frozen_dataclass_it_replaces():
    record_, frozen = _Quote("Kabul", 7), _FrozenQuote("Kabul", 7)
    assert _Quote in RECORDS
    assert record_ == _Quote("Kabul", 7) and record_ != _Quote("Kabul", 8)
    assert hash(record_) == hash(frozen) == hash(("Kabul", 7))  # the hash of the fields' tuple
    assert hash(_Quote("Kabul", 7, {"side": "Afghan"})) == hash(record_)  # tags: hash=False
    assert repr(record_) == "_Quote(speaker='Kabul', words=7, tags={})"
    assert pickle.loads(pickle.dumps(record_)) == record_


def test_frozen_classes_keep_their_own_constructor():
    # writing a frozen object's fields into its __dict__ would make every later read slower
    assert fast_constructor(_FrozenQuote) is _FrozenQuote


def test_classes_that_check_their_fields_keep_their_own_constructor():
    assert fast_constructor(_Checked) is _Checked
    with pytest.raises(ValueError):
        fast_constructor(_Checked)(-1)
