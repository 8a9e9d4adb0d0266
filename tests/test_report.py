"""The report's building blocks: highlighted text, SVG charts, the view-model."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from framing.report import svg
from framing.report.highlight import Highlight, render_text
from framing.report.viewmodel import NOT_AVAILABLE, build_view, category_styles, style_for

from test_report_support import HOSTILE, bare_result, hostile_result, seed_result

SENTENCE = "Pakistan's army said 23 soldiers were martyred in an unprovoked attack by the Afghan Taliban regime."


def _parse(fragment: str) -> ET.Element:
    """The fragment must be well-formed markup: parse it as XML inside a wrapper."""
    return ET.fromstring(f"<div>{fragment}</div>")


def _visible_text(el: ET.Element) -> str:
    """Text of the fragment without tooltips and markers (what the article itself says)."""
    out = []

    def walk(node):
        cls = node.get("class", "")
        if "tip" in cls.split() or "mk" in cls.split():
            if node.tail:
                out.append(node.tail)
            return
        if node.text:
            out.append(node.text)
        for child in node:
            walk(child)
        if node.tail and node is not el:
            out.append(node.tail)

    walk(el)
    return "".join(out)


def test_highlights_keep_the_text_and_nest_properly_when_spans_cross():
    text = SENTENCE
    quote = Highlight(0, text.index(" in an"), "content", anchor="q")  # crosses the finding below
    martyred = text.index("martyred")
    hs = [
        quote,
        Highlight(martyred, text.index("unprovoked") + len("unprovoked"), "finding", "cat-loaded", "L",
                  "loaded", ("why",), "f1"),
        Highlight(martyred, martyred + len("martyred"), "finding", "cat-casualty", "C", "casualty",
                  ("why 2",), "f2"),
        Highlight(text.index("regime"), text.index("regime") + 6, "finding", "cat-label", "Lb", "label",
                  ("a label",), "f3"),
    ]
    html = str(render_text(text, hs, [(0, len(text))]))
    root = _parse(html)
    assert _visible_text(root) == text
    for anchor in ("q", "f1", "f2", "f3"):
        assert len(root.findall(f".//*[@id='{anchor}']")) == 1
    # the crossing finding is drawn in two pieces; only the first carries id, focus and tooltip
    pieces = [e for e in root.iter() if "cat-loaded" in e.get("class", "")]
    assert len(pieces) == 2
    assert pieces[0].get("tabindex") == "0" and pieces[0].get("aria-describedby") == "f1-tip"
    assert pieces[1].get("id") is None and "hl-cont" in pieces[1].get("class")
    assert root.find(".//*[@id='f1-tip']").get("role") == "tooltip"


def test_highlight_text_is_escaped_and_outside_spans_are_clipped():
    text = f'He wrote {HOSTILE} and "quotes" & more'
    hs = [Highlight(-5, 3, "finding", tip=("<b>tip</b>",), anchor="x"), Highlight(10, 10_000, "content")]
    html = str(render_text(text, hs))
    assert "<script>" not in html and "<b>tip" not in html
    root = _parse(html)
    assert _visible_text(root) == text


def test_paragraphs_break_highlights_into_pieces():
    text = "First paragraph ends here.\nSecond one starts here."
    hs = [Highlight(6, 34, "content", anchor="c")]
    html = str(render_text(text, hs))
    root = _parse(html)
    assert len(root.findall("p")) == 2
    assert [p.find("span") is not None for p in root.findall("p")] == [True, True]
    assert _visible_text(root).replace("\n", "") == text.replace("\n", "")


def _svg_ok(markup: str) -> ET.Element:
    root = ET.fromstring(markup)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("role") == "img"
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and title.text
    return root


def test_svg_charts_are_well_formed_and_escaped():
    bar = svg.bar_chart("c1", f"Density {HOSTILE}", [(f"Outlet {HOSTILE}", 2.5, "#x"), ("B & C", 0)], unit="%")
    root = _svg_ok(str(bar))
    assert "<script" not in str(bar)
    assert len(root.findall(".//{http://www.w3.org/2000/svg}rect")) == 2
    stacked = svg.stacked_bars("c2", "Voice share", [("A", {"Pakistan": 3, "Afghanistan": 1}),
                                                     ("B <i>", {}), ("C", {"Iran": 2})],
                               ["Pakistan", "Afghanistan", "Iran"])
    root = _svg_ok(str(stacked))
    segments = [r for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.find(
        "{http://www.w3.org/2000/svg}title") is not None]
    assert len(segments) == 3
    assert any("75%" in r.find("{http://www.w3.org/2000/svg}title").text for r in segments)
    # every segment is filled with a pattern, so categories differ without colour
    assert all(r.get("fill").startswith("url(#c2-p") for r in segments)


def test_category_styles_differ_without_colour():
    styles = category_styles()
    markers = [s["marker"] for s in styles.values()]
    assert len(markers) == len(set(markers)), "every category needs its own text marker"
    assert style_for("something_new")["marker"] == "SN"


def _relative_luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_highlight_backgrounds_meet_wcag_aa_contrast_with_the_text():
    ink = _relative_luminance("#1a1a1a")
    for cat, st in category_styles().items():
        bg = _relative_luminance(st["background"])
        ratio = (max(bg, ink) + 0.05) / (min(bg, ink) + 0.05)
        assert ratio >= 4.5, (cat, ratio)


def test_view_of_the_seeds_has_every_section_and_article():
    result = seed_result()
    view = build_view(result)
    assert len(view.articles) == len(result.analyses) == 5
    ids = [s.id for s in view.sections]
    for sid in ("summary", "naming", "voices", "coverage", "disagreements", "distinctive", "readability",
                "evidence"):
        assert sid in ids
    matrix = view.section("summary").tables[0]
    assert matrix.columns[1:] == view.columns
    assert all(len(r.cells) == len(view.columns) + 1 for r in matrix.rows)
    # every highlight points into the article text
    for a in view.articles:
        for h in a.highlights:
            assert 0 <= h.start < h.end <= len(a.text)


def test_sections_without_data_say_not_available():
    view = build_view(bare_result())
    matrix = view.section("summary").tables[0]
    loaded = next(r for r in matrix.rows if r.cells[0].text.startswith("Loaded wording per 100 words: narrator"))
    assert all(c.text == NOT_AVAILABLE for c in loaded.cells[1:])
    for sid in ("coverage", "disagreements", "distinctive", "readability"):
        assert not view.section(sid).available
    assert not view.section("naming").available


def test_summary_counts_come_from_the_annotations():
    view = build_view(hostile_result())
    matrix = view.section("summary").tables[0]
    row = next(r for r in matrix.rows if r.cells[0].text.startswith("Loaded wording per 100 words: narrator"))
    # two narrator findings in article 1 (regime, claimed), none in article 2
    assert "(2 in" in row.cells[1].text and row.cells[1].parts[0].href == "#flags-0-narrator"
    assert "(0 in" in row.cells[2].text
    quotes = next(r for r in matrix.rows if r.cells[0].text.startswith("Loaded wording per 100 words: quotes"))
    assert "(1 in" in quotes.cells[1].text
    voices = next(r for r in matrix.rows if r.cells[0].text.startswith("Voice share"))
    assert "100%" in voices.cells[1].text and voices.cells[1].parts[0].href == "#attr-0"


def test_duplicate_outlet_names_get_distinct_columns():
    from framing.model import StoryAnalysis

    base = hostile_result()
    twice = StoryAnalysis(base.story, (base.analyses[0], base.analyses[0]), None, (), "t")
    view = build_view(twice)
    assert len(set(view.columns)) == 2


@pytest.mark.parametrize("bad", ["underline", "background"])
def test_category_style_values_are_validated(bad):
    from framing.report.viewmodel import validate_style_row

    row = {"category": "loaded", "marker": "L", "underline": "solid", "background": "#ffffff"}
    validate_style_row(row)
    row[bad] = "red;} body{display:none"
    with pytest.raises(ValueError, match=bad):
        validate_style_row(row, "categories.tsv: row 3")
