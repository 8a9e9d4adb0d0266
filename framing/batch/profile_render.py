"""Render outlet profiles (framing.batch.profile) as HTML, Markdown, CSV or JSON.

Renderers only render: every number comes from `build_profiles`. The HTML is one self-contained
file (inline CSS and SVG, no script, no CDN) from a Jinja2 template with autoescaping, since outlet
names and article text are untrusted.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from ..csvfiles import safe_cell
from .profile import flat_rows
from .profile_svg import ci_bars, trend_line

FORMATS = {"html": "html", "md": "md", "csv": "csv", "json": "json"}
SHARE_FIGURES = ("cue_stance_share", "voice_share_by_side", "voice_share_by_party",
                 "voice_share_by_role", "frame_share", "biased_sentence_share")
TITLES = {
    "findings_per_1000_words": "Flagged wording per 1,000 words (all categories, narrator)",
    "loaded_per_1000_words": "Flagged wording per 1,000 words, by category (narrator)",
    "cue_stance_share": "Reporting-cue stance shares",
    "voice_share_by_side": "Voice share by side",
    "voice_share_by_party": "Voice share by US party",
    "voice_share_by_role": "Voice share by role",
    "agency_per_1000_words": "Agency constructions per 1,000 words",
    "hidden_agents_per_1000_words": "Hidden agents per 1,000 words",
    "frame_share": "Frame distribution (share of sentences)",
    "biased_sentence_share": "Sentences scored by the bias model (share)",
    "readability": "Readability (mean per article)",
}


def date_range(p: dict) -> str:
    """An outlet's dates as the profiles show them: "2012-06-06 to 2016-07-02", "? to 2016-07-02"
    when one end is unknown, "undated" when no article has a date (not " to ")."""
    if not p["date_min"] and not p["date_max"]:
        return "undated"
    return f"{p['date_min'] or '?'} to {p['date_max'] or '?'}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "outlet"


def _pct(v) -> str:
    return "n/a" if v is None else f"{v:.3g}"


def _fmt_fig(f: dict, unit: str) -> str:
    if f["value"] is None:
        return "n/a"
    if unit == "share":
        core = f"{f['value']:.1%}"
        ci = f" [{f['ci_low']:.1%}, {f['ci_high']:.1%}]" if f["ci_low"] is not None else ""
    else:
        core = f"{f['value']:.2f}"
        ci = f" [{f['ci_low']:.2f}, {f['ci_high']:.2f}]" if f["ci_low"] is not None else ""
    return core + ci


def render_json(profiles: dict) -> str:
    return json.dumps(profiles, ensure_ascii=False, indent=2) + "\n"


def render_csv(profiles: dict) -> str:
    rows = flat_rows(profiles)
    buf = io.StringIO()
    cols = ["outlet", "n_articles", "n_words", "small", "figure", "key", "value", "ci_low",
            "ci_high", "numerator", "denominator", "unit", "evidence_ids", "evidence_query"]
    w = csv.DictWriter(buf, fieldnames=cols)
    w.writeheader()
    w.writerows({k: safe_cell(v) if isinstance(v, str) else v for k, v in r.items()} for r in rows)
    return buf.getvalue()


def render_md(profiles: dict) -> str:
    opts = profiles["options"]
    out = ["# Outlet profiles", "",
           f"{len(profiles['outlets'])} outlets. Values with a {opts['confidence']:.0%} bootstrap "
           f"interval in brackets ({opts['resamples']} resamples of each outlet's articles, seed "
           f"{opts['seed']}). Outlets with fewer than {opts['min_articles']} articles are marked "
           f"*small*: do not compare their figures. Evidence: example row ids in the store "
           f"(`framing export OUT_DIR --table NAME`).", "",
           "| outlet | articles | words | dates | findings per 1,000 words (narrator) |",
           "|---|---:|---:|---|---|"]
    for p in profiles["outlets"]:
        f = p["figures"]["findings_per_1000_words"]["values"].get("all categories")
        name = p["outlet"].replace("|", "\\|") + (" *(small)*" if p["small"] else "")
        out.append(f"| {name} | {p['n_articles']} | {p['n_words']} | {date_range(p)} "
                   f"| {_fmt_fig(f, 'rate') if f else 'n/a'} |")
    for p in profiles["outlets"]:
        out += ["", f"## {p['outlet']}" + (" (small: too few articles to compare)"
                                           if p["small"] else ""), "",
                f"{p['n_articles']} articles, {p['n_words']} words, {date_range(p)}"
                + (f" ({p['undated']} undated)." if p["undated"] and (p["date_min"] or p["date_max"])
                   else ".")]
        for fname, fig in p["figures"].items():
            if not fig["values"]:
                continue
            out += ["", f"### {TITLES.get(fname, fname)}", "", f"_{fig['description']}_", "",
                    "| | value [95% CI] | n | evidence (row ids) |", "|---|---|---:|---|"]
            for key, f in fig["values"].items():
                ids = ", ".join(f"`{e.get('id') or e.get('article_uid')}`"
                                for e in f["evidence"]["examples"][:3])
                out.append(f"| {str(key).replace('|', '/')} | {_fmt_fig(f, fig['unit'])} | "
                           f"{f['numerator'] if f['numerator'] is not None else f['denominator']}"
                           f" | {ids} |")
        if p["monthly"]:
            out += ["", "### Monthly trend", "", "| month | articles | words | findings per 1,000 "
                    "words | agentless passives per 1,000 words |", "|---|---:|---:|---:|---:|"]
            for m in p["monthly"]:
                out.append(f"| {m['month']} | {m['n_articles']} | {m['n_words']} | "
                           f"{_pct(m['loaded_per_1000_words'])} | "
                           f"{_pct(m['agentless_passives_per_1000_words'])} |")
    return "\n".join(out) + "\n"


def render_html(profiles: dict, reports_dir: Path | None = None) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["fig"] = _fmt_fig
    env.filters["slug"] = slug
    env.filters["date_range"] = date_range
    from .runner import report_name

    stems = {p.stem for p in reports_dir.glob("*.html")} if reports_dir and \
        reports_dir.is_dir() else set()
    story_ids = {e["story_id"] for p in profiles["outlets"] for fig in p["figures"].values()
                 for f in fig["values"].values() for e in f["evidence"]["examples"]
                 if e.get("story_id")}
    reports = {sid: f"reports/{report_name(sid)}.html" for sid in sorted(story_ids)
               if report_name(sid) in stems}
    outlets = profiles["outlets"]
    overview = ci_bars(
        "overview", "Flagged wording per 1,000 words, narrator voice, by outlet",
        [(p["outlet"], f["value"], f["ci_low"], f["ci_high"], f"#outlet-{slug(p['outlet'])}",
          p["small"])
         for p in outlets
         for f in [p["figures"]["findings_per_1000_words"]["values"].get(
             "all categories", {"value": 0, "ci_low": None, "ci_high": None})]],
        unit=" per 1,000 words")
    from ..report.svg import stacked_bars

    stance_cats = sorted({k for p in outlets for k in p["figures"]["cue_stance_share"]["values"]})
    stance = stacked_bars("stance", "Reporting-cue stance shares by outlet",
                          [(p["outlet"], {k: v["value"] or 0 for k, v in
                                          p["figures"]["cue_stance_share"]["values"].items()})
                           for p in outlets], stance_cats) if stance_cats else ""
    charts = {}
    for p in outlets:
        s = slug(p["outlet"])
        per = {}
        for fname, fig in p["figures"].items():
            if not fig["values"] or fname == "findings_per_1000_words":
                continue
            items = sorted(fig["values"].items(), key=lambda kv: -(kv[1]["value"] or 0))[:12]
            per[fname] = ci_bars(f"{s}-{fname}", TITLES.get(fname, fname),
                                 [(k, f["value"], f["ci_low"], f["ci_high"],
                                   f"#{s}-{fname}-{slug(str(k))}", p["small"]) for k, f in items],
                                 unit="" if fig["unit"] != "per 1,000 words" else " per 1,000")
        per["trend"] = trend_line(f"{s}-trend", f"{p['outlet']}: flagged wording per 1,000 words "
                                                f"by month",
                                  [(m["month"], m["loaded_per_1000_words"], m["n_articles"])
                                   for m in p["monthly"]], unit=" per 1,000")
        charts[p["outlet"]] = per
    return env.get_template("profile.html.j2").render(
        profiles=profiles, outlets=outlets, overview=overview, stance=stance, charts=charts,
        titles=TITLES, reports=reports, share_figures=SHARE_FIGURES)


def render_profiles(profiles: dict, fmt: str, output=None, reports_dir=None) -> str:
    """Render and write (to `output`, or return only when output is None)."""
    if fmt == "html":
        text = render_html(profiles, reports_dir)
    elif fmt == "md":
        text = render_md(profiles)
    elif fmt == "csv":
        text = render_csv(profiles)
    elif fmt == "json":
        text = render_json(profiles)
    else:
        raise ValueError(f"unknown profile format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if output is not None and str(output) != "-":
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return text
