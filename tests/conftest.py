"""Shared fixtures: the bundled seed story and helpers to build documents from real sentences."""
from __future__ import annotations

from pathlib import Path

import pytest

from framing.model import Article
from framing.text import build_doc

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def make_doc(text: str, outlet: str = "Test Outlet", date: str = ""):
    """The text layer of a one-article story made from `text`."""
    return build_doc(Article(id="t", text=text, outlet=outlet, date=date))


@pytest.fixture(scope="session")
def seed_paths():
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def resources():
    """The shipped resources (lexicon, gazetteer, models), shared by the whole run; a test module
    may define its own."""
    from framing.resources import Resources

    return Resources()


@pytest.fixture(scope="session")
def gaz():
    """The shipped gazetteer (loaded once for the whole run)."""
    from framing.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="module", params=sorted(SEEDS.glob("*.txt"))[:3], ids=lambda p: p.stem)
def seed_doc(request):
    """The text layer of each of the first three seed articles: real news for the tests that
    compare a fast path with the plain rule it replaces."""
    return build_doc(Article(id=request.param.stem, text=request.param.read_text(encoding="utf-8"),
                             outlet="seed"))


@pytest.fixture(scope="session")
def shared_dir():
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the external data sets live beside the project")
    return SHARED
