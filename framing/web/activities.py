"""Activities: one article of a story, the tasks students do on it, and the tool's own answers.

When a teacher makes an activity, the article is frozen into a self-contained "material" record
(stored with the activity): its text, its words (the units students mark, from the text layer's
tokens), and the tool's answers for each task, read from the story view's highlights (the same
flags the story view shows: the lexicon's loaded wording, the attribution stage's speakers and cue
verbs) and the classifier's main frame. Student pages and agreement figures then need only this
record, so they are fast and survive a restart or a change of lexicon.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources as importlib_resources

from markupsafe import Markup, escape

from .. import __version__
from ..report.access import get
from ..report.highlight import Highlight, render_text

WORD_TASKS = ("loaded", "speaker", "cue")
TOOL_LAYER = {"loaded": "finding", "speaker": "speaker", "cue": "cue"}


def _tsv(name: str) -> list[dict]:
    path = importlib_resources.files("framing.web") / "data" / name
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=1)
def task_info() -> dict[str, dict]:
    return {row["task"]: row for row in _tsv("tasks.tsv")}


@lru_cache(maxsize=1)
def frame_descriptions() -> dict[str, str]:
    return {row["label"]: row["description"] for row in _tsv("frames.tsv")}


def _category_of(h: Highlight) -> str:
    from ..report.viewmodel import style_for

    cat = next((c[4:] for c in h.css.split() if c.startswith("cat-")), "")
    return style_for(cat)["label"] if cat else "flagged wording"


def _tool_frame(analysis) -> dict | None:
    frames = get(get(analysis.summary, "classify", default={}), "frames")
    if not frames:
        return None
    dist = dict(get(frames, "distribution", default={}) or {})
    main = get(frames, "main_frame", default="")
    return {"label": main, "share": dist.get(main), "distribution": dist,
            "mean_probability": dict(get(frames, "mean_probability", default={}) or {})}


def build_material(page, position: int) -> dict:
    """The frozen record of one article of a story page (framing.web.storyview.StoryPage)."""
    av = page.view.articles[position]
    analysis = page.result.analyses[position]
    doc = analysis.doc
    units = [[t.start, t.end, t.sentence] for t in doc.tokens if t.is_word]
    tool_hs = [h for h in av.highlights if h.layer in ("finding", "speaker", "cue") and h.anchor]
    tool: dict[str, dict[str, str]] = {task: {} for task in WORD_TASKS}
    layer_task = {v: k for k, v in TOOL_LAYER.items()}
    for h in tool_hs:
        task = layer_task[h.layer]
        what = _category_of(h) if task == "loaded" else (h.label or h.layer)
        for u, (s, e, _) in enumerate(units):
            if s < h.end and e > h.start:
                tool[task].setdefault(str(u), what)
    frame = _tool_frame(analysis)
    descriptions = frame_descriptions()
    if frame and frame["distribution"]:
        labels = list(frame["distribution"])
    else:
        labels = list(descriptions)
    frames = [[lab, descriptions.get(lab, "")] for lab in labels]
    return {
        "version": __version__,
        "story_name": page.name,
        "article_id": analysis.article.id,
        "outlet": av.column,
        "title": av.title,
        "date": av.date,
        "text": av.text,
        "paragraphs": [list(p) for p in av.paragraphs],
        "sentences": [[s.start, s.end] for s in doc.sentences],
        "units": units,
        "tool": tool,
        "tool_highlights": [[h.start, h.end, h.layer, h.css, h.marker, h.label, list(h.tip), h.anchor, h.rank, h.tag]
                            for h in tool_hs],
        "tool_frame": frame,
        "frames": frames,
    }


def tool_highlights(material: dict) -> list[Highlight]:
    return [Highlight(s, e, layer, css, marker, label, tuple(tip), anchor, rank, tag)
            for s, e, layer, css, marker, label, tip, anchor, rank, tag in material["tool_highlights"]]


def unit_texts(material: dict) -> list[str]:
    text = material["text"]
    return [text[s:e] for s, e, _ in material["units"]]


def marking_html(material: dict, task: str, checked=frozenset(), id_prefix: str = "") -> Markup:
    """The article as paragraphs of words, each word a checkbox with the word as its label.

    Works without JavaScript (Tab and Space); app.js turns each article into one tab stop where
    arrow keys move between words (a roving tabindex). The first word of each sentence carries
    data-s (for Up/Down). Kept compact: a class of 35 fetches it at once. Every character is escaped.
    """
    text = material["text"]
    units = material["units"]
    paragraphs = material["paragraphs"] or [[0, len(text)]]
    out = []
    u = 0
    name = escape(task)
    prefix = escape(id_prefix + task[:1])
    last_sentence = None
    for p_start, p_end in paragraphs:
        parts = ["<p>"]
        pos = p_start
        while u < len(units) and units[u][1] <= p_end:
            s, e, sent = units[u]
            if s < p_start:
                u += 1
                continue
            parts.append(str(escape(text[pos:s])))
            extra = " checked" if u in checked else ""
            if sent != last_sentence:
                extra += f' data-s="{sent}"'
                last_sentence = sent
            parts.append(f'<input type="checkbox" id="{prefix}{u}" name="{name}" value="{u}"{extra}>'
                         f'<label for="{prefix}{u}">{escape(text[s:e])}</label>')
            pos = e
            u += 1
        parts.append(str(escape(text[pos:p_end])))
        parts.append("</p>")
        out.append("".join(parts))
    return Markup("\n".join(out))


class MarksError(ValueError):
    pass


def parse_marks(form, tasks: list[str], material: dict) -> dict:
    """A submitted form -> {task: sorted unit indices, "frame": label}; refuses anything out of range."""
    n = len(material["units"])
    marks: dict = {}
    for task in tasks:
        if task in WORD_TASKS:
            values = form.getlist(task) if hasattr(form, "getlist") else form.get(task, [])
            units = set()
            for v in values:
                try:
                    u = int(v)
                except (TypeError, ValueError):
                    raise MarksError(f"a mark for {task} is not a word number") from None
                if not 0 <= u < n:
                    raise MarksError(f"a mark for {task} points outside the article")
                units.add(u)
            marks[task] = sorted(units)
        elif task == "frame":
            value = form.get("frame") or ""
            options = [f[0] for f in material["frames"]]
            if value and value not in options:
                raise MarksError("that frame is not one of the choices")
            marks["frame"] = value
    return marks


def vector(units: list[int] | dict, n: int) -> list[int]:
    hit = {int(u) for u in units}
    return [1 if u in hit else 0 for u in range(n)]


def reveal_html(material: dict, task: str, mine=(), key=None, class_counts=None, total: int = 0,
                show_tool: bool = True) -> Markup:
    """The article for one word task after submission: the tool's flags (with their explanations),
    the student's own marks, the key and the class heat map, each drawn differently (not by colour
    alone: underline style, outline, and a text marker with the number of students)."""
    units = material["units"]
    text = material["text"]
    tool = material["tool"].get(task, {})
    layer = TOOL_LAYER[task]
    hs = [h for h in tool_highlights(material) if h.layer == layer] if show_tool else []
    mine = {int(u) for u in mine}
    key = None if key is None else {int(u) for u in key}
    for u, (s, e, _) in enumerate(units):
        classes = []
        words = []
        if u in mine:
            classes.append("m-you")
            words.append("you marked it")
        if show_tool and str(u) in tool:
            classes.append("m-tool")
            words.append("the tool flags it")
        if key is not None and u in key:
            classes.append("m-key")
            words.append("in the teacher's key")
        count = class_counts[u] if class_counts else 0
        marker = ""
        if count and total:
            share = count / total
            level = 1 if share <= 0.25 else 2 if share <= 0.5 else 3 if share <= 0.75 else 4
            classes.append(f"heat-{level}")
            marker = str(count)
            words.append(f"{count} of {total} students marked it")
        if classes:
            classes.append("m-word")
            hs.append(Highlight(s, e, "mark", " ".join(classes), marker, "; ".join(words), (), "", rank=60))
    return render_text(text, hs, [tuple(p) for p in material["paragraphs"]] or None)
