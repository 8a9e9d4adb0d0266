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


def _seed_docs():
    from framing.ingest import load_story
    return [build_doc(a) for a in load_story(str(ROOT / "seeds")).articles]


def test_fast_scores_are_the_feature_string_sums_exactly():
    # refine_ends scores candidates from per-template weight tables (no feature strings); each
    # score must be the very float that summing the feature strings' weights gives, in the same
    # order, so the chosen ends and starts cannot change
    from framing.attribution.learned import ordered_sum
    from framing.attribution.spans import (_end_scores, _start_scores, _tables, eligible_piece,
                                           groups_of, start_groups)
    model = load_span_model()
    data = load_data()
    end_t, start_t = _tables(model.weights), _tables(model.start_weights)
    n_end = n_start = 0
    for doc in _seed_docs():
        raws, ctx = extract(doc, data, span_model=None)
        for raw in raws:
            piece = eligible_piece(ctx, raw)
            if piece is None:
                continue
            a, b = piece
            hi = ctx.sent_bounds(raw.sentence)[1]
            slow = [(m, span, ordered_sum(map(model.weights.get, f, [0.0] * len(f))))
                    for m, span, f in groups_of(ctx, raw)[3]]
            assert _end_scores(ctx, raw, a, b, hi, end_t) == slow
            slow = [(k, span, ordered_sum(map(model.start_weights.get, f, [0.0] * len(f))))
                    for k, span, f in start_groups(ctx, raw, a, b, hi)]
            assert _start_scores(ctx, raw, a, b, hi, start_t) == slow
            n_end += len(groups_of(ctx, raw)[3])
            n_start += len(slow)
    assert n_end > 50 and n_start > 50


def test_weight_tables_find_values_holding_the_separator():
    from framing.attribution.spans import _tables
    model = model_from_json({"margin": 0.0, "weights": {"b": -1.5, "pn|t=|||and": 0.25,
                                                        "t|nn=a|b|c": 0.5, "t=|": 2.0}})
    t = _tables(model.weights)
    get_b, get_pnt, get_tnn, get_t = t.getters(("b", "pn|t", "t|nn", "t"))
    assert get_b("", 0.0) == -1.5 and get_t("|", 0.0) == 2.0
    assert get_pnt(("|", "|and"), 0.0) == 0.25 and get_pnt(("||", "and"), 0.0) == 0.25
    assert get_tnn(("a", "b|c"), 0.0) == 0.5 and get_tnn(("a|b", "c"), 0.0) == 0.5
    assert get_tnn(("a", "b"), 0.0) == 0.0 and t.getters(("no such",))[0]("x", 0.0) == 0.0


def test_sentence_loop_skips_only_tokens_that_cannot_start_a_cue():
    from framing.attribution.extract import _Ctx, _cue_at
    data = load_data()
    for doc in _seed_docs():
        ctx = _Ctx(doc, data)
        starts = set(ctx.cue_starts)
        for s in range(len(doc.sentences)):
            lo, hi = ctx.sent_bounds(s)
            for i in range(lo, hi):
                if i not in starts:
                    assert _cue_at(ctx, i, hi) is None


def test_content_word_count_is_the_split_words_holding_an_alphanumeric():
    from framing.attribution.build import _words
    for text in ("“We will keep fighting,” he told supporters — in Oregon.",
                 "The $1.2 trillion bill (H.R. 3684) — passed 69-30 … _ - -- ’s",
                 "Prices rose 3½% in São Paulo;\u00a0officials\u2009said ٣ times", "", "  — – ... ",
                 "snake_case __ _x x_"):
        assert _words(text) == sum(1 for w in text.split() if any(c.isalnum() for c in w))


def _seed_token_positions():
    """(ctx, token index, sentence start, sentence end) for every token of the seed articles."""
    from framing.attribution.extract import _Ctx
    data = load_data()
    for doc in _seed_docs():
        ctx = _Ctx(doc, data)
        for s in range(len(doc.sentences)):
            lo, hi = ctx.sent_bounds(s)
            for i in range(lo, hi):
                yield ctx, i, lo, hi


def test_cue_detector_near_score_is_the_feature_string_sum_exactly():
    # the learned cue detector's first (cheap) score comes from weight tables too: it must be the
    # very float that summing the weights of near_features gives
    from framing.attribution.learned import _near_logit, lemma_key, load_cue_model, near_features
    model = load_cue_model()
    n = 0
    for ctx, i, lo, hi in _seed_token_positions():
        slow = model.logit(near_features(ctx.tokens, ctx.inq, i, lo, hi))
        assert _near_logit(model.weights, ctx.tokens, ctx.inq, i, lo, hi,
                           lemma_key(ctx.tokens[i])) == slow
        n += slow != 0.0
    assert n > 1000


def test_cue_detector_context_score_is_the_feature_string_sum_exactly():
    # the learned cue detector's second score (the context features) comes from weight tables too:
    # it must be the very float that summing the weights of context_features gives
    from framing.attribution.learned import _context_logit, context_features, lemma_key, load_cue_model
    model = load_cue_model()
    n = 0
    for ctx, i, lo, hi in _seed_token_positions():
        lem = lemma_key(ctx.tokens[i])
        slow = model.logit(context_features(ctx.tokens, ctx.inq, i, lo, hi, lem))
        assert _context_logit(model.weights, ctx.tokens, ctx.inq, i, lo, hi, lem) == slow
        n += slow != 0.0
    assert n > 1000
