"""Loading a story: every article of the given folders/files/stdin, cleaned, with metadata, in a
deterministic order, and every problem as a LoadProblem instead of an exception.

`iter_story` streams (articles are yielded as they are read, so a batch runner never holds the
corpus); `load_story` collects the stream into a Story.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import BinaryIO, Iterator

from ..model import Article, LoadProblem, Story
from .assemble import Draft, build_draft
from .boilerplate import load_rules
from .errors import IngestError
from .manifest import Manifest, find_manifest, load_manifest
from .raw import DEFAULT_MAX_BYTES, DEFAULT_MAX_FILE_BYTES, Options, Source
from .readers import READERS
from .sources import expand_paths


def outlet_label(index: int) -> str:
    """'Outlet A' .. 'Outlet Z', 'Outlet AA' ...: a neutral name for an unnamed outlet."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return f"Outlet {letters}"


class StoryLoader:
    """Reads one story. Create, iterate `articles()`, then read `manifest`, `name`, `problems`."""

    def __init__(self, *paths, manifest=None, name: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
                 recursive: bool = False, stdin: BinaryIO | None = None, boilerplate=None):
        self.paths = [str(p) for p in paths]
        self.options = Options(max_bytes=max_bytes, max_file_bytes=max(max_file_bytes, max_bytes))
        self.recursive = recursive
        self.stdin = stdin
        self.rules = load_rules(boilerplate) if boilerplate else load_rules()
        self.problems: list[LoadProblem] = []
        self.manifest: Manifest | None = None
        self._manifest_arg = manifest
        self._name_arg = name
        self._warn_unused = manifest not in (None, False)  # found beside single files: entries for
        # the folder's other files are expected to go unused

    # -- manifest -----------------------------------------------------------------------------
    def _open_manifest(self) -> Iterator[LoadProblem]:
        arg = self._manifest_arg
        if arg is False:
            return
        if arg is None:
            found = []
            for p in self.paths:
                path = Path(p)
                folder = path if path.is_dir() else path.parent if p != "-" and path.is_file() else None
                hit = find_manifest(folder) if folder is not None else None
                if hit is not None and all(hit.resolve() != f.resolve() for f in found):
                    found.append(hit)
                    self._warn_unused = self._warn_unused or path.is_dir()
            if not found:
                folders = [p for p in self.paths if p != "-" and Path(p).is_dir()]
                if folders:  # a story folder without a manifest: say once that defaults are derived
                    yield LoadProblem(folders[0], "no manifest (manifest.json or manifest.toml): outlet, "
                                      "title and date are derived from the files; each article's notes "
                                      "say how", fatal=False)
                return
            for extra in found[1:]:
                yield LoadProblem(str(extra), f"second manifest ignored; using {found[0]}", fatal=False)
            arg = found[0]
        try:
            self.manifest = load_manifest(Path(arg))
        except IngestError as exc:
            yield LoadProblem(str(arg), exc.message + "; loading without it", exc.line)
            return
        yield from self.manifest.problems

    @property
    def name(self) -> str:
        if self._name_arg:
            return self._name_arg
        if self.manifest is not None and self.manifest.name:
            return self.manifest.name
        if len(self.paths) == 1:
            if self.paths[0] == "-":
                return "stdin"
            path = Path(self.paths[0])
            return (path.resolve().name if path.is_dir() else path.stem) or "story"
        return "story"

    # -- articles ------------------------------------------------------------------------------
    def articles(self) -> Iterator[Article | LoadProblem]:
        """Articles and problems, in order: paths as given, folders sorted by file name."""
        for problem in self._open_manifest():
            self.problems.append(problem)
            yield problem
        reserved = {e.values.get("outlet", "") for e in (self.manifest.entries if self.manifest else [])}
        seen_text: dict[str, str] = {}
        ids: set[str] = set()
        index = 0
        skip = (self.manifest.path,) if self.manifest else ()
        for item in expand_paths(self.paths, self.options, stdin=self.stdin, recursive=self.recursive,
                                 skip=skip):
            if isinstance(item, LoadProblem):
                self.problems.append(item)
                yield item
                continue
            for result in self._read(item):
                if isinstance(result, LoadProblem):
                    self.problems.append(result)
                    yield result
                    continue
                draft, line = result
                digest = hashlib.blake2b(" ".join(draft.text.casefold().split()).encode("utf-8"),
                                         digest_size=16).hexdigest()
                if digest in seen_text:
                    record = draft.source[len(item.display) + 1:] if draft.source != item.display else ""
                    what = f"record {record} is a duplicate" if record else "duplicate"
                    problem = LoadProblem(item.display, f"{what} of {seen_text[digest]} (same text); "
                                          "skipped", line)
                    self.problems.append(problem)
                    yield problem
                    continue
                seen_text[digest] = draft.source
                yield self._finish(draft, index, ids, reserved)
                index += 1
        if self.manifest is not None and self._warn_unused:
            for entry in self.manifest.unused():
                problem = LoadProblem(str(self.manifest.path), f"article entry {entry.number} "
                                      f"({entry.file or entry.id}) matches no loaded article", fatal=False)
                self.problems.append(problem)
                yield problem

    def _read(self, source: Source):
        """Drafts (with their line) and problems from one source; never raises."""
        try:
            for raw in READERS[source.fmt](source, self.options):
                if isinstance(raw, LoadProblem):
                    yield raw
                    continue
                entry = self.manifest.entry_for(source.path, raw.key) if self.manifest else None
                try:
                    yield build_draft(raw, entry, self.manifest, self.rules), raw.line
                except IngestError as exc:
                    yield LoadProblem(source.display, exc.message, exc.line or raw.line)
        except IngestError as exc:
            yield LoadProblem(source.display, exc.message, exc.line)
        except OSError as exc:
            yield LoadProblem(source.display, f"cannot read: {exc.strerror or exc}")
        except Exception as exc:  # noqa: BLE001 - one bad input must never stop the others
            yield LoadProblem(source.display, f"could not be loaded ({type(exc).__name__}: {exc})")

    def _finish(self, draft: Draft, index: int, ids: set[str], reserved: set[str]) -> Article:
        notes = list(draft.notes)
        key = "_".join(draft.key.split()) or "article"
        article_id, n = key, 1
        while article_id in ids:
            n += 1
            article_id = f"{key}~{n}"
        if article_id != key:
            notes.append(f"id {key!r} was already taken; this article is {article_id!r}")
        ids.add(article_id)
        outlet = draft.outlet
        if not outlet:
            label, k = outlet_label(index), index
            while label in reserved:
                k += 1
                label = outlet_label(k)
            reserved.add(label)
            outlet = label
            notes.append(f"outlet not named in the text or its metadata; labelled {label!r}")
        return Article(id=article_id, text=draft.text, outlet=outlet, title=draft.title, date=draft.date,
                       url=draft.url, language=draft.language, source=draft.source,
                       removed=draft.removed, notes=tuple(notes), encoding=draft.encoding)


def iter_story(*paths, **options) -> Iterator[Article | LoadProblem]:
    """Stream a story's articles and problems (see StoryLoader for the options)."""
    return StoryLoader(*paths, **options).articles()


def load_story(*paths, manifest=None, name: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
               max_file_bytes: int = DEFAULT_MAX_FILE_BYTES, recursive: bool = False,
               stdin: BinaryIO | None = None) -> Story:
    """Load a story from folders, files or "-" (standard input).

    manifest: path of a manifest (TOML or JSON); None looks for manifest.json / manifest.toml in
    the given folders (or the folder of the given files); False uses none. name: the story's name
    (default: the manifest's, else the folder's). max_bytes: size limit of one article (default
    5 MB); max_file_bytes: of a .json file or stdin, which are read whole. Problems never raise:
    they are in Story.problems (fatal=True: that input was skipped; False: a warning).
    """
    loader = StoryLoader(*paths, manifest=manifest, name=name, max_bytes=max_bytes,
                         max_file_bytes=max_file_bytes, recursive=recursive, stdin=stdin)
    articles = [a for a in loader.articles() if isinstance(a, Article)]
    m = loader.manifest
    return Story(name=loader.name, articles=tuple(articles), problems=tuple(loader.problems),
                 manifest=str(m.path) if m else "", actor_overrides=dict(m.actors) if m else {})
