"""Agreement figures for a class's marks: Cohen's kappa (a student against the tool, against the
teacher's key) and Krippendorff's alpha (the whole class), from nltk's agreement metrics.

Units are the article's words; a student's answer for a word is 1 (marked) or 0. Every figure comes
with its evidence (the counts it was computed from) and its uncertainty: an approximate 95% interval
for kappa (the large-sample standard error of Cohen 1960), and the number of students and words for
alpha. Where a figure is undefined (nobody marked anything, one student only) it says why instead
of printing a number. nltk needs no downloaded data for these metrics.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field


@dataclass
class Kappa:
    value: float | None
    n: int
    both: int
    only_a: int
    only_b: int
    neither: int
    low: float | None = None
    high: float | None = None
    reason: str = ""  # why value is None

    @property
    def observed(self) -> float:
        return (self.both + self.neither) / self.n if self.n else 0.0

    def text(self) -> str:
        if self.value is None:
            return f"undefined ({self.reason})"
        return f"{self.value:.2f} (95% interval {self.low:.2f} to {self.high:.2f})"


@dataclass
class Alpha:
    value: float | None
    coders: int
    units: int
    marks: int
    reason: str = ""

    def text(self) -> str:
        if self.value is None:
            return f"undefined ({self.reason})"
        return f"{self.value:.2f} ({self.coders} students, {self.units} words)"


def _task(rows):
    from .imports import ensure

    ensure()
    from nltk.metrics.agreement import AnnotationTask

    return AnnotationTask(data=rows)


def cohen_kappa(a: list[int], b: list[int]) -> Kappa:
    """Cohen's kappa of two binary codings of the same units (nltk AnnotationTask.kappa)."""
    if len(a) != len(b):
        raise ValueError("the two codings have different numbers of units")
    n = len(a)
    both = sum(1 for x, y in zip(a, b) if x and y)
    only_a = sum(1 for x, y in zip(a, b) if x and not y)
    only_b = sum(1 for x, y in zip(a, b) if y and not x)
    neither = n - both - only_a - only_b
    k = Kappa(None, n, both, only_a, only_b, neither)
    if n == 0:
        k.reason = "no words"
        return k
    pa, pb = (both + only_a) / n, (both + only_b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    if pe >= 1.0 - 1e-12:
        k.reason = "both marked nothing" if not (both or only_a or only_b) else "both marked every word"
        return k
    rows = [("a", str(i), str(x)) for i, x in enumerate(a)] + [("b", str(i), str(y)) for i, y in enumerate(b)]
    value = float(_task(rows).kappa())
    po = (both + neither) / n
    se = math.sqrt(max(po * (1 - po), 0.0) / (n * (1 - pe) ** 2))
    k.value = value
    k.low, k.high = max(-1.0, value - 1.96 * se), min(1.0, value + 1.96 * se)
    return k


def krippendorff_alpha(codings: list[list[int]]) -> Alpha:
    """Krippendorff's alpha (nominal) of several binary codings of the same units (nltk)."""
    coders = len(codings)
    units = len(codings[0]) if codings else 0
    marks = sum(sum(c) for c in codings)
    out = Alpha(None, coders, units, marks)
    if coders < 2:
        out.reason = "needs at least two students"
        return out
    if units < 2:
        out.reason = "needs more than one item"
        return out
    if marks == 0 or marks == coders * units:
        out.reason = "everyone gave every word the same answer"
        return out
    rows = [(f"c{c}", str(i), str(x)) for c, coding in enumerate(codings) for i, x in enumerate(coding)]
    out.value = float(_task(rows).alpha())
    return out


@dataclass
class ChoiceAgreement:
    """The frame task: one choice per student; agreement is a plain match, with the class spread."""

    counts: dict = field(default_factory=dict)  # label -> students
    total: int = 0
    modal: str = ""
    modal_share: float = 0.0


def choice_spread(choices: list[str]) -> ChoiceAgreement:
    out = ChoiceAgreement()
    for c in choices:
        if c:
            out.counts[c] = out.counts.get(c, 0) + 1
    out.total = sum(out.counts.values())
    if out.total:
        out.modal, n = sorted(out.counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        out.modal_share = n / out.total
    return out
