"""The shipped stop-word file is scikit-learn's list, word for word."""
from framing.text.stopwords import english_stop_words


def test_stop_words_equal_scikit_learns_list():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    assert english_stop_words() == frozenset(ENGLISH_STOP_WORDS)


def test_stop_words_are_function_words_not_content_words():
    words = english_stop_words()
    assert {"the", "and", "of", "which"} <= words
    assert not {"war", "said", "minister", "regime"} & words
