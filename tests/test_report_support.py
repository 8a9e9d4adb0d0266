"""Stories for the report tests (no tests here): the seeds through the real pipeline, and a hostile
story whose every text field tries to break out of its HTML, Markdown, CSV or terminal context.

The seeds run through every stage that exists in this tree (framing.stages.*) and the comparison
when framing.compare is importable, so the report is tested on what the real pipeline produces.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from framing.model import Article, Story, StoryAnalysis
from framing.text import build_doc

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

HOSTILE = '<script>alert("x")</script>'
BREAKOUT = '" onmouseover="alert(1)" x="'
CONTROL = "\x1b[31mRED\x1b[0m"
FORMULA = "=HYPERLINK(\"http://evil.invalid\")"


def available_stages() -> tuple[str, ...]:
    from framing.api import STAGES

    out = []
    for name in STAGES:
        try:
            importlib.import_module(f"framing.stages.{name}")
        except ImportError:
            continue
        out.append(name)
    return tuple(out)


def compare_available() -> bool:
    try:
        from framing.compare import compare_story  # noqa: F401
    except ImportError:
        return False
    return True


def load_seed_story() -> Story:
    """The seeds story, through the project's loader when it exists, else plain files."""
    try:
        import framing

        story = framing.load_story(str(SEEDS))
        if story.articles:
            return story
    except (ImportError, AttributeError):
        pass
    articles = []
    for i, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        articles.append(Article(id=path.stem, text=path.read_text(encoding="utf-8"), outlet=f"Outlet {i + 1}",
                                title=path.stem, source=str(path)))
    return Story("seeds", tuple(articles))


@lru_cache(maxsize=1)
def seed_result() -> StoryAnalysis:
    from framing.api import analyze

    return analyze(load_seed_story(), stages=available_stages(), compare=compare_available())


@lru_cache(maxsize=1)
def bare_result() -> StoryAnalysis:
    """The seeds with no stage and no comparison: every section must say "not available"."""
    from framing.api import analyze

    return analyze(load_seed_story(), stages=(), compare=False)


# ---- a hostile story --------------------------------------------------------------------------
@dataclass(frozen=True)
class FakeFinding:
    """The fields the report reads from a lexicon finding (used when the lexicon model is absent)."""

    start: int
    end: int
    term: str
    category: str
    explanation: str
    alternative: str
    voice: str = "narrator"
    polarity: int = -1
    strength: int = 2


def _finding(text: str, word: str, category: str, explanation: str, alternative: str, voice="narrator"):
    start = text.index(word)
    try:
        from framing.model.findings import Finding  # the lexicon helper's model, when it exists

        fields = Finding.__dataclass_fields__
        values = dict(start=start, end=start + len(word), text=word, term=word.lower(), category=category,
                      polarity=-1, strength=2, explanation=explanation, alternative=alternative,
                      voice="quoted" if voice == "quote" else voice)
        kwargs = {k: v for k, v in values.items() if k in fields}
        for name, f in fields.items():
            if name not in kwargs and f.default is f.default_factory:  # required field we did not set
                raise TypeError(name)
        return Finding(**kwargs)
    except Exception:
        return FakeFinding(start, start + len(word), word.lower(), category, explanation, alternative, voice)


def hostile_result() -> StoryAnalysis:
    """Two articles whose text, outlet, title, speaker names and lexicon explanations are hostile."""
    from framing.model.attribution import Attribution
    from framing.model.core import Span

    text1 = (f"The regime {HOSTILE} attacked the village.\n"
             f"Officials {BREAKOUT} said the strike was “unprovoked” and {CONTROL} deadly.\n"
             f"A spokesman claimed {FORMULA} nothing happened.\n")
    text2 = "The government said talks would resume on Tuesday.\nNo one was hurt, officials said.\n"
    a1 = Article(id="h1", text=text1, outlet=f"Evil {HOSTILE} News {BREAKOUT}",
                 title=f"Title {HOSTILE} {BREAKOUT}", date="2025-10-20", url="javascript:alert(1)")
    a2 = Article(id="h2", text=text2, outlet=FORMULA, title="Plain title", date="2025-10-21")
    d1, d2 = build_doc(a1), build_doc(a2)
    f1 = (_finding(text1, "regime", "label", f"Explanation {HOSTILE}{BREAKOUT}", f"government {HOSTILE}"),
          _finding(text1, "unprovoked", "initiator", "Casts one side as the starter", "", voice="quote"),
          _finding(text1, "claimed", "reporting_distancing", "Casts doubt", "said"))
    cue = text1.index("said")
    content_start = text1.index("the strike")
    content_end = text1.index(" deadly") + len(" deadly")
    speaker_start = text1.index("Officials")
    att = Attribution(source=Span(speaker_start, speaker_start + len("Officials")),
                      source_text="Officials", speaker=f"Speaker {HOSTILE} {BREAKOUT}", speaker_id=0,
                      speaker_span=None, role="government", title="", affiliation=f"Side {HOSTILE}",
                      anonymous=False, cue=Span(cue, cue + 4), cue_text="said", cue_lemma="say",
                      cue_class="neutral", cue_type="speech", content=(Span(content_start, content_end),),
                      content_text=text1[content_start:content_end],
                      content_words=len(text1[content_start:content_end].split()), kind="indirect",
                      sentence=1)
    from framing.model import ArticleAnalysis

    an1 = ArticleAnalysis(article=a1, doc=d1, findings=f1, attributions=(att,))
    an2 = ArticleAnalysis(article=a2, doc=d2)
    story = Story(f"Story {HOSTILE}", (a1, a2))
    return StoryAnalysis(story=story, analyses=(an1, an2), comparison=None, problems=(), version="test")
