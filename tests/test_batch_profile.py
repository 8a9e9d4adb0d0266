"""`framing profile` on a fixture store: figures, intervals, small outlets, evidence, formats."""
from __future__ import annotations

import json
import sqlite3
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from framing.batch import BatchOptions, run_batch
from framing.batch.profile import ProfileOptions, build_profiles
from framing.cli_batch import profile as profile_cmd
from test_batch_support import STORIES, synthetic_records, write_jsonl


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("profile")
    recs = synthetic_records(40)
    recs.append({"id": "evil", "outlet": "<script>alert(1)</script> Times", "date": "2021-03-02",
                 "title": "x", "text": "Officials said the so-called reform was a disaster, "
                 "critics claimed on Tuesday."})
    inp = write_jsonl(tmp / "in.jsonl", recs)
    run_batch(BatchOptions(inputs=(str(inp), str(STORIES)), out_dir=str(tmp / "out"),
                           group_stories=True, quiet=True, reports=("html",)))
    return tmp / "out"


def test_profiles_have_figures_intervals_and_evidence(store):
    prof = build_profiles(store, ProfileOptions(min_articles=10, resamples=200, seed=3))
    by = {p["outlet"]: p for p in prof["outlets"]}
    assert "Fox Online News" not in by  # merged into Fox News by the aliases file
    big, small = by["Daily Ledger"], by["<script>alert(1)</script> Times"]
    assert big["n_articles"] == 13 and not big["small"] and small["small"]
    assert big["n_words"] > 500 and big["date_min"] <= big["date_max"]
    conn = sqlite3.connect(store / "framing.sqlite")
    for name in ("findings_per_1000_words", "cue_stance_share", "readability"):
        fig = big["figures"][name]
        assert fig["values"], name
        for key, f in fig["values"].items():
            assert f["ci_low"] is not None and f["ci_low"] <= f["value"] + 1e-9
            assert f["value"] <= f["ci_high"] + 1e-9
            ex = f["evidence"]["examples"]
            assert ex
            if "id" in ex[0]:  # the rows behind the figure exist and their offsets fit the text
                table = f["evidence"]["table"]
                for e in ex:
                    start, end, uid = conn.execute(
                        f"SELECT start_char, end_char, article_uid FROM {table} WHERE id = ?",
                        (e["id"],)).fetchone()
                    text = conn.execute("SELECT text FROM articles WHERE uid = ?",
                                        (uid,)).fetchone()[0]
                    assert text[start:end].startswith(e["text"][:40])
            n_all = len(conn.execute(f["evidence"]["query"]).fetchall())
            if f["numerator"] is not None:
                assert n_all == f["numerator"]
    shares = big["figures"]["cue_stance_share"]["values"]
    assert abs(sum(v["value"] for v in shares.values()) - 1) < 1e-3
    # findings per 1,000 words is the ratio of the counts it names
    f = big["figures"]["findings_per_1000_words"]["values"]["all categories"]
    assert f["value"] == pytest.approx(f["numerator"] / big["n_words"] * 1000, abs=1e-3)
    assert [m["month"] for m in big["monthly"]] == sorted(m["month"] for m in big["monthly"])
    assert sum(m["n_articles"] for m in big["monthly"]) == big["n_articles"] - big["undated"]


def test_bootstrap_is_seeded(store):
    a = build_profiles(store, ProfileOptions(resamples=200, seed=1))
    b = build_profiles(store, ProfileOptions(resamples=200, seed=1))
    c = build_profiles(store, ProfileOptions(resamples=200, seed=2))
    assert a == b and a != c


def test_profile_formats(store, tmp_path):
    runner = CliRunner()
    res = runner.invoke(profile_cmd, [str(store), "-f", "html", "-o", str(tmp_path / "p.html"),
                                      "--resamples", "200"])
    assert res.exit_code == 0, res.output
    html = (tmp_path / "p.html").read_text()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert html.count("<svg") >= 5 and "small" in html
    for svg in html.split("<svg")[1:4]:
        ET.fromstring("<svg" + svg.split("</svg>")[0] + "</svg>")  # well-formed
    assert ":f0" in html or ":f1" in html  # finding ids listed as evidence
    res = runner.invoke(profile_cmd, [str(store), "-f", "json", "-o", "-", "--resamples", "200",
                                      "--top", "2"])
    data = json.loads(res.output)
    assert [p["n_articles"] for p in data["outlets"]] == sorted(
        (p["n_articles"] for p in data["outlets"]), reverse=True) and len(data["outlets"]) == 2
    res = runner.invoke(profile_cmd, [str(store), "-f", "csv", "-o", "-", "--resamples", "200"])
    pd = pytest.importorskip("pandas")
    import io

    df = pd.read_csv(io.StringIO(res.output))
    assert {"outlet", "figure", "key", "value", "ci_low", "ci_high", "evidence_ids"} <= set(df.columns)
    res = runner.invoke(profile_cmd, [str(store), "-f", "md", "-o", "-", "--resamples", "200",
                                      "--outlet", "Metro Wire"])
    assert res.output.startswith("# Outlet profiles") and "## Metro Wire" in res.output
    res = runner.invoke(profile_cmd, [str(store), "--outlet", "Nobody"])
    assert res.exit_code == 2


@pytest.mark.parametrize("dates, shown", [
    (("2012-06-06", "2016-07-02"), "2012-06-06 to 2016-07-02"),
    (("", "2016-07-02"), "? to 2016-07-02"),
    (("", ""), "undated"),  # the Markdown table showed " to "
])
def test_an_outlets_dates_are_shown_whole(dates, shown):
    from framing.batch.profile_render import date_range

    assert date_range({"date_min": dates[0], "date_max": dates[1]}) == shown
