"""Outlet profiles: what an outlet's articles look like in aggregate, with uncertainty and evidence.

For each outlet, over all its analysed articles in a batch store:

* loaded wording per 1,000 words, by lexicon category, in the outlet's own (narrator) voice;
* reporting-cue stance shares (neutral / endorsing / distancing / adversarial cues of attributions);
* voice share by side (speaker affiliation), by US party and by role (government, expert, ...);
* agency constructions per 1,000 words (agentless passives first), and hidden agents per 1,000 words;
* frame distribution and the share of sentences the bias model scores as biased;
* readability (Flesch reading ease, Flesch-Kincaid grade, words per sentence; mean per article:
  each article's figures are those its story comparison gives it, stored by the batch worker);
* n articles, n words, first and last date, and a monthly trend.

Rates are ratio estimators (sum of counts / sum of words), so long articles weigh more, as they do for
a reader. Every figure has a 95% percentile bootstrap interval from resampling the outlet's articles
(`resamples` draws, seeded per outlet from `seed` and the outlet's name, so adding an outlet changes
no other outlet's interval). Outlets with fewer than `min_articles` articles are marked small:
their figures are shown but should not be compared. Every figure names its evidence: the table, up
to `examples` row ids with their text and offsets, the number of rows, and an SQL query that
returns all of them from the store.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import numpy as np

from .store import connect, store_path

PROFILE_SCHEMA = "framing.profile/1"


@dataclass(frozen=True)
class ProfileOptions:
    min_articles: int = 10
    resamples: int = 1000
    seed: int = 0
    examples: int = 5
    confidence: float = 0.95


def _q(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


#: Findings the lexicon flags (neutral entries such as "said" are matched but not flagged) in the
#: narrator's voice, i.e. the outlet's own words rather than a quoted speaker's.
NARRATOR_FLAGGED = "coalesce(t.voice, 'narrator') IN ('narrator', '') AND coalesce(t.flag, 1) = 1"

# name -> (table, key SQL expression, extra filter, denominator kind, scale, description)
#   denominator "words": per article word count; "rows": all rows of the table for the article
#   (after the filter); the figure for key k is sum(count_k) / sum(denominator) * scale.
FIGURES = {
    "findings_per_1000_words": (
        "findings", "'all categories'", NARRATOR_FLAGGED, "words", 1000.0,
        "all flagged wording in the outlet's own words (not in quotes), per 1,000 words"),
    "loaded_per_1000_words": (
        "findings", "t.category", NARRATOR_FLAGGED, "words", 1000.0,
        "flagged wording in the outlet's own words (not in quotes), per 1,000 words, by lexicon "
        "category"),
    "cue_stance_share": (
        "quotes", "coalesce(nullif(t.cue_class, ''), 'neutral')", "1=1", "rows", 1.0,
        "share of attributions whose reporting cue is neutral, endorsing, distancing or "
        "adversarial"),
    "voice_share_by_side": (
        "quotes", "coalesce(nullif(t.affiliation, ''), '(unknown)')", "1=1", "rows", 1.0,
        "share of attributions by the speaker's side (affiliation)"),
    "voice_share_by_party": (
        "quotes", "coalesce(nullif(json_extract(t.data, '$.party'), ''), '(none)')", "1=1", "rows", 1.0,
        "share of attributions by the US party the speaker speaks for (Democratic, Republican, "
        "independent; '(none)' when the article and the gazetteer say nothing)"),
    "voice_share_by_role": (
        "quotes", "coalesce(nullif(t.role, ''), 'unknown')", "1=1", "rows", 1.0,
        "share of attributions by the speaker's role"),
    "agency_per_1000_words": (
        "agency", "t.construction", "1=1", "words", 1000.0,
        "actions of violence, blame and cause per 1,000 words, by construction "
        "(passive_agentless = agentless passives)"),
    "hidden_agents_per_1000_words": (
        "agency", "'hidden agent'", "t.agent_hidden = 1", "words", 1000.0,
        "actions whose wording names no doer, per 1,000 words"),
    "frame_share": (
        "sentence_scores", "t.frame", "coalesce(t.frame, '') != ''", "rows", 1.0,
        "share of sentences by most probable frame"),
    "biased_sentence_share": (
        "sentence_scores", "t.bias_label", "coalesce(t.bias_label, '') != ''", "rows", 1.0,
        "share of scored sentences by the bias model's label"),
}
READABILITY = ("flesch_reading_ease", "flesch_kincaid_grade", "words_per_sentence")


def _seed(seed: int, outlet: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{seed}:{outlet}".encode()).digest()[:8], "little")


def _weights(n: int, opts: ProfileOptions, outlet: str) -> np.ndarray:
    """Bootstrap resampling weights (resamples x n): how often each article is drawn."""
    rng = np.random.default_rng(_seed(opts.seed, outlet))
    if n == 0:
        return np.zeros((opts.resamples, 0))
    return rng.multinomial(n, np.full(n, 1.0 / n), size=opts.resamples).astype(np.float64)


def _ci(samples: np.ndarray, opts: ProfileOptions) -> tuple[float | None, float | None]:
    samples = samples[np.isfinite(samples)]
    if samples.size == 0:
        return None, None
    alpha = (1 - opts.confidence) / 2
    lo, hi = np.quantile(samples, [alpha, 1 - alpha])
    return round(float(lo), 4), round(float(hi), 4)


def _ratio(num: np.ndarray, den: np.ndarray, W: np.ndarray, scale: float, opts):
    """Value and bootstrap CI of sum(num)/sum(den)*scale for each column of num (n x k)."""
    total = den.sum()
    value = num.sum(axis=0) / total * scale if total else np.full(num.shape[1], np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        boot = (W @ num) / (W @ den)[:, None] * scale
    return value, [_ci(boot[:, j], opts) for j in range(num.shape[1])]


def _mean(values: np.ndarray, W: np.ndarray, opts):
    ok = np.isfinite(values)
    if not ok.any():
        return None, (None, None)
    v = np.where(ok, values, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        boot = (W @ v) / (W @ ok.astype(np.float64))
    return float(v.sum() / ok.sum()), _ci(boot, opts)


def _figure(value, ci, numerator, denominator, evidence) -> dict:
    v = None if value is None or not np.isfinite(value) else round(float(value), 4)
    return {"value": v, "ci_low": ci[0], "ci_high": ci[1], "numerator": numerator,
            "denominator": denominator, "evidence": evidence}


def _evidence(conn, table, key_expr, where, outlet, key, opts) -> dict:
    cond = f"a.outlet = {_q(outlet)} AND a.analysis_key IS NOT NULL AND {where}"
    if key is not None:
        cond += f" AND {key_expr} = {_q(key)}"
    query = (f"SELECT t.* FROM {table} t JOIN articles a ON a.uid = t.article_uid WHERE {cond} "
             f"ORDER BY t.article_uid, t.n")
    rows = conn.execute(
        f"SELECT t.id, t.article_uid, t.start_char, t.end_char, "
        f"substr(a.text, t.start_char + 1, min(t.end_char - t.start_char, 160)), a.story_id "
        f"FROM {table} t JOIN articles a ON a.uid = t.article_uid WHERE {cond} "
        f"ORDER BY t.article_uid, t.n LIMIT {int(opts.examples)}").fetchall()
    return {"table": table, "query": query,
            "examples": [{"id": r[0], "article_uid": r[1], "start": r[2], "end": r[3],
                          "text": r[4] or "", "story_id": r[5]} for r in rows]}


def _outlet_profile(conn, outlet: str, opts: ProfileOptions) -> dict:
    arts = conn.execute(
        "SELECT uid, words, date, readability FROM articles WHERE outlet = ? AND analysis_key "
        "IS NOT NULL ORDER BY uid", (outlet,)).fetchall()
    index = {a[0]: i for i, a in enumerate(arts)}
    n = len(arts)
    words = np.asarray([a[1] or 0 for a in arts], dtype=np.float64)
    W = _weights(n, opts, outlet)
    dates = sorted(a[2] for a in arts if a[2])
    prof = {"outlet": outlet, "n_articles": n, "n_words": int(words.sum()),
            "small": n < opts.min_articles, "date_min": dates[0] if dates else "",
            "date_max": dates[-1] if dates else "", "undated": n - len(dates), "figures": {}}
    for name, (table, key_expr, where, den_kind, scale, desc) in FIGURES.items():
        counts = conn.execute(
            f"SELECT t.article_uid, {key_expr} AS k, count(*) FROM {table} t JOIN articles a "
            f"ON a.uid = t.article_uid WHERE a.outlet = ? AND a.analysis_key IS NOT NULL AND "
            f"{where} GROUP BY t.article_uid, k ORDER BY t.article_uid, k", (outlet,)).fetchall()
        keys = sorted({k for _, k, _ in counts if k is not None})
        col = {k: j for j, k in enumerate(keys)}
        num = np.zeros((n, len(keys)))
        for uid, k, c in counts:
            if k is not None:
                num[index[uid], col[k]] += c
        den = words if den_kind == "words" else num.sum(axis=1)
        values, cis = _ratio(num, den, W, scale, opts) if keys else ([], [])
        fig = {"description": desc, "unit": "per 1,000 words" if scale == 1000 else "share",
               "values": {}}
        for j, k in enumerate(keys):
            fig["values"][k] = _figure(values[j], cis[j], int(num[:, j].sum()),
                                       int(den.sum()),
                                       _evidence(conn, table, key_expr, where, outlet, k, opts))
        prof["figures"][name] = fig
    read = [json.loads(a[3]) if a[3] else {} for a in arts]
    rfig = {"description": "mean per article of the figures its story report gives it (lede and "
                           "body; Flesch reading ease: higher is easier; Flesch-Kincaid: US "
                           "school grade)", "unit": "mean", "values": {}}
    for key in READABILITY:
        vals = np.asarray([r.get(key, np.nan) if r.get("words") else np.nan for r in read],
                          dtype=np.float64)
        value, ci = _mean(vals, W, opts)
        rfig["values"][key] = _figure(value, ci, None, int(np.isfinite(vals).sum()), {
            "table": "articles", "query": f"SELECT uid, readability FROM articles WHERE outlet = "
                                          f"{_q(outlet)} AND analysis_key IS NOT NULL ORDER BY uid",
            "examples": [{"article_uid": a[0]} for a in arts[:opts.examples]]})
    prof["figures"]["readability"] = rfig
    prof["monthly"] = _monthly(conn, outlet)
    return prof


def _monthly(conn, outlet: str) -> list[dict]:
    """Per month: articles, words, narrator findings and agentless passives per 1,000 words."""
    rows = conn.execute(
        """SELECT substr(a.date, 1, 7) AS month, count(*), sum(coalesce(a.words, 0)),
                  sum((SELECT count(*) FROM findings t WHERE t.article_uid = a.uid AND
                       """ + NARRATOR_FLAGGED + """)),
                  sum((SELECT count(*) FROM agency g WHERE g.article_uid = a.uid AND
                       g.construction = 'passive_agentless'))
           FROM articles a WHERE a.outlet = ? AND a.analysis_key IS NOT NULL AND a.date != ''
           GROUP BY month ORDER BY month""", (outlet,)).fetchall()
    return [{"month": m, "n_articles": n, "n_words": w,
             "loaded_per_1000_words": round(f / w * 1000, 4) if w else None,
             "agentless_passives_per_1000_words": round(g / w * 1000, 4) if w else None}
            for m, n, w, f, g in rows]


def build_profiles(out_dir, opts: ProfileOptions = ProfileOptions(), outlets=None,
                   top: int | None = None) -> dict:
    """The profiles of every outlet (or of `outlets`, or of the `top` largest) in the store of
    `out_dir`, largest first."""
    conn = connect(store_path(out_dir), readonly=True)
    try:
        sizes = conn.execute(
            "SELECT outlet, count(*) FROM articles WHERE analysis_key IS NOT NULL GROUP BY outlet "
            "ORDER BY count(*) DESC, outlet").fetchall()
        chosen = [o for o, _ in sizes if outlets is None or o in set(outlets)][:top]
        run = conn.execute("SELECT analyzer, options FROM runs WHERE status = 'done' "
                           "ORDER BY run DESC LIMIT 1").fetchone()
        stages = json.loads(run[1]).get("stages", []) if run else []
        return {
            "schema": PROFILE_SCHEMA, "store": str(store_path(out_dir)),
            "analyzer": run[0] if run else "", "stages": stages,
            "options": {"min_articles": opts.min_articles, "resamples": opts.resamples,
                        "seed": opts.seed, "confidence": opts.confidence,
                        "examples": opts.examples},
            "outlets": [_outlet_profile(conn, o, opts) for o in chosen],
        }
    finally:
        conn.close()


def flat_rows(profiles: dict) -> list[dict]:
    """One row per outlet x figure x key (the CSV format and a convenient DataFrame)."""
    rows = []
    for p in profiles["outlets"]:
        for fname, fig in p["figures"].items():
            for key, f in fig["values"].items():
                rows.append({
                    "outlet": p["outlet"], "n_articles": p["n_articles"], "n_words": p["n_words"],
                    "small": int(p["small"]), "figure": fname, "key": key, "value": f["value"],
                    "ci_low": f["ci_low"], "ci_high": f["ci_high"], "numerator": f["numerator"],
                    "denominator": f["denominator"], "unit": fig["unit"],
                    "evidence_ids": " ".join(e.get("id", e.get("article_uid", ""))
                                             for e in f["evidence"]["examples"]),
                    "evidence_query": f["evidence"]["query"],
                })
    return rows
