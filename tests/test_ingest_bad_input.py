"""Bad input never raises: each problem is one LoadProblem naming the file (and line), and the
other articles still load."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import framing.ingest.readers as readers
from framing.ingest import load_story

GOOD = ("Rescue teams reached the flooded village on Tuesday and evacuated more than 300 people, "
        "the provincial disaster agency said.\n")


def write(folder: Path, name: str, content) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def problem_for(story, name):
    found = [p for p in story.problems if Path(p.source.split("#")[0]).name == name]
    assert found, f"no problem for {name}: {story.problems}"
    return found[0]


def ids(story):
    return [a.id for a in story.articles]


def test_empty_and_blank_files(tmp_path):
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "blank.md", "  \n\n\t\n")
    write(tmp_path, "good.txt", GOOD)
    story = load_story(tmp_path)
    assert ids(story) == ["good"]
    assert problem_for(story, "empty.txt").message == "empty file"
    assert problem_for(story, "blank.md").fatal
    assert "empty" in problem_for(story, "blank.md").message


def test_binary_files_are_refused(tmp_path):
    write(tmp_path, "data.txt", bytes(range(256)) * 4)
    write(tmp_path, "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    write(tmp_path, "good.txt", GOOD)
    story = load_story(tmp_path)
    assert ids(story) == ["good"]
    assert "binary" in problem_for(story, "data.txt").message
    assert "PDF" in problem_for(story, "report.txt").message
    assert all(p.fatal for p in story.problems if "txt" in p.source)


def test_invalid_utf8_is_decoded_with_the_detected_encoding(tmp_path):
    text = ("The minister’s “offer” to mediate was welcomed by both governments — a rare moment "
            "of agreement, said the café owner who hosted the talks.\n")
    write(tmp_path, "legacy.txt", text.encode("cp1252"))
    article = load_story(tmp_path).articles[0]
    assert article.text == text.strip()
    assert article.encoding == "windows-1252"
    assert any("not UTF-8" in n for n in article.notes)


def test_undecodable_bytes_are_an_error_not_mojibake(tmp_path):
    import random

    rng = random.Random(1)  # high bytes in no pattern any encoding explains
    noise = bytes(rng.randrange(0x80, 0x100) for _ in range(400))
    write(tmp_path, "garbled.txt", b"Breaking news from the capital. " + noise + b" More text.")
    write(tmp_path, "good.txt", GOOD)
    story = load_story(tmp_path)
    assert ids(story) == ["good"]
    problem = problem_for(story, "garbled.txt")
    assert problem.fatal and problem.message.startswith("cannot decode the text")


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16"])
def test_byte_order_marks(tmp_path, codec):
    write(tmp_path, "bom.txt", GOOD.encode(codec))
    article = load_story(tmp_path).articles[0]
    assert article.text == GOOD.strip()
    assert "\ufeff" not in article.text


def test_a_50_mb_file_is_refused_without_being_read(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: stat says 52.4 MB, nothing is written or read
    write(tmp_path, "good.txt", GOOD)
    story = load_story(tmp_path)
    assert ids(story) == ["good"]
    assert problem_for(story, "huge.txt").message == "file too large (52.4 MB > 5 MB limit)"


def test_the_size_limit_is_configurable(tmp_path):
    write(tmp_path, "good.txt", GOOD)
    story = load_story(tmp_path, max_bytes=50)
    assert story.articles == ()
    assert problem_for(story, "good.txt").message.startswith("file too large (")
    records = write(tmp_path, "feed.jsonl", json.dumps({"text": GOOD * 3}) + "\n"
                    + json.dumps({"text": "Short text about a new school opening."}) + "\n")
    story = load_story(records, max_bytes=200)
    assert ids(story) == ["feed:2"]
    assert problem_for(story, "feed.jsonl").line == 1
    assert "too large" in problem_for(story, "feed.jsonl").message


def test_malformed_toml_manifest_names_file_and_line(tmp_path):
    write(tmp_path, "good.txt", GOOD)
    write(tmp_path, "manifest.toml", '[story]\nname = "Floods"\n\n[[article]]\nfile = "good.txt"\noutlet = \n')
    story = load_story(tmp_path)
    assert ids(story) == ["good"]  # the articles still load, with derived defaults
    problem = problem_for(story, "manifest.toml")
    assert problem.fatal and problem.line == 6
    assert "invalid TOML" in problem.message
    assert story.manifest == "" and story.articles[0].outlet == "Outlet A"


def test_malformed_json_manifest_names_file_and_line(tmp_path):
    write(tmp_path, "good.txt", GOOD)
    write(tmp_path, "manifest.json", '{"story": {"name": "Floods"},\n "article": [\n  {"file": "good.txt",}\n]}')
    story = load_story(tmp_path)
    problem = problem_for(story, "manifest.json")
    assert (problem.line, problem.fatal) == (3, True)
    assert "invalid JSON" in problem.message
    assert ids(story) == ["good"]


def test_malformed_csv_rows_are_skipped_alone(tmp_path):
    path = write(tmp_path, "feed.csv",
                 "text,outlet\n"
                 "\"The port reopened on Monday after a two-day strike.\",Harbour News\n"
                 "\"bad\"quote,Harbour News\n"
                 "\"Bus drivers agreed a new pay deal on Tuesday.\",City Post\n"
                 "\"A row with a field too many.\",City Post,extra\n"
                 "\"Schools reopened after the holiday on Wednesday.\",Valley Times\n")
    story = load_story(path)
    assert [a.outlet for a in story.articles] == ["Harbour News", "City Post", "Valley Times"]
    lines = sorted((p.line, p.message) for p in story.problems if p.fatal)
    assert [line for line, _ in lines] == [3, 5]
    assert all(m.startswith("malformed CSV row") for _, m in lines)


def test_csv_quote_never_closed_names_its_line(tmp_path):
    path = write(tmp_path, "feed.csv",
                 "text,outlet\n"
                 "\"The port reopened on Monday after a two-day strike.\",Harbour News\n"
                 "\"Bus drivers agreed a new pay deal on Tuesday.,City Post\n"
                 "\"Schools reopened after the holiday on Wednesday.\",Valley Times\n")
    story = load_story(path)
    assert [a.outlet for a in story.articles] == ["Harbour News"]
    problem = problem_for(story, "feed.csv")
    assert problem.fatal and problem.line == 3 and "quotation mark" in problem.message


def test_csv_without_text_column(tmp_path):
    path = write(tmp_path, "feed.csv", "headline,outlet\nA headline,Somewhere\n")
    story = load_story(path)
    assert story.articles == ()
    problem = problem_for(story, "feed.csv")
    assert problem.fatal and problem.line == 1 and "no text column" in problem.message


def test_malformed_jsonl_lines_are_skipped_alone(tmp_path):
    path = write(tmp_path, "feed.jsonl",
                 '{"text": "The strike ended on Friday after talks.", "outlet": "Metro"}\n'
                 '{"text": "broken\n'
                 '\n'
                 '["not", "an", "object"]\n'
                 '{"outlet": "Metro"}\n'
                 '{"text": "Markets rose on Monday as oil prices fell."}\n')
    story = load_story(path)
    assert len(story.articles) == 2
    by_line = {p.line: p.message for p in story.problems if p.fatal}
    assert set(by_line) == {2, 4, 5}
    assert by_line[2].startswith("invalid JSON")
    assert "not an object" in by_line[4]
    assert "no text field" in by_line[5]


def test_malformed_json_file(tmp_path):
    path = write(tmp_path, "feed.json", '[\n  {"text": "Fine record about a new bridge."},\n  {"text": oops}\n]\n')
    story = load_story(path)
    assert ids(story) == ["feed:1"]  # records before the error are whole and load
    problem = problem_for(story, "feed.json")
    assert problem.line == 3 and problem.message.startswith("invalid JSON")


def test_folder_without_articles(tmp_path):
    write(tmp_path, "photo.jpg", b"\xff\xd8\xff\xe0")
    write(tmp_path, ".hidden.txt", GOOD)
    story = load_story(tmp_path)
    assert story.articles == ()
    fatal = [p for p in story.problems if p.fatal]
    assert len(fatal) == 1 and fatal[0].source == str(tmp_path)
    assert "no articles in this folder" in fatal[0].message
    skipped = problem_for(story, "photo.jpg")
    assert not skipped.fatal and "not an article file type" in skipped.message


def test_missing_path(tmp_path):
    story = load_story(tmp_path / "nowhere")
    assert [(p.message, p.fatal) for p in story.problems] == [("no such file or folder", True)]


def test_duplicates_keep_the_first_and_name_both(tmp_path):
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "b.txt", "  " + GOOD.upper().replace(" ", "  ") + "\n\n")  # same text, other spacing/case
    write(tmp_path, "c.txt", "A different article: the dam was opened on Friday.\n")
    story = load_story(tmp_path)
    assert ids(story) == ["a", "c"]
    problem = problem_for(story, "b.txt")
    assert problem.fatal and "duplicate of" in problem.message and "a.txt" in problem.message


def test_duplicate_records_in_a_file(tmp_path):
    path = write(tmp_path, "feed.jsonl", json.dumps({"text": GOOD}) + "\n" + json.dumps({"text": GOOD}) + "\n")
    story = load_story(path)
    assert ids(story) == ["feed:1"]
    problem = problem_for(story, "feed.jsonl")
    assert problem.line == 2 and "record 2 is a duplicate of" in problem.message


def test_hidden_files_manifest_docs_and_unknown_types_in_a_folder(tmp_path):
    write(tmp_path, "story.txt", GOOD)
    write(tmp_path, ".DS_Store", b"\x00\x00\x00\x01Bud1")
    write(tmp_path, "README.md", "# Notes about this folder\n")
    write(tmp_path, "manifest.json", json.dumps({"story": {"name": "Floods"}}))
    write(tmp_path, "scan.pdf", b"%PDF-1.4")
    (tmp_path / "old").mkdir()
    story = load_story(tmp_path)
    assert ids(story) == ["story"]
    assert story.name == "Floods"
    warnings = {Path(p.source).name: p for p in story.problems}
    assert set(warnings) == {"README.md", "scan.pdf", "old"}
    assert not any(p.fatal for p in warnings.values())


def test_text_that_is_only_web_leftovers(tmp_path):
    write(tmp_path, "junk.txt", "Advertisement\nShare on Facebook\nTweet\n|\nScroll to Top\n")
    story = load_story(tmp_path)
    assert story.articles == ()
    assert "no article text after cleaning" in problem_for(story, "junk.txt").message


def test_an_unexpected_reader_failure_becomes_a_problem(tmp_path, monkeypatch):
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "b.md", "The mayor opened the new library on Saturday.\n")

    def broken(source, options):
        raise RuntimeError("simulated bug")
        yield  # pragma: no cover

    monkeypatch.setitem(readers.READERS, "md", broken)
    story = load_story(tmp_path)
    assert ids(story) == ["a"]
    assert "RuntimeError: simulated bug" in problem_for(story, "b.md").message


def test_empty_stdin():
    story = load_story("-", stdin=io.BytesIO(b"   \n"))
    assert story.articles == ()
    assert [(p.source, p.message) for p in story.problems] == [("<stdin>", "empty input")]


def test_problems_print_as_one_line_with_file_and_line(tmp_path):
    path = write(tmp_path, "feed.jsonl", '{"text": "ok text about a train"}\n{nope}\n')
    problem = problem_for(load_story(path), "feed.jsonl")
    assert str(problem).startswith(f"{path}:2: invalid JSON")
    assert "\n" not in str(problem)
