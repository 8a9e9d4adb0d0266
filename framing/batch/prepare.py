"""From a raw record to a stored article: cleaned text, normalised outlet and date, content key.

Cleaning and date reading are framing.ingest's (the same rules `framing analyze` applies to a single
file); this module only decides what a batch record's identity is:

* `uid`: a hash of the record as given (id, outlet, title, date, url, raw text). The same record read
  again is the same article; a record edited in the input is a new article.
* `text_hash`: a hash of the cleaned text and the metadata the analysis sees. With the analyzer
  version (framing.batch.version) it makes the analysis key: a stored analysis is reused only when
  both are unchanged.
"""
from __future__ import annotations

import hashlib
import json
import re

from .records import RawRecord

_SHORT_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})\s*$")
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
DATE_ORDERS = ("auto", "mdy", "dmy")


def _sha(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def clean_text(text: str, line: int = 0, outlet: str = ""):
    """framing.ingest's cleaning of one record's text (a `Cleaned`: text, removed, headline, date,
    notes); removals are reported at the record's line."""
    from ..ingest.clean import clean_text as ingest_clean

    return ingest_clean(text, first_line=line, fixed_line=True,
                        outlet_names=(outlet,) if outlet else ())


def read_date(value: str, order: str = "auto") -> tuple[str, str]:
    """(ISO date or "", note). Two-digit years ("1/21/19") are read as 19xx/20xx, whichever is
    not in the future; numeric day/month order comes from `order` ("auto": only when one part is
    above 12, as framing.ingest reads dates)."""
    from ..ingest.dates import to_iso

    value = (value or "").strip()
    if not value:
        return "", ""
    m = _SHORT_DATE.match(value)
    if m:
        import datetime as dt

        a, b, yy = (int(x) for x in m.groups())
        year = 2000 + yy if 2000 + yy <= dt.date.today().year + 1 else 1900 + yy
        value = f"{a}/{b}/{year}"
    m = _NUMERIC_DATE.match(value)
    if m and order in ("mdy", "dmy"):
        a, b, year = (int(x) for x in m.groups())
        month, day = (a, b) if order == "mdy" else (b, a)
        value = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        iso = to_iso(value)
    except Exception:  # a date reader error must not lose the article
        iso = None
    if iso:
        return iso, ""
    return "", f"date {value!r} could not be read for sure; left empty"


def prepare(record: RawRecord, aliases, date_order: str = "auto") -> dict:
    """The article row for the store, or {"failure": reason} when the record has no usable text."""
    f = record.fields
    raw_text = f.get("text", "")
    outlet_raw = " ".join(f.get("outlet", "").split())
    uid = _sha(f.get("id", ""), outlet_raw, f.get("title", ""), f.get("date", ""),
               f.get("url", ""), raw_text)[:20]
    if not raw_text.strip():
        return {"uid": uid, "failure": "empty text"}
    notes = list(record.notes)
    if record.cleaned:
        text, removed = raw_text, list(record.removed)
    else:
        try:
            cleaned = clean_text(raw_text, record.line, outlet_raw)
        except Exception as exc:  # cleaning must never stop the batch
            return {"uid": uid, "failure": f"cleaning failed: {type(exc).__name__}: {exc}"}
        text, removed = cleaned.text, list(cleaned.removed)
        notes += list(cleaned.notes)
    if not text.strip():
        return {"uid": uid, "failure": "no text left after removing web leftovers"}
    outlet = aliases(outlet_raw) if outlet_raw else ""
    if not outlet:
        outlet = "(unknown outlet)"
        notes.append("no outlet given")
    elif outlet != outlet_raw:
        notes.append(f"outlet {outlet_raw!r} stored as {outlet!r} (aliases file)")
    if record.cleaned:
        date, note = f.get("date", ""), ""
    else:
        date, note = read_date(f.get("date", ""), date_order)
        if not date and cleaned.date:
            date, note = cleaned.date, (note + "; " if note else "") + \
                f"date {cleaned.date} taken from the line {cleaned.date_line!r}"
    if note:
        notes.append(note)
    title = " ".join(f.get("title", "").split())
    if not title and not record.cleaned and cleaned.headline:
        title = cleaned.headline
        notes.append("title taken from the headline line")
    source_id = f.get("id", "") or (f"{record.source}:{record.line}" if record.line
                                    else record.source)
    removed_json = json.dumps([[r.text, r.reason, r.line] if hasattr(r, "reason") else r
                               for r in removed], ensure_ascii=False)
    return {
        "uid": uid, "source_id": source_id, "source": record.source, "line": record.line,
        "outlet": outlet, "outlet_raw": outlet_raw, "title": title, "date": date,
        "date_raw": f.get("date", ""), "url": f.get("url", "").strip(),
        "story_hint": record.story_hint, "text": text,
        "text_hash": _sha(text, outlet, title, date)[:20], "chars": len(text),
        "notes": json.dumps(notes, ensure_ascii=False), "removed": removed_json,
    }
