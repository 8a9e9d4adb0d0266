"""The story manifest: format, precedence, checks, discovery, and the seeds' own manifest."""
from __future__ import annotations

import json
from pathlib import Path

from framing.ingest import load_manifest, load_story

ROOT = Path(__file__).resolve().parents[1]
TEXT_A = ("Dam operators opened two spillways on Friday as the reservoir neared capacity, the water "
          "authority said.\n")
TEXT_B = ("Farmers downstream were told to move livestock to higher ground before the release, local "
          "officials said on Friday.\n")


def folder_with(tmp_path, manifest_name=None, manifest_text=None):
    (tmp_path / "a.txt").write_text("Spillways opened as reservoir fills\n\n" + TEXT_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Monday, 6 May 2024 09:30 AM\n" + TEXT_B, encoding="utf-8")
    if manifest_name:
        (tmp_path / manifest_name).write_text(manifest_text, encoding="utf-8")
    return tmp_path


def warnings(story):
    return [p.message for p in story.problems if not p.fatal]


def test_manifest_values_override_and_empty_means_unknown(tmp_path):
    folder_with(tmp_path, "manifest.toml", '''
[story]
name = "Reservoir release"
language = "en"

[[article]]
file = "a.txt"
outlet = "Valley Times"
title = ""
url = "https://valley.example/dam"
note = "Outlet named in the page header."

[[article]]
file = "b.txt"
date = 2024-05-07
language = "en-GB"

[actors]
"water authority" = {group = "officials"}
''')
    story = load_story(tmp_path)
    assert story.name == "Reservoir release"
    assert story.manifest == str(tmp_path / "manifest.toml")
    assert story.actor_overrides == {"water authority": {"group": "officials"}}
    a, b = story.articles
    assert (a.outlet, a.title, a.url) == ("Valley Times", "", "https://valley.example/dam")
    assert a.text.startswith("Spillways opened as reservoir fills")  # the text keeps its headline
    assert "Outlet named in the page header." in a.notes
    # A bare TOML date works; the text's own timestamp disagrees, and the note says so.
    assert (b.date, b.language) == ("2024-05-07", "en-GB")
    assert any("Monday, 6 May 2024" in n for n in b.notes)
    assert b.outlet == "Outlet B"  # unnamed outlet: neutral label by position
    assert warnings(story) == []


def test_json_manifest_with_the_same_structure(tmp_path):
    folder_with(tmp_path, "manifest.json", json.dumps({
        "story": {"name": "Reservoir release"},
        "article": [{"file": "a.txt", "outlet": "Outlet B"}, {"file": "b.txt", "outlet": "River Post"}],
    }))
    story = load_story(tmp_path)
    assert [a.outlet for a in story.articles] == ["Outlet B", "River Post"]


def test_derived_labels_never_collide_with_written_ones(tmp_path):
    folder_with(tmp_path, "manifest.toml", '[[article]]\nfile = "b.txt"\noutlet = "Outlet A"\n')
    a, b = load_story(tmp_path).articles
    assert (a.outlet, b.outlet) == ("Outlet B", "Outlet A")


def test_small_manifest_mistakes_are_warnings(tmp_path):
    folder_with(tmp_path, "manifest.toml", '''
[story]
name = "Reservoir"
colour = "blue"

[[article]]
file = "a.txt"
outlte = "Typo Times"
date = "6 May 2024"

[[article]]
file = "missing.txt"
outlet = "Ghost Gazette"

[[article]]
outlet = "Nobody"
''')
    story = load_story(tmp_path)
    assert len(story.articles) == 2
    messages = warnings(story)
    assert any("unknown key 'colour'" in m for m in messages)
    assert any("unknown key 'outlte'" in m for m in messages)
    assert any("'6 May 2024' is not an ISO date" in m for m in messages)
    assert any("(missing.txt) matches no loaded article" in m for m in messages)
    assert any("names neither a file nor an id" in m for m in messages)
    assert all(p.source.endswith("manifest.toml") for p in story.problems)


def test_entries_by_record_id_and_by_file(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": TEXT_A}) + "\n" + json.dumps({"id": "b-7", "text": TEXT_B}) + "\n",
                    encoding="utf-8")
    (tmp_path / "manifest.toml").write_text(
        '[[article]]\nfile = "feed.jsonl"\noutlet = "Wire Service"\n\n'
        '[[article]]\nid = "b-7"\noutlet = "Valley Times"\ndate = "2024-05-03"\n', encoding="utf-8")
    first, second = load_story(tmp_path).articles
    assert (first.id, first.outlet) == ("feed:1", "Wire Service")
    assert (second.id, second.outlet, second.date) == ("b-7", "Valley Times", "2024-05-03")


def test_explicit_manifest_elsewhere_and_no_manifest(tmp_path):
    (tmp_path / "story").mkdir()
    story_dir = folder_with(tmp_path / "story")
    elsewhere = tmp_path / "meta"
    elsewhere.mkdir()
    (elsewhere / "story.toml").write_text('[story]\nname = "Dam"\n\n[[article]]\nfile = "a.txt"\n'
                                          'outlet = "Valley Times"\n', encoding="utf-8")
    story = load_story(story_dir, manifest=elsewhere / "story.toml")
    assert story.name == "Dam" and story.articles[0].outlet == "Valley Times"
    assert load_story(story_dir, manifest=elsewhere / "story.toml", name="Given").name == "Given"
    bare = load_story(story_dir, manifest=False)
    assert bare.manifest == "" and bare.name == "story" and bare.problems == ()


def test_manifest_is_found_beside_files_given_one_by_one(tmp_path):
    folder_with(tmp_path, "manifest.toml", '[[article]]\nfile = "a.txt"\noutlet = "Valley Times"\n\n'
                '[[article]]\nfile = "b.txt"\noutlet = "River Post"\n')
    story = load_story(tmp_path / "b.txt")
    assert story.articles[0].outlet == "River Post"
    assert story.problems == ()  # the entries for the folder's other files are not "unused"


def test_the_seed_manifest_is_honest():
    path = ROOT / "seeds" / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    files = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    assert sorted(e["file"] for e in data["articles"]) == files
    manifest = load_manifest(path)
    assert manifest.problems == []
    for entry in manifest.entries:
        values = entry.values
        assert set(values) >= {"outlet", "title", "date", "language"}
        assert entry.notes, f"{entry.file}: every choice needs a note"
        text = (ROOT / "seeds" / entry.file).read_text(encoding="utf-8")
        outlet = values["outlet"]
        # Either a neutral label, or a name the text itself contains.
        assert outlet.startswith("Outlet ") or outlet in text
        if values["title"]:
            assert values["title"] in text
        if not values["date"]:
            assert any("date" in n.lower() for n in entry.notes)


def test_json_is_preferred_when_a_folder_has_both(tmp_path):
    folder_with(tmp_path, "manifest.json", json.dumps({"story": {"name": "From JSON"}}))
    (tmp_path / "manifest.toml").write_text('[story]\nname = "From TOML"\n', encoding="utf-8")
    story = load_story(tmp_path)
    assert story.name == "From JSON"
    assert len(story.articles) == 2  # neither manifest is read as an article
