"""Ingestion of the five seed articles: manifest, cleaning of their real web leftovers, layout."""
from __future__ import annotations

from pathlib import Path

import pytest

from framing.ingest import load_story

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def story():
    return load_story(SEEDS)


@pytest.fixture(scope="module")
def bare(tmp_path_factory):
    """The seed files in a folder without a manifest: everything derived from the text."""
    folder = tmp_path_factory.mktemp("seeds_without_manifest")
    for path in SEEDS.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    return load_story(folder)


def by_prefix(story, prefix):
    return next(a for a in story.articles if a.id.startswith(prefix))


def removed(article):
    return {(r.text, r.line): r.reason for r in article.removed}


def test_seeds_are_copies_of_shared_seeds():
    if not SHARED_SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent (fresh clone): nothing to compare with")
    for path in sorted(SHARED_SEEDS.glob("*.txt")):
        assert (SEEDS / path.name).read_bytes() == path.read_bytes(), path.name


def test_seed_story_loads_with_its_manifest(story):
    assert [a.id for a in story.articles] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert story.manifest.endswith("manifest.json")
    assert story.name.startswith("Iran offers to mediate")
    assert story.problems == ()
    outlets = [a.outlet for a in story.articles]
    assert outlets == ["Outlet A", "Outlet B", "Outlet C", "Outlet D", "Press TV"]
    assert [a.date for a in story.articles] == ["", "2025-10-29", "", "", "2025-11-17"]
    assert all(a.language == "en" for a in story.articles)
    assert all(a.notes for a in story.articles), "every manifest choice is explained"


def test_photo_credit_is_not_taken_for_the_outlet(story):
    article = by_prefix(story, "001")
    assert article.outlet != "Radio Pakistan"
    assert any("Radio Pakistan" in note for note in article.notes)


def test_leftovers_removed_and_recorded_with_lines(story):
    a001, a002, a003, a004 = (by_prefix(story, p) for p in ("001", "002", "003", "004"))
    r = removed(a001)
    caption = next(text for text, line in r if line == 1)
    assert caption.endswith("— Radio Pakistan") and "caption" in r[(caption, 1)]
    assert "advertisement" in r[("Advertisement", 15)]
    r = removed(a002)
    assert ("0", 3) in r
    assert "comment" in r[("Leave a Reply", 17)]
    assert "comment" in r[("Your email address will not be published. Required fields are marked *", 19)]
    assert "navigation" in removed(a003)[("Scroll to Top", 13)]
    r = removed(a004)
    assert "newsletter" in r[("NEWSLETTER", 20)]
    assert "newsletter" in r[("| Join the GlobalSecurity.org mailing list |", 22)]
    assert [line for (text, line) in r if text == "|"] == [19, 21, 23, 24, 25]
    assert "timestamp" in r[("Monday, 17 November 2025 10:41 AM", 3)]
    assert "outlet" in r[("Iran Press TV", 2)]
    for article in story.articles:
        for item in article.removed:
            if len(item.text) > 3:
                assert item.text not in article.text


def test_real_sentences_headlines_and_characters_are_kept(story):
    a000, a001, a002, a004 = (by_prefix(story, p) for p in ("000", "001", "002", "004"))
    assert a000.removed == ()
    paragraphs = a000.text.split("\n\n")
    assert "Security cooperation discussed in Tehran" in paragraphs  # sub-headline kept
    assert "Istanbul talks end without progress" in paragraphs
    assert "Iranian President Dr. Masoud Pezeshkian and Pakistan’s Interior Minister" in a000.text
    assert a001.text.startswith("Iranian president proposes easing Pak-Afghan tensions.")
    assert 'Iran gives "special importance" to Pakistan ties: Pezeshkian' in a001.text.split("\n\n")
    assert "President Pezeshkian made the offer to Interior Minister Mohsin Naqvi" in a001.text
    assert "“partners in peace and stability”" in a002.text  # curly quotes survive
    assert "airstrikes, accusations Islamabad" in a002.text  # the no-break space became a space
    assert a002.text.startswith(a002.title + "\n\n")  # headline stays as paragraph 0
    assert a004.text.startswith(a004.title + "\n\nIran and Pakistan have exchanged views")
    assert a004.text.endswith("ended without a long-term deal.")


def test_cleaned_layout_is_one_paragraph_per_line(story):
    for article in story.articles:
        text = article.text
        assert text == text.strip()
        assert "\n\n\n" not in text and "\r" not in text and "\u00a0" not in text
        for paragraph in text.split("\n\n"):
            assert paragraph and "\n" not in paragraph and paragraph == paragraph.strip()
            assert "  " not in paragraph


def test_without_manifest_defaults_are_derived_and_said(bare):
    assert bare.manifest == ""
    warning = [p for p in bare.problems if "no manifest" in p.message]
    assert len(warning) == 1 and not warning[0].fatal
    assert [a.outlet for a in bare.articles] == [f"Outlet {c}" for c in "ABCDE"]
    a000, a002, a003, a004 = (by_prefix(bare, p) for p in ("000", "002", "003", "004"))
    assert any("labelled 'Outlet A'" in n for n in a000.notes)
    assert a000.title == "" and any("no headline" in n for n in a000.notes)
    assert a002.title == "Naqvi holds High-Level Talks in Tehran as Pakistan, Iran unite against Terrorism"
    assert a003.title.startswith("Pakistan Welcomes Iran’s Mediation Offer")
    assert a004.title == "Iran, Pakistan confer on regional developments, bilateral cooperation"
    assert a004.date == "2025-11-17"
    assert any("timestamp line" in n for n in a004.notes)
    assert a000.date == "" and any("no date" in n for n in a000.notes)
    # Without a manifest nobody knows the outlet, so the source line stays in the text.
    assert "\n\nIran Press TV\n\n" in a004.text


def test_loading_is_deterministic(story):
    again = load_story(SEEDS)
    assert again.articles == story.articles
    assert again.problems == story.problems


def test_the_text_layer_accepts_the_cleaned_seeds(story):
    text_layer = pytest.importorskip("framing.text")
    for article in story.articles:
        doc = text_layer.build_doc(article)
        assert len(doc.paragraphs) == len(article.text.split("\n\n"))
        for token in doc.tokens:
            assert article.text[token.start:token.end] == token.text
