"""The text layer: paragraphs, sentences, tokens with offsets, tags, lemmas and quotation regions.

`build_doc(article)` computes it once per article; every stage reads the same `Doc`.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import repeat
from operator import itemgetter

from ..model import Article, Doc, Sentence, Token
from .columns import seed as _seed_columns
from .normalize import ascii_punct, fold  # noqa: F401
from .posts import find_posts
from .quotes import find_quotes
from .sentences import paragraph_spans, sentence_bounds, sentence_spans  # noqa: F401
from .records import make_sentence, make_token
from .tagging import lemma, tag_article, tag_article_words, tag_words  # noqa: F401
from .tokenize import span_tokenize, tokens_in, tokens_of_sentences  # noqa: F401

__all__ = ["build_doc", "fold"]


def build_doc(article: Article) -> Doc:
    """Split, tokenise, tag and lemmatise an article's cleaned text.

    Sentences are split paragraph by paragraph, then tokenised all at once (see
    `tokens_of_sentences`); tagging, lemmas and Token records are then made for the whole
    article at once with whole-list operations (memo lookups through `map`, `zip`),
    so the per-token Python work is little more than building the Token itself.
    """
    text = article.text
    paragraphs = paragraph_spans(text)
    quotes = find_quotes(text, paragraphs, find_posts(text, paragraphs))
    sent_starts: list[int] = []
    sent_ends: list[int] = []
    sent_paras: list[int] = []
    for p_index, para in enumerate(paragraphs):
        found = sentence_bounds(text, para.start, para.end)
        sent_starts += map(itemgetter(0), found)
        sent_ends += map(itemgetter(1), found)
        sent_paras += repeat(p_index, len(found))
    starts, ends, forms = tokens_of_sentences(text, sent_starts, sent_ends)
    # Sentence k holds the tokens from the first one starting at or after its start to the
    # first one of sentence k + 1 (no token lies outside a sentence).
    los = list(map(bisect_left, repeat(starts), sent_starts))
    his = los[1:] + [len(forms)]
    bounds = list(zip(los, his))
    sentences = list(map(make_sentence, sent_starts, sent_ends, sent_paras, los, his))
    sentence_of: list[int] = []
    for index, (lo, hi) in enumerate(bounds):
        sentence_of += repeat(index, hi - lo)
    norms, tags, lemmas, is_word = tag_article_words(forms, bounds)
    in_quote = _in_quote(quotes, sentences, starts, ends)
    tokens = tuple(map(make_token, starts, ends, forms, norms, tags, lemmas, sentence_of, in_quote))
    doc = Doc(article, tuple(paragraphs), tuple(sentences), tokens, tuple(quotes))
    # The stages' shared token columns are these very lists (framing.text.columns).
    _seed_columns(doc, forms, list(norms), lemmas, tags, is_word, starts, ends, in_quote)
    return doc


def _in_quote(quotes, sentences, starts, ends) -> list[bool]:
    """Whether each token lies inside a quotation region's inner text: `_in_quote_reference`,
    region by region instead of token by token.

    The reference looks for token t (start s, end e) in the region k that comes first (regions
    sorted by inner start) among those not ended by s, and in the 3 after it. So region k is
    the one looked at for the starts in [M, end_k), M the largest end before k; the tokens there
    that start inside it, s >= start_k, are a run of token indices (starts and ends ascend), all
    flagged except those ending past end_k: only the one crossing end_k can, and it is checked
    against the next 3 regions as the reference does.
    """
    inner = sorted((q.inner_start, q.inner_end) for q in quotes)
    flags = [False] * len(starts)
    reach = 0  # the largest end of the regions before k
    for k, (qs, qe) in enumerate(inner):
        lo = max(reach, qs)
        reach = max(reach, qe)
        if lo >= qe:
            continue
        a = bisect_left(starts, lo)
        b = bisect_left(starts, qe, a)
        c = bisect_right(ends, qe, a, b)
        flags[a:c] = repeat(True, c - a)
        for t in range(c, b):
            s, e = starts[t], ends[t]
            flags[t] = any(qs2 <= s and e <= qe2 for qs2, qe2 in inner[k + 1:k + 4])
    return flags


def _in_quote_reference(quotes, sentences, starts, ends) -> list[bool]:
    """The token-by-token definition `_in_quote` must equal (tested): whether each token lies
    inside a quotation region's inner text.

    A token is looked for only in the (up to 4) regions, sorted by start, from the first one that
    has not ended before the token. When that region starts after a sentence, no token of the
    sentence can be inside one, and the sentence is skipped whole.
    """
    inner = sorted((q.inner_start, q.inner_end) for q in quotes)
    flags = [False] * len(starts)
    q_index = 0
    n_inner = len(inner)
    for sent in sentences:
        if q_index >= n_inner:
            break
        if inner[q_index][0] >= sent.end:
            continue
        for t in range(sent.token_start, sent.token_end):
            s = starts[t]
            while q_index < n_inner and inner[q_index][1] <= s:
                q_index += 1
            if q_index >= n_inner:
                break
            qs, qe = inner[q_index]
            if qs <= s:
                e = ends[t]
                flags[t] = e <= qe or any(
                    qs2 <= s and e <= qe2 for qs2, qe2 in inner[q_index + 1:q_index + 4])
    return flags
