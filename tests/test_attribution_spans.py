"""The learned content-boundary chooser (framing/attribution/spans.py, model
framing/models/attribution_spans.json) and the analysis-time import rule of the attribution stage.

The chooser moves where a paraphrased content starts and ends (PolNeAR conventions learned on its
train split); it never touches cues, sources or whole quotations.
"""
from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

from test_attribution_helpers import by_cue, content, run

from framing.attribution.data import load_data
from framing.attribution.extract import extract
from framing.attribution.spans import load_span_model, model_from_json
from framing.model import Article
from framing.text import build_doc

ROOT = Path(__file__).resolve().parent.parent


def test_boundary_model_ships_as_plain_json_weights():
    text = resources.files("framing").joinpath("models", "attribution_spans.json").read_text(encoding="utf-8")
    obj = json.loads(text)
    assert obj["manifest"]["trainer"] == "scripts/train_attribution_polnear.py"
    for key in ("weights", "start_weights"):
        assert obj[key] and all(isinstance(w, float) for w in obj[key].values())
    model = model_from_json(obj)
    assert model.logit(["no such feature"]) == 0.0
    assert load_span_model() is not None


def _doc(text: str):
    return build_doc(Article("t", text, "test"))


def test_chooser_moves_only_content_boundaries():
    text = ("Sanders said the party must change its rules in an interview with CNN on Sunday, and his "
            "aides repeated the point. “We will keep fighting,” he told supporters in Oregon. Clinton "
            "urged Congress to pass the bill, which she called overdue.")
    doc = _doc(text)
    data = load_data()
    rules, _ = extract(doc, data, span_model=None)
    learned, _ = extract(doc, data)
    assert [(r.cue, r.source) for r in rules] == [(r.cue, r.source) for r in learned]
    for r, l in zip(rules, learned):
        assert len(r.content) == len(l.content)
        for (s1, e1), (s2, e2) in zip(r.content, l.content):
            # a moved boundary stays inside the cue's sentence, and the content is not emptied
            sent = doc.sentences[r.sentence]
            assert sent.start <= s2 < e2 <= sent.end
    # the whole quotation is left as it is
    quote = by_cue(run(text)[1], "told")
    assert content(doc, quote) == "“We will keep fighting,”"


def test_content_keeps_the_object_of_an_intent_cue():
    # PolNeAR: "urged Congress to pass ..." -> the content is "Congress to pass ..." (the rules
    # alone start at "to")
    doc, atts, _ = run("The senator urged Congress to pass the farm bill before the recess.")
    assert content(doc, by_cue(atts, "urged")).startswith("Congress to pass the farm bill")


def test_content_ends_before_the_setting_of_the_speech():
    doc, atts, _ = run("Former President Bill Clinton criticized the health law as a “crazy system” during a "
                       "campaign stop in Flint, Mich., for his wife.")
    assert content(doc, by_cue(atts, "criticized")) == "the health law as a “crazy system”"


def test_content_runs_on_past_an_appositive_to_the_charge():
    doc, atts, _ = run("Prosecutors charged two developers, John Smith and Mary Jones, with defrauding "
                       "investors from at least 74 countries.")
    assert content(doc, by_cue(atts, "charged")) == \
        "two developers, John Smith and Mary Jones, with defrauding investors from at least 74 countries"


SCRIPT = r"""
import sys
from pathlib import Path
from framing.model import Article
from framing.text import build_doc
from framing.resources import Resources

path = sorted(Path(sys.argv[1]).glob("*.txt"))[0]
doc = build_doc(Article(id=path.stem, text=path.read_text(encoding="utf-8"), outlet="x"))
before = {m for m in ("sklearn", "scipy", "nltk") if m in sys.modules}
from framing.stages import attribution
out = attribution.run(doc, Resources(), {})
assert out["attributions"]
after = {m for m in ("sklearn", "scipy", "nltk") if m in sys.modules}
print(" ".join(sorted(after - before)) or "none")
"""


def test_attribution_stage_imports_no_scikit_learn_scipy_or_nltk():
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT / "seeds")], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split("\n")[-2] == "none"
