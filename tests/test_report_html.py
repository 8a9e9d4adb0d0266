"""The HTML report: escaping of hostile input, self-containment, traceable links, accessibility hooks."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from framing.report.html import render_html
from framing.report.templating import asset

from test_report_support import BREAKOUT, HOSTILE, bare_result, hostile_result, seed_result


class Page(HTMLParser):
    """Every element with its attributes, the text of each <script>, and the page's visible text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append("")

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)

    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.elements if "id" in a]

    def all_text(self) -> str:
        return "".join(self.text)


@pytest.fixture(scope="module")
def hostile_html() -> str:
    return render_html(hostile_result())


@pytest.fixture(scope="module")
def seed_html() -> str:
    return render_html(seed_result())


def test_hostile_text_renders_as_text_everywhere(hostile_html):
    page = Page(hostile_html)
    # the only script is our own optional one; no element got an event-handler attribute
    assert len(page.scripts) == 1 and page.scripts[0].strip() == asset("report.js").strip()
    handlers = [(tag, name) for tag, attrs in page.elements for name in attrs if name.lower().startswith("on")]
    assert handlers == []
    assert not any(tag in ("iframe", "object", "embed", "img") for tag, _ in page.elements)
    # the hostile strings arrive as text: article, outlet, title, speaker, side, explanation
    text = page.all_text()
    assert text.count(HOSTILE) >= 6
    assert BREAKOUT.strip() in text
    for needle in (f"Evil {HOSTILE} News", f"Title {HOSTILE}", f"Speaker {HOSTILE}", f"Explanation {HOSTILE}",
                   f"Side {HOSTILE}", f"government {HOSTILE}"):
        assert needle in text, needle
    # the javascript: URL of the article is shown, never linked
    assert not any(a.get("href", "").lower().startswith("javascript:") for _, a in page.elements)
    # and the terminal control sequence cannot hide anything either: it is plain text in HTML
    assert "<script>alert" not in hostile_html


def test_report_is_self_contained(seed_html, hostile_html):
    for html in (seed_html, hostile_html):
        page = Page(html)
        for tag, attrs in page.elements:
            for name in ("src", "href", "xlink:href", "action", "data", "poster"):
                value = attrs.get(name, "")
                assert not re.match(r"\s*(https?:)?//", value), (tag, name, value)
        assert not any(tag == "link" for tag, _ in page.elements)
        assert "@import" not in html
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)
        assert "@media print" in html


def test_every_internal_link_and_description_resolves(seed_html, hostile_html):
    for html in (seed_html, hostile_html):
        page = Page(html)
        ids = page.ids()
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        assert duplicates == []
        id_set = set(ids)
        broken = [a["href"] for _, a in page.elements
                  if a.get("href", "").startswith("#") and a["href"][1:] not in id_set]
        assert broken == []
        for tag, attrs in page.elements:
            for ref in attrs.get("aria-describedby", "").split() + attrs.get("aria-labelledby", "").split():
                assert ref in id_set, (tag, ref)


def test_focusable_highlights_carry_explanation_and_alternative(hostile_html):
    page = Page(hostile_html)
    focusable = [a for tag, a in page.elements if a.get("tabindex") == "0"]
    assert focusable, "highlights must be reachable by keyboard"
    assert all(a.get("aria-describedby", "").endswith("-tip") for a in focusable)
    m = re.search(r'id="a0-f0-tip">(.*?)</span></mark>', hostile_html, re.S)
    assert m, "the first finding has a tooltip"
    tip = re.sub(r"<[^>]+>", " ", m.group(1))
    assert "Explanation &lt;script&gt;" in tip and "More neutral: government &lt;script&gt;" in tip


def test_every_outlet_column_and_section_is_present(seed_html):
    result = seed_result()
    page = Page(seed_html)
    text = page.all_text()
    ids = set(page.ids())
    for a in result.analyses:
        assert a.article.outlet in text
    for i in range(len(result.analyses)):
        assert f"art-{i}" in ids
    for sid in ("summary", "naming", "voices", "coverage", "disagreements", "distinctive", "readability",
                "articles", "evidence", "methods", "tbl-summary-matrix"):
        assert sid in ids, sid
    header = re.search(r'id="tbl-summary-matrix">.*?<thead><tr>(.*?)</tr>', seed_html, re.S).group(1)
    assert header.count("<th") == len(result.analyses) + 1


def test_sections_without_data_render_not_available():
    html = render_html(bare_result())
    assert html.count('class="na"') >= 5
    assert "the comparison did not run" in html.lower()


def test_inline_svg_charts_are_well_formed_xml(seed_html):
    charts = re.findall(r"<svg\b.*?</svg>", seed_html, re.S)
    if seed_result().analyses[0].attributions:
        assert charts, "the voice-share chart is drawn when there are attributions"
    for markup in charts:
        root = ET.fromstring(markup)
        assert root.get("role") == "img" and root.get("aria-labelledby")
