"""The Python API every shell (CLI, batch runner, web app) calls: analyse articles and stories.

    story = framing.load_story("seeds/")
    result = framing.analyze(story)        # StoryAnalysis

One article's analysis depends only on the article and the loaded resources, so it can run in a
worker process; only `compare` needs the story's articles together.
"""
from __future__ import annotations

import importlib
import logging

from . import __version__
from .model import Article, ArticleAnalysis, LoadProblem, Story, StoryAnalysis
from .resources import Resources
from .text import build_doc

log = logging.getLogger(__name__)

#: Stages in the order they run; each may read the fields filled by the ones before it.
STAGES = ("lexicon", "attribution", "actors", "classify")


def _stage(name: str):
    return importlib.import_module(f"framing.stages.{name}")


def analyze_article(article: Article, resources: Resources | None = None,
                    stages: tuple[str, ...] = STAGES) -> ArticleAnalysis:
    """Build the text layer of one article and run the stages over it."""
    resources = resources or Resources()
    doc = build_doc(article)
    fields: dict = {}
    summary: dict = {}
    for name in stages:
        out = dict(_stage(name).run(doc, resources, dict(fields)))
        summary.update(out.pop("summary", {}))
        fields.update(out)
    return ArticleAnalysis(article=article, doc=doc, summary=summary, **fields)


def analyze(story: Story, resources: Resources | None = None, stages: tuple[str, ...] = STAGES,
            compare: bool = True) -> StoryAnalysis:
    """Analyse every article of a story, then compare them.

    An article whose analysis fails is reported as a problem and left out; the others go on.
    """
    resources = resources or Resources()
    analyses: list[ArticleAnalysis] = []
    problems: list[LoadProblem] = list(story.problems)
    for article in story.articles:
        try:
            analyses.append(analyze_article(article, resources, stages))
        except Exception as exc:  # one broken article must not stop the story
            log.debug("analysis failed for %s", article.source, exc_info=True)
            problems.append(LoadProblem(article.source or article.id,
                                        f"analysis failed: {type(exc).__name__}: {exc}"))
    comparison = None
    if compare and analyses:
        from .compare import compare_story

        comparison = compare_story(analyses, story, resources)
    return StoryAnalysis(story=story, analyses=tuple(analyses), comparison=comparison,
                         problems=tuple(problems), version=__version__)
