"""The matcher's token stream: hyphens inside tokens become two spaces, pieces are joined with two
spaces, and each piece's start offset indexes it in the stream; it must equal the plain
definition (each piece made and each start summed one by one), and every start must point at
its piece with two spaces before it."""
from __future__ import annotations

import random

from framing.lexicon.matcher import _stream


def _plain(words):
    pieces, starts, pos = [], [], 2
    for w in words:
        piece = w.replace("-", "  ")
        pieces.append(piece)
        starts.append(pos)
        pos += len(piece) + 2
    return pieces, starts + [pos], "  " + "  ".join(pieces) + "  "


def test_stream_of_news_tokens():
    words = ["the", "so-called", "left-wing", "group", "'s", "well-to-do", "backers", "-", "said"]
    pieces, starts, text = _stream(words)
    assert (list(pieces), starts, text) == _plain(words)
    assert text[starts[2]:starts[2] + len(pieces[2])] == "left  wing"


def test_stream_equals_the_plain_definition_on_random_token_runs():
    rng = random.Random(11)
    vocab = ["a", "left-wing", "-", "--", "so-called", "x", "well-to-do", "pro-", "-ish", "word",
             "'s", "u.s.", "anti-war"]
    for _ in range(3000):
        words = [rng.choice(vocab) for _ in range(rng.randint(0, 12))]
        pieces, starts, text = _stream(words)
        assert (list(pieces), starts, text) == _plain(words), words
        for piece, start in zip(pieces, starts):
            assert text[start - 2:start + len(piece)] == "  " + piece
            assert "-" not in piece
