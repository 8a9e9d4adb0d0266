"""Batch runs: input readers, outlet aliases, the store, fault isolation, resumability, exports."""
from __future__ import annotations

import csv
import gzip
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner

from framing.batch import BatchOptions, run_batch
from framing.batch.outlets import load_aliases, read_aliases
from framing.batch.prepare import prepare, read_date
from framing.batch.records import BadRecord, RawRecord, read_inputs
from framing.batch.schema import MIGRATIONS, SCHEMA_VERSION
from framing.batch.store import StoreError, connect
from framing.cli_batch import batch as batch_cmd
from framing.cli_batch import export as export_cmd
from framing.cli_batch import profile as profile_cmd
from test_batch_support import (FOLDERS, STORIES, count, dump_store, fixture_articles,
                                synthetic_records, write_csv, write_jsonl)


# --- input readers ---------------------------------------------------------------------------

def test_jsonl_gz_streams_records_with_line_numbers_and_bad_lines(tmp_path):
    recs = synthetic_records(5)
    path = write_jsonl(tmp_path / "a.jsonl.gz", recs, corrupt_at=2, gz=True)
    with open(path, "ab") as f:  # an undecodable line appended to the gzip stream
        f.write(gzip.compress(b'{"text": "caf\xe9 au lait", "outlet": "X"}\n'))
    out = list(read_inputs([path]))
    assert [type(r) for r in out] == [RawRecord, RawRecord, BadRecord, RawRecord, RawRecord,
                                      BadRecord]
    assert out[2].line == 3 and "not valid JSON" in out[2].reason
    assert out[5].line == 6 and "UTF-8" in out[5].reason
    assert out[3].fields["text"] == recs[3]["text"] and out[3].line == 4
    assert out[0].fields["outlet"] == "Daily Ledger"


def test_csv_gz_reads_columns_by_their_usual_names(tmp_path):
    recs = synthetic_records(4)
    path = write_csv(tmp_path / "a.csv.gz", recs, gz=True)
    out = list(read_inputs([path]))
    assert all(isinstance(r, RawRecord) for r in out)
    assert [r.fields["id"] for r in out] == ["rec000", "rec001", "rec002", "rec003"]
    assert out[1].fields["text"] == recs[1]["text"]  # multi-line cells survive
    assert out[1].line == 1 + 1 + recs[0]["text"].count("\n") + 1  # header + first record


def test_csv_row_of_wrong_shape_is_one_bad_record(tmp_path):
    path = tmp_path / "b.csv"
    path.write_text('headline,body,publisher\n"A","Text one.","X"\n"B","Text two."\n'
                    '"C","Text three.","Z"\n', encoding="utf-8")
    out = list(read_inputs([path]))
    assert [type(r).__name__ for r in out] == ["RawRecord", "BadRecord", "RawRecord"]
    assert out[1].line == 3 and out[2].fields["title"] == "C" and out[2].fields["outlet"] == "Z"


def test_csv_with_semicolons_reads_as_single_file_input_does(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('headline;body;publisher\n"Port reopens";"The port reopened; ships queued.";'
                    '"Harbour News"\n"Pay deal";"Bus drivers agreed a deal.";"City Post"\n',
                    encoding="utf-8")
    out = list(read_inputs([path]))
    assert [type(r).__name__ for r in out] == ["RawRecord", "RawRecord"]
    assert out[0].fields["text"] == "The port reopened; ships queued."
    assert out[1].fields["outlet"] == "City Post" and out[1].line == 3


def test_csv_quote_never_closed_is_reported_not_swallowed(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text('id,outlet,text\n1,X,"The port reopened on Monday."\n'
                    '2,Y,"The strike ended on Friday\n3,Z,Schools reopened after the holiday.\n',
                    encoding="utf-8")
    out = list(read_inputs([path]))
    assert [type(r).__name__ for r in out] == ["RawRecord", "BadRecord"]
    assert out[1].line == 3 and "never closed" in out[1].reason


def test_story_column_gives_the_story():
    rec = next(iter(read_inputs([STORIES])))
    assert rec.story_hint == ""  # the fixture's column is "expected_story", not a story id
    from framing.batch.records import _record

    r = _record("x", 1, {"text": "Some text.", "story_id": "ev-7"})
    assert r.story_hint == "ev-7"


def test_folder_of_story_folders_reads_each_story(tmp_path):
    out = [r for r in read_inputs([FOLDERS]) if isinstance(r, RawRecord)]
    assert sorted({r.story_hint for r in out}) == ["rates", "strike"]
    assert len(out) == 6 and all(r.cleaned for r in out)
    assert {r.fields["outlet"] for r in out} >= {"Fox News", "Metro Wire"}


# --- normalisation ---------------------------------------------------------------------------

def test_outlet_aliases_default_and_user_file(tmp_path):
    aliases = load_aliases()
    assert aliases("Fox Online News") == "Fox News"
    assert aliases("  fox   online news ") == "Fox News"
    assert aliases("www.nytimes.com") == "New York Times"
    assert aliases("Fox News Opinion") == "Fox News Opinion"  # opinion desks stay apart
    user = tmp_path / "aliases.tsv"
    user.write_text("alias\toutlet\nDaily Ledger Online\tThe Daily Ledger\nFox Online News\tFOX\n",
                    encoding="utf-8")
    mine = load_aliases(user)
    assert mine("daily ledger online") == "The Daily Ledger"
    assert mine("Fox Online News") == "FOX"  # the user's row wins


def test_malformed_aliases_file_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("alias\toutlet\n# comment\nOnly one column\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.tsv:3"):
        read_aliases(bad)


def test_messy_dates():
    assert read_date("1/21/19") == ("2019-01-21", "")
    assert read_date("2016-12-22T10:00:00Z")[0] == "2016-12-22"
    assert read_date("4/12/19")[0] == ""  # ambiguous without a date order ...
    assert read_date("4/12/19", "mdy")[0] == "2019-04-12"  # ... US order
    assert read_date("4/12/19", "dmy")[0] == "2019-12-04"
    assert read_date("")[0] == "" and read_date("soon")[0] == ""


def test_prepare_cleans_text_and_keys_by_content():
    a = fixture_articles()[0]
    rec = RawRecord("f.jsonl", 1, {"text": "Advertisement\n\n" + a["text"], "outlet": a["outlet"],
                                   "title": a["title"], "date": a["date"], "url": "", "id": "x",
                                   "story": ""})
    row = prepare(rec, load_aliases())
    assert row["outlet"] == "Fox News" and row["outlet_raw"] == "Fox Online News"
    assert not row["text"].startswith("Advertisement")
    assert json.loads(row["removed"])[0][0] == "Advertisement"
    again = prepare(rec, load_aliases())
    assert again["uid"] == row["uid"] and again["text_hash"] == row["text_hash"]
    edited = RawRecord("f.jsonl", 1, {**rec.fields, "text": rec.fields["text"] + " More."})
    assert prepare(edited, load_aliases())["uid"] != row["uid"]
    empty = RawRecord("f.jsonl", 2, {**rec.fields, "text": "  \n "})
    assert prepare(empty, load_aliases())["failure"] == "empty text"


# --- the store -------------------------------------------------------------------------------

def test_store_migrates_an_old_store_and_refuses_a_newer_one(tmp_path):
    path = tmp_path / "framing.sqlite"
    old = sqlite3.connect(path)
    with old:
        for s in MIGRATIONS[1]:
            old.execute(s)
        old.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', '1')")
    old.close()
    conn = connect(path)
    assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == \
        str(SCHEMA_VERSION)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(articles)")]
    assert "readability" in cols and conn.execute("SELECT count(*) FROM agency").fetchone() == (0,)
    conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        connect(path)
    other = tmp_path / "other.sqlite"
    c = sqlite3.connect(other)
    c.execute("CREATE TABLE x (a)")
    c.close()
    with pytest.raises(StoreError, match="not a framing store"):
        connect(other)


# --- whole runs ------------------------------------------------------------------------------

def _run(tmp_path, inputs, name="out", **kw):
    out = tmp_path / name
    summary = run_batch(BatchOptions(inputs=tuple(str(i) for i in inputs), out_dir=str(out),
                                     quiet=True, **kw))
    return out, summary


def test_one_corrupt_record_in_100(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", synthetic_records(100), corrupt_at=41)
    out, summary = _run(tmp_path, [path])
    assert summary.exit_code == 1
    assert count(out, "SELECT count(*) FROM articles") == 99
    assert count(out, "SELECT count(*) FROM articles WHERE analysis_key IS NOT NULL") == 99
    conn = sqlite3.connect(out / "framing.sqlite")
    failures = conn.execute("SELECT source, line, stage, reason FROM failures").fetchall()
    assert failures == [(str(path), 42, "load", failures[0][3])]
    assert "not valid JSON" in failures[0][3]
    # the analysis of the others really happened: offsets point at the text
    for uid, start, end, text in conn.execute(
            "SELECT f.article_uid, f.start_char, f.end_char, a.text FROM findings f JOIN articles a "
            "ON a.uid = f.article_uid LIMIT 200"):
        assert 0 <= start < end <= len(text)
    assert "Fox Online News" not in {r[0] for r in conn.execute("SELECT outlet FROM articles")}


def test_rerun_is_idempotent_and_force_redoes(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", synthetic_records(12))
    out, first = _run(tmp_path, [path])
    assert first.exit_code == 0 and first.analysed == 12
    before = dump_store(out)
    _, second = _run(tmp_path, [path])
    assert second.analysed == 0 and second.already_done == 12 and second.exit_code == 0
    assert dump_store(out) == before
    _, forced = _run(tmp_path, [path], force=True)
    assert forced.analysed == 12
    assert dump_store(out) == before
    assert count(out, "SELECT count(*) FROM runs") == 3


def test_edited_record_is_a_new_article_and_duplicates_are_reported(tmp_path):
    recs = synthetic_records(6)
    path = write_jsonl(tmp_path / "in.jsonl", recs + [recs[2]])
    out, s = _run(tmp_path, [path])
    assert s.duplicates == 1 and s.exit_code == 1
    assert count(out, "SELECT count(*) FROM failures WHERE stage='duplicate' AND line=7") == 1
    recs[0] = {**recs[0], "text": recs[0]["text"] + " A correction was added."}
    write_jsonl(tmp_path / "in.jsonl", recs)
    _, s2 = _run(tmp_path, [path])
    assert s2.analysed == 1 and s2.already_done == 5 and s2.exit_code == 0
    assert count(out, "SELECT count(*) FROM failures") == 0  # the old duplicate report is gone


def test_a_failing_stage_is_recorded_and_the_rest_go_on(tmp_path, monkeypatch):
    import framing.stages.lexicon as lex

    real = lex.run

    def flaky(doc, resources, previous):
        if "report number 3 " in doc.article.text:
            raise RuntimeError("boom")
        return real(doc, resources, previous)

    monkeypatch.setattr(lex, "run", flaky)
    path = write_jsonl(tmp_path / "in.jsonl", synthetic_records(6))
    out, s = _run(tmp_path, [path], stages=("lexicon",))
    assert s.failed == 1 and s.analysed == 5 and s.exit_code == 1
    conn = sqlite3.connect(out / "framing.sqlite")
    (stage, reason, line), = conn.execute("SELECT stage, reason, line FROM failures").fetchall()
    assert stage == "lexicon" and reason == "RuntimeError: boom" and line == 4


def test_nothing_loadable_exits_2(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": ""}\nnot json\n', encoding="utf-8")
    res = CliRunner().invoke(batch_cmd, [str(path), "-o", str(tmp_path / "o"), "-q"])
    assert res.exit_code == 2


def test_cli_batch_folders_csv_and_summary(tmp_path):
    csv_path = write_csv(tmp_path / "more.csv", synthetic_records(3))
    res = CliRunner().invoke(batch_cmd, [str(FOLDERS), str(csv_path), "-o", str(tmp_path / "o"),
                                         "--reports", "json"])
    assert res.exit_code == 0, res.output
    assert "articles loaded: 9" in res.output and "stories: 5" in res.output
    conn = sqlite3.connect(tmp_path / "o" / "framing.sqlite")
    stories = dict(conn.execute("SELECT story_id, n_articles FROM stories WHERE method='given'"))
    assert stories == {"s-rates": 3, "s-strike": 3}
    comps = conn.execute("SELECT story_id, n_articles FROM story_comparisons ORDER BY story_id"
                         ).fetchall()
    assert comps == [("s-rates", 3), ("s-strike", 3)]
    report = json.loads((tmp_path / "o" / "reports" / "s-rates.json").read_text())
    assert len(report["articles"]) == 3
    bad = CliRunner().invoke(batch_cmd, [str(csv_path), "-o", str(tmp_path / "o"),
                                         "--reports", "pdf"])
    assert bad.exit_code == 2 and "pdf" in bad.output


def test_exports_are_readable_by_pandas(tmp_path):
    pd = pytest.importorskip("pandas")
    path = write_jsonl(tmp_path / "in.jsonl", synthetic_records(8), corrupt_at=3)
    out, _ = _run(tmp_path, [path])
    runner = CliRunner()
    n_findings = count(out, "SELECT count(*) FROM findings")
    assert n_findings > 0
    for fmt, reader in (("csv", pd.read_csv), ("parquet", pd.read_parquet),
                        ("jsonl", lambda p: pd.read_json(p, lines=True))):
        res = runner.invoke(export_cmd, [str(out), "--table", "findings", "--format", fmt])
        assert res.exit_code == 0, res.output
        df = reader(res.output.strip())
        assert len(df) == n_findings
        assert {"id", "article_uid", "start_char", "end_char", "category", "data"} <= set(df.columns)
        assert df["start_char"].dtype.kind == "i"
    res = runner.invoke(export_cmd, [str(out), "--table", "failures", "-f", "parquet",
                                     "-o", str(tmp_path / "f.parquet")])
    df = pd.read_parquet(tmp_path / "f.parquet")
    assert list(df["line"]) == [4] and df["stage"][0] == "load"
    articles = pd.read_csv(runner.invoke(export_cmd, [str(out), "-t", "articles"]).output.strip())
    assert len(articles) == 7 and articles["text"].str.len().min() > 50
    res = runner.invoke(export_cmd, [str(out), "-t", "nope"])
    assert res.exit_code == 2 and "no table" in res.output


def test_csv_exports_and_profiles_never_hold_a_spreadsheet_formula(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text('id,outlet,title,text\n1,=HYPERLINK("http://x"),@Title,"The minister said the '
                    'talks failed, and officials claimed a victory."\n', encoding="utf-8")
    out, _ = _run(tmp_path, [path])
    runner = CliRunner()
    export = runner.invoke(export_cmd, [str(out), "-t", "articles", "-o", "-"]).output
    row = next(csv.DictReader(io.StringIO(export)))
    assert (row["outlet"], row["title"], row["words"]) == ("'=HYPERLINK(\"http://x\")", "'@Title", "11")
    jsonl = runner.invoke(export_cmd, [str(out), "-t", "articles", "-f", "jsonl", "-o", "-"]).output
    assert json.loads(jsonl)["outlet"] == '=HYPERLINK("http://x")'  # data formats keep the value
    profile = runner.invoke(profile_cmd, [str(out), "-f", "csv", "-o", "-", "--resamples", "100"])
    outlets = {r["outlet"] for r in csv.DictReader(io.StringIO(profile.output))}
    assert outlets == {"'=HYPERLINK(\"http://x\")"}


def test_progress_is_plain_lines_off_a_terminal():
    import io

    from framing.batch.progress import Progress

    buf = io.StringIO()
    p = Progress(4, "analysing", stream=buf, every=0.0)
    for _ in range(4):
        p.update(1)
    p.close()
    lines = buf.getvalue().splitlines()
    assert len(lines) == 4 and "\r" not in buf.getvalue()
    assert lines[-1].startswith("analysing: 4/4 articles (100%)") and "ETA" in lines[-1]
    quiet = io.StringIO()
    q = Progress(4, "analysing", stream=quiet, quiet=True)
    q.update(4)
    assert quiet.getvalue() == ""
