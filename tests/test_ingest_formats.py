"""Every input format: .txt, .md with front matter, .html, .json, .jsonl, .csv/.tsv, .gz, stdin."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from framing.ingest import load_story

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def only(story):
    assert len(story.articles) == 1, story.problems
    return story.articles[0]


def fatal(story):
    return [p for p in story.problems if p.fatal]


def test_plain_text_file(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text("Old river bridge closed after cracks found\n\n"
                    "Engineers closed the old river bridge on Tuesday after finding cracks in two of its "
                    "supports, the city said.\n", encoding="utf-8")
    article = only(load_story(path))
    assert article.id == "bridge"
    assert article.source == str(path)
    assert article.title == "Old river bridge closed after cracks found"
    assert article.text.startswith("Old river bridge closed after cracks found\n\nEngineers closed")


def test_plain_text_header_block_fills_title_outlet_and_date(tmp_path):
    # How people save an article by hand, and how news databases export one: header lines, a blank
    # line, the article. The header is metadata, not text, and the title is the headline.
    path = tmp_path / "base.txt"
    path.write_text("Title: Official: Pensacola shooter was Saudi aviation student\n"
                    "Source: Associated Press\nAuthor: Staff writer\nDate: Dec. 6, 2019\n\n"
                    "A member of the Saudi air force opened fire in a classroom at the naval base "
                    "on Friday, a U.S. official said.\n", encoding="utf-8")
    article = only(load_story(path))
    assert (article.outlet, article.title, article.date) == (
        "Associated Press", "Official: Pensacola shooter was Saudi aviation student", "2019-12-06")
    assert article.text.split("\n\n")[0] == article.title  # the headline opens the text
    assert "Source:" not in article.text and "Staff writer" not in article.text
    assert any("header lines" in note for note in article.notes)


@pytest.mark.parametrize("opening", [
    "Trump: I will not concede the race\n\n",  # a headline with a colon, not a header
    "Source: officials said the bridge would reopen on Monday after repairs to its supports were "
    "finished\nahead of schedule.\n\n",  # a body line that runs on is no header block
    "Author: Staff writer\n\n",  # names that fill no article field alone make no header
])
def test_plain_text_without_a_header_block_is_read_as_text(tmp_path, opening):
    path = tmp_path / "bridge.txt"
    body = "Engineers closed the old river bridge on Tuesday after finding cracks, the city said.\n"
    path.write_text(opening + body, encoding="utf-8")
    article = only(load_story(path))
    assert article.text.startswith(opening.split("\n")[0][:20])
    assert not any("header lines" in note for note in article.notes)


def test_markdown_front_matter_and_markup():
    article = only(load_story(FIXTURES / "minister_front_matter.md"))
    assert (article.outlet, article.title, article.date) == (
        "Northern Ledger", "Minister resigns over procurement scandal", "2023-11-02")
    assert article.url == "https://ledger.example/politics/minister-resigns"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Minister resigns over procurement scandal"  # the "# " heading, not doubled
    # Hard-wrapped Markdown lines form one paragraph; emphasis and link markup is gone.
    assert paragraphs[1] == ("The infrastructure minister resigned on Thursday, two days after auditors said "
                             "a $300 million road contract had been awarded without a competitive tender.")
    assert "proceed without distraction." in paragraphs[2] and "](" not in article.text
    assert "minister.jpg" not in article.text and "tags" not in article.text
    assert "Opposition calls for early election" in paragraphs  # sub-heading stands alone
    assert "The audit office will publish its full report next month." in paragraphs  # list item
    assert any("front matter" in note for note in article.notes)


def test_markdown_front_matter_problems_are_warnings(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("---\ntitle: Ferry fares frozen for winter\nthis line is not a pair\n---\n"
                    "The ferry company said on Monday that fares would not rise before April.\n",
                    encoding="utf-8")
    story = load_story(path)
    article = only(story)
    assert article.title == "Ferry fares frozen for winter"
    problem = next(p for p in story.problems if "key: value" in p.message)
    assert (problem.line, problem.fatal) == (3, False)


def test_markdown_front_matter_bracketed_title_is_text_and_block_title_is_reported(tmp_path):
    path = tmp_path / "opinion.md"
    path.write_text("---\ntitle: [Opinion] Why the ferry fares must fall\noutlet: >\n  Harbour\n"
                    "tags: [ferries, prices]\n---\n"
                    "The ferry company said on Monday that fares would not rise before April.\n",
                    encoding="utf-8")
    story = load_story(path)
    article = only(story)
    assert article.title == "[Opinion] Why the ferry fares must fall"
    warned = sorted((p.line, p.fatal) for p in story.problems if "front matter" in p.message)
    assert warned == [(2, False), (3, False)]  # not the tags list: it fills no article field
    assert "left out" in next(p.message for p in story.problems if p.line == 3)


def test_html_page_main_text_and_metadata():
    article = only(load_story(FIXTURES / "harbour_page.html"))
    assert article.outlet == "The Harbour Courier"
    assert article.title == "Floodwaters recede in coastal districts as relief convoys reach villages"
    assert article.date == "2024-09-03"
    assert article.url == "https://harbourcourier.example/news/2024/09/03/floodwaters-recede"
    assert article.language == "en"
    assert article.text.startswith(article.title + "\n\nFloodwaters began to recede")
    assert "“The water is going down, but the damage it leaves behind is enormous,” said Farid Hassan" \
        in article.text
    for leftover in ("Subscribe", "Share on Facebook", "Advertisement", "cookies", "Related Stories",
                     "Leave a Reply", "© 2024", "Scroll to Top", "Privacy Policy", "Sign up", "Home"):
        assert leftover not in article.text
    assert any("trafilatura" in note for note in article.notes)


def test_html_leftovers_inside_the_article_are_cleaned_and_legacy_encoding_read():
    article = only(load_story(FIXTURES / "plain_markup_page.html"))
    assert article.encoding == "windows-1252"
    assert "“People have waited long enough for a reliable service,” said councillor Maria Ortega" \
        in article.text
    reasons = {r.text: r.reason for r in article.removed}
    assert "advertisement" in reasons["ADVERTISEMENT"]
    assert "share" in reasons["Share on Facebook"]
    assert "newsletter" in reasons["Sign up for our newsletter"]
    assert "timestamp" in reasons["Tuesday, 14 May 2024 18:02"]
    assert article.text.startswith("Council approves new bus lanes after heated debate\n\n")
    assert any("added as the first paragraph" in n for n in article.notes)


def test_json_list_of_records():
    story = load_story(FIXTURES / "records.json")
    assert [a.id for a in story.articles] == ["j1", "j2"]
    first, second = story.articles
    assert (first.outlet, first.title, first.date) == ("Capital Post", "Rail fares to rise by 4 percent",
                                                       "2024-01-02")
    assert first.source.endswith("records.json#1")
    assert first.text.startswith("Rail fares to rise by 4 percent\n\nRail fares will rise")
    assert second.date == "" and any("no date" in n for n in second.notes)


def test_json_single_object_and_wrapped_list(tmp_path):
    single = tmp_path / "single.json"
    single.write_text(json.dumps({"headline": "Airport reopens after fog",
                                  "body": "The airport reopened on Friday morning after fog grounded flights "
                                          "for most of Thursday.", "publisher": "Sky Report"}),
                      encoding="utf-8")
    article = only(load_story(single))
    assert (article.id, article.outlet, article.title) == ("single", "Sky Report", "Airport reopens after fog")
    wrapped = tmp_path / "feed.json"
    wrapped.write_text(json.dumps({"articles": [{"text": "The museum will open a new wing in June, its "
                                                         "director said on Monday."}]}), encoding="utf-8")
    assert only(load_story(wrapped)).id == "feed:1"


def test_jsonl_records_with_field_aliases():
    story = load_story(FIXTURES / "wire_records.jsonl")
    assert [a.id for a in story.articles] == ["w1", "w2", "wire_records:3"]
    w1, w2, w3 = story.articles
    assert [(r.text, r.line) for r in w1.removed] == [("Advertisement", 1)]
    assert "Advertisement" not in w1.text
    assert (w2.outlet, w2.title, w2.date) == ("Valley Times", "Farmers count losses after hailstorm",
                                              "2024-07-22")
    assert w3.title == "" and w3.outlet == "Metro Wire"
    assert w3.source.endswith("wire_records.jsonl#3")


def test_csv_records_case_insensitive_header_and_multiline_text():
    story = load_story(FIXTURES / "council_records.csv")
    assert fatal(story) == []
    c1, c2 = story.articles
    assert (c1.id, c1.outlet, c1.date, c1.url) == ("c1", "City Herald", "2024-02-12", "https://herald.example/budget")
    assert c1.text.split("\n\n") == [
        "Council passes budget after walkout",
        "The council approved the budget on Monday after a six-hour debate.",
        "Opposition members walked out before the final vote, saying the plan cut funding for libraries."]
    assert c2.date == "" and any("12/02/2024" in n and "not understood" in n for n in c2.notes)


def test_tsv_and_semicolon_csv(tmp_path):
    tsv = tmp_path / "items.tsv"
    tsv.write_text("title\ttext\nTram line extended\tThe tram line will be extended to the airport by 2027, "
                   "the mayor said.\n", encoding="utf-8")
    assert only(load_story(tsv)).title == "Tram line extended"
    semi = tmp_path / "items.csv"
    semi.write_text("TITLE;TEXT;OUTLET\nLibrary hours cut;The central library will close at 6 pm from May, "
                    "the council said.;Town Crier\n", encoding="utf-8")
    assert only(load_story(semi)).outlet == "Town Crier"


def test_gzip_compressed_jsonl(tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for n in range(3):
            handle.write(json.dumps({"text": f"Story number {n}: the harbour authority reported "
                                             f"{n + 10} ship arrivals on Monday."}) + "\n")
    story = load_story(path)
    assert [a.id for a in story.articles] == ["feed:1", "feed:2", "feed:3"]


@pytest.mark.parametrize("data, fmt_id", [
    (b"Talks resume in Geneva\n\nDiplomats met again on Monday to discuss a ceasefire.\n", "stdin"),
    (b'{"text": "The central bank kept rates unchanged on Thursday."}\n'
     b'{"text": "Fuel prices rose for the third week in a row."}\n', "stdin:1"),
    (b"<!DOCTYPE html><html><head><title>Bank holds rates</title></head><body><article><h1>Bank holds rates"
     b"</h1><p>The central bank kept its main interest rate unchanged on Thursday, citing slowing "
     b"inflation and weak growth in the second quarter of the year.</p><p>Economists had expected the "
     b"decision, which was backed by all seven members of the rate-setting committee.</p></article>"
     b"</body></html>", "stdin"),
])
def test_stdin_formats_are_sniffed(data, fmt_id):
    story = load_story("-", stdin=io.BytesIO(data))
    assert story.name == "stdin"
    assert story.articles and story.articles[0].id == fmt_id
    assert story.articles[0].source.startswith("<stdin>")


def test_folder_order_ids_and_sources_are_deterministic(tmp_path):
    for name in ("b.txt", "a.md", "c.html"):
        (tmp_path / name).write_text(f"Article {name}: the regional parliament met on Monday to debate "
                                     f"a new water law for {name}.\n", encoding="utf-8")
    first = load_story(tmp_path)
    assert [a.id for a in first.articles] == ["a", "b", "c"]
    assert [Path(a.source).name for a in first.articles] == ["a.md", "b.txt", "c.html"]
    assert load_story(tmp_path).articles == first.articles


def test_files_and_folders_can_be_mixed(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text("Snow closed mountain passes on Sunday, police said.\n", encoding="utf-8")
    story = load_story(one, FIXTURES / "records.json", manifest=False)
    assert [a.id for a in story.articles] == ["one", "j1", "j2"]
    assert story.name == "story"
