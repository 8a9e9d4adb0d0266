"""The HTML report: one self-contained, printable file (no network, no external fonts or scripts).

Layout lives in templates/report.html.j2 and templates/_macros.html.j2 (autoescaped), styling in
templates/report.css, the optional script in templates/report.js; all are inlined. This module only
turns the view-model into the pieces the template places: highlighted article HTML and SVG charts.
"""
from __future__ import annotations

from markupsafe import Markup

from . import svg
from .highlight import render_text
from .templating import html_env, inline_asset
from .viewmodel import ReportView, all_categories_css, build_view


def article_html(article) -> Markup:
    """One article's text as escaped paragraphs with its highlights (reused by the web app)."""
    return render_text(article.text, article.highlights, article.paragraphs)


def chart_svg(chart) -> Markup:
    if chart.kind == "bar":
        return svg.bar_chart(chart.id, chart.title, chart.items, unit=chart.unit)
    return svg.stacked_bars(chart.id, chart.title, chart.rows, chart.categories)


def charts_of(view: ReportView) -> dict[str, Markup]:
    return {c.id: chart_svg(c) for s in view.sections for c in s.charts}


def render_view(view: ReportView) -> str:
    categories = {c.key: c for c in all_categories_css()}
    for entry in view.legend:
        categories.setdefault(entry.key, entry)
    template = html_env().get_template("report.html.j2")
    return template.render(
        view=view,
        texts=[article_html(a) for a in view.articles],
        charts=charts_of(view),
        categories=list(categories.values()),
        css=inline_asset("report.css"),
        js=inline_asset("report.js"),
    )


def render_html(result) -> str:
    """The whole report for a StoryAnalysis, as one HTML document."""
    return render_view(build_view(result))
