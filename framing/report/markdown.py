"""The Markdown report, for a notebook or a printed handout.

Layout is templates/report.md.j2. Markdown has no autoescaping of its own and passes raw HTML through
(a notebook would run an article's `<script>`), so the environment escapes every value it prints:
HTML-significant characters become entities and Markdown syntax characters are backslash-escaped.
Only strings wrapped in `MdRaw` (built here from escaped pieces) go out as they are.
"""
from __future__ import annotations

import re
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .viewmodel import ReportView, build_view, methods_markdown

_INLINE = re.compile(r"([\\`*_\[\]|~{}])")
_LEADING = re.compile(r"^([#>])")
_BLOCK_START = re.compile(r"^(\d*)([+=.)-])")  # "- item", "+ item", "1. item", "1) item", "=== "


def _escape_block(m: re.Match) -> str:
    digits, mark = m.group(1), m.group(2)
    if mark in ".)" and not digits:
        return m.group(0)
    return f"{digits}\\{mark}"


def _strip_controls(text: str) -> str:
    return "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)


class MdRaw(Markup):
    """A string that is already Markdown (escaped pieces and our own syntax): printed as it is."""


def md_escape(value, block: bool = False) -> str:
    """Escape a value for Markdown text or a table cell: no HTML, no syntax, one line.

    block: the value starts a line (a paragraph), so list and heading markers are escaped too.
    """
    if isinstance(value, Markup):
        return value
    text = _strip_controls("" if value is None else str(value))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    text = " ".join(text.split())
    text = _LEADING.sub(r"\\\1", text)
    return _BLOCK_START.sub(_escape_block, text) if block else text


def _finalize(value):
    """Runs on every {{ value }}: plain values are escaped, macro output (Markup) passes through."""
    return value if isinstance(value, Markup) else MdRaw(md_escape(value))


@lru_cache(maxsize=1)
def md_env() -> Environment:
    env = Environment(loader=PackageLoader("framing.report", "templates"), autoescape=True,
                      finalize=_finalize, undefined=StrictUndefined, trim_blocks=True,
                      lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["cell"] = lambda cell: MdRaw(" · ".join(md_escape(p.text) for p in cell.parts))
    return env


def _inline(piece: str) -> str:
    """md_escape for the text between two flagged words, keeping one space where the piece
    starts or ends with one: "State **militants** in", not "State**militants**in"."""
    core = md_escape(piece)
    if not core:
        return " " if piece[:1].isspace() else ""
    return (" " if piece[:1].isspace() else "") + core + (" " if piece[-1:].isspace() else "")


def article_markdown(article) -> list[MdRaw]:
    """Paragraphs of an article with flagged words in bold, each followed by its marker."""
    text = article.text
    findings = sorted((h for h in article.highlights if h.layer in ("finding", "agency")),
                      key=lambda h: (h.start, -h.end))
    paragraphs = []
    for p_start, p_end in article.paragraphs:
        out, pos = [], p_start
        for h in findings:
            if h.start < pos or h.start >= p_end:
                continue
            end = min(h.end, p_end)
            out.append(_inline(text[pos:h.start]) if h.start > pos else "")
            word = md_escape(text[h.start:end])
            out.append(f"**{word}**" + (f"\\[{md_escape(h.marker)}\\]" if h.marker else ""))
            pos = end
        out.append(_inline(text[pos:p_end]))
        para = "".join(out).strip()
        para = _BLOCK_START.sub(_escape_block, para)
        paragraphs.append(MdRaw(para))
    return paragraphs


def render_view(view: ReportView) -> str:
    template = md_env().get_template("report.md.j2")
    evidence = view.section("evidence")
    per_article = {}
    for a in view.articles:
        per_article[a.index] = [t for t in (evidence.tables if evidence else ())
                                if t.id in (f"flags-{a.index}", f"agency-{a.index}")]
    text = template.render(view=view, texts=[article_markdown(a) for a in view.articles],
                           per_article=per_article, methods=MdRaw(methods_markdown()))
    return re.sub(r"\n{3,}", "\n\n", text)


def render_markdown(result) -> str:
    return render_view(build_view(result))
