"""The text layer: paragraphs, sentences, tokens with offsets, tags, lemmas and quotation regions.

`build_doc(article)` computes it once per article; every stage reads the same `Doc`.
"""
from __future__ import annotations

from itertools import repeat

from ..model import Article, Doc, Sentence, Token
from .normalize import ascii_punct, fold  # noqa: F401
from .quotes import find_quotes
from .sentences import paragraph_spans, sentence_spans
from .records import make_token
from .tagging import lemma, tag_article, tag_words  # noqa: F401
from .tokenize import span_tokenize, tokens_in  # noqa: F401

__all__ = ["build_doc", "fold"]


def build_doc(article: Article) -> Doc:
    """Split, tokenise, tag and lemmatise an article's cleaned text.

    Sentences are split and tokenised one by one; tagging, lemmas and Token records are then made
    for the whole article at once with whole-list operations (memo lookups through `map`, `zip`),
    so the per-token Python work is little more than building the Token itself.
    """
    text = article.text
    paragraphs = paragraph_spans(text)
    quotes = find_quotes(text, paragraphs)
    sentences: list[Sentence] = []
    starts: list[int] = []
    ends: list[int] = []
    forms: list[str] = []
    bounds: list[tuple[int, int]] = []
    sentence_of: list[int] = []
    for p_index, para in enumerate(paragraphs):
        for span in sentence_spans(text, para):
            s_starts, s_ends, s_forms = tokens_in(text, span.start, span.end)
            lo = len(forms)
            starts += s_starts
            ends += s_ends
            forms += s_forms
            hi = len(forms)
            sentence_of += repeat(len(sentences), hi - lo)
            bounds.append((lo, hi))
            sentences.append(Sentence(span.start, span.end, p_index, lo, hi))
    norms, tags, lemmas = tag_article(forms, bounds)
    in_quote = _in_quote(quotes, sentences, starts, ends)
    tokens = tuple(map(make_token, starts, ends, forms, norms, tags, lemmas, sentence_of, in_quote))
    return Doc(article, tuple(paragraphs), tuple(sentences), tokens, tuple(quotes))


def _in_quote(quotes, sentences, starts, ends) -> list[bool]:
    """Whether each token lies inside a quotation region's inner text.

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
