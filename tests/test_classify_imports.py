"""Scoring sentences imports neither scikit-learn nor scipy (issue 11: worker memory and start-up).

Each costs a batch worker tens to hundreds of MB and up to a second to import; the classifier
needs them only to train. Checked in a fresh interpreter, since this test process has imported
them already (other tests train models).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import sys
from pathlib import Path
from framing.api import analyze_article
from framing.model import Article
from framing.resources import Resources

resources = Resources().warm()
path = sorted(Path(sys.argv[1]).glob("*.txt"))[0]
analysis = analyze_article(Article(id=path.stem, text=path.read_text(encoding="utf-8"), outlet="x"),
                           resources)
scores = analysis.sentence_scores
assert len(scores) == len(analysis.doc.sentences) > 5
assert all(s.bias_label and s.frame for s in scores)
assert any(s.bias_features for s in scores)
print(" ".join(sorted(m for m in ("sklearn", "scipy") if m in sys.modules)) or "none")
"""


def test_analysing_an_article_imports_neither_scikit_learn_nor_scipy():
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT / "seeds")], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split("\n")[-2] == "none"
