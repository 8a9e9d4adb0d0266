"""HTML pages: the main text comes from trafilatura (the best news extractor in our comparison),
title, date, site name and URL from the page's metadata; our own cleaning runs afterwards.

Navigation, scripts, ads and footers never reach the text, so they are not listed as removals one
by one; a note says the extractor dropped them.
"""
from __future__ import annotations

import re

from ..errors import IngestError
from ..raw import Options, RawArticle, Source
from .text import decode_article_bytes, encoding_notes

_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.I)


def read_html(source: Source, options: Options):
    decoded = decode_article_bytes(source, options, html=True)
    import trafilatura  # slow to import: only when there is HTML to read

    html = decoded.text
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, deduplicate=False,
    )
    notes = encoding_notes(decoded)
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if text.strip():
        notes.append("main text extracted from the HTML page by trafilatura (navigation, ads, "
                     "scripts and footer dropped by the extractor)")
    else:
        text = trafilatura.html2txt(html) or ""
        notes.append("no main text found by trafilatura; used all text of the page")
    if not text.strip():
        raise IngestError("no text found in the HTML page")
    meta: dict[str, object] = {}
    if doc is not None:
        for field, attr in (("title", "title"), ("outlet", "sitename"), ("date", "date"), ("url", "url")):
            value = getattr(doc, attr, None)
            if isinstance(value, str) and value.strip():
                meta[field] = value.strip()
    author = getattr(doc, "author", None) if doc is not None else None
    if isinstance(author, str) and author.strip():
        notes.append(f"author (HTML metadata): {author.strip()}")
    m = _LANG.search(html[:5000])
    if m:
        meta["language"] = m.group(1).lower()
    yield RawArticle(text=text, source=source.display, key=source.stem, fmt="html", first_line=0,
                     wrap="lines", meta=meta, meta_from="HTML metadata", title_is_headline=True,
                     encoding=decoded.encoding, notes=notes)
