"""Inline SVG charts for outlet profiles: bars with confidence intervals, and a monthly trend line.

Generated from the figures, never drawn by hand. Every label is XML-escaped; each chart carries its
data in words (`<title>`/`<desc>`), and intervals are drawn as whiskers so they read in greyscale.
Stacked share bars reuse framing.report.svg.stacked_bars.
"""
from __future__ import annotations

from markupsafe import Markup, escape

_INK = "#1a1a1a"
_FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:12px"


def _fmt(v) -> str:
    if v is None:
        return "n/a"
    return f"{v:.2f}" if abs(v) < 100 else f"{v:.0f}"


def _open(chart_id: str, width: int, height: int, title: str, desc: str) -> list[str]:
    cid = escape(chart_id)
    return [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" style="{_FONT}" '
            f'aria-labelledby="{cid}-t {cid}-d"><title id="{cid}-t">{escape(title)}</title>'
            f'<desc id="{cid}-d">{escape(desc)}</desc>']


def ci_bars(chart_id: str, title: str, items, unit: str = "", width: int = 620) -> Markup:
    """Horizontal bars with 95% interval whiskers. items: (label, value, lo, hi, href, muted)."""
    items = list(items)
    bar_h, gap, top = 16, 6, 8
    lw = min(240, max([len(str(i[0])) for i in items] + [6]) * 7 + 10)
    plot_w = width - lw - 70
    vmax = max([float(i[3] if i[3] is not None else i[1] or 0) for i in items] + [0.0]) or 1.0
    height = top * 2 + max(1, len(items)) * (bar_h + gap)
    desc = "; ".join(f"{lab}: {_fmt(v)}{unit} (95% CI {_fmt(lo)}-{_fmt(hi)})"
                     for lab, v, lo, hi, *_ in items) or "no data"
    out = _open(chart_id, width, height, title, desc)
    for n, (label, value, lo, hi, href, muted) in enumerate(items):
        y = top + n * (bar_h + gap)
        v = float(value or 0)
        w = max(0.0, v) / vmax * plot_w
        fill = "#d9d9d9" if muted else "#9ecae1"
        tip = f"{label}: {_fmt(value)}{unit}, 95% CI {_fmt(lo)} to {_fmt(hi)}" + \
            (" (few articles)" if muted else "")
        out.append(f'<text x="{lw - 6}" y="{y + 12}" text-anchor="end" fill="{_INK}">'
                   f'{escape(str(label)[:34])}</text>')
        bar = (f'<rect x="{lw}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{fill}" '
               f'stroke="{_INK}" stroke-width="0.6"><title>{escape(tip)}</title></rect>')
        out.append(f'<a href="{escape(href)}">{bar}</a>' if href else bar)
        if lo is not None and hi is not None:
            x1, x2 = lw + max(0.0, lo) / vmax * plot_w, lw + max(0.0, hi) / vmax * plot_w
            ym = y + bar_h / 2
            out.append(f'<path d="M{x1:.1f} {ym}H{x2:.1f}M{x1:.1f} {ym - 4}V{ym + 4}'
                       f'M{x2:.1f} {ym - 4}V{ym + 4}" stroke="{_INK}" stroke-width="1.2" '
                       f'fill="none"/>')
        xt = lw + max(w, (max(0.0, hi) / vmax * plot_w) if hi is not None else 0) + 4
        out.append(f'<text x="{xt:.1f}" y="{y + 12}" fill="{_INK}">{escape(_fmt(value))}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def trend_line(chart_id: str, title: str, points, unit: str = "", width: int = 620,
               height: int = 160) -> Markup:
    """A line over months. points: (month "YYYY-MM", value or None, n_articles)."""
    pts = [(m, v, n) for m, v, n in points if v is not None]
    desc = "; ".join(f"{m}: {_fmt(v)}{unit} ({n} articles)" for m, v, n in pts) or "no dated data"
    out = _open(chart_id, width, height, title, desc)
    left, right, top, bottom = 44, 10, 10, 26
    if pts:
        vmax = max(v for _, v, _ in pts) or 1.0
        pw, ph = width - left - right, height - top - bottom
        step = pw / max(1, len(pts) - 1)
        coords = [(left + i * step, top + ph - v / vmax * ph) for i, (_, v, _) in enumerate(pts)]
        out.append(f'<path d="M{left} {top}V{top + ph}H{left + pw}" stroke="{_INK}" fill="none" '
                   f'stroke-width="0.8"/>')
        out.append(f'<text x="{left - 4}" y="{top + 10}" text-anchor="end" fill="{_INK}">'
                   f'{escape(_fmt(vmax))}</text>')
        out.append(f'<text x="{left - 4}" y="{top + ph}" text-anchor="end" fill="{_INK}">0</text>')
        if len(coords) > 1:
            d = "M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in coords)
            out.append(f'<path d="{d}" stroke="#3b6ea5" stroke-width="1.6" fill="none"/>')
        for (x, y), (m, v, n) in zip(coords, pts):
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{2 + min(4, n ** 0.5 / 2):.1f}" '
                       f'fill="#3b6ea5"><title>{escape(f"{m}: {_fmt(v)}{unit}, {n} articles")}'
                       f'</title></circle>')
        for i in sorted({0, len(pts) - 1}):
            out.append(f'<text x="{coords[i][0]:.1f}" y="{height - 8}" text-anchor="middle" '
                       f'fill="{_INK}">{escape(pts[i][0])}</text>')
    else:
        out.append(f'<text x="10" y="20" fill="{_INK}">no dated articles</text>')
    out.append("</svg>")
    return Markup("".join(out))
