"""`framing lexicon list | validate | explain` through click's CliRunner."""
from __future__ import annotations

import json

from click.testing import CliRunner

from framing.cli_lexicon import lexicon

HEADER = "term\tcategory\tpolarity\tstrength\texplanation\talternative\n"


def invoke(*args):
    return CliRunner().invoke(lexicon, list(args), catch_exceptions=False)


def test_list_shows_packs_and_categories():
    r = invoke("list")
    assert r.exit_code == 0
    assert "general" in r.output and "south_asia" in r.output
    assert "reporting_distancing" in r.output and "Total:" in r.output
    r = invoke("list", "--no-topics", "--json")
    data = json.loads(r.output)
    assert [p["name"] for p in data["packs"]] == ["general"]
    assert data["categories"]["label"] > 100


def test_list_one_category():
    r = invoke("list", "--category", "solidarity")
    assert r.exit_code == 0 and "brotherly" in r.output and "entries in solidarity" in r.output
    r = invoke("list", "--category", "nonsense")
    assert r.exit_code == 2


def test_validate_good_pack_lists_overrides(tmp_path):
    pack = tmp_path / "ok.tsv"
    pack.write_text(HEADER + "regime\tlabel\t-1\t3\tA strong label in our class.\tgovernment\n"
                    "peacenik\tdysphemism\t-1\t3\tMocks people who want peace.\t\n", encoding="utf-8")
    r = invoke("validate", str(pack))
    assert r.exit_code == 0, r.output
    assert "OK: 2 entries in 1 file(s)." in r.output
    assert "regime: label" in r.output


def test_validate_bad_pack_names_file_and_line(tmp_path):
    pack = tmp_path / "bad.tsv"
    pack.write_text(HEADER + "regime\tlabel\t-1\t2\tFine.\tgovernment\n"
                    "sham\tloaded\tminus\t2\tCalls something fake.\t\n", encoding="utf-8")
    r = CliRunner().invoke(lexicon, ["validate", str(pack)])
    assert r.exit_code == 1
    assert f"{pack}:3: polarity must be -1, 0 or 1" in r.output


def test_explain_known_and_unknown_terms():
    r = invoke("explain", "martyred")
    assert r.exit_code == 0
    assert "casualty" in r.output and "More neutral: killed" in r.output
    r = invoke("explain", "so", "called")
    assert r.exit_code == 0 and "hedge" in r.output
    r = invoke("explain", "Slammed")
    assert "reporting_adversarial" in r.output and "criticise" in r.output
    r = CliRunner().invoke(lexicon, ["explain", "tablecloth"])
    assert r.exit_code == 1 and "not in the lexicon" in r.output


def test_explain_with_user_pack(tmp_path):
    pack = tmp_path / "p.tsv"
    pack.write_text(HEADER + "peacenik\tdysphemism\t-1\t3\tMocks people who want peace.\tpeace activist\n",
                    encoding="utf-8")
    r = invoke("explain", "--lexicon", str(pack), "peaceniks")
    assert r.exit_code == 0 and "peace activist" in r.output and "user:p" in r.output
