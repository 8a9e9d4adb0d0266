"""The terminal summary: the articles, the key figures and the main differences, as plain text tables.

Plain text (no colour codes, no extra dependency) so it reads the same in a terminal, a log file or a
pipe. Tables fit the terminal width: long cells wrap; a matrix with more outlets than fit is printed
one outlet per block instead of one outlet per column.
"""
from __future__ import annotations

import shutil
import textwrap
from collections import Counter

from .viewmodel import ReportView, Table, build_view

MAX_ROWS = 12


def _width(default: int = 100) -> int:
    try:
        return max(60, min(160, shutil.get_terminal_size((default, 24)).columns))
    except (OSError, ValueError):
        return default


def _clean(text: str) -> str:
    # control characters from an article must not move the cursor or change the terminal
    return "".join(ch if ch.isprintable() else " " for ch in str(text))


def _excerpt(text: str, limit: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def format_table(columns: list[str], rows: list[list[str]], width: int, indent: int = 2) -> str:
    """Columns separated by two spaces, cells wrapped so each line fits `width`."""
    columns = [_clean(c) for c in columns]
    rows = [[_clean(c) for c in r] for r in rows]
    n = len(columns)
    natural = [max([len(columns[i])] + [len(r[i]) for r in rows if i < len(r)]) for i in range(n)]
    room = width - indent - 2 * (n - 1)
    widths = list(natural)
    while sum(widths) > room and max(widths) > 8:
        k = widths.index(max(widths))
        widths[k] -= 1
    lines = []

    def emit(cells):
        wrapped = [textwrap.wrap(cells[i] if i < len(cells) else "", widths[i]) or [""] for i in range(n)]
        for j in range(max(len(w) for w in wrapped)):
            parts = [(w[j] if j < len(w) else "").ljust(widths[i]) for i, w in enumerate(wrapped)]
            lines.append(" " * indent + "  ".join(parts).rstrip())

    emit(columns)
    lines.append(" " * indent + "  ".join("-" * w for w in widths))
    for r in rows:
        emit(r)
    return "\n".join(lines)


def _matrix(t: Table, width: int, max_rows: int | None = None) -> str:
    if not t.available:
        return textwrap.fill(_clean(f"not available: {t.missing}"), width, initial_indent="  ",
                             subsequent_indent="    ")
    rows = t.rows if max_rows is None else t.rows[:max_rows]
    cells = [[c.text for c in r.cells] for r in rows]
    n_out = len(t.columns) - 1
    if n_out > 1 and t.row_headers and 30 + n_out * 14 > width:
        # too many outlets side by side: one block per outlet
        blocks = []
        for k, outlet in enumerate(t.columns[1:], start=1):
            blocks.append(f"  {_clean(outlet)}")
            blocks.append(format_table([t.columns[0], "value"], [[r[0], r[k]] for r in cells], width, 4))
        text = "\n".join(blocks)
    else:
        text = format_table(t.columns, cells, width)
    if max_rows is not None and len(t.rows) > max_rows:
        text += f"\n  … {len(t.rows) - max_rows} more rows (see --format html, md or csv)"
    return text


def render_view(view: ReportView, width: int | None = None) -> str:
    width = width or _width()
    out = [_clean(view.title), f"{len(view.articles)} articles · framing {view.version}", ""]
    out.append("Articles")
    rows = []
    for a in view.articles:
        rows.append([str(a.index + 1), a.outlet, a.title, a.date or "-", str(a.word_count),
                     str(a.sentence_count), str(len(a.removed))])
    out.append(format_table(["#", "Outlet", "Title", "Date", "Words", "Sentences", "Removed"], rows, width))
    for a in view.articles:
        if a.removed:
            what = "; ".join(f'"{_excerpt(t)}" ({reason})' for t, reason in a.removed[:6])
            more = f" and {len(a.removed) - 6} more" if len(a.removed) > 6 else ""
            out.append(textwrap.fill(_clean(f"removed from {a.column}: {what}{more}"), width,
                                     initial_indent="  ", subsequent_indent="    "))
    out.append("")
    summary = view.section("summary")
    if summary:
        out += ["Key figures (per article)", _matrix(summary.tables[0], width), ""]
    evidence = view.section("evidence")
    per: dict[str, Counter] = {}
    for a in view.articles:
        t = next((t for t in (evidence.tables if evidence else ()) if t.id == f"flags-{a.index}"), None)
        for r in (t.rows if t is not None else ()):
            if r.cells[1].parts and r.cells[1].parts[0].href:  # a real flag, not the "none" row
                per.setdefault(a.column, Counter())[f"{r.cells[1].text.lower()} ({r.cells[2].text})"] += 1
    if per:
        out.append("Most frequent flagged words")
        out.append(format_table(["Outlet", "Words (marker category) x count"],
                                [[o, ", ".join(f"{w} x{n}" for w, n in c.most_common(6))] for o, c in per.items()],
                                width))
        out.append("")
    for sid, tid, label in (("naming", "naming-matrix", "What each outlet calls each actor"),
                            ("disagreements", "disagreements", "Disagreeing figures and dates"),
                            ("coverage", "omissions", "Omissions"),
                            ("distinctive", "distinctive-terms", "Distinctive terms")):
        sec = view.section(sid)
        t = next((t for t in sec.tables if t.id == tid), None) if sec else None
        if t is None:
            continue
        out += [label, _matrix(t, width, MAX_ROWS), ""]
    if view.problems:
        out.append("Problems with the input")
        out += [f"  - {_clean(p)}" for p in view.problems]
        out.append("")
    out.append("Figures describe these articles only, not the outlets, and not whether anything is true.")
    out.append("Full report with every flag and its explanation: framing analyze ... --format html -o report.html")
    lines = []
    for line in "\n".join(out).split("\n"):
        if len(line) > width:
            indent = len(line) - len(line.lstrip())
            lines.append(textwrap.fill(line, width, subsequent_indent=" " * (indent + 2)))
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


def render_terminal(result, width: int | None = None) -> str:
    return render_view(build_view(result), width)
