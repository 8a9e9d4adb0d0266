"""The command line end to end on the seed story and on broken input."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from referencing import Registry, Resource

from conftest import SEEDS
from framing.cli import main

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "framing" / "schema"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def seeds_json(tmp_path_factory):
    out = tmp_path_factory.mktemp("json") / "story.json"
    result = run("analyze", str(SEEDS), "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def schema_validator():
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(contents)))
    registry = Registry().with_resources(resources)
    main_schema = json.loads((SCHEMA_DIR / "analysis.schema.json").read_text(encoding="utf-8"))
    # relative $refs resolve against the $id's base; register under that base too
    base = main_schema["$id"].rsplit("/", 1)[0] + "/"
    registry = registry.with_resources([(base + name, res) for name, res in resources])
    return jsonschema.Draft202012Validator(main_schema, registry=registry)


def test_text_summary_lists_every_seed_article():
    result = run("analyze", str(SEEDS))
    assert result.exit_code == 0, result.output
    out = result.output
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["articles"]:
        assert entry["outlet"] in out
    assert "words" in out and "sentences" in out
    # what cleaning removed is shown
    assert "Scroll to Top" in out or "removed" in out.lower()


def test_json_output_validates_against_the_schema(seeds_json):
    data = json.loads(seeds_json.read_text(encoding="utf-8"))
    schema_validator().validate(data)
    assert data["schema_version"].startswith("1.")
    assert len(data["articles"]) == 5
    for art in data["articles"]:
        text = art["article"]["text"]
        for finding in art["findings"]:
            assert text[finding["start"]:finding["end"]] == finding["text"]
        assert art["word_count"] > 100 and art["sentence_count"] > 5


def test_json_output_is_byte_identical_across_runs(seeds_json, tmp_path):
    again = tmp_path / "again.json"
    assert run("analyze", str(SEEDS), "--format", "json", "-o", str(again)).exit_code == 0
    assert again.read_bytes() == seeds_json.read_bytes()


def test_broken_file_is_named_and_the_rest_still_analysed(tmp_path):
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 100)
    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(main, ["analyze", str(tmp_path), "--format", "json"],
                                catch_exceptions=False)
    assert result.exit_code == 1
    assert "broken.txt" in result.stderr and "empty.txt" in result.stderr
    assert "Traceback" not in result.output
    data = json.loads(result.stdout)
    assert len(data["articles"]) == 2


def test_folder_without_articles_exits_2(tmp_path):
    result = CliRunner().invoke(main, ["analyze", str(tmp_path)])
    assert result.exit_code == 2
    assert str(tmp_path) in result.stderr or "no article" in result.stderr
    assert "Traceback" not in result.output


def test_stdin_article():
    text = (SEEDS / "000_e6f241712fdf5a0e.txt").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", "-", "--format", "json"], input=text,
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["articles"][0]["word_count"] > 200


@pytest.mark.parametrize("command", [[], ["analyze"], ["lexicon"], ["train"]])
def test_every_command_has_help(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output
