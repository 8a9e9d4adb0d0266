"""The story view of the web app, built from the report's view-model: the same data, laid out in pages.

`framing.report.viewmodel.build_view` gathers every table, chart and highlight of a story's analysis;
the HTML report lays them out in one file, and this module lays the very same objects out as the
app's pages (articles side by side, naming, voices, coverage, figures and dates, distinctive words,
every flag). Nothing is computed twice. What is added here is presentation only:

- links: the report's in-page anchors ("#a1-f3", "#claim-c002") point to the page that holds them;
- a sentence-score layer drawn from each `SentenceScore` (the classify stage's probabilities);
- on each actor highlight, the labels the other outlets use for the same actor, read from the
  report's naming rows.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from markupsafe import Markup

from ..report import viewmodel as vm
from ..report.access import get, span_of
from ..report.highlight import Highlight, render_text

#: page id -> (title, the report sections it shows)
PAGES = (
    ("articles", "Articles side by side", ()),
    ("summary", "Summary", ("summary", "readability")),
    ("naming", "Naming", ("naming",)),
    ("voices", "Who gets a voice", ("voices",)),
    ("coverage", "Coverage and omission", ("coverage",)),
    ("figures", "Figures and dates", ("disagreements",)),
    ("words", "Distinctive words", ("distinctive",)),
    ("evidence", "Every flag", ("evidence",)),
)
PAGE_TITLES = {p: t for p, t, _ in PAGES}
SECTION_PAGE = {s: p for p, _, secs in PAGES for s in secs}

#: the highlight layers a reader can switch on and off, in legend order: (layer, label, on at start)
LAYERS = (
    ("finding", "Loaded wording (by category)", True),
    ("cue", "Attribution cues (reporting verbs)", True),
    ("speaker", "Speakers", True),
    ("content", "Quoted or reported content", False),
    ("actor", "Actors' labels", False),
    ("agency", "Hidden agents", False),
    ("score", "Sentence scores (classifier)", False),
)

SCORE_BINS = ((0.8, "high", "B+", "very likely biased wording"), (0.6, "mid", "B", "likely biased wording"),
              (0.5, "low", "b", "leaning to biased wording"))


def page_of_anchor(anchor: str) -> str:
    """The app page that holds the element with this id (report anchors, see viewmodel)."""
    if re.match(r"^(art-\d+|a\d+-)", anchor):
        return "articles"
    for prefix, page in (("flags-", "evidence"), ("agency-", "evidence"), ("scores-", "evidence"),
                         ("tbl-flags", "evidence"), ("tbl-agency", "evidence"), ("tbl-scores", "evidence"),
                         ("attr-", "voices"), ("claim-", "coverage"), ("dis-", "figures"),
                         ("readability", "summary"), ("summary", "summary")):
        if anchor.startswith(prefix):
            return page
    for sec, page in SECTION_PAGE.items():
        if anchor == sec or anchor.startswith(f"tbl-{sec}"):
            return page
    return ""


@dataclass
class StoryPage:
    sid: str
    name: str
    result: object  # StoryAnalysis
    view: object  # framing.report.viewmodel.ReportView, links rewritten for the app
    texts: list  # Markup per article: escaped text with every highlight layer
    charts: dict  # chart id -> SVG Markup
    legend: list
    layer_counts: dict
    prompts: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    def sections_of(self, page: str):
        names = dict((p, secs) for p, _, secs in PAGES).get(page, ())
        return [s for s in self.view.sections if s.id in names]

    def article(self, position: int):
        return self.view.articles[position], self.result.analyses[position]


def _rewrite(href: str, base: str) -> str:
    if not href.startswith("#"):
        return href
    page = page_of_anchor(href[1:])
    if not page:
        return href
    path = base if page == "articles" else f"{base}/{page}"
    return f"{path}{href}"


def rewrite_links(view, base: str) -> None:
    """Point every cell link and chart bar of the view to the app page holding its target."""
    for sec in view.sections:
        for table in sec.tables:
            for row in table.rows:
                for cell in row.cells:
                    cell.parts = [dataclasses.replace(p, href=_rewrite(p.href, base)) if p.href else p
                                  for p in cell.parts]
        for chart in sec.charts:
            # Bars drawn as links sit inside the chart's role="img", which hides them from assistive
            # technology (axe: nested-interactive). The same links are in the tables beside each
            # chart, so the app draws the bars without them.
            chart.items = [tuple(it[:2]) + ("",) for it in chart.items]
    for table in view.data_tables:
        for row in table.rows:
            for cell in row.cells:
                cell.parts = [dataclasses.replace(p, href=_rewrite(p.href, base)) if p.href else p
                              for p in cell.parts]


def naming_by_actor(result) -> dict[str, dict[int, list[tuple[str, int]]]]:
    """actor name -> article index -> [(label, count)]: the report's naming rows."""
    analyses = list(result.analyses)
    naming = get(result.comparison, "naming", "naming_matrix")
    rows = vm._naming_rows(naming, analyses)
    if rows is None:
        rows = vm._naming_from_mentions(analyses)
    return {actor: {i: [(label, n) for label, n, _, _ in uses] for i, uses in per.items()}
            for actor, _, per in rows}


def _actor_tips(i: int, highlights, analysis, naming, columns) -> list[Highlight]:
    """Actor highlights with one more line: what the other outlets call the same actor."""
    out = []
    for h in highlights:
        if h.layer != "actor" or not h.anchor:
            out.append(h)
            continue
        m = re.match(rf"^a{i}-m(\d+)$", h.anchor)
        mention = analysis.actor_mentions[int(m.group(1))] if m else None
        name = str(get(mention, "actor_name", "actor", "canonical", "actor_id", default="")) if mention else ""
        per = naming.get(name, {})
        others = []
        for j, col in enumerate(columns):
            if j == i:
                continue
            labels = per.get(j, [])
            others.append(f"{col}: " + (", ".join(f"“{lab}” ×{n}" for lab, n in labels[:3]) if labels else "does not name it"))
        tip = tuple(h.tip) + ((f"Other outlets: {'; '.join(others)}",) if others else ())
        out.append(dataclasses.replace(h, tip=tip))
    return out


def score_highlights(i: int, analysis) -> list[Highlight]:
    """One highlight per sentence the bias model scores at 0.5 or more, with its probability."""
    out = []
    for n, s in enumerate(analysis.sentence_scores):
        p = get(s, "bias_probability")
        sp = span_of(s)
        if p is None or sp is None or float(p) < 0.5:
            continue
        level, marker, words = next((lvl, mk, w) for cut, lvl, mk, w in SCORE_BINS if float(p) >= cut)
        feats = [str(get(f, "name", default="")) for f in list(get(s, "bias_features", default=()) or ())[:3]]
        tip = [f"Sentence score: {float(p):.0%} probability of biased wording ({words})",
               f"Voice: {get(s, 'voice', default='narrator')}"]
        if feats:
            tip.append("Why: " + ", ".join(feats))
        frame = get(s, "frame", default="")
        if frame:
            fp = get(s, "frame_probability")
            tip.append(f"Frame: {frame}" + (f" ({float(fp):.0%})" if fp is not None else ""))
        tip.append("A model's estimate from examples, not a verdict.")
        out.append(Highlight(sp[0], sp[1], "score", f"score-{level}", marker, f"sentence score {float(p):.0%}",
                             tuple(tip), f"a{i}-b{n}", rank=5))
    return out


def build_story_page(sid: str, result, load_problems=()) -> StoryPage:
    from ..report.html import charts_of
    from .prompts import story_prompts

    view = vm.build_view(result)
    base = f"/t/story/{sid}"
    rewrite_links(view, base)
    naming = naming_by_actor(result)
    texts, counts = [], {layer: 0 for layer, _, _ in LAYERS}
    for i, (av, analysis) in enumerate(zip(view.articles, result.analyses)):
        hs = _actor_tips(i, av.highlights, analysis, naming, view.columns) + score_highlights(i, analysis)
        av.highlights = hs
        for h in hs:
            if h.layer in counts and h.anchor:
                counts[h.layer] += 1
        texts.append(render_text(av.text, hs, av.paragraphs))
    page = StoryPage(sid, view.story_name, result, view, texts, charts_of(view), view.legend, counts,
                     problems=list(load_problems) + [p for p in view.problems if p not in load_problems])
    page.prompts = story_prompts(page)
    return page


def article_markup(page: StoryPage, position: int, layers=("finding", "cue", "speaker")) -> Markup:
    """One article with only some layers (the reveal page shows the tool's flags this way)."""
    av = page.view.articles[position]
    hs = [h for h in av.highlights if h.layer in layers or h.layer == "sentence"]
    return render_text(av.text, hs, av.paragraphs)

