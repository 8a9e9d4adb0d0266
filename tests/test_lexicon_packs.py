"""Lexicon packs: the default packs load and are complete; bad packs are rejected with file:line;
user packs add to and override the defaults."""
from __future__ import annotations

from pathlib import Path

import pytest

from framing.lexicon import CATEGORIES, LexiconError, default_lexicon, load_lexicon, validate_pack
from framing.lexicon.categories import NON_FINDING

HEADER = "term\tcategory\tpolarity\tstrength\texplanation\talternative\n"


def write(path: Path, rows: str, header: str = HEADER) -> Path:
    path.write_text(header + rows, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def lex():
    return default_lexicon()


def test_general_pack_has_at_least_1500_written_entries(lex):
    general = [e for e in lex.entries if e.pack == "general"]
    assert len(general) >= 1500
    # every finding category of the documented list is populated
    for cat in CATEGORIES:
        if cat not in NON_FINDING:
            assert lex.entries_in(cat), cat


def test_every_flagging_entry_explains_itself_briefly(lex):
    for e in lex.entries:
        if e.flag:
            assert e.explanation and len(e.explanation) <= 160, e.source
            assert e.alternative.lower() != e.term, e.source


def test_brief_examples_have_the_documented_alternatives(lex):
    def first(term, category):
        return next(e for e in lex.lookup(term) if e.category == category)

    assert first("regime", "label").alternative == "government"
    assert first("martyrdom", "casualty").alternative == "death"
    assert first("so-called", "hedge").flag


def test_cue_classes_for_reporting_verbs(lex):
    assert lex.cue_class("say") == "neutral"
    assert lex.cue_class("tell") == "neutral"
    assert lex.cue_class("according to") == "neutral"
    assert lex.cue_class("reveal") == "endorsing"
    assert lex.cue_class("confirm") == "endorsing"
    assert lex.cue_class("note") == "endorsing"
    assert lex.cue_class("claim") == "distancing"
    assert lex.cue_class("allege") == "distancing"
    assert lex.cue_class("insist") == "distancing"
    assert lex.cue_class("blame") == "adversarial"
    assert lex.cue_class("accuse") == "adversarial"
    assert lex.cue_class("slam") == "adversarial"
    assert lex.cue_class("table") is None


def test_topic_packs_load_by_default_and_can_be_left_out(lex):
    names = [n for n, _ in lex.packs]
    assert names[0] == "general" and "conflict" in names and "south_asia" in names
    assert any(e.term == "fitna al-khawarij" for e in lex.lookup("Fitna al-Khawarij"))
    plain = load_lexicon(include_topics=False)
    assert [n for n, _ in plain.packs] == ["general"]
    assert not plain.lookup("fitna al-khawarij")


def test_malformed_pack_is_rejected_with_file_and_line(tmp_path):
    bad = write(tmp_path / "bad.tsv", (
        "# a comment line does not count\n"
        "regime\tlabel\t-1\t2\tCalls a government harsh.\tgovernment\n"
        "sham\tloded\t-1\t2\tCalls something fake.\t\n"          # line 4: unknown category
        "Bogus\tloaded\t-1\t2\tCalls something fake.\t\n"        # line 5: upper case
        "awful\tloaded\t5\t2\tSays something is bad.\tbad\n"     # line 6: polarity
        "dire\tloaded\t-1\t9\tSays it is terrible.\t\n"          # line 7: strength
        "grim\tloaded\t-1\t2\t\t\n"                              # line 8: no explanation
        "regime\tlabel\t-1\t3\tAgain.\t\n"                       # line 9: duplicate of line 3
        "a\tloaded\t-1\t2\ttoo\tmany\tfields\there\n"            # line 10: more fields than header
    ))
    with pytest.raises(LexiconError) as err:
        load_lexicon(extra_paths=[bad])
    problems = err.value.problems
    text = "\n".join(problems)
    for line, needle in ((4, "unknown category 'loded'"), (5, "lower-case"), (6, "polarity"),
                         (7, "strength"), (8, "needs an explanation"), (9, "duplicate of"),
                         (10, "fields but the header has")):
        assert any(p.startswith(f"{bad}:{line}:") and needle in p for p in problems), (line, text)
    assert f"{bad}:3:" not in text  # the good row is not reported


def test_missing_header_and_non_utf8_are_reported(tmp_path):
    noheader = tmp_path / "noheader.tsv"
    noheader.write_text("regime label -1 2 Calls a government harsh. government\n", encoding="utf-8")
    latin = tmp_path / "latin.tsv"
    latin.write_bytes(HEADER.encode() + "façade\tloaded\t-1\t2\tSays it is a front.\t\n".encode("latin-1"))
    report = validate_pack(noheader)
    assert report["problems"] and report["problems"][0].startswith(f"{noheader}:1:")
    assert "tab-separated" in report["problems"][0]
    report = validate_pack(latin)
    assert report["problems"] and "not UTF-8" in report["problems"][0]


def test_user_pack_overrides_a_default_entry(tmp_path, lex):
    default = [e for e in lex.lookup("militant") if e.category == "label"][0]
    assert default.strength == 2
    pack = tmp_path / "class_pack"
    pack.mkdir()
    write(pack / "ours.tsv", (
        "militant\tlabel\t-1\t3\tIn our class we treat it as a strong label.\tfighter\n"
        "peacenik\tdysphemism\t-1\t3\tMocks people who want peace.\tpeace activist\n"
        "regime\toff\t0\t1\t\t\n"
    ))
    mine = load_lexicon(extra_paths=[pack])
    got = mine.lookup("militants")
    assert len(got) == 1 and got[0].strength == 3 and got[0].pack == "user:class_pack"
    assert got[0].source.endswith("ours.tsv:2")
    assert mine.lookup("peacenik")[0].category == "dysphemism"
    assert not [e for e in mine.lookup("regime") if e.term == "regime"]
    assert {(o.old.term, o.new.category) for o in mine.overrides} >= {("militant", "label"), ("regime", "off")}
    report = validate_pack(pack)
    assert not report["problems"]
    assert {o["term"] for o in report["overrides"]} >= {"militant", "regime"}


def test_user_pack_row_replaces_every_pos_variant(tmp_path, lex):
    assert {e.pos for e in lex.lookup("radical") if e.term == "radical"} == {"J", "N"}
    pack = write(tmp_path / "p.tsv", "radical\tlabel\t-1\t3\tPaints people as extreme.\t\n")
    mine = load_lexicon(extra_paths=[pack])
    assert [(e.term, e.pos, e.strength) for e in mine.lookup("radical") if e.term == "radical"] == [("radical", "", 3)]


def test_fingerprint_changes_with_content(tmp_path, lex):
    pack = write(tmp_path / "p.tsv", "peacenik\tdysphemism\t-1\t3\tMocks people who want peace.\t\n")
    assert load_lexicon(extra_paths=[pack]).fingerprint() != lex.fingerprint()
    assert load_lexicon().fingerprint() == lex.fingerprint()
