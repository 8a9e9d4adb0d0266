"""Turn annotation offsets into escaped article HTML with properly nested highlight elements.

Annotations from different layers overlap freely (a loaded word inside a quote, a cue that crosses a
speaker span, two findings that share a word). HTML elements cannot cross, so the text is cut at
every annotation boundary and, inside each piece, the highlights that cover it are opened outermost
first; where an inner highlight outlives an outer one, it is closed and reopened as a continuation.
Only the first piece of a highlight carries its id, keyboard focus and tooltip, so each annotation
is one focusable element and one anchor target however many pieces it is drawn in.

Every character of the article passes through `markupsafe.escape`: article text is untrusted.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Highlight:
    """One span to draw over the article text.

    layer: the toggleable layer ("finding", "cue", "speaker", "content", "actor", "agency",
      "sentence"); css: extra class names (e.g. "cat-loaded"); marker: the short text marker shown
      after the span so categories differ without colour ("" for none); label: the category's name
      in words; tip: explanation lines shown on hover and focus (empty: no tooltip, not focusable);
      anchor: the element id ("" for none); rank: nesting order for spans with the same extent
      (lower is outer).
    """

    start: int
    end: int
    layer: str
    css: str = ""
    marker: str = ""
    label: str = ""
    tip: tuple[str, ...] = ()
    anchor: str = ""
    rank: int = 50
    tag: str = "span"


def _open(h: Highlight, first: bool) -> str:
    classes = f"hl hl-{h.layer}" + (f" {h.css}" if h.css else "") + ("" if first else " hl-cont")
    attrs = [f'class="{escape(classes)}"']
    if first and h.anchor:
        attrs.append(f'id="{escape(h.anchor)}"')
        if h.tip:
            attrs.append('tabindex="0"')
            attrs.append(f'aria-describedby="{escape(h.anchor)}-tip"')
    if first and h.label and h.layer != "sentence":
        attrs.append(f'data-label="{escape(h.label)}"')
    return f"<{h.tag} {' '.join(attrs)}>"


def _close(h: Highlight, first: bool) -> str:
    out = []
    if first and h.marker:
        out.append(f'<sup class="mk" aria-hidden="true">{escape(h.marker)}</sup>')
    if first and h.tip and h.anchor:
        lines = "".join(f'<span class="tip-line">{escape(t)}</span>' for t in h.tip)
        out.append(f'<span class="tip" role="tooltip" id="{escape(h.anchor)}-tip">{lines}</span>')
    out.append(f"</{h.tag}>")
    return "".join(out)


def _clean(text_len: int, highlights) -> list[Highlight]:
    out = []
    for h in highlights:
        start, end = max(0, int(h.start)), min(text_len, int(h.end))
        if start < end:
            if (start, end) != (h.start, h.end):
                h = Highlight(start, end, h.layer, h.css, h.marker, h.label, h.tip, h.anchor,
                              h.rank, h.tag)
            out.append(h)
    # outer first: earlier start, then longer, then lower rank; ties broken by anchor for stability
    out.sort(key=lambda h: (h.start, -h.end, h.rank, h.layer, h.anchor))
    return out


def _render_block(text: str, start: int, end: int, hs: list[Highlight], opened: set) -> str:
    """Render text[start:end] with the highlights that overlap it, properly nested."""
    inside = [h for h in hs if h.start < end and h.end > start]
    cuts = {start, end}
    for h in inside:
        cuts.add(max(start, h.start))
        cuts.add(min(end, h.end))
    points = sorted(cuts)
    order = {id(h): i for i, h in enumerate(inside)}
    stack: list[Highlight] = []
    out: list[str] = []
    first_piece: dict[int, bool] = {}
    for a, b in zip(points, points[1:]):
        want = [h for h in inside if h.start <= a and h.end >= b]
        want.sort(key=lambda h: order[id(h)])
        common = 0
        while common < len(stack) and common < len(want) and stack[common] is want[common]:
            common += 1
        for h in reversed(stack[common:]):
            out.append(_close(h, first_piece[id(h)]))
        del stack[common:]
        for h in want[common:]:
            first = id(h) not in opened
            opened.add(id(h))
            first_piece[id(h)] = first
            out.append(_open(h, first))
            stack.append(h)
        out.append(str(escape(text[a:b])))
        # a piece that is a highlight's first keeps that status until it closes
    for h in reversed(stack):
        out.append(_close(h, first_piece[id(h)]))
    return "".join(out)


def render_text(text: str, highlights=(), paragraphs=None) -> Markup:
    """The article as `<p>` blocks with nested highlight elements; every character escaped.

    paragraphs: (start, end) pairs (objects with .start/.end also work); default: the text's
    non-empty lines. Text between paragraphs (line breaks) is not drawn; a highlight that crosses a
    paragraph break is drawn in pieces.
    """
    hs = _clean(len(text), highlights)
    if paragraphs is None:
        blocks, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                blocks.append((pos, pos + len(line)))
            pos += len(line) + 1
    else:
        blocks = [(getattr(p, "start", None) if not isinstance(p, tuple) else p[0],
                   getattr(p, "end", None) if not isinstance(p, tuple) else p[1]) for p in paragraphs]
    opened: set = set()
    html = []
    for start, end in blocks:
        html.append("<p>" + _render_block(text, start, end, hs, opened) + "</p>")
    return Markup("\n".join(html))
