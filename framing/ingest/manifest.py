"""The story manifest: the story's name and, per article, what the text alone cannot be trusted to
say (outlet, date, title, url, language), plus optional actor overrides for the actors stage.

Format: JSON (manifest.json) or TOML (manifest.toml, read with the standard library's tomllib,
for people who want comments), same structure. See docs/manifest.md and seeds/manifest.json.

    {"story": {"name": "Iran offers to mediate between Pakistan and Afghanistan", "language": "en"},
     "articles": [{"file": "000_e6f241712fdf5a0e.txt", "outlet": "Outlet A", "date": "",
                   "note": "No outlet is named in the text."}],
     "actors": {}}

A value that is present but empty ("date": "") means unknown: nothing is derived for it.
"""
from __future__ import annotations

import json
import re
from collections import Counter
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..model import LoadProblem
from .dates import to_iso
from .encoding import decode_bytes
from .errors import IngestError

MANIFEST_NAMES = ("manifest.json", "manifest.toml")
ARTICLE_KEYS = ("file", "id", "outlet", "title", "date", "url", "language", "note")
STORY_KEYS = ("name", "language", "note")
TOP_KEYS = ("story", "article", "articles", "actors", "name", "language")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MAX_BYTES = 5_000_000


@dataclass
class Entry:
    """One [[article]] table: which article it describes and the values it sets."""

    number: int  # 1-based position in the manifest, for messages
    file: str = ""
    id: str = ""
    values: dict[str, str] = field(default_factory=dict)  # only the keys the manifest sets
    notes: list[str] = field(default_factory=list)
    used: bool = False


@dataclass
class Manifest:
    path: Path
    name: str = ""
    language: str = ""
    entries: list[Entry] = field(default_factory=list)
    actors: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)
    _index: tuple | None = field(default=None, repr=False, compare=False)
    _last: tuple | None = field(default=None, repr=False, compare=False)

    def entry_for(self, path: Path | None, article_id: str) -> Entry | None:
        """The most specific entry for an article: one naming its id (and, if it names a file,
        the same file), else one naming its file without an id."""
        if self._index is None:
            self._build_index()
        by_id, by_file, by_name = self._index
        if path is not None and (self._last is None or self._last[0] != path):
            self._last = (path, _resolve(path))  # records of one file: resolve the path once
        resolved = self._last[1] if path is not None else None
        for entry in by_id.get(article_id, ()):
            if not entry.file or (path is not None and self._names_file(entry, resolved, path.name)):
                entry.used = True
                return entry
        if resolved is None:
            return None
        candidates = by_file.get(resolved) or by_name.get(path.name, ())
        for entry in candidates:
            if not entry.id:
                entry.used = True
                return entry
        return None

    def _names_file(self, entry: Entry, resolved: Path, name: str) -> bool:
        if _resolve(self.path.parent / entry.file) == resolved:
            return True
        return "/" not in entry.file and entry.file == name

    def _build_index(self) -> None:
        by_id: dict[str, list[Entry]] = {}
        by_file: dict[Path, list[Entry]] = {}
        by_name: dict[str, list[Entry]] = {}
        names = Counter(e.file for e in self.entries if e.file and "/" not in e.file)
        for entry in self.entries:
            if entry.id:
                by_id.setdefault(entry.id, []).append(entry)
            if entry.file:
                by_file.setdefault(_resolve(self.path.parent / entry.file), []).append(entry)
                # A bare file name also matches when the manifest is not in the files' folder
                # (`--manifest elsewhere/manifest.toml`), as long as the name is unique there.
                if "/" not in entry.file and names[entry.file] == 1:
                    by_name.setdefault(entry.file, []).append(entry)
        self._index = (by_id, by_file, by_name)

    def unused(self) -> list[Entry]:
        return [e for e in self.entries if not e.used]


def _resolve(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def find_manifest(folder: Path) -> Path | None:
    for name in MANIFEST_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def load_manifest(path: Path) -> Manifest:
    """Parse and check a manifest. Errors that make it unreadable raise IngestError (with line);
    smaller ones (an unknown key, a date that is not ISO) are listed in `problems`."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(f"cannot read the manifest: {exc.strerror or exc}") from None
    if size > _MAX_BYTES:
        raise IngestError(f"manifest too large ({size / 1e6:.1f} MB)")
    text = decode_bytes(path.read_bytes()).text.lstrip("\ufeff")
    if not text.strip():
        raise IngestError("the manifest is empty")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise IngestError(f"invalid JSON in the manifest: {exc.msg} (column {exc.colno})",
                              exc.lineno) from None
    else:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
            message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
            where = f" (column {m.group(2)})" if m else ""
            raise IngestError(f"invalid TOML in the manifest: {message}{where}",
                              int(m.group(1)) if m else 0) from None
    if not isinstance(data, dict):
        raise IngestError("the manifest must be an object/table at the top level", 1)
    return _build(path, data)


def _build(path: Path, data: dict) -> Manifest:
    manifest = Manifest(path=path)
    src = str(path)

    def warn(message: str) -> None:
        manifest.problems.append(LoadProblem(src, message, 0, fatal=False))

    for key in data:
        if key not in TOP_KEYS:
            warn(f"unknown top-level key {key!r} ignored (known: {', '.join(TOP_KEYS)})")
    story = data.get("story", {})
    if not isinstance(story, dict):
        warn("'story' must be a table/object; ignored")
        story = {}
    for key in story:
        if key not in STORY_KEYS:
            warn(f"unknown key {key!r} in [story] ignored (known: {', '.join(STORY_KEYS)})")
    manifest.name = _text(story.get("name", data.get("name", "")))
    manifest.language = _text(story.get("language", data.get("language", "")))
    if story.get("note"):
        manifest.notes.extend(_notes(story["note"]))
    actors = data.get("actors", {})
    if isinstance(actors, dict):
        manifest.actors = actors
    else:
        warn("'actors' must be a table/object; ignored")
    articles = data.get("article", data.get("articles", []))
    if isinstance(articles, dict):  # {"file name": {...}} form
        articles = [{"file": k, **v} if isinstance(v, dict) else v for k, v in articles.items()]
    if not isinstance(articles, list):
        warn("'article' must be a list of tables/objects; ignored")
        articles = []
    for number, item in enumerate(articles, 1):
        if not isinstance(item, dict):
            warn(f"article entry {number} is not a table/object; ignored")
            continue
        entry = Entry(number=number, file=_text(item.get("file", "")), id=_text(item.get("id", "")))
        if not entry.file and not entry.id:
            warn(f"article entry {number} names neither a file nor an id; ignored")
            continue
        label = entry.file or entry.id
        for key, value in item.items():
            if key not in ARTICLE_KEYS:
                warn(f"article entry {number} ({label}): unknown key {key!r} ignored "
                     f"(known: {', '.join(ARTICLE_KEYS)})")
            elif key == "note":
                entry.notes.extend(_notes(value))
            elif key == "date":
                iso = to_iso(value) if not isinstance(value, str) else value.strip()
                if iso and not (_ISO.match(iso) and to_iso(iso) == iso):
                    warn(f"article entry {number} ({label}): date {value!r} is not an ISO date "
                         "(YYYY-MM-DD); ignored")
                    continue
                entry.values["date"] = iso or ""
            elif key not in ("file", "id"):
                entry.values[key] = _text(value)
        manifest.entries.append(entry)
    return manifest


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _notes(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [str(value).strip()] if str(value).strip() else []
