"""Reports of a story's analysis: HTML, Markdown, CSV, JSON and a terminal summary.

    from framing.report import render
    render(result, "html", "report.html")     # result: framing.api.analyze(...) -> StoryAnalysis

One module per format; all of them lay out the same `viewmodel.ReportView`, so every format shows the
same figures. Renderers only render: nothing is analysed here.
"""
from __future__ import annotations

import gc
import sys
from contextlib import contextmanager
from pathlib import Path

FORMATS = ("html", "md", "csv", "json", "text")


@contextmanager
def _no_gc():
    """Pause the cyclic garbage collector while a report is built.

    A story's analysis holds millions of small objects (tokens); building a report allocates many
    more, which triggers full collections that scan them all again and again (3x the render time
    on a 50-article story). The report's own objects hold no cycles, so nothing is lost.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def json_report(result) -> dict:
    """The documented JSON document (framing/schema/analysis.schema.json) as plain values."""
    from .json_out import build_json

    return build_json(result)


def render_string(result, fmt: str) -> str:
    """The report as one string (every format but csv, which is a folder of files)."""
    with _no_gc():
        return _render_string(result, fmt)


def _render_string(result, fmt: str) -> str:
    if fmt == "html":
        from .html import render_html

        return render_html(result)
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown(result)
    if fmt == "json":
        from ..jsonout import dumps

        return dumps(json_report(result))
    if fmt == "text":
        from .terminal import render_terminal

        return render_terminal(result)
    if fmt == "csv":
        raise ValueError("the csv format writes a folder of tables: give it an output folder (-o DIR)")
    raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")


def render(result, fmt: str, output_path=None):
    """Write the report of `result` in `fmt` to `output_path` (a file; a folder for csv).

    output_path None or "-" writes to standard output (not possible for csv). Returns the text
    written, or for csv the list of files written (index.csv first).
    """
    to_stdout = output_path is None or str(output_path) == "-"
    if fmt == "csv":
        if to_stdout:
            raise ValueError("the csv format writes a folder of tables: give it an output folder (-o DIR)")
        from .csv_out import write_csv

        with _no_gc():
            return write_csv(result, output_path)
    text = render_string(result, fmt)
    if to_stdout:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        path = Path(output_path)
        if path.parent and not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return text


__all__ = ["FORMATS", "json_report", "render", "render_string"]
