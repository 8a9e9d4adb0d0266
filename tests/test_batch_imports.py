"""A batch worker analyses and compares a story without importing nltk, scikit-learn, scipy,
textblob or textstat (issue 11): `import nltk` alone is ~190 MB and over a second per process, and
scikit-learn and scipy as much again. Only the story-grouping step, a separate process, may use
scikit-learn."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, SEEDS

_WORKER = """
import hashlib, json, sys
from pathlib import Path
from framing.batch.work import analyse_story
articles = []
for i, path in enumerate(sys.argv[1:]):
    text = Path(path).read_text(encoding="utf-8")
    articles.append({"uid": f"u{i}", "source": path, "line": 0, "text": text, "outlet": f"Outlet {i}",
                     "title": "", "date": "", "url": "", "notes": "[]",
                     "text_hash": hashlib.sha256(text.encode()).hexdigest()[:16]})
out = analyse_story({"story_id": "s", "name": "seed story", "articles": articles, "analyzer": "test",
                     "stages": ["lexicon", "attribution", "actors", "classify"], "compare": True,
                     "reports": [], "settings": {}})
print(json.dumps({"ok": [a["ok"] for a in out["articles"]],
                  "rows": sum(len(r) for a in out["articles"] if a["ok"] for r in a["rows"].values()),
                  "compared": out["comparison"] is not None and out["comparison"]["data"] is not None,
                  "loaded": sorted(m for m in ("nltk", "sklearn", "scipy", "textblob", "textstat")
                                   if m in sys.modules)}))
"""


def test_a_worker_analyses_and_compares_without_heavy_imports():
    seeds = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    out = subprocess.run([sys.executable, "-c", _WORKER, *seeds], capture_output=True, text=True,
                         cwd=ROOT, check=True, timeout=300)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["ok"] == [True] * len(seeds) and result["rows"] > 100 and result["compared"]
    assert result["loaded"] == []
