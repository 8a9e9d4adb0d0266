"""The classify stage on real articles: every sentence scored, with reasons, aggregated by voice."""
from __future__ import annotations

import json
import warnings
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

from framing.api import analyze_article
from framing.classify import (load_models, read_labels, save_model, summarize_outlets, summarize_scores,
                              train_model)
from framing.jsonout import to_jsonable
from framing.model import Article
from framing.resources import Resources
from framing.stages import classify as stage
from framing.stages import lexicon as lexicon_stage

from conftest import make_doc

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "framing" / "schema"


@pytest.fixture(scope="module")
def resources():
    return Resources()


@pytest.fixture(scope="module")
def seed_analyses(resources, seed_paths):
    out = []
    for i, path in enumerate(seed_paths):
        article = Article(id=path.stem, text=path.read_text(encoding="utf-8"), outlet=f"Outlet {i % 2}")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out.append(analyze_article(article, resources, stages=("lexicon", "classify")))
    return out


def validator(ref: str):
    schema = json.loads((SCHEMA_DIR / "classify.schema.json").read_text(encoding="utf-8"))
    registry = Registry().with_resource(schema["$id"], Resource.from_contents(schema))
    return jsonschema.Draft202012Validator({"$ref": schema["$id"] + ref}, registry=registry)


def test_every_sentence_of_every_seed_gets_a_score(seed_analyses):
    assert len(seed_analyses) == 5
    for a in seed_analyses:
        scores = a.sentence_scores
        assert len(scores) == len(a.doc.sentences) > 5
        for i, (s, sent) in enumerate(zip(scores, a.doc.sentences)):
            assert (s.sentence, s.start, s.end) == (i, sent.start, sent.end)
            assert 0.0 <= s.bias_probability <= 1.0 and s.bias_label in ("biased", "neutral")
            assert s.frame and abs(sum(lp.probability for lp in s.frame_distribution) - 1.0) < 1e-6
            assert s.voice in ("narrator", "quote")


def test_predictions_come_with_readable_explanations(seed_analyses):
    scores = [s for a in seed_analyses for s in a.sentence_scores]
    explained = [s for s in scores if s.bias_features and s.frame_features]
    assert len(explained) >= 0.8 * len(scores)
    for s in explained:
        weights = [f.weight for f in s.bias_features]
        assert weights == sorted(weights, reverse=True) and weights[0] > 0
        for f in s.bias_features + s.frame_features:
            assert f.name.startswith(("word: \"", "words: \"", "lexicon: ", "sentiment: ", "subjectivity",
                                      "attribution: "))  # never a letter fragment or stem


def test_diplomatic_story_is_mostly_framed_as_diplomacy(seed_analyses):
    """The seeds report a mediation offer: diplomacy should lead the frame mix of most articles."""
    mains = [a.summary["classify"]["frames"]["main_frame"] for a in seed_analyses]
    assert mains.count("diplomacy") >= 3


def test_a_sentence_is_framed_in_its_article(resources, seed_paths):
    """A sentence's frame is read with its article's (scoring.frames_in_context, session 20):
    a minister's "Iran is a brotherly, friendly country." is `diplomacy` in a story about two
    governments' consultations (alone, the model gave it `security_defence`)."""
    import numpy as np

    from framing.classify.inputs import inputs_from_doc
    from framing.classify.scoring import frames_in_context

    text = next(p for p in seed_paths if p.name.startswith("004_")).read_text(encoding="utf-8")
    doc = make_doc(text)
    out = stage.run(doc, resources, {"findings": lexicon_stage.run(doc, resources, {})["findings"]})
    scores = out["sentence_scores"]
    (praise,) = [s for s in scores if "a brotherly, friendly country" in text[s.start:s.end]]
    assert praise.frame == "diplomacy"
    # The stage's distributions are the model's, each mixed with the article's mean distribution.
    model = resources.models.frame
    own = model.predict_proba(inputs_from_doc(doc, signals=True))
    mixed = frames_in_context(own)
    got = np.array([[lp.probability for lp in s.frame_distribution] for s in scores])
    assert np.allclose(got, mixed) and np.allclose(got.sum(axis=1), 1.0)
    assert [s.frame for s in scores] == [model.labels[c] for c in mixed.argmax(axis=1)]
    assert out["summary"]["classify"]["frames"]["main_frame"] == "diplomacy"
    # Alone, a sentence keeps the model's own distribution.
    alone = make_doc(text[praise.start:praise.end])
    (score,) = stage.run(alone, resources, {})["sentence_scores"]
    assert np.allclose([lp.probability for lp in score.frame_distribution],
                       model.predict_proba(inputs_from_doc(alone, signals=True))[0])
    assert np.array_equal(frames_in_context(own[:1]), own[:1])


def test_loaded_sentence_is_scored_biased_and_says_why(resources):
    doc = make_doc("The regime's thugs brutally crushed the peaceful protest, in a disgraceful display of cruelty.\n"
                   "Police said 14 people were arrested on Saturday.")
    findings = lexicon_stage.run(doc, resources, {})["findings"]
    out = stage.run(doc, resources, {"findings": findings})
    loaded, plain = out["sentence_scores"]
    assert loaded.bias_label == "biased" and loaded.bias_probability > 0.7
    assert plain.bias_label == "neutral" and plain.bias_probability < 0.3
    names = [f.name for f in loaded.bias_features]
    assert any(n in names for n in ('word: "thugs"', 'word: "brutally"', 'word: "disgraceful"',
                                    "lexicon: flagged wording (narrator)"))
    # Every feature names the words behind it, and they are words of this sentence.
    sentence = doc.text[loaded.start:loaded.end].lower().replace("’", "'")
    lexical = [f for f in loaded.bias_features if f.name.startswith(("word", "lexicon"))]
    assert lexical and all(f.words for f in lexical)
    assert all(w.lower().replace("’", "'") in sentence for f in lexical for w in f.words)
    flagged = [f for f in loaded.bias_features if f.name == "lexicon: flagged wording (narrator)"]
    assert not flagged or {"thugs", "brutally"} & {w.lower() for w in flagged[0].words}


def test_a_word_known_only_by_its_stem_is_explained_as_the_word(resources):
    # "radicalised" is not in the bias model's word vocabulary; its letter unit "radic~" is
    # ("radical", "radicals" in training). The explanation credits the unit to the sentence's word.
    # (The word was "radicals" until session 15's training rows brought that word in.)
    model = resources.models.bias
    assert 'word: "radicalised"' not in model.extractor.names_
    assert 'stem: "radic~"' in model.extractor.names_
    doc = make_doc("Protesters said the radicalised crowd behaved outrageously at the hearing.")
    findings = lexicon_stage.run(doc, resources, {})["findings"]
    (score,) = stage.run(doc, resources, {"findings": findings})["sentence_scores"]
    assert score.bias_label == "biased"
    shown = {f.name: f for f in score.bias_features}
    assert 'word: "radicalised"' in shown and shown['word: "radicalised"'].words == ("radicalised",)
    assert shown['word: "radicalised"'].weight > 0
    assert not any(n.startswith(("stem: ", "letters: ")) for n in shown)


def test_stage_works_without_findings_and_separates_voices(resources):
    doc = make_doc("“These cowards will pay for every drop of blood they spilled,” the minister said.\n"
                   "The minister spoke to reporters in the capital on Tuesday.")
    out = stage.run(doc, resources, {})  # no lexicon stage ran: the adapter sees no findings
    quoted, narrated = out["sentence_scores"]
    assert quoted.voice == "quote" and quoted.quote_share > 0.5
    assert narrated.voice == "narrator" and narrated.quote_share == 0.0
    summary = out["summary"]["classify"]
    assert summary["quote_sentences"] == 1 and summary["narrator_sentences"] == 1
    assert summary["bias"]["quote_biased_share"] == (1.0 if quoted.bias_label == "biased" else 0.0)
    assert summary["bias"]["narrator_biased_share"] == (1.0 if narrated.bias_label == "biased" else 0.0)


def test_json_output_matches_the_schema(seed_analyses):
    scores_v = validator("")
    summary_v = validator("#/$defs/summary")
    outlet_v = validator("#/$defs/outlet_summary")
    for a in seed_analyses:
        for s in a.sentence_scores:
            scores_v.validate(to_jsonable(s))
        summary_v.validate(to_jsonable(a.summary["classify"]))
    for summary in summarize_outlets(seed_analyses).values():
        outlet_v.validate(to_jsonable(summary))


def test_outlet_aggregate_pools_the_articles_of_each_outlet(seed_analyses):
    by_outlet = summarize_outlets(seed_analyses)
    assert sorted(by_outlet) == ["Outlet 0", "Outlet 1"]
    assert by_outlet["Outlet 0"]["articles"] == 3 and by_outlet["Outlet 1"]["articles"] == 2
    pooled = [s for a in seed_analyses if a.article.outlet == "Outlet 1" for s in a.sentence_scores]
    assert by_outlet["Outlet 1"] == {"articles": 2, **summarize_scores(pooled)}
    biased = sum(1 for s in pooled if s.bias_probability >= 0.5)
    assert by_outlet["Outlet 1"]["bias"]["biased_sentences"] == biased
    dist = by_outlet["Outlet 1"]["frames"]["distribution"]
    assert abs(sum(dist.values()) - 1.0) < 1e-5


def test_user_models_replace_or_join_the_defaults(tmp_path, resources):
    data = read_labels(ROOT / "data" / "labels" / "frames.csv")
    keep = [i for i, lab in enumerate(data.labels) if lab in ("economic", "conflict")]
    tone = train_model([data.texts[i] for i in keep], [data.labels[i] for i in keep], "econ-vs-conflict",
                       resources=resources, folds=2)
    path = save_model(tone, tmp_path / "tone.json")
    models = load_models(str(path))
    assert models.bias is not None and models.frame is not None
    assert [m.task for m in models.other] == ["econ-vs-conflict"]
    doc = make_doc("Fuel prices doubled, and transport companies raised their fares.")
    res = stage.run(doc, _With(resources, models), {})
    (score,) = res["sentence_scores"]
    assert score.other[0].task == "econ-vs-conflict" and score.other[0].label == "economic"
    assert res["summary"]["classify"]["other_tasks"] == {"econ-vs-conflict": {"economic": 1.0}}
    # A user bias model takes over the bias task.
    bias_path = save_model(models.bias, tmp_path / "my_bias.json")
    replaced = load_models([str(bias_path)])
    assert replaced.bias.location == str(bias_path)
    assert any("replaced by" in n for n in replaced.notes)


def test_summary_notes_a_model_trained_with_another_lexicon(resources):
    models = load_models()
    models.bias.manifest = dict(models.bias.manifest, lexicon="0000000000000000")
    res = stage.run(make_doc("The talks resumed on Monday."), _With(resources, models), {})
    assert any("trained with lexicon 0000000000000000" in n for n in res["summary"]["classify"]["notes"])


def test_no_models_means_no_scores_but_a_valid_summary():
    res = stage.run(make_doc("The talks resumed on Monday."), _With(None, None), {})
    assert res["sentence_scores"] == ()
    validator("#/$defs/summary").validate(to_jsonable(res["summary"]["classify"]))


class _With:
    """Resources stand-in carrying a given lexicon and models (the stage only reads these two)."""

    def __init__(self, resources, models):
        self.lexicon = resources.lexicon if resources is not None else None
        self.models = models
