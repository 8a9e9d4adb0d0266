"""The JSON report: one document per story, described by framing/schema/analysis.schema.json.

`schema_version` changes when a field is removed or changes meaning (major) or is added (minor).
Token-level data is left out (it can be rebuilt from the text); every annotation keeps its offsets
into `articles[i].article.text`, so each figure traces back to its span.
"""
from __future__ import annotations

from . import __version__
from .jsonout import to_jsonable
from .model import ArticleAnalysis, StoryAnalysis

SCHEMA_VERSION = "1.1"


def _article(a: ArticleAnalysis) -> dict:
    doc = a.doc
    return {
        "article": to_jsonable(a.article),
        "word_count": doc.word_count,
        "sentence_count": len(doc.sentences),
        "text_layer": {
            "paragraphs": to_jsonable(doc.paragraphs),
            "sentences": [{"start": s.start, "end": s.end, "paragraph": s.paragraph}
                          for s in doc.sentences],
            "quotes": to_jsonable(doc.quotes),
        },
        "findings": to_jsonable(a.findings),
        "attributions": to_jsonable(a.attributions),
        "actor_mentions": to_jsonable(a.actor_mentions),
        "agency": to_jsonable(a.agency),
        "sentence_scores": to_jsonable(a.sentence_scores),
        "summary": to_jsonable(a.summary),
    }


def build_json(result: StoryAnalysis) -> dict:
    """The whole story as plain JSON values, in a fixed key order."""
    story = result.story
    return {
        "schema_version": SCHEMA_VERSION,
        "framing_version": result.version or __version__,
        "story": {"name": story.name, "manifest": story.manifest,
                  "article_count": len(result.analyses)},
        "articles": [_article(a) for a in result.analyses],
        "comparison": to_jsonable(result.comparison),
        "problems": [{"source": p.source, "line": p.line, "message": p.message, "fatal": p.fatal}
                     for p in result.problems],
    }
