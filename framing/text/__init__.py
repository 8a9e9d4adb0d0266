"""The text layer: paragraphs, sentences, tokens with offsets, tags, lemmas and quotation regions.

`build_doc(article)` computes it once per article; every stage reads the same `Doc`.
"""
from __future__ import annotations

from ..model import Article, Doc, Sentence, Token
from .normalize import ascii_punct, fold
from .quotes import find_quotes
from .sentences import paragraph_spans, sentence_spans
from .tagging import lemma, tag_words
from .tokenize import span_tokenize

__all__ = ["build_doc", "fold"]


def build_doc(article: Article) -> Doc:
    """Split, tokenise, tag and lemmatise an article's cleaned text."""
    text = article.text
    paragraphs = paragraph_spans(text)
    quotes = find_quotes(text, paragraphs)
    inner = sorted((q.inner_start, q.inner_end) for q in quotes)
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    q_index = 0
    n_inner = len(inner)
    # ascii_punct maps character for character, so slicing the folded text folds each token.
    folded = ascii_punct(text)
    for p_index, para in enumerate(paragraphs):
        for span in sentence_spans(text, para):
            spans = span_tokenize(text, span.start, span.end)
            cased = [folded[s:e] for s, e in spans]
            words = [w.lower() for w in cased]
            tags = tag_words(cased)
            first = len(tokens)
            s_index = len(sentences)
            for (s, e), norm, tag in zip(spans, words, tags):
                while q_index < n_inner and inner[q_index][1] <= s:
                    q_index += 1
                in_quote = q_index < n_inner and any(qs <= s and e <= qe
                                                     for qs, qe in inner[q_index:q_index + 4])
                tokens.append(Token(s, e, text[s:e], norm, tag, lemma(norm, tag), s_index, in_quote))
            sentences.append(Sentence(span.start, span.end, p_index, first, len(tokens)))
    return Doc(article, tuple(paragraphs), tuple(sentences), tuple(tokens), tuple(quotes))
