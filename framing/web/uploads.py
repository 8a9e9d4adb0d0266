"""Load a story from a teacher's upload: files and pasted texts, checked before anything is kept.

Checks, each with a message a teacher can act on: the request's total size and each file's size,
the file type (by extension, the formats framing reads), empty files and empty pastes, binary data,
text that is not UTF-8 (HTML may declare another charset). Files that pass are written to a private
temporary folder and read by the project's own loader (framing.ingest.load_story), which cleans the
text and reports its own problems. If any input is refused, the whole upload is refused and nothing
is stored: the teacher fixes the input and tries again, and no half story appears in the library.
"""
from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest.errors import format_size

ACCEPTED = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".csv", ".tsv")
MANIFESTS = ("manifest.toml", "manifest.json")
_DECLARED = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


@dataclass
class UploadFile:
    filename: str
    data: bytes


@dataclass
class Paste:
    outlet: str
    text: str
    title: str = ""


@dataclass
class UploadResult:
    story: object = None  # framing.model.Story when accepted
    errors: list[str] = field(default_factory=list)  # refusals: nothing is stored
    warnings: list[str] = field(default_factory=list)  # kept with the story


def safe_name(filename: str, n: int, taken=()) -> str:
    """The file's own name (no folders), reduced to safe characters; a number keeps it unique."""
    base = re.split(r"[\\/]", filename or "")[-1].strip()
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", stem).strip("_")[:60] or "file"
    ext = re.sub(r"[^A-Za-z0-9]+", "", ext).lower()[:10]
    if base.lower() in MANIFESTS:
        return base.lower()
    name = stem + (f".{ext}" if ext else "")
    if name in taken or name.lower() in MANIFESTS:
        name = f"{stem}_{n}" + (f".{ext}" if ext else "")
    return name


def check_file(f: UploadFile, max_bytes: int) -> str | None:
    """Why this file is refused, or None."""
    from ..ingest.encoding import binary_reason

    name = f.filename or "(no name)"
    lower = name.lower()
    if lower.endswith(".gz"):
        return f"{name}: compressed files are not accepted here; upload the file itself"
    if not (lower.endswith(ACCEPTED) or lower in MANIFESTS):
        ext = Path(lower).suffix or "(none)"
        return (f"{name}: file type {ext} is not accepted. Accepted: {', '.join(ACCEPTED)} "
                "(and manifest.toml / manifest.json)")
    if len(f.data) > max_bytes:
        return f"{name}: {format_size(len(f.data))} is over the limit of {format_size(max_bytes)} per file"
    if not f.data.strip():
        return f"{name}: the file is empty"
    reason = binary_reason(f.data[:8192])
    if reason:
        return f"{name}: {reason}"
    data = f.data
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            data.decode("utf-16")
            return None
        except UnicodeDecodeError:
            return f"{name}: not valid UTF-16 text"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if lower.endswith((".html", ".htm")) and _DECLARED.search(data[:8192]):
            return None  # the page declares its own encoding; the loader reads it
        line = data[:exc.start].count(b"\n") + 1
        return (f"{name}: not UTF-8 text (line {line}, byte {exc.start + 1}). "
                "Save it as UTF-8 (in a spreadsheet: 'CSV UTF-8') and upload it again")
    return None


def load_upload(files: list[UploadFile], pastes: list[Paste], story_name: str, *, max_file_bytes: int,
                max_paste_chars: int) -> UploadResult:
    out = UploadResult()
    files = [f for f in files if f.filename or f.data]
    used_pastes = []
    for n, p in enumerate(pastes, start=1):
        outlet, text = p.outlet.strip(), p.text
        if not outlet and not text.strip():
            continue
        label = f"pasted text {n}" + (f" ({outlet})" if outlet else "")
        if not text.strip():
            out.errors.append(f"{label}: the text is empty")
        elif len(text) > max_paste_chars:
            out.errors.append(f"{label}: {len(text):,} characters is over the limit of {max_paste_chars:,}")
        elif "\x00" in text:
            out.errors.append(f"{label}: contains binary data")
        else:
            used_pastes.append((n, outlet, p.title.strip(), text))
    for f in files:
        problem = check_file(f, max_file_bytes)
        if problem:
            out.errors.append(problem)
    has_manifest = any((f.filename or "").lower() in MANIFESTS for f in files)
    if has_manifest and used_pastes:
        out.errors.append("a manifest names uploaded files only: load pasted texts as a separate story")
    if not files and not used_pastes and not out.errors:
        out.errors.append("nothing to load: choose files or paste at least one article")
    if out.errors:
        return out
    from ..ingest import load_story

    with tempfile.TemporaryDirectory(prefix="framing-upload-") as tmp:
        folder = Path(tmp)
        names = {}
        for n, f in enumerate(files, start=1):
            name = safe_name(f.filename, n, names)
            (folder / name).write_bytes(f.data)
            names[name] = f.filename
        if used_pastes:
            entries = []
            for n, outlet, title, text in used_pastes:
                name = f"paste_{n:02d}.txt"
                (folder / name).write_text(text, encoding="utf-8")
                names[name] = f"pasted text {n}"
                entry = {"file": name}
                if outlet:
                    entry["outlet"] = outlet
                if title:
                    entry["title"] = title
                entries.append(entry)
            if not has_manifest:
                (folder / "manifest.json").write_text(json.dumps({"story": {"name": story_name or "pasted story"},
                                                                  "article": entries}), encoding="utf-8")
        story = load_story(str(folder), name=story_name or None, max_bytes=max_file_bytes,
                           max_file_bytes=max_file_bytes)

    def shown(text: str) -> str:
        text = text.replace(str(folder) + "/", "").replace(str(folder), "upload")
        for safe, original in names.items():
            text = text.replace(safe, original)
        return text

    for p in story.problems:
        message = shown(str(p))
        if p.fatal:
            out.errors.append(message)
        elif "no manifest" not in p.message:
            out.warnings.append(message)
    if not story.articles and not out.errors:
        out.errors.append("no article could be read from the upload")
    if out.errors:
        return out
    from dataclasses import replace

    articles = tuple(replace(a, source=shown(a.source), notes=tuple(shown(x) for x in a.notes))
                     for a in story.articles)
    name = story_name or (story.name if not story.name.startswith("framing-upload-") else "uploaded story")
    out.story = replace(story, name=name, articles=articles, problems=())
    return out
