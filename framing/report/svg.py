"""Inline SVG charts drawn from data: horizontal bars and stacked bars.

Charts are generated, never hand-drawn, and carry their data in words too: a `<title>` and `<desc>`
for the whole chart (referenced by aria-labelledby), a `<title>` per bar or segment, and value labels
in the picture. Segments differ by fill pattern (hatching, dots, solid) as well as colour, so a chart
reads in greyscale print and for colour-blind readers. Every string is XML-escaped; the output is
well-formed XML (tested), so the same markup works inside HTML and as a standalone .svg file.
"""
from __future__ import annotations

from markupsafe import Markup, escape

# fill colour, pattern kind; text on segments is drawn dark on light fills (contrast >= 4.5:1)
_PALETTE = (
    ("#9ecae1", "solid"), ("#fdd49e", "hatch"), ("#c7e9c0", "dots"), ("#dadaeb", "cross"),
    ("#fcbba1", "vhatch"), ("#d9d9d9", "dhatch"), ("#fee391", "solid"), ("#c6dbef", "dots"),
)
_INK = "#1a1a1a"
_FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:12px"


def _pattern_defs(prefix: str, n: int) -> str:
    parts = []
    for i in range(n):
        fill, kind = _PALETTE[i % len(_PALETTE)]
        pid = f"{prefix}-p{i}"
        if kind == "solid":
            body = f'<rect width="8" height="8" fill="{fill}"/>'
        elif kind == "hatch":
            body = (f'<rect width="8" height="8" fill="{fill}"/>'
                    f'<path d="M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6" stroke="{_INK}" stroke-width="1"/>')
        elif kind == "vhatch":
            body = (f'<rect width="8" height="8" fill="{fill}"/>'
                    f'<path d="M4,0 L4,8" stroke="{_INK}" stroke-width="1"/>')
        elif kind == "dhatch":
            body = (f'<rect width="8" height="8" fill="{fill}"/>'
                    f'<path d="M0,0 L8,8 M-2,6 L2,10 M6,-2 L10,2" stroke="{_INK}" stroke-width="1"/>')
        elif kind == "cross":
            body = (f'<rect width="8" height="8" fill="{fill}"/>'
                    f'<path d="M0,4 L8,4 M4,0 L4,8" stroke="{_INK}" stroke-width="0.8"/>')
        else:  # dots
            body = (f'<rect width="8" height="8" fill="{fill}"/>'
                    f'<circle cx="4" cy="4" r="1.3" fill="{_INK}"/>')
        parts.append(f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse">'
                     f'{body}</pattern>')
    return "<defs>" + "".join(parts) + "</defs>"


def _fmt(v: float) -> str:
    if float(v).is_integer():
        return str(int(v))
    return f"{v:.2f}" if abs(v) < 10 else f"{v:.1f}"


def _label_width(labels) -> int:
    longest = max((len(str(lab)) for lab in labels), default=4)
    return min(220, max(60, 7 * longest + 12))


def _clip(label: str, width: int) -> str:
    room = max(4, (width - 12) // 7)
    return label if len(label) <= room else label[:room - 1] + "…"


def _open_svg(chart_id: str, width: int, height: int, title: str, desc: str) -> list[str]:
    cid = escape(chart_id)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{cid}" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{cid}-title {cid}-desc" style="{_FONT}">',
        f'<title id="{cid}-title">{escape(title)}</title>',
        f'<desc id="{cid}-desc">{escape(desc)}</desc>',
    ]


def bar_chart(chart_id: str, title: str, items, unit: str = "", width: int = 560) -> Markup:
    """Horizontal bars. items: (label, value) or (label, value, href) tuples, drawn in the given order.

    A bar with an href is a link (to the table row or highlighted span the value comes from).
    """
    items = [tuple(i) + ("",) * (3 - len(i)) for i in items]
    bar_h, gap, top = 18, 6, 8
    lw = _label_width(i[0] for i in items)
    plot_w = width - lw - 60
    vmax = max((float(i[1]) for i in items), default=0.0) or 1.0
    height = top * 2 + max(1, len(items)) * (bar_h + gap)
    desc = "; ".join(f"{lab}: {_fmt(float(v))}{unit}" for lab, v, _ in items) or "no data"
    out = _open_svg(chart_id, width, height, title, desc)
    for n, (label, value, href) in enumerate(items):
        y = top + n * (bar_h + gap)
        w = max(0.0, float(value)) / vmax * plot_w
        text = f"{label}: {_fmt(float(value))}{unit}"
        out.append(f'<text x="{lw - 6}" y="{y + 13}" text-anchor="end" fill="{_INK}">'
                   f'{escape(_clip(str(label), lw))}</text>')
        bar = (f'<rect x="{lw}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="#9ecae1" '
               f'stroke="{_INK}" stroke-width="0.6"><title>{escape(text)}</title></rect>')
        if href:
            bar = f'<a href="{escape(href)}">{bar}</a>'
        out.append(bar)
        out.append(f'<text x="{lw + w + 4:.1f}" y="{y + 13}" fill="{_INK}">'
                   f'{escape(_fmt(float(value)) + unit)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def stacked_bars(chart_id: str, title: str, rows, categories, normalise: bool = True,
                 width: int = 640) -> Markup:
    """One horizontal bar per row, split into segments by category, with a legend.

    rows: (row_label, {category: value}) pairs; categories: the segment order. With normalise,
    each bar fills the width (shares); the values are still shown in each segment's title.
    """
    rows = list(rows)
    categories = list(categories)
    bar_h, gap, top = 20, 8, 8
    lw = _label_width([r[0] for r in rows])
    plot_w = width - lw - 20
    legend_rows = (len(categories) + 3) // 4
    height = top + max(1, len(rows)) * (bar_h + gap) + 10 + legend_rows * 18 + 4
    totals = [sum(max(0.0, float(v)) for v in vals.values()) for _, vals in rows]
    vmax = max(totals, default=0.0) or 1.0
    desc_rows = []
    for (label, vals), total in zip(rows, totals):
        segs = ", ".join(f"{c} {_fmt(float(vals.get(c, 0)))}" for c in categories if vals.get(c))
        desc_rows.append(f"{label}: {segs or 'none'}")
    out = _open_svg(chart_id, width, height, title, "; ".join(desc_rows) or "no data")
    out.append(_pattern_defs(chart_id, len(categories)))
    for n, ((label, vals), total) in enumerate(zip(rows, totals)):
        y = top + n * (bar_h + gap)
        out.append(f'<text x="{lw - 6}" y="{y + 14}" text-anchor="end" fill="{_INK}">'
                   f'{escape(_clip(str(label), lw))}</text>')
        scale = plot_w / (total if normalise and total else vmax)
        x = float(lw)
        if not total:
            out.append(f'<text x="{lw}" y="{y + 14}" fill="{_INK}">none</text>')
        for k, cat in enumerate(categories):
            v = max(0.0, float(vals.get(cat, 0) or 0))
            if not v:
                continue
            w = v * scale
            share = f" ({v / total:.0%})" if total else ""
            out.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" '
                       f'fill="url(#{escape(chart_id)}-p{k})" stroke="{_INK}" stroke-width="0.6">'
                       f'<title>{escape(f"{label}: {cat} {_fmt(v)}{share}")}</title></rect>')
            if w >= 26:
                out.append(f'<text x="{x + w / 2:.1f}" y="{y + 14}" text-anchor="middle" '
                           f'fill="{_INK}" style="paint-order:stroke" stroke="#ffffff" '
                           f'stroke-width="3">{escape(_fmt(v))}</text>')
            x += w
    ly = top + max(1, len(rows)) * (bar_h + gap) + 10
    col_w = (width - 10) // 4
    for k, cat in enumerate(categories):
        lx = 5 + (k % 4) * col_w
        yy = ly + (k // 4) * 18
        out.append(f'<rect x="{lx}" y="{yy}" width="14" height="12" fill="url(#{escape(chart_id)}-p{k})" '
                   f'stroke="{_INK}" stroke-width="0.6"/>')
        out.append(f'<text x="{lx + 18}" y="{yy + 10}" fill="{_INK}">'
                   f'{escape(_clip(str(cat), col_w - 18))}</text>')
    out.append("</svg>")
    return Markup("".join(out))
