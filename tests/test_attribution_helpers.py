"""Shared helpers for the attribution tests: run the stage on a text, find attributions by cue."""
from __future__ import annotations

from functools import lru_cache

from framing.attribution import attributions_of
from framing.model import Article
from framing.text import build_doc


@lru_cache(maxsize=1)
def gazetteer():
    try:
        from framing.gazetteer import load_gazetteer
    except ImportError:
        return None
    return load_gazetteer()


def run(text: str, with_gazetteer: bool = True, lexicon=None):
    doc = build_doc(Article("t", text, "test"))
    atts, quotes = attributions_of(doc, lexicon=lexicon, gazetteer=gazetteer() if with_gazetteer else None)
    return doc, atts, quotes


def by_cue(atts, cue_text: str):
    found = [a for a in atts if a.cue_text == cue_text]
    assert found, f"no attribution with cue {cue_text!r}: {[a.cue_text for a in atts]}"
    return found[0]


def content(doc, att) -> str:
    return " | ".join(doc.text[c.start:c.end] for c in att.content)


def source(doc, att) -> str:
    """The source as written ("" when the attribution names none)."""
    return doc.text[att.source.start:att.source.end] if att.source else ""
