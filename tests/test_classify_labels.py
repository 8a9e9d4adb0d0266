"""Labels files: good ones load, malformed ones get one clear error per problem, with its line."""
from __future__ import annotations

import pytest

from framing.classify import LabelsFileError, read_labels


def write(tmp_path, content, name="labels.csv", encoding="utf-8"):
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding=encoding)
    return p


def problems(path, **kw):
    with pytest.raises(LabelsFileError) as err:
        read_labels(path, **kw)
    return [(p.line, p.message) for p in err.value.problems], err.value


GOOD = (
    "text,label,group,source_note\n"
    '"The Senate passed the bill on Thursday.",neutral,g1,us\n'
    '"Senate Democrats rammed through their bloated bill.",biased,g1,us\n'
    '"Police said the suspect was arrested.",neutral,g2,crime\n'
    '"Trigger-happy police gunned down the suspect.",biased,g2,crime\n'
)


def test_good_file_loads_with_lines_groups_and_counts(tmp_path):
    data = read_labels(write(tmp_path, GOOD))
    assert data.labels == ["neutral", "biased", "neutral", "biased"]
    assert data.groups == ["g1", "g1", "g2", "g2"]
    assert data.lines == [2, 3, 4, 5]
    assert data.counts() == {"biased": 2, "neutral": 2}


def test_project_labels_files_are_valid():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "data" / "labels"
    bias = read_labels(root / "bias.csv")
    frames = read_labels(root / "frames.csv")
    assert set(bias.labels) == {"biased", "neutral"} and len(bias.texts) >= 600
    assert len(set(frames.labels)) >= 9 and min(frames.counts().values()) >= 30


def test_missing_column_names_line_one_and_what_was_found(tmp_path):
    found, err = problems(write(tmp_path, "sentence,label\n\"A sentence.\",neutral\n"))
    assert found[0][0] == 1
    assert "missing column 'text'" in found[0][1] and "'sentence'" in found[0][1]
    assert str(err).startswith(str(tmp_path / "labels.csv") + ":1: ")


def test_empty_text_and_empty_label_get_their_lines(tmp_path):
    content = GOOD + '"",neutral,g3,x\n"A fine sentence about the budget.",,g3,x\n'
    found, _ = problems(write(tmp_path, content))
    assert (6, "empty text") in found
    assert (7, "empty label") in found


def test_label_with_a_single_example_names_its_line(tmp_path):
    content = GOOD + '"The minister resigned on Friday.",neutrl,g4,typo\n'
    found, _ = problems(write(tmp_path, content))
    assert found == [(6, "label 'neutrl' has only 1 example; every label needs at least 2 (fix a typo or add examples)")]


def test_bad_encoding_gives_the_line_of_the_first_bad_byte(tmp_path):
    content = GOOD.encode("utf-8") + "\"Caf\u00e9 owners protested.\",neutral,g5,x\n".encode("latin-1")
    found, _ = problems(write(tmp_path, content))
    assert found[0][0] == 6 and "not UTF-8" in found[0][1]


def test_unclosed_quotation_mark_is_reported_where_the_row_starts(tmp_path):
    content = GOOD + '"The row never closes,neutral,g6,x\n"Another row.",biased,g6,x\n'
    found, _ = problems(write(tmp_path, content))
    assert found[0][0] == 6 and "unclosed quotation mark" in found[0][1]


def test_multiline_field_keeps_line_numbers_right(tmp_path):
    content = ("text,label\n"
               '"First line of a text\nthat goes on",neutral\n'
               '"Second text.",neutral\n'
               '"",biased\n')
    found, _ = problems(write(tmp_path, content))
    assert (5, "empty text") in found  # line 2-3 hold one record, line 4 the next


def test_empty_and_header_only_files(tmp_path):
    found, _ = problems(write(tmp_path, "", name="empty.csv"))
    assert "empty" in found[0][1]
    found, _ = problems(write(tmp_path, "text,label\n", name="header.csv"))
    assert "no examples" in found[0][1]
    found, _ = problems(write(tmp_path, 'text,label\n"A.",x\n"B.",x\n', name="one.csv"))
    assert "only one label" in found[0][1]


def test_every_problem_is_listed_not_just_the_first(tmp_path):
    content = GOOD + '"",neutral\n"Text.",\n"",biased\n'
    found, err = problems(write(tmp_path, content))
    assert [line for line, _ in found] == [6, 7, 8]
    assert len(err.lines()) == 3


def test_semicolon_files_bom_and_other_columns_are_accepted(tmp_path):
    content = "\ufeffid;Text;Label;coder\n1;\"Officials said the talks would resume.\";neutral;A\n" \
              "2;\"The doomed talks collapsed again.\";biased;B\n3;\"The vote is next week.\";neutral;A\n" \
              "4;\"The reckless plan is a disaster.\";biased;B\n"
    data = read_labels(write(tmp_path, content, name="semi.csv"))
    assert data.counts() == {"biased": 2, "neutral": 2} and data.groups is None


def test_conflicting_duplicates_are_kept_with_a_warning(tmp_path):
    content = GOOD + '"The Senate passed the bill on Thursday.",biased,g1,second coder\n'
    data = read_labels(write(tmp_path, content))
    assert len(data.texts) == 5
    assert "line 2" in data.warnings[0] and ":6:" in data.warnings[0]
