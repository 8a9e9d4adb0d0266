"""The story library: stories kept in the store, rebuilt as `framing.model.Story`, analysed once.

Stories come from three places: the bundled seeds, paths named on the command line, and teachers'
uploads. All of them are stored (article texts and metadata as the ingest package cleaned them), so
an activity still opens after a restart. The analysis of a story is the project's own API
(`framing.api.analyze`) and is cached in memory with the web view built from it, so the story view
renders from cache; one analysis runs at a time (the machine has few cores, and a class shares it).
"""
from __future__ import annotations

import hashlib
import importlib
import logging
import threading
from collections import OrderedDict
from pathlib import Path

from ..model import Article, Removal, Story

log = logging.getLogger(__name__)


def bundled_seeds_path() -> Path | None:
    """The seeds story shipped with framing: package data if present, else the source tree's seeds/."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "data" / "seeds", here.parent / "seeds"):
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    return None


def story_hash(name: str, articles) -> str:
    h = hashlib.sha256(name.encode("utf-8"))
    for a in articles:
        for value in (a.outlet, a.title, a.date, a.text):
            h.update(b"\x00" + value.encode("utf-8"))
    return h.hexdigest()


def article_record(a: Article) -> dict:
    return {"id": a.id, "outlet": a.outlet, "title": a.title, "date": a.date, "url": a.url,
            "language": a.language, "source": Path(a.source).name if a.source else "", "text": a.text,
            "notes": list(a.notes), "removed": [[r.text, r.reason, r.line] for r in a.removed]}


def store_story(store, story: Story, origin: str, problems=None) -> str:
    problems = [str(p) for p in (story.problems if problems is None else problems)]
    return store.add_story(story.name, origin, story_hash(story.name, story.articles),
                           [article_record(a) for a in story.articles], problems,
                           dict(story.actor_overrides or {}))


def rebuild_story(store, sid: str) -> Story | None:
    row = store.story(sid)
    if row is None:
        return None
    articles = tuple(Article(id=r["article_id"], text=r["text"], outlet=r["outlet"], title=r["title"],
                             date=r["date"], url=r["url"], language=r["language"], source=r["source"],
                             removed=tuple(Removal(*x) for x in r["removed"]), notes=tuple(r["notes"]))
                     for r in store.articles(sid))
    return Story(name=row["name"], articles=articles, problems=(), actor_overrides=row["actor_overrides"])


def available_stages() -> tuple[str, ...]:
    """The pipeline's stages that exist in this installation (all of them once framing is complete)."""
    from ..api import STAGES

    out = []
    for name in STAGES:
        try:
            importlib.import_module(f"framing.stages.{name}")
        except ImportError:
            log.warning("stage %s is not available; the story view shows it as not available", name)
            continue
        out.append(name)
    return tuple(out)


def compare_available() -> bool:
    try:
        importlib.import_module("framing.compare").compare_story  # noqa: B018
    except (ImportError, AttributeError):
        return False
    return True


def run_analysis(story: Story, resources):
    """framing.api.analyze over the stages this installation has."""
    from ..api import analyze

    return analyze(story, resources, stages=available_stages(), compare=compare_available())


class StoryCache:
    """story id -> its StoryAnalysis and web view, built on first use, at most `size` kept."""

    def __init__(self, store, resources=None, size: int = 8):
        self.store = store
        self._resources = resources
        self.size = size
        self._items: OrderedDict[str, object] = OrderedDict()
        self._lock = threading.Lock()  # guards _items
        self._analysis_lock = threading.Lock()  # one analysis at a time

    @property
    def resources(self):
        if self._resources is None:
            from ..resources import Resources

            self._resources = Resources()
        return self._resources

    def cached(self, sid: str):
        with self._lock:
            return self._items.get(sid)

    def get(self, sid: str):
        """The story's web view (framing.web.storyview.StoryPage), analysing it if needed."""
        hit = self.cached(sid)
        if hit is not None:
            with self._lock:
                self._items.move_to_end(sid)
            return hit
        with self._analysis_lock:
            hit = self.cached(sid)
            if hit is not None:
                return hit
            story = rebuild_story(self.store, sid)
            if story is None:
                return None
            from .storyview import build_story_page

            row = self.store.story(sid)
            from .imports import ensure

            ensure()
            result = run_analysis(story, self.resources)
            page = build_story_page(sid, result, load_problems=row["problems"] if row else [])
            with self._lock:
                self._items[sid] = page
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
            return page

    def forget(self, sid: str) -> None:
        with self._lock:
            self._items.pop(sid, None)


def load_startup_stories(store, settings) -> list[str]:
    """Store the bundled seeds and the command-line stories; return their ids (command line first)."""
    from ..ingest import load_story

    ids = []
    for path in settings.story_paths:
        story = load_story(*([path] if isinstance(path, str) else path))
        if story.articles:
            ids.append(store_story(store, story, "path"))
        else:
            log.warning("no article could be loaded from %s: %s", path,
                        "; ".join(str(p) for p in story.problems))
    if settings.bundled_seeds:
        seeds = bundled_seeds_path()
        if seeds is not None:
            story = load_story(str(seeds))
            if story.articles:
                ids.append(store_story(store, story, "bundled"))
    return ids

