"""From a RawArticle (and its manifest entry) to the fields of an Article: clean the text, then
settle outlet, title, date, url and language, saying in the notes where each came from.

Precedence, most trusted first: the manifest (a person wrote it about these files), then metadata
the source carries (record fields, front matter, HTML meta tags), then what the text itself shows
(a headline line, a timestamp line). A manifest value that is present but empty means "unknown,
do not guess". The outlet label for an article whose outlet nobody names is given later, by the
story loader, because it depends on the article's position in the story.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Removal
from .boilerplate import RuleSet
from .clean import clean_text
from .dates import to_iso
from .errors import IngestError
from .manifest import Entry, Manifest
from .normalize import match_key
from .raw import RawArticle


@dataclass
class Draft:
    """An article before its id and outlet label are final."""

    key: str
    text: str
    outlet: str
    title: str
    date: str
    url: str
    language: str
    source: str
    removed: tuple[Removal, ...]
    notes: list[str] = field(default_factory=list)
    encoding: str = "utf-8"


def _meta_str(raw: RawArticle, name: str) -> str:
    value = raw.meta.get(name)
    return "" if value is None else str(value).strip()


def build_draft(raw: RawArticle, entry: Entry | None, manifest: Manifest | None,
                rules: RuleSet | None = None) -> Draft:
    """Clean and describe one article; raises IngestError when no text is left."""
    set_by = entry.values if entry is not None else {}
    notes = list(raw.notes)
    outlet = set_by.get("outlet") or _meta_str(raw, "outlet")
    if not set_by.get("outlet") and outlet:
        notes.append(f"outlet from the {raw.meta_from}")
    cleaned = clean_text(raw.text, first_line=raw.first_line, fixed_line=raw.fixed_line, wrap=raw.wrap,
                         standalone=raw.standalone, outlet_names=(outlet,) if outlet else (),
                         rules=rules)
    if not cleaned.text:
        what = "everything left looked like web leftovers" if cleaned.removed else "no text"
        raise IngestError(f"no article text after cleaning ({what})", raw.line)
    notes.extend(cleaned.notes)
    text = cleaned.text
    first_paragraph = text.split("\n\n", 1)[0]

    # Title: manifest > source metadata > a headline line at the top of the text.
    if "title" in set_by:
        title = set_by["title"]
    elif _meta_str(raw, "title"):
        title = _meta_str(raw, "title")
        notes.append(f"title from the {raw.meta_from}")
        if raw.title_is_headline and match_key(first_paragraph) != match_key(title):
            text = f"{title}\n\n{text}"
            notes.append(f"headline from the {raw.meta_from} added as the first paragraph")
    elif cleaned.headline:
        title = cleaned.headline
        notes.append("title taken from the first line (it looks like a headline)")
    else:
        title = ""
        notes.append("no headline found at the top of the text; title left empty")

    # Date: manifest > source metadata > a timestamp line near the top.
    if "date" in set_by:
        date = set_by["date"]
        if cleaned.date and cleaned.date != date:
            notes.append(f"the text's timestamp line says {cleaned.date_line!r}")
    elif raw.meta.get("date") not in (None, ""):
        date = to_iso(raw.meta["date"]) or ""
        notes.append(f"date from the {raw.meta_from}" if date else
                     f"date {str(raw.meta['date'])!r} from the {raw.meta_from} not understood; left empty")
    elif cleaned.date:
        date = cleaned.date
        notes.append(f"date from the timestamp line \u201c{cleaned.date_line}\u201d")
    elif cleaned.date == "":
        date = ""
        notes.append(f"timestamp line \u201c{cleaned.date_line}\u201d is ambiguous (day/month order); "
                     "date left empty")
    else:
        date = ""
        notes.append("no date in the text or its metadata; date left empty")

    url = set_by.get("url") if "url" in set_by else _meta_str(raw, "url")
    language = (set_by.get("language") or _meta_str(raw, "language")
                or (manifest.language if manifest else "") or "en")
    if entry is not None:
        notes.extend(entry.notes)
    return Draft(key=raw.key, text=text, outlet=outlet, title=title, date=date, url=url or "",
                 language=language, source=raw.source, removed=tuple(cleaned.removed), notes=notes,
                 encoding=raw.encoding)
