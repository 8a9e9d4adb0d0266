"""Shared helpers for the actors tests: run the stages on a text, find mentions and agency events."""
from __future__ import annotations

from framing.api import analyze_article
from framing.model import Article

STAGES = ("lexicon", "attribution", "actors")


def analysis(resources, text: str):
    return analyze_article(Article(id="t", text=text, outlet="test"), resources, STAGES)


def mentions(resources, text: str) -> list[tuple[str, str]]:
    """(text, actor name) of every actor mention."""
    return [(m.text, m.actor_name) for m in analysis(resources, text).actor_mentions]


def event(resources, text: str, word: str):
    """The first agency event whose words are `word` (or end in it: "the war")."""
    events = analysis(resources, text).agency
    found = [e for e in events if text[e.start:e.end] == word] or \
        [e for e in events if text[e.start:e.end].endswith(word)]
    assert found, [text[e.start:e.end] for e in events]
    return found[0]
