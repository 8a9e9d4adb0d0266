"""Comparing a story imports none of scikit-learn, scipy, textstat or nltk (issue 11).

Each of them costs a batch worker tens to hundreds of MB and up to a second at start-up, for work
numpy does as well (framing/compare/sparse.py, readability.py). Checked in a fresh interpreter:
the modules loaded before the comparison (the text layer, the stages) are set aside, so the test
says what the comparison itself imports.
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from test_compare_support import ROOT

HEAVY = ("sklearn", "scipy", "textstat", "nltk")

SCRIPT = textwrap.dedent("""
    import json, sys
    HEAVY = {heavy!r}

    def loaded():
        return sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)

    import framing
    from framing.model import ArticleAnalysis
    from framing.text import build_doc
    story = framing.load_story({seeds!r})
    if {stages!r}:
        from framing.api import analyze_article
        from framing.resources import Resources
        resources = Resources()
        analyses = [analyze_article(a, resources) for a in story.articles]
    else:
        resources = None
        analyses = [ArticleAnalysis(article=a, doc=build_doc(a)) for a in story.articles]
    before = loaded()
    from framing.compare import compare_story
    comparison = compare_story(analyses, story, resources)
    assert len(comparison.claims) > 20 and len(comparison.readability) == 5
    print(json.dumps({{"before": before, "after": loaded()}}))
""")


def run(stages: bool) -> dict:
    code = SCRIPT.format(heavy=HEAVY, seeds=str(ROOT / "seeds"), stages=stages)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_comparing_the_seed_story_imports_no_heavy_library():
    got = run(stages=False)
    new = sorted(set(got["after"]) - set(got["before"]))
    assert new == [], f"compare_story imported {new}"
    # and with the text layer alone, none of them is loaded at all
    bad = [m for m in got["after"] if m.split(".")[0] in ("sklearn", "scipy", "textstat")]
    assert bad == [], bad


def test_comparing_analysed_articles_adds_no_heavy_library():
    """With every stage run first (the batch worker's path), the comparison adds none of them,
    whatever the stages themselves may load."""
    got = run(stages=True)
    new = sorted(set(got["after"]) - set(got["before"]))
    assert new == [], f"compare_story imported {new}"
