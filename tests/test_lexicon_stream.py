"""The matcher's token stream: hyphens inside tokens become two spaces, and the start offsets of
the pieces are shifted segment by segment instead of summed again; both must equal the plain
definition (pieces joined with two spaces, each start the length of everything before it)."""
from __future__ import annotations

import random
from itertools import accumulate
from operator import add

from framing.lexicon.matcher import _stream


def _plain(words):
    n = len(words)
    pieces = [w.replace("-", "  ") for w in words]
    starts = list(map(add, accumulate(map(len, pieces), initial=0), range(2, 2 * n + 3, 2)))
    return pieces, starts, "  " + "  ".join(pieces) + "  "


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
