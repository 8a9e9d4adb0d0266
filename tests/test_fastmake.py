"""framing.model.fastmake: generated constructors give the same objects as the dataclass's own."""
from __future__ import annotations

import pickle
from dataclasses import dataclass, field

import pytest

from framing.model.fastmake import fast_constructor


@dataclass(frozen=True)
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
    with pytest.raises(AttributeError):
        make("Kabul").words = 3  # still frozen
    assert make("a").tags is not make("b").tags  # a fresh default per object, as the factory gives


def test_classes_that_check_their_fields_keep_their_own_constructor():
    assert fast_constructor(_Checked) is _Checked
    with pytest.raises(ValueError):
        fast_constructor(_Checked)(-1)
