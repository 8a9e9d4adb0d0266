"""The attribution stage's session 8 shortcuts give what the walks they replaced give.

- `named_mentions._NormIndex`: a word's token indices found by `str.find` over the joined norms (and
  the dict of every norm's positions once many words are asked, or when a norm holds NUL);
- the describe memo, when full, keeps the phrases asked again (a second chance) instead of clearing;
- `build._words` counts the words without a letter or digit with a pattern that has no lookbehind.
"""
from __future__ import annotations

import random

from framing.attribution import named_mentions, speakers
from framing.attribution.data import load_data
from framing.model import Article
from framing.text import build_doc

NEWS = (
    "Defence Minister Khawaja Asif said on Tuesday that the border would reopen. Asif told "
    "reporters in Islamabad that “we will respond”. Pakistan's Interior Minister Mohsin Naqvi and "
    "Iranian President Dr. Masoud Pezeshkian met on Monday; Naqvi said the talks went well, and "
    "Pezeshkian told state television that Iran and Pakistan would cooperate. “Asif is wrong,” "
    "said Sen. Charles Grassley, R-Iowa. Grassley said on Friday in a statement that the plan was "
    "“dead on arrival”, and Asif said Saturday he would not comment."
)


def _walk(norms, word):
    return [i for i, norm in enumerate(norms) if norm == word]


def test_norm_index_finds_the_tokens_of_each_norm_like_a_walk():
    doc = build_doc(Article("n", NEWS, "test"))
    norms = [t.norm for t in doc.tokens]
    words = sorted(set(norms)) + ["", "nobody", "said said", "\0", "asif\0said"]
    index = named_mentions._NormIndex(norms)
    for word in words[:named_mentions._NormIndex.SCANS]:  # by str.find
        assert index.positions(word) == _walk(norms, word), word
    assert index.by_norm is None
    for word in words:  # past SCANS words: the dict
        assert index.positions(word) == _walk(norms, word), word
    assert index.by_norm is not None


def test_norm_index_on_awkward_norms_and_short_blocks(monkeypatch):
    rng = random.Random(8)
    pool = ["a", "b", "ab", "", "ba", "said", "a\0", "."]
    for trial in range(3000):
        monkeypatch.setattr(named_mentions._NormIndex, "BLOCK", rng.choice([1, 2, 3, 64]))
        monkeypatch.setattr(named_mentions._NormIndex, "SCANS", rng.choice([2, 48]))
        norms = [rng.choice(pool if trial % 3 == 0 else pool[:6]) for _ in range(rng.randint(0, 40))]
        index = named_mentions._NormIndex(norms)
        for _ in range(2):
            for word in pool + ["a\0b", "\0"]:
                assert index.positions(word) == _walk(norms, word), (norms, word)


def test_named_mentions_find_the_earlier_fuller_names():
    doc = build_doc(Article("n", NEWS, "test"))
    named = named_mentions.NamedMentions(doc, load_data())
    try:
        found = [(info.name, doc.text[s:e]) for _, info, (s, e) in named.with_word("asif", len(doc.text))]
        assert found and found[0][0] == "Khawaja Asif"
        assert all(name.endswith("Asif") for name, _ in found)
        naqvi = doc.text.index("Naqvi said")
        full, _ = named.fuller_name("Naqvi", naqvi)
        assert full is not None and full[0].name == "Mohsin Naqvi"
    finally:
        named.close()


def test_describe_memo_keeps_its_recent_phrases_when_full(monkeypatch):
    data = load_data()
    doc = build_doc(Article("n", NEWS, "test"))
    memo = speakers._DescribeMemo()
    monkeypatch.setattr(speakers._DescribeMemo, "LIMIT", 8)
    toks = doc.tokens
    phrases = [(k, k + 1) for k in range(0, 40)]
    fresh = {ab: speakers._describe(toks, *ab, doc.text, data, None) for ab in phrases}
    read = []
    real = speakers._describe

    def counted(tokens, a, b, *rest):
        read.append((a, b))
        return real(tokens, a, b, *rest)

    monkeypatch.setattr(speakers, "_describe", counted)
    hot = phrases[0]
    for _ in range(3):
        for ab in phrases:
            assert memo.get(toks, *ab, doc.text, data, None) == fresh[ab]
            assert memo.get(toks, *hot, doc.text, data, None) == fresh[hot]  # asked again and again
            assert len(memo.found) <= 8
    assert read.count(hot) == 1  # read once, kept through every eviction (a clear() lost it)
    assert len(read) > 40  # the others were evicted and read again


def test_content_word_count_matches_its_definition_on_odd_text():
    from framing.attribution.build import _words

    rng = random.Random(8)
    pieces = ["a", "Z", "9", "_", "-", "\u2014", "\u2026", ".", ",", "\u201c", "\u2019", " ", "  ", "\n",
              "\t", "\u2009", "\u00a0", "\u3000", "\x1c", "\x85", "\u00e9", "\u0663", "\u00b2", "\u00bd"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert _words(text) == sum(1 for w in text.split() if any(c.isalnum() for c in w)), repr(text)
