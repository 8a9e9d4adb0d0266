"""CSV exports of a class: everything it holds, and a labels file that `framing train` accepts.

labels.csv (one activity): one row per sentence of the article, `text,label,group,...` as
framing.classify.read_labels expects. A sentence is labelled "biased" when a strict majority of the
students who submitted marked at least one of its words as loaded, else "neutral"; the votes and the
number of students are kept beside the label, so a teacher can pick another threshold in a
spreadsheet. The text column is the article's sentence exactly (training data must not be altered);
the other text columns are guarded against spreadsheet formulas.
"""
from __future__ import annotations

import csv
import io
import time

from ..csvfiles import safe_cell
from .activities import WORD_TASKS, unit_texts

BIASED, NEUTRAL = "biased", "neutral"


def sentence_votes(material: dict, submissions: list[dict]) -> list[tuple[str, int]]:
    """(sentence text, students who marked a loaded word in it), per sentence of the article."""
    text = material["text"]
    unit_sentence = [u[2] for u in material["units"]]
    out = []
    sentences = material["sentences"]
    voters = [set(unit_sentence[u] for u in s["marks"].get("loaded", []) if 0 <= u < len(unit_sentence))
              for s in submissions]
    for j, (start, end) in enumerate(sentences):
        out.append((" ".join(text[start:end].split()), sum(1 for v in voters if j in v)))
    return out


def label_of(votes: int, students: int, min_votes: int | None = None) -> str:
    """biased when at least `min_votes` students marked the sentence (default: a strict majority)."""
    if not students:
        return NEUTRAL
    if min_votes is None:
        return BIASED if 2 * votes > students else NEUTRAL
    return BIASED if votes >= max(1, min_votes) else NEUTRAL


def label_counts(material: dict, submissions: list[dict], min_votes: int | None = None) -> dict[str, int]:
    n = len(submissions)
    out = {BIASED: 0, NEUTRAL: 0}
    for text, votes in sentence_votes(material, submissions):
        if text.strip():
            out[label_of(votes, n, min_votes)] += 1
    return out


def labels_csv(material: dict, submissions: list[dict], klass: dict, activity: dict, min_votes: int | None = None) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["text", "label", "group", "votes", "students", "source_note"])
    n = len(submissions)
    rule = "majority" if min_votes is None else f"at least {min_votes} vote(s)"
    note = safe_cell(f"class {klass['name'] if klass else ''}; activity {activity['title']}; "
                     f"{material['outlet']}; {rule} of {n} student(s)")
    group = f"{material['article_id']}"
    for text, votes in sentence_votes(material, submissions):
        if not text.strip():
            continue
        w.writerow([text, label_of(votes, n, min_votes), group, votes, n, note])
    return buf.getvalue()


EXPORT_COLUMNS = ["class", "activity", "story", "article_id", "outlet", "coder", "coder_kind", "submitted", "task",
                  "unit", "start", "end", "sentence", "text", "tool_says"]


def class_csv(store, klass: dict) -> str:
    """Everything the class holds, one row per mark: students' marks, the key's, and the tool's."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(EXPORT_COLUMNS)
    for act in store.activities(klass["id"]):
        row = store.activity(act["id"])
        material = row["material"]
        texts = unit_texts(material)
        story = store.story(row["story_id"])
        base = [klass["name"], row["title"], story["name"] if story else "", material["article_id"], material["outlet"]]
        coders = [(s["nickname"], "student", s["submitted"], s["marks"]) for s in store.submissions(act["id"])]
        key = store.key(act["id"])
        if key:
            coders.append(("teacher key", "key", key["updated"], key["marks"]))
        tool_marks = {t: sorted(int(u) for u in material["tool"].get(t, {})) for t in WORD_TASKS}
        tool_marks["frame"] = (material.get("tool_frame") or {}).get("label", "")
        coders.append(("framing", "tool", 0.0, tool_marks))
        for name, kind, when, marks in coders:
            stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(when)) if when else ""
            for task in row["tasks"]:
                if task in WORD_TASKS:
                    for u in marks.get(task, []):
                        s, e, sent = material["units"][u]
                        says = material["tool"].get(task, {}).get(str(u), "")
                        w.writerow([safe_cell(str(x)) for x in base + [name, kind, stamp, task, u, s, e, sent, texts[u], says]])
                elif task == "frame" and marks.get("frame"):
                    w.writerow([safe_cell(str(x)) for x in base + [name, kind, stamp, task, "", "", "", "", marks["frame"],
                                                                   (material.get("tool_frame") or {}).get("label", "")]])
    return buf.getvalue()
