"""Dataclasses shared by every layer. This package imports nothing else of ours."""
from .core import Article, Doc, LoadProblem, QuoteRegion, Removal, Sentence, Span, Story, Token
from .analysis import ArticleAnalysis, StoryAnalysis

__all__ = [
    "Article", "ArticleAnalysis", "Doc", "LoadProblem", "QuoteRegion", "Removal", "Sentence", "Span",
    "Story", "StoryAnalysis", "Token",
]
