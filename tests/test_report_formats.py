"""Markdown, CSV, JSON and terminal reports, and the `render` entry point the CLI calls."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest

from framing.report import FORMATS, json_report, render, render_string
from framing.csvfiles import safe_cell
from framing.report.markdown import md_escape, render_markdown
from framing.report.terminal import format_table, render_terminal

from test_report_support import CONTROL, FORMULA, HOSTILE, bare_result, hostile_result, seed_result


# ---- markdown ------------------------------------------------------------------------------------
def test_markdown_escapes_html_and_markdown_syntax():
    assert md_escape("<b>x</b> | *y* [z](u)") == "&lt;b&gt;x&lt;/b&gt; \\| \\*y\\* \\[z\\](u)"
    assert md_escape("# heading") == "\\# heading"
    assert md_escape("1. item", block=True) == "1\\. item"
    assert md_escape("line\nbreak") == "line break"


def test_markdown_report_of_hostile_story_holds_no_raw_html():
    md = render_markdown(hostile_result())
    assert "<script" not in md and "&lt;script&gt;" in md
    assert 'onmouseover="alert(1)"' in md.replace("\\", "")  # shown as text, inert without a tag
    assert "\x1b" not in md  # control characters are dropped
    # tables keep their shape: every row of a table has as many cells as its header
    lines = md.splitlines()
    for k, line in enumerate(lines):
        if line.startswith("| ") and k + 1 < len(lines) and lines[k + 1].startswith("| ---"):
            width = line.count(" | ")
            j = k + 2
            while j < len(lines) and lines[j].startswith("| "):
                assert lines[j].replace("\\|", "").count(" | ") == width, lines[j]
                j += 1


def test_markdown_report_of_seeds_has_articles_tables_and_limits():
    result = seed_result()
    md = render_markdown(result)
    for a in result.analyses:
        assert f"### {md_escape(a.article.outlet)}" in md
    assert "## Methods and limits" in md and "What the tool cannot know" in md
    assert "| Figure |" in md


def test_omissions_show_the_closest_wording_elsewhere_and_mark_possible_paraphrases():
    result = seed_result()
    if result.comparison is None:
        pytest.skip("the comparison did not run")
    md = render_markdown(result)
    assert "| Fact | Kind | Outlet | Carried by | Closest wording elsewhere |" in md
    marked = [om for om in result.comparison.omissions if om.possibly_carried]
    assert marked, "no omission of the seeds is marked possibly carried"
    om = marked[0]
    assert f"{md_escape(om.closest_outlet)} ({100 * om.closest_similarity:.0f}% alike)" in md
    assert "possibly carried elsewhere in other words" in md


def test_markdown_marks_flagged_words_in_bold_with_their_marker():
    md = render_markdown(hostile_result())
    assert "**regime**\\[Lb\\]" in md


def test_markdown_article_text_keeps_the_spaces_around_flagged_words():
    """The seeds' article text read "Afghan Taliban**regime**\\[Lb\\]is": the escaping of the text
    between two flags folded its edge spaces away, so every flagged word ran into its neighbours."""
    result = seed_result()
    md = render_markdown(result)
    text_part = md.split("## The articles", 1)[1].split("## Methods and limits", 1)[0]
    assert "**" in text_part
    glued = re.findall(r"[A-Za-z,]\*\*[A-Za-z]|\\\][A-Za-z]", text_part)
    assert not glued, glued[:5]
    assert re.search(r" \*\*[A-Za-z][^*]*\*\*\\\[[^\]]+\\\] [a-z]", text_part)


def test_hidden_agents_say_what_was_done_to_whom_in_words():
    """"Done to" showed the patient's character offsets ("1564–1572"), not its words."""
    result = seed_result()
    md = render_markdown(result)
    rows = [line for line in md.splitlines() if "| nominalisation |" in line or "| passive\\_agentless |" in line]
    done_to = [r.rstrip(" |").rsplit("|", 1)[-1].strip() for r in rows]
    assert any(done_to), rows[:3]
    assert not any(re.fullmatch(r"\d+\D\d+", d) for d in done_to), done_to


# ---- csv -----------------------------------------------------------------------------------------
def test_csv_writes_one_file_per_table_with_an_index(tmp_path):
    out = tmp_path / "tables"
    files = render(seed_result(), "csv", out)
    assert files[0].name == "index.csv"
    index = list(csv.DictReader(io.StringIO((out / "index.csv").read_text(encoding="utf-8"))))
    names = {r["file"] for r in index}
    for expected in ("summary-matrix.csv", "naming-matrix.csv", "attributions.csv", "coverage-matrix.csv",
                     "disagreements.csv", "distinctive-terms.csv", "readability.csv", "findings.csv",
                     "articles.csv", "attribution-spans.csv"):
        assert expected in names
    assert len(names) == len(index) == len(files) - 1
    summary = list(csv.reader(io.StringIO((out / "summary-matrix.csv").read_text(encoding="utf-8"))))
    assert summary[0][1:] == [a.article.outlet for a in seed_result().analyses]
    spans = list(csv.DictReader(io.StringIO((out / "attribution-spans.csv").read_text(encoding="utf-8"))))
    texts = {a.article.id: a.article.text for a in seed_result().analyses}
    for row in spans:  # every offset points at the text it claims
        assert texts[row["article_id"]][int(row["cue_start"]):int(row["cue_end"])] == row["cue_text"]


def test_csv_neutralises_spreadsheet_formulas(tmp_path):
    files = render(hostile_result(), "csv", tmp_path / "h")
    articles = (tmp_path / "h" / "articles.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(articles)))
    assert rows[1]["outlet"] == "'" + FORMULA
    assert safe_cell("-0.5") == "-0.5" and safe_cell("-x") == "'-x" and safe_cell("@SUM(1)") == "'@SUM(1)"
    assert all(f.exists() for f in files)


def test_csv_needs_an_output_folder():
    with pytest.raises(ValueError, match="folder"):
        render(seed_result(), "csv", None)


# ---- json ----------------------------------------------------------------------------------------
def test_json_report_follows_the_documented_layout(tmp_path):
    result = seed_result()
    doc = json_report(result)
    assert doc["schema_version"].startswith("1.")
    assert list(doc)[:6] == ["schema_version", "framing_version", "story", "articles", "comparison", "problems"]
    path = tmp_path / "r.json"
    render(result, "json", path)
    loaded = json.loads(path.read_text(encoding="utf-8"))
    assert loaded["story"]["article_count"] == len(result.analyses)
    assert [a["article"]["id"] for a in loaded["articles"]] == [a.article.id for a in result.analyses]
    assert render_string(result, "json") == path.read_text(encoding="utf-8")  # deterministic


def test_json_validates_against_the_schema_when_its_parts_exist():
    jsonschema = pytest.importorskip("jsonschema")
    from importlib import resources

    folder = resources.files("framing") / "schema"
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.iterdir() if p.name.endswith(".json")}
    main = schemas["analysis.schema.json"]
    refs = set()

    def collect(node):
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref and not ref.startswith("#"):
                refs.add(ref.split("#")[0])
            for v in node.values():
                collect(v)
        elif isinstance(node, list):
            for v in node:
                collect(v)

    collect(main)
    if not refs <= set(schemas):
        pytest.skip(f"schema parts not written yet: {sorted(refs - set(schemas))}")
    from referencing import Registry, Resource

    registry = Registry().with_resources(
        [(s.get("$id", name), Resource.from_contents(s)) for name, s in schemas.items()]
        + [(name, Resource.from_contents(s)) for name, s in schemas.items()])
    doc = json.loads(render_string(seed_result(), "json"))
    jsonschema.Draft202012Validator(main, registry=registry).validate(doc)
    # a year alone dates an event ("in the 2016 election"): 21 of 500 AllSides story reports
    # broke the schema's date pattern until session 19
    from framing.api import analyze
    from framing.model import Article, Story

    story = Story(name="years", articles=(
        Article(id="a", outlet="A", date="2017-03-01", text=(
            "Russia meddled in the 2016 presidential election, the intelligence agencies said.")),
        Article(id="b", outlet="B", date="2017-03-02", text=(
            "The agencies said Russia interfered in the 2016 presidential election."))))
    doc = json.loads(render_string(analyze(story), "json"))
    assert "2016" in [d["iso"] for d in doc["comparison"]["dates"]]
    jsonschema.Draft202012Validator(main, registry=registry).validate(doc)


# ---- terminal ------------------------------------------------------------------------------------
def test_terminal_summary_lists_articles_and_key_figures():
    result = seed_result()
    text = render_terminal(result, width=120)
    assert "Articles" in text and "Key figures" in text
    for a in result.analyses:
        assert a.article.outlet in text
    assert all(len(line) <= 120 for line in text.splitlines())


def test_terminal_summary_strips_control_characters():
    text = render_terminal(hostile_result(), width=100)
    assert "\x1b" not in text
    assert HOSTILE in text  # shown as it is: a terminal does not run HTML
    assert CONTROL not in text


def test_terminal_tables_wrap_to_the_width():
    table = format_table(["Name", "Long"], [["a", "word " * 40]], width=60)
    assert all(len(line) <= 60 for line in table.splitlines())
    assert table.count("\n") > 3


def test_terminal_transposes_a_wide_matrix():
    from framing.model import StoryAnalysis

    base = seed_result()
    many = StoryAnalysis(base.story, base.analyses * 3, None, (), "t")
    text = render_terminal(many, width=80)
    assert all(len(line) <= 80 for line in text.splitlines())


# ---- render --------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "csv"])
def test_render_writes_every_format_to_a_file_and_to_stdout(fmt, tmp_path, capsys):
    result = hostile_result()
    path = tmp_path / "sub" / f"report.{fmt}"
    text = render(result, fmt, path)
    assert path.read_text(encoding="utf-8") == text and text
    render(result, fmt, "-")
    assert capsys.readouterr().out == text


def test_render_rejects_an_unknown_format():
    with pytest.raises(ValueError, match="unknown report format"):
        render(bare_result(), "pdf", None)
