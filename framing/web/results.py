"""The figures of one activity: the class heat map, agreement per student and per task, and the
class's prompts. Computed from the stored marks and the activity's frozen material, cached until a
new submission or a new key arrives (the teacher's page polls; kappas for a whole class take a
second or two of nltk time, which must not be paid on every refresh).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from .activities import WORD_TASKS, unit_texts, vector
from .agreement import Alpha, Kappa, choice_spread, cohen_kappa, krippendorff_alpha
from .prompts import class_prompts

TASK_NAMES = {"loaded": "Loaded words", "speaker": "Who is quoted", "cue": "Reporting verbs", "frame": "Main frame"}


@dataclass
class StudentFigures:
    nickname: str
    student_id: str
    submitted: float
    marks: dict
    tool: dict = field(default_factory=dict)  # task -> Kappa
    key: dict = field(default_factory=dict)  # task -> Kappa (when a key exists)
    counts: dict = field(default_factory=dict)  # task -> words marked
    categories: list = field(default_factory=list)  # (category, tool words, of them marked)
    frame: str = ""
    frame_tool: bool | None = None
    frame_key: bool | None = None


@dataclass
class ClassFigures:
    total: int
    counts: dict  # task -> per-unit number of students
    alpha: dict  # task -> Alpha
    frame: object  # ChoiceAgreement
    categories: list  # (category, tool words, mean share of the class marking them)
    prompts: list
    students: list = field(default_factory=list)  # StudentFigures (teacher page only)


def tool_categories(material: dict) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for u, cat in material["tool"].get("loaded", {}).items():
        out.setdefault(cat, []).append(int(u))
    return dict(sorted(out.items()))


def student_figures(material: dict, tasks: list[str], sub: dict, key: dict | None) -> StudentFigures:
    n = len(material["units"])
    marks = sub["marks"]
    f = StudentFigures(sub.get("nickname", ""), sub.get("student_id", ""), sub.get("submitted", 0.0), marks)
    for task in tasks:
        if task in WORD_TASKS:
            mine = vector(marks.get(task, []), n)
            f.counts[task] = sum(mine)
            f.tool[task] = cohen_kappa(mine, vector([int(u) for u in material["tool"].get(task, {})], n))
            if key is not None:
                f.key[task] = cohen_kappa(mine, vector(key.get(task, []), n))
    if "loaded" in tasks:
        mine = set(marks.get("loaded", []))
        f.categories = [(cat, len(us), sum(1 for u in us if u in mine)) for cat, us in tool_categories(material).items()]
    if "frame" in tasks:
        f.frame = marks.get("frame", "")
        tf = (material.get("tool_frame") or {}).get("label")
        f.frame_tool = (f.frame == tf) if tf and f.frame else None
        kf = (key or {}).get("frame")
        f.frame_key = (f.frame == kf) if kf and f.frame else None
    return f


def class_figures(material: dict, tasks: list[str], subs: list[dict], with_students: bool, key: dict | None) -> ClassFigures:
    n = len(material["units"])
    counts, alpha = {}, {}
    for task in tasks:
        if task in WORD_TASKS:
            codings = [vector(s["marks"].get(task, []), n) for s in subs]
            counts[task] = [sum(c[u] for c in codings) for u in range(n)] if codings else [0] * n
            alpha[task] = krippendorff_alpha(codings)
    frame = choice_spread([s["marks"].get("frame", "") for s in subs]) if "frame" in tasks else None
    cats = []
    if "loaded" in tasks and subs:
        for cat, us in tool_categories(material).items():
            share = sum(counts["loaded"][u] for u in us) / (len(us) * len(subs))
            cats.append((cat, len(us), share))
    prompts = []
    if "loaded" in tasks:
        tool_units = {int(u): c for u, c in material["tool"].get("loaded", {}).items()}
        prompts = class_prompts(unit_texts(material), counts["loaded"], len(subs), tool_units)
    out = ClassFigures(len(subs), counts, alpha, frame, cats, prompts)
    if with_students:
        out.students = [student_figures(material, tasks, s, key) for s in subs]
    return out


class ResultsCache:
    """(activity, submissions, key version, with students) -> ClassFigures; a few activities kept."""

    def __init__(self, size: int = 16):
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self.size = size

    def get(self, aid: str, version: tuple, compute):
        k = (aid,) + version
        with self._lock:
            hit = self._items.get(k)
            if hit is not None:
                self._items.move_to_end(k)
                return hit
        value = compute()
        with self._lock:
            self._items[k] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


__all__ = ["Alpha", "ClassFigures", "Kappa", "ResultsCache", "StudentFigures", "TASK_NAMES", "class_figures",
           "student_figures"]
