"""A known person's surname that is also a common word is a name at the start of a sentence.

"Trump said the war hurt farmers." had no actor: a capitalised common word ("trump") opening a
sentence counts as a name only when the article also capitalises it mid-sentence, and a short
article or a quoted line may never do so.
"""
from __future__ import annotations

import pytest

from test_actors_helpers import mentions


@pytest.mark.parametrize("text", [
    "Trump said the war hurt farmers in the Midwest.",
    "Trump's trade war with China hurt farmers.",
])
def test_a_known_surname_opening_a_sentence_is_the_person(resources, text):
    assert ("Trump", "Donald Trump") in mentions(resources, text)


def test_the_common_word_opening_a_sentence_is_no_name(resources):
    assert mentions(resources, "Trump cards are rare in this game.") == []
