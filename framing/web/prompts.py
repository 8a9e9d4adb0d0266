"""Discussion prompts written from measured differences, each with its evidence and its uncertainty.

The wording lives in data/prompts.tsv (one template per kind of difference); this module finds the
differences in the data the report already gathered (the view-model's naming rows and summary
table, the comparison's omissions, disagreements and distinctive terms, the annotations' cues and
hidden agents) and fills the templates. Values are plain strings: the templates escape them.
"""
from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources

from ..report import viewmodel as vm
from ..report.access import get, items, span_of

MAX_PER_KIND = 2


@dataclass
class Prompt:
    kind: str
    text: str
    uncertainty: str
    evidence: list[tuple[str, str]] = field(default_factory=list)  # (label, href)


@lru_cache(maxsize=1)
def templates() -> dict[str, tuple[str, str]]:
    path = importlib_resources.files("framing.web") / "data" / "prompts.tsv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    out = {}
    for n, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=2):
        if not row.get("kind") or not row.get("template"):
            raise ValueError(f"prompts.tsv: row {n}: kind and template are required")
        out[row["kind"]] = (row["template"], row.get("uncertainty") or "")
    return out


class _Safe(dict):
    def __missing__(self, key):
        return "?"


def make(kind: str, values: dict, evidence=()) -> Prompt | None:
    tpl = templates().get(kind)
    if tpl is None:
        return None
    vals = _Safe({k: ("" if v is None else str(v)) for k, v in values.items()})
    return Prompt(kind, tpl[0].format_map(vals), tpl[1].format_map(vals), list(evidence))


def _href(base: str, anchor: str) -> str:
    from .storyview import page_of_anchor

    page = page_of_anchor(anchor)
    return f"{base}{'' if page in ('articles', '') else '/' + page}#{anchor}"


def _naming_prompts(page, base) -> list[Prompt]:
    result = page.result
    analyses = list(result.analyses)
    naming = get(result.comparison, "naming", "naming_matrix")
    rows = vm._naming_rows(naming, analyses)
    if rows is None:
        rows = vm._naming_from_mentions(analyses)
    cands = []
    for actor, guessed, per in rows:
        tops = {i: uses[0] for i, uses in per.items() if uses}
        if len(tops) < 2:
            continue
        by_n = sorted(tops.items(), key=lambda kv: (-kv[1][1], kv[0]))
        (ia, ua), rest = by_n[0], by_n[1:]
        other = next(((ib, ub) for ib, ub in rest if ub[0].lower() != ua[0].lower()), None)
        if other is None:
            continue
        ib, ub = other
        total = sum(n for uses in per.values() for _, n, _, _ in uses)
        cands.append((total, actor, guessed, ia, ua, ib, ub))
    out = []
    for total, actor, guessed, ia, ua, ib, ub in sorted(cands, key=lambda c: (-c[0], c[1]))[:MAX_PER_KIND]:
        ev = []
        for i, use in ((ia, ua), (ib, ub)):
            sp = use[3]
            if sp:
                anchor = page.view.articles[i].anchor
                ev.append((f"{page.view.columns[i]}: “{use[0]}”", _href(base, _anchor_at(page, i, sp) or anchor)))
        out.append(make("naming", {"actor": actor, "outlet_a": page.view.columns[ia], "label_a": ua[0],
                                   "n_a": ua[1], "outlet_b": page.view.columns[ib], "label_b": ub[0],
                                   "n_b": ub[1], "guess": " (partly a guess)" if guessed else ""}, ev))
    return [p for p in out if p]


def _anchor_at(page, i: int, span) -> str:
    for h in page.view.articles[i].highlights:
        if (h.start, h.end) == tuple(span) and h.anchor and h.layer != "sentence":
            return h.anchor
    for h in page.view.articles[i].highlights:
        if h.layer == "sentence" and h.start <= span[0] < h.end:
            return h.anchor
    return ""


def _density_prompt(page, base) -> list[Prompt]:
    summary = page.view.section("summary")
    table = summary.tables[0] if summary and summary.tables else None
    if table is None:
        return []
    row = next((r for r in table.rows if r.cells and r.cells[0].text.startswith("Loaded wording per 100 words: narrator")), None)
    if row is None:
        return []
    vals = [(c.value, i) for i, c in enumerate(row.cells[1:]) if isinstance(c.value, (int, float))]
    if len(vals) < 2:
        return []
    hi, lo = max(vals), min(vals)
    if hi[0] - lo[0] < 0.5:
        return []
    cols = page.view.columns
    ev = [(f"{cols[hi[1]]}: flagged words", _href(base, f"flags-{hi[1]}-narrator")),
          (f"{cols[lo[1]]}: flagged words", _href(base, f"flags-{lo[1]}-narrator"))]
    return [make("loaded_density", {"outlet_a": cols[hi[1]], "d_a": f"{hi[0]:.1f}", "outlet_b": cols[lo[1]],
                                    "d_b": f"{lo[0]:.1f}"}, ev)]


def _cue_prompts(page, base) -> list[Prompt]:
    out = []
    order = {"adversarial": 0, "distancing": 1, "endorsing": 2}
    cands = []
    for i, a in enumerate(page.result.analyses):
        text = a.article.text
        for n, x in enumerate(a.attributions):
            cls = get(x, "cue_class", default="") or "neutral"
            sp = span_of(x, "cue")
            if cls in order and sp:
                cands.append((order[cls], i, n, cls, text[sp[0]:sp[1]], get(x, "speaker", default="") or "a speaker"))
    seen = set()
    for _, i, n, cls, cue, speaker in sorted(cands):
        if (i, cls) in seen or len(out) >= MAX_PER_KIND:
            continue
        seen.add((i, cls))
        col = page.view.columns[i]
        out.append(make("cue", {"outlet": col, "speaker": speaker, "cue": cue, "cue_class": cls},
                        [(f"{col}: “{cue}”", _href(base, f"a{i}-q{n}"))]))
    return [p for p in out if p]


def _voice_prompt(page, base) -> list[Prompt]:
    sec = page.view.section("voices")
    chart = next((c for c in (sec.charts if sec else []) if c.id == "chart-voice-share"), None)
    if chart is None or len(chart.rows) < 2:
        return []
    best = None
    for side in chart.categories:
        if side == "(unknown)":
            continue
        shares = []
        for k, (label, vals) in enumerate(chart.rows):
            total = sum(float(v) for v in vals.values())
            if total:
                shares.append((float(vals.get(side, 0)) / total, k, label))
        if len(shares) < 2:
            continue
        hi, lo = max(shares), min(shares)
        if best is None or hi[0] - lo[0] > best[0]:
            best = (hi[0] - lo[0], side, hi, lo)
    if best is None or best[0] < 0.15:
        return []
    _, side, hi, lo = best
    ev = [(f"{hi[2]}: attributions", _href(base, f"attr-{hi[1]}")), (f"{lo[2]}: attributions", _href(base, f"attr-{lo[1]}"))]
    return [make("voice", {"side": side, "outlet_a": hi[2], "share_a": f"{hi[0]:.0%}", "outlet_b": lo[2],
                           "share_b": f"{lo[0]:.0%}"}, ev)]


def _comparison_prompts(page, base) -> list[Prompt]:
    comp = page.result.comparison
    if comp is None:
        return []
    out = []
    kinds = Counter()
    for om in items(get(comp, "omissions", default=())):
        if get(om, "possibly_carried", default=False):
            continue  # the other side may carry it in other words: no question built on a doubt
        kind = "omission" if get(om, "kind") == "only_one" else "left_out"
        if kinds[kind] >= MAX_PER_KIND:
            continue
        kinds[kind] += 1
        cid = get(om, "claim_id", default="")
        out.append(make(kind, {"outlet": get(om, "outlet", default=""), "fact": vm._excerpt(get(om, "text", default=""), 160)},
                        [("the fact in the coverage matrix", _href(base, f"claim-{vm._slug(cid)}"))]))
    for dis in items(get(comp, "disagreements", default=()))[:MAX_PER_KIND]:
        sides = items(get(dis, "sides", default=()))
        if len(sides) < 2:
            continue
        a = sides[0]
        b = next((s for s in sides[1:] if get(s, "value") != get(a, "value")), sides[1])
        conf = get(dis, "confidence", default="")
        out.append(make("disagreement", {
            "label": get(dis, "label", "key", default=""), "outlet_a": get(a, "outlet", default=""),
            "value_a": get(a, "text", default=""), "credit_a": get(a, "attributed_to", default="") or "no source named",
            "outlet_b": get(b, "outlet", default=""), "value_b": get(b, "text", default=""),
            "credit_b": get(b, "attributed_to", default="") or "no source named",
            "confidence": "possible (low)" if conf == "low" else conf},
            [("the figures side by side", _href(base, f"dis-{vm._slug(get(dis, 'group_id', default=''))}"))]))
    best: dict[str, object] = {}
    for term in items(get(comp, "distinctive_terms", default=())):
        o = get(term, "outlet", default="")
        if float(get(term, "z", default=0) or 0) > float(get(best.get(o), "z", default=-1e9) or -1e9):
            best[o] = term
    ranked = sorted(best.values(), key=lambda t: (-float(get(t, "z", default=0)), get(t, "outlet", default="")))
    for term in ranked[:MAX_PER_KIND]:
        out.append(make("distinctive", {"outlet": get(term, "outlet", default=""), "term": get(term, "term", default=""),
                                        "count": get(term, "count", default=""), "count_rest": get(term, "count_rest", default=""),
                                        "z": f"{float(get(term, 'z', default=0)):.2f}"},
                        [("distinctive words", _href(base, "tbl-distinctive-terms"))]))
    return [p for p in out if p]


def _agency_prompt(page, base) -> list[Prompt]:
    for i, av in enumerate(page.view.articles):
        for h in av.highlights:
            if h.layer == "agency" and h.anchor:
                text = av.text[h.start:h.end]
                return [make("hidden_agent", {"outlet": page.view.columns[i], "text": text},
                             [(f"{page.view.columns[i]}: “{text}”", _href(base, h.anchor))])]
    return []


def story_prompts(page) -> list[Prompt]:
    """Prompts for a story, most telling differences first; never fails the page."""
    base = f"/t/story/{page.sid}"
    out: list[Prompt] = []
    for fn in (_naming_prompts, _voice_prompt, _cue_prompts, _density_prompt, _comparison_prompts, _agency_prompt):
        try:
            out.extend(p for p in fn(page, base) if p is not None)
        except Exception:  # noqa: BLE001 - a prompt kind whose data has an unexpected shape is skipped
            import logging

            logging.getLogger(__name__).warning("prompt kind %s skipped", fn.__name__, exc_info=True)
    return out


def class_prompts(units_text: list[str], class_counts: list[int], total: int, tool_units: dict[int, str]) -> list[Prompt]:
    """Prompts from a class's marks on one article: what the class saw that the tool did not, and back."""
    if total < 1:
        return []
    out = []
    not_tool = [(n, u) for u, n in enumerate(class_counts) if n and u not in tool_units]
    if not_tool:
        n, u = max(not_tool, key=lambda x: (x[0], -x[1]))
        out.append(make("class_not_tool", {"word": units_text[u], "n": n, "total": total}))
    tool_only = [(class_counts[u], u) for u in sorted(tool_units)]
    if tool_only:
        n, u = min(tool_only)
        if n <= total / 2:
            out.append(make("tool_not_class", {"word": units_text[u], "category": tool_units[u], "n": n, "total": total}))
    if total >= 4:
        split = [(abs(n / total - 0.5), u, n) for u, n in enumerate(class_counts) if 0.3 <= n / total <= 0.7]
        if split:
            _, u, n = min(split)
            out.append(make("split", {"word": units_text[u], "n": n, "total": total}))
    return [p for p in out if p]
