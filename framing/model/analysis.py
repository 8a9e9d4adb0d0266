"""The result of analysing one article: the text layer plus one tuple of annotations per stage.

Stages fill the fields they own; a field stays empty when its stage did not run. Renderers and the
comparison read this object, never a stage's internals.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .core import Article, Doc


@dataclass(frozen=True)
class ArticleAnalysis:
    article: Article
    doc: Doc
    findings: tuple = ()  # lexicon stage: framing.model.findings.Finding
    attributions: tuple = ()  # attribution stage: framing.model.attribution.Attribution
    actor_mentions: tuple = ()  # actors stage: framing.model.actors.ActorMention
    agency: tuple = ()  # actors stage: framing.model.actors.AgencyEvent
    sentence_scores: tuple = ()  # classify stage: framing.model.classify.SentenceScore
    summary: dict = field(default_factory=dict, hash=False, compare=False)  # per-stage aggregates


@dataclass(frozen=True)
class StoryAnalysis:
    """A whole story: each article's analysis, the cross-outlet comparison, and what went wrong."""

    story: object  # framing.model.Story
    analyses: tuple[ArticleAnalysis, ...]
    comparison: object = None  # framing.model.comparison.StoryComparison, when compared
    problems: tuple = ()  # LoadProblem: inputs skipped on load and stage failures
    version: str = ""
