"""The text layer runs without nltk, scikit-learn or scipy, and reads textblob's data without
importing textblob: `import nltk` alone costs ~190 MB and over a second per process (its __init__
imports scikit-learn and scipy.stats), and `import textblob` imports nltk."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, SEEDS

_CHECK = """
import json, sys
from pathlib import Path
from framing.model import Article
from framing.text import build_doc
from framing.text.sentiment import pattern_lexicon
text = Path(sys.argv[1]).read_text(encoding="utf-8")
doc = build_doc(Article(id="seed", text=text, outlet="seed"))
pattern_lexicon()
print(json.dumps({"sentences": len(doc.sentences), "tokens": len(doc.tokens),
                  "loaded": sorted(m for m in ("nltk", "sklearn", "scipy", "textblob")
                                   if m in sys.modules)}))
"""


def test_build_doc_imports_neither_nltk_nor_textblob():
    seed = sorted(SEEDS.glob("*.txt"))[0]
    out = subprocess.run([sys.executable, "-c", _CHECK, str(seed)], capture_output=True,
                         text=True, cwd=ROOT, check=True, timeout=120)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["sentences"] > 5 and result["tokens"] > 100  # the article was really processed
    assert result["loaded"] == []


def test_textblob_data_equals_the_textblob_package():
    from textblob.en import parser, sentiment

    from framing.text.lexical_tags import _library
    from framing.text.textblob_data import (DEFAULT_TAGS, number_pattern, sentiment_lexicon,
                                            suffix_rules, tag_lexicon)

    parser.lexicon.get("the")  # lazy dicts: load them
    sentiment.get("good")
    assert list(tag_lexicon().items()) == list(dict.items(parser.lexicon))
    assert len(tag_lexicon()) > 90_000
    ours = sentiment_lexicon()
    assert list(ours) == list(dict.keys(sentiment))
    assert all(list(ours[w].items()) == list(dict.__getitem__(sentiment, w).items()) for w in ours)
    assert "terribly" in ours and "RB" in ours["terribly"]  # textblob.en's extra adverbs
    assert DEFAULT_TAGS == parser.default
    assert number_pattern().pattern == _library()[1].pattern
    from textblob._text import _suffix_rules

    tags = set()
    for word in ("running", "quickly", "cats", "glass", "careful", "well-known", "wanted",
                 "mediate", "Pakistan", "1,500"):
        assert suffix_rules([word, "NN"]) == _suffix_rules([word, "NN"]), word
        tags.add(suffix_rules([word, "NN"])[1])
    assert tags == {"VBG", "RB", "NNS", "NN", "JJ", "VBN", "VBP"}


def test_pattern_lexicon_equals_the_library_sentiment_entries():
    from textblob.en import sentiment

    from framing.text.sentiment import pattern_lexicon

    if not dict.__len__(sentiment):
        sentiment.load()
    expected = {}
    for word in sorted(dict.keys(sentiment)):
        by_pos = dict.__getitem__(sentiment, word)
        values = by_pos.get(None) or next(iter(by_pos.values()), None)
        if values:
            expected[word.lower()] = (float(values[0]), float(values[1]))
    assert pattern_lexicon() == expected and len(expected) > 2000
