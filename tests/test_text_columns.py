"""build_doc seeds the stages' shared token columns (framing.text.columns) with its own lists.

The seeded columns must be exactly what the lazy path reads off the Tokens (same types, same
values, same string objects), and seeding must keep the cache's rules: the last Doc only, through a
weak reference, and a Doc that is not the last one still gets correct columns from its tokens.
"""
from __future__ import annotations

import gc
from pathlib import Path

import pytest

from framing.model import Article
from framing.text import build_doc
from framing.text.columns import Columns, columns

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
NAMES = ("texts", "norms", "lemmas", "tags", "is_word", "starts", "ends")


def _article(path: Path) -> Article:
    return Article(id=path.stem, text=path.read_text(encoding="utf-8"), outlet="seed")


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seeded_columns_equal_lazy_columns(path):
    doc = build_doc(_article(path))
    seeded = columns(doc)
    lazy = Columns(doc)  # not seeded: every column read off doc.tokens
    for name in NAMES:
        got, want = getattr(seeded, name), getattr(lazy, name)
        assert type(got) is type(want) and got == want, name
    toks = doc.tokens
    assert all(a is t.text for a, t in zip(seeded.texts, toks))
    assert all(a is t.norm for a, t in zip(seeded.norms, toks))
    assert all(a is t.lemma for a, t in zip(seeded.lemmas, toks))


def test_seeding_keeps_last_doc_rules():
    a = build_doc(Article(id="a", text="Officials in Kabul denied it. Pakistan\u2019s army didn't.",
                          outlet="x"))
    cols_a = columns(a)
    assert columns(a) is cols_a
    b = build_doc(Article(id="b", text="The U.S. envoy met Dr. Khan.", outlet="x"))
    assert columns(b).texts == ["The", "U.S.", "envoy", "met", "Dr.", "Khan", "."]
    again = columns(a)  # no longer the last Doc: rebuilt from its tokens, same values
    assert again is not cols_a and again.norms == cols_a.norms
    assert again.starts == cols_a.starts and again.ends == cols_a.ends
    assert again.texts == ["Officials", "in", "Kabul", "denied", "it", ".", "Pakistan", "\u2019s",
                           "army", "did", "n't", "."]
    # The cache never keeps a Doc alive, seeded or not.
    import weakref

    c = build_doc(Article(id="c", text="Kabul retaliated on Sunday.", outlet="x"))
    ref = weakref.ref(c)
    del c
    gc.collect()
    assert ref() is None


def test_empty_doc_columns():
    doc = build_doc(Article(id="e", text="", outlet="x"))
    cols = columns(doc)
    lazy = Columns(doc)
    for name in NAMES:
        assert getattr(cols, name) == getattr(lazy, name) and type(getattr(cols, name)) is type(
            getattr(lazy, name))
