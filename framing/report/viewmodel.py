"""Gather what every report shows from a `StoryAnalysis`: tables, chart data, highlights, text.

This is the one place that reads the analysis. Renderers (html, markdown, csv, terminal) only lay out
the `ReportView` built here, so every format shows the same figures, and the classroom web app can
reuse the same view. Nothing is analysed here: figures come from the stages' summaries and the
comparison; where a figure is a plain count of annotations (findings of a category, attributions by
side) it is counted from the annotations themselves, each of which keeps its offsets, so every number
links back to the highlighted spans it counts.

Sections whose data is absent (a stage that did not run, a comparison that was skipped) are kept,
marked unavailable with the reason, so the layout of the report never depends on what ran.
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources

from .access import fields_of, get, items, plain, span_of, spans_of
from .highlight import Highlight

NOT_AVAILABLE = "not available"


# ---------------------------------------------------------------------------------------- structures
@dataclass(frozen=True)
class Link:
    """A piece of cell text, optionally linking to an anchor in the HTML report ("#a1-f3")."""

    text: str
    href: str = ""


@dataclass
class Cell:
    parts: list[Link] = field(default_factory=list)
    value: float | None = None  # the number behind the text, for sorting and CSV
    sep: str = " · "

    @property
    def text(self) -> str:
        return self.sep.join(p.text for p in self.parts)

    @classmethod
    def of(cls, text="", href: str = "", value: float | None = None) -> "Cell":
        if text is None:
            text = ""
        elif text.__class__ is not str:
            text = str(text)
        return cls([Link(text, href)] if text else [], value)


@dataclass
class Row:
    cells: list[Cell]
    anchor: str = ""  # id of the row in HTML, so other figures can link to it


@dataclass
class Table:
    id: str
    title: str
    columns: list[str]
    rows: list[Row] = field(default_factory=list)
    note: str = ""
    row_headers: bool = True  # first column labels the row
    missing: str = ""  # why the table is empty ("" when it has data)

    @property
    def available(self) -> bool:
        return not self.missing


@dataclass
class Chart:
    """Data for one generated chart. kind: "bar" (items) or "stacked" (rows + categories)."""

    id: str
    title: str
    kind: str
    items: list[tuple] = field(default_factory=list)  # (label, value, href)
    rows: list[tuple] = field(default_factory=list)  # (label, {category: value})
    categories: list[str] = field(default_factory=list)
    unit: str = ""


@dataclass
class Section:
    id: str
    title: str
    intro: str
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    missing: str = ""

    @property
    def available(self) -> bool:
        return not self.missing and any(t.available for t in self.tables)


@dataclass
class LegendEntry:
    key: str  # css class suffix
    marker: str
    label: str
    underline: str
    background: str
    layer: str = "finding"
    count: int = 0


@dataclass
class ArticleView:
    index: int
    anchor: str
    column: str  # the outlet column label (unique in the report)
    outlet: str
    title: str
    date: str
    url: str
    word_count: int
    sentence_count: int
    text: str
    paragraphs: list[tuple[int, int]]
    highlights: list[Highlight]
    notes: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (text, reason) cleaning removed


@dataclass
class ReportView:
    title: str
    story_name: str
    version: str
    columns: list[str]  # one per article, in story order (outlets as columns)
    articles: list[ArticleView]
    sections: list[Section]
    legend: list[LegendEntry]
    methods: list[dict]  # [{"title":..., "paragraphs": [...], "bullets": [...]}]
    problems: list[str]
    analyses: tuple = ()  # the source, for the data tables built on demand

    @property
    def data_tables(self) -> list[Table]:
        """Flat annotation tables with offsets (for CSV), built on first use: they are large."""
        cached = self.__dict__.get("_data_tables")
        if cached is None:
            cached = self.__dict__["_data_tables"] = _data_tables(self.analyses)
        return cached

    def section(self, sid: str) -> Section | None:
        return next((s for s in self.sections if s.id == sid), None)

    def tables(self):
        for s in self.sections:
            yield from s.tables


# ----------------------------------------------------------------------------------- style data
def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", str(value).lower()).strip("-") or "x"


@lru_cache(maxsize=1)
def category_styles() -> dict[str, dict]:
    """templates/categories.tsv: how each lexicon category is drawn (marker, underline, background)."""
    path = importlib_resources.files("framing.report") / "templates" / "categories.tsv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    out = {}
    for n, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=1):
        validate_style_row(row, f"{path.name}: row {n}")
        out[row["category"]] = row
    return out


def validate_style_row(row: dict, where: str = "") -> None:
    """The stylesheet takes underline styles and colours from categories.tsv: nothing else may pass."""
    if row.get("underline") not in UNDERLINES:
        raise ValueError(f"{where}: underline must be one of {', '.join(UNDERLINES)}")
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", row.get("background") or ""):
        raise ValueError(f"{where}: background must be a #rrggbb colour")
    if not row.get("marker") or not row.get("category"):
        raise ValueError(f"{where}: category and marker must not be empty")


UNDERLINES = ("solid", "double", "dotted", "dashed", "wavy")


def style_for(category: str) -> dict:
    styles = category_styles()
    if category in styles:
        return styles[category]
    base = dict(styles["default"])
    words = [w for w in re.split(r"[_\W]+", category) if w]
    base["marker"] = "".join(w[0] for w in words[:2]).upper() or "?"
    base["label"] = category.replace("_", " ") or base["label"]
    base["category"] = category
    return base


@lru_cache(maxsize=1)
def methods_text() -> list[dict]:
    """templates/methods.md parsed into sections of paragraphs and bullets (a tiny Markdown subset)."""
    path = importlib_resources.files("framing.report") / "templates" / "methods.md"
    sections: list[dict] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            sections.append({"title": line[3:].strip(), "paragraphs": [], "bullets": []})
        elif line.startswith("- ") and sections:
            sections[-1]["bullets"].append(line[2:].strip())
        elif line.strip() and sections:
            sections[-1]["paragraphs"].append(line.strip())
    return sections


def methods_markdown() -> str:
    path = importlib_resources.files("framing.report") / "templates" / "methods.md"
    return path.read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------- helpers
CUE_CLASSES = ("neutral", "endorsing", "distancing", "adversarial")
NON_LOADED = {"reporting_neutral"}  # categories that describe, not load, the wording


def _voice_share_cell(analysis, i: int, field: str, missing: str) -> Cell:
    """One article's shares of attributions by `field` of the speaker (side, party), commonest
    first, each linking to the article's attributions; `missing` names an empty value."""
    shares = Counter(get(x, field, default="") or missing for x in analysis.attributions)
    total = sum(shares.values())
    if not total:
        return Cell.of("no attributions", f"#art-{i}", 0)
    return Cell([Link(f"{value} {_pct(n / total)}", f"#attr-{i}") for value, n in
                 sorted(shares.items(), key=lambda kv: (-kv[1], kv[0]))], total)


def _pct(x) -> str:
    return f"{100 * float(x):.0f}%"


def _num(x, digits: int = 2) -> str:
    if x is None:
        return NOT_AVAILABLE
    if isinstance(x, int) or float(x).is_integer():
        return str(int(x))
    return f"{float(x):.{digits}f}"


def _excerpt(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _voice_of(finding) -> str:
    """"narrator" (the outlet's own words, scare quotes included) or "quote" (a quoted speaker's)."""
    voice = str(get(finding, "voice", default="") or "").lower()
    if voice in ("quote", "quoted", "speaker", "quotation"):
        return "quote"
    if voice:
        return "narrator"
    return "quote" if get(finding, "in_quote", default=False) else "narrator"


def _shown_findings(a) -> list[tuple[int, object]]:
    """(index, finding) of the findings a reader sees as flags.

    Left out: information-only rows (flag False: plain reporting verbs, neutral-and-mild words, which
    still go to the CSV/JSON data) and scare-quote findings the attribution stage credited to a
    speaker (summary["attribution"]["not_scare_quotes"]).
    """
    summary = a.summary if isinstance(a.summary, dict) else {}
    dropped = {(get(d, "start"), get(d, "end"))
               for d in items(get(get(summary, "attribution", default={}), "not_scare_quotes", default=()))}
    out = []
    for n, f in enumerate(a.findings):
        if not get(f, "flag", default=True):
            continue
        sp = span_of(f)
        if sp is None or (str(get(f, "category", default="")) == "scare_quote" and sp in dropped):
            continue
        out.append((n, f))
    return out


def _is_loaded(finding) -> bool:
    return str(get(finding, "category", default="")) not in NON_LOADED


def _column_labels(analyses) -> list[str]:
    names = [a.article.outlet or a.article.id or f"article {i + 1}" for i, a in enumerate(analyses)]
    counts = Counter(names)
    seen: Counter = Counter()
    out = []
    for name in names:
        if counts[name] > 1:
            seen[name] += 1
            out.append(f"{name} ({seen[name]})")
        else:
            out.append(name)
    return out


class _Anchors:
    """Element ids of each article's highlights, so any span in a table can link into the text."""

    def __init__(self, views: list[ArticleView], docs):
        self.exact: dict[tuple[int, int, int], str] = {}
        self.starts: list[list[int]] = []
        self.ends: list[list[int]] = []
        self.anchors: list[str] = []
        for view in views:
            for h in view.highlights:
                if h.anchor and h.layer != "sentence":
                    self.exact.setdefault((view.index, h.start, h.end), h.anchor)
        for view, doc in zip(views, docs):
            self.starts.append([s.start for s in doc.sentences])
            self.ends.append([s.end for s in doc.sentences])
            self.anchors.append(view.anchor)

    def href(self, article: int, span) -> str:
        """The highlight with exactly this span, else the sentence holding its start, else the article."""
        if span is None or article is None or not (0 <= article < len(self.starts)):
            return ""
        start, end = span
        exact = self.exact.get((article, start, end))
        if exact:
            return "#" + exact
        j = bisect_right(self.starts[article], start) - 1
        if j >= 0 and start < self.ends[article][j]:
            return f"#a{article}-s{j}"
        return f"#{self.anchors[article]}"


# ------------------------------------------------------------------------------ article highlights
def _finding_highlights(i: int, text: str, shown) -> list[Highlight]:
    out = []
    for n, f in shown:
        sp = span_of(f)
        cat = str(get(f, "category", default="") or "")
        st = style_for(cat)
        voice = _voice_of(f)
        term = text[sp[0]:sp[1]]
        who = ("quoted speaker" if voice == "quote" else
               "narrator (scare quotes)" if get(f, "voice", default="") == "scare_quote" else "narrator")
        tip = [f"{st['label']} ({st['marker']}) · {who}"]
        expl = get(f, "explanation", default="")
        if expl:
            tip.append(str(expl))
        alt = get(f, "alternative", default="")
        if alt:
            tip.append(f"More neutral: {alt}")
        if get(f, "negated", default=False):
            tip.append("Negated in the text")
        out.append(Highlight(sp[0], sp[1], "finding", f"cat-{_slug(cat)} voice-{voice}", st["marker"],
                             f"{st['label']}: {term}", tuple(tip), f"a{i}-f{n}", rank=30, tag="mark"))
    return out


def _attribution_highlights(i: int, attributions) -> list[Highlight]:
    out = []
    for n, a in enumerate(attributions):
        speaker = get(a, "speaker", default="") or "(unattributed)"
        side = get(a, "affiliation", default="") or ""
        role = get(a, "role", default="") or ""
        cue_class = get(a, "cue_class", default="") or "neutral"
        kind = get(a, "kind", default="") or ""
        who = speaker + (f" ({', '.join(x for x in (side, role) if x and x != 'unknown')})"
                         if (side or role not in ('', 'unknown')) else "")
        for k, sp in enumerate(spans_of(a, "content")):
            out.append(Highlight(sp[0], sp[1], "content", f"kind-{_slug(kind)}", "",
                                 f"{kind} content", (), f"a{i}-q{n}-c{k}", rank=10))
        sp = span_of(a, "source") or span_of(a, "speaker_span")
        if sp:
            out.append(Highlight(sp[0], sp[1], "speaker", "", "", f"speaker: {speaker}", (),
                                 f"a{i}-q{n}-s", rank=20))
        sp = span_of(a, "cue")
        if sp:
            tip = (f"Cue: {cue_class} reporting ({kind})", f"Speaker: {who}")
            marker = cue_class[:1].upper() if cue_class and cue_class != "neutral" else ""
            out.append(Highlight(sp[0], sp[1], "cue", f"cue-{_slug(cue_class)}", marker,
                                 f"cue ({cue_class})",
                                 tip, f"a{i}-q{n}", rank=25))
    return out


def _actor_highlights(i: int, mentions) -> list[Highlight]:
    out = []
    for n, m in enumerate(mentions):
        sp = span_of(m)
        if not sp:
            continue
        actor = plain(get(m, "actor_name", "actor", "canonical", "actor_id", default=""))
        role = plain(get(m, "role", default=""))
        side = plain(get(m, "affiliation", default=""))
        tip = tuple(x for x in (f"Actor: {actor}" + (f" ({side})" if side else "") if actor else "",
                                f"Role in the action: {role}" if role and role != "none" else "",
                                "Grouping is a guess: " + plain(get(m, "guess_reason", default=""))
                                if get(m, "is_guess", default=False) else "") if x)
        out.append(Highlight(sp[0], sp[1], "actor", "", "", f"actor: {actor}", tip,
                             f"a{i}-m{n}", rank=15))
    return out


def _is_hidden(event) -> bool:
    hidden = get(event, "agent_hidden", "hidden_agent", "agentless", "hidden")
    if hidden is not None:
        return bool(hidden)
    return not get(event, "agent", "agent_text", default="")


def _done_to(event) -> str:
    """The words of what a hidden agent's act was done to ("" when none): its text, never its
    offsets ("1564–1572" is what the span itself would print)."""
    return plain(get(event, "patient_text", "patient", default=""))


def _agency_highlights(i: int, text: str, events) -> list[Highlight]:
    out = []
    for n, e in enumerate(events):
        if not _is_hidden(e):
            continue
        sp = span_of(e) or span_of(e, "verb") or span_of(e, "trigger")
        if not sp:
            continue
        kind = plain(get(e, "construction", "kind", "type", default="passive")).replace("_", " ")
        patient = _done_to(e)
        tip = (f"Hidden agent ({kind}): the text does not say who did it",
               *([f"Done to: {patient}"] if patient else []))
        out.append(Highlight(sp[0], sp[1], "agency", "", "∅", f"hidden agent: {text[sp[0]:sp[1]]}",
                             tip, f"a{i}-h{n}", rank=28))
    return out


def _sentence_highlights(i: int, doc) -> list[Highlight]:
    return [Highlight(s.start, s.end, "sentence", "", "", "", (), f"a{i}-s{j}", rank=0)
            for j, s in enumerate(doc.sentences)]


def _article_view(i: int, column: str, a) -> ArticleView:
    art, doc = a.article, a.doc
    hs = (_sentence_highlights(i, doc) + _finding_highlights(i, art.text, _shown_findings(a))
          + _attribution_highlights(i, a.attributions) + _actor_highlights(i, a.actor_mentions)
          + _agency_highlights(i, art.text, a.agency))
    paragraphs = [(p.start, p.end) for p in doc.paragraphs] or None
    if paragraphs is None:
        pos, paragraphs = 0, []
        for line in art.text.split("\n"):
            if line.strip():
                paragraphs.append((pos, pos + len(line)))
            pos += len(line) + 1
    return ArticleView(i, f"art-{i}", column, art.outlet, art.title, art.date, art.url,
                       doc.word_count, len(doc.sentences), art.text, paragraphs, hs,
                       list(art.notes), [(r.text, r.reason) for r in art.removed])


# ------------------------------------------------------------------------------------- sections
def _quoted_words(doc) -> int:
    return sum(1 for t in doc.tokens if t.is_word and t.in_quote)


def _summary_section(analyses, cols, comparison, anchors) -> Section:
    sec = Section("summary", "Summary: the outlets side by side",
                  "Key figures per article. Each figure links to the spans or rows it counts.")
    t = Table("summary-matrix", "Summary matrix", ["Figure"] + cols)

    def row(label, cells, anchor=""):
        t.rows.append(Row([Cell.of(label)] + cells, anchor))

    row("Words", [Cell.of(a.doc.word_count, f"#art-{i}", a.doc.word_count) for i, a in enumerate(analyses)])
    has_lex = any(a.findings for a in analyses) or any("lexicon" in a.summary for a in analyses)
    densities: dict[str, list] = {}
    for voice, label in (("narrator", "Loaded wording per 100 words: narrator"),
                         ("quote", "Loaded wording per 100 words: quotes")):
        cells = []
        for i, a in enumerate(analyses):
            if not has_lex:
                cells.append(Cell.of(NOT_AVAILABLE))
                continue
            lex = get(a.summary, "lexicon", default={}) if isinstance(a.summary, dict) else {}
            stage = get(get(lex, "voices", default={}), "quoted" if voice == "quote" else voice)
            if stage is not None and get(stage, "per_100_words") is not None:
                # the lexicon stage's own figures, so every format agrees with the JSON
                n, words = int(get(stage, "flags", default=0)), int(get(stage, "words", default=0))
                density = float(get(stage, "per_100_words"))
            else:
                n = sum(1 for _, f in _shown_findings(a) if _voice_of(f) == voice and _is_loaded(f))
                quoted = _quoted_words(a.doc)
                words = quoted if voice == "quote" else a.doc.word_count - quoted
                density = 100 * n / words if words else 0.0
            if not words:
                cells.append(Cell.of("no quoted text" if voice == "quote" else "no text"))
                continue
            cells.append(Cell([Link(f"{float(density):.1f}", f"#flags-{i}-{voice}"),
                               Link(f"({n} in {words} words)", "")], float(density), " "))
        row(label, cells)
        if has_lex:
            densities[voice] = [(cols[i], c.value or 0.0, f"#flags-{i}-{voice}") for i, c in enumerate(cells)]
    has_attr = any(a.attributions for a in analyses) or any("attribution" in a.summary for a in analyses)
    row("Voice share by side (attributions)",
        [_voice_share_cell(a, i, "affiliation", "(unknown)") if has_attr else Cell.of(NOT_AVAILABLE)
         for i, a in enumerate(analyses)])
    if has_attr and any(get(x, "party", default="") for a in analyses for x in a.attributions):
        # in US news nearly every side is "United States": the parties are the sides a reader weighs
        row("Voice share by US party (attributions)",
            [_voice_share_cell(a, i, "party", "(none)") for i, a in enumerate(analyses)])
    cells = []
    for i, a in enumerate(analyses):
        if not has_attr:
            cells.append(Cell.of(NOT_AVAILABLE))
            continue
        classes = Counter(get(x, "cue_class", default="") or "neutral" for x in a.attributions)
        parts = [Link(f"{c} {classes[c]}", f"#attr-{i}") for c in CUE_CLASSES if classes.get(c)]
        parts += [Link(f"{c} {n}", f"#attr-{i}") for c, n in sorted(classes.items()) if c not in CUE_CLASSES]
        cells.append(Cell(parts or [Link("none")], sum(classes.values())))
    row("Cue classes (how speakers are introduced)", cells)
    has_agency = any(a.agency for a in analyses) or any("actors" in a.summary for a in analyses)
    cells = []
    for i, a in enumerate(analyses):
        if not has_agency:
            cells.append(Cell.of(NOT_AVAILABLE))
            continue
        n = sum(1 for e in a.agency if _is_hidden(e))
        cells.append(Cell.of(n, f"#agency-{i}", n))
    row("Hidden agents (agentless passives, nominalisations)", cells)
    has_frames = any(get(s, "frame", default="") for a in analyses for s in a.sentence_scores)
    cells = []
    for i, a in enumerate(analyses):
        frames = Counter(get(s, "frame", default="") for s in a.sentence_scores)
        frames.pop("", None)
        if not has_frames:
            cells.append(Cell.of(NOT_AVAILABLE))
            continue
        total = sum(frames.values())
        parts = [Link(f"{fr} {_pct(n / total)}", f"#scores-{i}") for fr, n in
                 sorted(frames.items(), key=lambda kv: (-kv[1], kv[0]))[:3]]
        cells.append(Cell(parts or [Link("none")], total))
    row("Frame mix (top frames, share of sentences)", cells)
    if has_frames:
        mix = [(cols[i], dict(Counter(f for f in (get(s, "frame", default="") for s in a.sentence_scores) if f)))
               for i, a in enumerate(analyses)]
        order = Counter()
        for _, d in mix:
            order.update(d)
        frame_chart = Chart("chart-frame-mix", "Frame mix: sentences per frame", "stacked", rows=mix,
                            categories=[f for f, _ in sorted(order.items(), key=lambda kv: (-kv[1], kv[0]))])
    else:
        frame_chart = None
    has_bias = any(get(s, "bias_probability") is not None for a in analyses for s in a.sentence_scores)
    cells = []
    for i, a in enumerate(analyses):
        scored = [s for s in a.sentence_scores if get(s, "bias_probability") is not None
                  and get(s, "voice", default="narrator") == "narrator"]
        if not has_bias:
            cells.append(Cell.of(NOT_AVAILABLE))
            continue
        n = sum(1 for s in scored if float(get(s, "bias_probability")) >= 0.5)
        share = n / len(scored) if scored else 0.0
        cells.append(Cell([Link(_pct(share), f"#scores-{i}"), Link(f"({n} of {len(scored)})")], share, " "))
    row("Narrator sentences scored as biased wording", cells)
    for label, cells in _readability_cells(analyses, comparison):
        row(label, cells)
    sec.tables.append(t)
    if "narrator" in densities:
        sec.charts.append(Chart("chart-density-narrator", "Loaded wording per 100 words of the outlet's own "
                                "text (narrator)", "bar", items=densities["narrator"]))
    if frame_chart is not None:
        sec.charts.append(frame_chart)
    return sec


def _per_outlet_lookup(container, analyses, i):
    """A comparison's per-article entry: keyed by article id, outlet, or index; else None."""
    if container is None:
        return None
    art = analyses[i].article
    if isinstance(container, dict):
        for key in (art.id, art.outlet, i, str(i)):
            if key in container:
                return container[key]
        return None
    seq = items(container)
    for entry in seq:
        if get(entry, "article_id", "article", default=None) == art.id:
            return entry
    for entry in seq:
        if get(entry, "outlet", default=None) == art.outlet:
            return entry
    if len(seq) == len(analyses):
        return seq[i]
    return None


READABILITY_FIELDS = (
    ("flesch_reading_ease", "Reading ease (Flesch, higher = easier)"),
    ("flesch_kincaid_grade", "School grade (Flesch-Kincaid)"),
    ("mean_sentence_words", "Words per sentence"),
    ("quoted_share", "Share of words in quotes"),
)


def _article_readability(comparison) -> dict:
    """Article id -> that article's own readability row (empty for a comparison made before
    session 20, which has outlet rows only)."""
    return {get(r, "article_id"): r for r in items(get(comparison, "article_readability", default=()))}


def _readability_cells(analyses, comparison):
    """The summary matrix's readability rows: one value per article (its own text, not its
    outlet's pooled figure, which would give two articles of one outlet the same value)."""
    per_article = _article_readability(comparison)
    readability = get(comparison, "readability")
    rows = []
    for name, label in READABILITY_FIELDS:
        cells, seen = [], False
        for i, a in enumerate(analyses):
            entry = per_article.get(a.article.id) or _per_outlet_lookup(readability, analyses, i)
            value = get(entry, name)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                seen = True
                text = _pct(value) if "share" in name else _num(value, 1)
                cells.append(Cell.of(text, "#readability", float(value)))
            else:
                cells.append(Cell.of(NOT_AVAILABLE))
        if seen or name == "flesch_reading_ease":
            rows.append((label, cells))
    return rows


def _attribution_section(analyses, cols, anchors) -> Section:
    sec = Section("voices", "Who gets a voice",
                  "Every attribution: who speaks, through which cue, saying what. The cue class is the "
                  "lexicon's connotation of the verb (neutral: said; endorsing: confirmed; distancing: "
                  "claimed; adversarial: accused).")
    t = Table("attributions", "Attribution table",
              ["Outlet", "Speaker", "Side", "Role", "Cue", "Cue class", "Kind", "Words", "Content"],
              row_headers=False)
    if not any(a.attributions for a in analyses):
        t.missing = "No attributions: the attribution stage did not run or found none."
    by_side: list[tuple] = []
    by_party: list[tuple] = []
    by_class: list[tuple] = []
    all_sides: Counter = Counter()
    all_parties: Counter = Counter()
    for i, a in enumerate(analyses):
        text = a.article.text
        sides: Counter = Counter()
        parties: Counter = Counter()
        classes: Counter = Counter()
        first = True
        for n, x in enumerate(a.attributions):
            cue_sp = span_of(x, "cue")
            contents = spans_of(x, "content")
            content = get(x, "content_text", default="") or " … ".join(text[s:e] for s, e in contents)
            side = get(x, "affiliation", default="") or "(unknown)"
            party = get(x, "party", default="")
            words = get(x, "content_words", default=len(content.split()))
            sides[side] += words or 1
            parties[party or "(none)"] += words or 1
            classes[get(x, "cue_class", default="neutral") or "neutral"] += 1
            cue_text = get(x, "cue_text", default="") or (text[cue_sp[0]:cue_sp[1]] if cue_sp else "")
            if get(x, "cue_lemma", default="") == "post" and not any(c.isalpha() for c in cue_text):
                cue_text += " (post)"  # an embedded post's signature dash says nothing by itself
            t.rows.append(Row([
                Cell.of(cols[i], f"#art-{i}"),
                Cell.of(get(x, "speaker", default="") or "(unattributed)",
                        anchors.href(i, span_of(x, "source") or span_of(x, "speaker_span"))),
                Cell.of(f"{side} · {party}" if party else side), Cell.of(get(x, "role", default="")),
                Cell.of(cue_text, f"#a{i}-q{n}" if cue_sp else ""),
                Cell.of(get(x, "cue_class", default="")), Cell.of(get(x, "kind", default="")),
                Cell.of(words, value=words),
                Cell.of(_excerpt(content), anchors.href(i, contents[0]) if contents else ""),
            ], f"attr-{i}" if first else ""))
            first = False
        all_sides.update(sides)
        all_parties.update(parties)
        by_side.append((cols[i], dict(sides)))
        by_party.append((cols[i], dict(parties)))
        by_class.append((cols[i], dict(classes)))
    sec.tables.append(t)
    if t.available:
        side_order = [s for s, _ in sorted(all_sides.items(), key=lambda kv: (-kv[1], kv[0]))]
        sec.charts.append(Chart("chart-voice-share", "Voice share by side (words of attributed content)",
                                "stacked", rows=by_side, categories=side_order))
        if set(all_parties) - {"(none)"}:  # US news: the parties are the sides a reader weighs
            party_order = [p for p, _ in sorted(all_parties.items(), key=lambda kv: (-kv[1], kv[0]))]
            sec.charts.append(Chart("chart-voice-party", "Voice share by US party (words of attributed "
                                    "content)", "stacked", rows=by_party, categories=party_order))
        extra = sorted({c for _, d in by_class for c in d} - set(CUE_CLASSES))
        sec.charts.append(Chart("chart-cue-classes", "Cue classes per outlet (number of attributions)",
                                "stacked", rows=by_class, categories=list(CUE_CLASSES) + extra))
    return sec


def _naming_section(analyses, cols, comparison, anchors) -> Section:
    sec = Section("naming", "What each outlet calls each actor",
                  "The naming matrix: actors (rows) and the labels each outlet uses for them, with counts. "
                  "Labels the lexicon flags are marked ⚑.")
    t = Table("naming-matrix", "Naming matrix", ["Actor"] + cols)
    naming = get(comparison, "naming", "naming_matrix")
    rows_data = _naming_rows(naming, analyses)
    if rows_data is None:
        rows_data = _naming_from_mentions(analyses)
    if not rows_data:
        t.missing = "No actor mentions: the actors stage did not run or found none."
    for actor, guessed, per_article in rows_data:
        cells = [Cell.of(actor + (" (grouping is a guess)" if guessed else ""))]
        for i in range(len(analyses)):
            labels = per_article.get(i, [])
            parts = [Link(f"{'⚑ ' if flagged else ''}{label} ×{n}", anchors.href(i, sp))
                     for label, n, flagged, sp in labels]
            cells.append(Cell(parts or [Link("—")], sum(n for _, n, _, _ in labels), "; "))
        t.rows.append(Row(cells))
    sec.tables.append(t)
    return sec


def _naming_rows(naming, analyses):
    """Rows from the comparison's naming matrix (actors x outlets -> label uses); None if absent.

    Reads framing.model.actors.NamingMatrix or its plain-data form: actors, actor_names, outlets,
    cells (actor_id, outlet, labels: label, count, flagged, spans: article_id/start/end, is_guess).
    """
    actors = list(get(naming, "actors", default=()) or ())
    cells = items(get(naming, "cells", default=()))
    if not actors or not cells:
        return None
    names = list(get(naming, "actor_names", default=()) or ())
    idx = _Index(analyses)
    guessed: dict[str, bool] = defaultdict(bool)
    per_actor: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for c in cells:
        aid = get(c, "actor_id", default="")
        outlet = get(c, "outlet", default="")
        for use in items(get(c, "labels", default=())):
            spans = items(get(use, "spans", default=()))
            i = idx.of(get(spans[0], "article_id") if spans else None, outlet)
            if i is None:
                continue
            if get(use, "is_guess", default=False):
                guessed[aid] = True
            per_actor[aid][i].append((plain(get(use, "label", default="")), int(get(use, "count", default=1)),
                                      bool(get(use, "flagged", default=False)),
                                      span_of(spans[0]) if spans else None))
    out = []
    for k, aid in enumerate(actors):
        name = names[k] if k < len(names) and names[k] else aid
        out.append((str(name), guessed[aid], dict(per_actor.get(aid, {}))))
    return out


def _naming_from_mentions(analyses):
    """Fallback: group each article's actor mentions by their actor key and count the labels."""
    table: dict[str, dict[int, Counter]] = defaultdict(lambda: defaultdict(Counter))
    first: dict = {}
    guesses: set = set()
    for i, a in enumerate(analyses):
        for m in a.actor_mentions:
            sp = span_of(m)
            if not sp:
                continue
            if get(m, "kind", default="") == "pronoun":
                continue
            actor = plain(get(m, "actor_name", "actor", "canonical", "actor_id", default=""))
            if not actor:
                continue
            label = " ".join(str(get(m, "label", default="") or a.article.text[sp[0]:sp[1]]).split())
            if get(m, "is_guess", default=False):
                guesses.add(actor)
            table[actor][i][label] += 1
            first.setdefault((actor, i, label), sp)
    out = []
    for actor in sorted(table, key=lambda k: (-sum(sum(c.values()) for c in table[k].values()), k)):
        per = {i: [(label, n, False, first[(actor, i, label)]) for label, n in
                   sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))] for i, c in table[actor].items()}
        out.append((actor, actor in guesses, per))
    return out


def _comparison_missing(comparison) -> str:
    if comparison is None:
        return "The comparison did not run (it needs the compare stage and at least one article)."
    return ""


class _Index:
    """Article id / outlet name -> column index, for reading the comparison's references."""

    def __init__(self, analyses):
        self.by_id = {a.article.id: i for i, a in enumerate(analyses)}
        self.by_outlet: dict[str, int] = {}
        for i, a in enumerate(analyses):
            self.by_outlet.setdefault(a.article.outlet, i)

    def of(self, article_id=None, outlet=None):
        if article_id is not None and article_id in self.by_id:
            return self.by_id[article_id]
        return self.by_outlet.get(outlet)


def _sides_from(obj):
    return items(get(obj, "sides", default=()))


def _closest_cell(om, anchors, idx) -> Cell:
    """An omission's closest wording on the other side: outlet, similarity, excerpt, linked to
    the span; empty when the other side had no sentence alike enough to be scored."""
    art = get(om, "closest_article_id", default="")
    sim = get(om, "closest_similarity", default=None)
    if not art or sim is None:
        return Cell.of("")
    i = idx.of(art, get(om, "closest_outlet", default=""))
    sp = span_of(om, "closest")
    text = (f"{get(om, 'closest_outlet', default='')} ({_pct(sim)} alike): "
            f"{_excerpt(get(om, 'closest_text', default=''), 110)}")
    return Cell.of(text, anchors.href(i, sp) if i is not None and sp and sp[0] >= 0 else "")


def _coverage_section(analyses, cols, comparison, anchors, idx) -> Section:
    sec = Section("coverage", "Coverage and omission",
                  "Facts (sentences aligned across outlets) and where each outlet carries them: headline, "
                  "lede (first sentences) or body, with the place in the body (0% = top). A dash: the "
                  "outlet does not carry it. Facts only one outlet carries and facts all but one carry "
                  "are listed below the matrix, each with the closest wording the other side has: "
                  "when it is as alike as aligned sentences are, the fact may be carried in other "
                  "words, and the list says so.")
    t = Table("coverage-matrix", "Coverage matrix", ["Fact (as one outlet words it)"] + cols)
    o = Table("omissions", "Omissions",
              ["Fact", "Kind", "Outlet", "Carried by", "Closest wording elsewhere"],
              row_headers=False)
    d = Table("copy-diffs", "Rewritten copy: near-identical sentences and the words changed",
              ["Outlets", "Similarity", "Changes"], row_headers=False)
    missing = _comparison_missing(comparison)
    claims = items(get(comparison, "claims", default=()))
    if missing or not claims:
        for tab in (t, o, d):
            tab.missing = missing or "No facts were aligned across the outlets."
        sec.tables += [t, o, d]
        return sec
    cells: dict[tuple[str, int], object] = {}
    for c in items(get(comparison, "coverage", default=())):
        i = idx.of(get(c, "article_id"), get(c, "outlet"))
        if i is not None:
            cells.setdefault((get(c, "claim_id", default=""), i), c)
    n_cols = len(analyses)
    for claim in claims:
        cid = get(claim, "id", default="")
        row = [Cell.of(f"{cid}: {_excerpt(get(claim, 'text', default=''), 110)}")]
        carried = 0
        for i in range(n_cols):
            c = cells.get((cid, i))
            if c is None:
                row.append(Cell.of("—"))
                continue
            carried += 1
            pos = get(c, "position", default="")
            frac = get(c, "fraction", default=None)
            label = pos if pos in ("headline", "subhead", "lede") or frac is None else f"body {_pct(frac)}"
            sp = span_of(c)
            row.append(Cell.of(label, anchors.href(i, sp), frac))
        t.rows.append(Row(row, f"claim-{_slug(cid)}"))
    if n_cols > 1 and t.rows:
        t.note = "Facts carried by every outlet come first."
    omissions = sorted(items(get(comparison, "omissions", default=())),  # "all but one" first: the gaps
                       key=lambda om: get(om, "kind", default="") != "all_but_one")
    for om in omissions:
        cid = get(om, "claim_id", default="")
        kind = get(om, "kind", default="")
        kind_text = {"only_one": "only this outlet carries it",
                     "all_but_one": "every other outlet carries it; this one leaves it out"}.get(kind, kind)
        if get(om, "possibly_carried", default=False):
            kind_text += " — possibly carried elsewhere in other words"
        o.rows.append(Row([Cell.of(f"{cid}: {_excerpt(get(om, 'text', default=''), 110)}",
                                   f"#claim-{_slug(cid)}"),
                           Cell.of(kind_text), Cell.of(get(om, "outlet", default="")),
                           Cell.of(", ".join(get(om, "carried_by", default=()))),
                           _closest_cell(om, anchors, idx)]))
    if not o.rows:
        o.missing = "No fact is carried by only one outlet or left out by only one."
    for cd in items(get(comparison, "copy_diffs", default=())):
        ia = idx.of(get(cd, "a_article"), get(cd, "a_outlet"))
        ib = idx.of(get(cd, "b_article"), get(cd, "b_outlet"))
        parts = []
        for ch in items(get(cd, "changes", default=())):
            a_text, b_text = get(ch, "a_text", default=""), get(ch, "b_text", default="")
            a_sp = span_of(ch, "a")
            b_sp = span_of(ch, "b")
            parts.append(Link(f"{a_text or '(nothing)'} → {b_text or '(nothing)'}",
                              anchors.href(ib, b_sp) if b_sp and b_sp[0] >= 0 else
                              anchors.href(ia, a_sp) if a_sp and a_sp[0] >= 0 else ""))
        ratio = get(cd, "ratio", default=None)
        outlets = [Link(get(cd, "a_outlet", default=""), anchors.href(ia, span_of(cd, "a"))),
                   Link(get(cd, "b_outlet", default=""), anchors.href(ib, span_of(cd, "b")))]
        d.rows.append(Row([Cell(outlets, sep=" / "), Cell.of(_pct(ratio) if ratio is not None else "", value=ratio),
                           Cell(parts or [Link("identical wording")], sep="; ")]))
    if not d.rows:
        d.missing = "No two outlets share a near-identical sentence."
    sec.tables += [t, o, d]
    return sec


def _disagreement_section(analyses, comparison, anchors, idx) -> Section:
    sec = Section("disagreements", "Disagreeing figures and dates",
                  "Numbers and dates that refer to the same thing but differ between outlets, with each "
                  "outlet's words and whom it credits. Low-confidence matches are marked possible.")
    t = Table("disagreements", "Disagreeing figures and dates",
              ["What", "Kind", "Confidence", "Outlet", "Value", "In the text", "Credited to"],
              row_headers=False)
    missing = _comparison_missing(comparison)
    if missing:
        t.missing = missing
    for dis in items(get(comparison, "disagreements", default=())):
        conf = get(dis, "confidence", default="")
        label = get(dis, "label", "key", default="")
        for k, side in enumerate(_sides_from(dis)):
            i = idx.of(get(side, "article_id"), get(side, "outlet"))
            sp = span_of(side)
            t.rows.append(Row([
                Cell.of(label if k == 0 else ""), Cell.of(get(dis, "kind", default="") if k == 0 else ""),
                Cell.of(("possible" if conf == "low" else conf) if k == 0 else ""),
                Cell.of(get(side, "outlet", default="")), Cell.of(get(side, "value", default="")),
                Cell.of(get(side, "text", default=""), anchors.href(i, sp) if sp else ""),
                Cell.of(get(side, "attributed_to", default="") or "the outlet itself")],
                f"dis-{_slug(get(dis, 'group_id', default=''))}" if k == 0 else ""))
    if not t.missing and not t.rows:
        t.missing = "The outlets do not disagree on any figure or date that they share."
    sec.tables.append(t)
    return sec


def _distinctive_section(analyses, cols, comparison, anchors, idx) -> Section:
    sec = Section("distinctive", "Distinctive terms",
                  "Words and short phrases each outlet uses more than the others: log-odds ratio with an "
                  "informative Dirichlet prior (Monroe, Colaresi and Quinn 2008). A z-score above 1.96 is "
                  "unlikely to be chance; with a few short articles few terms pass it, so the top terms "
                  "are shown with their z-scores.")
    t = Table("distinctive-terms", "Distinctive terms per outlet",
              ["Outlet", "Term", "Count", "Count in the others", "z-score", "Share in quotes"],
              row_headers=False)
    s = Table("similarity", "How alike the outlets are (cosine similarity of their profiles)", ["Outlet"])
    missing = _comparison_missing(comparison)
    if missing:
        t.missing = s.missing = missing
        sec.tables += [t, s]
        return sec
    per_outlet: dict[str, list] = defaultdict(list)
    for term in items(get(comparison, "distinctive_terms", default=())):
        per_outlet[get(term, "outlet", default="")].append(term)
    for outlet in sorted(per_outlet, key=lambda o: (idx.of(outlet=o) is None, idx.of(outlet=o) or 0, o)):
        terms = sorted(per_outlet[outlet], key=lambda x: (-float(get(x, "z", default=0)),
                                                          get(x, "term", default="")))[:TOP_TERMS]
        for k, term in enumerate(terms):
            occ = items(get(term, "occurrences", default=()))
            href = ""
            if occ:
                i = idx.of(get(occ[0], "article_id"))
                href = anchors.href(i, span_of(occ[0]))
            z = get(term, "z", default=None)
            qs = get(term, "quoted_share", default=None)
            t.rows.append(Row([Cell.of(outlet if k == 0 else ""), Cell.of(get(term, "term", default=""), href),
                               Cell.of(get(term, "count", default=""), value=get(term, "count")),
                               Cell.of(get(term, "count_rest", default=""), value=get(term, "count_rest")),
                               Cell.of(_num(z) if z is not None else "", value=z),
                               Cell.of(_pct(qs) if qs is not None else "", value=qs)]))
    if not t.rows:
        t.missing = "No distinctive terms (the story may have a single outlet)."
    sim = get(comparison, "similarity")
    outlets = list(get(sim, "outlets", default=()) or ())
    matrix = items(get(sim, "combined", default=()))
    if outlets and len(matrix) == len(outlets):
        s.columns = ["Outlet"] + outlets
        for o, values in zip(outlets, matrix):
            s.rows.append(Row([Cell.of(o)] + [Cell.of(_num(v), value=v) for v in values]))
        fams = get(sim, "families", default=())
        s.note = f"From: {', '.join(fams)}." if fams else ""
    else:
        s.missing = "No similarity was computed."
    sec.tables += [t, s]
    return sec


TOP_TERMS = 8


def _readability_section(analyses, cols, comparison) -> Section:
    """Per outlet; when an outlet has several articles, each article's own row follows its
    outlet's pooled one, under the article's column label, so that the summary matrix's
    per-article values can be found here too."""
    sec = Section("readability", "Readability",
                  "How hard each outlet's text is to read (textstat's formulas, offline), how long its sentences "
                  "are, and how much of it is quoted speech.")
    t = Table("readability", "Readability per outlet",
              ["Outlet", "Words", "Words per sentence", "Reading ease (Flesch)", "Grade (Flesch-Kincaid)",
               "Fog index", "Quoted words"])
    per_article = _article_readability(comparison)
    for r in items(get(comparison, "readability", default=())):
        t.rows.append(_readability_row(get(r, "outlet", default=""), r))
        outlet = get(r, "outlet")
        mine = [(label, per_article.get(a.article.id)) for a, label in zip(analyses, cols)
                if a.article.outlet == outlet]
        if len(mine) > 1:
            t.rows.extend(_readability_row(label, row) for label, row in mine if row is not None)
    if not t.rows:
        t.missing = _comparison_missing(comparison) or "No readability figures."
    sec.tables.append(t)
    return sec


def _readability_row(label: str, r) -> Row:
    qs = get(r, "quoted_share")
    return Row([Cell.of(label),
                Cell.of(get(r, "words", default=""), value=get(r, "words")),
                *[Cell.of(_num(get(r, f), 1) if get(r, f) is not None else "", value=get(r, f))
                  for f in ("mean_sentence_words", "flesch_reading_ease",
                            "flesch_kincaid_grade", "gunning_fog")],
                Cell.of(_pct(qs) if qs is not None else "", value=qs)])


def _articles_evidence(analyses, cols, anchors) -> Section:
    """Per article: every flag with its explanation, each linking to its highlighted span."""
    sec = Section("evidence", "Every flag, article by article",
                  "The rows behind the counts above. Each links to its highlighted span in the articles.")
    for i, a in enumerate(analyses):
        text = a.article.text
        t = Table(f"flags-{i}", f"{cols[i]}: flagged wording",
                  ["Voice", "Words", "Category", "Why it is flagged", "More neutral"], row_headers=False)
        ordered = sorted(_shown_findings(a), key=lambda nf: (_voice_of(nf[1]) != "narrator",
                                                             (span_of(nf[1]) or (0, 0))))
        seen_voice = set()
        for n, f in ordered:
            sp = span_of(f)
            if not sp:
                continue
            voice = _voice_of(f)
            anchor = f"flags-{i}-{voice}" if voice not in seen_voice else ""
            seen_voice.add(voice)
            cat = str(get(f, "category", default=""))
            t.rows.append(Row([Cell.of(voice), Cell.of(text[sp[0]:sp[1]], f"#a{i}-f{n}"),
                               Cell.of(f"{style_for(cat)['marker']} {cat}"),
                               Cell.of(get(f, "explanation", default="")),
                               Cell.of(get(f, "alternative", default=""))], anchor))
        for voice in ("narrator", "quote"):
            if voice not in seen_voice:
                t.rows.append(Row([Cell.of(voice), Cell.of("none"), Cell(), Cell(), Cell()],
                                  f"flags-{i}-{voice}"))
        if not ordered:
            t.note = "No flagged wording (or the lexicon stage did not run)."
        sec.tables.append(t)
        hidden = [(n, e) for n, e in enumerate(a.agency) if _is_hidden(e)]
        t = Table(f"agency-{i}", f"{cols[i]}: hidden agents", ["Words", "Construction", "Done to"],
                  row_headers=False)
        for n, e in hidden:
            sp = span_of(e) or span_of(e, "verb") or span_of(e, "trigger")
            t.rows.append(Row([Cell.of(text[sp[0]:sp[1]] if sp else plain(e), f"#a{i}-h{n}" if sp else ""),
                               Cell.of(plain(get(e, "construction", "kind", "type", default=""))),
                               Cell.of(_done_to(e))],
                              f"agency-{i}" if not t.rows else ""))
        if not hidden:
            t.note = "None found (or the actors stage did not run)."
            t.rows.append(Row([Cell.of("none"), Cell(), Cell()], f"agency-{i}"))
        sec.tables.append(t)
        t = Table(f"scores-{i}", f"{cols[i]}: sentence scores",
                  ["Sentence", "Voice", "Frame", "Frame prob.", "Biased wording prob.", "Why (top features)"],
                  row_headers=False)
        for s in a.sentence_scores:
            j = get(s, "sentence", default=0)
            sp = span_of(s)
            feats = get(s, "bias_features", default=()) or ()
            why = ", ".join(plain(get(f, "name", default="")) for f in list(feats)[:3])
            bp = get(s, "bias_probability")
            fp = get(s, "frame_probability")
            t.rows.append(Row([
                Cell.of(_excerpt(text[sp[0]:sp[1]], 70) if sp else str(j), anchors.href(i, sp)),
                Cell.of(get(s, "voice", default="")), Cell.of(get(s, "frame", default="")),
                Cell.of(_num(fp) if fp is not None else "", value=fp),
                Cell.of(_num(bp) if bp is not None else "", value=bp), Cell.of(why)],
                f"scores-{i}" if not t.rows else ""))
        if not t.rows:
            t.rows.append(Row([Cell.of("no sentence scores (the classify stage did not run)")] +
                              [Cell() for _ in range(5)], f"scores-{i}"))
        sec.tables.append(t)
    return sec


def _flat(obj, prefix: str = "") -> dict:
    """Scalar fields of an annotation, spans as name_start/name_end, nested parts as text."""
    out = {}
    for name in fields_of(obj):
        value = get(obj, name)
        key = prefix + name
        sp = span_of(value) if value is not None and not isinstance(value, (int, float, str, bool)) else None
        if sp and len(fields_of(value)) == 2:
            out[key + "_start"], out[key + "_end"] = sp
        elif isinstance(value, (tuple, list)) and value and all(span_of(v) and len(fields_of(v)) == 2
                                                                for v in value):
            out[key] = ";".join(f"{a}-{b}" for a, b in (span_of(v) for v in value))
        elif isinstance(value, (int, float, str, bool)) or value is None:
            out[key] = value
        else:
            out[key] = plain(value)
    return out


def _flat_table(tid: str, title: str, analyses, attr: str, extra=None) -> Table:
    rows: list[dict] = []
    for a in analyses:
        text = a.article.text
        for n, obj in enumerate(getattr(a, attr, ()) or ()):
            row = {"article_id": a.article.id, "outlet": a.article.outlet, "n": n}
            sp = span_of(obj)
            if sp:
                row["start"], row["end"] = sp
                row["text"] = text[sp[0]:sp[1]]
            row.update({k: v for k, v in _flat(obj).items() if k not in row})
            if extra:
                row.update(extra(obj))
            rows.append(row)
    columns: list[str] = []
    for r in rows:
        columns += [k for k in r if k not in columns]
    t = Table(tid, title, columns, row_headers=False)
    for r in rows:
        t.rows.append(Row([Cell.of("" if r.get(c) is None else r.get(c),
                                   value=r.get(c) if isinstance(r.get(c), (int, float)) and
                                   not isinstance(r.get(c), bool) else None) for c in columns]))
    if not rows:
        t.missing = "none"
    return t


def _data_tables(analyses) -> list[Table]:
    arts = Table("articles", "Articles", ["article_id", "outlet", "title", "date", "url", "words",
                                          "sentences", "quoted_words", "source", "removed"], row_headers=False)
    for a in analyses:
        art = a.article
        arts.rows.append(Row([Cell.of(v) for v in (
            art.id, art.outlet, art.title, art.date, art.url, a.doc.word_count, len(a.doc.sentences),
            _quoted_words(a.doc), art.source, len(art.removed))]))
    return [
        arts,
        _flat_table("findings", "Flagged wording (lexicon findings)", analyses, "findings",
                    lambda f: {"voice": _voice_of(f)}),
        _flat_table("attribution-spans", "Attributions with offsets", analyses, "attributions"),
        _flat_table("actor-mentions", "Actor mentions", analyses, "actor_mentions"),
        _flat_table("agency", "Agency events", analyses, "agency"),
        _flat_table("sentence-scores", "Sentence scores", analyses, "sentence_scores"),
    ]


def _legend(views: list[ArticleView]) -> list[LegendEntry]:
    counts: Counter = Counter()
    for v in views:
        for h in v.highlights:
            if h.layer == "finding":
                cat = next((c[4:] for c in h.css.split() if c.startswith("cat-")), "")
                counts[cat] += 1
    out = []
    styles = category_styles()
    for key in sorted(counts, key=lambda k: (list(styles).index(k) if k in styles else 999, k)):
        st = style_for(key)
        out.append(LegendEntry(_slug(key), st["marker"], st["label"], st["underline"], st["background"],
                               "finding", counts[key]))
    return out


def all_categories_css() -> list[LegendEntry]:
    """Every category of categories.tsv, for the stylesheet (unknown categories use the default)."""
    return [LegendEntry(_slug(k), v["marker"], v["label"], v["underline"], v["background"])
            for k, v in category_styles().items()]


# ---------------------------------------------------------------------------------------- entry
def build_view(result) -> ReportView:
    """The whole report as data: tables, charts, highlights, legend, methods text, problems."""
    analyses = list(result.analyses)
    story = result.story
    cols = _column_labels(analyses)
    views = [_article_view(i, cols[i], a) for i, a in enumerate(analyses)]
    anchors = _Anchors(views, [a.doc for a in analyses])
    comparison = result.comparison
    idx = _Index(analyses)
    sections = [
        _summary_section(analyses, cols, comparison, anchors),
        _naming_section(analyses, cols, comparison, anchors),
        _attribution_section(analyses, cols, anchors),
        _coverage_section(analyses, cols, comparison, anchors, idx),
        _disagreement_section(analyses, comparison, anchors, idx),
        _distinctive_section(analyses, cols, comparison, anchors, idx),
        _readability_section(analyses, cols, comparison),
        _articles_evidence(analyses, cols, anchors),
    ]
    name = getattr(story, "name", "") or "story"
    problems = [str(p) for p in result.problems]
    return ReportView(f"Framing report: {name}", name, result.version, cols, views, sections,
                      _legend(views), methods_text(), problems, tuple(analyses))
