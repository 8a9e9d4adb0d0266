"""Read a labels file (CSV: text,label[,group][,source_note]...) and say exactly what is wrong with it.

Every problem names the line of the file it is on, so a teacher can fix a class's export in a
spreadsheet: a missing column, an empty text or label, a label used only once, bytes that are not
UTF-8, an unclosed quotation mark. Extra columns are kept and ignored. A tab- or semicolon-separated
file is accepted too (spreadsheets in many countries save those as "CSV").
"""
from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..csvfiles import sniff_delimiter

MAX_PROBLEMS = 20
MAX_LABELS_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True)
class LabelProblem:
    line: int  # 1-based line of the file (0: the file as a whole)
    message: str


class LabelsFileError(ValueError):
    """A labels file that cannot be used; `problems` lists each one with its line."""

    def __init__(self, path: str, problems: list[LabelProblem]):
        self.path = str(path)
        self.problems = list(problems)
        super().__init__("\n".join(self.lines()))

    def __reduce__(self):  # pickled as its arguments (the default would pass the message)
        return type(self), (self.path, self.problems)

    def lines(self) -> list[str]:
        return [f"{self.path}:{p.line}: {p.message}" if p.line else f"{self.path}: {p.message}"
                for p in self.problems]


@dataclass
class LabelledData:
    texts: list[str]
    labels: list[str]
    groups: list[str] | None  # from a `group` column (e.g. an article id), else None
    lines: list[int]  # the line each example starts on
    path: str = ""
    warnings: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        c = Counter(self.labels)
        return {lab: c[lab] for lab in sorted(c)}


def _decode(data: bytes, path: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise LabelsFileError(path, [LabelProblem(0, "not valid UTF-16 text")]) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise LabelsFileError(path, [LabelProblem(
            line, f"bytes that are not UTF-8 (byte {e.start + 1} of the file); save the file as "
                  "UTF-8 ('CSV UTF-8' in a spreadsheet)")]) from None


def read_labels(path, text_column: str = "text", label_column: str = "label",
                group_column: str = "group") -> LabelledData:
    """Read and validate a labels file; raise LabelsFileError listing every problem found."""
    where = str(path)
    p = Path(path)
    try:
        if p.stat().st_size > MAX_LABELS_BYTES:
            raise LabelsFileError(where, [LabelProblem(0, "file larger than 100 MB")])
        data = p.read_bytes()
    except OSError as e:
        raise LabelsFileError(where, [LabelProblem(0, f"cannot read: {e.strerror or e}")]) from None
    text = _decode(data, where)
    if "\x00" in text:
        line = text[:text.index("\x00")].count("\n") + 1
        raise LabelsFileError(where, [LabelProblem(line, "contains a NUL byte: this is not a text file")])
    if not text.strip():
        raise LabelsFileError(where, [LabelProblem(0, "the file is empty; expected a header line "
                                                      f"'{text_column},{label_column}' and one row per example")])
    first_line = text.splitlines()[0] if text.splitlines() else ""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first_line), strict=True)
    problems: list[LabelProblem] = []
    try:
        header = next(reader)
    except csv.Error as e:
        raise LabelsFileError(where, [LabelProblem(1, f"unreadable header ({e})")]) from None
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    missing = [c for c in (text_column, label_column) if c.lower() not in names]
    if missing:
        found = ", ".join(repr(h) for h in header) or "nothing"
        raise LabelsFileError(where, [LabelProblem(1, f"missing column {', '.join(repr(m) for m in missing)} "
                                                      f"in the header (found {found})")])
    ti, li = names.index(text_column.lower()), names.index(label_column.lower())
    gi = names.index(group_column.lower()) if group_column and group_column.lower() in names else None
    texts, labels, groups, lines = [], [], [], []
    label_lines: dict[str, list[int]] = defaultdict(list)
    line = reader.line_num + 1
    while True:
        start = line
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            problems.append(LabelProblem(start, f"cannot parse this row ({e}); check for an unclosed "
                                                'quotation mark " in the text'))
            break
        line = reader.line_num + 1
        if not row or all(not c.strip() for c in row):
            continue  # blank lines are allowed
        if len(row) <= max(ti, li):
            problems.append(LabelProblem(start, f"only {len(row)} field(s); expected at least "
                                                f"{max(ti, li) + 1} (text and label)"))
            continue
        t, lab = row[ti].strip(), row[li].strip()
        if not t:
            problems.append(LabelProblem(start, "empty text"))
            continue
        if not lab:
            problems.append(LabelProblem(start, "empty label"))
            continue
        texts.append(t)
        labels.append(lab)
        groups.append(row[gi].strip() if gi is not None and gi < len(row) else "")
        lines.append(start)
        label_lines[lab].append(start)
        if len(problems) >= MAX_PROBLEMS:
            break
    for lab in sorted(label_lines):
        if len(label_lines[lab]) < 2:
            problems.append(LabelProblem(label_lines[lab][0], f"label {lab!r} has only 1 example; "
                                                              "every label needs at least 2 (fix a typo or add examples)"))
    if not problems and not texts:
        problems.append(LabelProblem(0, "no examples: the file has a header but no rows"))
    elif not problems and len(label_lines) < 2:
        problems.append(LabelProblem(0, f"only one label ({next(iter(label_lines))!r}); "
                                        "a model needs at least two"))
    if problems:
        problems.sort(key=lambda p: p.line)
        raise LabelsFileError(where, problems[:MAX_PROBLEMS])
    warnings = []
    seen: dict[str, tuple[str, int]] = {}
    for t, lab, ln in zip(texts, labels, lines):
        if t in seen and seen[t][0] != lab:
            warnings.append(f"{where}:{ln}: the same text is labelled {seen[t][0]!r} on line "
                            f"{seen[t][1]} and {lab!r} here (both are kept)")
        seen.setdefault(t, (lab, ln))
    return LabelledData(texts, labels, groups if gi is not None else None, lines, where, warnings)
