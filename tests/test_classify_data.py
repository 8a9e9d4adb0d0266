"""The project's labelled data: documented counts match the files; labels and groups are sound."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from framing.classify import read_labels

LABELS = Path(__file__).resolve().parent.parent / "data" / "labels"
FRAMES = {"conflict", "security_defence", "diplomacy", "legality", "political", "economic",
          "responsibility", "morality", "human_interest", "health_safety", "other"}


def documented_counts() -> dict[tuple[str, str], int]:
    text = (LABELS / "GUIDELINES.md").read_text(encoding="utf-8")
    section = text.split("## Counts per label", 1)[1].split("\n## ", 1)[0]
    return {(task, label): int(n) for task, label, n in
            re.findall(r"^\| (bias|frame) \| (\w+) \| (\d+) \|$", section, flags=re.M)}


def test_guidelines_counts_match_the_files():
    bias = read_labels(LABELS / "bias.csv")
    frames = read_labels(LABELS / "frames.csv")
    actual = {("bias", k): v for k, v in bias.counts().items()}
    actual.update({("frame", k): v for k, v in frames.counts().items()})
    assert documented_counts() == actual
    table = (LABELS / "GUIDELINES.md").read_text(encoding="utf-8")
    assert f"| `bias.csv` | `bias` | {len(bias.texts)} |" in table
    assert f"| `frames.csv` | `frame` | {len(frames.texts)} |" in table


def test_every_documented_frame_is_used_and_defined():
    frames = read_labels(LABELS / "frames.csv")
    assert set(frames.labels) == FRAMES
    guide = (LABELS / "GUIDELINES.md").read_text(encoding="utf-8")
    for label in FRAMES:
        assert f"| `{label}` |" in guide


def test_bias_pairs_hold_both_labels_and_sentences_are_unique():
    bias = read_labels(LABELS / "bias.csv")
    by_group: dict[str, set] = {}
    for g, lab in zip(bias.groups, bias.labels):
        by_group.setdefault(g, set()).add(lab)
    pairs = {g: labs for g, labs in by_group.items() if g[0] in "pl"}
    assert len(pairs) >= 400 and all(labs == {"biased", "neutral"} for labs in pairs.values())
    for path in ("bias.csv", "frames.csv"):
        texts = read_labels(LABELS / path).texts
        dupes = [t for t, n in Counter(texts).items() if n > 1]
        assert not dupes, dupes[:3]


def test_topics_are_diverse_not_only_the_seed_story():
    import csv

    for name in ("bias.csv", "frames.csv"):
        with open(LABELS / name, encoding="utf-8", newline="") as f:
            topics = Counter(r["source_note"] for r in csv.DictReader(f))
        assert len(topics) >= 20
        assert topics["south-asia"] / sum(topics.values()) < 0.2


def test_bias_data_has_long_sentences_like_real_news():
    """Real news sentences run to about 32 words with one cue among many plain words (BABE);
    sentences of 14 words taught the model to lean to "biased" on long ones. Both labels need
    long examples: long minimal pairs and long standalone neutral sentences (session 14)."""
    bias = read_labels(LABELS / "bias.csv")
    long = Counter(lab for t, lab in zip(bias.texts, bias.labels) if len(t.split()) >= 20)
    assert long["biased"] >= 240 and long["neutral"] >= 700
    long_pairs = {g for g, t in zip(bias.groups, bias.texts) if g.startswith("l") and len(t.split()) >= 20}
    assert len(long_pairs) >= 250


def test_some_neutral_sentences_hold_words_the_lexicon_flags():
    """A flagged word does not make a sentence biased by itself: 'militants', 'contempt of court',
    'the worst flooding since 1927', 'prices have fallen' are plain reporting. Without such neutral
    sentences (7% of them before session 14) the model learned that any flag means biased. (11% in
    session 15: the lexicon's sense rules now read some of them, "prices have fallen", as the
    plain sense the sentence uses, and 100 short neutral lines joined the data.)"""
    from framing.classify.inputs import FLAGGED, inputs_from_texts
    from framing.resources import Resources

    bias = read_labels(LABELS / "bias.csv")
    neutral = [t for t, lab in zip(bias.texts, bias.labels) if lab == "neutral"]
    inputs = inputs_from_texts(neutral, Resources())
    flagged = sum(1 for i in inputs if any(key[0] == FLAGGED for key in i.lexicon))
    assert flagged / len(neutral) >= 0.10


def test_shipped_bias_model_reads_page_furniture_and_short_plain_lines_as_neutral():
    """Real short lines of AllSides pages (records 1000-1099, a development range): furniture and
    a plain remark were called biased (0.55-0.59) before session 15's short training rows; short
    loaded lines stay biased."""
    from framing.classify import inputs_from_texts, load_default_model
    from framing.resources import Resources

    model = load_default_model("bias")
    plain = ["Story Continued Below", "READ MORE:", "Reuters went further."]
    loaded = ["Disgraceful.", "This is absurdity.", "That just makes no sense."]
    p = model.predict_proba(inputs_from_texts(plain + loaded, Resources()))[:, model.labels.index("biased")]
    assert all(x < 0.5 for x in p[:3]), p
    assert all(x > 0.5 for x in p[3:]), p


def test_bias_data_has_short_lines_of_both_labels():
    """Real pages hold many short lines (quotes, furniture); session 15 added short rows of both
    labels so that the short neutral ones do not move the model's level."""
    bias = read_labels(LABELS / "bias.csv")
    short = Counter(lab for t, lab in zip(bias.texts, bias.labels) if len(t.split()) <= 6)
    assert short["neutral"] >= 120 and short["biased"] >= 60
