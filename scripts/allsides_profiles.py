#!/usr/bin/env python3
"""Outlet profiles on the shared AllSides corpus, and an honest test of what they say about lean.

1. Runs (or resumes) `framing batch` over ../shared/datasets/allsides/articles.jsonl.gz into OUT
   (story grouping on, US date order), so a store made by scripts/bench_batch.py --keep OUT is reused.
2. Writes the profiles of the 15 largest outlets (after outlet aliases) to OUT/profiles_top15.{md,
   html,json} and prints the overview.
3. Tests whether the profile features carry a signal about AllSides' left/center/right rating:
   one feature row per article (the same measures as the profiles: flagged wording per 1,000 words
   by category, cue stance shares, voice shares by role, agency per 1,000 words, frames,
   readability), a standardised logistic regression, 5-fold GroupKFold by outlet (no outlet is in
   training and test at once, so the model cannot just recognise an outlet), macro-F1 against the
   majority-class baseline, and a permutation test that shuffles the outlets' ratings (same
   folds) to show what chance looks like. Also the same at outlet level (outlets with >= 10
   articles, mean features, stratified 5-fold).

    python scripts/allsides_profiles.py --out /tmp/allsides [--jobs 2] [--permutations 50]

Skips cleanly when ../shared is absent. The corpus is read from ../shared only, never copied.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sqlite3
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "datasets" / "allsides" / "articles.jsonl.gz"
LABELS = ("left", "center", "right")


def run(out: Path, jobs: int) -> None:
    from framing.batch import BatchOptions, run_batch
    from framing.batch.runner import summary_lines

    s = run_batch(BatchOptions(inputs=(str(CORPUS),), out_dir=str(out), group_stories=True,
                               date_order="mdy", jobs=jobs))
    print("\n".join(summary_lines(s)), file=sys.stderr)


def profiles(out: Path, resamples: int) -> dict:
    from framing.batch.profile import ProfileOptions, build_profiles
    from framing.batch.profile_render import render_profiles

    prof = build_profiles(out, ProfileOptions(resamples=resamples, min_articles=20), top=15)
    for fmt in ("md", "html", "json"):
        render_profiles(prof, fmt, out / f"profiles_top15.{fmt}", reports_dir=out / "reports")
    return prof


def features(out: Path):
    """Article feature matrix, outlets and AllSides leans (joined by the corpus id)."""
    lean = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            lean[r["id"]] = r["lean"]
    conn = sqlite3.connect(out / "framing.sqlite")
    arts = conn.execute("SELECT uid, source_id, outlet, words, readability FROM articles WHERE "
                        "analysis_key IS NOT NULL ORDER BY uid").fetchall()
    index = {a[0]: i for i, a in enumerate(arts)}
    cols: dict[str, dict[int, float]] = {}

    def add(name, sql, per_words=False, share_of=None):
        for uid, key, n in conn.execute(sql):
            if uid in index and key is not None:
                cols.setdefault(f"{name}:{key}", {})[index[uid]] = float(n)

    narr = "coalesce(voice,'narrator') IN ('narrator','') AND coalesce(flag,1)=1"
    add("flag", f"SELECT article_uid, category, count(*) FROM findings WHERE {narr} "
                f"GROUP BY article_uid, category")
    add("cue", "SELECT article_uid, coalesce(nullif(cue_class,''),'neutral'), count(*) FROM quotes "
               "GROUP BY 1, 2")
    add("role", "SELECT article_uid, coalesce(nullif(role,''),'unknown'), count(*) FROM quotes "
                "GROUP BY 1, 2")
    add("kind", "SELECT article_uid, kind, count(*) FROM quotes GROUP BY 1, 2")
    add("party", "SELECT article_uid, coalesce(nullif(json_extract(data, '$.party'), ''), '(none)'), "
                 "count(*) FROM quotes GROUP BY 1, 2")
    add("agency", "SELECT article_uid, construction, count(*) FROM agency GROUP BY 1, 2")
    add("frame", "SELECT article_uid, frame, count(*) FROM sentence_scores WHERE "
                 "coalesce(frame,'') != '' GROUP BY 1, 2")
    n = len(arts)
    words = np.asarray([max(1, a[3] or 0) for a in arts], dtype=float)
    names, X = [], []
    for name in sorted(cols):
        v = np.zeros(n)
        for i, c in cols[name].items():
            v[i] = c
        if v.sum() < 20:  # too rare to learn from
            continue
        names.append(name)
        X.append(v)
    X = np.asarray(X).T if X else np.zeros((n, 0))
    prefix = [nm.split(":")[0] for nm in names]
    out_cols, out_names = [], []
    for group in sorted(set(prefix)):
        idx = [j for j, p in enumerate(prefix) if p == group]
        block = X[:, idx]
        if group in ("flag", "agency"):  # rates per 1,000 words
            block = block / words[:, None] * 1000
            out_names += [f"{names[j]} per 1000 words" for j in idx]
        else:  # shares within the group, plus the group's rate
            tot = block.sum(axis=1, keepdims=True)
            out_cols.append(tot / words[:, None] * 1000)
            out_names.append(f"{group} per 1000 words")
            block = np.divide(block, tot, out=np.zeros_like(block), where=tot > 0)
            out_names += [f"{names[j]} share" for j in idx]
        out_cols.append(block)
    read = [json.loads(a[4]) if a[4] else {} for a in arts]
    for key in ("flesch_reading_ease", "flesch_kincaid_grade", "words_per_sentence"):
        out_cols.append(np.asarray([[r.get(key, 0.0)] for r in read]))
        out_names.append(key)
    out_cols.append(np.log(words)[:, None])
    out_names.append("log words")
    F = np.hstack(out_cols)
    y = np.asarray([lean.get(a[1], "") for a in arts])
    outlets = np.asarray([a[2] for a in arts])
    keep = np.isin(y, LABELS)
    return F[keep], y[keep], outlets[keep], out_names


def cv_scores(F, y, groups, seed=0, permute_outlets=False, splitter="group"):
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold, StratifiedKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    y = y.copy()
    if permute_outlets:  # shuffle which outlet has which rating (articles keep their outlet)
        rng = np.random.default_rng(seed)
        outs = sorted(set(groups))
        rating = {o: Counter(y[groups == o]).most_common(1)[0][0] for o in outs}
        shuffled = dict(zip(outs, rng.permutation([rating[o] for o in outs])))
        y = np.asarray([shuffled[g] for g in groups])
    if splitter == "group":
        folds = GroupKFold(n_splits=5).split(F, y, groups)
    else:
        folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed).split(F, y)
    pred = np.empty_like(y)
    base = np.empty_like(y)
    for tr, te in folds:
        model = make_pipeline(StandardScaler(), LogisticRegression(
            C=0.5, class_weight="balanced", max_iter=3000))
        model.fit(F[tr], y[tr])
        pred[te] = model.predict(F[te])
        base[te] = Counter(y[tr]).most_common(1)[0][0]
    return (f1_score(y, pred, average="macro", labels=list(LABELS)),
            f1_score(y, base, average="macro", labels=list(LABELS)), pred, y)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--resamples", type=int, default=1000)
    ap.add_argument("--permutations", type=int, default=50)
    ap.add_argument("--skip-run", action="store_true", help="use the store in OUT as it is")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent (the shared data sets live beside the project)")
        return 0
    if not args.skip_run:
        run(args.out, args.jobs)
    prof = profiles(args.out, args.resamples)
    print("## The 15 largest outlets\n")
    print("| outlet | articles | words | flagged words per 1,000 [95% CI] | agentless passives "
          "per 1,000 | distancing+adversarial cue share | Flesch reading ease |")
    print("|---|---:|---:|---|---|---|---|")
    for p in prof["outlets"]:
        fig = p["figures"]
        f = fig["findings_per_1000_words"]["values"].get("all categories")
        ag = fig["agency_per_1000_words"]["values"].get("passive_agentless")
        cue = fig["cue_stance_share"]["values"]
        dist = sum((cue.get(k) or {}).get("value") or 0 for k in ("distancing", "adversarial"))
        fre = fig["readability"]["values"]["flesch_reading_ease"]

        def show(x):
            return f"{x['value']:.2f} [{x['ci_low']:.2f}, {x['ci_high']:.2f}]" if x else "n/a"
        print(f"| {p['outlet']} | {p['n_articles']} | {p['n_words']} | {show(f)} | {show(ag)} | "
              f"{dist:.1%} | {show(fre)} |")
    F, y, groups, names = features(args.out)
    print(f"\n## Does the profile predict AllSides' rating?\n\n{len(y)} articles, "
          f"{len(set(groups))} outlets, {F.shape[1]} features; labels "
          f"{ {str(k): v for k, v in sorted(Counter(y).items())} }")
    f1, base, pred, _ = cv_scores(F, y, groups)
    perm = [cv_scores(F, y, groups, seed=s, permute_outlets=True)[0]
            for s in range(args.permutations)]
    p_value = (1 + sum(p >= f1 for p in perm)) / (1 + len(perm))
    from sklearn.metrics import classification_report

    print(f"\narticle level, GroupKFold(5) by outlet: macro-F1 {f1:.3f}; majority baseline "
          f"{base:.3f}; shuffled outlet ratings (n={len(perm)}): mean {np.mean(perm):.3f}, "
          f"95th percentile {np.percentile(perm, 95):.3f}; permutation p = {p_value:.3f}")
    print(classification_report(y, pred, labels=list(LABELS), digits=3))
    # outlet level: mean features of outlets with >= 10 articles
    outs = [o for o, c in Counter(groups).items() if c >= 10]
    Fo = np.asarray([F[groups == o].mean(axis=0) for o in outs])
    yo = np.asarray([Counter(y[groups == o]).most_common(1)[0][0] for o in outs])
    if len(set(yo)) == 3 and min(Counter(yo).values()) >= 5:
        f1o, baseo, _, _ = cv_scores(Fo, yo, np.asarray(outs), splitter="strat")
        rng = np.random.default_rng(0)
        permo = [cv_scores(Fo, rng.permutation(yo), np.asarray(outs), splitter="strat")[0]
                 for _ in range(args.permutations * 4)]
        po = (1 + sum(p >= f1o for p in permo)) / (1 + len(permo))
        print(f"outlet level ({len(outs)} outlets with >= 10 articles, "
              f"{ {str(k): v for k, v in sorted(Counter(yo).items())} }), stratified 5-fold: "
              f"macro-F1 {f1o:.3f}; majority baseline {baseo:.3f}; shuffled ratings "
              f"(n={len(permo)}): mean {np.mean(permo):.3f}, 95th percentile "
              f"{np.percentile(permo, 95):.3f}; permutation p = {po:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
